"""`dev5`: dev cases for the structured formats heldout4 exposed, written by the helper that fixes the
detector for them (so they are tuning data, `split` = `dev`, never a held-out figure).

Built by bench/phantom_pii_multilingual_data.py (which imports `build_dev5` from here), own seed, after
every earlier batch, so the cases before it stay byte-identical. Each format is written from its
specification, not from heldout4's documents:
- vCard 2.1 / 3.0 / 4.0 (RFC 2426, RFC 6350): TEL with 2.1's bare parameters, 3.0's TYPE= lists and
  4.0's `VALUE=uri:tel:` form (RFC 3966), BDAY as a date, a basic-format date and with VALUE=date;
- HL7 v2.x: PID-7 (date of birth, DTM), PID-13/14 (home/business phone, XTN), PID-19 (SSN), PV1-7/8
  and ORC-12 (XCN: ID number first, assigning authority NPI), MSH-7 and PV1-44 timestamps, MSH-10
  control ids;
- ASC X12 837: NM1 with qualifier XX (NPI) and MI/SY, DMG*D8 (birth date), DTP*472*D8 (service date,
  not a birth date), PER with TE/FX/EM, REF*EI (EIN), ISA/GS control numbers, CLM claim ids;
- FHIR R4 JSON: Patient.birthDate, telecom (system/value), identifier with the official system URIs
  (us-npi, us-ssn, nhs-number) and other systems (MRN) that are not those types;
- tables: markdown (with and without alignment colons), HTML with <th> headers, CSV/TSV/; with
  headers in each locale's language, YAML, .env, XML elements;
- hard negatives cued as what they are: lot/batch, claim, policy, order, invoice, tracking, VAT,
  EIN, SIRET, ISBN, ICCID, IMEI numbers, including ones whose digits also make a valid phone number
  or pass Luhn, and dates in fields that are not birth dates.
"""

from __future__ import annotations

import random
import string
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from phantom_pii_data import card, npi  # noqa: E402
from phantom_pii_heldout4_data import phone4  # noqa: E402  (also registers heldout4's values)
from phantom_pii_multilingual_data import NEGATIVES, VALUES, build_batch, digits, label_fhir_system_urls  # noqa: E402

SEED5 = 1321
D = string.digits


def _e164_uri(rnd: random.Random, locale: str) -> str:
    """A number as RFC 3966 writes a global number: +CC with visual separators '-' or '.'."""
    import phonenumbers

    while True:
        raw = phone4(rnd, locale)
        if "x" in raw or "ext" in raw:
            continue
        region = locale[-2:]
        number = phonenumbers.parse(raw, region)
        formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        return formatted.replace(" ", rnd.choice(["-", "-", "."]))


def _us_compact(rnd: random.Random, locale: str) -> str:
    """X12 PER and HL7 XTN carry a US number as ten bare digits (or (NPA)NXX-XXXX in HL7 2.3)."""
    import phonenumbers

    while True:
        area = rnd.choice(["214", "303", "312", "404", "415", "512", "617", "702", "919"])
        number = f"{area}{rnd.randint(202, 989)}{digits(rnd, 4)}"
        if phonenumbers.is_valid_number(phonenumbers.parse(number, "US")):
            return rnd.choice([number, number, f"({number[:3]}){number[3:6]}-{number[6:]}"])


def _xtn(rnd: random.Random, locale: str) -> str:
    """HL7 v2.3+ XTN components 5-7: country code, area code, local number."""
    number = _us_compact(rnd, locale).replace("(", "").replace(")", "").replace("-", "")
    return f"1^{number[:3]}^{number[3:]}"


def _dob_short(rnd: random.Random, locale: str) -> str:
    """A birth date with a two-digit year, as forms and prescriptions write it."""
    y, m, d = rnd.randint(1935, 1999) % 100, rnd.randint(1, 12), rnd.randint(1, 28)
    return rnd.choice([f"{m:02d}/{d:02d}/{y:02d}", f"{d:02d}.{m:02d}.{y:02d}", f"{d}/{m}/{y:02d}"])


def _dob_compact(rnd: random.Random, locale: str) -> str:
    return f"{rnd.randint(1935, 2008)}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}"


def _dob_iso(rnd: random.Random, locale: str) -> str:
    return f"{rnd.randint(1935, 2008)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"


def _npi5(rnd: random.Random, locale: str) -> str:
    n = npi(rnd)
    return rnd.choice([n, n, f"{n[:5]}-{n[5:]}", f"{n[:5]} {n[5:]}"])


VALUES.update(
    {
        "TELURI": ("PHONE_NUMBER", _e164_uri),
        "USPH": ("PHONE_NUMBER", _us_compact),
        "DOBC": ("DATE_OF_BIRTH", _dob_compact),
        "DOBI": ("DATE_OF_BIRTH", _dob_iso),
        "NPI_D5": ("US_NPI", _npi5),
        "XTN": ("PHONE_NUMBER", _xtn),
        "DOBS": ("DATE_OF_BIRTH", _dob_short),
    }
)


# -- hard negatives -------------------------------------------------------------------------------


def _service_date(rnd: random.Random) -> str:
    return f"{rnd.randint(2021, 2025)}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}"


def _hl7_ts(rnd: random.Random) -> str:
    return f"{_service_date(rnd)}{rnd.randint(0, 23):02d}{rnd.randint(0, 59):02d}{digits(rnd, 2)}"


def _phone_shaped(rnd: random.Random) -> str:
    """A reference number whose digits also make a valid national phone number (the cue says what it is)."""
    while True:  # national forms only: a reference number carries no country code
        number = phone4(rnd, rnd.choice(["en-US", "en-GB", "fr-FR", "de-DE", "it-IT", "es-ES", "nl-NL"]))
        number = number.split(" x")[0].split(" ext")[0]
        if not number.lstrip("(").startswith(("+", "00", "1-")):
            return number


def _luhn16(rnd: random.Random) -> str:
    """A Luhn-valid number in a card issuer's range, cued as something else (a gift/loyalty account)."""
    n = card(rnd, rnd.choice(["4", "51", "6011", "35"]), 16)
    return rnd.choice([n, f"{n[:4]} {n[4:8]} {n[8:12]} {n[12:]}"])


def _vat(rnd: random.Random) -> str:
    return rnd.choice(
        [
            f"DE{digits(rnd, 9)}",
            f"FR{digits(rnd, 2)} {digits(rnd, 9)}",
            f"IT{digits(rnd, 11)}",
            f"ES B{digits(rnd, 8)}",
            f"NL{digits(rnd, 9)}B01",
            f"GB {digits(rnd, 3)} {digits(rnd, 4)} {digits(rnd, 2)}",
        ]
    )


def _claim(rnd: random.Random) -> str:
    return rnd.choice(
        [
            f"{digits(rnd, 3)}-{digits(rnd, 3)}-{digits(rnd, 4)}",
            f"{digits(rnd, 2)} {digits(rnd, 4)} {digits(rnd, 4)}",
            f"{digits(rnd, 4)}/{digits(rnd, 6)}",
            f"{digits(rnd, 10)}",
        ]
    )


def _isbn13(rnd: random.Random) -> str:
    body = "978" + rnd.choice("0123") + digits(rnd, 8)
    check = (10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body)) % 10) % 10
    full = body + str(check)
    return rnd.choice([full, f"{full[:3]}-{full[3]}-{full[4:8]}-{full[8:12]}-{full[12]}"])


def _control(rnd: random.Random) -> str:
    return digits(rnd, 9)


NEGATIVES.update(
    {
        "SVCDATE": _service_date,
        "HL7TS": _hl7_ts,
        "PHONESHAPED": _phone_shaped,
        "LUHN16": _luhn16,
        "VAT": _vat,
        "CLAIM": _claim,
        "ISBN13": _isbn13,
        "CONTROL": _control,
    }
)


# -- the documents ----------------------------------------------------------------------------------

T5: dict[str, list[str]] = {
    "en-US": [
        "BEGIN:VCARD\nVERSION:2.1\nN:{last};{first}\nTEL;CELL;VOICE:⟦PHONE4⟧\nTEL;WORK;FAX:⟦PHONE4⟧\nBDAY:⟦DOBI⟧\nNOTE:Claim no. ⟦~CLAIM⟧\nEND:VCARD",
        "| Member | Date of Birth | Phone | Policy # |\n|:--|:-:|--:|---|\n| {first} {last} | ⟦DOB4⟧ | ⟦PHONE4⟧ | ⟦~PHONESHAPED⟧ |",
        "Rewards member number ⟦~LUHN16⟧: your points are waiting. Questions? Call ⟦PHONE4⟧. Order ⟦~PHONESHAPED⟧ ships ⟦~DATE⟧.",
    ],
    "en-GB": [
        "<table><tr><th>Name</th><th>NHS number</th><th>Date of birth</th><th>Telephone</th></tr>\n<tr><td>{first} {last}</td><td>⟦NHS4⟧</td><td>⟦DOB4⟧</td><td>⟦PHONE4⟧</td></tr></table>",
        "Claim reference ⟦~PHONESHAPED⟧ received ⟦~DATE⟧. Policyholder {first} {last}, DOB ⟦DOB4⟧; we will ring you on ⟦PHONE4⟧. VAT reg ⟦~VAT⟧.",
        "BEGIN:VCARD\nVERSION:3.0\nFN:{first} {last}\nTEL;TYPE=VOICE,HOME:⟦PHONE4⟧\nBDAY;VALUE=date:⟦DOBC⟧\nREV:⟦~HL7TS⟧\nEND:VCARD",
    ],
    "en-IN": [
        "Sr.,Name,DOB,Mobile No.,Invoice No.\n1,{first} {last},⟦DOB4⟧,⟦PHONE4⟧,⟦~CLAIM⟧\n2,{first2} {last},⟦DOB4⟧,⟦PHONE4⟧,⟦~CLAIM⟧",
        "Courier update: tracking no. ⟦~PHONESHAPED⟧, ISBN ⟦~ISBN13⟧ dispatched ⟦~DATE⟧. Contact {first} on ⟦PHONE4⟧ for delivery.",
    ],
    "fr-FR": [
        "| Nom | Date de naissance | Téléphone | N° de dossier |\n| --- | --- | --- | --- |\n| {last} {first} | ⟦DOB4⟧ | ⟦PHONE4⟧ | ⟦~PHONESHAPED⟧ |",
        "BEGIN:VCARD\nVERSION:4.0\nFN:{first} {last}\nTEL;VALUE=uri;TYPE=cell:tel:⟦TELURI⟧\nBDAY:⟦DOBC⟧\nEND:VCARD",
        'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:{first} {last}\r\nTEL;VALUE=uri;TYPE="voice,home":tel:⟦TELURI⟧;ext=12\r\nBDAY;VALUE=date:⟦DOBI⟧\r\nANNIVERSARY:⟦~SVCDATE⟧\r\nEND:VCARD',
        "Facture n° ⟦~CLAIM⟧ — SIRET ⟦~SIRET⟧ — TVA ⟦~VAT⟧. Pour toute question : ⟦PHONE4⟧ ou ⟦EMAIL⟧.",
    ],
    "de-DE": [
        "Name;Geburtsdatum;Telefon;Chargennummer\n{last}, {first};⟦DOB4⟧;⟦PHONE4⟧;⟦~PHONESHAPED⟧",
        "Ihre Bestellung ⟦~PHONESHAPED⟧ vom ⟦~DATE⟧. Rückfragen unter ⟦PHONE4⟧. USt-IdNr. ⟦~VAT⟧, Kundennummer ⟦~LUHN16⟧.",
        "<tr><th>Patient</th><th>Geb.-Datum</th><th>Telefon</th></tr><tr><td>{first} {last}</td><td>⟦DOB4⟧</td><td>⟦PHONE4⟧</td></tr>",
    ],
    "it-IT": [
        "| Cognome | Data di nascita | Telefono | N. polizza |\n|---|---|---|---|\n| {last} | ⟦DOB4⟧ | ⟦PHONE4⟧ | ⟦~PHONESHAPED⟧ |",
        "Numero pratica ⟦~PHONESHAPED⟧ del ⟦~DATE⟧: per informazioni ⟦PHONE4⟧. Partita IVA ⟦~VAT⟧.",
    ],
    "es-ES": [
        "Nombre\tFecha de nacimiento\tTeléfono\tN.º de lote\n{first} {last}\t⟦DOB4⟧\t⟦PHONE4⟧\t⟦~PHONESHAPED⟧",
        "Número de expediente ⟦~PHONESHAPED⟧, factura ⟦~CLAIM⟧. Dudas: ⟦PHONE4⟧. NIF-IVA ⟦~VAT⟧.",
    ],
    "nl-NL": [
        "| Naam | Geboortedatum | Telefoon | Polisnummer |\n|------|------|------|------|\n| {first} {last} | ⟦DOB4⟧ | ⟦PHONE4⟧ | ⟦~PHONESHAPED⟧ |",
        "Factuurnummer ⟦~PHONESHAPED⟧, btw-nummer ⟦~VAT⟧. Vragen? ⟦PHONE4⟧ of ⟦EMAIL⟧.",
    ],
    "pt-BR": [
        "Nome;Data de nascimento;Telefone;Nº do pedido\n{first} {last};⟦DOB4⟧;⟦PHONE4⟧;⟦~PHONESHAPED⟧",
        "Apólice ⟦~PHONESHAPED⟧ emitida em ⟦~DATE⟧. Central de atendimento ⟦PHONE4⟧. Nota fiscal ⟦~CLAIM⟧.",
    ],
}
TECH5 = [
    "MSH|^~\\&|EPIC|HOSP|LAB|HOSP|⟦~HL7TS⟧||ADT^A01|⟦~CONTROL⟧|P|2.5.1\nPID|1||⟦~ACCOUNT⟧^^^HOSP^MR||{last}^{first}^^^^^L||⟦DOBC⟧|M|||||⟦USPH⟧^PRN^PH|⟦USPH⟧^WPN^PH|||||⟦SSN4⟧\nPV1|1|I|W^389^1||||⟦NPI⟧^{last}^{first}^^^^^^NPI|⟦NPI⟧^{last}^{first}||||||||||||||||||||||||||||||||||⟦~HL7TS⟧",
    "ORC|NW|⟦~CONTROL⟧||||||||||⟦NPI⟧^{last}^{first}^^^^^^NPI\nOBR|1|⟦~CONTROL⟧||CBC|||⟦~HL7TS⟧",
    "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*⟦~CONTROL⟧*0*P*:~\nGS*HC*SENDER*RECEIVER*20240101*1200*1*X*005010X222A1~\nNM1*82*1*{last}*{first}****XX*⟦NPI_D5⟧~\nREF*EI*⟦~EIN⟧~\nNM1*IL*1*{last}*{first}****MI*⟦~ACCOUNT⟧~\nDMG*D8*⟦DOBC⟧*M~\nPER*IC*{first}*TE*⟦USPH⟧*FX*⟦USPH⟧~\nCLM*⟦~CONTROL⟧*125***11:B:1~\nDTP*472*D8*⟦~SVCDATE⟧~",
    '{"resourceType": "Patient", "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "⟦NPI⟧"}, {"system": "http://hl7.org/fhir/sid/us-ssn", "value": "⟦SSN4⟧"}, {"system": "urn:oid:2.16.840.1.113883.19.5", "value": "⟦~ACCOUNT⟧"}], "birthDate": "⟦DOBI⟧", "telecom": [{"system": "phone", "value": "⟦PHONE4⟧", "use": "mobile"}], "meta": {"lastUpdated": "⟦~LOGTS⟧"}}',
    '{"resourceType": "Patient", "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "⟦NHS⟧"}], "birthDate": "⟦DOBI⟧", "telecom": [{"value": "⟦PHONE4⟧", "system": "phone"}, {"system": "fax", "value": "⟦PHONE4⟧"}]}',
    "patient:\n  dob: ⟦DOBI⟧\n  phone: '⟦PHONE4⟧'\n  lot_number: '⟦~PHONESHAPED⟧'\n  claim_id: ⟦~CLAIM⟧\n  admitted: ⟦~SVCDATE⟧",
    "<patient><birthDate>⟦DOBI⟧</birthDate><telephone>⟦PHONE4⟧</telephone><orderNumber>⟦~PHONESHAPED⟧</orderNumber><iccid>⟦~ICCID⟧</iccid></patient>",
    "MSH|^~\\&|ADT1|GOOD HEALTH|GHH LAB|ELAB-3|⟦~HL7TS⟧||ADT^A04|⟦~CONTROL⟧|P|2.5\rPID|1||⟦~ACCOUNT⟧^^^GHH^MR||{last}^{first}||⟦DOBC⟧|F|||||^PRN^PH^^⟦XTN⟧|⟦USPH⟧||||⟦~CONTROL⟧|⟦SSN4⟧\rNK1|1|{last}^{first2}|SPO||⟦USPH⟧\rPV1|1|O|||||⟦NPI⟧^{last}^{first}^^^^^^NPI",
    '<Patient xmlns="http://hl7.org/fhir"><identifier><system value="http://hl7.org/fhir/sid/us-npi"/><value value="⟦NPI⟧"/></identifier><identifier><system value="urn:oid:1.2.36.146.595.217.0.1"/><value value="⟦~PHONESHAPED⟧"/></identifier><telecom><system value="phone"/><value value="⟦PHONE4⟧"/></telecom><birthDate value="⟦DOBI⟧"/></Patient>',
    "NM1*IL*1*{last}*{first}****34*⟦SSN4⟧~\nN3*12 MAIN ST~\nDMG*D8*⟦DOBC⟧*F~\nNM1*DN*1*{last}*{first}****XX*⟦NPI⟧~\nREF*EI*⟦~EIN⟧~\nREF*D9*⟦~PHONESHAPED⟧~\nDTP*431*D8*⟦~SVCDATE⟧~",
    "dn: uid={first},ou=people,dc=example,dc=com\ntelephoneNumber: ⟦PHONE4⟧\nmobile: ⟦PHONE4⟧\nemployeeNumber: ⟦~CLAIM⟧\nmail: ⟦EMAIL⟧",
    '"First Name","Last Name","Birthday","Mobile Phone","Business Phone","Notes"\n"{first}","{last}","⟦DOBI⟧","⟦PHONE4⟧","⟦PHONE4⟧","order ⟦~PHONESHAPED⟧, call back on ⟦PHONE4⟧"',
    "Rx: {first} {last}, DOB ⟦DOBS⟧, prescriber NPI ⟦NPI⟧, pharmacy tel ⟦PHONE4⟧, Rx no. ⟦~PHONESHAPED⟧, filled ⟦~DATE⟧",
    "CONTACT_PHONE=⟦PHONE4⟧\nBATCH_ID=⟦~PHONESHAPED⟧\nTRACKING_NUMBER=⟦~PHONESHAPED⟧\nBILLING_EIN=⟦~EIN⟧\nLOYALTY_CARD=⟦~LUHN16⟧",
]


def build_dev5() -> list[dict]:
    return [label_fhir_system_urls(case) for case in build_batch(T5, TECH5, SEED5, "dev", "dev5", "d5")]


def main() -> None:
    cases = build_dev5()
    spans = sum(len(c["spans"]) for c in cases)
    negatives = sum(len(c["negatives"]) for c in cases)
    print(f"dev5: {len(cases)} documents, {spans} labelled spans, {negatives} hard negatives")


if __name__ == "__main__":
    main()
