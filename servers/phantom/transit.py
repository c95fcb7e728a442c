"""Encryption as a service over the local keyring, modelled on HashiCorp Vault's Transit engine.

Ciphertext is self-describing: `phantom:v<N>:<base64(nonce || ciphertext || tag)>`, N being
the key version. AES-256-GCM or ChaCha20-Poly1305 (per key) with a fresh 96-bit random nonce
per message; the key name and version are bound as associated data, so a ciphertext cannot be
replayed under another key. Derived keys: a per-context key via HKDF-SHA256; convergent
(deterministic) encryption only on derived keys, its nonce an HMAC of the plaintext (as
Vault's convergent version 3), so equal plaintexts in one context give equal ciphertexts.
"""

from __future__ import annotations

import binascii
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Protocol

from servers.phantom.keyring import SYMMETRIC_TYPES, KeyInfo, Keyring, check_key_name
from shared.errors import BadInput, Refused

PREFIX = "phantom"
NONCE_BYTES = 12
TAG_BYTES = 16
CIPHERTEXT_HEADER = re.compile(r"^(?:phantom|vault):v([1-9][0-9]{0,8}):")
CIPHERTEXT_HEADER_BYTES = re.compile(CIPHERTEXT_HEADER.pattern.encode())
CIPHERTEXT_HINT = "Send the whole ciphertext `encrypt` returned (phantom:v<N>:<base64>)."


@dataclass(frozen=True)
class Item:
    """One payload of a (batch) call. `context` selects a derived key; `associated_data` is
    authenticated but not encrypted, and must be the same to decrypt."""

    data: bytes
    context: bytes | None = None
    associated_data: bytes | None = None


class Transit(Protocol):
    """What phantom's encryption tools need from a backend (local keyring or Vault)."""

    def ensure_key(self, name: str, key_type: str | None = None, derived: bool = False,
                   convergent: bool = False) -> KeyInfo: ...
    def encrypt(self, name: str, items: list[Item]) -> list[str]: ...
    def decrypt(self, name: str, items: list[Item]) -> list[bytes]: ...
    def rewrap(self, name: str, items: list[Item]) -> list[str]: ...
    def datakey(self, name: str, bits: int, context: bytes | None) -> tuple[bytes, str]: ...
    def rotate(self, name: str) -> KeyInfo: ...
    def configure(self, name: str, min_decryption_version: int) -> KeyInfo: ...
    def destroy(self, name: str) -> KeyInfo: ...
    def keys(self) -> list[KeyInfo]: ...
    def key(self, name: str) -> KeyInfo: ...


def parse_ciphertext(text: str | bytes) -> tuple[int, bytes]:
    """(version, raw bytes) of a ciphertext, given as text or its ASCII bytes; BadInput if it is not one.
    Bytes are the fast path: binascii decodes bytes about three times faster than str."""
    if isinstance(text, str):
        text = text.encode("ascii", "replace")
    match = CIPHERTEXT_HEADER_BYTES.match(text) if isinstance(text, bytes | bytearray) else None
    if match is None:
        raise BadInput("That is not a phantom ciphertext.", CIPHERTEXT_HINT)
    body = memoryview(text)[match.end():]
    if text.find(b"-", match.end()) >= 0 or text.find(b"_", match.end()) >= 0:  # the URL-safe alphabet
        body = bytes(body).replace(b"-", b"+").replace(b"_", b"/")
    try:
        raw = binascii.a2b_base64(body, strict_mode=True)
    except (binascii.Error, ValueError):
        raise BadInput("The ciphertext's base64 part is damaged.", CIPHERTEXT_HINT) from None
    if len(raw) < NONCE_BYTES + TAG_BYTES:
        raise BadInput("The ciphertext is truncated.", CIPHERTEXT_HINT)
    return int(match.group(1)), raw


def ciphertext_version(text: str) -> int:
    """The key version in a ciphertext's header (without decoding the body)."""
    match = CIPHERTEXT_HEADER.match(text)
    if match is None:
        raise BadInput("That is not a phantom ciphertext.", CIPHERTEXT_HINT)
    return int(match.group(1))


class LocalTransit:
    """Transit over the local keyring (the embedded default)."""

    def __init__(self, keyring: Keyring) -> None:
        self.keyring = keyring
        self._aeads: dict[tuple[str, int, bytes | None], object] = {}
        self._aead_generation = -1

    # -- keys --------------------------------------------------------------------------------------

    def ensure_key(self, name: str, key_type: str | None = None, derived: bool = False,
                   convergent: bool = False) -> KeyInfo:
        """The key as it is (created as aes256-gcm when missing) when `key_type` is None; else
        created with these settings, or Conflict if it exists with other settings."""
        if key_type is None:
            return self.keyring.ensure(check_key_name(name))
        return self.keyring.create(name, key_type, derived=derived, convergent=convergent)

    def key(self, name: str) -> KeyInfo:
        return self.keyring.require(name)

    def rotate(self, name: str) -> KeyInfo:
        return self.keyring.rotate(name)

    def configure(self, name: str, min_decryption_version: int) -> KeyInfo:
        return self.keyring.configure(name, min_decryption_version)

    def destroy(self, name: str) -> KeyInfo:
        return self.keyring.destroy(name)

    def keys(self) -> list[KeyInfo]:
        return self.keyring.list()

    # -- data --------------------------------------------------------------------------------------

    def _aead(self, info: KeyInfo, version: int, context: bytes | None):
        if info.derived and not context:
            raise BadInput(f"Key {info.name!r} is derived: every call needs a `context`.",
                           "Pass the same context (e.g. the data subject's id) used to encrypt.")
        context = context if info.derived else None
        if self._aead_generation != self.keyring._generation:
            self._aeads = {}
            self._aead_generation = self.keyring._generation
        cache_key = (info.name, version, context)
        aead = self._aeads.get(cache_key)
        if aead is None:
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

            key = self.keyring.material(info.name, version)
            if context is not None:
                key = _derive(key, context)
            aead = (AESGCM if info.type == "aes256-gcm" else ChaCha20Poly1305)(key)
            if len(self._aeads) > 4096:  # many contexts (one per data subject): bound the cache
                self._aeads.clear()
            self._aeads[cache_key] = aead
        return aead

    def _symmetric(self, name: str) -> KeyInfo:
        info = self.keyring.require(name)
        if info.type not in SYMMETRIC_TYPES:
            raise BadInput(f"Key {name!r} is a {info.type} sealing key, not an encryption key.",
                           "Use `seal`/`unseal` with it, or encrypt with a symmetric key.")
        return info

    def encrypt_bytes(self, name: str, item: Item, info: KeyInfo | None = None) -> bytearray:
        """Binary form `phantom:v<N>:` || nonce || ciphertext || tag (for files and envelopes), sealed
        straight into one buffer (no concatenation copies). `info` is the key as this call already
        resolved it (a batch checks the keyring's freshness once)."""
        info = info or self._symmetric(name)
        version = info.latest_version
        aead = self._aead(info, version, item.context)
        if info.convergent:
            nonce = hmac.new(self.keyring.material(name, version) + (item.context or b""), item.data,
                             hashlib.sha256).digest()[:NONCE_BYTES]
        else:
            nonce = secrets.token_bytes(NONCE_BYTES)
        header = b"phantom:v%d:" % version
        start = len(header) + NONCE_BYTES
        out = bytearray(start + len(item.data) + TAG_BYTES)
        out[:start] = header + nonce
        aead.encrypt_into(nonce, item.data, _aad(name, version, item.associated_data), memoryview(out)[start:])
        return out

    def encrypt(self, name: str, items: list[Item]) -> list[str]:
        info = self._symmetric(name)  # one freshness check for the whole call
        out = []
        for item in items:
            blob = self.encrypt_bytes(name, item, info)
            header_end = blob.index(b":", 9) + 1
            out.append(blob[:header_end].decode()
                       + binascii.b2a_base64(memoryview(blob)[header_end:], newline=False).decode("ascii"))
        return out

    def decrypt_bytes(self, name: str, blob: bytes | bytearray, item: Item = Item(b"")) -> bytes:
        """Open the binary form made by `encrypt_bytes` (`item` gives context and associated data)."""
        match = CIPHERTEXT_HEADER_BYTES.match(blob)
        if match is None or len(blob) < match.end() + NONCE_BYTES + TAG_BYTES:
            raise BadInput("That is not a binary phantom ciphertext.", "Send what encrypt_bytes returned.")
        start = match.end()
        return self._open(name, int(match.group(1)), blob[start:start + NONCE_BYTES],
                          memoryview(blob)[start + NONCE_BYTES:], item, self._symmetric(name))

    def _open(self, name: str, version: int, nonce: bytes, sealed: memoryview, item: Item, info: KeyInfo) -> bytes:
        from cryptography.exceptions import InvalidTag

        if version > info.latest_version:
            raise BadInput(f"Key {name!r} has no version {version} (latest is {info.latest_version}).",
                           "Check that the ciphertext was made with this key.")
        if version < info.min_decryption_version:
            raise Refused(f"Ciphertext version {version} of key {name!r} is below its min_decryption_version "
                          f"({info.min_decryption_version}); it is no longer accepted.",
                          "Rewrap data before raising min_decryption_version, or lower it with configure_key.")
        aead = self._aead(info, version, item.context)
        try:
            return aead.decrypt(nonce, sealed, _aad(name, version, item.associated_data))
        except InvalidTag:
            raise Refused(f"The ciphertext does not decrypt under key {name!r}: it was altered, or the "
                          "context or associated data differ from encryption.",
                          "Send the ciphertext unchanged with the same key, context and associated data.") from None

    def decrypt(self, name: str, items: list[Item]) -> list[bytes]:
        """Each item's `data` is a ciphertext's text as ASCII bytes. Every item is opened before any
        plaintext is returned: a batch fails as a whole."""
        info = self._symmetric(name)  # one freshness check for the whole call
        out = []
        for item in items:
            version, raw = parse_ciphertext(item.data)
            out.append(self._open(name, version, raw[:NONCE_BYTES], memoryview(raw)[NONCE_BYTES:], item, info))
        return out

    def rewrap(self, name: str, items: list[Item]) -> list[str]:
        plain = [Item(p, i.context, i.associated_data) for p, i in zip(self.decrypt(name, items), items, strict=True)]
        return self.encrypt(name, plain)

    def datakey(self, name: str, bits: int, context: bytes | None) -> tuple[bytes, str]:
        key = secrets.token_bytes(bits // 8)
        return key, self.encrypt(name, [Item(key, context)])[0]


def _aad(name: str, version: int, associated_data: bytes | None) -> bytes:
    return b"phantom:%s:v%d\x00" % (name.encode(), version) + (associated_data or b"")


def _derive(key: bytes, context: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), 32, salt=None, info=b"phantom-derived-v1:" + context).derive(key)
