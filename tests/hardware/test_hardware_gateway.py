"""hardware behind the authenticating gateway, from an attacker's side: two real static tokens, real
MCP clients over HTTP. A job or serial session belongs to the token that created it (the other gets the
same "not found" as for an unknown id and changes nothing); a read token cannot read server files through
a QASM include or a TLE path; a hostile circuit from one token does not hold up the other's GHZ."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import anyio
import pytest
from helpers import free_port

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gateway"))
from gateway_support import client, serve  # noqa: E402

from servers.gateway import GatewaySettings, create_app  # noqa: E402
from servers.gateway.auth import hash_token  # noqa: E402
from servers.gateway.settings import StaticToken  # noqa: E402
from servers.hardware import serial_sessions  # noqa: E402

SCOPES = ("hardware:read", "hardware:write")
CANARY = "hdrcanary90e1"
WHILE_FOREVER = (
    'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\nbit[1] c;\nc[0] = measure q[0];\n'
    "while (c[0] == false) { x q[0]; x q[0]; c[0] = measure q[0]; }\n"
)


def ghz(n: int) -> str:
    body = "".join(f"cx q[{i}],q[{i + 1}];\n" for i in range(n - 1))
    return (
        f'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[{n}];\ncreg c[{n}];\nh q[0];\n{body}measure q -> c;\n'
    )


@pytest.fixture
def gateway(offline_suite, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.delenv("HDR_FILE_ROOTS", raising=False)
    port = free_port()
    settings = GatewaySettings(
        port=port,
        tokens=(
            StaticToken("alice", hash_token("hdr_alice_token"), SCOPES),
            StaticToken("mallory", hash_token("hdr_mallory_token"), SCOPES),
            StaticToken("reader", hash_token("hdr_reader_token"), ("hardware:read",)),
        ),
    )
    with serve(create_app(settings=settings), port=port) as base:
        yield f"{base}/hardware/mcp"


@pytest.fixture
def pty_port(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    master, slave = os.openpty()
    monkeypatch.setenv("HDR_HARDWARE_SERIAL_ALLOW", "/dev/pts/*")
    stop = threading.Event()

    def echo() -> None:  # answers every line with OK
        import select

        while not stop.is_set():
            if select.select([master], [], [], 0.05)[0]:
                try:
                    if b"\n" in os.read(master, 1024):
                        os.write(master, b"OK\n")
                except OSError:
                    return

    thread = threading.Thread(target=echo, daemon=True)
    thread.start()
    yield os.ttyname(slave)
    stop.set()
    thread.join(5)
    serial_sessions.close_all()
    os.close(master)
    os.close(slave)


async def test_another_tokens_job_is_not_found_and_left_alone(gateway: str) -> None:
    async with client(gateway, "hdr_alice_token") as alice, client(gateway, "hdr_mallory_token") as mallory:
        job_id = (
            await alice.call_tool("submit_circuit", {"qasm": WHILE_FOREVER, "shots": 1})
        ).structured_content["job_id"]
        theirs = {
            tool: await mallory.call_tool(tool, {"job_id": job_id})
            for tool in ("job_status", "job_result", "cancel_job")
        }
        unknown = await mallory.call_tool("job_status", {"job_id": "job-0123456789abcdef"})
        mine = await alice.call_tool("job_status", {"job_id": job_id})
        cancelled = await alice.call_tool("cancel_job", {"job_id": job_id})
    for tool, answer in theirs.items():
        assert answer.is_error and f"No job {job_id}." in answer.content[0].text, tool
    assert unknown.is_error and "No job job-0123456789abcdef." in unknown.content[0].text
    assert mine.structured_content["state"] in ("queued", "running")  # mallory's cancel changed nothing
    assert cancelled.structured_content["state"] == "cancelled"


async def test_another_tokens_serial_session_is_not_found(gateway: str, pty_port: str) -> None:
    async with client(gateway, "hdr_alice_token") as alice, client(gateway, "hdr_mallory_token") as mallory:
        opened = await alice.call_tool("serial_open", {"port": pty_port})
        assert not opened.is_error, opened.content[0].text
        handle = opened.structured_content["handle"]
        theirs = [
            await mallory.call_tool("serial_query", {"handle": handle, "command": "*IDN?"}),
            await mallory.call_tool("serial_write", {"handle": handle, "data": "*RST\n"}),
            await mallory.call_tool("serial_read", {"handle": handle}),
            await mallory.call_tool("serial_close", {"handle": handle}),
        ]
        unknown = await mallory.call_tool("serial_close", {"handle": "serial-000000000000"})
        mine = await alice.call_tool("serial_query", {"handle": handle, "command": "*IDN?"})
        closed = await alice.call_tool("serial_close", {"handle": handle})
    for answer in theirs:
        assert (
            answer.is_error
            and answer.content[0].text.split(": ", 1)[1] == unknown.content[0].text.split(": ", 1)[1]
        )
    assert not mine.is_error and mine.structured_content["text"] == "OK\n"
    assert not closed.is_error


async def test_a_read_token_reads_no_server_file_through_includes_or_tle_paths(
    gateway: str, tmp_path: Path, hdr_home: Path
) -> None:
    secret = tmp_path / "passwd"
    secret.write_text(f"root:x:0:0:{CANARY}:/root:/bin/bash\n")
    async with client(gateway, "hdr_reader_token") as reader:
        include = await reader.call_tool(
            "run_circuit", {"qasm": f'OPENQASM 2.0;\ninclude "{secret}";\nqreg q[1];\n'}
        )
        tle = await reader.call_tool(
            "visible_satellites", {"latitude": 1, "longitude": 2, "tle_file": str(secret)}
        )
        missing = await reader.call_tool(
            "visible_satellites", {"latitude": 1, "longitude": 2, "tle_file": str(tmp_path / "nope.tle")}
        )
    for answer in (include, tle, missing):
        assert answer.is_error and CANARY not in answer.content[0].text
    assert "standard library" in include.content[0].text
    assert (
        tle.content[0].text == missing.content[0].text
    )  # over HTTP no file is readable: no existence oracle


async def test_a_hostile_circuit_does_not_hold_up_another_tokens_ghz(
    gateway: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HDR_HARDWARE_RUN_TIMEOUT_S", "20")
    outcome: dict = {}
    async with client(gateway, "hdr_alice_token") as alice, client(gateway, "hdr_mallory_token") as mallory:
        assert not (await alice.call_tool("run_circuit", {"qasm": ghz(3)})).is_error  # warm pool

        async def attack(i: int) -> None:
            outcome[f"attack{i}"] = await mallory.call_tool(
                "run_circuit", {"qasm": WHILE_FOREVER, "shots": 1}
            )

        async with anyio.create_task_group() as tg:
            for i in range(3):  # one more than mallory's cap
                tg.start_soon(attack, i)
            while sum(1 for k in outcome if k.startswith("attack")) < 1:  # the third is refused at once
                await anyio.sleep(0.05)
            outcome["ghz"] = await alice.call_tool("run_circuit", {"qasm": ghz(20), "seed": 1})
            outcome["attacks_running"] = sum(1 for k in outcome if k.startswith("attack"))
    assert not outcome["ghz"].is_error, outcome["ghz"].content[0].text
    assert set(outcome["ghz"].structured_content["counts"]) == {"0" * 20, "1" * 20}
    assert (
        outcome["attacks_running"] == 1
    )  # the two admitted attacks were still running when the GHZ returned
    texts = sorted(outcome[f"attack{i}"].content[0].text for i in range(3))
    assert sum("already have 2 circuits running" in t for t in texts) == 1
    assert sum("longer than its limit of 20 s" in t for t in texts) == 2
