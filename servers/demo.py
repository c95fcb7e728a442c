"""`hdr demo`: a scripted MCP client touring the five servers on their embedded defaults, and the
example of how a CI pipeline scripts the suite.

    hdr demo                         # in this process, on $HDR_HOME
    hdr demo --url http://127.0.0.1:8000   # through a running gateway (HDR_TOKEN if it needs one)
    python -m servers.demo check deploy/ --framework pss-restricted   # CI: exit 1 on violations

Each step prints one line. A tool a server does not have yet prints "not available yet" and the
tour goes on; a step that fails prints why and the tour goes on; the exit code says whether any
available step failed.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import anyio

from servers.registry import SERVER_NAMES, load

BELL = (
    'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\n'
)


@dataclass
class Tour:
    """The clients to the five servers and what the tour learned on the way."""

    clients: dict[str, Any]
    tools: dict[str, set[str]]
    out: Callable[[str], None] = print
    facts: dict[str, Any] = field(default_factory=dict)
    failed: int = 0

    async def step(
        self, server: str, tool: str, arguments: dict[str, Any], summary: Callable[[dict[str, Any]], str]
    ) -> dict[str, Any] | None:
        label = f"{server}.{tool}"
        if tool not in self.tools.get(server, set()):
            self.out(f"  {label:<28} not available yet")
            return None
        result = await self.clients[server].call_tool(tool, arguments)
        if result.is_error:
            self.failed += 1
            message = " ".join(getattr(c, "text", "") for c in result.content)
            self.out(f"✗ {label:<28} {message[:200]}")
            return None
        data = result.structured_content or {}
        try:
            line = summary(data)
        except (KeyError, TypeError, ValueError):  # a server changed its output; show the call worked
            line = "ok"
        self.out(f"✓ {label:<28} {line}")
        return data


async def tour(tour: Tour) -> None:
    await _forge_steps(tour)
    checked = await _compliance_steps(tour)
    f = tour.facts
    report = (
        f"HDR report: forge proposal {f.get('proposal_id')}; pss-restricted {(checked or {}).get('verdict')}"
    )
    await tour.step(
        "phantom",
        "encrypt",
        {"plaintext": report, "key": "demo-reports"},
        lambda d: f"report sealed as {str(d['ciphertext'])[:24]}…",
    )
    await _nexus_steps(tour, checked)
    await _hardware_steps(tour)


async def _forge_steps(tour: Tour) -> None:
    f = tour.facts
    analysis = await tour.step(
        "forge",
        "analyze",
        {},
        lambda d: (
            f"{d['workloads']} workloads, ${d['monthly_cost_usd']:,.2f}/month, could save "
            f"${d['estimated_monthly_savings_usd']:,.2f}/month (proposal {d['proposal_id']})"
        ),
    )
    if analysis:
        f["proposal_id"] = analysis["proposal_id"]
        await tour.step(
            "forge", "optimize", {"proposal_id": f["proposal_id"], "dry_run": True}, lambda d: d["message"]
        )


async def _compliance_steps(tour: Tour) -> dict[str, Any] | None:
    f = tour.facts
    checked = await tour.step(
        "compliance",
        "check",
        {"target": "cluster", "framework": "pss-restricted"},
        lambda d: (
            f"{d['verdict']}: {d['failed']} of {d['checks_run']} checks failed over {d['objects_checked']} objects"
        ),
    )
    if checked:
        attested = await tour.step(
            "compliance",
            "attest",
            {"result_id": checked["id"]},
            lambda d: f"attestation {d['id']} ({d['verdict']}), signed",
        )
        f["attestation"] = (attested or {}).get("id")
    return checked


async def _nexus_steps(tour: Tour, checked: dict[str, Any] | None) -> None:
    f = tour.facts
    remembered = await tour.step(
        "nexus",
        "remember",
        {
            "text": f"Demo: forge proposal {f.get('proposal_id')}, compliance {(checked or {}).get('verdict')}",
            "kind": "decision",
            "tags": ["demo"],
        },
        lambda d: f"memory entry {d['id'][:12]}",
    )
    found = await tour.step(
        "nexus",
        "discover",
        {"query": "check kubernetes manifests against the pod security standards", "k": 3},
        lambda d: (
            "best: " + ", ".join(f"{h['agent_id']}/{h['skill']} ({h['score']:.2f})" for h in d["hits"][:3])
            if d["hits"]
            else "no agents"
        ),
    )
    if found and found.get("hits"):
        await tour.step(
            "nexus",
            "handoff",
            {
                "to_agent": found["hits"][0]["agent_id"],
                "task": "Fix the pods that fail pss-restricted",
                "memory_refs": [remembered["id"]] if remembered else None,
                "deadline_s": 3600,
            },
            lambda d: f"handoff {d['handoff_id']} to {d['to_agent']} via {d['delivery']}: {d['status']}",
        )


async def _hardware_steps(tour: Tour) -> None:
    await tour.step(
        "hardware",
        "run_circuit",
        {"qasm": BELL, "shots": 256, "seed": 7},
        lambda d: f"Bell pair counts {d['counts']}",
    )
    await tour.step(
        "hardware",
        "handoff_satellite",
        {"latitude": 52.52, "longitude": 13.40, "duration_s": 1800},
        lambda d: f"{d['handoffs']} handoffs in 30 min over Berlin ({d.get('source', 'orbits')})",
    )


async def run(url: str | None = None, token: str | None = None, out: Callable[[str], None] = print) -> int:
    import contextlib

    from mcp import Client

    async with contextlib.AsyncExitStack() as stack:
        clients, tools = {}, {}
        for name in SERVER_NAMES:
            if url is None:
                target: Any = load(name).mcp
            else:
                from mcp.client.streamable_http import streamable_http_client
                from mcp.shared._httpx_utils import create_mcp_http_client

                headers = {"Authorization": f"Bearer {token}"} if token else None
                target = streamable_http_client(
                    f"{url.rstrip('/')}/{name}/mcp", http_client=create_mcp_http_client(headers=headers)
                )
            clients[name] = await stack.enter_async_context(Client(target))
            tools[name] = {t.name for t in (await clients[name].list_tools()).tools}
        out(f"HDR Empire tour ({'gateway ' + url if url else 'in-process'}):")
        t = Tour(clients, tools, out)
        await tour(t)
        out("tour complete" if not t.failed else f"tour complete; {t.failed} step(s) failed")
        return 1 if t.failed else 0


async def check(
    target: str,
    framework: str,
    version: str = "latest",
    url: str | None = None,
    token: str | None = None,
    out: Callable[[str], None] = print,
) -> int:
    """The CI step: check manifests against a framework; exit 0 on pass, 1 on violations, 2 on bad input."""
    from mcp import Client

    if os.path.exists(target):
        target = os.path.abspath(target)
    if url is None:
        server: Any = load("compliance").mcp
    else:
        from mcp.client.streamable_http import streamable_http_client
        from mcp.shared._httpx_utils import create_mcp_http_client

        headers = {"Authorization": f"Bearer {token}"} if token else None
        server = streamable_http_client(
            f"{url.rstrip('/')}/compliance/mcp", http_client=create_mcp_http_client(headers=headers)
        )
    async with Client(server) as client:
        result = await client.call_tool(
            "check", {"target": target, "framework": framework, "version": version, "detail": "full"}
        )
    if result.is_error:
        out("check could not run: " + " ".join(getattr(c, "text", "") for c in result.content))
        return 2
    d = result.structured_content
    out(
        f"{framework} {d['version']}: {d['verdict']} ({d['failed']} of {d['checks_run']} checks failed, "
        f"{d['findings_total']} findings over {d['objects_checked']} objects)"
    )
    for finding in d["findings"][:50]:
        out(
            f"  {finding['severity']:<8} {finding['check']}: {finding['object']} {finding['field']}: "
            f"{finding['message']}"
        )
    return 0 if d["verdict"] == "pass" else 1


def main(args: argparse.Namespace | None = None, argv: Sequence[str] | None = None) -> int:
    import logging

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)  # the servers' chatter stays off the tour
    logging.getLogger().setLevel(logging.WARNING)
    if args is None:
        parser = argparse.ArgumentParser(prog="python -m servers.demo")
        sub = parser.add_subparsers(dest="command")
        c = sub.add_parser("check", help="CI step: check manifests, exit 1 on violations")
        c.add_argument("target", help="manifest file or directory (or YAML text)")
        c.add_argument("--framework", default="pss-restricted")
        c.add_argument("--version", default="latest")
        for p in (parser, c):
            p.add_argument("--url", help="a running gateway (default: in this process)")
        args = parser.parse_args(argv)
    token = os.environ.get("HDR_TOKEN")
    try:
        if getattr(args, "command", None) == "check":
            return anyio.run(lambda: check(args.target, args.framework, args.version, args.url, token))
        return anyio.run(lambda: run(args.url, token))
    except BaseExceptionGroup as group:
        exc: BaseException = group
        while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
            exc = exc.exceptions[0]
        print(
            f"hdr demo: could not reach the suite ({type(exc).__name__}: {str(exc)[:200]})", file=sys.stderr
        )
        return 2


if __name__ == "__main__":
    sys.exit(main())
