"""The hash-chained audit log: concurrent appends from separate processes, tamper detection,
and `hdr audit verify`."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from shared.audit import AuditLog
from shared.store import Store

WORKER = """
import sys
from pathlib import Path
from shared.audit import AuditLog
from shared.store import Store
home = Path(sys.argv[1])
log = AuditLog(Store(home / "state.db"), home / "audit.key")
for i in range(int(sys.argv[2])):
    log.append("worker", "append", sys.argv[3], {"i": i, "who": sys.argv[3]}, "ok")
"""


def make_log(home: Path) -> AuditLog:
    return AuditLog(Store(home / "state.db"), home / "audit.key")


def fill(log: AuditLog, n: int) -> None:
    for i in range(n):
        log.append("forge", "optimize", "client:test", {"i": i}, "ok")


def test_appends_from_several_processes_never_fork_the_chain(tmp_path: Path) -> None:
    make_log(tmp_path)  # create schema and key first, as the first server process would
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, str(tmp_path), "60", f"p{n}"]) for n in range(4)]
    assert [p.wait(120) for p in procs] == [0, 0, 0, 0]
    log = make_log(tmp_path)
    report = log.verify()
    assert report.ok, report.reason
    records = log.records()
    assert len(records) == 240
    assert [r.seq for r in records] == list(range(1, 241))
    assert {r.caller for r in records} == {"p0", "p1", "p2", "p3"}
    assert len({r.prev_hash for r in records}) == 240  # no two records claim the same predecessor


def test_an_edited_record_is_named(tmp_path: Path) -> None:
    log = make_log(tmp_path)
    fill(log, 6)
    with sqlite3.connect(tmp_path / "state.db") as db:
        db.execute("UPDATE audit_log SET outcome='refused' WHERE seq=4")
    report = log.verify()
    assert not report.ok and report.first_bad_seq == 4 and "edited" in report.reason


def test_a_deleted_record_is_named(tmp_path: Path) -> None:
    log = make_log(tmp_path)
    fill(log, 6)
    with sqlite3.connect(tmp_path / "state.db") as db:
        db.execute("DELETE FROM audit_log WHERE seq=3")
    report = log.verify()
    assert not report.ok and report.first_bad_seq == 3 and "deleted" in report.reason


def test_reordered_records_are_named(tmp_path: Path) -> None:
    log = make_log(tmp_path)
    fill(log, 6)
    with sqlite3.connect(tmp_path / "state.db") as db:
        rows = {r[0]: r for r in db.execute("SELECT * FROM audit_log WHERE seq IN (2, 5)")}
        for seq, other in ((2, 5), (5, 2)):
            db.execute(
                "UPDATE audit_log SET ts=?, server=?, tool=?, caller=?, args_digest=?, outcome=?, detail=?,"
                " prev_hash=?, hash=? WHERE seq=?",
                (*rows[other][1:], seq),
            )
    report = log.verify()
    assert not report.ok and report.first_bad_seq == 2


def test_argument_digests_are_keyed_so_short_secrets_cannot_be_guessed(tmp_path: Path) -> None:
    import hashlib
    import json

    log = make_log(tmp_path)
    record = log.append("phantom", "encrypt", "c", {"plaintext": "yes"}, "ok")
    plain = hashlib.sha256(
        json.dumps({"plaintext": "yes"}, sort_keys=True, separators=(",", ":")).encode()
    ).hexdigest()
    assert plain not in record.args_digest
    assert "yes" not in json.dumps(record.body())
    assert oct((tmp_path / "audit.key").stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize(
    "tamper, code", [(None, 0), ("UPDATE audit_log SET caller='mallory' WHERE seq=2", 1)]
)
def test_hdr_audit_verify_reports_and_exits_accordingly(
    tmp_path: Path, tamper: str | None, code: int
) -> None:
    log = make_log(tmp_path)
    fill(log, 3)
    if tamper:
        with sqlite3.connect(tmp_path / "state.db") as db:
            db.execute(tamper)
    out = subprocess.run(
        [sys.executable, "-m", "servers.cli", "audit", "verify"],
        capture_output=True,
        text=True,
        env={**os.environ, "HDR_HOME": str(tmp_path)},
        timeout=60,
    )
    assert out.returncode == code, out.stderr
    assert ("intact: 3 records" in out.stdout) if code == 0 else ("BROKEN at record 2" in out.stdout)


def test_hdr_audit_verify_catches_the_newest_records_deleted_after_an_anchor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from servers.compliance import attestations
    from shared.config import Config
    from shared.suite import Suite

    monkeypatch.setenv("HDR_HOME", str(tmp_path))
    monkeypatch.setenv(
        "HDR_MEMORY_URL", "http://127.0.0.1:9"
    )  # the anchor's memory entry fails loudly, harmlessly
    suite = Suite(Config.from_env())
    fill(suite.audit, 4)
    attestations.anchor_audit(suite)  # pins record 4

    def verify() -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "servers.cli", "audit", "verify"],
            capture_output=True,
            text=True,
            env={**os.environ, "HDR_HOME": str(tmp_path)},
            timeout=60,
        )

    intact = verify()
    assert (
        intact.returncode == 0 and "intact: 4 records" in intact.stdout and "1 signed pins" in intact.stdout
    )
    with sqlite3.connect(tmp_path / "state.db") as db:
        db.execute("DELETE FROM audit_log WHERE seq >= 3")
    truncated = verify()
    assert truncated.returncode == 1, truncated.stderr
    assert "BROKEN at record 4" in truncated.stdout and "newest records were deleted" in truncated.stdout
