"""Quantum circuits through a real MCP client on real Qiskit Aer, and jobs in real worker processes."""

from __future__ import annotations

import os
import signal
import time

import pytest
from hardware_circuits import ghz
from mcp import Client

from servers.hardware import jobs
from servers.hardware.server import kit
from shared.suite import Suite

BELL3 = 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;\n'
T_GATES = (
    'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[40];\ncreg c[40];\nh q[0];\nt q[0];\ncx q[0],q[1];\n'
    "measure q -> c;\n"
)
# Mid-circuit measurement makes Aer simulate shot by shot: a job long enough to be caught running.
SLOW = (
    'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[18];\ncreg c[18];\n'
    + "".join(f"h q[{i}];\nt q[{i}];\n" for i in range(18))
    + "measure q[0] -> c[0];\n"
    + "".join(f"cx q[{i}],q[{i + 1}];\n" for i in range(17))
    + "measure q -> c;\n"
)


@pytest.mark.parametrize("mode", ["legacy", "2026-07-28"])
async def test_ghz_counts_are_all_zeros_or_all_ones(mode: str, offline_suite: Suite) -> None:
    async with Client(kit.mcp, mode=mode) as client:
        result = await client.call_tool("run_circuit", {"qasm": ghz(20), "shots": 1024, "seed": 11})
    assert not result.is_error, result.content[0].text
    run = result.structured_content
    assert set(run["counts"]) == {"0" * 20, "1" * 20} and sum(run["counts"].values()) == 1024
    assert run["probabilities"]["0" * 20] == run["counts"]["0" * 20] / 1024
    assert run["method"] == "stabilizer" and run["requested_method"] == "automatic"  # Clifford: Aer's choice
    assert run["qubits"] == 20 and run["width"] == 40 and run["depth"] >= 20 and run["size"] >= 40


async def test_openqasm3_runs_and_a_seed_makes_counts_reproducible(offline_suite: Suite) -> None:
    async with Client(kit.mcp) as client:
        a = await client.call_tool(
            "run_circuit", {"qasm": BELL3, "shots": 500, "seed": 3, "method": "statevector"}
        )
        b = await client.call_tool(
            "run_circuit", {"qasm": BELL3, "shots": 500, "seed": 3, "method": "statevector"}
        )
    assert not a.is_error, a.content[0].text
    assert a.structured_content["counts"] == b.structured_content["counts"]
    assert (
        set(a.structured_content["counts"]) == {"00", "11"}
        and a.structured_content["method"] == "statevector"
    )


async def test_readout_noise_flips_bits(offline_suite: Suite) -> None:
    zero = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\ncreg c[1];\nid q[0];\nmeasure q -> c;\n'
    async with Client(kit.mcp) as client:
        clean = await client.call_tool("run_circuit", {"qasm": zero, "shots": 4000, "seed": 5})
        noisy = await client.call_tool(
            "run_circuit", {"qasm": zero, "shots": 4000, "seed": 5, "noise": {"readout": 0.2}}
        )
    assert clean.structured_content["counts"] == {"0": 4000}
    assert 0.15 < noisy.structured_content["probabilities"]["1"] < 0.25


async def test_bad_circuits_get_errors_that_say_where_and_what_instead(
    offline_suite: Suite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HDR_HARDWARE_MAX_MEMORY_MB", "1024")
    async with Client(kit.mcp) as client:
        qasm2 = await client.call_tool(
            "run_circuit",
            {"qasm": 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nh q[0]\ncx q[0],q[1];\n'},
        )
        qasm3 = await client.call_tool("run_circuit", {"qasm": "OPENQASM 3.0;\nqubit[2] q;\nh q[0] q[1];\n"})
        no_header = await client.call_tool("run_circuit", {"qasm": "h q[0];"})
        too_big = await client.call_tool("run_circuit", {"qasm": T_GATES, "method": "statevector"})
        automatic = await client.call_tool("run_circuit", {"qasm": T_GATES})
        stabilizer = await client.call_tool("run_circuit", {"qasm": T_GATES, "method": "stabilizer"})
        no_measure = await client.call_tool(
            "run_circuit", {"qasm": 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\nh q[0];\n'}
        )
        mps = await client.call_tool(
            "run_circuit", {"qasm": T_GATES, "method": "matrix_product_state", "shots": 100}
        )
        monkeypatch.setenv("HDR_HARDWARE_MAX_QUBITS", "10")
        capped = await client.call_tool("run_circuit", {"qasm": ghz(20)})
        shots = await client.call_tool("run_circuit", {"qasm": ghz(2), "shots": 10**12})
        alive = await client.call_tool("run_circuit", {"qasm": ghz(3)})
    assert qasm2.is_error and "line 5, column 0" in qasm2.content[0].text
    assert qasm3.is_error and "line 3" in qasm3.content[0].text and "column" in qasm3.content[0].text
    assert no_header.is_error and "OPENQASM 2.0;" in no_header.content[0].text
    for refused in (too_big, automatic):
        assert refused.is_error and "1,024 MB" in refused.content[0].text
        assert "matrix_product_state" in refused.content[0].text
    assert stabilizer.is_error and "Clifford circuits only" in stabilizer.content[0].text
    assert no_measure.is_error and "measures nothing" in no_measure.content[0].text
    assert not mps.is_error and mps.structured_content["method"] == "matrix_product_state"
    assert capped.is_error and "20 qubits; the cap is 10" in capped.content[0].text
    assert shots.is_error and "`shots` must be between 1 and 1,000,000" in shots.content[0].text
    assert not alive.is_error


async def test_backends_lists_every_aer_method_with_what_fits_here(offline_suite: Suite) -> None:
    async with Client(kit.mcp) as client:
        result = await client.call_tool("backends", {})
    listed = {b["method"]: b for b in result.structured_content["backends"]}
    assert set(listed) == {"automatic", "statevector", "stabilizer", "matrix_product_state", "density_matrix"}
    assert listed["density_matrix"]["max_qubits_here"] < listed["statevector"]["max_qubits_here"]
    assert (
        "ibm" in result.structured_content["ibm_quantum"].lower()
        or "QISKIT" in result.structured_content["ibm_quantum"]
    )


async def _wait_for(client: Client, job_id: str, states: set[str], timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        status = (await client.call_tool("job_status", {"job_id": job_id})).structured_content
        if status["state"] in states or time.monotonic() > deadline:
            return status
        time.sleep(0.05)  # polling interval while waiting for another process, not a timing assumption


def _exits(pid: int, timeout: float = 30) -> bool:
    """Whether the process goes away (zombies count as gone) before the deadline."""
    deadline = time.monotonic() + timeout
    while jobs.process_start_token(pid) is not None:
        if time.monotonic() > deadline:
            return False
        jobs.reap_children()
        time.sleep(0.02)
    return True


async def test_a_job_runs_in_its_own_process_and_returns_what_run_circuit_returns(
    offline_suite: Suite,
) -> None:
    async with Client(kit.mcp) as client:
        submitted = await client.call_tool("submit_circuit", {"qasm": ghz(12), "shots": 2048, "seed": 9})
        job_id = submitted.structured_content["job_id"]
        early = await client.call_tool("job_result", {"job_id": job_id})
        status = await _wait_for(client, job_id, {"done", "failed", "died"})
        result = await client.call_tool("job_result", {"job_id": job_id})
        direct = await client.call_tool("run_circuit", {"qasm": ghz(12), "shots": 2048, "seed": 9})
    assert submitted.structured_content["state"] in ("queued", "running")
    assert early.is_error or early.structured_content["state"] == "done"
    assert status["state"] == "done" and status["progress"] == 1.0
    assert result.structured_content["result"]["counts"] == direct.structured_content["counts"]
    pid = (
        offline_suite.store.connection()
        .execute("SELECT pid FROM hardware_jobs WHERE id=:id", {"id": job_id})
        .fetchone()[0]
    )
    assert pid != os.getpid() and _exits(pid)  # the worker finished and exited


async def test_a_job_whose_process_is_killed_is_reported_as_died(offline_suite: Suite) -> None:
    async with Client(kit.mcp) as client:
        job_id = (
            await client.call_tool(
                "submit_circuit", {"qasm": SLOW, "shots": 1_000_000, "method": "statevector"}
            )
        ).structured_content["job_id"]
        running = await _wait_for(client, job_id, {"running", "done", "failed", "died"})
        pid = (
            offline_suite.store.connection()
            .execute("SELECT pid FROM hardware_jobs WHERE id=:id", {"id": job_id})
            .fetchone()[0]
        )
        os.kill(pid, signal.SIGKILL)
        died = await _wait_for(client, job_id, {"died"}, timeout=30)
        result = await client.call_tool("job_result", {"job_id": job_id})
    assert running["state"] == "running"
    assert died["state"] == "died" and f"pid {pid}" in died["message"]
    assert result.is_error and "died" in result.content[0].text


async def test_cancel_stops_a_running_job(offline_suite: Suite) -> None:
    async with Client(kit.mcp) as client:
        job_id = (
            await client.call_tool(
                "submit_circuit", {"qasm": SLOW, "shots": 1_000_000, "method": "statevector"}
            )
        ).structured_content["job_id"]
        running = await _wait_for(client, job_id, {"running", "done", "failed", "died"})
        cancelled = await client.call_tool("cancel_job", {"job_id": job_id})
        later = await client.call_tool("job_status", {"job_id": job_id})
        unknown = await client.call_tool("job_status", {"job_id": "job-0123456789abcdef"})
        malformed = await client.call_tool("cancel_job", {"job_id": "../../etc/passwd"})
    assert running["state"] == "running"
    assert (
        cancelled.structured_content["state"] == "cancelled"
        and later.structured_content["state"] == "cancelled"
    )
    pid = (
        offline_suite.store.connection()
        .execute("SELECT pid FROM hardware_jobs WHERE id=:id", {"id": job_id})
        .fetchone()[0]
    )
    assert _exits(pid)
    assert unknown.is_error and "No job job-0123456789abcdef" in unknown.content[0].text
    assert malformed.is_error and "not a job id" in malformed.content[0].text
    assert [r.tool for r in offline_suite.audit.records()].count("cancel_job") == 2
