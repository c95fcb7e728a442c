"""What nexus's tools return (pydantic models: structured output plus the SDK's text rendering)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from servers.nexus.discovery import Hit
from servers.nexus.handoffs import Handoff, Quality
from servers.nexus.marketplace import Team
from servers.nexus.registry import Agent


class AgentSummary(BaseModel):
    agent_id: str
    name: str
    tier: str
    version: str
    revision: int = Field(description="How many times this card was registered with changes")
    description: str
    skills: list[str] = Field(description="Skill ids")
    handoff_delivery: str = Field(
        description="'a2a' (sent as an A2A task), 'mcp' (its tool is called) or 'inbox'"
    )
    accepts_sealed: bool = Field(description="Publishes a public key for sealed handoffs")

    @classmethod
    def of(cls, agent: Agent) -> AgentSummary:
        return cls(
            agent_id=agent.agent_id,
            name=agent.name,
            tier=agent.tier,
            version=agent.version,
            revision=agent.revision,
            description=agent.card.description[:500],
            skills=[s.id for s in agent.card.skills],
            handoff_delivery=agent.card.delivery(agent.tier),
            accepts_sealed=bool(agent.card.nexus_meta.public_key),
        )


class RegisteredAgent(BaseModel):
    agent: AgentSummary
    created: bool = Field(description="True when the agent is new")
    changed: bool = Field(description="False when the same card was already registered (nothing changed)")


class AgentList(BaseModel):
    agents: list[AgentSummary]


class CardRevision(BaseModel):
    revision: int
    version: str
    tier: str
    registered_at: float


class AgentCardView(BaseModel):
    agent_id: str
    tier: str
    revision: int
    card: dict[str, Any] = Field(description="The A2A agent card as registered")
    history: list[CardRevision]


class Deregistered(BaseModel):
    agent_id: str
    failed_open_handoffs: int = Field(description="Open handoffs to it, now marked failed")


class DiscoveryHit(BaseModel):
    agent_id: str
    skill_id: str
    skill: str = Field(description="The skill's name")
    tier: str
    score: float = Field(description="Fused score (meaning, words, quality, tier); higher is better")
    similarity: float = Field(description="Embedding similarity of query and skill, -1..1")
    quality: float = Field(description="The agent's smoothed success rate on handoffs, 0..1 (0.5: no record)")
    reason: str = Field(description="Why it matched: the shared words, or what the skill is close to")

    @classmethod
    def of(cls, hit: Hit) -> DiscoveryHit:
        return cls(
            agent_id=hit.agent_id,
            skill_id=hit.skill_id,
            skill=hit.skill_name,
            tier=hit.tier,
            score=hit.score,
            similarity=hit.embedding_score,
            quality=hit.quality,
            reason=hit.reason,
        )


class Discovery(BaseModel):
    query: str
    hits: list[DiscoveryHit]


class TeamSlot(BaseModel):
    capability: str
    agent_id: str | None = Field(description="None when no agent can do it (a gap)")
    skill_id: str | None
    score: float | None
    price_usd: float | None
    latency_ms: float | None


class TeamPlan(BaseModel):
    goal: str
    team: list[TeamSlot]
    gaps: list[str] = Field(description="Capabilities no registered agent covers")
    total_price_usd: float | None = Field(description="Sum of the members' card prices")
    total_latency_ms: float | None = Field(
        description="Sum of the members' typical latencies (steps in sequence)"
    )
    unpriced_agents: list[str] = Field(
        description="Members whose cards give no price or latency (counted as 0)"
    )

    @classmethod
    def of(cls, team: Team) -> TeamPlan:
        return cls(
            goal=team.goal,
            gaps=team.gaps,
            total_price_usd=team.total_price_usd,
            total_latency_ms=team.total_latency_ms,
            unpriced_agents=team.unpriced,
            team=[
                TeamSlot(
                    capability=m.capability,
                    agent_id=m.hit.agent_id if m.hit else None,
                    skill_id=m.hit.skill_id if m.hit else None,
                    score=m.hit.score if m.hit else None,
                    price_usd=m.price_usd,
                    latency_ms=m.latency_ms,
                )
                for m in team.members
            ],
        )


class HandoffView(BaseModel):
    handoff_id: str
    from_agent: str
    to_agent: str
    task: str
    context: str | None = Field(
        description="The context; for a sealed handoff, the envelope only the target can open"
    )
    sealed: bool
    memory_refs: list[str]
    delivery: str = Field(description="'inbox', 'mcp' or 'a2a'")
    status: str = Field(description="pending, delivering, accepted, completed, failed or expired")
    deadline: float = Field(description="Unix time")
    created_at: float
    attempts: int = Field(description="Delivery attempts made (MCP or A2A delivery)")
    reason: str | None = Field(description="Why it failed or expired")
    result: str | None
    changed: bool = Field(
        True, description="False when this call repeated an earlier one and changed nothing"
    )

    @classmethod
    def of(cls, handoff: Handoff, changed: bool = True) -> HandoffView:
        return cls(
            handoff_id=handoff.id,
            from_agent=handoff.from_agent,
            to_agent=handoff.to_agent,
            task=handoff.task,
            context=handoff.context,
            sealed=handoff.sealed,
            memory_refs=handoff.memory_refs,
            delivery=handoff.channel,
            status=handoff.status,
            deadline=handoff.deadline,
            created_at=handoff.created_at,
            attempts=handoff.attempts,
            reason=handoff.reason,
            result=handoff.result,
            changed=changed,
        )


class Inbox(BaseModel):
    agent_id: str
    handoffs: list[HandoffView]


class QualityView(BaseModel):
    agent_id: str
    handoffs: int = Field(description="Finished handoffs counted")
    completed: int
    failed: int
    expired: int
    success_rate: float = Field(description="Smoothed: (completed + 1) / (finished + 2)")
    mean_latency_s: float | None = Field(description="Mean time from handoff to completion")
    recent: list[str] = Field(description="The last outcomes, newest first")

    @classmethod
    def of(cls, quality: Quality) -> QualityView:
        return cls(**quality.__dict__)
