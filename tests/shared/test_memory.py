"""The shared vector memory across real server processes, and against an external Chroma server."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import anyio
import pytest
from mcp import Client, StdioServerParameters

from shared.config import Config
from shared.memory import LocalChromaServer, Memory
from shared.suite import Suite

BIN = Path(sys.executable).parent


def stdio(server: str, home: Path) -> StdioServerParameters:
    env = {"HDR_HOME": str(home), "HOME": os.environ.get("HOME", "/root"), "PATH": os.environ.get("PATH", "")}
    return StdioServerParameters(command=str(BIN / f"hdr-{server}"), env=env)


def chroma_processes(home: Path) -> list[str]:
    out = subprocess.run(
        ["pgrep", "-f", f"chroma run --path {home}/memory/data"], capture_output=True, text=True
    )
    return out.stdout.split()


async def test_what_one_server_process_remembers_another_recalls_within_a_second(tmp_path: Path) -> None:
    home = tmp_path / "home"
    try:
        async with Client(stdio("forge", home)) as forge, Client(stdio("phantom", home)) as phantom:
            # Both processes reach for the memory at once: the lock lets only one start Chroma.
            async with anyio.create_task_group() as tg:
                tg.start_soon(forge.call_tool, "recall", {"query": "warm up"})
                tg.start_soon(phantom.call_tool, "recall", {"query": "warm up"})
            assert len(chroma_processes(home)) == 1

            stored = await forge.call_tool(
                "remember",
                {
                    "text": "checkout-api memory limit raised to 768Mi after OOM",
                    "kind": "decision",
                    "tags": ["checkout-api"],
                },
            )
            assert not stored.is_error, stored.content
            written = time.monotonic()
            seen_after = None
            while time.monotonic() - written < 1.0:
                found = await phantom.call_tool("recall", {"query": "what happened to checkout-api?", "k": 3})
                hits = found.structured_content["hits"]
                if hits and hits[0]["text"].startswith("checkout-api memory limit"):
                    seen_after = time.monotonic() - written
                    break
            assert seen_after is not None, "phantom did not see forge's memory within one second"
            assert hits[0]["source"] == "forge" and hits[0]["tool"] == "remember"
    finally:
        env = {k: v for k, v in os.environ.items() if not k.startswith("HDR_")} | {"HDR_HOME": str(home)}
        stop = subprocess.run(
            [str(BIN / "hdr"), "memory", "stop"], env=env, capture_output=True, text=True, timeout=60
        )
    assert stop.returncode == 0 and "stopped the local memory server" in stop.stdout, (
        stop.stdout,
        stop.stderr,
    )
    assert chroma_processes(home) == []


def test_hdr_memory_status_reports_the_local_server(tmp_path: Path) -> None:
    env = {**os.environ, "HDR_HOME": str(tmp_path)}
    env.pop("HDR_MEMORY_URL", None)
    cfg = Config.from_env(env)
    local = LocalChromaServer(cfg)
    try:
        url = local.ensure()
        out = subprocess.run(
            [str(BIN / "hdr"), "memory", "status"], env=env, capture_output=True, text=True, timeout=60
        )
        assert out.returncode == 0 and '"running": true' in out.stdout and url in out.stdout
        assert local.ensure() == url  # a second caller attaches instead of starting another
    finally:
        assert local.stop()
    assert local.running() is None


def test_hdr_memory_url_points_everything_at_an_existing_chroma_server(suite: Suite, chroma_url: str) -> None:
    assert suite.memory.url == chroma_url
    suite.memory.remember(
        "the EU keyring was rotated", "note", source="phantom", tool="rotate_key", extra={"key": "eu"}
    )
    suite.memory.remember(
        "the US keyring was rotated", "note", source="phantom", tool="rotate_key", extra={"key": "us"}
    )
    other_process_view = Memory(Config.from_env(), suite.embedder)  # a fresh client, as another process has
    hits = other_process_view.recall("key rotation", k=5, extra={"key": "eu"})
    assert [h.text for h in hits] == ["the EU keyring was rotated"]
    assert other_process_view.count() == 2
    assert not (suite.config.home / "memory" / "server.json").exists()  # no local server was started


def test_recall_filters_by_kind_source_and_tags(suite: Suite) -> None:
    m = suite.memory
    m.remember(
        "forge cut checkout-api cpu", "decision", source="forge", tool="optimize", tags=["checkout-api"]
    )
    m.remember("compliance passed pss-restricted", "verdict", source="compliance", tool="check")
    m.remember(
        "a note about checkout-api", "note", source="nexus", tool="remember", tags=["checkout-api", "x"]
    )
    assert [h.source for h in m.recall("checkout-api", kind="decision")] == ["forge"]
    assert [h.kind for h in m.recall("anything", source="compliance")] == ["verdict"]
    assert [h.source for h in m.recall("checkout-api", tags=["x"])] == ["nexus"]


@pytest.mark.parametrize("text, kind", [("", "note"), ("x" * 20_001, "note"), ("fine", "")])
def test_remember_refuses_bad_input_clearly(suite: Suite, text: str, kind: str) -> None:
    from shared.errors import BadInput

    with pytest.raises(BadInput) as err:
        suite.memory.remember(text, kind, source="t", tool="t")
    assert str(err.value)
