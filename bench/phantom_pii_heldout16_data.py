"""`heldout16`: the sixteenth held-out batch for bench/phantom_pii_multilingual.json, written from the formats'
specifications while heldout15 was being tuned on, without reading servers/phantom/pii.py, pii_fields.py,
redaction.py or docs/phantom.md and without running any detector on it (not even on dev cases). It is
meant to be scored once.

Built by bench/phantom_pii_multilingual_data.py (which imports `build_heldout16` from here, last), seed
SEED16, split and batch "heldout16". Like heldout7..heldout15 it is a fair sample in two halves, told
apart by the template tag so each half can be scored on its own, from many templates of few documents each
(REPEATS16 = 5 documents per template, over 90 templates):
- known kinds, `<locale>/h16k/<n>`: the kinds and writing styles the earlier batches used (heldout10's to
  heldout15's new kinds included), sampled in about their proportion, written fresh with new wording,
  field orders, values and surrounding text: complaint and refund e-mails, onboarding and payroll forms,
  club and course registrations, patient and staff tables (CSV, markdown), chat exports, bank and card
  alerts, appointment reminders, delivery notices, referral letters, e-mail signatures, call transcripts,
  crypto withdrawal notices, SIM activations, care schedules, and in the technical group access and
  syslog lines, a DHCP lease, FHIR Patient JSON, HL7 v2, a vCard, a `.env` file, a Python traceback, a
  Suricata alert, a Kubernetes audit event, a Sentry event, an nginx error log and a GELF message;
- new kinds, `<locale>/h16n/<n>`: document kinds no batch (heldout7's to heldout15's new halves included)
  has used, each checked by a marker phrase against every earlier case in tests/test_pii_heldout16_set.py:
  a marathon race entry, a scuba certification record, a wine-club membership, a cemetery plot purchase,
  an IVF clinic intake, an EV charger installation, a small-claims court filing, a pharmacy home-delivery
  sign-up, a guardianship petition for a minor and a Zoom webinar registration report (US); a childminder registration, a tenant-referencing
  application, a Boiler Upgrade Scheme heat-pump application, an au-pair agreement, an NHS IVF funding request and a
  lasting power of attorney registration (UK); a carpool sign-up, a bike-share account and a coaching
  institute admission (India); a carpooling registration, an EV charging point installation and an au-pair
  contract (France); a heat-pump grant application, an organ-donor registration and a diving-licence record
  (Germany); a competitive-sport medical certificate, a marathon entry and a cemetery niche concession
  (Italy); a marathon entry, a driving-school enrolment, an assisted-reproduction clinic
  admission and a bike-share account (Spain); a heat-pump
  subsidy (ISDE), a driving-school enrolment and a charging-point installation (Netherlands); a
  driving-school enrolment, a carpool sign-up and a funeral plan (Brazil); and in the technical group an
  OpenSMTPD log, a pfSense filterlog, a FortiGate traffic log, a Cisco ASA syslog, a Zabbix alert e-mail, a
  PagerDuty incident, a Jira issue CSV export, a GitHub audit-log event, a Freshdesk ticket export, a
  Magento customer export, a Xero contacts CSV, a DocuSign envelope notification, a Calendly booking e-mail,
  an Eventbrite attendee CSV, a Moodle user-upload CSV, a Typeform response CSV and a WooCommerce order
  e-mail.
Each template is filled REPEATS16 times with fresh values; the technical group cycles through the locales.

Values come from heldout5's to heldout15's spec-built generators, registered again here under H16 names
(every H15 name is mirrored as the H16 name with the same generator, as heldout15 mirrored H14), valid by
their specifications (libphonenumber, ISO/IEC 7812 with Luhn, SSA rules, NPI Luhn over 80840, NHS
modulus 11, ISO 13616, Base58Check/bech32/bech32m, EIP-55). Birth dates are NOT drawn from the mirrored
DOB generators: those draw a day up to 30 in any month, so they can write 30 February or 29 February of a
common year, which the spec set (bench/phantom_pii_data.py) counts as a look-alike and not a birth date.
heldout16 registers its own birth-date generators (H16BDAY, H16BDAYI, H16BDAYB for adults, H16KID and
H16KIDI for children aged 2 to 16) that draw a real calendar day and write it in the same locale forms
(heldout5's and heldout6's form tables); the test reads every labelled birth date back into a
`datetime.date`. FHIR `system` URIs are written as template text and labelled as URLs after generation by
the set's shared function (phantom_pii_multilingual_data.label_fhir_system_urls).

What is and is not an entity follows heldout5's to heldout15's docstrings (a birth date only by its cue
or field, and only a person's, never a pet's; any telephone number with its extension in the span;
punctuation outside spans; `tel:` and `mailto:` schemes outside the span; names and street addresses
unlabelled; personal identifiers of other types are negatives; a bare service host name is not a URL; an
IBAN a person gives is labelled in any locale). Where they are silent:
- A race date, a dive date, a certification date, an installation date, a hearing date, an embryo
  transfer date, a date of death, a move-in date and a booking date are not birth dates; a child's birth
  date (by its cue) is one; a deceased person's birth date on a cemetery or funeral form is one.
- A race bib, a chip finish time, a diver certification number, an MCS installation certificate number,
  a court case number, a Zoom meeting ID (10-11 digits, grouped 3-4-4 like a phone number), an
  Eventbrite order number, a Jira issue key, a PagerDuty incident id, an OpenSMTPD session id, a pfSense
  rule tracker, a FortiGate session id and a Cisco ASA connection id are negatives (identifiers of no
  labelled type).
- OpenSMTPD: the `address=` IP is an IP address, `from=<...>`/`to=<...>` e-mail addresses are labelled
  (angle brackets outside the span), `host=` is a bare host name. pfSense filterlog: the source and
  destination IPs are IP addresses; rule numbers, tracker, lengths and ports are negatives. FortiGate:
  `srcip`/`dstip` are IP addresses, `srcmac` a MAC address, `user` an e-mail address when it is one;
  `sessionid` a negative. Cisco ASA: the inside/outside addresses are IP addresses (the `/port` suffix
  outside the span); the connection id is a negative.
- Zabbix and PagerDuty: the host's IP address, the on-call engineer's phone and e-mail and the event
  URL are labelled; event ids and incident ids are negatives. GitHub audit log: `actor_ip` is an IP
  address, `external_identity_nameid` an e-mail address; `_document_id` and `@timestamp` are negatives.
- Exports (Jira, Freshdesk, Magento, Xero, Eventbrite, Typeform): e-mail addresses, phones, a birth
  date in a `dob`/`date_of_birth` column and web addresses are labelled; ids and created-at dates are
  negatives. DocuSign/Calendly: the signer's or invitee's e-mail and phone and the https links are
  labelled; the envelope id (a UUID) is a negative.
"""

from __future__ import annotations

import random
import string
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from phantom_pii_heldout5_data import _alnum, _locale_forms  # noqa: E402
from phantom_pii_heldout6_data import _more_forms  # noqa: E402
from phantom_pii_heldout9_data import LOCALES  # noqa: E402
from phantom_pii_heldout15_data import SEED15  # noqa: E402  (also registers every H15 name)
from phantom_pii_multilingual_data import (  # noqa: E402
    NEGATIVES,
    VALUES,
    digits,
    fill,
    label_fhir_system_urls,
    print_batch_counts,
)

SEED16 = 16016
assert SEED16 != SEED15
UP = string.ascii_uppercase
HEX = "0123456789abcdef"

# heldout15's generators under H16 names (the registries are shared by name across modules: the H16 copies
# leave every H15 entry as it was)
VALUES.update({"H16" + name[3:]: entry for name, entry in list(VALUES.items()) if name.startswith("H15")})
NEGATIVES.update({"H16" + name[3:]: make for name, make in list(NEGATIVES.items()) if name.startswith("H15")})


# -- birth dates that are real calendar days ---------------------------------------------------------


def _real_day(rnd: random.Random, first_year: int, last_year: int) -> tuple[int, int, int]:
    """A day drawn from the calendar itself (so never 30 February, never 29 February of a common year)."""
    start, end = date(first_year, 1, 1), date(last_year, 12, 31)
    day = start + timedelta(days=rnd.randint(0, (end - start).days))
    return day.year, day.month, day.day


def _written(rnd: random.Random, locale: str, ymd: tuple[int, int, int]) -> str:
    forms = _more_forms(locale, *ymd) if rnd.random() < 0.3 else _locale_forms(locale, *ymd)
    return rnd.choice(forms)


def _adult(rnd: random.Random, locale: str) -> str:
    return _written(rnd, locale, _real_day(rnd, 1935, 2005))


def _adult_iso(rnd: random.Random, locale: str) -> str:
    y, m, d = _real_day(rnd, 1935, 2005)
    return f"{y}-{m:02d}-{d:02d}"


def _adult_basic(rnd: random.Random, locale: str) -> str:
    y, m, d = _real_day(rnd, 1935, 2005)
    return f"{y}{m:02d}{d:02d}"


def _child(rnd: random.Random, locale: str) -> str:
    """A child aged about 2 to 16 in 2026."""
    return _written(rnd, locale, _real_day(rnd, 2010, 2023))


def _child_iso(rnd: random.Random, locale: str) -> str:
    y, m, d = _real_day(rnd, 2010, 2023)
    return f"{y}-{m:02d}-{d:02d}"


NEW_VALUES16 = {
    "H16BDAY": ("DATE_OF_BIRTH", _adult),
    "H16BDAYI": ("DATE_OF_BIRTH", _adult_iso),
    "H16BDAYB": ("DATE_OF_BIRTH", _adult_basic),
    "H16KID": ("DATE_OF_BIRTH", _child),
    "H16KIDI": ("DATE_OF_BIRTH", _child_iso),
}


# -- new hard negatives built from their specifications ----------------------------------------------


def _zoom_id(rnd: random.Random) -> str:
    """A Zoom meeting ID: 10 or 11 digits, shown grouped 3-3-4 or 3-4-4 (phone-shaped, not a phone)."""
    if rnd.random() < 0.5:
        return f"{rnd.randint(100, 999)} {digits(rnd, 3)} {digits(rnd, 4)}"
    return f"{rnd.randint(810, 999)} {digits(rnd, 4)} {digits(rnd, 4)}"


def _finish(rnd: random.Random) -> str:
    return f"{rnd.randint(2, 6)}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}"


NEW_NEGATIVES16 = {
    "H16ZOOMID": _zoom_id,
    # Eventbrite order numbers: ten digits, no leading zero
    "H16EBORDER": lambda r: str(r.randint(1_000_000_000, 9_999_999_999)),
    # Jira issue key: project key (a capital letter, then capitals or digits), a hyphen, the issue number
    "H16JIRAKEY": lambda r: _alnum(r, 1, UP) + _alnum(r, r.randint(1, 4), UP) + f"-{r.randint(1, 29999)}",
    # PagerDuty incident id: 'P' and six or Q and thirteen upper-case alphanumerics
    "H16PDINC": lambda r: "P" + _alnum(r, 6, UP + string.digits),
    # OpenSMTPD session id: 16 lower-case hex digits
    "H16SMTPDID": lambda r: _alnum(r, 16, HEX),
    # pfSense filterlog tracker: a ten-digit number from 1000000000
    "H16PFTRACK": lambda r: str(r.randint(1_000_000_000, 1_000_009_999)),
    "H16FGTSESS": lambda r: str(r.randint(10_000_000, 2_999_999_999)),
    "H16ASACONN": lambda r: str(r.randint(1_000_000, 999_999_999)),
    "H16BIB": lambda r: str(r.randint(1, 45000)),
    "H16CHIPTIME": _finish,
    # PADI-style diver number: four digits, a letter, five digits
    "H16DIVERNO": lambda r: digits(r, 4) + _alnum(r, 1, UP) + digits(r, 5),
    # MCS installation certificate: 'MCS' and eight digits
    "H16MCS": lambda r: "MCS" + digits(r, 8),
    "H16ZBXEVT": lambda r: str(r.randint(10_000_000, 99_999_999)),
}

# a new name must not shadow a mirrored H15 generator (that would silently change what the name means); checked
# against the mirrored names, not the registry, so running this module twice in one process (runpy in
# tests/test_bench_modules.py, then the set test's import) finds its own earlier entries and not a clash
MIRRORED16 = {"H16" + name[3:] for name in NEGATIVES if name.startswith("H15")}
MIRRORED16_VALUES = {"H16" + name[3:] for name in VALUES if name.startswith("H15")}
assert not set(NEW_NEGATIVES16) & MIRRORED16, sorted(set(NEW_NEGATIVES16) & MIRRORED16)
assert not set(NEW_VALUES16) & (MIRRORED16_VALUES | MIRRORED16), sorted(set(NEW_VALUES16) & MIRRORED16_VALUES)
NEGATIVES.update(NEW_NEGATIVES16)
VALUES.update(NEW_VALUES16)


# -- known kinds: what the earlier batches used, sampled in proportion, written fresh ----------------

KNOWN16: dict[str, list[str]] = {
    "en-US": [
        "Subject: charged twice for one order\n\nHello {org} support,\n\nOrder ⟦~H16ORDER⟧ went through on ⟦~H16DUS⟧ and my card ⟦H16CARD⟧ shows two charges of $⟦~H16AMTUS⟧. Please refund one (tracking ⟦~H16USPS⟧). You can call me at ⟦H16PH⟧ or reply here (⟦H16EM⟧).\n\nRegards,\n{first} {last}",
        "NEW HIRE PAPERWORK — {org} Health Partners\nName: {last}, {first} · Date of birth: ⟦H16BDAY⟧\nSocial Security no.: ⟦H16SSN⟧ · start date ⟦~H16DUS⟧ · badge ⟦~H16EMPID⟧\nDeposit to routing ⟦~H16ABA⟧ acct ⟦~H16ACCT⟧\nHome ⟦H16PHN⟧ · cell ⟦H16PH⟧ · personal e-mail ⟦H16EM⟧ · portal ⟦H16URLS⟧",
        "patient_id,last,first,dob,ssn,attending_npi,phone,guarantor_ssn_last4\n⟦~H16MRN⟧,{last},{first},⟦H16BDAYI⟧,⟦H16SSN⟧,⟦H16NPI⟧,⟦H16PHC⟧,⟦~H16LAST4⟧\n⟦~H16MRN⟧,{last},{first2},⟦H16BDAYI⟧,,⟦H16NPIP⟧,⟦H16PH⟧,⟦~H16LAST4⟧\n⟦~H16MRN⟧,{last},{first},⟦H16KIDI⟧,⟦H16SSN⟧,pending,⟦H16PHN⟧,⟦~H16LAST4⟧",
        "Dear Dr. {last},\n\nThank you for seeing {first} {first2}, date of birth ⟦H16BDAY⟧, for an orthopedic evaluation of the left knee. My NPI is ⟦H16NPIP⟧. Please fax your note to ⟦H16PHN⟧ or call the office at ⟦H16PHX⟧. Prior auth ⟦~H16CASE⟧ expires ⟦~H16DUS⟧.\n\nSincerely,\n{first} {last}, MD",
        "[call transcript — {org} Benefits line]\nRep: Can you verify the last four of your SSN?\nMember: Actually here's the whole thing, ⟦H16SSN⟧.\nRep: And your birthday?\nMember: ⟦H16BDAY⟧.\nRep: I'll text the claim status to ⟦H16PH⟧. Claim ⟦~H16NPILIKE⟧, member ID ⟦~H16MEMBER⟧, call ref ⟦~H16TICKET⟧.",
        "{org} Credit Union alert: a ⟦~H16AMTUS⟧ USD purchase on card ⟦H16CARD⟧ was declined on ⟦~H16DUS⟧. If this was you, reply YES. Otherwise call ⟦H16PHX⟧ or visit ⟦H16URLS⟧. Ref ⟦~H16TXID⟧ · merchant zip ⟦~H16ZIP⟧",
        "Best,\n{first} {last}\nDirector of Partnerships · {org} Labs\nDesk ⟦H16PHX⟧ · Cell ⟦H16PH⟧\n⟦H16EM⟧\n⟦H16URLP⟧ · pay invoices in USDC to ⟦H16ETH⟧",
        "{org} Wallet: {first}, we received ⟦~H16QTY⟧ BTC at your deposit address ⟦H16BTC⟧ after ⟦~H16SECS⟧ confirmations. Login from ⟦H16IP⟧ (device IMEI ⟦~H16IMEI⟧) on ⟦~H16DUS⟧. Help: ⟦H16EM⟧",
    ],
    "en-GB": [
        "Dear {first},\n\nRe: your complaint ref ⟦~H16CASE⟧\nWe are sorry the engineer missed the ⟦~H16DGB⟧ slot. Meter ⟦~H16MPAN⟧. A refund of £⟦~H16AMTGB⟧ will go to the account ending ⟦~H16LAST4⟧ (full IBAN on file: ⟦H16IBAN⟧). Call us on ⟦H16PHN⟧ or e-mail ⟦H16EM⟧.\n\n{org} Energy",
        "DISCHARGE SUMMARY — {org} General Hospital\nPatient: {first} {last} · DOB ⟦H16BDAY⟧ · NHS no. ⟦H16NHS⟧\nAdmitted ⟦~H16DGB⟧ · discharged ⟦~H16DGB⟧ · ward ⟦~H16ROOM⟧\nNext of kin: {first2} {last}, ⟦H16PH⟧\nDischarge letter ⟦~H16NHSLIKE⟧ · GP informed via ⟦H16EM⟧ · ward line ⟦H16PHX⟧",
        'name,dob,nhs_number,mobile,email,registered\n"{first} {last}",⟦H16BDAY⟧,⟦H16NHSP⟧,⟦H16PH⟧,⟦H16EM⟧,⟦~H16ISODATE⟧\n"{first2} {last}",⟦H16KID⟧,⟦H16NHS⟧,⟦H16PHN⟧,⟦H16EM⟧,⟦~H16ISODATE⟧',
        "{org} Couriers: {first}, we tried to deliver ⟦~H16S10⟧ on ⟦~H16DGB⟧. Rebook at ⟦H16URLS⟧ or ring ⟦H16PHN⟧. Your driver is on ⟦H16PH⟧. Parcel weight ⟦~H16QTY⟧ kg.",
        "[WhatsApp] {first}: can you send me your bank details for the holiday cottage?\n[WhatsApp] {first2}: ⟦H16IBAN⟧, sort code ⟦~H16SORT⟧\n[WhatsApp] {first}: ta. my new mobile is ⟦H16PH⟧ btw\n[WhatsApp] {first2}: saved. {last}'s email is ⟦H16EM⟧ and he wants his share in BTC: ⟦H16BTC⟧",
        "SURGERY APPOINTMENT — {org} Medical Centre\n{first} {last} (born ⟦H16BDAY⟧, NHS ⟦H16NHSP⟧) is booked with the practice nurse on ⟦~H16DGB⟧ at ⟦~H16HHMM⟧. To cancel text ⟦H16PH⟧ or go to ⟦H16URL⟧.",
        "Kind regards\n\n{first} {last}\nPractice Manager, {org} Dental\nT: ⟦H16PHX⟧ | M: ⟦H16PH⟧\nE: ⟦H16EM⟧ | W: ⟦H16URLP⟧\nCompany no. ⟦~H16ACCT⟧ · VAT ⟦~H16GBVAT⟧",
    ],
    "en-IN": [
        "Dear Sir/Madam,\n\nI was charged Rs ⟦~H16AMTIN⟧ twice on my card ⟦H16CARD⟧ on ⟦~H16DIN⟧ for booking ⟦~H16PNRIN⟧ (txn ⟦~H16UTR⟧). Kindly reverse the duplicate. Mobile ⟦H16PH⟧, e-mail ⟦H16EM⟧.\n\nRegards,\n{first} {last}",
        "{org} Hospitals — OPD registration\nPatient: {first} {last} · DOB ⟦H16BDAY⟧ · UHID ⟦~H16MRN⟧\nMobile ⟦H16PHI⟧ · attendant {first2} ⟦H16PH⟧ · ⟦H16EM⟧\nPaid by card ⟦H16CARD⟧ · PAN ⟦~H16PAN⟧",
        "{org} Bank: Rs ⟦~H16AMTIN⟧ spent on your credit card ⟦H16CARDS⟧ on ⟦~H16DIN⟧. Not you? SMS BLOCK to ⟦H16PHN⟧ or visit ⟦H16URL⟧. IFSC ⟦~H16IFSC⟧",
        "EMPLOYEE JOINING FORM — {org} Infotech\nName {first} {last} · D.O.B. ⟦H16BDAY⟧ · UAN ⟦~H16UAN⟧\nMobile ⟦H16PH⟧ · emergency ⟦H16PHN⟧ · e-mail ⟦H16EM⟧\nSalary a/c (NRE, abroad): ⟦H16IBAN⟧ · joined ⟦~H16DIN⟧ · laptop MAC ⟦H16MAC⟧",
    ],
    "fr-FR": [
        "Objet : remboursement non reçu\n\nBonjour,\n\nMa commande ⟦~H16ORDER⟧ du ⟦~H16DFR⟧ a été annulée mais je n'ai pas été remboursé sur ma carte ⟦H16CARD⟧. Merci de verser ⟦~H16AMTFR⟧ € sur ⟦H16IBAN⟧. Suivi de la demande : ⟦H16URLS⟧. Joignable au ⟦H16PH⟧ ou à ⟦H16EM⟧.\n\nCordialement,\n{first} {last}",
        "FICHE D'INSCRIPTION — Club de judo {org}\nAdhérent : {first2} {last}, né(e) le ⟦H16KID⟧\nParent : {first} {last} · ⟦H16PH⟧ · ⟦H16EM⟧\nCotisation prélevée sur ⟦H16IBAN⟧ · licence ⟦~H16ACCT⟧ · certificat médical du ⟦~H16DFR⟧",
        "[⟦~H16CHATTS⟧] {first} : tu peux m'envoyer ton RIB pour le loyer ?\n[⟦~H16CHATTS⟧] {first2} : ⟦H16IBAN⟧\n[⟦~H16CHATTS⟧] {first} : merci ! et ton nouveau numéro ?\n[⟦~H16CHATTS⟧] {first2} : ⟦H16PH⟧, ou écris à ⟦H16EM⟧",
        "Très cordialement,\n\n{first} {last}\nChargée de clientèle · {org}\nTél. ⟦H16PHX⟧ · Mob. ⟦H16PH⟧\n⟦H16EM⟧ · ⟦H16URLP⟧",
    ],
    "de-DE": [
        "Betreff: Rückerstattung fehlt\n\nGuten Tag,\n\nmeine Bestellung ⟦~H16ORDER⟧ vom ⟦~H16DDE⟧ wurde storniert, die ⟦~H16AMTDE⟧ € sind aber noch nicht auf ⟦H16IBAN⟧ eingegangen. Bitte melden Sie sich unter ⟦H16PH⟧ oder ⟦H16EM⟧ (Bestellübersicht: ⟦H16URL⟧).\n\nViele Grüße\n{first} {last}",
        "PERSONALFRAGEBOGEN — {org} GmbH\nName: {last}, {first} · Geburtsdatum: ⟦H16BDAY⟧ · Steuer-ID ⟦~H16IDNR⟧\nBankverbindung ⟦H16IBAN⟧ · Eintritt ⟦~H16DDE⟧ · Personalnr. ⟦~H16EMPID⟧\nTelefon ⟦H16PHN⟧ · privat ⟦H16EM⟧",
        "Mit freundlichen Grüßen\n\n{first} {last}\nVertrieb · {org} AG\nTel. ⟦H16PHX⟧ · Mobil ⟦H16PH⟧\n⟦H16EM⟧ · ⟦H16URLP⟧\nUSt-IdNr. ⟦~H16USTID⟧",
    ],
    "it-IT": [
        "Oggetto: rimborso mancato\n\nGentili signori,\nl'ordine ⟦~H16ORDER⟧ del ⟦~H16DIT⟧ è stato annullato ma la carta ⟦H16CARD⟧ è stata addebitata. Vi prego di accreditare ⟦~H16AMTIT⟧ € su ⟦H16IBAN⟧. Cell. ⟦H16PH⟧, e-mail ⟦H16EM⟧, pratica online ⟦H16URLS⟧.\n\nCordiali saluti,\n{first} {last}",
        "SCHEDA DI ISCRIZIONE — Scuola di musica {org}\nAllievo/a: {first2} {last}, nato/a il ⟦H16KID⟧\nGenitore: {first} {last} · C.F. ⟦~H16CF⟧ · cell. ⟦H16PH⟧ · ⟦H16EM⟧\nRetta su ⟦H16IBAN⟧ dal ⟦~H16DIT⟧ · matricola ⟦~H16ROOM⟧",
        "{org} Poliambulatorio: promemoria visita il ⟦~H16DIT⟧ alle ⟦~H16HHMM⟧. Disdette: ⟦H16URLS⟧ o ⟦H16PHN⟧.",
        "Cordiali saluti\n\n{first} {last}\nUfficio acquisti · {org} S.r.l.\nTel. ⟦H16PHX⟧ · Cell. ⟦H16PH⟧\n⟦H16EM⟧ · ⟦H16URLP⟧\nP.IVA ⟦~H16PIVA⟧",
    ],
    "es-ES": [
        "Asunto: devolución pendiente\n\nHola,\nel pedido ⟦~H16ORDER⟧ del ⟦~H16DES⟧ se canceló pero no me han devuelto ⟦~H16AMTES⟧ € a la tarjeta ⟦H16CARD⟧. Si es más fácil, hacedlo a ⟦H16IBAN⟧. Móvil ⟦H16PH⟧, correo ⟦H16EM⟧.\n\nUn saludo,\n{first} {last}",
        "ALTA DE SOCIO — Club de pádel {org}\nNombre: {first} {last} · fecha de nacimiento ⟦H16BDAY⟧ · DNI ⟦~H16DNI⟧\nMóvil ⟦H16PH⟧ · correo ⟦H16EM⟧\nCuota domiciliada en ⟦H16IBAN⟧ desde ⟦~H16DES⟧ · socio nº ⟦~H16MEMBER⟧",
        "{org} Dental: recuerde su cita el ⟦~H16DES⟧ a las ⟦~H16HHMM⟧. Para cambiarla: ⟦H16URLS⟧ o ⟦H16PHN⟧.",
    ],
    "nl-NL": [
        "Onderwerp: terugbetaling ontbreekt\n\nBeste {org},\n\nMijn bestelling ⟦~H16ORDER⟧ van ⟦~H16DNL⟧ is geannuleerd, maar de ⟦~H16AMTNL⟧ euro staat nog niet op ⟦H16IBAN⟧. Bel me op ⟦H16PH⟧ of mail naar ⟦H16EM⟧.\n\nGroet,\n{first} {last}",
        "AANMELDFORMULIER — Zwemvereniging {org}\nLid: {first2} {last}, geboren ⟦H16KID⟧\nOuder: {first} {last} · ⟦H16PH⟧ · ⟦H16EM⟧\nContributie via incasso van ⟦H16IBAN⟧ · ledenportaal ⟦H16URLS⟧ · lidnummer ⟦~H16MEMBER⟧",
        "[⟦~H16CHATTS⟧] {first}: stuur je rekeningnummer even voor de tikkie?\n[⟦~H16CHATTS⟧] {first2}: ⟦H16IBAN⟧\n[⟦~H16CHATTS⟧] {first}: top. {last} vroeg of je hem belt: ⟦H16PH⟧",
    ],
    "pt-BR": [
        "Assunto: reembolso não recebido\n\nBoa tarde,\no pedido ⟦~H16ORDER⟧ de ⟦~H16DBR⟧ foi cancelado, mas o valor de R$ ⟦~H16AMTBR⟧ continua no cartão ⟦H16CARD⟧. Celular ⟦H16PH⟧, e-mail ⟦H16EM⟧. Protocolo aberto em ⟦H16URLS⟧.\n\nAtenciosamente,\n{first} {last}",
        "MATRÍCULA — Escola de idiomas {org}\nAluno(a): {first2} {last} · data de nascimento ⟦H16KID⟧\nResponsável: {first} {last} · CPF ⟦~H16CPF⟧ · celular ⟦H16PH⟧ · ⟦H16EM⟧\nMensalidade no cartão ⟦H16CARD⟧ a partir de ⟦~H16DBR⟧ · CEP ⟦~H16CEP⟧",
        "{org} Laboratório: seu exame está marcado para ⟦~H16DBR⟧ às ⟦~H16HHMM⟧. Resultado em ⟦H16URLS⟧. Dúvidas: ⟦H16PHN⟧",
        "Atenciosamente,\n\n{first} {last}\nGerente de contas · {org} Ltda.\nTel. ⟦H16PHX⟧ · Cel. ⟦H16PH⟧\n⟦H16EM⟧ · ⟦H16URLP⟧\nCNPJ ⟦~H16CNPJ⟧",
    ],
    "tech": [
        '⟦H16IP⟧ - - [⟦~H16CLF⟧] "GET /checkout/confirm?ref=⟦~H16HEX16⟧ HTTP/1.1" 302 ⟦~H16BYTES⟧ "⟦H16URLS⟧" "Mozilla/5.0 (X11; Linux x86_64)"\n⟦H16IP⟧ - - [⟦~H16CLF⟧] "GET /favicon.ico HTTP/1.1" 404 ⟦~H16BYTES⟧ "-" "curl/⟦~H16SEMVER⟧"',
        '{"resourceType": "Patient", "id": "⟦~H16UUID⟧", "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "⟦H16NHSP⟧"}, {"system": "http://hl7.org/fhir/sid/us-npi", "value": "⟦H16NPIP⟧"}], "name": [{"family": "{last}", "given": ["{first}"]}], "telecom": [{"system": "phone", "value": "⟦H16PHE⟧"}, {"system": "email", "value": "⟦H16EM⟧"}], "birthDate": "⟦H16BDAYI⟧", "meta": {"lastUpdated": "⟦~H16ISOTS⟧"}}',
        "MSH|^~\\&|EPR|{org}|LAB|{org}|⟦~H16HL7TS⟧||ORU^R01|⟦~H16MSGCTRL⟧|P|2.5\nPID|1||⟦H16NHS⟧^^^NHS^NH~⟦~H16MRN⟧^^^{org}^MR||{last}^{first}||⟦H16BDAYB⟧|M|||||⟦H16PHE⟧^PRN^CP~^NET^Internet^⟦H16EM⟧\nPV1|1|O|||||⟦H16NPI⟧^{last}^{first2}",
        "⟦~H16TS⟧ web2 sshd[⟦~H16PID⟧]: Failed password for invalid user admin from ⟦H16IP⟧ port ⟦~H16SRCPORT⟧ ssh2\n⟦~H16TS⟧ web2 sshd[⟦~H16PID⟧]: Accepted password for {first} from ⟦H16IP6⟧ port ⟦~H16SRCPORT⟧ ssh2\n⟦~H16TS⟧ web2 dhclient[⟦~H16PID⟧]: DHCPACK of ⟦H16IP⟧ from ⟦H16IP⟧ (⟦H16MAC⟧)",
        "BEGIN:VCARD\nVERSION:4.0\nFN:{first} {last}\nTEL;TYPE=home:⟦H16PHE⟧\nEMAIL:⟦H16EM⟧\nBDAY:⟦H16BDAYB⟧\nURL:⟦H16URLS⟧\nUID:urn:uuid:⟦~H16UUID⟧\nEND:VCARD",
        "# config/.env.staging\nSUPPORT_INBOX=⟦H16EM⟧\nONCALL_PHONE=⟦H16PHE⟧\nWEBHOOK_URL=⟦H16URLS⟧\nDB_HOST=⟦~H16HOST⟧\nDB_PORT=⟦~H16PORT⟧\nGIT_SHA=⟦~H16SHA⟧\nIMAGE=⟦~H16DIGEST⟧\nFEE_WALLET=⟦H16BTC⟧",
        '⟦~H16STAMP⟧ ERROR billing.charge: card declined user=⟦H16EM⟧ card=⟦H16CARD⟧ ip=⟦H16IP⟧\nTraceback (most recent call last):\n  File "/app/billing/charge.py", line ⟦~H16FRAME⟧, in run\n    raise CardDeclined(order="⟦~H16UUID⟧")\nbilling.errors.CardDeclined: gateway said 05',
        '{"timestamp": "⟦~H16SURTS⟧", "event_type": "alert", "src_ip": "⟦H16IP⟧", "src_port": ⟦~H16SRCPORT⟧, "dest_ip": "⟦H16IP⟧", "dest_port": 443, "proto": "TCP", "ether": {"src_mac": "⟦H16MAC⟧"}, "alert": {"signature_id": ⟦~H16KOFF⟧, "signature": "ET POLICY possible data exfil"}, "http": {"url": "⟦H16URLS⟧"}}',
        '{"kind": "Event", "apiVersion": "audit.k8s.io/v1", "auditID": "⟦~H16UUID⟧", "verb": "delete", "requestURI": "/api/v1/namespaces/default/pods/⟦~H16K8SPOD⟧", "user": {"username": "⟦H16EM⟧"}, "sourceIPs": ["⟦H16IP⟧", "⟦H16IP6⟧"], "stageTimestamp": "⟦~H16TS⟧"}',
        'lease ⟦H16IP⟧ {\n  starts 4 ⟦~H16LEASE⟧;\n  hardware ethernet ⟦H16MAC⟧;\n  client-hostname "phone-{first}";\n}\nhost printer-2 { fixed-address ⟦H16IP⟧; option host-name "⟦~H16HOST⟧"; }',
        '⟦~H16NGINXTS⟧ [warn] ⟦~H16PID⟧#0: *⟦~H16OFFSET⟧ upstream response is buffered to a temporary file, client: ⟦H16IP⟧, server: ⟦~H16HOST⟧, request: "POST /api/upload HTTP/1.1", host: "⟦~H16HOST⟧", referrer: "⟦H16URLS⟧"',
        '{"version": "1.1", "host": "⟦~H16HOST⟧", "short_message": "login ok", "full_message": "user ⟦H16EM⟧ signed in from ⟦H16IP⟧ (mac ⟦H16MAC⟧)", "timestamp": ⟦~H16EPOCH3⟧, "_phone": "⟦H16PHE⟧"}',
        "[⟦~H16STAMP⟧] ERROR WorkerSinkTask{id=jdbc-sink-claims-1} failed on record at offset ⟦~H16OFFSET⟧: Struct{claim_id=⟦~H16UUID⟧,member_ssn=⟦H16SSN⟧,refund_wallet=⟦H16ETH⟧,contact=⟦H16EM⟧,dob=⟦H16BDAYI⟧} (org.apache.kafka.connect.runtime.WorkerSinkTask:⟦~H16FRAME⟧)",
        "ISA*00*          *00*          *ZZ*{org}MED       *ZZ*CLEARINGHSE    *⟦~H16ISADATE⟧*0930*^*00501*⟦~H16MSGCTRL⟧*0*P*:~\nNM1*85*2*{org} MEDICAL GROUP*****XX*⟦H16NPIP⟧~\nNM1*82*1*{last}*{first2}****XX*⟦H16NPI⟧~\nNM1*IL*1*{last}*{first}****MI*⟦~H16MEMBER⟧~\nREF*SY*⟦H16SSN⟧~\nDMG*D8*⟦H16BDAYB⟧*F~\nCLM*⟦~H16CASE⟧*⟦~H16AMTUS⟧~",
        "wlan1: STA ⟦H16MAC⟧ IEEE 802.11: authenticated\nwlan1: STA ⟦H16MAC⟧ WPA: pairwise key handshake completed (RSN) key ⟦~H16HEX16⟧\nwlan1: AP-STA-CONNECTED ip=⟦H16IP⟧ session ⟦~H16SECS⟧s",
    ],
}

# -- new kinds: document kinds no earlier batch used --------------------------------------------------

NEW16: dict[str, list[str]] = {
    "en-US": [
        "MARATHON RACE ENTRY — {org} City Marathon, ⟦~H16DUS⟧\nRunner: {first} {last} · date of birth ⟦H16BDAY⟧ · bib ⟦~H16BIB⟧ · predicted finish ⟦~H16CHIPTIME⟧ · last year's chip time ⟦~H16CHIPTIME⟧\nEmergency contact: {first2} {last}, ⟦H16PH⟧\nEntry fee on card ⟦H16CARD⟧ · charity pledge wallet ⟦H16ETH⟧ · receipt by post",
        "SCUBA CERTIFICATION RECORD — {org} Dive Center\nDiver: {first} {last} · DOB ⟦H16BDAY⟧ · diver no. ⟦~H16DIVERNO⟧\nOpen Water certified ⟦~H16DUS⟧ · instructor no. ⟦~H16DIVERNO⟧\nPhone ⟦H16PH⟧ · e-mail ⟦H16EM⟧ · e-card at ⟦H16URLS⟧",
        "WINE CLUB MEMBERSHIP — {org} Vineyards\nMember: {first} {last} · date of birth ⟦H16BDAY⟧ (21+ verified)\nShipments charged to ⟦H16CARD⟧ every quarter from ⟦~H16DUS⟧ · member ⟦~H16MEMBER⟧ · ship-to zip ⟦~H16ZIP⟧\nMobile ⟦H16PH⟧ · ⟦H16EM⟧",
        "CEMETERY PLOT PURCHASE AGREEMENT — {org} Memorial Park\nPurchaser: {first} {last} · phone ⟦H16PH⟧ · ⟦H16EM⟧\nFor interment of: {first2} {last}, born ⟦H16BDAY⟧, died ⟦~H16DUS⟧, SSN ⟦H16SSN⟧\nSection ⟦~H16ROOM⟧ · paid by card ⟦H16CARD⟧ · contract ⟦~H16CASE⟧",
        "IVF CLINIC INTAKE — {org} Fertility Center\nPatient: {first} {last} · DOB ⟦H16BDAY⟧ · SSN ⟦H16SSN⟧\nPartner: {first2} {last}\nReferring OB/GYN NPI ⟦H16NPI⟧ · reproductive endocrinologist NPI ⟦H16NPIP⟧\nCell ⟦H16PH⟧ · portal ⟦H16EM⟧ · retrieval planned ⟦~H16DUS⟧ · chart ⟦~H16MRN⟧",
        "EV CHARGER INSTALLATION — {org} Electric, Level 2 home charger\nHomeowner: {first} {last} · SSN for financing ⟦H16SSN⟧ · cell ⟦H16PH⟧\nCharger Wi-Fi MAC ⟦H16MAC⟧ · serial ⟦~H16SERIAL⟧ · install date ⟦~H16DUS⟧ · permit ⟦~H16CASE⟧\nDeposit on card ⟦H16CARD⟧",
        "SMALL CLAIMS COMPLAINT — {org} County Court, case no. ⟦~H16USCASE⟧\nPlaintiff: {first} {last} · phone ⟦H16PH⟧ · SSN ⟦H16SSN⟧\nDefendant: {first2} {last} · last known phone ⟦H16PHN⟧ · received payment to wallet ⟦H16BTC⟧\nAmount claimed $⟦~H16AMTUS⟧ · hearing date ⟦~H16DUS⟧",
        "PHARMACY HOME DELIVERY SIGN-UP — {org} Pharmacy\nPatient: {first} {last} · date of birth ⟦H16BDAY⟧\nPrescriber NPI ⟦H16NPI⟧ · copay card ⟦H16CARD⟧\nDelivery texts to ⟦H16PH⟧ · ⟦H16EM⟧ · first delivery ⟦~H16DUS⟧ · Rx ⟦~H16NPILIKE⟧",
        "PETITION FOR GUARDIANSHIP OF A MINOR — {org} County Probate Court, case ⟦~H16USCASE⟧\nMinor: {first2} {last} · date of birth ⟦H16KID⟧ · SSN ⟦H16SSN⟧\nPetitioner: {first} {last} (grandparent) · ⟦H16PH⟧ · ⟦H16EM⟧\nFiling fee on card ⟦H16CARD⟧ · hearing set for ⟦~H16DUS⟧",
        'ZOOM WEBINAR REGISTRATION REPORT — "Medicare basics", meeting ID ⟦~H16ZOOMID⟧\nFirst Name,Last Name,Email,Phone,Registration Time\n{first},{last},⟦H16EM⟧,⟦H16PH⟧,⟦~H16STAMP⟧\n{first2},{last},⟦H16EM⟧,⟦H16PHN⟧,⟦~H16STAMP⟧\nJoin link sent: ⟦H16URLS⟧',
    ],
    "en-GB": [
        "CHILDMINDER REGISTRATION FORM — {org} Childminding\nChild: {first2} {last} · date of birth ⟦H16KID⟧ · NHS number ⟦H16NHS⟧\nSibling: {first} {last} · date of birth ⟦H16KID⟧ · NHS number ⟦H16NHSP⟧\nParent mobile ⟦H16PH⟧ · ⟦H16EM⟧ · start ⟦~H16DGB⟧ · Ofsted URN ⟦~H16ROLLNO⟧",
        "TENANT REFERENCING APPLICATION — {org} Lettings\nApplicant: {first} {last} · date of birth ⟦H16BDAY⟧ · NI number ⟦~H16NINO⟧\nCurrent landlord: {first2} {last}, ⟦H16PHN⟧\nRent from ⟦H16IBAN⟧ · mobile ⟦H16PH⟧ · move-in ⟦~H16DGB⟧ · reference ⟦~H16CASE⟧",
        "BOILER UPGRADE SCHEME — air source heat pump voucher application\nProperty owner: {first} {last} · phone ⟦H16PH⟧ · ⟦H16EM⟧\nInstaller {org} Heat, MCS certificate ⟦~H16MCS⟧ · commissioning ⟦~H16DGB⟧ · MPAN ⟦~H16MPAN⟧\nHeat pump controller MAC ⟦H16MAC⟧ · balance paid by card ⟦H16CARD⟧",
        "AU PAIR AGREEMENT — host family and au pair\nHost: {first} {last} · ⟦H16PH⟧ · ⟦H16EM⟧\nAu pair: {first2} {last}, date of birth ⟦H16BDAY⟧ · arrival ⟦~H16DGB⟧ · visa ref ⟦~H16CASE⟧ · pocket money £⟦~H16AMTGB⟧ a week to ⟦H16IBAN⟧",
        "NHS IVF FUNDING REQUEST — {org} Integrated Care Board\nPatient: {first} {last} · DOB ⟦H16BDAY⟧ · NHS number ⟦H16NHS⟧\nPartner: {first2} {last} · NHS number ⟦H16NHSP⟧\nReferred ⟦~H16DGB⟧ (letter ⟦~H16NHSLIKE⟧) · contact ⟦H16PH⟧ · ⟦H16EM⟧",
        "LASTING POWER OF ATTORNEY — registration (health and welfare)\nDonor: {first} {last}, date of birth ⟦H16BDAY⟧\nAttorney: {first2} {last} · ⟦H16PH⟧\nFee paid by card ⟦H16CARD⟧ · signed ⟦~H16DGB⟧ · OPG ref ⟦~H16CASE⟧",
    ],
    "en-IN": [
        "CARPOOL SIGN-UP — {org} Tech Park commuters\nName: {first} {last} · DOB ⟦H16BDAY⟧ · vehicle ⟦~H16PLATEUS⟧ · employee ID ⟦~H16EMPID⟧\nMobile ⟦H16PH⟧ · office e-mail ⟦H16EM⟧\nFuel share via card ⟦H16CARD⟧",
        "BIKE SHARE ACCOUNT — {org} Rides\nRider: {first} {last} · date of birth ⟦H16BDAY⟧\nMobile ⟦H16PH⟧ · e-mail ⟦H16EM⟧ · wallet top-up card ⟦H16CARD⟧\nApp signed in from ⟦H16IP⟧ on IMEI ⟦~H16IMEI⟧ · trips at ⟦H16URLS⟧",
        "COACHING INSTITUTE ADMISSION — {org} Academy (JEE batch)\nStudent: {first2} {last} · date of birth ⟦H16KID⟧\nFather: {first} {last} · ⟦H16PH⟧ · ⟦H16EM⟧\nFee Rs ⟦~H16AMTIN⟧ on card ⟦H16CARD⟧ · admission ⟦~H16DIN⟧ · roll no. ⟦~H16ROLLNO⟧",
    ],
    "fr-FR": [
        "INSCRIPTION AU COVOITURAGE — {org} Mobilités\nConducteur : {first} {last}, né(e) le ⟦H16BDAY⟧\nPortable ⟦H16PH⟧ · courriel ⟦H16EM⟧\nIndemnités versées sur ⟦H16IBAN⟧ · profil ⟦H16URLS⟧",
        "INSTALLATION D'UNE BORNE DE RECHARGE — {org} Électricité\nClient : {first} {last} · portable ⟦H16PH⟧\nBorne MAC ⟦H16MAC⟧ · mise en service le ⟦~H16DFR⟧ · PDL ⟦~H16PDL⟧\nAcompte par carte ⟦H16CARD⟧ · solde prélevé sur ⟦H16IBAN⟧",
        "CONTRAT AU PAIR — famille d'accueil {last}\nAu pair : {first2} {last}, née le ⟦H16BDAY⟧ · arrivée le ⟦~H16DFR⟧\nFamille : {first} {last} · ⟦H16PH⟧ · ⟦H16EM⟧\nArgent de poche versé sur ⟦H16IBAN⟧",
    ],
    "de-DE": [
        "FÖRDERANTRAG WÄRMEPUMPE — {org} Energieberatung\nAntragsteller/in: {first} {last}, geboren am ⟦H16BDAY⟧\nWärmepumpe WLAN-MAC ⟦H16MAC⟧ · Inbetriebnahme ⟦~H16DDE⟧ · Zähler ⟦~H16ZAEHLER⟧\nAuszahlung auf ⟦H16IBAN⟧ · Telefon ⟦H16PH⟧ · ⟦H16EM⟧",
        "ORGANSPENDE-REGISTER — Erklärung\nName: {first} {last} · Geburtsdatum ⟦H16BDAY⟧ · KVNR ⟦~H16KVNR⟧\nErklärung: Ja, ich spende · abgegeben ⟦~H16DDE⟧\nVertrauensperson {first2}: ⟦H16PH⟧ · ⟦H16EM⟧",
        "TAUCHSCHEIN — Brevet-Nachweis {org} Tauchbasis\nTaucher/in: {first} {last}, geb. ⟦H16BDAY⟧ · Taucher-Nr. ⟦~H16DIVERNO⟧\nBrevet am ⟦~H16DDE⟧ · Kursgebühr per Karte ⟦H16CARD⟧\nHandy ⟦H16PH⟧ · Logbuch ⟦H16URLS⟧",
    ],
    "it-IT": [
        "CERTIFICATO MEDICO AGONISTICO — {org} Medicina dello Sport\nAtleta: {first} {last}, nato/a il ⟦H16BDAY⟧ · C.F. ⟦~H16CF⟧\nSport: ciclismo · visita del ⟦~H16DIT⟧ · ECG ⟦~H16HHMM⟧ · valido un anno\nCell. ⟦H16PH⟧ · pagato con carta ⟦H16CARD⟧",
        "ISCRIZIONE ALLA MARATONA DI {org} — pettorale ⟦~H16BIB⟧\nAtleta: {first} {last}, data di nascita ⟦H16BDAY⟧\nCell. ⟦H16PH⟧ · quota con carta ⟦H16CARD⟧ · gara del ⟦~H16DIT⟧ · tempo ⟦~H16CHIPTIME⟧",
        "CONCESSIONE LOCULO CIMITERIALE — Comune di {org}\nConcessionario: {first} {last} · cell. ⟦H16PH⟧ · ⟦H16EM⟧\nDefunto/a: {first2} {last}, nato/a il ⟦H16BDAY⟧, deceduto/a il ⟦~H16DIT⟧\nCanone su ⟦H16IBAN⟧",
    ],
    "es-ES": [
        "INSCRIPCIÓN EN LA MARATÓN DE {org} — dorsal ⟦~H16BIB⟧\nCorredor/a: {first} {last} · fecha de nacimiento ⟦H16BDAY⟧ · DNI ⟦~H16DNI⟧\nMóvil ⟦H16PH⟧ · pago con tarjeta ⟦H16CARD⟧ · donación solidaria a ⟦H16BTC⟧",
        "MATRÍCULA EN AUTOESCUELA {org}\nAlumno/a: {first} {last} · fecha de nacimiento ⟦H16BDAY⟧ · NIE ⟦~H16NIE⟧\nMóvil ⟦H16PH⟧ · correo ⟦H16EM⟧ · clases domiciliadas en ⟦H16IBAN⟧ desde ⟦~H16DES⟧",
        "CLÍNICA DE REPRODUCCIÓN ASISTIDA — hoja de admisión, {org}\nPaciente: {first} {last} · fecha de nacimiento ⟦H16BDAY⟧ · DNI ⟦~H16DNI⟧\nMóvil ⟦H16PH⟧ · correo ⟦H16EM⟧ · transferencia embrionaria prevista ⟦~H16DES⟧\nPago del ciclo con tarjeta ⟦H16CARD⟧ · ⟦~H16AMTES⟧ €",
        "ALTA EN BICICLETA COMPARTIDA — {org} Bici\nUsuario/a: {first} {last} · fecha de nacimiento ⟦H16BDAY⟧\nMóvil ⟦H16PH⟧ · correo ⟦H16EM⟧ · abono anual con tarjeta ⟦H16CARD⟧ · alta ⟦~H16DES⟧ · tarjeta de usuario ⟦~H16CARDLIKE⟧",
    ],
    "nl-NL": [
        "ISDE-SUBSIDIE WARMTEPOMP — aanvraag\nAanvrager: {first} {last} · geboortedatum ⟦H16BDAY⟧ · BSN ⟦~H16BSN⟧\nWarmtepomp geplaatst op ⟦~H16DNL⟧ · regelaar MAC ⟦H16MAC⟧\nUitbetaling op ⟦H16IBAN⟧ · telefoon ⟦H16PH⟧ · ⟦H16EM⟧",
        "INSCHRIJVING RIJSCHOOL {org}\nLeerling: {first} {last} · geboortedatum ⟦H16BDAY⟧\nMobiel ⟦H16PH⟧ · lespakket via incasso van ⟦H16IBAN⟧ · eerste les ⟦~H16DNL⟧ · CBR-nummer ⟦~H16ROLLNO⟧",
        "INSTALLATIE LAADPAAL — {org} Laadoplossingen\nKlant: {first} {last} · mobiel ⟦H16PH⟧ · ⟦H16EM⟧\nLaadpaal MAC ⟦H16MAC⟧ · geplaatst ⟦~H16DNL⟧ · laadpas ⟦~H16CARDLIKE⟧\nTermijnen van ⟦H16IBAN⟧ · aanbetaling met ⟦H16CARD⟧",
    ],
    "pt-BR": [
        "MATRÍCULA NA AUTOESCOLA {org}\nAluno(a): {first} {last} · CPF ⟦~H16CPF⟧ · nascimento ⟦H16BDAY⟧\nCelular ⟦H16PH⟧ · e-mail ⟦H16EM⟧ · pacote no cartão ⟦H16CARD⟧ · início ⟦~H16DBR⟧ · RENACH ⟦~H16ROLLNO⟧",
        "CADASTRO DE CARONA SOLIDÁRIA — {org} Campus\nMotorista: {first} {last} · nascimento ⟦H16BDAY⟧ · celular ⟦H16PH⟧ · ⟦H16EM⟧\nRateio de combustível em conta ⟦H16IBAN⟧ · perfil ⟦H16URLS⟧",
        "ADESÃO A PLANO FUNERÁRIO — {org} Assistência Familiar\nTitular: {first} {last} · nascimento ⟦H16BDAY⟧ · CPF ⟦~H16CPF⟧\nDependente: {first2} {last} · nascimento ⟦H16KID⟧\nMensalidade no cartão ⟦H16CARD⟧ · celular ⟦H16PH⟧",
    ],
    "tech": [
        "⟦~H16TS⟧ mx1 smtpd[⟦~H16PID⟧]: ⟦~H16SMTPDID⟧ smtp connected address=⟦H16IP⟧ host=⟦~H16HOST⟧\n⟦~H16TS⟧ mx1 smtpd[⟦~H16PID⟧]: ⟦~H16SMTPDID⟧ smtp message msgid=⟦~H16HEX16⟧ size=⟦~H16BYTES⟧ nrcpt=1 proto=ESMTP\n⟦~H16TS⟧ mx1 smtpd[⟦~H16PID⟧]: ⟦~H16SMTPDID⟧ smtp envelope from=<⟦H16EM⟧> to=<⟦H16EM⟧> result=Ok",
        "⟦~H16TS⟧ fw01 filterlog[⟦~H16PID⟧]: 5,,,⟦~H16PFTRACK⟧,igb0,match,block,in,4,0x0,,64,⟦~H16SECS⟧,0,DF,6,tcp,60,⟦H16IP⟧,⟦H16IP⟧,⟦~H16SRCPORT⟧,22,0,S,⟦~H16KOFF⟧,,64240,,mss",
        'date=⟦~H16ISODATE⟧ time=⟦~H16HHMM⟧:00 devname="FGT60F-{org}" type="traffic" subtype="forward" srcip=⟦H16IP⟧ srcport=⟦~H16SRCPORT⟧ srcmac="⟦H16MAC⟧" dstip=⟦H16IP⟧ dstport=443 sessionid=⟦~H16FGTSESS⟧ user="⟦H16EM⟧" action="accept" sentbyte=⟦~H16BYTES⟧',
        "⟦~H16TS⟧ asa-edge : %ASA-6-302013: Built inbound TCP connection ⟦~H16ASACONN⟧ for outside:⟦H16IP⟧/⟦~H16SRCPORT⟧ (⟦H16IP⟧/⟦~H16SRCPORT⟧) to inside:⟦H16IP⟧/443 (⟦H16IP⟧/443)",
        "Subject: Problem: High CPU on db-{last} (event ⟦~H16ZBXEVT⟧)\n\nZabbix trigger fired at ⟦~H16STAMP⟧\nHost: db-{last} · interface ⟦H16IP⟧ · NIC ⟦H16MAC⟧\nOn-call: {first} {last}, ⟦H16PHE⟧, ⟦H16EM⟧\nAcknowledge: ⟦H16URLS⟧",
        '{"incident": {"id": "⟦~H16PDINC⟧", "incident_number": ⟦~H16ELAPSED⟧, "title": "prescription API 5xx", "status": "triggered", "html_url": "⟦H16URLS⟧", "assignments": [{"assignee": {"summary": "{first} {last}", "email": "⟦H16EM⟧"}}], "body": {"details": "first failing request from ⟦H16IP⟧ for NHS number ⟦H16NHS⟧; call ⟦H16PHE⟧"}}}',
        'Issue key,Summary,Reporter,Reporter Email,Created,Description\n⟦~H16JIRAKEY⟧,"Login fails for patient","{first} {last}",⟦H16EM⟧,⟦~H16STAMP⟧,"Patient NHS ⟦H16NHSP⟧, DOB ⟦H16BDAYI⟧, called from ⟦H16PHE⟧"\n⟦~H16JIRAKEY⟧,"Typo on page","{first2} {last}",⟦H16EM⟧,⟦~H16STAMP⟧,"see ⟦H16URLS⟧"',
        '{"@timestamp": ⟦~H16EPOCHMS⟧, "action": "org.invite_member", "actor": "{first}-{last}", "actor_ip": "⟦H16IP⟧", "_document_id": "⟦~H16HEX16⟧", "external_identity_nameid": "⟦H16EM⟧", "user": "{first2}-{last}", "org": "{org}-inc"}',
        'Ticket ID,Subject,Requester Email,Requester Phone,Created Time,Description\n⟦~H16EBORDER⟧,"Wrong charge",⟦H16EM⟧,⟦H16PHE⟧,⟦~H16STAMP⟧,"Card ⟦H16CARD⟧ billed twice; my NPI for the clinic account is ⟦H16NPI⟧; SSN on file ⟦H16SSN⟧"',
        "email,firstname,lastname,dob,telephone,created_at,website_id\n⟦H16EM⟧,{first},{last},⟦H16BDAYI⟧,⟦H16PHE⟧,⟦~H16STAMP⟧,1\n⟦H16EM⟧,{first2},{last},⟦H16BDAYI⟧,,⟦~H16STAMP⟧,1",
        '*ContactName,EmailAddress,PhoneNumber,Website,BankAccountNumber,TaxNumber,AccountNumber\n"{org} Clinic",⟦H16EM⟧,⟦H16PHE⟧,⟦H16URLS⟧,⟦H16IBANC⟧,"NPI ⟦H16NPIP⟧",⟦~H16ACCT⟧\n"{first} {last}",⟦H16EM⟧,,,,"payout ⟦H16ETH⟧",⟦~H16ACCT⟧',
        'DocuSign: {first} {last} sent you a document to review and sign\nEnvelope ID ⟦~H16UUID⟧ · sent ⟦~H16STAMP⟧ · "Patient consent for {first2} {last}, NHS ⟦H16NHSP⟧"\nReview: ⟦H16URLS⟧\nQuestions? Contact the sender at ⟦H16EM⟧.',
        "New Event: {first} {last} — 30 Minute Consultation\nInvitee: {first} {last}\nInvitee Email: ⟦H16EM⟧\nText reminder number: ⟦H16PHE⟧\nEvent date/time: ⟦~H16STAMP⟧\nEvent UUID: ⟦~H16UUID⟧\nProvider NPI: ⟦H16NPIP⟧\nView event in Calendly: ⟦H16URLS⟧",
        "Order #,Order Date,First Name,Surname,Email,Ticket Type,Attendee #,Date of Birth,Cell Phone\n⟦~H16EBORDER⟧,⟦~H16STAMP⟧,{first},{last},⟦H16EM⟧,General Admission,⟦~H16EBORDER⟧,⟦H16BDAYI⟧,⟦H16PHE⟧\n⟦~H16EBORDER⟧,⟦~H16STAMP⟧,{first2},{last},⟦H16EM⟧,VIP,⟦~H16EBORDER⟧,⟦H16BDAYI⟧,",
        '"#","What is your email?","Date of birth","Social Security number","Payout wallet","Submitted At","Network ID"\n⟦~H16HEX16⟧,⟦H16EM⟧,⟦H16BDAYI⟧,⟦H16SSN⟧,⟦H16BTC⟧,⟦~H16STAMP⟧,⟦~H16HEX16⟧\n⟦~H16HEX16⟧,⟦H16EM⟧,⟦H16BDAYI⟧,,⟦H16ETH⟧,⟦~H16STAMP⟧,⟦~H16HEX16⟧',
        "username,firstname,lastname,email,phone1,profile_field_dob,course1,idnumber\n{first}.{last},{first},{last},⟦H16EM⟧,⟦H16PHE⟧,⟦H16KIDI⟧,MATH-101,⟦~H16EMPID⟧\n{first2}.{last},{first2},{last},⟦H16EM⟧,,⟦H16KIDI⟧,MATH-101,⟦~H16EMPID⟧",
        "[{org} Shop]: New order #⟦~H16KOFF⟧\nYou've received the following order from {first} {last}:\nPayment method: Bitcoin to ⟦H16BTC⟧ (⟦~H16QTY⟧ BTC)\nBilling phone ⟦H16PHE⟧ · billing e-mail ⟦H16EM⟧\nCustomer IP ⟦H16IP⟧ · view the order at ⟦H16URLS⟧",
    ],
}


REPEATS16 = 5  # documents per template


def _half(templates: dict[str, list[str]], tag: str, rnd: random.Random) -> list[dict]:
    cases = []
    for group, group_templates in templates.items():
        for i, template in enumerate(group_templates):
            for n in range(REPEATS16):
                case = fill(template, rnd, group if group != "tech" else LOCALES[(i + n) % len(LOCALES)])
                case.update(split="heldout16", batch="heldout16", locale=group, template=f"{group}/{tag}/{i}")
                cases.append(case)
    return cases


def build_heldout16() -> list[dict]:
    """Every template of KNOWN16 then NEW16 (per locale, then tech), REPEATS16 documents each, seed SEED16;
    FHIR system URIs labelled after generation by the set's shared function."""
    rnd = random.Random(SEED16)
    cases = _half(KNOWN16, "h16k", rnd) + _half(NEW16, "h16n", rnd)
    return [label_fhir_system_urls(case) for case in cases]


def main() -> None:
    """Counts only: bench/phantom_pii_multilingual_data.py writes the batch into the set (never print spans)."""
    print_batch_counts(build_heldout16(), f"heldout16 (seed {SEED16})", ("h16k", "h16n"))


if __name__ == "__main__":
    main()
