"""nexus's domain, assembled: the registry, discovery, teams and handoffs over one suite's shared
services, plus what they tell the rest of the suite (shared memory, evidence `nexus.registry`).

server.py calls one method per tool; everything here has plain Python signatures.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from servers.nexus.cards import TIERS, check_tier
from servers.nexus.discovery import Hit, SkillIndex, validate_query
from servers.nexus.handoffs import MAX_CONTEXT, MAX_REFS, MAX_RESULT, MAX_TASK, Handoff, Handoffs, Quality
from servers.nexus.registry import Agent, Registered, Registry, load_card_files
from shared import evidence
from shared.errors import BadInput, Conflict, Refused
from shared.ownership import may_access
from shared.store import METADATA, Double, col
from shared.suite import Suite

log = logging.getLogger("hdr.nexus")
SERVER = "nexus"
REQUEST_ID = re.compile(r"^[A-Za-z0-9._:/-]{1,200}$")
# Who registered an agent, when that client was authenticated (a static token's name, a JWT's client):
# only it may then update or remove the agent, read its inbox, and accept or complete its handoffs.
nexus_owners = sa.Table(
    "nexus_owners",
    METADATA,
    col("agent_id", sa.Text, primary_key=True),
    col("owner", sa.Text),
    col("since", Double),
)
OWNERS = [nexus_owners]
REGISTRABLE_TIERS = ("sandbox", "external")  # `core`: the suite's own cards; `verified`: signed ones
MIN_DEADLINE_S, MAX_DEADLINE_S = 1.0, 30 * 86400.0
MAX_CAPABILITIES = 20
# Below this similarity a capability counts as a gap in `compose`, not a weak match.
TEAM_MIN_RELEVANCE = 0.25


def cards_dir() -> Path:
    """Where the suite's own agent cards live: HDR_AGENT_CARDS_DIR, else agent-cards/ in the repository."""
    override = os.environ.get("HDR_AGENT_CARDS_DIR")
    if override:
        return Path(override)
    import servers

    return Path(servers.__file__).resolve().parent.parent / "agent-cards"


def sealed_tiers() -> frozenset[str]:
    """Tiers that may receive sealed payloads (HDR_NEXUS_SEALED_TIERS, default core,verified,sandbox):
    private context goes to external agents only when an operator allows it."""
    raw = os.environ.get("HDR_NEXUS_SEALED_TIERS", "core,verified,sandbox")
    return frozenset(t.strip() for t in raw.split(",") if t.strip() in TIERS)


@dataclass
class TeamMember:
    capability: str
    hit: Hit | None
    price_usd: float | None
    latency_ms: float | None


@dataclass
class Team:
    goal: str
    members: list[TeamMember]
    gaps: list[str]
    total_price_usd: float | None
    total_latency_ms: float | None
    unpriced: list[str]


class Marketplace:
    def __init__(self, suite: Suite, core_cards: Path | None = None) -> None:
        self.suite = suite
        self.registry = Registry(suite.store)
        self.handoffs = Handoffs(suite.store)
        suite.store.ensure_schema("nexus.owners", OWNERS)
        self._quality: tuple[int, dict[str, float]] = (-1, {})
        self.index = SkillIndex(self.registry, lambda texts: suite.embedder.embed(texts), self.quality_map)
        self.register_core(core_cards or cards_dir())

    # -- registry -----------------------------------------------------------------------------

    def register_core(self, directory: Path) -> list[Registered]:
        """Register the suite's own cards as `core` (idempotent: unchanged cards change nothing). A core id
        belongs to the suite: whatever a caller registered or owned under it before is replaced."""
        cards = load_card_files(directory)
        results = self.registry.register_many(cards, "core") if cards else []
        if cards:
            with self.suite.store.transaction() as db:
                db.executemany(
                    "DELETE FROM nexus_owners WHERE agent_id=:id", [{"id": agent_id} for agent_id, _ in cards]
                )
        if any(r.changed for r in results):
            self.publish()
        return results

    def owner(self, agent_id: str) -> str | None:
        row = (
            self.suite.store.connection()
            .execute("SELECT owner FROM nexus_owners WHERE agent_id=:id", {"id": agent_id})
            .fetchone()
        )
        return None if row is None else row["owner"]

    def authorize(self, agent_id: str, principal: str | None, action: str) -> None:
        """Reading an agent's inbox and handling its handoffs: its owner (and principals a grant in HDR_GRANTS
        lets act for it) only. Requests without credentials (stdio, a gateway without auth on loopback) are
        the operator's and may do anything; agents registered without credentials, the suite's core agents
        among them, are the operator's, so an authenticated client does not read their inboxes (which hold
        other callers' unsealed context) unless granted "operator". Changing or removing a card is
        `authorize_change`."""
        owner = self.owner(agent_id)
        if not may_access(owner, principal):
            who = "another client" if owner is not None else "the operator"
            raise Refused(
                f"Agent {agent_id!r} was registered by {who}; only {'that client' if owner else who} "
                f"may {action}.",
                "Use the credentials the agent was registered with.",
            )

    def authorize_change(self, agent_id: str, principal: str | None, action: str, exists: bool) -> None:
        """Changing or removing an agent: the suite's own agents never (their cards come from agent-cards/);
        an id an authenticated client registered (even one it removed since: the id stays its own) only that
        client; an existing agent registered without credentials only the operator."""
        if self.is_core(agent_id):
            raise Refused(
                f"{agent_id!r} is one of the suite's core agents; its card comes from agent-cards/ and "
                "callers cannot change or remove it.",
                "Register your agent under another id.",
            )
        if principal is None:
            return
        owner = self.owner(agent_id)
        if owner is not None and not may_access(owner, principal):
            raise Refused(
                f"Agent {agent_id!r} was registered by another client; only that client may {action}.",
                "Use the credentials the agent was registered with, or register under another id.",
            )
        if owner is None and exists and not may_access(None, principal):
            raise Refused(
                f"Agent {agent_id!r} was registered by the operator; only the operator may {action}.",
                "Register your agent under another id.",
            )

    def is_core(self, agent_id: str) -> bool:
        row = (
            self.suite.store.connection()
            .execute("SELECT tier FROM nexus_agents WHERE agent_id=:id", {"id": agent_id})
            .fetchone()
        )
        return row is not None and row["tier"] == "core"

    def register(
        self,
        card: dict | str,
        tier: str = "sandbox",
        principal: str | None = None,
        agent_id: str | None = None,
    ) -> Registered:
        """Register or update an agent under `agent_id` (the owner's stable id; default: derived from the
        card's name). Without an explicit id, a card whose name differs from the agent already registered
        under the derived id is refused rather than replacing it ('billing_agent' never replaces 'Billing
        Agent'). A card signed by a trusted key is registered as `verified`."""
        check_tier(tier)
        if tier not in REGISTRABLE_TIERS:
            raise Refused(
                "The `core` and `verified` tiers are reserved: `core` is the suite's own "
                "agents (agent-cards/), `verified` is given to cards signed by a trusted key.",
                "Register as 'sandbox' or 'external'.",
            )
        from servers.nexus.cards import check_agent_id, parse_card
        from servers.nexus.signatures import verify_card

        parsed = parse_card(card)
        chosen = check_agent_id(agent_id) if agent_id is not None else parsed.default_agent_id
        signature = verify_card(parsed)
        if signature.status == "verified":
            tier = "verified"
        with self.suite.store.transaction() as db:  # the owner checks and the write as one
            row = db.execute("SELECT name FROM nexus_agents WHERE agent_id=:id", {"id": chosen}).fetchone()
            self.authorize_change(chosen, principal, "update its card", exists=row is not None)
            if row is not None and agent_id is None and row["name"] != parsed.name:
                raise Conflict(
                    f"The id {chosen!r} (derived from the card's name) is already the agent "
                    f"{row['name'][:80]!r}; registering {parsed.name[:80]!r} would replace it.",
                    f"Pass `agent_id` to update {chosen!r} on purpose, or another id for a new agent.",
                )
            registered = self.registry.register(parsed, tier, chosen)
            if principal is not None and self.owner(chosen) is None:
                db.execute(
                    "INSERT INTO nexus_owners VALUES (:id, :owner, :since)"
                    " ON CONFLICT (agent_id) DO UPDATE SET owner=excluded.owner, since=excluded.since",
                    {"id": chosen, "owner": principal, "since": registered.agent.registered_at},
                )
        if registered.changed:
            self.registry.embed_missing(self.suite.embedder.embed)
            self.publish()
        return registered

    def deregister(self, agent_id: str, principal: str | None = None) -> tuple[Agent, int]:
        """Remove an agent. Its owner keeps its id (nobody else can register it, also after a restart);
        the suite's core agents cannot be removed."""
        agent = self.registry.get(agent_id)
        self.authorize_change(agent.agent_id, principal, "remove it", exists=True)
        agent = self.registry.deregister(agent.agent_id)
        failed = self.handoffs.fail_open_to(agent.agent_id, "the target agent was deregistered")
        self.publish()
        self.suite.record(
            f"Agent {agent.agent_id} ({agent.tier}) was removed from the nexus registry.",
            "registry",
            source=SERVER,
            tool="deregister",
            tags=["nexus", agent.agent_id],
        )
        return agent, failed

    # -- discovery and teams --------------------------------------------------------------------

    def quality_map(self) -> dict[str, float]:
        generation = self.registry.generation("quality")
        if self._quality[0] != generation:
            self._quality = (generation, self.handoffs.success_by_agent())
        return self._quality[1]

    def discover(
        self,
        query: str,
        k: int = 5,
        tags: list[str] | None = None,
        tier: str | None = None,
        input_mode: str | None = None,
    ) -> list[Hit]:
        return self.index.search(query, k=k, tags=tags, tier=tier, input_mode=input_mode)

    def compose(self, goal: str, capabilities: list[str], tier: str | None = None) -> Team:
        goal = validate_query(goal)
        if not capabilities or len(capabilities) > MAX_CAPABILITIES:
            raise BadInput(
                f"`capabilities` has {len(capabilities or [])} entries; send 1 to {MAX_CAPABILITIES}.",
                "Split the goal into the capabilities it needs, e.g. ['find over-provisioned pods', "
                "'attest SOC2 compliance'].",
            )
        capabilities = [validate_query(c) for c in capabilities]
        members, gaps, unpriced = [], [], []
        price, latency = 0.0, 0.0
        for capability in capabilities:
            hits = [
                h
                for h in self.index.search(capability, k=5, tier=tier)
                if h.embedding_score >= TEAM_MIN_RELEVANCE
            ]
            if not hits:
                gaps.append(capability)
                members.append(TeamMember(capability, None, None, None))
                continue
            best = hits[0]
            meta = self.registry.get(best.agent_id).card.nexus_meta
            members.append(TeamMember(capability, best, meta.price_usd, meta.latency_ms))
            if meta.price_usd is None or meta.latency_ms is None:
                unpriced.append(best.agent_id)
            price += meta.price_usd or 0.0
            latency += meta.latency_ms or 0.0
        staffed = [m for m in members if m.hit]
        return Team(
            goal=goal,
            members=members,
            gaps=gaps,
            total_price_usd=round(price, 6) if staffed else None,
            total_latency_ms=round(latency, 3) if staffed else None,
            unpriced=sorted(set(unpriced)),
        )

    # -- handoffs --------------------------------------------------------------------------------

    def create_handoff(
        self,
        *,
        from_agent: str | None,
        to_agent: str,
        task: str,
        context: str | None = None,
        memory_refs: list[str] | None = None,
        seal: bool = False,
        deadline_s: float = 3600.0,
        request_id: str | None = None,
        principal: str | None = None,
    ) -> Handoff:
        """Validate everything, then write the handoff (nothing is written when anything is wrong). A repeated
        `request_id` from the same caller returns the first handoff (`replayed`), written and recorded once.
        An authenticated caller hands off as itself (its principal) or as an agent it owns, nobody else."""
        task, refs = _checked_request(task, context, memory_refs, deadline_s, request_id)
        from_agent = self._sender(from_agent, principal)
        target = self.registry.get(to_agent)
        stored_context = context
        if seal:
            stored_context = self._seal_for(target, context or "")
        channel = target.card.delivery(target.tier)
        handoff = self.handoffs.create(
            from_agent=from_agent,
            to_agent=target.agent_id,
            task=task,
            context=stored_context,
            sealed=seal,
            memory_refs=refs,
            channel=channel,
            deadline_s=deadline_s,
            request_id=request_id,
            creator=principal,
        )
        if handoff.replayed:
            return handoff
        self.publish()
        return handoff

    def _sender(self, from_agent: str | None, principal: str | None) -> str:
        """Who a handoff is from. The operator (no credentials) may name anyone; an authenticated caller is
        its principal, or an agent it registered."""
        if principal is None:
            return (from_agent or "anonymous")[:200]
        if from_agent is None or from_agent == principal:
            return principal[:200]
        if self.owner(from_agent) is None or not may_access(self.owner(from_agent), principal):
            raise Refused(
                f"`from_agent` {from_agent[:80]!r} is not an agent you registered.",
                "Leave `from_agent` out to hand off as yourself, or name an agent registered with "
                "your credentials.",
            )
        return from_agent

    def _seal_for(self, target: Agent, context: str) -> str:
        if target.tier not in sealed_tiers():
            raise Refused(
                f"{target.agent_id!r} is an {target.tier} agent, and sealed payloads go to "
                f"{', '.join(sorted(sealed_tiers()))} agents only.",
                "Hand off without private context, or choose an agent of an allowed tier.",
            )
        text = target.card.nexus_meta.public_key
        if not text:
            raise BadInput(
                f"{target.agent_id!r} publishes no public key, so nothing can be sealed for it.",
                "Hand off with seal=false, or ask the agent to add metadata.public_key to its card.",
            )
        from shared import sealing

        return sealing.seal(context.encode("utf-8", "replace"), sealing.public_key_from_text(text))

    async def deliver(self, handoff_id: str, follow_s: float | None = None) -> Handoff:
        """Deliver an MCP- or A2A-channel handoff, once: only the process that claims it calls the target."""
        import anyio.to_thread

        from servers.nexus.delivery import call_agent_tool, send_a2a_task

        handoff = await anyio.to_thread.run_sync(self.handoffs.get, handoff_id)
        if handoff.channel not in ("mcp", "a2a") or not await anyio.to_thread.run_sync(
            self.handoffs.claim_delivery, handoff_id
        ):
            return handoff
        target = await anyio.to_thread.run_sync(self.registry.get, handoff.to_agent)
        fields = {
            "handoff_id": handoff.id,
            "from_agent": handoff.from_agent,
            "task": handoff.task,
            "context": handoff.context,
            "sealed": handoff.sealed,
            "memory_refs": handoff.memory_refs,
            "deadline": handoff.deadline,
        }
        endpoint = target.card.mcp_endpoint()
        if handoff.channel == "a2a" and target.card.a2a_interface() is not None:
            delivery = await send_a2a_task(
                target.card.raw, fields, deadline=handoff.deadline, follow_s=follow_s
            )
        elif handoff.channel == "mcp" and endpoint is not None:
            delivery = await call_agent_tool(endpoint[0], endpoint[1], fields)
        else:
            delivery = None
        outcome_ok: bool | None
        result: str | None
        reason: str | None
        if delivery is None:
            outcome_ok, result, reason, attempts = (
                False,
                None,
                f"the agent's card no longer offers {handoff.channel}",
                0,
            )
        else:
            outcome_ok, result, reason, attempts = (
                delivery.ok,
                delivery.result,
                delivery.reason,
                delivery.attempts,
            )
        finished = await anyio.to_thread.run_sync(
            lambda: self.handoffs.finish_delivery(
                handoff.id, outcome_ok, result, reason, handoff.attempts + max(attempts, 1)
            )
        )
        await anyio.to_thread.run_sync(self._after_outcome, finished, "handoff")
        return finished

    def _after_outcome(self, handoff: Handoff, tool: str) -> None:
        self.publish()

    def expire(self) -> list[Handoff]:
        expired = self.handoffs.expire_overdue()
        for handoff in expired:
            self._after_outcome(handoff, "expire")
        return expired

    def inbox(
        self, agent_id: str, include_finished: bool = False, limit: int = 50, principal: str | None = None
    ) -> list[Handoff]:
        if not 1 <= limit <= 500:
            raise BadInput(f"`limit` is {limit}; use 1 to 500.")
        agent = self.registry.get(agent_id)
        self.authorize(agent.agent_id, principal, "read its inbox")
        self.expire()
        return self.handoffs.inbox(agent.agent_id, include_finished, limit)

    def accept(
        self, handoff_id: str, agent_id: str | None = None, principal: str | None = None
    ) -> tuple[Handoff, bool]:
        if principal is not None:
            self.authorize(
                self.handoffs.get(handoff_id).to_agent, principal, "accept handoffs addressed to it"
            )
        self.expire()
        handoff, changed = self.handoffs.accept(handoff_id, agent_id)
        if changed:
            self.publish()
        return handoff, changed

    def complete(
        self, handoff_id: str, outcome: str, result: str | None = None, principal: str | None = None
    ) -> tuple[Handoff, bool]:
        if result is not None and len(result) > MAX_RESULT:
            raise BadInput(
                f"`result` is {len(result)} characters; the limit is {MAX_RESULT}.",
                "Send a summary, and remember the details in the shared memory.",
            )
        if principal is not None:
            self.authorize(
                self.handoffs.get(handoff_id).to_agent, principal, "complete handoffs addressed to it"
            )
        self.expire()
        handoff, changed = self.handoffs.complete(handoff_id, outcome, result)
        if changed:
            self._after_outcome(handoff, "complete")
        return handoff, changed

    def quality(self, agent_id: str) -> Quality:
        agent = self.registry.get(agent_id)
        self.expire()
        return self.handoffs.quality(agent.agent_id)

    # -- evidence -------------------------------------------------------------------------------

    def publish(self) -> None:
        evidence.publish(
            self.suite.store,
            SERVER,
            "registry",
            {"agents": self.registry.count(), "open_handoffs": self.handoffs.open_count()},
        )


def marketplace_for(suite: Suite) -> Marketplace:
    """The one Marketplace of this suite (built on first use: tables, core cards)."""
    return suite.service(Marketplace)


def _checked_request(
    task: str, context: str | None, memory_refs: list[str] | None, deadline_s: float, request_id: str | None
) -> tuple[str, list[str]]:
    """A handoff request's task (cleaned) and memory refs (blanks dropped), or BadInput naming what is wrong."""
    task = (task or "").replace("\x00", "").strip()
    if not task:
        raise BadInput("`task` is empty.", "Say in plain words what the target agent should do.")
    if len(task) > MAX_TASK:
        raise BadInput(
            f"`task` is {len(task)} characters; the limit is {MAX_TASK}.",
            "Put details in `context` and keep the task short.",
        )
    if context is not None and len(context) > MAX_CONTEXT:
        raise BadInput(
            f"`context` is {len(context)} characters; the limit is {MAX_CONTEXT}.",
            "Send a summary, or memory_refs to entries in the shared memory.",
        )
    refs = [r for r in (memory_refs or []) if r]
    if len(refs) > MAX_REFS or any(len(r) > 200 for r in refs):
        raise BadInput(f"`memory_refs` may hold at most {MAX_REFS} ids of at most 200 characters.")
    if not (MIN_DEADLINE_S <= deadline_s <= MAX_DEADLINE_S):
        raise BadInput(
            f"`deadline_s` is {deadline_s}; use {MIN_DEADLINE_S:.0f} to {MAX_DEADLINE_S:.0f} seconds."
        )
    if request_id is not None and not (isinstance(request_id, str) and REQUEST_ID.match(request_id)):
        raise BadInput(
            "`request_id` must be 1-200 letters, digits or . _ : / - characters.",
            "Send an id of your own that is the same on every retry, e.g. the CI job's id.",
        )
    return task, refs
