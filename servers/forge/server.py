"""forge's MCP surface. The logic lives in the domain modules beside this file."""

from __future__ import annotations

from shared.server import create_server, run

kit = create_server(
    "forge",
    title="HDR forge",
    description="Right-sizes and repairs a Kubernetes cluster's workloads from measured usage: analyze, "
    "optimize and roll back, safely and reversibly.",
)
mcp = kit.mcp


def main() -> None:
    run(kit)


if __name__ == "__main__":
    main()
