"""The binary and text data paths of LocalTransit, and that a key changed through another
connection (another server process) is never used once that commit is visible."""

from __future__ import annotations

from pathlib import Path

import pytest

from servers.phantom.keyring import Keyring
from servers.phantom.service import KEK_PURPOSE
from servers.phantom.transit import Item, LocalTransit, parse_ciphertext
from shared.errors import BadInput, NotFound, Refused
from shared.kek import load_kek
from shared.store import Store


def transit_at(home: Path) -> LocalTransit:
    """A transit with its own Store object, hence its own SQLite connection, like another process."""
    return LocalTransit(Keyring(Store(home / "state.db"), load_kek(home, KEK_PURPOSE, env={})))


def test_binary_form_round_trips_and_rejects_tampering(tmp_path: Path) -> None:
    transit = transit_at(tmp_path)
    transit.ensure_key("k")
    blob = transit.encrypt_bytes("k", Item(b"payload" * 1000, None, b"row 1"))
    assert bytes(blob).startswith(b"phantom:v1:") and b"payload" not in blob
    assert transit.decrypt_bytes("k", blob, Item(b"", None, b"row 1")) == b"payload" * 1000
    with pytest.raises(Refused, match="altered"):
        transit.decrypt_bytes("k", blob, Item(b"", None, b"row 2"))
    blob[-1] ^= 1
    with pytest.raises(Refused, match="altered"):
        transit.decrypt_bytes("k", blob, Item(b"", None, b"row 1"))
    with pytest.raises(BadInput, match="binary phantom ciphertext"):
        transit.decrypt_bytes("k", b"phantom:v1:short")


def test_text_form_accepts_str_bytes_and_the_url_safe_alphabet(tmp_path: Path) -> None:
    transit = transit_at(tmp_path)
    transit.ensure_key("k")
    text = transit.encrypt("k", [Item(b"\xfb\xff" * 500)])[0]
    url_safe = text.replace("+", "-").replace("/", "_")
    assert parse_ciphertext(text) == parse_ciphertext(text.encode()) == parse_ciphertext(url_safe)
    assert transit.decrypt("k", [Item(text.encode()), Item(url_safe.encode())]) == [b"\xfb\xff" * 500] * 2


def test_a_key_destroyed_or_retired_through_another_connection_is_not_used_afterwards(tmp_path: Path) -> None:
    mine, other = transit_at(tmp_path), transit_at(tmp_path)
    mine.ensure_key("subject")
    old = mine.encrypt("subject", [Item(b"v1 data")])[0]
    blob = mine.encrypt_bytes("subject", Item(b"v1 blob"))
    assert mine.decrypt("subject", [Item(old.encode())]) == [b"v1 data"]  # caches key and cipher objects
    other.rotate("subject")
    other.configure("subject", 2)
    with pytest.raises(Refused, match="min_decryption_version"):
        mine.decrypt_bytes("subject", blob)
    assert mine.encrypt("subject", [Item(b"x")])[0].startswith("phantom:v2:")
    other.destroy("subject")
    with pytest.raises((Refused, NotFound)):
        mine.encrypt_bytes("subject", Item(b"after"))
    with pytest.raises((Refused, NotFound)):
        mine.decrypt("subject", [Item(old.encode())])
