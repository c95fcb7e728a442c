"""shared/sample_cluster.py: the embedded default of the cluster interface. Any process gets it from
shared.cluster, whether or not forge was ever imported there (compliance started on its own); it is the
same for the same seed and end; its metrics parse with prometheus_client's OpenMetrics parser (the
reference) and cover every container its manifests declare."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml
from prometheus_client.openmetrics.parser import text_string_to_metric_families

from shared.sample_cluster import generate, write_manifests, write_openmetrics, write_sample

ROOT = Path(__file__).resolve().parents[2]

PROGRAM = """
import json, sys
from shared.cluster import WORKLOAD_KINDS, cluster_from_config
from shared.suite import Suite

cluster = cluster_from_config(Suite())
kinds = sorted({o["kind"] for o in cluster.list_objects(WORKLOAD_KINDS)})
forge_loaded = sorted(m for m in sys.modules if m.startswith("servers.forge"))
print(json.dumps({"source": cluster.source, "kinds": kinds, "workloads": len(cluster.list_objects(WORKLOAD_KINDS)),
                  "forge_modules": forge_loaded}))
"""


def test_a_process_that_never_imported_forge_gets_the_sample_cluster(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HDR_KUBE", "HDR_FORGE"))}
    env |= {
        "HDR_HOME": str(tmp_path / "home"),
        "HDR_MEMORY_URL": "http://127.0.0.1:9",
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["forge_modules"] == []
    assert out["source"].startswith("manifests:") and out["source"].endswith("forge/sample/manifests")
    assert out["workloads"] == 20 and {"Deployment", "StatefulSet", "DaemonSet"} <= set(out["kinds"])
    assert (tmp_path / "home" / "forge" / "sample" / "metrics.om").stat().st_size > 0  # forge's metrics too


def test_the_same_end_writes_the_same_sample_byte_for_byte(tmp_path: Path) -> None:
    for run in ("a", "b"):
        write_sample(tmp_path / run, end=1_767_225_600)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert len(files) == 21  # 20 workloads' manifests and the metrics
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)
    assert not list(tmp_path.glob("*.tmp-*"))  # written aside and renamed: nothing half-written left


def test_the_metrics_parse_as_openmetrics_and_cover_every_declared_container(tmp_path: Path) -> None:
    cluster = generate(4, days=0.5, seed=11, end=1_767_225_600)
    write_manifests(tmp_path / "manifests", cluster)
    write_openmetrics(tmp_path / "metrics.om", cluster)
    declared = set()
    for path in (tmp_path / "manifests").rglob("*.yaml"):
        for doc in yaml.safe_load_all(path.read_text()):
            if doc and doc["kind"] in ("Deployment", "StatefulSet", "DaemonSet", "CronJob", "Job"):
                spec = doc["spec"]["jobTemplate"]["spec"] if doc["kind"] == "CronJob" else doc["spec"]
                containers = spec["template"]["spec"]["containers"]
                declared |= {(doc["metadata"]["namespace"], c["name"]) for c in containers}
    series: dict[str, dict[tuple[str, str, str], list[float]]] = {}
    for family in text_string_to_metric_families((tmp_path / "metrics.om").read_text()):
        for sample in family.samples:
            key = tuple(sample.labels.get(k, "") for k in ("namespace", "pod", "container"))
            series.setdefault(sample.name, {}).setdefault(key, []).append(sample.value)
    for name in ("container_cpu_usage_seconds_total", "container_memory_working_set_bytes"):
        assert {(ns, c) for ns, _, c in series[name]} == declared, name
    assert all(len(v) == cluster.steps for v in series["container_memory_working_set_bytes"].values())
    counters = series["container_cpu_usage_seconds_total"].values()
    assert all(all(b >= a for a, b in zip(v, v[1:], strict=False)) for v in counters)  # counters never fall
