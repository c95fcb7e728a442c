"""The live-cluster path: the real `kubernetes` client against a stand-in API server that speaks the real
wire protocol (list, get, patch with resourceVersion conflicts -> 409, replace)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from forge_kube_standin import StandInAPI

from servers.forge.operations import Forge
from servers.forge.usage import RecordedMetrics
from shared.cluster import LiveCluster, ObjectRef, cluster_from_config
from shared.errors import Conflict
from shared.sample_cluster import generate, write_manifests, write_openmetrics
from shared.suite import Suite


@pytest.fixture
def sample(tmp_path: Path):
    cluster = generate(12, 3, seed=11, end=int(time.time()))
    write_manifests(tmp_path / "manifests", cluster)
    write_openmetrics(tmp_path / "metrics.om", cluster)
    objects = [d for p in sorted((tmp_path / "manifests").rglob("*.yaml"))
               for d in yaml.safe_load_all(p.read_text()) if d]
    return objects, RecordedMetrics(tmp_path / "metrics.om", tmp_path / "cache")


@pytest.fixture
def api(sample):
    with StandInAPI(sample[0]) as server:
        yield server


def live(api: StandInAPI, tmp_path: Path) -> LiveCluster:
    config = tmp_path / "kubeconfig"
    config.write_text(api.kubeconfig())
    return cluster_from_config(None, {"HDR_KUBECONFIG": str(config), "HDR_KUBE_CONTEXT": "standin"})


def test_lists_workloads_and_patch_with_a_stale_version_conflicts(api: StandInAPI, tmp_path: Path) -> None:
    cluster = live(api, tmp_path)
    objects = cluster.list_objects()
    assert {o["kind"] for o in objects} >= {"Deployment", "StatefulSet", "DaemonSet", "PodDisruptionBudget"}
    ref = ObjectRef.of(next(o for o in objects if o["kind"] == "Deployment"))
    _, version = cluster.get(ref)
    patch = {"spec": {"template": {"spec": {"containers": [{"name": "app", "resources": {"requests": {"cpu": "77m"}}}]}}}}
    new_version = cluster.apply(ref, patch, version)
    obj, _ = cluster.get(ref)
    assert obj["spec"]["template"]["spec"]["containers"][0]["resources"]["requests"]["cpu"] == "77m"
    with pytest.raises(Conflict):
        cluster.apply(ref, patch, version)  # stale: the API server answers 409
    assert cluster.version(ref) == new_version


def test_optimize_snapshots_and_rollback_restores_the_objects(api, sample, tmp_path: Path, offline_suite: Suite) -> None:
    forge = Forge(offline_suite, live(api, tmp_path), sample[1])
    proposal = forge.analyze(history="3d")
    over = next(o for o in proposal["result"].opportunities if o.type == "over_provisioned")
    kind_ns_name = next(c.object for c in proposal["result"].changes if c.id == over.change_ids[0])
    ref = ObjectRef(*kind_ns_name.split("/"))
    original = api.objects[(ref.kind, ref.namespace, ref.name)]["spec"]
    original = yaml.safe_load(yaml.safe_dump(original))
    applied = forge.optimize(proposal["proposal_id"], over.change_ids, dry_run=False)
    assert api.objects[(ref.kind, ref.namespace, ref.name)]["spec"] != original
    forge.rollback(applied["snapshot_id"])
    assert api.objects[(ref.kind, ref.namespace, ref.name)]["spec"] == original


def test_rollback_reports_a_conflict_instead_of_overwriting_someone_elses_edit(api, sample, tmp_path: Path,
                                                                               offline_suite: Suite) -> None:
    forge = Forge(offline_suite, live(api, tmp_path), sample[1])
    proposal = forge.analyze(history="3d")
    over = next(o for o in proposal["result"].opportunities if o.type == "over_provisioned")
    applied = forge.optimize(proposal["proposal_id"], over.change_ids, dry_run=False)
    ref = ObjectRef(*applied["changes"][0].object.split("/"))
    api.edit(ref.kind, ref.namespace, ref.name, {"metadata": {"labels": {"edited-by": "someone"}}})
    with pytest.raises(Conflict, match="someone else"):
        forge.rollback(applied["snapshot_id"])
    assert api.objects[(ref.kind, ref.namespace, ref.name)]["metadata"]["labels"]["edited-by"] == "someone"
