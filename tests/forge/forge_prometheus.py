"""Start a real Prometheus (Debian package) on a TSDB built by promtool from an OpenMetrics file, optionally
with kube-prometheus's CPU recording rule backfilled as an operator would: `promtool tsdb create-blocks-from
rules` against the running Prometheus, the blocks copied into its data directory, Prometheus restarted."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from helpers import free_port, wait_http


def available() -> bool:
    return shutil.which("prometheus") is not None and shutil.which("promtool") is not None


@contextmanager
def _serving(config: Path, data: Path) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            "prometheus",
            f"--config.file={config}",
            f"--storage.tsdb.path={data}",
            "--storage.tsdb.retention.time=3650d",
            f"--web.listen-address=127.0.0.1:{port}",
            "--query.max-samples=200000000",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        if not wait_http(f"{url}/-/ready", timeout=60):
            raise RuntimeError("Prometheus did not become ready")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


@contextmanager
def prometheus_on(
    openmetrics: Path, workdir: Path, cpu_rule: tuple[float, float] | list[tuple[float, float]] | None = None
) -> Iterator[str]:
    """`cpu_rule=(start, end)`: also backfill forge's CPU recording rule over that time range (or over each
    range of a list: a rule with gaps)."""
    data = workdir / "tsdb"
    data.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["promtool", "tsdb", "create-blocks-from", "openmetrics", str(openmetrics), str(data)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    config = workdir / "prometheus.yml"
    config.write_text("global:\n  scrape_interval: 1h\n")
    if cpu_rule is not None:
        from servers.forge.usage import cpu_rule_group

        rules = workdir / "rules.yaml"
        rules.write_text(cpu_rule_group())
        ranges = cpu_rule if isinstance(cpu_rule, list) else [cpu_rule]
        with _serving(config, data) as url:
            _wait_queryable(url)
            for i, (start, end) in enumerate(ranges):
                backfill(url, rules, start, end, workdir / f"rule-blocks-{i}")
        for i in range(len(ranges)):
            for block in (workdir / f"rule-blocks-{i}").iterdir():
                shutil.copytree(block, data / block.name)
    with _serving(config, data) as url:
        yield url


def _wait_queryable(url: str, timeout: float = 60) -> None:
    """Ready is not yet queryable on a loaded machine: wait until the raw CPU series answers a query."""
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            answer = httpx.get(
                f"{url}/api/v1/series", params={"match[]": "container_cpu_usage_seconds_total"}, timeout=10
            )
            if answer.status_code == 200 and answer.json().get("data"):
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError("Prometheus answered ready but never returned the raw CPU series")


# promtool's rule importer writes 2-hour blocks and evaluates a group at its own phase inside each interval:
# `Group.EvalTimestamp` offsets every evaluation by a hash of the group's name and rule-file path.
BLOCK_S, RULE_INTERVAL_S = 7200, 300


def backfill_start(start: float) -> int:
    """A `--start` that promtool cannot skip. Prometheus 2.42's importer stops at the first 2-hour block with
    no evaluation after `--start` (prometheus/prometheus#19714): a start in a block's last interval, with a
    file-path hash that puts the phase past the block's end, exits 0 and writes nothing. Which runs hit it
    depended on the fixture's temporary path. Starting two intervals earlier leaves the first block an
    evaluation whatever the phase; the rule then begins at most 10 minutes before the range asked for."""
    start = int(start)
    return start - 2 * RULE_INTERVAL_S if start % BLOCK_S > BLOCK_S - 2 * RULE_INTERVAL_S else start


def backfill(url: str, rules: Path, start: float, end: float, blocks: Path) -> None:
    """`promtool tsdb create-blocks-from rules`, failing with what promtool said if it wrote no blocks."""
    shutil.rmtree(blocks, ignore_errors=True)
    done = subprocess.run(
        [
            "promtool",
            "tsdb",
            "create-blocks-from",
            "rules",
            f"--start={backfill_start(start)}",
            f"--end={int(end)}",
            f"--url={url}",
            f"--output-dir={blocks}",
            str(rules),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0 or not blocks.is_dir() or not any(blocks.iterdir()):
        said = (done.stdout + done.stderr)[-2000:]
        raise RuntimeError(f"promtool wrote no rule blocks (exit {done.returncode}): {said}")


def write_openmetrics_every(path: Path, cluster, seconds: int = 30) -> None:  # type: ignore[no-untyped-def]
    """The cluster's CPU counter and working set scraped every `seconds` instead of every 5 minutes: within
    each 5-minute step the counter grows at that step's rate and the working set holds that step's value,
    so the 5-minute figures are the recorded file's exactly."""
    from shared.sample_cluster import STEP_S

    per = STEP_S // seconds
    ts = cluster.timestamps
    fine_ts = np.concatenate([[ts[0]], (ts[:-1, None] + seconds * np.arange(1, per + 1)).ravel()])
    lines = ["# TYPE container_cpu_usage_seconds counter\n"]
    for w in cluster.workloads:
        for c in w.containers:
            for p, pod in enumerate(w.pods):
                counter = np.round(np.cumsum(c.cpu[p] * STEP_S) + 1000.0, 3)
                fine = np.concatenate(
                    [
                        [counter[0]],
                        (
                            counter[:-1, None] + np.diff(counter)[:, None] * np.arange(1, per + 1) / per
                        ).ravel(),
                    ]
                )
                labels = f'namespace="{w.namespace}",pod="{pod}",container="{c.name}"'
                lines += [
                    f"container_cpu_usage_seconds_total{{{labels}}} {v:.6f} {t}\n"
                    for v, t in zip(fine, fine_ts, strict=True)
                ]
    lines.append("# TYPE container_memory_working_set_bytes gauge\n")
    for w in cluster.workloads:
        for c in w.containers:
            for p, pod in enumerate(w.pods):
                memory = np.round(c.memory[p])
                fine = np.concatenate([[memory[0]], np.repeat(memory[1:], per)])
                labels = f'namespace="{w.namespace}",pod="{pod}",container="{c.name}"'
                lines += [
                    f"container_memory_working_set_bytes{{{labels}}} {v:.0f} {t}\n"
                    for v, t in zip(fine, fine_ts, strict=True)
                ]
    lines.append("# EOF\n")
    Path(path).write_text("".join(lines))
