"""hardware's toolsets, prompts and resources (the mechanisms: shared/toolsets.py, shared/prompts.py)."""

from __future__ import annotations

from collections.abc import Iterable

from shared.prompts import extras
from shared.tools import ToolKit
from shared.toolsets import declare

CONSTELLATIONS = ["starlink", "oneweb", "iridium", "kuiper"]


def _declare_toolsets(kit: ToolKit) -> None:
    """hardware's toolsets, and the ones a server starts with."""
    declare(
        kit,
        {
            "quantum": ["run_circuit", "backends"],
            "jobs": ["submit_circuit", "job_status", "job_result", "cancel_job"],
            "satellites": ["handoff_satellite", "visible_satellites", "passes"],
            "serial": [
                "serial_ports",
                "serial_open",
                "serial_write",
                "serial_read",
                "serial_query",
                "serial_close",
            ],
        },
        default=["quantum", "satellites", "memory"],
    )


def register(kit: ToolKit) -> None:
    _declare_toolsets(kit)
    ex = extras(kit)

    def methods(prefix: str) -> Iterable[str]:
        return [b.method for b in kit.tools["backends"]().backends if b.method]

    @ex.prompt(title="Plan a satellite link", complete={"constellation": lambda prefix: CONSTELLATIONS})
    def plan_satellite_link(
        latitude: str, longitude: str, hours: str = "1", constellation: str = "starlink"
    ) -> str:
        """Which satellite a ground terminal should use and when it must switch, with the gaps to expect."""
        return (
            f"Plan the {constellation} link of a terminal at latitude {latitude}, longitude {longitude} "
            f"for the next {hours} hour(s) with hardware:\n"
            f"1. Call `handoff_satellite` with latitude={latitude}, longitude={longitude}, "
            f'duration_s={hours}*3600, constellation={constellation!r}, policy="hysteresis".\n'
            "2. Summarise: how many handoffs, the longest serving interval, every coverage gap with its time, "
            "and where the orbits came from and how old they are (say so if they are synthetic)."
        )

    @ex.prompt(title="Run a quantum circuit", complete={"method": methods})
    def run_quantum_circuit(qasm: str, method: str = "automatic") -> str:
        """Simulate an OpenQASM circuit, in the background when it is large, and explain the counts."""
        return (
            "Simulate this circuit with hardware:\n\n"
            f"{qasm}\n\n"
            f"1. Check `backends` for the largest circuit method {method!r} runs here.\n"
            "2. If the circuit fits, call `run_circuit`; otherwise `submit_circuit` and poll `job_status` until "
            "it finishes, then `job_result`.\n"
            "3. Show the most frequent outcomes and what they mean for this circuit."
        )

    ex.resource_from_tool(
        "hardware://backends",
        "backends",
        title="Quantum backends",
        description="Simulation methods available here and the largest circuit each runs",
    )
    ex.resource_from_tool(
        "hardware://jobs/{job_id}",
        "job_status",
        title="A circuit job",
        description="State and progress of a job submit_circuit started (yours only)",
    )
