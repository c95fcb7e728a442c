"""Toolsets (shared/toolsets.py): each server lists its default toolsets unless told otherwise, a
tool outside them says how to enable it, and the defaults stay within the context budget measured
with a real tokenizer (tiktoken's cl100k_base, bench/tool_list_tokens.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from mcp import Client

from servers.registry import SERVER_NAMES, load_all
from shared.toolsets import choose, enabled_tools, selected_sets

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


@pytest.fixture
def kits(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("HDR_TOOLSETS", raising=False)  # conftest lists all toolsets for the other tests
    for name in SERVER_NAMES:
        monkeypatch.delenv(f"HDR_{name.upper()}_TOOLSETS", raising=False)
    return load_all()


def test_every_tool_is_placed_in_a_named_toolset(kits) -> None:
    from shared.toolsets import UNSORTED, _declared

    for name in SERVER_NAMES:
        assert UNSORTED not in _declared[kits[name]].sets, (
            f"{name}: place {_declared[kits[name]].sets[UNSORTED]} in a toolset in servers/{name}/prompts.py"
        )


async def test_default_toolsets_are_what_tools_list_shows(kits) -> None:
    for name in SERVER_NAMES:
        async with Client(kits[name].mcp) as client:
            listed = {t.name for t in (await client.list_tools()).tools}
        assert listed == enabled_tools(kits[name]) and {"remember", "recall"} <= listed
    assert "seal" not in enabled_tools(kits["phantom"]) and "serial_open" not in enabled_tools(
        kits["hardware"]
    )


async def test_a_tool_outside_the_selected_toolsets_says_how_to_enable_it(kits) -> None:
    async with Client(kits["hardware"].mcp) as client:
        result = await client.call_tool("serial_ports", {})
    text = result.content[0].text
    assert result.is_error and "`serial` toolset" in text
    assert "HDR_HARDWARE_TOOLSETS=quantum,satellites,memory,serial" in text and "--toolsets" in text


async def test_the_environment_selects_toolsets_per_server_or_for_all(
    kits, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HDR_PHANTOM_TOOLSETS", "sealing")
    monkeypatch.setenv("HDR_TOOLSETS", "all")
    async with Client(kits["phantom"].mcp) as phantom, Client(kits["hardware"].mcp) as hardware:
        assert {t.name for t in (await phantom.list_tools()).tools} == {"seal", "unseal", "public_key"}
        assert {t.name for t in (await hardware.list_tools()).tools} == set(kits["hardware"].tools)
        sealed = await phantom.call_tool("public_key", {"key": "me"})
    assert not sealed.is_error, sealed.content[0].text


def test_the_flag_wins_and_an_unknown_toolset_is_refused_naming_the_known_ones(kits) -> None:
    try:
        choose(kits["nexus"], "default,registry")
        assert selected_sets(kits["nexus"], env={"HDR_TOOLSETS": "all"}) == [
            "discovery",
            "handoff",
            "memory",
            "registry",
        ]
    finally:
        choose(kits["nexus"], None)
    with pytest.raises(ValueError, match="discovery, handoff, registry, memory"):
        choose(kits["nexus"], "handoffs")


def test_hdr_server_refuses_an_unknown_toolset_at_start() -> None:
    run = subprocess.run(
        [str(Path(sys.executable).parent / "hdr-forge"), "--toolsets", "nope"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "HDR_HOME": "/tmp/hdr-unused"},
    )
    assert run.returncode == 2 and "no toolset 'nope'" in run.stderr and "core" in run.stderr


def test_default_tool_lists_fit_the_context_budget(kits) -> None:
    import asyncio

    from tool_list_tokens import GOAL_ALL, GOAL_PER_SERVER, measure

    default = asyncio.run(measure(None))
    assert all(d["model_tokens"] <= GOAL_PER_SERVER for d in default.values()), default
    assert sum(d["model_tokens"] for d in default.values()) <= GOAL_ALL
    everything = asyncio.run(measure("all"))
    assert sum(a["tools"] for a in everything.values()) == sum(len(k.tools) for k in kits.values())


async def test_tools_list_drops_generated_titles_and_large_results_render_a_summary(
    kits, offline_suite
) -> None:
    import json

    async with Client(kits["compliance"].mcp) as client:
        tools = {t.name: t for t in (await client.list_tools()).tools}
        result = await client.call_tool("policies", {})
    schema = tools["check"].input_schema
    assert "title" not in schema and all("title" not in p for p in schema["properties"].values())
    assert schema["properties"]["framework"]["description"]  # descriptions stay

    def titles(node) -> int:  # string-valued `title` keywords anywhere in a schema
        if isinstance(node, dict):
            return sum((k == "title" and isinstance(v, str)) + titles(v) for k, v in node.items())
        return sum(titles(v) for v in node) if isinstance(node, list) else 0

    assert titles(tools["policies"].output_schema) == 0
    assert (
        "title" in tools["policies"].output_schema["$defs"]["FrameworkInfo"]["properties"]
    )  # a field keeps its name
    # a large result's text is a summary, not a second copy (the ask; tests/shared/test_result_text.py)
    text = result.content[0].text
    assert text.startswith("policies result (summary") and "frameworks (" in text
    assert len(text) * 4 < len(json.dumps(result.structured_content, separators=(",", ":")))
