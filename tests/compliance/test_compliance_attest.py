"""Attestations: signing, verification (ours and securesystemslib's), tampering, expiry, rotation."""

from __future__ import annotations

import base64
import json
import sqlite3

import pytest
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from securesystemslib.dsse import Envelope
from securesystemslib.signer import SSlibKey

from servers.compliance import attestations, pins
from servers.compliance.keys import ED25519, Keyring
from shared.suite import Suite

GOOD = """apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  containers:
  - name: app
    image: registry.example/app:1.0
    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
"""


def test_attestation_verifies_and_names_what_it_attests(offline_suite: Suite) -> None:
    att = attestations.attest(offline_suite, target=GOOD, framework="pss-restricted", post_quantum=True)
    assert att.verdict == "pass" and len(att.keyids) == 2
    result = attestations.verify(offline_suite, att.envelope, subject=GOOD)
    assert result.valid, result.reasons
    assert result.subject_matched and result.result == "PASSED" and result.framework == "pss-restricted"
    assert {s.algorithm for s in result.signatures} == {"ed25519", "mldsa65"}
    statement = json.loads(base64.b64decode(json.loads(att.envelope)["payload"]))
    assert statement["_type"] == "https://in-toto.io/Statement/v1"
    assert statement["predicateType"] == "https://in-toto.io/attestation/test-result/v0.1"
    import hashlib

    assert statement["subject"][0]["digest"]["sha256"] == hashlib.sha256(GOOD.encode()).hexdigest()


def test_every_attestation_pins_the_audit_logs_head(offline_suite: Suite) -> None:
    for i in range(3):
        offline_suite.audit.append("forge", "optimize", "agent:x", {"i": i}, "ok")
    att = attestations.attest(offline_suite, target=GOOD, framework="pss-restricted")
    statement = json.loads(base64.b64decode(json.loads(att.envelope)["payload"]))
    pin = statement["predicate"]["hdrCompliance"]["auditHead"]
    assert pin == {"seq": 3, "sha256": offline_suite.audit.head()[1]}
    checked = attestations.verify(offline_suite, att.envelope)
    assert checked.valid and checked.audit_head_intact is True
    assert [
        (p.seq, p.sha256) for p in pins.stored_pins(offline_suite, pins.trusted_keys(offline_suite))[0]
    ] == [(3, pin["sha256"])]


def test_an_independent_dsse_implementation_verifies_the_envelope(offline_suite: Suite) -> None:
    att = attestations.attest(
        offline_suite, target=GOOD, framework="pss-baseline", post_quantum=True, predicate="vsa"
    )
    keys = []
    for key in Keyring(offline_suite).public_keys():
        crypto = key.crypto_key() if key.algorithm == ED25519 else load_pem_public_key(key.public.encode())
        sslib = SSlibKey.from_crypto(crypto)  # keyid as securesystemslib computes it
        assert sslib.keyid == key.keyid
        keys.append(sslib)
    envelope = Envelope.from_dict(json.loads(att.envelope))
    accepted = envelope.verify(keys, threshold=2)
    assert set(accepted) == set(att.keyids)
    vsa = json.loads(envelope.payload)["predicate"]
    assert vsa["verificationResult"] == "PASSED" and vsa["policy"]["uri"].startswith(
        "hdr-compliance:pss-baseline@"
    )


def _tamper(envelope: str, edit) -> str:
    data = json.loads(envelope)
    edit(data)
    return json.dumps(data)


def test_forged_truncated_or_foreign_envelopes_fail_with_the_reason(offline_suite: Suite) -> None:
    att = attestations.attest(offline_suite, target=GOOD, framework="pss-restricted")

    def forge_verdict(d):
        body = json.loads(base64.b64decode(d["payload"]))
        body["predicate"]["result"] = "PASSED" if body["predicate"]["result"] == "FAILED" else "FAILED"
        d["payload"] = base64.b64encode(json.dumps(body).encode()).decode()

    forged = attestations.verify(offline_suite, _tamper(att.envelope, forge_verdict))
    assert not forged.valid and "signatures failed" in " ".join(forged.reasons)
    truncated = attestations.verify(offline_suite, att.envelope[: len(att.envelope) // 2])
    assert not truncated.valid and "not JSON" in truncated.reasons[0]
    foreign = attestations.verify(
        offline_suite, _tamper(att.envelope, lambda d: d["signatures"][0].update(keyid="f" * 64))
    )
    assert not foreign.valid and foreign.signatures[0].reason.startswith("unknown key id")
    unsigned = attestations.verify(offline_suite, _tamper(att.envelope, lambda d: d.update(signatures=[])))
    assert not unsigned.valid and "no signatures" in unsigned.reasons[0]
    retyped = attestations.verify(
        offline_suite, _tamper(att.envelope, lambda d: d.update(payloadType="text/plain"))
    )
    assert not retyped.valid
    wrong_subject = attestations.verify(offline_suite, att.envelope, subject=GOOD + "# changed\n")
    assert not wrong_subject.valid and wrong_subject.subject_matched is False


def test_expired_attestations_fail(offline_suite: Suite) -> None:
    att = attestations.attest(offline_suite, target=GOOD, framework="pss-restricted", expires_in_days=1)
    assert attestations.verify(offline_suite, att.envelope).valid
    later = attestations.verify(offline_suite, att.envelope, now=att.expires_at + 1)
    assert not later.valid and later.reasons[0].startswith("expired at")
    assert attestations.list_attestations(offline_suite).total == 1
    assert attestations.list_attestations(offline_suite, framework="gdpr").total == 0


def test_rotation_keeps_old_attestations_verifiable_and_signs_with_the_new_key(offline_suite: Suite) -> None:
    before = attestations.attest(offline_suite, target=GOOD, framework="pss-restricted")
    retired, active = Keyring(offline_suite).rotate()
    assert before.keyids[0] in retired and before.keyids[0] not in active
    after = attestations.attest(offline_suite, target=GOOD, framework="pss-restricted")
    assert after.keyids[0] in active
    assert attestations.verify(offline_suite, before.envelope).valid
    assert attestations.verify(offline_suite, after.envelope).valid


def test_private_keys_are_stored_encrypted(offline_suite: Suite) -> None:
    keyring = Keyring(offline_suite)
    keyid, private = keyring.private_key(ED25519)
    seed = private.private_bytes_raw()
    raw = (offline_suite.config.home / "state.db").read_bytes()
    db = sqlite3.connect(offline_suite.config.home / "state.db")
    sealed = db.execute("SELECT private_sealed FROM compliance_keys WHERE keyid=?", (keyid,)).fetchone()[0]
    assert (
        seed not in raw and seed not in sealed and len(sealed) == 12 + len(seed) + 16
    )  # nonce, ciphertext, GCM tag
    assert "private" not in json.dumps([k.to_dict() for k in keyring.public_keys()])


def test_a_different_master_key_cannot_unlock_the_signing_key(offline_suite: Suite, monkeypatch) -> None:
    monkeypatch.setenv("HDR_MASTER_KEY", "first master key, long enough")
    Keyring(offline_suite).signer(ED25519)
    monkeypatch.setenv("HDR_MASTER_KEY", "second master key, long enough")
    from shared.errors import Unavailable

    with pytest.raises(Unavailable, match="cannot be unlocked with the current master key"):
        Keyring(offline_suite).signer(ED25519)
