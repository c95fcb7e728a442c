"""phantom's tools through a real in-process MCP client, in both protocol eras."""

from __future__ import annotations

import base64
import time

import pytest
from mcp import Client

from servers.phantom.server import kit
from shared import evidence
from shared.suite import Suite

ERAS = ["legacy", "2026-07-28"]


def ok(result):
    assert not result.is_error, result.content[0].text
    return result.structured_content


def err(result) -> str:
    assert result.is_error
    return result.content[0].text


@pytest.mark.parametrize("mode", ERAS)
async def test_encrypt_rotate_decrypt_rewrap_and_min_version(mode: str, offline_suite: Suite) -> None:
    async with Client(kit.mcp, mode=mode) as client:
        first = ok(await client.call_tool("encrypt", {"plaintext": "patient 7 record", "key": "reports"}))
        assert first["ciphertext"].startswith("phantom:v1:") and first["key_version"] == 1
        rotated = ok(await client.call_tool("rotate_key", {"key": "reports"}))
        assert rotated["latest_version"] == 2 and rotated["versions"] == [1, 2]
        second = ok(await client.call_tool("encrypt", {"plaintext": "patient 8 record", "key": "reports"}))
        assert second["ciphertext"].startswith("phantom:v2:")
        both = ok(
            await client.call_tool(
                "decrypt", {"batch": [first["ciphertext"], second["ciphertext"]], "key": "reports"}
            )
        )
        assert both["batch"] == ["patient 7 record", "patient 8 record"]
        rewrapped = ok(
            await client.call_tool("rewrap", {"ciphertext": first["ciphertext"], "key": "reports"})
        )
        assert rewrapped["ciphertext"].startswith("phantom:v2:") and "patient" not in str(rewrapped)
        refused = err(
            await client.call_tool("configure_key", {"key": "reports", "min_decryption_version": 2})
        )
        assert "confirm" in refused
        ok(
            await client.call_tool(
                "configure_key", {"key": "reports", "min_decryption_version": 2, "confirm": True}
            )
        )
        old = err(await client.call_tool("decrypt", {"ciphertext": first["ciphertext"], "key": "reports"}))
        assert "min_decryption_version" in old and "patient" not in old
        again = ok(
            await client.call_tool("decrypt", {"ciphertext": rewrapped["ciphertext"], "key": "reports"})
        )
        assert again["plaintext"] == "patient 7 record"
    published = evidence.read(offline_suite.store, "phantom", "keys")["data"]["keys"]
    assert published == [
        {
            "name": "reports",
            "latest_version": 2,
            "min_decryption_version": 2,
            "algorithm": "aes256-gcm",
            "created_at": published[0]["created_at"],
            "rotated_at": published[0]["rotated_at"],
            "destroyed": False,
        }
    ]


async def test_tampering_wrong_context_and_associated_data_are_refused(offline_suite: Suite) -> None:
    async with Client(kit.mcp) as client:
        ok(
            await client.call_tool(
                "configure_key", {"key": "subjects", "type": "chacha20-poly1305", "derived": True}
            )
        )
        made = ok(
            await client.call_tool(
                "encrypt",
                {
                    "plaintext": "alice's address",
                    "key": "subjects",
                    "context": "alice",
                    "associated_data": "row 9",
                },
            )
        )
        ct = made["ciphertext"]
        raw = bytearray(base64.b64decode(ct.split(":")[2]))
        raw[-1] ^= 1
        tampered = "phantom:v1:" + base64.b64encode(bytes(raw)).decode()
        for args in (
            {"ciphertext": tampered, "context": "alice", "associated_data": "row 9"},
            {"ciphertext": ct, "context": "bob", "associated_data": "row 9"},
            {"ciphertext": ct, "context": "alice", "associated_data": "row 10"},
        ):
            text = err(await client.call_tool("decrypt", {"key": "subjects", **args}))
            assert "altered" in text and "alice's" not in text
        assert "context" in err(await client.call_tool("decrypt", {"key": "subjects", "ciphertext": ct}))
        assert "not a phantom ciphertext" in err(
            await client.call_tool("decrypt", {"ciphertext": "hello", "key": "subjects", "context": "a"})
        )
        fine = ok(
            await client.call_tool(
                "decrypt",
                {"ciphertext": ct, "key": "subjects", "context": "alice", "associated_data": "row 9"},
            )
        )
        assert fine["plaintext"] == "alice's address"


async def test_convergent_encryption_is_deterministic_per_context_only(offline_suite: Suite) -> None:
    async with Client(kit.mcp) as client:
        err_text = err(await client.call_tool("configure_key", {"key": "conv", "convergent": True}))
        assert "derived" in err_text
        ok(await client.call_tool("configure_key", {"key": "conv", "derived": True, "convergent": True}))
        a1 = ok(await client.call_tool("encrypt", {"plaintext": "x", "key": "conv", "context": "c1"}))
        a2 = ok(await client.call_tool("encrypt", {"plaintext": "x", "key": "conv", "context": "c1"}))
        b = ok(await client.call_tool("encrypt", {"plaintext": "x", "key": "conv", "context": "c2"}))
        plain1 = ok(await client.call_tool("encrypt", {"plaintext": "x", "key": "random"}))
        plain2 = ok(await client.call_tool("encrypt", {"plaintext": "x", "key": "random"}))
    assert a1["ciphertext"] == a2["ciphertext"] != b["ciphertext"]
    assert plain1["ciphertext"] != plain2["ciphertext"]


async def test_destroyed_key_makes_its_data_unrecoverable(suite: Suite) -> None:
    async with Client(kit.mcp) as client:
        made = ok(await client.call_tool("encrypt", {"plaintext": "subject 42 data", "key": "subject-42"}))
        ok(await client.call_tool("destroy_key", {"key": "subject-42", "confirm": True}))
        gone = err(await client.call_tool("decrypt", {"ciphertext": made["ciphertext"], "key": "subject-42"}))
        assert "destroyed" in gone
        assert "destroyed" in err(
            await client.call_tool("encrypt", {"plaintext": "new", "key": "subject-42"})
        )
        listed = ok(await client.call_tool("keys", {}))
    assert [k["destroyed"] for k in listed["keys"] if k["name"] == "subject-42"] == [True]
    assert [r.outcome for r in suite.audit.records() if r.tool == "destroy_key"] == ["ok"]
    assert (
        suite.memory.recall("which key was crypto-shredded", k=1, source="phantom")[0].tool == "destroy_key"
    )


async def test_datakey_wraps_a_key_that_decrypt_returns(offline_suite: Suite) -> None:
    async with Client(kit.mcp) as client:
        hidden = ok(await client.call_tool("datakey", {"key": "files"}))
        assert hidden["plaintext_key"] is None
        shown = ok(await client.call_tool("datakey", {"key": "files", "plaintext": True}))
        unwrapped = ok(
            await client.call_tool(
                "decrypt", {"ciphertext": shown["wrapped"], "key": "files", "encoding": "base64"}
            )
        )
    assert unwrapped["plaintext"] == shown["plaintext_key"]
    assert len(base64.b64decode(shown["plaintext_key"])) == 32


@pytest.mark.parametrize("mode", ERAS)
async def test_seal_to_a_published_public_key_and_unseal(mode: str, offline_suite: Suite) -> None:
    async with Client(kit.mcp, mode=mode) as client:
        pub = ok(await client.call_tool("public_key", {"key": "agent-b"}))
        assert pub["public_key"].startswith("mlkem768x25519:")
        by_text = ok(
            await client.call_tool("seal", {"plaintext": "for b only", "recipient": pub["public_key"]})
        )
        by_name = ok(await client.call_tool("seal", {"plaintext": "for b too", "recipient": "agent-b"}))
        ok(await client.call_tool("public_key", {"key": "agent-c"}))
        opened = ok(await client.call_tool("unseal", {"sealed": by_text["sealed"], "key": "agent-b"}))
        opened2 = ok(await client.call_tool("unseal", {"sealed": by_name["sealed"], "key": "agent-b"}))
        wrong = err(await client.call_tool("unseal", {"sealed": by_text["sealed"], "key": "agent-c"}))
        nokey = err(await client.call_tool("seal", {"plaintext": "x", "recipient": "nobody"}))
    assert opened["plaintext"] == "for b only" and opened2["plaintext"] == "for b too"
    assert "cannot be opened" in wrong and "for b" not in wrong
    assert "public_key" in nokey


async def test_redact_modes_and_detokenize_round_trip(offline_suite: Suite) -> None:
    text = "Mail jane.doe@example.com or card 4111 1111 1111 1111; again jane.doe@example.com."
    async with Client(kit.mcp) as client:
        found = ok(await client.call_tool("detect_pii", {"text": text}))
        assert [f["entity"] for f in found["findings"]] == ["EMAIL_ADDRESS", "CREDIT_CARD", "EMAIL_ADDRESS"]
        masked = ok(await client.call_tool("redact", {"text": text, "mode": "mask"}))
        assert "jane" not in masked["text"] and "****.***@*******.***" in masked["text"]
        removed = ok(
            await client.call_tool("redact", {"text": text, "mode": "remove", "entities": ["CREDIT_CARD"]})
        )
        assert "4111" not in removed["text"] and "jane.doe@example.com" in removed["text"]
        tok = ok(await client.call_tool("redact", {"text": text, "mode": "tokenize"}))
        tokens = [w for w in tok["text"].split() if w.startswith("<EMAIL")]
        assert (
            len(tokens) == 2 and tokens[0].rstrip(".") == tokens[1].rstrip(".") and "jane" not in tok["text"]
        )
        assert tok["tokens_stored"] == 2
        refused = err(await client.call_tool("detokenize", {"text": tok["text"]}))
        assert "jane" not in refused
        back = ok(await client.call_tool("detokenize", {"text": tok["text"], "confirm": True}))
        hashed = ok(await client.call_tool("redact", {"text": text, "mode": "hash"}))
    assert back["text"] == text and back["restored"] == 3
    assert "_hash_" in hashed["text"] and "jane" not in hashed["text"]
    assert evidence.read(offline_suite.store, "phantom", "redaction")["data"]["calls"] == 4
    revealed = [r for r in offline_suite.audit.records() if r.tool == "detokenize"]
    assert [r.outcome for r in revealed] == ["not_confirmed", "ok"]
    assert not any("jane" in str(vars(r)) for r in revealed)


def _phone_csv(rows: int) -> str:
    """The costliest text for its size: every row a phone candidate that libphonenumber checks in full."""
    return "\n".join(f"call,{200 + i % 700}-{300 + i % 600}-{1000 + i % 9000}" for i in range(rows))


async def test_detect_and_redact_stop_at_the_time_cap_and_change_nothing(
    offline_suite: Suite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pathological text within the size limit is refused at the wall-time cap, with no echo of the text
    and no token stored; a text that fits the cap still works in the same session."""
    from servers.phantom import api

    monkeypatch.setattr(api, "DETECT_SECONDS", 0.2)
    text = _phone_csv(11_000)[: api.MAX_TEXT_CHARS]
    async with Client(kit.mcp) as client:
        started = time.monotonic()
        refused = err(await client.call_tool("detect_pii", {"text": text}))
        took = time.monotonic() - started
        tokenize = err(await client.call_tool("redact", {"text": text, "mode": "tokenize"}))
        small = ok(await client.call_tool("redact", {"text": "call 020 7946 0958", "mode": "tokenize"}))
    assert "took longer than 0.2 s" in refused and "Split the text" in refused
    assert took < 3.0  # the cap, plus the MCP round trip on a shared machine; unbounded it takes ~4-18 s
    assert "took longer" in tokenize and "call," not in refused + tokenize and "-" not in refused[:60]
    assert small["tokens_stored"] == 1
    redactions = [r.outcome for r in offline_suite.audit.records() if r.tool == "redact"]
    assert redactions == ["refused", "ok"]


async def test_detokenize_is_a_sensitive_call_not_a_read(offline_suite: Suite) -> None:
    """Issue #12: tools that reveal plaintext are not read-only, so a gateway `:read` token cannot call them."""
    async with Client(kit.mcp) as client:
        tools = {t.name: t for t in (await client.list_tools()).tools}
    hints = tools["detokenize"].annotations
    assert (hints.read_only_hint, hints.destructive_hint, hints.idempotent_hint) == (False, False, True)
    assert [
        n for n in ("decrypt", "unseal", "detokenize", "datakey") if tools[n].annotations.read_only_hint
    ] == []
    assert "confirm" in tools["detokenize"].input_schema["properties"]
    assert "Sensitive" in tools["detokenize"].description


async def test_private_aggregate_charges_the_budget_and_refuses_when_spent(offline_suite: Suite) -> None:
    async with Client(kit.mcp) as client:
        first = ok(
            await client.call_tool(
                "private_aggregate",
                {
                    "values": [10, 20, 30, 1000],
                    "op": "mean",
                    "epsilon": 0.6,
                    "budget": "hr",
                    "bounds": [0, 100],
                    "budget_epsilon_total": 1.0,
                },
            )
        )
        assert 0 <= first["value"] <= 100 and first["epsilon_remaining"] == pytest.approx(0.4)
        denied = err(
            await client.call_tool(
                "private_aggregate",
                {"values": [1, 2], "op": "sum", "epsilon": 0.5, "budget": "hr", "bounds": [0, 10]},
            )
        )
        assert "remaining epsilon 0.4" in denied
        hist = ok(
            await client.call_tool(
                "private_aggregate",
                {
                    "values": [1, 2, 3],
                    "op": "histogram",
                    "epsilon": 0.4,
                    "budget": "hr",
                    "bounds": [0, 10],
                    "bins": 5,
                },
            )
        )
        assert len(hist["value"]) == 5 and len(hist["bins"]) == 6
        vec = ok(
            await client.call_tool(
                "private_aggregate",
                {
                    "values": [[3.0, 4.0], [0.1, 0.2]],
                    "op": "mean",
                    "epsilon": 0.5,
                    "delta": 1e-6,
                    "budget": "fl",
                    "clip_norm": 1.0,
                },
            )
        )
        assert len(vec["value"]) == 2 and vec["mechanism"] == "gaussian"
        listed = ok(await client.call_tool("budgets", {}))
    hr = next(b for b in listed["budgets"] if b["name"] == "hr")
    assert hr["epsilon_remaining"] == pytest.approx(0.0) and hr["queries"] == 2
    published = evidence.read(offline_suite.store, "phantom", "budgets")["data"]["budgets"]
    assert {b["name"] for b in published} == {"hr", "fl"}


async def test_one_bad_item_fails_only_itself_in_a_batch(offline_suite: Suite) -> None:
    """Issue #13 (Vault Transit parity): batch results carry per-item errors; the good items succeed."""
    async with Client(kit.mcp) as client:
        made = ok(await client.call_tool("encrypt", {"batch": ["one", "two", "three"], "key": "orders"}))
        good = made["batch"]
        raw = bytearray(base64.b64decode(good[1].split(":")[2]))
        raw[-1] ^= 1
        tampered = "phantom:v1:" + base64.b64encode(bytes(raw)).decode()
        out = ok(
            await client.call_tool(
                "decrypt", {"batch": [good[0], tampered, "not a ciphertext", good[2]], "key": "orders"}
            )
        )
        assert out["batch"] == ["one", None, None, "three"]
        assert [(e["index"], e["kind"]) for e in out["errors"]] == [(1, "refused"), (2, "bad_input")]
        assert "altered" in out["errors"][0]["error"] and "two" not in str(out["errors"])
        moved = ok(await client.call_tool("rewrap", {"batch": [tampered, good[0]], "key": "orders"}))
        assert moved["batch"][0] is None and moved["batch"][1].startswith("phantom:v1:")
        single = err(await client.call_tool("decrypt", {"ciphertext": tampered, "key": "orders"}))
        assert "altered" in single


async def test_encrypt_with_a_chosen_key_version(offline_suite: Suite) -> None:
    async with Client(kit.mcp) as client:
        ok(await client.call_tool("encrypt", {"plaintext": "a", "key": "k"}))
        ok(await client.call_tool("rotate_key", {"key": "k"}))
        old = ok(await client.call_tool("encrypt", {"plaintext": "b", "key": "k", "key_version": 1}))
        assert old["ciphertext"].startswith("phantom:v1:") and old["key_version"] == 1
        assert (
            ok(await client.call_tool("decrypt", {"ciphertext": old["ciphertext"], "key": "k"}))["plaintext"]
            == "b"
        )
        assert "key_version" in err(
            await client.call_tool("encrypt", {"plaintext": "b", "key": "k", "key_version": 3})
        )
        ok(
            await client.call_tool(
                "configure_key", {"key": "k", "min_decryption_version": 2, "confirm": True}
            )
        )
        assert "key_version" in err(
            await client.call_tool("encrypt", {"plaintext": "b", "key": "k", "key_version": 1})
        )
