"""The services one server process shares with the rest of the suite: configuration, the state
store, the audit log and the vector memory. Each is created on first use, so a server starts
fast and a test can point a fresh `Suite` at its own HDR_HOME."""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

import sqlalchemy as sa

from shared.audit import AuditLog
from shared.config import Config
from shared.errors import HDRError
from shared.store import METADATA, Double, Store, col

if TYPE_CHECKING:  # numpy, httpx and onnxruntime load on first use, not at server start
    from shared.embeddings import Embedder
    from shared.memory import Memory

log = logging.getLogger("hdr")

S = TypeVar("S")


class Suite:
    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config.from_env()
        self._services = _Services()

    def service(self, build: Callable[[Suite], S]) -> S:
        """The one `build(self)` of this suite: built on first use, then the same object for every
        caller and thread (a server's domain service keeps its parsed data between calls). It lives
        on the suite, so it goes when the suite does. `build` is the key: pass the same function
        (or class) each time. A `build` that asks for its own service raises RuntimeError."""
        return self._services.get(self, build)

    # The suite's own services go through the same once-only cache as a server's: functools'
    # cached_property holds no lock from Python 3.12 on, so two threads' first use built two
    # Stores (two engines, two pools) or two Memory clients, one of them lost.

    @property
    def store(self) -> Store:
        return self.service(_store)

    @property
    def audit(self) -> AuditLog:
        return self.service(_audit)

    @property
    def embedder(self) -> Embedder:
        return self.service(_embedder)

    @property
    def memory(self) -> Memory:
        return self.service(_memory)

    def record(
        self,
        text: str,
        kind: str,
        *,
        source: str,
        tool: str,
        tags: list[str] | None = None,
        extra: dict[str, str | int | float | bool] | None = None,
    ) -> str | None:
        """Write a decision or outcome to the shared memory; returns its id, or None when the memory
        is unreachable. Then the entry waits in the store's outbox and is written, with its id, owner
        and time, by the next record that gets through: the decision stands and nothing is lost."""
        from shared.ownership import current_principal, owner_tag

        entry: dict[str, Any] = {
            "text": text,
            "kind": kind,
            "source": source,
            "tool": tool,
            "tags": list(tags or []),
            "extra": dict(extra or {}),
            "owner": owner_tag(current_principal()),
            "created_at": time.time(),
        }
        item_id = uuid.uuid4().hex
        try:
            self.memory.remember(item_id=item_id, **entry)
        except Exception as exc:  # noqa: BLE001 - any failure of the memory must not fail the decision
            log.warning(
                "shared memory unavailable, kept in the outbox: %s",
                exc if isinstance(exc, HDRError) else type(exc).__name__,
            )
            self.store.ensure_schema("memory.outbox", OUTBOX)
            with self.store.transaction() as db:
                db.execute(
                    "INSERT INTO memory_outbox (id, entry, queued_at) VALUES (:id, :entry, :at)",
                    {"id": item_id, "entry": json.dumps(entry), "at": entry["created_at"]},
                )
            return None
        self.flush_memory_outbox()
        return item_id

    def memory_outbox_size(self) -> int:
        self.store.ensure_schema("memory.outbox", OUTBOX)
        return int(self.store.connection().execute("SELECT count(*) FROM memory_outbox").fetchone()[0])

    def flush_memory_outbox(self, limit: int = 500) -> int:
        """Write kept entries to the memory, oldest first; returns how many were written. Safe to run
        in several processes at once: each entry is an upsert by its id, so a double write is one."""
        self.store.ensure_schema("memory.outbox", OUTBOX)
        rows = (
            self.store.connection()
            .execute("SELECT id, entry FROM memory_outbox ORDER BY queued_at LIMIT :n", {"n": limit})
            .fetchall()
        )
        written = 0
        for row in rows:
            try:
                self.memory.remember(item_id=row[0], **json.loads(row[1]))
            except Exception:  # noqa: BLE001 - still down: keep the rest for later
                break
            with self.store.transaction() as db:
                db.execute("DELETE FROM memory_outbox WHERE id=:id", {"id": row[0]})
            written += 1
        return written


class _Services:
    """Per-suite services by their builder. Each builder runs once, under its own lock, so a slow
    first build of one service (tables, core cards) does not hold up another's."""

    def __init__(self) -> None:
        self._built: dict[Callable[..., Any], Any] = {}
        self._locks: dict[Callable[..., Any], threading.Lock] = {}
        self._building: dict[Callable[..., Any], int] = {}
        self._guard = threading.Lock()

    def get(self, suite: Suite, build: Callable[[Suite], S]) -> S:
        if build in self._built:  # the common path: no lock once built
            return cast(S, self._built[build])
        with self._guard:
            lock = self._locks.setdefault(build, threading.Lock())
            if self._building.get(build) == threading.get_ident():
                raise RuntimeError(f"{_name(build)} asked for its own service while building it")
        with lock:
            if build not in self._built:
                self._built[build] = self._build(suite, build)
        return cast(S, self._built[build])

    def _build(self, suite: Suite, build: Callable[[Suite], S]) -> S:
        with self._guard:
            self._building[build] = threading.get_ident()
        try:
            return build(suite)
        finally:
            with self._guard:
                del self._building[build]


def _store(suite: Suite) -> Store:
    suite.config.ensure_home()
    return Store(suite.config.state_url or suite.config.db_path)


def _audit(suite: Suite) -> AuditLog:
    return AuditLog(suite.store, suite.config.home / "audit.key")


def _embedder(suite: Suite) -> Embedder:
    from shared.embeddings import Embedder

    return Embedder(suite.config.model_dir)


def _memory(suite: Suite) -> Memory:
    from shared.memory import Memory

    suite.config.ensure_home()
    return Memory(suite.config, suite.embedder)


def _name(build: Callable[..., Any]) -> str:
    return getattr(build, "__qualname__", repr(build))


memory_outbox = sa.Table(
    "memory_outbox",
    METADATA,
    col("id", sa.Text, primary_key=True),
    col("entry", sa.Text),
    col("queued_at", Double),
    sa.Index("memory_outbox_queued", "queued_at"),
)
OUTBOX = [memory_outbox]


_current: Suite | None = None
_lock = threading.Lock()


def get_suite() -> Suite:
    """The process's suite, built from the environment on first call."""
    global _current
    if _current is None:
        with _lock:
            if _current is None:
                _current = Suite()
    return _current


def set_suite(suite: Suite | None) -> None:
    """Replace the process's suite (tests point it at a temporary HDR_HOME)."""
    global _current
    _current = suite
