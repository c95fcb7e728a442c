"""The live-cluster path: the real `kubernetes` client against the API stand-in, which speaks the real
wire protocol and behaves as an API server does (status writes after every change, generation only on
spec changes, server-side apply with managedFields, dryRun=All, pagination, RBAC, admission)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from forge_kube_standin import APIError, StandInAPI

from servers.forge.operations import Forge
from servers.forge.usage import RecordedMetrics
from shared import cluster as cluster_module
from shared.cluster import FIELD_MANAGER, LiveCluster, ObjectRef, cluster_from_config, value_at
from shared.errors import BadInput, Conflict, Refused
from shared.sample_cluster import generate, write_manifests, write_openmetrics
from shared.suite import Suite

ROOT = Path(__file__).resolve().parents[2]
CPU = ["spec", "template", "spec", "containers", {"name": "app"}, "resources", "requests", "cpu"]


@pytest.fixture(autouse=True)
def fast_rollouts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HDR_FORGE_ROLLOUT_POLL", "0.02")
    monkeypatch.setenv("HDR_FORGE_ROLLOUT_TIMEOUT", "10")


@pytest.fixture
def sample(tmp_path: Path):
    cluster = generate(12, 3, seed=11, end=int(time.time()))
    write_manifests(tmp_path / "manifests", cluster)
    write_openmetrics(tmp_path / "metrics.om", cluster)
    objects = [
        d
        for p in sorted((tmp_path / "manifests").rglob("*.yaml"))
        for d in yaml.safe_load_all(p.read_text())
        if d
    ]
    return objects, RecordedMetrics(tmp_path / "metrics.om", tmp_path / "cache")


@pytest.fixture
def api(sample):
    with StandInAPI(sample[0]) as server:
        yield server


def live(api: StandInAPI, tmp_path: Path, token: str = "test-token") -> LiveCluster:
    config = tmp_path / f"kubeconfig-{token}"
    config.write_text(api.kubeconfig(token))
    return cluster_from_config(None, {"HDR_KUBECONFIG": str(config), "HDR_KUBE_CONTEXT": "standin"})


def over_changes(forge: Forge, objects: int = 1) -> tuple[str, list[str], list[ObjectRef]]:
    """A proposal and the over-provisioning change ids of `objects` different Deployments."""
    proposal = forge.analyze(history="3d")
    changes = {c.id: c for c in proposal.result.changes}
    picked: dict[ObjectRef, list[str]] = {}
    for o in proposal.result.opportunities:
        if o.type != "over_provisioned":
            continue
        ref = changes[o.change_ids[0]].ref
        if ref.kind == "Deployment" and (ref in picked or len(picked) < objects):
            picked.setdefault(ref, []).extend(o.change_ids)
    assert len(picked) == objects, "the sample has enough over-provisioned Deployments"
    return proposal.proposal_id, [i for ids in picked.values() for i in ids], sorted(picked)


def spec(api: StandInAPI, ref: ObjectRef) -> dict:
    return api.get_object(ref.kind, ref.namespace, ref.name)["spec"]


def test_lists_each_namespace_in_pages(api: StandInAPI, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(cluster_module, "PAGE", 2)
    cluster = live(api, tmp_path)
    everything = cluster.list_objects(("Pod",))
    namespaces = sorted({p["metadata"]["namespace"] for p in everything})
    api.requests.clear()
    one = cluster.list_objects(("Pod",), namespaces=[namespaces[0]])
    assert one and {p["metadata"]["namespace"] for p in one} == {namespaces[0]}
    assert len(one) == sum(1 for p in everything if p["metadata"]["namespace"] == namespaces[0])
    paths = [p for _, p in api.requests]
    assert all(p.startswith(f"/api/v1/namespaces/{namespaces[0]}/pods?") and "limit=2" in p for p in paths)
    assert len(paths) == -(-len(one) // 2) and any("continue=" in p for p in paths[1:])


def test_a_status_write_after_forges_change_does_not_block_rollback(
    api, sample, tmp_path: Path, offline_suite: Suite
) -> None:
    forge = Forge(offline_suite, live(api, tmp_path), sample[1])
    pid, ids, (ref,) = over_changes(forge)
    original = spec(api, ref)
    applied = forge.optimize(pid, ids, dry_run=False)
    api.wait_idle()
    after = api.get_object(ref.kind, ref.namespace, ref.name)
    assert after["status"]["observedGeneration"] == after["metadata"]["generation"]
    assert f"status {ref} generation {after['metadata']['generation']}" in api.events  # the controller wrote
    forge.rollback(applied.snapshot_id)
    assert spec(api, ref) == original


def test_apply_is_server_side_apply_owned_by_hdr_forge(
    api, sample, tmp_path: Path, offline_suite: Suite
) -> None:
    forge = Forge(offline_suite, live(api, tmp_path), sample[1])
    pid, ids, (ref,) = over_changes(forge)
    forge.optimize(pid, ids, dry_run=False)
    owners = api.managers(ref.kind, ref.namespace, ref.name)
    cpu_path = (
        "f:spec",
        "f:template",
        "f:spec",
        "f:containers",
        'k:{"name":"app"}',
        "f:resources",
        "f:requests",
        "f:cpu",
    )
    assert cpu_path in owners[FIELD_MANAGER]
    assert not any(cpu_path in fields for m, fields in owners.items() if m != FIELD_MANAGER)
    writes = [p for m, p in api.requests if m == "PATCH" and "dryRun" not in p]
    assert writes and all(f"fieldManager={FIELD_MANAGER}" in p for p in writes)


def test_someone_elses_edit_of_other_fields_survives_rollback(
    api, sample, tmp_path: Path, offline_suite: Suite
) -> None:
    forge = Forge(offline_suite, live(api, tmp_path), sample[1])
    pid, ids, (ref,) = over_changes(forge)
    original = spec(api, ref)
    applied = forge.optimize(pid, ids, dry_run=False)
    api.edit(
        ref.kind,
        ref.namespace,
        ref.name,
        {
            "metadata": {"labels": {"edited-by": "someone"}},
            "spec": {
                "template": {"spec": {"containers": [{"name": "app", "image": "registry.example/app:2.0"}]}}
            },
        },
    )
    forge.rollback(applied.snapshot_id)
    now = api.get_object(ref.kind, ref.namespace, ref.name)
    assert now["metadata"]["labels"]["edited-by"] == "someone"
    assert (
        value_at(now, ["spec", "template", "spec", "containers", {"name": "app"}, "image"])
        == "registry.example/app:2.0"
    )
    assert value_at(now, CPU) == value_at({"spec": original}, CPU)
    assert (
        now["spec"]["template"]["spec"]["containers"][0]["resources"]
        == original["template"]["spec"]["containers"][0]["resources"]
    )


def test_someone_elses_edit_of_a_field_forge_changed_is_a_conflict(
    api, sample, tmp_path: Path, offline_suite: Suite
) -> None:
    forge = Forge(offline_suite, live(api, tmp_path), sample[1])
    pid, ids, (ref,) = over_changes(forge)
    applied = forge.optimize(pid, ids, dry_run=False)
    api.edit(
        ref.kind,
        ref.namespace,
        ref.name,
        {
            "spec": {
                "template": {
                    "spec": {"containers": [{"name": "app", "resources": {"requests": {"cpu": "333m"}}}]}
                }
            }
        },
    )
    before = spec(api, ref)
    with pytest.raises(Conflict, match="someone else.*333m.*Nothing was rolled back"):
        forge.rollback(applied.snapshot_id)
    assert spec(api, ref) == before


def test_dry_run_is_judged_by_the_api_server_and_changes_nothing(
    api, sample, tmp_path: Path, offline_suite: Suite
) -> None:
    forge = Forge(offline_suite, live(api, tmp_path), sample[1])
    pid, ids, (ref,) = over_changes(forge)
    before = api.get_object(ref.kind, ref.namespace, ref.name)
    dry = forge.optimize(pid, ids, dry_run=True)
    assert "+" in dry.diff and dry.notes == []
    assert any(m == "PATCH" and "dryRun=All" in p for m, p in api.requests)
    api.admission.append(
        lambda obj: (
            APIError(
                403,
                "Forbidden",
                'pods "x" is forbidden: exceeded quota: compute-resources, requested: requests.cpu',
            )
            if obj["kind"] == ref.kind
            else None
        )
    )
    rejected = forge.optimize(pid, ids, dry_run=True)
    assert rejected.diff == "" and "exceeded quota" in rejected.notes[0]
    assert api.get_object(ref.kind, ref.namespace, ref.name) == before


@pytest.mark.parametrize(
    "marks",
    [
        {
            "labels": {"app.kubernetes.io/managed-by": "Helm"},
            "annotations": {"meta.helm.sh/release-name": "shop"},
        },
        {"annotations": {"argocd.argoproj.io/tracking-id": "shop:apps/Deployment:x/y"}},
        {
            "labels": {
                "kustomize.toolkit.fluxcd.io/name": "apps",
                "kustomize.toolkit.fluxcd.io/namespace": "flux-system",
            }
        },
        "argocd-controller",  # no marks, but Argo CD wrote the fields (managedFields)
    ],
)
def test_a_gitops_owned_object_is_refused_and_the_repository_patch_offered(
    api, sample, tmp_path: Path, offline_suite: Suite, marks
) -> None:
    forge = Forge(offline_suite, live(api, tmp_path), sample[1])
    proposal = forge.analyze(history="3d")
    over = next(o for o in proposal.result.opportunities if o.type == "over_provisioned")
    ref = next(c.ref for c in proposal.result.changes if c.id == over.change_ids[0])
    if isinstance(marks, str):
        api.edit(
            ref.kind, ref.namespace, ref.name, {"metadata": {"annotations": {"synced": "yes"}}}, manager=marks
        )
    else:
        api.edit(ref.kind, ref.namespace, ref.name, {"metadata": marks})
    proposal = forge.analyze(history="3d")  # the version moved with the edit? only metadata: it did not
    before = spec(api, ref)
    dry = forge.optimize(proposal.proposal_id, over.change_ids, dry_run=True)
    (patch,) = dry.repository_patches
    assert patch.object == str(ref) and "resources" in patch.patch
    assert any(tool in patch.managed_by for tool in ("Helm", "Argo CD", "Flux"))
    with pytest.raises(Refused, match="GitOps or Helm.*Nothing was changed"):
        forge.optimize(proposal.proposal_id, over.change_ids, dry_run=False)
    assert spec(api, ref) == before and forge.snapshots() == []


def test_a_failed_rollout_stops_and_restores_what_forge_changed(
    api, sample, tmp_path: Path, offline_suite: Suite
) -> None:
    forge = Forge(offline_suite, live(api, tmp_path), sample[1])
    pid, ids, refs = over_changes(forge, objects=3)
    originals = {ref: spec(api, ref) for ref in refs}
    api.fail_rollout(refs[1].kind, refs[1].namespace, refs[1].name)  # forge changes them in this order
    with pytest.raises(
        Refused, match=f"rollout of {refs[1]} failed.*ProgressDeadlineExceeded.*restored the 2"
    ):
        forge.optimize(pid, ids, dry_run=False)
    for ref in refs:
        assert spec(api, ref) == originals[ref]
    patched = [p for m, p in api.requests if m == "PATCH" and "dryRun" not in p]
    assert not any(f"/deployments/{refs[2].name}?" in p for p in patched)  # never reached
    assert forge.ledger.applied_change_ids(pid) == set()


def test_one_workload_at_a_time_each_rollout_healthy_before_the_next(
    api, sample, tmp_path: Path, offline_suite: Suite
) -> None:
    api.controller_delay = 0.2
    forge = Forge(offline_suite, live(api, tmp_path), sample[1])
    pid, ids, refs = over_changes(forge, objects=2)
    forge.optimize(pid, ids, dry_run=False)
    first, second = refs
    healthy = max(i for i, e in enumerate(api.events) if e.startswith(f"status {first} "))
    write = next(
        i
        for i, e in enumerate(api.events)
        if e.startswith("PATCH") and f"/deployments/{second.name}?" in e and "dryRun" not in e
    )
    assert healthy < write


def test_a_disruption_budget_at_its_limit_stops_the_apply(
    api, sample, tmp_path: Path, offline_suite: Suite
) -> None:
    forge = Forge(offline_suite, live(api, tmp_path), sample[1])
    pid, ids, (ref,) = over_changes(forge)
    labels = spec(api, ref)["template"]["metadata"]["labels"]
    replicas = int(spec(api, ref).get("replicas", 1))
    api._create(
        {
            "apiVersion": "policy/v1",
            "kind": "PodDisruptionBudget",
            "metadata": {"name": "strict", "namespace": ref.namespace},
            "spec": {"minAvailable": replicas, "selector": {"matchLabels": labels}},
        },
        "kubectl",
    )
    before = spec(api, ref)
    with pytest.raises(Refused, match="PodDisruptionBudget strict allows no disruption"):
        forge.optimize(pid, ids, dry_run=False)
    assert spec(api, ref) == before


def _roles() -> dict[str, list[dict]]:
    docs = yaml.safe_load_all((ROOT / "deploy" / "forge-rbac.yaml").read_text())
    return {d["metadata"]["name"]: d["rules"] for d in docs if d and d["kind"] == "ClusterRole"}


def test_the_published_rbac_is_enough_and_a_403_names_verb_and_resource(
    api, sample, tmp_path: Path, offline_suite: Suite
) -> None:
    roles = _roles()
    api.grant("reader", roles["hdr-forge-read"])
    api.grant("operator", roles["hdr-forge-read"])
    api.grant("operator", roles["hdr-forge-apply"])
    reader = Forge(offline_suite, live(api, tmp_path, "reader"), sample[1])
    pid, ids, (ref,) = over_changes(reader)  # analysis needs nothing more than hdr-forge-read
    with pytest.raises(
        Refused, match=f"not allowed to patch deployments.apps in namespace {ref.namespace}.*hdr-forge-apply"
    ):
        reader.optimize(pid, ids, dry_run=True)
    operator = Forge(offline_suite, live(api, tmp_path, "operator"), sample[1])
    applied = operator.optimize(pid, ids, dry_run=False)
    operator.rollback(applied.snapshot_id)
    nobody = Forge(offline_suite, live(api, tmp_path, "nobody"), sample[1])
    with pytest.raises(Refused, match="not allowed to list deployments.apps cluster-wide"):
        nobody.analyze(history="3d")


def test_the_api_servers_rejection_is_a_clear_error(api, tmp_path: Path) -> None:
    cluster = live(api, tmp_path)
    ref = ObjectRef.of(next(o for o in cluster.list_objects(("Deployment",))))
    _, version = cluster.get(ref)
    api.admission.append(
        lambda obj: APIError(
            422,
            "Invalid",
            "spec.template.spec.containers[0].resources.requests: "
            "Invalid value: must be less than or equal to memory limit",
        )
    )
    with pytest.raises(BadInput, match="refused the change.*less than or equal"):
        cluster.apply(
            ref,
            {
                "spec": {
                    "template": {
                        "spec": {
                            "containers": [{"name": "app", "resources": {"requests": {"memory": "9Gi"}}}]
                        }
                    }
                }
            },
            version,
        )
    assert cluster.version(ref) == version


def test_rollout_health_is_read_as_kubectl_rollout_status_reads_it() -> None:
    from shared.cluster import rollout_of

    def deployment(generation: int, observed: int, updated: int, available: int, total: int, **extra) -> dict:
        return {
            "kind": "Deployment",
            "metadata": {"generation": generation},
            "spec": {"replicas": 3, **extra},
            "status": {
                "observedGeneration": observed,
                "updatedReplicas": updated,
                "availableReplicas": available,
                "replicas": total,
            },
        }

    assert not rollout_of(deployment(2, 1, 3, 3, 3)).done  # the controller has not seen the change yet
    assert not rollout_of(deployment(2, 2, 2, 3, 4)).done  # old pods still running
    assert rollout_of(deployment(2, 2, 3, 3, 3)).done
    stalled = deployment(2, 2, 1, 2, 4)
    stalled["status"]["conditions"] = [
        {"type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded"}
    ]
    assert rollout_of(stalled).failed == "ProgressDeadlineExceeded"
    on_delete = {
        "kind": "StatefulSet",
        "metadata": {"generation": 2},
        "spec": {"replicas": 3, "updateStrategy": {"type": "OnDelete"}},
        "status": {"observedGeneration": 2, "updatedReplicas": 0, "availableReplicas": 3},
    }
    assert rollout_of(on_delete).done  # nothing rolls until pods are deleted: waiting would never end
    argo = {"kind": "Rollout", "metadata": {"generation": 5}, "spec": {}, "status": {"phase": "Degraded"}}
    assert rollout_of(argo).failed == "Degraded"


def test_a_cronjob_and_a_native_sidecar_change_and_roll_back_on_a_live_cluster(
    tmp_path: Path, offline_suite: Suite
) -> None:
    from servers.forge.analysis import AnalysisResult, Change

    cron = {
        "apiVersion": "batch/v1",
        "kind": "CronJob",
        "metadata": {"name": "report", "namespace": "ops"},
        "spec": {
            "schedule": "0 * * * *",
            "jobTemplate": {
                "spec": {
                    "template": {
                        "spec": {
                            "containers": [
                                {"name": "run", "image": "x", "resources": {"requests": {"cpu": "1"}}}
                            ],
                            "initContainers": [
                                {
                                    "name": "proxy",
                                    "image": "y",
                                    "restartPolicy": "Always",
                                    "resources": {"requests": {"cpu": "400m"}},
                                }
                            ],
                        }
                    }
                }
            },
        },
    }
    with StandInAPI([cron]) as api:
        cluster = live(api, tmp_path)
        forge = Forge(offline_suite, cluster)
        ref = ObjectRef("CronJob", "ops", "report")
        _, version = cluster.get(ref)
        result = AnalysisResult(
            changes=[
                Change("c1", str(ref), "run", "cpu_request", "1", "500m", version, 10.0, 72.0),
                Change(
                    "c2",
                    str(ref),
                    "proxy",
                    "cpu_request",
                    "400m",
                    "200m",
                    version,
                    4.0,
                    72.0,
                    section="initContainers",
                ),
            ]
        )
        pid = forge.ledger.save_proposal(result, "ops/report", cluster.source)
        applied = forge.optimize(pid, None, dry_run=False)
        pod = api.get_object("CronJob", "ops", "report")["spec"]["jobTemplate"]["spec"]["template"]["spec"]
        assert pod["containers"][0]["resources"]["requests"]["cpu"] == "500m"
        assert pod["initContainers"][0]["resources"]["requests"]["cpu"] == "200m"
        assert pod["initContainers"][0]["restartPolicy"] == "Always"
        forge.rollback(applied.snapshot_id)
        assert api.get_object("CronJob", "ops", "report")["spec"] == cron["spec"]
