"""The five suite servers by name, imported on demand (each import is light)."""

from __future__ import annotations

import importlib

from shared.tools import ToolKit

SERVER_NAMES = ("forge", "phantom", "nexus", "hardware", "compliance")


def load(name: str) -> ToolKit:
    if name not in SERVER_NAMES:
        raise KeyError(f"unknown server {name!r}; the suite's servers are {', '.join(SERVER_NAMES)}")
    return importlib.import_module(f"servers.{name}.server").kit


def load_all() -> dict[str, ToolKit]:
    return {name: load(name) for name in SERVER_NAMES}
