"""The same trivial tool on a bare MCP SDK server: the baseline for the conventions' overhead."""

from mcp.server.mcpserver import MCPServer
from pydantic import BaseModel

mcp = MCPServer("bare")


class Pong(BaseModel):
    value: str


@mcp.tool()
def ping(value: str = "x") -> Pong:
    """Echo."""
    return Pong(value=value)


if __name__ == "__main__":
    mcp.run("stdio")
