"""phantom's personal-data recognisers, on published example values (card networks' test numbers,
the CMS NPI example, the NHS example number, BIP-173/BIP-350 and EIP-55 test vectors) and on the
look-alikes each check must reject."""

from __future__ import annotations

import time

import pytest

from servers.phantom import pii


def found(text: str) -> list[tuple[str, str]]:
    return [(f.entity, text[f.start : f.end]) for f in pii.detect(text)]


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        ("card 4111 1111 1111 1111 on file", "CREDIT_CARD", "4111 1111 1111 1111"),
        ("IBAN GB82 WEST 1234 5698 7654 32 please", "IBAN_CODE", "GB82 WEST 1234 5698 7654 32"),
        ("SSN: 536-90-4399", "US_SSN", "536-90-4399"),
        ("prescriber NPI 1234567893 signed", "US_NPI", "1234567893"),
        ("NHS number 943 476 5919 on file", "UK_NHS", "943 476 5919"),
        ("send to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa now", "CRYPTO", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"),
        (
            "pay bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4 now",
            "CRYPTO",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
        ),
        (
            "pay bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0 now",
            "CRYPTO",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
        ),
        (
            "to 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed today",
            "CRYPTO",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        ),
        ("Call +44 20 7946 0958 after five", "PHONE_NUMBER", "+44 20 7946 0958"),
        ("mail Jane.Doe+x@mail.example.org now", "EMAIL_ADDRESS", "Jane.Doe+x@mail.example.org"),
        ("device 00-1A-2B-3C-4D-5E joined", "MAC_ADDRESS", "00-1A-2B-3C-4D-5E"),
        ("open https://example.org/a?b=c, then", "URL", "https://example.org/a?b=c"),
    ],
)
def test_valid_values_are_found_with_their_exact_span(text: str, entity: str, value: str) -> None:
    assert found(text) == [(entity, value)]


@pytest.mark.parametrize(
    "text",
    [
        "card 4111 1111 1111 1112 on file",  # Luhn fails
        "IBAN GB83 WEST 1234 5698 7654 32 please",  # mod-97 fails
        "SSN: 666-90-4399",
        "SSN: 536-00-4399",
        "SSN: 900-12-3456",
        "SSN: 078-05-1120",  # SSA rules, the ad sample
        "prescriber NPI 1234567894 signed",  # Luhn over 80840 fails
        "NHS number 943 476 5918 on file",  # mod-11 fails
        "send to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb now",  # Base58Check fails
        "pay bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5 now",  # bech32 checksum fails
        "to 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD today",  # EIP-55 case checksum fails
        "build v2.14.3 on 1.2.3.4.5 at 2024-03-15T10:22:31Z",  # version strings and a timestamp
    ],
)
def test_look_alikes_with_failing_checks_are_not_reported(text: str) -> None:
    assert found(text) == []


def test_month_names_late_in_the_year_are_birth_dates() -> None:
    # "sept" in the month alternation used to shift October-December to months 13-15
    for month in ("October", "Nov", "December", "September", "Sept"):
        assert found(f"DOB 6 {month} 1979 - verified") == [("DATE_OF_BIRTH", f"6 {month} 1979")]


def test_a_date_without_birth_context_is_not_a_birth_date() -> None:
    assert found("The meeting moved to 6 December 1979.") == []


def test_an_ipv4_address_may_end_a_sentence() -> None:
    assert found("last login from 202.96.203.14.") == [("IP_ADDRESS", "202.96.203.14")]


def test_eight_two_digit_hex_groups_are_a_hardware_id_not_ipv6() -> None:
    assert found("hwaddr 00:1a:2b:3c:4d:5e:6f:70 on eth0") == []
    assert found("peer fe80::1ff:fe23:4567:890a%eth0 up") == [("IP_ADDRESS", "fe80::1ff:fe23:4567:890a%eth0")]


def test_digits_after_a_plus_are_a_phone_number_not_a_card() -> None:
    # "49 1512 3456464" happens to pass Luhn with a Visa prefix
    assert pii.luhn_ok("4915123456464")
    assert found("reach me at +49 1512 3456464 today") == [("PHONE_NUMBER", "+49 1512 3456464")]


def test_an_identifier_in_its_own_context_is_not_a_phone_number() -> None:
    # a bad NHS check digit makes it no NHS number, but the context says it is no phone number either
    assert found("NHS number 996 472 0006 registered at the surgery.") == []
    assert found("Call 020 7946 0958 today") == [("PHONE_NUMBER", "020 7946 0958")]


def test_entities_filter_limits_the_types() -> None:
    text = "mail a.b@example.com from 10.1.2.3"
    assert found(text) == [("EMAIL_ADDRESS", "a.b@example.com"), ("IP_ADDRESS", "10.1.2.3")]
    assert [f.entity for f in pii.detect(text, ["IP_ADDRESS"])] == ["IP_ADDRESS"]


# Issue #13: the misses and false positives an independent multilingual evaluation reported.
@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        ("tél. 01 42 68 53 00 (bureau)", "PHONE_NUMBER", "01 42 68 53 00"),
        ("chiamami al 347 123 4567 quando puoi", "PHONE_NUMBER", "347 123 4567"),
        ("Telefon: 030 12345678", "PHONE_NUMBER", "030 12345678"),
        ("llámame al 612 34 56 78", "PHONE_NUMBER", "612 34 56 78"),
        ("bel me op 020-123 4567", "PHONE_NUMBER", "020-123 4567"),
        ("me liga no (11) 98765-4321", "PHONE_NUMBER", "(11) 98765-4321"),
        ("support line 713.640.5232x855 today", "PHONE_NUMBER", "713.640.5232x855"),
        ("portal at acme.com/account/orders?id=3 now", "URL", "acme.com/account/orders?id=3"),
        ("Geburtsdatum: 14.03.1985", "DATE_OF_BIRTH", "14.03.1985"),
        ("date de naissance : 14 mars 1985", "DATE_OF_BIRTH", "14 mars 1985"),
        ("nacido el 14 de marzo de 1985", "DATE_OF_BIRTH", "14 de marzo de 1985"),
        ("geboortedatum 14-03-1985", "DATE_OF_BIRTH", "14-03-1985"),
        ("DOB 17-09-1954.", "DATE_OF_BIRTH", "17-09-1954"),
        ("Su tarjeta 6759 0000 0000 ha sido bloqueada", "CREDIT_CARD", "6759 0000 0000"),
        ("Card: 5019 1234 5678 9013", "CREDIT_CARD", "5019 1234 5678 9013"),
        ("UATP card 1100 00000 000007", "CREDIT_CARD", "1100 00000 000007"),
        ("mail luca@xn--mller-kva.de now", "EMAIL_ADDRESS", "luca@xn--mller-kva.de"),
        ("NHS number 943-476-5919 on file", "UK_NHS", "943-476-5919"),
        ("SSN 536.90.4399", "US_SSN", "536.90.4399"),
        ("Rendering NPI: 1234-567-893", "US_NPI", "1234-567-893"),
    ],
)
def test_issue_13_misses_are_found(text: str, entity: str, value: str) -> None:
    assert (entity, value) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "std::cout << x << std::endl; Foo::Bar::baz(); Cafe::Bad; abc::def",
        "Order ORD-2022-446671 shipped",
        "ts=2024-03-12 14:22:31.123456 elapsed 09:26:53.123456",
        "upgraded to version 1.2.3.4; Chrome/120.0.6099.109; pip install foo==1.1.9.2-rc4",
        "Windows 10.0.19045.3570",
        "Kundennummer 49-13951246, Rechnung RE-2024/73006, ZIP 94105-1234",
        "amount 225.242.530,70 € due 04.04.2021",
        "see setup.py and README.md",
        "UUID 0d9e3ef3-7b81-4986-8307-0ae6c683ddc8, sha 1a35f25, ISBN 978-3-16-148410-0",
    ],
)
def test_issue_13_hard_negatives_are_left_alone(text: str) -> None:
    assert found(text) == []


# Issue #13, second held-out batch (heldout2, now on the dev side): the causes of its errors, one case each.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # key names are cues: snake_case and camelCase YAML/JSON keys, German "geb_datum"
        (
            "patient:\n  nhs_no: 809-009-4678\n  date_of_birth: 14/11/1941\n  mobile: (020) 7788 9799",
            [
                ("UK_NHS", "809-009-4678"),
                ("DATE_OF_BIRTH", "14/11/1941"),
                ("PHONE_NUMBER", "(020) 7788 9799"),
            ],
        ),
        ("patient:\n  nhs_no: 6912511961\n  gp: ORD-2025-318706", [("UK_NHS", "6912511961")]),
        (
            '{"dateOfBirth": "1980-03-14", "nhsNumber": "943 476 5919"}',
            [("DATE_OF_BIRTH", "1980-03-14"), ("UK_NHS", "943 476 5919")],
        ),
        ("geb_datum: 14.03.1985", [("DATE_OF_BIRTH", "14.03.1985")]),
        # a birth cue names the nearest date only
        (
            "Terminbestätigung für Anna Müller (geb. 25.04.2006) am 18.10.2024.",
            [("DATE_OF_BIRTH", "25.04.2006")],
        ),
        ("admitted 2024-06-01, born 1980-01-02", [("DATE_OF_BIRTH", "1980-01-02")]),
        # an unquoted comma inside a CSV value leaves the columns before it intact; SQL column lists are headers
        (
            "name,phone,dob,ssn\nKevin Garcia,305.530.9962,February 22, 1969,180 68 3124",
            [
                ("PHONE_NUMBER", "305.530.9962"),
                ("DATE_OF_BIRTH", "February 22, 1969"),
                ("US_SSN", "180 68 3124"),
            ],
        ),
        (
            "INSERT INTO users (email, phone) VALUES ('camille_dubois37@eu.globex.fr', '0481783526');",
            [("EMAIL_ADDRESS", "camille_dubois37@eu.globex.fr"), ("PHONE_NUMBER", "0481783526")],
        ),
        # Spanish and Italian call verbs in their other forms
        ("Para cancelar llame al 983907043 o escriba.", [("PHONE_NUMBER", "983907043")]),
        ("il corriere chiamerà il 06-79262056.", [("PHONE_NUMBER", "06-79262056")]),
        # a phone word belongs to the number it introduced, not to a parcel number in the next sentence
        (
            "Der Fahrer meldet sich telefonisch unter 040-8413-5669. Paket 9506 1397 8951.",
            [("PHONE_NUMBER", "040-8413-5669")],
        ),
    ],
)
def test_heldout2_causes_are_fixed(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


# Issue #13, third held-out batch (heldout3, now on the dev side): the causes of its errors, one case each.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a value under a quoted key that is no phone word is no national phone number; the NPI key is a cue
        (
            '{"rx": "7362-3313-3100", "prescriber_npi": "1485644060", "phone": "713-885-0239"}',
            [("US_NPI", "1485644060"), ("PHONE_NUMBER", "713-885-0239")],
        ),
        (
            '{"kundennr": "6934-0483-7986", "telefon": "+49 (0)40 50618075"}',
            [("PHONE_NUMBER", "+49 (0)40 50618075")],
        ),
        ('  + arn        = "326-758-5366-64"', []),
        # three groups of four and 3-3-4-2 are reference shapes without a phone word; reference words run on
        ("Direct Debit confirmation 130-937-7643-98: collections start soon.", []),
        ("Incasso 4073-5812-8227 van de rekening.", []),
        ("Bestellung 0143-0678-3657.", []),
        ("kenmerk PNR 3856703377", []),
        # decimal fractions, a ticket in parentheses, the digits of a timestamp
        ('timeout: "0.127471632"', []),
        ("Bump v4.20.39 to 4.29.113 (9234-064984)", []),
        ('node_info{pod="worker"} 1 2021-07-09 20:15:32,568', []),
        # support lines and dial-ins are phone cues (and a dial-in number passing mod 11 is no NHS number)
        ("referencia fd0dcd4c, soporte 913278595", [("PHONE_NUMBER", "913278595")]),
        ("DESCRIPTION:Dial-in 702 893 5051", [("PHONE_NUMBER", "702 893 5051")]),
        # ISO/IEC 7812 lengths: a 15-digit number starting 35 is an IMEI, a 14-digit one starting 309 no Diners card
        ("Device 357760472514395 registered", []),
        ("la spedizione 3090 9213 4745 50 è in consegna", []),
        ("Card 3530 1113 3330 0000", [("CREDIT_CARD", "3530 1113 3330 0000")]),
        # an SSN glued to letters is an identifier
        ("employee_id,ssn\nCUST112554689,362280087", [("US_SSN", "362280087")]),
        # a place between the Italian cue and the date; dd-Mon-yyyy
        ("Luca Romano, nata a Roma il 07.08.1946", [("DATE_OF_BIRTH", "07.08.1946")]),
        (
            "Patient born on 14-Nov-1969, seen 12-10-2019 and 02-07-2021",
            [("DATE_OF_BIRTH", "14-Nov-1969")],
        ),
    ],
)
def test_heldout3_causes_are_fixed(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "réf. 31175953-6737-46c0-8d71-7694571f00c5 (call us)",  # the first groups of a UUID are no phone number
        "call back about pod api-0612345678-x2x9k",  # nor digits glued into a K8s name
        "phone the depot about job_0612345678",
        "Collo JD4111111111111111",  # a letter-prefixed tracking number is no card
        "card on file? no: tracking JD4111111111111111",
    ],
)
def test_digits_inside_longer_identifiers_are_left_alone(text: str) -> None:
    assert found(text) == []


def test_a_card_and_a_phone_still_found_beside_identifiers() -> None:
    text = "card 4111 1111 1111 1111, phone 020 7946 0958, job 31175953-6737-46c0-8d71-7694571f00c5"
    assert found(text) == [("CREDIT_CARD", "4111 1111 1111 1111"), ("PHONE_NUMBER", "020 7946 0958")]


def test_detect_stops_at_its_time_limit_and_leaves_later_calls_unlimited() -> None:
    """Pathological input within the size limit: a CSV of ~11,000 phone candidates takes seconds unbounded."""
    text = "\n".join(f"call,{200 + i % 700}-{300 + i % 600}-{1000 + i % 9000}" for i in range(11_000))
    started = time.monotonic()
    with pytest.raises(pii.DetectionTimeout):
        pii.detect(text, time_limit=0.1)
    assert time.monotonic() - started < 1.5  # checked per candidate: the cap plus one candidate's work
    small = "call 020 7946 0958 or mail a@example.com"
    assert pii.detect(small, time_limit=5.0) == pii.detect(small)
    assert len(pii.detect(text[:2000])) > 50  # no deadline left behind by the call that timed out
