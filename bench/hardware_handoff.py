"""24-hour Starlink handoff plan at 15 s steps: the fast search against brute force (every
satellite propagated at every step), same TLEs, same observer, one run. Both must give the same
plan; prints the times (median and range over repeated runs, with the load average, since the
machine is shared), the ratio, and where the fast plan's time goes.

    .venv/bin/python bench/hardware_handoff.py [--runs 7] [--brute-runs 1]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from servers.hardware import handoff, orbits, tle  # noqa: E402
from servers.hardware.models import HandoffPlan  # noqa: E402

TLE_FILE = ROOT.parent / "shared" / "data" / "starlink-2026-02-23.tle"
WHERE = {"latitude": 47.6, "longitude": -122.3, "altitude_m": 50.0}
ARGS = {"start": "2026-02-23T00:00:00Z", "duration_s": 86400, "step_s": 15}
MIN_ELEVATION_DEG = 25


def _ground(home: Path) -> handoff.Ground:
    return handoff.Ground(home, **WHERE, min_elevation_deg=MIN_ELEVATION_DEG, tle_file=str(TLE_FILE))


COMPARED = {"compute_ms", "data"}


def _load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg()) + f" ({os.cpu_count()} CPUs)"


def _spread(times: list[float]) -> str:
    return f"median {statistics.median(times):6.2f} s  (min {min(times):.2f}, max {max(times):.2f}, n={len(times)})"


def _breakdown(home: Path) -> list[tuple[str, float]]:
    """One fast plan, stage by stage (the same calls handoff.plan makes)."""
    t = time.perf_counter()
    const = _ground(home).load_orbits(handoff.parse_time(ARGS["start"]))
    obs = _ground(home).site()
    grid = handoff.time_grid(
        handoff.parse_time(ARGS["start"]), ARGS["duration_s"], ARGS["step_s"], handoff.Limits.from_env()
    )
    stages = [("load TLEs (cached) + validate", time.perf_counter() - t)]
    seen = orbits.visible_fast(const, grid, obs, MIN_ELEVATION_DEG)
    names = {
        "coarse_sgp4": "SGP4, every satellite every 20 min",
        "windows": "candidate windows",
        "window_sgp4": "SGP4, candidate (satellite, step) pairs",
        "look_angles": "elevations of those",
    }
    stages += [(names[k], v) for k, v in seen.stage_s.items()]
    t = time.perf_counter()
    serving = handoff.serving_sequence(seen, grid.steps, "max_elevation", 10.0)
    stages.append(("serving policy", time.perf_counter() - t))
    t = time.perf_counter()
    HandoffPlan.of(
        handoff._shape(
            const,
            grid,
            seen,
            serving,
            "max_elevation",
            MIN_ELEVATION_DEG,
            handoff.parse_time(ARGS["start"]),
            time.perf_counter(),
        )
    )
    stages.append(("answer model", time.perf_counter() - t))
    stages.append((f"  ({seen.propagations:,} satellite positions, {len(seen.step):,} sightings)", 0.0))
    return stages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="fast plans to time (default 7)")
    parser.add_argument(
        "--brute-runs", type=int, default=1, help="brute-force plans to time (default 1: ~30-60 s each)"
    )
    opts = parser.parse_args()
    if not TLE_FILE.exists():
        sys.exit(f"missing {TLE_FILE}")
    home = Path(tempfile.mkdtemp())
    assert tle.from_file(TLE_FILE, "starlink").array is not None  # parse once, outside both timings
    print(f"before: {_load()}")
    handoff.plan(_ground(home), **ARGS)  # warm-up (imports, caches), not timed
    fast_times, plans = [], []
    for _ in range(max(1, opts.runs)):
        t = time.perf_counter()
        plans.append(handoff.plan(_ground(home), **ARGS))
        fast_times.append(time.perf_counter() - t)
    brute_times, brute = [], None
    for _ in range(max(1, opts.brute_runs)):
        t = time.perf_counter()
        brute = handoff.plan(_ground(home), **ARGS, brute_force=True)
        brute_times.append(time.perf_counter() - t)
    assert brute is not None
    expected = HandoffPlan.of(brute).model_dump(exclude=COMPARED)
    same = all(HandoffPlan.of(p).model_dump(exclude=COMPARED) == expected for p in plans)
    fast = plans[0]
    print(f"after:  {_load()}")
    print(
        f"satellites: {fast.data.satellites}, steps: {86400 // 15 + 1}, handoffs: {fast.handoffs}, "
        f"coverage: {fast.coverage_fraction:.3f}"
    )
    print(f"fast plan        : {_spread(fast_times)}")
    print(f"brute force plan : {_spread(brute_times)}")
    print(
        f"speed-up (medians): {statistics.median(brute_times) / statistics.median(fast_times):6.1f}x   "
        f"identical plans: {same}"
    )
    print("fast plan, stage by stage (one more run):")
    for name, seconds in _breakdown(home):
        print(f"  {name:42s} {seconds:6.3f} s" if seconds else f"  {name}")
    if not same:
        sys.exit("the fast plan differs from brute force")


if __name__ == "__main__":
    main()
