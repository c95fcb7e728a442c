"""The gateway's in-memory record of tool calls behind the dashboard's charts and feed."""

from __future__ import annotations

from servers.gateway.metrics import Traffic


def test_series_counts_calls_errors_and_nearest_rank_latency_per_step() -> None:
    t = Traffic()
    now = 1_000_000.0  # a multiple of the step: the last step is [now, now + 10)
    for i in range(100):  # 100 forge calls in the last step, 1..100 ms, two of them errors
        t.add("forge", "analyze", "error" if i < 2 else "ok", (i + 1) / 1000, at=now + i * 0.05)
    t.add("nexus", "discover", "ok", 0.5, at=now - 15)  # two steps before: [now - 20, now - 10)
    t.add("nexus", "discover", "ok", 0.5, at=now - 400)  # outside the window
    s = t.series(["forge", "nexus", "hardware"], window_s=300, step_s=10, now=now + 5)
    forge, nexus = s["servers"]["forge"], s["servers"]["nexus"]
    assert len(forge["calls_per_s"]) == 30 and s["start"] == now - 290
    assert forge["calls_per_s"][-1] == 10.0 and forge["errors_per_s"][-1] == 0.2
    assert forge["p50_ms"][-1] == 50.0 and forge["p99_ms"][-1] == 99.0
    assert forge["p50_ms"][0] is None and sum(forge["calls_per_s"][:-1]) == 0
    assert nexus["calls_per_s"][-3] == 0.1 and sum(nexus["calls_per_s"]) == 0.1
    assert s["servers"]["hardware"]["calls_per_s"] == [0.0] * 30


def test_recent_is_newest_first_and_bounded() -> None:
    t = Traffic(keep=3)
    for i in range(5):
        t.add("phantom", f"tool{i}", "ok", 0.001, at=float(i))
    assert [c["tool"] for c in t.recent()] == ["tool4", "tool3", "tool2"]
