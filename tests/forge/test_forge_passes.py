"""bench/forge_passes.py on a small cluster, as a test: over three analyze + optimize passes through forge's
real pipeline no memory limit is bumped twice for one OOM kill, no change reverses an earlier pass, and the
held-out week sees fewer OOM events than after KRR's recommendation."""

from __future__ import annotations

import runpy
from pathlib import Path

from servers.forge.analysis import Prices

BENCH = Path(__file__).resolve().parents[2] / "bench" / "forge_passes.py"


def test_three_passes_neither_ratchet_nor_flip_flop(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("HDR_FORGE_MIN_HISTORY_HOURS", raising=False)
    monkeypatch.setenv("HDR_HOME", str(tmp_path / "home"))  # the bench sets these: restored after the test
    monkeypatch.setenv("HDR_MEMORY_URL", "http://127.0.0.1:9")
    bench = runpy.run_path(str(BENCH), run_name="forge_passes_test")
    workloads = bench["generate"](45, 3)
    passes, checks = bench["forge_passes"](workloads, tmp_path, 3)
    assert checks["changes"] > 45 and checks["limit_bumped_twice"] == 0 and checks["reversals"] == 0
    prices = Prices()
    krr = bench["score"](workloads, bench["krr"](workloads), prices)
    before = bench["score"](workloads, bench["current"](workloads), prices)
    final = bench["score"](workloads, passes[-1], prices)
    assert final["ooms"] <= krr["ooms"] < before["ooms"]
    assert final["cost"] < before["cost"]
    # The default plan (what optimize applies unasked) adds no replica: second replicas for availability
    # are findings left to the caller (issue 14's decision), reported and priced.
    base = bench["current"](workloads)
    assert checks["availability"] > 0 and checks["availability_usd"] > 0
    assert all(v[3] <= base[k][3] for k, v in passes[-1].items())
    scaled = bench["score"](workloads, passes[-1], prices, hpa_scaling=True)
    assert scaled["cost"] >= final["cost"]  # HPAs only add replicas above minReplicas
