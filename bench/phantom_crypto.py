"""phantom encrypt/decrypt throughput against raw AESGCM (cryptography), side by side in one run.

  .venv/bin/python bench/phantom_crypto.py

First the cost of the keyring freshness check ("has any process committed to the store since I
last looked?", paid once per call so that a key rotated, retired or destroyed elsewhere is never
used afterwards): `keyring.side_cache()`, which reads SQLite's WAL-index header through
`Store.commit_watch().token()`, beside the `PRAGMA data_version` query it replaced.

Columns: `raw MB/s`, raw AESGCM (nonce || ciphertext, one reused AESGCM object: the baseline);
`binary`, phantom's domain path in binary form (LocalTransit.encrypt_bytes / decrypt_bytes:
freshness check, key lookup and policy checks, header, fresh nonce, key name and version bound as
associated data) and `ratio`, its throughput / the baseline's (the goal's figure); `ceiling`, the
best ratio a path paying one freshness check per call could reach (the lean work below plus one
check); `vs lean`, the binary path against raw AESGCM doing phantom's memory work (encrypt_into
one fresh buffer, decrypt from a memoryview: no nonce || ciphertext copy), i.e. what phantom's own
logic costs; then phantom's text form (`phantom:v<N>:<base64>`, what the tool returns) against
raw AESGCM plus base64 (the same encoding work). Then, reported separately, the tool over stdio (a
real `hdr-phantom` subprocess, MCP client), and redact MB/s on prose with sparse PII.
"""

# ruff: noqa: B023  (the closures are timed inside the iteration that defines them)
from __future__ import annotations

import asyncio
import binascii
import os
import secrets
import sqlite3
import sys
import tempfile
import time
import timeit
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: E402

from servers.phantom import pii  # noqa: E402
from servers.phantom.keyring import Keyring  # noqa: E402
from servers.phantom.service import KEK_PURPOSE  # noqa: E402
from servers.phantom.transit import Item, LocalTransit  # noqa: E402
from shared.kek import load_kek  # noqa: E402
from shared.store import Store  # noqa: E402

SIZES = {"1 KiB": 1024, "64 KiB": 64 * 1024, "1 MiB": 1024 * 1024}


def rate(fn, size: int, seconds: float = 0.6) -> float:
    """Bytes per second of fn() over ~`seconds`, best of three rounds."""
    best = 0.0
    for _ in range(3):
        n, start = 0, time.perf_counter()
        while (elapsed := time.perf_counter() - start) < seconds / 3:
            fn()
            n += 1
        best = max(best, n * size / elapsed)
    return best


def per_call(fn, number: int = 200_000) -> float:
    """Seconds per call of fn(), best of five timeit rounds (for sub-microsecond costs)."""
    return min(timeit.repeat(fn, number=number, repeat=5)) / number


def main() -> None:
    home = Path(tempfile.mkdtemp())
    transit = LocalTransit(Keyring(Store(home / "state.db"), load_kek(home, KEK_PURPOSE, env={})))
    transit.ensure_key("bench")
    raw = AESGCM(secrets.token_bytes(32))
    watch = transit.keyring.store.commit_watch()
    db = sqlite3.connect(home / "state.db")  # the driver itself, as the check it replaced ran
    token = per_call(watch.token)
    check = per_call(transit.keyring.side_cache)  # what a data call pays: token, compare, the cache it guards
    pragma = per_call(lambda: db.execute("PRAGMA data_version").fetchone())
    print(
        f"keyring freshness check, once per call: {check * 1e9:.0f} ns (of which the {watch.mode} token read "
        f"{token * 1e9:.0f} ns); the PRAGMA data_version it replaced: {pragma * 1e9:.0f} ns\n"
    )
    print(
        f"{'payload':>8} {'op':>7} {'raw MB/s':>9} {'binary':>7} {'ratio':>6} {'ceiling':>7} {'vs lean':>7} "
        f"{'raw+b64':>8} {'text':>6} {'ratio':>6} {'vs raw+b64':>10}"
    )
    for label, size in SIZES.items():
        data = os.urandom(size)
        item = Item(data)

        def raw_encrypt():
            nonce = secrets.token_bytes(12)
            return nonce + raw.encrypt(nonce, data, None)

        def lean_encrypt():  # phantom's memory work: one fresh buffer, sealed into
            nonce = secrets.token_bytes(12)
            out = bytearray(12 + size + 16)
            out[:12] = nonce
            raw.encrypt_into(nonce, data, None, memoryview(out)[12:])
            return out

        raw_ct = raw_encrypt()
        raw_text = binascii.b2a_base64(raw_ct, newline=False)
        blob = transit.encrypt_bytes("bench", item)
        text = transit.encrypt("bench", [item])[0].encode()

        rows = {
            # one Python call per operation on each side: raw_encrypt / a lambda around raw.decrypt, and
            # phantom's method called through partial (a lambda around it would be a second call)
            "encrypt": (
                rate(raw_encrypt, size),
                rate(partial(transit.encrypt_bytes, "bench", item), size),
                rate(lean_encrypt, size),
                rate(lambda: binascii.b2a_base64(raw_encrypt(), newline=False).decode(), size),
                rate(lambda: transit.encrypt("bench", [item]), size),
            ),
            "decrypt": (
                rate(lambda: raw.decrypt(raw_ct[:12], raw_ct[12:], None), size),
                rate(partial(transit.decrypt_bytes, "bench", blob), size),
                rate(lambda: raw.decrypt(raw_ct[:12], memoryview(raw_ct)[12:], None), size),
                rate(
                    lambda: raw.decrypt(*(lambda r: (r[:12], r[12:]))(binascii.a2b_base64(raw_text)), None),
                    size,
                ),
                rate(lambda: transit.decrypt("bench", [Item(text)]), size),
            ),
        }
        for op, (base, binary, lean, base64_base, textual) in rows.items():
            # the best a path paying one freshness check per call can do: phantom's memory work plus the check
            ceiling = (size / base) / (size / lean + check)
            print(
                f"{label:>8} {op:>7} {base / 1e6:9.0f} {binary / 1e6:7.0f} {binary / base:6.2f} {ceiling:7.2f} "
                f"{binary / lean:7.2f} {base64_base / 1e6:8.0f} {textual / 1e6:6.0f} {textual / base:6.2f} "
                f"{textual / base64_base:10.2f}"
            )
    asyncio.run(tool_path(home))
    redact_rate()


async def tool_path(home: Path) -> None:
    """encrypt through a real stdio server process, per call, vs the in-process text path."""
    from mcp import Client
    from mcp.client.stdio import StdioServerParameters

    env = dict(os.environ, HDR_HOME=str(home / "stdio"), HDR_MEMORY_URL="http://127.0.0.1:9")
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "servers.phantom.server"],
        env=env,
        cwd=str(Path(__file__).resolve().parents[1]),
    )
    async with Client(params) as client:
        print("\ntool path over stdio (MCP encrypt, utf8 text payload), per call:")
        for label, size in (("1 KiB", 1024), ("64 KiB", 64 * 1024), ("1 MiB", 1024 * 1024)):
            payload = "x" * size
            await client.call_tool("encrypt", {"plaintext": payload, "key": "bench"})
            n = 20 if size < 1 << 20 else 5
            start = time.perf_counter()
            for _ in range(n):
                await client.call_tool("encrypt", {"plaintext": payload, "key": "bench"})
            per_call = (time.perf_counter() - start) / n
            print(f"{label:>8} {per_call * 1e3:8.2f} ms/call  {size / per_call / 1e6:8.1f} MB/s")


def redact_rate() -> None:
    from servers.phantom.redaction import Redactor  # noqa: F401  (mask mode needs no keyring)

    prose = (
        "The quarterly review covered onboarding, infrastructure costs and the migration plan for the "
        "billing service. Teams agreed to revisit the schedule after the audit. "
    )
    pii_line = "Contact jane.doe@example.com or +44 20 7946 0958 about invoice 4111 1111 1111 1111. "
    text = (prose * 20 + pii_line) * 60  # ~1 PII line per ~3 KB of prose
    size = len(text.encode())
    start = time.perf_counter()
    rounds = 3
    for _ in range(rounds):
        found = pii.detect(text)
    elapsed = (time.perf_counter() - start) / rounds
    print(
        f"\ndetect (what redact spends its time on) on {size / 1e6:.2f} MB of prose with sparse PII: "
        f"{size / elapsed / 1e6:.2f} MB/s, {len(found)} findings"
    )


if __name__ == "__main__":
    main()
