"""Every phantom tool, then a scan of outputs, error messages, logs, audit records, evidence and
memory for key material and for plaintext that belongs to other calls."""

from __future__ import annotations

import base64
import json
import logging

import pytest
from mcp import Client

from servers.phantom.server import kit
from servers.phantom.service import services
from shared import evidence
from shared.suite import Suite

SECRET = "TOPSECRET-7f3a9-payload"
PII_EMAIL = "victim.person@example.org"


async def test_no_tool_leaks_key_material_or_other_plaintext(
    suite: Suite, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    outputs: list[str] = []  # everything a client saw, except a call's own requested plaintext
    own_plaintext: list[str] = []

    async def call(client, tool, args, expect_error=False):
        result = await client.call_tool(tool, args)
        assert result.is_error == expect_error, (tool, result.content[0].text)
        text = result.content[0].text if result.content else ""
        if tool in ("decrypt", "unseal", "detokenize") and not result.is_error:
            own_plaintext.append(json.dumps(result.structured_content))
        else:
            outputs.append(text + json.dumps(result.structured_content))
        return result.structured_content

    async with Client(kit.mcp) as client:
        made = await call(
            client, "encrypt", {"plaintext": SECRET, "key": "k1", "associated_data": "ad-" + SECRET}
        )
        await call(client, "encrypt", {"batch": [SECRET, SECRET + "2"], "key": "k1"})
        await call(
            client,
            "decrypt",
            {"ciphertext": made["ciphertext"], "key": "k1", "associated_data": "ad-" + SECRET},
        )
        await call(
            client,
            "decrypt",
            {"ciphertext": made["ciphertext"], "key": "k1", "associated_data": "x"},
            expect_error=True,
        )
        await call(client, "rotate_key", {"key": "k1"})
        await call(
            client,
            "rewrap",
            {"ciphertext": made["ciphertext"], "key": "k1", "associated_data": "ad-" + SECRET},
        )
        await call(client, "configure_key", {"key": "k1", "min_decryption_version": 2, "confirm": True})
        await call(
            client,
            "decrypt",
            {"ciphertext": made["ciphertext"], "key": "k1", "associated_data": "ad-" + SECRET},
            expect_error=True,
        )
        await call(client, "configure_key", {"key": "k2", "derived": True})
        await call(
            client,
            "encrypt",
            {"plaintext": SECRET, "key": "k2", "context": "subject-" + SECRET},
        )
        await call(client, "datakey", {"key": "k1"})
        await call(client, "keys", {})
        pub = await call(client, "public_key", {"key": "agent"})
        sealed = await call(client, "seal", {"plaintext": SECRET, "recipient": pub["public_key"]})
        await call(client, "unseal", {"sealed": sealed["sealed"], "key": "agent"})
        await call(
            client,
            "unseal",
            {"sealed": sealed["sealed"][:-8] + "AAAAAAAA", "key": "agent"},
            expect_error=True,
        )
        await call(client, "detect_pii", {"text": f"mail {PII_EMAIL} now"})
        for mode in ("mask", "hash", "remove", "tokenize"):
            red = await call(client, "redact", {"text": f"mail {PII_EMAIL} now", "mode": mode})
        await call(client, "detokenize", {"text": red["text"], "confirm": True})
        await call(
            client,
            "private_aggregate",
            {"values": [1, 2, 3], "op": "sum", "epsilon": 1, "budget": "b", "bounds": [0, 5]},
        )
        await call(client, "budgets", {})
        await call(client, "destroy_key", {"key": "k2", "confirm": True})
        await call(client, "encrypt", {"plaintext": SECRET, "key": "bad name!"}, expect_error=True)

    phantom = services(suite)
    materials = [
        phantom.keyring.material(i.name, v)
        for i in phantom.keyring.list()
        if not i.destroyed
        for v in i.version_created_at
    ]
    kek_bytes = (suite.config.home / "master.key").read_bytes()
    needles = [SECRET, PII_EMAIL]
    for secret in [*materials, kek_bytes]:
        needles += [
            secret.hex(),
            base64.b64encode(secret).decode(),
            base64.urlsafe_b64encode(secret).decode().rstrip("="),
        ]

    out, errs = capfd.readouterr()
    haystacks = {
        "tool outputs and errors": "\n".join(outputs),
        "logs": "\n".join(r.getMessage() for r in caplog.records) + out + errs,
        "audit": json.dumps([r.__dict__ for r in suite.audit.records()], default=str),
        "evidence": json.dumps(evidence.all_evidence(suite.store)),
        "memory": json.dumps([i.text for i in suite.memory.recall("phantom key secret payload", k=50)]),
    }
    for where, hay in haystacks.items():
        for needle in needles:
            assert needle not in hay, f"secret found in {where}"
    on_disk = b"".join(f.read_bytes() for f in suite.config.home.glob("state.db*"))
    assert all(m not in on_disk for m in materials), "unwrapped key material in the store's files"
    assert SECRET.encode() not in on_disk and PII_EMAIL.encode() not in on_disk
    assert any(SECRET in p for p in own_plaintext)  # the scan saw real plaintext where it belongs
    assert len(suite.audit.records()) >= 15
