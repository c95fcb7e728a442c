"""Evidence the servers publish for each other, through the shared store.

Servers never import each other; when one server's facts matter to another (compliance checks
that phantom's keys were rotated and that forge snapshots before every change; the dashboard
shows forge's savings), the owner publishes a small JSON summary here and readers read it.
Names are `<server>.<fact>`, e.g. `phantom.keys`, `forge.changes`. Never put secrets here."""

from __future__ import annotations

import time
from typing import Any

from shared.store import Store

NAMESPACE = "evidence"


def publish(store: Store, server: str, fact: str, data: dict[str, Any]) -> None:
    store.put(NAMESPACE, f"{server}.{fact}", {"published_at": time.time(), "data": data})


def read(store: Store, server: str, fact: str) -> dict[str, Any] | None:
    """The latest published data and when it was published, or None if never published."""
    return store.get(NAMESPACE, f"{server}.{fact}")


def all_evidence(store: Store) -> dict[str, Any]:
    return dict(store.items(NAMESPACE))
