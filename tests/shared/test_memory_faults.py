"""The shared memory's server dying under running servers (issue #18, faults survived): a killed local
server is restarted by the next call; while an external one is down, decisions wait in the store's
outbox and are written, with their ids, owners and times, when it is back; recall says plainly that
memory is down. Real `chroma run` processes, killed with SIGKILL."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import free_port, need_service, wait_http

from shared.config import Config
from shared.errors import Unavailable
from shared.suite import Suite


def _chroma() -> str | None:
    exe = Path(sys.executable).parent / "chroma"
    return str(exe) if exe.exists() else shutil.which("chroma")


class ChromaProcess:
    def __init__(self, data: Path, port: int) -> None:
        self.data, self.port = data, port
        self.url = f"http://127.0.0.1:{port}"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [_chroma(), "run", "--path", str(self.data), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        need_service("Chroma server", wait_http(f"{self.url}/api/v2/heartbeat"), "`chroma run` did not start")

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)


@pytest.fixture
def external(tmp_path: Path) -> Iterator[ChromaProcess]:
    need_service("Chroma server", _chroma() is not None, "install chromadb (it ships `chroma run`)")
    server = ChromaProcess(tmp_path / "chroma", free_port())
    server.start()
    yield server
    if server.proc is not None and server.proc.poll() is None:
        server.kill()


def test_decisions_wait_in_the_outbox_while_memory_is_down_and_nothing_is_lost(
    hdr_home: Path, external, monkeypatch
) -> None:
    monkeypatch.setenv("HDR_MEMORY_URL", external.url)
    suite = Suite(Config.from_env())
    first = suite.record(
        "forge right-sized checkout-api to 300m CPU", "decision", source="forge", tool="optimize"
    )
    assert first is not None

    external.kill()
    kept = suite.record(
        "compliance attested payments-api as passing pss-restricted",
        "decision",
        source="compliance",
        tool="attest",
    )
    assert kept is None  # the decision stands; its memory entry waits
    assert suite.memory_outbox_size() == 1
    with pytest.raises(Unavailable, match="The shared memory is down"):
        suite.memory.recall("payments-api attestation")

    external.start()  # the same data directory and port: the server came back
    third = suite.record(
        "nexus handed the incident to the on-call agent", "decision", source="nexus", tool="handoff"
    )
    assert third is not None
    assert suite.memory_outbox_size() == 0
    hits = suite.memory.recall("payments-api attested pss-restricted", k=3)
    assert hits[0].text == "compliance attested payments-api as passing pss-restricted"
    assert hits[0].source == "compliance" and hits[0].kind == "decision"
    assert suite.memory.count() == 3


def _not_yet_dead(pid: int) -> bool:
    """The process still runs: neither gone nor a zombie waiting to be reaped (from /proc)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def test_a_killed_local_memory_server_is_restarted_by_the_next_call(hdr_home: Path, monkeypatch) -> None:
    need_service("Chroma server", _chroma() is not None, "install chromadb (it ships `chroma run`)")
    monkeypatch.delenv("HDR_MEMORY_URL", raising=False)
    monkeypatch.setenv("HDR_MEMORY_PORT", str(free_port()))
    suite = Suite(Config.from_env())
    try:
        suite.memory.remember("the EU keys were rotated on Monday", "note", source="phantom", tool="remember")
        state = json.loads((hdr_home / "memory" / "server.json").read_text())
        os.kill(state["pid"], signal.SIGKILL)
        deadline = time.monotonic() + 10
        while _not_yet_dead(state["pid"]) and time.monotonic() < deadline:
            time.sleep(0.05)  # SIGKILL is not instant under load: wait until it has exited (a zombie)
        assert suite.memory.local.running() is None

        hits = suite.memory.recall("when were the EU keys rotated?", k=1)  # restarts the server
        assert hits and hits[0].text == "the EU keys were rotated on Monday"
        restarted = json.loads((hdr_home / "memory" / "server.json").read_text())
        assert restarted["pid"] != state["pid"]
        # the killed server was this process's child: it is reaped when replaced, not left a zombie
        assert not Path(f"/proc/{state['pid']}").exists()
    finally:
        suite.memory.local.stop()
