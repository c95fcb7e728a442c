"""Start-up: from process start to the first answered tools/list over stdio, for each suite
server, next to a bare MCP SDK server as the floor. Goal: under 1.5 s per server.

    .venv/bin/python bench/startup.py
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
BIN = Path(sys.executable).parent
SERVERS = ["forge", "phantom", "nexus", "hardware", "compliance"]
ROUNDS = 5


async def first_list_s(command: str, args: list[str]) -> float:
    env = {**os.environ, "HDR_HOME": tempfile.mkdtemp(prefix="hdr-bench-")}
    t = time.perf_counter()
    async with Client(
        StdioServerParameters(command=command, args=args, env=env, cwd=str(HERE.parent))
    ) as client:
        await client.list_tools()
        return time.perf_counter() - t


async def main() -> None:
    rows = {"bare SDK server": (sys.executable, [str(HERE / "_servers" / "ping_bare.py")])}
    rows.update({f"hdr-{s}": (str(BIN / f"hdr-{s}"), []) for s in SERVERS})
    results: dict[str, list[float]] = {name: [] for name in rows}
    for _ in range(ROUNDS):
        for name, (cmd, args) in rows.items():
            results[name].append(await first_list_s(cmd, args))
    floor = statistics.median(results["bare SDK server"])
    for name, samples in results.items():
        med = statistics.median(samples)
        verdict = "" if name.startswith("bare") else ("  ok" if med < 1.5 else "  OVER 1.5 s")
        print(
            f"{name:16s} start -> first tools/list: median {med:.2f} s, max {max(samples):.2f} s "
            f"({med / floor:.2f}x the bare SDK server){verdict}"
        )


if __name__ == "__main__":
    anyio.run(main)
