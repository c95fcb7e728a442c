"""Fixtures every test can use: an isolated HDR_HOME and a real Chroma server for the shared
memory. Plain helpers (free_port, wait_http, need_service) are in helpers.py."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import CHROMIUM, free_port, fresh_postgres_database, need_service, postgres_admin_url, wait_http

from shared.config import Config
from shared.suite import Suite, set_suite

# Tests drive every tool, so every toolset is listed (tests/shared/test_toolsets.py checks the defaults).
os.environ.setdefault("HDR_TOOLSETS", "all")


@pytest.fixture(scope="session")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `chroma run` server for the whole test session."""
    exe = Path(sys.executable).parent / "chroma"
    chroma = str(exe) if exe.exists() else shutil.which("chroma")
    need_service("Chroma server", chroma is not None, "install chromadb (it ships `chroma run`)")
    port = free_port()
    data = tmp_path_factory.mktemp("chroma")
    proc = subprocess.Popen(
        [chroma, "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        need_service("Chroma server", wait_http(f"{url}/api/v2/heartbeat"), "`chroma run` did not start")
        yield url
    finally:
        # chromadb keeps every client's System (and its HTTP connection pool) in a class-level cache
        # for the life of the process: drop it, so those sockets are collected (and counted) at session
        # end instead of printing ResourceWarnings after pytest's closing line at interpreter exit.
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient.clear_system_cache()
        proc.terminate()
        proc.wait(10)


@pytest.fixture(autouse=True)
def _fresh_retry_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with nexus's per-endpoint retry budget full: loopback ports are reused between
    tests, and one test's dead endpoint must not shorten another's retries."""
    delivery = sys.modules.get("servers.nexus.delivery")
    if delivery is not None:
        from shared.retry import RetryBudget

        monkeypatch.setattr(delivery, "BUDGET", RetryBudget())


@pytest.fixture
def hdr_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh HDR_HOME for this test (state store, audit log, keys)."""
    home = tmp_path / "hdr-home"
    monkeypatch.setenv("HDR_HOME", str(home))
    return home


@pytest.fixture
def suite(hdr_home: Path, chroma_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Suite]:
    """The process's Suite, on a fresh HDR_HOME and the session's real Chroma server.
    Each test gets its own memory collection, so recalls never see another test's entries."""
    monkeypatch.setenv("HDR_MEMORY_URL", chroma_url)
    monkeypatch.setenv("HDR_MEMORY_COLLECTION", f"test-{uuid.uuid4().hex[:12]}")
    s = Suite(Config.from_env())
    set_suite(s)
    yield s
    set_suite(None)


@pytest.fixture
def offline_suite(hdr_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Suite]:
    """A Suite for tests that never touch the vector memory (no Chroma server needed)."""
    monkeypatch.setenv("HDR_MEMORY_URL", "http://127.0.0.1:9")  # nothing listens: memory use fails loudly
    s = Suite(Config.from_env())
    set_suite(s)
    yield s
    set_suite(None)


@pytest.fixture
def chromium_path() -> str:
    """Debian's Chromium, for Playwright to drive by executable_path (no downloaded browser)."""
    need_service(
        "Chromium",
        Path(CHROMIUM).exists() or shutil.which("chromium") is not None,
        "apt-get install -y chromium (Debian's build; Playwright drives it by executable_path)",
    )
    try:
        import playwright  # noqa: F401
    except ImportError:
        need_service(
            "Chromium", False, "pip install playwright (the Python package; no `playwright install`)"
        )
    return CHROMIUM if Path(CHROMIUM).exists() else str(shutil.which("chromium"))


# -- PostgreSQL: the state store's second backend ---------------------------------------------------
# HDR_TEST_POSTGRES_URL names a server where the tests may create databases (.ci/run starts one);
# each test that asks for PostgreSQL gets its own fresh database, dropped afterwards.
@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test."""
    yield from fresh_postgres_database(postgres_admin_url())


@pytest.fixture(params=["sqlite", "postgresql"])
def state_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a state-layer test keeps its store, once per backend: a SQLite file, then a fresh
    PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "state.db")
    else:
        yield from fresh_postgres_database(postgres_admin_url())


@pytest.fixture
def backend_suite(state_target: str, hdr_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Suite]:
    """`offline_suite` on each backend (HDR_STATE_URL set for PostgreSQL, so subprocesses share it)."""
    if state_target.startswith("postgresql"):
        monkeypatch.setenv("HDR_STATE_URL", state_target)
    monkeypatch.setenv("HDR_MEMORY_URL", "http://127.0.0.1:9")
    s = Suite(Config.from_env())
    set_suite(s)
    yield s
    set_suite(None)
    s.store.close()


# -- resources that tests left behind -------------------------------------------------------------
# Objects nothing references any more (a socket an SDK transport or a test server left open) would
# otherwise be collected at interpreter exit, where their ResourceWarnings print after pytest's
# summary line. Collect them here, count them, and say so in the summary instead.
_LEAKS: list[str] = []


def _stop_job_runners() -> None:
    """hardware's job runners (detached worker processes the tests' jobs started) outlive their tests by
    their idle lease; stop them so no process is left behind and no Popen is collected while it runs
    (which printed "subprocess ... is still running" after pytest's closing line)."""
    jobs = sys.modules.get("servers.hardware.jobs")
    if jobs is None:
        return
    with jobs._children_lock:
        children = list(jobs._children.values())
        jobs._children.clear()
    for child in children:
        if child.poll() is None:
            child.terminate()
        try:
            child.wait(10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait(10)


def _running_children() -> list[str]:
    """This process's child processes still running, each as its command line (from /proc)."""
    me, found = str(os.getpid()), []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if fields[1] == me and fields[0] not in ("Z", "X"):
                cmd = (stat.parent / "cmdline").read_bytes().split(b"\0")
                found.append(" ".join(part.decode(errors="replace") for part in cmd[:4] if part))
        except (OSError, IndexError):
            continue
    return sorted(found)


_CHILDREN: list[str] = []
_UNWAITED: list[str] = []


def _unwaited_popens() -> list[str]:
    """Popen objects still referenced at session end whose process was never waited for: each prints
    "subprocess N is still running" when collected at interpreter exit, after the summary, with no name.
    Say which command each ran (its first two words: no arguments, which may carry paths or secrets)."""
    found = []
    for obj in gc.get_objects():
        if isinstance(obj, subprocess.Popen) and obj._child_created and obj.returncode is None:
            args = obj.args if isinstance(obj.args, list | tuple) else str(obj.args).split()
            state = "running" if obj.poll() is None else "exited, never waited for"
            found.append(f"pid {obj.pid} ({state}): {' '.join(str(a) for a in list(args)[:3])}")
    return found


def _close_circuit_pool() -> None:
    """hardware's circuit pool keeps warm workers for the life of the process (closed at exit): close it
    now, so what is still running below is what a test left behind, not the pool's warm workers."""
    sandbox = sys.modules.get("servers.hardware.sandbox")
    if sandbox is not None and sandbox._pool is not None:
        sandbox._pool.close()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _stop_job_runners()
    _close_circuit_pool()
    _CHILDREN.extend(_running_children())
    _UNWAITED.extend(_unwaited_popens())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        gc.collect()
    _LEAKS.extend(
        str(w.message).split(" ")[1].strip("<").split(".")[-1]
        for w in caught
        if issubclass(w.category, ResourceWarning)
    )


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    for command in _CHILDREN:  # they print "subprocess N is still running" at exit: say which they are
        terminalreporter.write_line(f"process left running by tests at session end: {command}")
    for popen in _UNWAITED:
        terminalreporter.write_line(f"subprocess.Popen left unwaited at session end: {popen}")
    if _LEAKS:
        kinds = ", ".join(f"{n} {k}" for k, n in sorted({k: _LEAKS.count(k) for k in _LEAKS}.items()))
        terminalreporter.write_line(f"resources left open by tests, collected at session end: {kinds}")
