"""Recommendations from measured usage: forge's, and robusta KRR's simple strategy as the baseline.

forge (arrays are (pods, steps), NaN where no sample; pods of one container are pooled):
- CPU request: p95 of usage, plus a margin that shrinks as history grows (confidence).
- memory limit: the larger of the observed maximum and the maximum projected a week ahead from
  the trend of daily maxima (a slow leak or a growing cache outgrows "max x 1.15" within days),
  times 1.15 plus a low-confidence margin; after an OOM kill, x1.2 more (VPA's OOM bump, since the
  recorded usage was cut off at the old limit).
- memory request: p99 x 1.10 — the scheduler reserves typical use, the limit covers the peaks.
KRR simple: CPU request = p95, memory request = limit = max x 1.15.
"""

from __future__ import annotations

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


def profile(cpu: np.ndarray, memory: np.ndarray) -> Profile | None:
    """None when there are no samples at all."""
    c = cpu[np.isfinite(cpu)]
    m = memory[np.isfinite(memory)]
    if c.size == 0 or m.size == 0:
        return None
    cp = np.percentile(c, [50, 95, 99])
    mp = np.percentile(m, [50, 99])
    steps = int(np.isfinite(memory).any(axis=0).sum())
    return Profile(float(cp[0]), float(cp[1]), float(cp[2]), float(c.max()), float(mp[0]), float(mp[1]),
                   float(m.max()), _trend(memory), _pattern(cpu, cp), steps * STEP_S / 3600)


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
    slope = np.polyfit(np.arange(means.size), means, 1)[0]
    return float(slope / means.mean())


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


def pod_mean(values: np.ndarray) -> np.ndarray:
    """Mean over pods per step; NaN where no pod has a sample (without numpy's empty-slice warning)."""
    finite = np.isfinite(values)
    count = finite.sum(axis=0)
    total = np.where(finite, values, 0.0).sum(axis=0)
    return np.where(count > 0, total / np.maximum(count, 1), np.nan)


def forge(cpu: np.ndarray, memory: np.ndarray, oom_killed: bool = False) -> Recommendation | None:
    prof = profile(cpu, memory)
    if prof is None:
        return None
    confidence = min(1.0, prof.history_hours / FULL_CONFIDENCE_HOURS)
    cpu_request = prof.cpu_p95 * (1.0 + 0.15 * (1.0 - confidence))
    daily_max = _daily(memory, "max")
    projected = prof.memory_max
    if daily_max.size >= 3:
        slope = float(np.polyfit(np.arange(daily_max.size), daily_max, 1)[0])
        if slope > 0:
            projected = max(projected, float(daily_max[-1]) + slope * PROJECT_DAYS)
    limit = projected * (1.15 + 0.25 * (1.0 - confidence))
    if oom_killed:
        limit *= 1.2
    request = min(limit, prof.memory_p99 * 1.10)
    return Recommendation(max(CPU_FLOOR, cpu_request), max(MEMORY_FLOOR, request), max(MEMORY_FLOOR, limit),
                          round(confidence, 3))


def krr(cpu: np.ndarray, memory: np.ndarray) -> Recommendation | None:
    """robusta KRR's `simple` strategy: CPU p95, memory max + 15% for request and limit."""
    c = cpu[np.isfinite(cpu)]
    m = memory[np.isfinite(memory)]
    if c.size == 0 or m.size == 0:
        return None
    mem = float(m.max()) * 1.15
    return Recommendation(float(np.percentile(c, 95)), mem, mem, 1.0)
