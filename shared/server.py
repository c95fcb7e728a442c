"""Building and running one suite server: the shared memory tools every server has, and the
command line each `hdr-<server>` entry point uses (stdio by default, `--http` for streamable HTTP)."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, Field

from shared.prompts import extras
from shared.tools import ToolKit

if TYPE_CHECKING:  # chromadb and numpy load on first use, not at server start
    from shared.memory import MemoryItem


class MemoryHit(BaseModel):
    id: str
    text: str
    kind: str
    tags: list[str]
    source: str = Field(description="Server that wrote it")
    tool: str = Field(description="Tool that wrote it")
    created_at: float = Field(description="Unix time")
    score: float | None = Field(None, description="Similarity to the query, 0..1")

    @classmethod
    def of(cls, item: MemoryItem) -> MemoryHit:
        """The entry as a reader sees it (its `extra` metadata stays for filtering)."""
        return cls.model_validate(item, from_attributes=True)


class Remembered(BaseModel):
    id: str
    kind: str
    tags: list[str]
    source: str


class Recollection(BaseModel):
    query: str
    hits: list[MemoryHit]


def create_server(name: str, *, title: str, description: str, instructions: str | None = None) -> ToolKit:
    """A suite server with the shared `remember` and `recall` tools already registered."""
    kit = ToolKit(name, title=title, description=description, instructions=instructions)
    extras(kit)  # prompts/get, completion/complete and logging/setLevel handled the suite's way

    @kit.tool(
        title="Remember a fact",
        read_only=False,
        idempotent=False,
        shared=True,
        examples=[
            "remember that checkout-api was scaled down on Friday",
            "note for the team: the EU keys were rotated today",
        ],
    )
    def remember(
        text: Annotated[str, Field(description="What to keep, in plain words")],
        kind: Annotated[str, Field(description="note, decision, incident, handoff, ...")] = "note",
        tags: Annotated[list[str] | None, Field(description="Labels to filter by")] = None,
        source: Annotated[str | None, Field(description="Who or what it is about")] = None,
    ) -> Remembered:
        """Keep a fact, decision or note in the memory all five HDR servers share, for any agent to recall
        later. Never secrets or other people's data. Returns its id."""
        item = kit.suite.memory.remember(
            text, kind, source=name, tool="remember", tags=tags, extra={"about": source} if source else None
        )
        kit.suite.flush_memory_outbox()  # decisions kept while the memory was down
        return Remembered(id=item.id, kind=item.kind, tags=item.tags, source=item.source)

    @kit.tool(
        title="Recall from memory",
        read_only=True,
        idempotent=True,
        shared=True,
        examples=["what happened to checkout-api last week?", "who handled the last incident handoff?"],
    )
    def recall(
        query: Annotated[str, Field(description="What to look for, in plain words")],
        k: Annotated[int, Field(description="How many entries to return (1-100)")] = 5,
        kind: Annotated[str | None, Field(description="Only entries of this kind")] = None,
        source: Annotated[str | None, Field(description="Only entries written by this server")] = None,
    ) -> Recollection:
        """Search the memory all five HDR servers share, by meaning ('what happened to checkout-api last
        week?'). Returns the closest entries with similarity, kind, tags and which server and tool wrote them."""
        items = kit.suite.memory.recall(query, k=k, kind=kind, source=source)
        return Recollection(
            query=query,
            hits=[MemoryHit.of(i) for i in items],
        )

    return kit


def configure_logging() -> None:
    """Log to stderr (stdout carries the stdio protocol), without per-request chatter."""
    logging.basicConfig(
        level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(name)s %(levelname)s %(message)s"
    )
    for noisy in (
        "httpx",
        "httpcore",
        "mcp.server.streamable_http",
        "mcp.server.streamable_http_manager",
        "chromadb",
        "uvicorn.access",
    ):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def http_app(kit: ToolKit, path: str = "/mcp"):  # -> ASGI app
    """The server as a stateless streamable-HTTP ASGI app (both protocol eras), POST only, with
    bounded, well-formed JSON bodies (shared.http), and `GET /healthz` for probes and readiness loops.
    Each POST answers with an event stream, so the call's progress reaches the client before its result."""
    from shared.http import StatelessEndpoint

    endpoint = StatelessEndpoint(
        kit.mcp.streamable_http_app(streamable_http_path=path, stateless_http=True, json_response=False)
    )
    return HealthCheck(endpoint, kit.name, path)


class HealthCheck:
    """ASGI wrapper answering `GET|HEAD /healthz` (alive: the process serves HTTP) like the gateway's,
    without touching the store or memory, and passing every other request to the server."""

    def __init__(self, app: Any, server: str, mcp_path: str) -> None:
        self.app = app
        self.body = {"status": "ok", "server": server, "mcp": mcp_path}
        self.started = time.monotonic()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"].rstrip("/") != "/healthz":
            await self.app(scope, receive, send)
            return
        from shared.http import send_json

        if scope["method"] not in ("GET", "HEAD"):
            await send_json(send, 405, {"error": "method_not_allowed"}, [(b"allow", b"GET, HEAD")])
            return
        await send_json(send, 200, self.body | {"uptime_s": round(time.monotonic() - self.started, 1)})


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def run(kit: ToolKit, argv: Sequence[str] | None = None) -> None:
    """Command line of `hdr-<server>`: stdio (for desktop clients) unless --http is given."""
    parser = argparse.ArgumentParser(prog=f"hdr-{kit.name}", description=kit.mcp.description)
    parser.add_argument("--http", action="store_true", help="serve streamable HTTP instead of stdio")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--toolsets",
        default=None,
        metavar="NAMES",
        help="comma-separated toolsets to list (`default`, `all`, or names; see docs); "
        f"default: $HDR_{kit.name.upper()}_TOOLSETS, $HDR_TOOLSETS, else the server's default",
    )
    args = parser.parse_args(argv)
    configure_logging()
    if args.toolsets is not None:
        from shared.toolsets import choose

        try:
            choose(kit, args.toolsets)
        except ValueError as exc:
            parser.error(str(exc))
    from shared.result_text import mode_for

    try:
        mode_for(kit)  # a mistyped HDR_*_RESULT_TEXT fails at start, not on the first call
    except ValueError as exc:
        parser.error(str(exc))
    if not args.http:
        kit.mcp.run("stdio")
        return
    if args.host not in LOOPBACK_HOSTS:
        # One server over HTTP has no authentication of its own: anything but loopback would hand its
        # tools (decrypt, rotate_keys, apply) to whoever reaches the port. `hdr serve` authenticates.
        print(
            f"hdr-{kit.name}: refusing to serve on {args.host} without authentication; bind to 127.0.0.1, "
            "or run `hdr serve` with OAuth or API tokens configured (docs/gateway.md).",
            file=sys.stderr,
        )
        raise SystemExit(2)
    import uvicorn

    uvicorn.run(http_app(kit), host=args.host, port=args.port, log_level="warning")
