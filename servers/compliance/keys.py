"""Signing keys for attestations: Ed25519, plus ML-DSA-65 for post-quantum signatures.

Keys are generated on first use and kept in the shared store; private parts are encrypted
with AES-256-GCM under a key-encryption key (KEK) and bound to their key id as associated
data, so a private blob cannot be swapped between rows. The KEK comes from HDR_MASTER_KEY
(any string, stretched with HKDF-SHA256) or from a 0600 file under HDR_HOME that is created on
first use (shared/kek.py, the same master secret phantom's keyring uses, with its own derived KEK).

Rotation retires the active key of each algorithm and creates a new one in one transaction;
retired public keys stay, so attestations signed before a rotation still verify.
Key ids are computed as securesystemslib computes them (SHA-256 of the canonical JSON of
keytype, scheme and public key value), so other DSSE implementations find the same ids.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from shared.kek import KeyEncryptionKey, load_kek
from shared.store import METADATA, Blob, Double, col
from shared.suite import Suite

ED25519 = "ed25519"
MLDSA65 = "mldsa65"
ALGORITHMS = (ED25519, MLDSA65)
# securesystemslib's keytype / scheme names (signer/_key.py)
SSLIB_NAMES = {ED25519: ("ed25519", "ed25519"), MLDSA65: ("ml-dsa", "ml-dsa-65/1")}

compliance_keys = sa.Table(
    "compliance_keys",
    METADATA,
    col("keyid", sa.Text, primary_key=True),
    col("algorithm", sa.Text),
    col("public", sa.Text),
    col("private_sealed", Blob),
    col("nonce", Blob),
    col("created_at", Double),
    col("retired_at", Double, nullable=True),
    sa.Index(
        "compliance_keys_active",
        "algorithm",
        unique=True,
        sqlite_where=sa.text("retired_at IS NULL"),
        postgresql_where=sa.text("retired_at IS NULL"),
    ),
)
SCHEMA = [compliance_keys]


@dataclass(frozen=True)
class PublicKey:
    keyid: str
    algorithm: str
    keytype: str
    scheme: str
    public: str  # hex of raw bytes (Ed25519) or PEM (ML-DSA), as securesystemslib serialises it
    created_at: float
    retired_at: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "keyid": self.keyid,
            "algorithm": self.algorithm,
            "keytype": self.keytype,
            "scheme": self.scheme,
            "keyval": {"public": self.public},
            "created_at": self.created_at,
            "retired_at": self.retired_at,
            "active": self.retired_at is None,
        }

    def verify(self, signature: bytes, data: bytes) -> None:
        """Raises (cryptography's InvalidSignature or ValueError) unless `signature` is ours over `data`."""
        self.crypto_key().verify(signature, scheme_message(self.algorithm, data))

    def crypto_key(self) -> Any:
        from cryptography.hazmat.primitives.asymmetric import ed25519
        from cryptography.hazmat.primitives.serialization import load_pem_public_key

        if self.algorithm == ED25519:
            return ed25519.Ed25519PublicKey.from_public_bytes(bytes.fromhex(self.public))
        return load_pem_public_key(self.public.encode())


def scheme_message(algorithm: str, data: bytes) -> bytes:
    """What the key signs for `data`. Ed25519 signs it directly; ML-DSA-65 follows the
    ml-dsa-65/1 scheme of securesystemslib (TUF TAP 21): "tuf" || 0x01 || SHA-512(data)."""
    if algorithm == MLDSA65:
        return b"tuf\x01" + hashlib.sha512(data).digest()
    return data


def _canonical(value: str | dict[str, Any]) -> str:
    """OLPC canonical JSON (what securesystemslib hashes for key ids): sorted keys, no spaces,
    and strings escape only backslash and double quote (a PEM's newlines stay raw)."""
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return "{" + ",".join(f"{_canonical(k)}:{_canonical(v)}" for k, v in sorted(value.items())) + "}"


def keyid_of(algorithm: str, public: str) -> str:
    keytype, scheme = SSLIB_NAMES[algorithm]
    canonical = _canonical({"keytype": keytype, "scheme": scheme, "keyval": {"public": public}})
    return hashlib.sha256(canonical.encode()).hexdigest()


KEK_PURPOSE = "compliance signing keys"
TRUST_FILE = "audit-pin.pub"


def publish_key(home: Path, keyid: str, algorithm: str, public: str) -> None:
    """Append a signing key's public part to the trust file beside the database (created 0644 on first
    use), the keys pins and attestations are verified against (see pins.py)."""
    keytype, scheme = SSLIB_NAMES[algorithm]
    line = (
        json.dumps(
            {"keyid": keyid, "keytype": keytype, "scheme": scheme, "keyval": {"public": public}},
            sort_keys=True,
        )
        + "\n"
    )
    fd = os.open(home / TRUST_FILE, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    with os.fdopen(fd, "a", encoding="utf-8") as f:
        f.write(line)  # one small O_APPEND write: concurrent appends do not interleave


def _kek(suite: Suite) -> KeyEncryptionKey:
    return load_kek(suite.config.ensure_home(), KEK_PURPOSE)


def _generate(algorithm: str) -> tuple[str, bytes]:
    """(public value as securesystemslib serialises it, private seed bytes)."""
    from cryptography.hazmat.primitives import serialization

    if algorithm == ED25519:
        from cryptography.hazmat.primitives.asymmetric import ed25519

        key = ed25519.Ed25519PrivateKey.generate()
        public = (
            key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()
        )
    else:
        from cryptography.hazmat.primitives.asymmetric import mldsa

        key = mldsa.MLDSA65PrivateKey.generate()
        public = (
            key.public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            .decode()
        )
    return public, key.private_bytes_raw()


def _private_key(algorithm: str, seed: bytes) -> Any:
    if algorithm == ED25519:
        from cryptography.hazmat.primitives.asymmetric import ed25519

        return ed25519.Ed25519PrivateKey.from_private_bytes(seed)
    from cryptography.hazmat.primitives.asymmetric import mldsa

    return mldsa.MLDSA65PrivateKey.from_seed_bytes(seed)


class Keyring:
    """The suite's attestation signing keys."""

    def __init__(self, suite: Suite) -> None:
        self.suite = suite
        suite.store.ensure_schema("compliance_keys", SCHEMA)

    def _insert(self, db: Any, algorithm: str) -> None:
        public, seed = _generate(algorithm)
        keyid = keyid_of(algorithm, public)
        sealed = _kek(self.suite).wrap(seed, keyid)  # nonce travels inside the wrapped blob
        db.execute(
            "INSERT INTO compliance_keys VALUES (:keyid, :algorithm, :public, :sealed, :nonce, :at, NULL)",
            {
                "keyid": keyid,
                "algorithm": algorithm,
                "public": public,
                "sealed": sealed,
                "nonce": b"",
                "at": time.time(),
            },
        )
        publish_key(self.suite.config.ensure_home(), keyid, algorithm, public)

    def _active_row(self, algorithm: str) -> Any:
        query = "SELECT * FROM compliance_keys WHERE algorithm=:algorithm AND retired_at IS NULL"
        row = self.suite.store.connection().execute(query, {"algorithm": algorithm}).fetchone()
        if row is None:
            with (
                self.suite.store.transaction() as db
            ):  # re-check under the write lock: one process creates it
                row = db.execute(query, {"algorithm": algorithm}).fetchone()
                if row is None:
                    self._insert(db, algorithm)
                    row = db.execute(query, {"algorithm": algorithm}).fetchone()
        return row

    def signer(self, algorithm: str) -> tuple[str, Callable[[bytes], bytes]]:
        """(keyid, sign function) of the active key (created on first use); the function applies
        the algorithm's signing scheme (`scheme_message`)."""
        keyid, key = self.private_key(algorithm)
        return keyid, lambda data: key.sign(scheme_message(algorithm, data))

    def private_key(self, algorithm: str) -> tuple[str, Any]:
        """(keyid, private key object) of the active key, created on first use."""
        row = self._active_row(algorithm)
        seed = _kek(self.suite).unwrap(
            row["private_sealed"], row["keyid"]
        )  # Unavailable under a wrong master key
        return row["keyid"], _private_key(algorithm, seed)

    def public_keys(self, include_retired: bool = True) -> list[PublicKey]:
        for algorithm in ALGORITHMS:  # first use: make sure both exist so the resource lists them
            self._active_row(algorithm)
        query = "SELECT keyid, algorithm, public, created_at, retired_at FROM compliance_keys"
        if not include_retired:
            query += " WHERE retired_at IS NULL"
        rows = self.suite.store.connection().execute(query + " ORDER BY created_at").fetchall()
        return [
            PublicKey(
                r["keyid"],
                r["algorithm"],
                *SSLIB_NAMES[r["algorithm"]],
                r["public"],
                r["created_at"],
                r["retired_at"],
            )
            for r in rows
        ]

    def public_key(self, keyid: str) -> PublicKey | None:
        row = (
            self.suite.store.connection()
            .execute(
                "SELECT keyid, algorithm, public, created_at, retired_at FROM compliance_keys WHERE keyid=:keyid",
                {"keyid": keyid},
            )
            .fetchone()
        )
        if row is None:
            return None
        return PublicKey(
            row["keyid"],
            row["algorithm"],
            *SSLIB_NAMES[row["algorithm"]],
            row["public"],
            row["created_at"],
            row["retired_at"],
        )

    def rotate(self) -> tuple[list[str], list[str]]:
        """Retire the active keys and create new ones, all in one transaction: (retired, new) key ids."""
        with self.suite.store.transaction() as db:
            retired = [
                r["keyid"]
                for r in db.execute(
                    "SELECT keyid FROM compliance_keys WHERE retired_at IS NULL ORDER BY algorithm"
                )
            ]
            db.execute(
                "UPDATE compliance_keys SET retired_at=:at WHERE retired_at IS NULL", {"at": time.time()}
            )
            for algorithm in ALGORITHMS:
                self._insert(db, algorithm)
            new = [
                r["keyid"]
                for r in db.execute(
                    "SELECT keyid FROM compliance_keys WHERE retired_at IS NULL ORDER BY algorithm"
                )
            ]
        return retired, new


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()
