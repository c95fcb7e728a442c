"""Where satellites appear in a ground observer's sky: SGP4 (the `sgp4` package's vectorised
arrays), TEME -> Earth-fixed by Greenwich sidereal time, then elevation and azimuth on WGS84.

`visible_fast` finds every (time step, satellite) above a minimum elevation without propagating
every satellite at every step: it propagates everything on a coarse grid, keeps only satellites
whose direction is within a provable angular bound of the observer's visibility cone, and refines
those on finer grids down to the requested step. `visible_brute` propagates everything at every
step; it exists as the reference the fast search is tested and benchmarked against.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from servers.hardware.tle import Constellation

WGS84_A_KM = 6378.137
WGS84_F = 1 / 298.257223563
EARTH_ROTATION_RAD_S = 7.2921158553e-5
# Slack for what the angular bound leaves out: geodetic vs geocentric vertical (< 0.2 deg),
# Earth's flattening and radius changes within one coarse step.
CONE_MARGIN_DEG = 0.5
LEVELS_S = (1200, 240, 60)  # sample spacings of the coarse-to-fine search, before the requested step


@dataclass(frozen=True)
class Observer:
    latitude_deg: float
    longitude_deg: float
    altitude_m: float

    @property
    def ecef_km(self) -> np.ndarray:
        lat, lon = math.radians(self.latitude_deg), math.radians(self.longitude_deg)
        e2 = WGS84_F * (2 - WGS84_F)
        n = WGS84_A_KM / math.sqrt(1 - e2 * math.sin(lat) ** 2)
        h = self.altitude_m / 1000
        return np.array([(n + h) * math.cos(lat) * math.cos(lon), (n + h) * math.cos(lat) * math.sin(lon),
                         (n * (1 - e2) + h) * math.sin(lat)])

    @property
    def enu_rotation(self) -> np.ndarray:
        """Rows: east, north, up unit vectors in Earth-fixed coordinates."""
        lat, lon = math.radians(self.latitude_deg), math.radians(self.longitude_deg)
        sl, cl, so, co = math.sin(lat), math.cos(lat), math.sin(lon), math.cos(lon)
        return np.array([[-so, co, 0.0], [-sl * co, -sl * so, cl], [cl * co, cl * so, sl]])


@dataclass(frozen=True)
class TimeGrid:
    """`steps` + 1 instants, `step_s` apart, from `start`; as (jd, fr) for sgp4."""

    start: datetime
    step_s: float
    steps: int

    @property
    def jd_fr(self) -> tuple[float, float]:
        from sgp4.api import jday

        t = self.start.astimezone(UTC)
        return jday(t.year, t.month, t.day, t.hour, t.minute, t.second + t.microsecond / 1e6)

    def fr(self, index: np.ndarray) -> np.ndarray:
        return self.jd_fr[1] + np.asarray(index, dtype=float) * self.step_s / 86400.0

    def theta(self, index: np.ndarray) -> np.ndarray:
        jd, _ = self.jd_fr
        return gmst_1982(jd, self.fr(index))


@dataclass
class Sightings:
    """Every (step, satellite) at or above the minimum elevation, sorted by step then elevation (desc)."""

    step: np.ndarray
    sat: np.ndarray
    elevation: np.ndarray
    azimuth: np.ndarray
    range_km: np.ndarray
    propagations: int  # satellite positions computed to find them


def gmst_1982(jd: float, fr: np.ndarray) -> np.ndarray:
    """Greenwich mean sidereal time (IAU 1982, the angle TEME is defined with), radians. UT1 ~ UTC."""
    tut1 = (jd - 2451545.0 + fr) / 36525.0
    seconds = (-6.2e-6 * tut1**3 + 0.093104 * tut1**2 + (876600.0 * 3600 + 8640184.812866) * tut1
               + 67310.54841)
    return np.mod(np.radians(seconds / 240.0), 2 * np.pi)


def teme_to_ecef(r: np.ndarray, theta: np.ndarray) -> np.ndarray:
    """Rotate TEME positions (..., 3) about z by -theta (broadcast over the leading axes)."""
    c, s = np.cos(theta), np.sin(theta)
    x, y, z = r[..., 0], r[..., 1], r[..., 2]
    return np.stack([c * x + s * y, -s * x + c * y, z], axis=-1)


def look_angles(r_teme: np.ndarray, theta: np.ndarray, observer: Observer) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Elevation and azimuth (degrees, azimuth from north through east) and range (km)."""
    rel = teme_to_ecef(r_teme, theta) - observer.ecef_km
    enu = rel @ observer.enu_rotation.T
    east, north, up = enu[..., 0], enu[..., 1], enu[..., 2]
    horizontal = np.hypot(east, north)
    return (np.degrees(np.arctan2(up, horizontal)), np.mod(np.degrees(np.arctan2(east, north)), 360.0),
            np.sqrt(horizontal**2 + up**2))


def _visibility_half_angle(radius_km: np.ndarray, observer_radius_km: float, min_el_deg: float) -> np.ndarray:
    """Largest geocentric angle between observer and satellite at which the satellite is at or
    above `min_el_deg` (spherical Earth through the observer); negative when never visible."""
    e = math.radians(min_el_deg)
    ratio = observer_radius_km * math.cos(e) / np.maximum(radius_km, 1e-9)
    return np.where(ratio < 1, np.arccos(np.clip(ratio, -1, 1)) - e, -1.0)


def _angular_rates(constellation: Constellation) -> tuple[np.ndarray, float]:
    """Per satellite: a bound on its along-track angular rate seen from Earth's centre, relative to
    the observer (rad/s); and a bound on how fast the observer's angle from any orbit plane changes."""
    n = np.array([s.no_kozai for s in constellation.satrecs]) / 60.0  # rad/min -> rad/s
    ecc = np.clip(np.array([s.ecco for s in constellation.satrecs]), 0, 0.99)
    along = n * (1 + ecc) ** 2 / (1 - ecc**2) ** 1.5 * 1.05 + EARTH_ROTATION_RAD_S  # peaks at perigee
    nodedot = max(abs(s.nodedot) for s in constellation.satrecs) / 60.0
    return along, EARTH_ROTATION_RAD_S + nodedot


def _propagate_pairs(constellation: Constellation, grid: TimeGrid, sat: np.ndarray,
                     step: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """TEME positions and velocities (n, 3) for (satellite, step) pairs sorted by satellite; NaN where SGP4 fails."""
    jd, _ = grid.jd_fr
    fr = grid.fr(step)
    r_out = np.full((len(sat), 3), np.nan)
    v_out = np.full((len(sat), 3), np.nan)
    if len(sat) == 0:
        return r_out, v_out
    bounds = np.flatnonzero(np.diff(sat)) + 1
    starts = np.concatenate([[0], bounds])
    ends = np.concatenate([bounds, [len(sat)]])
    for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
        rec = constellation.satrecs[int(sat[a])]
        err, r, v = rec.sgp4_array(np.full(b - a, jd), fr[a:b])
        r[err != 0] = np.nan
        r_out[a:b] = r
        v_out[a:b] = v
    return r_out, v_out


def _near(r: np.ndarray, v: np.ndarray, theta: np.ndarray, observer: Observer, min_el: float,
          along_slack: np.ndarray, cross_slack: float) -> np.ndarray:
    """Whether each satellite sample could be at or above `min_el` within the slack (radians) of
    motion around it. The geocentric angle A to the observer splits into a cross-track leg C (the
    observer's angle from the orbit plane, which changes slowly) and an along-track leg L, with
    cos A = cos C cos L; visible means A <= the visibility half-angle H, so C <= H and L <= H. A itself
    changes no faster than the along-track bound plus the cross-track one, which the along-track
    bound already includes (Earth's rotation)."""
    obs = observer.ecef_km
    obs_radius = float(np.linalg.norm(obs))
    c, s = np.cos(theta), np.sin(theta)
    u = np.stack([c * obs[0] - s * obs[1], s * obs[0] + c * obs[1], np.broadcast_to(obs[2], np.shape(theta))],
                 axis=-1) / obs_radius
    radius = np.linalg.norm(r, axis=-1)
    normal = np.cross(r, v)
    normal /= np.linalg.norm(normal, axis=-1, keepdims=True)
    off_plane = np.einsum("...k,...k->...", normal, u)
    cross = np.arcsin(np.clip(np.abs(off_plane), 0, 1))
    in_plane = u - off_plane[..., None] * normal
    cos_along = np.einsum("...k,...k->...", r, in_plane) / (radius * np.maximum(np.linalg.norm(in_plane, axis=-1), 1e-12))
    along = np.arccos(np.clip(cos_along, -1, 1))
    half = _visibility_half_angle(radius, obs_radius, min_el)
    cos_angle = np.einsum("...k,...k->...", r, u) / radius
    angle = np.arccos(np.clip(cos_angle, -1, 1))
    near = (cross <= half + cross_slack) & (along <= half + along_slack) & (angle <= half + along_slack)
    return near & ~np.isnan(radius)


def _expand(sat: np.ndarray, step: np.ndarray, reach: int, spacing: int, last: int) -> tuple[np.ndarray, np.ndarray]:
    """Sample points at most `spacing` apart covering [step - reach, step + reach] of each (sat, step)
    (pairs sorted by satellite, then step), both ends of every covered run included; sorted, unique.

    Overlapping neighbourhoods are merged into runs first: expanding every point separately and
    deduplicating afterwards costs more than the propagation it saves."""
    if len(sat) == 0:
        return sat, step
    start = np.clip(step - reach, 0, last)
    end = np.clip(step + reach, 0, last)
    new_run = np.ones(len(sat), dtype=bool)
    new_run[1:] = (sat[1:] != sat[:-1]) | (start[1:] > end[:-1] + 1)
    firsts = np.flatnonzero(new_run)
    lasts = np.concatenate([firsts[1:] - 1, [len(sat) - 1]])
    # within one satellite the ends only grow, so a run ends where its last interval ends
    run_sat, run_a, run_b = sat[firsts], start[firsts], end[lasts]
    counts = (run_b - run_a) // spacing + 1
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    points = np.repeat(run_a, counts) + offsets * spacing
    sats = np.repeat(run_sat, counts)
    ragged = (run_b - run_a) % spacing != 0
    key = np.sort(np.concatenate([sats * (last + 1) + points, run_sat[ragged] * (last + 1) + run_b[ragged]]))
    return key // (last + 1), key % (last + 1)


def _finish(constellation: Constellation, grid: TimeGrid, observer: Observer, sat: np.ndarray, step: np.ndarray,
            r: np.ndarray, min_el: float, propagations: int) -> Sightings:
    theta = grid.theta(step)
    rel = teme_to_ecef(r, theta) - observer.ecef_km
    up = observer.enu_rotation[2]
    sin_el = (rel @ up) / np.linalg.norm(rel, axis=-1)
    keep = sin_el >= math.sin(math.radians(min_el))  # cheap test first; full angles for the few kept
    sat, step = sat[keep], step[keep]
    el, az, rng = look_angles(r[keep], theta[keep], observer)
    keep = el >= min_el
    sat, step, el, az, rng = sat[keep], step[keep], el[keep], az[keep], rng[keep]
    order = np.lexsort((-el, step))
    return Sightings(step=step[order], sat=sat[order], elevation=el[order], azimuth=az[order],
                     range_km=rng[order], propagations=propagations)


def visible_fast(constellation: Constellation, grid: TimeGrid, observer: Observer, min_el: float,
                 check: Callable[[], None] | None = None) -> Sightings:
    """Every (step, satellite) at or above `min_el`, by coarse-to-fine search.

    Each level samples candidates every `spacing` steps and keeps the neighbourhood (+-spacing) of
    each sample whose geocentric angle to the observer is within the visibility half-angle plus the
    most the angle can change in half a spacing (`_max_angular_rate`) plus CONE_MARGIN_DEG: a
    satellite visible at any instant is within half a spacing of a sample that passes, so nothing
    visible is dropped. `check()` is called between levels (it may raise to cancel)."""
    last = grid.steps
    along_rate, cross_rate = _angular_rates(constellation)
    margin = math.radians(CONE_MARGIN_DEG)
    spacings = sorted({round(s / grid.step_s) for s in LEVELS_S if round(s / grid.step_s) > 1}, reverse=True)
    if not spacings:  # steps already coarse: brute force is the fast way
        return visible_brute(constellation, grid, observer, min_el)

    def near(r: np.ndarray, v: np.ndarray, theta: np.ndarray, rates: np.ndarray, spacing: int) -> np.ndarray:
        half_window = spacing * grid.step_s / 2
        return _near(r, v, theta, observer, min_el, rates * half_window + margin, cross_rate * half_window + margin)

    # Level 0: every satellite on the coarsest grid, through the vectorised SatrecArray.
    coarse = np.unique(np.minimum(np.arange(0, last + spacings[0], spacings[0]), last))
    jd, _ = grid.jd_fr
    err, r, v = constellation.array.sgp4(np.full(len(coarse), jd), grid.fr(coarse))
    r[err != 0] = np.nan
    propagations = r.shape[0] * r.shape[1]
    passing = near(r, v, grid.theta(coarse)[None, :], along_rate[:, None], spacings[0])
    sat_i, step_j = np.nonzero(passing)
    sat, step = sat_i.astype(np.int64), coarse[step_j].astype(np.int64)
    reach = spacings[0]
    for spacing in spacings[1:] + [1]:
        if check is not None:
            check()
        sat, step = _expand(sat, step, reach, spacing, last)
        r, v = _propagate_pairs(constellation, grid, sat, step)
        propagations += len(sat)
        if spacing == 1:
            return _finish(constellation, grid, observer, sat, step, r, min_el, propagations)
        passing = near(r, v, grid.theta(step), along_rate[sat], spacing)
        sat, step, reach = sat[passing], step[passing], spacing
    raise AssertionError("unreachable: the last level has spacing 1")


def visible_brute(constellation: Constellation, grid: TimeGrid, observer: Observer, min_el: float,
                  chunk: int = 120) -> Sightings:
    """Every satellite at every step (the reference: exact but slow), in chunks of steps to bound memory."""
    jd, _ = grid.jd_fr
    parts: list[tuple[np.ndarray, ...]] = []
    propagations = 0
    for first in range(0, grid.steps + 1, chunk):
        steps = np.arange(first, min(first + chunk, grid.steps + 1))
        err, r, _ = constellation.array.sgp4(np.full(len(steps), jd), grid.fr(steps))
        r[err != 0] = np.nan
        propagations += r.shape[0] * r.shape[1]
        el, az, rng = look_angles(r, grid.theta(steps)[None, :], observer)
        sat_i, step_j = np.nonzero(el >= min_el)
        parts.append((steps[step_j], sat_i, el[sat_i, step_j], az[sat_i, step_j], rng[sat_i, step_j]))
    step, sat, el, az, rng = (np.concatenate([p[k] for p in parts]) for k in range(5))
    order = np.lexsort((-el, step))
    return Sightings(step=step[order].astype(np.int64), sat=sat[order].astype(np.int64), elevation=el[order],
                     azimuth=az[order], range_km=rng[order], propagations=propagations)
