"""Prompts, completions, resources and logging/setLevel, through the real MCP Python SDK client in
both protocol eras, on the five real servers (shared/prompts.py and servers/<name>/prompts.py)."""

from __future__ import annotations

import json
import logging

import pytest
from mcp import Client
from mcp.shared.exceptions import MCPDeprecationWarning, MCPError
from mcp_types import INVALID_PARAMS, PromptReference, ResourceTemplateReference

from servers.registry import SERVER_NAMES, load_all

MODES = ["legacy", "2026-07-28"]


@pytest.fixture(scope="module")
def kits():
    return load_all()


@pytest.mark.parametrize("name", SERVER_NAMES)
async def test_every_server_offers_what_it_declares(kits, name: str) -> None:
    async with Client(kits[name].mcp, mode="legacy") as client:
        caps = client.server_capabilities
        assert caps.prompts is not None and caps.resources is not None and caps.completions is not None
        assert caps.logging is not None
        prompts = (await client.list_prompts()).prompts
        resources = (await client.list_resources()).resources
        templates = (await client.list_resource_templates()).resource_templates
        assert prompts, f"{name} declares prompts but offers none"
        assert resources or templates, f"{name} declares resources but offers none"
        for p in prompts:
            assert p.description and p.title, p.name


@pytest.mark.parametrize("mode", MODES)
async def test_unknown_prompt_is_invalid_params_naming_the_prompts_without_a_traceback(
    kits, mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with Client(kits["forge"].mcp, mode=mode) as client:
        with pytest.raises(MCPError) as err:
            await client.get_prompt("no_such_prompt")
    assert err.value.error.code == INVALID_PARAMS
    assert "right_size_namespace" in err.value.error.message and "audit_change" in err.value.error.message
    assert not [r for r in caplog.records if r.exc_info], "an unknown prompt must not log a traceback"


async def test_a_missing_or_unknown_prompt_argument_names_the_arguments(kits) -> None:
    async with Client(kits["forge"].mcp) as client:
        with pytest.raises(MCPError) as missing:
            await client.get_prompt("right_size_namespace", {})
        with pytest.raises(MCPError) as unknown:
            await client.get_prompt("right_size_namespace", {"namespace": "shop", "colour": "red"})
    assert missing.value.error.code == INVALID_PARAMS and "namespace" in missing.value.error.message
    assert unknown.value.error.code == INVALID_PARAMS and "colour" in unknown.value.error.message


async def test_a_prompt_renders_its_arguments_into_the_steps(kits) -> None:
    async with Client(kits["forge"].mcp) as client:
        result = await client.get_prompt("right_size_namespace", {"namespace": "checkout"})
    text = result.messages[0].content.text
    assert 'namespace="checkout"' in text and "dry_run=true" in text


@pytest.mark.parametrize("mode", MODES)
async def test_completion_offers_frameworks_by_prefix(kits, offline_suite, mode: str) -> None:
    async with Client(kits["compliance"].mcp, mode=mode) as client:
        done = await client.complete(
            PromptReference(type="ref/prompt", name="check_and_attest"), {"name": "framework", "value": "pss"}
        )
    assert sorted(done.completion.values) == ["pss-baseline", "pss-restricted"]
    assert done.completion.total == 2 and not done.completion.has_more


async def test_completion_offers_namespaces_of_the_cluster(kits, offline_suite) -> None:
    from servers.forge.server import forge
    from shared.cluster import WORKLOAD_KINDS

    expected = {o["metadata"]["namespace"] for o in forge().cluster.list_objects(WORKLOAD_KINDS)}
    async with Client(kits["forge"].mcp) as client:
        done = await client.complete(
            PromptReference(type="ref/prompt", name="right_size_namespace"),
            {"name": "namespace", "value": ""},
        )
    assert set(done.completion.values) == expected and expected


async def test_completion_offers_agent_ids_for_a_resource_template(kits, offline_suite) -> None:
    registered = [a.agent_id for a in kits["nexus"].tools["agents"]().agents]
    assert registered
    prefix = registered[0][:3]
    async with Client(kits["nexus"].mcp) as client:
        done = await client.complete(
            ResourceTemplateReference(type="ref/resource", uri="nexus://agents/{agent_id}/card"),
            {"name": "agent_id", "value": prefix},
        )
    assert done.completion.values == [a for a in registered if a.lower().startswith(prefix.lower())]


async def test_completion_for_an_argument_without_a_completer_is_empty(kits) -> None:
    async with Client(kits["nexus"].mcp) as client:
        done = await client.complete(
            PromptReference(type="ref/prompt", name="hand_off_incident"), {"name": "incident", "value": "db"}
        )
    assert done.completion.values == []


async def test_a_resource_shows_what_its_read_only_tool_returns(kits, offline_suite) -> None:
    async with Client(kits["phantom"].mcp) as client:
        await client.call_tool("encrypt", {"plaintext": "hello", "key": "reports"})
        tool = await client.call_tool("keys", {})
        read = await client.read_resource("phantom://keys")
    assert json.loads(read.contents[0].text) == tool.structured_content
    assert "reports" in read.contents[0].text


async def test_a_missing_record_is_invalid_params_with_the_domain_message(kits, offline_suite) -> None:
    async with Client(kits["compliance"].mcp) as client:
        with pytest.raises(MCPError) as err:
            await client.read_resource("compliance://attestations/att-nope")
    assert err.value.error.code == INVALID_PARAMS and "No attestation" in err.value.error.message


async def test_a_kept_check_result_is_a_resource(kits, offline_suite) -> None:
    manifest = (
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n"
        "  - {name: web, image: nginx}\n"
    )
    async with Client(kits["compliance"].mcp) as client:
        checked = await client.call_tool("check", {"target": manifest, "framework": "pss-baseline"})
        result_id = checked.structured_content["id"]
        read = await client.read_resource(f"compliance://checks/{result_id}")
    body = json.loads(read.contents[0].text)
    assert body["id"] == result_id and body["verdict"] == checked.structured_content["verdict"]


async def test_logging_set_level_is_accepted(kits) -> None:
    async with Client(kits["hardware"].mcp, mode="legacy") as client:
        with pytest.warns(MCPDeprecationWarning):  # the client's method is deprecated for the 2026 era
            result = await client.set_logging_level("warning")
    assert result is not None
