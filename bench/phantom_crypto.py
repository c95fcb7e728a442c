"""phantom encrypt/decrypt throughput against raw AESGCM (cryptography), side by side in one run.

  .venv/bin/python bench/phantom_crypto.py

Rows: raw AESGCM (nonce || ciphertext, one reused AESGCM object: the baseline); phantom's
domain path in binary form (LocalTransit.encrypt_bytes: keyring lookup with the cross-process
freshness check, header, fresh nonce); phantom's text form (`phantom:v<N>:<base64>`, what the
tool returns); and the tool over stdio (a real `hdr-phantom` subprocess, MCP client), reported
separately. Ratios are throughput / baseline throughput. Also: redact MB/s on prose with sparse PII.
"""

# ruff: noqa: B023  (the closures are timed inside the iteration that defines them)
from __future__ import annotations

import asyncio
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: E402

from servers.phantom import pii  # noqa: E402
from servers.phantom.kek import load_kek  # noqa: E402
from servers.phantom.keyring import Keyring  # noqa: E402
from servers.phantom.transit import Item, LocalTransit  # noqa: E402
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


def main() -> None:
    home = Path(tempfile.mkdtemp())
    transit = LocalTransit(Keyring(Store(home / "state.db"), load_kek(home, env={})))
    transit.ensure_key("bench")
    raw = AESGCM(secrets.token_bytes(32))
    print(f"{'payload':>8} {'op':>7} {'raw AESGCM MB/s':>16} {'phantom binary':>15} {'ratio':>6} "
          f"{'phantom text':>13} {'ratio':>6}")
    for label, size in SIZES.items():
        data = os.urandom(size)
        item = Item(data)

        def raw_encrypt():
            nonce = secrets.token_bytes(12)
            return nonce + raw.encrypt(nonce, data, None)

        raw_ct = raw_encrypt()
        blob = transit.encrypt_bytes("bench", item)
        text = transit.encrypt("bench", [item])[0]
        header = blob.index(b":", 9) + 1

        def phantom_decrypt_bytes():
            info = transit._symmetric("bench")
            aead = transit._aead(info, 1, None)
            return aead.decrypt(blob[header:header + 12], blob[header + 12:], b"phantom:bench:v1\x00")

        rows = {
            "encrypt": (rate(raw_encrypt, size), rate(lambda: transit.encrypt_bytes("bench", item), size),
                        rate(lambda: transit.encrypt("bench", [item]), size)),
            "decrypt": (rate(lambda: raw.decrypt(raw_ct[:12], raw_ct[12:], None), size),
                        rate(phantom_decrypt_bytes, size),
                        rate(lambda: transit.decrypt("bench", [Item(text.encode())]), size)),
        }
        for op, (base, binary, textual) in rows.items():
            print(f"{label:>8} {op:>7} {base / 1e6:16.0f} {binary / 1e6:15.0f} {binary / base:6.2f} "
                  f"{textual / 1e6:13.0f} {textual / base:6.2f}")
    asyncio.run(tool_path(home))
    redact_rate()


async def tool_path(home: Path) -> None:
    """encrypt through a real stdio server process, per call, vs the in-process text path."""
    from mcp import Client
    from mcp.client.stdio import StdioServerParameters

    env = dict(os.environ, HDR_HOME=str(home / "stdio"), HDR_MEMORY_URL="http://127.0.0.1:9")
    params = StdioServerParameters(command=sys.executable, args=["-m", "servers.phantom.server"], env=env,
                                   cwd=str(Path(__file__).resolve().parents[1]))
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

    prose = ("The quarterly review covered onboarding, infrastructure costs and the migration plan for the "
             "billing service. Teams agreed to revisit the schedule after the audit. ")
    pii_line = "Contact jane.doe@example.com or +44 20 7946 0958 about invoice 4111 1111 1111 1111. "
    text = (prose * 20 + pii_line) * 60  # ~1 PII line per ~3 KB of prose
    size = len(text.encode())
    start = time.perf_counter()
    rounds = 3
    for _ in range(rounds):
        found = pii.detect(text)
    elapsed = (time.perf_counter() - start) / rounds
    print(f"\ndetect (what redact spends its time on) on {size / 1e6:.2f} MB of prose with sparse PII: "
          f"{size / elapsed / 1e6:.2f} MB/s, {len(found)} findings")


if __name__ == "__main__":
    main()
