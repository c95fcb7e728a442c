"""phantom's PII detection, round 9 (issue #13): the causes behind heldout12's misses, by the general forms of what
the misread text is. PostgreSQL's failing row (a bare tuple of column values, named only by the ERROR line's
relation and constraint), OpenTelemetry's key/value attributes, a support chat whose lines open with a timestamp
and a name, and bare service hosts in mail-server and system logs. Third parties write the values: a real
PostgreSQL server (the constraint violation and its failing row), python-stdnum (NHS numbers, Luhn check digits
for NPIs), Faker (names, e-mail addresses, dates), the OpenTelemetry SDK's OTLP/JSON encoding where installed."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from collections.abc import Iterator

import psycopg
import pytest
from faker import Faker
from stdnum import luhn
from stdnum.gb import nhs

from servers.phantom import pii


def _found(text: str, entity: str) -> list[str]:
    return [text[f.start : f.end] for f in pii.detect(text, [entity])]


def _nhs_number(fake: Faker) -> str:
    while True:
        body = str(fake.random_int(400_000_000, 799_999_999))
        valid = [body + d for d in "0123456789" if nhs.is_valid(body + d)]  # stdnum's own mod-11 check
        if valid:
            return valid[0]


def _npi(fake: Faker) -> str:
    body = str(fake.random_int(100_000_000, 299_999_999))
    return body + luhn.calc_check_digit("80840" + body)


# -- PostgreSQL's failing row ----------------------------------------------------------------------------------


_PATIENTS = """CREATE TABLE patients (
    id uuid PRIMARY KEY, nhs_number text, last_name text, first_name text,
    date_of_birth date CHECK (date_of_birth > '2000-01-01'), email text NOT NULL, npi text,
    created_at timestamptz DEFAULT now())"""


@pytest.fixture
def clinic(postgres_url: str) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(_PATIENTS)
        conn.execute(
            "CREATE TABLE invoices (id uuid PRIMARY KEY, account text, issued date, amount numeric CHECK (amount > 0))"
        )
        yield conn


def _violation(conn: psycopg.Connection[tuple[object, ...]], sql: str, values: tuple[object, ...]) -> str:
    """The server's own ERROR and DETAIL lines for a row it refused, as its log and psql print them."""
    with pytest.raises(psycopg.errors.IntegrityError) as caught:
        conn.execute(sql, values)
    diag = caught.value.diag
    return f"ERROR:  {diag.message_primary}\nDETAIL:  {diag.message_detail}"


_INSERT = "INSERT INTO patients (id, nhs_number, last_name, first_name, date_of_birth, email, npi) VALUES (%s, %s, %s, %s, %s, %s, %s)"


@pytest.mark.parametrize("seed", range(6))
def test_a_failing_row_of_patients_names_its_identifiers_and_birth_date(
    clinic: psycopg.Connection[tuple[object, ...]], seed: int
) -> None:
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    number, npi, born = _nhs_number(fake), _npi(fake), fake.date_of_birth(minimum_age=30, maximum_age=90)
    log = _violation(
        clinic, _INSERT, (uuid.uuid4(), number, fake.last_name(), fake.first_name(), born, fake.email(), npi)
    )
    assert "Failing row contains (" in log and "patients_date_of_birth_check" in log
    assert _found(log, "UK_NHS") == [number]
    assert _found(log, "US_NPI") == [npi]
    assert _found(log, "DATE_OF_BIRTH") == [born.isoformat()]  # not the created_at timestamp's date


def test_a_not_null_violation_names_the_rows_only_date_as_the_birth_date(
    clinic: psycopg.Connection[tuple[object, ...]],
) -> None:
    fake = Faker("en_GB")
    fake.seed_instance(7)
    number, born = _nhs_number(fake), dt.date(2004, 11, 13)
    log = _violation(
        clinic, _INSERT, (uuid.uuid4(), number, fake.last_name(), fake.first_name(), born, None, None)
    )
    assert "not-null constraint" in log
    assert _found(log, "UK_NHS") == [number]
    assert _found(log, "DATE_OF_BIRTH") == [born.isoformat()]


def test_a_failing_row_of_another_table_stays_unreported(
    clinic: psycopg.Connection[tuple[object, ...]],
) -> None:
    fake = Faker("en_GB")
    fake.seed_instance(3)
    account, issued = (
        _npi(fake),
        dt.date(1987, 6, 1),
    )  # a Luhn-valid ten-digit account number, an invoice date
    log = _violation(
        clinic, "INSERT INTO invoices VALUES (%s, %s, %s, %s)", (uuid.uuid4(), account, issued, -5)
    )
    assert "Failing row contains (" in log
    assert _found(log, "US_NPI") == [] and _found(log, "UK_NHS") == [] and _found(log, "DATE_OF_BIRTH") == []


def test_bare_check_digit_numbers_outside_a_failing_row_stay_unreported() -> None:
    fake = Faker("en_GB")
    fake.seed_instance(11)
    for _ in range(20):
        number, npi = _nhs_number(fake), _npi(fake)
        text = f"batch {number} queued, job {npi} done (patients table, {fake.last_name()})"
        assert _found(text, "UK_NHS") == [] and _found(text, "US_NPI") == []


def test_a_failing_row_cell_must_be_whole() -> None:
    text = (
        'ERROR:  new row for relation "patients" violates check constraint "patients_date_of_birth_check"\n'
        "DETAIL:  Failing row contains (Smith, Isla, 1995-03-13 10:00:00+00, ref-4083514078)."
    )
    assert _found(text, "DATE_OF_BIRTH") == [] and _found(text, "UK_NHS") == []


# -- OpenTelemetry attributes: {"key": ..., "value": {"stringValue": ...}} --------------------------------------


def test_an_otlp_attribute_is_named_by_its_key() -> None:
    fake = Faker("en_US")
    fake.seed_instance(5)
    npi = _npi(fake)
    attribute = {"key": "provider.npi", "value": {"stringValue": npi}}
    try:  # the SDK's own OTLP/JSON encoding when the exporter is installed
        from google.protobuf.json_format import MessageToJson
        from opentelemetry.exporter.otlp.proto.common._internal import _encode_attributes

        text = MessageToJson(_encode_attributes({"provider.npi": npi})[0], indent=None)
    except ImportError:
        import json

        text = json.dumps({"attributes": [attribute]})
    assert _found(text, "US_NPI") == [npi]
    other = text.replace("provider.npi", "build.number")
    assert _found(other, "US_NPI") == []


# -- a chat whose lines open with a stamp and a name -----------------------------------------------------------

_STAMPS = ("[{d:%-m/%-d/%y}, {d:%-I:%M} PM] ", "[{d:%d/%m/%Y}, {d:%H:%M:%S}] ", "[{d:%d/%m/%Y %H:%M}] ")


@pytest.mark.parametrize("stamp", _STAMPS)
@pytest.mark.parametrize("form", ["%b. %d, %Y", "%Y-%m-%d", "%d-%b-%y", "%-m/%-d/%Y"])
def test_a_chat_reply_under_a_birth_date_question_is_the_birth_date(stamp: str, form: str) -> None:
    fake = Faker("en_US")
    fake.seed_instance(len(stamp) + len(form))
    name, born = fake.first_name(), fake.date_of_birth(minimum_age=20, maximum_age=90)
    when = fake.date_time_between(start_date="-8y")
    chat = (
        f"{stamp.format(d=when)}Agent Maya: Can you verify the account holder's date of birth?\n"
        f"{stamp.format(d=when)}{name}: {born.strftime(form)}\n"
        f"{stamp.format(d=when)}Agent Maya: Thanks!"
    )
    assert _found(chat, "DATE_OF_BIRTH") == [born.strftime(form)]  # and no stamp's date


@pytest.mark.parametrize("stamp", _STAMPS)
def test_a_chat_reply_closing_with_the_ssn_asked_for_is_the_ssn(stamp: str) -> None:
    fake = Faker("en_US")
    fake.seed_instance(len(stamp))
    ssn = fake.ssn().replace("-", "")
    when = fake.date_time_between(start_date="-8y")
    asked = f"{stamp.format(d=when)}Agent Maya: And the last four of the SSN?\n"
    said = f"{stamp.format(d=when)}Emily: {ssn[-4:]}, or the whole thing if that's easier: {ssn}"
    assert _found(asked + said, "US_SSN") == [ssn]
    # look-alikes: an order number said under the question, the same reply under a line that asks nothing
    assert _found(asked + f"{stamp.format(d=when)}Emily: my order is {ssn}", "US_SSN") == []
    told = f"{stamp.format(d=when)}Agent Maya: I will need the SSN later.\n"
    assert _found(told + f"{stamp.format(d=when)}Emily: order no.: {ssn}", "US_SSN") == []


# -- bare service hosts in mail-server and system logs ---------------------------------------------------------


def _logged(message: str) -> str:
    """A log record as Python's logging writes it with an ISO 8601 time (the line opens with its time)."""
    import logging

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger = logging.getLogger("pii9.mail")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning(message)
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


@pytest.mark.parametrize("seed", range(4))
def test_a_bare_host_a_log_record_or_an_exim_peer_names_is_a_machine(seed: int) -> None:
    fake = Faker("en_US")
    fake.seed_instance(seed)
    host, page = f"relay{seed}.{fake.domain_name()}", fake.url() + "account/settings"
    exim = f"2024-03-09 15:40:14 uQXuF9-JrPqAe-8x => {fake.email()} R=dnslookup T=remote_smtp H={host} [{fake.ipv4()}]"
    assert _found(exim, "URL") == []
    helo = (
        f"2024-03-09 15:40:14 1rX <= {fake.email()} H={host} (mx.{fake.domain_name()}) [{fake.ipv4()}] S=5283"
    )
    assert _found(helo, "URL") == []
    assert _found(_logged(f"sending message for account {fake.email()} via {host}"), "URL") == []
    assert _found("Current DNS Server: 10.0.0.1\n        DNS Domain: " + host, "URL") == []
    # look-alikes that stay web addresses: a page in a log record, a host in prose, a host before a note
    assert _found(_logged(f"redirecting to {page}"), "URL") == [page]
    assert _found(f"Our new shop is at {host} from Monday.", "URL") == [host]
    assert _found(f"see {host} [archived copy]", "URL") == [host]


# -- a record's taxId with the SSN's shape ---------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_a_records_tax_id_with_the_ssns_shape_is_the_ssn(seed: int) -> None:
    import json

    fake = Faker("en_US")
    fake.seed_instance(seed)
    ssn = fake.ssn().replace("-", "")
    record = {"user": {"email": fake.email(), "dateOfBirth": fake.date_of_birth().isoformat(), "taxId": ssn}}
    assert _found(json.dumps(record), "US_SSN") == [ssn]
    record["user"]["taxId"] = fake.ein()  # an employer's EIN, 12-3456789
    assert _found(json.dumps(record), "US_SSN") == []


# -- phones: answering "at" a number, a census enumerator, German's "ruf mich an", a mail domain's phone word -----


def _national_digits(locale: str, region: str, seed: int) -> str:
    import phonenumbers

    fake = Faker(locale)
    fake.seed_instance(seed)
    for _ in range(80):
        try:
            number = phonenumbers.parse(fake.phone_number(), region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number) and not number.extension:
            national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
            return "".join(ch for ch in national if ch.isdigit())
    raise AssertionError(f"Faker gave no valid {region} number")


@pytest.mark.parametrize("seed", range(3))
def test_a_number_to_confirm_or_answer_at_is_a_phone(seed: int) -> None:
    number = _national_digits("fr_FR", "FR", seed)
    assert _found(f"Merci de confirmer votre présence au {number} ou par courriel.", "PHONE_NUMBER") == [
        number
    ]
    assert _found(f"Please RSVP on {_national_digits('en_GB', 'GB', seed)} by Friday.", "PHONE_NUMBER") != []
    assert (
        _found(f"Confirmé : dossier n° {number} au greffe.", "PHONE_NUMBER") == []
    )  # a file number, no "au"


@pytest.mark.parametrize(
    ("line", "locale", "region"),
    [("Agent recenseur : Louis, {n}", "fr_FR", "FR"), ("Rilevatore: {n}", "it_IT", "IT")],
)
def test_a_census_enumerators_number_is_a_phone(line: str, locale: str, region: str) -> None:
    number = _national_digits(locale, region, 4)
    assert _found(line.format(n=number), "PHONE_NUMBER") == [number]


def test_german_call_me_is_a_phone_cue() -> None:
    number = _national_digits("de_DE", "DE", 2)
    chat = f"[09/09/2018 02:26] Lukas: Schickst du mir die Daten?\n[09/09/2018 02:27] Anna: 👍 ruf mich kurz an: {number}"
    assert _found(chat, "PHONE_NUMBER") == [number]


def test_a_phone_word_inside_a_mail_domain_is_no_cue() -> None:
    fake = Faker("es_ES")
    fake.seed_instance(1)
    line = f"2022-11-24 03:49:43 1rX <= j.garcia@tandem.es A=dovecot_plain:{fake.user_name()}@telefonica.net S=5283370"
    assert _found(line, "PHONE_NUMBER") == []
    number = _national_digits("es_ES", "ES", 1)  # a query string's phone field after an address stays a phone
    query = f"GET /cuenta?email={fake.user_name()}@telefonica.net&tel={number} HTTP/1.1"
    assert _found(query, "PHONE_NUMBER") == [number]


# -- "charged to" a card in the suite's languages ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Fianza de la consulta cobrada en {n}.",
        "Importo addebitato su {n}.",
        "Montant débité sur {n}.",
        "Betrag abgebucht von {n}.",
        "Bedrag afgeschreven van {n}.",
    ],
)
def test_a_rare_card_charged_in_another_language_is_a_card(sentence: str) -> None:
    fake = Faker()
    fake.seed_instance(len(sentence))
    body = "1" + "".join(str(fake.random_digit()) for _ in range(13))  # UATP: prefix 1, 15 digits, 4-5-6
    number = body + luhn.calc_check_digit(body)
    printed = f"{number[:4]}  {number[4:9]}  {number[9:]}"
    assert _found(sentence.format(n=printed), "CREDIT_CARD") == [printed]
    assert _found(f"Expediente {printed}.", "CREDIT_CARD") == []  # no payment word: a file number's shape


# -- a reference's number label qualified by a few words ---------------------------------------------------------


@pytest.mark.parametrize(
    "label",
    ["consumer no. after energisation", "customer number for your records", "account no. on the bill"],
)
def test_a_qualified_reference_label_names_its_number(label: str) -> None:
    import phonenumbers

    number = phonenumbers.format_number(
        phonenumbers.parse("+1 650 253 0000"), phonenumbers.PhoneNumberFormat.NATIONAL
    )
    dashed = number.replace("(", "").replace(") ", "-").replace(" ", "-")  # 650-253-0000, a valid US number
    assert _found(f"Aadhaar on file · {label} {dashed}", "PHONE_NUMBER") == []
    # a phone word in the qualifier, or no reference word, keeps the phone
    assert _found(f"customer no. or phone line {dashed}", "PHONE_NUMBER") == [dashed]
    assert _found(f"Mobile after energisation {dashed}", "PHONE_NUMBER") == [dashed]
