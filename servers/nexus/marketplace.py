"""nexus's domain, assembled: the registry, discovery, teams and handoffs over one suite's shared
services, plus what they tell the rest of the suite (shared memory, evidence `nexus.registry`).

server.py calls one method per tool; everything here has plain Python signatures.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path

from servers.nexus.cards import TIERS, check_tier
from servers.nexus.discovery import Hit, SkillIndex, validate_query
from servers.nexus.handoffs import MAX_CONTEXT, MAX_REFS, MAX_RESULT, MAX_TASK, Handoff, Handoffs, Quality
from servers.nexus.registry import Agent, Registered, Registry, load_card_files
from shared import evidence
from shared.errors import BadInput, Refused
from shared.suite import Suite

log = logging.getLogger("hdr.nexus")
SERVER = "nexus"
REQUEST_ID = re.compile(r"^[A-Za-z0-9._:/-]{1,200}$")
# Who registered an agent, when that client was authenticated (a static token's name, a JWT's client):
# only it may then update or remove the agent, read its inbox, and accept or complete its handoffs.
OWNERS = """
CREATE TABLE IF NOT EXISTS nexus_owners (agent_id TEXT PRIMARY KEY, owner TEXT NOT NULL, since REAL NOT NULL)
"""
REGISTRABLE_TIERS = ("sandbox", "external")  # `core` is reserved for the suite's own cards
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
    """Tiers that may receive sealed payloads (HDR_NEXUS_SEALED_TIERS, default core,sandbox):
    private context goes to external agents only when an operator allows it."""
    raw = os.environ.get("HDR_NEXUS_SEALED_TIERS", "core,sandbox")
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
        """Register the suite's own cards as `core` (idempotent: unchanged cards change nothing)."""
        cards = load_card_files(directory)
        results = self.registry.register_many(cards, "core") if cards else []
        if any(r.changed for r in results):
            self.publish()
        return results

    def owner(self, agent_id: str) -> str | None:
        row = self.suite.store.connection().execute("SELECT owner FROM nexus_owners WHERE agent_id=?",
                                                    (agent_id,)).fetchone()
        return None if row is None else row["owner"]

    def authorize(self, agent_id: str, principal: str | None, action: str) -> None:
        """Refused when the agent belongs to an authenticated client other than `principal`. Requests
        without credentials (stdio, a gateway without auth on loopback) are the machine's operator's, and
        agents registered without credentials belong to nobody: both as before ownership existed."""
        owner = self.owner(agent_id)
        if owner is not None and principal is not None and principal != owner:
            raise Refused(f"Agent {agent_id!r} was registered by another client; only that client may {action}.",
                          "Use the credentials the agent was registered with.")

    def register(self, card: dict | str, tier: str = "sandbox", principal: str | None = None) -> Registered:
        check_tier(tier)
        if tier not in REGISTRABLE_TIERS:
            raise Refused("The `core` tier is reserved for the suite's own agents (registered from agent-cards/).",
                          "Register as 'sandbox' or 'external'.")
        from servers.nexus.cards import parse_card

        parsed = parse_card(card)
        try:
            existing = self.registry.get(parsed.agent_id)
        except Exception:  # noqa: BLE001 - NotFound: a new agent
            existing = None
        if existing is not None and existing.agent_id == parsed.agent_id and existing.tier == "core":
            raise Refused(f"{parsed.agent_id!r} is one of the suite's core agents; its card comes from agent-cards/.",
                          "Give your agent a different name.")
        with self.suite.store.transaction() as db:  # the owner check and the write as one
            self.authorize(parsed.agent_id, principal, "update its card")
            registered = self.registry.register(parsed, tier)
            if registered.created and principal is not None:
                db.execute("INSERT OR REPLACE INTO nexus_owners VALUES (?,?,?)",
                           (registered.agent.agent_id, principal, registered.agent.registered_at))
        if registered.changed:
            self.registry.embed_missing(self.suite.embedder.embed)
            self.publish()
        return registered

    def deregister(self, agent_id: str, principal: str | None = None) -> tuple[Agent, int]:
        self.authorize(self.registry.get(agent_id).agent_id, principal, "remove it")
        agent = self.registry.deregister(agent_id)
        with self.suite.store.transaction() as db:
            db.execute("DELETE FROM nexus_owners WHERE agent_id=?", (agent.agent_id,))
        failed = self.handoffs.fail_open_to(agent.agent_id, "the target agent was deregistered")
        self.publish()
        self.suite.record(f"Agent {agent.agent_id} ({agent.tier}) was removed from the nexus registry.",
                          "registry", source=SERVER, tool="deregister", tags=["nexus", agent.agent_id])
        return agent, failed

    # -- discovery and teams --------------------------------------------------------------------

    def quality_map(self) -> dict[str, float]:
        generation = self.registry.generation("quality")
        if self._quality[0] != generation:
            self._quality = (generation, self.handoffs.success_by_agent())
        return self._quality[1]

    def discover(self, query: str, k: int = 5, tags: list[str] | None = None, tier: str | None = None,
                 input_mode: str | None = None) -> list[Hit]:
        return self.index.search(query, k=k, tags=tags, tier=tier, input_mode=input_mode)

    def compose(self, goal: str, capabilities: list[str], tier: str | None = None) -> Team:
        goal = validate_query(goal)
        if not capabilities or len(capabilities) > MAX_CAPABILITIES:
            raise BadInput(f"`capabilities` has {len(capabilities or [])} entries; send 1 to {MAX_CAPABILITIES}.",
                           "Split the goal into the capabilities it needs, e.g. ['find over-provisioned pods', "
                           "'attest SOC2 compliance'].")
        capabilities = [validate_query(c) for c in capabilities]
        members, gaps, unpriced = [], [], []
        price, latency = 0.0, 0.0
        for capability in capabilities:
            hits = [h for h in self.index.search(capability, k=5, tier=tier)
                    if h.embedding_score >= TEAM_MIN_RELEVANCE]
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
        return Team(goal=goal, members=members, gaps=gaps,
                    total_price_usd=round(price, 6) if staffed else None,
                    total_latency_ms=round(latency, 3) if staffed else None,
                    unpriced=sorted(set(unpriced)))

    # -- handoffs --------------------------------------------------------------------------------

    def create_handoff(self, *, from_agent: str, to_agent: str, task: str, context: str | None = None,
                       memory_refs: list[str] | None = None, seal: bool = False,
                       deadline_s: float = 3600.0, request_id: str | None = None) -> Handoff:
        """Validate everything, then write the handoff (nothing is written when anything is wrong). A repeated
        `request_id` from the same caller returns the first handoff (`replayed`), written and recorded once."""
        task = (task or "").replace("\x00", "").strip()
        if not task:
            raise BadInput("`task` is empty.", "Say in plain words what the target agent should do.")
        if len(task) > MAX_TASK:
            raise BadInput(f"`task` is {len(task)} characters; the limit is {MAX_TASK}.",
                           "Put details in `context` and keep the task short.")
        if context is not None and len(context) > MAX_CONTEXT:
            raise BadInput(f"`context` is {len(context)} characters; the limit is {MAX_CONTEXT}.",
                           "Send a summary, or memory_refs to entries in the shared memory.")
        refs = [r for r in (memory_refs or []) if r]
        if len(refs) > MAX_REFS or any(len(r) > 200 for r in refs):
            raise BadInput(f"`memory_refs` may hold at most {MAX_REFS} ids of at most 200 characters.")
        if not (MIN_DEADLINE_S <= deadline_s <= MAX_DEADLINE_S):
            raise BadInput(f"`deadline_s` is {deadline_s}; use {MIN_DEADLINE_S:.0f} to {MAX_DEADLINE_S:.0f} seconds.")
        if request_id is not None and not (isinstance(request_id, str) and REQUEST_ID.match(request_id)):
            raise BadInput("`request_id` must be 1-200 letters, digits or . _ : / - characters.",
                           "Send an id of your own that is the same on every retry, e.g. the CI job's id.")
        from_agent = (from_agent or "anonymous")[:200]
        target = self.registry.get(to_agent)
        stored_context = context
        if seal:
            stored_context = self._seal_for(target, context or "")
        endpoint = target.card.handoff_endpoint()
        handoff = self.handoffs.create(from_agent=from_agent, to_agent=target.agent_id, task=task,
                                       context=stored_context, sealed=seal, memory_refs=refs,
                                       channel="mcp" if endpoint else "inbox", deadline_s=deadline_s,
                                       request_id=request_id)
        if handoff.replayed:
            return handoff
        self.publish()
        self.suite.record(f"Handoff {handoff.id}: {from_agent} handed '{task[:300]}' to {target.agent_id}"
                          f"{' (sealed context)' if seal else ''}.", "handoff", source=SERVER, tool="handoff",
                          tags=["handoff", target.agent_id],
                          extra={"handoff_id": handoff.id, "to_agent": target.agent_id,
                                 "from_agent": from_agent, "status": "pending"})
        return handoff

    def _seal_for(self, target: Agent, context: str) -> str:
        if target.tier not in sealed_tiers():
            raise Refused(f"{target.agent_id!r} is an {target.tier} agent, and sealed payloads go to "
                          f"{', '.join(sorted(sealed_tiers()))} agents only.",
                          "Hand off without private context, or choose an agent of an allowed tier.")
        text = target.card.nexus_meta.public_key
        if not text:
            raise BadInput(f"{target.agent_id!r} publishes no public key, so nothing can be sealed for it.",
                           "Hand off with seal=false, or ask the agent to add metadata.public_key to its card.")
        from shared import sealing

        return sealing.seal(context.encode("utf-8", "replace"), sealing.public_key_from_text(text))

    async def deliver(self, handoff_id: str) -> Handoff:
        """Deliver an MCP-channel handoff, once: only the process that claims it calls the target."""
        import anyio.to_thread

        from servers.nexus.delivery import call_agent_tool

        handoff = await anyio.to_thread.run_sync(self.handoffs.get, handoff_id)
        if handoff.channel != "mcp" or not await anyio.to_thread.run_sync(self.handoffs.claim_delivery, handoff_id):
            return handoff
        target = await anyio.to_thread.run_sync(self.registry.get, handoff.to_agent)
        endpoint = target.card.handoff_endpoint()
        if endpoint is None:
            outcome_ok, result, reason, attempts = False, None, "the agent's card no longer names an MCP tool", 0
        else:
            url, tool = endpoint
            delivery = await call_agent_tool(url, tool, {
                "handoff_id": handoff.id, "from_agent": handoff.from_agent, "task": handoff.task,
                "context": handoff.context, "sealed": handoff.sealed, "memory_refs": handoff.memory_refs,
                "deadline": handoff.deadline})
            outcome_ok, result, reason, attempts = delivery.ok, delivery.result, delivery.reason, delivery.attempts
        finished = await anyio.to_thread.run_sync(
            lambda: self.handoffs.finish_delivery(handoff.id, outcome_ok, result, reason,
                                                  handoff.attempts + max(attempts, 1)))
        await anyio.to_thread.run_sync(self._after_outcome, finished, "handoff")
        return finished

    def _after_outcome(self, handoff: Handoff, tool: str) -> None:
        self.publish()
        detail = f" ({handoff.reason})" if handoff.reason else ""
        self.suite.record(f"Handoff {handoff.id} to {handoff.to_agent} {handoff.status}{detail}: "
                          f"'{handoff.task[:200]}'.", "handoff", source=SERVER, tool=tool,
                          tags=["handoff", handoff.to_agent, handoff.status],
                          extra={"handoff_id": handoff.id, "to_agent": handoff.to_agent,
                                 "from_agent": handoff.from_agent, "status": handoff.status})

    def expire(self) -> list[Handoff]:
        expired = self.handoffs.expire_overdue()
        for handoff in expired:
            self._after_outcome(handoff, "expire")
        return expired

    def inbox(self, agent_id: str, include_finished: bool = False, limit: int = 50,
              principal: str | None = None) -> list[Handoff]:
        if not 1 <= limit <= 500:
            raise BadInput(f"`limit` is {limit}; use 1 to 500.")
        agent = self.registry.get(agent_id)
        self.authorize(agent.agent_id, principal, "read its inbox")
        self.expire()
        return self.handoffs.inbox(agent.agent_id, include_finished, limit)

    def accept(self, handoff_id: str, agent_id: str | None = None,
               principal: str | None = None) -> tuple[Handoff, bool]:
        if principal is not None:
            self.authorize(self.handoffs.get(handoff_id).to_agent, principal, "accept handoffs addressed to it")
        self.expire()
        handoff, changed = self.handoffs.accept(handoff_id, agent_id)
        if changed:
            self.publish()
        return handoff, changed

    def complete(self, handoff_id: str, outcome: str, result: str | None = None,
                 principal: str | None = None) -> tuple[Handoff, bool]:
        if result is not None and len(result) > MAX_RESULT:
            raise BadInput(f"`result` is {len(result)} characters; the limit is {MAX_RESULT}.",
                           "Send a summary, and remember the details in the shared memory.")
        if principal is not None:
            self.authorize(self.handoffs.get(handoff_id).to_agent, principal, "complete handoffs addressed to it")
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
        evidence.publish(self.suite.store, SERVER, "registry",
                         {"agents": self.registry.count(), "open_handoffs": self.handoffs.open_count()})


_markets: weakref.WeakKeyDictionary[Suite, Marketplace] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def marketplace_for(suite: Suite) -> Marketplace:
    """The one Marketplace of this suite (built on first use: tables, core cards)."""
    market = _markets.get(suite)
    if market is None:
        with _lock:
            market = _markets.get(suite)
            if market is None:
                market = _markets[suite] = Marketplace(suite)
    return market
