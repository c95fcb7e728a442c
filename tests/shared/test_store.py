"""Store.commit_watch: "has anyone committed since I last looked?", with real connections, threads
and processes. The watch reads SQLite's WAL-index header from <db>-shm; these tests check it sees
every kind of commit and nothing else, and that it falls back to PRAGMA data_version when there is
no WAL-index."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from shared.store import CommitWatch, Store

ROOT = Path(__file__).resolve().parents[1]


def commit_in_subprocess(db: Path, sql: str = "INSERT INTO t VALUES (1)") -> None:
    """One commit by a separate process, which opens the database, writes and closes (its close is
    the last of that process: SQLite would delete or reset the -shm if nobody else held it)."""
    script = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); c.execute(sys.argv[2]); c.close()"
    subprocess.run([sys.executable, "-c", script, str(db), sql], check=True)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "state.db")
    with store.transaction() as db:
        db.execute("CREATE TABLE t (x)")
    return store


def test_a_commit_in_another_process_changes_the_token(store: Store) -> None:
    watch = store.commit_watch()
    assert watch.mode == "wal-index"  # the shared-memory path, not the fallback
    before = watch.token()
    commit_in_subprocess(store.path)
    after = watch.token()
    assert after != before
    commit_in_subprocess(store.path)
    assert watch.token() != after
    assert (store.path.parent / "state.db-shm").exists()  # our open connection kept it


def test_a_commit_on_another_threads_connection_changes_the_token(store: Store) -> None:
    watch = store.commit_watch()
    before = watch.token()
    thread = threading.Thread(target=lambda: store.put("ns", "k", 1))  # that thread's own connection
    thread.start()
    thread.join()
    assert watch.token() != before


def test_without_a_commit_the_token_stays_the_same(store: Store) -> None:
    watch = store.commit_watch()
    store.put("ns", "k", 1)
    first = watch.token()
    assert watch.token() == first
    # reads, from this process's connection, another thread and another process, are not commits
    assert store.get("ns", "k") == 1
    reader = threading.Thread(target=lambda: store.items("ns"))
    reader.start()
    reader.join()
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('SELECT count(*) FROM t').fetchall(); c.close()",
            str(store.path),
        ],
        check=True,
    )
    with store.transaction():  # a write transaction that writes nothing commits nothing
        pass
    assert watch.token() == first
    assert store.commit_watch() is watch  # one per Store


def test_the_watch_alone_keeps_other_processes_from_resetting_the_wal_index(store: Store) -> None:
    """SQLite re-initialises a -shm (truncating it: under a mapping, a SIGBUS) when it finds no
    process holding it. With every other connection of this process closed, the watch's own still
    holds it: a process that opens, reads and closes leaves the header (iChange included) as it was."""
    watch = store.commit_watch()
    store.put("ns", "k", 1)
    first = watch.token()
    store.close()  # this thread's connection: the watch's is the only one left here
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('SELECT count(*) FROM t').fetchall(); c.close()",
            str(store.path),
        ],
        check=True,
    )
    assert watch.token() == first
    commit_in_subprocess(store.path)
    assert watch.token() != first


def test_a_write_after_a_truncating_checkpoint_changes_the_token(store: Store) -> None:
    watch = store.commit_watch()
    store.put("ns", "k", 1)
    store.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    assert (store.path.parent / "state.db-wal").stat().st_size == 0  # the watch's connection did not block it
    after_checkpoint = watch.token()
    store.put("ns", "k", 2)  # the first frame of a restarted WAL, from this process
    assert watch.token() != after_checkpoint
    store.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    after_checkpoint = watch.token()
    commit_in_subprocess(store.path)  # ... and from another
    assert watch.token() != after_checkpoint


def test_a_rollback_journal_database_falls_back_to_data_version(tmp_path: Path) -> None:
    path = tmp_path / "rollback.db"
    setup = sqlite3.connect(path, isolation_level=None)
    setup.execute("PRAGMA journal_mode=DELETE")
    setup.execute("CREATE TABLE t (x)")
    watch = CommitWatch(path)
    assert watch.mode == "data_version"
    first = watch.token()
    assert watch.token() == first
    setup.execute("INSERT INTO t VALUES (1)")  # another connection of this process
    second = watch.token()
    assert second != first
    commit_in_subprocess(path)
    assert watch.token() != second
    setup.close()


def test_a_database_reached_through_a_symlink_is_watched_at_its_real_path(
    store: Store, tmp_path: Path
) -> None:
    link = tmp_path / "elsewhere" / "link.db"
    link.parent.mkdir()
    link.symlink_to(store.path)
    watch = Store(link).commit_watch()
    assert watch.mode == "wal-index"
    before = watch.token()
    commit_in_subprocess(store.path)
    assert watch.token() != before


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_child_gets_its_own_watch_and_still_sees_commits(store: Store) -> None:
    watch = store.commit_watch()
    watch.token()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report by exit status, never return into pytest
        status = 1
        try:
            os.close(read)
            before = watch.token()
            os.write(write, b"go")
            os.close(write)
            commit = sqlite3.connect(store.path, isolation_level=None)
            commit.execute("INSERT INTO t VALUES (2)")
            status = 0 if watch.token() != before and watch.mode == "wal-index" else 2
        finally:
            os._exit(status)
    os.close(write)
    assert os.read(read, 2) == b"go"
    os.close(read)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    before = watch.token()
    commit_in_subprocess(store.path)
    assert watch.token() != before  # the parent's watch is unaffected by the child
