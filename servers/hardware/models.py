"""What hardware's tools return (pydantic models: structured output plus the SDK's text rendering),
each built from a domain result by its `.of()`. Where a model shows a domain record as it is, `.of()`
reads it by attribute (`from_attributes`); the others pick, derive or cap what they show.

A model's docstring is part of the tool's output schema (pydantic puts it in `description`), so
only the models that always had one carry one."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from servers.hardware import handoff, jobs, quantum, serial_sessions
from servers.hardware.limits import (
    COMPACT_SHOWN,
    MAX_INTERVALS_SHOWN,
    MAX_OUTCOMES,
    MAX_PASSES_SHOWN,
    MAX_VISIBLE_SHOWN,
)
from servers.hardware.quantum import NoiseSpec

# -- quantum ------------------------------------------------------------------------------------


class CircuitRun(BaseModel):
    counts: dict[str, int] = Field(
        description="Shots per measured bitstring (most frequent first, "
        f"at most {MAX_OUTCOMES}); bit order is Qiskit's (qubit 0 rightmost)"
    )
    probabilities: dict[str, float] = Field(description="counts / shots for the same bitstrings")
    other_shots: int = Field(
        0, description="Shots whose outcomes were left out of counts (too many distinct)"
    )
    shots: int
    method: str = Field(description="The simulation method Aer actually used")
    requested_method: str
    qubits: int = Field(description="Width of the circuit in qubits")
    width: int = Field(description="Qubits plus classical bits of the transpiled circuit")
    depth: int = Field(description="Depth of the transpiled circuit")
    size: int = Field(description="Instructions in the transpiled circuit")
    seed: int | None
    noise: NoiseSpec | None
    parse_ms: float
    transpile_ms: float
    simulate_ms: float
    total_ms: float

    @classmethod
    def of(cls, run: quantum.CircuitRun) -> CircuitRun:
        return cls(
            counts=run.counts,
            probabilities={k: n / run.shots for k, n in run.counts.items()},
            other_shots=run.other_shots,
            shots=run.shots,
            method=run.method,
            requested_method=run.requested_method,
            qubits=run.qubits,
            width=run.width,
            depth=run.depth,
            size=run.size,
            seed=run.seed,
            noise=run.noise,
            parse_ms=run.parse_ms,
            transpile_ms=run.transpile_ms,
            simulate_ms=run.simulate_ms,
            total_ms=run.total_ms,
        )


class BackendInfo(BaseModel):
    name: str
    kind: Literal["simulator", "ibm_quantum"]
    method: str | None = None
    max_qubits_here: int | None = Field(None, description="Largest circuit this method runs within the caps")
    notes: str = ""

    @classmethod
    def of(cls, simulator: quantum.Simulator) -> BackendInfo:
        return cls(
            name=f"aer_simulator_{simulator.method}",
            kind="simulator",
            method=simulator.method,
            max_qubits_here=simulator.max_qubits_here,
            notes=simulator.notes,
        )


class Backends(BaseModel):
    backends: list[BackendInfo]
    ibm_quantum: str = Field(description="Whether IBM Quantum hardware is available, and why not")
    caps: dict[str, int]

    @classmethod
    def of(cls, found: quantum.Backends) -> Backends:
        limits = found.limits
        return cls(
            backends=[BackendInfo.of(s) for s in found.simulators],
            ibm_quantum=found.ibm_quantum,
            caps={
                "max_qubits": limits.max_qubits,
                "max_shots": limits.max_shots,
                "max_memory_mb": limits.max_memory_mb,
                "max_qasm_chars": limits.max_qasm_chars,
            },
        )


# -- jobs ---------------------------------------------------------------------------------------


class JobStatus(jobs.Job):
    @classmethod
    def of(cls, job: jobs.Job) -> JobStatus:
        return cls.model_validate(job, from_attributes=True)


class JobResult(BaseModel):
    job_id: str
    state: jobs.JobState
    result: CircuitRun

    @classmethod
    def of(cls, job: jobs.FinishedJob) -> JobResult:
        return cls(job_id=job.job_id, state=job.state, result=CircuitRun.of(job.result))


# -- serial -------------------------------------------------------------------------------------


class PortInfo(BaseModel):
    port: str
    description: str
    hardware_id: str
    allowed: bool = Field(description="Whether serial_open may open it under the current allow-list")

    @classmethod
    def of(cls, port: serial_sessions.Port) -> PortInfo:
        return cls.model_validate(port, from_attributes=True)


class PortList(BaseModel):
    ports: list[PortInfo]
    allow_list: list[str] = Field(description="Glob patterns of ports that may be opened")

    @classmethod
    def of(cls, found: serial_sessions.Ports) -> PortList:
        return cls(ports=[PortInfo.of(p) for p in found.ports], allow_list=list(found.allow_list))


class SessionInfo(BaseModel):
    handle: str
    port: str
    baudrate: int
    bytesize: int
    parity: str
    stopbits: float
    timeout_s: float

    @classmethod
    def of(cls, session: serial_sessions.Session) -> SessionInfo:
        line = session.settings
        return cls(
            handle=session.handle,
            port=session.port,
            baudrate=line.baudrate,
            bytesize=line.bytesize,
            parity=line.parity,
            stopbits=line.stopbits,
            timeout_s=line.timeout_s,
        )


class Received(BaseModel):
    handle: str
    bytes: int = Field(description="How many bytes were read")
    text: str | None = Field(None, description="The bytes as text, when they are printable UTF-8")
    hex: str | None = Field(None, description="The bytes as hex, when they are not printable text")
    timed_out: bool = Field(description="True when the read stopped at the timeout, not at `size` or `until`")

    @classmethod
    def of(cls, reading: serial_sessions.Reading) -> Received:
        """Text when the bytes are printable UTF-8 (line endings and tabs allowed), hex otherwise."""
        raw = reading.raw
        try:
            text: str | None = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        if text is not None and all(ch.isprintable() or ch in "\r\n\t" for ch in text):
            return cls(handle=reading.handle, bytes=len(raw), text=text, timed_out=reading.timed_out)
        return cls(handle=reading.handle, bytes=len(raw), hex=raw.hex(), timed_out=reading.timed_out)


class Written(BaseModel):
    handle: str
    bytes: int

    @classmethod
    def of(cls, handle: str, written: int) -> Written:
        return cls(handle=handle, bytes=written)


class Closed(BaseModel):
    handle: str
    port: str
    closed: bool

    @classmethod
    def of(cls, session: serial_sessions.Session) -> Closed:
        return cls(handle=session.handle, port=session.port, closed=True)


# -- satellites ---------------------------------------------------------------------------------


class DataSource(BaseModel):
    """Where the orbits came from and how old they are: part of every satellite answer."""

    constellation: str
    source: str = Field(
        description="file:<path>, celestrak:<group>, or synthetic:... (generated, not real satellites)"
    )
    synthetic: bool
    satellites: int
    data_age_s: float | None = Field(description="Seconds since the TLEs were downloaded or the file changed")
    tle_epoch_offset_days: float = Field(
        description="Median days between the TLE epochs and the requested time"
    )
    warnings: list[str]

    @classmethod
    def of(cls, data: handoff.OrbitData) -> DataSource:
        return cls.model_validate(data, from_attributes=True)


class Look(BaseModel):
    time: str
    elevation_deg: float
    azimuth_deg: float

    @classmethod
    def of(cls, position: handoff.Position) -> Look:
        return cls.model_validate(position, from_attributes=True)


class ServingInterval(BaseModel):
    satellite: str
    norad_id: int
    start: Look
    end: Look = Field(description="The last time step this satellite serves")

    @classmethod
    def of(cls, serving: handoff.Serving) -> ServingInterval:
        return cls.model_validate(serving, from_attributes=True)


class Gap(BaseModel):
    start: str
    end: str
    duration_s: float

    @classmethod
    def of(cls, gap: handoff.CoverageGap) -> Gap:
        return cls.model_validate(gap, from_attributes=True)


class HandoffPlan(BaseModel):
    summary: str = Field(
        "", description="The plan in one sentence: intervals, handoffs, coverage, gaps, data source"
    )
    policy: str
    start: str
    end: str
    step_s: float
    min_elevation_deg: float
    intervals: list[ServingInterval] = Field(
        description="Serving intervals in order, from intervals_offset (a page "
        f"of {COMPACT_SHOWN} by default, up to {MAX_INTERVALS_SHOWN} with detail)"
    )
    intervals_total: int
    intervals_offset: int = Field(0, description="Index of the first interval shown")
    next_offset: int | None = Field(
        None, description="Pass as `offset` for the next intervals; null when all were shown"
    )
    switch_times: list[str] = Field(
        description="When the terminal switches to the next satellite (shown intervals)"
    )
    handoffs: int = Field(
        description="Switches from one serving satellite to another, including re-acquisitions after gaps"
    )
    gaps: list[Gap] = Field(
        description="Periods without any satellite above the minimum elevation (the first ones)"
    )
    gaps_total: int = 0
    coverage_fraction: float
    data: DataSource
    compute_ms: float

    @classmethod
    def of(cls, plan: handoff.Plan) -> HandoffPlan:
        """The plan's page of intervals, its first `shown` gaps, and a one-sentence summary of all of it."""
        end = plan.intervals_offset + plan.shown
        return cls(
            summary=_summary(plan),
            policy=plan.policy,
            start=plan.start,
            end=plan.end,
            step_s=plan.step_s,
            min_elevation_deg=plan.min_elevation_deg,
            intervals=[ServingInterval.of(s) for s in plan.intervals],
            intervals_total=plan.intervals_total,
            intervals_offset=plan.intervals_offset,
            next_offset=end if end < plan.intervals_total else None,
            switch_times=list(plan.switch_times),
            handoffs=plan.handoffs,
            gaps=[Gap.of(g) for g in plan.gaps[: plan.shown]],
            gaps_total=len(plan.gaps),
            coverage_fraction=plan.coverage_fraction,
            data=DataSource.of(plan.data),
            compute_ms=plan.compute_ms,
        )


def _summary(plan: handoff.Plan) -> str:
    longest = max((g.duration_s for g in plan.gaps), default=0.0)
    kind = "synthetic" if plan.data.synthetic else "real"
    return (
        f"{plan.intervals_total} serving intervals ({plan.handoffs} handoffs) from {plan.start} to {plan.end}, "
        f"coverage {plan.coverage_fraction:.1%}, {len(plan.gaps)} gaps (longest {longest:g} s); "
        f"{kind} orbits of {plan.data.satellites:,} satellites."
    )


class VisibleSatellite(BaseModel):
    satellite: str
    norad_id: int
    elevation_deg: float
    azimuth_deg: float
    range_km: float

    @classmethod
    def of(cls, seen: handoff.Visible) -> VisibleSatellite:
        return cls.model_validate(seen, from_attributes=True)


class Overhead(BaseModel):
    time: str
    min_elevation_deg: float
    satellites: list[VisibleSatellite] = Field(description=f"Highest first (at most {MAX_VISIBLE_SHOWN})")
    total_visible: int
    data: DataSource

    @classmethod
    def of(cls, sky: handoff.Sky) -> Overhead:
        return cls(
            time=sky.time,
            min_elevation_deg=sky.min_elevation_deg,
            satellites=[VisibleSatellite.of(v) for v in sky.satellites[:MAX_VISIBLE_SHOWN]],
            total_visible=len(sky.satellites),
            data=DataSource.of(sky.data),
        )


class SatellitePass(BaseModel):
    rise: str
    culmination: Look
    set: str
    duration_s: float

    @classmethod
    def of(cls, found: handoff.Pass) -> SatellitePass:
        return cls.model_validate(found, from_attributes=True)


class Passes(BaseModel):
    satellite: str
    norad_id: int
    min_elevation_deg: float
    passes: list[SatellitePass]
    data: DataSource

    @classmethod
    def of(cls, found: handoff.PassList) -> Passes:
        return cls(
            satellite=found.satellite,
            norad_id=found.norad_id,
            min_elevation_deg=found.min_elevation_deg,
            passes=[SatellitePass.of(p) for p in found.passes[:MAX_PASSES_SHOWN]],
            data=DataSource.of(found.data),
        )
