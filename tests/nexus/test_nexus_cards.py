"""Agent-card validation: A2A 0.3.0 shape, the JSON path of the first bad field, agent ids."""

from __future__ import annotations

import copy
import json

import pytest
from nexus_support import KUBE_DOCTOR, REDACTOR

from servers.nexus.cards import agent_id_for, parse_card
from shared.errors import BadInput


def test_a_valid_card_parses_and_gets_an_id_from_its_name() -> None:
    card = parse_card(KUBE_DOCTOR)
    assert card.agent_id == "kube-doctor"
    assert [s.id for s in card.skills] == ["memory-limits", "crashloop"]
    assert card.nexus_meta.price_usd == 0.02


def test_a_card_as_json_text_is_accepted() -> None:
    assert parse_card(json.dumps(REDACTOR)).name == "Log Redactor"


@pytest.mark.parametrize(("mutate", "path"), [
    (lambda c: c.pop("name"), "$.name is required"),
    (lambda c: c["skills"][1].pop("description"), "$.skills[1].description is required"),
    (lambda c: c["skills"][0].__setitem__("tags", "kubernetes"), "$.skills[0].tags"),
    (lambda c: c.__setitem__("skills", []), "$.skills"),
    (lambda c: c["skills"][1].__setitem__("id", "memory-limits"), "$.skills"),
    (lambda c: c.__setitem__("metadata", {"price_usd": -1}), "$.metadata.price_usd"),
    (lambda c: c.__setitem__("metadata", {"mcp": {"url": "ftp://x", "tool": "t"}}), "$.metadata.mcp.url"),
])
def test_an_invalid_card_is_refused_with_the_path_of_the_first_bad_field(mutate, path: str) -> None:
    card = copy.deepcopy(KUBE_DOCTOR)
    mutate(card)
    with pytest.raises(BadInput) as err:
        parse_card(card)
    assert f"Invalid agent card: {path}" in err.value.message


@pytest.mark.parametrize("raw", ["not json", "[1, 2]", "x" * 300_000, {"name": "\x00" * 10}])
def test_garbage_is_refused_clearly(raw) -> None:
    with pytest.raises(BadInput):
        parse_card(raw)


def test_agent_ids_are_lower_case_dashed_and_never_empty() -> None:
    assert agent_id_for("HDR Forge (v2)") == "hdr-forge-v2"
    assert agent_id_for("日本語").startswith("agent-")


def test_mcp_endpoint_defaults_to_the_card_url_and_needs_a_tool() -> None:
    with_tool = dict(KUBE_DOCTOR, metadata={"mcp": {"tool": "receive_handoff"}})
    without_tool = dict(KUBE_DOCTOR, metadata={"mcp": {"transport": "streamable-http", "endpoint": "/x/mcp"}})
    assert parse_card(with_tool).handoff_endpoint() == ("https://agents.example/a2a", "receive_handoff")
    assert parse_card(without_tool).handoff_endpoint() is None
