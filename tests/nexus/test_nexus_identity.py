"""Who an agent is and who may change it: owner-chosen stable ids, core agents nobody can take over, ids that
stay their owner's after removal (also across a restart), senders that cannot be spoofed, and signed cards
verified with a2a-sdk's own signer and verifier against the keys the operator trusts."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from a2a.utils.signing import create_agent_card_signer
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from jwt import PyJWK
from jwt.algorithms import OKPAlgorithm
from nexus_support import KUBE_DOCTOR, card, skill

from servers.nexus.cards import parse_v1
from servers.nexus.marketplace import Marketplace
from shared.errors import BadInput, Conflict, Refused
from shared.suite import Suite

DATA = Path(__file__).parent / "data"
SPEC_10 = json.loads((DATA / "spec-1.0-sample-card.json").read_text())
ALICE, MALLORY = "static:alice", "static:mallory"


@pytest.fixture
def core_dir(tmp_path: Path) -> Path:
    core = tmp_path / "core"
    core.mkdir()
    (core / "compliance.json").write_text(
        json.dumps(card("hdr-compliance", [skill("attest", "Attest", "Signs.")]))
    )
    return core


def test_core_agents_cannot_be_removed_or_replaced_by_anyone(offline_suite: Suite, core_dir: Path) -> None:
    market = Marketplace(offline_suite, core_cards=core_dir)
    impostor = card("Evil", [skill("attest", "Attest", "Signs.")], metadata={"public_key": "attacker"})
    for principal in (MALLORY, None):
        with pytest.raises(Refused, match="core agents"):
            market.deregister("hdr-compliance", principal)
        with pytest.raises(Refused, match="core agents"):
            market.register(impostor, "sandbox", principal, agent_id="hdr-compliance")
    agent = market.registry.get("hdr-compliance")
    assert (
        agent.tier == "core"
        and agent.card.name == "hdr-compliance"
        and market.owner("hdr-compliance") is None
    )


def test_a_core_id_taken_before_the_fix_returns_to_the_suite_at_restart(
    offline_suite: Suite, core_dir: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "none"
    market = Marketplace(offline_suite, core_cards=empty)  # hdr-compliance not yet core: an attacker takes it
    market.register(card("hdr-compliance", [skill("x", "X", "Evil.")]), "sandbox", MALLORY)
    assert market.owner("hdr-compliance") == MALLORY
    restarted = Marketplace(offline_suite, core_cards=core_dir)
    assert (
        restarted.registry.get("hdr-compliance").tier == "core" and restarted.owner("hdr-compliance") is None
    )
    with pytest.raises(Refused):
        restarted.deregister("hdr-compliance", MALLORY)


def test_a_removed_id_stays_its_owners_also_after_a_restart(offline_suite: Suite, tmp_path: Path) -> None:
    market = Marketplace(offline_suite, core_cards=tmp_path)
    market.register(KUBE_DOCTOR, "sandbox", ALICE)
    market.deregister("kube-doctor", ALICE)
    restarted = Marketplace(offline_suite, core_cards=tmp_path)
    with pytest.raises(Refused, match="another client"):
        restarted.register(KUBE_DOCTOR, "sandbox", MALLORY)
    again = restarted.register(KUBE_DOCTOR, "sandbox", ALICE)
    assert again.agent.agent_id == "kube-doctor" and restarted.owner("kube-doctor") == ALICE


def test_an_operators_agent_is_not_replaced_by_an_authenticated_caller(
    offline_suite: Suite, tmp_path: Path
) -> None:
    market = Marketplace(offline_suite, core_cards=tmp_path)
    market.register(KUBE_DOCTOR, "sandbox", None)
    with pytest.raises(Refused, match="operator"):
        market.register(dict(KUBE_DOCTOR, description="taken over"), "sandbox", MALLORY)
    with pytest.raises(Refused, match="operator"):
        market.deregister("kube-doctor", MALLORY)
    assert market.registry.get("kube-doctor").card.description == KUBE_DOCTOR["description"]


def test_names_that_derive_the_same_id_never_replace_each_other(offline_suite: Suite, tmp_path: Path) -> None:
    market = Marketplace(offline_suite, core_cards=tmp_path)
    billing = card("Billing Agent", [skill("bill", "Bill", "Bills customers.")])
    market.register(billing, "sandbox", ALICE)
    other = market.register(card("billing_agent", [skill("x", "X", "Other.")]), "sandbox", ALICE)
    assert (
        other.agent.agent_id == "billing_agent"
        and market.registry.get("billing-agent").name == "Billing Agent"
    )
    with pytest.raises(Conflict, match="agent_id"):
        market.register(card("billing agent", [skill("y", "Y", "Third.")]), "sandbox", ALICE)
    third = market.register(
        card("billing agent", [skill("y", "Y", "Third.")]), "sandbox", ALICE, agent_id="billing-agent-2"
    )
    assert third.created and market.registry.count() == 3
    with pytest.raises(BadInput, match="agent_id"):
        market.register(billing, "sandbox", ALICE, agent_id="Not An Id")


def test_an_authenticated_sender_is_itself_or_an_agent_it_owns(offline_suite: Suite, tmp_path: Path) -> None:
    market = Marketplace(offline_suite, core_cards=tmp_path)
    market.register(KUBE_DOCTOR, "sandbox", ALICE)
    market.register(card("Planner", [skill("plan", "Plan", "Plans.")]), "sandbox", ALICE)
    as_self = market.create_handoff(from_agent=None, to_agent="kube-doctor", task="t1", principal=MALLORY)
    assert as_self.from_agent == MALLORY
    owned = market.create_handoff(from_agent="planner", to_agent="kube-doctor", task="t2", principal=ALICE)
    assert owned.from_agent == "planner"
    for spoof in ("planner", "kube-doctor", ALICE, "hdr-compliance"):
        with pytest.raises(Refused, match="from_agent"):
            market.create_handoff(from_agent=spoof, to_agent="kube-doctor", task="t3", principal=MALLORY)
    assert market.handoffs.open_count() == 2  # nothing written for the refused ones


def _signed(private: Ed25519PrivateKey, kid: str) -> dict:
    from google.protobuf.json_format import MessageToDict

    proto = parse_v1(copy.deepcopy({k: v for k, v in SPEC_10.items() if k != "signatures"}))
    jwk = json.loads(OKPAlgorithm.to_jwk(private))
    signer = create_agent_card_signer(PyJWK(jwk), {"alg": "EdDSA", "kid": kid, "typ": "JOSE"})
    return MessageToDict(signer(proto))


def test_a_card_signed_by_a_trusted_key_is_verified_and_a_tampered_one_refused(
    offline_suite: Suite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    trusted, stranger = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    public = json.loads(OKPAlgorithm.to_jwk(trusted.public_key()))
    keys = tmp_path / "trusted.jwks"
    keys.write_text(json.dumps({"keys": [dict(public, kid="geo-key-1")]}))
    monkeypatch.setenv("HDR_NEXUS_TRUSTED_KEYS", str(keys))
    market = Marketplace(offline_suite, core_cards=tmp_path / "none")

    signed = _signed(trusted, "geo-key-1")
    assert market.register(signed, "sandbox", ALICE, agent_id="geo").agent.tier == "verified"
    unknown = _signed(stranger, "someone-else")
    assert market.register(unknown, "sandbox", ALICE, agent_id="geo-2").agent.tier == "sandbox"
    forged = _signed(stranger, "geo-key-1")  # claims the trusted key id
    with pytest.raises(BadInput, match="does not verify"):
        market.register(forged, "sandbox", ALICE, agent_id="geo-3")
    tampered = copy.deepcopy(signed)
    tampered["description"] = "Now also reads your mail."
    with pytest.raises(BadInput, match="does not verify"):
        market.register(tampered, "sandbox", ALICE, agent_id="geo-4")
    assert market.registry.count() == 2


def test_the_operators_and_core_inboxes_are_not_read_by_callers_without_a_grant(
    offline_suite: Suite, core_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    market = Marketplace(offline_suite, core_cards=core_dir)
    made = market.create_handoff(
        from_agent=None, to_agent="hdr-compliance", task="attest", context="secret notes", principal=ALICE
    )
    for action in (
        lambda: market.inbox("hdr-compliance", principal=MALLORY),
        lambda: market.accept(made.id, principal=MALLORY),
        lambda: market.complete(made.id, "failed", principal=MALLORY),
    ):
        with pytest.raises(Refused, match="operator"):
            action()
    assert [h.id for h in market.inbox("hdr-compliance")] == [made.id]  # the operator
    monkeypatch.setenv("HDR_GRANTS", json.dumps({MALLORY: ["operator"]}))
    assert [h.context for h in market.inbox("hdr-compliance", principal=MALLORY)] == ["secret notes"]
