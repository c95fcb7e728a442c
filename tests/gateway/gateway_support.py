"""Real pieces for the gateway tests: the gateway served by uvicorn on a loopback port (in a thread,
so the test's Suite is the app's), an OAuth issuer's JWKS served over HTTP from keys made here,
JWTs signed with them, and MCP clients that send a bearer token."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from helpers import free_port, need_service
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client


@contextlib.contextmanager
def serve(app: Any, host: str = "127.0.0.1", port: int | None = None) -> Iterator[str]:
    """Run an ASGI app under uvicorn on `port` (default: a free one) until the block ends; yields its base URL."""
    import uvicorn

    port = port or free_port()
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start the gateway")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(15)


@contextlib.contextmanager
def offline_gateway(home: Any, settings: Any = None) -> Iterator[str]:
    """The default gateway (loopback, no auth; or `settings`) on a fresh HDR_HOME without a memory
    server, for tests that keep one gateway for a whole module; yields its base URL and restores the
    environment."""
    import os

    from servers.gateway import create_app
    from shared.config import Config
    from shared.suite import Suite, set_suite

    saved = {k: os.environ.get(k) for k in ("HDR_HOME", "HDR_MEMORY_URL")}
    os.environ.update(HDR_HOME=str(home), HDR_MEMORY_URL="http://127.0.0.1:9")
    set_suite(Suite(Config.from_env()))
    try:
        with serve(create_app(settings=settings)) as base:
            yield base
    finally:
        set_suite(None)
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


class Issuer:
    """An OAuth authorization server's signing side: an RSA key, its JWKS over HTTP, and tokens."""

    def __init__(self) -> None:
        self.kid = uuid.uuid4().hex[:8]
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        self.jwks = {"keys": [{**jwk, "kid": self.kid, "use": "sig", "alg": "RS256"}]}
        self.fetches = 0
        issuer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                issuer.fetches += 1
                body = json.dumps(issuer.jwks).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._http.server_address[1]}"
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)
        self._thread.start()

    @property
    def jwks_url(self) -> str:
        return f"{self.url}/.well-known/jwks.json"

    def token(
        self,
        audience: str | list[str],
        scopes: list[str],
        *,
        expires_in: float = 300,
        client_id: str = "ci-agent",
        issuer: str | None = None,
        key: Any = None,
    ) -> str:
        now = int(time.time())
        claims = {
            "iss": issuer or self.url,
            "sub": f"user-{client_id}",
            "client_id": client_id,
            "aud": audience,
            "iat": now,
            "exp": int(now + expires_in),
            "scope": " ".join(scopes),
        }
        return jwt.encode(claims, key or self.key, algorithm="RS256", headers={"kid": self.kid})

    def close(self) -> None:
        self._http.shutdown()
        self._http.server_close()


def client(url: str, token: str | None = None, **kwargs: Any) -> Client:
    """A real MCP client over streamable HTTP that sends `Authorization: Bearer <token>`."""
    headers = {"Authorization": f"Bearer {token}"} if token else None
    return Client(streamable_http_client(url, http_client=create_mcp_http_client(headers=headers)), **kwargs)


MANIFEST = """\
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  containers:
  - name: web
    image: nginx:1.27
"""


HERE = Path(__file__).resolve().parent
PREFIX = Path(os.environ.get("HDR_CONFORMANCE_PREFIX", Path.home() / ".cache" / "hdr-empire" / "conformance"))


def ts_client(url: str, tool: str, args: dict, answer: str = "accept") -> dict:
    """Run one tool call through the TypeScript MCP SDK client (tests/gateway/ts_client.mjs) under Node 22."""
    node = PREFIX / "node_modules" / ".bin" / "node"
    need_service(
        "TypeScript MCP SDK and Node 22",
        (PREFIX / "node_modules" / "@modelcontextprotocol" / "sdk").exists() and node.exists(),
        "run .ci/run (it installs them from npm under HDR_CONFORMANCE_PREFIX)",
    )
    with tempfile.TemporaryDirectory() as tmp:  # ES modules resolve packages beside the script only
        (Path(tmp) / "node_modules").symlink_to(PREFIX / "node_modules")
        script = Path(tmp) / "ts_client.mjs"
        script.write_text((HERE / "ts_client.mjs").read_text())
        run = subprocess.run(
            [str(node), str(script), url, tool, json.dumps(args), answer],
            capture_output=True,
            text=True,
            timeout=180,
        )
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout.strip().splitlines()[-1])
