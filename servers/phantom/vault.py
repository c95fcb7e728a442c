"""HashiCorp Vault's Transit engine as phantom's encryption backend, over Vault's HTTP API (httpx).

Selected by HDR_PHANTOM_VAULT_ADDR (+ HDR_PHANTOM_VAULT_TOKEN or VAULT_TOKEN). Keys never
leave Vault; phantom rewrites Vault's `vault:v<N>:` prefix to `phantom:v<N>:` so ciphertext
looks the same whichever backend made it. The token is sent only as X-Vault-Token and never
appears in errors or logs.
"""

from __future__ import annotations

import base64
import time

import httpx

from servers.phantom.keyring import KeyInfo, check_key_name
from servers.phantom.transit import Item, parse_ciphertext
from shared.errors import BadInput, NotFound, Refused, Unavailable

_TYPES = {"aes256-gcm": "aes256-gcm96", "chacha20-poly1305": "chacha20-poly1305"}


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


class VaultTransit:
    def __init__(self, addr: str, token: str, mount: str = "transit", timeout: float = 5.0) -> None:
        self.mount = mount.strip("/")
        self._client = httpx.Client(base_url=addr.rstrip("/"), headers={"X-Vault-Token": token}, timeout=timeout)

    def _call(self, method: str, path: str, body: dict | None = None) -> dict:
        try:
            response = self._client.request(method, f"/v1/{self.mount}/{path}", json=body)
        except httpx.HTTPError as exc:
            raise Unavailable(f"Vault at {self._client.base_url} cannot be reached ({type(exc).__name__}).",
                              "Check HDR_PHANTOM_VAULT_ADDR and that Vault is unsealed.") from None
        if response.status_code in (200, 204):
            return response.json().get("data") or {} if response.content else {}
        try:
            errors = "; ".join(str(e)[:200] for e in response.json().get("errors", []))
        except ValueError:
            errors = ""
        if response.status_code == 403:
            raise Unavailable("Vault refused phantom's token (403).",
                              "Set HDR_PHANTOM_VAULT_TOKEN to a token with the transit policy.")
        if response.status_code == 404:
            raise NotFound(f"Vault has no such transit key or path ({path.split('/')[-1][:60]}).",
                           "Call `keys` to list keys, or encrypt once to create it.")
        if response.status_code == 400 and ("authentication failed" in errors or "decrypt" in errors
                                            or "min_decryption_version" in errors or "too short" in errors):
            raise Refused(f"Vault would not decrypt: {errors}.",
                          "Send the ciphertext unchanged with the same key, context and associated data.")
        if response.status_code == 400:
            raise BadInput(f"Vault rejected the request: {errors}.", "Check the key name and arguments.")
        raise Unavailable(f"Vault answered HTTP {response.status_code}: {errors}.", "Try again later.")

    @staticmethod
    def _body(item: Item) -> dict:
        body: dict = {}
        if item.context is not None:
            body["context"] = _b64(item.context)
        if item.associated_data is not None:
            body["associated_data"] = _b64(item.associated_data)
        return body

    # -- keys --------------------------------------------------------------------------------------

    def key(self, name: str) -> KeyInfo:
        data = self._call("GET", f"keys/{check_key_name(name)}")
        versions = {int(v): float(t if isinstance(t, int | float) else time.time()) for v, t in data["keys"].items()}
        rotated = versions.get(data["latest_version"], 0.0)
        kind = {v: k for k, v in _TYPES.items()}.get(data["type"], data["type"])
        return KeyInfo(data["name"], kind, data["latest_version"], data["min_decryption_version"],
                       bool(data.get("derived")), bool(data.get("convergent_encryption")),
                       min(versions.values()), rotated, None, versions)

    def ensure_key(self, name: str, key_type: str | None = None, derived: bool = False,
                   convergent: bool = False) -> KeyInfo:
        check_key_name(name)
        if key_type is None:
            try:
                return self.key(name)
            except NotFound:
                key_type = "aes256-gcm"
        if key_type not in _TYPES:
            raise BadInput(f"Vault transit keys here are {', '.join(_TYPES)}.", "Pick one of those.")
        self._call("POST", f"keys/{name}", {"type": _TYPES[key_type], "derived": derived,
                                            "convergent_encryption": convergent})
        return self.key(name)

    def rotate(self, name: str) -> KeyInfo:
        self._call("POST", f"keys/{check_key_name(name)}/rotate")
        return self.key(name)

    def configure(self, name: str, min_decryption_version: int) -> KeyInfo:
        self._call("POST", f"keys/{check_key_name(name)}/config", {"min_decryption_version": min_decryption_version})
        return self.key(name)

    def destroy(self, name: str) -> KeyInfo:
        info = self.key(name)
        self._call("POST", f"keys/{name}/config", {"deletion_allowed": True})
        self._call("DELETE", f"keys/{name}")
        return KeyInfo(info.name, info.type, info.latest_version, info.min_decryption_version, info.derived,
                       info.convergent, info.created_at, info.rotated_at, time.time(), {})

    def keys(self) -> list[KeyInfo]:
        try:
            names = self._call("LIST", "keys").get("keys", [])
        except NotFound:  # Vault answers 404 for an empty list
            return []
        return [self.key(n) for n in names]

    # -- data --------------------------------------------------------------------------------------

    def encrypt(self, name: str, items: list[Item]) -> list[str]:
        batch = [{"plaintext": _b64(i.data), **self._body(i)} for i in items]
        data = self._call("POST", f"encrypt/{check_key_name(name)}", {"batch_input": batch})
        return [self._from_vault(r) for r in data["batch_results"]]

    def decrypt(self, name: str, items: list[Item]) -> list[bytes]:
        batch = [{"ciphertext": self._to_vault(i), **self._body(i)} for i in items]
        data = self._call("POST", f"decrypt/{check_key_name(name)}", {"batch_input": batch})
        for r in data["batch_results"]:
            if r.get("error"):
                raise Refused(f"Vault would not decrypt: {str(r['error'])[:200]}.",
                              "Send the ciphertext unchanged with the same key, context and associated data.")
        return [base64.b64decode(r["plaintext"]) for r in data["batch_results"]]

    def rewrap(self, name: str, items: list[Item]) -> list[str]:
        batch = [{"ciphertext": self._to_vault(i), **self._body(i)} for i in items]
        data = self._call("POST", f"rewrap/{check_key_name(name)}", {"batch_input": batch})
        return [self._from_vault(r) for r in data["batch_results"]]

    def datakey(self, name: str, bits: int, context: bytes | None) -> tuple[bytes, str]:
        body: dict = {"bits": bits}
        if context is not None:
            body["context"] = _b64(context)
        data = self._call("POST", f"datakey/plaintext/{check_key_name(name)}", body)
        return base64.b64decode(data["plaintext"]), "phantom:" + data["ciphertext"].split(":", 1)[1]

    @staticmethod
    def _to_vault(item: Item) -> str:
        text = item.data.decode("ascii", "replace")
        parse_ciphertext(text)  # malformed input is refused here, not sent
        return "vault:" + text.split(":", 1)[1]

    @staticmethod
    def _from_vault(result: dict) -> str:
        if result.get("error"):
            raise BadInput(f"Vault rejected an item: {str(result['error'])[:200]}.", "Check the batch items.")
        return "phantom:" + result["ciphertext"].split(":", 1)[1]
