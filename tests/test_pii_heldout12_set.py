"""The held-out PII batch `heldout12` (bench/phantom_pii_heldout12_data.py) is what its docstring says: it
builds, in two halves of about equal size (known document kinds, `h12k`, and new ones, `h12n`), with every
entity type often enough in each half that one document cannot swing its figure; its labels sit exactly
on their values; the values are valid by their specifications as third-party validators read them
(python-stdnum, libphonenumber, ipaddress, datetime); its hard negatives are the identifiers they claim
to be (or fail the check they claim to fail); FHIR system URIs are labelled as URLs; and the committed set
holds it unchanged (heldout13's test checks every batch's digest and the evaluation's sides). No detector runs here: heldout12 is
scored once, by the lead, with bench/phantom_pii_eval.py."""

from __future__ import annotations

import re

from pii_set_support import (
    BATCH_DIGESTS,
    HeldOut,
    assert_briefs_size_and_types,
    assert_cards_pass_luhn,
    assert_dated_negatives_in_halves,
    assert_every_type_in_each_half,
    assert_fhir_system_urls_labelled,
    assert_general_types_in_locales,
    assert_halves_balanced,
    assert_marks_sit_on_values,
    assert_mirrors_without_shadowing,
    assert_new_kinds_are_new,
    assert_nhs_ssn_iban_validate,
    assert_npis_pass_luhn,
    assert_own_placeholders,
    assert_phones_in_numbering_plans,
    assert_plausible_birth_years,
    assert_syntax_valid,
    assert_tags_select_their_halves,
    bare_host,
    committed,
    digest,
    epoch_between_2020_and_2027,
    held_out,
    parses_as,
    spans_in,
)
from stdnum import imei, luhn
from stdnum.br import cpf
from stdnum.es import dni, nie
from stdnum.gb import nhs, vat
from stdnum.in_ import aadhaar, gstin, pan
from stdnum.it import codicefiscale
from stdnum.nl import bsn
from stdnum.us import ein

TAGS = ("h12k", "h12n")


def batch() -> HeldOut:
    return held_out("heldout12")


def test_the_batch_has_the_briefs_size_and_every_entity_type() -> None:
    assert_briefs_size_and_types(batch(), TAGS)


def test_every_type_occurs_at_least_20_times_in_each_half() -> None:
    assert_every_type_in_each_half(batch(), TAGS)


def test_the_two_halves_are_about_equal_and_cover_every_locale() -> None:
    assert_halves_balanced(list(batch().cases), TAGS)


NEW_KIND_MARKERS = [
    "JUROR SUMMONS",
    "STUDENT LOAN STATEMENT",
    "first notice of loss",
    "START SERVICE REQUEST",
    "FISHING LICENSE",
    "TELEHEALTH INTAKE",
    "JURY SUMMONS",
    "CENSUS HOUSEHOLD QUESTIONNAIRE",
    "ROD FISHING LICENCE",
    "repeat prescription",
    "MAINTENANCE REQUEST",
    "FLU VACCINATION RECORD",
    "NHS 111 CALLBACK",
    "SELLER REGISTRATION",
    "EDUCATION LOAN",
    "ABHA number",
    "NEW ELECTRICITY CONNECTION",
    "JURÉ D'ASSISES",
    "RECENSEMENT DE LA POPULATION",
    "CARTE DE PÊCHE",
    "DÉMÉNAGEMENT — résiliation",
    "PREPAID-REGISTRIERUNG",
    "FISCHEREISCHEIN",
    "Auszahlung bestätigt",
    "ZENSUS",
    "UMZUGSMITTEILUNG",
    "LICENZA DI PESCA",
    "RICHIESTA DI VOLTURA",
    "CENSIMENTO PERMANENTE",
    "TARJETA PREPAGO",
    "candidato a jurado",
    "LICENCIA DE PESCA",
    "VISPAS",
    "opname verwerkt",
    "REPARATIEVERZOEK",
    "LINHA PRÉ-PAGA",
    "saque de criptomoedas",
    "CENSO DEMOGRÁFICO",
    '"SmsMessageSid"',
    '"RayID"',
    "P=esmtpsa",
    "WorkerSinkTask",
    '"E-mail Address"',
    "$ log show",
    "$ networkctl status",
    '"flow_id"',
    "violates check constraint",
    '"resourceLogs"',
    '"via": {"channel"',
    "type=USER_LOGIN",
]


def test_new_kinds_are_new_to_the_set() -> None:
    """The new half's document kinds appear in no batch committed before heldout12 (a marker phrase of each)
    and in none of heldout12's known half, and every new template carries a marker."""
    assert_new_kinds_are_new("heldout12", NEW_KIND_MARKERS, batch().half("h12n"), batch().half("h12k"))


def test_the_batch_uses_only_its_own_placeholder_names() -> None:
    """The data modules share the VALUES/NEGATIVES registries: heldout12 registers only H12 names, and its
    new negative kinds shadow none of the H11 names it mirrors (the module asserts that when imported)."""
    assert_own_placeholders("heldout12", "H12")
    assert_mirrors_without_shadowing("heldout12", "H12", "H11")


def test_general_entity_types_occur_in_at_least_eight_locales() -> None:
    assert_general_types_in_locales(batch().cases)


def test_labels_and_negatives_sit_exactly_on_values_and_never_overlap() -> None:
    assert_marks_sit_on_values(batch().cases)


def test_cards_pass_luhn_with_an_issuer_length() -> None:
    assert_cards_pass_luhn(batch().cases, at_least=120, prefixes=50)


def test_npis_pass_luhn_over_the_80840_prefix() -> None:
    assert_npis_pass_luhn(batch().cases, at_least=50)


def test_nhs_numbers_ssns_and_ibans_validate_with_python_stdnum() -> None:
    assert_nhs_ssn_iban_validate(batch().cases, at_least=48, ibans=120)


def test_phone_numbers_exist_in_their_countrys_plan_per_libphonenumber() -> None:
    assert_phones_in_numbering_plans(batch().cases, at_least=500, extensions=80)


def test_birth_dates_carry_a_plausible_birth_year() -> None:
    assert_plausible_birth_years(
        [value for _, value in spans_in(batch().cases, "DATE_OF_BIRTH")], at_least=300
    )


def test_urls_emails_addresses_and_crypto_validate() -> None:
    assert_syntax_valid(batch().cases, crypto=50)


def test_fhir_system_uris_are_labelled_urls_and_urn_oids_are_not() -> None:
    """FHIR R4 `Identifier.system` as an http(s) URI is a URL span; a `urn:oid:` system carries no label."""
    assert_fhir_system_urls_labelled(batch().cases)


def _coordinates(value: str) -> bool:
    """A latitude and a longitude in decimal degrees, comma-separated, within their ranges."""
    lat, lon = (float(part) for part in value.split(","))
    return -90 <= lat <= 90 and -180 <= lon <= 180


CHECKS = {  # negative kind: a validator of what the negative claims to be (python-stdnum where it has one)
    "H12IMEI": imei.is_valid,
    "H12ICCID": lambda v: v.startswith("89") and len(v) in (19, 20) and luhn.is_valid(v),
    "H12HOST": bare_host,
    "H12GBVAT": vat.is_valid,
    "H12EIN": ein.is_valid,
    "H12PAN": pan.is_valid,
    "H12AADHAAR": aadhaar.is_valid,
    "H12GSTIN": gstin.is_valid,
    "H12BSN": bsn.is_valid,
    "H12CPF": cpf.is_valid,
    "H12CF": codicefiscale.is_valid,
    "H12DNI": dni.is_valid,
    "H12NIE": nie.is_valid,
    "H12JUROR": lambda v: re.fullmatch(r"[1-9]\d{8}", v) is not None,
    "H12ABHA": lambda v: re.fullmatch(r"\d{2}-\d{4}-\d{4}-\d{4}", v) is not None,
    "H12TWSID": lambda v: re.fullmatch(r"SM[0-9a-f]{32}", v) is not None,
    "H12TWACCT": lambda v: re.fullmatch(r"AC[0-9a-f]{32}", v) is not None,
    "H12CFRAY": lambda v: re.fullmatch(r"[0-9a-f]{16}-[A-Z]{3}", v) is not None,
    "H12EXIMID": lambda v: re.fullmatch(r"[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}", v) is not None,
    "H12IMSI": lambda v: re.fullmatch(r"(262|214|724|234|208|222)\d{12}", v) is not None,
    "H12ZAEHLER": lambda v: re.fullmatch(r"1[A-Z]{3}\d{10}", v) is not None,
    "H12IAC": lambda v: re.fullmatch(r"(?:[A-HJ-NP-Z2-9]{4} ){3}[A-HJ-NP-Z2-9]{4}", v) is not None,
    "H12SELLER": lambda v: re.fullmatch(r"A[A-Z0-9]{13}", v) is not None,
    "H12FISHID": lambda v: re.fullmatch(r"[A-Z]{2}\d{7}", v) is not None,
    "H12METERNO": lambda v: re.fullmatch(r"\d{9}", v) is not None,
    "H12TID": lambda v: re.fullmatch(r"0x[0-9a-f]{5,6}", v) is not None,
    "H12FLOWID": lambda v: re.fullmatch(r"[1-9]\d{14,15}", v) is not None,
    "H12OFFSET": lambda v: v.isdigit(),
    "H12NANOS": lambda v: len(v) == 19 and epoch_between_2020_and_2027(int(v) / 1e9),
    "H12AUDIT": lambda v: (
        re.fullmatch(r"\d{10}\.\d{3}:\d+", v) is not None
        and epoch_between_2020_and_2027(float(v.split(":")[0]))
    ),
    "H12DIGEST": lambda v: re.fullmatch(r"sha256:[0-9a-f]{64}", v) is not None,
    "H12COORD": _coordinates,
    "H12STAMP": parses_as("%Y-%m-%d %H:%M:%S"),
    "H12PGTS": parses_as("%Y-%m-%d %H:%M:%S.%f UTC"),
    "H12ULOGTS": parses_as("%Y-%m-%d %H:%M:%S.%f%z"),
    "H12SURTS": parses_as("%Y-%m-%dT%H:%M:%S.%f%z"),
}


def test_hard_negatives_are_the_identifiers_they_claim_to_be() -> None:
    for kind, check in CHECKS.items():
        values = batch().negatives_of(kind)
        assert values and all(check(v) for v in values), (kind, [v for v in values if not check(v)])


def test_look_alikes_fail_the_check_of_the_type_they_resemble() -> None:
    """IMEIs, ICCIDs and IMSIs are no cards (15 digits outside 34/37; the 89 telecom range; IMSIs start with
    a mobile country code, no card prefix); NPI, NHS and card look-alikes fail their checks; juror numbers
    are nine digits (SSN-shaped, labelled no SSN)."""
    for value in (re.sub(r"\D", "", v) for v in batch().negatives_of("H12IMEI")):
        assert len(value) == 15 and value[:2] not in ("34", "37")
    npi_like = batch().negatives_of("H12NPILIKE")
    assert npi_like and all(len(v) == 10 and not luhn.is_valid("80840" + v) for v in npi_like)
    nhs_like = batch().negatives_of("H12NHSLIKE")
    assert nhs_like and all(not nhs.is_valid(v) for v in nhs_like)
    card_like = [re.sub(r"\D", "", v) for v in batch().negatives_of("H12CARDLIKE")]
    assert card_like and all(not luhn.is_valid(v) for v in card_like)
    assert (
        batch().negatives_of("H12ICCID")
        and batch().negatives_of("H12IMSI")
        and batch().negatives_of("H12JUROR")
    )


def test_non_birth_dates_sit_next_to_people_in_both_halves() -> None:
    assert_dated_negatives_in_halves(batch(), TAGS, "H12", 150)


def test_the_committed_set_holds_heldout12_unchanged() -> None:
    """The check of every batch's digest and of the evaluation's sides lives in the newest batch's test
    (tests/test_pii_heldout13_set.py): heldout12 is on the dev side now."""
    cases = list(committed())
    assert [c for c in cases if c["batch"] == "heldout12"] == list(batch().cases)
    assert digest([c for c in cases if c["batch"] == "heldout12"]) == BATCH_DIGESTS["heldout12"]


def test_the_template_tags_select_exactly_one_half() -> None:
    assert_tags_select_their_halves(list(batch().cases), TAGS)
