"""nexus's toolsets, prompts and resources (the mechanisms: shared/toolsets.py, shared/prompts.py)."""

from __future__ import annotations

from collections.abc import Iterable

from shared.prompts import extras
from shared.tools import ToolKit
from shared.toolsets import declare


def register(kit: ToolKit) -> None:
    declare(
        kit,
        {
            "discovery": ["agents", "card", "discover", "compose", "quality"],
            "handoff": ["handoff", "inbox", "accept", "complete"],
            "registry": ["register", "deregister"],
        },
        default=["discovery", "handoff", "memory"],
    )
    ex = extras(kit)

    def agent_ids(prefix: str) -> Iterable[str]:
        return [a.agent_id for a in kit.tools["agents"](name_contains=prefix or None, limit=1000).agents]

    @ex.prompt(title="Hand an incident to another agent", complete={"to_agent": agent_ids})
    def hand_off_incident(incident: str, to_agent: str = "") -> str:
        """Pass an incident to the agent best able to handle it, with the context it needs, and tell
        me how to follow it."""
        target = (
            f"The target is `{to_agent}`; check its card with `card` and its record with `quality`."
            if to_agent
            else "Find the target first: `discover` with the incident's symptoms, pick the best "
            "match by score and `quality`, and tell me why."
        )
        return (
            f"Hand this incident to another agent with nexus:\n\n{incident}\n\n"
            f"1. {target}\n"
            "2. `recall` what the suite already knows about the affected system and pass the relevant memory "
            "ids as memory_refs.\n"
            "3. Call `handoff` with a one-paragraph task, the details as context (seal=true if they hold "
            "customer data), and a deadline that fits the severity.\n"
            "4. Tell me the handoff id and its status, and how to follow it (`inbox` of the target)."
        )

    ex.resource_from_tool(
        "nexus://agents",
        "agents",
        title="Registered agents",
        description="Every registered agent: id, name, tier, version, skills",
    )
    ex.resource_from_tool(
        "nexus://agents/{agent_id}/inbox",
        "inbox",
        title="An agent's inbox",
        description="The handoffs waiting for an agent, oldest first",
        complete={"agent_id": agent_ids},
    )
    ex.resource_from_tool(
        "nexus://agents/{agent_id}/quality",
        "quality",
        title="An agent's track record",
        description="Completed, failed and expired handoffs, success rate, mean latency",
        complete={"agent_id": agent_ids},
    )
    ex.complete_template("nexus://agents/{agent_id}/card", "agent_id", agent_ids)
