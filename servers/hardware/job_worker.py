"""The process one circuit job runs in: `python -m servers.hardware.job_worker <job_id>`.

It reads the request from the shared store, runs it, and writes progress and the outcome back;
a cancelled job is left cancelled. HDR_HOME comes from the environment its launcher set."""

from __future__ import annotations

import json
import logging
import os
import sys
import time

from servers.hardware.jobs import process_start_token
from servers.hardware.quantum import NoiseSpec, run_circuit
from shared.config import Config
from shared.errors import HDRError
from shared.store import Store

log = logging.getLogger("hdr.hardware.job")


class _Cancelled(Exception):
    pass


def main(job_id: str) -> int:
    store = Store(Config.from_env().db_path)
    with store.transaction() as db:
        row = db.execute("SELECT state, request FROM hardware_jobs WHERE id=?", (job_id,)).fetchone()
        if row is None or row["state"] != "queued":
            return 0
        db.execute("UPDATE hardware_jobs SET state='running', pid=?, pid_start=?, started_at=?, "
                   "message='parsing and transpiling' WHERE id=?",
                   (os.getpid(), process_start_token(os.getpid()), time.time(), job_id))
    request = json.loads(row["request"])

    def progress(done: float, total: float | None = None, message: str | None = None) -> None:
        with store.transaction() as db:
            state = db.execute("SELECT state FROM hardware_jobs WHERE id=?", (job_id,)).fetchone()["state"]
            if state != "running":
                raise _Cancelled
            db.execute("UPDATE hardware_jobs SET progress=?, message=? WHERE id=?",
                       (done / total if total else 0.0, message or "", job_id))

    try:
        run = run_circuit(request["qasm"], shots=request["shots"], method=request["method"], seed=request["seed"],
                          noise=NoiseSpec(**request["noise"]) if request["noise"] else None,
                          optimization_level=request["optimization_level"], progress=progress)
    except _Cancelled:
        return 0
    except HDRError as exc:
        outcome = ("failed", None, str(exc))
    except Exception:
        log.exception("job %s failed", job_id)
        outcome = ("failed", None, "internal error in the worker; see the server's log")
    else:
        outcome = ("done", run.model_dump_json(), None)
    state, result, error = outcome
    with store.transaction() as db:
        db.execute("UPDATE hardware_jobs SET state=?, result=?, error=?, progress=?, finished_at=?, message=? "
                   "WHERE id=? AND state='running'",
                   (state, result, error, 1.0 if state == "done" else 0.0, time.time(),
                    "finished" if state == "done" else (error or "failed"), job_id))
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    sys.exit(main(sys.argv[1]))
