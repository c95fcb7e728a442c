"""The held-out PII batch `heldout9` (bench/phantom_pii_heldout9_data.py) is what its docstring says: it
builds, in two halves of about equal size (known document kinds, `h9k`, and new ones, `h9n`); its labels
sit exactly on their values; the values are valid by their specifications as third-party validators read
them (python-stdnum, libphonenumber, ipaddress); its hard negatives are the identifiers they claim to be
(or fail the check they claim to fail); and the committed set holds it unchanged. No detector runs
here: heldout9 was scored once, by the lead, with bench/phantom_pii_eval.py, and is on the dev side
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
from stdnum import ean, imei, isbn, luhn
from stdnum.br import cpf
from stdnum.de import idnr
from stdnum.es import dni
from stdnum.fr import siret
from stdnum.gb import nhs
from stdnum.in_ import aadhaar, pan
from stdnum.it import codicefiscale
from stdnum.nl import bsn
from stdnum.us import rtn

ENTITIES = {"EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS"}
ENTITIES |= {"MAC_ADDRESS", "URL", "DATE_OF_BIRTH", "CRYPTO", "US_NPI", "UK_NHS"}


@cache
def heldout9() -> tuple[dict, ...]:
    return tuple(load_bench("phantom_pii_heldout9_data").build_heldout9())


def half(tag: str) -> list[dict]:
    return [c for c in heldout9() if f"/{tag}/" in c["template"]]


def spans_of(entity: str) -> list[tuple[dict, str]]:
    return [
        (c, c["text"][s["start"] : s["end"]]) for c in heldout9() for s in c["spans"] if s["entity"] == entity
    ]


def negatives_of(kind: str) -> list[str]:
    return [c["text"][n["start"] : n["end"]] for c in heldout9() for n in c["negatives"] if n["kind"] == kind]


def test_the_batch_has_heldout8s_size_and_every_entity_type() -> None:
    cases = heldout9()
    spans = Counter(s["entity"] for c in cases for s in c["spans"])
    negatives = sum(len(c["negatives"]) for c in cases)
    assert 350 <= len(cases) <= 400 and 1400 <= sum(spans.values()) <= 1700 and 1200 <= negatives <= 1500
    assert {c["split"] for c in cases} == {"heldout9"} and {c["batch"] for c in cases} == {"heldout9"}
    assert all(re.fullmatch(r"[a-zA-Z-]+/h9[kn]/\d+", c["template"]) for c in cases)
    assert set(spans) == ENTITIES


def test_the_two_halves_are_about_equal_in_spans_and_hold_every_type() -> None:
    known = Counter(s["entity"] for c in half("h9k") for s in c["spans"])
    new = Counter(s["entity"] for c in half("h9n") for s in c["spans"])
    assert len(half("h9k")) + len(half("h9n")) == len(heldout9())
    assert set(known) == set(new) == ENTITIES
    assert 0.9 <= sum(known.values()) / sum(new.values()) <= 1.1
    locales = {c["locale"] for c in heldout9()}
    assert {c["locale"] for c in half("h9k")} == {c["locale"] for c in half("h9n")} == locales
    assert len(locales) == 10  # nine locales and the technical group


def test_new_kinds_are_new_to_the_set() -> None:
    """The new half's document kinds appear in no earlier batch: a marker phrase of each, searched in every
    case committed before heldout9 (later batches may sample its kinds as known ones: heldout15's and
    heldout16's known halves hold a DHCP lease with `hardware ethernet`)."""
    markers = ["REGISTRATION RENEWAL", "Homeowners Association", "Animal Hospital", "JOB APPLICATION"]
    markers += ["PENALTY CHARGE NOTICE", "Opticians", "School admission", "Library", "LPG REFILL"]
    markers += ["Marketplace dispute", "DEMANDE DE VISA", "PROCURATION DE VOTE", "Clinique vétérinaire"]
    markers += ["Kfz-Versicherung", "VOLLMACHT", "Bewerbung", "IMMATRICOLAZIONE", "ASILO NIDO"]
    markers += ["Ambulatorio veterinario", "micromecenazgo", "ESCUELA INFANTIL", "Solicitud de empleo"]
    markers += ["PARKEERVERGUNNING", "Dierenkliniek", "transferência Pix", "PROCURAÇÃO", "MATRÍCULA ESCOLAR"]
    markers += ['"emailAddress"', "hardware ethernet", "Calling-Station-Id", "eventSource", '"$oid"', "@Test"]
    markers += ["describe(", "alert: PayoutFailed", "MAILTO=", "[user]", "ansible_host"]
    cases = list(committed())
    first = next(i for i, c in enumerate(cases) if c["batch"] == "heldout9")
    earlier = [c["text"] for c in cases[:first]]
    for marker in markers:
        assert any(marker in c["text"] for c in half("h9n")), marker
        assert not any(marker in text for text in earlier), marker


def test_the_batch_uses_only_its_own_placeholder_names() -> None:
    """The data modules share the VALUES/NEGATIVES registries: heldout9 registers only H9 names."""
    assert_own_placeholders("heldout9", "H9")


def test_general_entity_types_occur_in_at_least_eight_locales() -> None:
    assert_general_types_in_locales(heldout9())


def test_labels_and_negatives_sit_exactly_on_values_and_never_overlap() -> None:
    assert_marks_sit_on_values(heldout9())


def test_cards_pass_luhn_with_an_issuer_length() -> None:
    assert_cards_pass_luhn(heldout9(), at_least=60, prefixes=25)


def test_npis_pass_luhn_over_the_80840_prefix() -> None:
    assert_npis_pass_luhn(heldout9(), at_least=25)


def test_nhs_numbers_ssns_and_ibans_validate_with_python_stdnum() -> None:
    assert_nhs_ssn_iban_validate(heldout9(), at_least=24, ibans=100)


def test_phone_numbers_exist_in_their_countrys_plan_per_libphonenumber() -> None:
    assert_phones_in_numbering_plans(heldout9(), at_least=350, extensions=20)


def test_birth_dates_carry_a_plausible_birth_year() -> None:
    assert_plausible_birth_years([v for _, v in spans_of("DATE_OF_BIRTH")], at_least=200)


def test_urls_emails_addresses_and_crypto_validate() -> None:
    assert_syntax_valid(heldout9(), crypto=30)


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _chip_ok(value: str) -> bool:
    """ISO 11784 animal identification: a three-digit ISO 3166 country or manufacturer code, 12 digits."""
    return re.fullmatch(r"\d{15}", value) is not None and value[:3] in {"276", "250", "380", "724", "528"} | {
        "826",
        "840",
        "981",
        "985",
    }


CHECKS = {  # negative kind: a validator of what the negative claims to be (python-stdnum where it has one)
    "H9IMEI": imei.is_valid,
    "H9EAN": ean.is_valid,
    "H9ISBN": isbn.is_valid,
    "H9ICCID": lambda v: v.startswith("89") and len(v) in (19, 20) and luhn.is_valid(v),
    "H9PAN": pan.is_valid,
    "H9AADHAAR": aadhaar.is_valid,
    "H9IDNR": idnr.is_valid,
    "H9SIRET": siret.is_valid,
    "H9ABA": rtn.is_valid,
    "H9BSN": bsn.is_valid,
    "H9CPF": cpf.is_valid,
    "H9CF": codicefiscale.is_valid,
    "H9DNI": dni.is_valid,
    "H9CHIP": _chip_ok,
    "H9AWSACCT": lambda v: re.fullmatch(r"\d{12}", v) is not None,
    "H9JIRA": lambda v: re.fullmatch(r"[A-Z]{3}-\d{2,4}", v) is not None,
    "H9LEASE": lambda v: re.fullmatch(r"[0-6] \d{4}/\d\d/\d\d \d\d:\d\d:\d\d", v) is not None,
}


def test_hard_negatives_are_the_identifiers_they_claim_to_be() -> None:
    for kind, check in CHECKS.items():
        values = negatives_of(kind)
        assert values and all(check(v) for v in values), (kind, [v for v in values if not check(v)])


def test_look_alikes_fail_the_check_of_the_type_they_resemble() -> None:
    """IMEIs and ICCIDs are Luhn-valid but no card (15 digits outside 34/37; the 89 telecom range); NPI,
    NHS and card look-alikes fail their checks; pet microchips are 15 digits that are no NHS number."""
    for value in negatives_of("H9IMEI"):
        assert len(_digits(value)) == 15 and _digits(value)[:2] not in ("34", "37")
    npi_like = negatives_of("H9NPILIKE")
    assert npi_like and all(len(v) == 10 and not luhn.is_valid("80840" + v) for v in npi_like)
    nhs_like = negatives_of("H9NHSLIKE")
    assert nhs_like and all(not nhs.is_valid(v) for v in nhs_like)
    card_like = [_digits(v) for v in negatives_of("H9CARDLIKE")]
    assert card_like and all(not luhn.is_valid(v) for v in card_like)


def test_non_birth_dates_sit_next_to_people_in_both_halves() -> None:
    dated_kinds = (
        "H9DUS",
        "H9DGB",
        "H9DIN",
        "H9DFR",
        "H9DDE",
        "H9DIT",
        "H9DES",
        "H9DNL",
        "H9DBR",
        "H9PETDOB",
    )
    for tag in ("h9k", "h9n"):
        dated = [n for c in half(tag) for n in c["negatives"] if n["kind"].startswith(dated_kinds)]
        assert len(dated) >= 100, tag


def test_the_committed_set_holds_heldout9_unchanged() -> None:
    """The check of every batch's digest and of the evaluation's sides lives in the newest batch's test
    (tests/test_pii_heldout10_set.py): heldout9 is on the dev side now."""
    cases = list(committed())
    assert [c for c in cases if c["batch"] == "heldout9"] == list(heldout9())
    assert digest([c for c in cases if c["batch"] == "heldout9"]) == BATCH_DIGESTS["heldout9"]
