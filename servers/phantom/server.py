"""phantom's MCP surface. The logic lives in the domain modules beside this file."""

from __future__ import annotations

from shared.server import create_server, run

kit = create_server(
    "phantom",
    title="HDR phantom",
    description="Keeps data private: versioned encryption, post-quantum sealing between agents, "
    "PII redaction and differential privacy.",
)
mcp = kit.mcp


def main() -> None:
    run(kit)


if __name__ == "__main__":
    main()
