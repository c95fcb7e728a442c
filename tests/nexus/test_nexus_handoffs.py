"""Inbox handoffs: lifecycle, idempotency, expiry, sealing, tier rules, and nothing half-changed."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from helpers import plain_handoff
from nexus_support import KUBE_DOCTOR, card, skill

from servers.nexus.marketplace import Marketplace
from shared import evidence, sealing
from shared.errors import BadInput, Conflict, NotFound, Refused
from shared.suite import Suite


@pytest.fixture
def market(offline_suite: Suite, tmp_path: Path) -> Marketplace:
    m = Marketplace(offline_suite, core_cards=tmp_path)
    m.register(KUBE_DOCTOR, "sandbox")
    return m


def test_inbox_accept_complete_updates_quality_and_evidence(
    market: Marketplace, offline_suite: Suite
) -> None:
    handoff = market.create_handoff(
        from_agent="planner",
        to_agent="kube-doctor",
        task="fix the OOM kills",
        context="namespace shop",
        memory_refs=["m1"],
    )
    assert [h.id for h in market.inbox("kube-doctor")] == [handoff.id]
    assert evidence.read(offline_suite.store, "nexus", "registry")["data"] == {
        "agents": 1,
        "open_handoffs": 1,
    }
    accepted, changed = market.accept(handoff.id, "kube-doctor")
    assert accepted.status == "accepted" and changed
    done, changed = market.complete(handoff.id, "completed", "raised the limit to 512Mi")
    assert done.status == "completed" and changed
    assert market.inbox("kube-doctor") == []
    quality = market.quality("kube-doctor")
    assert (quality.completed, quality.handoffs, quality.recent) == (1, 1, ["completed"])
    assert quality.success_rate == pytest.approx(2 / 3)
    assert evidence.read(offline_suite.store, "nexus", "registry")["data"] == {
        "agents": 1,
        "open_handoffs": 0,
    }


def test_repeating_accept_or_complete_changes_nothing(market: Marketplace) -> None:
    handoff = market.create_handoff(from_agent="p", to_agent="kube-doctor", task="t")
    market.accept(handoff.id)
    assert market.accept(handoff.id)[1] is False
    market.complete(handoff.id, "completed")
    again, changed = market.complete(handoff.id, "completed")
    assert not changed and again.status == "completed"
    with pytest.raises(Conflict, match="already completed"):
        market.complete(handoff.id, "failed")
    assert market.quality("kube-doctor").handoffs == 1


def test_only_the_target_accepts(market: Marketplace) -> None:
    handoff = market.create_handoff(from_agent="p", to_agent="kube-doctor", task="t")
    with pytest.raises(Conflict, match="addressed to"):
        market.accept(handoff.id, "someone-else")
    assert market.handoffs.get(handoff.id).status == "pending"


def test_overdue_handoffs_expire_and_count_against_the_target(market: Marketplace) -> None:
    handoff = market.create_handoff(from_agent="p", to_agent="kube-doctor", task="t", deadline_s=1)
    expired = market.handoffs.expire_overdue(now=time.time() + 5)
    assert [h.id for h in expired] == [handoff.id]
    assert market.handoffs.get(handoff.id).status == "expired"
    assert market.quality("kube-doctor").expired == 1


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"to_agent": "nobody"}, NotFound, "No agent"),
        ({"task": "   "}, BadInput, "`task` is empty"),
        ({"task": "x" * 5000}, BadInput, "`task`"),
        ({"context": "x" * 70_000}, BadInput, "`context`"),
        ({"deadline_s": 0}, BadInput, "deadline"),
        ({"deadline_s": 1e300}, BadInput, "deadline"),
        ({"memory_refs": ["r"] * 51}, BadInput, "memory_refs"),
        ({"seal": True}, BadInput, "publishes no public key"),
    ],
)
def test_bad_handoffs_are_refused_and_change_nothing(market: Marketplace, kwargs, error, words: str) -> None:
    args = {"from_agent": "p", "to_agent": "kube-doctor", "task": "t"} | kwargs
    with pytest.raises(error, match=words):
        market.create_handoff(**args)
    assert market.handoffs.open_count() == 0


def test_unknown_handoffs_are_not_found(market: Marketplace) -> None:
    with pytest.raises(NotFound, match="No handoff"):
        market.accept("h-nope")
    with pytest.raises(BadInput, match="outcome"):
        market.complete("h-nope", "maybe")


def test_sealed_context_only_the_target_can_open(market: Marketplace, offline_suite: Suite) -> None:
    private, public = sealing.generate_keypair()
    market.register(
        card(
            "Vault Keeper",
            [skill("keep", "Keep secrets", "Stores secrets.")],
            metadata={"public_key": sealing.public_key_to_text(public)},
        ),
        "sandbox",
    )
    secret = "db password is hunter2-very-secret"
    handoff = market.create_handoff(
        from_agent="p", to_agent="vault-keeper", task="store it", context=secret, seal=True
    )
    stored = market.inbox("vault-keeper")[0]
    assert stored.sealed and stored.context.startswith(sealing.SEALED_PREFIX)
    assert sealing.unseal(stored.context, private).decode() == secret
    other_private, _ = sealing.generate_keypair()
    with pytest.raises(Refused):
        sealing.unseal(stored.context, other_private)
    raw = (
        offline_suite.store.connection()
        .execute("SELECT * FROM nexus_handoffs WHERE id=:id", {"id": handoff.id})
        .fetchone()
    )
    assert secret not in str(tuple(raw))
    assert secret.encode() not in Path(offline_suite.store.path).read_bytes()


def test_sealed_payloads_go_to_external_agents_only_when_the_tier_allows(
    market: Marketplace, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, public = sealing.generate_keypair()
    market.register(
        card(
            "Partner Bot",
            [skill("do", "Do", "Does partner things.")],
            metadata={"public_key": sealing.public_key_to_text(public)},
        ),
        "external",
    )
    with pytest.raises(Refused, match="external agent"):
        market.create_handoff(from_agent="p", to_agent="partner-bot", task="t", context="private", seal=True)
    assert market.handoffs.open_count() == 0
    monkeypatch.setenv("HDR_NEXUS_SEALED_TIERS", "core,sandbox,external")
    assert market.create_handoff(
        from_agent="p", to_agent="partner-bot", task="t", context="private", seal=True
    ).sealed


def test_deregistering_fails_open_handoffs(market: Marketplace) -> None:
    handoff = market.create_handoff(from_agent="p", to_agent="kube-doctor", task="t")
    agent, failed = market.deregister("kube-doctor")
    assert failed == 1
    assert market.handoffs.get(handoff.id).status == "failed"


def test_a_retried_handoff_with_the_same_request_id_is_made_once(
    market: Marketplace, offline_suite: Suite
) -> None:
    first = market.create_handoff(
        from_agent="ci", to_agent="kube-doctor", task="fix the OOM kills", request_id="pipeline-42/job-7"
    )
    again = market.create_handoff(
        from_agent="ci", to_agent="kube-doctor", task="fix the OOM kills", request_id="pipeline-42/job-7"
    )
    assert again.id == first.id and again.replayed and not first.replayed
    assert [h.id for h in market.inbox("kube-doctor")] == [first.id]
    assert evidence.read(offline_suite.store, "nexus", "registry")["data"]["open_handoffs"] == 1
    # another caller's id is its own; no id, no deduplication
    other = market.create_handoff(
        from_agent="planner", to_agent="kube-doctor", task="fix the OOM kills", request_id="pipeline-42/job-7"
    )
    plain = [
        market.create_handoff(from_agent="ci", to_agent="kube-doctor", task="fix the OOM kills") for _ in "ab"
    ]
    assert len({first.id, other.id, plain[0].id, plain[1].id}) == 4


def test_a_request_id_reused_for_another_task_is_refused_and_changes_nothing(market: Marketplace) -> None:
    first = market.create_handoff(
        from_agent="ci", to_agent="kube-doctor", task="fix the OOM kills", request_id="job-1"
    )
    with pytest.raises(Conflict, match="was used for another handoff"):
        market.create_handoff(
            from_agent="ci", to_agent="kube-doctor", task="something else", request_id="job-1"
        )
    for bad in ("", "x" * 201, "has space", "new\nline", 42):
        with pytest.raises(BadInput, match="request_id"):
            market.create_handoff(from_agent="ci", to_agent="kube-doctor", task="t", request_id=bad)
    assert [h.id for h in market.inbox("kube-doctor")] == [first.id]


def test_retries_from_several_processes_at_once_make_one_handoff(
    market: Marketplace, offline_suite: Suite
) -> None:
    script = textwrap.dedent("""
        from shared.config import Config
        from shared.store import Store
        from servers.nexus.handoffs import Handoffs
        handoff = Handoffs(Store(Config.from_env().db_path)).create(
            from_agent="ci", to_agent="kube-doctor", task="fix it", context=None, sealed=False, memory_refs=[],
            channel="inbox", deadline_s=3600, request_id="job-9")
        print(handoff.id)
    """)
    procs = [
        subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True) for _ in range(4)
    ]
    ids = {p.communicate(timeout=60)[0].strip() for p in procs}
    assert [p.returncode for p in procs] == [0] * 4 and len(ids) == 1
    assert [h.id for h in market.inbox("kube-doctor")] == list(ids)


def test_a_database_from_before_request_ids_gains_the_column(tmp_path: Path) -> None:
    import sqlite3

    from servers.nexus.handoffs import Handoffs
    from shared.store import Store

    old = (  # the table as releases before request ids made it (the schema is SQLAlchemy metadata now)
        "CREATE TABLE nexus_handoffs (id TEXT PRIMARY KEY, from_agent TEXT NOT NULL, to_agent TEXT NOT NULL,"
        " task TEXT NOT NULL, context TEXT, sealed INTEGER NOT NULL, memory_refs TEXT NOT NULL,"
        " channel TEXT NOT NULL, status TEXT NOT NULL, deadline REAL NOT NULL, created_at REAL NOT NULL,"
        " updated_at REAL NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, reason TEXT, accepted_at REAL,"
        " finished_at REAL, result TEXT)"
    )
    db = sqlite3.connect(tmp_path / "state.db")
    db.executescript(old)
    db.execute(
        "INSERT INTO nexus_handoffs (id, from_agent, to_agent, task, context, sealed, memory_refs, channel,"
        " status, deadline, created_at, updated_at) VALUES ('h-old','a','b','t',NULL,0,'[]','inbox',"
        "'pending',9e9,1,1)"
    )
    db.commit()
    db.close()
    handoffs = Handoffs(Store(tmp_path / "state.db"))
    assert handoffs.get("h-old").task == "t"
    made = plain_handoff(handoffs, task="t2", request_id="r1")
    assert plain_handoff(handoffs, task="t2", request_id="r1").id == made.id
