"""deploy/ passes the suite's own compliance check against pss-restricted and k8s-best-practices,
run the way a CI pipeline runs it (`python -m servers.demo check`, the documented step), and the
same step fails when a manifest breaks the policy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def _check(target: Path, framework: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "servers.demo", "check", str(target), "--framework", framework],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("framework", ["pss-restricted", "k8s-best-practices"])
def test_deploy_manifests_pass_the_suites_own_check(suite, framework: str) -> None:
    out = _check(DEPLOY, framework)
    assert out.returncode == 0, out.stdout + out.stderr
    assert f"{framework} " in out.stdout and ": pass (0 of " in out.stdout
    assert "findings over 2 objects" in out.stdout  # both workloads were checked, not an empty directory


def test_deploy_has_what_a_gateway_needs() -> None:
    docs = [d for f in sorted(DEPLOY.glob("*.yaml")) for d in yaml.safe_load_all(f.read_text()) if d]
    kinds = {(d["kind"], d["metadata"]["name"]) for d in docs}
    assert {
        ("Deployment", "hdr-gateway"),
        ("Service", "hdr-gateway"),
        ("Deployment", "hdr-chroma"),
        ("Service", "hdr-chroma"),
        ("PersistentVolumeClaim", "hdr-state"),
    } <= kinds
    gateway = next(d for d in docs if d["kind"] == "Deployment" and d["metadata"]["name"] == "hdr-gateway")
    (container,) = gateway["spec"]["template"]["spec"]["containers"]
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["resources"]["requests"] and container["resources"]["limits"]
    assert (
        "--config" in container["command"] and "0.0.0.0" in container["command"]
    )  # exposed: auth configured
    env = {e["name"]: e["value"] for e in container["env"]}
    assert env["HDR_MEMORY_URL"] == "http://hdr-chroma:8000" and env["HDR_HOME"] == "/data"


def test_the_ci_step_fails_on_a_violation(suite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(
        "HDR_FILE_ROOTS", str(tmp_path)
    )  # compliance reads files only under the allowed roots (#12)
    broken = tmp_path / "deploy"
    shutil.copytree(DEPLOY, broken)
    path = broken / "gateway.yaml"
    docs = list(yaml.safe_load_all(path.read_text()))
    docs[0]["spec"]["template"]["spec"]["containers"][0]["securityContext"]["allowPrivilegeEscalation"] = True
    path.write_text(yaml.safe_dump_all(docs))
    out = _check(broken, "pss-restricted")
    assert out.returncode == 1, out.stdout + out.stderr
    assert ": fail (1 of " in out.stdout and "hdr-gateway" in out.stdout
