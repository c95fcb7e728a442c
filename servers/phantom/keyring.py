"""phantom's local keyring: named, versioned keys in the shared SQLite store.

Each key version's material is wrapped under the KEK (shared/kek.py) before it touches the store.
A rotation, a policy change or a destruction is one transaction: a process killed half-way
leaves the keyring as it was before the call. Key facts and unwrapped material are cached in the
process, and every lookup first asks the store whether any connection, in any process, has
committed since the cache was last found current (`Store.commit_watch`: a read of SQLite's
WAL-index header in shared memory, ~50 ns); if so the cache is dropped, so a rotation,
retirement or destruction in another server process is seen by the next call. Any commit to the
shared database drops it (an audit record, a proposal...): that only costs a re-read.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from shared import evidence, sealing
from shared.errors import BadInput, Conflict, NotFound, Refused
from shared.kek import KeyEncryptionKey
from shared.store import (
    METADATA,
    BigInt,
    Blob,
    Double,
    Migration,
    Store,
    Tx,
    add_missing_columns,
    col,
    column_names,
)

KEY_TYPES = {
    "aes256-gcm": 32,
    "chacha20-poly1305": 32,
    sealing.ALGORITHM: sealing.PRIVATE_KEY_BYTES,
    "ed25519": 0,
    "ecdsa-p256": 0,
    "rsa-2048": 0,
    "hmac": 32,
}
SYMMETRIC_TYPES = ("aes256-gcm", "chacha20-poly1305")
SIGNING_TYPES = ("ed25519", "ecdsa-p256", "rsa-2048")  # material: the private key, PKCS#8 DER
MIN_AUTO_ROTATE_SECONDS = 3600  # as Vault Transit's auto_rotate_period: at least an hour, or 0 (off)
KEY_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
KEY_NAME_HINT = "Use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit."

phantom_keys = sa.Table(
    "phantom_keys",
    METADATA,
    col("name", sa.Text, primary_key=True),
    col("type", sa.Text),
    col("latest_version", BigInt),
    col("min_decryption_version", BigInt),
    col("derived", BigInt),
    col("convergent", BigInt),
    col("created_at", Double),
    col("rotated_at", Double),
    col("destroyed_at", Double, nullable=True),
    col("siv_from", BigInt, server_default="1"),
    col("exportable", BigInt, server_default="0"),
    col("allow_plaintext_backup", BigInt, server_default="0"),
    col("auto_rotate_period", Double, server_default="0"),
    col("min_available_version", BigInt, server_default="1"),
)
phantom_key_versions = sa.Table(
    "phantom_key_versions",
    METADATA,
    col("name", sa.Text, sa.ForeignKey("phantom_keys.name"), primary_key=True),
    col("version", BigInt, primary_key=True, autoincrement=False),
    col("wrapped", Blob),
    col("created_at", Double),
)
SCHEMA = [phantom_keys, phantom_key_versions]
# Columns added after the first release: a database made before them gains them on first open.
# siv_from: convergent keys encrypt in the misuse-resistant form (AES-256-GCM-SIV, `phantom:v<N>:siv:`)
# since that form exists; the legacy convergent form (AES-GCM, nonce from plaintext only, forgeable
# from two ciphertexts of one value under different associated data) is accepted only under key
# versions below siv_from: keys older than the fix get latest_version + 1, new keys 1.
# exportable / allow_plaintext_backup: whether `export_key` may hand out private material (never by default;
# once set they cannot be unset, as in Vault); auto_rotate_period: seconds after which the next use rotates the
# key first (0: never); min_available_version: versions below it were trimmed (their material deleted).
ADDED_COLUMNS = [
    "siv_from",
    "exportable",
    "allow_plaintext_backup",
    "auto_rotate_period",
    "min_available_version",
]


def _add_columns(db: Tx) -> None:
    """Databases made before a column existed gain it; keys that already existed keep accepting
    their legacy convergent ciphertext (siv_from past their versions)."""
    had_siv = "siv_from" in column_names(db, "phantom_keys")
    add_missing_columns(db, phantom_keys, ADDED_COLUMNS)
    if not had_siv:
        db.execute("UPDATE phantom_keys SET siv_from = latest_version + 1")


MIGRATIONS = [Migration(2, "columns added before versioned migrations", _add_columns)]


def new_material(key_type: str) -> bytes:
    """Fresh key material of a type: random bytes, a sealing key pair's private half, or a signing key (PKCS#8)."""
    if key_type in SIGNING_TYPES:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

        private: ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
        if key_type == "ed25519":
            private = ed25519.Ed25519PrivateKey.generate()
        elif key_type == "ecdsa-p256":
            private = ec.generate_private_key(ec.SECP256R1())
        else:  # rsa-2048
            private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        return private.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    if key_type == sealing.ALGORITHM:
        return sealing.generate_keypair()[0]
    return secrets.token_bytes(KEY_TYPES[key_type])


def check_period(seconds: float) -> float:
    if seconds and not MIN_AUTO_ROTATE_SECONDS <= seconds <= 10 * 365 * 86400:
        raise BadInput(
            f"auto_rotate_period must be 0 (off) or {MIN_AUTO_ROTATE_SECONDS} seconds (one hour) to "
            "ten years.",
            "E.g. 2592000 for 30 days.",
        )
    return seconds


def check_key_name(name: str) -> str:
    if not isinstance(name, str) or not KEY_NAME.match(name):
        raise BadInput("That key name is not allowed.", KEY_NAME_HINT)
    return name


def missing_key(name: str) -> NotFound:
    """The one error for a key that does not exist (or, behind the gateway, is another caller's)."""
    return NotFound(
        f"There is no key named {name!r}.", "Call `keys` to list keys, or encrypt once to create it."
    )


@dataclass(frozen=True)
class KeyInfo:
    """A key's public facts: never its material."""

    name: str
    type: str
    latest_version: int
    min_decryption_version: int
    derived: bool
    convergent: bool
    created_at: float
    rotated_at: float
    destroyed_at: float | None
    version_created_at: dict[int, float] = field(default_factory=dict)
    siv_from: int = 1  # convergent keys: the legacy (forgeable) form is accepted only below this version
    exportable: bool = False
    allow_plaintext_backup: bool = False
    auto_rotate_period: float = 0.0
    min_available_version: int = 1

    def rotation_due(self, now: float | None = None) -> bool:
        return (
            bool(self.auto_rotate_period)
            and (now or time.time()) >= self.rotated_at + self.auto_rotate_period
        )

    @property
    def destroyed(self) -> bool:
        return self.destroyed_at is not None


class Keyring:
    def __init__(self, store: Store, kek: KeyEncryptionKey) -> None:
        self.store = store
        self.kek = kek
        store.ensure_schema("phantom.keyring", SCHEMA, MIGRATIONS)
        self._material: dict[tuple[str, int], bytes] = {}
        self._info: dict[str, KeyInfo] = {}
        self._side: dict[Any, Any] = {}
        self._watch = store.commit_watch()
        self._seen_token: object = None  # the store's commit token when the cache was last found current
        self._generation = 0
        self._lock = threading.Lock()

    # -- reading -------------------------------------------------------------------------------

    def side_cache(self) -> dict[Any, Any]:
        """The freshness check, then a dict for what callers derive from keys (transit's ciphers):
        it is replaced by an empty one whenever the key cache is dropped, so what a caller finds in
        it is never older than the keys as of this check. Fill it only with what was read after
        getting it (and put it in that dict, not in a later one)."""
        token = self._watch.token()  # as _drop_cache_if_stale, inlined: every data call comes here
        if token != self._seen_token:
            self._drop_cache(token)
        return self._side

    def _drop_cache_if_stale(self) -> None:
        # The token is read before the cache is: a commit after this read changes it again, so
        # the next call drops whatever this one may still use.
        token = self._watch.token()
        if token != self._seen_token:
            self._drop_cache(token)

    def _drop_cache(self, token: object) -> None:
        with self._lock:
            self._clear()
            self._seen_token = (
                token  # only once the cache is empty: whoever finds it current reads no older entry
            )

    def _invalidate(self) -> None:
        with self._lock:
            self._clear()

    def _clear(self) -> None:
        """Empty the cache (holding the lock). The new generation stops fills that began earlier
        from installing what they read."""
        self._generation += 1
        self._material.clear()
        self._info.clear()
        self._side = {}  # replaced, not cleared: a fill still holding the old dict puts its entry there

    def get(self, name: str) -> KeyInfo | None:
        self._drop_cache_if_stale()
        info = self._info.get(name)
        if info is not None:
            return info
        generation = self._generation
        db = self.store.connection()
        row = db.execute("SELECT * FROM phantom_keys WHERE name=:name", {"name": name}).fetchone()
        if row is None:
            return None
        versions = {
            r["version"]: r["created_at"]
            for r in db.execute(
                "SELECT version, created_at FROM phantom_key_versions WHERE name=:name ORDER BY version",
                {"name": name},
            )
        }
        info = KeyInfo(
            row["name"],
            row["type"],
            row["latest_version"],
            row["min_decryption_version"],
            bool(row["derived"]),
            bool(row["convergent"]),
            row["created_at"],
            row["rotated_at"],
            row["destroyed_at"],
            versions,
            row["siv_from"],
            bool(row["exportable"]),
            bool(row["allow_plaintext_backup"]),
            row["auto_rotate_period"],
            row["min_available_version"],
        )
        with self._lock:
            if generation == self._generation:
                self._info[name] = info
        return info

    def require(self, name: str) -> KeyInfo:
        self._drop_cache_if_stale()
        # a cached name was read back from the store, so it is a valid key name already
        info = self._info.get(name) if type(name) is str else None
        if info is None:
            info = self.get(check_key_name(name))
        if info is None:
            raise missing_key(name)
        if info.destroyed:
            raise Refused(
                f"Key {name!r} was destroyed; data encrypted under it is unrecoverable.",
                "Use another key name.",
            )
        return info

    def material(self, name: str, version: int) -> bytes:
        """Unwrapped material of one version (callers check policy first)."""
        cached = self._material.get((name, version))
        if cached is not None:
            return cached
        generation = self._generation
        row = (
            self.store.connection()
            .execute(
                "SELECT wrapped FROM phantom_key_versions WHERE name=:name AND version=:v",
                {"name": name, "v": version},
            )
            .fetchone()
        )
        if row is None:
            info = self.get(name)
            if info is not None and version < info.min_available_version:
                raise Refused(
                    f"Version {version} of key {name!r} was trimmed (its material is deleted).",
                    f"Use a version from {info.min_available_version} to {info.latest_version}.",
                )
            raise NotFound(f"Key {name!r} has no version {version}.", "Call `keys` to see its versions.")
        material = self.kek.unwrap(row["wrapped"], f"phantom-key:{name}:{version}")
        with self._lock:
            if generation == self._generation:
                self._material[(name, version)] = material
        return material

    def list(self) -> list[KeyInfo]:
        names = [
            r["name"] for r in self.store.connection().execute("SELECT name FROM phantom_keys ORDER BY name")
        ]
        return [info for n in names if (info := self.get(n)) is not None]

    # -- changing (each one transaction) ---------------------------------------------------------

    def create(
        self,
        name: str,
        key_type: str = "aes256-gcm",
        *,
        derived: bool = False,
        convergent: bool = False,
        exportable: bool = False,
        allow_plaintext_backup: bool = False,
        auto_rotate_period: float = 0.0,
    ) -> KeyInfo:
        check_key_name(name)
        _check_key_kind(key_type, derived, convergent)
        check_period(auto_rotate_period)
        now = time.time()
        material = new_material(key_type)
        with self.store.transaction() as db:
            existing = db.execute(
                "SELECT type, derived, convergent, destroyed_at FROM phantom_keys WHERE name=:name",
                {"name": name},
            ).fetchone()
            if existing is not None:
                _check_same_key(existing, name, key_type, derived, convergent)
            else:
                db.execute(
                    "INSERT INTO phantom_keys (name, type, latest_version, min_decryption_version, derived,"
                    " convergent, created_at, rotated_at, destroyed_at, siv_from, exportable,"
                    " allow_plaintext_backup, auto_rotate_period, min_available_version)"
                    " VALUES (:name, :type, 1, 1, :derived, :convergent, :now, :now, NULL, 1, :exportable,"
                    " :backup, :period, 1)",
                    {
                        "name": name,
                        "type": key_type,
                        "derived": int(derived),
                        "convergent": int(convergent),
                        "now": now,
                        "exportable": int(exportable),
                        "backup": int(allow_plaintext_backup),
                        "period": float(auto_rotate_period),
                    },
                )
                db.execute(
                    "INSERT INTO phantom_key_versions VALUES (:name, 1, :wrapped, :now)",
                    {"name": name, "wrapped": self.kek.wrap(material, f"phantom-key:{name}:1"), "now": now},
                )
                self._publish()
        self._invalidate()
        return self.require(name)

    def ensure(self, name: str, key_type: str = "aes256-gcm") -> KeyInfo:
        """The key, created with defaults on first use (as Vault's transit upsert does)."""
        info = self.get(check_key_name(name))
        if info is None:
            return self.create(name, key_type)
        if info.destroyed:
            return self.require(name)  # raises Refused
        return info

    def rotate(self, name: str, *, only_if_due: bool = False) -> KeyInfo:
        """Add a version. With `only_if_due`, only when the key's auto_rotate_period has elapsed since its
        last rotation, decided inside the transaction (two processes using a due key rotate it once)."""
        info = self.require(name)
        material = new_material(info.type)  # before the write lock: an RSA key takes a while
        with self.store.transaction() as db:
            row = db.execute(
                "SELECT type, latest_version, destroyed_at, rotated_at, auto_rotate_period"
                " FROM phantom_keys WHERE name=:name",
                {"name": name},
            ).fetchone()
            if row["destroyed_at"] is not None:
                raise Refused(f"Key {name!r} was destroyed.", "Use another key name.")
            now = time.time()
            due = bool(row["auto_rotate_period"]) and now >= row["rotated_at"] + row["auto_rotate_period"]
            if due or not only_if_due:
                version = row["latest_version"] + 1
                db.execute(
                    "INSERT INTO phantom_key_versions VALUES (:name, :v, :wrapped, :now)",
                    {
                        "name": name,
                        "v": version,
                        "wrapped": self.kek.wrap(material, f"phantom-key:{name}:{version}"),
                        "now": now,
                    },
                )
                db.execute(
                    "UPDATE phantom_keys SET latest_version=:v, rotated_at=:now WHERE name=:name",
                    {"v": version, "now": now, "name": name},
                )
                self._publish()
        self._invalidate()
        return self.require(name)

    def configure(
        self,
        name: str,
        min_decryption_version: int | None = None,
        *,
        auto_rotate_period: float | None = None,
        exportable: bool | None = None,
        allow_plaintext_backup: bool | None = None,
        min_available_version: int | None = None,
    ) -> KeyInfo:
        """Change a key's policy; everything is checked before anything changes, in one transaction.
        `min_available_version` trims (Vault Transit's trim): the material of every version below it is
        deleted. Only versions already refused for decryption may go, so it must not exceed the
        min_decryption_version (as set by this same call, if it sets one)."""
        info = self.require(name)
        changes, trim_to = _policy_changes(
            info,
            name,
            min_decryption_version,
            auto_rotate_period,
            exportable,
            allow_plaintext_backup,
            min_available_version,
        )
        if not changes:
            return info
        with self.store.transaction() as db:
            db.execute(
                f"UPDATE phantom_keys SET {', '.join(f'{c}=:{c}' for c in changes)} "  # noqa: S608 (fixed names)
                "WHERE name=:key_name AND destroyed_at IS NULL",
                {**changes, "key_name": name},
            )
            if trim_to is not None:
                db.execute(
                    "DELETE FROM phantom_key_versions WHERE name=:name AND version<:v",
                    {"name": name, "v": trim_to},
                )
            self._publish()
        self._invalidate()
        return self.require(name)

    def trim(self, name: str, min_available_version: int) -> KeyInfo:
        return self.configure(name, min_available_version=min_available_version)

    def restore(self, name: str, backup: dict[str, Any]) -> KeyInfo:
        """A key from a checked backup (signing.parse_backup) under `name`, which must be free (Transit's
        restore without force): every version re-wrapped under this KEK, its policy as backed up."""
        check_key_name(name)
        now = time.time()
        with self.store.transaction() as db:
            if (
                db.execute("SELECT 1 FROM phantom_keys WHERE name=:name", {"name": name}).fetchone()
                is not None
            ):
                raise Conflict(
                    f"Key {name!r} already exists; a backup is restored only under a free name.",
                    "Restore under another name, or destroy the existing key first.",
                )
            db.execute(
                "INSERT INTO phantom_keys (name, type, latest_version, min_decryption_version, derived,"
                " convergent, created_at, rotated_at, destroyed_at, siv_from, exportable,"
                " allow_plaintext_backup, auto_rotate_period, min_available_version)"
                " VALUES (:name, :type, :latest, :min_dec, :derived, :convergent, :created, :rotated, NULL, :siv,"
                " :exportable, :backup, :period, :min_avail)",
                {
                    "name": name,
                    "type": backup["type"],
                    "latest": int(backup["latest_version"]),
                    "min_dec": int(backup["min_decryption_version"]),
                    "derived": int(bool(backup["derived"])),
                    "convergent": int(bool(backup["convergent"])),
                    "created": float(backup.get("created_at", now)),
                    "rotated": float(backup.get("rotated_at", now)),
                    "siv": int(backup.get("siv_from", 1)),
                    "exportable": int(bool(backup.get("exportable"))),
                    "backup": int(bool(backup.get("allow_plaintext_backup"))),
                    "period": float(backup.get("auto_rotate_period", 0)),
                    "min_avail": int(backup["min_available_version"]),
                },
            )
            for version, material in sorted(backup["versions"].items()):
                db.execute(
                    "INSERT INTO phantom_key_versions VALUES (:name, :v, :wrapped, :now)",
                    {
                        "name": name,
                        "v": version,
                        "wrapped": self.kek.wrap(material, f"phantom-key:{name}:{version}"),
                        "now": now,
                    },
                )
            self._publish()
        self._invalidate()
        return self.require(name)

    def destroy(self, name: str) -> KeyInfo:
        """Crypto-shred: delete every version's material; the name stays as a tombstone."""
        self.require(name)
        now = time.time()
        with self.store.transaction() as db:
            db.execute("DELETE FROM phantom_key_versions WHERE name=:name", {"name": name})
            db.execute(
                "UPDATE phantom_keys SET destroyed_at=:now WHERE name=:name", {"now": now, "name": name}
            )
            self._publish()
        self._invalidate()
        info = self.get(name)
        assert info is not None
        return info

    def _publish(self) -> None:
        """Evidence phantom.keys (called inside the changing transaction, so it is never stale)."""
        db = self.store.connection()
        keys = [
            {
                "name": r["name"],
                "latest_version": r["latest_version"],
                "min_decryption_version": r["min_decryption_version"],
                "algorithm": r["type"],
                "created_at": r["created_at"],
                "rotated_at": r["rotated_at"],
                "destroyed": r["destroyed_at"] is not None,
            }
            for r in db.execute("SELECT * FROM phantom_keys ORDER BY name")
        ]
        evidence.publish(self.store, "phantom", "keys", {"keys": keys})


def _check_key_kind(key_type: str, derived: bool, convergent: bool) -> None:
    """BadInput unless `key_type` is known and can be derived/convergent as asked."""
    if key_type not in KEY_TYPES:
        raise BadInput(f"Unknown key type {key_type[:40]!r}.", f"Use one of: {', '.join(KEY_TYPES)}.")
    if convergent and not derived:
        raise BadInput(
            "Convergent (deterministic) encryption needs a derived key.",
            "Set derived=true as well, and pass a context with every call.",
        )
    if key_type not in SYMMETRIC_TYPES and (derived or convergent):
        raise BadInput(
            "Only symmetric keys can be derived or convergent.", "Use aes256-gcm or chacha20-poly1305."
        )


def _check_same_key(existing: Any, name: str, key_type: str, derived: bool, convergent: bool) -> None:
    """Creating a key that exists is fine if it is the same kind of key; never for a destroyed one."""
    if existing["destroyed_at"] is not None:
        raise Refused(f"Key {name!r} was destroyed and its name cannot be reused.", "Use another key name.")
    if (existing["type"], bool(existing["derived"]), bool(existing["convergent"])) != (
        key_type,
        derived,
        convergent,
    ):
        raise Conflict(
            f"Key {name!r} already exists with type {existing['type']}, "
            f"derived={bool(existing['derived'])}, convergent={bool(existing['convergent'])}.",
            "Use it as it is, or create a key with another name.",
        )


def _policy_changes(
    info: KeyInfo,
    name: str,
    min_decryption_version: int | None,
    auto_rotate_period: float | None,
    exportable: bool | None,
    allow_plaintext_backup: bool | None,
    min_available_version: int | None,
) -> tuple[dict[str, Any], int | None]:
    """The columns `configure` sets (all checked first) and the version to trim below (None: no trim)."""
    changes: dict[str, Any] = {}
    trim_to = None
    if min_available_version is not None:
        decryption_floor = min_decryption_version or info.min_decryption_version
        if not 1 <= min_available_version <= decryption_floor:
            raise BadInput(
                f"min_available_version must be between 1 and min_decryption_version "
                f"({decryption_floor}) of key {name!r}: versions still accepted for decryption "
                "cannot be trimmed.",
                "Rewrap your data, raise min_decryption_version first (or in the same call), then "
                "trim up to it.",
            )
        if min_available_version > info.min_available_version:
            trim_to = changes["min_available_version"] = min_available_version
    if min_decryption_version is not None:
        if not info.min_available_version <= min_decryption_version <= info.latest_version:
            raise BadInput(
                f"min_decryption_version must be between min_available_version "
                f"({info.min_available_version}) and the latest version ({info.latest_version}) "
                f"of key {name!r}.",
                "Rotate first to retire the latest version; trimmed versions cannot come back.",
            )
        changes["min_decryption_version"] = min_decryption_version
    if auto_rotate_period is not None:
        changes["auto_rotate_period"] = float(check_period(auto_rotate_period))
    for flag, value in (("exportable", exportable), ("allow_plaintext_backup", allow_plaintext_backup)):
        if value is None:
            continue
        if getattr(info, flag) and not value:
            raise BadInput(
                f"{flag} cannot be unset once set (key {name!r}): its material may have left already.",
                "Create a new key without it and rewrap your data under that key.",
            )
        changes[flag] = int(value)
    return changes, trim_to
