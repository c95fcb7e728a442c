"""`heldout6`: the sixth held-out batch for bench/phantom_pii_multilingual.json, written from the formats'
specifications while heldout5 was being tuned on, without reading servers/phantom/pii.py,
pii_fields.py or redaction.py and without running any detector on it. It is meant to be scored once.

Built by bench/phantom_pii_multilingual_data.py (which imports `build_heldout6` from here), seed SEED6,
split and batch "heldout6", templates tagged `<locale>/h6/<n>`. The same nine locales as the rest of
the set; document kinds new to it: pharmacy labels and receipts (NDC 5-4-2, PZN, CIP13, AIC, Código
Nacional, Z-index, DEA numbers), insurance claim letters, travel bookings and e-tickets (PNR record
locators, 13-digit ticket numbers, SSR DOCS/CTCM lines with IATA DDMMMYY dates), EDIFACT PAXLST
(DTM+329 birth, DTM+36 expiry), police and court reports as PDF-to-text output with hyphenated line
breaks and page footers, school and HR onboarding forms, spreadsheet exports with merged header rows,
support-call transcripts with the numbers grouped as people say them, SMS one-time-password texts,
patient portals, DICOM-style attribute dumps ((0010,0030) PatientBirthDate vs (0008,0020) StudyDate),
SEPA pain.001 XML, SWIFT MT103, Outlook message headers as text, Apple vCard and Google contact CSV
exports, dating and social profiles, Kubernetes Secrets and ConfigMaps, Terraform state, Git commit
metadata, browser HAR entries and cookies.txt, SIEM alerts, markdown READMEs with links.

Values are valid by their specifications, drawn with heldout5's spec-built generators (national
numbering plans checked by libphonenumber, ISO/IEC 7812 IIN ranges with Luhn, SSA rules, NPI Luhn over
80840, NHS modulus 11, ISO 13616 IBANs with national check digits, Base58Check/bech32/bech32m, EIP-55)
and written in forms heldout5 did not use: international `00` access codes, RFC 5733 `+CC.NSN`,
national numbers regrouped as spoken in a call, extensions in each language (ext./x/poste/int./
toestel/ramal), NPIs and NHS numbers with other separators, birth dates in IATA `DDMMMYYYY`, DICOM DA
and EDIFACT 102 forms and in more written forms per locale, URLs with ports, userinfo, IDN hosts,
query strings and fragments, `ftp://`, scheme-less `www.`, inside markdown links and angle brackets
and before sentence punctuation (the punctuation is outside the span).

What is and is not an entity follows heldout5's definitions (see its docstring): a date is a birth date
only when its cue or field says so (DOB, né le, geb., DTM+329, PatientBirthDate, BDAY, Birthday);
study, hire, expiry, passport-expiry, journey, loss, filing and login dates are not. An ABA routing
number, EIN, Steuer-IdNr or IRCTC PNR has an SSN's or a phone number's digits but is none; a 10-digit
prior-authorisation number failing the NPI check, a hospital number failing modulus 11, a gift card
failing Luhn, and Luhn-valid numbers that are not cards (IMEI, SIM ICCID, RPPS) are negatives.
"""

from __future__ import annotations

import base64
import random
import string
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from phantom_pii_data import card, luhn_check_digit  # noqa: E402
from phantom_pii_heldout5_data import (  # noqa: E402  (spec-built value generators, registered under H6 names)
    _IIN5,
    ABBR,
    _alnum,
    _date_in,
    _dialable_abroad,
    _grouped,
    _hex,
    _locale_forms,
    _nhs_number,
    _pick,
    _ymd,
    birth_basic5,
    birth_iso5,
    btc5,
    draw_phone,
    email5,
    eth5,
    iban5,
    ipv4_5,
    ipv6_5,
    mac5,
    nhs5,
    nhs_plain5,
    npi5,
    phone_compact,
    phone_e164,
    ssn5,
)
from phantom_pii_multilingual_data import MONTHS, NEGATIVES, VALUES, digits, fill  # noqa: E402

SEED6 = 6606
UP = string.ascii_uppercase
HEX = "0123456789abcdef"
LOCALES = ["en-US", "en-GB", "en-IN", "fr-FR", "de-DE", "it-IT", "es-ES", "nl-NL", "pt-BR"]


# -- phone numbers: heldout5's plan-checked numbers, in forms heldout5 did not write ----------------

EXT_WORD = {
    "en-US": ["ext.", "x", "ext"],
    "en-GB": ["ext.", "x", "extn"],
    "en-IN": ["extn.", "ext."],
    "fr-FR": ["poste"],
    "de-DE": ["App."],
    "it-IT": ["int."],
    "es-ES": ["ext."],
    "nl-NL": ["toestel"],
    "pt-BR": ["ramal"],
}


def _national(rnd: random.Random, locale: str) -> str:
    d = draw_phone(rnd, locale)
    if locale == "en-US":
        a, b, c = d.groups
        return rnd.choice([f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a} {b} {c}"])
    return f"{d.trunk}{' '.join(d.groups)}"


def _international(rnd: random.Random, locale: str) -> str:
    d = _dialable_abroad(rnd, locale)
    if locale not in ("en-US", "pt-BR") and rnd.random() < 0.45:
        return f"00{d.cc} {' '.join(d.groups)}"
    if rnd.random() < 0.35:
        return f"+{d.cc}.{d.nsn}"  # RFC 5733 (EPP, WHOIS)
    return rnd.choice([f"+{d.cc} {' '.join(d.groups)}", f"+{d.cc}-{'-'.join(d.groups)}"])


def phone6(rnd: random.Random, locale: str) -> str:
    if rnd.random() < 0.4:
        return rnd.choice(draw_phone(rnd, locale).forms)
    return _national(rnd, locale) if rnd.random() < 0.5 else _international(rnd, locale)


def phone_intl6(rnd: random.Random, locale: str) -> str:
    return _international(rnd, locale)


def phone_ext6(rnd: random.Random, locale: str) -> str:
    word, x = rnd.choice(EXT_WORD[locale]), str(rnd.randint(2, 9999))
    joined = f"{word}{x}" if word == "x" else f"{word} {x}"
    return f"{_national(rnd, locale)}{rnd.choice([' ', ', '])}{joined}"


def phone_spoken6(rnd: random.Random, locale: str) -> str:
    """The national number regrouped as a caller reads it out: chunks of 2-4 digits, spaces or dashes."""
    d = draw_phone(rnd, locale)
    rest, chunks = f"{d.trunk}{d.nsn}", []
    while rest:
        size = rnd.choice([2, 3, 3, 4])
        size = len(rest) if len(rest) - size < 2 else size
        chunks.append(rest[:size])
        rest = rest[size:]
    out = chunks[0]
    for chunk in chunks[1:]:
        out += rnd.choice([" ", " ", "-", "  "]) + chunk
    return out


# -- birth dates --------------------------------------------------------------------------------

_ORD6 = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def _more_forms(locale: str, y: int, m: int, d: int) -> list[str]:
    lang = locale[:2]
    full, ab = MONTHS[lang][m - 1], ABBR[lang][m - 1]
    return {
        "en": [
            f"{full} {d}{_ORD6.get(d, 'th')}, {y}",
            f"{d}-{ABBR['en'][m - 1]}-{y % 100:02d}",
            f"{full} {d} {y}",
        ],
        "fr": [f"{d:02d} {full} {y}", f"{d:02d}/{m:02d}/{y}"],
        "de": [f"{d:02d}. {full} {y}", f"{d}.{m:02d}.{y}"],
        "it": [f"{d:02d} {full} {y}", f"{d}-{ab}-{y}"],
        "es": [f"{d:02d}-{ab.rstrip('.')}-{y}", f"{d} de {full} del {y}"],
        "nl": [f"{d:02d} {full} {y}", f"{d:02d}.{m:02d}.{y}"],
        "pt": [f"{d:02d} de {full} de {y}", f"{d}/{m}/{y}"],
    }[lang]


def birth6(rnd: random.Random, locale: str) -> str:
    y, m, d = _ymd(rnd)
    if rnd.random() < 0.35:
        return rnd.choice(_more_forms(locale, y, m, d))
    return rnd.choice(_locale_forms(locale, y, m, d))


def birth_iata6(rnd: random.Random, locale: str) -> str:
    """IATA SSR DOCS / APIS: DDMMMYY (and DDMMMYYYY as many booking tools print it)."""
    y, m, d = _ymd(rnd)
    mon = ABBR["en"][m - 1].upper()
    return f"{d:02d}{mon}{y}" if rnd.random() < 0.5 else f"{d:02d}{mon}{y % 100:02d}"


# -- e-mail, URLs of many shapes --------------------------------------------------------------------

TLD6 = {
    "en-US": "com",
    "en-GB": "co.uk",
    "en-IN": "in",
    "fr-FR": "fr",
    "de-DE": "de",
    "it-IT": "it",
    "es-ES": "es",
    "nl-NL": "nl",
    "pt-BR": "com.br",
}
IDN6 = {
    "en-US": ["xn--caf-dma.com", "xn--bcher-kva.com"],
    "en-GB": ["xn--tsting-bva.co.uk", "xn--caf-dma.co.uk"],
    "en-IN": ["xn--h2brj9c.in", "xn--caf-dma.in"],
    "fr-FR": ["café-lumière.fr", "crêperie-bretonne.fr"],
    "de-DE": ["müller-reisen.de", "bäckerei-schön.de"],
    "it-IT": ["caffè-roma.it", "perché-no.it"],
    "es-ES": ["señorío-jamón.es", "año-nuevo.es"],
    "nl-NL": ["café-de-brug.nl", "ijsjes-één.nl"],
    "pt-BR": ["açaí-natural.com.br", "pão-de-queijo.com.br"],
}
ORGS6 = ["halcyon", "meridian", "quayside", "solstice", "larkspur", "tidewater", "ironbark", "pinnacle"]


def _path6(rnd: random.Random) -> str:
    return rnd.choice(
        [
            "account/settings",
            f"r/{digits(rnd, 6)}",
            f"s/{''.join(rnd.choice(HEX) for _ in range(8))}",
            "help/contact-us",
            f"booking/{digits(rnd, 8)}/receipt.pdf",
            "en/privacy",
            f"u/{rnd.choice(ORGS6)}{rnd.randint(1, 99)}",
        ]
    )


def url6(rnd: random.Random, locale: str) -> str:
    host, path, port = (
        f"{rnd.choice(ORGS6)}.{TLD6[locale]}",
        _path6(rnd),
        rnd.choice([8080, 8443, 3000, 9090]),
    )
    query = f"utm_source=sms&utm_medium={rnd.choice(['email', 'qr'])}&id={digits(rnd, 5)}"
    return rnd.choice(
        [
            f"https://{host}/",
            f"https://www.{host}/{path}",
            f"http://{host}:{port}/{path}",
            f"https://{rnd.choice(['jdoe', 'support', 'guest'])}@files.{host}/{path}",
            f"https://{rnd.choice(IDN6[locale])}/{path}",
            f"http://www.{rnd.choice(IDN6[locale])}/",
            f"www.{host}/{path}",
            f"www.{host}",
            f"https://{host}/{path}?{query}",
            f"https://app.{host}/{path}#section-{rnd.randint(1, 9)}",
            f"ftp://ftp.{host}/pub/{digits(rnd, 4)}.zip",
        ]
    )


# -- cards, identifiers -------------------------------------------------------------------------


def card6(rnd: random.Random, locale: str) -> str:
    prefix, length, pattern = rnd.choice(_IIN5)
    number = card(rnd, prefix, length)
    if pattern == "factor" or rnd.random() < 0.15:
        return number
    return _grouped(number, pattern, rnd.choice([" ", " ", "-", "  "]))


def card_spoken6(rnd: random.Random, locale: str) -> str:
    prefix, length, pattern = rnd.choice(_IIN5)
    number = card(rnd, prefix, length)
    text = _grouped(number, pattern if pattern != "factor" else "4444", " ")
    return text.replace(" ", rnd.choice([" - ", "-", "  ", ", "]))


def npi6(rnd: random.Random, locale: str) -> str:
    n = npi5(rnd, locale)
    return rnd.choice([n, n, n, f"{n[:3]}-{n[3:6]}-{n[6:]}", f"{n[:4]} {n[4:7]} {n[7:]}", f"{n[:5]} {n[5:]}"])


def iban_compact6(rnd: random.Random, locale: str) -> str:
    return iban5(rnd, locale).replace(" ", "")


VALUES.update(
    {
        "H6PH": ("PHONE_NUMBER", phone6),
        "H6PHI": ("PHONE_NUMBER", phone_intl6),
        "H6PHX": ("PHONE_NUMBER", phone_ext6),
        "H6PHS": ("PHONE_NUMBER", phone_spoken6),
        "H6PHE": ("PHONE_NUMBER", phone_e164),
        "H6PHC": ("PHONE_NUMBER", phone_compact),
        "H6DOB": ("DATE_OF_BIRTH", birth6),
        "H6DOBA": ("DATE_OF_BIRTH", birth_iata6),
        "H6DOBI": ("DATE_OF_BIRTH", birth_iso5),
        "H6DOBB": ("DATE_OF_BIRTH", birth_basic5),
        "H6EM": ("EMAIL_ADDRESS", email5),
        "H6URL": ("URL", url6),
        "H6CARD": ("CREDIT_CARD", card6),
        "H6CARDS": ("CREDIT_CARD", card_spoken6),
        "H6SSN": ("US_SSN", ssn5),
        "H6NPI": ("US_NPI", npi6),
        "H6NPIP": ("US_NPI", npi5),
        "H6NHS": ("UK_NHS", nhs5),
        "H6NHSP": ("UK_NHS", nhs_plain5),
        "H6IBAN": ("IBAN_CODE", iban5),
        "H6IBANC": ("IBAN_CODE", iban_compact6),
        "H6IP": ("IP_ADDRESS", ipv4_5),
        "H6IP6": ("IP_ADDRESS", ipv6_5),
        "H6MAC": ("MAC_ADDRESS", mac5),
        "H6BTC": ("CRYPTO", btc5),
        "H6ETH": ("CRYPTO", eth5),
    }
)


# -- hard negatives: identifiers of none of the claimed types, beside personal data ----------------


def _recent(rnd: random.Random) -> date:
    return date(rnd.randint(2016, 2026), rnd.randint(1, 12), rnd.randint(1, 28))


def _ean13(prefix: str, rnd: random.Random) -> str:
    body = (prefix + digits(rnd, 12))[:12]
    return body + str((10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body)) % 10) % 10)


def _dea(rnd: random.Random) -> str:
    """DEA registration: two letters, six digits, check = (d1+d3+d5 + 2*(d2+d4+d6)) mod 10."""
    six = digits(rnd, 6)
    check = (int(six[0]) + int(six[2]) + int(six[4]) + 2 * (int(six[1]) + int(six[3]) + int(six[5]))) % 10
    return f"{rnd.choice('ABFGMPR')}{rnd.choice(UP)}{six}{check}"


def _aba(rnd: random.Random) -> str:
    """ABA routing transit number: Federal Reserve prefix 01-12 or 21-32, weights 3 7 1 sum to 0 mod 10."""
    head = f"{rnd.choice([rnd.randint(1, 12), rnd.randint(21, 32)]):02d}" + digits(rnd, 6)
    w = [3, 7, 1, 3, 7, 1, 3, 7]
    return head + str(-sum(int(c) * k for c, k in zip(head, w, strict=True)) % 10)


def _npi_like(rnd: random.Random) -> str:
    """Ten digits starting 1 or 2 that fail the NPI check (prior-auth and member numbers)."""
    body = rnd.choice("12") + digits(rnd, 8)
    good = luhn_check_digit("80840" + body)
    return body + str((int(good) + rnd.randint(1, 9)) % 10)


def _nhs_like(rnd: random.Random) -> str:
    """Ten digits in NHS 3-3-4 grouping that fail modulus 11 (hospital and staff numbers)."""
    n = _nhs_number(rnd)
    bad = n[:9] + str((int(n[9]) + rnd.randint(1, 9)) % 10)
    return rnd.choice([bad, f"{bad[:3]} {bad[3:6]} {bad[6:]}"])


def _card_like(rnd: random.Random) -> str:
    """Gift and loyalty card numbers: 16-19 digits with the Luhn check failing."""
    number = card(rnd, rnd.choice(["6", "7", "60", "4", "5"]), rnd.choice([16, 16, 19]))
    bad = number[:-1] + str((int(number[-1]) + rnd.randint(1, 9)) % 10)
    return _pick(rnd, [bad, " ".join(bad[i : i + 4] for i in range(0, len(bad), 4))])


def _luhn_other(rnd: random.Random) -> str:
    """Luhn-valid numbers that are not cards: IMEI (TAC + serial), SIM ICCID (89 + country), RPPS."""
    kind = rnd.random()
    if kind < 0.4:
        return card(rnd, rnd.choice(["35", "86", "01", "49"]) + digits(rnd, 6), 15)
    if kind < 0.75:
        return card(
            rnd,
            "89" + rnd.choice(["44", "33", "49", "39", "34", "31", "91", "55", "1"]),
            rnd.choice([19, 20]),
        )
    return card(rnd, "10", 11)


def _idnr(rnd: random.Random) -> str:
    """German Steuer-IdNr: 10 digits, first not 0, one digit twice, ISO 7064 mod 11,10 check."""
    while True:
        pool = rnd.sample(string.digits, 9)
        body = [*pool, rnd.choice(pool)]
        rnd.shuffle(body)
        if body[0] != "0":
            break
    product = 10
    for c in body:
        total = (int(c) + product) % 10 or 10
        product = total * 2 % 11
    return "".join(body) + str((11 - product) % 10)


def _gb_vat(rnd: random.Random) -> str:
    """UK VAT registration number: weights 8..2 over seven digits, plus the two check digits, sum to 0 mod 97."""
    body = str(rnd.randint(1000000, 9999999))
    check = -sum(int(c) * w for c, w in zip(body, range(8, 1, -1), strict=True)) % 97
    return f"GB {body[:3]} {body[3:]} {check:02d}"


def _pzn(rnd: random.Random) -> str:
    """Pharmazentralnummer (PZN-8): weights 1..7 over seven digits, check mod 11 (10 never issued)."""
    while True:
        body = digits(rnd, 7)
        check = sum(int(c) * (i + 1) for i, c in enumerate(body)) % 11
        if check != 10:
            return body + str(check)


def _pan_in(rnd: random.Random) -> str:
    return f"{_alnum(rnd, 3, UP)}{rnd.choice('PCHF')}{rnd.choice(UP)}{digits(rnd, 4)}{rnd.choice(UP)}"


def _long_date(lang: str):
    days = {
        "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(),
        "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag".split(),
    }[lang]

    def make(rnd: random.Random) -> str:
        day, hm = _recent(rnd), f"{rnd.randint(7, 19):02d}:{rnd.randint(0, 59):02d}"
        month = MONTHS[lang][day.month - 1]
        sep = "." if lang == "de" else ""
        return f"{days[day.weekday()]}, {day.day}{sep} {month} {day.year} {hm}"

    return make


def _git_date(rnd: random.Random) -> str:
    day = _recent(rnd)
    wd, mon = day.strftime("%a"), ABBR["en"][day.month - 1]
    tz = rnd.choice(["+0100", "+0200", "-0500", "+0530", "-0300", "+0000"])
    return f"{wd} {mon} {day.day} {rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d} {day.year} {tz}"


def _iso_ts(rnd: random.Random) -> str:
    day = _recent(rnd)
    return f"{day.isoformat()}T{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}{rnd.choice(['Z', '+01:00', '.000Z'])}"


def _passport_expiry(rnd: random.Random) -> str:
    return f"{rnd.randint(1, 28):02d}{ABBR['en'][rnd.randint(0, 11)].upper()}{rnd.randint(26, 35)}"


def _mt32a(rnd: random.Random) -> str:
    day = _recent(rnd)
    return f"{day.year % 100:02d}{day.month:02d}{day.day:02d}{rnd.choice(['EUR', 'USD', 'GBP'])}{rnd.randint(100, 99999)},{digits(rnd, 2)}"


def _dicom_uid(rnd: random.Random) -> str:
    root = rnd.choice(["1.2.840.113619.2.55.3", "1.3.12.2.1107.5.2.43", "1.2.826.0.1.3680043.8.498"])
    return (
        f"{root}.{rnd.randint(1000, 99999)}.{rnd.randint(100, 9999)}.{digits(rnd, 10)}.{rnd.randint(1, 999)}"
    )


def _coord6(rnd: random.Random) -> str:
    lat, lon = rnd.uniform(-60, 70), rnd.uniform(-120, 150)
    return _pick(rnd, [f"{lat:.6f}, {lon:.6f}", f"{lat:.5f},{lon:.5f}", f"({lat:.4f}, {lon:.4f})"])


def _version6(rnd: random.Random) -> str:
    return _pick(
        rnd,
        [
            f"{rnd.randint(0, 2)}.{rnd.randint(0, 15)}.{rnd.randint(0, 30)}",
            f"v{rnd.randint(1, 9)}.{rnd.randint(0, 40)}.{rnd.randint(0, 9)}-rc.{rnd.randint(1, 5)}",
            f"{rnd.randint(10, 23)}.{rnd.randint(1, 12)}.{rnd.randint(0, 9)}.{rnd.randint(1000, 9999)}",
            f"1.{rnd.randint(20, 31)}.{rnd.randint(0, 9)}",
        ],
    )


def _amount(rnd: random.Random) -> str:
    return _pick(
        rnd,
        [
            f"£{rnd.randint(1, 9)},{digits(rnd, 3)}.{digits(rnd, 2)}",
            f"{rnd.randint(1, 99)}.{digits(rnd, 3)},{digits(rnd, 2)} €",
            f"INR {rnd.randint(100, 99999)}.00",
            f"R$ {rnd.randint(1, 999)},{digits(rnd, 2)}",
            f"${rnd.randint(10, 999)}.{digits(rnd, 2)}",
        ],
    )


def _case6(rnd: random.Random) -> str:
    y = rnd.randint(2019, 2026)
    return _pick(
        rnd,
        [
            f"{rnd.randint(1, 4)}:{y % 100}-cv-{digits(rnd, 5)}",
            f"{y}/{digits(rnd, 6)}",
            f"RPT-{y}-{digits(rnd, 6)}",
            f"CR-{y}-{digits(rnd, 5)}",
            f"{digits(rnd, 5)}/{y % 100}",
        ],
    )


_LOCALE_DATES = {f"H6D{loc[3:]}": _date_in(loc) for loc in LOCALES}  # H6DUS, H6DGB, ... H6DBR

NEGATIVES.update(
    {
        **_LOCALE_DATES,
        "H6DI": lambda r: _recent(r).isoformat(),
        "H6DB": lambda r: _recent(r).strftime("%Y%m%d"),
        "H6DLONG": _long_date("en"),
        "H6DLONGDE": _long_date("de"),
        "H6GITDATE": _git_date,
        "H6ISOTS": _iso_ts,
        "H6PPEXP": _passport_expiry,
        "H6EXP": lambda r: _pick(
            r,
            [
                f"{r.randint(1, 12):02d}/{r.randint(26, 31)}",
                f"{r.randint(2026, 2030)}-{r.randint(1, 12):02d}",
                f"{r.randint(1, 12):02d}.{r.randint(2026, 2030)}",
            ],
        ),
        "H6MONYEAR": lambda r: f"{r.randint(1, 12):02d}/{r.randint(2012, 2025)}",
        "H6HHMM": lambda r: f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
        "H6DUR": lambda r: _pick(
            r,
            [
                f"00:{r.randint(1, 59):02d}:{r.randint(0, 59):02d}",
                f"{r.randint(1, 40)} min {r.randint(0, 59)} s",
            ],
        ),
        "H6TM": lambda r: (
            f"{r.randint(7, 19):02d}{r.randint(0, 59):02d}{r.randint(0, 59):02d}.{digits(r, 6)}"
        ),
        "H6EDIDT": lambda r: (
            lambda d: (
                f"{d.year % 100:02d}{d.month:02d}{d.day:02d}:{r.randint(0, 23):02d}{r.randint(0, 59):02d}"
            )
        )(_recent(r)),
        "H6EPOCH": lambda r: str(r.randint(1_700_000_000, 1_900_000_000)),
        "H6MT32A": _mt32a,
        # health
        "H6RX": lambda r: _pick(r, [digits(r, 7), f"{digits(r, 7)}-{digits(r, 2)}", f"RX{digits(r, 8)}"]),
        "H6NDC": lambda r: _pick(
            r,
            [
                f"{digits(r, 5)}-{digits(r, 4)}-{digits(r, 2)}",
                f"{digits(r, 5)}-{digits(r, 3)}-{digits(r, 2)}",
                f"{digits(r, 4)}-{digits(r, 4)}-{digits(r, 2)}",
            ],
        ),
        "H6LOT": lambda r: _pick(
            r,
            [
                f"{r.choice(UP)}{digits(r, 5)}",
                f"{digits(r, 2)}{r.choice(UP)}{digits(r, 3)}",
                f"LOT {digits(r, 6)}",
                digits(r, 8),
            ],
        ),
        "H6DEA": _dea,
        "H6NPILIKE": _npi_like,
        "H6NHSLIKE": _nhs_like,
        "H6MEMBER": lambda r: _pick(
            r, [f"{r.choice('WXYZ')}{digits(r, 8)}", f"{_alnum(r, 3, UP)}{digits(r, 9)}"]
        ),
        "H6PZN": _pzn,
        "H6LANR": lambda r: digits(r, 9),
        "H6CIP": lambda r: _ean13("34009", r),
        "H6AIC": lambda r: "0" + digits(r, 8),
        "H6CN": lambda r: f"{r.randint(600000, 999999)}.{r.randint(0, 9)}",
        "H6ZI": lambda r: digits(r, 8),
        "H6RPPS": lambda r: card(r, "10", 11),
        "H6DICOMUID": _dicom_uid,
        "H6UBRN": lambda r: _pick(r, [digits(r, 12), f"{digits(r, 4)} {digits(r, 4)} {digits(r, 4)}"]),
        "H6ZIP": lambda r: _pick(r, [digits(r, 5), f"{digits(r, 5)}{digits(r, 4)}"]),
        "H6LIC": lambda r: f"{r.choice(['A', 'MD', 'G', 'ME'])}{digits(r, r.choice([5, 6, 7]))}",
        "H6ODS": lambda r: f"{r.choice('ABCFGHJKLMNPY')}{digits(r, 5)}",
        "H6OTP": lambda r: _pick(
            r, [digits(r, 6), f"{digits(r, 3)}-{digits(r, 3)}", f"G-{digits(r, 6)}", digits(r, 4)]
        ),
        # money, insurance, employment
        "H6CLAIM": lambda r: _pick(
            r,
            [
                f"CLM-{r.randint(2019, 2026)}-{digits(r, 7)}",
                f"{digits(r, 2)}-{digits(r, 6)}-{digits(r, 2)}",
                f"SIN{digits(r, 9)}",
            ],
        ),
        "H6POLICY": lambda r: _pick(
            r,
            [
                f"POL{digits(r, 9)}",
                f"{_alnum(r, 2, UP)}-{digits(r, 7)}",
                f"{digits(r, 3)} {digits(r, 3)} {digits(r, 3)}",
            ],
        ),
        "H6LAST4": lambda r: digits(r, 4),
        "H6CARDLIKE": _card_like,
        "H6LUHN": _luhn_other,
        "H6ABA": _aba,
        "H6ACCT": lambda r: digits(r, r.randint(8, 12)),
        "H6EIN": NEGATIVES["EIN5"],
        "H6EMPID": lambda r: _pick(r, [f"E{digits(r, 5)}", digits(r, 6), f"EMP-{digits(r, 4)}"]),
        "H6SORT": lambda r: f"{r.randint(10, 99)}-{digits(r, 2)}-{digits(r, 2)}",
        "H6BIC": lambda r: r.choice(
            [
                "DEUTDEFF",
                "COBADEFFXXX",
                "BNPAFRPP",
                "INGBNL2A",
                "BSCHESMM",
                "UNCRITMMXXX",
                "BARCGB22",
                "ITAUBRSP",
            ]
        ),
        "H6AMT": _amount,
        "H6AMTX": lambda r: f"{r.randint(100, 9999)}.{digits(r, 2)}",
        "H6MSG": lambda r: f"MSG-{r.randint(2024, 2026)}{digits(r, 6)}",
        "H6E2E": lambda r: _pick(r, [f"E2E-{digits(r, 10)}", "NOTPROVIDED", f"SAL{digits(r, 8)}"]),
        "H6MT20": lambda r: _pick(r, [f"REF{digits(r, 10)}", _alnum(r, 16)]),
        "H6SESSION": lambda r: digits(r, 10),
        "H6IDNR": _idnr,
        "H6PAN": _pan_in,
        "H6IFSC": lambda r: f"{r.choice(['HDFC', 'SBIN', 'ICIC', 'UTIB'])}0{digits(r, 6)}",
        "H6UPI": lambda r: (
            f"{r.choice(['priya', 'rahul', 'anil', 'meera'])}{r.randint(1, 99)}@{r.choice(['okaxis', 'ybl', 'oksbi', 'paytm'])}"
        ),
        "H6UTR": lambda r: digits(r, 12),
        "H6GSTIN": NEGATIVES["GSTIN5"],  # heldout5's checksummed generators
        "H6CNPJ": NEGATIVES["CNPJ5"],
        "H6VATES": NEGATIVES["VATES5"],
        "H6VATGB": _gb_vat,
        "H6CRN": lambda r: _pick(r, [digits(r, 8), f"SC{digits(r, 6)}"]),
        # travel, police, courts, school
        "H6PNR": lambda r: _alnum(r, 6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"),
        "H6PNRIN": lambda r: r.choice("24") + digits(r, 9),
        "H6ETKT": lambda r: (lambda a, n: _pick(r, [f"{a}{n}", f"{a}-{n}", f"{a} {n}"]))(
            r.choice(["220", "176", "125", "057", "074", "016", "098", "045"]), digits(r, 10)
        ),
        "H6FLT": lambda r: (
            f"{r.choice(['LH', 'BA', 'AF', 'KL', 'AZ', 'IB', 'LA', 'AI', 'UA'])}{r.choice(['', ' '])}{r.randint(10, 9999)}"
        ),
        "H6TRAIN": lambda r: str(r.randint(12001, 22999)),
        "H6PASS": lambda r: _pick(
            r,
            [
                f"{digits(r, 2)}{_alnum(r, 2, UP)}{digits(r, 5)}",
                f"{r.choice('CFGHJK')}{_alnum(r, 8, 'CFGHJKLMNPRTVWXYZ0123456789')}",
                f"{_alnum(r, 2, UP)}{digits(r, 7)}",
            ],
        ),
        "H6CASE": _case6,
        "H6CLAIMGB": lambda r: f"{r.choice(UP)}{digits(r, 1)}{_alnum(r, 2, UP)}{digits(r, 3)}{r.choice(UP)}",
        "H6BADGE": lambda r: digits(r, r.choice([4, 5])),
        "H6TC": lambda r: f"TC/{r.randint(2019, 2025)}/{digits(r, 4)}",
        "H6PROT": lambda r: f"{digits(r, 4)}/{r.randint(2024, 2026)}",
        "H6DL": lambda r: (
            f"{r.choice(['KA', 'MH', 'TN', 'DL'])}-{r.choice(['B', 'BLR', 'MUM'])}{digits(r, 2)}-20B-{digits(r, 6)}"
        ),
        "H6REG": lambda r: f"{r.choice(['KMC', 'MMC', 'DMC'])} {digits(r, 5)}",
        "H6AGE": lambda r: f"{r.randint(5, 80)} yrs",
        "H6PROFILE": lambda r: _pick(r, [f"u_{_hex(r, 8)}", digits(r, 9)]),
        "H6NUMK": lambda r: _pick(
            r, [f"{r.randint(1, 99)},{r.randint(1, 9)} mil", f"{r.randint(1, 9)}.{digits(r, 3)}"]
        ),
        "H6TICKET": lambda r: _pick(
            r, [f"INC{digits(r, 7)}", f"TT-{digits(r, 6)}", f"{r.randint(2024, 2026)}-{digits(r, 6)}"]
        ),
        "H6RULE": lambda r: _pick(
            r,
            [f"R-{digits(r, 4)}", f"SIEM-{digits(r, 5)}", f"T{r.randint(1000, 1600)}.{r.randint(1, 9):03d}"],
        ),
        "H6EDIREF": lambda r: digits(r, r.choice([9, 12, 14])),
        # technical
        "H6UUID": lambda r: "-".join(_hex(r, n) for n in (8, 4, 4, 4, 12)),
        "H6RV": lambda r: str(r.randint(100000, 999999999)),
        "H6B64": lambda r: base64.b64encode(r.randbytes(r.choice([12, 18, 24]))).decode(),
        "H6VER": _version6,
        "H6ARN": lambda r: (
            f"arn:aws:ec2:{r.choice(['eu-west-1', 'us-east-2', 'ap-south-1'])}:{digits(r, 12)}:instance/i-{_hex(r, 17)}"
        ),
        "H6SHA": lambda r: _hex(r, 40),
        "H6SHA7": lambda r: _hex(r, 7),
        "H6SHA256": lambda r: _hex(r, 64),
        "H6HEX32": lambda r: _hex(r, 32),
        "H6GA": lambda r: f"GA1.{r.choice([1, 2])}.{digits(r, 10)}.{r.randint(1_600_000_000, 1_800_000_000)}",
        "H6MS": lambda r: f"{r.randint(10, 4000)}.{digits(r, 3)}",
        "H6COORD": _coord6,
        "H6PORT": lambda r: str(r.choice([5432, 6379, 8443, 9200, 27017, 11211])),
    }
)


# -- templates: document kinds the earlier batches did not use --------------------------------------

T6: dict[str, list[str]] = {
    "en-US": [
        "RX# ⟦~H6RX⟧    {org} PHARMACY #118    ⟦H6PH⟧\n{last}, {first}    DOB ⟦H6DOB⟧\nAMOXICILLIN 500MG CAP   QTY 30   NDC ⟦~H6NDC⟧\nLot ⟦~H6LOT⟧   Exp ⟦~H6EXP⟧   Filled ⟦~H6DUS⟧\nPrescriber: {first2} {last} MD  NPI ⟦H6NPI⟧  DEA ⟦~H6DEA⟧\nPharmacy NPI ⟦H6NPI⟧ · Prior auth ⟦~H6NPILIKE⟧ · Rewards card ⟦~H6CARDLIKE⟧",
        "RE: Claim ⟦~H6CLAIM⟧ / Policy ⟦~H6POLICY⟧ / Date of loss ⟦~H6DUS⟧\n\nDear {first} {last},\n\nWe received your claim on ⟦~H6DUS⟧. To verify your identity please confirm the Social Security number (⟦H6SSN⟧) and the date of birth (⟦H6DOB⟧) we hold. Treating provider NPI: ⟦H6NPI⟧. Payment will go to the card ending ⟦~H6LAST4⟧ unless you call ⟦H6PHX⟧.\n\n{first2} {last}, Claims Adjuster · ⟦H6EM⟧",
        "ELECTRONIC TICKET RECEIPT\nBooking ref: ⟦~H6PNR⟧     Ticket: ⟦~H6ETKT⟧\nPassenger: {last}/{first} MR\nFlight ⟦~H6FLT⟧   Departs ⟦~H6DUS⟧ 07:45\nSSR DOCS UA HK1/P/USA/⟦~H6PASS⟧/USA/⟦H6DOBA⟧/M/⟦~H6PPEXP⟧/{last}/{first}\nSSR CTCM UA HK1/⟦H6PHE⟧\nContact e-mail: ⟦H6EM⟧\nFOP: CC ⟦H6CARD⟧ exp ⟦~H6EXP⟧",
        "INCIDENT REPORT                         Case No. ⟦~H6CASE⟧\nReporting officer: Ofc. {last}, badge ⟦~H6BADGE⟧\nVictim: {first} {last}, date of\nbirth ⟦H6DOB⟧, SSN ⟦H6SSN⟧, phone ⟦H6PH⟧. The vic-\ntim stated that a caller persuaded her to send 0.4 BTC to ⟦H6BTC⟧ and to read out her card\n⟦H6CARD⟧ on ⟦~H6DUS⟧. Caller's IP per provider: ⟦H6IP⟧. Scene ⟦~H6COORD⟧.\n                                Page 1 of 3",
        "{org} Health: ⟦~H6OTP⟧ is your verification code. It expires in 10 minutes. Questions? ⟦H6PH⟧ or ⟦H6URL⟧\n---\nPatient portal — {first} {last} · Born ⟦H6DOB⟧ · Member ID ⟦~H6MEMBER⟧ · PCP NPI ⟦H6NPI⟧\nNext appointment ⟦~H6DUS⟧ · last sign-in from ⟦H6IP⟧ (device ⟦H6MAC⟧)",
        "NEW HIRE ONBOARDING — {org} Inc.\nLegal name: {first} {last}\nSSN: ⟦H6SSN⟧        Date of birth: ⟦H6DOB⟧\nStart date: ⟦~H6DUS⟧     Employee ID: ⟦~H6EMPID⟧\nSpouse (benefits): {first2} {last}, SSN ⟦H6SSN⟧, born ⟦H6DOB⟧\nEmergency contact: ⟦H6PH⟧\nDirect deposit: routing ⟦~H6ABA⟧, account ⟦~H6ACCT⟧\nEmployer EIN ⟦~H6EIN⟧ · I-9 document expires ⟦~H6DUS⟧",
        '{"result_count": 1, "results": [{"enumeration_type": "NPI-1", "number": "⟦H6NPIP⟧", "basic": {"first_name": "{first}", "last_name": "{last}", "credential": "MD", "enumeration_date": "⟦~H6DI⟧", "last_updated": "⟦~H6DI⟧"}, "addresses": [{"address_purpose": "LOCATION", "postal_code": "⟦~H6ZIP⟧", "telephone_number": "⟦H6PH⟧", "fax_number": "⟦H6PH⟧"}], "taxonomies": [{"code": "207Q00000X", "license": "⟦~H6LIC⟧", "primary": true}], "identifiers": [{"identifier": "⟦~H6NPILIKE⟧", "desc": "MEDICAID"}]}]}\nReferral note: seen by Dr. {last} (NPI: ⟦H6NPI⟧) on ⟦~H6DUS⟧; patient {first2} {last}, DOB ⟦H6DOB⟧, callback ⟦H6PHX⟧.',
    ],
    "en-GB": [
        "Patient Access — Your details\nName: {first} {last}\nNHS number: ⟦H6NHS⟧\nDate of birth: ⟦H6DOB⟧\nMobile: ⟦H6PH⟧    Home: ⟦H6PHX⟧\nHospital no.: ⟦~H6NHSLIKE⟧\nRepeat prescription ready from ⟦~H6DGB⟧ at pharmacy ⟦~H6ODS⟧\nLast login ⟦~H6ISOTS⟧ from ⟦H6IP⟧, device ⟦H6MAC⟧",
        "IN THE COUNTY COURT AT LEEDS                Claim No: ⟦~H6CLAIMGB⟧\nBETWEEN {org} LIMITED (Claimant) and {first} {last} (Defendant, born ⟦H6DOB⟧)\nHearing: ⟦~H6DGB⟧ at 10:30. Defendant's telephone ⟦H6PH⟧; e-mail ⟦H6EM⟧. Funds were tra-\nced to the wallet ⟦H6ETH⟧. Bundle at ⟦H6URL⟧.\nClaimant company no. ⟦~H6CRN⟧; VAT ⟦~H6VATGB⟧.          - 2 -",
        "From: {first} {last} <⟦H6EM⟧>\nSent: ⟦~H6DLONG⟧\nTo: Payroll <⟦H6EM⟧>\nSubject: RE: bank details\nX-Originating-IP: [⟦H6IP⟧]\nThread-Index: ⟦~H6B64⟧\n\nHi, new account is ⟦H6IBAN⟧ (sort code ⟦~H6SORT⟧). Ring me on ⟦H6PH⟧. DOB for the form: ⟦H6DOB⟧.",
        ",,PATIENT,,,CONTACT,\nNHS no,Surname,Forename,DOB,Registered,Mobile,Card on file\n⟦H6NHSP⟧,{last},{first},⟦H6DOB⟧,⟦~H6DGB⟧,⟦H6PH⟧,⟦H6CARD⟧\n⟦H6NHS⟧,{last},{first2},⟦H6DOB⟧,⟦~H6DGB⟧,⟦H6PH⟧,\n,,,,,Total,⟦~H6AMT⟧",
        "[00:01:12] Agent: Could I take the long number on the card?\n[00:01:20] Caller: Yes, it's ⟦H6CARDS⟧\n[00:01:41] Agent: And a number to call you back on?\n[00:01:45] Caller: ⟦H6PHS⟧\n[00:02:03] Agent: Date of birth and NHS number for security?\n[00:02:06] Caller: ⟦H6DOB⟧, and it's ⟦H6NHS⟧\n[00:02:30] Agent: Your reference is ⟦~H6CASE⟧.",
        "(0008,0020) DA [⟦~H6DB⟧]                 # StudyDate\n(0008,0030) TM [⟦~H6TM⟧]          # StudyTime\n(0010,0010) PN [{last}^{first}]        # PatientName\n(0010,0020) LO [⟦H6NHSP⟧]             # PatientID\n(0010,0030) DA [⟦H6DOBB⟧]                 # PatientBirthDate\n(0010,1000) LO [⟦~H6NHSLIKE⟧]         # OtherPatientIDs\n(0010,2154) SH [⟦H6PH⟧]      # PatientTelephoneNumbers\n(0020,000D) UI [⟦~H6DICOMUID⟧]",
        "NHS e-Referral Service — UBRN ⟦~H6UBRN⟧\nPatient: {first} {last}   NHS No. ⟦H6NHS⟧   DOB ⟦H6DOB⟧\nRecord merged from NHS no ⟦H6NHSP⟧ (duplicate registration) on ⟦~H6DGB⟧.\nReferrer: Dr {first2} {last}, surgery ⟦~H6ODS⟧, tel. ⟦H6PHX⟧\nFirst appointment ⟦~H6DGB⟧; staff no. of clinician ⟦~H6NHSLIKE⟧; e-mail ⟦H6EM⟧",
    ],
    "en-IN": [
        "PNR No: ⟦~H6PNRIN⟧    Train No./Name: ⟦~H6TRAIN⟧ / RAJDHANI EXP\nDate of Journey: ⟦~H6DIN⟧\nPassenger: {first} {last}, Age ⟦~H6AGE⟧, DOB ⟦H6DOB⟧\nMobile ⟦H6PH⟧    Email ⟦H6EM⟧\nTransaction ID ⟦~H6UTR⟧, paid by card ⟦H6CARD⟧",
        "ADMISSION FORM 2025-26\nStudent: {first} {last}          Date of Birth: ⟦H6DOB⟧\nFather's mobile: ⟦H6PH⟧\nMother's mobile: ⟦H6PHI⟧\nPrevious school TC No.: ⟦~H6TC⟧, issued ⟦~H6DIN⟧\nFee paid via ⟦~H6UPI⟧, UTR ⟦~H6UTR⟧",
        "{org} Pharmacy · GSTIN ⟦~H6GSTIN⟧ · DL No. ⟦~H6DL⟧\nBill No ⟦~H6RX⟧   Date ⟦~H6DIN⟧\nPatient: {first} {last}   Ph: ⟦H6PH⟧\nDr. {first2} (Reg. ⟦~H6REG⟧)\nBatch ⟦~H6LOT⟧   Exp ⟦~H6EXP⟧\nPaid: card ⟦H6CARD⟧",
        "VM-{org}BK: ⟦~H6OTP⟧ is your OTP for a txn of ⟦~H6AMT⟧ on card XX⟦~H6LAST4⟧. Valid 3 mins. Not you? Call ⟦H6PH⟧.\nAD-{org}BK: New device ⟦H6MAC⟧ signed in from ⟦H6IP⟧. SIM ICCID ⟦~H6LUHN⟧. Details: ⟦H6URL⟧",
        "Offer acceptance — {first} {last}\nDate of joining: ⟦~H6DIN⟧\nD.O.B: ⟦H6DOB⟧\nPAN: ⟦~H6PAN⟧\nOverseas account IBAN: ⟦H6IBAN⟧ (home IFSC ⟦~H6IFSC⟧)\nPersonal email ⟦H6EM⟧ | Mob ⟦H6PHX⟧",
        "{first}, Bengaluru · profile ⟦~H6PROFILE⟧\nAbout me: chai > coffee. Insta: ⟦H6URL⟧\nBirthday 🎂 ⟦H6DOB⟧\nWhatsApp ⟦H6PH⟧ (only after we match!)\nTips in ETH: ⟦H6ETH⟧ · joined ⟦~H6DIN⟧",
    ],
    "fr-FR": [
        "PHARMACIE {org}\nOrdonnance du ⟦~H6DFR⟧ — Dr {last} (RPPS ⟦~H6RPPS⟧)\nPatient : {first} {last}, né(e) le ⟦H6DOB⟧\nTél. ⟦H6PH⟧\nCIP ⟦~H6CIP⟧ · Lot ⟦~H6LOT⟧ · à utiliser avant ⟦~H6EXP⟧\nRéglé par carte ⟦H6CARD⟧",
        "Objet : déclaration de sinistre n° ⟦~H6CLAIM⟧ — contrat ⟦~H6POLICY⟧\n\nMadame {last},\nsuite à votre appel du ⟦~H6DFR⟧, nous ouvrons le dossier. Vous êtes née le ⟦H6DOB⟧ ; l'indemnité sera versée sur ⟦H6IBAN⟧. Votre gestionnaire : {first2} {last}, ligne directe ⟦H6PHX⟧, ⟦H6EM⟧.",
        "CONFIRMATION DE RÉSERVATION\nRéférence dossier : ⟦~H6PNR⟧\nBillet électronique n° ⟦~H6ETKT⟧\nVoyageur : {last} {first} — date de naissance ⟦H6DOB⟧\nAller : ⟦~H6DFR⟧, vol ⟦~H6FLT⟧\nContact : ⟦H6PHI⟧ / ⟦H6EM⟧\nPayé par carte ⟦H6CARD⟧",
        "PROCÈS-VERBAL D'AUDITION n° ⟦~H6CASE⟧\nLe ⟦~H6DFR⟧, devant nous a comparu {first} {last}, né le ⟦H6DOB⟧ à Lyon, joignable au ⟦H6PH⟧, demeu-\nrant 12 rue des Lilas. L'intéressé dé-\nclare avoir viré des fonds depuis ⟦H6IBAN⟧ vers le portefeuille ⟦H6BTC⟧ après une connexion depuis ⟦H6IP⟧.\n                                - 1 -",
        "Name,Given Name,Family Name,Birthday,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Website 1 - Value\n{first} {last},{first},{last},⟦H6DOBI⟧,* Home,⟦H6EM⟧,Mobile,⟦H6PH⟧,⟦H6URL⟧\n{first2} {last},{first2},{last},⟦H6DOBI⟧,Work,⟦H6EM⟧,Work,⟦H6PHI⟧,",
        "[ALERTE SIEM] règle ⟦~H6RULE⟧ — connexion suspecte\nutilisateur : ⟦H6EM⟧\nsource : ⟦H6IP⟧ (⟦~H6COORD⟧)\nposte : ⟦H6MAC⟧\nhorodatage : ⟦~H6ISOTS⟧\ncorrélation : ⟦~H6UUID⟧\nescalade : astreinte ⟦H6PH⟧",
    ],
    "de-DE": [
        "Schadennummer ⟦~H6CLAIM⟧ · Versicherungsschein-Nr. ⟦~H6POLICY⟧\n\nSehr geehrter Herr {last},\nzu Ihrem Schaden vom ⟦~H6DDE⟧ benötigen wir noch Ihr Geburtsdatum (laut Antrag ⟦H6DOB⟧) und die Bankverbindung ⟦H6IBAN⟧. Sachbearbeiterin {first2} {last}, Tel. ⟦H6PHX⟧, ⟦H6EM⟧",
        "Apotheke am Markt · Tel. ⟦H6PH⟧\nRezept vom ⟦~H6DDE⟧ · Arzt-Nr. ⟦~H6LANR⟧\nVersicherte/r: {last}, {first} · geb. ⟦H6DOB⟧\nPZN ⟦~H6PZN⟧ · Ch.-B. ⟦~H6LOT⟧ · verwendbar bis ⟦~H6EXP⟧\nZahlung Karte ⟦H6CARD⟧",
        '<GrpHdr><MsgId>⟦~H6MSG⟧</MsgId><CreDtTm>⟦~H6ISOTS⟧</CreDtTm><NbOfTxs>1</NbOfTxs></GrpHdr>\n<PmtInf><PmtInfId>⟦~H6MSG⟧</PmtInfId><ReqdExctnDt>⟦~H6DI⟧</ReqdExctnDt><Dbtr><Nm>{org} GmbH</Nm></Dbtr><DbtrAcct><Id><IBAN>⟦H6IBANC⟧</IBAN></Id></DbtrAcct><DbtrAgt><FinInstnId><BIC>⟦~H6BIC⟧</BIC></FinInstnId></DbtrAgt>\n<CdtTrfTxInf><PmtId><EndToEndId>⟦~H6E2E⟧</EndToEndId></PmtId><Amt><InstdAmt Ccy="EUR">⟦~H6AMTX⟧</InstdAmt></Amt><Cdtr><Nm>{first} {last}</Nm></Cdtr><CdtrAcct><Id><IBAN>⟦H6IBANC⟧</IBAN></Id></CdtrAcct><RmtInf><Ustrd>Gehalt ⟦~H6MONYEAR⟧ Pers.-Nr. ⟦~H6EMPID⟧</Ustrd></RmtInf></CdtTrfTxInf></PmtInf>',
        "Personalfragebogen (Neueinstellung)\nName, Vorname: {last}, {first}\nGeburtsdatum: ⟦H6DOB⟧     Eintrittsdatum: ⟦~H6DDE⟧\nSteuer-IdNr.: ⟦~H6IDNR⟧\nTelefon privat: ⟦H6PH⟧\nIBAN: ⟦H6IBAN⟧\nWLAN-Freischaltung Laptop (MAC): ⟦H6MAC⟧\nPersonalnummer: ⟦~H6EMPID⟧",
        "Von: {first} {last} <⟦H6EM⟧>\nGesendet: ⟦~H6DLONGDE⟧\nAn: ⟦H6EM⟧\nBetreff: AW: Rückruf\nX-Originating-IP: [⟦H6IP⟧]\n\nHallo, bitte unter ⟦H6PHS⟧ zurückrufen (nicht mehr ⟦H6PH⟧). Termin online: <⟦H6URL⟧>.",
        "Profil: {first}, 34, Hamburg\nGeburtstag: ⟦H6DOB⟧\n„Schreib mir lieber auf Signal: ⟦H6PH⟧“\nMein Blog: [hier klicken](⟦H6URL⟧)\nSpenden gern in BTC: ⟦H6BTC⟧\nMitglied seit ⟦~H6DDE⟧ · Profil-ID ⟦~H6PROFILE⟧",
    ],
    "it-IT": [
        "FARMACIA {org}\nScontrino n. ⟦~H6RX⟧ del ⟦~H6DIT⟧\nA.I.C. ⟦~H6AIC⟧  Lotto ⟦~H6LOT⟧  Scad. ⟦~H6EXP⟧\nPaziente {last} {first}, nato/a il ⟦H6DOB⟧, tel. ⟦H6PH⟧\nPagato con carta ⟦H6CARD⟧",
        "VERBALE DI DENUNCIA n. ⟦~H6CASE⟧\nIn data ⟦~H6DIT⟧ è comparso {first} {last}, nato a Napoli il ⟦H6DOB⟧, utenza ⟦H6PH⟧, il quale denun-\ncia l'uso della carta ⟦H6CARD⟧ dall'indirizzo ⟦H6IP6⟧ e un bonifico verso ⟦H6IBAN⟧, poi con-\nvertito sul portafoglio ⟦H6ETH⟧.\n                                Pag. 1",
        "Codice prenotazione ⟦~H6PNR⟧ — Biglietto ⟦~H6ETKT⟧\nPasseggero: {last}/{first} SIG\nData di nascita ⟦H6DOB⟧\nVolo ⟦~H6FLT⟧ del ⟦~H6DIT⟧\nRecapito ⟦H6PHI⟧ · ⟦H6EM⟧",
        "DOMANDA DI ISCRIZIONE A.S. 2025/26\nAlunno/a: {first} {last}, nato/a il ⟦H6DOB⟧\nGenitore: {first2} {last}, cell. ⟦H6PH⟧, e-mail ⟦H6EM⟧\nProtocollo ⟦~H6PROT⟧ del ⟦~H6DIT⟧",
        "Operatore: mi detta un numero di telefono?\nCliente: certo, ⟦H6PHS⟧\nOperatore: e la data di nascita?\nCliente: ⟦H6DOB⟧\nOperatore: il MAC del modem è ⟦H6MAC⟧, giusto? Pratica ⟦~H6TICKET⟧, durata ⟦~H6DUR⟧",
        "BEGIN:VCARD\nVERSION:3.0\nPRODID:-//Apple Inc.//iPhone OS 17.4//EN\nN:{last};{first};;;\nFN:{first} {last}\nitem1.TEL;type=pref:⟦H6PH⟧\nitem1.X-ABLabel:_$!<Mobile>!$_\nitem2.EMAIL;type=INTERNET:⟦H6EM⟧\nitem3.URL;type=pref:⟦H6URL⟧\nBDAY:⟦H6DOBI⟧\nitem4.X-ABDATE:⟦~H6DI⟧\nitem4.X-ABLabel:_$!<Anniversary>!$_\nEND:VCARD",
    ],
    "es-ES": [
        "Nº de siniestro: ⟦~H6CLAIM⟧ | Póliza ⟦~H6POLICY⟧\nFecha del siniestro: ⟦~H6DES⟧\nAsegurado: {first} {last}, fecha de nacimiento ⟦H6DOB⟧\nTeléfono de contacto ⟦H6PHX⟧ · ⟦H6EM⟧\nIndemnización a la cuenta ⟦H6IBAN⟧",
        "Dispensación ⟦~H6RX⟧ — ⟦~H6DES⟧\nPaciente: {last}, {first} (nac. ⟦H6DOB⟧)\nCN ⟦~H6CN⟧  Lote ⟦~H6LOT⟧  Cad. ⟦~H6EXP⟧\nFarmacia {org} · Tel. ⟦H6PH⟧ · NIF ⟦~H6VATES⟧\nTarjeta ⟦H6CARD⟧",
        "ATESTADO Nº ⟦~H6CASE⟧\nDiligencia de declaración.- En Madrid, a ⟦~H6DES⟧, comparece {first} {last}, nacido el ⟦H6DOB⟧, con teléfono ⟦H6PH⟧ y correo ⟦H6EM⟧, quien mani-\nfiesta que desde la IP ⟦H6IP⟧ (equipo ⟦H6MAC⟧) se accedió a su banca on-\nline y se enviaron fondos al monedero ⟦H6BTC⟧.\n                                Folio 2/5",
        "UNB+UNOA:4+{org}AIR+ESAPI+⟦~H6EDIDT⟧+⟦~H6EDIREF⟧'\nUNH+1+PAXLST:D:05B:UN:IATA'\nTDT+20+⟦~H6FLT⟧'\nNAD+FL+++{last}:{first}'\nDTM+329:⟦H6DOBB⟧:102'\nDOC+P+⟦~H6PASS⟧'\nDTM+36:⟦~H6DB⟧:102'\nCOM+⟦H6PHE⟧:TE'\nCOM+⟦H6EM⟧:EM'\nUNT+9+1'",
        "@{first}_{last} · se unió en ⟦~H6MONYEAR⟧\n🎂 Cumpleaños: ⟦H6DOB⟧\n📍 Sevilla · ⟦H6URL⟧\nBizum/WhatsApp: ⟦H6PH⟧ · ⟦~H6NUMK⟧ seguidores",
        ";;DATOS PERSONALES;;;CONTACTO;\nNº empleado;Apellidos;Nombre;F. nacimiento;F. alta;Móvil;Email\n⟦~H6EMPID⟧;{last};{first};⟦H6DOB⟧;⟦~H6DES⟧;⟦H6PH⟧;⟦H6EM⟧\n⟦~H6EMPID⟧;{last};{first2};⟦H6DOB⟧;⟦~H6DES⟧;⟦H6PH⟧;⟦H6EM⟧",
    ],
    "nl-NL": [
        "Declaratie ⟦~H6CLAIM⟧ — polisnummer ⟦~H6POLICY⟧\n\nBeste {first} {last},\nwe hebben uw declaratie van ⟦~H6DNL⟧ ontvangen. Geboortedatum verzekerde: ⟦H6DOB⟧. Uitbetaling naar ⟦H6IBAN⟧. Vragen? Bel ⟦H6PHX⟧ of mail ⟦H6EM⟧.",
        "Apotheek {org} — ⟦H6PH⟧\n{last}, {first}    geb. ⟦H6DOB⟧\nZ-index ⟦~H6ZI⟧  Charge ⟦~H6LOT⟧  THT ⟦~H6EXP⟧\nAfgeleverd ⟦~H6DNL⟧ · recept ⟦~H6RX⟧\nBetaald met ⟦H6CARD⟧",
        "Boekingsnummer ⟦~H6PNR⟧ · e-ticket ⟦~H6ETKT⟧\nReiziger: {first} {last} (geb. ⟦H6DOB⟧)\nVertrek ⟦~H6DNL⟧, vlucht ⟦~H6FLT⟧\nContact ⟦H6PHI⟧ · ⟦H6EM⟧\nBetaald met ⟦H6CARD⟧",
        "PROCES-VERBAAL nummer ⟦~H6CASE⟧\nOp ⟦~H6DNL⟧ verscheen {first} {last}, geboren op ⟦H6DOB⟧ te Utrecht, telefoon ⟦H6PH⟧, die aangifte deed van oplich-\nting via ⟦H6URL⟧. Het geld werd overge-\nmaakt naar ⟦H6IBAN⟧ en daarna naar ⟦H6BTC⟧ (inlog vanaf ⟦H6IP⟧).\n                                Blad 1",
        "INSCHRIJFFORMULIER\nLeerling: {first} {last}, geboortedatum ⟦H6DOB⟧\nOuder/verzorger: {first2} {last}, mobiel ⟦H6PH⟧, e-mail ⟦H6EM⟧\nIdentiteit gecontroleerd op ⟦~H6DNL⟧\nStartdatum ⟦~H6DNL⟧",
        "Je MijnGezondheid-code is ⟦~H6OTP⟧. Geldig tot ⟦~H6HHMM⟧. Niet aangevraagd? Bel ⟦H6PH⟧.\n--\nPortaal: {first} {last}, geb. ⟦H6DOB⟧, afspraak ⟦~H6DNL⟧, ⟦H6URL⟧\nNieuw apparaat ⟦H6MAC⟧ aangemeld",
    ],
    "pt-BR": [
        "Sinistro nº ⟦~H6CLAIM⟧ — Apólice ⟦~H6POLICY⟧\nSegurado(a): {first} {last}, nascido(a) em ⟦H6DOB⟧\nData do sinistro ⟦~H6DBR⟧\nContato: ⟦H6PHX⟧ / ⟦H6EM⟧\nIndenização via IBAN ⟦H6IBAN⟧",
        "Drogaria {org} — CNPJ ⟦~H6CNPJ⟧\nCupom ⟦~H6RX⟧ ⟦~H6DBR⟧\nCliente: {first} {last}, nasc. ⟦H6DOB⟧, cel. ⟦H6PH⟧\nLote ⟦~H6LOT⟧ Val. ⟦~H6EXP⟧\nCartão ⟦H6CARD⟧ · Cartão fidelidade ⟦~H6CARDLIKE⟧",
        "BOLETIM DE OCORRÊNCIA Nº ⟦~H6CASE⟧\nData do fato: ⟦~H6DBR⟧\nVítima: {first} {last}, data de nascimento ⟦H6DOB⟧, telefone ⟦H6PH⟧, e-mail ⟦H6EM⟧\nRelato: recebeu cobrança no car-\ntão ⟦H6CARD⟧ após acessar ⟦H6URL⟧ de ⟦H6IP⟧ (aparelho ⟦H6MAC⟧); pagou ao golpista em ⟦H6ETH⟧.",
        "Localizador: ⟦~H6PNR⟧    Bilhete: ⟦~H6ETKT⟧\nPassageiro: {last}/{first} SR\nNascimento: ⟦H6DOB⟧\nVoo ⟦~H6FLT⟧ em ⟦~H6DBR⟧\nTelefone ⟦H6PHI⟧ · ⟦H6EM⟧",
        "FICHA DE ADMISSÃO\nNome: {first} {last}\nData de nascimento: ⟦H6DOB⟧    Data de admissão: ⟦~H6DBR⟧\nCelular: ⟦H6PH⟧    Recado: ⟦H6PHX⟧\nE-mail: ⟦H6EM⟧\nMatrícula ⟦~H6EMPID⟧",
        "{first} {last} · perfil ⟦~H6PROFILE⟧\nAniversário: ⟦H6DOB⟧\nLink na bio: ⟦H6URL⟧\nWhats ⟦H6PH⟧ · Pix ⟦H6EM⟧\nSeguindo desde ⟦~H6MONYEAR⟧ · ⟦~H6NUMK⟧ seguidores",
    ],
}
TECH6 = [
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: smtp-creds\n  uid: ⟦~H6UUID⟧\n  resourceVersion: "⟦~H6RV⟧"\n  creationTimestamp: "⟦~H6ISOTS⟧"\ntype: Opaque\ndata:\n  password: ⟦~H6B64⟧\nstringData:\n  admin_email: ⟦H6EM⟧\n  pager: "⟦H6PHE⟧"',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: support\ndata:\n  SUPPORT_URL: "⟦H6URL⟧"\n  ALLOWED_CIDR: "⟦H6IP⟧/32"\n  ONCALL_PHONE: "⟦H6PHE⟧"\n  IMAGE_TAG: "⟦~H6VER⟧"\n  DEPOT: "⟦~H6COORD⟧"\n  REDIS_PORT: "⟦~H6PORT⟧"',
    '{"version": 4, "terraform_version": "⟦~H6VER⟧", "serial": ⟦~H6RV⟧, "lineage": "⟦~H6UUID⟧", "resources": [{"type": "aws_instance", "instances": [{"attributes": {"arn": "⟦~H6ARN⟧", "private_ip": "⟦H6IP⟧", "ipv6_addresses": ["⟦H6IP6⟧"], "tags": {"owner": "⟦H6EM⟧"}}}]}]}',
    "commit ⟦~H6SHA⟧\nAuthor: {first} {last} <⟦H6EM⟧>\nDate:   ⟦~H6GITDATE⟧\n\n    fix: stop logging PANs (fixture held ⟦H6CARD⟧ and SSN ⟦H6SSN⟧)\n\n    Reviewed-by: {first2} <⟦H6EM⟧>\n    Change-Id: I⟦~H6SHA⟧",
    '{"request": {"method": "POST", "url": "⟦H6URL⟧", "headers": [{"name": "Cookie", "value": "sid=⟦~H6HEX32⟧; _ga=⟦~H6GA⟧"}], "postData": {"mimeType": "application/x-www-form-urlencoded", "text": "tel=⟦H6PHC⟧&dob=⟦H6DOBI⟧"}}, "serverIPAddress": "⟦H6IP6⟧", "startedDateTime": "⟦~H6ISOTS⟧", "time": ⟦~H6MS⟧}',
    '{"rule": {"id": "⟦~H6RULE⟧", "name": "Impossible travel"}, "user": {"email": "⟦H6EM⟧"}, "source": {"ip": "⟦H6IP⟧", "mac": "⟦H6MAC⟧", "geo": {"location": "⟦~H6COORD⟧"}}, "@timestamp": "⟦~H6ISOTS⟧", "event": {"id": "⟦~H6UUID⟧"}, "host": {"os": {"version": "⟦~H6VER⟧"}}}',
    "{1:F01DEUTDEFFAXXX⟦~H6SESSION⟧}{2:I103BNPAFRPPXXXXN}{4:\n:20:⟦~H6MT20⟧\n:23B:CRED\n:32A:⟦~H6MT32A⟧\n:50K:/⟦H6IBANC⟧\n{first} {last}\n:52A:⟦~H6BIC⟧\n:59:/⟦H6IBANC⟧\n{first2} {last}\n:70:INV ⟦~H6EDIREF⟧\n:71A:SHA\n-}",
    "# Netscape HTTP Cookie File\n.shop.example\tTRUE\t/\tTRUE\t⟦~H6EPOCH⟧\tuser_email\t⟦H6EM⟧\n.shop.example\tTRUE\t/\tFALSE\t⟦~H6EPOCH⟧\tlast_ip\t⟦H6IP⟧\n.shop.example\tTRUE\t/\tTRUE\t⟦~H6EPOCH⟧\t_ga\t⟦~H6GA⟧\n.shop.example\tTRUE\t/\tTRUE\t⟦~H6EPOCH⟧\twallet\t⟦H6ETH⟧",
    "## Contact\n\n- Maintainer: {first} {last} <⟦H6EM⟧>\n- Docs: [user guide](⟦H6URL⟧)\n- Mirror: <⟦H6URL⟧>\n- Status page: ⟦H6URL⟧.\n- Donations: ⟦H6BTC⟧\n\nRelease ⟦~H6VER⟧ (commit ⟦~H6SHA7⟧), sha256:⟦~H6SHA256⟧",
    "device,imei,iccid,mac,ip,owner,phone\nDEV-⟦~H6EMPID⟧,⟦~H6LUHN⟧,⟦~H6LUHN⟧,⟦H6MAC⟧,⟦H6IP⟧,⟦H6EM⟧,⟦H6PHE⟧\nDEV-⟦~H6EMPID⟧,⟦~H6LUHN⟧,⟦~H6LUHN⟧,⟦H6MAC⟧,⟦H6IP6⟧,⟦H6EM⟧,⟦H6PHE⟧",
]


REPEATS6 = 6  # documents per template: 66 templates, 396 documents, heldout5's size class


def build_heldout6() -> list[dict]:
    """Every template of T6 (per locale) and TECH6, REPEATS6 documents each, seed SEED6."""
    rnd = random.Random(SEED6)
    cases = []
    for group, templates in [*T6.items(), ("tech", TECH6)]:
        for i, template in enumerate(templates):
            for n in range(REPEATS6):
                case = fill(template, rnd, group if group != "tech" else LOCALES[n % len(LOCALES)])
                case.update(split="heldout6", batch="heldout6", locale=group, template=f"{group}/h6/{i}")
                cases.append(case)
    return cases


def main() -> None:
    """Counts only: bench/phantom_pii_multilingual_data.py writes the batch into the set (never print spans)."""
    from collections import Counter

    cases = build_heldout6()
    spans = Counter(s["entity"] for c in cases for s in c["spans"])
    negatives = Counter(n["kind"] for c in cases for n in c["negatives"])
    print(
        f"heldout6 (seed {SEED6}): {len(cases)} documents, {sum(spans.values())} labelled spans, {sum(negatives.values())} hard negatives"
    )
    print("spans per type:", dict(sorted(spans.items())))
    print("documents per locale:", dict(Counter(c["locale"] for c in cases)))
    print("negatives per kind:", dict(sorted(negatives.items())))


if __name__ == "__main__":
    main()
