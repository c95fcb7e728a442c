"""Toolsets: named groups of a server's tools, of which only some are listed, so a client pays in
its context window for the tools it uses (like kubernetes-mcp-server's --toolsets).

A server declares its groups and its default selection once (`declare`); the person running it
picks others with `HDR_<SERVER>_TOOLSETS` or `HDR_TOOLSETS` (comma-separated names, `default`,
`all`), or `hdr-<server> --toolsets ...`. `tools/list` shows the selected tools only; calling a tool
that is not selected is a tool error naming its toolset and how to enable it. In-process callers
(`kit.mcp.list_tools()`: agent cards, tests, benchmarks) always see every tool.
"""

from __future__ import annotations

import logging
import os
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import mcp_types as types
from mcp.server.context import HandlerResult, ServerRequestContext

from shared.result_text import text_for
from shared.sdk_compat import lowlevel_server
from shared.tools import ToolKit

log = logging.getLogger("hdr.toolsets")

ALL = "all"
DEFAULT = "default"
MEMORY = "memory"  # remember, recall: every server has them
UNSORTED = "unsorted"  # tools a server added without placing them: not listed by default (a test fails)


@dataclass(frozen=True)
class Toolsets:
    sets: dict[str, tuple[str, ...]]
    default: tuple[str, ...]

    def toolset_of(self, tool: str) -> str | None:
        return next((name for name, tools in self.sets.items() if tool in tools), None)


_declared: weakref.WeakKeyDictionary[ToolKit, Toolsets] = weakref.WeakKeyDictionary()
_chosen: weakref.WeakKeyDictionary[ToolKit, str] = weakref.WeakKeyDictionary()


def declare(kit: ToolKit, sets: Mapping[str, list[str]], default: list[str]) -> None:
    """Group every tool of `kit` (remember/recall are the `memory` set) and name the default sets."""
    groups = {name: tuple(t for t in tools if t in kit.tools) for name, tools in sets.items()}
    groups.setdefault(MEMORY, tuple(t for t in ("remember", "recall") if t in kit.tools))
    placed = [t for tools in groups.values() for t in tools]
    if len(placed) != len(set(placed)):
        raise ValueError(f"{kit.name} toolsets: a tool is in two sets")
    unknown = {t for tools in sets.values() for t in tools} - set(kit.tools)
    unplaced = [t for t in kit.tools if t not in placed]
    if unknown or unplaced:  # a tool added or renamed without updating the sets: still served, never lost
        log.warning(
            "%s toolsets: tools in no set %s (listed under %r), names of no tool %s",
            kit.name,
            unplaced,
            UNSORTED,
            sorted(unknown),
        )
    if unplaced:
        groups[UNSORTED] = tuple(unplaced)
    if set(default) - set(groups):
        raise ValueError(
            f"{kit.name} default toolsets name unknown sets {sorted(set(default) - set(groups))}"
        )
    _declared[kit] = Toolsets(groups, tuple(default))
    _install(kit)


def choose(kit: ToolKit, spec: str | None) -> None:
    """Select toolsets for this process (the --toolsets flag); None goes back to the environment."""
    if spec is None:
        _chosen.pop(kit, None)
    else:
        selected_sets(kit, spec)  # refuse unknown names now, at start-up
        _chosen[kit] = spec


def selected_sets(kit: ToolKit, spec: str | None = None, env: Mapping[str, str] | None = None) -> list[str]:
    """The toolset names selected for `kit` by `spec`, else --toolsets, else the environment, else its
    default. Raises ValueError naming the known sets for an unknown name."""
    declared = _declared.get(kit)
    if declared is None:
        return [ALL]
    env = os.environ if env is None else env
    spec = (
        spec
        or _chosen.get(kit)
        or env.get(f"HDR_{kit.name.upper()}_TOOLSETS")
        or env.get("HDR_TOOLSETS")
        or DEFAULT
    )
    names: list[str] = []
    for raw in spec.split(","):
        name = raw.strip().lower()
        if not name:
            continue
        if name == ALL:
            return list(declared.sets)
        if name == DEFAULT:
            names += declared.default
        elif name in declared.sets:
            names.append(name)
        else:
            raise ValueError(
                f"{kit.name} has no toolset {name[:40]!r}; its toolsets: "
                f"{', '.join(declared.sets)} (or `default`, `all`)"
            )
    return list(dict.fromkeys(names))


def enabled_tools(kit: ToolKit, env: Mapping[str, str] | None = None) -> set[str]:
    """The tools `tools/list` shows for `kit` now."""
    declared = _declared.get(kit)
    if declared is None:
        return set(kit.tools)
    return {t for name in selected_sets(kit, env=env) for t in declared.sets[name]}


_VALUES = ("default", "examples", "const", "enum")  # data inside a schema, not schema keywords


def _without_titles(schema: Any) -> Any:
    """A JSON schema without pydantic's generated `title`s ("Proposal Id" for proposal_id): they repeat
    the property names, validate nothing, and cost ~10% of a tool list's tokens."""
    if isinstance(schema, list):
        return [_without_titles(v) for v in schema]
    if not isinstance(schema, dict):
        return schema
    return {
        k: (v if k in _VALUES else _without_titles(v))
        for k, v in schema.items()
        if not (k == "title" and isinstance(v, str))
    }


def listed(tool: types.Tool) -> types.Tool:
    """A tool as `tools/list` sends it: input and output schemas without generated titles."""
    update: dict[str, Any] = {"input_schema": _without_titles(tool.input_schema)}
    if tool.output_schema is not None:
        update["output_schema"] = _without_titles(tool.output_schema)
    return tool.model_copy(update=update)


def _compact(kit: ToolKit, tool: str, result: Any) -> Any:
    """The text content of a structured result as shared/result_text.py words it: the exact compact
    JSON when it is small, a summary that does not repeat the structured content when it is large."""
    if (
        isinstance(result, types.CallToolResult)
        and result.structured_content is not None
        and len(result.content) == 1
        and isinstance(result.content[0], types.TextContent)
    ):
        text = text_for(kit, tool, result.structured_content)
        return result.model_copy(update={"content": [types.TextContent(type="text", text=text)]})
    return result


def _install(kit: ToolKit) -> None:
    low = lowlevel_server(kit.mcp)
    listing = low.get_request_handler("tools/list")
    calling = low.get_request_handler("tools/call")
    if listing is None or calling is None:
        raise RuntimeError("the SDK registered no tools/list or tools/call handler to filter")

    async def list_tools(
        ctx: ServerRequestContext[Any, Any], params: types.PaginatedRequestParams
    ) -> HandlerResult:
        result = await listing.handler(ctx, params)
        if not isinstance(result, types.ListToolsResult):
            return result
        keep = enabled_tools(kit)
        return result.model_copy(update={"tools": [listed(t) for t in result.tools if t.name in keep]})

    async def call_tool(
        ctx: ServerRequestContext[Any, Any], params: types.CallToolRequestParams
    ) -> HandlerResult:
        if params.name in kit.tools and params.name not in enabled_tools(kit):
            toolset = _declared[kit].toolset_of(params.name)
            selected = ",".join(selected_sets(kit))
            return types.CallToolResult(
                is_error=True,
                content=[
                    types.TextContent(
                        type="text",
                        text=(
                            f"`{params.name}` is in {kit.name}'s `{toolset}` toolset, which this server does not list. "
                            f"Enable it with HDR_{kit.name.upper()}_TOOLSETS={selected},{toolset} (or `all`), or "
                            f"hdr-{kit.name} --toolsets {selected},{toolset}."
                        ),
                    )
                ],
            )
        return _compact(kit, params.name, await calling.handler(ctx, params))

    low.add_request_handler("tools/list", types.PaginatedRequestParams, list_tools)
    low.add_request_handler("tools/call", types.CallToolRequestParams, call_tool)
