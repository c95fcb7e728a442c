"""`hdr ask "..."`: an operation in plain words, carried out by Claude with the suite's tools.

The suite's servers are reached as an MCP client (in this process by default, or over HTTP at a
running gateway with `--url`); their tools go to Claude through the anthropic SDK's tool runner,
named `<server>__<tool>`. Each call and its result are printed in brief. A destructive call makes
its server ask for confirmation (elicitation); the question is put to the person on stdin and their
answer goes back as the elicitation's answer. The final answer is printed last.

Environment: ANTHROPIC_API_KEY (required), ANTHROPIC_BASE_URL (another Messages API endpoint),
HDR_ASK_MODEL (default below), HDR_TOKEN (bearer token for a gateway that requires one).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

import anyio.to_thread

from servers.registry import SERVER_NAMES, load

DEFAULT_MODEL = "claude-sonnet-4-5"
MAX_TOKENS = 4096
MAX_TURNS = 25
SYSTEM = (
    "You operate HDR Empire, a suite of five MCP servers (forge: Kubernetes right-sizing; phantom: "
    "encryption and privacy; nexus: agent registry and handoffs; hardware: quantum circuits and satellites; "
    "compliance: policies and attestations). Use the tools to do what the person asks, prefer dry runs and "
    "read-only tools first, and answer briefly with what was done and what was found."
)


class AskError(RuntimeError):
    """`hdr ask` cannot start; the message says what to set or run."""


def _brief(value: Any, limit: int = 160) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _args_brief(args: dict[str, Any]) -> str:
    return _brief(
        {k: (v if not isinstance(v, str) or len(v) <= 40 else v[:39] + "…") for k, v in args.items()}
    )


class Asker:
    """Runs one question to its end. `ask_person(question) -> str` reads the person's answer
    (stdin by default); `out(line)` prints progress."""

    def __init__(
        self,
        *,
        url: str | None = None,
        token: str | None = None,
        servers: Sequence[str] = SERVER_NAMES,
        model: str | None = None,
        api_key: str | None = None,
        base_url: str | None = None,
        ask_person: Callable[[str], str] = input,
        out: Callable[[str], None] = print,
        max_turns: int = MAX_TURNS,
    ) -> None:
        self.url = url.rstrip("/") if url else None
        self.token = token
        self.servers = list(servers)
        self.model = model or os.environ.get("HDR_ASK_MODEL") or DEFAULT_MODEL
        self.api_key = api_key or os.environ.get("ANTHROPIC_API_KEY")
        self.base_url = base_url or os.environ.get("ANTHROPIC_BASE_URL")
        self.ask_person = ask_person
        self.out = out
        self.max_turns = max_turns
        if not self.api_key:
            raise AskError(
                "ANTHROPIC_API_KEY is not set: `hdr ask` needs Claude. Export your key "
                "(and ANTHROPIC_BASE_URL for another endpoint), then try again."
            )
        unknown = [s for s in self.servers if s not in SERVER_NAMES]
        if unknown:
            raise AskError(f"unknown server(s) {', '.join(unknown)}; choose from {', '.join(SERVER_NAMES)}")

    async def _elicit(self, context: Any, params: Any) -> Any:
        """A server asks the person something (a destructive call's confirmation): ask on stdin."""
        from mcp_types import ElicitResult

        message = getattr(params, "message", "Go ahead?")
        answer = await anyio.to_thread.run_sync(self.ask_person, f"? {message} [y/N] ")
        yes = answer.strip().lower() in ("y", "yes")
        self.out("  (confirmed)" if yes else "  (declined)")
        fields = (getattr(params, "requested_schema", None) or {}).get("properties") or {"confirm": {}}
        return ElicitResult(action="accept", content={name: yes for name in fields})

    def _client(self, name: str) -> Any:
        from mcp import Client

        if self.url is None:
            return Client(load(name).mcp, elicitation_callback=self._elicit)
        from mcp.client.streamable_http import streamable_http_client
        from mcp.shared._httpx_utils import create_mcp_http_client

        headers = {"Authorization": f"Bearer {self.token}"} if self.token else None
        return Client(
            streamable_http_client(
                f"{self.url}/{name}/mcp", http_client=create_mcp_http_client(headers=headers)
            ),
            elicitation_callback=self._elicit,
        )

    def _runnable(self, server: str, client: Any, tool: Any) -> Any:
        from anthropic.lib.tools import ToolError, beta_async_tool
        from anthropic.lib.tools.mcp import mcp_content

        qualified = f"{server}__{tool.name}"

        async def call(**arguments: Any) -> Any:
            self.out(f"→ {server}.{tool.name} {_args_brief(arguments)}")
            result = await client.call_tool(tool.name, arguments)
            shown = (
                result.structured_content
                if result.structured_content is not None
                else " ".join(getattr(c, "text", "") for c in result.content)
            )
            self.out(f"  {'✗' if result.is_error else '←'} {_brief(shown)}")
            blocks = [mcp_content(c) for c in result.content]
            if result.is_error:
                raise ToolError(blocks)
            return blocks or json.dumps(result.structured_content)

        return beta_async_tool(
            call,
            name=qualified,
            description=(tool.description or tool.title or tool.name)[:4000],
            input_schema=tool.input_schema,
        )

    async def run(self, question: str) -> str:
        from anthropic import AsyncAnthropic

        async with contextlib.AsyncExitStack() as stack:
            tools = []
            for name in self.servers:
                client = await stack.enter_async_context(self._client(name))
                tools += [self._runnable(name, client, t) for t in (await client.list_tools()).tools]
            claude = AsyncAnthropic(api_key=self.api_key, base_url=self.base_url, max_retries=1)
            runner = claude.beta.messages.tool_runner(
                model=self.model,
                max_tokens=MAX_TOKENS,
                system=SYSTEM,
                tools=tools,
                messages=[{"role": "user", "content": question}],
                max_iterations=self.max_turns,
                thread=False,
            )  # the full history each turn: plain Messages API, any compatible endpoint
            final = ""
            async for message in runner:
                text = "".join(b.text for b in message.content if b.type == "text").strip()
                if message.stop_reason == "tool_use":
                    if text:
                        self.out(f"· {_brief(text, 300)}")
                else:
                    final = text
            return final


def _leaf(exc: BaseException) -> BaseException:
    """The first real error inside the task groups' exception groups."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    return exc


def main(args: Any) -> int:
    """`hdr ask` (argparse namespace with question, url, servers, model)."""
    import logging

    import anthropic
    import httpx2

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)  # the servers' chatter stays off the answer
    logging.getLogger().setLevel(logging.WARNING)
    try:
        asker = Asker(
            url=args.url,
            token=os.environ.get("HDR_TOKEN"),
            servers=args.servers.split(",") if args.servers else SERVER_NAMES,
            model=args.model,
        )
        try:
            answer = anyio.run(asker.run, args.question)
        except BaseExceptionGroup as group:
            raise _leaf(group) from None
    except AskError as exc:
        print(f"hdr ask: {exc}", file=sys.stderr)
        return 2
    except anthropic.AuthenticationError:
        print("hdr ask: the Messages API refused ANTHROPIC_API_KEY (401); check the key.", file=sys.stderr)
        return 2
    except anthropic.APIConnectionError:
        print(
            "hdr ask: could not reach the Messages API"
            + (f" at {os.environ['ANTHROPIC_BASE_URL']}" if os.environ.get("ANTHROPIC_BASE_URL") else "")
            + "; check the network or ANTHROPIC_BASE_URL.",
            file=sys.stderr,
        )
        return 1
    except anthropic.APIStatusError as exc:
        print(f"hdr ask: the Messages API answered {exc.status_code}; try again later.", file=sys.stderr)
        return 1
    except (httpx2.HTTPError, OSError) as exc:
        where = f" at {args.url}" if args.url else ""
        print(
            f"hdr ask: could not reach the suite's servers{where} ({type(exc).__name__}); "
            "check `hdr serve` is running and HDR_TOKEN if it needs one.",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        print("hdr ask: interrupted.", file=sys.stderr)
        return 130
    print(answer)
    return 0
