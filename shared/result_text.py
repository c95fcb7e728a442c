"""The text content of a tool result: a short, readable summary beside the structured content,
not a second copy of it.

MCP (2025-06-18, 2025-11-25) says a tool returning structured content SHOULD also return the
serialized JSON in a text block, for clients that predate `structuredContent`; the draft's own
examples already put a summary there ("Found 2 users: ..."). Clients use one or the other, never
both: Claude Code, VS Code, Codex and OpenCode give the model `structuredContent`; Claude Desktop,
claude.ai, the anthropic SDK's MCP helper and kimi-code give it the text. So the full JSON twice is
paid for twice on the wire and gives no reader anything more.

What the text says:
- a result whose compact JSON is small (<= `EXACT_UP_TO` characters) is that JSON, exactly: it
  costs no more than a summary and a text-only reader can act on every field;
- a larger one is a summary: its scalar fields, the first `TOP` items of each list (tools list the
  most important first), counts of what was left out, and how to get it (the tool's `next_cursor`,
  or the structured content);
- tools whose output is data to be copied (a ciphertext, a redacted document) are declared
  `verbatim` and always get the exact JSON;
- `HDR_<SERVER>_RESULT_TEXT=json` (or `HDR_RESULT_TEXT=json`) restores the exact JSON for every
  result of a server: for an operator whose client reads text only (Claude Desktop) and whose model
  needs whole results, and for scripts that parse the text.
"""

from __future__ import annotations

import inspect
import json
import logging
import os
import weakref
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, Literal

from shared.tools import ToolKit

log = logging.getLogger("hdr.result_text")

Mode = Literal["summary", "json"]
MODES: tuple[Mode, ...] = ("summary", "json")
EXACT_UP_TO = 1_500  # characters of compact JSON (~400 tokens) below which a summary saves nothing
TOP = 3  # items shown per list (tools list the most important first)
FIELDS = 8  # fields shown per item
ITEM_STR = 80  # characters of a string inside an item
TOP_STR = 600  # characters of a top-level string (messages, explanations)
MAX_CHARS = 4_000  # the whole summary

_verbatim: weakref.WeakKeyDictionary[ToolKit, frozenset[str]] = weakref.WeakKeyDictionary()


def keep_verbatim(kit: ToolKit, tools: Iterable[str]) -> None:
    """Declare `kit`'s tools whose text must always be the exact JSON (output that is data to copy)."""
    unknown = set(tools) - set(kit.tools)
    if unknown:
        raise ValueError(f"{kit.name}: keep_verbatim names no tool {sorted(unknown)}")
    _verbatim[kit] = frozenset(tools)


def mode_for(kit: ToolKit, env: Mapping[str, str] | None = None) -> Mode:
    """The text mode for `kit`: HDR_<SERVER>_RESULT_TEXT, else HDR_RESULT_TEXT, else `summary`.
    Raises ValueError naming the accepted values for anything else."""
    env = os.environ if env is None else env
    raw = env.get(f"HDR_{kit.name.upper()}_RESULT_TEXT") or env.get("HDR_RESULT_TEXT") or "summary"
    value = raw.strip().lower()
    for mode in MODES:
        if value == mode:
            return mode
    raise ValueError(
        f"HDR_{kit.name.upper()}_RESULT_TEXT / HDR_RESULT_TEXT is {raw[:20]!r}; send one of: {', '.join(MODES)}"
    )


def _mode_or_summary(kit: ToolKit) -> Mode:
    """mode_for, but a setting mistyped after start (`hdr serve` does not check it) is logged and
    treated as `summary` rather than failing every call."""
    try:
        return mode_for(kit)
    except ValueError as exc:
        log.error("%s; using summary", exc)
        return "summary"


def exact(structured: Any) -> str:
    """The structured content as compact JSON."""
    return json.dumps(structured, separators=(",", ":"), ensure_ascii=False)


def text_for(kit: ToolKit, tool: str, structured: Any) -> str:
    """The text content for one result of `kit`'s `tool` whose structured content is `structured`."""
    whole = exact(structured)
    if len(whole) <= EXACT_UP_TO or tool in _verbatim.get(kit, ()) or _mode_or_summary(kit) == "json":
        return whole
    return summarize(kit.name, tool, structured, paging_of(kit, tool))


def paging_of(kit: ToolKit, tool: str) -> dict[str, str]:
    """The result fields `tool` pages with and the argument each goes back in: `next_cursor` ->
    `cursor`, `next_offset` -> `offset`, when the tool takes that argument."""
    fn = kit.tools.get(tool)
    params = set(inspect.signature(fn).parameters) if fn is not None else set()
    return {f"next_{arg}": arg for arg in ("cursor", "offset") if arg in params}


# -- the summary ------------------------------------------------------------------------------------


def summarize(server: str, tool: str, structured: Any, paging: Mapping[str, str] | None = None) -> str:
    """A readable summary of a structured result: scalars, the first items of each list, counts of
    what was left out and how to get it. `paging` maps a result field to the tool argument that takes
    it back (default: `next_cursor` -> `cursor`)."""
    paging = {"next_cursor": "cursor"} if paging is None else paging
    if not isinstance(structured, dict):
        structured = {"result": structured}
    lines: list[str] = [f"{tool} result (summary; the full result is this call's structured content):"]
    omitted: list[str] = []
    for key, value in structured.items():
        if value is None or value == "" or value == {} or key in paging:
            continue
        lines += _field(key, value, omitted)
    lines += _how_to_get_more(server, tool, structured, omitted, paging)
    return _bounded(lines)


def _field(key: str, value: Any, omitted: list[str]) -> list[str]:
    if isinstance(value, list):
        return _list(key, value, omitted)
    if isinstance(value, dict):
        inner = _item(value)
        return [f"{key}: {inner}" if inner else f"{key}: {{}}"]
    return [f"{key}: {_scalar(value, TOP_STR, key)}"]


def _list(key: str, items: list[Any], omitted: list[str]) -> list[str]:
    if not items:
        return [f"{key}: none"]
    if len(items) > TOP:
        omitted.append(f"{len(items) - TOP} more `{key}`")
    if not any(isinstance(i, dict | list) for i in items):
        shown = ", ".join(_scalar(i, ITEM_STR) for i in items[:TOP])
        more = f", +{len(items) - TOP} more" if len(items) > TOP else ""
        return [f"{key} ({len(items)}): {shown}{more}"]
    head = f"{key} ({len(items)}{', first ' + str(TOP) if len(items) > TOP else ''}):"
    return [head] + [f"- {_item(i) if isinstance(i, dict) else _scalar(i, ITEM_STR)}" for i in items[:TOP]]


def _item(item: dict[str, Any]) -> str:
    """One object on one line: its scalar fields first (ids, names, figures), then the sizes of its
    lists and the scalars of nested objects, at most FIELDS parts."""
    parts: list[str] = []
    nested: list[str] = []
    for key, value in item.items():
        if value is None or value == [] or value == {} or value == "":
            continue
        if isinstance(value, list):
            nested.append(f"{key}=[{len(value)}]")
        elif isinstance(value, dict):
            inner = ", ".join(
                f"{k}={_scalar(v, ITEM_STR)}"
                for k, v in list(value.items())[:4]
                if v is not None and not isinstance(v, dict | list)
            )
            nested.append(f"{key}={{{inner}}}" if inner else f"{key}={{…}}")
        else:
            parts.append(f"{key}={_scalar(value, ITEM_STR, key)}")
    shown = (parts + nested)[:FIELDS]
    left = len(parts) + len(nested) - len(shown)
    return ", ".join(shown) + (f", +{left} fields" if left else "")


def _scalar(value: Any, limit: int, key: str = "") -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float) and key.endswith("_at") and 1e9 < value < 1e11:  # a Unix time
        return datetime.fromtimestamp(value, UTC).isoformat(timespec="seconds")
    if isinstance(value, float):
        return f"{value:.0f}" if abs(value) >= 1e6 else f"{value:.4g}"
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _how_to_get_more(
    server: str, tool: str, structured: dict[str, Any], omitted: list[str], paging: Mapping[str, str]
) -> list[str]:
    lines = []
    if omitted:
        lines.append("Not shown: " + "; ".join(omitted) + ".")
    pages = [
        (arg, structured[field]) for field, arg in paging.items() if structured.get(field) not in (None, "")
    ]
    for arg, value in pages:
        lines.append(f"More: call `{tool}` again with {arg}={json.dumps(value)}.")
    if omitted or pages:
        lines.append(
            "Clients that read text only get the whole result with "
            f"HDR_{server.upper()}_RESULT_TEXT=json on the server."
        )
    return lines


def _bounded(lines: list[str]) -> str:
    """The lines joined, cut at MAX_CHARS on a line boundary (the last lines, how to get more, stay)."""
    text = "\n".join(lines)
    if len(text) <= MAX_CHARS:
        return text
    tail = [line for line in lines[-3:] if line.startswith(("Not shown", "More:", "Clients"))]
    budget = MAX_CHARS - sum(len(t) + 1 for t in tail) - 40
    kept: list[str] = []
    for line in lines[: len(lines) - len(tail)]:
        if sum(len(k) + 1 for k in kept) + len(line) > budget:
            break
        kept.append(line)
    return "\n".join([*kept, "… (summary cut at its size limit)", *tail])
