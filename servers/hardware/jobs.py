"""Long circuit runs as jobs: each runs in its own worker process (`job_worker`), started in its
own session so it outlives the client's request and the server process itself. The job record
lives in the shared SQLite store, so any hardware process can report on any job; a worker that
died (killed, out of memory) is noticed by checking its process and reported as `died`."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from typing import Any, Literal

from pydantic import BaseModel, Field

from servers.hardware.limits import Limits
from servers.hardware.quantum import CircuitRun, NoiseSpec, check_request
from shared.errors import BadInput, Conflict, NotFound
from shared.store import Store

JobState = Literal["queued", "running", "done", "failed", "cancelled", "died"]
FINISHED = ("done", "failed", "cancelled", "died")
UNSTARTED_GRACE_S = 60.0  # a queued job with no process after this long lost its launcher
_JOB_ID = re.compile(r"^job-[0-9a-f]{16}$")

SCHEMA = """
CREATE TABLE IF NOT EXISTS hardware_jobs (
  id TEXT PRIMARY KEY, state TEXT NOT NULL, request TEXT NOT NULL,
  pid INTEGER, pid_start TEXT, progress REAL NOT NULL DEFAULT 0, message TEXT NOT NULL DEFAULT '',
  result TEXT, error TEXT, submitted_at REAL NOT NULL, started_at REAL, finished_at REAL)
"""

_children: dict[int, subprocess.Popen[bytes]] = {}  # workers this process started, reaped when polled
_children_lock = threading.Lock()


class JobStatus(BaseModel):
    job_id: str
    state: JobState = Field(description="queued, running, done, failed, cancelled, or died (worker process gone)")
    progress: float = Field(description="Fraction done, 0-1")
    message: str
    submitted_at: float
    started_at: float | None
    finished_at: float | None
    shots: int
    method: str


class JobResult(BaseModel):
    job_id: str
    state: JobState
    result: CircuitRun


def _schema(store: Store) -> None:
    store.ensure_schema("hardware_jobs", SCHEMA)


def process_start_token(pid: int) -> str | None:
    """The kernel's start time of `pid` (so a reused pid is not mistaken for our worker), or
    None when no live process has that pid. Zombies count as dead."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None
    except OSError:
        return None
    if fields[0] in ("Z", "X"):
        return None
    return fields[19]  # field 22 of stat: starttime


def reap_children() -> None:
    """Collect workers of this process that have exited, so they do not linger as zombies."""
    with _children_lock:
        for pid, child in list(_children.items()):
            if child.poll() is not None:
                del _children[pid]


def _alive(pid: int | None, token: str | None) -> bool:
    if pid is None:
        return False
    with _children_lock:
        child = _children.get(pid)
        if child is not None and child.poll() is not None:
            del _children[pid]
    current = process_start_token(pid)
    return current is not None and (token is None or current == token)


def submit(store: Store, home: str, qasm: str, *, shots: int, method: str, seed: int | None,
           noise: NoiseSpec | None, optimization_level: int, limits: Limits | None = None) -> JobStatus:
    """Check the request cheaply, record the job, start its worker. The worker parses and runs."""
    limits = limits or Limits.from_env()
    check_request(qasm, shots, method, optimization_level, limits)
    if seed is not None and not 0 <= seed < 2**63:
        raise BadInput("`seed` must be between 0 and 2**63-1.", "Send a non-negative integer, or omit it.")
    _schema(store)
    reap_children()
    job_id = f"job-{uuid.uuid4().hex[:16]}"
    request = {"qasm": qasm, "shots": shots, "method": method, "seed": seed,
               "noise": noise.model_dump() if noise else None, "optimization_level": optimization_level}
    with store.transaction() as db:
        db.execute("INSERT INTO hardware_jobs(id, state, request, message, submitted_at) VALUES (?,?,?,?,?)",
                   (job_id, "queued", json.dumps(request), "waiting for the worker to start", time.time()))
    env = dict(os.environ, HDR_HOME=str(home))
    proc = subprocess.Popen([sys.executable, "-m", "servers.hardware.job_worker", job_id], env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    with _children_lock:
        _children[proc.pid] = proc
    token = process_start_token(proc.pid)
    with store.transaction() as db:
        db.execute("UPDATE hardware_jobs SET pid=?, pid_start=COALESCE(pid_start, ?) WHERE id=?",
                   (proc.pid, token, job_id))
    return status(store, job_id)


def _row(store: Store, job_id: str) -> Any:
    if not isinstance(job_id, str) or not _JOB_ID.match(job_id):
        raise BadInput("`job_id` is not a job id.", "Send the job_id that submit_circuit returned (job-<16 hex digits>).")
    _schema(store)
    row = store.connection().execute("SELECT * FROM hardware_jobs WHERE id=?", (job_id,)).fetchone()
    if row is None:
        raise NotFound(f"No job {job_id}.", "Send a job_id that submit_circuit returned.")
    return row


def status(store: Store, job_id: str) -> JobStatus:
    """The job's state; a queued or running job whose worker process is gone is marked died."""
    row = _row(store, job_id)
    if row["state"] in ("queued", "running"):
        lost = (row["pid"] is None and time.time() - row["submitted_at"] > UNSTARTED_GRACE_S) or (
            row["pid"] is not None and not _alive(row["pid"], row["pid_start"]))
        if lost:
            with store.transaction() as db:
                db.execute("UPDATE hardware_jobs SET state='died', finished_at=?, message=? "
                           "WHERE id=? AND state IN ('queued','running')",
                           (time.time(), f"the worker process (pid {row['pid']}) exited without finishing: killed "
                            "or out of memory; submit the circuit again", job_id))
            row = _row(store, job_id)
    request = json.loads(row["request"])
    return JobStatus(job_id=job_id, state=row["state"], progress=row["progress"], message=row["message"],
                     submitted_at=row["submitted_at"], started_at=row["started_at"],
                     finished_at=row["finished_at"], shots=request["shots"], method=request["method"])


def result(store: Store, job_id: str) -> JobResult:
    current = status(store, job_id)
    if current.state in ("queued", "running"):
        raise Conflict(f"Job {job_id} is still {current.state} ({current.progress:.0%}).",
                       "Call job_status until the state is done, then ask again.")
    if current.state != "done":
        raise Conflict(f"Job {job_id} has no result: it {current.state}. {current.message}",
                       "Submit the circuit again.")
    row = _row(store, job_id)
    return JobResult(job_id=job_id, state="done", result=CircuitRun.model_validate_json(row["result"]))


def cancel(store: Store, job_id: str) -> JobStatus:
    """Stop a queued or running job (its worker is terminated); finished jobs are left as they are."""
    row = _row(store, job_id)
    if row["state"] not in ("queued", "running"):
        return status(store, job_id)
    with store.transaction() as db:
        db.execute("UPDATE hardware_jobs SET state='cancelled', finished_at=?, message='cancelled on request' "
                   "WHERE id=? AND state IN ('queued','running')", (time.time(), job_id))
    pid = row["pid"]
    if pid is not None and _alive(pid, row["pid_start"]):
        try:
            os.killpg(pid, signal.SIGTERM)  # the worker leads its own session
        except ProcessLookupError:
            pass
        with _children_lock:
            child = _children.get(pid)
        if child is not None:
            try:
                child.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(pid, signal.SIGKILL)
                child.wait(5)
            with _children_lock:
                _children.pop(pid, None)
    return status(store, job_id)
