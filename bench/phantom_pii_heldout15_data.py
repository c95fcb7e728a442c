"""`heldout15`: the fifteenth held-out batch for bench/phantom_pii_multilingual.json, written from the formats'
specifications while heldout14 was being tuned on, without reading servers/phantom/pii.py, pii_fields.py,
redaction.py or docs/phantom.md and without running any detector on it (not even on dev cases). It is
meant to be scored once.

Built by bench/phantom_pii_multilingual_data.py (which imports `build_heldout15` from here, last), seed
SEED15, split and batch "heldout15". Like heldout7..heldout14 it is a fair sample in two halves, told
apart by the template tag so each half can be scored on its own. Unlike heldout14 (56 templates of nine
documents) it is many templates with few documents each (REPEATS15 = 5), so that no single template
decides an entity type's figure:
- known kinds, `<locale>/h15k/<n>`: the kinds and writing styles the earlier batches used (heldout10's to
  heldout14's new kinds included), sampled in about their proportion in the set: complaint e-mails and
  letters, HR onboarding and direct-deposit forms, club, gym and course registration forms, patient and
  staff tables (CSV, markdown), chat exports, bank and card alerts, appointment reminders, delivery
  notices, referral letters, e-mail signatures, support-call transcripts, a crypto withdrawal notice, a
  prepaid SIM activation, a home-care visit schedule, access and syslog lines, `arp` output, a DHCP
  lease file, FHIR Patient JSON, HL7 v2, an X12 837 claim, a vCard, a `.env` file, a Kafka Connect sink
  error, a Python log with a traceback and a Suricata alert, written fresh: new wording, field orders,
  surrounding text and values;
- new kinds, `<locale>/h15n/<n>`: document kinds no batch (heldout7's to heldout14's new halves
  included) has used, each checked by a marker phrase against every earlier case in
  tests/test_pii_heldout15_set.py: a summer camp registration, a bat mitzvah guest list, a lottery prize
  claim, a concealed-carry permit application, a bail bond application, a durable medical equipment
  order, a sleep study order, a tax preparer's intake sheet and a hospice election statement (US); a road-accident details exchange, a Premium Bonds prize
  claim, a maternity booking appointment, a foster-care referral, an HMRC cryptoasset disclosure, a
  patient transport booking and a wheelchair service referral (UK); an exam result notice, a PG hostel admission, a rooftop solar
  installation and a DTH TV connection (India); a déclaration de naissance, a school-canteen enrolment,
  a housing-benefit (APL) application and a naturalisation application (France); a fibre installation
  appointment, a Kindergeld application, a dog-tax registration and an Anlage SO for crypto disposals
  (Germany); a duplicate health-card request, a summer-centre enrolment, a season ski pass and a train
  ticket refund (Italy); a health-card application, a bono social eléctrico application, a Modelo 721
  declaration of crypto assets held abroad and an ITV inspection booking (Spain); a solar panel
  installation, a rent-benefit (huurtoeslag) application and a foster-care registration
  (Netherlands); an ENEM exam registration, a dental plan enrolment, a lottery prize claim and a
  party-room booking in a condominium (Brazil); and in the technical group an nginx error log, a Squid
  access log, a Samba log, a Debian changelog entry, a hostapd log, a Mosquitto broker log, a Kubernetes
  audit event, a Keycloak login event, a Sentry event, a SendGrid event webhook body, an ISO 20022 pain.001
  credit transfer and a GELF message.
  Many kinds on the brief's list of ideas had been used already and were left out after a search of every
  earlier case (hotel guest registration cards, car-rental agreements, library cards, parking permits,
  fishing licences, blood donation, dental recalls, school-trip consent, mortgage letters, Form E, an
  estate inventory, electoral registration, a broadband support call, a pension statement, LDIF, git
  `Author:` lines, `arp` output (used here in the known half), mbox, iCalendar ATTENDEE, OpenVPN status, RADIUS accounting, Dovecot, HAProxy, Auth0,
  Stripe and Twilio bodies). Close to earlier kinds but new as documents, checked one by one: heldout10's
  Form E and heldout13's crypto payout notice (here: tax disclosures of crypto disposals), heldout8's
  padrón and heldout10's appointment reminders (here: a health-card application), heldout11's school-trip
  consent (here: a canteen enrolment and a summer centre). The only earlier `ski` was inside a word.
Each template is filled REPEATS15 times with fresh values; the technical group cycles through the locales.

Values come from heldout5's to heldout14's spec-built generators, registered again here under H15 names
(every H14 name is mirrored as the H15 name with the same generator, as heldout14 mirrored H13), valid by
their specifications (libphonenumber, ISO/IEC 7812 with Luhn, SSA rules, NPI Luhn over 80840, NHS
modulus 11, ISO 13616, Base58Check/bech32/bech32m, EIP-55). The new hard negatives are built below from
their own specifications and checked in tests/test_pii_heldout15_set.py. FHIR `system` URIs are written
as template text and labelled as URLs after generation by the set's shared function
(phantom_pii_multilingual_data.label_fhir_system_urls: an http(s) `Identifier.system` is a URL per FHIR R4;
`urn:oid:` systems are not).

What is and is not an entity follows heldout5's to heldout14's docstrings (a birth date only by its cue
or field, and only a person's, never a pet's; a deceased person's birth date is one; any telephone
number with its extension in the span; punctuation outside spans; `tel:` and `mailto:` schemes outside
the span; names and street addresses unlabelled; personal identifiers of other types are negatives; a
bare service host name is not a URL; an IBAN a person gives is labelled in any locale). Where they are
silent:
- An accident date, an installation date, an exam or result date, an arrival date, a draw date, a court
  date, an estimated due date, an election or placement date and a date of death are not birth dates;
  a child's or dependant's birth date (by its cue) is one, and so is the mother's on a birth declaration;
  a dog's whelping date on a dog-tax registration is a pet's and so a negative (heldout9's rule).
- A vehicle registration (UK, Spanish, US plates), a driving licence, a
  Medicare MBI, a pet's microchip number, a CUPS supply point, a lottery ticket serial and an exam or
  allowance number are negatives (identifiers of no labelled type).
- nginx error log: `client:` is an IP address; `server:` and `host:` are bare host names (negatives);
  `referrer:` is a URL; the request path is not. Squid: the client address and the `HIER_DIRECT/`
  peer address are IP addresses, the requested `http://` URL is a URL; the epoch timestamp and the
  elapsed milliseconds are negatives. Samba: the address in `(ipv4:a.b.c.d:port)` is an IP address
  (the port is not in the span).
- Debian changelog: the maintainer's e-mail address is labelled; the package version (Debian Policy
  5.6.12) and the RFC 5322 date are negatives.
- hostapd: a station's address (`STA xx:xx:...`) is a MAC address; so is the access point's BSSID.
  Mosquitto: the client's IP address is labelled; the client id and the port are negatives.
- Kubernetes audit: `user.username` (an e-mail address) and `sourceIPs` are labelled; `auditID` and
  `requestURI` are not. Keycloak: `ipAddress` and `details.username`/`details.email` are labelled; the
  realm/user/session ids are negatives; a custom `npi` attribute holding a clinician's NPI is an NPI.
- Sentry: `user.email`, `user.ip_address`, `request.url` and personal data in `request.data` are
  labelled; `event_id` (32 hex digits) and `release` are negatives. SendGrid: `email`, `ip` and a click's
  `url` are labelled; `sg_event_id`, `sg_message_id` and the epoch `timestamp` are negatives.
- pain.001: the debtor's and creditors' IBANs are labelled; BICs, `MsgId`, `EndToEndId` and amounts are
  negatives. GELF: `_client_ip`, `_user_email` and an NHS number in `short_message` are labelled;
  `timestamp` (epoch seconds with a fraction) is a negative.
"""

from __future__ import annotations

import random
import string
import sys
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from phantom_pii_heldout5_data import _alnum  # noqa: E402
from phantom_pii_heldout9_data import LOCALES  # noqa: E402
from phantom_pii_heldout14_data import SEED14  # noqa: E402  (also registers every H14 name)
from phantom_pii_multilingual_data import (  # noqa: E402
    NEGATIVES,
    VALUES,
    digits,
    fill,
    label_fhir_system_urls,
    print_batch_counts,
)

SEED15 = 15015
assert SEED15 != SEED14
UP = string.ascii_uppercase
URLSAFE = string.ascii_letters + string.digits + "-_"

# heldout14's generators under H15 names (the registries are shared by name across modules: the H15 copies
# leave every H14 entry as it was)
VALUES.update({"H15" + name[3:]: entry for name, entry in list(VALUES.items()) if name.startswith("H14")})
NEGATIVES.update({"H15" + name[3:]: make for name, make in list(NEGATIVES.items()) if name.startswith("H14")})


# -- new hard negatives built from their specifications ----------------------------------------------


def _stamp(rnd: random.Random) -> datetime:
    return datetime(2025, 1, 1) + timedelta(seconds=rnd.randint(0, 60_000_000))


def _uk_plate(rnd: random.Random) -> str:
    """A current-format GB registration (DVLA, since 2001): two area letters, a two-digit age identifier
    (March: the year's last two digits; September: those plus 50), a space, three random letters (no I, Q)."""
    letters = "ABCDEFGHJKLMNOPRSTUVWXY"
    year = rnd.randint(1, 25)
    return f"{rnd.choice(letters)}{rnd.choice(letters)}{rnd.choice((year, year + 50)):02d} {_alnum(rnd, 3, letters)}"


def _debian_version(rnd: random.Random) -> str:
    """A Debian package version (Policy 5.6.12): [epoch:]upstream_version-debian_revision."""
    upstream = f"{rnd.randint(0, 9)}.{rnd.randint(0, 40)}.{rnd.randint(0, 20)}"
    epoch = rnd.choice(("", "", "1:", "2:"))
    revision = rnd.choice((f"{rnd.randint(1, 5)}", f"{rnd.randint(1, 3)}+deb12u{rnd.randint(1, 4)}"))
    return f"{epoch}{upstream}-{revision}"


NEW_NEGATIVES15 = {
    "H15UKPLATE": _uk_plate,
    # epoch seconds with milliseconds (Squid's access.log first column, GELF `timestamp`)
    "H15EPOCH3": lambda r: f"{int(_stamp(r).timestamp())}.{r.randint(0, 999):03d}",
    "H15SMBTS": lambda r: _stamp(r).strftime("%Y/%m/%d %H:%M:%S.") + digits(r, 6),
    "H15NGINXTS": lambda r: _stamp(r).strftime("%Y/%m/%d %H:%M:%S"),
    "H15DEBVER": _debian_version,
    # ISO 20022 EndToEndId / MsgId: at most 35 characters
    "H15E2E": lambda r: f"E2E{_stamp(r).strftime('%Y%m%d')}{digits(r, 8)}",
    "H15PAINMSG": lambda r: f"MSG-{_stamp(r).strftime('%Y%m%d%H%M%S')}-{digits(r, 4)}",
    # SendGrid sg_event_id: 22 URL-safe base64 characters
    "H15SGEVT": lambda r: _alnum(r, 22, URLSAFE),
    "H15SGMSG": lambda r: _alnum(r, 22, URLSAFE) + ".filterdrecv-" + _alnum(r, 10, "0123456789abcdef") + "-1",
    "H15MQTTID": lambda r: "mosq-" + _alnum(r, 16, string.ascii_letters + string.digits),
    "H15ROLLNO": lambda r: str(r.randint(1_000_000, 9_999_999)),
    "H15LOTTO": lambda r: f"{digits(r, 4)}-{digits(r, 7)}-{digits(r, 3)}",
    "H15ELAPSED": lambda r: str(r.randint(1, 90_000)),
    # a Spanish registration since 2000: four digits and three consonants (no vowels, no Ñ or Q)
    "H15MATES": lambda r: digits(r, 4) + " " + _alnum(r, 3, "BCDFGHJKLMNPRSTVWXYZ"),
}

# a new name must not shadow a mirrored H14 generator (that would silently change what the name means); checked
# against the mirrored names, not the registry, so running this module twice in one process (runpy in
# tests/test_bench_modules.py, then the set test's import) finds its own earlier entries and not a clash
MIRRORED15 = {"H15" + name[3:] for name in NEGATIVES if name.startswith("H14")}
assert not set(NEW_NEGATIVES15) & MIRRORED15, sorted(set(NEW_NEGATIVES15) & MIRRORED15)
NEGATIVES.update(NEW_NEGATIVES15)


# -- known kinds: what the earlier batches used, sampled in proportion, written fresh ----------------

KNOWN15: dict[str, list[str]] = {
    "en-US": [
        "Subject: membership cancelled but still billed\n\nHi {org} Fitness team,\n\nI froze and then cancelled my membership on ⟦~H15DUS⟧, but card ⟦H15CARD⟧ was billed $⟦~H15AMTUS⟧ on ⟦~H15DUS⟧ anyway (member no. ⟦~H15ACCT⟧). Please reverse it. Best number: ⟦H15PH⟧. E-mail: ⟦H15EM⟧.\n\nThanks,\n{first} {last}",
        "DIRECT DEPOSIT ENROLLMENT — {org} Logistics payroll\nEmployee {first} {last} · employee no. ⟦~H15EMPID⟧\nSSN ⟦H15SSN⟧ · born ⟦H15DOB⟧\nRouting ⟦~H15ABA⟧ · account ⟦~H15ACCT⟧ · effective ⟦~H15DUS⟧\nQuestions: payroll desk ⟦H15PHX⟧ or ⟦H15EM⟧",
        "| Patient | DOB | SSN | PCP NPI | Callback |\n|---|---|---|---|---|\n| {last}, {first} | ⟦H15DOBI⟧ | ⟦H15SSN⟧ | ⟦H15NPI⟧ | ⟦H15PHC⟧ |\n| {last}, {first2} | ⟦H15DOBI⟧ | ⟦H15SSN⟧ | ⟦H15NPIP⟧ | ⟦H15PHN⟧ |\nExported ⟦~H15ISODATE⟧ · visit ids ⟦~H15MRN⟧, ⟦~H15MRN⟧",
        "Re: referral for {first} {last}, DOB ⟦H15DOB⟧\n\nDear Dr {last},\nI am referring this patient for a cardiology consult. Referring NPI ⟦H15NPIP⟧; please send the report to the PCP, NPI ⟦H15NPI⟧, fax ⟦H15PHN⟧. The patient can be reached on ⟦H15PH⟧.\n\nICD-10 ⟦~H15ICD⟧ · referral ⟦~H15CASE⟧",
        "Agent: Thanks for calling {org} Card Services, may I have the card number?\nCaller: It's ⟦H15CARDS⟧.\nAgent: And your date of birth?\nCaller: ⟦H15DOB⟧.\nAgent: Thank you. I've sent a code to ⟦H15PH⟧ and a summary to ⟦H15EM⟧. Case ⟦~H15CASE⟧, expiry on file ⟦~H15EXP⟧.",
        "--\n{first} {last} | Account Executive\n{org} Software, Inc.\no: ⟦H15PHX⟧ | m: ⟦H15PHN⟧\n⟦H15EM⟧ | ⟦H15URLP⟧\nNMLS ⟦~H15FAN⟧",
        'employee_id,full_name,ssn,birth_date,work_phone,mobile,personal_email,start_date\n⟦~H15EMPID⟧,"{last}, {first}",⟦H15SSN⟧,⟦H15DOBI⟧,⟦H15PHX⟧,⟦H15PHC⟧,⟦H15EM⟧,⟦~H15ISODATE⟧\n⟦~H15EMPID⟧,"{last}, {first2}",pending,⟦H15DOBI⟧,⟦H15PHX⟧,⟦H15PHC⟧,⟦H15EM⟧,⟦~H15ISODATE⟧',
        "{org} Exchange: withdrawal processed\nHi {first}, ⟦~H15QTY⟧ BTC left your account for ⟦H15BTC⟧ on ⟦~H15DUS⟧; your ETH payout address is now ⟦H15ETH⟧.\nTransaction ⟦~H15TXID⟧ · signed in from ⟦H15IP⟧\nDidn't do this? Call ⟦H15PHN⟧ or write to ⟦H15EM⟧.",
    ],
    "en-GB": [
        "Dear Dr {last},\n\nRe: {first} {last}, born ⟦H15DOB⟧, NHS No. ⟦H15NHS⟧\n\nThank you for seeing this gentleman in the memory clinic. His daughter {first2} is the main contact (⟦H15PH⟧, ⟦H15EM⟧). Clinic letter ref ⟦~H15NHSLIKE⟧, seen ⟦~H15DGB⟧.\n\nKind regards,\n{org} Surgery",
        "{org} Parcels: {first}, your parcel ⟦~H15S10⟧ arrives ⟦~H15DGB⟧ between ⟦~H15HHMM⟧ and ⟦~H15HHMM⟧. Change the day at ⟦H15URL⟧ or call ⟦H15PHN⟧. Driver: ⟦H15PH⟧.",
        "| Bed | Name | DOB | NHS number | Contact |\n|---|---|---|---|---|\n| 3 | {first} {last} | ⟦H15DOB⟧ | ⟦H15NHSP⟧ | ⟦H15PH⟧ |\n| 4 | {first2} {last} | ⟦H15DOB⟧ | ⟦H15NHS⟧ | ⟦H15PHN⟧ |\nUpdated ⟦~H15DGB⟧ ⟦~H15HHMM⟧",
        "{org} Bank: was this you? £⟦~H15AMTGB⟧ at {org} Stores on card ⟦H15CARD⟧, ⟦~H15DGB⟧. Reply Y or N, or call ⟦H15PHN⟧. We'll never ask for your PIN. Sort code ⟦~H15SORT⟧.",
        "{org} Juniors FC — player registration\nPlayer: {first2} {last} · date of birth ⟦H15DOB⟧\nParent/guardian: {first} {last} · mobile ⟦H15PH⟧ · e-mail ⟦H15EM⟧\nSubs by card ⟦H15CARD⟧ from ⟦~H15DGB⟧ · squad number ⟦~H15JERSEY⟧",
        "CARE CALLS THIS WEEK — {org} Homecare\n{first} {last} (DOB ⟦H15DOB⟧, NHS ⟦H15NHS⟧): Mon ⟦~H15DGB⟧ ⟦~H15HHMM⟧, Thu ⟦~H15DGB⟧ ⟦~H15HHMM⟧\n{first2} {last} (DOB ⟦H15DOB⟧, NHS ⟦H15NHSP⟧): daily ⟦~H15HHMM⟧\nOffice ⟦H15PHX⟧ · ⟦H15EM⟧",
    ],
    "en-IN": [
        "{org} Bank: INR ⟦~H15AMTIN⟧ debited from card ⟦H15CARD⟧ on ⟦~H15DIN⟧ at {org} Fuels. Avl bal INR ⟦~H15AMTIN⟧. If not done by you, call ⟦H15PHI⟧. UTR ⟦~H15UTR⟧",
        "PREPAID SIM ACTIVATED — {org} Telecom\nSubscriber {first} {last}, DOB ⟦H15DOB⟧\nNew number ⟦H15PH⟧ · alternate ⟦H15PHN⟧ · SIM ⟦~H15ICCID⟧ · Aadhaar e-KYC ⟦~H15AADHAAR⟧\nBill copies to ⟦H15EM⟧",
        "{org} Hospitals: Dear {first}, your physiotherapy session is on ⟦~H15DIN⟧ at ⟦~H15HHMM⟧. Reschedule: ⟦H15URL⟧ or ⟦H15PHN⟧. UHID ⟦~H15MRN⟧.",
        "[chat] Agent: Hello {first}, please confirm the card ending you used.\n[chat] {first}: full number is ⟦H15CARD⟧, expiry ⟦~H15EXP⟧\n[chat] Agent: Please do not share CVV. Registered DOB?\n[chat] {first}: ⟦H15DOB⟧\n[chat] {first}: please refund to my account abroad, IBAN ⟦H15IBAN⟧\n[chat] Agent: Refund of Rs ⟦~H15AMTIN⟧ initiated, mail sent to ⟦H15EM⟧",
    ],
    "fr-FR": [
        "Objet : résiliation non prise en compte\n\nMadame, Monsieur,\n\nJ'ai résilié mon abonnement {org} le ⟦~H15DFR⟧ ; pourtant ⟦~H15AMTFR⟧ € ont encore été prélevés sur ⟦H15IBAN⟧. Merci de me rembourser. Tél. : ⟦H15PH⟧ · courriel : ⟦H15EM⟧\n\n{first} {last}, réf. client ⟦~H15ACCT⟧",
        "{org} Santé : RDV dentiste le ⟦~H15DFR⟧ à ⟦~H15HHMM⟧. Pour annuler : ⟦H15URL⟧ ou ⟦H15PHN⟧.",
        "INSCRIPTION AU CONSERVATOIRE {org}\nÉlève : {first2} {last}, né(e) le ⟦H15DOB⟧\nResponsable : {first} {last} · portable ⟦H15PH⟧ · ⟦H15EM⟧\nFrais de scolarité prélevés sur ⟦H15IBAN⟧ (mandat ⟦~H15MANDATE⟧)",
        "Bien cordialement,\n\n{first} {last}\nResponsable achats — {org} SAS\nLigne directe ⟦H15PHX⟧ · Portable ⟦H15PH⟧\n⟦H15EM⟧ · ⟦H15URLP⟧\nSIRET ⟦~H15SIRET⟧",
    ],
    "de-DE": [
        "Betreff: doppelte Abbuchung\n\nSehr geehrte Damen und Herren,\n\nam ⟦~H15DDE⟧ wurden ⟦~H15AMTDE⟧ € zweimal von meinem Konto ⟦H15IBAN⟧ abgebucht. Bitte erstatten Sie den Betrag. Rückfragen unter ⟦H15PH⟧ oder ⟦H15EM⟧.\n\nMit freundlichen Grüßen\n{first} {last} (Kundennr. ⟦~H15ACCT⟧)",
        "AUFNAHMEANTRAG — Turnverein {org} e. V.\nMitglied: {first} {last}, geboren am ⟦H15DOB⟧\nTelefon ⟦H15PHN⟧ · Handy ⟦H15PH⟧ · E-Mail ⟦H15EM⟧\nSEPA-Lastschrift von ⟦H15IBAN⟧ · Gläubiger-ID ⟦~H15CI⟧",
        "{org} Bank: Ihre Karte ⟦H15CARD⟧ wurde am ⟦~H15DDE⟧ für ⟦~H15AMTDE⟧ € belastet. Nicht Sie? Sperren unter ⟦H15URL⟧ oder ⟦H15PHN⟧.",
        "[⟦~H15CHATTS⟧] {first}: Schick mir die Kontonummer für das Geschenk\n[⟦~H15CHATTS⟧] {first2}: ⟦H15IBAN⟧, oder PayPal an ⟦H15EM⟧\n[⟦~H15CHATTS⟧] {first}: ok, und ruf {last} an: ⟦H15PH⟧",
    ],
    "it-IT": [
        "Oggetto: addebito non autorizzato\n\nSpett.le {org},\nsul mio conto ⟦H15IBAN⟧ risulta un addebito di ⟦~H15AMTIT⟧ € del ⟦~H15DIT⟧ e sulla carta ⟦H15CARD⟧ un altro. Chiedo il rimborso. Recapiti: ⟦H15PH⟧, ⟦H15EM⟧.\n\nDistinti saluti,\n{first} {last}",
        "MODULO DI ISCRIZIONE — Palestra {org}\nSocio: {first} {last} · nato il ⟦H15DOB⟧ · C.F. ⟦~H15CF⟧\nCell. ⟦H15PH⟧ · tel. casa ⟦H15PHN⟧ · e-mail ⟦H15EM⟧\nRID su ⟦H15IBAN⟧ dal ⟦~H15DIT⟧",
        "{org} Spedizioni: il pacco ⟦~H15S10⟧ per {first} {last} è in consegna il ⟦~H15DIT⟧. Il corriere chiamerà il ⟦H15PH⟧. Dettagli: ⟦H15URLS⟧",
    ],
    "es-ES": [
        "Asunto: cobro duplicado\n\nBuenos días,\nel ⟦~H15DES⟧ me cargaron dos veces ⟦~H15AMTES⟧ € en la tarjeta ⟦H15CARD⟧. Solicito el abono en ⟦H15IBAN⟧. Teléfono ⟦H15PH⟧, correo ⟦H15EM⟧.\n\nAtentamente,\n{first} {last}",
        "{org} Clínica: le recordamos su cita el ⟦~H15DES⟧ a las ⟦~H15HHMM⟧. Cambios: ⟦H15URL⟧ o ⟦H15PHN⟧.",
        "FICHA DE INCORPORACIÓN — {org} S.L.\nTrabajador/a: {first} {last} · NIE ⟦~H15NIE⟧ · nº afiliación ⟦~H15NUSS⟧\nFecha de nacimiento ⟦H15DOB⟧\nMóvil ⟦H15PH⟧ · fijo ⟦H15PHN⟧ · correo ⟦H15EM⟧ · nómina en ⟦H15IBAN⟧",
        "[⟦~H15CHATTS⟧] {first}: ¿me pasas tu cuenta para lo de la cena?\n[⟦~H15CHATTS⟧] {first2}: ⟦H15IBAN⟧\n[⟦~H15CHATTS⟧] {first}: y si no, Bizum al ⟦H15PH⟧ o ⟦H15BTC⟧ jaja\n[⟦~H15CHATTS⟧] {first2}: mejor Bizum, o escríbeme a ⟦H15EM⟧",
    ],
    "nl-NL": [
        "Onderwerp: dubbele afschrijving\n\nGeachte heer/mevrouw,\n\nOp ⟦~H15DNL⟧ is ⟦~H15AMTNL⟧ euro twee keer afgeschreven van ⟦H15IBAN⟧. Wilt u het terugboeken? Telefoon ⟦H15PH⟧, e-mail ⟦H15EM⟧.\n\nMet vriendelijke groet,\n{first} {last}",
        "{org} Tandartsen: herinnering afspraak ⟦~H15DNL⟧ om ⟦~H15HHMM⟧. Verzetten: ⟦H15URL⟧ of ⟦H15PHN⟧.",
        "INSCHRIJFFORMULIER — Sportschool {org}\nNaam: {first} {last}\nGeboortedatum: ⟦H15DOB⟧\nMobiel ⟦H15PH⟧ · vast ⟦H15PHN⟧ · e-mail ⟦H15EM⟧\nIncasso van ⟦H15IBAN⟧ vanaf ⟦~H15DNL⟧",
        "Met vriendelijke groet,\n\n{first} {last}\nAccountmanager · {org} B.V.\nT ⟦H15PHX⟧ · M ⟦H15PH⟧\nE ⟦H15EM⟧ · W ⟦H15URLP⟧\nKvK ⟦~H15KVK⟧ · donaties aan ons goede doel: ⟦H15BTC⟧",
        "{org} Pakketten: hoi {first}, je pakket ⟦~H15S10⟧ komt ⟦~H15DNL⟧. Volg het op ⟦H15URLS⟧; de bezorger belt ⟦H15PH⟧.",
    ],
    "pt-BR": [
        "Assunto: cobrança indevida\n\nOlá, {org}.\nFoi cobrado R$ ⟦~H15AMTBR⟧ no meu cartão ⟦H15CARD⟧ em ⟦~H15DBR⟧ por um serviço que cancelei. Peço o estorno. Contato: ⟦H15PH⟧ · ⟦H15EM⟧.\n\n{first} {last}",
        "{org} Clínica: lembrete da sua consulta em ⟦~H15DBR⟧ às ⟦~H15HHMM⟧. Remarcar: ⟦H15URL⟧ ou ⟦H15PHN⟧.",
        "FICHA DE CADASTRO — Academia {org}\nAluno: {first} {last} · CPF ⟦~H15CPF⟧ · nascimento ⟦H15DOB⟧\nCelular ⟦H15PH⟧ · fixo ⟦H15PHN⟧ · e-mail ⟦H15EM⟧\nDébito em conta ⟦H15IBAN⟧ a partir de ⟦~H15DBR⟧",
        "[⟦~H15CHATTS⟧] {first}: manda o pix pra dividir o churrasco\n[⟦~H15CHATTS⟧] {first2}: chave é meu celular ⟦H15PH⟧\n[⟦~H15CHATTS⟧] {first}: feito, R$ ⟦~H15AMTBR⟧. O {last} pediu pra ligar no ⟦H15PHN⟧ ou mandar e-mail pra ⟦H15EM⟧\n[⟦~H15CHATTS⟧] {first2}: valeu! meu novo número é ⟦H15PHI⟧",
        "{org} Banco: compra de R$ ⟦~H15AMTBR⟧ aprovada no cartão ⟦H15CARD⟧ em ⟦~H15DBR⟧. Não reconhece? ⟦H15URL⟧ ou ⟦H15PHN⟧.",
    ],
    "tech": [
        '⟦H15IP⟧ - - [⟦~H15CLF⟧] "GET /account/orders HTTP/2.0" 200 ⟦~H15BYTES⟧ "⟦H15URLS⟧" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)"\n⟦H15IP6⟧ - - [⟦~H15CLF⟧] "POST /login HTTP/2.0" 401 ⟦~H15BYTES⟧ "-" "python-requests/⟦~H15SEMVER⟧"',
        '{"resourceType": "Patient", "id": "⟦~H15UUID⟧", "meta": {"versionId": "3"}, "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "⟦H15NHSP⟧"}, {"system": "urn:oid:2.16.840.1.113883.2.1.3.2.4.18.48", "value": "⟦~H15MRN⟧"}], "name": [{"use": "official", "family": "{last}", "given": ["{first}"]}], "telecom": [{"system": "email", "value": "⟦H15EM⟧"}, {"system": "phone", "value": "⟦H15PHE⟧", "use": "home"}], "gender": "female", "birthDate": "⟦H15DOBI⟧"}',
        "MSH|^~\\&|PAS|{org}|RIS|{org}|⟦~H15HL7TS⟧||ADT^A08|⟦~H15MSGCTRL⟧|P|2.4\nEVN|A08|⟦~H15HL7TS⟧\nPID|1||⟦H15NHSP⟧^^^NHS^NH||{last}^{first}^^^Mrs||⟦H15DOBB⟧|F|||||^PRN^PH^^^^^^^^^⟦H15PHE⟧|^NET^X.400^⟦H15EM⟧",
        "⟦~H15TS⟧ gw1 sshd[⟦~H15PID⟧]: Accepted publickey for deploy from ⟦H15IP⟧ port ⟦~H15SRCPORT⟧ ssh2: ED25519 SHA256:⟦~H15SHA7⟧\n⟦~H15TS⟧ gw1 kernel: [⟦~H15HARTIME⟧] e1000e: eth0 NIC Link is Up, peer ⟦H15MAC⟧\n⟦~H15TS⟧ gw1 postfix/smtp[⟦~H15PID⟧]: ⟦~H15HEX16⟧: to=<⟦H15EM⟧>, relay=⟦~H15HOST⟧[⟦H15IP⟧]:25, status=sent",
        'lease ⟦H15IP⟧ {\n  starts 3 ⟦~H15LEASE⟧;\n  binding state active;\n  hardware ethernet ⟦H15MAC⟧;\n  client-hostname "laptop-{first}";\n}\nlease ⟦H15IP⟧ {\n  hardware ethernet ⟦H15MAC⟧;\n  uid "⟦~H15HEX16⟧";\n}',
        "$ arp -n\nAddress                  HWtype  HWaddress           Flags Mask            Iface\n⟦H15IP⟧             ether   ⟦H15MAC⟧   C                     eth0\n⟦H15IP⟧             ether   ⟦H15MAC⟧   C                     eth0\n⟦~H15HOST⟧ (incomplete)                              eth0",
        "BEGIN:VCARD\nVERSION:3.0\nN:{last};{first};;;\nFN:{first} {last}\nORG:{org}\nTEL;TYPE=CELL:⟦H15PHE⟧\nTEL;TYPE=WORK:⟦H15PHE⟧\nEMAIL;TYPE=INTERNET:⟦H15EM⟧\nURL:⟦H15URLS⟧\nBDAY:⟦H15DOBI⟧\nREV:⟦~H15ISOTS⟧\nEND:VCARD",
        "ISA*00*          *00*          *ZZ*{org}CLIN      *ZZ*PAYER          *⟦~H15ISADATE⟧*1200*^*00501*⟦~H15MSGCTRL⟧*0*P*:~\nNM1*85*2*{org} CLINIC*****XX*⟦H15NPIP⟧~\nNM1*82*1*{last}*{first2}****XX*⟦H15NPI⟧~\nNM1*IL*1*{last}*{first}****MI*⟦~H15MEMBER⟧~\nREF*SY*⟦H15SSN⟧~\nDMG*D8*⟦H15DOBB⟧*M~",
        "# .env.production\nALERT_EMAIL=⟦H15EM⟧\nALERT_SMS=⟦H15PHE⟧\nPUBLIC_URL=⟦H15URLS⟧\nTREASURY_ADDRESS=⟦H15ETH⟧\nREDIS_HOST=⟦~H15HOST⟧\nREDIS_PORT=⟦~H15PORT⟧\nIMAGE=⟦~H15DIGEST⟧\nBUILD=⟦~H15SHA⟧",
        "[⟦~H15STAMP⟧] ERROR WorkerSinkTask{id=es-sink-members-0} Task threw an uncaught exception on record at offset ⟦~H15OFFSET⟧: Struct{member_id=⟦~H15UUID⟧,ssn=⟦H15SSN⟧,pcp_npi=⟦H15NPI⟧,email=⟦H15EM⟧,birth_date=⟦H15DOBI⟧} (org.apache.kafka.connect.runtime.WorkerSinkTask:⟦~H15FRAME⟧)",
        '⟦~H15STAMP⟧,⟦~H15FRAME⟧ ERROR payouts.worker: payout failed for user=⟦H15EM⟧ wallet=⟦H15BTC⟧ ip=⟦H15IP⟧\nTraceback (most recent call last):\n  File "/srv/payouts/worker.py", line ⟦~H15FRAME⟧, in send\n    raise PayoutError(job="⟦~H15UUID⟧")\npayouts.errors.PayoutError: node timeout after ⟦~H15LATENCY⟧',
        '{"timestamp": "⟦~H15SURTS⟧", "flow_id": ⟦~H15FLOWID⟧, "event_type": "alert", "src_ip": "⟦H15IP⟧", "src_port": ⟦~H15SRCPORT⟧, "dest_ip": "⟦H15IP⟧", "dest_port": 80, "proto": "TCP", "ether": {"src_mac": "⟦H15MAC⟧", "dest_mac": "⟦H15MAC⟧"}, "alert": {"signature_id": ⟦~H15KOFF⟧, "signature": "ET INFO Suspicious POST to dotted quad"}, "http": {"hostname": "⟦~H15HOST⟧", "http_refer": "⟦H15URLS⟧"}}',
    ],
}

# -- new kinds: document kinds no earlier batch used --------------------------------------------------

NEW15: dict[str, list[str]] = {
    "en-US": [
        "SUMMER CAMP REGISTRATION — Camp {org}, session 2\nCamper: {first2} {last} · date of birth ⟦H15DOB⟧ · cabin ⟦~H15ROOM⟧\nParent/guardian: {first} {last} · cell ⟦H15PH⟧ · work ⟦H15PHX⟧ · ⟦H15EM⟧\nArrival ⟦~H15DUS⟧ · tuition $⟦~H15AMTUS⟧ on card ⟦H15CARD⟧",
        "BAT MITZVAH OF {first2} {last} — guest list, {org} Temple, ⟦~H15DUS⟧\n1. {first} {last} (aunt) · ⟦H15PH⟧ · ⟦H15EM⟧ · table 3\n2. {first2} {last} · ⟦H15PHN⟧ · ⟦H15EM⟧ · table 5\nRSVP page ⟦H15URLS⟧ · kiddush sponsor gift to card ⟦H15CARD⟧",
        "LOTTERY PRIZE CLAIM FORM — {org} State Lottery\nClaimant: {first} {last} · date of birth ⟦H15DOB⟧ · SSN ⟦H15SSN⟧\nTicket serial ⟦~H15LOTTO⟧ · draw ⟦~H15DUS⟧ · prize $⟦~H15AMTUS⟧ · retailer ⟦~H15ACCT⟧\nDaytime phone ⟦H15PHX⟧ · e-mail ⟦H15EM⟧ · ACH routing ⟦~H15ABA⟧",
        "CONCEALED CARRY PERMIT APPLICATION — {org} County Sheriff\nApplicant: {first} {last}, DOB ⟦H15DOB⟧, SSN (voluntary) ⟦H15SSN⟧\nDriver licence ⟦~H15DL⟧ · vehicle plate ⟦~H15PLATEUS⟧ · fingerprints taken ⟦~H15DUS⟧\nPhone ⟦H15PH⟧ · e-mail ⟦H15EM⟧ · fee paid by card ⟦H15CARD⟧",
        "BAIL BOND APPLICATION — {org} Bail Bonds\nDefendant: {first2} {last} · DOB ⟦H15DOB⟧ · SSN ⟦H15SSN⟧ · booking no. ⟦~H15CASE⟧\nIndemnitor: {first} {last} · SSN ⟦H15SSN⟧ · cell ⟦H15PH⟧ · ⟦H15EM⟧\nBond $⟦~H15AMTUS⟧ · court date ⟦~H15DUS⟧ · collateral: bitcoin held at ⟦H15BTC⟧",
        "DURABLE MEDICAL EQUIPMENT ORDER — manual wheelchair (K0001)\nPatient: {first} {last} · DOB ⟦H15DOBI⟧ · Medicare ⟦~H15MBI⟧\nOrdering physician NPI ⟦H15NPIP⟧ · phone ⟦H15PHX⟧ · fax ⟦H15PHN⟧\nSupplier: {org} Medical Supply, NPI ⟦H15NPI⟧ · order date ⟦~H15ISODATE⟧ · claim no. ⟦~H15NPILIKE⟧",
        "SLEEP STUDY ORDER — {org} Sleep Center\nPatient: {first} {last} · DOB ⟦H15DOB⟧ · study: in-lab polysomnography\nOrdering provider NPI ⟦H15NPI⟧ · office ⟦H15PHX⟧\nPatient cell ⟦H15PH⟧ · ⟦H15EM⟧ · scheduled ⟦~H15DUS⟧ · order ⟦~H15CASE⟧",
        "TAX PREPARER INTAKE SHEET — {org} Tax Service, tax year ⟦~H15YEAR⟧\nTaxpayer: {first} {last} · SSN ⟦H15SSN⟧ · DOB ⟦H15DOB⟧\nSpouse: {first2} {last} · SSN ⟦H15SSN⟧\nRefund by direct deposit: routing ⟦~H15ABA⟧, account ⟦~H15ACCT⟧\nPhone ⟦H15PH⟧ · e-mail ⟦H15EM⟧ · appointment ⟦~H15DUS⟧",
        "HOSPICE ELECTION STATEMENT — {org} Hospice\nPatient: {first} {last}, date of birth ⟦H15DOB⟧, Medicare ⟦~H15MBI⟧\nAttending physician: Dr {first2} {last}, NPI ⟦H15NPI⟧ · hospice NPI ⟦H15NPIP⟧\nElection effective ⟦~H15DUS⟧ · family contact ⟦H15PH⟧ · ⟦H15EM⟧",
    ],
    "en-GB": [
        "ROAD TRAFFIC ACCIDENT — DETAILS EXCHANGED\nOther driver: {first} {last} · mobile ⟦H15PH⟧ · e-mail ⟦H15EM⟧\nVehicle ⟦~H15UKPLATE⟧ · insurer {org} · policy ⟦~H15POLICY⟧\nMy vehicle ⟦~H15UKPLATE⟧ · accident on ⟦~H15DGB⟧ at ⟦~H15HHMM⟧, location ⟦~H15COORD⟧ · police ref ⟦~H15CASE⟧",
        "PREMIUM BONDS PRIZE CLAIM — holder's details\nHolder: {first} {last} · date of birth ⟦H15DOB⟧ · holder's number ⟦~H15ACCT⟧\nPrize £⟦~H15AMTGB⟧ in the ⟦~H15MONYEAREN⟧ draw · pay to nominated account ⟦H15IBAN⟧\nPhone ⟦H15PH⟧ · e-mail ⟦H15EM⟧",
        "MATERNITY BOOKING APPOINTMENT — {org} Hospital midwifery\nName: {first} {last} · date of birth ⟦H15DOB⟧ · NHS number ⟦H15NHS⟧\nBooking visit ⟦~H15DGB⟧ at ⟦~H15HHMM⟧ · estimated due date ⟦~H15DGB⟧\nMobile ⟦H15PH⟧ · birth partner {first2} ⟦H15PHN⟧ · ⟦H15EM⟧",
        "FOSTER CARE REFERRAL — {org} Children's Services\nChild 1: {first2} {last}, date of birth ⟦H15DOB⟧, NHS no. ⟦H15NHSP⟧\nChild 2: {first} {last}, date of birth ⟦H15DOB⟧, NHS no. ⟦H15NHS⟧\nSocial worker {first} ⟦H15PHX⟧ · secure e-mail ⟦H15EM⟧ · placement from ⟦~H15DGB⟧ · case ⟦~H15CASE⟧",
        "CRYPTOASSET DISCLOSURE — HMRC voluntary disclosure, tax year ⟦~H15TAXYEAR⟧\nName: {first} {last} · date of birth ⟦H15DOB⟧ · NI number ⟦~H15NINO⟧ · UTR ⟦~H15UTR⟧\nWallets disposed from: ⟦H15BTC⟧ and ⟦H15ETH⟧\nGain £⟦~H15AMTGB⟧ · phone ⟦H15PH⟧ · e-mail ⟦H15EM⟧",
        "PATIENT TRANSPORT BOOKING — {org} non-emergency transport\nPatient: {first} {last} · NHS number ⟦H15NHSP⟧ · DOB ⟦H15DOB⟧\nPick-up ⟦~H15DGB⟧ at ⟦~H15HHMM⟧ for a dialysis session · escort {first2}, ⟦H15PH⟧\nBooking line ⟦H15PHN⟧ · confirmation to ⟦H15EM⟧ · journey ⟦~H15CASE⟧",
        "WHEELCHAIR SERVICE REFERRAL — {org} NHS Trust\nPatient: {first} {last} · DOB ⟦H15DOB⟧ · NHS number ⟦H15NHS⟧\nReferred by GP practice ⟦~H15ODS⟧ on ⟦~H15DGB⟧ · height ⟦~H15HEIGHT⟧\nPatient phone ⟦H15PH⟧ · carer ⟦H15PHN⟧ · ⟦H15EM⟧",
    ],
    "en-IN": [
        "EXAM RESULT NOTICE — {org} Board of Secondary Education\nCandidate: {first} {last} · Date of Birth ⟦H15DOB⟧ · roll no. ⟦~H15ROLLNO⟧\nResult: PASS, total ⟦~H15RESULT⟧ · marks sheet at ⟦H15URLS⟧\nSMS sent to ⟦H15PH⟧ · copy to ⟦H15EM⟧ · declared ⟦~H15DIN⟧",
        "PG HOSTEL ADMISSION — {org} Ladies & Gents PG\nResident: {first} {last} · DOB ⟦H15DOB⟧ · room ⟦~H15ROOM⟧\nLaptop Wi-Fi MAC for registration ⟦H15MAC⟧\nMobile ⟦H15PHI⟧ · guardian ⟦H15PH⟧ · ⟦H15EM⟧ · deposit by card ⟦H15CARD⟧",
        "ROOFTOP SOLAR INSTALLATION — {org} Solar\nConsumer: {first} {last} · electricity consumer no. ⟦~H15CONSUMER⟧\nApplication ⟦~H15CASE⟧ · survey ⟦~H15DIN⟧ · inverter Wi-Fi MAC ⟦H15MAC⟧\nMobile ⟦H15PH⟧ · e-mail ⟦H15EM⟧ · advance paid by card ⟦H15CARD⟧",
        "DTH NEW CONNECTION — {org} Digital TV\nSubscriber: {first} {last} · RMN ⟦H15PH⟧ · alternate ⟦H15PHN⟧\nSet-top box VC no. ⟦~H15CONSUMER⟧ · installation ⟦~H15DIN⟧\nPack paid by card ⟦H15CARD⟧ · bills to ⟦H15EM⟧",
    ],
    "fr-FR": [
        "DÉCLARATION DE NAISSANCE — Mairie de {org}\nEnfant : {first2} {last}, né(e) le ⟦H15DOB⟧\nMère : {first} {last}, née le ⟦H15DOB⟧ · tél. ⟦H15PH⟧\nDéclarant : courriel ⟦H15EM⟧ · déclaration reçue le ⟦~H15DFR⟧",
        "INSCRIPTION À LA CANTINE SCOLAIRE — École {org}\nÉlève : {first2} {last}, né(e) le ⟦H15DOB⟧, classe de CE2\nResponsable légal : {first} {last} · ⟦H15PH⟧ · ⟦H15PHN⟧ · ⟦H15EM⟧\nPrélèvement mensuel sur ⟦H15IBAN⟧ à partir du ⟦~H15DFR⟧",
        "DEMANDE D'AIDE AU LOGEMENT (APL) — CAF de {org}\nAllocataire : {first} {last}, né(e) le ⟦H15DOB⟧ · n° allocataire ⟦~H15ROLLNO⟧\nLoyer ⟦~H15AMTFR⟧ € depuis le ⟦~H15DFR⟧\nVersement sur ⟦H15IBAN⟧ · portable ⟦H15PH⟧ · ⟦H15EM⟧",
        "DEMANDE DE NATURALISATION — Préfecture de {org}\nDemandeur : {first} {last}, né(e) le ⟦H15DOB⟧\nEntrée en France le ⟦~H15DFR⟧ · dossier ⟦~H15CASE⟧ · timbre fiscal payé par carte ⟦H15CARD⟧\nTél. ⟦H15PH⟧ · fixe ⟦H15PHN⟧ · courriel ⟦H15EM⟧",
    ],
    "de-DE": [
        "GLASFASER-INSTALLATIONSTERMIN — {org} Netz\nKunde: {first} {last} · Termin ⟦~H15DDE⟧, ⟦~H15HHMM⟧ Uhr\nRouter-MAC ⟦H15MAC⟧ · Zählernummer ⟦~H15ZAEHLER⟧ · Auftrag ⟦~H15ORDER⟧\nMobil ⟦H15PH⟧ · ⟦H15EM⟧ · Abbuchung von ⟦H15IBAN⟧",
        "ANTRAG AUF KINDERGELD — Familienkasse {org}\nAntragsteller/in: {first} {last}, geboren am ⟦H15DOB⟧ · Steuer-ID ⟦~H15IDNR⟧\nKind: {first2} {last}, geboren am ⟦H15DOB⟧\nAntrag vom ⟦~H15DDE⟧ · Auszahlung auf ⟦H15IBAN⟧ · Telefon ⟦H15PH⟧ · ⟦H15EM⟧",
        "ANMELDUNG ZUR HUNDESTEUER — Stadtkasse {org}\nHalter/in: {first} {last}, Geburtsdatum ⟦H15DOB⟧\nHund: Labrador, gewölft am ⟦~H15PETDOB⟧ · Chip ⟦~H15CHIP⟧ · gehalten seit ⟦~H15DDE⟧\nSEPA-Mandat für ⟦H15IBAN⟧ · ⟦H15PHN⟧ · ⟦H15EM⟧",
        "ANLAGE SO — private Veräußerungsgeschäfte mit Kryptowährungen, ⟦~H15YEAR⟧\nSteuerpflichtige/r: {first} {last} · Steuer-ID ⟦~H15IDNR⟧\nVerkauft aus Wallet ⟦H15BTC⟧ am ⟦~H15DDE⟧ · aus ⟦H15ETH⟧ am ⟦~H15DDE⟧\nErstattung auf ⟦H15IBAN⟧ · Rückfragen ⟦H15PH⟧",
    ],
    "it-IT": [
        "DUPLICATO TESSERA SANITARIA — richiesta\nAssistito/a: {first} {last}, nato/a il ⟦H15DOB⟧ · C.F. ⟦~H15CF⟧\nMotivo: smarrimento · data richiesta ⟦~H15DIT⟧\nCell. ⟦H15PH⟧ · e-mail ⟦H15EM⟧ · PEC ⟦H15EM⟧",
        "ISCRIZIONE AL CENTRO ESTIVO — Comune di {org}\nBambino/a: {first2} {last}, nato/a il ⟦H15DOB⟧\nGenitore: {first} {last} · cell. ⟦H15PH⟧ · tel. ⟦H15PHN⟧ · ⟦H15EM⟧\nTurni dal ⟦~H15DIT⟧ · quota su ⟦H15IBAN⟧",
        "SKIPASS STAGIONALE — {org} Dolomiti Superski\nTitolare: {first} {last}, data di nascita ⟦H15DOB⟧ · KeyCard ⟦~H15CARDLIKE⟧\nValido dal ⟦~H15DIT⟧ · pagato con carta ⟦H15CARD⟧\nCell. ⟦H15PH⟧ · e-mail ⟦H15EM⟧",
        "RICHIESTA DI RIMBORSO BIGLIETTO TRENO — {org} Ferrovie\nViaggiatore: {first} {last} · PNR ⟦~H15PNR⟧ · treno del ⟦~H15DIT⟧ soppresso\nPagato con carta ⟦H15CARD⟧ · rimborso su ⟦H15IBAN⟧\nCell. ⟦H15PH⟧ · e-mail ⟦H15EM⟧",
    ],
    "es-ES": [
        "SOLICITUD DE TARJETA SANITARIA INDIVIDUAL — Centro de Salud {org}\nSolicitante: {first} {last} · fecha de nacimiento ⟦H15DOB⟧ · nº Seguridad Social ⟦~H15NUSS⟧\nMóvil ⟦H15PH⟧ · fijo ⟦H15PHN⟧ · correo ⟦H15EM⟧\nFecha de solicitud ⟦~H15DES⟧",
        "SOLICITUD DEL BONO SOCIAL ELÉCTRICO — {org} Energía\nTitular: {first} {last} · DNI ⟦~H15DNI⟧ · fecha de nacimiento ⟦H15DOB⟧\nCUPS ⟦~H15CUPS⟧ · domiciliación ⟦H15IBAN⟧\nMóvil ⟦H15PH⟧ · ⟦H15EM⟧",
        "MODELO 721 — declaración de monedas virtuales situadas en el extranjero\nDeclarante: {first} {last} · NIF ⟦~H15DNI⟧ · fecha de nacimiento ⟦H15DOB⟧\nClave BTC: dirección ⟦H15BTC⟧ · clave ETH: dirección ⟦H15ETH⟧ · saldo a 31/12: ⟦~H15QTY⟧\nCuenta de devolución ⟦H15IBAN⟧ · ⟦H15EM⟧",
        "CITA PREVIA — INSPECCIÓN TÉCNICA DE VEHÍCULOS, estación {org}\nTitular: {first} {last} · matrícula ⟦~H15MATES⟧ · cita ⟦~H15DES⟧ a las ⟦~H15HHMM⟧\nMóvil ⟦H15PH⟧ · correo ⟦H15EM⟧ · pago con tarjeta ⟦H15CARD⟧",
    ],
    "nl-NL": [
        "INSTALLATIE ZONNEPANELEN — {org} Solar\nKlant: {first} {last} · installatie op ⟦~H15DNL⟧\nEAN-code aansluiting ⟦~H15EAN18⟧ · omvormer MAC ⟦H15MAC⟧\nMobiel ⟦H15PH⟧ · ⟦H15EM⟧ · aanbetaling met creditcard ⟦H15CARD⟧ · termijnen van ⟦H15IBAN⟧ · offerte ⟦~H15ORDER⟧",
        "AANVRAAG HUURTOESLAG — Dienst Toeslagen\nAanvrager: {first} {last} · geboortedatum ⟦H15DOB⟧ · BSN ⟦~H15BSN⟧\nHuur per maand ⟦~H15AMTNL⟧ euro vanaf ⟦~H15DNL⟧\nUitbetaling op ⟦H15IBAN⟧ · telefoon ⟦H15PH⟧ · ⟦H15EM⟧",
        "AANMELDING PLEEGZORG — {org} Jeugdzorg\nKind: {first2} {last}, geboortedatum ⟦H15DOB⟧ · BSN ⟦~H15BSN⟧\nPleegouder: {first} {last}, geboortedatum ⟦H15DOB⟧\nTelefoon ⟦H15PH⟧ · e-mail ⟦H15EM⟧ · vergoeding naar ⟦H15IBAN⟧",
    ],
    "pt-BR": [
        "INSCRIÇÃO NO ENEM — comprovante\nParticipante: {first} {last} · CPF ⟦~H15CPF⟧ · data de nascimento ⟦H15DOB⟧\nNº de inscrição ⟦~H15LOAN⟧ · taxa paga no cartão ⟦H15CARD⟧\nCelular ⟦H15PH⟧ · e-mail ⟦H15EM⟧ · página do participante ⟦H15URLS⟧",
        "ADESÃO A PLANO ODONTOLÓGICO — {org} Odonto\nBeneficiário(a): {first} {last} · nascimento ⟦H15DOB⟧ · CPF ⟦~H15CPF⟧\nDependente: {first2} {last} · nascimento ⟦H15DOB⟧\nMensalidade no cartão ⟦H15CARD⟧ · celular ⟦H15PH⟧ · ⟦H15EM⟧",
        "RESGATE DE PRÊMIO DE LOTERIA — {org} Loterias\nGanhador(a): {first} {last} · CPF ⟦~H15CPF⟧ · nascimento ⟦H15DOB⟧\nBilhete ⟦~H15LOTTO⟧ · sorteio ⟦~H15DBR⟧ · prêmio R$ ⟦~H15AMTBR⟧\nCrédito na conta ⟦H15IBAN⟧ · celular ⟦H15PH⟧ · ⟦H15EM⟧",
        "RESERVA DO SALÃO DE FESTAS — Condomínio {org}\nMorador(a): {first} {last} · apto ⟦~H15ROOM⟧ · data do evento ⟦~H15DBR⟧\nTaxa de uso no cartão ⟦H15CARD⟧ · celular ⟦H15PH⟧ · fixo ⟦H15PHN⟧ · ⟦H15EM⟧",
    ],
    "tech": [
        '⟦~H15NGINXTS⟧ [error] ⟦~H15PID⟧#⟦~H15PID⟧: *⟦~H15OFFSET⟧ open() "/var/www/{org}/static/avatar.png" failed (2: No such file or directory), client: ⟦H15IP⟧, server: ⟦~H15HOST⟧, request: "GET /static/avatar.png HTTP/1.1", host: "⟦~H15HOST⟧", referrer: "⟦H15URLS⟧"',
        "⟦~H15EPOCH3⟧ ⟦~H15ELAPSED⟧ ⟦H15IP⟧ TCP_MISS/200 ⟦~H15BYTES⟧ GET ⟦H15URLS⟧ - HIER_DIRECT/⟦H15IP⟧ text/html\n⟦~H15EPOCH3⟧ ⟦~H15ELAPSED⟧ ⟦H15IP⟧ TCP_DENIED/403 ⟦~H15BYTES⟧ GET ⟦H15URL⟧ - HIER_NONE/- text/html",
        "[⟦~H15SMBTS⟧,  2] ../../source3/smbd/service.c:1128(make_connection_snum)\n  pc-{first} (ipv4:⟦H15IP⟧:⟦~H15SRCPORT⟧) connect to service profiles initially as user {first} (uid=⟦~H15PID⟧, gid=100) (pid ⟦~H15PID⟧)",
        "{org}-tools (⟦~H15DEBVER⟧) bookworm; urgency=medium\n\n  * Fix crash when the config path is empty (Closes: #⟦~H15KOFF⟧).\n  * Thanks to {first2} {last} <⟦H15EM⟧> for the patch.\n\n -- {first} {last} <⟦H15EM⟧>  ⟦~H15RFC2822⟧",
        "wlan0: STA ⟦H15MAC⟧ IEEE 802.11: associated (aid 3)\nwlan0: STA ⟦H15MAC⟧ RADIUS: starting accounting session ⟦~H15HEX16⟧\nwlan0: CTRL-EVENT-EAP-SUCCESS, session timeout ⟦~H15SECS⟧",
        "⟦~H15EPOCH⟧: New connection from ⟦H15IP⟧:⟦~H15SRCPORT⟧ on port 8883.\n⟦~H15EPOCH⟧: New client connected from ⟦H15IP⟧:⟦~H15SRCPORT⟧ as ⟦~H15MQTTID⟧ (p2, c1, k60, u'{first}').\n⟦~H15EPOCH⟧: Client ⟦~H15MQTTID⟧ disconnected.",
        '{"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": "Metadata", "auditID": "⟦~H15UUID⟧", "stage": "ResponseComplete", "requestURI": "/api/v1/namespaces/payments/secrets", "verb": "list", "user": {"username": "⟦H15EM⟧", "groups": ["system:authenticated"]}, "sourceIPs": ["⟦H15IP⟧"], "userAgent": "kubectl/⟦~H15K8SVER⟧", "responseStatus": {"code": 200}, "requestReceivedTimestamp": "⟦~H15TS⟧"}',
        '{"time": ⟦~H15EPOCHMS⟧, "type": "LOGIN", "realmId": "⟦~H15UUID⟧", "clientId": "clinician-portal", "userId": "⟦~H15UUID⟧", "sessionId": "⟦~H15UUID⟧", "ipAddress": "⟦H15IP⟧", "details": {"auth_method": "openid-connect", "username": "⟦H15EM⟧", "npi": "⟦H15NPIP⟧", "redirect_uri": "⟦H15URLS⟧"}}',
        '{"event_id": "⟦~H15HEX32⟧", "platform": "python", "release": "{org}-web@⟦~H15SEMVER⟧", "sdk": {"name": "sentry.python"}, "user": {"email": "⟦H15EM⟧", "ip_address": "⟦H15IP⟧"}, "request": {"url": "⟦H15URLS⟧", "method": "POST", "data": {"ssn": "⟦H15SSN⟧", "payout_wallet": "⟦H15BTC⟧"}}, "exception": {"values": [{"type": "ValidationError"}]}}',
        '[{"email": "⟦H15EM⟧", "timestamp": ⟦~H15EPOCH⟧, "event": "click", "ip": "⟦H15IP⟧", "url": "⟦H15URLS⟧", "sg_event_id": "⟦~H15SGEVT⟧", "sg_message_id": "⟦~H15SGMSG⟧", "useragent": "Mozilla/5.0"}, {"email": "⟦H15EM⟧", "timestamp": ⟦~H15EPOCH⟧, "event": "delivered", "ip": "⟦H15IP⟧", "sg_event_id": "⟦~H15SGEVT⟧"}]',
        '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn><GrpHdr><MsgId>⟦~H15PAINMSG⟧</MsgId><NbOfTxs>1</NbOfTxs></GrpHdr><PmtInf><Dbtr><Nm>{first} {last}</Nm></Dbtr><DbtrAcct><Id><IBAN>⟦H15IBANC⟧</IBAN></Id></DbtrAcct><DbtrAgt><FinInstnId><BICFI>⟦~H15BIC⟧</BICFI></FinInstnId></DbtrAgt><CdtTrfTxInf><PmtId><EndToEndId>⟦~H15E2E⟧</EndToEndId></PmtId><Amt><InstdAmt Ccy="EUR">⟦~H15AMTGB⟧</InstdAmt></Amt><Cdtr><Nm>{first2} {last}</Nm></Cdtr><CdtrAcct><Id><IBAN>⟦H15IBANC⟧</IBAN></Id></CdtrAcct></CdtTrfTxInf></PmtInf></CstmrCdtTrfInitn></Document>',
        '{"version": "1.1", "host": "⟦~H15HOST⟧", "short_message": "prescription lookup failed for NHS number ⟦H15NHSP⟧", "timestamp": ⟦~H15EPOCH3⟧, "level": 3, "_client_ip": "⟦H15IP⟧", "_user_email": "⟦H15EM⟧", "_request_id": "⟦~H15UUID⟧"}',
    ],
}


REPEATS15 = 5  # documents per template


def _half(templates: dict[str, list[str]], tag: str, rnd: random.Random) -> list[dict]:
    cases = []
    for group, group_templates in templates.items():
        for i, template in enumerate(group_templates):
            for n in range(REPEATS15):
                case = fill(template, rnd, group if group != "tech" else LOCALES[(i + n) % len(LOCALES)])
                case.update(split="heldout15", batch="heldout15", locale=group, template=f"{group}/{tag}/{i}")
                cases.append(case)
    return cases


def build_heldout15() -> list[dict]:
    """Every template of KNOWN15 then NEW15 (per locale, then tech), REPEATS15 documents each, seed SEED15;
    FHIR system URIs labelled after generation by the set's shared function."""
    rnd = random.Random(SEED15)
    cases = _half(KNOWN15, "h15k", rnd) + _half(NEW15, "h15n", rnd)
    return [label_fhir_system_urls(case) for case in cases]


def main() -> None:
    """Counts only: bench/phantom_pii_multilingual_data.py writes the batch into the set (never print spans)."""
    print_batch_counts(build_heldout15(), f"heldout15 (seed {SEED15})", ("h15k", "h15n"))


if __name__ == "__main__":
    main()
