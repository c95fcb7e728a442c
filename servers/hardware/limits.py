"""hardware's configurable caps, read from the environment once per call (tests change them).

Variables (all optional):
  HDR_HARDWARE_MAX_QUBITS        qubits a circuit may declare (default 64)
  HDR_HARDWARE_MAX_SHOTS         shots per run or job (default 1,000,000)
  HDR_HARDWARE_MAX_QASM_CHARS    size of QASM source accepted (default 100,000)
  HDR_HARDWARE_MAX_MEMORY_MB     memory one simulation may need (default: half the available memory, at most 8 GiB)
  HDR_HARDWARE_SERIAL_ALLOW      comma-separated glob patterns of ports that may be opened
                                 (default /dev/ttyUSB*,/dev/ttyACM*; add socket://* or rfc2217://* to allow those URLs)
  HDR_HARDWARE_MAX_DURATION_S    longest satellite plan (default 172,800 = 48 h)
  HDR_HARDWARE_MAX_STEPS         most time steps in one satellite plan (default 20,000)
  HDR_HARDWARE_TLE_FILE          a TLE file to use for satellites instead of the synthetic shell
  HDR_HARDWARE_CELESTRAK_URL     CelesTrak's GP query endpoint (default https://celestrak.org/NORAD/elements/gp.php)
  HDR_HARDWARE_ONLINE            1: source "auto" fetches from CelesTrak when the cache is missing or older than 2 h
"""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_SERIAL_ALLOW = ("/dev/ttyUSB*", "/dev/ttyACM*")


def _int(env: dict[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        return default


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

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Limits:
        env = dict(os.environ) if env is None else env
        allow = tuple(p.strip() for p in env.get("HDR_HARDWARE_SERIAL_ALLOW", "").split(",") if p.strip())
        return cls(
            max_qubits=_int(env, "HDR_HARDWARE_MAX_QUBITS", 64),
            max_shots=_int(env, "HDR_HARDWARE_MAX_SHOTS", 1_000_000),
            max_qasm_chars=_int(env, "HDR_HARDWARE_MAX_QASM_CHARS", 100_000),
            max_memory_mb=_int(env, "HDR_HARDWARE_MAX_MEMORY_MB", min(8192, _available_memory_mb() // 2)),
            serial_allow=allow or DEFAULT_SERIAL_ALLOW,
            max_duration_s=_int(env, "HDR_HARDWARE_MAX_DURATION_S", 172_800),
            max_steps=_int(env, "HDR_HARDWARE_MAX_STEPS", 20_000),
        )
