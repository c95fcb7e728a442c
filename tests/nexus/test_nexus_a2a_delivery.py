"""Handoffs to A2A agents, delivered over A2A with a2a-sdk's client to a real a2a-sdk server in another
process (its card fetched from its /.well-known/agent-card.json, as an agent publishes it); and the
egress rules on every delivery: a card cannot make nexus call loopback, private or metadata addresses,
and every refusal reads the same as an endpoint that is down."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from nexus_support import card, free_port, skill, wait_port

from servers.nexus.marketplace import Marketplace
from shared.suite import Suite

HERE = Path(__file__).parent
UNREACHABLE = "the agent's endpoint could not be reached after 3 attempts"


@pytest.fixture(scope="module")
def a2a_agent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict, Path]]:
    """The A2A agent's own card (as it serves it) and the file where it records the messages it got."""
    port = free_port()
    record = tmp_path_factory.mktemp("a2a") / "received.jsonl"
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "nexus_a2a_target.py"), str(port), str(record)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_port(port), "the A2A agent did not start"
        served = httpx.get(f"http://127.0.0.1:{port}/.well-known/agent-card.json", timeout=10).json()
        yield served, record
    finally:
        proc.terminate()
        proc.wait(10)


def received(record: Path) -> list[dict]:
    return [json.loads(line) for line in record.read_text().splitlines()] if record.exists() else []


@pytest.fixture
def market(offline_suite: Suite, tmp_path: Path) -> Marketplace:
    return Marketplace(offline_suite, core_cards=tmp_path)


async def test_a_handoff_to_an_a2a_agent_is_sent_as_a_task_and_followed_to_its_result(
    market: Marketplace, a2a_agent, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HDR_EGRESS_ALLOW", "127.0.0.1")
    served, record = a2a_agent
    registered = market.register(served, "sandbox", agent_id="night-owl")
    assert registered.agent.card.protocol == "1.0" and registered.agent.card.delivery("sandbox") == "a2a"
    created = market.create_handoff(
        from_agent="planner",
        to_agent="night-owl",
        task="watch the payroll batch",
        context="it starts at 02:00",
    )
    assert created.channel == "a2a" and created.status == "pending"
    done = await market.deliver(created.id)
    assert done.status == "completed" and done.attempts == 1
    assert done.result == "watched: watch the payroll batch"
    got = [r for r in received(record) if r["message_id"] == created.id]
    assert len(got) == 1 and got[0]["text"] == "watch the payroll batch"
    assert (
        got[0]["data"][0]["handoff_id"] == created.id and got[0]["data"][0]["context"] == "it starts at 02:00"
    )
    assert market.quality("night-owl").completed == 1
    again = await market.deliver(created.id)  # delivered once only
    assert (
        again.status == "completed"
        and len([r for r in received(record) if r["message_id"] == created.id]) == 1
    )


async def test_a_task_the_a2a_agent_fails_fails_the_handoff_with_its_reason(
    market: Marketplace, a2a_agent, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HDR_EGRESS_ALLOW", "127.0.0.1")
    served, _ = a2a_agent
    market.register(served, "sandbox", agent_id="night-owl")
    created = market.create_handoff(from_agent="planner", to_agent="night-owl", task="please fail")
    failed = await market.deliver(created.id)
    assert failed.status == "failed" and failed.attempts == 1
    assert "ended failed" in failed.reason and "cannot do that tonight" in failed.reason
    assert market.quality("night-owl").failed == 1


async def test_an_a2a_agent_that_is_down_is_retried_then_failed(
    market: Marketplace, a2a_agent, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HDR_EGRESS_ALLOW", "127.0.0.1")
    served, _ = a2a_agent
    dead = json.loads(json.dumps(served))
    dead["supportedInterfaces"][0]["url"] = f"http://127.0.0.1:{free_port()}/a2a"
    market.register(dead, "sandbox", agent_id="gone-owl")
    created = market.create_handoff(from_agent="planner", to_agent="gone-owl", task="watch")
    failed = await market.deliver(created.id)
    assert failed.status == "failed" and failed.attempts == 3 and failed.reason == UNREACHABLE


@pytest.mark.parametrize("protocol", ["a2a", "mcp"])
async def test_a_card_cannot_point_delivery_at_internal_addresses(
    market: Marketplace, a2a_agent, protocol: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Security issue #12 item 2: without an allow-list, loopback (where the live agent answers), private and
    metadata addresses are refused before any connection, with the same text as an endpoint that is down."""
    monkeypatch.delenv("HDR_EGRESS_ALLOW", raising=False)
    served, record = a2a_agent
    live = served["supportedInterfaces"][0]["url"]
    before = len(received(record))
    reasons = set()
    for i, url in enumerate(
        [
            live,
            "http://169.254.169.254/latest/meta-data/",
            "http://10.1.2.3:8080/mcp",
            "http://[::1]:9/a2a",
            "http://localhost:9/x",
        ]
    ):
        if protocol == "a2a":
            target = json.loads(json.dumps(served))
            target["supportedInterfaces"][0]["url"] = url
        else:
            target = card(
                f"Sneaky {i}", [skill("x", "X", "Does x.")], metadata={"mcp": {"url": url, "tool": "t"}}
            )
        market.register(target, "sandbox", agent_id=f"sneaky-{i}")
        created = market.create_handoff(from_agent="planner", to_agent=f"sneaky-{i}", task="rotate_keys")
        failed = await market.deliver(created.id)
        assert failed.status == "failed"
        reasons.add(failed.reason)
    assert reasons == {UNREACHABLE}  # one text: no port-state or address oracle
    assert len(received(record)) == before  # nothing reached the live loopback agent


async def test_a_task_still_running_when_nexus_stops_following_leaves_the_handoff_accepted(
    market: Marketplace, a2a_agent, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HDR_EGRESS_ALLOW", "127.0.0.1")
    served, _ = a2a_agent
    market.register(served, "sandbox", agent_id="night-owl")
    created = market.create_handoff(from_agent="planner", to_agent="night-owl", task="watch slowly")
    running = await market.deliver(created.id, follow_s=0.5)
    assert running.status == "accepted" and running.attempts == 1 and "A2A task" in running.reason
    assert [h.id for h in market.inbox("night-owl")] == [created.id]  # still open, for its owner to finish
    done, _ = market.complete(created.id, "completed", "the owner saw the task end")
    assert done.status == "completed" and market.quality("night-owl").completed == 1
