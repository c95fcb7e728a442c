"""Runs a skill as an A2A task: the MCP tool behind it is called in-process through the MCP SDK's own
client, so every MCP convention holds unchanged (argument validation, confirmation of destructive
calls, audit under the caller's principal, progress, cancellation).

- A data part `{"skill", "arguments", "confirm"}` runs the tool: the task goes working (with progress
  updates as the tool reports them), then completed with one artifact (the structured result as a
  data part, its text rendering as a text part), or failed with the tool's error text.
- A destructive call without `confirm: true` changes nothing: the tool asks for confirmation
  (elicitation), the question is declined here and the task goes input-required with that question
  and the skill call to send again with `confirm: true` once the person agreed.
- A text-only message is routed with nexus's discovery over the suite's skills and answered with
  input-required naming the skill and the arguments it needs.
- CancelTask cancels the tool call; the tool's `Progress` stops it at its next check.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

import anyio.to_thread
from a2a.helpers import new_data_part, new_task_from_user_message, new_text_part
from a2a.server.agent_execution import AgentExecutor, RequestContext
from a2a.server.events.event_queue_v2 import EventQueue
from a2a.server.tasks import TaskUpdater
from a2a.types import Part, TaskState
from google.protobuf.json_format import MessageToDict
from mcp_types import CallToolResult, ElicitResult, Implementation, TextContent

from servers.a2a.callers import Caller, caller_of
from servers.a2a.skills import Skill, SkillCall, SkillCatalog, requested_call
from shared.errors import HDRError
from shared.suite import Suite

log = logging.getLogger("hdr.a2a")

CLIENT_INFO = Implementation(name="hdr-a2a", version="1.0")
MAX_ROUTE_CANDIDATES = 3


class SkillExecutor(AgentExecutor):
    """The agent behind one A2A endpoint: the skills of `catalog`."""

    def __init__(self, catalog: SkillCatalog, suite: Any) -> None:
        self.catalog = catalog
        self._suite = suite  # a callable returning the Suite (the gateway's, resolved per call)

    @property
    def suite(self) -> Suite:
        return self._suite()

    async def execute(self, context: RequestContext, event_queue: EventQueue) -> None:
        message = context.message
        assert message is not None  # the request handler refuses messages without parts
        task = context.current_task
        if task is None:
            task = new_task_from_user_message(message)
            await event_queue.enqueue_event(task)
        updater = TaskUpdater(event_queue, task.id, task.context_id)
        try:
            await self._execute(context, message, updater)
        except HDRError as exc:
            await updater.failed(self._say(updater, str(exc)))
        except Exception:  # the details stay in the log, as for an MCP tool (shared.tools)
            ref = uuid.uuid4().hex[:12]
            log.exception("internal error in an A2A task (ref %s)", ref)
            await updater.failed(
                self._say(
                    updater,
                    f"Internal error (log reference {ref}). The task did not "
                    "complete; try again, or tell the operator the reference.",
                )
            )

    async def _execute(self, context: RequestContext, message: Any, updater: TaskUpdater) -> None:
        call = requested_call(MessageToDict(message))
        if call is None:
            await self._route(context.get_user_input(), updater)
            return
        skill = await self.catalog.get(call.skill_id)
        caller = caller_of(context.call_context)
        if not caller.may(skill.scope):  # the HTTP guard refuses this first; this holds if it is bypassed
            await updater.reject(self._say(updater, f"Required scope: {skill.scope}. Nothing was run."))
            return
        await updater.start_work(self._say(updater, f"Running {skill.id}."))
        await self._run(skill, call, caller, updater)

    async def cancel(self, context: RequestContext, event_queue: EventQueue) -> None:
        updater = TaskUpdater(event_queue, context.task_id or "", context.context_id or "")
        await updater.cancel(
            self._say(updater, "Cancelled by the client; the tool stopped at its next check.")
        )

    # -- running a tool ---------------------------------------------------------------------------

    async def _run(self, skill: Skill, call: SkillCall, caller: Caller, updater: TaskUpdater) -> None:
        from mcp import Client
        from mcp.server.auth.middleware.auth_context import auth_context_var
        from mcp.server.auth.middleware.bearer_auth import AuthenticatedUser

        asked: list[str] = []

        async def on_elicit(context: Any, params: Any) -> ElicitResult:
            asked.append(str(getattr(params, "message", "")))
            return ElicitResult(action="decline")  # asked again as input-required, never answered here

        async def on_progress(progress: float, total: float | None, message: str | None) -> None:
            of = f"/{total:g}" if total else ""
            await updater.update_status(
                TaskState.TASK_STATE_WORKING,
                self._say(updater, f"{message or 'working'} ({progress:g}{of})"),
                metadata={"progress": progress, "total": total},
            )

        arguments = dict(call.arguments)
        if call.confirm:
            arguments["confirm"] = True
        # The tool sees the caller's verified token, as behind the MCP endpoint: its audit records and
        # ownership checks name the same principal.
        reset = auth_context_var.set(AuthenticatedUser(caller.access_token)) if caller.access_token else None
        try:
            async with Client(
                self.catalog.kits[skill.server].mcp,
                mode="legacy",
                elicitation_callback=on_elicit,
                client_info=CLIENT_INFO,
            ) as client:
                result = await client.call_tool(skill.tool, arguments, progress_callback=on_progress)
        finally:
            if reset is not None:
                auth_context_var.reset(reset)
        await self._finish(skill, call, result, asked, updater)

    async def _finish(
        self, skill: Skill, call: SkillCall, result: CallToolResult, asked: list[str], updater: TaskUpdater
    ) -> None:
        text = "\n".join(c.text for c in result.content if isinstance(c, TextContent))
        if result.is_error and asked and not call.confirm:
            again = {"skill": skill.id, "arguments": call.arguments, "confirm": True}
            await updater.requires_input(
                updater.new_agent_message(
                    [
                        new_text_part(
                            f'{asked[0]} Nothing was changed. Send the same skill call with "confirm": true '
                            "once the person agreed."
                        ),
                        new_data_part(again, "application/json"),
                    ]
                )
            )
            return
        if result.is_error:
            await updater.failed(self._say(updater, text or f"{skill.id} failed."))
            return
        parts: list[Part] = []
        if result.structured_content is not None:
            parts.append(new_data_part(result.structured_content, "application/json"))
        if text:
            parts.append(new_text_part(text, "text/plain"))
        await updater.add_artifact(parts or [new_text_part("(no output)")], name=skill.id, last_chunk=True)
        await updater.complete(self._say(updater, f"{skill.id} finished."))

    # -- routing plain text -----------------------------------------------------------------------

    async def _route(self, text: str, updater: TaskUpdater) -> None:
        skills = await self.catalog.skills()
        ranked = await self._discover(text, set(skills))
        if not ranked:
            listed = ", ".join(sorted(skills)[:12])
            await updater.requires_input(
                self._say(
                    updater,
                    'No skill of this agent matched the request. Send a data part {"skill": "<skill id>", '
                    f'"arguments": {{...}}}} naming one of: {listed}.',
                )
            )
            return
        best = skills[ranked[0]]
        required, optional = best.argument_summary()
        needs = f"required arguments: {', '.join(required)}" if required else "no required arguments"
        if optional:
            needs += f"; optional: {', '.join(optional)}"
        others = f" Other candidates: {', '.join(ranked[1:])}." if len(ranked) > 1 else ""
        await updater.requires_input(
            updater.new_agent_message(
                [
                    new_text_part(
                        f"This fits `{best.id}` ({best.title}): {best.description} Send a data part "
                        f'{{"skill": "{best.id}", "arguments": {{...}}}} with {needs}.{others}'
                    ),
                    new_data_part(
                        {
                            "skill": best.id,
                            "required": [n.split(" ")[0] for n in required],
                            "optional": [n.split(" ")[0] for n in optional],
                            "inputSchema": best.input_schema,
                            "candidates": ranked,
                        },
                        "application/json",
                    ),
                ]
            )
        )

    async def _discover(self, text: str, known: set[str]) -> list[str]:
        """Skill ids of this agent that nexus's discovery ranks for `text`, best first."""
        from servers.nexus.marketplace import marketplace_for

        def search() -> list[str]:
            hits = marketplace_for(self.suite).discover(text, k=10)
            ranked: list[str] = []
            for hit in hits:
                if hit.skill_id in known and hit.skill_id not in ranked:
                    ranked.append(hit.skill_id)
            return ranked[:MAX_ROUTE_CANDIDATES]

        try:
            return await anyio.to_thread.run_sync(search)
        except HDRError as exc:  # a query discovery refuses, or the embedder/store unavailable
            log.info("A2A text routing found no skill: %s", exc.kind)
            return []

    @staticmethod
    def _say(updater: TaskUpdater, text: str) -> Any:
        return updater.new_agent_message([new_text_part(text)])
