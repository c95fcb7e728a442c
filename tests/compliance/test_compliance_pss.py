"""Every Pod Security Standards check, with passing and failing manifests, at the versions where
pod-security-admission changed the rule (kubernetes/pod-security-admission policy/check_*.go)."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from servers.compliance.checking import check_pods
from servers.compliance.manifests import load_text, pods_in
from servers.compliance.policy import current_policies


def restricted_pod(**spec: Any) -> dict[str, Any]:
    """A pod that meets pss-restricted at every version; tests change one thing at a time."""
    pod = {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": "p", "namespace": "shop"},
        "spec": {
            "securityContext": {"runAsNonRoot": True, "seccompProfile": {"type": "RuntimeDefault"}},
            "containers": [
                {
                    "name": "app",
                    "image": "registry.example/app:1.0",
                    "securityContext": {"allowPrivilegeEscalation": False, "capabilities": {"drop": ["ALL"]}},
                }
            ],
        },
    }
    merge(pod["spec"], spec)
    return pod


def merge(into: dict[str, Any], patch: dict[str, Any]) -> None:
    for key, value in patch.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            merge(into[key], value)
        else:
            into[key] = value


def container(**fields: Any) -> dict[str, Any]:
    c = {
        "name": "app",
        "image": "registry.example/app:1.0",
        "securityContext": {"allowPrivilegeEscalation": False, "capabilities": {"drop": ["ALL"]}},
    }
    merge(c, fields)
    return c


def failing(manifest: dict[str, Any] | str, framework: str, version: str = "latest") -> set[str]:
    """The check ids that fail, going through YAML text like a caller would."""
    text = manifest if isinstance(manifest, str) else yaml.safe_dump(manifest)
    policies = current_policies()
    fw = policies.framework(framework)
    pods = pods_in(load_text(text).objects).pods
    findings, _, _ = check_pods(pods, fw, fw.resolve_version(version), policies)
    return {f.check for f in findings}


def test_the_reference_pod_meets_restricted_and_baseline_at_every_version() -> None:
    for minor in range(0, 38):
        assert failing(restricted_pod(), "pss-restricted", f"v1.{minor}") == set(), minor
        assert failing(restricted_pod(), "pss-baseline", f"v1.{minor}") == set(), minor


def with_container(**fields: Any) -> dict[str, Any]:
    return restricted_pod(containers=[container(**fields)])


CASES = [
    # (check id, framework, version, manifest, fails?)
    (
        "windowsHostProcess",
        "pss-baseline",
        "latest",
        restricted_pod(securityContext={"windowsOptions": {"hostProcess": True}}),
        True,
    ),
    (
        "windowsHostProcess",
        "pss-baseline",
        "latest",
        with_container(securityContext={"windowsOptions": {"hostProcess": True}}),
        True,
    ),
    (
        "windowsHostProcess",
        "pss-baseline",
        "latest",
        restricted_pod(securityContext={"windowsOptions": {"hostProcess": False}}),
        False,
    ),
    ("hostNamespaces", "pss-baseline", "v1.0", restricted_pod(hostNetwork=True), True),
    ("hostNamespaces", "pss-baseline", "latest", restricted_pod(hostPID=True), True),
    ("hostNamespaces", "pss-baseline", "latest", restricted_pod(hostIPC=True), True),
    (
        "hostNamespaces",
        "pss-baseline",
        "latest",
        restricted_pod(hostNetwork=False, hostPID=False, hostIPC=False),
        False,
    ),
    ("privileged", "pss-baseline", "latest", with_container(securityContext={"privileged": True}), True),
    ("privileged", "pss-baseline", "latest", with_container(securityContext={"privileged": False}), False),
    (
        "capabilities_baseline",
        "pss-baseline",
        "latest",
        with_container(securityContext={"capabilities": {"add": ["NET_ADMIN"]}}),
        True,
    ),
    (
        "capabilities_baseline",
        "pss-baseline",
        "latest",
        with_container(securityContext={"capabilities": {"add": ["NET_RAW"]}}),
        True,
    ),
    (
        "capabilities_baseline",
        "pss-baseline",
        "latest",
        with_container(securityContext={"capabilities": {"add": ["CHOWN", "SYS_CHROOT"]}}),
        False,
    ),
    (
        "hostPathVolumes",
        "pss-baseline",
        "latest",
        restricted_pod(volumes=[{"name": "h", "hostPath": {"path": "/"}}]),
        True,
    ),
    (
        "hostPathVolumes",
        "pss-baseline",
        "latest",
        restricted_pod(volumes=[{"name": "e", "emptyDir": {}}]),
        False,
    ),
    (
        "hostPorts",
        "pss-baseline",
        "latest",
        with_container(ports=[{"containerPort": 80, "hostPort": 8080}]),
        True,
    ),
    (
        "hostPorts",
        "pss-baseline",
        "latest",
        with_container(ports=[{"containerPort": 80, "hostPort": 0}]),
        False,
    ),
    (
        "appArmorProfile",
        "pss-baseline",
        "v1.0",
        {
            **restricted_pod(),
            "metadata": {
                "name": "p",
                "annotations": {"container.apparmor.security.beta.kubernetes.io/app": "unconfined"},
            },
        },
        True,
    ),
    (
        "appArmorProfile",
        "pss-baseline",
        "latest",
        {
            **restricted_pod(),
            "metadata": {
                "name": "p",
                "annotations": {"container.apparmor.security.beta.kubernetes.io/app": "localhost/mine"},
            },
        },
        False,
    ),
    (
        "appArmorProfile",
        "pss-baseline",
        "latest",
        restricted_pod(securityContext={"appArmorProfile": {"type": "Unconfined"}}),
        True,
    ),
    (
        "appArmorProfile",
        "pss-baseline",
        "latest",
        with_container(securityContext={"appArmorProfile": {"type": "Localhost", "localhostProfile": "x"}}),
        False,
    ),
    (
        "appArmorProfile",
        "pss-baseline",
        "latest",
        with_container(securityContext={"appArmorProfile": {}}),
        True,
    ),
    (
        "seLinuxOptions",
        "pss-baseline",
        "latest",
        restricted_pod(securityContext={"seLinuxOptions": {"type": "spc_t"}}),
        True,
    ),
    (
        "seLinuxOptions",
        "pss-baseline",
        "latest",
        with_container(securityContext={"seLinuxOptions": {"type": "container_t"}}),
        False,
    ),
    (
        "seLinuxOptions",
        "pss-baseline",
        "latest",
        with_container(securityContext={"seLinuxOptions": {"user": "system_u"}}),
        True,
    ),
    (
        "seLinuxOptions",
        "pss-baseline",
        "latest",
        restricted_pod(securityContext={"seLinuxOptions": {"role": "sysadm_r"}}),
        True,
    ),
    (
        "seLinuxOptions",
        "pss-baseline",
        "v1.30",
        with_container(securityContext={"seLinuxOptions": {"type": "container_engine_t"}}),
        True,
    ),
    (
        "seLinuxOptions",
        "pss-baseline",
        "v1.31",
        with_container(securityContext={"seLinuxOptions": {"type": "container_engine_t"}}),
        False,
    ),
    ("procMount", "pss-baseline", "latest", with_container(securityContext={"procMount": "Unmasked"}), True),
    ("procMount", "pss-baseline", "latest", with_container(securityContext={"procMount": "Default"}), False),
    (
        "procMount",
        "pss-baseline",
        "v1.34",
        {
            **restricted_pod(
                hostUsers=False, containers=[container(securityContext={"procMount": "Unmasked"})]
            )
        },
        True,
    ),
    (
        "procMount",
        "pss-baseline",
        "v1.35",
        {
            **restricted_pod(
                hostUsers=False, containers=[container(securityContext={"procMount": "Unmasked"})]
            )
        },
        False,
    ),
    (
        "seccompProfile_baseline",
        "pss-baseline",
        "v1.19",
        restricted_pod(securityContext={"seccompProfile": {"type": "Unconfined"}}),
        True,
    ),
    (
        "seccompProfile_baseline",
        "pss-baseline",
        "latest",
        with_container(securityContext={"seccompProfile": {"type": "Unconfined"}}),
        True,
    ),
    (
        "seccompProfile_baseline",
        "pss-baseline",
        "latest",
        with_container(
            securityContext={"seccompProfile": {"type": "Localhost", "localhostProfile": "p.json"}}
        ),
        False,
    ),
    # before 1.19 the standard read the alpha annotations, not the field
    (
        "seccompProfile_baseline",
        "pss-baseline",
        "v1.18",
        {
            **restricted_pod(),
            "metadata": {
                "name": "p",
                "annotations": {"seccomp.security.alpha.kubernetes.io/pod": "unconfined"},
            },
        },
        True,
    ),
    (
        "seccompProfile_baseline",
        "pss-baseline",
        "v1.18",
        {
            **restricted_pod(),
            "metadata": {
                "name": "p",
                "annotations": {"container.seccomp.security.alpha.kubernetes.io/app": "unconfined"},
            },
        },
        True,
    ),
    (
        "seccompProfile_baseline",
        "pss-baseline",
        "v1.18",
        {
            **restricted_pod(),
            "metadata": {
                "name": "p",
                "annotations": {"seccomp.security.alpha.kubernetes.io/pod": "docker/default"},
            },
        },
        False,
    ),
    (
        "seccompProfile_baseline",
        "pss-baseline",
        "v1.18",
        restricted_pod(securityContext={"seccompProfile": {"type": "Unconfined"}}),
        False,
    ),
    (
        "sysctls",
        "pss-baseline",
        "latest",
        restricted_pod(securityContext={"sysctls": [{"name": "kernel.msgmax", "value": "1"}]}),
        True,
    ),
    (
        "sysctls",
        "pss-baseline",
        "v1.0",
        restricted_pod(securityContext={"sysctls": [{"name": "net.ipv4.tcp_syncookies", "value": "1"}]}),
        False,
    ),
    (
        "sysctls",
        "pss-baseline",
        "v1.26",
        restricted_pod(
            securityContext={"sysctls": [{"name": "net.ipv4.ip_local_reserved_ports", "value": "1"}]}
        ),
        True,
    ),
    (
        "sysctls",
        "pss-baseline",
        "v1.27",
        restricted_pod(
            securityContext={"sysctls": [{"name": "net.ipv4.ip_local_reserved_ports", "value": "1"}]}
        ),
        False,
    ),
    (
        "sysctls",
        "pss-baseline",
        "v1.28",
        restricted_pod(securityContext={"sysctls": [{"name": "net.ipv4.tcp_keepalive_time", "value": "1"}]}),
        True,
    ),
    (
        "sysctls",
        "pss-baseline",
        "v1.29",
        restricted_pod(securityContext={"sysctls": [{"name": "net.ipv4.tcp_keepalive_time", "value": "1"}]}),
        False,
    ),
    (
        "sysctls",
        "pss-baseline",
        "v1.31",
        restricted_pod(securityContext={"sysctls": [{"name": "net.ipv4.tcp_rmem", "value": "1"}]}),
        True,
    ),
    (
        "sysctls",
        "pss-baseline",
        "v1.32",
        restricted_pod(securityContext={"sysctls": [{"name": "net.ipv4.tcp_rmem", "value": "1"}]}),
        False,
    ),
    (
        "sysctls",
        "pss-baseline",
        "v1.36",
        restricted_pod(securityContext={"sysctls": [{"name": "net.ipv4.tcp_notsent_lowat", "value": "1"}]}),
        True,
    ),
    (
        "sysctls",
        "pss-baseline",
        "v1.37",
        restricted_pod(securityContext={"sysctls": [{"name": "net.ipv4.tcp_notsent_lowat", "value": "1"}]}),
        False,
    ),
    (
        "hostProbesAndHostLifecycle",
        "pss-baseline",
        "v1.33",
        with_container(livenessProbe={"httpGet": {"host": "10.0.0.1", "port": 80}}),
        False,
    ),
    (
        "hostProbesAndHostLifecycle",
        "pss-baseline",
        "v1.34",
        with_container(livenessProbe={"httpGet": {"host": "10.0.0.1", "port": 80}}),
        True,
    ),
    (
        "hostProbesAndHostLifecycle",
        "pss-baseline",
        "latest",
        with_container(lifecycle={"preStop": {"tcpSocket": {"host": "x", "port": 1}}}),
        True,
    ),
    (
        "hostProbesAndHostLifecycle",
        "pss-baseline",
        "latest",
        with_container(readinessProbe={"httpGet": {"host": "", "port": 80}}),
        False,
    ),
    (
        "restrictedVolumes",
        "pss-restricted",
        "latest",
        restricted_pod(volumes=[{"name": "n", "nfs": {"server": "s", "path": "/"}}]),
        True,
    ),
    (
        "restrictedVolumes",
        "pss-restricted",
        "v1.0",
        restricted_pod(volumes=[{"name": "h", "hostPath": {"path": "/"}}]),
        True,
    ),
    (
        "restrictedVolumes",
        "pss-restricted",
        "latest",
        restricted_pod(
            volumes=[
                {"name": "c", "persistentVolumeClaim": {"claimName": "x"}},
                {"name": "s", "secret": {"secretName": "y"}},
            ]
        ),
        False,
    ),
    (
        "allowPrivilegeEscalation",
        "pss-restricted",
        "v1.8",
        restricted_pod(
            containers=[{"name": "a", "image": "i:1", "securityContext": {"capabilities": {"drop": ["ALL"]}}}]
        ),
        True,
    ),
    (
        "allowPrivilegeEscalation",
        "pss-restricted",
        "v1.7",
        restricted_pod(
            containers=[{"name": "a", "image": "i:1", "securityContext": {"capabilities": {"drop": ["ALL"]}}}]
        ),
        False,
    ),
    (
        "allowPrivilegeEscalation",
        "pss-restricted",
        "latest",
        with_container(securityContext={"allowPrivilegeEscalation": True}),
        True,
    ),
    (
        "allowPrivilegeEscalation",
        "pss-restricted",
        "v1.24",
        restricted_pod(
            os={"name": "windows"},
            containers=[
                {"name": "a", "image": "i:1", "securityContext": {"capabilities": {"drop": ["ALL"]}}}
            ],
        ),
        True,
    ),
    (
        "allowPrivilegeEscalation",
        "pss-restricted",
        "v1.25",
        restricted_pod(
            os={"name": "windows"},
            containers=[
                {"name": "a", "image": "i:1", "securityContext": {"capabilities": {"drop": ["ALL"]}}}
            ],
        ),
        False,
    ),
    (
        "runAsNonRoot",
        "pss-restricted",
        "latest",
        restricted_pod(securityContext={"runAsNonRoot": None}),
        True,
    ),
    (
        "runAsNonRoot",
        "pss-restricted",
        "latest",
        restricted_pod(
            securityContext={"runAsNonRoot": None},
            containers=[container(securityContext={"runAsNonRoot": True})],
        ),
        False,
    ),
    (
        "runAsNonRoot",
        "pss-restricted",
        "latest",
        with_container(securityContext={"runAsNonRoot": False}),
        True,
    ),
    (
        "runAsNonRoot",
        "pss-restricted",
        "v1.34",
        restricted_pod(hostUsers=False, securityContext={"runAsNonRoot": None}),
        True,
    ),
    (
        "runAsNonRoot",
        "pss-restricted",
        "v1.35",
        restricted_pod(hostUsers=False, securityContext={"runAsNonRoot": None}),
        False,
    ),
    ("runAsUser", "pss-restricted", "v1.23", with_container(securityContext={"runAsUser": 0}), True),
    ("runAsUser", "pss-restricted", "v1.22", with_container(securityContext={"runAsUser": 0}), False),
    ("runAsUser", "pss-restricted", "latest", restricted_pod(securityContext={"runAsUser": 0}), True),
    ("runAsUser", "pss-restricted", "latest", restricted_pod(securityContext={"runAsUser": 1000}), False),
    (
        "runAsUser",
        "pss-restricted",
        "v1.35",
        restricted_pod(hostUsers=False, securityContext={"runAsUser": 0}),
        False,
    ),
    (
        "seccompProfile_restricted",
        "pss-restricted",
        "v1.19",
        restricted_pod(securityContext={"seccompProfile": None}),
        True,
    ),
    (
        "seccompProfile_restricted",
        "pss-restricted",
        "latest",
        restricted_pod(
            securityContext={"seccompProfile": None},
            containers=[container(securityContext={"seccompProfile": {"type": "RuntimeDefault"}})],
        ),
        False,
    ),
    (
        "seccompProfile_restricted",
        "pss-restricted",
        "latest",
        restricted_pod(securityContext={"seccompProfile": {"type": "Unconfined"}}),
        True,
    ),
    (
        "seccompProfile_restricted",
        "pss-restricted",
        "v1.24",
        restricted_pod(os={"name": "windows"}, securityContext={"seccompProfile": None}),
        True,
    ),
    (
        "seccompProfile_restricted",
        "pss-restricted",
        "v1.25",
        restricted_pod(os={"name": "windows"}, securityContext={"seccompProfile": None}),
        False,
    ),
    (
        "capabilities_restricted",
        "pss-restricted",
        "v1.22",
        with_container(securityContext={"capabilities": {"drop": ["NET_RAW"]}}),
        True,
    ),
    (
        "capabilities_restricted",
        "pss-restricted",
        "latest",
        with_container(securityContext={"capabilities": {"drop": ["ALL"], "add": ["SYS_ADMIN"]}}),
        True,
    ),
    (
        "capabilities_restricted",
        "pss-restricted",
        "latest",
        with_container(securityContext={"capabilities": {"drop": ["ALL"], "add": ["NET_BIND_SERVICE"]}}),
        False,
    ),
    (
        "capabilities_restricted",
        "pss-restricted",
        "v1.21",
        with_container(securityContext={"capabilities": {"drop": ["NET_RAW"]}}),
        False,
    ),
    (
        "procMount_restricted",
        "pss-restricted",
        "v1.35",
        restricted_pod(hostUsers=False, containers=[container(securityContext={"procMount": "Unmasked"})]),
        True,
    ),
    ("procMount_restricted", "pss-restricted", "v1.35", restricted_pod(hostUsers=False), False),
]


@pytest.mark.parametrize(
    ("check_id", "framework", "version", "manifest", "fails"),
    CASES,
    ids=[f"{c[0]}-{c[2]}-{'fail' if c[4] else 'pass'}-{i}" for i, c in enumerate(CASES)],
)
def test_each_check_fails_and_passes_as_its_version_defines(
    check_id: str, framework: str, version: str, manifest: dict[str, Any], fails: bool
) -> None:
    found = failing(copy.deepcopy(manifest), framework, version)
    assert (check_id in found) is fails, found
    assert found <= {check_id}, f"only {check_id} should be at stake, got {found}"


def test_every_check_of_both_levels_is_covered_by_a_failing_case() -> None:
    policies = current_policies()
    pss = {c.id for c in policies.checks.values() if "pss-restricted" in c.frameworks}
    assert pss == {c[0] for c in CASES if c[4]}


def test_restricted_overrides_its_baseline_counterparts() -> None:
    hostpath = restricted_pod(volumes=[{"name": "h", "hostPath": {"path": "/"}}])
    assert failing(hostpath, "pss-restricted") == {"restrictedVolumes"}
    assert failing(hostpath, "pss-baseline") == {"hostPathVolumes"}
    caps = with_container(securityContext={"capabilities": {"drop": ["ALL"], "add": ["SYS_ADMIN"]}})
    assert failing(caps, "pss-restricted", "v1.22") == {"capabilities_restricted"}
    assert failing(caps, "pss-restricted", "v1.21") == {"capabilities_baseline"}


WORKLOADS = {
    "Deployment": ("apps/v1", lambda t: {"replicas": 1, "template": t}, "spec.template.spec"),
    "ReplicaSet": ("apps/v1", lambda t: {"template": t}, "spec.template.spec"),
    "StatefulSet": ("apps/v1", lambda t: {"serviceName": "s", "template": t}, "spec.template.spec"),
    "DaemonSet": ("apps/v1", lambda t: {"template": t}, "spec.template.spec"),
    "Job": ("batch/v1", lambda t: {"template": t}, "spec.template.spec"),
    "CronJob": (
        "batch/v1",
        lambda t: {"schedule": "* * * * *", "jobTemplate": {"spec": {"template": t}}},
        "spec.jobTemplate.spec.template.spec",
    ),
}


@pytest.mark.parametrize("kind", sorted(WORKLOADS))
def test_pod_templates_in_workloads_are_checked_like_pods(kind: str) -> None:
    api, spec_of, spec_path = WORKLOADS[kind]
    pod = with_container(securityContext={"privileged": True})
    obj = {
        "apiVersion": api,
        "kind": kind,
        "metadata": {"name": "w", "namespace": "shop"},
        "spec": spec_of({"metadata": {"labels": {"a": "b"}}, "spec": pod["spec"]}),
    }
    policies = current_policies()
    fw = policies.framework("pss-baseline")
    pods = pods_in(load_text(yaml.safe_dump(obj)).objects).pods
    findings, _, _ = check_pods(pods, fw, "v1.37", policies)
    assert [(f.check, f.object, f.field) for f in findings] == [
        ("privileged", f"{kind}/shop/w", f"{spec_path}.containers[0].securityContext.privileged")
    ]


def test_init_and_ephemeral_containers_are_checked_too() -> None:
    bad = {"name": "dbg", "image": "busybox:1", "securityContext": {"privileged": True}}
    for field in ("initContainers", "ephemeralContainers"):
        pod = restricted_pod(**{field: [bad]})
        assert failing(pod, "pss-baseline") == {"privileged"}
