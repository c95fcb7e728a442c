"""Who calls the A2A endpoint: the gateway's bearer-token principal (the same as for MCP), carried
from the HTTP request into a2a-sdk's `ServerCallContext`."""

from __future__ import annotations

from a2a.auth.user import User
from a2a.server.context import ServerCallContext
from a2a.server.routes.common import DefaultServerCallContextBuilder
from mcp.server.auth.provider import AccessToken
from starlette.requests import Request

from servers.gateway.auth import grants
from shared.tools import authenticated_principal


class Caller(User):
    """An A2A caller. `principal` is None for an unauthenticated operator call (a gateway without auth),
    which may do everything; otherwise `scopes` say what it may run."""

    def __init__(self, principal: str | None, access_token: AccessToken | None) -> None:
        self.principal = principal
        self.access_token = access_token
        self.scopes: frozenset[str] | None = (
            None if principal is None else frozenset(access_token.scopes if access_token is not None else ())
        )

    @property
    def is_authenticated(self) -> bool:
        return self.principal is not None

    @property
    def user_name(self) -> str:
        return self.principal or ""

    def may(self, scope: str) -> bool:
        return self.scopes is None or grants(self.scopes, scope)


class CallerContextBuilder(DefaultServerCallContextBuilder):
    """a2a-sdk's context builder, with the gateway's principal as the user. It runs inside the request,
    after the MCP SDK's auth middleware has put the verified token where `authenticated_principal` and
    `get_access_token` read it."""

    def build(self, request: Request) -> ServerCallContext:
        context = super().build(request)
        headers = context.state.get("headers") or {}
        context.state["headers"] = {
            k: v for k, v in headers.items() if k.lower() not in ("authorization", "cookie")
        }
        return context

    def build_user(self, request: Request) -> User:
        from mcp.server.auth.middleware.auth_context import get_access_token

        return Caller(authenticated_principal(), get_access_token())


UNIDENTIFIED = Caller("unidentified", None)  # owns nothing, may run nothing


def caller_of(context: ServerCallContext) -> Caller:
    """The context's caller; a context this module did not build (none reaches the store in practice)
    gets a caller that owns and may run nothing, never the operator's full access."""
    user = context.user
    return user if isinstance(user, Caller) else UNIDENTIFIED


def principal_of(context: ServerCallContext) -> str | None:
    return caller_of(context).principal
