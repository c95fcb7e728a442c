"""`check` answers compactly by default (the 20 most severe findings, `more` saying what was left out and
where the kept whole is), `detail='full'` and compliance://checks/<id> give all of it, and `attest` signs
the kept whole. Through the real MCP Python SDK client, on the sample cluster (108 findings)."""

from __future__ import annotations

import json

from mcp import Client

from servers.compliance.checking import SEVERITY_ORDER, SUMMARY_FINDINGS
from servers.compliance.server import kit

CLUSTER = {"target": "cluster", "framework": "pss-restricted"}


async def test_check_answers_the_most_severe_findings_and_says_where_the_rest_is(offline_suite) -> None:
    async with Client(kit.mcp) as client:
        summary = (await client.call_tool("check", CLUSTER)).structured_content
        full = (await client.call_tool("check", {**CLUSTER, "detail": "full"})).structured_content
        kept = json.loads(
            (await client.read_resource(f"compliance://checks/{summary['id']}")).contents[0].text
        )
        signed = await client.call_tool("attest", {"result_id": summary["id"]})
    assert summary["findings_total"] == full["findings_total"] == len(full["findings"]) > SUMMARY_FINDINGS
    assert len(summary["findings"]) == SUMMARY_FINDINGS and full["more"] is None
    ranks = [SEVERITY_ORDER[f["severity"]] for f in summary["findings"]]
    assert ranks == sorted(ranks) and min(SEVERITY_ORDER[f["severity"]] for f in full["findings"]) == ranks[0]
    assert f"{full['findings_total'] - SUMMARY_FINDINGS} more findings" in summary["more"]
    assert f"compliance://checks/{summary['id']}" in summary["more"] and "detail='full'" in summary["more"]
    assert len(kept["findings"]) == summary["findings_total"] and kept["verdict"] == summary["verdict"]
    assert not signed.is_error, signed.content[0].text
    assert len(json.dumps(summary)) * 3 < len(json.dumps(full))


async def test_a_small_result_is_whole_and_an_unknown_detail_is_refused_naming_the_values(
    offline_suite,
) -> None:
    pod = (
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\n"
        "spec:\n  hostPID: true\n  containers:\n  - {name: web, image: nginx:1.27}\n"
    )
    async with Client(kit.mcp) as client:
        small = (
            await client.call_tool("check", {"target": pod, "framework": "pss-baseline"})
        ).structured_content
        wrong = await client.call_tool("check", {**CLUSTER, "detail": "everything"})
    assert small["more"] is None and len(small["findings"]) == small["findings_total"] == 1
    assert (
        wrong.is_error and "`detail`" in wrong.content[0].text and "everything" not in wrong.content[0].text
    )
