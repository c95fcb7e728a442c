"""The services one server process shares with the rest of the suite: configuration, the state
store, the audit log and the vector memory. Each is created on first use, so a server starts
fast and a test can point a fresh `Suite` at its own HDR_HOME."""

from __future__ import annotations

import logging
import threading
from functools import cached_property
from typing import TYPE_CHECKING

from shared.audit import AuditLog
from shared.config import Config
from shared.errors import HDRError
from shared.store import Store

if TYPE_CHECKING:  # numpy, httpx and onnxruntime load on first use, not at server start
    from shared.embeddings import Embedder
    from shared.memory import Memory

log = logging.getLogger("hdr")


class Suite:
    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config.from_env()

    @cached_property
    def store(self) -> Store:
        self.config.ensure_home()
        return Store(self.config.db_path)

    @cached_property
    def audit(self) -> AuditLog:
        return AuditLog(self.store, self.config.home / "audit.key")

    @cached_property
    def embedder(self) -> Embedder:
        from shared.embeddings import Embedder

        return Embedder(self.config.model_dir)

    @cached_property
    def memory(self) -> Memory:
        from shared.memory import Memory

        self.config.ensure_home()
        return Memory(self.config, self.embedder)

    def record(self, text: str, kind: str, *, source: str, tool: str, tags: list[str] | None = None,
               extra: dict[str, str | int | float | bool] | None = None) -> str | None:
        """Write a decision or outcome to the shared memory; returns its id, or None when the memory
        is unreachable (the decision itself stands, and the failure is logged)."""
        try:
            return self.memory.remember(text, kind, source=source, tool=tool, tags=tags, extra=extra).id
        except HDRError as exc:
            log.warning("could not write to the shared memory: %s", exc)
            return None


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
