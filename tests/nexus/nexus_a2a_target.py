"""A tiny A2A 1.0 agent in its own process for nexus's delivery tests, built only from a2a-sdk's server
components (DefaultRequestHandler, InMemoryTaskStore, the JSON-RPC and agent-card routes). Each message it
receives is recorded (JSONL in argv[2]); then the task it starts works for a moment (3 s when the text says
"slowly") and completes with an artifact, or fails when the text asks it to ("please fail").

    python nexus_a2a_target.py PORT RECORD_FILE
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import uvicorn
from a2a.helpers.proto_helpers import new_task
from a2a.server.agent_execution import AgentExecutor, RequestContext
from a2a.server.events import EventQueue
from a2a.server.request_handlers import DefaultRequestHandler
from a2a.server.routes import create_agent_card_routes, create_jsonrpc_routes
from a2a.server.tasks import InMemoryTaskStore, TaskUpdater
from a2a.types import AgentCapabilities, AgentCard, AgentInterface, AgentSkill, Part, TaskState
from google.protobuf.json_format import MessageToDict
from starlette.applications import Starlette

port, record = int(sys.argv[1]), Path(sys.argv[2])
URL = f"http://127.0.0.1:{port}/a2a"

CARD = AgentCard(
    name="Night Owl",
    description="Watches batch jobs.",
    version="1.0.0",
    supported_interfaces=[AgentInterface(url=URL, protocol_binding="JSONRPC", protocol_version="1.0")],
    capabilities=AgentCapabilities(streaming=False),
    default_input_modes=["text/plain"],
    default_output_modes=["text/plain"],
    skills=[
        AgentSkill(
            id="watch", name="Watch batch jobs", description="Watches nightly batch jobs.", tags=["batch"]
        )
    ],
)


class Watcher(AgentExecutor):
    async def execute(self, context: RequestContext, event_queue: EventQueue) -> None:
        message = context.message
        text = " ".join(p.text for p in message.parts if p.HasField("text"))
        data = [MessageToDict(p.data) for p in message.parts if p.HasField("data")]
        with record.open("a") as f:
            f.write(json.dumps({"message_id": message.message_id, "text": text, "data": data}) + "\n")
        if not context.current_task:
            await event_queue.enqueue_event(
                new_task(
                    context.task_id, context.context_id, TaskState.TASK_STATE_SUBMITTED, history=[message]
                )
            )
        updater = TaskUpdater(event_queue, context.task_id, context.context_id)
        await updater.start_work()
        await asyncio.sleep(3.0 if "slowly" in text else 0.2)
        if "please fail" in text:
            await updater.failed(updater.new_agent_message([Part(text="cannot do that tonight")]))
            return
        await updater.add_artifact([Part(text=f"watched: {text}")], name="report")
        await updater.complete()

    async def cancel(self, context: RequestContext, event_queue: EventQueue) -> None:
        await TaskUpdater(event_queue, context.task_id, context.context_id).cancel()


handler = DefaultRequestHandler(agent_executor=Watcher(), task_store=InMemoryTaskStore(), agent_card=CARD)
app = Starlette(routes=[*create_agent_card_routes(CARD), *create_jsonrpc_routes(handler, "/a2a")])
uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")
