"""Reading and verifying the suite's hash-chained audit log."""

from __future__ import annotations

import math
from dataclasses import dataclass

from servers.compliance import pins
from shared.audit import AuditRecord
from shared.errors import BadInput
from shared.suite import Suite

MAX_LIMIT = 1000


@dataclass(frozen=True)
class Trail:
    """Audit records matching a query (newest first, at most the limit), how many matched in all,
    and the whole log's check when one was asked for."""

    records: list[AuditRecord]
    matched: int
    check: pins.LogCheck | None


def audit_trail(
    suite: Suite,
    server: str | None = None,
    tool: str | None = None,
    since: float | None = None,
    verify: bool = True,
    limit: int = 100,
) -> Trail:
    """Matching records newest first, and (when `verify`) whether the whole chain is intact and still
    holds every record a trusted pin names, naming the first edited, deleted or reordered record."""
    if since is not None and (not math.isfinite(since) or since < 0):
        raise BadInput(
            "`since` must be a Unix time in seconds (>= 0).", "Send e.g. 1767225600 for 2026-01-01."
        )
    if not 1 <= limit <= MAX_LIMIT:
        raise BadInput(f"`limit` must be between 1 and {MAX_LIMIT}.", "Send e.g. 100.")
    for name, value in (("server", server), ("tool", tool)):
        if value is not None and len(value) > 100:
            raise BadInput(
                f"`{name}` is longer than any {name} name.", f"Send a {name} name such as 'forge'."
            )
    matched = suite.audit.count(server=server or None, tool=tool or None, since=since)
    records = suite.audit.records(
        server=server or None, tool=tool or None, since=since, limit=limit, newest_first=True
    )
    return Trail(records=records, matched=matched, check=pins.verify_log(suite) if verify else None)
