"""Serial sessions against a simulated SCPI instrument on a real pseudo-terminal pair: the
instrument thread owns the master side, the server opens the slave device through pyserial."""

from __future__ import annotations

import os
import select
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from mcp import Client

from servers.hardware import serial_sessions
from servers.hardware.server import kit
from shared.suite import Suite


@dataclass
class Instrument:
    """A bench multimeter answering SCPI on the master side of a pty; silent to unknown commands."""

    master: int
    port: str
    slave: int
    stop: threading.Event = field(default_factory=threading.Event)
    heard: list[str] = field(default_factory=list)

    def serve(self) -> None:
        buffer = b""
        while not self.stop.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 1024)
            except OSError:
                return
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                command = line.decode().strip()
                self.heard.append(command)
                reply = {
                    "*IDN?": b"HDR Instruments,DMM-6500,SN042,1.0\n",
                    "MEAS:VOLT?": b"+4.99870E+00\n",
                    "DUMP?": bytes([0x00, 0xFF, 0x10, 0x0A]),
                }.get(command)
                if reply is not None:
                    os.write(self.master, reply)

    def vanish(self) -> None:
        """The device disappears: the instrument stops and the pty's master side is closed."""
        self.stop.set()
        os.close(self.master)
        self.master = -1


@pytest.fixture
def instrument(monkeypatch: pytest.MonkeyPatch) -> Iterator[Instrument]:
    master, slave = os.openpty()
    dev = Instrument(master=master, port=os.ttyname(slave), slave=slave)
    monkeypatch.setenv("HDR_HARDWARE_SERIAL_ALLOW", "/dev/pts/*")
    thread = threading.Thread(target=dev.serve, daemon=True)
    thread.start()
    yield dev
    dev.stop.set()
    thread.join(5)
    serial_sessions.close_all()
    for fd in (dev.master, dev.slave):
        if fd >= 0:
            os.close(fd)


@pytest.mark.parametrize("mode", ["legacy", "2026-07-28"])
async def test_query_an_instrument_over_a_pty(
    mode: str, instrument: Instrument, offline_suite: Suite
) -> None:
    async with Client(kit.mcp, mode=mode) as client:
        listed = await client.call_tool("serial_ports", {})
        opened = await client.call_tool(
            "serial_open", {"port": instrument.port, "baudrate": 115200, "timeout": 2}
        )
        handle = opened.structured_content["handle"]
        idn = await client.call_tool("serial_query", {"handle": handle, "command": "*IDN?"})
        volts = await client.call_tool("serial_query", {"handle": handle, "command": "MEAS:VOLT?"})
        closed = await client.call_tool("serial_close", {"handle": handle})
        again = await client.call_tool("serial_query", {"handle": handle, "command": "*IDN?"})
    assert {"port": instrument.port, "allowed": True}.items() <= next(
        p for p in listed.structured_content["ports"] if p["port"] == instrument.port
    ).items()
    assert idn.structured_content["text"] == "HDR Instruments,DMM-6500,SN042,1.0\n"
    assert float(volts.structured_content["text"]) == pytest.approx(4.9987)
    assert closed.structured_content["closed"] is True
    assert again.is_error and "No open serial session" in again.content[0].text
    assert instrument.heard == ["*IDN?", "MEAS:VOLT?"]


async def test_write_and_read_bytes_come_back_as_hex_when_not_text(
    instrument: Instrument, offline_suite: Suite
) -> None:
    async with Client(kit.mcp) as client:
        handle = (
            await client.call_tool("serial_open", {"port": instrument.port, "timeout": 2})
        ).structured_content["handle"]
        written = await client.call_tool(
            "serial_write", {"handle": handle, "data": "44554d503f0a", "encoding": "hex"}
        )
        raw = await client.call_tool("serial_read", {"handle": handle, "size": 4})
        await client.call_tool("serial_write", {"handle": handle, "data": "*IDN?\n"})
        line = await client.call_tool("serial_read", {"handle": handle, "until": "\n"})
    assert written.structured_content["bytes"] == 6
    assert raw.structured_content == {
        "handle": handle,
        "bytes": 4,
        "text": None,
        "hex": "00ff100a",
        "timed_out": False,
    }
    assert (
        line.structured_content["text"].startswith("HDR Instruments")
        and not line.structured_content["timed_out"]
    )


async def test_silent_device_times_out_with_a_clear_error_and_the_session_stays_usable(
    instrument: Instrument, offline_suite: Suite
) -> None:
    async with Client(kit.mcp) as client:
        handle = (
            await client.call_tool("serial_open", {"port": instrument.port, "timeout": 0.3})
        ).structured_content["handle"]
        silent = await client.call_tool("serial_query", {"handle": handle, "command": "SYST:BEEP"})
        empty = await client.call_tool("serial_read", {"handle": handle})
        idn = await client.call_tool("serial_query", {"handle": handle, "command": "*IDN?"})
    assert (
        silent.is_error
        and "No complete reply" in silent.content[0].text
        and "SYST:BEEP" in silent.content[0].text
    )
    assert empty.structured_content["timed_out"] is True and empty.structured_content["bytes"] == 0
    assert not idn.is_error and idn.structured_content["text"].startswith("HDR Instruments")


async def test_device_vanishing_mid_session_is_reported_and_the_session_cleaned_up(
    instrument: Instrument, offline_suite: Suite
) -> None:
    async with Client(kit.mcp) as client:
        handle = (
            await client.call_tool("serial_open", {"port": instrument.port, "timeout": 2})
        ).structured_content["handle"]
        assert not (await client.call_tool("serial_query", {"handle": handle, "command": "*IDN?"})).is_error
        instrument.vanish()
        gone = await client.call_tool("serial_query", {"handle": handle, "command": "*IDN?"})
        after = await client.call_tool("serial_read", {"handle": handle})
    assert gone.is_error and f"The device on {instrument.port} stopped responding" in gone.content[0].text
    assert "session was closed" in gone.content[0].text
    assert after.is_error and "No open serial session" in after.content[0].text
    assert serial_sessions._sessions == {}


async def test_ports_off_the_allow_list_never_open(
    instrument: Instrument, offline_suite: Suite, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    secret = tmp_path / "notes.txt"
    secret.write_text("not a serial port")
    async with Client(kit.mcp) as client:
        regular_file = await client.call_tool("serial_open", {"port": str(secret)})
        monkeypatch.setenv("HDR_HARDWARE_SERIAL_ALLOW", f"{tmp_path}/*")
        allowed_but_not_a_device = await client.call_tool("serial_open", {"port": str(secret)})
        monkeypatch.delenv("HDR_HARDWARE_SERIAL_ALLOW")
        default_list = await client.call_tool("serial_open", {"port": instrument.port})
        url = await client.call_tool("serial_open", {"port": "socket://127.0.0.1:9"})
        bad_rate = await client.call_tool("serial_read", {"handle": "serial-000000000000", "size": 10**9})
    for refused in (regular_file, allowed_but_not_a_device, default_list, url):
        assert refused.is_error and "not on the allow-list" in refused.content[0].text
    assert "/dev/ttyUSB*" in default_list.content[0].text
    assert bad_rate.is_error and "`size` must be between 1 and 65,536" in bad_rate.content[0].text
    assert serial_sessions._sessions == {}
