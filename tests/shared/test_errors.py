"""shared/errors.py: each error a tool raises on purpose reaches the client as a tool error saying what
was wrong and what to send instead, and nothing else; the kinds other processes read stay as they are."""

from __future__ import annotations

import pytest
from mcp import Client
from pydantic import BaseModel

from shared.errors import BadInput, Conflict, HDRError, NotFound, Refused, Unavailable
from shared.server import create_server

RAISED = [BadInput, NotFound, Conflict, Refused, Unavailable]


class Done(BaseModel):
    ok: bool


def test_an_error_reads_as_its_message_then_its_hint() -> None:
    assert str(BadInput("`n` must be 1-50.", "Send e.g. 5.")) == "`n` must be 1-50. Send e.g. 5."
    assert str(NotFound("No key k1.")) == "No key k1."
    error = Refused("Over budget.", "Raise the budget.")
    assert (error.message, error.hint) == ("Over budget.", "Raise the budget.")


def test_kinds_are_distinct_and_keep_their_names() -> None:
    """hardware's circuit workers and phantom's batch results send an error's `kind` to another
    process or a client, which reads it back by these names."""
    kinds = [cls.kind for cls in RAISED]
    assert kinds == ["bad_input", "not_found", "conflict", "refused", "unavailable"]
    assert HDRError.kind not in kinds


@pytest.mark.parametrize("error", RAISED, ids=lambda cls: cls.__name__)
async def test_a_raised_error_is_a_tool_error_with_its_message_and_hint_only(error: type[HDRError]) -> None:
    kit = create_server("errors", title="Errors", description="Raises on purpose.")

    @kit.tool(title="Fail", read_only=True, idempotent=True)
    def fail(name: str) -> Done:
        """Fails as asked."""
        raise error(f"No widget {name!r} here.", "Send the name widgets listed.")

    async with Client(kit.mcp) as client:
        result = await client.call_tool("fail", {"name": "w1"})
    assert result.is_error
    [content] = result.content
    # the SDK puts "Error executing tool fail: " before it; nothing else is added (no class, no traceback)
    assert content.text.endswith(": No widget 'w1' here. Send the name widgets listed.")
    assert error.__name__ not in content.text and "Traceback" not in content.text
