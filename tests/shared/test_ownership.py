"""shared/ownership.py: a principal sees what it created, what a grant lets it act for, and the operator
sees everything; a malformed grant configuration grants nothing."""

from __future__ import annotations

import json

import pytest

from shared.ownership import GRANTS_ENV, OPERATOR, may_access, owner_tag, readable_owners

GRANTS = {GRANTS_ENV: json.dumps({"static:oncall": ["static:ci", "operator"], "static:auditor": ["*"]})}


def test_a_principal_uses_only_its_own_resources_without_a_grant() -> None:
    assert may_access("static:alice", "static:alice", {})
    assert not may_access("static:bob", "static:alice", {})
    assert not may_access(None, "static:alice", {})  # the operator's resource
    assert readable_owners("static:alice", {}) == ["static:alice"]


def test_the_operator_sees_everything() -> None:
    assert may_access("static:alice", None, {}) and may_access(None, None, {})
    assert readable_owners(None, {}) is None
    assert owner_tag(None) == OPERATOR and owner_tag("static:alice") == "static:alice"


def test_grants_extend_what_a_principal_may_act_for() -> None:
    assert may_access("static:ci", "static:oncall", GRANTS) and may_access(None, "static:oncall", GRANTS)
    assert not may_access("static:alice", "static:oncall", GRANTS)
    assert readable_owners("static:oncall", GRANTS) == ["operator", "static:ci", "static:oncall"]
    assert (
        may_access("static:anyone", "static:auditor", GRANTS)
        and readable_owners("static:auditor", GRANTS) is None
    )


@pytest.mark.parametrize("text", ["not json", "[1, 2]", '{"static:x": "static:y"}', '"*"'])
def test_a_malformed_grant_configuration_grants_nothing(text: str) -> None:
    env = {GRANTS_ENV: text}
    assert not may_access("static:y", "static:x", env)
    assert readable_owners("static:x", env) == ["static:x"]
