"""The held-out PII batch `heldout14` (bench/phantom_pii_heldout14_data.py) is what its docstring says: it
builds, in two halves of about equal size (known document kinds, `h14k`, and new ones, `h14n`), with every
entity type often enough in each half that one document cannot swing its figure; its labels sit exactly
on their values; the values are valid by their specifications as third-party validators read them
(python-stdnum, libphonenumber, ipaddress, datetime); its hard negatives are the identifiers they claim
to be (or fail the check they claim to fail); FHIR system URIs are labelled as URLs; and the committed set
holds it unchanged (heldout15's test checks every batch's digest and the evaluation's sides). No detector
runs here: heldout14 was scored once, by the lead, with bench/phantom_pii_eval.py."""

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
from stdnum import luhn
from stdnum.br import cpf
from stdnum.de import vat as de_vat
from stdnum.es import dni
from stdnum.gb import nhs
from stdnum.it import codicefiscale

TAGS = ("h14k", "h14n")


def batch() -> HeldOut:
    return held_out("heldout14")


def test_the_batch_has_the_briefs_size_and_every_entity_type() -> None:
    assert_briefs_size_and_types(batch(), TAGS)


def test_every_type_occurs_at_least_20_times_in_each_half() -> None:
    assert_every_type_in_each_half(batch(), TAGS)


def test_the_two_halves_are_about_equal_and_cover_every_locale() -> None:
    assert_halves_balanced(list(batch().cases), TAGS)


NEW_KIND_MARKERS = [
    "DISABILITY BENEFITS CLAIM",
    "CARDHOLDER DISPUTE FORM",
    "CLINICAL TRIAL SCREENING LOG",
    "PAWN TICKET",
    "DRIVING LESSON BOOKING",
    "HOME CARE VISIT ROTA",
    "TAXI DRIVER LICENCE APPLICATION",
    "ALUMNI DETAILS UPDATE",
    "HOME BLOOD TEST KIT ORDER",
    "DÉCLARATION DE PERTE",
    "LISTE D'ATTENTE CRÈCHE",
    "FAHRSTUNDEN-BUCHUNG",
    "LIEGEPLATZANTRAG",
    "INVITATI PRIMA COMUNIONE",
    "PROMEMORIA RINNOVO PASSAPORTO",
    "ALTA EN SEGURO TELEMÁTICO",
    "CUADRANTE DE VISITAS DE AYUDA A DOMICILIO",
    "INTAKE EICELDONATIE",
    "AANVRAAG WIA-UITKERING",
    "CONTESTAÇÃO DE COMPRA NO CARTÃO",
    "CHAMADO DE CHAVEIRO",
    "Microsoft.Storage/storageAccounts/listKeys/action",
    '"Crypto payout wallet"',
    '"action": "user_login"',
    "urn:ietf:params:scim:schemas:core:2.0:User",
    '"ANSWERED","DOCUMENTATION"',
    "stat:DELIVRD",
    "switch_channel.c",
]


def test_new_kinds_are_new_to_the_set() -> None:
    """The new half's document kinds appear in no batch committed before heldout14 (a marker phrase of each)
    and in none of heldout14's known half, and every new template carries a marker."""
    assert_new_kinds_are_new("heldout14", NEW_KIND_MARKERS, batch().half("h14n"), batch().half("h14k"))


def test_the_batch_uses_only_its_own_placeholder_names() -> None:
    """The data modules share the VALUES/NEGATIVES registries: heldout14 registers only H14 names, and its
    new negative kinds shadow none of the H13 names it mirrors (the module asserts that when imported)."""
    assert_own_placeholders("heldout14", "H14")
    assert_mirrors_without_shadowing("heldout14", "H14", "H13")


def test_general_entity_types_occur_in_at_least_eight_locales() -> None:
    assert_general_types_in_locales(batch().cases)


def test_labels_and_negatives_sit_exactly_on_values_and_never_overlap() -> None:
    assert_marks_sit_on_values(batch().cases)


def test_cards_pass_luhn_with_an_issuer_length() -> None:
    assert_cards_pass_luhn(batch().cases, at_least=110, prefixes=40)


def test_npis_pass_luhn_over_the_80840_prefix() -> None:
    assert_npis_pass_luhn(batch().cases, at_least=50)


def test_nhs_numbers_ssns_and_ibans_validate_with_python_stdnum() -> None:
    assert_nhs_ssn_iban_validate(batch().cases, at_least=48, ibans=110)


def test_phone_numbers_exist_in_their_countrys_plan_per_libphonenumber() -> None:
    assert_phones_in_numbering_plans(batch().cases, at_least=550, extensions=55)


def test_birth_dates_carry_a_plausible_birth_year() -> None:
    assert_plausible_birth_years(
        [value for _, value in spans_in(batch().cases, "DATE_OF_BIRTH")], at_least=300
    )


def test_urls_emails_addresses_and_crypto_validate() -> None:
    assert_syntax_valid(batch().cases, crypto=50)


def test_fhir_system_uris_are_labelled_urls_and_urn_oids_are_not() -> None:
    """FHIR R4 `Identifier.system` as an http(s) URI is a URL span; a `urn:oid:` system carries no label."""
    assert_fhir_system_urls_labelled(batch().cases)


def test_scim_schema_urns_carry_no_url_label() -> None:
    """SCIM schema identifiers are URNs (RFC 7643), not web addresses: no URL span starts inside one."""
    scim = [c for c in batch().cases if "urn:ietf:params:scim" in c["text"]]
    assert scim and all(not spans_in([case], "URL") for case in scim)


CHECKS = {  # negative kind: a validator of what the negative claims to be (python-stdnum where it has one)
    "H14ICCID": lambda v: v.startswith("89") and len(v) in (19, 20) and luhn.is_valid(v),
    "H14HOST": bare_host,
    "H14CPF": cpf.is_valid,
    "H14CF": codicefiscale.is_valid,
    "H14DNI": dni.is_valid,
    "H14USTID": de_vat.is_valid,
    "H14FLOWID": lambda v: re.fullmatch(r"[1-9]\d{14,15}", v) is not None,
    "H14OFFSET": lambda v: v.isdigit(),
    "H14DIGEST": lambda v: re.fullmatch(r"sha256:[0-9a-f]{64}", v) is not None,
    "H14STAMP": parses_as("%Y-%m-%d %H:%M:%S"),
    "H14SURTS": parses_as("%Y-%m-%dT%H:%M:%S.%f%z"),
    "H14EPOCH": lambda v: re.fullmatch(r"1\d{9}", v) is not None,
    "H14KANNELTS": parses_as("%y%m%d%H%M"),
    "H14CDRUID": lambda v: (
        re.fullmatch(r"\d{10}\.\d{1,4}", v) is not None
        and epoch_between_2020_and_2027(float(v.split(".")[0]))
    ),
    "H14MMSI": lambda v: re.fullmatch(r"\d{9}", v) is not None and 201 <= int(v[:3]) <= 775,
    "H14VIN": lambda v: re.fullmatch(r"[A-HJ-NPR-Z0-9]{17}", v) is not None,
    "H14OKTAUSER": lambda v: re.fullmatch(r"00u[A-Za-z0-9]{17}", v) is not None,
    "H14SLACKUSER": lambda v: re.fullmatch(r"U[A-Z0-9]{10}", v) is not None,
    "H14HUBID": lambda v: re.fullmatch(r"[1-9]\d{9,10}", v) is not None,
    "H14SMSCID": lambda v: re.fullmatch(r"[0-9a-f]{16}", v) is not None,
    "H14SCREEN": lambda v: re.fullmatch(r"SCR-\d{3}-\d{4}", v) is not None,
    "H14PAWN": lambda v: re.fullmatch(r"[1-9]\d{6}", v) is not None,
    "H14SECS": lambda v: v.isdigit() and int(v) <= 3600,
    "H14BERTH": lambda v: re.fullmatch(r"[A-G]-\d{1,3}", v) is not None,
    "H14LAST4": lambda v: re.fullmatch(r"\d{4}", v) is not None,
}


def test_hard_negatives_are_the_identifiers_they_claim_to_be() -> None:
    for kind, check in CHECKS.items():
        values = batch().negatives_of(kind)
        assert values and all(check(v) for v in values), (kind, [v for v in values if not check(v)])


def test_look_alikes_fail_the_check_of_the_type_they_resemble() -> None:
    """NHS look-alikes fail modulus 11; ICCIDs are Luhn-valid in the 89 telecom range (no card issuer
    range); the HubSpot record ids, Kannel dates and MMSIs are digit runs shaped like phone numbers."""
    nhs_like = batch().negatives_of("H14NHSLIKE")
    assert nhs_like and all(not nhs.is_valid(v) for v in nhs_like)
    assert (
        batch().negatives_of("H14ICCID")
        and batch().negatives_of("H14HUBID")
        and batch().negatives_of("H14KANNELTS")
    )


def test_dates_that_are_no_birth_dates_sit_next_to_labelled_ones() -> None:
    """A date of loss, a visit date, a first sick day or a last day worked is a negative beside the person's
    labelled birth date."""
    dated_kinds = ("H14DUS", "H14DGB", "H14DFR", "H14DES", "H14DNL")
    for marker in (
        "DISABILITY BENEFITS CLAIM",
        "DÉCLARATION DE PERTE",
        "HOME CARE VISIT ROTA",
        "CUADRANTE DE VISITAS",
        "AANVRAAG WIA-UITKERING",
    ):
        cases = [c for c in batch().half("h14n") if marker in c["text"]]
        assert cases
        for case in cases:
            assert any(s["entity"] == "DATE_OF_BIRTH" for s in case["spans"])
            assert any(n["kind"] in dated_kinds for n in case["negatives"])


def test_non_birth_dates_sit_next_to_people_in_both_halves() -> None:
    assert_dated_negatives_in_halves(batch(), TAGS, "H14", 120)


def test_the_committed_set_holds_heldout14_unchanged() -> None:
    """The check of every batch's digest and of the evaluation's sides lives in the newest batch's test
    (tests/test_pii_heldout15_set.py): heldout14 is on the dev side now."""
    cases = list(committed())
    assert [c for c in cases if c["batch"] == "heldout14"] == list(batch().cases)
    assert digest([c for c in cases if c["batch"] == "heldout14"]) == BATCH_DIGESTS["heldout14"]


def test_the_template_tags_select_exactly_one_half() -> None:
    assert_tags_select_their_halves(list(batch().cases), TAGS)
