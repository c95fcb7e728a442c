"""nexus's MCP surface. The logic lives in the domain modules beside this file."""

from __future__ import annotations

from shared.server import create_server, run

kit = create_server(
    "nexus",
    title="HDR nexus",
    description="Where agents find each other: agent-card registry, semantic discovery, teams "
    "and durable handoff between agents.",
)
mcp = kit.mcp


def main() -> None:
    run(kit)


if __name__ == "__main__":
    main()
