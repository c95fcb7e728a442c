"""The bounded pool of worker processes every circuit runs in (parse, transpile, simulate).

A circuit is untrusted input that can compute without bound: nested gate definitions unroll
exponentially, an OpenQASM 3 `while` loop may never end. So no circuit runs in the server
process. Each runs in a `circuit_worker` process, kept warm (qiskit imported once), under
- a wall-time limit: the server kills the worker when it passes;
- CPU and memory limits the worker sets on itself with resource.setrlimit before the work;
- cancellation: when the caller cancels, the worker is killed at once;
- per-caller caps: one caller has at most `circuits_per_caller` circuits in the pool;
- a bounded pool: at most `workers` processes; a call that finds none free waits (cancellably)
  until one is, or until its wall time has passed.
A killed worker is replaced in the background, so a stalled call never blocks other callers and
the server's own memory does not grow with what a circuit does.

This is a small hand-made pool on subprocess rather than multiprocessing or pebble: those send
results back with pickle, and the server must never unpickle what a process running untrusted
input wrote; they also offer no channel for progress while a task runs.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from servers.hardware.circuit_worker import SLACK_MB, memory_kb
from servers.hardware.limits import Limits
from shared.errors import HDRError, Refused, Unavailable

log = logging.getLogger("hdr.hardware.sandbox")

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 120.0  # importing qiskit on a busy machine
POLL_S = 0.25  # how often a waiting call looks at its deadline and its caller's cancellation
MAX_MESSAGE_BYTES = 16 * 2**20  # a worker's answer is a few KB; anything bigger is not a worker talking
RETIRE_RSS_FRACTION = 0.5  # a worker left grown by more than this share of its memory limit is replaced
_SECRET_WORDS = ("TOKEN", "SECRET", "PASSWORD", "KEY", "CREDENTIAL")

ERRORS = {cls.kind: cls for cls in HDRError.__subclasses__()}


class WorkerDied(Exception):
    """The worker process exited (killed by a limit, crashed) before answering."""

    def __init__(self, returncode: int | None) -> None:
        super().__init__(f"worker exited with {returncode}")
        self.returncode = returncode


def resident_kb(pid: int) -> int:
    """A process's resident memory (0 once it is gone)."""
    return memory_kb("VmRSS", pid)


HOME_VARIABLE = "HDR_CIRCUIT_HOME"  # the worker removes its (empty) working directory when it ends


def worker_environment() -> dict[str, str]:
    """The server's environment without anything that looks like a credential (a circuit has no
    use for one), with the project importable and glibc's per-thread heaps capped so the address
    space limit measures memory rather than reservations."""
    env = {k: v for k, v in os.environ.items() if not any(w in k.upper() for w in _SECRET_WORDS)}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env["MALLOC_ARENA_MAX"] = "2"
    env["PYTHONUNBUFFERED"] = "1"
    return env


class Worker:
    """One warm worker process and its message channel."""

    def __init__(self) -> None:
        self.home = tempfile.mkdtemp(prefix="hdr-circuit-")  # an empty working directory
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "servers.hardware.circuit_worker"],
            cwd=self.home,
            env=worker_environment() | {HOME_VARIABLE: self.home},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=None,
            close_fds=True,
        )
        self.pid = self.proc.pid
        self._buffer = bytearray()
        self.calls = 0
        self.base_rss_kb = 0

    def wait_ready(self, timeout_s: float = START_TIMEOUT_S) -> None:
        deadline = time.monotonic() + timeout_s
        while True:
            message = self.receive(deadline)
            if message is None:
                self.kill()
                raise Unavailable("A circuit worker did not start in time.", "Try again in a minute.")
            if message.get("ready"):
                self.base_rss_kb = resident_kb(self.pid)
                return

    def send(self, message: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(json.dumps(message).encode() + b"\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            raise WorkerDied(self.proc.poll()) from None

    def receive(self, deadline: float) -> dict[str, Any] | None:
        """The next message, or None once `deadline` (monotonic) passed; WorkerDied on exit."""
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], min(left, POLL_S))
            if not ready:
                return None if time.monotonic() >= deadline else {}
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                raise WorkerDied(self.proc.wait())
            self._buffer += chunk
            if len(self._buffer) > MAX_MESSAGE_BYTES:
                self.kill()
                raise WorkerDied(None)
        line, _, rest = bytes(self._buffer).partition(b"\n")
        self._buffer = bytearray(rest)
        return json.loads(line)

    def kill(self) -> None:
        try:
            self.proc.kill()
        except ProcessLookupError:
            pass
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(10)
        for stream in (self.proc.stdin, self.proc.stdout):
            with contextlib.suppress(OSError):
                if stream is not None:
                    stream.close()
        with contextlib.suppress(OSError):
            os.rmdir(self.home)


class CircuitPool:
    """At most `size` workers; `warm` of them kept started while idle; per-caller caps."""

    def __init__(self, size: int, warm: int = 1) -> None:
        self.size = size
        self.warm = min(warm, size)
        self._idle: list[Worker] = []
        self._total = 0  # idle + busy + starting
        self._per_caller: dict[str, int] = {}
        self._cond = threading.Condition()
        self._closed = False

    # -- the one public call -----------------------------------------------------------------

    def run(
        self,
        circuit: dict[str, Any],
        *,
        caller: str | None,
        wall_s: float,
        cpu_s: float,
        memory_mb: int,
        cap: int = 2,
        progress: Callable[[float, float | None, str | None], None] | None = None,
    ) -> dict[str, Any]:
        """Run one circuit request in a worker and return the CircuitRun as JSON values.

        Raises Refused (this caller already has `cap` circuits here; a limit stopped the circuit),
        Unavailable (no worker free within `wall_s`), the worker's own BadInput/Refused, or
        whatever `progress` raises (the worker is killed first)."""
        deadline = time.monotonic() + wall_s
        with self._caller_slot(caller, cap):
            worker = self._acquire(deadline, progress)
            healthy = False
            try:
                answer = self._exchange(
                    worker,
                    {"circuit": circuit, "cpu_s": cpu_s, "memory_mb": memory_mb},
                    deadline,
                    wall_s,
                    cpu_s,
                    memory_mb,
                    progress,
                )
                grown_kb = answer.get("rss_kb", 0) - worker.base_rss_kb
                healthy = not answer.get("retire") and grown_kb < memory_mb * 1024 * RETIRE_RSS_FRACTION
            finally:
                self._release(worker, healthy)
        error = answer.get("error")
        if error is not None:
            if error["kind"] == "memory":
                raise _memory_refusal(memory_mb)
            if error["kind"] in ERRORS:
                raise ERRORS[error["kind"]](error["message"], error.get("hint"))
            raise RuntimeError("the circuit worker failed; see the server's log")
        return answer["result"]

    # -- pieces --------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _caller_slot(self, caller: str | None, cap: int) -> Iterator[None]:
        key = caller or "operator"
        with self._cond:
            if self._per_caller.get(key, 0) >= cap:
                raise Refused(
                    f"You already have {cap} circuits running; that is the cap per caller.",
                    "Wait for one to finish, or use submit_circuit for long circuits.",
                )
            self._per_caller[key] = self._per_caller.get(key, 0) + 1
        try:
            yield
        finally:
            with self._cond:
                self._per_caller[key] -= 1
                if not self._per_caller[key]:
                    del self._per_caller[key]

    def _acquire(self, deadline: float, progress: Callable[..., None] | None) -> Worker:
        worker: Worker | None = None
        start_one = False
        while worker is None and not start_one:
            with self._cond:
                if self._closed:
                    raise Unavailable(
                        "The circuit pool is shutting down.", "Try again after the server restarts."
                    )
                if self._idle:
                    worker = self._idle.pop()
                    if worker.proc.poll() is None:
                        break
                    self._total -= 1  # it died while idle (killed from outside): take another
                    worker.kill()
                    worker = None
                    continue
                if self._total < self.size:
                    self._total += 1
                    start_one = True
                    break
                if time.monotonic() >= deadline:
                    raise Unavailable(
                        f"All {self.size} circuit workers stayed busy.",
                        "Try again shortly, or use submit_circuit, which queues.",
                    )
                self._cond.wait(POLL_S)
            if progress is not None:  # outside the lock: it may talk to the client, or raise (cancelled)
                progress(0, None, "waiting for a free circuit worker")
        if start_one:
            try:
                worker = Worker()
                worker.wait_ready(min(START_TIMEOUT_S, max(1.0, deadline - time.monotonic() + 30)))
            except BaseException:
                with self._cond:
                    self._total -= 1
                    self._cond.notify()
                raise
        assert worker is not None
        self._keep_warm()
        return worker

    def _exchange(
        self,
        worker: Worker,
        request: dict[str, Any],
        deadline: float,
        wall_s: float,
        cpu_s: float,
        memory_mb: int,
        progress: Callable[..., None] | None,
    ) -> dict[str, Any]:
        worker.calls += 1
        done, total = 0, request["circuit"].get("shots")
        # RLIMIT_AS in the worker stops sudden huge allocations, but the address space a warm
        # worker has reserved (allocator arenas) can fill up underneath it: watch resident memory too.
        rss_cap_kb = worker.base_rss_kb + (memory_mb + SLACK_MB) * 1024
        try:
            worker.send(request)
            while True:
                if resident_kb(worker.pid) > rss_cap_kb:
                    worker.kill()
                    raise WorkerDied(-signal.SIGKILL)
                message = worker.receive(deadline)
                if message is None:
                    worker.kill()
                    raise Refused(
                        f"The circuit ran longer than its limit of {wall_s:g} s and was stopped.",
                        "Use submit_circuit for long circuits, or fewer shots or qubits.",
                    )
                if "result" in message or "error" in message:
                    return message
                done = message.get("progress", done)
                if progress is not None:  # also on quiet ticks: that is where a cancellation is noticed
                    progress(done, total, f"simulating: {done:,} of {total:,} shots" if done else "running")
        except WorkerDied as died:
            if died.returncode == -signal.SIGXCPU:
                raise Refused(
                    f"The circuit used more than its CPU limit of {cpu_s:g} s and was stopped.",
                    "Use submit_circuit for long circuits, or fewer shots or qubits.",
                ) from None
            raise _memory_refusal(memory_mb) from None
        except BaseException:
            worker.kill()  # cancelled (or anything else): the worker may be mid-circuit
            raise

    def _release(self, worker: Worker, healthy: bool) -> None:
        if healthy and worker.proc.poll() is None:
            with self._cond:
                if not self._closed:
                    self._idle.append(worker)
                    self._cond.notify()
                    return
        worker.kill()
        with self._cond:
            self._total -= 1
            self._cond.notify()
        self._keep_warm()

    def _keep_warm(self) -> None:
        """Start a worker in the background while fewer than `warm` are idle and there is room."""
        with self._cond:
            if self._closed or len(self._idle) >= self.warm or self._total >= self.size:
                return
            self._total += 1
        threading.Thread(target=self._start_idle, daemon=True, name="hdr-circuit-warm").start()

    def _start_idle(self) -> None:
        try:
            worker = Worker()
            worker.wait_ready()
        except Exception:
            log.warning("a circuit worker failed to start", exc_info=True)
            with self._cond:
                self._total -= 1
                self._cond.notify()
            return
        self._release(worker, True)

    def prewarm(self) -> None:
        self._keep_warm()

    def running(self, caller: str | None) -> int:
        """How many circuits `caller` has in the pool now."""
        with self._cond:
            return self._per_caller.get(caller or "operator", 0)

    def worker_pids(self) -> list[int]:
        """The idle (warm) workers' process ids."""
        with self._cond:
            return [w.pid for w in self._idle]

    def close(self) -> None:
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            self._total -= len(idle)
            self._cond.notify_all()
        for worker in idle:
            worker.kill()


def _memory_refusal(memory_mb: int) -> Refused:
    return Refused(
        f"The circuit's worker process stopped: it needed more than the memory limit of {memory_mb:,} MB "
        "(or crashed). Nothing else was affected.",
        "Use fewer qubits, a compressed method (stabilizer, matrix_product_state), or fewer nested gates.",
    )


_pool: CircuitPool | None = None
_pool_lock = threading.Lock()


def pool(limits: Limits | None = None) -> CircuitPool:
    """This process's pool (created on first use with HDR_HARDWARE_WORKERS workers)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = CircuitPool((limits or Limits.from_env()).workers)
            atexit.register(_pool.close)
        return _pool
