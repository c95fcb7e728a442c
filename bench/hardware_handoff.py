"""24-hour Starlink handoff plan at 15 s steps: the coarse-to-fine search against brute force
(every satellite propagated at every step), same TLEs, same observer, one run. Both must give
the same plan; prints both times and the ratio.

    .venv/bin/python bench/hardware_handoff.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from servers.hardware import handoff, tle  # noqa: E402

TLE_FILE = ROOT.parent / "shared" / "data" / "starlink-2026-02-23.tle"
WHERE = {"latitude": 47.6, "longitude": -122.3, "altitude_m": 50.0}
ARGS = {"start": "2026-02-23T00:00:00Z", "duration_s": 86400, "step_s": 15, "min_elevation_deg": 25,
        "tle_file": str(TLE_FILE)}


def main() -> None:
    if not TLE_FILE.exists():
        sys.exit(f"missing {TLE_FILE}")
    home = Path(tempfile.mkdtemp())
    assert tle.from_file(TLE_FILE, "starlink").array is not None  # parse once, outside both timings
    t = time.perf_counter()
    fast = handoff.plan(home, **WHERE, **ARGS)
    fast_s = time.perf_counter() - t
    t = time.perf_counter()
    brute = handoff.plan(home, **WHERE, **ARGS, brute_force=True)
    brute_s = time.perf_counter() - t
    same = fast.model_dump(exclude={"compute_ms", "data"}) == brute.model_dump(exclude={"compute_ms", "data"})
    print(f"satellites: {fast.data.satellites}, steps: {86400 // 15 + 1}, handoffs: {fast.handoffs}, "
          f"coverage: {fast.coverage_fraction:.3f}")
    print(f"coarse-to-fine plan : {fast_s:7.2f} s")
    print(f"brute force plan    : {brute_s:7.2f} s")
    print(f"speed-up            : {brute_s / fast_s:7.1f}x   identical plans: {same}")
    if not same:
        sys.exit("the fast plan differs from brute force")


if __name__ == "__main__":
    main()
