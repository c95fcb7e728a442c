"""forge's proposals and snapshots belong to the principal that created them (issue #12): through the real
gateway with two static tokens, another caller gets the same "not found" as for an id that does not
exist, does not see them in `snapshots`, and can neither apply nor roll them back."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import free_port

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gateway"))
from gateway_support import client, serve  # noqa: E402

from servers.gateway import GatewaySettings, create_app  # noqa: E402
from servers.gateway.auth import hash_token  # noqa: E402
from servers.gateway.settings import StaticToken  # noqa: E402


@pytest.fixture
def gateway(offline_suite) -> Iterator[str]:

    port = free_port()
    settings = GatewaySettings(
        port=port,
        tokens=(
            StaticToken("alice", hash_token("hdr_alice_token"), ("forge:write",)),
            StaticToken("mallory", hash_token("hdr_mallory_token"), ("forge:write",)),
        ),
    )
    with serve(create_app(settings=settings), port=port) as base:
        yield f"{base}/forge/mcp"


async def test_another_principal_cannot_see_apply_or_roll_back_a_proposal_or_snapshot(gateway: str) -> None:
    async with client(gateway, "hdr_alice_token") as alice, client(gateway, "hdr_mallory_token") as mallory:
        analysis = (await alice.call_tool("analyze", {"history": "7d"})).structured_content
        pid = analysis["proposal_id"]
        over = next(o for o in analysis["opportunities"] if o["type"] == "over_provisioned")
        missing = await mallory.call_tool("optimize", {"proposal_id": "p-0000000000"})
        theirs = await mallory.call_tool("optimize", {"proposal_id": pid})
        assert theirs.is_error and missing.is_error
        assert theirs.content[0].text.replace(pid, "ID") == missing.content[0].text.replace(
            "p-0000000000", "ID"
        )
        applied = (
            await alice.call_tool(
                "optimize",
                {"proposal_id": pid, "changes": over["change_ids"], "dry_run": False, "confirm": True},
            )
        ).structured_content
        sid = applied["snapshot_id"]
        assert [
            s["id"] for s in (await alice.call_tool("snapshots", {})).structured_content["snapshots"]
        ] == [sid]
        assert (await mallory.call_tool("snapshots", {})).structured_content["snapshots"] == []
        assert (await mallory.call_tool("decisions", {})).structured_content["decisions"] == []
        assert len((await alice.call_tool("decisions", {})).structured_content["decisions"]) == len(
            over["change_ids"]
        )
        refused = await mallory.call_tool("rollback", {"snapshot_id": sid, "confirm": True})
        assert refused.is_error and "does not exist" in refused.content[0].text
        done = await alice.call_tool("rollback", {"snapshot_id": sid, "confirm": True})
        assert not done.is_error and done.structured_content["changes_undone"] == len(over["change_ids"])
