"""phantom behind the authenticating gateway (issue #12, item 4): keys, data keys, sealing keys, privacy
budgets and tokenization vaults belong to the token that made them. Another token gets the very text a
missing key gets and nothing changes; a `:read` token cannot call a tool that reveals plaintext. Real
static tokens, real MCP clients over HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from gateway_support import client, serve
from helpers import free_port

from servers.gateway import GatewaySettings, create_app
from servers.gateway.auth import hash_token
from servers.gateway.settings import StaticToken

SCOPES = ("phantom:read", "phantom:write")


@pytest.fixture
def gateway(offline_suite) -> Iterator[str]:
    port = free_port()
    settings = GatewaySettings(
        port=port,
        tokens=(
            StaticToken("alice", hash_token("hdr_alice_token"), SCOPES),
            StaticToken("mallory", hash_token("hdr_mallory_token"), SCOPES),
            StaticToken("reader", hash_token("hdr_reader_token"), ("phantom:read",)),
        ),
    )
    with serve(create_app(settings=settings), port=port) as base:
        yield f"{base}/phantom/mcp"


def ok(result):
    assert not result.is_error, result.content[0].text
    return result.structured_content


def text(result) -> str:
    assert result.is_error
    return result.content[0].text


async def test_what_a_token_creates_is_invisible_to_another(gateway: str) -> None:
    async with client(gateway, "hdr_alice_token") as alice, client(gateway, "hdr_mallory_token") as mallory:
        made = ok(await alice.call_tool("encrypt", {"plaintext": "alice's diagnosis", "key": "medical"}))
        wrapped = ok(await alice.call_tool("datakey", {"key": "medical", "plaintext": True}))
        public = ok(await alice.call_tool("public_key", {"key": "alice-inbox"}))["public_key"]
        sealed = ok(await mallory.call_tool("seal", {"plaintext": "for alice", "recipient": public}))[
            "sealed"
        ]
        tokenized = ok(
            await alice.call_tool("redact", {"text": "mail alice@example.org", "mode": "tokenize"})
        )
        ok(
            await alice.call_tool(
                "private_aggregate",
                {
                    "values": [1, 2, 3],
                    "op": "count",
                    "epsilon": 1.0,
                    "budget": "cohort",
                    "budget_epsilon_total": 1.0,
                },
            )
        )

        missing = text(
            await mallory.call_tool("decrypt", {"ciphertext": made["ciphertext"], "key": "never-made"})
        )
        refused = {
            name: text(await mallory.call_tool(name.split()[0], args))
            for name, args in {
                "decrypt": {"ciphertext": made["ciphertext"], "key": "medical"},
                "decrypt datakey": {"ciphertext": wrapped["wrapped"], "key": "medical", "encoding": "base64"},
                "rewrap": {"ciphertext": made["ciphertext"], "key": "medical"},
                "encrypt": {"plaintext": "x", "key": "medical"},
                "rotate_key": {"key": "medical"},
                "configure_key": {"key": "medical", "min_decryption_version": 1, "confirm": True},
                "destroy_key": {"key": "medical", "confirm": True},
                "datakey": {"key": "medical"},
            }.items()
        }
        same = missing.split(": ", 1)[1].replace("never-made", "medical")
        for name, answer in refused.items():
            assert answer.split(": ", 1)[1] == same, name
            assert "diagnosis" not in answer
        assert "no sealing key" in text(
            await mallory.call_tool("unseal", {"sealed": sealed, "key": "alice-inbox"})
        )
        assert "no privacy budget" in text(
            await mallory.call_tool(
                "private_aggregate", {"values": [1], "op": "count", "epsilon": 0.5, "budget": "cohort"}
            )
        )
        restored = ok(await mallory.call_tool("detokenize", {"text": tokenized["text"], "confirm": True}))
        assert restored["restored"] == 0 and "alice@example.org" not in restored["text"]
        mine = ok(await mallory.call_tool("redact", {"text": "mail alice@example.org", "mode": "tokenize"}))
        assert mine["text"] != tokenized["text"]  # a token of the same value does not match across callers
        assert ok(await mallory.call_tool("keys", {}))["keys"] == []
        assert ok(await mallory.call_tool("budgets", {}))["budgets"] == []

        # nothing changed for alice, who still has everything
        listed = ok(await alice.call_tool("keys", {}))
        assert {k["name"] for k in listed["keys"]} == {"medical", "alice-inbox"}
        assert [k["latest_version"] for k in listed["keys"] if k["name"] == "medical"] == [1]
        assert (
            ok(await alice.call_tool("decrypt", {"ciphertext": made["ciphertext"], "key": "medical"}))[
                "plaintext"
            ]
            == "alice's diagnosis"
        )
        assert (
            ok(await alice.call_tool("unseal", {"sealed": sealed, "key": "alice-inbox"}))["plaintext"]
            == "for alice"
        )
        back = ok(await alice.call_tool("detokenize", {"text": tokenized["text"], "confirm": True}))
        assert back["text"] == "mail alice@example.org"
        assert [b["queries"] for b in ok(await alice.call_tool("budgets", {}))["budgets"]] == [1]


async def test_a_read_token_cannot_reveal_plaintext(gateway: str) -> None:
    async with client(gateway, "hdr_alice_token") as alice, client(gateway, "hdr_reader_token") as reader:
        made = ok(await alice.call_tool("encrypt", {"plaintext": "secret", "key": "shared"}))
        for name, args in {
            "decrypt": {"ciphertext": made["ciphertext"], "key": "shared"},
            "unseal": {"sealed": "hdrseal1.x", "key": "k"},
            "detokenize": {"text": "<EMAIL_tok_0123456789abcdef0123>", "confirm": True},
            "datakey": {"key": "shared", "plaintext": True},
        }.items():
            refused = httpx.post(
                gateway,
                timeout=10,
                json={
                    "jsonrpc": "2.0",
                    "id": 2,
                    "method": "tools/call",
                    "params": {"name": name, "arguments": args},
                },
                headers={
                    "Authorization": "Bearer hdr_reader_token",
                    "Accept": "application/json, text/event-stream",
                    "MCP-Protocol-Version": "2025-06-18",
                },
            )
            assert (
                refused.status_code == 403 and 'scope="phantom:write"' in refused.headers["www-authenticate"]
            ), name
        assert (
            ok(await reader.call_tool("keys", {}))["keys"] == []
        )  # reads still work, and show nothing of alice's


async def test_signing_keys_belong_to_their_token_and_need_write_to_sign_or_export(gateway: str) -> None:
    async with (
        client(gateway, "hdr_alice_token") as alice,
        client(gateway, "hdr_mallory_token") as mallory,
        client(gateway, "hdr_reader_token") as reader,
    ):
        ok(
            await alice.call_tool(
                "configure_key", {"key": "release", "type": "ed25519", "exportable": True, "confirm": True}
            )
        )
        signed = ok(await alice.call_tool("sign", {"key": "release", "input": "v1.0"}))["signature"]
        missing = text(await mallory.call_tool("sign", {"key": "never-made", "input": "v1.0"}))
        same = missing.split(": ", 1)[1].replace("never-made", "release")
        for name, args in {
            "sign": {"key": "release", "input": "v1.0 (forged)"},
            "verify": {"key": "release", "input": "v1.0", "signature": signed},
            "export_key": {"key": "release", "kind": "signing-key", "confirm": True},
            "configure_key": {"key": "release", "auto_rotate_period": 3600},
        }.items():
            answer = text(await mallory.call_tool(name, args))
            assert answer.split(": ", 1)[1] == same, name
            assert "PRIVATE KEY" not in answer
        for name, args in {
            "sign": {"key": "release", "input": "x"},
            "export_key": {"key": "release", "kind": "signing-key", "confirm": True},
        }.items():
            refused = httpx.post(
                gateway,
                timeout=10,
                json={
                    "jsonrpc": "2.0",
                    "id": 2,
                    "method": "tools/call",
                    "params": {"name": name, "arguments": args},
                },
                headers={
                    "Authorization": "Bearer hdr_reader_token",
                    "Accept": "application/json, text/event-stream",
                    "MCP-Protocol-Version": "2025-06-18",
                },
            )
            assert (
                refused.status_code == 403 and 'scope="phantom:write"' in refused.headers["www-authenticate"]
            ), name
        # verify is a read: the reader may call it, and still sees nothing of alice's
        assert "no key named" in text(
            await reader.call_tool("verify", {"key": "release", "input": "v1.0", "signature": signed})
        )
        assert ok(await alice.call_tool("verify", {"key": "release", "input": "v1.0", "signature": signed}))[
            "valid"
        ]
        assert (
            ok(await alice.call_tool("keys", {}))["keys"][0]["auto_rotate_period"] == 0
        )  # mallory changed nothing
