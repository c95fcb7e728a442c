"""Key-encryption keys (KEKs): what protects key material at rest in the shared store
(phantom's keyring, compliance's signing keys).

The suite has one master secret: HDR_MASTER_KEY when set (any secret string of at least 16
characters), otherwise `master.key` under HDR_HOME — 32 random bytes created with mode 0600 on
first run. The file is written to a temporary name and linked into place, so a process killed
while creating it never leaves a short key behind, and two processes starting at once agree on
one key. Each purpose gets its own KEK derived from the master with HKDF-SHA256, so a wrapped
key from one server's table never unwraps under another's KEK.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from shared.errors import BadInput, Unavailable

MASTER_KEY_FILE = "master.key"
KEK_FILE = MASTER_KEY_FILE  # the file a key-file installation keeps; back it up with the database
KEK_BYTES = 32
NONCE_BYTES = 12


class KeyEncryptionKey:
    """Wraps and unwraps key material; `label` (name and version) is bound as associated data,
    so a wrapped key copied to another row does not unwrap."""

    def __init__(self, key: bytes, source: str, purpose: str = "") -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._aead = AESGCM(key)
        self.source = source  # "HDR_MASTER_KEY" or the file path; never the key itself
        self.purpose = purpose

    def __repr__(self) -> str:
        return f"KeyEncryptionKey(purpose={self.purpose!r}, source={self.source!r})"

    def wrap(self, material: bytes, label: str) -> bytes:
        nonce = secrets.token_bytes(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, material, label.encode())

    def unwrap(self, wrapped: bytes, label: str) -> bytes:
        from cryptography.exceptions import InvalidTag

        try:
            return self._aead.decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], label.encode())
        except (InvalidTag, ValueError):
            raise Unavailable(
                f"Stored key material ({self.purpose}: {label}) cannot be unlocked with the current master key "
                f"(from {self.source}).",
                "Start the suite with the HDR_MASTER_KEY (or HDR_HOME/master.key file) the keys were created under.",
            ) from None


def load_kek(home: Path, purpose: str, env: dict[str, str] | None = None) -> KeyEncryptionKey:
    """The KEK for `purpose` (e.g. "phantom keyring"), derived from HDR_MASTER_KEY, else from
    (or newly into) HDR_HOME/master.key."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    env = dict(os.environ) if env is None else env
    master = env.get("HDR_MASTER_KEY")
    if master:
        if len(master) < 16:
            raise BadInput(
                "HDR_MASTER_KEY is too short to be a key.",
                "Set it to at least 16 random characters (e.g. `openssl rand -base64 32`).",
            )
        material, source = master.encode(), "HDR_MASTER_KEY"
    else:
        path = home / MASTER_KEY_FILE
        material, source = _read_or_create(path), str(path)
    key = HKDF(hashes.SHA256(), KEK_BYTES, salt=b"hdr-empire-kek-v1", info=purpose.encode()).derive(material)
    return KeyEncryptionKey(key, source, purpose)


def _read_or_create(path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, secrets.token_bytes(KEK_BYTES))
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)  # atomic; fails if another process won the race: use theirs
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    key = path.read_bytes()
    if len(key) != KEK_BYTES:
        raise Unavailable(
            f"The key file {path} is not a {KEK_BYTES}-byte key.",
            "Restore it from backup, or set HDR_MASTER_KEY to the master key.",
        )
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        raise Unavailable(
            f"The key file {path} is readable by other users (mode {mode:o}).", f"Run `chmod 600 {path}`."
        )
    return key
