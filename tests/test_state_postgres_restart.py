"""PostgreSQL restarting under a running process: the next call reconnects (the pool tests each
connection before use), a call cut off mid-transaction fails with a clear Unavailable error and
writes nothing, and the process is never wedged. Uses its own throwaway cluster (tests/pg_cluster.py),
never a shared server."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import need_service
from pg_cluster import Cluster, new_cluster

from shared.audit import AuditLog
from shared.errors import Unavailable
from shared.store import Store


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    # Not pytest's tmp_path: the server's socket path must stay short, and the postgres user must reach it.
    directory = Path(tempfile.mkdtemp(prefix="hdr-pg-"))
    directory.chmod(0o755)
    made = new_cluster(directory)
    need_service("PostgreSQL server binaries", made is not None, "apt-get install postgresql")
    assert made is not None
    try:
        yield made
    finally:
        try:
            made.stop()
        except Exception:  # noqa: BLE001 - already stopped by the test
            pass
        shutil.rmtree(directory, ignore_errors=True)


def test_the_store_reconnects_after_postgresql_restarts(cluster: Cluster, tmp_path: Path) -> None:
    store = Store(cluster.url)
    audit = AuditLog(store, tmp_path / "audit.key")
    audit.append("t", "before", "me", {}, "ok")
    watch = store.commit_watch()
    before = watch.token()
    cluster.stop()
    with pytest.raises(Unavailable):  # the keyring's freshness check says so, it does not hang
        watch.token()
    cluster.start()
    assert watch.token() == before  # its own connection replaced; nothing committed meanwhile
    audit.append("t", "after", "me", {}, "ok")  # pooled connections were dead: pre-ping replaced them
    assert watch.token() != before
    assert audit.verify().ok and audit.verify().records == 2


def test_a_transaction_cut_off_by_a_restart_fails_clearly_and_writes_nothing(cluster: Cluster) -> None:
    store = Store(cluster.url)
    store.put("ns", "kept", 1)
    with (
        pytest.raises(Unavailable, match="state database is unavailable") as caught,
        store.transaction() as db,
    ):
        db.execute("INSERT INTO documents VALUES ('ns', 'lost', '1', 0)")
        cluster.stop()
        db.execute("INSERT INTO documents VALUES ('ns', 'lost2', '1', 0)")
    assert "postgres@" not in str(caught.value)
    with pytest.raises(Unavailable):  # still down: a clear error again, not a hang
        store.get("ns", "kept")
    cluster.start()
    assert store.get("ns", "kept") == 1 and store.get("ns", "lost") is None
    store.put("ns", "after", 2)  # and writes work again
    assert [k for k, _ in store.items("ns")] == ["after", "kept"]
