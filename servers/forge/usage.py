"""Measured usage per pod and container, behind one small interface.

- `PrometheusMetrics`: Prometheus's HTTP API. Ten queries per analysis whatever the cluster's size: first one
  cheap look (how often containers are scraped; is kube-prometheus's CPU recording rule there), then the
  statistics at once, each aggregated by namespace/pod/container inside PromQL: Prometheus computes the
  percentiles and maxima over the window (one value per container instead of a series of 4,032 points; the
  percentiles of one series in one query, `_percentiles`),
  memory per day and CPU per hour as coarse range queries, restarts and termination reasons. Never one query
  per workload. CPU statistics are over 5-minute rates: the recorded ones of
  `node_namespace_pod_container:container_cpu_usage_seconds_total:sum_irate` when it holds every rate of the
  window at the grid's resolution, else a subquery over the raw counter (`irate` over 5-minute scrapes,
  `rate[5m]` over finer ones); history is counted in 5-minute steps whatever the scrape interval.
- `RecordedMetrics`: an OpenMetrics text file with timestamps (what `promtool tsdb
  create-blocks-from openmetrics` reads). Parsed once into a columnar cache under HDR_HOME.

Both return `Usage`: the recorded default CPU cores and memory bytes on one 5-minute grid (NaN where no
sample), Prometheus the statistics (`recommend.Summary`) the profiles are made of.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from servers.forge.recommend import Summary
from shared.errors import BadInput, Unavailable

STEP_S = 300
DAY_STEPS = 86400 // STEP_S
HOUR_STEPS = 3600 // STEP_S
CPU = "container_cpu_usage_seconds_total"
MEMORY = "container_memory_working_set_bytes"
RESTARTS = "kube_pod_container_status_restarts_total"
REASON = "kube_pod_container_status_last_terminated_reason"
POD_OWNER = "kube_pod_owner"  # kube-state-metrics: pod -> owner (ReplicaSet, StatefulSet, DaemonSet, Job)
RS_OWNER = "kube_replicaset_owner"  # ReplicaSet -> owner (Deployment, Rollout)
JOB_OWNER = "kube_job_owner"  # Job -> owner (CronJob)
# kube-prometheus / kube-prometheus-stack's recording rule (kubernetes-mixin, k8s.rules):
#   sum by (cluster, namespace, pod, container) (irate(container_cpu_usage_seconds_total{job="kubelet",
#     metrics_path="/metrics/cadvisor", image!=""}[5m])) * on (cluster, namespace, pod) group_left(node) ...
# One value per container and evaluation: the 5-minute rates forge needs, already stored.
CPU_RULE = "node_namespace_pod_container:container_cpu_usage_seconds_total:sum_irate"
_LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')

Key = tuple[str, str, str]  # namespace, pod, container


@dataclass
class Usage:
    keys: list[Key]
    timestamps: np.ndarray  # (T,) Unix seconds
    cpu: np.ndarray  # (n, T) cores
    memory: np.ndarray  # (n, T) bytes
    restarts: dict[Key, int] = field(default_factory=dict)
    reasons: dict[Key, str] = field(default_factory=dict)
    # (namespace, pod) -> (kind, name) of the workload that owns it, from kube-state-metrics' owner
    # series (kube_pod_owner, resolved through kube_replicaset_owner / kube_job_owner); empty when absent
    owners: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    queries: int = 0
    cpu_series: str = (
        ""  # Prometheus: what the CPU statistics were computed from (recording rule or subquery)
    )
    # Set by sources that compute statistics server-side (Prometheus): then `cpu` and `memory` have no
    # columns and the profiles come from these figures.
    summary: Summary | None = None


class MetricsSource(Protocol):
    source: str

    def latest(self) -> float:
        """Time of the newest data: the end of an analysis window."""
        ...

    def usage(self, start: float, end: float, namespace: str | None = None) -> Usage: ...


# -- the recorded default -------------------------------------------------------------------------


@dataclass
class _Columns:
    """One metric family's samples, series after series."""

    labels: list[dict[str, str]]
    offsets: np.ndarray  # (n+1,) sample offsets per series
    ts: np.ndarray
    values: np.ndarray


def parse_openmetrics(path: Path) -> dict[str, _Columns]:
    """Samples of the series forge reads, grouped by series. Raises BadInput on a malformed line."""
    wanted = {CPU, MEMORY, RESTARTS, REASON, POD_OWNER, RS_OWNER, JOB_OWNER}
    series: dict[str, tuple[list[dict[str, str]], list[int], list[str], list[str]]] = {
        m: ([], [], [], []) for m in wanted
    }
    prev = None
    current = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            if not line or line[0] == "#" or line == "\n":
                continue
            parts = line.rsplit(" ", 2)
            if len(parts) != 3:
                raise BadInput(
                    f"Metrics file {path.name} line {n} is not `name{{labels}} value timestamp`.",
                    "Write OpenMetrics with a timestamp on every sample, as promtool reads.",
                )
            key, value, ts = parts
            if key != prev:
                prev = key
                brace = key.find("{")
                name = key if brace < 0 else key[:brace]
                if name in wanted:
                    labels, offsets, _, _ = current = series[name]
                    labels.append(dict(_LABEL.findall(key[brace:])) if brace >= 0 else {})
                    offsets.append(len(current[2]))
                else:
                    current = None
            if current is not None:
                current[2].append(ts)
                current[3].append(value)
    out = {}
    for name, (labels, offsets, ts_list, values) in series.items():
        try:
            ts_arr = np.array(ts_list, dtype=np.float64)
            val_arr = np.array(values, dtype=np.float64)
        except ValueError:
            raise BadInput(
                f"Metrics file {path.name} has a non-numeric value or timestamp in {name}.",
                "Every sample must be `name{labels} <number> <unix seconds>`.",
            ) from None
        out[name] = _Columns(labels, np.array(offsets + [len(ts_list)], dtype=np.int64), ts_arr, val_arr)
    return out


CACHE_VERSION = 3
_SMALL = ("restarts", "reasons", "pod_owner", "rs_owner", "job_owner")


@dataclass
class _Gridded:
    """CPU (rate, cores) and memory (bytes) of every (namespace, pod, container) on the absolute 5-minute
    grid (column = round(t / STEP_S)). Each series keeps one contiguous run of columns, from its first to
    its last sample (NaN in gaps), so pods that lived a day of a month cost a day: row i of `cpu` spans
    columns cpu_start[i] ... + (cpu_offsets[i+1] - cpu_offsets[i]) - 1 of the flat array. Arrays are
    memory-mapped from the cache: loading is a few small reads, and a window copies only what it needs."""

    keys: list[Key]  # sorted
    cpu: np.ndarray
    cpu_start: np.ndarray  # (n,) first column per series
    cpu_offsets: np.ndarray  # (n+1,) into `cpu`
    memory: np.ndarray
    memory_start: np.ndarray
    memory_offsets: np.ndarray
    latest: float  # newest CPU or memory sample time, NaN when none
    restarts: _Columns
    reasons: _Columns
    pod_owner: _Columns
    rs_owner: _Columns
    job_owner: _Columns


def _spans(c: _Columns, rate: bool) -> tuple[list[Key], np.ndarray, np.ndarray, np.ndarray, float]:
    """One family's series as runs on the absolute grid. For counters, the value at a grid time is the
    rate over the interval before it — what PromQL's irate gives at that step."""
    keys = [_key(labels) for labels in c.labels]
    n = len(keys)
    rows = np.repeat(np.arange(n), np.diff(c.offsets))
    ts, values = c.ts, c.values
    latest = float(ts.max()) if ts.size else float("nan")
    if rate and ts.size:
        dv = np.diff(values)
        dt = np.diff(ts)
        same = rows[1:] == rows[:-1]
        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.where(dv >= 0, dv, values[1:]) / dt  # a reset starts the counter again from zero
        ok = same & (dt > 0)
        rows, ts, values = rows[1:][ok], ts[1:][ok], r[ok]
    col = np.rint(ts / STEP_S).astype(np.int64)
    on_grid = np.abs(ts - col * STEP_S) < STEP_S / 2
    rows, col, values = rows[on_grid], col[on_grid], values[on_grid]
    first = np.full(n, np.iinfo(np.int64).max)
    last = np.full(n, np.iinfo(np.int64).min)
    if rows.size:  # rows are in series order: reduce each series' run of samples
        starts = np.flatnonzero(np.diff(rows, prepend=-1))
        first[rows[starts]] = np.minimum.reduceat(col, starts)
        last[rows[starts]] = np.maximum.reduceat(col, starts)
    length = np.where(last >= first, last - first + 1, 0)
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(length, out=offsets[1:])
    flat = np.full(int(offsets[-1]), np.nan)
    flat[offsets[rows] + col - first[rows]] = values  # in file order: a duplicate's last sample wins
    return keys, flat, np.where(length > 0, first, 0), offsets, latest


def _merge(
    keys: list[Key], fam_keys: list[Key], flat: np.ndarray, start: np.ndarray, offsets: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Re-index one family's runs onto `keys` (a key the family lacks gets an empty run)."""
    index = {k: i for i, k in enumerate(fam_keys)}
    lengths = np.diff(offsets)
    order = [index.get(k, -1) for k in keys]
    new_len = np.array([lengths[i] if i >= 0 else 0 for i in order], dtype=np.int64)
    new_off = np.zeros(len(keys) + 1, dtype=np.int64)
    np.cumsum(new_len, out=new_off[1:])
    new_start = np.array([start[i] if i >= 0 else 0 for i in order], dtype=np.int64)
    if order == list(range(len(fam_keys))):
        return flat, new_start, new_off
    pieces = [flat[offsets[i] : offsets[i + 1]] for i in order if i >= 0]
    return (np.concatenate(pieces) if pieces else np.empty(0)), new_start, new_off


def grid_columns(cols: dict[str, _Columns]) -> _Gridded:
    cpu_keys, cpu, cpu_start, cpu_off, cpu_latest = _spans(cols[CPU], rate=True)
    mem_keys, mem, mem_start, mem_off, mem_latest = _spans(cols[MEMORY], rate=False)
    keys = sorted(set(cpu_keys) | set(mem_keys))
    cpu, cpu_start, cpu_off = _merge(keys, cpu_keys, cpu, cpu_start, cpu_off)
    mem, mem_start, mem_off = _merge(keys, mem_keys, mem, mem_start, mem_off)
    latest = max((t for t in (cpu_latest, mem_latest) if np.isfinite(t)), default=float("nan"))
    return _Gridded(
        keys,
        cpu,
        cpu_start,
        cpu_off,
        mem,
        mem_start,
        mem_off,
        latest,
        cols[RESTARTS],
        cols[REASON],
        cols[POD_OWNER],
        cols[RS_OWNER],
        cols[JOB_OWNER],
    )


_ARRAYS = ("cpu", "cpu_start", "cpu_offsets", "memory", "memory_start", "memory_offsets")


class RecordedMetrics:
    def __init__(self, path: Path, cache_dir: Path | None = None) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise Unavailable(
                f"The metrics file {self.path} does not exist.",
                "Set HDR_FORGE_METRICS to an OpenMetrics file, or HDR_PROMETHEUS_URL.",
            )
        self.source = f"recorded:{self.path}"
        self.cache_dir = cache_dir
        self._grid: _Gridded | None = None

    def _cache_path(self) -> Path | None:
        if self.cache_dir is None:
            return None
        st = self.path.stat()
        tag = hashlib.sha256(f"{self.path.resolve()}|{st.st_size}|{st.st_mtime_ns}|v{CACHE_VERSION}".encode())
        return Path(self.cache_dir) / f"metrics-{tag.hexdigest()[:24]}"

    def gridded(self) -> _Gridded:
        """The file's series on the grid: from the cache when it is there, else parsed (and cached)."""
        if self._grid is not None:
            return self._grid
        cache = self._cache_path()
        if cache is not None and (cache / "meta.json").exists():
            try:
                self._grid = _load_cache(cache)
                return self._grid
            except (OSError, ValueError, KeyError, TypeError):
                import shutil

                shutil.rmtree(cache, ignore_errors=True)  # damaged or from another version: rebuilt below
        self._grid = grid_columns(parse_openmetrics(self.path))
        if cache is not None:
            _save_cache(cache, self._grid)
        return self._grid

    def latest(self) -> float:
        latest = self.gridded().latest
        if not np.isfinite(latest):
            raise Unavailable(
                f"The metrics file {self.path.name} has no CPU or memory samples.",
                f"It needs {CPU} and {MEMORY} series.",
            )
        return latest

    def usage(self, start: float, end: float, namespace: str | None = None) -> Usage:
        g = self.gridded()
        grid = _grid(start, end)
        rows = [i for i, k in enumerate(g.keys) if not namespace or k[0] == namespace]
        first = int(round(grid[0] / STEP_S)) if grid.size else 0
        cpu = _window(g.cpu, g.cpu_start, g.cpu_offsets, rows, first, grid.size)
        mem = _window(g.memory, g.memory_start, g.memory_offsets, rows, first, grid.size)
        keys = [g.keys[i] for i in rows]
        # Keys with no sample in this window are dropped, as a query over the window would.
        seen = np.isfinite(cpu).any(axis=1) | np.isfinite(mem).any(axis=1)
        if not seen.all():
            keys = [k for k, s in zip(keys, seen.tolist(), strict=True) if s]
            cpu, mem = cpu[seen], mem[seen]
        restarts: dict[Key, int] = {}
        c = g.restarts
        for i, labels in enumerate(c.labels):
            key = _key(labels)
            if namespace and key[0] != namespace:
                continue
            t, v = c.ts[c.offsets[i] : c.offsets[i + 1]], c.values[c.offsets[i] : c.offsets[i + 1]]
            v = v[(t >= start) & (t <= end)]
            if v.size:
                restarts[key] = int(v.max() - v.min())
        reasons: dict[Key, str] = {}
        c = g.reasons
        for i, labels in enumerate(c.labels):
            key = _key(labels)
            t, v = c.ts[c.offsets[i] : c.offsets[i + 1]], c.values[c.offsets[i] : c.offsets[i + 1]]
            if (not namespace or key[0] == namespace) and np.any(v[(t >= start) & (t <= end)] > 0):
                reasons[key] = labels.get("reason", "")
        owners = resolve_owners(g.pod_owner.labels, g.rs_owner.labels, g.job_owner.labels, namespace)
        return Usage(keys, grid, cpu, mem, restarts, reasons, owners=owners)


def _window(
    flat: np.ndarray, start: np.ndarray, offsets: np.ndarray, rows: list[int], first: int, width: int
) -> np.ndarray:
    """Rows `rows` of a run layout on columns first ... first+width-1, NaN where no sample."""
    out = np.full((len(rows), width), np.nan)
    if not rows or width == 0:
        return out
    idx = np.asarray(rows)
    lengths = offsets[idx + 1] - offsets[idx]
    starts = start[idx]
    if (
        (lengths == lengths[0]).all()
        and (starts == starts[0]).all()
        and np.array_equal(offsets[idx], offsets[idx[0]] + lengths[0] * np.arange(idx.size))
    ):
        # The usual recording: every series spans the same columns, contiguously. One slice copy.
        lo, hi = max(first, int(starts[0])), min(first + width, int(starts[0] + lengths[0]))
        if hi > lo:
            block = flat[offsets[idx[0]] : offsets[idx[0]] + lengths[0] * idx.size].reshape(idx.size, -1)
            out[:, lo - first : hi - first] = block[:, lo - int(starts[0]) : hi - int(starts[0])]
        return out
    for j, (s, o, n) in enumerate(zip(starts.tolist(), offsets[idx].tolist(), lengths.tolist(), strict=True)):
        lo, hi = max(first, s), min(first + width, s + n)
        if hi > lo:
            out[j, lo - first : hi - first] = flat[o + lo - s : o + hi - s]
    return out


def _save_cache(directory: Path, g: _Gridded) -> None:
    """Written to a temporary directory and renamed, so a reader never sees half a cache."""
    import shutil

    tmp = directory.with_name(f"{directory.name}.{os.getpid()}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for name in _ARRAYS:
        np.save(tmp / f"{name}.npy", getattr(g, name))
    small: dict[str, Any] = {}  # savez keyword arrays (its stub also types allow_pickle as a keyword)
    for fam in _SMALL:
        c = getattr(g, fam)
        small |= {f"{fam}.o": c.offsets, f"{fam}.t": c.ts, f"{fam}.v": c.values}
    np.savez(tmp / "small.npz", **small)
    meta = {
        "version": CACHE_VERSION,
        "keys": g.keys,
        "latest": g.latest if np.isfinite(g.latest) else None,
        **{fam: getattr(g, fam).labels for fam in _SMALL},
    }
    (tmp / "meta.json").write_text(json.dumps(meta))
    try:
        os.rename(tmp, directory)
    except OSError:  # another process cached the same file first
        shutil.rmtree(tmp, ignore_errors=True)


def _load_cache(directory: Path) -> _Gridded:
    meta = json.loads((directory / "meta.json").read_text())
    if meta.get("version") != CACHE_VERSION:
        raise ValueError("cache version")
    arrays = {name: np.load(directory / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in _ARRAYS}
    with np.load(directory / "small.npz", allow_pickle=False) as z:
        small = {fam: _Columns(meta[fam], z[f"{fam}.o"], z[f"{fam}.t"], z[f"{fam}.v"]) for fam in _SMALL}
    latest = float("nan") if meta["latest"] is None else float(meta["latest"])
    return _Gridded([tuple(k) for k in meta["keys"]], latest=latest, **small, **arrays)  # type: ignore[arg-type]


def resolve_owners(
    pods: list[dict[str, str]],
    replicasets: list[dict[str, str]],
    jobs: list[dict[str, str]],
    namespace: str | None = None,
) -> dict[tuple[str, str], tuple[str, str]]:
    """(namespace, pod) -> (kind, name) of the owning workload, from kube-state-metrics' owner series'
    labels: a pod owned by a ReplicaSet belongs to the ReplicaSet's Deployment (or Argo Rollout), one
    owned by a Job to the Job's CronJob; only controller owners count."""

    def controller(labels: dict[str, str]) -> bool:
        return labels.get("owner_is_controller", "true") == "true" and bool(labels.get("owner_kind"))

    rs = {
        (x.get("namespace", ""), x.get("replicaset", "")): (x["owner_kind"], x.get("owner_name", ""))
        for x in replicasets
        if controller(x)
    }
    job = {
        (x.get("namespace", ""), x.get("job_name", "")): (x["owner_kind"], x.get("owner_name", ""))
        for x in jobs
        if controller(x)
    }
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for x in pods:
        ns = x.get("namespace", "")
        if (namespace and ns != namespace) or not controller(x):
            continue
        kind, name = x["owner_kind"], x.get("owner_name", "")
        if kind == "ReplicaSet":
            kind, name = rs.get((ns, name), ("ReplicaSet", name))
        elif kind == "Job" and (ns, name) in job:
            kind, name = job[(ns, name)]
        out[(ns, x.get("pod", ""))] = (kind, name)
    return out


def _key(labels: dict[str, str]) -> Key:
    return labels.get("namespace", ""), labels.get("pod", ""), labels.get("container", "")


def _grid(start: float, end: float) -> np.ndarray:
    start = float(np.ceil(start / STEP_S) * STEP_S)
    end = float(np.floor(end / STEP_S) * STEP_S)
    return np.arange(start, end + 1, STEP_S, dtype=np.float64)


def _align(
    cpu_keys: list[Key], cpu: np.ndarray, mem_keys: list[Key], mem: np.ndarray, width: int
) -> tuple[list[Key], np.ndarray, np.ndarray]:
    """One row per key present in either metric, in a stable order."""
    keys = sorted(set(cpu_keys) | set(mem_keys))
    index = {k: i for i, k in enumerate(keys)}
    out_cpu = np.full((len(keys), width), np.nan)
    out_mem = np.full((len(keys), width), np.nan)
    if cpu_keys:
        out_cpu[[index[k] for k in cpu_keys]] = cpu
    if mem_keys:
        out_mem[[index[k] for k in mem_keys]] = mem
    return keys, out_cpu, out_mem


# -- Prometheus -----------------------------------------------------------------------------------


def cpu_rule_group(scrape_interval_s: int = STEP_S) -> str:
    """A Prometheus rule file recording CPU_RULE as kube-prometheus does, for a cluster without it (or to
    backfill it with `promtool tsdb create-blocks-from rules`). Upstream's matchers (job="kubelet",
    metrics_path="/metrics/cadvisor", image!="") and its join on kube_pod_info for the `node` label are
    replaced by forge's container matchers; its `[5m]` irate window, made for 30-second scrapes, becomes
    two scrape intervals, so a rule evaluated at any phase sees the last two scrapes. Evaluated every
    5 minutes: the resolution forge's statistics need."""
    window = 2 * scrape_interval_s
    return (
        f"groups:\n  - name: k8s.rules.container_cpu_usage_seconds_total\n    interval: {STEP_S}s\n"
        f"    rules:\n      - record: {CPU_RULE}\n        expr: sum by (cluster, namespace, pod, container) "
        f'(irate({CPU}{{container!="",container!="POD"}}[{window}s]))\n'
    )


_NS = re.compile(r"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")


_MATRIX_PREFIX = b'{"status":"success","data":{"resultType":"matrix","result":['
_POINT_PUNCTUATION = bytes.maketrans(b'[],"', b"    ")


class PrometheusMetrics:
    """Ten queries per analysis (one more for part-days, one more with the recording rule): the look, then the
    statistics at once, the CPU ones as soon as the look answers (see the module's docstring). Aggregating 14
    days of 5-minute series per step inside a range query costs Prometheus seconds per query; aggregating the
    per-series statistics costs it nothing, and the answers are kilobytes instead of hundreds of megabytes.
    Set `use_rule=False` to always use the subquery."""

    def __init__(
        self, url: str, timeout: float = 30.0, end: float | None = None, use_rule: bool = True
    ) -> None:
        self.url = url.rstrip("/")
        self.use_rule = use_rule
        self.source = f"prometheus:{self.url}"
        self.timeout = timeout
        self.fixed_end = end
        self.queries = 0
        self._count = threading.Lock()

    def _fetch(self, path: str, params: dict[str, Any]) -> tuple[int, bytes]:
        import httpx

        with self._count:
            self.queries += 1
        try:
            # Uncompressed: Prometheus's gzip of a 100 MB answer costs it seconds of CPU, more than the
            # transfer it saves on a cluster network.
            resp = httpx.get(
                f"{self.url}{path}",
                params=params,
                timeout=self.timeout,
                headers={"Accept-Encoding": "identity"},
            )
        except httpx.HTTPError as exc:
            raise Unavailable(
                f"Prometheus at {self.url} could not be reached ({type(exc).__name__}).",
                "Check HDR_PROMETHEUS_URL, or unset it to use the recorded metrics.",
            ) from None
        return resp.status_code, resp.content

    def _data(self, status: int, content: bytes) -> Any:
        try:
            body = json.loads(content)
        except ValueError:
            raise Unavailable(
                f"Prometheus at {self.url} answered {status} with a body that is not JSON.",
                "Check that HDR_PROMETHEUS_URL points at Prometheus.",
            ) from None
        if not isinstance(body, dict) or body.get("status") != "success":
            error = body.get("error", "?") if isinstance(body, dict) else "?"
            raise Unavailable(
                f"Prometheus rejected a query: {str(error)[:200]}.",
                "Check the Prometheus version (2.x or later) and its limits.",
            )
        return body["data"]

    def latest(self) -> float:
        import time

        return float(self.fixed_end if self.fixed_end is not None else time.time())

    def usage(self, start: float, end: float, namespace: str | None = None) -> Usage:
        self.queries = 0
        plan = _plan(start, end, namespace)
        return _assemble(plan, self._answers(plan), namespace, self.queries)

    def _answers(self, plan: _Plan) -> _Fetched:
        """Every query of the plan at once: Prometheus evaluates them in parallel. The look for the recording
        rule goes first, so it is answered before Prometheus is busy; the CPU statistics follow it, as soon as
        it answers (over the rule's stored rates when it holds every one, else a subquery)."""
        from concurrent.futures import ThreadPoolExecutor

        instant, ranges, sel, at = dict(plan.instant), plan.ranges, plan.sel, plan.at
        with ThreadPoolExecutor(len(instant) + len(ranges) + 8, thread_name_prefix="forge-promql") as pool:
            look = pool.submit(self._look, sel, plan.grid)
            futures: dict[str, Any] = {name: pool.submit(self._vector, q, at) for name, q in instant.items()}
            futures |= {
                name: pool.submit(self._percentiles, series, wanted, at)
                for name, (series, wanted) in plan.percentiles.items()
            }
            futures |= {
                name: pool.submit(self._range, q, at, step, n)
                for name, (q, step, n) in ranges.items()
                if n > 0
            }
            if plan.hours > 0:
                futures["hourly"] = pool.submit(
                    self._matrix,
                    f"max {_BY} (rate({CPU}{{{sel}}}[3600s]))",
                    {"start": plan.hour_grid[0], "end": at, "step": 3600},
                    plan.hour_grid,
                    3600,
                )
            rule_at, scrapes_per_hour = look.result()
            fine = _finer_than_grid(scrapes_per_hour)
            subquery = _cpu_series(plan, fine, None)  # the rates, computed by Prometheus at every step
            cpu, cpu_at = (subquery, at) if rule_at is None else (_cpu_series(plan, fine, ""), rule_at)
            cpu_queries = _cpu_stats(cpu)
            if rule_at is not None:  # how many rates the rule holds per container, to check it has them all
                cpu_queries["cpu_n"] = _stat(f"count_over_time({cpu})", "cpu_n")
            futures |= self._cpu_percentiles(pool, plan, fine, rule_at)
            futures |= {name: pool.submit(self._vector, q, cpu_at) for name, q in cpu_queries.items()}
            answers = {name: f.result() for name, f in futures.items()}
            if rule_at is not None and not _rule_complete(
                answers["cpu_n"], _memory_counts(answers, plan.tiled)
            ):
                # The rule has gaps inside the window (an evaluation that failed, a rule removed for a while):
                # its statistics would rest on fewer samples than the window has, so ask the raw counter.
                rule_at = None
                del cpu_queries["cpu_n"], answers["cpu_n"]
                cpu_queries = _cpu_stats(subquery)
                redo = {name: pool.submit(self._vector, q, at) for name, q in cpu_queries.items()}
                redo |= self._cpu_percentiles(pool, plan, fine, None)
                answers |= {name: f.result() for name, f in redo.items()}
        names = [*(f"cpu_q{i}" for i in range(len(SHARDS))), *cpu_queries, *instant, *plan.percentiles]
        return _Fetched(answers, names, rule_at is not None, fine, scrapes_per_hour)

    def _cpu_percentiles(self, pool: Any, plan: _Plan, fine: bool, rule_at: float | None) -> dict[str, Any]:
        """The CPU percentiles, one query per shard of the containers (`SHARDS`), submitted to `pool`."""
        at = plan.at if rule_at is None else rule_at
        return {
            f"cpu_q{i}": pool.submit(
                self._percentiles,
                _cpu_series(plan, fine, None if rule_at is None else "", shard),
                CPU_PERCENTILES,
                at,
            )
            for i, shard in enumerate(SHARDS)
        }

    def _look(self, sel: str, grid: np.ndarray) -> tuple[float | None, float]:
        """One cheap instant query, sent before the statistics: how often containers are scraped (the
        median number of memory samples per container in the window's last hour), and whether the CPU
        recording rule covers this window at the grid's resolution: then the time at which to evaluate its
        statistics, else None (use the subquery).

        The rule must be recorded wherever the raw counter is (checked here at the window's end and at its
        fourth step, where the rule has the rate of the raw counter's first two scrapes even when those began
        with the window: a rule added last week gives no older history; and over the whole window once the
        statistics are in, by `_rule_complete`: a gap inside it sends the CPU statistics to the subquery),
        evaluated every 5 minutes like the grid (12 samples in the last hour: a finer rule would make every
        statistic read 10x the samples, a coarser one fewer than the recorded path) over a counter scraped
        every 5 minutes too (its `irate` is then the 5-minute rate; over 30-second scrapes it would be a
        30-second one); and its phase: rules are evaluated at a per-group offset d from the grid (promtool's
        backfill too), so the sample at grid_k + d is the rate of the scrape interval ending at grid_k;
        evaluated at `end + d`, the window holds exactly the grid's rates."""
        at = float(grid[-1])
        rule, raw = f"{CPU_RULE}{{{sel}}}", f"{CPU}{{{sel}}}"
        exprs = [("scrapes", f"quantile(0.5, count_over_time({MEMORY}{{{sel}}}[{3600 - 1}s]))")]
        if self.use_rule:
            probes = (float(grid[0]) + 3 * STEP_S, at) if grid.size > 3 else (at,)
            exprs += [
                ("latest", f"max(timestamp({rule}))"),
                ("per_hour", f"max(count_over_time({rule}[{3600 - 1}s]))"),
            ]
            exprs += [
                (f"covered{i}", f"(count({rule} @ {p:.3f}) or vector(0)) / count({raw} @ {p:.3f})")
                for i, p in enumerate(probes)
            ]

        def ask(exprs: list[tuple[str, str]]) -> dict[str, float]:
            probe = " or ".join(f'label_replace({expr}, "stat", "{name}", "", "")' for name, expr in exprs)
            return {labels.get("stat", ""): value for _, value, labels in self._vector(probe, at)}

        try:
            found = ask(exprs)
        except Unavailable:  # e.g. a server without the @ modifier (before 2.33): no rule, the subquery works
            found = ask(exprs[:1])
        per_hour = found.get("scrapes", HOUR_STEPS)
        covered = [v for k, v in found.items() if k.startswith("covered")]
        # A pod's first scrape has no rate yet, in the rule as in the subquery: a little below 1 is covered.
        if (
            not covered
            or min(covered) < 0.9
            or found.get("per_hour") != 3600 / STEP_S
            or "latest" not in found
            or _finer_than_grid(per_hour)
        ):
            return None, per_hour
        return at + round((found["latest"] - at) % STEP_S, 3), per_hour

    def _range(
        self, query: str, end: float, step: int, n: int
    ) -> list[tuple[dict[str, str], np.ndarray, np.ndarray]]:
        """The series of a coarse range query (n steps of `step` seconds ending at `end`)."""
        data = self._data(
            *self._fetch(
                "/api/v1/query_range",
                {"query": query, "start": end - step * (n - 1), "end": end, "step": step},
            )
        )
        return [
            (
                r["metric"],
                np.array([float(p[0]) for p in r["values"]]),
                np.array([float(p[1]) for p in r["values"]]),
            )
            for r in data["result"]
        ]

    def _matrix(
        self, query: str, rng: dict[str, Any], grid: np.ndarray, step: int = STEP_S
    ) -> tuple[list[Key], np.ndarray]:
        status, content = self._fetch("/api/v1/query_range", {"query": query, **rng})
        if content.startswith(_MATRIX_PREFIX):
            return _matrix_rows(content, grid, step)
        # An error, or a server that words its answer differently: the general parser.
        result = self._data(status, content)["result"]
        out = np.full((len(result), grid.size), np.nan)
        for i, series in enumerate(result):
            _place(
                out[i],
                grid,
                np.array([float(p[0]) for p in series["values"]]),
                np.array([float(p[1]) for p in series["values"]]),
                step,
            )
        return [_key(series["metric"]) for series in result], out

    def _vector(self, query: str, at: float) -> list[tuple[Key, float, dict[str, str]]]:
        data = self._data(*self._fetch("/api/v1/query", {"query": query, "time": at}))
        return [(_key(r["metric"]), float(r["value"][1]), r["metric"]) for r in data["result"]]

    def _percentiles(
        self, series: str, wanted: Quantiles, at: float
    ) -> list[tuple[Key, float, dict[str, str]]]:
        """Several `quantile_over_time`s of `series` (a range or subquery) at `at`, in ONE query, labelled
        stat=name: a range query whose steps are 1 ms apart, one step per quantile, the quantile a function
        of the step's time. Prometheus reads the series (evaluates the subquery) once for all the steps and
        slides the same points from step to step, where separate queries read them once each; each step's
        value is Prometheus's own `quantile_over_time` (same points, same function: the same figure to the
        last bit). Each later step's window is shifted 1 ms further, at both ends: the same samples unless a raw
        sample was scraped within those milliseconds of either end (subquery points and recorded rates fall on
        whole 5-minute steps, so they never are)."""
        start, n = round(at, 3), len(wanted)
        try:
            data = self._data(
                *self._fetch(
                    "/api/v1/query_range",
                    {
                        "query": _percentiles_query(series, [q for _, q in wanted], start),
                        "start": f"{start:.3f}",
                        "end": f"{start + (n - 1) / 1000:.3f}",
                        "step": "0.001",
                    },
                )
            )
        except Unavailable:  # e.g. a Prometheus-compatible server that refuses 1 ms steps
            data = None
        rows = _stacked_rows(data, wanted, start)
        if rows is None:  # refused, or some series lacks a step: one query per quantile, as before
            return [
                row
                for name, q in wanted
                for row in self._vector(_stat(f"quantile_over_time({q}, {series})", name), at)
            ]
        return rows


def _stacked_rows(
    data: Any, wanted: Quantiles, start: float
) -> list[tuple[Key, float, dict[str, str]]] | None:
    """`_percentiles`' answer as (key, value, labels with stat=name) rows, or None unless every series has
    exactly one value at each of the steps."""
    if not isinstance(data, dict) or not isinstance(data.get("result"), list):
        return None
    rows = []
    for r in data["result"]:
        key = _key(r["metric"])
        steps = sorted(round((float(ts) - start) * 1000) for ts, _ in r["values"])
        if steps != list(range(len(wanted))):
            return None
        for ts, value in r["values"]:
            name = wanted[round((float(ts) - start) * 1000)][0]
            rows.append((key, float(value), {**r["metric"], "stat": name}))
    return rows


def _finer_than_grid(scrapes_per_hour: float) -> bool:
    """Scraped more often than every 5 minutes (allowing for jitter: more than 1.5 samples a step)?"""
    return scrapes_per_hour > 1.5 * HOUR_STEPS


def _memory_counts(answers: dict[str, Any], tiled: bool) -> dict[Key, float]:
    """Memory samples per container in the window: summed over the days that tile it, or as asked for."""
    counts = {
        key: value
        for key, value, labels in answers.get("memory", [])
        if labels.get("stat") == ("head_n" if tiled else "memory_n")
    }
    if tiled:
        for labels, _, v in answers.get("daily", []):
            if labels.get("stat") == "n" and v.size:
                key = _key(labels)
                counts[key] = counts.get(key, 0.0) + float(v.sum())
    return counts


def _rule_complete(rule_counts: list[tuple[Key, float, dict[str, str]]], samples: dict[Key, float]) -> bool:
    """Does the CPU recording rule hold a rate for (nearly) every memory sample of every container in the
    window? A series' first sample has no rate, and a missed evaluation or two is tolerated (2%): a gap
    larger than that would change the statistics, and the raw counter is asked instead."""
    rates = {key: value for key, value, _ in rule_counts}
    return all(rates.get(key, 0.0) >= 0.98 * n - 1 for key, n in samples.items())


def _matrix_rows(body: bytes, grid: np.ndarray, step: int = STEP_S) -> tuple[list[Key], np.ndarray]:
    """The series of a query_range answer on the grid, read without building Python objects per point
    (parsing 5 million points as JSON takes seconds). When a series has every step from its first
    point to its last, only those two timestamps are read. Safe on any label values: the markers searched for contain
    unescaped quotes, which cannot occur inside a JSON string."""
    keys: list[Key] = []
    rows: list[np.ndarray] = []
    pos = 0
    while (start := body.find(b'{"metric":', pos)) >= 0:
        values = body.find(b',"values":[', start)
        nxt = body.find(b'{"metric":', start + 1)
        if values < 0 or 0 <= nxt < values:
            raise Unavailable(
                "Prometheus answered a range query with series that have no float values.",
                "forge reads container_cpu_usage_seconds_total and container_memory_working_set_bytes.",
            )
        end = body.index(b"]]", values)
        parts = body[values + 11 : end + 1].split(b'"')  # [ts, "v" ],[ts, "v" ] ... -> ts and v alternate
        keys.append(_key(json.loads(body[start + 10 : values])))
        row = np.full(grid.size, np.nan)
        n = len(parts) // 2
        first, last = float(parts[0].strip(b"[], ")), float(parts[-3].strip(b"[], "))
        if last - first == (n - 1) * step:  # every step from the first to the last: no timestamps to read
            lo = int(round((first - grid[0]) / step))
            if lo >= 0 and lo + n <= grid.size:
                row[lo : lo + n] = np.array(parts[1::2], dtype=np.float64)
            else:
                _place(row, grid, first + step * np.arange(n), np.array(parts[1::2], dtype=np.float64), step)
        else:
            ts = np.array([p.strip(b"[], ") for p in parts[0:-1:2]], dtype=np.float64)
            _place(row, grid, ts, np.array(parts[1::2], dtype=np.float64), step)
        rows.append(row)
        pos = end
    return keys, np.array(rows) if rows else np.empty((0, grid.size))


def _place(row: np.ndarray, grid: np.ndarray, ts: np.ndarray, values: np.ndarray, step: int = STEP_S) -> None:
    col = np.rint((ts - grid[0]) / step).astype(np.int64)
    ok = (col >= 0) & (col < grid.size)
    row[col[ok]] = values[ok]


def metrics_from_config(home: Path, env: dict[str, str] | None = None) -> MetricsSource:
    """HDR_PROMETHEUS_URL, else HDR_FORGE_METRICS (an OpenMetrics file), else the sample's file."""
    env = dict(os.environ) if env is None else env
    if env.get("HDR_PROMETHEUS_URL"):
        return PrometheusMetrics(env["HDR_PROMETHEUS_URL"])
    cache = Path(home) / "forge" / "cache"
    if env.get("HDR_FORGE_METRICS"):
        return RecordedMetrics(Path(env["HDR_FORGE_METRICS"]).expanduser(), cache)
    from shared.sample_cluster import sample_dir, write_sample

    sample = sample_dir(home)
    write_sample(sample)
    return RecordedMetrics(sample / "metrics.om", cache)


# -- PrometheusMetrics.usage: plan the queries, ask them (`_answers`), assemble the answers ---------------

_BY = "by (namespace, pod, container)"


def _stat(expr: str, name: str, labels: str = _BY) -> str:
    """`expr`'s maximum per `labels`, labelled stat=`name` (so several statistics share one query)."""
    return f'label_replace(max {labels} ({expr}), "stat", "{name}", "", "")'


Quantiles = tuple[tuple[str, float], ...]  # (statistic's name, quantile) ...
CPU_PERCENTILES: Quantiles = (("cpu_p95", 0.95), ("cpu_p99", 0.99), ("cpu_p50", 0.5))
MEMORY_PERCENTILES: Quantiles = (("memory_p99", 0.99), ("memory_p50", 0.5))


def _cpu_stats(cpu: str) -> dict[str, str]:
    """The CPU maximum (its percentiles are one `_percentiles` query): a query of its own, so the two cores
    share the CPU statistics; as a quantile of 1 in the percentiles' query it would cost a sort instead."""
    return {"cpu_max": _stat(f"max_over_time({cpu})", "cpu_max")}


# The percentiles' queries are the longest (each sorts every point of its series once per quantile), and
# Prometheus evaluates a query on one core: split by the pod name's last character into two shards (an exact
# partition: `=~` and `!~` of one regex), so the two cores share them. Pods that controllers name end with a
# random character of "bcdfghjklmnpqrstvwxz2456789" (14 of its 27 in the first shard) or an ordinal.
SHARDS = ('pod=~".*[02579cfhkmprtwz]"', 'pod!~".*[02579cfhkmprtwz]"')


def _and(sel: str, matcher: str) -> str:
    return f"{sel},{matcher}" if matcher else sel


def _cpu_series(plan: _Plan, fine: bool, rule: str | None, shard: str = "") -> str:
    """The window's 5-minute CPU rates as a range: the recording rule's stored ones (`rule` is not None), else
    a subquery over the raw counter (`rate[5m]` over scrapes finer than the grid: the 5-minute average rate at
    each step; else `irate` over two scrapes, the rate between the last two, as the recorded path has it)."""
    sel = _and(plan.sel, shard)
    if rule is not None:
        return f"{CPU_RULE}{{{sel}}}[{plan.span}]"
    if fine:
        return f"rate({CPU}{{{sel}}}[{STEP_S}s])[{plan.span}:{STEP_S}s]"
    return f"irate({CPU}{{{sel}}}[{2 * STEP_S}s])[{plan.span}:{STEP_S}s]"


def _percentiles_query(series: str, quantiles: list[float], start: float) -> str:
    """`quantile_over_time` of `series` per (namespace, pod, container), the quantile chosen by the step:
    quantiles[k] at the k-th millisecond after `start` (exactly: each term is the quantile times 0 or 1)."""
    step = f"scalar(round(vector((time() - {start:.3f}) * 1000)))"
    q = " + ".join(f"{value!r} * ({step} == bool {k})" for k, value in enumerate(quantiles))
    return f"max {_BY} (quantile_over_time({q}, {series}))"


@dataclass
class _Plan:
    """What to ask Prometheus for one analysis window (the CPU statistics are added once the look for the
    recording rule answers)."""

    sel: str  # the container selector
    grid: np.ndarray
    at: float  # the window's last grid point: instant queries are evaluated there
    span: str  # the window as a range
    days: int
    hours: int
    tiled: bool  # whole days: the window's memory max and count follow from the daily ones
    hour_grid: np.ndarray
    instant: dict[str, str]  # name -> query, one value per (namespace, pod, container)
    ranges: dict[str, tuple[str, int, int]]  # name -> (query, step seconds, points)
    # name -> (series, (stat, quantile)...): several quantiles of one series in one query (`_percentiles`)
    percentiles: dict[str, tuple[str, Quantiles]]


@dataclass
class _Fetched:
    answers: dict[str, Any]
    instant: list[str]  # the names of the instant queries answered (the CPU statistics first)
    rule: bool  # the CPU statistics came from the recording rule
    fine: bool  # scraped more often than the grid
    scrapes_per_hour: float


def _plan(start: float, end: float, namespace: str | None) -> _Plan:
    grid = _grid(start, end)
    sel = 'container!="",container!="POD"'
    if namespace:
        if not _NS.match(namespace):
            raise BadInput("`namespace` is not a valid Kubernetes namespace name.")
        sel += f',namespace="{namespace}"'
    if grid.size == 0:
        raise BadInput("The analysis window is shorter than one 5-minute step.", "Analyze at least 1h.")
    at = float(grid[-1])
    # Each grid step stands for the 5 minutes up to it, so ranges reach a whole step before the first grid
    # point less one millisecond (Prometheus's resolution): they hold exactly the samples of the grid's steps,
    # scraped every 5 minutes or more often, whether the server's ranges are closed (Prometheus 2) or
    # left-open (Prometheus 3); days tile the window the same way, without a gap or an overlap.
    span = f"{(int(grid[-1] - grid[0]) + STEP_S) * 1000 - 1}ms"
    days, hours = grid.size // DAY_STEPS, grid.size // HOUR_STEPS
    window = int(grid[-1] - grid[0]) + STEP_S
    # At least a day: the daily windows tile the window's last `days` days, and one small instant query covers
    # the steps before them (the head: a window of 14 days from `_grid` has 14 x 288 + 1 steps), so the
    # window's memory maximum and sample count follow from the daily ones and the head's, and Prometheus
    # does not read every memory sample twice more for them.
    tiled = days > 0
    mem = f"{MEMORY}{{{sel}}}"
    day = f"{86400 * 1000 - 1}ms"
    ranges = {  # coarse series aggregated in PromQL: memory per day (trend) and CPU per hour (pattern)
        "daily": (
            " or ".join(
                [
                    _stat(f"sum_over_time({mem}[{day}])", "sum"),
                    _stat(f"count_over_time({mem}[{day}])", "n"),
                    _stat(f"max_over_time({mem}[{day}])", "max"),
                ]
            ),
            86400,
            days,
        ),
    }
    hour_grid = at - 3600 * np.arange(hours - 1, -1, -1, dtype=np.float64)
    instant = _instant_queries(sel, mem, span, window, namespace, tiled)
    head = grid.size - days * DAY_STEPS
    if tiled and head > 0:  # the steps before the first whole day, ending where the days begin
        head_range = f"[{head * STEP_S * 1000 - 1}ms] offset {days * 86400}s"
        instant["memory"] = " or ".join(
            [
                _stat(f"max_over_time({mem}{head_range})", "head_max"),
                _stat(f"count_over_time({mem}{head_range})", "head_n"),
            ]
        )
    percentiles = {
        f"memory_q{i}": (f"{MEMORY}{{{_and(sel, shard)}}}[{span}]", MEMORY_PERCENTILES)
        for i, shard in enumerate(SHARDS)
    }
    return _Plan(sel, grid, at, span, days, hours, tiled, hour_grid, instant, ranges, percentiles)


def _instant_queries(
    sel: str, mem: str, span: str, window: int, namespace: str | None, tiled: bool
) -> dict[str, str]:
    """One value per (namespace, pod, container): the statistics, computed by Prometheus; kube-state-metrics'
    restarts, reasons and owner series."""
    instant = {
        "status": _stat(
            f"max_over_time({RESTARTS}{{{sel}}}[{window}s]) - min_over_time({RESTARTS}{{{sel}}}[{window}s])",
            "restarts",
        )
        + " or "
        + _stat(
            f"max_over_time({REASON}{{{sel}}}[{window}s])", "reason", "by (namespace, pod, container, reason)"
        ),
    }
    owner_sel = f'namespace="{namespace}"' if namespace else ""
    owner_by = "namespace, owner_kind, owner_name, owner_is_controller"
    instant["owners"] = " or ".join(  # kube-state-metrics' owner series: pod -> ReplicaSet/Job -> workload
        _stat(f"max_over_time({metric}{{{owner_sel}}}[{window}s])", metric, f"by ({owner_by}, {subject})")
        for metric, subject in ((POD_OWNER, "pod"), (RS_OWNER, "replicaset"), (JOB_OWNER, "job_name"))
    )
    if not tiled:
        instant["memory"] = " or ".join(
            [
                _stat(f"max_over_time({mem}[{span}])", "memory_max"),
                _stat(f"count_over_time({mem}[{span}])", "memory_n"),
            ]
        )
    return instant


def _statistics(
    plan: _Plan, fetched: _Fetched
) -> tuple[dict[str, dict[Key, float]], dict[Key, int], dict[Key, str], list[dict[str, str]]]:
    """The answers sorted out: statistic -> key -> value, restarts, termination reasons, owner series."""
    answers = fetched.answers
    values: dict[str, dict[Key, float]] = {}
    restarts: dict[Key, int] = {}
    reasons: dict[Key, str] = {}
    owner_rows = answers.get("owners", [])
    for name in fetched.instant:
        if name == "owners":
            continue
        for key, value, labels in answers[name]:
            kind = labels.get("stat", "")
            if kind == "restarts":
                restarts[key] = int(round(value))
            elif kind == "reason":
                if value > 0:
                    reasons[key] = labels.get("reason", "")
            else:
                values.setdefault(kind, {})[key] = value
    if plan.tiled:  # the window's memory maximum and sample count, from the days that tile it
        values["memory_n"] = _memory_counts(answers, plan.tiled)
        maxima = values.pop("head_max", {})
        values.pop("head_n", None)
        for labels, _, v in answers.get("daily", []):
            if labels.get("stat") == "max" and v.size:
                key = _key(labels)
                maxima[key] = max(maxima.get(key, -np.inf), float(v.max()))
        values["memory_max"] = maxima
    return values, restarts, reasons, [labels for _, _, labels in owner_rows]


def _assemble(plan: _Plan, fetched: _Fetched, namespace: str | None, queries: int) -> Usage:
    values, restarts, reasons, owner_labels = _statistics(plan, fetched)
    keys = sorted(set(values.get("cpu_p95", {})) | set(values.get("memory_n", {})))
    index = {k: i for i, k in enumerate(keys)}

    def column(name: str) -> np.ndarray:
        out = np.full(len(keys), np.nan)
        for k, v in values.get(name, {}).items():
            if k in index:
                out[index[k]] = v
        return out

    daily, hourly = _coarse(plan, fetched.answers, index)
    summary = Summary(
        cpu=np.column_stack([column(f"cpu_{s}") for s in ("p50", "p95", "p99", "max")]).reshape(len(keys), 4),
        memory=np.column_stack([column(f"memory_{s}") for s in ("p50", "p99", "max")]).reshape(len(keys), 3),
        # In 5-minute steps whatever the scrape interval: a pod's history, and its weight among its replicas.
        memory_samples=np.nan_to_num(column("memory_n"))
        * (HOUR_STEPS / fetched.scrapes_per_hour if fetched.fine else 1.0),
        steps=int(plan.grid.size),
        daily_sum=daily["sum"],
        daily_count=np.nan_to_num(daily["n"]),
        daily_max=daily["max"],
        hourly_cpu=hourly,
    )
    series = {
        m: [labels for labels in owner_labels if labels.get("stat") == m]
        for m in (POD_OWNER, RS_OWNER, JOB_OWNER)
    }
    empty = np.empty((len(keys), 0))
    return Usage(
        keys,
        plan.grid,
        empty,
        empty,
        restarts,
        reasons,
        owners=resolve_owners(series[POD_OWNER], series[RS_OWNER], series[JOB_OWNER], namespace),
        queries=queries,
        summary=summary,
        cpu_series=CPU_RULE
        if fetched.rule
        else (f"rate({CPU}[{STEP_S}s])" if fetched.fine else f"irate({CPU}[{2 * STEP_S}s])") + " subquery",
    )


def _coarse(
    plan: _Plan, answers: dict[str, Any], index: dict[Key, int]
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The daily memory series (sum, n, max per day) and the hourly CPU means, one row per key."""
    days, at = plan.days, plan.at
    daily = {name: np.full((len(index), days), np.nan) for name in ("sum", "n", "max")}
    for labels, ts, v in answers.get("daily", []):
        key = _key(labels)
        if key in index and labels.get("stat") in daily:
            _place(daily[labels["stat"]][index[key]], at - 86400 * (days - 1 - np.arange(days)), ts, v, 86400)
    hourly = np.full((len(index), plan.hours), np.nan)
    hour_keys, hour_rows = answers.get("hourly", ([], None))
    for key, row in zip(hour_keys, hour_rows if hour_rows is not None else [], strict=True):
        if key in index:
            hourly[index[key]] = row
    return daily, hourly
