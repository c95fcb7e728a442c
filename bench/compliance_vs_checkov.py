"""compliance's checks side by side with checkov's on manifests holding common mistakes.

Each file in bench/compliance_common_mistakes/ adds one mistake to a hardened baseline (00-baseline.yaml).
Both tools run over every file; what each reports beyond what it reports for the baseline is what it
found of that mistake. compliance runs pss-restricted (latest), k8s-best-practices and k8s-hardening;
checkov runs its kubernetes framework. checkov is not a dependency of the suite: install it in its own
virtualenv and point CHECKOV at it, e.g.

    python3 -m venv /tmp/checkov && /tmp/checkov/bin/pip install checkov
    CHECKOV=/tmp/checkov/bin/checkov .venv/bin/python bench/compliance_vs_checkov.py

The table in docs/compliance.md ("Side by side with checkov") was made with this script.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from servers.compliance.checking import run_check  # noqa: E402
from shared.errors import BadInput  # noqa: E402

MISTAKES = Path(__file__).resolve().parent / "compliance_common_mistakes"
FRAMEWORKS = ("pss-restricted", "k8s-best-practices", "k8s-hardening")


def ours(suite, path: Path) -> tuple[set[str], str]:
    """Failing check ids over the frameworks, and the worst verdict ("incomplete" shown as such)."""
    found, verdicts = set(), set()
    for framework in FRAMEWORKS:
        try:
            result = run_check(suite, path.read_text(), framework, roots=[])
        except BadInput:  # e.g. no pods for the pod frameworks in an RBAC-only file
            continue
        found |= {f.check for f in result.findings}
        verdicts.add(result.verdict)
    return found, "incomplete" if "incomplete" in verdicts and not found else ("fail" if found else "pass")


def checkov(binary: str, files: list[Path]) -> dict[str, set[str]]:
    """{file name: failed checkov check ids}, each file scanned on its own (checkov's graph checks, such
    as CKV2_K8S_6 for NetworkPolicies, would otherwise see the objects of every file in the folder)."""
    failed: dict[str, set[str]] = {}
    for path in files:
        out = subprocess.run(
            [
                binary,
                "-f",
                str(path),
                "--framework",
                "kubernetes",
                "-o",
                "json",
                "--quiet",
                "--compact",
                "--skip-download",
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
        data = json.loads(out.stdout or "{}")
        for report in data if isinstance(data, list) else [data]:
            for item in (report.get("results") or {}).get("failed_checks", []):
                failed.setdefault(path.name, set()).add(item["check_id"])
    return failed


def main() -> None:
    import logging

    from shared.config import Config
    from shared.suite import Suite

    os.environ.setdefault("HDR_MEMORY_URL", "http://127.0.0.1:9")  # results are not written to memory here
    logging.getLogger("hdr").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as home:
        os.environ["HDR_HOME"] = home
        suite = Suite(Config.from_env())
        files = sorted(MISTAKES.glob("*.yaml"))
        mine = {f.name: ours(suite, f) for f in files}
        binary = os.environ.get("CHECKOV") or shutil.which("checkov")
        theirs = checkov(binary, files) if binary else None
    base_ours = mine["00-baseline.yaml"][0]
    base_theirs = (theirs or {}).get("00-baseline.yaml", set())
    print(
        f"baseline: compliance {sorted(base_ours) or 'nothing'}; checkov {sorted(base_theirs) or 'nothing'}"
    )
    print(f"{'file':40} {'compliance (beyond baseline)':60} checkov (beyond baseline)")
    for f in files[1:]:
        found, verdict = mine[f.name]
        extra = sorted(found - base_ours) or [verdict]
        other = (
            sorted((theirs or {}).get(f.name, set()) - base_theirs) if theirs is not None else ["(not run)"]
        )
        print(f"{f.stem:40} {', '.join(extra):60} {', '.join(other) or '-'}")


if __name__ == "__main__":
    main()
