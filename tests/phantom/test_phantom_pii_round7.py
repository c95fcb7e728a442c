"""phantom's PII detection, round 7 (issue #13): the causes behind heldout10's misses, by the general forms of
what the misread text is. Phone cues the detector did not know (a UK booking line's `Book on`, German `unter`,
Portuguese `Contato`, a next-of-kin column, a chat's "your new number?"); a phone word qualified by a reference
(`Mobile linked to account:`); an XFDF field's name attribute; a prose line whose comma-separated parts hold values
is no table header; a bare host after a key or option named for a host or server is no web address; a FHIR
Reference's identifier names a practitioner. Each rule keeps its look-alikes. Third parties write the values:
Faker (names, phone numbers), phonenumbers (national formats), python-stdnum (the NPI's Luhn digit), json, PyYAML
(a GitLab CI file), xml.etree (an XFDF form)."""

from __future__ import annotations

import json
import random
import xml.etree.ElementTree as ET

import phonenumbers
import pytest
import yaml
from faker import Faker
from stdnum import luhn

from servers.phantom import pii


def _found(text: str, entity: str) -> list[str]:
    return [text[f.start : f.end] for f in pii.detect(text, [entity])]


def _national(locale: str, region: str, seed: int) -> str:
    """A valid number of `region` in its national format, as Faker makes it and libphonenumber writes it."""
    fake = Faker(locale)
    fake.seed_instance(seed)
    for _ in range(50):
        try:
            number = phonenumbers.parse(fake.phone_number(), region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    raise AssertionError(f"Faker gave no valid {region} number")


# -- phone cues -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_a_recall_cards_booking_line_is_a_phone_though_a_patient_number_is_above(seed: int) -> None:
    phone = _national("en_GB", "GB", seed)
    text = (
        "Dental Care — recall card\nDate of birth: 9 March 1977    NHS number: 406 248 9023    "
        f"Patient no. 438 481 2950\nBook on {phone} or at https://example.co.uk/."
    )
    assert _found(text, "PHONE_NUMBER") == [phone], text


@pytest.mark.parametrize("seed", range(5))
def test_german_unter_and_portuguese_contato_name_a_phone(seed: int) -> None:
    german = _national("de_DE", "DE", seed)
    text = f"Ihr Termin ist bestätigt. Absage bis 24 h vorher unter {german} oder online."
    assert _found(text, "PHONE_NUMBER") == [german], text
    brazilian = _national("pt_BR", "BR", seed)
    text = f"Filiado: Ana Oliveira\nContato: {brazilian} · ana@example.com.br"
    assert _found(text, "PHONE_NUMBER") == [brazilian], text


def test_unter_before_an_amount_or_a_reference_names_no_phone() -> None:
    assert _found("Bestellungen unter 250 Euro, Aktenzeichen 11 C 897/20", "PHONE_NUMBER") == []
    assert _found("unter Kundennummer 4711 0815 33", "PHONE_NUMBER") == []


@pytest.mark.parametrize("seed", range(5))
def test_a_next_of_kin_column_holds_phones_and_the_nhs_column_does_not(seed: int) -> None:
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    first, second = _national("en_GB", "GB", seed), _national("en_GB", "GB", seed + 100)
    text = (
        "Room | Resident | Born | NHS no. | Next of kin\n"
        f"121 | {fake.name()} | 4-Jul-97 | 727-805-4974 | {first}\n"
        f"608 | {fake.name()} | March 7th, 2005 | 4335807317 | {second} ext. 15\n"
    )
    assert _found(text, "PHONE_NUMBER") == [first, f"{second} ext. 15"], text


@pytest.mark.parametrize("seed", range(5))
def test_a_mobile_linked_to_an_account_is_a_phone_but_an_account_number_is_not(seed: int) -> None:
    phone = _national("en_IN", "IN", seed)
    text = f"Name: Rahul Reddy\nMobile linked to account: {phone}    Email: r@example.in"
    assert _found(text, "PHONE_NUMBER") == [phone], text
    assert _found(f"Customer account: {phone}", "PHONE_NUMBER") == []


@pytest.mark.parametrize("seed", range(5))
def test_an_xfdf_fields_name_attribute_names_its_value(seed: int) -> None:
    phone = _national("en_US", "US", seed)
    root = ET.Element("xfdf", xmlns="http://ns.adobe.com/xfdf/")
    fields = ET.SubElement(root, "fields")
    for name, value in (("applicant_phone", phone), ("claim_number", "2944832373"), ("form_id", "98c94782")):
        ET.SubElement(ET.SubElement(fields, "field", name=name), "value").text = value
    text = ET.tostring(root, encoding="unicode").replace("><", ">\n<")
    assert _found(text, "PHONE_NUMBER") == [phone], text


@pytest.mark.parametrize("seed", range(5))
def test_a_chat_reply_to_your_new_number_is_a_phone(seed: int) -> None:
    phone = _national("nl_NL", "NL", seed)
    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    a, b = fake.first_name(), fake.first_name()
    text = f"{a}: zet je de tikkie even door?\n{b}: ja\n{a}: en je nieuwe nummer?\n{b}: {phone}"
    assert _found(text, "PHONE_NUMBER") == [phone], text
    # a reply to a question about another number stays unreported
    text = f"{a}: en je ordernummer?\n{b}: 790-8841-404"
    assert _found(text, "PHONE_NUMBER") == []


@pytest.mark.parametrize("seed", range(5))
def test_a_prose_line_with_values_between_commas_is_no_table_header(seed: int) -> None:
    fake = Faker("en_US")
    fake.seed_instance(seed)
    phone = _national("en_US", "US", seed)
    text = (
        f"To: {fake.name()}, date of birth 2016-06-15, SSN 106 63 8965\n"
        f"Plaintiff's attorney: {fake.name()}, {phone}, {fake.email()}"
    )
    assert _found(text, "PHONE_NUMBER") == [phone], text
    # a real header row with a short number in a cell still names its column
    csv = f"name,Phone 1 - Value,lot 2024\n{fake.name()},{phone},4711-0815"
    assert _found(csv, "PHONE_NUMBER") == [phone], csv


# -- a bare host after a key or an option named for a host ---------------------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_host_variables_and_options_name_no_web_address(seed: int) -> None:
    fake = Faker()
    fake.seed_instance(seed)
    host, site = "registry." + fake.domain_name(), fake.domain_name()
    ci = {
        "variables": {
            "DEPLOY_HOST": fake.ipv4_private(),
            "STATUS_PAGE": f"https://{site}/status",
            "REGISTRY_HOST": host,
            "HOMEPAGE": site,
        }
    }
    text = yaml.safe_dump(ci, default_style='"')
    assert sorted(_found(text, "URL")) == sorted([f"https://{site}/status", site]), text
    cef = f"CEF:0|Acme|Gateway|7.7|100|Login|7|src={fake.ipv4()} dhost={host} suser={fake.email()}"
    assert _found(cef, "URL") == [], cef
    kafka = f"$ kafka-console-consumer --topic customers --bootstrap-server {host}:9092"
    assert _found(kafka, "URL") == [], kafka
    assert _found(f"Our server moved, see {site} for news.", "URL") == [site]


# -- a FHIR Reference's identifier --------------------------------------------------------------------------


def _npi(rng: random.Random) -> str:
    body = str(rng.choice([1, 2])) + "".join(str(rng.randrange(10)) for _ in range(8))
    return body + luhn.calc_check_digit("80840" + body)


@pytest.mark.parametrize("seed", range(5))
def test_a_general_practitioners_identifier_is_an_npi_but_an_organisations_is_not(seed: int) -> None:
    rng = random.Random(seed)
    gp, org = _npi(rng), _npi(rng)
    patient = {
        "resourceType": "Patient",
        "birthDate": "1969-03-16",
        "generalPractitioner": [{"identifier": {"value": gp}}],
        "managingOrganization": {"identifier": {"value": org}},
    }
    text = json.dumps(patient)
    assert _found(text, "US_NPI") == [gp], text


# -- a Zeek log's #fields, a SIRET after a prose label, an insurance group number ----------------------------


@pytest.mark.parametrize("seed", range(5))
def test_a_zeek_logs_fields_directive_names_its_columns(seed: int) -> None:
    """Zeek's ASCII logs (docs.zeek.org, "Zeek Logs"): `#fields` names the tab-separated columns after it; a
    connection's `duration` (seconds with six decimals) is no phone number."""
    fake = Faker()
    fake.seed_instance(seed)
    rng = random.Random(seed)
    duration = f"{rng.randint(1000, 2999)}.{rng.randint(0, 999999):06d}"
    row = [
        f"{rng.randint(1600000000, 1799999999)}.{rng.randint(0, 999999):06d}",
        "C" + fake.pystr(min_chars=17, max_chars=17),
        fake.ipv4_private(),
        str(fake.port_number()),
        fake.ipv4(),
        str(fake.port_number()),
        "tcp",
        duration,
        str(rng.randint(1000, 9999999)),
    ]
    header = "ts uid id.orig_h id.orig_p id.resp_h id.resp_p proto duration orig_bytes".split()
    types = "time string addr port addr port enum interval count".split()
    text = "\n".join(
        ["#separator \\x09", "#path\tconn", "#fields\t" + "\t".join(header), "#types\t" + "\t".join(types)]
        + ["\t".join(row)]
    )
    assert _found(text, "PHONE_NUMBER") == [], text
    assert _found(text, "IP_ADDRESS") == [row[2], row[4]]


@pytest.mark.parametrize("seed", range(5))
def test_a_siret_after_a_prose_label_is_no_card_but_a_card_after_its_label_is(seed: int) -> None:
    from stdnum.fr import siret

    rng = random.Random(seed)
    while True:
        body = "".join(str(rng.randrange(10)) for _ in range(13))
        number = body + luhn.calc_check_digit(body)
        if siret.is_valid(number):
            break
    assert _found(f"DOSSIER SALARIÉ\nSIRET de l'établissement : {number}", "CREDIT_CARD") == []
    card = "4" + "".join(str(rng.randrange(10)) for _ in range(14))
    card += luhn.calc_check_digit(card)
    assert _found(f"Carte bancaire de l'employé : {card}", "CREDIT_CARD") == [card]


def test_an_insurance_group_number_is_no_phone_but_the_home_phone_is() -> None:
    text = (
        "Home phone (702) 304-2044 · EIN of employer 94-9279660 · group no. 514-17-4589-78 · signed 5/21/2020"
    )
    assert _found(text, "PHONE_NUMBER") == ["(702) 304-2044"]


# -- a transcript's reply under a line that names the SSN ----------------------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_a_bare_ssn_replied_under_your_social_is_an_ssn(seed: int) -> None:
    fake = Faker("en_US")
    fake.seed_instance(seed)
    ssn = fake.ssn().replace("-", "")
    text = (
        "[00:00:15] Agent: And the last four of your social — actually I need the full one for this.\n"
        f"[00:00:21] Caller: {ssn}\n[00:00:40] Agent: What card should we use?"
    )
    assert _found(text, "US_SSN") == [ssn], text
    # the same digits under a line about something else, or about social media, stay unreported
    assert _found(f"Agent: And your account number please.\nCaller: {ssn}", "US_SSN") == []
    assert _found(f"Agent: our social media team will call.\nCaller: {ssn}", "US_SSN") == []
    # a reply that goes on as a sentence is no bare answer (the cue line long enough to be out of the word window)
    above = "Agent: the last four of your social — actually I need the full one for this."
    assert _found(f"{above}\nCaller: {ssn} is my order", "US_SSN") == []
