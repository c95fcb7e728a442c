"""A multilingual labelled set for personal-data detection: realistic documents in nine locales.

  .venv/bin/python bench/phantom_pii_multilingual_data.py   # rewrites bench/phantom_pii_multilingual.json

Written independently of servers/phantom/pii.py (its patterns were not read while writing this):
documents of the kinds personal data really turns up in (e-mails, support tickets, invoices, HR
forms, chat logs, log lines, code snippets, CSV rows) in en-US, en-GB, en-IN, fr-FR, de-DE,
it-IT, es-ES, nl-NL and pt-BR, with each locale's own phone formats (national and international,
extensions), birth-date cues in its language and its date formats, its IBANs; plus hard
negatives that a detector must leave alone (C++ scopes, order and invoice numbers, microsecond
timestamps, four-part versions, hashes, UUIDs, ISBNs, EAN barcodes, amounts, dates that are not
birth dates, card-like numbers failing Luhn, cloud account ids, tracking numbers, file names).

Values are valid by their specifications (checksums from bench/phantom_pii_data.py: Luhn, mod 97,
mod 11, Base58Check, bech32, EIP-55); phone numbers are drawn from each country's numbering plan
by hand and kept only when libphonenumber agrees the number exists in that plan (so the gold set
holds real-format numbers, not random digits).

Split: by template, so a held-out document is a document *kind* the tuning never saw, not the same
sentence with other digits. Each case has a `split` and a `batch` saying where it came from; the
held-out split is `heldout16`, everything else is the dev side (bench/phantom_pii_eval.py counts
`heldout4` to `heldout15` cases as dev although their `split` field still says so: existing
cases are kept byte-identical when a batch is added):
- `dev`: 70% of the first templates (fixed seed), tuned on from the start;
- `heldout`: the other 30%; evaluated, then its errors read and fixed, so it moved to the dev side;
- `heldout2` (T2/TECH2, own seed): written after that, evaluated once, then its errors read: it
  moved to the dev side too;
- `heldout3` (T3/TECH3, own seed): written after heldout2 was read, committed before the detector
  was changed or run on it, evaluated once, then its errors read: on the dev side now;
- `heldout4` (bench/phantom_pii_heldout4_data.py, own seed): written from the formats' specifications
  after heldout3 was read and before the detector was changed for it; scored once, then read and
  tuned on: on the dev side now (its `split` kept for the record);
- `dev5` (bench/phantom_pii_dev5_data.py, own seed): structured formats (vCard, HL7 v2, X12, FHIR,
  tables in each locale) and cued look-alikes, written by the helper that fixed the detector for
  them: tuning data, `split` = `dev`;
- `heldout5` (bench/phantom_pii_heldout5_data.py, own seed): written from the formats' specifications
  while the detector was being tuned on heldout4, without reading or running the detector; scored
  once, then tuned on: on the dev side now (its `split` kept for the record);
- `heldout6` (bench/phantom_pii_heldout6_data.py, own seed): written from the formats' specifications
  while the detector was being tuned on heldout5, without reading or running the detector; scored
  once, then tuned on: on the dev side now (its `split` kept for the record);
- `heldout7` (bench/phantom_pii_heldout7_data.py, own seed): written from the formats' specifications
  while the detector was being tuned on heldout6, without reading or running the detector; a fair
  sample in two halves (templates `<locale>/h7k/<n>`: the document kinds every earlier batch used,
  written fresh; `<locale>/h7n/<n>`: kinds no batch used); scored once, then tuned on: on the dev side
  now (its `split` kept for the record);
- `heldout8` (bench/phantom_pii_heldout8_data.py, own seed): written from the formats' specifications
  while the detector was being tuned on heldout7, without reading or running the detector; a fair
  sample in two halves like heldout7 (`<locale>/h8k/<n>`: known kinds written fresh; `<locale>/h8n/<n>`:
  kinds no batch used, heldout7's included); scored once, then tuned on: on the dev side now (its
  `split` kept for the record);
- `heldout9` (bench/phantom_pii_heldout9_data.py, own seed): written from the formats' specifications
  while the detector was being tuned on heldout8, without reading or running the detector; a fair
  sample in two halves like heldout8 (`<locale>/h9k/<n>`: known kinds written fresh; `<locale>/h9n/<n>`:
  kinds no batch used, heldout7's and heldout8's included); scored once, then tuned on: on the dev side
  now (its `split` kept for the record);
- `heldout10` (bench/phantom_pii_heldout10_data.py, own seed): written from the formats' specifications
  while the detector was being tuned on heldout9, without reading or running the detector; a fair
  sample in two halves like heldout9, and larger (`<locale>/h10k/<n>`: known kinds written fresh;
  `<locale>/h10n/<n>`: kinds no batch used, heldout7's to heldout9's included); scored once, then
  tuned on: on the dev side now (its `split` kept for the record);
- `heldout11` (bench/phantom_pii_heldout11_data.py, own seed): written from the formats' specifications
  while the detector was being tuned on heldout10, without reading or running the detector; a fair
  sample in two halves like heldout10 (`<locale>/h11k/<n>`: known kinds written fresh;
  `<locale>/h11n/<n>`: kinds no batch used, heldout7's to heldout10's included); scored once, then
  tuned on: on the dev side now (its `split` kept for the record);
- `heldout12` (bench/phantom_pii_heldout12_data.py, own seed): written from the formats' specifications
  while the detector was being tuned on heldout11, without reading or running the detector; a fair
  sample in two halves like heldout11 (`<locale>/h12k/<n>`: known kinds written fresh;
  `<locale>/h12n/<n>`: kinds no batch used, heldout7's to heldout11's included); scored once, then
  tuned on: on the dev side now (its `split` kept for the record);
- `heldout13` (bench/phantom_pii_heldout13_data.py, own seed): written from the formats' specifications
  while the detector was being tuned on heldout12, without reading or running the detector; a fair
  sample in two halves like heldout12 (`<locale>/h13k/<n>`: known kinds written fresh;
  `<locale>/h13n/<n>`: kinds no batch used, heldout7's to heldout12's included); scored once, then
  tuned on: on the dev side now (its `split` kept for the record);
- `heldout14` (bench/phantom_pii_heldout14_data.py, own seed): written from the formats' specifications
  while the detector was being tuned on heldout13, without reading or running the detector; a fair
  sample in two halves like heldout13 (`<locale>/h14k/<n>`: known kinds written fresh;
  `<locale>/h14n/<n>`: kinds no batch used, heldout7's to heldout13's included); scored once, then
  tuned on: on the dev side now (its `split` kept for the record);
- `heldout15` (bench/phantom_pii_heldout15_data.py, own seed): written from the formats' specifications
  while the detector was being tuned on heldout14, without reading or running the detector; a fair
  sample in two halves like heldout14, with many templates of few documents each (`<locale>/h15k/<n>`:
  known kinds written fresh; `<locale>/h15n/<n>`: kinds no batch used, heldout7's to heldout14's
  included); scored once, then tuned on: on the dev side now (its `split` kept for the record);
- `heldout16` (bench/phantom_pii_heldout16_data.py, own seed): written from the formats' specifications
  while the detector was being tuned on heldout15, without reading or running the detector; a fair
  sample in two halves like heldout15, with many templates of few documents each (`<locale>/h16k/<n>`:
  known kinds written fresh; `<locale>/h16n/<n>`: kinds no batch used, heldout7's to heldout15's
  included), birth dates drawn as real calendar days; the only split that counts as held out.
Hard negatives are labelled spans too (`negatives`), so the evaluation can count how many of them
got any hit.
"""

from __future__ import annotations

import json
import random
import re
import string
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from phantom_pii_data import (  # noqa: E402  (spec-built checksummed values, shared with the first set)
    base58check,
    card,
    eip55,
    iban,
    ipv6,
    mac,
    nhs,
    npi,
    print_iban,
    segwit_address,
    ssn,
    wrong_digit,
)

OUT = Path(__file__).with_name("phantom_pii_multilingual.json")
SEED = 1313
HELDOUT = 0.30
D = string.digits


def digits(rnd: random.Random, n: int) -> str:
    return "".join(rnd.choice(D) for _ in range(n))


# -- phone numbers, per locale, by hand from the national numbering plans --------------------------


def _valid(number: str, region: str) -> bool:
    import phonenumbers

    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(number, region))
    except phonenumbers.NumberParseException:
        return False


def _us(rnd):
    area = rnd.choice(
        [
            "212",
            "213",
            "312",
            "415",
            "512",
            "617",
            "646",
            "702",
            "713",
            "718",
            "206",
            "303",
            "404",
            "503",
            "919",
            "305",
            "480",
            "614",
        ]
    )
    exch = str(rnd.randint(201, 989))
    line = digits(rnd, 4)
    core = (area, exch, line)
    styles = [
        f"({area}) {exch}-{line}",
        f"{area}-{exch}-{line}",
        f"{area}.{exch}.{line}",
        f"+1 {area} {exch} {line}",
        f"+1-{area}-{exch}-{line}",
        f"{area}.{exch}.{line}x{rnd.randint(10, 9999)}",
        f"({area}) {exch}-{line} ext. {rnd.randint(10, 999)}",
        f"1 ({area}) {exch}-{line}",
        f"{area} {exch} {line}",
    ]
    return core, styles, "US"


def _gb(rnd):
    kind = rnd.choice(["london", "mobile", "manc", "bristol"])
    if kind == "london":
        a, b = rnd.choice("378") + digits(rnd, 3), digits(rnd, 4)
        styles = [f"020 {a} {b}", f"+44 20 {a} {b}", f"(020) {a} {b}", f"+44 (0)20 {a} {b}", f"020{a}{b}"]
    elif kind == "mobile":
        a, b = "7" + rnd.choice("45789") + digits(rnd, 2), digits(rnd, 6)
        styles = [f"0{a} {b}", f"+44 {a} {b}", f"+44 (0){a} {b}", f"0{a}{b}", f"0{a} {b[:3]} {b[3:]}"]
    elif kind == "manc":
        a, b = digits(rnd, 3), digits(rnd, 4)
        a = rnd.choice("2345678") + a[1:]
        styles = [f"0161 {a} {b}", f"+44 161 {a} {b}", f"(0161) {a} {b}"]
    else:
        a, b = rnd.choice("2345679") + digits(rnd, 2), digits(rnd, 4)
        styles = [f"0117 {a} {b}", f"+44 117 {a} {b}"]
    return None, styles, "GB"


def _in(rnd):
    if rnd.random() < 0.6:
        a, b = rnd.choice("6789") + digits(rnd, 4), digits(rnd, 5)
        styles = [f"+91 {a} {b}", f"{a} {b}", f"0{a} {b}", f"+91-{a}{b}", f"+91{a}{b}", f"{a}-{b}"]
    else:
        city, n = rnd.choice([("22", 8), ("11", 8), ("80", 8), ("44", 8), ("40", 8), ("33", 8)])
        sub = rnd.choice("2345") + digits(rnd, n - 1)
        styles = [
            f"+91 {city} {sub[:4]} {sub[4:]}",
            f"0{city}-{sub[:4]}-{sub[4:]}",
            f"0{city} {sub}",
            f"+91-{city}-{sub}",
        ]
    return None, styles, "IN"


def _fr(rnd):
    first = rnd.choice(["1", "2", "3", "4", "5", "6", "7", "9"])
    rest = [digits(rnd, 2) for _ in range(4)]
    if first == "7":
        rest[0] = rnd.choice("345678") + rest[0][1]
    p = " ".join(rest)
    styles = [
        f"0{first} {p}",
        f"+33 {first} {p}",
        f"+33 (0){first} {p}",
        f"0{first}.{'.'.join(rest)}",
        f"0{first}{''.join(rest)}",
        f"+33{first}{''.join(rest)}",
        f"0{first}-{'-'.join(rest)}",
    ]
    return None, styles, "FR"


def _de(rnd):
    kind = rnd.choice(["berlin", "munich", "mobile", "hamburg", "cologne"])
    if kind == "mobile":
        pre, sub = rnd.choice(["151", "160", "170", "171", "172", "176", "157", "162"]), digits(rnd, 7)
        if pre in ("151", "157", "176", "162"):
            sub = digits(rnd, 8)
        styles = [
            f"0{pre} {sub}",
            f"+49 {pre} {sub}",
            f"0{pre}/{sub}",
            f"0{pre}-{sub}",
            f"+49 (0){pre} {sub}",
            f"0{pre} {sub[:3]} {sub[3:]}",
        ]
    else:
        pre = {"berlin": "30", "munich": "89", "hamburg": "40", "cologne": "221"}[kind]
        sub = rnd.choice("2345789") + digits(rnd, 7 if pre != "221" else 6)
        styles = [
            f"0{pre} {sub}",
            f"+49 {pre} {sub}",
            f"+49 (0){pre} {sub}",
            f"(0{pre}) {sub[:3]} {sub[3:]}",
            f"0{pre}/{sub}",
            f"0{pre}-{sub[:4]}-{sub[4:]}",
            f"+49 {pre} {sub[:4]} {sub[4:]}-{rnd.randint(0, 99)}",
        ]
    return None, styles, "DE"


def _it(rnd):
    if rnd.random() < 0.5:
        pre, sub = "3" + rnd.choice("234589") + rnd.choice(D), digits(rnd, 7)
        styles = [
            f"{pre} {sub[:3]} {sub[3:]}",
            f"+39 {pre} {sub[:3]} {sub[3:]}",
            f"+39 {pre} {sub}",
            f"{pre}{sub}",
            f"{pre}-{sub}",
            f"+39{pre}{sub}",
        ]
    else:
        pre = rnd.choice(["02", "06", "011", "055", "081", "051"])
        sub = rnd.choice("2345789") + digits(rnd, 7 if len(pre) == 2 else 6)
        styles = [
            f"{pre} {sub[:4]} {sub[4:]}",
            f"+39 {pre} {sub}",
            f"{pre} {sub}",
            f"{pre}/{sub}",
            f"{pre}-{sub}",
            f"+39 {pre} {sub[:4]} {sub[4:]}",
        ]
    return None, styles, "IT"


def _es(rnd):
    if rnd.random() < 0.5:
        pre = rnd.choice("67")
        sub = (rnd.choice("0123") if pre == "7" else rnd.choice(D)) + digits(rnd, 7)
        full = pre + sub
    else:
        pre = rnd.choice(["91", "93", "95", "96", "94", "98"])
        full = pre + rnd.choice("2345678") + digits(rnd, 6)
    styles = [
        f"{full[:3]} {full[3:6]} {full[6:]}",
        f"+34 {full[:3]} {full[3:6]} {full[6:]}",
        f"+34 {full[:3]} {full[3:5]} {full[5:7]} {full[7:]}",
        f"{full[:2]} {full[2:5]} {full[5:7]} {full[7:]}",
        f"+34{full}",
        f"{full}",
        f"(+34) {full[:3]} {full[3:6]} {full[6:]}",
    ]
    return None, styles, "ES"


def _nl(rnd):
    if rnd.random() < 0.5:
        sub = rnd.choice("12345678") + digits(rnd, 7)
        styles = [
            f"06-{sub}",
            f"06 {sub}",
            f"+31 6 {sub}",
            f"+31 (0)6 {sub}",
            f"06 {sub[:2]} {sub[2:4]} {sub[4:6]} {sub[6:]}",
            f"+316{sub}",
        ]
    else:
        pre = rnd.choice(["20", "10", "30", "70", "40"])
        sub = rnd.choice("2345678") + digits(rnd, 6)
        styles = [
            f"0{pre}-{sub[:3]} {sub[3:]}",
            f"0{pre} {sub[:3]} {sub[3:]}",
            f"+31 {pre} {sub[:3]} {sub[3:]}",
            f"(0{pre}) {sub[:3]} {sub[3:]}",
            f"0{pre}-{sub}",
            f"+31 (0){pre} {sub}",
        ]
    return None, styles, "NL"


def _br(rnd):
    ddd = rnd.choice(["11", "21", "31", "41", "51", "61", "71", "81", "85", "19"])
    if rnd.random() < 0.6:
        sub = "9" + rnd.choice("6789") + digits(rnd, 7)
        styles = [
            f"({ddd}) {sub[:5]}-{sub[5:]}",
            f"+55 {ddd} {sub[:5]}-{sub[5:]}",
            f"+55 ({ddd}) {sub[:5]}-{sub[5:]}",
            f"{ddd} {sub[:5]}-{sub[5:]}",
            f"({ddd}) {sub[:1]} {sub[1:5]}-{sub[5:]}",
            f"+55{ddd}{sub}",
        ]
    else:
        sub = rnd.choice("2345") + digits(rnd, 7)
        styles = [
            f"({ddd}) {sub[:4]}-{sub[4:]}",
            f"+55 {ddd} {sub[:4]}-{sub[4:]}",
            f"({ddd}) {sub[:4]} {sub[4:]}",
            f"0{ddd} {sub[:4]}-{sub[4:]}",
        ]
    return None, styles, "BR"


PHONES = {
    "en-US": _us,
    "en-GB": _gb,
    "en-IN": _in,
    "fr-FR": _fr,
    "de-DE": _de,
    "it-IT": _it,
    "es-ES": _es,
    "nl-NL": _nl,
    "pt-BR": _br,
}


def phone(rnd: random.Random, locale: str) -> str:
    for _ in range(500):
        _, styles, region = PHONES[locale](rnd)
        text = rnd.choice(styles)
        core = text.split("x")[0].split(" ext")[0]
        if _valid(core, region):
            return text
    raise RuntimeError(f"no valid {locale} number drawn")


# -- birth dates, per locale ---------------------------------------------------------------------

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "it": [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    "nl": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "pt": [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
}


def birth(rnd: random.Random, locale: str) -> str:
    y, m, d = rnd.randint(1940, 2006), rnd.randint(1, 12), rnd.randint(1, 28)
    lang = locale[:2]
    names = MONTHS[lang]
    if locale == "en-US":
        forms = [
            f"{m:02d}/{d:02d}/{y}",
            f"{m}/{d}/{y}",
            f"{names[m - 1]} {d}, {y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{m:02d}-{d:02d}-{y}",
        ]
    elif lang == "en":
        forms = [
            f"{d:02d}/{m:02d}/{y}",
            f"{d} {names[m - 1]} {y}",
            f"{d:02d}-{m:02d}-{y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{d:02d}.{m:02d}.{y}",
        ]
    elif lang == "de":
        forms = [f"{d:02d}.{m:02d}.{y}", f"{d}. {names[m - 1]} {y}", f"{d}.{m}.{y}", f"{y}-{m:02d}-{d:02d}"]
    elif lang == "nl":
        forms = [f"{d:02d}-{m:02d}-{y}", f"{d} {names[m - 1]} {y}", f"{d:02d}/{m:02d}/{y}", f"{d}-{m}-{y}"]
    elif lang in ("es", "pt"):
        de = "de"
        forms = [
            f"{d:02d}/{m:02d}/{y}",
            f"{d} {de} {names[m - 1]} {de} {y}",
            f"{d:02d}-{m:02d}-{y}",
            f"{d:02d}.{m:02d}.{y}",
        ]
    else:  # fr, it
        forms = [
            f"{d:02d}/{m:02d}/{y}",
            f"{d} {names[m - 1]} {y}",
            f"{d:02d}-{m:02d}-{y}",
            f"{d:02d}.{m:02d}.{y}",
        ]
    return rnd.choice(forms)


def other_date(rnd: random.Random, locale: str) -> str:
    y, m, d = rnd.randint(2019, 2026), rnd.randint(1, 12), rnd.randint(1, 28)
    if locale == "en-US":
        return rnd.choice([f"{m:02d}/{d:02d}/{y}", f"{MONTHS['en'][m - 1]} {d}, {y}", f"{y}-{m:02d}-{d:02d}"])
    if locale.startswith("de"):
        return rnd.choice([f"{d:02d}.{m:02d}.{y}", f"{y}-{m:02d}-{d:02d}"])
    if locale.startswith("nl"):
        return rnd.choice([f"{d:02d}-{m:02d}-{y}", f"{y}-{m:02d}-{d:02d}"])
    return rnd.choice([f"{d:02d}/{m:02d}/{y}", f"{d:02d}-{m:02d}-{y}", f"{y}-{m:02d}-{d:02d}"])


# -- other values --------------------------------------------------------------------------------

FIRST = {
    "en-US": ["Emily", "Jacob", "Maria", "Tyrone", "Kevin"],
    "en-GB": ["Oliver", "Amelia", "Harry", "Isla"],
    "en-IN": ["Priya", "Rahul", "Ananya", "Vikram"],
    "fr-FR": ["Camille", "Louis", "Chloé", "Hugo"],
    "de-DE": ["Lukas", "Anna", "Jürgen", "Lea"],
    "it-IT": ["Giulia", "Marco", "Francesca", "Luca"],
    "es-ES": ["Lucía", "Javier", "Carmen", "Álvaro"],
    "nl-NL": ["Daan", "Sanne", "Bram", "Fleur"],
    "pt-BR": ["João", "Ana", "Thiago", "Beatriz"],
}
LAST = {
    "en-US": ["Miller", "Johnson", "Nguyen", "Garcia"],
    "en-GB": ["Smith", "Clarke", "Patel", "Evans"],
    "en-IN": ["Sharma", "Iyer", "Reddy", "Banerjee"],
    "fr-FR": ["Martin", "Dubois", "Lefèvre", "Moreau"],
    "de-DE": ["Müller", "Schmidt", "Weber", "Becker"],
    "it-IT": ["Rossi", "Esposito", "Bianchi", "Romano"],
    "es-ES": ["García", "Fernández", "López", "Martínez"],
    "nl-NL": ["de Vries", "Jansen", "Bakker", "Visser"],
    "pt-BR": ["Silva", "Santos", "Oliveira", "Souza"],
}
TLD = {
    "en-US": ["com", "net", "org", "us"],
    "en-GB": ["co.uk", "org.uk", "com"],
    "en-IN": ["in", "co.in", "com"],
    "fr-FR": ["fr", "com"],
    "de-DE": ["de", "com"],
    "it-IT": ["it", "com"],
    "es-ES": ["es", "com"],
    "nl-NL": ["nl", "com"],
    "pt-BR": ["com.br", "br"],
}
ORGS = [
    "acme",
    "nordwind",
    "globex",
    "initech",
    "sunrise-travel",
    "blauwe-haven",
    "tecnoservizi",
    "mercado-azul",
    "hooli",
    "umbrella",
    "vortex-labs",
    "pixelforge",
]
IBAN_COUNTRY = {
    "en-GB": ["GB"],
    "fr-FR": ["FR"],
    "de-DE": ["DE"],
    "it-IT": ["IT"],
    "es-ES": ["ES"],
    "nl-NL": ["NL"],
    "pt-BR": ["PT", "ES"],
    "en-IN": ["GB"],
    "en-US": ["DE", "FR"],
}


def _ascii(text: str) -> str:
    table = str.maketrans("éèêëàâäîïôöùûüçñáíóúãõ ", "eeeeaaaiioouuucnaiouao.")
    return text.lower().translate(table)


def email(rnd: random.Random, locale: str) -> str:
    first, last = _ascii(rnd.choice(FIRST[locale])), _ascii(rnd.choice(LAST[locale])).replace(".", "")
    local = rnd.choice(
        [
            f"{first}.{last}",
            f"{first[0]}{last}",
            f"{first}_{last}{rnd.randint(1, 99)}",
            f"{first}+billing",
            f"{last}.{first}",
            f"{first}.{last}-ext",
        ]
    )
    kind = rnd.random()
    if kind < 0.08:
        domain = rnd.choice(
            ["xn--mller-kva.de", "xn--bcher-kva.example", "xn--caf-dma.fr", "xn--80ak6aa92e.com"]
        )
    elif kind < 0.4:
        domain = rnd.choice(
            [
                "gmail.com",
                "outlook.com",
                "yahoo.co.uk",
                "gmx.de",
                "orange.fr",
                "libero.it",
                "hotmail.es",
                "ziggo.nl",
                "uol.com.br",
                "rediffmail.com",
                "web.de",
                "free.fr",
            ]
        )
    else:
        domain = f"{rnd.choice(['', 'mail.', 'corp.', 'eu.'])}{rnd.choice(ORGS)}.{rnd.choice(TLD[locale])}"
    return f"{local}@{domain}"


def url(rnd: random.Random, locale: str) -> str:
    host = f"{rnd.choice(ORGS)}.{rnd.choice(TLD[locale])}"
    path = rnd.choice(
        [
            "",
            "/contact",
            "/account/orders?id=" + digits(rnd, 6),
            "/support/ticket/" + digits(rnd, 5),
            "/de/impressum",
            "/p/" + digits(rnd, 4) + "#reviews",
            "/login?next=%2Fhome",
        ]
    )
    return rnd.choice(
        [
            f"https://www.{host}{path}",
            f"http://{host}{path}",
            f"https://{host}{path}",
            f"www.{host}{path}",
            f"{host}{path or '/'}" if path else f"www.{host}",
            f"https://shop.{host}{path}",
        ]
    )


def cardno(rnd: random.Random) -> str:
    prefix, length = rnd.choice(
        [
            ("4", 16),
            ("4", 16),
            ("53", 16),
            ("2223", 16),
            ("37", 15),
            ("6011", 16),
            ("3530", 16),
            ("36", 14),
            ("6759", 12),
            ("5019", 16),
            ("1", 15),
            ("62", 16),
            ("6304", 19),
            ("4", 19),
            ("65", 16),
            ("50", 12),
            ("6771", 16),
        ]
    )
    number = card(rnd, prefix, length)
    sep = rnd.choice(["", " ", "-", " "])
    if length == 15 and prefix.startswith("3"):
        parts = [number[:4], number[4:10], number[10:]]
    elif length == 15:
        parts = [number[:4], number[4:9], number[9:]]
    elif length == 14:
        parts = [number[:4], number[4:10], number[10:]]
    else:
        parts = [number[i : i + 4] for i in range(0, length, 4)]
    return sep.join(parts)


def ssn_text(rnd: random.Random) -> str:
    a, g, s = ssn(rnd)
    return rnd.choice([f"{a}-{g}-{s}", f"{a} {g} {s}", f"{a}.{g}.{s}", f"{a}{g}{s}", f"{a}-{g}-{s}"])


def npi_text(rnd: random.Random) -> str:
    n = npi(rnd)
    return rnd.choice(
        [n, n, f"{n[:4]}-{n[4:7]}-{n[7:]}", f"{n[:4]} {n[4:7]} {n[7:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}"]
    )


def nhs_text(rnd: random.Random) -> str:
    n = nhs(rnd)
    return rnd.choice([f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}", n])


def ipv4(rnd: random.Random) -> str:
    return rnd.choice(
        [
            f"192.168.{rnd.randint(0, 255)}.{rnd.randint(1, 254)}",
            f"10.{rnd.randint(0, 255)}.{rnd.randint(0, 255)}.{rnd.randint(1, 254)}",
            f"{rnd.randint(1, 223)}.{rnd.randint(0, 255)}.{rnd.randint(0, 255)}.{rnd.randint(1, 254)}",
            f"172.{rnd.randint(16, 31)}.{rnd.randint(0, 255)}.{rnd.randint(1, 254)}",
        ]
    )


def ip6(rnd: random.Random) -> str:
    return rnd.choice(
        [
            ipv6(rnd, "compressed"),
            ipv6(rnd, "full"),
            f"2001:db8::{rnd.randint(1, 0xFFFF):x}",
            f"fe80::{rnd.randint(0, 0xFFFF):x}:{rnd.randint(0, 0xFFFF):x}:{rnd.randint(0, 0xFFFF):x}:{rnd.randint(0, 0xFFFF):x}",
        ]
    )


def btc(rnd: random.Random) -> str:
    kind = rnd.random()
    if kind < 0.35:
        return base58check(0, rnd.randbytes(20))
    if kind < 0.55:
        return base58check(5, rnd.randbytes(20))
    if kind < 0.85:
        return segwit_address("bc", 0, rnd.randbytes(20))
    return segwit_address("bc", 1, rnd.randbytes(32))


VALUES = {
    "EMAIL": ("EMAIL_ADDRESS", email),
    "PHONE": ("PHONE_NUMBER", phone),
    "DOB": ("DATE_OF_BIRTH", birth),
    "URL": ("URL", url),
    "CARD": ("CREDIT_CARD", lambda r, loc: cardno(r)),
    "IBAN": (
        "IBAN_CODE",
        lambda r, loc: (lambda v: rnd_choice(r, [v, print_iban(v)]))(iban(r, r.choice(IBAN_COUNTRY[loc]))),
    ),
    "SSN": ("US_SSN", lambda r, loc: ssn_text(r)),
    "NPI": ("US_NPI", lambda r, loc: npi_text(r)),
    "NHS": ("UK_NHS", lambda r, loc: nhs_text(r)),
    "IP4": ("IP_ADDRESS", lambda r, loc: ipv4(r)),
    "IP6": ("IP_ADDRESS", lambda r, loc: ip6(r)),
    "MAC": ("MAC_ADDRESS", lambda r, loc: mac(r, r.choice(["colon", "dash", "cisco"]))),
    "BTC": ("CRYPTO", lambda r, loc: btc(r)),
    "ETH": ("CRYPTO", lambda r, loc: eip55(r)),
}


def rnd_choice(rnd: random.Random, items: list[str]) -> str:
    return rnd.choice(items)


def _ts(rnd: random.Random) -> str:
    y, mo, d, h, mi, s, us = (
        rnd.randint(2020, 2026),
        rnd.randint(1, 12),
        rnd.randint(1, 28),
        rnd.randint(0, 23),
        rnd.randint(0, 59),
        rnd.randint(0, 59),
        rnd.randint(0, 999999),
    )
    epoch = rnd.randint(1_600_000_000, 1_800_000_000)
    return rnd.choice(
        [
            f"{y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}.{us:06d}",
            f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}.{us:06d}Z",
            f"{epoch}{us:06d}",
            f"{epoch}.{us:06d}",
            f"{h:02d}:{mi:02d}:{s:02d}.{us:06d}",
            f"{epoch}{us // 1000:03d}",
            f"{y}{mo:02d}{d:02d}{h:02d}{mi:02d}{s:02d}{us:06d}",
        ]
    )


def _order(rnd: random.Random) -> str:
    y = rnd.randint(2018, 2026)
    return rnd.choice(
        [
            f"ORD-{y}-{digits(rnd, 6)}",
            f"INV-{y}-{digits(rnd, 6)}",
            f"FA-{y}-{rnd.randint(1, 12):02d}-{digits(rnd, 5)}",
            f"{y}{digits(rnd, 6)}",
            f"PO {rnd.choice('45')}5{digits(rnd, 8)}",
            f"#{digits(rnd, 9)}",
            f"RE-{y}/{digits(rnd, 5)}",
            f"{digits(rnd, 3)}-{digits(rnd, 7)}-{digits(rnd, 7)}",
            f"NF-e {digits(rnd, 4)} {digits(rnd, 4)} {digits(rnd, 4)}",
            f"{digits(rnd, 2)}-{digits(rnd, 8)}",
        ]
    )


def _version(rnd: random.Random) -> str:
    return rnd.choice(
        [
            f"10.0.{rnd.randint(17000, 22631)}.{rnd.randint(1, 4000)}",
            f"{rnd.randint(100, 131)}.0.{rnd.randint(5000, 6999)}.{rnd.randint(1, 250)}",
            f"{rnd.randint(1, 9)}.{rnd.randint(0, 20)}.{rnd.randint(0, 30)}.{rnd.randint(0, 999)}",
            "1.2.3.4",
            f"4.18.0.{rnd.randint(300, 600)}",
            f"6.1.7601.{rnd.randint(17000, 25000)}",
            f"v{rnd.randint(1, 9)}.{rnd.randint(0, 30)}.{rnd.randint(0, 40)}",
        ]
    )


def _hash(rnd: random.Random) -> str:
    n = rnd.choice([64, 40, 32, 7, 12])
    return "".join(rnd.choice("0123456789abcdef") for _ in range(n))


def _uuid(rnd: random.Random) -> str:
    import uuid

    return str(uuid.UUID(int=rnd.getrandbits(128), version=4))


def _isbn(rnd: random.Random) -> str:
    body = "978" + rnd.choice(["3", "2", "88", "84", "90", "85", "0", "1"]) + digits(rnd, 8)
    body = body[:12]
    check = (10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body)) % 10) % 10
    full = body + str(check)
    return rnd.choice([full, f"{full[:3]}-{full[3]}-{full[4:8]}-{full[8:12]}-{full[12]}", f"ISBN {full}"])


def _ean(rnd: random.Random) -> str:
    body = rnd.choice(["400", "300", "800", "840", "871", "789", "590"]) + digits(rnd, 9)
    check = (10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body)) % 10) % 10
    return body + str(check)


def _not_luhn(rnd: random.Random) -> str:
    number = card(rnd, rnd.choice(["4", "5", "37"]), 16)
    bad = wrong_digit(number, rnd)
    return " ".join(bad[i : i + 4] for i in range(0, 16, 4))


NEGATIVES = {
    "CPP": lambda r: r.choice(
        [
            "std::cout",
            "Foo::Bar",
            "std::vector<int>::iterator",
            "Foo::Bar::baz()",
            "boost::asio",
            "std::chrono::microseconds",
            "ns::Type",
            "abc::def",
            "Cafe::Bad",
            "Db::Add",
            "std::endl",
        ]
    ),
    "TS": _ts,
    "ORDER": _order,
    "VER": _version,
    "HASH": _hash,
    "UUID": _uuid,
    "ISBN": _isbn,
    "EAN": _ean,
    "NOTLUHN": _not_luhn,
    "AMOUNT": lambda r: r.choice(
        [
            f"{r.randint(1, 999)}.{r.randint(100, 999)}.{r.randint(100, 999)},{r.randint(10, 99)} €",
            f"${r.randint(1, 999)},{r.randint(100, 999)},{r.randint(100, 999)}.{r.randint(10, 99)}",
            f"R$ {r.randint(1, 99)}.{r.randint(100, 999)},{r.randint(10, 99)}",
            f"₹{r.randint(1, 99)},{r.randint(10, 99)},{r.randint(100, 999)}.00",
        ]
    ),
    "AWS": lambda r: digits(r, 12),
    "TRACK": lambda r: r.choice(
        [
            f"1Z{''.join(r.choice(string.ascii_uppercase + D) for _ in range(16))}",
            f"JD{digits(r, 18)}",
            f"{digits(r, 4)} {digits(r, 4)} {digits(r, 4)}",
            f"00{digits(r, 18)}",
        ]
    ),
    "COORD": lambda r: f"{r.uniform(-60, 60):.6f}, {r.uniform(-120, 120):.6f}",
    "FILE": lambda r: r.choice(
        [
            "setup.py",
            "README.md",
            "main.rs",
            "deploy.sh",
            "index.js",
            "report.pdf",
            "app.config",
            "build.gradle",
            "Makefile.am",
            "schema.sql",
            "run.pl",
            "notes.txt",
        ]
    ),
    "ZIP4": lambda r: f"{digits(r, 5)}-{digits(r, 4)}",
    "HEXMAC": lambda r: ":".join(f"{r.randint(0, 255):02x}" for _ in range(r.choice([4, 8]))),
    "DURATION": lambda r: (
        f"{r.randint(0, 99):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}:{r.randint(0, 99):02d}"
    ),
    "SEMVER_IP": lambda r: (
        f"{r.randint(1, 9)}.{r.randint(0, 9)}.{r.randint(0, 9)}.{r.randint(0, 9)}-rc{r.randint(1, 5)}"
    ),
}


# -- the documents ---------------------------------------------------------------------------------
# Each template: placeholders ⟦KIND⟧ for personal data, ⟦~KIND⟧ for hard negatives. {first} and
# {last} are a person's name (not labelled: phantom does not claim names), {org} a company.

T: dict[str, list[str]] = {
    "en-US": [
        "From: {first} {last} <⟦EMAIL⟧>\nSubject: Billing question\n\nHi, my card ending in the number below was charged twice for ⟦~ORDER⟧. Card: ⟦CARD⟧. Call me at ⟦PHONE⟧ any time after 5pm.",
        "Ticket #⟦~AWS⟧ | Customer: {first} {last} | Phone: ⟦PHONE⟧ | Email: ⟦EMAIL⟧ | Issue: app crashes after update to ⟦~VER⟧",
        "EMPLOYEE ONBOARDING FORM\nName: {first} {last}\nDate of birth: ⟦DOB⟧\nSSN: ⟦SSN⟧\nHome phone: ⟦PHONE⟧\nStart date: ⟦~DATE⟧",
        "Patient intake — Provider NPI: ⟦NPI⟧; patient DOB ⟦DOB⟧; callback ⟦PHONE⟧; insurance claim ⟦~ORDER⟧",
        "{first}: hey can u text me at ⟦PHONE⟧? my ssn for the form is ⟦SSN⟧ lol dont share\n{first2}: ok sent the link ⟦URL⟧",
        "2024-03-12 14:22:31.123456 INFO auth: login ok user=⟦EMAIL⟧ src=⟦IP4⟧ ua=Chrome/⟦~VER⟧ req=⟦~UUID⟧",
        "INVOICE ⟦~ORDER⟧\nBill to: {first} {last}, {org} Inc.\nTotal: ⟦~AMOUNT⟧\nPay online at ⟦URL⟧ or wire to IBAN ⟦IBAN⟧. Questions: ⟦PHONE⟧",
        "Referring physician NPI ⟦NPI⟧, fax ⟦PHONE⟧. Rendering NPI: ⟦NPI⟧. Claim total ⟦~AMOUNT⟧, ZIP ⟦~ZIP4⟧.",
        "name,email,phone,dob,ssn\n{first} {last},⟦EMAIL⟧,⟦PHONE⟧,⟦DOB⟧,⟦SSN⟧",
        "Hi team, the vendor's support line is ⟦PHONE⟧ and their portal is ⟦URL⟧. PO number ⟦~ORDER⟧, shipment tracking ⟦~TRACK⟧.",
        "for (auto& x : v) { ⟦~CPP⟧ << x << ⟦~CPP⟧; }  // commit ⟦~HASH⟧, see ⟦~FILE⟧",
        "Donations accepted in BTC: ⟦BTC⟧ or ETH: ⟦ETH⟧. Receipt ⟦~ORDER⟧ issued ⟦~DATE⟧.",
    ],
    "en-GB": [
        "Dear {first},\nThanks for getting in touch. We've updated your details: mobile ⟦PHONE⟧, email ⟦EMAIL⟧. Your reference is ⟦~ORDER⟧.\nKind regards, {org} Ltd",
        "PATIENT DETAILS\nNHS number: ⟦NHS⟧\nDate of birth: ⟦DOB⟧\nGP surgery tel: ⟦PHONE⟧\nAppointment: ⟦~DATE⟧",
        "New starter form — {first} {last}. DOB ⟦DOB⟧. Bank: IBAN ⟦IBAN⟧. Contact: ⟦PHONE⟧ / ⟦EMAIL⟧",
        "[{first} {last}] can you ring me on ⟦PHONE⟧? the NHS no. is ⟦NHS⟧ if the pharmacy asks",
        "Order ⟦~ORDER⟧ dispatched via Royal Mail, tracking ⟦~TRACK⟧. Invoice total ⟦~AMOUNT⟧. Manage your order at ⟦URL⟧",
        "Please pay ⟦~AMOUNT⟧ to IBAN ⟦IBAN⟧ quoting ⟦~ORDER⟧. Card payments: ⟦CARD⟧ was declined on ⟦~DATE⟧.",
        "nhs_number,date_of_birth,telephone\n⟦NHS⟧,⟦DOB⟧,⟦PHONE⟧",
        "Build ⟦~VER⟧ deployed to ⟦IP4⟧; rollback image sha256:⟦~HASH⟧; on-call: ⟦PHONE⟧",
        "Customer {first} {last} (born ⟦DOB⟧) asked us to update the billing email to ⟦EMAIL⟧; ISBN of the book ordered: ⟦~ISBN⟧",
        "Visit ⟦URL⟧ or call our helpline on ⟦PHONE⟧ (Mon-Fri). Lines open 09:00-17:00. Ref ⟦~UUID⟧",
    ],
    "en-IN": [
        "Dear Customer, your KYC for account {first} {last} is pending. Contact ⟦PHONE⟧ or mail ⟦EMAIL⟧. Ref no. ⟦~ORDER⟧",
        "Name: {first} {last}\nDOB: ⟦DOB⟧\nMobile: ⟦PHONE⟧\nEmail: ⟦EMAIL⟧\nAlternate No: ⟦PHONE⟧",
        "Payment of ⟦~AMOUNT⟧ received via card ⟦CARD⟧ for order ⟦~ORDER⟧. Track at ⟦URL⟧",
        "{first}: bhai call me on ⟦PHONE⟧, also send the invoice to ⟦EMAIL⟧\n{first2}: done, check ⟦URL⟧",
        "Employee record: {first} {last}, Date of Birth ⟦DOB⟧, emergency contact ⟦PHONE⟧, laptop MAC ⟦MAC⟧",
        "[ERROR] payment-gw timeout host=⟦IP4⟧ txn=⟦~UUID⟧ ts=⟦~TS⟧ amount=⟦~AMOUNT⟧",
        "Office: ⟦PHONE⟧ | Website: ⟦URL⟧ | GSTIN invoice ⟦~ORDER⟧ dated ⟦~DATE⟧",
        "Refund to IBAN ⟦IBAN⟧ processed; beneficiary phone ⟦PHONE⟧; reference ⟦~HASH⟧",
    ],
    "fr-FR": [
        "Bonjour,\nSuite à notre échange, voici mes coordonnées : {first} {last}, tél. ⟦PHONE⟧, courriel ⟦EMAIL⟧. Ma commande ⟦~ORDER⟧ n'est pas arrivée.\nCordialement",
        "FICHE SALARIÉ\nNom : {last}\nPrénom : {first}\nDate de naissance : ⟦DOB⟧\nTéléphone : ⟦PHONE⟧\nIBAN : ⟦IBAN⟧",
        "Facture n° ⟦~ORDER⟧ du ⟦~DATE⟧ — Montant : ⟦~AMOUNT⟧. Règlement par virement sur ⟦IBAN⟧ ou en ligne sur ⟦URL⟧.",
        "{first} : tu peux m'appeler au ⟦PHONE⟧ ? sinon écris à ⟦EMAIL⟧\n{first2} : ok, né le ⟦DOB⟧ c'est bien ça pour le dossier ?",
        "Mme {last}, née le ⟦DOB⟧, joignable au ⟦PHONE⟧ (portable) et au ⟦PHONE⟧ (fixe).",
        "Service client : ⟦PHONE⟧ — du lundi au vendredi. Espace client : ⟦URL⟧. Numéro de suivi : ⟦~TRACK⟧",
        "nom;email;telephone;date_naissance\n{last};⟦EMAIL⟧;⟦PHONE⟧;⟦DOB⟧",
        "Paiement refusé pour la carte ⟦CARD⟧ le ⟦~DATE⟧ ; montant ⟦~AMOUNT⟧ ; réf. ⟦~UUID⟧",
        "[WARN] 2024-05-02T08:14:55.123456Z connexion refusée depuis ⟦IP4⟧ pour ⟦EMAIL⟧ (version client ⟦~VER⟧)",
    ],
    "de-DE": [
        "Sehr geehrte Damen und Herren,\nbitte ändern Sie meine Telefonnummer auf ⟦PHONE⟧. Meine E-Mail lautet ⟦EMAIL⟧. Kundennummer ⟦~ORDER⟧.\nMit freundlichen Grüßen\n{first} {last}",
        "PERSONALBOGEN\nName: {last}, {first}\nGeburtsdatum: ⟦DOB⟧\nTelefon: ⟦PHONE⟧\nMobil: ⟦PHONE⟧\nBankverbindung (IBAN): ⟦IBAN⟧",
        "Rechnung Nr. ⟦~ORDER⟧ vom ⟦~DATE⟧\nBetrag: ⟦~AMOUNT⟧\nBitte überweisen Sie auf IBAN ⟦IBAN⟧. Fragen? ⟦PHONE⟧ oder ⟦URL⟧",
        "{first}: Ruf mich mal unter ⟦PHONE⟧ an\n{first2}: mach ich, schick mir noch die Mail an ⟦EMAIL⟧",
        "Herr {last}, geb. ⟦DOB⟧, wohnhaft in Berlin, Tel. ⟦PHONE⟧, hat am ⟦~DATE⟧ den Vertrag unterschrieben.",
        "Impressum: {org} GmbH · Tel.: ⟦PHONE⟧ · Fax: ⟦PHONE⟧ · E-Mail: ⟦EMAIL⟧ · Web: ⟦URL⟧",
        "Die Zahlung mit Karte ⟦CARD⟧ wurde abgelehnt. Auftragsnummer ⟦~ORDER⟧, Sendungsnummer ⟦~TRACK⟧.",
        "kunde,geburtsdatum,telefon,iban\n{last},⟦DOB⟧,⟦PHONE⟧,⟦IBAN⟧",
        "Geboren am ⟦DOB⟧ in München; erreichbar unter ⟦PHONE⟧; Artikel EAN ⟦~EAN⟧.",
        "Server ⟦IP6⟧ antwortet nicht; letzter Heartbeat ⟦~TS⟧; Firmware ⟦~VER⟧; MAC ⟦MAC⟧",
    ],
    "it-IT": [
        "Gentile cliente,\nabbiamo registrato il suo nuovo numero ⟦PHONE⟧ e l'indirizzo email ⟦EMAIL⟧. Pratica n. ⟦~ORDER⟧.\nCordiali saluti",
        "MODULO DIPENDENTE\nCognome: {last}\nNome: {first}\nData di nascita: ⟦DOB⟧\nCellulare: ⟦PHONE⟧\nIBAN: ⟦IBAN⟧",
        "Fattura n. ⟦~ORDER⟧ del ⟦~DATE⟧ — Totale ⟦~AMOUNT⟧. Pagamento tramite bonifico su ⟦IBAN⟧.",
        "{first}: chiamami al ⟦PHONE⟧ quando puoi\n{first2}: ok! ti scrivo anche a ⟦EMAIL⟧",
        "Il sig. {last}, nato il ⟦DOB⟧, tel. ⟦PHONE⟧, ha richiesto il rimborso sulla carta ⟦CARD⟧.",
        "Assistenza clienti: ⟦PHONE⟧ — sito ⟦URL⟧ — codice spedizione ⟦~TRACK⟧",
        "cognome;nome;telefono;email\n{last};{first};⟦PHONE⟧;⟦EMAIL⟧",
        "La sig.ra {last}, nata il ⟦DOB⟧, reperibile al numero ⟦PHONE⟧, documento ⟦~UUID⟧.",
        "[ERRORE] ⟦~TS⟧ richiesta da ⟦IP4⟧ rifiutata, build ⟦~VER⟧",
    ],
    "es-ES": [
        "Estimado cliente:\nHemos actualizado su teléfono de contacto a ⟦PHONE⟧ y su correo a ⟦EMAIL⟧. Número de pedido: ⟦~ORDER⟧.\nUn saludo",
        "FICHA DE EMPLEADO\nApellidos: {last}\nNombre: {first}\nFecha de nacimiento: ⟦DOB⟧\nTeléfono: ⟦PHONE⟧\nIBAN: ⟦IBAN⟧",
        "Factura ⟦~ORDER⟧ con fecha ⟦~DATE⟧. Importe: ⟦~AMOUNT⟧. Domiciliación en la cuenta ⟦IBAN⟧.",
        "{first}: llámame al ⟦PHONE⟧ porfa\n{first2}: vale, y te mando el enlace ⟦URL⟧",
        "D. {first} {last}, nacido el ⟦DOB⟧, con teléfono ⟦PHONE⟧ y correo ⟦EMAIL⟧, solicita la baja.",
        "Atención al cliente: ⟦PHONE⟧ (L-V). Web: ⟦URL⟧. Su tarjeta ⟦CARD⟧ ha sido bloqueada.",
        "apellido,nombre,movil,fecha_nacimiento\n{last},{first},⟦PHONE⟧,⟦DOB⟧",
        "Dña. {last}, nacida el ⟦DOB⟧, móvil ⟦PHONE⟧, ref. envío ⟦~TRACK⟧",
        "ERROR ⟦~TS⟧ fallo de conexión a ⟦IP6⟧ (cliente ⟦EMAIL⟧, versión ⟦~VER⟧)",
    ],
    "nl-NL": [
        "Beste {first},\nWe hebben je nieuwe telefoonnummer ⟦PHONE⟧ en e-mailadres ⟦EMAIL⟧ verwerkt. Je ordernummer is ⟦~ORDER⟧.\nMet vriendelijke groet",
        "PERSONEELSFORMULIER\nAchternaam: {last}\nVoornaam: {first}\nGeboortedatum: ⟦DOB⟧\nTelefoon: ⟦PHONE⟧\nIBAN: ⟦IBAN⟧",
        "Factuur ⟦~ORDER⟧ d.d. ⟦~DATE⟧ — Totaal ⟦~AMOUNT⟧. Graag overmaken naar ⟦IBAN⟧. Vragen? Bel ⟦PHONE⟧.",
        "{first}: bel me even op ⟦PHONE⟧\n{first2}: top, ik mail je op ⟦EMAIL⟧",
        "Mevrouw {last}, geboren op ⟦DOB⟧, tel. ⟦PHONE⟧, heeft betaald met creditcard ⟦CARD⟧.",
        "Klantenservice: ⟦PHONE⟧ · ⟦URL⟧ · Track & Trace: ⟦~TRACK⟧",
        "achternaam;geboortedatum;telefoon;email\n{last};⟦DOB⟧;⟦PHONE⟧;⟦EMAIL⟧",
        "Dhr. {last} (geb. ⟦DOB⟧) is bereikbaar op ⟦PHONE⟧; dossier ⟦~UUID⟧",
        "WARN ⟦~TS⟧ router ⟦MAC⟧ kreeg adres ⟦IP4⟧, firmware ⟦~VER⟧",
    ],
    "pt-BR": [
        "Olá {first},\nAtualizamos seu celular para ⟦PHONE⟧ e seu e-mail para ⟦EMAIL⟧. Número do pedido: ⟦~ORDER⟧.\nAtenciosamente",
        "FICHA DE CADASTRO\nNome: {first} {last}\nData de nascimento: ⟦DOB⟧\nCelular: ⟦PHONE⟧\nTelefone fixo: ⟦PHONE⟧\nE-mail: ⟦EMAIL⟧",
        "Nota fiscal ⟦~ORDER⟧ emitida em ⟦~DATE⟧ — Valor: ⟦~AMOUNT⟧. Pague pelo site ⟦URL⟧.",
        "{first}: me liga no ⟦PHONE⟧?\n{first2}: blz, te mando o boleto no ⟦EMAIL⟧",
        "O Sr. {last}, nascido em ⟦DOB⟧, telefone ⟦PHONE⟧, pagou com o cartão ⟦CARD⟧.",
        "Central de atendimento: ⟦PHONE⟧ — ⟦URL⟧ — código de rastreio ⟦~TRACK⟧",
        "nome;nascimento;celular\n{first} {last};⟦DOB⟧;⟦PHONE⟧",
        "A Sra. {last}, nascida em ⟦DOB⟧, celular ⟦PHONE⟧, transferência para ⟦IBAN⟧.",
        "ERRO ⟦~TS⟧ falha ao conectar em ⟦IP4⟧ usuário ⟦EMAIL⟧ versão ⟦~VER⟧",
    ],
}

# Technical documents shared by all locales (code, logs, configs): mostly English text.
TECH = [
    'std::cout << "connecting to " << host << std::endl;  // host was ⟦IP4⟧ in prod\nFoo::Bar::baz(⟦~HASH⟧);',
    "2025-01-07 10:00:00.654321 DEBUG ⟦~CPP⟧ handled in ⟦~DURATION⟧; peer ⟦IP6⟧; trace ⟦~UUID⟧",
    "Apr 12 06:25:01 gw dhcpd: DHCPACK on ⟦IP4⟧ to ⟦MAC⟧ (android-⟦~HASH⟧) via eth0",
    "version: ⟦~VER⟧\nimage: registry.internal/app@sha256:⟦~HASH⟧\ncontact: ⟦EMAIL⟧",
    "-- migration ⟦~TS⟧\nINSERT INTO users (email, phone) VALUES ('⟦EMAIL⟧', '⟦PHONE⟧');",
    "pip install foo==⟦~SEMVER_IP⟧ && curl -s ⟦URL⟧ | sh   # see ⟦~FILE⟧",
    "Coordinates ⟦~COORD⟧ recorded at ⟦~TS⟧ by device ⟦MAC⟧",
    "git log: ⟦~HASH⟧ Merge pull request #⟦~AWS⟧ from dev/⟦~CPP⟧-fix (built ⟦~VER⟧)",
    "wallet,amount\n⟦BTC⟧,0.0042\n⟦ETH⟧,1.5",
    "ISBN ⟦~ISBN⟧, EAN ⟦~EAN⟧, order ⟦~ORDER⟧, account ⟦~AWS⟧, card on file ⟦~NOTLUHN⟧",
    "ssh admin@⟦IP4⟧ -p 2222; ping6 ⟦IP6⟧; arp shows ⟦MAC⟧; uptime ⟦~DURATION⟧",
    "let rate = ⟦~AMOUNT⟧; // ⟦~CPP⟧::compute at ⟦~TS⟧, build ⟦~VER⟧, file ⟦~FILE⟧",
]

# A second held-out split, `heldout2`: document kinds written after the first held-out evaluation (which
# then counted as seen), before the detector was run on them, and evaluated once. Other kinds again:
# appointment and delivery notices, transfer confirmations, access requests, JSON/YAML/SQL/access logs.
T2: dict[str, list[str]] = {
    "en-US": [
        '{"patient": {"birthDate": "⟦DOB⟧", "phone": "⟦PHONE⟧", "email": "⟦EMAIL⟧", "ssn": "⟦SSN⟧"}, "visit": "⟦~UUID⟧"}',
        "Your appointment with Dr. {last} (NPI ⟦NPI⟧) is confirmed for ⟦~DATE⟧. Questions? Text or call ⟦PHONE⟧. Ref ⟦~ORDER⟧.",
        '⟦IP4⟧ - - [12/Mar/2024:14:22:31 +0000] "GET /account?email=⟦EMAIL⟧ HTTP/1.1" 200 5120 "-" "Mozilla/5.0 Chrome/⟦~VER⟧"',
        "Wire confirmation: ⟦~AMOUNT⟧ sent to IBAN ⟦IBAN⟧ on ⟦~DATE⟧; confirmation no. ⟦~ORDER⟧; support ⟦PHONE⟧.",
    ],
    "en-GB": [
        "patient:\n  nhs_no: ⟦NHS⟧\n  date_of_birth: ⟦DOB⟧\n  mobile: ⟦PHONE⟧\n  gp_practice: ⟦~ORDER⟧",
        "Subject access request from {first} {last} (born ⟦DOB⟧). Reply to ⟦EMAIL⟧ or phone ⟦PHONE⟧. Case ⟦~UUID⟧.",
        "Delivery note ⟦~ORDER⟧ — courier will call ⟦PHONE⟧ before arrival; parcel ⟦~TRACK⟧, weight 2.4 kg.",
        "Refund of ⟦~AMOUNT⟧ to card ⟦CARD⟧ processed; if you have questions email ⟦EMAIL⟧. Ref ⟦~HASH⟧.",
    ],
    "en-IN": [
        "OTP request from ⟦PHONE⟧ for account linked to ⟦EMAIL⟧; device ⟦MAC⟧; ip ⟦IP4⟧; txn ⟦~UUID⟧",
        "Admission form — Name: {first} {last}; D.O.B.: ⟦DOB⟧; Parent's mobile: ⟦PHONE⟧; Fee receipt ⟦~ORDER⟧",
        "UPI/card payment failed for ⟦CARD⟧ at ⟦~TS⟧, amount ⟦~AMOUNT⟧; retry link ⟦URL⟧",
    ],
    "fr-FR": [
        "Rappel : votre rendez-vous du ⟦~DATE⟧. Pour annuler, appelez le ⟦PHONE⟧ ou écrivez à ⟦EMAIL⟧. Dossier ⟦~ORDER⟧.",
        "Bon de livraison ⟦~ORDER⟧ : le livreur vous contactera au ⟦PHONE⟧. Colis ⟦~TRACK⟧.",
        "Demande d'accès RGPD de {first} {last}, née le ⟦DOB⟧, adresse e-mail ⟦EMAIL⟧, tél. portable ⟦PHONE⟧.",
        "Virement de ⟦~AMOUNT⟧ émis vers ⟦IBAN⟧ le ⟦~DATE⟧ (réf. ⟦~UUID⟧).",
    ],
    "de-DE": [
        "Terminbestätigung für {first} {last} (geb. ⟦DOB⟧) am ⟦~DATE⟧. Bei Verhinderung bitte unter ⟦PHONE⟧ absagen.",
        "Lieferschein ⟦~ORDER⟧: Der Fahrer meldet sich vorab telefonisch unter ⟦PHONE⟧. Paket ⟦~TRACK⟧.",
        "SEPA-Lastschriftmandat: Kontoinhaber {last}, IBAN ⟦IBAN⟧, Mandatsreferenz ⟦~ORDER⟧, Kontakt ⟦EMAIL⟧",
        "kunde:\n  geburtsdatum: ⟦DOB⟧\n  telefon: ⟦PHONE⟧\n  email: ⟦EMAIL⟧\n  kundennummer: ⟦~ORDER⟧",
    ],
    "it-IT": [
        "Promemoria appuntamento del ⟦~DATE⟧: per disdire chiami il ⟦PHONE⟧ o scriva a ⟦EMAIL⟧.",
        "Bolla di consegna ⟦~ORDER⟧ — il corriere chiamerà il ⟦PHONE⟧. Collo ⟦~TRACK⟧.",
        "Richiesta di accesso ai dati di {first} {last}, nata il ⟦DOB⟧, cellulare ⟦PHONE⟧, IBAN per rimborso ⟦IBAN⟧.",
    ],
    "es-ES": [
        "Recordatorio de cita el ⟦~DATE⟧. Para cancelar llame al ⟦PHONE⟧ o escriba a ⟦EMAIL⟧. Expediente ⟦~ORDER⟧.",
        "Albarán ⟦~ORDER⟧: el repartidor le llamará al ⟦PHONE⟧. Bulto ⟦~TRACK⟧.",
        "Solicitud de acceso de {first} {last}, fecha de nacimiento ⟦DOB⟧, móvil ⟦PHONE⟧, cuenta ⟦IBAN⟧.",
    ],
    "nl-NL": [
        "Herinnering: afspraak op ⟦~DATE⟧. Afzeggen? Bel ⟦PHONE⟧ of mail ⟦EMAIL⟧. Dossier ⟦~ORDER⟧.",
        "Pakbon ⟦~ORDER⟧: de bezorger belt vooraf naar ⟦PHONE⟧. Zending ⟦~TRACK⟧.",
        "Inzageverzoek van {first} {last}, geboortedatum ⟦DOB⟧, mobiel ⟦PHONE⟧, rekening ⟦IBAN⟧.",
    ],
    "pt-BR": [
        "Lembrete: consulta em ⟦~DATE⟧. Para desmarcar ligue ⟦PHONE⟧ ou escreva para ⟦EMAIL⟧. Protocolo ⟦~ORDER⟧.",
        "Nota de entrega ⟦~ORDER⟧ — o entregador vai ligar para ⟦PHONE⟧. Rastreio ⟦~TRACK⟧.",
        "Solicitação LGPD de {first} {last}, data de nascimento ⟦DOB⟧, WhatsApp ⟦PHONE⟧, e-mail ⟦EMAIL⟧.",
    ],
}
TECH2 = [
    'Traceback (most recent call last):\n  File "app.py", line 42, in <module>\nConnectionError: ⟦IP6⟧ refused (user ⟦EMAIL⟧, build ⟦~VER⟧)',
    "[2025-02-01 10:11:12] ERROR payout to ⟦BTC⟧ failed; fallback ⟦ETH⟧; job ⟦~UUID⟧; elapsed ⟦~DURATION⟧",
    "INSERT INTO devices VALUES ('⟦MAC⟧', '⟦IP4⟧', '⟦~TS⟧', '⟦~HASH⟧');",
    'fn main() { let s = ⟦~CPP⟧::new(); println!("{}", s); } // see ⟦~FILE⟧, v⟦~VER⟧',
]

REPEATS = 7  # documents per template (different values each time)


def fill(template: str, rnd: random.Random, locale: str) -> dict:
    names = {
        "first": rnd.choice(FIRST[locale]),
        "first2": rnd.choice(FIRST[locale]),
        "last": rnd.choice(LAST[locale]),
        "org": rnd.choice(ORGS).title(),
    }
    for key, value in names.items():
        template = template.replace("{" + key + "}", value)
    out, spans, negatives, pos = [], [], [], 0
    parts = template.split("⟦")
    out.append(parts[0])
    pos = len(parts[0])
    for part in parts[1:]:
        key, rest = part.split("⟧", 1)
        if key.startswith("~"):
            kind = key[1:]
            value = other_date(rnd, locale) if kind == "DATE" else NEGATIVES[kind](rnd)
            negatives.append({"kind": kind, "start": pos, "end": pos + len(value)})
        else:
            entity, make = VALUES[key]
            value = make(rnd, locale)
            spans.append({"entity": entity, "start": pos, "end": pos + len(value)})
        out.append(value)
        out.append(rest)
        pos += len(value) + len(rest)
    return {"text": "".join(out), "spans": spans, "negatives": negatives}


def build() -> list[dict]:
    rnd = random.Random(SEED)
    split_rnd = random.Random(SEED + 1)
    cases = []
    groups = [(loc, ts) for loc, ts in T.items()] + [("tech", TECH)]
    for locale, templates in groups:
        order = list(range(len(templates)))
        split_rnd.shuffle(order)
        held = set(order[: max(1, round(HELDOUT * len(templates)))])
        for i, template in enumerate(templates):
            for n in range(REPEATS):
                loc = locale if locale != "tech" else list(T)[n % len(T)]
                case = fill(template, rnd, loc)
                # the first held-out batch was read and tuned on: it is on the dev side now
                case.update(
                    split="dev",
                    batch="heldout" if i in held else "dev",
                    locale=locale,
                    template=f"{locale}/{i}",
                )
                cases.append(case)
    return cases


def build_batch(
    groups: dict[str, list[str]], tech: list[str], seed: int, split: str, batch: str, tag: str
) -> list[dict]:
    """A later batch: every template of `groups` (per locale) and `tech`, REPEATS documents each, own seed."""
    rnd = random.Random(seed)
    cases = []
    for locale, templates in [*groups.items(), ("tech", tech)]:
        for i, template in enumerate(templates):
            for n in range(REPEATS):
                loc = locale if locale != "tech" else list(T)[n % len(T)]
                case = fill(template, rnd, loc)
                case.update(split=split, batch=batch, locale=locale, template=f"{locale}/{tag}/{i}")
                cases.append(case)
    return cases


# A FHIR `system` written as an http(s) URI (an Identifier's or a Coding's) is a URL: FHIR R4 defines
# `Identifier.system` as "a URL that describes a set of values that are unique" and its `uri` naming systems
# as "ideally a URL" (hl7.org/fhir/sid/us-npi resolves); heldout5's writer labelled them so from the spec and
# its docstring says so for the whole set. `urn:oid:`/`urn:uuid:` systems are no URL, and an XML namespace name
# (`xmlns="http://hl7.org/fhir"`) is a name not meant for retrieval: no label.
_SYSTEM_URL = re.compile(r"""(?:"system":\s*"|<system value=")(https?://[^"]+)""")


def label_fhir_system_urls(case: dict) -> dict:
    """Labels a case's FHIR system URLs after generation (no random draw), so every text and every other label
    stays byte-identical. dev5 always did; heldout10 and heldout11 wrote the URIs as literal template text and
    left them unlabelled against the set's definition, so their builders apply this too (session 25)."""
    extra = [
        {"entity": "URL", "start": m.start(1), "end": m.end(1)} for m in _SYSTEM_URL.finditer(case["text"])
    ]
    known = {(span["start"], span["end"]) for span in case["spans"]}
    extra = [span for span in extra if (span["start"], span["end"]) not in known]
    if extra:
        case["spans"] = sorted(case["spans"] + extra, key=lambda span: span["start"])
    return case


def print_batch_counts(cases: list[dict], title: str, halves: tuple[str, ...]) -> None:
    """A batch module's main(): counts per half, type, locale and negative kind (never the spans)."""
    from collections import Counter

    spans = Counter(s["entity"] for c in cases for s in c["spans"])
    negatives = Counter(n["kind"] for c in cases for n in c["negatives"])
    print(
        f"{title}: {len(cases)} documents, {sum(spans.values())} labelled spans, {sum(negatives.values())} hard negatives"
    )
    for half in halves:
        part = [c for c in cases if f"/{half}/" in c["template"]]
        counts = Counter(s["entity"] for c in part for s in c["spans"])
        print(
            f"{half}: {len(part)} documents, {sum(counts.values())} spans, {sum(len(c['negatives']) for c in part)} negatives"
        )
        print("  spans per type:", dict(sorted(counts.items())))
    print("spans per type:", dict(sorted(spans.items())))
    print("documents per locale:", dict(Counter(c["locale"] for c in cases)))
    print("negatives per kind:", dict(sorted(negatives.items())))


def build_heldout2() -> list[dict]:
    # evaluated once, then its errors read and their causes fixed: on the dev side now
    return build_batch(T2, TECH2, SEED + 2, "dev", "heldout2", "h2")


# -- a third held-out split, `heldout3` -------------------------------------------------------------
# Written after heldout2 had been evaluated and read (heldout2 then moved to the dev side), and
# committed before the detector was changed or run on it. New document kinds (prescriptions,
# referral letters, carrier notifications, payroll and CRM exports, ICS invites, kubectl/git/
# terraform/CI output, webhook payloads) and new hard negatives: more identifiers of the kinds
# that sit next to personal data in real text.

_HEX = "0123456789abcdef"
_AN = string.ascii_lowercase + D


def _hexs(rnd: random.Random, n: int) -> str:
    return "".join(rnd.choice(_HEX) for _ in range(n))


def _uuid3(rnd: random.Random) -> str:
    u = _uuid(rnd)
    return rnd.choice([u, u, u.upper(), "{" + u + "}", u.replace("-", ""), f"urn:uuid:{u}"])


def _parcel(rnd: random.Random) -> str:
    up = string.ascii_uppercase
    return rnd.choice(
        [
            " ".join(
                [f"9400{digits(rnd, 2)}"[:4]] + [digits(rnd, 4) for _ in range(4)] + [digits(rnd, 2)]
            ),  # USPS 22
            f"92{digits(rnd, 24)}",  # USPS 26
            f"{rnd.choice(up)}{rnd.choice(up)}{digits(rnd, 9)}{rnd.choice(['GB', 'DE', 'FR', 'BR', 'IT', 'ES', 'NL'])}",  # UPU S10
            f"JJD{digits(rnd, 17)}",
            f"JVGL{digits(rnd, 16)}",
            digits(rnd, 10),  # DHL
            f"{digits(rnd, 4)} {digits(rnd, 4)} {digits(rnd, 4)}",
            digits(rnd, 12),  # FedEx
            f"{digits(rnd, 4)} {digits(rnd, 4)} {digits(rnd, 4)} {digits(rnd, 2)}",  # DPD
            f"3S{''.join(rnd.choice(up) for _ in range(4))}{digits(rnd, 7)}",  # PostNL
            f"6A{digits(rnd, 11)}",
            f"1Z{''.join(rnd.choice(up + D) for _ in range(6))}{digits(rnd, 10)}",
            f"{digits(rnd, 3)}-{digits(rnd, 7)}-{digits(rnd, 7)}",  # marketplace order
        ]
    )


def _sha(rnd: random.Random) -> str:
    return rnd.choice(
        [_hexs(rnd, 40), _hexs(rnd, 7), _hexs(rnd, 8), _hexs(rnd, 12), "sha256:" + _hexs(rnd, 64)]
    )


def _semver(rnd: random.Random) -> str:
    a, b, c = rnd.randint(0, 30), rnd.randint(0, 40), rnd.randint(0, 200)
    return rnd.choice(
        [
            f"{a}.{b}.{c}",
            f"v{a}.{b}.{c}",
            f"{a}.{b}.{c}-rc.{rnd.randint(1, 9)}",
            f"{a}.{b}.{c}-beta.{rnd.randint(1, 9)}+build.{rnd.randint(20200101, 20261231)}",
            f"{a}.{b}.{c}+{_hexs(rnd, 7)}",
            f"{a}.{b}.{c}.{rnd.randint(1000, 99999)}",
            f"{rnd.randint(2019, 2026)}.{rnd.randint(1, 12)}.{rnd.randint(0, 9)}",
        ]
    )


def _k8s(rnd: random.Random) -> str:
    app = rnd.choice(["api", "web", "payments", "checkout-svc", "auth", "worker", "ingest", "billing-api"])
    rs = "".join(rnd.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(rnd.choice([9, 10])))
    pod = "".join(rnd.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(5))
    return rnd.choice(
        [
            f"{app}-{rs}-{pod}",
            f"pod/{app}-{rs}-{pod}",
            f"{app}-{rnd.randint(0, 9)}",
            f"replicaset.apps/{app}-{rs}",
            f"{app}-{digits(rnd, 8)}-{pod}",
            f"job/{app}-cron-{rnd.randint(28000000, 29999999)}",
        ]
    )


def _ts3(rnd: random.Random) -> str:
    y, mo, d, h, mi, s = (
        rnd.randint(2021, 2026),
        rnd.randint(1, 12),
        rnd.randint(1, 28),
        rnd.randint(0, 23),
        rnd.randint(0, 59),
        rnd.randint(0, 59),
    )
    days, mons = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], [m[:3] for m in MONTHS["en"]]
    return rnd.choice(
        [
            f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}+0{rnd.randint(0, 5)}:00",
            f"{rnd.choice(days)}, {d:02d} {mons[mo - 1]} {y} {h:02d}:{mi:02d}:{s:02d} +0000",
            f"{rnd.randint(1_600_000_000, 1_800_000_000)}{rnd.randint(0, 999):03d}",
            f"{y}{mo:02d}{d:02d}T{h:02d}{mi:02d}{s:02d}Z",
            f"{y}{mo:02d}{d:02d}-{h:02d}{mi:02d}{s:02d}",
            f"{d:02d}/{mons[mo - 1]}/{y}:{h:02d}:{mi:02d}:{s:02d} +0100",
            f"{y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d},{rnd.randint(0, 999):03d}",
        ]
    )


def _account(rnd: random.Random) -> str:
    al = string.ascii_letters + D
    return rnd.choice(
        [
            f"ACC-{digits(rnd, 8)}",
            f"cus_{''.join(rnd.choice(al) for _ in range(14))}",
            f"pi_{digits(rnd, 1)}{''.join(rnd.choice(al) for _ in range(23))}",
            f"arn:aws:iam::{digits(rnd, 12)}:role/{rnd.choice(['deploy', 'ci', 'ReadOnly'])}",
            f"{digits(rnd, 4)}-{digits(rnd, 4)}-{digits(rnd, 4)}",
            f"CUST{digits(rnd, 9)}",
            f"{rnd.choice(['A', 'B', 'K'])}{digits(rnd, 11)}",
            f"{digits(rnd, 3)}-{digits(rnd, 3)}-{digits(rnd, 4)}-{digits(rnd, 2)}",
            f"SO-{rnd.randint(2021, 2026)}{digits(rnd, 7)}",
            f"#{digits(rnd, 7)}-{digits(rnd, 2)}",
        ]
    )


def _imei(rnd: random.Random) -> str:
    return card(rnd, rnd.choice(["35", "86", "01"]), 15)


def _expiry(rnd: random.Random) -> str:
    return rnd.choice(
        [
            f"{rnd.randint(1, 12):02d}/{rnd.randint(25, 31)}",
            f"{rnd.randint(1, 12):02d}/20{rnd.randint(25, 31)}",
        ]
    )


def _metric(rnd: random.Random) -> str:
    return rnd.choice(
        [
            f"{rnd.randint(1, 999)}.{digits(rnd, 3)} ms",
            f"{rnd.randint(1000, 99999999):,} bytes",
            f"{rnd.randint(100, 65535)}/tcp",
            f"{rnd.randint(1, 64)}Gi",
            f"{rnd.randint(100, 4000)}m",
            f"{rnd.uniform(0, 1):.9f}",
            f"{rnd.randint(1, 2**31)}",
        ]
    )


def _ticket(rnd: random.Random) -> str:
    return rnd.choice(
        [
            f"JIRA-{rnd.randint(100, 99999)}",
            f"INC{digits(rnd, 7)}",
            f"CHG{digits(rnd, 7)}",
            f"CASE-{digits(rnd, 4)}-{digits(rnd, 4)}",
            f"{rnd.randint(1000, 9999)}-{digits(rnd, 6)}",
            f"PNR {digits(rnd, 10)}",
            f"RMA{digits(rnd, 8)}",
        ]
    )


NEGATIVES.update(
    {
        "UUID3": _uuid3,
        "PARCEL": _parcel,
        "SHA": _sha,
        "SEMVER": _semver,
        "K8S": _k8s,
        "TS3": _ts3,
        "ACCOUNT": _account,
        "IMEI": _imei,
        "EXPIRY": _expiry,
        "METRIC": _metric,
        "TICKET": _ticket,
    }
)


def birth3(rnd: random.Random, locale: str) -> str:
    """Birth dates as heldout3 writes them: the locale's forms, plus ISO and abbreviated months."""
    y, m, d = rnd.randint(1938, 2007), rnd.randint(1, 12), rnd.randint(1, 28)
    abbr = MONTHS["en"][m - 1][:3]
    extra = {
        "en-US": [f"{abbr} {d}, {y}", f"{y}-{m:02d}-{d:02d}"],
        "en-GB": [f"{d:02d} {abbr} {y}", f"{y}-{m:02d}-{d:02d}"],
        "en-IN": [f"{d:02d}-{abbr}-{y}", f"{y}-{m:02d}-{d:02d}"],
    }.get(locale, [f"{y}-{m:02d}-{d:02d}"])
    return rnd.choice(extra) if rnd.random() < 0.3 else birth(rnd, locale)


VALUES["DOB3"] = ("DATE_OF_BIRTH", birth3)

T3: dict[str, list[str]] = {
    "en-US": [
        '{"rx": "⟦~ACCOUNT⟧", "prescriber_npi": "⟦NPI⟧", "patient": {"dob": "⟦DOB3⟧", "phone": "⟦PHONE⟧"}, "filled": "⟦~TS3⟧", "pharmacy_id": "⟦~UUID3⟧"}',
        "employee_id,ssn,date_of_birth,phone,email\n⟦~ACCOUNT⟧,⟦SSN⟧,⟦DOB3⟧,⟦PHONE⟧,⟦EMAIL⟧",
        "Your package is on its way! Tracking ⟦~PARCEL⟧, order ⟦~PARCEL⟧. Questions: ⟦PHONE⟧ or ⟦URL⟧. Paid with card ⟦CARD⟧ (exp ⟦~EXPIRY⟧).",
        "BEGIN:VEVENT\nUID:⟦~UUID3⟧\nDTSTAMP:⟦~TS3⟧\nORGANIZER;CN={first} {last}:mailto:⟦EMAIL⟧\nDESCRIPTION:Dial-in ⟦PHONE⟧\nEND:VEVENT",
        "Claim ⟦~TICKET⟧ — member born ⟦DOB3⟧, SSN ⟦SSN⟧, rendering provider NPI ⟦NPI⟧, admitted ⟦~DATE⟧, discharged ⟦~DATE⟧.",
    ],
    "en-GB": [
        "Dear Dr {last},\nRe: {first} {last}, DOB ⟦DOB3⟧, NHS Number ⟦NHS⟧\nI saw this patient on ⟦~DATE⟧. Please contact them on ⟦PHONE⟧. Our ref ⟦~TICKET⟧.",
        "nhs_number,surname,dob,mobile\n⟦NHS⟧,{last},⟦DOB3⟧,⟦PHONE⟧",
        "Royal Mail: your item ⟦~PARCEL⟧ will be delivered today. Manage it at ⟦URL⟧. Device ⟦~IMEI⟧ registered to ⟦EMAIL⟧.",
        "record:\n  id: ⟦~UUID3⟧\n  nhs_number: ⟦NHS⟧\n  dob: ⟦DOB3⟧\n  telephone: ⟦PHONE⟧\n  updated: ⟦~TS3⟧",
        "Direct Debit confirmation ⟦~ACCOUNT⟧: collections from IBAN ⟦IBAN⟧ start ⟦~DATE⟧. Queries: ⟦PHONE⟧, ⟦EMAIL⟧.",
    ],
    "en-IN": [
        "Booking ⟦~TICKET⟧ confirmed for {first} {last}. Boarding alerts to ⟦PHONE⟧. Booking id ⟦~ACCOUNT⟧, paid by card ⟦CARD⟧.",
        '{"emp": "⟦~ACCOUNT⟧", "name": "{first} {last}", "dob": "⟦DOB3⟧", "mobile": "⟦PHONE⟧", "mail": "⟦EMAIL⟧", "laptop_mac": "⟦MAC⟧"}',
        "Order ⟦~PARCEL⟧ out for delivery; rider ⟦PHONE⟧; invoice ⟦~SHA⟧; app ⟦~SEMVER⟧",
        "Patient {first} {last}, born on ⟦DOB3⟧, seen ⟦~DATE⟧ and ⟦~DATE⟧; call ⟦PHONE⟧ for reports at ⟦URL⟧",
    ],
    "fr-FR": [
        "ORDONNANCE du ⟦~DATE⟧\nPatient : {first} {last}, né(e) le ⟦DOB3⟧\nTél. : ⟦PHONE⟧\nN° ⟦~TICKET⟧",
        "Colissimo : votre colis ⟦~PARCEL⟧ est en cours de livraison. Suivi : ⟦URL⟧. Contact : ⟦PHONE⟧.",
        '{"client": "⟦~ACCOUNT⟧", "date_naissance": "⟦DOB3⟧", "portable": "⟦PHONE⟧", "courriel": "⟦EMAIL⟧", "maj": "⟦~TS3⟧"}',
        "Attestation : M. {last}, né le ⟦DOB3⟧, embauché le ⟦~DATE⟧, salaire versé sur ⟦IBAN⟧. Contact RH ⟦EMAIL⟧.",
    ],
    "de-DE": [
        "DHL Sendung ⟦~PARCEL⟧: Zustellung heute. Rückfragen unter ⟦PHONE⟧ oder ⟦URL⟧. Bestellung ⟦~ACCOUNT⟧.",
        "Arztbrief vom ⟦~DATE⟧\nPatientin: {first} {last}, geb. am ⟦DOB3⟧\nRückruf: ⟦PHONE⟧\nFallnummer ⟦~TICKET⟧",
        '{"kundennr": "⟦~ACCOUNT⟧", "geburtsdatum": "⟦DOB3⟧", "telefon": "⟦PHONE⟧", "iban": "⟦IBAN⟧", "id": "⟦~UUID3⟧"}',
        "LEBENSLAUF\n{first} {last}\nGeburtsdatum ⟦DOB3⟧ in Hamburg\nTelefon ⟦PHONE⟧ · ⟦EMAIL⟧\nAbschluss ⟦~DATE⟧",
    ],
    "it-IT": [
        "BRT: la spedizione ⟦~PARCEL⟧ è in consegna. Il corriere chiamerà il ⟦PHONE⟧. Ordine ⟦~ACCOUNT⟧.",
        "CURRICULUM VITAE\n{first} {last}, nata a Roma il ⟦DOB3⟧\nCellulare ⟦PHONE⟧ — ⟦EMAIL⟧\nDisponibile dal ⟦~DATE⟧",
        "codice_cliente;data_nascita;telefono;iban\n⟦~ACCOUNT⟧;⟦DOB3⟧;⟦PHONE⟧;⟦IBAN⟧",
        "Ricetta ⟦~TICKET⟧ del ⟦~DATE⟧ per {first} {last} (nato il ⟦DOB3⟧), tel. ⟦PHONE⟧",
    ],
    "es-ES": [
        "SEUR: su envío ⟦~PARCEL⟧ llega hoy. Si no está, llame al ⟦PHONE⟧. Pedido ⟦~ACCOUNT⟧.",
        "HISTORIA CLÍNICA ⟦~TICKET⟧\nPaciente: {first} {last}\nF. nacimiento: ⟦DOB3⟧\nIngreso: ⟦~DATE⟧\nTeléfono: ⟦PHONE⟧",
        '{"id": "⟦~UUID3⟧", "fecha_nacimiento": "⟦DOB3⟧", "movil": "⟦PHONE⟧", "email": "⟦EMAIL⟧", "alta": "⟦~TS3⟧"}',
        "Bizum/tarjeta: cargo en ⟦CARD⟧ (caduca ⟦~EXPIRY⟧), referencia ⟦~SHA⟧, soporte ⟦PHONE⟧",
    ],
    "nl-NL": [
        "PostNL: je pakket ⟦~PARCEL⟧ wordt vandaag bezorgd. Vragen? Bel ⟦PHONE⟧ of kijk op ⟦URL⟧.",
        "Verwijsbrief d.d. ⟦~DATE⟧ — patiënt {first} {last}, geboren ⟦DOB3⟧, tel. ⟦PHONE⟧, kenmerk ⟦~TICKET⟧",
        "klantnr,geb_datum,mobiel,email\n⟦~ACCOUNT⟧,⟦DOB3⟧,⟦PHONE⟧,⟦EMAIL⟧",
        "Incasso ⟦~ACCOUNT⟧ van ⟦IBAN⟧ op ⟦~DATE⟧; bij vragen ⟦PHONE⟧; referentie ⟦~UUID3⟧",
    ],
    "pt-BR": [
        "Correios: objeto ⟦~PARCEL⟧ saiu para entrega. Dúvidas: ⟦PHONE⟧ ou ⟦URL⟧. Pedido ⟦~ACCOUNT⟧.",
        "PRONTUÁRIO ⟦~TICKET⟧\nPaciente: {first} {last}\nData de nascimento: ⟦DOB3⟧\nAtendimento: ⟦~DATE⟧\nCelular: ⟦PHONE⟧",
        '{"cliente": "⟦~ACCOUNT⟧", "data_nascimento": "⟦DOB3⟧", "celular": "⟦PHONE⟧", "email": "⟦EMAIL⟧", "id": "⟦~UUID3⟧"}',
        "Comprovante Pix ⟦~UUID3⟧: chave ⟦EMAIL⟧, valor ⟦~AMOUNT⟧, em ⟦~TS3⟧; cartão ⟦CARD⟧ não utilizado",
    ],
}
TECH3 = [
    "NAME                              READY   STATUS    IP\n⟦~K8S⟧   1/1     Running   ⟦IP4⟧\n⟦~K8S⟧   0/1     Pending   <none>",
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ⟦~K8S⟧\n  uid: ⟦~UUID3⟧\n  annotations:\n    owner: ⟦EMAIL⟧\n    version: ⟦~SEMVER⟧\ndata:\n  timeout: "⟦~METRIC⟧"',
    "commit ⟦~SHA⟧\nAuthor: {first} {last} <⟦EMAIL⟧>\nDate:   ⟦~TS3⟧\n\n    Bump ⟦~SEMVER⟧ to ⟦~SEMVER⟧ (⟦~TICKET⟧)",
    "##[group]Run deploy\n⟦~TS3⟧ pushing image ⟦~SHA⟧ tag ⟦~SEMVER⟧ to ⟦URL⟧\n⟦~TS3⟧ run id ⟦~METRIC⟧ done",
    '  # aws_instance.web will be created\n  + arn        = "⟦~ACCOUNT⟧"\n  + private_ip = "⟦IP4⟧"\n  + ipv6       = "⟦IP6⟧"\n  + tags       = { owner = "⟦EMAIL⟧" }',
    "CONTAINER ID   IMAGE          CREATED\n⟦~SHA⟧   app:⟦~SEMVER⟧   ⟦~TS3⟧\nnetwork mac ⟦MAC⟧, ip ⟦IP4⟧",
    '{"event_id": "⟦~UUID3⟧", "timestamp": "⟦~TS3⟧", "user": {"email": "⟦EMAIL⟧", "ip_address": "⟦IP4⟧"}, "release": "⟦~SEMVER⟧", "trace": "⟦~SHA⟧"}',
    '{"type": "charge.succeeded", "customer": "⟦~ACCOUNT⟧", "receipt_email": "⟦EMAIL⟧", "payment": "⟦~ACCOUNT⟧", "created": "⟦~TS3⟧", "amount": ⟦~METRIC⟧}',
    "POST /v1/signup HTTP/1.1\nX-Request-ID: ⟦~UUID3⟧\nX-Forwarded-For: ⟦IP4⟧\n\nemail=⟦EMAIL⟧&phone=⟦PHONE⟧&ref=⟦~SHA⟧",
    "2025-03-03 04:05:06.789 UTC [⟦~METRIC⟧] LOG:  duration: ⟦~METRIC⟧  statement: UPDATE accounts SET btc='⟦BTC⟧' WHERE id='⟦~UUID3⟧'",
    'node_info{instance="⟦IP4⟧:9100",version="⟦~SEMVER⟧",pod="⟦~K8S⟧"} 1 ⟦~TS3⟧',
    "audit,⟦~TS3⟧,⟦~UUID3⟧,login_ok,⟦IP6⟧,⟦~K8S⟧,⟦ETH⟧",
]


def build_heldout3() -> list[dict]:
    # evaluated once, then its errors read and their causes fixed: on the dev side now
    return build_batch(T3, TECH3, SEED + 3, "dev", "heldout3", "h3")


def main() -> None:
    from phantom_pii_dev5_data import build_dev5
    from phantom_pii_heldout4_data import build_heldout4
    from phantom_pii_heldout5_data import build_heldout5
    from phantom_pii_heldout6_data import build_heldout6
    from phantom_pii_heldout7_data import build_heldout7
    from phantom_pii_heldout8_data import build_heldout8
    from phantom_pii_heldout9_data import build_heldout9
    from phantom_pii_heldout10_data import build_heldout10
    from phantom_pii_heldout11_data import build_heldout11
    from phantom_pii_heldout12_data import build_heldout12
    from phantom_pii_heldout13_data import build_heldout13
    from phantom_pii_heldout14_data import build_heldout14
    from phantom_pii_heldout15_data import build_heldout15
    from phantom_pii_heldout16_data import build_heldout16

    cases = (
        build()
        + build_heldout2()
        + build_heldout3()
        + build_heldout4()
        + build_dev5()
        + build_heldout5()
        + build_heldout6()
        + build_heldout7()
        + build_heldout8()
        + build_heldout9()
        + build_heldout10()
        + build_heldout11()
        + build_heldout12()
        + build_heldout13()
        + build_heldout14()
        + build_heldout15()
        + build_heldout16()
    )
    OUT.write_text(
        json.dumps(
            {"about": __doc__.split("\n\n")[0], "seed": SEED, "cases": cases}, ensure_ascii=False, indent=1
        )
        + "\n"
    )
    spans = sum(len(c["spans"]) for c in cases)
    negs = sum(len(c["negatives"]) for c in cases)
    held = sum(1 for c in cases if c["split"] == "heldout16")
    print(
        f"{len(cases)} documents ({held} held out), {spans} labelled spans, {negs} hard negatives -> {OUT.name}"
    )


if __name__ == "__main__":
    main()
