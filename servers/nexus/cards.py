"""A2A agent cards (protocol 0.3.0 shape): validation, agent ids, and the metadata nexus reads.

Metadata conventions nexus understands (all optional, under the card's `metadata`):
  public_key    the agent's sealing public key (`shared.sealing.public_key_to_text`), for seal=true handoffs
  price_usd     estimated price of one task, used by `compose`
  latency_ms    typical time to finish one task, used by `compose`
  mcp           {"url": "http://host:port/mcp", "tool": "receive_handoff"}: deliver handoffs by calling
                that tool over streamable HTTP instead of leaving them in the agent's inbox (url
                defaults to the card's url; without `tool`, handoffs go to the inbox)
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from shared.errors import BadInput

MAX_CARD_BYTES = 256_000
MAX_SKILLS_PER_CARD = 200
TIERS = ("core", "sandbox", "external")

Short = Field(min_length=1, max_length=200)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)


class AgentProvider(_Strict):
    organization: str = Field(min_length=1, max_length=200)
    url: str = Field(min_length=1, max_length=2000)


class AgentCapabilities(_Strict):
    streaming: bool | None = None
    pushNotifications: bool | None = None  # noqa: N815 - A2A's field name
    stateTransitionHistory: bool | None = None  # noqa: N815


class AgentSkill(_Strict):
    id: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:/-]*$")
    name: str = Field(min_length=1, max_length=200)
    description: str = Field(min_length=1, max_length=4000)
    tags: list[str] = Field(max_length=32)
    examples: list[str] | None = Field(None, max_length=20)
    inputModes: list[str] | None = Field(None, max_length=20)  # noqa: N815
    outputModes: list[str] | None = Field(None, max_length=20)  # noqa: N815

    @field_validator("tags", "examples", "inputModes", "outputModes")
    @classmethod
    def _short_items(cls, items: list[str] | None) -> list[str] | None:
        for item in items or []:
            if not item.strip() or len(item) > 500:
                raise ValueError("each entry must be a non-empty string of at most 500 characters")
        return items


class McpEndpoint(BaseModel):
    """Where the agent is reachable over MCP. Handoffs are delivered by calling `tool` at `url`
    (default: the card's url) when `tool` is set; other keys (transport, endpoint...) are kept."""

    model_config = ConfigDict(extra="allow")
    url: str | None = Field(None, max_length=2000, pattern=r"^https?://[^\s]+$")
    tool: str | None = Field(None, min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.-]+$")


class NexusMetadata(BaseModel):
    """The parts of `metadata` nexus uses; anything else in metadata is kept as is."""

    model_config = ConfigDict(extra="allow")
    public_key: str | None = Field(None, max_length=20_000)
    price_usd: float | None = Field(None, ge=0, le=1e9)
    latency_ms: float | None = Field(None, ge=0, le=1e10)
    mcp: McpEndpoint | None = None


class AgentCard(_Strict):
    name: str = Field(min_length=1, max_length=200)
    description: str = Field(min_length=1, max_length=4000)
    url: str = Field(min_length=1, max_length=2000)
    version: str = Field(min_length=1, max_length=64)
    protocolVersion: str = Field("0.3.0", min_length=1, max_length=32)  # noqa: N815
    capabilities: AgentCapabilities
    defaultInputModes: list[str] = Field(min_length=1, max_length=20)  # noqa: N815
    defaultOutputModes: list[str] = Field(min_length=1, max_length=20)  # noqa: N815
    skills: list[AgentSkill] = Field(min_length=1, max_length=MAX_SKILLS_PER_CARD)
    provider: AgentProvider | None = None
    securitySchemes: dict[str, Any] | None = None  # noqa: N815
    security: list[dict[str, Any]] | None = None
    metadata: NexusMetadata | None = None

    @field_validator("skills")
    @classmethod
    def _unique_skill_ids(cls, skills: list[AgentSkill]) -> list[AgentSkill]:
        seen: set[str] = set()
        for skill in skills:
            if skill.id in seen:
                raise ValueError(f"skill id {skill.id!r} appears twice; skill ids must be unique in a card")
            seen.add(skill.id)
        return skills

    @property
    def agent_id(self) -> str:
        return agent_id_for(self.name)

    @property
    def nexus_meta(self) -> NexusMetadata:
        return self.metadata or NexusMetadata()

    def handoff_endpoint(self) -> tuple[str, str] | None:
        """(url, tool) to deliver handoffs to over MCP, or None for inbox delivery."""
        mcp = self.nexus_meta.mcp
        if mcp is None or not mcp.tool:
            return None
        url = mcp.url or self.url
        return (url, mcp.tool) if url.startswith(("http://", "https://")) else None

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True)

    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.to_json(), sort_keys=True).encode()).hexdigest()


def agent_id_for(name: str) -> str:
    """The registry id of an agent: its card name in lower-case words joined by dashes."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:64].strip("-")
    return slug or "agent-" + hashlib.sha256(name.encode()).hexdigest()[:12]


def json_path(loc: tuple[int | str, ...]) -> str:
    path = "$"
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def parse_card(raw: dict[str, Any] | str) -> AgentCard:
    """Validate an A2A agent card (a JSON object, or its JSON text).

    Raises BadInput naming the JSON path of the first bad field and what it should be."""
    if isinstance(raw, str):
        if len(raw) > MAX_CARD_BYTES:
            raise BadInput(f"The card is {len(raw)} characters; the limit is {MAX_CARD_BYTES}.",
                           "Send a smaller card (fewer or shorter skills).")
        try:
            raw = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise BadInput(f"The card is not valid JSON (line {exc.lineno}, column {exc.colno}).",
                           "Send the A2A agent card as a JSON object.") from None
    if not isinstance(raw, dict):
        raise BadInput("The card must be a JSON object.", "Send an A2A agent card: {name, description, url, ...}.")
    size = len(json.dumps(raw, default=str))
    if size > MAX_CARD_BYTES:
        raise BadInput(f"The card is {size} bytes as JSON; the limit is {MAX_CARD_BYTES}.",
                       "Send a smaller card (fewer or shorter skills).")
    try:
        return AgentCard.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors(include_input=False, include_url=False)[0]
        path = json_path(tuple(first["loc"]))
        problem = "is required" if first["type"] == "missing" else first["msg"].replace("Value error, ", "")
        raise BadInput(f"Invalid agent card: {path} {problem}.",
                       "Send an A2A 0.3.0 AgentCard: name, description, url, version, capabilities, "
                       "defaultInputModes, defaultOutputModes, skills[{id, name, description, tags}].") from None


def check_tier(tier: str) -> str:
    if tier not in TIERS:
        raise BadInput(f"Unknown tier {tier[:40]!r}.", f"Use one of: {', '.join(TIERS)}.")
    return tier
