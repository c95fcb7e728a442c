"""The k8s-hardening framework (RBAC, network exposure, workload hygiene): a failing and a passing
manifest set for every check, each going through YAML text like a caller's."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from servers.compliance.checking import run_check
from servers.compliance.policy import current_policies
from shared.suite import Suite

DIGEST = "registry.example/app@sha256:" + "0" * 64


def clean() -> dict[str, dict[str, Any]]:
    """A small application that meets every k8s-hardening check."""
    probe = {"httpGet": {"path": "/healthz", "port": 8080}, "periodSeconds": 10}
    return {
        "deploy": {
            "apiVersion": "apps/v1",
            "kind": "Deployment",
            "metadata": {"name": "web", "namespace": "shop"},
            "spec": {
                "selector": {"matchLabels": {"app": "web"}},
                "template": {
                    "metadata": {"labels": {"app": "web", "tier": "front"}},
                    "spec": {
                        "serviceAccountName": "web",
                        "securityContext": {"runAsUser": 10001},
                        "containers": [
                            {
                                "name": "app",
                                "image": DIGEST,
                                "resources": {"limits": {"cpu": "500m", "memory": "128Mi"}},
                                "livenessProbe": {**probe, "failureThreshold": 6},
                                "readinessProbe": {**probe, "failureThreshold": 2},
                                "volumeMounts": [{"name": "creds", "mountPath": "/creds"}],
                            }
                        ],
                        "volumes": [{"name": "creds", "secret": {"secretName": "web"}}],
                    },
                },
            },
        },
        "netpol": {
            "apiVersion": "networking.k8s.io/v1",
            "kind": "NetworkPolicy",
            "metadata": {"name": "default-deny", "namespace": "shop"},
            "spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]},
        },
        "service": {
            "apiVersion": "v1",
            "kind": "Service",
            "metadata": {"name": "web", "namespace": "shop"},
            "spec": {"type": "ClusterIP", "selector": {"app": "web"}, "ports": [{"port": 80}]},
        },
        "role": {
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "Role",
            "metadata": {"name": "web", "namespace": "shop"},
            "rules": [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "watch"]}],
        },
        "binding": {
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "RoleBinding",
            "metadata": {"name": "web", "namespace": "shop"},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "web"},
            "subjects": [{"kind": "ServiceAccount", "name": "web", "namespace": "shop"}],
        },
        "clusterrole": {
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "ClusterRole",
            "metadata": {"name": "node-reader"},
            "rules": [{"apiGroups": [""], "resources": ["nodes"], "verbs": ["get", "list"]}],
        },
    }


Change = Callable[[dict[str, dict[str, Any]]], None]


def pod(objs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return objs["deploy"]["spec"]["template"]["spec"]


def app(objs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return pod(objs)["containers"][0]


def rule(objs: dict[str, dict[str, Any]], which: str = "role") -> dict[str, Any]:
    return objs[which]["rules"][0]


def cluster_admin_crb(objs: dict[str, dict[str, Any]]) -> None:
    objs["crb"] = {
        "apiVersion": "rbac.authorization.k8s.io/v1",
        "kind": "ClusterRoleBinding",
        "metadata": {"name": "cluster-admin"},
        "roleRef": {"kind": "ClusterRole", "name": "cluster-admin"},
        "subjects": [{"kind": "Group", "name": "system:masters"}],
    }


# check id -> (a change that makes it fail, a change that keeps it passing while touching the same ground)
CASES: dict[str, tuple[Change, Change]] = {
    "rbacWildcard": (
        lambda o: rule(o).update(verbs=["*"]),
        lambda o: rule(o).update(verbs=["get", "list", "watch"]),
    ),
    "rbacEscalationVerbs": (
        lambda o: rule(o, "clusterrole").update(resources=["clusterroles"], verbs=["bind"]),
        lambda o: rule(o, "clusterrole").update(resources=["clusterroles"], verbs=["get"]),
    ),
    "rbacSecretsClusterWide": (
        lambda o: rule(o, "clusterrole").update(resources=["secrets"], verbs=["list"]),
        lambda o: rule(o).update(resources=["secrets"], verbs=["get"], resourceNames=["web"]),
    ),
    "rbacClusterAdminBinding": (
        lambda o: o["binding"].update(roleRef={"kind": "ClusterRole", "name": "cluster-admin"}),
        cluster_admin_crb,
    ),
    "rbacDefaultServiceAccountBound": (
        lambda o: o["binding"]["subjects"][0].update(name="default"),
        lambda o: o["binding"]["subjects"].append({"kind": "User", "name": "default"}),
    ),
    "networkPolicy": (
        lambda o: o["netpol"]["spec"].update(podSelector={"matchLabels": {"app": "api"}}),
        lambda o: o["netpol"]["spec"].update(
            podSelector={
                "matchExpressions": [
                    {"key": "app", "operator": "In", "values": ["web", "api"]},
                    {"key": "legacy", "operator": "DoesNotExist"},
                ]
            }
        ),
    ),
    "serviceExternalIPs": (
        lambda o: o["service"]["spec"].update(externalIPs=["203.0.113.7"]),
        lambda o: o["service"]["spec"].update(externalIPs=[]),
    ),
    "serviceNodePort": (
        lambda o: o["service"]["spec"].update(type="NodePort"),
        lambda o: o["service"]["spec"].update(
            type="LoadBalancer", loadBalancerSourceRanges=["198.51.100.0/24"]
        ),
    ),
    "loadBalancerSourceRanges": (
        lambda o: o["service"]["spec"].update(type="LoadBalancer"),
        lambda o: o["service"]["spec"].update(
            type="LoadBalancer", loadBalancerSourceRanges=["198.51.100.0/24"]
        ),
    ),
    "cpuLimits": (
        lambda o: app(o)["resources"]["limits"].pop("cpu"),
        lambda o: pod(o).update(ephemeralContainers=[{"name": "debug", "image": DIGEST}]),
    ),
    "imagePullPolicy": (
        lambda o: app(o).update(image="registry.example/app:1.4", imagePullPolicy="IfNotPresent"),
        lambda o: app(o).update(image="registry.example/app:latest"),
    ),  # defaulted to Always
    "imageDigest": (
        lambda o: app(o).update(image="registry.example/app:1.4", imagePullPolicy="Always"),
        lambda o: app(o).update(image="registry.example/app:1.4@sha256:" + "1" * 64),
    ),
    "secretsInEnv": (
        lambda o: app(o).update(
            env=[{"name": "TOKEN", "valueFrom": {"secretKeyRef": {"name": "web", "key": "token"}}}]
        ),
        lambda o: app(o).update(
            env=[{"name": "MODE", "valueFrom": {"configMapKeyRef": {"name": "web", "key": "mode"}}}]
        ),
    ),
    "highUID": (
        lambda o: pod(o)["securityContext"].update(runAsUser=1000),
        lambda o: (
            pod(o)["securityContext"].update(runAsUser=0),
            app(o).update(securityContext={"runAsUser": 20000}),
        ),
    ),
    "defaultServiceAccount": (
        lambda o: pod(o).pop("serviceAccountName"),
        lambda o: pod(o).update(serviceAccountName="web-reader"),
    ),
    "containerRuntimeSocket": (
        lambda o: pod(o)["volumes"].append({"name": "sock", "hostPath": {"path": "/var/run/docker.sock"}}),
        lambda o: pod(o)["volumes"].append({"name": "data", "hostPath": {"path": "/srv/data"}}),
    ),
    "livenessNotReadiness": (
        lambda o: app(o).update(livenessProbe=copy.deepcopy(app(o)["readinessProbe"])),
        lambda o: app(o)["livenessProbe"].update(httpGet={"path": "/ready", "port": 8080}),
    ),
}


def failing_checks(suite: Suite, objs: dict[str, dict[str, Any]]) -> set[str]:
    result = run_check(suite, yaml.safe_dump_all(list(objs.values())), "k8s-hardening")
    assert not result.unchecked
    return {f.check for f in result.findings}


def test_every_hardening_check_has_a_case_and_the_clean_app_passes_them_all(offline_suite: Suite) -> None:
    policies = current_policies()
    assert {c.id for c, _ in policies.checks_for("k8s-hardening", 0)} == set(CASES)
    for check, _ in policies.checks_for("k8s-hardening", 0):
        assert check.remediation and check.title, check.id
    result = run_check(offline_suite, yaml.safe_dump_all(list(clean().values())), "k8s-hardening")
    assert result.verdict == "pass" and result.findings == [], result.findings
    assert (
        result.objects_checked == 5
    )  # the pod template, Service, Role, RoleBinding, ClusterRole (not the NetworkPolicy)


@pytest.mark.parametrize("check_id", sorted(CASES))
def test_each_hardening_check_fails_its_failing_case_and_passes_its_passing_one(
    offline_suite: Suite, check_id: str
) -> None:
    bad, good = CASES[check_id]
    objs = clean()
    bad(objs)
    assert check_id in failing_checks(offline_suite, objs)
    objs = clean()
    good(objs)
    assert check_id not in failing_checks(offline_suite, objs)


def test_a_namespace_without_any_network_policy_is_named_with_the_pod_labels(offline_suite: Suite) -> None:
    objs = clean()
    del objs["netpol"]
    result = run_check(offline_suite, yaml.safe_dump_all(list(objs.values())), "k8s-hardening")
    [finding] = [f for f in result.findings if f.check == "networkPolicy"]
    assert finding.object == "Deployment/shop/web" and finding.field == "spec.template.metadata.labels"
    assert "app=web,tier=front" in finding.message and "NetworkPolicy" in finding.remediation
    other_ns = clean()
    other_ns["netpol"]["metadata"]["namespace"] = (
        "payments"  # a policy in another namespace selects nothing here
    )
    assert "networkPolicy" in failing_checks(offline_suite, other_ns)


def test_hardening_checks_name_the_rule_and_value_they_object_to(offline_suite: Suite) -> None:
    objs = clean()
    objs["clusterrole"]["rules"].append({"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]})
    objs["service"]["spec"]["externalIPs"] = ["203.0.113.7"]
    result = run_check(offline_suite, yaml.safe_dump_all(list(objs.values())), "k8s-hardening")
    shown = {(f.check, f.object, f.field) for f in result.findings}
    assert ("rbacWildcard", "ClusterRole/-/node-reader", "rules[1].verbs[0]") in shown
    assert ("rbacWildcard", "ClusterRole/-/node-reader", "rules[1].resources[0]") in shown
    assert ("rbacSecretsClusterWide", "ClusterRole/-/node-reader", "rules[1].verbs[0]") in shown
    assert ("serviceExternalIPs", "Service/shop/web", "spec.externalIPs[0]") in shown


def test_rbac_objects_alone_can_be_checked(offline_suite: Suite) -> None:
    role = clean()["clusterrole"]
    role["rules"][0]["verbs"] = ["impersonate"]
    result = run_check(offline_suite, yaml.safe_dump(role), "k8s-hardening")
    assert result.verdict == "fail" and [f.check for f in result.findings] == ["rbacEscalationVerbs"]
