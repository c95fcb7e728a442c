"""Plain helpers tests import (`from helpers import free_port`): ports, waiting for a service, and
`need_service`, which skips on a laptop without a service but fails under CI (HDR_REQUIRE_SERVICES=1),
so a missing service is never counted as a pass there. Fixtures live in conftest.py."""

from __future__ import annotations

import os
import socket
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = ROOT.parent / "shared"  # ../shared beside the checkout (models, TLE data)
ARTIFACTS = ROOT / "test-artifacts"  # screenshots kept for a person to look at
CHROMIUM = os.environ.get("HDR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


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
        port: int = s.getsockname()[1]
        return port


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


# PostgreSQL: the state store's second backend. HDR_TEST_POSTGRES_URL names a server where the tests
# may create databases (.ci/run starts one); each test that asks gets its own fresh database.
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


def plain_handoff(handoffs: Any, **changes: Any) -> Any:
    """`Handoffs.create` with the plain arguments the state tests use (agent a to b, task "t", inbox,
    60 s, nothing sealed or attached), each changeable by keyword."""
    args: dict[str, Any] = {
        "from_agent": "a",
        "to_agent": "b",
        "task": "t",
        "context": None,
        "sealed": False,
        "memory_refs": [],
        "channel": "inbox",
        "deadline_s": 60,
    }
    return handoffs.create(**{**args, **changes})
