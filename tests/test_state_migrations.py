"""Schema versions across releases, and `hdr state migrate`: a HDR_HOME made by the previous release
(commit 722e4d4, before versioned migrations; tests/data/state-722e4d4, made by its make_fixture.py)
opens under this release with its data intact, and copies into PostgreSQL."""

from __future__ import annotations

import os
import shutil
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
from shared.kek import load_kek
from shared.store import Store

ROOT = Path(__file__).resolve().parent.parent
OLD_HOME = ROOT / "tests" / "data" / "state-722e4d4"


def old_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    shutil.copytree(OLD_HOME, home, ignore=shutil.ignore_patterns("*.py"))
    for key in ("audit.key", "master.key"):
        os.chmod(home / key, 0o600)
    return home


def check_old_state(store: Store, home: Path) -> None:
    """What the previous release left is all there and usable under this one."""
    audit = AuditLog(store, home / "audit.key")
    assert audit.verify().ok and audit.verify().records == 5
    transit = LocalTransit(Keyring(store, load_kek(home, KEK_PURPOSE, env={})))
    assert transit.decrypt("old-key", [Item(store.get("fixture", "ciphertext").encode())]) == [
        b"made by 722e4d4"
    ]
    handoffs = Handoffs(store)
    again = plain_handoff(handoffs, task="old task", request_id="old-req")
    assert again.replayed and again.id == store.get("fixture", "handoff")
    assert jobs.status(store, "job-00000000000000ff", "alice").state == "done"
    audit.append("t", "after-upgrade", "me", {}, "ok")
    assert audit.verify().ok


def test_a_database_made_by_the_previous_release_upgrades_in_place(tmp_path: Path) -> None:
    home = old_home(tmp_path)
    store = Store(home / "state.db")
    check_old_state(store, home)
    versions = dict(
        tuple(r)
        for r in store.connection().execute(
            "SELECT module, MAX(version) FROM schema_migrations GROUP BY module"
        )
    )
    assert (
        versions["phantom.keyring"] == 2
        and versions["nexus.handoffs"] == 2
        and versions["hardware_jobs"] == 3  # 3: jobs and runners gained node and heartbeat_at (pg-scale)
    )
    for table in ("hardware_jobs", "hardware_job_runners"):
        columns = {r[1] for r in store.connection().execute(f"PRAGMA table_info({table})")}
        assert {"node", "heartbeat_at"} <= columns
    key = Keyring(store, load_kek(home, KEK_PURPOSE, env={})).require("old-key")
    assert key.siv_from == 1  # 722e4d4 had the column already: the upgrade leaves its value alone


def hdr(home: Path, *args: str, url: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {"HDR_HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    if url:
        env["HDR_STATE_URL"] = url
    return subprocess.run(
        [sys.executable, "-m", "servers.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_hdr_state_migrate_copies_an_old_home_into_postgresql_once(tmp_path: Path, postgres_url: str) -> None:
    home = old_home(tmp_path)
    run = hdr(home, "state", "migrate", "--to", postgres_url)
    assert run.returncode == 0, run.stderr
    assert "audit chain verified there (5 records)" in run.stdout
    password = __import__("sqlalchemy").engine.make_url(postgres_url).password
    assert not password or f":{password}@" not in run.stdout + run.stderr
    check_old_state(Store(postgres_url), home)
    assert hdr(home, "audit", "verify", url=postgres_url).returncode == 0

    again = hdr(home, "state", "migrate", "--to", postgres_url)
    assert again.returncode == 2 and "not empty" in again.stderr and "createdb" in again.stderr
    assert not password or f":{password}@" not in again.stdout + again.stderr


def test_migrate_refuses_what_is_not_postgresql_and_never_prints_a_password(tmp_path: Path) -> None:
    home = old_home(tmp_path)
    run = hdr(home, "state", "migrate", "--to", "mysql://u:s3cret-pw@127.0.0.1/db")
    assert run.returncode == 2 and "PostgreSQL URL" in run.stderr
    down = hdr(home, "state", "migrate", "--to", "postgresql://u:s3cret-pw@127.0.0.1:9/db")
    assert down.returncode != 0 and "s3cret-pw" not in down.stdout + down.stderr
    assert "Could not connect" in down.stderr


@pytest.mark.parametrize("missing", ["state.db"])
def test_migrate_without_a_sqlite_home_says_where_it_looked(tmp_path: Path, missing: str) -> None:
    run = hdr(tmp_path / "nowhere", "state", "migrate", "--to", "postgresql://u:pw-x9@127.0.0.1:9/db")
    assert run.returncode == 2 and f"No state database at {tmp_path / 'nowhere' / missing}" in run.stderr
