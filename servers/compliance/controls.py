"""Evidence tests behind the gdpr/hipaa/soc2 controls (policies/controls/*.yaml).

Each test reads facts the other servers publish (shared.evidence) or the audit log, and
returns an `Outcome`. Missing evidence is a failure with the reason, never a pass: a control
nobody can show is met is not met. Evidence older than `fresh_within_days` (default 30; any
control may set it in `params`) is also a failure, because a stale summary proves nothing
about now.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from servers.compliance import pins
from shared import evidence
from shared.suite import Suite

DAY = 86_400.0


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str
    field: str  # which evidence was read, e.g. "evidence:phantom.keys"


EvidenceTest = Callable[[Suite, dict[str, Any], float], Outcome]


def _published(
    suite: Suite, name: str, params: dict[str, Any], now: float
) -> tuple[dict[str, Any], str | None]:
    """The published fact's data and None, or an empty mapping and why the evidence does not count."""
    server, fact = name.split(".", 1)
    record = evidence.read(suite.store, server, fact)
    if record is None or not isinstance(record.get("data"), dict):
        return {}, f"no evidence: {server} has never published {name}"
    age_days = (now - float(record.get("published_at", 0))) / DAY
    fresh = float(params.get("fresh_within_days", 30))
    if age_days > fresh:
        return {}, f"evidence {name} is {age_days:.0f} days old (older than {fresh:g} days)"
    return record["data"], None


def keys_rotated_within(suite: Suite, params: dict[str, Any], now: float) -> Outcome:
    field = "evidence:phantom.keys"
    data, problem = _published(suite, "phantom.keys", params, now)
    if problem:
        return Outcome(False, problem, field)
    keys = [k for k in data.get("keys") or [] if isinstance(k, dict) and not k.get("destroyed")]
    if not keys:
        return Outcome(
            False, "phantom holds no live encryption key, so nothing shows data is encrypted", field
        )
    limit = float(params.get("max_age_days", 90))
    stale = []
    for key in keys:
        last = key.get("rotated_at") or key.get("created_at") or 0
        age = (now - float(last)) / DAY
        if age > limit:
            stale.append(f"{str(key.get('name'))[:60]} ({age:.0f} days)")
    if stale:
        return Outcome(False, f"keys not rotated within {limit:g} days: {', '.join(stale)}", field)
    return Outcome(True, f"{len(keys)} live keys, all rotated within {limit:g} days", field)


def redaction_in_use(suite: Suite, params: dict[str, Any], now: float) -> Outcome:
    field = "evidence:phantom.redaction"
    data, problem = _published(suite, "phantom.redaction", params, now)
    if problem:
        return Outcome(False, problem, field)
    calls = int(data.get("calls") or 0)
    window = float(params.get("within_days", 30))
    last = data.get("last_at")
    if calls <= 0 or last is None:
        return Outcome(False, "PII redaction has never been used", field)
    if (now - float(last)) / DAY > window:
        return Outcome(
            False,
            f"PII redaction was last used {(now - float(last)) / DAY:.0f} days ago (more than {window:g})",
            field,
        )
    return Outcome(True, f"PII redaction used {calls} times, last within {window:g} days", field)


def dp_budgets_respected(suite: Suite, params: dict[str, Any], now: float) -> Outcome:
    field = "evidence:phantom.budgets"
    data, problem = _published(suite, "phantom.budgets", params, now)
    if problem:
        return Outcome(False, problem, field)
    budgets = [b for b in data.get("budgets") or [] if isinstance(b, dict)]
    over = [
        str(b.get("name"))[:60]
        for b in budgets
        if float(b.get("epsilon_spent") or 0) > float(b.get("epsilon_total") or 0)
        or float(b.get("delta_spent") or 0) > float(b.get("delta_total") or 0)
    ]
    if over:
        return Outcome(False, f"privacy budgets overspent: {', '.join(over)}", field)
    return Outcome(True, f"{len(budgets)} privacy budgets published, none overspent", field)


def audit_chain_intact(suite: Suite, params: dict[str, Any], now: float) -> Outcome:
    check = pins.verify_log(suite)
    if not check.ok:
        where = f" at record {check.first_bad_seq}" if check.first_bad_seq is not None else ""
        return Outcome(False, f"audit chain broken{where}: {check.reason}", "audit_log")
    pinned = (
        f", and still holds the heads {check.pins_checked} signed pins name" if check.pins_checked else ""
    )
    return Outcome(True, f"audit chain of {check.records} records verifies{pinned}", "audit_log")


def endpoints_authenticated(suite: Suite, params: dict[str, Any], now: float) -> Outcome:
    field = "evidence:gateway.auth"
    data, problem = _published(suite, "gateway.auth", params, now)
    if problem:
        return Outcome(False, problem + " (start the gateway with `hdr serve`)", field)
    auth = data.get("auth")
    if auth in ("oauth", "tokens"):
        return Outcome(True, f"gateway on {str(data.get('host'))[:60]} requires {auth}", field)
    if data.get("loopback_only") is True:
        return Outcome(True, "gateway has no authentication but listens on loopback only", field)
    return Outcome(
        False,
        f"gateway on {str(data.get('host'))[:60]} accepts unauthenticated requests from the network",
        field,
    )


def snapshot_before_change(suite: Suite, params: dict[str, Any], now: float) -> Outcome:
    field = "evidence:forge.changes"
    data, problem = _published(suite, "forge.changes", params, now)
    if problem:
        return Outcome(False, problem, field)
    changes, snapshotted = int(data.get("changes") or 0), int(data.get("with_snapshot") or 0)
    if snapshotted < changes:
        return Outcome(
            False, f"{changes - snapshotted} of {changes} cluster changes had no snapshot first", field
        )
    return Outcome(True, f"all {changes} cluster changes were snapshotted first", field)


TESTS: dict[str, EvidenceTest] = {
    "keys_rotated_within": keys_rotated_within,
    "redaction_in_use": redaction_in_use,
    "dp_budgets_respected": dp_budgets_respected,
    "audit_chain_intact": audit_chain_intact,
    "endpoints_authenticated": endpoints_authenticated,
    "snapshot_before_change": snapshot_before_change,
}


def run_test(name: str, suite: Suite, params: dict[str, Any], now: float | None = None) -> Outcome:
    """Run one evidence test. An unknown test name fails the control (it cannot be shown met)."""
    test = TESTS.get(name)
    if test is None:
        return Outcome(
            False,
            f"the policy names evidence test {name[:60]!r}, which does not exist "
            f"(known: {', '.join(sorted(TESTS))})",
            "policy",
        )
    try:
        return test(suite, params, time.time() if now is None else now)
    except (TypeError, ValueError) as exc:  # malformed evidence published by someone
        return Outcome(False, f"evidence for {name} is malformed ({type(exc).__name__})", "evidence")
