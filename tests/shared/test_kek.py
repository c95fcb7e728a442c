"""shared/kek.py: one master secret, a KEK per purpose (HKDF), wrapped key material bound to its label,
and a key file that is created once, atomically, with owner-only permissions."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from shared.errors import BadInput, Unavailable
from shared.kek import KEK_BYTES, MASTER_KEY_FILE, NONCE_BYTES, load_kek

MASTER = "correct horse battery staple"


def test_wrapped_material_opens_with_standard_aes_gcm_under_the_hkdf_derived_key(tmp_path: Path) -> None:
    kek = load_kek(tmp_path, "phantom keyring", {"HDR_MASTER_KEY": MASTER})
    wrapped = kek.wrap(b"secret material", "reports:v1")
    key = HKDF(hashes.SHA256(), KEK_BYTES, salt=b"hdr-empire-kek-v1", info=b"phantom keyring").derive(
        MASTER.encode()
    )
    opened = AESGCM(key).decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], b"reports:v1")
    assert opened == b"secret material" and kek.unwrap(wrapped, "reports:v1") == b"secret material"


def test_another_label_or_purpose_or_master_does_not_unwrap(tmp_path: Path) -> None:
    kek = load_kek(tmp_path, "phantom keyring", {"HDR_MASTER_KEY": MASTER})
    wrapped = kek.wrap(b"secret material", "reports:v1")
    others = [
        (kek, "reports:v2"),
        (load_kek(tmp_path, "compliance keys", {"HDR_MASTER_KEY": MASTER}), "reports:v1"),
        (load_kek(tmp_path, "phantom keyring", {"HDR_MASTER_KEY": MASTER + "!"}), "reports:v1"),
    ]
    for other, label in others:
        with pytest.raises(Unavailable) as refused:
            other.unwrap(wrapped, label)
        assert MASTER not in str(refused.value) and "secret material" not in str(refused.value)


def test_a_short_master_key_is_refused_without_echoing_it(tmp_path: Path) -> None:
    with pytest.raises(BadInput) as refused:
        load_kek(tmp_path, "p", {"HDR_MASTER_KEY": "hunter2"})
    assert "hunter2" not in str(refused.value)


def test_the_key_file_is_created_once_owner_only_and_shared_by_racing_starts(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with ThreadPoolExecutor(8) as pool:
        keks = list(pool.map(lambda _: load_kek(home, "p", {}), range(8)))
    wrapped = keks[0].wrap(b"x", "l")
    assert all(k.unwrap(wrapped, "l") == b"x" for k in keks)
    key_file = home / MASTER_KEY_FILE
    assert key_file.stat().st_mode & 0o777 == 0o600 and len(key_file.read_bytes()) == KEK_BYTES
    assert [p.name for p in home.iterdir()] == [MASTER_KEY_FILE]  # no temporary file left behind
    assert "source" in repr(keks[0]) and key_file.read_bytes().hex() not in repr(keks[0])


def test_a_key_file_others_can_read_or_of_the_wrong_size_is_refused(tmp_path: Path) -> None:
    key_file = tmp_path / MASTER_KEY_FILE
    key_file.write_bytes(os.urandom(KEK_BYTES))
    key_file.chmod(0o644)
    with pytest.raises(Unavailable, match="chmod 600"):
        load_kek(tmp_path, "p", {})
    key_file.chmod(0o600)
    key_file.write_bytes(b"short")
    with pytest.raises(Unavailable, match="not a 32-byte key"):
        load_kek(tmp_path, "p", {})
