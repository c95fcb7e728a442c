"""Retries that cannot become a retry storm: a retry budget per destination, and jittered backoff.

A caller that retries every failed attempt multiplies the load on a destination that is failing
because it is overloaded (three attempts per call triple it), and callers that back off by the same
fixed schedule retry in lock-step. The budget is gRPC's retry throttling (gRFC A6): each destination
holds `max_tokens` tokens; a failed attempt takes one, a success gives back `token_ratio`; a retry is
allowed only while more than half the tokens are left. A destination that keeps failing therefore
gets one attempt per call until calls to it succeed again, and a healthy one that fails now and then
is retried as before. The first attempt of a call is never refused.

Destinations are keyed by scheme, host and port; the table is bounded (least recently used
destinations are forgotten first), so URLs chosen by callers cannot grow it without bound.
"""

from __future__ import annotations

import random
import threading
from collections import OrderedDict
from dataclasses import dataclass
from urllib.parse import urlsplit

MAX_TOKENS = 10.0
TOKEN_RATIO = 0.1
MAX_DESTINATIONS = 1024


@dataclass
class _Bucket:
    tokens: float


class RetryBudget:
    """Retry throttling per destination (gRFC A6 semantics), safe to share between threads and tasks."""

    def __init__(
        self,
        max_tokens: float = MAX_TOKENS,
        token_ratio: float = TOKEN_RATIO,
        max_destinations: int = MAX_DESTINATIONS,
    ) -> None:
        if max_tokens <= 0 or token_ratio <= 0 or max_destinations <= 0:
            raise ValueError("max_tokens, token_ratio and max_destinations must be positive")
        self.max_tokens = max_tokens
        self.token_ratio = token_ratio
        self.max_destinations = max_destinations
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()
        self._lock = threading.Lock()

    def _bucket(self, destination: str) -> _Bucket:
        bucket = self._buckets.get(destination)
        if bucket is None:
            bucket = self._buckets[destination] = _Bucket(self.max_tokens)
            while len(self._buckets) > self.max_destinations:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(destination)
        return bucket

    def failed(self, destination: str) -> None:
        """Record a failed attempt (refused, unreachable, timed out)."""
        with self._lock:
            bucket = self._bucket(destination)
            bucket.tokens = max(0.0, bucket.tokens - 1.0)

    def succeeded(self, destination: str) -> None:
        """Record an attempt that reached the destination and got an answer."""
        with self._lock:
            bucket = self._bucket(destination)
            bucket.tokens = min(self.max_tokens, bucket.tokens + self.token_ratio)

    def may_retry(self, destination: str) -> bool:
        """Whether another attempt may be made after a failure: more than half the tokens are left."""
        with self._lock:
            return self._bucket(destination).tokens > self.max_tokens / 2

    def tokens(self, destination: str) -> float:
        with self._lock:
            return self._bucket(destination).tokens


def destination_of(url: str) -> str:
    """The budget's key for a URL: scheme, host and port (path and query left out)."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    return f"{parts.scheme.lower()}://{(parts.hostname or '').lower()}:{port or ''}"


def backoff_delay(base_s: float, attempt: int, rng: random.Random | None = None) -> float:
    """The pause after failed attempt `attempt` (1-based): exponential, with 'equal jitter' (half fixed,
    half random), so callers that failed together do not retry together."""
    ceiling = base_s * 2 ** (attempt - 1)
    return ceiling / 2 + (rng or random).uniform(0, ceiling / 2)
