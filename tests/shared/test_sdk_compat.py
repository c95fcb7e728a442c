"""The few things shared/sdk_compat.py takes from the MCP SDK's non-public parts, checked against the
installed SDK: an upgrade that changes any of them fails here, by name, not somewhere in a server."""

from __future__ import annotations

import inspect
from typing import Any

from mcp import Client
from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.utilities.func_metadata import FuncMetadata
from pydantic import BaseModel

from shared.sdk_compat import KeepStrings, keep_json_looking_strings, lowlevel_server, present_signature


class Echo(BaseModel):
    text: str | None
    items: list[str] | None


def echo(text: str | None = None, items: list[str] | None = None) -> Echo:
    return Echo(text=text, items=items)


async def test_the_sdk_still_decodes_json_text_for_a_parameter_not_annotated_exactly_str() -> None:
    # The reason KeepStrings exists: if this starts failing, the SDK stopped doing it and the
    # override (and this module's reach into the tool manager) can go.
    mcp = MCPServer(name="plain")
    mcp.add_tool(echo, structured_output=True)
    async with Client(mcp) as client:
        result = await client.call_tool("echo", {"text": '{"a": 1}'})
    assert result.is_error


async def test_kept_strings_reach_a_str_parameter_intact_and_json_lists_still_decode() -> None:
    mcp = MCPServer(name="kept")
    mcp.add_tool(echo, structured_output=True)
    keep_json_looking_strings(mcp, "echo")
    async with Client(mcp) as client:
        result = await client.call_tool("echo", {"text": '{"a": 1}', "items": '["x", "y"]'})
    assert not result.is_error
    assert result.structured_content == {"text": '{"a": 1}', "items": ["x", "y"]}


def test_keep_strings_overrides_the_sdk_hook_it_relies_on() -> None:
    hook = inspect.signature(FuncMetadata.pre_parse_json)
    assert list(hook.parameters) == ["self", "data"]
    assert issubclass(KeepStrings, FuncMetadata)
    assert {"arg_model"} <= set(FuncMetadata.model_fields)


def test_keeping_strings_for_an_unregistered_tool_says_so() -> None:
    try:
        keep_json_looking_strings(MCPServer(name="empty"), "nope")
    except LookupError as exc:
        assert "nope" in str(exc)
    else:
        raise AssertionError("expected LookupError")


async def test_the_sdk_builds_schema_and_injects_context_from_a_presented_signature() -> None:
    seen: dict[str, Any] = {}

    async def wrapper(**kwargs: Any) -> Any:
        seen.update(kwargs)
        return Echo(text=kwargs["text"], items=None)

    kw = inspect.Parameter.KEYWORD_ONLY
    present_signature(
        wrapper,
        [
            inspect.Parameter("text", kw, annotation=str),
            inspect.Parameter("hdr_ctx", kw, annotation=Context),
        ],
        Echo,
    )
    mcp = MCPServer(name="presented")
    mcp.add_tool(wrapper, name="presented", structured_output=True)
    async with Client(mcp) as client:
        (tool,) = (await client.list_tools()).tools
        result = await client.call_tool("presented", {"text": "hi"})
    assert set(tool.input_schema["properties"]) == {"text"}
    assert tool.input_schema["required"] == ["text"]
    assert tool.output_schema is not None and "text" in tool.output_schema["properties"]
    assert result.structured_content == {"text": "hi", "items": None}
    assert isinstance(seen["hdr_ctx"], Context)


def test_the_lowlevel_server_still_takes_raw_request_handlers() -> None:
    low = lowlevel_server(MCPServer(name="low"))
    assert callable(low.add_request_handler)
    assert list(inspect.signature(low.add_request_handler).parameters)[:3] == [
        "method",
        "params_type",
        "handler",
    ]


def test_the_sdk_still_answers_prompts_get_through_the_handler_render_prompt_calls() -> None:
    handler = MCPServer._handle_get_prompt  # noqa: SLF001 - the one shared/sdk_compat.render_prompt uses
    assert list(inspect.signature(handler).parameters) == ["self", "ctx", "params"]
