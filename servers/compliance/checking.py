"""Running a framework against a target, keeping the result, and publishing the verdict.

Targets: "suite" (control frameworks over published evidence and the audit log), "cluster"
(the cluster forge is connected to, through shared.cluster), a path to a manifest file or
directory, or manifest YAML text. Every result is stored (so `attest` can sign it later),
published as the evidence `compliance.latest`, and written to the shared memory.
"""

from __future__ import annotations

import functools
import hashlib
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import sqlalchemy as sa
from pydantic import TypeAdapter

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
Verdict = Literal["pass", "fail", "incomplete"]


@dataclass(frozen=True)
class Violation:
    """One failed rule on one object (for control frameworks: one failed control, object "suite")."""

    check: str
    severity: str
    object: str  # kind/namespace/name ('-' when no namespace), or 'suite'
    field: str
    message: str
    remediation: str
    reference: str = ""


@dataclass(frozen=True)
class CheckStatus:
    """How one check (or control) of a framework fared over everything checked."""

    check: str
    title: str
    status: Literal["pass", "fail"]
    failed_objects: int = 0
    reference: str = ""


@dataclass(frozen=True)
class Result:
    """A kept check result: what `attest` signs and compliance://checks/<id> shows. `findings` are in
    check order, at most MAX_FINDINGS_RETURNED of `findings_total`; `subjects` are in-toto subjects
    ({name, sha256}) of the checked content."""

    id: str
    framework: str
    version: str
    target: str
    checked_at: float
    objects_checked: int
    findings: list[Violation]
    findings_total: int
    checks: list[CheckStatus]
    skipped_kinds: dict[str, int]
    unchecked: list[Unchecked]
    subjects: list[dict[str, str]]

    @property
    def verdict(self) -> Verdict:
        """fail: a finding; incomplete: none, but pod-bearing objects went unread; pass: neither."""
        return "fail" if self.findings_total else "incomplete" if self.unchecked else "pass"

    @property
    def checks_run(self) -> int:
        return len(self.checks)

    @property
    def failed(self) -> int:
        return sum(1 for c in self.checks if c.status == "fail")

    @property
    def passed(self) -> int:
        return len(self.checks) - self.failed


@functools.cache
def _kept_form() -> TypeAdapter[Result]:
    return TypeAdapter(Result)


def result_json(result: Result) -> str:
    """A result as it is kept: its fields plus the verdict and counts, the shape earlier releases
    kept (and still read, from a database replicas share)."""
    data = _kept_form().dump_python(result, mode="json")
    data.update(
        verdict=result.verdict,
        checks_run=result.checks_run,
        passed=result.passed,
        failed=result.failed,
        more=None,
    )
    return json.dumps(data)


def result_from_json(text: str) -> Result:
    """A kept result back (the derived verdict and counts are recomputed, not read)."""
    return _kept_form().validate_json(text)


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
) -> tuple[list[Violation], list[CheckStatus], int]:
    """Run the framework's checks at `version` over the pods (and, for checks that apply to other
    kinds, over those `objects`): findings, per-check summaries, and how many checks ran."""
    minor = int(version.split(".")[1]) if framework.versioned else 0
    active = [(check, compile_version(check, v)) for check, v in policies.checks_for(framework.name, minor)]
    if not active:
        raise NotFound(
            f"Framework {framework.name} has no checks at {version}.",
            "Add policy files for it, or pick another version.",
        )
    findings: list[Violation] = []
    failed_objects = {check.id: 0 for check, _ in active}
    on_pods = [(c, v) for c, v in active if not c.applies_to]
    on_objects = [(c, v, [o for o in objects if o.kind in c.applies_to]) for c, v in active if c.applies_to]

    def run(check: Any, compiled: Any, subject: PodUnderCheck) -> None:
        violations = compiled.run(subject)
        if violations:
            failed_objects[check.id] += 1
            for v in violations:
                findings.append(
                    Violation(
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
        CheckStatus(
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
) -> tuple[list[Violation], list[CheckStatus], list[Source]]:
    chosen = policies.controls_for(framework.name)
    if not chosen:
        raise NotFound(f"Framework {framework.name} has no controls.", "Add control policy files for it.")
    now = time.time()
    findings: list[Violation] = []
    summaries: list[CheckStatus] = []
    facts: dict[str, dict[str, Any]] = {}
    for control in chosen:
        outcome = controls.run_test(control.test, suite, control.params, now)
        facts[control.id] = {"ok": outcome.ok, "message": outcome.message}
        summaries.append(
            CheckStatus(
                check=control.id,
                title=control.title,
                reference=control.reference,
                status="pass" if outcome.ok else "fail",
                failed_objects=0 if outcome.ok else 1,
            )
        )
        if not outcome.ok:
            findings.append(
                Violation(
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
) -> Result:
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
    """What a check of one target found, before it becomes a Result."""

    findings: list[Violation]
    summaries: list[CheckStatus]
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


def _result(framework: Framework, resolved: str, checked: _Checked) -> Result:
    return Result(
        id=f"chk_{uuid.uuid4().hex[:16]}",
        framework=framework.name,
        version=resolved,
        target=checked.label[:300],
        checked_at=time.time(),
        objects_checked=checked.objects,
        findings=checked.findings[:MAX_FINDINGS_RETURNED],
        findings_total=len(checked.findings),
        checks=checked.summaries,
        skipped_kinds=checked.skipped,
        unchecked=checked.unchecked,
        subjects=[{"name": s.name, "sha256": s.sha256} for s in checked.subjects],
    )


def _keep(suite: Suite, result: Result, owner: str | None) -> None:
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
                "result": result_json(result),
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


def stored_result(suite: Suite, result_id: str, principal: str | None = None) -> Result:
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
    return result_from_json(row["result"])
