"""The held-out PII batch `heldout10` (bench/phantom_pii_heldout10_data.py) is what its docstring says: it
builds, larger than heldout9, in two halves of about equal size (known document kinds, `h10k`, and new
ones, `h10n`), with every entity type often enough in each half that one document cannot swing its
figure; its labels sit exactly on their values; the values are valid by their specifications as
third-party validators read them (python-stdnum, libphonenumber, ipaddress, base64); its hard negatives
are the identifiers they claim to be (or fail the check they claim to fail); and the committed set holds
it unchanged, appended last, with every earlier batch untouched. No detector runs here: heldout10 is
scored once, by the lead, with bench/phantom_pii_eval.py."""

from __future__ import annotations

import base64
import binascii
import re
from collections import Counter
from datetime import date
from functools import cache

from pii_set_support import (
    BATCH_DIGESTS,
    assert_cards_pass_luhn,
    assert_general_types_in_locales,
    assert_marks_sit_on_values,
    assert_new_kinds_are_new,
    assert_nhs_ssn_iban_validate,
    assert_npis_pass_luhn,
    assert_own_placeholders,
    assert_phones_in_numbering_plans,
    assert_plausible_birth_years,
    assert_syntax_valid,
    bare_host,
    committed,
    digest,
    load_bench,
)
from stdnum import ean, imei, issn, luhn
from stdnum.br import cnpj, cpf
from stdnum.de import idnr
from stdnum.es import cups, dni, nie
from stdnum.fr import nif, nir, siret
from stdnum.gb import nhs, vat
from stdnum.in_ import aadhaar, pan
from stdnum.it import codicefiscale, iva
from stdnum.nl import bsn
from stdnum.us import ein

ENTITIES = {"EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS"}
ENTITIES |= {"MAC_ADDRESS", "URL", "DATE_OF_BIRTH", "CRYPTO", "US_NPI", "UK_NHS"}


@cache
def heldout10() -> tuple[dict, ...]:
    return tuple(load_bench("phantom_pii_heldout10_data").build_heldout10())


def half(tag: str) -> list[dict]:
    return [c for c in heldout10() if f"/{tag}/" in c["template"]]


def spans_of(entity: str) -> list[tuple[dict, str]]:
    return [
        (c, c["text"][s["start"] : s["end"]])
        for c in heldout10()
        for s in c["spans"]
        if s["entity"] == entity
    ]


def negatives_of(kind: str) -> list[str]:
    return [
        c["text"][n["start"] : n["end"]] for c in heldout10() for n in c["negatives"] if n["kind"] == kind
    ]


def test_the_batch_is_larger_than_heldout9_and_has_every_entity_type() -> None:
    cases = heldout10()
    spans = Counter(s["entity"] for c in cases for s in c["spans"])
    negatives = sum(len(c["negatives"]) for c in cases)
    assert 550 <= len(cases) <= 660 and 2200 <= sum(spans.values()) <= 2800 and 1800 <= negatives <= 2200
    assert {c["split"] for c in cases} == {"heldout10"} and {c["batch"] for c in cases} == {"heldout10"}
    assert all(re.fullmatch(r"[a-zA-Z-]+/h10[kn]/\d+", c["template"]) for c in cases)
    assert set(spans) == ENTITIES
    assert min(spans.values()) >= 70, spans


def test_every_type_occurs_at_least_30_times_in_each_half() -> None:
    for tag in ("h10k", "h10n"):
        counts = Counter(s["entity"] for c in half(tag) for s in c["spans"])
        assert set(counts) == ENTITIES and min(counts.values()) >= 30, (tag, counts)


def test_the_two_halves_are_about_equal_and_cover_every_locale() -> None:
    known = sum(len(c["spans"]) for c in half("h10k"))
    new = sum(len(c["spans"]) for c in half("h10n"))
    assert len(half("h10k")) + len(half("h10n")) == len(heldout10())
    assert 0.9 <= known / new <= 1.1 and abs(len(half("h10k")) - len(half("h10n"))) <= 12
    locales = {c["locale"] for c in heldout10()}
    assert {c["locale"] for c in half("h10k")} == {c["locale"] for c in half("h10n")} == locales
    assert len(locales) == 10  # nine locales and the technical group


NEW_KIND_MARKERS = [
    "MORTGAGE PRE-APPROVAL",
    "RENTAL CAR DAMAGE REPORT",
    "Wedding RSVP",
    "Thanks for riding",
    "SUMMONS IN A CIVIL ACTION",
    "FIRST REPORT OF INJURY",
    "recall card",
    "Your flight has been cancelled",
    "Annual Benefit Statement",
    "END OF YEAR REPORT CARD",
    "Care Home",
    "FORM E",
    "KNOW YOUR CUSTOMER",
    "order chat",
    "DELEGATE REGISTRATION",
    "Caisse d'allocations familiales",
    "AGIRC-ARRCO",
    "ACTE DE VENTE",
    "Tribunal judiciaire",
    "actifs numériques",
    "Renteninformation",
    "Schadensprotokoll",
    "Mannschaftsliste",
    "Zahnarztpraxis",
    "NACHLASSVERZEICHNIS",
    "INPS",
    "PAGELLA",
    "CONVOCAZIONE",
    "Atto notarile",
    "SEPE",
    "ESCRITURA DE COMPRAVENTA",
    "CITACIÓN",
    "UWV",
    "Tandartspraktijk",
    "Trouwerij",
    "Rapport —",
    "CNIS",
    "Recibo da corrida",
    "INTIMAÇÃO",
    "kafka-console-consumer",
    '{"index":{"_index"',
    "CEF:0|",
    "LEEF:2.0|",
    "#path\tdhcp",
    "#path\tconn",
    "Ethernet II, Src:",
    '"Id","FirstName"',
    "ST*834*",
    "<xfdf",
    "DEPLOY_HOST:",
    "OpenVPN CLIENT LIST",
    "[Peer]",
    "fail2ban.actions",
    "snmptrapd",
]


def test_new_kinds_are_new_to_the_set() -> None:
    """The new half's document kinds appear in no batch committed before heldout10 (a marker phrase of each)
    and in none of heldout10's known half, and every new template carries a marker."""
    assert_new_kinds_are_new("heldout10", NEW_KIND_MARKERS, half("h10n"), half("h10k"))


def test_the_batch_uses_only_its_own_placeholder_names() -> None:
    """The data modules share the VALUES/NEGATIVES registries: heldout10 registers only H10 names."""
    assert_own_placeholders("heldout10", "H10")


def test_general_entity_types_occur_in_at_least_eight_locales() -> None:
    assert_general_types_in_locales(heldout10())


def test_labels_and_negatives_sit_exactly_on_values_and_never_overlap() -> None:
    assert_marks_sit_on_values(heldout10())


def test_cards_pass_luhn_with_an_issuer_length() -> None:
    assert_cards_pass_luhn(heldout10(), at_least=100, prefixes=50)


def test_npis_pass_luhn_over_the_80840_prefix() -> None:
    assert_npis_pass_luhn(heldout10(), at_least=70)


def test_nhs_numbers_ssns_and_ibans_validate_with_python_stdnum() -> None:
    assert_nhs_ssn_iban_validate(heldout10(), at_least=70, ibans=150)


def test_phone_numbers_exist_in_their_countrys_plan_per_libphonenumber() -> None:
    assert_phones_in_numbering_plans(heldout10(), at_least=550, extensions=100)


def test_birth_dates_carry_a_plausible_birth_year() -> None:
    assert_plausible_birth_years([v for _, v in spans_of("DATE_OF_BIRTH")], at_least=400)


def test_urls_emails_addresses_and_crypto_validate() -> None:
    assert_syntax_valid(heldout10(), crypto=70)


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _nuss_ok(value: str) -> bool:
    """Spanish Seguridad Social number: 12 digits, the last two the first ten modulo 97."""
    n = _digits(value)
    return len(n) == 12 and 1 <= int(n[:2]) <= 52 and int(n[:10]) % 97 == int(n[10:])


def _sfid_ok(value: str) -> bool:
    """Salesforce 18-character id: the suffix encodes, five characters at a time, which are upper case."""
    if not re.fullmatch(r"[0-9A-Za-z]{18}", value):
        return False
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
    flags = [sum(1 << i for i, c in enumerate(value[k : k + 5]) if c.isupper()) for k in (0, 5, 10)]
    return "".join(alphabet[f] for f in flags) == value[15:] and value[:3] in {"001", "003", "00Q"}


def _wg_key_ok(value: str) -> bool:
    try:
        return len(base64.b64decode(value, validate=True)) == 32
    except binascii.Error:
        return False


def _inps_ok(value: str) -> bool:
    match = re.fullmatch(r"INPS\.\d{4}\.(\d\d)/(\d\d)/(\d{4})\.\d{7}", value)
    return match is not None and date(int(match[3]), int(match[2]), int(match[1])) <= date(2026, 12, 31)


CHECKS = {  # negative kind: a validator of what the negative claims to be (python-stdnum where it has one)
    "H10UPC": lambda v: len(v) == 12 and ean.is_valid(v),
    "H10IMEI": imei.is_valid,
    "H10ICCID": lambda v: v.startswith("89") and len(v) in (19, 20) and luhn.is_valid(v),
    "H10HOST": bare_host,
    "H10ISSN": issn.is_valid,
    "H10GBVAT": vat.is_valid,
    "H10EIN": ein.is_valid,
    "H10PAN": pan.is_valid,
    "H10AADHAAR": aadhaar.is_valid,
    "H10IDNR": idnr.is_valid,
    "H10SIRET": siret.is_valid,
    "H10NIR": nir.is_valid,
    "H10BSN": bsn.is_valid,
    "H10CPF": cpf.is_valid,
    "H10CNPJ": cnpj.is_valid,
    "H10CF": codicefiscale.is_valid,
    "H10PIVA": iva.is_valid,
    "H10DNI": dni.is_valid,
    "H10NIE": nie.is_valid,
    "H10CUPS": cups.is_valid,
    "H10NUSS": _nuss_ok,
    "H10SPI": nif.is_valid,
    "H10SFID": _sfid_ok,
    "H10WGKEY": _wg_key_ok,
    "H10INPSPROT": _inps_ok,
    "H10ZEEKUID": lambda v: re.fullmatch(r"C[0-9A-Za-z]{17}", v) is not None,
    "H10ZEEKTS": lambda v: re.fullmatch(r"1[67]\d{8}\.\d{6}", v) is not None,
    "H10OID": lambda v: v.startswith("1.3.6.1.4.1.") and re.fullmatch(r"[\d.]+", v) is not None,
    "H10CKYC": lambda v: re.fullmatch(r"[1-9]\d{13}", v) is not None,
    "H10USCASE": lambda v: re.fullmatch(r"\d:\d\d-(cv|cr|mj)-\d{5}-[A-Z]{3}", v) is not None,
}


def test_hard_negatives_are_the_identifiers_they_claim_to_be() -> None:
    for kind, check in CHECKS.items():
        values = negatives_of(kind)
        assert values and all(check(v) for v in values), (kind, [v for v in values if not check(v)])


def test_look_alikes_fail_the_check_of_the_type_they_resemble() -> None:
    """IMEIs and ICCIDs are Luhn-valid but no card (15 digits outside 34/37; the 89 telecom range); NPI,
    NHS and card look-alikes fail their checks; loan numbers are ten digits that are no NPI-shaped
    label (they are phone-shaped negatives); UK VAT numbers and NUSS carry check digits of their own."""
    for value in negatives_of("H10IMEI"):
        assert len(_digits(value)) == 15 and _digits(value)[:2] not in ("34", "37")
    npi_like = negatives_of("H10NPILIKE")
    assert npi_like and all(len(v) == 10 and not luhn.is_valid("80840" + v) for v in npi_like)
    nhs_like = negatives_of("H10NHSLIKE")
    assert nhs_like and all(not nhs.is_valid(v) for v in nhs_like)
    card_like = [_digits(v) for v in negatives_of("H10CARDLIKE")]
    assert card_like and all(not luhn.is_valid(v) for v in card_like)
    assert all(re.fullmatch(r"[2-9]\d{9}", v) for v in negatives_of("H10LOAN"))


def test_non_birth_dates_sit_next_to_people_in_both_halves() -> None:
    dated_kinds = ("H10DUS", "H10DGB", "H10DIN", "H10DFR", "H10DDE", "H10DIT", "H10DES", "H10DNL", "H10DBR")
    for tag in ("h10k", "h10n"):
        dated = [n for c in half(tag) for n in c["negatives"] if n["kind"].startswith(dated_kinds)]
        assert len(dated) >= 200, tag


def test_the_committed_set_holds_heldout10_unchanged() -> None:
    """The check of every batch's digest and of the evaluation's sides lives in the newest batch's test
    (tests/test_pii_heldout11_set.py): heldout10 is on the dev side now."""
    cases = list(committed())
    assert [c for c in cases if c["batch"] == "heldout10"] == list(heldout10())
    assert digest([c for c in cases if c["batch"] == "heldout10"]) == BATCH_DIGESTS["heldout10"]
