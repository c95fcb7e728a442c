"""shared/cluster.py's embedded default, a directory of manifests (the live API server's side is driven
by tests/forge/test_forge_kubernetes.py): a change writes only what it changes, keeps comments, refuses a
stale version, restores byte for byte and only inside its root; patches merge as Kubernetes merges
containers; selectors are Kubernetes' equality selectors."""

from __future__ import annotations

import base64
import dataclasses
import difflib
import hashlib
from pathlib import Path

import pytest
import yaml

from shared.cluster import ManifestCluster, ObjectRef, merge_patch, parse_selector
from shared.errors import BadInput, Conflict, NotFound

WEB = """\
# the storefront: owned by team shop
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {app: web, tier: front}
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: app
          image: "registry.example/web:1.4"   # pinned on purpose
          resources:
            requests:
              cpu: 500m
              memory: 256Mi
        - name: proxy
          image: envoy:1.30
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
"""
REF = ObjectRef("Deployment", "shop", "web")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "web.yaml").write_text(WEB)
    (tmp_path / "jobs.yaml").write_text("kind: Job\nmetadata:\n  name: nightly\nspec: {}\n")  # no namespace
    return tmp_path


def test_a_change_rewrites_only_its_lines_and_keeps_comments_and_quotes(repo: Path) -> None:
    cluster = ManifestCluster(repo)
    _, version = cluster.get(REF)
    assert version == "sha256:" + hashlib.sha256(WEB.encode()).hexdigest()  # the file's own hash
    patch = {
        "spec": {
            "template": {
                "spec": {"containers": [{"name": "app", "resources": {"requests": {"cpu": "250m"}}}]}
            }
        }
    }
    cluster.apply(REF, patch, version)
    after = (repo / "shop" / "web.yaml").read_text()
    changed = [line for line in difflib.ndiff(WEB.splitlines(), after.splitlines()) if line[:1] in "+-"]
    assert changed == ["- " + " " * 14 + "cpu: 500m", "+ " + " " * 14 + "cpu: 250m"]
    docs = list(yaml.safe_load_all(after))  # and a reference parser reads what was meant
    assert docs[0]["spec"]["template"]["spec"]["containers"][0]["resources"]["requests"] == {
        "cpu": "250m",
        "memory": "256Mi",
    }


def test_a_stale_version_is_a_conflict_and_nothing_is_written(repo: Path) -> None:
    cluster = ManifestCluster(repo)
    _, version = cluster.get(REF)
    (repo / "shop" / "web.yaml").write_text(WEB.replace("replicas: 2", "replicas: 3"))  # someone else's edit
    edited = (repo / "shop" / "web.yaml").read_bytes()
    with pytest.raises(Conflict, match="changed since it was read"):
        cluster.apply(REF, {"spec": {"replicas": 5}}, version)
    assert (repo / "shop" / "web.yaml").read_bytes() == edited


def test_a_capture_restores_byte_for_byte_and_only_inside_the_root(repo: Path, tmp_path_factory) -> None:
    cluster = ManifestCluster(repo)
    capture = cluster.capture(REF)
    changed = cluster.apply(REF, {"spec": {"replicas": 9}}, capture.version)
    with pytest.raises(Conflict):
        cluster.restore(capture, capture.version)  # the file moved on: restore only what was checked
    cluster.restore(capture, changed)
    assert (repo / "shop" / "web.yaml").read_text() == WEB
    outside = tmp_path_factory.mktemp("outside") / "x.yaml"
    outside.write_text("kept: true\n")
    forged = dataclasses.replace(
        capture,
        state={
            "path": f"../{outside.parent.name}/x.yaml",
            "content_b64": base64.b64encode(b"owned").decode(),
        },
    )
    with pytest.raises(BadInput, match="outside"):
        cluster.restore(forged, "sha256:" + hashlib.sha256(b"kept: true\n").hexdigest())
    assert outside.read_text() == "kept: true\n"


def test_listing_fills_the_default_namespace_and_filters_by_namespace_and_labels(repo: Path) -> None:
    cluster = ManifestCluster(repo)
    everything = cluster.list_objects(("Deployment", "Job"))
    assert sorted((o["kind"], o["metadata"]["namespace"]) for o in everything) == [
        ("Deployment", "shop"),
        ("Job", "default"),
    ]
    assert [o["kind"] for o in cluster.list_objects(("Deployment", "Job"), namespaces=["default"])] == ["Job"]
    assert len(cluster.list_objects(("Deployment",), label_selector="app=web,tier==front")) == 1
    assert cluster.list_objects(("Deployment",), label_selector="app=api") == []
    with pytest.raises(NotFound):
        cluster.get(ObjectRef("Deployment", "shop", "api"))


def test_listing_is_in_path_order_and_hands_out_copies(tmp_path: Path) -> None:
    """Objects come in pathlib's order of their files (by parts: `a/b.yaml` before `a-b.yaml`, which plain
    string order reverses), and editing a listed object changes neither the files nor the next listing."""
    names = [
        "a-b.yaml",
        "a/b.yaml",
        "a.yaml",
        "a/a-b/c.yaml",
        "a/a/c.yaml",
        "B.yaml",
        "a_b/x.yml",
        "\u00e4.yaml",
    ]
    for i, name in enumerate(names):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"kind: ConfigMap\nmetadata:\n  name: cm{i}\n  labels: {{n: '{i}'}}\n")
    cluster = ManifestCluster(tmp_path)
    listed = cluster.list_objects(("ConfigMap",))
    order = sorted(Path(n) for n in names)
    assert [o["metadata"]["name"] for o in listed] == [f"cm{names.index(str(p))}" for p in order]
    listed[0]["metadata"]["labels"]["n"] = "edited"
    assert cluster.list_objects(("ConfigMap",))[0]["metadata"]["labels"]["n"] != "edited"
    assert "edited" not in "".join((tmp_path / n).read_text() for n in names)


def test_helm_templates_and_charts_are_left_out_with_the_reason(repo: Path) -> None:
    (repo / "chart").mkdir()
    (repo / "chart" / "Chart.yaml").write_text("name: c\n")
    (repo / "tmpl.yaml").write_text("kind: Deployment\nmetadata:\n  name: {{ .Values.name }}\n")
    cluster = ManifestCluster(repo)
    assert [o["metadata"]["name"] for o in cluster.list_objects(("Deployment",))] == ["web"]
    assert set(cluster.skipped) == {"chart", "tmpl.yaml"} and "helm template" in cluster.skipped["tmpl.yaml"]


def test_patches_merge_named_lists_item_by_item_and_none_deletes() -> None:
    target = {
        "containers": [{"name": "app", "image": "a:1", "env": [{"name": "X", "value": "1"}]}],
        "args": ["--a", "--b"],
        "drop": 1,
    }
    merge_patch(
        target,
        {
            "containers": [{"name": "app", "image": "a:2"}, {"name": "side", "image": "s:1"}],
            "args": ["--c"],
            "drop": None,
        },
    )
    assert target == {
        "containers": [
            {"name": "app", "image": "a:2", "env": [{"name": "X", "value": "1"}]},
            {"name": "side", "image": "s:1"},
        ],
        "args": ["--c"],  # a list of scalars is replaced, as Kubernetes does
    }


@pytest.mark.parametrize(
    "selector, expected",
    [
        ("app=web", {"app": "web"}),
        (" app == web , tier=front ", {"app": "web", "tier": "front"}),
        ("example.com/team=shop,empty=", {"example.com/team": "shop", "empty": ""}),
        ("", {}),
    ],
)
def test_equality_selectors_parse(selector: str, expected: dict[str, str]) -> None:
    assert parse_selector(selector) == expected


@pytest.mark.parametrize(
    "selector", ["app!=web", "app in (web,api)", "!app", "app", "-bad=x", "app=a b", "a=" + "x" * 64]
)
def test_other_selectors_are_refused_with_what_to_send(selector: str) -> None:
    with pytest.raises(BadInput, match="equality terms"):
        parse_selector(selector)
