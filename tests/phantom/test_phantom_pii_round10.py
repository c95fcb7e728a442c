"""phantom's PII detection, round 10 (issue #13): the causes behind heldout13's misses, by the general forms of
what the misread text is. A phone number with a spelled-out extension after a reference's or an approver's name,
an Exim log's `id=` field (a Message-ID, not a mailbox), and an animal named by its breed before its birth date.
Third parties write the values: python-stdnum (NHS numbers' mod-11 check digit), phonenumbers' own example
numbers, the standard library's email.utils.make_msgid (a real Message-ID), Faker (names, addresses, dates)."""

from __future__ import annotations

import email.utils

import phonenumbers
import pytest
from faker import Faker
from stdnum.gb import nhs

from servers.phantom import pii


def _found(text: str, entity: str) -> list[str]:
    return [text[f.start : f.end] for f in pii.detect(text, [entity])]


def _us_phone() -> str:
    example = phonenumbers.example_number_for_type("US", phonenumbers.PhoneNumberType.FIXED_LINE)
    assert example is not None
    return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)


def _nhs_number(fake: Faker) -> str:
    while True:
        body = str(fake.random_int(400_000_000, 799_999_999))
        valid = [body + d for d in "0123456789" if nhs.is_valid(body + d)]
        if valid:
            return valid[0]


@pytest.mark.parametrize("ext", ["ext 1157", ", ext 1948", " ext. 6623", ", extension 12"])
@pytest.mark.parametrize("who", ["landlord reference", "employer reference", "approver's line", "Ref:"])
def test_a_number_with_a_spelled_extension_is_a_phone_whatever_names_it(who: str, ext: str) -> None:
    phone = _us_phone() + ("" if ext.startswith(",") else " ") + ext.lstrip(" ")
    text = f"Applicant: {Faker().name()} · {who} {phone}\nFee paid."
    assert _found(text, "PHONE_NUMBER") == [phone]


def test_an_nhs_shaped_number_with_an_extension_is_the_phone_not_the_nhs_number() -> None:
    fake = Faker()
    Faker.seed(10)
    number = _nhs_number(fake)
    spaced = f"{number[:3]} {number[3:6]} {number[6:]}"
    text = f"Approved by {fake.name()}, approver's line {spaced}, ext 8322"
    assert _found(text, "UK_NHS") == []
    assert _found(text, "PHONE_NUMBER") == [f"{spaced}, ext 8322"]
    # without the extension, the spaced check-digit number is still the NHS number it was
    assert _found(f"Patient {fake.name()}: {spaced}", "UK_NHS") == [spaced]


def test_a_reference_number_without_an_extension_stays_unreported() -> None:
    assert _found("Invoice reference 212-413-1550, due in 30 days", "PHONE_NUMBER") == []
    assert _found("Qty 3 x 2 · order 212 413 1550 x 2", "PHONE_NUMBER") == []


@pytest.mark.parametrize("org", ["Hooli.example", "mail.initech.dev", "example.org"])
def test_an_exim_message_id_is_no_mailbox(org: str) -> None:
    fake = Faker()
    sender = fake.email()
    msgid = email.utils.make_msgid(domain=org).strip("<>")
    text = (
        f"2026-11-04 13:12:13 MkrdVY-SpgAY5-ZR <= {sender} H=smtp.{org} [10.82.252.88] P=esmtps S=5569022 id={msgid}\n"
        f"postfix/cleanup[1234]: 4F9D1: message-id=<{msgid}>"
    )
    assert _found(text, "EMAIL_ADDRESS") == [sender]


def test_a_mailbox_in_another_key_value_field_is_still_reported() -> None:
    fake = Faker()
    address = fake.email()
    for field in ("user_id", "from", "uid", "sender"):
        assert _found(f"auth ok {field}={address} session=42", "EMAIL_ADDRESS") == [address], field


@pytest.mark.parametrize("breed", ["terrier mix", "golden retriever", "tabby", "mixed breed", "beagle"])
def test_an_animal_named_by_its_breed_has_no_birth_date_of_a_person(breed: str) -> None:
    fake = Faker()
    born = fake.date_of_birth(minimum_age=1, maximum_age=12).strftime("%d/%m/%Y")
    dob = fake.date_of_birth(minimum_age=21, maximum_age=90).strftime("%B %d %Y")
    text = (
        f"Applicant: {fake.name()}, applicant's date of birth {dob} (must be 21+)\n"
        f"Adopting: Biscuit, {breed}, born {born}, microchip 380106101270107"
    )
    assert _found(text, "DATE_OF_BIRTH") == [dob]


def test_a_person_born_on_a_date_is_still_reported() -> None:
    fake = Faker()
    born = fake.date_of_birth(minimum_age=1, maximum_age=90).strftime("%d/%m/%Y")
    assert _found(f"Child: {fake.first_name()}, born {born}", "DATE_OF_BIRTH") == [born]


def _bare_ssn(fake: Faker) -> str:
    while True:
        ssn = fake.ssn().replace("-", "")  # Faker's en_US provider follows the SSA's rules
        if pii.ssn_ok(ssn[:3], ssn[3:5], ssn[5:]):
            return ssn


@pytest.mark.parametrize("aside", ["(for the death certificate)", "(as on the card):", "(primary applicant)"])
def test_an_aside_between_the_ssn_cue_and_the_value_keeps_the_cue(aside: str) -> None:
    fake = Faker("en_US")
    ssn = _bare_ssn(fake)
    text = f"Deceased: {fake.name()}\nSocial Security number {aside} {ssn}\nNext of kin: {fake.name()}"
    assert _found(text, "US_SSN") == [ssn]
    # an aside with no SSN cue before it names nothing
    assert _found(f"Account number {aside} {ssn}", "US_SSN") == []


def test_a_reply_saying_social_under_a_question_naming_the_ssn_is_the_ssn() -> None:
    fake = Faker("en_US")
    ssn = _bare_ssn(fake)
    asked = (
        f"Rep: Sure. His date of birth and Social Security number?\nCaller: Born 2-Dec-75, social {ssn}.\n"
    )
    assert _found(asked, "US_SSN") == [ssn]
    # the same words with no question naming the SSN above them: a social club's member number, say
    told = f"Rep: And your membership?\nCaller: Born 2-Dec-75, social {ssn}.\n"
    assert _found(told, "US_SSN") == []


@pytest.mark.parametrize("form", ["%d-%b-%y", "%d.%m.%Y", "%B %d, %Y"])
def test_an_ocr_split_birth_label_is_still_the_birth_cue(form: str) -> None:
    fake = Faker()
    born = fake.date_of_birth(minimum_age=18, maximum_age=90).strftime(form)
    text = (
        f"[OCR scan, page 1]\nAssessee: {fake.name()}\nD ate of B irth : {born}\nM obile : 0091 40 61340439"
    )
    assert _found(text, "DATE_OF_BIRTH") == [born]
    # an OCR'd date of filing or of death names no birth
    assert _found(f"[OCR scan]\nD ate of F iling : {born}", "DATE_OF_BIRTH") == []


def test_ansible_play_output_names_inventory_hosts_not_pages() -> None:
    fake = Faker()
    hosts = [fake.hostname(levels=2) for _ in range(3)]
    owner = fake.email()
    text = (
        "TASK [Gathering Facts] *********************************************\n"
        f"ok: [{hosts[0]}]\nchanged: [{hosts[1]}] => {{\n"
        f'    "owner_email": "{owner}",\n    "docs": "https://{hosts[2]}/runbook"\n}}\n'
        "PLAY RECAP **********************************************************\n"
        f"{hosts[2]} : ok=2 changed=0 unreachable=0 failed=0"
    )
    assert _found(text, "URL") == [f"https://{hosts[2]}/runbook"]
    assert _found(text, "EMAIL_ADDRESS") == [owner]
    # the same host in prose is still a web address
    assert _found(f"Results are on {hosts[0]} now.", "URL") == [hosts[0]]


def _envoy_line(fake: Faker, counts: str, authority: str) -> str:
    # Envoy's default access-log format: [%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%"
    # %RESPONSE_CODE% %RESPONSE_FLAGS% %RESPONSE_CODE_DETAILS% %CONNECTION_TERMINATION_DETAILS%
    # "%UPSTREAM_TRANSPORT_FAILURE_REASON%" %BYTES_RECEIVED% %BYTES_SENT% %DURATION% ... "%REQ(:AUTHORITY)%" ...
    return (
        f'[{fake.date_time().isoformat(timespec="milliseconds")}Z] "POST /v1/signup HTTP/1.1" 201 - via_upstream - "-" '
        f'{counts} "{fake.ipv4_private()}" "okhttp/4.12.0" "{fake.uuid4()}" "{authority}" "{fake.ipv4_private()}:8080"'
    )


@pytest.mark.parametrize("counts", ["6072646 512 88", "174146 512 1330", "8353126 0 4"])
def test_an_envoy_access_logs_counts_and_authority_are_no_phone_and_no_page(counts: str) -> None:
    fake = Faker()
    authority = fake.hostname(levels=2)
    line = _envoy_line(fake, counts, authority)
    assert _found(line, "PHONE_NUMBER") == []
    assert _found(line, "URL") == []


def test_blank_separated_digits_after_a_dash_field_outside_a_log_record_may_still_be_a_phone() -> None:
    assert _found('"name","-" 020 7946 0018 (call after 6)', "PHONE_NUMBER") == ["020 7946 0018"]
