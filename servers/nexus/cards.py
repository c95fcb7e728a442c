"""A2A agent cards, protocol 0.3 and 1.0: validation against the specification's own definitions,
signatures, and the normalised view (`AgentCard`) the rest of nexus reads.

Validation is the specification's, not ours:
- A2A 0.3 cards are checked against the official JSON Schema of 0.3.0 (specification/json/a2a.json
  at tag v0.3.0, vendored in schemas/), with the `jsonschema` library.
- A2A 1.0 cards are checked against the official protocol definition: a2a.proto is normative in 1.0
  (its JSON Schema is a non-normative build artifact that carries no `required`), and a2a-sdk ships the
  types generated from it. A card is parsed strictly (ProtoJSON: unknown fields and wrong types refused)
  into `a2a.types.AgentCard`, then every field the proto marks REQUIRED is checked with a2a-sdk's
  `validate_proto_required_fields`.
The only limit nexus adds is the card's total size (MAX_CARD_BYTES) and nesting depth.

What nexus reads from a card besides the A2A fields (all optional): its extension
`urn:hdr-empire:a2a:nexus:1` in `capabilities.extensions[].params` (either version), or, for 0.3 cards,
the card's `metadata` object, with
  public_key    the agent's sealing public key (`shared.sealing.public_key_to_text`), for seal=true handoffs
  price_usd     estimated price of one task, used by `compose`
  latency_ms    typical time to finish one task, used by `compose`
  mcp           {"url": "http://host:port/mcp", "tool": "receive_handoff"}: deliver handoffs by calling that
                MCP tool (url defaults to a 0.3 card's url)
  delivery      "a2a", "mcp" or "inbox" to choose how handoffs reach the agent. By default an `mcp.tool`
                means MCP; else a 1.0 card (not core) with an interface nexus speaks (JSONRPC, HTTP+JSON)
                means A2A; else the inbox. A 0.3 card gets A2A delivery only when it asks for it
                (delivery "a2a"): 0.3 cards often advertise an `url` that is no A2A endpoint.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from shared.errors import BadInput

MAX_CARD_BYTES = 256_000
MAX_DEPTH = 32
TIERS = ("core", "verified", "sandbox", "external")
NEXUS_EXTENSION = "urn:hdr-empire:a2a:nexus:1"
A2A_BINDINGS = ("JSONRPC", "HTTP+JSON")  # the bindings nexus delivers over (a2a-sdk's HTTP clients)
SCHEMA_03 = Path(__file__).with_name("schemas") / "a2a-0.3.0.json"
# An agent id the owner chooses: lower-case letters, digits, '.', '_' and '-'.
AGENT_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


class McpEndpoint(BaseModel):
    """Where the agent is reachable over MCP; other keys (transport, endpoint...) are kept."""

    model_config = ConfigDict(extra="allow")
    url: str | None = Field(None, max_length=2000, pattern=r"^https?://[^\s]+$")
    tool: str | None = Field(None, min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.-]+$")


class NexusMetadata(BaseModel):
    """The facts nexus reads from a card's nexus extension (or a 0.3 card's metadata)."""

    model_config = ConfigDict(extra="allow")
    public_key: str | None = Field(None, max_length=20_000)
    price_usd: float | None = Field(None, ge=0, le=1e9)
    latency_ms: float | None = Field(None, ge=0, le=1e10)
    mcp: McpEndpoint | None = None
    delivery: Literal["a2a", "mcp", "inbox"] | None = None


class Skill(BaseModel):
    id: str
    name: str
    description: str
    tags: list[str] = []
    examples: list[str] = []
    input_modes: list[str] = []


class Interface(BaseModel):
    url: str
    binding: str
    version: str


class AgentCard(BaseModel):
    """One card as nexus reads it, whichever A2A version it came in; `raw` is the card as registered."""

    name: str
    description: str
    version: str
    protocol: Literal["0.3", "1.0"]
    skills: list[Skill]
    default_input_modes: list[str]
    interfaces: list[Interface]
    meta: NexusMetadata
    raw: dict[str, Any]

    @property
    def nexus_meta(self) -> NexusMetadata:
        return self.meta

    @property
    def default_agent_id(self) -> str:
        return default_agent_id(self.name)

    def mcp_endpoint(self) -> tuple[str, str] | None:
        """(url, tool) to deliver handoffs to over MCP, when the card names a tool."""
        mcp = self.meta.mcp
        if mcp is None or not mcp.tool:
            return None
        url = mcp.url or (self.interfaces[0].url if self.protocol == "0.3" and self.interfaces else None)
        return (url, mcp.tool) if url and url.startswith(("http://", "https://")) else None

    def a2a_interface(self) -> Interface | None:
        """The first interface nexus can send A2A messages to (card order is the agent's preference)."""
        for interface in self.interfaces:
            if interface.binding in A2A_BINDINGS and interface.url.startswith(("http://", "https://")):
                return interface
        return None

    def delivery(self, tier: str) -> str:
        """How handoffs reach this agent: 'mcp', 'a2a' or 'inbox' (see the module's docstring)."""
        chosen = self.meta.delivery
        if chosen == "mcp" or (chosen is None and self.mcp_endpoint()):
            return "mcp" if self.mcp_endpoint() else "inbox"
        if chosen == "a2a" or (chosen is None and tier != "core" and self.protocol == "1.0"):
            return "a2a" if self.a2a_interface() else "inbox"
        return "inbox"

    def to_json(self) -> dict[str, Any]:
        return self.raw

    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.raw, sort_keys=True).encode()).hexdigest()


def default_agent_id(name: str) -> str:
    """The id an agent gets when its owner names none: the card's name in lower case, each run of other
    characters than letters, digits, '.', '_' and '-' made one '-'. Two different names can meet here
    ('Billing Agent', 'billing agent'); registration then refuses to let one replace the other."""
    slug = re.sub(r"[^a-z0-9._-]+", "-", name.lower()).strip("-._")[:64].strip("-._")
    return slug or "agent-" + hashlib.sha256(name.encode()).hexdigest()[:12]


def check_agent_id(agent_id: str) -> str:
    if not isinstance(agent_id, str) or not AGENT_ID.match(agent_id):
        raise BadInput(
            f"`agent_id` {str(agent_id)[:80]!r} is not a valid id.",
            "Use 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.",
        )
    return agent_id


def check_tier(tier: str) -> str:
    if tier not in TIERS:
        raise BadInput(f"Unknown tier {str(tier)[:40]!r}.", f"Use one of: {', '.join(TIERS)}.")
    return tier


# -- parsing and validation ------------------------------------------------------------------------


def _depth(value: Any) -> int:
    """Nesting depth of a JSON value, without recursion (a deep card cannot exhaust the stack)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if depth > MAX_DEPTH:
                return depth
            stack.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict) else item))
    return deepest


def _load(raw: dict[str, Any] | str | None) -> dict[str, Any]:
    too_big = BadInput(
        f"The card is larger than {MAX_CARD_BYTES} bytes as JSON.",
        "Send a smaller card (fewer or shorter skills).",
    )
    if isinstance(raw, str):
        if len(raw.encode("utf-8", "replace")) > MAX_CARD_BYTES:
            raise too_big
        try:
            raw = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise BadInput(
                f"The card is not valid JSON (line {exc.lineno}, column {exc.colno}).",
                "Send the A2A agent card as a JSON object.",
            ) from None
        except RecursionError:
            raw = None
    if not isinstance(raw, dict):
        raise BadInput("The card must be a JSON object.", "Send an A2A agent card: {name, description, ...}.")
    if _depth(raw) > MAX_DEPTH:
        raise BadInput(f"The card nests deeper than {MAX_DEPTH} levels.", "Send a flatter card.")
    try:
        size = len(json.dumps(raw, ensure_ascii=False, allow_nan=False).encode("utf-8", "replace"))
    except (TypeError, ValueError):
        raise BadInput("The card holds values JSON cannot carry.", "Send plain JSON.") from None
    if size > MAX_CARD_BYTES:
        raise too_big
    return raw


def protocol_of(raw: dict[str, Any]) -> Literal["0.3", "1.0"]:
    """1.0 cards list `supportedInterfaces`; 0.3 cards have `url` and `protocolVersion`."""
    if "supportedInterfaces" in raw or "supported_interfaces" in raw:
        return "1.0"
    if "url" in raw or str(raw.get("protocolVersion", "")).startswith("0."):
        return "0.3"
    return "1.0"


def json_path(parts: Any) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


@lru_cache(maxsize=1)
def _validator_03() -> Any:
    import jsonschema

    schema = json.loads(SCHEMA_03.read_text())
    root = {
        "$schema": schema["$schema"],
        "$ref": "#/definitions/AgentCard",
        "definitions": schema["definitions"],
    }
    return jsonschema.Draft7Validator(root)


def _validate_03(raw: dict[str, Any]) -> None:
    from jsonschema.exceptions import best_match

    error = best_match(_validator_03().iter_errors(raw))
    if error is not None:
        message = error.message if len(error.message) <= 300 else error.message[:300] + "..."
        raise BadInput(
            f"Invalid agent card (A2A 0.3.0 schema): {json_path(error.absolute_path)}: {message}.",
            "Send a card the A2A 0.3.0 JSON Schema accepts: name, description, url, version, "
            "protocolVersion, capabilities, defaultInputModes, defaultOutputModes, "
            "skills[{id, name, description, tags}].",
        )


def parse_v1(raw: dict[str, Any]) -> Any:
    """The card as a2a-sdk's `AgentCard` (the types generated from a2a.proto), strictly parsed and with
    every REQUIRED field present; BadInput otherwise."""
    from a2a.types import AgentCard as ProtoCard
    from a2a.utils.errors import InvalidParamsError
    from a2a.utils.proto_utils import validate_proto_required_fields
    from google.protobuf.json_format import ParseDict, ParseError

    hint = (
        "Send an A2A 1.0 AgentCard: name, description, supportedInterfaces[{url, protocolBinding, "
        "protocolVersion}], version, capabilities, defaultInputModes, defaultOutputModes, "
        "skills[{id, name, description, tags}] (field names as in a2a.proto, camelCase)."
    )
    try:
        card = ParseDict(raw, ProtoCard(), ignore_unknown_fields=False, max_recursion_depth=MAX_DEPTH + 8)
    except (ParseError, TypeError, ValueError, RecursionError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BadInput(f"Invalid agent card (A2A 1.0, a2a.proto): {first[:300]}", hint) from None
    try:
        validate_proto_required_fields(card)
    except InvalidParamsError as exc:
        errors = (exc.data or {}).get("errors") or [{"field": "?", "message": "required field missing"}]
        first = errors[0]
        raise BadInput(
            f"Invalid agent card (A2A 1.0, a2a.proto): $.{first['field']}: {first['message']}", hint
        ) from None
    return card


def _meta(source: Any, where: str) -> NexusMetadata:
    if source is None:
        return NexusMetadata()
    if not isinstance(source, dict):
        raise BadInput(f"Invalid agent card: {where} must be an object.", "See nexus's card conventions.")
    try:
        return NexusMetadata.model_validate(source)
    except ValidationError as exc:
        first = exc.errors(include_input=False, include_url=False)[0]
        raise BadInput(
            f"Invalid agent card: {where}{json_path(first['loc'])[1:]} "
            f"{first['msg'].replace('Value error, ', '')}.",
            "See the nexus extension's fields: public_key, price_usd, latency_ms, mcp {url, tool}, delivery.",
        ) from None


def _extension_params(extensions: list[dict[str, Any]] | None) -> tuple[Any, str] | None:
    for i, ext in enumerate(extensions or []):
        if isinstance(ext, dict) and ext.get("uri") == NEXUS_EXTENSION:
            return ext.get("params") or {}, f"$.capabilities.extensions[{i}].params"
    return None


def _from_03(raw: dict[str, Any]) -> AgentCard:
    interfaces = [
        Interface(
            url=raw["url"],
            binding=str(raw.get("preferredTransport") or "JSONRPC"),
            version=str(raw["protocolVersion"]),
        )
    ]
    for extra in raw.get("additionalInterfaces") or []:
        interface = Interface(
            url=extra["url"], binding=str(extra["transport"]), version=str(raw["protocolVersion"])
        )
        if interface not in interfaces:
            interfaces.append(interface)
    ext = _extension_params((raw.get("capabilities") or {}).get("extensions"))
    meta = _meta(*ext) if ext else _meta(raw.get("metadata"), "$.metadata")
    defaults = list(raw["defaultInputModes"])
    skills = [
        Skill(
            id=s["id"],
            name=s["name"],
            description=s["description"],
            tags=list(s["tags"]),
            examples=list(s.get("examples") or []),
            input_modes=list(s.get("inputModes") or defaults),
        )
        for s in raw["skills"]
    ]
    return AgentCard(
        name=raw["name"],
        description=raw["description"],
        version=raw["version"],
        protocol="0.3",
        skills=skills,
        default_input_modes=defaults,
        interfaces=interfaces,
        meta=meta,
        raw=raw,
    )


def _from_10(raw: dict[str, Any], card: Any) -> AgentCard:
    from google.protobuf.json_format import MessageToDict

    extensions = [MessageToDict(e) for e in card.capabilities.extensions]
    ext = _extension_params(extensions)
    meta = _meta(*ext) if ext else NexusMetadata()
    defaults = list(card.default_input_modes)
    skills = [
        Skill(
            id=s.id,
            name=s.name,
            description=s.description,
            tags=list(s.tags),
            examples=list(s.examples),
            input_modes=list(s.input_modes) or defaults,
        )
        for s in card.skills
    ]
    interfaces = [
        Interface(url=i.url, binding=i.protocol_binding, version=i.protocol_version)
        for i in card.supported_interfaces
    ]
    return AgentCard(
        name=card.name,
        description=card.description,
        version=card.version,
        protocol="1.0",
        skills=skills,
        default_input_modes=defaults,
        interfaces=interfaces,
        meta=meta,
        raw=raw,
    )


def parse_card(raw: dict[str, Any] | str) -> AgentCard:
    """Validate an A2A agent card (a JSON object or its text; A2A 0.3 or 1.0, told apart by its fields) against
    the specification, and read it. Raises BadInput naming the first bad field and what to send instead."""
    data = _load(raw)
    if protocol_of(data) == "0.3":
        _validate_03(data)
        return _from_03(data)
    return _from_10(data, parse_v1(data))


def stored_card(raw: dict[str, Any]) -> AgentCard:
    """A card the registry validated when it was registered, read back without validating again."""
    if protocol_of(raw) == "0.3":
        return _from_03(raw)
    from a2a.types import AgentCard as ProtoCard
    from google.protobuf.json_format import ParseDict

    return _from_10(raw, ParseDict(raw, ProtoCard(), ignore_unknown_fields=True))
