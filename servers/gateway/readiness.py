"""Readiness of one gateway replica: may a load balancer send it requests?

A replica is ready when the state store answers a read and the memory server answers its
heartbeat. Liveness (`/healthz`) is separate: a replica whose database is restarting is alive
(do not restart it) but not ready (send traffic to the others). The answer names what failed in a
few words and never echoes a URL, host or driver message (they may carry credentials)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass

from servers.gateway.status import memory_reachable
from shared.suite import Suite

log = logging.getLogger("hdr.gateway")

PROBE_NAMESPACE = "gateway.readiness"


@dataclass(frozen=True)
class Readiness:
    ready: bool
    store: bool
    memory: bool
    reason: str | None  # what is not ready, in words; None when ready

    def as_json(self) -> dict[str, object]:
        body = asdict(self)
        if self.reason is None:
            del body["reason"]
        return body


def _store_answers(suite: Suite) -> bool:
    """A read through the store's public API, so it exercises whichever backend is configured."""
    try:
        suite.store.get(PROBE_NAMESPACE, "probe")
    except Exception as exc:  # noqa: BLE001 - reported as not ready; the class only, never the message
        log.warning("readiness: the state store did not answer (%s)", type(exc).__name__)
        return False
    return True


def _reason(store: bool, memory: bool) -> str | None:
    missing = [name for name, ok in (("state store", store), ("memory server", memory)) if not ok]
    if not missing:
        return None
    return " and ".join(missing) + (" does" if len(missing) == 1 else " do") + " not answer"


def check(suite: Callable[[], Suite]) -> Readiness:
    """Ask the store and memory once each (the memory heartbeat is bounded to 1 s)."""
    try:
        current = suite()
    except Exception as exc:  # noqa: BLE001 - a store that cannot even open is "not ready"
        log.warning("readiness: the suite could not open its state (%s)", type(exc).__name__)
        return Readiness(False, False, False, "state store does not answer")
    store_ok = _store_answers(current)
    memory_ok, _ = memory_reachable(current)
    return Readiness(store_ok and memory_ok, store_ok, memory_ok, _reason(store_ok, memory_ok))


__all__ = ["Readiness", "check"]
