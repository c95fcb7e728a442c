"""The state store's guarantees, each on both backends: SQLite (a file) and PostgreSQL (a fresh
database per test on the server HDR_TEST_POSTGRES_URL names; CI starts one). Concurrency claims are
tested with several real processes, not threads."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import plain_handoff

from servers.hardware import jobs
from servers.nexus.handoffs import Handoffs
from servers.phantom.keyring import Keyring
from servers.phantom.service import KEK_PURPOSE
from servers.phantom.transit import Item, LocalTransit
from shared.audit import AuditLog
from shared.errors import Conflict, Refused
from shared.kek import load_kek
from shared.store import Migration, Store
from shared.suite import Suite

ROOT = Path(__file__).resolve().parent.parent


def in_processes(target: str, home: Path, statement: str, count: int = 1) -> None:
    """Run `statement` in `count` separate Python processes at once, each with its own `store`
    (a Store on `target`) and `home`; fails if any of them fails."""
    script = (
        "import sys; from pathlib import Path; from shared.store import Store; "
        "store = Store(sys.argv[1]); home = Path(sys.argv[2]); exec(sys.argv[3])"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, target, str(home), statement], cwd=ROOT)
        for _ in range(count)
    ]
    assert [p.wait(timeout=120) for p in procs] == [0] * count


def test_documents_round_trip_and_list_by_prefix_in_byte_order(state_target: str) -> None:
    store = Store(state_target)
    for key in ["b/2", "a/1", "b/1", "b/\u00e9", "b/Z", "c"]:
        store.put("ns", key, {"key": key})
    store.put("ns", "a/1", {"key": "again"})
    assert store.get("ns", "a/1") == {"key": "again"}
    assert [k for k, _ in store.items("ns", "b/")] == ["b/1", "b/2", "b/Z", "b/\u00e9"]
    assert store.delete("ns", "c") and not store.delete("ns", "c")
    assert store.get("ns", "c", "gone") == "gone"


def test_a_failed_transaction_leaves_nothing_and_nested_ones_join_the_outer(state_target: str) -> None:
    store = Store(state_target)
    with pytest.raises(RuntimeError), store.transaction() as db:
        db.execute("INSERT INTO documents VALUES ('ns', 'k', '1', 0)")
        with store.transaction() as inner:
            assert inner is db
            inner.execute("INSERT INTO documents VALUES ('ns', 'k2', '1', 0)")
        assert store.connection().execute("SELECT count(*) FROM documents").scalar() == 2  # sees its writes
        raise RuntimeError("abort")
    assert store.items("ns") == []
    store.put("ns", "k", 1)  # the connection is usable after the rollback
    assert store.get("ns", "k") == 1


def test_read_then_write_never_interleaves_across_processes(state_target: str, tmp_path: Path) -> None:
    Store(state_target).put("counter", "n", 0)
    increment = (
        "for _ in range(25):\n"
        "    with store.transaction() as db:\n"
        "        n = int(db.execute(\"SELECT value FROM documents WHERE namespace='counter'\").scalar())\n"
        "        db.execute(\"UPDATE documents SET value=:v WHERE namespace='counter'\", {'v': str(n + 1)})\n"
    )
    in_processes(state_target, tmp_path, increment, count=3)
    assert Store(state_target).get("counter", "n") == 75  # no lost update


def test_audit_appends_from_three_processes_at_once_form_one_chain(state_target: str, tmp_path: Path) -> None:
    key = tmp_path / "audit.key"
    AuditLog(Store(state_target), key).append("t", "first", "me", {}, "ok")  # one key file for all
    append = (
        "from shared.audit import AuditLog\n"
        "log = AuditLog(store, home / 'audit.key')\n"
        "for i in range(40):\n"
        "    log.append('t', 'tool', 'p', {'i': i}, 'ok')\n"
    )
    in_processes(state_target, tmp_path, append, count=3)
    log = AuditLog(Store(state_target), key)
    report = log.verify()
    assert report.ok and report.records == 121
    assert [r.seq for r in log.records()] == list(range(1, 122))


def test_hdr_audit_verify_works_on_each_backend(state_target: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    log = AuditLog(Store(state_target if "://" in state_target else home / "state.db"), home / "audit.key")
    for i in range(5):
        log.append("forge", "optimize", "agent", {"i": i}, "ok")
    env = {"HDR_HOME": str(home), "PATH": "/usr/bin:/bin"}
    if "://" in state_target:
        env["HDR_STATE_URL"] = state_target
    run = subprocess.run(
        [sys.executable, "-m", "servers.cli", "audit", "verify"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert "audit log intact: 5 records" in run.stdout
    assert "root" not in run.stdout + run.stderr or "://" not in state_target  # no credentials echoed


def test_a_commit_in_another_process_changes_the_commit_token(state_target: str, tmp_path: Path) -> None:
    watch = Store(state_target).commit_watch()
    before = watch.token()
    assert watch.token() == before  # nothing committed: unchanged
    in_processes(state_target, tmp_path, "store.put('ns', 'k', 1)")
    assert watch.token() != before


def _transit(target: str, home: Path) -> LocalTransit:
    return LocalTransit(Keyring(Store(target), load_kek(home, KEK_PURPOSE, env={})))


KEYRING = (
    "from servers.phantom.keyring import Keyring; from servers.phantom.service import KEK_PURPOSE; "
    "from shared.kek import load_kek; ring = Keyring(store, load_kek(home, KEK_PURPOSE, env={}))\n"
)


def test_a_key_destroyed_by_another_process_is_refused_on_the_next_call(
    state_target: str, tmp_path: Path
) -> None:
    transit = _transit(state_target, tmp_path)
    transit.ensure_key("k")
    blob = transit.encrypt_bytes("k", Item(b"secret"))
    assert transit.decrypt_bytes("k", blob) == b"secret"  # warm: key facts and material cached
    in_processes(state_target, tmp_path, KEYRING + "ring.destroy('k')")
    with pytest.raises(Refused, match="destroyed"):
        transit.decrypt_bytes("k", blob)
    with pytest.raises(Refused, match="destroyed"):
        transit.encrypt_bytes("k", Item(b"more"))


def test_a_version_retired_by_another_process_is_refused_on_the_next_call(
    state_target: str, tmp_path: Path
) -> None:
    transit = _transit(state_target, tmp_path)
    transit.ensure_key("k")
    blob = transit.encrypt_bytes("k", Item(b"secret"))
    assert transit.decrypt_bytes("k", blob) == b"secret"
    in_processes(state_target, tmp_path, KEYRING + "ring.rotate('k'); ring.configure('k', 2)")
    with pytest.raises(Refused, match="min_decryption_version"):
        transit.decrypt_bytes("k", blob)
    assert bytes(transit.encrypt_bytes("k", Item(b"new"))).startswith(b"phantom:v2:")


def test_migrations_run_once_in_order_and_are_recorded(state_target: str) -> None:
    store = Store(state_target)
    ran: list[int] = []
    steps = [
        Migration(3, "third", lambda db: ran.append(3)),
        Migration(2, "second", lambda db: ran.append(2)),
    ]
    store.ensure_schema("demo", [], steps)
    Store(state_target).ensure_schema("demo", [], steps)  # another process's view: already applied
    assert ran == [2, 3]
    recorded = store.connection().execute(
        "SELECT version, description FROM schema_migrations WHERE module='demo' ORDER BY version"
    )
    assert [tuple(r) for r in recorded] == [(1, "create tables"), (2, "second"), (3, "third")]


def test_a_failing_migration_changes_nothing_and_is_retried(state_target: str) -> None:
    store = Store(state_target)

    def broken(db: object) -> None:
        store.connection().execute("INSERT INTO documents VALUES ('m', 'half', '1', 0)")
        raise RuntimeError("migration failed")

    with pytest.raises(RuntimeError):
        store.ensure_schema("demo", [], [Migration(2, "broken", broken)])
    assert store.get("m", "half") is None
    assert (
        store.connection().execute("SELECT count(*) FROM schema_migrations WHERE module='demo'").scalar() == 0
    )


def test_handoff_request_ids_are_idempotent_across_processes(backend_suite: Suite, tmp_path: Path) -> None:
    target = backend_suite.config.state_url or str(backend_suite.config.db_path)
    create = (
        "from servers.nexus.handoffs import Handoffs\n"
        "h = Handoffs(store).create(from_agent='a', to_agent='b', task='t', context=None, sealed=False,"
        " memory_refs=[], channel='inbox', deadline_s=60, request_id='r1')\n"
    )
    in_processes(target, tmp_path, create, count=3)
    handoffs = Handoffs(backend_suite.store)
    again = plain_handoff(handoffs, request_id="r1")
    assert again.replayed and len(handoffs.inbox("b")) == 1
    with pytest.raises(Conflict):
        plain_handoff(handoffs, to_agent="c", request_id="r1")


def test_a_delivery_is_claimed_by_one_process_only(backend_suite: Suite, tmp_path: Path) -> None:
    handoffs = Handoffs(backend_suite.store)
    made = plain_handoff(handoffs, channel="mcp")
    target = backend_suite.config.state_url or str(backend_suite.config.db_path)
    claim = (
        "from servers.nexus.handoffs import Handoffs\n"
        f"won = Handoffs(store).claim_delivery({made.id!r})\n"
        "if won: store.put('claims', str(__import__('os').getpid()), 1)\n"
    )
    in_processes(target, tmp_path, claim, count=3)
    assert len(backend_suite.store.items("claims")) == 1


def test_jobs_submitted_are_seen_and_cancelled_through_another_store(backend_suite: Suite) -> None:
    from servers.hardware.limits import Limits

    store = backend_suite.store
    request = {"shots": 10, "method": "statevector"}
    limits = Limits.from_env()
    jobs._schema(store)
    with store.transaction() as db:  # queued as submit does, without starting a runner process
        db.execute(
            "INSERT INTO hardware_jobs(id, state, request, message, submitted_at, owner)"
            " VALUES ('job-00000000000000aa', 'queued', :r, 'waiting', 1, 'p')",
            {"r": json.dumps(request)},
        )
    other = Store(backend_suite.config.state_url or backend_suite.config.db_path)
    assert jobs.cancel(other, "job-00000000000000aa", "p").state == "cancelled"
    assert jobs.status(store, "job-00000000000000aa", "p").state == "cancelled"
    assert limits.jobs_per_caller >= 1


def test_forge_ledger_records_and_rolls_back_on_each_backend(backend_suite: Suite) -> None:
    from servers.forge.ledger import Ledger
    from shared.cluster import Capture, ObjectRef

    ledger = Ledger(backend_suite.store)
    capture = Capture(ObjectRef("Deployment", "default", "x"), "x.yaml", "v0", {})
    sid = ledger.begin_apply("p-1", ["c1"], [capture], [], "alice")
    ledger.set_owner(sid, "bob")
    assert ledger.owner(sid) == "bob"
    ledger.record_changes(sid, "p-1", [], {"unit": "v1"})
    ledger.record_changes(sid, "p-1", [], {"unit": "v1"})  # the same write twice is one
    assert ledger.forge_wrote("unit", "v1")
    ledger.finish_apply(sid, "done")
    assert ledger.apply_of(sid).state == "done"
    ledger.mark_rolled_back(sid, {"unit": "v2"})
    assert ledger.snapshot(sid).rolled_back_at is not None
    changes, savings = ledger.evidence()
    assert changes["rollbacks"] == 1 and savings["open_proposals"] == 0


def test_the_example_in_docs_state_md_runs_on_each_backend(state_target: str, tmp_path: Path) -> None:
    import re

    code = re.findall(r"```python\n(.*?)```", (ROOT / "docs" / "state.md").read_text(), re.S)[0]
    in_processes(state_target, tmp_path, code + "\nassert [r['id'] for r in rows] == ['w1']\n")


def test_text_with_a_nul_character_is_stored_or_refused_clearly(state_target: str) -> None:
    from shared.errors import BadInput

    store = Store(state_target)
    if store.dialect == "sqlite":
        store.put("ns", "k", "a\x00b")
        assert store.get("ns", "k") == "a\x00b"
        return
    with pytest.raises(
        BadInput, match="NUL"
    ):  # PostgreSQL's text type cannot hold it: a tool error, not a crash
        store.put("ns", "k\x00", "v")
    assert store.items("ns") == []


def test_a_forked_child_uses_connections_of_its_own(state_target: str) -> None:
    import os

    store = Store(state_target)
    watch = store.commit_watch()
    before = watch.token()
    store.put("ns", "parent", 1)
    pid = os.fork()
    if pid == 0:  # the child writes through the inherited Store; the parent's sessions must survive
        try:
            store.put("ns", "child", 2)
            os._exit(0 if store.get("ns", "child") == 2 else 1)
        except BaseException:
            os._exit(1)
    assert os.waitpid(pid, 0)[1] == 0
    assert watch.token() != before and store.get("ns", "child") == 2
    store.put("ns", "after", 3)  # the parent's pooled connections still work
    assert [k for k, _ in store.items("ns")] == ["after", "child", "parent"]
