"""A sandbox worker: `python -m servers.hardware.circuit_worker`, started and killed by `sandbox`.

It imports qiskit and Aer once, runs a tiny circuit, says it is ready, then runs one circuit
request at a time. Messages are JSON, one per line: requests on stdin, answers on the original
stdout (anything a library prints goes to stderr instead). JSON, not pickle: the server never
unpickles what a process running untrusted circuits sends it.

Each request sets this process's limits with resource.setrlimit before any work: RLIMIT_CPU
(soft: the CPU used so far plus the request's budget; the kernel ends the process with SIGXCPU)
and RLIMIT_AS (the address space after warming up plus the request's memory). Wall time and
cancellation are the parent's: it kills this process. EOF on stdin (the parent went away) ends
it while it is idle. While a circuit runs no thread of this process can notice anything (the
simulator holds the GIL for the whole circuit, measured: a watchdog thread here never ran), so a
guardian process forked first thing, before any import or thread, watches instead: once this
worker's parent is no longer the server that started it (the server was killed), the guardian
kills the worker. Either way the empty working directory the pool made (`HDR_CIRCUIT_HOME`) is
removed, so a server killed without closing its pool leaves nothing running and nothing behind.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import resource
import signal
import sys
import time
from typing import Any, TextIO

log = logging.getLogger("hdr.hardware.worker")

SLACK_MB = 256  # address space for Python's own allocations around the simulation
GUARD_POLL_S = 0.5  # how soon an orphaned worker is killed


def _send(channel: TextIO, message: dict[str, Any]) -> None:
    channel.write(json.dumps(message, separators=(",", ":")) + "\n")
    channel.flush()


def memory_kb(field: str = "VmRSS", pid: int | str = "self") -> int:
    """A memory figure of a process from /proc (VmRSS resident, VmSize address space); 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _limit(request: dict[str, Any], base_vm_kb: int) -> None:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = usage.ru_utime + usage.ru_stime
    _, cpu_hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = int(used + request["cpu_s"]) + 1
    if cpu_hard != resource.RLIM_INFINITY:
        soft = min(soft, cpu_hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, cpu_hard))
    _, as_hard = resource.getrlimit(resource.RLIMIT_AS)
    address_space = (base_vm_kb * 1024) + (request["memory_mb"] + SLACK_MB) * 2**20
    if as_hard != resource.RLIM_INFINITY:
        address_space = min(address_space, as_hard)
    resource.setrlimit(resource.RLIMIT_AS, (address_space, as_hard))


def _leave_home() -> None:
    """Removes this worker's working directory if it is still empty (a circuit writes nothing there)."""
    home = os.environ.get("HDR_CIRCUIT_HOME")
    if home:
        with contextlib.suppress(OSError):
            os.rmdir(home)


def _parent_of(pid: int) -> int | None:
    """A process's parent from /proc (None once it has ended: gone, or a zombie)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return None if fields[0] in ("Z", "X") else int(fields[1])


def _guard(server: int, worker: int) -> None:
    """The guardian's life: ends with the worker; kills it once the server that started it is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C on the server's terminal is the server's
    while True:
        time.sleep(GUARD_POLL_S)
        if os.getppid() != worker or _parent_of(worker) is None:
            break  # the worker ended (and it, or the server, tidied up)
        if _parent_of(worker) != server:
            with contextlib.suppress(OSError):
                os.kill(worker, signal.SIGKILL)
            break
    _leave_home()
    os._exit(0)


def _start_guardian() -> None:
    """Forks the guardian (this process has one thread and has imported nothing heavy yet); the guardian
    keeps no end of the message pipes, so the server still reads EOF the moment the worker ends."""
    server, worker = os.getppid(), os.getpid()
    if os.fork() == 0:
        try:
            devnull = os.open(os.devnull, os.O_RDWR)
            os.dup2(devnull, 0)
            os.dup2(devnull, 1)
            _guard(server, worker)
        finally:
            os._exit(0)


def main() -> int:
    _start_guardian()
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # qiskit, Aer or OpenMP printing to stdout must not corrupt the channel
    sys.stdout = sys.stderr
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    from servers.hardware import quantum
    from shared.errors import HDRError

    quantum.warm_up()
    base_vm_kb = memory_kb("VmSize")
    _send(channel, {"ready": True, "pid": os.getpid()})
    for line in sys.stdin:
        request = json.loads(line)
        _limit(request, base_vm_kb)
        retire = False
        try:
            run = quantum.execute(
                request["circuit"], lambda done, total: _send(channel, {"progress": done, "total": total})
            )
            answer: dict[str, Any] = {"result": quantum.run_to_json(run)}
        except HDRError as exc:
            answer = {"error": {"kind": exc.kind, "message": exc.message, "hint": exc.hint}}
        except MemoryError:
            answer = {"error": {"kind": "memory"}}
            retire = True  # the heap may be fragmented up to the limit: start afresh
        except Exception:
            log.exception("circuit failed in the worker")
            answer = {"error": {"kind": "internal"}}
            retire = True
        answer["rss_kb"] = memory_kb()
        answer["retire"] = retire
        _send(channel, answer)
        if retire:
            return 0
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    try:
        code = main()
    finally:
        _leave_home()
    sys.exit(code)
