"""shared/http.py: what every MCP endpoint served over HTTP enforces before the SDK sees a request,
driven through httpx's ASGI transport; the depth check against the depth of what json parses."""

from __future__ import annotations

import json
from typing import Any

import httpx
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.types import Receive, Scope, Send

from shared.http import MAX_JSON_DEPTH, PARSE_ERROR, StatelessEndpoint, well_formed


def depth_of(value: Any) -> int:
    """The reference: nesting of the parsed value (a scalar is 0, [] or {} is 1)."""
    if isinstance(value, list):
        return 1 + max((depth_of(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((depth_of(v) for v in value.values()), default=0)
    return 0


def nested(depth: int, inner: Any = 1) -> Any:
    for i in range(depth):
        inner = [inner] if i % 2 else {"k": inner}
    return inner


# Strings full of brackets and escaped quotes: the depth scan must skip them as the parser does.
tricky_text = st.text(alphabet='[]{}"\\abc\u00e9', max_size=12)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | tricky_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(tricky_text, inner, max_size=3),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None)
@given(value=json_values, wrap=st.integers(min_value=0, max_value=MAX_JSON_DEPTH + 4))
def test_well_formed_agrees_with_the_depth_json_parses(value: Any, wrap: int) -> None:
    document = nested(wrap, value)
    body = json.dumps(document).encode()
    assert well_formed(body) is (depth_of(document) <= MAX_JSON_DEPTH)


def test_brackets_inside_strings_do_not_count_and_broken_json_is_refused() -> None:
    assert well_formed(json.dumps({"q": "[" * 500 + '\\"{' * 200}).encode())
    assert well_formed(json.dumps(nested(MAX_JSON_DEPTH)).encode())
    assert not well_formed(json.dumps(nested(MAX_JSON_DEPTH + 1)).encode())
    assert not well_formed(b"[" * 100_000)  # refused without recursing in the parser
    assert not well_formed(b'{"a": 1')
    assert not well_formed(b"\xff\xfe{}")


async def echo(scope: Scope, receive: Receive, send: Send) -> None:
    """The app behind the endpoint: answers with the body it received and its path."""
    message = await receive()
    body = json.dumps({"path": scope["path"], "body": message.get("body", b"").decode()}).encode()
    await send(
        {"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]}
    )
    await send({"type": "http.response.body", "body": body})


def client(max_body_bytes: int = 1024) -> httpx.AsyncClient:
    app = StatelessEndpoint(echo, max_body_bytes=max_body_bytes)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")


async def test_the_endpoint_passes_a_good_request_through_with_its_body_intact() -> None:
    request = {"jsonrpc": "2.0", "id": 1, "method": "tools/list"}
    async with client() as http:
        answer = await http.post("/mcp", json=request)
        other = await http.get("/healthz")
    assert answer.status_code == 200 and json.loads(answer.json()["body"]) == request
    assert other.status_code == 200 and other.json()["path"] == "/healthz"  # only /mcp is guarded


async def test_the_endpoint_refuses_gets_big_bodies_and_deep_json_before_the_app() -> None:
    async with client(max_body_bytes=1024) as http:
        get = await http.get("/mcp")
        big = await http.post("/mcp", content=b"[" + b"1," * 600 + b"1]")
        deep = await http.post("/mcp", content=json.dumps(nested(MAX_JSON_DEPTH + 1)).encode())
        garbage = await http.post("/mcp", content=b"not json")
    assert get.status_code == 405 and get.headers["allow"] == "POST"
    assert big.status_code == 413 and "1024 bytes" in big.json()["error_description"]
    assert deep.status_code == 400 and deep.json() == PARSE_ERROR
    assert garbage.status_code == 400 and garbage.json()["error"]["code"] == -32700
