"""Encryption as a service over the local keyring, modelled on HashiCorp Vault's Transit engine.

Ciphertext is self-describing: `phantom:v<N>:<base64(nonce || ciphertext || tag)>`, N being
the key version. AES-256-GCM or ChaCha20-Poly1305 (per key) with a fresh 96-bit random nonce
per message; the key name and version are bound as associated data, so a ciphertext cannot be
replayed under another key. Derived keys: a per-context key via HKDF-SHA256.

Convergent (deterministic) encryption, only on derived keys, is misuse-resistant: AES-256-GCM-SIV
(RFC 8452, from `cryptography`) under its own per-context key, whatever the key's type, with a
nonce that is an HMAC of every input of the AEAD (associated data, key name and version, and
plaintext; the context is in the key). Its ciphertext says so: `phantom:v<N>:siv:<base64>`. Equal
inputs still give equal ciphertexts; the same value under two associated data gives unrelated
ones. The first format (`phantom:v<N>:` on a convergent key: AES-GCM with a nonce from the
plaintext alone) let anyone holding one value encrypted under two associated data compute valid
tags for new associated data or edited plaintext (GCM's authenticator is linear once a nonce
repeats). It still decrypts under key versions that existed before the fix (KeyInfo.siv_from), so
old data stays readable; `rewrap` moves it to the new form, and after rotate + rewrap + raising
min_decryption_version nothing in the old form is accepted any more.
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
from shared.errors import BadInput, HDRError, Refused

PREFIX = "phantom"
NONCE_BYTES = 12
TAG_BYTES = 16
CIPHERTEXT_HEADER = re.compile(r"^(?:phantom|vault):v([1-9][0-9]{0,8}):(siv:)?")
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
    aead: Any  # AESGCM, ChaCha20Poly1305 or (convergent) AESGCMSIV
    header: bytes  # b"phantom:v<N>:" (b"phantom:v<N>:siv:" for the convergent form)
    aad: bytes  # b"phantom:<name>:v<N>\0", followed by the call's associated data: binds key name and version
    nonce_key: bytes | None = None  # convergent form: the HMAC key its nonces are made with


class Parsed(NamedTuple):
    version: int
    raw: bytes  # nonce || ciphertext || tag
    siv: bool  # the misuse-resistant convergent form


class _Ready(NamedTuple):
    """A key as resolved for data calls: policy-checked facts and, unless the key is derived
    (then every context has its own), the latest version's cipher, header and AAD prefix."""

    info: KeyInfo
    aead: Any | None
    header: bytes
    aad: bytes


class Transit(Protocol):
    """What phantom's encryption tools need from a backend (local keyring or Vault)."""

    def ensure_key(
        self, name: str, key_type: str | None = None, derived: bool = False, convergent: bool = False
    ) -> KeyInfo: ...
    def encrypt(self, name: str, items: list[Item], version: int | None = None) -> list[str | HDRError]: ...
    def decrypt(self, name: str, items: list[Item]) -> list[bytes | HDRError]: ...
    def rewrap(self, name: str, items: list[Item], version: int | None = None) -> list[str | HDRError]: ...
    def datakey(self, name: str, bits: int, context: bytes | None) -> tuple[bytes, str]: ...
    def rotate(self, name: str) -> KeyInfo: ...
    def configure(self, name: str, min_decryption_version: int) -> KeyInfo: ...
    def destroy(self, name: str) -> KeyInfo: ...
    def keys(self) -> list[KeyInfo]: ...
    def key(self, name: str) -> KeyInfo: ...


def parse_ciphertext(text: str | bytes) -> Parsed:
    """(version, raw bytes, form) of a ciphertext, given as text or its ASCII bytes; BadInput if it is not one.
    Bytes are the fast path: binascii decodes bytes about three times faster than str."""
    if isinstance(text, str):
        text = text.encode("ascii", "replace")
    match = CIPHERTEXT_HEADER_BYTES.match(text) if isinstance(text, bytes | bytearray) else None
    if match is None:
        raise BadInput("That is not a phantom ciphertext.", CIPHERTEXT_HINT)
    body: bytes | memoryview = memoryview(text)[match.end() :]
    if text.find(b"-", match.end()) >= 0 or text.find(b"_", match.end()) >= 0:  # the URL-safe alphabet
        body = bytes(body).replace(b"-", b"+").replace(b"_", b"/")
    try:
        raw = binascii.a2b_base64(body, strict_mode=True)
    except (binascii.Error, ValueError):
        raise BadInput("The ciphertext's base64 part is damaged.", CIPHERTEXT_HINT) from None
    if len(raw) < NONCE_BYTES + TAG_BYTES:
        raise BadInput("The ciphertext is truncated.", CIPHERTEXT_HINT)
    return Parsed(int(match.group(1)), raw, match.group(2) is not None)


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
        self._ciphers: tuple[int, dict[tuple[str, int, bytes | None, bool], _Cipher]] = (-1, {})

    # -- keys --------------------------------------------------------------------------------------

    def ensure_key(
        self, name: str, key_type: str | None = None, derived: bool = False, convergent: bool = False
    ) -> KeyInfo:
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
        if key is None or key.info.auto_rotate_period and key.info.rotation_due():
            info = self.keyring.require(name)  # read after the check; filed in the dict the check gave
            if info.rotation_due():  # auto_rotate_period elapsed: this use rotates the key first
                self.keyring.rotate(name, only_if_due=True)
                ready = self.keyring.side_cache()
                info = self.keyring.require(name)
            if info.type not in SYMMETRIC_TYPES:
                use = "`seal`/`unseal`" if info.type == "mlkem768x25519" else "`sign`/`verify`"
                raise BadInput(
                    f"Key {name!r} is a {info.type} key, not an encryption key.",
                    f"Use {use} with it, or encrypt with a symmetric key.",
                )
            if info.derived or info.convergent or info.min_decryption_version > info.latest_version:
                key = _Ready(info, None, b"", b"")
            else:
                key = _Ready(info, *self._cipher(info, info.latest_version, None)[:3])
            ready[name] = key
        return key

    def _cipher(self, info: KeyInfo, version: int, context: bytes | None, siv: bool = False) -> _Cipher:
        """The cipher of one key version (and context, for derived keys), with the header and the
        associated-data prefix that go with it; `siv` selects a convergent key's misuse-resistant form."""
        if info.derived and not context:
            raise BadInput(
                f"Key {info.name!r} is derived: every call needs a `context`.",
                "Pass the same context (e.g. the data subject's id) used to encrypt.",
            )
        context = context if info.derived else None
        generation, ciphers = self._ciphers
        if generation != self.keyring._generation:
            generation, ciphers = self._ciphers = (self.keyring._generation, {})
        cache_key = (info.name, version, context, siv)
        cipher = ciphers.get(cache_key)
        if cipher is None:
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM, AESGCMSIV, ChaCha20Poly1305

            key = self.keyring.material(info.name, version)
            aad = b"phantom:%s:v%d\x00" % (info.name.encode(), version)
            if siv:  # its own keys: one key never serves two AEAD modes
                cipher = _Cipher(
                    AESGCMSIV(_derive(key, context or b"", b"phantom-convergent-v2:")),
                    b"phantom:v%d:siv:" % version,
                    aad,
                    _derive(key, context or b"", b"phantom-convergent-nonce-v2:"),
                )
            else:
                if context is not None:
                    key = _derive(key, context)
                cipher = _Cipher(
                    (AESGCM if info.type == "aes256-gcm" else ChaCha20Poly1305)(key),
                    b"phantom:v%d:" % version,
                    aad,
                )
            if len(ciphers) > 4096:  # many contexts (one per data subject): bound the cache
                ciphers.clear()
            ciphers[cache_key] = cipher
        return cipher

    def _encryption_version(self, info: KeyInfo, version: int | None) -> int:
        if version is None:
            return info.latest_version
        if not info.min_decryption_version <= version <= info.latest_version:
            raise BadInput(
                f"key_version must be between min_decryption_version ({info.min_decryption_version}) "
                f"and the latest version ({info.latest_version}) of key {info.name!r}.",
                "Leave key_version out to use the latest version.",
            )
        return version

    def encrypt_bytes(
        self, name: str, item: Item, key: _Ready | None = None, version: int | None = None
    ) -> bytearray:
        """Binary form `phantom:v<N>:` || nonce || ciphertext || tag (for files and envelopes), sealed
        straight into one buffer (no concatenation copies). `key` is the key as this call already
        resolved it (a batch checks the keyring's freshness once); `version` a chosen key version."""
        key = key or self.keyring.side_cache().get(name)  # _key's hit inlined
        if key is None or key.info.auto_rotate_period:
            key = self._key(name)
        info, aead, header, aad = key
        data = item.data
        siv = False
        if aead is not None and version is None:
            nonce = os.urandom(NONCE_BYTES)  # what secrets.token_bytes returns, one call fewer
        else:  # a derived key (a cipher per context), or a chosen version
            aead, header, aad, nonce_key = self._cipher(
                info, self._encryption_version(info, version), item.context, siv=info.convergent
            )
            if nonce_key is not None:  # convergent: the nonce depends on every input of the AEAD
                siv = True
                full_aad = aad + item.associated_data if item.associated_data else aad
                mac = hmac.new(nonce_key, len(full_aad).to_bytes(8, "big"), hashlib.sha256)
                mac.update(full_aad)
                mac.update(data)
                nonce = mac.digest()[:NONCE_BYTES]
            else:
                nonce = os.urandom(NONCE_BYTES)
        start = len(header) + NONCE_BYTES
        out = bytearray(header + nonce).ljust(start + len(data) + TAG_BYTES, b"\0")  # one allocation, in C
        associated = aad + item.associated_data if item.associated_data else aad
        if siv:
            out[start:] = aead.encrypt(nonce, data, associated)  # AESGCMSIV has no encrypt_into
        else:
            aead.encrypt_into(nonce, data, associated, memoryview(out)[start:])
        return out

    def encrypt(self, name: str, items: list[Item], version: int | None = None) -> list[str | HDRError]:
        """One ciphertext per item, or the error that item met (a batch is never failed by one bad item);
        problems of the key itself (missing, destroyed, not symmetric, bad `version`) raise."""
        key = self._key(name)  # one freshness check for the whole call
        if version is not None:
            self._encryption_version(key.info, version)
        out: list[str | HDRError] = []
        for item in items:
            try:
                blob = self.encrypt_bytes(name, item, key, version)
            except HDRError as error:
                out.append(error)
                continue
            header_end = blob.index(b":", 9) + 1
            if blob.startswith(b"siv:", header_end):
                header_end += 4
            out.append(
                blob[:header_end].decode()
                + binascii.b2a_base64(memoryview(blob)[header_end:], newline=False).decode("ascii")
            )
        return out

    def decrypt_bytes(self, name: str, blob: bytes | bytearray, item: Item = NO_ITEM) -> bytes:
        """Open the binary form made by `encrypt_bytes` (`item` gives context and associated data)."""
        key = self.keyring.side_cache().get(name)  # _key's hit inlined
        if key is None or key.info.auto_rotate_period:
            key = self._key(name)
        info, aead, header, aad = key
        if aead is not None and blob.startswith(header):  # the common case: the latest version
            start = len(header)
        else:
            match = CIPHERTEXT_HEADER_BYTES.match(blob)
            if match is None:
                raise BadInput(
                    "That is not a binary phantom ciphertext.", "Send what encrypt_bytes returned."
                )
            start = match.end()
            aead, header, aad, _ = self._version_cipher(
                info, int(match.group(1)), item.context, match.group(2) is not None
            )
        if len(blob) < start + NONCE_BYTES + TAG_BYTES:
            raise BadInput("That is not a binary phantom ciphertext.", "Send what encrypt_bytes returned.")
        associated_data = item.associated_data
        try:
            return aead.decrypt(
                blob[start : start + NONCE_BYTES],
                bytes(memoryview(blob)[start + NONCE_BYTES :]),
                aad + associated_data if associated_data else aad,
            )
        except Exception as error:
            raise _not_opened(info, error) from None

    def _version_cipher(
        self, info: KeyInfo, version: int, context: bytes | None, siv: bool = False
    ) -> _Cipher:
        """The cipher for a ciphertext of `version` in the given form, if the key's policy still accepts it."""
        if version > info.latest_version:
            raise BadInput(
                f"Key {info.name!r} has no version {version} (latest is {info.latest_version}).",
                "Check that the ciphertext was made with this key.",
            )
        if version < info.min_decryption_version:
            raise Refused(
                f"Ciphertext version {version} of key {info.name!r} is below its min_decryption_version "
                f"({info.min_decryption_version}); it is no longer accepted.",
                "Rewrap data before raising min_decryption_version, or lower it with configure_key.",
            )
        if siv and not info.convergent:
            raise Refused(
                f"The ciphertext does not decrypt under key {info.name!r}: it was altered, or the "
                "context or associated data differ from encryption.",
                "Send the ciphertext unchanged with the same key, context and associated data.",
            )
        if info.convergent and not siv and version >= info.siv_from:
            raise Refused(
                f"Key {info.name!r} accepts only the misuse-resistant convergent form "
                f"(phantom:v{version}:siv:...) under version {version}; this one is in the legacy form.",
                "Send the ciphertext `encrypt` returned, unchanged.",
            )
        return self._cipher(info, version, context, siv)

    def decrypt(self, name: str, items: list[Item]) -> list[bytes | HDRError]:
        """Each item's `data` is a ciphertext's text as ASCII bytes. Returns each item's plaintext, or the
        error that item met (altered, wrong context, retired version...): one bad item never fails the rest."""
        info, latest, _, latest_aad = self._key(name)  # one freshness check for the whole call
        out: list[bytes | HDRError] = []
        for item in items:
            try:
                version, raw, siv = parse_ciphertext(item.data)
                if latest is not None and version == info.latest_version and not siv:
                    aead, aad = latest, latest_aad
                else:
                    aead, _, aad, _ = self._version_cipher(info, version, item.context, siv)
                try:
                    out.append(
                        aead.decrypt(
                            raw[:NONCE_BYTES],
                            raw[NONCE_BYTES:] if siv else memoryview(raw)[NONCE_BYTES:],
                            aad + item.associated_data if item.associated_data else aad,
                        )
                    )
                except Exception as error:
                    raise _not_opened(info, error) from None
            except HDRError as error:
                out.append(error)
        return out

    def rewrap(self, name: str, items: list[Item], version: int | None = None) -> list[str | HDRError]:
        """Each item decrypted and encrypted again under the latest (or chosen) version; per-item errors as decrypt."""
        opened = self.decrypt(name, items)
        plain = [
            Item(p, i.context, i.associated_data)
            for p, i in zip(opened, items, strict=True)
            if not isinstance(p, HDRError)
        ]
        sealed = iter(self.encrypt(name, plain, version))
        return [p if isinstance(p, HDRError) else next(sealed) for p in opened]

    def datakey(self, name: str, bits: int, context: bytes | None) -> tuple[bytes, str]:
        key = secrets.token_bytes(bits // 8)
        return key, only(self.encrypt(name, [Item(key, context)]))


def only(results: list) -> Any:
    """The one result of a single-item call, raising its error."""
    if isinstance(results[0], HDRError):
        raise results[0]
    return results[0]


def _not_opened(info: KeyInfo, error: Exception) -> Exception:
    """What to raise when a decryption failed: Refused for a failed authentication, else the error.
    (cryptography is imported on first use, so InvalidTag is named only here.)"""
    from cryptography.exceptions import InvalidTag

    if not isinstance(error, InvalidTag):
        return error
    return Refused(
        f"The ciphertext does not decrypt under key {info.name!r}: it was altered, or the "
        "context or associated data differ from encryption.",
        "Send the ciphertext unchanged with the same key, context and associated data.",
    )


def _derive(key: bytes, context: bytes, purpose: bytes = b"phantom-derived-v1:") -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), 32, salt=None, info=purpose + context).derive(key)
