"""PII detection speed: servers/phantom/pii.py against the same file at a git revision, interleaved in one run.

  .venv/bin/python bench/phantom_pii_speed.py [--baseline main] [--rounds 9]

CPU time (process_time, so other load on a shared machine counts less), median of `rounds` interleaved
runs per text, for three texts: sparse prose (bench/phantom_crypto.py's detect text, ~0.2 MB), every
multilingual dev document, and the costliest texts for their size (200,000 characters each: a CSV of phone
numbers, a markdown table of phone and lot numbers, a batch of HL7 v2 segments with XTN phone components).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from phantom_pii_eval import SETS, baseline_detector, phantom_detector  # noqa: E402


def texts() -> dict[str, list[str]]:
    prose = (
        "The quarterly review covered onboarding, infrastructure costs and the migration plan for the "
        "billing service. Teams agreed to revisit the schedule after the audit. "
    )
    pii_line = "Contact jane.doe@example.com or +44 20 7946 0958 about invoice 4111 1111 1111 1111. "
    cases = json.loads(SETS["multilingual"].read_text())["cases"]
    csv = "\n".join(f"call,{200 + i % 700}-{300 + i % 600}-{1000 + i % 9000}" for i in range(11_000))
    table = "| name | phone | lot |\n|---|---|---|\n" + "\n".join(
        f"| row {i} | 0{20 + i % 70} {7000 + i % 2000} {1000 + i % 9000} | LOT {i:04d}-{i % 999:03d}-{i % 97:02d} |"
        for i in range(5_000)
    )
    hl7 = "\r".join(
        f"PID|{i}||{100000 + i}^^^MRN||Doe^Jo||19{50 + i % 50}0{1 + i % 9}1{i % 9}|F|||||^PRN^PH^^1^512^555{i % 10000:04d}"
        f"|(512)555-{i % 10000:04d}\rPV1|1|O|||||1234567893^Smith^Ann^^^^^^NPI"
        for i in range(1_500)
    )
    return {
        "sparse prose": [(prose * 20 + pii_line) * 60],
        "dev documents": [c["text"] for c in cases if c["split"] == "dev"],
        "phone CSV 200k": [csv[:200_000]],
        "md table 200k": [table[:200_000]],
        "HL7 batch 200k": [hl7[:200_000]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default="main")
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    detectors = {"this tree": phantom_detector(), f"@{args.baseline}": baseline_detector(args.baseline)}
    print(f"{'text':<16} " + " ".join(f"{name:>12}" for name in detectors) + "   ratio")
    for label, docs in texts().items():
        times: dict[str, list[float]] = {name: [] for name in detectors}
        for _ in range(args.rounds):
            for name, detect in detectors.items():
                start = time.process_time()
                for doc in docs:
                    detect(doc)
                times[name].append(time.process_time() - start)
        medians = [statistics.median(t) for t in times.values()]
        cells = " ".join(f"{m * 1e3:10.0f}ms" for m in medians)
        print(f"{label:<16} {cells}   {medians[0] / medians[1]:.2f}")


if __name__ == "__main__":
    main()
