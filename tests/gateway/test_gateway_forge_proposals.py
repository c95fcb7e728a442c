"""forge's proposal resources behind the authenticating gateway: a proposal belongs to the token whose
analyze made it. Another token neither lists it nor reads it, and gets the same answer as for an id that
never existed. Two real static tokens, real MCP clients over HTTP."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from gateway_support import client, serve
from helpers import free_port
from mcp.shared.exceptions import MCPError

from servers.gateway import GatewaySettings, create_app
from servers.gateway.auth import hash_token
from servers.gateway.settings import StaticToken

SCOPES = ("forge:read", "forge:write")


@pytest.fixture
def gateway(offline_suite) -> Iterator[str]:
    port = free_port()
    settings = GatewaySettings(
        port=port,
        tokens=(
            StaticToken("alice", hash_token("hdr_alice_token"), SCOPES),
            StaticToken("bob", hash_token("hdr_bob_token"), SCOPES),
        ),
    )
    with serve(create_app(settings=settings), port=port) as base:
        yield f"{base}/forge/mcp"


async def _read(c, uri: str) -> dict:
    return json.loads((await c.read_resource(uri)).contents[0].text)


async def test_another_token_neither_lists_nor_reads_a_proposal(gateway: str) -> None:
    async with client(gateway, "hdr_alice_token") as alice, client(gateway, "hdr_bob_token") as bob:
        analysed = await alice.call_tool("analyze", {})
        assert not analysed.is_error, analysed.content[0].text
        pid = analysed.structured_content["proposal_id"]
        mine = await _read(alice, "forge://proposals")
        assert (await _read(alice, f"forge://proposals/{pid}"))["proposal_id"] == pid
        theirs = await _read(bob, "forge://proposals")
        with pytest.raises(MCPError) as hidden:
            await bob.read_resource(f"forge://proposals/{pid}")
        with pytest.raises(MCPError) as missing:
            await bob.read_resource("forge://proposals/p-0000000000")
        offered = await bob.complete(
            {"type": "ref/resource", "uri": "forge://proposals/{proposal_id}"},
            {"name": "proposal_id", "value": ""},
        )
    assert [p["proposal_id"] for p in mine["proposals"]] == [pid] and theirs["proposals"] == []
    assert hidden.value.error.code == missing.value.error.code == -32602
    assert hidden.value.error.message.replace(pid, "ID") == missing.value.error.message.replace(
        "p-0000000000", "ID"
    )
    assert pid not in offered.completion.values
