"""Errors a tool may raise on purpose. Each becomes an MCP tool error (isError) whose text
says what was wrong and what to send instead; anything else is an internal error whose
details stay in the server's log."""

from __future__ import annotations


class HDRError(Exception):
    """A failure the caller can act on. `message` says what went wrong, `hint` what to do."""

    kind = "error"

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}" if self.hint else self.message


class BadInput(HDRError):
    """The arguments are malformed or out of range."""

    kind = "bad_input"


class NotFound(HDRError):
    """A named thing (proposal, key, agent, snapshot, handle) does not exist."""

    kind = "not_found"


class Conflict(HDRError):
    """The target changed since it was read; nothing was overwritten."""

    kind = "conflict"


class Refused(HDRError):
    """A safety rule, policy, budget or missing confirmation stopped the call; nothing changed."""

    kind = "refused"


class Unavailable(HDRError):
    """An external system (Prometheus, Kubernetes, Chroma, Vault) could not be reached."""

    kind = "unavailable"
