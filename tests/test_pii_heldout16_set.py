"""The held-out PII batch `heldout16` (bench/phantom_pii_heldout16_data.py) is what its docstring says: it
builds, in two halves of about equal size (known document kinds, `h16k`, and new ones, `h16n`), from many
templates of few documents each, with every entity type often enough in each half that one document cannot
swing its figure; its labels sit exactly on their values; the values are valid by their specifications as
third-party validators read them (python-stdnum, libphonenumber, ipaddress, datetime), every birth date
being a real calendar day; its hard negatives are the identifiers they claim to be (or fail the check they
claim to fail); FHIR system URIs are labelled as URLs; and the committed set holds it unchanged, appended
last, with every earlier batch untouched. No detector runs here: heldout16 is scored once, by the lead,
with bench/phantom_pii_eval.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pii_set_support import (
    HeldOut,
    assert_briefs_size_and_types,
    assert_cards_pass_luhn,
    assert_committed_last_and_every_digest_pinned,
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
    held_out,
    load_bench,
    parses_as,
    spans_in,
)
from stdnum import luhn
from stdnum.br import cpf
from stdnum.de import idnr
from stdnum.es import dni, nie
from stdnum.gb import nhs
from stdnum.it import codicefiscale
from stdnum.nl import bsn
from stdnum.us import rtn

TAGS = ("h16k", "h16n")


def batch() -> HeldOut:
    return held_out("heldout16")


def test_the_batch_has_the_briefs_size_and_every_entity_type() -> None:
    assert_briefs_size_and_types(batch(), TAGS)


def test_many_templates_with_few_documents_each() -> None:
    assert_many_small_templates(batch(), TAGS)


def test_every_type_occurs_at_least_20_times_in_each_half() -> None:
    assert_every_type_in_each_half(batch(), TAGS)


def test_the_two_halves_are_about_equal_and_cover_every_locale() -> None:
    assert_halves_balanced(list(batch().cases), TAGS)


NEW_KIND_MARKERS = [
    "MARATHON RACE ENTRY",
    "SCUBA CERTIFICATION RECORD",
    "WINE CLUB MEMBERSHIP",
    "CEMETERY PLOT PURCHASE AGREEMENT",
    "IVF CLINIC INTAKE",
    "EV CHARGER INSTALLATION",
    "SMALL CLAIMS COMPLAINT",
    "PHARMACY HOME DELIVERY SIGN-UP",
    "PETITION FOR GUARDIANSHIP OF A MINOR",
    "ZOOM WEBINAR REGISTRATION REPORT",
    "CHILDMINDER REGISTRATION FORM",
    "TENANT REFERENCING APPLICATION",
    "BOILER UPGRADE SCHEME",
    "AU PAIR AGREEMENT",
    "NHS IVF FUNDING REQUEST",
    "LASTING POWER OF ATTORNEY",
    "CARPOOL SIGN-UP",
    "BIKE SHARE ACCOUNT",
    "COACHING INSTITUTE ADMISSION",
    "INSCRIPTION AU COVOITURAGE",
    "BORNE DE RECHARGE",
    "CONTRAT AU PAIR",
    "FÖRDERANTRAG WÄRMEPUMPE",
    "ORGANSPENDE-REGISTER",
    "TAUCHSCHEIN",
    "CERTIFICATO MEDICO AGONISTICO",
    "ISCRIZIONE ALLA MARATONA",
    "CONCESSIONE LOCULO CIMITERIALE",
    "INSCRIPCIÓN EN LA MARATÓN",
    "MATRÍCULA EN AUTOESCUELA",
    "CLÍNICA DE REPRODUCCIÓN ASISTIDA",
    "ALTA EN BICICLETA COMPARTIDA",
    "ISDE-SUBSIDIE WARMTEPOMP",
    "INSCHRIJVING RIJSCHOOL",
    "INSTALLATIE LAADPAAL",
    "MATRÍCULA NA AUTOESCOLA",
    "CADASTRO DE CARONA SOLIDÁRIA",
    "PLANO FUNERÁRIO",
    "smtp envelope from=<",
    "filterlog[",
    'type="traffic" subtype="forward"',
    "%ASA-6-302013",
    "Zabbix trigger fired",
    '"incident_number"',
    "Issue key,Summary,Reporter",
    '"external_identity_nameid"',
    "Ticket ID,Subject,Requester Email",
    "email,firstname,lastname,dob,telephone,created_at,website_id",
    "*ContactName,EmailAddress",
    "sent you a document to review and sign",
    "View event in Calendly",
    "Order #,Order Date,First Name,Surname",
    "profile_field_dob",
    '"What is your email?"',
    "You've received the following order from",
]


def test_new_kinds_are_new_to_the_set() -> None:
    """The new half's document kinds appear in no batch committed before heldout16 (a marker phrase of each)
    and in none of heldout16's known half, and every new template carries a marker."""
    assert_new_kinds_are_new("heldout16", NEW_KIND_MARKERS, batch().half("h16n"), batch().half("h16k"))


def test_the_batch_uses_only_its_own_placeholder_names() -> None:
    """The data modules share the VALUES/NEGATIVES registries: heldout16 registers only H16 names, and its
    new negative kinds shadow none of the H15 names it mirrors (the module asserts that when imported)."""
    assert_own_placeholders("heldout16", "H16")
    assert_mirrors_without_shadowing("heldout16", "H16", "H15")


def test_the_batch_labels_birth_dates_only_with_its_own_real_calendar_generators() -> None:
    """The mirrored DOB generators can write 30 February; heldout16 draws every birth date from its own."""
    module = load_bench("phantom_pii_heldout16_data")
    source = Path(module.__file__).read_text(encoding="utf-8")
    labelled = set(re.findall(r"⟦(H16[A-Z0-9]+)⟧", source))
    births = {name for name in labelled if module.VALUES[name][0] == "DATE_OF_BIRTH"}
    assert births == set(module.NEW_VALUES16)


def test_general_entity_types_occur_in_at_least_eight_locales() -> None:
    assert_general_types_in_locales(batch().cases)


def test_labels_and_negatives_sit_exactly_on_values_and_never_overlap() -> None:
    assert_marks_sit_on_values(batch().cases)


def test_cards_pass_luhn_with_an_issuer_length() -> None:
    assert_cards_pass_luhn(batch().cases, at_least=150, prefixes=40)


def test_npis_pass_luhn_over_the_80840_prefix() -> None:
    assert_npis_pass_luhn(batch().cases, at_least=60)


def test_nhs_numbers_ssns_and_ibans_validate_with_python_stdnum() -> None:
    assert_nhs_ssn_iban_validate(batch().cases, at_least=60, ibans=130)


def test_phone_numbers_exist_in_their_countrys_plan_per_libphonenumber() -> None:
    assert_phones_in_numbering_plans(batch().cases, at_least=520, extensions=40)


def test_birth_dates_carry_a_plausible_birth_year() -> None:
    assert_plausible_birth_years(
        [value for _, value in spans_in(batch().cases, "DATE_OF_BIRTH")], at_least=300
    )


def _month_names(lang: str) -> dict[str, int]:
    """Month names and abbreviations as the set's own tables spell them, lower case, without a final dot."""
    months = load_bench("phantom_pii_multilingual_data").MONTHS[lang]
    abbr = load_bench("phantom_pii_heldout5_data").ABBR[lang]
    names = {name.lower().rstrip("."): i + 1 for i, name in enumerate(months)}
    names.update({name.lower().rstrip("."): i + 1 for i, name in enumerate(abbr)})
    return names


def _years(text: str) -> list[int]:
    """A four-digit year as written, or a two-digit one in both centuries."""
    return [int(text)] if len(text) == 4 else [1900 + int(text), 2000 + int(text)]


def _real_day(y: list[int], m: int, d: int) -> bool:
    for year in y:
        try:
            date(year, m, d)
        except ValueError:
            continue
        return True
    return False


def is_real_calendar_day(value: str, locale: str) -> bool:
    """Reads a birth date in any of the set's written forms (numeric in the locale's order, ISO, CCYYMMDD, or
    with a month name in the locale's language) and says whether that day exists."""
    if re.fullmatch(r"\d{8}", value):
        return _real_day([int(value[:4])], int(value[4:6]), int(value[6:]))
    numeric = re.fullmatch(r"(\d{1,4})[./-](\d{1,2})[./-](\d{2,4})", value)
    if numeric:
        a, b, c = numeric.groups()
        if len(a) == 4:
            return _real_day([int(a)], int(b), int(c))
        m, d = (int(a), int(b)) if locale == "en-US" else (int(b), int(a))
        return _real_day(_years(c), m, d)
    lang = "en" if locale.startswith("en") else locale[:2]
    names = _month_names(lang)
    words = [w.lower().rstrip(".") for w in re.findall(r"[^\W\d_]+\.?", value)]
    month = [names[w] for w in words if w in names]
    numbers = re.findall(r"\d+", value)
    if len(month) != 1 or len(numbers) != 2:
        return False
    year = next((n for n in numbers if len(n) == 4), numbers[-1])
    day = next(n for n in numbers if n is not year)
    return _real_day(_years(year), month[0], int(day))


def test_every_birth_date_is_a_real_calendar_day() -> None:
    """heldout14 labelled `30/2/75` and heldout15 `29 de fevereiro de 2001`: an impossible date is a
    look-alike per the spec set, so every labelled birth date here must read back as a day that exists."""
    tech_locales = load_bench("phantom_pii_heldout9_data").LOCALES
    births = [
        (case["text"][s["start"] : s["end"]], case["locale"])
        for case in batch().cases
        for s in case["spans"]
        if s["entity"] == "DATE_OF_BIRTH"
    ]
    unreadable = [
        (v, loc) for v, loc in births if not (loc == "tech" and re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{8}", v))
    ]
    assert [(v, loc) for v, loc in unreadable if not is_real_calendar_day(v, loc)] == []
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{8}", v) for v, loc in births if loc == "tech")
    tech = [v.replace("-", "") for v, loc in births if loc == "tech"]
    assert tech and all(is_real_calendar_day(v, tech_locales[0]) for v in tech)


def test_the_reader_of_birth_dates_rejects_impossible_days() -> None:
    """The calendar check above can fail: the earlier batches' impossible dates are refused."""
    assert not is_real_calendar_day("30/2/75", "en-GB")
    assert not is_real_calendar_day("29 de fevereiro de 2001", "pt-BR")
    assert not is_real_calendar_day("02/29/2001", "en-US")
    assert is_real_calendar_day("29 de fevereiro de 2000", "pt-BR")
    assert is_real_calendar_day("31. März 1990", "de-DE")


def test_childrens_birth_dates_are_child_aged() -> None:
    """Where the document is about a child, the child's birth date falls in 2008-2024."""
    for marker in (
        "CHILDMINDER REGISTRATION FORM",
        "PETITION FOR GUARDIANSHIP OF A MINOR",
        "COACHING INSTITUTE ADMISSION",
        "profile_field_dob",
    ):
        cases = [c for c in batch().half("h16n") if marker in c["text"]]
        assert cases, marker
        for case in cases:
            for _, value in spans_in([case], "DATE_OF_BIRTH"):
                years = [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", value)]
                two = re.findall(r"(?<!\d)\d\d$", value)
                assert any(2008 <= y <= 2024 for y in years) or (not years and two), (marker, value)


def test_urls_emails_addresses_and_crypto_validate() -> None:
    assert_syntax_valid(batch().cases, crypto=55)


def test_fhir_system_uris_are_labelled_urls_and_urn_oids_are_not() -> None:
    assert_fhir_system_urls_labelled(batch().cases)


def _bounded_int(low: int, high: int) -> Callable[[str], bool]:
    return lambda v: re.fullmatch(r"[1-9]\d*", v) is not None and low <= int(v) <= high


CHECKS = {  # negative kind: a validator of what the negative claims to be (python-stdnum where it has one)
    "H16HOST": bare_host,
    "H16CPF": cpf.is_valid,
    "H16CF": codicefiscale.is_valid,
    "H16DNI": dni.is_valid,
    "H16NIE": nie.is_valid,
    "H16BSN": bsn.is_valid,
    "H16IDNR": idnr.is_valid,
    "H16ABA": rtn.is_valid,
    "H16DIGEST": lambda v: re.fullmatch(r"sha256:[0-9a-f]{64}", v) is not None,
    "H16STAMP": parses_as("%Y-%m-%d %H:%M:%S"),
    "H16SURTS": parses_as("%Y-%m-%dT%H:%M:%S.%f%z"),
    "H16NGINXTS": parses_as("%Y/%m/%d %H:%M:%S"),
    "H16NHSLIKE": lambda v: not nhs.is_valid(v),
    "H16NPILIKE": lambda v: not luhn.is_valid("80840" + v.replace(" ", "").replace("-", "")),
    "H16CARDLIKE": lambda v: not luhn.is_valid(v.replace(" ", "")),
    # a Luhn-valid number that is no card: a 15-digit IMEI (3GPP TS 23.003, Luhn check digit), plain or
    # grouped AA-BBBBBB-CCCCCC-D as handsets print it
    "H16IMEI": lambda v: (
        re.fullmatch(r"\d{15}|\d{2}-\d{6}-\d{6}-\d", v) is not None and luhn.is_valid(v.replace("-", ""))
    ),
    # a Zoom meeting ID: 10 or 11 digits grouped 3-3-4 or 3-4-4
    "H16ZOOMID": lambda v: re.fullmatch(r"[1-9]\d{2} \d{3,4} \d{4}", v) is not None,
    "H16EBORDER": lambda v: re.fullmatch(r"[1-9]\d{9}", v) is not None,
    # Jira's default project key pattern ([A-Z][A-Z_0-9]+), a hyphen, the issue number
    "H16JIRAKEY": lambda v: re.fullmatch(r"[A-Z][A-Z_0-9]+-[1-9]\d*", v) is not None,
    "H16PDINC": lambda v: re.fullmatch(r"P[A-Z0-9]{6}", v) is not None,
    "H16SMTPDID": lambda v: re.fullmatch(r"[0-9a-f]{16}", v) is not None,
    "H16PFTRACK": lambda v: re.fullmatch(r"10000\d{5}", v) is not None,
    "H16FGTSESS": _bounded_int(1, 2**32 - 1),
    "H16ASACONN": _bounded_int(1, 2**32 - 1),
    "H16BIB": _bounded_int(1, 99_999),
    "H16CHIPTIME": parses_as("%H:%M:%S"),
    "H16DIVERNO": lambda v: re.fullmatch(r"\d{4}[A-Z]\d{5}", v) is not None,
    "H16MCS": lambda v: re.fullmatch(r"MCS\d{8}", v) is not None,
    "H16ZBXEVT": lambda v: re.fullmatch(r"[1-9]\d{7}", v) is not None,
}


def test_hard_negatives_are_the_identifiers_they_claim_to_be() -> None:
    for kind, check in CHECKS.items():
        values = batch().negatives_of(kind)
        assert values and all(check(v) for v in values), (kind, [v for v in values if not check(v)])


def test_every_new_negative_kind_is_used_and_checked() -> None:
    """Each negative generator the module adds is drawn in the batch and has a validator above."""
    module = load_bench("phantom_pii_heldout16_data")
    used = {n["kind"] for c in batch().cases for n in c["negatives"]}
    assert set(module.NEW_NEGATIVES16) <= used and set(module.NEW_NEGATIVES16) <= set(CHECKS)


def test_dates_that_are_no_birth_dates_sit_next_to_labelled_ones() -> None:
    """A date of death, a hearing date, an embryo transfer date or an installation date is a negative beside
    a labelled birth date."""
    dated_kinds = ("H16DUS", "H16DGB", "H16DFR", "H16DDE", "H16DIT", "H16DES", "H16DNL", "H16DBR")
    for marker in (
        "CEMETERY PLOT PURCHASE AGREEMENT",
        "PETITION FOR GUARDIANSHIP OF A MINOR",
        "IVF CLINIC INTAKE",
        "CONCESSIONE LOCULO CIMITERIALE",
        "CLÍNICA DE REPRODUCCIÓN ASISTIDA",
        "FÖRDERANTRAG WÄRMEPUMPE",
        "ISDE-SUBSIDIE WARMTEPOMP",
    ):
        cases = [c for c in batch().half("h16n") if marker in c["text"]]
        assert cases, marker
        for case in cases:
            assert any(s["entity"] == "DATE_OF_BIRTH" for s in case["spans"])
            assert any(n["kind"] in dated_kinds for n in case["negatives"]), marker


def test_non_birth_dates_sit_next_to_people_in_both_halves() -> None:
    assert_dated_negatives_in_halves(batch(), TAGS, "H16", 100)


def test_the_committed_set_holds_heldout16_last_and_keeps_every_earlier_batch() -> None:
    assert_committed_last_and_every_digest_pinned("heldout16", list(batch().cases))


@pytest.mark.parametrize(
    ("split", "batch", "side"),
    [("dev", "dev", "dev")]
    + [(f"heldout{n}", f"heldout{n}", "dev") for n in range(4, 16)]
    + [("heldout16", "heldout16", "heldout16")],
)
def test_the_evaluation_counts_heldout15_as_dev_and_heldout16_as_held_out(
    split: str, batch: str, side: str
) -> None:
    evaluation = load_bench("phantom_pii_eval")
    assert evaluation.side({"split": split, "batch": batch}) == side
    assert evaluation.side({"split": "heldout"}) == "heldout"


def test_the_template_tags_select_exactly_one_half() -> None:
    assert_tags_select_their_halves(list(batch().cases), TAGS)
