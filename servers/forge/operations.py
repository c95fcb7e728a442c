"""forge's operations over the suite: analyze (propose), optimize (apply safely), rollback, and the
read-only reports. Each takes the suite and plain arguments and returns plain data; server.py
shapes it for MCP."""

from __future__ import annotations

import difflib
import logging
import os
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from typing import Any

from servers.forge import analysis
from servers.forge.analysis import Change
from servers.forge.ledger import Ledger
from servers.forge.usage import MetricsSource, metrics_from_config
from shared import evidence
from shared.cluster import (
    ALL_KINDS,
    WORKLOAD_KINDS,
    Capture,
    Cluster,
    ObjectRef,
    cluster_from_config,
    merge_patch,
)
from shared.errors import BadInput, Conflict, HDRError, NotFound, Refused

log = logging.getLogger("hdr.forge")

NAMESPACE = re.compile(r"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")
NAME = re.compile(r"^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")
HISTORY = re.compile(r"^\s*(\d{1,4})\s*([hd])\s*$")
PROPOSAL_ID = re.compile(r"^p-[0-9a-f]{10}$")
SNAPSHOT_ID = re.compile(r"^s-[0-9a-f]{10}$")
CHANGE_ID = re.compile(r"^c\d{1,6}$")
MAX_HISTORY_H = 30 * 24
DEFAULT_MIN_HISTORY_H = 24.0
MEMORY_MARGIN = analysis.MEMORY_MARGIN


def check_namespace(namespace: str | None) -> str | None:
    if namespace is None or namespace == "":
        return None
    if not NAMESPACE.match(namespace):
        raise BadInput("`namespace` is not a Kubernetes namespace name.",
                       "Send lowercase letters, digits and '-', at most 63 characters, e.g. 'checkout'.")
    return namespace


def check_workload(workload: str | None) -> str | None:
    if workload is None or workload == "":
        return None
    if not NAME.match(workload):
        raise BadInput("`workload` is not a Kubernetes object name.",
                       "Send the Deployment/StatefulSet/DaemonSet name, e.g. 'checkout-api'.")
    return workload


def history_hours(history: str | None) -> float:
    if history is None or history == "":
        return 14 * 24
    match = HISTORY.match(history) if len(history) < 16 else None
    if not match:
        raise BadInput("`history` must be a duration like '7d' or '36h'.", "Send hours ('h') or days ('d').")
    hours = int(match.group(1)) * (24 if match.group(2) == "d" else 1)
    if not 1 <= hours <= MAX_HISTORY_H:
        raise BadInput(f"`history` is {hours} hours; it must be between 1h and 30d.")
    return float(hours)


def min_history_hours() -> float:
    try:
        return float(os.environ.get("HDR_FORGE_MIN_HISTORY_HOURS", DEFAULT_MIN_HISTORY_H))
    except ValueError:
        return DEFAULT_MIN_HISTORY_H


class Forge:
    """The cluster, the metrics and the ledger of one suite."""

    def __init__(self, suite: Any, cluster: Cluster | None = None, metrics: MetricsSource | None = None) -> None:
        self.suite = suite
        self._cluster = cluster
        self._metrics = metrics

    @property
    def cluster(self) -> Cluster:
        if self._cluster is None:
            self._cluster = cluster_from_config(self.suite)
        return self._cluster

    @property
    def metrics(self) -> MetricsSource:
        if self._metrics is None:
            self._metrics = metrics_from_config(self.suite.config.home)
        return self._metrics

    @property
    def ledger(self) -> Ledger:
        return Ledger(self.suite.store)

    # -- analyze ----------------------------------------------------------------------------

    def analyze(self, namespace: str | None = None, workload: str | None = None,
                history: str | None = None, progress: Any = None) -> dict[str, Any]:
        """`progress(done, total, message)` is called as stages finish (and raises to cancel)."""
        namespace, workload = check_namespace(namespace), check_workload(workload)
        hours = history_hours(history)
        report = progress or (lambda *a: None)
        report(0, 4, "reading the cluster's workloads")
        objects = self.cluster.list_objects(ALL_KINDS)
        workloads = [o for o in objects if o.get("kind") in WORKLOAD_KINDS]
        namespaces = sorted({o["metadata"]["namespace"] for o in workloads})
        if namespace and namespace not in namespaces:
            raise NotFound(f"Namespace {namespace!r} has no workloads in {self.cluster.source}.",
                           f"Known namespaces: {', '.join(namespaces[:30]) or 'none'}.")
        if workload and not any(o["metadata"]["name"] == workload and namespace in (None, o["metadata"]["namespace"])
                                for o in workloads):
            raise NotFound(f"No workload named {workload!r}{' in ' + namespace if namespace else ''}.",
                           "Call analyze without `workload` to list them.")
        # The memory lookup (a network round trip, on first use the client's import) runs while the
        # usage is loaded and profiled; its answer is needed only when changes are proposed.
        pool = ThreadPoolExecutor(1, thread_name_prefix="forge-recall")
        recalled = pool.submit(self._recall, workload, namespace)
        pool.shutdown(wait=False)
        memory_note: list[str] = []

        def rolled_back() -> dict[Any, list[dict[str, Any]]]:
            found, note = recalled.result()
            memory_note.extend([note] if note else [])
            return found

        report(1, 4, f"loading usage from {self.metrics.source}")
        end = self.metrics.latest()
        usage = self.metrics.usage(end - hours * 3600, end, namespace)
        pods = None
        if not self.cluster.source.startswith("manifests:"):
            pods = [p for p in self.cluster.list_objects(("Pod",))
                    if namespace in (None, p["metadata"].get("namespace"))]
        report(2, 4, f"profiling {len(usage.keys)} pod containers")
        result = analysis.analyze(self.cluster, usage, objects=objects, namespace=namespace, workload=workload,
                                  rolled_back=rolled_back, pods=pods,
                                  progress=lambda done, total: report(3, 4, f"{done}/{total} workloads"))
        result.notes.extend(memory_note)
        if workload and result.workloads and len(result.without_metrics) == result.workloads:
            raise NotFound(f"Workload {workload!r} has no usage samples in the last {hours:.0f} h from "
                           f"{self.metrics.source}; nothing was proposed.",
                           "Check that its pods are scraped (cAdvisor), or analyze with a longer `history`.")
        scope = "/".join(x for x in (namespace or "*", workload or "*"))
        pid = self.ledger.save_proposal(result, scope, self.cluster.source)
        self._publish()
        report(4, 4, f"proposal {pid}")
        return {"proposal_id": pid, "source": self.cluster.source, "metrics": self.metrics.source,
                "history_hours": hours, "queries": usage.queries, "result": result}

    def _recall(self, workload: str | None, namespace: str | None) -> tuple[dict[Any, list[dict[str, Any]]], str | None]:
        """Rolled-back forge changes from the shared memory, keyed by (workload, container, field)."""
        extra: dict[str, Any] = {}
        query = "forge change rolled back"
        if workload and namespace:
            extra["workload"] = f"{namespace}/{workload}"
            query = f"what happened to {namespace}/{workload}"
        try:
            hits = self.suite.memory.recall(query, k=100, kind="rollback", source="forge", extra=extra or None)
        except HDRError as exc:
            log.warning("forge could not recall from memory: %s", exc)
            return {}, "The shared memory could not be reached: earlier rollbacks were not checked."
        out: dict[Any, list[dict[str, Any]]] = {}
        for hit in hits:
            x = hit.extra
            if workload and not str(x.get("workload", "")).endswith(f"/{workload}"):
                continue
            entry = {"proposed": x.get("proposed"), "when": time.strftime("%Y-%m-%d", time.gmtime(hit.created_at))}
            out.setdefault((x.get("workload"), x.get("container") or None, x.get("field")), []).append(entry)
            out.setdefault((x.get("workload"), x.get("container") or None, "any"), []).append(entry)
        return out, None

    # -- optimize ---------------------------------------------------------------------------

    def _select(self, proposal_id: str, change_ids: list[str] | None) -> tuple[dict[str, Any], list[Change]]:
        if not isinstance(proposal_id, str) or not PROPOSAL_ID.match(proposal_id):
            raise BadInput("`proposal_id` is not a forge proposal id.", "Send the id analyze returned, e.g. 'p-1a2b3c4d5e'.")
        found = self.ledger.proposal(proposal_id)
        if found is None:
            raise NotFound(f"Proposal {proposal_id} does not exist.", "Call analyze to get a proposal id.")
        row, changes = found
        if change_ids is not None:
            if len(change_ids) > 1000 or not all(isinstance(c, str) and CHANGE_ID.match(c) for c in change_ids):
                raise BadInput("`changes` must be change ids like 'c1', 'c2' from the proposal.")
            known = {c.id: c for c in changes}
            unknown = [c for c in change_ids if c not in known]
            if unknown:
                raise NotFound(f"Proposal {proposal_id} has no change {', '.join(unknown[:10])}.",
                               f"Its changes are {', '.join(list(known)[:50]) or 'none'}.")
            changes = [known[c] for c in dict.fromkeys(change_ids)]
        if not changes:
            raise BadInput(f"Proposal {proposal_id} has no changes to apply.", "Analyze again after usage changes.")
        return row, changes

    def _safety(self, changes: list[Change]) -> None:
        from servers.forge import quantity, recommend

        minimum = min_history_hours()
        problems = []
        for c in changes:
            where = f"{c.id} ({c.workload} {c.container or ''} {c.field})"
            new = quantity.parse(c.proposed)
            old = quantity.parse(c.current) if c.current is not None else None
            if c.history_hours < minimum:
                problems.append(f"{where} rests on {c.history_hours:.0f} h of history; the minimum is {minimum:.0f} h")
            if c.field == "replicas" and c.hpa_managed:
                problems.append(f"{where} changes replicas of an HPA-managed workload")
            if c.field.startswith("cpu") and new is not None and new < recommend.CPU_FLOOR:
                problems.append(f"{where} sets CPU below the 10m floor")
            if c.field.startswith("memory") and new is not None and new < recommend.MEMORY_FLOOR:
                problems.append(f"{where} sets memory below the 64Mi floor")
            if c.field.endswith("_request") and old and new is not None and new < old * analysis.MIN_CUT:
                problems.append(f"{where} cuts the request by more than half in one step")
            if c.field == "memory_limit" and c.observed_memory_max and new is not None \
                    and new < c.observed_memory_max * MEMORY_MARGIN * 0.999:
                problems.append(f"{where} sets the memory limit below the observed maximum plus 15%")
        if problems:
            raise Refused("Safety rules refuse: " + "; ".join(problems[:10]) + ". Nothing was changed.",
                          "Choose other changes with `changes`, or analyze again with more history.")

    def optimize(self, proposal_id: str, change_ids: list[str] | None = None, dry_run: bool = True,
                 progress: Any = None) -> dict[str, Any]:
        """`progress(done, total, message)` is called per object (and raises to cancel: objects already
        changed are restored, so a cancelled call leaves nothing half-applied)."""
        report = progress or (lambda *a: None)
        _, changes = self._select(proposal_id, change_ids)
        applied = self.ledger.applied_change_ids(proposal_id) & {c.id for c in changes}
        if applied:
            raise Conflict(f"Change(s) {', '.join(sorted(applied))} of {proposal_id} are already applied.",
                           "Roll back their snapshot first, or analyze again for new changes.")
        self._safety(changes)
        cluster = self.cluster
        patches: dict[ObjectRef, dict[str, Any]] = {}
        expected: dict[ObjectRef, str] = {}
        for c in changes:
            merge_patch(patches.setdefault(c.ref, {}), c.patch())
            expected[c.ref] = c.version
        units = {ref: cluster.unit_of(ref) for ref in patches}
        stale = [str(ref) for ref in patches if cluster.version(ref) != expected[ref]]
        if stale:
            raise Conflict(f"Changed since the analysis: {', '.join(stale[:10])}. Nothing was changed.",
                           "Analyze again and apply the new proposal.")
        report(0, len(patches), f"checked {len(patches)} object(s)")
        if dry_run:
            diffs = []
            for i, (ref, patch) in enumerate(sorted(patches.items())):
                report(i, len(patches), f"diff of {ref}")
                before, after = cluster.preview(ref, patch)
                diffs.append("".join(difflib.unified_diff(before.splitlines(True), after.splitlines(True),
                                                          f"a/{units[ref]}", f"b/{units[ref]}")))
            report(len(patches), len(patches), f"dry run: diff of {len(patches)} object(s)")
            return {"dry_run": True, "snapshot_id": None, "changes": changes, "diff": "".join(diffs)}
        captures: dict[str, Capture] = {}
        for ref in sorted(patches):
            if units[ref] not in captures:
                captures[units[ref]] = cluster.capture(ref)
        sid = self.ledger.save_snapshot(proposal_id, [_capture_json(c) for c in captures.values()])
        unit_version = {u: c.version for u, c in captures.items()}
        done: set[str] = set()
        try:
            for i, (ref, patch) in enumerate(sorted(patches.items())):
                report(i, len(patches), f"applying {ref}")
                unit = units[ref]
                unit_version[unit] = cluster.apply(ref, patch, unit_version[unit])
                done.add(unit)
            report(len(patches), len(patches), f"applied {len(changes)} change(s) to {len(patches)} object(s)")
        except BaseException:
            self._compensate(captures, done, unit_version)
            raise
        writes = {u: unit_version[u] for u in done}
        self.ledger.record_changes(sid, proposal_id, changes, writes)
        for c in changes:
            self.suite.audit.append("forge", "optimize.change", "forge", {"proposal": proposal_id, "change": c.id,
                                    "object": c.object, "field": c.field}, "ok",
                                    f"{c.object} {c.container or ''} {c.field} {c.current} -> {c.proposed} (snapshot {sid})")
            self.suite.record(f"forge changed {c.field} of {c.workload}{' container ' + c.container if c.container else ''}"
                              f" from {c.current} to {c.proposed} (proposal {proposal_id}, snapshot {sid}, saves "
                              f"${c.monthly_savings_usd}/month).", "decision", source="forge", tool="optimize",
                              tags=["forge", "change"], extra=_extra(c, sid))
        self._publish()
        return {"dry_run": False, "snapshot_id": sid, "changes": changes, "diff": ""}

    def _compensate(self, captures: dict[str, Capture], done: set[str], versions: dict[str, str]) -> None:
        """Undo the units already changed when a later one failed, so nothing is half-applied."""
        for unit in done:
            try:
                self.cluster.restore(captures[unit], versions[unit])
            except Exception:
                log.exception("forge could not undo its change to %s; restore it from the snapshot", unit)

    # -- rollback ---------------------------------------------------------------------------

    def rollback(self, snapshot_id: str) -> dict[str, Any]:
        if not isinstance(snapshot_id, str) or not SNAPSHOT_ID.match(snapshot_id):
            raise BadInput("`snapshot_id` is not a forge snapshot id.", "Send an id from `snapshots`, e.g. 's-1a2b3c4d5e'.")
        snap = self.ledger.snapshot(snapshot_id)
        if snap is None:
            raise NotFound(f"Snapshot {snapshot_id} does not exist.", "Call `snapshots` to list them.")
        captures = [_capture_from_json(c) for c in snap["captures"]]
        cluster = self.cluster
        current: dict[str, str] = {}
        conflicts = []
        for cap in captures:
            version = cluster.version(cap.ref)
            current[cap.unit] = version
            if version != cap.version and not self.ledger.forge_wrote(cap.unit, version):
                conflicts.append(cap.unit)
        if conflicts:
            raise Conflict(f"Edited by someone else since forge's last change: {', '.join(conflicts[:10])}. "
                           "Nothing was rolled back.", "Review those edits, then roll back by hand or re-analyze.")
        writes: dict[str, str] = {}
        restored = []
        for cap in captures:
            if current[cap.unit] == cap.version:
                continue
            writes[cap.unit] = cluster.restore(cap, current[cap.unit])
            restored.append(str(cap.ref))
        undone = self.ledger.mark_rolled_back(snapshot_id, writes)
        self.suite.audit.append("forge", "rollback.restore", "forge", {"snapshot": snapshot_id}, "ok",
                                f"restored {', '.join(restored) or 'nothing (already as captured)'}")
        for row in undone:
            self.suite.record(f"forge rolled back the change of {row['field']} of {row['workload']}"
                              f"{' container ' + row['container'] if row['container'] else ''} from {row['before']} "
                              f"to {row['after']}; restored {row['before']} (snapshot {snapshot_id}).", "rollback",
                              source="forge", tool="rollback", tags=["forge", "rollback"],
                              extra={"workload": row["workload"], "container": row["container"] or "",
                                     "field": row["field"], "proposed": row["after"], "snapshot": snapshot_id})
        self._publish()
        return {"snapshot_id": snapshot_id, "restored": restored, "changes_undone": len(undone)}

    # -- reports ----------------------------------------------------------------------------

    def cost_report(self, group_by: str) -> dict[str, Any]:
        prices = analysis.Prices()
        groups: dict[str, dict[str, float]] = {}
        for o in self.cluster.list_objects(WORKLOAD_KINDS):
            ns, name = o["metadata"]["namespace"], o["metadata"]["name"]
            key = ns if group_by == "namespace" else f"{ns}/{name}"
            replicas = int((o.get("spec") or {}).get("replicas", 1) or 0) if o["kind"] != "DaemonSet" else 1
            from servers.forge import quantity

            cost = sum(prices.monthly(quantity.parse(((c.get("resources") or {}).get("requests") or {}).get("cpu")) or 0,
                                      quantity.parse(((c.get("resources") or {}).get("requests") or {}).get("memory")) or 0)
                       for c in analysis._containers(o)) * replicas
            g = groups.setdefault(key, {"monthly_cost_usd": 0.0, "potential_savings_usd": 0.0, "workloads": 0})
            g["monthly_cost_usd"] += cost
            g["workloads"] += 1
        db = self.suite.store.connection()
        latest = db.execute("SELECT id FROM forge_proposals ORDER BY created_at DESC LIMIT 1").fetchone()
        if latest is not None:
            _, changes = self.ledger.proposal(latest["id"])  # type: ignore[misc]
            applied = self.ledger.applied_change_ids(latest["id"])
            for c in changes:
                key = c.workload.split("/")[0] if group_by == "namespace" else c.workload
                if key in groups and c.id not in applied:
                    groups[key]["potential_savings_usd"] += c.monthly_savings_usd
        return {"groups": groups, "proposal_id": latest["id"] if latest else None, "source": self.cluster.source}

    def _publish(self) -> None:
        changes, savings = self.ledger.evidence()
        evidence.publish(self.suite.store, "forge", "changes", changes)
        evidence.publish(self.suite.store, "forge", "savings", savings)


def _extra(c: Change, sid: str) -> dict[str, str | int | float | bool]:
    return {"workload": c.workload, "container": c.container or "", "field": c.field, "proposed": c.proposed,
            "snapshot": sid}


def _capture_json(c: Capture) -> dict[str, Any]:
    return {"ref": str(c.ref), "unit": c.unit, "version": c.version, "state": c.state}


def _capture_from_json(d: dict[str, Any]) -> Capture:
    kind, ns, name = d["ref"].split("/", 2)
    return Capture(ObjectRef(kind, ns, name), d["unit"], d["version"], d["state"])


def change_dict(c: Change) -> dict[str, Any]:
    return asdict(c)
