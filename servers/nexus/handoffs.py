"""Durable handoffs between agents, and the outcomes that make up each agent's quality.

A handoff moves through: pending (in the target's inbox, or waiting for delivery to its MCP
endpoint) -> delivering (one process holds the delivery; others keep off) -> accepted ->
completed | failed | expired. Every transition is one conditional UPDATE in a transaction, so
two processes can never both deliver or both accept the same handoff, and a repeated accept or
complete of the same handoff is answered without changing anything (idempotent by handoff id).
Creating one can be made idempotent too: a caller's `request_id` (a CI job id, say) is kept with the
handoff, and a retry with the same id returns the first handoff instead of writing another.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlalchemy as sa

from servers.nexus.registry import Registry
from shared.errors import BadInput, Conflict, NotFound
from shared.store import METADATA, BigInt, Double, Migration, Store, Tx, add_missing_columns, col

nexus_handoffs = sa.Table(
    "nexus_handoffs",
    METADATA,
    col("id", sa.Text, primary_key=True),
    col("from_agent", sa.Text),
    col("to_agent", sa.Text),
    col("task", sa.Text),
    col("context", sa.Text, nullable=True),
    col("sealed", BigInt),
    col("memory_refs", sa.Text),
    col("channel", sa.Text),
    col("status", sa.Text),
    col("deadline", Double),
    col("created_at", Double),
    col("updated_at", Double),
    col("attempts", BigInt, server_default="0"),
    col("reason", sa.Text, nullable=True),
    col("accepted_at", Double, nullable=True),
    col("finished_at", Double, nullable=True),
    col("result", sa.Text, nullable=True),
    col("request_key", sa.Text, nullable=True),
    col("creator", sa.Text, nullable=True),
    sa.Index("nexus_handoffs_to", "to_agent", "status"),
    sa.Index("nexus_handoffs_open", "status", "deadline"),
)
by_request = sa.Index(
    "nexus_handoffs_request",
    nexus_handoffs.c.request_key,
    unique=True,
    sqlite_where=nexus_handoffs.c.request_key.isnot(None),
    postgresql_where=nexus_handoffs.c.request_key.isnot(None),
)
nexus_outcomes = sa.Table(
    "nexus_outcomes",
    METADATA,
    col("handoff_id", sa.Text, primary_key=True),
    col("agent_id", sa.Text),
    col("outcome", sa.Text),
    col("latency_s", Double, nullable=True),
    col("at", Double),
    sa.Index("nexus_outcomes_agent", "agent_id", "at"),
)
SCHEMA = [nexus_handoffs, nexus_outcomes]


def _request_keys(db: Tx) -> None:
    """Databases made before request ids (and creators) lack their columns and index: add them."""
    add_missing_columns(db, nexus_handoffs, ["request_key", "creator"])
    assert db.conn is not None
    by_request.create(db.conn, checkfirst=True)


MIGRATIONS = [Migration(2, "request ids and creators", _request_keys)]

OPEN = ("pending", "delivering", "accepted")
FINISHED = ("completed", "failed", "expired")
MAX_TASK = 4000
MAX_CONTEXT = 64_000
MAX_RESULT = 8000
MAX_REFS = 50
# A delivery claim older than this belongs to a process that died mid-delivery; it may be retaken.
DELIVERY_LEASE_S = 120.0
RECENT = 10


@dataclass
class Handoff:
    id: str
    from_agent: str
    to_agent: str
    task: str
    context: str | None
    sealed: bool
    memory_refs: list[str]
    channel: str
    status: str
    deadline: float
    created_at: float
    updated_at: float
    attempts: int
    reason: str | None
    accepted_at: float | None
    finished_at: float | None
    result: str | None
    creator: str | None = None  # the authenticated principal that created it; None for the operator
    # Not stored: True when `create` found this handoff made earlier for the same request id.
    replayed: bool = field(default=False, compare=False)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["replayed"]
        return data


@dataclass
class Quality:
    agent_id: str
    handoffs: int
    completed: int
    failed: int
    expired: int
    success_rate: float
    mean_latency_s: float | None
    recent: list[str]


def new_handoff_id() -> str:
    return "h-" + uuid.uuid4().hex


class Handoffs:
    def __init__(self, store: Store) -> None:
        self.store = store
        store.ensure_schema("nexus.handoffs", SCHEMA, MIGRATIONS)

    @staticmethod
    def _row(row: Any) -> Handoff:
        data = dict(row)
        data.pop("request_key", None)
        data["sealed"] = bool(data["sealed"])
        data["memory_refs"] = json.loads(data["memory_refs"])
        return Handoff(**data)

    def get(self, handoff_id: str) -> Handoff:
        row = None
        if isinstance(handoff_id, str) and 0 < len(handoff_id) <= 100:
            row = (
                self.store.connection()
                .execute("SELECT * FROM nexus_handoffs WHERE id=:id", {"id": handoff_id})
                .fetchone()
            )
        if row is None:
            raise NotFound(
                f"No handoff {str(handoff_id)[:80]!r}.",
                "Use the id `handoff` returned, or list open ones with `inbox`.",
            )
        return self._row(row)

    def create(
        self,
        *,
        from_agent: str,
        to_agent: str,
        task: str,
        context: str | None,
        sealed: bool,
        memory_refs: list[str],
        channel: str,
        deadline_s: float,
        request_id: str | None = None,
        creator: str | None = None,
    ) -> Handoff:
        """Write a new pending handoff. With a `request_id`, the first handoff `from_agent` made with it is
        returned instead (`replayed`), if it hands the same task to the same agent; else Conflict."""
        now = time.time()
        handoff = Handoff(
            id=new_handoff_id(),
            from_agent=from_agent,
            to_agent=to_agent,
            task=task,
            context=context,
            sealed=sealed,
            memory_refs=memory_refs,
            channel=channel,
            status="pending",
            deadline=now + deadline_s,
            created_at=now,
            updated_at=now,
            attempts=0,
            reason=None,
            accepted_at=None,
            finished_at=None,
            result=None,
            creator=creator,
        )
        data = handoff.as_dict()
        data["memory_refs"] = json.dumps(memory_refs)
        data["sealed"] = int(sealed)
        data["request_key"] = None if request_id is None else json.dumps([from_agent, request_id])
        with self.store.transaction() as db:  # the write lock first: two retries at once make one handoff
            first = None if request_id is None else self._first(db, data["request_key"], request_id, handoff)
            if first is not None:
                return first
            db.execute(
                f"INSERT INTO nexus_handoffs({', '.join(data)}) VALUES ({', '.join(':' + c for c in data)})",
                data,
            )
        return handoff

    def _first(self, db: Tx, request_key: str, request_id: str, handoff: Handoff) -> Handoff | None:
        """The handoff made earlier with this request key (`replayed`), None if there is none; Conflict
        when it gave another task, target or sealing than `handoff` does."""
        row = db.execute(
            "SELECT * FROM nexus_handoffs WHERE request_key=:key", {"key": request_key}
        ).fetchone()
        if row is None:
            return None
        first = self._row(row)
        if (first.to_agent, first.task, first.sealed) != (handoff.to_agent, handoff.task, handoff.sealed):
            raise Conflict(
                f"request_id {request_id!r} was used for another handoff ({first.id}: "
                f"{first.task[:80]!r} to {first.to_agent}).",
                "Use a new request_id for a new handoff; repeat the same task and target "
                "to get the first one back.",
            )
        first.replayed = True
        return first

    # -- transitions ------------------------------------------------------------------------

    def _finish(
        self, db: Any, handoff: Handoff, status: str, reason: str | None, result: str | None, now: float
    ) -> None:
        db.execute(
            "UPDATE nexus_handoffs SET status=:status, reason=:reason, result=:result, finished_at=:now,"
            " updated_at=:now WHERE id=:id",
            {"status": status, "reason": reason, "result": result, "now": now, "id": handoff.id},
        )
        db.execute(
            "INSERT INTO nexus_outcomes VALUES (:id, :agent, :status, :latency, :now) ON CONFLICT DO NOTHING",
            {
                "id": handoff.id,
                "agent": handoff.to_agent,
                "status": status,
                "latency": now - handoff.created_at,
                "now": now,
            },
        )
        Registry.bump(db, "quality")

    def expire_overdue(self, now: float | None = None) -> list[Handoff]:
        """Mark open handoffs past their deadline as expired; returns them (outcomes recorded)."""
        now = time.time() if now is None else now
        overdue_sql = (
            "SELECT * FROM nexus_handoffs WHERE status IN ('pending','accepted') AND deadline < :now"
        )
        if self.store.connection().execute(overdue_sql + " LIMIT 1", {"now": now}).fetchone() is None:
            return []
        expired = []
        with self.store.transaction() as db:
            for row in db.execute(overdue_sql, {"now": now}).fetchall():
                handoff = self._row(row)
                self._finish(
                    db, handoff, "expired", "the deadline passed before the handoff was completed", None, now
                )
                handoff.status = "expired"
                expired.append(handoff)
        return expired

    def accept(self, handoff_id: str, agent_id: str | None = None) -> tuple[Handoff, bool]:
        """pending -> accepted. Returns (handoff, changed); accepting an accepted handoff changes nothing."""
        with self.store.transaction() as db:
            handoff = self.get(handoff_id)
            if agent_id is not None and agent_id != handoff.to_agent:
                raise Conflict(
                    f"Handoff {handoff.id} is addressed to {handoff.to_agent!r}, not {agent_id[:80]!r}.",
                    "Only the target agent accepts a handoff.",
                )
            if handoff.status == "accepted":
                return handoff, False
            if handoff.status != "pending" or handoff.channel != "inbox":
                raise Conflict(
                    f"Handoff {handoff.id} is {handoff.status} (delivered by {handoff.channel}); "
                    "it cannot be accepted now.",
                    "Only a pending inbox handoff can be accepted.",
                )
            now = time.time()
            db.execute(
                "UPDATE nexus_handoffs SET status='accepted', accepted_at=:now, updated_at=:now WHERE id=:id",
                {"now": now, "id": handoff.id},
            )
            handoff.status, handoff.accepted_at, handoff.updated_at = "accepted", now, now
        return handoff, True

    def complete(self, handoff_id: str, outcome: str, result: str | None) -> tuple[Handoff, bool]:
        """pending/accepted -> completed|failed. Completing again with the same outcome changes nothing."""
        if outcome not in ("completed", "failed"):
            raise BadInput(f"Unknown outcome {str(outcome)[:30]!r}.", "Use 'completed' or 'failed'.")
        with self.store.transaction() as db:
            handoff = self.get(handoff_id)
            if handoff.status == outcome:
                return handoff, False
            if handoff.status not in ("pending", "accepted"):
                raise Conflict(
                    f"Handoff {handoff.id} is already {handoff.status}; its outcome cannot change.",
                    "Create a new handoff for further work.",
                )
            now = time.time()
            reason = None if outcome == "completed" else (result or "reported failed by the target")[:500]
            self._finish(db, handoff, outcome, reason, result, now)
            handoff.status, handoff.result, handoff.reason = outcome, result, reason
            handoff.finished_at = handoff.updated_at = now
        return handoff, True

    def claim_delivery(self, handoff_id: str) -> bool:
        """Take the delivery of a pending MCP or A2A handoff; False when another process holds or finished it."""
        now = time.time()
        with self.store.transaction() as db:
            cur = db.execute(
                "UPDATE nexus_handoffs SET status='delivering', attempts=attempts+1, updated_at=:now WHERE id=:id AND "
                "channel IN ('mcp','a2a') AND (status='pending' OR (status='delivering' AND updated_at < :stale))",
                {"now": now, "id": handoff_id, "stale": now - DELIVERY_LEASE_S},
            )
            return cur.rowcount == 1

    def finish_delivery(
        self, handoff_id: str, ok: bool | None, result: str | None, reason: str | None, attempts: int
    ) -> Handoff:
        """End a delivery: completed (ok), failed (not ok), or, when the target took the work on as a task
        that has not ended yet (ok is None), accepted: open until the target's owner completes it or its
        deadline passes."""
        with self.store.transaction() as db:
            handoff = self.get(handoff_id)
            if handoff.status != "delivering":
                return handoff
            db.execute(
                "UPDATE nexus_handoffs SET attempts=:n WHERE id=:id", {"n": attempts, "id": handoff.id}
            )
            now = time.time()
            if ok is None:
                db.execute(
                    "UPDATE nexus_handoffs SET status='accepted', accepted_at=:now, updated_at=:now, reason=:reason "
                    "WHERE id=:id",
                    {"now": now, "reason": reason, "id": handoff.id},
                )
            else:
                self._finish(db, handoff, "completed" if ok else "failed", reason, result, now)
        return self.get(handoff_id)

    def fail_open_to(self, agent_id: str, reason: str) -> int:
        """Fail every open handoff to `agent_id` (it was deregistered)."""
        now = time.time()
        with self.store.transaction() as db:
            rows = db.execute(
                "SELECT * FROM nexus_handoffs WHERE to_agent=:agent AND status IN ('pending','accepted')",
                {"agent": agent_id},
            ).fetchall()
            for row in rows:
                self._finish(db, self._row(row), "failed", reason, None, now)
        return len(rows)

    # -- reading ----------------------------------------------------------------------------

    def inbox(self, agent_id: str, include_finished: bool = False, limit: int = 50) -> list[Handoff]:
        statuses = OPEN + FINISHED if include_finished else ("pending", "accepted")
        rows = (
            self.store.connection()
            .execute(
                f"SELECT * FROM nexus_handoffs WHERE to_agent=:agent AND status IN "
                f"({', '.join(f':s{i}' for i in range(len(statuses)))}) ORDER BY created_at LIMIT :limit",
                {"agent": agent_id, "limit": limit, **{f"s{i}": s for i, s in enumerate(statuses)}},
            )
            .fetchall()
        )
        return [self._row(r) for r in rows]

    def open_count(self) -> int:
        return int(
            self.store.connection()
            .execute(
                "SELECT COUNT(*) FROM nexus_handoffs WHERE status IN ('pending','delivering','accepted')"
            )
            .fetchone()[0]
        )

    def quality(self, agent_id: str) -> Quality:
        db = self.store.connection()
        counts = {
            r["outcome"]: r["n"]
            for r in db.execute(
                "SELECT outcome, COUNT(*) AS n FROM nexus_outcomes WHERE agent_id=:agent GROUP BY outcome",
                {"agent": agent_id},
            )
        }
        latency = db.execute(
            "SELECT AVG(latency_s) FROM nexus_outcomes WHERE agent_id=:agent AND outcome='completed'",
            {"agent": agent_id},
        ).fetchone()[0]
        recent = [
            r["outcome"]
            for r in db.execute(
                "SELECT outcome FROM nexus_outcomes WHERE agent_id=:agent ORDER BY at DESC LIMIT :n",
                {"agent": agent_id, "n": RECENT},
            )
        ]
        done, failed, expired = counts.get("completed", 0), counts.get("failed", 0), counts.get("expired", 0)
        total = done + failed + expired
        return Quality(
            agent_id=agent_id,
            handoffs=total,
            completed=done,
            failed=failed,
            expired=expired,
            success_rate=smoothed_success(done, total),
            mean_latency_s=latency,
            recent=recent,
        )

    def success_by_agent(self) -> dict[str, float]:
        rows = self.store.connection().execute(
            "SELECT agent_id, SUM(CASE WHEN outcome='completed' THEN 1 ELSE 0 END) AS ok, COUNT(*) AS n"
            " FROM nexus_outcomes GROUP BY agent_id"
        )
        return {r["agent_id"]: smoothed_success(r["ok"], r["n"]) for r in rows}


def smoothed_success(completed: int, total: int) -> float:
    """Success rate with one imagined success and one imagined failure (Laplace), so one lucky or
    unlucky handoff does not decide an agent's standing; 0.5 with no record."""
    return (completed + 1) / (total + 2)
