"""The result text over streamable HTTP behind the real gateway, read by the TypeScript SDK client (the
MCP Inspector's and Claude Desktop's SDK), which validates `structuredContent` against the tool's output
schema: a large result carries a summary as text and the whole result as structured content; a small
one carries the exact JSON as text."""

from __future__ import annotations

import json

import pytest
from gateway_support import ts_client


@pytest.mark.service("node")
def test_typescript_sdk_client_gets_a_summary_beside_the_whole_structured_result(forge_url: str) -> None:
    analysed = ts_client(forge_url, "analyze", {})["result"]
    assert not analysed.get("isError"), analysed
    data, text = analysed["structuredContent"], analysed["content"][0]["text"]
    assert text.startswith("analyze result (summary") and f"proposal_id: {data['proposal_id']}" in text
    assert f'cursor="{data["next_cursor"]}"' in text
    assert len(text) < len(json.dumps(data, separators=(",", ":")))
    snapshots = ts_client(forge_url, "snapshots", {})["result"]
    assert json.loads(snapshots["content"][0]["text"]) == snapshots["structuredContent"]
