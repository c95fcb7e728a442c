"""Agent-to-agent delivery of a handoff, with the official clients of each protocol:

- MCP agents: call the tool the card names, over streamable HTTP, with the MCP SDK's client;
- A2A agents: send the handoff as an A2A message with a2a-sdk's client (JSON-RPC or HTTP+JSON, as the
  card prefers), then follow the task it starts until it ends (or the handoff's deadline).

Both go out through `shared.egress`: the card's URL is resolved once, refused when it points at
loopback, private, link-local or metadata addresses (unless HDR_EGRESS_ALLOW lists them), and the
connection goes to the address that was checked. Every refusal and every connection failure reads the
same, so a card cannot be used to map which internal ports answer. A timeout per attempt and a bounded
number of attempts; the handoff id travels with every attempt (the MCP tool's `handoff_id`, the A2A
message's `messageId`), so a target that sees it twice can tell it is not new work. Retries draw on a
per-endpoint retry budget (`shared.retry`, gRPC's retry throttling) with jittered backoff, so an
endpoint that keeps failing (overloaded, or gone) gets one attempt per handoff instead of three until
it answers again, and handoffs that failed together do not retry in lock-step.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from typing import Any

import anyio

from shared.retry import RetryBudget, backoff_delay, destination_of

log = logging.getLogger("hdr.nexus.delivery")

ATTEMPT_TIMEOUT_S = 10.0
ATTEMPTS = 3
BACKOFF_S = 0.25
MAX_RESULT = 8000
POLL_S = 0.5
# How long nexus follows an A2A task that has not ended (never past the handoff's deadline): the handoff
# tool waits this long at most; a task still running then leaves the handoff accepted (open).
FOLLOW_S = 30.0
UNREACHABLE = "the agent's endpoint could not be reached"
THROTTLED = "; not retried further: recent deliveries to this endpoint keep failing"
BUDGET = RetryBudget()  # one per process, shared by every delivery


def _unreachable(attempts: int, throttled: bool = False) -> DeliveryResult:
    reason = f"{UNREACHABLE} after {attempts} attempt{'s' if attempts != 1 else ''}"
    return DeliveryResult(ok=False, attempts=attempts, reason=reason + (THROTTLED if throttled else ""))


async def _pause_or_give_up(
    destination: str, attempt: int, attempts: int, backoff_s: float
) -> DeliveryResult | None:
    """After failed attempt `attempt`: charge the endpoint's retry budget, then either pause before the
    next attempt (None) or give up with the reason."""
    BUDGET.failed(destination)
    if attempt >= attempts:
        return _unreachable(attempts)
    if not BUDGET.may_retry(destination):
        return _unreachable(attempt, throttled=True)
    await anyio.sleep(backoff_delay(backoff_s, attempt))
    return None


@dataclass
class DeliveryResult:
    ok: (
        bool | None
    )  # None: the agent took the work on as a task that had not ended when nexus stopped following
    attempts: int
    result: str | None = None
    reason: str | None = None


class _Unreachable(Exception):
    """A failed attempt that may be retried (refused, not connected, timed out)."""


def _pinned_mcp_client(timeout_s: float) -> Any:
    """An httpx2 client (the MCP SDK's HTTP library) whose every request is checked and pinned by
    `shared.egress.check_url`, the same rule as `shared.egress.async_egress_client` for httpx."""
    import anyio.to_thread
    import httpx2

    from shared.egress import EgressRefused, check_url

    class PinnedTransport(httpx2.AsyncBaseTransport):
        def __init__(self) -> None:
            self._inner = httpx2.AsyncHTTPTransport()

        async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
            target = await anyio.to_thread.run_sync(check_url, str(request.url))
            default = 443 if target.scheme == "https" else 80
            host = f"[{target.host}]" if ":" in target.host else target.host
            request.url = request.url.copy_with(host=target.address)
            request.headers["Host"] = host if target.port == default else f"{host}:{target.port}"
            if target.scheme == "https":
                request.extensions = {**request.extensions, "sni_hostname": target.host}
            try:
                return await self._inner.handle_async_request(request)
            except httpx2.TransportError:
                raise EgressRefused() from None

        async def aclose(self) -> None:
            await self._inner.aclose()

    return httpx2.AsyncClient(transport=PinnedTransport(), timeout=timeout_s, follow_redirects=False)


def _result_text(result: Any) -> str:
    if result.structured_content is not None:
        return json.dumps(result.structured_content, sort_keys=True, default=str)[:MAX_RESULT]
    texts = [getattr(block, "text", "") for block in result.content or []]
    return "\n".join(t for t in texts if t)[:MAX_RESULT]


async def call_agent_tool(
    url: str,
    tool: str,
    arguments: dict[str, Any],
    *,
    attempts: int = ATTEMPTS,
    timeout_s: float = ATTEMPT_TIMEOUT_S,
    backoff_s: float = BACKOFF_S,
) -> DeliveryResult:
    """Call `tool` at the MCP endpoint `url`. A tool error from the target is an answer (not retried);
    a refused address, connection failure or timeout is retried up to `attempts` times in all."""
    from mcp import Client
    from mcp.client.streamable_http import streamable_http_client
    from mcp_types import Implementation

    destination = destination_of(url)
    for attempt in range(1, attempts + 1):
        try:
            with anyio.fail_after(timeout_s):
                async with (
                    _pinned_mcp_client(timeout_s) as http,
                    Client(
                        streamable_http_client(url, http_client=http),
                        read_timeout_seconds=timeout_s,
                        mode="legacy",
                        client_info=Implementation(name="hdr-nexus", version="0.1.0"),
                    ) as client,
                ):
                    result = await client.call_tool(tool, arguments)
            BUDGET.succeeded(destination)
            if result.is_error:
                return DeliveryResult(
                    ok=False,
                    attempts=attempt,
                    reason=f"the target's tool `{tool}` answered with an error: {_result_text(result)[:300]}",
                )
            return DeliveryResult(ok=True, attempts=attempt, result=_result_text(result))
        except Exception as exc:  # noqa: BLE001 - any transport failure is a failed attempt
            log.info("MCP delivery attempt %d/%d failed: %s", attempt, attempts, type(exc).__name__)
        given_up = await _pause_or_give_up(destination, attempt, attempts, backoff_s)
        if given_up is not None:
            return given_up
    return _unreachable(attempts)


# -- A2A ---------------------------------------------------------------------------------------------


def handoff_message(handoff: dict[str, Any]) -> Any:
    """The A2A message a handoff becomes: the task as text, and the handoff's fields as a data part."""
    from a2a.types import Message, Part, Role
    from google.protobuf.struct_pb2 import Struct, Value

    data = Struct()
    data.update({k: v for k, v in handoff.items() if v is not None and k != "task"})
    return Message(
        message_id=handoff["handoff_id"],
        role=Role.ROLE_USER,
        parts=[Part(text=handoff["task"]), Part(data=Value(struct_value=data))],
        metadata=None,
    )


def _task_text(task: Any) -> str:
    """What an A2A task produced: its artifacts' text and data parts, else its status message."""
    from google.protobuf.json_format import MessageToDict

    out = []
    for artifact in task.artifacts:
        for part in artifact.parts:
            if part.HasField("text"):
                out.append(part.text)
            elif part.HasField("data"):
                out.append(json.dumps(MessageToDict(part.data), sort_keys=True))
    if not out and task.status.HasField("message"):
        out += [p.text for p in task.status.message.parts if p.HasField("text")]
    return "\n".join(out)[:MAX_RESULT]


def _proto_card(raw: dict[str, Any]) -> Any:
    from a2a.client.card_resolver import parse_agent_card

    from servers.nexus.cards import parse_v1, protocol_of

    if protocol_of(raw) == "1.0":
        return parse_v1(raw)
    return parse_agent_card(json.loads(json.dumps(raw)))  # a2a-sdk's own reading of 0.3 cards (it edits)


async def _send_once(card: Any, message: Any, timeout_s: float, follow_until: float) -> DeliveryResult:
    from a2a.client import ClientConfig, ClientFactory
    from a2a.types import GetTaskRequest, SendMessageRequest, TaskState

    from shared.egress import async_egress_client

    terminal = {
        TaskState.TASK_STATE_COMPLETED: True,
        TaskState.TASK_STATE_FAILED: False,
        TaskState.TASK_STATE_CANCELED: False,
        TaskState.TASK_STATE_REJECTED: False,
    }
    async with async_egress_client(timeout=timeout_s) as http:
        config = ClientConfig(
            httpx_client=http,
            streaming=False,
            polling=True,
            supported_protocol_bindings=["JSONRPC", "HTTP+JSON"],
        )
        client = ClientFactory(config).create(card)
        task = None
        with anyio.fail_after(timeout_s):
            async for event in client.send_message(SendMessageRequest(message=message)):
                if event.HasField("message"):  # the agent answered at once, without a task
                    text = "\n".join(p.text for p in event.message.parts if p.HasField("text"))
                    return DeliveryResult(ok=True, attempts=1, result=text[:MAX_RESULT])
                if event.HasField("task"):
                    task = event.task
        if task is None:
            raise _Unreachable("no task in the answer")
        while task.status.state not in terminal:
            if task.status.state in (TaskState.TASK_STATE_INPUT_REQUIRED, TaskState.TASK_STATE_AUTH_REQUIRED):
                return DeliveryResult(
                    ok=False,
                    attempts=1,
                    reason=f"the agent stopped the task asking for "
                    f"{'input' if task.status.state == TaskState.TASK_STATE_INPUT_REQUIRED else 'authorization'}"
                    f": {_task_text(task)[:300]}",
                )
            if time.time() >= follow_until:
                return DeliveryResult(
                    ok=None,
                    attempts=1,
                    reason=f"the agent is working on it as A2A task "
                    f"{task.id[:100]}; its owner completes the handoff, or it expires",
                )
            await anyio.sleep(POLL_S)
            with anyio.fail_after(timeout_s):
                task = await client.get_task(GetTaskRequest(id=task.id))
        await client.close()
        ok = terminal[task.status.state]
        state = TaskState.Name(task.status.state).removeprefix("TASK_STATE_").lower()
        return DeliveryResult(
            ok=ok,
            attempts=1,
            result=_task_text(task) if ok else None,
            reason=None if ok else f"the agent's task ended {state}: {_task_text(task)[:300]}",
        )


async def send_a2a_task(
    raw_card: dict[str, Any],
    handoff: dict[str, Any],
    *,
    attempts: int = ATTEMPTS,
    timeout_s: float = ATTEMPT_TIMEOUT_S,
    backoff_s: float = BACKOFF_S,
    deadline: float | None = None,
    follow_s: float | None = None,
) -> DeliveryResult:
    """Send a handoff to an A2A agent and follow the task to its end. An A2A error answer (the agent refused
    the message, or has no such task) is an answer, not retried; an unreachable agent is retried."""
    from a2a.client.errors import A2AClientError
    from a2a.utils.errors import A2AError

    follow_until = min(deadline or float("inf"), time.time() + (FOLLOW_S if follow_s is None else follow_s))
    card = _proto_card(raw_card)
    message = handoff_message(handoff)
    destination = destination_of(_card_url(raw_card))
    for attempt in range(1, attempts + 1):
        try:
            result = await _send_once(card, message, timeout_s, follow_until)
            BUDGET.succeeded(destination)
            result.attempts = attempt
            return result
        except A2AError as exc:
            if not isinstance(exc, A2AClientError):
                BUDGET.succeeded(destination)
                return DeliveryResult(
                    ok=False,
                    attempts=attempt,
                    reason=f"the agent answered with an A2A error: {type(exc).__name__}: {str(exc)[:300]}",
                )
            log.info("A2A delivery attempt %d/%d failed: %s", attempt, attempts, type(exc).__name__)
        except Exception as exc:  # noqa: BLE001 - refused, unreachable, timed out: a failed attempt
            log.info("A2A delivery attempt %d/%d failed: %s", attempt, attempts, type(exc).__name__)
        given_up = await _pause_or_give_up(destination, attempt, attempts, backoff_s)
        if given_up is not None:
            return given_up
    return _unreachable(attempts)


def _card_url(raw: dict[str, Any]) -> str:
    """The endpoint a card points at, for the retry budget: its `url` (0.3), else its first interface's."""
    if isinstance(raw.get("url"), str):
        return str(raw["url"])
    for key in ("supportedInterfaces", "additionalInterfaces"):
        for interface in raw.get(key) or []:
            if isinstance(interface, dict) and isinstance(interface.get("url"), str):
                return str(interface["url"])
    return ""
