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
import os
import re
import secrets
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from servers.phantom.keyring import SYMMETRIC_TYPES, KeyInfo, Keyring, check_key_name
from shared.errors import BadInput, Refused

PREFIX = "phantom"
NONCE_BYTES = 12
TAG_BYTES = 16
CIPHERTEXT_HEADER = re.compile(r"^(?:phantom|vault):v([1-9][0-9]{0,8}):")
CIPHERTEXT_HEADER_BYTES = re.compile(CIPHERTEXT_HEADER.pattern.encode())
CIPHERTEXT_HINT = "Send the whole ciphertext `encrypt` returned (phantom:v<N>:<base64>)."


@dataclass(frozen=True, slots=True)
class Item:
    """One payload of a (batch) call. `context` selects a derived key; `associated_data` is
    authenticated but not encrypted, and must be the same to decrypt."""

    data: bytes
    context: bytes | None = None
    associated_data: bytes | None = None


NO_ITEM = Item(b"")


class _Cipher(NamedTuple):
    aead: Any  # AESGCM or ChaCha20Poly1305
    header: bytes  # b"phantom:v<N>:"
    aad: bytes  # b"phantom:<name>:v<N>\0", followed by the call's associated data: binds key name and version


class _Ready(NamedTuple):
    """A key as resolved for data calls: policy-checked facts and, unless the key is derived
    (then every context has its own), the latest version's cipher, header and AAD prefix."""

    info: KeyInfo
    aead: Any | None
    header: bytes
    aad: bytes


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
        # (keyring cache generation, ciphers made in it): swapped whole, never mixed
        self._ciphers: tuple[int, dict[tuple[str, int, bytes | None], _Cipher]] = (-1, {})

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
    #
    # Every call starts with `_key`: the keyring's freshness check (has anyone, in any process,
    # committed to the store since the last look? then everything cached is dropped), then the
    # key as resolved since: it exists, is not destroyed, is symmetric, and, unless it is
    # derived, its latest version's cipher with header and associated-data prefix. That lives in
    # the keyring's side cache, so it is dropped with the keyring's own cache.

    def _key(self, name: str) -> _Ready:
        ready = self.keyring.side_cache()  # the freshness check
        key = ready.get(name)
        if key is None:
            info = self.keyring.require(name)  # read after the check; filed in the dict the check gave
            if info.type not in SYMMETRIC_TYPES:
                raise BadInput(f"Key {name!r} is a {info.type} sealing key, not an encryption key.",
                               "Use `seal`/`unseal` with it, or encrypt with a symmetric key.")
            if info.derived or info.convergent or info.min_decryption_version > info.latest_version:
                key = _Ready(info, None, b"", b"")
            else:
                key = _Ready(info, *self._cipher(info, info.latest_version, None))
            ready[name] = key
        return key

    def _cipher(self, info: KeyInfo, version: int, context: bytes | None) -> _Cipher:
        """The cipher of one key version (and context, for derived keys), with the header and the
        associated-data prefix that go with it."""
        if info.derived and not context:
            raise BadInput(f"Key {info.name!r} is derived: every call needs a `context`.",
                           "Pass the same context (e.g. the data subject's id) used to encrypt.")
        context = context if info.derived else None
        generation, ciphers = self._ciphers
        if generation != self.keyring._generation:
            generation, ciphers = self._ciphers = (self.keyring._generation, {})
        cache_key = (info.name, version, context)
        cipher = ciphers.get(cache_key)
        if cipher is None:
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

            key = self.keyring.material(info.name, version)
            if context is not None:
                key = _derive(key, context)
            cipher = _Cipher((AESGCM if info.type == "aes256-gcm" else ChaCha20Poly1305)(key),
                             b"phantom:v%d:" % version, b"phantom:%s:v%d\x00" % (info.name.encode(), version))
            if len(ciphers) > 4096:  # many contexts (one per data subject): bound the cache
                ciphers.clear()
            ciphers[cache_key] = cipher
        return cipher

    def encrypt_bytes(self, name: str, item: Item, key: _Ready | None = None) -> bytearray:
        """Binary form `phantom:v<N>:` || nonce || ciphertext || tag (for files and envelopes), sealed
        straight into one buffer (no concatenation copies). `key` is the key as this call already
        resolved it (a batch checks the keyring's freshness once)."""
        info, aead, header, aad = key or self.keyring.side_cache().get(name) or self._key(name)  # _key's hit inlined
        data = item.data
        if aead is not None:
            nonce = os.urandom(NONCE_BYTES)  # what secrets.token_bytes returns, one call fewer
        else:  # a derived key: a cipher per context
            aead, header, aad = self._cipher(info, info.latest_version, item.context)
            if info.convergent:
                nonce = hmac.new(self.keyring.material(info.name, info.latest_version) + (item.context or b""),
                                 data, hashlib.sha256).digest()[:NONCE_BYTES]
            else:
                nonce = os.urandom(NONCE_BYTES)
        start = len(header) + NONCE_BYTES
        out = bytearray(header + nonce).ljust(start + len(data) + TAG_BYTES, b"\0")  # one allocation, in C
        aead.encrypt_into(nonce, data, aad + item.associated_data if item.associated_data else aad,
                          memoryview(out)[start:])
        return out

    def encrypt(self, name: str, items: list[Item]) -> list[str]:
        key = self._key(name)  # one freshness check for the whole call
        out = []
        for item in items:
            blob = self.encrypt_bytes(name, item, key)
            header_end = blob.index(b":", 9) + 1
            out.append(blob[:header_end].decode()
                       + binascii.b2a_base64(memoryview(blob)[header_end:], newline=False).decode("ascii"))
        return out

    def decrypt_bytes(self, name: str, blob: bytes | bytearray, item: Item = NO_ITEM) -> bytes:
        """Open the binary form made by `encrypt_bytes` (`item` gives context and associated data)."""
        info, aead, header, aad = self.keyring.side_cache().get(name) or self._key(name)  # _key's hit inlined
        if aead is not None and blob.startswith(header):  # the common case: the latest version
            start = len(header)
        else:
            match = CIPHERTEXT_HEADER_BYTES.match(blob)
            if match is None:
                raise BadInput("That is not a binary phantom ciphertext.", "Send what encrypt_bytes returned.")
            start = match.end()
            aead, header, aad = self._version_cipher(info, int(match.group(1)), item.context)
        if len(blob) < start + NONCE_BYTES + TAG_BYTES:
            raise BadInput("That is not a binary phantom ciphertext.", "Send what encrypt_bytes returned.")
        associated_data = item.associated_data
        try:
            return aead.decrypt(blob[start:start + NONCE_BYTES], memoryview(blob)[start + NONCE_BYTES:],
                                aad + associated_data if associated_data else aad)
        except Exception as error:
            raise _not_opened(info, error) from None

    def _version_cipher(self, info: KeyInfo, version: int, context: bytes | None) -> _Cipher:
        """The cipher for a ciphertext of `version`, if the key's policy still accepts it."""
        if version > info.latest_version:
            raise BadInput(f"Key {info.name!r} has no version {version} (latest is {info.latest_version}).",
                           "Check that the ciphertext was made with this key.")
        if version < info.min_decryption_version:
            raise Refused(f"Ciphertext version {version} of key {info.name!r} is below its min_decryption_version "
                          f"({info.min_decryption_version}); it is no longer accepted.",
                          "Rewrap data before raising min_decryption_version, or lower it with configure_key.")
        return self._cipher(info, version, context)

    def decrypt(self, name: str, items: list[Item]) -> list[bytes]:
        """Each item's `data` is a ciphertext's text as ASCII bytes. Every item is opened before any
        plaintext is returned: a batch fails as a whole."""
        info, latest, _, latest_aad = self._key(name)  # one freshness check for the whole call
        out = []
        for item in items:
            version, raw = parse_ciphertext(item.data)
            if latest is not None and version == info.latest_version:
                aead, aad = latest, latest_aad
            else:
                aead, _, aad = self._version_cipher(info, version, item.context)
            try:
                out.append(aead.decrypt(raw[:NONCE_BYTES], memoryview(raw)[NONCE_BYTES:],
                                        aad + item.associated_data if item.associated_data else aad))
            except Exception as error:
                raise _not_opened(info, error) from None
        return out

    def rewrap(self, name: str, items: list[Item]) -> list[str]:
        plain = [Item(p, i.context, i.associated_data) for p, i in zip(self.decrypt(name, items), items, strict=True)]
        return self.encrypt(name, plain)

    def datakey(self, name: str, bits: int, context: bytes | None) -> tuple[bytes, str]:
        key = secrets.token_bytes(bits // 8)
        return key, self.encrypt(name, [Item(key, context)])[0]


def _not_opened(info: KeyInfo, error: Exception) -> Exception:
    """What to raise when a decryption failed: Refused for a failed authentication, else the error.
    (cryptography is imported on first use, so InvalidTag is named only here.)"""
    from cryptography.exceptions import InvalidTag

    if not isinstance(error, InvalidTag):
        return error
    return Refused(f"The ciphertext does not decrypt under key {info.name!r}: it was altered, or the "
                   "context or associated data differ from encryption.",
                   "Send the ciphertext unchanged with the same key, context and associated data.")


def _derive(key: bytes, context: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), 32, salt=None, info=b"phantom-derived-v1:" + context).derive(key)
