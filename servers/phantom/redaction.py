"""Redacting personal data found by pii.detect: mask, hash, remove or tokenize.

Tokens are deterministic — HMAC-SHA256 of the entity type and value under phantom's token key
— so the same email becomes the same token everywhere and joins on redacted data still work.
The original is kept only encrypted (under the same key, the token bound as associated data)
in the store, and comes back only through `detokenize`. `hash` uses an HMAC too (an unkeyed
hash of a phone number or SSN is reversed by enumerating the few possible values), but keeps
nothing, so it cannot be reversed at all.

Behind the gateway each principal tokenizes under its own token key and owns its tokens: the same
email gives another caller another token (no cross-tenant joins or equality leaks), and
`detokenize` restores only the caller's own tokens (others' stay as they are, counted unknown).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time

import sqlalchemy as sa

from servers.phantom.owners import may_access
from servers.phantom.pii import Finding
from servers.phantom.transit import Item, LocalTransit, only
from shared import evidence
from shared.store import METADATA, Double, Migration, Store, add_missing_columns, col

TOKEN_KEY = "phantom-pii-tokens"
MODES = ("mask", "hash", "remove", "tokenize")
TOKEN = re.compile(r"<([A-Z_]{3,20})_tok_([0-9a-f]{20})>")

phantom_tokens = sa.Table(
    "phantom_tokens",
    METADATA,
    col("token", sa.Text, primary_key=True),
    col("ciphertext", sa.Text),
    col("created_at", Double),
    col("owner", sa.Text, nullable=True),
)
SCHEMA = [phantom_tokens]
# Vaults made before ownership lack the column: their tokens are the operator's.
MIGRATIONS = [
    Migration(2, "tokens have owners", lambda db: add_missing_columns(db, phantom_tokens, ["owner"]))
]


def token_key(principal: str | None) -> str:
    """The key a principal's tokens are made and kept under (the operator's: TOKEN_KEY)."""
    if principal is None:
        return TOKEN_KEY
    return f"{TOKEN_KEY}.{hashlib.sha256(principal.encode()).hexdigest()[:24]}"


class Redactor:
    def __init__(self, store: Store, transit: LocalTransit) -> None:
        self.store = store
        self.transit = transit
        store.ensure_schema("phantom.tokens", SCHEMA, MIGRATIONS)

    def _mac(self, purpose: bytes, entity: str, value: str, principal: str | None) -> str:
        name = token_key(principal)
        self.transit.keyring.ensure(name)
        key = self.transit.keyring.material(name, 1)  # version 1 always: tokens must stay stable
        return hmac.new(key, purpose + entity.encode() + b"\x00" + value.encode(), hashlib.sha256).hexdigest()

    def redact(
        self, text: str, findings: list[Finding], mode: str, principal: str | None = None
    ) -> tuple[str, int]:
        """The text with every finding replaced; returns (text, tokens newly stored)."""
        pieces: list[str] = []
        new_tokens: dict[str, str] = {}
        cursor = 0
        for f in findings:
            value = text[f.start : f.end]
            pieces.append(text[cursor : f.start])
            if mode == "mask":
                pieces.append(re.sub(r"[A-Za-z0-9]", "*", value))
            elif mode == "hash":
                pieces.append(f"<{f.entity}_hash_{self._mac(b'hash:', f.entity, value, principal)[:20]}>")
            elif mode == "tokenize":
                token = f"<{f.entity}_tok_{self._mac(b'token:', f.entity, value, principal)[:20]}>"
                new_tokens.setdefault(token, value)
                pieces.append(token)
            cursor = f.end
        pieces.append(text[cursor:])
        stored = self._store_tokens(new_tokens, principal) if new_tokens else 0
        self._count_call()
        return "".join(pieces), stored

    def _store_tokens(self, tokens: dict[str, str], principal: str | None) -> int:
        ciphertexts = [
            only([c])
            for c in self.transit.encrypt(
                token_key(principal), [Item(v.encode(), None, t.encode()) for t, v in tokens.items()]
            )
        ]
        with self.store.transaction() as db:
            return db.executemany(
                "INSERT INTO phantom_tokens (token, ciphertext, created_at, owner)"
                " VALUES (:token, :ciphertext, :at, :owner) ON CONFLICT DO NOTHING",
                [
                    {"token": t, "ciphertext": c, "at": time.time(), "owner": principal}
                    for t, c in zip(tokens, ciphertexts, strict=True)
                ],
            )

    def detokenize(self, text: str, principal: str | None = None) -> tuple[str, int, list[str]]:
        """(text with the caller's known tokens restored, how many restored, tokens not known to the caller)."""
        unknown: list[str] = []
        restored = 0
        db = self.store.connection()

        def original(match: re.Match[str]) -> str:
            nonlocal restored
            row = db.execute(
                "SELECT ciphertext, owner FROM phantom_tokens WHERE token=:token", {"token": match.group()}
            ).fetchone()
            if row is None or not may_access(row["owner"], principal):
                unknown.append(match.group())
                return match.group()
            restored += 1
            return only(
                self.transit.decrypt(
                    token_key(row["owner"]), [Item(row["ciphertext"].encode(), None, match.group().encode())]
                )
            ).decode()

        return TOKEN.sub(original, text), restored, unknown

    def _count_call(self) -> None:
        with self.store.transaction():
            current = evidence.read(self.store, "phantom", "redaction") or {"data": {"calls": 0}}
            evidence.publish(
                self.store,
                "phantom",
                "redaction",
                {"calls": int(current["data"].get("calls", 0)) + 1, "last_at": time.time()},
            )
