"""nexus's tools through a real MCP client, in both protocol eras, on the real store and Chroma."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from mcp import Client
from nexus_support import KUBE_DOCTOR, REDACTOR, card, free_port, skill, wait_port

from servers.nexus.server import kit
from shared.suite import Suite

ERAS = ["legacy", "2026-07-28"]


@pytest.fixture
def core_cards(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cards = tmp_path / "agent-cards"
    cards.mkdir()
    (cards / "doctor.json").write_text(json.dumps(KUBE_DOCTOR))
    monkeypatch.setenv("HDR_AGENT_CARDS_DIR", str(cards))
    return cards


@pytest.mark.parametrize("mode", ERAS)
async def test_register_discover_and_read_the_card_resource(
    mode: str, offline_suite: Suite, core_cards
) -> None:
    async with Client(kit.mcp, mode=mode) as client:
        registered = await client.call_tool("register", {"card": REDACTOR})
        listed = await client.call_tool("agents", {})
        found = await client.call_tool("discover", {"query": "hide the card numbers in this log", "k": 2})
        shown = await client.call_tool("card", {"agent_id": "log-redactor"})
        resource = await client.read_resource("nexus://agents/kube-doctor/card")
    assert not registered.is_error, registered.content
    assert registered.structured_content["agent"]["agent_id"] == "log-redactor"
    assert {(a["agent_id"], a["tier"]) for a in listed.structured_content["agents"]} == {
        ("kube-doctor", "core"),
        ("log-redactor", "sandbox"),
    }
    top = found.structured_content["hits"][0]
    assert (top["agent_id"], top["skill_id"]) == ("log-redactor", "redact-pii") and top["reason"]
    assert shown.structured_content["card"]["skills"][0]["id"] == "redact-pii"
    assert json.loads(resource.contents[0].text)["name"] == "Kube Doctor"


@pytest.mark.parametrize("mode", ERAS)
async def test_a_pipeline_retrying_a_handoff_gets_the_first_one_back(
    mode: str, offline_suite: Suite, core_cards
) -> None:
    args = {"to_agent": "kube-doctor", "task": "raise shop's memory limit", "request_id": "ci-run-881"}
    async with Client(kit.mcp, mode=mode) as client:
        first = await client.call_tool("handoff", args)
        retry = await client.call_tool("handoff", args)
        other = await client.call_tool("handoff", dict(args, task="something else"))
        inbox = await client.call_tool("inbox", {"agent_id": "kube-doctor"})
    assert not first.is_error and not retry.is_error, (first.content, retry.content)
    assert retry.structured_content["handoff_id"] == first.structured_content["handoff_id"]
    assert first.structured_content["changed"] and not retry.structured_content["changed"]
    assert other.is_error and "request_id" in other.content[0].text
    assert [h["handoff_id"] for h in inbox.structured_content["handoffs"]] == [
        first.structured_content["handoff_id"]
    ]


@pytest.mark.parametrize("mode", ERAS)
async def test_bad_input_gets_clear_errors_and_the_server_keeps_answering(
    mode: str, offline_suite: Suite, core_cards
) -> None:
    bad_card = dict(REDACTOR, skills=[{"id": "x", "name": "X", "tags": []}])
    async with Client(kit.mcp, mode=mode) as client:
        invalid = await client.call_tool("register", {"card": bad_card})
        core = await client.call_tool("register", {"card": REDACTOR, "tier": "core"})
        unknown = await client.call_tool("handoff", {"to_agent": "nobody", "task": "x"})
        no_handoff = await client.call_tool("accept", {"handoff_id": "h-none"})
        empty = await client.call_tool("discover", {"query": ""})
        alive = await client.call_tool("agents", {})
    # the A2A 0.3.0 JSON Schema's own verdict, with the JSON path of the bad skill
    assert invalid.is_error and "$.skills[0]: 'description' is a required property" in invalid.content[0].text
    assert core.is_error and "tier" in core.content[0].text
    assert unknown.is_error and "No agent 'nobody'" in unknown.content[0].text
    assert no_handoff.is_error and "No handoff" in no_handoff.content[0].text
    assert empty.is_error and "query" in empty.content[0].text
    assert [a["agent_id"] for a in alive.structured_content["agents"]] == ["kube-doctor"]


async def test_handoffs_stay_out_of_the_shared_memory_that_every_caller_can_recall(
    suite: Suite, core_cards
) -> None:
    """Security issue #12: a caller refused the inbox must not recall the handoff from the shared memory,
    which nexus cannot scope; so nothing of a handoff (task, context, result, id) is written there."""
    async with Client(kit.mcp) as client:
        made = await client.call_tool(
            "handoff",
            {
                "to_agent": "kube-doctor",
                "task": "stop the OOM kills in shop",
                "context": "payments pods",
                "from_agent": "planner",
            },
        )
        handoff_id = made.structured_content["handoff_id"]
        box = await client.call_tool("inbox", {"agent_id": "kube-doctor"})
        await client.call_tool("accept", {"handoff_id": handoff_id, "agent_id": "kube-doctor"})
        done = await client.call_tool("complete", {"handoff_id": handoff_id, "result": "limits raised"})
        record = await client.call_tool("quality", {"agent_id": "kube-doctor"})
        recalled = await client.call_tool("recall", {"query": "who handled the OOM kills in shop?", "k": 5})
    assert made.structured_content["status"] == "pending" and made.structured_content["delivery"] == "inbox"
    assert [h["handoff_id"] for h in box.structured_content["handoffs"]] == [handoff_id]
    assert done.structured_content["status"] == "completed"
    assert record.structured_content["completed"] == 1
    texts = [h["text"] for h in recalled.structured_content["hits"]]
    assert not recalled.is_error
    assert all(
        handoff_id not in t and "OOM kills" not in t and "payments pods" not in t and "limits raised" not in t
        for t in texts
    )


async def test_deregister_needs_confirmation(offline_suite: Suite, core_cards) -> None:
    async with Client(kit.mcp) as client:
        await client.call_tool("register", {"card": REDACTOR})
        refused = await client.call_tool("deregister", {"agent_id": "log-redactor"})
        still = await client.call_tool("card", {"agent_id": "log-redactor"})
        gone = await client.call_tool("deregister", {"agent_id": "log-redactor", "confirm": True})
        after = await client.call_tool("card", {"agent_id": "log-redactor"})
    assert refused.is_error and "confirm: true" in refused.content[0].text
    assert not still.is_error and not gone.is_error
    assert after.is_error


async def test_a_second_server_process_sees_the_same_registry_and_handoffs(
    offline_suite: Suite, core_cards, hdr_home: Path
) -> None:
    async with Client(kit.mcp) as client:
        await client.call_tool("register", {"card": card("Night Owl", [skill("watch", "Watch", "Watches.")])})
        made = await client.call_tool("handoff", {"to_agent": "night-owl", "task": "watch the batch job"})
    handoff_id = made.structured_content["handoff_id"]
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "servers.nexus.server", "--http", "--port", str(port)],
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_port(port)
        async with Client(f"http://127.0.0.1:{port}/mcp") as remote:
            box = await remote.call_tool("inbox", {"agent_id": "night-owl"})
            accepted = await remote.call_tool("accept", {"handoff_id": handoff_id})
    finally:
        proc.terminate()
        proc.wait(10)
    assert [h["handoff_id"] for h in box.structured_content["handoffs"]] == [handoff_id]
    assert accepted.structured_content["status"] == "accepted"
    async with Client(kit.mcp) as client:  # and this process sees the other's change
        again = await client.call_tool("accept", {"handoff_id": handoff_id})
    assert again.structured_content["changed"] is False


@pytest.mark.parametrize("mode", ERAS)
async def test_an_a2a_1_0_card_registers_under_the_owners_id(
    mode: str, offline_suite: Suite, core_cards
) -> None:
    spec_card = json.loads((Path(__file__).parent / "data" / "spec-1.0-sample-card.json").read_text())
    async with Client(kit.mcp, mode=mode) as client:
        registered = await client.call_tool("register", {"card": spec_card, "agent_id": "geo-planner"})
        again = await client.call_tool("register", {"card": json.dumps(spec_card), "agent_id": "geo-planner"})
        bad_id = await client.call_tool("register", {"card": spec_card, "agent_id": "Geo Planner"})
        core = await client.call_tool("deregister", {"agent_id": "kube-doctor", "confirm": True})
        shown = await client.call_tool("card", {"agent_id": "geo-planner"})
    assert not registered.is_error, registered.content[0].text
    agent = registered.structured_content["agent"]
    assert (agent["agent_id"], agent["tier"], agent["handoff_delivery"]) == ("geo-planner", "sandbox", "a2a")
    assert again.structured_content["changed"] is False
    assert bad_id.is_error and "agent_id" in bad_id.content[0].text
    assert core.is_error and "core agents" in core.content[0].text
    assert shown.structured_content["card"] == spec_card
