"""forge's operations over the suite: analyze (propose), optimize (apply safely), rollback, and the
read-only reports. Each takes plain arguments and returns a typed result (servers/forge/results.py);
server.py shapes it for MCP with servers/forge/models.py."""

from __future__ import annotations

import difflib
import logging
import os
import re
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from servers.forge import analysis
from servers.forge.analysis import Change
from servers.forge.ledger import ApplyRun, Intent, Ledger, PlannedWrite, Snapshot
from servers.forge.results import (
    SECTIONS,
    Applied,
    AppliedChange,
    CostGroup,
    Costs,
    Page,
    PageHeader,
    Proposal,
    RepositoryPatch,
    RolledBack,
    SnapshotInfo,
)
from servers.forge.usage import MetricsSource, metrics_from_config
from shared import evidence
from shared.cluster import (
    ALL_KINDS,
    WORKLOAD_KINDS,
    Capture,
    Cluster,
    NotPermitted,
    ObjectRef,
    _yaml_text,
    cluster_from_config,
    gitops_owner,
    merge_patch,
    parse_selector,
    patch_fields,
    patch_of,
    path_text,
    value_at,
)
from shared.errors import BadInput, Conflict, HDRError, NotFound, Refused
from shared.ownership import may_access

log = logging.getLogger("hdr.forge")

NAMESPACE = re.compile(r"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")
NAME = re.compile(r"^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")
HISTORY = re.compile(r"^\s*(\d{1,4})\s*([hd])\s*$")
PROPOSAL_ID = re.compile(r"^p-[0-9a-f]{10}$")
SNAPSHOT_ID = re.compile(r"^s-[0-9a-f]{10}$")
CHANGE_ID = re.compile(r"^c\d{1,6}$")
CURSOR = re.compile(r"^(p-[0-9a-f]{10})\.(changes|opportunities|containers|notes)\.(\d{1,6})$")
_SEVERITY = {"high": 0, "medium": 1, "low": 2}
MAX_HISTORY_H = 30 * 24
DEFAULT_MIN_HISTORY_H = 24.0
MEMORY_MARGIN = analysis.MEMORY_MARGIN


def check_namespace(namespace: str | None) -> str | None:
    if namespace is None or namespace == "":
        return None
    if not NAMESPACE.match(namespace):
        raise BadInput(
            "`namespace` is not a Kubernetes namespace name.",
            "Send lowercase letters, digits and '-', at most 63 characters, e.g. 'checkout'.",
        )
    return namespace


def check_namespaces(namespace: str | None) -> list[str] | None:
    """One namespace or several separated by commas; None for all."""
    if namespace is None or not namespace.strip():
        return None
    names = [n.strip() for n in namespace.split(",") if n.strip()] if len(namespace) <= 2000 else []
    if not names or len(names) > 50:
        raise BadInput(
            "`namespace` must be a namespace name or up to 50 separated by commas.",
            "Send e.g. 'checkout' or 'checkout,payments'.",
        )
    for n in names:
        check_namespace(n)
    return list(dict.fromkeys(names))


def check_workload(workload: str | None) -> str | None:
    if workload is None or workload == "":
        return None
    if not NAME.match(workload):
        raise BadInput(
            "`workload` is not a Kubernetes object name.",
            "Send the workload's name (Deployment, StatefulSet, DaemonSet, CronJob, Rollout), "
            "e.g. 'checkout-api'.",
        )
    return workload


def check_include(include: Sequence[str] | None, change_ids: list[str] | None) -> tuple[str, ...]:
    """optimize's opt-in categories, checked: BadInput for an unknown one, or when change ids are named too."""
    if include is None:
        return ()
    opt_in = analysis.CATEGORIES[1:]
    if not isinstance(include, list) or not all(isinstance(i, str) and i in opt_in for i in include):
        raise BadInput(
            f"`include` takes a list of {', '.join(repr(c) for c in opt_in)}.",
            "Send include=['availability'] to add the second replicas to the default plan, or leave it out.",
        )
    if change_ids is not None:
        raise BadInput(
            "`include` adds categories to the default plan; it cannot be combined with `changes`.",
            "Send `changes` alone (named ids are applied whatever their category), or `include` alone.",
        )
    return tuple(include)


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


@dataclass
class _ApplyPlan:
    """What optimize writes: the changes merged into one patch per object, checked against the cluster."""

    changes: list[Change]
    patches: dict[ObjectRef, dict[str, Any]]
    expected: dict[ObjectRef, str]  # each object's version when analysed
    units: dict[ObjectRef, str]  # what a capture and a write cover (the object, or its manifest file)
    current: dict[ObjectRef, tuple[dict[str, Any], str]]  # object and version now
    owned: dict[ObjectRef, str]  # objects a GitOps tool or Helm manages (live clusters)

    @property
    def order(self) -> list[ObjectRef]:
        return sorted(self.patches)


class Forge:
    """The cluster, the metrics and the ledger of one suite."""

    def __init__(
        self, suite: Any, cluster: Cluster | None = None, metrics: MetricsSource | None = None
    ) -> None:
        self.suite = suite
        self._cluster = cluster
        self._metrics = metrics
        self.recovered: list[str] = []  # what recover() found (all principals'); callers see theirs
        self._recovered_of: list[str] = []  # the snapshot id of each note
        self._recovery_checked = False

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

    def analyze(
        self,
        namespace: str | None = None,
        workload: str | None = None,
        history: str | None = None,
        progress: Any = None,
        selector: str | None = None,
    ) -> Proposal:
        """`progress(done, total, message)` is called as stages finish (and raises to cancel). `namespace` may
        name several, separated by commas; `selector` keeps the workloads with those labels."""
        scope, workload = check_namespaces(namespace), check_workload(workload)
        parse_selector(selector)  # refuses a malformed one before any work
        namespace = scope[0] if scope and len(scope) == 1 else None
        hours = history_hours(history)
        self.recover()
        report = progress or (lambda *a: None)
        report(0, 4, "reading the cluster's workloads")
        objects = self._objects(scope, workload, selector)
        rolled_back, memory_note = self._recall_meanwhile(workload, namespace)
        report(1, 4, f"loading usage from {self.metrics.source}")
        end = self.metrics.latest()
        usage = self.metrics.usage(
            end - hours * 3600, end, namespace
        )  # several: rows outside them match nothing
        pods, owner_objects = self._pods(scope)
        report(2, 4, f"profiling {len(usage.keys)} pod containers")
        result = analysis.analyze(
            self.cluster,
            usage,
            objects=objects,
            namespace=namespace,
            workload=workload,
            rolled_back=rolled_back,
            pods=pods,
            owner_objects=owner_objects,
            oom_answered=self.ledger.oom_answered(),
            progress=lambda done, total: report(3, 4, f"{done}/{total} workloads"),
        )
        self._annotate(result, memory_note, workload, hours)
        where = "/".join(x for x in (",".join(scope) if scope else "*", workload or "*")) + (
            f" [{selector}]" if selector else ""
        )
        header = self._save(result, where, hours, usage.queries)
        self._publish()
        report(4, 4, f"proposal {header.proposal_id}")
        return Proposal(header, result)

    def _objects(
        self, scope: list[str] | None, workload: str | None, selector: str | None
    ) -> list[dict[str, Any]]:
        """The cluster's objects analyze reads: listed per namespace when scoped (a Role in each suffices),
        workloads filtered by the selector. NotFound when a namespace or the workload has none."""
        if selector:
            objects = self.cluster.list_objects(WORKLOAD_KINDS, namespaces=scope, label_selector=selector)
            objects += self.cluster.list_objects(
                tuple(k for k in ALL_KINDS if k not in WORKLOAD_KINDS), namespaces=scope
            )
        else:
            objects = self.cluster.list_objects(ALL_KINDS, namespaces=scope)
        workloads = [o for o in objects if o.get("kind") in WORKLOAD_KINDS]
        namespaces = sorted({o["metadata"]["namespace"] for o in workloads})
        missing = [ns for ns in scope or [] if ns not in namespaces]
        if missing and not selector:
            raise NotFound(
                f"Namespace {missing[0]!r} has no workloads in {self.cluster.source}.",
                f"Known namespaces: {', '.join(namespaces[:30])}."
                if scope is None or len(scope) > 1
                else "Check the name, or analyze without `namespace` to see them all.",
            )
        if workload and not any(o["metadata"]["name"] == workload for o in workloads):
            raise NotFound(
                f"No workload named {workload!r}{' in ' + ', '.join(scope) if scope else ''}"
                f"{' with labels ' + selector if selector else ''}.",
                "Call analyze without `workload` to list them.",
            )
        return objects

    def _recall_meanwhile(
        self, workload: str | None, namespace: str | None
    ) -> tuple[Callable[[], dict[Any, list[dict[str, Any]]]], list[str]]:
        """Starts the memory lookup (a network round trip, on first use the client's import) so it runs
        while the usage is loaded and profiled; its answer is needed only when changes are proposed. A
        function that waits for it, and the list its note (if any) is added to."""
        pool = ThreadPoolExecutor(1, thread_name_prefix="forge-recall")
        recalled = pool.submit(self._recall, workload, namespace)
        pool.shutdown(wait=False)
        memory_note: list[str] = []

        def rolled_back() -> dict[Any, list[dict[str, Any]]]:
            found, note = recalled.result()
            memory_note.extend([note] if note else [])
            return found

        return rolled_back, memory_note

    def _pods(
        self, scope: list[str] | None
    ) -> tuple[list[dict[str, Any]] | None, list[dict[str, Any]] | None]:
        """On a live cluster, the pods and their ReplicaSets and Jobs: which workload each pod belongs to,
        its restarts and OOM kills. None, None from manifests."""
        if not self.cluster.live:
            return None, None
        pods = self.cluster.list_objects(("Pod",), namespaces=scope)
        return pods, self.cluster.list_objects(("ReplicaSet", "Job"), namespaces=scope)

    def _annotate(
        self, result: analysis.AnalysisResult, memory_note: list[str], workload: str | None, hours: float
    ) -> None:
        """Notes from the memory, recovery and skipped files; NotFound when the one workload asked for
        has no usage at all."""
        result.notes.extend(memory_note)
        result.notes.extend(self.recovery_notes())
        for path, why in sorted((getattr(self.cluster, "skipped", None) or {}).items())[:20]:
            result.notes.append(f"Skipped {path}: {why}.")
        if workload and result.workloads and len(result.without_metrics) == result.workloads:
            raise NotFound(
                f"Workload {workload!r} has no usage samples in the last {hours:.0f} h from "
                f"{self.metrics.source}; nothing was proposed.",
                "Check that its pods are scraped (cAdvisor), or analyze with a longer `history`.",
            )

    def _save(self, result: analysis.AnalysisResult, where: str, hours: float, queries: int) -> PageHeader:
        """Stores the proposal (owned by the caller) and its pages; their header."""
        pid = self.ledger.save_proposal(result, where, self.cluster.source)
        self.ledger.set_owner(pid, _principal())
        result.opportunities.sort(key=lambda o: (_SEVERITY.get(o.severity, 3), -abs(o.monthly_savings_usd)))
        header = PageHeader(
            proposal_id=pid,
            cluster=self.cluster.source,
            metrics=self.metrics.source,
            history_hours=hours,
            prometheus_queries=queries,
            workloads=result.workloads,
            monthly_cost_usd=result.monthly_cost_usd,
            estimated_monthly_savings_usd=result.estimated_savings,  # the default plan's, net
        )
        self.ledger.save_pages(pid, header, result)
        return header

    def page(self, cursor: str) -> Page:
        """One page of a stored analysis: `cursor` is `<proposal id>.<section>.<offset>` as analyze gave it."""
        match = CURSOR.match(cursor) if isinstance(cursor, str) and len(cursor) < 64 else None
        if not match:
            raise BadInput(
                "`cursor` is not a cursor from analyze.",
                "Send the `next_cursor` analyze returned, "
                "e.g. 'p-1a2b3c4d5e.changes.0', and no other argument.",
            )
        pid, section, offset = match.group(1), match.group(2), int(match.group(3))
        body = self.ledger.pages(pid)
        found = self.ledger.proposal(pid)
        if body is None or found is None or not may_access(self.ledger.owner(pid), _principal()):
            raise NotFound(f"Proposal {pid} does not exist.", "Call analyze to get a proposal id.")
        totals = {
            "changes": len(found[1]),
            "opportunities": len(body.opportunities),
            "containers": len(body.containers),
            "notes": len(body.notes),
        }
        size = SECTIONS[section]
        if offset + size < totals[section]:
            next_cursor: str | None = f"{pid}.{section}.{offset + size}"
        else:
            order = list(SECTIONS)
            following = [s for s in order[order.index(section) + 1 :] if totals[s]]
            next_cursor = f"{pid}.{following[0]}.0" if following else None
        window = slice(offset, offset + size)
        return Page(
            body.header,
            section,
            totals,
            body.without_metrics,
            next_cursor,
            changes=found[1][window] if section == "changes" else [],
            opportunities=body.opportunities[window] if section == "opportunities" else [],
            containers=body.containers[window] if section == "containers" else [],
            notes=body.notes[window] if section == "notes" else [],
        )

    def _recall(
        self, workload: str | None, namespace: str | None
    ) -> tuple[dict[Any, list[dict[str, Any]]], str | None]:
        """Rolled-back forge changes from the shared memory, keyed by (workload, container, field)."""
        extra: dict[str, Any] = {}
        query = "forge change rolled back"
        if workload and namespace:
            extra["workload"] = f"{namespace}/{workload}"
            query = f"what happened to {namespace}/{workload}"
        try:
            hits = self.suite.memory.recall(
                query, k=100, kind="rollback", source="forge", extra=extra or None
            )
        except HDRError as exc:
            log.warning("forge could not recall from memory: %s", exc)
            return {}, "The shared memory could not be reached: earlier rollbacks were not checked."
        out: dict[Any, list[dict[str, Any]]] = {}
        for hit in hits:
            x = hit.extra
            if workload and not str(x.get("workload", "")).endswith(f"/{workload}"):
                continue
            entry = {
                "proposed": x.get("proposed"),
                "when": time.strftime("%Y-%m-%d", time.gmtime(hit.created_at)),
            }
            out.setdefault((x.get("workload"), x.get("container") or None, x.get("field")), []).append(entry)
            out.setdefault((x.get("workload"), x.get("container") or None, "any"), []).append(entry)
        return out, None

    # -- optimize ---------------------------------------------------------------------------

    def _select(
        self, proposal_id: str, change_ids: list[str] | None, include: Sequence[str] | None = None
    ) -> tuple[dict[str, Any], list[Change]]:
        """The changes to apply: those named, else the default plan plus the opt-in categories in `include`."""
        extra = check_include(include, change_ids)
        opt_in = 0  # changes left out of the default plan
        if not isinstance(proposal_id, str) or not PROPOSAL_ID.match(proposal_id):
            raise BadInput(
                "`proposal_id` is not a forge proposal id.",
                "Send the id analyze returned, e.g. 'p-1a2b3c4d5e'.",
            )
        found = self.ledger.proposal(proposal_id)
        if found is None or not may_access(self.ledger.owner(proposal_id), _principal()):
            raise NotFound(f"Proposal {proposal_id} does not exist.", "Call analyze to get a proposal id.")
        row, changes = found
        if change_ids is not None:
            if len(change_ids) > 1000 or not all(
                isinstance(c, str) and CHANGE_ID.match(c) for c in change_ids
            ):
                raise BadInput("`changes` must be change ids like 'c1', 'c2' from the proposal.")
            known = {c.id: c for c in changes}
            unknown = [c for c in change_ids if c not in known]
            if unknown:
                raise NotFound(
                    f"Proposal {proposal_id} has no change {', '.join(unknown[:10])}.",
                    f"Its changes are {', '.join(list(known)[:50]) or 'none'}.",
                )
            changes = [known[c] for c in dict.fromkeys(change_ids)]
        else:
            opt_in = len(changes)
            changes = analysis.default_plan(changes, extra)
            opt_in -= len(changes)
        if not changes:
            raise BadInput(
                f"Proposal {proposal_id} has no changes to apply"
                + (f" by default ({opt_in} availability change(s) need opting in)." if opt_in else "."),
                "Send include=['availability'] to add them."
                if opt_in
                else "Analyze again after usage changes.",
            )
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
                problems.append(
                    f"{where} rests on {c.history_hours:.0f} h of history; the minimum is {minimum:.0f} h"
                )
            if c.field == "replicas" and c.hpa_managed:
                problems.append(f"{where} changes replicas of an HPA-managed workload")
            if c.field.startswith("cpu") and new is not None and new < recommend.CPU_FLOOR:
                problems.append(f"{where} sets CPU below the 10m floor")
            if c.field.startswith("memory") and new is not None and new < recommend.MEMORY_FLOOR:
                problems.append(f"{where} sets memory below the 64Mi floor")
            kept = max(0.05, min(analysis.MIN_CUT, c.min_kept))
            if c.field.endswith("_request") and old and new is not None and new < old * kept * 0.999:
                problems.append(f"{where} cuts the request below {kept:.0%} of it in one step")
            if (
                c.field == "memory_limit"
                and c.observed_memory_max
                and new is not None
                and new < c.observed_memory_max * MEMORY_MARGIN * 0.999
            ):
                problems.append(f"{where} sets the memory limit below the observed maximum plus 15%")
        if problems:
            raise Refused(
                "Safety rules refuse: " + "; ".join(problems[:10]) + ". Nothing was changed.",
                "Choose other changes with `changes`, or analyze again with more history.",
            )

    def optimize(
        self,
        proposal_id: str,
        change_ids: list[str] | None = None,
        dry_run: bool = True,
        progress: Any = None,
        include: Sequence[str] | None = None,
    ) -> Applied:
        """`progress(done, total, message)` is called per object and while a rollout is awaited (and
        raises to cancel: objects already changed are restored, so a cancelled call leaves nothing
        half-applied). One object at a time: before each write its intent (fields before and after) is
        recorded; on a live cluster forge then waits for the workload's rollout to be healthy and stops,
        restoring what it changed, when one fails. Without `change_ids` it applies the default plan: every
        change but the opt-in categories, which `include` adds (["availability"]: second replicas)."""
        report = progress or (lambda *a: None)
        self.recover()
        plan = self._apply_plan(proposal_id, change_ids, include)
        report(0, len(plan.patches), f"checked {len(plan.patches)} object(s)")
        if dry_run:
            return self._dry_run(proposal_id, plan, report)
        if plan.owned:
            raise Refused(
                "Managed by GitOps or Helm, which would revert a live edit: "
                + "; ".join(f"{ref} ({who})" for ref, who in sorted(plan.owned.items())[:10])
                + ". Nothing was changed.",
                "Run optimize with dry_run=true for the patch to commit to the repository, or leave these "
                "changes out with `changes`.",
            )
        sid, captures = self._begin_apply(proposal_id, plan)
        self._write_all(sid, plan, captures, report)
        self.ledger.record_changes(sid, proposal_id, plan.changes, {})
        self.ledger.finish_apply(sid, "done")
        self._remember_changes(proposal_id, sid, plan.changes)
        self._publish()
        return Applied(proposal_id, False, sid, plan.changes, notes=self.recovery_notes())

    def _apply_plan(
        self, proposal_id: str, change_ids: list[str] | None, include: Sequence[str] | None = None
    ) -> _ApplyPlan:
        """The selected changes, checked (not applied before, safety rules, objects unchanged since the
        analysis) and merged into one patch per object, with each object's current state and GitOps owner."""
        _, changes = self._select(proposal_id, change_ids, include)
        applied = self.ledger.applied_change_ids(proposal_id) & {c.id for c in changes}
        if applied:
            raise Conflict(
                f"Change(s) {', '.join(sorted(applied))} of {proposal_id} are already applied.",
                "Roll back their snapshot first, or analyze again for new changes.",
            )
        self._safety(changes)
        cluster = self.cluster
        patches: dict[ObjectRef, dict[str, Any]] = {}
        expected: dict[ObjectRef, str] = {}
        for c in changes:
            merge_patch(patches.setdefault(c.ref, {}), c.patch())
            expected[c.ref] = c.version
        units = {ref: cluster.unit_of(ref) for ref in patches}
        current = {ref: cluster.get(ref) for ref in sorted(patches)}
        stale = [str(ref) for ref in patches if current[ref][1] != expected[ref]]
        if stale:
            raise Conflict(
                f"Changed since the analysis: {', '.join(stale[:10])}. Nothing was changed.",
                "Analyze again and apply the new proposal.",
            )
        owners = {ref: gitops_owner(obj) for ref, (obj, _) in current.items()} if cluster.live else {}
        owned = {ref: who for ref, who in owners.items() if who}
        return _ApplyPlan(changes, patches, expected, units, current, owned)

    def _begin_apply(self, proposal_id: str, plan: _ApplyPlan) -> tuple[str, dict[str, Capture]]:
        """Captures each unit (object or file) and records the apply with its intents (fields before and
        after, per object) before any write: the snapshot id and the captures."""
        captures: dict[str, Capture] = {}
        for ref in plan.order:
            if plan.units[ref] not in captures:
                captures[plan.units[ref]] = self.cluster.capture(ref)
        intents = [
            PlannedWrite(
                str(ref),
                plan.units[ref],
                plan.expected[ref],
                [
                    (path, value_at(plan.current[ref][0], path), value_at(plan.patches[ref], path))
                    for path in patch_fields(plan.patches[ref])
                ],
            )
            for ref in plan.order
        ]
        sid = self.ledger.begin_apply(
            proposal_id, [c.id for c in plan.changes], list(captures.values()), intents, _principal()
        )
        return sid, captures

    def _write_all(self, sid: str, plan: _ApplyPlan, captures: dict[str, Capture], report: Any) -> None:
        """One object at a time, each intent marked before and after its write; on a live cluster the PDB is
        checked first and the rollout awaited after. Any failure (or cancellation) restores what was written."""
        cluster, order, units = self.cluster, plan.order, plan.units
        unit_version = {u: c.version for u, c in captures.items()}
        written: list[tuple[int, ObjectRef]] = []
        try:
            for seq, ref in enumerate(order):
                report(seq, len(order), f"applying {ref}")
                if cluster.live:
                    self._check_disruption_budget(ref, plan.current[ref][0], plan.patches[ref])
                self.ledger.set_intent(sid, seq, "writing")
                unit = units[ref]
                unit_version[unit] = cluster.apply(ref, plan.patches[ref], unit_version[unit])
                self.ledger.set_intent(sid, seq, "written", unit_version[unit])
                written.append((seq, ref))
                if cluster.live:
                    self._await_rollout(ref, seq, len(order), report)
            report(len(order), len(order), f"applied {len(plan.changes)} change(s) to {len(order)} object(s)")
        except BaseException as exc:
            undone, failed = self._undo(sid, written, captures, units, unit_version)
            self.ledger.finish_apply(sid, "failed", f"{type(exc).__name__}; restored {len(undone)}")
            if isinstance(exc, RolloutFailed):
                left = (
                    f" Could not restore {', '.join(failed)}: restore it from snapshot {sid}."
                    if failed
                    else ""
                )
                raise Refused(
                    f"{exc.message} forge stopped and restored the {len(undone)} object(s) it had "
                    f"changed ({', '.join(undone) or 'none'}); nothing else was changed.{left}",
                    exc.hint,
                ) from None
            raise

    def _dry_run(self, proposal_id: str, plan: _ApplyPlan, report: Any) -> Applied:
        """The exact diff, from the API server's own dry run (dryRun=All: admission, quotas and
        LimitRanges judge it) or the manifest file; for GitOps-owned objects the patch to commit."""
        patches, units, owned = plan.patches, plan.units, plan.owned
        diffs, rejected, repository = [], [], []
        for i, (ref, patch) in enumerate(sorted(patches.items())):
            report(i, len(patches), f"diff of {ref}")
            if ref in owned:
                repository.append(RepositoryPatch(str(ref), owned[ref], _yaml_text(patch)))
                continue
            try:
                before, after = self.cluster.preview(ref, patch)
            except NotPermitted:
                raise
            except (BadInput, Refused) as exc:
                rejected.append(f"{ref}: {exc.message}")
                continue
            diffs.append(
                "".join(
                    difflib.unified_diff(
                        before.splitlines(True), after.splitlines(True), f"a/{units[ref]}", f"b/{units[ref]}"
                    )
                )
            )
        report(len(patches), len(patches), f"dry run: diff of {len(patches)} object(s)")
        notes = [f"Rejected by the API server's dry run: {r}" for r in rejected] + self.recovery_notes()
        return Applied(proposal_id, True, None, plan.changes, "".join(diffs), repository, notes)

    def _check_disruption_budget(self, ref: ObjectRef, obj: dict[str, Any], patch: dict[str, Any]) -> None:
        """Refuse to roll a workload whose PodDisruptionBudget allows no disruption right now."""
        if ref.kind not in ("Deployment", "StatefulSet", "DaemonSet", "Rollout") or "template" not in (
            patch.get("spec") or {}
        ):
            return
        labels = (((obj.get("spec") or {}).get("template") or {}).get("metadata") or {}).get("labels") or {}
        for pdb in self.cluster.list_objects(("PodDisruptionBudget",), namespaces=[ref.namespace]):
            wanted = ((pdb.get("spec") or {}).get("selector") or {}).get("matchLabels") or {}
            status = pdb.get("status") or {}
            if (
                wanted
                and all(labels.get(k) == v for k, v in wanted.items())
                and "disruptionsAllowed" in status
                and int(status["disruptionsAllowed"]) < 1
            ):
                raise RolloutFailed(
                    f"{ref} was not changed: its PodDisruptionBudget {pdb['metadata']['name']} "
                    "allows no disruption now.",
                    "Wait until its pods are healthy (or the "
                    "budget allows a disruption), then optimize again.",
                )

    def _await_rollout(self, ref: ObjectRef, seq: int, total: int, report: Any) -> None:
        deadline = time.monotonic() + _env_float("HDR_FORGE_ROLLOUT_TIMEOUT", 600.0)
        poll = _env_float("HDR_FORGE_ROLLOUT_POLL", 1.0)
        while True:
            state = self.cluster.rollout(ref)
            if state.failed:
                raise RolloutFailed(
                    f"The rollout of {ref} failed ({state.failed}: {state.text[:200]}).",
                    "Check the workload's events (kubectl describe), then analyze again.",
                )
            if state.done:
                return
            if time.monotonic() > deadline:
                raise RolloutFailed(
                    f"The rollout of {ref} did not become healthy in time ({state.text}).",
                    "Check the workload's events; raise HDR_FORGE_ROLLOUT_TIMEOUT for slow rollouts.",
                )
            report(seq, total, f"waiting for {ref}: {state.text}")
            time.sleep(poll)

    def _undo(
        self,
        sid: str,
        written: list[tuple[int, ObjectRef]],
        captures: dict[str, Capture],
        units: dict[ObjectRef, str],
        versions: dict[str, str],
    ) -> tuple[list[str], list[str]]:
        """Restore the objects this apply wrote, newest first, so nothing is left half-applied."""
        intents = {i.seq: i for i in self.ledger.intents(sid)}
        undone, failed = [], []
        for seq, ref in reversed(written):
            try:
                if self.cluster.live:
                    self.cluster.restore_fields(
                        ref,
                        patch_of([(f[0], f[1]) for f in intents[seq].fields]),
                        intents[seq].version_after or "",
                    )
                else:
                    versions[units[ref]] = self.cluster.restore(captures[units[ref]], versions[units[ref]])
                self.ledger.set_intent(sid, seq, "undone")
                undone.append(str(ref))
            except Exception:
                log.exception("forge could not undo its change to %s; restore it from snapshot %s", ref, sid)
                failed.append(str(ref))
        return undone, failed

    def _remember_changes(self, proposal_id: str, sid: str, changes: list[Change]) -> None:
        for c in changes:
            self.suite.audit.append(
                "forge",
                "optimize.change",
                "forge",
                {"proposal": proposal_id, "change": c.id, "object": c.object, "field": c.field},
                "ok",
                f"{c.object} {c.container or ''} {c.field} {c.current} -> {c.proposed} (snapshot {sid})",
            )
            self.suite.record(
                f"forge changed {c.field} of {c.workload}{' container ' + c.container if c.container else ''}"
                f" from {c.current} to {c.proposed} (proposal {proposal_id}, snapshot {sid}, saves "
                f"${c.monthly_savings_usd}/month).",
                "decision",
                source="forge",
                tool="optimize",
                tags=["forge", "change"],
                extra=_extra(c, sid),
            )

    # -- an apply interrupted by a crash ------------------------------------------------------

    def recover(self) -> list[str]:
        """Once per process: find applies another process began and never finished (killed mid-way),
        settle each intended write from the object itself (forge's after values: written; its before
        values: never sent; anything else: someone else's), record what landed so `rollback` of that
        snapshot undoes exactly it, and report it."""
        if self._recovery_checked:
            return self.recovered
        self._recovery_checked = True
        import socket

        host = socket.gethostname()
        for run in self.ledger.running_applies():
            if run.host != host or run.pid == os.getpid() or _alive(run.pid):
                continue  # another machine's, or still running
            self._recovered_of.append(run.snapshot_id)
            try:
                self.recovered.append(self._settle(run))
            except HDRError as exc:
                self._recovery_checked = False  # try again on the next call
                self.recovered.append(
                    f"An interrupted apply (snapshot {run.snapshot_id}) could not be "
                    f"checked yet: {exc.message}"
                )
        for note in self.recovered:
            log.warning("%s", note)
        return self.recovered

    def recovery_notes(self) -> list[str]:
        """The notes about interrupted applies the caller may see (its own snapshots)."""
        principal = _principal()
        return [
            note
            for sid, note in zip(self._recovered_of, self.recovered, strict=True)
            if may_access(self.ledger.owner(sid), principal)
        ]

    def _settle(self, run: ApplyRun) -> str:
        sid, pid = run.snapshot_id, run.proposal_id
        landed: list[str] = []
        unknown: list[str] = []
        intents = self.ledger.intents(sid)
        for intent in intents:
            if intent.state == "planned":
                self.ledger.set_intent(sid, intent.seq, "skipped")
            elif intent.state == "writing":
                obj, version = self.cluster.get(_ref(intent.object))
                now = [value_at(obj, f[0]) for f in intent.fields]
                if all(_same(v, f[2]) for v, f in zip(now, intent.fields, strict=True)):
                    self.ledger.set_intent(sid, intent.seq, "written", version)
                    landed.append(intent.object)
                elif all(_same(v, f[1]) for v, f in zip(now, intent.fields, strict=True)):
                    self.ledger.set_intent(sid, intent.seq, "skipped")
                else:
                    self.ledger.set_intent(sid, intent.seq, "unknown")
                    unknown.append(intent.object)
            elif intent.state == "written":
                landed.append(intent.object)
        found = self.ledger.proposal(pid)
        wanted = set(run.change_ids)
        done = [c for c in (found[1] if found else []) if c.id in wanted and c.object in landed]
        self.ledger.record_changes(sid, pid, done, {})
        note = (
            f"forge found an apply of proposal {pid} that was interrupted (snapshot {sid}): "
            f"{len(landed)} of {len(intents)} object(s) had been changed"
            f"{' (' + ', '.join(landed[:10]) + ')' if landed else ''}."
            + (
                f" {', '.join(unknown[:10])} match neither forge's values nor the originals: check them."
                if unknown
                else ""
            )
            + (f" Roll back snapshot {sid} to undo them, or optimize again for the rest." if landed else "")
        )
        self.ledger.finish_apply(sid, "interrupted", note)
        self.suite.audit.append(
            "forge", "optimize.recover", "forge", {"snapshot": sid, "proposal": pid}, "ok", note
        )
        return note

    # -- rollback ---------------------------------------------------------------------------

    def rollback(self, snapshot_id: str) -> RolledBack:
        if not isinstance(snapshot_id, str) or not SNAPSHOT_ID.match(snapshot_id):
            raise BadInput(
                "`snapshot_id` is not a forge snapshot id.",
                "Send an id from `snapshots`, e.g. 's-1a2b3c4d5e'.",
            )
        self.recover()
        snap = self.ledger.snapshot(snapshot_id)
        if snap is None or not may_access(self.ledger.owner(snapshot_id), _principal()):
            raise NotFound(f"Snapshot {snapshot_id} does not exist.", "Call `snapshots` to list them.")
        intents = self.ledger.intents(snapshot_id)
        if self.cluster.live and intents:
            writes, restored = self._rollback_fields(snapshot_id, intents)
        else:
            writes, restored = self._rollback_units(snapshot_id, snap, intents)
        undone = self.ledger.mark_rolled_back(snapshot_id, writes)
        self.suite.audit.append(
            "forge",
            "rollback.restore",
            "forge",
            {"snapshot": snapshot_id},
            "ok",
            f"restored {', '.join(restored) or 'nothing (already as captured)'}",
        )
        for row in undone:
            self.suite.record(
                f"forge rolled back the change of {row.field} of {row.workload}"
                f"{' container ' + row.container if row.container else ''} from {row.before} "
                f"to {row.after}; restored {row.before} (snapshot {snapshot_id}).",
                "rollback",
                source="forge",
                tool="rollback",
                tags=["forge", "rollback"],
                extra={
                    "workload": row.workload,
                    "container": row.container or "",
                    "field": row.field,
                    "proposed": row.after,
                    "snapshot": snapshot_id,
                },
            )
        self._publish()
        return RolledBack(snapshot_id, restored, len(undone))

    def _rollback_units(
        self, snapshot_id: str, snap: Snapshot, intents: list[Intent]
    ) -> tuple[dict[str, str], list[str]]:
        """Manifest files: each unit forge changed goes back byte-identical, unless someone else
        edited the file since forge's last write to it."""
        touched = {i.unit for i in intents if i.state in ("written", "unknown")} if intents else None
        captures = [c for c in snap.captures if touched is None or c.unit in touched]
        current: dict[str, str] = {}
        conflicts = []
        for cap in captures:
            version = self.cluster.version(cap.ref)
            current[cap.unit] = version
            if version != cap.version and not self.ledger.forge_wrote(cap.unit, version):
                conflicts.append(cap.unit)
        if conflicts:
            raise _edited_since(f"forge's last change: {', '.join(conflicts[:10])}")
        writes: dict[str, str] = {}
        restored = []
        for cap in captures:
            if current[cap.unit] == cap.version:
                continue
            writes[cap.unit] = self.cluster.restore(cap, current[cap.unit])
            restored.append(str(cap.ref))
        return writes, restored

    def _rollback_fields(self, snapshot_id: str, intents: list[Intent]) -> tuple[dict[str, str], list[str]]:
        """A live cluster: put back the fields forge changed, where they still hold a value forge
        wrote (this snapshot's or a later one's). Status writes, and other people's edits to other
        fields, do not stand in the way; someone else's value in one of those fields does: then
        nothing is rolled back."""
        written = [i for i in intents if i.state == "written"]
        later = self.ledger.later_intents(snapshot_id, {i.object for i in written})
        plan: list[tuple[ObjectRef, dict[str, Any], str, int]] = []
        conflicts: list[str] = []
        for intent in written:
            ref = _ref(intent.object)
            obj, version = self.cluster.get(ref)
            back: list[tuple[Any, Any]] = []
            for path, before, after in intent.fields:
                now = value_at(obj, path)
                ours = [after] + [
                    f[2] for li in later if li.object == intent.object for f in li.fields if f[0] == path
                ]
                if any(_same(now, v) for v in ours):
                    back.append((path, before))
                elif not _same(now, before):
                    conflicts.append(f"{ref} {path_text(path)} is {now} (forge set {after})")
            if back:
                plan.append((ref, patch_of(back), version, intent.seq))
        if conflicts:
            raise _edited_since(f"forge's change: {'; '.join(conflicts[:10])}")
        writes: dict[str, str] = {}
        restored = []
        for ref, patch, version, seq in plan:
            writes[str(ref)] = self.cluster.restore_fields(ref, patch, version)
            self.ledger.set_intent(snapshot_id, seq, "undone")
            restored.append(str(ref))
        return writes, restored

    def decisions(self, workload: str | None) -> list[AppliedChange]:
        """The changes forge applied under the caller's snapshots, newest first. BadInput for a
        `workload` that cannot be a name."""
        if workload is not None and (len(workload) > 320 or not workload.strip()):
            raise BadInput("`workload` must be a name like 'checkout-api' or 'checkout/checkout-api'.")
        principal = _principal()
        return [
            r
            for r in self.ledger.decisions(workload)
            if may_access(self.ledger.owner(r.snapshot_id), principal)
        ]

    def snapshots(self) -> list[SnapshotInfo]:
        """The caller's snapshots, newest first (an authenticated caller sees its own)."""
        self.recover()
        principal = _principal()
        return [s for s in self.ledger.snapshots() if may_access(self.ledger.owner(s.id), principal)]

    # -- reports ----------------------------------------------------------------------------

    def cost_report(self, group_by: str) -> Costs:
        """Monthly cost per namespace or workload from requests and replicas, with what the caller's latest
        proposal would save in each (changes not applied yet); highest cost first."""
        costs: dict[str, list[float]] = {}  # group -> [monthly cost, potential savings, workloads]
        for o in self.cluster.list_objects(WORKLOAD_KINDS):
            ns, name = o["metadata"]["namespace"], o["metadata"]["name"]
            totals = costs.setdefault(ns if group_by == "namespace" else f"{ns}/{name}", [0.0, 0.0, 0])
            totals[0] += _monthly_cost(o)
            totals[2] += 1
        latest = self._latest_proposal()
        found = self.ledger.proposal(latest) if latest is not None else None
        if latest is not None and found is not None:
            applied = self.ledger.applied_change_ids(latest)
            for c in found[1]:
                key = c.workload.split("/")[0] if group_by == "namespace" else c.workload
                if key in costs and c.id not in applied and c.category == analysis.RIGHT_SIZING:
                    costs[key][1] += c.monthly_savings_usd
        groups = [
            CostGroup(
                name=k,
                workloads=int(v[2]),
                monthly_cost_usd=round(v[0], 2),
                potential_savings_usd=round(v[1], 2),
            )
            for k, v in costs.items()
        ]
        return Costs(group_by, sorted(groups, key=lambda g: -g.monthly_cost_usd), latest)

    def _latest_proposal(self) -> str | None:
        """The id of the newest proposal the caller may see (among the newest 200)."""
        ledger = self.ledger  # creates forge's tables: a fresh HDR_HOME has no proposals yet
        principal = _principal()
        return next(
            (
                str(r["id"])
                for r in ledger.proposal_list(200)
                if may_access(ledger.owner(str(r["id"])), principal)
            ),
            None,
        )

    def _publish(self) -> None:
        changes, savings = self.ledger.evidence()
        evidence.publish(self.suite.store, "forge", "changes", changes)
        evidence.publish(self.suite.store, "forge", "savings", savings)


class RolloutFailed(Refused):
    """A workload's rollout failed (or may not start): the apply stops and restores what it changed."""


def _monthly_cost(obj: dict[str, Any]) -> float:
    """A workload's monthly cost at OpenCost's default prices: its containers' requests times replicas."""
    from servers.forge import quantity

    prices = analysis.Prices()
    replicas = int((obj.get("spec") or {}).get("replicas", 1) or 0) if obj["kind"] in analysis.SCALABLE else 1
    return (
        sum(
            prices.monthly(
                quantity.parse(((c.get("resources") or {}).get("requests") or {}).get("cpu")) or 0,
                quantity.parse(((c.get("resources") or {}).get("requests") or {}).get("memory")) or 0,
            )
            for c in analysis._containers(obj)
        )
        * replicas
    )


def _edited_since(what: str) -> Conflict:
    """rollback's refusal when someone else edited what forge would restore."""
    return Conflict(
        f"Edited by someone else since {what}. Nothing was rolled back.",
        "Review those edits, then roll back by hand or re-analyze.",
    )


def _env_float(name: str, default: float) -> float:
    try:
        return max(0.0, float(os.environ.get(name, default)))
    except ValueError:
        return default


def _alive(pid: int) -> bool:
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True


def _same(a: Any, b: Any) -> bool:
    """Equal field values; quantities compare by amount ('0.5' is '500m', '1Gi' is '1024Mi'), as the
    API server may store them in canonical form."""
    if a == b:
        return True
    if (
        isinstance(a, str | int | float)
        and isinstance(b, str | int | float)
        and not isinstance(a, bool)
        and not isinstance(b, bool)
    ):
        from servers.forge import quantity

        try:
            qa, qb = quantity.parse(str(a)), quantity.parse(str(b))
        except (ValueError, TypeError):
            return False
        return qa is not None and qb is not None and abs(qa - qb) <= 1e-9 * max(1.0, abs(qa))
    return False


def _ref(text: str) -> ObjectRef:
    kind, ns, name = text.split("/", 2)
    return ObjectRef(kind, ns, name)


def _principal() -> str | None:
    from shared.tools import authenticated_principal

    return authenticated_principal()


def _extra(c: Change, sid: str) -> dict[str, str | int | float | bool]:
    return {
        "workload": c.workload,
        "container": c.container or "",
        "field": c.field,
        "proposed": c.proposed,
        "snapshot": sid,
    }
