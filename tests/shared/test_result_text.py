"""A tool result's text content (shared/result_text.py), through the real MCP Python SDK client: large
results get a readable summary that does not repeat the structured content and still carries what a
text-only reader needs to act (ids, headline figures, the cursor to page on); small results, data to
copy (phantom) and servers set to `json` get the exact JSON; the structured content never changes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from mcp import Client

from servers.registry import load_all
from shared import result_text
from shared.result_text import EXACT_UP_TO, MAX_CHARS, summarize

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


def _tokens(text: str) -> int:
    from tool_list_tokens import encoder

    return len(encoder().encode(text))


@pytest.fixture
def kits(monkeypatch: pytest.MonkeyPatch):
    for name in ("HDR_RESULT_TEXT", "HDR_FORGE_RESULT_TEXT", "HDR_PHANTOM_RESULT_TEXT"):
        monkeypatch.delenv(name, raising=False)
    return load_all()


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


async def test_a_large_result_gets_a_summary_a_text_only_reader_can_act_on(kits, offline_suite) -> None:
    async with Client(kits["forge"].mcp) as client:
        analysed = await client.call_tool("analyze", {})
        data = analysed.structured_content
        text = analysed.content[0].text
        whole = json.dumps(data, separators=(",", ":"))
        assert not analysed.is_error and len(whole) > EXACT_UP_TO
        assert not _is_json(text) and len(analysed.content) == 1
        # what an agent needs to act: the proposal id, the headline figures, the most important items
        assert f"proposal_id: {data['proposal_id']}" in text
        assert f"workloads: {data['workloads']}" in text
        assert f"estimated_monthly_savings_usd: {data['estimated_monthly_savings_usd']:.4g}" in text
        top = data["opportunities"][0]
        assert f"workload={top['workload']}" in text and f"type={top['type']}" in text
        assert f"{len(data['opportunities']) - result_text.TOP} more `opportunities`" in text
        # and how to get the rest: the cursor, which works when sent back as the text says
        cursor = data["next_cursor"]
        assert f'call `analyze` again with cursor="{cursor}"' in text and "HDR_FORGE_RESULT_TEXT=json" in text
        page = await client.call_tool("analyze", {"cursor": cursor})
    assert not page.is_error and page.structured_content["page"] != "summary"
    assert _tokens(text) * 2 < _tokens(whole), (_tokens(text), _tokens(whole))


async def test_small_results_and_data_to_copy_stay_exact_json(kits, offline_suite) -> None:
    async with Client(kits["forge"].mcp) as forge, Client(kits["phantom"].mcp) as phantom:
        small = await forge.call_tool("snapshots", {})
        sealed = await phantom.call_tool("encrypt", {"key": "docs", "plaintext": "x" * 4000})
    assert json.loads(small.content[0].text) == small.structured_content
    assert (
        len(sealed.content[0].text) > EXACT_UP_TO
    )  # large, but a ciphertext must reach a text-only reader whole
    assert json.loads(sealed.content[0].text) == sealed.structured_content


async def test_the_server_setting_restores_the_exact_json_for_text_only_clients(
    kits, offline_suite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HDR_FORGE_RESULT_TEXT", "json")
    async with Client(kits["forge"].mcp) as client:
        analysed = await client.call_tool("analyze", {})
    assert json.loads(analysed.content[0].text) == analysed.structured_content
    monkeypatch.setenv("HDR_FORGE_RESULT_TEXT", "summary")
    monkeypatch.setenv("HDR_RESULT_TEXT", "json")  # the per-server setting wins over the suite-wide one
    async with Client(kits["forge"].mcp) as client:
        assert not _is_json((await client.call_tool("analyze", {})).content[0].text)


async def test_a_setting_mistyped_after_start_is_logged_and_summaries_go_on(
    kits, offline_suite, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("HDR_RESULT_TEXT", "yaml")
    async with Client(kits["forge"].mcp) as client:
        analysed = await client.call_tool("analyze", {})
    assert not analysed.is_error and analysed.content[0].text.startswith("analyze result (summary")
    assert any("'yaml'" in r.getMessage() and "summary, json" in r.getMessage() for r in caplog.records)


def test_a_mistyped_setting_stops_the_server_at_start_naming_the_values() -> None:
    run = subprocess.run(
        [str(Path(sys.executable).parent / "hdr-forge")],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "HDR_HOME": "/tmp/hdr-unused", "HDR_FORGE_RESULT_TEXT": "yaml"},
    )
    assert run.returncode == 2 and "'yaml'" in run.stderr and "summary, json" in run.stderr


def test_a_summary_of_hostile_structure_stays_bounded_and_keeps_how_to_get_more() -> None:
    hostile = {
        "id": "x" * 100_000,
        "items": [{"name": "n" * 10_000, "nested": {"deep": [[[[1]]]] * 1000}, "k" * 500: 1.0 / 3}] * 10_000,
        "numbers": list(range(100_000)),
        "blob": {f"k{i}": "v" * 1000 for i in range(1000)},
        "next_cursor": "p-0123456789.changes.0",
    }
    hostile |= {f"field{i}": "y" * 1000 for i in range(200)}
    text = summarize("forge", "analyze", hostile)
    assert len(text) <= MAX_CHARS and text.endswith("HDR_FORGE_RESULT_TEXT=json on the server.")
    assert 'cursor="p-0123456789.changes.0"' in text and "9997 more `items`" in text
    assert "0.3333" in text and "x" * 600 not in text


def test_a_summary_says_what_it_left_out_and_never_invents_a_cursor() -> None:
    text = summarize(
        "compliance", "check", {"verdict": "fail", "findings": [{"check": f"c{i}"} for i in range(7)]}
    )
    assert "verdict: fail" in text and "findings (7, first 3):" in text and "- check=c2" in text
    assert "c3" not in text and "4 more `findings`" in text and "cursor" not in text
