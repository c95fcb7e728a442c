"""MCP registry `server.json` for each server (servers/<name>/server.json), from the live servers
and pyproject's version: how a registry client installs and starts it (`uvx hdr-empire run <name>`,
stdio) and the environment it reads. `python -m servers.server_json` rewrites them; a test fails on drift."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path
from typing import Any

from servers.registry import SERVER_NAMES, load

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json"
NAMESPACE = "io.github.hdr-empire"
MAX_DESCRIPTION = 100  # the registry's limit


def _version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def server_json(name: str) -> dict[str, Any]:
    kit = load(name)
    description = kit.mcp.description or kit.mcp.title or name
    if len(description) > MAX_DESCRIPTION:
        description = description[: MAX_DESCRIPTION - 1].rsplit(" ", 1)[0].rstrip(",:;") + "…"
    version = _version()
    return {
        "$schema": SCHEMA,
        "name": f"{NAMESPACE}/{name}",
        "title": kit.mcp.title,
        "description": description,
        "version": version,
        "packages": [
            {
                "registryType": "pypi",
                "identifier": "hdr-empire",
                "version": version,
                "runtimeHint": "uvx",
                "transport": {"type": "stdio"},
                "packageArguments": [
                    {"type": "positional", "value": "run"},
                    {"type": "positional", "value": name},
                ],
                "environmentVariables": [
                    {
                        "name": "HDR_HOME",
                        "format": "filepath",
                        "isRequired": False,
                        "description": "Where the suite keeps state, audit log, keys and memory; the same for all five "
                        "servers (default: the platform's user data directory)",
                    },
                    {
                        "name": f"HDR_{name.upper()}_TOOLSETS",
                        "isRequired": False,
                        "description": "Comma-separated toolsets to list (default, all, or names; see the README)",
                    },
                    {
                        "name": "HDR_MEMORY_URL",
                        "isRequired": False,
                        "description": "A running Chroma server for the shared memory (default: a local one)",
                    },
                ],
            }
        ],
    }


def path_of(name: str) -> Path:
    return ROOT / "servers" / name / "server.json"


def render(name: str) -> str:
    return json.dumps(server_json(name), indent=2, ensure_ascii=False) + "\n"


def drifted() -> list[str]:
    return [n for n in SERVER_NAMES if not path_of(n).exists() or path_of(n).read_text() != render(n)]


def main() -> int:
    for name in SERVER_NAMES:
        path_of(name).write_text(render(name))
    print("wrote " + ", ".join(str(path_of(n).relative_to(ROOT)) for n in SERVER_NAMES), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
