"""The suite's A2A cards: valid A2A 1.0 (the proto types a2a-sdk ships), a 0.3 view valid as a2a-sdk's
0.3 type, security schemes that follow the gateway's auth, and `hdr cards` writing signed cards that
a2a-sdk verifies, without the private key anywhere in what it writes or prints."""

from __future__ import annotations

import base64
import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import anyio
import pytest
from a2a.client.card_resolver import parse_agent_card
from a2a.compat.v0_3 import types as types_v03
from a2a.utils.signing import InvalidSignaturesError, create_signature_verifier
from jwt import PyJWK

from servers.cards import (
    CARD_NAMES,
    CARDS_DIR,
    CardAuth,
    build_card,
    card_path,
    drifted,
    jwks,
    legacy_card,
    validate,
)

BIN = Path(sys.executable).parent


def committed(name: str) -> dict:
    return json.loads(card_path(CARDS_DIR, name).read_text())


@pytest.mark.parametrize(
    ("mutate", "says"),
    [
        (lambda c: c.__setitem__("url", "http://x/mcp"), "url"),  # a 0.3 field: not in A2A 1.0
        (lambda c: c.__setitem__("name", ""), "name"),
        (lambda c: c.pop("supportedInterfaces"), "supported_interfaces"),
        (lambda c: c["skills"][0].pop("tags"), "tags"),
        (lambda c: c["supportedInterfaces"][0].__setitem__("protocolVersion", 1.0), "protocolVersion"),
        (lambda c: c["capabilities"].__setitem__("streaming", "yes"), "streaming"),
    ],
)
def test_a_card_that_is_not_a2a_1_0_is_refused_naming_the_field(mutate, says: str) -> None:
    card = copy.deepcopy(committed("forge"))
    validate(card)
    mutate(card)
    with pytest.raises(ValueError, match=says):
        validate(card)


def test_every_card_parses_in_a2a_sdk_and_its_0_3_view_is_a_valid_0_3_card() -> None:
    for name in CARD_NAMES:
        card = committed(name)
        parsed = parse_agent_card(copy.deepcopy(card))  # what a 1.0 client reads
        assert [s.id for s in parsed.skills] == [s["id"] for s in card["skills"]]
        legacy = types_v03.AgentCard.model_validate(legacy_card(card))
        assert legacy.url == card["supportedInterfaces"][0]["url"] and legacy.protocol_version == "0.3"


def test_security_schemes_follow_the_gateways_auth() -> None:
    async def build(auth: CardAuth) -> dict:
        return await build_card("compliance", "https://hdr.example.com", auth=auth)

    open_card = anyio.run(build, CardAuth())
    both = anyio.run(build, CardAuth(static_tokens=True, oauth_issuer="https://idp.example.com"))
    assert "securitySchemes" not in open_card and "securityRequirements" not in open_card
    assert set(both["securitySchemes"]) == {"hdrToken", "oauth"}
    assert (
        "https://idp.example.com" in both["securitySchemes"]["oauth"]["httpAuthSecurityScheme"]["description"]
    )
    scopes = {s["id"]: s["securityRequirements"][0]["schemes"]["hdrToken"]["list"] for s in both["skills"]}
    assert scopes["compliance.policies"] == ["compliance:read"] and scopes["compliance.check"] == [
        "compliance:write"
    ]
    assert both["securityRequirements"] == [
        {"schemes": {"hdrToken": {"list": ["compliance:read"]}}},
        {"schemes": {"oauth": {"list": ["compliance:read"]}}},
    ]


def test_hdr_cards_writes_signed_cards_that_a2a_sdk_verifies(tmp_path: Path, offline_suite) -> None:
    out = tmp_path / "cards"
    env = {**os.environ, "HDR_HOME": os.environ["HDR_HOME"]}
    run = subprocess.run(
        [str(BIN / "hdr"), "cards", "--out", str(out), "--base-url", "https://hdr.example.com"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    keys = {k["kid"]: PyJWK(k) for k in jwks(offline_suite)["keys"]}
    verify = create_signature_verifier(lambda kid, jku: keys[kid], ["EdDSA"])
    for name in CARD_NAMES:
        card = json.loads(card_path(out, name).read_text())
        assert card["signatures"][0]["protected"]
        verify(parse_agent_card(copy.deepcopy(card)))
        card["version"] = "9.9.9"
        with pytest.raises(InvalidSignaturesError):
            verify(parse_agent_card(card))
    check = subprocess.run(
        [str(BIN / "hdr"), "cards", "--check", "--out", str(out), "--base-url", "https://hdr.example.com"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, check.stdout  # signatures aside, the content is the live servers'
    from servers.compliance.keys import ED25519, Keyring

    _, private = Keyring(offline_suite).private_key(ED25519)
    seed = private.private_bytes_raw()
    written = run.stdout + run.stderr + "".join(p.read_text() for p in out.rglob("*.json"))
    for form in (
        seed.hex(),
        base64.b64encode(seed).decode(),
        base64.urlsafe_b64encode(seed).decode().rstrip("="),
    ):
        assert form not in written


def test_the_drift_check_notices_an_edited_card(tmp_path: Path) -> None:
    out = tmp_path / "cards"
    for name in CARD_NAMES:
        card_path(out, name).parent.mkdir(parents=True, exist_ok=True)
        card_path(out, name).write_text(card_path(CARDS_DIR, name).read_text())
    assert drifted(out) == []
    card = committed("hardware")
    card["skills"][0]["description"] = "edited by hand"
    card_path(out, "hardware").write_text(json.dumps(card))
    assert drifted(out) == ["hardware"]
