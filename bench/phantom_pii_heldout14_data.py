"""`heldout14`: the fourteenth held-out batch for bench/phantom_pii_multilingual.json, written from the formats'
specifications while heldout13 was being tuned on, without reading servers/phantom/pii.py, pii_fields.py,
redaction.py or docs/phantom.md and without running any detector on it (not even on dev cases). It is
meant to be scored once.

Built by bench/phantom_pii_multilingual_data.py (which imports `build_heldout14` from here, last), seed
SEED14, split and batch "heldout14". Like heldout7..heldout13 it is a fair sample in two halves, told
apart by the template tag so each half can be scored on its own (REPEATS14 documents per template):
- known kinds, `<locale>/h14k/<n>`: the kinds and writing styles the earlier batches used (heldout10's to
  heldout13's new kinds included), sampled in about their proportion in the set: complaint e-mails and
  letters, HR onboarding, club and gym registration forms, patient and staff tables (CSV, markdown), chat
  exports, bank and card alerts, appointment reminders, delivery notices, a referral letter, e-mail
  signatures, a support-call transcript, a crypto withdrawal notice, a prepaid SIM activation, access and
  syslog lines, FHIR Patient JSON, HL7 v2, a `.env` file, a Kafka Connect sink error and a Suricata
  alert, written fresh: new wording, field orders, surrounding text and values;
- new kinds, `<locale>/h14n/<n>`: document kinds no batch (heldout7's to heldout13's new halves
  included) has used, each checked by a marker phrase against every earlier case in
  tests/test_pii_heldout14_set.py: a disability benefits claim, a credit-card dispute form, a
  clinical-trial screening log and a pawn ticket (US); a driving-lesson booking, a home-care visit rota
  and a taxi driver licence application (UK); a university alumni details update and a home blood-test
  kit order (India); a lost-property report and a crèche waiting-list form (France); a Fahrstunden
  booking and a marina berth application (Germany); a first-communion guest list and a passport renewal
  checklist (Italy); a car-insurance telematics onboarding and a home-care visit rota (Spain); an
  egg-donor intake and a disability benefit (WIA) application (Netherlands); a card purchase dispute and
  a locksmith call-out (Brazil); and in the technical group an Azure activity log event, a HubSpot
  contacts CSV export, a Slack audit log entry, an Okta SCIM user payload, Asterisk CDR CSV lines, Kannel
  SMS delivery reports and a FreeSWITCH log.
Each template is filled REPEATS14 times with fresh values; the technical group cycles through the locales.

Values come from heldout5's to heldout13's spec-built generators, registered again here under H14 names
(every H13 name is mirrored as the H14 name with the same generator, as heldout13 mirrored H12), valid by
their specifications (libphonenumber, ISO/IEC 7812 with Luhn, SSA rules, NPI Luhn over 80840, NHS
modulus 11, ISO 13616, Base58Check/bech32/bech32m, EIP-55). The new hard negatives are built below from
their own specifications and checked in tests/test_pii_heldout14_set.py. FHIR `system` URIs are written
as template text and labelled as URLs after generation by the set's shared function
(phantom_pii_multilingual_data.label_fhir_system_urls: an http(s) `Identifier.system` is a URL per FHIR R4;
`urn:oid:` systems are not).

What is and is not an entity follows heldout5's to heldout13's docstrings (a birth date only by its cue
or field, and only a person's, never a pet's; any telephone number with its extension in the span;
punctuation outside spans; `tel:` and `mailto:` schemes outside the span; names and street addresses
unlabelled; personal identifiers of other types are negatives; a bare service host name is not a URL).
Where they are silent:
- A lost-property report's date of loss, a visit rota's visit dates, a screening date, a berth season,
  a lesson date and a first-communion date are not birth dates; a child's birth date on a crèche
  waiting list and a guest's on a guest list (by its cue) are birth dates (a person's).
- A clinical-trial wearable's Bluetooth address (EUI-48) and a telematics dongle's are MAC addresses; the
  trial's screening number, a VIN, an MMSI (nine digits, ITU-R M.585) and a pawn ticket number are
  negatives; the last four digits of an SSN are a negative (not an SSN).
- Asterisk CDR: `src`/`dst`/`clid` numbers are phone numbers; `uniqueid` (epoch.sequence), durations
  and the channel name are negatives. Kannel DLR: the receiver and sender numbers are phones; the SMSC
  message id and the `submit date:`/`done date:` (YYMMDDhhmm, ten digits, phone-shaped) are negatives.
  FreeSWITCH: a SIP URI `sip:+number@host` labels the number alone; the host's IP address is labelled;
  the call UUID is a negative.
- Azure activity log: `caller` (a UPN that is an e-mail address) and `claims.ipaddr`/`httpRequest.
  clientIpAddress` are labelled; `correlationId`, `eventDataId` and the resource id are negatives.
- Slack audit log: `actor.user.email` and `context.ip_address` are labelled; the `U…` user id and the
  `id` are negatives. Okta SCIM: `userName`/`emails[].value` are e-mail addresses, `phoneNumbers[].value`
  phones; the `00u…` id and the `urn:ietf:params:scim:schemas:…` schema URNs are no URLs.
- HubSpot CSV: the `Record ID` (phone-shaped digits) is a negative; `Website URL` is a URL, `IP Address`
  an IP address, a `Date of birth` property a birth date.
- Slack's audit `actor.user.id` is a user id (`U` and ten characters) and Okta's SCIM `id` a user id
  (`00u` and 17 characters): both are registered as their own H14 negatives (H14SLACKUSER, H14OKTAUSER),
  since the mirrored H13SLACKID/H13OKTAID generators also draw channel and app-instance ids.
- An IBAN a person gives for a refund or payout is labelled in any locale, also where IBANs are foreign
  (a UK or Indian applicant's account abroad), as heldout13 did in its visa letter.
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
from phantom_pii_heldout13_data import SEED13  # noqa: E402  (also registers every H13 name)
from phantom_pii_multilingual_data import (  # noqa: E402
    NEGATIVES,
    VALUES,
    digits,
    fill,
    label_fhir_system_urls,
    print_batch_counts,
)

SEED14 = 14014
assert SEED14 != SEED13
UP = string.ascii_uppercase
HEX = "0123456789abcdef"

# heldout13's generators under H14 names (the registries are shared by name across modules: the H14 copies
# leave every H13 entry as it was)
VALUES.update({"H14" + name[3:]: entry for name, entry in list(VALUES.items()) if name.startswith("H13")})
NEGATIVES.update({"H14" + name[3:]: make for name, make in list(NEGATIVES.items()) if name.startswith("H13")})


# -- new hard negatives built from their specifications ----------------------------------------------


def _stamp(rnd: random.Random) -> datetime:
    return datetime(2025, 1, 1) + timedelta(minutes=rnd.randint(0, 700_000))


def _kannel_date(rnd: random.Random) -> str:
    """An SMPP delivery receipt's `submit date:`/`done date:`: YYMMDDhhmm (SMPP 3.4 appendix B), ten digits."""
    return _stamp(rnd).strftime("%y%m%d%H%M")


def _asterisk_uniqueid(rnd: random.Random) -> str:
    """An Asterisk channel uniqueid: Unix seconds, a dot, a sequence number."""
    return f"{int(_stamp(rnd).timestamp())}.{rnd.randint(1, 9_999)}"


def _mmsi(rnd: random.Random) -> str:
    """A ship station MMSI (ITU-R M.585): nine digits, the first three a maritime identification digit 201-775."""
    return str(rnd.randint(201, 775)) + digits(rnd, 6)


NEW_NEGATIVES14 = {
    "H14KANNELTS": _kannel_date,
    "H14CDRUID": _asterisk_uniqueid,
    "H14MMSI": _mmsi,
    # a Slack user id (what an audit entry's actor.user.id holds): `U` and ten upper-case letters and digits
    "H14SLACKUSER": lambda r: "U" + _alnum(r, 10, UP + string.digits),
    # an Okta user id (what SCIM `id` holds for a user): `00u` and 17 letters and digits
    "H14OKTAUSER": lambda r: "00u" + _alnum(r, 17, string.ascii_letters + string.digits),
    "H14HUBID": lambda r: str(r.randint(1_000_000_000, 99_999_999_999)),
    "H14SMSCID": lambda r: _alnum(r, 16, HEX),
    "H14SCREEN": lambda r: f"SCR-{r.randint(100, 999)}-{r.randint(1000, 9999)}",
    "H14PAWN": lambda r: str(r.randint(1_000_000, 9_999_999)),
    "H14SECS": lambda r: str(r.randint(0, 3_600)),
    "H14BERTH": lambda r: f"{r.choice('ABCDEFG')}-{r.randint(1, 120)}",
}

# a new name must not shadow a mirrored H13 generator (that would silently change what the name means); checked
# against the mirrored names, not the registry, so running this module twice in one process (runpy in
# tests/test_bench_modules.py, then the set test's import) finds its own earlier entries and not a clash
MIRRORED14 = {"H14" + name[3:] for name in NEGATIVES if name.startswith("H13")}
assert not set(NEW_NEGATIVES14) & MIRRORED14, sorted(set(NEW_NEGATIVES14) & MIRRORED14)
NEGATIVES.update(NEW_NEGATIVES14)


# -- known kinds: what the earlier batches used, sampled in proportion, written fresh ----------------

KNOWN14: dict[str, list[str]] = {
    "en-US": [
        "Subject: charged after cancelling\n\nHello {org} billing,\n\nMy streaming plan ended on ⟦~H14DUS⟧, yet card ⟦H14CARD⟧ was charged $⟦~H14AMTUS⟧ again (order ⟦~H14ORDER⟧). Please refund it and confirm by e-mail to ⟦H14EM⟧. You can also reach me at ⟦H14PHX⟧ after 5 pm.\n\nRegards,\n{first} {last}",
        "FIRST-DAY FORMS · {org} Warehouse\nEmployee: {last}, {first} (ID ⟦~H14EMPID⟧)\nDate of birth ⟦H14DOB⟧ | SSN ⟦H14SSN⟧\nMobile ⟦H14PH⟧ | home e-mail ⟦H14EM⟧\nFirst shift ⟦~H14DUS⟧ at ⟦~H14HHMM⟧ · mailing ZIP ⟦~H14ZIP⟧",
        'mrn,name,dob,ssn,phone,attending_npi,admitted\n⟦~H14MRN⟧,"{last}, {first}",⟦H14DOBI⟧,⟦H14SSN⟧,⟦H14PHC⟧,⟦H14NPIP⟧,⟦~H14ISODATE⟧\n⟦~H14MRN⟧,"{last}, {first2}",⟦H14DOBI⟧,,⟦H14PHC⟧,⟦H14NPI⟧,⟦~H14ISODATE⟧',
        "{org} Bank alert: a $⟦~H14AMTUS⟧ purchase on card ⟦H14CARD⟧ was declined on ⟦~H14DUS⟧. Not you? Lock the card at ⟦H14URL⟧ or call ⟦H14PHN⟧. Ref ⟦~H14CASE⟧.",
    ],
    "en-GB": [
        "Dear Colleague,\n\n{first} {last} (date of birth ⟦H14DOB⟧, NHS number ⟦H14NHS⟧) attended our falls clinic on ⟦~H14DGB⟧. Please review her medication. She prefers calls on ⟦H14PH⟧ and letters by e-mail to ⟦H14EM⟧. Our reference ⟦~H14NHSLIKE⟧.\n\nYours sincerely,\nDr {first2} {last}, {org} Hospital",
        "{org} Couriers: hi {first}, we tried to deliver parcel ⟦~H14S10⟧ on ⟦~H14DGB⟧. Rebook at ⟦H14URL⟧, text the driver on ⟦H14PH⟧, ring the depot on ⟦H14PHN⟧ or e-mail ⟦H14EM⟧.",
        "| Ward | Patient | Born | NHS no. | Next of kin |\n|---|---|---|---|---|\n| 7B | {first} {last} | ⟦H14DOB⟧ | ⟦H14NHS⟧ | ⟦H14PHN⟧ |\n| 7B | {first2} {last} | ⟦H14DOB⟧ | ⟦H14NHSP⟧ | ⟦H14PH⟧ |",
    ],
    "en-IN": [
        "Dear Customer, Rs ⟦~H14AMTIN⟧ spent on {org} Bank card ⟦H14CARD⟧ at {org} Mart on ⟦~H14DIN⟧. Not you? SMS BLOCK to ⟦H14PH⟧ or write to ⟦H14EM⟧. Ref ⟦~H14UTR⟧",
        "Executive: Good evening, {org} Insurance. Can I get the policyholder's date of birth?\nCustomer: ⟦H14DOB⟧.\nExecutive: And a mobile number for the OTP?\nCustomer: ⟦H14PHI⟧. And the claim should be paid to my account abroad, IBAN ⟦H14IBAN⟧.\nExecutive: Noted. Ticket ⟦~H14CASE⟧ is open and the copy goes to ⟦H14EM⟧.",
    ],
    "fr-FR": [
        "FICHE D'ADHÉSION — Club de judo {org}\nNom, prénom : {last} {first}\nNé(e) le : ⟦H14DOB⟧\nTél. portable : ⟦H14PH⟧ · fixe : ⟦H14PHN⟧\nAdresse électronique : ⟦H14EM⟧\nCotisation prélevée sur ⟦H14IBAN⟧ dès le ⟦~H14DFR⟧\nPlanning des cours : ⟦H14URLS⟧",
        "Madame, Monsieur,\n\nMalgré ma lettre du ⟦~H14DFR⟧, la mutuelle {org} continue de prélever ⟦~H14AMTFR⟧ € sur ⟦H14IBAN⟧. Merci de régulariser et de me répondre par courriel (⟦H14EM⟧) ou par téléphone au ⟦H14PH⟧.\n\n{first} {last}\nN° adhérent ⟦~H14ACCT⟧",
    ],
    "de-DE": [
        "{org} Wallet — Abhebung bestätigt\nHallo {first}, am ⟦~H14DDE⟧ wurden 0,012 BTC an ⟦H14BTC⟧ gesendet (TxID ⟦~H14TXID⟧).\nAnmeldung von IP ⟦H14IP⟧. Nicht Sie? ⟦H14PHI⟧ oder ⟦H14EM⟧.",
        "Mit freundlichen Grüßen\n\n{first} {last}\nVertrieb · {org} GmbH\nTel. ⟦H14PHX⟧ · Mobil ⟦H14PH⟧\nMail ⟦H14EM⟧ · Web ⟦H14URLP⟧\nUSt-IdNr. ⟦~H14USTID⟧",
    ],
    "it-IT": [
        "{org} Poliambulatorio: gentile {first}, confermiamo l'ecografia del ⟦~H14DIT⟧ ore ⟦~H14HHMM⟧. Per spostarla: ⟦H14URL⟧ oppure ⟦H14PHX⟧. Il referto arriverà a ⟦H14EM⟧.",
        "ISCRIZIONE CORSO DI NUOTO — Piscina {org}\nIscritto/a: {first} {last}, nato/a il ⟦H14DOB⟧, C.F. ⟦~H14CF⟧\nCellulare ⟦H14PH⟧ · telefono ⟦H14PHN⟧ · e-mail ⟦H14EM⟧\nQuota addebitata su ⟦H14IBAN⟧ dal ⟦~H14DIT⟧",
    ],
    "es-ES": [
        "[⟦~H14CHATTS⟧] {first}: ¿quién adelanta lo del alquiler de la casa rural?\n[⟦~H14CHATTS⟧] {first2}: yo, pasadme a ⟦H14IBAN⟧\n[⟦~H14CHATTS⟧] {first}: te hago Bizum al ⟦H14PH⟧ o en BTC a ⟦H14BTC⟧\n[⟦~H14CHATTS⟧] {first2}: Bizum mejor, ref ⟦~H14CASE⟧",
        "ALTA DE SOCIO — Club de Pádel {org}\nNombre: {first} {last} · DNI ⟦~H14DNI⟧\nFecha de nacimiento ⟦H14DOB⟧\nMóvil ⟦H14PH⟧ · fijo ⟦H14PHN⟧ · correo ⟦H14EM⟧\nCuota domiciliada en ⟦H14IBAN⟧ desde el ⟦~H14DES⟧",
    ],
    "nl-NL": [
        "Geachte heer/mevrouw,\n\nDe energierekening van ⟦~H14DNL⟧ is twee keer geïncasseerd van ⟦H14IBAN⟧ (⟦~H14AMTNL⟧ euro). Graag het teveel terugstorten. Bereikbaar via ⟦H14PH⟧ of ⟦H14EM⟧.\n\nMet vriendelijke groet,\n{first} {last}, klantnr. ⟦~H14ACCT⟧",
        "{org} Fysiotherapie: beste {first}, uw behandeling is op ⟦~H14DNL⟧ om ⟦~H14HHMM⟧. Afzeggen via ⟦H14URL⟧ of ⟦H14PHX⟧. Eigen bijdrage betaald met ⟦H14CARD⟧.",
    ],
    "pt-BR": [
        "Chip pré-pago {org} ativado\nTitular: {first} {last} · CPF ⟦~H14CPF⟧ · nascimento ⟦H14DOB⟧\nLinha ⟦H14PH⟧ · ICCID ⟦~H14ICCID⟧\nRecarga automática no cartão ⟦H14CARD⟧ · comprovantes para ⟦H14EM⟧",
        "Prezados da {org},\nfiz o pedido ⟦~H14ORDER⟧ em ⟦~H14DBR⟧, paguei com o cartão ⟦H14CARD⟧ e recebi o produto errado. Quero o estorno ou a devolução na conta ⟦H14IBAN⟧. Falem comigo no ⟦H14PH⟧ ou em ⟦H14EM⟧.\nAtt.,\n{first} {last}",
    ],
    "tech": [
        '⟦H14IP⟧ - - [⟦~H14CLF⟧] "GET /reset?token=⟦~H14HEX16⟧ HTTP/1.1" 302 0 "⟦H14URLS⟧" "Mozilla/5.0 (X11; Linux x86_64)"\n⟦H14IP6⟧ - - [⟦~H14CLF⟧] "GET /favicon.ico HTTP/1.1" 404 ⟦~H14BYTES⟧ "-" "curl/⟦~H14SEMVER⟧"\n⟦H14IP⟧ - - [⟦~H14CLF⟧] "POST /api/session HTTP/1.1" 201 ⟦~H14BYTES⟧ "-" "okhttp/4.12.0"',
        '{"resourceType": "Patient", "id": "⟦~H14UUID⟧", "identifier": [{"system": "urn:oid:2.16.840.1.113883.2.1.4.1", "value": "⟦~H14MRN⟧"}, {"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "⟦H14NHS⟧"}], "name": [{"family": "{last}", "given": ["{first}"]}], "telecom": [{"system": "phone", "value": "⟦H14PHE⟧", "use": "mobile"}, {"system": "email", "value": "⟦H14EM⟧"}], "birthDate": "⟦H14DOBI⟧"}',
        "MSH|^~\\&|EPR|{org}|LAB|{org}|⟦~H14HL7TS⟧||ADT^A04|⟦~H14MSGCTRL⟧|P|2.5\nPID|1||⟦H14NHSP⟧^^^NHS^NH~⟦~H14MRN⟧^^^PAS^MR||{last}^{first}||⟦H14DOBB⟧|F|||||^PRN^CP^^^^^^^^^⟦H14PHE⟧~^NET^Internet^⟦H14EM⟧",
        "⟦~H14TS⟧ edge2 dnsmasq-dhcp[⟦~H14PID⟧]: DHCPREQUEST(eth1) ⟦H14IP⟧ ⟦H14MAC⟧\n⟦~H14TS⟧ edge2 dnsmasq-dhcp[⟦~H14PID⟧]: DHCPACK(eth1) ⟦H14IP⟧ ⟦H14MAC⟧ tablet-{first}\n⟦~H14TS⟧ edge2 sshd[⟦~H14PID⟧]: Failed password for admin from ⟦H14IP⟧ port ⟦~H14SRCPORT⟧ ssh2\n⟦~H14TS⟧ edge2 postfix/qmgr[⟦~H14PID⟧]: ⟦~H14HEX16⟧: from=<⟦H14EM⟧>, size=⟦~H14BYTES⟧, nrcpt=1 (queue active)",
        "# staging.env\nSUPPORT_EMAIL=⟦H14EM⟧\nOPS_PAGER=⟦H14PHE⟧\nOPS_PAGER_BACKUP=⟦H14PHE⟧\nWEBHOOK_URL=⟦H14URLS⟧\nDONATION_WALLET=⟦H14ETH⟧\nDB_HOST=⟦~H14HOST⟧\nDB_PORT=⟦~H14PORT⟧\nBASE_IMAGE=⟦~H14DIGEST⟧",
        "[⟦~H14STAMP⟧] ERROR WorkerSinkTask{id=jdbc-sink-claims-2} Failed to write record in 'claims.raw' partition 0 at offset ⟦~H14OFFSET⟧: Struct{claim_id=⟦~H14UUID⟧,subscriber_ssn=⟦H14SSN⟧,billing_npi=⟦H14NPIP⟧,subscriber_email=⟦H14EM⟧,dob=⟦H14DOBI⟧} (org.apache.kafka.connect.runtime.WorkerSinkTask:⟦~H14FRAME⟧)",
        '{"timestamp": "⟦~H14SURTS⟧", "flow_id": ⟦~H14FLOWID⟧, "in_iface": "eth0", "event_type": "alert", "src_ip": "⟦H14IP⟧", "src_port": ⟦~H14SRCPORT⟧, "dest_ip": "⟦H14IP⟧", "ether": {"src_mac": "⟦H14MAC⟧"}, "alert": {"signature_id": ⟦~H14KOFF⟧, "signature": "ET POLICY outbound plain HTTP"}, "http": {"hostname": "⟦~H14HOST⟧", "url": "/upload", "http_refer": "⟦H14URLS⟧"}}',
    ],
}

# -- new kinds: document kinds no earlier batch used --------------------------------------------------

NEW14: dict[str, list[str]] = {
    "en-US": [
        "DISABILITY BENEFITS CLAIM — {org} State Disability Office\nClaimant: {first} {last} · date of birth ⟦H14DOB⟧ · SSN ⟦H14SSN⟧\nSpouse: {first2} {last} · spouse's SSN ⟦H14SSN⟧\nLast day worked ⟦~H14DUS⟧ · treating physician NPI ⟦H14NPIP⟧\nDaytime phone ⟦H14PHX⟧ · e-mail ⟦H14EM⟧ · claim ⟦~H14CASE⟧",
        "CARDHOLDER DISPUTE FORM — {org} Card Services\nCardholder: {first} {last} · card ⟦H14CARD⟧ · SSN for verification ⟦H14SSN⟧\nDisputed charge of $⟦~H14AMTUS⟧ on ⟦~H14DUS⟧: the merchant sold 'crypto recovery', funds sent on to ⟦H14BTC⟧\nReason: goods not received · contact ⟦H14PH⟧ · ⟦H14EM⟧",
        "CLINICAL TRIAL SCREENING LOG — study {org}-301, site 04\nscreening_no | initials | date_of_birth | referring_npi | wearable_bt | screened | phone\n⟦~H14SCREEN⟧ | {first}{last} | ⟦H14DOBI⟧ | ⟦H14NPI⟧ | ⟦H14MAC⟧ | ⟦~H14ISODATE⟧ | ⟦H14PHC⟧\n⟦~H14SCREEN⟧ | {first2}{last} | ⟦H14DOBI⟧ | ⟦H14NPIP⟧ | ⟦H14MAC⟧ | ⟦~H14ISODATE⟧ | ⟦H14PHC⟧",
        "PAWN TICKET No. ⟦~H14PAWN⟧ — {org} Pawn & Loan\nPledgor: {first} {last}, DOB ⟦H14DOB⟧, ID last four ⟦~H14LAST4⟧\nItem: 14k ring · loan $⟦~H14AMTUS⟧ · pledged ⟦~H14DUS⟧ · redeem by ⟦~H14DUS⟧\nText reminders to ⟦H14PH⟧ · receipt to ⟦H14EM⟧",
    ],
    "en-GB": [
        "DRIVING LESSON BOOKING — {org} School of Motoring\nPupil: {first} {last}, date of birth ⟦H14DOB⟧ (provisional licence holder)\nLessons: ⟦~H14DGB⟧ and ⟦~H14DGB⟧ at ⟦~H14HHMM⟧ · pick-up from home\nPupil mobile ⟦H14PH⟧ · e-mail ⟦H14EM⟧ · block of 10 paid by card ⟦H14CARD⟧",
        "HOME CARE VISIT ROTA — {org} Care, week of ⟦~H14DGB⟧\nClient | DOB | NHS no. | Visits | Key safe\n{first} {last} | ⟦H14DOB⟧ | ⟦H14NHS⟧ | 08:00, 13:00, 19:30 | on request\n{first2} {last} | ⟦H14DOB⟧ | ⟦H14NHSP⟧ | 09:00, 18:00 | on request\nOn-call coordinator ⟦H14PHX⟧ · rota changes to ⟦H14EM⟧",
        "TAXI DRIVER LICENCE APPLICATION — {org} Council Licensing\nApplicant: {first} {last} · date of birth ⟦H14DOB⟧ · NI number ⟦~H14NINO⟧\nGroup 2 medical by GP, patient NHS number ⟦H14NHS⟧\nMobile ⟦H14PH⟧ · e-mail ⟦H14EM⟧ · fee paid on ⟦~H14DGB⟧, refunded if refused to ⟦H14IBAN⟧",
    ],
    "en-IN": [
        "ALUMNI DETAILS UPDATE — {org} Institute of Technology, batch of 2014\nName: {first} {last} · Date of Birth ⟦H14DOB⟧ · roll no. ⟦~H14EMPID⟧\nMobile ⟦H14PHI⟧ · e-mail ⟦H14EM⟧ · profile ⟦H14URLS⟧\nReunion registration on ⟦~H14DIN⟧",
        "HOME BLOOD TEST KIT ORDER — {org} Diagnostics\nPatient: {first} {last}, DOB ⟦H14DOB⟧ · panel: lipid, HbA1c\nSample pickup ⟦~H14DIN⟧ ⟦~H14HHMM⟧ · order ⟦~H14ORDER⟧\nMobile ⟦H14PH⟧ · reports to ⟦H14EM⟧",
    ],
    "fr-FR": [
        "DÉCLARATION DE PERTE — Service des objets trouvés de {org}\nDéclarant : {first} {last}, né(e) le ⟦H14DOB⟧\nObjet : portefeuille matériel (clé crypto), adresse de réception ⟦H14BTC⟧\nPerdu le ⟦~H14DFR⟧ vers ⟦~H14HHMM⟧, ligne 4\nJoignable au ⟦H14PH⟧ · ⟦H14EM⟧ · suivi : ⟦H14URLS⟧",
        "LISTE D'ATTENTE CRÈCHE — Multi-accueil {org}\nEnfant : {first2} {last}, date de naissance ⟦H14DOB⟧\nParent : {first} {last} · portable ⟦H14PH⟧ · courriel ⟦H14EM⟧\nEntrée souhaitée le ⟦~H14DFR⟧ · inscription le ⟦~H14DFR⟧\nPortail familles : ⟦H14URL⟧",
    ],
    "de-DE": [
        "FAHRSTUNDEN-BUCHUNG — Fahrschule {org}\nFahrschüler/in: {first} {last}, geb. ⟦H14DOB⟧\nSonderfahrten am ⟦~H14DDE⟧ und ⟦~H14DDE⟧, je ⟦~H14HHMM⟧ Uhr\nHandy ⟦H14PH⟧ · E-Mail ⟦H14EM⟧ · Abbuchung von ⟦H14IBAN⟧",
        "LIEGEPLATZANTRAG — Yachthafen {org}\nEigner: {first} {last}, Geburtsdatum ⟦H14DOB⟧\nBoot: Segelyacht, MMSI ⟦~H14MMSI⟧ · Liegeplatz ⟦~H14BERTH⟧ · Saison ab ⟦~H14DDE⟧\nTelefon ⟦H14PHN⟧ · Mobil ⟦H14PH⟧ · ⟦H14EM⟧\nLiegegeld per Karte ⟦H14CARD⟧",
    ],
    "it-IT": [
        "INVITATI PRIMA COMUNIONE di {first2} — {org}, ⟦~H14DIT⟧\n1. {first} {last} (padrino), data di nascita ⟦H14DOB⟧, cell. ⟦H14PH⟧\n2. {first2} {last}, e-mail ⟦H14EM⟧\nQuota pranzo al ristorante su ⟦H14IBAN⟧ · foto su ⟦H14URLS⟧",
        "PROMEMORIA RINNOVO PASSAPORTO — Questura di {org}\nRichiedente: {first} {last}, nato/a il ⟦H14DOB⟧, C.F. ⟦~H14CF⟧\nAppuntamento ⟦~H14DIT⟧ ore ⟦~H14HHMM⟧ · portare 2 foto, vecchio passaporto\nContributo pagato con carta ⟦H14CARD⟧\nAvvisi al ⟦H14PH⟧ · ⟦H14EM⟧",
    ],
    "es-ES": [
        "ALTA EN SEGURO TELEMÁTICO — {org} Seguros\nTomador: {first} {last}, fecha de nacimiento ⟦H14DOB⟧, DNI ⟦~H14DNI⟧\nVehículo VIN ⟦~H14VIN⟧ · dispositivo OBD con Bluetooth ⟦H14MAC⟧\nMóvil ⟦H14PH⟧ · correo ⟦H14EM⟧ · app ⟦H14URLS⟧\nPrima domiciliada en ⟦H14IBAN⟧ desde el ⟦~H14DES⟧",
        "CUADRANTE DE VISITAS DE AYUDA A DOMICILIO — {org}\nUsuario/a: {first} {last}, nacido/a el ⟦H14DOB⟧\nVisitas: ⟦~H14DES⟧ y ⟦~H14DES⟧ a las ⟦~H14HHMM⟧\nFamiliar de contacto: {first2}, ⟦H14PH⟧ · fijo ⟦H14PHN⟧ · ⟦H14EM⟧\nCopago con tarjeta ⟦H14CARD⟧",
    ],
    "nl-NL": [
        "INTAKE EICELDONATIE — Fertiliteitskliniek {org}\nDonor: {first} {last}, geboortedatum ⟦H14DOB⟧\nIntakegesprek ⟦~H14DNL⟧ om ⟦~H14HHMM⟧\nTelefoon ⟦H14PH⟧ · e-mail ⟦H14EM⟧\nOnkostenvergoeding naar ⟦H14IBAN⟧",
        "AANVRAAG WIA-UITKERING — {org} Uitvoeringsinstituut\nAanvrager: {first} {last}, geboortedatum ⟦H14DOB⟧\nEerste ziektedag ⟦~H14DNL⟧ · bedrijfsarts {first2}, ⟦H14PHX⟧\nUitbetaling op ⟦H14IBAN⟧ · mobiel ⟦H14PH⟧ · ⟦H14EM⟧ · status ⟦H14URL⟧",
    ],
    "pt-BR": [
        "CONTESTAÇÃO DE COMPRA NO CARTÃO — {org} Banco\nTitular: {first} {last}, CPF ⟦~H14CPF⟧, nascimento ⟦H14DOB⟧\nCartão ⟦H14CARD⟧ · compra de R$ ⟦~H14AMTBR⟧ em ⟦~H14DBR⟧ não reconhecida\nCrédito provisório na conta ⟦H14IBAN⟧ · acompanhe em ⟦H14URLS⟧\nCelular ⟦H14PH⟧ · e-mail ⟦H14EM⟧",
        "CHAMADO DE CHAVEIRO 24H — {org} Chaves\nCliente: {first} {last} · porta trancada, chave quebrada\nAtendimento ⟦~H14DBR⟧ às ⟦~H14HHMM⟧ · orçamento ⟦~H14ORDER⟧ de R$ ⟦~H14AMTBR⟧\nWhatsApp ⟦H14PH⟧ · nota fiscal para ⟦H14EM⟧\nPago no cartão ⟦H14CARD⟧",
    ],
    "tech": [
        '{"caller": "⟦H14EM⟧", "correlationId": "⟦~H14UUID⟧", "eventDataId": "⟦~H14UUID⟧", "eventTimestamp": "⟦~H14ISOTS⟧", "operationName": {"value": "Microsoft.Storage/storageAccounts/listKeys/action"}, "claims": {"ipaddr": "⟦H14IP⟧", "name": "{first} {last}"}, "httpRequest": {"clientIpAddress": "⟦H14IP⟧", "method": "POST"}, "level": "Informational", "status": {"value": "Succeeded"}}',
        '"Record ID","First Name","Last Name","Email","Phone Number","Date of birth","Website URL","IP Address","Crypto payout wallet","Create Date"\n"⟦~H14HUBID⟧","{first}","{last}","⟦H14EM⟧","⟦H14PHE⟧","⟦H14DOBI⟧","⟦H14URLS⟧","⟦H14IP⟧","⟦H14ETH⟧","⟦~H14STAMP⟧"\n"⟦~H14HUBID⟧","{first2}","{last}","⟦H14EM⟧","","","","","","⟦~H14STAMP⟧"',
        '{"entries": [{"id": "⟦~H14UUID⟧", "date_create": ⟦~H14EPOCH⟧, "action": "user_login", "actor": {"type": "user", "user": {"id": "⟦~H14SLACKUSER⟧", "name": "{first} {last}", "email": "⟦H14EM⟧"}}, "context": {"ip_address": "⟦H14IP⟧", "ua": "Slack/4.41 (Macintosh)", "location": {"type": "workspace", "domain": "{org}-team"}}}]}',
        '{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:nhs:2.0:User"], "id": "⟦~H14OKTAUSER⟧", "userName": "⟦H14EM⟧", "name": {"givenName": "{first}", "familyName": "{last}"}, "emails": [{"value": "⟦H14EM⟧", "primary": true}], "phoneNumbers": [{"value": "⟦H14PHE⟧", "type": "mobile"}], "urn:ietf:params:scim:schemas:extension:nhs:2.0:User": {"nhsNumber": "⟦H14NHSP⟧"}}',
        '"","⟦H14PHE⟧","⟦H14PHE⟧","from-pstn","\\"{first} {last}\\" <⟦H14PHE⟧>","PJSIP/trunk-0000⟦~H14HEX16⟧","","Dial","PJSIP/⟦H14PHE⟧@trunk","⟦~H14STAMP⟧","⟦~H14STAMP⟧","⟦~H14STAMP⟧",⟦~H14SECS⟧,⟦~H14SECS⟧,"ANSWERED","DOCUMENTATION","⟦~H14CDRUID⟧",""',
        "⟦~H14STAMP⟧ [SMS] DLR[smsc-main] SMS from ⟦H14PHE⟧ to ⟦H14PHE⟧ msgid ⟦~H14SMSCID⟧ state 1\n⟦~H14STAMP⟧ [DLR] id:⟦~H14SMSCID⟧ sub:001 dlvrd:001 submit date:⟦~H14KANNELTS⟧ done date:⟦~H14KANNELTS⟧ stat:DELIVRD err:000 text:Your {org} code is",
        "⟦~H14STAMP⟧.512804 [NOTICE] switch_channel.c:1104 New Channel sofia/external/sip:⟦H14PHE⟧@⟦H14IP⟧ [⟦~H14UUID⟧]\n⟦~H14STAMP⟧.614002 [INFO] mod_dptools.c:3405 Voicemail for {first} {last} sent to ⟦H14EM⟧\n⟦~H14STAMP⟧.701377 [NOTICE] sofia.c:8736 Hangup sofia/external/sip:⟦H14PHE⟧@⟦H14IP⟧ [CS_EXECUTE] [NORMAL_CLEARING]",
    ],
}


REPEATS14 = 9  # documents per template


def _half(templates: dict[str, list[str]], tag: str, rnd: random.Random) -> list[dict]:
    cases = []
    for group, group_templates in templates.items():
        for i, template in enumerate(group_templates):
            for n in range(REPEATS14):
                case = fill(template, rnd, group if group != "tech" else LOCALES[(i + n) % len(LOCALES)])
                case.update(split="heldout14", batch="heldout14", locale=group, template=f"{group}/{tag}/{i}")
                cases.append(case)
    return cases


def build_heldout14() -> list[dict]:
    """Every template of KNOWN14 then NEW14 (per locale, then tech), REPEATS14 documents each, seed SEED14;
    FHIR system URIs labelled after generation by the set's shared function."""
    rnd = random.Random(SEED14)
    cases = _half(KNOWN14, "h14k", rnd) + _half(NEW14, "h14n", rnd)
    return [label_fhir_system_urls(case) for case in cases]


def main() -> None:
    """Counts only: bench/phantom_pii_multilingual_data.py writes the batch into the set (never print spans)."""
    print_batch_counts(build_heldout14(), f"heldout14 (seed {SEED14})", ("h14k", "h14n"))


if __name__ == "__main__":
    main()
