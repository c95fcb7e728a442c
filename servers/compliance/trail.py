"""Reading and verifying the suite's hash-chained audit log."""

from __future__ import annotations

import math
import time

from servers.compliance import attestations
from servers.compliance.models import AuditEntry, AuditTrail
from shared.errors import BadInput
from shared.suite import Suite

MAX_LIMIT = 1000


def audit_trail(suite: Suite, server: str | None = None, tool: str | None = None, since: float | None = None,
                verify: bool = True, limit: int = 100) -> AuditTrail:
    """Matching records newest first, and (when `verify`) whether the whole chain is intact,
    naming the first edited, deleted or reordered record."""
    if since is not None and (not math.isfinite(since) or since < 0):
        raise BadInput("`since` must be a Unix time in seconds (>= 0).", "Send e.g. 1767225600 for 2026-01-01.")
    if not 1 <= limit <= MAX_LIMIT:
        raise BadInput(f"`limit` must be between 1 and {MAX_LIMIT}.", "Send e.g. 100.")
    for name, value in (("server", server), ("tool", tool)):
        if value is not None and len(value) > 100:
            raise BadInput(f"`{name}` is longer than any {name} name.", f"Send a {name} name such as 'forge'.")
    db = suite.audit.store.connection()
    query, params = " FROM audit_log WHERE 1=1", []
    for column, value in (("server", server), ("tool", tool)):
        if value:
            query += f" AND {column}=?"
            params.append(value)
    if since is not None:
        query += " AND ts>=?"
        params.append(since)
    matched = db.execute("SELECT COUNT(*)" + query, params).fetchone()[0]
    records = suite.audit.records(server=server or None, tool=tool or None, since=since, limit=limit,
                                  newest_first=True)
    trail = AuditTrail(matched=matched, verified=None, records=[AuditEntry(
        seq=r.seq, ts=r.ts, server=r.server, tool=r.tool, caller=r.caller, outcome=r.outcome, detail=r.detail,
        hash=r.hash) for r in records])
    if verify:
        report = suite.audit.verify()
        trail.verified, trail.chain_records, trail.head = report.ok, report.records, report.head
        trail.first_bad_seq, trail.reason = report.first_bad_seq, report.reason
        pins = attestations.audit_pins(suite)
        trail.anchors_checked = len(pins)
        if report.ok:
            problem = _broken_pin(suite, pins)
            if problem is not None:
                trail.verified, (trail.first_bad_seq, trail.reason) = False, problem
    return trail


def verify_log(suite: Suite) -> tuple[bool, int, int | None, str | None, int]:
    """The whole log: (intact, records, first bad seq, why, anchors checked). Intact means the hash chain
    verifies and it still holds every record a stored attestation pinned."""
    report = suite.audit.verify()
    pins = attestations.audit_pins(suite)
    if not report.ok:
        return False, report.records, report.first_bad_seq, report.reason, len(pins)
    problem = _broken_pin(suite, pins)
    if problem is not None:
        return False, report.records, problem[0], problem[1], len(pins)
    return True, report.records, None, None, len(pins)


def _broken_pin(suite: Suite, pins: list[tuple[str, float, int, str]]) -> tuple[int, str] | None:
    """The chain verified; does it still hold every record an attestation pinned? Else (seq, why),
    the newest pin first: it says how much of the log's end is gone."""
    newest = suite.audit.head()[0]
    for attestation_id, signed_at, seq, digest in sorted(pins, key=lambda p: -p[2]):
        if seq == 0:
            continue
        if seq > newest:
            return seq, (f"record {seq} is missing: attestation {attestation_id} (signed "
                         f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime(signed_at))} UTC) saw the log reach it, "
                         f"and it now ends at record {newest}: the newest records were deleted")
        if suite.audit.hash_at(seq) != digest:
            return seq, (f"record {seq} is not the one attestation {attestation_id} signed: the log was rewritten "
                         "from there (its hashes recomputed)")
    return None
