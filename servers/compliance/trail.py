"""Reading and verifying the suite's hash-chained audit log."""

from __future__ import annotations

import math

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
    return trail
