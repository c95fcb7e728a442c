"""Long circuit runs as jobs, run by a bounded number of job runner processes (`job_worker`).

A submitted job is queued in the shared SQLite store. At most `job_runners` runner processes exist
across every hardware server on the machine (counted in the store, under its write lock); each is
started in its own session, so jobs outlive the client's request and the server process itself. A
runner takes the oldest queued job, runs it in a sandbox worker under the job's wall-time, CPU and
memory limits (see `sandbox`), and takes the next, retiring when none is left. One caller may have
`jobs_per_caller` jobs queued or running, and all callers together `max_queued_jobs`.

Several machines (gateway replicas on one PostgreSQL) share the queue: each job and runner row names
the node that runs it (HDR_NODE_NAME, else the host name) and carries a heartbeat the runner renews
every third of the lease (HDR_HARDWARE_JOB_LEASE_S, default 30 s). A process on the runner's own node
checks the runner's process; any other node trusts the heartbeat only, since a pid means nothing in
another machine's process table. A job whose runner is gone is marked `died` by the next process that
looks at it (its status, or any submit), so a replica killed mid-job never leaves it running forever.

Jobs belong to the principal that submitted them: another principal gets the same "not found" as
for an id that does not exist (`shared.ownership`). Any hardware process can report on any job; a
runner that died (killed) is noticed by checking its process, and its job is reported as `died`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field

from servers.hardware.limits import Limits, node_name
from servers.hardware.quantum import CircuitRun, NoiseSpec, circuit_request, run_from_json
from shared.errors import BadInput, Conflict, NotFound, Refused
from shared.ownership import may_access
from shared.store import METADATA, BigInt, Double, Migration, Store, add_missing_columns, col

JobState = Literal["queued", "running", "done", "failed", "cancelled", "died"]
FINISHED = ("done", "failed", "cancelled", "died")
_JOB_ID = re.compile(r"^job-[0-9a-f]{16}$")

hardware_jobs = sa.Table(
    "hardware_jobs",
    METADATA,
    col("id", sa.Text, primary_key=True),
    col("state", sa.Text),
    col("request", sa.Text),
    col("pid", BigInt, nullable=True),
    col("pid_start", sa.Text, nullable=True),
    col("progress", Double, server_default="0"),
    col("message", sa.Text, server_default=""),
    col("result", sa.Text, nullable=True),
    col("error", sa.Text, nullable=True),
    col("submitted_at", Double),
    col("started_at", Double, nullable=True),
    col("finished_at", Double, nullable=True),
    col("owner", sa.Text, nullable=True),
    col("node", sa.Text, nullable=True),  # where the runner runs: its pid means something only there
    col("heartbeat_at", Double, nullable=True),  # renewed by the runner; other nodes judge it by this
)
hardware_job_runners = sa.Table(
    "hardware_job_runners",
    METADATA,
    col("id", sa.Text, primary_key=True),
    col("pid", BigInt, nullable=True),
    col("pid_start", sa.Text, nullable=True),
    col("created_at", Double),
    col("node", sa.Text, nullable=True),
    col("heartbeat_at", Double, nullable=True),
)
SCHEMA = [hardware_jobs, hardware_job_runners]
KEPT_FINISHED_PER_OWNER = 200  # finished jobs (with their source and counts) kept per owner; older ones go
RUNNER_START_GRACE_S = 60.0  # a runner row with no process after this long lost its launcher

_children: dict[int, subprocess.Popen[bytes]] = {}  # workers this process started, reaped when polled
_children_lock = threading.Lock()


class Job(BaseModel):
    # A submitted circuit job as the store has it (the request's shots and method, not its source);
    # models.JobStatus is its output form (inherits these fields and descriptions).
    model_config = ConfigDict(frozen=True)

    job_id: str
    state: JobState = Field(
        description="queued, running, done, failed, cancelled, or died (worker process gone)"
    )
    progress: float = Field(description="Fraction done, 0-1")
    message: str
    submitted_at: float
    started_at: float | None
    finished_at: float | None
    shots: int
    method: str


@dataclass(frozen=True)
class FinishedJob:
    job_id: str
    state: Literal["done"]
    result: CircuitRun


MIGRATIONS = [
    # Databases from before versioned migrations may predate jobs having owners.
    Migration(2, "jobs have owners", lambda db: add_missing_columns(db, hardware_jobs, ["owner"])),
    Migration(3, "jobs and runners name their node and carry a heartbeat", lambda db: _add_node_columns(db)),
]


def _add_node_columns(db: Any) -> None:
    add_missing_columns(db, hardware_jobs, ["node", "heartbeat_at"])
    add_missing_columns(db, hardware_job_runners, ["node", "heartbeat_at"])


def _schema(store: Store) -> None:
    store.ensure_schema("hardware_jobs", SCHEMA, MIGRATIONS)


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


def _check_room(db: Any, limits: Limits, owner: str | None) -> None:
    """Refused when the caller, or the suite, has as many jobs queued or running as it may."""
    active = db.execute("SELECT owner FROM hardware_jobs WHERE state IN ('queued','running')").fetchall()
    mine = sum(1 for row in active if row["owner"] == owner)
    if mine >= limits.jobs_per_caller:
        raise Refused(
            f"You already have {mine} jobs queued or running; the cap per caller is "
            f"{limits.jobs_per_caller}.",
            "Wait for one to finish, or cancel one with cancel_job.",
        )
    if len(active) >= limits.max_queued_jobs:
        raise Refused(
            f"{len(active)} jobs are queued or running; the cap is {limits.max_queued_jobs}.",
            "Try again when some have finished.",
        )


def submit(
    store: Store,
    home: str,
    qasm: str,
    *,
    shots: int,
    method: str,
    seed: int | None,
    noise: NoiseSpec | None,
    optimization_level: int,
    limits: Limits | None = None,
    owner: str | None = None,
) -> Job:
    """Check the request cheaply, queue the job under the caps, and start a runner if fewer than
    `job_runners` are alive. The runner parses and runs it in a sandbox worker."""
    limits = limits or Limits.from_env()
    request = circuit_request(
        qasm,
        shots=shots,
        method=method,
        seed=seed,
        noise=noise,
        optimization_level=optimization_level,
        limits=limits,
    )
    request["wall_s"] = limits.job_timeout_s
    request["cpu_s"] = limits.cpu_s(limits.job_timeout_s)
    _schema(store)
    reap_children()
    job_id = f"job-{uuid.uuid4().hex[:16]}"
    with store.transaction() as db:
        _mark_lost(db, limits.job_lease_s)  # a dead replica's jobs no longer count against the caps
        _check_room(db, limits, owner)
        db.execute(
            "INSERT INTO hardware_jobs(id, state, request, message, submitted_at, owner)"
            " VALUES (:id, 'queued', :request, 'waiting for a job runner', :at, :owner)",
            {"id": job_id, "request": json.dumps(request), "at": time.time(), "owner": owner},
        )
        # Storage stays bounded however often one caller submits and cancels.
        db.execute(
            "DELETE FROM hardware_jobs WHERE owner IS NOT DISTINCT FROM :owner AND state NOT IN ('queued','running')"
            " AND id NOT IN (SELECT id FROM hardware_jobs WHERE owner IS NOT DISTINCT FROM :owner AND state"
            " NOT IN ('queued','running') ORDER BY submitted_at DESC LIMIT :kept)",
            {"owner": owner, "kept": KEPT_FINISHED_PER_OWNER},
        )
        runner = _claim_runner_slot(db, limits)
    if runner is not None:
        _start_runner(store, home, runner)
    return status(store, job_id, owner)


def _runner_gone(row: Any, lease_s: float) -> bool:
    """Whether the runner a job row names is gone: its process, checked on its own node; its heartbeat,
    from any other node (a pid means nothing in another machine's process table)."""
    if row["node"] in (None, node_name()):
        return row["pid"] is None or not _alive(row["pid"], row["pid_start"])
    last = row["heartbeat_at"] if row["heartbeat_at"] is not None else row["started_at"]
    return last is None or time.time() - last > lease_s


def _lost_message(row: Any, lease_s: float) -> str:
    if row["node"] in (None, node_name()):
        return f"the job runner process (pid {row['pid']}) exited without finishing: killed; submit the circuit again"
    return (
        f"the job runner (pid {row['pid']} on another node) sent no heartbeat for over {lease_s:.0f} s: "
        "its machine or replica died; submit the circuit again"
    )


def _mark_lost(db: Any, lease_s: float, job_id: str | None = None) -> int:
    """Mark running jobs (or the one `job_id`) whose runner is gone as died; inside a write transaction."""
    sql = "SELECT id, pid, pid_start, node, heartbeat_at, started_at FROM hardware_jobs WHERE state='running'"
    rows = db.execute(sql + (" AND id=:id" if job_id else ""), {"id": job_id} if job_id else {}).fetchall()
    lost = [row for row in rows if _runner_gone(row, lease_s)]
    for row in lost:
        db.execute(
            "UPDATE hardware_jobs SET state='died', finished_at=:at, message=:message WHERE id=:id AND state='running'",
            {"at": time.time(), "message": _lost_message(row, lease_s), "id": row["id"]},
        )
    return len(lost)


def _runner_alive(row: Any, lease_s: float) -> bool:
    now = time.time()
    if row["node"] not in (None, node_name()):
        return now - (row["heartbeat_at"] or row["created_at"]) <= lease_s
    if row["pid"] is None:
        return now - row["created_at"] < RUNNER_START_GRACE_S
    return _alive(row["pid"], row["pid_start"])


def _live_runners(db: Any, lease_s: float) -> int:
    """Runners still alive (dead rows are removed); call inside a write transaction."""
    live = 0
    for row in db.execute(
        "SELECT id, pid, pid_start, created_at, node, heartbeat_at FROM hardware_job_runners"
    ).fetchall():
        if _runner_alive(row, lease_s):
            live += 1
        else:
            db.execute("DELETE FROM hardware_job_runners WHERE id=:id", {"id": row["id"]})
    return live


def _claim_runner_slot(db: Any, limits: Limits) -> str | None:
    """A new runner's id when there is room for one (and queued work), inside the caller's transaction.
    Jobs of runners found gone on the way are marked died first."""
    _mark_lost(db, limits.job_lease_s)
    if _live_runners(db, limits.job_lease_s) >= limits.job_runners:
        return None
    runner = f"runner-{uuid.uuid4().hex[:12]}"
    now = time.time()
    db.execute(
        "INSERT INTO hardware_job_runners(id, created_at, node, heartbeat_at) VALUES (:id, :at, :node, :at)",
        {"id": runner, "at": now, "node": node_name()},
    )
    return runner


def _start_runner(store: Store, home: str, runner: str) -> None:
    env = dict(os.environ, HDR_HOME=str(home))
    proc = subprocess.Popen(
        [sys.executable, "-m", "servers.hardware.job_worker", runner],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=None,
        start_new_session=True,
    )
    with _children_lock:
        _children[proc.pid] = proc
    token = process_start_token(proc.pid)
    with store.transaction() as db:
        db.execute(
            "UPDATE hardware_job_runners SET pid=COALESCE(pid, :pid), pid_start=COALESCE(pid_start, :token) "
            "WHERE id=:id",
            {"pid": proc.pid, "token": token, "id": runner},
        )


def dispatch(store: Store, home: str, limits: Limits | None = None) -> None:
    """Start a runner when jobs are queued and fewer runners than allowed are alive (one was killed)."""
    limits = limits or Limits.from_env()
    with store.transaction() as db:
        queued = db.execute("SELECT 1 FROM hardware_jobs WHERE state='queued' LIMIT 1").fetchone()
        runner = _claim_runner_slot(db, limits) if queued else None
    if runner is not None:
        _start_runner(store, home, runner)


def _row(store: Store, job_id: str, principal: str | None) -> Any:
    """The job's row, if `principal` may see it; otherwise the same NotFound as for a missing id."""
    if not isinstance(job_id, str) or not _JOB_ID.match(job_id):
        raise BadInput(
            "`job_id` is not a job id.", "Send the job_id that submit_circuit returned (job-<16 hex digits>)."
        )
    _schema(store)
    row = store.connection().execute("SELECT * FROM hardware_jobs WHERE id=:id", {"id": job_id}).fetchone()
    if row is None or not may_access(row["owner"], principal):
        raise NotFound(f"No job {job_id}.", "Send a job_id that submit_circuit returned.")
    return row


def status(store: Store, job_id: str, principal: str | None = None, home: str | None = None) -> Job:
    """The job's state; a running job whose runner is gone (its process on this node, its heartbeat
    from another) is marked died. With `home`, a queued job with no live runner gets one started."""
    row = _row(store, job_id, principal)
    if row["state"] == "queued" and home is not None:
        dispatch(store, home)
    if row["state"] == "running" and _runner_gone(row, Limits.from_env().job_lease_s):
        with store.transaction() as db:
            _mark_lost(db, Limits.from_env().job_lease_s, job_id)
        row = _row(store, job_id, principal)
    request = json.loads(row["request"])
    return Job(
        job_id=job_id,
        state=row["state"],
        progress=row["progress"],
        message=row["message"],
        submitted_at=row["submitted_at"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        shots=request["shots"],
        method=request["method"],
    )


def result(store: Store, job_id: str, principal: str | None = None) -> FinishedJob:
    current = status(store, job_id, principal)
    if current.state in ("queued", "running"):
        raise Conflict(
            f"Job {job_id} is still {current.state} ({current.progress:.0%}).",
            "Call job_status until the state is done, then ask again.",
        )
    if current.state != "done":
        raise Conflict(
            f"Job {job_id} has no result: it {current.state}. {current.message}", "Submit the circuit again."
        )
    row = _row(store, job_id, principal)
    return FinishedJob(job_id=job_id, state="done", result=run_from_json(row["result"]))


def cancel(store: Store, job_id: str, principal: str | None = None) -> Job:
    """Stop a queued or running job; finished jobs are left as they are. A running job's runner
    notices within a fraction of a second and kills the job's sandbox worker."""
    row = _row(store, job_id, principal)
    if row["state"] in ("queued", "running"):
        with store.transaction() as db:
            db.execute(
                "UPDATE hardware_jobs SET state='cancelled', finished_at=:at, message='cancelled on request' "
                "WHERE id=:id AND state IN ('queued','running')",
                {"at": time.time(), "id": job_id},
            )
    return status(store, job_id, principal)
