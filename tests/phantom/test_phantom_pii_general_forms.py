"""phantom's PII detection by the types' general definitions (issue #13, round 3): a URL is any RFC 3986 URI
with an authority and a scheme a person follows; a card is an ISO/IEC 7812 issuer range plus Luhn in any
grouping; a phone number is what libphonenumber validates, with extensions and direct-dial suffixes; a birth
date is the date its nearest cue names, across line breaks and hyphenation. Documents are written by
third-party code where it exists (urllib and idna build the URLs, python-stdnum computes the Luhn digits,
phonenumbers formats the numbers, pydicom prints the DICOM attributes, pydifact writes the EDIFACT messages,
mrz writes the machine-readable zones, csv writes the tables); each rule has
look-alikes from the attacker's side that must not be reported."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlunsplit

import idna
import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mrz.generator.td1 import TD1CodeGenerator
from mrz.generator.td3 import TD3CodeGenerator
from pydicom.dataset import Dataset
from pydifact.segmentcollection import Message
from pydifact.segments import Segment
from stdnum import luhn

from servers.phantom import pii


def found(text: str, entities: list[str] | None = None) -> list[tuple[str, str]]:
    return [(f.entity, text[f.start : f.end]) for f in pii.detect(text, entities)]


def card(prefix: str, length: int) -> str:
    body = prefix + "7" * (length - len(prefix) - 1)
    return body + luhn.calc_check_digit(body)


# -- URLs ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scheme", "netloc", "path"),
    [
        ("ftp", "ftp.tidewater.com", "/pub/0443.zip"),
        ("ftps", "files.example.org:990", "/in/"),
        ("sftp", "deploy@files.example.org:22", "/srv"),
        ("https", "guest@files.tidewater.com", "/r/944155"),
        ("https", "user:secret@host.example.net:8443", "/a?b=c"),
        ("wss", "chat.example.org", "/socket"),
        ("http", "www.café-de-brug.nl", "/"),
        ("https", "müller-reisen.de", "/booking/99091477/receipt.pdf"),
        ("http", "www.açaí-natural.com.br", "/"),
    ],
)
def test_uris_with_an_authority_and_a_followable_scheme_are_urls(scheme: str, netloc: str, path: str) -> None:
    url = urlunsplit((scheme, netloc, path, "", ""))
    text = f"Mirror: <{url}>. Link na bio: {url}\n"
    assert found(text) == [("URL", url), ("URL", url)]


def test_punycode_and_ipv6_literal_hosts_are_urls() -> None:
    puny = "https://" + idna.encode("müller-reisen.de").decode() + "/s/5e709947"
    ipv6 = "http://[2001:db8::8a2e:370:7334]:8080/status"
    text = f"Termin online: {puny} oder {ipv6}"
    assert found(text, ["URL"]) == [("URL", puny), ("URL", ipv6)]


def test_a_urls_userinfo_is_no_email_address_but_a_mailbox_still_is() -> None:
    text = "https://support@files.halcyon.fr/account/settings or write to support@files.halcyon.fr"
    assert found(text) == [
        ("URL", "https://support@files.halcyon.fr/account/settings"),
        ("EMAIL_ADDRESS", "support@files.halcyon.fr"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "file:///etc/passwd",
        "see http://localhost:8080/ and ftp://intranet/pub",
        "std::cout << x; Foo::Bar",
        "git://",
        "http://[not:an:address]/x",
        "https://bad_host.example/",
    ],
)
def test_uris_without_a_dotted_host_or_with_a_broken_one_are_not_urls(text: str) -> None:
    assert [entity for entity, _ in found(text)] == []


# -- dates of birth --------------------------------------------------------------------------------


def test_a_birth_cue_broken_over_a_line_or_hyphenated_still_names_the_date() -> None:
    text = (
        "Victim: Tyrone Garcia, date of\nbirth 1958-07-12, reported on 2024-11-10.\n"
        "Patientin geboren am 3. Mai 1961; Geburts-\ndatum des Kindes: 12.03.1990, Termin 01.02.2024."
    )
    assert [v for e, v in found(text) if e == "DATE_OF_BIRTH"] == ["1958-07-12", "3. Mai 1961", "12.03.1990"]


def test_an_answer_takes_the_birth_cue_of_the_question_above_it() -> None:
    text = (
        "[00:02:03] Agent: Date of birth and NHS number for security?\n"
        "[00:02:06] Caller: 22/2/94, and my appointment is 03/04/2024\n"
        "[00:02:30] Agent: When did the problem start?\n"
        "[00:02:33] Caller: 12/01/2024\n"
    )
    assert [v for e, v in found(text) if e == "DATE_OF_BIRTH"] == ["22/2/94"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Aniversário: 27/04/1960", "27/04/1960"),
        ("🎂 Cumpleaños: 11 feb. 1951", "11 feb. 1951"),
        ("compleanno 3 marzo 1977", "3 marzo 1977"),
        ("Verjaardag: 26 mrt. 2002", "26 mrt. 2002"),
        ("Birthday 🎂 1 February, 1936", "1 February, 1936"),
        ("nacido el 16 de julio del 1963", "16 de julio del 1963"),
        ("Paciente: García, Javier (nac. 28 de julio del 2013)", "28 de julio del 2013"),
    ],
)
def test_birthday_words_in_each_language_and_spanish_del_years(text: str, date: str) -> None:
    assert found(text) == [("DATE_OF_BIRTH", date)]


def test_iata_ddmmmyy_dates_are_births_only_in_the_docs_birth_field_or_after_a_cue() -> None:
    text = (
        "Flight AZ99   Departs 14DEC2023 07:45\n"
        "SSR DOCS UA HK1/P/USA/91QK41855/USA/24DEC1954/M/15SEP26/Johnson/Emily\n"
        "SSR CTCM UA HK1/+12127050298\n"
        "Passenger 2 DOB 15FEB94, passport issued 02MAY19\n"
    )
    assert found(text) == [
        ("DATE_OF_BIRTH", "24DEC1954"),
        ("PHONE_NUMBER", "+12127050298"),
        ("DATE_OF_BIRTH", "15FEB94"),
    ]


def test_edifact_paxlst_written_by_pydifact_gives_birth_date_phone_and_mail() -> None:
    message = Message("1", ("PAXLST", "D", "05B", "UN", "IATA"))
    for segment in (
        Segment("NAD", "FL", "", "", ["López", "Javier"]),
        Segment("DTM", ["329", "19870414", "102"]),  # 329: date of birth
        Segment("DOC", "P", "22LN45420"),
        Segment("DTM", ["36", "20300505", "102"]),  # 36: expiry date
        Segment("COM", ["+34740053782", "TE"]),
        Segment("COM", ["nuria@example.es", "EM"]),
    ):
        message.add_segment(segment)
    text = message.serialize()
    assert found(text) == [
        ("DATE_OF_BIRTH", "19870414"),
        ("PHONE_NUMBER", "+34740053782"),
        ("EMAIL_ADDRESS", "nuria@example.es"),
    ]
    # the same segments one per line, as interchange dumps print them, with the "+" not released
    lines = text.replace("'", "'\n").replace("?+", "+")
    assert found(lines) == found(text)


def dicom_dataset() -> Dataset:
    ds = Dataset()
    ds.StudyDate = "20230802"
    ds.StudyTime = "163859.614553"
    ds.PatientName = "Clarke^Isla"
    ds.PatientID = "6537431107"  # mod 11 valid: an NHS number as the patient id
    ds.PatientBirthDate = "19330316"
    ds.OtherPatientIDs = "743 132 2655"
    ds.PatientTelephoneNumbers = "020 7946 0000"
    ds.AccessionNumber = "0207 946 0001"
    return ds


def test_dicom_attributes_printed_by_pydicom_are_named_by_their_tags() -> None:
    text = str(dicom_dataset())
    assert found(text) == [
        ("UK_NHS", "6537431107"),
        ("DATE_OF_BIRTH", "19330316"),
        ("PHONE_NUMBER", "020 7946 0000"),
    ]


def test_dicom_attributes_in_a_dcmdump_listing_are_named_by_their_tags_and_keywords() -> None:
    ds = dicom_dataset()
    lines = [
        f"({element.tag.group:04X},{element.tag.element:04X}) {element.VR} [{element.value}]"
        f"        # {element.keyword}"
        for element in ds
    ]
    text = "\n".join(lines)
    assert found(text) == [
        ("UK_NHS", "6537431107"),
        ("DATE_OF_BIRTH", "19330316"),
        ("PHONE_NUMBER", "020 7946 0000"),
    ]


# -- tables ----------------------------------------------------------------------------------------


def test_google_contacts_csv_headers_with_digits_name_their_columns() -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Name", "Birthday", "E-mail 1 - Value", "Phone 1 - Type", "Phone 1 - Value", "Notes"])
    writer.writerow(["Louis Martin", "1988-10-11", "louis@example.fr", "Mobile", "+33 6 12 34 56 78", ""])
    writer.writerow(
        ["Chloé Dubois", "1956-10-09", "chloe@example.fr", "Work", "01 42 68 53 00", "2024-01-02"]
    )
    assert [(e, v) for e, v in found(out.getvalue()) if e in ("DATE_OF_BIRTH", "PHONE_NUMBER")] == [
        ("DATE_OF_BIRTH", "1988-10-11"),
        ("PHONE_NUMBER", "+33 6 12 34 56 78"),
        ("DATE_OF_BIRTH", "1956-10-09"),
        ("PHONE_NUMBER", "01 42 68 53 00"),
    ]


def test_an_unquoted_comma_inside_an_english_date_does_not_shift_the_columns() -> None:
    text = (
        ",,PATIENT,,,CONTACT,\n"
        "NHS no,Surname,Forename,DOB,Registered,Mobile,Lot\n"
        "4842128437,Smith,Harry,June 8th, 1947,14 July 2024,07409 466652,0207 946 0002\n"
        "651-783-0898,Clarke,Oliver,08.04.1954,28 JUN 1989,0800 293 5432,0207 946 0003\n"
    )
    assert found(text) == [
        ("UK_NHS", "4842128437"),
        ("DATE_OF_BIRTH", "June 8th, 1947"),
        ("PHONE_NUMBER", "07409 466652"),
        ("UK_NHS", "651-783-0898"),
        ("DATE_OF_BIRTH", "08.04.1954"),
        ("PHONE_NUMBER", "0800 293 5432"),
    ]


# -- cards -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "grouping"),
    [
        (card("4011", 16), lambda d: ", ".join(d[i : i + 4] for i in range(0, 16, 4))),
        (card("3690", 14), lambda d: f"{d[:4]}, {d[4:10]}, {d[10:]}"),
        (card("6304", 18), lambda d: " - ".join(d[i : i + 4] for i in range(0, 18, 4))),
        (card("3566", 19), lambda d: "  ".join(d[i : i + 4] for i in range(0, 19, 4))),
    ],
)
def test_card_numbers_read_out_or_typed_in_any_grouping(number: str, grouping) -> None:  # noqa: ANN001
    written = grouping(number)
    text = f"Agent: Could I take the long number on the card?\nCaller: Yes, it's {written}\n"
    assert found(text) == [("CREDIT_CARD", written)]


def test_comma_groups_without_a_payment_word_are_no_card() -> None:
    number = card("4011", 16)
    written = ", ".join(number[i : i + 4] for i in range(0, 16, 4))
    assert found(f"Order lines {written} were shipped.") == []


# -- phones, SSNs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "region", "extension"),
    [
        ("0348 246809", "NL", ", toestel 8357"),
        ("85 2127 2212", "BR", ", ramal 5461"),
        ("801-703-1807", "US", " x2739"),
    ],
)
def test_extensions_after_a_comma_belong_to_the_number(number: str, region: str, extension: str) -> None:
    national = phonenumbers.format_number(
        phonenumbers.parse(number, region), phonenumbers.PhoneNumberFormat.NATIONAL
    )
    text = f"Vragen? Bel {national}{extension} of mail ons. Callback {national}{extension}."
    assert found(text) == [("PHONE_NUMBER", national + extension)] * 2


@pytest.mark.parametrize("written", ["069 3856307-719", "030 / 4141354-073", "0211 703929-172"])
def test_german_direct_dial_suffixes(written: str) -> None:
    assert found(f"Hallo, bitte unter {written} zurückrufen.") == [("PHONE_NUMBER", written)]


def test_vcard_group_prefix_and_pref_type_do_not_hide_a_number() -> None:
    text = "BEGIN:VCARD\nVERSION:3.0\nFN:Luca Romano\nitem1.TEL;type=pref:333 5356360\nEND:VCARD"
    assert found(text) == [("PHONE_NUMBER", "333 5356360")]


@pytest.mark.parametrize(
    "text",
    [
        "Afgeleverd 2016-03-14 · recept 1717730-47",
        "Dispensación 1258105-14 — 13-02-2023",
        "Declaratie 81-224320-02 — polisnummer POL969321572",
        "First appointment 25/8/19; staff no. of clinician 722 429 5570; e-mail",
        "Claimant company no. 81910259; VAT pending.",
        "Cupom 4639728 28 de maio de 2026",
        "(0008,0030) TM [163859.614553]          # StudyTime",
    ],
)
def test_reference_numbers_named_as_such_are_no_phone_numbers(text: str) -> None:
    assert [e for e, _ in found(text) if e == "PHONE_NUMBER"] == []


def test_a_spaced_ssn_shape_that_continues_into_more_digits_is_no_ssn() -> None:
    assert found("Hallo, bitte unter 022 17 2380 09 zurückrufen.") == [("PHONE_NUMBER", "022 17 2380 09")]
    assert found("SSN 492 65 1899, phone 305.574.3620") == [
        ("US_SSN", "492 65 1899"),
        ("PHONE_NUMBER", "305.574.3620"),
    ]


def test_an_answer_takes_the_nhs_cue_of_the_question_above_it() -> None:
    text = (
        "[00:02:03] Agent: Date of birth and NHS number for security?\n"
        "[00:02:06] Caller: 9th October 1948, and it's 436-769-3007\n"
    )
    assert found(text) == [("DATE_OF_BIRTH", "9th October 1948"), ("UK_NHS", "436-769-3007")]


def test_a_dotted_italian_number_is_a_phone_only_with_a_phone_word() -> None:
    assert found("utenza 800.420678, il quale denuncia") == [("PHONE_NUMBER", "800.420678")]
    assert found("ratio 800.420678 over the period") == []


def test_internationalised_mail_addresses_and_bare_idn_domains() -> None:
    text = "Mail jürgen@müller-reisen.de or see pão-de-queijo.com.br/u/x; snake_case@example.com"
    assert found(text) == [
        ("EMAIL_ADDRESS", "jürgen@müller-reisen.de"),
        ("URL", "pão-de-queijo.com.br/u/x"),
        ("EMAIL_ADDRESS", "snake_case@example.com"),
    ]
    # the punycode form of the same domain, as idna writes it
    puny = idna.encode("müller-reisen.de").decode()
    assert found(f"Mail info@{puny}") == [("EMAIL_ADDRESS", f"info@{puny}")]


def test_a_birth_date_with_a_time_of_day_after_it() -> None:
    text = '{"dob": "1958-07-12T00:00:00.000Z", "created": "2024-01-02T10:00:00Z"}'
    assert found(text) == [("DATE_OF_BIRTH", "1958-07-12")]


def test_dotted_card_groups_are_a_card_but_dotted_versions_are_nothing() -> None:
    number = card("4011", 16)
    dotted = ".".join(number[i : i + 4] for i in range(0, 16, 4))
    assert found(f"Card {dotted} expires 10/27") == [("CREDIT_CARD", dotted)]
    assert found(f"release {dotted}.2 is out, and 12345678901234.56 was paid") == []


def test_a_speakers_name_before_a_sentence_is_no_field_name_but_a_records_key_is() -> None:
    chat = (
        "Francesca: mi mandi il numero del corriere?\n"
        "Luca: 320.163.8072 oppure scrivi a marco@example.it\n"
        "Francesca: grazie mille\n"
    )
    assert found(chat) == [("PHONE_NUMBER", "320.163.8072"), ("EMAIL_ADDRESS", "marco@example.it")]
    record = "dn: uid=jdoe\nemployeeNumber: 0207 946 0000\ncn: Jo Doe\n"
    assert found(record) == []


@given(st.text(alphabet="ab.@_-+ \nçé1x", max_size=120))
@settings(max_examples=300, deadline=None)
def test_looking_for_addresses_only_around_each_at_sign_finds_what_a_full_scan_finds(text: str) -> None:
    assert [m.span() for m in pii._email_matches(text)] == [m.span() for m in pii._EMAIL.finditer(text)]


def test_birth_alone_as_a_label_names_the_date_but_the_birth_of_a_thing_does_not() -> None:
    assert found("Birth: 12/03/1960 (Lyon)") == [("DATE_OF_BIRTH", "12/03/1960")]
    assert found("The birth of the project was on 2021-05-01.") == []


def test_an_answer_takes_the_phone_word_of_the_question_above_it() -> None:
    text = "[00:01:41] Agent: And a number to call you back on?\n[00:01:45] Caller: 07700900123\n"
    assert found(text) == [("PHONE_NUMBER", "07700900123")]
    assert found("[00:01:41] Agent: Which order is it?\n[00:01:45] Caller: 07700900123\n") == []


def test_a_thirteen_digit_german_number_needs_a_phone_word_and_its_trunk_zero() -> None:
    assert found("GET /lookup?phone=0302746919514 HTTP/2.0") == [("PHONE_NUMBER", "0302746919514")]
    assert found("card blocked at 1766697282265. For help call 0800 123 4567") == [
        ("PHONE_NUMBER", "0800 123 4567")
    ]


def test_mob_cues_a_number_and_a_vcard_url_field_may_hold_a_bare_domain() -> None:
    assert found("IMPS/P2A/mob 09072693104/Priya") == [("PHONE_NUMBER", "09072693104")]
    text = "BEGIN:VCARD\nVERSION:3.0\nURL:lumen.com/kontakt?ref=sig367\nEND:VCARD"
    assert found(text) == [("URL", "lumen.com/kontakt?ref=sig367")]


def test_a_postcode_named_as_such_is_no_phone_even_after_a_phone_word() -> None:
    text = "tél. +33 2 18 09 56 63, code postal 66078-581, inscrit le 08/06/2024"
    assert found(text) == [("PHONE_NUMBER", "+33 2 18 09 56 63")]


# ICAO Doc 9303's specimens (part 4, TD3 passport; part 5, TD1 card), written by the `mrz` package's generators.
MRZ_TD3 = str(
    TD3CodeGenerator(
        "P", "UTO", "Eriksson", "Anna María", "L898902C3", "UTO", "740812", "F", "120415", "ZE184226B"
    )
)
MRZ_TD1 = str(
    TD1CodeGenerator("I", "UTO", "D23145890", "740812", "F", "120415", "UTO", "Eriksson", "Anna María")
)


@pytest.mark.parametrize("mrz", [MRZ_TD3, MRZ_TD1])
def test_the_birth_date_of_a_machine_readable_zone_is_found_by_its_position_and_check_digit(mrz: str) -> None:
    assert found(mrz, ["DATE_OF_BIRTH"]) == [("DATE_OF_BIRTH", "740812")]
    assert found(mrz.replace("7408122", "7408123"), ["DATE_OF_BIRTH"]) == []  # a wrong check digit


def test_iso_20022_birth_date_elements_are_named_by_their_camel_case_words() -> None:
    text = (
        "<Dbtr><Id><PrvtId><DtAndPlcOfBirth><BirthDt>1980-01-15</BirthDt><CityOfBirth>Paris</CityOfBirth>"
        "</DtAndPlcOfBirth></PrvtId></Id></Dbtr><ReqdExctnDt><Dt>2024-01-02</Dt></ReqdExctnDt>"
    )
    assert found(text) == [("DATE_OF_BIRTH", "1980-01-15")]
