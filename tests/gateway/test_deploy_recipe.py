"""docs/deploy.md's three-replica recipe runs as written (FastAPI's habit): the shell block, with only
the site-specific parts replaced (HDR_HOME, the PostgreSQL URL, the ports), starts three `hdr serve`
processes that share one PostgreSQL state store and answer readiness on the store. What one replica encrypts
(a key created on first use) another decrypts."""

from __future__ import annotations

import os
import re
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from helpers import ROOT, free_port, fresh_postgres_database, postgres_admin_url, wait_http
from mcp import Client

DOC = (ROOT / "docs" / "deploy.md").read_text()
RECIPE = re.search(r"```bash\n(export HDR_HOME=.*?)```", DOC, re.S)


@pytest.fixture
def state_url() -> Iterator[str]:
    yield from fresh_postgres_database(postgres_admin_url())


def recipe(home: Path, url: str, ports: list[int]) -> str:
    assert RECIPE is not None, "docs/deploy.md lost its three-replica shell block"
    script = RECIPE.group(1)
    for placeholder in ("/srv/hdr", "postgresql://hdr:PASSWORD@127.0.0.1:5432/hdr", "8001 8002 8003"):
        assert placeholder in script, f"the recipe no longer says {placeholder!r}: update this test with it"
    script = script.replace("/srv/hdr", str(home)).replace(
        "postgresql://hdr:PASSWORD@127.0.0.1:5432/hdr", url
    )
    return script.replace("8001 8002 8003", " ".join(map(str, ports)))


@pytest.mark.service("postgresql")
@pytest.mark.slow
async def test_the_three_replica_recipe_runs_as_written(tmp_path: Path, state_url: str) -> None:
    ports = [free_port() for _ in range(3)]
    env = {
        **os.environ,
        "PATH": f"{ROOT / '.venv' / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "HDR_MEMORY_URL": "http://127.0.0.1:9",  # no Chroma here: readiness then reports memory down
    }
    env.pop("HDR_STATE_URL", None)
    shell = subprocess.Popen(
        ["bash", "-c", recipe(tmp_path / "srv", state_url, ports) + "\nwait\n"],
        env=env,
        start_new_session=True,  # the replicas are its children: one signal stops them all
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for port in ports:
            assert wait_http(f"http://127.0.0.1:{port}/healthz", timeout=180), (
                f"replica on {port} never answered"
            )
        for port in ports:
            ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=10).json()
            assert ready["store"] is True, ready
        async with Client(f"http://127.0.0.1:{ports[0]}/phantom/mcp") as first:
            sealed = await first.call_tool("encrypt", {"plaintext": "shared state", "key": "recipe"})
            assert not sealed.is_error, sealed.content
        async with Client(f"http://127.0.0.1:{ports[2]}/phantom/mcp") as third:
            opened = await third.call_tool(
                "decrypt", {"ciphertext": sealed.structured_content["ciphertext"], "key": "recipe"}
            )
        assert not opened.is_error and opened.structured_content["plaintext"] == "shared state", (
            opened.content
        )
    finally:
        os.killpg(shell.pid, signal.SIGTERM)
        try:
            shell.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(shell.pid, signal.SIGKILL)
            shell.wait()
