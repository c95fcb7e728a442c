"""Helpers for nexus's tests: agent cards written by hand, as an agent would publish them."""

from __future__ import annotations

from typing import Any


def skill(
    id_: str,
    name: str,
    description: str,
    tags: list[str] | None = None,
    examples: list[str] | None = None,
    input_modes: list[str] | None = None,
) -> dict[str, Any]:
    out: dict[str, Any] = {"id": id_, "name": name, "description": description, "tags": tags or ["general"]}
    if examples:
        out["examples"] = examples
    if input_modes:
        out["inputModes"] = input_modes
    return out


def card(
    name: str,
    skills: list[dict[str, Any]],
    *,
    version: str = "1.0.0",
    description: str | None = None,
    metadata: dict[str, Any] | None = None,
    url: str = "https://agents.example/a2a",
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": name,
        "description": description or f"{name}, an agent for tests",
        "url": url,
        "version": version,
        "protocolVersion": "0.3.0",
        "capabilities": {"streaming": False},
        "defaultInputModes": ["text/plain"],
        "defaultOutputModes": ["text/plain"],
        "skills": skills,
    }
    if metadata is not None:
        out["metadata"] = metadata
    return out


KUBE_DOCTOR = card(
    "Kube Doctor",
    [
        skill(
            "memory-limits",
            "Tune container memory limits",
            "Raises or lowers Kubernetes container memory requests and limits from measured usage so "
            "containers stop being OOM killed.",
            ["kubernetes", "memory"],
            ["increase the memory limit of the payments deployment"],
        ),
        skill(
            "crashloop",
            "Diagnose crash loops",
            "Finds why a pod restarts repeatedly (CrashLoopBackOff) from its events and logs.",
            ["kubernetes"],
        ),
    ],
    metadata={"price_usd": 0.02, "latency_ms": 4000},
)

REDACTOR = card(
    "Log Redactor",
    [
        skill(
            "redact-pii",
            "Redact personal data",
            "Masks credit card numbers, emails, phone numbers and other personal data in text and logs.",
            ["privacy", "pii"],
            ["mask the emails in this support ticket"],
            input_modes=["text/plain"],
        ),
    ],
    metadata={"price_usd": 0.001, "latency_ms": 300},
)

TRANSLATOR = card(
    "Polyglot",
    [
        skill(
            "translate",
            "Translate documents",
            "Translates text between English, German, French and Japanese, keeping formatting.",
            ["language"],
            ["put this paragraph into German"],
            input_modes=["application/pdf"],
        ),
    ],
    metadata={"price_usd": 0.01, "latency_ms": 2000},
)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, timeout: float = 30.0) -> bool:
    """True once something accepts TCP connections on 127.0.0.1:`port` (an MCP endpoint's GET
    opens an event stream that never ends, so HTTP polling would hang)."""
    import socket
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.05)
    return False
