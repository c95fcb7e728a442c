"""forge over three consecutive analyze + optimize passes, against robusta KRR's `simple` strategy and a
VPA-like decayed-histogram recommender, on a cluster this script generates itself (independent of the
sample cluster): diurnal, weekly, bursty, steady, step changes, leaking and sawtooth memory, spiky
OOM-prone memory, idle workloads; HPAs scaling on CPU; rollouts that give pods new names mid-history;
native sidecars. 21 days of 5-minute usage: every recommender is fit on days 1-14 and scored on the
7 held-out days 15-21.

forge runs its real pipeline: `Forge.analyze` on the manifests (a ManifestCluster in a temporary
directory) and the fit usage (served through the MetricsSource interface, with kube-state-metrics'
restarts, OOM reasons and owner series), then `Forge.optimize` applies every change (one by one when
the safety rules refuse a batch), three times over the same fit data. KRR and the VPA-like
recommender are applied once (on the same data they give the same answer again).

Scored on the held-out week, per recommender: monthly cost of the requests (OpenCost default prices),
share of pod-container 5-minute intervals with CPU above the request, OOM events (a container's
memory rising above its limit; consecutive intervals are one event); for forge also: memory limits
bumped more than once for one kill, and changes that reverse the previous pass.

    .venv/bin/python bench/forge_passes.py [--workloads 232] [--seed 5]
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from servers.forge import quantity  # noqa: E402
from servers.forge.analysis import Prices, default_plan  # noqa: E402
from servers.forge.usage import Usage  # noqa: E402

STEP = 300
DAY = 86400 // STEP
DAYS, FIT_DAYS = 21, 14
MI = 2**20
PATTERNS = ("diurnal", "weekly", "bursty", "steady", "step", "leaking", "sawtooth", "spiky", "idle")


@dataclass
class Box:
    name: str
    cpu: np.ndarray  # (pods, steps) cores
    memory: np.ndarray  # (pods, steps) bytes
    cpu_request: float
    memory_request: float
    memory_limit: float
    sidecar: bool = False


@dataclass
class Workload:
    kind: str
    namespace: str
    name: str
    replicas: int
    pattern: str
    boxes: list[Box]
    pods: list[str]  # one name per pod row
    pod_owner: list[tuple[str, str]]  # (owner kind, owner name) per pod row
    alive: np.ndarray  # (pods, steps) bool: the pod existed
    hpa: bool = False
    kills: dict[tuple[str, str], int] = field(default_factory=dict)  # (pod, container) -> kills in the fit


def _suffix(rng: np.random.Generator, n: int) -> str:
    return "".join(rng.choice(list("bcdfghjklmnpqrstvwxz2456789"), n))


def _series(rng: np.random.Generator, pattern: str, steps: int, pods: int) -> tuple[np.ndarray, np.ndarray]:
    t = np.arange(steps)
    day = (t % DAY) / DAY
    weekday = (t // DAY) % 7 < 5
    base = float(rng.lognormal(np.log(0.2), 0.8))
    mem = float(rng.lognormal(np.log(250 * MI), 0.6))
    cpu = np.empty((pods, steps))
    memory = np.empty((pods, steps))
    for p in range(pods):
        noise = rng.normal(1, 0.08, steps).clip(0.6, 1.5)
        if pattern == "idle":
            c = np.full(steps, 0.001) * noise
        elif pattern in ("diurnal", "weekly"):
            c = base * (1 + 0.7 * np.sin(2 * np.pi * (day - 0.3))).clip(0.15) * noise
            if pattern == "weekly":
                c = np.where(weekday, c, c * 0.35)
        elif pattern == "bursty":
            c = base * 0.3 * noise
            for start in rng.integers(0, steps - 12, int(steps / DAY * 3)):
                c[start : start + int(rng.integers(3, 12))] *= rng.uniform(3, 9)
        elif pattern == "step":
            at = int(rng.integers(9 * DAY, 13 * DAY))
            c = np.where(t < at, base, base * rng.uniform(2, 3)) * noise
        else:
            c = base * noise
        m = mem * rng.normal(1, 0.03, steps).clip(0.9, 1.1)
        if pattern == "leaking":
            m *= 1 + 0.03 * t / DAY
        elif pattern == "sawtooth":
            m *= 1 + 0.5 * ((t % (2 * DAY)) / (2 * DAY))
        elif pattern == "spiky":
            for start in rng.integers(0, steps - 6, int(steps / DAY * 0.6)):
                m[start : start + int(rng.integers(1, 4))] *= rng.uniform(1.4, 2.0)
        cpu[p], memory[p] = c, m
    return cpu, memory


def generate(n: int, seed: int) -> list[Workload]:
    rng = np.random.default_rng(seed)
    steps = DAYS * DAY
    out = []
    for i in range(n):
        pattern = PATTERNS[i % len(PATTERNS)]
        kind = "StatefulSet" if i % 11 == 3 else "DaemonSet" if i % 17 == 5 else "Deployment"
        ns, name = f"team-{i % 8}", f"{pattern}-{i}"
        replicas = 2 if kind == "DaemonSet" else int(rng.choice([1, 2, 3], p=[0.4, 0.4, 0.2]))
        hpa = kind == "Deployment" and pattern in ("diurnal", "weekly") and i % 3 == 0
        rollout = kind == "Deployment" and i % 5 == 1  # new pod names from day 10
        rows = replicas * (2 if rollout else 1)
        boxes = []
        for b, box in enumerate(["app", "proxy"] if i % 5 == 2 else ["app"]):
            cpu, memory = _series(rng, pattern if b == 0 else "steady", steps, replicas)
            if b:
                cpu, memory = cpu * 0.1, memory * 0.3
            if rollout:
                cpu, memory = np.concatenate([cpu, cpu]), np.concatenate([memory, memory])
            p95 = float(np.percentile(cpu[:, : FIT_DAYS * DAY], 95))
            mmax = float(memory[:, : FIT_DAYS * DAY].max())
            cpu_req = max(0.01, p95 * float(rng.choice([0.7, 1.5, 2.5, 4.0], p=[0.15, 0.35, 0.3, 0.2])))
            mem_req = mmax * float(rng.choice([0.8, 1.2, 2.0, 3.0], p=[0.15, 0.35, 0.3, 0.2]))
            mem_lim = max(
                mem_req, mmax * (0.95 if pattern == "spiky" else float(rng.choice([1.1, 1.5, 2.5])))
            )
            boxes.append(
                Box(box, cpu, memory, _round_cpu(cpu_req), _round_mem(mem_req), _round_mem(mem_lim), b == 1)
            )
        alive = np.ones((rows, steps), dtype=bool)
        if kind == "Deployment":
            old_rs, new_rs = f"{name}-{_suffix(rng, 9)}", f"{name}-{_suffix(rng, 9)}"
            pods = [f"{old_rs}-{_suffix(rng, 5)}" for _ in range(replicas)]
            owners = [("ReplicaSet", old_rs)] * replicas
            if rollout:
                pods += [f"{new_rs}-{_suffix(rng, 5)}" for _ in range(replicas)]
                owners += [("ReplicaSet", new_rs)] * replicas
                alive[:replicas, 10 * DAY :] = False
                alive[replicas:, : 10 * DAY] = False
        elif kind == "StatefulSet":
            pods, owners = [f"{name}-{k}" for k in range(rows)], [("StatefulSet", name)] * rows
        else:
            pods, owners = [f"{name}-{_suffix(rng, 5)}" for _ in range(rows)], [("DaemonSet", name)] * rows
        out.append(Workload(kind, ns, name, replicas, pattern, boxes, pods, owners, alive, hpa))
    return out


def _round_cpu(cores: float) -> float:
    return max(0.01, round(cores * 1000) / 1000)


def _round_mem(b: float) -> float:
    return max(64 * MI, float(np.ceil(b / MI)) * MI)


# -- the cluster as forge sees it ---------------------------------------------------------------------


def manifests(root: Path, workloads: list[Workload]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for w in workloads:
        containers, init = [], []
        for b in w.boxes:
            spec = {
                "name": b.name,
                "image": f"example/{b.name}:1",
                "resources": {
                    "requests": {
                        "cpu": quantity.cpu_text(b.cpu_request),
                        "memory": quantity.memory_text(b.memory_request),
                    },
                    "limits": {"memory": quantity.memory_text(b.memory_limit)},
                },
            }
            if b.sidecar:
                init.append({**spec, "restartPolicy": "Always"})
            else:
                containers.append(spec)
        pod: dict[str, Any] = {"containers": containers}
        if init:
            pod["initContainers"] = init
        obj: dict[str, Any] = {
            "apiVersion": "apps/v1",
            "kind": w.kind,
            "metadata": {"name": w.name, "namespace": w.namespace},
            "spec": {
                "selector": {"matchLabels": {"app": w.name}},
                "template": {"metadata": {"labels": {"app": w.name}}, "spec": pod},
            },
        }
        if w.kind != "DaemonSet":
            obj["spec"]["replicas"] = w.replicas
        docs = [obj]
        if w.hpa:
            docs.append(
                {
                    "apiVersion": "autoscaling/v2",
                    "kind": "HorizontalPodAutoscaler",
                    "metadata": {"name": w.name, "namespace": w.namespace},
                    "spec": {
                        "scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": w.name},
                        "minReplicas": w.replicas,
                        "maxReplicas": w.replicas * 4,
                        "metrics": [
                            {
                                "type": "Resource",
                                "resource": {
                                    "name": "cpu",
                                    "target": {"type": "Utilization", "averageUtilization": 70},
                                },
                            }
                        ],
                    },
                }
            )
        (root / f"{w.namespace}-{w.name}.yaml").write_text(yaml.safe_dump_all(docs, sort_keys=False))


class FitUsage:
    """The fit days as forge's MetricsSource sees them: cAdvisor usage, clipped at each container's limit
    (a killed container's usage stops there), with kube-state-metrics' restarts, OOM reasons and owners."""

    source = "generated:fit-days"

    def __init__(self, workloads: list[Workload], end: float) -> None:
        fit = FIT_DAYS * DAY
        self.end = end
        self.timestamps = end - STEP * np.arange(fit - 1, -1, -1, dtype=np.float64)
        keys, cpu, memory = [], [], []
        restarts, reasons, owners = {}, {}, {}
        for w in workloads:
            for p, pod in enumerate(w.pods):
                kind, owner = w.pod_owner[p]
                owners[(w.namespace, pod)] = ("Deployment", w.name) if kind == "ReplicaSet" else (kind, owner)
                for b in w.boxes:
                    alive = w.alive[p, :fit]
                    m = b.memory[p, :fit].copy()
                    over = (m > b.memory_limit) & alive
                    kills = int((over[1:] & ~over[:-1]).sum() + over[0])
                    m = np.minimum(m, b.memory_limit)
                    keys.append((w.namespace, pod, b.name))
                    cpu.append(np.where(alive, b.cpu[p, :fit], np.nan))
                    memory.append(np.where(alive, m, np.nan))
                    if kills:
                        restarts[keys[-1]] = kills
                        reasons[keys[-1]] = "OOMKilled"
                        w.kills[(pod, b.name)] = kills
        self.data = Usage(
            keys, self.timestamps, np.array(cpu), np.array(memory), restarts, reasons, owners=owners
        )

    def latest(self) -> float:
        return self.end

    def usage(self, start: float, end: float, namespace: str | None = None) -> Usage:
        return self.data


# -- recommenders -------------------------------------------------------------------------------------

Settings = dict[
    tuple[str, str], tuple[float, float, float, int]
]  # (workload, container) -> cpu, mem req, limit, replicas


def krr(workloads: list[Workload], allow_hpa: bool = False) -> Settings:
    """robusta KRR's `simple` strategy as its source has it (robusta_krr/strategies/simple.py and the
    PercentileCPULoader query): CPU request = the largest of the pods' own p95s (quantile_over_time per pod,
    then the max over pods), memory request = limit = the pods' max x 1.15. By default (allow_hpa False) a
    workload whose HPA targets CPU utilisation gets no CPU recommendation ("?"): its request stays."""
    out = {}
    fit = FIT_DAYS * DAY
    for w in workloads:
        for b in w.boxes:
            _, m = _fit(w, b)
            per_pod = [np.percentile(b.cpu[p, :fit][w.alive[p, :fit]], 95) for p in range(len(w.pods))]
            cpu = b.cpu_request if w.hpa and not allow_hpa else max(0.01, float(max(per_pod)))
            mem = float(m.max()) * 1.15
            out[(f"{w.namespace}/{w.name}", b.name)] = (cpu, mem, mem, w.replicas)
    return out


def vpa(workloads: list[Workload], half_life_h: float = 24.0) -> Settings:
    """VPA's recommender in miniature: samples weighted by 2^(age / half-life); CPU target = weighted p90,
    memory target = weighted p90 of the daily peaks, each +15%; the limit keeps its ratio to the request
    (VPA's default RequestsAndLimits)."""
    out = {}
    fit = FIT_DAYS * DAY
    age_h = (fit - 1 - np.arange(fit)) * STEP / 3600
    weight = 0.5 ** (age_h / half_life_h)
    for w in workloads:
        for b in w.boxes:
            rows = w.alive[:, :fit]
            c = np.where(rows, b.cpu[:, :fit], np.nan)
            m = np.where(rows, np.minimum(b.memory[:, :fit], b.memory_limit), np.nan)
            cpu = _weighted_pct(c, np.broadcast_to(weight, c.shape), 90) * 1.15
            peaks = np.nanmax(m.reshape(m.shape[0], FIT_DAYS, DAY), axis=(0, 2))
            day_w = 0.5 ** ((FIT_DAYS - 1 - np.arange(FIT_DAYS)) * 24 / half_life_h)
            mem = _weighted_pct(peaks[None, :], day_w[None, :], 90) * 1.15
            ratio = b.memory_limit / b.memory_request
            out[(f"{w.namespace}/{w.name}", b.name)] = (
                max(0.01, cpu),
                max(64 * MI, mem),
                max(64 * MI, mem) * ratio,
                w.replicas,
            )
    return out


def _weighted_pct(values: np.ndarray, weights: np.ndarray, pct: float) -> float:
    v, wt = values.ravel(), weights.ravel()
    ok = np.isfinite(v)
    v, wt = v[ok], wt[ok]
    order = np.argsort(v)
    cum = np.cumsum(wt[order])
    return float(v[order][np.searchsorted(cum, pct / 100 * cum[-1])])


def _fit(w: Workload, b: Box) -> tuple[np.ndarray, np.ndarray]:
    fit = FIT_DAYS * DAY
    rows = w.alive[:, :fit]
    c = b.cpu[:, :fit][rows]
    m = np.minimum(b.memory[:, :fit], b.memory_limit)[rows]
    return c, m


def current(workloads: list[Workload]) -> Settings:
    return {
        (f"{w.namespace}/{w.name}", b.name): (b.cpu_request, b.memory_request, b.memory_limit, w.replicas)
        for w in workloads
        for b in w.boxes
    }


def from_manifests(root: Path) -> Settings:
    from shared.cluster import ManifestCluster

    out = {}
    for o in ManifestCluster(root).list_objects(("Deployment", "StatefulSet", "DaemonSet")):
        pod = o["spec"]["template"]["spec"]
        for c in list(pod.get("containers") or []) + list(pod.get("initContainers") or []):
            res = c.get("resources") or {}
            out[(f"{o['metadata']['namespace']}/{o['metadata']['name']}", c["name"])] = (
                quantity.parse(res["requests"]["cpu"]),
                quantity.parse(res["requests"]["memory"]),
                quantity.parse(res["limits"]["memory"]),
                int(o["spec"].get("replicas", 2)),
            )
    return out


HPA_TARGET = 0.70  # the generated HPAs' CPU averageUtilization


def hpa_replicas(w: Workload, settings: Settings, test: slice) -> np.ndarray:
    """The replicas a CPU-targeted HPA runs per test step under these requests: the pods' CPU use over
    (pod CPU request x target), rounded up, between minReplicas and maxReplicas (the HPA's steady state;
    no tolerance band or stabilisation window). A workload without an HPA keeps its replicas."""
    if not w.hpa:
        return np.full(
            DAY * (DAYS - FIT_DAYS), float(settings[(f"{w.namespace}/{w.name}", w.boxes[0].name)][3])
        )
    request = sum(settings[(f"{w.namespace}/{w.name}", b.name)][0] for b in w.boxes)
    rows = w.alive[:, test]
    use = sum(np.where(rows, b.cpu[:, test], 0.0).sum(axis=0) for b in w.boxes)
    return np.clip(np.ceil(use / (request * HPA_TARGET) - 1e-9), w.replicas, 4 * w.replicas)


def score(
    workloads: list[Workload], settings: Settings, prices: Prices, hpa_scaling: bool = False
) -> dict[str, float]:
    """Cost, CPU-above-request share and OOM events over the test days. With `hpa_scaling` the CPU-targeted
    HPAs scale (`hpa_replicas`): cost follows the replicas they run, and the load spreads over them."""
    test = slice(FIT_DAYS * DAY, DAYS * DAY)
    cost = 0.0
    above = intervals = 0.0
    ooms = 0
    for w in workloads:
        n = hpa_replicas(w, settings, test) if hpa_scaling else None
        for b in w.boxes:
            cpu_req, mem_req, mem_lim, replicas = settings[(f"{w.namespace}/{w.name}", b.name)]
            rows = w.alive[:, test]
            c, m = b.cpu[:, test], b.memory[:, test]
            share = np.ones(c.shape[1]) if n is None else n / replicas  # pods running per generated pod
            cost += prices.monthly(cpu_req, mem_req) * replicas * float(share.mean())
            above += float((((c / share) > cpu_req) & rows).sum(axis=0) @ share)
            intervals += float(rows.sum(axis=0) @ share)
            over = (m > mem_lim) & rows
            ooms += int((over[:, 1:] & ~over[:, :-1]).sum() + over[:, 0].sum())
    return {"cost": cost, "cpu_above": above / max(intervals, 1), "ooms": ooms}


@dataclass
class Part:
    """One group's share of a recommender's score: monthly CPU and memory $, CPU-above-request intervals."""

    cpu_usd: float = 0.0
    memory_usd: float = 0.0
    above: int = 0
    intervals: int = 0


def breakdown(workloads: list[Workload], settings: Settings, prices: Prices) -> dict[str, Part]:
    """The score per usage pattern (sidecars apart, HPA workloads apart), without HPA scaling."""
    out: dict[str, Part] = {}
    test = slice(FIT_DAYS * DAY, DAYS * DAY)
    for w in workloads:
        for b in w.boxes:
            cpu_req, mem_req, _, replicas = settings[(f"{w.namespace}/{w.name}", b.name)]
            part = out.setdefault(
                "sidecar" if b.sidecar else f"{w.pattern}{' (HPA)' if w.hpa else ''}", Part()
            )
            part.cpu_usd += prices.monthly(cpu_req, 0) * replicas
            part.memory_usd += prices.monthly(0, mem_req) * replicas
            rows = w.alive[:, test]
            part.above += int(((b.cpu[:, test] > cpu_req) & rows).sum())
            part.intervals += int(rows.sum())
    return out


def print_breakdown(names: list[str], parts: list[dict[str, Part]]) -> None:
    print("by pattern: monthly CPU $ / memory $ / share of intervals with CPU above request")
    print(f"{'':16}" + "".join(f"{n:>27}" for n in names))
    for group in sorted(set().union(*parts)) + ["total"]:
        cells = [p.get(group, Part()) if group != "total" else _sum(p.values()) for p in parts]
        print(
            f"{group:16}"
            + "".join(
                f"{c.cpu_usd:>9,.0f} /{c.memory_usd:>5,.0f} /{c.above / max(c.intervals, 1):>7.4f}"
                for c in cells
            )
        )


def _sum(parts: Any) -> Part:
    out = Part()
    for p in parts:
        out.cpu_usd += p.cpu_usd
        out.memory_usd += p.memory_usd
        out.above += p.above
        out.intervals += p.intervals
    return out


# -- forge's passes -----------------------------------------------------------------------------------


def forge_passes(workloads: list[Workload], work: Path, passes: int) -> tuple[list[Settings], dict[str, int]]:
    os.environ["HDR_HOME"] = str(work / "home")
    os.environ["HDR_MEMORY_URL"] = "http://127.0.0.1:9"  # no shared memory: nothing to recall
    from servers.forge.operations import Forge
    from shared.cluster import ManifestCluster
    from shared.config import Config
    from shared.errors import HDRError
    from shared.suite import Suite

    root = work / "manifests"
    manifests(root, workloads)
    metrics = FitUsage(workloads, float(int(time.time()) // STEP * STEP))
    forge = Forge(Suite(Config.from_env()), ManifestCluster(root), metrics)
    forge.suite.record = lambda *a, **k: None  # type: ignore[method-assign]  # the memory is not part of this
    history: list[dict[tuple[str, str, str], tuple[float, float]]] = []
    settings, checks = (
        [],
        {
            "limit_bumped_twice": 0,
            "reversals": 0,
            "refused": 0,
            "cut_short": 0,
            "changes": 0,
            "availability": 0,
            "availability_usd": 0,
        },
    )
    for _ in range(passes):
        proposal = forge.analyze(history=f"{FIT_DAYS}d")
        changes = proposal.result.changes
        checks["cut_short"] += proposal.result.cut_short
        checks["changes"] += len(changes)
        extra = [c for c in changes if c.category != "right_sizing"]
        checks["availability"] = len(extra)  # the last pass's: findings left to the caller
        checks["availability_usd"] = round(-sum(c.monthly_savings_usd for c in extra))
        moves = {}
        for c in changes:
            old, new = quantity.parse(c.current), quantity.parse(c.proposed)
            if old is not None and new is not None:
                moves[(c.object, c.container or "", c.field)] = (old, new)
        for key, (old, new) in moves.items():
            for earlier in history:
                if key in earlier and (earlier[key][1] - earlier[key][0]) * (new - old) < 0:
                    checks["reversals"] += 1
            if (
                key[2] == "memory_limit"
                and new > old
                and any(key in e and e[key][1] > e[key][0] for e in history)
            ):
                checks["limit_bumped_twice"] += 1
        history.append(moves)
        plan = default_plan(
            changes
        )  # what optimize applies unasked: no availability (second replica) changes
        try:
            forge.optimize(proposal.proposal_id, dry_run=False) if plan else None
        except HDRError:
            for c in plan:
                try:
                    forge.optimize(proposal.proposal_id, [c.id], dry_run=False)
                except HDRError:
                    checks["refused"] += 1
        settings.append(from_manifests(root))
    return settings, checks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workloads", type=int, default=232)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    workloads = generate(args.workloads, args.seed)
    prices = Prices()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.monotonic()
        passes, checks = forge_passes(workloads, Path(tmp), args.passes)
        took = time.monotonic() - started
    krr_default, krr_hpa = krr(workloads), krr(workloads, allow_hpa=True)
    named = [
        ("current requests", current(workloads)),
        ("KRR simple", krr_default),
        ("KRR simple --allow-hpa", krr_hpa),
        ("VPA-like (decayed)", vpa(workloads)),
    ] + [(f"forge pass {i + 1}", s) for i, s in enumerate(passes)]
    rows = [(name, score(workloads, s, prices)) for name, s in named]
    scaled = [(name, score(workloads, s, prices, hpa_scaling=True)) for name, s in named]
    boxes = sum(len(w.boxes) for w in workloads)
    print(
        f"forge passes backtest: {len(workloads)} workloads, {boxes} containers, fit days 1-{FIT_DAYS}, scored on "
        f"the held-out days {FIT_DAYS + 1}-{DAYS} (seed {args.seed}; forge's {args.passes} passes took {took:.0f} s)"
    )
    print(
        f"{'':26}{'monthly cost $':>14}{'CPU > request':>15}{'OOM events':>12}   with HPAs scaling: cost, CPU >"
    )
    for (name, s), (_, h) in zip(rows, scaled, strict=True):
        print(
            f"{name:26}{s['cost']:>14,.2f}{s['cpu_above']:>15.4f}{s['ooms']:>12d}"
            f"{h['cost']:>22,.2f}{h['cpu_above']:>10.4f}"
        )
    print(
        f"forge: {checks['changes']} changes over {args.passes} passes (optimize's default plan applied), "
        f"{checks['refused']} refused by its safety rules, {checks['cut_short']} cuts held back by the per-step "
        f"floor; limits bumped twice for one kill: {checks['limit_bumped_twice']}; changes reversing an earlier "
        f"pass: {checks['reversals']}; availability findings left to the caller (a second replica for a "
        f"single-replica workload without a PDB): {checks['availability']}, ${checks['availability_usd']:,} a month"
    )
    print_breakdown(
        ["KRR simple", "KRR --allow-hpa", "forge pass 1"],
        [breakdown(workloads, k, prices) for k in (krr_default, krr_hpa, passes[0])],
    )
    goals = {}
    for label, table in (("", rows), (", HPAs scaling", scaled)):
        krr_s, krr_h, forge_rows = table[1][1], table[2][1], table[4:]
        goals |= {
            f"monthly cost <= KRR's after pass 1{label}": forge_rows[0][1]["cost"] <= krr_s["cost"],
            f"  (and <= KRR --allow-hpa's){label}": forge_rows[0][1]["cost"] <= krr_h["cost"],
            f"CPU above request <= KRR's (every pass){label}": max(r[1]["cpu_above"] for r in forge_rows)
            <= krr_s["cpu_above"],
            f"  (and <= KRR --allow-hpa's){label} ": max(r[1]["cpu_above"] for r in forge_rows)
            <= krr_h["cpu_above"],
        }
    goals |= {
        "OOM events <= half of KRR's": rows[-1][1]["ooms"] <= 0.5 * rows[1][1]["ooms"],
        "no limit bumped twice for one kill": checks["limit_bumped_twice"] == 0,
        "no proposal reversing the previous pass": checks["reversals"] == 0,
    }
    for goal, met in goals.items():
        print(f"  {goal}: {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
