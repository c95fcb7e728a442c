"""No silent pass: every pod-bearing object is checked (built-in kinds, custom resources through their
known pod-template paths, a live cluster's every pod-bearing kind) or makes the verdict "incomplete";
objects are checked as the API server stores them after defaulting; ephemeral containers are not
asked for what the API forbids on them; YAML alias bombs are refused before anything is built."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from compliance_support import sibling_module
from helpers import free_port, wait_http
from mcp import Client

from servers.compliance.checking import run_check
from shared.errors import BadInput
from shared.suite import Suite

HARDENED_POD_SPEC = {
    "securityContext": {"runAsNonRoot": True, "seccompProfile": {"type": "RuntimeDefault"}},
    "containers": [
        {
            "name": "app",
            "image": "registry.example/app:1.0",
            "securityContext": {"allowPrivilegeEscalation": False, "capabilities": {"drop": ["ALL"]}},
        }
    ],
}
BAD_POD_SPEC = {
    "hostNetwork": True,
    "containers": [
        {"name": "app", "image": "registry.example/app:1.0", "securityContext": {"privileged": True}}
    ],
}


def deployment(name: str, spec: dict[str, Any]) -> dict[str, Any]:
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": name, "namespace": "shop"},
        "spec": {
            "selector": {"matchLabels": {"app": name}},
            "template": {"metadata": {"labels": {"app": name}}, "spec": copy.deepcopy(spec)},
        },
    }


def template(spec: dict[str, Any]) -> dict[str, Any]:
    return {"metadata": {"labels": {"app": "x"}}, "spec": copy.deepcopy(spec)}


def check(suite: Suite, objects: list[dict[str, Any]], framework: str = "pss-baseline"):
    return run_check(suite, yaml.safe_dump_all(objects), framework)


# (apiVersion, kind, spec holding the pod template, field path of the pod spec)
CUSTOM_RESOURCES = [
    (
        "argoproj.io/v1alpha1",
        "Rollout",
        lambda s: {"replicas": 2, "template": template(s)},
        "spec.template.spec",
    ),
    ("serving.knative.dev/v1", "Service", lambda s: {"template": template(s)}, "spec.template.spec"),
    ("serving.knative.dev/v1", "Configuration", lambda s: {"template": template(s)}, "spec.template.spec"),
    ("serving.knative.dev/v1", "Revision", lambda s: copy.deepcopy(s), "spec"),
    ("apps.kruise.io/v1alpha1", "CloneSet", lambda s: {"template": template(s)}, "spec.template.spec"),
    ("apps.kruise.io/v1beta1", "StatefulSet", lambda s: {"template": template(s)}, "spec.template.spec"),
    ("apps.kruise.io/v1alpha1", "DaemonSet", lambda s: {"template": template(s)}, "spec.template.spec"),
    ("apps.kruise.io/v1alpha1", "BroadcastJob", lambda s: {"template": template(s)}, "spec.template.spec"),
    (
        "apps.kruise.io/v1alpha1",
        "AdvancedCronJob",
        lambda s: {
            "schedule": "*/5 * * * *",
            "template": {"jobTemplate": {"spec": {"template": template(s)}}},
        },
        "spec.template.jobTemplate.spec.template.spec",
    ),
    (
        "apps.kruise.io/v1alpha1",
        "AdvancedCronJob",
        lambda s: {
            "schedule": "*/5 * * * *",
            "template": {"broadcastJobTemplate": {"spec": {"template": template(s)}}},
        },
        "spec.template.broadcastJobTemplate.spec.template.spec",
    ),
    (
        "keda.sh/v1alpha1",
        "ScaledJob",
        lambda s: {"jobTargetRef": {"template": template(s)}},
        "spec.jobTargetRef.template.spec",
    ),
]


def test_a_privileged_rollout_beside_a_hardened_deployment_fails_instead_of_passing(
    offline_suite: Suite,
) -> None:
    """The reported silent pass: the Rollout only appeared in skipped_kinds and the verdict was pass."""
    rollout = {
        "apiVersion": "argoproj.io/v1alpha1",
        "kind": "Rollout",
        "metadata": {"name": "api", "namespace": "shop"},
        "spec": {"template": template(BAD_POD_SPEC), "strategy": {"canary": {}}},
    }
    result = check(offline_suite, [deployment("web", HARDENED_POD_SPEC), rollout])
    assert result.verdict == "fail" and result.objects_checked == 2
    assert {(f.check, f.object, f.field) for f in result.findings} == {
        ("privileged", "Rollout/shop/api", "spec.template.spec.containers[0].securityContext.privileged"),
        ("hostNamespaces", "Rollout/shop/api", "spec.template.spec.hostNetwork"),
    }
    assert "Rollout" not in result.skipped_kinds


@pytest.mark.parametrize(
    ("api_version", "kind", "make", "spec_path"),
    CUSTOM_RESOURCES,
    ids=[f"{c[1]}-{c[3]}" for c in CUSTOM_RESOURCES],
)
def test_custom_resources_are_checked_through_their_pod_template(
    offline_suite: Suite, api_version: str, kind: str, make: Any, spec_path: str
) -> None:
    bad = {
        "apiVersion": api_version,
        "kind": kind,
        "metadata": {"name": "cr", "namespace": "shop"},
        "spec": make(BAD_POD_SPEC),
    }
    good = {**bad, "spec": make(HARDENED_POD_SPEC)}
    failed = check(offline_suite, [bad])
    assert failed.verdict == "fail" and not failed.unchecked
    assert {f.field for f in failed.findings} == {
        f"{spec_path}.hostNetwork",
        f"{spec_path}.containers[0].securityContext.privileged",
    }
    assert check(offline_suite, [good], "pss-restricted").verdict == "pass"


def test_a_core_service_is_not_taken_for_a_knative_service(offline_suite: Suite) -> None:
    service = {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {"name": "web", "namespace": "shop"},
        "spec": {"template": "not a pod template", "ports": [{"port": 80}]},
    }
    result = check(offline_suite, [deployment("web", HARDENED_POD_SPEC), service])
    assert result.verdict == "pass" and result.skipped_kinds == {"Service": 1}


def test_an_unknown_kind_with_containers_makes_the_verdict_incomplete_never_pass(
    offline_suite: Suite,
) -> None:
    workflow = {
        "apiVersion": "argoproj.io/v1alpha1",
        "kind": "Workflow",
        "metadata": {"name": "nightly", "namespace": "ci"},
        "spec": {
            "templates": [
                {
                    "name": "main",
                    "podSpecPatch": "x",
                    "containerSet": {
                        "containers": [
                            {"name": "c", "image": "busybox", "securityContext": {"privileged": True}}
                        ]
                    },
                }
            ]
        },
    }
    certificate = {
        "apiVersion": "cert-manager.io/v1",
        "kind": "Certificate",
        "metadata": {"name": "tls", "namespace": "shop"},
        "spec": {"secretName": "tls", "dnsNames": ["shop.example"]},
    }
    result = check(offline_suite, [deployment("web", HARDENED_POD_SPEC), workflow, certificate])
    assert result.verdict == "incomplete"
    assert [(u.object, "spec.templates.[0].containerSet" in u.reason) for u in result.unchecked] == [
        ("Workflow/ci/nightly", True)
    ]
    assert result.skipped_kinds == {"Certificate": 1}
    only = check(
        offline_suite, [workflow]
    )  # nothing readable at all: incomplete, not an error and not a pass
    assert only.verdict == "incomplete" and only.objects_checked == 0


def test_a_known_custom_resource_without_its_template_is_incomplete(offline_suite: Suite) -> None:
    moved = {
        "apiVersion": "keda.sh/v1alpha1",
        "kind": "ScaledJob",
        "metadata": {"name": "q", "namespace": "shop"},
        "spec": {"jobTemplate": {"template": template(BAD_POD_SPEC)}},
    }
    result = check(offline_suite, [deployment("web", HARDENED_POD_SPEC), moved])
    assert result.verdict == "incomplete" and result.unchecked[0].object == "ScaledJob/shop/q"
    assert "spec.jobTargetRef.template.spec" in result.unchecked[0].reason


def test_a_rollout_with_a_workload_ref_is_covered_only_when_its_deployment_is_checked(
    offline_suite: Suite,
) -> None:
    rollout = {
        "apiVersion": "argoproj.io/v1alpha1",
        "kind": "Rollout",
        "metadata": {"name": "api", "namespace": "shop"},
        "spec": {"workloadRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "api"}},
    }
    alone = check(offline_suite, [deployment("web", HARDENED_POD_SPEC), rollout])
    assert alone.verdict == "incomplete" and "workloadRef" in alone.unchecked[0].reason
    together = check(offline_suite, [deployment("api", BAD_POD_SPEC), rollout])
    assert together.verdict == "fail" and not together.unchecked
    assert {f.object for f in together.findings} == {"Deployment/shop/api"}


def test_ephemeral_containers_are_not_asked_for_resources(offline_suite: Suite) -> None:
    spec = copy.deepcopy(HARDENED_POD_SPEC)
    spec["containers"][0]["resources"] = {
        "requests": {"cpu": "100m", "memory": "64Mi"},
        "limits": {"memory": "64Mi"},
    }
    spec["ephemeralContainers"] = [{"name": "debug", "image": "busybox:1.36"}]
    pod = {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "shop"}, "spec": spec}
    findings = check(offline_suite, [pod], "k8s-best-practices").findings
    assert [f for f in findings if f.check == "resources"] == []
    spec["initContainers"] = [{"name": "init", "image": "busybox:1.36"}]  # init containers still are
    findings = check(offline_suite, [pod], "k8s-best-practices").findings
    assert {f.field for f in findings if f.check == "resources"} == {
        "spec.initContainers[0].resources.requests.cpu",
        "spec.initContainers[0].resources.requests.memory",
        "spec.initContainers[0].resources.limits.memory",
    }


def test_a_volume_with_no_source_is_checked_as_the_empty_dir_the_api_server_makes_it(
    offline_suite: Suite,
) -> None:
    """pod-security-admission evaluates the defaulted pod: `- name: scratch` is an emptyDir, allowed by restricted."""
    spec = copy.deepcopy(HARDENED_POD_SPEC)
    spec["volumes"] = [{"name": "scratch"}]
    pod = {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "shop"}, "spec": spec}
    assert check(offline_suite, [pod], "pss-restricted").verdict == "pass"
    spec["volumes"] = [{"name": "scratch", "gitRepo": {"repository": "https://example.org/x"}}]
    failed = check(offline_suite, [pod], "pss-restricted")
    assert [f.check for f in failed.findings] == ["restrictedVolumes"]


def test_a_host_network_pod_gets_its_container_ports_as_host_ports(offline_suite: Suite) -> None:
    spec = copy.deepcopy(HARDENED_POD_SPEC)
    spec["hostNetwork"] = True
    spec["containers"][0]["ports"] = [{"containerPort": 8080}]
    pod = {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "shop"}, "spec": spec}
    assert {(f.check, f.field) for f in check(offline_suite, [pod]).findings} == {
        ("hostNamespaces", "spec.hostNetwork"),
        ("hostPorts", "spec.containers[0].ports[0].hostPort"),
    }
    # pod templates are not defaulted so since Kubernetes 1.28 (DefaultHostNetworkHostPortsInPodTemplates off)
    assert {f.check for f in check(offline_suite, [deployment("web", spec)]).findings} == {"hostNamespaces"}


def test_the_defaulting_leaves_the_callers_objects_unchanged(offline_suite: Suite) -> None:
    from servers.compliance.manifests import pods_in

    pod = {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": "p"},
        "spec": {**copy.deepcopy(HARDENED_POD_SPEC), "volumes": [{"name": "v"}]},
    }
    before = copy.deepcopy(pod)
    workloads = pods_in([pod])
    assert workloads.pods[0].spec["volumes"] == [{"name": "v", "emptyDir": {}}]
    assert workloads.pods[0].spec["containers"][0]["imagePullPolicy"] == "IfNotPresent"
    assert pod == before


@pytest.mark.parametrize(
    ("image", "policy"),
    [
        ("nginx", "Always"),
        ("nginx:latest", "Always"),
        ("registry:5000/team/app", "Always"),
        ("registry:5000/team/app:1.2", "IfNotPresent"),
        ("app@sha256:" + "a" * 64, "IfNotPresent"),
        ("app:latest@sha256:" + "a" * 64, "Always"),
    ],
)
def test_the_image_pull_policy_default_follows_the_api_server(image: str, policy: str) -> None:
    from servers.compliance.manifests import _default_pull_policy

    assert _default_pull_policy(image) == policy


POD_BEARING_BUILTINS = {
    "Pod": {"apiVersion": "v1", "spec": BAD_POD_SPEC},
    "ReplicaSet": {"apiVersion": "apps/v1", "spec": {"template": template(BAD_POD_SPEC)}},
    "ReplicationController": {"apiVersion": "v1", "spec": {"template": template(BAD_POD_SPEC)}},
    "PodTemplate": {"apiVersion": "v1", "template": template(BAD_POD_SPEC)},
    "Deployment": {"apiVersion": "apps/v1", "spec": {"template": template(BAD_POD_SPEC)}},
    "StatefulSet": {"apiVersion": "apps/v1", "spec": {"template": template(BAD_POD_SPEC)}},
    "DaemonSet": {"apiVersion": "apps/v1", "spec": {"template": template(BAD_POD_SPEC)}},
    "Job": {"apiVersion": "batch/v1", "spec": {"template": template(BAD_POD_SPEC)}},
    "CronJob": {
        "apiVersion": "batch/v1",
        "spec": {"schedule": "0 * * * *", "jobTemplate": {"spec": {"template": template(BAD_POD_SPEC)}}},
    },
}


def live_check(
    suite: Suite,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    objects: list[dict[str, Any]],
    framework: str = "pss-baseline",
):
    """check(target="cluster") with the real kubernetes client against forge's stand-in API server."""
    standin = sibling_module("forge/forge_kube_standin.py")
    with standin.StandInAPI(objects) as api:
        config = tmp_path / "kubeconfig"
        config.write_text(api.kubeconfig())
        monkeypatch.setenv("HDR_KUBECONFIG", str(config))
        monkeypatch.setenv("HDR_KUBE_CONTEXT", "standin")
        return run_check(suite, "cluster", framework)


def test_a_live_cluster_check_reads_every_pod_bearing_kind(
    offline_suite: Suite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CronJobs, Jobs, ReplicaSets... are listed and checked, not skipped."""
    objects = [
        {"kind": kind, **copy.deepcopy(body), "metadata": {"name": f"{kind.lower()}-x", "namespace": "ops"}}
        for kind, body in POD_BEARING_BUILTINS.items()
    ]
    result = live_check(offline_suite, tmp_path, monkeypatch, objects)
    assert result.verdict == "fail" and not result.unchecked
    assert {f.object.split("/")[0] for f in result.findings} == set(POD_BEARING_BUILTINS)


def crd(group: str, kind: str, plural: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": {"name": f"{plural}.{group}"},
        "spec": {
            "group": group,
            "scope": "Namespaced",
            "names": {"kind": kind, "plural": plural},
            "versions": [
                {"name": "v1alpha1", "served": True, "storage": True, "schema": {"openAPIV3Schema": schema}}
            ],
        },
    }


def test_a_live_clusters_custom_resources_are_checked_or_make_it_incomplete(
    offline_suite: Suite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Custom resources are found through their definitions: a Rollout is checked through its template, a
    Workflow (schema open) that holds containers makes the verdict incomplete, Certificates are not read."""
    open_schema = {"type": "object", "x-kubernetes-preserve-unknown-fields": True}
    certificate_schema = {
        "type": "object",
        "properties": {
            "spec": {
                "type": "object",
                "properties": {
                    "secretName": {"type": "string"},
                    "dnsNames": {"type": "array", "items": {"type": "string"}},
                },
            }
        },
    }
    rollout = {
        "apiVersion": "argoproj.io/v1alpha1",
        "kind": "Rollout",
        "metadata": {"name": "api", "namespace": "shop"},
        "spec": {"template": template(BAD_POD_SPEC)},
    }
    workflow = {
        "apiVersion": "argoproj.io/v1alpha1",
        "kind": "Workflow",
        "metadata": {"name": "nightly", "namespace": "ci"},
        "spec": {
            "templates": [
                {
                    "name": "main",
                    "container": {"image": "busybox"},
                    "containerSet": {"containers": [{"name": "c", "image": "busybox"}]},
                }
            ]
        },
    }
    certificate = {
        "apiVersion": "cert-manager.io/v1alpha1",
        "kind": "Certificate",
        "metadata": {"name": "tls", "namespace": "shop"},
        "spec": {"secretName": "tls", "containers": "x"},
    }
    objects = [
        crd("argoproj.io", "Rollout", "rollouts", open_schema),
        crd("argoproj.io", "Workflow", "workflows", open_schema),
        crd("cert-manager.io", "Certificate", "certificates", certificate_schema),
        rollout,
        workflow,
        certificate,
        {"kind": "Deployment", **deployment("web", HARDENED_POD_SPEC)},
    ]
    result = live_check(offline_suite, tmp_path, monkeypatch, objects)
    assert result.verdict == "fail"
    assert {(f.check, f.object) for f in result.findings} == {
        ("privileged", "Rollout/shop/api"),
        ("hostNamespaces", "Rollout/shop/api"),
    }
    assert [u.object for u in result.unchecked] == ["Workflow/ci/nightly"]
    assert "Certificate" not in result.skipped_kinds  # its schema holds no containers: never listed


def test_a_live_cluster_whose_definitions_cannot_be_listed_is_incomplete(
    offline_suite: Suite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    standin = sibling_module("forge/forge_kube_standin.py")
    monkeypatch.delitem(standin.RESOURCES, "customresourcedefinitions", raising=False)
    with standin.StandInAPI([{"kind": "Deployment", **deployment("web", HARDENED_POD_SPEC)}]) as api:
        config = tmp_path / "kubeconfig"
        config.write_text(api.kubeconfig())
        monkeypatch.setenv("HDR_KUBECONFIG", str(config))
        monkeypatch.setenv("HDR_KUBE_CONTEXT", "standin")
        result = run_check(offline_suite, "cluster", "pss-baseline")
    assert result.verdict == "incomplete"
    assert (
        result.unchecked[0].object == "CustomResourceDefinition/*/*" and "404" in result.unchecked[0].reason
    )


def test_which_custom_resource_schemas_may_hold_pods() -> None:
    from servers.compliance.custom_resources import may_hold_pods

    assert may_hold_pods(None) and may_hold_pods({"x-kubernetes-preserve-unknown-fields": True})
    assert may_hold_pods(
        {
            "properties": {
                "spec": {
                    "properties": {
                        "template": {
                            "properties": {"spec": {"properties": {"containers": {"type": "array"}}}}
                        }
                    }
                }
            }
        }
    )
    assert may_hold_pods(
        {
            "properties": {
                "spec": {
                    "properties": {
                        "jobs": {"type": "array", "items": {"properties": {"containers": {"type": "array"}}}}
                    }
                }
            }
        }
    )
    assert not may_hold_pods({"properties": {"spec": {"properties": {"secretName": {"type": "string"}}}}})


BOMB = """a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
kind: Pod
metadata: {name: bomb}
spec:
  containers:
  - name: *i
    image: *i
    securityContext: {privileged: *i, capabilities: {add: *i}}
"""


def test_a_yaml_alias_bomb_is_refused_before_anything_is_built(offline_suite: Suite) -> None:
    assert len(BOMB.encode()) < 700
    with pytest.raises(BadInput, match="aliases that would expand"):
        run_check(offline_suite, BOMB, "pss-baseline")
    anchors = """base: &labels {app: web, tier: front}
kind: Deployment
apiVersion: apps/v1
metadata: {name: web, namespace: shop, labels: *labels}
spec:
  selector: {matchLabels: *labels}
  template:
    metadata: {labels: *labels}
    spec:
      containers: [{name: app, image: "registry.example/app:1.0"}]
"""
    assert run_check(offline_suite, anchors, "pss-baseline").verdict == "pass"  # ordinary anchors still work


def _peak_rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM")


async def test_the_alias_bomb_leaves_the_server_process_memory_bounded(tmp_path: Path) -> None:
    """The reported attack, against a real server process: its peak memory stays within 100 MB of where
    it was, and it answers the next caller."""
    if not Path("/proc/self/status").exists():
        pytest.skip("needs /proc to read the server's peak memory")
    port = free_port()
    env = {**os.environ, "HDR_HOME": str(tmp_path), "HDR_MEMORY_URL": "http://127.0.0.1:9"}
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "hdr"), "run", "compliance", "--http", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_http(f"http://127.0.0.1:{port}/", 60)
        async with Client(f"http://127.0.0.1:{port}/mcp") as client:
            await client.call_tool("policies", {})
            before = _peak_rss_kb(proc.pid)
            bombed = await client.call_tool("check", {"target": BOMB, "framework": "pss-baseline"})
            assert bombed.is_error and "aliases" in bombed.content[0].text
            after = _peak_rss_kb(proc.pid)
            alive = await client.call_tool("policies", {})
        assert not alive.is_error
        assert after - before < 100_000, f"peak memory grew by {(after - before) // 1024} MB"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_an_incomplete_result_is_attested_as_failed_with_the_reason(offline_suite: Suite) -> None:
    import base64
    import json

    from servers.compliance import attestations

    crd = {
        "apiVersion": "example.com/v1",
        "kind": "Worker",
        "metadata": {"name": "w", "namespace": "shop"},
        "spec": {
            "pod": {
                "containers": [{"name": "c", "image": "busybox", "securityContext": {"privileged": True}}]
            }
        },
    }
    att = attestations.attest(
        offline_suite,
        target=yaml.safe_dump_all([deployment("web", HARDENED_POD_SPEC), crd]),
        framework="pss-baseline",
        predicate="vsa",
    )
    assert att.verdict == "incomplete"
    predicate = json.loads(base64.b64decode(json.loads(att.envelope)["payload"]))["predicate"]
    assert predicate["verificationResult"] == "FAILED" and predicate["verifiedLevels"] == []
    assert predicate["hdrCompliance"]["verdict"] == "incomplete"
    assert predicate["hdrCompliance"]["unchecked"] == ["Worker/shop/w"]
    assert attestations.verify(offline_suite, att.envelope).result == "FAILED"


def test_custom_resources_that_run_images_without_a_containers_list_are_incomplete(
    offline_suite: Suite,
) -> None:
    task = {
        "apiVersion": "tekton.dev/v1",
        "kind": "Task",
        "metadata": {"name": "build", "namespace": "ci"},
        "spec": {
            "steps": [{"name": "docker", "image": "docker:27", "securityContext": {"privileged": True}}]
        },
    }
    result = check(offline_suite, [deployment("web", HARDENED_POD_SPEC), task])
    assert result.verdict == "incomplete"
    assert result.unchecked[0].object == "Task/ci/build" and "spec.steps.[0]" in result.unchecked[0].reason
