"""`hdr ask` end to end: the real command (a subprocess), the real anthropic SDK and its tool
runner, the real servers (in its process, or over HTTP through a gateway), against a local
stand-in of the Messages API that replays a scripted conversation reacting to real tool results.
The destructive call's confirmation is answered on the command's stdin."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from gateway_support import serve
from helpers import free_port
from messages_standin import MessagesStandIn, last_tool_results, result_text, text, tool_use

from servers.gateway import create_app
from shared import evidence

BIN = Path(sys.executable).parent


def _script() -> list:
    def encrypt(request: dict) -> list:
        names = {t["name"] for t in request["tools"]}
        assert {"phantom__encrypt", "phantom__destroy_key", "compliance__check", "forge__analyze"} <= names
        return [
            text("I'll encrypt the report first."),
            tool_use("phantom__encrypt", {"plaintext": "Q3 board report", "key": "reports"}),
        ]

    def destroy(request: dict) -> list:
        (result,) = last_tool_results(request)
        assert not result.get("is_error") and "phantom:v1:" in result_text(result)
        return [tool_use("phantom__destroy_key", {"key": "reports"})]

    def answer(request: dict) -> list:
        (result,) = last_tool_results(request)
        if result.get("is_error"):
            return [text(f"The report is encrypted; the key was kept ({result_text(result)[:40]}).")]
        return [text("The report is encrypted and its key is destroyed: it can no longer be read.")]

    return [encrypt, destroy, answer]


def _ask(
    question: str, standin: MessagesStandIn, answer: str, *extra: str, env_extra: dict | None = None
) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "ANTHROPIC_API_KEY": "sk-ant-standin-key",
        "ANTHROPIC_BASE_URL": standin.url,
        "HDR_ASK_MODEL": "claude-standin-1",
        **(env_extra or {}),
    }
    return subprocess.run(
        [str(BIN / "hdr"), "ask", question, *extra],
        input=answer,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _key_destroyed(suite) -> bool:
    keys = evidence.read(suite.store, "phantom", "keys")["data"]["keys"]
    return next(k for k in keys if k["name"] == "reports")["destroyed"]


def test_ask_in_process_declined_destructive_call_changes_nothing(suite) -> None:
    standin = MessagesStandIn(_script())
    try:
        out = _ask("Encrypt the Q3 board report, then crypto-shred its key.", standin, "n\n")
    finally:
        standin.close()
    assert not standin.failures, standin.failures
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "· I'll encrypt the report first."
    assert lines[1].startswith('→ phantom.encrypt {"plaintext": "Q3 board report", "key": "reports"}')
    assert lines[2].startswith("  ← {") and "phantom:v1:" in lines[2]
    assert lines[3] == '→ phantom.destroy_key {"key": "reports"}'
    assert "? Destroy key 'reports'? Everything encrypted under it becomes unrecoverable. [y/N]" in out.stdout
    assert "(declined)" in out.stdout
    assert lines[-1].startswith("The report is encrypted; the key was kept")
    assert not _key_destroyed(suite)
    outcomes = [(r.tool, r.outcome) for r in suite.audit.records()]
    assert outcomes == [("encrypt", "ok"), ("destroy_key", "not_confirmed")]
    # the real SDK spoke the real wire format
    sent = standin.headers[0]
    assert "sk-ant-standin-key" in (
        sent.get("x-api-key", ""),
        sent.get("authorization", "").removeprefix("Bearer "),
    )
    assert sent["anthropic-version"]
    assert {r["model"] for r in standin.requests} == {"claude-standin-1"}
    assert "sk-ant-standin-key" not in out.stdout + out.stderr


def test_ask_through_the_gateway_confirmed_destructive_call_runs(suite) -> None:
    standin = MessagesStandIn(_script())
    try:
        with serve(create_app()) as base:
            out = _ask(
                "Encrypt the Q3 board report, then crypto-shred its key.",
                standin,
                "y\n",
                "--url",
                base,
                "--servers",
                "phantom,compliance,forge",
            )
    finally:
        standin.close()
    assert not standin.failures, standin.failures
    assert out.returncode == 0, out.stderr
    assert "(confirmed)" in out.stdout
    assert (
        out.stdout.splitlines()[-1]
        == "The report is encrypted and its key is destroyed: it can no longer be read."
    )
    assert _key_destroyed(suite)
    assert [(r.tool, r.outcome) for r in suite.audit.records()] == [("encrypt", "ok"), ("destroy_key", "ok")]


@pytest.mark.parametrize("problem", ["no_key", "unknown_server", "api_unreachable", "gateway_unreachable"])
def test_ask_says_clearly_what_is_missing(problem: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "ANTHROPIC_API_KEY"}
    env["HDR_HOME"] = str(tmp_path)
    args = [str(BIN / "hdr"), "ask", "what is wasting money?"]
    if problem != "no_key":
        env["ANTHROPIC_API_KEY"] = "sk-ant-x"
        env["ANTHROPIC_BASE_URL"] = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    args += {
        "no_key": [],
        "unknown_server": ["--servers", "forge,warp-drive"],
        "api_unreachable": ["--servers", "compliance"],
        "gateway_unreachable": ["--url", f"http://127.0.0.1:{free_port()}", "--servers", "compliance"],
    }[problem]
    out = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)
    expected = {
        "no_key": (2, "ANTHROPIC_API_KEY is not set"),
        "unknown_server": (2, "unknown server(s) warp-drive"),
        "api_unreachable": (1, "could not reach the Messages API at http://127.0.0.1:"),
        "gateway_unreachable": (1, "could not reach the suite's servers at http://127.0.0.1:"),
    }[problem]
    assert (out.returncode, expected[1] in out.stderr) == (expected[0], True), out.stderr
    assert "Traceback" not in out.stderr and "sk-ant-x" not in out.stderr
