"""One end-to-end tool call per server with all state in PostgreSQL (HDR_STATE_URL): each server's
tables are created there, its writes land there (hardware's job runs in a runner process that finds
the job through PostgreSQL), and the audit chain of all their calls verifies there."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mcp import Client

from shared.config import Config
from shared.suite import Suite, set_suite

GHZ = (
    'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\n'
)
CARD = {
    "name": "Night Owl",
    "description": "Night Owl, an agent for tests",
    "url": "https://agents.example/a2a",
    "version": "1.0.0",
    "protocolVersion": "0.3.0",
    "capabilities": {"streaming": False},
    "defaultInputModes": ["text/plain"],
    "defaultOutputModes": ["text/plain"],
    "skills": [
        {"id": "watch", "name": "Watch batch jobs", "tags": ["batch"], "description": "Watches jobs."}
    ],
}
POD = """apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: web
    image: nginx:1.27
    securityContext: {privileged: true}
"""


@pytest.fixture
def pg_suite(
    postgres_url: str, hdr_home: Path, chroma_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Suite]:
    monkeypatch.setenv("HDR_STATE_URL", postgres_url)
    monkeypatch.setenv("HDR_MEMORY_URL", chroma_url)
    monkeypatch.setenv("HDR_MEMORY_COLLECTION", f"test-{uuid.uuid4().hex[:12]}")
    suite = Suite(Config.from_env())
    set_suite(suite)
    yield suite
    set_suite(None)
    suite.store.close()


def ok(result: Any) -> dict[str, Any]:
    assert not result.is_error, result.content[0].text
    return result.structured_content


async def test_every_server_keeps_its_state_in_postgresql(
    pg_suite: Suite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from servers.compliance.server import kit as compliance
    from servers.forge import server as forge
    from servers.hardware.server import kit as hardware
    from servers.nexus.server import kit as nexus
    from servers.phantom.server import kit as phantom

    assert pg_suite.store.dialect == "postgresql"
    forge._forges.clear()
    async with Client(forge.kit.mcp) as client:
        proposal = ok(await client.call_tool("analyze", {}))["proposal_id"]
    assert (
        pg_suite.store.connection()
        .execute("SELECT count(*) FROM forge_proposals WHERE id=:id", {"id": proposal})
        .scalar()
        == 1
    )
    async with Client(phantom.mcp) as client:
        made = ok(await client.call_tool("encrypt", {"plaintext": "on postgres", "key": "reports"}))
        opened = ok(await client.call_tool("decrypt", {"ciphertext": made["ciphertext"], "key": "reports"}))
        assert opened["plaintext"] == "on postgres"
    async with Client(nexus.mcp) as client:
        ok(await client.call_tool("register", {"card": CARD}))
        handed = ok(await client.call_tool("handoff", {"to_agent": "night-owl", "task": "watch tonight"}))
        assert handed["status"] == "pending"
    async with Client(hardware.mcp) as client:
        job = ok(await client.call_tool("submit_circuit", {"qasm": GHZ, "shots": 64}))
        deadline = time.monotonic() + 120
        while (state := ok(await client.call_tool("job_status", {"job_id": job["job_id"]}))["state"]) in (
            "queued",
            "running",
        ):
            assert time.monotonic() < deadline, "the runner process never finished the job"
            await __import__("anyio").sleep(0.2)
        assert state == "done"
    monkeypatch.setenv("HDR_FILE_ROOTS", str(tmp_path))
    (tmp_path / "pod.yaml").write_text(POD)
    async with Client(compliance.mcp) as client:
        checked = ok(
            await client.call_tool(
                "check", {"target": str(tmp_path / "pod.yaml"), "framework": "pss-baseline"}
            )
        )
        ok(await client.call_tool("attest", {"result_id": checked["id"]}))
    servers = {r.server for r in pg_suite.audit.records()}
    assert {"phantom", "nexus", "hardware", "compliance"} <= servers  # forge's analyze is a read
    assert pg_suite.audit.verify().ok
    assert not (pg_suite.config.home / "state.db").exists()  # nothing went to SQLite
