"""Analysis: from the cluster's objects and measured usage to opportunities and concrete changes.

`analyze(...)` reads every workload (Deployment, StatefulSet, DaemonSet) with its HPA and PDB,
matches pods' usage to it, profiles each container, and proposes changes that already obey the
safety rules `optimize` enforces again (floors, at most half a request cut per step, memory limit
at or above the observed maximum plus margin, no replica changes under an HPA)."""

from __future__ import annotations

import math
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from servers.forge import quantity, recommend
from servers.forge.results import ContainerReport, Opportunity
from servers.forge.usage import Usage
from shared.cluster import ALL_KINDS, WORKLOAD_KINDS, Cluster, ObjectRef

RolledBack = dict[tuple[str, str | None, str], list[dict[str, Any]]]
CPU_CORE_HOUR_USD = 0.031611  # OpenCost's default on-demand prices
RAM_GIB_HOUR_USD = 0.004237
HOURS_PER_MONTH = 730.0
GIB = 2**30
MEMORY_MARGIN = 1.15
MIN_CUT = 0.5  # a cut keeps at least half the request in one step ...
HEALTHY_MIN_CUT = 0.2  # ... or a fifth, for a container with a full week of history and no restarts
SIGNIFICANT = 0.8  # propose a cut only when the recommendation is below 80% of the current value
SCALABLE = ("Deployment", "StatefulSet", "Rollout")  # kinds with spec.replicas
RAISE = 1.1  # ... and a raise only when it is 10% above: a band between them, so passes do not flip-flop
RIGHT_SIZING = "right_sizing"  # a change's category: in optimize's default plan
AVAILABILITY = "availability"  # ... or only when the caller opts in (it adds replicas, so cost)
CATEGORIES = (RIGHT_SIZING, AVAILABILITY)


@dataclass
class Prices:
    cpu_core_hour: float = CPU_CORE_HOUR_USD
    ram_gib_hour: float = RAM_GIB_HOUR_USD

    def monthly(self, cores: float, memory_bytes: float) -> float:
        return (cores * self.cpu_core_hour + memory_bytes / GIB * self.ram_gib_hour) * HOURS_PER_MONTH


@dataclass
class Change:
    id: str
    object: str  # Kind/namespace/name
    container: str | None
    field: str  # cpu_request | memory_request | memory_limit | cpu_limit | replicas | max_replicas
    current: str | None
    proposed: str
    version: str  # the object's version when analysed (resourceVersion or file hash)
    monthly_savings_usd: float
    history_hours: float
    observed_memory_max: float | None = None
    hpa_managed: bool = False
    oom_events: list[str] | None = None  # the OOM kills (namespace/pod/container) a limit bump answers
    section: str = "containers"  # or initContainers (a native sidecar)
    min_kept: float = MIN_CUT  # a cut of a request keeps at least this share of it (optimize checks again)
    category: str = RIGHT_SIZING  # AVAILABILITY: not in optimize's default plan (`default_plan`)

    @property
    def ref(self) -> ObjectRef:
        kind, ns, name = self.object.split("/", 2)
        return ObjectRef(kind, ns, name)

    @property
    def workload(self) -> str:
        return "/".join(self.object.split("/")[1:])

    def patch(self) -> dict[str, Any]:
        if self.field == "replicas":
            return {"spec": {"replicas": int(self.proposed)}}
        if self.field == "max_replicas":
            return {"spec": {"maxReplicas": int(self.proposed)}}
        section, resource = {
            "cpu_request": ("requests", "cpu"),
            "memory_request": ("requests", "memory"),
            "cpu_limit": ("limits", "cpu"),
            "memory_limit": ("limits", "memory"),
        }[self.field]
        pod = {
            "spec": {
                self.section: [{"name": self.container, "resources": {section: {resource: self.proposed}}}]
            }
        }
        if self.ref.kind == "CronJob":
            return {"spec": {"jobTemplate": {"spec": {"template": pod}}}}
        return {"spec": {"template": pod}}


@dataclass
class AnalysisResult:
    containers: list[ContainerReport] = field(default_factory=list)
    opportunities: list[Opportunity] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    monthly_cost_usd: float = 0.0
    workloads: int = 0
    without_metrics: list[str] = field(default_factory=list)
    cut_short: int = 0  # cuts held back by the per-step floor (`step_floor`)

    @property
    def estimated_savings(self) -> float:
        """Net monthly savings of optimize's default plan (increases count against them)."""
        return round(sum(c.monthly_savings_usd for c in default_plan(self.changes)), 2)


def default_plan(changes: list[Change], include: tuple[str, ...] = ()) -> list[Change]:
    """The changes optimize applies when the caller names none: every right-sizing change, and those
    of the opt-in categories in `include` (e.g. AVAILABILITY: a second replica costs money; it is a
    finding about availability, not right-sizing, so it is never applied unasked)."""
    return [c for c in changes if c.category == RIGHT_SIZING or c.category in include]


# -- matching pods to workloads -------------------------------------------------------------------

_DEPLOY_POD = re.compile(r"^(.*)-[a-z0-9]{5,10}-[a-z0-9]{5}$")
_STS_POD = re.compile(r"^(.*)-\d+$")
_DS_POD = re.compile(r"^(.*)-[a-z0-9]{5}$")


def owner_of(
    pod: str, namespace: str, workloads: dict[tuple[str, str, str], Any]
) -> tuple[str, str, str] | None:
    """The workload (kind, namespace, name) a pod belongs to by Kubernetes' pod naming alone: the
    fallback when neither the pods' ownerReferences nor kube-state-metrics' owner series are there.
    Ambiguous names (`metrics-agent-x1b2c` is DaemonSet metrics-agent's pod or a pod of Deployment
    metrics' ReplicaSet `agent`) match nothing."""
    found = set()
    for kind, pattern in (("Deployment", _DEPLOY_POD), ("StatefulSet", _STS_POD), ("DaemonSet", _DS_POD)):
        match = pattern.match(pod)
        if match and (kind, namespace, match.group(1)) in workloads:
            found.add((kind, namespace, match.group(1)))
    return found.pop() if len(found) == 1 else None


def pod_owners(
    usage_owners: dict[tuple[str, str], tuple[str, str]],
    pods: list[dict[str, Any]] | None,
    owners: list[dict[str, Any]] | None,
) -> dict[tuple[str, str], tuple[str, str]]:
    """(namespace, pod) -> (kind, name) of its workload: from the live pods' controller ownerReferences
    (through their ReplicaSet or Job), else from kube-state-metrics' owner series."""
    out = dict(usage_owners)
    parent: dict[tuple[str, str, str], tuple[str, str]] = {}
    for o in owners or []:
        ref = _controller(o)
        if ref:
            parent[(o.get("kind", ""), o["metadata"].get("namespace", ""), o["metadata"].get("name", ""))] = (
                ref
            )
    for p in pods or []:
        ref = _controller(p)
        if ref:
            ns = p["metadata"].get("namespace", "")
            out[(ns, p["metadata"].get("name", ""))] = parent.get((ref[0], ns, ref[1]), ref)
    return out


def _controller(obj: dict[str, Any]) -> tuple[str, str] | None:
    for ref in (obj.get("metadata") or {}).get("ownerReferences") or []:
        if ref.get("controller"):
            return str(ref.get("kind", "")), str(ref.get("name", ""))
    return None


def pod_spec(obj: dict[str, Any]) -> dict[str, Any]:
    """The pod template's spec: spec.template.spec, or a CronJob's spec.jobTemplate.spec.template.spec."""
    spec = obj.get("spec") or {}
    if obj.get("kind") == "CronJob":
        spec = (spec.get("jobTemplate") or {}).get("spec") or {}
    return ((spec.get("template") or {}).get("spec")) or {}


def _containers(obj: dict[str, Any]) -> list[dict[str, Any]]:
    """The long-running containers: the app containers and native sidecars (init containers with
    restartPolicy Always, which run beside them); plain init containers run once and are left out."""
    pod = pod_spec(obj)
    sidecars = [c for c in pod.get("initContainers") or [] if c.get("restartPolicy") == "Always"]
    return list(pod.get("containers") or []) + sidecars


def _section(obj: dict[str, Any], container: str) -> str:
    pod = pod_spec(obj)
    return (
        "initContainers"
        if any(c.get("name") == container for c in pod.get("initContainers") or [])
        else "containers"
    )


def _selector_matches(selector: dict[str, Any], labels: dict[str, Any]) -> bool:
    wanted = (selector or {}).get("matchLabels") or {}
    return bool(wanted) and all(labels.get(k) == v for k, v in wanted.items())


class _PDBIndex:
    """PodDisruptionBudgets by (namespace, one of their matchLabels), so finding a workload's PDB
    looks at the few that could match instead of every PDB of the cluster."""

    def __init__(self, pdbs: list[dict[str, Any]]) -> None:
        self._by: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
        for p in pdbs:
            selector = (p.get("spec") or {}).get("selector") or {}
            wanted = selector.get("matchLabels") or {}
            if wanted:
                k, v = min((str(k), str(v)) for k, v in wanted.items())
                self._by.setdefault((str(p["metadata"].get("namespace") or "default"), k, v), []).append(
                    selector
                )

    def covers(self, namespace: str, labels: dict[str, Any]) -> bool:
        return any(
            _selector_matches(sel, labels)
            for k, v in labels.items()
            for sel in self._by.get((namespace, str(k), str(v)), ())
        )


Key = tuple[str, str, str]  # (kind, namespace, name) of a workload


@dataclass
class _Index:
    """Which workload (and container) each usage row, restart and OOM kill belongs to."""

    by_ref: dict[Key, dict[str, Any]]
    rows: dict[Key, dict[str, list[int]]]
    pods_of: dict[Key, set[str]]
    status: dict[Any, tuple[int, str]]  # (key, container) -> (restarts, last reason)
    oom_events: dict[Any, set[str]]  # (key, container) -> the kills (namespace/pod/container[@time])
    kill_limits: dict[Any, float]  # (key, container) -> the highest memory limit a killed pod ran with
    recent: dict[Any, float] = field(default_factory=dict)  # (key, container) -> recommend.recency of its CPU


@dataclass
class _Workload:
    key: Key
    obj: dict[str, Any]
    version: str
    hpa: dict[str, Any] | None
    replicas: int
    replica_cost: float  # what one more replica costs at the current requests

    @property
    def kind(self) -> str:
        return self.key[0]

    @property
    def wl(self) -> str:
        return f"{self.key[1]}/{self.key[2]}"


@dataclass
class _Container:
    """One container of a workload with its profile and recommendation: what every rule reads."""

    w: _Workload
    name: str
    req: dict[str, Any]
    lim: dict[str, Any]
    cpu_req: float | None
    mem_req: float | None
    mem_lim: float | None
    prof: recommend.Profile
    rec: recommend.Recommendation
    recent: float  # `recommend.recency` of its CPU
    status: tuple[int, str]
    figures: dict[str, float | str]  # shared by the container's opportunities
    floor: float  # `step_floor`
    safe_mem_limit: float

    @property
    def oom(self) -> bool:
        return self.status[1] == "OOMKilled"


class _Proposals:
    """The result being built: numbered changes, opportunities and notes."""

    def __init__(self, result: AnalysisResult, rolled_back: RolledBack, prices: Prices) -> None:
        self.result = result
        self.rolled_back = rolled_back
        self.prices = prices
        self.counter = 0

    def new_change(self, **kwargs: Any) -> Change:
        self.counter += 1
        change = Change(id=f"c{self.counter}", **kwargs)
        self.result.changes.append(change)
        return change

    def propose(self, c: _Container, field_name: str, current: float | None, target: float) -> Change | None:
        """A change of one container field to `target`, or None when it cannot or must not be made."""
        w, text = c.w, _text(field_name, target) or ""
        if w.kind == "Job":  # a Job's pod template is immutable: change what creates it
            if not any(n.startswith(f"{w.wl}: a Job") for n in self.result.notes):
                self.result.notes.append(
                    f"{w.wl}: a Job's pod template cannot be changed; apply the figures to "
                    "the manifest or CronJob that creates it."
                )
            return None
        past = self.rolled_back.get((w.wl, c.name, field_name), [])
        if any(p.get("proposed") == text for p in past):
            self.result.notes.append(
                f"{w.wl} {c.name} {field_name} -> {text} is not proposed again: the same "
                f"change was rolled back before ({past[0].get('when', 'earlier')})."
            )
            return None
        if current is not None and abs(target - current) < 1e-9:
            return None
        ch = self.new_change(
            field=field_name,
            current=_text(field_name, current),
            proposed=text,
            monthly_savings_usd=round(self._saving(w, field_name, current, target), 2),
            observed_memory_max=c.prof.memory_max,
            hpa_managed=w.hpa is not None,
            min_kept=c.floor,
            object=f"{w.kind}/{w.wl}",
            container=c.name,
            version=w.version,
            history_hours=c.prof.history_hours,
            section=_section(w.obj, c.name),
        )
        if past:
            self.result.notes.append(
                f"{w.wl} {c.name} {field_name}: an earlier change to "
                f"{past[0].get('proposed')} was rolled back; now proposing {text}."
            )
        return ch

    def _saving(self, w: _Workload, field_name: str, current: float | None, target: float) -> float:
        """Net: increases count against the savings."""
        if field_name.endswith("_request"):
            unit = self.prices.monthly(1, 0) if field_name.startswith("cpu") else self.prices.monthly(0, 1)
            return w.replicas * ((current or 0.0) - target) * unit
        if field_name == "replicas":
            return ((current or 0.0) - target) * w.replica_cost
        return 0.0

    def workload_change(
        self, change: Change, kind: str, severity: str, evidence: str, figures: dict[str, float | str]
    ) -> None:
        """A change of a whole object (replicas, an HPA's bounds) and its opportunity; `change.id` is set."""
        self.counter += 1
        change.id = f"c{self.counter}"
        self.result.changes.append(change)
        saving = change.monthly_savings_usd
        self.result.opportunities.append(
            Opportunity.model_construct(
                type=kind,
                severity=severity,
                workload=change.workload,
                container=None,
                evidence=evidence,
                figures=figures,
                change_ids=[change.id],
                monthly_savings_usd=saving,
            )
        )

    def opportunity(
        self, c: _Container, kind: str, severity: str, evidence: str, changes: list[Change | None]
    ) -> None:
        made = [ch for ch in changes if ch is not None]
        history = self.rolled_back.get((c.w.wl, c.name, "any"), [])
        if history:
            evidence += f" Memory: {len(history)} earlier forge change(s) to this workload were rolled back."
        self.result.opportunities.append(
            Opportunity.model_construct(
                type=kind,
                severity=severity,
                workload=c.w.wl,
                container=c.name,
                evidence=evidence,
                figures=c.figures,
                change_ids=[ch.id for ch in made],
                monthly_savings_usd=round(sum(ch.monthly_savings_usd for ch in made), 2),
            )
        )


# -- the analysis ---------------------------------------------------------------------------------


def analyze(
    cluster: Cluster,
    usage: Usage,
    *,
    objects: list[dict[str, Any]] | None = None,
    namespace: str | None = None,
    workload: str | None = None,
    rolled_back: RolledBack | Callable[[], RolledBack] | None = None,
    oom_answered: set[str] | None = None,
    prices: Prices | None = None,
    pods: list[dict[str, Any]] | None = None,
    owner_objects: list[dict[str, Any]] | None = None,
    batch: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> AnalysisResult:
    """Profiles and opportunities for the workloads in scope. `rolled_back` maps (workload,
    container, field) to earlier rolled-back changes recalled from memory (each with `proposed`
    and `when`): an identical change is not proposed again; it may be a function returning that map,
    called once the usage is profiled (so a slow memory lookup overlaps the profiling). `batch=False`
    profiles container by container (the straightforward reference the batched path is tested
    against). `oom_answered` holds the OOM kills (namespace/pod/container) forge already raised a
    memory limit for: a kill is answered once, not again on every pass while it is in the window.
    `progress(done, total)` is called every 100 workloads; it may raise to cancel."""
    objects = objects if objects is not None else cluster.list_objects(ALL_KINDS)
    hpas = {
        (h["metadata"].get("namespace"), ((h.get("spec") or {}).get("scaleTargetRef") or {}).get("name")): h
        for h in objects
        if h.get("kind") == "HorizontalPodAutoscaler"
    }
    pdbs = _PDBIndex([p for p in objects if p.get("kind") == "PodDisruptionBudget"])
    in_scope = _in_scope(objects, namespace, workload)
    by_ref = {(o["kind"], o["metadata"]["namespace"], o["metadata"]["name"]): o for o in in_scope}
    index = _index(usage, by_ref, pods, owner_objects)
    wanted = _container_rows(index)
    profiled = _profiles(usage, wanted, batch)
    bursty = {c for c, prof in profiled.items() if prof is not None and prof.pattern == "bursty"}
    index.recent = _recencies(usage, wanted, batch, bursty)
    found = (rolled_back() if callable(rolled_back) else rolled_back) or {}
    p = _Proposals(AnalysisResult(workloads=len(in_scope)), found, prices or Prices())
    for n, key in enumerate(sorted(index.by_ref)):
        if progress is not None and n % 100 == 0:
            progress(n, len(index.by_ref))
        w = _workload(cluster, index, key, hpas.get((key[1], key[2])), p.prices)
        first_change = len(p.result.changes)  # this workload's changes follow
        idle = _workload_containers(p, w, index, profiled, usage, oom_answered or set())
        _single_replica_rule(p, w, pdbs, _replica_cost_after(p, w, first_change), idle)
        _hpa_bounds_rule(p, w, index, usage, cluster.version_of(w.hpa) if w.hpa else "")
    return _finish(p.result)


def _in_scope(
    objects: list[dict[str, Any]], namespace: str | None, workload: str | None
) -> list[dict[str, Any]]:
    return [
        o
        for o in objects
        if o.get("kind") in WORKLOAD_KINDS
        and (namespace is None or o["metadata"].get("namespace") == namespace)
        and (workload is None or o["metadata"].get("name") == workload)
    ]


def _container_rows(index: _Index) -> dict[Any, list[int]]:
    """(workload key, container) -> its pods' usage rows, for the workloads with usage."""
    return {
        (key, str(c.get("name", ""))): index.rows[key].get(str(c.get("name", "")), [])
        for key, obj in index.by_ref.items()
        if key in index.rows
        for c in _containers(obj)
    }


def _index(
    usage: Usage,
    by_ref: dict[Key, dict[str, Any]],
    pods: list[dict[str, Any]] | None,
    owner_objects: list[dict[str, Any]] | None,
) -> _Index:
    owners = pod_owners(usage.owners, pods, owner_objects)

    def owner_key(ns: str, pod: str) -> Key | None:
        known = owners.get((ns, pod))
        if known is not None:
            key = (known[0], ns, known[1])
            return key if key in by_ref else None
        return None if owners else owner_of(pod, ns, by_ref)

    rows: dict[Key, dict[str, list[int]]] = {}
    pods_of: dict[Key, set[str]] = {}
    for i, (ns, pod, container) in enumerate(usage.keys):
        owner = owner_key(ns, pod)
        if owner is not None:
            rows.setdefault(owner, {}).setdefault(container, []).append(i)
            pods_of.setdefault(owner, set()).add(pod)
    oom_events, kill_limits = _oom_kills(usage, pods, owner_key)
    return _Index(by_ref, rows, pods_of, _pod_status(usage, pods, owner_key), oom_events, kill_limits)


def _oom_kills(
    usage: Usage, pods: list[dict[str, Any]] | None, owner_key: Callable[[str, str], Key | None]
) -> tuple[dict[Any, set[str]], dict[Any, float]]:
    """The OOM kills per (workload key, container), from kube-state-metrics' reasons and the live pods'
    last states, and the highest memory limit a killed live pod ran with."""
    events: dict[Any, set[str]] = {}
    limits: dict[Any, float] = {}
    for (ns, pod, container), reason in usage.reasons.items():
        owner = owner_key(ns, pod)
        if owner is not None and reason == "OOMKilled":
            events.setdefault((owner, container), set()).add(f"{ns}/{pod}/{container}")
    for p in pods or []:
        meta = p["metadata"]
        owner = owner_key(meta.get("namespace", ""), meta.get("name", ""))
        for cs in (p.get("status") or {}).get("containerStatuses") or []:
            last = (cs.get("lastState") or {}).get("terminated") or {}
            if owner is None or last.get("reason") != "OOMKilled":
                continue
            name = cs.get("name")
            killed_at = _limit_of(p, name)
            if killed_at is not None:
                limits[(owner, name)] = max(killed_at, limits.get((owner, name), 0.0))
            events.setdefault((owner, name), set()).add(
                f"{meta.get('namespace')}/{meta.get('name')}/{name}@{last.get('finishedAt', '')}"
            )
    return events, limits


def _limit_of(pod: dict[str, Any], container: str | None) -> float | None:
    """The memory limit a live pod's container runs with."""
    spec = pod.get("spec") or {}
    for c in (spec.get("containers") or []) + (spec.get("initContainers") or []):
        if c.get("name") == container:
            return quantity.parse(((c.get("resources") or {}).get("limits") or {}).get("memory"))
    return None


def _workload(
    cluster: Cluster, index: _Index, key: Key, hpa: dict[str, Any] | None, prices: Prices
) -> _Workload:
    obj = index.by_ref[key]
    kind, spec = key[0], obj.get("spec") or {}
    replicas = (
        int(spec.get("replicas", 1) or 0)
        if kind in SCALABLE
        else max(1, len(index.pods_of.get(key, ())))
        if kind == "DaemonSet"
        else int(spec.get("parallelism", 1) or 1)
        if kind == "Job"
        else 1
    )
    replica_cost = sum(
        prices.monthly(
            quantity.parse(_requests(c).get("cpu")) or 0, quantity.parse(_requests(c).get("memory")) or 0
        )
        for c in _containers(obj)
    )
    return _Workload(key, obj, cluster.version_of(obj), hpa, replicas, replica_cost)


def _requests(container: dict[str, Any]) -> dict[str, Any]:
    return (container.get("resources") or {}).get("requests") or {}


def _workload_containers(
    p: _Proposals,
    w: _Workload,
    index: _Index,
    profiled: dict[Any, recommend.Profile | None],
    usage: Usage,
    oom_answered: set[str],
) -> bool:
    """Reports and proposals for each long-running container of a workload; True when one is idle."""
    if w.key not in index.rows:
        p.result.without_metrics.append(w.wl)
    idle = False
    for spec in _containers(w.obj):
        c = _container(p, w, spec, index, profiled.get((w.key, str(spec.get("name", "")))), usage)
        if c is not None:
            idle = _container_rules(p, c, index, oom_answered) or idle
    return idle


def _container(
    p: _Proposals,
    w: _Workload,
    spec: dict[str, Any],
    index: _Index,
    prof: recommend.Profile | None,
    usage: Usage,
) -> _Container | None:
    """The container's report (always) and what its rules read (None without usage)."""
    name = str(spec.get("name", ""))
    res = spec.get("resources") or {}
    req, lim = res.get("requests") or {}, res.get("limits") or {}
    cpu_req, mem_req = quantity.parse(req.get("cpu")), quantity.parse(req.get("memory"))
    cost = w.replicas * p.prices.monthly(cpu_req or 0.0, mem_req or 0.0)
    p.result.monthly_cost_usd += cost
    status = index.status.get((w.key, name), (0, ""))
    rec = None
    recent = 1.0
    if prof is not None:
        recent = index.recent.get((w.key, name), 1.0)
        rec = _for_hpa(
            recommend.recommendation(prof, oom_killed=status[1] == "OOMKilled", recent=recent), w.hpa
        )
    p.result.containers.append(_report(w, name, req, lim, prof, rec, cost))
    if prof is None or rec is None:
        return None
    healthy = rec.confidence >= 1.0 and status[0] == 0 and status[1] != "OOMKilled"
    return _Container(
        w,
        name,
        req,
        lim,
        cpu_req,
        mem_req,
        quantity.parse(lim.get("memory")),
        prof,
        rec,
        recent,
        status,
        _figures(prof, rec),
        step_floor(healthy),
        max(rec.memory_limit, prof.memory_max * MEMORY_MARGIN, recommend.MEMORY_FLOOR),
    )


def _report(
    w: _Workload,
    name: str,
    req: dict[str, Any],
    lim: dict[str, Any],
    prof: recommend.Profile | None,
    rec: recommend.Recommendation | None,
    cost: float,
) -> ContainerReport:
    return ContainerReport.model_construct(  # built from typed figures: no validation pass per container
        workload=w.wl,
        kind=w.kind,
        container=name,
        pattern=prof.pattern if prof else "no-metrics",
        cpu_p50=_r(prof.cpu_p50 if prof else None, 4),
        cpu_p95=_r(prof.cpu_p95 if prof else None, 4),
        cpu_p99=_r(prof.cpu_p99 if prof else None, 4),
        cpu_max=_r(prof.cpu_max if prof else None, 4),
        memory_p50_mib=_r(prof.memory_p50 / quantity.MI if prof else None, 1),
        memory_p99_mib=_r(prof.memory_p99 / quantity.MI if prof else None, 1),
        memory_max_mib=_r(prof.memory_max / quantity.MI if prof else None, 1),
        memory_trend_pct_per_day=_r(prof.memory_trend_per_day * 100 if prof else None, 2),
        cpu_request=req.get("cpu") and str(req.get("cpu")),
        cpu_limit=lim.get("cpu") and str(lim.get("cpu")),
        memory_request=req.get("memory") and str(req.get("memory")),
        memory_limit=lim.get("memory") and str(lim.get("memory")),
        replicas=w.replicas,
        monthly_cost_usd=round(cost, 2),
        confidence=rec.confidence if rec else None,
    )


def _figures(prof: recommend.Profile, rec: recommend.Recommendation) -> dict[str, float | str]:
    return {
        "cpu_p95_cores": round(prof.cpu_p95, 4),
        "cpu_p99_cores": round(prof.cpu_p99, 4),
        "memory_p99_mib": round(prof.memory_p99 / quantity.MI, 1),
        "memory_max_mib": round(prof.memory_max / quantity.MI, 1),
        "memory_trend_pct_per_day": round(prof.memory_trend_per_day * 100, 2),
        "history_hours": round(prof.history_hours, 1),
        "confidence": rec.confidence,
        "pattern": prof.pattern,
    }


# -- the opportunity rules, in the order they are tried -------------------------------------------


def _container_rules(p: _Proposals, c: _Container, index: _Index, oom_answered: set[str]) -> bool:
    """Runs the rules for one container; True when it is idle."""
    memory_settled = False  # an OOM answer owns the memory fields this pass
    if c.oom or c.status[0] > 0:
        memory_settled = _restart_rule(p, c, index, oom_answered)
        if not c.oom:
            return False
    hpa_target = _hpa_cpu_target(c.w.hpa) if c.w.hpa is not None else None
    if hpa_target is not None and c.cpu_req is not None:
        p.result.notes.append(_hpa_note(c.w.wl, c.name, str(c.req.get("cpu")), hpa_target, c.rec.cpu_request))
    if memory_settled:
        _cpu_beside_oom_rule(p, c, hpa_target is not None)
        return False
    if c.cpu_req is None or c.mem_req is None or c.mem_lim is None:
        _missing_rule(p, c)
        return False
    under = _under_rule(p, c, hpa_target is not None)
    idle = not under and _idle_rule(p, c)
    _over_rule(p, c, {ch.field for ch in under if ch is not None})
    return idle


def _restart_rule(p: _Proposals, c: _Container, index: _Index, oom_answered: set[str]) -> bool:
    """Restarts and OOM kills; an OOM kill gets one memory-limit bump, tied to the kill. True when the
    memory fields are settled by it this pass."""
    changes: list[Change | None] = []
    events = sorted(index.oom_events.get((c.w.key, c.name), ()))
    fresh = [e for e in events if e not in oom_answered]
    killed_at = index.kill_limits.get((c.w.key, c.name))
    raised_since = killed_at is not None and c.mem_lim is not None and c.mem_lim > killed_at * 1.001
    if raised_since:
        fresh = []  # the limit was raised since the kill (by forge or a person): answered
        events = events or ["raised"]
    evidence = (
        f"{c.status[0]} restart(s) in the window, last reason {c.status[1] or 'unknown'}; memory "
        f"max {c.figures['memory_max_mib']} MiB against a limit of {c.lim.get('memory', 'none')}."
    )
    settled = False
    if c.oom and (fresh or not events):
        target = max(c.safe_mem_limit, (c.mem_lim or 0) * 1.2)
        ch = p.propose(c, "memory_limit", c.mem_lim, target)
        if ch is not None:
            ch.oom_events = fresh
        changes.append(ch)
        settled = True
    elif c.oom:
        evidence += (
            f" The limit was already raised after these kills (from {quantity.memory_text(killed_at or 0)}); "
            "no further bump until a new one."
            if killed_at and c.mem_lim and c.mem_lim > killed_at * 1.001
            else " forge already raised the limit for these kills; no further bump until a new one."
        )
        settled = True
    p.opportunity(c, "oom_killed" if c.oom else "crash_looping", "high", evidence, changes)
    return settled


def _cpu_beside_oom_rule(p: _Proposals, c: _Container, cpu_by_hpa: bool) -> None:
    """The OOM answer does not stop CPU right-sizing (a CPU-targeted HPA's request is only cut)."""
    if c.cpu_req is None:
        return
    cpu_change = None
    if not cpu_by_hpa and c.prof.cpu_p95 * c.recent > c.cpu_req and c.rec.cpu_request >= c.cpu_req * RAISE:
        cpu_change = p.propose(c, "cpu_request", c.cpu_req, c.rec.cpu_request)
    elif c.rec.cpu_request < c.cpu_req * SIGNIFICANT:
        target = max(c.rec.cpu_request, c.cpu_req * c.floor, recommend.CPU_FLOOR)
        cpu_change = p.propose(c, "cpu_request", c.cpu_req, target)
        if cpu_change is not None and c.rec.cpu_request < c.cpu_req * c.floor:
            p.result.cut_short += 1
            c.figures["cut_short_of"] = (
                f"CPU to {quantity.cpu_text(max(c.rec.cpu_request, recommend.CPU_FLOOR))}"
            )
    if cpu_change is not None:
        p.opportunity(
            c,
            "under_provisioned" if c.prof.cpu_p95 > c.cpu_req else "over_provisioned",
            "medium",
            f"CPU request {c.req.get('cpu')} vs p95 {c.figures['cpu_p95_cores']} cores (right-sized "
            "alongside the OOM answer).",
            [cpu_change],
        )


def _missing_rule(p: _Proposals, c: _Container) -> None:
    """Requests or a memory limit not set: propose them from the measured use."""
    changes = []
    if c.cpu_req is None:
        changes.append(p.propose(c, "cpu_request", None, c.rec.cpu_request))
    if c.mem_req is None:
        changes.append(p.propose(c, "memory_request", None, c.rec.memory_request))
    if c.mem_lim is None:
        changes.append(p.propose(c, "memory_limit", None, c.safe_mem_limit))
    p.opportunity(
        c,
        "missing_requests_or_limits",
        "medium",
        f"Container has no {'CPU request ' if c.cpu_req is None else ''}"
        f"{'memory request ' if c.mem_req is None else ''}{'memory limit' if c.mem_lim is None else ''}"
        f"; measured p95 CPU {c.figures['cpu_p95_cores']} cores, max memory "
        f"{c.figures['memory_max_mib']} MiB.",
        changes,
    )


def _under_rule(p: _Proposals, c: _Container, cpu_by_hpa: bool) -> list[Change | None]:
    """Raises: CPU below recent p95 (not under a CPU-targeted HPA), memory request below median use
    (eviction exposure), memory limit within 10% of the maximum (OOM risk). What it proposed (None
    where a raise was due but not proposed, e.g. rolled back before)."""
    cpu_req, mem_req, mem_lim = c.cpu_req or 0.0, c.mem_req or 0.0, c.mem_lim or 0.0  # all set here
    under = []
    if c.prof.cpu_p95 * c.recent > cpu_req and not cpu_by_hpa and c.rec.cpu_request >= cpu_req * RAISE:
        under.append(p.propose(c, "cpu_request", cpu_req, c.rec.cpu_request))
    if c.prof.memory_p50 > mem_req:  # below median use: the pod is an early eviction candidate
        target = min(max(c.rec.memory_request, c.prof.memory_p50 * 1.1), max(mem_lim, c.safe_mem_limit))
        under.append(p.propose(c, "memory_request", mem_req, target))
    if c.prof.memory_max > 0.9 * mem_lim:
        under.append(p.propose(c, "memory_limit", mem_lim, c.safe_mem_limit))
    if under:
        p.opportunity(
            c,
            "under_provisioned",
            "high",
            f"p95 CPU {c.figures['cpu_p95_cores']} cores vs request {c.req.get('cpu')} (throttling "
            f"risk); max memory {c.figures['memory_max_mib']} MiB vs limit {c.lim.get('memory')} "
            "(OOM risk).",
            under,
        )
    return under


def _idle_rule(p: _Proposals, c: _Container) -> bool:
    """An idle container: say so, and scale a Deployment or Rollout without an HPA to one replica
    (never a StatefulSet's). True when idle."""
    if c.prof.pattern != "idle":
        return False
    w = c.w
    changes = []
    if w.replicas > 1 and w.hpa is None and w.kind in ("Deployment", "Rollout"):
        changes.append(p.propose(c, "replicas", w.replicas, 1))
    p.opportunity(
        c,
        "idle",
        "low",
        f"p95 CPU {c.figures['cpu_p95_cores']} cores over "
        f"{c.figures['history_hours']} h: the workload is idle. Consider scaling it to zero "
        "or removing it.",
        changes,
    )
    return True


def _over_rule(p: _Proposals, c: _Container, raised: set[str]) -> None:
    """Cuts of requests above the recommendation, at most to the per-step floor (said so when held
    back); a raise of one resource does not hold back the other's cut."""
    cpu_req, mem_req, mem_lim = c.cpu_req or 0.0, c.mem_req or 0.0, c.mem_lim or 0.0  # all set here
    over: list[Change | None] = []
    short = []
    cpu_target = max(c.rec.cpu_request, cpu_req * c.floor, recommend.CPU_FLOOR)
    if cpu_target < cpu_req * SIGNIFICANT and "cpu_request" not in raised:
        over.append(p.propose(c, "cpu_request", cpu_req, cpu_target))
        if c.rec.cpu_request < cpu_req * c.floor:
            short.append(f"CPU to {quantity.cpu_text(max(c.rec.cpu_request, recommend.CPU_FLOOR))}")
    mem_target = max(c.rec.memory_request, mem_req * c.floor, recommend.MEMORY_FLOOR)
    if mem_target < mem_req * SIGNIFICANT and "memory_request" not in raised:
        over.append(p.propose(c, "memory_request", mem_req, mem_target))
        if c.rec.memory_request < mem_req * c.floor:
            short.append(
                f"memory to {quantity.memory_text(max(c.rec.memory_request, recommend.MEMORY_FLOOR))}"
            )
    if short and any(over):
        p.result.cut_short += 1
        c.figures["cut_short_of"] = ", ".join(short)
        if (
            mem_lim > c.safe_mem_limit * 1.5
            and mem_lim * MIN_CUT <= c.safe_mem_limit
            and "memory_limit" not in raised
        ):
            over.append(p.propose(c, "memory_limit", mem_lim, c.safe_mem_limit))
    if any(over):
        p.opportunity(
            c,
            "over_provisioned",
            "medium" if sum(ch.monthly_savings_usd for ch in over if ch) > 5 else "low",
            f"Requests {c.req.get('cpu')} CPU / {c.req.get('memory')} memory, but p95 CPU "
            f"is {c.figures['cpu_p95_cores']} cores and p99 memory {c.figures['memory_p99_mib']} MiB "
            f"({c.prof.pattern}, {c.figures['history_hours']} h, confidence {c.rec.confidence}).",
            over,
        )


def _replica_cost_after(p: _Proposals, w: _Workload, first_change: int) -> float:
    """What one more replica costs once this proposal's request changes are made (net savings)."""
    after = {
        (ch.container, ch.field): quantity.parse(ch.proposed)
        for ch in p.result.changes[first_change:]
        if ch.object == f"{w.kind}/{w.wl}" and ch.field.endswith("_request")
    }
    return sum(
        p.prices.monthly(
            after.get((c.get("name"), "cpu_request")) or quantity.parse(_requests(c).get("cpu")) or 0,
            after.get((c.get("name"), "memory_request")) or quantity.parse(_requests(c).get("memory")) or 0,
        )
        for c in _containers(w.obj)
    )


def _finish(result: AnalysisResult) -> AnalysisResult:
    result.monthly_cost_usd = round(result.monthly_cost_usd, 2)
    if result.cut_short:
        result.notes.append(
            f"{result.cut_short} cut(s) were held back by the per-step floor (a safety rule: one step "
            "keeps at least half a request, or a fifth for a container with a week of history and no "
            "restarts); their opportunities' figures (cut_short_of) say how far the usage would take "
            "them: analyze again after these run and forge proposes the rest."
        )
    extra = [c for c in result.changes if c.category == AVAILABILITY]
    if extra:
        result.notes.insert(
            0,
            f"{len(extra)} single-replica workload(s) without a PodDisruptionBudget: a second replica each "
            f"would cost ${-sum(c.monthly_savings_usd for c in extra):,.2f} a month. These availability "
            "changes are not in the default plan or its savings; apply them with optimize's "
            "include=['availability'] (or by change id).",
        )
    return result


def step_floor(healthy: bool) -> float:
    """The smallest share of a request one cut may leave. A container with a full week of history
    (confidence 1) and no restart or OOM kill in the window may be cut further in one step
    (`HDR_FORGE_HEALTHY_MIN_KEPT`, default 0.2: at most 80% off); any other keeps at least half, and
    the analysis says when a cut was held back and converges over passes."""
    if not healthy:
        return MIN_CUT
    try:
        value = float(os.environ.get("HDR_FORGE_HEALTHY_MIN_KEPT", HEALTHY_MIN_CUT))
    except ValueError:
        return HEALTHY_MIN_CUT
    return min(MIN_CUT, max(0.05, value)) if math.isfinite(value) else HEALTHY_MIN_CUT


def _single_replica_rule(
    p: _Proposals, w: _Workload, pdbs: _PDBIndex, replica_cost: float, idle: bool
) -> None:
    """One replica and no PodDisruptionBudget: an availability finding, priced at what the second replica
    costs per month after this proposal's request changes (net). Its change is not in optimize's default
    plan: the caller opts in (`include=["availability"]`, or names its id). Not for an idle workload: the
    idle rule may have just scaled it to one (no flip-flop between passes)."""
    kind, ns, _ = w.key
    labels = (((w.obj.get("spec") or {}).get("template") or {}).get("metadata") or {}).get("labels") or {}
    if kind not in SCALABLE or w.hpa is not None or w.replicas != 1 or idle or pdbs.covers(ns, labels):
        return
    cost = round(replica_cost, 2)
    p.workload_change(
        Change(
            "",
            f"{kind}/{w.wl}",
            None,
            "replicas",
            "1",
            "2",
            w.version,
            -cost,
            24 * 365,
            category=AVAILABILITY,
        ),
        "single_replica_without_pdb",
        "medium",
        "One replica and no PodDisruptionBudget: a node drain or crash takes the service down. Running 2 "
        f"replicas (and a PodDisruptionBudget with maxUnavailable: 1) costs ${cost:,.2f} a month more. An "
        "availability finding, not right-sizing: optimize applies it only when asked "
        "(include=['availability'] or its change id).",
        {"replicas": 1, "second_replica_monthly_usd": cost},
    )


def _hpa_bounds_rule(p: _Proposals, w: _Workload, index: _Index, usage: Usage, hpa_version: str) -> None:
    """An HPA at its maxReplicas while the pods' p95 utilisation is above its target: raise the ceiling."""
    if w.hpa is None or w.key not in index.rows:
        return
    max_replicas = int((w.hpa.get("spec") or {}).get("maxReplicas") or 0)
    target = _hpa_cpu_target(w.hpa)
    app = next(iter(_containers(w.obj)), {})
    cpu_req = quantity.parse(_requests(app).get("cpu"))
    idx = index.rows[w.key].get(str(app.get("name", "")), [])
    if not idx or not target or not cpu_req or not max_replicas:
        return
    pods_seen = len({usage.keys[i][1] for i in idx})
    utilisation = _p95_utilisation(usage, idx, cpu_req)
    if utilisation is None or not (pods_seen >= max_replicas and utilisation > target):
        return
    proposed = max_replicas + max(1, math.ceil(max_replicas * 0.5))
    p.workload_change(
        Change(
            "",
            f"HorizontalPodAutoscaler/{w.wl}",
            None,
            "max_replicas",
            str(max_replicas),
            str(proposed),
            hpa_version,
            0.0,
            24 * 365,
        ),
        "hpa_bounds_cap_load",
        "high",
        f"{pods_seen} pods at the HPA's maxReplicas {max_replicas} while p95 CPU utilisation is "
        f"{utilisation:.0f}% of request against a {target}% target: the ceiling caps observed load.",
        {"max_replicas": max_replicas, "p95_utilisation_pct": round(utilisation, 1), "target_pct": target},
    )


def _p95_utilisation(usage: Usage, idx: list[int], cpu_req: float) -> float | None:
    """The pods' p95 CPU use in % of the request; None without samples."""
    if usage.summary is not None:  # statistics from Prometheus: the pods' p95, weighted by their samples
        p95, weight = usage.summary.cpu[idx, 1], usage.summary.memory_samples[idx]
        ok = np.isfinite(p95)
        if not ok.any():
            return None
        w = np.maximum(weight[ok], 1)
        return float((p95[ok] * w).sum() / w.sum()) / cpu_req * 100
    per_pod = recommend.pod_mean(usage.cpu[idx])
    per_pod = per_pod[np.isfinite(per_pod)]
    if per_pod.size == 0:
        return None
    return float(np.percentile(per_pod, 95)) / cpu_req * 100


def _recencies(
    usage: Usage, wanted: dict[Any, list[int]], batch: bool, bursty: set[Any] | None = None
) -> dict[Any, float]:
    """`recommend.recency` of each container's hourly CPU (its pods' rows of `usage`; the containers in
    `bursty` also by their medians). Batched: the hourly means of all rows at once, and containers with
    the same number of pods together (`recencies`): one call per container cost ~0.2 ms of numpy
    overhead, a quarter of a 1,000-workload analysis."""
    bursty = bursty or set()
    if not batch:
        return {c: recommend.recency(_hourly_cpu(usage, idx), c in bursty) for c, idx in wanted.items()}
    rows = sorted({i for idx in wanted.values() for i in idx})
    if not rows:
        return dict.fromkeys(wanted, 1.0)
    hourly = np.concatenate([_hourly_cpu(usage, rows[i : i + 512]) for i in range(0, len(rows), 512)])
    at = {row: n for n, row in enumerate(rows)}
    by_pods: dict[int, list[Any]] = {}
    for c, idx in wanted.items():
        by_pods.setdefault(len(idx), []).append(c)
    out: dict[Any, float] = {}
    for pods, names in by_pods.items():
        if pods == 0:
            out.update(dict.fromkeys(names, 1.0))
            continue
        stacked = hourly[np.array([[at[i] for i in wanted[c]] for c in names])]  # (containers, pods, hours)
        flags = np.array([c in bursty for c in names])
        out.update(
            zip(names, recommend.recencies(recommend._pod_means(stacked), flags).tolist(), strict=True)
        )
    return out


def _hourly_cpu(usage: Usage, idx: list[int]) -> np.ndarray:
    """(pods, hours) mean CPU per hour of these rows, the hours ending at the window's end."""
    if not idx:
        return np.empty((0, 0))
    if usage.summary is not None:
        return usage.summary.hourly_cpu[np.asarray(idx)]
    cpu = usage.cpu[np.asarray(idx)]
    hours = cpu.shape[1] // recommend.HOUR_STEPS
    tail = cpu[:, cpu.shape[1] - hours * recommend.HOUR_STEPS :].reshape(
        len(idx), hours, recommend.HOUR_STEPS
    )
    finite = np.isfinite(tail)
    count = finite.sum(axis=2)
    return np.where(count > 0, np.where(finite, tail, 0.0).sum(axis=2) / np.maximum(count, 1), np.nan)


def _for_hpa(rec: recommend.Recommendation, hpa: dict[str, Any] | None) -> recommend.Recommendation:
    """The recommendation for a container whose HPA scales on CPU utilisation: the CPU request at which
    its pods' p95 use sits at the HPA's target (p95 / target), so the HPA keeps the replicas it runs now
    except at the peaks it exists for. analyze proposes it only as a cut: a raise would slow scaling."""
    target = _hpa_cpu_target(hpa) if hpa is not None else None
    if not target:
        return rec
    return replace(rec, cpu_request=rec.cpu_request * 100.0 / target)


def _hpa_note(wl: str, container: str, request: str, target: int, recommended: float) -> str:
    return (
        f"{wl} {container}: its HPA scales on CPU utilisation ({target}% target), so the CPU request is "
        f"sized for that target (p95 use / {target}%: {quantity.cpu_text(recommended)}) and only cut, "
        f"never raised, from {request}: the HPA then scales as before, except at the peaks."
    )


def _hpa_cpu_target(hpa: dict[str, Any]) -> int | None:
    """The CPU utilisation target (% of request) an HPA scales on, None when it does not use one."""
    for m in (hpa.get("spec") or {}).get("metrics") or []:
        target = (
            ((m.get("resource") or {}).get("target") or {})
            if (m.get("resource") or {}).get("name") == "cpu"
            else {}
        )
        if target.get("averageUtilization") is not None:
            return int(target["averageUtilization"])
    return None


def _profiles(usage: Usage, wanted: dict[Any, list[int]], batch: bool) -> dict[Any, recommend.Profile | None]:
    """The usage profile of each container (its pods' rows of `usage` pooled). Batched: containers with
    the same number of pods are profiled together as one (containers, pods, steps) array."""
    if usage.summary is not None:
        summary = usage.summary
        return {c: recommend.summary_profile(summary, idx) if idx else None for c, idx in wanted.items()}
    if not batch:
        return {
            c: recommend.profile(usage.cpu[idx], usage.memory[idx]) if idx else None
            for c, idx in wanted.items()
        }
    by_pods: dict[int, list[Any]] = {}
    for c, idx in wanted.items():
        if idx:
            by_pods.setdefault(len(idx), []).append(c)
    out: dict[Any, recommend.Profile | None] = {}
    for names in by_pods.values():
        index = np.array([wanted[c] for c in names])
        out.update(zip(names, recommend.profiles(usage.cpu[index], usage.memory[index]), strict=True))
    return out


def _pod_status(
    usage: Usage, pods: list[dict[str, Any]] | None, owner_key: Callable[[str, str], Any]
) -> dict[Any, tuple[int, str]]:
    """(restarts, last termination reason) per (workload key, container), from kube-state-metrics
    series and, on a live cluster, from the pods' status."""
    out: dict[Any, tuple[int, str]] = {}
    for (ns, pod, container), count in usage.restarts.items():
        owner = owner_key(ns, pod)
        if owner:
            prev = out.get((owner, container), (0, ""))
            out[(owner, container)] = (prev[0] + count, usage.reasons.get((ns, pod, container), prev[1]))
    for (ns, pod, container), reason in usage.reasons.items():
        owner = owner_key(ns, pod)
        if owner and (owner, container) not in out:
            out[(owner, container)] = (0, reason)
    for p in pods or []:
        owner = owner_key(p["metadata"].get("namespace", ""), p["metadata"].get("name", ""))
        for cs in (p.get("status") or {}).get("containerStatuses") or []:
            waiting = ((cs.get("state") or {}).get("waiting") or {}).get("reason", "")
            last = (((cs.get("lastState") or {}).get("terminated") or {}).get("reason")) or ""
            count = int(cs.get("restartCount") or 0)
            if owner and (count or waiting == "CrashLoopBackOff"):
                prev = out.get((owner, cs.get("name")), (0, ""))
                out[(owner, cs.get("name"))] = (max(prev[0], count), last or waiting or prev[1])
    return out


def _r(value: float | None, digits: int) -> float | None:
    return None if value is None else round(float(value), digits)


def _text(field_name: str, value: float | None) -> str | None:
    if value is None:
        return None
    if field_name in ("replicas", "max_replicas"):
        return str(int(value))
    return quantity.cpu_text(value) if field_name.startswith("cpu") else quantity.memory_text(value)


def now() -> float:
    return time.time()
