"""Agent-to-agent delivery over streamable HTTP to a real second server process."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import anyio
import pytest
from nexus_support import card, free_port, skill, wait_port

from servers.nexus.delivery import call_agent_tool
from servers.nexus.marketplace import Marketplace
from shared.suite import Suite

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def target_agent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The target agent's MCP URL and the file where it records what it received."""
    port = free_port()
    record = tmp_path_factory.mktemp("target") / "received.jsonl"
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "nexus_target_agent.py"), str(port), str(record)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_port(port), "the target agent did not start"
        yield f"http://127.0.0.1:{port}/mcp", record
    finally:
        proc.terminate()
        proc.wait(10)


def received(record: Path) -> list[dict]:
    return [json.loads(line) for line in record.read_text().splitlines()] if record.exists() else []


def agent_card(name: str, url: str, tool: str) -> dict:
    return card(
        name,
        [skill("work", "Do work", "Does any kind of work it is handed.")],
        metadata={"mcp": {"url": url, "tool": tool}},
    )


@pytest.fixture
def market(offline_suite: Suite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Marketplace:
    monkeypatch.setenv(
        "HDR_EGRESS_ALLOW", "127.0.0.1"
    )  # the target agents run on loopback, refused by default
    return Marketplace(offline_suite, core_cards=tmp_path)


async def test_a_handoff_is_delivered_by_calling_the_targets_tool(market: Marketplace, target_agent) -> None:
    url, record = target_agent
    market.register(agent_card("Worker", url, "receive_handoff"), "sandbox")
    created = market.create_handoff(
        from_agent="planner", to_agent="worker", task="summarise the outage", context="the outage notes"
    )
    assert created.channel == "mcp"
    done = await market.deliver(created.id)
    assert done.status == "completed" and done.attempts == 1
    assert json.loads(done.result)["done"] == "did: summarise the outage"
    got = [r for r in received(record) if r["handoff_id"] == created.id]
    assert got == [
        {
            "handoff_id": created.id,
            "task": "summarise the outage",
            "context": "the outage notes",
            "sealed": False,
            "duplicate": False,
        }
    ]
    assert market.quality("worker").completed == 1


async def test_a_handoff_is_never_delivered_twice(market: Marketplace, target_agent) -> None:
    url, record = target_agent
    market.register(agent_card("Worker", url, "receive_handoff"), "sandbox")
    created = market.create_handoff(from_agent="planner", to_agent="worker", task="once only")
    async with anyio.create_task_group() as tg:  # two deliveries racing, as from two processes
        for _ in range(3):
            tg.start_soon(market.deliver, created.id)
    await market.deliver(created.id)
    assert len([r for r in received(record) if r["handoff_id"] == created.id]) == 1


async def test_a_tool_error_from_the_target_fails_the_handoff_with_its_reason(
    market: Marketplace, target_agent
) -> None:
    url, _ = target_agent
    market.register(agent_card("Grumpy", url, "refuse_handoff"), "sandbox")
    created = market.create_handoff(from_agent="planner", to_agent="grumpy", task="do it")
    failed = await market.deliver(created.id)
    assert failed.status == "failed" and failed.attempts == 1
    assert "overloaded" in failed.reason
    assert market.quality("grumpy").failed == 1


async def test_an_unreachable_target_fails_after_retries_without_blocking_others(
    market: Marketplace, target_agent
) -> None:
    url, _ = target_agent
    dead = f"http://127.0.0.1:{free_port()}/mcp"
    market.register(agent_card("Gone", dead, "receive_handoff"), "sandbox")
    market.register(agent_card("Worker", url, "receive_handoff"), "sandbox")
    to_dead = market.create_handoff(from_agent="planner", to_agent="gone", task="never arrives")
    to_live = market.create_handoff(from_agent="planner", to_agent="worker", task="arrives")
    results: dict[str, object] = {}

    async def deliver(handoff_id: str) -> None:
        results[handoff_id] = await market.deliver(handoff_id)

    async with anyio.create_task_group() as tg:
        tg.start_soon(deliver, to_dead.id)
        tg.start_soon(deliver, to_live.id)
    dead_result, live_result = results[to_dead.id], results[to_live.id]
    assert dead_result.status == "failed" and dead_result.attempts == 3
    assert (
        dead_result.reason == "the agent's endpoint could not be reached after 3 attempts"
    )  # no address echoed
    assert live_result.status == "completed"
    assert market.handoffs.open_count() == 0


async def test_call_agent_tool_retries_only_transport_failures(target_agent, monkeypatch) -> None:
    monkeypatch.setenv("HDR_EGRESS_ALLOW", "127.0.0.1")
    url, _ = target_agent
    dead = await call_agent_tool(f"http://127.0.0.1:{free_port()}/mcp", "x", {}, attempts=2, backoff_s=0.01)
    assert not dead.ok and dead.attempts == 2
    unknown_tool = await call_agent_tool(url, "no_such_tool", {}, attempts=3)
    assert not unknown_tool.ok and unknown_tool.attempts == 1


async def test_an_endpoint_that_keeps_failing_stops_getting_retries(target_agent, monkeypatch) -> None:
    """The retry storm seen under overload: an endpoint that accepts connections but never answers (as
    an overloaded agent does) got three attempts per handoff, tripling its load. With the budget, the
    second handoff gets two and every later one a single attempt, until it answers again; another
    endpoint keeps its retries."""
    import socket

    monkeypatch.setenv("HDR_EGRESS_ALLOW", "127.0.0.1")
    with socket.socket() as silent:  # listens, accepts into the backlog, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(64)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/mcp"
        attempts = []
        for _ in range(4):
            result = await call_agent_tool(url, "x", {}, attempts=3, timeout_s=0.3, backoff_s=0.01)
            assert not result.ok
            attempts.append(result.attempts)
        assert attempts == [3, 2, 1, 1]
        assert result.reason == (
            "the agent's endpoint could not be reached after 1 attempt; "
            "not retried further: recent deliveries to this endpoint keep failing"
        )
    dead_elsewhere = await call_agent_tool(
        f"http://127.0.0.1:{free_port()}/mcp", "x", {}, attempts=3, backoff_s=0.01
    )
    assert dead_elsewhere.attempts == 3  # another endpoint's budget is its own
    live_url, _ = target_agent
    assert (await call_agent_tool(live_url, "no_such_tool", {}, attempts=3)).attempts == 1
