"""`heldout13`: the thirteenth held-out batch for bench/phantom_pii_multilingual.json, written from the formats'
specifications while heldout12 was being tuned on, without reading servers/phantom/pii.py, pii_fields.py,
redaction.py or docs/phantom.md and without running any detector on it (not even on dev cases). It is
meant to be scored once.

Built by bench/phantom_pii_multilingual_data.py (which imports `build_heldout13` from here, last), seed
SEED13, split and batch "heldout13". Like heldout7..heldout12 it is a fair sample in two halves, told
apart by the template tag so each half can be scored on its own (REPEATS13 documents per template):
- known kinds, `<locale>/h13k/<n>`: the kinds and writing styles the earlier batches used (heldout10's to
  heldout12's new kinds included), sampled in about their proportion in the set: customer e-mails and
  complaint letters, HR, onboarding and club registration forms, patient and staff tables (markdown,
  CSV), chat exports, bank alerts, appointment reminders, delivery notices, a referral letter, an
  explanation of benefits, a holiday-let booking, e-mail signatures, support-call transcripts, a jury
  summons, a prepaid SIM activation, a crypto withdrawal notice, JSON, FHIR Patient, LDIF and HL7 v2
  records, access and syslog lines, `arp` output, an SQL insert, a `.env` file, a curl command, a wallet
  CSV, an Exim mainlog, a Suricata alert, a Kafka Connect sink error and an auditd record, written fresh:
  new wording, field orders, surrounding text and values;
- new kinds, `<locale>/h13n/<n>`: document kinds no batch (heldout7's to heldout12's new halves
  included) has used, each checked by a marker phrase against every earlier case in
  tests/test_pii_heldout13_set.py: a gym membership freeze request, a coworking visitor log, a pet
  adoption application, a payroll change form, a scholarship application, a funeral arrangement form
  and a hearing-aid fitting record (US); a notice of marriage, an allotment plot application, an
  apprenticeship agreement, a spectacle prescription (GOS), a football club registration transfer and a
  removals quotation (UK); a visa appointment letter, a post-matric scholarship application, a
  loyalty-card sign-up and an income-tax return cover letter as an OCR'd scan with broken spacing
  (India; the OCR style is heldout5's, the document kind is new); a publication des bans, a suspension d'abonnement at a gym, an organisation des obsèques and
  a contrat d'apprentissage (France); an Anmeldung zur Eheschließung, a Kleingarten Pachtantrag, a
  Vereinswechsel (Spielerpass), an Umzugsangebot and a Hörgeräteanpassung (Germany); pubblicazioni di
  matrimonio, a borsa di studio application and a domanda di adozione at a dog shelter (Italy); a solicitud de
  adopción, a congelación de cuota and a presupuesto de mudanza (Spain); a volkstuin application, a
  melding voorgenomen huwelijk and a brilvoorschrift (Netherlands); a habilitação de casamento, a
  serviço funerário contract and an orçamento de mudança (Brazil); and in the technical group a
  MySQL slow query log, a MongoDB structured log line, a Windows Event Log XML record, an Apache Airflow
  task log, Jenkins console output, Ansible output with gathered facts, a Nomad/Consul agent log, an
  Envoy access log, AWS VPC flow log records, a GCP audit log entry, a Mailchimp audience export, a
  Shopify order JSON, a QuickBooks IIF file, a GnuCash transactions CSV, a Telegram chat export and a
  Matrix room event.
  Close to earlier kinds but new as documents, checked one by one: heldout9 had an optician's recall
  letter (here: the prescription itself), a MongoDB document (here: mongod's log), an Ansible inventory
  (here: playbook output) and a French visa application (here: an appointment letter); heldout10 a
  wedding RSVP list (here: the registrar's notices); heldout8/heldout11 gym sign-ups (here: freezes);
  heldout6 a payroll-diversion e-mail (here: the HR form); heldout5 chat exports in text (here:
  Telegram's JSON export). A pt-BR cadastro with a cartão fidelidade (heldout7) was left out as used.
Each template is filled REPEATS13 times with fresh values; the technical group cycles through the locales.

Values come from heldout5's to heldout12's spec-built generators, registered again here under H13 names
(every H12 name is mirrored as the H13 name with the same generator, as heldout12 mirrored H11), valid by
their specifications (libphonenumber, ISO/IEC 7812 with Luhn, SSA rules, NPI Luhn over 80840, NHS
modulus 11, ISO 13616, Base58Check/bech32/bech32m, EIP-55). The new hard negatives are built below from
their own specifications and checked in tests/test_pii_heldout13_set.py. FHIR `system` URIs are written
as template text and labelled as URLs after generation by the set's shared function
(phantom_pii_multilingual_data.label_fhir_system_urls: an http(s) `Identifier.system` is a URL per FHIR R4;
`urn:oid:` systems are not).

What is and is not an entity follows heldout5's to heldout12's docstrings (a birth date only by its cue
or field, and only a person's, never a pet's; any telephone number with its extension in the span;
punctuation outside spans; `tel:` and `mailto:` schemes outside the span; names and street addresses
unlabelled; personal identifiers of other types are negatives; a bare service host name is not a URL).
Where they are silent:
- A deceased person's birth date on a funeral or death-registration form is a birth date (a person's, by
  its cue); the date of death, the service date, the wedding date, freeze start/end, fitting, plot
  tenancy, transfer, move and appointment dates are not; a pet's birth date is a negative (heldout9).
- Hearing aids pair over Bluetooth: the device's Bluetooth address (EUI-48, written like a MAC) is a
  MAC address; a hearing aid's serial number is a negative.
- An optical prescription's sphere, cylinder, axis and pupillary distance are negatives; a GOS form's
  NHS number is an NHS number.
- OCR'd scan: cue words may be broken by stray spaces (`D a t e of B irth`); the values themselves are
  intact and labelled as they stand.
- MySQL slow log: `# User@Host: user[user] @ host [ip]` labels the bracketed IP address; the host name is
  a bare host (a negative); `Query_time`, `Rows_examined` and `SET timestamp=` are negatives; a value in
  the logged query is labelled by what it is (`dob = '...'` a birth date by its column).
- MongoDB log: `remote` holds an IP address with a port; the address alone is the span; `ctx`, `_id`,
  `durationMillis` and the `$date` are negatives; a filter's value is labelled by its field name.
- Windows Event XML: `IpAddress` is an IP address, `TargetUserName` an e-mail address when it holds one;
  `EventRecordID`, `ProcessId`, `LogonType` and `SystemTime` are negatives; the `xmlns` namespace name
  is no URL (XML Namespaces: a name, not for retrieval) and is marked a negative.
- auditd: the unset `auid`/`ses` (4294967295, ten digits) are negatives.
- AWS VPC flow log: `srcaddr`/`dstaddr` are IP addresses; the account id, `eni-` id, ports, packets,
  bytes and start/end epochs are negatives.
- GCP audit log: `callerIp` is an IP address, `principalEmail` an e-mail address; `insertId`,
  `timestamp` and the resource name are negatives.
- Envoy access log: the forwarded-for and downstream addresses are IP addresses, the upstream address's
  IP is one (the port outside the span), the authority a bare host (a negative); the request id,
  duration and bytes are negatives.
- Mailchimp export: `OPTIN_IP`/`CONFIRM_IP` are IP addresses, a `BIRTHDATE` date merge field (with the
  year) a birth date; `MEMBER_RATING`, `LEID` and the opt-in times are negatives.
- Shopify order JSON: `email`, `phone`, `browser_ip`, `order_status_url` (a URL) and a wallet in
  `note_attributes` are labelled; `id`, `order_number`, `checkout_id` and `created_at` are negatives.
- QuickBooks IIF / GnuCash CSV: a card, IBAN or wallet written in a memo is labelled; transaction
  numbers, amounts and dates are negatives.
- Exim `id=<message-id>`: an RFC 5322 msg-id (`id-left@id-right`) is no mailbox, so not an e-mail address;
  its left part is a negative.
- Telegram export: `from_id` (`user` + digits) and message `id` are negatives; text is labelled by what
  it holds. Matrix event: `event_id`, `origin_server_ts` and the `@user:server` id are negatives; a
  homeserver name is a bare host.
"""

from __future__ import annotations

import random
import string
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from phantom_pii_heldout5_data import _alnum  # noqa: E402
from phantom_pii_heldout9_data import LOCALES  # noqa: E402
from phantom_pii_heldout12_data import SEED12  # noqa: E402  (also registers every H12 name)
from phantom_pii_multilingual_data import (  # noqa: E402
    NEGATIVES,
    VALUES,
    digits,
    fill,
    label_fhir_system_urls,
    print_batch_counts,
)

SEED13 = 13013
assert SEED13 != SEED12
UP = string.ascii_uppercase
HEX = "0123456789abcdef"
B64URL = string.ascii_letters + string.digits + "-_"

# heldout12's generators under H13 names (the registries are shared by name across modules: the H13 copies
# leave every H12 entry as it was)
VALUES.update({"H13" + name[3:]: entry for name, entry in list(VALUES.items()) if name.startswith("H12")})
NEGATIVES.update({"H13" + name[3:]: make for name, make in list(NEGATIVES.items()) if name.startswith("H12")})


# -- new hard negatives built from their specifications ----------------------------------------------


def _diopter(rnd: random.Random) -> str:
    """A sphere or cylinder power in dioptres: a sign and a non-zero multiple of 0.25 up to 8."""
    return rnd.choice("+-") + f"{rnd.randint(1, 32) * 0.25:.2f}"


def _object_id(rnd: random.Random) -> str:
    """A MongoDB ObjectId: 4-byte seconds since the epoch, 5 random bytes, a 3-byte counter (24 hex)."""
    return f"{rnd.randint(1_600_000_000, 1_790_000_000):08x}" + _alnum(rnd, 16, HEX)


def _matrix_event_id(rnd: random.Random) -> str:
    """A Matrix event id (room versions 4+): `$` and the unpadded URL-safe base64 of a sha256 (43 chars)."""
    return "$" + _alnum(rnd, 43, B64URL)


def _gcp_insert_id(rnd: random.Random) -> str:
    """A Cloud Logging `insertId`: 12 to 16 lower-case letters and digits."""
    return _alnum(rnd, rnd.randint(12, 16), string.ascii_lowercase + string.digits)


def _eni(rnd: random.Random) -> str:
    """An AWS elastic network interface id: `eni-` and 17 hexadecimal digits."""
    return "eni-" + _alnum(rnd, 17, HEX)


NEW_NEGATIVES13 = {
    "H13DIOPTER": _diopter,
    "H13AXIS": lambda r: str(r.randint(1, 180)),
    "H13PD": lambda r: f"{r.randint(54, 72)}.{r.choice('05')}",
    "H13OBJID": _object_id,
    "H13MXEVENT": _matrix_event_id,
    "H13INSERTID": _gcp_insert_id,
    "H13ENI": _eni,
    "H13RECORDID": lambda r: str(r.randint(100_000, 99_999_999)),
    "H13QTIME": lambda r: f"{r.randint(0, 40)}.{digits(r, 6)}",
    "H13TGUSER": lambda r: "user" + str(r.randint(100_000_000, 7_999_999_999)),
    "H13SHOPID": lambda r: "5" + digits(r, 12),
    "H13HASERIAL": lambda r: _alnum(r, 2, UP) + digits(r, 8),
    "H13PLOT": lambda r: f"{r.choice(UP[:8])}{r.randint(1, 60)}",
    "H13FAN": lambda r: str(r.randint(10_000_000, 99_999_999)),
    "H13GWF": lambda r: "GWF" + digits(r, 9),
    "H13LEID": lambda r: str(r.randint(10_000_000, 999_999_999)),
    "H13BUILD": lambda r: str(r.randint(100, 9_999)),
    # auditd's "unset" login uid and session id: (u32)-1, ten digits (phone-shaped, no phone)
    "H13UNSET": lambda r: "4294967295",
    # the Windows event schema's XML namespace name: a name, not for retrieval (XML Namespaces), so no URL
    "H13XMLNS": lambda r: "http://schemas.microsoft.com/win/2004/08/events/event",
}

# a new name must not shadow a mirrored H12 generator (that would silently change what the name means); checked
# against the mirrored names, not the registry, so running this module twice in one process (runpy in
# tests/test_bench_modules.py, then the set test's import) finds its own earlier entries and not a clash
MIRRORED13 = {"H13" + name[3:] for name in NEGATIVES if name.startswith("H12")}
assert not set(NEW_NEGATIVES13) & MIRRORED13, sorted(set(NEW_NEGATIVES13) & MIRRORED13)
NEGATIVES.update(NEW_NEGATIVES13)


# -- known kinds: what the earlier batches used, sampled in proportion, written fresh ----------------

KNOWN13: dict[str, list[str]] = {
    "en-US": [
        "To whom it may concern at {org},\n\nI cancelled my membership on ⟦~H13DUS⟧ but my card ⟦H13CARD⟧ was billed twice since then (invoice ⟦~H13ORDER⟧). I have attached the cancellation e-mail. Please reply to ⟦H13EM⟧; my daytime number is ⟦H13PHX⟧.\n\nThank you,\n{first} {last}\nMember ⟦~H13MEMBER⟧",
        "NEW HIRE PAPERWORK — {org} Logistics\nLegal name: {first} {last} · Start date ⟦~H13DUS⟧\nSocial Security no.: ⟦H13SSN⟧ · Birth date: ⟦H13DOB⟧\nPersonal cell ⟦H13PH⟧ · emergency contact {first2} ⟦H13PHN⟧\nPersonal e-mail ⟦H13EM⟧ · employee ID ⟦~H13EMPID⟧ · ZIP ⟦~H13ZIP⟧",
        "patient_id,last_name,first_name,birth_date,cell,pcp_npi,visit\n⟦~H13MRN⟧,{last},{first},⟦H13DOBI⟧,⟦H13PHC⟧,⟦H13NPIP⟧,⟦~H13ISODATE⟧\n⟦~H13MRN⟧,{last},{first2},⟦H13DOBI⟧,⟦H13PHC⟧,⟦H13NPI⟧,⟦~H13ISODATE⟧",
        "Hi {first}! {org} Pediatrics here. {first2}'s well-child visit is ⟦~H13DUS⟧ at ⟦~H13HHMM⟧ with our nurse practitioner (NPI ⟦H13NPI⟧). Paperwork: ⟦H13URLS⟧. Running late? Call ⟦H13PHN⟧.",
        "[⟦~H13CHATTS⟧] {first}: hey can you Venmo me for the concert tickets? or Zelle to ⟦H13EM⟧\n[⟦~H13CHATTS⟧] {first2}: Zelle needs your phone, it's ⟦H13PH⟧ right?\n[⟦~H13CHATTS⟧] {first}: yes. or send ETH to ⟦H13ETH⟧ lol\n[⟦~H13CHATTS⟧] {first2}: done, conf ⟦~H13CASE⟧",
        "{org} Credit Union: Transfer of $⟦~H13AMTUS⟧ from savings ⟦~H13ACCT⟧ to card ⟦H13CARD⟧ posted ⟦~H13DUS⟧. If this was not you, call ⟦H13PHX⟧ or visit ⟦H13URL⟧. Routing ⟦~H13ABA⟧.",
        "Jury duty: {first} {last}, you are summoned to {org} County Courthouse on ⟦~H13DUS⟧. Juror ID ⟦~H13JUROR⟧. Confirm your date of birth (⟦H13DOB⟧ on file) and phone (⟦H13PH⟧) at ⟦H13URL⟧ or reply to ⟦H13EM⟧.",
        "Rep: {org} Auto Insurance, this call may be recorded. Who am I speaking with?\nCaller: {first} {last}. I'm adding my son to the policy.\nRep: Sure. His date of birth and Social Security number?\nCaller: Born ⟦H13DOB⟧, social ⟦H13SSN⟧.\nRep: Thanks. Policy ⟦~H13POLICY⟧ updated from ⟦~H13DUS⟧; the ID cards go to ⟦H13EM⟧, and we'll text ⟦H13PH⟧.",
        "EXPLANATION OF BENEFITS — {org} Health\nMember: {first} {last} · DOB ⟦H13DOB⟧ · member SSN ⟦H13SSN⟧\nProvider NPI ⟦H13NPIP⟧ · service date ⟦~H13DUS⟧ · claim no. ⟦~H13CASE⟧\nYou owe $⟦~H13AMTUS⟧. Appeals: ⟦H13PHN⟧ or ⟦H13EM⟧",
    ],
    "en-GB": [
        "Dear Dr {last},\n\nRe: {first} {first2}, DOB ⟦H13DOB⟧, NHS No. ⟦H13NHS⟧\n\nThank you for seeing this patient, reviewed in clinic on ⟦~H13DGB⟧. Her mobile is ⟦H13PH⟧ and she is happy to be e-mailed at ⟦H13EM⟧. Hospital number ⟦~H13NHSLIKE⟧.\n\nKind regards,\n{org} Surgery (⟦~H13ODS⟧)",
        "{org} Parcels: {first}, your parcel ⟦~H13S10⟧ is out for delivery today, ⟦~H13DGB⟧. Manage it at ⟦H13URL⟧ or ring the depot on ⟦H13PHN⟧. Safe-place photo will go to ⟦H13EM⟧.",
        "Best wishes,\n{first} {last}\nHead of Procurement · {org} Ltd\nOffice ⟦H13PHX⟧ | Mobile ⟦H13PH⟧\n⟦H13EM⟧ | ⟦H13URLP⟧\nCompany no. ⟦~H13KVK⟧ · VAT reg. ⟦~H13GBVAT⟧",
        "| Staff no | Name | DOB | NHS number | Contact |\n|---|---|---|---|---|\n| ⟦~H13EMPID⟧ | {first} {last} | ⟦H13DOB⟧ | ⟦H13NHSP⟧ | ⟦H13PH⟧ |\n| ⟦~H13EMPID⟧ | {first2} {last} | ⟦H13DOB⟧ | ⟦H13NHS⟧ | ⟦H13PHI⟧ |",
        "{org} Bank: we've blocked a £⟦~H13AMTGB⟧ payment from card ⟦H13CARD⟧ to a new payee (sort code ⟦~H13SORT⟧). If it was you, reply Y. If not, call us on ⟦H13PHN⟧. Your IBAN ⟦H13IBAN⟧ is unaffected.",
    ],
    "en-IN": [
        "{org} Bank: INR ⟦~H13AMTIN⟧ debited from A/c XX⟦~H13LAST4⟧ via card ⟦H13CARD⟧ on ⟦~H13DIN⟧. Avl bal updated. If not done by you call ⟦H13PH⟧ / mail ⟦H13EM⟧. UTR ⟦~H13UTR⟧",
        "CANDIDATE ONBOARDING FORM — {org} Technologies\nFull name: {first} {last}\nD.O.B.: ⟦H13DOB⟧ · PAN ⟦~H13PAN⟧ · UAN ⟦~H13UAN⟧\nMobile ⟦H13PHI⟧ · Alternate ⟦H13PHN⟧\nEmail ⟦H13EM⟧ · Portfolio ⟦H13URLS⟧\nJoining on ⟦~H13DIN⟧",
        "Namaste {first}, your appointment with Dr {last} at {org} Clinic is confirmed for ⟦~H13DIN⟧ ⟦~H13HHMM⟧ (UHID ⟦~H13MRN⟧). Pay online at ⟦H13URL⟧; reports to ⟦H13EM⟧; helpline ⟦H13PHN⟧.",
        "Agent: Thank you for calling {org} Broadband. May I have your registered mobile number?\nCaller: It is ⟦H13PHS⟧.\nAgent: And date of birth for verification?\nCaller: ⟦H13DOB⟧.\nAgent: Verified. I have raised complaint ⟦~H13CASE⟧; updates go to ⟦H13EM⟧.",
    ],
    "fr-FR": [
        "Bonjour,\n\nSuite à ma résiliation du ⟦~H13DFR⟧, vous avez encore prélevé ⟦~H13AMTFR⟧ € sur mon compte ⟦H13IBAN⟧. Je vous remercie de procéder au remboursement et de me répondre à ⟦H13EM⟧ ou au ⟦H13PH⟧.\n\nBien à vous,\n{first} {last}\nRéf. client ⟦~H13ACCT⟧",
        "DOSSIER D'INSCRIPTION — Club de tennis {org}\nNom : {last} · Prénom : {first}\nDate de naissance : ⟦H13DOB⟧\nPortable : ⟦H13PH⟧ · Domicile : ⟦H13PHN⟧\nCourriel : ⟦H13EM⟧\nPrélèvement de la cotisation sur ⟦H13IBAN⟧ à partir du ⟦~H13DFR⟧",
        "{org} : votre colis ⟦~H13S10⟧ sera livré le ⟦~H13DFR⟧ entre ⟦~H13HHMM⟧ et ⟦~H13HHMM⟧. Suivi : ⟦H13URLS⟧. Livreur : ⟦H13PH⟧. Payé par carte ⟦H13CARD⟧.",
        "Réservation confirmée — Gîte {org}\nVoyageur : {first} {last}\nDu ⟦~H13DFR⟧ au ⟦~H13DFR⟧ · logement ⟦~H13ROOM⟧\nCaution par carte ⟦H13CARD⟧ (exp. ⟦~H13EXP⟧)\nJoignable au ⟦H13PHI⟧ · ⟦H13EM⟧",
    ],
    "de-DE": [
        "Sehr geehrtes Team von {org},\n\nleider wurde mein Abo trotz Kündigung zum ⟦~H13DDE⟧ weiter von meinem Konto ⟦H13IBAN⟧ abgebucht (Kundennummer ⟦~H13ACCT⟧). Bitte erstatten Sie ⟦~H13AMTDE⟧ EUR und antworten Sie an ⟦H13EM⟧. Rückruf gern unter ⟦H13PH⟧.\n\nFreundliche Grüße\n{first} {last}",
        "AUFNAHMEANTRAG — Schützenverein {org}\nNachname: {last} · Vorname: {first}\ngeboren am ⟦H13DOB⟧\nFestnetz ⟦H13PHN⟧ · Handy ⟦H13PH⟧\nE-Mail ⟦H13EM⟧\nBeitragseinzug von ⟦H13IBAN⟧ ab ⟦~H13DDE⟧ · Mandat ⟦~H13MANDATE⟧",
        "Viele Grüße aus dem Einkauf\n{first} {last}\n{org} AG\nT ⟦H13PHX⟧ · M ⟦H13PH⟧\n⟦H13EM⟧\n⟦H13URLP⟧\nUSt-IdNr. ⟦~H13USTID⟧",
        "{org} Krypto — Auszahlung ausgeführt\nHallo {first}, wir haben am ⟦~H13DDE⟧ 0,004 BTC an ⟦H13BTC⟧ überwiesen.\nTransaktions-ID ⟦~H13TXID⟧\nAngemeldet von ⟦H13IP⟧ · Fragen: ⟦H13EM⟧ · ⟦H13PHI⟧",
    ],
    "it-IT": [
        "Spett.le {org},\nvi segnalo un doppio addebito del ⟦~H13DIT⟧ sulla carta ⟦H13CARD⟧ per l'ordine ⟦~H13ORDER⟧. Vi prego di rimborsarmi e di scrivermi a ⟦H13EM⟧ o al ⟦H13PH⟧.\nDistinti saluti,\n{first} {last}",
        "MODULO DI ISCRIZIONE — Palestra {org}\nNome e cognome: {first} {last}\nNato/a il: ⟦H13DOB⟧ · C.F. ⟦~H13CF⟧\nCell. ⟦H13PH⟧ · Tel. casa ⟦H13PHN⟧\nEmail: ⟦H13EM⟧\nAddebito mensile su ⟦H13IBAN⟧ dal ⟦~H13DIT⟧",
        "{org}: gentile {first}, le ricordiamo la visita del ⟦~H13DIT⟧ alle ⟦~H13HHMM⟧. Per disdire chiami il ⟦H13PHX⟧ o visiti ⟦H13URL⟧. Referto via email a ⟦H13EM⟧.",
    ],
    "es-ES": [
        "Hola:\nEl ⟦~H13DES⟧ se me cobró dos veces la cuota en la tarjeta ⟦H13CARD⟧. Os pido la devolución a la cuenta ⟦H13IBAN⟧. Mi teléfono es ⟦H13PH⟧ y mi correo ⟦H13EM⟧.\nGracias,\n{first} {last}",
        "FICHA DE SOCIO — Club Náutico {org}\nApellidos y nombre: {last}, {first}\nFecha de nacimiento: ⟦H13DOB⟧ · NIE ⟦~H13NIE⟧\nTeléfono ⟦H13PHN⟧ · móvil ⟦H13PH⟧\nEmail ⟦H13EM⟧\nDomiciliación: ⟦H13IBAN⟧ · alta ⟦~H13DES⟧",
        "{org}: tu envío ⟦~H13S10⟧ llegará el ⟦~H13DES⟧. Seguimiento en ⟦H13URLS⟧. Dudas al ⟦H13PHN⟧ o a ⟦H13EM⟧.",
        "[⟦~H13CHATTS⟧] {first}: Me pasas tu IBAN para el bote de la cena?\n[⟦~H13CHATTS⟧] {first2}: ⟦H13IBAN⟧\n[⟦~H13CHATTS⟧] {first2}: o Bizum al ⟦H13PH⟧\n[⟦~H13CHATTS⟧] {first}: hecho, referencia ⟦~H13CASE⟧",
    ],
    "nl-NL": [
        "Beste {org},\n\nOp ⟦~H13DNL⟧ is er twee keer ⟦~H13AMTNL⟧ euro van mijn rekening ⟦H13IBAN⟧ afgeschreven. Wilt u het dubbele bedrag terugstorten? U kunt mij bereiken op ⟦H13PH⟧ of via ⟦H13EM⟧.\n\nGroet,\n{first} {last}",
        "AANMELDFORMULIER — Tennisvereniging {org}\nNaam: {first} {last}\nGeboortedatum: ⟦H13DOB⟧\nMobiel ⟦H13PH⟧ · vast ⟦H13PHN⟧\nE-mail ⟦H13EM⟧\nMachtiging contributie: ⟦H13IBAN⟧ · lid per ⟦~H13DNL⟧",
        "{org}: hoi {first}, je afspraak bij de tandarts is op ⟦~H13DNL⟧ om ⟦~H13HHMM⟧. Verzetten via ⟦H13URL⟧ of bel ⟦H13PHX⟧. Betaald met ⟦H13CARD⟧.",
    ],
    "pt-BR": [
        "Olá, {org}.\nMeu pedido ⟦~H13ORDER⟧ foi cobrado em ⟦~H13DBR⟧ no cartão ⟦H13CARD⟧, mas nunca chegou. Peço reembolso na conta ⟦H13IBAN⟧. Contato: ⟦H13PH⟧ ou ⟦H13EM⟧.\nObrigado,\n{first} {last} (CPF ⟦~H13CPF⟧)",
        "FICHA DE MATRÍCULA — Escola de Natação {org}\nAluno: {first} {last}\nData de nascimento: ⟦H13DOB⟧\nResponsável: {first2} {last}, celular ⟦H13PH⟧, fixo ⟦H13PHN⟧\nE-mail ⟦H13EM⟧ · mensalidade no cartão ⟦H13CARD⟧ · início ⟦~H13DBR⟧",
        "Ativação de chip pré-pago — {org}\nCliente: {first} {last}, nascido em ⟦H13DOB⟧, CPF ⟦~H13CPF⟧\nICCID ⟦~H13ICCID⟧ · número ⟦H13PH⟧\nRecargas no cartão ⟦H13CARD⟧ · avisos em ⟦H13EM⟧",
        "{org} Clínica: {first}, seu exame está agendado para ⟦~H13DBR⟧ às ⟦~H13HHMM⟧. Confirme em ⟦H13URLS⟧ ou ligue ⟦H13PHX⟧. Laudo enviado para ⟦H13EM⟧.",
    ],
    "tech": [
        '⟦H13IP⟧ - - [⟦~H13CLF⟧] "GET /invite?ref=⟦~H13HEX16⟧ HTTP/2.0" 200 ⟦~H13BYTES⟧ "⟦H13URLS⟧" "Mozilla/5.0 (Macintosh)"\n⟦H13IP⟧ - - [⟦~H13CLF⟧] "POST /login HTTP/2.0" 401 61 "-" "python-requests/⟦~H13SEMVER⟧"',
        '{"customer": {"uuid": "⟦~H13UUID⟧", "email": "⟦H13EM⟧", "phone": "⟦H13PHE⟧", "dob": "⟦H13DOBI⟧", "ssn": "⟦H13SSN⟧", "card": "⟦H13CARD⟧", "ip": "⟦H13IP6⟧", "updated": "⟦~H13ISOTS⟧"}}',
        '{"resourceType": "Patient", "id": "⟦~H13UUID⟧", "meta": {"lastUpdated": "⟦~H13ISOTS⟧"}, "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "⟦H13NHSP⟧"}, {"system": "urn:oid:2.16.840.1.113883.2.1.4.1", "value": "⟦~H13MRN⟧"}], "birthDate": "⟦H13DOBI⟧", "telecom": [{"system": "email", "value": "⟦H13EM⟧"}, {"system": "phone", "value": "⟦H13PHE⟧", "use": "home"}]}',
        "MSH|^~\\&|PAS|{org}|RIS|{org}|⟦~H13HL7TS⟧||ADT^A08|⟦~H13MSGCTRL⟧|P|2.4\nPID|1||⟦~H13MRN⟧^^^MRN~⟦H13NHSP⟧^^^NHS||{last}^{first}^^^Mr||⟦H13DOBB⟧|M|||||⟦H13PHE⟧^PRN^PH~^NET^Internet^⟦H13EM⟧\nPD1|||{org} Practice^^⟦~H13ODS⟧",
        "⟦~H13TS⟧ gw01 sshd[⟦~H13PID⟧]: Accepted publickey for deploy from ⟦H13IP⟧ port ⟦~H13SRCPORT⟧ ssh2: ED25519 SHA256:⟦~H13HEX32⟧\n⟦~H13TS⟧ gw01 dhcpd[⟦~H13PID⟧]: DHCPACK on ⟦H13IP⟧ to ⟦H13MAC⟧ (laptop-{first}) via br0\n⟦~H13TS⟧ gw01 postfix/smtp[⟦~H13PID⟧]: to=<⟦H13EM⟧>, relay=⟦~H13HOST⟧[⟦H13IP⟧]:25, status=sent",
        "dn: cn={first} {last},ou=staff,dc={org},dc=com\nobjectClass: person\nobjectClass: inetOrgPerson\nsn: {last}\nmail: ⟦H13EM⟧\nhomePhone: ⟦H13PHE⟧\nlabeledURI: ⟦H13URLS⟧\nemployeeNumber: ⟦~H13EMPID⟧",
        "INSERT INTO customers (id, email, phone, birth_date, card_number, last_ip, created_at) VALUES (⟦~H13PID⟧, '⟦H13EM⟧', '⟦H13PHE⟧', '⟦H13DOBI⟧', '⟦H13CARD⟧', '⟦H13IP⟧', '⟦~H13ISOTS⟧');",
        "# .env.production\nMAIL_FROM=⟦H13EM⟧\nSMS_SENDER=⟦H13PHE⟧\nCALLBACK_URL=⟦H13URLS⟧\nTREASURY_ADDRESS=⟦H13ETH⟧\nREDIS_HOST=⟦~H13HOST⟧\nREDIS_PORT=⟦~H13PORT⟧\nIMAGE_DIGEST=⟦~H13DIGEST⟧",
        "date,coin,destination,amount,tx\n⟦~H13ISODATE⟧,BTC,⟦H13BTC⟧,⟦~H13QTY⟧,⟦~H13TXID⟧\n⟦~H13ISODATE⟧,ETH,⟦H13ETH⟧,⟦~H13QTY⟧,⟦~H13TXID⟧",
        'curl -X POST ⟦H13URLS⟧ -H \'Content-Type: application/json\' -d \'{"email": "⟦H13EM⟧", "mobile": "⟦H13PHE⟧", "card": "⟦H13CARD⟧", "request_id": "⟦~H13UUID⟧"}\'',
        "$ arp -a\ngateway (⟦H13IP⟧) at ⟦H13MAC⟧ [ether] on wlp2s0\nprinter-2f (⟦H13IP⟧) at ⟦H13MAC⟧ [ether] on wlp2s0\n# ticket from ⟦H13EM⟧",
        "⟦~H13STAMP⟧ ⟦~H13EXIMID⟧ <= ⟦H13EM⟧ H=⟦~H13HOST⟧ [⟦H13IP⟧] P=esmtps S=⟦~H13BYTES⟧ id=⟦~H13MSGID⟧@{org}.example\n⟦~H13STAMP⟧ ⟦~H13EXIMID⟧ => ⟦H13EM⟧ R=dnslookup T=remote_smtp H=⟦~H13HOST⟧ [⟦H13IP6⟧]",
        '{"timestamp": "⟦~H13SURTS⟧", "flow_id": ⟦~H13FLOWID⟧, "event_type": "alert", "src_ip": "⟦H13IP⟧", "dest_ip": "⟦H13IP⟧", "dest_port": 80, "ether": {"src_mac": "⟦H13MAC⟧"}, "alert": {"signature_id": ⟦~H13KOFF⟧, "signature": "ET INFO cleartext login"}, "http": {"hostname": "⟦~H13HOST⟧", "http_refer": "⟦H13URLS⟧"}}',
        "[⟦~H13STAMP⟧] ERROR WorkerSinkTask{id=pg-sink-members-0} Error converting message in topic 'members.v2' partition 1 at offset ⟦~H13OFFSET⟧: Struct{member_id=⟦~H13UUID⟧,mail=⟦H13EM⟧,ssn=⟦H13SSN⟧,pcp_npi=⟦H13NPIP⟧,nhs_number=⟦H13NHSP⟧,date_of_birth=⟦H13DOBI⟧} (org.apache.kafka.connect.runtime.WorkerSinkTask:⟦~H13FRAME⟧)",
        'type=USER_AUTH msg=audit(⟦~H13AUDIT⟧): pid=⟦~H13PID⟧ uid=0 auid=⟦~H13UNSET⟧ ses=⟦~H13UNSET⟧ msg=\'op=PAM:authentication acct="⟦H13EM⟧" exe="/usr/sbin/sshd" hostname=⟦H13IP⟧ addr=⟦H13IP⟧ terminal=ssh res=failed\'',
    ],
}


# -- new kinds: document kinds no earlier batch used --------------------------------------------------

NEW13: dict[str, list[str]] = {
    "en-US": [
        "MEMBERSHIP FREEZE REQUEST — {org} Fitness\nMember: {first} {last} · member no. ⟦~H13MEMBER⟧ · DOB ⟦H13DOB⟧\nFreeze from ⟦~H13DUS⟧ to ⟦~H13DUS⟧ (medical, note attached)\nMonthly freeze fee of $10 to card ⟦H13CARD⟧\nQuestions: ⟦H13PHN⟧ · confirmation to ⟦H13EM⟧",
        "COWORKING VISITOR LOG — {org} Hub, floor 3\nVisitor: {first} {last} · host: {first2} (desk ⟦~H13ROOM⟧)\nSigned in ⟦~H13DUS⟧ ⟦~H13HHMM⟧ · guest Wi-Fi device ⟦H13MAC⟧ · lease IP ⟦H13IP⟧\nVisitor phone ⟦H13PH⟧ · e-mail ⟦H13EM⟧ · badge ⟦~H13BADGE⟧",
        "PET ADOPTION APPLICATION — {org} Animal Rescue\nApplicant: {first} {last}, applicant's date of birth ⟦H13DOB⟧ (must be 21+)\nAdopting: Biscuit, terrier mix, born ⟦~H13PETDOB⟧, microchip ⟦~H13CHIP⟧\nPhone ⟦H13PH⟧ · e-mail ⟦H13EM⟧ · landlord reference ⟦H13PHX⟧\nAdoption fee paid by ⟦H13CARD⟧",
        "PAYROLL CHANGE FORM — {org} Inc. HR\nEmployee: {first} {last} · SSN ⟦H13SSN⟧ · DOB ⟦H13DOB⟧\nChange effective ⟦~H13DUS⟧: direct deposit moves to routing ⟦~H13ABA⟧ account ⟦~H13ACCT⟧\nW-4 updated · contact ⟦H13PH⟧ · ⟦H13EM⟧\nApproved by {first2} {last}, approver's line ⟦H13PHX⟧",
        "SCHOLARSHIP APPLICATION — {org} Community Foundation\nApplicant: {first} {last}, date of birth ⟦H13DOB⟧\nSSN (for the 1098-T) ⟦H13SSN⟧ · student ID ⟦~H13EMPID⟧\nParent/guardian: {first2} {last}, ⟦H13PHN⟧\nApplicant e-mail ⟦H13EM⟧ · essay portfolio ⟦H13URLS⟧\nAward, if any, paid on ⟦~H13DUS⟧",
        "FUNERAL ARRANGEMENT FORM — {org} Funeral Home\nDeceased: {first} {last}, date of birth ⟦H13DOB⟧, date of death ⟦~H13DUS⟧\nSocial Security number (for the death certificate) ⟦H13SSN⟧\nCertifying physician NPI ⟦H13NPI⟧ · service on ⟦~H13DUS⟧ at ⟦~H13HHMM⟧\nNext of kin: {first2} {last}, ⟦H13PH⟧ · ⟦H13EM⟧ · deposit on card ⟦H13CARD⟧",
        "HEARING AID FITTING RECORD — {org} Audiology\nPatient: {first} {last} · DOB ⟦H13DOB⟧ · fitted ⟦~H13DUS⟧\nAudiologist NPI ⟦H13NPIP⟧ · referring ENT NPI ⟦H13NPI⟧\nLeft aid serial ⟦~H13HASERIAL⟧, Bluetooth ⟦H13MAC⟧ · right aid serial ⟦~H13HASERIAL⟧, Bluetooth ⟦H13MAC⟧\nApp account ⟦H13EM⟧ · phone ⟦H13PHN⟧",
    ],
    "en-GB": [
        "NOTICE OF MARRIAGE — {org} Register Office\nParty 1: {first} {last}, date of birth ⟦H13DOB⟧\nParty 2: {first2} {last}, date of birth ⟦H13DOB⟧\nNotice given ⟦~H13DGB⟧ · ceremony planned ⟦~H13DGB⟧\nContact ⟦H13PH⟧ · ⟦H13EM⟧ · fee paid by card ⟦H13CARD⟧",
        "ALLOTMENT PLOT APPLICATION — {org} Allotment Society\nApplicant: {first} {last}\nPlot requested ⟦~H13PLOT⟧ (half plot) · tenancy from ⟦~H13DGB⟧\nTelephone ⟦H13PHN⟧ · mobile ⟦H13PH⟧ · e-mail ⟦H13EM⟧\nAnnual rent by direct debit from ⟦H13IBAN⟧",
        "APPRENTICESHIP AGREEMENT — {org} Engineering Ltd\nApprentice: {first} {last}, date of birth ⟦H13DOB⟧, NI number ⟦~H13NINO⟧\nStandard: Maintenance Technician, level 3 · start ⟦~H13DGB⟧ · end-point assessment ⟦~H13DGB⟧\nApprentice mobile ⟦H13PH⟧ · e-mail ⟦H13EM⟧\nWages paid to ⟦H13IBAN⟧ · employer contact ⟦H13PHX⟧",
        "SPECTACLE PRESCRIPTION (GOS) — {org} Eye Care\nPatient: {first} {last} · DOB ⟦H13DOB⟧ · NHS no. ⟦H13NHS⟧\nR: SPH ⟦~H13DIOPTER⟧ CYL ⟦~H13DIOPTER⟧ AXIS ⟦~H13AXIS⟧ · L: SPH ⟦~H13DIOPTER⟧ CYL ⟦~H13DIOPTER⟧ AXIS ⟦~H13AXIS⟧ · PD ⟦~H13PD⟧\nSight test ⟦~H13DGB⟧ · recall ⟦~H13DGB⟧ · contact ⟦H13PH⟧ · ⟦H13EM⟧",
        "PLAYER REGISTRATION TRANSFER — {org} Youth FC\nPlayer: {first} {last}, date of birth ⟦H13DOB⟧, FAN ⟦~H13FAN⟧\nLeaving {first2} Rovers, registration from ⟦~H13DGB⟧\nParent: ⟦H13PH⟧ · ⟦H13EM⟧ · subs by card ⟦H13CARD⟧",
        "REMOVALS QUOTATION — {org} Removals & Storage\nCustomer: {first} {last}\nSurvey ⟦~H13DGB⟧ · moving day ⟦~H13DGB⟧ · 38 m³, two crew\nQuote ⟦~H13ORDER⟧: £⟦~H13AMTGB⟧ · deposit on card ⟦H13CARD⟧ or transfer to our IBAN\nYour phone ⟦H13PHX⟧ · ⟦H13EM⟧ · accept online at ⟦H13URL⟧",
    ],
    "en-IN": [
        "VISA APPOINTMENT LETTER — {org} Visa Application Centre\nApplicant: {first} {last}, Date of Birth ⟦H13DOB⟧\nReference ⟦~H13GWF⟧ · biometrics on ⟦~H13DIN⟧ at ⟦~H13HHMM⟧\nMobile ⟦H13PHI⟧ · e-mail ⟦H13EM⟧\nService fee paid by card ⟦H13CARD⟧ · unused priority fee refunded to ⟦H13IBAN⟧ · reschedule at ⟦H13URL⟧",
        "POST-MATRIC SCHOLARSHIP APPLICATION — {org} State Portal\nStudent: {first} {last} · DOB ⟦H13DOB⟧ · Aadhaar ⟦~H13AADHAAR⟧\nBank IFSC ⟦~H13IFSC⟧ · account ⟦~H13ACCT⟧\nMobile ⟦H13PH⟧ · email ⟦H13EM⟧ · institute helpline ⟦H13PHN⟧\nSubmitted ⟦~H13DIN⟧",
        "LOYALTY CARD SIGN-UP — {org} Supermarkets\nName: {first} {last} · Birthday (for offers) ⟦H13DOB⟧\nMobile ⟦H13PH⟧ · e-mail ⟦H13EM⟧\nLinked payment card ⟦H13CARD⟧ · points card no. ⟦~H13CARDLIKE⟧\nEnrolled ⟦~H13DIN⟧",
        "[OCR scan, page 1] INCO ME-TAX RETU RN — cover letter, AY ⟦~H13TAXYEAR⟧\nAssessee: {first} {last}   P AN ⟦~H13PAN⟧\nD ate of B irth : ⟦H13DOB⟧\nM obile : ⟦H13PHI⟧   E-mail : ⟦H13EM⟧\nRefund to a/c IFSC ⟦~H13IFSC⟧ · filed ⟦~H13DIN⟧ by CA {first2} ⟦H13PHN⟧",
    ],
    "fr-FR": [
        "PUBLICATION DES BANS — Mairie de {org}\nFutur(e) époux(se) : {first} {last}, né(e) le ⟦H13DOB⟧\nFutur(e) époux(se) : {first2} {last}, né(e) le ⟦H13DOB⟧\nMariage prévu le ⟦~H13DFR⟧ · dossier déposé le ⟦~H13DFR⟧\nContact : ⟦H13PH⟧ · ⟦H13EM⟧",
        "DEMANDE DE SUSPENSION D'ABONNEMENT — Salle de sport {org}\nAdhérent : {first} {last}, né(e) le ⟦H13DOB⟧\nSuspension du ⟦~H13DFR⟧ au ⟦~H13DFR⟧ (certificat médical joint)\nPrélèvements suspendus sur ⟦H13IBAN⟧\nTél. ⟦H13PH⟧ · courriel ⟦H13EM⟧",
        "ORGANISATION DES OBSÈQUES — Pompes funèbres {org}\nDéfunt(e) : {first} {last}, né(e) le ⟦H13DOB⟧, décédé(e) le ⟦~H13DFR⟧\nCérémonie le ⟦~H13DFR⟧ à ⟦~H13HHMM⟧\nFamille : {first2} {last}, ⟦H13PH⟧ · ⟦H13PHN⟧ · ⟦H13EM⟧\nAcompte réglé par carte ⟦H13CARD⟧ · solde par virement depuis ⟦H13IBAN⟧",
        "CONTRAT D'APPRENTISSAGE — {org} SARL\nApprenti(e) : {first} {last}, date de naissance ⟦H13DOB⟧, NIR ⟦~H13NIR⟧\nDébut ⟦~H13DFR⟧ · fin ⟦~H13DFR⟧ · CFA {org}\nPortable ⟦H13PH⟧ · courriel ⟦H13EM⟧ · salaire versé sur ⟦H13IBAN⟧",
    ],
    "de-DE": [
        "ANMELDUNG ZUR EHESCHLIESSUNG — Standesamt {org}\nVerlobte/r 1: {first} {last}, geboren am ⟦H13DOB⟧\nVerlobte/r 2: {first2} {last}, geboren am ⟦H13DOB⟧\nWunschtermin ⟦~H13DDE⟧ · Anmeldung am ⟦~H13DDE⟧\nTelefon ⟦H13PH⟧ · E-Mail ⟦H13EM⟧",
        "PACHTANTRAG KLEINGARTEN — Kleingärtnerverein {org} e.V.\nAntragsteller: {first} {last}, Geburtsdatum ⟦H13DOB⟧\nParzelle ⟦~H13PLOT⟧ · Übernahme zum ⟦~H13DDE⟧\nTelefon ⟦H13PHN⟧ · Mobil ⟦H13PH⟧ · ⟦H13EM⟧\nPacht und Umlagen per Lastschrift von ⟦H13IBAN⟧",
        "VEREINSWECHSEL — Antrag auf Spielerlaubnis (Spielerpass)\nSpieler: {first} {last}, geb. ⟦H13DOB⟧\nAbgebender Verein: SV {org} · Abmeldung am ⟦~H13DDE⟧\nErziehungsberechtigte/r: ⟦H13PH⟧ · ⟦H13EM⟧\nGebühr per Lastschrift von ⟦H13IBAN⟧",
        "UMZUGSANGEBOT — {org} Umzüge GmbH\nKunde: {first} {last}\nBesichtigung ⟦~H13DDE⟧ · Umzugstermin ⟦~H13DDE⟧ · 24 m³\nAngebotsnr. ⟦~H13ORDER⟧ · Festpreis ⟦~H13AMTDE⟧ EUR\nAnzahlung per Karte ⟦H13CARD⟧ · Rückfragen ⟦H13PHX⟧ · ⟦H13EM⟧",
        "HÖRGERÄTEANPASSUNG — {org} Hörakustik\nKunde: {first} {last}, Geburtsdatum ⟦H13DOB⟧\nAnpassung am ⟦~H13DDE⟧ · Seriennr. links ⟦~H13HASERIAL⟧, rechts ⟦~H13HASERIAL⟧\nBluetooth-Adresse links ⟦H13MAC⟧\nTelefon ⟦H13PHN⟧ · E-Mail ⟦H13EM⟧ · Eigenanteil von ⟦H13IBAN⟧",
    ],
    "it-IT": [
        "PUBBLICAZIONI DI MATRIMONIO — Comune di {org}\nSposo/a: {first} {last}, nato/a il ⟦H13DOB⟧\nSposo/a: {first2} {last}, nato/a il ⟦H13DOB⟧\nAffissione dal ⟦~H13DIT⟧ · celebrazione prevista il ⟦~H13DIT⟧\nRecapiti: ⟦H13PH⟧ · ⟦H13EM⟧",
        "DOMANDA DI BORSA DI STUDIO — Fondazione {org}\nCandidato/a: {first} {last}, data di nascita ⟦H13DOB⟧, C.F. ⟦~H13CF⟧\nAccredito su ⟦H13IBAN⟧\nCellulare ⟦H13PH⟧ · e-mail ⟦H13EM⟧ · curriculum ⟦H13URLS⟧\nScadenza del bando ⟦~H13DIT⟧",
        "DOMANDA DI ADOZIONE — Canile {org}\nAdottante: {first} {last}, nato/a il ⟦H13DOB⟧, C.F. ⟦~H13CF⟧\nCane: Fido, nato il ⟦~H13PETDOB⟧, microchip ⟦~H13CHIP⟧\nCellulare ⟦H13PH⟧ · e-mail ⟦H13EM⟧\nContributo volontario con carta ⟦H13CARD⟧",
    ],
    "es-ES": [
        "SOLICITUD DE ADOPCIÓN — Protectora {org}\nSolicitante: {first} {last}, fecha de nacimiento ⟦H13DOB⟧, DNI ⟦~H13DNI⟧\nAnimal: Luna, nacida el ⟦~H13PETDOB⟧, chip ⟦~H13CHIP⟧\nTeléfono ⟦H13PH⟧ · correo ⟦H13EM⟧\nDonativo con tarjeta ⟦H13CARD⟧",
        "CONGELACIÓN DE CUOTA — Gimnasio {org}\nSocio: {first} {last}, nacido/a el ⟦H13DOB⟧\nCongelar del ⟦~H13DES⟧ al ⟦~H13DES⟧ por viaje de trabajo\nCuota reducida cargada en ⟦H13IBAN⟧\nMóvil ⟦H13PH⟧ · ⟦H13EM⟧",
        "PRESUPUESTO DE MUDANZA — Mudanzas {org}\nCliente: {first} {last}\nVisita ⟦~H13DES⟧ · mudanza ⟦~H13DES⟧ · presupuesto ⟦~H13ORDER⟧ por ⟦~H13AMTES⟧ €\nSeñal con tarjeta ⟦H13CARD⟧ o transferencia desde ⟦H13IBAN⟧\nContacto ⟦H13PHN⟧ · ⟦H13EM⟧",
    ],
    "nl-NL": [
        "AANVRAAG VOLKSTUIN — tuinpark {org}\nAanvrager: {first} {last}, geboortedatum ⟦H13DOB⟧\nTuin ⟦~H13PLOT⟧ · ingangsdatum ⟦~H13DNL⟧\nTelefoon ⟦H13PH⟧ · e-mail ⟦H13EM⟧\nJaarlijkse huur per incasso van ⟦H13IBAN⟧",
        "MELDING VOORGENOMEN HUWELIJK — gemeente {org}\nPartner 1: {first} {last}, geboortedatum ⟦H13DOB⟧\nPartner 2: {first2} {last}, geboortedatum ⟦H13DOB⟧\nTrouwdatum ⟦~H13DNL⟧ · melding gedaan op ⟦~H13DNL⟧\nBereikbaar op ⟦H13PH⟧ · ⟦H13EM⟧ · leges betaald met ⟦H13CARD⟧",
        "BRILVOORSCHRIFT — Optiek {org}\nKlant: {first} {last}, geboortedatum ⟦H13DOB⟧\nR: S ⟦~H13DIOPTER⟧ C ⟦~H13DIOPTER⟧ as ⟦~H13AXIS⟧ · L: S ⟦~H13DIOPTER⟧ C ⟦~H13DIOPTER⟧ as ⟦~H13AXIS⟧ · PD ⟦~H13PD⟧\nGemeten op ⟦~H13DNL⟧ · telefoon ⟦H13PHX⟧ · ⟦H13EM⟧",
    ],
    "pt-BR": [
        "HABILITAÇÃO DE CASAMENTO — Cartório de Registro Civil de {org}\nNubente 1: {first} {last}, nascido(a) em ⟦H13DOB⟧, CPF ⟦~H13CPF⟧\nNubente 2: {first2} {last}, nascido(a) em ⟦H13DOB⟧\nCerimônia em ⟦~H13DBR⟧ · proclamas publicados em ⟦~H13DBR⟧\nTelefone ⟦H13PH⟧ · e-mail ⟦H13EM⟧",
        "CONTRATAÇÃO DE SERVIÇO FUNERÁRIO — Funerária {org}\nFalecido(a): {first} {last}, data de nascimento ⟦H13DOB⟧, óbito em ⟦~H13DBR⟧\nVelório em ⟦~H13DBR⟧ às ⟦~H13HHMM⟧\nResponsável: {first2} {last}, ⟦H13PH⟧ · ⟦H13PHN⟧ · ⟦H13EM⟧\nPagamento no cartão ⟦H13CARD⟧ · reembolso do plano para a conta ⟦H13IBAN⟧",
        "ORÇAMENTO DE MUDANÇA — Mudanças {org}\nCliente: {first} {last}, CPF ⟦~H13CPF⟧\nVistoria em ⟦~H13DBR⟧ · mudança em ⟦~H13DBR⟧ · orçamento ⟦~H13ORDER⟧ de R$ ⟦~H13AMTBR⟧\nSinal no cartão ⟦H13CARD⟧ · WhatsApp ⟦H13PH⟧ · fixo ⟦H13PHN⟧ · ⟦H13EM⟧",
    ],
    "tech": [
        "# Time: ⟦~H13ISOTS⟧\n# User@Host: app[app] @ ⟦~H13HOST⟧ [⟦H13IP⟧]  Id: ⟦~H13PID⟧\n# Query_time: ⟦~H13QTIME⟧  Lock_time: 0.000012 Rows_sent: 1  Rows_examined: ⟦~H13OFFSET⟧\nSET timestamp=⟦~H13EPOCH⟧;\nSELECT * FROM members WHERE email = '⟦H13EM⟧' AND ssn = '⟦H13SSN⟧' AND dob = '⟦H13DOBI⟧';",
        '{"t":{"$date":"⟦~H13ISOTS⟧"},"s":"I","c":"COMMAND","id":51803,"ctx":"conn⟦~H13PID⟧","msg":"Slow query","attr":{"type":"command","ns":"clinic.patients","command":{"find":"patients","filter":{"nhsNumber":"⟦H13NHSP⟧","providerNpi":"⟦H13NPIP⟧"}},"remote":"⟦H13IP⟧:⟦~H13SRCPORT⟧","planSummary":"IXSCAN","durationMillis":⟦~H13FRAME⟧,"_id":"⟦~H13OBJID⟧"}}',
        '<Event xmlns="⟦~H13XMLNS⟧"><System><EventID>4625</EventID><TimeCreated SystemTime="⟦~H13ISOTS⟧"/><EventRecordID>⟦~H13RECORDID⟧</EventRecordID><Computer>⟦~H13HOST⟧</Computer></System><EventData><Data Name="TargetUserName">⟦H13EM⟧</Data><Data Name="LogonType">3</Data><Data Name="IpAddress">⟦H13IP⟧</Data><Data Name="IpPort">⟦~H13SRCPORT⟧</Data><Data Name="ProcessId">0x⟦~H13HEX16⟧</Data></EventData></Event>',
        "[⟦~H13ISOTS⟧] {taskinstance.py:1138} INFO - Dependencies all met for <TaskInstance: claims_etl.load_claims manual__⟦~H13ISOTS⟧ [running]>\n[⟦~H13ISOTS⟧] {claims.py:⟦~H13FRAME⟧} WARNING - rejected row: member_ssn=⟦H13SSN⟧ rendering_npi=⟦H13NPI⟧ nhs_number=⟦H13NHSP⟧ contact=⟦H13EM⟧\n[⟦~H13ISOTS⟧] {taskinstance.py:1400} INFO - Marking task as SUCCESS. dag_id=claims_etl, task_id=load_claims",
        "Started by user {first} {last} (⟦H13EM⟧)\nRunning on agent-⟦~H13BUILD⟧ in /var/lib/jenkins/workspace/lab-wake\n[Pipeline] sh\n+ wakeonlan ⟦H13MAC⟧\n+ ssh ci@⟦H13IP⟧ ./run-tests.sh\nFinished: SUCCESS (build #⟦~H13BUILD⟧, commit ⟦~H13SHA⟧)",
        'TASK [Gathering Facts] *********************************************\nok: [⟦~H13HOST⟧]\nTASK [debug] ********************************************************\nok: [⟦~H13HOST⟧] => {\n    "ansible_default_ipv4.address": "⟦H13IP⟧",\n    "ansible_default_ipv4.macaddress": "⟦H13MAC⟧",\n    "owner_email": "⟦H13EM⟧"\n}\nPLAY RECAP **********************************************************\n⟦~H13HOST⟧ : ok=2 changed=0 unreachable=0 failed=0',
        "⟦~H13ISOTS⟧ [INFO]  agent: Synced node info\n⟦~H13ISOTS⟧ [WARN]  nomad.client: alloc failed health check: alloc_id=⟦~H13UUID⟧ task=mailer addr=⟦H13IP⟧:⟦~H13PORT⟧ notify=⟦H13EM⟧\n⟦~H13ISOTS⟧ [INFO]  agent.server.serf.lan: serf: EventMemberJoin: ⟦~H13HOST⟧ ⟦H13IP6⟧",
        '[⟦~H13ISOTS⟧] "POST /v1/signup HTTP/1.1" 201 - via_upstream - "-" ⟦~H13BYTES⟧ 512 ⟦~H13FRAME⟧ "⟦H13IP⟧" "okhttp/4.12.0" "⟦~H13UUID⟧" "⟦~H13HOST⟧" "⟦H13IP⟧:8080" downstream_remote=⟦H13IP6⟧ referer="⟦H13URLS⟧"',
        "2 ⟦~H13AWSACCT⟧ ⟦~H13ENI⟧ ⟦H13IP⟧ ⟦H13IP⟧ ⟦~H13SRCPORT⟧ 443 6 ⟦~H13FRAME⟧ ⟦~H13BYTES⟧ ⟦~H13EPOCH⟧ ⟦~H13EPOCH⟧ ACCEPT OK\n2 ⟦~H13AWSACCT⟧ ⟦~H13ENI⟧ ⟦H13IP⟧ ⟦H13IP⟧ 443 ⟦~H13SRCPORT⟧ 6 ⟦~H13FRAME⟧ ⟦~H13BYTES⟧ ⟦~H13EPOCH⟧ ⟦~H13EPOCH⟧ REJECT OK",
        '{"protoPayload": {"authenticationInfo": {"principalEmail": "⟦H13EM⟧"}, "requestMetadata": {"callerIp": "⟦H13IP⟧", "callerSuppliedUserAgent": "gcloud/⟦~H13SEMVER⟧"}, "methodName": "storage.objects.get", "resourceName": "projects/_/buckets/crm-exports/objects/members.csv"}, "insertId": "⟦~H13INSERTID⟧", "timestamp": "⟦~H13ISOTS⟧", "severity": "NOTICE"}',
        '"Email Address","First Name","Last Name","Phone Number","BIRTHDATE","MEMBER_RATING","OPTIN_TIME","OPTIN_IP","CONFIRM_IP","LEID"\n"⟦H13EM⟧","{first}","{last}","⟦H13PHE⟧","⟦H13DOBI⟧","2","⟦~H13STAMP⟧","⟦H13IP⟧","⟦H13IP⟧","⟦~H13LEID⟧"\n"⟦H13EM⟧","{first2}","{last}","","","4","⟦~H13STAMP⟧","⟦H13IP6⟧","","⟦~H13LEID⟧"',
        '{"order": {"id": ⟦~H13SHOPID⟧, "order_number": ⟦~H13ROOM⟧, "email": "⟦H13EM⟧", "phone": "⟦H13PHE⟧", "browser_ip": "⟦H13IP⟧", "created_at": "⟦~H13ISOTS⟧", "order_status_url": "⟦H13URLS⟧", "note_attributes": [{"name": "refund_wallet", "value": "⟦H13BTC⟧"}], "checkout_id": ⟦~H13SHOPID⟧}}',
        "!TRNS\tTRNSID\tTRNSTYPE\tDATE\tACCNT\tNAME\tAMOUNT\tMEMO\n!SPL\tSPLID\tTRNSTYPE\tDATE\tACCNT\tNAME\tAMOUNT\tMEMO\n!ENDTRNS\nTRNS\t⟦~H13PID⟧\tDEPOSIT\t⟦~H13DUS⟧\tChecking\t{first} {last}\t⟦~H13AMTUS⟧\trefund to card ⟦H13CARD⟧\nSPL\t⟦~H13PID⟧\tDEPOSIT\t⟦~H13DUS⟧\tCrypto clearing\t{first} {last}\t-⟦~H13AMTUS⟧\tfrom wallet ⟦H13ETH⟧\nENDTRNS",
        '"Date","Transaction ID","Number","Description","Notes","Commodity/Currency","Account Name","Amount Num."\n"⟦~H13ISODATE⟧","⟦~H13HEX32⟧","⟦~H13PID⟧","Rent {first} {last}","paid from ⟦H13IBANC⟧","CURRENCY::EUR","Income:Rent","⟦~H13AMTDE⟧"\n"⟦~H13ISODATE⟧","⟦~H13HEX32⟧","","BTC sale","sent to ⟦H13BTC⟧","CURRENCY::EUR","Assets:Crypto","⟦~H13AMTDE⟧"',
        '{"name": "Family", "type": "private_group", "messages": [{"id": ⟦~H13OFFSET⟧, "type": "message", "date": "⟦~H13ISOTS⟧", "from": "{first}", "from_id": "⟦~H13TGUSER⟧", "text": "new number from today: ⟦H13PHE⟧, and my ETH address for the gift is ⟦H13ETH⟧"}, {"id": ⟦~H13OFFSET⟧, "type": "message", "from": "{first2}", "from_id": "⟦~H13TGUSER⟧", "text": "ok, mail me the photos at ⟦H13EM⟧"}]}',
        '{"type": "m.room.message", "event_id": "⟦~H13MXEVENT⟧", "sender": "@frontdesk:⟦~H13HOST⟧", "origin_server_ts": ⟦~H13EPOCHMS⟧, "content": {"msgtype": "m.text", "body": "Booking for NHS no ⟦H13NHS⟧ (born ⟦H13DOBI⟧), pay the invoice to ⟦H13BTC⟧ or call ⟦H13PHE⟧"}}',
    ],
}


REPEATS13 = 5  # documents per template


def _half(templates: dict[str, list[str]], tag: str, rnd: random.Random) -> list[dict]:
    cases = []
    for group, group_templates in templates.items():
        for i, template in enumerate(group_templates):
            for n in range(REPEATS13):
                case = fill(template, rnd, group if group != "tech" else LOCALES[(i + n) % len(LOCALES)])
                case.update(split="heldout13", batch="heldout13", locale=group, template=f"{group}/{tag}/{i}")
                cases.append(case)
    return cases


def build_heldout13() -> list[dict]:
    """Every template of KNOWN13 then NEW13 (per locale, then tech), REPEATS13 documents each, seed SEED13;
    FHIR system URIs labelled after generation by the set's shared function."""
    rnd = random.Random(SEED13)
    cases = _half(KNOWN13, "h13k", rnd) + _half(NEW13, "h13n", rnd)
    return [label_fhir_system_urls(case) for case in cases]


def main() -> None:
    """Counts only: bench/phantom_pii_multilingual_data.py writes the batch into the set (never print spans)."""
    print_batch_counts(build_heldout13(), f"heldout13 (seed {SEED13})", ("h13k", "h13n"))


if __name__ == "__main__":
    main()
