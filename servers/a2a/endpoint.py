"""The A2A endpoints the gateway mounts, built from a2a-sdk's server components: its JSON-RPC routes
(A2A 1.0, and 0.3 on the same URL through the SDK's compatibility adapter) and HTTP+JSON routes (1.0),
its request handler and
task lifecycle, our executor (servers.a2a.executor) and task store (servers.a2a.tasks).

- `<base>/a2a`: every skill of the suite; `<base>/<server>/a2a`: that server's skills (JSON-RPC), and
  the HTTP+JSON binding under `<base>[/<server>]/a2a/rest`.
- In front of each, `A2AGuard` does what McpGuard does for MCP: a bearer token when auth is configured
  (401 otherwise), the per-client rate limit, the request size and JSON depth limits (shared.http), and
  scopes (403): `<server>:read`
  to use a server's endpoint at all, and for a message that runs a skill the scope MCP asks for the same
  tool (`<server>:write` unless the tool is read-only).
- Cards: `/.well-known/agent-card.json` (the suite) and `/<server>/.well-known/agent-card.json`, A2A 1.0
  and signed; the A2A 0.3 shape only for a client that asks with the `A2A-Version: 0.3` header or the
  `?A2A-Version=0.3` query parameter (the specification's version parameter). `/.well-known/jwks.json`
  holds the signing keys.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncGenerator, Callable
from typing import Any

from a2a.server.context import ServerCallContext
from a2a.server.request_handlers import DefaultRequestHandlerV2
from a2a.server.routes import create_jsonrpc_routes, create_rest_routes
from a2a.types import Message, Role, SendMessageRequest
from a2a.utils.errors import InvalidParamsError, InvalidRequestError
from google.protobuf.json_format import MessageToDict
from mcp.server.auth.middleware.bearer_auth import AuthenticatedUser
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Router
from starlette.types import ASGIApp, Receive, Scope, Send

from servers.a2a.callers import CallerContextBuilder, caller_of
from servers.a2a.executor import SkillExecutor
from servers.a2a.skills import SkillCatalog, requested_call
from servers.a2a.tasks import SuiteTaskStore
from servers.cards import (
    JWKS_PATH,
    REST_SUFFIX,
    SUITE,
    CardAuth,
    a2a_url,
    build_card,
    jwks,
    legacy_card,
    sign,
)
from servers.gateway.auth import grants
from servers.gateway.guard import RateLimiter
from shared.errors import BadInput
from shared.http import (
    PARSE_ERROR,
    UNAUTHENTICATED,
    rate_limited,
    read_body,
    replayer,
    send_json,
    too_large,
    well_formed,
)
from shared.suite import Suite
from shared.tools import ToolKit, principal_of

SEND_METHODS = ("SendMessage", "SendStreamingMessage", "message/send", "message/stream")  # JSON-RPC 1.0, 0.3
REST_SEND_PATHS = ("/message:send", "/message:stream")  # HTTP+JSON
# A task waiting for input (a confirmation, the arguments of a routed request) keeps a2a-sdk's in-memory
# runner only this long; a later follow-up recreates it from the store. Unbounded, every text request
# would hold memory for good.
INTERRUPTED_IDLE_S = 300.0
CARD_TTL_S = 60.0  # a signed card is re-signed at most this often (a rotated key shows within a minute)


class SkillRequestHandler(DefaultRequestHandlerV2):
    """a2a-sdk's request handler, refusing a message before any task exists when it cannot run: no
    parts, not from the user, a malformed skill call, an unknown skill, or a scope the caller lacks."""

    def __init__(self, *args: Any, catalog: SkillCatalog, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.catalog = catalog

    async def _admit(self, params: SendMessageRequest, context: ServerCallContext) -> None:
        message: Message = params.message
        if not message.parts:
            raise InvalidParamsError(
                message="The message has no parts. Send a data part naming a skill "
                '({"skill": "<server>.<tool>", "arguments": {...}}) or text.'
            )
        if message.role != Role.ROLE_USER:
            raise InvalidParamsError(message="Only messages with role ROLE_USER start or continue a task.")
        try:
            call = requested_call(MessageToDict(message))
            skill = await self.catalog.get(call.skill_id) if call is not None else None
        except BadInput as exc:
            raise InvalidParamsError(message=str(exc)) from None
        if skill is None and not any(p.HasField("text") and p.text.strip() for p in message.parts):
            raise InvalidParamsError(
                message="Nothing to do: send a data part naming a skill "
                '({"skill": "<server>.<tool>", "arguments": {...}}) or text '
                "saying what you need."
            )
        if skill is not None and not caller_of(context).may(skill.scope):
            raise InvalidRequestError(message=f"Required scope: {skill.scope}")

    async def on_message_send(self, params: SendMessageRequest, context: ServerCallContext) -> Any:
        await self._admit(params, context)
        return await super().on_message_send(params, context)

    async def on_message_send_stream(
        self, params: SendMessageRequest, context: ServerCallContext
    ) -> AsyncGenerator[Any, None]:
        await self._admit(params, context)
        async for event in super().on_message_send_stream(params, context):
            yield event


class A2AGuard:
    """Authentication, rate limit, size limit and scopes in front of one A2A endpoint (see the module)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        servers: tuple[str, ...],
        catalog: SkillCatalog,
        require_auth: bool,
        limiter: RateLimiter | None,
        max_body_bytes: int,
        audiences: dict[str, set[str]] | None,
    ) -> None:
        self.app = app
        self.servers = servers
        self.catalog = catalog
        self.require_auth = require_auth
        self.limiter = limiter
        self.max_body_bytes = max_body_bytes
        self.audiences = audiences  # server -> token resources accepted for its skills (None: any)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        user = scope.get("user")
        token = user.access_token if isinstance(user, AuthenticatedUser) else None
        if self.require_auth and token is None:
            await send_json(
                send, 401, UNAUTHENTICATED, [(b"www-authenticate", b'Bearer error="invalid_token"')]
            )
            return
        if self.limiter is not None:
            client = principal_of(token) if token else f"ip:{(scope.get('client') or ('?',))[0]}"
            wait = self.limiter.allow(client)
            if wait > 0:
                await send_json(send, 429, *rate_limited(wait))
                return
        body = await self._read_body(receive) if scope["method"] == "POST" else b""
        if body is None:
            await send_json(send, 413, too_large(self.max_body_bytes), [])
            return
        if body and not well_formed(body):  # too deep for the parsers behind (answered as MCP does)
            await send_json(send, 400, PARSE_ERROR, [])
            return
        if token is not None:
            needed = await self._needed_scope(scope["path"], body, token)
            if needed is not None:
                await send_json(
                    send,
                    403,
                    {"error": "insufficient_scope", "error_description": f"Required scope: {needed}"},
                    [(b"www-authenticate", f'Bearer error="insufficient_scope", scope="{needed}"'.encode())],
                )
                return
        await self.app(scope, replayer(body, receive), send)

    async def _needed_scope(self, path: str, body: bytes, token: Any) -> str | None:
        """The scope the token lacks for this request, None when it may go ahead."""
        if not any(grants(token.scopes, f"{s}:read") for s in self.servers):
            return " or ".join(f"{s}:read" for s in self.servers)
        try:
            request = json.loads(body) if body else None
        except (ValueError, UnicodeDecodeError, RecursionError):
            return None  # the JSON-RPC layer answers with a parse error
        if not isinstance(request, dict):
            return None
        if path.endswith(REST_SEND_PATHS):  # HTTP+JSON: the body is the SendMessageRequest
            message = request.get("message")
        elif request.get("method") in SEND_METHODS:  # JSON-RPC
            params = request.get("params")
            message = params.get("message") if isinstance(params, dict) else None
        else:
            return None
        try:
            call = requested_call(message)
            skill = await self.catalog.get(call.skill_id) if call is not None else None
        except BadInput:
            return None  # the request handler answers with invalid params, naming what is wrong
        if skill is None:
            return None
        if not grants(token.scopes, skill.scope):
            return skill.scope
        accepted = (self.audiences or {}).get(skill.server)
        if accepted is not None and token.resource is not None and token.resource not in accepted:
            return skill.scope + " (in a token issued for this server or the suite's A2A endpoint)"
        return None

    async def _read_body(self, receive: Receive) -> bytes | None:
        return await read_body(receive, self.max_body_bytes)


class A2AEndpoint:
    """One A2A endpoint (the suite's or one server's), built on first use: the card it serves needs the
    live tool lists, which are read asynchronously."""

    def __init__(
        self,
        name: str,
        kits: dict[str, ToolKit],
        *,
        base_url: str,
        auth: CardAuth,
        suite: Callable[[], Suite],
    ) -> None:
        self.name = name
        self.kits = kits
        self.base_url = base_url
        self.auth = auth
        self.suite = suite
        self.catalog = SkillCatalog(kits)
        self._card: dict[str, Any] | None = None
        self._signed: tuple[float, dict[str, Any]] | None = None
        self._router: Router | None = None
        self.handler: SkillRequestHandler | None = None
        self._lock = asyncio.Lock()

    async def card(self) -> dict[str, Any]:
        if self._card is None:
            self._card = await build_card(self.name, self.base_url, auth=self.auth, kits=self.kits)
        return self._card

    async def signed_card(self) -> dict[str, Any]:
        import anyio.to_thread

        now = time.monotonic()
        if self._signed is None or now - self._signed[0] > CARD_TTL_S:
            card = await self.card()
            signed = await anyio.to_thread.run_sync(  # the store and the key: not on the event loop
                lambda: sign(card, self.suite(), jku=self.base_url.rstrip("/") + JWKS_PATH)
            )
            self._signed = (now, signed)
        return self._signed[1]

    async def _build(self) -> Router:
        from servers.cards import validate

        async with self._lock:
            if self._router is None:
                card = validate(await self.card())
                self.handler = SkillRequestHandler(
                    agent_executor=SkillExecutor(self.catalog, self.suite),
                    task_store=self._task_store(),
                    agent_card=card,
                    catalog=self.catalog,
                    interrupted_task_timeout=INTERRUPTED_IDLE_S,
                )
                path = "/a2a" if self.name == SUITE else f"/{self.name}/a2a"
                routes: list[BaseRoute] = list(
                    create_jsonrpc_routes(
                        self.handler, path, context_builder=CallerContextBuilder(), enable_v0_3_compat=True
                    )
                )
                routes += create_rest_routes(
                    self.handler, context_builder=CallerContextBuilder(), path_prefix=path + REST_SUFFIX
                )
                self._router = Router(routes=routes)
        return self._router

    def _task_store(self) -> SuiteTaskStore:
        from shared.kek import load_kek

        suite = self.suite()
        return SuiteTaskStore(suite.store, self.name, load_kek(suite.config.ensure_home(), "a2a tasks"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        router = self._router or await self._build()
        await router(scope, receive, send)

    async def aclose(self) -> None:
        if self.handler is not None:
            await self.handler.aclose()


def wants_legacy(request: Request) -> bool:
    """Whether the client asked for the A2A 0.3 card (header or query parameter `A2A-Version`)."""
    asked = request.headers.get("a2a-version") or request.query_params.get("A2A-Version") or ""
    return asked.strip().startswith("0.3")


async def card_response(endpoint: A2AEndpoint, request: Request) -> Response:
    """The card, with a weak ETag over its content without signatures (a re-signed card is the same
    card), answering a matching If-None-Match with 304."""
    import hashlib

    legacy = wants_legacy(request)
    body = legacy_card(await endpoint.card()) if legacy else await endpoint.signed_card()
    unsigned = json.dumps({k: v for k, v in body.items() if k != "signatures"}, sort_keys=True)
    etag = f'W/"{"0.3-" if legacy else ""}{hashlib.sha256(unsigned.encode()).hexdigest()[:32]}"'
    headers = {"Cache-Control": f"public, max-age={int(CARD_TTL_S)}", "Vary": "A2A-Version", "ETag": etag}
    asked = [t.strip() for t in request.headers.get("if-none-match", "").split(",")]
    if etag in asked or etag.removeprefix("W/") in asked:
        return Response(status_code=304, headers=headers)
    return JSONResponse(body, headers=headers)


async def jwks_response(suite: Callable[[], Suite]) -> Response:
    import anyio.to_thread

    keys = await anyio.to_thread.run_sync(jwks, suite())
    return JSONResponse(keys, headers={"Cache-Control": "public, max-age=300"})


def _verification(
    name: str, kits: dict[str, ToolKit], settings: Any, verifier_for: Callable[[str], Any]
) -> tuple[Any, dict[str, set[str]] | None]:
    """The token verifier of endpoint `name` (None: no auth) and, for the suite's, the audiences a
    token may have for each server's skills."""
    from servers.gateway.auth import AnyVerifier

    base = settings.base_url
    if name == SUITE:  # a token for the suite's A2A URL, or for one server's MCP resource (its skills)
        resources = [a2a_url(base, SUITE), *(settings.resource_url(s) for s in kits)]
        found = [verifier_for(r) for r in resources]
        verifier = AnyVerifier([v for v in found if v is not None]) if any(found) else None
        return verifier, {s: {a2a_url(base, SUITE), settings.resource_url(s)} for s in kits}
    return verifier_for(settings.resource_url(name)), None


def install(
    app: Any,
    kits: dict[str, ToolKit],
    *,
    settings: Any,
    suite: Callable[[], Suite],
    verifier_for: Callable[[str], Any],
    limiter: RateLimiter | None,
) -> list[A2AEndpoint]:
    """Add the A2A endpoints, the cards and the JWKS to the gateway `app` (before it mounts the MCP
    servers at /<server>, which would otherwise take these paths). Returns the endpoints, whose
    `aclose` the gateway calls at shutdown."""
    from mcp.server.auth.middleware.auth_context import AuthContextMiddleware
    from mcp.server.auth.middleware.bearer_auth import BearerAuthBackend
    from starlette.middleware.authentication import AuthenticationMiddleware
    from starlette.routing import Route

    from servers.cards import card_auth

    auth = card_auth(settings)
    base = settings.base_url
    endpoints = []
    for name in (SUITE, *kits):
        subset = kits if name == SUITE else {name: kits[name]}
        endpoint = A2AEndpoint(name, subset, base_url=base, auth=auth, suite=suite)
        endpoints.append(endpoint)
        verifier, audiences = _verification(name, kits, settings, verifier_for)
        guarded: Any = A2AGuard(
            endpoint,
            servers=tuple(subset),
            catalog=endpoint.catalog,
            require_auth=settings.auth_enabled,
            limiter=limiter,
            max_body_bytes=settings.max_body_bytes,
            audiences=audiences,
        )
        if verifier is not None:
            guarded = AuthenticationMiddleware(
                AuthContextMiddleware(guarded), backend=BearerAuthBackend(verifier)
            )
        prefix = "" if name == SUITE else f"/{name}"
        app.router.routes.append(Route(f"{prefix}/a2a", guarded, methods=["POST"]))
        app.router.routes.append(
            Route(f"{prefix}/a2a{REST_SUFFIX}/{{rest:path}}", guarded, methods=["GET", "POST", "DELETE"])
        )
        app.router.routes.append(
            Route(f"{prefix}/.well-known/agent-card.json", _card_route(endpoint), methods=["GET"])
        )

    async def jwks_route(_: Request) -> Response:
        return await jwks_response(suite)

    app.router.routes.append(Route(JWKS_PATH, jwks_route, methods=["GET"]))
    return endpoints


def _card_route(endpoint: A2AEndpoint) -> Callable[[Request], Any]:
    async def agent_card(request: Request) -> Response:
        return await card_response(endpoint, request)

    return agent_card
