"""The gateway's Prometheus metrics: tool calls, errors and latency per server and tool (counted
once, in the gateway's request guard, for every server), rejected requests, and forge's
optimizations, rollbacks and savings read from its published evidence at scrape time."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

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
        yield GaugeMetricFamily("hdr_forge_optimizations", "Changes forge has applied to workloads",
                                value=float(changes.get("changes", 0)))
        yield GaugeMetricFamily("hdr_forge_rollbacks", "Snapshots forge has rolled back",
                                value=float(changes.get("rollbacks", 0)))
        yield GaugeMetricFamily("hdr_forge_saved_usd_per_month", "Monthly dollars saved by applied changes",
                                value=float(savings.get("applied_monthly_savings_usd", 0.0)))
        yield GaugeMetricFamily("hdr_forge_potential_savings_usd_per_month",
                                "Monthly dollars the latest proposal would save",
                                value=float(savings.get("monthly_savings_usd", 0.0)))
        yield GaugeMetricFamily("hdr_forge_open_proposals", "Proposals not applied yet",
                                value=float(savings.get("open_proposals", 0)))


class GatewayMetrics:
    """One registry per gateway app (tests build several apps in one process)."""

    def __init__(self, suite: Callable[[], Suite]) -> None:
        self.registry = CollectorRegistry()
        self.calls = Counter("hdr_tool_calls", "Tool calls through the gateway", ["server", "tool", "outcome"],
                             registry=self.registry)
        self.errors = Counter("hdr_tool_errors", "Tool calls that ended in a tool or protocol error",
                              ["server", "tool"], registry=self.registry)
        self.latency = Histogram("hdr_tool_call_duration_seconds", "Tool call latency seen by the gateway",
                                 ["server", "tool"], buckets=LATENCY_BUCKETS, registry=self.registry)
        self.rejected = Counter("hdr_gateway_rejected_requests", "Requests refused before reaching a server",
                                ["server", "reason"], registry=self.registry)
        self.registry.register(ForgeEvidenceCollector(suite))

    def tool_call(self, server: str, tool: str, outcome: str, seconds: float) -> None:
        self.calls.labels(server, tool, outcome).inc()
        if outcome in ("error", "protocol_error", "http_error"):
            self.errors.labels(server, tool).inc()
        self.latency.labels(server, tool).observe(seconds)
