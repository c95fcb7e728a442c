"""Every benchmark in bench/ still imports against the current code (running them all takes
minutes; `make bench` does that). A refactor that breaks a benchmark fails here first."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.mark.parametrize("script", sorted(p.name for p in BENCH.glob("*.py")))
def test_benchmark_module_loads(script: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", [script])
    namespace = runpy.run_path(str(BENCH / script), run_name="bench_import_check")
    if script != "nexus_discovery_set.py":  # a data module the nexus benchmarks import
        assert callable(namespace.get("main")), f"{script} has no main(); `make bench` runs each as a script"
