"""Measured usage per pod and container, behind one small interface.

- `PrometheusMetrics`: Prometheus's HTTP API. A constant number of queries per analysis (two range
  queries aggregated by namespace/pod/container inside PromQL, two instant queries), never one
  per workload.
- `RecordedMetrics`: an OpenMetrics text file with timestamps (what `promtool tsdb
  create-blocks-from openmetrics` reads). Parsed once into a columnar cache under HDR_HOME.

Both return `Usage`: CPU cores and memory bytes on one 5-minute grid, NaN where no sample.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from shared.errors import BadInput, Unavailable

STEP_S = 300
CPU = "container_cpu_usage_seconds_total"
MEMORY = "container_memory_working_set_bytes"
RESTARTS = "kube_pod_container_status_restarts_total"
REASON = "kube_pod_container_status_last_terminated_reason"
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
    queries: int = 0


class MetricsSource(Protocol):
    source: str

    def latest(self) -> float:
        """Time of the newest data: the end of an analysis window."""
        ...

    def usage(self, start: float, end: float, namespace: str | None = None) -> Usage:
        ...


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
    wanted = {CPU, MEMORY, RESTARTS, REASON}
    series: dict[str, tuple[list[dict[str, str]], list[int], list[str], list[str]]] = {
        m: ([], [], [], []) for m in wanted}
    prev = None
    current = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            if not line or line[0] == "#" or line == "\n":
                continue
            parts = line.rsplit(" ", 2)
            if len(parts) != 3:
                raise BadInput(f"Metrics file {path.name} line {n} is not `name{{labels}} value timestamp`.",
                               "Write OpenMetrics with a timestamp on every sample, as promtool reads.")
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
            raise BadInput(f"Metrics file {path.name} has a non-numeric value or timestamp in {name}.",
                           "Every sample must be `name{labels} <number> <unix seconds>`.") from None
        out[name] = _Columns(labels, np.array(offsets + [len(ts_list)], dtype=np.int64), ts_arr, val_arr)
    return out


class RecordedMetrics:
    def __init__(self, path: Path, cache_dir: Path | None = None) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise Unavailable(f"The metrics file {self.path} does not exist.",
                              "Set HDR_FORGE_METRICS to an OpenMetrics file, or HDR_PROMETHEUS_URL.")
        self.source = f"recorded:{self.path}"
        self.cache_dir = cache_dir
        self._columns: dict[str, _Columns] | None = None

    def _cache_path(self) -> Path | None:
        if self.cache_dir is None:
            return None
        st = self.path.stat()
        tag = hashlib.sha256(f"{self.path.resolve()}|{st.st_size}|{st.st_mtime_ns}|v1".encode()).hexdigest()[:24]
        return self.cache_dir / f"metrics-{tag}.npz"

    def columns(self) -> dict[str, _Columns]:
        if self._columns is not None:
            return self._columns
        cache = self._cache_path()
        if cache is not None and cache.exists():
            with np.load(cache, allow_pickle=False) as z:
                meta = json.loads(str(z["meta"]))
                self._columns = {name: _Columns(meta[name], z[f"{name}.o"], z[f"{name}.t"], z[f"{name}.v"])
                                 for name in meta}
            return self._columns
        self._columns = parse_openmetrics(self.path)
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            arrays: dict[str, Any] = {"meta": np.array(json.dumps({n: c.labels for n, c in self._columns.items()}))}
            for name, c in self._columns.items():
                arrays |= {f"{name}.o": c.offsets, f"{name}.t": c.ts, f"{name}.v": c.values}
            tmp = cache.with_name(f"{cache.stem}.{os.getpid()}.tmp.npz")
            np.savez(tmp, **arrays)
            os.replace(tmp, cache)
        return self._columns

    def latest(self) -> float:
        cols = self.columns()
        ends = [float(c.ts.max()) for c in (cols[CPU], cols[MEMORY]) if c.ts.size]
        if not ends:
            raise Unavailable(f"The metrics file {self.path.name} has no CPU or memory samples.",
                              f"It needs {CPU} and {MEMORY} series.")
        return max(ends)

    def usage(self, start: float, end: float, namespace: str | None = None) -> Usage:
        cols = self.columns()
        grid = _grid(start, end)
        cpu_keys, cpu = _to_grid(cols[CPU], grid, namespace, rate=True)
        mem_keys, mem = _to_grid(cols[MEMORY], grid, namespace, rate=False)
        keys, cpu, mem = _align(cpu_keys, cpu, mem_keys, mem, grid.size)
        restarts: dict[Key, int] = {}
        c = cols[RESTARTS]
        for i, labels in enumerate(c.labels):
            key = _key(labels)
            if namespace and key[0] != namespace:
                continue
            t, v = c.ts[c.offsets[i]:c.offsets[i + 1]], c.values[c.offsets[i]:c.offsets[i + 1]]
            v = v[(t >= start) & (t <= end)]
            if v.size:
                restarts[key] = int(v.max() - v.min())
        reasons: dict[Key, str] = {}
        c = cols[REASON]
        for i, labels in enumerate(c.labels):
            key = _key(labels)
            t, v = c.ts[c.offsets[i]:c.offsets[i + 1]], c.values[c.offsets[i]:c.offsets[i + 1]]
            if (not namespace or key[0] == namespace) and np.any(v[(t >= start) & (t <= end)] > 0):
                reasons[key] = labels.get("reason", "")
        return Usage(keys, grid, cpu, mem, restarts, reasons)


def _key(labels: dict[str, str]) -> Key:
    return labels.get("namespace", ""), labels.get("pod", ""), labels.get("container", "")


def _grid(start: float, end: float) -> np.ndarray:
    start = float(np.ceil(start / STEP_S) * STEP_S)
    end = float(np.floor(end / STEP_S) * STEP_S)
    return np.arange(start, end + 1, STEP_S, dtype=np.float64)


def _to_grid(c: _Columns, grid: np.ndarray, namespace: str | None, rate: bool) -> tuple[list[Key], np.ndarray]:
    """Place each series on the grid (vectorised across all series). For counters, the value at a
    grid time is the rate over the interval before it — what PromQL's irate gives at that step."""
    keys = [_key(labels) for labels in c.labels]
    n = len(keys)
    out = np.full((n, grid.size), np.nan)
    if n == 0 or grid.size == 0:
        return keys, out
    rows = np.repeat(np.arange(n), np.diff(c.offsets))
    ts, values = c.ts, c.values
    if rate:
        dv = np.diff(values)
        dt = np.diff(ts)
        same = rows[1:] == rows[:-1]
        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.where(dv >= 0, dv, values[1:]) / dt  # a reset starts the counter again from zero
        ok = same & (dt > 0)
        rows, ts, values = rows[1:][ok], ts[1:][ok], r[ok]
    col = np.rint((ts - grid[0]) / STEP_S).astype(np.int64)
    inside = (col >= 0) & (col < grid.size) & (np.abs(ts - (grid[0] + col * STEP_S)) < STEP_S / 2)
    out[rows[inside], col[inside]] = values[inside]
    if namespace:
        keep = [i for i, k in enumerate(keys) if k[0] == namespace]
        return [keys[i] for i in keep], out[keep]
    return keys, out


def _align(cpu_keys: list[Key], cpu: np.ndarray, mem_keys: list[Key], mem: np.ndarray,
           width: int) -> tuple[list[Key], np.ndarray, np.ndarray]:
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

_NS = re.compile(r"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")


class PrometheusMetrics:
    def __init__(self, url: str, timeout: float = 30.0, end: float | None = None) -> None:
        self.url = url.rstrip("/")
        self.source = f"prometheus:{self.url}"
        self.timeout = timeout
        self.fixed_end = end
        self.queries = 0

    def _get(self, path: str, params: dict[str, Any]) -> Any:
        import httpx

        self.queries += 1
        try:
            resp = httpx.get(f"{self.url}{path}", params=params, timeout=self.timeout)
        except httpx.HTTPError as exc:
            raise Unavailable(f"Prometheus at {self.url} could not be reached ({type(exc).__name__}).",
                              "Check HDR_PROMETHEUS_URL, or unset it to use the recorded metrics.") from None
        try:
            import orjson

            body = orjson.loads(resp.content)
        except Exception:
            raise Unavailable(f"Prometheus at {self.url} answered {resp.status_code} with a body that is not "
                              "JSON.", "Check that HDR_PROMETHEUS_URL points at Prometheus.") from None
        if body.get("status") != "success":
            raise Unavailable(f"Prometheus rejected a query: {str(body.get('error', '?'))[:200]}.",
                              "Check the Prometheus version (2.x or later) and its limits.")
        return body["data"]

    def latest(self) -> float:
        import time

        return float(self.fixed_end if self.fixed_end is not None else time.time())

    def usage(self, start: float, end: float, namespace: str | None = None) -> Usage:
        self.queries = 0
        grid = _grid(start, end)
        sel = 'container!="",container!="POD"'
        if namespace:
            if not _NS.match(namespace):
                raise BadInput("`namespace` is not a valid Kubernetes namespace name.")
            sel += f',namespace="{namespace}"'
        window = int(grid[-1] - grid[0]) + STEP_S if grid.size else STEP_S
        by = "by (namespace, pod, container)"
        rng = {"start": grid[0], "end": grid[-1], "step": STEP_S}
        cpu_keys, cpu = self._matrix(f"sum {by} (irate({CPU}{{{sel}}}[{2 * STEP_S}s]))", rng, grid)
        mem_keys, mem = self._matrix(f"max {by} ({MEMORY}{{{sel}}})", rng, grid)
        keys, cpu, mem = _align(cpu_keys, cpu, mem_keys, mem, grid.size)
        restarts = {k: int(round(v)) for k, v, _ in self._vector(
            f"max {by} (max_over_time({RESTARTS}{{{sel}}}[{window}s]) - min_over_time({RESTARTS}{{{sel}}}"
            f"[{window}s]))", grid[-1])}
        reasons = {k: labels.get("reason", "") for k, v, labels in self._vector(
            f"max by (namespace, pod, container, reason) (max_over_time({REASON}{{{sel}}}[{window}s]))",
            grid[-1]) if v > 0}
        return Usage(keys, grid, cpu, mem, restarts, reasons, queries=self.queries)

    def _matrix(self, query: str, rng: dict[str, Any], grid: np.ndarray) -> tuple[list[Key], np.ndarray]:
        data = self._get("/api/v1/query_range", {"query": query, **rng})
        keys: list[Key] = []
        out = np.full((len(data["result"]), grid.size), np.nan)
        for i, series in enumerate(data["result"]):
            keys.append(_key(series["metric"]))
            points = series["values"]
            ts = np.fromiter((p[0] for p in points), dtype=np.float64, count=len(points))
            values = np.array([p[1] for p in points], dtype=np.float64)
            col = np.rint((ts - grid[0]) / STEP_S).astype(np.int64)
            ok = (col >= 0) & (col < grid.size)
            out[i, col[ok]] = values[ok]
        return keys, out

    def _vector(self, query: str, at: float) -> list[tuple[Key, float, dict[str, str]]]:
        data = self._get("/api/v1/query", {"query": query, "time": at})
        return [(_key(r["metric"]), float(r["value"][1]), r["metric"]) for r in data["result"]]


def metrics_from_config(home: Path, env: dict[str, str] | None = None) -> MetricsSource:
    """HDR_PROMETHEUS_URL, else HDR_FORGE_METRICS (an OpenMetrics file), else the sample's file."""
    env = dict(os.environ) if env is None else env
    if env.get("HDR_PROMETHEUS_URL"):
        return PrometheusMetrics(env["HDR_PROMETHEUS_URL"])
    cache = Path(home) / "forge" / "cache"
    if env.get("HDR_FORGE_METRICS"):
        return RecordedMetrics(Path(env["HDR_FORGE_METRICS"]).expanduser(), cache)
    from servers.forge.sample import write_sample

    sample = Path(home) / "forge" / "sample"
    write_sample(sample)
    return RecordedMetrics(sample / "metrics.om", cache)
