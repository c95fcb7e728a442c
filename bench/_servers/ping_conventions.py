"""A server with one trivial read-only tool, registered through the suite's conventions."""

from pydantic import BaseModel

from shared.server import create_server, run

kit = create_server("bench", title="Bench", description="Benchmark server.")


class Pong(BaseModel):
    value: str


@kit.tool(title="Ping", read_only=True, idempotent=True)
def ping(value: str = "x") -> Pong:
    """Echo."""
    return Pong(value=value)


if __name__ == "__main__":
    run(kit)
