"""forge's durable records in the shared store: proposals, snapshots, applied changes, and every
object version forge itself wrote (so a rollback can tell forge's later edits from someone else's)."""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from servers.forge.analysis import AnalysisResult, Change, Opportunity
from servers.forge.results import AppliedChange, ContainerReport, PageHeader, SnapshotInfo
from shared.cluster import Capture, ObjectRef
from shared.store import METADATA, BigInt, Double, Store, Tx, col

forge_proposals = sa.Table(
    "forge_proposals",
    METADATA,
    col("id", sa.Text, primary_key=True),
    col("created_at", Double),
    col("scope", sa.Text),
    col("source", sa.Text),
    col("monthly_savings", Double),
    col("changes", sa.Text),
)
forge_snapshots = sa.Table(
    "forge_snapshots",
    METADATA,
    col("id", sa.Text, primary_key=True),
    col("proposal_id", sa.Text),
    col("created_at", Double),
    col("captures", sa.Text),
    col("rolled_back_at", Double, nullable=True),
)
forge_changes = sa.Table(
    "forge_changes",
    METADATA,
    col("seq", BigInt, primary_key=True, autoincrement=True),
    col("snapshot_id", sa.Text, sa.ForeignKey("forge_snapshots.id")),
    col("proposal_id", sa.Text),
    col("change_id", sa.Text),
    col("object", sa.Text),
    col("workload", sa.Text),
    col("container", sa.Text, nullable=True),
    col("field", sa.Text),
    col("before", sa.Text, nullable=True),
    col("after", sa.Text),
    col("monthly_savings", Double),
    col("applied_at", Double),
    col("rolled_back_at", Double, nullable=True),
    sa.Index("forge_changes_workload", "workload"),
    sqlite_autoincrement=True,
)
forge_writes = sa.Table(
    "forge_writes",
    METADATA,
    col("unit", sa.Text, primary_key=True),
    col("version", sa.Text, primary_key=True),
    col("at", Double),
)
forge_applies = sa.Table(
    "forge_applies",
    METADATA,
    col("snapshot_id", sa.Text, primary_key=True),
    col("proposal_id", sa.Text),
    col("change_ids", sa.Text),
    col("state", sa.Text),
    col("pid", BigInt),
    col("host", sa.Text),
    col("started_at", Double),
    col("finished_at", Double, nullable=True),
    col("note", sa.Text, nullable=True),
)
forge_intents = sa.Table(
    "forge_intents",
    METADATA,
    col("snapshot_id", sa.Text, primary_key=True),
    col("seq", BigInt, primary_key=True, autoincrement=False),
    col("object", sa.Text),
    col("unit", sa.Text),
    col("fields", sa.Text),
    col("version_before", sa.Text),
    col("version_after", sa.Text, nullable=True),
    col("state", sa.Text),
    col("at", Double),
)
forge_owners = sa.Table(
    "forge_owners",
    METADATA,
    col("id", sa.Text, primary_key=True),
    col("owner", sa.Text),
)
forge_proposal_pages = sa.Table(
    "forge_proposal_pages",
    METADATA,
    col("id", sa.Text, primary_key=True),
    col("body", sa.Text),
)
forge_oom_answers = sa.Table(
    "forge_oom_answers",
    METADATA,
    col("event", sa.Text, primary_key=True),
    col("snapshot_id", sa.Text, primary_key=True),
    col("at", Double),
)
DDL = [
    forge_proposals,
    forge_snapshots,
    forge_changes,
    forge_writes,
    forge_applies,
    forge_intents,
    forge_owners,
    forge_proposal_pages,
    forge_oom_answers,
]

INTENT_STATES = ("planned", "writing", "written", "undone", "skipped", "unknown")
"""An intent is `planned` with its snapshot, `writing` just before its write is sent, `written` once the
API answered; `undone` when forge restored it, `skipped` when an interrupted apply never wrote it,
`unknown` when, after a crash, the object's fields match neither forge's before nor after."""


FieldWrite = tuple[list[Any], Any, Any]  # (path in the object, value before, value forge writes)


@dataclass(frozen=True)
class PlannedWrite:
    """One object optimize is about to write: recorded before the write, so a crash leaves its intent."""

    object: str  # Kind/namespace/name
    unit: str  # what a capture and a write cover: the object, or its manifest file
    version_before: str
    fields: list[FieldWrite]


@dataclass(frozen=True)
class Intent(PlannedWrite):
    """A PlannedWrite as recorded, with how far it got (INTENT_STATES)."""

    snapshot_id: str
    seq: int
    state: str
    version_after: str | None
    at: float

    @classmethod
    def of_row(cls, row: Any) -> Intent:
        return cls(
            object=row["object"],
            unit=row["unit"],
            version_before=row["version_before"],
            fields=[(f[0], f[1], f[2]) for f in json.loads(row["fields"])],
            snapshot_id=row["snapshot_id"],
            seq=int(row["seq"]),
            state=row["state"],
            version_after=row["version_after"],
            at=row["at"],
        )


@dataclass(frozen=True)
class ApplyRun:
    """One optimize that wrote (or meant to write) to the cluster: `running` until it finished."""

    snapshot_id: str
    proposal_id: str
    change_ids: list[str]
    state: str  # running | done | failed | interrupted
    pid: int
    host: str
    started_at: float
    finished_at: float | None
    note: str | None

    @classmethod
    def of_row(cls, row: Any) -> ApplyRun:
        return cls(
            **{name: row[name] for name in cls.__dataclass_fields__ if name != "change_ids"},
            change_ids=json.loads(row["change_ids"]),
        )


@dataclass(frozen=True)
class Snapshot:
    id: str
    proposal_id: str
    created_at: float
    captures: list[Capture]
    rolled_back_at: float | None


@dataclass(frozen=True)
class StoredPages:
    """The analysis behind a proposal, kept for analyze's cursor (the changes are the proposal's own)."""

    header: PageHeader
    opportunities: list[Opportunity]
    containers: list[ContainerReport]
    notes: list[str]
    without_metrics: list[str]


class Ledger:
    def __init__(self, store: Store) -> None:
        self.store = store
        store.ensure_schema("forge", DDL)

    def save_proposal(self, result: AnalysisResult, scope: str, source: str) -> str:
        pid = "p-" + uuid.uuid4().hex[:10]
        savings = result.estimated_savings  # the default plan's (opt-in availability changes left out)
        with self.store.transaction() as db:
            db.execute(
                "INSERT INTO forge_proposals (id, created_at, scope, source, monthly_savings, changes)"
                " VALUES (:id, :at, :scope, :source, :savings, :changes)",
                {
                    "id": pid,
                    "at": time.time(),
                    "scope": scope,
                    "source": source,
                    "savings": savings,
                    "changes": json.dumps([vars(c) for c in result.changes]),
                },
            )
        return pid

    def save_pages(self, pid: str, header: PageHeader, result: AnalysisResult) -> None:
        """The analysis behind a proposal (header, opportunities, containers, notes), for paging."""
        body = {
            "header": vars(header),
            "opportunities": [vars(o) for o in result.opportunities],  # flat dataclasses: vars() is
            "containers": [vars(c) for c in result.containers],  # what asdict() gives, ~20x faster
            "notes": result.notes,
            "without_metrics": result.without_metrics,
        }
        with self.store.transaction() as db:
            db.execute(
                "INSERT INTO forge_proposal_pages (id, body) VALUES (:id, :body)"
                " ON CONFLICT (id) DO UPDATE SET body = excluded.body",
                {"id": pid, "body": json.dumps(body)},
            )

    def pages(self, pid: str) -> StoredPages | None:
        row = (
            self.store.connection()
            .execute("SELECT body FROM forge_proposal_pages WHERE id=:id", {"id": pid})
            .fetchone()
        )
        if row is None:
            return None
        body = json.loads(row[0])
        return StoredPages(
            PageHeader(**body["header"]),
            [Opportunity.model_construct(**o) for o in body["opportunities"]],
            [ContainerReport.model_construct(**c) for c in body["containers"]],  # validated when shown
            body["notes"],
            body["without_metrics"],
        )

    def proposal(self, pid: str) -> tuple[dict[str, Any], list[Change]] | None:
        row = (
            self.store.connection()
            .execute("SELECT * FROM forge_proposals WHERE id=:id", {"id": pid})
            .fetchone()
        )
        if row is None:
            return None
        return dict(row), [Change(**c) for c in json.loads(row["changes"])]

    def proposal_list(self, limit: int = 500) -> list[dict[str, Any]]:
        """The newest proposals, without their changes: id, created_at, scope, source, monthly_savings."""
        rows = self.store.connection().execute(
            "SELECT id, created_at, scope, source, monthly_savings FROM forge_proposals "
            "ORDER BY created_at DESC LIMIT :limit",
            {"limit": limit},
        )
        return [dict(r) for r in rows.fetchall()]

    def applied_change_ids(self, pid: str) -> set[str]:
        rows = self.store.connection().execute(
            "SELECT change_id FROM forge_changes WHERE proposal_id=:id AND rolled_back_at IS NULL",
            {"id": pid},
        )
        return {r[0] for r in rows}

    def snapshot(self, sid: str) -> Snapshot | None:
        row = (
            self.store.connection()
            .execute("SELECT * FROM forge_snapshots WHERE id=:id", {"id": sid})
            .fetchone()
        )
        if row is None:
            return None
        captures = [_capture_from_json(c) for c in json.loads(row["captures"])]
        return Snapshot(row["id"], row["proposal_id"], row["created_at"], captures, row["rolled_back_at"])

    def snapshots(self, limit: int = 100) -> list[SnapshotInfo]:
        db = self.store.connection()
        rows = db.execute(
            "SELECT s.*, (SELECT COUNT(*) FROM forge_changes c WHERE c.snapshot_id=s.id) AS n "
            "FROM forge_snapshots s ORDER BY created_at DESC LIMIT :n",
            {"n": limit},
        ).fetchall()
        return [
            SnapshotInfo(
                id=r["id"],
                proposal_id=r["proposal_id"],
                created_at=r["created_at"],
                rolled_back_at=r["rolled_back_at"],
                changes=r["n"],
                objects=sorted({c["ref"] for c in json.loads(r["captures"])}),
            )
            for r in rows
        ]

    def record_changes(
        self, sid: str, proposal_id: str, changes: list[Change], writes: dict[str, str]
    ) -> None:
        now = time.time()
        with self.store.transaction() as db:
            for c in changes:
                db.execute(
                    "INSERT INTO forge_changes (snapshot_id, proposal_id, change_id, object, workload, "
                    "container, field, before, after, monthly_savings, applied_at) VALUES "
                    "(:sid, :pid, :cid, :object, :workload, :container, :field, :before, :after, :savings, :at)",
                    {
                        "sid": sid,
                        "pid": proposal_id,
                        "cid": c.id,
                        "object": c.object,
                        "workload": c.workload,
                        "container": c.container,
                        "field": c.field,
                        "before": c.current,
                        "after": c.proposed,
                        "savings": c.monthly_savings_usd,
                        "at": now,
                    },
                )
                for event in c.oom_events or []:  # the OOM kill this limit bump answers: once
                    db.execute(
                        "INSERT INTO forge_oom_answers (event, snapshot_id, at) VALUES (:e, :sid, :at)"
                        " ON CONFLICT DO NOTHING",
                        {"e": event, "sid": sid, "at": now},
                    )
            for unit, version in writes.items():
                _record_write(db, unit, version, now)

    # -- the apply journal: written before every write, so a crash leaves a record of intent ----

    def begin_apply(
        self,
        proposal_id: str,
        change_ids: list[str],
        captures: list[Capture],
        intents: list[PlannedWrite],
        owner: str | None,
    ) -> str:
        """The snapshot, the apply and every intended write (object, fields with before/after, version
        before), in one transaction, before anything is written."""
        import os
        import socket

        sid = "s-" + uuid.uuid4().hex[:10]
        now = time.time()
        with self.store.transaction() as db:
            db.execute(
                "INSERT INTO forge_snapshots (id, proposal_id, created_at, captures) VALUES (:id, :pid, :at, :caps)",
                {
                    "id": sid,
                    "pid": proposal_id,
                    "at": now,
                    "caps": json.dumps([_capture_json(c) for c in captures]),
                },
            )
            db.execute(
                "INSERT INTO forge_applies (snapshot_id, proposal_id, change_ids, state, pid, host, started_at)"
                " VALUES (:sid, :pid, :ids, 'running', :proc, :host, :at)",
                {
                    "sid": sid,
                    "pid": proposal_id,
                    "ids": json.dumps(change_ids),
                    "proc": os.getpid(),
                    "host": socket.gethostname(),
                    "at": now,
                },
            )
            for seq, intent in enumerate(intents):
                db.execute(
                    "INSERT INTO forge_intents (snapshot_id, seq, object, unit, fields, version_before, state, at)"
                    " VALUES (:sid, :seq, :object, :unit, :fields, :before, 'planned', :at)",
                    {
                        "sid": sid,
                        "seq": seq,
                        "object": intent.object,
                        "unit": intent.unit,
                        "fields": json.dumps(intent.fields),
                        "before": intent.version_before,
                        "at": now,
                    },
                )
            if owner is not None:
                _set_owner(db, sid, owner)
        return sid

    def set_intent(self, sid: str, seq: int, state: str, version_after: str | None = None) -> None:
        assert state in INTENT_STATES
        with self.store.transaction() as db:
            db.execute(
                "UPDATE forge_intents SET state=:state, version_after=COALESCE(:after, version_after), at=:at "
                "WHERE snapshot_id=:sid AND seq=:seq",
                {"state": state, "after": version_after, "at": time.time(), "sid": sid, "seq": seq},
            )
            if state == "written" and version_after:
                unit = db.execute(
                    "SELECT unit FROM forge_intents WHERE snapshot_id=:sid AND seq=:seq",
                    {"sid": sid, "seq": seq},
                ).fetchone()
                _record_write(db, unit[0], version_after, time.time())

    def intents(self, sid: str) -> list[Intent]:
        rows = self.store.connection().execute(
            "SELECT * FROM forge_intents WHERE snapshot_id=:sid ORDER BY seq", {"sid": sid}
        )
        return [Intent.of_row(r) for r in rows]

    def later_intents(self, sid: str, objects: set[str]) -> list[Intent]:
        """forge's written intents on these objects from snapshots taken after `sid`."""
        db = self.store.connection()
        created = db.execute("SELECT created_at FROM forge_snapshots WHERE id=:id", {"id": sid}).fetchone()
        if created is None or not objects:
            return []
        names = {f"o{i}": o for i, o in enumerate(sorted(objects))}
        marks = ", ".join(f":{n}" for n in names)
        rows = db.execute(
            f"SELECT i.* FROM forge_intents i JOIN forge_snapshots s ON s.id = i.snapshot_id "  # noqa: S608
            f"WHERE s.created_at > :after AND i.state='written' AND i.object IN ({marks})",
            {"after": created[0], **names},
        )
        return [Intent.of_row(r) for r in rows]

    def finish_apply(self, sid: str, state: str, note: str | None = None) -> None:
        with self.store.transaction() as db:
            db.execute(
                "UPDATE forge_applies SET state=:state, finished_at=:at, note=:note WHERE snapshot_id=:sid",
                {"state": state, "at": time.time(), "note": note, "sid": sid},
            )

    def running_applies(self) -> list[ApplyRun]:
        rows = self.store.connection().execute("SELECT * FROM forge_applies WHERE state='running'")
        return [ApplyRun.of_row(r) for r in rows]

    def apply_of(self, sid: str) -> ApplyRun | None:
        row = (
            self.store.connection()
            .execute("SELECT * FROM forge_applies WHERE snapshot_id=:sid", {"sid": sid})
            .fetchone()
        )
        return None if row is None else ApplyRun.of_row(row)

    # -- who owns a proposal or snapshot --------------------------------------------------------

    def set_owner(self, rid: str, owner: str | None) -> None:
        if owner is not None:
            with self.store.transaction() as db:
                _set_owner(db, rid, owner)

    def owner(self, rid: str) -> str | None:
        row = (
            self.store.connection()
            .execute("SELECT owner FROM forge_owners WHERE id=:id", {"id": rid})
            .fetchone()
        )
        return None if row is None else str(row[0])

    def oom_answered(self) -> set[str]:
        """The OOM kills forge raised a memory limit for (not rolled back since)."""
        rows = self.store.connection().execute(
            "SELECT a.event FROM forge_oom_answers a JOIN forge_snapshots s ON s.id = a.snapshot_id "
            "WHERE s.rolled_back_at IS NULL"
        )
        return {r[0] for r in rows}

    def forge_wrote(self, unit: str, version: str) -> bool:
        return (
            self.store.connection()
            .execute(
                "SELECT 1 FROM forge_writes WHERE unit=:unit AND version=:v", {"unit": unit, "v": version}
            )
            .fetchone()
            is not None
        )

    def mark_rolled_back(self, sid: str, writes: dict[str, str]) -> list[AppliedChange]:
        """Marks the snapshot and its changes rolled back; the changes it undid."""
        now = time.time()
        with self.store.transaction() as db:
            db.execute("UPDATE forge_snapshots SET rolled_back_at=:at WHERE id=:id", {"at": now, "id": sid})
            rows = db.execute(
                "SELECT * FROM forge_changes WHERE snapshot_id=:sid AND rolled_back_at IS NULL", {"sid": sid}
            ).fetchall()
            db.execute(
                "UPDATE forge_changes SET rolled_back_at=:at WHERE snapshot_id=:sid AND rolled_back_at IS NULL",
                {"at": now, "sid": sid},
            )
            for unit, version in writes.items():
                _record_write(db, unit, version, now)
        return [AppliedChange.of_row(r) for r in rows]

    def decisions(self, workload: str | None, limit: int = 200) -> list[AppliedChange]:
        """Applied changes, newest first, to `workload` ('name' or 'namespace/name') or to any."""
        db = self.store.connection()
        if workload:
            rows = db.execute(
                "SELECT * FROM forge_changes WHERE workload=:w OR workload LIKE :like ORDER BY seq DESC LIMIT :n",
                {"w": workload, "like": f"%/{workload}", "n": limit},
            )
        else:
            rows = db.execute("SELECT * FROM forge_changes ORDER BY seq DESC LIMIT :n", {"n": limit})
        return [AppliedChange.of_row(r) for r in rows]

    def evidence(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """The forge.changes and forge.savings facts."""
        db = self.store.connection()
        c = db.execute(
            "SELECT COUNT(*) AS n, COUNT(snapshot_id) AS s, MAX(applied_at) AS last FROM forge_changes"
        ).fetchone()
        rollbacks = db.execute(
            "SELECT COUNT(*) FROM forge_snapshots WHERE rolled_back_at IS NOT NULL"
        ).fetchone()[0]
        applied = db.execute(
            "SELECT COALESCE(SUM(monthly_savings), 0) FROM forge_changes WHERE rolled_back_at IS NULL"
        ).fetchone()[0]
        latest = db.execute(
            "SELECT id, monthly_savings FROM forge_proposals ORDER BY created_at DESC LIMIT 1"
        ).fetchone()
        open_props = db.execute(
            "SELECT COUNT(*) FROM forge_proposals p WHERE p.changes != '[]' AND NOT EXISTS "
            "(SELECT 1 FROM forge_changes c WHERE c.proposal_id = p.id)"
        ).fetchone()[0]
        changes = {
            "changes": int(c["n"]),
            "with_snapshot": int(c["s"]),
            "rollbacks": int(rollbacks),
            "last_change_at": c["last"],
        }
        savings = {
            "monthly_savings_usd": round(float(latest["monthly_savings"]) if latest else 0.0, 2),
            "open_proposals": int(open_props),
            "applied_monthly_savings_usd": round(float(applied), 2),
        }
        return changes, savings


def _capture_json(c: Capture) -> dict[str, Any]:
    return {"ref": str(c.ref), "unit": c.unit, "version": c.version, "state": c.state}


def _capture_from_json(d: dict[str, Any]) -> Capture:
    kind, ns, name = d["ref"].split("/", 2)
    return Capture(ObjectRef(kind, ns, name), d["unit"], d["version"], d["state"])


def _record_write(db: Tx, unit: str, version: str, at: float) -> None:
    db.execute(
        "INSERT INTO forge_writes (unit, version, at) VALUES (:unit, :v, :at) ON CONFLICT DO NOTHING",
        {"unit": unit, "v": version, "at": at},
    )


def _set_owner(db: Tx, rid: str, owner: str) -> None:
    db.execute(
        "INSERT INTO forge_owners (id, owner) VALUES (:id, :owner) ON CONFLICT (id) DO UPDATE SET owner = excluded.owner",
        {"id": rid, "owner": owner},
    )
