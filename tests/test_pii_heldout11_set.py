"""The held-out PII batch `heldout11` (bench/phantom_pii_heldout11_data.py) is what its docstring says: it
builds, in two halves of about equal size (known document kinds, `h11k`, and new ones, `h11n`), with every
entity type often enough in each half that one document cannot swing its figure; its labels sit exactly
on their values; the values are valid by their specifications as third-party validators read them
(python-stdnum, libphonenumber, ipaddress, uuid); its hard negatives are the identifiers they claim to be
(or fail the check they claim to fail); and the committed set holds it unchanged, appended last, with
every earlier batch untouched. No detector runs here: heldout11 is scored once, by the lead, with
bench/phantom_pii_eval.py."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from functools import cache

from pii_set_support import (
    BATCH_DIGESTS,
    assert_cards_pass_luhn,
    assert_general_types_in_locales,
    assert_marks_sit_on_values,
    assert_mirrors_without_shadowing,
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
from stdnum import imei, luhn
from stdnum.br import cpf
from stdnum.de import idnr
from stdnum.es import dni
from stdnum.fr import siret
from stdnum.gb import nhs, vat
from stdnum.in_ import aadhaar, gstin, pan
from stdnum.it import codicefiscale
from stdnum.nl import bsn
from stdnum.us import ein, itin

ENTITIES = {"EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS"}
ENTITIES |= {"MAC_ADDRESS", "URL", "DATE_OF_BIRTH", "CRYPTO", "US_NPI", "UK_NHS"}


@cache
def heldout11() -> tuple[dict, ...]:
    return tuple(load_bench("phantom_pii_heldout11_data").build_heldout11())


def half(tag: str) -> list[dict]:
    return [c for c in heldout11() if f"/{tag}/" in c["template"]]


def negatives_of(kind: str) -> list[str]:
    return [
        c["text"][n["start"] : n["end"]] for c in heldout11() for n in c["negatives"] if n["kind"] == kind
    ]


def test_the_batch_has_the_briefs_size_and_every_entity_type() -> None:
    cases = heldout11()
    spans = Counter(s["entity"] for c in cases for s in c["spans"])
    negatives = sum(len(c["negatives"]) for c in cases)
    assert 400 <= len(cases) <= 470 and 1600 <= sum(spans.values()) <= 2000 and 1300 <= negatives <= 1500
    assert {c["split"] for c in cases} == {"heldout11"} and {c["batch"] for c in cases} == {"heldout11"}
    assert all(re.fullmatch(r"[a-zA-Z-]+/h11[kn]/\d+", c["template"]) for c in cases)
    assert set(spans) == ENTITIES
    assert min(spans.values()) >= 40, spans


def test_every_type_occurs_at_least_16_times_in_each_half() -> None:
    for tag in ("h11k", "h11n"):
        counts = Counter(s["entity"] for c in half(tag) for s in c["spans"])
        assert set(counts) == ENTITIES and min(counts.values()) >= 16, (tag, counts)


def test_the_two_halves_are_about_equal_and_cover_every_locale() -> None:
    known = sum(len(c["spans"]) for c in half("h11k"))
    new = sum(len(c["spans"]) for c in half("h11n"))
    assert len(half("h11k")) + len(half("h11n")) == len(heldout11())
    assert 0.9 <= known / new <= 1.1 and abs(len(half("h11k")) - len(half("h11n"))) <= 12
    locales = {c["locale"] for c in heldout11()}
    assert {c["locale"] for c in half("h11k")} == {c["locale"] for c in half("h11n")} == locales
    assert len(locales) == 10  # nine locales and the technical group


NEW_KIND_MARKERS = [
    "PARKING CITATION",
    "FIELD TRIP PERMISSION SLIP",
    "BLOOD DONOR CARD",
    "LEASE RENEWAL AGREEMENT",
    "PATIENT CARE REPORT",
    "LETTER OF AUTHORIZATION",
    "COUNCIL TAX",
    "Organ Donor Register",
    "SCHOOL TRIP CONSENT FORM",
    "Give blood",
    "your PAC is",
    "MOBILE NUMBER PORTABILITY REQUEST",
    "deposit confirmed",
    "forfait post-stationnement",
    "SORTIE SCOLAIRE",
    "RENOUVELLEMENT DU BAIL",
    "DEMANDE DE PORTABILITÉ",
    "KLASSENFAHRT",
    "VERWARNUNGSGELD",
    "BLUTSPENDEAUSWEIS",
    "RUFNUMMERNMITNAHME",
    "TESSERINO DONATORE",
    "PREAVVISO DI CONTRAVVENZIONE",
    "PORTABILITÀ DEL NUMERO",
    "SOLICITUD DE PORTABILIDAD",
    "multa de estacionamiento",
    "AUTORIZACIÓN DE EXCURSIÓN",
    "SCHOOLREIS",
    "NAHEFFINGSAANSLAG",
    "NUMMERBEHOUD",
    "DOADOR DE SANGUE",
    "AUTO DE INFRAÇÃO",
    "PORTABILIDADE NUMÉRICA",
    '{"log": {"version": "1.2"',
    "kubectl get events",
    '"HSET" "user:',
    '"breadcrumbs":',
    '"eventType": "user.session.start"',
    '"type": "s", "description"',
    "Incident Identifier:",
    "IATA BCBP",
    "haproxy[",
    "station dump",
    "helm upgrade --install",
]


def test_new_kinds_are_new_to_the_set() -> None:
    """The new half's document kinds appear in no batch committed before heldout11 (a marker phrase of each)
    and in none of heldout11's known half, and every new template carries a marker."""
    assert_new_kinds_are_new("heldout11", NEW_KIND_MARKERS, half("h11n"), half("h11k"))


def test_the_batch_uses_only_its_own_placeholder_names() -> None:
    """The data modules share the VALUES/NEGATIVES registries: heldout11 registers only H11 names, and its
    new negative kinds shadow none of the H10 names it mirrors (the module asserts that when imported)."""
    assert_own_placeholders("heldout11", "H11")
    assert_mirrors_without_shadowing("heldout11", "H11", "H10")


def test_general_entity_types_occur_in_at_least_eight_locales() -> None:
    assert_general_types_in_locales(heldout11())


def test_labels_and_negatives_sit_exactly_on_values_and_never_overlap() -> None:
    assert_marks_sit_on_values(heldout11())


def test_cards_pass_luhn_with_an_issuer_length() -> None:
    assert_cards_pass_luhn(heldout11(), at_least=90, prefixes=45)


def test_npis_pass_luhn_over_the_80840_prefix() -> None:
    assert_npis_pass_luhn(heldout11(), at_least=40)


def test_nhs_numbers_ssns_and_ibans_validate_with_python_stdnum() -> None:
    assert_nhs_ssn_iban_validate(heldout11(), at_least=40, ibans=100)


def test_phone_numbers_exist_in_their_countrys_plan_per_libphonenumber() -> None:
    assert_phones_in_numbering_plans(heldout11(), at_least=400, extensions=80)


def test_birth_dates_carry_a_plausible_birth_year() -> None:
    values = [
        c["text"][s["start"] : s["end"]]
        for c in heldout11()
        for s in c["spans"]
        if s["entity"] == "DATE_OF_BIRTH"
    ]
    assert_plausible_birth_years(values, at_least=200)


def test_urls_emails_addresses_and_crypto_validate() -> None:
    assert_syntax_valid(heldout11(), crypto=40)


def _uuid4_upper(value: str) -> bool:
    """An iOS Incident Identifier: an upper-case RFC 4122 UUID, version 4, variant 10xx."""
    parsed = uuid.UUID(value)
    return value.isupper() and parsed.version == 4 and parsed.variant == uuid.RFC_4122


CHECKS = {  # negative kind: a validator of what the negative claims to be (python-stdnum where it has one)
    "H11IMEI": imei.is_valid,
    "H11ICCID": lambda v: v.startswith("89") and len(v) in (19, 20) and luhn.is_valid(v),
    "H11HOST": bare_host,
    "H11GBVAT": vat.is_valid,
    "H11EIN": ein.is_valid,
    "H11ITIN": itin.is_valid,
    "H11PAN": pan.is_valid,
    "H11AADHAAR": aadhaar.is_valid,
    "H11GSTIN": gstin.is_valid,
    "H11IDNR": idnr.is_valid,
    "H11SIRET": siret.is_valid,
    "H11BSN": bsn.is_valid,
    "H11CPF": cpf.is_valid,
    "H11CF": codicefiscale.is_valid,
    "H11DNI": dni.is_valid,
    "H11INCIDENT": _uuid4_upper,
    "H11ISBT": lambda v: re.fullmatch(r"[GW]\d{4} (19|2[0-6]) \d{6} 00", v) is not None,
    "H11PAC": lambda v: re.fullmatch(r"[A-Z]{3}\d{6}", v) is not None,
    "H11UPCODE": lambda v: re.fullmatch(r"[A-Z]{2}\d{6}", v) is not None,
    "H11RIO": lambda v: re.fullmatch(r"\d\d[PE][A-Z0-9]{9}", v) is not None,
    "H11NOTICE": lambda v: re.fullmatch(r"[A-Z]{2}\d{8}", v) is not None,
    "H11CITATION": lambda v: re.fullmatch(r"[A-Z]\d{9}", v) is not None,
    "H11OKTAID": lambda v: re.fullmatch(r"(00u|0oa)[0-9A-Za-z]{17}", v) is not None,
    "H11AUTH0ID": lambda v: re.fullmatch(r"auth0\|[0-9a-f]{24}", v) is not None,
    "H11REDISTS": lambda v: re.fullmatch(r"1[67]\d{8}\.\d{6}", v) is not None,
    "H11K8SPOD": lambda v: re.fullmatch(r"(api|worker|web)-[0-9a-f]{10}-[b-z2-9]{5}", v) is not None,
    "H11HAPTS": lambda v: re.fullmatch(r"\d\d/[A-Z][a-z]{2}/20\d\d:\d\d:\d\d:\d\d\.\d{3}", v) is not None,
    "H11JULIAN": lambda v: re.fullmatch(r"\d{3}", v) is not None and 1 <= int(v) <= 366,
}


def test_hard_negatives_are_the_identifiers_they_claim_to_be() -> None:
    for kind, check in CHECKS.items():
        values = negatives_of(kind)
        assert values and all(check(v) for v in values), (kind, [v for v in values if not check(v)])


def test_look_alikes_fail_the_check_of_the_type_they_resemble() -> None:
    """IMEIs and ICCIDs are Luhn-valid but no card (15 digits outside 34/37; the 89 telecom range); NPI,
    NHS and card look-alikes fail their checks; run and log ids are ten or eleven digits (phone-shaped,
    no phone); account PINs are four or six digits."""
    for value in (re.sub(r"\D", "", v) for v in negatives_of("H11IMEI")):
        assert len(value) == 15 and value[:2] not in ("34", "37")
    npi_like = negatives_of("H11NPILIKE")
    assert npi_like and all(len(v) == 10 and not luhn.is_valid("80840" + v) for v in npi_like)
    nhs_like = negatives_of("H11NHSLIKE")
    assert nhs_like and all(not nhs.is_valid(v) for v in nhs_like)
    card_like = [re.sub(r"\D", "", v) for v in negatives_of("H11CARDLIKE")]
    assert card_like and all(not luhn.is_valid(v) for v in card_like)
    assert all(re.fullmatch(r"[1-9]\d{9,10}", v) for v in negatives_of("H11RUNID"))
    assert all(re.fullmatch(r"\d{4}|\d{6}", v) for v in negatives_of("H11ACCTPIN"))


def test_non_birth_dates_sit_next_to_people_in_both_halves() -> None:
    dated_kinds = ("H11DUS", "H11DGB", "H11DIN", "H11DFR", "H11DDE", "H11DIT", "H11DES", "H11DNL", "H11DBR")
    for tag in ("h11k", "h11n"):
        dated = [n for c in half(tag) for n in c["negatives"] if n["kind"].startswith(dated_kinds)]
        assert len(dated) >= 150, tag


def test_the_committed_set_holds_heldout11_unchanged() -> None:
    """The check of every batch's digest and of the evaluation's sides lives in the newest batch's test
    (tests/test_pii_heldout12_set.py): heldout11 is on the dev side now."""
    cases = list(committed())
    assert [c for c in cases if c["batch"] == "heldout11"] == list(heldout11())
    assert digest([c for c in cases if c["batch"] == "heldout11"]) == BATCH_DIGESTS["heldout11"]


def test_the_template_tags_select_exactly_one_half() -> None:
    """`--template h11k` matches a whole path segment, so it selects heldout11's known half and nothing of
    another batch (no `h1`, `h11` or `h11n` case)."""
    for tag in ("h11k", "h11n"):
        chosen = [c for c in committed() if tag in c.get("template", "").split("/")]
        assert chosen == half(tag)
