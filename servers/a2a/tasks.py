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
from a2a.server.context import ServerCallContext
from a2a.server.tasks.task_store import TaskStore
from a2a.types import ListTasksRequest, ListTasksResponse, Task
from a2a.utils.constants import DEFAULT_LIST_TASKS_PAGE_SIZE
from a2a.utils.errors import InvalidParamsError
from a2a.utils.task import ListTasksCursor, decode_list_tasks_cursor, encode_list_tasks_cursor

from servers.a2a.callers import principal_of
from shared.kek import KeyEncryptionKey
from shared.ownership import OPERATOR, may_access, readable_owners
from shared.store import Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS a2a_tasks (
    id TEXT PRIMARY KEY,
    agent TEXT NOT NULL,
    owner TEXT,
    context_id TEXT NOT NULL,
    state INTEGER NOT NULL,
    has_ts INTEGER NOT NULL,
    updated_ns INTEGER NOT NULL,
    task BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS a2a_tasks_listing ON a2a_tasks(agent, owner, has_ts, updated_ns, id)
"""


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
            row = db.execute("SELECT agent, owner FROM a2a_tasks WHERE id=?", (task.id,)).fetchone()
            if row is not None and (row["agent"] != self.agent or not may_access(row["owner"], principal)):
                return  # never overwrite another endpoint's or another principal's task (the SDK reads first)
            if row is None:
                db.execute(
                    "INSERT INTO a2a_tasks VALUES (?,?,?,?,?,?,?,?)",
                    (
                        task.id,
                        self.agent,
                        principal,
                        task.context_id,
                        int(task.status.state),
                        int(has_ts),
                        updated,
                        self._seal(task),
                    ),
                )
            else:
                db.execute(
                    "UPDATE a2a_tasks SET context_id=?, state=?, has_ts=?, updated_ns=?, task=? WHERE id=?",
                    (
                        task.context_id,
                        int(task.status.state),
                        int(has_ts),
                        updated,
                        self._seal(task),
                        task.id,
                    ),
                )

    async def get(self, task_id: str, context: ServerCallContext) -> Task | None:
        return await anyio.to_thread.run_sync(self._get, task_id, principal_of(context))

    def _get(self, task_id: str, principal: str | None) -> Task | None:
        row = (
            self.store.connection()
            .execute("SELECT owner, task FROM a2a_tasks WHERE id=? AND agent=?", (task_id, self.agent))
            .fetchone()
        )
        if row is None or not may_access(row["owner"], principal):
            return None
        return self._open(task_id, row["task"])

    async def list(self, params: ListTasksRequest, context: ServerCallContext) -> ListTasksResponse:
        return await anyio.to_thread.run_sync(self._list, params, principal_of(context))

    def _list(self, params: ListTasksRequest, principal: str | None) -> ListTasksResponse:
        where, args = ["agent=?"], [self.agent]
        owners = readable_owners(principal)  # None: every owner (the operator, or a "*" grant)
        if owners is not None:
            named = [o for o in owners if o != OPERATOR]
            placeholders = ",".join("?" * len(named)) or "NULL"
            where.append(f"(owner IN ({placeholders}){' OR owner IS NULL' if OPERATOR in owners else ''})")
            args += named
        if params.context_id:
            where.append("context_id=?")
            args.append(params.context_id)
        if params.status:
            where.append("state=?")
            args.append(int(params.status))
        if params.HasField("status_timestamp_after"):
            where.append("has_ts=1 AND updated_ns>=?")
            args.append(params.status_timestamp_after.ToNanoseconds())
        db = self.store.connection()
        total = db.execute(f"SELECT count(*) FROM a2a_tasks WHERE {' AND '.join(where)}", args).fetchone()[0]
        if params.page_token:
            cursor = decode_list_tasks_cursor(params.page_token)
            if cursor is None:
                raise InvalidParamsError(
                    message="Invalid page token: send the nextPageToken of an earlier page."
                )
            where.append("(has_ts, updated_ns, id) < (?, ?, ?)")
            has, ts, tid = cursor.sort_key()
            args += [int(has), ts, tid]
        size = params.page_size or DEFAULT_LIST_TASKS_PAGE_SIZE
        rows = db.execute(
            f"SELECT has_ts, updated_ns, id, task FROM a2a_tasks WHERE {' AND '.join(where)} "
            "ORDER BY has_ts DESC, updated_ns DESC, id DESC LIMIT ?",
            [*args, size + 1],
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
                "SELECT owner FROM a2a_tasks WHERE id=? AND agent=?", (task_id, self.agent)
            ).fetchone()
            if row is not None and may_access(row["owner"], principal):
                db.execute("DELETE FROM a2a_tasks WHERE id=?", (task_id,))
