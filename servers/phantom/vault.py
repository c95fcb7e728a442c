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
from shared.errors import BadInput, HDRError, NotFound, Refused, Unavailable

_TYPES = {"aes256-gcm": "aes256-gcm96", "chacha20-poly1305": "chacha20-poly1305"}


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


class VaultTransit:
    def __init__(self, addr: str, token: str, mount: str = "transit", timeout: float = 5.0) -> None:
        self.mount = mount.strip("/")
        self._client = httpx.Client(
            base_url=addr.rstrip("/"), headers={"X-Vault-Token": token}, timeout=timeout
        )

    def _call(self, method: str, path: str, body: dict | None = None, batch: bool = False) -> dict:
        try:
            response = self._client.request(method, f"/v1/{self.mount}/{path}", json=body)
        except httpx.HTTPError as exc:
            raise Unavailable(
                f"Vault at {self._client.base_url} cannot be reached ({type(exc).__name__}).",
                "Check HDR_PHANTOM_VAULT_ADDR and that Vault is unsealed.",
            ) from None
        if response.status_code in (200, 204):
            return response.json().get("data") or {} if response.content else {}
        try:
            answer = response.json()
            errors = "; ".join(str(e)[:200] for e in answer.get("errors", []))
        except ValueError:
            answer, errors = {}, ""
        partial = (answer.get("data") or answer) if isinstance(answer, dict) else {}
        if batch and response.status_code == 400 and isinstance(partial.get("batch_results"), list):
            return (
                partial  # some items failed (Vault's partial_failure_response_code): each result says which
            )
        if response.status_code == 403:
            raise Unavailable(
                "Vault refused phantom's token (403).",
                "Set HDR_PHANTOM_VAULT_TOKEN to a token with the transit policy.",
            )
        if response.status_code == 404:
            raise NotFound(
                f"Vault has no such transit key or path ({path.split('/')[-1][:60]}).",
                "Call `keys` to list keys, or encrypt once to create it.",
            )
        if response.status_code == 400 and (
            "authentication failed" in errors
            or "decrypt" in errors
            or "min_decryption_version" in errors
            or "too short" in errors
        ):
            raise Refused(
                f"Vault would not decrypt: {errors}.",
                "Send the ciphertext unchanged with the same key, context and associated data.",
            )
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
        versions = {
            int(v): float(t if isinstance(t, int | float) else time.time()) for v, t in data["keys"].items()
        }
        rotated = versions.get(data["latest_version"], 0.0)
        kind = {v: k for k, v in _TYPES.items()}.get(data["type"], data["type"])
        return KeyInfo(
            data["name"],
            kind,
            data["latest_version"],
            data["min_decryption_version"],
            bool(data.get("derived")),
            bool(data.get("convergent_encryption")),
            min(versions.values()),
            rotated,
            None,
            versions,
        )

    def ensure_key(
        self, name: str, key_type: str | None = None, derived: bool = False, convergent: bool = False
    ) -> KeyInfo:
        check_key_name(name)
        if key_type is None:
            try:
                return self.key(name)
            except NotFound:
                key_type = "aes256-gcm"
        if key_type not in _TYPES:
            raise BadInput(f"Vault transit keys here are {', '.join(_TYPES)}.", "Pick one of those.")
        self._call(
            "POST",
            f"keys/{name}",
            {"type": _TYPES[key_type], "derived": derived, "convergent_encryption": convergent},
        )
        return self.key(name)

    def rotate(self, name: str) -> KeyInfo:
        self._call("POST", f"keys/{check_key_name(name)}/rotate")
        return self.key(name)

    def configure(self, name: str, min_decryption_version: int) -> KeyInfo:
        self._call(
            "POST", f"keys/{check_key_name(name)}/config", {"min_decryption_version": min_decryption_version}
        )
        return self.key(name)

    def destroy(self, name: str) -> KeyInfo:
        info = self.key(name)
        self._call("POST", f"keys/{name}/config", {"deletion_allowed": True})
        self._call("DELETE", f"keys/{name}")
        return KeyInfo(
            info.name,
            info.type,
            info.latest_version,
            info.min_decryption_version,
            info.derived,
            info.convergent,
            info.created_at,
            info.rotated_at,
            time.time(),
            {},
        )

    def keys(self) -> list[KeyInfo]:
        try:
            names = self._call("LIST", "keys").get("keys", [])
        except NotFound:  # Vault answers 404 for an empty list
            return []
        return [self.key(n) for n in names]

    # -- data --------------------------------------------------------------------------------------

    def _batch(
        self, op: str, name: str, items: list[Item], field: str, version: int | None
    ) -> list[dict | HDRError]:
        """Vault's batch call, one result or error per item (Vault answers 400 with per-item errors when some
        items failed; items it never looked at because phantom refused them locally keep phantom's error)."""
        sent: list[dict] = []
        results: list[dict | HDRError] = []
        for item in items:
            try:
                value = _b64(item.data) if field == "plaintext" else self._to_vault(item)
            except HDRError as error:
                results.append(error)
                continue
            sent.append({field: value, **self._body(item)})
            results.append({})
        if sent:
            body: dict = {"batch_input": sent}
            if version is not None:
                body["key_version"] = version
            answers = iter(
                self._call("POST", f"{op}/{check_key_name(name)}", body, batch=True)["batch_results"]
            )
            results = [
                r if isinstance(r, HDRError) else self._item_result(op, next(answers)) for r in results
            ]
        return results

    @staticmethod
    def _item_result(op: str, result: dict) -> dict | HDRError:
        if not result.get("error"):
            return result
        error = str(result["error"])[:200]
        if op == "encrypt":
            return BadInput(f"Vault rejected this item: {error}.", "Check the item's context and data.")
        return Refused(
            f"Vault would not decrypt this item: {error}.",
            "Send the ciphertext unchanged with the same key, context and associated data.",
        )

    def encrypt(self, name: str, items: list[Item], version: int | None = None) -> list[str | HDRError]:
        return [
            r if isinstance(r, HDRError) else self._from_vault(r)
            for r in self._batch("encrypt", name, items, "plaintext", version)
        ]

    def decrypt(self, name: str, items: list[Item]) -> list[bytes | HDRError]:
        return [
            r if isinstance(r, HDRError) else base64.b64decode(r["plaintext"])
            for r in self._batch("decrypt", name, items, "ciphertext", None)
        ]

    def rewrap(self, name: str, items: list[Item], version: int | None = None) -> list[str | HDRError]:
        return [
            r if isinstance(r, HDRError) else self._from_vault(r)
            for r in self._batch("rewrap", name, items, "ciphertext", version)
        ]

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
        return "phantom:" + result["ciphertext"].split(":", 1)[1]
