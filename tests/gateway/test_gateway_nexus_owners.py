"""nexus behind the authenticating gateway: an agent registered with a token belongs to that token's
client. Another client may still discover it and hand it work, but not read its inbox, accept or complete
its handoffs, update its card or remove it. Two real static tokens, real MCP clients over HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gateway_support import client, serve
from helpers import free_port

from servers.gateway import GatewaySettings, create_app
from servers.gateway.auth import hash_token
from servers.gateway.settings import StaticToken

SCOPES = ("nexus:read", "nexus:write")
WORKER = {
    "name": "Night Owl",
    "description": "Night Owl, an agent for tests",
    "url": "https://agents.example/a2a",
    "version": "1.0.0",
    "protocolVersion": "0.3.0",
    "capabilities": {"streaming": False},
    "defaultInputModes": ["text/plain"],
    "defaultOutputModes": ["text/plain"],
    "skills": [
        {
            "id": "watch",
            "name": "Watch batch jobs",
            "tags": ["batch"],
            "description": "Watches the nightly batch jobs and reports.",
        }
    ],
}


@pytest.fixture
def gateway(offline_suite) -> Iterator[str]:
    port = free_port()
    settings = GatewaySettings(
        port=port,
        tokens=(
            StaticToken("owl-team", hash_token("hdr_owl_token"), SCOPES),
            StaticToken("planner", hash_token("hdr_planner_token"), SCOPES),
        ),
    )
    with serve(create_app(settings=settings), port=port) as base:
        yield f"{base}/nexus/mcp"


async def test_an_agent_registered_with_a_token_is_that_clients(gateway: str, offline_suite) -> None:
    async with client(gateway, "hdr_owl_token") as owl, client(gateway, "hdr_planner_token") as planner:
        registered = await owl.call_tool("register", {"card": WORKER})
        assert not registered.is_error, registered.content[0].text
        made = await planner.call_tool("handoff", {"to_agent": "night-owl", "task": "watch tonight's batch"})
        assert not made.is_error, made.content[0].text  # anyone may hand it work
        handoff_id = made.structured_content["handoff_id"]
        found = await planner.call_tool("discover", {"query": "keep an eye on the nightly batch jobs"})
        assert found.structured_content["hits"][0]["agent_id"] == "night-owl"

        refused = {
            name: await planner.call_tool(name, args)
            for name, args in {
                "inbox": {"agent_id": "night-owl"},
                "accept": {"handoff_id": handoff_id},
                "complete": {"handoff_id": handoff_id, "outcome": "failed"},
                "register": {"card": dict(WORKER, description="Taken over.")},
                "deregister": {"agent_id": "night-owl", "confirm": True},
            }.items()
        }
        for name, answer in refused.items():
            assert answer.is_error and "registered by another client" in answer.content[0].text, name

        inbox = await owl.call_tool("inbox", {"agent_id": "night-owl"})
        assert [h["handoff_id"] for h in inbox.structured_content["handoffs"]] == [handoff_id]
        assert (
            inbox.structured_content["handoffs"][0]["status"] == "pending"
        )  # the refused calls changed nothing
        accepted = await owl.call_tool("accept", {"handoff_id": handoff_id})
        done = await owl.call_tool("complete", {"handoff_id": handoff_id, "result": "all green"})
        assert (
            accepted.structured_content["status"] == "accepted"
            and done.structured_content["status"] == "completed"
        )
        shown = await planner.call_tool("card", {"agent_id": "night-owl"})
        assert shown.structured_content["card"]["description"] == WORKER["description"]
        removed = await owl.call_tool("deregister", {"agent_id": "night-owl", "confirm": True})
        assert not removed.is_error, removed.content[0].text
