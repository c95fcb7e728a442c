"""Running a framework against a target, keeping the result, and publishing the verdict.

Targets: "suite" (control frameworks over published evidence and the audit log), "cluster"
(the cluster forge is connected to, through shared.cluster), a path to a manifest file or
directory, or manifest YAML text. Every result is stored (so `attest` can sign it later),
published as the evidence `compliance.latest`, and written to the shared memory.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from servers.compliance import controls
from servers.compliance.engine import compile_version
from servers.compliance.manifests import (
    CRD_POD_LOCATIONS,
    POD_LOCATIONS,
    Manifests,
    PodUnderCheck,
    Source,
    Unchecked,
    load_path,
    load_text,
    looks_like_path,
    pods_in,
)
from servers.compliance.models import CheckResult, CheckSummary, Finding, UncheckedObject
from servers.compliance.policy import Framework, PolicySet, current_policies
from shared import evidence
from shared.errors import BadInput, NotFound, Unavailable
from shared.store import METADATA, Double, col
from shared.suite import Suite

MAX_FINDINGS_RETURNED = 500
SUMMARY_FINDINGS = 20  # what `check` answers by default: a live cluster's 500 findings were ~45K characters
SUMMARY_SUBJECTS = 20
SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}
MAX_TARGET_CHARS = 20 * 1024 * 1024
compliance_results = sa.Table(
    "compliance_results",
    METADATA,
    col("id", sa.Text, primary_key=True),
    col("framework", sa.Text),
    col("version", sa.Text),
    col("target", sa.Text),
    col("verdict", sa.Text),
    col("checked_at", Double),
    col("result", sa.Text),
)
RESULTS_SCHEMA = [compliance_results]

compliance_owners = sa.Table(
    "compliance_owners",
    METADATA,
    col("kind", sa.Text, primary_key=True),
    col("id", sa.Text, primary_key=True),
    col("owner", sa.Text),
)
OWNERS_SCHEMA = [compliance_owners]

Tick = Callable[[int, int], None]


def ensure_owners(suite: Suite) -> None:
    suite.store.ensure_schema("compliance_owners", OWNERS_SCHEMA)


def set_owner(suite: Suite, db: Any, kind: str, item_id: str, owner: str | None) -> None:
    """Record who created a stored result or attestation (inside the caller's transaction); the
    operator's (owner None) get no row. The table exists: see ensure_owners."""
    if owner is not None:
        db.execute(
            "INSERT INTO compliance_owners VALUES (:kind, :id, :owner)",
            {"kind": kind, "id": item_id, "owner": owner},
        )


def owner_filter(
    suite: Suite, kind: str, id_column: str, principal: str | None
) -> tuple[str, dict[str, Any]]:
    """An SQL condition (and its parameters) keeping the rows `principal` may see (shared.ownership)."""
    from shared.ownership import OPERATOR, readable_owners

    suite.store.ensure_schema("compliance_owners", OWNERS_SCHEMA)
    readable = readable_owners(principal)
    if readable is None:
        return "1=1", {}
    owned = f"SELECT owner FROM compliance_owners WHERE kind=:owner_kind AND id={id_column}"
    names = {f"owner_{i}": owner for i, owner in enumerate(readable)}
    marks = ", ".join(f":{n}" for n in names)
    condition = f"(({owned}) IN ({marks})" + (f" OR NOT EXISTS ({owned}))" if OPERATOR in readable else ")")
    return condition, {"owner_kind": kind, **names}


def check_pods(
    pods: list[PodUnderCheck],
    framework: Framework,
    version: str,
    policies: PolicySet,
    tick: Tick | None = None,
    objects: list[PodUnderCheck] = (),  # type: ignore[assignment]
) -> tuple[list[Finding], list[CheckSummary], int]:
    """Run the framework's checks at `version` over the pods (and, for checks that apply to other
    kinds, over those `objects`): findings, per-check summaries, and how many checks ran."""
    minor = int(version.split(".")[1]) if framework.versioned else 0
    active = [(check, compile_version(check, v)) for check, v in policies.checks_for(framework.name, minor)]
    if not active:
        raise NotFound(
            f"Framework {framework.name} has no checks at {version}.",
            "Add policy files for it, or pick another version.",
        )
    findings: list[Finding] = []
    failed_objects = {check.id: 0 for check, _ in active}
    on_pods = [(c, v) for c, v in active if not c.applies_to]
    on_objects = [(c, v, [o for o in objects if o.kind in c.applies_to]) for c, v in active if c.applies_to]

    def run(check: Any, compiled: Any, subject: PodUnderCheck) -> None:
        violations = compiled.run(subject)
        if violations:
            failed_objects[check.id] += 1
            for v in violations:
                findings.append(
                    Finding(
                        check=check.id,
                        severity=check.severity,
                        object=subject.ref,
                        field=v.field,
                        message=v.message,
                        remediation=check.remediation,
                    )
                )

    for index, pod in enumerate(pods):
        if tick is not None and index % 200 == 0:
            tick(index, len(pods))
        for check, compiled in on_pods:
            run(check, compiled, pod)
    for check, compiled, subjects in on_objects:
        for subject in subjects:
            run(check, compiled, subject)
    summaries = [
        CheckSummary(
            check=c.id,
            title=c.title,
            status="fail" if failed_objects[c.id] else "pass",
            failed_objects=failed_objects[c.id],
        )
        for c, _ in active
    ]
    return findings, summaries, len(active)


def check_suite(
    suite: Suite, framework: Framework, policies: PolicySet
) -> tuple[list[Finding], list[CheckSummary], list[Source]]:
    chosen = policies.controls_for(framework.name)
    if not chosen:
        raise NotFound(f"Framework {framework.name} has no controls.", "Add control policy files for it.")
    now = time.time()
    findings, summaries, facts = [], [], {}
    for control in chosen:
        outcome = controls.run_test(control.test, suite, control.params, now)
        facts[control.id] = {"ok": outcome.ok, "message": outcome.message}
        summaries.append(
            CheckSummary(
                check=control.id,
                title=control.title,
                reference=control.reference,
                status="pass" if outcome.ok else "fail",
                failed_objects=0 if outcome.ok else 1,
            )
        )
        if not outcome.ok:
            findings.append(
                Finding(
                    check=control.id,
                    severity=control.severity,
                    object="suite",
                    field=outcome.field,
                    message=outcome.message,
                    remediation=control.remediation,
                    reference=control.reference,
                )
            )
    digest_input = {
        "evidence": evidence.all_evidence(suite.store),
        "audit_head": suite.audit.verify().head,
        "outcomes": facts,
    }
    digest = hashlib.sha256(json.dumps(digest_input, sort_keys=True, default=str).encode()).hexdigest()
    return findings, summaries, [Source("hdr-suite-evidence", digest)]


# what a check of the cluster lists: every pod-bearing kind, the custom resources with a known pod
# template, and the kinds the k8s-hardening checks look at
CLUSTER_KINDS = (
    *POD_LOCATIONS,
    *sorted({kind for _, kind in CRD_POD_LOCATIONS}),
    "Service",
    "NetworkPolicy",
    "Role",
    "ClusterRole",
    "RoleBinding",
    "ClusterRoleBinding",
)


def _cluster_manifests(suite: Suite) -> tuple[Manifests, list[Unchecked]]:
    """The cluster's objects, and the pod-bearing kinds it could not list (never silently left out)."""
    try:
        from shared.cluster import cluster_from_config
    except ImportError:
        raise Unavailable(
            "Target 'cluster' needs forge's cluster connection (shared/cluster.py), which is not "
            "installed here.",
            "Check manifests by path or as YAML text instead.",
        ) from None
    cluster = cluster_from_config(suite)
    objects: list[dict[str, Any]] = []
    unlisted: list[Unchecked] = []
    api_client = getattr(cluster, "api_client", None)  # a live cluster: custom resources are listed below
    crd_kinds = {kind for _, kind in CRD_POD_LOCATIONS} - set(POD_LOCATIONS) - {"Service"}
    for kind in CLUSTER_KINDS if api_client is None else [k for k in CLUSTER_KINDS if k not in crd_kinds]:
        try:
            objects.extend(cluster.list_objects([kind]))
        except (BadInput, NotFound):  # a kind this cluster interface does not serve, or a CRD not installed
            if kind in POD_LOCATIONS:
                unlisted.append(
                    Unchecked(f"{kind}/*/*", f"the cluster connection cannot list {kind} objects")
                )
    if api_client is not None:  # a live cluster: its custom resources that can hold pods too
        from servers.compliance.custom_resources import list_custom_resources

        custom, failed = list_custom_resources(api_client)
        objects.extend(custom)
        unlisted.extend(failed)
    canonical = json.dumps(objects, sort_keys=True, default=str).encode()
    return Manifests(
        objects,
        [Source(f"cluster:{getattr(cluster, 'source', 'cluster')}", hashlib.sha256(canonical).hexdigest())],
    ), unlisted


def needs_roots(target: str) -> bool:
    """Whether `target` names a file (so the call's allowed roots must be asked for)."""
    return looks_like_path(target)


def _manifests(suite: Suite, target: str, roots: list[Path]) -> tuple[Manifests, str, list[Unchecked]]:
    if target == "cluster":
        manifests, unlisted = _cluster_manifests(suite)
        return manifests, "cluster", unlisted
    if looks_like_path(target):
        return load_path(target, roots), target.strip()[:300], []
    return load_text(target), "manifest text", []


def run_check(
    suite: Suite,
    target: str,
    framework_name: str,
    version: str = "latest",
    tick: Tick | None = None,
    roots: list[Path] | None = None,
    owner: str | None = None,
) -> CheckResult:
    """Check `target` against a framework; raises BadInput/NotFound/Unavailable for bad requests, and
    Refused for a path outside `roots` (default: shared.files.allowed_roots() of a local call).
    Nothing to check (no pods) is an error, never a pass."""
    if not isinstance(target, str) or not target.strip():
        raise BadInput("`target` is empty.", "Send manifest YAML, a path to manifests, 'cluster' or 'suite'.")
    if len(target) > MAX_TARGET_CHARS:
        raise BadInput(
            f"`target` is {len(target)} characters; the limit is {MAX_TARGET_CHARS}.",
            "Send a path to the manifests instead of their text.",
        )
    policies = current_policies()
    framework = policies.framework(framework_name)
    resolved = framework.resolve_version(version)
    target = target.strip() if "\n" not in target.strip() else target
    if framework.target == "suite":
        checked = _check_suite_target(suite, target, framework, policies)
    else:
        checked = _check_manifest_target(suite, target, framework, resolved, policies, tick, roots)
    result = _result(framework, resolved, checked)
    _keep(suite, result, owner)
    return result


@dataclass
class _Checked:
    """What a check of one target found, before it becomes a CheckResult."""

    findings: list[Finding]
    summaries: list[CheckSummary]
    subjects: list[Source]
    objects: int
    skipped: dict[str, int]
    label: str
    unchecked: list[Unchecked]


def _check_suite_target(suite: Suite, target: str, framework: Framework, policies: PolicySet) -> _Checked:
    if target != "suite":
        raise BadInput(
            f"Framework {framework.name} is evaluated over the suite's evidence, not manifests.",
            'Send target "suite", or use pss-baseline, pss-restricted or k8s-best-practices for manifests.',
        )
    findings, summaries, subjects = check_suite(suite, framework, policies)
    return _Checked(findings, summaries, subjects, 1, {}, "suite", [])


def _check_manifest_target(
    suite: Suite,
    target: str,
    framework: Framework,
    resolved: str,
    policies: PolicySet,
    tick: Tick | None,
    roots: list[Path] | None,
) -> _Checked:
    if target == "suite":
        raise BadInput(
            f"Framework {framework.name} checks Kubernetes manifests; the suite has none.",
            "Send manifests, a path or 'cluster'; use gdpr, hipaa or soc2 for the suite.",
        )
    if roots is None:
        from shared.files import allowed_roots

        roots = allowed_roots()
    manifests, label, unlisted = _manifests(suite, target, roots)
    workloads = pods_in(manifests.objects)
    pods, skipped, unchecked = workloads.pods, workloads.skipped, [*unlisted, *workloads.unchecked]
    minor = int(resolved.split(".")[1]) if framework.versioned else 0
    kinds_looked_at = {k for c, _ in policies.checks_for(framework.name, minor) for k in c.applies_to}
    others = [o for o in workloads.objects if o.kind in kinds_looked_at]
    if not pods and not unchecked and not others:
        kinds = ", ".join(f"{k} x{n}" for k, n in sorted(skipped.items())) or "none"
        raise BadInput(
            f"No Pods or pod templates to check (kinds found: {kinds}).",
            "Send Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or CronJob manifests"
            + (f" (or {', '.join(sorted(kinds_looked_at))})" if kinds_looked_at else "")
            + ".",
        )
    findings, summaries, _ = check_pods(pods, framework, resolved, policies, tick, others)
    return _Checked(
        findings, summaries, manifests.sources, len(pods) + len(others), skipped, label, unchecked
    )


def _result(framework: Framework, resolved: str, checked: _Checked) -> CheckResult:
    findings, summaries, unchecked = checked.findings, checked.summaries, checked.unchecked
    failed = sum(1 for s in summaries if s.status == "fail")
    return CheckResult(
        id=f"chk_{uuid.uuid4().hex[:16]}",
        framework=framework.name,
        version=resolved,
        target=checked.label[:300],
        verdict="fail" if findings else "incomplete" if unchecked else "pass",
        checked_at=time.time(),
        objects_checked=checked.objects,
        checks_run=len(summaries),
        passed=len(summaries) - failed,
        failed=failed,
        findings=findings[:MAX_FINDINGS_RETURNED],
        findings_total=len(findings),
        checks=summaries,
        skipped_kinds=checked.skipped,
        unchecked=[UncheckedObject(object=u.object, reason=u.reason) for u in unchecked],
        subjects=[{"name": s.name, "sha256": s.sha256} for s in checked.subjects],
    )


def summarized(result: CheckResult) -> CheckResult:
    """`result` as `check` answers by default: the SUMMARY_FINDINGS most severe findings (in check order
    within a severity), the first SUMMARY_SUBJECTS subjects, and `more` saying how to read the kept whole."""
    ranked = sorted(result.findings, key=lambda f: SEVERITY_ORDER.get(f.severity, len(SEVERITY_ORDER)))
    cut_findings = result.findings_total - min(len(ranked), SUMMARY_FINDINGS)
    cut_subjects = len(result.subjects) - SUMMARY_SUBJECTS
    if cut_findings <= 0 and cut_subjects <= 0:
        return result
    left = [f"{cut_findings} more findings"] if cut_findings > 0 else []
    left += [f"{cut_subjects} more subjects"] if cut_subjects > 0 else []
    return result.model_copy(
        update={
            "findings": ranked[:SUMMARY_FINDINGS],
            "subjects": result.subjects[:SUMMARY_SUBJECTS],
            "more": f"Not shown: {', '.join(left)}. Read compliance://checks/{result.id} for the kept result "
            "(up to 500 findings), or call check again with detail='full'.",
        }
    )


def _keep(suite: Suite, result: CheckResult, owner: str | None) -> None:
    suite.store.ensure_schema("compliance_results", RESULTS_SCHEMA)
    ensure_owners(suite)
    with suite.store.transaction() as db:
        db.execute(
            "INSERT INTO compliance_results VALUES (:id, :framework, :version, :target, :verdict, :at, :result)",
            {
                "id": result.id,
                "framework": result.framework,
                "version": result.version,
                "target": result.target,
                "verdict": result.verdict,
                "at": result.checked_at,
                "result": result.model_dump_json(),
            },
        )
        set_owner(suite, db, "result", result.id, owner)
        publish_latest(suite, result.framework, result.verdict, result.checked_at, None)
    suite.record(
        f"Compliance check of {result.target} against {result.framework} {result.version}: "
        f"{result.verdict} ({result.failed} of {result.checks_run} checks failed, "
        f"{result.findings_total} findings over {result.objects_checked} objects).",
        "decision",
        source="compliance",
        tool="check",
        tags=[result.framework, result.verdict],
        extra={"result_id": result.id, "framework": result.framework, "verdict": result.verdict},
    )


def publish_latest(
    suite: Suite, framework: str, verdict: str, checked_at: float, attestation_id: str | None
) -> None:
    """Update compliance.latest for one framework (read-modify-write in one transaction)."""
    with suite.store.transaction():
        current = evidence.read(suite.store, "compliance", "latest")
        frameworks = dict((current or {}).get("data", {}).get("frameworks", {}))
        frameworks[framework] = {
            "verdict": verdict,
            "checked_at": checked_at,
            "attestation_id": attestation_id,
        }
        evidence.publish(suite.store, "compliance", "latest", {"frameworks": frameworks})


def stored_result(suite: Suite, result_id: str, principal: str | None = None) -> CheckResult:
    """A stored result that `principal` may see (another caller's is "not found", like a missing id)."""
    suite.store.ensure_schema("compliance_results", RESULTS_SCHEMA)
    mine, params = owner_filter(suite, "result", "compliance_results.id", principal)
    row = (
        suite.store.connection()
        .execute(
            f"SELECT result FROM compliance_results WHERE id=:id AND {mine}",
            {"id": result_id[:100], **params},
        )
        .fetchone()
    )
    if row is None:
        raise NotFound(
            f"No stored check result {result_id[:100]!r}.",
            "Run `check` first and pass the `id` it returns, or attest a target directly.",
        )
    return CheckResult.model_validate_json(row["result"])
