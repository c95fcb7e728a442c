"""How people and programs start the suite: Claude Desktop's config (stdio), `hdr serve`
(streamable HTTP, both protocol eras), and the agent cards generated from the live servers."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from helpers import free_port, wait_http
from mcp import Client, StdioServerParameters

from servers.cards import CARDS_DIR, drifted
from servers.registry import SERVER_NAMES

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def test_every_claude_desktop_entry_starts_over_stdio_and_lists_its_tools(tmp_path: Path) -> None:
    import anyio

    config = json.loads((ROOT / "claude_desktop_config.example.json").read_text())
    assert set(config["mcpServers"]) == {f"hdr-{n}" for n in SERVER_NAMES}
    path = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"  # as if the venv's bin were on PATH

    async def list_tools(entry: dict) -> list[str]:
        command = shutil.which(entry["command"], path=path)
        assert command, f"{entry['command']} is not installed"
        params = StdioServerParameters(
            command=command,
            args=entry.get("args", []),
            env={
                "HDR_HOME": str(tmp_path),
                "HOME": os.environ.get("HOME", "/root"),
                "PATH": path,
                **entry.get("env", {}),
            },
        )
        async with Client(params) as client:
            return [t.name for t in (await client.list_tools()).tools]

    for name, entry in config["mcpServers"].items():
        tools = anyio.run(list_tools, entry)
        assert {"remember", "recall"} <= set(tools), name


def test_committed_agent_cards_match_the_live_servers() -> None:
    stale = drifted(CARDS_DIR)
    assert not stale, f"agent cards drifted for {stale}: run `hdr cards` and commit agent-cards/"


def test_agent_cards_are_a2a_1_0_cards() -> None:
    # Changed with issue 16: the cards were A2A 0.3.0, which A2A 1.0 parsers refuse.
    from servers.cards import CARD_NAMES, card_path, validate

    for name in CARD_NAMES:
        card = json.loads(card_path(CARDS_DIR, name).read_text())
        validate(card)  # the A2A 1.0 proto types: unknown fields refused, REQUIRED fields present
        assert card["supportedInterfaces"][0]["protocolVersion"] == "1.0"
        for skill in card["skills"]:
            assert skill["description"] and skill["examples"]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    home = tmp_path_factory.mktemp("serve-home")
    port = free_port()
    env = {**os.environ, "HDR_HOME": str(home)}
    env.pop("HDR_MEMORY_URL", None)
    proc = subprocess.Popen(
        [str(BIN / "hdr"), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_http(f"{base}/healthz", 60), "hdr serve did not come up"
        yield base
    finally:
        proc.terminate()
        proc.wait(20)
        if proc.stderr is not None:
            proc.stderr.close()
        subprocess.run([str(BIN / "hdr"), "memory", "stop"], env=env, capture_output=True, timeout=60)


def test_hdr_serve_reports_health(served: str) -> None:
    health = httpx.get(f"{served}/healthz").json()
    assert health["status"] == "ok"
    assert health["servers"] == {n: f"/{n}/mcp" for n in SERVER_NAMES}


@pytest.mark.parametrize("mode", ["legacy", "2026-07-28"])
async def test_hdr_serve_answers_both_protocol_eras_on_every_server(served: str, mode: str) -> None:
    for name in SERVER_NAMES:
        async with Client(f"{served}/{name}/mcp", mode=mode) as client:
            tools = [t.name for t in (await client.list_tools()).tools]
            assert {"remember", "recall"} <= set(tools)
            assert client.server_info is None or client.server_info.name == name


async def test_hdr_serve_shares_memory_between_its_servers(served: str) -> None:
    async with Client(f"{served}/forge/mcp") as forge, Client(f"{served}/nexus/mcp") as nexus:
        stored = await forge.call_tool(
            "remember", {"text": "payments-api was handed to the SRE agent", "kind": "handoff"}
        )
        assert not stored.is_error, stored.content
        found = await nexus.call_tool("recall", {"query": "who took over payments-api?", "k": 1})
    assert found.structured_content["hits"][0]["text"] == "payments-api was handed to the SRE agent"


def test_hdr_serve_refuses_a_non_loopback_bind_without_authentication(tmp_path: Path) -> None:
    out = subprocess.run(
        [str(BIN / "hdr"), "serve", "--host", "0.0.0.0", "--port", str(free_port())],
        env={**os.environ, "HDR_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2 and "without authentication" in out.stderr


@pytest.mark.parametrize("mode", ["legacy", "2026-07-28"])
async def test_a_stdio_server_answers_both_protocol_eras(mode: str, tmp_path: Path) -> None:
    params = StdioServerParameters(
        command=str(BIN / "hdr"),
        args=["run", "hardware"],
        env={
            "HDR_HOME": str(tmp_path),
            "HOME": os.environ.get("HOME", "/root"),
            "PATH": os.environ.get("PATH", ""),
        },
    )
    async with Client(params, mode=mode) as client:
        assert client.protocol_version == ("2025-11-25" if mode == "legacy" else "2026-07-28")
        tools = [t.name for t in (await client.list_tools()).tools]
    assert {"remember", "recall"} <= set(tools)
