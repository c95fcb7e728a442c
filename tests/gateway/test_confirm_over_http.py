"""Progress and confirmation over streamable HTTP behind the real gateway, with real clients: the
MCP Python SDK in both protocol eras and the TypeScript SDK (the Inspector's) in its default era.

Each POST answers with an event stream, so progress reaches the client during the call. In the
2026-07-28 era the server asks for confirmation (elicitation through the multi-round-trip flow); in
2025-11-25 a stateless server cannot (the answer would have no connection to come back on), so the
refusal says exactly that and how to confirm, and nothing changes."""

from __future__ import annotations

import pytest
from gateway_support import ts_client
from mcp import Client
from mcp_types import ElicitResult

STATELESS = "over stateless streamable HTTP in protocol 2025-11-25 the server cannot ask"


async def _proposal(client: Client) -> tuple[str, list[float]]:
    seen: list[float] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append(progress)

    analysed = await client.call_tool("analyze", {}, progress_callback=on_progress)
    assert not analysed.is_error, analysed.content[0].text
    return analysed.structured_content["proposal_id"], seen


async def test_2025_era_gets_progress_and_a_refusal_that_says_why_and_how(forge_url: str) -> None:
    asked: list[str] = []

    async def elicit(ctx, params) -> ElicitResult:
        asked.append(params.message)
        return ElicitResult(action="accept", content={"confirm": True})

    async with Client(forge_url, mode="legacy", elicitation_callback=elicit) as client:
        proposal, progress = await _proposal(client)
        assert len(progress) >= 2 and progress == sorted(progress), progress
        refused = await client.call_tool("optimize", {"proposal_id": proposal, "dry_run": False})
        assert refused.is_error and STATELESS in refused.content[0].text
        assert "`confirm: true`" in refused.content[0].text and "2026-07-28" in refused.content[0].text
        assert asked == []
        assert (await client.call_tool("snapshots", {})).structured_content[
            "snapshots"
        ] == []  # nothing changed
        applied = await client.call_tool(
            "optimize", {"proposal_id": proposal, "dry_run": False, "confirm": True}
        )
        assert not applied.is_error, applied.content[0].text
        assert applied.structured_content["snapshot_id"]


@pytest.mark.parametrize("answer", ["accept", "decline"])
async def test_2026_era_is_asked_and_the_answer_decides(forge_url: str, answer: str) -> None:
    asked: list[str] = []

    async def elicit(ctx, params) -> ElicitResult:
        asked.append(params.message)
        return ElicitResult(action=answer, content={"confirm": True} if answer == "accept" else None)

    async with Client(forge_url, mode="2026-07-28", elicitation_callback=elicit) as client:
        proposal, progress = await _proposal(client)
        assert progress
        result = await client.call_tool("optimize", {"proposal_id": proposal, "dry_run": False})
        snapshots = (await client.call_tool("snapshots", {})).structured_content["snapshots"]
    assert len(asked) == 1 and proposal in asked[0]
    if answer == "accept":
        assert not result.is_error and result.structured_content["snapshot_id"] and snapshots
    else:
        assert (
            result.is_error and "Declined: nothing was changed" in result.content[0].text and snapshots == []
        )


@pytest.mark.service("node")
def test_typescript_sdk_client_gets_progress_and_the_stateless_refusal(forge_url: str) -> None:
    analysed = ts_client(forge_url, "analyze", {})
    assert not analysed["result"].get("isError"), analysed["result"]
    progress = [p["progress"] for p in analysed["progress"]]
    assert len(progress) >= 2 and progress == sorted(progress)
    proposal = analysed["result"]["structuredContent"]["proposal_id"]
    refused = ts_client(forge_url, "optimize", {"proposal_id": proposal, "dry_run": False})
    assert refused["asked"] == [] and refused["result"]["isError"]
    assert STATELESS in refused["result"]["content"][0]["text"]
    applied = ts_client(forge_url, "optimize", {"proposal_id": proposal, "dry_run": False, "confirm": True})
    assert not applied["result"].get("isError") and applied["result"]["structuredContent"]["snapshot_id"]
