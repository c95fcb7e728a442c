"""The Prometheus path against a real Prometheus loaded (promtool) from the same OpenMetrics file the
recorded default reads: the statistics Prometheus computes give the recorded path's profiles and proposals
(exactly for one pod per container, within 3% for percentiles pooled over several pods), with a constant
number of queries, and a clear error when unreachable. Twice: CPU statistics from the `irate` subquery over
the raw counter, and from kube-prometheus's CPU recording rule backfilled with promtool."""

from __future__ import annotations

import time

import numpy as np
import pytest
from forge_prometheus import (
    BLOCK_S,
    RULE_INTERVAL_S,
    available,
    backfill,
    prometheus_on,
    write_openmetrics_every,
)
from helpers import free_port, need_service

from servers.forge import analysis, quantity, recommend
from servers.forge.usage import CPU_RULE, PrometheusMetrics, RecordedMetrics, cpu_rule_group
from shared.cluster import ALL_KINDS, ManifestCluster
from shared.errors import Unavailable
from shared.sample_cluster import generate, write_manifests, write_openmetrics


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory):
    need_service("Prometheus", available(), "apt-get install -y prometheus (gives prometheus and promtool)")
    work = tmp_path_factory.mktemp("prom-data")
    end = int(time.time()) - 3600  # inside the head-block-free past, well within retention
    cluster = generate(8, 2, seed=5, end=end)
    write_openmetrics(work / "metrics.om", cluster)
    write_manifests(work / "manifests", cluster)
    return work, end


@pytest.fixture(scope="module")
def loaded(data, tmp_path_factory: pytest.TempPathFactory):
    work, end = data
    with prometheus_on(work / "metrics.om", tmp_path_factory.mktemp("prom")) as url:
        yield url, RecordedMetrics(work / "metrics.om"), work / "manifests", end


@pytest.fixture(scope="module")
def loaded_with_rule(data, tmp_path_factory: pytest.TempPathFactory):
    """The same data with the CPU recording rule backfilled over all of it (promtool, 5-minute evaluations)."""
    work, end = data
    with prometheus_on(
        work / "metrics.om", tmp_path_factory.mktemp("prom-rule"), cpu_rule=(end - 3 * 86400, end + 600)
    ) as url:
        yield url, RecordedMetrics(work / "metrics.om"), work / "manifests", end


@pytest.mark.parametrize("hours", [36, 48], ids=["part-days", "whole-days"])
def test_prometheus_statistics_agree_with_the_recorded_file(loaded, hours) -> None:
    prom = _agree(*loaded, hours=hours)
    assert prom.cpu_series.startswith("irate(")  # no recording rule: the subquery over the raw counter


def test_recording_rule_statistics_agree_with_the_recorded_file(loaded_with_rule) -> None:
    prom = _agree(*loaded_with_rule)
    assert prom.cpu_series == CPU_RULE
    url, recorded, _, _ = loaded_with_rule
    end = recorded.latest()  # the same server, told not to use the rule: the same figures
    raw = PrometheusMetrics(url, end=end, use_rule=False).usage(end - 36 * 3600, end)
    assert raw.cpu_series.startswith("irate(") and raw.keys == prom.keys
    np.testing.assert_allclose(raw.summary.cpu, prom.summary.cpu, rtol=1e-12, atol=1e-15)


def test_the_rule_backfill_writes_blocks_from_any_start_in_a_block(loaded, tmp_path) -> None:
    """promtool 2.42 writes nothing, exit 0, for a `--start` in a 2-hour block's last interval when the rule
    group's phase (a hash of its file path) falls past the block's end (prometheus/prometheus#19714). The
    fixtures above backfilled from `end - 3 days` with `end` taken from the clock and a temporary rule path,
    so now and then they failed. Every start across a block's last interval, down to its last second,
    gives blocks through the fixture's start."""
    url, _, _, end = loaded
    rules = tmp_path / "rules.yaml"
    rules.write_text(cpu_rule_group())
    boundary = (end - 86400) // BLOCK_S * BLOCK_S
    starts = [*range(boundary - RULE_INTERVAL_S, boundary, 60), boundary - 1]
    for k, start in enumerate(starts):
        backfill(url, rules, start, boundary + 1800, tmp_path / f"blocks-{k}")  # raises on no blocks


def test_a_rule_that_does_not_cover_the_window_is_not_used(loaded_with_rule) -> None:
    url, recorded, _, _ = loaded_with_rule
    end = recorded.latest() + 86400  # the rule was backfilled up to recorded.latest() + 10 minutes
    assert PrometheusMetrics(url, end=end).usage(end - 36 * 3600, end).cpu_series.startswith("irate(")


def test_a_rule_with_a_gap_inside_the_window_is_not_used(data, tmp_path_factory) -> None:
    """Evaluations missing for 6 of the window's 36 hours (a rule that failed for a while): its ends look
    covered, but its statistics would rest on a sixth fewer samples, so forge asks the raw counter."""
    work, _ = data
    recorded = RecordedMetrics(work / "metrics.om")
    end = recorded.latest()
    gap = [(end - 3 * 86400, end - 20 * 3600), (end - 14 * 3600, end + 600)]
    with prometheus_on(work / "metrics.om", tmp_path_factory.mktemp("prom-gap"), cpu_rule=gap) as url:
        prom = PrometheusMetrics(url, end=end).usage(end - 36 * 3600, end)
        assert prom.cpu_series.startswith("irate(")
        assert prom.queries == 11 + 4  # the rule's CPU queries (its count too), then the subquery's 3
        raw = PrometheusMetrics(url, end=end, use_rule=False).usage(end - 36 * 3600, end)
        assert prom.keys == raw.keys == recorded.usage(end - 36 * 3600, end).keys
        np.testing.assert_array_equal(prom.summary.cpu, raw.summary.cpu)


@pytest.mark.parametrize("hours", [36, 48], ids=["part-days", "whole-days"])
def test_scrapes_every_30_seconds_give_the_same_5_minute_figures(data, tmp_path_factory, hours) -> None:
    """The same cluster scraped every 30 s (kube-prometheus-stack's default) instead of every 5 minutes:
    forge sees it in its first look, takes 5-minute average rates (`rate[5m]` at each step, not the rate of
    the last 30 s) and counts history in 5-minute steps, so it reports what the recorded 5-minute file gives:
    the same CPU figures, memory max and history (a pod's history is not ten times longer because it was
    scraped ten times as often); memory percentiles over all the samples the 30-second file holds."""
    work, end = data
    fine = tmp_path_factory.mktemp("prom-30s")
    cluster_spec = generate(8, 2, seed=5, end=end)
    write_openmetrics_every(fine / "metrics.om", cluster_spec, 30)
    recorded = RecordedMetrics(work / "metrics.om")
    end = recorded.latest()
    start = end - hours * 3600 + (1 if hours % 24 == 0 else 0)
    with prometheus_on(fine / "metrics.om", fine) as url:
        prom = PrometheusMetrics(url, end=end).usage(start, end)
    rec = recorded.usage(start, end)
    assert prom.cpu_series.startswith("rate(") and prom.keys == rec.keys
    assert prom.queries == (10 if hours % 24 == 0 else 11)  # with the owner series
    steps_per_pod = np.isfinite(rec.memory).sum(axis=1)
    np.testing.assert_allclose(prom.summary.memory_samples, steps_per_pod, atol=1)
    for i in range(len(rec.keys)):
        cpu = rec.cpu[i][np.isfinite(rec.cpu[i])]
        np.testing.assert_allclose(
            prom.summary.cpu[i], [*np.percentile(cpu, [50, 95, 99]), cpu.max()], rtol=1e-6
        )
        memory = rec.memory[i][np.isfinite(rec.memory[i])]
        assert prom.summary.memory[i, 2] == memory.max()
        # Each 5-minute value was scraped 10 times (the file's very first sample once).
        times = np.full(memory.size, 10)
        times[0] = 1 if rec.timestamps[0] == cluster_spec.start else 10
        np.testing.assert_allclose(
            prom.summary.memory[i, :2], np.percentile(np.repeat(memory, times), [50, 99]), rtol=1e-9
        )
    cluster = ManifestCluster(work / "manifests")
    objects = cluster.list_objects(ALL_KINDS)
    a, b = (analysis.analyze(cluster, u, objects=objects) for u in (prom, rec))
    assert [(o.type, o.workload, o.container) for o in a.opportunities] == [
        (o.type, o.workload, o.container) for o in b.opportunities
    ]


def _agree(url, recorded, manifests, end, hours=36):  # type: ignore[no-untyped-def]
    end = recorded.latest()
    # 48 hours: a window of whole days (576 steps, the end's own step included), whose memory maximum and
    # sample count come from the daily figures; 36 hours: one day and the 12 hours and one step before it
    # (the head, one small query), whose maximum and count are added to the day's.
    start = end - hours * 3600 + (1 if hours % 24 == 0 else 0)
    prom = PrometheusMetrics(url, end=end).usage(start, end)
    rec = recorded.usage(start, end)
    assert prom.timestamps.size == hours * 12 + (0 if hours % 24 == 0 else 1)
    assert prom.keys == rec.keys and len(rec.keys) > 8
    # Constant, never one per workload: the look for the recording rule, the CPU percentiles (one query per
    # shard of the containers) and maximum, the memory percentiles (one query per shard), restarts and
    # reasons, kube-state-metrics' owner series, days, hours (and the memory maximum and count of the head
    # before the first whole day). With the recording rule, one more: how many rates it holds per container.
    assert prom.queries == (10 if hours % 24 == 0 else 11) + (prom.cpu_series == CPU_RULE)
    assert prom.reasons == rec.reasons and prom.restarts.keys() == rec.restarts.keys()
    assert prom.owners == rec.owners and len(rec.owners) == len({(k[0], k[1]) for k in rec.keys})
    cluster = ManifestCluster(manifests)
    objects = cluster.list_objects(ALL_KINDS)
    a, b = (analysis.analyze(cluster, u, objects=objects) for u in (prom, rec))
    # A container's pods, pooled: exact figures for one pod; with several, Prometheus gives each pod's
    # percentiles and forge weights them by samples. The pooled percentile always lies between the pods'
    # smallest and largest; replicas behind one Service see similar load, so the weighted mean stays within
    # 3% of it (1.5% at most on this sample). Max, history, daily means and maxima are exact either way.
    rows: dict[tuple[str, str], list[int]] = {}
    for i, (ns, pod, container) in enumerate(rec.keys):
        owner = analysis.owner_of(
            pod, ns, {(o["kind"], o["metadata"]["namespace"], o["metadata"]["name"]): o for o in objects}
        )
        rows.setdefault((owner, container), []).append(i)
    several = 0
    for idx in rows.values():
        got = recommend.summary_profile(prom.summary, idx)
        want = recommend.profile(rec.cpu[idx], rec.memory[idx])
        exact = ("cpu_max", "memory_max", "memory_trend_per_day", "history_hours", "memory_projected_max")
        exact += ("cpu_p95_busiest",)  # each pod's own p95 is Prometheus's quantile_over_time, then the max
        for name in exact + ("cpu_p50", "cpu_p95", "cpu_p99", "memory_p50", "memory_p99"):
            tolerance = 1e-9 if len(idx) == 1 or name in exact else 0.03
            assert getattr(got, name) == pytest.approx(getattr(want, name), rel=tolerance, abs=1e-9), name
        assert got.pattern == want.pattern
        if len(idx) > 1:
            several += 1
            per_pod = prom.summary.cpu[idx, 1]
            assert per_pod.min() - 1e-12 <= got.cpu_p95 <= per_pod.max() + 1e-12
    assert several >= 2 and len(rows) > several
    changes = [{(c.object, c.container, c.field): c for c in r.changes} for r in (a, b)]
    assert changes[0].keys() == changes[1].keys() and changes[0]
    for key, c in changes[0].items():
        other = changes[1][key]
        if c.field in ("replicas", "max_replicas"):
            assert c.proposed == other.proposed
        else:
            assert quantity.parse(c.proposed) == pytest.approx(
                quantity.parse(other.proposed), rel=0.03, abs=0.002
            )
    assert [(o.type, o.workload, o.container) for o in a.opportunities] == [
        (o.type, o.workload, o.container) for o in b.opportunities
    ]
    return prom


def test_unreachable_prometheus_is_a_clear_error() -> None:
    metrics = PrometheusMetrics(f"http://127.0.0.1:{free_port()}", timeout=2)
    with pytest.raises(Unavailable, match="could not be reached"):
        metrics.usage(time.time() - 3600, time.time())


def test_range_answers_are_read_exactly_whatever_the_label_values_and_gaps() -> None:
    import json

    from servers.forge.usage import _MATRIX_PREFIX, _matrix_rows

    grid = np.arange(1_700_000_100, 1_700_000_100 + 300 * 6, 300, dtype=np.float64)
    result = [
        {
            "metric": {"namespace": 'a"{"metric":,"values":[[1,"2"]]', "pod": "p]]", "container": "c"},
            "values": [[int(t), repr(i + 0.25)] for i, t in enumerate(grid)],
        },  # every step
        {
            "metric": {"namespace": "b", "pod": "q", "container": "c"},
            "values": [[int(grid[1]), "1e-05"], [int(grid[3]), "NaN"], [int(grid[4]), "+Inf"]],
        },  # gaps
        {
            "metric": {"namespace": "b", "pod": "r", "container": "c"},
            "values": [[int(grid[2]), "1"], [int(grid[3]), "2"]],
        },  # started late, ended early
        {"metric": {"namespace": "b", "pod": "s", "container": "c"}, "values": [[int(grid[-1]), "7"]]},
    ]
    body = json.dumps(
        {"status": "success", "data": {"resultType": "matrix", "result": result}}, separators=(",", ":")
    ).encode()
    assert body.startswith(_MATRIX_PREFIX)  # what Prometheus sends
    keys, rows = _matrix_rows(body, grid)
    assert keys == [(s["metric"]["namespace"], s["metric"]["pod"], s["metric"]["container"]) for s in result]
    expected = np.full((4, grid.size), np.nan)
    for i, s in enumerate(result):
        for t, v in s["values"]:
            expected[i, int((t - grid[0]) // 300)] = float(v)
    np.testing.assert_array_equal(rows, expected)


@pytest.mark.parametrize("source", ["subquery", "rule"])
def test_several_percentiles_in_one_query_equal_separate_queries(loaded, loaded_with_rule, source) -> None:
    """forge asks for the CPU percentiles (and the memory ones) in one range query whose steps carry the
    quantile; Prometheus's answer must equal, to the last bit, what it gives for each `quantile_over_time`
    asked on its own, for the `irate` subquery and for the recording rule's stored rates (and the quantile
    chosen per step must be the one asked for, not a neighbour's)."""
    from servers.forge.usage import CPU, CPU_PERCENTILES, MEMORY, MEMORY_PERCENTILES, _grid, _stat

    url, recorded, _, _ = loaded if source == "subquery" else loaded_with_rule
    end = recorded.latest()
    prom = PrometheusMetrics(url, end=end)
    grid = _grid(end - 36 * 3600, end)
    sel, span = 'container!="",container!="POD"', f"{(int(grid[-1] - grid[0]) + 300) * 1000 - 1}ms"
    at, _ = prom._look(sel, grid)
    if source == "subquery":
        assert at is None
        cpu, at = f"irate({CPU}{{{sel}}}[600s])[{span}:300s]", float(grid[-1])
    else:
        assert at is not None
        cpu = f"{CPU_RULE}{{{sel}}}[{span}]"
    wanted = (*CPU_PERCENTILES, ("cpu_max_as_q1", 1.0))
    answers = {}
    for series, quantiles in ((cpu, wanted), (f"{MEMORY}{{{sel}}}[{span}]", MEMORY_PERCENTILES)):
        stacked = prom._percentiles(series, quantiles, at)
        got = {(key, labels["stat"]): value for key, value, labels in stacked}
        assert len(got) == len(stacked) > 8 * len(quantiles)
        for name, q in quantiles:
            alone = prom._vector(_stat(f"quantile_over_time({q}, {series})", name), at)
            assert alone and {(k, name): v for k, v, _ in alone} == {
                k: v for k, v in got.items() if k[1] == name
            }
        answers[series] = got
    # A quantile of 1 is the maximum: the step's quantile is not interpolated towards a neighbour's.
    maxima = {k: v for k, v, _ in prom._vector(_stat(f"max_over_time({cpu})", "m"), at)}
    assert maxima == {k[0]: v for k, v in answers[cpu].items() if k[1] == "cpu_max_as_q1"}


@pytest.mark.parametrize("answer", ["a step missing", "refused"])
def test_percentiles_fall_back_to_one_query_each_when_the_steps_do_not_come_back(answer) -> None:
    """A Prometheus-compatible server that drops a 1 ms step (or refuses such steps) must not leave a
    percentile missing: forge then asks one `quantile_over_time` per quantile, as before the one-query form.
    The server here is a stand-in that answers the range query badly and each instant query with the
    quantile it was asked for, so the result shows which query each figure came from."""
    import json
    import re
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import parse_qs, urlparse

    from servers.forge.usage import MEMORY_PERCENTILES

    metric = {"namespace": "ns", "pod": "p", "container": "c"}
    at = 1_700_000_000.0

    class Stub(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            url = urlparse(self.path)
            query = parse_qs(url.query)["query"][0]
            if url.path.endswith("query_range") and answer == "refused":
                body, status = {"status": "error", "errorType": "bad_data", "error": "step too small"}, 400
            elif url.path.endswith("query_range"):
                result = [{"metric": metric, "values": [[at, "1"]]}]  # the second step is missing
                body, status = {"status": "success", "data": {"resultType": "matrix", "result": result}}, 200
            else:
                q = re.search(r"quantile_over_time\(([0-9.]+),", query)
                labels = {**metric, "stat": re.search(r'"stat", "([a-z0-9_]+)"', query).group(1)}
                result = [{"metric": labels, "value": [at, q.group(1) if q else "nan"]}]
                body, status = {"status": "success", "data": {"resultType": "vector", "result": result}}, 200
            raw = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        prom = PrometheusMetrics(f"http://127.0.0.1:{server.server_address[1]}", timeout=5)
        rows = prom._percentiles("container_memory_working_set_bytes[1h]", MEMORY_PERCENTILES, at)
    finally:
        server.shutdown()
        server.server_close()
    assert {labels["stat"]: value for _, value, labels in rows} == {"memory_p99": 0.99, "memory_p50": 0.5}
    assert prom.queries == 1 + len(MEMORY_PERCENTILES)
