"""`hdr audit verify` on a mistyped or empty HDR_HOME fails (exit 2) instead of creating it and
reporting an intact log; on a real one it still reports intact (exit 0). Real subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HDR = str(Path(sys.executable).parent / "hdr")


def _verify(home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [HDR, "audit", "verify"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "HDR_HOME": str(home), "HDR_MEMORY_URL": "http://127.0.0.1:9"},
    )


def test_a_mistyped_home_fails_and_is_not_created(tmp_path: Path) -> None:
    typo = tmp_path / "hdr-hoem"
    run = _verify(typo)
    assert run.returncode == 2 and "no audit log to verify" in run.stderr and "HDR_HOME" in run.stderr
    assert "intact" not in run.stdout
    assert not typo.exists()


def test_a_home_with_a_log_is_verified(tmp_path: Path) -> None:
    from shared.config import Config
    from shared.suite import Suite

    home = tmp_path / "home"
    suite = Suite(Config.from_env({"HDR_HOME": str(home)}))
    suite.audit.append("forge", "optimize", "local", {"proposal_id": "p-1"}, "ok", "")
    run = _verify(home)
    assert run.returncode == 0 and "audit log intact: 1 records" in run.stdout, run.stdout + run.stderr
