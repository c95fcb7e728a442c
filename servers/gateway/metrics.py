"""The gateway's Prometheus metrics: tool calls, errors and latency per server and tool (counted
once, in the gateway's request guard, for every server), rejected requests, and forge's
optimizations, rollbacks and savings read from its published evidence at scrape time."""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from shared import evidence
from shared.suite import Suite

log = logging.getLogger("hdr.gateway.metrics")

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class ForgeEvidenceCollector(Collector):
    """forge.changes / forge.savings as gauges; zeros until forge has published anything."""

    def __init__(self, suite: Callable[[], Suite]) -> None:
        self._suite = suite

    def collect(self) -> Iterator[GaugeMetricFamily]:
        changes: dict = {}
        savings: dict = {}
        try:
            store = self._suite().store
            changes = (evidence.read(store, "forge", "changes") or {}).get("data") or {}
            savings = (evidence.read(store, "forge", "savings") or {}).get("data") or {}
        except Exception as exc:  # noqa: BLE001 - a scrape must not fail because the store is busy
            log.warning("could not read forge evidence: %s", type(exc).__name__)
        yield GaugeMetricFamily(
            "hdr_forge_optimizations",
            "Changes forge has applied to workloads",
            value=float(changes.get("changes", 0)),
        )
        yield GaugeMetricFamily(
            "hdr_forge_rollbacks", "Snapshots forge has rolled back", value=float(changes.get("rollbacks", 0))
        )
        yield GaugeMetricFamily(
            "hdr_forge_saved_usd_per_month",
            "Monthly dollars saved by applied changes",
            value=float(savings.get("applied_monthly_savings_usd", 0.0)),
        )
        yield GaugeMetricFamily(
            "hdr_forge_potential_savings_usd_per_month",
            "Monthly dollars the latest proposal would save",
            value=float(savings.get("monthly_savings_usd", 0.0)),
        )
        yield GaugeMetricFamily(
            "hdr_forge_open_proposals",
            "Proposals not applied yet",
            value=float(savings.get("open_proposals", 0)),
        )


ERROR_OUTCOMES = ("error", "protocol_error", "http_error")


class Traffic:
    """The gateway's recent tool calls, kept in memory for the dashboard: every call (read-only ones
    too) with its server, tool, outcome and latency, and per-server series of calls and errors per
    second and p50/p99 latency over the last minutes. Bounded: at most `keep` calls."""

    def __init__(self, keep: int = 5_000) -> None:
        self._calls: deque[tuple[float, str, str, str, float, str]] = deque(maxlen=keep)
        self._lock = threading.Lock()

    def add(
        self, server: str, tool: str, outcome: str, seconds: float, at: float | None = None, caller: str = ""
    ) -> None:
        with self._lock:
            self._calls.append((time.time() if at is None else at, server, tool, outcome, seconds, caller))

    def recent(self, limit: int = 200) -> list[dict[str, Any]]:
        """The newest calls first."""
        with self._lock:
            newest = list(self._calls)[-limit:]
        return [
            {
                "ts": round(ts, 3),
                "server": server,
                "tool": tool,
                "outcome": outcome,
                "ms": round(seconds * 1000, 1),
                "caller": caller,
            }
            for ts, server, tool, outcome, seconds, caller in reversed(newest)
        ]

    def series(
        self, servers: list[str], window_s: int = 300, step_s: int = 10, now: float | None = None
    ) -> dict[str, Any]:
        """Per server, one point per `step_s` over the last `window_s`: calls/s, errors/s, p50 and p99 ms
        (None where a step had no calls). `start` is the first step's start (Unix time)."""
        now = time.time() if now is None else now
        steps = window_s // step_s
        start = (int(now) // step_s - steps + 1) * step_s
        with self._lock:
            calls = [c for c in self._calls if c[0] >= start]
        grouped: dict[str, list[list[tuple[str, float]]]] = {s: [[] for _ in range(steps)] for s in servers}
        for ts, server, _, outcome, seconds, _caller in calls:
            i = int((ts - start) // step_s)
            if server in grouped and 0 <= i < steps:
                grouped[server][i].append((outcome, seconds))
        out: dict[str, Any] = {"start": start, "step_s": step_s, "servers": {}}
        for server, buckets in grouped.items():
            points: dict[str, list[float | None]] = {
                "calls_per_s": [],
                "errors_per_s": [],
                "p50_ms": [],
                "p99_ms": [],
            }
            for bucket in buckets:
                latencies = sorted(s for _, s in bucket)
                points["calls_per_s"].append(round(len(bucket) / step_s, 3))
                points["errors_per_s"].append(round(sum(o in ERROR_OUTCOMES for o, _ in bucket) / step_s, 3))
                points["p50_ms"].append(_quantile_ms(latencies, 0.50))
                points["p99_ms"].append(_quantile_ms(latencies, 0.99))
            out["servers"][server] = points
        return out


def _quantile_ms(sorted_seconds: list[float], q: float) -> float | None:
    """Nearest-rank quantile (the value a call actually took), in milliseconds."""
    if not sorted_seconds:
        return None
    rank = max(1, -(-len(sorted_seconds) * q // 1))
    return round(sorted_seconds[int(rank) - 1] * 1000, 1)


class GatewayMetrics:
    """One registry per gateway app (tests build several apps in one process)."""

    def __init__(self, suite: Callable[[], Suite]) -> None:
        self.registry = CollectorRegistry()
        self.calls = Counter(
            "hdr_tool_calls",
            "Tool calls through the gateway",
            ["server", "tool", "outcome"],
            registry=self.registry,
        )
        self.errors = Counter(
            "hdr_tool_errors",
            "Tool calls that ended in a tool or protocol error",
            ["server", "tool"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "hdr_tool_call_duration_seconds",
            "Tool call latency seen by the gateway",
            ["server", "tool"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.rejected = Counter(
            "hdr_gateway_rejected_requests",
            "Requests refused before reaching a server",
            ["server", "reason"],
            registry=self.registry,
        )
        self.registry.register(ForgeEvidenceCollector(suite))
        self.traffic = Traffic()

    def tool_call(self, server: str, tool: str, outcome: str, seconds: float, caller: str = "") -> None:
        """Count one call; `caller` (the principal, or `operator`) goes to the dashboard's feed only, never
        into a Prometheus label (one series per token would be unbounded)."""
        self.calls.labels(server, tool, outcome).inc()
        self.traffic.add(server, tool, outcome, seconds, caller=caller)
        if outcome in ERROR_OUTCOMES:
            self.errors.labels(server, tool).inc()
        self.latency.labels(server, tool).observe(seconds)
