"""Every tool of every server, fed inputs generated from its own input schema plus malformed
ones, returns a result or a tool error — never a protocol crash, never a hang — and the server
still answers afterwards. New tools are covered without editing this file."""

from __future__ import annotations

import random
from typing import Any

import anyio
import pytest
from mcp import Client

from servers.registry import SERVER_NAMES, load
from shared.suite import Suite

CALL_TIMEOUT_S = 20
MAX_CASES_PER_TOOL = 28

HUGE = "A" * 1_000_000
STRINGS = [
    "",
    " ",
    HUGE,
    "ünïcödé ✓ 漢字 🚀",
    "nul\x00byte",
    "../../etc/passwd",
    "' OR 1=1 --",
    '{"a": [1,',
    "\n\t\r",
    "-1",
]
INTEGERS = [0, -1, -(2**63), 2**63, 10**30, 1]
NUMBERS = [0.0, -1.5, 1e308, -1e308, 5e-324, 3.5]


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        schema = root.get("$defs", {}).get(name, {})
    return schema


def _branches(schema: dict[str, Any], root: dict[str, Any]) -> list[dict[str, Any]]:
    schema = _resolve(schema, root)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return [b for s in schema[key] for b in _branches(s, root)]
    return [schema]


def plausible(schema: dict[str, Any], root: dict[str, Any], depth: int = 0) -> Any:
    """One value that matches the schema, as a well-meaning caller would send."""
    for branch in _branches(schema, root):
        if "default" in schema and schema["default"] is not None:
            return schema["default"]
        if "enum" in branch:
            return branch["enum"][0]
        if "const" in branch:
            return branch["const"]
        kind = branch.get("type")
        if kind == "string":
            return "example"
        if kind == "integer":
            return max(branch.get("minimum", 1), 1)
        if kind == "number":
            return float(max(branch.get("minimum", 1.0), 1.0))
        if kind == "boolean":
            return False
        if kind == "array":
            return [] if depth > 2 else [plausible(branch.get("items", {}), root, depth + 1)]
        if kind == "object":
            props = branch.get("properties", {})
            return {
                k: plausible(v, root, depth + 1) for k, v in props.items() if k in branch.get("required", [])
            }
        if kind == "null":
            continue
    return None


def edge_values(schema: dict[str, Any], root: dict[str, Any]) -> list[Any]:
    """Values at and beyond the edges of what the schema admits, and values of the wrong type."""
    values: list[Any] = [None, [], {}, True]
    for branch in _branches(schema, root):
        kind = branch.get("type")
        if "enum" in branch:
            values += ["not-one-of-them", ""]
        if kind == "string":
            values += STRINGS
        elif kind == "integer":
            values += INTEGERS + ["12", 1.5]
        elif kind == "number":
            values += NUMBERS + ["NaN"]
        elif kind == "array":
            item = branch.get("items", {})
            values += [[None], [plausible(item, root)] * 10_000, "not-a-list", [HUGE]]
        elif kind == "object":
            values += [{"unexpected": 1}, "not-an-object", {k: None for k in branch.get("properties", {})}]
    return values


def cases_for(input_schema: dict[str, Any], seed: str) -> list[dict[str, Any]]:
    rnd = random.Random(seed)
    props = input_schema.get("properties", {})
    required = input_schema.get("required", [])
    base = {name: plausible(props[name], input_schema) for name in required}
    cases: list[dict[str, Any]] = [
        base,
        {},  # every required field missing
        {**base, "unexpected_field": "x"},
        {name: None for name in props},
        {name: plausible(spec, input_schema) for name, spec in props.items()},
    ]
    mutations = [
        {**base, name: value} for name, spec in props.items() for value in edge_values(spec, input_schema)
    ]
    rnd.shuffle(mutations)
    cases += mutations
    return cases[:MAX_CASES_PER_TOOL]


def _summary(args: dict[str, Any]) -> str:
    return repr({k: (v[:40] + "...") if isinstance(v, str) and len(v) > 40 else v for k, v in args.items()})[
        :300
    ]


@pytest.mark.parametrize("server", SERVER_NAMES)
async def test_every_tool_survives_generated_and_malformed_input(server: str, suite: Suite) -> None:
    kit = load(server)
    async with Client(kit.mcp) as client:
        tools = (await client.list_tools()).tools
        assert tools, f"{server} lists no tools"
        for tool in tools:
            for args in cases_for(tool.input_schema, f"{server}.{tool.name}"):
                try:
                    with anyio.fail_after(CALL_TIMEOUT_S):
                        result = await client.call_tool(tool.name, args)
                except TimeoutError:
                    pytest.fail(
                        f"{server}.{tool.name} did not answer within {CALL_TIMEOUT_S}s for {_summary(args)}"
                    )
                except Exception as exc:  # a protocol-level error instead of a result or tool error
                    pytest.fail(
                        f"{server}.{tool.name} raised {type(exc).__name__}: {exc} for {_summary(args)}"
                    )
                if result.is_error:
                    text = " ".join(getattr(c, "text", "") for c in result.content)
                    assert text.strip(), f"{server}.{tool.name} returned an empty error for {_summary(args)}"
                    assert "Traceback" not in text, f"{server}.{tool.name} leaked a traceback"
                    assert "log reference" not in text, (
                        f"{server}.{tool.name} crashed (internal error) for {_summary(args)}: {text[:300]}"
                    )
            # the server still answers after each tool's battering
            assert (await client.list_tools()).tools
