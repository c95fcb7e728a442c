"""`hdr check` (the one command a CI pipeline runs; exit 0 pass, 1 fail, 2 could not check),
`hdr desktop-config` (a Claude Desktop config that works as pasted) and commands stopping the
local Chroma server they started. Real subprocesses, a real Chroma server, real stdio clients."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import anyio
import pytest
from helpers import need_service
from mcp import Client, StdioServerParameters

BIN = Path(sys.executable).parent
GOOD = """apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
      containers:
      - name: web
        image: nginx:1.27
        securityContext:
          allowPrivilegeEscalation: false
          capabilities: {drop: [ALL]}
"""
BAD = GOOD.replace("allowPrivilegeEscalation: false", "privileged: true")


def _hdr(
    *args: str, home: Path, memory: str | None = "http://127.0.0.1:9"
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HDR_HOME": str(home)}
    env.pop("HDR_MEMORY_URL", None)
    if memory:
        env["HDR_MEMORY_URL"] = memory
    return subprocess.run([str(BIN / "hdr"), *args], capture_output=True, text=True, timeout=180, env=env)


def test_hdr_check_exit_codes_are_what_a_pipeline_needs(tmp_path: Path) -> None:
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "web.yaml").write_text(GOOD)
    (tmp_path / "bad.yml").write_text(BAD)
    passed = _hdr("check", str(tmp_path / "good"), home=tmp_path / "home")
    assert passed.returncode == 0 and passed.stdout.startswith("PASS"), passed.stdout + passed.stderr
    failed = _hdr("check", str(tmp_path / "good"), str(tmp_path / "bad.yml"), home=tmp_path / "home")
    assert failed.returncode == 1 and failed.stdout.startswith("FAIL") and "privileged" in failed.stdout
    as_json = _hdr("check", str(tmp_path / "bad.yml"), "--json", home=tmp_path / "home")
    assert json.loads(as_json.stdout)["verdict"] == "fail"
    assert _hdr("check", str(tmp_path / "missing"), home=tmp_path / "home").returncode == 2
    unknown = _hdr("check", str(tmp_path / "bad.yml"), "--framework", "nope", home=tmp_path / "home")
    assert unknown.returncode == 2 and "pss-restricted" in unknown.stderr


def test_hdr_check_stops_the_memory_server_it_started(tmp_path: Path) -> None:
    need_service("Chroma server", shutil.which("chroma", path=str(BIN)) is not None, "install chromadb")
    (tmp_path / "web.yaml").write_text(GOOD)
    home = tmp_path / "home"
    run = _hdr("check", str(tmp_path / "web.yaml"), home=home, memory=None)
    assert run.returncode == 0, run.stderr
    assert "stopped the memory server this command started" in run.stderr
    status = json.loads(_hdr("memory", "status", home=home, memory=None).stdout)
    assert status["running"] is False


def test_desktop_config_works_as_pasted(tmp_path: Path) -> None:
    home = tmp_path / "desk-home"
    printed = _hdr("desktop-config", "--home", str(home), home=tmp_path / "other")
    assert printed.returncode == 0, printed.stderr
    config = json.loads(printed.stdout)["mcpServers"]
    assert len(config) == 5

    async def tools_of(entry: dict) -> set[str]:
        # Claude Desktop spawns the command with the entry's env and no shell PATH of ours.
        assert Path(entry["command"]).is_absolute() and Path(entry["env"]["HDR_HOME"]).is_absolute()
        params = StdioServerParameters(command=entry["command"], args=entry["args"], env=entry["env"])
        async with Client(params) as client:
            return {t.name for t in (await client.list_tools()).tools}

    for name, entry in config.items():
        assert entry["env"]["HDR_HOME"] == str(home.resolve())
        assert {"remember", "recall"} <= anyio.run(tools_of, entry), name


@pytest.mark.parametrize("toolsets", ["all"])
def test_desktop_config_passes_toolsets(tmp_path: Path, toolsets: str) -> None:
    printed = _hdr("desktop-config", "--toolsets", toolsets, home=tmp_path)
    config = json.loads(printed.stdout)["mcpServers"]
    assert config["hdr-hardware"]["env"]["HDR_HARDWARE_TOOLSETS"] == toolsets


def _readme_hdr_commands() -> list[str]:
    import re
    import shlex

    root = Path(__file__).resolve().parent.parent
    commands = []
    for doc in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
        for block in re.findall(r"```sh\n(.*?)```", doc.read_text(), re.S):
            for line in block.splitlines():
                line = line.split("  #")[0].strip()
                if line.startswith(".venv/bin/hdr "):
                    commands.append(" ".join(shlex.split(line)[1:]))
    return commands


def test_the_hdr_commands_in_readme_and_docs_run_as_written(tmp_path: Path) -> None:
    commands = _readme_hdr_commands()
    assert "check deploy/ --framework pss-restricted" in commands and "desktop-config" in commands
    root = Path(__file__).resolve().parent.parent
    for command in commands:
        run = subprocess.run(
            [str(BIN / "hdr"), *command.split()],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=180,
            env={**os.environ, "HDR_HOME": str(tmp_path), "HDR_MEMORY_URL": "http://127.0.0.1:9"},
        )
        assert run.returncode == 0, f"hdr {command}: {run.stderr[-2000:]}"
