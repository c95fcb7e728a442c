"""`heldout5`: the fifth held-out batch for bench/phantom_pii_multilingual.json, written from the formats'
specifications while the detector was being tuned on heldout..heldout4, without reading
servers/phantom/pii.py or servers/phantom/redaction.py and without running any detector on it. It is
meant to be scored once.

Built by bench/phantom_pii_multilingual_data.py (which imports `build_heldout5` from here), seed SEED5,
split and batch "heldout5", templates tagged `<locale>/h5/<n>`. The same nine locales as the rest of
the set; document kinds mostly new to it: vCard 3.0 (RFC 2426) and 4.0 (RFC 6350, `tel:` URIs
with `;ext=`, basic-format BDAY, `--MMDD`), HL7 v2.4/2.5.1 ADT/ORU (PID-3 with the NHS number,
PID-7 TS, PID-13 XTN, PID-19 SSN, PV1-7 XCN with the NPI assigning authority, OBX measurements),
X12 837P 005010 (NM1*85/82 XX NPI, REF*SY SSN, DMG*D8, DTP*472 service dates, REF*EI), FHIR R4 JSON
(Patient.birthDate incl. partial dates, telecom, identifier systems), FatturaPA XML, an iCalendar
VEVENT, markdown and HTML tables, CSVs with headers in the locale's language, e-mail signatures
(DIN 5008 direct-dial numbers), chat exports (Slack, WhatsApp, Telegram), IT support tickets,
OCR-like text with letter-spaced labels and irregular spacing, access logs with query strings,
logfmt and JSON logs, YAML config, Rust backtraces and C++ compiler errors, SQL dumps.

Values are valid by their specifications: phone numbers drawn from each country's national numbering
plan (NANP, Ofcom, TRAI, ARCEP, BNetzA, AGCOM, CNMC, ACM, Anatel), kept only when libphonenumber agrees
the full number (with German direct-dial digits appended) exists in that plan; card numbers from
ISO/IEC 7812 issuer ranges and lengths with Luhn, including the less common brands (UATP, Mir, RuPay,
Elo, Hipercard, Troy, Verve, Dankort, Visa Electron, Maestro 12-19 digits, InterPayment, UnionPay 19);
SSNs by the SSA's rules (area 001-899 but 666, group 01-99, serial 0001-9999); NPIs by Luhn over the
80840 prefix; NHS numbers by modulus 11 in the ranges England and Wales issue; IBANs by ISO 13616
(mod 97) per country BBAN format, with the national check digits of BE, ES, FR, IT, PT and NL and
real bank codes where the BBAN starts with one; Bitcoin addresses by Base58Check/bech32/bech32m,
Ethereum addresses by EIP-55.

What is and is not an entity is decided by what the type MEANS, not by its shape:
- DATE_OF_BIRTH is a date on which a person was born, known by its cue (in the locale's language,
  abbreviated or not, `*` in German CVs) or its field (vCard BDAY, HL7 PID-7, X12 DMG*D8, FHIR
  birthDate). Other dates about the same person are not birth dates: admission and discharge (`DOD`
  in an Indian discharge summary is the date of discharge), date of service, invoice, due, expiry,
  validity, signature, hire, membership, employment months in a CV, vCard ANNIVERSARY and REV, FHIR
  lastUpdated, HL7 message and event times, X12 interchange dates. Their years overlap birth years on
  purpose, and some births are recent (children), so the year alone does not tell them apart.
- PHONE_NUMBER is any telephone or fax number (a person's or an organisation's, as the earlier batches
  labelled them), with its extension inside the span; a number's `tel:` scheme is outside it.
- CREDIT_CARD is a full card number (PAN). Masked PANs, last-four, expiry dates and Luhn-valid numbers
  that are something else (IMEI, SIM ICCID, SIREN/SIRET) are not.
- US_SSN, US_NPI and UK_NHS are those identifiers. An EIN has an SSN's nine digits but is not one; an
  MRN, member id or claim number beside an NPI is not an NPI.
- IBAN_CODE is a full IBAN of any holder (the earlier batches labelled company IBANs too). IBANs are
  therefore labelled, not negatives; what looks like one and is not is a negative: SEPA creditor
  identifiers (they carry ISO 7064 check digits after the country code), BICs, VAT numbers, sort codes.
- EMAIL_ADDRESS, URL, IP_ADDRESS, MAC_ADDRESS and CRYPTO are what their syntax says (FHIR identifier
  system URIs are URLs). Not: Indian UPI ids (`name@bank`, no domain), C++/Rust paths (`a::b`, even
  hex-only ones such as `Face::Feed`), four-part versions and OIDs (not IPv4), SMPTE time codes and
  clock times (not MACs), `urn:oid:` identifier systems (not URLs).
- Names and street addresses occur unlabelled: phantom does not claim them.
Hard negatives are identifiers of none of the claimed types that sit beside personal data and share
its shapes: lot/batch, claim and policy numbers, EIN/VAT/GSTIN/CNPJ/Steuernummer and other tax ids,
ISBN/ISSN/GTIN/UPC barcodes, tracking numbers (UPU S10 with check digit), order and invoice numbers,
versions, build numbers, four-part versions, timestamps with microseconds, epoch seconds and millis,
UUIDs, hashes, coordinates, ports, C++/Rust paths, time codes, Luhn-valid non-cards, non-birth dates,
grouped numbers in tables of measurements, postcodes, sort codes, IFSC codes, UPI ids.
"""

from __future__ import annotations

import random
import string
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from phantom_pii_data import _bban, base58check, card, eip55, luhn_check_digit, mod97, segwit_address  # noqa: E402
from phantom_pii_multilingual_data import MONTHS, NEGATIVES, VALUES, digits, fill  # noqa: E402

SEED5 = 5205
UP = string.ascii_uppercase
HEX = "0123456789abcdef"


# -- phone numbers, from the national numbering plans ---------------------------------------------


@dataclass(frozen=True)
class Drawn:
    """One telephone number: country code, the national significant number in the groups the country
    writes it internationally, the trunk prefix for national use, and the forms people write it in."""

    cc: str
    groups: tuple[str, ...]
    trunk: str
    forms: tuple[str, ...]

    @property
    def nsn(self) -> str:
        return "".join(self.groups)


def _ext(rnd: random.Random) -> str:
    return str(rnd.choice([rnd.randint(2, 99), rnd.randint(100, 999), rnd.randint(1000, 9999)]))


def _us5(rnd: random.Random) -> Drawn:
    if rnd.random() < 0.15:
        a = rnd.choice(["800", "833", "844", "855", "866", "877", "888"])
    else:
        a = rnd.choice(
            ["212", "214", "305", "312", "404", "415", "503", "512", "617", "702", "713", "801", "832"]
        )
    b = rnd.choice("23456789") + digits(rnd, 2)
    c, x = digits(rnd, 4), _ext(rnd)
    forms = (
        f"({a}) {b}-{c}",
        f"{a}-{b}-{c}",
        f"{a}.{b}.{c}",
        f"+1 {a} {b} {c}",
        f"+1 ({a}) {b}-{c}",
        f"1-{a}-{b}-{c}",
        f"{a}/{b}-{c}",
        f"({a}) {b}-{c} ext. {x}",
        f"{a}.{b}.{c}x{x}",
        f"{a}-{b}-{c}, ext {x}",
    )
    return Drawn("1", (a, b, c), "", forms)


def _gb5(rnd: random.Random) -> Drawn:
    kind, x = rnd.random(), _ext(rnd)
    if kind < 0.4:
        n = "7" + rnd.choice("45789") + digits(rnd, 8)
        g = (n[:4], n[4:])
        forms = (
            f"0{n[:4]} {n[4:]}",
            f"0{n[:4]} {n[4:7]} {n[7:]}",
            f"+44 {n[:4]} {n[4:]}",
            f"+44 (0){n[:4]} {n[4:]}",
        )
    elif kind < 0.6:
        s = rnd.choice("378") + digits(rnd, 7)
        g = ("20", s[:4], s[4:])
        forms = (
            f"020 {s[:4]} {s[4:]}",
            f"(020) {s[:4]} {s[4:]}",
            f"+44 (0)20 {s[:4]} {s[4:]}",
            f"020 {s[:4]} {s[4:]} ext. {x}",
        )
    elif kind < 0.85:
        a = rnd.choice(["113", "114", "115", "116", "117", "118", "121", "131", "141", "151", "161", "191"])
        s = rnd.choice("2345678") + digits(rnd, 6)
        g = (a, s[:3], s[3:])
        forms = (
            f"0{a} {s[:3]} {s[3:]}",
            f"(0{a}) {s[:3]} {s[3:]}",
            f"+44 {a} {s[:3]} {s[3:]}",
            f"0{a} {s[:3]} {s[3:]} x{x}",
        )
    else:
        n = rnd.choice(["300", "330", "333", "345", "370", "800", "808"]) + digits(rnd, 7)
        g = (n[:3], n[3:6], n[6:])
        forms = (f"0{n[:3]} {n[3:6]} {n[6:]}", f"0{n[:3]}-{n[3:6]}-{n[6:]}")
    return Drawn("44", g, "0", forms)


def _in5(rnd: random.Random) -> Drawn:
    kind, x = rnd.random(), _ext(rnd)
    if kind < 0.6:
        n = rnd.choice("6789") + digits(rnd, 9)
        g = (n[:5], n[5:])
        forms = (
            f"+91 {n[:5]} {n[5:]}",
            f"+91-{n}",
            f"0{n}",
            f"{n[:5]} {n[5:]}",
            f"+91 {n[:2]} {n[2:6]} {n[6:]}",
            f"91{n}",
        )
    elif kind < 0.9:
        a = rnd.choice(["22", "11", "80", "44", "33", "40", "20"])
        s = rnd.choice("2346") + digits(rnd, 7)
        g = (a, s)
        forms = (f"0{a} {s[:4]} {s[4:]}", f"(0{a}) {s}", f"+91 {a} {s}", f"0{a}-{s}", f"0{a}-{s} Extn. {x}")
    else:
        s = digits(rnd, 7)
        g = ("1800", s)
        forms = (f"1800 {s[:3]} {s[3:]}", f"1800-{s[:3]}-{s[3:]}")
    return Drawn("91", g, "0", forms)


def _fr5(rnd: random.Random) -> Drawn:
    first = rnd.choice(["1", "2", "3", "4", "5", "6", "6", "7", "9"])
    pairs = [digits(rnd, 2) for _ in range(4)]
    if first == "7":
        pairs[0] = rnd.choice("345678") + pairs[0][1]
    x = _ext(rnd)
    sp = " ".join(pairs)
    forms = (
        f"0{first} {sp}",
        f"+33 {first} {sp}",
        f"+33 (0){first} {sp}",
        f"0{first}.{'.'.join(pairs)}",
        f"0{first}{''.join(pairs)}",
        f"0{first}-{'-'.join(pairs)}",
        f"+33{first}{''.join(pairs)}",
        f"0{first} {sp} poste {x}",
    )
    return Drawn("33", (first, *pairs), "0", forms)


def _de5(rnd: random.Random) -> Drawn:
    if rnd.random() < 0.4:
        pre = rnd.choice(
            ["151", "152", "157", "160", "162", "170", "171", "172", "175", "176", "177", "178", "179"]
        )
        sub = digits(rnd, rnd.choice([7, 8]))
        forms = (
            f"0{pre} {sub}",
            f"0{pre}/{sub}",
            f"+49 {pre} {sub}",
            f"0{pre}-{sub}",
            f"0{pre} {sub[:3]} {sub[3:]}",
            f"+49 (0){pre} {sub}",
        )
        return Drawn("49", (pre, sub), "0", forms)
    pre = rnd.choice(["30", "40", "89", "69", "221", "211", "711", "341", "228", "351"])
    base = rnd.choice("2345789") + digits(rnd, rnd.choice([4, 5, 6]))
    ext = digits(rnd, rnd.choice([1, 2, 3])) if rnd.random() < 0.45 else ""
    if ext:  # DIN 5008 direct dial: the extension digits are part of the number dialled
        forms = (f"0{pre} {base}-{ext}", f"+49 {pre} {base}-{ext}", f"0{pre} / {base}-{ext}")
    else:
        forms = (
            f"0{pre} {base}",
            f"0{pre}/{base}",
            f"+49 {pre} {base}",
            f"+49 (0){pre} {base}",
            f"(0{pre}) {base}",
            f"0049 {pre} {base}",
        )
    return Drawn("49", (pre, base + ext), "0", forms)


def _it5(rnd: random.Random) -> Drawn:
    kind, x = rnd.random(), _ext(rnd)
    if kind < 0.5:
        n = (
            "3"
            + rnd.choice(
                [
                    "20",
                    "28",
                    "29",
                    "30",
                    "33",
                    "35",
                    "38",
                    "39",
                    "40",
                    "45",
                    "47",
                    "49",
                    "66",
                    "77",
                    "80",
                    "88",
                    "92",
                ]
            )
            + digits(rnd, 7)
        )
        forms = (
            f"{n[:3]} {n[3:6]} {n[6:]}",
            f"+39 {n[:3]} {n[3:6]} {n[6:]}",
            f"+39 {n}",
            f"{n[:3]}-{n[3:]}",
            f"{n[:3]}.{n[3:6]}.{n[6:]}",
            f"(+39) {n[:3]} {n[3:]}",
        )
        return Drawn("39", (n[:3], n[3:]), "", forms)
    if kind < 0.6:
        s = digits(rnd, 6)
        return Drawn("39", ("800", s), "", (f"800 {s[:3]} {s[3:]}", f"800.{s}"))
    area = rnd.choice(["02", "06", "011", "010", "041", "051", "055", "081", "091", "0471"])
    sub = rnd.choice("2345789") + digits(rnd, {2: 7, 3: 6, 4: 5}[len(area)])
    forms = (
        f"{area} {sub}",
        f"{area} {sub[:4]} {sub[4:]}",
        f"+39 {area} {sub}",
        f"{area}/{sub}",
        f"{area}-{sub}",
        f"{area} {sub} int. {x}",
    )
    return Drawn("39", (area, sub), "", forms)


def _es5(rnd: random.Random) -> Drawn:
    kind, x = rnd.random(), _ext(rnd)
    if kind < 0.5:
        n = rnd.choice(["6", "6", "71", "72", "73", "74"])
        n += digits(rnd, 9 - len(n))
    elif kind < 0.6:
        n = "900" + digits(rnd, 6)
    else:
        n = rnd.choice(["91", "93", "954", "96", "976", "985", "928", "945"])
        n += rnd.choice("2345678") + digits(rnd, 8 - len(n))
    if n[0] in "67" or n.startswith("900"):
        forms = (
            f"{n[:3]} {n[3:5]} {n[5:7]} {n[7:]}",
            f"{n[:3]} {n[3:6]} {n[6:]}",
            f"+34 {n[:3]} {n[3:6]} {n[6:]}",
            f"+34 {n}",
            f"0034 {n[:3]} {n[3:5]} {n[5:7]} {n[7:]}",
            f"{n[:3]}-{n[3:6]}-{n[6:]}",
        )
    else:
        forms = (
            f"{n[:2]} {n[2:5]} {n[5:7]} {n[7:]}",
            f"+34 {n[:2]} {n[2:5]} {n[5:7]} {n[7:]}",
            f"(+34) {n[:2]} {n[2:5]} {n[5:]}",
            f"{n[:3]} {n[3:6]} {n[6:]} ext. {x}",
        )
    return Drawn("34", (n[:3], n[3:6], n[6:]), "", forms)


def _nl5(rnd: random.Random) -> Drawn:
    kind, x = rnd.random(), _ext(rnd)
    if kind < 0.45:
        s = rnd.choice("1234") + digits(rnd, 7)
        forms = (
            f"06-{s}",
            f"06 {s[:4]} {s[4:]}",
            f"+31 6 {s}",
            f"+31 (0)6 {s[:4]} {s[4:]}",
            f"0031 6 {s[:2]} {s[2:4]} {s[4:6]} {s[6:]}",
            f"06 - {s[:2]} {s[2:4]} {s[4:6]} {s[6:]}",
        )
        return Drawn("31", ("6", s), "0", forms)
    if kind < 0.85:
        a = rnd.choice(["20", "10", "30", "70", "40", "50", "13", "24", "26", "43", "88"])
        s = rnd.choice("2345678") + digits(rnd, 6)
        forms = (
            f"0{a}-{s[:3]} {s[3:]}",
            f"0{a} {s[:3]} {s[3:5]} {s[5:]}",
            f"+31 {a} {s[:3]} {s[3:]}",
            f"(0{a}) {s}",
            f"+31 (0){a} {s}",
            f"0{a}-{s} toestel {x}",
        )
        return Drawn("31", (a, s), "0", forms)
    a = rnd.choice(["229", "294", "313", "348", "499", "545", "594"])
    s = rnd.choice("2345678") + digits(rnd, 5)
    return Drawn("31", (a, s), "0", (f"0{a}-{s}", f"0{a} {s[:2]} {s[2:4]} {s[4:]}", f"+31 {a} {s}"))


def _br5(rnd: random.Random) -> Drawn:
    ddd = rnd.choice(
        ["11", "13", "19", "21", "27", "31", "41", "48", "51", "61", "62", "71", "81", "85", "92"]
    )
    kind, x = rnd.random(), _ext(rnd)
    if kind < 0.6:
        s = "9" + rnd.choice("6789") + digits(rnd, 7)
        forms = (
            f"({ddd}) {s[:5]}-{s[5:]}",
            f"({ddd}) 9 {s[1:5]}-{s[5:]}",
            f"{ddd} {s[:5]}-{s[5:]}",
            f"+55 {ddd} {s[:5]}-{s[5:]}",
            f"+55 ({ddd}) {s[:5]}-{s[5:]}",
            f"+55{ddd}{s}",
        )
        return Drawn("55", (ddd, s), "", forms)
    if kind < 0.9:
        s = rnd.choice("2345") + digits(rnd, 7)
        forms = (
            f"({ddd}) {s[:4]}-{s[4:]}",
            f"+55 {ddd} {s[:4]}-{s[4:]}",
            f"{ddd} {s[:4]} {s[4:]}",
            f"({ddd}) {s[:4]}-{s[4:]} ramal {x}",
        )
        return Drawn("55", (ddd, s), "", forms)
    s = digits(rnd, 7)
    return Drawn("55", ("800", s), "0", (f"0800 {s[:3]} {s[3:]}", f"0800-{s[:3]}-{s[3:]}", f"0800 {s}"))


PLANS = {
    "en-US": _us5,
    "en-GB": _gb5,
    "en-IN": _in5,
    "fr-FR": _fr5,
    "de-DE": _de5,
    "it-IT": _it5,
    "es-ES": _es5,
    "nl-NL": _nl5,
    "pt-BR": _br5,
}


def _exists(drawn: Drawn) -> bool:
    import phonenumbers

    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(f"+{drawn.cc}{drawn.nsn}"))
    except phonenumbers.NumberParseException:
        return False


def draw_phone(rnd: random.Random, locale: str) -> Drawn:
    """A number of the locale's plan that libphonenumber agrees exists."""
    for _ in range(500):
        drawn = PLANS[locale](rnd)
        if _exists(drawn):
            return drawn
    raise RuntimeError(f"no valid {locale} number drawn")


def phone5(rnd: random.Random, locale: str) -> str:
    return rnd.choice(draw_phone(rnd, locale).forms)


def _dialable_abroad(rnd: random.Random, locale: str) -> Drawn:
    """A number that is written in international form: freephone numbers are not."""
    import phonenumbers

    while True:
        d = draw_phone(rnd, locale)
        number = phonenumbers.parse(f"+{d.cc}{d.nsn}")
        if phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.TOLL_FREE:
            return d


def phone_e164(rnd: random.Random, locale: str) -> str:
    d = _dialable_abroad(rnd, locale)
    return f"+{d.cc}{d.nsn}"


def phone_uri(rnd: random.Random, locale: str) -> str:
    """RFC 3966 global number (what follows `tel:` in a vCard 4.0 TEL), sometimes with `;ext=`."""
    d = _dialable_abroad(rnd, locale)
    text = f"+{d.cc}-{'-'.join(d.groups)}"
    return text + f";ext={_ext(rnd)}" if rnd.random() < 0.3 else text


def phone_compact(rnd: random.Random, locale: str) -> str:
    """The national number as a form field stores it (trunk prefix, no separators)."""
    d = draw_phone(rnd, locale)
    return f"{d.trunk}{d.nsn}"


# -- dates of birth --------------------------------------------------------------------------------

ABBR = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
    "fr": "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.".split(),
    "de": "Jan. Feb. März Apr. Mai Juni Juli Aug. Sept. Okt. Nov. Dez.".split(),
    "it": "gen feb mar apr mag giu lug ago set ott nov dic".split(),
    "es": "ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic.".split(),
    "nl": "jan. feb. mrt. apr. mei jun. jul. aug. sep. okt. nov. dec.".split(),
    "pt": "jan. fev. mar. abr. mai. jun. jul. ago. set. out. nov. dez.".split(),
}
_ORD = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def _ymd(rnd: random.Random) -> tuple[int, int, int]:
    """A birth date: mostly adults, some children (so a recent year does not mean 'not a birth')."""
    y = rnd.randint(2010, 2023) if rnd.random() < 0.12 else rnd.randint(1931, 2006)
    return y, rnd.randint(1, 12), rnd.randint(1, 28 if rnd.random() < 0.8 else 30)


def _locale_forms(locale: str, y: int, m: int, d: int) -> list[str]:
    lang, yy = locale[:2], f"{y % 100:02d}"
    full, ab = MONTHS[lang][m - 1], ABBR[lang][m - 1]
    en = ABBR["en"][m - 1]
    return {
        "en-US": [
            f"{m:02d}/{d:02d}/{y}",
            f"{m}/{d}/{y}",
            f"{m:02d}/{d:02d}/{yy}",
            f"{full} {d}, {y}",
            f"{en}. {d}, {y}",
            f"{d} {en.upper()} {y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{m:02d}-{d:02d}-{y}",
        ],
        "en-GB": [
            f"{d:02d}/{m:02d}/{y}",
            f"{d} {full} {y}",
            f"{d}{_ORD.get(d, 'th')} {full} {y}",
            f"{d:02d}-{en}-{y}",
            f"{d:02d} {en.upper()} {y}",
            f"{d}/{m}/{yy}",
            f"{d:02d}.{m:02d}.{y}",
        ],
        "en-IN": [
            f"{d:02d}/{m:02d}/{y}",
            f"{d:02d}-{m:02d}-{y}",
            f"{d:02d}-{en}-{y}",
            f"{d:02d}.{m:02d}.{y}",
            f"{d} {full}, {y}",
            f"{d:02d}/{m:02d}/{yy}",
        ],
        "fr-FR": [
            f"{d:02d}/{m:02d}/{y}",
            f"{'1er' if d == 1 else d} {full} {y}",
            f"{d} {ab} {y}",
            f"{d:02d}/{m:02d}/{yy}",
            f"{d:02d}-{m:02d}-{y}",
            f"{d:02d}.{m:02d}.{y}",
        ],
        "de-DE": [
            f"{d:02d}.{m:02d}.{y}",
            f"{d}.{m}.{y}",
            f"{d}. {full} {y}",
            f"{d}. {ab} {y}",
            f"{d:02d}.{m:02d}.{yy}",
            f"{y}-{m:02d}-{d:02d}",
        ],
        "it-IT": [
            f"{d:02d}/{m:02d}/{y}",
            f"{d} {full} {y}",
            f"{d} {ab} {y}",
            f"{d:02d}-{m:02d}-{y}",
            f"{d}/{m}/{yy}",
            f"{d:02d}.{m:02d}.{y}",
        ],
        "es-ES": [
            f"{d:02d}/{m:02d}/{y}",
            f"{d} de {full} de {y}",
            f"{d} {ab} {y}",
            f"{d:02d}-{m:02d}-{y}",
            f"{d}/{m}/{y}",
            f"{d:02d}/{m:02d}/{yy}",
        ],
        "nl-NL": [
            f"{d:02d}-{m:02d}-{y}",
            f"{d} {full} {y}",
            f"{d} {ab} {y}",
            f"{d}-{m}-{y}",
            f"{d:02d}/{m:02d}/{y}",
            f"{y}-{m:02d}-{d:02d}",
        ],
        "pt-BR": [
            f"{d:02d}/{m:02d}/{y}",
            f"{d} de {full} de {y}",
            f"{d:02d}/{m:02d}/{yy}",
            f"{d} {ab} {y}",
            f"{d:02d}-{m:02d}-{y}",
            f"{d:02d}.{m:02d}.{y}",
        ],
    }[locale]


def birth5(rnd: random.Random, locale: str) -> str:
    return rnd.choice(_locale_forms(locale, *_ymd(rnd)))


def birth_iso5(rnd: random.Random, locale: str) -> str:
    y, m, d = _ymd(rnd)
    return f"{y}-{m:02d}-{d:02d}"


def birth_basic5(rnd: random.Random, locale: str) -> str:
    """HL7 v2 TS / X12 D8: CCYYMMDD."""
    y, m, d = _ymd(rnd)
    return f"{y}{m:02d}{d:02d}"


def birth_vcard4(rnd: random.Random, locale: str) -> str:
    """RFC 6350 BDAY: date (basic or extended), date without year `--MMDD`, or date-time."""
    y, m, d = _ymd(rnd)
    return rnd.choice(
        [
            f"{y}{m:02d}{d:02d}",
            f"{y}{m:02d}{d:02d}",
            f"--{m:02d}{d:02d}",
            f"{y}-{m:02d}-{d:02d}",
            f"{y}{m:02d}{d:02d}T{rnd.randint(0, 23):02d}{rnd.randint(0, 59):02d}00Z",
        ]
    )


def birth_fhir5(rnd: random.Random, locale: str) -> str:
    """FHIR `date`: YYYY-MM-DD, or YYYY-MM when the day is unknown."""
    y, m, d = _ymd(rnd)
    return f"{y}-{m:02d}" if rnd.random() < 0.12 else f"{y}-{m:02d}-{d:02d}"


# -- e-mail, URLs --------------------------------------------------------------------------------

LOCAL_NAMES = {
    "en-US": ["emily", "jacob", "tyrone", "maria", "dakota"],
    "en-GB": ["oliver", "amelia", "harry", "isla", "george"],
    "en-IN": ["priya", "rahul", "ananya", "vikram", "sunita"],
    "fr-FR": ["camille", "louis", "chloe", "hugo", "manon"],
    "de-DE": ["lukas", "anna", "juergen", "lea", "soeren"],
    "it-IT": ["giulia", "marco", "francesca", "luca", "chiara"],
    "es-ES": ["lucia", "javier", "carmen", "alvaro", "nuria"],
    "nl-NL": ["daan", "sanne", "bram", "fleur", "joost"],
    "pt-BR": ["joao", "ana", "thiago", "beatriz", "caua"],
}
SURNAMES = {
    "en-US": ["miller", "nguyen", "garcia", "oconnor", "washington"],
    "en-GB": ["smith", "clarke", "patel", "evans", "hughes"],
    "en-IN": ["sharma", "iyer", "reddy", "banerjee", "nair"],
    "fr-FR": ["martin", "dubois", "lefevre", "moreau", "fontaine"],
    "de-DE": ["mueller", "schmidt", "weber", "becker", "hoffmann"],
    "it-IT": ["rossi", "esposito", "bianchi", "romano", "colombo"],
    "es-ES": ["garcia", "fernandez", "lopez", "martinez", "sanchez"],
    "nl-NL": ["devries", "jansen", "bakker", "visser", "vandijk"],
    "pt-BR": ["silva", "santos", "oliveira", "souza", "pereira"],
}
DOMAINS = {
    "en-US": [
        "gmail.com",
        "yahoo.com",
        "icloud.com",
        "aol.com",
        "{org}.com",
        "{org}health.org",
        "mail.{org}.us",
    ],
    "en-GB": ["btinternet.com", "outlook.com", "{org}.co.uk", "nhs.net", "{org}.org.uk", "sky.com"],
    "en-IN": ["gmail.com", "rediffmail.com", "{org}.co.in", "{org}.in", "yahoo.co.in"],
    "fr-FR": ["orange.fr", "free.fr", "laposte.net", "{org}.fr", "sfr.fr", "{org}-conseil.fr"],
    "de-DE": ["web.de", "gmx.de", "t-online.de", "{org}.de", "posteo.de", "{org}-gmbh.de"],
    "it-IT": ["libero.it", "virgilio.it", "{org}.it", "pec.{org}.it", "tiscali.it"],
    "es-ES": ["hotmail.es", "telefonica.net", "{org}.es", "{org}.com.es", "yahoo.es"],
    "nl-NL": ["ziggo.nl", "kpnmail.nl", "{org}.nl", "xs4all.nl", "{org}.amsterdam"],
    "pt-BR": ["uol.com.br", "bol.com.br", "{org}.com.br", "gmail.com", "terra.com.br"],
}
ORGS5 = [
    "northwind",
    "contoso",
    "fabrikam",
    "lumen",
    "azimut",
    "keystone",
    "bluepeak",
    "orchard",
    "tandem",
    "verdant",
]


def email5(rnd: random.Random, locale: str) -> str:
    first, last = rnd.choice(LOCAL_NAMES[locale]), rnd.choice(SURNAMES[locale])
    local = rnd.choice(
        [
            f"{first}.{last}",
            f"{first[0]}.{last}",
            f"{first}{last}{rnd.randint(1, 99)}",
            f"{last}-{first}",
            f"{first}+{rnd.choice(['news', 'shop', 'work'])}",
            f"{first}_{last}",
            f"{first[0]}{last}{rnd.randint(70, 99)}",
        ]
    )
    domain = rnd.choice(DOMAINS[locale])
    if "{org}" in domain and rnd.random() < 0.2:
        domain = f"{rnd.choice(['mail', 'eu', 'corp', 'staff'])}.{domain}"
    domain = domain.replace("{org}", rnd.choice(ORGS5))
    text = f"{local}@{domain}"
    return text.upper() if rnd.random() < 0.05 else text


def url5(rnd: random.Random, locale: str) -> str:
    tld = {
        "en-US": "com",
        "en-GB": "co.uk",
        "en-IN": "co.in",
        "fr-FR": "fr",
        "de-DE": "de",
        "it-IT": "it",
        "es-ES": "es",
        "nl-NL": "nl",
        "pt-BR": "com.br",
    }[locale]
    host = f"{rnd.choice(ORGS5)}.{tld}"
    path = rnd.choice(
        [
            "",
            "/",
            f"/kontakt?ref=sig{digits(rnd, 3)}",
            f"/track?id={digits(rnd, 10)}&lang={locale[:2]}",
            f"/pay/{''.join(rnd.choice(HEX) for _ in range(12))}",
            f"/login?next=%2Faccount%2F{digits(rnd, 5)}",
            f"/p/{digits(rnd, 6)}#details",
            "/privacy-policy",
            f"/api/v1/items?page={rnd.randint(1, 9)}&size=50",
        ]
    )
    scheme = rnd.choice(["https://", "https://www.", "http://", "www.", "", "https://portal."])
    if scheme == "" and not path:
        path = "/"
    port = f":{rnd.choice(['8443', '8080'])}" if scheme.startswith("http") and rnd.random() < 0.1 else ""
    return f"{scheme}{host}{port}{path}"


# -- cards, national identifiers, IBANs, network, crypto ------------------------------------------

_IIN5 = [  # ISO/IEC 7812 issuer prefixes, the lengths issued, and how the brand groups its digits
    ("4", 16, "4444"),
    ("4", 16, "4444"),
    ("4026", 16, "4444"),  # Visa Electron
    ("417500", 16, "4444"),
    ("4917", 16, "4444"),
    ("4", 13, "factor"),
    ("4", 19, "44443"),
    ("51", 16, "4444"),
    ("53", 16, "4444"),
    ("2221", 16, "4444"),
    ("2699", 16, "4444"),
    ("34", 15, "465"),
    ("37", 15, "465"),
    ("6011", 16, "4444"),
    ("645", 16, "4444"),
    ("65", 16, "4444"),
    ("3530", 16, "4444"),
    ("3566", 19, "44443"),
    ("36", 14, "464"),
    ("301", 14, "464"),
    ("1", 15, "456"),  # UATP
    ("2200", 16, "4444"),  # Mir
    ("2203", 16, "4444"),
    ("6521", 16, "4444"),  # RuPay
    ("508", 16, "4444"),
    ("6069", 16, "4444"),
    ("401178", 16, "4444"),  # Elo
    ("504175", 16, "4444"),
    ("636297", 16, "4444"),
    ("606282", 16, "4444"),  # Hipercard
    ("9792", 16, "4444"),  # Troy
    ("506099", 19, "44443"),  # Verve
    ("5019", 16, "4444"),  # Dankort
    ("6759", 12, "444"),  # Maestro UK
    ("5018", 19, "44443"),  # Maestro
    ("6304", 18, "factor"),
    ("636", 16, "4444"),  # InterPayment
    ("62", 19, "44443"),  # UnionPay
    ("62", 16, "4444"),
]


def _grouped(number: str, pattern: str, sep: str) -> str:
    if pattern == "factor":
        return number
    out, i = [], 0
    for size in pattern:
        out.append(number[i : i + int(size)])
        i += int(size)
    if i < len(number):
        out.append(number[i:])
    return sep.join(out)


def card5(rnd: random.Random, locale: str) -> str:
    prefix, length, pattern = rnd.choice(_IIN5)
    number = card(rnd, prefix, length)
    return _grouped(number, pattern, rnd.choice(["", " ", " ", " ", "-"]))


def card_ocr5(rnd: random.Random, locale: str) -> str:
    """A card number as OCR returns a scanned form: groups with irregular spacing."""
    prefix, length, pattern = rnd.choice(_IIN5)
    number = card(rnd, prefix, length)
    text = _grouped(number, pattern if pattern != "factor" else "4444", " ")
    parts = text.split(" ")
    return "".join(p + rnd.choice([" ", "  ", " ", "   "]) for p in parts[:-1]) + parts[-1]


def ssn5(rnd: random.Random, locale: str) -> str:
    while True:
        area = rnd.randint(1, 899)
        if area != 666:
            break
    a, g, s = f"{area:03d}", f"{rnd.randint(1, 99):02d}", f"{rnd.randint(1, 9999):04d}"
    if f"{a}{g}{s}" in ("078051120", "219099999"):  # the SSA's voided advertising numbers
        s = "0001"
    return rnd.choice([f"{a}-{g}-{s}", f"{a}-{g}-{s}", f"{a} {g} {s}", f"{a}{g}{s}"])


def ssn_plain5(rnd: random.Random, locale: str) -> str:
    return ssn5(rnd, locale).replace("-", "").replace(" ", "")


def npi5(rnd: random.Random, locale: str) -> str:
    """9 digits starting 1 or 2, then the Luhn check digit computed over '80840' + those 9 digits."""
    body = rnd.choice("12") + digits(rnd, 8)
    return body + luhn_check_digit("80840" + body)


def _nhs_number(rnd: random.Random) -> str:
    while True:  # England and Wales issue 400 000 000-499 999 999 and 600 000 000-799 999 999
        body = rnd.choice("4677") + digits(rnd, 8)
        check = 11 - sum(int(c) * (10 - i) for i, c in enumerate(body)) % 11
        check = 0 if check == 11 else check
        if check != 10:
            return body + str(check)


def nhs5(rnd: random.Random, locale: str) -> str:
    n = _nhs_number(rnd)
    return rnd.choice(
        [f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}", n]
    )


def nhs_plain5(rnd: random.Random, locale: str) -> str:
    return _nhs_number(rnd)


BBAN5 = {  # ISO 13616 registry: BBAN structure per country (n digits, a letters, c alphanumerics)
    "DE": "18n",
    "AT": "16n",
    "CH": "17n",  # 5n12c in the registry; Swiss account numbers are digits in practice
    "GB": "4a14n",
    "IE": "4a14n",
    "FR": "10n11c2n",
    "BE": "12n",
    "LU": "3n13c",
    "IT": "1a10n12c",
    "ES": "20n",
    "PT": "21n",
    "NL": "4a10n",
    "BR": "23n1a1c",
    "PL": "24n",
}
IBAN_LOCALES = {
    "en-US": ["DE", "GB", "CH"],
    "en-GB": ["GB", "IE"],
    "en-IN": ["GB", "DE"],
    "fr-FR": ["FR", "BE", "LU", "CH"],
    "de-DE": ["DE", "AT", "CH"],
    "it-IT": ["IT", "CH"],
    "es-ES": ["ES", "PT"],
    "nl-NL": ["NL", "BE"],
    "pt-BR": ["BR", "PT"],
}


_CIN_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]


def _national_check(country: str, bban: str) -> str:
    """The BBAN with the check digits its country's own scheme defines (Belgium, Spain, France,
    Italy, Portugal, the Dutch 11-test) and real bank identifiers where the BBAN starts with one
    (GB, IE, NL, BE); the other countries' checks are bank-specific and left out."""
    if country == "BE":  # a registered bank code, then the account number mod 97 (0 written as 97)
        bank = ["001", "068", "096", "143", "310", "363", "630", "645", "732", "750", "973", "979"][
            int(bban[:4]) % 12
        ]
        return bank + bban[3:10] + f"{int(bank + bban[3:10]) % 97 or 97:02d}"
    if country == "ES":  # CCC: two mod-11 control digits, over '00'+bank+branch and over the account
        weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]

        def dc(part: str) -> str:
            d = 11 - sum(int(c) * w for c, w in zip(part, weights, strict=True)) % 11
            return "0" if d == 11 else "1" if d == 10 else str(d)

        return bban[:8] + dc("00" + bban[:8]) + dc(bban[10:]) + bban[10:]
    if country == "FR":  # clé RIB: 97 - (89 bank + 15 branch + 3 account) mod 97, letters per the RIB table
        table = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "12345678912345678923456789")
        account = bban[10:21].translate(table)
        key = 97 - (89 * int(bban[:5]) + 15 * int(bban[5:10]) + 3 * int(account)) % 97
        return bban[:21] + f"{key:02d}"
    if country == "IT":  # CIN: a letter over ABI + CAB + account, odd positions through the CIN table
        rest = bban[1:]
        values = [int(c) if c.isdigit() else ord(c) - 65 for c in rest]
        total = sum(_CIN_ODD[v] if i % 2 == 0 else v for i, v in enumerate(values))
        return chr(65 + total % 26) + rest
    if country in ("GB", "IE"):  # real bank identifiers before the sort code and account
        banks = (
            ["BARC", "NWBK", "LOYD", "HBUK", "MIDL", "MONZ"] if country == "GB" else ["AIBK", "BOFI", "IPBS"]
        )
        return banks[int(bban[4:6]) % len(banks)] + bban[4:]
    if (
        country == "NL"
    ):  # a real bank, and the account passing the Dutch 11-test (ING's ex-Postbank ones need not)
        bank = ["ABNA", "RABO", "INGB", "SNSB", "TRIO"][int(bban[4]) % 5]
        account = bban[4:]
        while bank != "INGB" and sum(int(c) * (10 - i) for i, c in enumerate(account)) % 11:
            account = f"{(int(account) + 1) % 10**10:010d}"
        return bank + account
    if country == "PT":  # NIB: 98 - (the first 19 digits x 100) mod 97
        return bban[:19] + f"{98 - int(bban[:19]) * 100 % 97:02d}"
    return bban


def iban5(rnd: random.Random, locale: str) -> str:
    country = rnd.choice(IBAN_LOCALES[locale])
    bban = _national_check(country, _bban(rnd, BBAN5[country]))
    compact = f"{country}{98 - mod97(bban + country + '00'):02d}{bban}"
    return rnd.choice([compact, " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))])


def ipv4_5(rnd: random.Random, locale: str) -> str:
    return rnd.choice(
        [
            f"10.{rnd.randint(0, 255)}.{rnd.randint(0, 255)}.{rnd.randint(1, 254)}",
            f"192.168.{rnd.randint(0, 255)}.{rnd.randint(1, 254)}",
            f"172.{rnd.randint(16, 31)}.{rnd.randint(0, 255)}.{rnd.randint(1, 254)}",
            f"{rnd.choice([23, 31, 45, 62, 81, 94, 104, 151, 185, 203])}.{rnd.randint(0, 255)}.{rnd.randint(0, 255)}.{rnd.randint(1, 254)}",
        ]
    )


def ipv6_5(rnd: random.Random, locale: str) -> str:
    import ipaddress

    kind = rnd.random()
    if kind < 0.15:
        return f"::ffff:{ipv4_5(rnd, locale)}"
    groups = [rnd.randint(0, 0xFFFF) for _ in range(8)]
    groups[0] = rnd.choice([0x2001, 0x2A01, 0x2600, 0x2804, 0xFE80, 0x2409])
    if groups[0] == 0xFE80:
        groups[1:4] = [0, 0, 0]
    elif kind < 0.6:
        groups[4:7] = [0, 0, 0]
    address = ipaddress.IPv6Address(":".join(f"{g:x}" for g in groups))
    return address.exploded if rnd.random() < 0.15 else address.compressed


def mac5(rnd: random.Random, locale: str) -> str:
    octets = [rnd.randint(0, 255) for _ in range(6)]
    octets[0] &= 0xFE  # unicast
    style = rnd.choice(["colon", "colon", "dash", "cisco", "upper"])
    if style == "cisco":
        return ".".join(f"{octets[i]:02x}{octets[i + 1]:02x}" for i in (0, 2, 4))
    text = (":" if style != "dash" else "-").join(f"{o:02x}" for o in octets)
    return text.upper() if style in ("upper", "dash") else text


def btc5(rnd: random.Random, locale: str) -> str:
    kind = rnd.random()
    if kind < 0.3:
        return base58check(0, rnd.randbytes(20))
    if kind < 0.5:
        return base58check(5, rnd.randbytes(20))
    if kind < 0.8:
        return segwit_address("bc", 0, rnd.randbytes(20))
    return segwit_address("bc", 1, rnd.randbytes(32))


def eth5(rnd: random.Random, locale: str) -> str:
    address = eip55(rnd)
    return address.lower() if rnd.random() < 0.2 else address  # all-lowercase is valid, unchecksummed


VALUES.update(
    {
        "PH5": ("PHONE_NUMBER", phone5),
        "PHE5": ("PHONE_NUMBER", phone_e164),
        "PHU5": ("PHONE_NUMBER", phone_uri),
        "PHC5": ("PHONE_NUMBER", phone_compact),
        "DOB5": ("DATE_OF_BIRTH", birth5),
        "DOBI5": ("DATE_OF_BIRTH", birth_iso5),
        "DOBB5": ("DATE_OF_BIRTH", birth_basic5),
        "DOBV5": ("DATE_OF_BIRTH", birth_vcard4),
        "DOBF5": ("DATE_OF_BIRTH", birth_fhir5),
        "EM5": ("EMAIL_ADDRESS", email5),
        "URL5": ("URL", url5),
        "SYSSSN5": ("URL", lambda r, loc: "http://hl7.org/fhir/sid/us-ssn"),
        "SYSNPI5": ("URL", lambda r, loc: "http://hl7.org/fhir/sid/us-npi"),
        "SYSNHS5": ("URL", lambda r, loc: "https://fhir.nhs.uk/Id/nhs-number"),
        "CARD5": ("CREDIT_CARD", card5),
        "CARDO5": ("CREDIT_CARD", card_ocr5),
        "SSN5": ("US_SSN", ssn5),
        "SSNP5": ("US_SSN", ssn_plain5),
        "NPI5": ("US_NPI", npi5),
        "NHS5": ("UK_NHS", nhs5),
        "NHSP5": ("UK_NHS", nhs_plain5),
        "IBAN5": ("IBAN_CODE", iban5),
        "IP5": ("IP_ADDRESS", ipv4_5),
        "IP65": ("IP_ADDRESS", ipv6_5),
        "MAC5": ("MAC_ADDRESS", mac5),
        "BTC5": ("CRYPTO", btc5),
        "ETH5": ("CRYPTO", eth5),
    }
)


# -- hard negatives: identifiers of none of the claimed types, in the shapes personal data has -----


def _pick(rnd: random.Random, items: list[str]) -> str:
    return rnd.choice(items)


def _alnum(rnd: random.Random, n: int, alphabet: str = UP + string.digits) -> str:
    return "".join(rnd.choice(alphabet) for _ in range(n))


def _hex(rnd: random.Random, n: int) -> str:
    return "".join(rnd.choice(HEX) for _ in range(n))


def _other_ymd(rnd: random.Random) -> tuple[int, int, int]:
    """A date that is not a birth: mostly recent, a third in years people are born in."""
    y = rnd.randint(1979, 2014) if rnd.random() < 0.3 else rnd.randint(2015, 2026)
    return y, rnd.randint(1, 12), rnd.randint(1, 28)


def _date_in(locale: str):
    """Non-birth dates written exactly as the locale writes birth dates."""
    return lambda r: r.choice(_locale_forms(locale, *_other_ymd(r)))


def _ts_micro(rnd: random.Random) -> str:
    y, m, d = _other_ymd(rnd)
    y = max(y, 2019)
    h, mi, s, us = rnd.randint(0, 23), rnd.randint(0, 59), rnd.randint(0, 59), digits(rnd, 6)
    return _pick(
        rnd,
        [
            f"{y}-{m:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}.{us}Z",
            f"{y}-{m:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}.{us}",
            f"{y}-{m:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}.{us}+0{rnd.randint(0, 5)}:00",
            f"{rnd.randint(1_560_000_000, 1_790_000_000)}.{us}",
        ],
    )


def _epoch(rnd: random.Random) -> str:
    seconds = rnd.randint(1_560_000_000, 1_790_000_000)
    return _pick(rnd, [f"{seconds}{digits(rnd, 3)}", f"{seconds}{digits(rnd, 3)}", str(seconds)])


def _hl7_ts(rnd: random.Random) -> str:
    y, m, d = _other_ymd(rnd)
    y = max(y, 2012)
    hm = f"{rnd.randint(0, 23):02d}{rnd.randint(0, 59):02d}"
    return _pick(
        rnd,
        [
            f"{y}{m:02d}{d:02d}{hm}{rnd.randint(0, 59):02d}",
            f"{y}{m:02d}{d:02d}{hm}",
            f"{y}{m:02d}{d:02d}{hm}00.{digits(rnd, 4)}+0{rnd.randint(0, 2)}00",
        ],
    )


def _fhir_dt(rnd: random.Random) -> str:
    y, m, d = _other_ymd(rnd)
    y = max(y, 2016)
    t = f"{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}"
    return _pick(
        rnd,
        [
            f"{y}-{m:02d}-{d:02d}T{t}Z",
            f"{y}-{m:02d}-{d:02d}T{t}.{digits(rnd, 3)}+02:00",
            f"{y}-{m:02d}-{d:02d}T{t}-05:00",
        ],
    )


def _vcard_rev(rnd: random.Random) -> str:
    y, m, d = _other_ymd(rnd)
    t = f"{rnd.randint(0, 23):02d}{rnd.randint(0, 59):02d}{rnd.randint(0, 59):02d}"
    return _pick(
        rnd,
        [f"{max(y, 2010)}{m:02d}{d:02d}T{t}Z", f"{max(y, 2010)}-{m:02d}-{d:02d}T{t[:2]}:{t[2:4]}:{t[4:]}Z"],
    )


def _clf(rnd: random.Random) -> str:
    y, m, d = _other_ymd(rnd)
    return f"{d:02d}/{ABBR['en'][m - 1]}/{max(y, 2019)}:{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d} +0{rnd.randint(0, 3)}00"


def _chat_ts(rnd: random.Random) -> str:
    y, m, d = _other_ymd(rnd)
    y = max(y, 2018)
    return _pick(
        rnd,
        [
            f"{d:02d}/{m:02d}/{y}, {rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}",
            f"{d:02d}/{m:02d}/{y} {rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}",
            f"{d}/{m}/{y % 100:02d}, {rnd.randint(1, 12)}:{rnd.randint(0, 59):02d} {rnd.choice(['AM', 'PM'])}",
        ],
    )


def _expiry(rnd: random.Random) -> str:
    m, y = rnd.randint(1, 12), rnd.randint(2025, 2033)
    return _pick(rnd, [f"{m:02d}/{y % 100:02d}", f"{m:02d}/{y}", f"{y}-{m:02d}", f"{m:02d}-{y % 100:02d}"])


def _uuid5(rnd: random.Random) -> str:
    if rnd.random() < 0.3:  # RFC 9562 version 7: 48-bit Unix milliseconds first
        ms = rnd.randint(1_600_000_000_000, 1_790_000_000_000)
        value = uuid.UUID(
            int=(ms << 80) | (0x7 << 76) | (rnd.getrandbits(12) << 64) | (0b10 << 62) | rnd.getrandbits(62)
        )
    else:
        value = uuid.UUID(int=rnd.getrandbits(128), version=4)
    text = str(value)
    return text.upper() if rnd.random() < 0.15 else text


def _hash5(rnd: random.Random) -> str:
    return _hex(rnd, rnd.choice([7, 8, 10, 12, 32, 40, 64]))


def _version5(rnd: random.Random) -> str:
    return _pick(
        rnd,
        [
            f"10.0.{rnd.randint(19041, 26100)}.{rnd.randint(100, 5000)}",
            f"{rnd.randint(1, 9)}.{rnd.randint(0, 30)}.{rnd.randint(0, 20)}.{rnd.randint(100, 9999)}",
            f"{rnd.randint(110, 131)}.0.{rnd.randint(5000, 6999)}.{rnd.randint(10, 250)}",
            f"v{rnd.randint(1, 5)}.{rnd.randint(0, 20)}.{rnd.randint(0, 9)}.{rnd.randint(2023, 2026)}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}",
            f"{rnd.randint(4, 6)}.{rnd.randint(0, 19)}.0-{rnd.randint(100, 600)}.{rnd.randint(1, 40)}.1.el{rnd.choice([8, 9])}",
            f"{rnd.randint(14, 18)}.{rnd.randint(0, 7)}.{rnd.randint(0, 3)}",
            f"{rnd.randint(1, 3)}.{rnd.randint(0, 99)}.{rnd.randint(0, 99)}.{rnd.randint(0, 99)}",
        ],
    )


def _build5(rnd: random.Random) -> str:
    return _pick(
        rnd,
        [
            f"{rnd.randint(19041, 26100)}.{rnd.randint(100, 4000)}",
            f"{rnd.randint(2023, 2026)}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}.{rnd.randint(1, 9)}",
            f"ci-{rnd.randint(1000, 99999)}-{_hex(rnd, 7)}",
            str(rnd.randint(1000, 99999)),
            f"{rnd.randint(20, 24)}{rnd.choice(UP)}{rnd.randint(100, 999)}",
        ],
    )


def _coord(rnd: random.Random) -> str:
    lat, lon = rnd.uniform(-55, 60), rnd.uniform(-120, 140)

    def dms(v: float, pos: str, neg: str) -> str:
        a = abs(v)
        return f"{int(a)}°{int(a * 60) % 60}′{a * 3600 % 60:.1f}″{pos if v >= 0 else neg}"

    return _pick(
        rnd,
        [
            f"{lat:.6f}, {lon:.6f}",
            f"{lat:.4f},{lon:.4f}",
            f"{dms(lat, 'N', 'S')} {dms(lon, 'E', 'W')}",
            f"lat {lat:.5f} lon {lon:.5f}",
        ],
    )


RUST_PATHS = [
    "std::collections::HashMap",
    "tokio::sync::mpsc::channel",
    "crate::db::Pool",
    "serde_json::Value",
    "core::fmt::Debug",
    "anyhow::Result",
    "Vec::<u8>::with_capacity",
    "std::io::Error",
    "super::Error",
    "self::util::parse",
    "hyper::client::connect::http",
    "<alloc::vec::Vec<T> as core::ops::Deref>::deref",
    "Face::Feed::new",
    "Bad::Cafe",
    "dead::beef",
    "Add::add",
]
CPP_PATHS = [
    "std::chrono::system_clock::now",
    "boost::asio::ip::tcp::socket",
    "absl::StatusOr",
    "Eigen::MatrixXd",
    "std::cout",
    "std::endl",
    "::operator new",
    "a::b",
    "Cafe::Babe",
    "Db::Fed",
    "std::unordered_map<std::string, int>::find",
    "net::Socket::connect",
    "ab::cd::ef",
]


def _rust(rnd: random.Random) -> str:
    return _pick(rnd, RUST_PATHS)


def _cpp(rnd: random.Random) -> str:
    return _pick(rnd, CPP_PATHS)


def _timecode(rnd: random.Random) -> str:
    h, m, s = rnd.randint(0, 23), rnd.randint(0, 59), rnd.randint(0, 59)
    return _pick(
        rnd,
        [
            f"{h:02d}:{m:02d}:{s:02d}:{rnd.randint(0, 29):02d}",
            f"{h:02d}:{m:02d}:{s:02d};{rnd.randint(0, 29):02d}",
            f"{h:02d}:{m:02d}:{s:02d}",
            f"{rnd.randint(1, 90)}d {h:02d}:{m:02d}:{s:02d}",
            f"{h:02d}:{m:02d}:{s:02d}.{digits(rnd, 3)}",
        ],
    )


def _meas(rnd: random.Random) -> str:
    """Readings in a measurement table: thousands grouped the way the locales print them."""
    return _pick(
        rnd,
        [
            f"{rnd.randint(150, 450)} {digits(rnd, 3)}",
            f"{rnd.randint(1, 9)} {digits(rnd, 3)} {digits(rnd, 3)}",
            f"{rnd.randint(10, 99)} {digits(rnd, 3)} {digits(rnd, 3)}",
            f"{rnd.randint(1, 99)}.{digits(rnd, 3)}.{digits(rnd, 3)}",
            f"{rnd.randint(100, 999)} {digits(rnd, 3)} {digits(rnd, 3)} {digits(rnd, 3)}",
            f"{rnd.randint(0, 20)},{digits(rnd, 2)}",
            f"{rnd.randint(1000, 9999)}.{digits(rnd, 2)}",
        ],
    )


def _num(rnd: random.Random) -> str:
    return _pick(
        rnd,
        [
            str(rnd.randint(1, 99999)),
            f"{rnd.uniform(0, 2000):.3f}",
            str(rnd.randint(1_000_000, 9_999_999_999)),
            f"0.{digits(rnd, 6)}",
        ],
    )


def _range(rnd: random.Random) -> str:
    return _pick(
        rnd,
        [
            "3.9-5.5",
            "150 000 - 400 000",
            "12.0–16.0",
            "70-99",
            "4.5–11.0",
            "135-145",
            "7,35-7,45",
            "0.4 - 4.0",
        ],
    )


def _gtin(rnd: random.Random) -> str:
    length = rnd.choice([13, 13, 12, 14, 8])
    body = (rnd.choice(["40", "30", "80", "87", "50", "78", "89", "0"]) + digits(rnd, 14))[: length - 1]
    check = (10 - sum(int(c) * (3 if (len(body) - i) % 2 == 1 else 1) for i, c in enumerate(body)) % 10) % 10
    return body + str(check)


def _isbn(rnd: random.Random) -> str:
    if rnd.random() < 0.6:
        body = "978" + rnd.choice(["0", "1", "2", "3", "84", "88", "90", "85", "93"]) + digits(rnd, 9)
        body = body[:12]
        check = (10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body)) % 10) % 10
        n = body + str(check)
        return _pick(rnd, [n, f"{n[:3]}-{n[3]}-{n[4:8]}-{n[8:12]}-{n[12]}"])
    body = rnd.choice("0123") + digits(rnd, 8)
    c = (11 - sum(int(ch) * (10 - i) for i, ch in enumerate(body)) % 11) % 11
    n = body + ("X" if c == 10 else str(c))
    return _pick(rnd, [n, f"{n[0]}-{n[1:4]}-{n[4:9]}-{n[9]}"])


def _issn(rnd: random.Random) -> str:
    body = digits(rnd, 7)
    c = (11 - sum(int(ch) * (8 - i) for i, ch in enumerate(body)) % 11) % 11
    return f"{body[:4]}-{body[4:]}{'X' if c == 10 else c}"


def _s10(rnd: random.Random) -> str:
    """UPU S10 item identifier: service letters, 8 digits, mod-11 check digit, country."""
    serial = digits(rnd, 8)
    c = 11 - sum(int(ch) * w for ch, w in zip(serial, [8, 6, 4, 2, 3, 5, 9, 7], strict=True)) % 11
    c = 0 if c == 10 else 5 if c == 11 else c
    return f"{rnd.choice(['R', 'L', 'C', 'E', 'V'])}{rnd.choice(UP)}{serial}{c}{rnd.choice(['GB', 'FR', 'DE', 'IT', 'ES', 'NL', 'BR', 'IN', 'US'])}"


def _track(rnd: random.Random) -> str:
    return _pick(
        rnd,
        [
            _s10(rnd),
            f"1Z{_alnum(rnd, 6)}{digits(rnd, 10)}",
            f"9400 {digits(rnd, 4)} {digits(rnd, 4)} {digits(rnd, 4)} {digits(rnd, 4)} {digits(rnd, 2)}",
            digits(rnd, 12),
            f"JJD{digits(rnd, 18)}",
            f"3S{_alnum(rnd, 4, UP)}{digits(rnd, 9)}",
            digits(rnd, 10),
        ],
    )


def _ein(rnd: random.Random) -> str:
    prefix = rnd.choice(["01", "10", "16", "20", "27", "35", "46", "52", "61", "74", "81", "88", "94", "98"])
    return f"{prefix}-{digits(rnd, 7)}"


def _de_vat(rnd: random.Random) -> str:
    body, product = rnd.choice("123456789") + digits(rnd, 7), 10
    for ch in body:
        total = (int(ch) + product) % 10 or 10
        product = (2 * total) % 11
    check = (11 - product) % 10
    return f"DE{body}{check}"


def _siren(rnd: random.Random) -> str:
    return card(rnd, rnd.choice("3456789"), 9)


def _cif(rnd: random.Random) -> str:
    """Spanish CIF of a limited company: B, seven digits, the control digit."""
    d = [int(c) for c in digits(rnd, 7)]
    total = d[1] + d[3] + d[5] + sum(sum(divmod(2 * d[i], 10)) for i in (0, 2, 4, 6))
    return "B" + "".join(map(str, d)) + str((10 - total % 10) % 10)


def _vat(kind: str):
    return lambda rnd: _vat_of(rnd, kind)


def _vat_of(rnd: random.Random, kind: str) -> str:
    if kind == "DE":
        return _de_vat(rnd)
    if kind == "FR":
        siren = _siren(rnd)
        return f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"
    if kind == "ES":
        return "ES" + _cif(rnd)
    if kind == "NL":
        return f"NL{digits(rnd, 9)}B0{rnd.randint(1, 9)}"
    return f"GB {digits(rnd, 3)} {digits(rnd, 4)} {digits(rnd, 2)}"


def _gstin(rnd: random.Random) -> str:
    """India GSTIN: state code, PAN, entity number, Z, and the mod-36 Luhn check character."""
    chars = string.digits + UP
    body = f"{rnd.randint(1, 37):02d}{_alnum(rnd, 3, UP)}{rnd.choice('CPHFAT')}{rnd.choice(UP)}{digits(rnd, 4)}{rnd.choice(UP)}{rnd.randint(1, 9)}Z"
    total = 0
    for i, ch in enumerate(body):
        code = chars.index(ch) * (2 if i % 2 else 1)
        total += code // 36 + code % 36
    return body + chars[(36 - total % 36) % 36]


def _cnpj(rnd: random.Random, printed: bool = True) -> str:
    base = [int(c) for c in digits(rnd, 8) + "0001"]
    for weights in ([5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2], [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]):
        r = sum(a * b for a, b in zip(base, weights, strict=True)) % 11
        base.append(0 if r < 2 else 11 - r)
    n = "".join(map(str, base))
    return f"{n[:2]}.{n[2:5]}.{n[5:8]}/{n[8:12]}-{n[12:]}" if printed else n


def _nfe_key(rnd: random.Random) -> str:
    """Brazilian NF-e access key: 43 digits and a mod-11 check digit, printed in groups of four."""
    y, m = rnd.randint(19, 26), rnd.randint(1, 12)
    body = f"{rnd.choice(['35', '33', '31', '41', '43'])}{y:02d}{m:02d}{_cnpj(rnd, printed=False)}55{digits(rnd, 3)}{digits(rnd, 9)}1{digits(rnd, 8)}"
    total = sum(int(c) * (2 + i % 8) for i, c in enumerate(reversed(body)))
    dv = 11 - total % 11
    n = body + str(0 if dv >= 10 else dv)
    return " ".join(n[i : i + 4] for i in range(0, 44, 4))


def _creditor_id(rnd: random.Random) -> str:
    """SEPA creditor identifier: country, ISO 7064 check digits over the national id, business code."""
    country, national = rnd.choice(
        [
            ("DE", digits(rnd, 11)),
            ("FR", _alnum(rnd, 6)),
            ("NL", digits(rnd, 12)),
            ("IT", digits(rnd, 11)),
            ("ES", "B" + digits(rnd, 8)),
        ]
    )
    check = 98 - mod97(national + country + "00")
    return f"{country}{check:02d}ZZZ{national}"


def _steuernummer(rnd: random.Random) -> str:
    return _pick(
        rnd,
        [
            f"{digits(rnd, 2)}/{digits(rnd, 3)}/{digits(rnd, 5)}",
            f"{digits(rnd, 3)}/{digits(rnd, 4)}/{digits(rnd, 4)}",
            f"{digits(rnd, 3)}/{digits(rnd, 3)}/{digits(rnd, 5)}",
        ],
    )


def _imei(rnd: random.Random) -> str:
    n = card(rnd, rnd.choice(["35", "86", "01", "35"]), 15)
    return _pick(rnd, [n, f"{n[:2]}-{n[2:8]}-{n[8:14]}-{n[14]}", f"{n[:8]} {n[8:14]} {n[14]}"])


def _luhn_other(rnd: random.Random) -> str:
    """Luhn-valid numbers that are not cards: SIM ICCID, SIREN, SIRET."""
    siren = _siren(rnd)
    return _pick(
        rnd,
        [
            card(rnd, "89" + rnd.choice(["31", "33", "44", "49", "39", "34", "55", "91"]), 19),
            siren,
            card(rnd, siren, 14),
            f"{siren[:3]} {siren[3:6]} {siren[6:]}",
        ],
    )


def _postcode(country: str):
    """Postal codes in each country's format (UK outward/inward, ZIP+4, CEP, Dutch 4+2, PIN, PLZ)."""
    letters = "ABDEFGHJLNPQRSTUWXYZ"

    def make(rnd: random.Random) -> str:
        return {
            "GB": lambda: (
                f"{rnd.choice(['SW', 'EC', 'M', 'LS', 'B', 'G', 'CF', 'NW'])}{rnd.randint(1, 20)} {rnd.randint(1, 9)}{rnd.choice(letters)}{rnd.choice(letters)}"
            ),
            "US": lambda: _pick(rnd, [digits(rnd, 5), f"{digits(rnd, 5)}-{digits(rnd, 4)}"]),
            "NL": lambda: f"{rnd.randint(1000, 9999)} {rnd.choice(letters)}{rnd.choice(letters)}",
            "BR": lambda: f"{digits(rnd, 5)}-{digits(rnd, 3)}",
            "IN": lambda: str(rnd.randint(110001, 855999)),
            "DE": lambda: f"{rnd.randint(1, 99):02d}{digits(rnd, 3)}",
        }[country]()

    return make


NEGATIVES.update(
    {
        "LOT5": lambda r: _pick(
            r,
            [
                f"{r.randint(20, 26)}{r.choice(UP)}{digits(r, 4)}",
                f"{digits(r, 4)}-{digits(r, 4)}",
                f"B{digits(r, 6)}-{digits(r, 2)}",
                digits(r, 7),
                f"L{digits(r, 4)}-{digits(r, 3)}",
                f"{_alnum(r, 2, UP)}{digits(r, 4)}",
            ],
        ),
        "CLAIM5": lambda r: _pick(
            r,
            [
                f"CLM-{r.randint(2019, 2026)}-{digits(r, 7)}",
                f"{digits(r, 1)}{_alnum(r, 4, UP)}{digits(r, 4)}",
                f"{digits(r, 2)}-{digits(r, 4)}-{digits(r, 4)}-{digits(r, 1)}",
                f"{r.randint(2019, 2026)}/{digits(r, 6)}",
                f"CL{digits(r, 10)}",
            ],
        ),
        "POLICY5": lambda r: _pick(
            r,
            [
                f"POL-{digits(r, 2)}-{digits(r, 7)}",
                f"{digits(r, 4)} {digits(r, 4)} {digits(r, 4)}",
                f"{_alnum(r, 3, UP)}-{r.randint(2019, 2026)}-{digits(r, 5)}",
                digits(r, 10),
            ],
        ),
        "EIN5": _ein,
        "EINP5": lambda r: _ein(r).replace("-", ""),
        **{f"VAT{c}5": _vat(c) for c in ("DE", "FR", "ES", "NL", "GB")},
        "GSTIN5": _gstin,
        "CIN5": lambda r: (
            f"{r.choice('UL')}{digits(r, 5)}{r.choice(['MH', 'KA', 'DL', 'TN', 'TG'])}{r.randint(1995, 2024)}{r.choice(['PTC', 'PLC'])}{digits(r, 6)}"
        ),
        "CNPJ5": _cnpj,
        "NFE5": _nfe_key,
        "STNR5": _steuernummer,
        "KVK5": lambda r: digits(r, 8),
        "HRB5": lambda r: str(r.randint(10000, 250000)),
        "REGNO5": lambda r: digits(r, 6),
        "SIRET5": lambda r: (lambda n: _pick(r, [n, f"{n[:3]} {n[3:6]} {n[6:9]} {n[9:]}"]))(
            card(r, _siren(r), 14)
        ),
        "PIVA5": lambda r: card(
            r, f"{r.randint(1, 9999999):07d}{r.randint(1, 100):03d}", 11
        ),  # matricola, office, Luhn
        "ISBN5": _isbn,
        "ISSN5": _issn,
        "GTIN5": _gtin,
        "CREDID5": _creditor_id,
        "BIC5": lambda r: _pick(
            r,
            [
                "DEUTDEFF",
                "DEUTDEFF500",
                "BNPAFRPPXXX",
                "INGBNL2A",
                "UNCRITMM",
                "CAIXESBBXXX",
                "ABNANL2A",
                "COBADEFFXXX",
                "BARCGB22",
                "ITAUBRSP",
                "SOGEFRPP",
                "BBVAESMM",
            ],
        ),
        "SORT5": lambda r: f"{r.randint(10, 99)}-{digits(r, 2)}-{digits(r, 2)}",
        "IFSC5": lambda r: (
            f"{r.choice(['HDFC', 'SBIN', 'ICIC', 'UTIB', 'KKBK', 'PUNB'])}0{_alnum(r, 6, string.digits + UP) if r.random() < 0.3 else digits(r, 6)}"
        ),
        "UPI5": lambda r: (
            f"{r.choice(LOCAL_NAMES['en-IN'])}{r.choice(['.', '', '_'])}{r.choice(SURNAMES['en-IN'])}@{r.choice(['okhdfcbank', 'okicici', 'oksbi', 'ybl', 'paytm', 'ibl', 'axl', 'upi'])}"
        ),
        "UTR5": lambda r: _pick(
            r,
            [
                f"{r.randint(3, 5)}{digits(r, 11)}",
                f"{r.choice(['HDFC', 'SBIN', 'ICIC'])}N{r.randint(2019, 2026)}{digits(r, 11)}",
                digits(r, 12),
            ],
        ),
        "TRACK5": _track,
        "ORDER5": lambda r: _pick(
            r,
            [
                f"{digits(r, 3)}-{digits(r, 7)}-{digits(r, 7)}",
                f"INV-{r.randint(2019, 2026)}-{digits(r, 6)}",
                f"RE-{r.randint(2019, 2026)}-{digits(r, 5)}",
                f"FA{r.randint(19, 26)}-{digits(r, 5)}",
                f"{r.randint(1, 9999)}/{r.randint(2019, 2026)}",
                f"{r.randint(2019, 2026)}/{digits(r, 6)}",
                f"SO{digits(r, 8)}",
                digits(r, 9),
            ],
        ),
        "BOOKREF5": lambda r: _pick(
            r,
            [
                _alnum(r, 6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"),
                f"BK-{digits(r, 8)}",
                f"{r.randint(1000, 9999)}.{digits(r, 3)}.{digits(r, 3)}",
            ],
        ),
        "MEMBER5": lambda r: _pick(
            r,
            [
                f"{r.choice('WXYZ')}{digits(r, 9)}",
                f"{_alnum(r, 3, UP)}{digits(r, 9)}",
                f"MBR-{digits(r, 5)}-{digits(r, 2)}",
                f"{digits(r, 3)} {digits(r, 3)} {digits(r, 3)}",
            ],
        ),
        "MRN5": lambda r: _pick(
            r,
            [
                digits(r, 8),
                f"E{digits(r, 7)}",
                f"H{digits(r, 7)}",
                f"{digits(r, 3)}-{digits(r, 3)}-{digits(r, 3)}",
                f"RX{digits(r, 6)}",
            ],
        ),
        "CTRL5": lambda r: _pick(
            r, [f"MSG{digits(r, 8)}", digits(r, 10), f"{r.randint(2019, 2026)}{digits(r, 10)}-{digits(r, 4)}"]
        ),
        "TICKET5": lambda r: _pick(
            r,
            [
                f"INC{digits(r, 7)}",
                f"SR-{r.randint(2019, 2026)}-{digits(r, 5)}",
                f"ZD-{digits(r, 6)}",
                f"HR-{digits(r, 4)}",
            ],
        ),
        "CASE5": lambda r: _pick(
            r, [f"{r.randint(2019, 2026)}-{digits(r, 6)}", digits(r, 10), f"{digits(r, 2)}/{digits(r, 5)}"]
        ),
        "MANDATE5": lambda r: _pick(
            r,
            [
                f"MNDT-{r.randint(2019, 2026)}-{digits(r, 6)}",
                f"M{digits(r, 4)}-{r.randint(2019, 2026)}",
                f"{digits(r, 10)}",
            ],
        ),
        "ODS5": lambda r: f"{r.choice('ABCFGHJKLMNPY')}{digits(r, 5)}",
        "SRA5": lambda r: digits(r, 6),
        "AGE5": lambda r: _pick(
            r,
            [f"{r.randint(18, 90)} Y", f"{r.randint(18, 90)} yrs", f"{r.randint(18, 90)}Y/{r.choice('MF')}"],
        ),
        "HOURS5": lambda r: _pick(
            r,
            [
                "L-V 9:00-14:00",
                "09.00-17.30",
                "Mo–Fr 8:00–16:30",
                "9h-18h",
                "lun-ven 9:00-18:00",
                "08:30-17:00",
            ],
        ),
        "VER5": _version5,
        "BUILD5": _build5,
        "TSUS5": _ts_micro,
        "EPOCHMS5": _epoch,
        "HL7TS5": _hl7_ts,
        "FHIRDT5": _fhir_dt,
        "REV5": _vcard_rev,
        "X12DATE5": lambda r: (lambda y, m, d: f"{max(y, 2019) % 100:02d}{m:02d}{d:02d}")(*_other_ymd(r)),
        "CLF5": _clf,
        "CHATTS5": _chat_ts,
        "MONYEAR5": lambda r: _pick(
            r,
            [
                f"{r.randint(1, 12):02d}/{r.randint(1995, 2025)}",
                f"{r.randint(1, 12):02d}.{r.randint(1995, 2025)}",
                f"{ABBR['de'][r.randint(0, 11)]} {r.randint(1995, 2025)}",
            ],
        ),
        "EXPIRY5": _expiry,
        "DATEI5": lambda r: (lambda y, m, d: f"{y}-{m:02d}-{d:02d}")(*_other_ymd(r)),
        "DATEB5": lambda r: (lambda y, m, d: f"{y}{m:02d}{d:02d}")(*_other_ymd(r)),
        **{f"DATE{loc[-2:]}5": _date_in(loc) for loc in PLANS},
        "UUID5": _uuid5,
        "HASH5": _hash5,
        "COORD5": _coord,
        "GEO35": lambda r: f"{r.uniform(-55, 60):.6f};{r.uniform(-120, 140):.6f}",
        "GEO45": lambda r: f"{r.uniform(-55, 60):.6f},{r.uniform(-120, 140):.6f}",
        "PORT5": lambda r: _pick(
            r,
            [
                "5432",
                "3306",
                "6379",
                "8443",
                "9092",
                "27017",
                "11211",
                "5672",
                "15672",
                "587",
                "465",
                "993",
                "2222",
                "50051",
                "8080",
            ],
        ),
        "RUST5": _rust,
        "CPP5": _cpp,
        "TIMECODE5": _timecode,
        "IMEI5": _imei,
        "LUHN5": _luhn_other,
        "MEAS5": _meas,
        "NUM5": _num,
        "RANGE5": _range,
        **{f"POST{c}5": _postcode(c) for c in ("GB", "US", "NL", "BR", "IN", "DE")},
        "SID5": lambda r: f"SM{_hex(r, 32)}",
        "MID5": lambda r: digits(r, 15),
        "ASSET5": lambda r: f"{r.choice(['AT', 'LT', 'PC', 'MB'])}-{digits(r, 6)}",
        "BLOCK5": lambda r: str(r.randint(17_000_000, 21_999_999)),
        "MASKEDPAN5": lambda r: _pick(
            r,
            [
                f"{card(r, r.choice('45'), 16)[:6]}******{digits(r, 4)}",
                f"**** **** **** {digits(r, 4)}",
                f"XXXXXXXXXXXX{digits(r, 4)}",
            ],
        ),
        "MASKEDSSN5": lambda r: _pick(
            r, [f"XXX-XX-{digits(r, 4)}", f"***-**-{digits(r, 4)}", f"xxx xx {digits(r, 4)}"]
        ),
    }
)


# -- the documents ----------------------------------------------------------------------------------
# ⟦KIND⟧ is personal data (labelled), ⟦~KIND⟧ a hard negative; {first}/{first2}/{last} are names and
# {org} a company (not labelled: phantom does not claim names or addresses).

T5: dict[str, list[str]] = {
    "en-US": [
        "BEGIN:VCARD\nVERSION:3.0\nN:{last};{first};;;\nFN:{first} {last}\nORG:{org} Inc.\nTEL;TYPE=WORK,VOICE:⟦PH5⟧\nTEL;TYPE=CELL:⟦PH5⟧\nEMAIL;TYPE=INTERNET,PREF:⟦EM5⟧\nBDAY:⟦DOBI5⟧\nGEO:⟦~GEO35⟧\nURL:⟦URL5⟧\nREV:⟦~REV5⟧\nEND:VCARD",
        "ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*CLEARINGHSE    *⟦~X12DATE5⟧*1253*^*00501*000000905*0*P*:~\nBHT*0019*00*⟦~CLAIM5⟧*⟦~DATEB5⟧*1023*CH~\nNM1*85*2*{org} MEDICAL GROUP*****XX*⟦NPI5⟧~\nREF*EI*⟦~EINP5⟧~\nPER*IC*BILLING OFFICE*TE*⟦PHC5⟧*FX*⟦PHC5⟧~\nNM1*IL*1*{last}*{first}****MI*⟦~MEMBER5⟧~\nREF*SY*⟦SSNP5⟧~\nDMG*D8*⟦DOBB5⟧*F~\nCLM*⟦~LOT5⟧*125***11:B:1*Y*A*Y*Y~\nDTP*472*D8*⟦~DATEB5⟧~\nNM1*82*1*{last}*{first2}****XX*⟦NPI5⟧~",
        "MSH|^~\\&|EPIC|{org}HOSP|||⟦~HL7TS5⟧||ADT^A04|⟦~CTRL5⟧|P|2.5.1\nEVN|A04\nPID|1||⟦~MRN5⟧^^^{org}^MR||{last}^{first}^^^^^L||⟦DOBB5⟧|F|||1200 Main St^^Houston^TX^⟦~POSTUS5⟧^USA||⟦PH5⟧^PRN^PH~^NET^Internet^⟦EM5⟧||||||⟦SSNP5⟧\nPV1|1|O|CLINIC^101^1||||⟦NPI5⟧^{last}^{first2}^^^DR^^^NPI",
        '{"resourceType": "Patient", "id": "⟦~UUID5⟧", "meta": {"lastUpdated": "⟦~FHIRDT5⟧"}, "identifier": [{"system": "⟦SYSSSN5⟧", "value": "⟦SSN5⟧"}, {"type": {"text": "MRN"}, "value": "⟦~MRN5⟧"}], "name": [{"family": "{last}", "given": ["{first}"]}], "telecom": [{"system": "phone", "value": "⟦PH5⟧", "use": "mobile"}, {"system": "email", "value": "⟦EM5⟧"}], "birthDate": "⟦DOBF5⟧"}',
        "[9:41 AM] {first} {last}: can you update my W-4? SSN is ⟦SSN5⟧ and my new cell is ⟦PH5⟧\n[9:43 AM] HR Bot: Thanks! Ticket ⟦~TICKET5⟧ created, effective ⟦~DATEUS5⟧.\n[9:44 AM] {first} {last}: personal email is ⟦EM5⟧ btw, old SSN on file shows ⟦~MASKEDSSN5⟧\n[9:45 AM] {first} {last}: and pls whitelist my laptop for VPN, MAC ⟦MAC5⟧. bonus can go to my BTC ⟦BTC5⟧ lol",
        "| Provider | NPI | Phone | Fax | Tax ID (EIN) |\n|---|---|---|---|---|\n| {last}, {first} MD | ⟦NPI5⟧ | ⟦PH5⟧ | ⟦PH5⟧ | ⟦~EIN5⟧ |\n| {org} Clinic | ⟦NPI5⟧ | ⟦PH5⟧ | n/a | ⟦~EIN5⟧ |",
        "C R E D I T   C A R D   A U T H O R I Z A T I O N\nCardholder :  {first} {last}\nCard No.:  ⟦CARDO5⟧    Exp: ⟦~EXPIRY5⟧\nBilling ZIP  ⟦~POSTUS5⟧\nD O B:⟦DOB5⟧   Phone :⟦PH5⟧\nSignature ________   Date  ⟦~DATEUS5⟧",
    ],
    "en-GB": [
        "N H S   Number:  ⟦NHS5⟧\nD.O.B.:⟦DOB5⟧    Hosp No: ⟦~MRN5⟧\nTel (home) ⟦PH5⟧   Mob. ⟦PH5⟧\nDate of referral: ⟦~DATEGB5⟧\nGP practice code ⟦~ODS5⟧",
        '{"resourceType": "Patient", "identifier": [{"system": "⟦SYSNHS5⟧", "value": "⟦NHSP5⟧"}], "birthDate": "⟦DOBI5⟧", "telecom": [{"system": "phone", "value": "⟦PH5⟧", "use": "home"}, {"system": "email", "value": "⟦EM5⟧"}], "address": [{"line": ["14 Mill Lane"], "postalCode": "⟦~POSTGB5⟧"}], "generalPractitioner": [{"identifier": {"value": "⟦~ODS5⟧"}}]}',
        "Kind regards,\n\n{first} {last}\nSenior Associate | {org} LLP\nDD: ⟦PH5⟧ | M: ⟦PH5⟧\nE: ⟦EM5⟧ | W: ⟦URL5⟧\n{org} LLP is authorised and regulated by the SRA (No. ⟦~SRA5⟧). Registered in England and Wales, OC⟦~REGNO5⟧. VAT ⟦~VATGB5⟧.",
        "<table><tr><th>Employee</th><th>Date of birth</th><th>Start date</th><th>Sort code</th><th>IBAN</th></tr>\n<tr><td>{first} {last}</td><td>⟦DOB5⟧</td><td>⟦~DATEGB5⟧</td><td>⟦~SORT5⟧</td><td>⟦IBAN5⟧</td></tr>\n<tr><td>{first2} {last}</td><td>⟦DOB5⟧</td><td>⟦~DATEGB5⟧</td><td>⟦~SORT5⟧</td><td>⟦IBAN5⟧</td></tr></table>",
        "[⟦~CHATTS5⟧] {first}: my new number is ⟦PH5⟧, and the card for the deposit is ⟦CARD5⟧\n[⟦~CHATTS5⟧] {first}: pharmacy also wants my NHS number, it's ⟦NHS5⟧\n[⟦~CHATTS5⟧] {first2}: cheers. booking ref ⟦~BOOKREF5⟧, check-in ⟦~DATEGB5⟧. or pay me in eth: ⟦ETH5⟧",
        "MSH|^~\\&|PAS|RX1|EPR|RX1|⟦~HL7TS5⟧||ADT^A01|⟦~CTRL5⟧|P|2.4\nPID|1||⟦NHSP5⟧^^^NHS^NH~⟦~MRN5⟧^^^RX1^MR||{last}^{first}||⟦DOBB5⟧|M|||2 High St^^Leeds^^⟦~POSTGB5⟧^GBR||⟦PH5⟧^PRN^PH\nPV1|1|I|WARD3^^^RX1||||||||||||||||⟦~CASE5⟧|||||||||||||||||||||||||⟦~HL7TS5⟧",
        "Service desk ⟦~TICKET5⟧ — {first} {last} reports VPN drops. Laptop MAC ⟦MAC5⟧, assigned ⟦IP5⟧, gateway ⟦IP65⟧. Call back on ⟦PH5⟧. Asset ⟦~ASSET5⟧, build ⟦~BUILD5⟧.",
    ],
    "en-IN": [
        "DISCHARGE SUMMARY\nPatient Name: {first} {last}    UHID: ⟦~MRN5⟧    DOB: ⟦DOB5⟧ (⟦~AGE5⟧)\nMobile: ⟦PH5⟧\nDOA: ⟦~DATEIN5⟧    DOD: ⟦~DATEIN5⟧\nAddress: 14 MG Road, Bengaluru ⟦~POSTIN5⟧\nTPA / insurance policy no. ⟦~POLICY5⟧\nAdvance paid by card ⟦CARD5⟧\nConsultant: Dr. {first2} — ⟦EM5⟧",
        "Txn Date,Narration,Withdrawal Amt.\n⟦~DATEIN5⟧,UPI/⟦~UTR5⟧/{first}/⟦~UPI5⟧,1250.00\n⟦~DATEIN5⟧,IMPS/P2A/mob ⟦PH5⟧/{first2}/⟦~IFSC5⟧,499.00",
        "Regards,\n{first} {last}\nManager – Accounts, {org} Pvt. Ltd.\nMob: ⟦PH5⟧ | Tel: ⟦PH5⟧\n⟦EM5⟧ | ⟦URL5⟧\nWires from abroad: IBAN ⟦IBAN5⟧\nGSTIN: ⟦~GSTIN5⟧ | CIN: ⟦~CIN5⟧",
        'sms_gateway:\n  sender_id: HDRSMS\n  admin_mobile: "⟦PHE5⟧"\n  alert_email: ⟦EM5⟧\n  webhook: ⟦URL5⟧\n  port: ⟦~PORT5⟧\n  allow_ip: ⟦IP5⟧\n  gateway_mac: ⟦MAC5⟧\n  donation_wallet: ⟦BTC5⟧\n  release: ⟦~VER5⟧',
    ],
    "fr-FR": [
        'BEGIN:VCARD\nVERSION:4.0\nFN:{first} {last}\nN:{last};{first};;;\nTEL;VALUE=uri;TYPE="voice,cell":tel:⟦PHU5⟧\nTEL;VALUE=uri;TYPE=work:tel:⟦PHU5⟧\nEMAIL;TYPE=work:⟦EM5⟧\nBDAY:⟦DOBV5⟧\nANNIVERSARY:⟦~DATEB5⟧\nGEO:geo:⟦~GEO45⟧\nREV:⟦~REV5⟧\nEND:VCARD',
        "| Assuré | N° adhérent | Né(e) le | Téléphone | Date de soins |\n|---|---|---|---|---|\n| {last} {first} | ⟦~MEMBER5⟧ | ⟦DOB5⟧ | ⟦PH5⟧ | ⟦~DATEFR5⟧ |\n| {last} {first2} | ⟦~MEMBER5⟧ | ⟦DOB5⟧ | ⟦PH5⟧ | ⟦~DATEFR5⟧ |\n\nRIB : ⟦IBAN5⟧",
        "Facture n° ⟦~ORDER5⟧ du ⟦~DATEFR5⟧\nClient : {first} {last} — ⟦EM5⟧ — ⟦PH5⟧\n{org} SAS — SIRET ⟦~SIRET5⟧ — TVA intracom. ⟦~VATFR5⟧\nRèglement par carte ⟦CARD5⟧ ou prélèvement SEPA (ICS ⟦~CREDID5⟧)",
        "Auto-certification FATCA / CRS\nTitulaire : {first} {last}, né(e) le ⟦DOB5⟧ à Boston (États-Unis)\nNIF américain (SSN) : ⟦SSN5⟧\nIBAN du compte : ⟦IBAN5⟧\nFait le ⟦~DATEFR5⟧, dossier ⟦~CASE5⟧",
        "Ticket ⟦~TICKET5⟧ : le poste de {first} {last} (adresse MAC ⟦MAC5⟧, IP ⟦IP5⟧) n'accède plus à ⟦URL5⟧. Rappeler au ⟦PH5⟧. Version ⟦~VER5⟧.",
    ],
    "de-DE": [
        "Mit freundlichen Grüßen\n\n{first} {last}\nKundenservice\n{org} GmbH · Friedrichstraße 112 · ⟦~POSTDE5⟧ Berlin\nTelefon: ⟦PH5⟧\nTelefax: ⟦PH5⟧\nE-Mail: ⟦EM5⟧\nInternet: ⟦URL5⟧\nZahlungen auch in Bitcoin: ⟦BTC5⟧\nAmtsgericht Charlottenburg HRB ⟦~HRB5⟧ · USt-IdNr.: ⟦~VATDE5⟧ · St.-Nr. ⟦~STNR5⟧",
        "LEBENSLAUF\n\n{first} {last}\n* ⟦DOB5⟧ in Köln\nTelefon  ⟦PH5⟧  ·  ⟦EM5⟧\n\nBerufserfahrung\n⟦~MONYEAR5⟧ – heute   Projektleitung, {org} AG\n⟦~MONYEAR5⟧ – ⟦~MONYEAR5⟧   Entwicklung",
        "Nachname;Vorname;Geburtsdatum;Telefon;Aufnahmedatum;Fallnummer\n{last};{first};⟦DOB5⟧;⟦PH5⟧;⟦~DATEDE5⟧;⟦~CASE5⟧\n{last};{first2};⟦DOB5⟧;⟦PH5⟧;⟦~DATEDE5⟧;⟦~CASE5⟧",
        "<h2>SEPA-Lastschriftmandat</h2>\n<table><tr><td>Gläubiger-ID</td><td>⟦~CREDID5⟧</td></tr>\n<tr><td>Mandatsreferenz</td><td>⟦~MANDATE5⟧</td></tr>\n<tr><td>Kontoinhaber</td><td>{first} {last}</td></tr>\n<tr><td>IBAN</td><td>⟦IBAN5⟧</td></tr>\n<tr><td>BIC</td><td>⟦~BIC5⟧</td></tr>\n<tr><td>Rückfragen</td><td>⟦PH5⟧ / ⟦EM5⟧</td></tr>\n<tr><td>Datum</td><td>⟦~DATEDE5⟧</td></tr></table>",
        "Störungsmeldung ⟦~TICKET5⟧: Router von {first} {last}, MAC ⟦MAC5⟧, WAN-IP ⟦IP5⟧, IPv6 ⟦IP65⟧. Rückruf ⟦PH5⟧. Reparatur per Kreditkarte ⟦CARD5⟧ (gültig bis ⟦~EXPIRY5⟧).",
    ],
    "it-IT": [
        "Cognome  {last}     Nome  {first}\nNato/a a  Torino    il  ⟦DOB5⟧\nCell.  ⟦PH5⟧     E-mail  ⟦EM5⟧\nCertificato medico valido fino al ⟦~DATEIT5⟧\nTessera n. ⟦~LOT5⟧",
        "<CedentePrestatore><DatiAnagrafici><IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>⟦~PIVA5⟧</IdCodice></IdFiscaleIVA></DatiAnagrafici><Contatti><Telefono>⟦PH5⟧</Telefono><Email>⟦EM5⟧</Email></Contatti></CedentePrestatore>\n<DatiGeneraliDocumento><Data>⟦~DATEI5⟧</Data><Numero>⟦~ORDER5⟧</Numero></DatiGeneraliDocumento>\n<DettaglioPagamento><DataScadenzaPagamento>⟦~DATEI5⟧</DataScadenzaPagamento><IBAN>⟦IBAN5⟧</IBAN></DettaglioPagamento>",
        "{first}: mi mandi il numero del corriere?\n{first2}: ⟦PH5⟧ oppure scrivi a ⟦EM5⟧, il pacco è ⟦~TRACK5⟧\n{first}: grazie! pago con la carta ⟦CARD5⟧ o bonifico su ⟦IBAN5⟧?",
        "REFERTO n. ⟦~ORDER5⟧\nPaziente: {last} {first} — data di nascita ⟦DOB5⟧ — data prelievo ⟦~DATEIT5⟧\n| Esame | Risultato | Unità | Intervallo |\n|---|---|---|---|\n| Piastrine | ⟦~MEAS5⟧ | /µL | ⟦~RANGE5⟧ |\n| Globuli rossi | ⟦~MEAS5⟧ | /µL | 4,2-5,4 mln |\nMedico refertante: dott. {first2}, tel. ⟦PH5⟧",
        "Segnalazione ⟦~TICKET5⟧: {first} {last} non riesce ad accedere a ⟦URL5⟧ da ⟦IP5⟧ (MAC ⟦MAC5⟧). Chiede il rimborso in BTC a ⟦BTC5⟧. Tel. ⟦PH5⟧",
    ],
    "es-ES": [
        "Un saludo,\n{first} {last}\nDpto. de Administración\n{org} S.L. — NIF-IVA ⟦~VATES5⟧\nTel.: ⟦PH5⟧ | Móvil: ⟦PH5⟧\n⟦EM5⟧ · ⟦URL5⟧\nHorario: ⟦~HOURS5⟧\nIBAN ⟦IBAN5⟧ · aceptamos bitcoin: ⟦BTC5⟧",
        '{"reserva": "⟦~BOOKREF5⟧", "huesped": {"nombre": "{first} {last}", "fecha_nacimiento": "⟦DOBI5⟧", "telefono": "⟦PHE5⟧", "email": "⟦EM5⟧"}, "entrada": "⟦~DATEI5⟧", "salida": "⟦~DATEI5⟧", "pago": {"tarjeta": "⟦CARD5⟧", "caducidad": "⟦~EXPIRY5⟧"}}',
        "Apellidos,Nombre,F. nacimiento,Teléfono,Correo,Fecha alta\n{last},{first},⟦DOB5⟧,⟦PH5⟧,⟦EM5⟧,⟦~DATEES5⟧\n{last},{first2},⟦DOB5⟧,⟦PH5⟧,⟦EM5⟧,⟦~DATEES5⟧",
        "BEGIN:VEVENT\nUID:⟦~UUID5⟧\nDTSTART:⟦~DATEB5⟧T090000Z\nORGANIZER;CN={first} {last}:mailto:⟦EM5⟧\nATTENDEE;CN={first2}:mailto:⟦EM5⟧\nDESCRIPTION:Llamar al ⟦PH5⟧ si hay retraso\nEND:VEVENT",
        '⟦IP5⟧ - - [⟦~CLF5⟧] "GET /es/cuenta/verificar?email=⟦EM5⟧&tel=⟦PHC5⟧&pedido=⟦~ORDER5⟧ HTTP/1.1" 302 0 "⟦URL5⟧" "Mozilla/5.0"',
    ],
    "nl-NL": [
        "MSH|^~\\&|LIMS|{org}LAB|HIS|ZKH|⟦~HL7TS5⟧||ORU^R01|⟦~CTRL5⟧|P|2.4\nPID|1||⟦~MRN5⟧^^^ZKH^PI||{last}^{first}||⟦DOBB5⟧|F|||Dorpsstraat 1^^Utrecht^^⟦~POSTNL5⟧^NL||⟦PH5⟧^PRN^PH\nOBR|1|||PLT^Trombocyten\nOBX|1|NM|PLT^Trombocyten||⟦~MEAS5⟧|/uL|⟦~RANGE5⟧|N|||F",
        "Met vriendelijke groet,\n\n{first} {last}\n{org} B.V.\nT ⟦PH5⟧\nM ⟦PH5⟧\nE ⟦EM5⟧\nI ⟦URL5⟧\nKvK ⟦~KVK5⟧ | BTW ⟦~VATNL5⟧ | IBAN ⟦IBAN5⟧",
        "| Lid | Geboortedatum | Lid sinds | Telefoon | E-mail |\n|---|---|---|---|---|\n| {first} {last} | ⟦DOB5⟧ | ⟦~DATENL5⟧ | ⟦PH5⟧ | ⟦EM5⟧ |\n| {first2} {last} | ⟦DOB5⟧ | ⟦~DATENL5⟧ | ⟦PH5⟧ | ⟦EM5⟧ |",
        "Storing ⟦~TICKET5⟧: modem van {first} {last} (MAC ⟦MAC5⟧, IP ⟦IP5⟧) offline sinds ⟦~TSUS5⟧. Terugbellen op ⟦PH5⟧. Creditcard voor de monteur: ⟦CARD5⟧.",
        "Hoi {first}, je pakket ⟦~TRACK5⟧ komt morgen. Bel de bezorger op ⟦PH5⟧. Betaalverzoek: ⟦URL5⟧ (kenmerk ⟦~ORDER5⟧) of betaal in bitcoin: ⟦BTC5⟧. Ter verificatie je geboortedatum: ⟦DOB5⟧.",
    ],
    "pt-BR": [
        "Prezado(a) {first},\nSegue a NF-e (chave ⟦~NFE5⟧) emitida em ⟦~DATEBR5⟧.\n{org} Ltda. — CNPJ ⟦~CNPJ5⟧\nTel.: ⟦PH5⟧ | WhatsApp: ⟦PH5⟧\n⟦EM5⟧ | ⟦URL5⟧",
        '{"resourceType": "Patient", "id": "⟦~UUID5⟧", "birthDate": "⟦DOBF5⟧", "telecom": [{"system": "phone", "value": "⟦PH5⟧"}, {"system": "email", "value": "⟦EM5⟧"}], "address": [{"postalCode": "⟦~POSTBR5⟧"}], "meta": {"lastUpdated": "⟦~FHIRDT5⟧"}}',
        "nome;data_nasc;celular;email;cep;data_cadastro\n{first} {last};⟦DOB5⟧;⟦PH5⟧;⟦EM5⟧;⟦~POSTBR5⟧;⟦~DATEBR5⟧\n{first2} {last};⟦DOB5⟧;⟦PH5⟧;⟦EM5⟧;⟦~POSTBR5⟧;⟦~DATEBR5⟧",
        "⟦~CHATTS5⟧ - {first}: oi! meu pix é ⟦EM5⟧\n⟦~CHATTS5⟧ - {first2}: manda o cartão pra reservar: ⟦CARD5⟧\n⟦~CHATTS5⟧ - {first}: nasci em ⟦DOB5⟧, pode colocar no cadastro",
        "Chamado ⟦~TICKET5⟧: o roteador de {first} {last} (MAC ⟦MAC5⟧, IP ⟦IP5⟧) caiu. Reembolso via IBAN ⟦IBAN5⟧ ou carteira ⟦ETH5⟧. Contato ⟦PH5⟧.",
    ],
}
TECH5 = [
    '{"ts": "⟦~TSUS5⟧", "level": "INFO", "msg": "password reset requested", "user_email": "⟦EM5⟧", "client_ip": "⟦IP5⟧", "trace_id": "⟦~HASH5⟧", "duration_ms": ⟦~NUM5⟧, "build": "⟦~VER5⟧"}',
    'time=⟦~TSUS5⟧ level=warn msg="sms delivery failed" to=⟦PHE5⟧ provider=twilio sid=⟦~SID5⟧ attempt=3 epoch_ms=⟦~EPOCHMS5⟧',
    '⟦IP65⟧ - - [⟦~CLF5⟧] "GET /api/v2/users/lookup?email=⟦EM5⟧&phone=⟦PHC5⟧ HTTP/2.0" 200 512 "-" "okhttp/⟦~VER5⟧"',
    'smtp:\n  host: ⟦IP5⟧\n  port: ⟦~PORT5⟧\n  from: ⟦EM5⟧\nalerts:\n  oncall_phone: "⟦PHE5⟧"\n  webhook: ⟦URL5⟧\nbuild: ⟦~BUILD5⟧\nreleased: ⟦~DATEI5⟧',
    "thread 'main' panicked at src/db.rs:42:9:\ncalled `Result::unwrap()` on an `Err` value: ConnectError { addr: [⟦IP65⟧]:⟦~PORT5⟧, user: \"⟦EM5⟧\" }\nstack backtrace:\n   0: ⟦~RUST5⟧\n   1: ⟦~RUST5⟧\n   2: ⟦~RUST5⟧",
    "src/net/socket.cpp:118:22: error: no matching function for call to '⟦~CPP5⟧(const char*)'\n  118 |   ⟦~CPP5⟧ << peer_ << ⟦~CPP5⟧;\n// fallback host ⟦IP5⟧, maintainer ⟦EM5⟧",
    "Interface   MAC Address         IP Address        Lease expires\nGi1/0/12    ⟦MAC5⟧   ⟦IP5⟧   ⟦~TSUS5⟧\nGi1/0/13    ⟦MAC5⟧   ⟦IP5⟧   ⟦~TSUS5⟧\nuptime ⟦~TIMECODE5⟧",
    '{"withdrawal_id": "⟦~UUID5⟧", "asset": "BTC", "address": "⟦BTC5⟧", "refund_to": "⟦ETH5⟧", "network_fee": "⟦~NUM5⟧", "txid": "⟦~HASH5⟧", "requested_at": ⟦~EPOCHMS5⟧, "block": ⟦~BLOCK5⟧}',
    "DEBUG PaymentRequest(pan=⟦CARD5⟧, previous_pan=⟦~MASKEDPAN5⟧, exp=⟦~EXPIRY5⟧, amount=⟦~NUM5⟧, order=⟦~ORDER5⟧, merchant=⟦~MID5⟧, device_imei=⟦~IMEI5⟧)",
    "asset_tag,imei,mac_wifi,ipv4,owner_email,firmware\n⟦~ASSET5⟧,⟦~IMEI5⟧,⟦MAC5⟧,⟦IP5⟧,⟦EM5⟧,⟦~VER5⟧\n⟦~ASSET5⟧,⟦~LUHN5⟧,⟦MAC5⟧,⟦IP5⟧,⟦EM5⟧,⟦~VER5⟧",
    '{"resourceType": "Practitioner", "identifier": [{"system": "⟦SYSNPI5⟧", "value": "⟦NPI5⟧"}, {"system": "urn:oid:2.16.840.1.113883.4.6", "value": "⟦NPI5⟧"}], "telecom": [{"system": "phone", "value": "⟦PH5⟧", "use": "work"}], "birthDate": "⟦DOBI5⟧", "qualification": [{"period": {"start": "⟦~DATEI5⟧"}}]}',
    "INSERT INTO patients (nhs_number, dob, mobile, admitted_at) VALUES ('⟦NHSP5⟧', '⟦DOBI5⟧', '⟦PHE5⟧', '⟦~TSUS5⟧');\nCOPY employees (ssn, birth_date, hire_date, badge) FROM stdin;\n⟦SSN5⟧\t⟦DOBI5⟧\t⟦~DATEI5⟧\t⟦~LOT5⟧",
    "| sensor | reading | range | serial |\n|---|---|---|---|\n| P-101 | ⟦~MEAS5⟧ Pa | ⟦~RANGE5⟧ | ⟦~LOT5⟧ |\n| F-7 | ⟦~MEAS5⟧ l/h | ⟦~RANGE5⟧ | ⟦~LOT5⟧ |",
    "Order ⟦~ORDER5⟧ confirmed: 1 x ISBN ⟦~ISBN5⟧, 1 x ISSN ⟦~ISSN5⟧ (12 issues), 2 x EAN ⟦~GTIN5⟧. Ship to {first} {last}, ⟦PH5⟧, ⟦EM5⟧. Charged to ⟦CARD5⟧.",
    "device ⟦MAC5⟧ at ⟦~COORD5⟧ fix ⟦~TSUS5⟧ owner ⟦PH5⟧ sim ⟦~LUHN5⟧ build ⟦~BUILD5⟧",
]


REPEATS5 = 6  # documents per template: 60 templates, a little over heldout4's 343 documents


def build_heldout5() -> list[dict]:
    """Every template of T5 (per locale) and TECH5, REPEATS5 documents each, seed SEED5."""
    rnd = random.Random(SEED5)
    locales = list(T5)
    cases = []
    for group, templates in [*T5.items(), ("tech", TECH5)]:
        for i, template in enumerate(templates):
            for n in range(REPEATS5):
                case = fill(template, rnd, group if group != "tech" else locales[n % len(locales)])
                case.update(split="heldout5", batch="heldout5", locale=group, template=f"{group}/h5/{i}")
                cases.append(case)
    return cases


def main() -> None:
    """Counts only: bench/phantom_pii_multilingual_data.py writes the batch into the set (never print spans)."""
    from collections import Counter

    cases = build_heldout5()
    spans = Counter(s["entity"] for c in cases for s in c["spans"])
    negatives = Counter(n["kind"] for c in cases for n in c["negatives"])
    print(
        f"heldout5 (seed {SEED5}): {len(cases)} documents, {sum(spans.values())} labelled spans, {sum(negatives.values())} hard negatives"
    )
    print("spans per type:", dict(sorted(spans.items())))
    locales = Counter(c["locale"] for c in cases)
    print("documents per locale:", dict(locales))
    print("negatives per kind:", dict(sorted(negatives.items())))


if __name__ == "__main__":
    main()
