"""The held-out PII batch `heldout8` (bench/phantom_pii_heldout8_data.py) is what its docstring says: it
builds, in two halves of about equal size (known document kinds, `h8k`, and new ones, `h8n`); its labels
sit exactly on their values; the values are valid by their specifications as third-party validators read
them (python-stdnum, libphonenumber, ipaddress); its hard negatives are the identifiers they claim to be
(or fail the check they claim to fail); and the committed set holds it unchanged. No detector runs
here: heldout8 was scored once, by the lead, with bench/phantom_pii_eval.py, and is on the dev side
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
from stdnum import bic, iban, imei, iso6346, luhn
from stdnum.br import cnpj, cpf
from stdnum.de import vat as de_vat
from stdnum.es import dni, nie
from stdnum.fr import nir, tva
from stdnum.gb import nhs
from stdnum.in_ import gstin
from stdnum.it import codicefiscale, iva
from stdnum.nl import bsn
from stdnum.us import rtn

ENTITIES = {"EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS"}
ENTITIES |= {"MAC_ADDRESS", "URL", "DATE_OF_BIRTH", "CRYPTO", "US_NPI", "UK_NHS"}


@cache
def heldout8() -> tuple[dict, ...]:
    return tuple(load_bench("phantom_pii_heldout8_data").build_heldout8())


def half(tag: str) -> list[dict]:
    return [c for c in heldout8() if f"/{tag}/" in c["template"]]


def spans_of(entity: str) -> list[tuple[dict, str]]:
    return [
        (c, c["text"][s["start"] : s["end"]]) for c in heldout8() for s in c["spans"] if s["entity"] == entity
    ]


def negatives_of(kind: str) -> list[str]:
    return [c["text"][n["start"] : n["end"]] for c in heldout8() for n in c["negatives"] if n["kind"] == kind]


def test_the_batch_has_heldout7s_size_and_every_entity_type() -> None:
    cases = heldout8()
    spans = Counter(s["entity"] for c in cases for s in c["spans"])
    negatives = sum(len(c["negatives"]) for c in cases)
    assert 350 <= len(cases) <= 400 and 1400 <= sum(spans.values()) <= 1700 and 1200 <= negatives <= 1500
    assert {c["split"] for c in cases} == {"heldout8"} and {c["batch"] for c in cases} == {"heldout8"}
    assert all(re.fullmatch(r"[a-zA-Z-]+/h8[kn]/\d+", c["template"]) for c in cases)
    assert set(spans) == ENTITIES


def test_the_two_halves_are_about_equal_in_spans_and_hold_every_type() -> None:
    known = Counter(s["entity"] for c in half("h8k") for s in c["spans"])
    new = Counter(s["entity"] for c in half("h8n") for s in c["spans"])
    assert len(half("h8k")) + len(half("h8n")) == len(heldout8())
    assert set(known) == set(new) == ENTITIES
    assert 0.9 <= sum(known.values()) / sum(new.values()) <= 1.1
    locales = {c["locale"] for c in heldout8()}
    assert {c["locale"] for c in half("h8k")} == {c["locale"] for c in half("h8n")} == locales
    assert len(locales) == 10  # nine locales and the technical group


def test_new_kinds_are_new_to_the_set() -> None:
    """The new half's document kinds appear in no earlier batch: a marker phrase of each, searched in every
    committed case that is not heldout8."""
    markers = ["RENTAL APPLICATION", "DEPOSIT PROTECTION CERTIFICATE", "MIETERSELBSTAUSKUNFT"]
    markers += ["FatturaElettronicaHeader", "DANFE", "Nmap scan report", "createdDateTime", "ivms101"]
    markers += ["Arbeitsunfähigkeitsbescheinigung", "POLISBLAD", "FAFSA", "payment_intent", "-->"]
    earlier = [c["text"] for c in committed() if c["batch"] != "heldout8"]
    for marker in markers:
        assert any(marker in c["text"] for c in half("h8n")), marker
        assert not any(marker in text for text in earlier), marker


def test_the_batch_uses_only_its_own_placeholder_names() -> None:
    """The data modules share the VALUES/NEGATIVES registries: heldout8 registers only H8 names."""
    assert_own_placeholders("heldout8", "H8")


def test_general_entity_types_occur_in_at_least_eight_locales() -> None:
    assert_general_types_in_locales(heldout8())


def test_labels_and_negatives_sit_exactly_on_values_and_never_overlap() -> None:
    assert_marks_sit_on_values(heldout8())


def test_cards_pass_luhn_with_an_issuer_length() -> None:
    assert_cards_pass_luhn(heldout8(), at_least=60, prefixes=25)


def test_npis_pass_luhn_over_the_80840_prefix() -> None:
    assert_npis_pass_luhn(heldout8(), at_least=25)


def test_nhs_numbers_ssns_and_ibans_validate_with_python_stdnum() -> None:
    assert_nhs_ssn_iban_validate(heldout8(), at_least=24, ibans=100)


def test_phone_numbers_exist_in_their_countrys_plan_per_libphonenumber() -> None:
    assert_phones_in_numbering_plans(heldout8(), at_least=350, extensions=25)


def test_birth_dates_carry_a_plausible_birth_year() -> None:
    assert_plausible_birth_years([v for _, v in spans_of("DATE_OF_BIRTH")], at_least=200)


def test_urls_emails_addresses_and_crypto_validate() -> None:
    assert_syntax_valid(heldout8(), crypto=30)


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _gs1_ok(number: str) -> bool:
    body, check = number[:-1], int(number[-1])
    total = sum(int(c) * (3 if (len(body) - i) % 2 == 1 else 1) for i, c in enumerate(body))
    return (10 - total % 10) % 10 == check


def _creditor_id_ok(value: str) -> bool:
    """EPC262-08: MOD 97-10 over the national identifier, the country code and the check digits."""
    country, check, business, national = value[:2], value[2:4], value[4:7], value[7:]
    expanded = "".join(str(int(c, 36)) for c in national + country + check)
    return business == "ZZZ" and int(expanded) % 97 == 1


def _dea_ok(value: str) -> bool:
    d = [int(c) for c in value[2:]]
    return len(d) == 7 and (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


def _lanr_ok(value: str) -> bool:
    six, check = value[:6], int(value[6])
    return (
        len(value) == 9
        and (10 - sum(int(c) * w for c, w in zip(six, [4, 9] * 3, strict=True)) % 10) % 10 == check
    )


def _nfe_ok(value: str) -> bool:
    n = _digits(value)
    total = sum(int(c) * (2 + i % 8) for i, c in enumerate(reversed(n[:-1])))
    return (
        len(n) == 44 and int(n[-1]) == (0 if total % 11 < 2 else 11 - total % 11) and cnpj.is_valid(n[6:20])
    )


_MBI = re.compile(
    r"[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d-?[AC-HJKMNP-RT-Y]{2}\d\d"
)

CHECKS = {  # negative kind: a validator of what the negative claims to be (python-stdnum where it has one)
    "H8IMEI": imei.is_valid,
    "H8ABA": rtn.is_valid,
    "H8BIC": bic.is_valid,
    "H8CONTAINER": iso6346.is_valid,
    "H8GSTIN": gstin.is_valid,
    "H8TVA": tva.is_valid,
    "H8USTID": de_vat.is_valid,
    "H8PIVA": iva.is_valid,
    "H8NIE": nie.is_valid,
    "H8BSN": bsn.is_valid,
    "H8CPF": cpf.is_valid,
    "H8CNPJ": cnpj.is_valid,
    "H8NIR": nir.is_valid,
    "H8CF": codicefiscale.is_valid,
    "H8DNI": dni.is_valid,
    "H8CI": _creditor_id_ok,
    "H8DEA": _dea_ok,
    "H8LANR": _lanr_ok,
    "H8NFE": _nfe_ok,
    "H8USPS": lambda v: len(_digits(v)) == 22 and _digits(v).startswith("94001") and _gs1_ok(_digits(v)),
    "H8MBI": lambda v: _MBI.fullmatch(v) is not None,
    "H8SRT": lambda v: re.fullmatch(r"\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}", v) is not None,
}


def test_hard_negatives_are_the_identifiers_they_claim_to_be() -> None:
    for kind, check in CHECKS.items():
        values = negatives_of(kind)
        assert values and all(check(v) for v in values), (kind, [v for v in values if not check(v)])


def test_look_alikes_fail_the_check_of_the_type_they_resemble() -> None:
    """IMEIs are Luhn-valid but 15 digits outside the 34/37 range; creditor ids are IBAN-shaped but not
    IBANs; NPI, NHS and card look-alikes fail their checks."""
    for value in negatives_of("H8IMEI"):
        assert len(_digits(value)) == 15 and _digits(value)[:2] not in ("34", "37")
    assert all(not iban.is_valid(v) for v in negatives_of("H8CI"))
    npi_like = negatives_of("H8NPILIKE")
    assert npi_like and all(len(v) == 10 and not luhn.is_valid("80840" + v) for v in npi_like)
    nhs_like = negatives_of("H8NHSLIKE")
    assert nhs_like and all(not nhs.is_valid(v) for v in nhs_like)
    card_like = [_digits(v) for v in negatives_of("H8CARDLIKE")]
    assert card_like and all(not luhn.is_valid(v) for v in card_like)


def test_non_birth_dates_sit_next_to_people_in_both_halves() -> None:
    dated_kinds = (
        "H8DUS",
        "H8DGB",
        "H8DIN",
        "H8DFR",
        "H8DDE",
        "H8DIT",
        "H8DES",
        "H8DNL",
        "H8DBR",
        "H8PERIOD",
    )
    for tag in ("h8k", "h8n"):
        dated = [n for c in half(tag) for n in c["negatives"] if n["kind"].startswith(dated_kinds)]
        assert len(dated) >= 100, tag


def test_the_committed_set_holds_heldout8_unchanged() -> None:
    """The check of every batch's digest and of the evaluation's sides lives in the newest batch's test
    (tests/test_pii_heldout9_set.py): heldout8 is on the dev side now."""
    cases = list(committed())
    assert [c for c in cases if c["batch"] == "heldout8"] == list(heldout8())
    assert digest([c for c in cases if c["batch"] == "heldout8"]) == BATCH_DIGESTS["heldout8"]
