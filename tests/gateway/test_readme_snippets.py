"""Every Python snippet in README.md and docs/*.md runs as written (FastAPI's habit), against the
real gateway; the only change is the gateway's URL (a free port instead of 8000)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from gateway_support import offline_gateway

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SNIPPETS = [
    (doc.name, i, code)
    for doc in DOCS
    for i, code in enumerate(re.findall(r"```python\n(.*?)```", doc.read_text(), re.S))
    if "127.0.0.1:8000" in code
]


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with offline_gateway(tmp_path_factory.mktemp("readme-home")) as base:
        yield base


def test_the_readme_has_a_client_snippet() -> None:
    assert any(doc == "README.md" for doc, _, _ in SNIPPETS)


@pytest.mark.parametrize(("doc", "index", "code"), SNIPPETS, ids=[f"{d}#{i}" for d, i, _ in SNIPPETS])
def test_snippet_runs_as_written(gateway: str, doc: str, index: int, code: str) -> None:
    run = subprocess.run(
        [sys.executable, "-c", code.replace("http://127.0.0.1:8000", gateway)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, f"{doc} snippet {index} failed:\n{run.stderr[-3000:]}"
    assert run.stdout.strip(), "the snippet printed nothing"
