"""shared/sealing.py: hybrid ML-KEM-768 + X25519 HPKE sealing, as nexus and phantom use it."""

from __future__ import annotations

import base64

import pytest

from shared import sealing
from shared.errors import BadInput, Refused


def test_only_the_recipients_private_key_opens_a_sealed_payload() -> None:
    private, public = sealing.generate_keypair()
    other_private, _ = sealing.generate_keypair()
    envelope = sealing.seal(b"handoff context: customer 4411", public)
    assert envelope.startswith(sealing.SEALED_PREFIX)
    assert b"customer" not in envelope.encode() and "customer" not in envelope
    assert sealing.unseal(envelope, private) == b"handoff context: customer 4411"
    with pytest.raises(Refused):
        sealing.unseal(envelope, other_private)


def test_sealing_twice_gives_different_envelopes() -> None:
    _, public = sealing.generate_keypair()
    assert sealing.seal(b"same", public) != sealing.seal(b"same", public)


def test_key_sizes_and_public_from_private_match() -> None:
    private, public = sealing.generate_keypair()
    assert len(private) == sealing.PRIVATE_KEY_BYTES and len(public) == sealing.PUBLIC_KEY_BYTES
    assert sealing.public_from_private(private) == public


def test_public_key_text_round_trips_and_is_printable() -> None:
    _, public = sealing.generate_keypair()
    text = sealing.public_key_to_text(public)
    assert text.startswith("mlkem768x25519:") and text.isprintable() and " " not in text
    assert sealing.public_key_from_text(text) == public


@pytest.mark.parametrize(
    "text",
    [
        "",
        "x25519:AAAA",
        "mlkem768x25519:",
        "mlkem768x25519:!!!notbase64",
        "mlkem768x25519:" + base64.urlsafe_b64encode(b"short").decode(),
        "mlkem768x25519:" + "A" * 100_000,
        "mlkem768x25519:\x00",
    ],
)
def test_malformed_public_key_text_is_bad_input(text: str) -> None:
    with pytest.raises(BadInput):
        sealing.public_key_from_text(text)


def test_info_binds_the_envelope_to_its_purpose() -> None:
    private, public = sealing.generate_keypair()
    envelope = sealing.seal(b"payload", public, info=b"nexus-handoff")
    assert sealing.unseal(envelope, private, info=b"nexus-handoff") == b"payload"
    with pytest.raises(Refused):
        sealing.unseal(envelope, private)


def test_any_flipped_byte_is_refused_without_partial_plaintext() -> None:
    private, public = sealing.generate_keypair()
    envelope = sealing.seal(b"A" * 300, public)
    blob = bytearray(base64.urlsafe_b64decode(envelope[len(sealing.SEALED_PREFIX) :] + "=="))
    for index in (0, 1119, 1120, len(blob) // 2, len(blob) - 1):  # KEM part, body and tag
        tampered = bytearray(blob)
        tampered[index] ^= 0x01
        text = sealing.SEALED_PREFIX + base64.urlsafe_b64encode(bytes(tampered)).decode().rstrip("=")
        with pytest.raises(Refused):
            sealing.unseal(text, private)


@pytest.mark.parametrize(
    "envelope",
    [
        "",
        "hello",
        sealing.SEALED_PREFIX,
        sealing.SEALED_PREFIX + "AAAA",
        sealing.SEALED_PREFIX + "%%%%",
        "hdrseal2.other.AAAA",
    ],
)
def test_malformed_envelopes_are_bad_input(envelope: str) -> None:
    private, _ = sealing.generate_keypair()
    with pytest.raises(BadInput):
        sealing.unseal(envelope, private)


def test_malformed_keys_are_bad_input() -> None:
    _, public = sealing.generate_keypair()
    with pytest.raises(BadInput):
        sealing.seal(b"x", public[:-1])
    with pytest.raises(BadInput):
        sealing.seal(b"x", b"\x00" * sealing.PUBLIC_KEY_BYTES)  # wrong size parts aside: invalid ML-KEM key
    envelope = sealing.seal(b"x", public)
    with pytest.raises(BadInput):
        sealing.unseal(envelope, b"short")


def test_empty_and_large_payloads_round_trip() -> None:
    private, public = sealing.generate_keypair()
    assert sealing.unseal(sealing.seal(b"", public), private) == b""
    big = bytes(range(256)) * 4096
    assert sealing.unseal(sealing.seal(big, public), private) == big
