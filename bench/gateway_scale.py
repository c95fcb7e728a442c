"""Gateway replicas under load, and one killed: 50 real MCP clients (the MCP Python SDK over streamable
HTTP) for 60 s against one `hdr serve` and against three sharing one state store (clients spread over
them), then three again with one killed by SIGKILL at 20 s: its clients retry on the others. After
each phase the state is checked from outside the replicas: every acknowledged handoff, key version and
ciphertext is present, the audit chain verifies and holds a record for every acknowledged write, and
no handoff was delivered by two replicas. (A delivery attempt that times out is retried with the same
handoff id, which the target dedupes on; receipts up to the one claim's recorded attempts are such
retries, reported as "redeliv", not as duplicates.)

The clients mix writes and a read: nexus `handoff` (delivered over MCP to a small target agent, with
a per-call `request_id`, so a retry on another replica must return the first handoff), phantom
`rotate_key` and `encrypt` (one key per client), and compliance `policies`. Memory is off (memory is
not what this measures); everything runs on loopback and stops by itself.

    .venv/bin/python bench/gateway_scale.py [--clients 50] [--seconds 60] [--kill-at 20]
        [--postgres postgresql://USER:PASSWORD@127.0.0.1:5432/postgres]

Without --postgres (or HDR_BENCH_POSTGRES_URL) the replicas share one SQLite HDR_HOME (replicas on one
machine); with it each phase gets a fresh database on that server (created and dropped here), as
replicas on several machines would. Exits 1 on a lost write, a duplicate delivery or a broken chain.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import anyio
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGET_TOOL = "receive_handoff"
TARGET_ID = "bench-target"
CALL_TIMEOUT_S = 60.0  # a handoff delivery may take three 10 s attempts


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- the replicas ------------------------------------------------------------------------------


@dataclass
class Replicas:
    """`hdr serve` processes sharing one state store, and the environment they share."""

    procs: list[subprocess.Popen[bytes]]
    urls: list[str]
    env: dict[str, str]
    logs: list[Path]

    def kill(self, index: int) -> None:
        self.procs[index].send_signal(signal.SIGKILL)
        self.procs[index].wait(10)

    def alive(self) -> list[int]:
        return [i for i, p in enumerate(self.procs) if p.poll() is None]

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)


def shared_env(home: Path, state_url: str | None) -> dict[str, str]:
    """What every replica gets: one HDR_HOME (keys, request-state key, gateway.json), one state store,
    no memory, and leave to deliver handoffs to the target agent on loopback."""
    home.mkdir(parents=True, exist_ok=True)
    key = home / "request-state.key"
    if not key.exists():
        key.write_bytes(os.urandom(48).hex().encode())
    config = home / "gateway.json"
    config.write_text(json.dumps({"rate_limit": {"per_second": 0}, "request_state_key_file": str(key)}))
    env = {
        **os.environ,
        "HDR_HOME": str(home),
        "HDR_MEMORY_URL": os.environ.get("HDR_BENCH_MEMORY_URL", "http://127.0.0.1:9"),
        "HDR_EGRESS_ALLOW": "127.0.0.1",
        "HDR_NEXUS_TOOLSETS": "all",  # `register` (the target agent) is in a toolset not listed by default
        "HDR_PHANTOM_TOOLSETS": "all",
    }
    env.pop("HDR_STATE_URL", None)
    if state_url:
        env["HDR_STATE_URL"] = state_url
    return env


def start_replicas(count: int, env: dict[str, str], timeout: float = 120) -> Replicas:
    """Start `count` `hdr serve` processes at once and wait until each answers /healthz."""
    hdr = Path(sys.executable).parent / "hdr"
    config = Path(env["HDR_HOME"]) / "gateway.json"
    procs, urls, logs = [], [], []
    for i in range(count):
        port = free_port()
        log = Path(env["HDR_HOME"]) / f"replica-{i}-{port}.log"
        node = dict(env, HDR_NODE_NAME=f"replica-{i}")
        with log.open("wb") as out:
            procs.append(
                subprocess.Popen(
                    [str(hdr), "serve", "--port", str(port), "--config", str(config)],
                    env=node,
                    stdout=subprocess.DEVNULL,
                    stderr=out,
                )
            )
        urls.append(f"http://127.0.0.1:{port}")
        logs.append(log)
    replicas = Replicas(procs, urls, env, logs)
    deadline = time.monotonic() + timeout
    for url, proc in zip(urls, procs, strict=True):
        if not _wait_healthy(url, proc, deadline):
            replicas.stop()
            raise RuntimeError(f"a replica did not start; see {logs[urls.index(url)]}")
    return replicas


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], deadline: float) -> bool:
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(f"{url}/healthz", timeout=0.5).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    return False


@contextlib.contextmanager
def replicas_on(count: int, home: Path, state_url: str | None) -> Iterator[Replicas]:
    replicas = start_replicas(count, shared_env(home, state_url))
    try:
        yield replicas
    finally:
        replicas.stop()


# -- the target agent handoffs are delivered to ---------------------------------------------------


def run_target_agent(port: int, record: Path) -> None:
    """An MCP server whose one tool appends each handoff id it receives to `record` (one line each)."""
    import uvicorn
    from mcp.server.mcpserver import MCPServer

    server = MCPServer("bench-target")

    @server.tool(name=TARGET_TOOL)
    def receive(
        handoff_id: str,
        from_agent: str,
        task: str,
        context: str | None = None,
        sealed: bool = False,
        memory_refs: list[str] | None = None,
        deadline: float | None = None,
    ) -> dict[str, str]:
        """Take on a handoff."""
        fd = os.open(record, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, (handoff_id + "\n").encode())  # one small O_APPEND write: lines never interleave
        finally:
            os.close(fd)
        return {"done": task}

    app = server.streamable_http_app(streamable_http_path="/mcp", stateless_http=True)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


@contextlib.contextmanager
def target_agent(record: Path) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--target-agent", str(port), str(record)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/mcp"
    finally:
        proc.terminate()
        proc.wait(10)


def target_card(url: str) -> dict[str, Any]:
    return {
        "name": "Bench Target",
        "description": "Receives the benchmark's handoffs over MCP.",
        "url": "https://bench.example/a2a",
        "version": "1.0.0",
        "protocolVersion": "0.3.0",
        "capabilities": {"streaming": False},
        "defaultInputModes": ["text/plain"],
        "defaultOutputModes": ["text/plain"],
        "skills": [{"id": "work", "name": "Work", "description": "Does any work.", "tags": ["general"]}],
        "metadata": {"mcp": {"url": url, "tool": TARGET_TOOL}},
    }


def delivered(record: Path) -> Counter[str]:
    return Counter(record.read_text().split()) if record.exists() else Counter()


# -- the clients ------------------------------------------------------------------------------------


@dataclass
class Acks:
    """What the replicas acknowledged, and how the calls went."""

    handoffs: dict[str, str] = field(default_factory=dict)  # request_id -> handoff id
    versions: dict[str, set[int]] = field(default_factory=dict)  # key -> acknowledged versions
    ciphertexts: list[tuple[str, str, str]] = field(default_factory=list)  # key, plaintext, ciphertext
    writes: Counter[str] = field(default_factory=Counter)  # server.tool -> acknowledged calls
    latencies: list[float] = field(default_factory=list)
    by_tool: dict[str, list[float]] = field(default_factory=dict)  # server.tool -> latencies
    errors: list[str] = field(default_factory=list)
    retries: int = 0


SERVERS = ("nexus", "phantom", "compliance")


class ReplicaDown(Exception):
    """A call failed in transport: the replica is gone or failing; the step is retried on the next one."""


@dataclass
class Step:
    server: str
    tool: str
    args: dict[str, Any]
    tag: str
    key: str


def step_for(client: int, n: int) -> Step:
    """The n-th call of a client; the same (client, n) gives the same call, so a retry on another
    replica repeats the same handoff request_id."""
    key, tag = f"bench-c{client}", f"c{client}-n{n}"
    if n % 4 == 0:
        args = {"to_agent": TARGET_ID, "task": f"task {tag}", "request_id": tag}
        return Step("nexus", "handoff", args, tag, key)
    if n % 4 == 1:  # the first encrypt creates the client's key
        return Step("phantom", "encrypt", {"key": key, "plaintext": tag}, tag, key)
    if n % 4 == 2:
        return Step("phantom", "rotate_key", {"key": key}, tag, key)
    return Step("compliance", "policies", {"framework": "pss-restricted"}, tag, key)


def acknowledge(acks: Acks, step: Step, out: dict[str, Any]) -> None:
    name = f"{step.server}.{step.tool}"
    if name == "nexus.handoff":
        acks.handoffs[step.tag] = out["handoff_id"]
    elif name == "phantom.rotate_key":
        acks.versions.setdefault(step.key, set()).add(out["latest_version"])
    elif name == "phantom.encrypt":
        acks.ciphertexts.append((step.key, step.tag, out["ciphertext"]))
    else:
        return
    acks.writes[name] += 1


async def run_steps(
    sessions: dict[str, Any], acks: Acks, client: int, first: int, deadline: float, started: list[float]
) -> int:
    """Call steps `first`, `first + 1`, ... on one replica until the deadline; returns the next step.
    `started[0]` is when the current step was first tried (kept across fail-overs for its latency)."""
    n = first
    while time.monotonic() < deadline:
        step = step_for(client, n)
        try:
            with anyio.fail_after(CALL_TIMEOUT_S):
                result = await sessions[step.server].call_tool(step.tool, step.args)
        except Exception as exc:
            raise ReplicaDown(f"{step.server}.{step.tool}: {type(exc).__name__}") from exc
        took = time.perf_counter() - started[0]
        acks.latencies.append(took)
        acks.by_tool.setdefault(f"{step.server}.{step.tool}", []).append(took)
        if result.is_error:
            acks.errors.append(f"{step.server}.{step.tool}: tool error")
        else:
            acknowledge(acks, step, result.structured_content)
        n += 1
        started[0] = time.perf_counter()
    return n


async def client_loop(client: int, urls: list[str], deadline: float, acks: Acks) -> None:
    """One client: sessions on one replica; when it fails, the same step again on the next replica
    (one try on each; then the step counts as an error and the client goes on)."""
    index, n, tries, started = client % len(urls), 0, 0, [time.perf_counter()]
    while time.monotonic() < deadline:
        failed = await on_replica(urls[index], acks, client, n, deadline, started)
        if isinstance(failed, int):
            n, tries = failed, 0
            continue
        index, tries = (index + 1) % len(urls), tries + 1
        acks.retries += 1
        if tries >= len(urls):
            acks.latencies.append(time.perf_counter() - started[0])
            acks.errors.append(failed)
            n, tries, started[0] = n + 1, 0, time.perf_counter()


async def on_replica(
    url: str, acks: Acks, client: int, n: int, deadline: float, started: list[float]
) -> int | str:
    """Run steps on one replica: the next step number when the deadline came, or what failed. Closing
    a failed replica's sessions is bounded (a dead peer must not hold the client up)."""
    from mcp import Client

    outcome: int | str | None = None
    with anyio.CancelScope() as scope:
        try:
            async with contextlib.AsyncExitStack() as stack:
                sessions = {s: await stack.enter_async_context(Client(f"{url}/{s}/mcp")) for s in SERVERS}
                try:
                    outcome = await run_steps(sessions, acks, client, n, deadline, started)
                except ReplicaDown as exc:
                    outcome = str(exc)
                    scope.deadline = anyio.current_time() + 5
        except Exception as exc:  # noqa: BLE001 - the sessions failing as they open or close
            outcome = outcome if outcome is not None else f"session failed: {type(exc).__name__}"
    if outcome is None:
        return "closing a failed replica's sessions timed out"
    return outcome


async def load(clients: int, seconds: float, replicas: Replicas, kill_at: float | None) -> tuple[Acks, float]:
    """Run the clients for `seconds`; with `kill_at`, SIGKILL the last replica that many seconds in."""
    acks = Acks()
    started = time.monotonic()

    async def killer() -> None:
        assert kill_at is not None
        await anyio.sleep(kill_at)
        await anyio.to_thread.run_sync(replicas.kill, len(replicas.procs) - 1)

    async with anyio.create_task_group() as tg:
        if kill_at is not None:
            tg.start_soon(killer)
        for i in range(clients):
            tg.start_soon(client_loop, i, replicas.urls, started + seconds, acks)
    return acks, time.monotonic() - started


async def register_target(url: str, target_url: str) -> None:
    from mcp import Client

    async with Client(f"{url}/nexus/mcp") as nexus:
        result = await nexus.call_tool("register", {"card": target_card(target_url), "agent_id": TARGET_ID})
        if result.is_error:
            raise RuntimeError(f"could not register the target agent: {result.content}")


# -- checking what was acknowledged ------------------------------------------------------------------


@dataclass
class Check:
    lost_handoffs: int
    lost_versions: int
    lost_ciphertexts: int
    missing_audit: int
    duplicate_deliveries: int  # received more often than the one delivery claim's attempts: two deliverers
    redelivered: int  # received again by the delivery's own retry after a timed-out attempt (same id)
    undelivered: int
    chain_ok: bool
    chain_records: int

    @property
    def ok(self) -> bool:
        return self.chain_ok and not (
            self.lost_handoffs
            + self.lost_versions
            + self.lost_ciphertexts
            + self.missing_audit
            + self.duplicate_deliveries
            + self.undelivered
        )


def check_state(env: dict[str, str], acks: Acks, record: Path) -> Check:
    """Read the shared state directly (not through a replica) in a fresh process, and compare."""
    payload = {
        "handoffs": acks.handoffs,
        "versions": {k: sorted(v) for k, v in acks.versions.items()},
        "ciphertexts": acks.ciphertexts,
        "writes": dict(acks.writes),
    }
    out = subprocess.run(
        [sys.executable, __file__, "--check-state"],
        input=json.dumps(payload),
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if out.returncode != 0:
        raise RuntimeError(f"the state check failed: {out.stderr[-2000:]}")
    found = json.loads(out.stdout.strip().splitlines()[-1])
    received = delivered(record)
    completed = set(found.pop("completed"))
    attempts = found.pop("attempts")
    return Check(
        **found,
        duplicate_deliveries=sum(1 for h, n in received.items() if n > attempts.get(h, 1)),
        redelivered=sum(1 for h, n in received.items() if 1 < n <= attempts.get(h, 1)),
        undelivered=len(completed - set(received)),
    )


def _check_state_here(payload: dict[str, Any]) -> dict[str, Any]:
    """In the checking process: the suite's own modules over HDR_HOME / HDR_STATE_URL from the env."""
    from servers.nexus.handoffs import Handoffs
    from servers.phantom import api
    from shared.config import Config
    from shared.errors import HDRError
    from shared.suite import Suite

    suite = Suite(Config.from_env())
    handoffs, completed, lost, attempts = Handoffs(suite.store), [], 0, {}
    for handoff_id in payload["handoffs"].values():
        try:
            found = handoffs.get(handoff_id)
        except HDRError:
            lost += 1
            continue
        if found.status == "completed":
            completed.append(handoff_id)
        attempts[handoff_id] = found.attempts
    versions = {k.name: set(k.versions) for k in api.keys(suite).keys}
    lost_versions = sum(len(set(v) - versions.get(k, set())) for k, v in payload["versions"].items())
    lost_ciphertexts = 0
    for key, plaintext, ciphertext in payload["ciphertexts"]:
        try:
            opened = api.decrypt(suite, key, ciphertext, None, None, None, "utf8").plaintext
        except HDRError:
            opened = None
        lost_ciphertexts += opened != plaintext
    missing_audit = 0
    for name, acked in payload["writes"].items():
        server, tool = name.split(".")
        missing_audit += max(0, acked - suite.audit.count(server=server, tool=tool, outcome="ok"))
    chain = suite.audit.verify()
    return {
        "lost_handoffs": lost,
        "lost_versions": lost_versions,
        "lost_ciphertexts": lost_ciphertexts,
        "missing_audit": missing_audit,
        "chain_ok": chain.ok,
        "chain_records": chain.records,
        "completed": completed,
        "attempts": attempts,
    }


# -- phases ----------------------------------------------------------------------------------------


@dataclass
class Phase:
    label: str
    replicas: int
    calls: int
    errors: int
    error_kinds: list[str]
    retries: int
    seconds: float
    calls_per_s: float
    p50_ms: float
    p99_ms: float
    check: Check


@contextlib.contextmanager
def state_store(postgres: str | None) -> Iterator[str | None]:
    """A fresh PostgreSQL database on the `postgres` server for one phase (dropped after), or None: SQLite."""
    if not postgres:
        yield None
        return
    import psycopg

    name = f"pgscale_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(postgres)
    try:
        yield urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))
    finally:
        with psycopg.connect(postgres, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_phase(
    label: str, count: int, clients: int, seconds: float, kill_at: float | None, postgres: str | None
) -> Phase:
    with tempfile.TemporaryDirectory(prefix="hdr-scale-") as tmp, state_store(postgres) as state_url:
        record = Path(tmp) / "delivered.txt"
        with (
            target_agent(record) as target_url,
            replicas_on(count, Path(tmp) / "home", state_url) as replicas,
        ):
            anyio.run(register_target, replicas.urls[0], target_url)
            acks, elapsed = anyio.run(load, clients, seconds, replicas, kill_at)
            check = check_state(replicas.env, acks, record)
    q = statistics.quantiles(acks.latencies, n=100) if len(acks.latencies) >= 2 else [float("nan")] * 99
    return Phase(
        label=label,
        replicas=count,
        calls=len(acks.latencies),
        errors=len(acks.errors),
        error_kinds=sorted(set(acks.errors))[:5],
        retries=acks.retries,
        seconds=round(elapsed, 1),
        calls_per_s=round(len(acks.latencies) / elapsed, 1),
        p50_ms=round(q[49] * 1000, 1),
        p99_ms=round(q[98] * 1000, 1),
        check=check,
    )


def print_table(phases: list[Phase]) -> None:
    head = f"{'':<34}{'calls':>8}{'errors':>8}{'retried':>8}{'calls/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
    print(head + f"{'lost':>6}{'dup':>5}{'redeliv':>8}{'chain':>7}")
    for p in phases:
        c = p.check
        lost = c.lost_handoffs + c.lost_versions + c.lost_ciphertexts + c.missing_audit + c.undelivered
        print(
            f"{p.label:<34}{p.calls:>8}{p.errors:>8}{p.retries:>8}{p.calls_per_s:>9}{p.p50_ms:>9}{p.p99_ms:>9}"
            f"{lost:>6}{c.duplicate_deliveries:>5}{c.redelivered:>8}{'ok' if c.chain_ok else 'BROKEN':>7}"
        )
        if p.error_kinds:
            print(f"  errors: {p.error_kinds}")
    if len(phases) >= 2 and phases[0].calls_per_s:
        print(f"3 replicas / 1 replica throughput: {phases[1].calls_per_s / phases[0].calls_per_s:.2f}x")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--kill-at", type=float, default=20, help="seconds into the last phase")
    parser.add_argument("--postgres", default=os.environ.get("HDR_BENCH_POSTGRES_URL"))
    parser.add_argument("--target-agent", nargs=2, metavar=("PORT", "RECORD"), help=argparse.SUPPRESS)
    parser.add_argument("--check-state", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.target_agent:
        run_target_agent(int(args.target_agent[0]), Path(args.target_agent[1]))
        return 0
    if args.check_state:
        print(json.dumps(_check_state_here(json.loads(sys.stdin.read()))))
        return 0
    backend = "PostgreSQL" if args.postgres else "shared SQLite"
    print(f"{args.clients} MCP clients, {args.seconds:.0f} s per phase, state on {backend}")
    phases = [
        run_phase("1 replica", 1, args.clients, args.seconds, None, args.postgres),
        run_phase("3 replicas", 3, args.clients, args.seconds, None, args.postgres),
        run_phase(
            f"3 replicas, one SIGKILLed at {args.kill_at:.0f} s",
            3,
            args.clients,
            args.seconds,
            args.kill_at,
            args.postgres,
        ),
    ]
    print_table(phases)
    return 0 if all(p.check.ok for p in phases) else 1


if __name__ == "__main__":
    sys.exit(main())
