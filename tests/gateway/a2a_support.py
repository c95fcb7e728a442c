"""Real pieces for the A2A tests: the gateway with static tokens, and a2a-sdk's own client (card
resolver, JSON-RPC transport) holding a bearer token."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
from a2a.client import A2ACardResolver, Client, ClientConfig, ClientFactory
from a2a.types import AgentCard, Message, Part, Role, SendMessageRequest, StreamResponse, Task
from gateway_support import serve
from google.protobuf.json_format import ParseDict
from google.protobuf.struct_pb2 import Value
from helpers import free_port

from servers.gateway import GatewaySettings, create_app
from servers.gateway.auth import hash_token
from servers.gateway.settings import StaticToken

TOKENS = {  # name -> (token, scopes)
    "writer": (
        "hdr_writer_" + "w" * 40,
        ["forge:write", "compliance:write", "hardware:write", "phantom:write", "nexus:read"],
    ),
    "reader": ("hdr_reader_" + "r" * 40, ["forge:read", "compliance:read", "hardware:read"]),
    "other": ("hdr_other_" + "o" * 40, ["forge:write", "compliance:write", "hardware:write"]),
}


@contextlib.contextmanager
def gateway(**settings: Any) -> Iterator[str]:
    """The real gateway under uvicorn with the static tokens above; yields its base URL."""
    port = free_port()
    tokens = tuple(
        StaticToken(name, hash_token(token), tuple(scopes)) for name, (token, scopes) in TOKENS.items()
    )
    config = GatewaySettings(port=port, tokens=tokens, **settings)
    with serve(create_app(settings=config), port=port) as base:
        yield base


def bearer(name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKENS[name][0]}"}


@contextlib.asynccontextmanager
async def a2a_client(
    base: str,
    who: str,
    agent: str = "",
    *,
    streaming: bool = False,
    verifier: Any = None,
    binding: str = "JSONRPC",
) -> AsyncIterator[tuple[Client, AgentCard]]:
    """a2a-sdk's client for the agent at `base`/`agent` (the suite when empty), from its resolved card,
    speaking `binding` (JSONRPC or HTTP+JSON, both listed on the card)."""
    async with httpx.AsyncClient(headers=bearer(who), timeout=60) as http:
        url = f"{base}/{agent}" if agent else base
        card = await A2ACardResolver(http, url).get_agent_card(signature_verifier=verifier)
        config = ClientConfig(httpx_client=http, streaming=streaming, supported_protocol_bindings=[binding])
        client = ClientFactory(config).create(card)
        try:
            yield client, card
        finally:
            await client.close()


def skill_message(
    skill: str,
    arguments: dict[str, Any] | None = None,
    *,
    confirm: bool | None = None,
    task_id: str = "",
    context_id: str = "",
) -> SendMessageRequest:
    data: dict[str, Any] = {"skill": skill, "arguments": arguments or {}}
    if confirm is not None:
        data["confirm"] = confirm
    part = Part(data=ParseDict(data, Value()), media_type="application/json")
    return SendMessageRequest(
        message=Message(
            role=Role.ROLE_USER,
            message_id=uuid.uuid4().hex,
            parts=[part],
            task_id=task_id,
            context_id=context_id,
        )
    )


def text_message(text: str) -> SendMessageRequest:
    return SendMessageRequest(
        message=Message(role=Role.ROLE_USER, message_id=uuid.uuid4().hex, parts=[Part(text=text)])
    )


async def send(client: Client, request: SendMessageRequest) -> list[StreamResponse]:
    return [event async for event in client.send_message(request)]


def final_task(events: list[StreamResponse]) -> Task:
    tasks = [e.task for e in events if e.HasField("task")]
    assert tasks, events
    return tasks[-1]
