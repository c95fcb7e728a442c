"""The suite as one HTTP service: the five servers' streamable-HTTP endpoints (stateless) at
/<server>/mcp behind authentication, limits and metrics; the A2A endpoints (/a2a, /<server>/a2a) with
signed agent cards (servers/a2a); probes, /metrics, OAuth protected-resource metadata, and the
dashboard with its JSON API. `hdr serve` runs it."""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from mcp.server.auth.middleware.auth_context import AuthContextMiddleware
from mcp.server.auth.middleware.bearer_auth import BearerAuthBackend
from mcp.server.auth.provider import TokenVerifier
from mcp.server.auth.routes import build_resource_metadata_url, create_protected_resource_routes
from mcp.server.transport_security import TransportSecurityMiddleware, TransportSecuritySettings
from pydantic import AnyHttpUrl
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.routing import Route
from starlette.types import ASGIApp

from servers.gateway import readiness
from servers.gateway.auth import SUITE_READ, AnyVerifier, JWTVerifier, StaticTokenVerifier, grants
from servers.gateway.guard import McpGuard, RateLimiter
from servers.gateway.metrics import GatewayMetrics
from servers.gateway.settings import LOOPBACK, GatewaySettings
from servers.gateway.status import ChainCache, snapshot
from servers.registry import load_all
from shared.http import UNAUTHENTICATED
from shared.suite import Suite, get_suite
from shared.tools import ToolKit

log = logging.getLogger("hdr.gateway")

DASHBOARD_DIR = Path(__file__).resolve().parent.parent / "dashboard"
OPEN_PATHS = ("/healthz", "/readyz")


def _security(settings: GatewaySettings) -> TransportSecuritySettings | None:
    """Host and Origin checks against DNS rebinding: loopback names on loopback; otherwise the
    configured hosts/origins, or the public URL's."""
    hosts, origins = list(settings.allowed_hosts), list(settings.allowed_origins)
    if settings.loopback:
        hosts += ["127.0.0.1:*", "localhost:*", "[::1]:*", "testserver"]
        origins += ["http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*"]
    if settings.public_url:
        parsed = urlparse(settings.public_url)
        hosts.append(parsed.netloc)
        origins.append(f"{parsed.scheme}://{parsed.netloc}")
    if not hosts:
        log.warning("no allowed_hosts or public_url configured: Host/Origin validation is off")
        return None
    return TransportSecuritySettings(
        enable_dns_rebinding_protection=True, allowed_hosts=hosts, allowed_origins=origins
    )


def _request_state_key(settings: GatewaySettings) -> bytes | None:
    path = settings.request_state_key_file or os.environ.get("HDR_REQUEST_STATE_KEY_FILE")
    if not path:
        return None
    key = Path(path).read_bytes().strip()
    if len(key) < 32:
        raise ValueError(
            f"request-state key file {path} holds {len(key)} bytes; it needs at least 32 random bytes"
        )
    return key


class _Refusal(Exception):
    """A suite route refused before its handler ran; `response` is what the caller gets."""

    def __init__(self, response: Response) -> None:
        super().__init__("refused")
        self.response = response


async def _refusal_response(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, _Refusal)
    return exc.response


@dataclass
class _Gateway:
    """What the gateway's routes share: settings, the servers, and the checks every request meets."""

    settings: GatewaySettings
    kits: dict[str, ToolKit]
    suite: Callable[[], Suite]
    jwks_client: Any
    started: float = field(default_factory=time.time)
    security: TransportSecuritySettings | None = None
    limiter: RateLimiter | None = None
    metrics: GatewayMetrics = field(init=False)
    chain: ChainCache = field(default_factory=ChainCache)
    host_check: TransportSecurityMiddleware | None = field(init=False)
    suite_verifier: TokenVerifier | None = field(init=False)

    def __post_init__(self) -> None:
        self.security = _security(self.settings)
        self.metrics = GatewayMetrics(self.suite)
        rate = self.settings.rate_per_second
        self.limiter = RateLimiter(rate, self.settings.rate_burst) if rate > 0 else None
        if self.settings.oauth is not None and self.jwks_client is None:
            import jwt

            self.jwks_client = jwt.PyJWKClient(
                self.settings.oauth.jwks_url, cache_keys=True, lifespan=300, timeout=5
            )
        self.host_check = TransportSecurityMiddleware(self.security) if self.security else None
        self.suite_verifier = self.verifier_for(self.settings.base_url)

    def verifier_for(self, resource_url: str) -> TokenVerifier | None:
        """Who may call `resource_url`: the static tokens and/or OAuth JWTs for that audience."""
        verifiers: list[TokenVerifier] = []
        if self.settings.tokens:
            verifiers.append(StaticTokenVerifier(self.settings.tokens))
        if self.settings.oauth is not None:
            verifiers.append(JWTVerifier(self.settings.oauth, resource_url, self.jwks_client))
        return AnyVerifier(verifiers) if verifiers else None

    async def require_host(self, request: Request) -> None:
        """Dependency: the Host/Origin check against DNS rebinding."""
        if self.host_check is not None:
            refused = await self.host_check.validate_request(request)
            if refused is not None:
                raise _Refusal(refused)

    async def require_suite_read(self, request: Request) -> None:
        """Dependency: the Host/Origin check, then (with auth configured) a bearer token with suite:read."""
        await self.require_host(request)
        if self.suite_verifier is None:
            return
        header = request.headers.get("authorization", "")
        token = header[7:] if header.lower().startswith("bearer ") else None
        found = await self.suite_verifier.verify_token(token) if token else None
        if found is None or (found.expires_at and found.expires_at < time.time()):
            raise _Refusal(
                JSONResponse(
                    UNAUTHENTICATED,
                    401,
                    headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
                )
            )
        if not grants(found.scopes, SUITE_READ):
            raise _Refusal(
                JSONResponse(
                    {"error": "insufficient_scope", "error_description": f"Required scope: {SUITE_READ}"},
                    403,
                    headers={"WWW-Authenticate": f'Bearer error="insufficient_scope", scope="{SUITE_READ}"'},
                )
            )


def _suite_router(gw: _Gateway) -> APIRouter:
    """Probes, /metrics, the dashboard and its JSON API."""
    router = APIRouter()
    suite_read = [Depends(gw.require_suite_read)]

    @router.get("/healthz")
    def healthz() -> dict[str, Any]:
        return {
            "status": "ok",
            "uptime_s": round(time.time() - gw.started, 1),
            "auth": gw.settings.auth_enabled,
            "servers": {name: f"/{name}/mcp" for name in gw.kits},
        }

    @router.get("/readyz")
    def readyz() -> JSONResponse:
        found = readiness.check(gw.suite)
        return JSONResponse(
            found.as_json(), 200 if found.ready else 503, headers={"Cache-Control": "no-store"}
        )

    @router.get("/metrics", dependencies=suite_read)
    async def metrics_endpoint() -> Response:
        from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

        return Response(generate_latest(gw.metrics.registry), media_type=CONTENT_TYPE_LATEST)

    @router.get("/api/status", dependencies=suite_read)
    async def status(audit: int = 25) -> Response:
        body = await snapshot(
            gw.suite(), gw.kits, gw.chain, audit_limit=max(1, min(audit, 200)), traffic=gw.metrics.traffic
        )
        return JSONResponse(body, headers={"Cache-Control": "no-store"})

    @router.get("/", dependencies=[Depends(gw.require_host)])
    async def dashboard() -> Response:
        return FileResponse(DASHBOARD_DIR / "index.html", headers={"Cache-Control": "no-store"})

    return router


def _mcp_mounts(gw: _Gateway) -> tuple[dict[str, Any], dict[str, ASGIApp]]:
    """Each server's stateless streamable-HTTP app behind its guard (and bearer auth when
    configured), with the session manager the lifespan must run."""
    managers: dict[str, Any] = {}
    mounts: dict[str, ASGIApp] = {}
    settings = gw.settings
    for name, kit in gw.kits.items():
        sub = kit.mcp.streamable_http_app(
            streamable_http_path="/mcp",
            stateless_http=True,
            json_response=False,
            transport_security=gw.security,
            host=settings.host,
            max_request_body_size=settings.max_body_bytes,
        )
        managers[name] = kit.mcp.session_manager  # this app's; a later app gets its own
        resource = settings.resource_url(name)
        metadata_url = str(build_resource_metadata_url(AnyHttpUrl(resource))) if settings.oauth else None
        read_only_tools, known_tools = _tool_sets(kit)
        guarded: ASGIApp = McpGuard(
            sub,
            server=name,
            metrics=gw.metrics,
            read_only_tools=read_only_tools,
            known_tools=known_tools,
            require_auth=settings.auth_enabled,
            limiter=gw.limiter,
            max_body_bytes=settings.max_body_bytes,
            resource_metadata_url=metadata_url,
        )
        verifier = gw.verifier_for(resource)
        if verifier is not None:
            guarded = AuthenticationMiddleware(
                AuthContextMiddleware(guarded), backend=BearerAuthBackend(verifier)
            )
        mounts[name] = guarded
    return managers, mounts


def _lifespan(
    managers: dict[str, Any], a2a_endpoints: list[Any]
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        async with contextlib.AsyncExitStack() as stack:
            for manager in managers.values():
                await stack.enter_async_context(manager.run())
            for endpoint in a2a_endpoints:
                stack.push_async_callback(endpoint.aclose)
            yield

    return lifespan


def _protected_resource_routes(gw: _Gateway) -> list[Route]:
    """OAuth protected-resource metadata (RFC 9728) for each server, when OAuth is configured."""
    oauth = gw.settings.oauth
    if oauth is None:
        return []
    # The SDK annotates the issuers as AnyHttpUrl; a str keeps the issuer exact (no added slash).
    issuers: list[Any] = [oauth.issuer]
    return [
        route
        for name in gw.kits
        for route in create_protected_resource_routes(
            AnyHttpUrl(gw.settings.resource_url(name)),
            issuers,
            scopes_supported=[f"{name}:read", f"{name}:write"],
            resource_name=f"HDR Empire {name}",
        )
    ]


def create_app(
    host: str = "127.0.0.1",
    kits: dict[str, ToolKit] | None = None,
    *,
    settings: GatewaySettings | None = None,
    suite: Callable[[], Suite] = get_suite,
    jwks_client: Any = None,
) -> FastAPI:
    """The gateway app. `settings` (default: loopback, no auth) says who may call and the limits;
    `jwks_client` replaces PyJWKClient (tests never need it: they serve a real JWKS)."""
    gw = _Gateway(settings or GatewaySettings(host=host), kits or load_all(), suite, jwks_client)
    key = _request_state_key(gw.settings)
    if key is not None:
        for kit in gw.kits.values():
            kit.share_request_state_key(key)
    managers, mounts = _mcp_mounts(gw)
    a2a_endpoints: list[Any] = []
    app = FastAPI(
        title="HDR Empire",
        lifespan=_lifespan(managers, a2a_endpoints),
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.add_exception_handler(_Refusal, _refusal_response)
    app.include_router(_suite_router(gw))
    # A2A: signed agent cards (suite and per server), the JWKS, and the A2A endpoints (servers/a2a),
    # added before the MCP mounts at /<server>, which would otherwise take their paths
    from servers.a2a import install as install_a2a

    a2a_endpoints.extend(
        install_a2a(
            app, gw.kits, settings=gw.settings, suite=suite, verifier_for=gw.verifier_for, limiter=gw.limiter
        )
    )
    app.router.routes.extend(_protected_resource_routes(gw))
    app.mount("/dashboard", StaticFiles(directory=DASHBOARD_DIR), name="dashboard")
    for name, guarded in mounts.items():
        app.mount(f"/{name}", guarded)
    return app


def _tool_sets(kit: ToolKit) -> tuple[Callable[[], Any], Callable[[], Any]]:
    """Async getters of the kit's read-only tool names and all its tool names (from the live tool
    list's annotations, computed once)."""
    cache: dict[str, set[str]] = {}

    async def load() -> None:
        if not cache:
            tools = await kit.mcp.list_tools()
            cache["all"] = {t.name for t in tools}
            cache["read"] = {
                t.name for t in tools if t.annotations is not None and t.annotations.read_only_hint
            }

    async def read_only() -> set[str]:
        await load()
        return cache["read"]

    async def known() -> set[str]:
        await load()
        return cache["all"]

    return read_only, known


__all__ = ["LOOPBACK", "GatewaySettings", "create_app"]
