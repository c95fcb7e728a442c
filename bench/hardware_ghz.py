"""GHZ-20 with 1,024 shots: run_circuit (domain call, and the tool through an in-process MCP
client) against calling AerSimulator directly (parse + transpile + run) in this process on the
same circuit, interleaved in one run. run_circuit runs every circuit in a warm sandbox worker
process (sandbox.py), so its figure includes the hop there and back. The goal is run_circuit <= 1.1x direct.

    .venv/bin/python bench/hardware_ghz.py
"""

from __future__ import annotations

import asyncio
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HDR_HOME", tempfile.mkdtemp())
os.environ.setdefault("HDR_MEMORY_URL", "http://127.0.0.1:9")

ROUNDS = 40


def ghz(n: int) -> str:
    body = "".join(f"cx q[{i}],q[{i + 1}];\n" for i in range(n - 1))
    return (
        f'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[{n}];\ncreg c[{n}];\nh q[0];\n{body}measure q -> c;\n'
    )


async def main() -> None:
    from mcp import Client

    from servers.hardware import quantum, sandbox
    from servers.hardware.server import kit

    logging.getLogger("qiskit").setLevel(logging.WARNING)  # the MCP client turns INFO logging on
    from qiskit_aer import AerSimulator

    source = ghz(20)
    sim = AerSimulator()

    def direct() -> dict:  # the strictest baseline: one simulator reused, as the workers do
        from qiskit import qasm2, transpile

        circuit = qasm2.loads(source)
        return sim.run(transpile(circuit, sim, optimization_level=1), shots=1024).result().get_counts()

    timings: dict[str, list[float]] = {
        "direct AerSimulator": [],
        "run_circuit (domain)": [],
        "run_circuit (MCP tool)": [],
    }
    async with Client(kit.mcp) as client:
        direct()
        quantum.run_circuit(source)
        await client.call_tool("run_circuit", {"qasm": source})  # warm up: imports, caches, the pool
        while len(sandbox.pool().worker_pids()) < sandbox.pool().warm:  # the background warm worker
            await asyncio.sleep(0.1)
        for _ in range(ROUNDS):
            t = time.perf_counter()
            direct()
            timings["direct AerSimulator"].append(time.perf_counter() - t)
            t = time.perf_counter()
            quantum.run_circuit(source)
            timings["run_circuit (domain)"].append(time.perf_counter() - t)
            t = time.perf_counter()
            result = await client.call_tool("run_circuit", {"qasm": source})
            timings["run_circuit (MCP tool)"].append(time.perf_counter() - t)
            assert not result.is_error
    base = statistics.median(timings["direct AerSimulator"])
    print(f"GHZ-20, 1,024 shots, median of {ROUNDS} interleaved rounds")
    for name, values in timings.items():
        median = statistics.median(values)
        print(f"{name:24s}: {median * 1e3:8.2f} ms   {median / base:5.2f}x direct")


if __name__ == "__main__":
    asyncio.run(main())
