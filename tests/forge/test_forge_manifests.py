"""The manifests path: optimistic concurrency on file hashes, rollback after later optimizations,
conflicts instead of overwriting someone's edit, and Prometheus being unreachable."""

from __future__ import annotations

from pathlib import Path

import pytest
from mcp import Client

from servers.forge.operations import Forge
from shared.errors import Conflict
from shared.suite import Suite


def files(home: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted((home / "forge" / "sample" / "manifests").rglob("*.yaml"))}


def over_provisioned(forge: Forge) -> tuple[str, list[str]]:
    proposal = forge.analyze(history="7d")
    opps = [o for o in proposal.result.opportunities if o.type == "over_provisioned"]
    return proposal.proposal_id, [c for o in opps for c in o.change_ids]


def test_rollback_of_an_earlier_snapshot_after_later_optimizations_is_byte_identical(
    offline_suite: Suite, hdr_home: Path
) -> None:
    forge = Forge(offline_suite)
    pid, ids = over_provisioned(forge)
    original = files(hdr_home)
    first = forge.optimize(pid, ids[:2], dry_run=False)
    pid2, ids2 = over_provisioned(forge)  # analyze again: the same file may be cut a second step
    forge.optimize(pid2, ids2, dry_run=False)
    assert files(hdr_home) != original
    forge.rollback(first.snapshot_id)
    restored = files(hdr_home)
    root = hdr_home / "forge" / "sample" / "manifests"
    touched = {root / c.unit for c in forge.ledger.snapshot(first.snapshot_id).captures}
    assert touched
    for path in touched:
        assert restored[path] == original[path]


def test_a_file_edited_after_the_analysis_is_refused_and_not_overwritten(
    offline_suite: Suite, hdr_home: Path
) -> None:
    forge = Forge(offline_suite)
    pid, ids = over_provisioned(forge)
    change = next(c for c in forge.ledger.proposal(pid)[1] if c.id == ids[0])
    path = hdr_home / "forge" / "sample" / "manifests" / forge.cluster.unit_of(change.ref)
    path.write_text(path.read_text() + "# edited by a person\n")
    edited = path.read_bytes()
    with pytest.raises(Conflict, match="Changed since the analysis"):
        forge.optimize(pid, [ids[0]], dry_run=False)
    assert path.read_bytes() == edited and forge.ledger.snapshots() == []


def test_rollback_reports_a_conflict_for_an_unrelated_later_edit(
    offline_suite: Suite, hdr_home: Path
) -> None:
    forge = Forge(offline_suite)
    pid, ids = over_provisioned(forge)
    applied = forge.optimize(pid, ids[:1], dry_run=False)
    path = hdr_home / "forge" / "sample" / "manifests" / forge.cluster.unit_of(applied.changes[0].ref)
    path.write_text(path.read_text().replace("owned by team", "owned (edited) by team"))
    edited = path.read_bytes()
    with pytest.raises(Conflict, match="someone else"):
        forge.rollback(applied.snapshot_id)
    assert path.read_bytes() == edited


async def test_prometheus_unreachable_is_a_tool_error(offline_suite: Suite, monkeypatch) -> None:
    from helpers import free_port

    from servers.forge import server

    monkeypatch.setenv("HDR_PROMETHEUS_URL", f"http://127.0.0.1:{free_port()}")
    async with Client(server.kit.mcp) as client:
        result = await client.call_tool("analyze", {})
    assert (
        result.is_error
        and "Prometheus" in result.content[0].text
        and "HDR_PROMETHEUS_URL" in result.content[0].text
    )
