"""What running a tool as an A2A task costs over calling it over MCP, through the same gateway:
`hdr serve` on loopback (its own process), one MCP client (streamable HTTP) and one a2a-sdk client
(JSON-RPC, blocking SendMessage), calling the same read-only tools in interleaved rounds. Reports the
median latency of each and their ratio. Bounded: it stops by itself.

    .venv/bin/python bench/a2a_overhead.py [--rounds 40]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import anyio
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CALLS = [("compliance", "policies", {"framework": "pss-restricted"}), ("hardware", "backends", {})]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _rounds(base: str, rounds: int) -> dict[str, list[float]]:
    from a2a.client import A2ACardResolver, ClientConfig, ClientFactory
    from a2a.types import Message, Part, Role, SendMessageRequest, TaskState
    from google.protobuf.json_format import ParseDict
    from google.protobuf.struct_pb2 import Value
    from mcp import Client

    times: dict[str, list[float]] = {"mcp": [], "a2a": []}
    async with httpx.AsyncClient(timeout=60) as http:
        for server, tool, args in CALLS:
            card = await A2ACardResolver(http, f"{base}/{server}").get_agent_card()
            a2a = ClientFactory(ClientConfig(httpx_client=http, streaming=False)).create(card)
            async with Client(f"{base}/{server}/mcp") as mcp:
                for i in range(rounds + 2):  # two warm-up rounds, not counted
                    started = time.perf_counter()
                    result = await mcp.call_tool(tool, args)
                    took_mcp = time.perf_counter() - started
                    assert not result.is_error, result
                    data = ParseDict({"skill": f"{server}.{tool}", "arguments": args}, Value())
                    request = SendMessageRequest(
                        message=Message(
                            role=Role.ROLE_USER, message_id=uuid.uuid4().hex, parts=[Part(data=data)]
                        )
                    )
                    started = time.perf_counter()
                    events = [e async for e in a2a.send_message(request)]
                    took_a2a = time.perf_counter() - started
                    assert events[-1].task.status.state == TaskState.TASK_STATE_COMPLETED, events[-1]
                    if i >= 2:
                        times["mcp"].append(took_mcp)
                        times["a2a"].append(took_a2a)
            await a2a.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=40, help="calls per tool and protocol (default 40)")
    args = parser.parse_args()
    port = _free_port()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "HDR_HOME": home, "HDR_MEMORY_URL": "http://127.0.0.1:9"}
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "hdr"), "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit("hdr serve did not start")
                time.sleep(0.2)
            times = anyio.run(_rounds, base, args.rounds)
        finally:
            server.terminate()
            server.wait(15)
    mcp, a2a = statistics.median(times["mcp"]) * 1000, statistics.median(times["a2a"]) * 1000
    print(
        f"{len(times['mcp'])} calls each ({', '.join(f'{s}.{t}' for s, t, _ in CALLS)}), interleaved, load "
        f"{os.getloadavg()[0]:.1f}"
    )
    print(f"MCP over HTTP      median {mcp:7.2f} ms")
    print(f"A2A SendMessage    median {a2a:7.2f} ms  ({a2a / mcp:.2f}x MCP)")


if __name__ == "__main__":
    main()
