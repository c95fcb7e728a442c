"""forge's proposals as resources (`forge://proposals`, `forge://proposals/{proposal_id}`), listed, read
and completed through the real MCP Python SDK client, (ownership through the gateway:
tests/gateway/test_gateway_forge_proposals.py)."""

from __future__ import annotations

import json

import pytest
from mcp import Client
from mcp.shared.exceptions import MCPError

from servers.forge.server import kit


async def test_a_proposal_is_listed_read_and_completed_by_its_creator(offline_suite) -> None:
    async with Client(kit.mcp) as client:
        analysed = (await client.call_tool("analyze", {})).structured_content
        pid = analysed["proposal_id"]
        listed = {r.uri for r in (await client.list_resources()).resources}
        templates = {t.uri_template for t in (await client.list_resource_templates()).resource_templates}
        assert "forge://proposals" in listed and "forge://proposals/{proposal_id}" in templates
        index = json.loads((await client.read_resource("forge://proposals")).contents[0].text)
        one = json.loads((await client.read_resource(f"forge://proposals/{pid}")).contents[0].text)
        completed = await client.complete(
            {"type": "ref/resource", "uri": "forge://proposals/{proposal_id}"},
            {"name": "proposal_id", "value": "p-"},
        )
    assert index["proposals"][0]["proposal_id"] == pid
    assert index["proposals"][0]["monthly_savings_usd"] == pytest.approx(
        analysed["estimated_monthly_savings_usd"]
    )
    assert one["proposal_id"] == pid and len(one["changes"]) == analysed["totals"]["changes"]
    assert one["applied"] == 0 and not any(c["applied"] for c in one["changes"])
    assert f'optimize(proposal_id="{pid}"' in one["next_step"]
    assert pid in completed.completion.values


async def test_applied_changes_show_as_applied(offline_suite) -> None:
    async with Client(kit.mcp) as client:
        pid = (await client.call_tool("analyze", {})).structured_content["proposal_id"]
        view = json.loads((await client.read_resource(f"forge://proposals/{pid}")).contents[0].text)
        first = view["changes"][0]["id"]
        applied = await client.call_tool(
            "optimize", {"proposal_id": pid, "dry_run": False, "confirm": True, "changes": [first]}
        )
        assert not applied.is_error, applied.content[0].text
        after = json.loads((await client.read_resource(f"forge://proposals/{pid}")).contents[0].text)
    assert after["applied"] == 1 and [c["id"] for c in after["changes"] if c["applied"]] == [first]


@pytest.mark.parametrize("bad", ["p-zzzzzzzzzz", "../../etc/passwd", "p-" + "0" * 500, "p-0123456789"])
async def test_a_bad_or_unknown_id_is_a_clear_error_without_echo_of_files(offline_suite, bad: str) -> None:
    async with Client(kit.mcp) as client:
        with pytest.raises(MCPError) as err:
            await client.read_resource(f"forge://proposals/{bad}")
    assert err.value.error.code == -32602
    said = err.value.error.message
    assert (
        "does not exist" in said or "not a proposal id" in said or "Unknown resource" in said
    )  # (the SDK's, for '/')
    assert "root:" not in err.value.error.message
