"""`heldout10`: the tenth held-out batch for bench/phantom_pii_multilingual.json, written from the formats'
specifications while heldout9 was being tuned on, without reading servers/phantom/pii.py, pii_fields.py,
redaction.py or docs/phantom.md and without running any detector on it (not even on dev cases). It is
meant to be scored once.

Built by bench/phantom_pii_multilingual_data.py (which imports `build_heldout10` from here, last), seed
SEED10, split and batch "heldout10". Like heldout7..heldout9 it is a fair sample in two halves, told
apart by the template tag so each half can be scored on its own, and it is larger than they were (about
560 documents) so that no single document swings a type's figure:
- known kinds, `<locale>/h10k/<n>`: the kinds and writing styles the earlier batches used, sampled in
  about the proportion they have in the set (customer e-mails and complaint letters, HR and onboarding
  forms, CSV / semicolon / markdown tables of people, chat exports, invoices, bank alerts and transfer
  notices, appointment reminders, delivery notices, clinical letters and referrals, insurance claims,
  hotel bookings, e-mail signatures, support tickets and call transcripts, JSON and FHIR records,
  vCard, LDIF, HL7 v2, access and syslog lines, `.env` and YAML files, SQL inserts, curl commands,
  wallet CSVs), written fresh: new wording, field orders, surrounding text and values;
- new kinds, `<locale>/h10n/<n>`: document kinds no batch (heldout7's, 8's and 9's new halves included)
  has used, each checked by a marker phrase against every earlier case in tests/test_pii_heldout10_set.py:
  a mortgage pre-approval letter, a rental-car damage report, a wedding RSVP list, a ride-hailing
  receipt, a court summons (US), a workers' compensation first report of injury, a care-home residents'
  list, a family-court Form E listing a cryptoasset, a UK dental recall card, an airline flight-cancellation e-mail, a
  workplace-pension annual benefit statement, a school report card, an Indian bank KYC (Know Your
  Customer) form with the CKYC number, a food-delivery order chat, a conference delegate registration,
  a French CAF (allocations familiales) letter, a form 3916-bis declaring digital-asset accounts, an AGIRC-ARRCO relevé de carrière, an acte notarié
  (vente), a German DRV Renteninformation, a Mietwagen-Schadensprotokoll, a Sportverein
  Mannschaftsliste, a Zahnarzt recall, a Nachlassverzeichnis listing a bitcoin wallet, an Italian INPS letter, a pagella, a convocazione in tribunale,
  a Spanish SEPE letter, an escritura notarial, a citación judicial, a Dutch UWV letter, a
  tandartsherinnering and a trouwerij RSVP, a Brazilian INSS extrato (CNIS), a recibo da corrida and an
  intimação; and in the technical group Kafka console-consumer record dumps, Elasticsearch bulk JSON,
  ArcSight CEF and QRadar LEEF events, Zeek dhcp.log and conn.log, Wireshark text exports, Salesforce
  CSV exports, X12 834 enrolment, XFDF form data, a `.gitlab-ci.yml` variables block, an OpenVPN
  status file, a WireGuard config, a fail2ban log and snmptrapd output.
Each template is filled REPEATS10 times with fresh values; the technical group cycles through the locales.

Values come from heldout5's to heldout9's spec-built generators, registered again here under H10 names
(every H9 name is mirrored as the H10 name with the same generator, as heldout9 mirrored H8), valid by
their specifications (libphonenumber, ISO/IEC 7812 with Luhn, SSA rules, NPI Luhn over 80840, NHS
modulus 11, ISO 13616, Base58Check/bech32/bech32m, EIP-55). The new hard negatives are built below from
their own specifications and checked in tests/test_pii_heldout10_set.py with python-stdnum where it has
them.

What is and is not an entity follows heldout5's to heldout9's docstrings (a birth date only by its cue
or field, and only a person's; any telephone number with its extension in the span; punctuation outside
spans; `tel:` and `mailto:` schemes outside the span; names and street addresses unlabelled; personal
identifiers of other types are negatives). Where they are silent:
- Hearing, summons-service, wedding, RSVP-by, pre-approval expiry, rental pick-up/return, ride, statement,
  retirement (Regelaltersrente ab, date de départ), deed, report-card term and recall dates are not birth
  dates; a defendant's, a pensioner's, a player's, a pupil's, a delegate's or a deed party's birth date by
  its cue is.
- A pension, CAF allocataire, INPS, SEPE or UWV reference, the Spanish NUSS (Seguridad Social number:
  province, serial, mod-97 check), a CKYC number (14 digits), a loan number (10 digits, phone-shaped), a
  credit score, a French numéro fiscal (SPI: 13 digits, mod-511 check), court case numbers (US `2:24-cv-01234`, Aktenzeichen, RG, número de autos) and a UK VAT
  number (mod 97) are negatives.
- CEF (ArcSight CEF rev 25): `src`/`dst` are IP addresses, `smac`/`dmac` MAC addresses, `suser`/`duser`
  e-mail addresses when they hold one; `rt` (epoch milliseconds), `cnt`, `spt`/`dpt` are negatives. LEEF
  2.0 the same with `usrName`.
- Zeek logs: `ts` (epoch with microseconds) and `uid` (C + 17 base62 characters) are negatives; the
  `mac` column is a MAC address, `client_addr`/`id.orig_h`/`id.resp_h` IP addresses; `host_name` strings
  are unlabelled.
- Wireshark text export: the MAC addresses in `Src:`/`Dst:` are labelled; frame lengths, ports and
  sequence numbers are negatives or unlabelled.
- A bare service host name (a Kafka bootstrap server, a CEF `dhost`, an AWS service endpoint, a
  registry or SMTP relay host: no scheme, no `www.`, no path) is not a URL: a negative. An IMEI and a
  SIM ICCID stay negatives (Luhn-valid, no card), as in heldout8 and heldout9.
- A Salesforce record id (15 + 3 case-checksum characters), a Kafka offset, an Elasticsearch
  `_id`, an SNMP/MIB OID and a WireGuard public key are negatives. A Kafka `CreateTime` is epoch
  milliseconds (a negative), a `_source.birthDate` a birth date.
- In a WireGuard config `Endpoint = host:port` labels the IP address without the port; `AllowedIPs`
  prefixes (`10.8.0.2/32`) label the address without the prefix length. In an OpenVPN status file
  `Real Address` is an IP address (without `:port`), `Virtual Address` an IP address, `Common Name` an
  e-mail address when it is one.
- In X12 834, `DMG*D8*` carries the member's birth date (basic ISO form), `REF*0F*`/`NM1*IL*...*34*`
  the SSN, `PER*IP**HP*` a phone number; `INS`, `DTP*356` (coverage start) and ISA/GS dates are not.
"""

from __future__ import annotations

import base64
import random
import string
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from phantom_pii_heldout5_data import _alnum, _pick  # noqa: E402
from phantom_pii_heldout6_data import _recent  # noqa: E402
from phantom_pii_heldout8_data import _gs1_check  # noqa: E402
from phantom_pii_heldout9_data import LOCALES  # noqa: E402  (also registers every H9 name)
from phantom_pii_multilingual_data import (  # noqa: E402
    NEGATIVES,
    VALUES,
    digits,
    fill,
    label_fhir_system_urls,
    print_batch_counts,
)

SEED10 = 10010
UP = string.ascii_uppercase
BASE62 = string.digits + string.ascii_letters

# heldout9's generators under H10 names (the registries are shared by name across modules: the H10 copies
# leave every H9 entry as it was)
VALUES.update({"H10" + name[2:]: entry for name, entry in list(VALUES.items()) if name.startswith("H9")})
NEGATIVES.update({"H10" + name[2:]: make for name, make in list(NEGATIVES.items()) if name.startswith("H9")})


# -- new hard negatives built from their specifications ----------------------------------------------


def _upc(rnd: random.Random) -> str:
    """UPC-A (GS1): eleven digits and the GS1 mod-10 check digit."""
    body = rnd.choice("0136789") + digits(rnd, 10)
    return body + _gs1_check(body)


def _issn(rnd: random.Random) -> str:
    """ISSN (ISO 3297): seven digits, mod-11 check over weights 8..2 (10 written X), printed NNNN-NNNC."""
    body = digits(rnd, 7)
    check = (11 - sum(int(d) * w for d, w in zip(body, range(8, 1, -1), strict=True)) % 11) % 11
    c = "X" if check == 10 else str(check)
    return f"{body[:4]}-{body[4:]}{c}"


def _gb_vat(rnd: random.Random) -> str:
    """UK VAT registration number (HMRC): seven digits and two check digits making the weighted sum
    (8..2, then 10 and 1) a multiple of 97."""
    body = rnd.choice("123456789") + digits(rnd, 6)
    total = sum(int(d) * w for d, w in zip(body, (8, 7, 6, 5, 4, 3, 2), strict=True))
    n = f"{body}{(-total) % 97:02d}"
    return _pick(rnd, [f"GB{n}", f"GB {n[:3]} {n[3:7]} {n[7:]}", f"GB{n[:3]} {n[3:7]} {n[7:]}"])


def _nuss(rnd: random.Random) -> str:
    """Spanish Seguridad Social affiliation number: two-digit province, eight-digit serial, and two check
    digits equal to the first ten digits modulo 97."""
    body = f"{rnd.randint(1, 52):02d}{digits(rnd, 8)}"
    check = f"{int(body) % 97:02d}"
    return _pick(rnd, [body + check, f"{body[:2]}/{body[2:]}/{check}", f"{body[:2]} {body[2:]} {check}"])


def _spi(rnd: random.Random) -> str:
    """French numéro fiscal (SPI, DGFiP): ten digits starting 0-3 and three check digits, the first ten
    modulo 511; printed plain or in groups of 2-2-3-3-3."""
    body = rnd.choice("0123") + digits(rnd, 9)
    n = f"{body}{int(body) % 511:03d}"
    return _pick(rnd, [n, f"{n[:2]} {n[2:4]} {n[4:7]} {n[7:10]} {n[10:]}"])


def _sfid(rnd: random.Random) -> str:
    """Salesforce record id: a three-character key prefix (003 contact, 001 account, 00Q lead), 12
    characters, and the 3-character suffix that encodes the case of the first 15."""
    short = rnd.choice(["003", "001", "00Q"]) + rnd.choice("0123456789ABCDEFGH") + _alnum(rnd, 11, BASE62)
    suffix = ""
    for chunk in range(3):
        bits = sum(1 << i for i, c in enumerate(short[chunk * 5 : chunk * 5 + 5]) if c in UP)
        suffix += "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"[bits]
    return short + suffix


def _zeek_uid(rnd: random.Random) -> str:
    return "C" + _alnum(rnd, 17, BASE62)


def _zeek_ts(rnd: random.Random) -> str:
    return f"{rnd.randint(1_600_000_000, 1_790_000_000)}.{digits(rnd, 6)}"


def _oid(rnd: random.Random) -> str:
    """An SNMP object identifier under the private-enterprise arc (1.3.6.1.4.1, RFC 2578)."""
    return (
        f"1.3.6.1.4.1.{rnd.randint(9, 60000)}.{rnd.randint(1, 20)}.{rnd.randint(1, 9)}.{rnd.randint(0, 40)}"
    )


def _wg_key(rnd: random.Random) -> str:
    """A WireGuard Curve25519 public key: 32 bytes in standard base64 (44 characters, one `=`)."""
    return base64.b64encode(bytes(rnd.randrange(256) for _ in range(32))).decode()


def _host(rnd: random.Random) -> str:
    """A service host name (RFC 1123 labels): no scheme, no `www.`, no path."""
    region = rnd.choice(["eu-west-1", "us-east-1", "eu-central-1", "ap-south-1", "sa-east-1"])
    org = rnd.choice(["acme", "globex", "initech", "umbrella", "hooli", "meridian", "keystone"])
    return rnd.choice(
        [
            f"kafka-{rnd.randint(0, 5)}.kafka-headless.{rnd.choice(['data', 'prod', 'events'])}.svc.cluster.local",
            f"{rnd.choice(['s3', 'sqs', 'sns', 'kms', 'logs'])}.{region}.amazonaws.com",
            f"{rnd.choice(['smtp', 'relay', 'mx1', 'ldap', 'vault'])}.{org}.internal",
            f"db-{rnd.randint(1, 9)}.{rnd.choice(['prod', 'stage'])}.{org}.corp",
            f"registry.{org}.{rnd.choice(['io', 'dev', 'cloud'])}",
        ]
    )


def _us_case(rnd: random.Random) -> str:
    """A US district court case number: office, two-digit year, case type, five-digit serial, initials."""
    return f"{rnd.randint(1, 9)}:{rnd.randint(19, 26)}-{rnd.choice(['cv', 'cr', 'mj'])}-{digits(rnd, 5)}-{_alnum(rnd, 3, UP)}"


def _aktenzeichen(rnd: random.Random) -> str:
    return f"{rnd.randint(1, 45)} {rnd.choice(['C', 'O', 'S', 'F'])} {rnd.randint(10, 999)}/{rnd.randint(19, 26)}"


def _inps_prot(rnd: random.Random) -> str:
    """An INPS protocol number: INPS.<office>.<dd/mm/yyyy>.<serial> (a date inside an identifier)."""
    return f"INPS.{digits(rnd, 4)}.{rnd.randint(1, 28):02d}/{rnd.randint(1, 12):02d}/{rnd.randint(2019, 2026)}.{digits(rnd, 7)}"


NEGATIVES.update(
    {
        "H10UPC": _upc,
        "H10HOST": _host,
        "H10ISSN": _issn,
        "H10GBVAT": _gb_vat,
        "H10NUSS": _nuss,
        "H10SPI": _spi,
        "H10SFID": _sfid,
        "H10ZEEKUID": _zeek_uid,
        "H10ZEEKTS": _zeek_ts,
        "H10OID": _oid,
        "H10WGKEY": _wg_key,
        "H10USCASE": _us_case,
        "H10AKTZ": _aktenzeichen,
        "H10INPSPROT": _inps_prot,
        "H10CKYC": lambda r: f"{r.randint(1, 9)}{digits(r, 13)}",
        "H10LOAN": lambda r: f"{r.randint(2, 9)}{digits(r, 9)}",
        "H10FICO": lambda r: str(r.randint(620, 850)),
        "H10CAF": lambda r: digits(r, 7),
        "H10RG": lambda r: f"{r.randint(19, 26)}/{digits(r, 5)}",
        "H10AUTOS": lambda r: f"{r.randint(10, 2999)}/{r.randint(2019, 2026)}",
        "H10UWV": lambda r: f"UWV-{digits(r, 9)}",
        "H10KOFF": lambda r: str(r.randint(1000, 9_999_999)),
        "H10ESID": lambda r: _alnum(r, 20, BASE62 + "-_"),
        "H10BADGE": lambda r: f"REG-{r.randint(2024, 2026)}-{digits(r, 5)}",
        "H10TRIP": lambda r: f"{_alnum(r, 8, 'abcdef0123456789')}-{_alnum(r, 4, 'abcdef0123456789')}",
        "H10JERSEY": lambda r: str(r.randint(1, 99)),
        "H10FRAME": lambda r: str(r.randint(60, 1514)),
        "H10BYTES": lambda r: str(r.randint(100, 9_999_999)),
        "H10DUR": lambda r: f"{r.randint(0, 3600)}.{digits(r, 6)}",
        "H10D8": lambda r: _recent(r).strftime("%Y%m%d"),
        "H10ISADATE": lambda r: _recent(r).strftime("%y%m%d"),
        "H10HHMMX": lambda r: f"{r.randint(0, 23):02d}{r.randint(0, 59):02d}",
        "H10GRADE": lambda r: f"{r.randint(4, 10)},{r.choice(['0', '5'])}",
        "H10PENS": lambda r: f"{_alnum(r, 3, UP)}{digits(r, 7)}",
    }
)


# -- known kinds: what the earlier batches used, sampled in proportion, written fresh ----------------

KNOWN10: dict[str, list[str]] = {
    "en-US": [
        "Hi there,\n\nmy annual {org} renewal went through twice on ⟦~H10DUS⟧ — please refund one of them to the card I paid with, ⟦H10CARD⟧. You can reach me on ⟦H10PHX⟧ during business hours or at ⟦H10EM⟧. Order ⟦~H10ORDER⟧, invoice ⟦~H10ORDER⟧, gift card ⟦~H10CARDLIKE⟧ (not this one), item UPC ⟦~H10UPC⟧.\n\nBest,\n{first} {last}",
        "BENEFITS ENROLLMENT — PLAN YEAR ⟦~H10YEAR⟧\nEmployee: {last}, {first}    SSN ⟦H10SSN⟧    DOB ⟦H10DOB⟧\nSpouse: {first2} {last}    SSN ⟦H10SSN⟧    DOB ⟦H10DOB⟧\nHome phone ⟦H10PH⟧ · email ⟦H10EM⟧\nCoverage effective ⟦~H10DUS⟧ · EIN of employer ⟦~H10EIN⟧ · group no. ⟦~H10MEMBER⟧ · signed ⟦~H10DUS⟧",
        "| Patient | DOB | SSN | Phone | Attending NPI |\n|---|---|---|---|---|\n| {first} {last} | ⟦H10DOB⟧ | ⟦H10SSN⟧ | ⟦H10PH⟧ | ⟦H10NPI⟧ |\n| {first2} {last} | ⟦H10DOB⟧ | ⟦H10SSN⟧ | ⟦H10PHN⟧ | ⟦H10NPI⟧ |\nPrinted ⟦~H10DUS⟧, MRN list ⟦~H10MRN⟧",
        "[00:00:04] Agent: Thanks for calling {org} billing, can I get your date of birth?\n[00:00:09] Caller: ⟦H10DOB⟧\n[00:00:15] Agent: And the last four of your social — actually I need the full one for this.\n[00:00:21] Caller: ⟦H10SSN⟧\n[00:00:40] Agent: What card should we use?\n[00:00:44] Caller: ⟦H10CARDS⟧\n[00:01:02] Agent: Best callback number?\n[00:01:05] Caller: ⟦H10PHS⟧\n[00:01:20] Agent: Ticket ⟦~H10CASE⟧ is open, and your old order ⟦~H10ORDER⟧ shipped ⟦~H10DUS⟧.",
        "Claim ⟦~H10CASE⟧ status update (⟦~H10DUS⟧)\nMember: {first} {last}   Member ID ⟦~H10MEMBER⟧   DOB ⟦H10DOB⟧\nRendering provider NPI: ⟦H10NPI⟧\nBilling provider NPI: ⟦H10NPIP⟧\nDate of service ⟦~H10DUS⟧, prior auth ⟦~H10NPILIKE⟧\nQuestions: ⟦H10PHN⟧ or ⟦H10URL⟧",
        "Ticket ⟦~H10CASE⟧ — password reset e-mails not arriving\nRequester: {first} {last} <⟦H10EM⟧>\nRequest IP: ⟦H10IP⟧ · app ⟦~H10VER⟧ · device IMEI ⟦~H10IMEI⟧ · opened ⟦~H10DUS⟧\nAgent note: verified DOB ⟦H10DOB⟧ and card on file ⟦H10CARD⟧; callback ⟦H10PHX⟧.\n--\n{first2} | {org} Support | ⟦H10PH⟧ | ⟦H10URL⟧",
    ],
    "en-GB": [
        "Dear Dr {last},\n\nI would be grateful if you could see {first} {first2} (born ⟦H10DOB⟧, NHS number ⟦H10NHS⟧), who has had a persistent cough since ⟦~H10DGB⟧. Chest X-ray on ⟦~H10DGB⟧ was clear. My secretary can be reached on ⟦H10PHX⟧ or at ⟦H10EM⟧. Hospital no. ⟦~H10NHSLIKE⟧, clinic code ⟦~H10ODS⟧.\n\nKind regards",
        "Booking confirmed — {org} Hotel\nGuest: {first} {last}\nArrival ⟦~H10DGB⟧, 2 nights, room ⟦~H10ROOM⟧\nGuarantee card: ⟦H10CARD⟧ (exp ⟦~H10EXP⟧)\nRefunds go to ⟦H10IBAN⟧ (sort code ⟦~H10SORT⟧)\nBooking ref ⟦~H10PNR⟧\nManage your stay: ⟦H10URL⟧ · reception ⟦H10PH⟧ · ⟦H10EM⟧",
        "nhs_number,surname,forename,dob,mobile,email,next_appt\n⟦H10NHSP⟧,{last},{first},⟦H10DOB⟧,⟦H10PH⟧,⟦H10EM⟧,⟦~H10DGB⟧\n⟦H10NHSP⟧,{last},{first2},⟦H10DOB⟧,⟦H10PH⟧,⟦H10EM⟧,⟦~H10DGB⟧\n# exported ⟦~H10DGB⟧ by practice ⟦~H10ODS⟧",
        "Home insurance claim ⟦~H10CASE⟧ — escape of water on ⟦~H10DGB⟧\nPolicyholder {first} {last}, born ⟦H10DOB⟧, policy ⟦~H10POLICY⟧\nPlease pay the settlement into ⟦H10IBAN⟧.\nI am on ⟦H10PH⟧ or ⟦H10EM⟧; photos uploaded to ⟦H10URL⟧",
        "Kind regards,\n{first} {last} | Senior Paralegal\n{org} LLP\nT ⟦H10PHX⟧ | M ⟦H10PH⟧\nE ⟦H10EM⟧ | W ⟦H10URL⟧\nVAT no. ⟦~H10GBVAT⟧ · SRA ID ⟦~H10PID⟧",
        "[⟦~H10CHATTS⟧] {first}: can you send me the landlord's bank details\n[⟦~H10CHATTS⟧] {first2}: IBAN ⟦H10IBAN⟧, sort code ⟦~H10SORT⟧\n[⟦~H10CHATTS⟧] {first2}: his mobile is ⟦H10PH⟧ if it bounces\n[⟦~H10CHATTS⟧] {first}: sent, ref ⟦~H10ORDER⟧",
    ],
    "en-IN": [
        "Dear {first}, Rs ⟦~H10AMTIN⟧ spent on your card ⟦H10CARD⟧ at {org} on ⟦~H10DIN⟧. Not you? Call ⟦H10PH⟧ or write to ⟦H10EM⟧. Avl limit Rs ⟦~H10AMTIN⟧. Ref ⟦~H10UTR⟧. OTP valid till ⟦~H10HHMM⟧, customer ID ⟦~H10PNRIN⟧.",
        "EMPLOYEE JOINING FORM\nName: {first} {last}\nDate of Birth: ⟦H10DOB⟧\nPAN: ⟦~H10PAN⟧    UAN: ⟦~H10UAN⟧\nMobile: ⟦H10PH⟧    Alternate: ⟦H10PHI⟧\nPersonal email: ⟦H10EM⟧\nDate of joining: ⟦~H10DIN⟧\nEmployee code: ⟦~H10EMPID⟧    Aadhaar: ⟦~H10AADHAAR⟧",
        "Your {org} order ⟦~H10ORDER⟧ is out for delivery today. Delivery partner: ⟦H10PH⟧. Track live: ⟦H10URL⟧. AWB ⟦~H10AWB⟧, PIN ⟦~H10PIN⟧. Shipped ⟦~H10DIN⟧.",
        "| # | Employee | DOB | Mobile | Email | Salary a/c |\n|---|---|---|---|---|---|\n| 1 | {first} {last} | ⟦H10DOB⟧ | ⟦H10PH⟧ | ⟦H10EM⟧ | ⟦H10IBAN⟧ |\n| 2 | {first2} {last} | ⟦H10DOB⟧ | ⟦H10PHC⟧ | ⟦H10EM⟧ | IFSC ⟦~H10IFSC⟧ |\nUpdated ⟦~H10DIN⟧ · payroll batch ⟦~H10UTR⟧",
    ],
    "fr-FR": [
        "Madame, Monsieur,\n\nJe conteste le prélèvement effectué le ⟦~H10DFR⟧ sur mon compte ⟦H10IBAN⟧ au titre du contrat ⟦~H10CASE⟧ (facture ⟦~H10ORDER⟧ du ⟦~H10DFR⟧). Vous pouvez me joindre au ⟦H10PHX⟧ ou par courriel à ⟦H10EM⟧.\n\nCordialement,\n{first} {last}",
        "DOSSIER SALARIÉ\nNom / Prénom : {last} {first}\nNé(e) le : ⟦H10DOB⟧\nN° de sécurité sociale : ⟦~H10NIR⟧\nIBAN pour le virement du salaire : ⟦H10IBAN⟧\nPortable : ⟦H10PH⟧    Mail : ⟦H10EM⟧\nDate d'embauche : ⟦~H10DFR⟧\nSIRET de l'établissement : ⟦~H10SIRET⟧",
        "Confirmation de réservation — Hôtel {org}\nClient : {first} {last}\nSéjour du ⟦~H10DFR⟧ au ⟦~H10DFR⟧, chambre ⟦~H10ROOM⟧\nCarte de garantie : ⟦H10CARD⟧ (exp. ⟦~H10EXP⟧)\nRéception : ⟦H10PH⟧ · ⟦H10EM⟧\nGérer ma réservation : ⟦H10URL⟧",
        "Rappel : RDV le ⟦~H10DFR⟧ à ⟦~H10HHMM⟧ avec le Dr {last}. Pour annuler : ⟦H10URL⟧ ou ⟦H10PH⟧. Merci de vous munir de votre carte Vitale. Réf. RDV ⟦~H10CASE⟧.",
        "{first} : tu as le RIB de la nounou ?\n{first2} : ⟦H10IBAN⟧\n{first} : merci ! et son portable ?\n{first2} : ⟦H10PH⟧, ou ⟦H10EM⟧",
    ],
    "de-DE": [
        "Sehr geehrte Damen und Herren,\n\nin Ihrer Rechnung ⟦~H10ORDER⟧ vom ⟦~H10DDE⟧ wurde der Betrag doppelt von meinem Konto ⟦H10IBAN⟧ abgebucht. Bitte rufen Sie mich unter ⟦H10PHX⟧ zurück oder schreiben Sie an ⟦H10EM⟧.\n\nMit freundlichen Grüßen\n{first} {last}\nKundennummer ⟦~H10EMPID⟧",
        "Stammdatenblatt neue Mitarbeiterin\n{last}, {first}\ngeb. ⟦H10DOB⟧\nSteuerliche ID ⟦~H10IDNR⟧ · SV-Nummer ⟦~H10RVNR⟧\nIBAN ⟦H10IBAN⟧\nHandy ⟦H10PH⟧ · privat ⟦H10EM⟧\nBeginn ⟦~H10DDE⟧ · Personalnr. ⟦~H10EMPID⟧ · Krankenkasse IK ⟦~H10IK⟧",
        "Meldeschein {org} Hotel\nGast: {first} {last}\nGeburtsdatum: ⟦H10DOB⟧\nAnreise: ⟦~H10DDE⟧    Abreise: ⟦~H10DDE⟧\nKreditkarte: ⟦H10CARD⟧\nTelefon: ⟦H10PHI⟧    E-Mail: ⟦H10EM⟧\nZimmer ⟦~H10ROOM⟧ · Buchung ⟦~H10ORDER⟧",
        "Praxis Dr. {last}: Ihr Termin am ⟦~H10DDE⟧ um ⟦~H10HHMM⟧ Uhr ist bestätigt. Absage bis 24 h vorher unter ⟦H10PH⟧ oder ⟦H10URL⟧. Versichertennr. ⟦~H10KVNR⟧.",
    ],
    "it-IT": [
        "Buongiorno,\nho ricevuto la fattura ⟦~H10ORDER⟧ del ⟦~H10DIT⟧ ma l'addebito sulla carta ⟦H10CARD⟧ è doppio. Vi prego di contattarmi al ⟦H10PHX⟧ o via mail a ⟦H10EM⟧.\nCordiali saluti, {first} {last}\nCodice cliente ⟦~H10EMPID⟧ · P.IVA fornitore ⟦~H10PIVA⟧",
        "SCHEDA ANAGRAFICA DIPENDENTE\nCognome e nome: {last} {first}\nNato/a il: ⟦H10DOB⟧\nCodice fiscale: ⟦~H10CF⟧\nIBAN accredito stipendio: ⟦H10IBAN⟧\nCellulare: ⟦H10PH⟧    PEC/email: ⟦H10EM⟧\nData assunzione: ⟦~H10DIT⟧\nMatricola aziendale ⟦~H10MATRICOLA⟧",
        "Promemoria: visita il ⟦~H10DIT⟧ alle ⟦~H10HHMM⟧ presso {org}. Per disdire chiama ⟦H10PH⟧ o vai su ⟦H10URL⟧. Prenotazione ⟦~H10CASE⟧.",
        "nominativo;nascita;telefono;mail;iban\n{first} {last};⟦H10DOB⟧;⟦H10PH⟧;⟦H10EM⟧;⟦H10IBAN⟧\n{first2} {last};⟦H10DOB⟧;⟦H10PHI⟧;⟦H10EM⟧;⟦H10IBAN⟧",
    ],
    "es-ES": [
        "Estimados señores:\nel ⟦~H10DES⟧ me cobraron dos veces el recibo ⟦~H10ORDER⟧ en la cuenta ⟦H10IBAN⟧. Pueden llamarme al ⟦H10PHX⟧ o escribirme a ⟦H10EM⟧.\nUn saludo, {first} {last}\nN.º de cliente ⟦~H10EMPID⟧ · CUPS ⟦~H10CUPS⟧",
        "FICHA DEL TRABAJADOR\nApellidos, nombre: {last}, {first}\nFecha de nacimiento: ⟦H10DOB⟧\nDNI: ⟦~H10DNI⟧    N.º afiliación SS: ⟦~H10NUSS⟧\nIBAN nómina: ⟦H10IBAN⟧\nMóvil: ⟦H10PH⟧    Correo: ⟦H10EM⟧\nAlta: ⟦~H10DES⟧",
        "Parte de siniestro ⟦~H10CASE⟧ (hogar)\nAsegurado: {first} {last}, fecha de nacimiento ⟦H10DOB⟧\nFecha del siniestro: ⟦~H10DES⟧\nIndemnización a la cuenta ⟦H10IBAN⟧\nTeléfono ⟦H10PH⟧ · correo ⟦H10EM⟧ · fotos en ⟦H10URL⟧",
        "{org}: le recordamos su cita el ⟦~H10DES⟧ a las ⟦~H10HHMM⟧. Para cambiarla llame al ⟦H10PH⟧ o entre en ⟦H10URL⟧. Localizador ⟦~H10PNR⟧.",
        "{first}: me pasas la tarjeta para pagar la casa rural?\n{first2}: ⟦H10CARD⟧\n{first}: y tu email para la reserva?\n{first2}: ⟦H10EM⟧, móvil ⟦H10PH⟧",
    ],
    "nl-NL": [
        "Geachte heer, mevrouw,\n\nOp ⟦~H10DNL⟧ is factuur ⟦~H10ORDER⟧ twee keer afgeschreven van ⟦H10IBAN⟧. Kunt u mij bellen op ⟦H10PHX⟧ of mailen naar ⟦H10EM⟧?\n\nMet vriendelijke groet,\n{first} {last}\nKlantnummer ⟦~H10EMPID⟧, betalingskenmerk ⟦~H10EAN18⟧",
        "Personeelsformulier\nAchternaam: {last}\nVoornaam: {first}\nGeboren op: ⟦H10DOB⟧\nBSN: ⟦~H10BSN⟧\nRekening: ⟦H10IBAN⟧\nTelefoon: ⟦H10PH⟧\nE-mail: ⟦H10EM⟧\nIn dienst per ⟦~H10DNL⟧\nPersoneelsnummer ⟦~H10PID⟧",
        "Herinnering: u heeft een afspraak op ⟦~H10DNL⟧ om ⟦~H10HHMM⟧ bij {org}. Verzetten? ⟦H10URL⟧ of bel ⟦H10PH⟧. Afspraaknummer ⟦~H10CASE⟧.",
        "{first}: zet je de tikkie even door? of anders IBAN\n{first2}: ⟦H10IBAN⟧\n{first}: en je nieuwe nummer?\n{first2}: ⟦H10PH⟧",
    ],
    "pt-BR": [
        "Prezados,\nfui cobrado duas vezes no cartão ⟦H10CARD⟧ pelo pedido ⟦~H10ORDER⟧ em ⟦~H10DBR⟧. Meu telefone é ⟦H10PHX⟧ e meu e-mail ⟦H10EM⟧.\nAtt., {first} {last}\nProtocolo ⟦~H10CASE⟧ · CNPJ da loja ⟦~H10CNPJ⟧",
        "FICHA CADASTRAL\nNome: {first} {last}\nData de nascimento: ⟦H10DOB⟧\nCPF: ⟦~H10CPF⟧\nConta (IBAN): ⟦H10IBAN⟧\nCelular: ⟦H10PH⟧\nE-mail: ⟦H10EM⟧\nAdmissão: ⟦~H10DBR⟧\nPIS: ⟦~H10PIS⟧ · CEP ⟦~H10CEP⟧",
        "{org}: lembrete da sua consulta em ⟦~H10DBR⟧ às ⟦~H10HHMM⟧. Reagende em ⟦H10URL⟧ ou pelo ⟦H10PH⟧. Guia ⟦~H10CASE⟧.",
        "[⟦~H10CHATTS⟧] {first}: me manda o pix da {first2}\n[⟦~H10CHATTS⟧] {first2}: chave é o email ⟦H10EM⟧\n[⟦~H10CHATTS⟧] {first2}: ou liga ⟦H10PH⟧",
    ],
    "tech": [
        '⟦H10IP⟧ - - [⟦~H10CLF⟧] "GET /account/profile?uid=⟦~H10UUID⟧ HTTP/2.0" 200 4312 "⟦H10URLS⟧" "Mozilla/5.0 (X11; Linux x86_64)"\n⟦H10IP6⟧ - - [⟦~H10CLF⟧] "POST /newsletter HTTP/1.1" 302 0 "-" "curl/⟦~H10VER⟧"',
        '{"user": {"id": "⟦~H10UUID⟧", "mail": "⟦H10EM⟧", "mobile": "⟦H10PHE⟧", "birth_date": "⟦H10DOBI⟧", "ssn": "⟦H10SSN⟧", "payout_wallet": "⟦H10ETH⟧", "sim_iccid": "⟦~H10ICCID⟧", "created": "⟦~H10ISOTS⟧"}}',
        '{"resourceType": "Patient", "id": "⟦~H10UUID⟧", "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "⟦H10NHSP⟧"}], "birthDate": "⟦H10DOBI⟧", "telecom": [{"system": "phone", "value": "⟦H10PHE⟧"}, {"system": "email", "value": "⟦H10EM⟧"}], "generalPractitioner": [{"identifier": {"value": "⟦H10NPIP⟧"}}], "meta": {"lastUpdated": "⟦~H10ISOTS⟧"}}',
        "dn: uid={first},ou=people,dc=example,dc=org\nobjectClass: inetOrgPerson\ncn: {first} {last}\nmail: ⟦H10EM⟧\ntelephoneNumber: ⟦H10PHE⟧\nemployeeNumber: ⟦~H10PID⟧\nlabeledURI: ⟦H10URLS⟧\nmacAddress: ⟦H10MAC⟧",
        "SMTP_FROM=⟦H10EM⟧\nSMTP_RELAY=⟦~H10HOST⟧\nDB_HOST=⟦H10IP⟧\nDB_PORT=⟦~H10PORT⟧\nSUPPORT_PHONE=⟦H10PHE⟧\nPAYMENTS_WEBHOOK=⟦H10URLS⟧\nTREASURY_BTC=⟦H10BTC⟧\nIMAGE=registry.local/api@⟦~H10DIGEST⟧",
        "INSERT INTO patients (nhs_no, npi, dob, mobile, email) VALUES ('⟦H10NHSP⟧', '⟦H10NPIP⟧', '⟦H10DOBI⟧', '⟦H10PHE⟧', '⟦H10EM⟧');\nINSERT INTO audit (at, ip, mac) VALUES ('⟦~H10ISOTS⟧', '⟦H10IP⟧', '⟦H10MAC⟧');",
        "⟦~H10TS⟧ fw01 kernel: [UFW BLOCK] IN=eth0 OUT= MAC=⟦H10MAC⟧ SRC=⟦H10IP⟧ DST=⟦H10IP⟧ LEN=⟦~H10FRAME⟧ PROTO=TCP SPT=⟦~H10SRCPORT⟧ DPT=⟦~H10PORT⟧\n⟦~H10TS⟧ fw01 dnsmasq-dhcp[⟦~H10PID⟧]: DHCPACK(br0) ⟦H10IP⟧ ⟦H10MAC⟧ {first}-tablet",
        "MSH|^~\\&|PAS|{org}|EPR|{org}|⟦~H10HL7TS⟧||ADT^A04|⟦~H10MSGCTRL⟧|P|2.5.1\nPID|1||⟦H10NHSP⟧^^^NHS^NH||{last}^{first}||⟦H10DOBB⟧|F|||||⟦H10PHE⟧|||||||⟦H10SSN⟧\nPV1|1|O|||||⟦H10NPIP⟧^{last}^{first2}^^^^^^NPI",
        'ts=⟦~H10ISOTS⟧ level=info msg="login ok" user=⟦H10EM⟧ ip=⟦H10IP⟧ ref=⟦H10URLS⟧ dur=⟦~H10LATENCY⟧\nts=⟦~H10ISOTS⟧ level=warn msg="sms failed" to=⟦H10PHE⟧ ip=⟦H10IP6⟧ req=⟦~H10UUID⟧',
        "wallet:\n  hot: ⟦H10BTC⟧\n  cold: ⟦H10BTC⟧\n  gas_payer: ⟦H10ETH⟧\nalerts:\n  email: ⟦H10EM⟧\n  sms: ⟦H10PHE⟧\n  webhook: ⟦H10URLS⟧\nlimits:\n  daily: ⟦~H10QTY⟧\n  rpc_host: ⟦~H10HOST⟧\n  node: ⟦H10IP⟧:⟦~H10PORT⟧",
        "$ arp -an\n? (⟦H10IP⟧) at ⟦H10MAC⟧ [ether] on eth0\n? (⟦H10IP⟧) at ⟦H10MAC⟧ [ether] on eth0\n? (⟦H10IP⟧) at <incomplete> on eth0\n# {first}'s NAS, firmware ⟦~H10VER⟧, serial ⟦~H10SERIAL⟧",
        "timestamp,coin,from,to,amount,txid\n⟦~H10ISOTS⟧,BTC,⟦H10BTC⟧,⟦H10BTC⟧,⟦~H10QTY⟧,⟦~H10TXID⟧\n⟦~H10ISOTS⟧,ETH,⟦H10ETH⟧,{first} {last},⟦~H10QTY⟧,⟦~H10TXID⟧",
    ],
}


# -- new kinds: document kinds no earlier batch used --------------------------------------------------

NEW10: dict[str, list[str]] = {
    "en-US": [
        "MORTGAGE PRE-APPROVAL LETTER — {org} Home Lending\nBorrower: {first} {last}, SSN ⟦H10SSN⟧, date of birth ⟦H10DOB⟧\nCo-borrower: {first2} {last}\nLoan number ⟦~H10LOAN⟧ · credit score ⟦~H10FICO⟧ · valid until ⟦~H10DUS⟧\nYour loan officer: ⟦H10PHX⟧, ⟦H10EM⟧\nUpload documents at ⟦H10URL⟧",
        "RENTAL CAR DAMAGE REPORT — {org} Rent A Car\nRenter: {first} {last}    DOB: ⟦H10DOB⟧\nDriver license ⟦~H10DL⟧    VIN ⟦~H10VIN⟧    Plate ⟦~H10PLATEUS⟧\nPick-up ⟦~H10DUS⟧, return ⟦~H10DUS⟧\nDeductible charged to ⟦H10CARD⟧\nContact: ⟦H10PH⟧ · ⟦H10EM⟧",
        "Wedding RSVP list — {first} & {first2}'s big day ⟦~H10DUS⟧ (reply by ⟦~H10DUS⟧)\n1. {first} {last} — attending (2) — ⟦H10EM⟧ — ⟦H10PH⟧ — vegetarian\n2. {first2} {last} — declined — ⟦H10EM⟧ — ⟦H10PHN⟧\n3. The {last} family — attending (4) — table ⟦~H10ROOM⟧",
        "Thanks for riding with {org}, {first}\nTrip ⟦~H10TRIP⟧ on ⟦~H10DUS⟧, ⟦~H10HHMM⟧ — 7.4 mi\nPickup at ⟦~H10COORD⟧\nTotal $⟦~H10AMTUS⟧ charged to ⟦H10CARD⟧\nReceipt sent to ⟦H10EM⟧. Lost an item? Call your driver via ⟦H10PHN⟧ or visit ⟦H10URL⟧",
        "SUMMONS IN A CIVIL ACTION — United States District Court\nCase No. ⟦~H10USCASE⟧\nTo: {first} {last}, date of birth ⟦H10DOB⟧, SSN ⟦H10SSN⟧\nA lawsuit has been filed against you. Within 21 days after service of this summons (served ⟦~H10DUS⟧) you must answer. Plaintiff's attorney: {first2} {last}, ⟦H10PHX⟧, ⟦H10EM⟧\nHearing ⟦~H10DUS⟧ · Clerk's docket ⟦~H10USCASE⟧",
        "EMPLOYER'S FIRST REPORT OF INJURY — Workers' Compensation\nEmployee: {first} {last}    SSN: ⟦H10SSN⟧    Date of birth: ⟦H10DOB⟧\nDate of injury: ⟦~H10DUS⟧    Date employer notified: ⟦~H10DUS⟧\nTreating physician NPI: ⟦H10NPI⟧    Facility NPI: ⟦H10NPIP⟧\nEmployee phone: ⟦H10PH⟧\nCarrier claim no. ⟦~H10NPILIKE⟧ · policy ⟦~H10POLICY⟧ · FEIN ⟦~H10EIN⟧",
    ],
    "en-GB": [
        "{org} Dental Care — recall card\nDear {first} {last}, it is time for your check-up (last visit ⟦~H10DGB⟧).\nDate of birth: ⟦H10DOB⟧    NHS number: ⟦H10NHS⟧    Patient no. ⟦~H10NHSLIKE⟧\nBook on ⟦H10PH⟧ or at ⟦H10URL⟧. Reply to ⟦H10EM⟧ to opt out of recall reminders.",
        "Your flight has been cancelled\nDear {first} {last},\nwe're sorry: flight ⟦~H10FLIGHT⟧ on ⟦~H10DGB⟧ (booking ⟦~H10PNR⟧, ticket ⟦~H10TICKET⟧) is cancelled. We've rebooked you on ⟦~H10FLIGHT⟧. Refund of taxes to ⟦H10CARD⟧ within 7 days.\nManage your booking at ⟦H10URL⟧ or call ⟦H10PHX⟧. Updates go to ⟦H10EM⟧ and ⟦H10PH⟧.",
        "{org} Workplace Pension — Annual Benefit Statement ⟦~H10TAXYEAR⟧\nMember: {first} {last}    Date of birth: ⟦H10DOB⟧    Member ref ⟦~H10PENS⟧\nNational Insurance no. ⟦~H10NINO⟧\nSelected retirement date: ⟦~H10DGB⟧\nContributions paid from ⟦H10IBAN⟧\nQuestions: ⟦H10PHX⟧ · ⟦H10EM⟧",
        "{org} Academy — END OF YEAR REPORT CARD\nPupil: {first} {last}    Date of birth: ⟦H10DOB⟧    UPN ⟦~H10PCN⟧\nNHS number (school nurse record): ⟦H10NHSP⟧\nAttendance 96.4% · Term ended ⟦~H10DGB⟧\nParent contact: {first2} {last}, ⟦H10PH⟧, ⟦H10EM⟧",
        "{org} Care Home — residents' list for the visiting GP (printed ⟦~H10DGB⟧)\nRoom | Resident | Born | NHS no. | Next of kin\n⟦~H10ROOM⟧ | {first} {last} | ⟦H10DOB⟧ | ⟦H10NHS⟧ | ⟦H10PH⟧\n⟦~H10ROOM⟧ | {first2} {last} | ⟦H10DOB⟧ | ⟦H10NHSP⟧ | ⟦H10PHX⟧\nHome manager: ⟦H10EM⟧ · CQC location ⟦~H10ODS⟧",
        "FORM E — Financial Statement (family court)\nApplicant: {first} {last}    Date of birth: ⟦H10DOB⟧    NI no. ⟦~H10NINO⟧\n2.3 Bank accounts: ⟦H10IBAN⟧, balance £⟦~H10AMTGB⟧ on ⟦~H10DGB⟧\n2.4 Cryptoassets: bitcoin held at ⟦H10BTC⟧ (valued ⟦~H10DGB⟧)\nSolicitor: ⟦H10PHX⟧ · case ⟦~H10CASE⟧",
    ],
    "en-IN": [
        "KNOW YOUR CUSTOMER (KYC) UPDATION FORM — {org} Bank\nCKYC No.: ⟦~H10CKYC⟧\nName: {first} {last}    Date of Birth: ⟦H10DOB⟧\nPAN: ⟦~H10PAN⟧    Aadhaar (last 4 masked): XXXX XXXX ⟦~H10LAST4⟧\nMobile linked to account: ⟦H10PH⟧    Email: ⟦H10EM⟧\nDebit card for verification: ⟦H10CARD⟧\nDeclaration date ⟦~H10DIN⟧, IFSC ⟦~H10IFSC⟧",
        "{org} Food — order chat\nCustomer: hi, order ⟦~H10ORDER⟧ still not here\nSupport: sorry! your delivery partner's number is ⟦H10PH⟧\nCustomer: not answering. call me on ⟦H10PHI⟧\nSupport: refund to card ⟦H10CARD⟧ initiated ⟦~H10DIN⟧, mail sent to ⟦H10EM⟧",
        "DELEGATE REGISTRATION — {org} Developers Conference ⟦~H10YEAR⟧\nBadge ID ⟦~H10BADGE⟧\nDelegate: {first} {last}    Date of birth (for venue security): ⟦H10DOB⟧\nMobile: ⟦H10PH⟧    Email: ⟦H10EM⟧\nProceedings ISSN ⟦~H10ISSN⟧\nFee paid by card ⟦H10CARD⟧ on ⟦~H10DIN⟧",
    ],
    "fr-FR": [
        "Caisse d'allocations familiales — Notification de droits\nAllocataire : {first} {last}, né(e) le ⟦H10DOB⟧\nN° allocataire : ⟦~H10CAF⟧\nVos prestations seront versées sur ⟦H10IBAN⟧ à compter du ⟦~H10DFR⟧.\nContact : ⟦H10PHN⟧ · ⟦H10URL⟧ · alerte envoyée à ⟦H10EM⟧",
        "AGIRC-ARRCO — relevé de carrière\nAssuré(e) : {first} {last}\nDate de naissance : ⟦H10DOB⟧\nN° de sécurité sociale : ⟦~H10NIR⟧\nPériodes validées : ⟦~H10PERIODFR⟧\nDate de départ envisagée : ⟦~H10DFR⟧\nVotre conseiller : ⟦H10PHX⟧ · ⟦H10EM⟧",
        "ACTE DE VENTE — Office notarial {org}\nL'an ⟦~H10YEAR⟧, le ⟦~H10DFR⟧, par-devant Maître {last}, notaire,\nVENDEUR : {first} {last}, né(e) le ⟦H10DOB⟧\nACQUÉREUR : {first2} {last}, né(e) le ⟦H10DOB⟧\nLe prix est payé par virement depuis ⟦H10IBAN⟧.\nContact de l'étude : ⟦H10PH⟧ — ⟦H10EM⟧ — SIRET ⟦~H10SIRET⟧",
        "CONVOCATION — Tribunal judiciaire\nRG n° ⟦~H10RG⟧\n{first} {last}, né(e) le ⟦H10DOB⟧, est convoqué(e) à l'audience du ⟦~H10DFR⟧ à ⟦~H10HHMM⟧.\nGreffe : ⟦H10PHX⟧ — ⟦H10EM⟧\nPièces à déposer sur ⟦H10URL⟧",
        "Formulaire n° 3916-3916-bis — comptes d'actifs numériques ouverts à l'étranger\nDéclarant : {first} {last}, né(e) le ⟦H10DOB⟧\nCompte 1 : plateforme {org}, adresse de dépôt ⟦H10BTC⟧, ouvert le ⟦~H10DFR⟧\nCompte 2 : portefeuille ⟦H10ETH⟧\nCourriel : ⟦H10EM⟧ · téléphone ⟦H10PH⟧\nNuméro fiscal ⟦~H10SPI⟧",
    ],
    "de-DE": [
        "Deutsche Rentenversicherung — Renteninformation\nVersicherungsnummer: ⟦~H10RVNR⟧\n{first} {last}, geboren am ⟦H10DOB⟧\nRegelaltersrente ab ⟦~H10DDE⟧\nErstattung auf ⟦H10IBAN⟧\nServicetelefon ⟦H10PHN⟧ · Rückfragen an ⟦H10EM⟧ · ⟦H10URL⟧",
        "Mietwagen-Schadensprotokoll\nMieter: {first} {last}, geb. ⟦H10DOB⟧\nFührerscheinnr. ⟦~H10LICENCE⟧    FIN ⟦~H10VIN⟧\nÜbernahme ⟦~H10DDE⟧ · Rückgabe ⟦~H10DDE⟧\nSelbstbeteiligung belastet auf ⟦H10CARD⟧\nRückruf: ⟦H10PH⟧ · ⟦H10EM⟧",
        "TSV {org} — Mannschaftsliste Saison ⟦~H10YEARS⟧\nNr. | Name | Geburtsdatum | Handy | E-Mail\n⟦~H10JERSEY⟧ | {first} {last} | ⟦H10DOB⟧ | ⟦H10PH⟧ | ⟦H10EM⟧\n⟦~H10JERSEY⟧ | {first2} {last} | ⟦H10DOB⟧ | ⟦H10PH⟧ | —\nBeiträge per Lastschrift, Gläubiger-ID ⟦~H10CI⟧",
        "Zahnarztpraxis {org} — Recall\nLiebe/r {first} {last} (geb. ⟦H10DOB⟧),\nIhre letzte Kontrolle war am ⟦~H10DDE⟧. Bitte vereinbaren Sie einen Termin unter ⟦H10PHX⟧ oder online: ⟦H10URL⟧.\nAktenzeichen Abrechnung ⟦~H10AKTZ⟧",
        "NACHLASSVERZEICHNIS\nErblasser/in: {first} {last}, geboren am ⟦H10DOB⟧, verstorben am ⟦~H10DDE⟧\nNachlassgericht Az. ⟦~H10AKTZ⟧\n1. Girokonto ⟦H10IBAN⟧, Saldo ⟦~H10AMTDE⟧ EUR\n2. Bitcoin-Wallet ⟦H10BTC⟧\nErbe: {first2} {last}, geb. ⟦H10DOB⟧, ⟦H10PH⟧",
    ],
    "it-IT": [
        "INPS — Comunicazione\nProtocollo ⟦~H10INPSPROT⟧\nGentile {first} {last}, nato/a il ⟦H10DOB⟧,\nLa informiamo che la prestazione sarà accreditata sull'IBAN ⟦H10IBAN⟧ dal ⟦~H10DIT⟧.\nContact center ⟦H10PHN⟧ · ⟦H10URL⟧ · notifiche a ⟦H10EM⟧",
        "PAGELLA — Scuola secondaria {org}\nAlunno/a: {first} {last}, nato/a il ⟦H10DOB⟧\nItaliano ⟦~H10GRADE⟧ · Matematica ⟦~H10GRADE⟧ · Inglese ⟦~H10GRADE⟧\nScrutinio del ⟦~H10DIT⟧\nGenitore: {first2} {last}, cell. ⟦H10PH⟧, email ⟦H10EM⟧",
        "CONVOCAZIONE — Tribunale di {org}\nR.G. n. ⟦~H10AUTOS⟧\nIl/La sig./sig.ra {first} {last}, nato/a il ⟦H10DOB⟧, è convocato/a all'udienza del ⟦~H10DIT⟧ ore ⟦~H10HHMM⟧.\nCancelleria: ⟦H10PHX⟧ — PEC ⟦H10EM⟧",
        "Atto notarile di compravendita — Notaio {last}\nVenditore: {first} {last}, nato il ⟦H10DOB⟧, C.F. ⟦~H10CF⟧\nAcquirente: {first2} {last}, nata il ⟦H10DOB⟧\nPrezzo versato con bonifico da ⟦H10IBAN⟧ il ⟦~H10DIT⟧\nStudio: ⟦H10PH⟧ · ⟦H10EM⟧ · repertorio ⟦~H10FOLIO⟧",
    ],
    "es-ES": [
        "SEPE — Resolución de prestación por desempleo\nSolicitante: {first} {last}\nFecha de nacimiento: ⟦H10DOB⟧\nNúmero de afiliación: ⟦~H10NUSS⟧\nEl pago se realizará en la cuenta ⟦H10IBAN⟧ a partir del ⟦~H10DES⟧.\nCita previa: ⟦H10PHN⟧ · ⟦H10URL⟧",
        "ESCRITURA DE COMPRAVENTA — Notaría de {org}\nEn ⟦~H10DES⟧ comparecen:\nDe una parte, {first} {last}, nacido el ⟦H10DOB⟧, DNI ⟦~H10DNI⟧;\nde otra, {first2} {last}, nacida el ⟦H10DOB⟧, NIE ⟦~H10NIE⟧.\nEl precio se abona por transferencia desde ⟦H10IBAN⟧.\nNotaría: ⟦H10PH⟧ · ⟦H10EM⟧",
        "CITACIÓN — Juzgado de Primera Instancia n.º 4\nAutos ⟦~H10AUTOS⟧\nSe cita a {first} {last}, nacido/a el ⟦H10DOB⟧, a la vista del ⟦~H10DES⟧ a las ⟦~H10HHMM⟧.\nSecretaría: ⟦H10PHX⟧ · ⟦H10EM⟧",
    ],
    "nl-NL": [
        "UWV — Besluit WW-uitkering\nKenmerk ⟦~H10UWV⟧\nGeachte {first} {last}, geboren op ⟦H10DOB⟧,\nUw uitkering wordt vanaf ⟦~H10DNL⟧ overgemaakt naar ⟦H10IBAN⟧.\nVragen? Bel ⟦H10PHN⟧ of kijk op ⟦H10URL⟧.",
        "Tandartspraktijk {org} — herinnering periodieke controle\n{first} {last}, geboortedatum ⟦H10DOB⟧\nLaatste controle ⟦~H10DNL⟧\nMaak een afspraak via ⟦H10PH⟧ of ⟦H10URL⟧.\nNota's per e-mail aan ⟦H10EM⟧; machtiging ⟦~H10MANDATE⟧",
        "Trouwerij {first} & {first2} — RSVP-lijst (datum ⟦~H10DNL⟧)\n{first} {last}: komt (2) — ⟦H10EM⟧ — ⟦H10PH⟧\n{first2} {last}: komt niet — ⟦H10EM⟧ — ⟦H10PHX⟧\nHotelkamers gegarandeerd met creditcard ⟦H10CARD⟧; cadeau graag op ⟦H10IBAN⟧",
        "Rapport — {org} College, schooljaar ⟦~H10YEARS⟧\nLeerling: {first} {last}, geboren ⟦H10DOB⟧\nNederlands ⟦~H10GRADE⟧ · Wiskunde ⟦~H10GRADE⟧\nRapportvergadering ⟦~H10DNL⟧\nOuder: {first2} {last}, ⟦H10PH⟧, ⟦H10EM⟧",
    ],
    "pt-BR": [
        "INSS — Extrato Previdenciário (CNIS)\nFiliado: {first} {last}\nData de nascimento: ⟦H10DOB⟧\nNIT/PIS: ⟦~H10PIS⟧    CPF: ⟦~H10CPF⟧\nCompetências: ⟦~H10MONYEARBR⟧ a ⟦~H10MONYEARBR⟧\nContato: ⟦H10PHN⟧ · ⟦H10EM⟧",
        "Recibo da corrida — {org}\nPassageiro(a): {first} {last}\nViagem ⟦~H10TRIP⟧ em ⟦~H10DBR⟧ às ⟦~H10HHMM⟧\nTotal R$ ⟦~H10AMTBR⟧ no cartão ⟦H10CARD⟧\nMotorista: {first2}, ⟦H10PH⟧\nRecibo enviado para ⟦H10EM⟧",
        "INTIMAÇÃO — Vara Cível de {org}\nProcesso n.º ⟦~H10AUTOS⟧\nIntimado(a): {first} {last}, nascido(a) em ⟦H10DOB⟧, CPF ⟦~H10CPF⟧\nAudiência em ⟦~H10DBR⟧ às ⟦~H10HHMM⟧\nCartório: ⟦H10PHX⟧ · ⟦H10EM⟧",
    ],
    "tech": [
        '$ kafka-console-consumer --topic customers --property print.offset=true --property print.timestamp=true --bootstrap-server ⟦~H10HOST⟧:9092\nCreateTime:⟦~H10EPOCHMS⟧\tPartition:0\tOffset:⟦~H10KOFF⟧\t{"email":"⟦H10EM⟧","phone":"⟦H10PHE⟧","dob":"⟦H10DOBI⟧","imei":"⟦~H10IMEI⟧"}\nCreateTime:⟦~H10EPOCHMS⟧\tPartition:1\tOffset:⟦~H10KOFF⟧\t{"email":"⟦H10EM⟧","card":"⟦H10CARD⟧","ssn":"⟦H10SSN⟧","pcp_npi":"⟦H10NPIP⟧","payout_wallet":"⟦H10BTC⟧"}',
        '{"index":{"_index":"patients","_id":"⟦~H10ESID⟧"}}\n{"name":"{first} {last}","birthDate":"⟦H10DOBI⟧","nhs":"⟦H10NHSP⟧","npi":"⟦H10NPIP⟧","email":"⟦H10EM⟧","ingested":"⟦~H10ISOTS⟧"}\n{"index":{"_index":"patients","_id":"⟦~H10ESID⟧"}}\n{"name":"{first2} {last}","birthDate":"⟦H10DOBI⟧","nhs":"⟦H10NHSP⟧"}',
        "CEF:0|{org}|Gateway|⟦~H10VER⟧|100|Suspicious login|7|rt=⟦~H10EPOCHMS⟧ src=⟦H10IP⟧ smac=⟦H10MAC⟧ dst=⟦H10IP⟧ dhost=⟦~H10HOST⟧ dmac=⟦H10MAC⟧ spt=⟦~H10SRCPORT⟧ dpt=⟦~H10PORT⟧ suser=⟦H10EM⟧ request=⟦H10URLS⟧",
        "LEEF:2.0|{org}|WAF|⟦~H10VER⟧|LOGIN_FAIL|^|devTime=⟦~H10EPOCHMS⟧^src=⟦H10IP⟧^srcMAC=⟦H10MAC⟧^dst=⟦H10IP6⟧^usrName=⟦H10EM⟧^cnt=1^url=⟦H10URLS⟧",
        "#separator \\x09\n#path\tdhcp\n#fields\tts\tuids\tclient_addr\tserver_addr\tmac\thost_name\tassigned_addr\tlease_time\n⟦~H10ZEEKTS⟧\t⟦~H10ZEEKUID⟧\t⟦H10IP⟧\t⟦H10IP⟧\t⟦H10MAC⟧\t{first}-pc\t⟦H10IP⟧\t86400.000000",
        "#path\tconn\n#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tduration\torig_bytes\n⟦~H10ZEEKTS⟧\t⟦~H10ZEEKUID⟧\t⟦H10IP⟧\t⟦~H10SRCPORT⟧\t⟦H10IP⟧\t⟦~H10PORT⟧\ttcp\t⟦~H10DUR⟧\t⟦~H10BYTES⟧",
        "Frame 1: ⟦~H10FRAME⟧ bytes on wire\nEthernet II, Src: ⟦H10MAC⟧, Dst: ⟦H10MAC⟧\nInternet Protocol Version 4, Src: ⟦H10IP⟧, Dst: ⟦H10IP⟧\nTransmission Control Protocol, Src Port: ⟦~H10SRCPORT⟧, Dst Port: 25\nSimple Mail Transfer Protocol\n    MAIL FROM:<⟦H10EM⟧>\n    RCPT TO:<⟦H10EM⟧>",
        '"Id","FirstName","LastName","Email","MobilePhone","Birthdate","Physician_NPI__c","OwnerId"\n"⟦~H10SFID⟧","{first}","{last}","⟦H10EM⟧","⟦H10PHE⟧","⟦H10DOBI⟧","⟦H10NPIP⟧","⟦~H10SFID⟧"\n"⟦~H10SFID⟧","{first2}","{last}","⟦H10EM⟧","⟦H10PHI⟧","⟦H10DOBI⟧","","⟦~H10SFID⟧"',
        "ISA*00*          *00*          *ZZ*{org}*ZZ*CARRIER*⟦~H10ISADATE⟧*⟦~H10HHMMX⟧*U*00501*⟦~H10MSGCTRL⟧*0*P*>~\nST*834*0001*005010X220A1~\nINS*Y*18*021*28*A***FT~\nREF*0F*⟦H10SSN⟧~\nNM1*IL*1*{last}*{first}****34*⟦H10SSN⟧~\nPER*IP**HP*⟦H10PHC⟧*EM*⟦H10EM⟧~\nDMG*D8*⟦H10DOBB⟧*F~\nDTP*356*D8*⟦~H10D8⟧~\nLX*1~\nNM1*P3*1*{last}*{first2}****XX*⟦H10NPIP⟧~",
        '<?xml version="1.0" encoding="UTF-8"?>\n<xfdf xmlns="http://ns.adobe.com/xfdf/" xml:space="preserve">\n<fields>\n<field name="applicant_email"><value>⟦H10EM⟧</value></field>\n<field name="applicant_phone"><value>⟦H10PH⟧</value></field>\n<field name="date_of_birth"><value>⟦H10DOB⟧</value></field>\n<field name="card_number"><value>⟦H10CARD⟧</value></field>\n<field name="physician_npi"><value>⟦H10NPI⟧</value></field>\n<field name="claim_number"><value>⟦~H10NPILIKE⟧</value></field>\n<field name="form_id"><value>⟦~H10UUID⟧</value></field>\n</fields>\n</xfdf>',
        'variables:\n  DEPLOY_HOST: "⟦H10IP⟧"\n  NOTIFY_EMAIL: "⟦H10EM⟧"\n  ONCALL_PHONE: "⟦H10PHE⟧"\n  STATUS_PAGE: "⟦H10URLS⟧"\n  REGISTRY_HOST: "⟦~H10HOST⟧"\n  SIGNER_ADDRESS: "⟦H10ETH⟧"\n  DOCKER_IMAGE_DIGEST: "⟦~H10DIGEST⟧"\n  PIPELINE_VERSION: "⟦~H10SEMVER⟧"',
        "OpenVPN CLIENT LIST\nUpdated,⟦~H10MBOXDATE⟧\nCommon Name,Real Address,Bytes Received,Bytes Sent,Connected Since\n⟦H10EM⟧,⟦H10IP⟧:⟦~H10SRCPORT⟧,⟦~H10BYTES⟧,⟦~H10BYTES⟧,⟦~H10MBOXDATE⟧\nROUTING TABLE\nVirtual Address,Common Name,Last Ref\n⟦H10IP⟧,⟦H10EM⟧,⟦~H10MBOXDATE⟧",
        "[Interface]\n# {first}'s laptop, owner ⟦H10EM⟧\nAddress = ⟦H10IP⟧/24\nListenPort = ⟦~H10PORT⟧\n\n[Peer]\nPublicKey = ⟦~H10WGKEY⟧\nEndpoint = ⟦H10IP⟧:51820\nAllowedIPs = ⟦H10IP⟧/32",
        "⟦~H10TS⟧ fail2ban.filter  [⟦~H10PID⟧]: INFO    [sshd] Found ⟦H10IP⟧ - ⟦~H10TS⟧\n⟦~H10TS⟧ fail2ban.actions [⟦~H10PID⟧]: NOTICE  [sshd] Ban ⟦H10IP⟧\n⟦~H10TS⟧ fail2ban.actions [⟦~H10PID⟧]: NOTICE  [postfix-sasl] Ban ⟦H10IP6⟧ (user ⟦H10EM⟧)",
        'snmptrapd: ⟦~H10TS⟧ <UNKNOWN> [UDP: [⟦H10IP⟧]:⟦~H10SRCPORT⟧]:\nDISMAN-EVENT-MIB::sysUpTimeInstance = Timeticks: (⟦~H10BYTES⟧)\nSNMPv2-MIB::snmpTrapOID.0 = OID: ⟦~H10OID⟧\n⟦~H10OID⟧ = STRING: "{first} {last} <⟦H10EM⟧> port down, station ⟦H10MAC⟧"',
    ],
}


REPEATS10 = 6  # documents per template


def _half(templates: dict[str, list[str]], tag: str, rnd: random.Random) -> list[dict]:
    cases = []
    for group, group_templates in templates.items():
        for i, template in enumerate(group_templates):
            for n in range(REPEATS10):
                case = fill(template, rnd, group if group != "tech" else LOCALES[(i + n) % len(LOCALES)])
                case.update(split="heldout10", batch="heldout10", locale=group, template=f"{group}/{tag}/{i}")
                cases.append(case)
    return cases


def build_heldout10() -> list[dict]:
    """Every template of KNOWN10 then NEW10 (per locale, then tech), REPEATS10 documents each, seed SEED10."""
    rnd = random.Random(SEED10)
    cases = _half(KNOWN10, "h10k", rnd) + _half(NEW10, "h10n", rnd)
    return [label_fhir_system_urls(case) for case in cases]  # the set's definition; see that function


def main() -> None:
    """Counts only: bench/phantom_pii_multilingual_data.py writes the batch into the set (never print spans)."""
    print_batch_counts(build_heldout10(), f"heldout10 (seed {SEED10})", ("h10k", "h10n"))


if __name__ == "__main__":
    main()
