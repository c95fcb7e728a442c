"""Load on the gateway: 50 concurrent MCP clients calling read-only tools over streamable HTTP for
60 s against `hdr serve` on loopback (its own process, rate limit off), then the same clients on the
same tools in-process (no HTTP, no gateway) as the baseline. Reports calls/s, p50/p99 latency and
errors side by side; exits 1 on any error. Bounded: it stops by itself.

    .venv/bin/python bench/gateway_load.py [--clients 50] [--seconds 60] [--baseline-seconds 15]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import anyio
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CALLS = [
    ("compliance", "policies", {"framework": "pss-restricted"}),
    ("phantom", "keys", {}),
    ("hardware", "backends", {}),
    ("forge", "snapshots", {}),
    ("compliance", "attestations", {}),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _client_loop(
    i: int, connect: Any, deadline: float, latencies: list[float], errors: list[str]
) -> None:
    from mcp import Client

    server, tool, args = CALLS[i % len(CALLS)]
    async with Client(connect(server)) as client:
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                result = await client.call_tool(tool, args)
                if result.is_error:
                    errors.append(f"{server}.{tool}: tool error")
            except Exception as exc:  # noqa: BLE001 - counted and reported
                errors.append(f"{server}.{tool}: {type(exc).__name__}")
            latencies.append(time.perf_counter() - started)


async def _load(clients: int, seconds: float, connect: Any) -> dict[str, Any]:
    latencies: list[float] = []
    errors: list[str] = []
    started = time.monotonic()
    deadline = started + seconds
    async with anyio.create_task_group() as tg:
        for i in range(clients):
            tg.start_soon(_client_loop, i, connect, deadline, latencies, errors)
    elapsed = time.monotonic() - started
    q = statistics.quantiles(latencies, n=100) if len(latencies) >= 2 else [float("nan")] * 99
    return {
        "calls": len(latencies),
        "errors": len(errors),
        "error_kinds": sorted(set(errors))[:5],
        "seconds": round(elapsed, 1),
        "calls_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(q[49] * 1000, 1),
        "p99_ms": round(q[98] * 1000, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--baseline-seconds", type=float, default=15)
    args = parser.parse_args()

    from mcp.client.streamable_http import streamable_http_client

    with tempfile.TemporaryDirectory() as home:
        config = Path(home) / "gateway.json"
        config.write_text(json.dumps({"rate_limit": {"per_second": 0}}))
        env = {**os.environ, "HDR_HOME": str(Path(home) / "hdr"), "HDR_MEMORY_URL": "http://127.0.0.1:9"}
        os.environ.update({"HDR_HOME": env["HDR_HOME"], "HDR_MEMORY_URL": env["HDR_MEMORY_URL"]})
        port = _free_port()
        hdr = Path(sys.executable).parent / "hdr"
        proc = subprocess.Popen(
            [str(hdr), "serve", "--port", str(port), "--config", str(config)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    if httpx.get(f"{base}/healthz", timeout=0.5).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            else:
                print("gateway did not start", file=sys.stderr)
                return 2
            print(f"{args.clients} clients, read-only tools {', '.join(f'{s}.{t}' for s, t, _ in CALLS)}")
            http = anyio.run(
                _load,
                args.clients,
                args.seconds,
                lambda server: streamable_http_client(f"{base}/{server}/mcp"),
            )
            metrics = httpx.get(f"{base}/metrics").text
        finally:
            proc.terminate()
            proc.wait(20)

        from servers.registry import load

        baseline = anyio.run(_load, args.clients, args.baseline_seconds, lambda server: load(server).mcp)

    print(f"{'':<30}{'calls':>8}{'errors':>8}{'calls/s':>10}{'p50 ms':>9}{'p99 ms':>9}")
    for label, r in (("gateway over HTTP", http), ("in-process (baseline)", baseline)):
        print(
            f"{label:<30}{r['calls']:>8}{r['errors']:>8}{r['calls_per_s']:>10}{r['p50_ms']:>9}{r['p99_ms']:>9}"
        )
        if r["error_kinds"]:
            print(f"  errors: {r['error_kinds']}")
    print(
        f"gateway/in-process throughput: {http['calls_per_s'] / baseline['calls_per_s']:.2f}x; "
        f"p50 {http['p50_ms'] / baseline['p50_ms']:.1f}x"
    )
    counted = sum(
        float(line.rsplit(" ", 1)[1])
        for line in metrics.splitlines()
        if line.startswith("hdr_tool_calls_total{")
    )
    print(f"gateway's own hdr_tool_calls_total: {counted:.0f} (client counted {http['calls']})")
    return 1 if http["errors"] or baseline["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
