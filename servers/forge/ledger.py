"""forge's durable records in the shared store: proposals, snapshots, applied changes, and every
object version forge itself wrote (so a rollback can tell forge's later edits from someone else's)."""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

from servers.forge.analysis import AnalysisResult, Change
from shared.store import Store

DDL = """
CREATE TABLE IF NOT EXISTS forge_proposals (
  id TEXT PRIMARY KEY, created_at REAL NOT NULL, scope TEXT NOT NULL, source TEXT NOT NULL,
  monthly_savings REAL NOT NULL, changes TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS forge_snapshots (
  id TEXT PRIMARY KEY, proposal_id TEXT NOT NULL, created_at REAL NOT NULL, captures TEXT NOT NULL,
  rolled_back_at REAL);
CREATE TABLE IF NOT EXISTS forge_changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, snapshot_id TEXT NOT NULL REFERENCES forge_snapshots(id),
  proposal_id TEXT NOT NULL, change_id TEXT NOT NULL, object TEXT NOT NULL, workload TEXT NOT NULL,
  container TEXT, field TEXT NOT NULL, before TEXT, after TEXT NOT NULL, monthly_savings REAL NOT NULL,
  applied_at REAL NOT NULL, rolled_back_at REAL);
CREATE INDEX IF NOT EXISTS forge_changes_workload ON forge_changes(workload);
CREATE TABLE IF NOT EXISTS forge_writes (unit TEXT NOT NULL, version TEXT NOT NULL, at REAL NOT NULL,
  PRIMARY KEY (unit, version));
CREATE TABLE IF NOT EXISTS forge_applies (
  snapshot_id TEXT PRIMARY KEY, proposal_id TEXT NOT NULL, change_ids TEXT NOT NULL, state TEXT NOT NULL,
  pid INTEGER NOT NULL, host TEXT NOT NULL, started_at REAL NOT NULL, finished_at REAL, note TEXT);
CREATE TABLE IF NOT EXISTS forge_intents (
  snapshot_id TEXT NOT NULL, seq INTEGER NOT NULL, object TEXT NOT NULL, unit TEXT NOT NULL,
  fields TEXT NOT NULL, version_before TEXT NOT NULL, version_after TEXT, state TEXT NOT NULL, at REAL NOT NULL,
  PRIMARY KEY (snapshot_id, seq));
CREATE TABLE IF NOT EXISTS forge_owners (id TEXT PRIMARY KEY, owner TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS forge_proposal_pages (id TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS forge_oom_answers (event TEXT NOT NULL, snapshot_id TEXT NOT NULL, at REAL NOT NULL,
  PRIMARY KEY (event, snapshot_id));
"""

INTENT_STATES = ("planned", "writing", "written", "undone", "skipped", "unknown")
"""An intent is `planned` with its snapshot, `writing` just before its write is sent, `written` once the
API answered; `undone` when forge restored it, `skipped` when an interrupted apply never wrote it,
`unknown` when, after a crash, the object's fields match neither forge's before nor after."""


class Ledger:
    def __init__(self, store: Store) -> None:
        self.store = store
        store.ensure_schema("forge", DDL)

    def save_proposal(self, result: AnalysisResult, scope: str, source: str) -> str:
        pid = "p-" + uuid.uuid4().hex[:10]
        savings = sum(c.monthly_savings_usd for c in result.changes)
        with self.store.transaction() as db:
            db.execute(
                "INSERT INTO forge_proposals VALUES (?,?,?,?,?,?)",
                (pid, time.time(), scope, source, savings, json.dumps([vars(c) for c in result.changes])),
            )
        return pid

    def save_pages(self, pid: str, body: dict[str, Any]) -> None:
        """The analysis behind a proposal (header, opportunities, containers, notes), for paging."""
        with self.store.transaction() as db:
            db.execute("INSERT OR REPLACE INTO forge_proposal_pages VALUES (?,?)", (pid, json.dumps(body)))

    def pages(self, pid: str) -> dict[str, Any] | None:
        row = (
            self.store.connection()
            .execute("SELECT body FROM forge_proposal_pages WHERE id=?", (pid,))
            .fetchone()
        )
        return None if row is None else json.loads(row[0])

    def proposal(self, pid: str) -> tuple[dict[str, Any], list[Change]] | None:
        row = self.store.connection().execute("SELECT * FROM forge_proposals WHERE id=?", (pid,)).fetchone()
        if row is None:
            return None
        return dict(row), [Change(**c) for c in json.loads(row["changes"])]

    def proposal_list(self, limit: int = 500) -> list[dict[str, Any]]:
        """The newest proposals, without their changes: id, created_at, scope, source, monthly_savings."""
        rows = self.store.connection().execute(
            "SELECT id, created_at, scope, source, monthly_savings FROM forge_proposals "
            "ORDER BY created_at DESC LIMIT ?",
            (limit,),
        )
        return [dict(r) for r in rows.fetchall()]

    def applied_change_ids(self, pid: str) -> set[str]:
        rows = self.store.connection().execute(
            "SELECT change_id FROM forge_changes WHERE proposal_id=? AND rolled_back_at IS NULL", (pid,)
        )
        return {r[0] for r in rows}

    def save_snapshot(self, proposal_id: str, captures: list[dict[str, Any]]) -> str:
        sid = "s-" + uuid.uuid4().hex[:10]
        with self.store.transaction() as db:
            db.execute(
                "INSERT INTO forge_snapshots VALUES (?,?,?,?,NULL)",
                (sid, proposal_id, time.time(), json.dumps(captures)),
            )
        return sid

    def snapshot(self, sid: str) -> dict[str, Any] | None:
        row = self.store.connection().execute("SELECT * FROM forge_snapshots WHERE id=?", (sid,)).fetchone()
        if row is None:
            return None
        out = dict(row)
        out["captures"] = json.loads(row["captures"])
        return out

    def snapshots(self, limit: int = 100) -> list[dict[str, Any]]:
        db = self.store.connection()
        rows = db.execute(
            "SELECT s.*, (SELECT COUNT(*) FROM forge_changes c WHERE c.snapshot_id=s.id) AS n "
            "FROM forge_snapshots s ORDER BY created_at DESC LIMIT ?",
            (limit,),
        ).fetchall()
        out = []
        for r in rows:
            caps = json.loads(r["captures"])
            out.append(
                {
                    "id": r["id"],
                    "proposal_id": r["proposal_id"],
                    "created_at": r["created_at"],
                    "rolled_back_at": r["rolled_back_at"],
                    "changes": r["n"],
                    "objects": sorted({c["ref"] for c in caps}),
                }
            )
        return out

    def record_changes(
        self, sid: str, proposal_id: str, changes: list[Change], writes: dict[str, str]
    ) -> None:
        now = time.time()
        with self.store.transaction() as db:
            for c in changes:
                db.execute(
                    "INSERT INTO forge_changes (snapshot_id, proposal_id, change_id, object, workload, "
                    "container, field, before, after, monthly_savings, applied_at) VALUES "
                    "(?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        sid,
                        proposal_id,
                        c.id,
                        c.object,
                        c.workload,
                        c.container,
                        c.field,
                        c.current,
                        c.proposed,
                        c.monthly_savings_usd,
                        now,
                    ),
                )
                for event in c.oom_events or []:  # the OOM kill this limit bump answers: once
                    db.execute("INSERT OR IGNORE INTO forge_oom_answers VALUES (?,?,?)", (event, sid, now))
            for unit, version in writes.items():
                db.execute("INSERT OR IGNORE INTO forge_writes VALUES (?,?,?)", (unit, version, now))

    # -- the apply journal: written before every write, so a crash leaves a record of intent ----

    def begin_apply(
        self,
        proposal_id: str,
        change_ids: list[str],
        captures: list[dict[str, Any]],
        intents: list[dict[str, Any]],
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
                "INSERT INTO forge_snapshots VALUES (?,?,?,?,NULL)",
                (sid, proposal_id, now, json.dumps(captures)),
            )
            db.execute(
                "INSERT INTO forge_applies VALUES (?,?,?,?,?,?,?,NULL,NULL)",
                (sid, proposal_id, json.dumps(change_ids), "running", os.getpid(), socket.gethostname(), now),
            )
            for seq, intent in enumerate(intents):
                db.execute(
                    "INSERT INTO forge_intents VALUES (?,?,?,?,?,?,NULL,'planned',?)",
                    (
                        sid,
                        seq,
                        intent["object"],
                        intent["unit"],
                        json.dumps(intent["fields"]),
                        intent["version_before"],
                        now,
                    ),
                )
            if owner is not None:
                db.execute("INSERT OR REPLACE INTO forge_owners VALUES (?,?)", (sid, owner))
        return sid

    def set_intent(self, sid: str, seq: int, state: str, version_after: str | None = None) -> None:
        assert state in INTENT_STATES
        with self.store.transaction() as db:
            db.execute(
                "UPDATE forge_intents SET state=?, version_after=COALESCE(?, version_after), at=? "
                "WHERE snapshot_id=? AND seq=?",
                (state, version_after, time.time(), sid, seq),
            )
            if state == "written" and version_after:
                unit = db.execute(
                    "SELECT unit FROM forge_intents WHERE snapshot_id=? AND seq=?", (sid, seq)
                ).fetchone()
                db.execute(
                    "INSERT OR IGNORE INTO forge_writes VALUES (?,?,?)", (unit[0], version_after, time.time())
                )

    def intents(self, sid: str) -> list[dict[str, Any]]:
        rows = self.store.connection().execute(
            "SELECT * FROM forge_intents WHERE snapshot_id=? ORDER BY seq", (sid,)
        )
        out = []
        for r in rows:
            d = dict(r)
            d["fields"] = json.loads(d["fields"])
            out.append(d)
        return out

    def later_intents(self, sid: str, objects: set[str]) -> list[dict[str, Any]]:
        """forge's written intents on these objects from snapshots taken after `sid`."""
        db = self.store.connection()
        created = db.execute("SELECT created_at FROM forge_snapshots WHERE id=?", (sid,)).fetchone()
        if created is None or not objects:
            return []
        marks = ",".join("?" * len(objects))
        rows = db.execute(
            f"SELECT i.* FROM forge_intents i JOIN forge_snapshots s ON s.id = i.snapshot_id "  # noqa: S608
            f"WHERE s.created_at > ? AND i.state='written' AND i.object IN ({marks})",
            (created[0], *sorted(objects)),
        )
        return [{**dict(r), "fields": json.loads(r["fields"])} for r in rows]

    def finish_apply(self, sid: str, state: str, note: str | None = None) -> None:
        with self.store.transaction() as db:
            db.execute(
                "UPDATE forge_applies SET state=?, finished_at=?, note=? WHERE snapshot_id=?",
                (state, time.time(), note, sid),
            )

    def running_applies(self) -> list[dict[str, Any]]:
        rows = self.store.connection().execute("SELECT * FROM forge_applies WHERE state='running'")
        return [dict(r) for r in rows]

    def apply_of(self, sid: str) -> dict[str, Any] | None:
        row = (
            self.store.connection()
            .execute("SELECT * FROM forge_applies WHERE snapshot_id=?", (sid,))
            .fetchone()
        )
        return None if row is None else dict(row)

    # -- who owns a proposal or snapshot --------------------------------------------------------

    def set_owner(self, rid: str, owner: str | None) -> None:
        if owner is not None:
            with self.store.transaction() as db:
                db.execute("INSERT OR REPLACE INTO forge_owners VALUES (?,?)", (rid, owner))

    def owner(self, rid: str) -> str | None:
        row = self.store.connection().execute("SELECT owner FROM forge_owners WHERE id=?", (rid,)).fetchone()
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
            .execute("SELECT 1 FROM forge_writes WHERE unit=? AND version=?", (unit, version))
            .fetchone()
            is not None
        )

    def mark_rolled_back(self, sid: str, writes: dict[str, str]) -> list[dict[str, Any]]:
        now = time.time()
        with self.store.transaction() as db:
            db.execute("UPDATE forge_snapshots SET rolled_back_at=? WHERE id=?", (now, sid))
            rows = db.execute(
                "SELECT * FROM forge_changes WHERE snapshot_id=? AND rolled_back_at IS NULL", (sid,)
            ).fetchall()
            db.execute(
                "UPDATE forge_changes SET rolled_back_at=? WHERE snapshot_id=? AND rolled_back_at IS NULL",
                (now, sid),
            )
            for unit, version in writes.items():
                db.execute("INSERT OR IGNORE INTO forge_writes VALUES (?,?,?)", (unit, version, now))
        return [dict(r) for r in rows]

    def decisions(self, workload: str | None, limit: int = 200) -> list[dict[str, Any]]:
        db = self.store.connection()
        if workload:
            rows = db.execute(
                "SELECT * FROM forge_changes WHERE workload=? OR workload LIKE ? ORDER BY seq DESC LIMIT ?",
                (workload, f"%/{workload}", limit),
            )
        else:
            rows = db.execute("SELECT * FROM forge_changes ORDER BY seq DESC LIMIT ?", (limit,))
        return [dict(r) for r in rows]

    def evidence(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """The forge.changes and forge.savings facts."""
        db = self.store.connection()
        c = db.execute(
            "SELECT COUNT(*) n, COUNT(snapshot_id) s, MAX(applied_at) last FROM forge_changes"
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
