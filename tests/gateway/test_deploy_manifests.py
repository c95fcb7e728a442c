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
KUBERNETES_VERSIONS = ("1.29.0", "1.34.0")  # the oldest release we support and a current one


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
    assert "findings over 3 objects" in out.stdout  # gateway, chroma, postgres: not an empty directory


def _docs() -> list[dict]:
    return [d for f in sorted(DEPLOY.glob("*.yaml")) for d in yaml.safe_load_all(f.read_text()) if d]


def _find(docs: list[dict], kind: str, name: str) -> dict:
    return next(d for d in docs if d["kind"] == kind and d["metadata"]["name"] == name)


def test_deploy_has_what_three_gateway_replicas_need() -> None:
    docs = _docs()
    kinds = {(d["kind"], d["metadata"]["name"]) for d in docs}
    assert {
        ("Deployment", "hdr-gateway"),
        ("Service", "hdr-gateway"),
        ("PodDisruptionBudget", "hdr-gateway"),
        ("Deployment", "hdr-chroma"),
        ("Service", "hdr-chroma"),
        ("StatefulSet", "hdr-postgres"),
        ("Service", "hdr-postgres"),
        ("Secret", "hdr-postgres"),
        ("Secret", "hdr-gateway"),
    } <= kinds
    gateway = _find(docs, "Deployment", "hdr-gateway")
    assert gateway["spec"]["replicas"] == 3 and gateway["spec"]["strategy"]["type"] == "RollingUpdate"
    budget = _find(docs, "PodDisruptionBudget", "hdr-gateway")
    assert budget["spec"]["minAvailable"] == 2
    assert budget["spec"]["selector"]["matchLabels"] == gateway["spec"]["selector"]["matchLabels"]
    pod = gateway["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["resources"]["requests"] and container["resources"]["limits"]
    assert (
        "--config" in container["command"] and "0.0.0.0" in container["command"]
    )  # exposed: auth configured
    env = {e["name"]: e for e in container["env"]}
    assert env["HDR_MEMORY_URL"]["value"] == "http://hdr-chroma:8000" and env["HDR_HOME"]["value"] == "/data"
    # State and the keys replicas must agree on come from Secrets, never from a literal in the manifest.
    assert env["HDR_STATE_URL"]["valueFrom"]["secretKeyRef"] == {"name": "hdr-postgres", "key": "state-url"}
    assert env["HDR_MASTER_KEY"]["valueFrom"]["secretKeyRef"]["name"] == "hdr-gateway"
    volumes = {v["name"]: v for v in pod["volumes"]}
    assert all("persistentVolumeClaim" not in v for v in volumes.values())  # no single-writer volume
    postgres_secret = _find(docs, "Secret", "hdr-postgres")["stringData"]
    assert "password" in postgres_secret and "state-url" in postgres_secret
    (server,) = _find(docs, "StatefulSet", "hdr-postgres")["spec"]["template"]["spec"]["containers"]
    server_env = {e["name"]: e for e in server["env"]}
    assert server_env["POSTGRES_PASSWORD"]["valueFrom"]["secretKeyRef"] == {
        "name": "hdr-postgres",
        "key": "password",
    }


def test_every_manifest_validates_against_the_kubernetes_schema() -> None:
    # kubernetes-validate (PyPI) checks each object against the OpenAPI schema of a real Kubernetes
    # release, strictly: unknown or misspelt fields fail.
    import kubernetes_validate

    checked = 0
    for version in KUBERNETES_VERSIONS:
        for doc in _docs():
            kubernetes_validate.validate(doc, version, strict=True)
            checked += 1
    assert checked == len(KUBERNETES_VERSIONS) * len(_docs()) >= 2 * 12


def test_the_schema_validator_refuses_a_misspelt_field() -> None:
    import kubernetes_validate

    budget = _find(_docs(), "PodDisruptionBudget", "hdr-gateway")
    budget["spec"]["minAvailabel"] = budget["spec"].pop("minAvailable")
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(budget, KUBERNETES_VERSIONS[0], strict=True)


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
