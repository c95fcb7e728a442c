"""The sample cluster is the embedded default of the cluster interface: any process gets it from
shared.cluster, whether or not forge was ever imported there (compliance started on its own)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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
