"""compliance's tools through a real in-process MCP client, in both protocol eras."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from mcp import Client

from servers.compliance.server import kit
from shared import evidence
from shared.suite import Suite

ERAS = ["legacy", "2026-07-28"]
BAD = """apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      hostPID: true
      containers:
      - name: app
        image: nginx:latest
"""


def publish_healthy_evidence(suite: Suite) -> None:
    now = time.time()
    evidence.publish(
        suite.store,
        "phantom",
        "keys",
        {
            "keys": [
                {
                    "name": "reports",
                    "latest_version": 3,
                    "min_decryption_version": 1,
                    "algorithm": "aes256-gcm",
                    "created_at": now - 400 * 86400,
                    "rotated_at": now - 5 * 86400,
                    "destroyed": False,
                }
            ]
        },
    )
    evidence.publish(suite.store, "phantom", "redaction", {"calls": 12, "last_at": now - 3600})
    evidence.publish(
        suite.store,
        "phantom",
        "budgets",
        {
            "budgets": [
                {
                    "name": "survey",
                    "epsilon_total": 1.0,
                    "epsilon_spent": 0.4,
                    "delta_total": 1e-5,
                    "delta_spent": 0,
                }
            ]
        },
    )
    evidence.publish(
        suite.store,
        "forge",
        "changes",
        {"changes": 4, "with_snapshot": 4, "rollbacks": 1, "last_change_at": now - 60},
    )
    evidence.publish(
        suite.store, "gateway", "auth", {"host": "0.0.0.0", "auth": "oauth", "loopback_only": False}
    )


@pytest.mark.parametrize("mode", ERAS)
async def test_check_attest_verify_and_list_through_a_client(
    mode: str, suite: Suite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HDR_FILE_ROOTS", str(tmp_path))  # files are read only under the allowed roots (#12)
    manifest = tmp_path / "deploy.yaml"
    manifest.write_text(BAD)
    async with Client(kit.mcp, mode=mode) as client:
        tools = {t.name: t for t in (await client.list_tools()).tools}
        assert {
            "check",
            "policies",
            "attest",
            "verify_attestation",
            "attestations",
            "audit_trail",
            "rotate_keys",
        } <= set(tools)
        assert tools["verify_attestation"].annotations.read_only_hint is True
        checked = await client.call_tool("check", {"target": str(manifest), "framework": "pss-baseline"})
        assert not checked.is_error, checked.content[0].text
        result = checked.structured_content
        assert result["verdict"] == "fail" and result["version"] == "v1.37"
        assert [(f["check"], f["object"], f["field"]) for f in result["findings"]] == [
            ("hostNamespaces", "Deployment/shop/web", "spec.template.spec.hostPID")
        ]
        signed = await client.call_tool("attest", {"result_id": result["id"], "post_quantum": True})
        assert not signed.is_error, signed.content[0].text
        envelope = signed.structured_content["envelope"]
        verified = await client.call_tool(
            "verify_attestation", {"envelope": envelope, "subject": str(manifest)}
        )
        assert (
            verified.structured_content["valid"] is True and verified.structured_content["result"] == "FAILED"
        )
        by_id = await client.call_tool("verify_attestation", {"envelope": signed.structured_content["id"]})
        assert by_id.structured_content["valid"] is True
        listed = await client.call_tool("attestations", {})
        assert listed.structured_content["attestations"][0]["id"] == signed.structured_content["id"]
        keys = await client.read_resource("compliance://keys")
        published = json.loads(keys.contents[0].text)["keys"]
        assert set(signed.structured_content["keyids"]) <= {k["keyid"] for k in published}
        assert "private" not in keys.contents[0].text
    latest = evidence.read(suite.store, "compliance", "latest")["data"]["frameworks"]["pss-baseline"]
    assert latest["verdict"] == "fail" and latest["attestation_id"] == signed.structured_content["id"]
    hits = suite.memory.recall("compliance verdict pss-baseline", k=5, source="compliance")
    assert any("pss-baseline" in h.text for h in hits)


async def test_suite_controls_pass_on_healthy_evidence_and_name_their_articles(suite: Suite) -> None:
    publish_healthy_evidence(suite)
    async with Client(kit.mcp) as client:
        for framework in ("gdpr", "hipaa", "soc2"):
            r = (
                await client.call_tool("check", {"target": "suite", "framework": framework})
            ).structured_content
            assert r["verdict"] == "pass", r["findings"]
            assert all(c["reference"] for c in r["checks"])
        catalog = (await client.call_tool("policies", {"framework": "hipaa"})).structured_content
    refs = {c["reference"] for c in catalog["frameworks"][0]["checks"]}
    assert "45 CFR 164.312(b) (audit controls) and 164.312(c)(1) (integrity)" in refs


async def test_missing_or_bad_evidence_fails_controls_with_the_reason(suite: Suite) -> None:
    async with Client(kit.mcp) as client:
        empty = (await client.call_tool("check", {"target": "suite", "framework": "soc2"})).structured_content
        assert empty["verdict"] == "fail"
        assert any("never published phantom.keys" in f["message"] for f in empty["findings"])
        publish_healthy_evidence(suite)
        evidence.publish(
            suite.store,
            "forge",
            "changes",
            {"changes": 5, "with_snapshot": 4, "rollbacks": 0, "last_change_at": time.time()},
        )
        evidence.publish(
            suite.store, "gateway", "auth", {"host": "0.0.0.0", "auth": "none", "loopback_only": False}
        )
        r = (await client.call_tool("check", {"target": "suite", "framework": "soc2"})).structured_content
    failed = {f["check"]: f["message"] for f in r["findings"]}
    assert set(failed) == {"soc2-change-management", "soc2-authentication"}
    assert "1 of 5 cluster changes had no snapshot" in failed["soc2-change-management"]


async def test_audit_trail_verifies_and_names_the_first_tampered_record(suite: Suite) -> None:
    for i in range(3):
        suite.audit.append("forge", "optimize", "agent:x", {"i": i}, "ok")
    async with Client(kit.mcp) as client:
        ok = (await client.call_tool("audit_trail", {"server": "forge"})).structured_content
        assert ok["verified"] is True and ok["matched"] == 3 and ok["records"][0]["seq"] == 3
        suite.store.connection().execute("UPDATE audit_log SET outcome='refused' WHERE seq=2")
        broken = (await client.call_tool("audit_trail", {})).structured_content
        gdpr = (await client.call_tool("check", {"target": "suite", "framework": "gdpr"})).structured_content
    assert broken["verified"] is False and broken["first_bad_seq"] == 2 and "edited" in broken["reason"]
    assert any(
        f["check"] == "gdpr-integrity-of-records" and "record 2" in f["message"] for f in gdpr["findings"]
    )


async def test_deleting_the_newest_audit_records_is_caught_by_an_anchor(suite: Suite) -> None:
    """The hash chain alone cannot show its newest records deleted (what is left still chains); a signed
    anchor of the head can: audit_trail and verify_attestation both name the missing record."""
    for i in range(5):
        suite.audit.append("forge", "optimize", "agent:x", {"i": i}, "ok")
    async with Client(kit.mcp) as client:
        anchored = await client.call_tool("anchor_audit", {})
        assert not anchored.is_error, anchored.content[0].text
        envelope = anchored.structured_content["envelope"]
        for i in range(2):
            suite.audit.append("forge", "rollback", "agent:x", {"i": i}, "ok")
        ok = (await client.call_tool("audit_trail", {})).structured_content
        assert ok["verified"] is True and ok["anchors_checked"] == 1
        intact = (await client.call_tool("verify_attestation", {"envelope": envelope})).structured_content
        assert intact["valid"] and intact["audit_head"]["seq"] == 5 and intact["audit_head_intact"] is True
        suite.store.connection().execute("DELETE FROM audit_log WHERE seq >= 4")
        assert suite.audit.verify().ok  # what is left still chains
        broken = (await client.call_tool("audit_trail", {})).structured_content
        checked = (await client.call_tool("verify_attestation", {"envelope": envelope})).structured_content
        gdpr = (await client.call_tool("check", {"target": "suite", "framework": "gdpr"})).structured_content
    assert any(
        f["check"] == "gdpr-integrity-of-records" and "record 5" in f["message"] for f in gdpr["findings"]
    )
    assert broken["verified"] is False and broken["first_bad_seq"] == 5
    assert "newest records were deleted" in broken["reason"] and "ends at record 3" in broken["reason"]
    assert checked["valid"] is False and checked["audit_head_intact"] is False
    assert any("record 5" in r and "deleted" in r for r in checked["reasons"])


async def test_a_log_rewritten_with_recomputed_hashes_is_caught_by_a_pin(suite: Suite) -> None:
    """Someone with write access edits record 2 and recomputes every hash after it: the chain verifies,
    but the head an attestation pinned is no longer there."""
    import json

    from servers.compliance import attestations
    from shared.audit import AuditRecord, record_hash

    for i in range(4):
        suite.audit.append("forge", "optimize", "agent:x", {"i": i}, "ok")
    attestations.anchor_audit(suite)
    db = suite.store.connection()
    rows = [AuditRecord(**dict(r)) for r in db.execute("SELECT * FROM audit_log ORDER BY seq")]
    prev = rows[0].hash
    for rec in rows[1:]:
        body = rec.body() | {"prev_hash": prev} | ({"outcome": "refused"} if rec.seq == 2 else {})
        prev = record_hash(body)
        db.execute(
            "UPDATE audit_log SET outcome=:outcome, prev_hash=:prev, hash=:hash WHERE seq=:seq",
            {"outcome": body["outcome"], "prev": body["prev_hash"], "hash": prev, "seq": rec.seq},
        )
    assert suite.audit.verify().ok
    async with Client(kit.mcp) as client:
        trail = (await client.call_tool("audit_trail", {})).structured_content
    assert trail["verified"] is False and trail["first_bad_seq"] == 4 and "rewritten" in trail["reason"]
    assert json.loads(json.dumps(trail))["anchors_checked"] == 1


async def test_anchoring_a_broken_or_empty_log_is_refused(offline_suite: Suite) -> None:
    async with Client(kit.mcp) as client:
        empty = await client.call_tool("anchor_audit", {})
        offline_suite.audit.append("forge", "optimize", "agent:x", {}, "ok")
        offline_suite.audit.append("forge", "optimize", "agent:x", {}, "ok")
        offline_suite.store.connection().execute("UPDATE audit_log SET caller='someone-else' WHERE seq=1")
        broken = await client.call_tool("anchor_audit", {})
        bad_days = await client.call_tool("anchor_audit", {"expires_in_days": 0})
    assert empty.is_error and "empty" in empty.content[0].text
    assert broken.is_error and "broken at record 1" in broken.content[0].text
    assert bad_days.is_error and "expires_in_days" in bad_days.content[0].text


async def test_bad_input_gets_clear_errors_and_the_server_keeps_answering(offline_suite: Suite) -> None:
    async with Client(kit.mcp) as client:
        malformed = await client.call_tool(
            "check", {"target": "kind: Pod\nspec: [unclosed\n  x: 1\n", "framework": "pss-baseline"}
        )
        assert malformed.is_error and "line 3, column" in malformed.content[0].text
        unknown_fw = await client.call_tool("check", {"target": BAD, "framework": "pci-dss"})
        assert unknown_fw.is_error and "pss-restricted" in unknown_fw.content[0].text
        bad_version = await client.call_tool(
            "check", {"target": BAD, "framework": "pss-baseline", "version": "v1.99"}
        )
        assert bad_version.is_error and "v1.0 to v1.37" in bad_version.content[0].text
        no_pods = await client.call_tool(
            "check", {"target": "kind: Service\nmetadata: {name: s}\n", "framework": "pss-baseline"}
        )
        assert no_pods.is_error and "Service x1" in no_pods.content[0].text
        mismatch = await client.call_tool("check", {"target": BAD, "framework": "gdpr"})
        assert mismatch.is_error and 'target "suite"' in mismatch.content[0].text
        missing = await client.call_tool(
            "check", {"target": "/nonexistent/x.yaml", "framework": "pss-baseline"}
        )
        assert (
            missing.is_error and "not one this server may read" in missing.content[0].text
        )  # as any refused path
        garbage = await client.call_tool("verify_attestation", {"envelope": "\x00" * 5000})
        assert not garbage.is_error and garbage.structured_content["valid"] is False
        nothing = await client.call_tool("attest", {})
        assert nothing.is_error and "result_id" in nothing.content[0].text
        huge = await client.call_tool("audit_trail", {"since": 1e308, "limit": 10**12})
        assert huge.is_error and "limit" in huge.content[0].text
        alive = await client.call_tool("policies", {})
    assert not alive.is_error
    names = {f["name"] for f in alive.structured_content["frameworks"]}
    assert names == {
        "pss-baseline",
        "pss-restricted",
        "k8s-best-practices",
        "k8s-hardening",
        "gdpr",
        "hipaa",
        "soc2",
    }
