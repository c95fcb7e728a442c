"""Redacting personal data found by pii.detect: mask, hash, remove or tokenize.

Tokens are deterministic — HMAC-SHA256 of the entity type and value under phantom's token key
— so the same email becomes the same token everywhere and joins on redacted data still work.
The original is kept only encrypted (under the same key, the token bound as associated data)
in the store, and comes back only through `detokenize`. `hash` uses an HMAC too (an unkeyed
hash of a phone number or SSN is reversed by enumerating the few possible values), but keeps
nothing, so it cannot be reversed at all.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time

from servers.phantom.pii import Finding
from servers.phantom.transit import Item, LocalTransit
from shared import evidence
from shared.store import Store

TOKEN_KEY = "phantom-pii-tokens"
MODES = ("mask", "hash", "remove", "tokenize")
TOKEN = re.compile(r"<([A-Z_]{3,20})_tok_([0-9a-f]{20})>")

SCHEMA = """
CREATE TABLE IF NOT EXISTS phantom_tokens (
  token TEXT PRIMARY KEY, ciphertext TEXT NOT NULL, created_at REAL NOT NULL)
"""


class Redactor:
    def __init__(self, store: Store, transit: LocalTransit) -> None:
        self.store = store
        self.transit = transit
        store.ensure_schema("phantom.tokens", SCHEMA)

    def _mac(self, purpose: bytes, entity: str, value: str) -> str:
        self.transit.keyring.ensure(TOKEN_KEY)
        key = self.transit.keyring.material(TOKEN_KEY, 1)  # version 1 always: tokens must stay stable
        return hmac.new(key, purpose + entity.encode() + b"\x00" + value.encode(), hashlib.sha256).hexdigest()

    def redact(self, text: str, findings: list[Finding], mode: str) -> tuple[str, int]:
        """The text with every finding replaced; returns (text, tokens newly stored)."""
        pieces: list[str] = []
        new_tokens: dict[str, str] = {}
        cursor = 0
        for f in findings:
            value = text[f.start:f.end]
            pieces.append(text[cursor:f.start])
            if mode == "mask":
                pieces.append(re.sub(r"[A-Za-z0-9]", "*", value))
            elif mode == "hash":
                pieces.append(f"<{f.entity}_hash_{self._mac(b'hash:', f.entity, value)[:20]}>")
            elif mode == "tokenize":
                token = f"<{f.entity}_tok_{self._mac(b'token:', f.entity, value)[:20]}>"
                new_tokens.setdefault(token, value)
                pieces.append(token)
            cursor = f.end
        pieces.append(text[cursor:])
        stored = self._store_tokens(new_tokens) if new_tokens else 0
        self._count_call()
        return "".join(pieces), stored

    def _store_tokens(self, tokens: dict[str, str]) -> int:
        ciphertexts = self.transit.encrypt(TOKEN_KEY, [Item(v.encode(), None, t.encode()) for t, v in tokens.items()])
        with self.store.transaction() as db:
            before = db.total_changes
            db.executemany("INSERT OR IGNORE INTO phantom_tokens VALUES (?, ?, ?)",
                           [(t, c, time.time()) for t, c in zip(tokens, ciphertexts, strict=True)])
            return db.total_changes - before

    def detokenize(self, text: str) -> tuple[str, int, list[str]]:
        """(text with known tokens restored, how many restored, tokens not known here)."""
        unknown: list[str] = []
        restored = 0
        db = self.store.connection()

        def original(match: re.Match[str]) -> str:
            nonlocal restored
            row = db.execute("SELECT ciphertext FROM phantom_tokens WHERE token=?", (match.group(),)).fetchone()
            if row is None:
                unknown.append(match.group())
                return match.group()
            restored += 1
            return self.transit.decrypt(TOKEN_KEY, [Item(row["ciphertext"].encode(), None,
                                                         match.group().encode())])[0].decode()

        return TOKEN.sub(original, text), restored, unknown

    def _count_call(self) -> None:
        with self.store.transaction():
            current = evidence.read(self.store, "phantom", "redaction") or {"data": {"calls": 0}}
            evidence.publish(self.store, "phantom", "redaction",
                             {"calls": int(current["data"].get("calls", 0)) + 1, "last_at": time.time()})
