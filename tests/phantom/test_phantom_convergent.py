"""Convergent encryption against the forgery issue #13 reproduced: in the first format the nonce came from
key, context and plaintext only, so one value under two associated data shared an AES-GCM nonce, and
GCM's authenticator (a polynomial in the hash key H) gives H away from the two tags. The attack is carried
out here for real: it forges a tag that `cryptography`'s AES-GCM accepts for the legacy form, and the same
attack on the new form (AES-256-GCM-SIV, nonce over every AEAD input) is refused by phantom's `decrypt`."""

from __future__ import annotations

import base64
import hashlib
import hmac
import sqlite3

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from mcp import Client

from servers.phantom.server import kit
from servers.phantom.service import services
from servers.phantom.transit import _derive
from shared.suite import Suite

# -- GF(2^128) in GCM's bit order (NIST SP 800-38D, section 6.3) ------------------------------------

R = 0xE1 << 120


def gf_mul(x: int, y: int) -> int:
    z, v = 0, y
    for i in range(127, -1, -1):
        if (x >> i) & 1:
            z ^= v
        v = (v >> 1) ^ R if v & 1 else v >> 1
    return z


def gf_pow(x: int, e: int) -> int:
    result, base = 1 << 127, x  # 1 << 127 is the field's one in GCM's reflected order
    while e:
        if e & 1:
            result = gf_mul(result, base)
        base = gf_mul(base, base)
        e >>= 1
    return result


def gf_inv(x: int) -> int:
    return gf_pow(x, (1 << 128) - 2)


def blocks(data: bytes) -> list[int]:
    data = data + b"\0" * (-len(data) % 16)
    return [int.from_bytes(data[i : i + 16], "big") for i in range(0, len(data), 16)]


def ghash(h: int, aad: bytes, ciphertext: bytes) -> int:
    y = 0
    lengths = (len(aad) * 8) << 64 | len(ciphertext) * 8
    for block in [*blocks(aad), *blocks(ciphertext), lengths]:
        y = gf_mul(y ^ block, h)
    return y


def forge(aad1: bytes, ct1: bytes, tag1: bytes, aad2: bytes, tag2: bytes, new_aad: bytes) -> bytes:
    """A valid tag for (new_aad, ct1) from two tags of one ciphertext under one nonce and two associated data
    that differ in their last 16-byte block only, the ciphertext being two blocks long: the tags then differ
    by (A1 xor A2) * H^4, and a fourth root in GF(2^128) is unique (squaring is a bijection)."""
    assert len(aad1) == len(aad2) == len(new_aad) and len(aad1) % 16 == 0 and 16 < len(ct1) <= 32
    diff = int.from_bytes(tag1, "big") ^ int.from_bytes(tag2, "big")
    a_diff = blocks(aad1)[-1] ^ blocks(aad2)[-1]
    h4 = gf_mul(diff, gf_inv(a_diff))
    h = gf_pow(h4, 1 << 126)  # (H^4)^(2^126) = H^(2^128) = H
    mask = int.from_bytes(tag1, "big") ^ ghash(h, aad1, ct1)  # E_K(J0)
    return (ghash(h, new_aad, ct1) ^ mask).to_bytes(16, "big")


PLAINTEXT = b"card 4111111111111111!"  # 22 bytes: two ciphertext blocks
NAME = "subjects"


def aad_prefix(version: int = 1) -> bytes:
    return b"phantom:%s:v%d\x00" % (NAME.encode(), version)


def pad_ad(tail: bytes) -> bytes:
    """Associated data that, after phantom's prefix, fills whole blocks and varies in the last block only."""
    fill = -(len(aad_prefix()) + 16) % 16
    return b"x" * fill + tail.ljust(16, b".")


def legacy_convergent(material: bytes, context: bytes, data: bytes, ad: bytes, version: int = 1) -> str:
    """The first format, as servers/phantom/transit.py made it before the fix."""
    nonce = hmac.new(material + context, data, hashlib.sha256).digest()[:12]
    body = AESGCM(_derive(material, context)).encrypt(nonce, data, aad_prefix(version) + ad)
    return f"phantom:v{version}:" + base64.b64encode(nonce + body).decode()


def split(ciphertext: str) -> tuple[str, bytes, bytes, bytes]:
    header, _, body = ciphertext.rpartition(":")
    raw = base64.b64decode(body)
    return header + ":", raw[:12], raw[12:-16], raw[-16:]


def ok(result):
    assert not result.is_error, result.content[0].text
    return result.structured_content


def err(result) -> str:
    assert result.is_error
    return result.content[0].text


def test_the_forgery_works_on_the_legacy_form() -> None:
    """The attack itself, checked against cryptography's AES-GCM: without this the refusal below proves nothing."""
    material, context = b"k" * 32, b"alice"
    ad1, ad2, ad3 = pad_ad(b"row 1"), pad_ad(b"row 2"), pad_ad(b"row 999 (forged)")
    _, n1, ct1, tag1 = split(legacy_convergent(material, context, PLAINTEXT, ad1))
    _, n2, ct2, tag2 = split(legacy_convergent(material, context, PLAINTEXT, ad2))
    assert n1 == n2 and ct1 == ct2  # the nonce ignored the associated data
    forged = forge(aad_prefix() + ad1, ct1, tag1, aad_prefix() + ad2, tag2, aad_prefix() + ad3)
    aead = AESGCM(_derive(material, context))
    assert aead.decrypt(n1, ct1 + forged, aad_prefix() + ad3) == PLAINTEXT
    with pytest.raises(InvalidTag):
        aead.decrypt(n1, ct1 + bytes(16), aad_prefix() + ad3)


async def test_a_forged_convergent_tag_is_refused(offline_suite: Suite) -> None:
    ad1, ad2, ad3 = pad_ad(b"row 1"), pad_ad(b"row 2"), pad_ad(b"row 999 (forged)")
    text = PLAINTEXT.decode()
    async with Client(kit.mcp) as client:
        ok(await client.call_tool("configure_key", {"key": NAME, "derived": True, "convergent": True}))
        one = ok(
            await client.call_tool(
                "encrypt",
                {"plaintext": text, "key": NAME, "context": "alice", "associated_data": ad1.decode()},
            )
        )["ciphertext"]
        two = ok(
            await client.call_tool(
                "encrypt",
                {"plaintext": text, "key": NAME, "context": "alice", "associated_data": ad2.decode()},
            )
        )["ciphertext"]
        again = ok(
            await client.call_tool(
                "encrypt",
                {"plaintext": text, "key": NAME, "context": "alice", "associated_data": ad1.decode()},
            )
        )["ciphertext"]
        assert one == again  # still deterministic for identical inputs
        header, n1, ct1, tag1 = split(one)
        _, n2, ct2, tag2 = split(two)
        assert header == "phantom:v1:siv:" and n1 != n2 and ct1 != ct2  # nothing shared between the two
        # the attacker tries the same algebra anyway, and a plain edit of the ciphertext
        prefix = aad_prefix()
        forged = forge(prefix + ad1, ct1, tag1, prefix + ad2, tag2, prefix + ad3)
        flipped = bytes([ct1[0] ^ 1]) + ct1[1:]
        for body, ad in (
            (n1 + ct1 + forged, ad3),
            (n1 + flipped + tag1, ad1),
            (n2 + ct1 + tag1, ad1),
            (n1 + ct1 + tag1, ad2),
        ):
            attempt = header + base64.b64encode(body).decode()
            refused = err(
                await client.call_tool(
                    "decrypt",
                    {"ciphertext": attempt, "key": NAME, "context": "alice", "associated_data": ad.decode()},
                )
            )
            assert "altered" in refused and "card" not in refused
        # and a legacy-form ciphertext made up under a key version created after the fix is refused outright
        material = services(offline_suite).keyring.material(NAME, 1)
        legacy = legacy_convergent(material, b"alice", PLAINTEXT, ad1)
        refused = err(
            await client.call_tool(
                "decrypt",
                {"ciphertext": legacy, "key": NAME, "context": "alice", "associated_data": ad1.decode()},
            )
        )
        assert "misuse-resistant" in refused
        fine = ok(
            await client.call_tool(
                "decrypt",
                {"ciphertext": one, "key": NAME, "context": "alice", "associated_data": ad1.decode()},
            )
        )
        assert fine["plaintext"] == text


OLD_SCHEMA = """
CREATE TABLE phantom_keys (
  name TEXT PRIMARY KEY, type TEXT NOT NULL, latest_version INTEGER NOT NULL,
  min_decryption_version INTEGER NOT NULL, derived INTEGER NOT NULL, convergent INTEGER NOT NULL,
  created_at REAL NOT NULL, rotated_at REAL NOT NULL, destroyed_at REAL);
CREATE TABLE phantom_key_versions (
  name TEXT NOT NULL REFERENCES phantom_keys(name), version INTEGER NOT NULL,
  wrapped BLOB NOT NULL, created_at REAL NOT NULL, PRIMARY KEY (name, version))
"""


async def test_old_convergent_ciphertexts_still_decrypt_and_rewrap_into_the_new_form(
    offline_suite: Suite,
) -> None:
    """A database made before the fix (the old schema, a convergent key in it, legacy ciphertext): the
    keyring gains its new column on first open, old ciphertext decrypts, rewrap moves it to the siv form,
    and after rotate + rewrap + min_decryption_version the legacy form is refused everywhere."""
    from servers.phantom.service import KEK_PURPOSE
    from shared.kek import load_kek

    material = b"m" * 32
    wrapped = load_kek(offline_suite.config.home, KEK_PURPOSE).wrap(material, f"phantom-key:{NAME}:1")
    db = sqlite3.connect(offline_suite.config.home / "state.db")
    db.executescript(OLD_SCHEMA)
    db.execute("INSERT INTO phantom_keys VALUES (?, 'aes256-gcm', 1, 1, 1, 1, 0, 0, NULL)", (NAME,))
    db.execute("INSERT INTO phantom_key_versions VALUES (?, 1, ?, 0)", (NAME, wrapped))
    db.commit()
    db.close()
    old = legacy_convergent(material, b"bob", b"bob's record", b"row 7")
    async with Client(kit.mcp) as client:
        args = {"key": NAME, "context": "bob", "associated_data": "row 7"}
        opened = ok(await client.call_tool("decrypt", {"ciphertext": old, **args}))
        assert opened["plaintext"] == "bob's record"
        moved = ok(await client.call_tool("rewrap", {"ciphertext": old, **args}))["ciphertext"]
        assert moved.startswith("phantom:v1:siv:")
        assert (
            ok(await client.call_tool("decrypt", {"ciphertext": moved, **args}))["plaintext"]
            == "bob's record"
        )
        fresh = ok(await client.call_tool("encrypt", {"plaintext": "bob's record", **args}))["ciphertext"]
        assert fresh == moved  # the new form is deterministic too, and rewrap made exactly it
        ok(await client.call_tool("rotate_key", {"key": NAME}))
        latest = ok(await client.call_tool("rewrap", {"batch": [old, moved], **args}))
        assert [c[:15] for c in latest["batch"]] == ["phantom:v2:siv:"] * 2 and latest["errors"] is None
        ok(
            await client.call_tool(
                "configure_key", {"key": NAME, "min_decryption_version": 2, "confirm": True}
            )
        )
        assert "min_decryption_version" in err(await client.call_tool("decrypt", {"ciphertext": old, **args}))
        legacy_v2 = legacy_convergent(
            services(offline_suite).keyring.material(NAME, 2), b"bob", b"x", b"row 7", 2
        )
        assert "misuse-resistant" in err(await client.call_tool("decrypt", {"ciphertext": legacy_v2, **args}))
