"""Backtest forge's recommendations against robusta KRR's `simple` strategy, side by side in one run.

A generated cluster (default 240 workloads: diurnal, bursty, steady, idle and slowly growing memory) with
14 days of 5-minute usage. Both fit on days 1-7 and are scored on days 8-14: monthly cost saved against the
current requests (OpenCost default prices), and the share of 5-minute intervals in which usage exceeds the
recommended memory limit (an OOM kill) or the recommended CPU request.

    .venv/bin/python bench/forge_backtest.py [--workloads 240] [--seed 42]
"""

from __future__ import annotations

import argparse

from servers.forge import recommend
from servers.forge.analysis import Prices
from shared.sample_cluster import STEP_S, generate

DAY = 86400 // STEP_S


def score(name: str, fn, cluster, prices: Prices) -> dict[str, float]:
    saved = 0.0
    over_mem = over_cpu = intervals = 0
    for w in cluster.workloads:
        for c in w.containers:
            fit_cpu, fit_mem = c.cpu[:, : 7 * DAY], c.memory[:, : 7 * DAY]
            test_cpu, test_mem = c.cpu[:, 7 * DAY :], c.memory[:, 7 * DAY :]
            rec = fn(fit_cpu, fit_mem)
            current = prices.monthly(c.cpu_request or 0.0, c.memory_request or 0.0) * w.replicas
            saved += current - prices.monthly(rec.cpu_request, rec.memory_request) * w.replicas
            over_mem += int((test_mem > rec.memory_limit).sum())
            over_cpu += int((test_cpu > rec.cpu_request).sum())
            intervals += test_mem.size
    return {
        "saved": saved,
        "mem_over_limit": over_mem / intervals,
        "cpu_over_request": over_cpu / intervals,
        "intervals": intervals,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workloads", type=int, default=240)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    cluster = generate(args.workloads, 14, seed=args.seed, max_pods=3)
    prices = Prices()
    forge = score("forge", lambda c, m: recommend.forge(c, m), cluster, prices)
    krr = score("krr", recommend.krr, cluster, prices)
    containers = sum(len(w.containers) for w in cluster.workloads)
    print(
        f"backtest: {args.workloads} workloads, {containers} containers, fit days 1-7, scored on days 8-14 "
        f"({forge['intervals']} pod-container 5-minute intervals)"
    )
    print(f"{'':28}{'forge':>14}{'KRR simple':>14}{'forge/KRR':>12}")
    print(
        f"{'monthly cost saved (USD)':28}{forge['saved']:>14.2f}{krr['saved']:>14.2f}"
        f"{forge['saved'] / krr['saved']:>12.3f}"
    )
    print(
        f"{'memory over limit (share)':28}{forge['mem_over_limit']:>14.5f}{krr['mem_over_limit']:>14.5f}"
        f"{forge['mem_over_limit'] / max(krr['mem_over_limit'], 1e-12):>12.3f}"
    )
    print(
        f"{'CPU over request (share)':28}{forge['cpu_over_request']:>14.5f}{krr['cpu_over_request']:>14.5f}"
        f"{forge['cpu_over_request'] / max(krr['cpu_over_request'], 1e-12):>12.3f}"
    )
    goal = forge["saved"] >= krr["saved"] and forge["mem_over_limit"] <= 0.5 * krr["mem_over_limit"]
    print(f"goal (save >= KRR with <= half its memory-over-limit intervals): {'met' if goal else 'NOT met'}")


if __name__ == "__main__":
    main()
