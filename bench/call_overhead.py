"""Cost of the suite's tool conventions: a trivial read-only tool called over stdio through
`kit.tool` vs the same tool on a bare MCP SDK server, side by side in one run. Goal: <= 1.5x.

    .venv/bin/python bench/call_overhead.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import anyio
from mcp import Client, StdioServerParameters

HERE = Path(__file__).resolve().parent
CALLS = 300


async def per_call_ms(script: str) -> float:
    env = {**os.environ, "HDR_HOME": tempfile.mkdtemp(prefix="hdr-bench-")}
    params = StdioServerParameters(
        command=sys.executable, args=[str(HERE / "_servers" / script)], env=env, cwd=str(HERE.parent)
    )
    async with Client(params) as client:
        for _ in range(30):
            await client.call_tool("ping", {"value": "warm"})
        samples = []
        for _ in range(CALLS):
            t = time.perf_counter()
            await client.call_tool("ping", {"value": "x"})
            samples.append(time.perf_counter() - t)
    return statistics.median(samples) * 1000


async def main() -> None:
    bare, conv = [], []
    for _ in range(3):  # interleave rounds: this machine is noisy
        bare.append(await per_call_ms("ping_bare.py"))
        conv.append(await per_call_ms("ping_conventions.py"))
    b, c = statistics.median(bare), statistics.median(conv)
    print(
        f"trivial read-only tool over stdio, median of {CALLS} calls x 3 rounds: bare SDK {b:.3f} ms, "
        f"hdr conventions {c:.3f} ms -> {c / b:.2f}x (goal <= 1.5x)"
    )


if __name__ == "__main__":
    anyio.run(main)
