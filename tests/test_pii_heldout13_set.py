"""The held-out PII batch `heldout13` (bench/phantom_pii_heldout13_data.py) is what its docstring says: it
builds, in two halves of about equal size (known document kinds, `h13k`, and new ones, `h13n`), with every
entity type often enough in each half that one document cannot swing its figure; its labels sit exactly
on their values; the values are valid by their specifications as third-party validators read them
(python-stdnum, libphonenumber, ipaddress, datetime); its hard negatives are the identifiers they claim
to be (or fail the check they claim to fail); FHIR system URIs are labelled as URLs; and the committed set
holds it unchanged (heldout14's test checks every batch's digest and the evaluation's sides). No detector
runs here: heldout13 is
scored once, by the lead, with bench/phantom_pii_eval.py."""

from __future__ import annotations

import base64
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
from stdnum import luhn
from stdnum.br import cpf
from stdnum.es import dni, nie
from stdnum.gb import nhs, vat
from stdnum.in_ import aadhaar, pan
from stdnum.it import codicefiscale

TAGS = ("h13k", "h13n")


def batch() -> HeldOut:
    return held_out("heldout13")


def test_the_batch_has_the_briefs_size_and_every_entity_type() -> None:
    assert_briefs_size_and_types(batch(), TAGS)


def test_every_type_occurs_at_least_20_times_in_each_half() -> None:
    assert_every_type_in_each_half(batch(), TAGS)


def test_the_two_halves_are_about_equal_and_cover_every_locale() -> None:
    assert_halves_balanced(list(batch().cases), TAGS)


NEW_KIND_MARKERS = [
    "MEMBERSHIP FREEZE REQUEST",
    "COWORKING VISITOR LOG",
    "PET ADOPTION APPLICATION",
    "PAYROLL CHANGE FORM",
    "SCHOLARSHIP APPLICATION — ",
    "FUNERAL ARRANGEMENT FORM",
    "HEARING AID FITTING RECORD",
    "NOTICE OF MARRIAGE",
    "ALLOTMENT PLOT APPLICATION",
    "APPRENTICESHIP AGREEMENT",
    "SPECTACLE PRESCRIPTION",
    "PLAYER REGISTRATION TRANSFER",
    "REMOVALS QUOTATION",
    "VISA APPOINTMENT LETTER",
    "POST-MATRIC SCHOLARSHIP",
    "LOYALTY CARD SIGN-UP",
    "[OCR scan",
    "PUBLICATION DES BANS",
    "SUSPENSION D'ABONNEMENT",
    "ORGANISATION DES OBSÈQUES",
    "CONTRAT D'APPRENTISSAGE",
    "ANMELDUNG ZUR EHESCHLIESSUNG",
    "PACHTANTRAG KLEINGARTEN",
    "VEREINSWECHSEL",
    "UMZUGSANGEBOT",
    "HÖRGERÄTEANPASSUNG",
    "PUBBLICAZIONI DI MATRIMONIO",
    "BORSA DI STUDIO",
    "DOMANDA DI ADOZIONE",
    "SOLICITUD DE ADOPCIÓN",
    "CONGELACIÓN DE CUOTA",
    "PRESUPUESTO DE MUDANZA",
    "AANVRAAG VOLKSTUIN",
    "VOORGENOMEN HUWELIJK",
    "BRILVOORSCHRIFT",
    "HABILITAÇÃO DE CASAMENTO",
    "SERVIÇO FUNERÁRIO",
    "ORÇAMENTO DE MUDANÇA",
    "# Query_time:",
    '"c":"COMMAND"',
    "<EventRecordID>",
    "taskinstance.py",
    "Started by user",
    "PLAY RECAP",
    "nomad.client",
    "via_upstream",
    "ACCEPT OK",
    "protoPayload",
    '"MEMBER_RATING"',
    '"order_status_url"',
    "!TRNS",
    '"Commodity/Currency"',
    '"from_id"',
    '"m.room.message"',
]


def test_new_kinds_are_new_to_the_set() -> None:
    """The new half's document kinds appear in no batch committed before heldout13 (a marker phrase of each)
    and in none of heldout13's known half, and every new template carries a marker."""
    assert_new_kinds_are_new("heldout13", NEW_KIND_MARKERS, batch().half("h13n"), batch().half("h13k"))


def test_the_batch_uses_only_its_own_placeholder_names() -> None:
    """The data modules share the VALUES/NEGATIVES registries: heldout13 registers only H13 names, and its
    new negative kinds shadow none of the H12 names it mirrors (the module asserts that when imported)."""
    assert_own_placeholders("heldout13", "H13")
    assert_mirrors_without_shadowing("heldout13", "H13", "H12")


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
    "H13ICCID": lambda v: v.startswith("89") and len(v) in (19, 20) and luhn.is_valid(v),
    "H13HOST": bare_host,
    "H13GBVAT": vat.is_valid,
    "H13PAN": pan.is_valid,
    "H13AADHAAR": aadhaar.is_valid,
    "H13CPF": cpf.is_valid,
    "H13CF": codicefiscale.is_valid,
    "H13DNI": dni.is_valid,
    "H13NIE": nie.is_valid,
    "H13JUROR": lambda v: re.fullmatch(r"[1-9]\d{8}", v) is not None,
    "H13EXIMID": lambda v: re.fullmatch(r"[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}", v) is not None,
    "H13FLOWID": lambda v: re.fullmatch(r"[1-9]\d{14,15}", v) is not None,
    "H13OFFSET": lambda v: v.isdigit(),
    "H13AUDIT": lambda v: (
        re.fullmatch(r"\d{10}\.\d{3}:\d+", v) is not None
        and epoch_between_2020_and_2027(float(v.split(":")[0]))
    ),
    "H13DIGEST": lambda v: re.fullmatch(r"sha256:[0-9a-f]{64}", v) is not None,
    "H13STAMP": parses_as("%Y-%m-%d %H:%M:%S"),
    "H13SURTS": parses_as("%Y-%m-%dT%H:%M:%S.%f%z"),
    "H13ISOTS": parses_as("%Y-%m-%dT%H:%M:%S.%fZ"),
    "H13EPOCH": lambda v: re.fullmatch(r"1\d{9}", v) is not None,  # Unix seconds, 2001 to 2033
    "H13AWSACCT": lambda v: re.fullmatch(r"\d{12}", v) is not None,
    "H13DIOPTER": lambda v: re.fullmatch(r"[+-]\d\.(?:00|25|50|75)", v) is not None and 0 < float(v[1:]) <= 8,
    "H13AXIS": lambda v: v.isdigit() and 1 <= int(v) <= 180,
    "H13PD": lambda v: 54 <= float(v) <= 72.5,
    "H13OBJID": lambda v: (
        re.fullmatch(r"[0-9a-f]{24}", v) is not None and epoch_between_2020_and_2027(int(v[:8], 16))
    ),
    "H13MXEVENT": lambda v: (
        re.fullmatch(r"\$[A-Za-z0-9_-]{43}", v) is not None
        and len(base64.urlsafe_b64decode(v[1:] + "=")) == 32
    ),
    "H13INSERTID": lambda v: re.fullmatch(r"[a-z0-9]{12,16}", v) is not None,
    "H13ENI": lambda v: re.fullmatch(r"eni-[0-9a-f]{17}", v) is not None,
    "H13RECORDID": lambda v: v.isdigit(),
    "H13QTIME": lambda v: re.fullmatch(r"\d{1,2}\.\d{6}", v) is not None,
    "H13TGUSER": lambda v: re.fullmatch(r"user\d{9,10}", v) is not None,
    "H13SHOPID": lambda v: re.fullmatch(r"5\d{12}", v) is not None,
    "H13HASERIAL": lambda v: re.fullmatch(r"[A-Z]{2}\d{8}", v) is not None,
    "H13PLOT": lambda v: re.fullmatch(r"[A-H]\d{1,2}", v) is not None,
    "H13FAN": lambda v: re.fullmatch(r"\d{8}", v) is not None,
    "H13GWF": lambda v: re.fullmatch(r"GWF\d{9}", v) is not None,
    "H13LEID": lambda v: v.isdigit(),
    "H13BUILD": lambda v: v.isdigit(),
    "H13UNSET": lambda v: int(v) == 2**32 - 1,
    "H13XMLNS": lambda v: v == "http://schemas.microsoft.com/win/2004/08/events/event",
}


def test_hard_negatives_are_the_identifiers_they_claim_to_be() -> None:
    for kind, check in CHECKS.items():
        values = batch().negatives_of(kind)
        assert values and all(check(v) for v in values), (kind, [v for v in values if not check(v)])


def test_look_alikes_fail_the_check_of_the_type_they_resemble() -> None:
    """NHS and card look-alikes fail their checks; ICCIDs are Luhn-valid in the 89 telecom range (no card
    issuer range); juror numbers are nine digits (SSN-shaped, labelled no SSN); Shopify ids are thirteen
    digits (phone-shaped, no phone)."""
    nhs_like = batch().negatives_of("H13NHSLIKE")
    assert nhs_like and all(not nhs.is_valid(v) for v in nhs_like)
    card_like = [re.sub(r"\D", "", v) for v in batch().negatives_of("H13CARDLIKE")]
    assert card_like and all(not luhn.is_valid(v) for v in card_like)
    assert (
        batch().negatives_of("H13ICCID")
        and batch().negatives_of("H13JUROR")
        and batch().negatives_of("H13SHOPID")
    )


def test_pet_birth_dates_and_dates_of_death_are_negatives_next_to_birth_dates() -> None:
    """A pet's birth date (heldout9) is a negative beside the adopter's labelled one; a deceased person's
    birth date is labelled and the date of death beside it is a negative."""
    for marker in (
        "PET ADOPTION APPLICATION",
        "SOLICITUD DE ADOPCIÓN",
        "DOMANDA DI ADOZIONE",
        "FUNERAL ARRANGEMENT FORM",
    ):
        cases = [c for c in batch().half("h13n") if marker in c["text"]]
        assert cases
        for case in cases:
            assert any(s["entity"] == "DATE_OF_BIRTH" for s in case["spans"])
            assert any(n["kind"] in ("H13PETDOB", "H13DUS") for n in case["negatives"])


def test_non_birth_dates_sit_next_to_people_in_both_halves() -> None:
    assert_dated_negatives_in_halves(batch(), TAGS, "H13", 150)


def test_the_committed_set_holds_heldout13_unchanged() -> None:
    """The check of every batch's digest and of the evaluation's sides lives in the newest batch's test
    (tests/test_pii_heldout14_set.py): heldout13 is on the dev side now."""
    cases = list(committed())
    assert [c for c in cases if c["batch"] == "heldout13"] == list(batch().cases)
    assert digest([c for c in cases if c["batch"] == "heldout13"]) == BATCH_DIGESTS["heldout13"]


def test_the_template_tags_select_exactly_one_half() -> None:
    assert_tags_select_their_halves(list(batch().cases), TAGS)
