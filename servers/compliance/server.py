"""compliance's MCP surface. The logic lives in the domain modules beside this file."""

from __future__ import annotations

import json
import os
from typing import Annotated, Literal

from mcp.server.mcpserver import Context
from pydantic import Field

from servers.compliance import prompts
from shared.files import allowed_roots
from shared.ownership import current_principal
from shared.server import create_server, run
from shared.tools import Progress

kit = create_server(
    "compliance",
    title="HDR compliance",
    description="Checks policies (Pod Security Standards, GDPR/HIPAA/SOC2 controls), signs in-toto "
    "attestations and verifies the audit trail.",
)
mcp = kit.mcp
# Keys are generated per installation, so the card names where to fetch them rather than the keys.
kit.card_metadata["attestationKeys"] = {
    "resource": "compliance://keys",
    "format": "securesystemslib",
    "algorithms": ["ed25519", "ml-dsa-65"],
}

# imported after kit: these modules are light (no heavy libraries at import time)
from servers.compliance import attestations, checking, trail  # noqa: E402
from servers.compliance.keys import Keyring  # noqa: E402
from servers.compliance.models import (  # noqa: E402
    Attestation,
    AttestationList,
    AuditTrail,
    CheckResult,
    PolicyCatalog,
    Rotation,
    Verification,
)
from servers.compliance.policy import USER_POLICY_ENV, current_policies  # noqa: E402

Target = Annotated[
    str,
    Field(
        description="Kubernetes manifest YAML text (multi-document allowed), a path to a "
        "manifest file or directory, 'cluster' (the cluster forge is connected "
        "to), or 'suite' (for gdpr, hipaa, soc2)"
    ),
]
FrameworkName = Annotated[
    str,
    Field(
        description="pss-baseline, pss-restricted, k8s-best-practices, k8s-hardening, "
        "gdpr, hipaa, soc2 (or a user-defined one; see policies)"
    ),
]
Version = Annotated[str, Field(description='"latest" or a Kubernetes version such as "v1.30" (PSS only)')]


@kit.tool(
    examples=[
        "do these manifests meet pod security restricted?",
        "check the suite against our GDPR controls",
    ],
    title="Check compliance",
    read_only=False,
    idempotent=False,
)
def check(
    target: Target,
    framework: FrameworkName,
    version: Version = "latest",
    detail: Annotated[
        Literal["summary", "full"],
        Field(description="summary (default): the 20 most severe findings; full: up to 500"),
    ] = "summary",
    *,
    progress: Progress,
    ctx: Context,
) -> CheckResult:
    """Check Kubernetes manifests (text, path, or the connected cluster) against the Pod Security Standards,
    best practices or hardening (RBAC, network exposure, workload hygiene), or the suite itself against
    GDPR/HIPAA/SOC2 controls. Use it in CI before merging manifests, or when asked whether something is
    compliant. Returns verdict pass/fail/incomplete, counts, and the most severe findings (check id,
    severity, object kind/namespace/name, field path, message, remediation); the whole result is kept under
    `id` for `attest` and compliance://checks/<id>. Pod-bearing objects it cannot read make the verdict
    "incomplete", never "pass". A path is read only under the folders this server may read (the client's roots)."""
    result = checking.run_check(
        kit.suite,
        target,
        framework,
        version,
        tick=lambda done, total: progress(done, total, "checking pods"),
        roots=allowed_roots(ctx) if checking.needs_roots(target) else [],
        owner=current_principal(),
    )
    return CheckResult.of(result, detail)


@kit.tool(
    examples=["which compliance frameworks and checks do you know?"],
    title="List policies",
    read_only=True,
    idempotent=True,
)
def policies(
    framework: Annotated[str | None, Field(description="Only this framework")] = None,
) -> PolicyCatalog:
    """List the compliance frameworks, their versions and their checks or controls (with the article or
    criterion each serves). Use it to see what `check` can evaluate."""
    loaded = current_policies()
    names = [loaded.framework(framework).name] if framework else sorted(loaded.frameworks)
    return PolicyCatalog.of(loaded, names, os.environ.get(USER_POLICY_ENV))


@kit.tool(
    examples=["sign an attestation that the cluster met PSS restricted today"],
    title="Sign an attestation",
    read_only=False,
    idempotent=False,
)
def attest(
    target: Annotated[
        str | None, Field(description="What to check and attest (as for `check`); omit when giving result_id")
    ] = None,
    framework: Annotated[str | None, Field(description="Framework to check against (as for `check`)")] = None,
    version: Version = "latest",
    result_id: Annotated[
        str | None, Field(description="Sign this stored `check` result instead of checking again")
    ] = None,
    predicate: Annotated[
        Literal["test-result", "vsa"],
        Field(description="test-result (in-toto test result v0.1) or vsa (SLSA verification summary v1)"),
    ] = "test-result",
    expires_in_days: Annotated[float, Field(description="Validity in days (up to 3650)")] = 90,
    post_quantum: Annotated[bool, Field(description="Also sign with ML-DSA-65")] = False,
    *,
    ctx: Context,
) -> Attestation:
    """Issue a signed, independently verifiable attestation that a target met (or failed) a framework: an
    in-toto Statement v1 in a DSSE envelope signed with Ed25519 (and ML-DSA-65 if post_quantum). Use it when
    someone needs proof, e.g. for an auditor. Returns the attestation id, verdict, expiry and the envelope."""
    return Attestation.of(
        attestations.attest(
            kit.suite,
            target=target,
            framework=framework,
            version=version,
            result_id=result_id,
            predicate=predicate,
            expires_in_days=expires_in_days,
            post_quantum=post_quantum,
            roots=allowed_roots(ctx) if target and checking.needs_roots(target) else [],
            owner=current_principal(),
        )
    )


@kit.tool(
    examples=["is this attestation envelope genuine and still valid?"],
    title="Verify an attestation",
    read_only=True,
    idempotent=True,
)
def verify_attestation(
    envelope: Annotated[str, Field(description="The DSSE envelope JSON, or an attestation id (att_...)")],
    subject: Annotated[
        str | None,
        Field(
            description="Optional: the attested content (sha256 hex, a file path, "
            "or the manifest text) to match against the subjects"
        ),
    ] = None,
    *,
    ctx: Context,
) -> Verification:
    """Verify an attestation: every signature against the suite's keys (including rotated ones), its expiry,
    that the audit log still holds the record it pinned when signed, and optionally that a given subject is
    the one attested. Returns valid true/false with the reasons, per-signature results, and what the
    statement says (framework, version, PASSED/FAILED)."""
    text = envelope.strip()
    if text.startswith("att_") and len(text) < 64:
        envelope = attestations.get_attestation(kit.suite, text, current_principal())
    return Verification.of(
        attestations.verify(
            kit.suite,
            envelope,
            subject,
            roots=allowed_roots(ctx) if subject and checking.needs_roots(subject) else [],
        )
    )


@kit.tool(
    examples=["list the attestations we issued this month"],
    title="List attestations",
    read_only=True,
    idempotent=True,
    name="attestations",
)
def list_attestations(
    framework: Annotated[str | None, Field(description="Only this framework")] = None,
    include_expired: Annotated[bool, Field(description="Also list expired attestations")] = False,
    limit: Annotated[int, Field(description="At most this many, newest first (1-500)")] = 50,
) -> AttestationList:
    """List stored attestations (newest first) with their framework, verdict, expiry and envelope."""
    return AttestationList.of(
        attestations.list_attestations(kit.suite, framework, include_expired, limit, current_principal())
    )


@kit.tool(
    examples=["rotate the attestation signing keys"],
    title="Rotate signing keys",
    read_only=False,
    idempotent=False,
)
def rotate_keys() -> Rotation:
    """Retire the current attestation signing keys (Ed25519 and ML-DSA-65) and create new ones. Older
    attestations keep verifying with the retired public keys. Returns the retired and new key ids."""
    return Rotation.of(Keyring(kit.suite).rotate())


@kit.tool(
    examples=[
        "anchor the audit log so that deleting its newest records would show",
        "sign today's audit log head for the auditor",
    ],
    title="Anchor the audit log",
    read_only=False,
    idempotent=False,
)
def anchor_audit(
    expires_in_days: Annotated[float, Field(description="Validity in days (up to 3650)")] = 365,
    post_quantum: Annotated[bool, Field(description="Also sign with ML-DSA-65")] = False,
) -> Attestation:
    """Verify the whole audit log, then sign its newest record (seq and hash) as an in-toto attestation.
    The hash chain shows records edited or deleted between others, not the newest ones deleted; this does:
    keep the envelope, and verify_attestation with it later fails if that record or any before it is gone or
    rewritten (audit_trail checks every stored anchor, and every attestation pins the head too)."""
    return Attestation.of(
        attestations.anchor_audit(kit.suite, expires_in_days, post_quantum, owner=current_principal())
    )


@kit.tool(
    examples=["show what forge changed this week and whether the audit log is intact"],
    title="Audit trail",
    read_only=True,
    idempotent=True,
)
def audit_trail(
    server: Annotated[
        str | None, Field(description="Only records of this server (forge, phantom, ...)")
    ] = None,
    tool: Annotated[str | None, Field(description="Only records of this tool")] = None,
    since: Annotated[
        float | None, Field(description="Only records at or after this Unix time (seconds)")
    ] = None,
    verify: Annotated[bool, Field(description="Also verify the whole hash chain")] = True,
    limit: Annotated[int, Field(description="At most this many records, newest first (1-1000)")] = 100,
) -> AuditTrail:
    """Read the suite's hash-chained audit log (who called which state-changing tool, when, with what
    outcome) and verify the chain, naming the first edited, deleted or reordered record if any, and that it
    still holds every record an attestation pinned (the newest records deleted show there)."""
    return AuditTrail.of(trail.audit_trail(kit.suite, server, tool, since, verify, limit))


@mcp.resource(
    "compliance://keys",
    name="compliance-keys",
    title="Attestation public keys",
    description="Public keys that sign compliance attestations (securesystemslib key format, with "
    "keyid), current and retired.",
    mime_type="application/json",
)
def keys_resource() -> str:
    return json.dumps({"keys": [k.to_dict() for k in Keyring(kit.suite).public_keys()]}, indent=2)


prompts.register(kit)  # prompts, completions and resources: servers/compliance/prompts.py


def main() -> None:
    run(kit)


if __name__ == "__main__":
    main()
