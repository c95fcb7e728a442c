"""A2A 1.0 agent cards for the suite and each server, generated from the live tool lists, and their
signatures.

A card lists only interfaces that answer: the A2A endpoint the gateway mounts (servers/a2a), JSON-RPC
at `<base>/a2a` for the suite and `<base>/<server>/a2a` for one server, in protocol 1.0 and, on the same
URL, 0.3 (a2a-sdk's compatibility adapter), and HTTP+JSON (1.0) under `.../a2a/rest`. Security schemes follow the gateway's configuration: a
static-token bearer scheme when it has tokens, a JWT bearer scheme naming the issuer when it has OAuth,
none when it runs open on loopback; each skill names the scope MCP asks for the same tool
(`<server>:read` for read-only tools, `<server>:write` otherwise).

Cards are validated against the A2A 1.0 protocol definition as a2a-sdk ships it (ProtoJSON parse with
unknown fields refused, then every field a2a.proto marks REQUIRED), and signed per the specification's
AgentCardSignature (JWS over the RFC 8785 canonical card, EdDSA with the suite's Ed25519 key, the key
compliance signs attestations with) by a2a-sdk's own signer. The public keys are served as a JWKS.

Where a 0.3 client asks for it, `legacy_card` is the same card in the 0.3 shape (a2a-sdk's conversion).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import anyio

from servers.registry import SERVER_NAMES, load

if TYPE_CHECKING:
    from servers.gateway.settings import GatewaySettings
    from shared.suite import Suite
    from shared.tools import ToolKit

CARDS_DIR = Path(__file__).resolve().parent.parent / "agent-cards"
DEFAULT_BASE_URL = "http://127.0.0.1:8000"
VERSION = "0.1.0"
SUITE = "suite"  # the card of the suite as a whole, served at /.well-known/agent-card.json
CARD_NAMES = (SUITE, *SERVER_NAMES)
A2A_PATH = "/a2a"
REST_SUFFIX = "/rest"  # the HTTP+JSON binding lives under the JSON-RPC URL: <base>[/<server>]/a2a/rest
JWKS_PATH = "/.well-known/jwks.json"
NEXUS_EXTENSION = "urn:hdr-empire:a2a:nexus:1"  # what nexus reads from a card (its MCP endpoint...)
SKILL_CALL_EXTENSION = "urn:hdr-empire:a2a:skill-call:1"
SUITE_DESCRIPTION = (
    "HDR Empire: right-size and repair Kubernetes workloads (forge), privacy and encryption "
    "(phantom), the agent marketplace (nexus), quantum circuits, serial devices and satellite "
    "handoff (hardware), and compliance checks with signed attestations (compliance)."
)


@dataclass(frozen=True)
class CardAuth:
    """How callers authenticate at the gateway, as far as a card tells them."""

    static_tokens: bool = False
    oauth_issuer: str | None = None

    @property
    def schemes(self) -> list[str]:
        return (["hdrToken"] if self.static_tokens else []) + (["oauth"] if self.oauth_issuer else [])


def card_auth(settings: GatewaySettings | None) -> CardAuth:
    if settings is None:
        return CardAuth()
    return CardAuth(
        static_tokens=bool(settings.tokens),
        oauth_issuer=settings.oauth.issuer if settings.oauth is not None else None,
    )


def a2a_url(base_url: str, name: str) -> str:
    """The A2A JSON-RPC endpoint of the suite (name 'suite') or of one server."""
    base = base_url.rstrip("/")
    return f"{base}{A2A_PATH}" if name == SUITE else f"{base}/{name}{A2A_PATH}"


def _first_paragraph(text: str) -> str:
    return (text or "").strip().split("\n\n")[0].replace("\n", " ").strip()


def _requirements(auth: CardAuth, scopes: list[str]) -> list[dict[str, Any]]:
    """Any one of the configured schemes, with these scopes (ProtoJSON SecurityRequirement)."""
    return [{"schemes": {scheme: {"list": scopes}}} for scheme in auth.schemes]


def _security_schemes(auth: CardAuth) -> dict[str, Any]:
    schemes: dict[str, Any] = {}
    if auth.static_tokens:
        schemes["hdrToken"] = {
            "httpAuthSecurityScheme": {
                "scheme": "Bearer",
                "description": "A static API token the operator issued (`python -m servers.gateway.auth new-token`). "
                "Scopes as for MCP: <server>:read runs read-only skills, <server>:write all of them.",
            }
        }
    if auth.oauth_issuer:
        schemes["oauth"] = {
            "httpAuthSecurityScheme": {
                "scheme": "Bearer",
                "bearerFormat": "JWT",
                "description": f"An OAuth 2.1 access token (JWT) issued by {auth.oauth_issuer} for this server's MCP "
                "resource (see its /.well-known/oauth-protected-resource metadata). Scopes as for MCP: "
                "<server>:read runs read-only skills, <server>:write all of them.",
            }
        }
    return schemes


async def _skills(name: str, kit: ToolKit, auth: CardAuth) -> tuple[list[dict[str, Any]], list[str]]:
    skills, shared_tools = [], []
    for tool in await kit.mcp.list_tools():
        if (tool.meta or {}).get("hdr/shared"):
            shared_tools.append(tool.name)  # remember/recall: the suite's, not this agent's own skill
            continue
        ann = tool.annotations
        read_only = ann is not None and bool(ann.read_only_hint)
        tags = [
            name,
            "read-only"
            if read_only
            else "destructive"
            if ann is not None and ann.destructive_hint
            else "writes",
        ]
        examples = (tool.meta or {}).get("examples") or [f"{tool.title or tool.name}"]
        skill: dict[str, Any] = {
            "id": f"{name}.{tool.name}",
            "name": tool.title or tool.name,
            "description": _first_paragraph(tool.description or ""),
            "tags": tags,
            "examples": list(examples),
            "inputModes": ["application/json"],
            "outputModes": ["application/json", "text/plain"],
        }
        if auth.schemes:
            skill["securityRequirements"] = _requirements(
                auth, [f"{name}:{'read' if read_only else 'write'}"]
            )
        skills.append(skill)
    return skills, shared_tools


def _envelope(
    name: str,
    description: str,
    base_url: str,
    auth: CardAuth,
    skills: list[dict[str, Any]],
    nexus_params: dict[str, Any],
) -> dict[str, Any]:
    base = base_url.rstrip("/")
    url = a2a_url(base, name)
    card: dict[str, Any] = {
        "name": "hdr-empire" if name == SUITE else f"hdr-{name}",
        "description": description,
        "supportedInterfaces": [
            {"url": url, "protocolBinding": "JSONRPC", "protocolVersion": "1.0"},
            {"url": url + REST_SUFFIX, "protocolBinding": "HTTP+JSON", "protocolVersion": "1.0"},
            {"url": url, "protocolBinding": "JSONRPC", "protocolVersion": "0.3"},
        ],
        "provider": {"organization": "HDR Empire", "url": base},
        "version": VERSION,
        "capabilities": {
            "streaming": True,
            "pushNotifications": False,
            "extensions": [
                {
                    "uri": SKILL_CALL_EXTENSION,
                    "required": False,
                    "description": 'Run a skill: send a message with a data part {"skill": "<skill id>", '
                    '"arguments": {...}}; the arguments are the MCP tool\'s (its input schema is in '
                    'tools/list at the MCP endpoint). Destructive skills run only with "confirm": '
                    "true, sent once the person agreed. A text-only message is answered with the "
                    "skill that fits and the arguments it needs (task state input-required).",
                },
                {
                    "uri": NEXUS_EXTENSION,
                    "required": False,
                    "description": "Facts the suite's nexus registry reads: the MCP endpoint.",
                    "params": nexus_params,
                },
            ],
        },
        "defaultInputModes": ["application/json", "text/plain"],
        "defaultOutputModes": ["application/json", "text/plain"],
        "skills": skills,
    }
    if auth.schemes:
        card["securitySchemes"] = _security_schemes(auth)
        # any request needs read access to one of the agent's servers (what the gateway's A2A guard asks)
        servers = sorted({s["id"].split(".")[0] for s in skills}) if name == SUITE else [name]
        card["securityRequirements"] = [
            r for server in servers for r in _requirements(auth, [f"{server}:read"])
        ]
    return card


async def build_card(
    name: str,
    base_url: str = DEFAULT_BASE_URL,
    *,
    auth: CardAuth | None = None,
    kits: dict[str, ToolKit] | None = None,
) -> dict[str, Any]:
    """The unsigned A2A 1.0 card of one server, or of the suite for name 'suite', in ProtoJSON as a2a-sdk
    renders it (so the signed card is this plus `signatures`).
    Raises ValueError if the card does not validate against A2A 1.0 (a bug here, never the caller's)."""
    auth = auth or CardAuth()
    base = base_url.rstrip("/")
    if name == SUITE:
        kits = kits or {n: load(n) for n in SERVER_NAMES}
        skills: list[dict[str, Any]] = []
        endpoints = {}
        for server, kit in kits.items():
            skills += (await _skills(server, kit, auth))[0]
            endpoints[server] = f"{base}/{server}/mcp"
        card = _envelope(
            SUITE,
            SUITE_DESCRIPTION,
            base,
            auth,
            skills,
            {"mcp": {"transport": "streamable-http", "servers": endpoints}},
        )
    else:
        kit = (kits or {}).get(name) or load(name)
        skills, shared_tools = await _skills(name, kit, auth)
        card = _envelope(
            name,
            kit.mcp.description or name,
            base,
            auth,
            skills,
            {
                "mcp": {
                    "transport": "streamable-http",
                    "url": f"{base}/{name}/mcp",
                    "endpoint": f"/{name}/mcp",
                    "server": name,
                },
                "sharedTools": shared_tools,
                **kit.card_metadata,
            },
        )
    from google.protobuf.json_format import MessageToDict

    rendered = MessageToDict(validate(card))  # ProtoJSON as a2a-sdk writes it: what its signer signs
    for extension in rendered["capabilities"].get("extensions", []):
        if "params" in extension:  # a protobuf Struct: its key order is arbitrary; files should not churn
            extension["params"] = json.loads(json.dumps(extension["params"], sort_keys=True))
    _no_empty_values(rendered, "$")
    return rendered


def _no_empty_values(value: Any, path: str) -> None:
    """Verifiers differ on empty strings, lists and objects (a2a-sdk drops them before canonicalizing, a
    plain RFC 8785 verifier keeps them), so a card that has none verifies the same everywhere."""
    if value in ("", [], {}):
        raise ValueError(f"the card has an empty value at {path}; leave the field out instead")
    if isinstance(value, dict):
        for key, item in value.items():
            _no_empty_values(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _no_empty_values(item, f"{path}[{i}]")


def validate(card: dict[str, Any]) -> Any:
    """The card as a2a-sdk's `AgentCard` (the A2A 1.0 proto type). Raises ValueError naming the first
    problem: an unknown field, a wrong type, or a field a2a.proto marks REQUIRED left empty."""
    from a2a.types import AgentCard
    from a2a.utils.errors import InvalidParamsError
    from a2a.utils.proto_utils import validate_proto_required_fields
    from google.protobuf.json_format import ParseDict, ParseError

    try:
        parsed = ParseDict(card, AgentCard(), ignore_unknown_fields=False)
        validate_proto_required_fields(parsed)
    except ParseError as exc:
        raise ValueError(f"not an A2A 1.0 AgentCard: {exc}") from None
    except InvalidParamsError as exc:
        raise ValueError(f"not an A2A 1.0 AgentCard: {exc.data}") from None
    return parsed


def legacy_card(card: dict[str, Any]) -> dict[str, Any]:
    """The same card in the A2A 0.3 shape (url, preferredTransport, protocolVersion...), by a2a-sdk's
    conversion; its url is the same endpoint, which answers 0.3 requests too."""
    from a2a.compat.v0_3.conversions import to_compat_agent_card

    return to_compat_agent_card(validate(card)).model_dump(by_alias=True, exclude_none=True, mode="json")


# -- signing --------------------------------------------------------------------------------------


def sign(card: dict[str, Any], suite: Suite, jku: str | None = None) -> dict[str, Any]:
    """The card with one AgentCardSignature by the suite's active Ed25519 key (JWS, alg EdDSA, kid = the
    key id compliance publishes, `jku` pointing at the JWKS when given). The private key stays in this
    process: it is unsealed from the store, used and dropped."""
    from a2a.utils.signing import create_agent_card_signer
    from google.protobuf.json_format import MessageToDict

    from servers.compliance.keys import ED25519, Keyring

    keyid, private = Keyring(suite).private_key(ED25519)
    header: dict[str, Any] = {"alg": "EdDSA", "typ": "JOSE", "kid": keyid}
    if jku:
        header["jku"] = jku
    unsigned = validate({k: v for k, v in card.items() if k != "signatures"})
    signed = create_agent_card_signer(private, header)(unsigned)  # type: ignore[arg-type]
    return MessageToDict(signed)


def jwks(suite: Suite) -> dict[str, Any]:
    """The suite's active Ed25519 public key(s) as a JWK Set (RFC 7517/8037), for card signatures."""
    import base64

    from servers.compliance.keys import ED25519, Keyring

    keys = []
    for key in Keyring(suite).public_keys(include_retired=False):
        if key.algorithm != ED25519:
            continue
        x = base64.urlsafe_b64encode(bytes.fromhex(key.public)).rstrip(b"=").decode()
        keys.append({"kty": "OKP", "crv": "Ed25519", "x": x, "kid": key.keyid, "alg": "EdDSA", "use": "sig"})
    return {"keys": keys}


# -- files ----------------------------------------------------------------------------------------


def card_path(out_dir: Path, name: str) -> Path:
    """Where a card's file goes: <server>.json, and the suite's in suite/agent-card.json. nexus registers
    every agent-cards/*.json as one of the suite's agents; the suite card repeats all their skills, so it
    stays out of that list."""
    return out_dir / "suite" / "agent-card.json" if name == SUITE else out_dir / f"{name}.json"


def render(card: dict[str, Any]) -> str:
    return json.dumps(card, indent=2, ensure_ascii=False) + "\n"


def generate(
    out_dir: Path = CARDS_DIR,
    base_url: str = DEFAULT_BASE_URL,
    *,
    auth: CardAuth | None = None,
    suite: Suite | None = None,
) -> list[Path]:
    """Write every card (`card_path`); signed with the suite's key when `suite` is given."""
    written = []
    for name in CARD_NAMES:
        card = anyio.run(_build, name, base_url, auth)
        if suite is not None:
            card = sign(card, suite, jku=base_url.rstrip("/") + JWKS_PATH)
        path = card_path(out_dir, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(card))
        written.append(path)
    return written


async def _build(name: str, base_url: str, auth: CardAuth | None) -> dict[str, Any]:
    return await build_card(name, base_url, auth=auth)


def drifted(out_dir: Path = CARDS_DIR, base_url: str = DEFAULT_BASE_URL) -> list[str]:
    """Names of cards whose committed file differs from what the live servers produce (signatures aside:
    they depend on the key of whoever wrote the file)."""
    stale = []
    for name in CARD_NAMES:
        path = card_path(out_dir, name)
        live = anyio.run(_build, name, base_url, None)
        try:
            committed = json.loads(path.read_text())
        except (OSError, ValueError):
            stale.append(name)
            continue
        committed.pop("signatures", None)
        if committed != live:
            stale.append(name)
    return stale
