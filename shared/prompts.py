"""A server's MCP surface besides tools, implemented once: prompts, argument completions, resources
that re-read what a tool returns, and `logging/setLevel`.

A server describes its prompts and resources in `servers/<name>/prompts.py` with the `Extras` that
`extras(kit)` returns:

    ex = extras(kit)

    @ex.prompt(title="Right-size a namespace", complete={"namespace": namespaces})
    def right_size(namespace: str) -> str: ...

    ex.resource_from_tool("forge://snapshots", "snapshots", title="Snapshots")

What this module does for every server, so no server repeats it:
- `prompts/get` for an unknown prompt, or with a required argument missing, answers JSON-RPC error
  -32602 (invalid params) naming the prompts or arguments there are, and logs no traceback;
- `completion/complete` dispatches to the completer named for that prompt argument or resource
  template variable; a completer returns candidate values (from what the caller could list with a
  read-only tool, so it shows nobody else's ids), filtered here by the typed prefix, at most 100;
- a resource built from a read-only tool calls that tool's own function, so the resource shows
  exactly what the tool would show this caller (ownership included) and fails the way it fails;
- `logging/setLevel` is accepted (clients such as the MCP Inspector send it on connect). The suite
  logs to the server's stderr and sends no log notifications, so the level changes nothing else.
"""

from __future__ import annotations

import inspect
import json
import logging
import uuid
import weakref
from collections.abc import Callable, Iterable
from typing import Any

import anyio.to_thread
import mcp_types as types
from mcp.server.mcpserver.prompts.base import Prompt
from mcp.shared.exceptions import MCPError
from pydantic import BaseModel

from shared.errors import HDRError
from shared.sdk_compat import lowlevel_server, render_prompt
from shared.tools import ToolKit

log = logging.getLogger("hdr.prompts")

Completer = Callable[[str], Iterable[str]]
MAX_COMPLETIONS = 100  # the protocol's cap on values per completion answer

_extras: weakref.WeakKeyDictionary[ToolKit, Extras] = weakref.WeakKeyDictionary()


def extras(kit: ToolKit) -> Extras:
    """The kit's prompts, completions and resources (installed on first use)."""
    if kit not in _extras:
        _extras[kit] = Extras(kit)
    return _extras[kit]


class Extras:
    """Prompts, completions and tool-backed resources of one server."""

    def __init__(self, kit: ToolKit) -> None:
        self.kit = kit
        self._completers: dict[tuple[str, str, str], Completer] = {}
        low = lowlevel_server(kit.mcp)
        low.add_request_handler("prompts/get", types.GetPromptRequestParams, self._get_prompt)
        low.add_request_handler("completion/complete", types.CompleteRequestParams, self._complete)
        low.add_request_handler("logging/setLevel", types.SetLevelRequestParams, self._set_level)

    # -- prompts ----------------------------------------------------------------------------------

    def prompt(
        self, *, title: str, name: str | None = None, complete: dict[str, Completer] | None = None
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Register a prompt; its docstring is the description, its parameters the arguments.
        `complete` maps an argument name to a completer of its values."""

        def register(fn: Callable[..., Any]) -> Callable[..., Any]:
            prompt_name = name or fn.__name__
            unknown = set(complete or {}) - set(inspect.signature(fn).parameters)
            if unknown:
                raise ValueError(
                    f"completers for arguments {sorted(unknown)} that prompt {prompt_name} does not take"
                )
            self.kit.mcp.add_prompt(
                Prompt.from_function(
                    fn, name=prompt_name, title=title, description=inspect.cleandoc(fn.__doc__ or "")
                )
            )
            for arg, completer in (complete or {}).items():
                self._completers[("ref/prompt", prompt_name, arg)] = completer
            return fn

        return register

    async def _get_prompt(self, ctx: Any, params: types.GetPromptRequestParams) -> Any:
        prompts = await self.kit.mcp.list_prompts()
        prompt = next((p for p in prompts if p.name == params.name), None)
        if prompt is None:
            names = sorted(p.name for p in prompts)
            raise MCPError(
                code=types.INVALID_PARAMS,
                message=f"Unknown prompt {params.name[:80]!r}. This server's prompts: {', '.join(names)}.",
            )
        given = params.arguments or {}
        missing = sorted(a.name for a in prompt.arguments or [] if a.required and a.name not in given)
        extra = sorted(set(given) - {a.name for a in prompt.arguments or []})
        if missing or extra:
            accepted = ", ".join(
                f"{a.name}{'' if a.required else ' (optional)'}" for a in prompt.arguments or []
            )
            problem = (
                f"missing required argument(s): {', '.join(missing)}"
                if missing
                else f"unknown argument(s): {', '.join(a[:40] for a in extra)}"
            )
            raise MCPError(
                code=types.INVALID_PARAMS,
                message=f"Prompt {params.name!r}: {problem}. It takes: {accepted or 'no arguments'}.",
            )
        try:
            return await render_prompt(self.kit.mcp, ctx, params)
        except MCPError:
            raise
        except HDRError as exc:
            raise MCPError(code=types.INVALID_PARAMS, message=str(exc)) from None
        except Exception as exc:
            cause = _root_cause(exc)
            if isinstance(cause, HDRError):
                raise MCPError(code=types.INVALID_PARAMS, message=str(cause)) from None
            ref = uuid.uuid4().hex[:12]
            log.error("prompt %s failed (ref %s)", params.name, ref, exc_info=cause)
            raise MCPError(
                code=types.INTERNAL_ERROR, message=f"Prompt {params.name!r} failed (log reference {ref})."
            ) from None

    # -- resources --------------------------------------------------------------------------------

    def resource(
        self, uri: str, *, title: str, description: str, complete: dict[str, Completer] | None = None
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Register a JSON resource at `uri` (a template when it has {variables}, which the function
        takes as keyword arguments). The function returns a pydantic model, a dict or text; an
        `HDRError` it raises reaches the client as error -32602 with its message (no traceback)."""
        variables = [part.split("}")[0] for part in uri.split("{")[1:]]
        for var in complete or {}:
            if var not in variables:
                raise ValueError(f"completer for {var}, which is not a variable of {uri}")

        def register(fn: Callable[..., Any]) -> Callable[..., Any]:
            def read(**values: str) -> str:
                try:
                    result = fn(**values)
                except HDRError as exc:
                    raise MCPError(code=types.INVALID_PARAMS, message=str(exc), data={"uri": uri}) from None
                if isinstance(result, str):
                    return result
                body = result.model_dump(mode="json") if isinstance(result, BaseModel) else result
                return json.dumps(body, indent=1, default=str)

            read.__name__ = fn.__name__
            read.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
                [inspect.Parameter(v, inspect.Parameter.KEYWORD_ONLY, annotation=str) for v in variables]
            )
            read.__annotations__ = dict.fromkeys(variables, str) | {"return": str}
            self.kit.mcp.resource(
                uri,
                name=fn.__name__.replace("_", "-"),
                title=title,
                description=description,
                mime_type="application/json",
            )(read)
            for var, completer in (complete or {}).items():
                self._completers[("ref/resource", uri, var)] = completer
            return fn

        return register

    def resource_from_tool(
        self,
        uri: str,
        tool: str,
        *,
        title: str,
        description: str,
        complete: dict[str, Completer] | None = None,
        **fixed: Any,
    ) -> None:
        """Offer a read-only tool's result at `uri`: the URI's variables (and `fixed`) are its arguments,
        so the resource shows exactly what the tool shows this caller."""
        fn = self.kit.tools[tool]
        annotations = self.kit.annotations.get(tool)
        if annotations is None or not annotations.read_only_hint:
            raise ValueError(f"resource {uri} would call {tool}, which is not read-only")

        def call(**values: str) -> Any:
            return fn(**values, **fixed)

        call.__name__ = tool
        self.resource(uri, title=title, description=description, complete=complete)(call)

    def complete_template(self, uri: str, variable: str, completer: Completer) -> None:
        """A completer for a variable of a resource template registered elsewhere."""
        self._completers[("ref/resource", uri, variable)] = completer

    # -- completions ------------------------------------------------------------------------------

    async def _complete(self, ctx: Any, params: types.CompleteRequestParams) -> types.CompleteResult:
        ref = params.ref
        named = ref.name if isinstance(ref, types.PromptReference) else ref.uri
        key = (ref.type, named, params.argument.name)
        completer = self._completers.get(key)
        if completer is None:  # nothing to suggest (an argument typed freely, or a ref we do not know)
            return types.CompleteResult(completion=types.Completion(values=[]))
        prefix = params.argument.value or ""

        def run() -> list[str]:
            return [v for v in dict.fromkeys(completer(prefix)) if v.lower().startswith(prefix.lower())]

        try:
            values = await anyio.to_thread.run_sync(run)
        except HDRError as exc:
            raise MCPError(code=types.INVALID_PARAMS, message=str(exc)) from None
        except Exception:
            ref_id = uuid.uuid4().hex[:12]
            log.exception("completer for %s failed (ref %s)", key, ref_id)
            raise MCPError(
                code=types.INTERNAL_ERROR,
                message=f"Completing {params.argument.name!r} failed (log reference {ref_id}).",
            ) from None
        return types.CompleteResult(
            completion=types.Completion(
                values=values[:MAX_COMPLETIONS], total=len(values), has_more=len(values) > MAX_COMPLETIONS
            )
        )

    # -- logging ----------------------------------------------------------------------------------

    async def _set_level(self, ctx: Any, params: types.SetLevelRequestParams) -> types.EmptyResult:
        return types.EmptyResult()


def _root_cause(exc: BaseException) -> BaseException:
    """The SDK wraps a prompt function's exception twice (rendering, then get_prompt)."""
    seen = 0
    while exc.__cause__ is not None and seen < 10:
        exc, seen = exc.__cause__, seen + 1
    return exc
