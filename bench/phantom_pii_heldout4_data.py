"""`heldout4`: a fourth held-out batch for bench/phantom_pii_multilingual.json, written from the formats'
specifications before the detector was changed for heldout3's errors, and without reading
servers/phantom/pii.py.

Built by bench/phantom_pii_multilingual_data.py (which imports `build_heldout4` from here), own seed.
What it draws on:
- phone numbers: each country's national numbering plan (ITU-T E.164 assignments as published by the
  regulators: NANP, Ofcom, TRAI, ARCEP, BNetzA, AGCOM, CNMC, ACM, Anatel), in the forms people write
  them, including the international call prefix `00`, freephone ranges and extensions; a number is
  kept only when libphonenumber agrees it exists in that plan;
- card numbers: ISO/IEC 7812 issuer ranges (Visa, Mastercard 51-55 and 2221-2720, Amex, Discover
  6011/644-649/65, JCB 3528-3589, Diners 36/38/300-305, Maestro, UnionPay, Mir, RuPay, Elo) with Luhn;
- US SSNs by the SSA's rules (area 001-899 but 666, group 01-99, serial 0001-9999); NPIs by Luhn over
  the 80840 prefix; NHS numbers by modulus 11;
- dates of birth in each locale's date forms, with the locale's own birth cues (abbreviated ones
  too: DDN, F. Nac., DN, geb., D.O.B.) and structural ones (vCard BDAY, FHIR birthDate, HL7 PID-7);
- hard negatives: identifiers that sit beside personal data and share its shapes: SNMP/HL7 OIDs,
  SIM ICCIDs (Luhn, telecom prefix 89), SIRET numbers (Luhn, 14 digits), GTINs, EINs and ABA routing
  numbers (SSN-shaped), CVE ids, time ranges, numbers grouped with spaces, four-part versions, card
  last-four, postcodes, lot numbers, 10-digit account numbers, non-birth dates beside birth dates.
New document kinds: vCards, FHIR and HL7 records, X12 claims, hotel registrations, e-mail
signatures, bank alerts, enrolment and insurance forms, markdown tables, HTML, .env files, syslog,
SNMP, Sentry, nginx errors, device inventories.
"""

from __future__ import annotations

import random
import string
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from phantom_pii_data import card, iban, mac, nhs, npi, print_iban, ssn
from phantom_pii_multilingual_data import (  # noqa: E402
    IBAN_COUNTRY,
    MONTHS,
    NEGATIVES,
    VALUES,
    _valid,
    build_batch,
    digits,
)

SEED4 = 1317


# -- phone numbers, from the national plans -------------------------------------------------------


def _us4(rnd: random.Random) -> tuple[list[str], str]:
    area = rnd.choice(["201", "224", "267", "312", "347", "407", "469", "510", "602", "617", "720", "773"])
    if rnd.random() < 0.2:
        area = rnd.choice(["800", "888", "877", "866"])
    exch, line, ext = str(rnd.randint(202, 989)), digits(rnd, 4), rnd.randint(2, 4999)
    return [
        f"1-{area}-{exch}-{line}",
        f"+1 ({area}) {exch}-{line}",
        f"({area}){exch}-{line}",
        f"{area}-{exch}-{line} ext. {ext}",
        f"{area}.{exch}.{line}",
        f"+1.{area}.{exch}.{line}",
        f"{area}-{exch}-{line} x{ext}",
    ], "US"


def _gb4(rnd: random.Random) -> tuple[list[str], str]:
    kind = rnd.choice(["mobile", "leeds", "edinburgh", "cardiff", "freephone", "london"])
    if kind == "mobile":
        a, b = "7" + rnd.choice("34579") + digits(rnd, 2), digits(rnd, 6)
        return [f"0{a} {b}", f"+44 {a} {b[:3]} {b[3:]}", f"0{a}-{b}", f"(0{a}) {b}", f"0044 {a} {b}"], "GB"
    if kind == "freephone":
        a, b = rnd.choice("2345678") + digits(rnd, 2), digits(rnd, 4)
        return [f"0800 {a} {b}", f"0808 {a} {b}"], "GB"
    if kind == "london":
        a, b = rnd.choice("378") + digits(rnd, 3), digits(rnd, 4)
        return [f"+44 (0) 20 {a} {b}", f"020-{a}-{b}", f"+44 20 {a}{b}"], "GB"
    code = {"leeds": "113", "edinburgh": "131", "cardiff": "29"}[kind]
    if code == "29":
        a, b = "2" + digits(rnd, 3), digits(rnd, 4)
        return [f"029 {a} {b}", f"+44 29 {a} {b}", f"(029) {a} {b}"], "GB"
    a, b = rnd.choice("2345") + digits(rnd, 2), digits(rnd, 4)
    return [f"0{code} {a} {b}", f"+44 {code} {a} {b}", f"(0{code}) {a}-{b}"], "GB"


def _in4(rnd: random.Random) -> tuple[list[str], str]:
    if rnd.random() < 0.65:
        a, b = rnd.choice("6789") + digits(rnd, 4), digits(rnd, 5)
        return [
            f"+91 {a} {b}",
            f"+91-{a}-{b}",
            f"0{a}{b}",
            f"{a}{b}",
            f"+91 {a[:3]} {a[3:]}{b[:2]} {b[2:]}",
        ], "IN"
    city = rnd.choice(["22", "11", "80", "44", "33", "40", "20"])
    sub = rnd.choice("2346") + digits(rnd, 7)
    return [
        f"(0{city}) {sub[:4]} {sub[4:]}",
        f"0{city}-{sub}",
        f"+91 {city} {sub}",
        f"0{city} {sub[:4]}-{sub[4:]}",
    ], "IN"


def _fr4(rnd: random.Random) -> tuple[list[str], str]:
    first = rnd.choice(["1", "2", "3", "4", "5", "6", "7", "9"])
    rest = [digits(rnd, 2) for _ in range(4)]
    if first == "7":
        rest[0] = rnd.choice("345678") + rest[0][1]
    if rnd.random() < 0.15:  # freephone 0800 / 0805
        rest = [rnd.choice(["00", "05"])] + [digits(rnd, 2) for _ in range(3)]
        return [f"08 {' '.join(rest)}", f"0 8{rest[0]} {' '.join(rest[1:])}"], "FR"
    p = " ".join(rest)
    return [
        f"0{first} {p}",
        f"+33 {first} {p}",
        f"0033 {first} {p}",
        f"+33 (0){first} {p}",
        f"0{first}.{'.'.join(rest)}",
        f"+33 {first}{''.join(rest)}",
    ], "FR"


def _de4(rnd: random.Random) -> tuple[list[str], str]:
    kind = rnd.choice(["mobile", "berlin", "munich", "frankfurt", "stuttgart", "freephone"])
    if kind == "mobile":
        pre = rnd.choice(["151", "152", "160", "162", "170", "171", "176", "177", "178", "179", "1520"])
        sub = digits(rnd, 8 if pre in ("151", "152", "176", "162") else 7)
        if pre == "1520":
            sub = digits(rnd, 7)
        return [
            f"0{pre} {sub}",
            f"+49 {pre} {sub}",
            f"0049 {pre} {sub}",
            f"0{pre}-{sub}",
            f"0{pre} / {sub}",
        ], "DE"
    if kind == "freephone":
        sub = digits(rnd, 7)
        return [f"0800 {sub[:3]} {sub[3:]}", f"0800 {sub}"], "DE"
    pre = {"berlin": "30", "munich": "89", "frankfurt": "69", "stuttgart": "711"}[kind]
    sub = rnd.choice("2345789") + digits(rnd, 6 if pre != "711" else 6)
    return [
        f"0{pre} {sub}",
        f"0{pre} / {sub[:4]} {sub[4:]}",
        f"+49 (0) {pre} {sub}",
        f"+49 {pre} {sub[:-1]}-{sub[-1]}",
        f"(0{pre}) {sub}",
        f"0049 {pre} {sub}",
    ], "DE"


def _it4(rnd: random.Random) -> tuple[list[str], str]:
    kind = rnd.random()
    if kind < 0.5:
        pre, sub = "3" + rnd.choice("234679") + rnd.choice(D), digits(rnd, 7)
        return [
            f"{pre} {sub[:3]} {sub[3:]}",
            f"+39 {pre} {sub[:3]} {sub[3:]}",
            f"0039 {pre} {sub}",
            f"{pre}/{sub}",
            f"+39 {pre} {sub[:2]} {sub[2:4]} {sub[4:]}",
        ], "IT"
    if kind < 0.6:
        sub = digits(rnd, 6)
        return [f"800 {sub}", f"800 {sub[:3]} {sub[3:]}"], "IT"
    pre = rnd.choice(["02", "06", "010", "041", "091", "070"])
    sub = rnd.choice("2345789") + digits(rnd, 6 if len(pre) == 3 else 7)
    return [
        f"{pre} {sub}",
        f"+39 {pre} {sub}",
        f"0039 {pre} {sub}",
        f"{pre}-{sub}",
        f"+39 {pre} {sub[:4]} {sub[4:]}",
    ], "IT"


def _es4(rnd: random.Random) -> tuple[list[str], str]:
    kind = rnd.random()
    if kind < 0.5:
        full = rnd.choice("67") + digits(rnd, 8)
        if full[0] == "7":
            full = "7" + rnd.choice("1234") + full[2:]
    elif kind < 0.6:
        full = "900" + digits(rnd, 6)
    else:
        full = rnd.choice(["91", "93", "95", "96", "976", "983", "928"])
        full = full + rnd.choice("2345678") + digits(rnd, 8 - len(full))
    return [
        f"{full[:3]} {full[3:5]} {full[5:7]} {full[7:]}",
        f"+34 {full[:3]} {full[3:5]} {full[5:7]} {full[7:]}",
        f"0034 {full}",
        f"{full[:3]}-{full[3:6]}-{full[6:]}",
        f"(+34) {full[:3]} {full[3:6]} {full[6:]}",
        f"{full[:3]}.{full[3:6]}.{full[6:]}",
    ], "ES"


def _nl4(rnd: random.Random) -> tuple[list[str], str]:
    kind = rnd.random()
    if kind < 0.45:
        sub = rnd.choice("12345678") + digits(rnd, 7)
        return [
            f"06 - {sub}",
            f"+31 6 {sub[:4]} {sub[4:]}",
            f"0031 6 {sub}",
            f"06-{sub[:4]} {sub[4:]}",
            f"(06) {sub}",
        ], "NL"
    if kind < 0.55:
        sub = digits(rnd, 4)
        return [f"0800-{sub}", f"0800 {sub}"], "NL"
    pre = rnd.choice(["20", "10", "30", "70", "50", "13", "40"])
    sub = rnd.choice("2345678") + digits(rnd, 6)
    return [
        f"0{pre} - {sub[:3]} {sub[3:5]} {sub[5:]}",
        f"+31 {pre} {sub[:3]} {sub[3:]}",
        f"0031 {pre} {sub}",
        f"(0{pre}) {sub[:3]} {sub[3:]}",
        f"0{pre}-{sub[:3]}{sub[3:]}",
    ], "NL"


def _br4(rnd: random.Random) -> tuple[list[str], str]:
    ddd = rnd.choice(["11", "21", "27", "31", "41", "48", "51", "61", "62", "71", "81", "91"])
    kind = rnd.random()
    if kind < 0.6:
        sub = "9" + rnd.choice("6789") + digits(rnd, 7)
        return [
            f"+55 ({ddd}) {sub[:5]}-{sub[5:]}",
            f"({ddd}) {sub[:5]} {sub[5:]}",
            f"{ddd} 9 {sub[1:5]}-{sub[5:]}",
            f"0055 {ddd} {sub}",
            f"(0{ddd}) {sub[:5]}-{sub[5:]}",
            f"+55{ddd}{sub}",
        ], "BR"
    if kind < 0.7:
        sub = digits(rnd, 7)
        return [f"0800 {sub[:3]} {sub[3:]}", f"0800-{sub[:3]}-{sub[3:]}"], "BR"
    sub = rnd.choice("2345") + digits(rnd, 7)
    return [
        f"({ddd}) {sub[:4]}-{sub[4:]}",
        f"+55 {ddd} {sub[:4]} {sub[4:]}",
        f"{ddd} {sub[:4]}-{sub[4:]}",
    ], "BR"


D = string.digits
PHONES4 = {
    "en-US": _us4,
    "en-GB": _gb4,
    "en-IN": _in4,
    "fr-FR": _fr4,
    "de-DE": _de4,
    "it-IT": _it4,
    "es-ES": _es4,
    "nl-NL": _nl4,
    "pt-BR": _br4,
}


def phone4(rnd: random.Random, locale: str) -> str:
    """A number of the locale's plan, in one of the forms people write it; libphonenumber must agree it is valid."""
    for _ in range(500):
        styles, region = PHONES4[locale](rnd)
        text = rnd.choice(styles)
        core = text.split(" x")[0].split(" ext")[0]
        if _valid(core, region):
            return text
    raise RuntimeError(f"no valid {locale} number drawn")


# -- dates of birth, in each locale's forms -------------------------------------------------------

_ORD = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}


def birth4(rnd: random.Random, locale: str) -> str:
    y, m, d = rnd.randint(1935, 2008), rnd.randint(1, 12), rnd.randint(1, 28)
    lang = locale[:2]
    name = MONTHS[lang][m - 1]
    abbr = MONTHS["en"][m - 1][:3]
    forms = {
        "en-US": [
            f"{m}/{d}/{y}",
            f"{m:02d}/{d:02d}/{y}",
            f"{abbr} {d}, {y}",
            f"{name} {d}{_ORD.get(d, 'th')}, {y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{m:02d}-{d:02d}-{y}",
        ],
        "en-GB": [
            f"{d:02d}/{m:02d}/{y}",
            f"{d}{_ORD.get(d, 'th')} {name} {y}",
            f"{d} {abbr} {y}",
            f"{d:02d}.{m:02d}.{y}",
            f"{d}/{m}/{y}",
        ],
        "en-IN": [
            f"{d:02d}-{m:02d}-{y}",
            f"{d:02d}/{m:02d}/{y}",
            f"{d}-{abbr}-{y}",
            f"{d:02d} {abbr} {y}",
            f"{d:02d}.{m:02d}.{y}",
        ],
        "fr-FR": [
            f"{d:02d}/{m:02d}/{y}",
            f"{d} {name} {y}",
            f"{d}/{m}/{y}",
            f"{d:02d}-{m:02d}-{y}",
            f"{d:02d}.{m:02d}.{y}",
        ],
        "de-DE": [
            f"{d:02d}.{m:02d}.{y}",
            f"{d}. {name} {y}",
            f"{d}.{m}.{y}",
            f"{d:02d}.{m:02d}. {y}",
            f"{y}-{m:02d}-{d:02d}",
        ],
        "it-IT": [
            f"{d:02d}/{m:02d}/{y}",
            f"{d} {name} {y}",
            f"{d}/{m}/{y}",
            f"{d:02d}-{m:02d}-{y}",
            f"{d:02d}.{m:02d}.{y}",
        ],
        "es-ES": [f"{d:02d}/{m:02d}/{y}", f"{d} de {name} de {y}", f"{d}/{m}/{y}", f"{d:02d}-{m:02d}-{y}"],
        "nl-NL": [
            f"{d:02d}-{m:02d}-{y}",
            f"{d} {name} {y}",
            f"{d}-{m}-{y}",
            f"{d:02d}/{m:02d}/{y}",
            f"{y}-{m:02d}-{d:02d}",
        ],
        "pt-BR": [f"{d:02d}/{m:02d}/{y}", f"{d} de {name} de {y}", f"{d}/{m}/{y}", f"{d:02d}.{m:02d}.{y}"],
    }[locale]
    return rnd.choice(forms)


def birth_iso(rnd: random.Random, locale: str) -> str:
    return f"{rnd.randint(1935, 2008)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"


def birth_hl7(rnd: random.Random, locale: str) -> str:
    return f"{rnd.randint(1935, 2008)}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}"


# -- cards, SSNs, NPIs, NHS numbers ---------------------------------------------------------------

_IIN = [  # ISO/IEC 7812 issuer ranges and lengths
    ("4", 16),
    ("4", 16),
    ("4", 13),
    ("4", 19),
    ("51", 16),
    ("54", 16),
    ("55", 16),
    ("2221", 16),
    ("2720", 16),
    ("2300", 16),
    ("34", 15),
    ("37", 15),
    ("6011", 16),
    ("644", 16),
    ("649", 16),
    ("65", 16),
    ("3528", 16),
    ("3589", 16),
    ("36", 14),
    ("38", 16),
    ("300", 14),
    ("305", 14),
    ("5018", 16),
    ("5020", 13),
    ("6304", 16),
    ("6759", 18),
    ("6761", 16),
    ("62", 16),
    ("62", 19),
    ("2200", 16),
    ("2204", 16),
    ("60", 16),
    ("508", 16),
    ("401178", 16),
    ("438935", 16),
    ("506699", 16),
    ("636368", 16),
]


def card4(rnd: random.Random, locale: str) -> str:
    prefix, length = rnd.choice(_IIN)
    number = card(rnd, prefix, length)
    sep = rnd.choice(["", " ", " ", "-"])
    if length == 15:
        parts = [number[:4], number[4:10], number[10:]]
    elif length == 14:
        parts = [number[:4], number[4:10], number[10:]]
    else:
        parts = [number[i : i + 4] for i in range(0, length, 4)]
    return sep.join(parts)


def ssn4(rnd: random.Random, locale: str) -> str:
    a, g, s = ssn(rnd)
    return rnd.choice([f"{a}-{g}-{s}", f"{a}-{g}-{s}", f"{a} {g} {s}", f"{a}{g}{s}"])


def npi4(rnd: random.Random, locale: str) -> str:
    n = npi(rnd)
    return rnd.choice([n, n, n, f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:5]}-{n[5:]}"])


def nhs4(rnd: random.Random, locale: str) -> str:
    n = nhs(rnd)
    return rnd.choice(
        [f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}", n]
    )


def iban4(rnd: random.Random, locale: str) -> str:
    v = iban(rnd, rnd.choice(IBAN_COUNTRY[locale]))
    return rnd.choice([v, print_iban(v)])


def mac4(rnd: random.Random, locale: str) -> str:
    return mac(rnd, rnd.choice(["colon", "dash", "cisco", "colon"]))


VALUES.update(
    {
        "PHONE4": ("PHONE_NUMBER", phone4),
        "DOB4": ("DATE_OF_BIRTH", birth4),
        "DOBISO": ("DATE_OF_BIRTH", birth_iso),
        "DOBHL7": ("DATE_OF_BIRTH", birth_hl7),
        "CARD4": ("CREDIT_CARD", card4),
        "SSN4": ("US_SSN", ssn4),
        "NPI4": ("US_NPI", npi4),
        "NHS4": ("UK_NHS", nhs4),
        "IBAN4": ("IBAN_CODE", iban4),
        "MAC4": ("MAC_ADDRESS", mac4),
    }
)


# -- hard negatives -------------------------------------------------------------------------------


def _oid(rnd: random.Random) -> str:
    return rnd.choice(
        [
            f"1.3.6.1.4.1.{rnd.randint(2, 60000)}.{rnd.randint(1, 20)}.{rnd.randint(1, 9)}",
            f"1.3.6.1.2.1.{rnd.randint(1, 60)}.{rnd.randint(1, 9)}",
            f"2.16.840.1.113883.{rnd.randint(1, 19)}.{rnd.randint(1, 999)}",
            f"1.2.840.{rnd.randint(10000, 113999)}.{rnd.randint(1, 9)}",
        ]
    )


def _iccid(rnd: random.Random) -> str:
    return card(
        rnd, "89" + rnd.choice(["33", "44", "49", "39", "34", "31", "55", "91", "01"]), rnd.choice([19, 20])
    )


def _siret(rnd: random.Random) -> str:
    n = card(rnd, rnd.choice("3456789"), 14)
    return rnd.choice([n, f"{n[:3]} {n[3:6]} {n[6:9]} {n[9:]}"])


def _gtin(rnd: random.Random) -> str:
    body = rnd.choice(["0", "1", "4"]) + digits(rnd, 12)
    check = (10 - sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(body)) % 10) % 10
    return rnd.choice([f"{body}{check}", f"(01) {body}{check}"])


def _ein(rnd: random.Random) -> str:
    return f"{rnd.choice(['12', '20', '27', '45', '46', '81', '84', '94', '95'])}-{digits(rnd, 7)}"


def _aba(rnd: random.Random) -> str:
    body = rnd.choice(["0210", "0260", "0110", "1110", "1210", "0710", "0910", "3222"]) + digits(rnd, 4)
    w = [3, 7, 1, 3, 7, 1, 3, 7]
    check = (10 - sum(int(c) * w[i] for i, c in enumerate(body)) % 10) % 10
    return body + str(check)


def _cve(rnd: random.Random) -> str:
    return f"CVE-{rnd.randint(2014, 2026)}-{rnd.randint(1000, 99999)}"


def _timerange(rnd: random.Random) -> str:
    a, b = rnd.randint(7, 10), rnd.randint(16, 20)
    return rnd.choice([f"{a:02d}:00-{b}:30", f"{a}:30–{b}:00", f"{a:02d}.00 - {b:02d}.00", f"{a}h-{b}h"])


def _grouped(rnd: random.Random) -> str:
    return rnd.choice(
        [
            f"{rnd.randint(1, 99)} {digits(rnd, 3)} {digits(rnd, 3)}",
            f"{rnd.randint(1, 9)} {digits(rnd, 3)} {digits(rnd, 3)} {digits(rnd, 3)}",
            f"{rnd.randint(100, 999)} {digits(rnd, 3)},{digits(rnd, 2)} €",
            f"{rnd.randint(1, 99)}.{digits(rnd, 3)}.{digits(rnd, 3)}",
        ]
    )


def _ver4(rnd: random.Random) -> str:
    return rnd.choice(
        [
            f"{rnd.randint(1, 12)}.{rnd.randint(0, 9)}.{rnd.randint(0, 9)}.{rnd.randint(1, 250)}",
            f"10.0.{rnd.randint(10240, 26100)}.{rnd.randint(1, 5000)}",
            f"{rnd.randint(1, 5)}.{rnd.randint(0, 20)}.{rnd.randint(0, 99)}.{rnd.randint(1000, 9999)}",
            f"{rnd.randint(2, 9)}.{rnd.randint(0, 9)}.{rnd.randint(0, 9)}",
        ]
    )


def _last4(rnd: random.Random) -> str:
    return rnd.choice(
        [
            f"**** {digits(rnd, 4)}",
            f"XXXX-XXXX-XXXX-{digits(rnd, 4)}",
            f"•••• {digits(rnd, 4)}",
            f"ending {digits(rnd, 4)}",
        ]
    )


def _postcode(rnd: random.Random) -> str:
    up = string.ascii_uppercase
    return rnd.choice(
        [
            f"{digits(rnd, 5)}",
            f"{rnd.choice(['SW', 'EC', 'M', 'LS', 'B'])}{rnd.randint(1, 19)} {rnd.randint(1, 9)}{rnd.choice(up)}{rnd.choice(up)}",
            f"{rnd.randint(1000, 9999)} {rnd.choice(up)}{rnd.choice(up)}",
            f"{digits(rnd, 5)}-{digits(rnd, 3)}",
            f"{rnd.randint(110001, 855999)}",
            f"{digits(rnd, 5)}-{digits(rnd, 4)}",
        ]
    )


def _lot(rnd: random.Random) -> str:
    return rnd.choice(
        [
            f"LOT {digits(rnd, 4)}-{digits(rnd, 3)}-{digits(rnd, 2)}",
            f"B-{rnd.randint(2020, 2026)}-{digits(rnd, 2)}-{digits(rnd, 4)}",
            f"SN {''.join(rnd.choice(string.ascii_uppercase + D) for _ in range(12))}",
            f"{digits(rnd, 2)}/{digits(rnd, 4)}/{digits(rnd, 4)}",
            f"REF {digits(rnd, 3)} {digits(rnd, 3)} {digits(rnd, 4)}",
        ]
    )


def _acct10(rnd: random.Random) -> str:
    return rnd.choice(
        [digits(rnd, 10), f"{digits(rnd, 4)} {digits(rnd, 6)}", f"{rnd.choice('12')}{digits(rnd, 9)}"]
    )


def _logts(rnd: random.Random) -> str:
    mons = [m[:3] for m in MONTHS["en"]]
    h, mi, s = rnd.randint(0, 23), rnd.randint(0, 59), rnd.randint(0, 59)
    y, mo, d = rnd.randint(2022, 2026), rnd.randint(1, 12), rnd.randint(1, 28)
    return rnd.choice(
        [
            f"{mons[mo - 1]} {d:2d} {h:02d}:{mi:02d}:{s:02d}",
            f"{y}/{mo:02d}/{d:02d} {h:02d}:{mi:02d}:{s:02d}",
            f"{rnd.randint(1_650_000_000_000, 1_790_000_000_000)}",
            f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}.{digits(rnd, 9)}Z",
            f"[{d:02d}/{mo:02d}/{y} {h:02d}:{mi:02d}]",
            f"{h:02d}:{mi:02d}:{s:02d}.{digits(rnd, 3)}",
        ]
    )


NEGATIVES.update(
    {
        "OID": _oid,
        "ICCID": _iccid,
        "SIRET": _siret,
        "GTIN": _gtin,
        "EIN": _ein,
        "ABA": _aba,
        "CVE": _cve,
        "HOURS": _timerange,
        "GROUPED": _grouped,
        "VER4": _ver4,
        "LAST4": _last4,
        "POSTCODE": _postcode,
        "LOT": _lot,
        "ACCT10": _acct10,
        "LOGTS": _logts,
        "REGNO": lambda r: digits(r, r.choice([8, 9, 11])),
    }
)


# -- the documents ----------------------------------------------------------------------------------
# ⟦KIND⟧ is personal data (labelled), ⟦~KIND⟧ a hard negative; {first}/{last} names (not labelled).

T4: dict[str, list[str]] = {
    "en-US": [
        "BEGIN:VCARD\nVERSION:3.0\nFN:{first} {last}\nTEL;TYPE=cell:⟦PHONE4⟧\nTEL;TYPE=work:⟦PHONE4⟧\nEMAIL:⟦EMAIL⟧\nBDAY:⟦DOBISO⟧\nEND:VCARD",
        "CMS-1500 | Insured: {last}, {first} | D.O.B. ⟦DOB4⟧ | SSN ⟦SSN4⟧ | Billing provider NPI ⟦NPI4⟧ | Federal tax ID (EIN) ⟦~EIN⟧ | Phone ⟦PHONE4⟧ | Visit ⟦~DATE⟧",
        "Direct deposit form\nEmployee: {first} {last}\nSocial Security No.: ⟦SSN4⟧\nRouting number: ⟦~ABA⟧\nAccount number: ⟦~ACCT10⟧\nBirthdate: ⟦DOB4⟧\nCell: ⟦PHONE4⟧",
        "Chase Alert: your card ⟦~LAST4⟧ was used for ⟦~AMOUNT⟧ on ⟦~DATE⟧. Not you? Call ⟦PHONE4⟧. Replacement card ⟦CARD4⟧ is on its way.",
        "ISA*00*          *00*          *ZZ*SUBMITTER\nNM1*85*2*{org}*****XX*⟦NPI4⟧~\nNM1*IL*1*{last}*{first}****MI*⟦~ACCOUNT⟧~\nDMG*D8*⟦DOBHL7⟧*F~\nPER*IC*BILLING*TE*⟦PHONE4⟧~",
    ],
    "en-GB": [
        "GMS1 registration\nSurname: {last}\nNHS No: ⟦NHS4⟧\nDate of birth: ⟦DOB4⟧\nPrevious postcode: ⟦~POSTCODE⟧\nMobile: ⟦PHONE4⟧\nEmail: ⟦EMAIL⟧",
        "--\n{first} {last} | Account Director\nT: ⟦PHONE4⟧ | M: ⟦PHONE4⟧\n⟦URL⟧\nOffice hours ⟦~HOURS⟧. Registered in England, company no. ⟦~REGNO⟧.",
        "Hotel registration card: guest {first} {last}, born ⟦DOB4⟧, contact ⟦PHONE4⟧, card on file ⟦CARD4⟧ (exp ⟦~EXPIRY⟧), room rate ⟦~AMOUNT⟧, arrival ⟦~DATE⟧.",
        "Discharge summary ⟦~LOT⟧\nPatient: {first} {last} (NHS ⟦NHS4⟧), DoB ⟦DOB4⟧\nAdmitted ⟦~DATE⟧, discharged ⟦~DATE⟧\nGP practice tel ⟦PHONE4⟧; pharmacy batch ⟦~GTIN⟧",
        "| Patient | NHS number | DOB | Phone |\n|---|---|---|---|\n| {first} {last} | ⟦NHS4⟧ | ⟦DOB4⟧ | ⟦PHONE4⟧ |\n| batch | ⟦~LOT⟧ | ⟦~DATE⟧ | ⟦~GROUPED⟧ |",
    ],
    "en-IN": [
        "Admission enquiry: {first} {last}, DOB ⟦DOB4⟧, father's mobile ⟦PHONE4⟧, email ⟦EMAIL⟧, PIN ⟦~POSTCODE⟧, fee ⟦~AMOUNT⟧",
        "Dear customer, your credit card ⟦CARD4⟧ has been blocked on ⟦~DATE⟧ at ⟦~LOGTS⟧. For help call ⟦PHONE4⟧ (⟦~HOURS⟧).",
        "Insurance proposal: proposer {first} {last}, date of birth ⟦DOB4⟧, nominee born ⟦DOB4⟧, mobile ⟦PHONE4⟧, policy ⟦~LOT⟧",
        '<tr><td>{first} {last}</td><td><a href="mailto:⟦EMAIL⟧">email</a></td><td>⟦PHONE4⟧</td><td>⟦~GROUPED⟧</td></tr>',
    ],
    "fr-FR": [
        "BEGIN:VCARD\nVERSION:4.0\nFN:{first} {last}\nTEL;TYPE=cell:⟦PHONE4⟧\nEMAIL:⟦EMAIL⟧\nBDAY:⟦DOBISO⟧\nNOTE:SIRET ⟦~SIRET⟧\nEND:VCARD",
        "Fiche d'inscription — {last} {first}, DDN : ⟦DOB4⟧, tél. ⟦PHONE4⟧, code postal ⟦~POSTCODE⟧, inscrit le ⟦~DATE⟧",
        "Alerte fraude : la carte ⟦~LAST4⟧ a été utilisée pour ⟦~GROUPED⟧. Si ce n'est pas vous, appelez le ⟦PHONE4⟧. Nouvelle carte : ⟦CARD4⟧.",
        "Déclaration de sinistre n° ⟦~LOT⟧\nAssuré(e) : {first} {last}, né(e) le ⟦DOB4⟧\nDate du sinistre : ⟦~DATE⟧\nRIB : ⟦IBAN4⟧\nJoignable au ⟦PHONE4⟧",
    ],
    "de-DE": [
        "Anmeldung Hotel: Gast {first} {last}, Geb.-Datum ⟦DOB4⟧, Anreise ⟦~DATE⟧, Tel. ⟦PHONE4⟧, Kreditkarte ⟦CARD4⟧",
        "--\n{first} {last}\n{org} GmbH\nTel. ⟦PHONE4⟧\nMobil ⟦PHONE4⟧\n⟦URL⟧\nUSt-IdNr. DE⟦~REGNO⟧ · Sprechzeiten ⟦~HOURS⟧",
        "Schadenmeldung ⟦~LOT⟧: Versicherungsnehmer {last}, geboren am ⟦DOB4⟧, Schadentag ⟦~DATE⟧, Erstattung auf ⟦IBAN4⟧, Rückruf ⟦PHONE4⟧",
        "Anmeldung Kita: Kind {first}, geb. ⟦DOB4⟧; Mutter erreichbar unter ⟦PHONE4⟧ oder ⟦EMAIL⟧; PLZ ⟦~POSTCODE⟧",
    ],
    "it-IT": [
        "Scheda ospite: {first} {last}, nato a Napoli il ⟦DOB4⟧, arrivo ⟦~DATE⟧, cellulare ⟦PHONE4⟧, carta ⟦CARD4⟧",
        "--\n{first} {last}\nTel. ⟦PHONE4⟧ | Cell. ⟦PHONE4⟧\n⟦URL⟧\nOrari ⟦~HOURS⟧ — P.IVA ⟦~REGNO⟧",
        "Denuncia sinistro ⟦~LOT⟧: assicurata {last}, data di nascita ⟦DOB4⟧, data evento ⟦~DATE⟧, IBAN ⟦IBAN4⟧, recapito ⟦PHONE4⟧",
        "Iscrizione: alunna {first} {last}, nata il ⟦DOB4⟧; genitore ⟦PHONE4⟧, ⟦EMAIL⟧; CAP ⟦~POSTCODE⟧",
    ],
    "es-ES": [
        "Ficha de huésped: {first} {last}, F. Nac.: ⟦DOB4⟧, llegada ⟦~DATE⟧, móvil ⟦PHONE4⟧, tarjeta ⟦CARD4⟧",
        "--\n{first} {last}\nTel.: ⟦PHONE4⟧ · Móvil: ⟦PHONE4⟧\n⟦URL⟧\nHorario ⟦~HOURS⟧ — CIF B⟦~REGNO⟧",
        "Parte de siniestro ⟦~LOT⟧: asegurada {last}, nacida el ⟦DOB4⟧, fecha del siniestro ⟦~DATE⟧, cuenta ⟦IBAN4⟧, teléfono ⟦PHONE4⟧",
        "Matrícula: alumno {first} {last}, fecha de nacimiento ⟦DOB4⟧; contacto ⟦PHONE4⟧ / ⟦EMAIL⟧; C.P. ⟦~POSTCODE⟧",
    ],
    "nl-NL": [
        "Gastregistratie: {first} {last}, geb. datum ⟦DOB4⟧, aankomst ⟦~DATE⟧, tel. ⟦PHONE4⟧, creditcard ⟦CARD4⟧",
        "--\n{first} {last}\nT ⟦PHONE4⟧ | M ⟦PHONE4⟧\n⟦URL⟧\nBereikbaar ⟦~HOURS⟧ · KvK ⟦~REGNO⟧",
        "Schadeformulier ⟦~LOT⟧: verzekerde {last}, geboren ⟦DOB4⟧, schadedatum ⟦~DATE⟧, rekening ⟦IBAN4⟧, telefoon ⟦PHONE4⟧",
        "Inschrijving: leerling {first} {last}, geboortedatum ⟦DOB4⟧; ouder ⟦PHONE4⟧ / ⟦EMAIL⟧; postcode ⟦~POSTCODE⟧",
    ],
    "pt-BR": [
        "Ficha de hóspede: {first} {last}, DN: ⟦DOB4⟧, chegada ⟦~DATE⟧, celular ⟦PHONE4⟧, cartão ⟦CARD4⟧",
        "--\n{first} {last}\nTel.: ⟦PHONE4⟧ | Cel.: ⟦PHONE4⟧\n⟦URL⟧\nAtendimento ⟦~HOURS⟧ — CEP ⟦~POSTCODE⟧",
        "Aviso de sinistro ⟦~LOT⟧: segurada {last}, nascida em ⟦DOB4⟧, data do sinistro ⟦~DATE⟧, conta ⟦IBAN4⟧, telefone ⟦PHONE4⟧",
        "Matrícula: aluno {first} {last}, data de nasc. ⟦DOB4⟧; responsável ⟦PHONE4⟧ / ⟦EMAIL⟧; valor ⟦~GROUPED⟧",
    ],
}
TECH4 = [
    '{"resourceType": "Patient", "id": "⟦~UUID3⟧", "birthDate": "⟦DOBISO⟧", "telecom": [{"system": "phone", "value": "⟦PHONE4⟧"}, {"system": "email", "value": "⟦EMAIL⟧"}], "meta": {"versionId": "⟦~VER4⟧", "lastUpdated": "⟦~LOGTS⟧"}}',
    "MSH|^~\\&|LAB|HOSP|||⟦~LOGTS⟧||ADT^A04|⟦~ACCT10⟧|P|2.5\nPID|1||⟦~ACCOUNT⟧||{last}^{first}||⟦DOBHL7⟧|F|||||⟦PHONE4⟧\nPV1|1|O|||||⟦NPI4⟧^{last}^{first}",
    "⟦~LOGTS⟧ fw01 kernel: IN=eth0 SRC=⟦IP4⟧ DST=⟦IP4⟧ MAC=⟦MAC4⟧ LEN=60 ID=⟦~GROUPED⟧",
    'snmpget -v2c -c public ⟦IP4⟧ ⟦~OID⟧\nSNMPv2-SMI::enterprises.⟦~OID⟧ = STRING: "firmware ⟦~VER4⟧"',
    "device,imei_or_iccid,owner,phone,mac\ntab-07,⟦~ICCID⟧,⟦EMAIL⟧,⟦PHONE4⟧,⟦MAC4⟧\nscanner-2,⟦~GTIN⟧,stock,,⟦MAC4⟧",
    '{"level": "error", "event_id": "⟦~SHA⟧", "release": "⟦~VER4⟧", "user": {"email": "⟦EMAIL⟧", "ip_address": "⟦IP6⟧"}, "tags": {"cve": "⟦~CVE⟧"}, "timestamp": ⟦~LOGTS⟧}',
    '⟦~LOGTS⟧ [error] 1234#0: *⟦~ACCT10⟧ upstream timed out, client: ⟦IP4⟧, server: api, request: "GET /v1/users/⟦~UUID3⟧?phone=⟦PHONE4⟧ HTTP/1.1"',
    "# .env\nDATABASE_URL=postgres://app@⟦IP4⟧:5432/app\nSUPPORT_EMAIL=⟦EMAIL⟧\nSUPPORT_PHONE=⟦PHONE4⟧\nAPP_VERSION=⟦~VER4⟧\nSENTRY_RELEASE=⟦~SHA⟧",
    "payments=# SELECT id, card, exp FROM cards LIMIT 2;\n ⟦~ACCT10⟧ | ⟦CARD4⟧ | ⟦~EXPIRY⟧\n ⟦~ACCT10⟧ | ⟦~LAST4⟧ | ⟦~EXPIRY⟧",
    "withdrawal ⟦~SHA⟧ to ⟦BTC⟧ (fee ⟦~GROUPED⟧ sat), refund address ⟦ETH⟧, block ⟦~ACCT10⟧",
    "provider_npi\tpatient_dob\tpatient_ssn\tlot\n⟦NPI4⟧\t⟦DOBISO⟧\t⟦SSN4⟧\t⟦~LOT⟧\n⟦NPI4⟧\t⟦DOBISO⟧\t⟦SSN4⟧\t⟦~GTIN⟧",
]


def build_heldout4() -> list[dict]:
    return build_batch(T4, TECH4, SEED4, "heldout4", "heldout4", "h4")


def main() -> None:
    """Counts only: bench/phantom_pii_multilingual_data.py writes the batch into the set (never print spans)."""
    cases = build_heldout4()
    spans = sum(len(c["spans"]) for c in cases)
    negatives = sum(len(c["negatives"]) for c in cases)
    print(f"heldout4: {len(cases)} documents, {spans} labelled spans, {negatives} hard negatives")


if __name__ == "__main__":
    main()
