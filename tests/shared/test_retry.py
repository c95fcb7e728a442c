"""shared/retry.py: the retry budget follows gRPC's retry throttling (gRFC A6) and stays bounded."""

from __future__ import annotations

import random
import threading

import pytest

from shared.retry import RetryBudget, backoff_delay, destination_of


def test_a_failing_destination_loses_its_retries_and_earns_them_back_by_succeeding() -> None:
    budget = RetryBudget(max_tokens=10, token_ratio=0.1)
    allowed = []
    for _ in range(6):
        budget.failed("a")
        allowed.append(budget.may_retry("a"))
    # gRFC A6: retries are allowed while tokens > max/2: 9, 8, 7, 6 yes; 5 and 4 no.
    assert allowed == [True, True, True, True, False, False]
    for _ in range(10):
        budget.succeeded("a")  # +0.1 each: 4 -> 5.0, still not above half
    assert not budget.may_retry("a")
    budget.succeeded("a")
    assert budget.may_retry("a") and budget.tokens("a") == pytest.approx(5.1)


def test_destinations_are_independent_and_tokens_stay_within_bounds() -> None:
    budget = RetryBudget(max_tokens=4, token_ratio=1)
    for _ in range(20):
        budget.failed("down")
        budget.succeeded("up")
    assert budget.tokens("down") == 0 and budget.tokens("up") == 4
    assert budget.may_retry("up") and not budget.may_retry("down")


def test_the_table_forgets_the_least_recently_used_destination_first() -> None:
    budget = RetryBudget(max_destinations=2)
    budget.failed("x")
    budget.failed("y")
    budget.failed("x")  # x used last
    budget.failed("z")  # evicts y
    assert budget.tokens("x") == budget.max_tokens - 2
    assert budget.tokens("y") == budget.max_tokens  # forgotten: a fresh bucket (and x is now the oldest)
    assert len(budget._buckets) == 2


def test_concurrent_failures_are_all_counted() -> None:
    budget = RetryBudget(max_tokens=100_000)
    threads = [threading.Thread(target=lambda: [budget.failed("d") for _ in range(5000)]) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert budget.tokens("d") == 100_000 - 40_000


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        RetryBudget(max_tokens=0)


def test_destination_is_scheme_host_and_port() -> None:
    assert destination_of("http://Agent.Example:8080/mcp?x=1") == "http://agent.example:8080"
    assert destination_of("http://agent.example:8080/other") == destination_of("HTTP://agent.example:8080/")
    assert destination_of("https://agent.example/mcp") != destination_of("http://agent.example/mcp")
    assert destination_of("http://h:99999/") == "http://h:"  # a bad port does not raise


def test_backoff_is_exponential_with_half_of_it_random() -> None:
    rng = random.Random(7)
    delays = [backoff_delay(1.0, attempt, rng) for attempt in (1, 2, 3) for _ in range(200)]
    for attempt, chunk in zip((1, 2, 3), (delays[:200], delays[200:400], delays[400:]), strict=True):
        ceiling = 2 ** (attempt - 1)
        assert all(ceiling / 2 <= d <= ceiling for d in chunk)
        assert max(chunk) - min(chunk) > ceiling / 4  # jittered, not lock-step
