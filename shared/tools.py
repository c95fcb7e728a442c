"""The tool conventions every HDR Empire server follows, implemented once.

A server declares each tool as a plain Python function with typed parameters that returns a
pydantic model, and registers it with `ToolKit.tool(...)`, which:

- sets the title, the LLM-facing description (the docstring) and all four annotations;
- runs synchronous domain code in a worker thread, so a slow call never stalls the server;
- turns `HDRError`s into tool errors that say what was wrong and what to send instead, and any
  other exception into a tool error with a log reference (the traceback stays in the log);
- rewrites argument-validation errors so they name the field and the expected type without
  echoing the rejected value back;
- asks for confirmation before a destructive call, through elicitation (the SDK's
  Resolve/Elicit pattern, which works in both protocol eras) or the `confirm: true` argument
  for clients that cannot answer elicitations; with neither, nothing runs and the error says so;
- appends one audit record for every call of a state-changing tool (ok, refused or failed);
- hands long-running code a `Progress` that reports progress and notices cancellation, and any
  tool its request `Context`: declared keyword-only without a default (`*, progress: Progress`).
"""

from __future__ import annotations

import functools
import inspect
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, TypeVar, get_type_hints

import anyio
import anyio.from_thread
import anyio.to_thread
from mcp.server.elicitation import AcceptedElicitation, ElicitationResult
from mcp.server.mcpserver import Context, Elicit, MCPServer, Resolve
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import ToolAnnotations
from pydantic import BaseModel, Field, ValidationError

from shared.errors import HDRError, Refused
from shared.sdk_compat import keep_json_looking_strings, present_signature
from shared.suite import Suite, get_suite

log = logging.getLogger("hdr.tools")

F = TypeVar("F", bound=Callable[..., Any])


class Confirmation(BaseModel):
    """What a person is asked before a destructive call."""

    confirm: bool = Field(description="Go ahead with this change?")


class Cancelled(HDRError):
    kind = "cancelled"


class Progress:
    """Progress reporting and cancellation for long work running in a worker thread.

    Call `progress(done, total, message)` as work advances; it raises `Cancelled` once the
    client has cancelled the request, so loops stop promptly and leave nothing half-done."""

    def __init__(self, ctx: Context | None, min_interval_s: float = 0.2) -> None:
        self._ctx = ctx
        self._min_interval_s = min_interval_s
        self._last = 0.0
        self.cancelled = threading.Event()

    def __call__(self, done: float, total: float | None = None, message: str | None = None) -> None:
        """Report progress (throttled; the SDK drops it when the caller asked for none)."""
        self.check()
        now = time.monotonic()
        if self._ctx is None or (now - self._last < self._min_interval_s and done != total):
            return
        self._last = now
        try:
            anyio.from_thread.run(functools.partial(self._ctx.report_progress, done, total, message))
        except RuntimeError:  # not in a worker thread (a direct call from a test or an async tool)
            pass

    def check(self) -> None:
        if self.cancelled.is_set():
            raise Cancelled("The request was cancelled; work stopped before it finished.")


INJECTED = (Progress, Context)


def check_injected(fn: Callable[..., Any]) -> None:
    """The kit hands a tool its `Progress` and `Context`; a tool declares each one way, keyword-only
    without a default, after its own parameters: `def run(n: int, *, progress: Progress, ctx: Context)`.
    Then the type is honest (never None) and the declaration reads the same in every server.
    Raises TypeError at registration for any other declaration."""
    hints = get_type_hints(fn, include_extras=True)
    for param in inspect.signature(fn).parameters.values():
        injected = hints.get(param.name)
        if injected not in INJECTED:
            continue
        if param.kind is not inspect.Parameter.KEYWORD_ONLY or param.default is not inspect.Parameter.empty:
            raise TypeError(
                f"{fn.__qualname__}: declare the injected `{param.name}` as keyword-only without a "
                f"default (`*, {param.name}: {injected.__name__}`); the kit always passes it."
            )


def principal_of(token: Any) -> str:
    """The principal an access token stands for, namespaced by how it authenticated so that no
    two ways of authenticating can name the same principal: `static:<name>` for the gateway's
    static tokens, `jwt:<issuer>#<subject>#<client>` for OAuth bearer JWTs (the SDK's own principal
    function also uses client, issuer and subject; two users of one OAuth client stay apart)."""
    claims = getattr(token, "claims", None) or {}
    issuer = str(claims.get("iss") or "")
    if issuer == "hdr-static":
        name = str(token.client_id).removeprefix("static:")
        return f"static:{name}"
    subject = getattr(token, "subject", None) or claims.get("sub") or ""
    return f"jwt:{issuer}#{subject}#{token.client_id}"


def authenticated_principal() -> str | None:
    """The caller's authenticated identity (see `principal_of`), or None when the request carried
    no credentials (stdio, an unauthenticated loopback gateway): the operator.

    Not the SDK's `mcp.server.mcpserver.authenticated_principal`: that one names a principal as a JSON
    (client, issuer, subject) triple, while every stored owner and the operator's grants use
    `static:<name>` / `jwt:<iss>#<sub>#<client>` (tests/shared/test_tools.py pins the difference)."""
    try:
        from mcp.server.auth.middleware.auth_context import get_access_token

        token = get_access_token()
    except Exception:  # pragma: no cover - auth module shape differs
        return None
    return None if token is None else principal_of(token)


def caller_of(ctx: Context | None) -> str:
    """Who is calling: the authenticated principal, else the client's declared name, else 'anonymous'."""
    if ctx is None:
        return "local"
    principal = authenticated_principal()
    if principal is not None:
        return principal
    try:
        headers = ctx.headers or {}
        agent = headers.get("x-hdr-agent")
        if agent:
            return f"agent:{agent[:64]}"
    except Exception:
        pass
    try:
        params = ctx.session.client_params
        if params is not None and params.client_info is not None:
            return f"client:{params.client_info.name[:64]}"
    except Exception:
        pass
    return "anonymous"


def _friendly_validation_message(tool: str, exc: ValidationError, schema: dict[str, Any] | None) -> str:
    """Name each bad field and what it should be, without repeating the rejected value."""
    props = (schema or {}).get("properties", {})
    problems = []
    for err in exc.errors(include_input=False, include_url=False):
        loc = ".".join(str(p) for p in err["loc"]) or "(arguments)"
        if err["type"] == "missing":
            problems.append(f"`{loc}` is required")
        elif err["type"] == "extra_forbidden":
            problems.append(f"`{loc}` is not a parameter of this tool")
        else:
            problems.append(f"`{loc}`: {err['msg']}")
    expected = []
    for name, spec in props.items():
        typ = spec.get("type") or ("|".join(s.get("type", "?") for s in spec.get("anyOf", [])) or "value")
        expected.append(f"{name} ({typ})")
    required = (schema or {}).get("required", [])
    hint = f" Send: {', '.join(expected)}" + (f"; required: {', '.join(required)}." if required else ".")
    return f"Invalid arguments for `{tool}`: " + "; ".join(problems) + "." + (hint if expected else "")


class HDRServer(MCPServer[Any]):
    """MCPServer whose argument-validation errors name the field and the expected type only."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._input_schemas: dict[str, dict[str, Any]] = {}

    def remove_tool(self, name: str) -> None:
        super().remove_tool(name)
        self._input_schemas.pop(name, None)

    async def _input_schema(self, name: str) -> dict[str, Any] | None:
        """The tool's input schema as clients see it (tools/list), cached per tool name."""
        if name not in self._input_schemas:
            self._input_schemas = {t.name: t.input_schema for t in await self.list_tools()}
        return self._input_schemas.get(name)

    async def call_tool(
        self, name: str, arguments: dict[str, Any], context: Context[Any, Any] | None = None
    ) -> Any:
        schema = await self._input_schema(name)
        if schema is not None and isinstance(arguments, dict):
            _refuse_unknown_arguments(name, arguments, set(schema.get("properties", {})))
        try:
            return await super().call_tool(name, arguments, context)
        except ToolError as exc:
            if isinstance(exc.__cause__, ValidationError):
                raise ToolError(_friendly_validation_message(name, exc.__cause__, schema)) from None
            raise


def _refuse_unknown_arguments(name: str, arguments: dict[str, Any], accepted: set[str]) -> None:
    """A misspelt argument silently ignored would run the call on defaults: refuse it instead."""
    unknown = sorted(str(k) for k in arguments if k not in accepted)
    if unknown:
        shown = ", ".join(f"`{u[:40]}`" for u in unknown[:5]) + (" ..." if len(unknown) > 5 else "")
        raise ToolError(
            f"Unknown argument{'s' if len(unknown) > 1 else ''} for `{name}`: {shown}. "
            f"Accepted: {', '.join(sorted(accepted)) or '(none)'}."
        )


class ToolKit:
    """One server's MCP surface: its MCPServer plus the conventions above."""

    def __init__(
        self,
        name: str,
        *,
        title: str,
        description: str,
        instructions: str | None = None,
        version: str = "0.1.0",
        suite: Callable[[], Suite] = get_suite,
    ) -> None:
        self.name = name
        self._suite = suite
        self.mcp = HDRServer(
            name=name,
            title=title,
            description=description,
            instructions=instructions or description,
            version=version,
        )
        self.tools: dict[str, Callable[..., Any]] = {}
        self.annotations: dict[str, ToolAnnotations] = {}  # as registered, by tool name
        self.card_metadata: dict[str, Any] = {}  # extra facts for the server's A2A agent card

    @property
    def suite(self) -> Suite:
        return self._suite()

    def share_request_state_key(self, key: bytes) -> None:
        """Seal 2026-era request state (elicitation rounds) under `key` instead of the SDK's
        per-process key, so replicas behind a load balancer accept each other's rounds."""
        from mcp.server.request_state import RequestStateBoundary, RequestStateSecurity

        chain = self.mcp.middleware
        for i, layer in enumerate(chain):
            if isinstance(layer, RequestStateBoundary):
                chain[i] = RequestStateBoundary(RequestStateSecurity(keys=[key]), default_audience=self.name)

    def tool(
        self,
        *,
        title: str,
        read_only: bool,
        destructive: bool = False,
        idempotent: bool = False,
        open_world: bool = False,
        confirm: Callable[..., str | None] | None = None,
        name: str | None = None,
        examples: list[str] | None = None,
        audit: bool | None = None,
        shared: bool = False,
    ) -> Callable[[F], F]:
        """Register a tool. `confirm` (destructive tools only) receives tool arguments by name and
        returns the question to put to the person, or None when this call needs no confirmation
        (a dry run, say). A read-only tool that reveals something sensitive (detokenize) may ask
        too. `examples` are requests in a user's words that this tool serves; they go into the
        tool's `_meta` and the server's agent card. `audit` defaults to "every call of a tool that
        is not read-only"; set it True for a sensitive read. `shared` marks the tools every server
        has (remember, recall): agent cards list them once, not as each server's own skill."""
        if destructive and read_only:
            raise ValueError("a tool cannot be both read-only and destructive")
        if destructive and confirm is None:
            raise ValueError("a destructive tool needs a `confirm` question")
        audited = (not read_only) if audit is None else audit
        annotations = ToolAnnotations(
            title=title,
            read_only_hint=read_only,
            destructive_hint=destructive,
            idempotent_hint=idempotent,
            open_world_hint=open_world,
        )
        meta = {k: v for k, v in (("examples", list(examples or [])), ("hdr/shared", shared)) if v}

        def register(fn: F) -> F:
            tool_name = name or fn.__name__
            check_injected(fn)
            self.mcp.add_tool(
                self._wrap(fn, tool_name, audited=audited, confirm=confirm),
                name=tool_name,
                title=title,
                description=_description(fn, confirm, destructive),
                structured_output=True,
                meta=meta or None,
                annotations=annotations,
            )
            keep_json_looking_strings(self.mcp, tool_name)
            self.tools[tool_name] = fn
            self.annotations[tool_name] = annotations
            return fn

        return register

    # -- the wrapper ----------------------------------------------------------------------------

    def _wrap(
        self,
        fn: Callable[..., Any],
        tool_name: str,
        *,
        audited: bool,
        confirm: Callable[..., str | None] | None,
    ) -> Callable[..., Any]:
        """The function the SDK registers: `fn`'s own parameters (less the injected Context and
        Progress) plus `confirm` and the kit's injected ones; calls run through a `_ToolRunner`."""
        hints = get_type_hints(fn, include_extras=True)
        ctx_param = next((p for p, h in hints.items() if h is Context), None)
        progress_param = next((p for p, h in hints.items() if h is Progress), None)
        params = [
            p.replace(annotation=hints.get(p.name, p.annotation))
            for p in inspect.signature(fn).parameters.values()
            if p.name not in (ctx_param, progress_param)
        ]
        arg_names = [p.name for p in params]
        params += _kit_params(confirm, tool_name, arg_names)
        runner = _ToolRunner(
            kit=self,
            fn=fn,
            tool_name=tool_name,
            audited=audited,
            ctx_param=ctx_param,
            progress_param=progress_param,
            fn_takes_confirm="confirm" in arg_names,
        )

        async def wrapper(**kwargs: Any) -> Any:
            return await runner(kwargs)

        wrapper.__name__ = fn.__name__
        wrapper.__qualname__ = fn.__qualname__
        wrapper.__module__ = fn.__module__
        wrapper.__doc__ = fn.__doc__
        present_signature(wrapper, _ordered(params), hints.get("return"))
        return wrapper


def _description(fn: Callable[..., Any], confirm: Callable[..., Any] | None, destructive: bool) -> str:
    """The LLM-facing description: the docstring, plus how confirmation works when it is asked for."""
    description = inspect.cleandoc(fn.__doc__ or "")
    if confirm is not None:
        description += (
            f"\n\n{'Destructive' if destructive else 'Sensitive'}: asks the person to "
            "confirm (elicitation); clients that cannot ask should pass `confirm: true` only "
            "after the person agreed."
        )
    return description


def _kit_params(
    confirm: Callable[..., str | None] | None, tool_name: str, arg_names: list[str]
) -> list[inspect.Parameter]:
    """The parameters the kit adds: `confirm` (unless the tool has one), the injected Context and,
    for a tool that asks, the confirmation resolved before the call."""
    added: list[inspect.Parameter] = []
    if confirm is not None and "confirm" not in arg_names:
        added.append(inspect.Parameter("confirm", KW, default=False, annotation=_CONFIRM_ARGUMENT))
    added.append(inspect.Parameter("hdr_ctx", KW, annotation=Context))
    if confirm is not None:
        resolver = _confirmation_resolver(confirm, tool_name, set(arg_names) | {"confirm"})
        added.append(
            inspect.Parameter(
                "hdr_confirmation",
                KW,
                annotation=Annotated[ElicitationResult[Confirmation], Resolve(resolver)],
            )
        )
    return added


KW = inspect.Parameter.KEYWORD_ONLY
_CONFIRM_ARGUMENT = Annotated[
    bool,
    Field(
        description="Set true only after the person agreed to this change (for clients that cannot ask them)."
    ),
]


@dataclass(frozen=True)
class _CallAudit:
    """The audit record of one call: written once the outcome is known, if the tool is audited."""

    kit: ToolKit
    tool_name: str
    suite: Suite
    caller: str
    arguments: dict[str, Any]
    enabled: bool

    def __call__(self, result: str, detail: str = "") -> None:
        if not self.enabled:
            return
        try:
            self.suite.audit.append(
                self.kit.name, self.tool_name, self.caller, _jsonable(self.arguments), result, detail
            )
        except Exception:  # the audit store failing must not hide the tool's own outcome
            log.exception("audit append failed for %s.%s", self.kit.name, self.tool_name)


@dataclass(frozen=True)
class _ToolRunner:
    """Runs one call of a registered tool: confirmation, injection, worker thread, errors, audit."""

    kit: ToolKit
    fn: Callable[..., Any]
    tool_name: str
    audited: bool
    ctx_param: str | None
    progress_param: str | None
    fn_takes_confirm: bool

    async def __call__(self, kwargs: dict[str, Any]) -> Any:
        ctx: Context[Any, Any] = kwargs.pop("hdr_ctx")
        outcome = kwargs.pop("hdr_confirmation", None)
        args_for_audit = {k: v for k, v in kwargs.items() if k != "confirm"}
        if not self.fn_takes_confirm:
            kwargs.pop("confirm", None)
        audit = _CallAudit(
            self.kit, self.tool_name, self.kit.suite, caller_of(ctx), args_for_audit, self.audited
        )
        if outcome is not None and not (isinstance(outcome, AcceptedElicitation) and outcome.data.confirm):
            refusal = _refusal(outcome)
            audit("not_confirmed", refusal.message.split(":")[0].lower())
            raise ToolError(str(refusal))
        progress = Progress(ctx)
        if self.ctx_param:
            kwargs[self.ctx_param] = ctx
        if self.progress_param:
            kwargs[self.progress_param] = progress
        try:
            result = await self._invoke(kwargs, progress)
        except HDRError as exc:
            audit(exc.kind, exc.message)
            raise ToolError(str(exc)) from None
        except ToolError:
            audit("error")
            raise
        except Exception:
            raise self._internal_error(audit) from None
        audit("ok")
        return result

    async def _invoke(self, kwargs: dict[str, Any], progress: Progress) -> Any:
        """Await an async tool; run a sync one in a worker thread, flagging `progress` on cancel."""
        if inspect.iscoroutinefunction(self.fn):
            return await self.fn(**kwargs)
        try:
            return await anyio.to_thread.run_sync(
                functools.partial(self.fn, **kwargs), abandon_on_cancel=True
            )
        except anyio.get_cancelled_exc_class():
            progress.cancelled.set()
            raise

    def _internal_error(self, audit: _CallAudit) -> ToolError:
        """Log the traceback under a reference; the caller gets only the reference."""
        ref = uuid.uuid4().hex[:12]
        log.exception("internal error in %s.%s (ref %s)", self.kit.name, self.tool_name, ref)
        audit("internal_error", f"ref {ref}")
        return ToolError(
            f"Internal error in `{self.tool_name}` (log reference {ref}). The call did not "
            "complete; check the server's log, or try again with different input."
        )


def _ordered(params: list[inspect.Parameter]) -> list[inspect.Parameter]:
    """Keyword-only everything, so parameter order never trips the signature checks."""
    return [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in params]


def _jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def _confirmation_resolver(
    question: Callable[..., str | None], tool_name: str, tool_args: set[str]
) -> Callable[..., Any]:
    """Build the resolver that decides whether this call may go ahead.

    It receives `confirm` and whichever tool arguments `question` names. `confirm: true`, or a
    call that needs no confirmation (question returns None), goes ahead; otherwise a client that
    can answer elicitations is asked; otherwise the call is refused with how to confirm."""
    wanted = [n for n in inspect.signature(question).parameters if n in tool_args]

    def resolver(ctx: Context, **kwargs: Any) -> Any:
        if kwargs.get("confirm") is True:
            return Confirmation(confirm=True)
        message = question(**{n: kwargs[n] for n in wanted if n in kwargs})
        if message is None:
            return Confirmation(confirm=True)
        unasked = _why_not_asked(ctx)
        if unasked is None:
            return Elicit(message, Confirmation)
        return unasked

    names = sorted(set(wanted) | {"confirm"})
    present_signature(
        resolver,
        [inspect.Parameter("ctx", KW, annotation=Context)] + [inspect.Parameter(n, KW) for n in names],
        inspect.Signature.empty,
    )
    resolver.__qualname__ = f"confirm_{tool_name}"
    resolver.__name__ = f"confirm_{tool_name}"
    return resolver


class _NotAsked(Confirmation):
    """The resolver's answer when nobody could be asked; the refusal says why and what to do."""

    refusal: ClassVar[Refused]


class _ClientCannotAsk(_NotAsked):
    refusal = Refused(
        "Not confirmed: this client declared no elicitation, so the person was not asked; "
        "nothing was changed.",
        "Ask the person, and once they agree call again with `confirm: true`.",
    )


class _TransportCannotAsk(_NotAsked):
    refusal = Refused(
        "Not confirmed: over stateless streamable HTTP in protocol 2025-11-25 the server cannot "
        "ask the person during a call (their answer would have no connection to come back on), "
        "so nothing was changed.",
        "Ask the person yourself and, once they agree, call again with `confirm: true`; or "
        "connect with protocol 2026-07-28, where the server asks.",
    )


def _refusal(outcome: Any) -> Refused:
    """Why a confirmation-guarded call did not run, and what to send instead."""
    data = getattr(outcome, "data", None)
    if isinstance(data, _NotAsked):
        return data.refusal
    if getattr(outcome, "action", "accept") == "decline":
        return Refused(
            "Declined: nothing was changed.",
            "Call again with `confirm: true` only if the person changes their mind.",
        )
    return Refused(
        "Not confirmed: nothing was changed.",
        "Call again and confirm when asked, or with `confirm: true` once the person has agreed.",
    )


def _why_not_asked(ctx: Context) -> _NotAsked | None:
    """None when this client can be asked now (elicitation, form mode); otherwise why not. Over
    stateless HTTP in the 2025-11-25 era the transport cannot carry the question's answer back (and
    the server never saw the client's capabilities), so that is checked first."""
    from mcp_types.version import is_version_at_least

    version = ctx.protocol_version
    modern = version is not None and is_version_at_least(version, "2026-07-28")
    if not modern:
        try:
            can_send = bool(ctx.session.can_send_request)
        except Exception:
            can_send = False
        if not can_send:
            return _TransportCannotAsk(confirm=False)
    caps = ctx.client_capabilities
    if caps is None or caps.elicitation is None:
        return _ClientCannotAsk(confirm=False)
    if caps.elicitation.form is None and caps.elicitation.url is not None:
        return _ClientCannotAsk(confirm=False)
    return None
