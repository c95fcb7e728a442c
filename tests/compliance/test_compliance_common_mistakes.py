"""What compliance finds in each manifest of bench/compliance_common_mistakes/ (the set docs/compliance.md
compares with checkov): each file adds one mistake to a hardened baseline, and the checks that fire
beyond the baseline's are exactly the ones the documentation's table names."""

from __future__ import annotations

from pathlib import Path

import pytest

from servers.compliance.checking import run_check
from shared.errors import BadInput
from shared.suite import Suite

MISTAKES = Path(__file__).resolve().parent.parent.parent / "bench" / "compliance_common_mistakes"
FRAMEWORKS = ("pss-restricted", "k8s-best-practices", "k8s-hardening")
EXPECTED = {
    "00-baseline": set(),
    "01-privileged": {"privileged"},
    "02-docker-socket": {"containerRuntimeSocket", "restrictedVolumes"},
    "03-host-network-port": {"hostNamespaces", "hostPorts"},
    "04-run-as-root": {"highUID", "runAsNonRoot", "runAsUser"},
    "05-privilege-escalation-unset": {"allowPrivilegeEscalation"},
    "06-cap-sys-admin": {"capabilities_restricted"},
    "07-latest-no-pull-policy": {
        "imageDigest",
        "imageTag",
    },  # not imagePullPolicy: the API defaults it to Always
    "08-secret-in-env": {"secretsInEnv"},
    "09-no-resources": {"cpuLimits", "resources"},
    "10-ephemeral-debug-container": set(),  # no resources or probes asked of the ephemeral container
    "11-volume-without-source": set(),  # an emptyDir once defaulted
    "12-privileged-argo-rollout": {"hostNamespaces", "privileged"},
    "13-privileged-cronjob": {"privileged"},  # no probes asked of a run-to-completion pod
    "14-no-seccomp": {"seccompProfile_restricted"},
    "15-apparmor-unconfined": {"appArmorProfile"},
    "16-unsafe-sysctl": {"sysctls"},
    "17-liveness-equals-readiness": {"livenessNotReadiness"},
    "18-no-network-policy": {"networkPolicy"},
    "19-rbac-wildcard": {"rbacSecretsClusterWide", "rbacWildcard"},
    "20-rbac-escalate-bind-impersonate": {"rbacEscalationVerbs"},
    "21-rbac-secrets-cluster-wide": {"rbacSecretsClusterWide"},
    "22-cluster-admin-binding": {"rbacClusterAdminBinding"},
    "23-default-sa-bound": {"rbacDefaultServiceAccountBound"},
    "24-service-external-ips": {"serviceExternalIPs"},
    "25-service-nodeport": {"serviceNodePort"},
    "26-loadbalancer-open": {"loadBalancerSourceRanges"},
    "27-proc-mount-unmasked": {"procMount_restricted"},
    "28-windows-pod": set(),  # restricted exempts Windows pods from the Linux-only fields since v1.25
}


def test_every_mistake_file_is_listed() -> None:
    assert {p.stem for p in MISTAKES.glob("*.yaml")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_compliance_finds_exactly_the_mistake(offline_suite: Suite, name: str) -> None:
    text = (MISTAKES / f"{name}.yaml").read_text()
    found: set[str] = set()
    for framework in FRAMEWORKS:
        try:
            result = run_check(offline_suite, text, framework)
        except BadInput as exc:  # RBAC and Service files hold no pods for the pod frameworks
            assert "No Pods" in exc.message
            continue
        assert result.verdict != "incomplete" and not result.unchecked
        found |= {f.check for f in result.findings}
    assert found == EXPECTED[name]
