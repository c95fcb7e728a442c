"""compliance's output models against the domain results they are built from, and the kept form of a
check result across releases (replicas of two releases share one database during an upgrade)."""

from __future__ import annotations

import json

from servers.compliance import checking
from servers.compliance.models import CheckResult
from shared.suite import Suite

# A result as the release before Result was a dataclass kept it: the output model's JSON.
KEPT_BEFORE = {
    "id": "chk_00000000000000aa",
    "framework": "pss-baseline",
    "version": "v1.33",
    "target": "manifest text",
    "verdict": "fail",
    "checked_at": 1767225600.5,
    "objects_checked": 3,
    "checks_run": 2,
    "passed": 1,
    "failed": 1,
    "findings": [
        {
            "check": "privileged",
            "severity": "high",
            "object": "Deployment/shop/web",
            "field": "spec.template.spec.containers[0].securityContext.privileged",
            "message": "privileged: true",
            "remediation": "Remove privileged.",
            "reference": "",
        }
    ],
    "findings_total": 1,
    "checks": [
        {
            "check": "hostNamespaces",
            "title": "Host namespaces",
            "reference": "",
            "status": "pass",
            "failed_objects": 0,
        },
        {
            "check": "privileged",
            "title": "Privileged containers",
            "reference": "",
            "status": "fail",
            "failed_objects": 1,
        },
    ],
    "skipped_kinds": {"Service": 1},
    "unchecked": [{"object": "Workflow/ci/nightly", "reason": "no known pod template path"}],
    "subjects": [{"name": "manifest", "sha256": "ab" * 32}],
    "more": None,
}


def _keep_raw(suite: Suite, kept: dict[str, object]) -> None:
    suite.store.ensure_schema("compliance_results", checking.RESULTS_SCHEMA)
    with suite.store.transaction() as db:
        db.execute(
            "INSERT INTO compliance_results VALUES (:id, 'pss-baseline', 'v1.33', 'manifest text', 'fail', 1, :r)",
            {"id": kept["id"], "r": json.dumps(kept)},
        )


def test_a_result_kept_by_the_earlier_release_reads_back_the_same(offline_suite: Suite) -> None:
    _keep_raw(offline_suite, KEPT_BEFORE)
    result = checking.stored_result(offline_suite, "chk_00000000000000aa")
    assert CheckResult.of(result).model_dump(mode="json") == KEPT_BEFORE
    assert (result.verdict, result.passed, result.failed, result.checks_run) == ("fail", 1, 1, 2)


def test_the_kept_form_is_what_the_earlier_release_reads() -> None:
    result = checking.result_from_json(json.dumps(KEPT_BEFORE))
    kept = checking.result_json(result)
    # the earlier release read a kept result with CheckResult.model_validate_json
    assert CheckResult.model_validate_json(kept).model_dump(mode="json") == KEPT_BEFORE
    assert json.loads(kept) == KEPT_BEFORE


def test_an_unread_object_makes_a_result_without_findings_incomplete_never_pass() -> None:
    unread = checking.result_from_json(json.dumps(KEPT_BEFORE | {"findings": [], "findings_total": 0}))
    clean = checking.result_from_json(
        json.dumps(KEPT_BEFORE | {"findings": [], "findings_total": 0, "unchecked": []})
    )
    assert (unread.verdict, clean.verdict) == ("incomplete", "pass")
