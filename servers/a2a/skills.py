"""What an A2A caller can run: the suite's MCP tools as skills (`<server>.<tool>`), how a message asks
for one, and which scope it takes.

A message runs a skill when one of its parts is a data part holding
`{"skill": "<server>.<tool>", "arguments": {...}, "confirm": true?}`. `requested_call` reads that from
the message as JSON (ProtoJSON) so the HTTP guard, which sees the raw request, and the executor, which
sees the parsed one, agree on what is asked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shared.errors import BadInput
from shared.tools import ToolKit

MAX_SKILL_ID = 200


@dataclass(frozen=True)
class Skill:
    id: str
    server: str
    tool: str
    title: str
    description: str
    read_only: bool
    destructive: bool
    input_schema: dict[str, Any] = field(hash=False, compare=False)

    @property
    def scope(self) -> str:
        """The scope MCP asks for the same tool."""
        return f"{self.server}:{'read' if self.read_only else 'write'}"

    def argument_summary(self) -> tuple[list[str], list[str]]:
        """(required, optional) argument names with their types, e.g. 'namespace (string)'."""
        props = self.input_schema.get("properties") or {}
        required = set(self.input_schema.get("required") or [])
        described = {name: f"{name} ({_type_of(spec)})" for name, spec in props.items()}
        return (
            [described[n] for n in props if n in required],
            [described[n] for n in props if n not in required],
        )


def _type_of(spec: dict[str, Any]) -> str:
    if "type" in spec:
        return str(spec["type"])
    options = [str(s.get("type")) for s in spec.get("anyOf", []) if s.get("type") and s.get("type") != "null"]
    return "|".join(options) or "value"


@dataclass(frozen=True)
class SkillCall:
    skill_id: str
    arguments: dict[str, Any]
    confirm: bool


class SkillCatalog:
    """The skills of some of the suite's servers, read once from their live tool lists."""

    def __init__(self, kits: dict[str, ToolKit]) -> None:
        self.kits = kits
        self._skills: dict[str, Skill] | None = None

    async def skills(self) -> dict[str, Skill]:
        if self._skills is None:
            found: dict[str, Skill] = {}
            for server, kit in self.kits.items():
                for tool in await kit.mcp.list_tools():
                    if (tool.meta or {}).get("hdr/shared"):
                        continue  # remember/recall are the suite's, not a server's skill (as on the cards)
                    ann = tool.annotations
                    found[f"{server}.{tool.name}"] = Skill(
                        id=f"{server}.{tool.name}",
                        server=server,
                        tool=tool.name,
                        title=tool.title or tool.name,
                        description=(tool.description or "").split("\n\n")[0].strip(),
                        read_only=bool(ann and ann.read_only_hint),
                        destructive=bool(ann and ann.destructive_hint),
                        input_schema=dict(tool.input_schema or {}),
                    )
            self._skills = found
        return self._skills

    async def get(self, skill_id: str) -> Skill:
        skills = await self.skills()
        skill = skills.get(skill_id)
        if skill is None:
            shown = skill_id if len(skill_id) <= 80 else skill_id[:80] + "..."
            raise BadInput(
                f"Unknown skill {shown!r}.",
                f"Send one of this agent's skill ids (its card lists them), e.g. {', '.join(sorted(skills)[:4])}.",
            )
        return skill


def requested_call(message: Any) -> SkillCall | None:
    """The skill call a message (ProtoJSON dict) asks for, None when it has no data part naming a skill.
    Raises BadInput for a data part that names a skill but is malformed, or for two such parts."""
    if not isinstance(message, dict):
        return None
    calls = []
    for part in message.get("parts") or []:
        data = part.get("data") if isinstance(part, dict) else None
        if isinstance(data, dict) and "skill" in data:
            calls.append(_call_from(data))
    if len(calls) > 1:
        raise BadInput(
            "The message names more than one skill.", "Send one data part with one skill per message."
        )
    return calls[0] if calls else None


def _call_from(data: dict[str, Any]) -> SkillCall:
    skill = data.get("skill")
    if not isinstance(skill, str) or not skill or len(skill) > MAX_SKILL_ID:
        raise BadInput(
            '`skill` must be a skill id such as "forge.analyze".',
            'Send {"skill": "<server>.<tool>", "arguments": {...}}.',
        )
    arguments = data.get("arguments", {})
    if arguments is None:
        arguments = {}
    if not isinstance(arguments, dict):
        raise BadInput(
            "`arguments` must be a JSON object of the tool's arguments.",
            'Send {"skill": ..., "arguments": {"name": value, ...}}.',
        )
    unknown = sorted(set(data) - {"skill", "arguments", "confirm"})
    if unknown:
        raise BadInput(
            f"Unknown keys in the skill call: {', '.join(k[:40] for k in unknown[:5])}.",
            "A skill call holds only skill, arguments and confirm.",
        )
    confirm = data.get("confirm", False)
    if not isinstance(confirm, bool):
        raise BadInput(
            "`confirm` must be true or false.", 'Send "confirm": true only after the person agreed.'
        )
    return SkillCall(skill, _whole_numbers(arguments), confirm)


def _whole_numbers(value: Any) -> Any:
    """JSON numbers come through protobuf's Value as floats (4 -> 4.0); give whole ones back as ints so a
    tool's integer parameters accept them."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, dict):
        return {k: _whole_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_whole_numbers(v) for v in value]
    return value
