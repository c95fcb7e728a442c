"""`heldout11`: the eleventh held-out batch for bench/phantom_pii_multilingual.json, written from the formats'
specifications while heldout10 was being tuned on, without reading servers/phantom/pii.py, pii_fields.py,
redaction.py or docs/phantom.md and without running any detector on it (not even on dev cases). It is
meant to be scored once.

Built by bench/phantom_pii_multilingual_data.py (which imports `build_heldout11` from here, last), seed
SEED11, split and batch "heldout11". Like heldout7..heldout10 it is a fair sample in two halves, told
apart by the template tag so each half can be scored on its own (445 documents; smaller than
heldout10 because it was written in about half an hour):
- known kinds, `<locale>/h11k/<n>`: the kinds and writing styles the earlier batches used (heldout10's
  new kinds included), sampled in about their proportion in the set: customer e-mails and complaint
  letters, HR and onboarding forms, club and gym registration forms, CSV / semicolon / pipe
  tables of people, chat exports, bank alerts, appointment reminders, delivery notices, a clinic
  letter, an explanation of benefits, a hotel booking, a ride receipt, an e-mail signature, a support
  ticket, a call transcript, a KYC re-verification form, JSON, FHIR, LDIF and HL7 v2 records, access
  and syslog lines, SQL inserts, a curl command, a CEF event and a wallet CSV, written
  fresh: new wording, field orders, surrounding text and values;
- new kinds, `<locale>/h11n/<n>`: document kinds no batch (heldout7's to heldout10's new halves
  included) has used, each checked by a marker phrase against every earlier case in
  tests/test_pii_heldout11_set.py: a municipal parking citation, a school field-trip permission slip, a
  blood-donor card, a lease renewal agreement, an EMS patient care report and a wireless number-port
  letter of authorization (US); a council tax bill, an NHS Organ Donor Register confirmation, a
  school trip consent form, a blood donation booking and a PAC (porting authorisation code) text (UK);
  a voluntary blood donor card, a mobile number portability request and a crypto exchange deposit
  confirmation (India); an avis de paiement du forfait post-stationnement, an autorisation de sortie
  scolaire, an avenant de renouvellement du bail and a demande de portabilité (France); an
  Einverständniserklärung Klassenfahrt, a Verwarnungsgeld notice, a Blutspendeausweis and an Auftrag
  zur Rufnummernmitnahme (Germany); a tesserino donatore, a preavviso di contravvenzione and a
  richiesta di portabilità (Italy); a solicitud de portabilidad, a denuncia/multa de estacionamiento
  and an autorización de excursión (Spain); a toestemmingsformulier schoolreis, a naheffingsaanslag
  parkeerbelasting and a nummerbehoud form (Netherlands); a carteira do doador de sangue, an auto de
  infração de trânsito and a pedido de portabilidade numérica (Brazil); and in the technical group a
  HAR (HTTP Archive 1.2) capture, `kubectl get events` output, Redis MONITOR output, Sentry
  breadcrumbs, an Okta System Log event, an Auth0 log event, an iOS crash report header, a decoded
  boarding-pass barcode (IATA BCBP), HAProxy HTTP log lines, `iw station dump` output and a Helm
  values.yaml. (Discharge letters were left out: heldout4 and heldout5 used discharge summaries; a
  lease renewal and a tenancy deposit certificate or rental application, used by heldout8, are
  different documents of the same domain. heldout9 had a UK Penalty Charge Notice, so the parking
  fines here are new only as their countries' own forms: US citation, FPS, Verwarnungsgeld, preavviso,
  ORA denuncia, naheffingsaanslag, auto de infração.)
Each template is filled REPEATS11 times with fresh values; the technical group cycles through the locales.

Values come from heldout5's to heldout10's spec-built generators, registered again here under H11 names
(every H10 name is mirrored as the H11 name with the same generator, as heldout10 mirrored H9), valid by
their specifications (libphonenumber, ISO/IEC 7812 with Luhn, SSA rules, NPI Luhn over 80840, NHS
modulus 11, ISO 13616, Base58Check/bech32/bech32m, EIP-55). The new hard negatives are built below from
their own specifications and checked in tests/test_pii_heldout11_set.py.

What is and is not an entity follows heldout5's to heldout10's docstrings (a birth date only by its cue
or field, and only a person's; any telephone number with its extension in the span; punctuation outside
spans; `tel:` and `mailto:` schemes outside the span; names and street addresses unlabelled; personal
identifiers of other types are negatives; a bare service host name is not a URL). Where they are
silent:
- Violation, trip, donation, admission, discharge, lease-start, port-due and hearing dates are not birth
  dates; a student's, a donor's, a patient's, a tenant's or a subscriber's birth date by its cue is.
- A parking citation / PCN / avviso number, a vehicle plate, a donor number (ISBT 128 donation
  identification number), a porting authorisation code (UK PAC, Indian UPC, French RIO, Dutch
  overstapcode), an account PIN, a GitHub/Okta/Auth0 identifier, a Sentry event id and a crash report's
  incident identifier are negatives. A porting form's numbers to port ARE phone numbers (they are the
  subscriber's lines).
- HAR: `request.url` and the `Referer` header value are URLs; `serverIPAddress` is an IP address;
  `startedDateTime` and `time` are negatives; a JSON `postData.text` holding e-mail or phone labels them.
- Okta/Auth0: `client.ipAddress` / `ip` are IP addresses, `actor.alternateId` / `user_name` e-mail
  addresses; `published`, `uuid`, `log_id`, `user_id` and `client_id` are negatives.
- BCBP: the passenger name, PNR, flight, Julian date and seat are negatives or unlabelled (a boarding
  pass carries no birth date); a frequent-flyer number is a negative.
- Kubernetes events: image digests and pod names are negatives; `registry.example/billing` (a
  registry path without scheme or `www.`) is no URL, as heldout10's `registry.local/api` was not.
- HAProxy HTTP log: the client `ip:port` labels the IP address without the port (IPv4 only: an IPv6
  address with `:port` appended is ambiguous); captured request
  headers in `{...|...}` are labelled by what they hold (Referer a URL, a user header an e-mail
  address); timers, byte counts, the accept date and the pid are negatives; `be_api/api-2` is a
  backend/server name (unlabelled).
- Helm values.yaml: `ingress.host` is a bare host name (a negative), `image.repository` no URL.
- `iw station dump`: `Station <mac>` is a MAC address; byte counts and times are negatives.
"""

from __future__ import annotations

import random
import string
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from phantom_pii_heldout5_data import _alnum  # noqa: E402
from phantom_pii_heldout9_data import LOCALES  # noqa: E402
from phantom_pii_heldout10_data import SEED10  # noqa: E402  (also registers every H10 name)
from phantom_pii_multilingual_data import (  # noqa: E402
    NEGATIVES,
    VALUES,
    digits,
    fill,
    label_fhir_system_urls,
    print_batch_counts,
)

SEED11 = 11011
assert SEED11 != SEED10
UP = string.ascii_uppercase
HEX = "0123456789abcdef"
BASE62 = string.digits + string.ascii_letters

# heldout10's generators under H11 names (the registries are shared by name across modules: the H11 copies
# leave every H10 entry as it was)
VALUES.update({"H11" + name[3:]: entry for name, entry in list(VALUES.items()) if name.startswith("H10")})
NEGATIVES.update({"H11" + name[3:]: make for name, make in list(NEGATIVES.items()) if name.startswith("H10")})


# -- new hard negatives built from their specifications ----------------------------------------------


def _isbt_din(rnd: random.Random) -> str:
    """ISBT 128 donation identification number: facility code (a letter and four digits), two-digit
    year, six-digit serial; printed with the flag digits `00` as on donor cards."""
    return f"{rnd.choice('GW')}{digits(rnd, 4)} {rnd.randint(19, 26)} {digits(rnd, 6)} 00"


def _uk_pac(rnd: random.Random) -> str:
    """Ofcom porting authorisation code: three letters and six digits."""
    return _alnum(rnd, 3, UP) + digits(rnd, 6)


def _in_upc(rnd: random.Random) -> str:
    """TRAI unique porting code: two letters (the service area) and six digits."""
    return _alnum(rnd, 2, UP) + digits(rnd, 6)


def _rio(rnd: random.Random) -> str:
    """French RIO (relevé d'identité opérateur): two-digit operator code, `P` or `E`, six characters and a
    three-character key (shape only: the key's algorithm is not reproduced here)."""
    return f"{rnd.randint(1, 99):02d}{rnd.choice('PE')}{_alnum(rnd, 6, UP + string.digits)}{_alnum(rnd, 3, UP + string.digits)}"


def _pcn(rnd: random.Random) -> str:
    """A notice or reference number shaped like a UK PCN number: two letters (the issuer) and eight digits."""
    return _alnum(rnd, 2, UP) + digits(rnd, 8)


def _okta_id(rnd: random.Random) -> str:
    """An Okta object id: a three-character type prefix (`00u` user, `0oa` app) and 17 base62 characters."""
    return rnd.choice(["00u", "0oa"]) + _alnum(rnd, 17, BASE62)


def _run_id(rnd: random.Random) -> str:
    """A GitHub Actions run / a Sentry issue id: ten or eleven digits (phone-shaped, no phone)."""
    return rnd.choice("123456789") + digits(rnd, rnd.choice([9, 10]))


def _bcbp_date(rnd: random.Random) -> str:
    """BCBP's date of flight: the day of the year, three digits."""
    return f"{rnd.randint(1, 365):03d}"


def _redis_ts(rnd: random.Random) -> str:
    return f"{rnd.randint(1_600_000_000, 1_790_000_000)}.{digits(rnd, 6)}"


def _citation(rnd: random.Random) -> str:
    """A US municipal parking citation number: a letter and nine digits (no check)."""
    return rnd.choice(UP) + digits(rnd, 9)


def _auth0_id(rnd: random.Random) -> str:
    return "auth0|" + _alnum(rnd, 24, HEX)


def _ios_incident(rnd: random.Random) -> str:
    """An iOS crash report's Incident Identifier: an upper-case UUID (version 4)."""
    h = _alnum(rnd, 32, "0123456789ABCDEF")
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rnd.choice('89AB')}{h[17:20]}-{h[20:]}"


def _haproxy_ts(rnd: random.Random) -> str:
    """HAProxy's accept date: dd/Mon/yyyy:HH:MM:SS.mmm (no zone)."""
    month = rnd.choice(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])
    return f"{rnd.randint(1, 28):02d}/{month}/{rnd.randint(2019, 2026)}:{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}.{digits(rnd, 3)}"


NEW_NEGATIVES11 = {
    "H11ISBT": _isbt_din,
    "H11PAC": _uk_pac,
    "H11UPCODE": _in_upc,
    "H11RIO": _rio,
    "H11NOTICE": _pcn,
    "H11OKTAID": _okta_id,
    "H11RUNID": _run_id,
    "H11JULIAN": _bcbp_date,
    "H11REDISTS": _redis_ts,
    "H11CITATION": _citation,
    "H11AUTH0ID": _auth0_id,
    "H11INCIDENT": _ios_incident,
    "H11ACCTPIN": lambda r: digits(r, r.choice([4, 6])),
    "H11MIGR": lambda r: f"{_alnum(r, 4, UP + string.digits)}{digits(r, 12)}{r.choice('VN')}{digits(r, 2)}",
    "H11HARTIME": lambda r: f"{r.randint(20, 2500)}.{digits(r, 3)}",
    "H11K8SPOD": lambda r: (
        f"{r.choice(['api', 'worker', 'web'])}-{_alnum(r, 10, HEX)}-{_alnum(r, 5, 'bcdfghjklmnpqrstvwxz2456789')}"
    ),
    "H11FFN": lambda r: digits(r, 9),
    "H11HAEMO": lambda r: f"{r.randint(120, 175) / 10:.1f}",
    "H11CTAX": lambda r: digits(r, 9),
    "H11HAPTS": _haproxy_ts,
    "H11HAPMS": lambda r: str(r.randint(1, 900)),
}

# a new name must not shadow a mirrored H10 generator (that would silently change what the name means); checked
# against the mirrored names, not the registry, so running this module twice in one process (runpy in
# tests/test_bench_modules.py, then the set test's import) finds its own earlier entries and not a clash
MIRRORED11 = {"H11" + name[3:] for name in NEGATIVES if name.startswith("H10")}
assert not set(NEW_NEGATIVES11) & MIRRORED11, sorted(set(NEW_NEGATIVES11) & MIRRORED11)
NEGATIVES.update(NEW_NEGATIVES11)


# -- known kinds: what the earlier batches used, sampled in proportion, written fresh ----------------

KNOWN11: dict[str, list[str]] = {
    "en-US": [
        "Hello {org} team,\n\nI cancelled my subscription on ⟦~H11DUS⟧ but was billed again on ⟦~H11DUS⟧. The charge is on ⟦H11CARD⟧. Please reverse it and confirm to ⟦H11EM⟧; my cell is ⟦H11PH⟧.\nAccount ⟦~H11ACCT⟧ · receipt ⟦~H11ORDER⟧ · promo card ⟦~H11CARDLIKE⟧\n\nThanks,\n{first} {last}",
        "NEW HIRE PAPERWORK — {org}\nLegal name: {first} {last}\nSocial Security no.: ⟦H11SSN⟧\nBirthdate: ⟦H11DOB⟧\nCell: ⟦H11PH⟧ · Personal e-mail: ⟦H11EM⟧\nStart date ⟦~H11DUS⟧ · Employee ID ⟦~H11EMPID⟧ · Employer EIN ⟦~H11EIN⟧ · ITIN on file ⟦~H11ITIN⟧",
        "[00:00:02] Rep: {org} pharmacy benefits, this call may be recorded. Who am I speaking with?\n[00:00:06] Caller: {first} {last}.\n[00:00:09] Rep: Date of birth, please?\n[00:00:12] Caller: ⟦H11DOB⟧\n[00:00:30] Rep: Which prescriber is on the refill?\n[00:00:35] Caller: Dr. {last}, NPI ⟦H11NPI⟧, it's on the label.\n[00:00:58] Rep: And a number in case we get cut off?\n[00:01:02] Caller: ⟦H11PHS⟧\n[00:01:40] Rep: Prior authorization ⟦~H11NPILIKE⟧ is approved, reference ⟦~H11CASE⟧, refill ships ⟦~H11DUS⟧.",
        "member_id,last,first,dob,ssn,pcp_npi,phone\n⟦~H11MEMBER⟧,{last},{first},⟦H11DOB⟧,⟦H11SSN⟧,⟦H11NPIP⟧,⟦H11PH⟧\n⟦~H11MEMBER⟧,{last},{first2},⟦H11DOB⟧,⟦H11SSN⟧,⟦H11NPIP⟧,⟦H11PHN⟧\n# extract ⟦~H11DUS⟧, MBI look-up ⟦~H11MBI⟧",
        "Ticket ⟦~H11JIRA⟧: customer can't log in\nReporter: {first} {last} ⟦H11EM⟧ (phone ⟦H11PHX⟧)\nLast login from ⟦H11IP⟧ on ⟦~H11DUS⟧, client ⟦~H11VER⟧, device ⟦~H11IMEI⟧\nVerified: DOB ⟦H11DOB⟧, last card ⟦H11CARDS⟧",
        "Claim ⟦~H11CASE⟧ — explanation of benefits\nPatient: {first} {last} (DOB ⟦H11DOB⟧)\nServices on ⟦~H11DUS⟧ by NPI ⟦H11NPI⟧, billed under tax ID ⟦~H11EIN⟧\nQuestions? ⟦H11PHN⟧ · ⟦H11URL⟧",
    ],
    "en-GB": [
        "Dear {first},\nThank you for attending the clinic on ⟦~H11DGB⟧. Your results (NHS no. ⟦H11NHS⟧, date of birth ⟦H11DOB⟧) have been sent to your GP. If you have questions, ring ⟦H11PHX⟧ or e-mail ⟦H11EM⟧.\nHospital number ⟦~H11NHSLIKE⟧ · clinic ⟦~H11ODS⟧\nDr {first2} {last}",
        "Your parcel from {org} is on its way\nHi {first}, we'll deliver on ⟦~H11DGB⟧. Tracking ⟦~H11S10⟧. Manage delivery: ⟦H11URL⟧. Courier: ⟦H11PH⟧. Questions to ⟦H11EM⟧.",
        "Kind regards\n\n{first} {last}\nHead of Finance, {org} Ltd\nDirect ⟦H11PHX⟧ · Mobile ⟦H11PH⟧\n⟦H11EM⟧ · ⟦H11URL⟧\nCompany no. ⟦~H11PID⟧ · VAT ⟦~H11GBVAT⟧",
        "patient_nhs|name|born|mobile|email|gp_code\n⟦H11NHSP⟧|{first} {last}|⟦H11DOB⟧|⟦H11PH⟧|⟦H11EM⟧|⟦~H11ODS⟧\n⟦H11NHSP⟧|{first2} {last}|⟦H11DOB⟧|⟦H11PHX⟧|⟦H11EM⟧|⟦~H11ODS⟧\nrun ⟦~H11DGB⟧",
        "{org} Bank: £⟦~H11AMTGB⟧ sent to {first2} {last} from account ⟦H11IBAN⟧ on ⟦~H11DGB⟧. If this wasn't you call ⟦H11PHN⟧ now. Sort code ⟦~H11SORT⟧, ref ⟦~H11UTR⟧.",
    ],
    "en-IN": [
        "Dear Customer, your a/c linked card ⟦H11CARD⟧ was used for Rs ⟦~H11AMTIN⟧ on ⟦~H11DIN⟧. If not done by you, call ⟦H11PH⟧ or mail ⟦H11EM⟧. UTR ⟦~H11UTR⟧.",
        "Candidate onboarding — {org}\nFull name: {first} {last}\nDOB: ⟦H11DOB⟧\nPAN ⟦~H11PAN⟧ · Aadhaar ⟦~H11AADHAAR⟧\nMobile ⟦H11PHI⟧ · Alt ⟦H11PH⟧\nEmail ⟦H11EM⟧\nJoining ⟦~H11DIN⟧ · GSTIN of employer ⟦~H11GSTIN⟧",
        "KYC RE-VERIFICATION — {org} Small Finance Bank\nCustomer: {first} {last}    DOB: ⟦H11DOB⟧\nCustomer ID ⟦~H11PNRIN⟧ · PAN ⟦~H11PAN⟧ · CKYC ⟦~H11CKYC⟧\nRegistered mobile ⟦H11PH⟧ · email ⟦H11EM⟧\nATM-cum-debit card ⟦H11CARD⟧\nBranch IFSC ⟦~H11IFSC⟧ · submitted ⟦~H11DIN⟧",
    ],
    "fr-FR": [
        "Bonjour,\n\nmalgré ma résiliation du ⟦~H11DFR⟧, un prélèvement a été effectué sur ⟦H11IBAN⟧. Merci de me rembourser et de me répondre à ⟦H11EM⟧ ou au ⟦H11PH⟧.\nContrat ⟦~H11CASE⟧, facture ⟦~H11ORDER⟧.\n\n{first} {last}",
        "FICHE D'INSCRIPTION — Club {org}\nNom : {last}    Prénom : {first}\nDate de naissance : ⟦H11DOB⟧\nTéléphone : ⟦H11PHX⟧    Courriel : ⟦H11EM⟧\nCotisation par carte ⟦H11CARD⟧ le ⟦~H11DFR⟧\nLicence n° ⟦~H11PID⟧",
        "Votre colis {org} arrive le ⟦~H11DFR⟧. Suivi : ⟦H11URL⟧. Livreur : ⟦H11PH⟧. Code de retrait ⟦~H11PIN⟧, colis ⟦~H11S10⟧.",
        "nom;prénom;naissance;portable;mail;iban\n{last};{first};⟦H11DOB⟧;⟦H11PH⟧;⟦H11EM⟧;⟦H11IBAN⟧\n{last};{first2};⟦H11DOB⟧;⟦H11PHN⟧;⟦H11EM⟧;⟦H11IBAN⟧\n# SIRET ⟦~H11SIRET⟧, export du ⟦~H11DFR⟧",
    ],
    "de-DE": [
        "Hallo {org}-Team,\n\nseit dem ⟦~H11DDE⟧ wird mein Beitrag doppelt von ⟦H11IBAN⟧ eingezogen. Bitte erstatten Sie den Betrag und melden Sie sich unter ⟦H11PH⟧ oder ⟦H11EM⟧.\n\nViele Grüße\n{first} {last}\nVertragsnr. ⟦~H11CASE⟧ · Mandatsreferenz ⟦~H11MANDATE⟧",
        "Personalbogen\nName, Vorname: {last}, {first}\nGeburtsdatum: ⟦H11DOB⟧\nSteuer-ID: ⟦~H11IDNR⟧\nBankverbindung: ⟦H11IBAN⟧\nMobil: ⟦H11PHX⟧\nE-Mail: ⟦H11EM⟧\nEintritt: ⟦~H11DDE⟧",
        "Ihre Sendung von {org} kommt am ⟦~H11DDE⟧. Sendungsverfolgung: ⟦H11URL⟧. Rückfragen: ⟦H11PHN⟧. Zollgebühr bezahlt mit Karte ⟦H11CARD⟧. Paketnummer ⟦~H11S10⟧.",
        "[⟦~H11CHATTS⟧] {first}: Schick mir mal deine IBAN für die Nebenkosten\n[⟦~H11CHATTS⟧] {first2}: ⟦H11IBAN⟧\n[⟦~H11CHATTS⟧] {first2}: und meine neue Nummer ⟦H11PH⟧",
    ],
    "it-IT": [
        "Spett.le {org},\nvi segnalo un doppio addebito del ⟦~H11DIT⟧ sul conto ⟦H11IBAN⟧. Potete contattarmi al ⟦H11PHX⟧ o a ⟦H11EM⟧.\nDistinti saluti\n{first} {last}\nCliente n. ⟦~H11EMPID⟧",
        "Modulo iscrizione palestra {org}\nCognome: {last} · Nome: {first}\nData di nascita: ⟦H11DOB⟧\nCellulare: ⟦H11PH⟧\nEmail: ⟦H11EM⟧\nPagamento con carta ⟦H11CARD⟧ il ⟦~H11DIT⟧\nCodice fiscale ⟦~H11CF⟧",
        "{org}: la sua visita è fissata per il ⟦~H11DIT⟧ alle ⟦~H11HHMM⟧. Per disdire: ⟦H11URL⟧ o ⟦H11PH⟧. Codice prenotazione ⟦~H11CASE⟧.",
    ],
    "es-ES": [
        "Hola,\nel cargo del ⟦~H11DES⟧ en mi tarjeta ⟦H11CARD⟧ está duplicado. Escribidme a ⟦H11EM⟧ o llamad al ⟦H11PH⟧.\nGracias, {first} {last}\nPedido ⟦~H11ORDER⟧",
        "ALTA DE SOCIO — {org}\nNombre: {first} {last}\nNacimiento: ⟦H11DOB⟧\nDNI ⟦~H11DNI⟧\nDomiciliación: ⟦H11IBAN⟧\nTeléfono ⟦H11PHX⟧ · email ⟦H11EM⟧\nFecha de alta ⟦~H11DES⟧",
        "Reserva confirmada — Hotel {org}\nHuésped: {first} {last}\nEntrada ⟦~H11DES⟧ · salida ⟦~H11DES⟧ · habitación ⟦~H11ROOM⟧\nTarjeta de garantía: ⟦H11CARD⟧ (cad. ⟦~H11EXP⟧)\nRecepción ⟦H11PHX⟧ · ⟦H11EM⟧ · gestione su reserva en ⟦H11URL⟧\nLocalizador ⟦~H11PNR⟧",
    ],
    "nl-NL": [
        "Beste {org},\n\nOp ⟦~H11DNL⟧ is er ten onrechte geïncasseerd van ⟦H11IBAN⟧. Graag terugstorten en contact opnemen via ⟦H11PH⟧ of ⟦H11EM⟧.\n\nGroet,\n{first} {last}\nKlantnr. ⟦~H11EMPID⟧",
        "Inschrijfformulier sportschool {org}\nNaam: {first} {last}\nGeboortedatum: ⟦H11DOB⟧\nIBAN: ⟦H11IBAN⟧\nMobiel: ⟦H11PHX⟧\nE-mail: ⟦H11EM⟧\nStartdatum ⟦~H11DNL⟧ · lidnummer ⟦~H11PID⟧",
        "{org} Bank: u heeft € ⟦~H11AMTNL⟧ overgemaakt van ⟦H11IBAN⟧ naar {first2} {last} op ⟦~H11DNL⟧. Niet herkend? Bel direct ⟦H11PHN⟧ of mail ⟦H11EM⟧. Kenmerk ⟦~H11EAN18⟧.",
    ],
    "pt-BR": [
        "Olá,\nrecebi duas cobranças em ⟦~H11DBR⟧ no cartão ⟦H11CARD⟧. Peço estorno. Contato: ⟦H11PH⟧ · ⟦H11EM⟧.\n{first} {last}\nPedido ⟦~H11ORDER⟧ · CPF ⟦~H11CPF⟧",
        "CADASTRO DE CLIENTE\nNome: {first} {last}\nNascimento: ⟦H11DOB⟧\nCelular: ⟦H11PHX⟧\nE-mail: ⟦H11EM⟧\nConta para reembolso: ⟦H11IBAN⟧\nCadastro em ⟦~H11DBR⟧ · CEP ⟦~H11CEP⟧",
        "Obrigado por viajar com a {org}, {first}!\nCorrida de ⟦~H11DBR⟧ às ⟦~H11HHMM⟧ · código ⟦~H11TRIP⟧\nValor R$ ⟦~H11AMTBR⟧ cobrado no cartão ⟦H11CARD⟧\nMotorista {first2}: ⟦H11PH⟧ · recibo em ⟦H11EM⟧ · ajuda em ⟦H11URL⟧",
    ],
    "tech": [
        '⟦H11IP⟧ - - [⟦~H11CLF⟧] "POST /api/v2/login HTTP/1.1" 401 87 "⟦H11URLS⟧" "okhttp/⟦~H11VER⟧"\n⟦H11IP⟧ - - [⟦~H11CLF⟧] "GET /static/app.js HTTP/1.1" 200 ⟦~H11BYTES⟧ "-" "Mozilla/5.0"',
        '{"customer": {"uuid": "⟦~H11UUID⟧", "email": "⟦H11EM⟧", "phone": "⟦H11PHE⟧", "dob": "⟦H11DOBI⟧", "ssn": "⟦H11SSN⟧", "card": "⟦H11CARD⟧", "updated_at": "⟦~H11ISOTS⟧"}}',
        '{"resourceType": "Practitioner", "id": "⟦~H11UUID⟧", "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "⟦H11NPIP⟧"}], "telecom": [{"system": "email", "value": "⟦H11EM⟧"}, {"system": "phone", "value": "⟦H11PHE⟧"}], "birthDate": "⟦H11DOBI⟧"}',
        "MSH|^~\\&|LAB|{org}|EHR|{org}|⟦~H11HL7TS⟧||ADT^A08|⟦~H11MSGCTRL⟧|P|2.4\nPID|1||⟦H11NHSP⟧^^^NHS^NH~⟦~H11MRN⟧^^^MRN||{last}^{first}||⟦H11DOBB⟧|M|||||⟦H11PHE⟧||||||⟦H11SSN⟧\nPD1|||{org}^^⟦~H11ODS⟧|⟦H11NPIP⟧^{last}^{first2}",
        "⟦~H11TS⟧ gw01 sshd[⟦~H11PID⟧]: Accepted publickey for {first} from ⟦H11IP⟧ port ⟦~H11SRCPORT⟧ ssh2\n⟦~H11TS⟧ gw01 dhcpd[⟦~H11PID⟧]: DHCPACK on ⟦H11IP⟧ to ⟦H11MAC⟧ via eth1\n⟦~H11TS⟧ gw01 postfix/smtp[⟦~H11PID⟧]: to=<⟦H11EM⟧>, relay=⟦~H11HOST⟧[⟦H11IP⟧]:25, status=sent",
        "dn: cn={first} {last},ou=staff,dc={org},dc=com\nobjectClass: inetOrgPerson\nsn: {last}\nmail: ⟦H11EM⟧\nmobile: ⟦H11PHE⟧\nlabeledURI: ⟦H11URLS⟧ homepage\nemployeeNumber: ⟦~H11EMPID⟧\nmacAddress: ⟦H11MAC⟧\nipHostNumber: ⟦H11IP⟧",
        "INSERT INTO customers (email, phone, birth_date, iban, last_ip, device_mac) VALUES\n('⟦H11EM⟧', '⟦H11PHE⟧', '⟦H11DOBI⟧', '⟦H11IBANC⟧', '⟦H11IP⟧', '⟦H11MAC⟧'),\n('⟦H11EM⟧', '⟦H11PHE⟧', '⟦H11DOBI⟧', '⟦H11IBANC⟧', '⟦H11IP6⟧', '⟦H11MAC⟧');",
        'curl -X POST ⟦H11URLS⟧ -H \'Content-Type: application/json\' -d \'{"email": "⟦H11EM⟧", "msisdn": "⟦H11PHE⟧", "wallet": "⟦H11ETH⟧", "nonce": "⟦~H11UUID⟧"}\'',
        "CEF:0|{org}|IDS|⟦~H11VER⟧|2001|Port scan|5|rt=⟦~H11EPOCHMS⟧ src=⟦H11IP⟧ smac=⟦H11MAC⟧ dst=⟦H11IP⟧ dmac=⟦H11MAC⟧ dpt=⟦~H11PORT⟧ duser=⟦H11EM⟧ dhost=⟦~H11HOST⟧",
        "date,asset,address,amount,tx\n⟦~H11ISODATE⟧,BTC,⟦H11BTC⟧,⟦~H11QTY⟧,⟦~H11TXID⟧\n⟦~H11ISODATE⟧,ETH,⟦H11ETH⟧,⟦~H11QTY⟧,⟦~H11TXID⟧\n⟦~H11ISODATE⟧,BTC,⟦H11BTC⟧,⟦~H11QTY⟧,⟦~H11TXID⟧",
    ],
}


# -- new kinds: document kinds no earlier batch used --------------------------------------------------

NEW11: dict[str, list[str]] = {
    "en-US": [
        "CITY OF {org} — PARKING CITATION ⟦~H11CITATION⟧\nViolation: expired meter on ⟦~H11DUS⟧ at ⟦~H11HHMM⟧, plate ⟦~H11PLATEUS⟧\nRegistered owner: {first} {last}\nPaid online by card ⟦H11CARD⟧ · receipt to ⟦H11EM⟧\nContest at ⟦H11URL⟧ or call ⟦H11PHN⟧",
        "FIELD TRIP PERMISSION SLIP — {org} Middle School\nStudent: {first} {last}    Date of birth: ⟦H11DOB⟧\nTrip: science museum, ⟦~H11DUS⟧ (bus leaves ⟦~H11HHMM⟧)\nParent/guardian: {first2} {last}    Cell: ⟦H11PH⟧    Work: ⟦H11PHX⟧\nEmail: ⟦H11EM⟧\nPediatrician NPI (for emergencies): ⟦H11NPI⟧",
        "BLOOD DONOR CARD — {org} Blood Center\nDonor: {first} {last}    Born: ⟦H11DOB⟧\nDonor no. ⟦~H11ISBT⟧    Last donation ⟦~H11DUS⟧    Hemoglobin ⟦~H11HAEMO⟧ g/dL\nNext eligible ⟦~H11DUS⟧\nQuestions: ⟦H11PHN⟧ · ⟦H11EM⟧ · SSN on file ⟦H11SSN⟧",
        "LEASE RENEWAL AGREEMENT — {org} Apartments, unit ⟦~H11ROOM⟧\nTenant: {first} {last}, SSN ⟦H11SSN⟧, date of birth ⟦H11DOB⟧\nCurrent term ends ⟦~H11DUS⟧; renewal term begins ⟦~H11DUS⟧\nRent autopay card: ⟦H11CARD⟧\nLeasing office: ⟦H11PHX⟧ · ⟦H11EM⟧ · ⟦H11URL⟧",
        "PATIENT CARE REPORT — {org} Fire-Rescue EMS\nIncident ⟦~H11CASE⟧ on ⟦~H11DUS⟧, on scene ⟦~H11HHMM⟧\nPatient: {first} {last}, DOB ⟦H11DOB⟧, SSN ⟦H11SSN⟧\nReceiving physician NPI ⟦H11NPI⟧ · billing agency NPI ⟦H11NPIP⟧\nPatient phone ⟦H11PH⟧ · ambulance billing ⟦H11PHN⟧ · ⟦H11EM⟧",
        "LETTER OF AUTHORIZATION — wireless number port to {org}\nAccount holder: {first} {last}\nNumbers to port: ⟦H11PH⟧, ⟦H11PH⟧\nCurrent carrier account ⟦~H11ACCT⟧, transfer PIN ⟦~H11ACCTPIN⟧\nLast 4 of SSN ⟦~H11LAST4⟧ · requested port date ⟦~H11DUS⟧\nContact e-mail ⟦H11EM⟧ · signed ⟦~H11DUS⟧",
    ],
    "en-GB": [
        "{org} COUNCIL TAX — annual bill and single person discount review\nAccount ⟦~H11CTAX⟧ · Band D · liable person {first} {last}, date of birth ⟦H11DOB⟧\nInstalments due from ⟦~H11DGB⟧; pay online at ⟦H11URL⟧ or by phone on ⟦H11PHN⟧\nLast payment taken from card ⟦H11CARD⟧ · e-billing to ⟦H11EM⟧",
        "NHS Organ Donor Register — your registration is confirmed\nThank you, {first} {last} (date of birth ⟦H11DOB⟧, NHS number ⟦H11NHS⟧).\nRecorded decision: donate all organs and tissue · registered ⟦~H11DGB⟧\nChange your decision at ⟦H11URL⟧ or call ⟦H11PHN⟧; we will write to ⟦H11EM⟧ · registration ID ⟦~H11NOTICE⟧",
        "SCHOOL TRIP CONSENT FORM — Year 8 residential, ⟦~H11DGB⟧\nPupil: {first} {last}    Date of birth ⟦H11DOB⟧    NHS number ⟦H11NHSP⟧\nEmergency contact: {first2} {last}, ⟦H11PH⟧ / ⟦H11PHX⟧\nParent e-mail: ⟦H11EM⟧\nDeposit paid ⟦~H11DGB⟧, ref ⟦~H11NOTICE⟧",
        "Give blood — your donation session is booked\nDonor: {first} {last}, date of birth ⟦H11DOB⟧, NHS number ⟦H11NHS⟧\nSession ⟦~H11DGB⟧ at ⟦~H11HHMM⟧ · donor number ⟦~H11ISBT⟧\nChange it at ⟦H11URL⟧ or on ⟦H11PHN⟧",
        "{org} Mobile: your PAC is ⟦~H11PAC⟧ for the number ⟦H11PH⟧, valid until ⟦~H11DGB⟧. Give it to your new provider to keep your number. Account holder {first} {last}; questions to ⟦H11EM⟧ or on ⟦H11PHX⟧.",
    ],
    "en-IN": [
        "VOLUNTARY BLOOD DONOR CARD — {org} Blood Bank\nDonor: {first} {last}    Date of Birth: ⟦H11DOB⟧\nDonor ID ⟦~H11ISBT⟧ · donated ⟦~H11DIN⟧ · next due ⟦~H11DIN⟧\nMobile ⟦H11PH⟧ · alternate ⟦H11PHI⟧ · ⟦H11EM⟧\nAadhaar (for e-RaktKosh) ⟦~H11AADHAAR⟧",
        "MOBILE NUMBER PORTABILITY REQUEST\nName: {first} {last}\nNumber to port: ⟦H11PH⟧\nUnique porting code: ⟦~H11UPCODE⟧ (valid till ⟦~H11DIN⟧)\nDOB ⟦H11DOB⟧ · email ⟦H11EM⟧\nFirst recharge paid by card ⟦H11CARD⟧",
        "{org} Exchange — deposit confirmed\nHi {first}, 0.0421 BTC reached your deposit address ⟦H11BTC⟧ on ⟦~H11DIN⟧.\nTxID ⟦~H11TXID⟧\nLogin from ⟦H11IP⟧ · not you? mail ⟦H11EM⟧ or call ⟦H11PH⟧\nWithdraw to your whitelisted ETH address ⟦H11ETH⟧ or, for EUR, to ⟦H11IBAN⟧",
    ],
    "fr-FR": [
        "AVIS DE PAIEMENT — forfait post-stationnement (FPS)\nVéhicule ⟦~H11PLATEIT⟧ · constat du ⟦~H11DFR⟧ à ⟦~H11HHMM⟧\nTitulaire : {first} {last}\nPayé par carte ⟦H11CARD⟧ · justificatif envoyé à ⟦H11EM⟧\nRecours : ⟦H11URL⟧ · ⟦H11PHN⟧ · avis n° ⟦~H11NOTICE⟧",
        "AUTORISATION DE SORTIE SCOLAIRE — Collège {org}\nÉlève : {first} {last}, né(e) le ⟦H11DOB⟧\nSortie du ⟦~H11DFR⟧, départ ⟦~H11HHMM⟧\nResponsable légal : {first2} {last}, ⟦H11PH⟧, ⟦H11PHX⟧\nCourriel : ⟦H11EM⟧",
        "AVENANT DE RENOUVELLEMENT DU BAIL — Agence {org}\nLocataire : {first} {last}, né(e) le ⟦H11DOB⟧\nLe bail est renouvelé à compter du ⟦~H11DFR⟧ pour trois ans.\nLoyer prélevé sur ⟦H11IBAN⟧ · agence ⟦H11PHX⟧ · ⟦H11EM⟧",
        "DEMANDE DE PORTABILITÉ — {org} Mobile\nTitulaire : {first} {last}, né(e) le ⟦H11DOB⟧\nNuméro à conserver : ⟦H11PH⟧ · code RIO ⟦~H11RIO⟧\nDate de portage souhaitée ⟦~H11DFR⟧\nPrélèvement sur ⟦H11IBAN⟧ · contact ⟦H11EM⟧",
    ],
    "de-DE": [
        "EINVERSTÄNDNISERKLÄRUNG KLASSENFAHRT — {org}-Gymnasium, Klasse 7b\nSchüler/in: {first} {last}, geb. ⟦H11DOB⟧\nFahrt vom ⟦~H11DDE⟧ bis ⟦~H11DDE⟧\nErziehungsberechtigte/r: {first2} {last}, Handy ⟦H11PH⟧, dienstlich ⟦H11PHX⟧, ⟦H11EM⟧\nKostenbeitrag per Lastschrift von ⟦H11IBAN⟧",
        "VERWARNUNGSGELD — Ordnungsamt {org}\nKennzeichen ⟦~H11PLATENL⟧, Parkverstoß am ⟦~H11DDE⟧ um ⟦~H11HHMM⟧\nHalter/in: {first} {last}\nBitte überweisen Sie 25 EUR von Ihrem Konto ⟦H11IBAN⟧ unter Angabe des Kassenzeichens ⟦~H11NOTICE⟧\nOnline: ⟦H11URL⟧ · Rückfragen ⟦H11PHN⟧",
        "BLUTSPENDEAUSWEIS — DRK-Blutspendedienst\n{first} {last}, geboren am ⟦H11DOB⟧\nSpendennummer ⟦~H11ISBT⟧ · letzte Spende ⟦~H11DDE⟧\nNächster Termin ⟦~H11DDE⟧ · Erinnerung an ⟦H11EM⟧ und ⟦H11PH⟧",
        "AUFTRAG ZUR RUFNUMMERNMITNAHME — {org} Mobilfunk\nAnschlussinhaber/in: {first} {last}, geb. ⟦H11DOB⟧\nMitzunehmende Rufnummer: ⟦H11PH⟧\nKundenkennwort ⟦~H11ACCTPIN⟧ · Wunschtermin ⟦~H11DDE⟧\nLastschrift von ⟦H11IBAN⟧ · Bestätigung an ⟦H11EM⟧",
    ],
    "it-IT": [
        "TESSERINO DONATORE — {org} sezione comunale\nDonatore: {first} {last}, nato/a il ⟦H11DOB⟧, C.F. ⟦~H11CF⟧\nCodice donazione ⟦~H11ISBT⟧ · ultima donazione ⟦~H11DIT⟧\nPromemoria via SMS al ⟦H11PH⟧ e a ⟦H11EM⟧",
        "PREAVVISO DI CONTRAVVENZIONE — Polizia Locale di {org}\nVeicolo ⟦~H11PLATEIT⟧, sosta vietata il ⟦~H11DIT⟧ ore ⟦~H11HHMM⟧\nVerbale n. ⟦~H11NOTICE⟧\nPaga online ⟦H11URL⟧; pagato con carta ⟦H11CARD⟧ da {first} {last}, ricevuta a ⟦H11EM⟧",
        "RICHIESTA DI PORTABILITÀ DEL NUMERO — {org}\nIntestatario: {first} {last}, nato/a il ⟦H11DOB⟧\nNumero da portare: ⟦H11PH⟧\nICCID ⟦~H11ICCID⟧ · codice di migrazione ⟦~H11MIGR⟧\nContatto: ⟦H11PHI⟧ · ⟦H11EM⟧ · data ⟦~H11DIT⟧",
    ],
    "es-ES": [
        "SOLICITUD DE PORTABILIDAD — {org} Móvil\nTitular: {first} {last}, fecha de nacimiento ⟦H11DOB⟧, DNI ⟦~H11DNI⟧\nNúmero a portar: ⟦H11PH⟧ · ICCID nueva SIM ⟦~H11ICCID⟧\nVentana de cambio ⟦~H11DES⟧ · domiciliación ⟦H11IBAN⟧ · ⟦H11EM⟧",
        "DENUNCIA — multa de estacionamiento (ORA) · Ayuntamiento de {org}\nMatrícula ⟦~H11PLATEIT⟧, ⟦~H11DES⟧ a las ⟦~H11HHMM⟧\nTitular: {first} {last}, DNI ⟦~H11DNI⟧\nPagada con tarjeta ⟦H11CARD⟧ · justificante a ⟦H11EM⟧ · ⟦H11URL⟧",
        "AUTORIZACIÓN DE EXCURSIÓN — Colegio {org}\nAlumno/a: {first} {last}, nacido/a el ⟦H11DOB⟧\nExcursión del ⟦~H11DES⟧\nMadre/padre: {first2} {last}, ⟦H11PH⟧ · ⟦H11EM⟧\nCuota domiciliada en ⟦H11IBAN⟧",
    ],
    "nl-NL": [
        "TOESTEMMINGSFORMULIER SCHOOLREIS — {org} Lyceum\nLeerling: {first} {last}, geboren ⟦H11DOB⟧, BSN ⟦~H11BSN⟧\nReis van ⟦~H11DNL⟧ tot ⟦~H11DNL⟧\nOuder/verzorger: {first2} {last}, ⟦H11PH⟧ / ⟦H11PHX⟧, ⟦H11EM⟧\nBijdrage via incasso van ⟦H11IBAN⟧",
        "NAHEFFINGSAANSLAG PARKEERBELASTING — gemeente {org}\nKenteken ⟦~H11PLATENL⟧ · ⟦~H11DNL⟧ om ⟦~H11HHMM⟧\nAanslagnummer ⟦~H11NOTICE⟧\nBetaal vanaf ⟦H11IBAN⟧ of via ⟦H11URL⟧; bezwaar: ⟦H11EM⟧",
        "NUMMERBEHOUD — overstap naar {org} Mobiel\nAbonnee: {first} {last}, geboren op ⟦H11DOB⟧\nTe behouden nummer: ⟦H11PH⟧ · klantnummer oude provider ⟦~H11ACCT⟧\nOverstapdatum ⟦~H11DNL⟧\nIncasso van ⟦H11IBAN⟧ · bevestiging naar ⟦H11EM⟧",
    ],
    "pt-BR": [
        "CARTEIRA DO DOADOR DE SANGUE — Hemocentro {org}\nDoador(a): {first} {last}, nascido(a) em ⟦H11DOB⟧, CPF ⟦~H11CPF⟧\nNúmero da doação ⟦~H11ISBT⟧ · última doação ⟦~H11DBR⟧\nAvisos por ⟦H11PH⟧ e ⟦H11EM⟧",
        "AUTO DE INFRAÇÃO DE TRÂNSITO — {org}\nPlaca ⟦~H11PLATEIT⟧ · estacionamento irregular em ⟦~H11DBR⟧ às ⟦~H11HHMM⟧\nProprietário(a): {first} {last}, CPF ⟦~H11CPF⟧\nPago com cartão ⟦H11CARD⟧ · comprovante em ⟦H11EM⟧ · ⟦H11URL⟧",
        "PEDIDO DE PORTABILIDADE NUMÉRICA — {org} Telecom\nTitular: {first} {last}, nascimento ⟦H11DOB⟧\nNúmero a portar: ⟦H11PH⟧ · contato alternativo ⟦H11PHX⟧\nData da janela ⟦~H11DBR⟧\nFatura por e-mail: ⟦H11EM⟧",
    ],
    "tech": [
        '{"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "entries": [{"startedDateTime": "⟦~H11ISOTS⟧", "time": ⟦~H11HARTIME⟧, "serverIPAddress": "⟦H11IP⟧", "request": {"method": "POST", "url": "⟦H11URLS⟧", "headers": [{"name": "Referer", "value": "⟦H11URLS⟧"}], "postData": {"mimeType": "application/json", "text": "{\\"email\\":\\"⟦H11EM⟧\\",\\"phone\\":\\"⟦H11PHE⟧\\"}"}}}]}}',
        '$ kubectl get events -n billing\nLAST SEEN   TYPE      REASON      OBJECT              MESSAGE\n2m          Normal    Pulling     pod/⟦~H11K8SPOD⟧   Pulling image "registry.example/billing@⟦~H11DIGEST⟧"\n1m          Warning   BackOff     pod/⟦~H11K8SPOD⟧   Back-off restarting failed container\n40s         Normal    Scheduled   pod/⟦~H11K8SPOD⟧   Successfully assigned billing/⟦~H11K8SPOD⟧ to node ⟦H11IP⟧\n# on-call: ⟦H11EM⟧ ⟦H11PHE⟧',
        '⟦~H11REDISTS⟧ [0 ⟦H11IP⟧:⟦~H11SRCPORT⟧] "HSET" "user:⟦~H11UUID⟧" "email" "⟦H11EM⟧" "phone" "⟦H11PHE⟧"\n⟦~H11REDISTS⟧ [0 ⟦H11IP⟧:⟦~H11SRCPORT⟧] "SET" "session:⟦~H11HEX32⟧:mac" "⟦H11MAC⟧"\n⟦~H11REDISTS⟧ [0 ⟦H11IP⟧:⟦~H11SRCPORT⟧] "HSET" "kyc:⟦~H11UUID⟧" "ssn" "⟦H11SSN⟧" "dob" "⟦H11DOBI⟧"\n⟦~H11REDISTS⟧ [0 ⟦H11IP⟧:⟦~H11SRCPORT⟧] "HSET" "patient:⟦~H11UUID⟧" "nhs" "⟦H11NHSP⟧" "gp_npi" "⟦H11NPIP⟧"',
        '{"event_id": "⟦~H11HEX32⟧", "user": {"email": "⟦H11EM⟧", "ip_address": "⟦H11IP⟧"}, "breadcrumbs": {"values": [{"timestamp": ⟦~H11EPOCH⟧, "category": "navigation", "data": {"from": "⟦H11URLS⟧", "to": "⟦H11URLS⟧"}}, {"timestamp": ⟦~H11EPOCH⟧, "category": "ui.input", "message": "card ⟦H11CARD⟧"}]}, "issue_id": ⟦~H11RUNID⟧}',
        '{"uuid": "⟦~H11UUID⟧", "published": "⟦~H11ISOTS⟧", "eventType": "user.session.start", "displayMessage": "User login to Okta", "actor": {"id": "⟦~H11OKTAID⟧", "type": "User", "alternateId": "⟦H11EM⟧", "displayName": "{first} {last}"}, "client": {"ipAddress": "⟦H11IP⟧", "geographicalContext": {"geolocation": {"lat": 48.85, "lon": 2.35}}}, "target": [{"id": "⟦~H11OKTAID⟧", "type": "AppInstance"}]}',
        '{"date": "⟦~H11ISOTS⟧", "type": "s", "description": "Successful login", "client_id": "⟦~H11HEX32⟧", "ip": "⟦H11IP6⟧", "user_id": "⟦~H11AUTH0ID⟧", "user_name": "⟦H11EM⟧", "details": {"phone_number": "⟦H11PHE⟧"}, "log_id": "⟦~H11RUNID⟧"}',
        "Incident Identifier: ⟦~H11INCIDENT⟧\nCrashReporter Key:   ⟦~H11SHA⟧\nHardware Model:      iPhone15,2\nProcess:             {org}Wallet [⟦~H11PID⟧]\nVersion:             ⟦~H11SEMVER⟧\nDate/Time:           ⟦~H11ISOTS⟧\nException Type:  EXC_CRASH (SIGABRT)\nLast user defaults: account=⟦H11EM⟧ payout=⟦H11ETH⟧ support=⟦H11PHE⟧",
        "# decoded boarding pass barcode (IATA BCBP)\nM1{last}/{first}      E⟦~H11PNR⟧ LHRJFK⟦~H11FLIGHT⟧ ⟦~H11JULIAN⟧Y032A0042 100\nfrequent flyer ⟦~H11FFN⟧ · itinerary mailed to ⟦H11EM⟧ · SMS ⟦H11PHE⟧ · paid ⟦H11CARD⟧",
        '⟦~H11TS⟧ lb01 haproxy[⟦~H11PID⟧]: ⟦H11IP⟧:⟦~H11SRCPORT⟧ [⟦~H11HAPTS⟧] fe_https~ be_api/api-2 0/0/1/⟦~H11HAPMS⟧/⟦~H11HAPMS⟧ 200 ⟦~H11BYTES⟧ - - ---- 14/14/2/1/0 0/0 {⟦H11URLS⟧|⟦H11EM⟧} "GET /v1/me HTTP/1.1"\n⟦~H11TS⟧ lb01 haproxy[⟦~H11PID⟧]: ⟦H11IP⟧:⟦~H11SRCPORT⟧ [⟦~H11HAPTS⟧] fe_https~ be_api/api-1 0/0/0/⟦~H11HAPMS⟧/⟦~H11HAPMS⟧ 401 ⟦~H11BYTES⟧ - - ---- 14/14/1/0/0 0/0 {-|-} "POST /v1/login HTTP/1.1"',
        "$ iw dev wlan0 station dump\nStation ⟦H11MAC⟧ (on wlan0)\n\tinactive time:\t⟦~H11BYTES⟧ ms\n\trx bytes:\t⟦~H11BYTES⟧\n\tsignal:  \t-52 dBm\nStation ⟦H11MAC⟧ (on wlan0)\n\trx bytes:\t⟦~H11BYTES⟧\n\tsignal:  \t-67 dBm\n# leases: ⟦H11IP⟧ {first}-phone, ⟦H11IP⟧ {first2}-laptop; owner ⟦H11EM⟧",
        '# values.yaml for the {org} billing chart (helm upgrade --install billing ./chart -f values.yaml)\nimage:\n  repository: registry.example/billing\n  tag: "⟦~H11SEMVER⟧"\ningress:\n  host: ⟦~H11HOST⟧\nalerting:\n  receiverEmail: ⟦H11EM⟧\n  pagerPhone: "⟦H11PHE⟧"\n  statusPage: ⟦H11URLS⟧\nnetwork:\n  gatewayIP: ⟦H11IP⟧\n  gatewayMAC: "⟦H11MAC⟧"\ntreasury:\n  btcAddress: ⟦H11BTC⟧',
    ],
}


REPEATS11 = 5  # documents per template


def _half(templates: dict[str, list[str]], tag: str, rnd: random.Random) -> list[dict]:
    cases = []
    for group, group_templates in templates.items():
        for i, template in enumerate(group_templates):
            for n in range(REPEATS11):
                case = fill(template, rnd, group if group != "tech" else LOCALES[(i + n) % len(LOCALES)])
                case.update(split="heldout11", batch="heldout11", locale=group, template=f"{group}/{tag}/{i}")
                cases.append(case)
    return cases


def build_heldout11() -> list[dict]:
    """Every template of KNOWN11 then NEW11 (per locale, then tech), REPEATS11 documents each, seed SEED11."""
    rnd = random.Random(SEED11)
    cases = _half(KNOWN11, "h11k", rnd) + _half(NEW11, "h11n", rnd)
    return [label_fhir_system_urls(case) for case in cases]  # the set's definition; see that function


def main() -> None:
    """Counts only: bench/phantom_pii_multilingual_data.py writes the batch into the set (never print spans)."""
    print_batch_counts(build_heldout11(), f"heldout11 (seed {SEED11})", ("h11k", "h11n"))


if __name__ == "__main__":
    main()
