"""The suite as one HTTP service: the five servers' streamable-HTTP endpoints (stateless) at
/<server>/mcp in one process, plus /healthz. `hdr serve` runs it."""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator

from fastapi import FastAPI
from mcp.server.transport_security import TransportSecuritySettings

from servers.registry import load_all
from shared.tools import ToolKit

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _security(host: str) -> TransportSecuritySettings | None:
    if host in LOOPBACK:
        return TransportSecuritySettings(
            enable_dns_rebinding_protection=True,
            allowed_hosts=["127.0.0.1:*", "localhost:*", "[::1]:*", "testserver"],
            allowed_origins=["http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*"],
        )
    return None


def create_app(host: str = "127.0.0.1", kits: dict[str, ToolKit] | None = None) -> FastAPI:
    kits = kits or load_all()
    started = time.time()
    apps = {name: kit.mcp.streamable_http_app(streamable_http_path="/mcp", stateless_http=True,
                                              json_response=True, transport_security=_security(host),
                                              host=host)
            for name, kit in kits.items()}

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        async with contextlib.AsyncExitStack() as stack:
            for kit in kits.values():
                await stack.enter_async_context(kit.mcp.session_manager.run())
            yield

    app = FastAPI(title="HDR Empire", lifespan=lifespan, docs_url=None, redoc_url=None)

    @app.get("/healthz")
    def healthz() -> dict:
        return {"status": "ok", "uptime_s": round(time.time() - started, 1),
                "servers": {name: f"/{name}/mcp" for name in kits}}

    for name, sub in apps.items():
        app.mount(f"/{name}", sub)
    return app
