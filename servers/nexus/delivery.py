"""Agent-to-agent delivery: call the tool a target agent's card names, over streamable HTTP, with
the MCP SDK's own client — a timeout per attempt and a bounded number of attempts.

The tool receives the handoff id, so a target that sees the same id twice (nexus retried after a
reply was lost) can tell it is not new work.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import anyio

log = logging.getLogger("hdr.nexus.delivery")

ATTEMPT_TIMEOUT_S = 10.0
ATTEMPTS = 3
BACKOFF_S = 0.25
MAX_RESULT = 8000


@dataclass
class DeliveryResult:
    ok: bool
    attempts: int
    result: str | None = None
    reason: str | None = None


def _describe(exc: BaseException) -> str:
    """A short, secret-free reason for a failed attempt (exception groups unwrapped)."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    if isinstance(exc, TimeoutError):
        return "timed out"
    text = str(exc).splitlines()[0][:200] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _result_text(result: Any) -> str:
    if result.structured_content is not None:
        import json

        return json.dumps(result.structured_content, sort_keys=True, default=str)[:MAX_RESULT]
    texts = [getattr(block, "text", "") for block in result.content or []]
    return "\n".join(t for t in texts if t)[:MAX_RESULT]


async def call_agent_tool(url: str, tool: str, arguments: dict[str, Any], *, attempts: int = ATTEMPTS,
                          timeout_s: float = ATTEMPT_TIMEOUT_S, backoff_s: float = BACKOFF_S) -> DeliveryResult:
    """Call `tool` at the MCP endpoint `url`. A tool error from the target is an answer (not retried);
    a connection failure or timeout is retried up to `attempts` times in all."""
    from mcp import Client
    from mcp_types import Implementation

    reason = "not attempted"
    for attempt in range(1, attempts + 1):
        try:
            with anyio.fail_after(timeout_s):
                async with Client(url, read_timeout_seconds=timeout_s, mode="legacy",
                                  client_info=Implementation(name="hdr-nexus", version="0.1.0")) as client:
                    result = await client.call_tool(tool, arguments)
            if result.is_error:
                return DeliveryResult(ok=False, attempts=attempt,
                                      reason=f"the target's tool `{tool}` answered with an error: "
                                             f"{_result_text(result)[:300]}")
            return DeliveryResult(ok=True, attempts=attempt, result=_result_text(result))
        except Exception as exc:  # noqa: BLE001 - any transport failure is a failed attempt
            reason = _describe(exc)
            log.info("delivery to %s attempt %d/%d failed: %s", url, attempt, attempts, reason)
        if attempt < attempts:
            await anyio.sleep(backoff_s * 2 ** (attempt - 1))
    return DeliveryResult(ok=False, attempts=attempts,
                          reason=f"the agent's endpoint {url} did not answer after {attempts} attempts ({reason})")
