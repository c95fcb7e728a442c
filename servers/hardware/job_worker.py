"""A job runner: `python -m servers.hardware.job_worker <runner id>`, started by `jobs`.

It takes the oldest queued job from the shared store, runs it in a sandbox worker process (its
own child) under the job's wall-time, CPU and memory limits, writes progress and the outcome
back, and takes the next. When no job is queued it removes its runner row and exits, in the same
transaction that found nothing, so a job queued meanwhile is never left without a runner. A job
cancelled while it runs is noticed at its next progress tick: the sandbox worker is killed and
the job stays cancelled. HDR_HOME comes from the environment its launcher set.

While it lives, a heartbeat thread renews the runner's and its job's `heartbeat_at` every third of
the lease, so processes on other nodes (replicas sharing PostgreSQL) can tell a slow job from a
runner whose machine died (see `jobs`)."""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
import time
from typing import Any

from servers.hardware.jobs import process_start_token
from servers.hardware.limits import Limits, node_name
from servers.hardware.sandbox import CircuitPool
from shared.config import Config
from shared.errors import HDRError
from shared.store import Store

log = logging.getLogger("hdr.hardware.job")


class _Cancelled(Exception):
    pass


def _next_job(store: Store, runner: str) -> tuple[str, dict[str, Any], str | None] | None:
    """Claim the oldest queued job, or retire this runner when there is none (one transaction)."""
    with store.transaction() as db:
        row = db.execute(
            "SELECT id, request, owner FROM hardware_jobs WHERE state='queued' ORDER BY submitted_at LIMIT 1"
        ).fetchone()
        if row is None:
            db.execute("DELETE FROM hardware_job_runners WHERE id=:id", {"id": runner})
            return None
        now = time.time()
        db.execute(
            "UPDATE hardware_jobs SET state='running', pid=:pid, pid_start=:token, started_at=:at, "
            "node=:node, heartbeat_at=:at, message='parsing and transpiling' WHERE id=:id",
            {
                "pid": os.getpid(),
                "token": process_start_token(os.getpid()),
                "at": now,
                "node": node_name(),
                "id": row["id"],
            },
        )
    return row["id"], json.loads(row["request"]), row["owner"]


def run_job(store: Store, pool: CircuitPool, job_id: str, request: dict[str, Any], owner: str | None) -> None:
    last_check = [0.0]

    def progress(done: float, total: float | None = None, message: str | None = None) -> None:
        now = time.monotonic()
        if now - last_check[0] < 0.2 and done != total:
            return
        last_check[0] = now
        with store.transaction() as db:
            state = db.execute("SELECT state FROM hardware_jobs WHERE id=:id", {"id": job_id}).fetchone()[
                "state"
            ]
            if state != "running":
                raise _Cancelled
            db.execute(
                "UPDATE hardware_jobs SET progress=:progress, message=:message WHERE id=:id",
                {"progress": done / total if total else 0.0, "message": message or "", "id": job_id},
            )

    circuit = {k: v for k, v in request.items() if k not in ("wall_s", "cpu_s")}
    try:
        run = pool.run(
            circuit,
            caller=owner,
            wall_s=request["wall_s"],
            cpu_s=request["cpu_s"],
            memory_mb=circuit["limits"]["max_memory_mb"],
            cap=1,
            progress=progress,
        )
    except _Cancelled:
        return
    except HDRError as exc:
        outcome: tuple[str, str | None, str | None] = ("failed", None, str(exc))
    except Exception:
        log.exception("job %s failed", job_id)
        outcome = ("failed", None, "internal error in the job runner; see the server's log")
    else:
        outcome = ("done", json.dumps(run), None)
    state, result, error = outcome
    with store.transaction() as db:
        db.execute(
            "UPDATE hardware_jobs SET state=:state, result=:result, error=:error, progress=:progress,"
            " finished_at=:at, message=:message WHERE id=:id AND state='running'",
            dict(
                state=state,
                result=result,
                error=error,
                progress=1.0 if state == "done" else 0.0,
                at=time.time(),
                message="finished" if state == "done" else (error or "failed"),
                id=job_id,
            ),
        )


def _beat(store: Store, runner: str) -> None:
    """Renew this runner's heartbeat and its running job's (one short write transaction)."""
    now = time.time()
    with store.transaction() as db:
        db.execute("UPDATE hardware_job_runners SET heartbeat_at=:at WHERE id=:id", {"at": now, "id": runner})
        db.execute(
            "UPDATE hardware_jobs SET heartbeat_at=:at WHERE pid=:pid AND node=:node AND state='running'",
            {"at": now, "pid": os.getpid(), "node": node_name()},
        )


def _heartbeat(store: Store, runner: str, every_s: float, stop: threading.Event) -> None:
    while not stop.wait(every_s):
        try:
            _beat(store, runner)
        except Exception:  # noqa: BLE001 - a database hiccup: the next beat retries, well inside the lease
            log.warning("job runner %s could not renew its heartbeat", runner, exc_info=True)


def main(runner: str) -> int:
    config = Config.from_env()
    store = Store(config.state_url or config.db_path)
    with store.transaction() as db:
        db.execute(
            "UPDATE hardware_job_runners SET pid=:pid, pid_start=:token, node=:node, heartbeat_at=:at WHERE id=:id",
            {
                "pid": os.getpid(),
                "token": process_start_token(os.getpid()),
                "node": node_name(),
                "at": time.time(),
                "id": runner,
            },
        )
    stop = threading.Event()
    every_s = Limits.from_env().job_lease_s / 3
    threading.Thread(target=_heartbeat, args=(store, runner, every_s, stop), daemon=True).start()
    pool = CircuitPool(1, warm=0)
    try:
        while (job := _next_job(store, runner)) is not None:
            run_job(store, pool, *job)
    finally:
        stop.set()
        pool.close()
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    sys.exit(main(sys.argv[1]))
