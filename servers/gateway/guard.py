"""What stands in front of each server's MCP endpoint: authentication required (when configured),
per-client rate limits, a request size limit, per-server scopes by tool, and the tool-call metrics.

It reads the JSON-RPC body once (bounded), so it knows the method and the tool being called,
then replays the body to the SDK's transport unchanged."""

from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from mcp.server.auth.middleware.bearer_auth import AuthenticatedUser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from servers.gateway.auth import grants
from servers.gateway.metrics import GatewayMetrics
from shared.http import (
    NOT_POST,
    PARSE_ERROR,
    UNAUTHENTICATED,
    rate_limited,
    read_body,
    replayer,
    send_json,
    too_large,
    well_formed,
)
from shared.ownership import OPERATOR
from shared.tools import principal_of


class RateLimiter:
    """A token bucket per client (token principal, else address); the least recently seen clients
    are forgotten past `max_clients`, so memory stays bounded."""

    def __init__(self, per_second: float, burst: int, max_clients: int = 10_000) -> None:
        self.per_second = per_second
        self.burst = max(1, burst)
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._max = max_clients
        self._lock = threading.Lock()

    def allow(self, client: str) -> float:
        """0.0 when the request may go ahead, else the seconds to wait."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.pop(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.per_second)
            wait = 0.0 if tokens >= 1.0 else (1.0 - tokens) / self.per_second
            if wait == 0.0:
                tokens -= 1.0
            self._buckets[client] = (tokens, now)
            while len(self._buckets) > self._max:
                self._buckets.popitem(last=False)
            return wait


class McpGuard:
    def __init__(
        self,
        app: ASGIApp,
        *,
        server: str,
        metrics: GatewayMetrics,
        read_only_tools: Callable[[], Awaitable[set[str]]],
        known_tools: Callable[[], Awaitable[set[str]]],
        require_auth: bool,
        limiter: RateLimiter | None,
        max_body_bytes: int,
        resource_metadata_url: str | None,
    ) -> None:
        self.app = app
        self.server = server
        self.metrics = metrics
        self._read_only_tools = read_only_tools
        self._known_tools = known_tools
        self.require_auth = require_auth
        self.limiter = limiter
        self.max_body_bytes = max_body_bytes
        self.resource_metadata_url = resource_metadata_url

    def _challenge(self, error: str, description: str, scope: str | None = None) -> list[tuple[bytes, bytes]]:
        parts = [f'error="{error}"', f'error_description="{description}"']
        if scope:
            parts.append(f'scope="{scope}"')
        if self.resource_metadata_url:
            parts.append(f'resource_metadata="{self.resource_metadata_url}"')
        return [(b"www-authenticate", ("Bearer " + ", ".join(parts)).encode())]

    async def _reject(
        self,
        send: Send,
        status: int,
        reason: str,
        body: dict[str, Any],
        headers: list[tuple[bytes, bytes]] | None = None,
    ) -> None:
        self.metrics.rejected.labels(self.server, reason).inc()
        await send_json(send, status, body, headers or [])

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        user = scope.get("user")
        if not await self._admitted(scope, send, user):
            return
        body = await self._read_body(receive)
        if body is None or not well_formed(body):
            await self._refuse_body(body, send)
            return
        method, tool = _rpc_target(body)
        tool_label: str | None
        if tool is not None and tool not in await self._known_tools():
            tool_label = "unknown"
        else:
            tool_label = tool
        if self.require_auth and not await self._in_scope(send, user, method, tool):
            return
        replay = replayer(body, receive)
        if method != "tools/call":
            await self.app(scope, replay, send)
            return
        await self._timed_call(scope, replay, send, tool_label or "unknown")

    async def _admitted(self, scope: Scope, send: Send, user: Any) -> bool:
        """Before the body is read: authenticated (when required), within the client's rate, a POST.
        False once it has answered the request with the refusal."""
        authenticated = isinstance(user, AuthenticatedUser)
        if self.require_auth and not authenticated:
            await self._reject(
                send,
                401,
                "unauthenticated",
                UNAUTHENTICATED,
                self._challenge("invalid_token", "A valid bearer token is required"),
            )
            return False
        client = (
            principal_of(user.access_token)
            if isinstance(user, AuthenticatedUser)
            else f"ip:{(scope.get('client') or ('?',))[0]}"
        )
        if self.limiter is not None:
            wait = self.limiter.allow(client)
            if wait > 0:
                await self._reject(send, 429, "rate_limited", *rate_limited(wait))
                return False
        if scope["method"] != "POST":
            # Stateless servers keep no stream to resume: a GET (or DELETE) answers at once instead of
            # opening an event stream that never sends anything (probes and readiness loops hung on it).
            await self._reject(
                send,
                405,
                "method_not_allowed",
                NOT_POST,
                [(b"allow", b"POST")],
            )
            return False
        return True

    async def _refuse_body(self, body: bytes | None, send: Send) -> None:
        """Answers a body past the size limit (None) with 413, one that is not JSON with 400."""
        if body is None:
            await self._reject(send, 413, "too_large", too_large(self.max_body_bytes))
            return
        await self._reject(send, 400, "bad_json", PARSE_ERROR)

    async def _in_scope(self, send: Send, user: Any, method: str | None, tool: str | None) -> bool:
        """The token's scopes grant this server's read (or, for a tool that writes, write) scope;
        False once it has answered 403."""
        read_only = method != "tools/call" or tool in await self._read_only_tools()
        needed = f"{self.server}:{'read' if read_only else 'write'}"
        scopes = user.access_token.scopes if isinstance(user, AuthenticatedUser) else []
        if not grants(scopes, needed):
            await self._reject(
                send,
                403,
                "insufficient_scope",
                {"error": "insufficient_scope", "error_description": f"Required scope: {needed}"},
                self._challenge("insufficient_scope", f"Required scope: {needed}", needed),
            )
            return False
        return True

    async def _read_body(self, receive: Receive) -> bytes | None:
        return await read_body(receive, self.max_body_bytes)

    async def _timed_call(self, scope: Scope, receive: Receive, send: Send, tool: str) -> None:
        status = 0
        captured: list[bytes] = []
        size = 0

        async def capture(message: Message) -> None:
            nonlocal status, size
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body" and size < 4_000_000:
                size += len(message.get("body", b""))
                captured.append(message.get("body", b""))
            await send(message)

        started = time.perf_counter()
        try:
            await self.app(scope, receive, capture)
        finally:
            outcome = _outcome(status, b"".join(captured))
            user = scope.get("user")
            caller = principal_of(user.access_token) if isinstance(user, AuthenticatedUser) else OPERATOR
            self.metrics.tool_call(self.server, tool, outcome, time.perf_counter() - started, caller)


def _rpc_target(body: bytes) -> tuple[str | None, str | None]:
    """The JSON-RPC method and, for tools/call, the tool name (None when the body is not one request)."""
    try:
        message = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None, None
    if not isinstance(message, dict):
        return None, None
    method = message.get("method") if isinstance(message.get("method"), str) else None
    tool = None
    if method == "tools/call" and isinstance(message.get("params"), dict):
        name = message["params"].get("name")
        tool = name[:128] if isinstance(name, str) else None
    return method, tool


def _sse_reply(body: bytes) -> bytes:
    """The last `data:` of an event stream: the JSON-RPC response (progress notifications come first)."""
    data = [line[5:].strip() for line in body.splitlines() if line.startswith(b"data:")]
    return next((d for d in reversed(data) if d), b"")


def _outcome(status: int, body: bytes) -> str:
    if status >= 400 or status == 0:
        return "http_error"
    if body.startswith((b"event:", b"data:", b"id:", b"retry:", b":")):
        body = _sse_reply(body)
    try:
        reply = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return "ok"  # a stream cut short; the SDK reports errors inside it
    if not isinstance(reply, dict):
        return "ok"
    if "error" in reply:
        return "protocol_error"
    result = reply.get("result") or {}
    if result.get("isError"):
        return "error"
    if result.get("resultType") == "input_required" or "inputRequests" in result:
        return "input_required"
    return "ok"
