"""The official MCP conformance suite (@modelcontextprotocol/conformance, Node 22) against all five
servers behind the real gateway, with the expected failures committed in .ci/conformance-expected.yml:
a scenario that starts failing fails this test, and so does one on that list that starts passing.

.ci/run installs the pinned suite and Node 22 from npm under HDR_CONFORMANCE_PREFIX (default
~/.cache/hdr-empire/conformance); on a laptop without them this test skips (CI: fails)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from gateway_support import offline_gateway
from helpers import need_service

from servers.gateway import GatewaySettings
from servers.registry import SERVER_NAMES

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = ROOT / ".ci" / "conformance-expected.yml"
PREFIX = Path(os.environ.get("HDR_CONFORMANCE_PREFIX", Path.home() / ".cache" / "hdr-empire" / "conformance"))


def _toolchain() -> dict[str, str] | None:
    """PATH with the pinned Node 22 and the conformance CLI first, or None when they are not installed."""
    bin_dir = PREFIX / "node_modules" / ".bin"
    if not (bin_dir / "conformance").exists() or not (bin_dir / "node").exists():
        return None
    version = subprocess.run([str(bin_dir / "node"), "--version"], capture_output=True, text=True).stdout
    if not version.startswith("v22."):
        return None
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    # The suite sends each server's scenarios as one burst from one address; the per-client rate limit
    # (its own tests are in test_gateway_service.py) would answer the later servers 429.
    settings = GatewaySettings(rate_per_second=0)
    with offline_gateway(tmp_path_factory.mktemp("conformance-home"), settings) as base:
        yield base


@pytest.mark.service("conformance")
@pytest.mark.parametrize("name", SERVER_NAMES)
def test_conformance_suite_fails_only_the_expected_scenarios(gateway: str, name: str, tmp_path: Path) -> None:
    env = _toolchain()
    need_service(
        "MCP conformance suite",
        env is not None and shutil.which("conformance", path=env["PATH"]) is not None,
        "run .ci/run, or: npm install --prefix ~/.cache/hdr-empire/conformance "
        "node@22 @modelcontextprotocol/conformance",
    )
    assert env is not None
    run = subprocess.run(
        [
            "conformance",
            "server",
            "--url",
            f"{gateway}/{name}/mcp",
            "--expected-failures",
            str(EXPECTED),
            "-o",
            str(tmp_path),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    summary = run.stdout[run.stdout.find("=== SUMMARY ===") :]
    assert run.returncode == 0, (
        f"{name}: conformance regressions or stale expected failures\n{summary}\n{run.stderr[-2000:]}"
    )
    passed = re.search(r"Total: (\d+) passed", summary)
    assert passed and int(passed.group(1)) >= 11, summary
