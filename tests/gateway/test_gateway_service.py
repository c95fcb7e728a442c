"""The gateway as a service on loopback: probes, Prometheus metrics counted once for every server,
forge's evidence as gauges, agent cards pointing at the gateway, DNS-rebinding checks, per-client
rate limits and request size limits. Real uvicorn, real MCP clients, real Chroma for /readyz."""

from __future__ import annotations

import httpx
from gateway_support import MANIFEST, client, serve
from helpers import free_port
from prometheus_client.parser import text_string_to_metric_families

from servers.gateway import GatewaySettings, create_app
from servers.gateway.auth import hash_token
from servers.gateway.settings import StaticToken
from servers.registry import SERVER_NAMES
from shared import evidence

MCP_HEADERS = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}
LIST = {"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {}}


def _samples(base: str, token: str | None = None) -> dict[tuple[str, tuple], float]:
    reply = httpx.get(f"{base}/metrics", headers={"Authorization": f"Bearer {token}"} if token else None)
    reply.raise_for_status()
    text = reply.text
    out = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


def test_readyz_reports_an_unreachable_memory_as_not_ready(offline_suite) -> None:
    with serve(create_app()) as base:
        reply = httpx.get(f"{base}/readyz")
    assert reply.status_code == 503
    assert reply.json() == {
        "ready": False,
        "store": True,
        "memory": False,
        "reason": "memory server does not answer",
    }
    assert "127.0.0.1:9" not in reply.text  # the memory URL (it may carry credentials) is not echoed


def test_readyz_reports_a_state_store_that_cannot_open_as_not_ready_while_healthz_stays_alive(
    offline_suite,
) -> None:
    # A real failure of the real store: a directory stands where the database file must be, so
    # SQLite cannot open it ("unable to open database file").
    db = offline_suite.config.db_path
    db.mkdir(parents=True)
    with serve(create_app()) as base:
        reply = httpx.get(f"{base}/readyz")
        alive = httpx.get(f"{base}/healthz")
    assert reply.status_code == 503 and alive.status_code == 200
    assert reply.json() == {
        "ready": False,
        "store": False,
        "memory": False,
        "reason": "state store and memory server do not answer",
    }
    assert str(db) not in reply.text and "unable" not in reply.text


def test_readyz_is_ready_with_store_and_memory(suite) -> None:
    with serve(create_app()) as base:
        reply = httpx.get(f"{base}/readyz")
        health = httpx.get(f"{base}/healthz").json()
    assert reply.status_code == 200 and reply.json() == {"ready": True, "store": True, "memory": True}
    assert health["status"] == "ok" and health["servers"] == {n: f"/{n}/mcp" for n in SERVER_NAMES}


async def test_metrics_count_calls_errors_and_latency_per_server_and_tool(offline_suite) -> None:
    with serve(create_app()) as base:
        async with client(f"{base}/compliance/mcp") as mcp:
            for _ in range(3):
                assert not (await mcp.call_tool("policies", {})).is_error
            bad = await mcp.call_tool("check", {"target": MANIFEST, "framework": "no-such-framework"})
            assert bad.is_error
        async with client(f"{base}/hardware/mcp") as mcp:
            assert not (await mcp.call_tool("backends", {})).is_error
        m = _samples(base)
    calls = "hdr_tool_calls_total"
    assert m[(calls, (("outcome", "ok"), ("server", "compliance"), ("tool", "policies")))] == 3
    assert m[(calls, (("outcome", "error"), ("server", "compliance"), ("tool", "check")))] == 1
    assert m[("hdr_tool_errors_total", (("server", "compliance"), ("tool", "check")))] == 1
    assert m[(calls, (("outcome", "ok"), ("server", "hardware"), ("tool", "backends")))] == 1
    assert m[("hdr_tool_call_duration_seconds_count", (("server", "compliance"), ("tool", "policies")))] == 3
    assert m[("hdr_tool_call_duration_seconds_sum", (("server", "compliance"), ("tool", "policies")))] > 0
    assert not any(k[0] == calls and ("server", "forge") in k[1] for k in m)  # nothing invented


def test_forge_gauges_are_zero_until_forge_publishes_then_follow_its_evidence(offline_suite) -> None:
    with serve(create_app()) as base:
        before = _samples(base)
        assert before[("hdr_forge_optimizations", ())] == 0
        assert before[("hdr_forge_saved_usd_per_month", ())] == 0
        evidence.publish(
            offline_suite.store,
            "forge",
            "changes",
            {"changes": 7, "with_snapshot": 7, "rollbacks": 2, "last_change_at": 1.0},
        )
        evidence.publish(
            offline_suite.store,
            "forge",
            "savings",
            {"monthly_savings_usd": 410.5, "open_proposals": 1, "applied_monthly_savings_usd": 1234.25},
        )
        after = _samples(base)
    assert after[("hdr_forge_optimizations", ())] == 7
    assert after[("hdr_forge_rollbacks", ())] == 2
    assert after[("hdr_forge_saved_usd_per_month", ())] == 1234.25
    assert after[("hdr_forge_potential_savings_usd_per_month", ())] == 410.5
    assert after[("hdr_forge_open_proposals", ())] == 1


def test_agent_cards_are_served_with_urls_at_the_gateway(offline_suite) -> None:
    port = free_port()
    settings = GatewaySettings(port=port, public_url="https://hdr.example.com")
    with serve(create_app(settings=settings), port=port) as base:
        for name in SERVER_NAMES:  # A2A 1.0 since issue 16: the interface is the server's A2A endpoint
            card = httpx.get(f"{base}/{name}/.well-known/agent-card.json").json()
            assert card["supportedInterfaces"][0] == {
                "url": f"https://hdr.example.com/{name}/a2a",
                "protocolBinding": "JSONRPC",
                "protocolVersion": "1.0",
            }
            mcp = next(
                e for e in card["capabilities"]["extensions"] if e["uri"] == "urn:hdr-empire:a2a:nexus:1"
            )
            assert mcp["params"]["mcp"]["url"] == f"https://hdr.example.com/{name}/mcp" and card["skills"]


def test_foreign_origin_and_host_are_refused(offline_suite) -> None:
    with serve(create_app()) as base:
        evil_origin = httpx.post(
            f"{base}/forge/mcp", json=LIST, headers={**MCP_HEADERS, "Origin": "http://evil.example"}
        )
        evil_host = httpx.post(
            f"{base}/forge/mcp", json=LIST, headers={**MCP_HEADERS, "Host": "evil.example"}
        )
        api_rebound = httpx.get(f"{base}/api/status", headers={"Host": "evil.example"})
        ok = httpx.post(f"{base}/forge/mcp", json=LIST, headers={**MCP_HEADERS, "Origin": base})
    assert evil_origin.status_code == 403
    assert evil_host.status_code == 421
    assert api_rebound.status_code == 421
    assert ok.status_code == 200


def test_rate_limit_is_per_client(offline_suite) -> None:
    settings = GatewaySettings(
        rate_per_second=0.001,
        rate_burst=3,
        tokens=(
            StaticToken("a", hash_token("hdr_token_a"), ("forge:read",)),
            StaticToken("b", hash_token("hdr_token_b"), ("forge:read",)),
            StaticToken("prometheus", hash_token("hdr_token_prom"), ("suite:read",)),
        ),
    )
    with serve(create_app(settings=settings)) as base:

        def post(token: str) -> httpx.Response:
            return httpx.post(
                f"{base}/forge/mcp", json=LIST, headers={**MCP_HEADERS, "Authorization": f"Bearer {token}"}
            )

        a = [post("hdr_token_a").status_code for _ in range(4)]
        b = post("hdr_token_b")
        limited = post("hdr_token_a")
        rejected = _samples(base, "hdr_token_prom")[
            ("hdr_gateway_rejected_requests_total", (("reason", "rate_limited"), ("server", "forge")))
        ]
    assert a == [200, 200, 200, 429]
    assert b.status_code == 200
    assert int(limited.headers["retry-after"]) >= 1
    assert rejected == 2


def test_oversized_requests_are_refused_before_the_server(offline_suite) -> None:
    with serve(create_app(settings=GatewaySettings(max_body_bytes=4096))) as base:
        big = {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "tools/call",
            "params": {"name": "remember", "arguments": {"text": "x" * 10_000}},
        }
        reply = httpx.post(f"{base}/forge/mcp", json=big, headers=MCP_HEADERS)
        small = httpx.post(f"{base}/forge/mcp", json=LIST, headers=MCP_HEADERS)
    assert reply.status_code == 413 and reply.json()["error"] == "request_too_large"
    assert small.status_code == 200
    assert offline_suite.audit.records() == []  # it never reached the tool
