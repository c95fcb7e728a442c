"""A2A agent cards (protocol 0.3.0 shape) generated from each server's live tool list."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import anyio

from servers.registry import SERVER_NAMES, load

CARDS_DIR = Path(__file__).resolve().parent.parent / "agent-cards"
DEFAULT_BASE_URL = "http://127.0.0.1:8000"
VERSION = "0.1.0"


def _first_paragraph(text: str) -> str:
    return (text or "").strip().split("\n\n")[0].replace("\n", " ").strip()


async def build_card(name: str, base_url: str = DEFAULT_BASE_URL) -> dict[str, Any]:
    kit = load(name)
    tools = await kit.mcp.list_tools()
    skills, shared_tools = [], []
    for tool in tools:
        if (tool.meta or {}).get("hdr/shared"):
            shared_tools.append(tool.name)  # remember/recall: the suite's, not this agent's own skill
            continue
        ann = tool.annotations
        tags = [name]
        if ann is not None:
            tags.append("read-only" if ann.read_only_hint else "destructive" if ann.destructive_hint else "writes")
        examples = (tool.meta or {}).get("examples") or [f"{tool.title or tool.name}"]
        skills.append({
            "id": f"{name}.{tool.name}",
            "name": tool.title or tool.name,
            "description": _first_paragraph(tool.description or ""),
            "tags": tags,
            "examples": list(examples),
            "inputModes": ["application/json"],
            "outputModes": ["application/json", "text/plain"],
        })
    return {
        "name": f"hdr-{name}",
        "description": kit.mcp.description,
        "url": f"{base_url.rstrip('/')}/{name}/mcp",
        "version": VERSION,
        "protocolVersion": "0.3.0",
        "preferredTransport": "JSONRPC",
        "provider": {"organization": "HDR Empire", "url": base_url},
        "capabilities": {"streaming": False, "pushNotifications": False, "stateTransitionHistory": False},
        "defaultInputModes": ["application/json", "text/plain"],
        "defaultOutputModes": ["application/json", "text/plain"],
        "skills": skills,
        "metadata": {"mcp": {"transport": "streamable-http", "endpoint": f"/{name}/mcp", "server": name},
                     "sharedTools": shared_tools,
                     **kit.card_metadata},
    }


def render(card: dict[str, Any]) -> str:
    return json.dumps(card, indent=2, ensure_ascii=False) + "\n"


def generate(out_dir: Path = CARDS_DIR, base_url: str = DEFAULT_BASE_URL) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SERVER_NAMES:
        card = anyio.run(build_card, name, base_url)
        path = out_dir / f"{name}.json"
        path.write_text(render(card))
        written.append(path)
    return written


def drifted(out_dir: Path = CARDS_DIR, base_url: str = DEFAULT_BASE_URL) -> list[str]:
    """Names of servers whose committed card differs from what the live server produces."""
    stale = []
    for name in SERVER_NAMES:
        path = out_dir / f"{name}.json"
        live = render(anyio.run(build_card, name, base_url))
        if not path.exists() or path.read_text() != live:
            stale.append(name)
    return stale
