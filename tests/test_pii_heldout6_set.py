"""The held-out PII batch `heldout6` (bench/phantom_pii_heldout6_data.py) is what its docstring says:
it builds, its labels sit exactly on their values, the values are valid by their specifications as
third-party validators read them (python-stdnum, libphonenumber, ipaddress), its hard negatives are
the identifiers they claim to be (or fail the check they claim to fail), and the committed set holds
it unchanged with every earlier case untouched. No detector runs here: heldout6 was scored once, by
the lead, with bench/phantom_pii_eval.py, and is on the dev side now."""

from __future__ import annotations

import ipaddress
import re
from collections import Counter
from functools import cache

from pii_set_support import (
    BATCH_DIGESTS,
    BENCH,
    assert_marks_sit_on_values,
    committed,
    digest,
    in_numbering_plan,
    load_bench,
)
from stdnum import bitcoin, ean, iban, imei, luhn
from stdnum.br import cnpj
from stdnum.de import idnr
from stdnum.es import cif
from stdnum.gb import nhs
from stdnum.gb import vat as gb_vat
from stdnum.in_ import gstin, pan
from stdnum.us import ein, rtn, ssn


@cache
def heldout6() -> tuple[dict, ...]:
    return tuple(load_bench("phantom_pii_heldout6_data").build_heldout6())


def spans_of(entity: str) -> list[tuple[dict, str]]:
    return [
        (c, c["text"][s["start"] : s["end"]]) for c in heldout6() for s in c["spans"] if s["entity"] == entity
    ]


def negatives_of(kind: str) -> list[str]:
    return [c["text"][n["start"] : n["end"]] for c in heldout6() for n in c["negatives"] if n["kind"] == kind]


def test_the_batch_has_heldout5s_size_and_shape() -> None:
    cases = heldout6()
    spans = Counter(s["entity"] for c in cases for s in c["spans"])
    negatives = sum(len(c["negatives"]) for c in cases)
    assert 350 <= len(cases) <= 400 and sum(spans.values()) >= 1000 and negatives >= 1000
    assert {c["split"] for c in cases} == {"heldout6"} and {c["batch"] for c in cases} == {"heldout6"}
    assert all(re.fullmatch(r"[a-zA-Z-]+/h6/\d+", c["template"]) for c in cases)
    earlier = {s["entity"] for c in committed() if c["batch"] != "heldout6" for s in c["spans"]}
    assert set(spans) == earlier


def test_the_batch_uses_only_its_own_placeholder_names() -> None:
    """The data modules share the VALUES/NEGATIVES registries: heldout6 registers only H6 names."""
    source = (BENCH / "phantom_pii_heldout6_data.py").read_text()
    used = set(re.findall(r"⟦~?([A-Z0-9_]+)⟧", source))
    assert used and all(name.startswith("H6") for name in used), sorted(
        n for n in used if not n.startswith("H6")
    )


def test_general_entity_types_occur_in_at_least_eight_locales() -> None:
    seen: dict[str, set[str]] = {}
    for case in heldout6():
        for span in case["spans"]:
            if case["locale"] != "tech":
                seen.setdefault(span["entity"], set()).add(case["locale"])
    national = {"US_SSN", "US_NPI", "UK_NHS"}
    assert {e: len(loc) for e, loc in seen.items() if e not in national and len(loc) < 8} == {}
    assert len(seen) == 12


def test_labels_and_negatives_sit_exactly_on_values_and_never_overlap() -> None:
    assert_marks_sit_on_values(heldout6())


def test_cards_pass_luhn_with_an_issuer_length() -> None:
    cards = [re.sub(r"\D", "", v) for _, v in spans_of("CREDIT_CARD")]
    assert len(cards) >= 80 and all(luhn.is_valid(n) and 12 <= len(n) <= 19 for n in cards)
    assert len({n[:4] for n in cards}) >= 25  # many brands and issuer ranges
    spoken = [v for _, v in spans_of("CREDIT_CARD") if re.search(r" - |, ", v)]
    assert spoken  # grouped as read out on a call


def test_npis_pass_luhn_over_the_80840_prefix() -> None:
    npis = [re.sub(r"[ -]", "", v) for _, v in spans_of("US_NPI")]
    assert len(npis) >= 20 and all(len(n) == 10 and n[0] in "12" and luhn.is_valid("80840" + n) for n in npis)
    assert any(not v.isdigit() for _, v in spans_of("US_NPI"))  # separators as well


def test_nhs_numbers_ssns_and_ibans_validate_with_python_stdnum() -> None:
    assert all(nhs.is_valid(v) for _, v in spans_of("UK_NHS"))
    assert all(ssn.is_valid(v.replace(" ", "-")) for _, v in spans_of("US_SSN"))
    assert all(iban.is_valid(v) for _, v in spans_of("IBAN_CODE"))
    assert (
        len(spans_of("UK_NHS")) >= 24 and len(spans_of("US_SSN")) >= 24 and len(spans_of("IBAN_CODE")) >= 60
    )


_EXT = re.compile(r",? (?:ext\.?|extn\.?|poste|App\.|int\.|toestel|ramal) \d+$| ?x\d+$|;ext=\d+$")


def test_phone_numbers_exist_in_their_countrys_plan_per_libphonenumber() -> None:
    phones = spans_of("PHONE_NUMBER")
    for case, value in phones:
        assert in_numbering_plan(_EXT.sub("", value), case["locale"]), value
    values = [v for _, v in phones]
    assert any(v.startswith("00") for v in values) and any(re.match(r"\+\d+\.\d+$", v) for v in values)
    assert sum(bool(_EXT.search(v)) for v in values) >= 40


def test_birth_dates_carry_a_plausible_birth_year() -> None:
    for _, value in spans_of("DATE_OF_BIRTH"):
        years = [int(y) for y in re.findall(r"(?<!\d)(19[3-9]\d|20[0-2]\d)", value)]
        two_digit_year = re.fullmatch(
            r"\d{1,2}[./-](?:\d{1,2}|[A-Z][a-z]{2})[./-]\d{2}|\d{2}[A-Z]{3}\d{2}", value
        )
        assert two_digit_year or any(1931 <= y <= 2023 for y in years), value


def test_urls_come_in_many_shapes() -> None:
    urls = [v for _, v in spans_of("URL")]
    assert all(" " not in u and not u.endswith((".", ")", ">")) for u in urls)
    shapes = {
        "port": r"^https?://[^/]+:\d+/",
        "userinfo": r"^https://\w+@",
        "idn": r"[^\x00-\x7f]|xn--",
        "query": r"\?.+=.+&",
        "www": r"^www\.",
        "ftp": r"^ftp://",
        "fragment": r"#",
    }
    assert {k for k, p in shapes.items() if any(re.search(p, u) for u in urls)} == set(shapes)


def test_addresses_and_crypto_validate() -> None:
    for _, value in spans_of("IP_ADDRESS"):
        ipaddress.ip_address(value)
    for _, value in spans_of("MAC_ADDRESS"):
        hexdigits = re.sub(r"[:.-]", "", value)
        assert re.fullmatch(r"[0-9a-fA-F]{12}", hexdigits) and int(hexdigits[:2], 16) & 1 == 0, value
    for _, value in spans_of("CRYPTO"):
        if value.startswith("0x"):
            assert re.fullmatch(r"0x[0-9a-fA-F]{40}", value), value
        elif not value.startswith("bc1p"):
            assert bitcoin.is_valid(value), value


def _dea_ok(v: str) -> bool:
    d = [int(c) for c in v[2:]]
    return len(d) == 7 and (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


def _pzn_ok(v: str) -> bool:
    return len(v) == 8 and sum(int(c) * (i + 1) for i, c in enumerate(v[:7])) % 11 == int(v[7])


def test_hard_negatives_are_the_identifiers_they_claim_to_be() -> None:
    checks = {
        "H6ABA": rtn.is_valid,  # an SSN's nine digits, a routing number
        "H6IDNR": idnr.is_valid,  # eleven digits, a tax id
        "H6CIP": ean.is_valid,
        "H6EIN": ein.is_valid,
        "H6GSTIN": gstin.is_valid,
        "H6PAN": pan.is_valid,
        "H6CNPJ": cnpj.is_valid,
        "H6VATES": lambda v: cif.is_valid(v[2:]),
        "H6VATGB": gb_vat.is_valid,
        "H6RPPS": luhn.is_valid,
        "H6DEA": _dea_ok,
        "H6PZN": _pzn_ok,
    }
    for kind, check in checks.items():
        values = negatives_of(kind)
        assert values and all(check(v) for v in values), (kind, [v for v in values if not check(v)])
    luhn_valid = negatives_of("H6LUHN")  # IMEI, ICCID, RPPS: Luhn-valid and not cards
    assert luhn_valid and all(luhn.is_valid(v) for v in luhn_valid)
    assert any(imei.is_valid(v) for v in luhn_valid) and any(v.startswith("89") for v in luhn_valid)


def test_lookalike_negatives_fail_the_check_of_what_they_look_like() -> None:
    npi_like = negatives_of("H6NPILIKE")
    assert npi_like and all(len(v) == 10 and not luhn.is_valid("80840" + v) for v in npi_like)
    nhs_like = negatives_of("H6NHSLIKE")
    assert nhs_like and all(not nhs.is_valid(v) for v in nhs_like)
    card_like = [re.sub(r"\D", "", v) for v in negatives_of("H6CARDLIKE")]
    assert card_like and all(not luhn.is_valid(v) for v in card_like)


def test_non_birth_dates_sit_next_to_people() -> None:
    dated = [k for c in heldout6() for n in c["negatives"] if (k := n["kind"]).startswith("H6D")]
    assert len(dated) >= 250


def test_the_committed_set_holds_heldout6_unchanged() -> None:
    """The check of every batch's digest and of the evaluation's sides lives in the newest batch's test
    (tests/test_pii_heldout7_set.py): heldout6 is on the dev side now."""
    cases = list(committed())
    assert [c for c in cases if c["batch"] == "heldout6"] == list(heldout6())
    assert digest([c for c in cases if c["batch"] == "heldout6"]) == BATCH_DIGESTS["heldout6"]
