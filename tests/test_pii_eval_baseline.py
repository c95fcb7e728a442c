"""bench/phantom_pii_eval.py's `--baseline REV` runs the detector as it was at REV: pii.py AND the phantom
modules it imports at that revision, never REV's pii.py on this tree's pii_fields.py / pii_rows.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from phantom_pii_eval import _load_at  # noqa: E402


def _source_at(rev: str, name: str) -> str:
    command = ["git", "-C", str(ROOT), "show", f"{rev}:servers/phantom/{name}.py"]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def test_baseline_imports_its_own_revision_of_every_phantom_module(tmp_path: Path) -> None:
    module = _load_at("HEAD", "pii", tmp_path)
    fields = sys.modules["pii_baseline_pii_fields"]
    rows = sys.modules["pii_baseline_pii_rows"]
    assert module.field_label.__module__ == "pii_baseline_pii_fields"
    assert module.failing_row.__module__ == "pii_baseline_pii_rows"
    for loaded, name in ((fields, "pii_fields"), (rows, "pii_rows")):
        assert Path(loaded.__file__).parent == tmp_path
        assert Path(loaded.__file__).read_text() == _source_at("HEAD", name)
    assert "from servers.phantom" not in Path(module.__file__).read_text()


def test_baseline_detects_like_the_revision_it_names(tmp_path: Path) -> None:
    module = _load_at("HEAD", "pii", tmp_path)
    text = "Call +44 20 7946 0958 or write to ana@example.org; DOB: 04/07/1981; host 10.20.30.40"
    found = {(f.entity, text[f.start : f.end]) for f in module.detect(text)}
    assert ("EMAIL_ADDRESS", "ana@example.org") in found
    assert ("PHONE_NUMBER", "+44 20 7946 0958") in found
    assert ("IP_ADDRESS", "10.20.30.40") in found
