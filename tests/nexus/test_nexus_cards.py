"""Agent-card validation against the A2A specification's own definitions (the 0.3.0 JSON Schema, the 1.0
a2a.proto through a2a-sdk's generated types), with the specification's own sample cards, valid and broken.
The expected verdicts come from the specification, not from nexus: each broken card breaks a rule the
schema or the proto states (a REQUIRED field, a type, a field the message does not have)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from nexus_support import KUBE_DOCTOR, REDACTOR

from servers.nexus.cards import MAX_CARD_BYTES, default_agent_id, parse_card
from shared.errors import BadInput

DATA = Path(__file__).parent / "data"
SPEC_03 = json.loads((DATA / "spec-0.3.0-sample-card.json").read_text())
SPEC_10 = json.loads((DATA / "spec-1.0-sample-card.json").read_text())
SPEC_101_PRE_FIX = json.loads((DATA / "spec-1.0.1-sample-card-pre-fix.json").read_text())


def test_the_specs_own_sample_cards_are_accepted_in_both_versions() -> None:
    old, new = parse_card(SPEC_03), parse_card(SPEC_10)
    assert (old.protocol, new.protocol) == ("0.3", "1.0")
    assert old.name == new.name == "GeoSpatial Route Planner Agent"
    assert [s.id for s in new.skills] == [s["id"] for s in SPEC_10["skills"]]
    assert new.a2a_interface().binding == "JSONRPC" and new.a2a_interface().url.endswith("/a2a/v1")
    assert new.to_json() == SPEC_10  # kept exactly as sent (signatures stay verifiable)


def test_the_1_0_1_sample_with_the_old_security_field_is_refused_by_the_1_0_proto() -> None:
    with pytest.raises(BadInput, match="security"):
        parse_card(SPEC_101_PRE_FIX)


@pytest.mark.parametrize(
    ("card", "mutate", "expect"),
    [
        (SPEC_10, lambda c: c.pop("supportedInterfaces"), "supported_interfaces"),
        (SPEC_10, lambda c: c.pop("version"), "version"),
        (SPEC_10, lambda c: c["skills"][0].pop("tags"), "skills[0].tags"),
        (SPEC_10, lambda c: c["skills"][0].__setitem__("tags", "geo"), "tags"),
        (SPEC_10, lambda c: c.__setitem__("url", "https://x.example"), "url"),  # a 0.3 field in a 1.0 card
        (SPEC_10, lambda c: c["supportedInterfaces"][0].pop("protocolBinding"), "protocol_binding"),
        (SPEC_03, lambda c: c.pop("protocolVersion"), "protocolVersion"),
        (SPEC_03, lambda c: c["skills"][1].pop("description"), "$.skills[1]"),
        (SPEC_03, lambda c: c.__setitem__("capabilities", []), "$.capabilities"),
        (SPEC_03, lambda c: c["skills"][0].__setitem__("tags", "geo"), "$.skills[0].tags"),
    ],
)
def test_cards_breaking_the_spec_are_refused_naming_the_field(card, mutate, expect: str) -> None:
    broken = copy.deepcopy(card)
    mutate(broken)
    with pytest.raises(BadInput) as err:
        parse_card(broken)
    assert "Invalid agent card" in err.value.message and expect in err.value.message, err.value.message


@pytest.mark.parametrize(
    "mutate",
    [
        lambda c: c.__setitem__("skills", []),  # the 0.3.0 schema allows no skills
        lambda c: c["skills"][0].__setitem__("id", "route optimizer"),  # nor does it constrain ids
        lambda c: c["skills"][1].__setitem__("id", c["skills"][0]["id"]),  # or require unique ids
        lambda c: c.__setitem__("description", "x" * 20_000),  # no description limit either
    ],
)
def test_cards_the_0_3_schema_accepts_are_accepted(mutate) -> None:
    card = copy.deepcopy(SPEC_03)
    mutate(card)
    assert parse_card(card).name == SPEC_03["name"]


def test_nexus_conventions_travel_in_its_extension_in_a_1_0_card() -> None:
    card = copy.deepcopy(SPEC_10)
    card["capabilities"]["extensions"] = [
        {
            "uri": "urn:hdr-empire:a2a:nexus:1",
            "params": {"price_usd": 0.5, "mcp": {"url": "https://a.example/mcp", "tool": "take"}},
        }
    ]
    parsed = parse_card(card)
    assert parsed.meta.price_usd == 0.5 and parsed.mcp_endpoint() == ("https://a.example/mcp", "take")
    card["capabilities"]["extensions"][0]["params"]["price_usd"] = -1
    with pytest.raises(BadInput, match=r"extensions\[0\]\.params\.price_usd"):
        parse_card(card)


def test_a_card_as_json_text_is_accepted() -> None:
    assert parse_card(json.dumps(REDACTOR)).name == "Log Redactor"


@pytest.mark.parametrize(
    "raw",
    [
        "not json",
        "[1, 2]",
        "x" * (MAX_CARD_BYTES + 1),
        {"name": "\x00" * 10},
        "[" * 100_000,
        {"a": json.loads("[" * 50 + "]" * 50)},
    ],
)
def test_garbage_is_refused_clearly(raw) -> None:
    with pytest.raises(BadInput):
        parse_card(raw)


def test_only_the_total_size_is_bounded() -> None:
    card = copy.deepcopy(SPEC_10)
    card["skills"] = [dict(card["skills"][0], id=f"s{i}") for i in range(300)]  # many skills: fine
    assert len(parse_card(card).skills) == 300
    card["description"] = "y" * MAX_CARD_BYTES
    with pytest.raises(BadInput, match="larger than"):
        parse_card(card)


def test_default_ids_keep_names_apart_that_differ_in_more_than_case_and_spaces() -> None:
    assert default_agent_id("Billing Agent") == "billing-agent"
    assert default_agent_id("billing_agent") == "billing_agent"
    assert default_agent_id("日本語").startswith("agent-")


def test_mcp_endpoint_defaults_to_a_0_3_cards_url_and_needs_a_tool() -> None:
    with_tool = dict(KUBE_DOCTOR, metadata={"mcp": {"tool": "receive_handoff"}})
    without_tool = dict(KUBE_DOCTOR, metadata={"mcp": {"transport": "streamable-http", "endpoint": "/x/mcp"}})
    assert parse_card(with_tool).mcp_endpoint() == ("https://agents.example/a2a", "receive_handoff")
    assert parse_card(without_tool).mcp_endpoint() is None
    assert parse_card(with_tool).delivery("sandbox") == "mcp"
    assert (
        parse_card(without_tool).delivery("sandbox") == "inbox"
    )  # a 0.3 card is not sent A2A unless it asks


def test_a_1_0_agent_gets_a2a_delivery_unless_it_is_core_or_asks_for_the_inbox() -> None:
    card = parse_card(SPEC_10)
    assert card.delivery("sandbox") == "a2a" and card.delivery("core") == "inbox"
    inbox = copy.deepcopy(SPEC_10)
    inbox["capabilities"]["extensions"] = [
        {"uri": "urn:hdr-empire:a2a:nexus:1", "params": {"delivery": "inbox"}}
    ]
    assert parse_card(inbox).delivery("sandbox") == "inbox"
