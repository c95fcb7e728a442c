"""What the tests of the PII evaluation set's batches share: where the set lives, the pinned digest of
every scored batch (one list, so a new batch cannot leave an older test pinning fewer), and loading a
bench module by path."""

from __future__ import annotations

import hashlib
import importlib.util
import ipaddress
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from types import ModuleType

import phonenumbers
from stdnum import bitcoin, iban, luhn
from stdnum.gb import nhs
from stdnum.us import ssn

BENCH = Path(__file__).resolve().parent.parent / "bench"
SET = BENCH / "phantom_pii_multilingual.json"
REGIONS = {"en-US": "US", "en-GB": "GB", "en-IN": "IN", "fr-FR": "FR", "de-DE": "DE", "it-IT": "IT"}
REGIONS |= {"es-ES": "ES", "nl-NL": "NL", "pt-BR": "BR"}

# sha256 over each held-out batch's cases as committed (json.dumps(cases, ensure_ascii=False,
# sort_keys=True)): a batch that was scored must never change, or its figure no longer describes it.
# (The `dev` batch is left out: dev cases may be added.) One deliberate change, in session 25: heldout10 and
# heldout11 gained 6 and 5 URL labels on FHIR `system` URIs their writers had left unlabelled against the set's
# definition (bench/phantom_pii_multilingual_data.py's label_fhir_system_urls); texts and every other label are
# unchanged. Their once-only scorings were taken on the earlier labels (heldout10 e42fec12…, heldout11 b3cfb7ae…).
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
    "heldout10": "0b840ef6a608280c4fcb05baf5447dc1978323f98933c0133e3155b20a43a416",
    "heldout11": "5df4840f588c53c90e06d05c7f1edcf34ade9e617492530cd331857042e7aa26",
    "heldout12": "67ec6c57357403df50c7d2dbd609780531bd6639afc7741dc2639b7d6930505c",
    "heldout13": "779f898dfc0e1a400997db9bf6b92eff6824d1c3ff96eac733f52cd25faa1540",
    "heldout14": "81ab2a5ba143312b4ccc4573284b2316c4fc9f87e09fafb3c482ae4c4d7b0000",
    "heldout15": "d879b0104e021429b123430c30f4262b34673a626091a9aa525eeab80f0de6e8",
    "heldout16": "4facc17343bf8dd235b649397ddb7ed171842f82ee5334e35733f5a337b36618",
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
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]  # a failed import leaves no half-built module for the next test to find
        raise
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


def assert_mirrors_without_shadowing(batch: str, prefix: str, previous: str) -> None:
    """A batch mirrors the previous batch's value and negative generators under its own prefix (the very same
    objects), and none of its new negative kinds (`NEW_NEGATIVES<n>`) takes a mirrored name."""
    module = load_bench(f"phantom_pii_{batch}_data")
    mirrored = {prefix + name[len(previous) :] for name in module.NEGATIVES if name.startswith(previous)}
    new_kinds = set(getattr(module, f"NEW_NEGATIVES{prefix[1:]}"))
    assert mirrored and not new_kinds & mirrored
    assert all(
        module.NEGATIVES[name] is module.NEGATIVES[previous + name[len(prefix) :]] for name in mirrored
    )


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


# -- the checks every batch's values pass, whatever the batch (each batch's test gives its own minimums) --

EXTENSION = re.compile(r",? (?:ext\.?|extn\.?|poste|App\.|int\.|toestel|ramal) \d+$| ?x\d+$")


def spans_in(cases: Iterable[dict], entity: str) -> list[tuple[dict, str]]:
    """(case, labelled value) for every span of `entity` in `cases`."""
    return [(c, c["text"][s["start"] : s["end"]]) for c in cases for s in c["spans"] if s["entity"] == entity]


def _values(cases: Iterable[dict], entity: str) -> list[str]:
    return [value for _, value in spans_in(cases, entity)]


def assert_cards_pass_luhn(cases: Iterable[dict], at_least: int, prefixes: int) -> None:
    """Every card number is Luhn-valid with an ISO/IEC 7812 length; there are at least `at_least` of them
    and at least `prefixes` distinct four-digit prefixes (many issuer ranges, not one)."""
    cards = [re.sub(r"\D", "", v) for v in _values(cases, "CREDIT_CARD")]
    assert len(cards) >= at_least and all(luhn.is_valid(n) and 12 <= len(n) <= 19 for n in cards)
    assert len({n[:4] for n in cards}) >= prefixes


def assert_npis_pass_luhn(cases: Iterable[dict], at_least: int) -> None:
    """Every NPI has ten digits, starts 1 or 2, and passes Luhn over the 80840 prefix (CMS)."""
    npis = [re.sub(r"[ -]", "", v) for v in _values(cases, "US_NPI")]
    assert len(npis) >= at_least
    assert all(len(n) == 10 and n[0] in "12" and luhn.is_valid("80840" + n) for n in npis)


def assert_nhs_ssn_iban_validate(cases: Iterable[dict], at_least: int, ibans: int) -> None:
    """NHS numbers, SSNs and IBANs are valid as python-stdnum reads them; at least `at_least` NHS numbers
    and SSNs each and `ibans` IBANs."""
    cases = list(cases)
    assert all(nhs.is_valid(v) for v in _values(cases, "UK_NHS"))
    assert all(ssn.is_valid(v.replace(" ", "-")) for v in _values(cases, "US_SSN"))
    assert all(iban.is_valid(v) for v in _values(cases, "IBAN_CODE"))
    assert len(_values(cases, "UK_NHS")) >= at_least and len(_values(cases, "US_SSN")) >= at_least
    assert len(_values(cases, "IBAN_CODE")) >= ibans


def assert_phones_in_numbering_plans(cases: Iterable[dict], at_least: int, extensions: int) -> None:
    """Every phone number (its extension removed) is valid in its locale's plan per libphonenumber; at
    least `at_least` of them, `extensions` of which carry an extension."""
    phones = spans_in(cases, "PHONE_NUMBER")
    for case, value in phones:
        assert in_numbering_plan(EXTENSION.sub("", value), case["locale"]), value
    assert len(phones) >= at_least and sum(bool(EXTENSION.search(v)) for _, v in phones) >= extensions


def assert_syntax_valid(cases: Iterable[dict], crypto: int) -> None:
    """URLs hold no blank and end on no closing punctuation; e-mail addresses, IP addresses (ipaddress),
    unicast MAC addresses and crypto addresses (EIP-55 shape, Base58Check/bech32 per python-stdnum; bech32m
    `bc1p` is not in stdnum) are what their syntax says; at least `crypto` crypto addresses."""
    cases = list(cases)
    assert all(
        " " not in u and not u.endswith((".", ")", ">", "}", '"', "\\")) for u in _values(cases, "URL")
    )
    for value in _values(cases, "EMAIL_ADDRESS"):
        assert re.fullmatch(r"[^@\s<>|\"]+@[^@\s<>|\"]+\.[a-zA-Z]{2,}", value), value
    for value in _values(cases, "IP_ADDRESS"):
        ipaddress.ip_address(value)
    for value in _values(cases, "MAC_ADDRESS"):
        hexdigits = re.sub(r"[:.-]", "", value)
        assert re.fullmatch(r"[0-9a-fA-F]{12}", hexdigits) and int(hexdigits[:2], 16) & 1 == 0, value
    for value in _values(cases, "CRYPTO"):
        if value.startswith("0x"):
            assert re.fullmatch(r"0x[0-9a-fA-F]{40}", value), value
        elif not value.startswith("bc1p"):
            assert bitcoin.is_valid(value), value
    assert len(_values(cases, "CRYPTO")) >= crypto


def bare_host(value: str) -> bool:
    """A bare host name by RFC 1123 (letters, digits, hyphens in three or more dot-separated labels),
    without a scheme, `www.` or a path: what heldout10's and heldout11's docstrings say is not a URL."""
    labels = value.split(".")
    return (
        len(labels) >= 3
        and not value.startswith("www.")
        and all(re.fullmatch(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?", label) for label in labels)
    )


def assert_new_kinds_are_new(batch: str, markers: list[str], new: list[dict], known: list[dict]) -> None:
    """Each marker phrase of a batch's new half occurs in that half, in no case committed before the batch
    (later batches may sample it as a known kind) and in none of the batch's known half; every template of
    the new half carries one."""
    cases = list(committed())
    first = next(i for i, c in enumerate(cases) if c["batch"] == batch)
    earlier = [c["text"] for c in cases[:first]]
    for marker in markers:
        assert any(marker in c["text"] for c in new), marker
        assert not any(marker in text for text in earlier), marker
        assert not any(marker in c["text"] for c in known), marker
    templates = {c["template"]: c["text"] for c in new}
    assert [t for t, text in templates.items() if not any(m in text for m in markers)] == []


NATIONAL = {"US_SSN", "US_NPI", "UK_NHS", "MAC_ADDRESS", "CRYPTO", "IP_ADDRESS"}


def assert_general_types_in_locales(cases: Iterable[dict], at_least: int = 8) -> set[str]:
    """Every entity type that is not national or technical occurs in at least `at_least` locales (the
    technical group not counted); returns the types seen outside it."""
    seen: dict[str, set[str]] = {}
    for case in cases:
        for span in case["spans"]:
            if case["locale"] != "tech":
                seen.setdefault(span["entity"], set()).add(case["locale"])
    assert {e: len(loc) for e, loc in seen.items() if e not in NATIONAL and len(loc) < at_least} == {}
    return set(seen)


def _in_half(cases: Iterable[dict], tag: str) -> list[dict]:
    return [c for c in cases if f"/{tag}/" in c["template"]]


def assert_halves_balanced(cases: list[dict], tags: tuple[str, str], locales: int = 10) -> None:
    """A batch's known and new halves hold spans in a ratio between 0.9 and 1.1 and documents within 12 of
    each other, together make the whole batch, and each covers every locale (nine and the technical group)."""
    known, new = (_in_half(cases, tag) for tag in tags)
    ratio = sum(len(c["spans"]) for c in known) / sum(len(c["spans"]) for c in new)
    assert len(known) + len(new) == len(cases)
    assert 0.9 <= ratio <= 1.1 and abs(len(known) - len(new)) <= 12, ratio
    everywhere = {c["locale"] for c in cases}
    assert {c["locale"] for c in known} == {c["locale"] for c in new} == everywhere
    assert len(everywhere) == locales


def assert_committed_last_and_every_digest_pinned(batch: str, cases: list[dict]) -> None:
    """The committed set holds the newest batch exactly as its module builds it, appended last (earlier cases
    keep their places), and every scored batch still has its pinned digest."""
    committed_cases = list(committed())
    assert [c for c in committed_cases if c["batch"] == batch] == cases
    assert committed_cases[-len(cases) :] == cases
    digests = {b: digest([c for c in committed_cases if c["batch"] == b]) for b in BATCH_DIGESTS}
    assert digests == BATCH_DIGESTS


def assert_tags_select_their_halves(cases: list[dict], tags: tuple[str, str]) -> None:
    """`--template <tag>` matches a whole path segment of the template, so each tag selects exactly its half
    of the batch among all committed cases (no `h1`, `h12` or other batch's case)."""
    for tag in tags:
        assert [c for c in committed() if tag in c.get("template", "").split("/")] == _in_half(cases, tag)


def assert_fhir_system_urls_labelled(cases: Iterable[dict]) -> None:
    """FHIR R4 `Identifier.system` as an http(s) URI is a URL span; a `urn:oid:` system carries no label.
    The batch holds at least one FHIR resource."""
    fhir = [c for c in cases if '"resourceType"' in c["text"]]
    assert fhir
    for case in fhir:
        urls = {v for c, v in spans_in([case], "URL")}
        systems = set(re.findall(r'"system": "(https?://[^"]+)"', case["text"]))
        assert systems and systems <= urls
        assert not any(v.startswith("urn:") for v in urls)


def parses_as(fmt: str) -> Callable[[str], bool]:
    """A check that the value parses with `fmt` (datetime.strptime), not just that it looks like a time."""

    def check(value: str) -> bool:
        try:
            datetime.strptime(value, fmt)
        except ValueError:
            return False
        return True

    return check


def epoch_between_2020_and_2027(seconds: float) -> bool:
    return (
        datetime(2020, 1, 1, tzinfo=UTC)
        <= datetime.fromtimestamp(seconds, UTC)
        <= datetime(2027, 1, 1, tzinfo=UTC)
    )


ENTITIES = frozenset({"EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS"})
ENTITIES |= {"MAC_ADDRESS", "URL", "DATE_OF_BIRTH", "CRYPTO", "US_NPI", "UK_NHS"}


@dataclass(frozen=True)
class HeldOut:
    """One held-out batch as its set test reads it: its cases, each half, and its negatives of one kind."""

    name: str
    cases: tuple[dict, ...]

    def half(self, tag: str) -> list[dict]:
        return _in_half(self.cases, tag)

    def negatives_of(self, kind: str) -> list[str]:
        return [
            c["text"][n["start"] : n["end"]] for c in self.cases for n in c["negatives"] if n["kind"] == kind
        ]


@cache
def held_out(name: str) -> HeldOut:
    """heldoutN as bench/phantom_pii_heldoutN_data.py builds it (built once per test session)."""
    return HeldOut(name, tuple(getattr(load_bench(f"phantom_pii_{name}_data"), f"build_{name}")()))


def assert_briefs_size_and_types(batch: HeldOut, tags: tuple[str, str]) -> None:
    """~450-550 documents, ~1,900-2,300 spans, 1,400+ hard negatives, every type at least 48 times, every
    case of the batch's own split and tagged with one of its halves."""
    cases = batch.cases
    spans = Counter(s["entity"] for c in cases for s in c["spans"])
    negatives = sum(len(c["negatives"]) for c in cases)
    assert 450 <= len(cases) <= 550 and 1900 <= sum(spans.values()) <= 2300 and 1400 <= negatives <= 1800
    assert {c["split"] for c in cases} == {batch.name} and {c["batch"] for c in cases} == {batch.name}
    assert all(re.fullmatch(rf"[a-zA-Z-]+/({tags[0]}|{tags[1]})/\d+", c["template"]) for c in cases)
    assert set(spans) == ENTITIES
    assert min(spans.values()) >= 48, spans


def assert_every_type_in_each_half(batch: HeldOut, tags: tuple[str, str], at_least: int = 20) -> None:
    for tag in tags:
        counts = Counter(s["entity"] for c in batch.half(tag) for s in c["spans"])
        assert set(counts) == ENTITIES and min(counts.values()) >= at_least, (tag, counts)


def assert_many_small_templates(batch: HeldOut, tags: tuple[str, str]) -> None:
    """At least 90 templates of at most 6 documents, and no template holds more than a third of any type's
    spans in its half, so no single template decides a type's figure."""
    per_template = Counter(c["template"] for c in batch.cases)
    assert len(per_template) >= 90 and max(per_template.values()) <= 6
    for tag in tags:
        totals = Counter(s["entity"] for c in batch.half(tag) for s in c["spans"])
        by_template = Counter((c["template"], s["entity"]) for c in batch.half(tag) for s in c["spans"])
        heavy = {k: n for k, n in by_template.items() if n > totals[k[1]] / 3}
        assert heavy == {}, (tag, heavy)


def assert_dated_negatives_in_halves(
    batch: HeldOut, tags: tuple[str, str], prefix: str, at_least: int
) -> None:
    """Each half holds at least `at_least` dates that are no birth dates (the batch's per-locale date
    negatives, `<prefix>DUS` ... `<prefix>DBR`), next to the people whose birth dates are labelled."""
    kinds = tuple(f"{prefix}D{region}" for region in ("US", "GB", "IN", "FR", "DE", "IT", "ES", "NL", "BR"))
    for tag in tags:
        dated = [n for c in batch.half(tag) for n in c["negatives"] if n["kind"].startswith(kinds)]
        assert len(dated) >= at_least, (tag, len(dated))
