"""No function in servers/ or shared/ runs past 60 lines, `def` to last line (#19): one you can read
without scrolling. Nested functions count on their own and inside the function that holds them.
Split a long tool function by moving its body into a helper: its signature and docstring are the
tool's schema and description, and stay as they are."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 60


def function_lengths(path: Path, root: Path) -> dict[str, int]:
    """`file:qualified.name` -> lines from `def` to the function's last line."""
    found: dict[str, int] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = f"{prefix}{child.name}"
                if not isinstance(child, ast.ClassDef):
                    key = f"{path.relative_to(root)}:{name}"
                    found[key] = max(found.get(key, 0), (child.end_lineno or child.lineno) - child.lineno + 1)
                visit(child, name + ".")
            else:
                visit(child, prefix)

    visit(ast.parse(path.read_text(), filename=str(path)), "")
    return found


def _too_long_here(root: Path) -> dict[str, int]:
    lengths: dict[str, int] = {}
    for path in sorted(p for d in ("servers", "shared") for p in (root / d).rglob("*.py")):
        lengths |= function_lengths(path, root)
    return {name: n for name, n in lengths.items() if n > MAX_LINES}


def too_long(root: Path) -> dict[str, int]:
    """Measured in a fresh interpreter: CPython 3.11.7's ast module keeps its recursion-depth check in
    state shared by every thread, so a thread an earlier test left running that parses too (or any
    concurrent ast.parse) can make this one fail with "AST constructor recursion depth mismatch"
    (CPython gh-106905); seen in a run after the compliance tests."""
    done = subprocess.run(
        [sys.executable, __file__, str(root)], capture_output=True, text=True, timeout=120, check=True
    )
    return dict(json.loads(done.stdout))


def test_no_function_in_servers_or_shared_is_longer_than_60_lines() -> None:
    assert too_long(ROOT) == {}, f"split these (max {MAX_LINES} lines)"


def test_the_check_sees_a_long_function_and_a_long_method(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_LINES))
    method = "\n".join(f"        y{i} = {i}" for i in range(MAX_LINES))
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "m.py").write_text(
        f"def short():\n    return 1\n\n\n@decorated\ndef long():\n{body}\n\n\n"
        f"class C:\n    def method(self):\n{method}\n"
    )
    assert too_long(tmp_path) == {"shared/m.py:long": 61, "shared/m.py:C.method": 61}


if __name__ == "__main__":
    print(json.dumps(_too_long_here(Path(sys.argv[1]))))
