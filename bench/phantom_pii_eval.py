"""Precision and recall per entity type: phantom's detector and Presidio's pattern recognisers,
side by side in one run, on the labelled set in bench/phantom_pii_eval.json.

  .venv/bin/python bench/phantom_pii_eval.py [--set specs|multilingual]
      [--split dev|heldout16|heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9|heldout10|heldout11|heldout12|heldout13|heldout14|heldout15|dev5|all] [--template TAG]
      [--baseline REV] [--errors ENTITY]

Sets: `specs` (bench/phantom_pii_eval.json, from bench/phantom_pii_data.py) and `multilingual`
(bench/phantom_pii_multilingual.json, from bench/phantom_pii_multilingual_data.py: nine locales,
realistic documents, labelled hard negatives; its held-out split `heldout16`
(bench/phantom_pii_heldout16_data.py) is documents never tuned on, written without reading or
running the detector, to be scored once, in two halves that `--split heldout16` reports together and
`--template h16k` / `--template h16n` one at a time (`h16k`: the document kinds the earlier batches
used, written fresh; `h16n`: kinds no batch used); `dev` is everything that may be tuned on, including the earlier batches
`heldout`, `heldout2`, ..., `heldout15`, which were evaluated, read and fixed, and which `--split`
still selects by name. heldout4's to heldout15's cases keep their `split` in the JSON so that existing
cases stay byte-identical; `side()` below counts them as dev).
`--baseline REV` adds a column for servers/phantom/pii.py as it was at git revision REV (e.g.
`main`), run in the same process on the same cases.
For a set with labelled hard negatives the run also prints the share of them that got any hit
(any reported span overlapping the negative).

The set is generated from the formats' specifications by bench/phantom_pii_data.py (see there).
A prediction counts as correct when its type is the labelled type and its span overlaps the
labelled span by at least half of their union (IoU >= 0.5); each labelled span is matched once.
Everything else a detector reports is a false positive, including hits on the look-alikes and
near-misses, which carry no label.

Presidio: the predefined PatternRecognizer subclasses (and PhoneRecognizer, which wraps
libphonenumber), each called directly with nlp_artifacts=None, so no spaCy model is needed;
results pass through Presidio's own `remove_duplicates` and its default score threshold (0).
Its context words only raise scores, which does not change what is reported at threshold 0.
Presidio has no date-of-birth entity: its DateRecognizer (DATE_TIME, any date) stands in, so
its DATE_OF_BIRTH precision counts every non-birth date as a false positive. Presidio's
CryptoRecognizer covers Bitcoin only. Install for this bench: `.venv/bin/pip install presidio-analyzer`
(it is not a dependency of the suite); without it the Presidio column is skipped with a message.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from servers.phantom import pii  # noqa: E402

SETS = {
    "specs": Path(__file__).with_name("phantom_pii_eval.json"),
    "multilingual": Path(__file__).with_name("phantom_pii_multilingual.json"),
}
HELDOUT = "heldout16"  # the one split never tuned on; every other case is on the dev side
Span = tuple[str, int, int]
Detector = Callable[[str], list[Span]]

PRESIDIO = {  # our entity: (recogniser class, Presidio's entity name)
    "EMAIL_ADDRESS": ("EmailRecognizer", "EMAIL_ADDRESS"),
    "PHONE_NUMBER": ("PhoneRecognizer", "PHONE_NUMBER"),
    "CREDIT_CARD": ("CreditCardRecognizer", "CREDIT_CARD"),
    "IBAN_CODE": ("IbanRecognizer", "IBAN_CODE"),
    "US_SSN": ("UsSsnRecognizer", "US_SSN"),
    "IP_ADDRESS": ("IpRecognizer", "IP_ADDRESS"),
    "MAC_ADDRESS": ("MacAddressRecognizer", "MAC_ADDRESS"),
    "URL": ("UrlRecognizer", "URL"),
    "DATE_OF_BIRTH": ("DateRecognizer", "DATE_TIME"),
    "CRYPTO": ("CryptoRecognizer", "CRYPTO"),
    "US_NPI": ("UsNpiRecognizer", "US_NPI"),
    "UK_NHS": ("NhsRecognizer", "UK_NHS"),
}


def phantom_detector(module=pii) -> Detector:
    return lambda text: [(f.entity, f.start, f.end) for f in module.detect(text)]


def baseline_detector(rev: str) -> Detector:
    """servers/phantom/pii.py as it was at git revision `rev`, loaded as a module of its own together with
    the phantom modules it imports AS THEY WERE AT `rev` (pii_fields.py, pii_rows.py, ...): loading only
    pii.py would run the old detector on this tree's helper modules, a mix that never existed."""
    import tempfile

    folder = Path(tempfile.mkdtemp())
    return phantom_detector(_load_at(rev, "pii", folder))


_PHANTOM_IMPORT = re.compile(r"^(\s*)from servers\.phantom\.(\w+) import", re.MULTILINE)


def _load_at(rev: str, name: str, folder: Path) -> Any:
    """Module servers/phantom/<name>.py at `rev` as `pii_baseline_<name>` (its phantom imports likewise)."""
    import importlib.util
    import subprocess

    alias = f"pii_baseline_{name}" if name != "pii" else "pii_baseline"
    root = Path(__file__).resolve().parents[1]
    source = subprocess.run(
        ["git", "-C", str(root), "show", f"{rev}:servers/phantom/{name}.py"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for dependency in sorted({m.group(2) for m in _PHANTOM_IMPORT.finditer(source)}):
        _load_at(rev, dependency, folder)
    source = _PHANTOM_IMPORT.sub(lambda m: f"{m.group(1)}from pii_baseline_{m.group(2)} import", source)
    path = folder / f"{alias}.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location(alias, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[alias] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def presidio_detector() -> Detector | str:
    """Presidio's recognisers as one detector, or the reason it cannot run here."""
    try:
        import presidio_analyzer.predefined_recognizers as recognizers
        from presidio_analyzer import EntityRecognizer
    except ImportError as exc:
        return f"presidio-analyzer is not installed ({exc}); `.venv/bin/pip install presidio-analyzer` to compare"
    import tldextract

    # Presidio's e-mail validation asks tldextract, which would fetch the public suffix list over the
    # network on first use; the snapshot bundled with tldextract keeps this run offline.
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    ours = {theirs: mine for mine, (_, theirs) in PRESIDIO.items()}
    built = [(getattr(recognizers, cls)(), theirs) for cls, theirs in PRESIDIO.values()]

    def detect(text: str) -> list[Span]:
        results = []
        for recogniser, entity in built:
            results += recogniser.analyze(text, entities=[entity], nlp_artifacts=None) or []
        return [
            (ours[r.entity_type], r.start, r.end)
            for r in EntityRecognizer.remove_duplicates(results)
            if r.entity_type in ours
        ]

    return detect


def side(case: dict) -> str:
    """`dev` or the held-out split: earlier held-out batches (split heldout4..heldout15 in the JSON) count as dev.
    The specs set keeps its own two splits, `dev` and `heldout`."""
    if case["split"] in ("dev", HELDOUT) or "batch" not in case:
        return case["split"]
    return "dev"


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def score(
    detector: Detector, cases: list[dict]
) -> tuple[dict[str, Counter], list[tuple[str, str, str]], float]:
    """Per-entity tp/fp/fn counts (plus the hard negatives hit, under the key "negatives"), the errors as
    (kind, entity, text), and the seconds taken."""
    counts: dict[str, Counter] = {e: Counter() for e in pii.ENTITIES}
    counts["negatives"] = Counter()
    errors: list[tuple[str, str, str]] = []
    start = time.perf_counter()
    for case in cases:
        gold = [(s["entity"], s["start"], s["end"]) for s in case["spans"]]
        unmatched = list(gold)
        found = detector(case["text"])
        for neg in case.get("negatives", []):
            hits = [f for f in found if f[1] < neg["end"] and neg["start"] < f[2]]
            counts["negatives"]["total"] += 1
            counts["negatives"][neg["kind"]] += 0
            if hits:
                counts["negatives"]["hit"] += 1
                counts["negatives"][neg["kind"]] += 1
                errors.append(
                    (
                        "NEG",
                        hits[0][0],
                        f"{case['text'][neg['start'] : neg['end']]!r} ({neg['kind']}) in {case['text']!r}",
                    )
                )
        for entity, s, e in found:
            hit = next((g for g in unmatched if g[0] == entity and iou((s, e), g[1:]) >= 0.5), None)
            if hit is None:
                counts[entity]["fp"] += 1
                errors.append(("FP", entity, f"{case['text'][s:e]!r} in {case['text']!r}"))
            else:
                unmatched.remove(hit)
                counts[entity]["tp"] += 1
        for entity, s, e in unmatched:
            counts[entity]["fn"] += 1
            errors.append(("FN", entity, f"{case['text'][s:e]!r} in {case['text']!r}"))
    return counts, errors, time.perf_counter() - start


def pr(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=list(SETS), default="specs", dest="dataset")
    parser.add_argument(
        "--split",
        choices=[
            "dev",
            HELDOUT,
            "heldout",
            "heldout2",
            "heldout3",
            "heldout4",
            "heldout5",
            "heldout6",
            "heldout7",
            "heldout8",
            "heldout9",
            "heldout10",
            "heldout11",
            "heldout12",
            "heldout13",
            "heldout14",
            "heldout15",
            "dev5",
            "all",
        ],
        default="all",
        help=f"dev = every case that may be tuned on; heldout/heldout2/.../heldout15 = those earlier "
        f"batches (now on the dev side); {HELDOUT} = the held-out split (score it once)",
    )
    parser.add_argument(
        "--template",
        metavar="TAG",
        help="only cases whose template carries this tag, e.g. h16k or h16n (heldout16's two halves)",
    )
    parser.add_argument("--baseline", metavar="REV", help="add a column for pii.py at this git revision")
    parser.add_argument("--errors", metavar="ENTITY", help="list every error for this entity type (or ALL)")
    args = parser.parse_args()
    cases = [
        c
        for c in json.loads(SETS[args.dataset].read_text())["cases"]
        if args.split in ("all", side(c), c.get("batch"))
        and (not args.template or args.template in c.get("template", "").split("/"))
    ]
    spans = sum(len(c["spans"]) for c in cases)
    print(
        f"{len(cases)} texts ({args.split}), {spans} labelled spans, "
        f"{sum(1 for c in cases if not c['spans'])} texts with look-alikes/near-misses only\n"
    )
    detectors: dict[str, Detector] = {"phantom": phantom_detector()}
    if args.baseline:
        detectors[f"@{args.baseline}"] = baseline_detector(args.baseline)
    presidio = presidio_detector()
    if isinstance(presidio, str):
        print(f"Presidio column skipped: {presidio}\n")
    else:
        detectors["presidio"] = presidio
    results = {name: score(d, cases) for name, d in detectors.items()}
    header = f"{'entity':<14} {'gold':>4}"
    for name in results:
        header += f" | {name + ' P':>11} {'R':>5} {'F1':>5} {'fp':>3} {'fn':>3}"
    print(header)
    print("-" * len(header))
    totals = {name: Counter() for name in results}
    for entity in pii.ENTITIES:
        gold = sum(1 for c in cases for s in c["spans"] if s["entity"] == entity)
        line = f"{entity:<14} {gold:>4}"
        for name, (counts, _, _) in results.items():
            c = counts[entity]
            totals[name].update(c)
            p, r, f = pr(c)
            line += f" | {p:11.3f} {r:5.3f} {f:5.3f} {c['fp']:>3} {c['fn']:>3}"
        print(line)
    line = f"{'micro avg':<14} {spans:>4}"
    for c in totals.values():
        p, r, f = pr(c)
        line += f" | {p:11.3f} {r:5.3f} {f:5.3f} {c['fp']:>3} {c['fn']:>3}"
    print("-" * len(header))
    print(line)
    negatives = sum(len(c.get("negatives", [])) for c in cases)
    if negatives:
        print(
            f"\nhard negatives hit (of {negatives}): "
            + ", ".join(
                f"{name} {counts['negatives']['hit']} ({counts['negatives']['hit'] / negatives:.1%})"
                for name, (counts, _, _) in results.items()
            )
        )
        kinds = sorted(k for k in results["phantom"][0]["negatives"] if k not in ("hit", "total"))
        for name, (counts, _, _) in results.items():
            print(
                f"  {name}: "
                + ", ".join(f"{k} {counts['negatives'][k]}" for k in kinds if counts["negatives"][k])
            )
    print(
        "\n" + ", ".join(f"{name}: {secs * 1e3:.0f} ms for the set" for name, (_, _, secs) in results.items())
    )
    if args.errors:
        for name, (_, errors, _) in results.items():
            print(f"\n{name} errors ({args.errors}):")
            for kind, entity, where in errors:
                if args.errors in ("ALL", entity):
                    print(f"  {kind} {entity}: {where}")


if __name__ == "__main__":
    main()
