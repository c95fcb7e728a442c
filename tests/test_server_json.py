"""Each server's MCP registry server.json: current (no drift from the live servers), within the
registry schema's rules, and its package's command starts that server over stdio as a registry
client would run it (`hdr-empire run <name>`, the package's own script, as uvx runs it)."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import anyio
import pytest
from mcp import Client, StdioServerParameters

from servers.registry import SERVER_NAMES
from servers.server_json import drifted, path_of

BIN = Path(sys.executable).parent


def test_committed_server_json_match_the_live_servers() -> None:
    assert not drifted(), "run `python -m servers.server_json` and commit servers/<name>/server.json"


@pytest.mark.parametrize("name", SERVER_NAMES)
def test_server_json_follows_the_registry_rules(name: str) -> None:
    doc = json.loads(path_of(name).read_text())
    assert re.fullmatch(r"[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+", doc["name"])
    assert 0 < len(doc["description"]) <= 100 and doc["version"] != "latest"
    (package,) = doc["packages"]
    assert package["registryType"] == "pypi" and package["transport"] == {"type": "stdio"}
    assert package["version"] == doc["version"] and package["identifier"] == "hdr-empire"
    assert all(v["name"].startswith("HDR_") for v in package["environmentVariables"])


@pytest.mark.parametrize("name", ["forge", "compliance"])
def test_the_package_command_starts_the_server(name: str, tmp_path: Path) -> None:
    package = json.loads(path_of(name).read_text())["packages"][0]
    args = [a["value"] for a in package["packageArguments"]]

    async def tools() -> set[str]:
        params = StdioServerParameters(
            command=str(BIN / package["identifier"]),
            args=args,
            env={"HDR_HOME": str(tmp_path), "PATH": os.environ.get("PATH", "")},
        )
        async with Client(params) as client:
            return {t.name for t in (await client.list_tools()).tools}

    assert {"remember", "recall"} <= anyio.run(tools)
