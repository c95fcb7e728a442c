"""Three real `hdr serve` processes sharing one state store behave as one service: a 2026-era
elicitation round started on one replica is answered on another, one handoff request sent to every
replica at once is made and delivered once, and a replica killed with SIGKILL under load loses no
acknowledged write (the quick version of bench/gateway_scale.py, with its code).

Each runs twice: on one SQLite HDR_HOME (replicas on one machine), then on a fresh PostgreSQL database
(HDR_TEST_POSTGRES_URL; skipped without one, a failure under HDR_REQUIRE_SERVICES=1)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

import anyio
import pytest
from helpers import fresh_postgres_database, postgres_admin_url
from mcp import Client
from mcp.shared.exceptions import MCPError
from mcp_types import ElicitResult, InputRequiredResult

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import gateway_scale as scale  # noqa: E402 - the benchmark's own replica and checking code

pytestmark = pytest.mark.slow


class Cluster:
    def __init__(self, replicas: scale.Replicas, record: Path) -> None:
        self.replicas, self.record = replicas, record
        self.urls = replicas.urls


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def cluster(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """Three replicas and the target agent, on one SQLite HDR_HOME, then on a fresh PostgreSQL database."""
    tmp = tmp_path_factory.mktemp("replicas")
    record = tmp / "delivered.txt"
    with contextlib.ExitStack() as stack:
        state_url = None
        if request.param == "postgresql":
            state_url = stack.enter_context(
                contextlib.contextmanager(fresh_postgres_database)(postgres_admin_url())
            )
        target_url = stack.enter_context(scale.target_agent(record))
        replicas = stack.enter_context(scale.replicas_on(3, tmp / "home", state_url))
        anyio.run(scale.register_target, replicas.urls[0], target_url)
        yield Cluster(replicas, record)


async def accept(ctx: object, params: object) -> ElicitResult:
    return ElicitResult(action="accept", content={"confirm": True})


async def test_an_elicitation_round_started_on_one_replica_is_answered_on_another(cluster: Cluster) -> None:
    first, second, third = (f"{u}/nexus/mcp" for u in cluster.urls)
    card = scale.target_card("http://127.0.0.1:9/mcp")
    async with Client(first) as nexus:
        registered = await nexus.call_tool("register", {"card": card, "agent_id": "retiring"})
    assert not registered.is_error
    async with Client(second, mode="2026-07-28", elicitation_callback=accept) as b:
        asked = await b.session.call_tool("deregister", {"agent_id": "retiring"}, allow_input_required=True)
    assert isinstance(asked, InputRequiredResult)
    answers = {k: ElicitResult(action="accept", content={"confirm": True}) for k in asked.input_requests}
    async with Client(third, mode="2026-07-28", elicitation_callback=accept) as c:
        done = await c.session.call_tool(
            "deregister",
            {"agent_id": "retiring"},
            input_responses=answers,
            request_state=asked.request_state,
            allow_input_required=True,
        )
        with pytest.raises(MCPError, match="requestState"):  # the state is bound to its own call
            await c.session.call_tool(
                "deregister",
                {"agent_id": scale.TARGET_ID},  # the same answers and state replayed for another agent
                input_responses=answers,
                request_state=asked.request_state,
                allow_input_required=True,
            )
    async with Client(first) as nexus:
        listed = (await nexus.call_tool("agents", {})).structured_content
    assert not isinstance(done, InputRequiredResult) and not done.is_error
    assert done.structured_content["agent_id"] == "retiring"
    ids = {a["agent_id"] for a in listed["agents"]}
    assert "retiring" not in ids and scale.TARGET_ID in ids  # the replayed state removed nothing else


async def test_one_handoff_request_sent_to_every_replica_at_once_is_made_and_delivered_once(
    cluster: Cluster,
) -> None:
    results: list[dict] = []

    async def send(url: str) -> None:
        async with Client(f"{url}/nexus/mcp") as nexus:
            args = {"to_agent": scale.TARGET_ID, "task": "exactly once", "request_id": "ci-run-77"}
            result = await nexus.call_tool("handoff", args)
            assert not result.is_error, result.content
            results.append(result.structured_content)

    async with anyio.create_task_group() as tg:
        for url in cluster.urls * 2:  # two concurrent retries per replica
            tg.start_soon(send, url)
    ids = {r["handoff_id"] for r in results}
    assert len(results) == 6 and len(ids) == 1
    assert sum(r["changed"] for r in results) == 1  # one replica made it; five got it back
    assert scale.delivered(cluster.record)[ids.pop()] == 1


async def test_a_retry_delivers_a_handoff_whose_replica_died_before_delivering_it(
    cluster: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    from servers.nexus.handoffs import Handoffs
    from shared.config import Config
    from shared.suite import Suite

    for name in ("HDR_HOME", "HDR_STATE_URL"):
        if name in cluster.replicas.env:
            monkeypatch.setenv(name, cluster.replicas.env[name])
        else:
            monkeypatch.delenv(name, raising=False)
    # What a replica leaves when it dies between writing a handoff and claiming its delivery.
    made = Handoffs(Suite(Config.from_env()).store).create(
        from_agent="ci",
        to_agent=scale.TARGET_ID,
        task="left pending",
        context=None,
        sealed=False,
        memory_refs=[],
        channel="mcp",
        deadline_s=3600,
        request_id="ci-run-died",
    )
    args = {
        "to_agent": scale.TARGET_ID,
        "task": "left pending",
        "request_id": "ci-run-died",
        "from_agent": "ci",
    }
    async with Client(f"{cluster.urls[1]}/nexus/mcp") as nexus:
        retried = (await nexus.call_tool("handoff", args)).structured_content
        again = (await nexus.call_tool("handoff", args)).structured_content
    assert retried["handoff_id"] == made.id and retried["changed"] is False
    assert retried["status"] == "completed" and again["status"] == "completed"
    assert scale.delivered(cluster.record)[made.id] == 1


def test_a_replica_killed_under_load_loses_no_acknowledged_write(cluster: Cluster) -> None:
    acks, _ = anyio.run(scale.load, 6, 8.0, cluster.replicas, 2.0)
    check = scale.check_state(cluster.replicas.env, acks, cluster.record)
    assert cluster.replicas.alive() == [0, 1]  # the last one was SIGKILLed
    assert acks.retries >= 1  # its clients moved to the others
    assert acks.errors == []  # every call succeeded, on its first replica or the next
    assert acks.handoffs and acks.versions and acks.ciphertexts  # writes of every kind were acknowledged
    assert check.ok, check
    assert check.chain_records >= sum(acks.writes.values())
