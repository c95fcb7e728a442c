"""Serial instruments through pyserial: an allow-list of ports, and sessions held by handle.

Only ports matching the allow-list (HDR_HARDWARE_SERIAL_ALLOW, glob patterns; by default USB
serial adapters) may be opened, and a path must be a character device, so an LLM cannot open
arbitrary files. Sessions live in this server process: a handle means nothing to another one.
A device that vanishes (unplugged, pty closed) closes its session and says so.

A session belongs to the principal that opened it (shared.ownership): another principal's handle
gets the same "not found" as a closed one, and one principal holds at most MAX_SESSIONS_PER_OWNER.
"""

from __future__ import annotations

import fnmatch
import glob
import os
import stat
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Literal

from servers.hardware.limits import Limits
from shared.errors import BadInput, NotFound, Refused, Unavailable
from shared.ownership import may_access

MAX_SESSIONS = 16
MAX_SESSIONS_PER_OWNER = 4
MAX_READ_BYTES = 65_536
MAX_WRITE_BYTES = 65_536
MAX_TIMEOUT_S = 30.0
BAUDRATES = (
    50,
    75,
    110,
    134,
    150,
    200,
    300,
    600,
    1200,
    1800,
    2400,
    4800,
    9600,
    19200,
    38400,
    57600,
    115200,
    230400,
    460800,
    500000,
    576000,
    921600,
    1000000,
    1152000,
    1500000,
    2000000,
    2500000,
    3000000,
    3500000,
    4000000,
)
URL_SCHEMES = ("socket://", "rfc2217://")

Parity = Literal["none", "even", "odd", "mark", "space"]
_PARITY = {"none": "N", "even": "E", "odd": "O", "mark": "M", "space": "S"}


@dataclass(frozen=True)
class Port:
    port: str
    description: str
    hardware_id: str
    allowed: bool  # whether open_port may open it under the current allow-list


@dataclass(frozen=True)
class Ports:
    ports: list[Port]
    allow_list: tuple[str, ...]


@dataclass(frozen=True)
class LineSettings:
    baudrate: int
    bytesize: int
    parity: str
    stopbits: float
    timeout_s: float


@dataclass
class Session:
    """An open port held by this process under its handle, for the principal that opened it."""

    handle: str
    port: str
    settings: LineSettings
    serial: Any
    owner: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass(frozen=True)
class Reading:
    """Bytes read from a session; `timed_out` when the read stopped at the timeout, not at its size or
    terminator."""

    handle: str
    raw: bytes
    timed_out: bool


_sessions: dict[str, Session] = {}
_sessions_lock = threading.Lock()


def port_allowed(port: str, patterns: tuple[str, ...]) -> bool:
    """A URL must match a pattern; a path must match (as given and resolved) and be a character device."""
    if port.startswith(URL_SCHEMES):
        return any(p.startswith(URL_SCHEMES) and fnmatch.fnmatchcase(port, p) for p in patterns)
    if not port.startswith("/"):
        return False
    resolved = os.path.realpath(port)
    if not any(fnmatch.fnmatchcase(port, p) for p in patterns):
        return False
    if not any(fnmatch.fnmatchcase(resolved, p) for p in patterns):
        return False
    try:
        return stat.S_ISCHR(os.stat(resolved).st_mode)
    except OSError:
        return False


def list_ports(limits: Limits | None = None) -> Ports:
    """Serial ports pyserial sees, plus character devices the allow-list names explicitly."""
    from serial.tools import list_ports as lp

    limits = limits or Limits.from_env()
    found: dict[str, Port] = {}
    for p in lp.comports():
        found[p.device] = Port(
            port=p.device,
            description=p.description or "",
            hardware_id=p.hwid or "",
            allowed=port_allowed(p.device, limits.serial_allow),
        )
    for pattern in limits.serial_allow:
        if pattern.startswith(URL_SCHEMES):
            continue
        for path in sorted(glob.glob(pattern))[:256]:
            if path not in found and port_allowed(path, limits.serial_allow):
                found[path] = Port(
                    port=path,
                    description="allowed by HDR_HARDWARE_SERIAL_ALLOW",
                    hardware_id="",
                    allowed=True,
                )
    return Ports(ports=sorted(found.values(), key=lambda p: p.port), allow_list=limits.serial_allow)


def _check_line_settings(baudrate: int, bytesize: int, parity: str, stopbits: float, timeout: float) -> None:
    if baudrate not in BAUDRATES:
        raise BadInput(
            f"`baudrate` {baudrate} is not a standard rate.", "Use e.g. 9600, 19200, 57600 or 115200."
        )
    if bytesize not in (5, 6, 7, 8):
        raise BadInput("`bytesize` must be 5, 6, 7 or 8.", "Use 8 unless the instrument says otherwise.")
    if parity not in _PARITY:
        raise BadInput(
            f"`parity` must be one of {', '.join(_PARITY)}.", "Use none unless the instrument says otherwise."
        )
    if stopbits not in (1, 1.5, 2):
        raise BadInput("`stopbits` must be 1, 1.5 or 2.", "Use 1 unless the instrument says otherwise.")
    if not 0 < timeout <= MAX_TIMEOUT_S:
        raise BadInput(
            f"`timeout` must be more than 0 and at most {MAX_TIMEOUT_S:g} seconds.",
            "Use 1 second for most instruments.",
        )


def _check_room(owner: str | None) -> None:
    """Refused when the suite, or this caller, has all the serial sessions it may have open."""
    with _sessions_lock:
        if len(_sessions) >= MAX_SESSIONS:
            raise Refused(
                f"{MAX_SESSIONS} serial sessions are already open.", "Close one with serial_close first."
            )
        if sum(1 for s in _sessions.values() if s.owner == owner) >= MAX_SESSIONS_PER_OWNER:
            raise Refused(
                f"You already have {MAX_SESSIONS_PER_OWNER} serial sessions open; that is the cap per "
                "caller.",
                "Close one with serial_close first.",
            )


def open_port(
    port: str,
    baudrate: int = 9600,
    bytesize: int = 8,
    parity: str = "none",
    stopbits: float = 1,
    timeout: float = 1.0,
    limits: Limits | None = None,
    owner: str | None = None,
) -> Session:
    limits = limits or Limits.from_env()
    if not port or len(port) > 256 or "\x00" in port:
        raise BadInput(
            "`port` is not a serial port name.", "Send a device path such as /dev/ttyUSB0 (see serial_ports)."
        )
    if not port_allowed(port, limits.serial_allow):
        raise Refused(
            f"Port {port!r} is not on the allow-list ({', '.join(limits.serial_allow)}) or is not a "
            "serial device.",
            "Use a port serial_ports lists as allowed, or have the operator add it "
            "to HDR_HARDWARE_SERIAL_ALLOW.",
        )
    _check_line_settings(baudrate, bytesize, parity, stopbits, timeout)
    _check_room(owner)
    import serial

    try:
        conn = serial.serial_for_url(
            port,
            baudrate=baudrate,
            bytesize=bytesize,
            parity=_PARITY[parity],
            stopbits=stopbits,
            timeout=timeout,
            write_timeout=timeout,
            exclusive=True,
        )
    except (serial.SerialException, OSError, ValueError) as exc:
        raise Unavailable(
            f"Could not open {port}: {_reason(exc)}",
            "Check the device is connected and not in use by another program.",
        ) from None
    handle = f"serial-{uuid.uuid4().hex[:12]}"
    settings = LineSettings(
        baudrate=baudrate, bytesize=bytesize, parity=parity, stopbits=stopbits, timeout_s=timeout
    )
    session = Session(handle=handle, port=port, settings=settings, serial=conn, owner=owner)
    with _sessions_lock:
        _sessions[handle] = session
    return session


def _io_errors() -> tuple[type[BaseException], ...]:
    """What a vanished device raises: pyserial's errors, OS errors, and termios.error (tcdrain on a
    pty whose master closed), which is not an OSError."""
    import termios

    import serial

    return (serial.SerialException, OSError, termios.error)


def _reason(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text[:200]


def _session(handle: str, principal: str | None) -> Session:
    with _sessions_lock:
        session = _sessions.get(handle) if isinstance(handle, str) else None
    if session is None or not may_access(session.owner, principal):
        raise NotFound(
            "No open serial session with that handle (it was closed, its device vanished, or it "
            "belongs to another server process).",
            "Open the port again with serial_open.",
        )
    return session


def _drop(session: Session) -> None:
    with _sessions_lock:
        _sessions.pop(session.handle, None)
    try:
        session.serial.close()
    except Exception:  # closing a vanished device can fail; the session is gone either way
        pass


def _vanished(session: Session, exc: BaseException) -> Unavailable:
    _drop(session)
    return Unavailable(
        f"The device on {session.port} stopped responding ({_reason(exc)}); the session was closed.",
        "Reconnect the device, then serial_open it again.",
    )


def _encode(data: str, encoding: str) -> bytes:
    if encoding == "hex":
        try:
            return bytes.fromhex(data)
        except ValueError:
            raise BadInput(
                "`data` is not hex.",
                "Send pairs of hex digits such as '2a49444e3f0a', or use encoding utf-8.",
            ) from None
    if encoding in ("utf-8", "ascii", "latin-1"):
        try:
            return data.encode(encoding)
        except UnicodeEncodeError:
            raise BadInput(
                f"`data` has characters {encoding} cannot encode.", "Use encoding utf-8 or hex."
            ) from None
    raise BadInput(
        "`encoding` must be utf-8, ascii, latin-1 or hex.", "Use utf-8 for text commands, hex for raw bytes."
    )


def write(handle: str, data: str, encoding: str = "utf-8", principal: str | None = None) -> int:
    """Send `data` (encoded as `encoding`: a text codec, or hex for raw bytes); returns the bytes written."""
    payload = _encode(data, encoding)
    if len(payload) > MAX_WRITE_BYTES:
        raise BadInput(
            f"`data` is {len(payload):,} bytes; the cap is {MAX_WRITE_BYTES:,}.", "Send it in smaller pieces."
        )
    session = _session(handle, principal)
    return _write(session, payload)


def _write(session: Session, payload: bytes) -> int:
    import serial

    with session.lock:
        try:
            n = session.serial.write(payload)
            session.serial.flush()
        except serial.SerialTimeoutException:
            raise Unavailable(
                f"Writing to {session.port} timed out after {session.settings.timeout_s:g} s.",
                "Check the device accepts data (flow control, baud rate).",
            ) from None
        except _io_errors() as exc:
            raise _vanished(session, exc) from None
    return n or 0


def read(
    handle: str, size: int | None = None, until: str | None = None, principal: str | None = None
) -> Reading:
    """Read `size` bytes, or up to and including `until`, or whatever arrives before the timeout."""
    if size is not None and not 1 <= size <= MAX_READ_BYTES:
        raise BadInput(
            f"`size` must be between 1 and {MAX_READ_BYTES:,}.", "Ask for fewer bytes, or read in pieces."
        )
    if until is not None and not 1 <= len(until) <= 16:
        raise BadInput("`until` must be 1-16 characters.", "Use a line ending such as \\n.")
    session = _session(handle, principal)
    return _read(session, size, until.encode("utf-8") if until is not None else None)


def _read(session: Session, size: int | None, until: bytes | None) -> Reading:
    limit = size or MAX_READ_BYTES
    with session.lock:
        conn = session.serial
        try:
            if until is not None:
                raw = conn.read_until(until, limit)
                timed_out = not raw.endswith(until) and len(raw) < limit
            elif size is not None:
                raw = conn.read(size)
                timed_out = len(raw) < size
            else:
                # whatever is waiting now, or the first bytes that arrive within the timeout
                raw = conn.read(max(1, min(conn.in_waiting, limit)))
                if raw:
                    raw += conn.read(min(conn.in_waiting, limit - len(raw)))
                timed_out = not raw
        except _io_errors() as exc:
            raise _vanished(session, exc) from None
    return Reading(handle=session.handle, raw=raw, timed_out=timed_out)


def query(handle: str, command: str, terminator: str = "\n", principal: str | None = None) -> Reading:
    """Write `command` + `terminator`, then read the reply up to `terminator`. A reply that does not
    arrive within the session's timeout is an error; leftover input is discarded first and after."""
    if not command or len(command) > 4096 or "\x00" in command:
        raise BadInput(
            "`command` must be 1-4096 characters without NUL.", "Send an instrument command such as *IDN?."
        )
    if terminator not in ("\n", "\r\n", "\r"):
        raise BadInput("`terminator` must be \\n, \\r\\n or \\r.", "Use \\n for SCPI instruments.")
    session = _session(handle, principal)

    with session.lock:
        try:
            session.serial.reset_input_buffer()
        except _io_errors() as exc:
            raise _vanished(session, exc) from None
    started = time.monotonic()
    _write(session, (command + terminator).encode("utf-8"))
    reply = _read(session, None, terminator.encode())
    if reply.timed_out:
        with session.lock:
            try:
                session.serial.reset_input_buffer()  # a late reply must not answer the next query
            except _io_errors() as exc:
                raise _vanished(session, exc) from None
        raise Unavailable(
            f"No complete reply from {session.port} to {command[:40]!r} within "
            f"{time.monotonic() - started:.1f} s (got {len(reply.raw)} bytes).",
            "Check the command and the terminator, or open the port with a longer timeout.",
        )
    return reply


def close(handle: str, principal: str | None = None) -> Session:
    """Close the session and release its port; returns the session closed."""
    session = _session(handle, principal)
    _drop(session)
    return session


def close_all() -> None:
    with _sessions_lock:
        sessions = list(_sessions.values())
    for s in sessions:
        _drop(s)
