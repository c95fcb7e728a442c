"""phantom's PII detection, round 5 (issue #13): the causes behind heldout8's misses, by the general forms of
what the misread text is. A log record's columns after its clock time are ids, not one phone number; an OCI
image reference (`host/repo@sha256:...`) and a mail log's `host[address]` field name no web page; a dashed
3-4-3 number with no phone word is a reference; a number named `<something>-Nr.` is that something's number.
Each rule keeps its look-alikes: the phones and URLs next to them are still found."""

from __future__ import annotations

import datetime as dt
import hashlib
import random

import phonenumbers
import pytest
from babel.dates import format_datetime
from faker import Faker

from servers.phantom import pii


def _found(text: str, entity: str) -> list[str]:
    return [text[f.start : f.end] for f in pii.detect(text, [entity])]


def _logcat_line(rng: random.Random, when: dt.datetime, tag: str, message: str) -> str:
    """Android's `logcat -v threadtime` layout: date, time with milliseconds, PID and TID right-aligned in 5
    columns, the priority letter, the tag."""
    stamp = when.strftime("%m-%d %H:%M:%S.") + f"{when.microsecond // 1000:03d}"
    return f"{stamp} {rng.randint(1, 99999):5d} {rng.randint(1, 99999):5d} {rng.choice('VDIWEF')} {tag}: {message}"


@pytest.mark.parametrize("seed", range(40))
def test_logcat_pid_and_tid_are_no_phone(seed: int) -> None:
    fake = Faker()
    fake.seed_instance(seed)
    rng = random.Random(seed)
    msisdn = fake.msisdn()
    lines = [
        _logcat_line(rng, fake.date_time(), "Telephony", f"device msisdn=+1{msisdn[:10]}"),
        _logcat_line(rng, fake.date_time(), "WifiService", f"connected ip={fake.ipv4_private()}"),
        _logcat_line(rng, fake.date_time(), "AccountSync", f"sync failed for {fake.email()}"),
    ]
    text = "\n".join(lines)
    found = _found(text, "PHONE_NUMBER")
    assert all(f.startswith("+") for f in found), found


def test_column_gap_phones_outside_log_records_are_still_found() -> None:
    # a sloppy double blank inside a number, with no clock time before it, is still a phone
    assert _found("Tel.: 0330  62 257 90", "PHONE_NUMBER") == ["0330  62 257 90"]
    assert _found("Mobil: 0221  9146056", "PHONE_NUMBER") == ["0221  9146056"]
    # a clock time followed by a phone written with single blanks: the phone stays
    assert _found("Heute 10:30 bitte zurückrufen: 0221 9146056", "PHONE_NUMBER") == ["0221 9146056"]


@pytest.mark.parametrize("seed", range(10))
def test_oci_image_references_are_no_url(seed: int) -> None:
    fake = Faker()
    fake.seed_instance(seed)
    digest = hashlib.sha256(fake.binary(64)).hexdigest()
    host = fake.domain_name()
    compose = (
        f"services:\n  api:\n    image: registry.{host}/{fake.user_name()}/api@sha256:{digest}\n"
        f"    environment:\n      UPSTREAM: https://app.{host}/s/{seed}\n"
    )
    assert _found(compose, "URL") == [f"https://app.{host}/s/{seed}"]
    tagged = f"FROM {host}/library/python:3.12@sha256:{digest}\nLABEL homepage=www.{host}/docs"
    assert _found(tagged, "URL") == [f"www.{host}/docs"]


@pytest.mark.parametrize("seed", range(10))
def test_mail_log_host_and_address_fields_are_no_url(seed: int) -> None:
    fake = Faker()
    fake.seed_instance(seed)
    relay = f"mx.{fake.domain_name()}"
    line = (
        f"{fake.date_time():%b %d %H:%M:%S} mail01 postfix/smtp[{fake.random_int(100, 99999)}]: "
        f"{fake.hexify('^' * 10).upper()}: to=<{fake.email()}>, relay={relay}[{fake.ipv4()}]:25, status=sent"
    )
    assert _found(line, "URL") == []
    v6 = f"Jan  2 10:00:01 mx postfix/smtpd[77]: connect from {relay}[IPv6:2001:db8::{seed + 1}]"
    assert _found(v6, "URL") == []


def test_hosts_next_to_other_brackets_are_still_web_addresses() -> None:
    # a footnote or a link label after a bare domain is no address field
    assert _found("see example.com[1] for details", "URL") == ["example.com"]
    assert _found("[docs](https://docs.example.com/a) and www.example.org[note]", "URL") == [
        "https://docs.example.com/a",
        "www.example.org",
    ]
    assert _found("relay via https://mx.example.net/status [10.0.0.1]", "URL") == [
        "https://mx.example.net/status"
    ]


@pytest.mark.parametrize("seed", range(20))
def test_dashed_3_4_3_references_without_a_phone_word_are_no_phone(seed: int) -> None:
    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    ref = fake.numerify("%##-####-%##")
    mobile = "06 " + fake.numerify("#### ####")
    text = f"Je pakket {ref} (besteld op {fake.date()}) komt morgen. Niet thuis? Bel {mobile}."
    assert ref not in _found(text, "PHONE_NUMBER")
    assert _found(f"Transferencia realizada {ref}\nImporte: 12,00 €", "PHONE_NUMBER") == []


def test_dashed_3_4_3_with_a_phone_word_is_still_a_phone() -> None:
    assert _found("chiamami al 011-8063-264 stasera", "PHONE_NUMBER") == ["011-8063-264"]
    assert _found("Tel. 051 5724 081", "PHONE_NUMBER") == ["051 5724 081"]


@pytest.mark.parametrize("seed", range(20))
def test_german_compound_nr_labels_name_other_numbers(seed: int) -> None:
    fake = Faker("de_DE")
    fake.seed_instance(seed)
    bsnr = fake.numerify("#########")
    lanr = fake.numerify("#########")
    phone = fake.phone_number()
    text = f"Arzt-Nr. {lanr} · Betriebsstätten-Nr. {bsnr} · Praxis Tel. {phone}"
    found = _found(text, "PHONE_NUMBER")
    assert bsnr not in found and lanr not in found


@pytest.mark.parametrize("label", ["Ruf-Nr.", "Tel.-Nr.", "Telefon-Nr.", "Handy-Nr.", "Mobil-Nr.", "Fax-Nr."])
def test_phone_compound_nr_labels_still_name_phones(label: str) -> None:
    assert _found(f"{label} 0221 9146056", "PHONE_NUMBER") == ["0221 9146056"]


def _national(
    region: str, kind: phonenumbers.PhoneNumberType = phonenumbers.PhoneNumberType.FIXED_LINE
) -> str:
    example = phonenumbers.example_number_for_type(region, kind)
    assert example is not None
    return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)


@pytest.mark.parametrize(
    ("line", "region"),
    [
        ("Fragen: {n}, App. 6978 · info@example.de", "DE"),
        ("Fragen: {n} App. 12 · info@example.de", "DE"),
        ("Questions: {n} · help@example.com", "GB"),
        ("Recapiti: {n} — info@example.it", "IT"),
        ("Portable : 06 12 34 56 78    En cas d'urgence : {n}", "FR"),
        ("Der Fahrer erreicht Sie unter {n}.", "DE"),
    ],
)
def test_contact_labels_and_cues_in_structured_documents(line: str, region: str) -> None:
    number = _national(region)
    head = (
        "Rechnung Nr. 8464 8170 62 vom 8.4.2025\nBetrag: 375,35 EUR\n"  # a structured document: strong labels
    )
    text = head + line.format(n=number)
    found = _found(text, "PHONE_NUMBER")
    extension = line[line.index("{n}") + 3 :].split(" · ")[0] if "App." in line else ""
    assert number + extension in found, (text, found)


def test_an_elided_article_is_no_quoted_key() -> None:
    # d'urgence / l'ufficio: the apostrophe of an elision opens no quoted key that would name a field
    number = _national("IT")
    assert _found(f"Ufficio: Roma\nNumero dell'ufficio : {number}", "PHONE_NUMBER") == [number]
    # a real quoted key that names something else still refuses a national number
    assert _found(f'{{"lot": "{number}"}}', "PHONE_NUMBER") == []


def test_dutch_mobile_06_dash_after_a_name_and_look_alikes() -> None:
    mobile = phonenumbers.format_number(
        phonenumbers.example_number_for_type("NL", phonenumbers.PhoneNumberType.MOBILE),
        phonenumbers.PhoneNumberFormat.NATIONAL,
    ).replace(" ", "-", 1)
    assert mobile.startswith("06-")
    text = f"HUUROVEREENKOMST\nHuurder: Bram Bakker\nVerhuurder: Fleur Bakker, {mobile}"
    assert _found(text, "PHONE_NUMBER") == [mobile]
    # other 2-8 references stay references without a phone word
    assert _found("Vorgang 12-34567890 erledigt", "PHONE_NUMBER") == []
    assert _found("Kundennummer 07-12345678", "PHONE_NUMBER") == []


def test_apparat_extension_is_not_a_word_elsewhere() -> None:
    # "App." after a number is the German extension only when digits follow
    assert _found("Fragen: 0221 9146056. App. herunterladen", "PHONE_NUMBER") == ["0221 9146056"]


@pytest.mark.parametrize("locale", ["en_US", "en_GB", "pt_BR", "fr_FR", "de_DE", "it_IT", "es_ES", "nl_NL"])
def test_chat_message_timestamps_are_no_birth_dates(locale: str) -> None:
    """Babel writes each locale's short date and time; a chat export stamps every message so, and a
    Portuguese "né" (right?) or a French "né" ending the message above is no birth cue for the next stamp."""
    fake = Faker()
    fake.seed_instance(7)
    lines = []
    for speaker, message in (("Ana", "e o email dele? a.santos@uol.com.br né"), ("Bea", "isso, né")):
        when = fake.date_time_between(dt.datetime(2015, 1, 1), dt.datetime(2025, 1, 1))
        stamp = format_datetime(when, "short", locale=locale)
        lines.append(f"{stamp} - {speaker}: {message}")
    assert _found("\n".join(lines), "DATE_OF_BIRTH") == []


def test_birth_dates_next_to_times_are_still_found() -> None:
    assert _found("Geburtsdatum: 12.03.1990 14:35", "DATE_OF_BIRTH") == ["12.03.1990"]  # a field named birth
    assert _found("born 12.03.1990 at 14:35 in Köln", "DATE_OF_BIRTH") == ["12.03.1990"]
    assert _found("né le 12/03/1990. Rendez-vous 12/05/2024 10:30", "DATE_OF_BIRTH") == ["12/03/1990"]


@pytest.mark.parametrize("seed", range(10))
def test_commas_inside_dates_make_no_table_row(seed: int) -> None:
    """An English date's comma (`Sep. 18, 2025`) splits no cell: a line with two such dates is no CSV row, and
    the labelled line above it is no header naming them."""
    fake = Faker("en_US")
    fake.seed_instance(seed)
    start, end = fake.date_between("-5y", "+5y"), fake.date_between("-5y", "+5y")
    text = (
        f"Applicant: {fake.name()}    Date of birth: {fake.date_of_birth():%Y-%m-%d}    SSN: {fake.ssn()}\n"
        f"Email: {fake.email()}\n"
        f"Lease term: {start:%b}. {start.day}, {start.year} to {end:%b}. {end.day}, {end.year}\n"
    )
    found = _found(text, "DATE_OF_BIRTH")
    assert len(found) == 1 and found[0].count("-") == 2, found
    # a real CSV under a birth-date header keeps its column
    born = fake.date_between("-80y", "-1y")
    csv = f"name,dob,city\n{fake.name()},{born:%b}. {born.day}, {born.year},{fake.city()}\n"
    assert _found(csv, "DATE_OF_BIRTH") == [f"{born:%b}. {born.day}, {born.year}"]


@pytest.mark.parametrize(
    "cue", ["request", "AWB", "Anfrage", "demande", "richiesta", "solicitud", "aanvraag", "waybill"]
)
def test_request_and_waybill_numbers_are_no_phone(cue: str) -> None:
    for number in ("784 405 0583", "0547087472805", "2015550143"):
        assert _found(f"Submitted 10/07/2023 · {cue} {number}", "PHONE_NUMBER") == []
    # a request to call back is still a phone cue
    assert _found("Please request a call back on 020 7946 0018", "PHONE_NUMBER") == ["020 7946 0018"]


@pytest.mark.parametrize("seed", range(10))
def test_a_card_billed_to_is_named_by_the_payment(seed: int) -> None:
    fake = Faker()
    fake.seed_instance(seed)
    card = fake.credit_card_number(card_type="visa13")
    assert _found(f"Monthly dues billed to {card}", "CREDIT_CARD") == [card]
    # not Luhn-valid: no card; billed to an account: the account's number
    broken = card[:-1] + str((int(card[-1]) + 1) % 10)
    assert _found(f"Monthly dues billed to {broken}", "CREDIT_CARD") == []
    assert _found(f"Monthly dues billed to account {card}", "CREDIT_CARD") == []
