"""LEO satellite handoff: which satellite a ground terminal should use, when it must switch, where
coverage has gaps; plus what is overhead now and one satellite's passes. Validation of the
caller's numbers lives here too, so the tools stay thin."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

import numpy as np

from servers.hardware import orbits, tle
from servers.hardware.limits import MAX_INTERVALS_SHOWN, Limits
from shared.errors import BadInput, Refused

Policy = Literal["max_elevation", "longest_visible", "hysteresis"]
POLICIES = ("max_elevation", "longest_visible", "hysteresis")
STALE_TLE_DAYS = 3.0  # SGP4 from a TLE this far from its epoch drifts by kilometres


@dataclass(frozen=True)
class OrbitData:
    """Where the orbits came from and how old they are: part of every satellite answer."""

    constellation: str
    source: str  # file:<name>, celestrak:<group>, or synthetic:... (generated, not real satellites)
    synthetic: bool
    satellites: int
    data_age_s: float | None  # since the TLEs were downloaded or the file changed
    tle_epoch_offset_days: float  # median days between the TLE epochs and the requested time
    warnings: list[str]


@dataclass(frozen=True)
class Ground:
    """Where a terminal stands and whose orbits it looks at: what every satellite question starts
    from. `tle_file` resolves only under `roots` (see tle.load)."""

    home: Path
    latitude: float
    longitude: float
    altitude_m: float = 0.0
    min_elevation_deg: float = 25
    constellation: str = "starlink"
    source: tle.Source = "auto"
    tle_file: str | None = None
    roots: Sequence[Path] | None = None

    def site(self) -> orbits.Observer:
        return observer(self.latitude, self.longitude, self.altitude_m)

    def floor(self) -> float:
        return elevation_floor(self.min_elevation_deg)

    def load_orbits(self, when: datetime) -> tle.Constellation:
        return tle.load(self.home, self.constellation, self.source, when, self.tle_file, self.roots)


@dataclass(frozen=True)
class Position:
    """Where a satellite stands in a ground terminal's sky at one time (ISO 8601, UTC)."""

    time: str
    elevation_deg: float
    azimuth_deg: float


@dataclass(frozen=True)
class Serving:
    """One satellite serving the terminal from `start` to `end` (its last time step)."""

    satellite: str
    norad_id: int
    start: Position
    end: Position


@dataclass(frozen=True)
class CoverageGap:
    start: str
    end: str
    duration_s: float


@dataclass(frozen=True)
class Plan:
    """A serving plan: one page of its intervals (`intervals_offset` on, at most `shown`), the switch
    times of that page, and every coverage gap."""

    policy: str
    start: str
    end: str
    step_s: float
    min_elevation_deg: float
    intervals: list[Serving]
    intervals_total: int
    intervals_offset: int
    shown: int
    switch_times: list[str]
    gaps: list[CoverageGap]
    coverage_fraction: float
    data: OrbitData
    compute_ms: float

    @property
    def handoffs(self) -> int:
        """Switches from one serving satellite to another, including re-acquisitions after gaps."""
        return max(0, self.intervals_total - 1)


@dataclass(frozen=True)
class Visible:
    satellite: str
    norad_id: int
    elevation_deg: float
    azimuth_deg: float
    range_km: float


@dataclass(frozen=True)
class Sky:
    """Every satellite above the minimum elevation at one time, highest first."""

    time: str
    min_elevation_deg: float
    satellites: list[Visible]
    data: OrbitData


@dataclass(frozen=True)
class Pass:
    rise: str
    culmination: Position
    set: str
    duration_s: float


@dataclass(frozen=True)
class PassList:
    satellite: str
    norad_id: int
    min_elevation_deg: float
    passes: list[Pass]
    data: OrbitData


# -- validation -------------------------------------------------------------------------------


def observer(latitude: float, longitude: float, altitude_m: float) -> orbits.Observer:
    for name, value, lo, hi in (
        ("latitude", latitude, -90, 90),
        ("longitude", longitude, -180, 180),
        ("altitude_m", altitude_m, -500, 100_000),
    ):
        if not (isinstance(value, int | float) and math.isfinite(value) and lo <= value <= hi):
            raise BadInput(
                f"`{name}` must be between {lo} and {hi}.",
                "Send decimal degrees (north and east positive) and metres above sea level.",
            )
    return orbits.Observer(float(latitude), float(longitude), float(altitude_m))


def parse_time(value: str | None, name: str = "start") -> datetime:
    if value is None or value == "":
        return datetime.now(UTC).replace(microsecond=0)
    if len(value) > 40:
        raise BadInput(
            f"`{name}` is not an ISO 8601 time.", "Send e.g. 2026-02-23T12:00:00Z, or leave it out for now."
        )
    try:
        t = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise BadInput(
            f"`{name}` is not an ISO 8601 time.", "Send e.g. 2026-02-23T12:00:00Z, or leave it out for now."
        ) from None
    t = t.replace(tzinfo=UTC) if t.tzinfo is None else t.astimezone(UTC)
    if not 1960 <= t.year <= 2100:
        raise BadInput(f"`{name}` must be between 1960 and 2100.", "Send a time near the TLE epochs.")
    return t


def elevation_floor(min_elevation_deg: float) -> float:
    if not (math.isfinite(min_elevation_deg) and 0 <= min_elevation_deg < 90):
        raise BadInput(
            "`min_elevation_deg` must be at least 0 and below 90.",
            "Terminals typically use 25 (Starlink) or 10.",
        )
    return float(min_elevation_deg)


def time_grid(start: datetime, duration_s: float, step_s: float, limits: Limits) -> orbits.TimeGrid:
    if not (math.isfinite(step_s) and 1 <= step_s <= 600):
        raise BadInput("`step_s` must be between 1 and 600 seconds.", "Use 15 for handoff planning.")
    if not (math.isfinite(duration_s) and step_s <= duration_s <= limits.max_duration_s):
        raise BadInput(
            f"`duration_s` must be between step_s and {limits.max_duration_s:,} seconds.",
            "Plan a shorter window, e.g. 3600 (one hour) or 86400 (a day).",
        )
    steps = int(duration_s // step_s)
    if steps > limits.max_steps:
        raise BadInput(
            f"{duration_s:g} s at {step_s:g} s steps is {steps:,} steps; the cap is {limits.max_steps:,}.",
            "Use a larger step_s or a shorter duration_s.",
        )
    return orbits.TimeGrid(start, float(step_s), steps)


def data_source(constellation: tle.Constellation, when: datetime) -> OrbitData:
    jd_when = (when - datetime(2000, 1, 1, 12, tzinfo=UTC)).total_seconds() / 86400 + 2451545.0
    offset = float(np.median(np.abs(np.array(constellation.epoch_jd()) - jd_when)))
    age = None if constellation.fetched_at is None else max(0.0, time.time() - constellation.fetched_at)
    warnings = []
    if offset > STALE_TLE_DAYS:
        warnings.append(
            f"Stale TLEs: their epochs are a median {offset:.1f} days from the requested time; SGP4 "
            "positions drift by kilometres per day. Refresh the TLEs or ask about a time nearer them."
        )
    if constellation.synthetic:
        warnings.append(
            "Synthetic constellation: a generated Walker-delta shell, not real satellites. Configure "
            "a TLE file (HDR_HARDWARE_TLE_FILE) or CelesTrak (source celestrak) for real ones."
        )
    return OrbitData(
        constellation=constellation.name,
        source=constellation.source,
        synthetic=constellation.synthetic,
        satellites=len(constellation.names),
        data_age_s=age,
        tle_epoch_offset_days=offset,
        warnings=warnings,
    )


def iso(t: datetime) -> str:
    return t.astimezone(UTC).isoformat().replace("+00:00", "Z")


# -- the plan ---------------------------------------------------------------------------------


def serving_sequence(
    sightings: orbits.Sightings, steps: int, policy: str, hysteresis_deg: float
) -> np.ndarray:
    """The satellite index serving at each step (-1: none), under the policy."""
    step, sat, el = sightings.step, sightings.sat, sightings.elevation
    # Where each satellite's current visibility run ends (for longest_visible).
    by_sat = np.lexsort((step, sat))
    s_sorted, t_sorted = sat[by_sat], step[by_sat]
    breaks = np.ones(len(by_sat), dtype=bool)
    breaks[1:] = (s_sorted[1:] != s_sorted[:-1]) | (t_sorted[1:] != t_sorted[:-1] + 1)
    run_id = np.cumsum(breaks) - 1
    run_last = np.zeros(run_id[-1] + 1 if len(run_id) else 0, dtype=np.int64)
    np.maximum.at(run_last, run_id, t_sorted)
    run_end = np.empty(len(by_sat), dtype=np.int64)
    run_end[by_sat] = run_last[run_id]
    first = np.searchsorted(step, np.arange(steps + 2))
    serving = np.full(steps + 1, -1, dtype=np.int64)
    current = -1
    for k in range(steps + 1):
        a, b = first[k], first[k + 1]
        if a == b:
            current = -1
            continue
        sats_k, els_k = sat[a:b], el[a:b]  # sorted by elevation, highest first
        here = np.flatnonzero(sats_k == current)
        if policy == "max_elevation" or current < 0 or len(here) == 0:
            if policy == "longest_visible":
                best = int(np.lexsort((-els_k, -run_end[a:b]))[0])
                current = int(sats_k[best])
            else:
                current = int(sats_k[0])
        elif policy == "hysteresis" and els_k[0] > els_k[here[0]] + hysteresis_deg:
            current = int(sats_k[0])
        serving[k] = current
    return serving


def plan(
    ground: Ground,
    start: str | None = None,
    duration_s: float = 3600,
    step_s: float = 15,
    policy: str = "max_elevation",
    hysteresis_deg: float = 10.0,
    limits: Limits | None = None,
    brute_force: bool = False,
    check: Callable[[], None] | None = None,
    offset: int = 0,
    shown: int = MAX_INTERVALS_SHOWN,
) -> Plan:
    """The serving plan, its intervals from `offset` (at most `shown` of them, and of its gaps).
    `brute_force` propagates every satellite at every step (the reference)."""
    started = time.perf_counter()
    limits = limits or Limits.from_env()
    obs = ground.site()
    t0 = parse_time(start)
    min_el = ground.floor()
    grid = time_grid(t0, duration_s, step_s, limits)
    _check_plan_args(policy, hysteresis_deg, offset)
    shown = max(1, min(shown, MAX_INTERVALS_SHOWN))
    const = ground.load_orbits(t0)
    _check_work(const, grid, limits)
    bounded = _bounds(check, limits)
    if brute_force:
        sightings = orbits.visible_brute(const, grid, obs, min_el)
    else:
        sightings = orbits.visible_fast(const, grid, obs, min_el, bounded)
    serving = serving_sequence(sightings, grid.steps, policy, hysteresis_deg)
    return _shape(const, grid, sightings, serving, policy, min_el, t0, started, offset, shown)


def _check_plan_args(policy: str, hysteresis_deg: float, offset: int) -> None:
    if policy not in POLICIES:
        raise BadInput(
            f"`policy` must be one of {', '.join(POLICIES)}.", "Use max_elevation unless told otherwise."
        )
    if not (math.isfinite(hysteresis_deg) and 0 <= hysteresis_deg <= 90):
        raise BadInput("`hysteresis_deg` must be between 0 and 90.", "Use about 10.")
    if not (isinstance(offset, int) and 0 <= offset <= 10**7):
        raise BadInput(
            "`offset` must be a non-negative interval index.", "Send the next_offset of the previous answer."
        )


def _check_work(const: tle.Constellation, grid: orbits.TimeGrid, limits: Limits) -> None:
    work = len(const.names) * (grid.steps + 1)
    if work > limits.max_sat_steps:
        raise BadInput(
            f"{len(const.names):,} satellites over {grid.steps + 1:,} time steps is {work:,} positions; "
            f"the cap is {limits.max_sat_steps:,}.",
            "Use a larger step_s or a shorter duration_s.",
        )


def _bounds(check: Callable[[], None] | None, limits: Limits) -> Callable[[], None]:
    """What the search calls between its stages: the caller's cancellation, then the wall time
    (counted from now)."""
    deadline = time.monotonic() + limits.search_timeout_s

    def bounded() -> None:
        if check is not None:
            check()
        if time.monotonic() > deadline:
            raise Refused(
                f"The satellite search ran past its limit of {limits.search_timeout_s:g} s and stopped.",
                "Use a larger step_s or a shorter duration_s.",
            )

    return bounded


def _shape(
    const: tle.Constellation,
    grid: orbits.TimeGrid,
    sightings: orbits.Sightings,
    serving: np.ndarray,
    policy: str,
    min_el: float,
    t0: datetime,
    started: float,
    offset: int = 0,
    shown: int = MAX_INTERVALS_SHOWN,
) -> Plan:
    def at(k: int) -> datetime:
        return t0 + timedelta(seconds=k * grid.step_s)

    intervals, gaps, switches, total = _runs(const, grid, sightings, serving, t0, offset, shown)
    return Plan(
        policy=policy,
        start=iso(t0),
        end=iso(at(grid.steps)),
        step_s=grid.step_s,
        min_elevation_deg=min_el,
        intervals=intervals,
        intervals_total=total,
        intervals_offset=offset,
        shown=shown,
        switch_times=switches,
        gaps=gaps,
        coverage_fraction=float(np.mean(serving >= 0)),
        data=data_source(const, t0),
        compute_ms=(time.perf_counter() - started) * 1e3,
    )


def _runs(
    const: tle.Constellation,
    grid: orbits.TimeGrid,
    sightings: orbits.Sightings,
    serving: np.ndarray,
    t0: datetime,
    offset: int,
    shown: int,
) -> tuple[list[Serving], list[CoverageGap], list[str], int]:
    """The serving intervals from `offset` (at most `shown`), every gap, the switch times of the
    intervals shown, and how many intervals there are in all."""

    def at(k: int) -> datetime:
        return t0 + timedelta(seconds=k * grid.step_s)

    n_sats = len(const.names)
    keys = sightings.step * n_sats + sightings.sat
    by_key = np.argsort(keys)
    sorted_keys = keys[by_key]

    def look(k: int, s: int) -> Position:
        i = int(by_key[np.searchsorted(sorted_keys, k * n_sats + s)])
        return Position(
            time=iso(at(k)),
            elevation_deg=round(float(sightings.elevation[i]), 3),
            azimuth_deg=round(float(sightings.azimuth[i]), 3),
        )

    change = np.flatnonzero(np.diff(serving) != 0) + 1
    run_starts = np.concatenate([[0], change])
    run_ends = np.concatenate([change - 1, [len(serving) - 1]])
    intervals: list[Serving] = []
    gaps: list[CoverageGap] = []
    switches: list[str] = []
    total = 0
    for a, b in zip(run_starts.tolist(), run_ends.tolist(), strict=True):
        s = int(serving[a])
        if s < 0:
            gaps.append(CoverageGap(start=iso(at(a)), end=iso(at(b)), duration_s=(b - a + 1) * grid.step_s))
            continue
        total += 1
        if offset < total <= offset + shown:
            intervals.append(
                Serving(
                    satellite=const.names[s], norad_id=const.norad_ids[s], start=look(a, s), end=look(b, s)
                )
            )
            if total > 1:
                switches.append(iso(at(a)))
    return intervals, gaps, switches, total


def overhead(ground: Ground, when: str | None = None) -> Sky:
    obs = ground.site()
    t = parse_time(when, "time")
    min_el = ground.floor()
    const = ground.load_orbits(t)
    grid = orbits.TimeGrid(t, 1.0, 0)
    seen = orbits.visible_brute(const, grid, obs, min_el)
    sats = [
        Visible(
            satellite=const.names[s],
            norad_id=const.norad_ids[s],
            elevation_deg=round(float(e), 3),
            azimuth_deg=round(float(a), 3),
            range_km=round(float(r), 1),
        )
        for s, e, a, r in zip(seen.sat.tolist(), seen.elevation, seen.azimuth, seen.range_km, strict=True)
    ]
    return Sky(time=iso(t), min_elevation_deg=min_el, satellites=sats, data=data_source(const, t))


def passes(
    ground: Ground,
    satellite: str,
    start: str | None = None,
    duration_s: float = 86400,
    limits: Limits | None = None,
) -> PassList:
    """Rise, culmination and set of one satellite, on a 5 s grid (rise and set interpolated)."""
    limits = limits or Limits.from_env()
    if not isinstance(satellite, str) or not satellite.strip() or len(satellite) > 64:
        raise BadInput(
            "`satellite` must be a satellite name or NORAD id.", "Send e.g. STARLINK-1008 or 44714."
        )
    obs = ground.site()
    t0 = parse_time(start)
    min_el = ground.floor()
    step = 5.0
    if not (math.isfinite(duration_s) and step <= duration_s <= min(limits.max_duration_s, 7 * 86400)):
        raise BadInput(
            f"`duration_s` must be between 5 and {min(limits.max_duration_s, 7 * 86400):,} seconds.",
            "Ask for a day (86400) or less.",
        )
    const = ground.load_orbits(t0)
    index = const.find(satellite)
    grid = orbits.TimeGrid(t0, step, int(duration_s // step))
    k = np.arange(grid.steps + 1)
    jd, _ = grid.jd_fr
    err, r, _ = const.satrecs[index].sgp4_array(np.full(len(k), jd), grid.fr(k))
    r[err != 0] = np.nan
    el, az, _ = orbits.look_angles(r, grid.theta(k), obs)
    found = _found_passes(el, az, min_el, t0, step, grid.steps)
    return PassList(
        satellite=const.names[index],
        norad_id=const.norad_ids[index],
        min_elevation_deg=min_el,
        passes=found,
        data=data_source(const, t0),
    )


def _found_passes(
    el: np.ndarray, az: np.ndarray, min_el: float, t0: datetime, step: float, last: int
) -> list[Pass]:
    """The passes in one satellite's elevations on the grid: runs above `min_el`, their rise and set
    interpolated between steps (or the grid's ends), their culmination the highest step."""

    def crossing(i: int) -> datetime:  # min_el crossing between steps i and i+1, linearly interpolated
        frac = (min_el - el[i]) / (el[i + 1] - el[i])
        return t0 + timedelta(seconds=(i + float(np.clip(frac, 0, 1))) * step)

    up = np.nan_to_num(el, nan=-90.0) >= min_el
    padded = np.concatenate([[False], up, [False]]).astype(np.int8)
    run_starts = np.flatnonzero(np.diff(padded) == 1)
    run_ends = np.flatnonzero(np.diff(padded) == -1) - 1
    found: list[Pass] = []
    for a, b in zip(run_starts.tolist(), run_ends.tolist(), strict=True):
        rise_t = t0 if a == 0 else crossing(a - 1)
        set_t = t0 + timedelta(seconds=last * step) if b == last else crossing(b)
        top = a + int(np.argmax(el[a : b + 1]))
        found.append(
            Pass(
                rise=iso(rise_t),
                set=iso(set_t),
                duration_s=(set_t - rise_t).total_seconds(),
                culmination=Position(
                    time=iso(t0 + timedelta(seconds=top * step)),
                    elevation_deg=round(float(el[top]), 3),
                    azimuth_deg=round(float(az[top]), 3),
                ),
            )
        )
    return found
