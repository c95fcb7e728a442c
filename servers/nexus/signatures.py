"""Agent-card signatures (A2A 1.0 AgentCardSignature: JWS over the card's RFC 8785 canonical form),
verified with a2a-sdk's own verifier against the keys the operator trusts.

Trusted keys: HDR_NEXUS_TRUSTED_KEYS names a JWKS file (`{"keys": [...]}`, public keys with a `kid`).
A card signed by one of them is `verified`. Keys are never fetched from a signature's `jku`: a card
cannot bring its own trust, and nexus makes no request to an address a caller chose.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from servers.nexus.cards import AgentCard, parse_v1
from shared.errors import BadInput

ALGORITHMS = ["EdDSA", "ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512"]
MAX_KEYS_FILE = 1_000_000


@dataclass(frozen=True)
class SignatureCheck:
    status: Literal["verified", "unverified", "unsigned"]
    key_id: str | None = None


def trusted_keys() -> dict[str, Any]:
    """kid -> PyJWK for the keys in HDR_NEXUS_TRUSTED_KEYS (none when it is unset)."""
    from jwt import PyJWK

    path = os.environ.get("HDR_NEXUS_TRUSTED_KEYS")
    if not path:
        return {}
    file = Path(path)
    if not file.is_file() or file.stat().st_size > MAX_KEYS_FILE:
        raise BadInput(
            "HDR_NEXUS_TRUSTED_KEYS does not name a readable JWKS file.",
            'Point it at a JSON file {"keys": [JWK, ...]} of public keys with a `kid` each.',
        )
    keys = {}
    for jwk in json.loads(file.read_text()).get("keys", []):
        if isinstance(jwk, dict) and jwk.get("kid") and "d" not in jwk:
            keys[str(jwk["kid"])] = PyJWK(jwk)
    return keys


def verify_card(card: AgentCard, keys: dict[str, Any] | None = None) -> SignatureCheck:
    """`verified` when a signature on the card verifies with a trusted key; `unsigned` without signatures;
    `unverified` when its signatures name keys nexus does not trust. A signature by a trusted key that
    does not verify (the card was changed after signing) is refused: BadInput."""
    signatures = card.raw.get("signatures") or []
    if not signatures:
        return SignatureCheck("unsigned")
    if card.protocol != "1.0":
        return SignatureCheck("unverified")  # 0.3 signatures are kept but not checked
    keys = trusted_keys() if keys is None else keys
    kids = [_kid(s) for s in signatures]
    known = [k for k in kids if k in keys]
    if not known:
        return SignatureCheck("unverified")

    from a2a.utils.signing import SignatureVerificationError, create_signature_verifier
    from jwt.exceptions import PyJWKError

    def key_for(kid: str | None, _jku: str | None) -> Any:
        if kid not in keys:
            raise PyJWKError("not a trusted key")
        return keys[kid]

    verifier = create_signature_verifier(key_for, ALGORITHMS)
    try:
        verifier(parse_v1(card.raw))
    except SignatureVerificationError:
        raise BadInput(
            "The card's signature by a trusted key does not verify: the card was changed after it "
            "was signed, or the signature is damaged.",
            "Send the card exactly as it was signed, or sign it again.",
        ) from None
    return SignatureCheck("verified", known[0])


def _kid(signature: Any) -> str | None:
    from jwt.utils import base64url_decode

    try:
        header = json.loads(base64url_decode(str(signature.get("protected", "")).encode()))
        return str(header.get("kid")) if isinstance(header, dict) and header.get("kid") else None
    except (ValueError, AttributeError, TypeError):
        return None
