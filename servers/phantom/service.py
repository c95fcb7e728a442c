"""phantom's services for one Suite: the keyring, the transit backend (local or Vault), the
redactor and the privacy budgets, built once per process on first use."""

from __future__ import annotations

import os
from dataclasses import dataclass

from servers.phantom.dp import Budgets
from servers.phantom.keyring import KeyInfo, Keyring, check_key_name, missing_key
from servers.phantom.owners import Owners
from servers.phantom.redaction import Redactor
from servers.phantom.signing import Signer
from servers.phantom.transit import LocalTransit, Transit
from shared import sealing
from shared.errors import BadInput, NotFound, Refused
from shared.kek import load_kek
from shared.suite import Suite

KEK_PURPOSE = "phantom keyring"


@dataclass
class Phantom:
    keyring: Keyring
    local: LocalTransit
    transit: Transit
    backend: str
    redactor: Redactor
    budgets: Budgets
    owners: Owners
    signer: Signer  # signing and hmac keys live in the local keyring whatever the transit backend

    # -- ownership (behind the gateway): see owners.py ---------------------------------------------

    def _key_exists(self, name: str) -> bool:
        if self.keyring.get(name) is not None:
            return True
        if self.backend == "local":
            return False
        try:
            self.transit.key(name)
        except NotFound:
            return False
        return True

    def check_key(
        self, name: str, principal: str | None, *, create: bool = False, missing: NotFound | None = None
    ) -> None:
        """Let `principal` use key `name` (claiming it when `create` and nobody holds it), or raise the
        same NotFound a missing key gets."""
        self.owners.check(
            "key",
            check_key_name(name),
            principal,
            missing or missing_key(name),
            exists=lambda: self._key_exists(name),
            create=create,
        )

    def check_budget(self, name: str, principal: str | None) -> None:
        self.owners.check(
            "budget",
            name,
            principal,
            missing_budget(name),
            exists=lambda: self.budgets.get(name) is not None,
            create=True,
        )

    # -- sealing keys live in the local keyring whatever the transit backend ----------------------

    def sealing_key(self, name: str, create: bool) -> KeyInfo:
        info = self.keyring.get(name) if create is False else self.keyring.ensure(name, sealing.ALGORITHM)
        if info is None:
            raise missing_sealing_key(name)
        info = self.keyring.require(name)
        if info.type != sealing.ALGORITHM:
            raise BadInput(
                f"Key {name!r} is a {info.type} encryption key, not a sealing key.",
                "Use a key created by `public_key`, or another name.",
            )
        return info

    def public_key(self, name: str) -> tuple[KeyInfo, str]:
        info = self.sealing_key(name, create=True)
        private = self.keyring.material(name, info.latest_version)
        return info, sealing.public_key_to_text(sealing.public_from_private(private))

    def unseal(self, name: str, sealed_text: str) -> tuple[bytes, int]:
        info = self.sealing_key(name, create=False)
        last: Refused | None = None
        for version in range(info.latest_version, info.min_decryption_version - 1, -1):
            try:
                return sealing.unseal(sealed_text, self.keyring.material(name, version)), version
            except Refused as exc:
                last = exc
        assert last is not None
        raise last


def missing_sealing_key(name: str) -> NotFound:
    return NotFound(
        f"There is no sealing key named {name!r}.",
        "Call `public_key` with this name first to create one, or seal to a published "
        "public key (mlkem768x25519:...).",
    )


def missing_budget(name: str) -> NotFound:
    return NotFound(
        f"There is no privacy budget named {name!r} for this caller.",
        "Call `budgets` to list yours, or use a new name to start one.",
    )


def services(suite: Suite) -> Phantom:
    """The Phantom for this suite (one per Suite object, built on first use)."""
    return suite.service(build_phantom)


def build_phantom(suite: Suite) -> Phantom:
    kek = load_kek(suite.config.home, KEK_PURPOSE)
    keyring = Keyring(suite.store, kek)
    local = LocalTransit(keyring)
    transit: Transit = local
    backend = "local"
    addr = os.environ.get("HDR_PHANTOM_VAULT_ADDR")
    if addr:
        from servers.phantom.vault import VaultTransit

        token = os.environ.get("HDR_PHANTOM_VAULT_TOKEN") or os.environ.get("VAULT_TOKEN") or ""
        transit = VaultTransit(addr, token, mount=os.environ.get("HDR_PHANTOM_VAULT_MOUNT", "transit"))
        backend = "vault"
    return Phantom(
        keyring,
        local,
        transit,
        backend,
        Redactor(suite.store, local),
        Budgets(suite.store),
        Owners(suite.store),
        Signer(keyring),
    )
