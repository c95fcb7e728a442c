"""A tiny agent in its own process for nexus's delivery tests: an MCP server over streamable HTTP
whose `receive_handoff` tool records each handoff it is given (to the JSONL file in argv[2]) and
says whether it had seen that handoff id before.

    python nexus_target_agent.py PORT RECORD_FILE
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import uvicorn
from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError

port, record = int(sys.argv[1]), Path(sys.argv[2])
server = MCPServer("target-agent")


@server.tool()
def receive_handoff(
    handoff_id: str,
    from_agent: str,
    task: str,
    context: str | None = None,
    sealed: bool = False,
    memory_refs: list[str] | None = None,
    deadline: float | None = None,
) -> dict:
    """Take on a handoff; repeated ids are acknowledged without doing the work again."""
    seen = (
        {json.loads(line)["handoff_id"] for line in record.read_text().splitlines()}
        if record.exists()
        else set()
    )
    duplicate = handoff_id in seen
    with record.open("a") as f:
        f.write(
            json.dumps(
                {
                    "handoff_id": handoff_id,
                    "task": task,
                    "context": context,
                    "sealed": sealed,
                    "duplicate": duplicate,
                }
            )
            + "\n"
        )
    return {"handoff_id": handoff_id, "done": f"did: {task}", "duplicate": duplicate}


@server.tool()
def refuse_handoff(
    handoff_id: str,
    from_agent: str,
    task: str,
    context: str | None = None,
    sealed: bool = False,
    memory_refs: list[str] | None = None,
    deadline: float | None = None,
) -> dict:
    """Always fails, like an agent that cannot do the work."""
    raise ToolError("this agent is overloaded")


uvicorn.run(
    server.streamable_http_app(stateless_http=True, json_response=True),
    host="127.0.0.1",
    port=port,
    log_level="warning",
)
