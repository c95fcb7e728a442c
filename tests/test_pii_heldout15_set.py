"""The held-out PII batch `heldout15` (bench/phantom_pii_heldout15_data.py) is what its docstring says: it
builds, in two halves of about equal size (known document kinds, `h15k`, and new ones, `h15n`), from many
templates of few documents each, with every entity type often enough in each half that one document cannot
swing its figure; its labels sit exactly on their values; the values are valid by their specifications as
third-party validators read them (python-stdnum, libphonenumber, ipaddress, datetime); its hard negatives
are the identifiers they claim to be (or fail the check they claim to fail); FHIR system URIs are labelled
as URLs; and the committed set holds it unchanged (heldout16's test checks every batch's digest and the evaluation's sides). No
detector runs here: heldout15 was scored once, by the lead, with bench/phantom_pii_eval.py."""

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
    assert_many_small_templates,
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
    load_bench,
    parses_as,
    spans_in,
)
from stdnum import bic, luhn
from stdnum.br import cpf
from stdnum.de import idnr
from stdnum.es import cups, dni, nie
from stdnum.fr import siret
from stdnum.gb import nhs, utr
from stdnum.it import codicefiscale
from stdnum.nl import bsn
from stdnum.us import rtn

TAGS = ("h15k", "h15n")


def batch() -> HeldOut:
    return held_out("heldout15")


def test_the_batch_has_the_briefs_size_and_every_entity_type() -> None:
    assert_briefs_size_and_types(batch(), TAGS)


def test_many_templates_with_few_documents_each() -> None:
    assert_many_small_templates(batch(), TAGS)


def test_every_type_occurs_at_least_20_times_in_each_half() -> None:
    assert_every_type_in_each_half(batch(), TAGS)


def test_the_two_halves_are_about_equal_and_cover_every_locale() -> None:
    assert_halves_balanced(list(batch().cases), TAGS)


NEW_KIND_MARKERS = [
    "SUMMER CAMP REGISTRATION",
    "BAT MITZVAH",
    "LOTTERY PRIZE CLAIM FORM",
    "CONCEALED CARRY PERMIT",
    "BAIL BOND APPLICATION",
    "DURABLE MEDICAL EQUIPMENT ORDER",
    "SLEEP STUDY ORDER",
    "TAX PREPARER INTAKE SHEET",
    "HOSPICE ELECTION STATEMENT",
    "ROAD TRAFFIC ACCIDENT",
    "PREMIUM BONDS PRIZE CLAIM",
    "MATERNITY BOOKING APPOINTMENT",
    "FOSTER CARE REFERRAL",
    "CRYPTOASSET DISCLOSURE",
    "PATIENT TRANSPORT BOOKING",
    "WHEELCHAIR SERVICE REFERRAL",
    "EXAM RESULT NOTICE",
    "PG HOSTEL ADMISSION",
    "ROOFTOP SOLAR INSTALLATION",
    "DTH NEW CONNECTION",
    "DÉCLARATION DE NAISSANCE",
    "INSCRIPTION À LA CANTINE SCOLAIRE",
    "DEMANDE D'AIDE AU LOGEMENT",
    "DEMANDE DE NATURALISATION",
    "GLASFASER-INSTALLATIONSTERMIN",
    "ANTRAG AUF KINDERGELD",
    "ANMELDUNG ZUR HUNDESTEUER",
    "ANLAGE SO",
    "DUPLICATO TESSERA SANITARIA",
    "ISCRIZIONE AL CENTRO ESTIVO",
    "SKIPASS STAGIONALE",
    "RIMBORSO BIGLIETTO TRENO",
    "SOLICITUD DE TARJETA SANITARIA",
    "BONO SOCIAL ELÉCTRICO",
    "MODELO 721",
    "INSPECCIÓN TÉCNICA DE VEHÍCULOS",
    "INSTALLATIE ZONNEPANELEN",
    "AANVRAAG HUURTOESLAG",
    "AANMELDING PLEEGZORG",
    "INSCRIÇÃO NO ENEM",
    "PLANO ODONTOLÓGICO",
    "RESGATE DE PRÊMIO DE LOTERIA",
    "SALÃO DE FESTAS",
    "failed (2: No such file or directory), client:",
    "HIER_DIRECT/",
    "make_connection_snum",
    "urgency=medium",
    "IEEE 802.11: associated",
    "New client connected from",
    "audit.k8s.io/v1",
    '"auth_method": "openid-connect"',
    '"sdk": {"name": "sentry.python"}',
    '"sg_event_id"',
    "CstmrCdtTrfInitn",
    '"short_message"',
]


def test_new_kinds_are_new_to_the_set() -> None:
    """The new half's document kinds appear in no batch committed before heldout15 (a marker phrase of each)
    and in none of heldout15's known half, and every new template carries a marker."""
    assert_new_kinds_are_new("heldout15", NEW_KIND_MARKERS, batch().half("h15n"), batch().half("h15k"))


def test_the_batch_uses_only_its_own_placeholder_names() -> None:
    """The data modules share the VALUES/NEGATIVES registries: heldout15 registers only H15 names, and its
    new negative kinds shadow none of the H14 names it mirrors (the module asserts that when imported)."""
    assert_own_placeholders("heldout15", "H15")
    assert_mirrors_without_shadowing("heldout15", "H15", "H14")


def test_general_entity_types_occur_in_at_least_eight_locales() -> None:
    assert_general_types_in_locales(batch().cases)


def test_labels_and_negatives_sit_exactly_on_values_and_never_overlap() -> None:
    assert_marks_sit_on_values(batch().cases)


def test_cards_pass_luhn_with_an_issuer_length() -> None:
    assert_cards_pass_luhn(batch().cases, at_least=110, prefixes=40)


def test_npis_pass_luhn_over_the_80840_prefix() -> None:
    assert_npis_pass_luhn(batch().cases, at_least=55)


def test_nhs_numbers_ssns_and_ibans_validate_with_python_stdnum() -> None:
    assert_nhs_ssn_iban_validate(batch().cases, at_least=48, ibans=130)


def test_phone_numbers_exist_in_their_countrys_plan_per_libphonenumber() -> None:
    assert_phones_in_numbering_plans(batch().cases, at_least=550, extensions=55)


def test_birth_dates_carry_a_plausible_birth_year() -> None:
    assert_plausible_birth_years(
        [value for _, value in spans_in(batch().cases, "DATE_OF_BIRTH")], at_least=300
    )


def test_urls_emails_addresses_and_crypto_validate() -> None:
    assert_syntax_valid(batch().cases, crypto=60)


def test_fhir_system_uris_are_labelled_urls_and_urn_oids_are_not() -> None:
    """FHIR R4 `Identifier.system` as an http(s) URI is a URL span; a `urn:oid:` system carries no label."""
    assert_fhir_system_urls_labelled(batch().cases)


def test_pain001_namespace_urn_carries_no_url_label() -> None:
    """The ISO 20022 namespace is a URN, not a web address: no URL span in a pain.001 message."""
    pain = [c for c in batch().cases if "CstmrCdtTrfInitn" in c["text"]]
    assert pain and all(not spans_in([case], "URL") for case in pain)


def _epoch_2020_to_2027(value: str) -> bool:
    """Unix seconds (optionally with milliseconds) that fall between 2020 and 2027."""
    return re.fullmatch(r"\d{10}(?:\.\d{3})?", value) is not None and epoch_between_2020_and_2027(
        float(value)
    )


# Debian Policy 5.6.12: [epoch:]upstream_version[-debian_revision]; upstream starts with a digit
DEBIAN_VERSION = re.compile(r"(?:\d+:)?\d[A-Za-z0-9.+~]*-[A-Za-z0-9.+~]+")

CHECKS = {  # negative kind: a validator of what the negative claims to be (python-stdnum where it has one)
    "H15HOST": bare_host,
    "H15CPF": cpf.is_valid,
    "H15CF": codicefiscale.is_valid,
    "H15DNI": dni.is_valid,
    "H15NIE": nie.is_valid,
    "H15CUPS": cups.is_valid,
    "H15BSN": bsn.is_valid,
    "H15IDNR": idnr.is_valid,
    "H15SIRET": siret.is_valid,
    "H15UTR": utr.is_valid,
    "H15ABA": rtn.is_valid,
    "H15BIC": bic.is_valid,
    "H15ICCID": lambda v: v.startswith("89") and len(v) in (19, 20) and luhn.is_valid(v),
    "H15DIGEST": lambda v: re.fullmatch(r"sha256:[0-9a-f]{64}", v) is not None,
    "H15STAMP": parses_as("%Y-%m-%d %H:%M:%S"),
    "H15SURTS": parses_as("%Y-%m-%dT%H:%M:%S.%f%z"),
    "H15NGINXTS": parses_as("%Y/%m/%d %H:%M:%S"),
    "H15SMBTS": parses_as("%Y/%m/%d %H:%M:%S.%f"),
    "H15RFC2822": parses_as("%a, %d %b %Y %H:%M:%S %z"),
    "H15EPOCH3": _epoch_2020_to_2027,
    "H15EPOCH": _epoch_2020_to_2027,
    "H15DEBVER": lambda v: DEBIAN_VERSION.fullmatch(v) is not None,
    # ISO 20022 Max35Text identifiers
    "H15E2E": lambda v: re.fullmatch(r"E2E\d{16}", v) is not None and len(v) <= 35,
    "H15PAINMSG": lambda v: re.fullmatch(r"MSG-\d{14}-\d{4}", v) is not None and len(v) <= 35,
    "H15SGEVT": lambda v: re.fullmatch(r"[A-Za-z0-9_-]{22}", v) is not None,
    "H15SGMSG": lambda v: re.fullmatch(r"[A-Za-z0-9_-]{22}\.filterdrecv-[0-9a-f]{10}-1", v) is not None,
    # MQTT 3.1 allows client identifiers of 1 to 23 bytes
    "H15MQTTID": lambda v: re.fullmatch(r"mosq-[A-Za-z0-9]{16}", v) is not None and len(v) <= 23,
    # DVLA current format: area letters (no I, Q, Z), age identifier 01-25 or 51-75, three letters
    "H15UKPLATE": lambda v: (
        re.fullmatch(r"[A-HJ-PR-Y]{2}(\d{2}) [A-HJ-PR-Y]{3}", v) is not None
        and (1 <= int(v[2:4]) <= 25 or 51 <= int(v[2:4]) <= 75)
    ),
    "H15MATES": lambda v: re.fullmatch(r"\d{4} [BCDFGHJKLMNPRSTVWXYZ]{3}", v) is not None,
    "H15ROLLNO": lambda v: re.fullmatch(r"[1-9]\d{6}", v) is not None,
    "H15LOTTO": lambda v: re.fullmatch(r"\d{4}-\d{7}-\d{3}", v) is not None,
    "H15ELAPSED": lambda v: v.isdigit() and 1 <= int(v) <= 90_000,
    # ISO 11784 animal transponder code: 15 digits, a three-digit country or manufacturer code first
    "H15CHIP": lambda v: re.fullmatch(r"\d{15}", v) is not None,
    "H15NHSLIKE": lambda v: not nhs.is_valid(v),
    "H15NPILIKE": lambda v: not luhn.is_valid("80840" + v.replace(" ", "").replace("-", "")),
    "H15CARDLIKE": lambda v: not luhn.is_valid(v.replace(" ", "")),
}


def test_hard_negatives_are_the_identifiers_they_claim_to_be() -> None:
    for kind, check in CHECKS.items():
        values = batch().negatives_of(kind)
        assert values and all(check(v) for v in values), (kind, [v for v in values if not check(v)])


def test_every_new_negative_kind_is_used_and_checked() -> None:
    """Each negative generator the module adds is drawn in the batch and has a validator above."""
    module = load_bench("phantom_pii_heldout15_data")
    used = {n["kind"] for c in batch().cases for n in c["negatives"]}
    assert set(module.NEW_NEGATIVES15) <= used and set(module.NEW_NEGATIVES15) <= set(CHECKS)


def test_a_dogs_whelping_date_is_a_negative_beside_the_holders_birth_date() -> None:
    """heldout9's rule: a pet's birth date is not a birth date; the dog-tax form labels only the holder's."""
    cases = [c for c in batch().half("h15n") if "HUNDESTEUER" in c["text"]]
    assert cases
    for case in cases:
        assert sum(s["entity"] == "DATE_OF_BIRTH" for s in case["spans"]) == 1
        assert any(n["kind"] == "H15PETDOB" for n in case["negatives"])


def test_dates_that_are_no_birth_dates_sit_next_to_labelled_ones() -> None:
    """An accident date, a court date, an election date or a placement date is a negative beside the
    person's labelled birth date."""
    dated_kinds = ("H15DUS", "H15DGB", "H15DFR", "H15DDE", "H15DNL")
    for marker in (
        "BAIL BOND APPLICATION",
        "HOSPICE ELECTION STATEMENT",
        "FOSTER CARE REFERRAL",
        "MATERNITY BOOKING APPOINTMENT",
        "DÉCLARATION DE NAISSANCE",
        "ANTRAG AUF KINDERGELD",
        "AANVRAAG HUURTOESLAG",
    ):
        cases = [c for c in batch().half("h15n") if marker in c["text"]]
        assert cases, marker
        for case in cases:
            assert any(s["entity"] == "DATE_OF_BIRTH" for s in case["spans"])
            assert any(n["kind"] in dated_kinds for n in case["negatives"]), marker


def test_non_birth_dates_sit_next_to_people_in_both_halves() -> None:
    assert_dated_negatives_in_halves(batch(), TAGS, "H15", 120)


def test_the_committed_set_holds_heldout15_unchanged() -> None:
    """The check of every batch's digest and of the evaluation's sides lives in the newest batch's test
    (tests/test_pii_heldout16_set.py): heldout15 is on the dev side now."""
    cases = list(committed())
    assert [c for c in cases if c["batch"] == "heldout15"] == list(batch().cases)
    assert digest([c for c in cases if c["batch"] == "heldout15"]) == BATCH_DIGESTS["heldout15"]


def test_the_template_tags_select_exactly_one_half() -> None:
    assert_tags_select_their_halves(list(batch().cases), TAGS)
