"""What the dashboard shows, as one JSON document: servers' health, recent audit records and
whether the chain verifies, forge savings, compliance per framework, phantom key ages, nexus
agents and handoffs, memory size. Everything comes from the shared store, the audit log and the
memory server; evidence not published yet shows as empty, never as an error."""

from __future__ import annotations

import threading
import time
from typing import Any

import anyio.to_thread

from shared import evidence
from shared.suite import Suite
from shared.tools import ToolKit

DAY = 86_400.0


class ChainCache:
    """Verifying the audit chain walks every record; do it again only when the head moved."""

    def __init__(self) -> None:
        self._key: tuple[int, str] | None = None
        self._report: dict[str, Any] | None = None
        self._lock = threading.Lock()

    def report(self, suite: Suite, head: tuple[int, str]) -> dict[str, Any]:
        with self._lock:
            if self._key != head or self._report is None:
                r = suite.audit.verify()
                self._report = {
                    "ok": r.ok,
                    "records": r.records,
                    "first_bad_seq": r.first_bad_seq,
                    "reason": r.reason,
                }
                self._key = head
            return dict(self._report)


def memory_url(suite: Suite) -> str | None:
    """The memory server's URL without starting one (the dashboard must not launch Chroma)."""
    if suite.config.memory_url:
        return suite.config.memory_url
    state = suite.memory.local.running()
    return state["url"] if state else None


def memory_reachable(suite: Suite, timeout: float = 1.0) -> tuple[bool, str | None]:
    import httpx

    url = memory_url(suite)
    if url is None:
        return False, None
    try:
        return httpx.get(f"{url}/api/v2/heartbeat", timeout=timeout).status_code == 200, url
    except httpx.HTTPError:
        return False, url


def store_reachable(suite: Suite) -> bool:
    try:
        suite.store.connection().execute("SELECT 1").fetchone()
        return True
    except Exception:  # noqa: BLE001 - reported as not ready
        return False


def _data(suite: Suite, server: str, fact: str) -> tuple[dict[str, Any], float | None]:
    found = evidence.read(suite.store, server, fact) or {}
    return dict(found.get("data") or {}), found.get("published_at")


def _rows(suite: Suite, sql: str, params: dict[str, Any] | None = None) -> list[Any]:
    """Rows from another server's table; none while that server has not created it yet."""
    try:
        return list(suite.store.connection().execute(sql, params).fetchall())
    except Exception as exc:  # noqa: BLE001 - "no such table" until the server's first use
        if "no such table" not in str(exc) and "does not exist" not in str(exc):
            raise
        return []


def _history(suite: Suite) -> dict[str, Any]:
    """What changed over time: forge's applied savings (cumulative, rollbacks subtracted), compliance
    verdicts per framework, handoffs between agents, hardware's recent jobs and satellite plans."""
    events: list[tuple[float, float]] = []
    for r in _rows(suite, "SELECT applied_at, rolled_back_at, monthly_savings FROM forge_changes"):
        events.append((float(r[0]), float(r[2])))
        if r[1] is not None:
            events.append((float(r[1]), -float(r[2])))
    savings, total = [], 0.0
    for ts, delta in sorted(events):
        total += delta
        savings.append([round(ts, 3), round(total, 2)])
    checks: dict[str, list[list[Any]]] = {}
    for r in _rows(
        suite,
        "SELECT checked_at, framework, verdict FROM compliance_results ORDER BY checked_at DESC LIMIT 200",
    ):
        checks.setdefault(str(r[1]), []).insert(0, [round(float(r[0]), 3), str(r[2])])
    flows: dict[tuple[str, str], dict[str, int]] = {}
    for r in _rows(
        suite,
        "SELECT from_agent, to_agent, status, count(*) FROM nexus_handoffs "
        "GROUP BY from_agent, to_agent, status",
    ):
        flows.setdefault((str(r[0])[:64], str(r[1])[:64]), {})[str(r[2])] = int(r[3])
    busiest = sorted(flows.items(), key=lambda flow: -sum(flow[1].values()))[:20]
    handoffs = [{"from": f, "to": t, "total": sum(by.values()), "by_status": by} for (f, t), by in busiest]
    jobs = [
        {
            "id": str(r[0]),
            "state": str(r[1]),
            "progress": float(r[2] or 0),
            "submitted_at": r[3],
            "finished_at": r[4],
        }
        for r in _rows(
            suite,
            "SELECT id, state, progress, submitted_at, finished_at FROM hardware_jobs "
            "ORDER BY submitted_at DESC LIMIT 10",
        )
    ]
    plans = _data(suite, "hardware", "plans")[0].get("recent") or []  # servers/hardware/plans.py
    return {
        "savings": savings[-500:],
        "compliance": checks,
        "handoffs": handoffs,
        "jobs": jobs,
        "plans": plans[:10],
    }


def _snapshot_sync(suite: Suite, chain: ChainCache, audit_limit: int) -> dict[str, Any]:
    now = time.time()
    audit = _audit_part(suite, chain, audit_limit)
    forge = _forge_part(suite)
    compliance = _compliance_part(suite)
    phantom = _phantom_part(suite, now)
    registry, _ = _data(suite, "nexus", "registry")
    nexus = {"agents": int(registry.get("agents", 0)), "open_handoffs": int(registry.get("open_handoffs", 0))}
    memory = _memory_part(suite)
    return {
        "generated_at": now,
        "audit": audit,
        "forge": forge,
        "compliance": compliance,
        "phantom": phantom,
        "nexus": nexus,
        "memory": memory,
        "store": {"reachable": store_reachable(suite)},
        "history": _history(suite),
    }


def _audit_part(suite: Suite, chain: ChainCache, audit_limit: int) -> dict[str, Any]:
    records = suite.audit.records(newest_first=True, limit=audit_limit)
    head = (records[0].seq, records[0].hash) if records else (0, "")
    return {
        "chain": chain.report(suite, head),
        "recent": [
            {
                "seq": r.seq,
                "ts": r.ts,
                "server": r.server,
                "tool": r.tool,
                "caller": r.caller,
                "outcome": r.outcome,
                "detail": r.detail[:200],
            }
            for r in records
        ],
    }


def _forge_part(suite: Suite) -> dict[str, Any]:
    savings, savings_at = _data(suite, "forge", "savings")
    changes, _ = _data(suite, "forge", "changes")
    return {
        "monthly_savings_usd": float(savings.get("monthly_savings_usd", 0.0)),
        "applied_monthly_savings_usd": float(savings.get("applied_monthly_savings_usd", 0.0)),
        "open_proposals": int(savings.get("open_proposals", 0)),
        "changes": int(changes.get("changes", 0)),
        "rollbacks": int(changes.get("rollbacks", 0)),
        "published_at": savings_at,
    }


def _compliance_part(suite: Suite) -> dict[str, Any]:
    latest, _ = _data(suite, "compliance", "latest")
    return {
        "frameworks": {
            name: {
                "verdict": f.get("verdict"),
                "checked_at": f.get("checked_at"),
                "attestation_id": f.get("attestation_id"),
            }
            for name, f in sorted((latest.get("frameworks") or {}).items())
        }
    }


def _phantom_part(suite: Suite, now: float) -> dict[str, Any]:
    keys, _ = _data(suite, "phantom", "keys")
    return {
        "keys": [
            {
                "name": k.get("name"),
                "algorithm": k.get("algorithm"),
                "version": k.get("latest_version"),
                "destroyed": bool(k.get("destroyed")),
                "rotation_age_days": round(
                    (now - float(k.get("rotated_at") or k.get("created_at") or now)) / DAY, 2
                ),
            }
            for k in keys.get("keys") or []
        ]
    }


def _memory_part(suite: Suite) -> dict[str, Any]:
    up, url = memory_reachable(suite)
    memory: dict[str, Any] = {"reachable": up, "entries": None}
    if up:
        try:
            memory["entries"] = suite.memory.count()
        except Exception as exc:  # noqa: BLE001 - shown on the page, not raised
            memory["error"] = type(exc).__name__
    return memory


async def snapshot(
    suite: Suite, kits: dict[str, ToolKit], chain: ChainCache, audit_limit: int = 25, traffic: Any = None
) -> dict[str, Any]:
    servers = {}
    for name, kit in kits.items():
        try:
            tools = await kit.mcp.list_tools()
            servers[name] = {"healthy": True, "tools": len(tools), "endpoint": f"/{name}/mcp"}
        except Exception as exc:  # noqa: BLE001 - an unhealthy server is what the page is for
            servers[name] = {
                "healthy": False,
                "tools": 0,
                "endpoint": f"/{name}/mcp",
                "error": type(exc).__name__,
            }
    data = await anyio.to_thread.run_sync(_snapshot_sync, suite, chain, audit_limit)
    if traffic is not None:  # the gateway's own record of every tool call (servers/gateway/metrics.py)
        data["traffic"] = traffic.series(list(kits))
        data["calls"] = traffic.recent()
    return {"servers": servers, **data}
