"""hardware's MCP surface. The logic lives in the domain modules beside this file:
quantum.py and jobs.py (Qiskit Aer), serial_sessions.py (pyserial), tle.py, orbits.py and
handoff.py (SGP4 satellite handoff). Heavy libraries load inside those modules on first use."""

from __future__ import annotations

from typing import Annotated, Literal

from mcp.server.mcpserver import Context
from pydantic import Field

from servers.hardware import handoff, jobs, plans, prompts, quantum, serial_sessions, tle
from servers.hardware.limits import COMPACT_SHOWN, MAX_INTERVALS_SHOWN
from servers.hardware.models import (
    Backends,
    CircuitRun,
    Closed,
    HandoffPlan,
    JobResult,
    JobStatus,
    Overhead,
    Passes,
    PortList,
    Received,
    SessionInfo,
    Written,
)
from servers.hardware.quantum import NoiseSpec
from shared.files import allowed_roots
from shared.server import create_server, run
from shared.tools import Progress, authenticated_principal

kit = create_server(
    "hardware",
    title="HDR hardware",
    description="The physical edge: quantum circuits on Qiskit Aer, serial instruments "
    "and LEO satellite handoff plans.",
)
mcp = kit.mcp

Qasm = Annotated[
    str,
    Field(
        description="OpenQASM 2 or 3 source, starting with `OPENQASM 2.0;` or `OPENQASM 3.0;`, "
        "with measurements"
    ),
]
Shots = Annotated[int, Field(description="How many times to sample the circuit")]
MethodArg = Annotated[quantum.Method, Field(description="Aer simulation method; automatic picks one")]
Seed = Annotated[int | None, Field(description="Seed for reproducible counts")]
Noise = Annotated[
    NoiseSpec | None, Field(description="Optional simple noise: depolarizing per gate, readout flips")
]
OptLevel = Annotated[int, Field(description="Transpiler optimization level 0-3")]
JobId = Annotated[str, Field(description="The job_id submit_circuit returned")]
Handle = Annotated[str, Field(description="The handle serial_open returned")]
Lat = Annotated[float, Field(description="Latitude in degrees, -90..90 (north positive)")]
Lon = Annotated[float, Field(description="Longitude in degrees, -180..180 (east positive)")]
Alt = Annotated[float, Field(description="Altitude above sea level in metres")]
MinEl = Annotated[float, Field(description="Lowest usable elevation in degrees (Starlink terminals: 25)")]
Constellation = Annotated[str, Field(description="starlink, oneweb, iridium or kuiper")]
SourceArg = Annotated[
    Literal["auto", "file", "celestrak", "synthetic"],
    Field(
        description="Where orbits come from: auto (configured TLE file, else cached CelesTrak, else a synthetic shell), "
        "file, celestrak (download, cached 2 h), synthetic"
    ),
]
PolicyArg = Annotated[
    Literal["max_elevation", "longest_visible", "hysteresis"],
    Field(
        description="max_elevation: always the highest satellite; longest_visible: keep the one that stays "
        "longest, switch only when it sets; hysteresis: switch only for hysteresis_deg more elevation"
    ),
]
TleFile = Annotated[
    str | None,
    Field(
        description="Path of a TLE file to use instead of the configured source; "
        "only files under the folders this server may read (the client's roots)"
    ),
]


# -- quantum ------------------------------------------------------------------------------------


@kit.tool(
    examples=["run a 3-qubit GHZ circuit and show the counts", "simulate this OpenQASM with 4096 shots"],
    title="Run a quantum circuit",
    read_only=True,
)
def run_circuit(
    qasm: Qasm,
    shots: Shots = 1024,
    method: MethodArg = "automatic",
    seed: Seed = None,
    noise: Noise = None,
    optimization_level: OptLevel = 1,
    *,
    progress: Progress,
) -> CircuitRun:
    """Simulate an OpenQASM 2/3 circuit on Qiskit Aer and wait for the result. Use for circuits that finish in
    seconds; for big ones use submit_circuit. Returns counts and probabilities per bitstring, the method Aer
    actually used, the transpiled depth, size and width, and timings. A circuit too big for the chosen method is
    refused with the method that would run it; invalid QASM gets the parser's line and column."""
    run = quantum.run_circuit(
        qasm,
        shots=shots,
        method=method,
        seed=seed,
        noise=noise,
        optimization_level=optimization_level,
        progress=progress,
        caller=authenticated_principal(),
    )
    return CircuitRun.of(run)


@kit.tool(
    examples=["which quantum simulators can I use?"],
    title="List quantum backends",
    read_only=True,
    idempotent=True,
)
def backends() -> Backends:
    """List the simulators available (Aer methods, each with the largest circuit it can run here) and whether
    IBM Quantum hardware is configured, plus the caps on qubits, shots and memory."""
    return Backends.of(quantum.backends())


@kit.tool(
    examples=["start this big circuit in the background"], title="Submit a circuit job", read_only=False
)
def submit_circuit(
    qasm: Qasm,
    shots: Shots = 1024,
    method: MethodArg = "automatic",
    seed: Seed = None,
    noise: Noise = None,
    optimization_level: OptLevel = 1,
) -> JobStatus:
    """Start a long circuit simulation in the background and return its job_id at once. Jobs queue for a few
    runner processes and survive the client disconnecting; each caller may have a few queued or running. Follow
    it with job_status, fetch counts with job_result, stop it with cancel_job."""
    suite = kit.suite
    job = jobs.submit(
        suite.store,
        str(suite.config.home),
        qasm,
        shots=shots,
        method=method,
        seed=seed,
        noise=noise,
        optimization_level=optimization_level,
        owner=authenticated_principal(),
    )
    return JobStatus.of(job)


@kit.tool(examples=["is my quantum job done yet?"], title="Job status", read_only=True, idempotent=True)
def job_status(job_id: JobId) -> JobStatus:
    """State and progress of a circuit job: queued, running, done, failed, cancelled, or died (its process was
    killed or ran out of memory)."""
    return JobStatus.of(
        jobs.status(kit.suite.store, job_id, authenticated_principal(), str(kit.suite.config.home))
    )


@kit.tool(examples=["get the counts of my finished job"], title="Job result", read_only=True, idempotent=True)
def job_result(job_id: JobId) -> JobResult:
    """The counts, probabilities and circuit metrics of a finished job (same shape as run_circuit). Errors if
    the job is still running or did not finish."""
    return JobResult.of(jobs.result(kit.suite.store, job_id, authenticated_principal()))


@kit.tool(examples=["cancel the running circuit job"], title="Cancel a job", read_only=False, idempotent=True)
def cancel_job(job_id: JobId) -> JobStatus:
    """Stop a queued or running circuit job (its worker process is terminated). A finished job is left as it is.
    Returns the job's state afterwards."""
    return JobStatus.of(jobs.cancel(kit.suite.store, job_id, authenticated_principal()))


# -- serial -------------------------------------------------------------------------------------


@kit.tool(
    examples=["which serial devices are connected?"],
    title="List serial ports",
    read_only=True,
    idempotent=True,
    open_world=True,
)
def serial_ports() -> PortList:
    """List serial ports on this machine and whether each may be opened under the allow-list."""
    return PortList.of(serial_sessions.list_ports())


@kit.tool(
    examples=["open the multimeter on /dev/ttyUSB0 at 9600 baud"],
    title="Open a serial port",
    read_only=False,
    open_world=True,
)
def serial_open(
    port: Annotated[str, Field(description="Device path such as /dev/ttyUSB0, from serial_ports")],
    baudrate: Annotated[int, Field(description="Bits per second, e.g. 9600 or 115200")] = 9600,
    bytesize: Annotated[int, Field(description="Data bits: 5, 6, 7 or 8")] = 8,
    parity: Annotated[serial_sessions.Parity, Field(description="none, even, odd, mark or space")] = "none",
    stopbits: Annotated[float, Field(description="1, 1.5 or 2")] = 1,
    timeout: Annotated[float, Field(description="Seconds to wait for data on each read, up to 30")] = 1.0,
) -> SessionInfo:
    """Open an allowed serial port (an instrument, a microcontroller) and return a session handle for
    serial_write, serial_read, serial_query and serial_close. Only ports on the operator's allow-list open."""
    session = serial_sessions.open_port(
        port, baudrate, bytesize, parity, stopbits, timeout, owner=authenticated_principal()
    )
    return SessionInfo.of(session)


@kit.tool(
    examples=["send *RST to the instrument"], title="Write to a serial port", read_only=False, open_world=True
)
def serial_write(
    handle: Handle,
    data: Annotated[str, Field(description="What to send")],
    encoding: Annotated[
        Literal["utf-8", "ascii", "latin-1", "hex"],
        Field(description="How to turn data into bytes; hex for raw bytes like '0a1b'"),
    ] = "utf-8",
) -> Written:
    """Send bytes to an open serial session. Include the line ending the device expects (e.g. \\n)."""
    return Written.of(
        handle, serial_sessions.write(handle, data, encoding, principal=authenticated_principal())
    )


@kit.tool(
    examples=["read what the device sent"], title="Read from a serial port", read_only=False, open_world=True
)
def serial_read(
    handle: Handle,
    size: Annotated[int | None, Field(description="Read exactly this many bytes (or until timeout)")] = None,
    until: Annotated[str | None, Field(description="Read up to and including this, e.g. \\n")] = None,
) -> Received:
    """Read from an open serial session: `size` bytes, up to `until`, or whatever arrives before the timeout.
    Returns text when the bytes are printable, hex otherwise, and whether the read timed out."""
    return Received.of(serial_sessions.read(handle, size, until, principal=authenticated_principal()))


@kit.tool(
    examples=["ask the instrument for its identity (*IDN?)", "measure the voltage"],
    title="Query an instrument",
    read_only=False,
    open_world=True,
)
def serial_query(
    handle: Handle,
    command: Annotated[str, Field(description="Command, e.g. *IDN? or MEAS:VOLT?")],
    terminator: Annotated[
        Literal["\n", "\r\n", "\r"],
        Field(description="Line ending sent after the command and expected after the reply"),
    ] = "\n",
) -> Received:
    """Send a command and read the one-line reply (SCPI style: *IDN?, MEAS:VOLT?). Errors if no complete reply
    arrives within the session's timeout."""
    return Received.of(
        serial_sessions.query(handle, command, terminator, principal=authenticated_principal())
    )


@kit.tool(
    examples=["close the serial session"],
    title="Close a serial port",
    read_only=False,
    idempotent=False,
    open_world=True,
)
def serial_close(handle: Handle) -> Closed:
    """Close an open serial session and release its port."""
    return Closed.of(serial_sessions.close(handle, principal=authenticated_principal()))


# -- satellites ---------------------------------------------------------------------------------


def _ground(
    latitude: float,
    longitude: float,
    altitude_m: float,
    min_elevation_deg: float,
    constellation: str,
    source: tle.Source,
    tle_file: str | None,
    ctx: Context,
) -> handoff.Ground:
    """The arguments every satellite tool takes, as the domain's one definition of them. A caller's
    `tle_file` may be only under the client's declared roots within HDR_FILE_ROOTS (asked only when a
    file is named; over HTTP none unless the operator configured some)."""
    roots = allowed_roots(ctx) if tle_file is not None else []
    return handoff.Ground(
        kit.suite.config.home,
        latitude,
        longitude,
        altitude_m,
        min_elevation_deg,
        constellation,
        source,
        tle_file,
        roots,
    )


@kit.tool(
    examples=["which Starlink satellite should our terminal in Seattle use for the next hour?"],
    title="Plan LEO satellite handoffs",
    read_only=True,
    idempotent=True,
    open_world=True,
)
def handoff_satellite(
    latitude: Lat,
    longitude: Lon,
    altitude_m: Alt = 0.0,
    start: Annotated[str | None, Field(description="ISO 8601 start time (UTC); default now")] = None,
    duration_s: Annotated[float, Field(description="How long to plan, in seconds (e.g. 3600, 86400)")] = 3600,
    step_s: Annotated[float, Field(description="Time step in seconds, 1-600")] = 15,
    min_elevation_deg: MinEl = 25,
    constellation: Constellation = "starlink",
    policy: PolicyArg = "max_elevation",
    hysteresis_deg: Annotated[
        float, Field(description="Extra elevation a satellite needs to take over (hysteresis)")
    ] = 10,
    source: SourceArg = "auto",
    tle_file: TleFile = None,
    detail: Annotated[
        bool,
        Field(
            description=f"true: up to {MAX_INTERVALS_SHOWN} intervals and gaps "
            f"instead of the first {COMPACT_SHOWN}"
        ),
    ] = False,
    offset: Annotated[
        int, Field(description="First interval to show: the next_offset of a previous answer")
    ] = 0,
    *,
    progress: Progress,
    ctx: Context,
) -> HandoffPlan:
    """Which satellite a ground terminal should use over a time window and when it must switch. Returns a
    one-line summary, the number of handoffs, coverage, the first serving intervals (satellite name, NORAD id,
    elevation and azimuth at start and end) with their switch times and the first coverage gaps, and where the
    orbits came from with their age (synthetic data is flagged). Page on with `offset` = next_offset, or ask
    for `detail`."""
    plan = handoff.plan(
        _ground(latitude, longitude, altitude_m, min_elevation_deg, constellation, source, tle_file, ctx),
        start,
        duration_s,
        step_s,
        policy,
        hysteresis_deg,
        check=progress.check if progress else None,
        offset=offset,
        shown=MAX_INTERVALS_SHOWN if detail else COMPACT_SHOWN,
    )
    if offset == 0:  # a new plan, not a further page of one: the dashboard shows it
        plans.record(kit.suite.store, plan, latitude, longitude, authenticated_principal())
    return HandoffPlan.of(plan)


@kit.tool(
    examples=["which satellites are above 25 degrees right now from Berlin?"],
    title="Satellites overhead",
    read_only=True,
    idempotent=True,
    open_world=True,
)
def visible_satellites(
    latitude: Lat,
    longitude: Lon,
    altitude_m: Alt = 0.0,
    time: Annotated[str | None, Field(description="ISO 8601 time (UTC); default now")] = None,
    min_elevation_deg: MinEl = 25,
    constellation: Constellation = "starlink",
    source: SourceArg = "auto",
    tle_file: TleFile = None,
    *,
    ctx: Context,
) -> Overhead:
    """The satellites above a ground location at one moment, highest first, with elevation, azimuth and range."""
    ground = _ground(latitude, longitude, altitude_m, min_elevation_deg, constellation, source, tle_file, ctx)
    sky = handoff.overhead(ground, time)
    return Overhead.of(sky)


@kit.tool(
    examples=["when does STARLINK-1008 pass over us today?"],
    title="Satellite passes",
    read_only=True,
    idempotent=True,
    open_world=True,
)
def passes(
    satellite: Annotated[str, Field(description="Satellite name (STARLINK-1008) or NORAD id (44714)")],
    latitude: Lat,
    longitude: Lon,
    altitude_m: Alt = 0.0,
    start: Annotated[str | None, Field(description="ISO 8601 start time (UTC); default now")] = None,
    duration_s: Annotated[float, Field(description="Window in seconds (default a day)")] = 86400,
    min_elevation_deg: MinEl = 10,
    constellation: Constellation = "starlink",
    source: SourceArg = "auto",
    tle_file: TleFile = None,
    *,
    ctx: Context,
) -> Passes:
    """When one satellite rises above, culminates over and sets below a ground location in a time window."""
    ground = _ground(latitude, longitude, altitude_m, min_elevation_deg, constellation, source, tle_file, ctx)
    found = handoff.passes(ground, satellite, start, duration_s)
    return Passes.of(found)


prompts.register(kit)  # prompts, completions and resources: servers/hardware/prompts.py


def main() -> None:
    run(kit)


if __name__ == "__main__":
    main()
