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
