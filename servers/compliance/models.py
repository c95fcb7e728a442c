"""What compliance's tools return (pydantic models: structured output for MCP clients)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


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


class CheckSummary(BaseModel):
    check: str
    title: str
    reference: str = ""
    status: Literal["pass", "fail"]
    failed_objects: int = 0


class UncheckedObject(BaseModel):
    object: str = Field(description="kind/namespace/name of a pod-bearing object the checks could not read")
    reason: str


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


class PolicyCheckInfo(BaseModel):
    id: str
    title: str
    severity: str
    versions: list[str] = Field(description="Versions in which the check's rules changed (since)")
    reference: str = ""
    source: str


class FrameworkInfo(BaseModel):
    name: str
    title: str
    target: Literal["pods", "suite"]
    versions: list[str]
    reference: str
    checks: list[PolicyCheckInfo]


class PolicyCatalog(BaseModel):
    frameworks: list[FrameworkInfo]
    user_policy_dir: str | None


class AuditEntry(BaseModel):
    seq: int
    ts: float
    server: str
    tool: str
    caller: str
    outcome: str
    detail: str
    hash: str


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
