"""`heldout7`: the seventh held-out batch for bench/phantom_pii_multilingual.json, written from the formats'
specifications while heldout6 was being tuned on, without reading servers/phantom/pii.py, pii_fields.py,
redaction.py or docs/phantom.md and without running any detector on it (not even on dev cases). It is
meant to be scored once.

Built by bench/phantom_pii_multilingual_data.py (which imports `build_heldout7` from here), seed SEED7,
split and batch "heldout7". Unlike heldout2..heldout6, which were each made only of document kinds no
batch had before (so their figures measured "formats never seen"), heldout7 is a fair sample in two
halves of about equal size, told apart by the template tag so each half can be scored on its own:
- known kinds, `<locale>/h7k/<n>` (39 templates): the kinds and writing styles the earlier batches used,
  sampled in about the proportion they have in the set (customer e-mails and letters, HR and onboarding
  forms, CSV and markdown tables of people, chat messages, invoices and transfers, appointment reminders
  and delivery notices, clinical letters, insurance claims, hotel registration, e-mail signatures, bank
  alerts, support tickets, JSON records, HL7 v2, access/JSON/dhcpd logs, `arp` output, YAML configs,
  SQL inserts, code comments with C++/Rust paths, wallet CSVs), written fresh: new wording, field
  orders, surrounding text and values;
- new kinds, `<locale>/h7n/<n>` (40 templates): document kinds no batch has used: payslips and tax
  forms (US W-2 and 1099-DA, UK P60, Indian salary slips with PAN and UAN, bulletin de paie with the
  NIR, Verdienstabrechnung with the Rentenversicherungsnummer, cedolino with the codice fiscale,
  recibo de salarios with DNI and NAF, loonstrook with the BSN, holerite with CPF and PIS), utility
  bills (MPAN, PDL, POD, CUPS, Dutch 18-digit EAN connection codes, ISO 11649 RF references, Indian
  consumer numbers), e-prescriptions (gematik E-Rezept with KVNR, IK and the E-Rezept-ID; NHS EPS
  tokens; Brazilian receita digital with CRM), lab and pathology reports with LOINC codes, a US
  explanation of benefits, CN23 customs declarations, car-rental agreements (VINs, plates, licence
  numbers), bank statements as PDF text (ISINs, LEIs, masked cards), an Aadhaar-based SIM application,
  an ASR voicemail transcript, and in the technical group Slack export JSON, mbox mail with folded
  headers and a quoted-printable body, decoded OpenID Connect ID-token payloads, pytest fixtures,
  a LaTeX (moderncv) CV, a GitHub issue with a pasted log, TOML config, journald JSON export and a
  Postman collection.
Each template is filled REPEATS7 times with fresh values; the technical group cycles through the locales.

Values are valid by their specifications and come from heldout5's and heldout6's spec-built generators,
imported and registered here under H7 names (national numbering plans checked by libphonenumber, ISO/IEC
7812 IIN ranges with Luhn, SSA rules, NPI Luhn over 80840, NHS modulus 11, ISO 13616 IBANs with national
check digits, Base58Check/bech32/bech32m, EIP-55). The new hard negatives are built from their own
specifications below and checked in tests/test_pii_heldout7_set.py with python-stdnum where it has them.

What is and is not an entity follows heldout5's and heldout6's docstrings (a birth date only by its cue
or field; any telephone number with its extension in the span; punctuation outside spans; `tel:` and
`mailto:` schemes outside the span; names and street addresses unlabelled). Where they are silent:
- OpenID Connect `birthdate` is a birth date, `phone_number` (E.164) a phone number, `website` and
  `picture` URLs; `iat`, `exp`, `auth_time`, `updated_at` are epoch seconds (negatives).
- In a Slack export, `<mailto:a@b|a@b>` holds two e-mail addresses (both labelled) and `<https://...>`
  a URL without its angle brackets; `ts` values and user/channel ids are negatives.
- Personal identifiers that are none of the claimed types are negatives, even though they are personal
  data: UK National Insurance numbers and UTRs, the NIR, the Rentenversicherungsnummer (which carries a
  birth date inside it: the whole number is one negative, not a birth date), the codice fiscale, DNI,
  NAF, BSN, CPF, PIS, Aadhaar, UAN, KVNR, ITINs (SSN-shaped but 9xx with an ITIN group, so not SSNs),
  driving licence numbers.
- Pay dates, pay periods, tax years, billing periods, meter-reading dates, specimen collection and
  report dates, prescription dates, rental pick-up and return dates, licence issue and expiry dates,
  statement and booking dates are not birth dates.
- An ASR transcript writes a card or phone number as the speaker grouped it, with ` - `, `, ` or wide
  gaps between the groups: the span runs from the first digit to the last (heldout6's spoken forms).
- A JWT `iss` and a Postman `schema` are URLs (they are https addresses); the JWT `kid`, `aud`, `jti`
  and `sub` are negatives.
- A LaTeX `\\href{URL}{text}` holds the URL (braces outside); an e-mail in `\\texttt{}` is an e-mail.
- A quoted-printable body keeps values whole (no soft line break inside a value); `=C3=A9`-style escapes
  occur only in the surrounding words.
"""

from __future__ import annotations

import random
import string
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from phantom_pii_data import card, luhn_check_digit  # noqa: E402
from phantom_pii_heldout5_data import (  # noqa: E402  (spec-built value generators, registered under H7 names)
    _CIN_ODD,
    _alnum,
    _chat_ts,
    _clf,
    _cnpj,
    _date_in,
    _hex,
    _hl7_ts,
    _locale_forms,
    _pick,
    _siren,
    birth_basic5,
    birth_iso5,
    btc5,
    email5,
    eth5,
    iban5,
    ipv4_5,
    ipv6_5,
    mac5,
    nhs5,
    nhs_plain5,
    npi5,
    phone5,
    phone_compact,
    phone_e164,
    ssn5,
)
from phantom_pii_heldout6_data import (  # noqa: E402
    LOCALES,
    _card_like,
    _idnr,
    _nhs_like,
    _npi_like,
    _recent,
    birth6,
    card6,
    card_spoken6,
    iban_compact6,
    npi6,
    phone6,
    phone_ext6,
    phone_intl6,
    phone_spoken6,
    url6,
)
from phantom_pii_multilingual_data import MONTHS, NEGATIVES, VALUES, digits, fill, print_batch_counts  # noqa: E402

SEED7 = 7707
UP = string.ascii_uppercase
ALNUM = UP + string.digits


def url_scheme7(rnd: random.Random, locale: str) -> str:
    """heldout6's URL shapes, only those with a scheme (what Slack, OIDC `iss` and `\\href` hold)."""
    while True:
        value = url6(rnd, locale)
        if value.startswith(("https://", "http://")):
            return value


def url_plain7(rnd: random.Random, locale: str) -> str:
    """A URL without query or fragment (a quoted-printable body would escape `=`)."""
    while True:
        value = url6(rnd, locale)
        if not any(c in value for c in "?=#"):
            return value


VALUES.update(
    {
        "H7PH": ("PHONE_NUMBER", phone6),
        "H7PHN": ("PHONE_NUMBER", phone5),
        "H7PHI": ("PHONE_NUMBER", phone_intl6),
        "H7PHX": ("PHONE_NUMBER", phone_ext6),
        "H7PHS": ("PHONE_NUMBER", phone_spoken6),
        "H7PHE": ("PHONE_NUMBER", phone_e164),
        "H7PHC": ("PHONE_NUMBER", phone_compact),
        "H7DOB": ("DATE_OF_BIRTH", birth6),
        "H7DOBI": ("DATE_OF_BIRTH", birth_iso5),
        "H7DOBB": ("DATE_OF_BIRTH", birth_basic5),
        "H7EM": ("EMAIL_ADDRESS", email5),
        "H7URL": ("URL", url6),
        "H7URLS": ("URL", url_scheme7),
        "H7URLP": ("URL", url_plain7),
        "H7CARD": ("CREDIT_CARD", card6),
        "H7CARDS": ("CREDIT_CARD", card_spoken6),
        "H7SSN": ("US_SSN", ssn5),
        "H7NPI": ("US_NPI", npi6),
        "H7NPIP": ("US_NPI", npi5),
        "H7NHS": ("UK_NHS", nhs5),
        "H7NHSP": ("UK_NHS", nhs_plain5),
        "H7IBAN": ("IBAN_CODE", iban5),
        "H7IBANC": ("IBAN_CODE", iban_compact6),
        "H7IP": ("IP_ADDRESS", ipv4_5),
        "H7IP6": ("IP_ADDRESS", ipv6_5),
        "H7MAC": ("MAC_ADDRESS", mac5),
        "H7BTC": ("CRYPTO", btc5),
        "H7ETH": ("CRYPTO", eth5),
    }
)


# -- hard negatives built from their specifications -------------------------------------------------


def _bsn(rnd: random.Random) -> str:
    """Dutch BSN: nine digits, 9*d1 + 8*d2 + ... + 2*d8 - d9 divisible by 11 (the elfproef)."""
    while True:
        body = rnd.choice("123456789") + digits(rnd, 7)
        check = sum(int(c) * w for c, w in zip(body, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            return body + str(check)


def _cpf(rnd: random.Random) -> str:
    """Brazilian CPF: nine digits and two mod-11 check digits (weights 10..2, then 11..2), printed."""
    d = [int(c) for c in rnd.choice("123456789") + digits(rnd, 8)]
    for top in (10, 11):
        d.append(sum(v * w for v, w in zip(d, range(top, 1, -1), strict=False)) * 10 % 11 % 10)
    n = "".join(map(str, d))
    return _pick(rnd, [f"{n[:3]}.{n[3:6]}.{n[6:9]}-{n[9:]}", f"{n[:3]}.{n[3:6]}.{n[6:9]}-{n[9:]}", n])


def _pis(rnd: random.Random) -> str:
    """PIS/PASEP/NIT: ten digits and a mod-11 check digit (weights 3 2 9 8 7 6 5 4 3 2), printed."""
    body = rnd.choice("12") + digits(rnd, 9)
    r = 11 - sum(int(c) * w for c, w in zip(body, [3, 2, 9, 8, 7, 6, 5, 4, 3, 2], strict=True)) % 11
    n = body + str(0 if r >= 10 else r)
    return f"{n[:3]}.{n[3:8]}.{n[8:10]}-{n[10]}"


def _nir(rnd: random.Random) -> str:
    """French NIR: sex, year and month of birth, department, commune, order; key = 97 - n mod 97."""
    body = (
        f"{rnd.choice('12')}{rnd.randint(40, 99):02d}{rnd.randint(1, 12):02d}{rnd.randint(1, 95):02d}"
        f"{rnd.randint(1, 990):03d}{rnd.randint(1, 999):03d}"
    )
    key = 97 - int(body) % 97
    return _pick(
        rnd,
        [
            f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:]} {key:02d}",
            f"{body}{key:02d}",
            f"{body} {key:02d}",
        ],
    )


_CF_MONTHS = "ABCDEHLMPRST"
_CF_NAMES = [("ROSSI", "MARCO"), ("ESPOSITO", "GIULIA"), ("BIANCHI", "LUCA"), ("ROMANO", "FRANCESCA")]
_CF_NAMES += [("COLOMBO", "CHIARA"), ("RICCI", "ALESSANDRO"), ("MARINO", "SARA"), ("GRECO", "PAOLO")]


def _cf_part(name: str, given: bool) -> str:
    cons = [c for c in name if c not in "AEIOU"]
    vows = [c for c in name if c in "AEIOU"]
    if given and len(cons) >= 4:
        cons = [cons[0], cons[2], cons[3]]
    return "".join(cons + vows + ["X", "X", "X"])[:3]


def _codice_fiscale(rnd: random.Random) -> str:
    """Italian codice fiscale (DM 23/12/1976): surname and name letters, year, month letter, day (+40 for
    women), the Belfiore code of the birthplace, and the check letter (odd/even position tables, mod 26)."""
    last, first = rnd.choice(_CF_NAMES)
    day = rnd.randint(1, 28) + (40 if first[-1] == "A" else 0)
    body = (
        f"{_cf_part(last, False)}{_cf_part(first, True)}{rnd.randint(40, 99):02d}"
        f"{rnd.choice(_CF_MONTHS)}{day:02d}{rnd.choice(['H501', 'F205', 'L219', 'F839', 'G273', 'A944'])}"
    )
    total = 0
    for i, c in enumerate(body):
        v = int(c) if c.isdigit() else ord(c) - 65
        total += _CIN_ODD[v] if i % 2 == 0 else v
    return body + chr(65 + total % 26)


def _dni(rnd: random.Random) -> str:
    n = rnd.randint(10_000_000, 99_999_999)
    return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"


def _naf(rnd: random.Random) -> str:
    """Spanish Seguridad Social affiliation number: province, eight digits, two control digits (mod 97)."""
    prov, num = rnd.randint(1, 52), rnd.randint(10_000_000, 99_999_999)
    dc = int(f"{prov:02d}{num}") % 97
    return _pick(
        rnd, [f"{prov:02d}/{num}/{dc:02d}", f"{prov:02d} {num} {dc:02d}", f"{prov:02d}{num}{dc:02d}"]
    )


def _cups(rnd: random.Random) -> str:
    """Spanish CUPS: ES, distributor code, twelve digits, two control letters from the 16 digits mod 529."""
    body = rnd.choice(["0021", "0031", "0022", "0026", "0390"]) + digits(rnd, 12)
    r = int(body) % 529
    letters = "TRWAGMYFPDXBNJZSQVHLCKE"
    code = f"ES{body}{letters[r // 23]}{letters[r % 23]}"
    return _pick(
        rnd,
        [code, code + "0F", f"{code[:2]} {code[2:6]} {code[6:10]} {code[10:14]} {code[14:18]} {code[18:]}"],
    )


def _mpan(rnd: random.Random) -> str:
    """UK MPAN core: distributor id (10-23), eight digits, check = sum(d * prime) mod 11 mod 10."""
    body = f"{rnd.randint(10, 23)}{digits(rnd, 10)}"
    primes = [3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43]
    n = body + str(sum(int(c) * p for c, p in zip(body, primes, strict=True)) % 11 % 10)
    return _pick(rnd, [n, f"{n[:2]} {n[2:6]} {n[6:10]} {n[10:]}"])


def _nino(rnd: random.Random) -> str:
    """UK National Insurance number: two prefix letters (HMRC's excluded letters and pairs left out), six
    digits, suffix A-D."""
    while True:
        a, b = rnd.choice("ABCEGHJKLMNOPRSTWXYZ"), rnd.choice("ABCEGHJKLMNPRSTWXYZ")
        if a + b not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
            break
    d = digits(rnd, 6)
    return _pick(
        rnd, [f"{a}{b} {d[:2]} {d[2:4]} {d[4:]} {rnd.choice('ABCD')}", f"{a}{b}{d}{rnd.choice('ABCD')}"]
    )


def _utr(rnd: random.Random) -> str:
    """UK Unique Taxpayer Reference: a check digit first, over the other nine (weights 6 7 8 9 10 5 4 3 2)."""
    body = digits(rnd, 9)
    total = sum(int(c) * w for c, w in zip(body, [6, 7, 8, 9, 10, 5, 4, 3, 2], strict=True))
    return "21987654321"[total % 11] + body


def _itin(rnd: random.Random) -> str:
    """US ITIN: 9xx-GG-SSSS, group 70-88, 90-92 or 94-99 (SSN-shaped, never an SSN). The IRS has also
    issued 50-65 since 2011; python-stdnum does not accept those yet, so they are left out."""
    group = rnd.choice([*range(70, 89), 90, 91, 92, *range(94, 100)])
    return f"9{digits(rnd, 2)}-{group}-{digits(rnd, 4)}"


def _kvnr(rnd: random.Random) -> str:
    """German Krankenversichertennummer: a letter (as 01-26), eight digits, check digit: weights 1 2 1 2 ...,
    the digit sums of the products, mod 10."""
    letter, body = rnd.choice(UP), digits(rnd, 8)
    nums = f"{ord(letter) - 64:02d}{body}"
    total = sum(sum(divmod(int(c) * (1 if i % 2 == 0 else 2), 10)) for i, c in enumerate(nums))
    return f"{letter}{body}{total % 10}"


def _rvnr(rnd: random.Random) -> str:
    """German Rentenversicherungsnummer: area, birth date DDMMYY, surname initial, serial, check digit
    (the initial as 01-26; weights 2 1 2 5 7 1 2 1 2 1 2 1; digit sums of the products, mod 10)."""
    area = rnd.choice(["12", "13", "15", "24", "28", "42", "53", "65"])
    born = f"{rnd.randint(1, 28):02d}{rnd.randint(1, 12):02d}{rnd.randint(40, 99):02d}"
    letter, serial = rnd.choice("BFHKMSW"), f"{rnd.randint(0, 99):02d}"
    nums = f"{area}{born}{ord(letter) - 64:02d}{serial}"
    total = sum(
        sum(divmod(int(c) * w, 10)) for c, w in zip(nums, [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1], strict=True)
    )
    n = f"{area}{born}{letter}{serial}{total % 10}"
    return _pick(rnd, [n, f"{n[:2]} {n[2:8]} {n[8]} {n[9:]}"])


def _erezept_id(rnd: random.Random) -> str:
    """gematik E-Rezept-ID: flow type 160, thirteen digits, two check digits per ISO 7064 MOD 97-10, in
    groups of three."""
    body = "160" + digits(rnd, 13)
    n = body + f"{98 - int(body) * 100 % 97:02d}"
    return ".".join(n[i : i + 3] for i in range(0, 18, 3))


_MOD37 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ+"


def _eps_id(rnd: random.Random) -> str:
    """NHS EPS prescription id (short form): 17 hex characters in 6-6-5 and an ISO 7064 MOD 37-2 check
    character (alphabet 0-9 A-Z +)."""
    body = _alnum(rnd, 17, "0123456789ABCDEF")
    check = 0
    for c in body:
        check = (2 * check + _MOD37.index(c)) % 37
    n = body + _MOD37[(1 - 2 * check) % 37]
    return f"{n[:6]}-{n[6:12]}-{n[12:]}"


def _ik(rnd: random.Random) -> str:
    return f"10{digits(rnd, 7)}"


def _verhoeff_check(number: str) -> str:
    d = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ]
    p = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ]
    inv = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]
    c = 0
    for i, ch in enumerate(reversed(number)):
        c = d[c][p[(i + 1) % 8][int(ch)]]
    return str(inv[c])


def _aadhaar(rnd: random.Random) -> str:
    """Aadhaar: twelve digits, first 2-9, Verhoeff check digit, printed in fours."""
    while True:
        body = rnd.choice("23456789") + digits(rnd, 10)
        n = body + _verhoeff_check(body)
        if n != n[::-1]:
            return _pick(rnd, [f"{n[:4]} {n[4:8]} {n[8:]}", f"{n[:4]} {n[4:8]} {n[8:]}", n])


def _isin(rnd: random.Random) -> str:
    """ISIN (ISO 6166): country, nine alphanumerics, Luhn over the letters expanded to two digits."""
    country = rnd.choice(["US", "DE", "FR", "GB", "NL", "IE", "LU", "IT", "ES"])
    body = country + digits(rnd, 9) if rnd.random() < 0.7 else country + _alnum(rnd, 9)
    expanded = "".join(str(int(c, 36)) for c in body)
    return body + luhn_check_digit(expanded)


def _lei(rnd: random.Random) -> str:
    """LEI (ISO 17442): four-character LOU prefix, 00, twelve alphanumerics, ISO 7064 MOD 97-10 check."""
    body = f"{rnd.choice(['5299', '5493', '9695', '2138', '8156', '3912'])}00{_alnum(rnd, 12)}"
    expanded = "".join(str(int(c, 36)) for c in body)
    return body + f"{98 - int(expanded) * 100 % 97:02d}"


def _rf_ref(rnd: random.Random) -> str:
    """ISO 11649 structured creditor reference: RF, two check digits (MOD 97-10), up to 21 alphanumerics."""
    ref = digits(rnd, rnd.choice([9, 12, 16]))
    check = 98 - int("".join(str(int(c, 36)) for c in ref + "RF") + "00") % 97
    n = f"RF{check:02d}{ref}"
    return _pick(rnd, [n, " ".join(n[i : i + 4] for i in range(0, len(n), 4))])


def _ean18(rnd: random.Random) -> str:
    """Dutch energy connection EAN code: 18 digits, GS1 prefix 871, GS1 mod-10 check digit."""
    body = "8716" + digits(rnd, 13)
    total = sum(int(c) * (3 if (len(body) - i) % 2 == 1 else 1) for i, c in enumerate(body))
    return body + str((10 - total % 10) % 10)


def _vin(rnd: random.Random) -> str:
    """Vehicle identification number (ISO 3779, with the North American check digit in position 9)."""
    alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    values = dict(
        zip(
            "ABCDEFGHJKLMNPRSTUVWXYZ",
            [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9],
            strict=True,
        )
    )
    weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
    wmi = rnd.choice(["1HG", "1FT", "WVW", "WBA", "JTD", "5YJ", "ZFA", "VF1", "3VW"])
    vin = list(wmi + _alnum(rnd, 5, alphabet) + "0" + _alnum(rnd, 8, alphabet))
    total = sum((int(c) if c.isdigit() else values[c]) * w for c, w in zip(vin, weights, strict=True))
    vin[8] = "X" if total % 11 == 10 else str(total % 11)
    return "".join(vin)


LOINC = [  # real LOINC codes (check digit: mod 10 per the LOINC user guide)
    ("2345-7", "Glucose"),
    ("718-7", "Hemoglobin"),
    ("4548-4", "Hemoglobin A1c"),
    ("2160-0", "Creatinine"),
    ("789-8", "Erythrocytes"),
    ("6690-2", "Leukocytes"),
    ("777-3", "Platelets"),
    ("2093-3", "Cholesterol"),
    ("2571-8", "Triglyceride"),
    ("3016-3", "TSH"),
    ("1742-6", "ALT"),
    ("2951-2", "Sodium"),
]


def _loinc(rnd: random.Random) -> str:
    return rnd.choice(LOINC)[0]


def _epoch7(rnd: random.Random) -> str:
    return str(rnd.randint(1_650_000_000, 1_800_000_000))


def _slack_ts(rnd: random.Random) -> str:
    return f"{rnd.randint(1_650_000_000, 1_800_000_000)}.{digits(rnd, 6)}"


def _slack_id(rnd: random.Random) -> str:
    return f"{rnd.choice('UCW')}{_alnum(rnd, rnd.choice([8, 10]))}"


def _hs_code(rnd: random.Random) -> str:
    """Harmonized System tariff numbers as CN23 forms print them (6 to 10 digits)."""
    chapter = rnd.choice(["6109", "6204", "8471", "8517", "3304", "4901", "9503", "0901", "6403"])
    return _pick(
        rnd,
        [
            f"{chapter}.{digits(rnd, 2)}",
            f"{chapter}{digits(rnd, 2)}{digits(rnd, 2)}",
            f"{chapter}.{digits(rnd, 2)}.{digits(rnd, 2)}",
        ],
    )


def _s10(rnd: random.Random) -> str:
    """UPU S10 item identifier (service letters, eight digits, weighted mod-11 check, country)."""
    serial = digits(rnd, 8)
    c = 11 - sum(int(ch) * w for ch, w in zip(serial, [8, 6, 4, 2, 3, 5, 9, 7], strict=True)) % 11
    c = 0 if c == 10 else 5 if c == 11 else c
    return (
        f"{rnd.choice(['CP', 'CX', 'LX', 'RR', 'EE'])}{serial}{c}{rnd.choice(['FR', 'DE', 'GB', 'IT', 'NL'])}"
    )


def _version7(rnd: random.Random) -> str:
    return _pick(
        rnd,
        [
            f"{rnd.randint(0, 4)}.{rnd.randint(0, 30)}.{rnd.randint(0, 20)}",
            f"v{rnd.randint(1, 3)}.{rnd.randint(0, 12)}.{rnd.randint(0, 9)}",
            f"{rnd.randint(1, 9)}.{rnd.randint(0, 9)}.{rnd.randint(0, 9)}.{rnd.randint(0, 9999)}",
            f"{rnd.randint(2023, 2026)}.{rnd.randint(1, 12)}.{rnd.randint(1, 4)}",
        ],
    )


def _ts7(rnd: random.Random) -> str:
    day = _recent(rnd)
    hms = f"{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}"
    return _pick(
        rnd,
        [
            f"{day.isoformat()}T{hms}.{digits(rnd, 6)}Z",
            f"{day.isoformat()} {hms},{digits(rnd, 3)}",
            f"{day.isoformat()}T{hms}+02:00",
            f"{day.strftime('%b')} {day.day:2d} {hms}",
        ],
    )


def _order7(rnd: random.Random) -> str:
    y = rnd.randint(2020, 2026)
    return _pick(
        rnd,
        [
            f"ORD-{y}-{digits(rnd, 6)}",
            f"{y}-{digits(rnd, 7)}",
            f"A{digits(rnd, 9)}",
            f"{digits(rnd, 3)}-{digits(rnd, 4)}-{digits(rnd, 3)}",
            f"#{digits(rnd, 8)}",
            f"{digits(rnd, 4)} {digits(rnd, 4)} {digits(rnd, 2)}",
        ],
    )


def _case7(rnd: random.Random) -> str:
    return _pick(
        rnd,
        [
            f"CS{digits(rnd, 8)}",
            f"{rnd.randint(2022, 2026)}/{digits(rnd, 5)}",
            f"INC-{digits(rnd, 6)}",
            f"{_alnum(rnd, 3, UP)}-{digits(rnd, 4)}",
            digits(rnd, 10),
        ],
    )


def _coord7(rnd: random.Random) -> str:
    lat, lon = rnd.uniform(-50, 65), rnd.uniform(-125, 150)
    return _pick(rnd, [f"{lat:.6f},{lon:.6f}", f"{lat:.5f}, {lon:.5f}"])


def _period(locale: str):
    """A pay or billing period: two non-birth dates a few weeks apart, in one of the locale's date forms,
    joined as the locale joins them."""
    joiner = {"de": " - ", "fr": " au ", "it": " - ", "es": " - ", "nl": " t/m ", "pt": " a "}.get(
        locale[:2], " to "
    )

    def make(rnd: random.Random) -> str:
        start = _recent(rnd)
        end = start + timedelta(days=rnd.choice([27, 29, 30, 60, 90]))
        form = rnd.randrange(len(_locale_forms(locale, 2000, 1, 1)))
        first = _locale_forms(locale, start.year, start.month, start.day)[form]
        return f"{first}{joiner}{_locale_forms(locale, end.year, end.month, end.day)[form]}"

    return make


def _amount_in(locale: str):
    """Money as the locale prints it: 1,234.56 (en), 1.234,56 (de, it, es, nl, pt), 1 234,56 (fr)."""

    def make(rnd: random.Random) -> str:
        units, cents = rnd.choice([rnd.randint(10, 999), rnd.randint(1000, 99999)]), digits(rnd, 2)
        grouped = f"{units:,}"
        if locale.startswith("en"):
            return f"{grouped}.{cents}"
        return f"{grouped.replace(',', ' ' if locale == 'fr-FR' else '.')},{cents}"

    return make


_PLATES = {  # licence plate shapes per country
    "en-US": lambda r: f"{digits(r, 1)}{_alnum(r, 3, UP)}{digits(r, 3)}",
    "it-IT": lambda r: (
        f"{_alnum(r, 2, 'ABCDEFGHJKLMNPRSTVWXYZ')} {digits(r, 3)} {_alnum(r, 2, 'ABCDEFGHJKLMNPRSTVWXYZ')}"
    ),
    "nl-NL": lambda r: f"{_alnum(r, 2, 'GHJKLNPRSTXZ')}-{digits(r, 3)}-{_alnum(r, 1, 'BDFGHJKLNPRSTVXZ')}",
}


_LOCALE_DATES = {f"H7D{loc[3:]}": _date_in(loc) for loc in LOCALES}  # H7DUS, H7DGB, ... H7DBR

NEGATIVES.update(
    {
        **_LOCALE_DATES,
        "H7PERIODDE": _period("de-DE"),
        "H7PERIODFR": _period("fr-FR"),
        "H7PERIODIT": _period("it-IT"),
        "H7PERIODES": _period("es-ES"),
        "H7PERIODNL": _period("nl-NL"),
        "H7PERIODGB": _period("en-GB"),
        "H7TAXYEAR": lambda r: (
            lambda y: _pick(
                r, [f"{y}-{(y + 1) % 100:02d}", f"{y}/{(y + 1) % 100:02d}", f"6 April {y} to 5 April {y + 1}"]
            )
        )(r.randint(2019, 2025)),
        "H7EPOCH": _epoch7,
        "H7TS": _ts7,
        "H7HHMM": lambda r: f"{r.randint(6, 22):02d}:{r.randint(0, 59):02d}",
        # identifiers of people that are none of the claimed types
        "H7BSN": _bsn,
        "H7CPF": _cpf,
        "H7PIS": _pis,
        "H7NIR": _nir,
        "H7CF": _codice_fiscale,
        "H7DNI": _dni,
        "H7NAF": _naf,
        "H7NINO": _nino,
        "H7UTR": _utr,
        "H7ITIN": _itin,
        "H7KVNR": _kvnr,
        "H7RVNR": _rvnr,
        "H7IDNR": _idnr,
        "H7AADHAAR": _aadhaar,
        "H7UAN": lambda r: "10" + digits(r, 10),
        "H7PAN": lambda r: f"{_alnum(r, 3, UP)}P{r.choice(UP)}{digits(r, 4)}{r.choice(UP)}",
        "H7DL": lambda r: _pick(
            r,
            [
                f"{r.choice(UP)}{digits(r, 7)}",
                f"{r.choice(UP)}{digits(r, 3)}-{digits(r, 4)}-{digits(r, 4)}",
                f"{_alnum(r, 5, UP)}{digits(r, 6)}{_alnum(r, 2, UP)}{digits(r, 2)}",
                f"{r.choice(UP)}{digits(r, 2)}{_alnum(r, 6)}{digits(r, 2)}",
            ],
        ),
        # health
        "H7EREZEPT": _erezept_id,
        "H7EPS": _eps_id,
        "H7IK": _ik,
        "H7LOINC": _loinc,
        "H7ODS": lambda r: f"F{r.choice(UP)}{digits(r, 3)}",
        "H7MRN": lambda r: _pick(r, [f"MRN{digits(r, 7)}", digits(r, 8), f"{r.choice(UP)}{digits(r, 6)}"]),
        "H7RESULT": lambda r: _pick(
            r, [f"{r.uniform(0.5, 300):.1f}", str(r.randint(60, 450)), f"{r.uniform(3, 15):.2f}"]
        ),
        "H7CRM": lambda r: f"{r.choice(['SP', 'RJ', 'MG', 'RS'])} {digits(r, 6)}",
        "H7NPILIKE": _npi_like,
        "H7NHSLIKE": _nhs_like,
        "H7CARDLIKE": _card_like,
        "H7COORD": _coord7,
        # money, tax, utilities
        **{f"H7AMT{loc[3:]}": _amount_in(loc) for loc in LOCALES},  # H7AMTUS, H7AMTGB, ... H7AMTBR
        "H7EIN": NEGATIVES["EIN5"],
        "H7ISIN": _isin,
        "H7LEI": _lei,
        "H7RF": _rf_ref,
        "H7MPAN": _mpan,
        "H7CUPS": _cups,
        "H7EAN18": _ean18,
        "H7POD": lambda r: f"IT001E{digits(r, 8)}",
        "H7PDL": lambda r: digits(r, 14),
        "H7CONSUMER": lambda r: _pick(r, [digits(r, 12), f"{digits(r, 3)}-{digits(r, 3)}-{digits(r, 4)}"]),
        "H7LAST4": lambda r: digits(r, 4),
        "H7MASKED": lambda r: _pick(
            r,
            [
                f"**** **** **** {digits(r, 4)}",
                f"XXXX-XXXX-XXXX-{digits(r, 4)}",
                f"{digits(r, 6)}******{digits(r, 4)}",
            ],
        ),
        "H7EXP": lambda r: f"{r.randint(1, 12):02d}/{r.randint(26, 31)}",
        "H7ACCT": lambda r: digits(r, r.randint(9, 14)),
        "H7IFSC": lambda r: f"{r.choice(['HDFC', 'SBIN', 'ICIC', 'KKBK'])}0{digits(r, 6)}",
        "H7SORT": lambda r: f"{r.randint(10, 99)}-{digits(r, 2)}-{digits(r, 2)}",
        "H7EMPID": lambda r: _pick(r, [f"E{digits(r, 6)}", digits(r, 5), f"PN-{digits(r, 4)}"]),
        "H7TAXCODE": lambda r: _pick(r, ["1257L", "1257L W1", "BR", "K475", "S1257L", "C1257L"]),
        # travel, shipping, cars
        "H7S10": _s10,
        "H7HS": _hs_code,
        "H7VIN": _vin,
        **{f"H7PLATE{loc[3:]}": make for loc, make in _PLATES.items()},
        "H7RA": lambda r: f"RA{digits(r, 9)}",
        "H7ORDER": _order7,
        "H7CASE": _case7,
        # technical
        "H7UUID": lambda r: "-".join(_hex(r, n) for n in (8, 4, 4, 4, 12)),
        "H7SHA": lambda r: _hex(r, 40),
        "H7SHA7": lambda r: _hex(r, 7),
        "H7VER": _version7,
        "H7SLACKTS": _slack_ts,
        "H7SLACKID": _slack_id,
        "H7JTI": lambda r: _alnum(r, 22, string.ascii_letters + string.digits),
        "H7PORT": lambda r: str(r.choice([5432, 6379, 8443, 9200, 27017, 5672, 1883])),
        "H7PID": lambda r: str(r.randint(300, 99999)),
        "H7MSGID": lambda r: f"{_hex(r, 12)}.{digits(r, 6)}",
        "H7ISSUE": lambda r: str(r.randint(100, 29999)),
        "H7CPP": lambda r: r.choice(
            ["std::runtime_error", "Cafe::Face", "io::Error", "std::vector", "Db::Add", "ab::cd"]
        ),
    }
)


def _month_year(lang: str):
    sep = {"pt": "/"}.get(lang, " ")
    return lambda r: f"{MONTHS[lang][r.randint(0, 11)]}{sep}{r.randint(2021, 2026)}"


def _rfc2822(rnd: random.Random) -> str:
    day = _recent(rnd)
    hms = f"{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}"
    zone = rnd.choice(["+0100", "+0200", "-0500", "+0000", "+0530"])
    return f"{day.strftime('%a')}, {day.day:02d} {day.strftime('%b')} {day.year} {hms} {zone}"


def _mbox_date(rnd: random.Random) -> str:
    day = _recent(rnd)
    hms = f"{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}"
    return f"{day.strftime('%a %b')} {day.day:2d} {hms} {day.year}"


NEGATIVES.update(
    {
        "H7CHATTS": _chat_ts,
        "H7CLF": _clf,
        "H7HL7TS": _hl7_ts,
        "H7RFC2822": _rfc2822,
        "H7MBOXDATE": _mbox_date,
        "H7DM": lambda r: f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.",
        "H7YEAR": lambda r: str(r.randint(2021, 2025)),
        "H7YEARS": lambda r: (lambda y: f"{y}--{y + r.randint(1, 4)}")(r.randint(2012, 2021)),
        "H7MONYEAREN": _month_year("en"),
        "H7MONYEARDE": _month_year("de"),
        "H7MONYEARIT": _month_year("it"),
        "H7MONYEARNL": _month_year("nl"),
        "H7MONYEARBR": _month_year("pt"),
        "H7MSGCTRL": lambda r: digits(r, r.choice([8, 10, 12])),
        "H7KVK": lambda r: digits(r, 8),
        "H7PAYE": lambda r: f"{digits(r, 3)}/{_alnum(r, 2, UP)}{digits(r, 5)}",
        "H7CTRL": lambda r: f"{_alnum(r, 5)} {digits(r, 4)}",
        "H7SIRET": lambda r: card(r, _siren(r), 14),
        "H7LHN": lambda r: f"{digits(r, 9)}L0{r.randint(1, 3)}",
        "H7DLNL": lambda r: digits(r, 10),
        "H7CNPJ": _cnpj,
        "H7ICCID": lambda r: card(r, "8991" + digits(r, 2), r.choice([19, 20])),
        "H7STMT": lambda r: f"{r.randint(1, 12):03d}/{r.randint(2023, 2025)}",
    }
)

_ECHO: dict[str, str] = {}


def email_first7(rnd: random.Random, locale: str) -> str:
    """An address that the next H7EMAGAIN repeats (a Slack `<mailto:x|x>` link shows the same address twice)."""
    _ECHO["email"] = email5(rnd, locale)
    return _ECHO["email"]


VALUES.update(
    {
        "H7EMLINK": ("EMAIL_ADDRESS", email_first7),
        "H7EMAGAIN": ("EMAIL_ADDRESS", lambda rnd, locale: _ECHO["email"]),
    }
)


NEGATIVES.update(
    {
        "H7USEC": lambda r: f"{r.randint(1_650_000_000, 1_800_000_000)}{digits(r, 6)}",
        "H7HEX32": lambda r: _hex(r, 32),
        "H7SRCPORT": lambda r: str(r.randint(1024, 65535)),
        "H7TXID": lambda r: _pick(r, [_hex(r, 64), f"0x{_hex(r, 64)}"]),
        "H7QTY": lambda r: f"{r.randint(0, 3)}.{digits(r, 8)}",
        "H7MEMBER": lambda r: _pick(
            r,
            [
                f"{_alnum(r, 3, UP)}{digits(r, 9)}",
                f"W{digits(r, 9)}",
                f"{digits(r, 3)}-{digits(r, 2)}-{digits(r, 4)}-{digits(r, 2)}",
            ],
        ),
    }
)
VALUES["H7URLPM"] = (
    "URL",
    lambda rnd, locale: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
)


# -- known kinds: what the earlier batches used, sampled in proportion, written fresh ----------------

KNOWN7: dict[str, list[str]] = {
    "en-US": [
        "Subject: Charged twice for order ⟦~H7ORDER⟧\n\nHello {org} support,\nI see two identical charges on ⟦~H7DUS⟧ for the same order. The card is ⟦H7CARD⟧ (expires ⟦~H7EXP⟧). Please reverse one of them; I can be reached at ⟦H7PH⟧ or by replying to ⟦H7EM⟧.\n\nThanks,\n{first} {last}",
        '"Emp #","Last","First","SSN","Birth date","Hire date","Cell"\n"⟦~H7EMPID⟧","{last}","{first}","⟦H7SSN⟧","⟦H7DOB⟧","⟦~H7DUS⟧","⟦H7PH⟧"\n"⟦~H7EMPID⟧","{last}","{first2}","⟦H7SSN⟧","⟦H7DOB⟧","⟦~H7DUS⟧","⟦H7PH⟧"',
        "Reminder from {org} Family Medicine: {first}, you are booked with Dr. {first2} {last} (NPI ⟦H7NPI⟧) on ⟦~H7DUS⟧ at ⟦~H7HHMM⟧. Please confirm your date of birth (⟦H7DOB⟧) at check-in. To reschedule call ⟦H7PHX⟧ or go to ⟦H7URL⟧. Visit ref ⟦~H7CASE⟧.",
        "RE: Claim ⟦~H7CASE⟧ for {first} {last} (DOB ⟦H7DOB⟧, SSN ⟦H7SSN⟧)\n\nThe claim for services on ⟦~H7DUS⟧ was returned: the rendering provider NPI ⟦H7NPI⟧ does not match the billing NPI ⟦H7NPI⟧ on file, and the prior authorization ⟦~H7NPILIKE⟧ has expired. Fax the corrected form to ⟦H7PH⟧ or write to ⟦H7EM⟧.",
    ],
    "en-GB": [
        "Dear Dr {last},\n\nRe: {first} {last}    DOB: ⟦H7DOB⟧    NHS No: ⟦H7NHS⟧    Hospital no: ⟦~H7NHSLIKE⟧\n\nThank you for referring this patient, whom I saw in the fracture clinic on ⟦~H7DGB⟧. I have arranged a review on ⟦~H7DGB⟧; the patient can be contacted on ⟦H7PH⟧ should the date need to change. Copies to ⟦H7EM⟧.\n\nYours sincerely,\n{first2} {last}, Consultant Orthopaedic Surgeon",
        "[⟦~H7CHATTS⟧] {first}: can you send the deposit details again?\n[⟦~H7CHATTS⟧] {first2}: sure, IBAN ⟦H7IBAN⟧, sort code ⟦~H7SORT⟧, or card over the phone on ⟦H7PH⟧\n[⟦~H7CHATTS⟧] {first}: easier to pay by card, it's ⟦H7CARD⟧\n[⟦~H7CHATTS⟧] {first2}: done 👍",
        "NEW STARTER CHECKLIST — {org} Ltd\nFull name: {first} {last}\nDate of birth: ⟦H7DOB⟧\nNI number: ⟦~H7NINO⟧\nPersonal email: ⟦H7EM⟧\nMobile: ⟦H7PH⟧\nSalary account: ⟦H7IBAN⟧ (sort code ⟦~H7SORT⟧)\nFirst day: ⟦~H7DGB⟧    Payroll no. ⟦~H7EMPID⟧",
        "NHS Number,Surname,Forename,Date of Birth,Mobile,Next review\n⟦H7NHSP⟧,{last},{first},⟦H7DOB⟧,⟦H7PH⟧,⟦~H7DGB⟧\n⟦H7NHS⟧,{last},{first2},⟦H7DOB⟧,⟦H7PH⟧,⟦~H7DGB⟧",
    ],
    "en-IN": [
        "Dear Customer, your new {org} Bank credit card ⟦H7CARD⟧ was dispatched on ⟦~H7DIN⟧. Annual fee of Rs ⟦~H7AMTIN⟧ waived. Not requested by you? Call ⟦H7PH⟧ or visit ⟦H7URL⟧. Ref ⟦~H7CASE⟧.",
        "EMPLOYEE MASTER DATA\nName: {first} {last}\nD.O.B: ⟦H7DOB⟧\nDate of Joining: ⟦~H7DIN⟧\nPAN: ⟦~H7PAN⟧\nMobile: ⟦H7PH⟧    Alternate: ⟦H7PHI⟧\nOfficial email: ⟦H7EM⟧\nNRE account abroad (IBAN): ⟦H7IBAN⟧\nLaptop MAC: ⟦H7MAC⟧",
        "Ticket ⟦~H7CASE⟧ raised by {first} {last} (⟦H7EM⟧): unable to log in to ⟦H7URL⟧ since ⟦~H7DIN⟧. Client IP ⟦H7IP⟧, router MAC ⟦H7MAC⟧, app version ⟦~H7VER⟧. Please call back on ⟦H7PH⟧ between ⟦~H7HHMM⟧ and ⟦~H7HHMM⟧.",
    ],
    "fr-FR": [
        "Bonjour,\n\nJe n'ai toujours pas reçu ma commande ⟦~H7ORDER⟧ passée le ⟦~H7DFR⟧. Le compte est à mon nom, née le ⟦H7DOB⟧. Pourriez-vous me rappeler au ⟦H7PH⟧ ou m'écrire à ⟦H7EM⟧ ?\n\nBien cordialement,\n{first} {last}",
        "| Nom | Prénom | Date de naissance | Portable | IBAN |\n|---|---|---|---|---|\n| {last} | {first} | ⟦H7DOB⟧ | ⟦H7PH⟧ | ⟦H7IBAN⟧ |\n| {last} | {first2} | ⟦H7DOB⟧ | ⟦H7PH⟧ | ⟦H7IBAN⟧ |",
        "FACTURE N° ⟦~H7ORDER⟧\nDate : ⟦~H7DFR⟧ — Échéance : ⟦~H7DFR⟧\nClient : {first} {last}\nTotal TTC : ⟦~H7AMTFR⟧ €\nRèglement par virement : ⟦H7IBAN⟧ ou par carte ⟦H7CARD⟧\nPaiement en ligne : ⟦H7URL⟧ — Contact : ⟦H7PHX⟧",
    ],
    "de-DE": [
        "Sehr geehrte Frau {last},\n\nvielen Dank für Ihre Nachricht vom ⟦~H7DDE⟧. Wir haben Ihre neue Rufnummer ⟦H7PH⟧ und die E-Mail-Adresse ⟦H7EM⟧ zu Ihrer Kundennummer ⟦~H7CASE⟧ gespeichert.\n\nMit freundlichen Grüßen\n{first2} {last}\n{org} GmbH",
        "Personalstammblatt\nNachname: {last}    Vorname: {first}\nGeburtsdatum: ⟦H7DOB⟧\nSteuer-ID: ⟦~H7IDNR⟧\nEintritt: ⟦~H7DDE⟧\nTelefon: ⟦H7PH⟧\nIBAN: ⟦H7IBAN⟧\nPrivate E-Mail: ⟦H7EM⟧",
        "Praxis Dr. {last} – Terminbestätigung\nPatient/in: {first} {last}, geb. ⟦H7DOB⟧\nTermin: ⟦~H7DDE⟧ um ⟦~H7HHMM⟧ Uhr\nAbsagen bitte spätestens 24 Stunden vorher unter ⟦H7PHX⟧ oder online: ⟦H7URL⟧",
        "Viele Grüße\n{first} {last}\nVorstand, {org} e. V.\nTel. ⟦H7PH⟧ · Fax ⟦H7PH⟧\n⟦H7EM⟧ · ⟦H7URL⟧\nSpendenkonto ⟦H7IBAN⟧ · Bitcoin ⟦H7BTC⟧\nVereinsregister VR ⟦~H7KVK⟧",
    ],
    "it-IT": [
        "{first}: ciao! mi giri il numero dell'idraulico?\n{first2}: certo, ⟦H7PH⟧. oppure scrivigli a ⟦H7EM⟧\n{first}: grazie 🙏 e l'IBAN per la caparra?\n{first2}: ⟦H7IBAN⟧, causale ⟦~H7ORDER⟧. o se preferisci in BTC: ⟦H7BTC⟧",
        "matricola;cognome;nome;data_nascita;cellulare;email\n⟦~H7EMPID⟧;{last};{first};⟦H7DOB⟧;⟦H7PH⟧;⟦H7EM⟧\n⟦~H7EMPID⟧;{last};{first2};⟦H7DOB⟧;⟦H7PH⟧;⟦H7EM⟧",
        "Spett.le {org} Assicurazioni,\ncon la presente denuncio il sinistro avvenuto il ⟦~H7DIT⟧ (polizza n. ⟦~H7CASE⟧). Sono {first} {last}, nata il ⟦H7DOB⟧; vi prego di accreditare il rimborso sull'IBAN ⟦H7IBAN⟧ e di contattarmi al ⟦H7PH⟧ o a ⟦H7EM⟧.",
    ],
    "es-ES": [
        "Hola,\nsoy {first} {last}. No reconozco el cargo de ⟦~H7AMTES⟧ € del ⟦~H7DES⟧ en mi tarjeta ⟦H7CARD⟧. Llamadme al ⟦H7PH⟧ o escribid a ⟦H7EM⟧, por favor. Nº de cliente ⟦~H7CASE⟧.\nSaludos",
        "PARTE DE ENTRADA DE VIAJEROS\nHuésped: {last}, {first}\nDNI: ⟦~H7DNI⟧    Fecha de expedición: ⟦~H7DES⟧\nFecha de nacimiento: ⟦H7DOB⟧\nEntrada: ⟦~H7DES⟧    Salida: ⟦~H7DES⟧\nTeléfono: ⟦H7PHI⟧    Correo: ⟦H7EM⟧\nGarantía: tarjeta ⟦H7CARD⟧",
        '{"cliente_id": "⟦~H7UUID⟧", "nombre": "{first} {last}", "fecha_nacimiento": "⟦H7DOBI⟧", "movil": "⟦H7PHE⟧", "email": "⟦H7EM⟧", "iban": "⟦H7IBANC⟧", "ultimo_acceso_ip": "⟦H7IP⟧", "creado": "⟦~H7TS⟧"}',
    ],
    "nl-NL": [
        "Met vriendelijke groet,\n\n{first} {last}\nAccountmanager\n{org} B.V.\nT: ⟦H7PH⟧ | M: ⟦H7PH⟧\nE: ⟦H7EM⟧\nW: ⟦H7URL⟧\nKvK ⟦~H7KVK⟧ · IBAN ⟦H7IBAN⟧",
        "Beste {first},\nJe afspraak bij de tandarts staat op ⟦~H7DNL⟧ om ⟦~H7HHMM⟧. Verhinderd? Bel ⟦H7PH⟧ of mail ⟦H7EM⟧. Neem je legitimatie mee; ter controle je geboortedatum: ⟦H7DOB⟧.",
        "Overboeking ingepland\nVan: ⟦H7IBAN⟧ ({first} {last})\nNaar: ⟦H7IBAN⟧ ({org})\nBedrag: € ⟦~H7AMTNL⟧\nUitvoerdatum: ⟦~H7DNL⟧\nKenmerk: ⟦~H7ORDER⟧\nBevestiging verstuurd naar ⟦H7EM⟧",
    ],
    "pt-BR": [
        "CADASTRO DE CLIENTE\nNome: {first} {last}\nData de nascimento: ⟦H7DOB⟧\nCPF: ⟦~H7CPF⟧\nCelular/WhatsApp: ⟦H7PH⟧\nE-mail: ⟦H7EM⟧\nCartão para débito automático: ⟦H7CARD⟧\nCartão fidelidade: ⟦~H7CARDLIKE⟧\nConta para reembolso internacional (IBAN): ⟦H7IBAN⟧\nCliente desde ⟦~H7DBR⟧",
        "⟦~H7CHATTS⟧ - {first}: amiga me passa o zap da manicure?\n⟦~H7CHATTS⟧ - {first2}: ⟦H7PH⟧ 💅\n⟦~H7CHATTS⟧ - {first}: valeu! e o pix do bolão é ⟦H7EM⟧ né? ou manda em ETH pra ⟦H7ETH⟧",
        "Olá {first}, seu pedido ⟦~H7ORDER⟧ saiu para entrega hoje. O entregador pode ligar no ⟦H7PH⟧. Acompanhe em ⟦H7URL⟧. Código de rastreio ⟦~H7S10⟧.",
    ],
    "tech": [
        '⟦H7IP⟧ - - [⟦~H7CLF⟧] "POST /api/v1/profile?email=⟦H7EM⟧ HTTP/1.1" 200 318 "⟦H7URLS⟧" "Mozilla/5.0 (X11; Linux x86_64) Firefox/⟦~H7VER⟧"',
        '{"@timestamp": "⟦~H7TS⟧", "level": "warn", "event": "login_failed", "user": "⟦H7EM⟧", "src_ip": "⟦H7IP6⟧", "device_mac": "⟦H7MAC⟧", "geo": "⟦~H7COORD⟧", "request_id": "⟦~H7UUID⟧", "app": "⟦~H7VER⟧"}',
        'notifications:\n  sms_from: "⟦H7PHE⟧"\n  reply_to: ⟦H7EM⟧\n  status_page: ⟦H7URL⟧\nredis:\n  host: ⟦H7IP⟧\n  port: ⟦~H7PORT⟧\nrelease: ⟦~H7VER⟧\ncommit: ⟦~H7SHA7⟧',
        "MSH|^~\\&|REG|{org}|EHR|{org}|⟦~H7HL7TS⟧||ADT^A08|⟦~H7MSGCTRL⟧|P|2.5.1\nPID|1||⟦~H7MRN⟧^^^{org}^MR||{last}^{first}||⟦H7DOBB⟧|M|||||⟦H7PHC⟧^PRN^PH||||||⟦H7SSN⟧\nPV1|1|O|||||⟦H7NPIP⟧^{last}^{first2}^^^^^^NPI",
        "INSERT INTO customers (email, phone, dob, card_last4, created_at) VALUES\n  ('⟦H7EM⟧', '⟦H7PHE⟧', '⟦H7DOBI⟧', '⟦~H7LAST4⟧', '⟦~H7TS⟧'),\n  ('⟦H7EM⟧', '⟦H7PHE⟧', '⟦H7DOBI⟧', '⟦~H7LAST4⟧', '⟦~H7TS⟧');",
        '⟦~H7TS⟧ edge-gw dhcpd[⟦~H7PID⟧]: DHCPREQUEST for ⟦H7IP⟧ from ⟦H7MAC⟧ via eth1\n⟦~H7TS⟧ edge-gw lease[⟦~H7PID⟧]: throw ⟦~H7CPP⟧("lease conflict"), build ⟦~H7VER⟧',
        "wallet,asset,owner,memo\n⟦H7BTC⟧,BTC,⟦H7EM⟧,cold storage\n⟦H7ETH⟧,ETH,⟦H7EM⟧,payroll ⟦~H7ORDER⟧",
        "$ arp -an\n? (⟦H7IP⟧) at ⟦H7MAC⟧ [ether] on eth0\n? (⟦H7IP⟧) at ⟦H7MAC⟧ [ether] on wlan0\n$ uptime\n ⟦~H7HHMM⟧ up 12 days, load average: 0.31, 0.28, 0.22",
        '// FIXME(⟦H7EM⟧): stop logging the PAN, e.g. ⟦H7CARD⟧ showed up in prod\nlog.info("charge ok", ⟦~H7CPP⟧::from(txn), "callback", "⟦H7PHE⟧");',
    ],
}


# -- new kinds: document kinds no earlier batch used --------------------------------------------------

NEW7: dict[str, list[str]] = {
    "en-US": [
        "Form W-2 Wage and Tax Statement ⟦~H7YEAR⟧\na Employee's social security number   ⟦H7SSN⟧\nb Employer identification number (EIN)   ⟦~H7EIN⟧\nc Employer's name, address, and ZIP code   {org} Inc., 500 Commerce St\nd Control number   ⟦~H7CTRL⟧\ne Employee's first name and initial   {first}      Last name   {last}\n1 Wages, tips, other compensation   ⟦~H7AMTUS⟧      2 Federal income tax withheld   ⟦~H7AMTUS⟧\nQuestions about this form: ⟦H7PHX⟧",
        "RENTAL AGREEMENT ⟦~H7RA⟧\nRenter: {first} {last}      Date of birth: ⟦H7DOB⟧\nDriver license: ⟦~H7DL⟧ (exp. ⟦~H7DUS⟧)\nPhone: ⟦H7PH⟧      Email: ⟦H7EM⟧\nVehicle: VIN ⟦~H7VIN⟧, plate ⟦~H7PLATEUS⟧\nPick-up: ⟦~H7DUS⟧ ⟦~H7HHMM⟧      Return: ⟦~H7DUS⟧\nAdditional driver: {first2} {last}, born ⟦H7DOB⟧\nPayment: ⟦H7CARD⟧    Rewards no. ⟦~H7CARDLIKE⟧",
        "{org} LABORATORIES — FINAL REPORT\nPatient: {last}, {first}    DOB: ⟦H7DOB⟧    MRN: ⟦~H7MRN⟧\nOrdering provider: {first2} {last}, MD (NPI ⟦H7NPI⟧)\nCollected: ⟦~H7DUS⟧    Reported: ⟦~H7DUS⟧\nLOINC      Result\n⟦~H7LOINC⟧     ⟦~H7RESULT⟧ mg/dL\nQuestions about this report: ⟦H7PHX⟧",
        "EXPLANATION OF BENEFITS — THIS IS NOT A BILL\nMember: {first} {last}    Member ID: ⟦~H7MEMBER⟧    Date of birth: ⟦H7DOB⟧\nProvider: {org} Imaging (NPI ⟦H7NPI⟧)\nClaim number ⟦~H7CASE⟧ · service date ⟦~H7DUS⟧ · prior authorization ⟦~H7NPILIKE⟧\nAmount billed $⟦~H7AMTUS⟧ · you may owe $⟦~H7AMTUS⟧\nCustomer service: ⟦H7PH⟧ · ⟦H7URL⟧",
        "Form 1099-DA Digital Asset Proceeds From Broker Transactions ⟦~H7YEAR⟧\nRECIPIENT'S TIN: ⟦H7SSN⟧      PAYER'S TIN: ⟦~H7EIN⟧\nRecipient: {first} {last} · ⟦H7EM⟧ · joint holder {first2} {last}, TIN ⟦~H7ITIN⟧\nFiat withdrawals to ⟦H7IBAN⟧\n1a Digital asset: BTC · quantity ⟦~H7QTY⟧ · sent from ⟦H7BTC⟧\n1a Digital asset: ETH · quantity ⟦~H7QTY⟧ · sent from ⟦H7ETH⟧\n1c Date sold ⟦~H7DUS⟧ · transaction ID ⟦~H7TXID⟧",
        "[voicemail transcript, confidence 0.87]\nhi uh this is {first} {last} calling about the charge on my card the number is ⟦H7CARDS⟧ um my date of birth is ⟦H7DOB⟧ and you can call me back on ⟦H7PHS⟧ thanks bye",
    ],
    "en-GB": [
        "NHS PRESCRIPTION TOKEN\nPrescription ID: ⟦~H7EPS⟧\nPatient: {first} {last}    NHS number: ⟦H7NHS⟧    DOB: ⟦H7DOB⟧\nPrescriber: Dr {first2} {last}, practice ⟦~H7ODS⟧    Date: ⟦~H7DGB⟧\nNominated pharmacy: {org} Chemist, tel ⟦H7PH⟧",
        "P60 End of Year Certificate — Tax year ⟦~H7TAXYEAR⟧\nEmployee: {first} {last}\nNational Insurance number: ⟦~H7NINO⟧\nFinal tax code: ⟦~H7TAXCODE⟧\nPay in this employment: £⟦~H7AMTGB⟧    Tax deducted: £⟦~H7AMTGB⟧\nEmployer PAYE reference: ⟦~H7PAYE⟧\nPayroll queries: ⟦H7PH⟧ or ⟦H7EM⟧ (quote your UTR ⟦~H7UTR⟧)",
        "{org} Energy — Your electricity bill\nBill date: ⟦~H7DGB⟧    Billing period: ⟦~H7PERIODGB⟧\nSupply number (MPAN): ⟦~H7MPAN⟧\nDirect Debit from ⟦H7IBAN⟧ on ⟦~H7DGB⟧\nManage your account at ⟦H7URL⟧, e-mail ⟦H7EM⟧ or call ⟦H7PHN⟧",
        "PATHOLOGY REPORT — {org} NHS Foundation Trust\nNHS No ⟦H7NHSP⟧   Name {last}, {first}   DOB ⟦H7DOB⟧\nHosp no ⟦~H7NHSLIKE⟧   Sample ⟦~H7MRN⟧ received ⟦~H7DGB⟧\nHbA1c ⟦~H7RESULT⟧ mmol/mol\nResults queries: ⟦H7PHX⟧ · ⟦H7EM⟧",
    ],
    "en-IN": [
        "{org} Pvt. Ltd. — Payslip for ⟦~H7MONYEAREN⟧\nEmployee: {first} {last}    Emp. Code: ⟦~H7EMPID⟧\nDate of Birth: ⟦H7DOB⟧    Date of Joining: ⟦~H7DIN⟧\nPAN: ⟦~H7PAN⟧    UAN: ⟦~H7UAN⟧\nBank A/c ⟦~H7ACCT⟧ (IFSC ⟦~H7IFSC⟧)    Net Pay ₹⟦~H7AMTIN⟧\nQueries: ⟦H7EM⟧ or ⟦H7PH⟧",
        "CUSTOMER APPLICATION FORM — Prepaid Mobile Connection\nName: {first} {last}\nDate of Birth: ⟦H7DOB⟧\nAadhaar No.: ⟦~H7AADHAAR⟧\nAlternate contact no.: ⟦H7PH⟧\nEmail: ⟦H7EM⟧\nSIM ICCID: ⟦~H7ICCID⟧\nActivation date: ⟦~H7DIN⟧",
        "{org} Electricity Supply — Bill\nConsumer No: ⟦~H7CONSUMER⟧    Name: {first} {last}\nBill Date: ⟦~H7DIN⟧    Due Date: ⟦~H7DIN⟧\nAmount payable ₹⟦~H7AMTIN⟧ — pay online at ⟦H7URL⟧\nRegistered mobile ⟦H7PH⟧ · Complaints ⟦H7PHN⟧",
    ],
    "fr-FR": [
        "BULLETIN DE PAIE — Période du ⟦~H7PERIODFR⟧\nEmployeur : {org} SAS — SIRET ⟦~H7SIRET⟧\nSalarié : {first} {last}\nN° de sécurité sociale : ⟦~H7NIR⟧\nNet à payer ⟦~H7AMTFR⟧ — virement sur ⟦H7IBAN⟧\nService RH : ⟦H7EM⟧",
        "DÉCLARATION EN DOUANE — CN 23\nN° d'envoi : ⟦~H7S10⟧\nExpéditeur : {first} {last}, 8 rue des Tanneurs, Lyon — tél. ⟦H7PHI⟧ — ⟦H7EM⟧\nDestinataire : {first2} {last}, Bruxelles — courriel ⟦H7EM⟧\nContenu : vêtements — n° tarifaire SH ⟦~H7HS⟧\nAffranchissement payé par carte ⟦H7CARD⟧",
        "{org} Énergie — Facture d'électricité du ⟦~H7DFR⟧\nTitulaire du contrat : {first} {last}\nPoint de livraison (PDL) : ⟦~H7PDL⟧\nPériode de consommation : du ⟦~H7PERIODFR⟧\nPrélèvement SEPA sur ⟦H7IBAN⟧\nEspace client : ⟦H7URL⟧ — Dépannage : ⟦H7PH⟧",
    ],
    "de-DE": [
        "E-Rezept – Ausdruck für Versicherte\nName: {first} {last}    geb. am ⟦H7DOB⟧\nVersichertennummer: ⟦~H7KVNR⟧    Kostenträger-IK: ⟦~H7IK⟧\nRezept-ID: ⟦~H7EREZEPT⟧\nAusgestellt am ⟦~H7DDE⟧ von Dr. {first2} {last}, Tel. ⟦H7PH⟧, ⟦H7EM⟧",
        "Verdienstabrechnung ⟦~H7MONYEARDE⟧\n{org} GmbH · Personal-Nr. ⟦~H7EMPID⟧\n{first} {last}, geb. ⟦H7DOB⟧\nSteuer-ID ⟦~H7IDNR⟧ · SV-Nummer ⟦~H7RVNR⟧\nAbrechnungszeitraum ⟦~H7PERIODDE⟧\nAuszahlungsbetrag ⟦~H7AMTDE⟧ an ⟦H7IBAN⟧",
        "Kontoauszug Nr. ⟦~H7STMT⟧                {org} Bank AG\nKontoinhaber {first} {last} · IBAN ⟦H7IBAN⟧\nBu-Tag  Vorgang                                     Betrag\n⟦~H7DM⟧  Kartenzahlung Karte ⟦~H7MASKED⟧            -⟦~H7AMTDE⟧\n⟦~H7DM⟧  Wertpapierkauf ISIN ⟦~H7ISIN⟧                     -⟦~H7AMTDE⟧\n⟦~H7DM⟧  Gutschrift von ⟦H7IBAN⟧ (LEI ⟦~H7LEI⟧)   +⟦~H7AMTDE⟧\nFragen zu Ihrem Konto: ⟦H7PH⟧",
    ],
    "it-IT": [
        "CEDOLINO PAGA — ⟦~H7MONYEARIT⟧\nDipendente: {last} {first}\nCodice fiscale: ⟦~H7CF⟧\nData di nascita: ⟦H7DOB⟧    Data assunzione: ⟦~H7DIT⟧\nNetto in busta ⟦~H7AMTIT⟧ — accredito su IBAN ⟦H7IBAN⟧",
        "{org} Energia — Bolletta emessa il ⟦~H7DIT⟧\nIntestatario: {first} {last}\nCodice POD: ⟦~H7POD⟧\nPeriodo di fatturazione: ⟦~H7PERIODIT⟧\nAddebito SDD su ⟦H7IBAN⟧\nServizio clienti ⟦H7PH⟧ · ⟦H7URL⟧",
        "CONTRATTO DI NOLEGGIO n. ⟦~H7RA⟧\nConducente: {first} {last}, nato il ⟦H7DOB⟧\nPatente n. ⟦~H7DL⟧ rilasciata il ⟦~H7DIT⟧\nCellulare ⟦H7PH⟧ — e-mail ⟦H7EM⟧\nVeicolo targa ⟦~H7PLATEIT⟧, telaio ⟦~H7VIN⟧\nRitiro ⟦~H7DIT⟧ ore ⟦~H7HHMM⟧\nDeposito cauzionale su carta ⟦H7CARD⟧",
    ],
    "es-ES": [
        "RECIBO INDIVIDUAL DE SALARIOS — Periodo ⟦~H7PERIODES⟧\nEmpresa: {org} S.L.\nTrabajador: {last}, {first}\nDNI ⟦~H7DNI⟧    Nº afiliación S.S. ⟦~H7NAF⟧\nFecha de nacimiento ⟦H7DOB⟧\nLíquido a percibir ⟦~H7AMTES⟧ € — transferencia a ⟦H7IBAN⟧",
        "{org} Energía — Factura de electricidad\nTitular: {first} {last}\nCUPS: ⟦~H7CUPS⟧\nPeriodo de facturación: ⟦~H7PERIODES⟧\nCargo en la cuenta ⟦H7IBAN⟧\nAverías: ⟦H7PH⟧ · Área de clientes: ⟦H7URL⟧",
        "INFORME DE LABORATORIO\nPaciente: {first} {last}    F. nacimiento: ⟦H7DOB⟧    NHC ⟦~H7MRN⟧\nFecha de extracción: ⟦~H7DES⟧\nLOINC ⟦~H7LOINC⟧  resultado ⟦~H7RESULT⟧ mg/dL\nSolicitante: Dra. {first2} {last} — consulta ⟦H7PHX⟧ — ⟦H7EM⟧",
    ],
    "nl-NL": [
        "LOONSTROOK ⟦~H7MONYEARNL⟧\nWerkgever: {org} B.V. — loonheffingennummer ⟦~H7LHN⟧\nWerknemer: {first} {last}, geboren ⟦H7DOB⟧\nBSN ⟦~H7BSN⟧ · periode ⟦~H7PERIODNL⟧\nNetto ⟦~H7AMTNL⟧ naar ⟦H7IBAN⟧",
        "Jaarafrekening {org} Energie\nKlant: {first} {last}\nEAN-code elektriciteit: ⟦~H7EAN18⟧\nPeriode ⟦~H7PERIODNL⟧\nTerugbetaling naar ⟦H7IBAN⟧ · betalingskenmerk ⟦~H7RF⟧\nVragen? ⟦H7PH⟧ of ⟦H7URL⟧",
        "HUUROVEREENKOMST ⟦~H7RA⟧\nHuurder: {first} {last}, geboortedatum ⟦H7DOB⟧\nRijbewijsnummer ⟦~H7DLNL⟧, geldig tot ⟦~H7DNL⟧\nTel. ⟦H7PH⟧ · ⟦H7EM⟧\nAuto ⟦~H7PLATENL⟧ · chassisnummer ⟦~H7VIN⟧\nOphalen ⟦~H7DNL⟧\nBorg: creditcard ⟦H7CARD⟧",
    ],
    "pt-BR": [
        "DEMONSTRATIVO DE PAGAMENTO — ⟦~H7MONYEARBR⟧\nEmpresa: {org} Ltda. — CNPJ ⟦~H7CNPJ⟧\nFuncionário(a): {first} {last}\nCPF ⟦~H7CPF⟧ · PIS ⟦~H7PIS⟧\nNascimento ⟦H7DOB⟧\nLíquido ⟦~H7AMTBR⟧ · Dúvidas RH: ⟦H7EM⟧",
        "{org} Distribuidora — Conta de energia\nCliente: {first} {last}\nUnidade consumidora: ⟦~H7CONSUMER⟧\nReferência ⟦~H7MONYEARBR⟧ · Vencimento ⟦~H7DBR⟧\nPague em ⟦H7URL⟧ · Emergência ⟦H7PHN⟧ · WhatsApp ⟦H7PH⟧",
        "RECEITUÁRIO — Receita digital\nPaciente: {first} {last}, nascido(a) em ⟦H7DOB⟧, CPF ⟦~H7CPF⟧\nTel. ⟦H7PH⟧\nPrescritor(a): Dr(a). {first2} {last} — CRM ⟦~H7CRM⟧\nEmitida em ⟦~H7DBR⟧\nVerifique a autenticidade em ⟦H7URLS⟧",
    ],
    "tech": [
        '[{"type": "message", "user": "⟦~H7SLACKID⟧", "text": "new number is ⟦H7PHI⟧, or email me at <mailto:⟦H7EMLINK⟧|⟦H7EMAGAIN⟧>", "ts": "⟦~H7SLACKTS⟧"}, {"type": "message", "user": "⟦~H7SLACKID⟧", "text": "thanks! form is here: <⟦H7URLS⟧> and the refund goes to ⟦H7ETH⟧", "ts": "⟦~H7SLACKTS⟧"}]',
        'From ⟦H7EMLINK⟧ ⟦~H7MBOXDATE⟧\nReturn-Path: <⟦H7EMAGAIN⟧>\nReceived: from [⟦H7IP⟧] by mx01 with ESMTPSA id ⟦~H7MSGID⟧;\n\t⟦~H7RFC2822⟧\nFrom: "{first} {last}" <⟦H7EMAGAIN⟧>\nTo: {first2} <⟦H7EM⟧>,\n "{org} Support" <⟦H7EM⟧>\nSubject: =?UTF-8?Q?Re=3A_r=C3=A9servation?=\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable\n\nBonjour, voici mon num=C3=A9ro : ⟦H7PH⟧ et ma date de naissance : ⟦H7DOBI⟧.=\n Le lien de paiement : ⟦H7URLP⟧\n',
        'Header: {"alg": "RS256", "kid": "⟦~H7SHA7⟧", "typ": "JWT"}\nPayload: {"iss": "⟦H7URLS⟧", "sub": "⟦~H7UUID⟧", "aud": "⟦~H7JTI⟧", "exp": ⟦~H7EPOCH⟧, "iat": ⟦~H7EPOCH⟧, "email": "⟦H7EM⟧", "email_verified": true, "phone_number": "⟦H7PHE⟧", "birthdate": "⟦H7DOBI⟧", "website": "⟦H7URLS⟧", "updated_at": ⟦~H7EPOCH⟧}',
        'import pytest\n\n\n@pytest.fixture\ndef customer():\n    return Customer(\n        email="⟦H7EM⟧",\n        phone="⟦H7PHE⟧",\n        birth_date=date.fromisoformat("⟦H7DOBI⟧"),\n        iban="⟦H7IBANC⟧",\n    )\n\n\ndef test_masks_the_card(customer):\n    assert mask("⟦H7CARD⟧") == "⟦~H7MASKED⟧"\n    assert customer.last_login_ip == "⟦H7IP⟧"\n    assert parse_version("⟦~H7VER⟧") >= (1, 0)',
        "\\documentclass[11pt]{moderncv}\n\\moderncvstyle{classic}\n\\name{{first}}{{last}}\n\\phone[mobile]{⟦H7PHI⟧}\n\\email{⟦H7EM⟧}\n\\extrainfo{Born ⟦H7DOB⟧}\n\\begin{document}\n\\makecvtitle\n\\section{Experience}\n\\cventry{⟦~H7YEARS⟧}{Engineer}{{org}}{}{}{Portfolio: \\href{⟦H7URLS⟧}{projects}; references from \\texttt{⟦H7EM⟧}}\n\\end{document}",
        "### Sync fails after upgrading to ⟦~H7VER⟧\n\n**Steps:** run `app sync --user ⟦H7EM⟧`\n\n<details><summary>Log</summary>\n\n```\n⟦~H7TS⟧ ERROR sync: connect to [⟦H7IP6⟧]:⟦~H7PORT⟧ failed (peer ⟦H7IP⟧)\n⟦~H7TS⟧ DEBUG client mac=⟦H7MAC⟧ build=⟦~H7SHA⟧\n```\n</details>\n\nSee also #⟦~H7ISSUE⟧ and ⟦H7URLS⟧.\ncc @{first}{last}, call me on ⟦H7PHE⟧ if that is easier",
        '# config.toml\n[owner]\nemail = "⟦H7EM⟧"\nphone = "⟦H7PHE⟧"\n\n[network]\nallow = ["⟦H7IP⟧", "⟦H7IP6⟧"]\ngateway_mac = "⟦H7MAC⟧"\nport = ⟦~H7PORT⟧\n\n[site]\nlocation = "⟦~H7COORD⟧"\n\n[release]\nversion = "⟦~H7VER⟧"\nchangelog = "⟦H7URLS⟧"',
        '{"__REALTIME_TIMESTAMP": "⟦~H7USEC⟧", "_BOOT_ID": "⟦~H7HEX32⟧", "_PID": "⟦~H7PID⟧", "_SYSTEMD_UNIT": "sshd.service", "MESSAGE": "Accepted publickey for deploy from ⟦H7IP⟧ port ⟦~H7SRCPORT⟧ ssh2"}\n{"__REALTIME_TIMESTAMP": "⟦~H7USEC⟧", "_SYSTEMD_UNIT": "postfix.service", "MESSAGE": "to=<⟦H7EM⟧>, relay=[⟦H7IP⟧]:25, status=sent"}',
        '{"info": {"_postman_id": "⟦~H7UUID⟧", "name": "Payouts", "schema": "⟦H7URLPM⟧"}, "item": [{"name": "create payout", "request": {"method": "POST", "url": {"raw": "⟦H7URLS⟧"}, "body": {"mode": "raw", "raw": "{\\"email\\": \\"⟦H7EM⟧\\", \\"phone\\": \\"⟦H7PHE⟧\\", \\"payout_address\\": \\"⟦H7BTC⟧\\", \\"iban\\": \\"⟦H7IBANC⟧\\"}"}}}]}',
    ],
}


REPEATS7 = 5  # documents per template: 79 templates, 395 documents, heldout6's size class


def _half(templates: dict[str, list[str]], tag: str, rnd: random.Random) -> list[dict]:
    cases = []
    for group, group_templates in templates.items():
        for i, template in enumerate(group_templates):
            for n in range(REPEATS7):
                case = fill(template, rnd, group if group != "tech" else LOCALES[n % len(LOCALES)])
                case.update(split="heldout7", batch="heldout7", locale=group, template=f"{group}/{tag}/{i}")
                cases.append(case)
    return cases


def build_heldout7() -> list[dict]:
    """Every template of KNOWN7 then NEW7 (per locale, then tech), REPEATS7 documents each, seed SEED7."""
    rnd = random.Random(SEED7)
    return _half(KNOWN7, "h7k", rnd) + _half(NEW7, "h7n", rnd)


def main() -> None:
    """Counts only: bench/phantom_pii_multilingual_data.py writes the batch into the set (never print spans)."""
    print_batch_counts(build_heldout7(), f"heldout7 (seed {SEED7})", ("h7k", "h7n"))


if __name__ == "__main__":
    main()
