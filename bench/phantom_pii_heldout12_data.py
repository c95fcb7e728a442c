"""`heldout12`: the twelfth held-out batch for bench/phantom_pii_multilingual.json, written from the formats'
specifications while heldout11 was being tuned on, without reading servers/phantom/pii.py, pii_fields.py,
redaction.py or docs/phantom.md and without running any detector on it (not even on dev cases). It is
meant to be scored once.

Built by bench/phantom_pii_multilingual_data.py (which imports `build_heldout12` from here, last), seed
SEED12, split and batch "heldout12". Like heldout7..heldout11 it is a fair sample in two halves, told
apart by the template tag so each half can be scored on its own (100 templates, REPEATS12 documents each):
- known kinds, `<locale>/h12k/<n>`: the kinds and writing styles the earlier batches used (heldout10's and
  heldout11's new kinds included), sampled in about their proportion in the set: customer e-mails and
  complaint letters, HR, onboarding and club registration forms, patient and staff tables (markdown,
  pipe, CSV), chat exports, bank alerts and transfer notices, appointment reminders, delivery notices,
  a GP referral letter, a claim form, a hotel booking, e-mail signatures, a support-call transcript,
  JSON, FHIR (Patient and Practitioner), LDIF and HL7 v2 records, access and syslog lines, `arp`
  output, SQL inserts, a `.env` file, a curl command, a YAML config and a wallet CSV, written fresh:
  new wording, field orders, surrounding text and values;
- new kinds, `<locale>/h12n/<n>`: document kinds no batch (heldout7's to heldout11's new halves
  included) has used, each checked by a marker phrase against every earlier case in
  tests/test_pii_heldout12_set.py: a juror summons, a student loan statement, an insurer's first notice
  of loss (FNOL) phone intake, a utility start-service (move-in) request, a state fishing licence and a
  telehealth intake form (US); a jury summons, a census household questionnaire, a rod fishing licence,
  a repeat-prescription-ready text, a property-management maintenance request, a flu vaccination
  record and an NHS 111 callback note (UK); a marketplace seller registration, an education loan
  statement, a teleconsultation registration with the ABHA number and a new electricity connection
  application (India); a convocation de juré d'assises, a bulletin individuel du recensement, a carte
  de pêche and a résiliation d'électricité on moving (France); a Prepaid-Registrierung under § 172 TKG,
  a Fischereischein application, a crypto exchange's Auszahlung confirmation, a Zensus
  Haushaltebefragung and an Umzugsmitteilung to the electricity supplier (Germany); a licenza di pesca,
  a richiesta di voltura and a censimento permanente questionnaire (Italy); a registro de tarjeta
  prepago, a notificación de candidato a jurado and a licencia de pesca (Spain); a VISpas, a crypto
  opname confirmation and a reparatieverzoek to a housing corporation (Netherlands); a cadastro de
  linha pré-paga, a saque de criptomoedas confirmation and a Censo Demográfico questionnaire (Brazil);
  and in the technical group a Twilio inbound-SMS webhook, Cloudflare Logpush HTTP request records, an
  Exim mainlog, a Kafka Connect sink task error, an Outlook contacts CSV export, macOS `log show`
  output, `networkctl status` / `resolvectl status` output, a Suricata eve.json alert, a PostgreSQL
  check-constraint error, an OpenTelemetry (OTLP/JSON) log record, a Zendesk ticket JSON and auditd
  USER_LOGIN records. (Left out as used: vet vaccination certificates (heldout9's veterinary record),
  library cards (heldout9's library membership), SIM registration in India (heldout7), ICS, vCard 2.1,
  HL7 ORU, Terraform state, Kubernetes Secrets, Stripe webhooks, Jira exports, Google contact CSVs,
  Nginx error logs, GitHub Actions logs, airline cancellation e-mails, Postfix logs.)
Each template is filled REPEATS12 times with fresh values; the technical group cycles through the locales.

Values come from heldout5's to heldout11's spec-built generators, registered again here under H12 names
(every H11 name is mirrored as the H12 name with the same generator, as heldout11 mirrored H10), valid by
their specifications (libphonenumber, ISO/IEC 7812 with Luhn, SSA rules, NPI Luhn over 80840, NHS
modulus 11, ISO 13616, Base58Check/bech32/bech32m, EIP-55). The new hard negatives are built below from
their own specifications and checked in tests/test_pii_heldout12_set.py. FHIR `system` URIs are written
as template text and labelled as URLs after generation by the set's shared function
(phantom_pii_multilingual_data.label_fhir_system_urls: an http(s) `Identifier.system` is a URL per FHIR R4;
`urn:oid:` systems are not).

What is and is not an entity follows heldout5's to heldout11's docstrings (a birth date only by its cue
or field, and only a person's; any telephone number with its extension in the span; punctuation outside
spans; `tel:` and `mailto:` schemes outside the span; names and street addresses unlabelled; personal
identifiers of other types are negatives; a bare service host name is not a URL). Where they are
silent:
- Report-for-service, session, loss, move-in, move-out, meter-reading, licence validity, exam, census,
  vaccination, visit, withdrawal, callback and repair dates are not birth dates; a juror's, a borrower's,
  a licensee's, a household member's, a patient's or a subscriber's birth date by its cue is.
- A juror participant number (nine digits: SSN-shaped, no SSN), a census access code, a fishing licence
  number, an ABHA number (14 digits), an IMSI (15 digits, MCC first), a SIM ICCID, a DIN 43863-5 meter
  number, a marketplace seller id, Twilio SIDs, a Cloudflare Ray ID, an Exim message id, a Kafka offset,
  a Suricata `flow_id`, an auditd event stamp, OTLP `timeUnixNano`, `traceId` and `spanId`, a Zendesk
  ticket id, a loss location's coordinates and a container image digest are negatives.
- Twilio webhook: `From`/`To` are phone numbers; a number, NHS number or birth date written in `Body` is
  labelled as what the sender says it is (`DOB` cue).
- Cloudflare Logpush: `ClientIP` is an IP address, `ClientRequestReferer` a URL, `ClientRequestHost` a
  bare host (a negative), `EdgeStartTimestamp` (Unix nanoseconds) and `RayID` negatives.
- Exim mainlog: the sender after `<=`, the recipient after `=>` and `A=<authenticator>:<id>` holding an
  e-mail address are e-mail addresses; `H=` host names are bare hosts (negatives), the bracketed
  address an IP address, `S=` a size (a negative).
- Kafka Connect: a `Struct{...}` value's fields are labelled by what they hold (`birth_date` a birth date
  by its field name); offset, timestamp and the class's line number are negatives.
- Outlook CSV export: `Birthday` is a birth date; `Anniversary` is not (a negative); `Web Page` a URL.
- macOS `log show`: the timestamp (microseconds and zone), thread id and pid are negatives; an address
  `from server`, a router or neighbour MAC, an account e-mail and a visited URL are labelled.
- `networkctl status`: `HW Address: <mac> (Vendor)` labels the MAC address without the vendor; the
  `Address`/`Gateway`/`DNS` values are IP addresses; `resolvectl`'s `DNS Domain` is a bare host.
- Suricata eve.json: `src_ip`/`dest_ip` IP addresses, `ether.src_mac`/`dest_mac` MAC addresses,
  `http.http_refer` a URL, `http.hostname` a bare host (a negative), `flow_id`, `signature_id` and ports
  negatives.
- PostgreSQL `DETAIL:  Failing row contains (...)` lists the row's columns in table order; the violated
  constraint names the birth-date column (`patients_date_of_birth_check`), so the date in that row is a
  birth date; the row's uuid and created-at timestamp are negatives.
- OTLP log record: `host.ip` and `client.address` are IP addresses, `enduser.id` an e-mail address when
  it holds one, `url.full` a URL, `provider.npi` an NPI.
- auditd: `addr=` is an IP address and `acct="..."` an e-mail address when it holds one; the
  `audit(<epoch>.<ms>:<serial>)` stamp, pids, auid and ses are negatives.
"""

from __future__ import annotations

import random
import string
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from phantom_pii_heldout5_data import _alnum  # noqa: E402
from phantom_pii_heldout9_data import LOCALES  # noqa: E402
from phantom_pii_heldout11_data import SEED11  # noqa: E402  (also registers every H11 name)
from phantom_pii_multilingual_data import (  # noqa: E402
    NEGATIVES,
    VALUES,
    digits,
    fill,
    label_fhir_system_urls,
    print_batch_counts,
)

SEED12 = 12012
assert SEED12 != SEED11
UP = string.ascii_uppercase
HEX = "0123456789abcdef"
BASE62 = string.digits + string.ascii_letters

# heldout11's generators under H12 names (the registries are shared by name across modules: the H12 copies
# leave every H11 entry as it was)
VALUES.update({"H12" + name[3:]: entry for name, entry in list(VALUES.items()) if name.startswith("H11")})
NEGATIVES.update({"H12" + name[3:]: make for name, make in list(NEGATIVES.items()) if name.startswith("H11")})


# -- new hard negatives built from their specifications ----------------------------------------------


def _stamp(rnd: random.Random) -> str:
    """A wall-clock date and time, `YYYY-MM-DD HH:MM:SS` (Exim's and PostgreSQL's log prefix)."""
    return (
        f"{rnd.randint(2019, 2026)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d} "
        f"{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}"
    )


def _unified_log_ts(rnd: random.Random) -> str:
    """macOS `log show`'s timestamp: microseconds and the zone offset."""
    return f"{_stamp(rnd)}.{digits(rnd, 6)}{rnd.choice(['+0000', '+0100', '+0200', '-0500', '+0530'])}"


def _suricata_ts(rnd: random.Random) -> str:
    """Suricata eve.json's timestamp: ISO 8601 with microseconds and a `+hhmm` offset."""
    return _stamp(rnd).replace(" ", "T") + f".{digits(rnd, 6)}+0000"


def _juror(rnd: random.Random) -> str:
    """A juror participant number: nine digits, as the summons prints it (SSN-shaped, no SSN)."""
    return rnd.choice("123456789") + digits(rnd, 8)


def _abha(rnd: random.Random) -> str:
    """An ABHA (Ayushman Bharat Health Account) number: 14 digits grouped 2-4-4-4 (shape only)."""
    return f"{rnd.randint(10, 99)}-{digits(rnd, 4)}-{digits(rnd, 4)}-{digits(rnd, 4)}"


def _twilio_sid(prefix: str):
    """A Twilio SID: a two-letter type prefix (`SM` message, `AC` account) and 32 hexadecimal digits."""
    return lambda rnd: prefix + _alnum(rnd, 32, HEX)


def _cf_ray(rnd: random.Random) -> str:
    """A Cloudflare Ray ID: 16 hexadecimal digits and the serving data centre's IATA code."""
    return (
        _alnum(rnd, 16, HEX)
        + "-"
        + rnd.choice(["FRA", "LHR", "CDG", "AMS", "MAD", "MXP", "BOM", "GRU", "IAD"])
    )


def _exim_id(rnd: random.Random) -> str:
    """An Exim message id (classic form): base-62 time (6), process id (6) and sub-second fraction (2)."""
    return f"{_alnum(rnd, 6, BASE62)}-{_alnum(rnd, 6, BASE62)}-{_alnum(rnd, 2, BASE62)}"


def _imsi(rnd: random.Random) -> str:
    """An IMSI (ITU-T E.212): a mobile country code, a mobile network code, the MSIN; 15 digits in all."""
    mcc_mnc = rnd.choice(["26201", "26202", "21407", "21401", "72406", "72410", "23415", "20810", "22210"])
    return mcc_mnc + digits(rnd, 15 - len(mcc_mnc))


def _meter_din(rnd: random.Random) -> str:
    """A German electricity meter number (DIN 43863-5): sector digit `1`, a three-letter FLAG manufacturer
    code, a two-digit fabrication block and an eight-digit serial."""
    return "1" + rnd.choice(["EMH", "ESY", "ITF", "LGZ", "EBZ", "DZG"]) + digits(rnd, 2) + digits(rnd, 8)


def _access_code(rnd: random.Random) -> str:
    """A census access code: 16 characters in four groups (no 0/O, 1/I)."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return " ".join(_alnum(rnd, 4, alphabet) for _ in range(4))


NEW_NEGATIVES12 = {
    "H12STAMP": _stamp,
    "H12PGTS": lambda r: f"{_stamp(r)}.{digits(r, 3)} UTC",
    "H12ULOGTS": _unified_log_ts,
    "H12SURTS": _suricata_ts,
    "H12TID": lambda r: "0x" + _alnum(r, r.choice([5, 6]), HEX),
    "H12NANOS": lambda r: str(r.randint(1_600_000_000, 1_790_000_000)) + digits(r, 9),
    "H12AUDIT": lambda r: f"{r.randint(1_600_000_000, 1_790_000_000)}.{digits(r, 3)}:{r.randint(100, 99999)}",
    "H12FLOWID": lambda r: r.choice("123456789") + digits(r, r.choice([14, 15])),
    "H12OFFSET": lambda r: str(r.randint(1_000, 99_999_999)),
    "H12JUROR": _juror,
    "H12ABHA": _abha,
    "H12TWSID": _twilio_sid("SM"),
    "H12TWACCT": _twilio_sid("AC"),
    "H12CFRAY": _cf_ray,
    "H12EXIMID": _exim_id,
    "H12IMSI": _imsi,
    "H12ZAEHLER": _meter_din,
    "H12SELLER": lambda r: "A" + _alnum(r, 13, UP + string.digits),
    "H12IAC": _access_code,
    "H12FISHID": lambda r: _alnum(r, 2, UP) + digits(r, 7),
    "H12METERNO": lambda r: digits(r, 9),
}

# a new name must not shadow a mirrored H11 generator (that would silently change what the name means); checked
# against the mirrored names, not the registry, so running this module twice in one process (runpy in
# tests/test_bench_modules.py, then the set test's import) finds its own earlier entries and not a clash
MIRRORED12 = {"H12" + name[3:] for name in NEGATIVES if name.startswith("H11")}
assert not set(NEW_NEGATIVES12) & MIRRORED12, sorted(set(NEW_NEGATIVES12) & MIRRORED12)
NEGATIVES.update(NEW_NEGATIVES12)


# -- known kinds: what the earlier batches used, sampled in proportion, written fresh ----------------

KNOWN12: dict[str, list[str]] = {
    "en-US": [
        "Hi {org} billing,\n\nYour renewal notice said my plan would end on ⟦~H12DUS⟧, yet ⟦H12CARD⟧ was charged again and the receipt (⟦~H12ORDER⟧) went to an inbox I no longer use (the store gift card ⟦~H12CARDLIKE⟧ was not touched). Please send the refund confirmation to ⟦H12EM⟧ instead, or text me at ⟦H12PH⟧.\n\nBest,\n{first} {last}\nCustomer no. ⟦~H12ACCT⟧",
        "EMPLOYEE INFORMATION SHEET — {org}\nEmployee: {last}, {first}\nDate of birth ⟦H12DOB⟧ | SSN ⟦H12SSN⟧\nHome phone ⟦H12PHN⟧ | Cell ⟦H12PH⟧\nE-mail ⟦H12EM⟧\nDirect deposit routing ⟦~H12ABA⟧, account ⟦~H12ACCT⟧\nHire date ⟦~H12DUS⟧ · badge ⟦~H12BADGE⟧",
        "| MRN | Patient | DOB | Phone | Referring NPI |\n|---|---|---|---|---|\n| ⟦~H12MRN⟧ | {last}, {first} | ⟦H12DOB⟧ | ⟦H12PH⟧ | ⟦H12NPIP⟧ |\n| ⟦~H12MRN⟧ | {last}, {first2} | ⟦H12DOB⟧ | ⟦H12PHX⟧ | ⟦H12NPI⟧ |\n\nPrinted ⟦~H12DUS⟧ by the front desk",
        "{org} Dental: {first}, this is a reminder of your cleaning on ⟦~H12DUS⟧ at ⟦~H12HHMM⟧ with Dr. {last} (NPI ⟦H12NPIP⟧). Reply C to confirm or call ⟦H12PHN⟧. New-patient forms: ⟦H12URL⟧",
        "[⟦~H12CHATTS⟧] Agent Maya: Thanks for contacting {org} Wireless. Can you verify the account holder's date of birth?\n[⟦~H12CHATTS⟧] {first}: ⟦H12DOB⟧\n[⟦~H12CHATTS⟧] Agent Maya: And the last four of the SSN?\n[⟦~H12CHATTS⟧] {first}: ⟦~H12LAST4⟧, or the whole thing if that's easier: ⟦H12SSN⟧\n[⟦~H12CHATTS⟧] Agent Maya: Four is plenty! The phone with IMEI ⟦~H12IMEI⟧ is unlocked; the confirmation goes to ⟦H12EM⟧.",
        "{org} Bank alert: an international wire of $⟦~H12AMTUS⟧ to {first2} {last} at ⟦H12IBAN⟧ was sent from checking ⟦~H12ACCT⟧ on ⟦~H12DUS⟧. Not you? Call ⟦H12PHN⟧ or sign in at ⟦H12URL⟧.",
        "CLAIM FORM — {org} Health Plan\nSubscriber: {first} {last}, DOB ⟦H12DOB⟧, SSN ⟦H12SSN⟧\nRendering provider NPI ⟦H12NPI⟧, billing tax ID ⟦~H12EIN⟧ · date of service ⟦~H12DUS⟧ · claim ⟦~H12CASE⟧ · prior auth ⟦~H12NPILIKE⟧\nPatient signature on file · questions: ⟦H12PHN⟧ · ⟦H12URL⟧",
    ],
    "en-GB": [
        "Dear {first} {last},\n\nFollowing your appointment on ⟦~H12DGB⟧ we have referred you to the cardiology clinic. Please quote your NHS number ⟦H12NHS⟧ and date of birth ⟦H12DOB⟧ when you ring the booking line on ⟦H12PHX⟧, or write to ⟦H12EM⟧.\nPractice code ⟦~H12ODS⟧ · hospital no. ⟦~H12NHSLIKE⟧\n\nYours sincerely,\nDr {first2} {last}",
        "{org}: Hi {first}, order ⟦~H12ORDER⟧ arrives ⟦~H12DGB⟧ between ⟦~H12HHMM⟧ and ⟦~H12HHMM⟧. Track it at ⟦H12URLS⟧ or reply to ⟦H12EM⟧. Your driver's number: ⟦H12PH⟧.",
        "--\n{first} {last} | Senior Buyer\n{org} plc\nT: ⟦H12PHX⟧  M: ⟦H12PH⟧\nE: ⟦H12EM⟧  W: ⟦H12URLP⟧\nRegistered in England no. ⟦~H12KVK⟧ · VAT ⟦~H12GBVAT⟧",
        "staff_no|surname|forename|dob|ni_number|mobile|nhs_no\n⟦~H12EMPID⟧|{last}|{first}|⟦H12DOB⟧|⟦~H12NINO⟧|⟦H12PH⟧|⟦H12NHSP⟧\n⟦~H12EMPID⟧|{last}|{first2}|⟦H12DOB⟧|⟦~H12NINO⟧|⟦H12PHI⟧|⟦H12NHSP⟧",
        "{org}: A payment of £⟦~H12AMTGB⟧ to {first2} {last} (sort code ⟦~H12SORT⟧) was made with card ⟦H12CARD⟧ on ⟦~H12DGB⟧. If you don't recognise it, call ⟦H12PHN⟧ now. Refunds go back to ⟦H12IBAN⟧.",
    ],
    "en-IN": [
        "Rs ⟦~H12AMTIN⟧ spent on {org} card ⟦H12CARD⟧ on ⟦~H12DIN⟧ at ⟦~H12HHMM⟧. A/c XX⟦~H12LAST4⟧. Not you? Call ⟦H12PH⟧ or write to ⟦H12EM⟧. Ref ⟦~H12UTR⟧",
        "EMPLOYEE JOINING FORM — {org} Pvt Ltd\nName: {first} {last}\nDate of Birth: ⟦H12DOB⟧\nPersonal email: ⟦H12EM⟧ | Mobile: ⟦H12PHI⟧ | Emergency contact: ⟦H12PH⟧\nPAN: ⟦~H12PAN⟧ | UAN: ⟦~H12UAN⟧ | Aadhaar: ⟦~H12AADHAAR⟧\nLinkedIn: ⟦H12URLS⟧\nSalary account IFSC ⟦~H12IFSC⟧ · Date of joining ⟦~H12DIN⟧",
        "Dear {first}, your consultation at {org} Hospitals is on ⟦~H12DIN⟧, ⟦~H12HHMM⟧. UHID ⟦~H12MRN⟧. To reschedule visit ⟦H12URL⟧ or call ⟦H12PHN⟧. Reports will be mailed to ⟦H12EM⟧.",
        "Agent: {org} Telecom, how may I help you?\nCustomer: My bill shows a charge I did not make. My number is ⟦H12PHS⟧.\nAgent: For verification, your date of birth?\nCustomer: ⟦H12DOB⟧.\nAgent: Thank you. The refund goes to the card ending ⟦~H12LAST4⟧ within seven days; ticket ⟦~H12CASE⟧. Which email should get the revised invoice?\nCustomer: ⟦H12EM⟧",
    ],
    "fr-FR": [
        "Madame, Monsieur,\n\nJe constate sur mon relevé un prélèvement du ⟦~H12DFR⟧ que je n'ai pas autorisé (compte ⟦H12IBAN⟧, référence de mandat ⟦~H12MANDATE⟧). Merci de me recontacter au ⟦H12PH⟧ ou par courriel à ⟦H12EM⟧.\n\nCordialement,\n{first} {last}",
        "FICHE DE RENSEIGNEMENTS — {org} SAS\nNom : {last} · Prénom : {first}\nNé(e) le : ⟦H12DOB⟧\nN° de sécurité sociale : ⟦~H12NIR⟧\nTél. portable : ⟦H12PH⟧ · Tél. fixe : ⟦H12PHN⟧\nAdresse électronique : ⟦H12EM⟧\nPersonne à prévenir : ⟦H12PHX⟧\nRIB : ⟦H12IBAN⟧\nDate d'entrée : ⟦~H12DFR⟧",
        "Rappel : RDV le ⟦~H12DFR⟧ à ⟦~H12HHMM⟧ chez le Dr {last}. Acompte réglé par carte ⟦H12CARD⟧. Pour annuler : ⟦H12URL⟧ ou ⟦H12PHN⟧. Réf. ⟦~H12CASE⟧",
        "Confirmation de réservation — Hôtel {org}\nClient : {first} {last}\nArrivée ⟦~H12DFR⟧ · départ ⟦~H12DFR⟧ · chambre ⟦~H12ROOM⟧\nCarte de garantie : ⟦H12CARD⟧, exp. ⟦~H12EXP⟧\nContact : ⟦H12PHI⟧ · ⟦H12EM⟧",
    ],
    "de-DE": [
        "Sehr geehrte Damen und Herren,\n\nhiermit widerspreche ich der Lastschrift vom ⟦~H12DDE⟧ über ⟦~H12AMTDE⟧ EUR von meinem Konto ⟦H12IBAN⟧ (Gläubiger-ID ⟦~H12CI⟧). Bitte bestätigen Sie mir die Rückbuchung an ⟦H12EM⟧; telefonisch bin ich unter ⟦H12PHX⟧ erreichbar.\n\nMit freundlichen Grüßen\n{first} {last}",
        "MITGLIEDSANTRAG — TSV {org}\nName: {last}, Vorname: {first}\nGeburtsdatum: ⟦H12DOB⟧\nTelefon: ⟦H12PHN⟧ · Mobil: ⟦H12PH⟧\nE-Mail: ⟦H12EM⟧\nSEPA-Lastschriftmandat für ⟦H12IBAN⟧ · Mandatsreferenz ⟦~H12MANDATE⟧\nEintritt zum ⟦~H12DDE⟧",
        "Mit freundlichen Grüßen\n\n{first} {last}\nVertriebsleitung\n{org} GmbH\nTel. ⟦H12PHX⟧\nMobil ⟦H12PH⟧\nFax ⟦H12PHN⟧\n⟦H12EM⟧ · ⟦H12URLP⟧\nUSt-IdNr. ⟦~H12USTID⟧",
        "[⟦~H12CHATTS⟧] {first}: Schickst du mir deine Kontodaten für das Geschenk?\n[⟦~H12CHATTS⟧] {first2}: ⟦H12IBAN⟧, Verwendungszweck ⟦~H12CASE⟧\n[⟦~H12CHATTS⟧] {first2}: oder PayPal an ⟦H12EM⟧, BTC geht auch: ⟦H12BTC⟧\n[⟦~H12CHATTS⟧] {first}: 👍 ruf mich kurz an: ⟦H12PH⟧",
    ],
    "it-IT": [
        "Gentile {org},\nscrivo per contestare l'addebito del ⟦~H12DIT⟧ sulla carta ⟦H12CARD⟧ (ordine ⟦~H12ORDER⟧). Potete rispondermi a ⟦H12EM⟧ o chiamarmi al ⟦H12PH⟧.\nCordiali saluti,\n{first} {last} — C.F. ⟦~H12CF⟧",
        "SCHEDA ANAGRAFICA PAZIENTE — Studio {org}\nCognome e nome: {last} {first}\nData di nascita: ⟦H12DOB⟧\nCodice fiscale: ⟦~H12CF⟧\nTelefono: ⟦H12PHN⟧ · Cellulare: ⟦H12PH⟧\nE-mail: ⟦H12EM⟧\nMedico curante: tel. ⟦H12PHX⟧\nPrima visita: ⟦~H12DIT⟧",
        "{org} Banca: bonifico di € ⟦~H12AMTIT⟧ disposto il ⟦~H12DIT⟧ dal conto ⟦H12IBAN⟧ a favore di {first2} {last} (CRO ⟦~H12UTR⟧). Non l'hai fatto tu? Chiama il ⟦H12PHN⟧ o accedi a ⟦H12URL⟧.",
    ],
    "es-ES": [
        "Buenas tardes:\nOs escribo porque el recibo del ⟦~H12DES⟧ se ha cargado dos veces en ⟦H12IBAN⟧. Podéis llamarme al ⟦H12PH⟧ o escribirme a ⟦H12EM⟧.\nUn saludo,\n{first} {last}\nN.º de cliente ⟦~H12ACCT⟧",
        "FICHA DE INSCRIPCIÓN — Gimnasio {org}\nNombre y apellidos: {first} {last}\nFecha de nacimiento: ⟦H12DOB⟧\nDNI/NIE: ⟦~H12NIE⟧\nMóvil: ⟦H12PH⟧ · Fijo: ⟦H12PHN⟧\nCorreo: ⟦H12EM⟧\nCuota domiciliada en ⟦H12IBAN⟧ desde el ⟦~H12DES⟧",
        "{org}: tu pedido ⟦~H12ORDER⟧ llega el ⟦~H12DES⟧. Pagado con ⟦H12CARD⟧. Sigue el envío en ⟦H12URL⟧. Repartidor: ⟦H12PH⟧. Envío ⟦~H12S10⟧.",
        "Centro Médico {org}\nPaciente: {first} {last} (F. nac. ⟦H12DOB⟧)\nCita: ⟦~H12DES⟧ a las ⟦~H12HHMM⟧ · consulta ⟦~H12ROOM⟧\nSi no puede acudir llame al ⟦H12PHX⟧ o escriba a ⟦H12EM⟧.\nFianza de la consulta cobrada en ⟦H12CARD⟧.",
    ],
    "nl-NL": [
        "Geachte heer/mevrouw,\n\nOp ⟦~H12DNL⟧ is ⟦~H12AMTNL⟧ euro afgeschreven van mijn rekening ⟦H12IBAN⟧ zonder dat ik daarvoor een machtiging heb gegeven (kenmerk ⟦~H12MANDATE⟧). Graag terugboeken en mij bellen op ⟦H12PH⟧ of mailen naar ⟦H12EM⟧.\n\nMet vriendelijke groet,\n{first} {last}",
        "PERSONEELSGEGEVENS — {org} B.V.\nNaam: {first} {last}\nGeboortedatum: ⟦H12DOB⟧\nBSN: ⟦~H12BSN⟧\nTelefoon: ⟦H12PHN⟧ · mobiel ⟦H12PH⟧\nE-mail: ⟦H12EM⟧\nSalaris naar ⟦H12IBAN⟧ · in dienst per ⟦~H12DNL⟧",
        "{org}: je pakket ⟦~H12S10⟧ wordt ⟦~H12DNL⟧ bezorgd. Volg het via ⟦H12URL⟧. Vragen? ⟦H12PHN⟧ of ⟦H12EM⟧. Betaald met ⟦H12CARD⟧.",
    ],
    "pt-BR": [
        "Prezados,\nfui cobrado duas vezes em ⟦~H12DBR⟧ no cartão ⟦H12CARD⟧ (pedido ⟦~H12ORDER⟧). Solicito o estorno. Meu WhatsApp é ⟦H12PH⟧ e meu e-mail ⟦H12EM⟧.\nAtenciosamente,\n{first} {last} — CPF ⟦~H12CPF⟧",
        "FICHA CADASTRAL — Academia {org}\nNome: {first} {last}\nData de nascimento: ⟦H12DOB⟧\nCPF: ⟦~H12CPF⟧ · CEP: ⟦~H12CEP⟧\nCelular: ⟦H12PH⟧ · Telefone fixo: ⟦H12PHN⟧\nE-mail: ⟦H12EM⟧\nDébito automático: ⟦H12IBAN⟧",
        "{org} Saúde: olá {first}, sua consulta está marcada para ⟦~H12DBR⟧ às ⟦~H12HHMM⟧. Confirme em ⟦H12URL⟧ ou pelo ⟦H12PHN⟧. Dúvidas: ⟦H12EM⟧. Protocolo ⟦~H12CASE⟧.",
    ],
    "tech": [
        '⟦H12IP⟧ - - [⟦~H12CLF⟧] "POST /account/recover HTTP/1.1" 302 0 "⟦H12URLS⟧" "Mozilla/5.0 (X11; Linux x86_64)"\n⟦H12IP6⟧ - - [⟦~H12CLF⟧] "GET /assets/site.css HTTP/1.1" 200 ⟦~H12BYTES⟧ "⟦H12URLS⟧" "curl/⟦~H12VER⟧"',
        '{"user": {"id": "⟦~H12UUID⟧", "contact": {"email": "⟦H12EM⟧", "mobile": "⟦H12PHE⟧"}, "dateOfBirth": "⟦H12DOBI⟧", "taxId": "⟦H12SSN⟧", "lastLoginIp": "⟦H12IP⟧", "lastLocation": "⟦~H12COORD⟧", "paymentCard": "⟦H12CARD⟧", "createdAt": "⟦~H12ISOTS⟧"}}',
        '{"resourceType": "Patient", "id": "⟦~H12UUID⟧", "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "⟦H12NHSP⟧"}], "birthDate": "⟦H12DOBI⟧", "telecom": [{"system": "phone", "value": "⟦H12PHE⟧", "use": "mobile"}, {"system": "email", "value": "⟦H12EM⟧"}], "generalPractitioner": [{"identifier": {"system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "⟦~H12ODS⟧"}}], "meta": {"lastUpdated": "⟦~H12ISOTS⟧"}}',
        '{"resourceType": "Practitioner", "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "⟦H12NPIP⟧"}, {"system": "urn:oid:2.16.840.1.113883.3.4242", "value": "⟦~H12MRN⟧"}], "name": [{"family": "{last}", "given": ["{first}"]}], "telecom": [{"system": "phone", "value": "⟦H12PHE⟧", "use": "work"}, {"system": "email", "value": "⟦H12EM⟧"}], "birthDate": "⟦H12DOBI⟧"}',
        "MSH|^~\\&|ADT|{org}|LIS|{org}|⟦~H12HL7TS⟧||ADT^A04|⟦~H12MSGCTRL⟧|P|2.5.1\nEVN|A04|⟦~H12HL7TS⟧\nPID|1||⟦H12NHSP⟧^^^NHS^NH~⟦~H12MRN⟧^^^MR||{last}^{first}||⟦H12DOBB⟧|F|||||⟦H12PHE⟧|||||⟦~H12ACCT⟧|⟦H12SSN⟧\nPV1|1|O|||||⟦H12NPIP⟧^{last}^{first2}^^^^^^NPI",
        "⟦~H12TS⟧ bastion sshd[⟦~H12PID⟧]: Failed password for invalid user admin from ⟦H12IP⟧ port ⟦~H12SRCPORT⟧ ssh2\n⟦~H12TS⟧ bastion dhcpd[⟦~H12PID⟧]: DHCPREQUEST for ⟦H12IP⟧ from ⟦H12MAC⟧ via eth0\n⟦~H12TS⟧ bastion sudo[⟦~H12PID⟧]: {first} : TTY=pts/0 ; PWD=/srv/payouts ; USER=root ; COMMAND=/usr/bin/journalctl # paged ⟦H12EM⟧",
        "dn: uid={first},ou=people,dc={org},dc=org\nobjectClass: inetOrgPerson\ncn: {first} {last}\nmail: ⟦H12EM⟧\ntelephoneNumber: ⟦H12PHE⟧\nmobile: ⟦H12PHE⟧\nlabeledURI: ⟦H12URLS⟧ team page\nemployeeNumber: ⟦~H12EMPID⟧",
        "INSERT INTO members (email, mobile, dob, iban, signup_ip, router_mac, created) VALUES\n('⟦H12EM⟧', '⟦H12PHE⟧', '⟦H12DOBI⟧', '⟦H12IBANC⟧', '⟦H12IP⟧', '⟦H12MAC⟧', '⟦~H12ISODATE⟧'),\n('⟦H12EM⟧', '⟦H12PHE⟧', '⟦H12DOBI⟧', '⟦H12IBANC⟧', '⟦H12IP6⟧', '⟦H12MAC⟧', '⟦~H12ISODATE⟧');",
        "# .env for the {org} payout worker\nSUPPORT_EMAIL=⟦H12EM⟧\nONCALL_PHONE=⟦H12PHE⟧\nWEBHOOK_URL=⟦H12URLS⟧\nHOT_WALLET=⟦H12ETH⟧\nCOLD_WALLET=⟦H12BTC⟧\nDB_HOST=⟦~H12HOST⟧\nDB_PORT=⟦~H12PORT⟧\nRELEASE=⟦~H12SEMVER⟧",
        "timestamp,asset,to_address,amount,txid\n⟦~H12ISODATE⟧,BTC,⟦H12BTC⟧,⟦~H12QTY⟧,⟦~H12TXID⟧\n⟦~H12ISODATE⟧,ETH,⟦H12ETH⟧,⟦~H12QTY⟧,⟦~H12TXID⟧\n⟦~H12ISODATE⟧,BTC,⟦H12BTC⟧,⟦~H12QTY⟧,⟦~H12TXID⟧",
        "curl -s ⟦H12URLS⟧ -H 'Authorization: Bearer ⟦~H12HEX32⟧' --data-urlencode 'email=⟦H12EM⟧' --data-urlencode 'phone=⟦H12PHE⟧' --data-urlencode 'card=⟦H12CARD⟧' --data-urlencode 'idempotency=⟦~H12UUID⟧'",
        '# monitoring.yaml\nalerts:\n  notify: ⟦H12EM⟧\n  sms: "⟦H12PHE⟧"\n  runbook: ⟦H12URLS⟧\nprobes:\n  - name: core-switch\n    image: "prom/blackbox-exporter@⟦~H12DIGEST⟧"\n    ip: ⟦H12IP⟧\n    mac: "⟦H12MAC⟧"\n    interval: 30s\n  - name: smtp\n    host: ⟦~H12HOST⟧\n    port: ⟦~H12PORT⟧',
        "$ arp -an\n? (⟦H12IP⟧) at ⟦H12MAC⟧ [ether] on eth0\n? (⟦H12IP⟧) at ⟦H12MAC⟧ [ether] on eth0\n? (⟦H12IP⟧) at <incomplete> on eth0\n# {first}'s desk: ask ⟦H12EM⟧ before unplugging",
    ],
}


# -- new kinds: document kinds no earlier batch used --------------------------------------------------

NEW12: dict[str, list[str]] = {
    "en-US": [
        "JUROR SUMMONS — Superior Court of {org} County\nJuror participant no. ⟦~H12JUROR⟧ · group ⟦~H12PID⟧\nReport for service on ⟦~H12DUS⟧ at ⟦~H12HHMM⟧\nComplete the juror questionnaire online at ⟦H12URL⟧\nJuror: {first} {last}, date of birth ⟦H12DOB⟧\nDaytime phone ⟦H12PH⟧ · e-mail ⟦H12EM⟧ · last four of SSN ⟦~H12LAST4⟧",
        "STUDENT LOAN STATEMENT — {org} Loan Servicing\nBorrower: {first} {last} · SSN ⟦H12SSN⟧ · DOB ⟦H12DOB⟧\nLoan account ⟦~H12LOAN⟧ · statement date ⟦~H12DUS⟧ · payment due ⟦~H12DUS⟧\nAuto-debit card ⟦H12CARD⟧ · questions: ⟦H12PHN⟧, ⟦H12URL⟧\nCo-signer: {first2} {last}, ⟦H12PHX⟧",
        "FNOL — first notice of loss, phone intake\nPolicy ⟦~H12POLICY⟧ · claim ⟦~H12CASE⟧ · date of loss ⟦~H12DUS⟧ ⟦~H12HHMM⟧ · telematics location ⟦~H12COORD⟧\nCaller: {first} {last} (named insured), DOB ⟦H12DOB⟧, callback ⟦H12PHS⟧\nInjured passenger SSN (Section 111 reporting): ⟦H12SSN⟧ · treated at {org} ER, attending NPI ⟦H12NPI⟧\nOther driver: {first2}, ⟦H12PH⟧, plate ⟦~H12PLATEUS⟧\nPhotos to ⟦H12EM⟧",
        "START SERVICE REQUEST — {org} Electric & Gas\nNew customer: {first} {last}, date of birth ⟦H12DOB⟧, SSN (credit check) ⟦H12SSN⟧\nMove-in date ⟦~H12DUS⟧ · meter no. ⟦~H12METERNO⟧ · previous account ⟦~H12ACCT⟧\nCell ⟦H12PH⟧ · paperless bills to ⟦H12EM⟧\nDeposit paid with ⟦H12CARD⟧",
        "{org} DEPARTMENT OF FISH AND WILDLIFE — RESIDENT FISHING LICENSE\nLicensee: {first} {last}    DOB ⟦H12DOB⟧    SSN (required by state law) ⟦H12SSN⟧\nCustomer ID ⟦~H12FISHID⟧ · license year ⟦~H12YEAR⟧ · valid ⟦~H12DUS⟧ to ⟦~H12DUS⟧\nPaid by card ⟦H12CARD⟧ · receipt to ⟦H12EM⟧ · phone on file ⟦H12PHN⟧",
        "TELEHEALTH INTAKE — {org} Virtual Care\nPatient: {first} {last}, DOB ⟦H12DOB⟧\nVideo link sent to ⟦H12EM⟧ and by text to ⟦H12PH⟧\nPrimary care NPI ⟦H12NPIP⟧ · preferred pharmacy NPI ⟦H12NPI⟧, pharmacy phone ⟦H12PHN⟧\nVisit ⟦~H12CASE⟧ on ⟦~H12DUS⟧ · member ID ⟦~H12MEMBER⟧ · referral auth ⟦~H12NPILIKE⟧",
    ],
    "en-GB": [
        "JURY SUMMONS — HM Courts & Tribunals Service\nJuror number ⟦~H12JUROR⟧ · attend {org} Crown Court on ⟦~H12DGB⟧ at ⟦~H12HHMM⟧\nReply within 7 days at ⟦H12URL⟧\nSummoned person: {first} {last}, date of birth ⟦H12DOB⟧\nPhone ⟦H12PH⟧ · e-mail ⟦H12EM⟧ · NI number ⟦~H12NINO⟧",
        "CENSUS HOUSEHOLD QUESTIONNAIRE\nInternet access code ⟦~H12IAC⟧ · census day ⟦~H12DGB⟧\nPerson 1: {first} {last} · date of birth ⟦H12DOB⟧\nPerson 2: {first2} {last} · date of birth ⟦H12DOB⟧\nVisitor staying since ⟦~H12DGB⟧\nContact telephone ⟦H12PHN⟧ · e-mail ⟦H12EM⟧",
        "ENVIRONMENT AGENCY — ROD FISHING LICENCE\nLicence number ⟦~H12FISHID⟧ · 12 months from ⟦~H12DGB⟧\nHolder: {first} {last}, date of birth ⟦H12DOB⟧ (senior concession)\nPaid by card ⟦H12CARD⟧ · confirmation sent to ⟦H12EM⟧ and ⟦H12PH⟧",
        "{org} Pharmacy: {first}, your repeat prescription (NHS no. ⟦H12NHS⟧, DOB ⟦H12DOB⟧) is ready to collect from ⟦~H12DGB⟧. Token ⟦~H12EPS⟧. Questions: ⟦H12PHN⟧ · order next time at ⟦H12URL⟧",
        "MAINTENANCE REQUEST #⟦~H12ISSUE⟧ — {org} Property Management\nTenant: {first} {last}, flat ⟦~H12ROOM⟧\nIssue: boiler pressure drops overnight\nAccess: contractor may enter on ⟦~H12DGB⟧ from ⟦~H12HHMM⟧\nContact ⟦H12PH⟧ / ⟦H12PHX⟧ · ⟦H12EM⟧\nCall-out fee authorised on card ⟦H12CARD⟧",
        "FLU VACCINATION RECORD — {org} Pharmacy\nPatient: {first} {last}, NHS number ⟦H12NHSP⟧, DOB ⟦H12DOB⟧\nVaccine batch ⟦~H12SERIAL⟧ · given ⟦~H12DGB⟧ · next due ⟦~H12DGB⟧\nGP practice ⟦~H12ODS⟧ notified · copy sent to ⟦H12EM⟧ · pharmacy ⟦H12PHX⟧",
        "NHS 111 CALLBACK — clinician note\nCaller: {first} {last}, NHS number ⟦H12NHS⟧, date of birth ⟦H12DOB⟧\nCall back on ⟦H12PH⟧ (alternative ⟦H12PHN⟧) · callback due ⟦~H12DGB⟧ ⟦~H12HHMM⟧\nCase ⟦~H12CASE⟧ · registered GP ⟦~H12ODS⟧ · summary to ⟦H12EM⟧",
    ],
    "en-IN": [
        "SELLER REGISTRATION — {org} Marketplace\nSeller: {first} {last} (proprietor)\nGSTIN ⟦~H12GSTIN⟧ · PAN ⟦~H12PAN⟧ · seller ID ⟦~H12SELLER⟧\nSettlement account IFSC ⟦~H12IFSC⟧; export payouts to ⟦H12IBAN⟧\nContact ⟦H12PHI⟧ · ⟦H12EM⟧ · store page ⟦H12URLS⟧",
        "EDUCATION LOAN — ANNUAL STATEMENT, {org} Bank\nBorrower: {first} {last}, DOB ⟦H12DOB⟧\nLoan a/c ⟦~H12LOAN⟧ · moratorium ends ⟦~H12DIN⟧ · EMI Rs ⟦~H12AMTIN⟧\nCo-applicant {first2} {last}: ⟦H12PH⟧\nStatement mailed to ⟦H12EM⟧; pay online at ⟦H12URL⟧",
        "TELECONSULTATION REGISTRATION — {org} Health\nPatient: {first} {last} · Date of Birth ⟦H12DOB⟧\nABHA number ⟦~H12ABHA⟧ · token ⟦~H12PID⟧\nMobile ⟦H12PH⟧ · email ⟦H12EM⟧\nConsultation on ⟦~H12DIN⟧; fee paid by card ⟦H12CARD⟧",
        "APPLICATION FOR NEW ELECTRICITY CONNECTION — {org} Power Distribution\nApplicant: {first} {last}, DOB ⟦H12DOB⟧\nAadhaar ⟦~H12AADHAAR⟧ · consumer no. after energisation ⟦~H12CONSUMER⟧\nMobile ⟦H12PHI⟧ · alternate ⟦H12PHN⟧ · e-mail ⟦H12EM⟧\nApplication fee by card ⟦H12CARD⟧ on ⟦~H12DIN⟧",
    ],
    "fr-FR": [
        "CONVOCATION — JURÉ D'ASSISES\nCour d'assises de {org}, session ouverte le ⟦~H12DFR⟧ à ⟦~H12HHMM⟧\nJuré : {first} {last}, né(e) le ⟦H12DOB⟧\nMerci de confirmer votre présence au ⟦H12PHN⟧ ou à ⟦H12EM⟧\nIndemnités versées sur ⟦H12IBAN⟧ · n° de liste ⟦~H12JUROR⟧",
        "RECENSEMENT DE LA POPULATION — bulletin individuel\nCode d'accès ⟦~H12IAC⟧ · passage de l'agent le ⟦~H12DFR⟧\n{first} {last}, date de naissance ⟦H12DOB⟧\nAgent recenseur : {first2}, ⟦H12PH⟧\nRéponse en ligne : ⟦H12URL⟧ · courriel ⟦H12EM⟧",
        "CARTE DE PÊCHE ⟦~H12YEAR⟧ — AAPPMA {org}\nTitulaire : {first} {last}, né(e) le ⟦H12DOB⟧\nN° de carte ⟦~H12FISHID⟧ · valable jusqu'au ⟦~H12DFR⟧\nPayée par carte bancaire ⟦H12CARD⟧ · ⟦H12EM⟧ · ⟦H12PHI⟧",
        "DÉMÉNAGEMENT — résiliation de votre contrat d'électricité {org}\nTitulaire : {first} {last}\nPDL ⟦~H12PDL⟧ · relevé de sortie au ⟦~H12DFR⟧ · index ⟦~H12PID⟧ kWh\nRemboursement du trop-perçu sur ⟦H12IBAN⟧\nNouveau contact : ⟦H12EM⟧ · ⟦H12PH⟧",
    ],
    "de-DE": [
        "PREPAID-REGISTRIERUNG nach § 172 TKG — {org} Mobil\nName: {first} {last}, Geburtsdatum ⟦H12DOB⟧\nSIM-Karte ⟦~H12ICCID⟧ · IMSI ⟦~H12IMSI⟧\nRufnummer ⟦H12PH⟧ · E-Mail ⟦H12EM⟧\nAufladung per Karte ⟦H12CARD⟧ · Identität geprüft am ⟦~H12DDE⟧ (Video-Ident)",
        "ANTRAG AUF ERTEILUNG EINES FISCHEREISCHEINS — Stadt {org}\n{first} {last}, geboren am ⟦H12DOB⟧\nFischerprüfung bestanden am ⟦~H12DDE⟧, Prüfungsnr. ⟦~H12FISHID⟧\nTelefon ⟦H12PHN⟧ · E-Mail ⟦H12EM⟧\nGebühr per Lastschrift von ⟦H12IBAN⟧",
        "{org} Exchange — Auszahlung bestätigt\nHallo {first}, 0,25 ETH wurden am ⟦~H12DDE⟧ an ⟦H12ETH⟧ gesendet.\nTx-Hash ⟦~H12TXID⟧\nAnmeldung von IP ⟦H12IP⟧ · nicht du? ⟦H12EM⟧ · ⟦H12PHI⟧\nEUR-Auszahlungen gehen weiterhin an ⟦H12IBAN⟧",
        "ZENSUS — Haushaltebefragung, Erhebungsbogen\nZugangskennung ⟦~H12IAC⟧ · Stichtag ⟦~H12DDE⟧\nPerson 1: {first} {last}, Geburtsdatum ⟦H12DOB⟧\nPerson 2: {first2} {last}, Geburtsdatum ⟦H12DOB⟧\nRückfragen an die Erhebungsstelle ⟦H12PHN⟧ · Online-Meldung ⟦H12URL⟧ · Ihre E-Mail ⟦H12EM⟧",
        "UMZUGSMITTEILUNG — Stromliefervertrag {org}\nKunde: {first} {last}\nZählernummer ⟦~H12ZAEHLER⟧ · Zählerstand ⟦~H12PID⟧ kWh am ⟦~H12DDE⟧\nAbschläge weiter von ⟦H12IBAN⟧\nErreichbar unter ⟦H12PH⟧ · ⟦H12EM⟧",
    ],
    "it-IT": [
        "LICENZA DI PESCA DILETTANTISTICA — Regione {org}\nTitolare: {first} {last}, nato/a il ⟦H12DOB⟧, C.F. ⟦~H12CF⟧\nLicenza n. ⟦~H12FISHID⟧ · rilasciata il ⟦~H12DIT⟧\nVersamento con carta ⟦H12CARD⟧ · ricevuta a ⟦H12EM⟧ · cell. ⟦H12PH⟧",
        "RICHIESTA DI VOLTURA — fornitura luce e gas {org}\nNuovo intestatario: {first} {last}, nato/a il ⟦H12DOB⟧\nPOD ⟦~H12POD⟧ · lettura al ⟦~H12DIT⟧\nAddebito SEPA su ⟦H12IBAN⟧\nRecapiti: ⟦H12PHN⟧ · ⟦H12EM⟧",
        "CENSIMENTO PERMANENTE DELLA POPOLAZIONE — questionario\nCodice famiglia ⟦~H12IAC⟧ · intervista del ⟦~H12DIT⟧\nComponente 1: {first} {last}, data di nascita ⟦H12DOB⟧\nRilevatore: ⟦H12PH⟧ · compila online su ⟦H12URL⟧ · e-mail di contatto ⟦H12EM⟧",
    ],
    "es-ES": [
        "REGISTRO DE TARJETA PREPAGO — {org} Móvil\nTitular: {first} {last}, fecha de nacimiento ⟦H12DOB⟧, DNI ⟦~H12DNI⟧\nSIM ⟦~H12ICCID⟧ · IMSI ⟦~H12IMSI⟧ · número asignado ⟦H12PH⟧\nRecargas con tarjeta ⟦H12CARD⟧ · avisos a ⟦H12EM⟧",
        "NOTIFICACIÓN — candidato a jurado, Audiencia Provincial de {org}\nCandidato: {first} {last}, nacido/a el ⟦H12DOB⟧, DNI ⟦~H12DNI⟧\nComparecencia el ⟦~H12DES⟧ a las ⟦~H12HHMM⟧\nOficina del jurado: ⟦H12PHN⟧ · ⟦H12EM⟧ · ⟦H12URL⟧",
        "LICENCIA DE PESCA CONTINENTAL — Comunidad de {org}\nTitular: {first} {last}, nacimiento ⟦H12DOB⟧\nN.º de licencia ⟦~H12FISHID⟧ · válida hasta ⟦~H12DES⟧\nPago con tarjeta ⟦H12CARD⟧ · justificante en ⟦H12EM⟧ · móvil ⟦H12PH⟧",
    ],
    "nl-NL": [
        "VISPAS ⟦~H12YEAR⟧ — hengelsportvereniging {org}\nHouder: {first} {last}, geboortedatum ⟦H12DOB⟧\nVISpasnummer ⟦~H12FISHID⟧\nContributie via incasso van ⟦H12IBAN⟧ · ⟦H12EM⟧ · ⟦H12PH⟧",
        "{org} — opname verwerkt\nHoi {first}, je opname van 0,013 BTC naar ⟦H12BTC⟧ is verwerkt op ⟦~H12DNL⟧.\nTransactie ⟦~H12TXID⟧\nIngelogd vanaf ⟦H12IP6⟧ · niet jij? Mail ⟦H12EM⟧ of bel ⟦H12PHN⟧\nEuro-opnames gaan naar ⟦H12IBAN⟧",
        "REPARATIEVERZOEK — woningcorporatie {org}\nHuurder: {first} {last}, complexnummer ⟦~H12PID⟧\nMelding: lekkende kraan in de keuken, gemeld op ⟦~H12DNL⟧\nBereikbaar op ⟦H12PH⟧ of ⟦H12PHX⟧ · ⟦H12EM⟧\nAfspraak monteur ⟦~H12DNL⟧ tussen ⟦~H12HHMM⟧ en ⟦~H12HHMM⟧; eigen bijdrage wordt geïncasseerd van ⟦H12IBAN⟧",
    ],
    "pt-BR": [
        "CADASTRO DE LINHA PRÉ-PAGA — {org} Telecom\nTitular: {first} {last}, nascimento ⟦H12DOB⟧, CPF ⟦~H12CPF⟧\nChip ⟦~H12ICCID⟧ · IMSI ⟦~H12IMSI⟧\nNúmero ativado: ⟦H12PH⟧ · e-mail ⟦H12EM⟧\nRecarga automática no cartão ⟦H12CARD⟧",
        "{org} Exchange — saque de criptomoedas concluído\nOlá {first}, enviamos 120 USDT para ⟦H12ETH⟧ em ⟦~H12DBR⟧.\nHash ⟦~H12TXID⟧ · IP do pedido ⟦H12IP⟧\nNão reconhece? ⟦H12EM⟧ · ⟦H12PHN⟧\nSaques em reais: chave Pix CPF ⟦~H12CPF⟧ ou conta ⟦H12IBAN⟧",
        "CENSO DEMOGRÁFICO — questionário do domicílio\nCódigo do domicílio ⟦~H12IAC⟧ · visita em ⟦~H12DBR⟧\nMorador 1: {first} {last}, data de nascimento ⟦H12DOB⟧\nMorador 2: {first2} {last}, data de nascimento ⟦H12DOB⟧\nTelefone para contato ⟦H12PH⟧ · e-mail ⟦H12EM⟧",
    ],
    "tech": [
        '{"SmsMessageSid": "⟦~H12TWSID⟧", "NumMedia": "0", "From": "⟦H12PHE⟧", "To": "⟦H12PHE⟧", "Body": "Hi, this is {first}. My NHS number is ⟦H12NHSP⟧ and DOB ⟦H12DOBI⟧, please call me back", "AccountSid": "⟦~H12TWACCT⟧", "MessageSid": "⟦~H12TWSID⟧", "ApiVersion": "2010-04-01"}',
        '{"ClientIP": "⟦H12IP⟧", "ClientRequestHost": "⟦~H12HOST⟧", "ClientRequestMethod": "POST", "ClientRequestURI": "/api/v1/signup", "ClientRequestReferer": "⟦H12URLS⟧", "EdgeResponseStatus": 201, "EdgeStartTimestamp": ⟦~H12NANOS⟧, "RayID": "⟦~H12CFRAY⟧", "RequestHeaders": {"x-user-email": "⟦H12EM⟧"}}\n{"ClientIP": "⟦H12IP6⟧", "ClientRequestHost": "⟦~H12HOST⟧", "ClientRequestMethod": "GET", "ClientRequestURI": "/", "ClientRequestReferer": "", "EdgeResponseStatus": 403, "EdgeStartTimestamp": ⟦~H12NANOS⟧, "RayID": "⟦~H12CFRAY⟧", "RequestHeaders": {}}',
        "⟦~H12STAMP⟧ ⟦~H12EXIMID⟧ <= ⟦H12EM⟧ H=⟦~H12HOST⟧ [⟦H12IP⟧] P=esmtpsa X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no A=dovecot_plain:⟦H12EM⟧ S=⟦~H12BYTES⟧\n⟦~H12STAMP⟧ ⟦~H12EXIMID⟧ => ⟦H12EM⟧ R=dnslookup T=remote_smtp H=⟦~H12HOST⟧ [⟦H12IP⟧]\n⟦~H12STAMP⟧ ⟦~H12EXIMID⟧ Completed",
        "[⟦~H12STAMP⟧] ERROR [jdbc-sink-crm|task-0] WorkerSinkTask{id=jdbc-sink-crm-0} Error converting message value in topic 'crm.customers' partition 3 at offset ⟦~H12OFFSET⟧ and timestamp ⟦~H12EPOCHMS⟧: Struct{id=⟦~H12UUID⟧,email=⟦H12EM⟧,phone=⟦H12PHE⟧,birth_date=⟦H12DOBI⟧,ssn=⟦H12SSN⟧,payout_wallet=⟦H12ETH⟧} (org.apache.kafka.connect.runtime.WorkerSinkTask:⟦~H12FRAME⟧)",
        '"First Name","Last Name","E-mail Address","Mobile Phone","Business Phone","Birthday","Anniversary","Web Page"\n"{first}","{last}","⟦H12EM⟧","⟦H12PHI⟧","⟦H12PHX⟧","⟦H12DOB⟧","⟦~H12ISODATE⟧","⟦H12URLP⟧"\n"{first2}","{last}","⟦H12EM⟧","⟦H12PHI⟧","","⟦H12DOB⟧","",""',
        '$ log show --last 5m --predicate \'process == "configd" OR process == "Mail"\'\nTimestamp                       Thread     Type        Activity             PID    TTL\n⟦~H12ULOGTS⟧ ⟦~H12TID⟧    Default     0x0                  ⟦~H12PID⟧    0    configd: [com.apple.IPConfiguration:Server] en0: DHCP ACK ⟦H12IP⟧ from server ⟦H12IP⟧, router ⟦H12MAC⟧\n⟦~H12ULOGTS⟧ ⟦~H12TID⟧    Default     0x0                  ⟦~H12PID⟧    0    configd: ARP new neighbor ⟦H12IP⟧ at ⟦H12MAC⟧\n⟦~H12ULOGTS⟧ ⟦~H12TID⟧    Info        0x0                  ⟦~H12PID⟧    0    Mail: (MIME) sending message for account ⟦H12EM⟧ via ⟦~H12HOST⟧',
        "$ networkctl status wlan0\n● 3: wlan0\n       Link File: /usr/lib/systemd/network/99-default.link\n            Type: wlan\n           State: routable (configured)\n      HW Address: ⟦H12MAC⟧ (Intel Corporate)\n         Address: ⟦H12IP⟧ (DHCP4 via ⟦H12IP⟧)\n                  ⟦H12IP6⟧\n         Gateway: ⟦H12IP⟧\n$ resolvectl status wlan0\nLink 3 (wlan0)\n    Current Scopes: DNS\nCurrent DNS Server: ⟦H12IP⟧\n        DNS Domain: ⟦~H12HOST⟧\n# {first}'s laptop, asset owner ⟦H12EM⟧",
        '{"timestamp": "⟦~H12SURTS⟧", "flow_id": ⟦~H12FLOWID⟧, "in_iface": "eth0", "event_type": "alert", "src_ip": "⟦H12IP⟧", "src_port": ⟦~H12SRCPORT⟧, "dest_ip": "⟦H12IP⟧", "dest_port": 443, "proto": "TCP", "ether": {"src_mac": "⟦H12MAC⟧", "dest_mac": "⟦H12MAC⟧"}, "alert": {"action": "allowed", "signature_id": ⟦~H12KOFF⟧, "signature": "ET POLICY Outbound form post with e-mail ⟦H12EM⟧"}, "http": {"hostname": "⟦~H12HOST⟧", "url": "/upload", "http_refer": "⟦H12URLS⟧"}}',
        '⟦~H12PGTS⟧ [⟦~H12PID⟧] app@clinic ERROR:  new row for relation "patients" violates check constraint "patients_date_of_birth_check"\n⟦~H12PGTS⟧ [⟦~H12PID⟧] app@clinic DETAIL:  Failing row contains (⟦~H12UUID⟧, ⟦H12NHSP⟧, {last}, {first}, ⟦H12DOBI⟧, ⟦H12EM⟧, ⟦H12PHE⟧, ⟦H12NPIP⟧, ⟦~H12PGTS⟧).',
        '{"resourceLogs": [{"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "patient-portal"}}, {"key": "service.version", "value": {"stringValue": "⟦~H12SEMVER⟧"}}, {"key": "container.image.id", "value": {"stringValue": "⟦~H12DIGEST⟧"}}, {"key": "host.ip", "value": {"stringValue": "⟦H12IP⟧"}}]}, "scopeLogs": [{"logRecords": [{"timeUnixNano": "⟦~H12NANOS⟧", "severityText": "WARN", "traceId": "⟦~H12HEX32⟧", "spanId": "⟦~H12HEX16⟧", "body": {"stringValue": "login throttled"}, "attributes": [{"key": "enduser.id", "value": {"stringValue": "⟦H12EM⟧"}}, {"key": "client.address", "value": {"stringValue": "⟦H12IP6⟧"}}, {"key": "url.full", "value": {"stringValue": "⟦H12URLS⟧"}}, {"key": "provider.npi", "value": {"stringValue": "⟦H12NPIP⟧"}}]}]}]}]}',
        '{"ticket": {"id": ⟦~H12ISSUE⟧, "subject": "Charged twice", "requester": {"name": "{first} {last}", "email": "⟦H12EM⟧", "phone": "⟦H12PHE⟧"}, "description": "Hello, card ⟦H12CARD⟧ was charged twice on ⟦~H12ISODATE⟧. My date of birth is ⟦H12DOBI⟧ if you need to verify me. You can also refund to my wallet ⟦H12BTC⟧", "created_at": "⟦~H12ISOTS⟧", "via": {"channel": "email"}, "external_id": "⟦~H12UUID⟧"}}',
        'type=USER_LOGIN msg=audit(⟦~H12AUDIT⟧): pid=⟦~H12PID⟧ uid=0 auid=⟦~H12PID⟧ ses=⟦~H12ROOM⟧ msg=\'op=login acct="⟦H12EM⟧" exe="/usr/sbin/sshd" hostname=? addr=⟦H12IP⟧ terminal=sshd res=failed\'\ntype=USER_LOGIN msg=audit(⟦~H12AUDIT⟧): pid=⟦~H12PID⟧ uid=0 auid=⟦~H12PID⟧ ses=⟦~H12ROOM⟧ msg=\'op=login id=1001 exe="/usr/sbin/sshd" hostname=? addr=⟦H12IP6⟧ terminal=/dev/pts/1 res=success\'',
    ],
}


REPEATS12 = 5  # documents per template


def _half(templates: dict[str, list[str]], tag: str, rnd: random.Random) -> list[dict]:
    cases = []
    for group, group_templates in templates.items():
        for i, template in enumerate(group_templates):
            for n in range(REPEATS12):
                case = fill(template, rnd, group if group != "tech" else LOCALES[(i + n) % len(LOCALES)])
                case.update(split="heldout12", batch="heldout12", locale=group, template=f"{group}/{tag}/{i}")
                cases.append(case)
    return cases


def build_heldout12() -> list[dict]:
    """Every template of KNOWN12 then NEW12 (per locale, then tech), REPEATS12 documents each, seed SEED12;
    FHIR system URIs labelled after generation by the set's shared function."""
    rnd = random.Random(SEED12)
    cases = _half(KNOWN12, "h12k", rnd) + _half(NEW12, "h12n", rnd)
    return [label_fhir_system_urls(case) for case in cases]


def main() -> None:
    """Counts only: bench/phantom_pii_multilingual_data.py writes the batch into the set (never print spans)."""
    print_batch_counts(build_heldout12(), f"heldout12 (seed {SEED12})", ("h12k", "h12n"))


if __name__ == "__main__":
    main()
