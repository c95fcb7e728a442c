"""Attestations and stored check results belong to the principal that made them (security issue #12,
item 4), through the real gateway with two static tokens: another caller gets the same "not found"
as for an id that does not exist, and does not see them listed; a grant shares them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from compliance_support import BASELINE_POD as POD
from compliance_support import sibling_module
from helpers import free_port

from servers.gateway import GatewaySettings, create_app
from servers.gateway.auth import hash_token
from servers.gateway.settings import StaticToken

support = sibling_module("gateway/gateway_support.py")


@pytest.fixture
def gateway(offline_suite, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("HDR_GRANTS", json.dumps({"static:auditor": ["static:alice"]}))
    port = free_port()
    scopes = ("compliance:write",)
    settings = GatewaySettings(
        port=port,
        tokens=tuple(
            StaticToken(name, hash_token(f"hdr_{name}_token"), scopes)
            for name in ("alice", "mallory", "auditor")
        ),
    )
    with support.serve(create_app(settings=settings), port=port) as base:
        yield f"{base}/compliance/mcp"


async def call(url: str, who: str, tool: str, args: dict[str, Any]) -> Any:
    async with support.client(url, f"hdr_{who}_token") as mcp:
        return await mcp.call_tool(tool, args)


async def test_another_callers_attestations_and_results_are_not_found(gateway: str) -> None:
    checked = await call(gateway, "alice", "check", {"target": POD, "framework": "pss-baseline"})
    assert not checked.is_error, checked.content[0].text
    result_id = checked.structured_content["id"]
    signed = await call(gateway, "alice", "attest", {"result_id": result_id})
    assert not signed.is_error, signed.content[0].text
    att_id = signed.structured_content["id"]

    by_alice = await call(gateway, "alice", "verify_attestation", {"envelope": att_id})
    assert by_alice.structured_content["valid"] is True
    assert [
        a["id"] for a in (await call(gateway, "alice", "attestations", {})).structured_content["attestations"]
    ] == [att_id]

    stolen = await call(gateway, "mallory", "verify_attestation", {"envelope": att_id})
    missing = await call(gateway, "mallory", "verify_attestation", {"envelope": "att_0000000000000000"})
    assert stolen.is_error and missing.is_error
    assert stolen.content[0].text.replace(att_id, "<id>") == missing.content[0].text.replace(
        "att_0000000000000000", "<id>"
    )
    resigned = await call(gateway, "mallory", "attest", {"result_id": result_id})
    assert resigned.is_error and "No stored check result" in resigned.content[0].text
    listed = (await call(gateway, "mallory", "attestations", {})).structured_content
    assert listed["attestations"] == [] and listed["total"] == 0

    envelope = signed.structured_content[
        "envelope"
    ]  # the envelope itself stays verifiable by anyone holding it
    assert (await call(gateway, "mallory", "verify_attestation", {"envelope": envelope})).structured_content[
        "valid"
    ]

    granted = await call(
        gateway, "auditor", "verify_attestation", {"envelope": att_id}
    )  # HDR_GRANTS shares alice's
    assert not granted.is_error and granted.structured_content["valid"] is True
