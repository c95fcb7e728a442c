"""What the tests of the PII evaluation set's batches share: where the set lives, the pinned digest of
every scored batch (one list, so a new batch cannot leave an older test pinning fewer), and loading a
bench module by path."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from types import ModuleType

import phonenumbers

BENCH = Path(__file__).resolve().parent.parent / "bench"
SET = BENCH / "phantom_pii_multilingual.json"
REGIONS = {"en-US": "US", "en-GB": "GB", "en-IN": "IN", "fr-FR": "FR", "de-DE": "DE", "it-IT": "IT"}
REGIONS |= {"es-ES": "ES", "nl-NL": "NL", "pt-BR": "BR"}

# sha256 over each held-out batch's cases as committed (json.dumps(cases, ensure_ascii=False,
# sort_keys=True)): a batch that was scored must never change, or its figure no longer describes it.
# (The `dev` batch is left out: dev cases may be added.)
BATCH_DIGESTS = {
    "heldout": "e4abfd67a8a7777aa2fb10310e56f19e2938188f638a6ee5bfecb2062b039e02",
    "heldout2": "1ce783e0402a5697ea2bfb3fb5c6e85d18609d749174bd54039e3e79830988a8",
    "heldout3": "a28c0f4ce44db6bf4fccb5dfe8a369ab496a2c67dbfbd9b5d2c41773f956ee8e",
    "heldout4": "887fda16899df8731fb2d6f04dc079cb428bd9c5c71e14d02559c6d2ce4f0d44",
    "heldout5": "d17d19545beb04ca2b719ea2dd06c749a24ad87e53b09043f2df47f022a5f6a3",
    "heldout6": "2913b37fcca417bcd62c38e784615449750131b93cfc8348e38c38db70767edf",
    "heldout7": "9e0373824e2bc088308ba2b2854b7e2b4f5c44a9d4d835e6e02f9da9d84cec4c",
    "heldout8": "166df04a3a1e43d1f4e08a9458d0c1873514e7d3a1fb1379b08f07238e36f48a",
    "heldout9": "10427748bfdd714639647aa7baa179d866e8fa26ade32eb3f96fc320d1956744",
    "heldout10": "e42fec12e3461c5eea68d1fa9befc41df68b4e018dd270bde73fa8d1fff8292c",
}


def load_bench(name: str) -> ModuleType:
    """bench/<name>.py as a module (bench/ is not a package; its modules import each other by name)."""
    if name in sys.modules:
        return sys.modules[name]
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@cache
def committed() -> tuple[dict, ...]:
    return tuple(json.loads(SET.read_text())["cases"])


def digest(cases: list[dict]) -> str:
    return hashlib.sha256(json.dumps(cases, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def assert_marks_sit_on_values(cases: Iterable[dict]) -> None:
    """Every labelled span and hard negative lies inside its text, on a value with no surrounding blanks,
    none overlaps the next, and no template placeholder is left in the text."""
    for case in cases:
        text = case["text"]
        marks = sorted(
            [(s["start"], s["end"]) for s in case["spans"]]
            + [(n["start"], n["end"]) for n in case["negatives"]]
        )
        for (start, end), (next_start, _) in zip(marks, marks[1:] + [(len(text) + 1, 0)], strict=True):
            value = text[start:end]
            assert 0 <= start < end <= len(text) and end <= next_start, case["template"]
            assert value == value.strip() and "⟦" not in text and "{first" not in text, value


def in_numbering_plan(number: str, locale: str) -> bool:
    """libphonenumber finds the number (extension removed) valid in the locale's country, or for the
    technical group (which cycles through the locales) in any of the nine."""
    regions = [REGIONS[locale]] if locale in REGIONS else list(REGIONS.values())
    return any(phonenumbers.is_valid_number(phonenumbers.parse(number, region)) for region in regions)


def assert_own_placeholders(batch: str, prefix: str) -> None:
    """The data modules share the VALUES/NEGATIVES registries by placeholder name: a batch's module may
    register and use only names with its own prefix, or it silently changes another batch's cases."""
    source = (BENCH / f"phantom_pii_{batch}_data.py").read_text()
    used = set(re.findall(r"⟦~?([A-Z0-9_]+)⟧", source)) | set(re.findall(r'"(H\d[A-Z0-9_]+)":', source))
    assert used and all(name.startswith(prefix) for name in used), sorted(
        n for n in used if not n.startswith(prefix)
    )


def assert_plausible_birth_years(values: list[str], at_least: int) -> None:
    """Every birth date carries a year from 1931 to 2023 (or is written with a two-digit year)."""
    for value in values:
        years = [int(y) for y in re.findall(r"(?<!\d)(19[3-9]\d|20[0-2]\d)", value)]
        two_digit_year = re.fullmatch(r"\d{1,2}[./-](?:\d{1,2}|[A-Za-z]{3})[./-]\d{2}", value)
        assert two_digit_year or any(1931 <= y <= 2023 for y in years), value
    assert len(values) >= at_least
