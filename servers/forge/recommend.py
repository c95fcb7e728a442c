"""Recommendations from measured usage: forge's, and robusta KRR's simple strategy as the baseline.

forge (arrays are (pods, steps), NaN where no sample; pods of one container are pooled):
- CPU request: p95 of usage (pooled, or the busiest pod's own p95 when higher: one request serves every
  pod), weighted up by recent use (`recency`), plus a margin that shrinks as history grows (confidence).
- memory limit: the larger of the observed maximum and the maximum projected a week ahead from
  the trend of daily maxima (a slow leak or a growing cache outgrows "max x 1.15" within days),
  times 1.15 plus a low-confidence margin; after an OOM kill, x1.2 more (VPA's OOM bump, since the
  recorded usage was cut off at the old limit).
- memory request: p99 x 1.10 — the scheduler reserves typical use, the limit covers the peaks.
KRR simple: CPU request = the largest per-pod p95, memory request = limit = max x 1.15.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

STEP_S = 300
DAY_STEPS = 86400 // STEP_S
FULL_CONFIDENCE_HOURS = 7 * 24
PROJECT_DAYS = 7.0
CPU_FLOOR = 0.010  # cores
MEMORY_FLOOR = 64 * 1024 * 1024  # bytes


@dataclass(frozen=True)
class Recommendation:
    cpu_request: float  # cores
    memory_request: float  # bytes
    memory_limit: float  # bytes
    confidence: float  # 0..1, grows with history


@dataclass(frozen=True)
class Profile:
    """The measured usage figures a recommendation rests on."""

    cpu_p50: float
    cpu_p95: float
    cpu_p99: float
    cpu_max: float
    memory_p50: float
    memory_p99: float
    memory_max: float
    memory_trend_per_day: float  # fraction of the mean per day (0.02 = +2%/day)
    pattern: str  # idle | steady | diurnal | bursty
    history_hours: float
    memory_projected_max: float  # the max projected PROJECT_DAYS ahead from the trend of daily maxima
    memory_recent: float = 1.0  # `memory_recency` of the daily means: the memory request's recency weight
    cpu_p95_busiest: float = 0.0  # the largest of the pods' own p95s (`busiest_p95`); 0: one pod or unknown


def slope(y: np.ndarray) -> np.ndarray | float:
    """Least-squares slope of y against 0, 1, 2, ... along the last axis (what polyfit(deg=1) gives)."""
    x = np.arange(y.shape[-1], dtype=np.float64)
    x -= x.mean()
    centred = y - y.mean(axis=-1, keepdims=True)
    return (centred * x).sum(axis=-1) / (x * x).sum()


def profile(cpu: np.ndarray, memory: np.ndarray) -> Profile | None:
    """None when there are no samples at all."""
    c = cpu[np.isfinite(cpu)]
    m = memory[np.isfinite(memory)]
    if c.size == 0 or m.size == 0:
        return None
    cp = np.percentile(c, [50, 95, 99])
    mp = np.percentile(m, [50, 99])
    steps = int(np.isfinite(memory).any(axis=0).sum())
    projected = float(m.max())
    means = _daily(memory, "mean")
    daily_max = _daily(memory, "max")
    if daily_max.size >= 3:
        rise = float(slope(daily_max))
        if rise > 0:
            projected = max(projected, float(daily_max[-1]) + rise * PROJECT_DAYS)
    return Profile(
        float(cp[0]),
        float(cp[1]),
        float(cp[2]),
        float(c.max()),
        float(mp[0]),
        float(mp[1]),
        float(m.max()),
        _trend(memory),
        _pattern(cpu, cp),
        steps * STEP_S / 3600,
        projected,
        float(memory_recency(means[None, :])[0]),
        busiest_p95(cpu),
    )


MIN_POD_SAMPLES = 24  # 2 hours of 5-minute samples: a pod with fewer does not set the busiest pod's p95


def busiest_p95(cpu: np.ndarray) -> float:
    """The largest p95 among the pods' own CPU series ((pods, steps), NaN where no sample), counting pods with
    at least MIN_POD_SAMPLES samples; 0 for a lone pod or none. One CPU request serves every pod, so it must
    cover the busiest (uneven load balancing, shards, a rollout's new pods after a step up): what KRR's
    simple strategy takes (quantile_over_time per pod, then the max), where the pooled p95 would leave the
    busiest pod above its request much of the time."""
    if cpu.ndim != 2 or cpu.shape[0] < 2:
        return 0.0
    finite = np.isfinite(cpu)
    rows = [r[f] for r, f in zip(cpu, finite, strict=True) if f.sum() >= MIN_POD_SAMPLES]
    return max((float(np.percentile(r, 95)) for r in rows), default=0.0)


def _busiest_p95s(cpu: np.ndarray, finite: np.ndarray) -> np.ndarray:
    """`busiest_p95` of each container of (containers, pods, steps); `finite` is np.isfinite(cpu)."""
    g, k, t = cpu.shape
    if k < 2:
        return np.zeros(g)
    flat = cpu.reshape(g * k, t)
    counts = finite.reshape(g * k, t).sum(axis=1)
    p95 = np.zeros(g * k)
    for n in np.unique(counts[counts >= MIN_POD_SAMPLES]).tolist():
        same = counts == n
        p95[same] = _p95_of_rows(flat if same.all() else flat[same], n)
    return p95.reshape(g, k).max(axis=1)


def _p95_of_rows(rows: np.ndarray, n: int) -> np.ndarray:
    """np.percentile(row[finite], 95) of rows with n finite values each (NaN sorts last), to the last bit:
    a partition around the two order statistics numpy's linear method reads, instead of a sort."""
    virtual = (n - 1) * 0.95
    lo = int(np.floor(virtual))
    hi = min(lo + 1, n - 1)
    part = np.partition(rows, lo, axis=1)  # one pivot, then the smallest above it: 4x faster than two pivots
    a = part[:, lo]
    b = part[:, lo + 1 : n].min(axis=1) if hi > lo else a  # NaN sort after the n values
    gamma = virtual - lo
    diff = b - a
    return b - diff * (1 - gamma) if gamma >= 0.5 else a + diff * gamma  # numpy's _lerp


def _daily(values: np.ndarray, reduce: str) -> np.ndarray:
    """Per-day max (or mean) over pooled pods; days with no sample dropped."""
    width = values.shape[-1] // DAY_STEPS * DAY_STEPS
    if width == 0:
        return np.empty(0)
    tail = values[..., -width:].reshape(values.shape[0], -1, DAY_STEPS)
    with np.errstate(all="ignore"):
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            per_day = np.nanmax(tail, axis=(0, 2)) if reduce == "max" else np.nanmean(tail, axis=(0, 2))
    return per_day[np.isfinite(per_day)]


def _trend(memory: np.ndarray) -> float:
    means = _daily(memory, "mean")
    if means.size < 2 or means.mean() <= 0:
        return 0.0
    return float(slope(means) / means.mean())


def _pattern(cpu: np.ndarray, pct: np.ndarray) -> str:
    if pct[1] < 0.005:
        return "idle"
    series = pod_mean(cpu) if cpu.ndim == 2 else cpu
    series = series[np.isfinite(series)]
    if pct[2] > 3 * max(pct[0], 1e-6):
        return "bursty"
    if series.size >= 2 * DAY_STEPS and series.std() > 0:
        centred = series - series.mean()
        lagged = float(np.dot(centred[:-DAY_STEPS], centred[DAY_STEPS:]) / np.dot(centred, centred))
        if lagged > 0.4 and series.std() / series.mean() > 0.2:
            return "diurnal"
    return "steady"


def profiles(cpu: np.ndarray, memory: np.ndarray) -> list[Profile | None]:
    """`profile` of many containers at once. `cpu` and `memory` are (containers, pods, steps), NaN where no
    sample; the figures equal `profile` of each container, computed with whole-array operations (rows with
    the same number of samples are compacted into one matrix, so gaps cost nothing extra)."""
    g, k, t = cpu.shape
    cflat, mflat = cpu.reshape(g, k * t), memory.reshape(g, k * t)
    cfin, mfin = np.isfinite(cflat), np.isfinite(mflat)
    cp, cmax = _percentiles(cflat, cfin, [50, 95, 99])
    mp, mmax = _percentiles(mflat, mfin, [50, 99])
    steps = np.isfinite(memory).any(axis=1).sum(axis=-1)
    trend, recent, projected = _memory_days(memory, mmax)
    patterns = _patterns(cp, cpu)
    valid = (cfin.any(axis=1) & mfin.any(axis=1)).tolist()
    c: list[list[float]] = [
        a.tolist() for a in (cp[:, 0], cp[:, 1], cp[:, 2], cmax, mp[:, 0], mp[:, 1], mmax, trend)
    ]
    hours = (steps * STEP_S / 3600).tolist()
    proj, rec, busiest = (
        projected.tolist(),
        recent.tolist(),
        _busiest_p95s(cpu, cfin.reshape(cpu.shape)).tolist(),
    )
    return [
        Profile(
            c[0][i],
            c[1][i],
            c[2][i],
            c[3][i],
            c[4][i],
            c[5][i],
            c[6][i],
            c[7][i],
            patterns[i],
            hours[i],
            proj[i],
            rec[i],
            busiest[i],
        )
        if valid[i]
        else None
        for i in range(g)
    ]


def _memory_days(memory: np.ndarray, mmax: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per container of (containers, pods, steps) memory, from its daily means and maxima: the trend (per
    day, a share of the mean), `memory_recency` and the maximum projected PROJECT_DAYS ahead (at least
    `mmax`, the window's maximum)."""
    g, k, t = memory.shape
    trend = np.zeros(g)
    recent = np.ones(g)
    projected = mmax.copy()
    width = t // DAY_STEPS * DAY_STEPS
    if not width:
        return trend, recent, projected
    tail = memory[..., t - width :].reshape(g, k, -1, DAY_STEPS)
    fin = np.isfinite(tail)
    counts = fin.sum(axis=(1, 3))
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(counts > 0, np.where(fin, tail, 0.0).sum(axis=(1, 3)) / counts, np.nan)
    maxima = np.where(fin, tail, -np.inf).max(axis=(1, 3))
    maxima[counts == 0] = np.nan
    for rows, block in _compacted(means):
        if block.shape[1] >= 2:
            level = block.mean(axis=1)
            ok = level > 0
            trend[rows[ok]] = slope(block[ok]) / level[ok]
        recent[rows] = memory_recency(block)
    for rows, block in _compacted(maxima):
        if block.shape[1] >= 3:
            rise = np.asarray(slope(block))  # one slope per row of a 2-D block
            up = rise > 0
            projected[rows[up]] = np.maximum(mmax[rows[up]], block[up, -1] + rise[up] * PROJECT_DAYS)
    return trend, recent, projected


def _patterns(cp: np.ndarray, cpu: np.ndarray) -> np.ndarray:
    """Each container's usage pattern (idle | steady | diurnal | bursty) from its CPU percentiles
    (p50, p95, p99 columns of `cp`) and, for steady ones, the day-lag autocorrelation of its pod means."""
    g = cp.shape[0]
    patterns = np.full(g, "steady", dtype=object)
    patterns[cp[:, 2] > 3 * np.maximum(cp[:, 0], 1e-6)] = "bursty"
    for rows, series in _compacted(_pod_means(cpu)):
        if series.shape[1] < 2 * DAY_STEPS:
            continue
        steady = patterns[rows] == "steady"
        rows, series = rows[steady], series[steady]
        std = series.std(axis=1)
        level = series.mean(axis=1)
        centred = series - level[:, None]
        with np.errstate(invalid="ignore", divide="ignore"):
            lagged = (centred[:, :-DAY_STEPS] * centred[:, DAY_STEPS:]).sum(axis=1) / (centred * centred).sum(
                axis=1
            )
            diurnal = (std > 0) & (lagged > 0.4) & (std / level > 0.2)
        patterns[rows[diurnal]] = "diurnal"
    patterns[cp[:, 1] < 0.005] = "idle"
    return patterns


def _percentiles(flat: np.ndarray, finite: np.ndarray, q: list[float]) -> tuple[np.ndarray, np.ndarray]:
    """np.percentile(row[finite], q) (its default, linear method, to the last bit) and the max of each
    row; NaN for rows without samples. One sort of all rows (NaN sorts last) instead of a selection per
    row and percentile: numpy's vectorised sort beats repeated partitions."""
    counts = finite.sum(axis=1)
    ordered = np.sort(flat, axis=1)
    n = counts[:, None].astype(np.float64)
    quantiles = np.asarray(q, dtype=np.float64)[None, :] / 100
    virtual = (n - 1) * quantiles  # as numpy computes the linear method's index
    below = np.floor(virtual)
    last = np.maximum(counts[:, None] - 1, 0)
    lo = np.minimum(below.astype(np.int64), last).clip(0)
    hi = np.minimum(lo + 1, last)
    gamma = virtual - below
    a, b = np.take_along_axis(ordered, lo, axis=1), np.take_along_axis(ordered, hi, axis=1)
    diff = b - a
    out = a + diff * gamma  # numpy's _lerp
    np.subtract(b, diff * (1 - gamma), out=out, where=gamma >= 0.5)
    top = np.take_along_axis(ordered, last, axis=1)[:, 0]
    empty = counts == 0
    out[empty] = np.nan
    top[empty] = np.nan
    return out, top


def _compacted(
    values: np.ndarray, finite: np.ndarray | None = None
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(row indices, their finite values in order as one matrix) for each group of rows with the same
    number of finite values. When a group's gaps are the same columns at the edges (the usual case: the
    window starts before the first rate), the matrix is a slice, not a copy."""
    finite = np.isfinite(values) if finite is None else finite
    counts = finite.sum(axis=1)
    everywhere = np.flatnonzero(finite.all(axis=0))
    for n in np.unique(counts).tolist():
        rows = np.flatnonzero(counts == n)
        whole = rows.size == values.shape[0]
        if n and n == everywhere.size and everywhere[-1] - everywhere[0] + 1 == n:
            lo, hi = int(everywhere[0]), int(everywhere[-1]) + 1
            yield rows, values[:, lo:hi] if whole else values[rows, lo:hi]
        else:
            yield rows, values[rows][finite[rows]].reshape(rows.size, n)


def _pod_means(values: np.ndarray) -> np.ndarray:
    """`pod_mean` of each container: (containers, pods, steps) -> (containers, steps)."""
    if values.shape[1] == 1:
        return values[:, 0, :]
    finite = np.isfinite(values)
    count = finite.sum(axis=1)
    total = np.where(finite, values, 0.0).sum(axis=1)
    return np.where(count > 0, total / np.maximum(count, 1), np.nan)


def pod_mean(values: np.ndarray) -> np.ndarray:
    """Mean over pods per step; NaN where no pod has a sample (without numpy's empty-slice warning)."""
    finite = np.isfinite(values)
    count = finite.sum(axis=0)
    total = np.where(finite, values, 0.0).sum(axis=0)
    return np.where(count > 0, total / np.maximum(count, 1), np.nan)


def forge(cpu: np.ndarray, memory: np.ndarray, oom_killed: bool = False) -> Recommendation | None:
    prof = profile(cpu, memory)
    return None if prof is None else recommendation(prof, oom_killed)


RECENCY_HALF_LIFE_H = 24.0  # VPA's recommender's default half-life


def recency(hourly: np.ndarray, bursty: bool = False) -> float:
    """How much higher the recent CPU use is than the window's: the p95 of the hourly means (pooled over
    pods, (pods, hours) in, hours ending at the window's end) with each hour weighted by 2^(-age / 24 h),
    as VPA's decaying histogram weighs samples, over the unweighted p95. For a `bursty` container no more
    than the same ratio of the medians: its level must have moved too (a step up over the last day, half
    the weight, raises both), since recent bursts move the p95 and not the median. At least 1: the
    window's p95 stays the floor (a quiet weekend at the end of the window does not cut a weekday's
    request), so a step up in use raises the request at once while a step down waits for the window."""
    series = pod_mean(hourly) if hourly.ndim == 2 else hourly
    ok = np.isfinite(series)
    if ok.sum() < 48:
        return 1.0
    values = series[ok]
    age = (series.size - 1 - np.nonzero(ok)[0]).astype(np.float64)
    weight = 0.5 ** (age / RECENCY_HALF_LIFE_H)
    order = np.argsort(values, kind="stable")
    cum = np.cumsum(weight[order])
    ratios = []
    for q in (95, 50) if bursty else (95,):
        decayed = float(values[order][min(int(np.searchsorted(cum, q / 100 * cum[-1])), values.size - 1)])
        plain = float(np.percentile(values, q))
        ratios.append(decayed / plain if plain > 0 else 1.0)
    return float(min(2.0, max(1.0, min(ratios))))


def recencies(series: np.ndarray, bursty: np.ndarray | None = None) -> np.ndarray:
    """`recency` of many pod-pooled hourly series at once: (containers, hours) in, NaN where no sample;
    `bursty` (one flag per row) as `recency`'s. The same figures to the last bit (the weighted
    percentile from one sort per row, the plain one by numpy's linear interpolation, done on the same
    sorted values)."""
    n, hours = series.shape
    ok = np.isfinite(series)
    count = ok.sum(axis=1)
    weight = 0.5 ** ((hours - 1 - np.arange(hours)).astype(np.float64) / RECENCY_HALF_LIFE_H)
    order = np.argsort(np.where(ok, series, np.inf), axis=1, kind="stable")  # gaps last, ties by time
    values = np.take_along_axis(series, order, axis=1)
    cum = np.cumsum(np.take_along_axis(np.where(ok, weight, 0.0), order, axis=1), axis=1)
    last = np.maximum(count - 1, 0)
    ratio = _decayed_over_plain(values, cum, last, 95)
    if bursty is not None and bursty.any():
        ratio = np.where(bursty, np.minimum(ratio, _decayed_over_plain(values, cum, last, 50)), ratio)
    return np.where(count < 48, 1.0, np.minimum(2.0, np.maximum(1.0, ratio)))


def _decayed_over_plain(values: np.ndarray, cum: np.ndarray, last: np.ndarray, q: int) -> np.ndarray:
    """Per row of sorted `values`: the decayed q-th percentile (weights' cumulative sums `cum`) over the
    plain one, 1 where the plain one is not above 0 (as `recency`)."""
    rows = np.arange(values.shape[0])
    at = np.minimum((cum < q / 100 * cum[:, -1:]).sum(axis=1), last)  # searchsorted(cum, q% of total)
    decayed = values[rows, at]
    virtual = last * (q / 100)  # np.percentile(values, q): linear interpolation between neighbours
    below = np.floor(virtual).astype(np.intp)
    gamma = virtual - below
    a, b = values[rows, below], values[rows, np.minimum(below + 1, last)]
    diff = b - a
    plain = np.where(gamma >= 0.5, b - diff * (1 - gamma), a + diff * gamma)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(plain > 0, decayed / plain, 1.0)


WEEK_DAYS = 7


def memory_recency(daily_means: np.ndarray) -> np.ndarray:
    """How the memory in use now compares with the window's, per row of (rows, days) daily means (the
    days ending at the window's end): the larger of the means weighted by 2^(-age / 24 h) (VPA's
    half-life) and the last week's mean, over the window's mean, between 0.5 and 2. Recent use weighs
    more both ways: a step up raises the request at once, a step down lowers it once a whole week
    (weekly-aware: a quiet weekend alone lowers nothing) shows it. Windows of a week or less only raise,
    as for CPU. 1 with fewer than 3 days."""
    rows, days = daily_means.shape
    if days < 3:
        return np.ones(rows)
    age_h = (days - 1 - np.arange(days)) * 24.0
    weight = 0.5 ** (age_h / RECENCY_HALF_LIFE_H)
    decayed = (daily_means * weight).sum(axis=1) / weight.sum()
    window = daily_means.mean(axis=1)
    floor = daily_means[:, -WEEK_DAYS:].mean(axis=1) if days > WEEK_DAYS else window
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.maximum(decayed, floor) / window
    return np.where(window > 0, np.clip(ratio, 0.5, 2.0), 1.0)


def recommendation(prof: Profile, oom_killed: bool = False, recent: float = 1.0) -> Recommendation:
    """forge's recommendation from a container's profile; `recent` is `recency` of its CPU; the memory
    request is weighted by the profile's own `memory_recent`. The memory limit keeps the window's
    maximum and the projected trend (recency never lowers it: a leak still gets its headroom)."""
    confidence = min(1.0, prof.history_hours / FULL_CONFIDENCE_HOURS)
    cpu_p95 = max(prof.cpu_p95, prof.cpu_p95_busiest)
    cpu_request = cpu_p95 * recent * (1.0 + 0.15 * (1.0 - confidence))
    limit = prof.memory_projected_max * (1.15 + 0.25 * (1.0 - confidence))
    if oom_killed:
        limit *= 1.2
    request = min(limit, prof.memory_p99 * 1.10 * prof.memory_recent)
    return Recommendation(
        max(CPU_FLOOR, cpu_request),
        max(MEMORY_FLOOR, request),
        max(MEMORY_FLOOR, limit),
        round(confidence, 3),
    )


def krr(cpu: np.ndarray, memory: np.ndarray) -> Recommendation | None:
    """robusta KRR's `simple` strategy (robusta_krr/strategies/simple.py): CPU request = the largest of the
    pods' own p95s (its PercentileCPULoader runs quantile_over_time per pod, then takes the max), memory
    request and limit = the pods' max + 15%."""
    c = cpu[np.isfinite(cpu)]
    m = memory[np.isfinite(memory)]
    if c.size == 0 or m.size == 0:
        return None
    rows = cpu if cpu.ndim == 2 else cpu[None, :]
    per_pod = [np.percentile(r[np.isfinite(r)], 95) for r in rows if np.isfinite(r).any()]
    mem = float(m.max()) * 1.15
    return Recommendation(float(max(per_pod)), mem, mem, 1.0)


# -- profiles from statistics a metrics server computed (Prometheus) ------------------------------

HOUR_STEPS = 3600 // STEP_S


@dataclass
class Summary:
    """Per (namespace, pod, container) statistics over an analysis window, one value per series
    instead of the series (what Prometheus returns for `quantile_over_time` and friends). Rows follow
    `Usage.keys`; NaN where a series has no sample."""

    cpu: np.ndarray  # (n, 4) cores: p50, p95, p99, max (numpy's linear interpolation, as Prometheus's)
    memory: np.ndarray  # (n, 3) bytes: p50, p99, max
    memory_samples: np.ndarray  # (n,) memory samples in the window
    steps: int  # 5-minute steps in the window
    daily_sum: np.ndarray  # (n, days) memory per day, the days ending at the window's end
    daily_count: np.ndarray  # (n, days)
    daily_max: np.ndarray  # (n, days)
    hourly_cpu: np.ndarray  # (n, hours) mean CPU per hour, the hours ending at the window's end


def summary_profile(s: Summary, rows: list[int]) -> Profile | None:
    """`profile` of a container whose pods are `rows` of `s`. Exact (up to float rounding) for a container
    with one pod: its percentiles are the series' own. With several pods the pooled percentiles are the
    sample-weighted mean of the pods' percentiles (the pooled value always lies between the pods' smallest
    and largest); max, history, daily means and maxima (so trend and projection) stay exact. The pattern's
    daily-cycle test runs on hourly means (same decisions as on 5-minute samples on the generated clusters;
    see docs/forge.md)."""
    idx = np.asarray(rows)
    cpu, mem, weight = s.cpu[idx], s.memory[idx], s.memory_samples[idx]
    has_cpu, has_mem = np.isfinite(cpu[:, 1]), np.isfinite(mem[:, 1])
    if not has_cpu.any() or not has_mem.any():
        return None
    cp, mp = _pooled(cpu, has_cpu, weight), _pooled(mem, has_mem, weight)
    cmax, mmax = float(np.nanmax(cpu[:, -1])), float(np.nanmax(mem[:, -1]))
    steps = min(s.steps, int(np.nansum(weight)))
    counts = s.daily_count[idx].sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.nansum(s.daily_sum[idx], axis=0) / counts
    means = means[counts > 0]
    maxima = np.where(np.isfinite(s.daily_max[idx]), s.daily_max[idx], -np.inf).max(axis=0)[counts > 0]
    trend = float(slope(means) / means.mean()) if means.size >= 2 and means.mean() > 0 else 0.0
    projected = mmax
    if maxima.size >= 3:
        rise = float(slope(maxima))
        if rise > 0:
            projected = max(mmax, float(maxima[-1]) + rise * PROJECT_DAYS)
    pattern = _summary_pattern(np.array([cp[0], cp[1], cp[2]]), s.hourly_cpu[idx], steps)
    return Profile(
        float(cp[0]),
        float(cp[1]),
        float(cp[2]),
        cmax,
        float(mp[0]),
        float(mp[1]),
        mmax,
        trend,
        pattern,
        steps * STEP_S / 3600,
        projected,
        float(memory_recency(means[None, :])[0]),
        _summary_busiest(cpu[:, 1], weight),
    )


def _summary_busiest(p95: np.ndarray, samples: np.ndarray) -> float:
    """`busiest_p95` from the pods' own p95s (Prometheus's quantile_over_time per series) and sample counts."""
    if p95.size < 2:
        return 0.0
    ok = np.isfinite(p95) & (np.nan_to_num(samples) >= MIN_POD_SAMPLES)
    return float(p95[ok].max()) if ok.any() else 0.0


def _pooled(values: np.ndarray, ok: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """The pods' statistics (all but the last column, the max) pooled: a lone pod's own, else their
    sample-weighted mean."""
    if ok.sum() == 1:
        return values[ok][0]
    w = np.maximum(weight[ok], 1.0)
    return (values[ok, :-1] * w[:, None]).sum(axis=0) / w.sum()


def _summary_pattern(pct: np.ndarray, hourly: np.ndarray, steps: int) -> str:
    """`_pattern` from pooled CPU percentiles (p50, p95, p99) and the pods' hourly means."""
    if pct[1] < 0.005:
        return "idle"
    if pct[2] > 3 * max(pct[0], 1e-6):
        return "bursty"
    series = pod_mean(hourly)
    series = series[np.isfinite(series)]
    day = 24
    # As `profile`, which needs two days of 5-minute rates: a series' first sample has none, so a window
    # of exactly two days (576 samples, 575 rates) is too short there, and must be here too.
    if series.size >= 2 * day and steps - 1 >= 2 * DAY_STEPS and series.std() > 0:
        centred = series - series.mean()
        lagged = float(np.dot(centred[:-day], centred[day:]) / np.dot(centred, centred))
        if lagged > 0.4 and series.std() / series.mean() > 0.2:
            return "diurnal"
    return "steady"
