"""A2A tasks kept in the suite's store (a2a-sdk's `TaskStore` interface, on the shared SQLite database).

A task holds what the caller sent and what the tool returned (plaintext to encrypt, a decrypted
result...), so it is sealed at rest: AES-256-GCM under a key derived from the suite's master key
(shared.kek, purpose "a2a tasks"), bound to the task's endpoint and id as associated data.

Each task belongs to the principal that created it, and to the A2A endpoint it was created at (the
suite's or one server's). Another principal gets "not found" for it, exactly as for an id that does
not exist, unless the configuration grants access (shared.ownership); an unauthenticated operator (a
gateway without auth on loopback) sees every task.
"""

from __future__ import annotations

import anyio.to_thread
import sqlalchemy as sa
from a2a.server.context import ServerCallContext
from a2a.server.tasks.task_store import TaskStore
from a2a.types import ListTasksRequest, ListTasksResponse, Task
from a2a.utils.constants import DEFAULT_LIST_TASKS_PAGE_SIZE
from a2a.utils.errors import InvalidParamsError
from a2a.utils.task import ListTasksCursor, decode_list_tasks_cursor, encode_list_tasks_cursor

from servers.a2a.callers import principal_of
from shared.kek import KeyEncryptionKey
from shared.ownership import OPERATOR, may_access, readable_owners
from shared.store import METADATA, BigInt, Blob, Store, col

a2a_tasks = sa.Table(
    "a2a_tasks",
    METADATA,
    col("id", sa.Text, primary_key=True),
    col("agent", sa.Text),
    col("owner", sa.Text, nullable=True),
    col("context_id", sa.Text),
    col("state", BigInt),
    col("has_ts", BigInt),
    col("updated_ns", BigInt),
    col("task", Blob),
    sa.Index("a2a_tasks_listing", "agent", "owner", "has_ts", "updated_ns", "id"),
)
SCHEMA = [a2a_tasks]


class SuiteTaskStore(TaskStore):
    """Tasks of one A2A endpoint (`agent`: 'suite' or a server name) in the table a2a_tasks."""

    def __init__(self, store: Store, agent: str, kek: KeyEncryptionKey) -> None:
        self.store = store
        self.agent = agent
        self.kek = kek
        store.ensure_schema("a2a_tasks", SCHEMA)

    def _seal(self, task: Task) -> bytes:
        return self.kek.wrap(task.SerializeToString(), f"a2a-task:{self.agent}:{task.id}")

    def _open(self, task_id: str, sealed: bytes) -> Task:
        return Task.FromString(self.kek.unwrap(sealed, f"a2a-task:{self.agent}:{task_id}"))

    async def save(self, task: Task, context: ServerCallContext) -> None:
        await anyio.to_thread.run_sync(self._save, task, principal_of(context))

    def _save(self, task: Task, principal: str | None) -> None:
        has_ts = task.HasField("status") and task.status.HasField("timestamp")
        updated = task.status.timestamp.ToNanoseconds() if has_ts else 0
        with self.store.transaction() as db:
            row = db.execute("SELECT agent, owner FROM a2a_tasks WHERE id=:id", {"id": task.id}).fetchone()
            if row is not None and (row["agent"] != self.agent or not may_access(row["owner"], principal)):
                return  # never overwrite another endpoint's or another principal's task (the SDK reads first)
            if row is None:
                db.execute(
                    "INSERT INTO a2a_tasks VALUES (:id, :agent, :owner, :context, :state, :has_ts, :updated, :task)",
                    {
                        "id": task.id,
                        "agent": self.agent,
                        "owner": principal,
                        "context": task.context_id,
                        "state": int(task.status.state),
                        "has_ts": int(has_ts),
                        "updated": updated,
                        "task": self._seal(task),
                    },
                )
            else:
                db.execute(
                    "UPDATE a2a_tasks SET context_id=:context, state=:state, has_ts=:has_ts, updated_ns=:updated,"
                    " task=:task WHERE id=:id",
                    {
                        "context": task.context_id,
                        "state": int(task.status.state),
                        "has_ts": int(has_ts),
                        "updated": updated,
                        "task": self._seal(task),
                        "id": task.id,
                    },
                )

    async def get(self, task_id: str, context: ServerCallContext) -> Task | None:
        return await anyio.to_thread.run_sync(self._get, task_id, principal_of(context))

    def _get(self, task_id: str, principal: str | None) -> Task | None:
        row = (
            self.store.connection()
            .execute(
                "SELECT owner, task FROM a2a_tasks WHERE id=:id AND agent=:agent",
                {"id": task_id, "agent": self.agent},
            )
            .fetchone()
        )
        if row is None or not may_access(row["owner"], principal):
            return None
        return self._open(task_id, row["task"])

    async def list(self, params: ListTasksRequest, context: ServerCallContext) -> ListTasksResponse:
        return await anyio.to_thread.run_sync(self._list, params, principal_of(context))

    def _list(self, params: ListTasksRequest, principal: str | None) -> ListTasksResponse:
        where, args = ["agent=:agent"], {"agent": self.agent}
        owners = readable_owners(principal)  # None: every owner (the operator, or a "*" grant)
        if owners is not None:
            named = {f"owner_{i}": o for i, o in enumerate(o for o in owners if o != OPERATOR)}
            placeholders = ", ".join(f":{n}" for n in named) or "NULL"
            where.append(f"(owner IN ({placeholders}){' OR owner IS NULL' if OPERATOR in owners else ''})")
            args.update(named)
        if params.context_id:
            where.append("context_id=:context")
            args["context"] = params.context_id
        if params.status:
            where.append("state=:state")
            args["state"] = int(params.status)
        if params.HasField("status_timestamp_after"):
            where.append("has_ts=1 AND updated_ns>=:after")
            args["after"] = params.status_timestamp_after.ToNanoseconds()
        db = self.store.connection()
        total = db.execute(f"SELECT count(*) FROM a2a_tasks WHERE {' AND '.join(where)}", args).fetchone()[0]
        if params.page_token:
            cursor = decode_list_tasks_cursor(params.page_token)
            if cursor is None:
                raise InvalidParamsError(
                    message="Invalid page token: send the nextPageToken of an earlier page."
                )
            where.append("(has_ts, updated_ns, id) < (:c_has, :c_ts, :c_id)")
            has, ts, tid = cursor.sort_key()
            args.update(c_has=int(has), c_ts=ts, c_id=tid)
        size = params.page_size or DEFAULT_LIST_TASKS_PAGE_SIZE
        rows = db.execute(
            f"SELECT has_ts, updated_ns, id, task FROM a2a_tasks WHERE {' AND '.join(where)} "
            "ORDER BY has_ts DESC, updated_ns DESC, id DESC LIMIT :limit",
            {**args, "limit": size + 1},
        ).fetchall()
        more = len(rows) > size
        rows = rows[:size]
        token = None
        if more:
            last = rows[-1]
            token = encode_list_tasks_cursor(
                ListTasksCursor(last["updated_ns"] if last["has_ts"] else None, last["id"])
            )
        return ListTasksResponse(
            tasks=[self._open(r["id"], r["task"]) for r in rows],
            next_page_token=token or "",
            page_size=size,
            total_size=total,
        )

    async def delete(self, task_id: str, context: ServerCallContext) -> None:
        await anyio.to_thread.run_sync(self._delete, task_id, principal_of(context))

    def _delete(self, task_id: str, principal: str | None) -> None:
        with self.store.transaction() as db:
            row = db.execute(
                "SELECT owner FROM a2a_tasks WHERE id=:id AND agent=:agent",
                {"id": task_id, "agent": self.agent},
            ).fetchone()
            if row is not None and may_access(row["owner"], principal):
                db.execute("DELETE FROM a2a_tasks WHERE id=:id", {"id": task_id})
