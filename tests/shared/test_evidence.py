"""shared/evidence.py: what one server publishes, another reads, with when it was published; the latest
publication wins."""

from __future__ import annotations

import time

from shared import evidence
from shared.suite import Suite


def test_published_facts_are_read_back_latest_first_with_their_time(offline_suite: Suite) -> None:
    store = offline_suite.store
    assert evidence.read(store, "phantom", "keys") is None
    before = time.time()
    evidence.publish(store, "phantom", "keys", {"oldest_rotation_days": 12})
    evidence.publish(store, "phantom", "keys", {"oldest_rotation_days": 3})
    evidence.publish(store, "forge", "changes", {"snapshotted": True})
    read = evidence.read(store, "phantom", "keys")
    assert read is not None and read["data"] == {"oldest_rotation_days": 3}
    assert before <= read["published_at"] <= time.time()
    assert set(evidence.all_evidence(store)) == {"phantom.keys", "forge.changes"}
