"""hardware's configurable caps, read from the environment once per call (tests change them).

Variables (all optional):
  HDR_HARDWARE_MAX_QUBITS        qubits a circuit may declare (default 64)
  HDR_HARDWARE_MAX_SHOTS         shots per run or job (default 1,000,000)
  HDR_HARDWARE_MAX_QASM_CHARS    size of QASM source accepted (default 100,000)
  HDR_HARDWARE_MAX_MEMORY_MB     memory one simulation may use (default: the available memory shared by the
                                 circuit workers and the job runners, halved, at most 8 GiB); enforced on the
                                 worker process with RLIMIT_AS
  HDR_HARDWARE_WORKERS           circuit worker processes of one server (default 3): run_circuit calls beyond
                                 that wait for a free worker
  HDR_HARDWARE_CIRCUITS_PER_CALLER  run_circuit calls one caller may have running at once (default 2)
  HDR_HARDWARE_RUN_TIMEOUT_S     wall time of one run_circuit (default 120): the worker is killed after it
  HDR_HARDWARE_JOB_TIMEOUT_S     wall time of one submitted job (default 3,600)
  HDR_HARDWARE_MAX_CPU_S         CPU seconds one circuit may use (default: its wall time x the CPU count);
                                 enforced with RLIMIT_CPU
  HDR_HARDWARE_JOB_RUNNERS       job runner processes across the machine's hardware servers (default 2)
  HDR_HARDWARE_JOBS_PER_CALLER   queued or running jobs one caller may have (default 4)
  HDR_HARDWARE_MAX_QUEUED_JOBS   queued or running jobs in all (default 64)
  HDR_HARDWARE_JOB_LEASE_S       a job runner renews its heartbeat every third of this (default 30); a
                                 runner on another node silent for longer is taken as dead
  HDR_NODE_NAME                  this machine's name among replicas sharing one database (default: the
                                 host name; deploy/ sets the pod's name)
  HDR_HARDWARE_SERIAL_ALLOW      comma-separated glob patterns of ports that may be opened
                                 (default /dev/ttyUSB*,/dev/ttyACM*; add socket://* or rfc2217://* to allow those URLs)
  HDR_HARDWARE_MAX_DURATION_S    longest satellite plan (default 172,800 = 48 h)
  HDR_HARDWARE_MAX_STEPS         most time steps in one satellite plan (default 20,000)
  HDR_HARDWARE_MAX_SAT_STEPS     satellites x time steps one satellite search may cover (default 200,000,000;
                                 9,543 Starlink satellites for 24 h at 15 s are 55 M, about a second)
  HDR_HARDWARE_SEARCH_TIMEOUT_S  wall time of one satellite search (default 60)
  HDR_HARDWARE_TLE_FILE          a TLE file to use for satellites instead of the synthetic shell
  HDR_HARDWARE_CELESTRAK_URL     CelesTrak's GP query endpoint (default https://celestrak.org/NORAD/elements/gp.php)
  HDR_HARDWARE_ONLINE            1: source "auto" fetches from CelesTrak when the cache is missing or older than 2 h
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass

DEFAULT_SERIAL_ALLOW = ("/dev/ttyUSB*", "/dev/ttyACM*")

# What one answer shows at the most (fixed, not configurable: they bound a client's context window).
# Here, not in the domain modules, because both the domain and servers/hardware/models.py use them.
MAX_OUTCOMES = 1024  # distinct circuit outcomes returned; the rest are summed into other_shots
MAX_INTERVALS_SHOWN = 500  # serving intervals and gaps of one handoff plan page, with `detail`
COMPACT_SHOWN = (
    10  # intervals and gaps in handoff_satellite's default answer; `detail` or `offset` for the rest
)
MAX_VISIBLE_SHOWN = 100  # satellites in one visible_satellites answer
MAX_PASSES_SHOWN = 200  # passes in one passes answer


def _int(env: dict[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        return default


def _cpus() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _available_memory_mb() -> int:
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 4096


@dataclass(frozen=True)
class Limits:
    max_qubits: int
    max_shots: int
    max_qasm_chars: int
    max_memory_mb: int
    serial_allow: tuple[str, ...]
    max_duration_s: int
    max_steps: int
    workers: int = 3
    circuits_per_caller: int = 2
    run_timeout_s: float = 120.0
    job_timeout_s: float = 3600.0
    max_cpu_s: float | None = None  # None: wall time x CPU count
    job_runners: int = 2
    jobs_per_caller: int = 4
    max_queued_jobs: int = 64
    max_sat_steps: int = 200_000_000
    search_timeout_s: float = 60.0
    job_lease_s: float = 30.0

    def cpu_s(self, wall_s: float) -> float:
        """CPU seconds a circuit with this wall time may use (Aer runs several threads)."""
        return self.max_cpu_s if self.max_cpu_s is not None else wall_s * _cpus()

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Limits:
        env = dict(os.environ) if env is None else env
        workers = max(1, _int(env, "HDR_HARDWARE_WORKERS", 3))
        runners = max(1, _int(env, "HDR_HARDWARE_JOB_RUNNERS", 2))
        # Every worker and runner may hold a full simulation at once: share half the memory among them.
        memory = min(8192, _available_memory_mb() // (2 * (workers + runners)))
        cpu = _int(env, "HDR_HARDWARE_MAX_CPU_S", 0)
        allow = tuple(p.strip() for p in env.get("HDR_HARDWARE_SERIAL_ALLOW", "").split(",") if p.strip())
        return cls(
            max_qubits=_int(env, "HDR_HARDWARE_MAX_QUBITS", 64),
            max_shots=_int(env, "HDR_HARDWARE_MAX_SHOTS", 1_000_000),
            max_qasm_chars=_int(env, "HDR_HARDWARE_MAX_QASM_CHARS", 100_000),
            max_memory_mb=_int(env, "HDR_HARDWARE_MAX_MEMORY_MB", max(256, memory)),
            serial_allow=allow or DEFAULT_SERIAL_ALLOW,
            max_duration_s=_int(env, "HDR_HARDWARE_MAX_DURATION_S", 172_800),
            max_steps=_int(env, "HDR_HARDWARE_MAX_STEPS", 20_000),
            workers=workers,
            circuits_per_caller=max(1, _int(env, "HDR_HARDWARE_CIRCUITS_PER_CALLER", 2)),
            run_timeout_s=float(max(1, _int(env, "HDR_HARDWARE_RUN_TIMEOUT_S", 120))),
            job_timeout_s=float(max(1, _int(env, "HDR_HARDWARE_JOB_TIMEOUT_S", 3600))),
            max_cpu_s=float(cpu) if cpu > 0 else None,
            job_runners=runners,
            jobs_per_caller=max(1, _int(env, "HDR_HARDWARE_JOBS_PER_CALLER", 4)),
            max_queued_jobs=max(1, _int(env, "HDR_HARDWARE_MAX_QUEUED_JOBS", 64)),
            max_sat_steps=max(1, _int(env, "HDR_HARDWARE_MAX_SAT_STEPS", 200_000_000)),
            search_timeout_s=float(max(1, _int(env, "HDR_HARDWARE_SEARCH_TIMEOUT_S", 60))),
            job_lease_s=float(max(1, _int(env, "HDR_HARDWARE_JOB_LEASE_S", 30))),
        )


def node_name(env: dict[str, str] | None = None) -> str:
    """The name of the machine this process runs on, as replicas sharing one database tell each other
    apart: a process id is only meaningful on the node that wrote it."""
    env = dict(os.environ) if env is None else env
    return (env.get("HDR_NODE_NAME") or "").strip()[:200] or socket.gethostname()
