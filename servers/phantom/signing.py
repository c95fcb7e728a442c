"""Signatures, HMACs and key export over the local keyring, as Vault Transit's sign/verify, hmac and
export endpoints do them.

Signing keys (ed25519, ecdsa-p256, rsa-2048) are versioned like encryption keys; their material is
the private key (PKCS#8 DER, wrapped under the KEK like every key). Signatures and HMACs are
self-describing, `phantom:v<N>:<base64>`, N being the key version that made them; verify picks
that version and refuses versions below the key's min_decryption_version (as Transit does).

- ed25519: pure Ed25519 over the input (RFC 8032; the hash choice does not apply).
- ecdsa-p256: ECDSA over P-256 with SHA-256 (or sha2-384/512), the signature in ASN.1 DER
  (Transit's default marshaling).
- rsa-2048: RSASSA-PSS (RFC 8017) with MGF1 of the same hash, salt as long as the hash; verify
  accepts any salt length (Transit's "auto").

HMACs use hmac keys (their material is the HMAC key) or a symmetric encryption key, through a key
derived from it for HMAC only (HKDF, so one key never serves two purposes). Export hands out a
key's public half at any time and private material only from keys created or configured
`exportable` (backups need `allow_plaintext_backup` as well); never by default.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac as hmac_lib
import json
import re
import time
from typing import Any

from servers.phantom.keyring import SIGNING_TYPES, SYMMETRIC_TYPES, KeyInfo, Keyring
from servers.phantom.transit import _derive
from shared.errors import BadInput, NotFound, Refused

HASHES = {"sha2-256": "SHA256", "sha2-384": "SHA384", "sha2-512": "SHA512"}
HMAC_TYPES = ("hmac", *SYMMETRIC_TYPES)
EXPORT_KINDS = ("public-key", "signing-key", "encryption-key", "hmac-key", "backup")
_TOKEN = re.compile(r"^(?:phantom|vault):v([1-9][0-9]{0,8}):([A-Za-z0-9+/=]{4,2048})$")
TOKEN_HINT = "Send the whole value `sign` returned (phantom:v<N>:<base64>)."
BACKUP_FORMAT = "phantom-key-backup-v1"
MAX_BACKUP_CHARS = 4 * 1024 * 1024


def _hash(name: str | None) -> Any:
    from cryptography.hazmat.primitives import hashes

    if name is None:
        name = "sha2-256"
    if name not in HASHES:
        raise BadInput(f"Unknown hash_algorithm {name[:20]!r}.", f"Use one of: {', '.join(HASHES)}.")
    return getattr(hashes, HASHES[name])()


def _parse(token: str, what: str) -> tuple[int, bytes]:
    match = _TOKEN.match(token.strip()) if isinstance(token, str) else None
    if match is None:
        raise BadInput(f"That is not a phantom {what}.", TOKEN_HINT)
    try:
        return int(match.group(1)), base64.b64decode(match.group(2), validate=True)
    except (binascii.Error, ValueError):
        raise BadInput(f"The {what}'s base64 part is damaged.", TOKEN_HINT) from None


class Signer:
    def __init__(self, keyring: Keyring) -> None:
        self.keyring = keyring

    # -- the key, as this use needs it ------------------------------------------------------------

    def _key(self, name: str, allowed: tuple[str, ...], purpose: str, hint: str, use: bool = True) -> KeyInfo:
        try:
            info = self.keyring.require(name)
        except NotFound as missing:  # same text as any missing key; the hint says how to make this kind
            raise NotFound(
                missing.message,
                "Call `keys` to list keys, or create one with configure_key(type=...): "
                "ed25519, ecdsa-p256 or rsa-2048 to sign, hmac for HMACs.",
            ) from None
        if info.type not in allowed:
            raise BadInput(
                f"Key {name!r} is a {info.type} key; {purpose} needs a {' or '.join(allowed)} key.", hint
            )
        if use and info.rotation_due():  # auto_rotate_period elapsed: signing with it rotates it first
            info = self.keyring.rotate(name, only_if_due=True)
        return info

    def _version(self, info: KeyInfo, version: int | None, *, verifying: bool = False) -> int:
        if version is None:
            return info.latest_version
        low = info.min_decryption_version
        if not low <= version <= info.latest_version:
            if verifying and version < low:
                raise Refused(
                    f"Version {version} of key {info.name!r} is below its min_decryption_version ({low}): "
                    "values it made are no longer accepted.",
                    "Sign again with the latest version, or lower min_decryption_version.",
                )
            raise BadInput(
                f"key_version must be between min_decryption_version ({low}) and the latest version "
                f"({info.latest_version}) of key {info.name!r}.",
                "Leave key_version out for the latest.",
            )
        return version

    def _private(self, info: KeyInfo, version: int) -> Any:
        from cryptography.hazmat.primitives import serialization

        return serialization.load_der_private_key(self.keyring.material(info.name, version), password=None)

    def _hmac_key(self, info: KeyInfo, version: int) -> bytes:
        material = self.keyring.material(info.name, version)
        return material if info.type == "hmac" else _derive(material, b"", b"phantom-hmac-v1:")

    # -- sign / verify ----------------------------------------------------------------------------

    def sign(
        self, name: str, data: bytes, hash_algorithm: str | None = None, version: int | None = None
    ) -> tuple[str, int]:
        info = self._key(
            name,
            SIGNING_TYPES,
            "signing",
            "Create one with configure_key(type='ed25519', "
            "'ecdsa-p256' or 'rsa-2048'), or use mode='hmac' with an hmac or encryption key.",
        )
        version = self._version(info, version)
        if info.type == "ed25519" and hash_algorithm not in (None, "sha2-512"):
            raise BadInput(
                "Ed25519 signs the input itself (with SHA-512 inside); no hash_algorithm applies.",
                "Leave hash_algorithm out for ed25519 keys.",
            )
        private = self._private(info, version)
        signature = self._sign_with(info.type, private, data, hash_algorithm)
        return f"phantom:v{version}:{base64.b64encode(signature).decode()}", version

    @staticmethod
    def _sign_with(key_type: str, private: Any, data: bytes, hash_algorithm: str | None) -> bytes:
        from cryptography.hazmat.primitives.asymmetric import ec, padding

        if key_type == "ed25519":
            return private.sign(data)
        digest = _hash(hash_algorithm)
        if key_type == "ecdsa-p256":
            return private.sign(data, ec.ECDSA(digest))
        return private.sign(
            data, padding.PSS(mgf=padding.MGF1(digest), salt_length=padding.PSS.DIGEST_LENGTH), digest
        )

    def verify(
        self, name: str, data: bytes, signature: str, hash_algorithm: str | None = None
    ) -> tuple[bool, int]:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric import ec, padding

        info = self._key(
            name, SIGNING_TYPES, "verifying a signature", "Verify with the key that signed.", use=False
        )
        version, raw = _parse(signature, "signature")
        version = self._version(info, version, verifying=True)
        public = self._private(info, version).public_key()
        try:
            if info.type == "ed25519":
                public.verify(raw, data)
            elif info.type == "ecdsa-p256":
                public.verify(raw, data, ec.ECDSA(_hash(hash_algorithm)))
            else:
                digest = _hash(hash_algorithm)
                public.verify(
                    raw, data, padding.PSS(mgf=padding.MGF1(digest), salt_length=padding.PSS.AUTO), digest
                )
        except InvalidSignature:
            return False, version
        except ValueError:  # e.g. a DER structure that is not an ECDSA signature
            return False, version
        return True, version

    # -- hmac -------------------------------------------------------------------------------------

    def hmac(
        self, name: str, data: bytes, hash_algorithm: str | None = None, version: int | None = None
    ) -> tuple[str, int]:
        info = self._key(
            name,
            HMAC_TYPES,
            "an HMAC",
            "Create one with configure_key(type='hmac'), or use an aes256-gcm/chacha20-poly1305 key.",
        )
        version = self._version(info, version)
        _hash(hash_algorithm)  # checks the name
        mac = hmac_lib.new(self._hmac_key(info, version), data, HASHES[hash_algorithm or "sha2-256"].lower())
        return f"phantom:v{version}:{base64.b64encode(mac.digest()).decode()}", version

    def verify_hmac(
        self, name: str, data: bytes, token: str, hash_algorithm: str | None = None
    ) -> tuple[bool, int]:
        info = self._key(name, HMAC_TYPES, "an HMAC", "Verify with the key that made the HMAC.", use=False)
        version, raw = _parse(token, "HMAC")
        version = self._version(info, version, verifying=True)
        _hash(hash_algorithm)
        expected = hmac_lib.new(
            self._hmac_key(info, version), data, HASHES[hash_algorithm or "sha2-256"].lower()
        )
        return hmac_lib.compare_digest(expected.digest(), raw), version

    # -- export -----------------------------------------------------------------------------------

    def export(self, name: str, kind: str, version: int | None = None) -> dict[int, str]:
        """Version -> exported text (PEM for asymmetric keys, base64 for symmetric material; one JSON
        document under version 0 for a backup). Private material only from exportable keys."""
        if kind not in EXPORT_KINDS:
            raise BadInput(f"Unknown export kind {kind[:30]!r}.", f"Use one of: {', '.join(EXPORT_KINDS)}.")
        info = self.keyring.require(name)
        _check_export(info, kind)
        if kind == "backup":
            return {0: self._backup(info)}
        versions = (
            [self._version(info, version)]
            if version is not None
            else list(
                range(max(info.min_decryption_version, info.min_available_version), info.latest_version + 1)
            )
        )
        return {v: self._export_version(info, kind, v) for v in versions}

    def _export_version(self, info: KeyInfo, kind: str, version: int) -> str:
        from cryptography.hazmat.primitives import serialization

        if kind == "encryption-key":
            return base64.b64encode(self.keyring.material(info.name, version)).decode()
        if kind == "hmac-key":
            return base64.b64encode(self._hmac_key(info, version)).decode()
        private = self._private(info, version)
        if kind == "signing-key":
            return private.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            ).decode()
        return (
            private.public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            .decode()
        )

    def _backup(self, info: KeyInfo) -> str:
        versions = {
            str(v): base64.b64encode(self.keyring.material(info.name, v)).decode()
            for v in range(info.min_available_version, info.latest_version + 1)
        }
        return json.dumps(
            {
                "format": BACKUP_FORMAT,
                "name": info.name,
                "type": info.type,
                "derived": info.derived,
                "convergent": info.convergent,
                "siv_from": info.siv_from,
                "exportable": info.exportable,
                "allow_plaintext_backup": info.allow_plaintext_backup,
                "auto_rotate_period": info.auto_rotate_period,
                "min_decryption_version": info.min_decryption_version,
                "min_available_version": info.min_available_version,
                "latest_version": info.latest_version,
                "created_at": info.created_at,
                "rotated_at": info.rotated_at,
                "exported_at": time.time(),
                "versions": versions,
                "digest": _digest(versions),
            },
            sort_keys=True,
        )


def _digest(versions: dict[str, str]) -> str:
    """A checksum against damage in transit (not authentication: a plaintext backup is trusted input)."""
    return hashlib.sha256(json.dumps(versions, sort_keys=True).encode()).hexdigest()


def _check_export(info: KeyInfo, kind: str) -> None:
    """The key has material of this kind, and its policy lets it out (public keys always)."""
    name = info.name
    wanted = {
        "public-key": SIGNING_TYPES,
        "signing-key": SIGNING_TYPES,
        "encryption-key": SYMMETRIC_TYPES,
        "hmac-key": HMAC_TYPES,
        "backup": (*SYMMETRIC_TYPES, *SIGNING_TYPES, "hmac"),
    }[kind]
    if info.type not in wanted:
        raise BadInput(
            f"Key {name!r} is a {info.type} key; it has no {kind} to export.",
            f"{kind} exists for {', '.join(wanted)} keys.",
        )
    if kind != "public-key" and not info.exportable:
        raise Refused(
            f"Key {name!r} is not exportable: its private material never leaves phantom.",
            "Only keys created or configured with exportable=true can be exported; public keys always.",
        )
    if kind == "backup" and not info.allow_plaintext_backup:
        raise Refused(
            f"Key {name!r} does not allow plaintext backups.",
            "Set allow_plaintext_backup=true with configure_key first (it cannot be unset).",
        )


def parse_backup(text: str) -> dict[str, Any]:
    """A backup from export_key(kind=backup), checked whole: format, types, version range, material shapes."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

    hint = "Send the text export_key(kind=backup) returned, unchanged."
    if not isinstance(text, str) or len(text) > MAX_BACKUP_CHARS:
        raise BadInput("That backup is too large.", hint)
    try:
        backup = json.loads(text)
        versions = {int(v): base64.b64decode(m, validate=True) for v, m in backup["versions"].items()}
        low, high = int(backup["min_available_version"]), int(backup["latest_version"])
        ok = (
            backup.get("format") == BACKUP_FORMAT
            and backup["type"] in (*SYMMETRIC_TYPES, *SIGNING_TYPES, "hmac")
            and sorted(versions) == list(range(low, high + 1))
            and low <= int(backup["min_decryption_version"]) <= high
            and backup.get("digest") == _digest(backup["versions"])
        )
    except (ValueError, KeyError, TypeError, AttributeError, binascii.Error):
        ok = False
    if not ok:
        raise BadInput("That is not an intact phantom key backup.", hint)
    kinds = {
        "ed25519": ed25519.Ed25519PrivateKey,
        "ecdsa-p256": ec.EllipticCurvePrivateKey,
        "rsa-2048": rsa.RSAPrivateKey,
    }
    for material in versions.values():
        if backup["type"] in kinds:
            try:
                key = serialization.load_der_private_key(material, password=None)
            except (ValueError, TypeError):
                raise BadInput("That is not an intact phantom key backup.", hint) from None
            if (
                not isinstance(key, kinds[backup["type"]])
                or (isinstance(key, ec.EllipticCurvePrivateKey) and key.curve.name != "secp256r1")
                or (isinstance(key, rsa.RSAPrivateKey) and key.key_size != 2048)
            ):
                raise BadInput("That is not an intact phantom key backup.", hint)
        elif len(material) != 32:
            raise BadInput("That is not an intact phantom key backup.", hint)
    backup["versions"] = versions
    return backup
