"""The README's shell commands that are cheap enough to run, run as written (FastAPI's habit): the MCP
Inspector CLI lines (the pinned Inspector .ci/run installs from npm, against the real gateway and a
real stdio server) and `make serve PORT=...`, up to its /healthz. The only changes are the gateway's
URL (a free port instead of 8000) and `npx <pinned package>` run from the local install."""

from __future__ import annotations

import json
import os
import re
import shlex
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from gateway_support import offline_gateway
from helpers import ROOT, free_port, need_service, wait_http

README = (ROOT / "README.md").read_text()
BLOCKS = re.findall(r"```sh\n(.*?)```", README, re.S)
INSPECTOR = "npx @modelcontextprotocol/inspector@"
COMMANDS = [
    line.strip() for block in BLOCKS for line in block.splitlines() if line.strip().startswith(INSPECTOR)
]
PREFIX = Path(os.environ.get("HDR_INSPECTOR_PREFIX", Path.home() / ".cache" / "hdr-empire" / "inspector"))
NODE = Path(os.environ.get("HDR_CONFORMANCE_PREFIX", Path.home() / ".cache" / "hdr-empire" / "conformance"))


def _pinned() -> str:
    return INSPECTOR + COMMANDS[0].split(INSPECTOR)[1].split()[0]


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with offline_gateway(tmp_path_factory.mktemp("readme-cmd-home")) as base:
        yield base


def _inspector(command: str, base: str, home: Path) -> dict:
    binary = PREFIX / "node_modules" / ".bin" / "mcp-inspector"
    installed = PREFIX / "node_modules" / "@modelcontextprotocol" / "inspector" / "package.json"
    need_service(
        "MCP Inspector",
        binary.exists() and installed.exists(),
        f"npm install --prefix {PREFIX} {_pinned().removeprefix('npx ')} (.ci/run does)",
    )
    assert json.loads(installed.read_text())["version"] == _pinned().split("@")[-1], "pin the same version"
    argv = shlex.split(command.replace("http://127.0.0.1:8000", base))
    argv = [str(binary), *argv[2:]]
    env = {
        **os.environ,
        "PATH": f"{NODE / 'node_modules' / '.bin'}:{os.environ['PATH']}",  # Node 22, as .ci/run installs it
        "HOME": str(home),  # a stdio server gets HOME from the Inspector: its HDR_HOME lands here
        "MCP_CATALOG_PATH": str(home / "catalog.json"),
    }
    run = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, f"{command}\n{run.stderr[-3000:]}"
    return json.loads(run.stdout)


def test_the_readme_shows_the_inspector_cli_over_http_and_stdio() -> None:
    assert any("http://127.0.0.1:8000/" in c for c in COMMANDS) and any(
        ".venv/bin/hdr-" in c for c in COMMANDS
    )


@pytest.mark.service("node")
@pytest.mark.parametrize("command", COMMANDS)
def test_inspector_command_runs_as_written(gateway: str, command: str, tmp_path: Path) -> None:
    answer = _inspector(command, gateway, tmp_path)
    if "tools/list" in command:
        assert "analyze" in {t["name"] for t in answer["tools"]}
    else:
        assert not answer.get("isError"), answer
        assert answer["structuredContent"]["proposal_id"] in answer["content"][0]["text"]


def test_make_serve_with_a_port_serves_there(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "HDR_HOME": str(tmp_path / "home"), "HDR_MEMORY_URL": "http://127.0.0.1:9"}
    proc = subprocess.Popen(
        ["make", "serve", f"PORT={port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # make starts hdr serve: stop both, by this group only
    )
    try:
        assert wait_http(f"http://127.0.0.1:{port}/healthz", 120), f"make serve PORT={port} did not come up"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)
    assert "make serve PORT=" in README
