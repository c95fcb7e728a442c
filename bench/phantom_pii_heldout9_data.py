"""`heldout9`: the ninth held-out batch for bench/phantom_pii_multilingual.json, written from the formats'
specifications while heldout8 was being tuned on, without reading servers/phantom/pii.py, pii_fields.py,
redaction.py or docs/phantom.md and without running any detector on it (not even on dev cases). It is
meant to be scored once.

Built by bench/phantom_pii_multilingual_data.py (which imports `build_heldout9` from here, last), seed
SEED9, split and batch "heldout9". Like heldout7 and heldout8 it is a fair sample in two halves, told
apart by the template tag so each half can be scored on its own:
- known kinds, `<locale>/h9k/<n>`: the kinds and writing styles the earlier batches used, sampled in
  about the proportion they have in the set (customer e-mails and complaint letters, HR forms, CSV /
  semicolon / markdown tables of people, chat messages, invoices and transfer notices, appointment
  reminders, delivery notices, clinical letters, insurance claims, hotel bookings, e-mail signatures,
  support tickets, JSON and FHIR records, vCard, access and syslog lines, `.env` files, SQL inserts, curl
  commands, wallet CSVs), written fresh: new wording, field orders, surrounding text and values;
- new kinds, `<locale>/h9n/<n>`: document kinds no batch (heldout7's and heldout8's new halves included)
  has used (each checked by a marker phrase against every earlier case in tests/test_pii_heldout9_set.py):
  a DMV vehicle registration renewal, a homeowners-association resident directory, a veterinary patient
  record (US, French, Italian, Dutch), a job application / CV header (US, German, Spanish), a UK penalty
  charge notice, an optician's recall letter, a school admission form, a library membership, an Indian
  LPG refill booking, a marketplace dispute message, a French visa application summary and a vote proxy
  (procuration), a German power of attorney (Vollmacht) and Kfz insurance quote (VIN), an Italian
  university enrolment (matricola) and nursery (asilo nido) application, a Spanish crowdfunding pledge
  receipt and escuela infantil application, a Dutch residents' parking permit, a Brazilian Pix receipt,
  power of attorney (procuração) and school enrolment; and in the technical group a Jira issue export, an
  ISC dhcpd.leases file, a RADIUS accounting record, an AWS CloudTrail event, a MongoDB document, a JUnit
  test, a JavaScript test fixture, a Prometheus alerting rule, a crontab, a `.gitconfig` and an Ansible
  INI inventory.
Each template is filled REPEATS9 times with fresh values; the technical group cycles through the locales.

Values come from heldout5's to heldout8's spec-built generators, registered again here under H9 names
(every H8 name is mirrored as the H9 name with the same generator), valid by their specifications
(libphonenumber, ISO/IEC 7812 with Luhn, SSA rules, NPI Luhn over 80840, NHS modulus 11, ISO 13616,
Base58Check/bech32/bech32m, EIP-55). The new hard negatives are built below from their own
specifications and checked in tests/test_pii_heldout9_set.py with python-stdnum where it has them.

What is and is not an entity follows heldout5's to heldout8's docstrings (a birth date only by its cue
or field; any telephone number with its extension in the span; punctuation outside spans; `tel:` and
`mailto:` schemes outside the span; names and street addresses unlabelled; personal identifiers of other
types are negatives). Where they are silent:
- An airline ticket number (13 digits: a three-digit airline prefix and a ten-digit serial), a PNR
  record locator, a flight number, an IATA bag tag, an EAN-13 / ISBN-13 (GS1 mod 10), an ICCID (Luhn-valid, 19-20 digits starting 89: not a card, no card scheme
  issues from the 89 telecom range) and an IMEI are negatives.
- Issue, expiry, smog-check, lease-start/end (`starts`/`ends` in dhcpd.leases), enrolment, vaccination,
  eye-test, offence, permit, ballot and signing dates are not birth dates; a pet owner's `Owner DOB`, a
  CV's `Date of birth`, a child's birth date on an enrolment form and both parties' birth dates on a
  power of attorney are.
- A pet's date of birth is NOT a person's birth date: the animal's birth date is a negative (the set
  labels people's birth dates only); so are pet microchip numbers (ISO 11784, 15 digits).
- In a dhcpd.leases file the `hardware ethernet` value is a MAC address and the lease's address an IP
  address; `client-hostname` strings are unlabelled.
- RADIUS (RFC 2866 / RFC 3580): `Calling-Station-Id` and `Called-Station-Id` carry MAC addresses; in
  `Called-Station-Id` the `:SSID` suffix is outside the span. `User-Name` holding an e-mail address is
  labelled as one (quotes outside).
- An AWS account id (12 digits) in an ARN, a Jira key (`OPS-1234`), a MongoDB ObjectId and an
  `Acct-Session-Id` are negatives.
- A Prometheus `expr` threshold, crontab schedules and git signing-key ids are negatives or unlabelled.
"""

from __future__ import annotations

import random
import string
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from phantom_pii_data import card  # noqa: E402
from phantom_pii_heldout5_data import _alnum, _hex, _pick  # noqa: E402
from phantom_pii_heldout6_data import LOCALES, _recent  # noqa: E402
from phantom_pii_heldout8_data import _gs1_check  # noqa: E402  (also registers every H8 name)
from phantom_pii_multilingual_data import NEGATIVES, VALUES, digits, fill, print_batch_counts  # noqa: E402

SEED9 = 9909
UP = string.ascii_uppercase

# heldout8's generators under H9 names (the registries are shared by name across modules: the H9 copies
# leave every H8 entry as it was)
VALUES.update({"H9" + name[2:]: entry for name, entry in list(VALUES.items()) if name.startswith("H8")})
NEGATIVES.update({"H9" + name[2:]: make for name, make in list(NEGATIVES.items()) if name.startswith("H8")})


# -- new hard negatives built from their specifications ----------------------------------------------


def _ean13(rnd: random.Random) -> str:
    """EAN-13 (GS1 General Specifications): twelve digits and a mod-10 check digit, weights 1 and 3."""
    body = rnd.choice(["400", "590", "800", "840", "871", "789", "890", "376"]) + digits(rnd, 9)
    return body + _gs1_check(body)


def _isbn13(rnd: random.Random) -> str:
    """ISBN-13 (ISO 2108): 978/979 prefix, GS1 check digit, printed with or without hyphens."""
    body = rnd.choice(["978", "979"]) + digits(rnd, 9)
    n = body + _gs1_check(body)
    return _pick(rnd, [n, f"{n[:3]}-{n[3]}-{n[4:8]}-{n[8:12]}-{n[12]}"])


def _iccid(rnd: random.Random) -> str:
    """ICCID (ITU-T E.118): 89, country code, issuer, account, Luhn check digit; 19 or 20 digits."""
    return card(
        rnd, "89" + rnd.choice(["1", "44", "49", "33", "39", "34", "31", "55", "91"]), rnd.choice([19, 20])
    )


def _ticket(rnd: random.Random) -> str:
    """IATA ticket number: three-digit airline prefix and a ten-digit serial, often split after the prefix."""
    prefix = rnd.choice(["220", "125", "057", "074", "075", "001", "006", "176", "098", "047"])
    serial = digits(rnd, 10)
    return _pick(rnd, [f"{prefix}{serial}", f"{prefix}-{serial}", f"{prefix} {serial}"])


def _bagtag(rnd: random.Random) -> str:
    """IATA bag tag licence plate: two-letter carrier and six digits (printed form)."""
    return f"{rnd.choice(['LH', 'BA', 'AF', 'KL', 'IB', 'AZ', 'AI', 'LA', 'UA'])}{digits(rnd, 6)}"


def _flight(rnd: random.Random) -> str:
    return f"{rnd.choice(['LH', 'BA', 'AF', 'KL', 'IB', 'AZ', 'AI', 'LA', 'UA', 'DL', 'FR', 'U2'])} {rnd.randint(10, 9999)}"


def _pnr(rnd: random.Random) -> str:
    return _alnum(rnd, 6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789")


def _lease_time(rnd: random.Random) -> str:
    day = _recent(rnd)
    return f"{day.isoweekday() % 7} {day.year}/{day.month:02d}/{day.day:02d} {rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}"


def _pet_dob(rnd: random.Random) -> str:
    day = _recent(rnd)
    return f"{day.day:02d}/{day.month:02d}/{day.year - rnd.randint(0, 12)}"


def _pcn(rnd: random.Random) -> str:
    return f"{_alnum(rnd, 2, UP)}{digits(rnd, 8)}"


NEGATIVES.update(
    {
        "H9EAN": _ean13,
        "H9ISBN": _isbn13,
        "H9ICCID": _iccid,
        "H9TICKET": _ticket,
        "H9BAGTAG": _bagtag,
        "H9FLIGHT": _flight,
        "H9PNR": _pnr,
        "H9LEASE": _lease_time,
        "H9PETDOB": _pet_dob,
        "H9PCN": _pcn,
        "H9AWSACCT": lambda r: digits(r, 12),
        "H9PNRIN": lambda r: f"{r.randint(1, 8)}{digits(r, 9)}",
        "H9JIRA": lambda r: f"{r.choice(['OPS', 'SUP', 'PAY', 'CRM', 'SEC'])}-{r.randint(10, 9999)}",
        "H9SEMVER": lambda r: f"{r.randint(0, 9)}.{r.randint(0, 40)}.{r.randint(0, 20)}",
        "H9CHIP": lambda r: (
            f"{r.choice(['276', '250', '380', '724', '528', '826', '840', '981', '985'])}{digits(r, 12)}"
        ),
        "H9MATRICOLA": lambda r: f"{r.choice(['S', 'N', ''])}{digits(r, 7)}",
        "H9SEAT": lambda r: f"{r.randint(1, 45)}{r.choice('ABCDEF')}",
        "H9PIXID": lambda r: (
            f"E{digits(r, 8)}{_recent(r).strftime('%Y%m%d')}{digits(r, 4)}{_alnum(r, 11, UP + string.digits)}"
        ),
        "H9K8SVER": lambda r: f"v1.{r.randint(24, 31)}.{r.randint(0, 9)}",
        "H9HEX16": lambda r: _hex(r, 16),
        "H9VISA": lambda r: f"FRA{r.randint(1, 9)}{_alnum(r, 2, UP)}{digits(r, 10)}",
        "H9RX": lambda r: (
            f"SPH {r.choice(['-', '+'])}{r.randint(0, 6)}.{r.choice(['00', '25', '50', '75'])} CYL -{r.randint(0, 2)}.{r.choice(['00', '25', '50', '75'])} AX {r.randint(1, 180)}"
        ),
    }
)


# -- known kinds: what the earlier batches used, sampled in proportion, written fresh ----------------

KNOWN9: dict[str, list[str]] = {
    "en-US": [
        "Hello {org} team,\n\nI was double-charged for order ⟦~H9ORDER⟧ on ⟦~H9DUS⟧. Both charges hit my card ending in ⟦~H9LAST4⟧ — the full number is ⟦H9CARD⟧ if you need it to find them. Please reply to ⟦H9EM⟧ or ring me at ⟦H9PHX⟧ after 5pm. Your chat agent gave me reference ⟦~H9CASE⟧ and gift card ⟦~H9CARDLIKE⟧ was not touched.\n\nThanks,\n{first} {last}",
        "NEW HIRE PAPERWORK\nEmployee: {first} {last}    Employee ID: ⟦~H9EMPID⟧\nSocial Security No.: ⟦H9SSN⟧    Birth date: ⟦H9DOB⟧\nMobile: ⟦H9PH⟧    Personal email: ⟦H9EM⟧\nFirst day: ⟦~H9DUS⟧    Badge: ⟦~H9CARDLIKE⟧\nI-9 document no. ⟦~H9DL⟧, expires ⟦~H9DUS⟧",
        "Reminder from {org} Dental: {first}, your cleaning is on ⟦~H9DUS⟧ at ⟦~H9HHMM⟧ with Dr. {last} (NPI ⟦H9NPI⟧). Confirm or reschedule at ⟦H9URL⟧ or call ⟦H9PH⟧. Reply STOP to opt out. Claim ⟦~H9NPILIKE⟧ from ⟦~H9DUS⟧ is closed.",
        'patient_name,dob,ssn,phone,email,pcp_npi,visit\n"{last}, {first}",⟦H9DOB⟧,⟦H9SSN⟧,⟦H9PH⟧,⟦H9EM⟧,⟦H9NPIP⟧,⟦~H9DUS⟧\n"{last}, {first2}",⟦H9DOB⟧,⟦H9SSN⟧,⟦H9PH⟧,⟦H9EM⟧,⟦H9NPIP⟧,⟦~H9DUS⟧',
        "Support case ⟦~H9CASE⟧ (priority high)\nReported by {first} {last} <⟦H9EM⟧>\nThe user says funds sent to ⟦H9BTC⟧ on ⟦~H9DUS⟧ never arrived; wallet app ⟦~H9VER⟧, tx hash ⟦~H9TXID⟧. Login seen from ⟦H9IP⟧. Callback number ⟦H9PH⟧. Device ⟦~H9IMEI⟧, session ⟦~H9HEX32⟧.",
    ],
    "en-GB": [
        "Dear Dr {last},\n\nRe: {first} {first2}, DOB ⟦H9DOB⟧, NHS No ⟦H9NHS⟧\n\nThank you for referring this patient, seen in clinic on ⟦~H9DGB⟧. Bloods repeated on ⟦~H9DGB⟧. Please contact the team on ⟦H9PHX⟧ or ⟦H9EM⟧ with any questions. Hospital no. ⟦~H9NHSLIKE⟧, lab ref ⟦~H9NHSLIKE⟧.\n\nYours sincerely",
        "Hi {first},\n\nYour table for four at {org} is booked for ⟦~H9DGB⟧, ⟦~H9HHMM⟧. We've pre-authorised £⟦~H9AMTGB⟧ on ⟦H9CARD⟧. Need to change it? ⟦H9URL⟧ or ⟦H9PH⟧.\nBooking ⟦~H9ORDER⟧, table ⟦~H9ROOM⟧.\n\nSee you soon",
        "Claim reference ⟦~H9CASE⟧\nPolicyholder: {first} {last}\nDate of birth: ⟦H9DOB⟧\nIncident date: ⟦~H9DGB⟧\nSettlement to: ⟦H9IBAN⟧\nPhone: ⟦H9PH⟧ · Email: ⟦H9EM⟧\nVehicle ⟦~H9VIN⟧, policy ⟦~H9POLICY⟧, reported ⟦~H9DGB⟧",
        "--\n{first} {last}\nPractice Manager, {org} Medical Centre\nDirect: ⟦H9PHX⟧ | Mobile: ⟦H9PH⟧\n⟦H9EM⟧ | ⟦H9URL⟧\nODS code ⟦~H9ODS⟧ · Company no. ⟦~H9KVK⟧",
    ],
    "en-IN": [
        "Dear Customer {first} {last},\nYour refund of Rs. ⟦~H9AMTIN⟧ for order ⟦~H9ORDER⟧ has been credited to card ⟦H9CARD⟧ on ⟦~H9DIN⟧. For queries call ⟦H9PH⟧ or mail ⟦H9EM⟧. Ref ⟦~H9CASE⟧, UTR ⟦~H9AWB⟧, IFSC ⟦~H9IFSC⟧.",
        "{first}: the hotel wants the guest details again\n{first2}: name {first2} {last}, DOB ⟦H9DOB⟧, mobile ⟦H9PH⟧\n{first}: email?\n{first2}: ⟦H9EM⟧. pay from ⟦H9IBAN⟧ na",
        "S.No | Name | Date of Birth | Mobile | Email | PAN\n1 | {first} {last} | ⟦H9DOB⟧ | ⟦H9PH⟧ | ⟦H9EM⟧ | ⟦~H9PAN⟧ (Aadhaar ⟦~H9AADHAAR⟧)\n2 | {first2} {last} | ⟦H9DOB⟧ | ⟦H9PHI⟧ | ⟦H9EM⟧ | ⟦~H9PAN⟧",
    ],
    "fr-FR": [
        "Bonjour {first},\n\nVotre colis ⟦~H9ORDER⟧ expédié le ⟦~H9DFR⟧ sera livré demain. Le livreur vous appellera au ⟦H9PH⟧. Suivi : ⟦H9URL⟧. Une question ? Écrivez à ⟦H9EM⟧.\nCode de retrait ⟦~H9EAN⟧, créneau ⟦~H9HHMM⟧.\n\nL'équipe {org}",
        "FICHE D'INSCRIPTION\nNom : {last}\nPrénom : {first}\nDate de naissance : ⟦H9DOB⟧\nTél. : ⟦H9PH⟧\nMél : ⟦H9EM⟧\nRIB (IBAN) : ⟦H9IBAN⟧\nInscrit le : ⟦~H9DFR⟧\nN° SIRET employeur : ⟦~H9SIRET⟧",
        "Objet : réclamation facture ⟦~H9ORDER⟧\n\nMadame, Monsieur,\nle prélèvement du ⟦~H9DFR⟧ sur mon compte ⟦H9IBAN⟧ est erroné. Merci de me rappeler au ⟦H9PHX⟧.\n{first} {last}, client n° ⟦~H9CASE⟧",
    ],
    "de-DE": [
        "Sehr geehrte Frau {last},\n\nwir bestätigen Ihren Termin am ⟦~H9DDE⟧ um ⟦~H9HHMM⟧ Uhr. Bitte bringen Sie Ihre Versichertenkarte mit. Absagen bitte telefonisch unter ⟦H9PHX⟧ oder per E-Mail an ⟦H9EM⟧.\nVersichertennummer ⟦~H9KVNR⟧, Termin-ID ⟦~H9CASE⟧.\n\nIhr Praxisteam {org}",
        "Personalbogen\nNachname: {last}\nVorname: {first}\nGeburtsdatum: ⟦H9DOB⟧\nSteuer-ID: ⟦~H9IDNR⟧\nBankverbindung: ⟦H9IBAN⟧\nTelefon privat: ⟦H9PH⟧\nE-Mail privat: ⟦H9EM⟧\nEintrittsdatum: ⟦~H9DDE⟧\nRV-Nummer: ⟦~H9RVNR⟧",
        "{first}: hast du die Kontodaten vom Vermieter?\n{first2}: ja, ⟦H9IBAN⟧, Betreff ⟦~H9ORDER⟧\n{first}: und seine Nummer?\n{first2}: ⟦H9PH⟧ oder mail an ⟦H9EM⟧",
    ],
    "it-IT": [
        "Gentile cliente,\nil pacco ⟦~H9ORDER⟧ sarà consegnato il ⟦~H9DIT⟧. Il corriere la contatterà al ⟦H9PH⟧. Segua la spedizione su ⟦H9URL⟧ o scriva a ⟦H9EM⟧.\nCodice ritiro ⟦~H9EAN⟧, finestra ⟦~H9HHMM⟧.\n{org}",
        "Spett.le {org},\nin riferimento al sinistro ⟦~H9CASE⟧ del ⟦~H9DIT⟧ chiedo il rimborso sull'IBAN ⟦H9IBAN⟧. Sono nato il ⟦H9DOB⟧, tel. ⟦H9PH⟧.\nDistinti saluti, {first} {last}\nTarga veicolo ⟦~H9PLATEIT⟧, polizza ⟦~H9POLICY⟧",
        "cognome;nome;data_nascita;cellulare;email;carta\n{last};{first};⟦H9DOB⟧;⟦H9PH⟧;⟦H9EM⟧;⟦H9CARD⟧\n{last};{first2};⟦H9DOB⟧;⟦H9PH⟧;⟦H9EM⟧;⟦H9CARD⟧",
    ],
    "es-ES": [
        "Hola {first}:\nTu pedido ⟦~H9ORDER⟧ del ⟦~H9DES⟧ ya está en camino. El repartidor te llamará al ⟦H9PH⟧. Sigue el envío en ⟦H9URL⟧.\nCódigo de seguimiento ⟦~H9S10⟧, entrega ⟦~H9DES⟧.\nAtentamente, {org}",
        "Reclamación n.º ⟦~H9CASE⟧\nTitular: {first} {last}\nFecha de nacimiento: ⟦H9DOB⟧\nDNI: ⟦~H9DNI⟧\nCuenta para el abono: ⟦H9IBAN⟧\nContacto: ⟦H9PH⟧ / ⟦H9EM⟧\nFecha del siniestro: ⟦~H9DES⟧",
        "{first}: pásame la tarjeta para reservar el hotel\n{first2}: ⟦H9CARD⟧, caduca ⟦~H9EXP⟧\n{first}: y el móvil de tu hermano?\n{first2}: ⟦H9PH⟧",
    ],
    "nl-NL": [
        "Beste {first},\n\nBedankt voor je bestelling ⟦~H9ORDER⟧ van ⟦~H9DNL⟧. We schrijven ⟦~H9AMTNL⟧ euro af van ⟦H9IBAN⟧. Vragen? Bel ⟦H9PH⟧ of mail ⟦H9EM⟧.\nFactuur ⟦~H9ORDER⟧, klantnummer ⟦~H9EMPID⟧.\n\nGroet, {org}",
        "Inschrijfformulier\nNaam: {first} {last}\nGeboortedatum: ⟦H9DOB⟧\nBSN: ⟦~H9BSN⟧\nMobiel: ⟦H9PH⟧\nE-mail: ⟦H9EM⟧\nDatum inschrijving: ⟦~H9DNL⟧\nRijbewijsnummer: ⟦~H9DLNL⟧",
        "{first}: wat is het rekeningnummer voor het cadeau?\n{first2}: ⟦H9IBAN⟧ t.n.v. {last}\n{first}: top, bel me even op ⟦H9PH⟧ als het binnen is",
    ],
    "pt-BR": [
        "Olá {first}, seu pedido ⟦~H9ORDER⟧ foi aprovado em ⟦~H9DBR⟧ no cartão ⟦H9CARD⟧. Acompanhe em ⟦H9URL⟧. Atendimento: ⟦H9PH⟧ · ⟦H9EM⟧. Nota ⟦~H9CASE⟧, NSU ⟦~H9CARDLIKE⟧.",
        "CADASTRO DE PACIENTE\nNome completo: {first} {last}\nData de nascimento: ⟦H9DOB⟧\nCPF: ⟦~H9CPF⟧\nCelular: ⟦H9PH⟧\nE-mail: ⟦H9EM⟧\nConvênio desde ⟦~H9DBR⟧\nCartão SUS: ⟦~H9CARDLIKE⟧\nPIS: ⟦~H9PIS⟧",
        "⟦~H9CHATTS⟧ - {first}: qual o email da contadora?\n⟦~H9CHATTS⟧ - {first2}: ⟦H9EM⟧\n⟦~H9CHATTS⟧ - {first2}: e o telefone dela é ⟦H9PH⟧",
    ],
    "tech": [
        '⟦H9IP⟧ - - [⟦~H9CLF⟧] "POST /api/v2/login HTTP/1.1" 401 53 "⟦H9URLS⟧" "Mozilla/5.0"\n⟦H9IP⟧ - - [⟦~H9CLF⟧] "GET /users/⟦~H9UUID⟧ HTTP/1.1" 200 812 "-" "okhttp/⟦~H9VER⟧"',
        '{"customer_id": "⟦~H9UUID⟧", "email": "⟦H9EM⟧", "phone": "⟦H9PHE⟧", "dob": "⟦H9DOBI⟧", "card": {"number": "⟦H9CARD⟧", "exp": "⟦~H9EXP⟧"}, "last_login_ip": "⟦H9IP6⟧", "updated": "⟦~H9ISOTS⟧"}',
        "BEGIN:VCARD\nVERSION:3.0\nN:{last};{first};;;\nBDAY:⟦H9DOBI⟧\nTEL;TYPE=WORK:⟦H9PHE⟧\nEMAIL;TYPE=INTERNET:⟦H9EM⟧\nNOTE:NHS ⟦H9NHSP⟧\nREV:⟦~H9ISOTS⟧\nEND:VCARD",
        "MAIL_ADMIN=⟦H9EM⟧\nREDIS_HOST=⟦H9IP⟧\nREDIS_PORT=⟦~H9PORT⟧\nOPS_PAGER=⟦H9PHE⟧\nAPP_VERSION=⟦~H9VER⟧\nCALLBACK_URL=⟦H9URLS⟧\nBUILD=⟦~H9SHA7⟧",
        "⟦~H9TS⟧ gw01 dhclient[⟦~H9PID⟧]: DHCPACK of ⟦H9IP⟧ from ⟦H9IP⟧\n⟦~H9TS⟧ gw01 kernel: br0: port 2(eth1) entered forwarding state, src ⟦H9MAC⟧\n⟦~H9TS⟧ gw01 sshd[⟦~H9PID⟧]: Accepted publickey for {first} from ⟦H9IP⟧ port ⟦~H9SRCPORT⟧",
        "INSERT INTO members (id, email, phone, dob, iban) VALUES\n  (⟦~H9PID⟧, '⟦H9EM⟧', '⟦H9PHE⟧', '⟦H9DOBI⟧', '⟦H9IBANC⟧'),\n  (⟦~H9PID⟧, '⟦H9EM⟧', '⟦H9PHE⟧', '⟦H9DOBI⟧', '⟦H9IBANC⟧');",
        "curl ⟦H9URLS⟧ \\\n  -u ⟦H9EM⟧:$API_TOKEN \\\n  --data-urlencode 'npi=⟦H9NPIP⟧' \\\n  --data-urlencode 'wallet=⟦H9ETH⟧' \\\n  --data-urlencode 'ssn=⟦H9SSN⟧'",
        '{"devices": [{"hostname": "{first}-phone", "mac": "⟦H9MAC⟧", "ip": "⟦H9IP⟧", "owner": "⟦H9EM⟧", "serial": "⟦~H9SERIAL⟧", "seen": "⟦~H9ISOTS⟧"}, {"hostname": "printer", "mac": "⟦H9MAC⟧", "ip": "⟦H9IP⟧", "firmware": "⟦~H9VER⟧"}]}',
        "date,asset,address,memo\n⟦~H9ISODATE⟧,BTC,⟦H9BTC⟧,cold storage\n⟦~H9ISODATE⟧,ETH,⟦H9ETH⟧,{first} payout\n⟦~H9ISODATE⟧,BTC,⟦H9BTC⟧,refund ⟦~H9ORDER⟧",
    ],
}


# -- new kinds: document kinds no earlier batch used --------------------------------------------------

NEW9: dict[str, list[str]] = {
    "en-US": [
        "VEHICLE REGISTRATION RENEWAL NOTICE — Department of Motor Vehicles\nRegistered owner: {first} {last}\nDate of birth: ⟦H9DOB⟧    Driver license: ⟦~H9DL⟧\nPlate: ⟦~H9PLATEUS⟧    VIN: ⟦~H9VIN⟧\nExpires: ⟦~H9DUS⟧    Smog check passed ⟦~H9DUS⟧\nRenew online at ⟦H9URL⟧ · questions ⟦H9PHN⟧\nConfirmation sent to ⟦H9EM⟧; fee charged to ⟦H9CARD⟧",
        "{org} Animal Hospital — Patient Record\nPet: Biscuit (canine)    Pet DOB: ⟦~H9PETDOB⟧    Microchip: ⟦~H9CHIP⟧\nOwner: {first} {last}    Owner DOB: ⟦H9DOB⟧\nPhone: ⟦H9PH⟧    Email: ⟦H9EM⟧\nRabies vaccine given ⟦~H9DUS⟧\nReferring vet NPI ⟦~H9NPILIKE⟧ · card on file ⟦H9CARD⟧",
        "JOB APPLICATION — {org} Logistics\nApplicant: {first} {last}\nDate of birth: ⟦H9DOB⟧\nSSN (for background check): ⟦H9SSN⟧\nCell: ⟦H9PHX⟧\nEmail: ⟦H9EM⟧\nPortfolio: ⟦H9URL⟧\nAvailable from: ⟦~H9DUS⟧\nDriver's license: ⟦~H9DL⟧ (exp ⟦~H9DUS⟧)",
        "{org} Homeowners Association — Resident Directory Update\nOwner: {first} {last}    Unit ⟦~H9ROOM⟧\nPhone: ⟦H9PH⟧    Alternate: ⟦H9PHX⟧\nEmail: ⟦H9EM⟧\nCo-owner: {first2} {last}, ⟦H9PH⟧\nHOA dues autopay: routing ⟦~H9ABA⟧, account ⟦~H9ACCT⟧\nGate remote serial ⟦~H9SERIAL⟧ · move-in ⟦~H9DUS⟧",
    ],
    "en-GB": [
        "PENALTY CHARGE NOTICE\nPCN number: ⟦~H9PCN⟧\nVehicle registered keeper: {first} {last}\nDate of contravention: ⟦~H9DGB⟧ at ⟦~H9HHMM⟧\nPay online at ⟦H9URL⟧ or by phone on ⟦H9PHN⟧\nPayment taken from ⟦H9CARD⟧\nReceipt sent to ⟦H9EM⟧\nVehicle: ⟦~H9VIN⟧ · case ⟦~H9CASE⟧",
        "{org} Opticians — time for your eye test\nDear {first} {last},\nyour last test was on ⟦~H9DGB⟧ (prescription R ⟦~H9RX⟧). As you were born on ⟦H9DOB⟧ your test is NHS funded; NHS number ⟦H9NHS⟧.\nBook at ⟦H9URL⟧ or call ⟦H9PH⟧.",
        "School admission form — {org} Primary\nChild: {first} {last}    Date of birth: ⟦H9DOB⟧    NHS number: ⟦H9NHSP⟧\nParent/carer: {first2} {last}\nHome phone: ⟦H9PH⟧    Work phone: ⟦H9PHX⟧\nEmail: ⟦H9EM⟧\nStart date: ⟦~H9DGB⟧\nPrevious school URN ⟦~H9EMPID⟧ · GP practice ⟦~H9ODS⟧",
        "{org} Library — membership confirmed\nBorrower: {first} {last}\nBorrower number: ⟦~H9EAN⟧\nDate of birth: ⟦H9DOB⟧\nEmail: ⟦H9EM⟧    Mobile: ⟦H9PH⟧\nFirst loan: ISBN ⟦~H9ISBN⟧, due ⟦~H9DGB⟧",
    ],
    "en-IN": [
        "LPG REFILL BOOKING — {org} Gas\nConsumer No.: ⟦~H9CONSUMER⟧    Distributor code ⟦~H9PIN⟧\nCustomer: {first} {last}\nRegistered mobile: ⟦H9PH⟧\nEmail: ⟦H9EM⟧\nBooked on ⟦~H9DIN⟧, cylinder delivery by ⟦~H9DIN⟧\nPaid by card ⟦H9CARD⟧ · track at ⟦H9URL⟧",
        "Marketplace dispute #⟦~H9ORDER⟧\nBuyer: {first} {last} (⟦H9EM⟧)\nSeller says the item shipped on ⟦~H9DIN⟧ with AWB ⟦~H9AWB⟧.\nItem: phone, IMEI ⟦~H9IMEI⟧, bundled SIM ⟦~H9ICCID⟧.\nBuyer's phone ⟦H9PHI⟧; refund to card ⟦H9CARD⟧ or UPI. EAN on box: ⟦~H9EAN⟧",
    ],
    "fr-FR": [
        "DEMANDE DE VISA — RÉCAPITULATIF\nNuméro de demande : ⟦~H9VISA⟧\nNom : {last}    Prénom : {first}\nDate de naissance : ⟦H9DOB⟧\nTéléphone : ⟦H9PHI⟧\nCourriel : ⟦H9EM⟧\nDate d'arrivée prévue : ⟦~H9DFR⟧    Vol ⟦~H9FLIGHT⟧\nFrais réglés le ⟦~H9DFR⟧, quittance ⟦~H9ORDER⟧",
        "PROCURATION DE VOTE\nMandant : {first} {last}, né(e) le ⟦H9DOB⟧\nMandataire : {first2} {last}, né(e) le ⟦H9DOB⟧\nScrutin du ⟦~H9DFR⟧\nTéléphone : ⟦H9PH⟧    Courriel : ⟦H9EM⟧\nRéférence de la demande : ⟦~H9CASE⟧ — déposée le ⟦~H9DFR⟧ sur ⟦H9URL⟧",
        "Clinique vétérinaire {org}\nPropriétaire : {first} {last}, né(e) le ⟦H9DOB⟧\nAnimal : Filou, chat, né le ⟦~H9PETDOB⟧, puce ⟦~H9CHIP⟧\nTél. : ⟦H9PH⟧ — courriel ⟦H9EM⟧\nRèglement carte ⟦H9CARD⟧ le ⟦~H9DFR⟧",
    ],
    "de-DE": [
        "Ihr Angebot zur Kfz-Versicherung\nVersicherungsnehmer: {first} {last}, geboren am ⟦H9DOB⟧\nFahrzeug-Ident.-Nr.: ⟦~H9VIN⟧\nErstzulassung: ⟦~H9DDE⟧\nBeitrag per Lastschrift von ⟦H9IBAN⟧\nRückfragen: ⟦H9PHX⟧ · ⟦H9EM⟧\nAngebotsnummer ⟦~H9POLICY⟧ · gültig bis ⟦~H9DDE⟧",
        "VOLLMACHT\nHiermit bevollmächtige ich, {first} {last}, geb. am ⟦H9DOB⟧,\nHerrn/Frau {first2} {last}, geb. am ⟦H9DOB⟧, mich gegenüber der {org} Bank zu vertreten.\nKonto: ⟦H9IBAN⟧\nErreichbar unter ⟦H9PH⟧ oder ⟦H9EM⟧\nOrt, Datum: Köln, ⟦~H9DDE⟧ · Vorgang ⟦~H9CASE⟧",
        "Bewerbung als Fachinformatiker\n{first} {last}\nGeburtsdatum: ⟦H9DOB⟧\nTelefon: ⟦H9PH⟧\nE-Mail: ⟦H9EM⟧\nGitHub: ⟦H9URL⟧\nVerfügbar ab ⟦~H9DDE⟧\nZeugnis vom ⟦~H9DDE⟧ · Steuer-ID ⟦~H9IDNR⟧",
    ],
    "it-IT": [
        "IMMATRICOLAZIONE A.A. ⟦~H9YEAR⟧ — Università di {org}\nStudente: {first} {last}\nMatricola: ⟦~H9MATRICOLA⟧\nData di nascita: ⟦H9DOB⟧\nCodice fiscale: ⟦~H9CF⟧\nCellulare: ⟦H9PH⟧    Email: ⟦H9EM⟧\nTasse pagate da ⟦H9IBAN⟧ il ⟦~H9DIT⟧",
        "DOMANDA DI ISCRIZIONE ALL'ASILO NIDO comunale\nBambino/a: {first} {last}, nato/a il ⟦H9DOB⟧\nGenitore richiedente: {first2} {last}, C.F. ⟦~H9CF⟧\nCellulare: ⟦H9PH⟧    Email: ⟦H9EM⟧\nRetta addebitata su ⟦H9IBAN⟧\nProtocollo ⟦~H9CASE⟧ del ⟦~H9DIT⟧",
        "Ambulatorio veterinario {org}\nProprietario: {first} {last}, nato il ⟦H9DOB⟧\nCane: Luna, nata il ⟦~H9PETDOB⟧, microchip ⟦~H9CHIP⟧\nTel. ⟦H9PH⟧ — email ⟦H9EM⟧\nVaccinazione del ⟦~H9DIT⟧\nFattura ⟦~H9FOLIO⟧ · lotto vaccino ⟦~H9SERIAL⟧",
    ],
    "es-ES": [
        "Gracias por apoyar «{org}» en nuestra campaña de micromecenazgo\nMecenas: {first} {last}\nFecha de nacimiento (recompensa +18): ⟦H9DOB⟧\nAportación cargada en ⟦H9CARD⟧ el ⟦~H9DES⟧\nEnvío de la recompensa: ⟦H9EM⟧ / ⟦H9PH⟧\nEAN del producto ⟦~H9EAN⟧",
        "SOLICITUD DE PLAZA — ESCUELA INFANTIL {org}\nMenor: {first} {last}, fecha de nacimiento ⟦H9DOB⟧\nMadre/padre/tutor: {first2} {last}, DNI ⟦~H9DNI⟧\nTeléfono: ⟦H9PH⟧    Otro teléfono: ⟦H9PHI⟧\nCorreo: ⟦H9EM⟧\nCuota mensual domiciliada en ⟦H9IBAN⟧\nFecha de solicitud: ⟦~H9DES⟧",
        "Solicitud de empleo — {org}\nCandidato/a: {first} {last}\nFecha de nacimiento: ⟦H9DOB⟧\nTeléfono: ⟦H9PHI⟧\nCorreo: ⟦H9EM⟧\nLinkedIn: ⟦H9URL⟧\nDisponibilidad: ⟦~H9DES⟧\nReferencia de la oferta ⟦~H9CASE⟧ · NIE ⟦~H9NIE⟧",
    ],
    "nl-NL": [
        "PARKEERVERGUNNING BEWONERS\nAanvrager: {first} {last}\nGeboortedatum: ⟦H9DOB⟧\nKenteken: ⟦~H9PLATENL⟧\nGeldig van ⟦~H9DNL⟧ tot ⟦~H9DNL⟧\nIncasso van ⟦H9IBAN⟧\nTelefoon: ⟦H9PH⟧ · e-mail ⟦H9EM⟧",
        "Dierenkliniek {org}\nEigenaar: {first} {last}, geboren ⟦H9DOB⟧\nHuisdier: Max, geboren ⟦~H9PETDOB⟧, chip ⟦~H9CHIP⟧\nTel: ⟦H9PH⟧\nE-mail: ⟦H9EM⟧\nBetaald met ⟦H9CARD⟧ op ⟦~H9DNL⟧",
    ],
    "pt-BR": [
        "Comprovante de transferência Pix\nValor: R$ ⟦~H9AMTBR⟧\nData: ⟦~H9DBR⟧ ⟦~H9HHMM⟧\nDe: {first} {last} — CPF ⟦~H9CPF⟧\nPara: {first2} {last} — chave ⟦H9EM⟧\nID da transação: ⟦~H9PIXID⟧\nDúvidas: ⟦H9PH⟧\nAutenticação ⟦~H9HEX32⟧",
        "PROCURAÇÃO PARTICULAR\nOutorgante: {first} {last}, CPF ⟦~H9CPF⟧, nascido(a) em ⟦H9DOB⟧\nOutorgado(a): {first2} {last}, CPF ⟦~H9CPF⟧\nContato do outorgante: ⟦H9PH⟧ · ⟦H9EM⟧\nFinalidade: movimentar a conta ⟦H9IBAN⟧ junto ao {org}\nAssinada em ⟦~H9DBR⟧, firma reconhecida sob o selo ⟦~H9CASE⟧",
        "FICHA DE MATRÍCULA ESCOLAR\nAluno(a): {first} {last}\nData de nascimento: ⟦H9DOB⟧\nResponsável: {first2} {last}, CPF ⟦~H9CPF⟧\nCelular do responsável: ⟦H9PH⟧\nE-mail: ⟦H9EM⟧\nAno letivo ⟦~H9YEAR⟧\nRA do aluno ⟦~H9RA⟧ · matrícula em ⟦~H9DBR⟧",
    ],
    "tech": [
        '{"key": "⟦~H9JIRA⟧", "fields": {"summary": "Customer cannot update card", "reporter": {"emailAddress": "⟦H9EM⟧"}, "created": "⟦~H9ISOTS⟧", "description": "User {first} {last} (phone ⟦H9PHE⟧) gets 500 when saving ⟦H9CARD⟧ for provider NPI ⟦H9NPIP⟧ (claim ⟦~H9NPILIKE⟧). Request came from ⟦H9IP⟧, see ⟦H9URLS⟧"}}',
        '{"_id": {"$oid": "⟦~H9HEX32⟧"}, "email": "⟦H9EM⟧", "phone": "⟦H9PHE⟧", "dateOfBirth": "⟦H9DOBI⟧", "ssn": "⟦H9SSN⟧", "pcpNpi": "⟦H9NPIP⟧", "payment": {"iban": "⟦H9IBANC⟧"}, "lastSeenIp": "⟦H9IP⟧", "createdAt": {"$date": "⟦~H9ISOTS⟧"}}',
        'lease ⟦H9IP⟧ {\n  starts ⟦~H9LEASE⟧;\n  ends ⟦~H9LEASE⟧;\n  binding state active;\n  hardware ethernet ⟦H9MAC⟧;\n  client-hostname "{first}-laptop";\n}\nlease ⟦H9IP⟧ {\n  starts ⟦~H9LEASE⟧;\n  hardware ethernet ⟦H9MAC⟧;\n}',
        'Acct-Status-Type = Start\nUser-Name = "⟦H9EM⟧"\nCalling-Station-Id = "⟦H9MAC⟧"\nCalled-Station-Id = "⟦H9MAC⟧:eduroam"\nFramed-IP-Address = ⟦H9IP⟧\nNAS-IP-Address = ⟦H9IP⟧\nAcct-Session-Id = "⟦~H9HEX16⟧"\nEvent-Timestamp = "⟦~H9TS⟧"',
        '{"eventVersion": "1.08", "eventTime": "⟦~H9ISOTS⟧", "eventSource": "iam.amazonaws.com", "eventName": "CreateUser", "sourceIPAddress": "⟦H9IP⟧", "userIdentity": {"arn": "arn:aws:iam::⟦~H9AWSACCT⟧:user/{first}"}, "requestParameters": {"userName": "⟦H9EM⟧", "tags": [{"key": "phone", "value": "⟦H9PHE⟧"}]}, "requestID": "⟦~H9UUID⟧"}',
        '@Test\nvoid rejectsExpiredCard() {\n    Customer c = new Customer("{first} {last}", "⟦H9EM⟧", "⟦H9PHE⟧");\n    c.setBirthDate(LocalDate.parse("⟦H9DOBI⟧"));\n    c.setNhsNumber("⟦H9NHSP⟧");\n    Card card = new Card("⟦H9CARD⟧", "⟦~H9EXP⟧");\n    assertThrows(ExpiredCardException.class, () -> billing.charge(c, card));\n}',
        "describe('payout form', () => {\n  const fixture = {\n    email: '⟦H9EM⟧',\n    iban: '⟦H9IBANC⟧',\n    wallet: '⟦H9BTC⟧',\n    npi: '⟦H9NPIP⟧',\n    buildId: '⟦~H9HEX16⟧',\n  };\n  it('submits', () => expect(submit(fixture)).toBeTruthy());\n});",
        "groups:\n- name: payments\n  rules:\n  - alert: PayoutFailed\n    expr: payout_errors_total > ⟦~H9PORT⟧\n    labels:\n      severity: page\n    annotations:\n      summary: payouts to ⟦H9BTC⟧ failing since ⟦~H9ISOTS⟧\n      runbook_url: ⟦H9URLS⟧\n      oncall: ⟦H9EM⟧ / ⟦H9PHE⟧",
        "[webservers]\nweb1 ansible_host=⟦H9IP⟧ mac=⟦H9MAC⟧\nweb2 ansible_host=⟦H9IP6⟧\n\n[webservers:vars]\nadmin_email=⟦H9EM⟧\noncall_phone=⟦H9PHE⟧\nartifact_url=⟦H9URLS⟧",
        "# crontab for {first}\nMAILTO=⟦H9EM⟧\nSHELL=/bin/bash\n*/15 * * * * curl -fsS ⟦H9URLS⟧ > /dev/null\n0 3 * * * /opt/backup.sh --target ⟦H9IP⟧ --notify ⟦H9PHE⟧\n# {first} added ⟦~H9ISODATE⟧, ticket ⟦~H9JIRA⟧",
        '[user]\n\tname = {first} {last}\n\temail = ⟦H9EM⟧\n[sendemail]\n\tsmtpserver = ⟦H9IP⟧\n\tsmtpserverport = ⟦~H9PORT⟧\n[remote "origin"]\n\turl = ⟦H9URLS⟧\n[credential]\n\thelper = store\n# signing key ⟦~H9HEX16⟧',
    ],
}


REPEATS9 = 5  # documents per template


def _half(templates: dict[str, list[str]], tag: str, rnd: random.Random) -> list[dict]:
    cases = []
    for group, group_templates in templates.items():
        for i, template in enumerate(group_templates):
            for n in range(REPEATS9):
                case = fill(template, rnd, group if group != "tech" else LOCALES[n % len(LOCALES)])
                case.update(split="heldout9", batch="heldout9", locale=group, template=f"{group}/{tag}/{i}")
                cases.append(case)
    return cases


def build_heldout9() -> list[dict]:
    """Every template of KNOWN9 then NEW9 (per locale, then tech), REPEATS9 documents each, seed SEED9."""
    rnd = random.Random(SEED9)
    return _half(KNOWN9, "h9k", rnd) + _half(NEW9, "h9n", rnd)


def main() -> None:
    """Counts only: bench/phantom_pii_multilingual_data.py writes the batch into the set (never print spans)."""
    print_batch_counts(build_heldout9(), f"heldout9 (seed {SEED9})", ("h9k", "h9n"))


if __name__ == "__main__":
    main()
