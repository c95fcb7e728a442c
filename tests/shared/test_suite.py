"""shared/suite.py: one service of each kind per Suite, built once even when many threads ask first,
gone with its suite, and each server's real service built through it."""

from __future__ import annotations

import gc
import threading
import weakref
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from shared.config import Config
from shared.store import Store
from shared.suite import Suite

WAIT_S = 10.0  # an upper bound for a thread that never comes, not a timing
HOLD_S = 0.5  # how long a first build lasts: long enough for racing threads to arrive at the cache


class Holder:
    """A service that keeps its suite, as forge's Forge and nexus's Marketplace do."""

    def __init__(self, suite: Suite) -> None:
        self.suite = suite


def _suite(home: Path) -> Suite:
    return Suite(Config.from_env({"HDR_HOME": str(home), "HDR_MEMORY_URL": "http://127.0.0.1:9"}))


def test_one_service_per_suite_and_builder(offline_suite: Suite, tmp_path: Path) -> None:
    other = _suite(tmp_path / "other")
    first = offline_suite.service(Holder)
    assert offline_suite.service(Holder) is first
    assert other.service(Holder) is not first and other.service(Holder).suite is other


def test_concurrent_first_use_builds_once_and_everyone_gets_that_one(offline_suite: Suite) -> None:
    threads = 16
    started = threading.Barrier(threads)
    all_building = threading.Event()  # set only if every thread got into the builder: a broken cache
    built: list[int] = []

    def slow_build(suite: Suite) -> Holder:
        built.append(threading.get_ident())
        if len(built) == threads:
            all_building.set()
        all_building.wait(HOLD_S)  # the first build holds on while the other threads arrive
        return Holder(suite)

    def first_use() -> Holder:
        started.wait(WAIT_S)
        return offline_suite.service(slow_build)

    with ThreadPoolExecutor(threads) as pool:
        got = [f.result(WAIT_S) for f in [pool.submit(first_use) for _ in range(threads)]]
    assert len(built) == 1
    assert all(g is got[0] for g in got)


def test_a_slow_build_does_not_hold_up_another_service(offline_suite: Suite) -> None:
    other_built = threading.Event()

    def slow_build(suite: Suite) -> Holder:
        assert other_built.wait(WAIT_S), "the other service waited for this one's build"
        return Holder(suite)

    def quick_build(suite: Suite) -> Holder:
        return Holder(suite)

    with ThreadPoolExecutor(1) as pool:
        slow = pool.submit(offline_suite.service, slow_build)
        offline_suite.service(quick_build)
        other_built.set()
        assert slow.result(WAIT_S).suite is offline_suite


def test_a_failed_build_is_tried_again_on_next_use(offline_suite: Suite) -> None:
    attempts: list[int] = []

    def flaky(suite: Suite) -> Holder:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("backend not up yet")
        return Holder(suite)

    with pytest.raises(OSError):
        offline_suite.service(flaky)
    assert offline_suite.service(flaky).suite is offline_suite
    assert len(attempts) == 2


def test_a_builder_that_asks_for_itself_is_an_error_not_a_deadlock(offline_suite: Suite) -> None:
    def recursive(suite: Suite) -> Holder:
        return suite.service(recursive)

    with pytest.raises(RuntimeError, match="its own service"):
        offline_suite.service(recursive)


def test_a_dropped_suite_and_its_services_are_freed(tmp_path: Path) -> None:
    suite = _suite(tmp_path)
    service = weakref.ref(suite.service(Holder))  # the service refers back to its suite
    gone = weakref.ref(suite)
    del suite
    gc.collect()
    assert gone() is None and service() is None


def test_each_servers_service_comes_from_the_suite_cache(offline_suite: Suite, tmp_path: Path) -> None:
    from servers.forge.operations import Forge
    from servers.forge.server import forge, kit
    from servers.phantom.service import build_phantom, services

    assert services(offline_suite) is services(offline_suite) is offline_suite.service(build_phantom)
    assert kit.suite is offline_suite
    assert forge() is forge() is offline_suite.service(Forge)
    assert services(_suite(tmp_path / "other")) is not services(offline_suite)


@pytest.mark.parametrize("service", ["store", "audit"])
def test_concurrent_first_use_of_the_suites_own_services_builds_one(
    service: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """functools.cached_property, which these were, takes no lock from Python 3.12 on: 16 threads'
    first use of `suite.store` built up to 16 Stores (engines and pools), all but one then lost."""
    threads = 16
    started = threading.Barrier(threads)
    all_building = threading.Event()  # set only if every thread got into the constructor: no once-only
    built: list[Store] = []

    class SlowStore(Store):  # the real Store, its construction held open while the other threads arrive
        def __init__(self, target: Path | str) -> None:
            built.append(self)
            if len(built) == threads:
                all_building.set()
            all_building.wait(HOLD_S)
            super().__init__(target)

    monkeypatch.setattr("shared.suite.Store", SlowStore)
    suite = _suite(tmp_path)

    def first_use() -> object:
        started.wait(WAIT_S)
        return getattr(suite, service)

    try:
        with ThreadPoolExecutor(threads) as pool:
            got = [f.result(WAIT_S) for f in [pool.submit(first_use) for _ in range(threads)]]
    finally:
        for store in built:
            store.close()
    assert len(built) == 1
    assert all(g is got[0] for g in got)
    assert getattr(suite, service) is got[0]
