"""Hardware jobs shared by several nodes (gateway replicas on one database), with real processes.

"node-a" is a separate Python process (and the job runner it starts) with HDR_NODE_NAME=node-a;
this test process is "node-b". Both use the same state: one HDR_HOME's SQLite database, then a PostgreSQL database (HDR_STATE_URL). node-b must see, cancel and
collect node-a's jobs, must not count node-a's runner as dead because its pid is not its own, and
must mark a job died once node-a's runner stops renewing its heartbeat (killed with SIGKILL)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hardware_circuits import WHILE_FOREVER, ghz

from servers.hardware import jobs
from shared.errors import Conflict
from shared.suite import Suite

ROOT = Path(__file__).resolve().parents[2]
LEASE_S = 2

SUBMIT = """
import json, sys
from servers.hardware import jobs
from shared.config import Config
from shared.suite import Suite
suite = Suite(Config.from_env())
qasm, shots = sys.stdin.read(), int(sys.argv[1])
job = jobs.submit(suite.store, str(suite.config.home), qasm, shots=shots, method="automatic", seed=7,
                  noise=None, optimization_level=1)
print(json.dumps({"job_id": job.job_id}))
"""


@pytest.fixture
def node_b(backend_suite: Suite, monkeypatch: pytest.MonkeyPatch) -> Suite:
    """This process as node-b, on SQLite and on PostgreSQL (HDR_STATE_URL reaches node-a's processes)."""
    monkeypatch.setenv("HDR_NODE_NAME", "node-b")
    monkeypatch.setenv("HDR_HARDWARE_JOB_LEASE_S", str(LEASE_S))
    monkeypatch.setenv("HDR_HARDWARE_JOB_RUNNERS", "1")
    return backend_suite


def submit_on_node_a(qasm: str, shots: int, log: Path) -> str:
    """Submit from another process that calls itself node-a; its runner inherits the name (and `log`
    as stderr: a pipe would stay open as long as the detached runner lives)."""
    env = dict(os.environ, HDR_NODE_NAME="node-a")
    with log.open("ab") as stderr:
        out = subprocess.run(
            [sys.executable, "-c", SUBMIT, str(shots)],
            input=qasm.encode(),
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=stderr,
            timeout=120,
        )
    assert out.returncode == 0, log.read_text()[-2000:]
    return json.loads(out.stdout.decode().strip().splitlines()[-1])["job_id"]


def wait_state(suite: Suite, job_id: str, states: set[str], timeout: float = 120) -> jobs.Job:
    deadline = time.monotonic() + timeout
    while True:
        status = jobs.status(suite.store, job_id, None, str(suite.config.home))
        if status.state in states or time.monotonic() > deadline:
            return status
        time.sleep(0.05)  # polling another process, not a timing assumption


def job_row(suite: Suite, job_id: str) -> dict:
    row = (
        suite.store.connection()
        .execute("SELECT * FROM hardware_jobs WHERE id=:id", {"id": job_id})
        .fetchone()
    )
    return dict(row)


def gone(pid: int, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while jobs.process_start_token(pid) is not None:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_a_job_submitted_on_one_node_is_collected_on_another(node_b: Suite, tmp_path: Path) -> None:
    job_id = submit_on_node_a(ghz(5), 512, tmp_path / "node-a.log")
    done = wait_state(node_b, job_id, {"done", "failed", "died"})
    result = jobs.result(node_b.store, job_id)
    assert done.state == "done", done.message
    assert job_row(node_b, job_id)["node"] == "node-a"
    assert set(result.result.counts) == {"00000", "11111"} and sum(result.result.counts.values()) == 512


def test_a_running_job_of_another_node_is_cancelled_from_this_one_and_the_cap_is_shared(
    node_b: Suite, tmp_path: Path
) -> None:
    running_id = submit_on_node_a(WHILE_FOREVER, 1, tmp_path / "node-a.log")
    try:
        running = wait_state(node_b, running_id, {"running", "done", "failed", "died"})
        assert running.state == "running"
        # Beats arrive from node-a's runner; node-b keeps the job running on them, never on its own pid table.
        first_beat = job_row(node_b, running_id)["heartbeat_at"]
        deadline = time.monotonic() + 30
        while job_row(node_b, running_id)["heartbeat_at"] == first_beat and time.monotonic() < deadline:
            time.sleep(0.05)
        assert job_row(node_b, running_id)["heartbeat_at"] > first_beat
        # node-b submits too: the cap of one runner counts node-a's live runner, so no second one starts.
        queued = jobs.submit(
            node_b.store,
            str(node_b.config.home),
            ghz(3),
            shots=8,
            method="automatic",
            seed=None,
            noise=None,
            optimization_level=1,
        )
        runners = node_b.store.connection().execute("SELECT node FROM hardware_job_runners").fetchall()
        assert [r["node"] for r in runners] == ["node-a"] and queued.state == "queued"
        cancelled = jobs.cancel(node_b.store, running_id)
        assert cancelled.state == "cancelled"
        # node-a's runner notices the cancel, then takes node-b's queued job and finishes it.
        assert wait_state(node_b, queued.job_id, {"done", "failed", "died"}).state == "done"
        assert gone(job_row(node_b, running_id)["pid"])
    finally:
        jobs.cancel(node_b.store, running_id)


def test_a_job_whose_node_died_is_marked_died_by_the_next_node_that_looks(
    node_b: Suite, tmp_path: Path
) -> None:
    job_id = submit_on_node_a(WHILE_FOREVER, 1, tmp_path / "node-a.log")
    running = wait_state(node_b, job_id, {"running", "done", "failed", "died"})
    assert running.state == "running"
    pid = job_row(node_b, job_id)["pid"]
    os.kill(pid, signal.SIGKILL)  # node-a's runner dies with its machine: no clean-up, no last write
    died = wait_state(node_b, job_id, {"died", "done", "failed", "cancelled"}, timeout=LEASE_S * 15)
    assert died.state == "died"
    # node-b could not see node-a's process: the heartbeat's silence told it, and the message says so.
    assert "no heartbeat" in died.message and f"pid {pid}" in died.message
    assert (
        died.finished_at is not None and died.finished_at - job_row(node_b, job_id)["heartbeat_at"] > LEASE_S
    )
    with pytest.raises(Conflict, match="died"):  # the job is kept, with its state, for its owner to see
        jobs.result(node_b.store, job_id)
