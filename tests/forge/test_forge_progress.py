"""analyze and optimize report progress to a client that asked for it, through a real MCP client in both
protocol eras, and cancellation stops optimize without leaving a change half-applied."""

from __future__ import annotations

from pathlib import Path

import pytest
from mcp import Client

from servers.forge.operations import Forge
from shared.suite import Suite
from shared.tools import Cancelled

ERAS = ["legacy", "2026-07-28"]


def server():
    from servers.forge import server

    return server


@pytest.mark.parametrize("mode", ERAS)
async def test_analyze_and_optimize_report_progress(mode: str, offline_suite: Suite) -> None:
    seen: list[tuple[float, float | None, str | None]] = []

    async def on_progress(done: float, total: float | None, message: str | None) -> None:
        seen.append((done, total, message))

    async with Client(server().kit.mcp, mode=mode) as client:
        analysis = await client.call_tool("analyze", {}, progress_callback=on_progress)
        assert not analysis.is_error
        assert seen and seen[-1][0] == seen[-1][1] == 4 and "proposal p-" in (seen[-1][2] or "")
        seen.clear()
        proposal = analysis.structured_content
        applied = await client.call_tool(
            "optimize",
            {"proposal_id": proposal["proposal_id"], "dry_run": False, "confirm": True},
            progress_callback=on_progress,
        )
    assert not applied.is_error
    assert seen and seen[-1][0] == seen[-1][1] and "applied" in (seen[-1][2] or "")


def test_cancelled_optimize_leaves_every_file_as_it_was(offline_suite: Suite, hdr_home: Path) -> None:
    forge = Forge(offline_suite)
    proposal = forge.analyze(history="7d")
    root = hdr_home / "forge" / "sample" / "manifests"
    before = {p: p.read_bytes() for p in root.rglob("*.yaml")}
    calls = []

    def cancel_midway(done: float, total: float | None = None, message: str | None = None) -> None:
        calls.append(done)
        if len(calls) == 3:  # after the first object was written
            raise Cancelled("The request was cancelled; work stopped before it finished.")

    with pytest.raises(Cancelled):
        forge.optimize(proposal.proposal_id, None, dry_run=False, progress=cancel_midway)
    assert {p: p.read_bytes() for p in root.rglob("*.yaml")} == before
    assert forge.ledger.decisions(None) == []
