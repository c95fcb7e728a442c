"""A hostile circuit next to an honest one: a <1 KB QASM 2 nested-gate bomb (2^28 X gates once
unrolled) from one caller while another caller runs GHZ-20, both through run_circuit. Reports how
long the bomb ran before its limit stopped it, the worker's peak resident memory, the server
process's resident memory before and after, and how long the GHZ-20 took meanwhile.

    .venv/bin/python bench/hardware_hostile.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HDR_HOME", tempfile.mkdtemp())
os.environ.setdefault("HDR_MEMORY_URL", "http://127.0.0.1:9")
os.environ.setdefault("HDR_HARDWARE_MAX_MEMORY_MB", "100")
os.environ.setdefault("HDR_HARDWARE_RUN_TIMEOUT_S", "90")


# When the honest call comes: by then the pool has replaced the warm worker the bomb took (~1.5 s
# on a quiet machine). Pass a smaller delay to see a call that has to start its own worker.
DELAY_S = float(sys.argv[1]) if len(sys.argv) > 1 else 8.0


def ghz(n: int) -> str:
    body = "".join(f"cx q[{i}],q[{i + 1}];\n" for i in range(n - 1))
    return (
        f'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[{n}];\ncreg c[{n}];\nh q[0];\n{body}measure q -> c;\n'
    )


def nested_gates(levels: int = 28) -> str:
    src = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\ncreg c[1];\ngate g0 a { x a; x a; }\n'
    src += "".join(f"gate g{i} a {{ g{i - 1} a; g{i - 1} a; }}\n" for i in range(1, levels))
    return src + f"g{levels - 1} q[0];\nmeasure q -> c;\n"


def main() -> None:
    from servers.hardware import quantum, sandbox

    def rss_mb(pid: int) -> float:
        return sandbox.resident_kb(pid) / 1024

    def workers() -> list[int]:
        return [p for p in (int(e) for e in os.listdir("/proc") if e.isdigit()) if _parent(p) == os.getpid()]

    quantum.run_circuit(ghz(3))
    while len(sandbox.pool().worker_pids()) < sandbox.pool().warm:
        time.sleep(0.1)
    before = rss_mb(os.getpid())
    peak, honest, stop = [0.0], [], threading.Event()

    def watch() -> None:
        while not stop.is_set():
            peak[0] = max([peak[0], *(rss_mb(p) for p in workers())])
            time.sleep(0.1)

    def other() -> None:
        time.sleep(DELAY_S)
        t = time.perf_counter()
        run = quantum.run_circuit(ghz(20), caller="static:honest")
        honest.extend([time.perf_counter() - t, run.total_ms / 1e3])

    threading.Thread(target=watch, daemon=True).start()
    thread = threading.Thread(target=other)
    thread.start()
    bomb = nested_gates()
    t = time.perf_counter()
    try:
        quantum.run_circuit(bomb, caller="static:hostile")
        outcome = "finished (unexpected)"
    except Exception as exc:  # the limit's refusal is the expected outcome
        outcome = str(exc).split(".")[0]
    took = time.perf_counter() - t
    thread.join()
    stop.set()
    print(f"bomb ({len(bomb.encode())} bytes): stopped after {took:.1f} s: {outcome}")
    print(
        f"worker peak resident memory: {peak[0]:.0f} MB (limit {os.environ['HDR_HARDWARE_MAX_MEMORY_MB']} MB "
        "+ 256 MB allowance over the warm worker)"
    )
    print(f"server resident memory: {before:.0f} MB before, {rss_mb(os.getpid()):.0f} MB after")
    print(
        f"GHZ-20 from another caller, {DELAY_S:g} s into the bomb: {honest[0] * 1e3:.0f} ms "
        f"({honest[1] * 1e3:.0f} ms of it parsing, transpiling and simulating in the worker)"
    )


def _parent(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return -1


if __name__ == "__main__":
    main()
