"""Everything the suite needs from the MCP SDK beyond its public API, in one place.

The SDK (mcp 2.x) has no public hook for three things the tool conventions need:

- keeping JSON-looking text as text: `FuncMetadata.pre_parse_json` decodes a string argument
  whose annotation is not exactly `str`, so a plaintext to encrypt that happens to be `{"a": 1}`
  would reach a `str | None` parameter as a dict. The registered tool's metadata is swapped for
  a subclass that keeps such strings (`keep_json_looking_strings`);
- presenting a wrapper with the wrapped tool's parameters: the SDK builds a tool's input schema
  from `inspect.signature(fn)` and injects `Context`/`Resolve` parameters by `get_type_hints(fn)`,
  so the wrapper carries a `__signature__` and `__annotations__` (`present_signature`);
- registering a raw request handler (the per-caller `tools/list`, prompts/get with argument
  checks): only the low-level server has `add_request_handler` (`lowlevel_server`), and a
  replacement prompts/get handler renders through the SDK's own handler (`render_prompt`).

tests/shared/test_sdk_compat.py checks each against the installed SDK, so an SDK upgrade that
changes one of them fails there, loudly, instead of somewhere in a server.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

import mcp_types as types
from mcp.server.context import ServerRequestContext
from mcp.server.lowlevel import Server
from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.utilities.func_metadata import FuncMetadata

__all__ = ["keep_json_looking_strings", "lowlevel_server", "present_signature", "render_prompt"]


def _admits_str(annotation: Any) -> bool:
    if annotation is str:
        return True
    if get_origin(annotation) is Annotated:
        return _admits_str(get_args(annotation)[0])
    if get_origin(annotation) in (Union, UnionType):
        return any(_admits_str(a) for a in get_args(annotation))
    return False


class KeepStrings(FuncMetadata):
    """The SDK's argument metadata, except that a string sent for a parameter that accepts a
    string stays that string (the SDK would JSON-decode it unless the annotation is exactly `str`)."""

    def pre_parse_json(self, data: dict[str, Any]) -> dict[str, Any]:
        parsed = super().pre_parse_json(data)
        for name, field in self.arg_model.model_fields.items():
            for key in (name, field.alias):
                if key in data and isinstance(data[key], str) and _admits_str(field.annotation):
                    parsed[key] = data[key]
        return parsed


def keep_json_looking_strings(mcp: MCPServer, tool_name: str) -> None:
    """Make the registered tool `tool_name` keep string arguments as sent (see `KeepStrings`)."""
    registered = mcp._tool_manager.get_tool(tool_name)  # noqa: SLF001 - the SDK has no public getter
    if registered is None:
        raise LookupError(f"tool {tool_name!r} is not registered")
    registered.fn_metadata = KeepStrings.model_validate(dict(registered.fn_metadata))


def present_signature(
    fn: Callable[..., Any], parameters: list[inspect.Parameter], return_annotation: Any
) -> None:
    """Make the SDK see `fn` as taking `parameters` and returning `return_annotation`."""
    signature = inspect.Signature(parameters, return_annotation=return_annotation)
    fn.__signature__ = signature  # type: ignore[attr-defined]  # the inspect protocol (PEP 362)
    fn.__annotations__ = {p.name: p.annotation for p in parameters if p.annotation is not p.empty}
    if return_annotation is not inspect.Signature.empty:
        fn.__annotations__["return"] = return_annotation


def lowlevel_server(mcp: MCPServer) -> Server[Any]:
    """The low-level server under `mcp`, where raw request handlers are registered."""
    return mcp._lowlevel_server  # noqa: SLF001 - add_request_handler exists only there


async def render_prompt(
    mcp: MCPServer, ctx: ServerRequestContext[Any, Any], params: types.GetPromptRequestParams
) -> types.GetPromptResult | types.InputRequiredResult:
    """prompts/get as the SDK answers it (its Context for the request, rendering, errors)."""
    return await mcp._handle_get_prompt(ctx, params)  # noqa: SLF001 - no public per-request entry
