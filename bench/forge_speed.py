"""forge analyze speed over 1,000 workloads with 14 days of 5-minute samples, side by side with baselines.

Recorded-metrics default: cold (first parse of the OpenMetrics text, then cached), warm (a new process
loading the columnar cache) and hot (same process). Real Prometheus (Debian package, loaded with
`promtool tsdb create-blocks-from openmetrics` from the same file): forge's constant handful of aggregated
queries against the per-workload querying that overloads Prometheus at scale (2 range queries per
workload, timed on a sample of workloads and scaled to all).

    .venv/bin/python bench/forge_speed.py [--workloads 1000] [--per-workload-sample 100]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workloads", type=int, default=1000)
    parser.add_argument("--per-workload-sample", type=int, default=100)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="forge-bench-"))
    os.environ["HDR_HOME"] = str(work / "home")
    os.environ["HDR_MEMORY_URL"] = "http://127.0.0.1:9"  # no memory server: analyze notes it and goes on
    from servers.forge.operations import Forge
    from servers.forge.usage import PrometheusMetrics, RecordedMetrics
    from shared.cluster import ManifestCluster
    from shared.sample_cluster import generate, write_manifests, write_openmetrics
    from shared.suite import Suite

    try:
        end = int(time.time()) - 3600
        cluster, t_gen = timed(lambda: generate(args.workloads, 14, seed=1, end=end, max_pods=1))
        _, t_write = timed(lambda: (write_manifests(work / "manifests", cluster),
                                    write_openmetrics(work / "metrics.om", cluster)))
        size = (work / "metrics.om").stat().st_size
        series = sum(len(w.containers) for w in cluster.workloads)
        print(f"data: {args.workloads} workloads, {series} containers, 14 days x 5 min, "
              f"{size / 1e6:.0f} MB OpenMetrics (generated in {t_gen + t_write:.1f} s)")
        suite = Suite()
        manifests = ManifestCluster(work / "manifests")
        cache = work / "home" / "forge" / "cache"

        def run(metrics) -> tuple[dict, float]:
            return timed(lambda: Forge(suite, manifests, metrics).analyze(history="14d"))

        cold, t_cold = run(RecordedMetrics(work / "metrics.om", cache))
        _, t_warm = run(RecordedMetrics(work / "metrics.om", cache))
        hot_metrics = RecordedMetrics(work / "metrics.om", cache)
        run(hot_metrics)
        _, t_hot = run(hot_metrics)
        n_changes = len(cold["result"].changes)
        print(f"recorded default: cold {t_cold:.2f} s (parse + cache), warm {t_warm:.2f} s (new process, cached), "
              f"hot {t_hot:.2f} s; {n_changes} changes proposed; goal < 2 s: "
              f"{'met' if t_warm < 2 else 'NOT met'} (warm); cold/warm = {t_cold / t_warm:.1f}x")

        if not (shutil.which("prometheus") and shutil.which("promtool")):
            print("prometheus: not installed (apt-get install -y prometheus); skipped")
            return
        tsdb = work / "tsdb"
        _, t_blocks = timed(lambda: subprocess.run(["promtool", "tsdb", "create-blocks-from", "openmetrics",
                                                    str(work / "metrics.om"), str(tsdb)], check=True,
                                                   capture_output=True))
        (work / "prometheus.yml").write_text("global:\n  scrape_interval: 1h\n")
        port = free_port()
        proc = subprocess.Popen(["prometheus", f"--config.file={work / 'prometheus.yml'}",
                                 f"--storage.tsdb.path={tsdb}", "--storage.tsdb.retention.time=3650d",
                                 f"--web.listen-address=127.0.0.1:{port}", "--query.max-samples=500000000"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                try:
                    if httpx.get(f"{url}/-/ready", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                time.sleep(0.2)
            latest = RecordedMetrics(work / "metrics.om", cache).latest()
            prom = PrometheusMetrics(url, timeout=120, end=latest)
            run(prom)  # first touch loads blocks from disk
            out, t_prom = run(prom)
            sample = cluster.workloads[: args.per_workload_sample]

            def per_workload() -> int:
                n = 0
                start = latest - 14 * 86400
                for w in sample:
                    sel = f'namespace="{w.namespace}",pod=~"{w.name}-.*",container!=""'
                    for q in (f"sum by (pod, container) (irate(container_cpu_usage_seconds_total{{{sel}}}[10m]))",
                              f"max by (pod, container) (container_memory_working_set_bytes{{{sel}}})"):
                        httpx.get(f"{url}/api/v1/query_range", params={"query": q, "start": start, "end": latest,
                                                                        "step": 300}, timeout=120).raise_for_status()
                        n += 1
                return n

            n_queries, t_per = timed(per_workload)
            scaled = t_per * args.workloads / len(sample)
            print(f"prometheus {prom.source}: promtool create-blocks {t_blocks:.1f} s")
            print(f"  forge analyze: {t_prom:.2f} s with {out['queries']} queries; goal < 5 s: "
                  f"{'met' if t_prom < 5 else 'NOT met'}")
            print(f"  per-workload baseline: {n_queries} queries for {len(sample)} workloads in {t_per:.2f} s, "
                  f"~{scaled:.1f} s and {2 * args.workloads} queries for {args.workloads} (query fetch only, "
                  f"no analysis); forge is {scaled / t_prom:.1f}x faster")
        finally:
            proc.terminate()
            proc.wait(30)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
