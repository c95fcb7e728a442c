"""What attestations.py returns: the typed results of signing, listing and verifying attestations.
pydantic models, so that the output models in servers/compliance/models.py inherit their fields
(and descriptions) instead of repeating them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, Field


class Signed(BaseModel):
    # An attestation as signed and stored; models.Attestation is its output form (inherits these fields).

    id: str
    result_id: str
    framework: str
    version: str
    target: str
    verdict: Literal["pass", "fail", "incomplete"]
    predicate_type: str
    created_at: float
    expires_at: float
    keyids: list[str]
    subjects: list[dict[str, str]] = Field(default_factory=list)
    envelope: str | None = Field(
        None,
        description="The DSSE envelope (JSON); give it to verify_attestation or any "
        "DSSE verifier with the keys from compliance://keys",
    )


class SignatureCheck(BaseModel):
    # One signature checked against the trusted keys (shown as it is, inside models.Verification).

    keyid: str
    algorithm: str | None
    valid: bool
    reason: str | None = None


class Checked(BaseModel):
    # What verify found; filled in as the checks run. models.Verification is its output form.

    valid: bool = Field(
        description="True only if every signature verified, it has not expired and the subject "
        "(if given) matches"
    )
    reasons: list[str] = Field(description="Why it is not valid (empty when valid)")
    signatures: list[SignatureCheck]
    predicate_type: str | None = None
    subjects: list[dict[str, str]] = Field(default_factory=list)
    framework: str | None = None
    version: str | None = None
    result: str | None = Field(
        None, description="PASSED or FAILED: what the attestation says about the subject"
    )
    expires_at: float | None = None
    subject_matched: bool | None = None
    audit_head: dict[str, Any] | None = Field(
        None, description="The audit log record it pinned when signed (seq, sha256)"
    )
    audit_head_intact: bool | None = Field(
        None,
        description="Whether this suite's audit log still holds that "
        "record unchanged (false: records were deleted or "
        "rewritten since); null when it pins none",
    )


@dataclass(frozen=True)
class Listing:
    """A page of the attestations a caller may see, newest first, and how many there are in all."""

    attestations: list[Signed]
    total: int
