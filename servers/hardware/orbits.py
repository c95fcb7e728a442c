"""Where satellites appear in a ground observer's sky: SGP4 (the `sgp4` package's vectorised
arrays), TEME -> Earth-fixed by Greenwich sidereal time, then elevation and azimuth on WGS84.

`visible_fast` finds every (time step, satellite) above a minimum elevation without propagating
every satellite at every step: it propagates everything on a coarse grid, bounds in closed form the
steps between two samples at which each satellite can be visible, and propagates only those.
`visible_brute` propagates everything at every step; it exists as the reference the fast search is
tested and benchmarked against; both compute elevations with the same arithmetic, so they agree to
the last bit.
"""

from __future__ import annotations

import functools
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np

from servers.hardware.tle import Constellation

WGS84_A_KM = 6378.137
WGS84_F = 1 / 298.257223563
EARTH_ROTATION_RAD_S = 7.2921158553e-5
# Slack for what the angular bound leaves out: geodetic vs geocentric vertical (< 0.2 deg),
# Earth's flattening and radius changes within one coarse step.
CONE_MARGIN_DEG = 0.5
COARSE_S = 1200  # every satellite is propagated this far apart; candidate windows are found in between


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
        return np.array(
            [
                (n + h) * math.cos(lat) * math.cos(lon),
                (n + h) * math.cos(lat) * math.sin(lon),
                (n * (1 - e2) + h) * math.sin(lat),
            ]
        )

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
    stage_s: dict[str, float] = field(default_factory=dict)  # seconds per stage of the search


def gmst_1982(jd: float, fr: np.ndarray) -> np.ndarray:
    """Greenwich mean sidereal time (IAU 1982, the angle TEME is defined with), radians. UT1 ~ UTC."""
    tut1 = (jd - 2451545.0 + fr) / 36525.0
    seconds = -6.2e-6 * tut1**3 + 0.093104 * tut1**2 + (876600.0 * 3600 + 8640184.812866) * tut1 + 67310.54841
    return np.mod(np.radians(seconds / 240.0), 2 * np.pi)


def teme_to_ecef(r: np.ndarray, theta: np.ndarray) -> np.ndarray:
    """Rotate TEME positions (..., 3) about z by -theta (broadcast over the leading axes)."""
    c, s = np.cos(theta), np.sin(theta)
    x, y, z = r[..., 0], r[..., 1], r[..., 2]
    return np.stack([c * x + s * y, -s * x + c * y, z], axis=-1)


def look_angles(
    r_teme: np.ndarray, theta: np.ndarray, observer: Observer
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Elevation and azimuth (degrees, azimuth from north through east) and range (km)."""
    ecef = teme_to_ecef(r_teme, theta) - observer.ecef_km
    x, y, z = ecef[..., 0], ecef[..., 1], ecef[..., 2]
    (e0, e1, _), (n0, n1, n2), (u0, u1, u2) = observer.enu_rotation.tolist()
    # elementwise, not a matrix product: the same numbers whatever the array's shape (the fast search
    # and brute force then agree to the last bit)
    east, north, up = e0 * x + e1 * y, n0 * x + n1 * y + n2 * z, u0 * x + u1 * y + u2 * z
    horizontal = np.hypot(east, north)
    return (
        np.degrees(np.arctan2(up, horizontal)),
        np.mod(np.degrees(np.arctan2(east, north)), 360.0),
        np.sqrt(horizontal**2 + up**2),
    )


def _visibility_half_angle(radius_km: np.ndarray, observer_radius_km: float, min_el_deg: float) -> np.ndarray:
    """Largest geocentric angle between observer and satellite at which the satellite is at or
    above `min_el_deg` (spherical Earth through the observer); negative when never visible."""
    e = math.radians(min_el_deg)
    ratio = observer_radius_km * math.cos(e) / np.maximum(radius_km, 1e-9)
    return np.where(ratio < 1, np.arccos(np.clip(ratio, -1, 1)) - e, -1.0)


def _propagate_pairs(
    constellation: Constellation, grid: TimeGrid, sat: np.ndarray, step: np.ndarray
) -> np.ndarray:
    """TEME positions (n, 3) for (satellite, step) pairs sorted by satellite; NaN where SGP4 fails.

    One C call per satellite straight into slices of the output (no per-call allocation)."""
    jd, _ = grid.jd_fr
    n = len(sat)
    r_out = np.empty((n, 3))
    if n == 0:
        return r_out
    v_out = np.empty((n, 3))
    err = np.zeros(n, dtype=np.uint8)
    jds = np.full(n, jd)
    frs = np.ascontiguousarray(grid.fr(step))
    bounds = np.flatnonzero(np.diff(sat)) + 1
    starts = np.concatenate([[0], bounds]).tolist()
    ends = np.concatenate([bounds, [n]]).tolist()
    satrecs = constellation.satrecs
    if _sgp4_into() is None:  # the public call, which allocates its own arrays
        for a, b, s in zip(starts, ends, sat[starts].tolist(), strict=True):
            err[a:b], r_out[a:b], _ = satrecs[s].sgp4_array(jds[a:b], frs[a:b])
    else:
        for a, b, s in zip(starts, ends, sat[starts].tolist(), strict=True):
            satrecs[s]._sgp4(jds[a:b], frs[a:b], err[a:b], r_out[a:b], v_out[a:b])
    r_out[err != 0] = np.nan
    return r_out


@functools.cache
def _sgp4_into() -> object | None:
    """sgp4's C extension's `Satrec._sgp4(jd, fr, err, r, v)`, which `sgp4_array` wraps after allocating
    the outputs; writing into slices of one array saves an allocation per satellite. It is not public API,
    so when a release drops or changes it, the public `sgp4_array` is used (same figures, tested)."""
    try:
        from sgp4.api import Satrec

        probe = Satrec.twoline2rv(
            "1 25544U 98067A   24001.50000000  .00016717  00000-0  30178-3 0  9991",
            "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.50377579432019",
        )
        r, v = np.empty((1, 3)), np.empty((1, 3))
        probe._sgp4(np.array([2460311.0]), np.array([0.5]), np.zeros(1, dtype=np.uint8), r, v)
        return Satrec._sgp4 if np.isfinite(r).all() else None
    except Exception:  # noqa: BLE001 - missing, renamed or a different signature: use the public call
        return None


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


def _dot(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.einsum("...k,...k->...", a, b)


def _candidate_windows(
    constellation: Constellation,
    grid: TimeGrid,
    observer: Observer,
    min_el: float,
    coarse: np.ndarray,
    r: np.ndarray,
    v: np.ndarray,
) -> tuple[np.ndarray, ...]:
    """(satellite, first step, last step) windows that hold every step at which a satellite can be at
    or above `min_el`, from its exact positions at the `coarse` steps.

    Between two coarse samples a near-circular orbit is, to within a small bounded error, a great
    circle (the orbit plane at mid-interval) traversed at a uniform angular rate, so its phase is the
    linear interpolation of the two measured phases. The observer's direction is known exactly (Earth's
    rotation). With C the observer's angle from the plane and L the in-plane angle between satellite
    and observer, the geocentric angle A satisfies cos A = cos C cos L; visible means A <= H (the
    visibility half-angle) enlarged by every error bound, so |L| <= acos(cos H / cos C_min), a linear
    inequality in time solved in closed form. Error bounds (radians):
    - the plane: the samples' distance from the mid-interval plane, its turn, plus 2e-3 for J2 wobble;
    - the phase: linear interpolation of uniform motion plus periodic terms, <= 4e (eccentricity)
      + 5e-3 (J2 short-period terms, ~1.5e-3 each way for LEO);
    - the observer's in-plane angle, interpolated linearly: its second derivative in Earth's rotation
      angle is at most 1/rho + 2/rho^2 (rho = cos C), times dtheta^2 / 8;
    - the observer's cross-track sine, interpolated linearly: at most dtheta^2 / 8;
    - radius: the larger sample radius + 10 km, plus CONE_MARGIN_DEG for the geodetic vertical.
    Intervals where a check fails (SGP4 error, a phase advance far from the mean motion, eccentricity
    too large for the bound to be useful) are kept whole."""
    n_rad_s = np.array([s.no_kozai for s in constellation.satrecs]) / 60.0
    ecc = np.array([s.ecco for s in constellation.satrecs])
    theta = grid.theta(coarse)
    obs = observer.ecef_km
    obs_radius = float(np.linalg.norm(obs))
    c, s = np.cos(theta), np.sin(theta)
    u = (
        np.stack([c * obs[0] - s * obs[1], s * obs[0] + c * obs[1], np.full_like(theta, obs[2])], axis=-1)
        / obs_radius
    )
    d_theta = np.mod(np.diff(theta), 2 * np.pi)  # Earth's turn in each interval
    near = _near_plane(r, v, u, d_theta, ecc, obs_radius, min_el)
    dt = (coarse[1:] - coarse[:-1]) * grid.step_s  # (m,)
    phases = _phases(near, u, d_theta, n_rad_s, ecc, dt)
    return _windows(near, phases, coarse, grid.steps)


@dataclass(frozen=True)
class _NearPlane:
    """The (satellite, interval) pairs whose orbit plane passes close enough to the observer, with
    what the phase stage needs about each."""

    sat_i: np.ndarray
    k: np.ndarray
    hm: np.ndarray  # mid-interval orbit normal
    c_lo: np.ndarray  # least |sin| of the observer's angle from the plane
    half: np.ndarray  # visibility half-angle with every error bound
    ca: np.ndarray
    cb: np.ndarray
    r0: np.ndarray
    r1: np.ndarray
    finite: np.ndarray


@dataclass(frozen=True)
class _Phases:
    l0: np.ndarray  # in-plane angle from satellite to observer at the interval's start
    dl: np.ndarray  # its change over the interval
    reach: np.ndarray  # largest |L| that can be visible
    ok: np.ndarray  # the bounds hold (otherwise the interval is kept whole)
    possible: np.ndarray


def _near_plane(
    r: np.ndarray,
    v: np.ndarray,
    u: np.ndarray,
    d_theta: np.ndarray,
    ecc: np.ndarray,
    obs_radius: float,
    min_el: float,
) -> _NearPlane:
    """Cheap first, on every (satellite, interval): the plane and the observer's angle from it."""
    with np.errstate(invalid="ignore", divide="ignore"):
        radius = np.linalg.norm(r, axis=-1)  # (N, m+1)
        rhat = r / radius[..., None]
        h = _unit(np.cross(r, v))
        hm = _unit(h[:, :-1] + h[:, 1:])
        ca, cb = _dot(hm, u[None, :-1]), _dot(hm, u[None, 1:])
        c_lo = np.where(ca * cb > 0, np.maximum(np.minimum(np.abs(ca), np.abs(cb)) - d_theta**2 / 8, 0), 0)
        plane_err = (
            np.maximum(np.abs(_dot(rhat[:, :-1], hm)), np.abs(_dot(rhat[:, 1:], hm)))
            + np.arccos(np.clip(_dot(h[:, :-1], h[:, 1:]), -1, 1)) / 2
            + 2e-3
        )
        r_max = np.maximum(radius[:, :-1], radius[:, 1:]) + 10.0
        half = (
            _visibility_half_angle(r_max, obs_radius, min_el)
            + math.radians(CONE_MARGIN_DEG)
            + plane_err
            + 4 * ecc[:, None]
            + 5e-3
        )
        finite = np.isfinite(r_max) & np.isfinite(plane_err)
        sat_i, k = np.nonzero(~finite | (np.arcsin(c_lo) <= half))
    return _NearPlane(
        sat_i=sat_i,
        k=k,
        hm=hm[sat_i, k],
        c_lo=c_lo[sat_i, k],
        half=half[sat_i, k],
        ca=ca[sat_i, k],
        cb=cb[sat_i, k],
        r0=rhat[sat_i, k],
        r1=rhat[sat_i, k + 1],
        finite=finite[sat_i, k],
    )


def _phases(
    near: _NearPlane, u: np.ndarray, d_theta: np.ndarray, n_rad_s: np.ndarray, ecc: np.ndarray, dt: np.ndarray
) -> _Phases:
    """Then, for the few left: phases of satellite and observer in the plane."""
    sat_i, k, hm, c_lo, half = near.sat_i, near.k, near.hm, near.c_lo, near.half
    with np.errstate(invalid="ignore", divide="ignore"):
        pv = _unit(near.r0 - _dot(near.r0, hm)[:, None] * hm)
        qv = np.cross(hm, pv)
        du_raw = np.arctan2(_dot(near.r1, qv), _dot(near.r1, pv))
        expected = n_rad_s[sat_i] * dt[k]
        du = du_raw + 2 * np.pi * np.round((expected - du_raw) / (2 * np.pi))  # unwrapped by the mean motion
        ua, ub = u[k], u[k + 1]
        c_hi = np.minimum(np.maximum(np.abs(near.ca), np.abs(near.cb)) + d_theta[k], 0.95)
        rho = np.sqrt(1 - c_hi**2)
        obs_err = (1 / rho + 2 / rho**2) * d_theta[k] ** 2 / 8
        uo_a = np.arctan2(_dot(ua, qv), _dot(ua, pv))
        uo_b = np.arctan2(_dot(ub, qv), _dot(ub, pv))
        duo = np.mod(uo_b - uo_a + np.pi, 2 * np.pi) - np.pi
        cos_ratio = np.cos(half) / np.sqrt(1 - c_lo**2)
        reach = np.arccos(np.clip(cos_ratio, -1, 1)) + obs_err  # largest |L| that can be visible
        l0 = np.mod(-uo_a + np.pi, 2 * np.pi) - np.pi
        dl = du - duo
        ok = (
            near.finite
            & (np.abs(du - expected) < 1.0)
            & (dl > 0)
            & (dl + 2 * reach < 1.5 * np.pi)
            & (ecc[sat_i] < 0.05)
            & np.isfinite(reach)
        )
        possible = (np.arcsin(c_lo) <= half) & (cos_ratio <= 1)
    return _Phases(l0=l0, dl=dl, reach=reach, ok=ok, possible=possible)


def _windows(
    near: _NearPlane, phases: _Phases, coarse: np.ndarray, last: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Solve |L(t)| <= reach in closed form per interval; intervals whose bounds fail stay whole."""
    a_step, b_step = coarse[:-1], coarse[1:]
    sat_i, k, ok = near.sat_i, near.k, phases.ok
    windows: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = [(sat_i[~ok], a_step[k[~ok]], b_step[k[~ok]])]
    use = ok & phases.possible
    sat_i, k = sat_i[use], k[use]
    l0, dl, reach = phases.l0[use], phases.dl[use], phases.reach[use]
    span = (b_step - a_step)[k]
    for turn in (0.0, 2 * np.pi):  # L runs over less than 3/4 of a turn, so at most one crossing
        s_lo = np.maximum((turn - reach - l0) / dl, 0.0)
        s_hi = np.minimum((turn + reach - l0) / dl, 1.0)
        hit = s_lo <= s_hi
        lo = a_step[k[hit]] + np.floor(s_lo[hit] * span[hit]).astype(np.int64)
        hi = a_step[k[hit]] + np.ceil(s_hi[hit] * span[hit]).astype(np.int64)
        windows.append((sat_i[hit], lo, np.minimum(hi, last)))
    sat = np.concatenate([w[0] for w in windows]).astype(np.int64)
    lo = np.concatenate([w[1] for w in windows]).astype(np.int64)
    hi = np.concatenate([w[2] for w in windows]).astype(np.int64)
    return sat, lo, hi


def _window_steps(
    sat: np.ndarray, lo: np.ndarray, hi: np.ndarray, last: int
) -> tuple[np.ndarray, np.ndarray]:
    """Every (satellite, step) inside the windows, sorted by satellite then step, without repeats."""
    counts = hi - lo + 1
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    key = np.sort(np.repeat(sat * (last + 1) + lo, counts) + offsets)  # np.unique hashes: slower here
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    key = key[first]
    return key // (last + 1), key % (last + 1)


def _finish(
    constellation: Constellation,
    grid: TimeGrid,
    observer: Observer,
    sat: np.ndarray,
    step: np.ndarray,
    r: np.ndarray,
    min_el: float,
    propagations: int,
) -> Sightings:
    el, az, rng = look_angles(r, grid.theta(step), observer)  # the same arithmetic as brute force
    keep = el >= min_el
    sat, step, el, az, rng = sat[keep], step[keep], el[keep], az[keep], rng[keep]
    order = np.lexsort((-el, step))
    return Sightings(
        step=step[order],
        sat=sat[order],
        elevation=el[order],
        azimuth=az[order],
        range_km=rng[order],
        propagations=propagations,
    )


def visible_fast(
    constellation: Constellation,
    grid: TimeGrid,
    observer: Observer,
    min_el: float,
    check: Callable[[], None] | None = None,
) -> Sightings:
    """Every (step, satellite) at or above `min_el`, without propagating every satellite at every step.

    Every satellite is propagated on a coarse grid (COARSE_S apart, one SatrecArray call); between
    two coarse samples `_candidate_windows` bounds where it can be visible; only the steps inside
    those windows are propagated and their elevations computed exactly. `check()` is called between
    the stages (it may raise to cancel)."""
    last = grid.steps
    spacing = round(COARSE_S / grid.step_s)
    if spacing <= 1:  # steps already coarse: brute force is the fast way
        return visible_brute(constellation, grid, observer, min_el)
    coarse = np.unique(np.minimum(np.arange(0, last + spacing, spacing), last))
    if len(coarse) < 2:
        return visible_brute(constellation, grid, observer, min_el)
    stage_s: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        stage_s[name] = now - clock
        clock = now

    jd, _ = grid.jd_fr
    err, r, v = constellation.array.sgp4(np.full(len(coarse), jd), grid.fr(coarse))
    r[err != 0] = np.nan
    propagations = r.shape[0] * r.shape[1]
    lap("coarse_sgp4")
    if check is not None:
        check()
    sat, lo, hi = _candidate_windows(constellation, grid, observer, min_el, coarse, r, v)
    sat, step = _window_steps(sat, lo, hi, last)
    lap("windows")
    if check is not None:
        check()
    r = _propagate_pairs(constellation, grid, sat, step)
    lap("window_sgp4")
    found = _finish(constellation, grid, observer, sat, step, r, min_el, propagations + len(sat))
    lap("look_angles")
    found.stage_s = stage_s
    return found


def visible_brute(
    constellation: Constellation, grid: TimeGrid, observer: Observer, min_el: float, chunk: int = 120
) -> Sightings:
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
    return Sightings(
        step=step[order].astype(np.int64),
        sat=sat[order].astype(np.int64),
        elevation=el[order],
        azimuth=az[order],
        range_km=rng[order],
        propagations=propagations,
    )
