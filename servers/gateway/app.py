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
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from mcp.server.auth.middleware.auth_context import AuthContextMiddleware
from mcp.server.auth.middleware.bearer_auth import BearerAuthBackend
from mcp.server.auth.provider import TokenVerifier
from mcp.server.auth.routes import build_resource_metadata_url, create_protected_resource_routes
from mcp.server.transport_security import TransportSecurityMiddleware, TransportSecuritySettings
from pydantic import AnyHttpUrl
from starlette.middleware.authentication import AuthenticationMiddleware

from servers.gateway import readiness
from servers.gateway.auth import SUITE_READ, AnyVerifier, JWTVerifier, StaticTokenVerifier, grants
from servers.gateway.guard import McpGuard, RateLimiter
from servers.gateway.metrics import GatewayMetrics
from servers.gateway.settings import LOOPBACK, GatewaySettings
from servers.gateway.status import ChainCache, snapshot
from servers.registry import load_all
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
    settings = settings or GatewaySettings(host=host)
    kits = kits or load_all()
    started = time.time()
    security = _security(settings)
    metrics = GatewayMetrics(suite)
    chain = ChainCache()
    limiter = (
        RateLimiter(settings.rate_per_second, settings.rate_burst) if settings.rate_per_second > 0 else None
    )
    key = _request_state_key(settings)
    if key is not None:
        for kit in kits.values():
            kit.share_request_state_key(key)

    if settings.oauth is not None and jwks_client is None:
        import jwt

        jwks_client = jwt.PyJWKClient(settings.oauth.jwks_url, cache_keys=True, lifespan=300, timeout=5)

    def verifier_for(resource_url: str) -> TokenVerifier | None:
        verifiers: list[TokenVerifier] = []
        if settings.tokens:
            verifiers.append(StaticTokenVerifier(settings.tokens))
        if settings.oauth is not None:
            verifiers.append(JWTVerifier(settings.oauth, resource_url, jwks_client))
        return AnyVerifier(verifiers) if verifiers else None

    managers = {}
    mounts = {}
    for name, kit in kits.items():
        sub = kit.mcp.streamable_http_app(
            streamable_http_path="/mcp",
            stateless_http=True,
            json_response=False,
            transport_security=security,
            host=settings.host,
            max_request_body_size=settings.max_body_bytes,
        )
        managers[name] = kit.mcp.session_manager  # this app's; a later app gets its own
        resource = settings.resource_url(name)
        metadata_url = str(build_resource_metadata_url(AnyHttpUrl(resource))) if settings.oauth else None
        guarded = McpGuard(
            sub,
            server=name,
            metrics=metrics,
            read_only_tools=_tool_sets(kit)[0],
            known_tools=_tool_sets(kit)[1],
            require_auth=settings.auth_enabled,
            limiter=limiter,
            max_body_bytes=settings.max_body_bytes,
            resource_metadata_url=metadata_url,
        )
        verifier = verifier_for(resource)
        if verifier is not None:
            guarded = AuthenticationMiddleware(
                AuthContextMiddleware(guarded), backend=BearerAuthBackend(verifier)
            )
        mounts[name] = guarded

    a2a_endpoints: list[Any] = []

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        async with contextlib.AsyncExitStack() as stack:
            for manager in managers.values():
                await stack.enter_async_context(manager.run())
            for endpoint in a2a_endpoints:
                stack.push_async_callback(endpoint.aclose)
            yield

    app = FastAPI(title="HDR Empire", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    suite_verifier = verifier_for(settings.base_url)
    host_check = TransportSecurityMiddleware(security) if security else None

    async def guard_suite_route(request: Request) -> Response | None:
        """Host/Origin check, then (with auth configured) a bearer token with suite:read."""
        if host_check is not None:
            refused = await host_check.validate_request(request)
            if refused is not None:
                return refused
        if suite_verifier is None:
            return None
        header = request.headers.get("authorization", "")
        token = header[7:] if header.lower().startswith("bearer ") else None
        found = await suite_verifier.verify_token(token) if token else None
        if found is None or (found.expires_at and found.expires_at < time.time()):
            return JSONResponse(
                {"error": "invalid_token", "error_description": "A valid bearer token is required."},
                401,
                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )
        if not grants(found.scopes, SUITE_READ):
            return JSONResponse(
                {"error": "insufficient_scope", "error_description": f"Required scope: {SUITE_READ}"},
                403,
                headers={"WWW-Authenticate": f'Bearer error="insufficient_scope", scope="{SUITE_READ}"'},
            )
        return None

    @app.get("/healthz")
    def healthz() -> dict:
        return {
            "status": "ok",
            "uptime_s": round(time.time() - started, 1),
            "auth": settings.auth_enabled,
            "servers": {name: f"/{name}/mcp" for name in kits},
        }

    @app.get("/readyz")
    def readyz() -> JSONResponse:
        found = readiness.check(suite)
        return JSONResponse(
            found.as_json(), 200 if found.ready else 503, headers={"Cache-Control": "no-store"}
        )

    @app.get("/metrics")
    async def metrics_endpoint(request: Request) -> Response:
        refused = await guard_suite_route(request)
        if refused is not None:
            return refused
        from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    @app.get("/api/status")
    async def status(request: Request, audit: int = 25) -> Response:
        refused = await guard_suite_route(request)
        if refused is not None:
            return refused
        body = await snapshot(
            suite(), kits, chain, audit_limit=max(1, min(audit, 200)), traffic=metrics.traffic
        )
        return JSONResponse(body, headers={"Cache-Control": "no-store"})

    # A2A: signed agent cards (suite and per server), the JWKS, and the A2A endpoints (servers/a2a)
    from servers.a2a import install as install_a2a

    a2a_endpoints.extend(
        install_a2a(app, kits, settings=settings, suite=suite, verifier_for=verifier_for, limiter=limiter)
    )
    for name in kits:
        if settings.oauth is not None:
            for route in create_protected_resource_routes(
                AnyHttpUrl(settings.resource_url(name)),
                [settings.oauth.issuer],  # type: ignore[list-item] - a str keeps the issuer exact (no added slash)
                scopes_supported=[f"{name}:read", f"{name}:write"],
                resource_name=f"HDR Empire {name}",
            ):
                app.router.routes.append(route)

    @app.get("/")
    async def dashboard(request: Request) -> Response:
        if host_check is not None:
            refused = await host_check.validate_request(request)
            if refused is not None:
                return refused
        return FileResponse(DASHBOARD_DIR / "index.html", headers={"Cache-Control": "no-store"})

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
