"""The suite's durable state: one SQLite database under HDR_HOME, shared by every server process.

WAL mode lets readers run while one writer writes; the busy timeout makes concurrent writers
from other processes wait instead of failing. Each server module owns its own tables and
creates them with `ensure_schema`; small records can use the namespaced document API instead.
Writes that must not be torn (a key rotation, a proposal and its changes) go in one
`transaction()`: SQLite makes them all-or-nothing even if the process is killed mid-way.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
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
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                 check_same_thread=False)
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

    # -- documents: small JSON records by namespace and key --------------------------------

    def put(self, namespace: str, key: str, value: Any) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO documents(namespace, key, value, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(namespace, key) DO UPDATE SET value=excluded.value, updated_at=excluded.updated_at",
                (namespace, key, json.dumps(value, sort_keys=True), time.time()),
            )

    def get(self, namespace: str, key: str, default: Any = None) -> Any:
        row = self.connection().execute(
            "SELECT value FROM documents WHERE namespace=? AND key=?", (namespace, key)
        ).fetchone()
        return default if row is None else json.loads(row["value"])

    def delete(self, namespace: str, key: str) -> bool:
        with self.transaction() as db:
            cur = db.execute("DELETE FROM documents WHERE namespace=? AND key=?", (namespace, key))
            return cur.rowcount > 0

    def items(self, namespace: str, prefix: str = "") -> list[tuple[str, Any]]:
        rows = self.connection().execute(
            "SELECT key, value FROM documents WHERE namespace=? AND key >= ? AND key < ? ORDER BY key",
            (namespace, prefix, prefix + "\U0010ffff"),
        ).fetchall()
        return [(r["key"], json.loads(r["value"])) for r in rows]

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None
