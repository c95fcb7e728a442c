"""phantom's PII detection, round 11 (issue #13): the causes behind heldout14's misses, by the general forms of what
the misread text is. A host named by a SIP URI's user part (RFC 3261), an RFC 4180 empty field before a CSV's phone
cell, a dialogue's speaker named like a reference, a table's title date above its DOB header, and a quotation's
number. Third parties write the values: RFC 3261 §19.1.3's own SIP-URI examples, phonenumbers' example numbers,
the standard library's csv module (empty and quoted-empty fields), Faker (names, addresses, dates)."""

from __future__ import annotations

import csv
import io

import phonenumbers
import pytest
from faker import Faker

from servers.phantom import pii


def _found(text: str, entity: str) -> list[str]:
    return [text[f.start : f.end] for f in pii.detect(text, [entity])]


def _example(region: str, kind: int, form: int) -> str:
    number = phonenumbers.example_number_for_type(region, kind)
    assert number is not None
    return phonenumbers.format_number(number, form)


_MOBILE = phonenumbers.PhoneNumberType.MOBILE
_NATIONAL = phonenumbers.PhoneNumberFormat.NATIONAL
_INTERNATIONAL = phonenumbers.PhoneNumberFormat.INTERNATIONAL
_E164 = phonenumbers.PhoneNumberFormat.E164


# RFC 3261 §19.1.3's examples, with `atlanta.com`/`gateway.com` replaced by the address literal the grammar allows
# (`hostport = host [ ":" port ]`, `host = hostname / IPv4address / IPv6reference`); the last is verbatim.
_RFC3261_FORMS = (
    "sip:alice@{ip}",
    "sip:alice:secretword@{ip};transport=tcp",
    "sips:alice@{ip}?subject=project%20x&priority=urgent",
    "sip:+1-212-555-1212:1234@{ip};user=phone",
    "sips:1212@{ip}",
    "sip:alice;day=tuesday@{ip}",
    "sip:alice@{ip}:5060;transport=udp",
)


@pytest.mark.parametrize("form", _RFC3261_FORMS)
def test_the_host_of_a_sip_uri_is_an_address(form: str) -> None:
    ip = Faker().ipv4_private()
    uri = form.format(ip=ip)
    assert _found(f"INVITE {uri} SIP/2.0\nVia: SIP/2.0/UDP pc33.example.com", "IP_ADDRESS") == [ip]


def test_rfc_3261s_own_address_literal_example_is_an_address() -> None:
    assert _found("To: <sip:alice@192.0.2.4>", "IP_ADDRESS") == ["192.0.2.4"]


def test_a_freeswitch_channel_names_its_peer_by_address() -> None:
    fake = Faker()
    caller = _example("ES", _MOBILE, _E164)
    first, second = fake.ipv4_private(), fake.ipv4_public()
    text = (
        "2022-01-06 10:13:18.512804 [NOTICE] switch_channel.c:1104 New Channel "
        f"sofia/external/sip:{caller}@{first} [4aee034a-5af2-bcec-dd27-552bce8bf2a1]\n"
        f"2022-01-06 10:13:19.100200 [NOTICE] switch_channel.c:1104 New Channel sofia/internal/1001@{second} [uuid]"
    )
    assert _found(text, "IP_ADDRESS") == [first, second]
    assert _found(text, "PHONE_NUMBER") == [caller]


@pytest.mark.parametrize("pinned", ["left-pad@1.3.0.1", "@scope/tool@2.4.10.7", "gossip:node@1.2.3.4"])
def test_a_package_pinned_at_a_four_part_version_is_still_no_address(pinned: str) -> None:
    assert _found(f"npm install {pinned} --save", "IP_ADDRESS") == []


def _patients_csv(quoting: int, fake: Faker, phone: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, quoting=quoting, lineterminator="\n")
    writer.writerow(["mrn", "name", "dob", "ssn", "phone", "admitted"])
    dob = fake.date_of_birth(minimum_age=18, maximum_age=90).isoformat()
    writer.writerow(["MRN8946420", fake.name(), dob, "", phone, fake.date_this_decade().isoformat()])
    return out.getvalue()


@pytest.mark.parametrize("quoting", [csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC])
def test_an_empty_cell_before_a_csv_phone_cell_is_no_dial_pause(quoting: int) -> None:
    phone = _example("US", _MOBILE, _E164)[2:]  # ten bare digits, as a patient export writes them
    text = _patients_csv(quoting, Faker(), phone)
    assert _found(text, "PHONE_NUMBER") == [phone]


def test_a_dial_strings_pauses_still_hide_the_meeting_digits() -> None:
    dial = _example("US", _MOBILE, _E164)
    # one tap: the number, two pauses, the meeting id and `#`; outside a table the commas are pauses
    assert _found(f"Join by phone: {dial},,84512345678#", "PHONE_NUMBER") == [dial]
    # a row with fewer cells than any header above it is no table row either
    text = f"name,phone,note\nBridge,{dial},,84512345678#,,,,*482913#"
    assert "8451234567" not in "".join(_found(text, "PHONE_NUMBER"))


@pytest.mark.parametrize("form", [_INTERNATIONAL, _NATIONAL])
def test_a_speaker_named_like_a_reference_answers_the_phone_question(form: int) -> None:
    fake = Faker("en_IN")
    phone = _example("IN", _MOBILE, form)
    text = (
        "Executive: Good evening. Can I get the policyholder's date of birth?\n"
        f"Customer: {fake.date_of_birth(minimum_age=18).strftime('%d %B, %Y')}.\n"
        "Executive: And a mobile number for the OTP?\n"
        f"Customer: {phone}. And the claim is for {fake.name()}.\n"
    )
    assert _found(text, "PHONE_NUMBER") == [phone]


def test_a_reply_to_a_question_asking_for_a_reference_is_that_reference() -> None:
    number = _example("IN", _MOBILE, _NATIONAL)
    text = (
        "Executive: Good evening, who am I speaking with?\nCustomer: Priya.\n"
        f"Executive: Can I have your customer number?\nCustomer: {number}.\n"
    )
    assert _found(text, "PHONE_NUMBER") == []
    # a form's single `Customer:` field under a line ending in a question is a field, not a speaker
    form = f"Change of contact details?\nCustomer: {number}\nSigned: {Faker().name()}"
    assert _found(form, "PHONE_NUMBER") == []


@pytest.mark.parametrize("form", ["%d %b %Y", "%d-%b-%Y", "%d.%m.%Y", "%d %B %Y"])
def test_a_tables_title_date_is_no_birth_date_of_the_dob_column_below(form: str) -> None:
    fake = Faker("en_GB")
    week = fake.date_this_decade().strftime(form)
    born = fake.date_of_birth(minimum_age=60, maximum_age=100).strftime("%d/%m/%Y")
    text = (
        f"HOME CARE VISIT ROTA — {fake.company()}, week of {week}\n"
        "Client | DOB | NHS no. | Visits | Key safe\n"  # the row's date far from the header's cue
        f"{fake.name()} | {born} | on file | 08:00, 13:00 | on request\n"
    )
    assert _found(text, "DATE_OF_BIRTH") == [born]


def test_a_cue_after_a_date_on_its_own_line_still_names_it() -> None:
    born = Faker().date_of_birth(minimum_age=18).strftime("%d/%m/%Y")
    assert _found(f"Patient seen today.\n{born} (DOB)\nAllergies: none", "DATE_OF_BIRTH") == [born]


@pytest.mark.parametrize(
    "label", ["orçamento", "orcamento nº", "presupuesto", "devis n°", "preventivo", "quotation", "Angebot"]
)
@pytest.mark.parametrize("quote", ["675-9764-720", "9850 7641 02"])
def test_a_quotations_number_is_no_phone(label: str, quote: str) -> None:
    whatsapp = _example("BR", _MOBILE, _INTERNATIONAL)
    text = (
        f"Cliente: {Faker('pt_BR').name()} · porta trancada\n"
        f"Atendimento 6 mar. 2017 às 08:37 · {label} {quote} de R$ 719,90\nWhatsApp {whatsapp}"
    )
    assert _found(text, "PHONE_NUMBER") == [whatsapp]


def test_a_phone_word_after_a_quotation_word_still_names_the_phone() -> None:
    phone = _example("BR", _MOBILE, _NATIONAL)
    assert _found(f"Peça seu orçamento pelo telefone {phone}", "PHONE_NUMBER") == [phone]
