"""Transit parity (issue #13): sign/verify, hmac, auto-rotation, trim and export policy, through the real
MCP tools. Signatures are checked independently with `cryptography` and the exported public key, and
signatures made by `cryptography` with an exported private key are checked by phantom; HMACs against
Python's hmac with the exported hmac key."""

from __future__ import annotations

import base64
import hashlib
import hmac as hmac_lib
import json

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from mcp import Client

from servers.phantom.server import kit
from servers.phantom.service import services
from shared.suite import Suite

SIGNING = ["ed25519", "ecdsa-p256", "rsa-2048"]


def ok(result):
    assert not result.is_error, result.content[0].text
    return result.structured_content


def err(result) -> str:
    assert result.is_error
    return result.content[0].text


def raw(token: str) -> bytes:
    assert token.startswith("phantom:v")
    return base64.b64decode(token.split(":", 2)[2])


def check_with_cryptography(
    key_type: str,
    public_pem: str,
    message: bytes,
    signature: bytes,
    digest: hashes.HashAlgorithm | None = None,
) -> None:
    """Raises InvalidSignature unless `signature` is valid for `message` (cryptography, not phantom)."""
    public = serialization.load_pem_public_key(public_pem.encode())
    if key_type == "ed25519":
        assert isinstance(public, ed25519.Ed25519PublicKey)
        public.verify(signature, message)
    elif key_type == "ecdsa-p256":
        assert isinstance(public, ec.EllipticCurvePublicKey) and public.curve.name == "secp256r1"
        public.verify(signature, message, ec.ECDSA(digest or hashes.SHA256()))
    else:
        assert isinstance(public, rsa.RSAPublicKey) and public.key_size == 2048
        digest = digest or hashes.SHA256()
        public.verify(
            signature, message, padding.PSS(mgf=padding.MGF1(digest), salt_length=padding.PSS.AUTO), digest
        )


@pytest.mark.parametrize("key_type", SIGNING)
async def test_phantom_signatures_verify_under_cryptography_and_tampering_fails(
    key_type: str, offline_suite: Suite
) -> None:
    message = b"release manifest sha256:0b1f... v4.2.0"
    async with Client(kit.mcp) as client:
        made = ok(await client.call_tool("configure_key", {"key": "release", "type": key_type}))
        assert made["type"] == key_type and made["exportable"] is False
        signed = ok(await client.call_tool("sign", {"key": "release", "input": message.decode()}))
        assert signed["key_version"] == 1 and signed["signature"].startswith("phantom:v1:")
        public = ok(await client.call_tool("export_key", {"key": "release", "kind": "public-key"}))
        pem = public["keys"]["1"]
        assert pem.startswith("-----BEGIN PUBLIC KEY-----") and "PRIVATE" not in str(public)
        check_with_cryptography(key_type, pem, message, raw(signed["signature"]))
        with pytest.raises(InvalidSignature):
            check_with_cryptography(key_type, pem, message + b"!", raw(signed["signature"]))
        good = ok(
            await client.call_tool(
                "verify", {"key": "release", "input": message.decode(), "signature": signed["signature"]}
            )
        )
        assert good["valid"] is True and good["key_version"] == 1
        bad = ok(
            await client.call_tool(
                "verify",
                {"key": "release", "input": message.decode() + "!", "signature": signed["signature"]},
            )
        )
        assert bad["valid"] is False
        flipped = bytearray(raw(signed["signature"]))
        flipped[len(flipped) // 2] ^= 1
        forged = "phantom:v1:" + base64.b64encode(bytes(flipped)).decode()
        assert (
            ok(
                await client.call_tool(
                    "verify", {"key": "release", "input": message.decode(), "signature": forged}
                )
            )["valid"]
            is False
        )
        # a rotation: new signatures under v2, old ones still verify, each under its own public key
        ok(await client.call_tool("rotate_key", {"key": "release"}))
        second = ok(await client.call_tool("sign", {"key": "release", "input": message.decode()}))
        assert second["signature"].startswith("phantom:v2:")
        both = ok(await client.call_tool("export_key", {"key": "release"}))["keys"]
        assert set(both) == {"1", "2"} and both["1"] == pem
        check_with_cryptography(key_type, both["2"], message, raw(second["signature"]))
        with pytest.raises(InvalidSignature):
            check_with_cryptography(key_type, both["1"], message, raw(second["signature"]))
        assert (
            ok(
                await client.call_tool(
                    "verify", {"key": "release", "input": message.decode(), "signature": signed["signature"]}
                )
            )["valid"]
            is True
        )


@pytest.mark.parametrize("key_type", ["ecdsa-p256", "rsa-2048"])
async def test_hash_choice_is_used_and_checked(key_type: str, offline_suite: Suite) -> None:
    async with Client(kit.mcp) as client:
        ok(await client.call_tool("configure_key", {"key": "k", "type": key_type}))
        signed = ok(await client.call_tool("sign", {"key": "k", "input": "x", "hash_algorithm": "sha2-512"}))
        pem = ok(await client.call_tool("export_key", {"key": "k"}))["keys"]["1"]
        check_with_cryptography(key_type, pem, b"x", raw(signed["signature"]), hashes.SHA512())
        with pytest.raises(InvalidSignature):
            check_with_cryptography(key_type, pem, b"x", raw(signed["signature"]), hashes.SHA256())
        assert (
            ok(
                await client.call_tool(
                    "verify",
                    {
                        "key": "k",
                        "input": "x",
                        "signature": signed["signature"],
                        "hash_algorithm": "sha2-256",
                    },
                )
            )["valid"]
            is False
        )
        assert (
            ok(
                await client.call_tool(
                    "verify",
                    {
                        "key": "k",
                        "input": "x",
                        "signature": signed["signature"],
                        "hash_algorithm": "sha2-512",
                    },
                )
            )["valid"]
            is True
        )


@pytest.mark.parametrize("key_type", SIGNING)
async def test_signatures_made_by_cryptography_with_the_exported_key_verify_in_phantom(
    key_type: str, offline_suite: Suite
) -> None:
    async with Client(kit.mcp) as client:
        ok(
            await client.call_tool(
                "configure_key", {"key": "shared", "type": key_type, "exportable": True, "confirm": True}
            )
        )
        exported = ok(
            await client.call_tool("export_key", {"key": "shared", "kind": "signing-key", "confirm": True})
        )
        private = serialization.load_pem_private_key(exported["keys"]["1"].encode(), password=None)
        message = b"\x00binary payload\xff"
        if key_type == "ed25519":
            signature = private.sign(message)
        elif key_type == "ecdsa-p256":
            signature = private.sign(message, ec.ECDSA(hashes.SHA256()))
        else:  # any PSS salt length verifies (Transit's "auto"); cryptography's default here is the maximum
            signature = private.sign(
                message,
                padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.MAX_LENGTH),
                hashes.SHA256(),
            )
        token = "phantom:v1:" + base64.b64encode(signature).decode()
        checked = ok(
            await client.call_tool(
                "verify",
                {
                    "key": "shared",
                    "input": base64.b64encode(message).decode(),
                    "encoding": "base64",
                    "signature": token,
                },
            )
        )
        assert checked["valid"] is True
        other = ok(
            await client.call_tool("verify", {"key": "shared", "input": "something else", "signature": token})
        )
        assert other["valid"] is False


async def test_hmac_matches_pythons_hmac_with_the_exported_key_and_per_key_type(offline_suite: Suite) -> None:
    async with Client(kit.mcp) as client:
        ok(
            await client.call_tool(
                "configure_key", {"key": "ids", "type": "hmac", "exportable": True, "confirm": True}
            )
        )
        for algorithm, name in (("sha2-256", "sha256"), ("sha2-512", "sha512")):
            made = ok(
                await client.call_tool(
                    "sign",
                    {"key": "ids", "input": "customer-4711", "mode": "hmac", "hash_algorithm": algorithm},
                )
            )
            assert made["hmac"].startswith("phantom:v1:") and made["signature"] is None
            secret = base64.b64decode(
                ok(await client.call_tool("export_key", {"key": "ids", "kind": "hmac-key", "confirm": True}))[
                    "keys"
                ]["1"]
            )
            assert raw(made["hmac"]) == hmac_lib.new(secret, b"customer-4711", name).digest()
            assert (
                ok(
                    await client.call_tool(
                        "verify",
                        {
                            "key": "ids",
                            "input": "customer-4711",
                            "hmac": made["hmac"],
                            "hash_algorithm": algorithm,
                        },
                    )
                )["valid"]
                is True
            )
            assert (
                ok(
                    await client.call_tool(
                        "verify",
                        {
                            "key": "ids",
                            "input": "customer-4712",
                            "hmac": made["hmac"],
                            "hash_algorithm": algorithm,
                        },
                    )
                )["valid"]
                is False
            )
        # an encryption key HMACs with a key derived for HMAC only, not with its encryption key
        ok(
            await client.call_tool(
                "configure_key", {"key": "data", "type": "aes256-gcm", "exportable": True, "confirm": True}
            )
        )
        made = ok(await client.call_tool("sign", {"key": "data", "input": "v", "mode": "hmac"}))
        enc = base64.b64decode(
            ok(
                await client.call_tool(
                    "export_key", {"key": "data", "kind": "encryption-key", "confirm": True}
                )
            )["keys"]["1"]
        )
        assert raw(made["hmac"]) != hmac_lib.new(enc, b"v", hashlib.sha256).digest()
        mac_key = base64.b64decode(
            ok(await client.call_tool("export_key", {"key": "data", "kind": "hmac-key", "confirm": True}))[
                "keys"
            ]["1"]
        )
        assert raw(made["hmac"]) == hmac_lib.new(mac_key, b"v", hashlib.sha256).digest()
        # wrong key kinds say what to use
        ok(await client.call_tool("configure_key", {"key": "signer", "type": "ed25519"}))
        assert "hmac" in err(await client.call_tool("sign", {"key": "signer", "input": "v", "mode": "hmac"}))
        assert "signing" in err(await client.call_tool("sign", {"key": "ids", "input": "v"}))
        assert "not an encryption key" in err(
            await client.call_tool("encrypt", {"key": "signer", "plaintext": "v"})
        )


async def test_export_is_refused_unless_the_key_was_made_exportable(offline_suite: Suite) -> None:
    async with Client(kit.mcp) as client:
        ok(await client.call_tool("configure_key", {"key": "vault-like", "type": "ed25519"}))
        ok(await client.call_tool("encrypt", {"key": "plain", "plaintext": "x"}))
        for key, kind in (
            ("vault-like", "signing-key"),
            ("plain", "encryption-key"),
            ("plain", "hmac-key"),
            ("plain", "backup"),
        ):
            refused = err(await client.call_tool("export_key", {"key": key, "kind": kind, "confirm": True}))
            assert "not exportable" in refused
        asked = err(await client.call_tool("export_key", {"key": "vault-like", "kind": "signing-key"}))
        assert "confirm" in asked and "BEGIN" not in asked
        # made exportable later (asks first; cannot be unset)
        assert "confirm" in err(await client.call_tool("configure_key", {"key": "plain", "exportable": True}))
        ok(await client.call_tool("configure_key", {"key": "plain", "exportable": True, "confirm": True}))
        assert "cannot be unset" in err(
            await client.call_tool("configure_key", {"key": "plain", "exportable": False, "confirm": True})
        )
        assert "plaintext backups" in err(
            await client.call_tool("export_key", {"key": "plain", "kind": "backup", "confirm": True})
        )
        ok(
            await client.call_tool(
                "configure_key", {"key": "plain", "allow_plaintext_backup": True, "confirm": True}
            )
        )
        ok(await client.call_tool("rotate_key", {"key": "plain"}))
        backup = json.loads(
            ok(await client.call_tool("export_key", {"key": "plain", "kind": "backup", "confirm": True}))[
                "keys"
            ]["0"]
        )
        assert backup["type"] == "aes256-gcm" and sorted(backup["versions"]) == ["1", "2"]
        # the exported v2 key opens what phantom encrypted under v2 (AES-GCM, phantom's documented AAD)
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        ct = ok(await client.call_tool("encrypt", {"key": "plain", "plaintext": "hello"}))["ciphertext"]
        blob = base64.b64decode(ct.split(":", 2)[2])
        key2 = base64.b64decode(backup["versions"]["2"])
        assert AESGCM(key2).decrypt(blob[:12], blob[12:], b"phantom:plain:v2\x00") == b"hello"
        assert "public-key" in err(
            await client.call_tool("export_key", {"key": "plain", "kind": "public-key"})
        )


async def test_auto_rotation_rotates_on_first_use_after_the_period(offline_suite: Suite) -> None:
    async with Client(kit.mcp) as client:
        assert "3600" in err(
            await client.call_tool(
                "configure_key", {"key": "auto", "type": "aes256-gcm", "auto_rotate_period": 60}
            )
        )
        made = ok(
            await client.call_tool(
                "configure_key", {"key": "auto", "type": "aes256-gcm", "auto_rotate_period": 3600}
            )
        )
        assert made["auto_rotate_period"] == 3600
        ok(
            await client.call_tool(
                "configure_key", {"key": "sig", "type": "ecdsa-p256", "auto_rotate_period": 7200}
            )
        )
        first = ok(await client.call_tool("encrypt", {"key": "auto", "plaintext": "a"}))
        assert first["key_version"] == 1
        sig_first = ok(await client.call_tool("sign", {"key": "sig", "input": "a"}))
        assert sig_first["key_version"] == 1
        # time passes: the last rotation was over an hour (two, for sig) ago, as another process would see it
        with offline_suite.store.transaction() as db:
            db.execute("UPDATE phantom_keys SET rotated_at = rotated_at - 7201 WHERE name IN ('auto', 'sig')")
        second = ok(await client.call_tool("encrypt", {"key": "auto", "plaintext": "b"}))
        assert second["key_version"] == 2 and second["ciphertext"].startswith("phantom:v2:")
        third = ok(await client.call_tool("encrypt", {"key": "auto", "plaintext": "c"}))
        assert third["key_version"] == 2  # rotated once, not on every call
        opened = ok(
            await client.call_tool(
                "decrypt", {"key": "auto", "batch": [first["ciphertext"], second["ciphertext"]]}
            )
        )
        assert opened["batch"] == ["a", "b"]
        # verifying never rotates; signing does
        ok(
            await client.call_tool(
                "verify", {"key": "sig", "input": "a", "signature": sig_first["signature"]}
            )
        )
        assert services(offline_suite).keyring.require("sig").latest_version == 1
        assert ok(await client.call_tool("sign", {"key": "sig", "input": "a"}))["key_version"] == 2
        off = ok(await client.call_tool("configure_key", {"key": "auto", "auto_rotate_period": 0}))
        assert off["auto_rotate_period"] == 0
        with offline_suite.store.transaction() as db:
            db.execute("UPDATE phantom_keys SET rotated_at = rotated_at - 99999 WHERE name='auto'")
        assert ok(await client.call_tool("encrypt", {"key": "auto", "plaintext": "d"}))["key_version"] == 2


async def test_trim_deletes_old_versions_only_below_min_decryption_version(offline_suite: Suite) -> None:
    async with Client(kit.mcp) as client:
        old = ok(await client.call_tool("encrypt", {"key": "t", "plaintext": "v1 data"}))["ciphertext"]
        for _ in range(3):
            ok(await client.call_tool("rotate_key", {"key": "t"}))
        refused = err(
            await client.call_tool("configure_key", {"key": "t", "min_available_version": 3, "confirm": True})
        )
        assert "min_decryption_version (1)" in refused
        assert ok(await client.call_tool("keys", {}))["keys"][0]["versions"] == [
            1,
            2,
            3,
            4,
        ]  # nothing changed
        assert "confirm" in err(
            await client.call_tool("configure_key", {"key": "t", "min_available_version": 3})
        )
        # raise min_decryption_version and trim in one call (checked whole, one transaction)
        trimmed = ok(
            await client.call_tool(
                "configure_key",
                {"key": "t", "min_decryption_version": 3, "min_available_version": 3, "confirm": True},
            )
        )
        assert trimmed["versions"] == [3, 4] and trimmed["min_available_version"] == 3
        count = (
            offline_suite.store.connection()
            .execute("SELECT COUNT(*) FROM phantom_key_versions WHERE name='t' AND version < 3")
            .fetchone()[0]
        )
        assert count == 0  # the material itself is gone
        assert "min_decryption_version" in err(
            await client.call_tool("decrypt", {"key": "t", "ciphertext": old})
        )
        lowered = err(
            await client.call_tool(
                "configure_key", {"key": "t", "min_decryption_version": 2, "confirm": True}
            )
        )
        assert "min_available_version (3)" in lowered
        assert "key_version" in err(
            await client.call_tool("encrypt", {"key": "t", "plaintext": "x", "key_version": 2})
        )


async def test_signing_keys_belong_to_their_creator_and_tools_refuse_unknown_input(
    offline_suite: Suite,
) -> None:
    from servers.phantom import api

    api.configure_key(offline_suite, "mine", None, "ed25519", False, False, "static:alice")
    signed = api.sign(offline_suite, "mine", "x", "utf8", "signature", None, None, "static:alice")
    for call in (
        lambda: api.sign(offline_suite, "mine", "x", "utf8", "signature", None, None, "static:bob"),
        lambda: api.verify(offline_suite, "mine", "x", "utf8", signed.signature, None, None, "static:bob"),
        lambda: api.export_key(offline_suite, "mine", "public-key", None, "static:bob"),
    ):
        with pytest.raises(Exception) as caught:
            call()
        assert "There is no key named 'mine'" in str(caught.value)
    async with Client(kit.mcp) as client:
        ok(await client.call_tool("configure_key", {"key": "s", "type": "ed25519"}))
        assert "not a phantom signature" in err(
            await client.call_tool("verify", {"key": "s", "input": "x", "signature": "garbage"})
        )
        assert "either" in err(await client.call_tool("verify", {"key": "s", "input": "x"}))
        assert "no hash_algorithm" in err(
            await client.call_tool("sign", {"key": "s", "input": "x", "hash_algorithm": "sha2-256"})
        )
        assert "no key named" in err(await client.call_tool("sign", {"key": "nope", "input": "x"}))
        future = "phantom:v9:" + base64.b64encode(b"\0" * 64).decode()
        assert "key_version" in err(
            await client.call_tool("verify", {"key": "s", "input": "x", "signature": future})
        )


def test_signing_outputs_and_errors_never_carry_private_material(offline_suite: Suite) -> None:
    from servers.phantom import api

    api.configure_key(offline_suite, "quiet", None, "ed25519", False, False)
    der = services(offline_suite).keyring.material("quiet", 1)
    private_hex = der[-32:].hex()
    texts = [
        api.sign(offline_suite, "quiet", "x", "utf8", "signature", None, None).model_dump_json(),
        api.export_key(offline_suite, "quiet", "public-key", None).model_dump_json(),
        api.keys(offline_suite).model_dump_json(),
    ]
    try:
        api.export_key(offline_suite, "quiet", "signing-key", None)
    except Exception as exc:  # refused: not exportable
        texts.append(str(exc))
    b64 = base64.b64encode(der[-32:]).decode()
    assert len(texts) == 4 and "not exportable" in texts[3]
    assert all(private_hex not in t and b64[:20] not in t for t in texts)


async def test_a_backup_restores_into_a_fresh_home_and_damaged_backups_are_refused(
    offline_suite: Suite, tmp_path, monkeypatch
) -> None:
    async with Client(kit.mcp) as client:
        ok(
            await client.call_tool(
                "configure_key",
                {
                    "key": "archive",
                    "exportable": True,
                    "allow_plaintext_backup": True,
                    "type": "aes256-gcm",
                    "confirm": True,
                },
            )
        )
        ok(await client.call_tool("rotate_key", {"key": "archive"}))
        ct = ok(await client.call_tool("encrypt", {"key": "archive", "plaintext": "kept", "key_version": 1}))[
            "ciphertext"
        ]
        ok(
            await client.call_tool(
                "configure_key",
                {
                    "key": "sig",
                    "type": "ecdsa-p256",
                    "exportable": True,
                    "allow_plaintext_backup": True,
                    "confirm": True,
                },
            )
        )
        signature = ok(await client.call_tool("sign", {"key": "sig", "input": "doc"}))["signature"]
        backups = {
            k: ok(await client.call_tool("export_key", {"key": k, "kind": "backup", "confirm": True}))[
                "keys"
            ]["0"]
            for k in ("archive", "sig")
        }
        assert "already exists" in err(
            await client.call_tool("configure_key", {"key": "archive", "restore_backup": backups["archive"]})
        )
        damaged = json.loads(backups["archive"])
        damaged["versions"]["2"] = base64.b64encode(b"\x01" * 32).decode()
        assert "not an intact" in err(
            await client.call_tool("configure_key", {"key": "other", "restore_backup": json.dumps(damaged)})
        )
        assert "only under that name" in err(
            await client.call_tool("configure_key", {"key": "other", "restore_backup": backups["archive"]})
        )
    # another home, another master key: the backup is all it takes
    from servers.phantom import api
    from shared.config import Config

    monkeypatch.setenv("HDR_HOME", str(tmp_path / "elsewhere"))
    monkeypatch.delenv("HDR_MASTER_KEY", raising=False)
    fresh = Suite(Config.from_env())
    assert fresh.store is not offline_suite.store
    assert api.keys(fresh).keys == []
    restored = api.configure_key(
        fresh, "archive", None, None, False, False, restore_backup=backups["archive"]
    )
    assert restored.versions == [1, 2] and restored.exportable and restored.allow_plaintext_backup
    assert api.decrypt(fresh, "archive", ct, None, None, None, "utf8").plaintext == "kept"
    api.configure_key(fresh, "sig-copy", None, None, False, False, restore_backup=backups["sig"])
    assert api.verify(fresh, "sig-copy", "doc", "utf8", signature, None, None).valid is True
