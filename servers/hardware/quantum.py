"""Quantum circuits on Qiskit Aer: parse OpenQASM 2/3, check the caps, transpile, simulate.

qiskit and qiskit_aer are imported inside the functions that use them, so importing this module
costs nothing. Everything that can be refused cheaply (size, header, declared qubits, shots) is
refused before qiskit is even imported, so garbage input gets its answer in microseconds.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, Field, TypeAdapter

from servers.hardware.limits import MAX_OUTCOMES, Limits
from shared.errors import BadInput, Refused

Method = Literal["automatic", "statevector", "stabilizer", "matrix_product_state", "density_matrix"]
METHODS: tuple[str, ...] = (
    "automatic",
    "statevector",
    "stabilizer",
    "matrix_product_state",
    "density_matrix",
)
SHOTS_PER_CHUNK = 10_000  # progress (and cancellation) is checked between chunks of this many shots

# Gates Aer's stabilizer method runs (Clifford), plus non-gate instructions.
CLIFFORD_OPS = frozenset(
    {
        "id",
        "x",
        "y",
        "z",
        "h",
        "s",
        "sdg",
        "sx",
        "sxdg",
        "cx",
        "cy",
        "cz",
        "swap",
        "ecr",
        "pauli",
        "measure",
        "barrier",
        "reset",
        "delay",
    }
)

_HEADER = re.compile(r"\s*(?://[^\n]*\n|/\*.*?\*/|\s)*OPENQASM\s+(\d+)(?:\.(\d+))?\s*;", re.S)
_QREG = re.compile(r"\bqreg\s+[A-Za-z_]\w*\s*\[\s*(\d+)\s*\]")
_QUBIT_ARRAY = re.compile(r"\bqubit\s*\[\s*(\d+)\s*\]")
_QUBIT_SINGLE = re.compile(r"\bqubit\s+[A-Za-z_]\w*\s*;")
_COMMENT = {
    2: re.compile(r"//[^\n]*"),  # qiskit's OpenQASM 2 lexer knows line comments only
    3: re.compile(r"//[^\n]*|/\*.*?(?:\*/|$)", re.S),
}
_INCLUDE = re.compile(r"\binclude\b")
# The only files an include may name: each version's standard library, which qiskit has built in.
# The parsers are also given no include path, so even a name this check missed opens no file.
STANDARD_INCLUDE = {2: "qelib1.inc", 3: "stdgates.inc"}


class NoiseSpec(BaseModel):
    """A simple noise model: depolarizing error on every gate and symmetric readout error."""

    depolarizing: float = Field(
        0.0,
        ge=0.0,
        le=0.5,
        description="Depolarizing error probability per gate "
        "(two-qubit gates get the same probability), 0-0.5",
    )
    readout: float = Field(0.0, ge=0.0, le=0.5, description="Probability a measured bit is flipped, 0-0.5")


@dataclass(frozen=True)
class CircuitRun:
    """One simulated circuit. `counts` holds the most frequent outcomes first (at most
    limits.MAX_OUTCOMES); `other_shots` the shots of the outcomes left out."""

    counts: dict[str, int]
    other_shots: int
    shots: int
    method: str  # what Aer actually used
    requested_method: str
    qubits: int
    width: int  # of the transpiled circuit, like depth and size
    depth: int
    size: int
    seed: int | None
    noise: NoiseSpec | None
    parse_ms: float
    transpile_ms: float
    simulate_ms: float
    total_ms: float


@functools.cache
def _run_json() -> TypeAdapter[CircuitRun]:
    return TypeAdapter(CircuitRun)


def run_to_json(run: CircuitRun) -> dict[str, Any]:
    """A CircuitRun as JSON values: what a sandbox worker sends and a job stores. It carries the
    probabilities too, the shape earlier releases stored and still read (replicas of two releases
    share one database during an upgrade)."""
    data = _run_json().dump_python(run, mode="json")
    data["probabilities"] = {k: n / run.shots for k, n in run.counts.items()}
    return data


def run_from_json(data: dict[str, Any] | str) -> CircuitRun:
    """A CircuitRun back from `run_to_json`'s values (or their JSON text); `probabilities` is not read
    (the output model derives it from counts)."""
    if isinstance(data, str):
        return _run_json().validate_json(data)
    return _run_json().validate_python(data)


def check_request(qasm: str, shots: int, method: str, optimization_level: int, limits: Limits) -> int:
    """Refuse what can be refused without qiskit. Returns the OpenQASM major version (2 or 3)."""
    if not isinstance(qasm, str) or not qasm.strip():
        raise BadInput(
            "`qasm` is empty.",
            "Send OpenQASM 2 or 3 source starting with `OPENQASM 2.0;` or `OPENQASM 3.0;`.",
        )
    if len(qasm) > limits.max_qasm_chars:
        raise BadInput(
            f"`qasm` is {len(qasm):,} characters; the cap is {limits.max_qasm_chars:,}.",
            "Send a smaller circuit, or raise HDR_HARDWARE_MAX_QASM_CHARS.",
        )
    if "\x00" in qasm:
        raise BadInput("`qasm` contains a NUL character.", "Send plain-text OpenQASM source.")
    if not 1 <= shots <= limits.max_shots:
        raise BadInput(
            f"`shots` must be between 1 and {limits.max_shots:,}.",
            "Use fewer shots (1024 is typical), or raise HDR_HARDWARE_MAX_SHOTS.",
        )
    if method not in METHODS:
        raise BadInput(
            f"`method` must be one of {', '.join(METHODS)}.", "Use automatic unless you need a specific one."
        )
    if not 0 <= optimization_level <= 3:
        raise BadInput(
            "`optimization_level` must be 0, 1, 2 or 3.", "Use 1 (the default) unless you need otherwise."
        )
    header = _HEADER.match(qasm)
    if header is None or header.group(1) not in ("2", "3"):
        raise BadInput(
            "`qasm` does not start with an OpenQASM version line.",
            'Begin the source with `OPENQASM 2.0;` (and `include "qelib1.inc";`) or '
            '`OPENQASM 3.0;` (and `include "stdgates.inc";`).',
        )
    version = int(header.group(1))
    check_includes(qasm, version)
    declared = 0
    for pattern in (_QREG, _QUBIT_ARRAY):
        for m in pattern.finditer(qasm):
            digits = m.group(1)
            declared += int(digits) if len(digits) <= 9 else limits.max_qubits + 1
    declared += len(_QUBIT_SINGLE.findall(qasm))
    if declared > limits.max_qubits:
        raise Refused(
            f"The circuit declares {declared:,} qubits; the cap is {limits.max_qubits}.",
            "Use fewer qubits, or raise HDR_HARDWARE_MAX_QUBITS.",
        )
    return version


def check_includes(qasm: str, version: int) -> None:
    """Refuse an `include` of anything but the version's standard library, without echoing the name
    (it may be a path on this machine the caller is probing)."""
    code = _COMMENT[version].sub(" ", qasm)
    allowed = STANDARD_INCLUDE[version]
    for m in _INCLUDE.finditer(code):
        if not re.match(r'\s*"' + re.escape(allowed) + r'"\s*;', code[m.end() : m.end() + 40]):
            raise BadInput(
                f"`include` may name only the standard library here ({allowed} in OpenQASM {version}); "
                "no other file is read.",
                "Define the gates you need with `gate` definitions in the source itself.",
            )


def parse(qasm: str, version: int) -> Any:
    """A QuantumCircuit from OpenQASM source; a syntax error names its line and column."""
    if version == 2:
        from qiskit.qasm2 import LEGACY_CUSTOM_INSTRUCTIONS, QASM2Error, loads

        try:
            # No include path: qelib1.inc is built in, and no other name can open a file.
            return loads(qasm, custom_instructions=LEGACY_CUSTOM_INSTRUCTIONS, include_path=())
        except QASM2Error as exc:
            raise BadInput(
                f"Invalid OpenQASM 2: {_location(str(exc))}",
                "Fix the source at that line and column and send it again.",
            ) from None
    from qiskit.qasm3 import QASM3ImporterError
    from qiskit.qasm3 import loads as loads3

    parse_error: type[Exception]
    try:
        from openqasm3.parser import QASM3ParsingError as parse_error
    except ImportError:  # pragma: no cover - qiskit-qasm3-import always brings openqasm3
        parse_error = QASM3ImporterError
    try:
        return loads3(qasm)
    except parse_error:
        raise BadInput(
            f"Invalid OpenQASM 3: {_qasm3_syntax_error(qasm)}",
            "Fix the source at that line and column and send it again.",
        ) from None
    except (QASM3ImporterError, ValueError, TypeError, KeyError, IndexError) as exc:
        raise BadInput(
            f"OpenQASM 3 the simulator cannot use: {_location(str(exc))}",
            "Use the standard gates of stdgates.inc, or OpenQASM 2.",
        ) from None


def _location(message: str) -> str:
    """'<input>:5,0: needed ;' -> 'line 5, column 0: needed ;' (qiskit's own wording otherwise)."""
    message = message.strip().strip('"')
    m = re.match(r"(?:<input>:)?(\d+),(\d+):\s*(.*)", message, re.S)
    if m:
        return f"line {m.group(1)}, column {m.group(2)}: {m.group(3)}"
    return message[:500]


def _qasm3_syntax_error(qasm: str) -> str:
    """The first syntax error of OpenQASM 3 source, with line and column (the parser's own
    exception carries no message, and ANTLR prints to stderr; listen instead)."""
    from antlr4 import CommonTokenStream, InputStream
    from antlr4.error.ErrorListener import ErrorListener
    from openqasm3._antlr.qasm3Lexer import qasm3Lexer
    from openqasm3._antlr.qasm3Parser import qasm3Parser

    class FirstError(ErrorListener):
        def __init__(self) -> None:
            self.error: str | None = None

        def syntaxError(self, recognizer, offendingSymbol, line, column, msg, e):  # noqa: N802, N803
            if self.error is None:
                self.error = f"line {line}, column {column}: {msg[:300]}"

    listener = FirstError()
    lexer = qasm3Lexer(InputStream(qasm))
    lexer.removeErrorListeners()
    lexer.addErrorListener(listener)
    parser = qasm3Parser(CommonTokenStream(lexer))
    parser.removeErrorListeners()
    parser.addErrorListener(listener)
    try:
        parser.program()
    except Exception:  # recovery failed: the first error is what the caller needs
        pass
    return listener.error or "syntax error"


def is_clifford(circuit: Any) -> bool:
    return all(name in CLIFFORD_OPS for name in circuit.count_ops())


def memory_needed_mb(qubits: int, method: str, clifford: bool) -> float:
    """Memory a dense method needs for its state (complex128); 0 for the compressed methods."""
    if method == "density_matrix":
        return 16 * 4.0**qubits / 2**20
    if method == "statevector" or (method == "automatic" and not clifford):
        return 16 * 2.0**qubits / 2**20
    return 0.0


def check_fits(circuit: Any, method: str, limits: Limits) -> None:
    """Refuse a circuit the method cannot run here, and say which method would."""
    qubits = circuit.num_qubits
    if qubits > limits.max_qubits:
        raise Refused(
            f"The circuit has {qubits} qubits; the cap is {limits.max_qubits}.",
            "Use fewer qubits, or raise HDR_HARDWARE_MAX_QUBITS.",
        )
    if "measure" not in circuit.count_ops():
        raise BadInput(
            "The circuit measures nothing, so there are no counts to return.",
            "Add `measure` instructions (e.g. `measure q -> c;` or `c = measure q;`).",
        )
    clifford = is_clifford(circuit)
    if method == "stabilizer" and not clifford:
        others = sorted(set(circuit.count_ops()) - CLIFFORD_OPS)
        raise BadInput(
            f"The stabilizer method runs Clifford circuits only; this one uses {', '.join(others[:10])}.",
            "Use method matrix_product_state or statevector.",
        )
    needed = memory_needed_mb(qubits, method, clifford)
    if needed > limits.max_memory_mb:
        better = "stabilizer" if clifford else "matrix_product_state (exact, fast when entanglement is low)"
        raise Refused(
            f"{qubits} qubits with method {method} need about {needed:,.0f} MB; the cap here is "
            f"{limits.max_memory_mb:,} MB.",
            f"Use method {better}, or fewer qubits.",
        )


def noise_model(spec: NoiseSpec | None) -> Any:
    if spec is None or (spec.depolarizing == 0 and spec.readout == 0):
        return None
    from qiskit_aer.noise import NoiseModel, ReadoutError, depolarizing_error

    model = NoiseModel()
    if spec.depolarizing > 0:
        model.add_all_qubit_quantum_error(
            depolarizing_error(spec.depolarizing, 1),
            ["x", "y", "z", "h", "s", "sdg", "sx", "rx", "ry", "rz", "u", "p"],
        )
        model.add_all_qubit_quantum_error(
            depolarizing_error(spec.depolarizing, 2), ["cx", "cz", "swap", "ecr"]
        )
    if spec.readout > 0:
        p = spec.readout
        model.add_all_qubit_readout_error(ReadoutError([[1 - p, p], [p, 1 - p]]))
    return model


_simulators: dict[str, Any] = {}


def simulator(method: str, noise: NoiseSpec | None) -> Any:
    """An AerSimulator for the method; noiseless ones are reused (building one costs milliseconds)."""
    from qiskit_aer import AerSimulator

    model = noise_model(noise)
    if model is not None:
        return AerSimulator(method=method, noise_model=model)
    if method not in _simulators:
        _simulators[method] = AerSimulator(method=method)
    return _simulators[method]


def run_circuit(
    qasm: str,
    *,
    shots: int = 1024,
    method: str = "automatic",
    seed: int | None = None,
    noise: NoiseSpec | None = None,
    optimization_level: int = 1,
    limits: Limits | None = None,
    progress: Callable[[float, float | None, str | None], None] | None = None,
    caller: str | None = None,
) -> CircuitRun:
    """Check the request here (cheap, no qiskit), then parse, transpile and simulate it in a worker
    process of the sandbox pool under its wall-time, CPU and memory limits (see `sandbox`).

    Raises BadInput (malformed source, a method that cannot run the circuit), Refused (over a cap,
    more memory than allowed, a limit hit, too many circuits of this `caller` running) or
    Unavailable (every worker busy). `progress(done, total, message)` is called about every half
    second; whatever it raises (a cancellation) kills the worker and propagates."""
    from servers.hardware import sandbox

    limits = limits or Limits.from_env()
    request = circuit_request(
        qasm,
        shots=shots,
        method=method,
        seed=seed,
        noise=noise,
        optimization_level=optimization_level,
        limits=limits,
    )
    answer = sandbox.pool(limits).run(
        request,
        caller=caller,
        wall_s=limits.run_timeout_s,
        cpu_s=limits.cpu_s(limits.run_timeout_s),
        memory_mb=limits.max_memory_mb,
        cap=limits.circuits_per_caller,
        progress=progress,
    )
    return run_from_json(answer)


def circuit_request(
    qasm: str,
    *,
    shots: int,
    method: str,
    seed: int | None,
    noise: NoiseSpec | None,
    optimization_level: int,
    limits: Limits,
) -> dict[str, Any]:
    """The checked request a worker runs (plain JSON values): refuses what can be refused cheaply."""
    version = check_request(qasm, shots, method, optimization_level, limits)
    if seed is not None and not 0 <= seed < 2**63:
        raise BadInput("`seed` must be between 0 and 2**63-1.", "Send a non-negative integer, or omit it.")
    return {
        "qasm": qasm,
        "version": version,
        "shots": shots,
        "method": method,
        "seed": seed,
        "noise": noise.model_dump() if noise else None,
        "optimization_level": optimization_level,
        "limits": {"max_qubits": limits.max_qubits, "max_memory_mb": limits.max_memory_mb},
    }


def execute(request: dict[str, Any], progress: Callable[[int, int], None] | None = None) -> CircuitRun:
    """Parse, check, transpile and simulate a `circuit_request` in this process (a sandbox worker
    runs it; nothing else should: it is unbounded). `progress(done, total)` after each chunk of shots."""
    started = time.perf_counter()
    shots, method, seed = request["shots"], request["method"], request["seed"]
    noise = NoiseSpec(**request["noise"]) if request["noise"] else None
    caps = request["limits"]
    limits = dataclasses.replace(
        Limits.from_env(), max_qubits=caps["max_qubits"], max_memory_mb=caps["max_memory_mb"]
    )
    circuit = parse(request["qasm"], request["version"])
    check_fits(circuit, method, limits)
    parsed = time.perf_counter()

    from qiskit import transpile

    sim = simulator(method, noise)
    compiled = transpile(circuit, sim, optimization_level=request["optimization_level"], seed_transpiler=seed)
    transpiled = time.perf_counter()
    counts: dict[str, int] = {}
    used = method
    done = 0
    chunks = max(1, min(100, shots // SHOTS_PER_CHUNK))
    for i in range(chunks):
        part = shots // chunks + (1 if i < shots % chunks else 0)
        result = sim.run(
            compiled, shots=part, seed_simulator=None if seed is None else (seed + i) % 2**63
        ).result()
        if not result.success:
            raise Refused(
                f"Aer could not run the circuit: {str(result.status)[:300]}",
                "Try method matrix_product_state or stabilizer, or fewer qubits.",
            )
        used = result.results[0].metadata.get("method", method)
        for key, n in result.get_counts().items():
            counts[key] = counts.get(key, 0) + n
        done += part
        if progress is not None and i + 1 < chunks:
            progress(done, shots)
    simulated = time.perf_counter()
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    kept = dict(ranked[:MAX_OUTCOMES])
    return CircuitRun(
        counts=kept,
        other_shots=shots - sum(kept.values()),
        shots=shots,
        method=used,
        requested_method=method,
        qubits=circuit.num_qubits,
        width=compiled.width(),
        depth=compiled.depth(),
        size=compiled.size(),
        seed=seed,
        noise=noise,
        parse_ms=(parsed - started) * 1e3,
        transpile_ms=(transpiled - parsed) * 1e3,
        simulate_ms=(simulated - transpiled) * 1e3,
        total_ms=(time.perf_counter() - started) * 1e3,
    )


def warm_up() -> None:
    """Import qiskit and Aer and run a tiny circuit, so a worker's first real call is fast."""
    execute(
        circuit_request(
            'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\n'
            "cx q[0],q[1];\nmeasure q -> c;\n",
            shots=8,
            method="automatic",
            seed=1,
            noise=None,
            optimization_level=1,
            limits=Limits.from_env(),
        )
    )


@dataclass(frozen=True)
class Simulator:
    """An Aer simulation method and the largest circuit it can run within this server's caps."""

    method: str
    max_qubits_here: int
    notes: str


@dataclass(frozen=True)
class Backends:
    simulators: list[Simulator]
    ibm_quantum: str  # whether IBM Quantum hardware is available, and why not
    limits: Limits


def backends(limits: Limits | None = None) -> Backends:
    """The Aer simulation methods with the largest circuit each can run here."""
    import importlib.util
    import math
    import os

    limits = limits or Limits.from_env()
    mem = max(limits.max_memory_mb, 1)
    sv = min(limits.max_qubits, int(math.log2(mem * 2**20 / 16)))
    dm = min(limits.max_qubits, int(math.log2(mem * 2**20 / 16) / 2))
    notes = {
        "automatic": ("Aer picks: stabilizer for Clifford circuits, else statevector", sv),
        "statevector": ("exact, any gates; memory doubles per qubit", sv),
        "stabilizer": ("Clifford gates only; thousands of qubits", limits.max_qubits),
        "matrix_product_state": (
            "exact; fast while entanglement stays low (GHZ, shallow circuits)",
            limits.max_qubits,
        ),
        "density_matrix": ("exact mixed states, good with noise; memory quadruples per qubit", dm),
    }
    items = [Simulator(method=m, max_qubits_here=q, notes=n) for m, (n, q) in notes.items()]
    if importlib.util.find_spec("qiskit_ibm_runtime") is None:
        ibm = "not available: install the optional qiskit-ibm-runtime package and set QISKIT_IBM_TOKEN"
    elif not os.environ.get("QISKIT_IBM_TOKEN"):
        ibm = "not configured: set QISKIT_IBM_TOKEN (qiskit-ibm-runtime is installed)"
    else:
        ibm = "configured (qiskit-ibm-runtime and a token); listing IBM backends is not implemented in this version"
    return Backends(simulators=items, ibm_quantum=ibm, limits=limits)
