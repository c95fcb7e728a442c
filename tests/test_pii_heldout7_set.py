"""The held-out PII batch `heldout7` (bench/phantom_pii_heldout7_data.py) is what its docstring says: it
builds, in two halves of about equal size (known document kinds, `h7k`, and new ones, `h7n`); its labels
sit exactly on their values; the values are valid by their specifications as third-party validators read
them (python-stdnum, libphonenumber, ipaddress); its hard negatives are the identifiers they claim to be
(or fail the check they claim to fail); and the committed set holds it unchanged. No detector runs
here: heldout7 was scored once, by the lead, with bench/phantom_pii_eval.py, and is on the dev side
now."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from pii_set_support import (
    BATCH_DIGESTS,
    assert_cards_pass_luhn,
    assert_general_types_in_locales,
    assert_marks_sit_on_values,
    assert_nhs_ssn_iban_validate,
    assert_npis_pass_luhn,
    assert_own_placeholders,
    assert_phones_in_numbering_plans,
    assert_plausible_birth_years,
    assert_syntax_valid,
    committed,
    digest,
    load_bench,
)
from stdnum import iban, isin, lei, luhn
from stdnum.br import cnpj, cpf
from stdnum.de import idnr
from stdnum.es import cups, dni
from stdnum.fr import nir, siret
from stdnum.gb import nhs, utr
from stdnum.in_ import aadhaar, pan
from stdnum.iso7064 import mod_37_2, mod_97_10
from stdnum.iso11649 import is_valid as rf_is_valid
from stdnum.it import codicefiscale
from stdnum.nl import bsn
from stdnum.us import ein, itin, ssn

ENTITIES = {"EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS"}
ENTITIES |= {"MAC_ADDRESS", "URL", "DATE_OF_BIRTH", "CRYPTO", "US_NPI", "UK_NHS"}


@cache
def heldout7() -> tuple[dict, ...]:
    return tuple(load_bench("phantom_pii_heldout7_data").build_heldout7())


def half(tag: str) -> list[dict]:
    return [c for c in heldout7() if f"/{tag}/" in c["template"]]


def spans_of(entity: str) -> list[tuple[dict, str]]:
    return [
        (c, c["text"][s["start"] : s["end"]]) for c in heldout7() for s in c["spans"] if s["entity"] == entity
    ]


def negatives_of(kind: str) -> list[str]:
    return [c["text"][n["start"] : n["end"]] for c in heldout7() for n in c["negatives"] if n["kind"] == kind]


def test_the_batch_has_heldout6s_size_and_every_entity_type() -> None:
    cases = heldout7()
    spans = Counter(s["entity"] for c in cases for s in c["spans"])
    negatives = sum(len(c["negatives"]) for c in cases)
    assert 350 <= len(cases) <= 400 and 1400 <= sum(spans.values()) <= 1700 and 1200 <= negatives <= 1500
    assert {c["split"] for c in cases} == {"heldout7"} and {c["batch"] for c in cases} == {"heldout7"}
    assert all(re.fullmatch(r"[a-zA-Z-]+/h7[kn]/\d+", c["template"]) for c in cases)
    assert set(spans) == ENTITIES
    assert {s["entity"] for c in committed() if c["batch"] != "heldout7" for s in c["spans"]} == ENTITIES


def test_the_two_halves_are_about_equal_in_spans_and_hold_every_type() -> None:
    known = Counter(s["entity"] for c in half("h7k") for s in c["spans"])
    new = Counter(s["entity"] for c in half("h7n") for s in c["spans"])
    assert len(half("h7k")) + len(half("h7n")) == len(heldout7())
    assert set(known) == set(new) == ENTITIES
    assert 0.9 <= sum(known.values()) / sum(new.values()) <= 1.1
    locales = {c["locale"] for c in heldout7()}
    assert {c["locale"] for c in half("h7k")} == {c["locale"] for c in half("h7n")} == locales
    assert len(locales) == 10  # nine locales and the technical group


def test_the_batch_uses_only_its_own_placeholder_names() -> None:
    """The data modules share the VALUES/NEGATIVES registries: heldout7 registers only H7 names."""
    assert_own_placeholders("heldout7", "H7")


def test_general_entity_types_occur_in_at_least_eight_locales() -> None:
    assert assert_general_types_in_locales(heldout7()) == ENTITIES


def test_labels_and_negatives_sit_exactly_on_values_and_never_overlap() -> None:
    assert_marks_sit_on_values(heldout7())


def test_cards_pass_luhn_with_an_issuer_length() -> None:
    assert_cards_pass_luhn(heldout7(), at_least=60, prefixes=25)


def test_npis_pass_luhn_over_the_80840_prefix() -> None:
    assert_npis_pass_luhn(heldout7(), at_least=25)


def test_nhs_numbers_ssns_and_ibans_validate_with_python_stdnum() -> None:
    assert_nhs_ssn_iban_validate(heldout7(), at_least=24, ibans=100)


def test_phone_numbers_exist_in_their_countrys_plan_per_libphonenumber() -> None:
    assert_phones_in_numbering_plans(heldout7(), at_least=350, extensions=25)


def test_birth_dates_carry_a_plausible_birth_year() -> None:
    assert_plausible_birth_years([v for _, v in spans_of("DATE_OF_BIRTH")], at_least=200)


def test_urls_emails_addresses_and_crypto_validate() -> None:
    assert_syntax_valid(heldout7(), crypto=30)


def test_slack_mailto_links_show_the_address_they_point_to() -> None:
    for case in heldout7():
        for m in re.finditer(r"<mailto:([^|>]+)\|([^>]+)>", case["text"]):
            assert m.group(1) == m.group(2)
            labelled = {(s["start"], s["end"]) for s in case["spans"] if s["entity"] == "EMAIL_ADDRESS"}
            assert {m.span(1), m.span(2)} <= labelled


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _weighted_digit_sum_ok(value: str, weights: list[int]) -> bool:
    """German KVNR / Rentenversicherungsnummer: letter as 01-26, digit sums of weighted digits, mod 10."""
    letter = next(c for c in value if c.isalpha())
    nums = value.replace(" ", "").replace(letter, f"{ord(letter) - 64:02d}")
    body, check = nums[:-1], int(nums[-1])
    return sum(sum(divmod(int(c) * w, 10)) for c, w in zip(body, weights, strict=True)) % 10 == check


def _mpan_ok(value: str) -> bool:
    n = _digits(value)
    primes = [3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43]
    return len(n) == 13 and sum(int(c) * p for c, p in zip(n, primes, strict=False)) % 11 % 10 == int(n[-1])


def _gs1_ok(value: str) -> bool:
    from stdnum import ean

    return ean.calc_check_digit(value[:-1]) == value[-1]


def _vin_ok(value: str) -> bool:
    values = dict(
        zip(
            "ABCDEFGHJKLMNPRSTUVWXYZ",
            [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9],
            strict=True,
        )
    )
    weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
    total = sum((int(c) if c.isdigit() else values[c]) * w for c, w in zip(value, weights, strict=True))
    return len(value) == 17 and value[8] == ("X" if total % 11 == 10 else str(total % 11))


def _pis_ok(value: str) -> bool:
    n = _digits(value)
    r = 11 - sum(int(c) * w for c, w in zip(n, [3, 2, 9, 8, 7, 6, 5, 4, 3, 2], strict=False)) % 11
    return len(n) == 11 and (0 if r >= 10 else r) == int(n[-1])


def _naf_ok(value: str) -> bool:
    n = _digits(value)
    return len(n) == 12 and int(n[:10]) % 97 == int(n[10:])


CHECKS = {  # negative kind: a validator of what the negative claims to be (python-stdnum where it has one)
    "H7BSN": bsn.is_valid,
    "H7CPF": cpf.is_valid,
    "H7NIR": nir.is_valid,
    "H7CF": codicefiscale.is_valid,
    "H7DNI": dni.is_valid,
    "H7CUPS": cups.is_valid,
    "H7UTR": utr.is_valid,
    "H7ITIN": itin.is_valid,
    "H7IDNR": idnr.is_valid,
    "H7AADHAAR": aadhaar.is_valid,
    "H7PAN": pan.is_valid,
    "H7ISIN": isin.is_valid,
    "H7LEI": lei.is_valid,
    "H7RF": rf_is_valid,
    "H7EIN": ein.is_valid,
    "H7CNPJ": cnpj.is_valid,
    "H7SIRET": siret.is_valid,
    "H7EREZEPT": lambda v: mod_97_10.is_valid(v.replace(".", "")) and v.startswith("160."),
    "H7EPS": lambda v: mod_37_2.is_valid(
        v.replace("-", ""), alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ+"
    ),
    "H7LOINC": lambda v: luhn.is_valid(v.replace("-", "")),
    "H7KVNR": lambda v: _weighted_digit_sum_ok(v, [1, 2] * 5),
    "H7RVNR": lambda v: _weighted_digit_sum_ok(v, [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]),
    "H7MPAN": _mpan_ok,
    "H7EAN18": lambda v: len(v) == 18 and _gs1_ok(v),
    "H7VIN": _vin_ok,
    "H7PIS": _pis_ok,
    "H7NAF": _naf_ok,
    "H7ICCID": lambda v: v.startswith("89") and luhn.is_valid(v),
    "H7NINO": lambda v: (
        re.fullmatch(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d\d ?\d\d ?\d\d ?[A-D]", v) is not None
    ),
}


def test_hard_negatives_are_the_identifiers_they_claim_to_be() -> None:
    for kind, check in CHECKS.items():
        values = negatives_of(kind)
        assert values and all(check(v) for v in values), (kind, [v for v in values if not check(v)])


def test_ssn_shaped_negatives_are_never_valid_ssns_and_lookalikes_fail_their_checks() -> None:
    assert all(not ssn.is_valid(v) for v in negatives_of("H7ITIN"))
    npi_like = negatives_of("H7NPILIKE")
    assert npi_like and all(len(v) == 10 and not luhn.is_valid("80840" + v) for v in npi_like)
    nhs_like = negatives_of("H7NHSLIKE")
    assert nhs_like and all(not nhs.is_valid(v) for v in nhs_like)
    card_like = [_digits(v) for v in negatives_of("H7CARDLIKE")]
    assert card_like and all(not luhn.is_valid(v) for v in card_like)
    assert all(
        not iban.is_valid(v) for v in negatives_of("H7ISIN") + negatives_of("H7LEI") + negatives_of("H7RF")
    )


def test_non_birth_dates_sit_next_to_people_in_both_halves() -> None:
    for tag in ("h7k", "h7n"):
        dated = [n for c in half(tag) for n in c["negatives"] if n["kind"].startswith(("H7D", "H7PERIOD"))]
        assert len(dated) >= 100, tag


def test_the_committed_set_holds_heldout7_unchanged() -> None:
    """The check of every batch's digest and of the evaluation's sides lives in the newest batch's test
    (tests/test_pii_heldout8_set.py): heldout7 is on the dev side now."""
    cases = list(committed())
    assert [c for c in cases if c["batch"] == "heldout7"] == list(heldout7())
    assert digest([c for c in cases if c["batch"] == "heldout7"]) == BATCH_DIGESTS["heldout7"]
