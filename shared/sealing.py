"""Post-quantum sealing: encrypt a payload so only one key pair's holder can open it.

Hybrid HPKE (RFC 9180) with the ML-KEM-768 + X25519 KEM, HKDF-SHA256 and AES-256-GCM, from
the `cryptography` package's hpke module: an attacker must break both ML-KEM (post-quantum)
and X25519 (classical) to read a sealed payload. Used by phantom's seal/unseal tools and by
nexus to seal handoff context for a target agent, whose public key its card publishes.

Forms:
  private key  96 bytes: ML-KEM-768 seed (64) || X25519 private key (32)
  public key   1216 bytes: ML-KEM-768 public key (1184) || X25519 public key (32)
  public text  "mlkem768x25519:<base64url, no padding>"
  sealed       "hdrseal1.mlkem768x25519-hkdfsha256-aes256gcm.<base64url(enc || ciphertext)>"
"""

from __future__ import annotations

import base64
import binascii

from shared.errors import BadInput, Refused

ALGORITHM = "mlkem768x25519"
PUBLIC_TEXT_PREFIX = f"{ALGORITHM}:"
SEALED_PREFIX = "hdrseal1.mlkem768x25519-hkdfsha256-aes256gcm."
DEFAULT_INFO = b"hdr-seal-v1"

_MLKEM_SEED = 64
_MLKEM_PUBLIC = 1184
_X25519 = 32
PRIVATE_KEY_BYTES = _MLKEM_SEED + _X25519
PUBLIC_KEY_BYTES = _MLKEM_PUBLIC + _X25519
_ENC_BYTES = 1120  # ML-KEM-768 ciphertext (1088) + X25519 ephemeral public key (32)
_TAG_BYTES = 16
# A printable envelope above this size is refused before decoding (512 MiB of plaintext).
MAX_SEALED_CHARS = 700 * 1024 * 1024


def _suite():  # the hpke module loads OpenSSL bindings: keep it off the import path
    from cryptography.hazmat.primitives import hpke

    return hpke, hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode(text: str, what: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise BadInput(
            f"The {what} is not valid base64url.", f"Send the {what} exactly as it was produced."
        ) from None


def generate_keypair() -> tuple[bytes, bytes]:
    """A fresh key pair: (private_key_bytes, public_key_bytes). Keep the private bytes secret."""
    from cryptography.hazmat.primitives.asymmetric import mlkem, x25519

    seed_key = mlkem.MLKEM768PrivateKey.generate()
    x_key = x25519.X25519PrivateKey.generate()
    private = seed_key.private_bytes_raw() + x_key.private_bytes_raw()
    return private, public_from_private(private)


def public_from_private(private: bytes) -> bytes:
    """The public key bytes belonging to `private` (raises BadInput on a malformed private key)."""
    ml, xk = _private_parts(private)
    return ml.public_key().public_bytes_raw() + xk.public_key().public_bytes_raw()


def _private_parts(private: bytes):
    from cryptography.hazmat.primitives.asymmetric import mlkem, x25519

    if not isinstance(private, bytes | bytearray) or len(private) != PRIVATE_KEY_BYTES:
        raise BadInput(
            f"A sealing private key is {PRIVATE_KEY_BYTES} bytes.",
            "Use the private key generate_keypair() returned.",
        )
    try:
        return (
            mlkem.MLKEM768PrivateKey.from_seed_bytes(bytes(private[:_MLKEM_SEED])),
            x25519.X25519PrivateKey.from_private_bytes(bytes(private[_MLKEM_SEED:])),
        )
    except ValueError:
        raise BadInput(
            "The sealing private key is malformed.", "Use the private key generate_keypair() returned."
        ) from None


def _public_key(public: bytes):
    from cryptography.hazmat.primitives.asymmetric import mlkem, x25519

    hpke, _ = _suite()
    if not isinstance(public, bytes | bytearray) or len(public) != PUBLIC_KEY_BYTES:
        raise BadInput(
            f"A sealing public key is {PUBLIC_KEY_BYTES} bytes (ML-KEM-768 + X25519).",
            "Send a public key from generate_keypair() or public_key_from_text().",
        )
    try:
        return hpke.MLKEM768X25519PublicKey(
            mlkem.MLKEM768PublicKey.from_public_bytes(bytes(public[:_MLKEM_PUBLIC])),
            x25519.X25519PublicKey.from_public_bytes(bytes(public[_MLKEM_PUBLIC:])),
        )
    except ValueError:
        raise BadInput(
            "The sealing public key is malformed (not a valid ML-KEM-768 + X25519 key).",
            "Send a public key from generate_keypair() or public_key_from_text().",
        ) from None


def public_key_to_text(public: bytes) -> str:
    """A printable form for an agent card's metadata: "mlkem768x25519:<base64url>"."""
    _public_key(public)  # refuse to publish something that is not a key
    return PUBLIC_TEXT_PREFIX + _b64encode(bytes(public))


def public_key_from_text(text: str) -> bytes:
    """The public key bytes from public_key_to_text's form; BadInput when malformed."""
    hint = f'Send the text a key published: "{PUBLIC_TEXT_PREFIX}<base64url>".'
    if not isinstance(text, str) or not text.startswith(PUBLIC_TEXT_PREFIX):
        raise BadInput(f"A sealing public key must start with {PUBLIC_TEXT_PREFIX!r}.", hint)
    body = text[len(PUBLIC_TEXT_PREFIX) :].strip()
    if len(body) > 2 * PUBLIC_KEY_BYTES:
        raise BadInput("The sealing public key text is too long to be a key.", hint)
    public = _b64decode(body, "sealing public key")
    _public_key(public)
    return public


def seal(plaintext: bytes, recipient_public: bytes, info: bytes = DEFAULT_INFO) -> str:
    """Encrypt `plaintext` so only the holder of the private key matching `recipient_public`
    can open it. `info` binds the envelope to a purpose; unseal must pass the same `info`.
    Returns a self-describing printable envelope. Each call uses a fresh encapsulation."""
    if not isinstance(plaintext, bytes | bytearray):
        raise BadInput("Only bytes can be sealed.", "Encode text as UTF-8 first.")
    _, suite = _suite()
    try:
        sealed = suite.encrypt(bytes(plaintext), _public_key(recipient_public), info=bytes(info))
    except ValueError:  # e.g. a low-order X25519 point: no shared secret can be agreed
        raise BadInput(
            "The sealing public key cannot be used (its X25519 part is degenerate).",
            "Send a public key from generate_keypair() or public_key_from_text().",
        ) from None
    return SEALED_PREFIX + _b64encode(sealed)


def unseal(sealed: str, recipient_private: bytes, info: bytes = DEFAULT_INFO) -> bytes:
    """Open an envelope from seal(). Raises BadInput when `sealed` is not an envelope, Refused
    when it was sealed for another key, with another `info`, or tampered with. Never returns
    partial plaintext: AEAD authenticates the whole payload before anything is released."""
    hint = "Send the whole envelope seal() returned, starting with " + repr(SEALED_PREFIX) + "."
    if not isinstance(sealed, str) or not sealed.startswith(SEALED_PREFIX):
        raise BadInput("This is not a sealed envelope (wrong or missing prefix).", hint)
    if len(sealed) > MAX_SEALED_CHARS:
        raise BadInput("The sealed envelope is larger than the limit.", hint)
    blob = _b64decode(sealed[len(SEALED_PREFIX) :].strip(), "sealed envelope")
    if len(blob) < _ENC_BYTES + _TAG_BYTES:
        raise BadInput("The sealed envelope is truncated.", hint)
    private = _private_key(recipient_private)
    from cryptography.exceptions import InvalidTag

    _, suite = _suite()
    try:
        return suite.decrypt(blob, private, info=bytes(info))
    except (InvalidTag, ValueError):
        raise Refused(
            "The envelope cannot be opened with this key: it was sealed for another "
            "recipient or purpose, or it was altered.",
            "Unseal with the recipient's own key and the same info it was sealed with.",
        ) from None


def _private_key(private: bytes):
    hpke, _ = _suite()
    ml, xk = _private_parts(private)
    return hpke.MLKEM768X25519PrivateKey(ml, xk)
