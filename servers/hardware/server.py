"""hardware's MCP surface. The logic lives in the domain modules beside this file."""

from __future__ import annotations

from shared.server import create_server, run

kit = create_server(
    "hardware",
    title="HDR hardware",
    description="The physical edge: quantum circuits on Qiskit Aer, serial instruments "
    "and LEO satellite handoff plans.",
)
mcp = kit.mcp


def main() -> None:
    run(kit)


if __name__ == "__main__":
    main()
