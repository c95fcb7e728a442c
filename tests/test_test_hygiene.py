"""Tests share code through helpers modules and fixtures through conftest.py, never by importing
conftest or another test module: with per-directory conftest files, `from conftest import` resolves to
whichever conftest pytest put first on sys.path (a gateway test once got the wrong one in CI)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_test_imports_conftest_or_another_test_module() -> None:
    offenders = {
        f"{path.relative_to(TESTS)}: {module}"
        for path in TESTS.rglob("*.py")
        for module in imported_modules(path)
        if module == "conftest" or module.split(".")[-1].startswith("test_")
    }
    assert offenders == set(), "move the shared code to a helpers module or a fixture: " + ", ".join(
        sorted(offenders)
    )


def test_the_check_sees_both_forms(tmp_path: Path) -> None:
    sample = tmp_path / "test_sample.py"
    sample.write_text("from conftest import x\nimport test_other\n")
    assert imported_modules(sample) == {"conftest", "test_other"}
