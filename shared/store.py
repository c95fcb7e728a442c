"""The suite's durable state: one SQLite database under HDR_HOME, shared by every server process.

WAL mode lets readers run while one writer writes; the busy timeout makes concurrent writers
from other processes wait instead of failing. Each server module owns its own tables and
creates them with `ensure_schema`; small records can use the namespaced document API instead.
Writes that must not be torn (a key rotation, a proposal and its changes) go in one
`transaction()`: SQLite makes them all-or-nothing even if the process is killed mid-way.
A process that caches what it read (phantom's keyring) asks `commit_watch().token()` whether
any connection, in any process, has committed since it last looked: a read of shared memory,
not a query.
"""

from __future__ import annotations

import functools
import json
import mmap
import operator
import os
import sqlite3
import sys
import threading
import time
import weakref
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

BUSY_TIMEOUT_MS = 30_000


class Store:
    """A SQLite database used from many threads and processes at once."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._schemas: set[str] = set()
        self._schema_lock = threading.Lock()
        self._watch: CommitWatch | None = None
        with self.transaction() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS documents ("
                " namespace TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,"
                " updated_at REAL NOT NULL, PRIMARY KEY (namespace, key))"
            )

    def connection(self) -> sqlite3.Connection:
        """This thread's connection (autocommit; use `transaction()` to group writes)."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
            db.row_factory = sqlite3.Row
            db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            self._local.db = db
        return db

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction that takes the database's write lock at once (BEGIN IMMEDIATE),
        so read-then-write sequences from several processes never interleave."""
        db = self.connection()
        if db.in_transaction:  # nested: join the outer transaction
            yield db
            return
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        else:
            db.execute("COMMIT")

    def ensure_schema(self, name: str, ddl: str) -> None:
        """Run `ddl` (CREATE TABLE IF NOT EXISTS ...; several statements allowed) once per process."""
        if name in self._schemas:
            return
        with self._schema_lock:
            if name in self._schemas:
                return
            db = self.connection()
            db.execute("BEGIN IMMEDIATE")
            try:
                for statement in ddl.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            self._schemas.add(name)

    def commit_watch(self) -> CommitWatch:
        """This Store's `CommitWatch` (one per Store, made on first use, kept for its lifetime)."""
        watch = self._watch
        if watch is None:
            with self._schema_lock:
                if self._watch is None:
                    self._watch = CommitWatch(self.path)
                watch = self._watch
        return watch

    # -- documents: small JSON records by namespace and key --------------------------------

    def put(self, namespace: str, key: str, value: Any) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO documents(namespace, key, value, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(namespace, key) DO UPDATE SET value=excluded.value, updated_at=excluded.updated_at",
                (namespace, key, json.dumps(value, sort_keys=True), time.time()),
            )

    def get(self, namespace: str, key: str, default: Any = None) -> Any:
        row = (
            self.connection()
            .execute("SELECT value FROM documents WHERE namespace=? AND key=?", (namespace, key))
            .fetchone()
        )
        return default if row is None else json.loads(row["value"])

    def delete(self, namespace: str, key: str) -> bool:
        with self.transaction() as db:
            cur = db.execute("DELETE FROM documents WHERE namespace=? AND key=?", (namespace, key))
            return cur.rowcount > 0

    def items(self, namespace: str, prefix: str = "") -> list[tuple[str, Any]]:
        rows = (
            self.connection()
            .execute(
                "SELECT key, value FROM documents WHERE namespace=? AND key >= ? AND key < ? ORDER BY key",
                (namespace, prefix, prefix + "\U0010ffff"),
            )
            .fetchall()
        )
        return [(r["key"], json.loads(r["value"])) for r in rows]

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None


WAL_INDEX_HEADER_BYTES = 96  # two copies of the 48-byte WalIndexHdr at the start of <db>-shm
WAL_INDEX_VERSION = 3007000  # WalIndexHdr.iVersion, native byte order (sqlite.org/walformat.html)


class CommitWatch:
    """ "Has anyone committed to this database since I last looked?", from any thread, cheaply.

    `token()` returns an opaque value; two tokens differ if any connection in any process
    committed between the two calls. They may also differ without a commit (a checkpoint that
    restarts the WAL, a recovery, a torn read while a writer rewrites the header): callers only
    drop a cache once too often.

    In WAL mode the token is the WAL-index header, the first 96 bytes of `<db>-shm`
    (sqlite.org/walformat.html): every commit rewrites it (iChange, mxFrame and checksums
    change), and its layout is fixed because processes linked against different SQLite versions
    share it. Reading it is a 96-byte copy from a read-only mapping, ~40 ns (`os.pread` ~500 ns,
    `PRAGMA data_version` ~3 us). Otherwise (rollback journal, no usable -shm) the token is
    `PRAGMA data_version` of a connection that never writes, so every commit is another's.

    Use: read the token before the data it guards; an unchanged token later means that data is
    still current. In WAL mode readers learn of a commit only through this header (its mxFrame),
    so a commit that a read could see has already changed the token.

    The mapping and its descriptors belong to the process (`_WalIndex`), one per database.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._open()
        _WATCHES.add(self)

    def _open(self) -> None:
        index = _WalIndex.of(self.path)
        if index.header is not None:
            self.mode = "wal-index"
            self.token: Callable[[], Hashable] = index.header
        else:
            self.mode = "data_version"
            self._db = index.db
            self.token = self._data_version

    def _data_version(self) -> int:
        with self._lock:
            return self._db.execute("PRAGMA data_version").fetchone()[0]

    def _after_fork_in_child(self) -> None:
        self._lock = threading.Lock()  # another thread of the parent may have held it at the fork
        self.token = self._reopen_then_token

    def _reopen_then_token(self) -> Hashable:
        with self._lock:
            if self.token == self._reopen_then_token:
                self._open()
        return self.token()


class _WalIndex:
    """This process's view of one database's WAL-index header, kept until the process exits.

    Why reading the mapping cannot fault (SIGBUS on a truncated file), nor harm SQLite:
    - `db`, an idle connection that has read once, stays open: through it SQLite holds a shared
      lock on the -shm's DMS byte, and SQLite truncates or re-initialises a -shm only under an
      exclusive DMS lock, i.e. when no process uses it. It also holds a shared lock on the
      database file, so no other connection's close deletes the -shm (that needs an exclusive one).
    - Nothing here ever closes a descriptor of the -shm (neither ours nor the one `mmap` keeps):
      closing any descriptor of a file drops all of the process's POSIX locks on it, SQLite's
      included (sqlite.org/howtocorrupt.html, 2.2); then another process would find the DMS byte
      unlocked and truncate the -shm under every connection here. Hence one per database per
      process, never closed: an idle connection and two descriptors.
    - A -shm only grows while in use, and the mapping covers its first 96 bytes.
    """

    _by_file: dict[tuple[int, int], _WalIndex] = {}
    _lock = threading.Lock()

    def __init__(self, db: sqlite3.Connection, header: Callable[[], bytes] | None) -> None:
        self.db = db
        self.header = header

    @classmethod
    def of(cls, path: Path) -> _WalIndex:
        real = os.path.realpath(path)  # SQLite resolves symbolic links; the -shm is beside the real file
        stat = os.stat(real)
        key = (stat.st_dev, stat.st_ino)  # our open connection keeps the inode from being reused
        with cls._lock:
            index = cls._by_file.get(key)
            if index is None:
                index = cls._open(real)
                if index.header is not None:
                    cls._by_file[key] = index
            return index

    @staticmethod
    def _open(real: str) -> _WalIndex:
        db = sqlite3.connect(
            real, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
        db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        db.execute("SELECT count(*) FROM sqlite_master").fetchall()  # a read: SQLite opens and maps the -shm
        if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            return _WalIndex(db, None)
        try:
            fd = os.open(real + "-shm", os.O_RDONLY)
        except OSError:
            return _WalIndex(db, None)
        _NEVER_CLOSED.append(fd)
        try:
            if os.fstat(fd).st_size < WAL_INDEX_HEADER_BYTES:
                return _WalIndex(db, None)
            mapped = mmap.mmap(fd, WAL_INDEX_HEADER_BYTES, mmap.MAP_SHARED, mmap.PROT_READ)
        except (OSError, ValueError):
            return _WalIndex(db, None)
        _NEVER_CLOSED.append(mapped)  # it holds a duplicate descriptor, closed if it were collected
        header = mapped[:WAL_INDEX_HEADER_BYTES]
        if (
            int.from_bytes(header[:4], sys.byteorder) != WAL_INDEX_VERSION or header[12] != 1
        ):  # iVersion, isInit
            return _WalIndex(db, None)
        # mapped[0:96] without a Python frame
        return _WalIndex(db, functools.partial(operator.itemgetter(slice(0, WAL_INDEX_HEADER_BYTES)), mapped))


_WATCHES: weakref.WeakSet[CommitWatch] = weakref.WeakSet()
_NEVER_CLOSED: list[object] = []  # descriptors and mappings of -shm files (see _WalIndex)


def _reset_after_fork_in_child() -> None:
    # A child inherits descriptors but not POSIX locks, so the parent's WAL-index views give it no
    # protection; it opens its own on next use. The inherited objects stay referenced, never
    # closed: closing them could drop locks the child's own connections take on the same files.
    _NEVER_CLOSED.append(list(_WalIndex._by_file.values()))
    _WalIndex._by_file = {}
    _WalIndex._lock = threading.Lock()
    for watch in list(_WATCHES):
        watch._after_fork_in_child()


os.register_at_fork(after_in_child=_reset_after_fork_in_child)
