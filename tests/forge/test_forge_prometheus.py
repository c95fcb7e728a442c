"""The Prometheus path against a real Prometheus loaded (promtool) from the same OpenMetrics file the
recorded default reads: same usage, a constant number of queries, and a clear error when unreachable."""

from __future__ import annotations

import time

import numpy as np
import pytest
from conftest import free_port, need_service
from forge_prometheus import available, prometheus_on

from servers.forge.usage import PrometheusMetrics, RecordedMetrics
from shared.errors import Unavailable
from shared.sample_cluster import generate, write_openmetrics


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory):
    need_service("Prometheus", available(), "apt-get install -y prometheus (gives prometheus and promtool)")
    work = tmp_path_factory.mktemp("prom")
    end = int(time.time()) - 3600  # inside the head-block-free past, well within retention
    write_openmetrics(work / "metrics.om", generate(8, 2, seed=5, end=end))
    with prometheus_on(work / "metrics.om", work) as url:
        yield url, RecordedMetrics(work / "metrics.om"), end


def test_prometheus_gives_the_same_usage_as_the_recorded_file(loaded) -> None:
    url, recorded, end = loaded
    end = recorded.latest()
    start = end - 36 * 3600
    prom = PrometheusMetrics(url, end=end).usage(start, end)
    rec = recorded.usage(start, end)
    assert prom.keys == rec.keys and len(rec.keys) > 8
    assert prom.queries == 4  # constant: never one query per workload
    both = np.isfinite(prom.cpu) & np.isfinite(rec.cpu)
    assert both.sum() > 0.95 * np.isfinite(rec.cpu).sum()
    np.testing.assert_allclose(prom.cpu[both], rec.cpu[both], rtol=1e-3, atol=1e-5)
    np.testing.assert_allclose(prom.memory, rec.memory, rtol=1e-9)
    assert prom.reasons == rec.reasons and prom.restarts.keys() == rec.restarts.keys()


def test_unreachable_prometheus_is_a_clear_error() -> None:
    metrics = PrometheusMetrics(f"http://127.0.0.1:{free_port()}", timeout=2)
    with pytest.raises(Unavailable, match="could not be reached"):
        metrics.usage(time.time() - 3600, time.time())


def test_range_answers_are_read_exactly_whatever_the_label_values_and_gaps() -> None:
    import json

    from servers.forge.usage import _MATRIX_PREFIX, _matrix_rows

    grid = np.arange(1_700_000_100, 1_700_000_100 + 300 * 6, 300, dtype=np.float64)
    result = [
        {"metric": {"namespace": 'a"{"metric":,"values":[[1,"2"]]', "pod": "p]]", "container": "c"},
         "values": [[int(t), repr(i + 0.25)] for i, t in enumerate(grid)]},  # every step
        {"metric": {"namespace": "b", "pod": "q", "container": "c"},
         "values": [[int(grid[1]), "1e-05"], [int(grid[3]), "NaN"], [int(grid[4]), "+Inf"]]},  # gaps
        {"metric": {"namespace": "b", "pod": "r", "container": "c"},
         "values": [[int(grid[2]), "1"], [int(grid[3]), "2"]]},  # started late, ended early
        {"metric": {"namespace": "b", "pod": "s", "container": "c"}, "values": [[int(grid[-1]), "7"]]},
    ]
    body = json.dumps({"status": "success", "data": {"resultType": "matrix", "result": result}},
                      separators=(",", ":")).encode()
    assert body.startswith(_MATRIX_PREFIX)  # what Prometheus sends
    keys, rows = _matrix_rows(body, grid)
    assert keys == [(s["metric"]["namespace"], s["metric"]["pod"], s["metric"]["container"]) for s in result]
    expected = np.full((4, grid.size), np.nan)
    for i, s in enumerate(result):
        for t, v in s["values"]:
            expected[i, int((t - grid[0]) // 300)] = float(v)
    np.testing.assert_array_equal(rows, expected)
