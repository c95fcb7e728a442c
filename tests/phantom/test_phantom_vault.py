"""The Vault Transit backend (real httpx client) against a local stand-in of the transit endpoints
phantom uses, speaking Vault's wire format (paths, X-Vault-Token, batch_input, vault:v<N>: ciphertext)."""

from __future__ import annotations

import base64
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from mcp import Client

from servers.phantom.transit import Item, only
from servers.phantom.vault import VaultTransit
from shared.errors import Refused, Unavailable

TOKEN = "s.standin-token-xyz"


class StandInVault(BaseHTTPRequestHandler):
    keys: dict[str, dict] = {}

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def _reply(self, status: int, data: dict | None = None, errors: list[str] | None = None) -> None:
        body = json.dumps({"data": data} if errors is None else {"errors": errors}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _handle(self, method: str) -> None:
        if self.headers.get("X-Vault-Token") != TOKEN:
            return self._reply(403, errors=["permission denied"])
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        parts = self.path.split("/")[3:]  # /v1/transit/...
        op, name = parts[0], parts[-1] if len(parts) > 1 else None
        k = self.keys.get(parts[1] if op == "keys" else name) if len(parts) > 1 else None
        if op == "keys" and method == "LIST":
            return self._reply(200, {"keys": sorted(self.keys)}) if self.keys else self._reply(404, errors=[])
        if op == "keys" and len(parts) == 2 and method == "POST":
            self.keys.setdefault(name, {"versions": {1: os.urandom(32)}, "min": 1, "deletion_allowed": False})
            return self._reply(204)
        if op == "keys" and method == "GET":
            if k is None:
                return self._reply(404, errors=[])
            return self._reply(
                200,
                {
                    "name": name,
                    "type": "aes256-gcm96",
                    "latest_version": max(k["versions"]),
                    "min_decryption_version": k["min"],
                    "derived": False,
                    "convergent_encryption": False,
                    "keys": {str(v): 1700000000 + v for v in k["versions"]},
                },
            )
        if op == "keys" and parts[-1] == "rotate":
            k["versions"][max(k["versions"]) + 1] = os.urandom(32)
            return self._reply(200, {})
        if op == "keys" and parts[-1] == "config":
            k["min"] = body.get("min_decryption_version", k["min"])
            k["deletion_allowed"] = body.get("deletion_allowed", k["deletion_allowed"])
            return self._reply(200, {})
        if op == "keys" and method == "DELETE":
            if not k["deletion_allowed"]:
                return self._reply(400, errors=["deletion is not allowed for this key"])
            del self.keys[name]
            return self._reply(204)
        if op in ("encrypt", "decrypt", "rewrap", "datakey"):
            if op == "encrypt" and k is None:
                self.keys[name] = k = {"versions": {1: os.urandom(32)}, "min": 1, "deletion_allowed": False}
            if k is None:
                return self._reply(404, errors=[])
            if op == "datakey":
                dk = os.urandom(body["bits"] // 8)
                return self._reply(
                    200, {"plaintext": base64.b64encode(dk).decode(), "ciphertext": seal(k, dk, b"")}
                )
            results = []
            for item in body["batch_input"]:
                ad = base64.b64decode(item.get("associated_data", ""))
                if op == "encrypt":
                    results.append({"ciphertext": seal(k, base64.b64decode(item["plaintext"]), ad)})
                    continue
                version, raw = (
                    int(item["ciphertext"].split(":")[1][1:]),
                    base64.b64decode(item["ciphertext"].split(":")[2]),
                )
                if version < k["min"]:
                    results.append({"error": "ciphertext version is disallowed by policy (too old)"})
                    continue
                try:
                    plain = AESGCM(k["versions"][version]).decrypt(raw[:12], raw[12:], ad or None)
                except InvalidTag:
                    results.append({"error": "cipher: message authentication failed"})
                    continue
                results.append(
                    {"plaintext": base64.b64encode(plain).decode()}
                    if op == "decrypt"
                    else {"ciphertext": seal(k, plain, ad)}
                )
            return self._reply(200, {"batch_results": results})
        return self._reply(404, errors=[])

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def do_LIST(self) -> None:
        self._handle("LIST")


def seal(k: dict, plain: bytes, ad: bytes) -> str:
    version = max(k["versions"])
    nonce = os.urandom(12)
    return (
        f"vault:v{version}:"
        + base64.b64encode(nonce + AESGCM(k["versions"][version]).encrypt(nonce, plain, ad or None)).decode()
    )


@pytest.fixture
def vault_addr():
    StandInVault.keys = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandInVault)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_vault_backend_encrypts_rotates_rewraps_and_enforces_policy(vault_addr: str) -> None:
    vault = VaultTransit(vault_addr, TOKEN)
    first = vault.encrypt("orders", [Item(b"order 1", None, b"row-1")])[0]
    assert first.startswith("phantom:v1:")
    assert vault.rotate("orders").latest_version == 2
    assert vault.decrypt("orders", [Item(first.encode(), None, b"row-1")]) == [b"order 1"]
    with pytest.raises(Refused):  # per item now (issue #13): `only` raises the one item's error
        only(vault.decrypt("orders", [Item(first.encode(), None, b"row-2")]))
    rewrapped = vault.rewrap("orders", [Item(first.encode(), None, b"row-1")])[0]
    assert rewrapped.startswith("phantom:v2:")
    vault.configure("orders", 2)
    with pytest.raises(Refused, match="policy"):
        only(vault.decrypt("orders", [Item(first.encode(), None, b"row-1")]))
    key, wrapped = vault.datakey("orders", 256, None)
    assert vault.decrypt("orders", [Item(wrapped.encode())]) == [key]
    assert [k.name for k in vault.keys()] == ["orders"]
    assert vault.destroy("orders").destroyed and vault.keys() == []


def test_bad_token_and_unreachable_vault_are_clear_errors_without_the_token(vault_addr: str) -> None:
    with pytest.raises(Unavailable, match="token") as bad:
        VaultTransit(vault_addr, "wrong-token").encrypt("k", [Item(b"x")])
    assert "wrong-token" not in str(bad.value)
    with pytest.raises(Unavailable, match="cannot be reached") as down:
        VaultTransit("http://127.0.0.1:9", TOKEN, timeout=1).encrypt("k", [Item(b"x")])
    assert TOKEN not in str(down.value)


async def test_tools_use_vault_when_configured(vault_addr: str, offline_suite, monkeypatch) -> None:
    monkeypatch.setenv("HDR_PHANTOM_VAULT_ADDR", vault_addr)
    monkeypatch.setenv("HDR_PHANTOM_VAULT_TOKEN", TOKEN)
    from servers.phantom.server import kit

    async with Client(kit.mcp) as client:
        made = await client.call_tool("encrypt", {"plaintext": "via vault", "key": "v"})
        back = await client.call_tool(
            "decrypt", {"ciphertext": made.structured_content["ciphertext"], "key": "v"}
        )
        listed = await client.call_tool("keys", {})
    assert back.structured_content["plaintext"] == "via vault"
    assert listed.structured_content["backend"] == "vault"
    assert "v" in StandInVault.keys  # the key lives in (stand-in) Vault, not the local keyring
    assert offline_suite.store.connection().execute("SELECT COUNT(*) FROM phantom_keys").fetchone()[0] == 0
