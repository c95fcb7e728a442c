"""What compliance's tools return (pydantic models: structured output for MCP clients)."""

from __future__ import annotations

import os
from typing import Literal

from pydantic import BaseModel, Field

from servers.compliance.attestation_results import Checked, Listing, Signed
from servers.compliance.checking import (
    SEVERITY_ORDER,
    SUMMARY_FINDINGS,
    SUMMARY_SUBJECTS,
    CheckStatus,
    Result,
    Violation,
)
from servers.compliance.manifests import Unchecked
from servers.compliance.policy import Check, Control, Framework, PolicySet
from servers.compliance.trail import Trail
from shared.audit import AuditRecord


class Finding(BaseModel):
    check: str = Field(description="Check or control id (pod-security-admission's ids for PSS)")
    severity: str
    object: str = Field(description="kind/namespace/name ('-' when no namespace); 'suite' for controls")
    field: str = Field(
        description="Field path in the object, e.g. spec.template.spec.containers[0].securityContext"
    )
    message: str
    remediation: str
    reference: str = Field("", description="The standard's article or criterion this check serves")

    @classmethod
    def of(cls, violation: Violation) -> Finding:
        return cls.model_validate(violation, from_attributes=True)


class CheckSummary(BaseModel):
    check: str
    title: str
    reference: str = ""
    status: Literal["pass", "fail"]
    failed_objects: int = 0

    @classmethod
    def of(cls, status: CheckStatus) -> CheckSummary:
        return cls.model_validate(status, from_attributes=True)


class UncheckedObject(BaseModel):
    object: str = Field(description="kind/namespace/name of a pod-bearing object the checks could not read")
    reason: str

    @classmethod
    def of(cls, unchecked: Unchecked) -> UncheckedObject:
        return cls(object=unchecked.object, reason=unchecked.reason)


class CheckResult(BaseModel):
    id: str = Field(description="Stored result id; pass it to attest to sign this result")
    framework: str
    version: str
    target: str = Field(description="'suite', 'cluster', a path, or 'manifest text'")
    verdict: Literal["pass", "fail", "incomplete"] = Field(
        description="fail: at least one finding; incomplete: no finding, but some pod-bearing objects could not be "
        "read (see `unchecked`); pass: every pod-bearing object was checked and none failed"
    )
    checked_at: float
    objects_checked: int
    checks_run: int
    passed: int = Field(description="Checks (or controls) with no finding")
    failed: int = Field(description="Checks (or controls) with at least one finding")
    findings: list[Finding] = Field(
        description="The most severe findings first: 20 by default, up to 500 with detail='full'"
    )
    findings_total: int = Field(description="All findings, shown or not")
    checks: list[CheckSummary]
    skipped_kinds: dict[str, int] = Field(
        default_factory=dict, description="Objects of kinds that hold no pods"
    )
    unchecked: list[UncheckedObject] = Field(
        default_factory=list,
        description="Pod-bearing objects not checked (custom resources with no known pod template path): why",
    )
    subjects: list[dict[str, str]] = Field(
        default_factory=list, description="[{name, sha256}] of the checked content"
    )
    more: str | None = Field(
        None, description="What this answer left out and how to read it all (compliance://checks/<id>)"
    )

    @classmethod
    def of(cls, result: Result, detail: Literal["summary", "full"] = "full") -> CheckResult:
        """The whole kept result (`full`), or as `check` answers by default (`summary`): the
        SUMMARY_FINDINGS most severe findings (in check order within a severity), the first
        SUMMARY_SUBJECTS subjects, and `more` saying how to read the kept whole."""
        findings, subjects, more = result.findings, result.subjects, None
        if detail == "summary":
            findings, subjects, more = _summary(result)
        return cls(
            id=result.id,
            framework=result.framework,
            version=result.version,
            target=result.target,
            verdict=result.verdict,
            checked_at=result.checked_at,
            objects_checked=result.objects_checked,
            checks_run=result.checks_run,
            passed=result.passed,
            failed=result.failed,
            findings=[Finding.of(f) for f in findings],
            findings_total=result.findings_total,
            checks=[CheckSummary.of(c) for c in result.checks],
            skipped_kinds=result.skipped_kinds,
            unchecked=[UncheckedObject.of(u) for u in result.unchecked],
            subjects=subjects,
            more=more,
        )


def _summary(result: Result) -> tuple[list[Violation], list[dict[str, str]], str | None]:
    ranked = sorted(result.findings, key=lambda f: SEVERITY_ORDER.get(f.severity, len(SEVERITY_ORDER)))
    cut_findings = result.findings_total - min(len(ranked), SUMMARY_FINDINGS)
    cut_subjects = len(result.subjects) - SUMMARY_SUBJECTS
    if cut_findings <= 0 and cut_subjects <= 0:
        return result.findings, result.subjects, None
    left = [f"{cut_findings} more findings"] if cut_findings > 0 else []
    left += [f"{cut_subjects} more subjects"] if cut_subjects > 0 else []
    more = (
        f"Not shown: {', '.join(left)}. Read compliance://checks/{result.id} for the kept result "
        "(up to 500 findings), or call check again with detail='full'."
    )
    return ranked[:SUMMARY_FINDINGS], result.subjects[:SUMMARY_SUBJECTS], more


class PolicyCheckInfo(BaseModel):
    id: str
    title: str
    severity: str
    versions: list[str] = Field(description="Versions in which the check's rules changed (since)")
    reference: str = ""
    source: str

    @classmethod
    def of_check(cls, check: Check, framework: Framework) -> PolicyCheckInfo:
        return cls(
            id=check.id,
            title=check.title,
            severity=check.severity,
            versions=[f"v1.{v.since}" if framework.versioned else "latest" for v in check.versions],
            source=os.path.basename(check.source),
        )

    @classmethod
    def of_control(cls, control: Control) -> PolicyCheckInfo:
        return cls(
            id=control.id,
            title=control.title,
            severity=control.severity,
            versions=["latest"],
            reference=control.reference,
            source=os.path.basename(control.source),
        )


class FrameworkInfo(BaseModel):
    name: str
    title: str
    target: Literal["pods", "suite"]
    versions: list[str]
    reference: str
    checks: list[PolicyCheckInfo]

    @classmethod
    def of(cls, framework: Framework, policies: PolicySet) -> FrameworkInfo:
        name = framework.name
        if framework.target == "suite":
            items = [PolicyCheckInfo.of_control(c) for c in policies.controls_for(name)]
        else:
            checks = sorted(policies.checks.values(), key=lambda c: c.id)
            items = [PolicyCheckInfo.of_check(c, framework) for c in checks if name in c.frameworks]
        versions = ["latest"]
        if framework.versioned:
            versions = [f"v1.{m}" for m in range(framework.oldest, framework.latest + 1)] + versions
        return cls(
            name=name,
            title=framework.title,
            target="suite" if framework.target == "suite" else "pods",
            versions=versions,
            reference=framework.reference,
            checks=items,
        )


class PolicyCatalog(BaseModel):
    frameworks: list[FrameworkInfo]
    user_policy_dir: str | None

    @classmethod
    def of(cls, policies: PolicySet, names: list[str], user_policy_dir: str | None) -> PolicyCatalog:
        return cls(
            frameworks=[FrameworkInfo.of(policies.frameworks[n], policies) for n in names],
            user_policy_dir=user_policy_dir,
        )


class Rotation(BaseModel):
    retired: list[str] = Field(description="Key ids retired (still trusted for verifying older attestations)")
    active: list[str] = Field(description="Key ids now used for signing")

    @classmethod
    def of(cls, rotated: tuple[list[str], list[str]]) -> Rotation:
        """From Keyring.rotate's (retired, new) key ids."""
        return cls(retired=rotated[0], active=rotated[1])


class AuditEntry(BaseModel):
    seq: int
    ts: float
    server: str
    tool: str
    caller: str
    outcome: str
    detail: str
    hash: str

    @classmethod
    def of(cls, record: AuditRecord) -> AuditEntry:
        """The record without its argument digest and chain link (those are the chain's, not the reader's)."""
        return cls.model_validate(record, from_attributes=True)


class AuditTrail(BaseModel):
    records: list[AuditEntry] = Field(description="Matching records, newest first (at most `limit`)")
    matched: int
    verified: bool | None = Field(description="Whether the whole chain verified; null when not asked")
    chain_records: int | None = None
    first_bad_seq: int | None = None
    reason: str | None = None
    head: str | None = None
    anchors_checked: int | None = Field(
        None,
        description="Signed pins of the log's head (in attestations) checked "
        "against it: they catch the newest records deleted",
    )

    @classmethod
    def of(cls, trail: Trail) -> AuditTrail:
        records = [AuditEntry.of(r) for r in trail.records]
        check = trail.check
        if check is None:
            return cls(records=records, matched=trail.matched, verified=None)
        return cls(
            records=records,
            matched=trail.matched,
            verified=check.ok,
            chain_records=check.records,
            first_bad_seq=check.first_bad_seq,
            reason=check.reason,
            head=check.head,
            anchors_checked=check.pins_checked,
        )


class Attestation(Signed):
    @classmethod
    def of(cls, signed: Signed) -> Attestation:
        return cls.model_validate(signed.model_dump())


class AttestationList(BaseModel):
    attestations: list[Attestation]
    total: int

    @classmethod
    def of(cls, listing: Listing) -> AttestationList:
        return cls(attestations=[Attestation.of(a) for a in listing.attestations], total=listing.total)


class Verification(Checked):
    @classmethod
    def of(cls, checked: Checked) -> Verification:
        return cls.model_validate(checked.model_dump())
