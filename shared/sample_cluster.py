"""The sample cluster: the embedded default behind the cluster and metrics interfaces.

A deterministic cluster of workloads with realistic usage patterns, written as GitOps-style manifests
plus an OpenMetrics file of cAdvisor and kube-state-metrics series (the format `promtool tsdb
create-blocks-from openmetrics` reads, so the same data loads into Prometheus). It lives in shared/
because `shared.cluster.cluster_from_config` writes it on first use in whichever process asks first
(forge, or compliance started on its own).

The same generator feeds the first-use sample under HDR_HOME, the tests and the benchmarks
(`generate(...)` returns the usage arrays too, so a backtest can score recommendations against
usage the fit never saw)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import numpy as np

STEP_S = 300
PATTERNS = ("steady", "diurnal", "bursty", "idle", "growing")
_POD_CHARS = np.array(list("bcdfghjklmnpqrstvwxz2456789"))
MI = 1024 * 1024


@dataclass
class ContainerSpec:
    name: str
    cpu_request: float | None  # cores
    memory_request: float | None  # bytes
    cpu_limit: float | None
    memory_limit: float | None
    pattern: str
    cpu: np.ndarray = field(repr=False)  # cores per 5-minute step, one row per pod
    memory: np.ndarray = field(repr=False)  # working-set bytes per step, one row per pod
    restarts: int = 0
    oom_killed: bool = False


@dataclass
class WorkloadSpec:
    kind: str
    namespace: str
    name: str
    replicas: int
    team: str
    containers: list[ContainerSpec]
    pods: list[str]
    hpa: tuple[int, int, int] | None = None  # min, max, target CPU utilisation %
    pdb: bool = False


@dataclass
class SampleCluster:
    workloads: list[WorkloadSpec]
    start: int  # Unix seconds of the first sample
    steps: int

    @property
    def timestamps(self) -> np.ndarray:
        return self.start + STEP_S * np.arange(self.steps, dtype=np.int64)


def _pod_suffix(rng: np.random.Generator, n: int) -> str:
    return "".join(rng.choice(_POD_CHARS, n))


def _usage(
    rng: np.random.Generator, pattern: str, steps: int, pods: int
) -> tuple[np.ndarray, np.ndarray, float, float]:
    """CPU (cores) and memory (bytes) per pod and step, plus the typical CPU and memory level."""
    t = np.arange(steps) * STEP_S
    day = 86400.0
    cpu_level = float(rng.lognormal(np.log(0.12), 0.9))
    mem_level = float(rng.lognormal(np.log(220 * MI), 0.7))
    phase = rng.uniform(0, 2 * np.pi)
    cpu = np.empty((pods, steps))
    mem = np.empty((pods, steps))
    for p in range(pods):
        noise = rng.normal(1.0, 0.08, steps).clip(0.5, 1.6)
        if pattern == "steady":
            c = cpu_level * noise
        elif pattern == "diurnal":
            wave = 0.5 + 0.5 * np.sin(2 * np.pi * t / day + phase)
            c = cpu_level * (0.25 + 1.5 * wave) * noise
        elif pattern == "bursty":
            c = cpu_level * 0.4 * noise
            bursts = rng.random(steps) < 0.02
            width = np.convolve(bursts, np.ones(3), mode="same") > 0
            c = np.where(width, c * rng.uniform(3, 7, steps), c)
        elif pattern == "idle":
            c = 0.002 * noise
        else:  # growing: steady CPU, memory creeping up (a slow leak or a growing cache)
            c = cpu_level * noise
        cpu[p] = c
        m = mem_level * rng.normal(1.0, 0.03, steps).clip(0.9, 1.1)
        if pattern == "growing":
            m *= 1.0 + rng.uniform(0.015, 0.035) * t / day
        elif pattern == "bursty":
            spikes = rng.random(steps) < 0.01
            m = np.where(spikes, m * rng.uniform(1.1, 1.35, steps), m)
        elif pattern == "idle":
            m = m * 0.3
        elif pattern == "diurnal":
            m *= 1.0 + 0.15 * (0.5 + 0.5 * np.sin(2 * np.pi * t / day + phase))
        mem[p] = m
    return cpu, mem, cpu_level, mem_level


def _round_cpu(cores: float) -> float:
    return max(0.01, round(cores * 1000 / 10) * 10 / 1000)


def _round_mem(b: float) -> float:
    return max(32 * MI, round(b / (16 * MI)) * 16 * MI)


def generate(
    n_workloads: int = 20, days: float = 7, seed: int = 7, end: int = 1_700_000_000, max_pods: int = 3
) -> SampleCluster:
    """A cluster of `n_workloads` workloads with `days` of 5-minute usage ending at `end`."""
    rng = np.random.default_rng(seed)
    steps = int(days * 86400 // STEP_S)
    end = end - end % STEP_S
    start = end - (steps - 1) * STEP_S
    namespaces = ["checkout", "payments", "search", "platform", "data", "web"]
    stems = [
        "api",
        "worker",
        "cache",
        "gateway",
        "indexer",
        "frontend",
        "auth",
        "billing",
        "ledger",
        "notifier",
        "scheduler",
        "reports",
        "ingest",
        "exporter",
        "proxy",
        "catalog",
    ]
    workloads: list[WorkloadSpec] = []
    for i in range(n_workloads):
        ns = namespaces[i % len(namespaces)]
        stem = stems[(i // len(namespaces)) % len(stems)]
        name = f"{ns}-{stem}" if i < len(namespaces) * len(stems) else f"{ns}-{stem}-{i}"
        kind = "Deployment" if i % 10 not in (7, 9) else ("StatefulSet" if i % 10 == 7 else "DaemonSet")
        pattern = PATTERNS[int(rng.choice(len(PATTERNS), p=[0.3, 0.3, 0.15, 0.1, 0.15]))]
        replicas = int(rng.choice([1, 2, 3], p=[0.45, 0.35, 0.2])) if kind != "DaemonSet" else 2
        hpa = None
        if kind == "Deployment" and pattern in ("diurnal", "bursty") and rng.random() < 0.35:
            hpa = (2, 3, 70)
            replicas = 3  # at the HPA's ceiling: its bounds may cap the load
        pods_n = min(replicas, max_pods)
        pods = _pod_names(rng, kind, name, pods_n)
        containers = [
            _container(rng, c_name, pattern, steps, pods_n)
            for c_name in (["app", "istio-proxy"] if rng.random() < 0.15 else ["app"])
        ]
        pdb = replicas > 1 and rng.random() < 0.6
        workloads.append(
            WorkloadSpec(
                kind, ns, name, replicas, team=ns, containers=containers, pods=pods, hpa=hpa, pdb=pdb
            )
        )
    return SampleCluster(workloads, start, steps)


def _pod_names(rng: np.random.Generator, kind: str, name: str, n: int) -> list[str]:
    """Pod names the way each controller makes them (a ReplicaSet hash, ordinals, or a suffix)."""
    rs_hash = _pod_suffix(rng, 9)
    if kind == "Deployment":
        return [f"{name}-{rs_hash}-{_pod_suffix(rng, 5)}" for _ in range(n)]
    if kind == "StatefulSet":
        return [f"{name}-{k}" for k in range(n)]
    return [f"{name}-{_pod_suffix(rng, 5)}" for _ in range(n)]


def _requests(rng: np.random.Generator, p95: float, mmax: float) -> tuple[float | None, float | None]:
    """How teams set requests: mostly generous guesses, some tight, a few missing."""
    roll = rng.random()
    if roll < 0.65:
        return _round_cpu(p95 * rng.uniform(1.8, 5)), _round_mem(mmax * rng.uniform(1.5, 3))
    if roll < 0.85:
        return _round_cpu(p95 * rng.uniform(0.5, 0.9)), _round_mem(mmax * rng.uniform(1.05, 1.2))
    if roll < 0.93:
        return None, None
    return _round_cpu(p95 * rng.uniform(1.2, 2)), _round_mem(mmax * rng.uniform(1.2, 1.6))


def _container(rng: np.random.Generator, c_name: str, pattern: str, steps: int, pods_n: int) -> ContainerSpec:
    """One container's usage series and the requests and limits its team set."""
    sidecar = c_name != "app"
    cpu, mem, _, _ = _usage(rng, "steady" if sidecar else pattern, steps, pods_n)
    if sidecar:
        cpu *= 0.2
        mem *= 0.3
    cpu_req, mem_req = _requests(rng, float(np.percentile(cpu, 95)), float(mem.max()))
    mem_lim = None if mem_req is None else _round_mem(mem_req * rng.choice([1.0, 1.5]))
    cpu_lim = None if cpu_req is None or rng.random() < 0.5 else _round_cpu(cpu_req * 2)
    restarts, oom = 0, False
    if (
        mem_req is not None
        and mem_lim is not None
        and pattern == "growing"
        and not sidecar
        and rng.random() < 0.5
    ):
        # A leak that outgrew its limit: the kernel OOM-kills the container at the limit.
        mem_lim = _round_mem(float(np.percentile(mem, 60)))
        mem_req = min(mem_req, mem_lim)
        restarts = int((mem >= mem_lim).sum() // 40) + 1
        mem = np.minimum(mem, mem_lim * 0.999)
        oom = True
    return ContainerSpec(
        c_name,
        cpu_req,
        mem_req,
        cpu_lim,
        mem_lim,
        pattern if not sidecar else "steady",
        cpu,
        mem,
        restarts,
        oom,
    )


# -- manifests ------------------------------------------------------------------------------------


def _cpu_text(cores: float) -> str:
    milli = int(round(cores * 1000))
    return f"{milli // 1000}" if milli % 1000 == 0 else f"{milli}m"


def _mem_text(b: float) -> str:
    mi = int(round(b / MI))
    return f"{mi // 1024}Gi" if mi % 1024 == 0 else f"{mi}Mi"


def _manifest(w: WorkloadSpec) -> str:
    lines = _workload_head(w)
    for c in w.containers:
        lines += _container_lines(w, c)
    text = "\n".join(lines) + "\n"
    if w.hpa:
        text += _hpa_text(w, w.hpa)
    if w.pdb:
        text += _pdb_text(w)
    return text


def _workload_head(w: WorkloadSpec) -> list[str]:
    """The workload's own YAML up to its `containers:` key."""
    api = "apps/v1"
    lines = [
        f"# {w.name}: owned by team {w.team}. Managed in git; forge may right-size requests.",
        f"apiVersion: {api}",
        f"kind: {w.kind}",
        "metadata:",
        f"  name: {w.name}",
        f"  namespace: {w.namespace}",
        "  labels:",
        f"    app: {w.name}",
        f"    team: {w.team}",
        "spec:",
    ]
    if w.kind != "DaemonSet":
        lines.append(f"  replicas: {w.replicas}  # reviewed by {w.team}")
    if w.kind == "StatefulSet":
        lines.append(f"  serviceName: {w.name}")
    lines += [
        "  selector:",
        "    matchLabels:",
        f"      app: {w.name}",
        "  template:",
        "    metadata:",
        "      labels:",
        f"        app: {w.name}",
        "    spec:",
        "      containers:",
    ]
    return lines


def _container_lines(w: WorkloadSpec, c: ContainerSpec) -> list[str]:
    """One container's entry: name, image and whichever requests/limits it sets."""
    lines = [
        f"        - name: {c.name}",
        f"          image: registry.example.com/{w.team}/{c.name}:1.4.2",
    ]
    if c.cpu_request is None and c.memory_request is None and c.cpu_limit is None and c.memory_limit is None:
        lines.append("          # resources not set yet")
        return lines
    lines.append("          resources:")
    req = _quantities(c.cpu_request, c.memory_request)
    lim = _quantities(c.cpu_limit, c.memory_limit)
    if req:
        lines.append("            requests:")
        lines += _quantity_lines(req)
    if lim:
        lines.append("            limits:  # hard ceiling")
        lines += _quantity_lines(lim)
    return lines


def _quantities(cpu: float | None, memory: float | None) -> list[tuple[str, str]]:
    """(resource, text) for the set ones of a cpu/memory pair, cpu first."""
    pairs = (("cpu", _cpu_text(cpu) if cpu else ""), ("memory", _mem_text(memory) if memory else ""))
    return [(k, v) for k, v in pairs if v]


def _quantity_lines(pairs: list[tuple[str, str]]) -> list[str]:
    return [f'              {k}: "{v}"' if k == "cpu" else f"              {k}: {v}" for k, v in pairs]


def _hpa_text(w: WorkloadSpec, hpa: tuple[int, int, int]) -> str:
    lo, hi, target = hpa
    return (
        f"---\n# autoscaling for {w.name}\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n"
        f"metadata:\n  name: {w.name}\n  namespace: {w.namespace}\nspec:\n  scaleTargetRef:\n"
        f"    apiVersion: apps/v1\n    kind: {w.kind}\n    name: {w.name}\n  minReplicas: {lo}\n"
        f"  maxReplicas: {hi}\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n"
        f"        target:\n          type: Utilization\n          averageUtilization: {target}\n"
    )


def _pdb_text(w: WorkloadSpec) -> str:
    return (
        f"---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: {w.name}\n"
        f"  namespace: {w.namespace}\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n"
        f"      app: {w.name}\n"
    )


def write_manifests(directory: Path, cluster: SampleCluster) -> None:
    for w in cluster.workloads:
        target = Path(directory) / w.namespace / f"{w.name}.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_manifest(w))


# -- metrics --------------------------------------------------------------------------------------


def _series_lines(name: str, labels: str, values: np.ndarray, ts: np.ndarray, fmt: str) -> str:
    prefix = f"{name}{{{labels}}} "
    return "".join(f"{prefix}{v:{fmt}} {t}\n" for v, t in zip(values.tolist(), ts.tolist(), strict=True))


def write_openmetrics(path: Path, cluster: SampleCluster) -> None:
    """cAdvisor CPU counter and working-set gauge per pod and container, and kube-state-metrics
    restarts and last termination reason where containers restarted."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w") as out:
        _write_usage(out, cluster)
        _write_restarts(out, cluster)
        _write_owners(out, cluster)
        out.write("# EOF\n")
    tmp.replace(path)


def _write_usage(out: TextIO, cluster: SampleCluster) -> None:
    """cAdvisor's CPU counter and working-set gauge per pod and container."""
    ts = cluster.timestamps
    out.write(
        "# HELP container_cpu_usage_seconds Cumulative cpu time consumed in seconds.\n"
        "# TYPE container_cpu_usage_seconds counter\n"
    )
    for w in cluster.workloads:
        for c in w.containers:
            for p, pod in enumerate(w.pods):
                counter = np.cumsum(c.cpu[p] * STEP_S) + 1000.0
                labels = f'namespace="{w.namespace}",pod="{pod}",container="{c.name}"'
                out.write(_series_lines("container_cpu_usage_seconds_total", labels, counter, ts, ".3f"))
    out.write(
        "# HELP container_memory_working_set_bytes Current working set in bytes.\n"
        "# TYPE container_memory_working_set_bytes gauge\n"
    )
    for w in cluster.workloads:
        for c in w.containers:
            for p, pod in enumerate(w.pods):
                labels = f'namespace="{w.namespace}",pod="{pod}",container="{c.name}"'
                out.write(
                    _series_lines(
                        "container_memory_working_set_bytes", labels, np.round(c.memory[p]), ts, ".0f"
                    )
                )


def _write_restarts(out: TextIO, cluster: SampleCluster) -> None:
    """kube-state-metrics' restart counter and last termination reason, where containers restarted."""
    ts = cluster.timestamps
    restarting = [(w, c) for w in cluster.workloads for c in w.containers if c.restarts]
    out.write(
        "# HELP kube_pod_container_status_restarts The number of container restarts.\n"
        "# TYPE kube_pod_container_status_restarts counter\n"
    )
    for w, c in restarting:
        for pod in w.pods:
            labels = f'namespace="{w.namespace}",pod="{pod}",container="{c.name}"'
            counts = np.floor(np.linspace(0, c.restarts, cluster.steps))
            out.write(_series_lines("kube_pod_container_status_restarts_total", labels, counts, ts, ".0f"))
    out.write(
        "# HELP kube_pod_container_status_last_terminated_reason Last reason the container was "
        "in terminated state.\n# TYPE kube_pod_container_status_last_terminated_reason gauge\n"
    )
    for w, c in restarting:
        for pod in w.pods:
            reason = "OOMKilled" if c.oom_killed else "Error"
            labels = f'namespace="{w.namespace}",pod="{pod}",container="{c.name}",reason="{reason}"'
            out.write(
                _series_lines(
                    "kube_pod_container_status_last_terminated_reason",
                    labels,
                    np.ones(cluster.steps),
                    ts,
                    ".0f",
                )
            )


def _write_owners(out: TextIO, cluster: SampleCluster) -> None:
    """kube-state-metrics' owner series: how a pod maps to its workload (through its ReplicaSet)."""
    last = cluster.timestamps[-1:]
    out.write("# HELP kube_pod_owner Information about the Pod's owner.\n# TYPE kube_pod_owner gauge\n")
    replicasets = []
    for w in cluster.workloads:
        for pod in w.pods:
            owner_kind, owner = w.kind, w.name
            if w.kind == "Deployment":
                owner_kind, owner = "ReplicaSet", pod.rsplit("-", 1)[0]
                replicasets.append((w.namespace, owner, w.name))
            labels = (
                f'namespace="{w.namespace}",pod="{pod}",owner_kind="{owner_kind}",owner_name="{owner}",'
                'owner_is_controller="true"'
            )
            out.write(_series_lines("kube_pod_owner", labels, np.ones(1), last, ".0f"))
    out.write(
        "# HELP kube_replicaset_owner Information about the ReplicaSet's owner.\n"
        "# TYPE kube_replicaset_owner gauge\n"
    )
    for ns, rs, deployment in dict.fromkeys(replicasets):
        labels = (
            f'namespace="{ns}",replicaset="{rs}",owner_kind="Deployment",owner_name="{deployment}",'
            'owner_is_controller="true"'
        )
        out.write(_series_lines("kube_replicaset_owner", labels, np.ones(1), last, ".0f"))


SAMPLE_SEED = 7
SAMPLE_WORKLOADS = 20
SAMPLE_DAYS = 7


def sample_dir(home: Path) -> Path:
    """Where the first-use sample lives under HDR_HOME: `manifests/` and `metrics.om`."""
    return Path(home) / "forge" / "sample"


def write_sample(directory: Path, end: int | None = None) -> None:
    """The first-use sample: `directory`/manifests and `directory`/metrics.om, ending now.
    Written to a temporary directory and renamed, so concurrent first uses never see half a sample."""
    import os
    import shutil
    import time

    directory = Path(directory)
    if (directory / "metrics.om").exists():
        return
    cluster = generate(SAMPLE_WORKLOADS, SAMPLE_DAYS, SAMPLE_SEED, end=int(end or time.time()))
    tmp = directory.with_name(f"{directory.name}.tmp-{os.getpid()}")
    write_manifests(tmp / "manifests", cluster)
    write_openmetrics(tmp / "metrics.om", cluster)
    try:
        os.rename(tmp, directory)
    except OSError:  # another process finished first
        shutil.rmtree(tmp, ignore_errors=True)
