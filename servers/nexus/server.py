"""nexus's MCP surface. The logic lives in the domain modules beside this file."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

import anyio.to_thread
from mcp.server.mcpserver import Context
from pydantic import Field

from servers.nexus import prompts
from servers.nexus.marketplace import Marketplace, marketplace_for
from servers.nexus.models import (
    AgentCardView,
    AgentList,
    AgentSummary,
    CardRevision,
    Deregistered,
    Discovery,
    DiscoveryHit,
    HandoffView,
    Inbox,
    QualityView,
    RegisteredAgent,
    TeamPlan,
)
from shared.server import create_server, run
from shared.tools import authenticated_principal, caller_of

kit = create_server(
    "nexus",
    title="HDR nexus",
    description="Where agents find each other: agent-card registry, semantic discovery, teams "
    "and durable handoff between agents.",
)
mcp = kit.mcp

Tier = Literal["core", "verified", "sandbox", "external"]
AgentId = Annotated[
    str,
    Field(description="The agent's id as `agents` or `discover` show it (e.g. 'hdr-forge')", max_length=200),
]
HandoffId = Annotated[str, Field(description="The id `handoff` returned (h-...)", max_length=100)]


def market() -> Marketplace:
    return marketplace_for(kit.suite)


@kit.tool(
    examples=["register my agent card", "publish this agent so others can find it"],
    title="Register an agent",
    read_only=False,
    idempotent=True,
)
def register(
    card: Annotated[
        dict[str, Any] | str,
        Field(
            description=(
                "The A2A agent card, protocol 1.0 (name, description, supportedInterfaces, version, capabilities, "
                "defaultInputModes, defaultOutputModes, skills [{id, name, description, tags, examples}], optional "
                "signatures) or 0.3 (url and protocolVersion instead of supportedInterfaces). nexus's own facts go in "
                "the extension urn:hdr-empire:a2a:nexus:1's params (or a 0.3 card's metadata): public_key, price_usd, "
                "latency_ms, mcp {url, tool}, delivery"
            )
        ),
    ],
    tier: Annotated[
        Literal["sandbox", "external"],
        Field(
            description=(
                "Trust tier: 'sandbox' (default) or 'external'. A card signed by a key the operator trusts becomes "
                "'verified'; 'core' is the suite's own agents"
            )
        ),
    ] = "sandbox",
    agent_id: Annotated[
        str | None,
        Field(
            description=(
                "Your stable id for this agent (1-64 of a-z 0-9 . _ -); send the same id to update it. Default: "
                "derived from the card's name"
            ),
            max_length=64,
        ),
    ] = None,
) -> RegisteredAgent:
    """Add an agent to the registry, or update it from a newer card (earlier versions stay in its history;
    re-sending the same card changes nothing). Use it when an agent should become discoverable. An invalid
    card is refused with the JSON path of the first bad field. Returns the agent's id and revision. Registered
    by an authenticated client, the agent is that client's: only it may update or remove it, read its inbox
    and accept or complete its handoffs."""
    result = market().register(card, tier, authenticated_principal(), agent_id)
    return RegisteredAgent(
        agent=AgentSummary.of(result.agent), created=result.created, changed=result.changed
    )


@kit.tool(examples=["which agents are registered?"], title="List agents", read_only=True, idempotent=True)
def agents(
    tier: Annotated[Tier | None, Field(description="Only agents of this trust tier")] = None,
    name_contains: Annotated[
        str | None, Field(description="Only agents whose id or name contains this", max_length=200)
    ] = None,
    limit: Annotated[int, Field(description="At most this many (1-1000)")] = 100,
) -> AgentList:
    """List registered agents with their tier, version, skill ids and how handoffs reach them. To find an
    agent by what it can do, use `discover` instead."""
    return AgentList(agents=[AgentSummary.of(a) for a in market().registry.list(tier, name_contains, limit)])


@kit.tool(
    examples=["show the card of the billing agent"],
    title="Show an agent's card",
    read_only=True,
    idempotent=True,
)
def card(agent_id: AgentId) -> AgentCardView:
    """The full A2A card of one agent as registered, with its tier and revision history. Also served as
    the resource nexus://agents/{agent_id}/card."""
    m = market()
    agent = m.registry.get(agent_id)
    return AgentCardView(
        agent_id=agent.agent_id,
        tier=agent.tier,
        revision=agent.revision,
        card=agent.card.to_json(),
        history=[CardRevision(**h) for h in m.registry.history(agent.agent_id)],
    )


@kit.tool(
    examples=["remove the retired translation agent from the registry"],
    title="Remove an agent",
    read_only=False,
    destructive=True,
    idempotent=False,
    confirm=lambda agent_id: (
        f"Remove agent {str(agent_id)[:80]!r} from the registry? Its open handoffs fail."
    ),
)
def deregister(agent_id: AgentId) -> Deregistered:
    """Remove an agent from the registry so it is no longer discovered; its open handoffs are marked
    failed. Its card history and quality record are kept."""
    agent, failed = market().deregister(agent_id, authenticated_principal())
    return Deregistered(agent_id=agent.agent_id, failed_open_handoffs=failed)


@kit.tool(
    examples=["find an agent that can fix my OOM-killed pods", "who can translate legal documents?"],
    title="Discover agents by capability",
    read_only=True,
    idempotent=True,
)
def discover(
    query: Annotated[
        str,
        Field(
            description="What you need done, in plain words, e.g. 'my pods keep getting "
            "OOM killed' or 'hide the card numbers in this log'",
            max_length=1000,
        ),
    ],
    k: Annotated[int, Field(description="How many hits (1-50)")] = 5,
    tags: Annotated[list[str] | None, Field(description="Only skills carrying all of these tags")] = None,
    tier: Annotated[Tier | None, Field(description="Only agents of this trust tier")] = None,
    input_mode: Annotated[
        str | None,
        Field(description="Only skills accepting this MIME type, e.g. 'text/plain'", max_length=100),
    ] = None,
) -> Discovery:
    """Find the agents and skills that can do something, asked in plain words. Ranks by meaning (embeddings)
    and shared words (BM25), weighted by each agent's track record and trust tier. Returns the best hits,
    each with agent, skill, score and the reason it matched. Use it before `handoff` or `compose`."""
    hits = market().discover(query, k=k, tags=tags, tier=tier, input_mode=input_mode)
    return Discovery(query=query, hits=[DiscoveryHit.of(h) for h in hits])


@kit.tool(
    examples=["build a team to migrate our database: backup, schema diff and load test"],
    title="Compose a team",
    read_only=True,
    idempotent=True,
)
def compose(
    goal: Annotated[str, Field(description="The overall goal, in plain words", max_length=1000)],
    capabilities: Annotated[
        list[str],
        Field(
            description=("The capabilities the goal needs, one plain-words phrase each (1-20)"), max_length=20
        ),
    ],
    tier: Annotated[Tier | None, Field(description="Only use agents of this trust tier")] = None,
) -> TeamPlan:
    """Staff a multi-step goal: for each capability you split it into, the best agent; capabilities nobody
    covers are named as gaps; the total estimated price and latency come from the members' cards."""
    return TeamPlan.of(market().compose(goal, capabilities, tier))


@kit.tool(
    examples=["hand this incident to the SRE agent", "pass the follow-up to whoever handles billing"],
    title="Hand a task to another agent",
    read_only=False,
    idempotent=False,
    open_world=True,
)
async def handoff(
    to_agent: AgentId,
    task: Annotated[
        str, Field(description="What the target agent should do, in plain words", max_length=4000)
    ],
    context: Annotated[
        str | None,
        Field(description="Details the target needs (at most 64,000 characters)", max_length=64_000),
    ] = None,
    memory_refs: Annotated[
        list[str] | None,
        Field(
            description="Ids of shared-memory entries the target should read (from `remember` / `recall`)",
            max_length=50,
        ),
    ] = None,
    seal: Annotated[
        bool,
        Field(
            description="Encrypt `context` for the target's public key (post-quantum hybrid) "
            "so only the target can read it"
        ),
    ] = False,
    deadline_s: Annotated[
        float, Field(description="Seconds the target has to complete it (1 to 2,592,000)")
    ] = 3600,
    from_agent: Annotated[
        str | None,
        Field(
            description=(
                "Who is handing off (default: the calling client); with credentials, an agent you registered"
            ),
            max_length=200,
        ),
    ] = None,
    request_id: Annotated[
        str | None,
        Field(
            description="An id of yours that is the same on every retry (e.g. a CI "
            "job id): a repeat returns the first handoff instead of "
            "making another",
            max_length=200,
        ),
    ] = None,
    *,
    ctx: Context,
) -> HandoffView:
    """Give a task to another agent, durably. If the target is an A2A agent, nexus sends it the task over A2A and
    follows the agent's task (up to 30 s; still running, the handoff stays accepted); if its card names an MCP
    tool, nexus calls it over streamable HTTP (both with timeouts and retries) and the handoff ends completed
    or failed with the reason and result;
    otherwise it waits in the target's `inbox` until the target accepts and completes it. Returns the handoff
    with its id and status (`changed` false when `request_id` repeated an earlier call: nothing new was sent).
    Find the target first with `discover`."""
    return await _hand_off(
        ctx, to_agent, task, context, memory_refs, seal, deadline_s, from_agent, request_id
    )


async def _hand_off(
    ctx: Context,
    to_agent: str,
    task: str,
    context: str | None,
    memory_refs: list[str] | None,
    seal: bool,
    deadline_s: float,
    from_agent: str | None,
    request_id: str | None,
) -> HandoffView:
    """`handoff`'s work: create it (or find the first of a repeated `request_id`), then deliver it if
    its target is reached over MCP or A2A and it is not delivered yet."""
    m = market()
    principal = authenticated_principal()
    created = await anyio.to_thread.run_sync(
        lambda: m.create_handoff(
            from_agent=from_agent or (caller_of(ctx) if principal is None else None),
            to_agent=to_agent,
            task=task,
            context=context,
            memory_refs=memory_refs,
            seal=seal,
            deadline_s=deadline_s,
            request_id=request_id,
            principal=principal,
        )
    )
    replayed = created.replayed
    if created.channel in ("mcp", "a2a") and created.status in ("pending", "delivering"):
        # A retry may find the handoff undelivered because the replica that made it died first: the
        # delivery claim (pending, or a claim whose lease ran out) makes one process deliver it, once.
        created = await m.deliver(created.id)
    return HandoffView.of(created, changed=not replayed)


@kit.tool(
    examples=["what tasks are waiting for me?"], title="An agent's inbox", read_only=True, idempotent=True
)
def inbox(
    agent_id: AgentId,
    include_finished: Annotated[
        bool, Field(description="Also list completed, failed and expired ones")
    ] = False,
    limit: Annotated[int, Field(description="At most this many (1-500)")] = 50,
) -> Inbox:
    """The handoffs waiting for an agent (pending or accepted), oldest first. Agents poll it to pick up work;
    then `accept` and `complete`."""
    found = market().inbox(agent_id, include_finished, limit, authenticated_principal())
    return Inbox(agent_id=agent_id, handoffs=[HandoffView.of(h) for h in found])


@kit.tool(examples=["I'll take handoff 42"], title="Accept a handoff", read_only=False, idempotent=True)
def accept(
    handoff_id: HandoffId,
    agent_id: Annotated[
        str | None, Field(description="The accepting agent; must be the handoff's target", max_length=200)
    ] = None,
) -> HandoffView:
    """Take on a pending handoff from your inbox. Accepting it again changes nothing."""
    handoff_, changed = market().accept(handoff_id, agent_id, authenticated_principal())
    return HandoffView.of(handoff_, changed)


@kit.tool(
    examples=["mark the handoff done with this result"],
    title="Complete a handoff",
    read_only=False,
    idempotent=True,
)
def complete(
    handoff_id: HandoffId,
    outcome: Annotated[Literal["completed", "failed"], Field(description="How it ended")] = "completed",
    result: Annotated[
        str | None,
        Field(description="What came of it, or why it failed (at most 8,000 characters)", max_length=8000),
    ] = None,
) -> HandoffView:
    """Report how a handoff ended. The outcome updates the target agent's quality score, which discovery uses,
    and is written to the shared memory. Reporting the same outcome again changes nothing."""
    handoff_, changed = market().complete(handoff_id, outcome, result, authenticated_principal())
    return HandoffView.of(handoff_, changed)


@kit.tool(
    examples=["how reliable is the SRE agent?"],
    title="An agent's track record",
    read_only=True,
    idempotent=True,
)
def quality(agent_id: AgentId) -> QualityView:
    """How reliably an agent finishes handoffs: counts of completed, failed and expired, smoothed success rate,
    mean latency and the latest outcomes."""
    return QualityView.of(market().quality(agent_id))


@mcp.resource(
    "nexus://agents/{agent_id}/card",
    name="agent-card",
    title="Agent card",
    description="The A2A agent card of a registered agent",
    mime_type="application/json",
)
def agent_card_resource(agent_id: str) -> str:
    return json.dumps(market().registry.get(agent_id).card.to_json(), indent=2, sort_keys=True)


prompts.register(kit)  # prompts, completions and resources: servers/nexus/prompts.py


def main() -> None:
    run(kit)


if __name__ == "__main__":
    main()
