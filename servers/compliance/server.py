"""compliance's MCP surface. The logic lives in the domain modules beside this file."""

from __future__ import annotations

from shared.server import create_server, run

kit = create_server(
    "compliance",
    title="HDR compliance",
    description="Checks policies (Pod Security Standards, GDPR/HIPAA/SOC2 controls), signs in-toto "
    "attestations and verifies the audit trail.",
)
mcp = kit.mcp


def main() -> None:
    run(kit)


if __name__ == "__main__":
    main()
