"""DSSE envelopes (https://github.com/secure-systems-lab/dsse, protocol v1) around in-toto
Statements (https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md).

Signatures are over the Pre-Authentication Encoding
    PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body
with LEN as ASCII decimal byte counts, so the payload type is signed along with the payload.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from typing import Any

IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json"
STATEMENT_TYPE = "https://in-toto.io/Statement/v1"


def pae(payload_type: str, payload: bytes) -> bytes:
    kind = payload_type.encode("utf-8")
    return b"DSSEv1 %d %b %d %b" % (len(kind), kind, len(payload), payload)


def statement(
    subjects: list[dict[str, str]], predicate_type: str, predicate: dict[str, Any]
) -> dict[str, Any]:
    """An in-toto Statement v1; subjects are [{"name", "sha256"}]."""
    return {
        "_type": STATEMENT_TYPE,
        "subject": [{"name": s["name"], "digest": {"sha256": s["sha256"]}} for s in subjects],
        "predicateType": predicate_type,
        "predicate": predicate,
    }


def sign_envelope(payload: bytes, signers: list[tuple[str, Callable[[bytes], bytes]]]) -> dict[str, Any]:
    """Envelope with one signature per (keyid, sign function), each over PAE(type, payload)."""
    message = pae(IN_TOTO_PAYLOAD_TYPE, payload)
    return {
        "payload": base64.b64encode(payload).decode(),
        "payloadType": IN_TOTO_PAYLOAD_TYPE,
        "signatures": [
            {"keyid": keyid, "sig": base64.b64encode(sign(message)).decode()} for keyid, sign in signers
        ],
    }


class EnvelopeError(ValueError):
    """The envelope is not a well-formed DSSE envelope (the message says what is wrong)."""


def b64decode(text: Any, what: str) -> bytes:
    if not isinstance(text, str):
        raise EnvelopeError(f"{what} is not a base64 string")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        try:  # DSSE allows URL-safe base64 too
            return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        except (binascii.Error, ValueError):
            raise EnvelopeError(f"{what} is not valid base64 (truncated or altered?)") from None


def parse_envelope(text: str) -> tuple[str, bytes, list[tuple[str, bytes]]]:
    """(payloadType, payload bytes, [(keyid, signature bytes)]); raises EnvelopeError."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise EnvelopeError(
            f"the envelope is not JSON ({getattr(exc, 'msg', 'too deeply nested')}"
            f"{f' at line {exc.lineno}, column {exc.colno}' if isinstance(exc, json.JSONDecodeError) else ''};"
            " truncated?)"
        ) from None
    if not isinstance(data, dict):
        raise EnvelopeError("the envelope is not a JSON object")
    for field in ("payload", "payloadType", "signatures"):
        if field not in data:
            raise EnvelopeError(f"the envelope has no `{field}`")
    if not isinstance(data["payloadType"], str):
        raise EnvelopeError("`payloadType` is not a string")
    if not isinstance(data["signatures"], list) or not data["signatures"]:
        raise EnvelopeError("the envelope has no signatures")
    payload = b64decode(data["payload"], "payload")
    signatures = []
    for index, sig in enumerate(data["signatures"][:16]):
        if not isinstance(sig, dict) or not isinstance(sig.get("keyid", ""), str):
            raise EnvelopeError(f"signature {index} is not an object with keyid and sig")
        signatures.append((sig.get("keyid", ""), b64decode(sig.get("sig"), f"signature {index}")))
    return data["payloadType"], payload, signatures
