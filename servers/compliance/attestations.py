"""Signed attestations of check results, and their verification.

An attestation is an in-toto Statement v1 in a DSSE envelope signed with the suite's Ed25519
key and, on request, also with its ML-DSA-65 key. Subjects are the SHA-256 digests of the
checked content (each manifest file or text; the canonical JSON of the cluster's objects; a
digest of the suite's evidence). Predicates:

- `test-result` (https://in-toto.io/attestation/test-result/v0.1): result PASSED/FAILED, the
  checks that passed and failed, the policy files as configuration;
- `vsa` (https://slsa.dev/verification_summary/v1): a SLSA verification summary with
  verificationResult PASSED/FAILED and the framework@version as the policy.

Both predicates carry an extension object `hdrCompliance` with the stored result id,
framework, version, checked time and `expiresAt` (Unix seconds); verification fails after it.

Every attestation also pins the suite's audit log: `hdrCompliance.auditHead` is the newest
record's seq and hash when it was signed. The log's hash chain shows any record edited, deleted
or moved between others, but not its newest records deleted: a signed pin does. Verifying an
attestation checks the log still holds that record unchanged, and `audit_trail` checks every
pin stored here. `anchor_audit` signs a pin on its own (predicate `audit-head`, subject the head
record's hash) for an auditor to keep, or for a pipeline to take daily.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from servers.compliance import dsse, pins
from servers.compliance.attestation_results import Checked, Listing, SignatureCheck, Signed
from servers.compliance.checking import (
    Result,
    ensure_owners,
    owner_filter,
    publish_latest,
    run_check,
    set_owner,
    stored_result,
)
from servers.compliance.keys import ED25519, MLDSA65, Keyring
from servers.compliance.manifests import MAX_TEXT_BYTES, looks_like_path
from servers.compliance.pins import ATTESTATIONS_SCHEMA
from servers.compliance.policy import current_policies
from shared.errors import BadInput, NotFound, Refused
from shared.suite import Suite

TEST_RESULT = "https://in-toto.io/attestation/test-result/v0.1"
VSA = "https://slsa.dev/verification_summary/v1"
PREDICATES = {"test-result": TEST_RESULT, "vsa": VSA}
AUDIT_HEAD = "https://github.com/hdr-empire/compliance/audit-head/v1"
AUDIT_LOG_SUBJECT = "hdr-audit-log"
VERIFIER_ID = "https://github.com/hdr-empire/compliance"
MAX_ENVELOPE_CHARS = 2_000_000
MAX_EXPIRY_DAYS = 3650

SCHEMA = ATTESTATIONS_SCHEMA


def _rfc3339(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _policy_digest(framework: str) -> tuple[str, list[dict[str, Any]]]:
    policies = current_policies()
    sources = sorted(
        {c.source for c in policies.checks.values() if framework in c.frameworks}
        | {c.source for c in policies.controls.values() if framework in c.frameworks}
    )
    described = []
    whole = hashlib.sha256()
    for source in sources:
        data = Path(source).read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        whole.update(f"{Path(source).name}:{digest}\n".encode())
        described.append({"name": Path(source).name, "digest": {"sha256": digest}})
    return whole.hexdigest(), described


def _audit_head(suite: Suite) -> dict[str, Any]:
    seq, digest = suite.audit.head()
    return {"seq": seq, "sha256": digest}


def _predicate(
    kind: str, result: Result, attestation_id: str, expires_at: float, audit_head: dict[str, Any]
) -> dict[str, Any]:
    extension = {
        "attestationId": attestation_id,
        "resultId": result.id,
        "framework": result.framework,
        "version": result.version,
        "target": result.target,
        "checkedAt": result.checked_at,
        "expiresAt": expires_at,
        "findings": result.findings_total,
        "objectsChecked": result.objects_checked,
        "auditHead": audit_head,
        "verdict": result.verdict,
        "unchecked": [u.object for u in result.unchecked][:100],
    }
    # "incomplete" (pod-bearing objects left unread) is not a pass: FAILED, with the reason in hdrCompliance
    outcome = "PASSED" if result.verdict == "pass" else "FAILED"
    policy_digest, configuration = _policy_digest(result.framework)
    if kind == "test-result":
        return {
            "result": outcome,
            "configuration": configuration,
            "passedTests": [c.check for c in result.checks if c.status == "pass"],
            "warnedTests": [],
            "failedTests": [c.check for c in result.checks if c.status == "fail"],
            "hdrCompliance": extension,
        }
    level = f"HDR_{result.framework.upper().replace('-', '_')}_{result.version.upper().replace('.', '_')}"
    return {
        "verifier": {"id": VERIFIER_ID},
        "timeVerified": _rfc3339(result.checked_at),
        "resourceUri": result.target,
        "policy": {
            "uri": f"hdr-compliance:{result.framework}@{result.version}",
            "digest": {"sha256": policy_digest},
        },
        "inputAttestations": [],
        "verificationResult": outcome,
        "verifiedLevels": [level] if outcome == "PASSED" else [],
        "slsaVersion": "1.0",
        "hdrCompliance": extension,
    }


def _signing(suite: Suite, post_quantum: bool, expires_in_days: float) -> tuple[list[Any], str, float, float]:
    """(signers, a new attestation id, now, expiry) for one attestation."""
    keyring = Keyring(suite)
    signers = [keyring.signer(ED25519)] + ([keyring.signer(MLDSA65)] if post_quantum else [])
    created = time.time()
    return signers, f"att_{uuid.uuid4().hex[:16]}", created, created + expires_in_days * 86_400


def _envelope(statement: dict[str, Any], signers: list[Any]) -> str:
    return json.dumps(
        dsse.sign_envelope(json.dumps(statement, sort_keys=True).encode(), signers), sort_keys=True
    )


def attest(
    suite: Suite,
    *,
    target: str | None,
    framework: str | None,
    version: str = "latest",
    result_id: str | None = None,
    predicate: str = "test-result",
    expires_in_days: float = 90,
    post_quantum: bool = False,
    roots: list[Path] | None = None,
    owner: str | None = None,
) -> Signed:
    """Sign a stored result (result_id) or a fresh check of target+framework (a path read only under
    `roots`, as for `check`). The attestation (and a fresh result) belong to `owner` (None: the operator)."""
    if predicate not in PREDICATES:
        raise BadInput(f"Predicate {predicate[:40]!r} is not known.", "Send 'test-result' or 'vsa'.")
    if not 0 < expires_in_days <= MAX_EXPIRY_DAYS:
        raise BadInput(f"expires_in_days must be between 0 and {MAX_EXPIRY_DAYS}.", "Send e.g. 90.")
    if result_id:
        result = stored_result(suite, result_id, owner)
    elif target and framework:
        result = run_check(suite, target, framework, version, roots=roots, owner=owner)
    else:
        raise BadInput("Nothing to attest.", "Send `result_id` from a check, or `target` and `framework`.")
    signers, attestation_id, created, expires = _signing(suite, post_quantum, expires_in_days)
    head = _audit_head(suite)
    envelope = _envelope(
        dsse.statement(
            result.subjects,
            PREDICATES[predicate],
            _predicate(predicate, result, attestation_id, expires, head),
        ),
        signers,
    )
    record = Signed(
        id=attestation_id,
        result_id=result.id,
        framework=result.framework,
        version=result.version,
        target=result.target,
        verdict=result.verdict,
        predicate_type=PREDICATES[predicate],
        created_at=created,
        expires_at=expires,
        keyids=[k for k, _ in signers],
        subjects=result.subjects,
        envelope=envelope,
    )
    with _store(suite, record, head["seq"], owner) as _:
        publish_latest(suite, result.framework, result.verdict, result.checked_at, attestation_id)
    _remember(suite, result, attestation_id, expires)
    return record


def _remember(suite: Suite, result: Result, attestation_id: str, expires: float) -> None:
    """The attestation, as a decision in the shared memory."""
    suite.record(
        f"Signed attestation {attestation_id}: {result.target} {result.verdict} {result.framework} "
        f"{result.version}, valid until {_rfc3339(expires)}.",
        "decision",
        source="compliance",
        tool="attest",
        tags=[result.framework, result.verdict, "attestation"],
        extra={"attestation_id": attestation_id, "result_id": result.id},
    )


@contextmanager
def _store(suite: Suite, record: Signed, pinned_seq: int, owner: str | None) -> Iterator[Any]:
    """Insert the attestation in a transaction the caller may add to; then keep it beside the database
    as the newest pin (pins.py)."""
    suite.store.ensure_schema("compliance_attestations", SCHEMA)
    ensure_owners(suite)
    with suite.store.transaction() as db:
        db.execute(
            "INSERT INTO compliance_attestations VALUES (:id, :result_id, :framework, :version, :target,"
            " :verdict, :predicate_type, :created_at, :expires_at, :keyids, :envelope)",
            {
                "id": record.id,
                "result_id": record.result_id,
                "framework": record.framework,
                "version": record.version,
                "target": record.target,
                "verdict": record.verdict,
                "predicate_type": record.predicate_type,
                "created_at": record.created_at,
                "expires_at": record.expires_at,
                "keyids": json.dumps(record.keyids),
                "envelope": record.envelope,
            },
        )
        set_owner(suite, db, "attestation", record.id, owner)
        yield db
    pins.record_newest(suite, str(record.envelope), pinned_seq)


def anchor_audit(
    suite: Suite, expires_in_days: float = 365, post_quantum: bool = False, owner: str | None = None
) -> Signed:
    """Sign the audit log's newest record (seq and hash) after verifying the whole chain: kept by an
    auditor or stored here, it makes deleting that record, or any before it, detectable later."""
    if not 0 < expires_in_days <= MAX_EXPIRY_DAYS:
        raise BadInput(f"expires_in_days must be between 0 and {MAX_EXPIRY_DAYS}.", "Send e.g. 365.")
    report = suite.audit.verify()
    if not report.ok:
        raise Refused(
            f"The audit log is broken at record {report.first_bad_seq} ({report.reason}); signing its head "
            "would vouch for it.",
            "Investigate with audit_trail first.",
        )
    head = _audit_head(suite)
    if head["seq"] == 0:
        raise Refused(
            "The audit log is empty: there is no record to anchor.", "Anchor it once tools have run."
        )
    signers, attestation_id, created, expires = _signing(suite, post_quantum, expires_in_days)
    subjects = [{"name": f"{AUDIT_LOG_SUBJECT}@{head['seq']}", "sha256": head["sha256"]}]
    predicate = {
        "records": report.records,
        "chainVerified": True,
        "verifiedAt": _rfc3339(created),
        "hdrCompliance": {
            "attestationId": attestation_id,
            "framework": "audit-log",
            "version": "v1",
            "expiresAt": expires,
            "auditHead": head,
        },
    }
    envelope = _envelope(dsse.statement(subjects, AUDIT_HEAD, predicate), signers)
    record = Signed(
        id=attestation_id,
        result_id=f"audit-head-{head['seq']}",
        framework="audit-log",
        version="v1",
        target=AUDIT_LOG_SUBJECT,
        verdict="pass",
        predicate_type=AUDIT_HEAD,
        created_at=created,
        expires_at=expires,
        keyids=[k for k, _ in signers],
        subjects=subjects,
        envelope=envelope,
    )
    with _store(suite, record, head["seq"], owner):
        pass
    suite.record(
        f"Anchored the audit log at record {head['seq']} (attestation {attestation_id}).",
        "decision",
        source="compliance",
        tool="anchor_audit",
        tags=["audit", "attestation"],
        extra={"attestation_id": attestation_id, "seq": head["seq"]},
    )
    return record


def list_attestations(
    suite: Suite,
    framework: str | None = None,
    include_expired: bool = False,
    limit: int = 50,
    principal: str | None = None,
) -> Listing:
    """The attestations `principal` may see (its own and those a grant shares; the operator sees all)."""
    suite.store.ensure_schema("compliance_attestations", SCHEMA)
    mine, params = owner_filter(suite, "attestation", "compliance_attestations.id", principal)
    where = [mine]
    if framework:
        where.append("framework=:framework")
        params["framework"] = framework[:100]
    if not include_expired:
        where.append("expires_at>:now")
        params["now"] = time.time()
    db = suite.store.connection()
    total = db.execute(
        f"SELECT COUNT(*) FROM compliance_attestations WHERE {' AND '.join(where)}", params
    ).fetchone()[0]
    rows = db.execute(
        f"SELECT * FROM compliance_attestations WHERE {' AND '.join(where)} ORDER BY created_at DESC LIMIT :limit",
        {**params, "limit": max(1, min(limit, 500))},
    ).fetchall()
    return Listing(
        total=total,
        attestations=[
            Signed(
                id=r["id"],
                result_id=r["result_id"],
                framework=r["framework"],
                version=r["version"],
                target=r["target"],
                verdict=r["verdict"],
                predicate_type=r["predicate_type"],
                created_at=r["created_at"],
                expires_at=r["expires_at"],
                keyids=json.loads(r["keyids"]),
                envelope=r["envelope"],
            )
            for r in rows
        ],
    )


def get_attestation(suite: Suite, attestation_id: str, principal: str | None = None) -> str:
    """The envelope of a stored attestation `principal` may see; another caller's is "not found"."""
    suite.store.ensure_schema("compliance_attestations", SCHEMA)
    mine, params = owner_filter(suite, "attestation", "compliance_attestations.id", principal)
    row = (
        suite.store.connection()
        .execute(
            f"SELECT envelope FROM compliance_attestations WHERE id=:id AND {mine}",
            {"id": attestation_id[:100], **params},
        )
        .fetchone()
    )
    if row is None:
        raise NotFound(f"No attestation {attestation_id[:100]!r}.", "List them with the attestations tool.")
    return row["envelope"]


def _subject_digest(subject: str, roots: list[Path] | None) -> str:
    """A sha256 given as such, the digest of a file (read only under `roots`, size-checked first),
    or of the text itself."""
    text = subject.strip()
    lowered = text.lower().removeprefix("sha256:")
    if len(lowered) == 64 and all(c in "0123456789abcdef" for c in lowered):
        return lowered
    if looks_like_path(text):
        from shared.files import allowed_roots, read_confined

        if text.startswith("file:"):
            from urllib.parse import unquote, urlparse

            text = unquote(urlparse(text).path)
        data = read_confined(
            text, allowed_roots() if roots is None else roots, max_bytes=MAX_TEXT_BYTES, what="subject"
        )
        return hashlib.sha256(data).hexdigest()
    return hashlib.sha256(subject.encode("utf-8", "surrogatepass")).hexdigest()


def verify(
    suite: Suite,
    envelope: str,
    subject: str | None = None,
    now: float | None = None,
    check_audit: bool = True,
    roots: list[Path] | None = None,
) -> Checked:
    """Check every signature against the suite's keys (current and retired), the expiry and,
    when given, that `subject` (a sha256 digest, a file path, or the checked text) is one of
    the attested subjects. Problems are reported as reasons with valid=False, never raised."""
    _check_envelope_size(envelope)
    reasons: list[str] = []
    try:
        payload_type, payload, signatures = dsse.parse_envelope(envelope)
    except dsse.EnvelopeError as exc:
        return Checked(valid=False, reasons=[str(exc)], signatures=[])
    if payload_type != dsse.IN_TOTO_PAYLOAD_TYPE:
        reasons.append(f"payloadType is not {dsse.IN_TOTO_PAYLOAD_TYPE}")
    checks = _signature_checks(suite, signatures, dsse.pae(payload_type, payload))
    bad = [c for c in checks if not c.valid]
    if bad:
        reasons.append(f"{len(bad)} of {len(checks)} signatures failed")
    if not any(c.valid and c.algorithm == ED25519 for c in checks):
        reasons.append("no valid Ed25519 signature from the suite's keys")
    out = Checked(valid=False, reasons=reasons, signatures=checks)
    try:
        _read_statement(out, payload)
    except (ValueError, TypeError, AttributeError, KeyError):
        reasons.append("the payload is not an in-toto Statement v1")
        out.reasons = reasons
        return out
    current = time.time() if now is None else now
    if out.expires_at is None:
        reasons.append("the statement carries no expiry (hdrCompliance.expiresAt)")
    elif current > out.expires_at:
        reasons.append(f"expired at {_rfc3339(out.expires_at)}")
    if out.audit_head is not None and out.audit_head["seq"] > 0 and check_audit:
        reasons += _audit_head_reasons(suite, out, out.audit_head["seq"], out.audit_head["sha256"])
    if subject is not None:
        digest = _subject_digest(subject, roots)
        out.subject_matched = any(s["sha256"] == digest for s in out.subjects)
        if not out.subject_matched:
            reasons.append(f"the subject's sha256 {digest[:16]}... is not among the attested subjects")
    out.reasons, out.valid = reasons, not reasons
    return out


def _check_envelope_size(envelope: str) -> None:
    if not isinstance(envelope, str) or not envelope.strip():
        raise BadInput("`envelope` is empty.", "Send the DSSE envelope JSON that attest returned.")
    if len(envelope) > MAX_ENVELOPE_CHARS:
        raise BadInput(
            f"The envelope is {len(envelope)} characters; attestations are far smaller.",
            "Send the envelope that attest returned.",
        )


def _signature_checks(
    suite: Suite, signatures: list[tuple[str, bytes]], message: bytes
) -> list[SignatureCheck]:
    """Each signature against the trusted keys (audit-pin.pub), never the key table: whoever writes
    the database could add to it."""
    trusted = pins.trusted_keys(suite)
    checks: list[SignatureCheck] = []
    for keyid, sig in signatures:
        key = trusted.get(keyid) if keyid else None
        if key is None:
            checks.append(
                SignatureCheck(
                    keyid=keyid[:80],
                    algorithm=None,
                    valid=False,
                    reason="unknown key id (not one of the trusted keys in audit-pin.pub)",
                )
            )
            continue
        try:
            key.verify(sig, message)
            checks.append(SignatureCheck(keyid=keyid, algorithm=key.algorithm, valid=True))
        except Exception:  # cryptography raises InvalidSignature (or ValueError for wrong lengths)
            checks.append(
                SignatureCheck(
                    keyid=keyid,
                    algorithm=key.algorithm,
                    valid=False,
                    reason="signature does not verify (payload or signature altered)",
                )
            )
    return checks


def _read_statement(out: Checked, payload: bytes) -> None:
    """Fill `out` from the in-toto Statement; raises ValueError (or a lookup error) when it is not one."""
    body = json.loads(payload)
    if not isinstance(body, dict) or body.get("_type") != dsse.STATEMENT_TYPE:
        raise ValueError
    predicate = body.get("predicate") or {}
    extension = predicate.get("hdrCompliance") or {}
    out.predicate_type = str(body.get("predicateType"))
    out.subjects = [
        {"name": str(s.get("name")), "sha256": str((s.get("digest") or {}).get("sha256"))}
        for s in body.get("subject") or []
        if isinstance(s, dict)
    ]
    out.framework, out.version = extension.get("framework"), extension.get("version")
    out.result = predicate.get("result") or predicate.get("verificationResult")
    out.expires_at = float(extension["expiresAt"]) if extension.get("expiresAt") is not None else None
    pin = extension.get("auditHead")
    if pin is not None:
        out.audit_head = {"seq": int(pin["seq"]), "sha256": str(pin["sha256"])}


def _audit_head_reasons(suite: Suite, out: Checked, seq: int, digest: str) -> list[str]:
    """Whether the audit log still holds the record the statement pinned, as it was when signed."""
    out.audit_head_intact = suite.audit.hash_at(seq) == digest
    if out.audit_head_intact:
        return []
    newest = suite.audit.head()[0]
    return [
        f"the audit log no longer holds record {seq} as it was when this was signed: "
        + (
            "it now ends at record " + str(newest) + " (the newest records were deleted)"
            if newest < seq
            else "records were rewritten"
        )
    ]
