"""The gateway's authentication: OAuth 2.1 bearer JWTs validated against a real JWKS served over
HTTP, static API tokens stored hashed, per-server read/write scopes by tool annotation, and the
refusal to serve off loopback without either. Real MCP clients and httpx over real HTTP."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from gateway_support import MANIFEST, Issuer, client, serve
from helpers import free_port, wait_http

from servers.gateway import GatewaySettings, create_app
from servers.gateway.auth import hash_token
from servers.gateway.settings import OAuthSettings, StaticToken

BIN = Path(sys.executable).parent
INIT = {"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {}}
MCP_HEADERS = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}


@pytest.fixture(scope="module")
def issuer() -> Iterator[Issuer]:
    found = Issuer()
    yield found
    found.close()


@pytest.fixture
def gateway(offline_suite, issuer: Issuer) -> Iterator[str]:
    """A gateway with OAuth and one static token; its public URL is the address it listens on, so
    the resource identifiers (token audiences) are the URLs clients really use."""
    port = free_port()
    settings = GatewaySettings(
        port=port,
        oauth=OAuthSettings(issuer=issuer.url, jwks_url=issuer.jwks_url),
        tokens=(StaticToken("ops", hash_token("hdr_static_ops_token"), ("compliance:read",)),),
    )
    with serve(create_app(settings=settings), port=port) as base:
        yield base


def _post(url: str, token: str | None, body: dict = INIT) -> httpx.Response:
    headers = dict(MCP_HEADERS)
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return httpx.post(url, json=body, headers=headers, timeout=10)


def test_missing_token_gets_401_pointing_at_protected_resource_metadata(gateway: str, issuer: Issuer) -> None:
    base = gateway
    reply = _post(f"{base}/forge/mcp", None)
    assert reply.status_code == 401
    challenge = reply.headers["www-authenticate"]
    assert challenge.startswith("Bearer ") and 'error="invalid_token"' in challenge
    assert f'resource_metadata="{base}/.well-known/oauth-protected-resource/forge/mcp"' in challenge
    metadata = httpx.get(f"{base}/.well-known/oauth-protected-resource/forge/mcp").json()
    assert metadata["resource"] == f"{base}/forge/mcp"
    assert metadata["authorization_servers"] == [issuer.url]
    assert metadata["scopes_supported"] == ["forge:read", "forge:write"]


@pytest.mark.parametrize("problem", ["expired", "wrong_audience", "wrong_issuer", "unknown_key", "garbage"])
def test_bad_jwts_get_401(gateway: str, issuer: Issuer, problem: str) -> None:
    base = gateway
    aud = f"{base}/compliance/mcp"
    token = {
        "expired": lambda: issuer.token(aud, ["compliance:read"], expires_in=-120),
        "wrong_audience": lambda: issuer.token(f"{base}/forge/mcp", ["compliance:read"]),
        "wrong_issuer": lambda: issuer.token(aud, ["compliance:read"], issuer="https://elsewhere.example"),
        "unknown_key": lambda: issuer.token(
            aud, ["compliance:read"], key=rsa.generate_private_key(public_exponent=65537, key_size=2048)
        ),
        "garbage": lambda: "not.a.jwt",
    }[problem]()
    reply = _post(f"{base}/compliance/mcp", token)
    assert reply.status_code == 401, reply.text
    assert 'error="invalid_token"' in reply.headers["www-authenticate"]
    assert token not in reply.text


async def test_read_scope_allows_read_only_tools_and_refuses_writes_with_403(
    gateway: str, issuer: Issuer
) -> None:
    base = gateway
    token = issuer.token(f"{base}/compliance/mcp", ["compliance:read"])
    async with client(f"{base}/compliance/mcp", token) as mcp:
        names = {t.name for t in (await mcp.list_tools()).tools}
        assert {"check", "policies"} <= names
        listed = await mcp.call_tool("policies", {"framework": "pss-restricted"})
        assert not listed.is_error, listed.content
    refused = _post(
        f"{base}/compliance/mcp",
        token,
        {
            "jsonrpc": "2.0",
            "id": 2,
            "method": "tools/call",
            "params": {"name": "check", "arguments": {"target": MANIFEST, "framework": "pss-restricted"}},
        },
    )
    assert refused.status_code == 403
    assert refused.json()["error"] == "insufficient_scope"
    assert 'error="insufficient_scope"' in refused.headers["www-authenticate"]
    assert 'scope="compliance:write"' in refused.headers["www-authenticate"]
    with pytest.raises(Exception):  # noqa: B017 - the SDK surfaces the HTTP 403 as its own error type
        async with client(f"{base}/compliance/mcp", token) as mcp:
            await mcp.call_tool("check", {"target": MANIFEST, "framework": "pss-restricted"})


async def test_a_token_for_one_server_opens_no_other(gateway: str, issuer: Issuer) -> None:
    base = gateway
    token = issuer.token([f"{base}/compliance/mcp", f"{base}/forge/mcp"], ["compliance:write"])
    assert _post(f"{base}/compliance/mcp", token).status_code == 200
    assert _post(f"{base}/forge/mcp", token).status_code == 403  # audience fits, scope does not


async def test_write_scope_runs_a_write_tool_and_the_audit_names_the_token_client(
    gateway: str, issuer: Issuer, offline_suite
) -> None:
    base = gateway
    token = issuer.token(f"{base}/compliance/mcp", ["compliance:write"], client_id="release-pipeline")
    async with client(f"{base}/compliance/mcp", token) as mcp:
        result = await mcp.call_tool("check", {"target": MANIFEST, "framework": "pss-restricted"})
    assert not result.is_error, result.content
    assert result.structured_content["verdict"] == "fail"  # nginx as root: restricted says no
    newest = offline_suite.audit.records(newest_first=True, limit=1)[0]
    # The principal is namespaced by how it authenticated: issuer, subject and client (issue #12, item 6).
    assert (newest.server, newest.tool) == ("compliance", "check")
    assert newest.caller == f"jwt:{issuer.url}#user-release-pipeline#release-pipeline"


async def test_static_api_token_is_checked_by_hash_and_scoped(gateway: str, offline_suite) -> None:
    base = gateway
    async with client(f"{base}/compliance/mcp", "hdr_static_ops_token") as mcp:
        assert not (await mcp.call_tool("policies", {})).is_error
    assert _post(f"{base}/compliance/mcp", "hdr_static_ops_token_wrong").status_code == 401
    assert _post(f"{base}/phantom/mcp", "hdr_static_ops_token").status_code == 403


def test_dashboard_api_and_metrics_need_suite_read_when_auth_is_on(gateway: str, issuer: Issuer) -> None:
    base = gateway
    assert httpx.get(f"{base}/api/status").status_code == 401
    assert httpx.get(f"{base}/metrics").status_code == 401
    narrow = issuer.token(base, ["forge:read"])
    assert httpx.get(f"{base}/metrics", headers={"Authorization": f"Bearer {narrow}"}).status_code == 403
    wide = issuer.token(base, ["suite:read"])
    assert httpx.get(f"{base}/metrics", headers={"Authorization": f"Bearer {wide}"}).status_code == 200
    assert httpx.get(f"{base}/api/status", headers={"Authorization": f"Bearer {wide}"}).json()["servers"]
    assert httpx.get(f"{base}/healthz").status_code == 200  # probes stay open


def test_serve_off_loopback_requires_auth_and_then_enforces_it(tmp_path: Path) -> None:
    """127.0.0.2 is not one of the loopback names the gateway trusts, so it counts as exposed."""
    env = {**os.environ, "HDR_HOME": str(tmp_path / "home"), "HDR_MEMORY_URL": "http://127.0.0.1:9"}
    refused = subprocess.run(
        [str(BIN / "hdr"), "serve", "--host", "127.0.0.2", "--port", str(free_port())],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == 2 and "without authentication" in refused.stderr
    port = free_port()
    config = tmp_path / "gateway.json"
    config.write_text(
        json.dumps(
            {
                "public_url": f"http://127.0.0.2:{port}",
                "tokens": [
                    {"name": "ci", "sha256": hash_token("hdr_ci_secret_value"), "scopes": ["compliance:read"]}
                ],
            }
        )
    )
    proc = subprocess.Popen(
        [str(BIN / "hdr"), "serve", "--host", "127.0.0.2", "--port", str(port), "--config", str(config)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.2:{port}"
    try:
        assert wait_http(f"{base}/healthz", 60), "hdr serve with a config did not start"
        assert _post(f"{base}/compliance/mcp", None).status_code == 401
        assert _post(f"{base}/compliance/mcp", "hdr_ci_secret_value").status_code == 200
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert "hdr_ci_secret_value" not in err


def test_a_config_with_a_plain_token_instead_of_a_hash_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "gateway.json"
    config.write_text(
        json.dumps({"tokens": [{"name": "ci", "sha256": "hdr_plaintext", "scopes": ["forge:read"]}]})
    )
    out = subprocess.run(
        [str(BIN / "hdr"), "serve", "--port", str(free_port()), "--config", str(config)],
        env={**os.environ, "HDR_HOME": str(tmp_path / "home")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2 and "tokens[0].sha256" in out.stderr and "hdr_plaintext" not in out.stderr
