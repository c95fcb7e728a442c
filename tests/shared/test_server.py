"""shared/server.py: `hdr run <server> --http` answers `GET /healthz` like the gateway, over real HTTP
from a real process, so readiness loops and probes need not speak MCP; the MCP endpoint beside it still
works. The command line refuses what it cannot serve safely before it serves anything."""

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


def _kit():
    from shared.server import create_server

    return create_server("cli-check", title="CLI check", description="Nothing to serve.")


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "::"])
def test_one_server_refuses_to_serve_http_beyond_loopback(
    host: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from shared.server import run

    with pytest.raises(SystemExit) as exit_:
        run(_kit(), ["--http", "--host", host, "--port", "9"])
    assert exit_.value.code == 2
    assert f"refusing to serve on {host} without authentication" in capsys.readouterr().err


def test_an_unknown_toolset_is_refused_at_start_with_the_choices(capsys: pytest.CaptureFixture[str]) -> None:
    from shared.server import run
    from shared.toolsets import declare

    kit = _kit()
    declare(kit, {"memory": ["remember", "recall"]}, default=["memory"])
    with pytest.raises(SystemExit) as exit_:
        run(kit, ["--toolsets", "no-such-set"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "no-such-set" in err and "memory" in err
