"""`hdr run <server> --http` answers `GET /healthz` like the gateway, over real HTTP from a real
process, so readiness loops and probes need not speak MCP; the MCP endpoint beside it still works."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from helpers import free_port, wait_http
from mcp import Client

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("single-home")
    port = free_port()
    env = {**os.environ, "HDR_HOME": str(home), "HDR_MEMORY_URL": "http://127.0.0.1:9"}
    proc = subprocess.Popen(
        [str(BIN / "hdr"), "run", "hardware", "--http", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_http(f"{base}/healthz", 60), f"hdr run --http did not come up: {proc.poll()}"
        yield base
    finally:
        proc.terminate()
        proc.wait(20)


def test_healthz_says_alive_and_where_the_mcp_endpoint_is(single: str) -> None:
    answer = httpx.get(f"{single}/healthz")
    body = answer.json()
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    assert body["status"] == "ok" and body["server"] == "hardware" and body["mcp"] == "/mcp"
    assert body["uptime_s"] >= 0
    assert httpx.head(f"{single}/healthz").status_code == 200


def test_healthz_takes_only_get_and_other_paths_are_not_health(single: str) -> None:
    posted = httpx.post(f"{single}/healthz", content=b"{}")
    assert posted.status_code == 405 and posted.headers["allow"] == "GET, HEAD"
    assert httpx.get(f"{single}/healthz/../mcp").status_code != 200
    assert httpx.get(f"{single}/healthzz").status_code == 404


async def test_the_mcp_endpoint_still_answers_beside_it(single: str) -> None:
    async with Client(f"{single}/mcp") as client:
        tools = {t.name for t in (await client.list_tools()).tools}
    assert "run_circuit" in tools
