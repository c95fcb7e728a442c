"""The suite's durable state, shared by every server process: SQLite under HDR_HOME by default,
PostgreSQL when HDR_STATE_URL names one (any number of processes on any number of machines).

One API over both, through SQLAlchemy Core (the stdlib sqlite3 driver; psycopg 3 for PostgreSQL):
SQL is written once, with named binds (`:name`), in the dialect both databases share (upserts
are `INSERT ... ON CONFLICT (...) DO UPDATE/DO NOTHING`). Tables are SQLAlchemy `Table`s in
`METADATA`, so each database gets its own types (BLOB/bytea, REAL/double precision, an
autoincrementing key) and `hdr state migrate` knows every table.

- `transaction()`: a write transaction; all-or-nothing, and read-then-write sequences never
  interleave across processes: SQLite takes its write lock at once (BEGIN IMMEDIATE), PostgreSQL
  a transaction-scoped advisory lock (one writer at a time across replicas). Nested calls join
  the outer transaction.
- `connection()`: for reads (autocommit; inside a transaction on this thread, that transaction).
  Results are fetched whole, so the pooled connection goes back at once.
- `ensure_schema(name, tables, migrations)`: the module's tables and its ordered, versioned
  migrations, applied once per database and recorded in `schema_migrations`.
- `commit_watch().token()`: "has anyone committed since I last looked?" for caches (phantom's
  keyring). SQLite: a read of the WAL-index in shared memory (one machine). PostgreSQL: a version
  row every write transaction bumps, read per call.
- PostgreSQL restarting: the pool tests a connection before handing it out (pre-ping), so the next
  call reconnects; a call cut off mid-way fails with `Unavailable` (nothing half-written).
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
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, make_url

from shared.errors import BadInput, Unavailable

BUSY_TIMEOUT_MS = 30_000
STATE_URL_ENV = "HDR_STATE_URL"
# pg_advisory_xact_lock key of the one write lock ("HDRSTATE" as a 64-bit integer).
WRITE_LOCK_KEY = int.from_bytes(b"HDRSTATE", "big") - (1 << 63)
UNAVAILABLE_HINT = "The state database could not be reached or dropped the connection; retry the call."

METADATA = sa.MetaData()  # every module's tables (a module adds its own when imported)

# Portable column types: SQLite keeps its own names (and files made by earlier releases match).
Double = sa.Float(53).with_variant(
    sa.REAL(), "sqlite"
)  # double precision; REAL would be 4 bytes on PostgreSQL
Blob = sa.LargeBinary()  # BLOB / bytea
BigInt = sa.BigInteger().with_variant(sa.Integer(), "sqlite")  # INTEGER PRIMARY KEY stays SQLite's rowid
Key = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")  # byte order, as SQLite compares


def col(name: str, type_: Any, *args: Any, **kwargs: Any) -> sa.Column[Any]:
    """A column, NOT NULL unless `nullable=True` (most of the suite's columns are required)."""
    kwargs.setdefault("nullable", False)
    return sa.Column(name, type_, *args, **kwargs)


documents = sa.Table(
    "documents",
    METADATA,
    col("namespace", Key, primary_key=True),
    col("key", Key, primary_key=True),
    col("value", sa.Text),
    col("updated_at", Double),
)
schema_migrations = sa.Table(
    "schema_migrations",
    METADATA,
    col("module", sa.Text, primary_key=True),
    col("version", sa.Integer, primary_key=True, autoincrement=False),
    col("description", sa.Text),
    col("applied_at", Double),
)
state_version = sa.Table(
    "state_version",
    METADATA,
    col("id", sa.Integer, primary_key=True, autoincrement=False),
    col("version", BigInt),
)


class Record:
    """One row: by position (`row[0]`), by column name (`row["name"]`), or as `dict(row)`."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: Mapping[str, int], values: tuple[Any, ...]) -> None:
        self._index = index
        self._values = values

    def __getitem__(self, key: int | str) -> Any:
        return self._values[key if isinstance(key, int) else self._index[key]]

    def keys(self) -> list[str]:
        return list(self._index)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Record({dict(zip(self._index, self._values, strict=True))!r})"


class Rows:
    """A statement's result, fetched whole."""

    def __init__(self, records: list[Record], rowcount: int) -> None:
        self.records = records
        self.rowcount = rowcount

    def fetchone(self) -> Any:  # a Record or None; Any as sqlite3's, so call sites type-check as before
        return self.records[0] if self.records else None

    def fetchall(self) -> list[Record]:
        return self.records

    def scalar(self) -> Any:
        return self.records[0][0] if self.records else None

    def __iter__(self) -> Iterator[Record]:
        return iter(self.records)


Params = Mapping[str, Any]


@functools.lru_cache(maxsize=2048)
def _statement(sql: str) -> sa.TextClause:
    return sa.text(sql)


def _adapt(params: Params | None) -> dict[str, Any]:
    # Flags live in INTEGER columns (as SQLite stores them); PostgreSQL will not put a boolean there.
    return {k: int(v) if isinstance(v, bool) else v for k, v in (params or {}).items()}


def _rows(result: sa.CursorResult[Any]) -> Rows:
    if not result.returns_rows:
        return Rows([], result.rowcount)
    index = {name: i for i, name in enumerate(result.keys())}
    return Rows([Record(index, tuple(row)) for row in result], result.rowcount)


class Tx:
    """A connection in use: a write transaction, or autocommit reads (`Store.connection()`)."""

    def __init__(self, store: Store, conn: Connection | None) -> None:
        self._store = store
        self.conn = conn  # None: each statement borrows a pooled connection

    @property
    def dialect(self) -> str:
        return self._store.dialect

    def execute(self, sql: str, params: Params | None = None) -> Rows:
        """Run one statement (named binds, `:name`) and return its rows."""
        if self.conn is not None:
            with _unavailable_on_disconnect():
                return _rows(self.conn.execute(_statement(sql), _adapt(params)))
        with self._store.connected() as conn, _unavailable_on_disconnect():
            return _rows(conn.execute(_statement(sql), _adapt(params)))

    def executemany(self, sql: str, rows: Sequence[Params]) -> int:
        """Run one statement once per parameter set; returns how many rows it changed in all."""
        if not rows:
            return 0
        batch = [_adapt(p) for p in rows]
        if self.conn is not None:
            with _unavailable_on_disconnect():
                return int(self.conn.execute(_statement(sql), batch).rowcount)
        with self._store.connected() as conn, _unavailable_on_disconnect():
            return int(conn.execute(_statement(sql), batch).rowcount)


@contextmanager
def _unavailable_on_disconnect() -> Iterator[None]:
    try:
        yield
    except sa.exc.DBAPIError as exc:
        if exc.connection_invalidated or isinstance(exc, sa.exc.OperationalError) and _is_pg_error(exc):
            raise Unavailable("The state database is unavailable.", UNAVAILABLE_HINT) from None
        if isinstance(exc, sa.exc.DataError) and "NUL (0x00)" in str(
            exc.orig
        ):  # PostgreSQL text cannot hold it
            raise BadInput(
                "Text containing a NUL character (\\x00) cannot be stored.",
                "Send the text without NUL characters.",
            ) from None
        raise


def _is_pg_error(exc: sa.exc.DBAPIError) -> bool:
    return type(exc.orig).__module__.startswith("psycopg")


@dataclass(frozen=True)
class Migration:
    """One step of a module's schema history; `apply` runs inside the store's write transaction."""

    version: int
    description: str
    apply: Callable[[Tx], None]


def state_url(target: Path | str) -> URL:
    """The SQLAlchemy URL for a path (SQLite) or a `postgresql://` URL (psycopg 3)."""
    text = str(target)
    if text.startswith(("postgresql:", "postgres:", "postgresql+psycopg:")):
        try:
            url = make_url(text)
        except sa.exc.ArgumentError:
            raise BadInput(
                f"{STATE_URL_ENV} is not a valid URL.", "Send postgresql://user:password@host:port/database."
            ) from None
        return url.set(drivername="postgresql+psycopg")
    return URL.create("sqlite+pysqlite", database=str(Path(text)))


def redacted(url: URL | str) -> str:
    """A state URL fit to print: the password is never shown."""
    return (url if isinstance(url, URL) else make_url(url)).render_as_string(hide_password=True)


def _sqlite_engine(url: URL) -> Engine:
    Path(url.database or "").parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(
        url,
        poolclass=sa.pool.QueuePool,
        pool_size=8,
        max_overflow=-1,
        isolation_level="AUTOCOMMIT",  # the store says BEGIN IMMEDIATE / COMMIT itself
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi: sqlite3.Connection, _record: object) -> None:
        for pragma in (
            f"busy_timeout={BUSY_TIMEOUT_MS}",
            "journal_mode=WAL",
            "synchronous=NORMAL",
            "foreign_keys=ON",
        ):
            dbapi.execute(f"PRAGMA {pragma}")

    return engine


def _postgres_engine(url: URL) -> Engine:
    return sa.create_engine(
        url,
        pool_size=int(os.environ.get("HDR_STATE_POOL_SIZE", "10")),
        max_overflow=20,
        pool_pre_ping=True,  # a restarted server: the next checkout reconnects instead of failing
        pool_timeout=30,
        isolation_level="AUTOCOMMIT",  # the store says BEGIN / COMMIT itself
        connect_args={"connect_timeout": 10},
    )


class Store:
    """The suite's database, used from many threads and processes at once.

    `Store(path)` opens SQLite at `path`; `Store("postgresql://...")` opens PostgreSQL.
    """

    def __init__(self, target: Path | str) -> None:
        self.url = state_url(target)
        self.dialect = "postgresql" if self.url.drivername.startswith("postgresql") else "sqlite"
        self.path = Path(self.url.database or "") if self.dialect == "sqlite" else None
        self.engine = _sqlite_engine(self.url) if self.dialect == "sqlite" else _postgres_engine(self.url)
        self._local = threading.local()
        self._schemas: set[str] = set()
        self._schema_lock = threading.Lock()
        self._watch: CommitWatch | VersionWatch | None = None
        self._versioned = False  # state_version exists: write transactions may bump it
        _STORES.add(self)
        self.ensure_schema("store", [documents, schema_migrations, state_version])
        self._versioned = True

    def describe(self) -> str:
        """Where the state lives, fit to print (no password)."""
        return str(self.path) if self.path is not None else redacted(self.url)

    def connection(self) -> Tx:
        """For reads: autocommit, or this thread's open transaction (so it sees its own writes)."""
        current: Tx | None = getattr(self._local, "tx", None)
        return current if current is not None else Tx(self, None)

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        """A write transaction (see the module's docstring); nested calls join the outer one."""
        current: Tx | None = getattr(self._local, "tx", None)
        if current is not None:
            yield current
            return
        with self.connected() as conn:
            tx = Tx(self, conn)
            self._begin(conn)
            self._local.tx = tx
            try:
                yield tx
            except BaseException:
                self._local.tx = None
                _rollback(conn)
                raise
            self._local.tx = None
            with _unavailable_on_disconnect():
                conn.exec_driver_sql("COMMIT")

    @contextmanager
    def connected(self) -> Iterator[Connection]:
        """A pooled connection (autocommit); Unavailable when the database cannot be reached."""
        with _unavailable_on_disconnect():
            conn = self.engine.connect()
        with conn:
            yield conn

    def _begin(self, conn: Connection) -> None:
        with _unavailable_on_disconnect():
            if self.dialect == "sqlite":
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                return
            conn.exec_driver_sql("BEGIN")
            try:
                conn.execute(_statement("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK_KEY})
                # Every write transaction moves the version other processes' caches compare against.
                if self._versioned:
                    conn.execute(_statement("UPDATE state_version SET version = version + 1 WHERE id = 1"))
            except BaseException:
                _rollback(conn)
                raise

    def ensure_schema(
        self, name: str, tables: Sequence[sa.Table], migrations: Sequence[Migration] = ()
    ) -> None:
        """Create `tables` if missing (version 1) and apply `migrations` (versions 2, 3, ... in
        order) that this database has not had yet; once per process, recorded per database."""
        if name in self._schemas:
            return
        with self._schema_lock:
            if name in self._schemas:
                return
            with self.transaction() as tx:
                _bootstrap(tx)
                steps = [Migration(1, "create tables", lambda t: _create(t, tables)), *migrations]
                _apply_pending(tx, name, steps)
            self._schemas.add(name)

    def commit_watch(self) -> CommitWatch | VersionWatch:
        """This Store's watch (one per Store, made on first use, kept for its lifetime)."""
        watch = self._watch
        if watch is None:
            with self._schema_lock:
                if self._watch is None:
                    self._watch = CommitWatch(self.path) if self.path is not None else VersionWatch(self)
                watch = self._watch
        return watch

    # -- documents: small JSON records by namespace and key --------------------------------

    def put(self, namespace: str, key: str, value: Any) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO documents(namespace, key, value, updated_at) VALUES (:ns, :key, :value, :at)"
                " ON CONFLICT(namespace, key) DO UPDATE SET value=excluded.value, updated_at=excluded.updated_at",
                {"ns": namespace, "key": key, "value": json.dumps(value, sort_keys=True), "at": time.time()},
            )

    def get(self, namespace: str, key: str, default: Any = None) -> Any:
        row = (
            self.connection()
            .execute(
                "SELECT value FROM documents WHERE namespace=:ns AND key=:key", {"ns": namespace, "key": key}
            )
            .fetchone()
        )
        return default if row is None else json.loads(row["value"])

    def delete(self, namespace: str, key: str) -> bool:
        with self.transaction() as db:
            cur = db.execute(
                "DELETE FROM documents WHERE namespace=:ns AND key=:key", {"ns": namespace, "key": key}
            )
            return cur.rowcount > 0

    def items(self, namespace: str, prefix: str = "") -> list[tuple[str, Any]]:
        rows = self.connection().execute(
            "SELECT key, value FROM documents WHERE namespace=:ns AND key >= :lo AND key < :hi ORDER BY key",
            {"ns": namespace, "lo": prefix, "hi": prefix + "\U0010ffff"},
        )
        return [(r["key"], json.loads(r["value"])) for r in rows]

    def close(self) -> None:
        self.engine.dispose()


def _rollback(conn: Connection) -> None:
    if not conn.invalidated:
        try:
            conn.exec_driver_sql("ROLLBACK")
            return
        except sa.exc.DBAPIError:  # the connection is gone, and with it the transaction
            conn.invalidate()
    conn.rollback()  # SQLAlchemy's own bookkeeping of the lost connection


def _bootstrap(tx: Tx) -> None:
    """The store's own bookkeeping tables, before anything is recorded in them."""
    assert tx.conn is not None
    METADATA.create_all(tx.conn, tables=[schema_migrations, state_version], checkfirst=True)
    tx.execute("INSERT INTO state_version (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING")


def _create(tx: Tx, tables: Sequence[sa.Table]) -> None:
    assert tx.conn is not None
    METADATA.create_all(tx.conn, tables=list(tables), checkfirst=True)


def _apply_pending(tx: Tx, name: str, steps: Sequence[Migration]) -> None:
    done = {
        int(r[0]) for r in tx.execute("SELECT version FROM schema_migrations WHERE module = :m", {"m": name})
    }
    for step in sorted(steps, key=lambda s: s.version):
        if step.version in done:
            continue
        step.apply(tx)
        tx.execute(
            "INSERT INTO schema_migrations (module, version, description, applied_at) VALUES (:m, :v, :d, :at)",
            {"m": name, "v": step.version, "d": step.description, "at": time.time()},
        )


def column_names(tx: Tx, table: str) -> set[str]:
    """The columns `table` has in this database (for migrations of databases made before versioning)."""
    assert tx.conn is not None
    return {c["name"] for c in sa.inspect(tx.conn).get_columns(table)}


def index_names(tx: Tx, table: str) -> set[str]:
    assert tx.conn is not None
    return {str(i["name"]) for i in sa.inspect(tx.conn).get_indexes(table)}


class VersionWatch:
    """PostgreSQL's answer to "has anyone committed since I last looked?": the `state_version` row,
    which every write transaction of every process bumps under the write lock; one query per call,
    on a connection kept for the watch (no pool checkout or pre-ping per call). A dropped connection
    is replaced once per call; if that fails too, Unavailable."""

    mode = "version-row"
    QUERY = "SELECT version FROM state_version WHERE id = 1"

    def __init__(self, store: Store) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._conn: Any = None  # the pool's DBAPI connection (psycopg), kept checked out

    def token(self) -> Hashable:
        with self._lock:
            try:
                return self._read()
            except Exception:  # noqa: BLE001 - a dropped connection: replace it once
                self._drop()
            try:
                return self._read()
            except Exception:  # noqa: BLE001 - still unreachable
                self._drop()
                raise Unavailable("The state database is unavailable.", UNAVAILABLE_HINT) from None

    def _read(self) -> Hashable:
        if self._conn is None:
            self._conn = self._store.engine.raw_connection()
            self._conn.driver_connection.autocommit = True
        with self._conn.driver_connection.cursor() as cursor:
            row = cursor.execute(self.QUERY).fetchone()
        return None if row is None else int(row[0])

    def _after_fork_in_child(self) -> None:
        # The parent's connection is the parent's: kept referenced (closing it here would end the
        # parent's session), never used; the child opens its own on first use.
        _NEVER_CLOSED.append(self._conn)
        self._conn = None
        self._lock = threading.Lock()

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.invalidate()
            except Exception:  # noqa: BLE001 - already gone
                pass


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
_STORES: weakref.WeakSet[Store] = weakref.WeakSet()
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
    for store in list(_STORES):  # the parent's pooled connections stay the parent's (SQLAlchemy's advice)
        store.engine.dispose(close=False)
        store._local = threading.local()
        if isinstance(store._watch, VersionWatch):
            store._watch._after_fork_in_child()


os.register_at_fork(after_in_child=_reset_after_fork_in_child)


def add_missing_columns(tx: Tx, table: sa.Table, names: Sequence[str]) -> None:
    """Add `table`'s columns `names` where this database lacks them, each as `table` declares it.

    For the first versioned migration of a module whose earlier releases added columns on the fly:
    a database they made may or may not have them."""
    assert tx.conn is not None
    have = column_names(tx, table.name)
    for name in names:
        if name not in have:
            spec = sa.schema.CreateColumn(table.c[name]).compile(dialect=tx.conn.dialect)
            tx.conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {spec}")
