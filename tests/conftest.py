"""Fixtures every test can use: an isolated HDR_HOME, a real Chroma server for the shared
memory, and `need_service` which skips on a laptop without a service but fails under CI
(HDR_REQUIRE_SERVICES=1), so a missing service is never counted as a pass there."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from shared.config import Config
from shared.suite import Suite, set_suite

ROOT = Path(__file__).resolve().parent.parent
# Tests drive every tool, so every toolset is listed (tests/shared/test_toolsets.py checks the defaults).
os.environ.setdefault("HDR_TOOLSETS", "all")
SHARED_DIR = ROOT.parent / "shared"  # ../shared beside the checkout (models, TLE data)


def need_service(name: str, available: bool, how: str) -> None:
    """Skip when `name` is unavailable, unless HDR_REQUIRE_SERVICES=1 (CI), where it fails."""
    if available:
        return
    message = f"{name} is not available here: {how}"
    if os.environ.get("HDR_REQUIRE_SERVICES") == "1":
        pytest.fail(message + " (HDR_REQUIRE_SERVICES=1 makes this a failure)")
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=0.5).status_code < 500:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    return False


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
        proc.terminate()
        proc.wait(10)


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


# -- PostgreSQL: the state store's second backend ---------------------------------------------------
# HDR_TEST_POSTGRES_URL names a server where the tests may create databases (.ci/run starts one);
# each test that asks for PostgreSQL gets its own fresh database, dropped afterwards.
POSTGRES_ENV = "HDR_TEST_POSTGRES_URL"


def postgres_admin_url() -> str:
    """The test server's URL; skips (fails in CI) when there is none."""
    url = os.environ.get(POSTGRES_ENV, "")
    need_service("PostgreSQL", bool(url), f"set {POSTGRES_ENV}=postgresql://user:password@host:port/postgres")
    return url


def fresh_postgres_database(admin_url: str) -> Iterator[str]:
    """A new, empty database on the test server (its URL), dropped when the generator ends."""
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"{os.environ.get('HDR_TEST_DB_PREFIX', 'hdr_test')}_{uuid.uuid4().hex[:12]}"
    conninfo = make_url(admin_url).set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        with psycopg.connect(conninfo, autocommit=True, connect_timeout=5) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        need_service("PostgreSQL", False, f"{POSTGRES_ENV} does not answer ({type(exc).__name__})")
    try:
        yield make_url(conninfo).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(conninfo, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


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
