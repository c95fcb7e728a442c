"""The red-team's classes of attack (issue #12), driven through the real gateway over HTTP with static
tokens and JWTs from a locally served JWKS, by real MCP clients and raw HTTP. Tools that take a path or
a URL are found from the live tool schemas, so a new tool with such a parameter is covered without
editing this file."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from gateway_support import MANIFEST, Issuer, client, serve
from helpers import free_port

from servers.gateway import GatewaySettings, create_app
from servers.gateway.auth import hash_token
from servers.gateway.settings import OAuthSettings, StaticToken
from servers.registry import SERVER_NAMES

ALL_WRITE = tuple(f"{s}:write" for s in SERVER_NAMES)
MCP_HEADERS = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}
LIST = {"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {}}
# Parameters that name a file, folder, device or URL on the server's side (by name: what a schema says).
PATHLIKE = re.compile(
    r"^(target|subject|path|file|dir|directory|url|uri|endpoint|tle_file)$|_(file|path|dir|url)$"
)


@pytest.fixture(scope="module")
def issuer() -> Iterator[Issuer]:
    found = Issuer()
    yield found
    found.close()


@pytest.fixture
def gateway(offline_suite, issuer: Issuer, monkeypatch) -> Iterator[str]:
    monkeypatch.delenv("HDR_FILE_ROOTS", raising=False)
    monkeypatch.delenv("HDR_EGRESS_ALLOW", raising=False)
    port = free_port()
    settings = GatewaySettings(
        port=port,
        oauth=OAuthSettings(issuer=issuer.url, jwks_url=issuer.jwks_url),
        tokens=(
            StaticToken("alice", hash_token("hdr_alice_token"), ALL_WRITE),
            StaticToken("mallory", hash_token("hdr_mallory_token"), ALL_WRITE),
            StaticToken("reader", hash_token("hdr_reader_token"), tuple(f"{s}:read" for s in SERVER_NAMES)),
        ),
    )
    with serve(create_app(settings=settings), port=port) as base:
        yield base


def _post(url: str, body: Any, token: str = "hdr_alice_token", raw: bytes | None = None) -> httpx.Response:
    headers = dict(MCP_HEADERS, Authorization=f"Bearer {token}")
    if raw is not None:
        return httpx.post(url, content=raw, headers=headers, timeout=30)
    return httpx.post(url, json=body, headers=headers, timeout=30)


def _rpc_reply(response: httpx.Response) -> dict[str, Any]:
    """The JSON-RPC reply of a POST: the body, or the last `data:` of its event stream."""
    if response.headers.get("content-type", "").startswith("text/event-stream"):
        data = [line[5:].strip() for line in response.text.splitlines() if line.startswith("data:")]
        return json.loads(next(d for d in reversed(data) if d))
    return response.json()


def _text(result: Any) -> str:
    parts = [getattr(c, "text", "") for c in result.content]
    return "\n".join(parts) + json.dumps(result.structured_content or {}, default=str)


async def test_unknown_arguments_are_refused_naming_them_and_the_accepted_ones(gateway: str) -> None:
    async with client(f"{gateway}/hardware/mcp", "hdr_alice_token") as mcp:
        result = await mcp.call_tool(
            "visible_satellites", {"latitude": 52.0, "longitude": 0.1, "tle_path": "/etc/passwd"}
        )
    assert result.is_error
    text = result.content[0].text
    assert "`tle_path`" in text and "tle_file" in text and "Accepted" in text


@pytest.mark.parametrize("method", ["GET", "DELETE", "PUT"])
def test_other_methods_on_an_mcp_endpoint_answer_405_at_once(gateway: str, method: str) -> None:
    started = time.monotonic()
    reply = httpx.request(
        method,
        f"{gateway}/forge/mcp",
        timeout=5,
        headers={"Authorization": "Bearer hdr_alice_token", "Accept": "text/event-stream"},
    )
    assert reply.status_code == 405 and reply.headers["allow"] == "POST"
    assert time.monotonic() - started < 2


def test_a_deeply_nested_or_broken_body_gets_400_and_the_server_keeps_answering(gateway: str) -> None:
    url = f"{gateway}/compliance/mcp"
    deep = (
        b'{"jsonrpc":"2.0","id":1,"method":"tools/call","params":'
        + b'{"a":' * 5000
        + b"1"
        + b"}" * 5000
        + b"}"
    )
    for body in (deep, b"[" * 100_000, b'{"jsonrpc": "2.0", "id": 1, "method": "tools/li', b"\xff\xfe"):
        reply = _post(url, None, raw=body)
        assert reply.status_code == 400, reply.text
        assert reply.json()["error"]["code"] == -32700
    assert _post(url, LIST).status_code == 200


async def test_a_jwt_whose_client_is_named_like_a_static_token_is_not_that_principal(
    gateway: str, issuer: Issuer
) -> None:
    card = {
        "name": "Alice Worker",
        "description": "Alice's batch agent",
        "url": "https://agents.example/a2a",
        "version": "1.0.0",
        "protocolVersion": "0.3.0",
        "capabilities": {},
        "defaultInputModes": ["text/plain"],
        "defaultOutputModes": ["text/plain"],
        "skills": [{"id": "batch", "name": "Batch", "description": "Runs batch jobs", "tags": ["batch"]}],
    }
    url = f"{gateway}/nexus/mcp"
    forged = issuer.token(url, ["nexus:write"], client_id="static:alice")
    async with client(url, "hdr_alice_token") as alice, client(url, forged) as impostor:
        registered = await alice.call_tool("register", {"card": card})
        assert not registered.is_error, registered.content[0].text
        agent_id = registered.structured_content["agent"]["agent_id"]
        taken = await impostor.call_tool("deregister", {"agent_id": agent_id, "confirm": True})
        assert taken.is_error
        inbox = await impostor.call_tool("inbox", {"agent_id": agent_id})
        assert inbox.is_error
        assert not (await alice.call_tool("inbox", {"agent_id": agent_id})).is_error


def _pathlike_params(gateway: str) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(server, tool, parameter, the tool's input schema) for every path- or URL-like string parameter."""
    found = []
    for server in SERVER_NAMES:
        tools = _rpc_reply(_post(f"{gateway}/{server}/mcp", LIST))["result"]["tools"]
        for tool in tools:
            schema = tool["inputSchema"]
            for name, spec in schema.get("properties", {}).items():
                types = {spec.get("type")} | {s.get("type") for s in spec.get("anyOf", [])}
                if "string" in types and PATHLIKE.search(name):
                    found.append((server, tool["name"], name, schema))
    return found


# Values that get a call past its other checks to the parameter under test.
USABLE = {"framework": "pss-restricted", "latitude": 10.0, "longitude": 10.0}


def _filled(schema: dict[str, Any], param: str, value: str, usable: dict[str, Any]) -> dict[str, Any]:
    """The required arguments filled with usable or plain values of their type, and `param` set to `value`."""
    plain = {"string": "x", "integer": 1, "number": 1.0, "boolean": False, "array": [], "object": {}}
    args: dict[str, Any] = {}
    for name in schema.get("required", []):
        spec = schema["properties"][name]
        if name in usable:
            args[name] = usable[name]
            continue
        choices = spec.get("enum") or next((s["enum"] for s in spec.get("anyOf", []) if s.get("enum")), None)
        if choices:
            args[name] = choices[0]
            continue
        kind = spec.get("type") or next(
            (s.get("type") for s in spec.get("anyOf", []) if s.get("type") != "null"), "string"
        )
        args[name] = plain.get(kind, "x")
    args[param] = value
    return args


async def test_no_path_or_url_argument_reads_or_reveals_a_server_file(gateway: str, tmp_path: Path) -> None:
    """For each path-like parameter: a secret file outside every root must not be read (no content,
    names, hash prefix in the answer), and the answer must not differ from one for a missing file."""
    canary = f"CANARY{uuid.uuid4().hex[:12]}"
    secret = tmp_path / "secret.yaml"
    secret.write_text(
        f"apiVersion: v1\nkind: Secret{canary}\nmetadata:\n  name: {canary}\ndata:\n  key: {canary}\n"
    )
    digest = hashlib.sha256(secret.read_bytes()).hexdigest()
    missing = tmp_path / "missing.yaml"
    params = _pathlike_params(gateway)
    async with client(f"{gateway}/compliance/mcp", "hdr_alice_token") as mcp:
        attested = await mcp.call_tool("attest", {"target": MANIFEST, "framework": "pss-restricted"})
    assert not attested.is_error, attested.content[0].text
    usable = dict(USABLE, envelope=attested.structured_content["id"])
    assert {(s, t, p) for s, t, p, _ in params} >= {
        ("compliance", "check", "target"),
        ("compliance", "verify_attestation", "subject"),
        ("hardware", "handoff_satellite", "tle_file"),
    }
    failures = []
    for server, tool, param, schema in params:
        answers = {}
        for label, value in (
            ("secret", str(secret)),
            ("missing", str(missing)),
            ("traversal", "../" * 12 + str(secret).lstrip("/")),
            ("uri", f"file://{secret}"),
        ):
            async with client(f"{gateway}/{server}/mcp", "hdr_alice_token") as mcp:
                result = await mcp.call_tool(tool, _filled(schema, param, value, usable))
            text = _text(result)
            if canary in text or digest[:8] in text:
                failures.append(f"{server}.{tool}({param}={label}) revealed the file")
            answers[label] = text.replace(str(secret), "<p>").replace(str(missing), "<p>")
        if answers["secret"] != answers["missing"]:
            failures.append(
                f"{server}.{tool}({param}) answers differently for an existing file: an existence oracle"
            )
    assert not failures, "\n".join(failures)


async def test_a_qasm_include_reads_no_server_file(gateway: str, tmp_path: Path) -> None:
    canary = f"canary{uuid.uuid4().hex[:10]}"
    secret = tmp_path / "secret.inc"
    secret.write_text(f"{canary} q;\n")
    async with client(f"{gateway}/hardware/mcp", "hdr_reader_token") as mcp:
        for include in (str(secret), "../" * 12 + str(secret).lstrip("/"), "/etc/passwd"):
            result = await mcp.call_tool(
                "run_circuit",
                {"qasm": f'OPENQASM 2.0;\ninclude "{include}";\nqreg q[1];\ncreg c[1];\nmeasure q -> c;\n'},
            )
            assert result.is_error
            text = _text(result)
            assert canary not in text and "root:" not in text


def test_hdr_run_over_http_refuses_every_interface_without_authentication() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HDR_")}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "servers.cli",
            "run",
            "forge",
            "--http",
            "--host",
            "0.0.0.0",
            "--port",
            str(free_port()),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 2
    assert "refusing to serve on 0.0.0.0 without authentication" in done.stderr


@pytest.fixture
def gateway_with_memory(suite, monkeypatch) -> Iterator[str]:
    port = free_port()
    settings = GatewaySettings(
        port=port,
        tokens=(
            StaticToken("alice", hash_token("hdr_alice_token"), ALL_WRITE),
            StaticToken("mallory", hash_token("hdr_mallory_token"), ALL_WRITE),
            StaticToken("auditor", hash_token("hdr_auditor_token"), ALL_WRITE),
        ),
    )
    monkeypatch.setenv("HDR_GRANTS", json.dumps({"static:auditor": ["static:alice"]}))
    with serve(create_app(settings=settings), port=port) as base:
        yield base


async def test_what_one_caller_stores_in_memory_is_not_recallable_by_another(
    gateway_with_memory: str, suite
) -> None:
    url = f"{gateway_with_memory}/forge/mcp"
    note = f"the payroll migration password rotation happens on {uuid.uuid4().hex[:6]}"
    async with (
        client(url, "hdr_alice_token") as alice,
        client(url, "hdr_mallory_token") as mallory,
        client(url, "hdr_auditor_token") as auditor,
    ):
        stored = await alice.call_tool("remember", {"text": note})
        assert not stored.is_error, stored.content[0].text
        query = {"query": "payroll migration password rotation", "k": 10}
        seen = {
            name: [h["text"] for h in (await who.call_tool("recall", query)).structured_content["hits"]]
            for name, who in (("alice", alice), ("mallory", mallory), ("auditor", auditor))
        }
    assert note in seen["alice"]
    assert note not in seen["mallory"]
    assert note in seen["auditor"]  # granted alice's resources in the configuration
    operator = [i.text for i in suite.memory.recall("payroll migration password rotation", k=10)]
    assert note in operator  # a call without credentials is the operator's
