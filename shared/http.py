"""What every MCP endpoint the suite serves over HTTP enforces before the SDK sees a request:
POST only (the servers are stateless, so a GET answers 405 at once instead of an event stream that
never sends), a bounded body, and JSON no deeper than MAX_JSON_DEPTH (answered with a JSON-RPC parse
error and HTTP 400, never a 500 with a traceback). The gateway's guard uses the same checks."""

from __future__ import annotations

import json
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_JSON_DEPTH = 64

# The refusals every HTTP front of the suite answers (a single server, the gateway's MCP guard, the A2A
# endpoint, the gateway's own routes), worded once.
UNAUTHENTICATED = {"error": "invalid_token", "error_description": "A valid bearer token is required."}
NOT_POST = {
    "error": "method_not_allowed",
    "error_description": "This MCP endpoint is stateless: send JSON-RPC requests with POST.",
}


def too_large(max_bytes: int) -> dict[str, str]:
    """The 413 body for a request past `max_bytes`."""
    return {
        "error": "request_too_large",
        "error_description": f"Request bodies are limited to {max_bytes} bytes.",
    }


def rate_limited(wait_s: float) -> tuple[dict[str, str], list[tuple[bytes, bytes]]]:
    """The 429 body and its Retry-After header for a client that must wait `wait_s` seconds."""
    body = {"error": "rate_limited", "error_description": f"Too many requests; retry after {wait_s:.1f} s."}
    return body, [(b"retry-after", str(max(1, round(wait_s))).encode())]


def well_formed(body: bytes) -> bool:
    """Whether the body parses as JSON no deeper than MAX_JSON_DEPTH. A deeply nested body used to
    reach the SDK's parser and come back as an HTTP 500 with a traceback in the log."""
    if body.count(b"[") + body.count(b"{") > MAX_JSON_DEPTH and _depth(body) > MAX_JSON_DEPTH:
        return False
    try:
        json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return False
    return True


async def read_body(receive: Receive, max_bytes: int) -> bytes | None:
    """The whole request body, or None as soon as it grows past `max_bytes` (nothing more is read)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > max_bytes:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(rb"[^\[\]{}]+")


def _depth(body: bytes) -> int:
    """The deepest nesting of [ ] and { } outside strings, without building anything (the string
    and non-bracket removal runs in C; the loop sees brackets only)."""
    deepest = depth = 0
    for byte in _NOT_BRACKET.sub(b"", _STRING.sub(b"", body)):
        if byte in (0x5B, 0x7B):
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_JSON_DEPTH:
                    return deepest
        else:
            depth -= 1
    return deepest


async def send_json(
    send: Send, status: int, body: dict, headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    """Answer an ASGI request with a JSON body."""
    data = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(data)).encode()),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": data})


class StatelessEndpoint:
    """ASGI wrapper for a single server's endpoint (`hdr run --http`): the checks above."""

    def __init__(self, app: ASGIApp, max_body_bytes: int = 1_048_576) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].rstrip("/").endswith("/mcp"):
            await self.app(scope, receive, send)
            return
        if scope["method"] != "POST":
            await send_json(send, 405, NOT_POST, [(b"allow", b"POST")])
            return
        body = await read_body(receive, self.max_body_bytes)
        if body is None:  # nothing more is read once the body grows past the limit
            await send_json(send, 413, too_large(self.max_body_bytes))
            return
        if not well_formed(body):
            await send_json(send, 400, PARSE_ERROR)
            return
        await self.app(scope, replayer(body, receive), send)


def replayer(body: bytes, receive: Receive) -> Receive:
    """A `receive` that hands the already-read body to the app once, then the client's own messages."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


PARSE_ERROR = {
    "jsonrpc": "2.0",
    "id": None,
    "error": {
        "code": -32700,
        "message": "Parse error: the body is not JSON, or nests deeper than "
        f"{MAX_JSON_DEPTH} levels. Send one JSON-RPC request object.",
    },
}
