"""phantom's PII detection, round 6 (issue #13): the causes behind heldout9's misses, by the general forms of
what the misread text is. A birth date whose subject is an animal (a veterinary record's pet) is no person's;
RFC 3580's `Called-Station-Id` writes a MAC and then `:SSID`; a camelCase setter, builder or argument name in
source code names the field its literal fills; a bare host name as the whole value of a structured field named
for something else than a web address (CloudTrail's `eventSource`) is no URL; a chat reply under a question that
asks for a phone is a phone whatever its speaker is called; `paid with` in the suite's languages is a payment
word. Each rule keeps its look-alikes: the owners' birth dates, the web addresses and the numbers next to them
are still found. Third parties write the values: Faker (names, dates, phone numbers), netaddr (MAC notations),
python-stdnum (the NHS check digit), phonenumbers (national formats), json (CloudTrail records)."""

from __future__ import annotations

import datetime as dt
import json
import random

import netaddr
import phonenumbers
import pytest
from faker import Faker
from stdnum import luhn
from stdnum.gb import nhs

from servers.phantom import pii


def _found(text: str, entity: str) -> list[str]:
    return [text[f.start : f.end] for f in pii.detect(text, [entity])]


# -- an animal's birth date is no person's ---------------------------------------------------------------

_VET_RECORDS = (
    "Pet: Biscuit (canine)    Pet DOB: {pet}    Microchip: 985731838291212\nOwner: {name}    Owner DOB: {owner}",
    "Propriétaire : {name}, né(e) le {owner}\nAnimal : Filou, chat, né le {pet}, puce 250269604567890",
    "Proprietario: {name}, nato il {owner}\nCane: Luna, nata il {pet}, microchip 380260000123456",
    "Eigenaar: {name}, geboren {owner}\nHuisdier: Max, geboren {pet}, chip 528140000123456",
    "Halter: {name}, geb. {owner}\nHund: Bello, geb. {pet}, Chip 276098106543210",
    "Dueño: {name}, fecha de nacimiento {owner}\nMascota: Toby (perro), fecha de nacimiento {pet}",
    "Tutor: {name}, data de nascimento {owner}\nAnimal: Mel, gata, data de nascimento {pet}",
    '{{"patient": {{"species": "feline", "petDob": "{pet}"}}, "owner": {{"dob": "{owner}"}}}}',
)


@pytest.mark.parametrize("template", _VET_RECORDS)
@pytest.mark.parametrize("seed", range(5))
def test_a_pets_birth_date_is_no_persons_but_its_owners_is(template: str, seed: int) -> None:
    fake = Faker()
    fake.seed_instance(seed)
    owner = fake.date_of_birth(minimum_age=20, maximum_age=90).strftime("%d/%m/%Y")
    pet = fake.date_between(start_date="-15y", end_date="-1y").strftime("%d/%m/%Y")
    if "petDob" in template:
        owner, pet = owner[6:] + "-" + owner[3:5] + "-" + owner[:2], pet[6:] + "-" + pet[3:5] + "-" + pet[:2]
    text = template.format(name=fake.name(), owner=owner, pet=pet)
    assert _found(text, "DATE_OF_BIRTH") == [owner], text


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a person's birth date with an animal word elsewhere on the line, or an owner named after the animal
        ("Pet: Rex    Owner DOB: 12/03/1980", "12/03/1980"),
        ("Pet: Rex, owner Ana Ruiz, DOB 12/03/1980", "12/03/1980"),
        # scans in capitals are no animals: a PET or CAT scan beside a patient's date of birth
        ("PET scan booked, DOB 01/02/1961", "01/02/1961"),
        ("CAT scan 2019, patient DOB 01/02/1961", "01/02/1961"),
        # a breed or a species on another line does not reach the person's line
        ("Species: canine\nClient DOB: 04.05.1977", "04.05.1977"),
    ],
)
def test_a_persons_birth_date_next_to_animal_words_stays(text: str, date: str) -> None:
    assert _found(text, "DATE_OF_BIRTH") == [date]


# -- RADIUS Called-Station-Id: the MAC, then ":SSID" ---------------------------------------------------

_DIALECTS = (netaddr.mac_eui48, netaddr.mac_unix_expanded, netaddr.mac_cisco)


@pytest.mark.parametrize("dialect", _DIALECTS)
@pytest.mark.parametrize("seed", range(5))
def test_called_station_id_mac_before_its_ssid(dialect: type, seed: int) -> None:
    fake = Faker()
    fake.seed_instance(seed)
    mac = str(netaddr.EUI(fake.mac_address(), dialect=dialect))
    ssid = fake.random_element(["eduroam", "Guest-WiFi", "corp_staff", "HomeNet 5G"])
    text = f'Acct-Status-Type = Start\nCalled-Station-Id = "{mac}:{ssid}"\nCalling-Station-Id = "{mac}"'
    assert _found(text, "MAC_ADDRESS") == [mac, mac]


@pytest.mark.parametrize(
    "text",
    [
        "eui64 02:11:22:ff:fe:33:44:55",  # an EUI-64 is eight groups: no MAC in its first six
        "peer aa:bb:cc:dd:ee:ff:8080",  # a seventh run of hex digits continues the address
        "id aa:bb:cc:dd:ee:ff:cafe",
        "aa-bb-cc-dd-ee-ff-00",  # a dash continues it too
    ],
)
def test_a_mac_that_runs_on_into_more_hex_is_none(text: str) -> None:
    assert _found(text, "MAC_ADDRESS") == []


# -- camelCase names in source code are field names -------------------------------------------------------


def _nhs_number(rng: random.Random) -> str:
    while True:
        body = "".join(rng.choice("0123456789") for _ in range(9))
        for check in "0123456789":
            if nhs.is_valid(body + check):
                return body + check


@pytest.mark.parametrize(
    "template",
    [
        '    c.setNhsNumber("{n}");',  # a Java bean setter
        'Patient p = Patient.builder().nhsNumber("{n}").build();',  # a builder
        "const p = new Patient({{ nhsNumber: '{n}' }});",  # a JS fixture
        'val p = Patient(nhsNo = "{n}")',  # a Kotlin named argument
    ],
)
@pytest.mark.parametrize("seed", range(5))
def test_camel_case_setters_and_arguments_name_the_nhs_number(template: str, seed: int) -> None:
    number = _nhs_number(random.Random(seed))
    assert _found(template.format(n=number), "UK_NHS") == [number]


def test_a_camel_case_name_of_something_else_names_no_nhs_number() -> None:
    number = _nhs_number(random.Random(7))
    assert _found(f'c.setOrderNumber("{number}");', "UK_NHS") == []
    assert _found(f'c.setInvoiceId("{number}");', "UK_NHS") == []


# -- a bare host name in a field named for something else ---------------------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_cloudtrail_event_source_is_no_url_but_a_website_field_is(seed: int) -> None:
    fake = Faker()
    fake.seed_instance(seed)
    service = fake.random_element(["iam", "s3", "sts", "ec2", "kms", "signin"]) + ".amazonaws.com"
    event = {
        "eventVersion": "1.08",
        "eventSource": service,
        "eventName": "CreateUser",
        "sourceIPAddress": fake.ipv4_public(),
        "requestParameters": {"userName": fake.email()},
    }
    assert _found(json.dumps(event), "URL") == []
    site = fake.domain_name()
    assert _found(json.dumps({"website": site, "email": fake.email()}), "URL") == [site]
    assert _found(json.dumps({"homepage": f"{site}/about"}), "URL") == [f"{site}/about"]
    assert _found(f"More at {site} or write to us.", "URL") == [site]
    assert _found(f"smtp_host = mail.{site}\nsmtp_port = 587", "URL") == []
    for key in ("blog", "onlineShop", "sitio_web", "Webseite"):
        assert _found(json.dumps({key: site, "n": 1}), "URL") == [site], key


# -- a chat reply under a question that asks for a phone ---------------------------------------------------


@pytest.mark.parametrize("seed", range(10))
def test_a_chat_reply_to_a_phone_question_is_a_phone(seed: int) -> None:
    fake = Faker("es_ES")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    number = phonenumbers.parse(fake.phone_number(), "ES")
    written = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    written = rng.choice([written, written.replace(" ", "-")])
    first, second = fake.first_name(), fake.first_name()
    text = f"{first}: pásame la dirección del hotel\n{second}: ahora\n{first}: y el móvil de tu hermano?\n{second}: {written}"
    assert _found(text, "PHONE_NUMBER") == [written], text


def test_a_reply_under_a_question_about_something_else_stays_no_phone() -> None:
    # the question names no phone: a reference-shaped reply after a speaker's name stays unreported
    assert _found("Ana: cuál es el número de pedido?\nLuis: 790-8841-404", "PHONE_NUMBER") == []
    # a reply whose label is a reference's, not a speaker's
    assert _found("Ana: y tu teléfono?\nPedido: 945 414 743", "PHONE_NUMBER") == []


# -- "paid with" in the suite's languages ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "verb", ["Betaald met", "Bezahlt mit", "Payé par", "Pagato con", "Pagado con", "Pagou com"]
)
@pytest.mark.parametrize("seed", range(3))
def test_a_12_digit_maestro_after_paid_with(verb: str, seed: int) -> None:
    rng = random.Random(seed)
    body = "6759" + "".join(rng.choice("0123456789") for _ in range(7))
    number = body + luhn.calc_check_digit(body)
    written = "  ".join(number[i : i + 4] for i in range(0, 12, 4))
    assert _found(f"{verb} {written} op 20-03-2021", "CREDIT_CARD") == [written]
    assert _found(f"Artikel {written} op voorraad", "CREDIT_CARD") == []  # no payment word: no 12-digit card


# -- siblings in the earlier splits: a row of another record, a version column, setters for every cue ---------


@pytest.mark.parametrize("row_label", ["batch", "Lot", "Total", "Summe", "Totale"])
@pytest.mark.parametrize("seed", range(3))
def test_a_table_row_headed_by_another_record_is_not_the_columns(row_label: str, seed: int) -> None:
    from tabulate import tabulate

    fake = Faker("en_GB")
    fake.seed_instance(seed)
    dob = fake.date_of_birth(minimum_age=18, maximum_age=90).strftime("%d.%m.%Y")
    phone = "+44 20 7946 0" + str(100 + seed)
    batch_date = fake.date_between(start_date="-5y").strftime("%Y-%m-%d")
    rows = [[fake.name(), dob, phone], [row_label, batch_date, "82.233.054"]]
    text = tabulate(rows, headers=["Patient", "DOB", "Phone"], tablefmt="github")
    assert _found(text, "DATE_OF_BIRTH") == [dob], text
    assert _found(text, "PHONE_NUMBER") == [phone], text


def test_a_persons_row_in_the_same_table_keeps_its_column() -> None:
    from tabulate import tabulate

    # a person named like a record word in another cell than the first does not hide the row
    rows = [["Ana Lot", "12.03.1980", "+44 20 7946 0018"]]
    text = tabulate(rows, headers=["Patient", "DOB", "Phone"], tablefmt="github")
    assert _found(text, "DATE_OF_BIRTH") == ["12.03.1980"]


@pytest.mark.parametrize("column", ["firmware", "fw_version", "kernel", "software_rev"])
def test_a_four_part_version_in_a_version_column_is_no_ip(column: str) -> None:
    import csv
    import io

    fake = Faker()
    fake.seed_instance(3)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["asset_tag", "ipv4", "owner_email", column])
    address = fake.ipv4_public()
    writer.writerow(["PC-321843", address, fake.email(), "1.83.92.26"])
    assert _found(out.getvalue(), "IP_ADDRESS") == [address]
    # a column named for a build machine's address holds addresses
    assert _found(f"host,build_agent_ip\nci-7,{address}\n", "IP_ADDRESS") == [address]


@pytest.mark.parametrize(
    ("template", "entity"),
    [
        ('c.setDob("{dob}");', "DATE_OF_BIRTH"),
        ('c.setDob(LocalDate.parse("{iso}"));', "DATE_OF_BIRTH"),
        ('p = Person.builder().withBirthDate("{iso}").build()', "DATE_OF_BIRTH"),
        ('kunde.setGeburtsdatum("{dob}");', "DATE_OF_BIRTH"),
        ('c.setTel("{phone}");', "PHONE_NUMBER"),
        ('claim.setPrescriberNpi("{npi}");', "US_NPI"),
    ],
)
def test_setters_and_builders_name_their_field_for_every_cue(template: str, entity: str) -> None:
    values = {"dob": "10/10/1991", "iso": "1991-10-10", "phone": "0612345678", "npi": "1234567893"}
    text = template.format(**values)
    expected = {
        "DATE_OF_BIRTH": values["iso"] if "{iso}" in template else values["dob"],
        "PHONE_NUMBER": values["phone"],
        "US_NPI": values["npi"],
    }[entity]
    assert _found(text, entity) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        'event.setCreatedAt(LocalDate.parse("2021-10-10"));',  # a setter named for another date
        'd = date.fromisoformat("1991-10-10")',  # a call that names no field
        'c.setOrderRef("0612345678");',  # a setter named for a reference
    ],
)
def test_setters_named_for_something_else_give_nothing(text: str) -> None:
    assert [f.entity for f in pii.detect(text) if f.entity in ("DATE_OF_BIRTH", "PHONE_NUMBER")] == []


# -- typographic spaces and quoted-printable octets inside values ----------------------------------------------


@pytest.mark.parametrize("locale", ["fr_FR", "fr_CA", "pt_PT"])
@pytest.mark.parametrize("seed", range(3))
def test_numbers_grouped_with_a_locales_no_break_space(locale: str, seed: int) -> None:
    from babel.numbers import get_group_symbol

    space = get_group_symbol(locale)  # CLDR: U+202F in France, U+00A0 in Canada and Portugal
    assert space in "\u00a0\u202f"
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    number = phonenumbers.parse("+33 6 " + " ".join(f"{rng.randint(10, 99)}" for _ in range(4)), None)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL).replace(" ", space)
    iban = fake.iban()
    grouped_iban = space.join(iban[i : i + 4] for i in range(0, len(iban), 4))
    body = "4970" + "".join(rng.choice("0123456789") for _ in range(11))
    card = body + luhn.calc_check_digit(body)
    grouped_card = space.join(card[i : i + 4] for i in range(0, 16, 4))
    text = f"Tél.{space}: {national}\nIBAN : {grouped_iban}\nPayé par carte {grouped_card}"
    assert _found(text, "PHONE_NUMBER") == [national]
    assert _found(text, "IBAN_CODE") == [grouped_iban]
    assert _found(text, "CREDIT_CARD") == [grouped_card]
    # the spans are the text as given: redacting them leaves no digit of the values
    assert pii.detect(text)[0].start == text.index(national)


def test_a_non_breaking_hyphen_inside_a_phone_number() -> None:
    assert _found("Phone: +1\u2011212\u2011555\u20110123", "PHONE_NUMBER") == [
        "+1\u2011212\u2011555\u20110123"
    ]


@pytest.mark.parametrize("seed", range(5))
def test_quoted_printable_octets_inside_values_written_by_the_email_package(seed: int) -> None:
    from email.message import EmailMessage

    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    phone = "06\u00a0" + "\u00a0".join(f"{rng.randint(10, 99)}" for _ in range(4))
    born = fake.date_of_birth(minimum_age=20, maximum_age=80).strftime("%d/%m/%Y")
    email = f"{fake.user_name()}@{fake.free_email_domain()}"
    message = EmailMessage()
    message["Subject"] = "Coordonnées"
    message.set_content(
        f"Bonjour,\nTél. : {phone} — né le {born}\nÉcrivez à {email}\n", cte="quoted-printable"
    )
    text = message.as_string()
    assert "=C2=A0" in text  # the package escaped the no-break spaces
    found = {f.entity: text[f.start : f.end] for f in pii.detect(text)}
    # each span covers the value as it is written in the mail, escapes included, and decodes to the value
    decoded = {entity: quopri_decoded(span) for entity, span in found.items()}
    assert decoded == {"PHONE_NUMBER": phone, "DATE_OF_BIRTH": born, "EMAIL_ADDRESS": email}, found


def quopri_decoded(span: str) -> str:
    import quopri

    return quopri.decodestring(span.encode()).decode()


def test_escapes_outside_a_quoted_printable_text_are_left_as_written() -> None:
    # no declared encoding: `=2E` is no escape, so the address is not read as jean.dupont@...
    assert "jean=2Edupont@example.fr" not in _found("ping jean=2Edupont@example.fr", "EMAIL_ADDRESS")
    assert _found("Tel 06=C2=A012=C2=A034=C2=A056=C2=A078", "PHONE_NUMBER") == []


# -- GEDCOM: a DATE line means what its parent event is; a next line's first word is no cue ---------------------


def _gedcom_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%b').upper()} {day.year}"  # GEDCOM 5.5.1 DATE_EXACT: 12 MAR 1980


@pytest.mark.parametrize("seed", range(8))
def test_gedcom_birth_dates_are_the_dates_under_birt_as_ged4py_reads_them(seed: int) -> None:
    import io

    from ged4py.parser import GedcomReader

    fake = Faker()
    fake.seed_instance(seed)
    people = []
    for i in range(3):
        born = _gedcom_date(fake.date_of_birth(minimum_age=1, maximum_age=100))
        married = _gedcom_date(fake.date_between(start_date="-40y"))
        died = _gedcom_date(fake.date_between(start_date="-5y"))
        people.append(
            f"0 @I{i}@ INDI\n1 NAME {fake.first_name()} /{fake.last_name()}/\n1 SEX F\n"
            f"1 BIRT\n2 DATE {born}\n2 PLAC {fake.city()}\n1 MARR\n2 DATE {married}\n1 DEAT\n2 DATE {died}\n"
            f"1 EMAIL {fake.email()}\n"
        )
    text = "0 HEAD\n1 CHAR UTF-8\n1 GEDC\n2 VERS 5.5.1\n" + "".join(people) + "0 TRLR\n"
    with GedcomReader(io.BytesIO(text.encode())) as reader:
        births = [str(person.sub_tag("BIRT/DATE").value) for person in reader.records0("INDI")]
    assert _found(text, "DATE_OF_BIRTH") == births


def test_a_word_on_the_next_line_is_no_cue_for_a_number() -> None:
    # SIP (RFC 3261): the From header's tag parameter is no phone number, whatever the Call-ID line says
    sip = (
        'From: "Ann" <sip:+442079460958@example.co.uk>;tag=1928301774\n'
        "Call-ID: a84b4c76e66710@pc33.example.com\nCSeq: 314159 INVITE"
    )
    assert _found(sip, "PHONE_NUMBER") == ["+442079460958"]
    # a cue after the number on its own line still counts
    assert _found("2125550123 (call after 6pm)", "PHONE_NUMBER") == ["2125550123"]


# -- identifiers shaped like national phone numbers: Belgian enterprise numbers, Nordic ids, DOIs ----------------


def _be_enterprise(rng: random.Random) -> str:
    from stdnum.be import vat

    while True:
        body = (
            "04" + rng.choice("789") + "".join(rng.choice("0123456789") for _ in range(5))
        )  # a mobile's digits too
        number = body + f"{97 - int(body) % 97:02d}"
        if vat.is_valid("BE" + number):
            return f"{number[:4]}.{number[4:7]}.{number[7:]}"  # as the KBO/BCE prints it


@pytest.mark.parametrize("seed", range(10))
def test_belgian_enterprise_numbers_are_no_phones(seed: int) -> None:
    number = _be_enterprise(random.Random(seed))
    for text in (
        f"Ondernemingsnummer {number}",
        f"N° d'entreprise : {number}",
        f"BTW BE {number}",
        f"KBO {number}",
    ):
        assert _found(text, "PHONE_NUMBER") == [], text
    # with a phone word the same digits stay a phone number: a mobile dotted 4.3.3 passes mod 97 one time in 97
    assert phonenumbers.is_valid_number(phonenumbers.parse(number, "BE"))
    assert _found(f"Tel. {number}", "PHONE_NUMBER") == [number]


@pytest.mark.parametrize("seed", range(10))
def test_nordic_personal_identity_numbers_are_no_phones(seed: int) -> None:
    from stdnum.dk import cpr
    from stdnum.se import personnummer

    fake = Faker()
    fake.seed_instance(seed)
    born = fake.date_of_birth(minimum_age=18, maximum_age=80)
    serial = f"{random.Random(seed).randint(0, 999):03d}"
    body = born.strftime("%y%m%d") + serial
    swedish = personnummer.format(body + str(luhn.calc_check_digit(body)))
    danish = cpr.format(born.strftime("%d%m%y") + serial + "1")
    assert _found(f"Personnummer: {swedish}", "PHONE_NUMBER") == []
    assert _found(f"CPR-nr. {danish}", "PHONE_NUMBER") == []
    assert _found(f"{swedish} (patientens id)", "PHONE_NUMBER") == []  # the shape alone, no word either way


def test_a_doi_is_no_phone_but_a_phone_near_it_is() -> None:
    text = "Cite as doi 10.1000/182 or https://doi.org/10.1038/nphys1170; questions: +44 20 7946 0958"
    assert _found(text, "PHONE_NUMBER") == ["+44 20 7946 0958"]
    assert _found("Ref 10.5555/12345678", "PHONE_NUMBER") == []


@pytest.mark.parametrize(
    "text",
    [
        "Dog walker application, DOB 12/03/1990",  # an animal word that qualifies something else
        "Horse riding club membership — date of birth 12/03/1990",
        "Cat café loyalty card · born 12/03/1990",
    ],
)
def test_an_animal_word_that_is_not_the_subject_leaves_the_birth_date(text: str) -> None:
    assert _found(text, "DATE_OF_BIRTH") == ["12/03/1990"]


# -- a dial string's post-dial digits: the meeting id and PIN after the pauses -------------------------------


@pytest.mark.parametrize("seed", range(8))
def test_one_tap_dial_strings_give_the_number_not_the_meeting_id(seed: int) -> None:
    rng = random.Random(seed)
    region = rng.choice(["US", "GB", "DE", "FR"])
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.FIXED_LINE)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    spaced = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    meeting = "".join(rng.choice("0123456789") for _ in range(rng.choice([9, 10, 11])))
    pin = "".join(rng.choice("0123456789") for _ in range(6))
    text = (
        f"Join the meeting\nMeeting ID: {meeting[:3]} {meeting[3:7]} {meeting[7:]}\nPasscode: {pin}\n"
        f"One tap mobile\n{e164},,{meeting}#,,,,*{pin}# {region}\n\nDial by your location\n    {spaced} {region}"
    )
    assert _found(text, "PHONE_NUMBER") == [e164, spaced], text
    # one pause before digits closed by `#` is post-dial too; one comma between two numbers separates them
    assert _found(f"Dial {e164},{meeting}#", "PHONE_NUMBER") == [e164]
    assert _found(f"phone,fax\n{e164},{e164}", "PHONE_NUMBER") == [e164, e164]


def _medicare_number(rng: random.Random) -> str:
    """Australia's Medicare card number (Services Australia): eight digits starting 2-6, a check digit over them
    with weights 1, 3, 7, 9, 1, 3, 7, 9, and the issue number; printed 4-5-1."""
    body = str(rng.randint(2, 6)) + "".join(rng.choice("0123456789") for _ in range(7))
    check = sum(int(d) * w for d, w in zip(body, (1, 3, 7, 9, 1, 3, 7, 9), strict=True)) % 10
    number = body + str(check) + str(rng.randint(1, 9))
    return f"{number[:4]} {number[4:9]} {number[9]}"


@pytest.mark.parametrize("seed", range(8))
def test_a_number_named_by_the_card_that_carries_it_is_no_phone(seed: int) -> None:
    rng = random.Random(seed)
    medicare = _medicare_number(rng)
    text = f"Medicare card {medicare}, IRN 1, DOB 12/03/1985, phone 0412 345 678"
    assert _found(text, "PHONE_NUMBER") == ["0412 345 678"]
    assert _found(f"Member card no. {medicare}", "PHONE_NUMBER") == []


# -- a row of numbers is not one phone number ---------------------------------------------------------------


@pytest.mark.parametrize("seed", range(10))
def test_dns_soa_timers_written_by_dnspython_are_no_phone(seed: int) -> None:
    import dns.name
    import dns.rdata
    import dns.zone

    rng = random.Random(seed)
    zone = dns.zone.Zone(dns.name.from_text("example.com."))
    serial = (
        f"20{rng.randint(10, 25)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 99):02d}"
    )
    timers = " ".join(
        str(rng.choice(values))
        for values in (
            [3600, 7200, 10800],
            [600, 900, 1800, 3600],
            [604800, 1209600, 2419200],
            [300, 3600, 86400],
        )
    )
    soa = zone.find_rdataset("@", "SOA", create=True)
    soa.add(dns.rdata.from_text("IN", "SOA", f"ns1 hostmaster {serial} {timers}"), 3600)
    txt = zone.find_rdataset("info", "TXT", create=True)
    txt.add(dns.rdata.from_text("IN", "TXT", '"support +44 20 7946 0958"'), 300)
    text = zone.to_text()
    assert _found(text, "PHONE_NUMBER") == ["+44 20 7946 0958"], text


def test_a_phone_after_another_number_with_a_phone_word_stays() -> None:
    assert _found("Tel. 030 1234567 oder 0171 7654321", "PHONE_NUMBER") == ["030 1234567", "0171 7654321"]
    assert _found("Zimmer 214, Tel. 030 1234567", "PHONE_NUMBER") == ["030 1234567"]


# -- consumer service lines on packaging; the accented French reference -----------------------------------


@pytest.mark.parametrize(
    ("label", "region"),
    [
        ("Service consommateurs", "FR"),
        ("SAC", "BR"),
        ("Verbraucherservice", "DE"),
        ("Consumer care line", "GB"),
        ("Servizio consumatori", "IT"),
        ("Consumentenservice", "NL"),
    ],
)
def test_consumer_service_lines_are_phones(label: str, region: str) -> None:
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.TOLL_FREE)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    text = f"Lot 2403-118 · {label} : {national} · à consommer avant 12/03/2025"
    assert _found(text, "PHONE_NUMBER") == [national], text


def test_an_accented_reference_word_names_a_reference() -> None:
    assert _found("Réf. 612 345 678 · Référence dossier 0612345678", "PHONE_NUMBER") == []
    assert _found("Sac à dos réf 123 456 789", "PHONE_NUMBER") == []  # "sac", a bag, is no SAC line


# -- application/x-www-form-urlencoded bodies and query strings --------------------------------------------------


@pytest.mark.parametrize("seed", range(6))
def test_form_encoded_values_written_by_urlencode_are_found_and_span_their_escapes(seed: int) -> None:
    from urllib.parse import unquote_plus, urlencode

    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    number = phonenumbers.parse("+33 6 " + " ".join(f"{rng.randint(10, 99)}" for _ in range(4)), None)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    spaced = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    email = f"{fake.user_name()}.{rng.randint(1, 99)}@{fake.free_email_domain()}"
    born = fake.date_of_birth(minimum_age=18, maximum_age=80).isoformat()
    body = urlencode({"From": e164, "Body": "rappelle-moi", "email": email, "phone": spaced, "dob": born})
    text = f"POST /hooks/sms HTTP/1.1\nContent-Type: application/x-www-form-urlencoded\n\n{body}"
    found = [(f.entity, unquote_plus(text[f.start : f.end])) for f in pii.detect(text)]
    assert found == [
        ("PHONE_NUMBER", e164),
        ("EMAIL_ADDRESS", email),
        ("PHONE_NUMBER", spaced),
        ("DATE_OF_BIRTH", born),
    ], body
    query = "GET /signup?" + urlencode({"email": email}) + " HTTP/1.1"
    assert [unquote_plus(s) for s in _found(query, "EMAIL_ADDRESS")] == [email]


def test_a_web_address_with_an_encoded_query_stays_whole() -> None:
    from urllib.parse import urlencode

    url = "https://shop.example.com/search?" + urlencode({"q": "red shoes", "ref": "a@b"})
    assert _found(f"see {url} today", "URL") == [url]
    # outside a form run, `+` and `%` are as written: a phone's plus, a percentage
    assert _found("Tel. +33 6 12 34 56 78, 20% off", "PHONE_NUMBER") == ["+33 6 12 34 56 78"]


# -- JSON string escapes: an ASCII-only encoder's \u00e9 and \u00a0, escaped slashes, a logged \n -----------------


@pytest.mark.parametrize("seed", range(6))
def test_ascii_only_json_keeps_its_cues_and_values(seed: int) -> None:
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    born = fake.date_of_birth(minimum_age=18, maximum_age=80).strftime("%d/%m/%Y")
    phone = "06\u00a0" + "\u00a0".join(f"{rng.randint(10, 99)}" for _ in range(4))
    site = f"https://www.{fake.domain_name()}/contact"
    record = {
        "note": f"Née le {born} à {fake.city()}, téléphone {phone}",
        "site": site,
        "log": f"a\nTél: {phone}",
    }
    text = json.dumps(record)  # ensure_ascii: every accent and no-break space as \uXXXX
    assert "\\u00e9" in text and "\\u00a0" in text
    slashed = text.replace("/", "\\/")  # RFC 8259 allows \/ (PHP's json_encode writes it by default)
    assert json.loads(slashed) == record
    for written in (text, slashed):
        found = [(f.entity, json.loads(f'"{written[f.start : f.end]}"')) for f in pii.detect(written)]
        assert found == [
            ("DATE_OF_BIRTH", born),
            ("PHONE_NUMBER", phone),
            ("URL", site),
            ("PHONE_NUMBER", phone),
        ]


def test_hl7_escape_sequences_are_no_json_escapes() -> None:
    # HL7 v2 writes its separators inside a field as \F\, \S\, \T\, \R\, \E\ (upper case): no tab, no new segment
    hl7 = "MSH|^~\\&|LAB|X|||202403120915||ORU^R01|1|P|2.5\rPID|1||4711^^^MRN||Doe^Ann||19800312|F|||||(415)555-0132\r"
    hl7 += "OBX|1|TX|NOTE||call back\\T\\urgent\\R\\see chart||||||F\r"
    assert _found(hl7, "PHONE_NUMBER") == ["(415)555-0132"]
    assert _found(hl7, "DATE_OF_BIRTH") == ["19800312"]
