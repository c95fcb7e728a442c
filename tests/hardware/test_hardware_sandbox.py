"""Circuits from an attacker's side: includes that name server files, circuits that never end or
balloon, many jobs from one caller, another caller's job. Real Qiskit in real worker processes,
real MCP clients; limits are measured on the processes themselves."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import anyio
import pytest
from hardware_circuits import WHILE_FOREVER
from mcp import Client

from servers.hardware import jobs, quantum, sandbox
from servers.hardware.circuit_worker import SLACK_MB
from servers.hardware.server import kit
from shared.errors import NotFound, Refused
from shared.suite import Suite

CANARY = "hdrcanary7f3a"


def ghz(n: int) -> str:
    body = "".join(f"cx q[{i}],q[{i + 1}];\n" for i in range(n - 1))
    return (
        f'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[{n}];\ncreg c[{n}];\nh q[0];\n{body}measure q -> c;\n'
    )


def nested_gates(levels: int = 28) -> str:
    """Each gate applies the one before it twice: 2**levels X gates from under 1 KB of source."""
    src = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\ncreg c[1];\ngate g0 a { x a; x a; }\n'
    src += "".join(f"gate g{i} a {{ g{i - 1} a; g{i - 1} a; }}\n" for i in range(1, levels))
    return src + f"g{levels - 1} q[0];\nmeasure q -> c;\n"


def rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return 0


def circuit_workers(parent: int | None = None) -> list[int]:
    """Live circuit worker processes that are children of `parent` (default: this, the server's, process)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmd = f.read()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == (parent or os.getpid()) and b"circuit_worker" in cmd:
            found.append(int(entry))
    return found


@pytest.fixture
def secrets(hdr_home: Path, tmp_path: Path) -> dict[str, Path]:
    """A passwd-like file outside HDR_HOME and a file under it, both holding a canary."""
    hdr_home.mkdir(parents=True, exist_ok=True)
    passwd = tmp_path / "etc" / "passwd"
    passwd.parent.mkdir()
    passwd.write_text(f"root:x:0:0:{CANARY}:/root:/bin/bash\n")
    inside = hdr_home / "master.key"
    inside.write_text(f"{CANARY} qreg q[1];\n")
    return {"passwd": passwd, "home": inside}


def _includes(paths: dict[str, Path], cwd_relative: str) -> list[str]:
    out = []
    for path in [*map(str, paths.values()), cwd_relative, "/etc/passwd"]:
        out.append(
            f'OPENQASM 2.0;\ninclude "qelib1.inc";\ninclude "{path}";\nqreg q[1];\ncreg c[1];\nmeasure q -> c;\n'
        )
        out.append(f'OPENQASM 2.0;\ninclude "{path}";\nqreg q[1];\ncreg c[1];\nmeasure q -> c;\n')
        out.append(f'OPENQASM 3.0;\ninclude "{path}";\nqubit[1] q;\nbit[1] c;\nc = measure q;\n')
    return out


async def test_includes_of_server_files_are_refused_and_never_echo_them(
    offline_suite: Suite, secrets: dict[str, Path]
) -> None:
    relative = os.path.relpath(secrets["home"], Path.cwd())
    sources = _includes(secrets, relative)
    async with Client(kit.mcp) as client:
        answers = [
            await client.call_tool(tool, {"qasm": src})
            for src in sources
            for tool in ("run_circuit", "submit_circuit")
        ]
        commented = await client.call_tool(
            "run_circuit", {"qasm": ghz(2).replace("qreg", f'// include "{secrets["passwd"]}";\nqreg')}
        )
    for answer in answers:
        text = answer.content[0].text
        assert answer.is_error and "may name only the standard library" in text, text
        assert CANARY not in text and "root:x" not in text and str(secrets["passwd"]) not in text
    assert not commented.is_error, commented.content[0].text  # a comment is not an include
    jobs._schema(offline_suite.store)
    assert offline_suite.store.connection().execute("SELECT COUNT(*) FROM hardware_jobs").fetchone()[0] == 0


def test_the_parser_itself_opens_no_include_even_past_the_check(secrets: dict[str, Path]) -> None:
    # Defence in depth: the worker's parser is given no include path, so a name the check missed
    # still opens nothing (qelib1.inc is built into qiskit).
    for path in (secrets["passwd"], secrets["home"]):
        with pytest.raises(Exception) as caught:
            quantum.parse(f'OPENQASM 2.0;\ninclude "{path}";\nqreg q[1];\n', 2)
        assert CANARY not in str(caught.value) and "unable to find" in str(caught.value)


async def test_a_nested_gate_bomb_is_stopped_by_its_limits_while_another_callers_ghz_returns(
    offline_suite: Suite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HDR_HARDWARE_MAX_MEMORY_MB", "100")
    monkeypatch.setenv("HDR_HARDWARE_RUN_TIMEOUT_S", "90")
    bomb = nested_gates()
    assert len(bomb.encode()) < 1024
    async with Client(kit.mcp) as hostile, Client(kit.mcp) as other:
        assert not (await other.call_tool("run_circuit", {"qasm": ghz(3)})).is_error  # the pool is warm
        server_before = rss_kb(os.getpid())
        outcome: dict = {}
        worker_peak = [0]

        async def attack() -> None:
            outcome["bomb"] = await hostile.call_tool("run_circuit", {"qasm": bomb})

        async with anyio.create_task_group() as tg:
            tg.start_soon(attack)
            while not any(rss_kb(pid) for pid in circuit_workers()):
                await anyio.sleep(0.05)
            outcome["ghz"] = await other.call_tool("run_circuit", {"qasm": ghz(20), "seed": 4})
            outcome["bomb_running_when_ghz_returned"] = "bomb" not in outcome
            while "bomb" not in outcome:
                worker_peak[0] = max([worker_peak[0], *(rss_kb(p) for p in circuit_workers())])
                await anyio.sleep(0.1)
        server_after = rss_kb(os.getpid())
    assert not outcome["ghz"].is_error and set(outcome["ghz"].structured_content["counts"]) == {
        "0" * 20,
        "1" * 20,
    }
    assert outcome["bomb_running_when_ghz_returned"]
    text = outcome["bomb"].content[0].text
    assert outcome["bomb"].is_error and "memory limit of 100 MB" in text, text
    assert server_after - server_before < 100_000, (
        server_before,
        server_after,
    )  # KB: the server did not grow
    # The worker was stopped near its limit: the warm worker (~120 MB) + 100 MB + the 256 MB allowance.
    assert worker_peak[0] < (120 + 100 + SLACK_MB + 100) * 1024, worker_peak


async def test_a_while_loop_that_never_ends_is_stopped_at_the_wall_time_and_by_the_cpu_limit(
    offline_suite: Suite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HDR_HARDWARE_RUN_TIMEOUT_S", "4")
    async with Client(kit.mcp) as client:
        walled = await client.call_tool("run_circuit", {"qasm": WHILE_FOREVER, "shots": 1})
        monkeypatch.setenv("HDR_HARDWARE_RUN_TIMEOUT_S", "120")
        monkeypatch.setenv("HDR_HARDWARE_MAX_CPU_S", "2")
        cpu = await client.call_tool("run_circuit", {"qasm": WHILE_FOREVER, "shots": 1})
        monkeypatch.delenv("HDR_HARDWARE_MAX_CPU_S")
        after = await client.call_tool("run_circuit", {"qasm": ghz(4)})
    assert walled.is_error and "longer than its limit of 4 s" in walled.content[0].text
    assert cpu.is_error and "CPU limit of 2 s" in cpu.content[0].text, cpu.content[0].text
    assert not after.is_error  # the pool replaced the killed workers


def test_per_caller_caps_keep_one_caller_from_taking_the_pool(
    offline_suite: Suite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HDR_HARDWARE_RUN_TIMEOUT_S", "15")
    monkeypatch.setenv("HDR_HARDWARE_CIRCUITS_PER_CALLER", "2")
    outcomes: dict[str, BaseException | None] = {}

    def hostile(i: int) -> None:
        try:
            quantum.run_circuit(WHILE_FOREVER, shots=1, caller="static:mallory")
            outcomes[f"m{i}"] = None
        except BaseException as exc:
            outcomes[f"m{i}"] = exc

    threads = [threading.Thread(target=hostile, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    pool = sandbox.pool()
    while pool.running("static:mallory") < 2:
        time.sleep(0.02)
    with pytest.raises(Refused, match="already have 2 circuits running"):
        quantum.run_circuit(WHILE_FOREVER, shots=1, caller="static:mallory")
    run = quantum.run_circuit(ghz(5), seed=2, caller="static:alice")
    still_running = [t.is_alive() for t in threads]
    for t in threads:
        t.join()
    assert set(run.counts) == {"0" * 5, "1" * 5} and all(still_running)
    assert all(isinstance(e, Refused) and "longer than its limit" in str(e) for e in outcomes.values()), (
        outcomes
    )


def test_a_cancelled_call_kills_its_worker(offline_suite: Suite) -> None:
    pool = sandbox.pool()
    quantum.run_circuit(ghz(2))
    while not pool.worker_pids():
        time.sleep(0.05)
    ticks = []

    class Stop(Exception):
        pass

    def progress(done: float, total: float | None, message: str | None) -> None:
        ticks.append(done)
        if len(ticks) >= 2:
            raise Stop

    before = set(circuit_workers())
    with pytest.raises(Stop):
        quantum.run_circuit(WHILE_FOREVER, shots=1, progress=progress)
    gone = before - set(circuit_workers())
    assert gone, "the worker of the cancelled call is still alive"


def test_many_submits_from_one_caller_hit_the_cap_and_runners_stay_bounded(
    offline_suite: Suite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HDR_HARDWARE_JOBS_PER_CALLER", "2")
    monkeypatch.setenv("HDR_HARDWARE_JOB_RUNNERS", "1")
    store, home = offline_suite.store, str(offline_suite.config.home)
    submitted, refused = [], []
    for _ in range(6):
        try:
            submitted.append(
                jobs.submit(
                    store,
                    home,
                    WHILE_FOREVER,
                    shots=1,
                    method="automatic",
                    seed=None,
                    noise=None,
                    optimization_level=1,
                    owner="static:mallory",
                ).job_id
            )
        except Refused as exc:
            refused.append(str(exc))
    other = jobs.submit(
        store,
        home,
        ghz(3),
        shots=16,
        method="automatic",
        seed=None,
        noise=None,
        optimization_level=1,
        owner="static:alice",
    )
    try:
        assert len(submitted) == 2 and len(refused) == 4
        assert all("cap per caller is 2" in r for r in refused)
        runners = store.connection().execute("SELECT COUNT(*) FROM hardware_job_runners").fetchone()[0]
        assert runners == 1  # one runner for three queued jobs: the pool of runners is bounded
        assert jobs.status(store, other.job_id, "static:alice").state in ("queued", "running")
    finally:
        for job_id in [*submitted, other.job_id]:
            jobs.cancel(store, job_id)
    pids = {row[0] for row in store.connection().execute("SELECT pid FROM hardware_job_runners")}
    deadline = time.monotonic() + 60
    while any(jobs.process_start_token(p) for p in pids if p) and time.monotonic() < deadline:
        jobs.reap_children()
        time.sleep(0.05)
    assert not any(
        jobs.process_start_token(p) for p in pids if p
    )  # the runner retired once nothing was queued


def test_another_callers_job_is_not_found_and_left_alone(
    offline_suite: Suite, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, home = offline_suite.store, str(offline_suite.config.home)
    job = jobs.submit(
        store,
        home,
        WHILE_FOREVER,
        shots=1,
        method="automatic",
        seed=None,
        noise=None,
        optimization_level=1,
        owner="static:alice",
    )
    missing = "job-0123456789abcdef"
    try:
        for action in (
            lambda j: jobs.status(store, j, "static:mallory", home),
            lambda j: jobs.result(store, j, "static:mallory"),
            lambda j: jobs.cancel(store, j, "static:mallory"),
        ):
            with pytest.raises(NotFound) as theirs:
                action(job.job_id)
            with pytest.raises(NotFound) as absent:
                action(missing)
            assert str(theirs.value).replace(job.job_id, "<id>") == str(absent.value).replace(missing, "<id>")
        assert jobs.status(store, job.job_id, "static:alice").state in ("queued", "running")  # not cancelled
        assert jobs.status(store, job.job_id, None).job_id == job.job_id  # the operator sees every job
        monkeypatch.setenv("HDR_GRANTS", '{"static:oncall": ["static:alice"]}')
        assert jobs.status(store, job.job_id, "static:oncall").job_id == job.job_id  # a grant shares it
    finally:
        assert jobs.cancel(store, job.job_id, "static:alice").state == "cancelled"


def test_finished_jobs_kept_per_caller_are_bounded(
    offline_suite: Suite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs, "KEPT_FINISHED_PER_OWNER", 3)
    monkeypatch.setenv("HDR_HARDWARE_JOB_RUNNERS", "1")
    store, home = offline_suite.store, str(offline_suite.config.home)
    made = []
    for _ in range(6):  # submit and cancel at once, as a caller filling the store would
        job = jobs.submit(
            store,
            home,
            WHILE_FOREVER,
            shots=1,
            method="automatic",
            seed=None,
            noise=None,
            optimization_level=1,
            owner="static:mallory",
        )
        jobs.cancel(store, job.job_id, "static:mallory")
        made.append(job.job_id)
    other = jobs.submit(
        store,
        home,
        ghz(2),
        shots=4,
        method="automatic",
        seed=None,
        noise=None,
        optimization_level=1,
        owner="static:alice",
    )
    jobs.cancel(store, other.job_id)
    kept = [
        r[0] for r in store.connection().execute("SELECT id FROM hardware_jobs WHERE owner='static:mallory'")
    ]
    # Each submit keeps the newest 3 finished ones besides the new job: the last 3 cancelled, then the 6th.
    assert sorted(kept) == sorted(made[2:])
    assert jobs.status(store, other.job_id, "static:alice").state == "cancelled"  # another caller's untouched


def test_synthetic_constellations_cached_per_hour_stay_bounded() -> None:
    from datetime import UTC, datetime, timedelta

    from servers.hardware import tle

    start = datetime(2030, 1, 1, tzinfo=UTC)
    for hour in range(tle.CACHE_ENTRIES + 10):  # a caller walking `start` through the hours
        tle.walker_delta("iridium", start + timedelta(hours=hour))
    assert len(tle._cache) == tle.CACHE_ENTRIES


def test_a_warm_worker_serves_call_after_call(offline_suite: Suite) -> None:
    # What keeps run_circuit near AerSimulator's own speed: no process start or qiskit import per call,
    # even with a small memory limit (a worker is recycled only when it grew by half its limit).
    from servers.hardware.limits import Limits

    pool = sandbox.CircuitPool(1, warm=0)
    request = quantum.circuit_request(
        ghz(8),
        shots=64,
        method="automatic",
        seed=1,
        noise=None,
        optimization_level=1,
        limits=Limits.from_env(),
    )
    try:
        seen = []
        for _ in range(3):
            answer = pool.run(request, caller=None, wall_s=60, cpu_s=60, memory_mb=200)
            assert set(answer["counts"]) == {"0" * 8, "1" * 8}
            seen.append(tuple(pool.worker_pids()))
        assert len(seen[0]) == 1 and seen[0] == seen[1] == seen[2]
    finally:
        pool.close()


def test_an_idle_worker_killed_from_outside_is_replaced_not_used(offline_suite: Suite) -> None:
    import signal

    pool = sandbox.CircuitPool(1, warm=0)
    from servers.hardware.limits import Limits

    request = quantum.circuit_request(
        ghz(3),
        shots=16,
        method="automatic",
        seed=1,
        noise=None,
        optimization_level=1,
        limits=Limits.from_env(),
    )
    try:
        pool.run(request, caller=None, wall_s=60, cpu_s=60, memory_mb=512)
        [pid] = pool.worker_pids()
        os.kill(pid, signal.SIGKILL)
        # Until it can be waited for (every thread gone), without reaping it: the pool must notice itself.
        while os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None:
            time.sleep(0.02)
        answer = pool.run(request, caller=None, wall_s=60, cpu_s=60, memory_mb=512)
        assert set(answer["counts"]) == {"000", "111"} and pool.worker_pids() != [pid]
    finally:
        pool.close()


# A server killed without closing its pool (SIGKILL, OOM killer): its workers end on their own (EOF on stdin
# when idle, the parent watchdog while a circuit runs) and must take their working directories with them.
_ORPHAN_PARENT = """
import sys, threading, time
from servers.hardware import quantum, sandbox
from servers.hardware.limits import Limits
pool = sandbox.CircuitPool(1, warm=1)
pool.prewarm()
while not pool.worker_pids():
    time.sleep(0.05)
if sys.argv[1] == "busy":
    request = quantum.circuit_request(sys.argv[2], shots=1, method="automatic", seed=1, noise=None,
                                      optimization_level=1, limits=Limits.from_env())
    threading.Thread(target=pool.run, args=(request,), daemon=True,
                     kwargs=dict(caller=None, wall_s=600, cpu_s=600, memory_mb=512)).start()
    while pool.worker_pids():
        time.sleep(0.05)
    time.sleep(1.0)
print("ready", flush=True)
time.sleep(600)
"""


def _ended(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


@pytest.mark.parametrize("state", ["idle", "busy"])
def test_a_killed_servers_workers_leave_no_working_directory_behind(tmp_path: Path, state: str) -> None:
    import signal
    import subprocess
    import sys

    env = sandbox.worker_environment() | {"TMPDIR": str(tmp_path)}
    parent = subprocess.Popen(
        [sys.executable, "-c", _ORPHAN_PARENT, state, WHILE_FOREVER],
        cwd=sandbox.ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert parent.stdout is not None and parent.stdout.readline().strip() == "ready"
        [worker] = circuit_workers(parent.pid)
        assert [p.name for p in tmp_path.iterdir()][0].startswith("hdr-circuit-")
        if state == "busy":
            assert rss_kb(worker) > 0 and not _ended(worker)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait(30)
        if parent.stdout is not None:
            parent.stdout.close()
    deadline = time.monotonic() + 30
    while not _ended(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    ended = _ended(worker)
    if not ended:  # do not leave it burning its CPU budget for the rest of the run
        os.kill(worker, signal.SIGKILL)
    assert ended, "the orphaned worker kept running"
    assert list(tmp_path.iterdir()) == []
