"""The suite's append-only, hash-chained audit log.

Each record carries the SHA-256 of the previous record, so editing, deleting or reordering
any record breaks the chain from that point on. Records live in the shared SQLite store and
each append runs inside one BEGIN IMMEDIATE transaction (read the head, write the next), so
appends from several processes are serialised by SQLite's write lock and the chain never forks.

Arguments are recorded as an HMAC-SHA256 digest under a per-installation key, not a plain
hash: a plain hash of a short secret argument could be reversed by guessing.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from shared.store import METADATA, BigInt, Double, Store, col

GENESIS = "0" * 64

audit_log = sa.Table(
    "audit_log",
    METADATA,
    col("seq", BigInt, primary_key=True, autoincrement=False),
    col("ts", Double),
    col("server", sa.Text),
    col("tool", sa.Text),
    col("caller", sa.Text),
    col("args_digest", sa.Text),
    col("outcome", sa.Text),
    col("detail", sa.Text),
    col("prev_hash", sa.Text),
    col("hash", sa.Text),
    sa.Index("audit_log_server_tool", "server", "tool"),
    sa.Index("audit_log_ts", "ts"),
)


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    ts: float
    server: str
    tool: str
    caller: str
    args_digest: str
    outcome: str
    detail: str
    prev_hash: str
    hash: str

    def body(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("hash")
        return data


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    records: int
    head: str
    first_bad_seq: int | None = None
    reason: str | None = None


def record_hash(body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _load_or_create_key(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = os.urandom(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process won the race
        return path.read_bytes()
    with os.fdopen(fd, "wb") as f:
        f.write(key)
        f.flush()
        os.fsync(f.fileno())
    return key


class AuditLog:
    def __init__(self, store: Store, key_path: Path) -> None:
        self.store = store
        self.key_path = key_path
        self._key: bytes | None = None
        store.ensure_schema("audit_log", [audit_log])

    def digest(self, arguments: Any) -> str:
        if self._key is None:
            self._key = _load_or_create_key(self.key_path)
        canonical = json.dumps(arguments, sort_keys=True, separators=(",", ":"), default=str)
        return "hmac-sha256:" + hmac.new(self._key, canonical.encode(), hashlib.sha256).hexdigest()

    def append(
        self, server: str, tool: str, caller: str, arguments: Any, outcome: str, detail: str = ""
    ) -> AuditRecord:
        args_digest = self.digest(arguments)
        with self.store.transaction() as db:
            head = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
            seq, prev = (head["seq"] + 1, head["hash"]) if head else (1, GENESIS)
            body = {
                "seq": seq,
                "ts": time.time(),
                "server": server,
                "tool": tool,
                "caller": caller,
                "args_digest": args_digest,
                "outcome": outcome,
                "detail": detail[:500],
                "prev_hash": prev,
            }
            h = record_hash(body)
            db.execute(
                "INSERT INTO audit_log(seq, ts, server, tool, caller, args_digest, outcome, detail, prev_hash, hash)"
                " VALUES (:seq, :ts, :server, :tool, :caller, :args_digest, :outcome, :detail, :prev_hash, :hash)",
                {**body, "hash": h},
            )
        return AuditRecord(**body, hash=h)

    def records(
        self,
        server: str | None = None,
        tool: str | None = None,
        since: float | None = None,
        limit: int | None = None,
        newest_first: bool = False,
    ) -> list[AuditRecord]:
        where, params = self._where(server, tool, since)
        query = "SELECT * FROM audit_log" + where
        query += " ORDER BY seq DESC" if newest_first else " ORDER BY seq"
        if limit:
            query += f" LIMIT {int(limit)}"
        return [AuditRecord(**dict(r)) for r in self.store.connection().execute(query, params)]

    def count(
        self,
        server: str | None = None,
        tool: str | None = None,
        since: float | None = None,
        outcome: str | None = None,
    ) -> int:
        """How many records match (the same filters as `records`)."""
        where, params = self._where(server, tool, since, outcome)
        return int(
            self.store.connection().execute("SELECT COUNT(*) FROM audit_log" + where, params).fetchone()[0]
        )

    @staticmethod
    def _where(
        server: str | None, tool: str | None, since: float | None, outcome: str | None = None
    ) -> tuple[str, dict[str, Any]]:
        query, params = " WHERE 1=1", dict[str, Any]()
        for column, value in (("server", server), ("tool", tool), ("outcome", outcome)):
            if value:
                query += f" AND {column}=:{column}"
                params[column] = value
        if since is not None:
            query += " AND ts>=:since"
            params["since"] = since
        return query, params

    def head(self) -> tuple[int, str]:
        """(seq, hash) of the newest record; (0, GENESIS) for an empty log."""
        row = (
            self.store.connection()
            .execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
            .fetchone()
        )
        return (row["seq"], row["hash"]) if row else (0, GENESIS)

    def hash_at(self, seq: int) -> str | None:
        """The stored hash of record `seq`, or None when there is no such record."""
        row = (
            self.store.connection()
            .execute("SELECT hash FROM audit_log WHERE seq=:seq", {"seq": int(seq)})
            .fetchone()
        )
        return row["hash"] if row else None

    def verify(self) -> ChainReport:
        """Walk the whole chain; name the first record that was edited, deleted or moved."""
        prev, expected_seq, count = GENESIS, 1, 0
        for row in self.store.connection().execute("SELECT * FROM audit_log ORDER BY seq"):
            rec = AuditRecord(**dict(row))
            count += 1
            if rec.seq != expected_seq:
                return ChainReport(
                    False,
                    count,
                    prev,
                    expected_seq,
                    f"record {expected_seq} is missing (next present is {rec.seq}): deleted",
                )
            if rec.prev_hash != prev:
                return ChainReport(
                    False,
                    count,
                    prev,
                    rec.seq,
                    f"record {rec.seq} does not follow record {rec.seq - 1}: deleted or reordered",
                )
            if record_hash(rec.body()) != rec.hash:
                return ChainReport(
                    False, count, prev, rec.seq, f"record {rec.seq} was edited after it was written"
                )
            prev, expected_seq = rec.hash, rec.seq + 1
        return ChainReport(True, count, prev)
