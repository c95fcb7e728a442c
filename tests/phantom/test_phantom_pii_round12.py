"""phantom's PII detection, round 12 (issue #13): the causes behind heldout15's misses, by the general forms of what
the misread text is. A Kubernetes object's `apiVersion` (GROUP/VERSION), `arp`'s Address column, Squid's
`hierarchy code/peer host`, trunk-prefixed and end-of-sentence phone numbers, card numbers read out in spaced
groups, a set-top box's VC number and an ABA routing number. Third parties write the values: Kubernetes' own
schemas (kubernetes-validate), phonenumbers' example numbers, python-stdnum and Faker."""

from __future__ import annotations

import csv
import io
import json
import os
from functools import cache
from pathlib import Path

import phonenumbers
import pytest
import yaml
from faker import Faker

from servers.phantom import pii


def _found(text: str, entity: str) -> list[str]:
    return [text[f.start : f.end] for f in pii.detect(text, [entity])]


@cache
def _kubernetes_group_versions() -> tuple[str, ...]:
    """Every grouped apiVersion Kubernetes' own JSON schemas (as kubernetes-validate ships them) allow."""
    import kubernetes_validate

    root = Path(kubernetes_validate.__file__).parent / "kubernetes-json-schema"
    newest = sorted(p for p in os.listdir(root) if p.endswith("-local-strict"))[-1]
    found: set[str] = set()
    for schema_file in (root / newest).glob("*.json"):
        if schema_file.name.startswith("_") or schema_file.name == "all.json":
            continue
        schema = json.loads(schema_file.read_text())
        enum = schema.get("properties", {}).get("apiVersion", {}).get("enum", [])
        found.update(v for v in enum if "." in v)
    return tuple(sorted(found))


def test_kubernetes_schemas_name_dotted_api_groups() -> None:
    assert {"networking.k8s.io/v1", "rbac.authorization.k8s.io/v1"} <= set(_kubernetes_group_versions())


def test_no_kubernetes_api_version_is_a_url_in_json_or_yaml() -> None:
    fake = Faker()
    for group_version in _kubernetes_group_versions():
        obj = {"apiVersion": group_version, "kind": "Event", "metadata": {"name": fake.slug()}}
        for text in (json.dumps(obj), yaml.safe_dump(obj), json.dumps(obj, indent=2)):
            assert _found(text, "URL") == [], text


def test_an_audit_events_addresses_are_still_found_next_to_its_api_version() -> None:
    fake = Faker()
    email, ip = fake.email(), fake.ipv4_public()
    event = {
        "kind": "Event",
        "apiVersion": "audit.k8s.io/v1",
        "user": {"username": email},
        "sourceIPs": [ip],
        "requestURI": "/api/v1/namespaces/payments/secrets",
    }
    text = json.dumps(event)
    assert _found(text, "URL") == []
    assert _found(text, "EMAIL_ADDRESS") == [email]
    assert _found(text, "IP_ADDRESS") == [ip]


def test_a_web_address_in_a_field_named_otherwise_is_still_one() -> None:
    url = Faker().url()
    assert _found(json.dumps({"apiVersionDocs": url}), "URL") == [url]


def test_arp_names_a_neighbour_by_host_name() -> None:
    fake = Faker()
    host = f"{fake.domain_word()}.{fake.domain_name()}"
    text = (
        "$ arp -n\nAddress                  HWtype  HWaddress           Flags Mask            Iface\n"
        f"{fake.ipv4_private()}             ether   {fake.mac_address()}   C                     eth0\n"
        f"{host} (incomplete)                              eth0\n"
        f"{host}             ether   {fake.mac_address()}   C                     eth0"
    )
    assert _found(text, "URL") == []
    bsd = f"{host} ({fake.ipv4_private()}) at {fake.mac_address()} on en0 ifscope [ethernet]"
    assert _found(bsd, "URL") == []


def test_a_host_before_a_parenthesis_in_prose_is_still_a_web_address() -> None:
    host = Faker().domain_name()
    assert _found(f"Sign up at {host} (free) today", "URL") == [host]


# Squid's `squid` logformat: `%ts.%03tu %6tr %>a %Ss/%03>Hs %<st %rm %ru %[un %Sh/%<a %mt`; the hierarchy codes are
# the ones Squid's docs list (SquidFaq/SquidLogs "Hierarchy Codes"), TIMEOUT_ prefixed when a peer timed out.
_SQUID_HIERARCHY_CODES = (
    "HIER_DIRECT",
    "DIRECT",
    "SIBLING_HIT",
    "PARENT_HIT",
    "DEFAULT_PARENT",
    "FIRST_PARENT_MISS",
    "CLOSEST_PARENT_MISS",
    "ROUNDROBIN_PARENT",
    "CARP",
    "PINNED",
    "ORIGINAL_DST",
    "TIMEOUT_FIRST_PARENT_MISS",
)


@pytest.mark.parametrize("code", _SQUID_HIERARCHY_CODES)
def test_squids_peer_host_is_an_address(code: str) -> None:
    fake = Faker()
    client, peer = fake.ipv4_private(), fake.ipv4()
    line = f"1066036250.603 120 {client} TCP_MISS/200 1234 GET {fake.url()} - {code}/{peer} text/html"
    assert _found(line, "IP_ADDRESS") == [client, peer]


def test_a_version_after_a_slash_is_still_no_address() -> None:
    assert _found("User-Agent: Chrome/120.0.6099.109 Safari/537.36", "IP_ADDRESS") == []
    assert _found("pip install pkg==1.2.3.4 and see build/1.2.3.4", "IP_ADDRESS") == []


def _example(region: str, kind: int = phonenumbers.PhoneNumberType.MOBILE) -> phonenumbers.PhoneNumber:
    number = phonenumbers.example_number_for_type(region, kind)
    assert number is not None
    return number


def _trunk_compact(region: str, kind: int = phonenumbers.PhoneNumberType.MOBILE) -> str:
    """The national number as a subscriber writes it in one run: the trunk 0, then the national significant number."""
    return "0" + phonenumbers.national_significant_number(_example(region, kind))


def _national(region: str, kind: int = phonenumbers.PhoneNumberType.MOBILE) -> str:
    return phonenumbers.format_number(_example(region, kind), phonenumbers.PhoneNumberFormat.NATIONAL)


@pytest.mark.parametrize("cue", ["alternate", "Alternative", "New number", "RMN", "RMN:"])
def test_an_indian_subscribers_other_and_registered_numbers_are_phones(cue: str) -> None:
    number = _trunk_compact("IN")
    assert len(number) == 11
    text = f"Subscriber {Faker('en_IN').name()} · {cue} {number} · bills to {Faker().email()}"
    assert _found(text, "PHONE_NUMBER") == [number]


@pytest.mark.parametrize("lookalike", ["alternate account", "Alternate ID", "new order no."])
def test_a_reference_after_the_cue_is_still_no_phone(lookalike: str) -> None:
    assert _found(f"Subscriber {Faker().name()} · {lookalike} {_trunk_compact('IN')}", "PHONE_NUMBER") == []


@pytest.mark.parametrize(
    ("region", "sentence"),
    [
        ("FR", "Pour annuler : {url} ou {number}."),
        ("NL", "Verzetten: {url} of {number}."),
        ("DE", "Absagen: {email} oder {number}."),
        ("GB", "To cancel: {url} or {number}."),
    ],
)
def test_a_number_offered_after_an_address_is_a_phone(region: str, sentence: str) -> None:
    fake = Faker()
    for number in (_trunk_compact(region, phonenumbers.PhoneNumberType.FIXED_LINE), _national(region)):
        text = "RDV 04/09/2019 16:34. " + sentence.format(url=fake.url(), email=fake.email(), number=number)
        assert _found(text, "PHONE_NUMBER") == [number], text


def test_a_reference_offered_after_an_address_is_still_no_phone() -> None:
    text = f"Suivi : {Faker().url()} ou commande {_trunk_compact('FR')}."
    assert _found(text, "PHONE_NUMBER") == []


def test_an_nhs_word_named_the_number_before_the_next_line() -> None:
    fake = Faker("en_GB")
    nhs = next(n for n in (stdnum_nhs_candidate(fake) for _ in range(200)) if n)
    phone = _national("GB", phonenumbers.PhoneNumberType.FIXED_LINE)
    text = f"Child 2: {fake.name()}, NHS no. {nhs}\nSocial worker {fake.first_name()} {phone} x400 · e-mail {fake.email()}"
    assert _found(text, "PHONE_NUMBER") == [f"{phone} x400"]
    assert _found(text, "UK_NHS") == [nhs]


def test_an_nhs_word_just_before_the_number_still_names_it() -> None:
    fake = Faker("en_GB")
    nhs = next(n for n in (stdnum_nhs_candidate(fake) for _ in range(200)) if n)
    spaced = f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}"  # the NHS's own 3-3-4 grouping, also a phone's shape
    assert _found(f"{fake.name()}, NHS number {spaced}", "PHONE_NUMBER") == []
    assert _found(f"{fake.name()}, NHS number {spaced}", "UK_NHS") == [spaced]


def stdnum_nhs_candidate(fake: Faker) -> str | None:
    """A ten-digit number that python-stdnum's NHS validator accepts (Faker writes the digits)."""
    from stdnum.gb import nhs

    digits = fake.numerify("##########")
    return digits if nhs.is_valid(digits) else None


def _employee_rows(work_phone: str, mobiles: list[str]) -> str:
    """An HR export written by the csv module, then broken as a hand edit breaks it: the work phone cell's quotes
    dropped, so its `, ext NNNN` splits into a cell of its own."""
    fake = Faker()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["employee_id", "full_name", "ssn", "birth_date", "work_phone", "mobile", "personal_email"]
    )
    for mobile in mobiles:
        writer.writerow(
            [fake.bothify("E######"), fake.name(), "pending", fake.date(), work_phone, mobile, fake.email()]
        )
    return out.getvalue().replace(f'"{work_phone}"', work_phone)


@pytest.mark.parametrize("extension", [", ext 4218", ", ext. 5740", ", x1148", ",x 8173"])
def test_a_csv_rows_unquoted_extension_shifts_no_column(extension: str) -> None:
    us = _example("US", phonenumbers.PhoneNumberType.FIXED_LINE)
    work = phonenumbers.format_number(us, phonenumbers.PhoneNumberFormat.NATIONAL) + extension
    mobile = phonenumbers.national_significant_number(us)
    text = _employee_rows(work, [mobile, mobile])
    assert f",{work}," in text
    assert _found(text, "PHONE_NUMBER") == [work, mobile] * 2


def test_a_pay_tv_viewing_card_number_is_no_phone() -> None:
    number = (
        phonenumbers.format_number(
            _example("US", phonenumbers.PhoneNumberType.FIXED_LINE), phonenumbers.PhoneNumberFormat.NATIONAL
        )
        .replace("(", "")
        .replace(") ", "-")
        .replace(" ", "-")
    )
    assert _found(f"Set-top box VC no. {number} · installation 24/04/2002", "PHONE_NUMBER") == []
    assert _found(f"Viewing card {number}", "PHONE_NUMBER") == []
    assert _found(f"Set-top box helpline {number}", "PHONE_NUMBER") == [number]


def _luhn_number(prefix: str, length: int) -> str:
    """A card number in an issuer's range: Faker writes the account digits, python-stdnum the Luhn check digit."""
    from stdnum import luhn

    body = prefix + Faker().numerify("#" * (length - len(prefix) - 1))
    return body + luhn.calc_check_digit(body)


def _grouped(number: str, separator: str, size: int = 4) -> str:
    return separator.join(number[i : i + size] for i in range(0, len(number), size))


def test_a_thirteen_digit_visa_read_out_in_spaced_dashes_is_a_card() -> None:
    number = Faker().credit_card_number(card_type="visa13")
    assert len(number) == 13
    spoken = _grouped(number, " - ")
    assert spoken.endswith(f" - {number[-1]}")
    text = f"Agent: May I have the card number?\nCaller: It's {spoken}.\nAgent: And your date of birth?"
    assert _found(text, "CREDIT_CARD") == [spoken]


@pytest.mark.parametrize(("prefix", "length"), [("6304", 18), ("5060", 16), ("4", 16)])
def test_longer_cards_read_out_in_spaced_dashes_or_commas_are_cards(prefix: str, length: int) -> None:
    number = _luhn_number(prefix, length)
    for separator in (" - ", ", "):
        spoken = _grouped(number, separator)
        assert _found(f"Caller: the card number is {spoken}.", "CREDIT_CARD") == [spoken]


@pytest.mark.parametrize(("prefix", "separator"), [("2200", "-"), ("2204", " "), ("5105", " "), ("4", "-")])
def test_a_card_followed_by_a_comma_and_a_date_ends_before_the_comma(prefix: str, separator: str) -> None:
    fake = Faker("en_GB")
    number = _grouped(_luhn_number(prefix, 16), separator)
    date = fake.date(pattern="%d/%m/%Y")
    text = f"{fake.company()} Bank: was this you? £252.04 on card {number}, {date}. Reply Y or N."
    assert _found(text, "CREDIT_CARD") == [number]


def test_digits_that_pass_only_with_the_date_after_them_are_no_card() -> None:
    number = _luhn_number("4", 16)
    broken = number[:-1] + str((int(number[-1]) + 1) % 10)  # its own Luhn digit wrong
    assert _found(f"on card {_grouped(broken, ' ')}, 26/10/1982.", "CREDIT_CARD") == []


def _maestro12() -> str:
    """Faker's 12-digit Maestro; its prefix list also holds "0604", which no ISO/IEC 7812 issuer range holds (major
    industry 0 is ISO/TC 68's), so those are drawn again."""
    fake = Faker()
    return next(n for n in iter(lambda: fake.credit_card_number(card_type="maestro"), None) if n[0] != "0")


def test_a_twelve_digit_maestro_given_in_a_chat_reply_is_a_card() -> None:
    number = _maestro12()
    assert len(number) == 12
    written = _grouped(number, "-")
    chat = (
        "[chat] Agent: Hello Rahul, please confirm the card ending you used.\n"
        f"[chat] Rahul: full number is {written}, expiry 06/30\n"
        "[chat] Agent: Please do not share CVV."
    )
    assert _found(chat, "CREDIT_CARD") == [written]


def test_a_twelve_digit_number_in_a_chat_about_something_else_is_no_card() -> None:
    written = _grouped(_maestro12(), "-")
    chat = f"[chat] Agent: Hello Rahul, please confirm the booking you made.\n[chat] Rahul: it is {written}, thanks\n"
    assert _found(chat, "CREDIT_CARD") == []
    told = f"[chat] Agent: the card ending 1234 is blocked, a new one is on its way to you.\nNote: reference {written}\n"
    assert _found(told, "CREDIT_CARD") == []


def _ssn_shaped_routing_number() -> str:
    """An ABA routing transit number (Faker writes it, python-stdnum's RTN validator accepts it) that the SSA's
    rules would also take for an SSN (area not 000, 666 or 9xx)."""
    from stdnum.us import rtn

    fake = Faker()
    for _ in range(500):
        number = fake.aba()
        if rtn.is_valid(number) and pii.ssn_ok(number[:3], number[3:5], number[5:]):
            return number
    raise AssertionError("Faker wrote no SSN-shaped routing number in 500 tries")


@pytest.mark.parametrize("name", ["Routing", "Routing number:", "ABA #", "RTN:", "Bank transit no."])
def test_a_routing_number_on_a_deposit_form_is_no_ssn(name: str) -> None:
    fake = Faker()
    ssn, routing = fake.ssn().replace("-", ""), _ssn_shaped_routing_number()
    text = (
        f"DIRECT DEPOSIT ENROLLMENT\nEmployee {fake.name()}\nSSN {ssn} · born 12-01-1980\n"
        f"{name} {routing} · account {fake.bban()}"
    )
    assert _found(text, "US_SSN") == [ssn]


def test_an_ssn_after_a_routing_word_elsewhere_is_still_one() -> None:
    ssn = Faker().ssn()
    assert _found(f"Routing questions go to HR. Employee SSN {ssn}", "US_SSN") == [ssn]
    assert _found(f"Routing 021000021, SSN {ssn}", "US_SSN") == [ssn]


def _names_ending_like_a_reference() -> list[str]:
    """First names (Faker's English list) that end in a short reference word: David, Dean, Astrid, Khalid ..."""
    from faker.providers.person.en import Provider

    short = ("id", "ean", "po", "zip", "sku", "cep", "plz")
    return [n for n in Provider.first_names if n.lower().endswith(short) and n.lower() not in short]


def test_a_phone_after_a_name_that_ends_like_a_reference_word_is_a_phone() -> None:
    names = _names_ending_like_a_reference()
    assert len(names) > 20
    phone = _national("GB", phonenumbers.PhoneNumberType.FIXED_LINE)
    for name in names:
        text = f"Social worker {name} {phone} x400 · e-mail {Faker().email()}"
        assert _found(text, "PHONE_NUMBER") == [f"{phone} x400"], text


@pytest.mark.parametrize("key", ["Order ID", "order_id:", "orderId:", "PO", "SKU:", "ZIP", "customerID"])
def test_a_short_reference_name_still_refuses_a_phone_shaped_number(key: str) -> None:
    number = _national("US", phonenumbers.PhoneNumberType.FIXED_LINE)
    assert _found(f"Please quote {key} {number} when you write.", "PHONE_NUMBER") == []


@pytest.mark.parametrize(
    "written", ["nascimento 29 de fevereiro de {y}", "date of birth February 29, {y}", "né le 29 février {y}"]
)
def test_a_birth_date_on_the_29th_of_february_of_a_common_year_is_a_look_alike(written: str) -> None:
    import calendar

    common = next(y for y in range(2001, 1900, -1) if not calendar.isleap(y) and y % 7 == 1)
    leap = next(y for y in range(2000, 1900, -4) if calendar.isleap(y))
    assert _found(written.format(y=common), "DATE_OF_BIRTH") == []
    assert len(_found(written.format(y=leap), "DATE_OF_BIRTH")) == 1
