"""Manifest inputs (files, directories, lists), user policy directories, best practices."""

from __future__ import annotations

from pathlib import Path

import pytest

from servers.compliance.checking import run_check
from shared.errors import BadInput
from shared.suite import Suite

POD = """apiVersion: v1
kind: Pod
metadata: {name: %s, namespace: shop}
spec:
  containers:
  - {name: app, image: "%s"}
"""


def test_a_directory_of_multi_document_files_and_lists_is_checked_with_one_subject_per_file(
    offline_suite: Suite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HDR_FILE_ROOTS", str(tmp_path))  # files are read only under the allowed roots (#12)
    (tmp_path / "a.yaml").write_text(POD % ("a", "x:1") + "---\n" + POD % ("b", "x:1"))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "list.yml").write_text(
        "apiVersion: v1\nkind: List\nitems:\n- "
        + (POD % ("c", "x:1")).replace("\n", "\n  ")
        + "\n---\nkind: Service\nmetadata: {name: s}\n"
    )
    (tmp_path / "notes.txt").write_text("not a manifest")
    result = run_check(offline_suite, str(tmp_path), "pss-baseline")
    assert result.objects_checked == 3 and result.verdict == "pass"
    assert result.skipped_kinds == {"Service": 1}
    assert sorted(Path(s["name"]).name for s in result.subjects) == ["a.yaml", "list.yml"]


def test_a_document_without_kind_is_rejected_not_skipped(offline_suite: Suite) -> None:
    with pytest.raises(BadInput, match="document 2 has no `kind`"):
        run_check(offline_suite, POD % ("a", "x:1") + "---\nmetadata: {name: x}\n", "pss-baseline")


def test_best_practices_flag_latest_and_untagged_images(offline_suite: Suite) -> None:
    findings = {}
    for image in (
        "nginx",
        "nginx:latest",
        "reg:5000/team/app",
        "nginx:1.27",
        "nginx@sha256:" + "a" * 64,
        "reg:5000/team/app:2",
    ):
        result = run_check(offline_suite, POD % ("p", image), "k8s-best-practices")
        findings[image] = any(f.check == "imageTag" for f in result.findings)
    assert findings == {
        "nginx": True,
        "nginx:latest": True,
        "reg:5000/team/app": True,
        "nginx:1.27": False,
        "nginx@sha256:" + "a" * 64: False,
        "reg:5000/team/app:2": False,
    }


def test_a_user_policy_directory_adds_a_check_by_adding_a_file(
    offline_suite: Suite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "registry.yaml").write_text("""
check: trustedRegistry
frameworks: [k8s-best-practices]
title: Images come from the company registry
severity: high
remediation: Push the image to registry.example and reference it there.
versions:
  - since: any
    rules:
      - {scope: containers, path: image, forbid_pattern: '^(?!registry\\.example/)', message: "container {container} pulls {value} from outside registry.example"}
""")
    monkeypatch.setenv("HDR_COMPLIANCE_POLICY_DIR", str(tmp_path))
    outside = run_check(offline_suite, POD % ("p", "docker.io/nginx:1.2"), "k8s-best-practices")
    inside = run_check(offline_suite, POD % ("p", "registry.example/nginx:1.2"), "k8s-best-practices")
    assert any(f.check == "trustedRegistry" for f in outside.findings)
    assert not any(f.check == "trustedRegistry" for f in inside.findings)


def test_a_malformed_user_policy_is_a_clear_error(
    offline_suite: Suite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "bad.yaml").write_text(
        "check: x\nframeworks: [pss-baseline]\nversions:\n  - since: v1.0\n"
        "    rules:\n      - {scope: galaxy, path: a, forbid: [1]}\n"
    )
    monkeypatch.setenv("HDR_COMPLIANCE_POLICY_DIR", str(tmp_path))
    with pytest.raises(BadInput, match="scope 'galaxy'"):
        run_check(offline_suite, POD % ("p", "x:1"), "pss-baseline")


def test_the_cluster_target_reads_the_cluster_forge_is_connected_to(
    offline_suite: Suite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "web.yaml").write_text("""apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      containers: [{name: app, image: "a:1", securityContext: {privileged: true}}]
""")
    monkeypatch.setenv("HDR_FORGE_MANIFESTS", str(tmp_path))
    result = run_check(offline_suite, "cluster", "pss-baseline")
    assert [(f.check, f.object) for f in result.findings] == [("privileged", "Deployment/shop/web")]
    assert result.subjects[0]["name"].startswith("cluster:")


def test_pods_without_containers_or_with_deep_or_binary_input_are_refused(offline_suite: Suite) -> None:
    with pytest.raises(BadInput, match="no containers list"):
        run_check(offline_suite, "kind: Pod\nmetadata: {name: x}\nspec: {containers: 5}\n", "pss-restricted")
    with pytest.raises(BadInput, match="more than 64 levels"):
        run_check(offline_suite, "[" * 100_000, "pss-restricted")
    with pytest.raises(BadInput, match="line 2, column 3"):
        run_check(offline_suite, "kind: Pod\nx:\x00\n", "pss-restricted")


def test_paths_outside_the_allowed_roots_are_refused_alike_and_reveal_nothing(
    offline_suite: Suite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from servers.compliance import attestations
    from shared.errors import Refused

    allowed, outside = tmp_path / "allowed", tmp_path / "outside"
    allowed.mkdir()
    outside.mkdir()
    secret = outside / "secret.yaml"
    secret.write_text("apiVersion: v1\nkind: SecretKindCANARY\nmetadata: {name: CANARY}\n")
    (allowed / "link.yaml").symlink_to(secret)
    monkeypatch.setenv("HDR_FILE_ROOTS", str(allowed))
    texts = set()
    for target in (
        str(secret),
        str(outside / "missing.yaml"),
        str(allowed / "link.yaml"),
        f"file://{secret}",
        "../outside/secret.yaml",
        str(outside),
    ):
        with pytest.raises(Refused) as refused:
            run_check(offline_suite, target, "pss-baseline")
        texts.add(str(refused.value))
    att = attestations.attest(offline_suite, target=POD % ("a", "x:1"), framework="pss-baseline")
    for subject in (str(secret), str(outside / "missing.yaml")):
        with pytest.raises(Refused) as refused:
            attestations.verify(offline_suite, att.envelope, subject=subject)
        texts.add(str(refused.value))
    assert len(texts) == 1 and "CANARY" not in texts.pop()
    (allowed / "pod.yaml").write_text(POD % ("b", "x:1"))
    assert run_check(offline_suite, "pod.yaml", "pss-baseline").objects_checked == 1  # relative to the root
