"""`heldout8`: the eighth held-out batch for bench/phantom_pii_multilingual.json, written from the formats'
specifications while heldout7 was being tuned on, without reading servers/phantom/pii.py, pii_fields.py,
redaction.py or docs/phantom.md and without running any detector on it (not even on dev cases). It is
meant to be scored once.

Built by bench/phantom_pii_multilingual_data.py (which imports `build_heldout8` from here, last), seed
SEED8, split and batch "heldout8". Like heldout7 it is a fair sample in two halves of about equal size,
told apart by the template tag so each half can be scored on its own:
- known kinds, `<locale>/h8k/<n>` (41 templates): the kinds and writing styles the earlier batches used,
  sampled in about the proportion they have in the set (customer e-mails and complaint letters, HR and
  onboarding forms, CSV / semicolon / markdown tables of people, chat messages, invoices and transfer
  notices, appointment and telehealth reminders, delivery notices, clinical letters and clinic lists,
  insurance claims, hotel bookings and guest cards, e-mail signatures, support tickets, JSON and FHIR
  records, vCard, LDIF, access and syslog lines, `.env` files, SQL inserts, curl commands, wallet CSVs),
  written fresh: new wording, field orders, surrounding text and values;
- new kinds, `<locale>/h8n/<n>` (39 templates): document kinds no batch (heldout7's new half included)
  has used: residential tenancy papers (US rental application with the ABA routing number, UK tenancy
  deposit certificate, Mieterselbstauskunft, contratto di locazione with the codice fiscale, contrato de
  arrendamiento with the NIE, huurovereenkomst woonruimte, contrato de locação with CPF and CEP), gym and
  sports-club memberships (SEPA creditor identifiers and mandate references, licence numbers,
  medical-certificate dates), a Dutch health-insurance policy sheet (BSN), a FAFSA summary, an NHS
  blood-donor appointment, Medicare enrolment (MBI, DEA), a USPS label of a mail-order pharmacy, an
  Indian courier waybill (AWB, PIN code, ISO 6346 container number), an online GP consultation form,
  electoral registration (NINO), a GST invoice (GSTIN), a French tiers-payant certificate, bail
  d'habitation and tennis-club licence form (TVA intracommunautaire), a German sick note (eAU print
  with LANR/BSNR), FatturaPA XML (partita IVA), a Spanish padrón application, a Brazilian DANFE
  (44-digit NF-e access key), and in the technical group an OpenAPI example block, a Microsoft Teams
  chat export, a GraphQL response, a docker-compose file, SRT subtitles of a recorded support call,
  `git log` output with trailers, `nmap` output, Android logcat, an IVMS 101 travel-rule payload and a
  Stripe webhook event.
Each template is filled REPEATS8 times with fresh values; the technical group cycles through the locales.

Values come from heldout5's, heldout6's and heldout7's spec-built generators (registered again here under
H8 names: every H7 name is mirrored as the H8 name with the same generator), valid by their
specifications (libphonenumber, ISO/IEC 7812 with Luhn, SSA rules, NPI Luhn over 80840, NHS modulus 11,
ISO 13616, Base58Check/bech32/bech32m, EIP-55). The new hard negatives are built below from their own
specifications and checked in tests/test_pii_heldout8_set.py with python-stdnum where it has them.

What is and is not an entity follows heldout5's, heldout6's and heldout7's docstrings (a birth date only
by its cue or field; any telephone number with its extension in the span; punctuation outside spans;
`tel:` and `mailto:` schemes outside the span; names and street addresses unlabelled; personal
identifiers of other types are negatives). Where they are silent:
- An IMEI is a 15-digit Luhn-valid number and not a card (no card scheme issues 15-digit numbers outside
  the 34/37 range, and a TAC never starts 34/37 here): a negative. ABA routing numbers, DEA numbers,
  Medicare MBIs, GSTINs, partita IVA, USt-IdNr, TVA intracommunautaire, NIE, SEPA creditor identifiers
  (IBAN-shaped, `DE98ZZZ...`, check digits over the national part), BICs, mandate references, licence
  numbers, LANR/BSNR, NF-e access keys and CEPs are negatives.
- A SEPA creditor identifier is not an IBAN even though it is checked by the same MOD 97-10 rule.
- Move-in, tenancy start/end, membership start, purchase, enrolment, medical-certificate, incapacity
  (AU) and invoice dates, subtitle and log timestamps, `git log` Date lines, Teams `createdDateTime`
  and Stripe `created` values are not birth dates; a GraphQL `dateOfBirth`, an OpenAPI example field
  `date_of_birth` and a cue like `DOB`, `geboren`, `nato il` are.
- Microsoft Teams and GraphQL message ids that are 13-digit epoch milliseconds, Shopify-style `gid://`
  ids and Stripe object ids are negatives; the `gid://` id is not a URL (it names no host).
- An SRT subtitle writes the caller's words; a number read out in groups is labelled from its first
  digit to its last, as in heldout7's transcripts; the cue timing line is a negative.
- `git log` `Author:` and `Signed-off-by:` lines hold e-mail addresses (angle brackets outside); the
  commit hash is a negative.
- `nmap` prints `MAC Address: 00:1A:2B:... (Vendor)`: the address is labelled without the vendor.
- A docker-compose image digest (`sha256:...`), port mappings and published ports are negatives.
"""

from __future__ import annotations

import random
import string
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from phantom_pii_data import card  # noqa: E402
from phantom_pii_heldout5_data import _alnum, _hex, _pick, _siren  # noqa: E402
from phantom_pii_heldout6_data import LOCALES, _aba, _dea, _recent  # noqa: E402
from phantom_pii_heldout7_data import _cnpj  # noqa: E402  (also registers every H7 name)
from phantom_pii_multilingual_data import NEGATIVES, VALUES, digits, fill, print_batch_counts  # noqa: E402

SEED8 = 8808
UP = string.ascii_uppercase
ALNUM = UP + string.digits

# heldout7's generators under H8 names (the registries are shared by name across modules: the H8 copies
# leave every H7 entry as it was)
VALUES.update({"H8" + name[2:]: entry for name, entry in list(VALUES.items()) if name.startswith("H7")})
NEGATIVES.update({"H8" + name[2:]: make for name, make in list(NEGATIVES.items()) if name.startswith("H7")})


# -- new hard negatives built from their specifications ----------------------------------------------


def _imei(rnd: random.Random) -> str:
    """IMEI (3GPP TS 23.003): eight-digit TAC, six-digit serial, Luhn check digit; printed plain or in
    the AA-BBBBBB-CCCCCC-D grouping of device labels."""
    n = card(rnd, rnd.choice(["35", "86", "01", "49"]) + digits(rnd, 6), 15)
    return _pick(rnd, [n, f"{n[:2]}-{n[2:8]}-{n[8:14]}-{n[14]}", n])


_MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"  # CMS: no S, L, O, I, B, Z


def _mbi(rnd: random.Random) -> str:
    """Medicare Beneficiary Identifier (CMS): C A AN N A AN N A A N N, letters without S L O I B Z."""
    an = _MBI_ALPHA + string.digits
    n = (
        f"{rnd.choice('123456789')}{rnd.choice(_MBI_ALPHA)}{rnd.choice(an)}{digits(rnd, 1)}"
        f"{rnd.choice(_MBI_ALPHA)}{rnd.choice(an)}{digits(rnd, 1)}{rnd.choice(_MBI_ALPHA)}"
        f"{rnd.choice(_MBI_ALPHA)}{digits(rnd, 2)}"
    )
    return _pick(rnd, [n, f"{n[:4]}-{n[4:7]}-{n[7:]}"])


def _gs1_check(body: str) -> str:
    total = sum(int(c) * (3 if (len(body) - i) % 2 == 1 else 1) for i, c in enumerate(body))
    return str((10 - total % 10) % 10)


def _usps(rnd: random.Random) -> str:
    """USPS Intelligent Mail package barcode: 22 digits (channel 94001, 16 digits, GS1 mod-10 check),
    printed in groups of four."""
    body = "94001" + digits(rnd, 16)
    n = body + _gs1_check(body)
    return _pick(rnd, [" ".join(n[i : i + 4] for i in range(0, 22, 4)), n])


def _container(rnd: random.Random) -> str:
    """ISO 6346 container number: owner code, category U, six digits, check digit (letters 10..38
    skipping multiples of 11, weights 2^i, mod 11 mod 10)."""
    values, v = {}, 10
    for c in UP:
        if v % 11 == 0:
            v += 1
        values[c] = v
        v += 1
    body = _alnum(rnd, 3, UP) + "U" + digits(rnd, 6)
    total = sum((values[c] if c.isalpha() else int(c)) * 2**i for i, c in enumerate(body))
    n = body + str(total % 11 % 10)
    return _pick(rnd, [n, f"{n[:4]} {n[4:10]} {n[10]}"])


_GST_ALPHABET = string.digits + UP


def _gstin(rnd: random.Random) -> str:
    """Indian GSTIN: state code, the holder's PAN, entity number, Z, a Luhn mod 36 check character."""
    pan = f"{_alnum(rnd, 3, UP)}{rnd.choice('PCF')}{rnd.choice(UP)}{digits(rnd, 4)}{rnd.choice(UP)}"
    body = f"{rnd.randint(1, 37):02d}{pan}{rnd.choice('123456789')}Z"
    total = 0
    for i, c in enumerate(reversed(body)):
        p = _GST_ALPHABET.index(c) * (2 if i % 2 == 0 else 1)
        total += p // 36 + p % 36
    return body + _GST_ALPHABET[(36 - total % 36) % 36]


def _tva_fr(rnd: random.Random) -> str:
    """French intra-community VAT number: FR, key (12 + 3 * (SIREN mod 97)) mod 97, SIREN."""
    siren = _siren(rnd)
    return _pick(
        rnd,
        [
            f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}",
            f"FR {(12 + 3 * (int(siren) % 97)) % 97:02d} {siren[:3]} {siren[3:6]} {siren[6:]}",
        ],
    )


def _ustid(rnd: random.Random) -> str:
    """German USt-IdNr: DE and nine digits, the last an ISO 7064 MOD 11,10 check digit."""
    body = rnd.choice("123456789") + digits(rnd, 7)
    p = 10
    for c in body:
        s = (int(c) + p) % 10 or 10
        p = 2 * s % 11
    return f"DE{body}{(11 - p) % 10}"


def _piva(rnd: random.Random) -> str:
    """Italian partita IVA: seven digits, a tax-office code 001-100, Luhn check digit."""
    return card(rnd, digits(rnd, 7) + f"{rnd.randint(1, 100):03d}", 11)


def _nie(rnd: random.Random) -> str:
    """Spanish NIE: X, Y or Z (as 0, 1, 2), seven digits, control letter mod 23."""
    first, body = rnd.choice("XYZ"), digits(rnd, 7)
    return f"{first}{body}{'TRWAGMYFPDXBNJZSQVHLCKE'[int(str('XYZ'.index(first)) + body) % 23]}"


def _creditor_id(rnd: random.Random) -> str:
    """SEPA creditor identifier (EPC262-08): country, MOD 97-10 check digits over the national id and
    the country (the ZZZ business code left out), ZZZ, national id."""
    country = rnd.choice(["DE", "NL", "FR", "ES", "IT"])
    national = {
        "DE": lambda: "0" + digits(rnd, 10),
        "NL": lambda: digits(rnd, 12),
        "FR": lambda: _alnum(rnd, 6, ALNUM),
        "ES": lambda: "B" + digits(rnd, 8),
        "IT": lambda: digits(rnd, 11),
    }[country]()
    check = 98 - int("".join(str(int(c, 36)) for c in national + country + "00")) % 97
    return f"{country}{check:02d}ZZZ{national}"


def _bic(rnd: random.Random) -> str:
    country = rnd.choice(["DE", "FR", "NL", "IT", "ES", "GB", "BR", "IN", "US"])
    return f"{_alnum(rnd, 4, UP)}{country}{_alnum(rnd, 2, UP + '23456789')}{_pick(rnd, ['', 'XXX', digits(rnd, 3)])}"


def _lanr(rnd: random.Random) -> str:
    """German lifelong doctor number (LANR): six digits, a check digit (weights 4 9 4 9 4 9, 10 - sum
    mod 10), two-digit specialty group."""
    six = digits(rnd, 6)
    check = (10 - sum(int(c) * w for c, w in zip(six, [4, 9, 4, 9, 4, 9], strict=True)) % 10) % 10
    return f"{six}{check}{rnd.choice(['01', '03', '23', '34', '46', '60'])}"


def _nfe_key(rnd: random.Random) -> str:
    """NF-e access key (chave de acesso): 43 digits (state, year-month, CNPJ, model 55, series, number,
    emission type, random code) and a mod-11 check digit (weights 2..9 from the right), in fours."""
    cnpj = "".join(c for c in _cnpj(rnd) if c.isdigit())
    body = f"{rnd.choice([35, 33, 31, 41, 43])}{rnd.randint(20, 26)}{rnd.randint(1, 12):02d}{cnpj}55{rnd.randint(1, 9):03d}{digits(rnd, 9)}1{digits(rnd, 8)}"
    total = sum(int(c) * (2 + i % 8) for i, c in enumerate(reversed(body)))
    n = body + str(0 if total % 11 < 2 else 11 - total % 11)
    return " ".join(n[i : i + 4] for i in range(0, 44, 4))


def _srt_time(rnd: random.Random) -> str:
    start = rnd.randint(5, 900)
    end = start + rnd.randint(2, 6)

    def ts(s: int) -> str:
        return f"00:{s // 60:02d}:{s % 60:02d},{rnd.randint(0, 999):03d}"

    return f"{ts(start)} --> {ts(end)}"


def _git_date(rnd: random.Random) -> str:
    day = _recent(rnd)
    hms = f"{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}"
    return f"{day.strftime('%a %b')} {day.day} {hms} {day.year} {rnd.choice(['+0100', '+0200', '-0500', '+0530'])}"


def _logcat_ts(rnd: random.Random) -> str:
    day = _recent(rnd)
    return f"{day.month:02d}-{day.day:02d} {rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}.{digits(rnd, 3)}"


def _iso_ts(rnd: random.Random) -> str:
    day = _recent(rnd)
    return f"{day.isoformat()}T{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}.{digits(rnd, 3)}Z"


NEGATIVES.update(
    {
        "H8IMEI": _imei,
        "H8ABA": _aba,
        "H8DEA": _dea,
        "H8MBI": _mbi,
        "H8USPS": _usps,
        "H8CONTAINER": _container,
        "H8GSTIN": _gstin,
        "H8TVA": _tva_fr,
        "H8USTID": _ustid,
        "H8PIVA": _piva,
        "H8NIE": _nie,
        "H8CI": _creditor_id,
        "H8BIC": _bic,
        "H8LANR": _lanr,
        "H8BSNR": lambda r: f"{r.randint(1, 99):02d}{digits(r, 7)}",
        "H8NFE": _nfe_key,
        "H8CEP": lambda r: f"{r.randint(1000, 99999):05d}-{digits(r, 3)}",
        "H8PIN": lambda r: f"{r.randint(1, 8)}{digits(r, 5)}",
        "H8AWB": lambda r: digits(r, r.choice([12, 13, 14])),
        "H8SERIAL": lambda r: _pick(
            r, [f"SN{_alnum(r, 10)}", f"{_alnum(r, 4)}-{_alnum(r, 4)}-{_alnum(r, 4)}", _alnum(r, 12)]
        ),
        "H8MANDATE": lambda r: _pick(
            r,
            [
                f"MR-{digits(r, 8)}",
                f"{_alnum(r, 3, UP)}{digits(r, 10)}",
                f"M{r.randint(2019, 2026)}-{digits(r, 6)}",
            ],
        ),
        "H8LICENCE": lambda r: _pick(
            r,
            [
                f"{digits(r, 7)}{r.choice(UP)}",
                f"{r.choice(UP)}{digits(r, 8)}",
                f"{digits(r, 2)}-{digits(r, 6)}",
            ],
        ),
        "H8POLICY": lambda r: _pick(
            r, [digits(r, 9), f"{digits(r, 3)}.{digits(r, 3)}.{digits(r, 3)}", f"P{digits(r, 8)}"]
        ),
        "H8DEPOSIT": lambda r: _pick(
            r, [f"DPS{digits(r, 8)}", f"TDS-{digits(r, 7)}", f"{_alnum(r, 2, UP)}{digits(r, 9)}"]
        ),
        "H8EPOCHMS": lambda r: str(r.randint(1_650_000_000_000, 1_800_000_000_000)),
        "H8GID": lambda r: (
            f"gid://shopify/{r.choice(['Customer', 'Order', 'MailingAddress'])}/{digits(r, 13)}"
        ),
        "H8STRIPE": lambda r: (
            f"{r.choice(['cus_', 'pi_', 'ch_', 'pm_'])}{_alnum(r, r.choice([14, 24]), string.ascii_letters + string.digits)}"
        ),
        "H8EVT": lambda r: f"evt_{_alnum(r, 24, string.ascii_letters + string.digits)}",
        "H8SRT": _srt_time,
        "H8DIGEST": lambda r: f"sha256:{_hex(r, 64)}",
        "H8PORTMAP": lambda r: r.choice(["8080:80", "5432:5432", "443:8443", "6379:6379", "9000:9000"]),
        "H8GITDATE": _git_date,
        "H8LOGCAT": _logcat_ts,
        "H8ISOTS": _iso_ts,
        "H8LATENCY": lambda r: f"{r.randint(0, 90)}.{digits(r, 4)}s",
        "H8NMAPVER": lambda r: r.choice(["7.94", "7.93", "7.95", "7.80"]),
        "H8HEIGHT": lambda r: r.choice(["5'4\"", "5'9\"", "6'1\"", "162 cm", "175 cm"]),
        "H8CVV": lambda r: digits(r, 3),
        "H8SKU": lambda r: f"{_alnum(r, 3, UP)}-{digits(r, 5)}-{_alnum(r, 2, UP)}",
        "H8ROOM": lambda r: f"{r.randint(1, 9)}{r.randint(0, 3)}{r.randint(1, 9)}",
        "H8ZIP": lambda r: f"{digits(r, 5)}-{digits(r, 4)}",
        "H8ICD": lambda r: r.choice(["J06.9", "M54.5", "F32.1", "A09.9", "R51", "S93.4", "K52.9", "J20.9"]),
        "H8FOLIO": lambda r: f"{r.randint(100, 999)}/{r.randint(2023, 2026)}",
        "H8SDI": lambda r: _alnum(r, 7, ALNUM),
        "H8ISODATE": lambda r: _recent(r).isoformat(),
    }
)


# -- known kinds: what the earlier batches used, sampled in proportion, written fresh ----------------

KNOWN8: dict[str, list[str]] = {
    "en-US": [
        "Hi there,\n\nMy name is {first} {last} and I'm writing because my refund for order ⟦~H8ORDER⟧ never arrived. I paid with ⟦H8CARD⟧ on ⟦~H8DUS⟧ (gift card ⟦~H8CARDLIKE⟧ covered the rest). You can text me at ⟦H8PH⟧ or email ⟦H8EM⟧ — I'd rather not wait on hold again.\n\nBest,\n{first}",
        "ONBOARDING — {org} Staffing\nLegal name: {last}, {first}\nSSN: ⟦H8SSN⟧\nDOB: ⟦H8DOB⟧\nStart date: ⟦~H8DUS⟧\nHome phone: ⟦H8PH⟧    Work: ⟦H8PHX⟧\nDirect deposit routing ⟦~H8ABA⟧, account ⟦~H8ACCT⟧\nEmergency contact: {first2} {last}, ⟦H8PH⟧",
        "Dear {first},\n\nThis confirms your telehealth visit with {first2} {last}, PA-C (NPI ⟦H8NPI⟧) on ⟦~H8DUS⟧ at ⟦~H8HHMM⟧. Join at ⟦H8URL⟧ a few minutes early. We have your date of birth as ⟦H8DOB⟧; if that is wrong, call ⟦H8PHX⟧.\n\n{org} Health",
        "Ticket ⟦~H8CASE⟧ — account locked\nCustomer: {first} {last}, SSN ⟦H8SSN⟧, DOB ⟦H8DOB⟧\nWithdrawal to ⟦H8BTC⟧ blocked on ⟦~H8DUS⟧; previous payout went to ⟦H8ETH⟧.\nCustomer asks for a callback on ⟦H8PH⟧. App ⟦~H8VER⟧, tx ⟦~H8TXID⟧.",
        "Member,Member DOB,SSN,Provider NPI,Date of service,Claim,Prior auth\n{last} {first},⟦H8DOB⟧,⟦H8SSN⟧,⟦H8NPI⟧,⟦~H8DUS⟧,⟦~H8CASE⟧,⟦~H8NPILIKE⟧\n{last} {first2},⟦H8DOB⟧,⟦H8SSN⟧,⟦H8NPI⟧,⟦~H8DUS⟧,⟦~H8CASE⟧,⟦~H8NPILIKE⟧",
    ],
    "en-GB": [
        "Dear {first},\n\nFollowing your appointment on ⟦~H8DGB⟧ I enclose the discharge summary for {first2} {last} (NHS number ⟦H8NHS⟧, born ⟦H8DOB⟧). The ward can be reached on ⟦H8PHX⟧ and the consultant's secretary at ⟦H8EM⟧. Hospital number ⟦~H8NHSLIKE⟧. Follow-up booked for ⟦~H8DGB⟧.\n\nKind regards,\nDr {last}",
        "Booking confirmed — {org} Hotel\nGuest: {first} {last}\nArrival: ⟦~H8DGB⟧  Departure: ⟦~H8DGB⟧  Room ⟦~H8ROOM⟧\nCard held for guarantee: ⟦H8CARD⟧ (exp ⟦~H8EXP⟧)\nContact: ⟦H8PH⟧ / ⟦H8EM⟧\nManage your booking: ⟦H8URL⟧",
        "{first} {last} | Head of Operations\n{org} Ltd\nT ⟦H8PH⟧  M ⟦H8PH⟧\n⟦H8EM⟧\n⟦H8URL⟧\nRegistered in England and Wales no. ⟦~H8KVK⟧",
        "Clinic list ⟦~H8DGB⟧\nNHS No.,Name,DOB,Phone,Hosp No.\n⟦H8NHS⟧,{last} {first},⟦H8DOB⟧,⟦H8PH⟧,⟦~H8NHSLIKE⟧\n⟦H8NHSP⟧,{last} {first2},⟦H8DOB⟧,⟦H8PH⟧,⟦~H8NHSLIKE⟧",
        "Your payment to {first} {last} has been set up.\nTo: ⟦H8IBAN⟧ (sort code ⟦~H8SORT⟧)\nAmount: £⟦~H8AMTGB⟧ on ⟦~H8DGB⟧\nReference: ⟦~H8ORDER⟧\nIf you didn't do this, call us on ⟦H8PHN⟧.",
    ],
    "en-IN": [
        "Dear {first} {last}, your order ⟦~H8ORDER⟧ is out for delivery today. Delivery partner: ⟦H8PH⟧. Track at ⟦H8URL⟧ (AWB ⟦~H8AWB⟧, OTP valid till ⟦~H8DIN⟧). For help write to ⟦H8EM⟧.",
        "| Emp ID | Name | DOB | Mobile | Email |\n|---|---|---|---|---|\n| ⟦~H8EMPID⟧ | {first} {last} | ⟦H8DOB⟧ | ⟦H8PH⟧ | ⟦H8EM⟧ |\n| ⟦~H8EMPID⟧ | {first2} {last} | ⟦H8DOB⟧ | ⟦H8PH⟧ | ⟦H8EM⟧ |",
        "{first}: bhai send me the card details for the booking\n{first2}: ⟦H8CARD⟧ exp ⟦~H8EXP⟧\n{first}: and the IBAN for the Dubai transfer?\n{first2}: ⟦H8IBAN⟧, call me on ⟦H8PH⟧ if it fails",
    ],
    "fr-FR": [
        "Madame, Monsieur,\n\nSuite au sinistre du ⟦~H8DFR⟧ (contrat ⟦~H8CASE⟧), je vous prie de verser l'indemnité sur mon compte ⟦H8IBAN⟧. Je suis joignable au ⟦H8PH⟧ ou par courriel à ⟦H8EM⟧. Pour mémoire, je suis né le ⟦H8DOB⟧.\n\n{first} {last}",
        "Rappel : votre rendez-vous chez le Dr {last} est fixé au ⟦~H8DFR⟧ à ⟦~H8HHMM⟧. Pour annuler, appelez le ⟦H8PHX⟧ ou rendez-vous sur ⟦H8URL⟧. Référence patient ⟦~H8CASE⟧, ordonnance du ⟦~H8DFR⟧.",
        "nom;prénom;né(e) le;téléphone;courriel;carte\n{last};{first};⟦H8DOB⟧;⟦H8PH⟧;⟦H8EM⟧;⟦H8CARD⟧\n{last};{first2};⟦H8DOB⟧;⟦H8PH⟧;⟦H8EM⟧;⟦H8CARD⟧",
    ],
    "de-DE": [
        "Hallo {first},\n\nanbei die Daten für die Überweisung: IBAN ⟦H8IBAN⟧, Verwendungszweck ⟦~H8ORDER⟧. Falls etwas fehlt, ruf mich unter ⟦H8PH⟧ an oder schreib an ⟦H8EM⟧.\n\nLG {first2}",
        "Anmeldung Neukunde\nName: {first} {last}\nGeburtsdatum: ⟦H8DOB⟧\nMobil: ⟦H8PH⟧\nE-Mail: ⟦H8EM⟧\nZahlungsart: Kreditkarte ⟦H8CARD⟧\nKunde seit: ⟦~H8DDE⟧\nKundennummer: ⟦~H8ORDER⟧\nGerät: ⟦~H8VER⟧",
        "Rechnung Nr. ⟦~H8ORDER⟧ vom ⟦~H8DDE⟧\n{org} GmbH · USt-IdNr. ⟦~H8USTID⟧\nBetrag: ⟦~H8AMTDE⟧ EUR, zahlbar bis ⟦~H8DDE⟧ auf ⟦H8IBAN⟧ (BIC ⟦~H8BIC⟧)\nFragen: ⟦H8PHX⟧ · ⟦H8EM⟧ · ⟦H8URL⟧",
        "Ihre Sendung ⟦~H8S10⟧ wird heute zugestellt. Der Fahrer erreicht Sie unter ⟦H8PH⟧. Abstellgenehmigung erteilen: ⟦H8URL⟧ · Zustellfenster ⟦~H8HHMM⟧–⟦~H8HHMM⟧ am ⟦~H8DDE⟧",
    ],
    "it-IT": [
        "Gentile {first} {last},\nle confermiamo la prenotazione per il ⟦~H8DIT⟧. Per modifiche chiami il ⟦H8PH⟧ o scriva a ⟦H8EM⟧. Caparra addebitata sulla carta ⟦H8CARD⟧ (autorizzazione ⟦~H8CASE⟧, ⟦~H8DIT⟧).\nCordiali saluti, {org}",
        "SCHEDA DIPENDENTE\nCognome e nome: {last} {first}\nNato il: ⟦H8DOB⟧\nCodice fiscale: ⟦~H8CF⟧\nCellulare: ⟦H8PH⟧\nIBAN stipendio: ⟦H8IBAN⟧\nEmail: ⟦H8EM⟧",
        "{first}: mi mandi l'IBAN per la quota del regalo?\n{first2}: ⟦H8IBAN⟧ intestato a me\n{first}: ok, per qualsiasi cosa ⟦H8PH⟧\n{first2}: causale ⟦~H8ORDER⟧ mi raccomando",
    ],
    "es-ES": [
        "Estimado/a {first}:\nSu cita en {org} es el ⟦~H8DES⟧ a las ⟦~H8HHMM⟧. Si no puede acudir, llame al ⟦H8PHX⟧ o cancele en ⟦H8URL⟧. Recuerde traer su DNI ⟦~H8DNI⟧.",
        "FICHA DE HUÉSPED\nNombre: {first} {last}\nFecha de nacimiento: ⟦H8DOB⟧\nNacionalidad: española\nTeléfono: ⟦H8PH⟧\nEmail: ⟦H8EM⟧\nTarjeta: ⟦H8CARD⟧\nLlegada ⟦~H8DES⟧    Salida ⟦~H8DES⟧    Habitación ⟦~H8ROOM⟧",
        "Transferencia realizada ⟦~H8ORDER⟧\nOrdenante: {first} {last} — ⟦H8IBAN⟧\nBeneficiario: {org} — ⟦H8IBAN⟧\nImporte: ⟦~H8AMTES⟧ €\nFecha valor: ⟦~H8DES⟧\nAviso enviado a ⟦H8EM⟧",
    ],
    "nl-NL": [
        "Hoi {first},\nJe pakket ⟦~H8ORDER⟧ (besteld op ⟦~H8DNL⟧) komt morgen tussen ⟦~H8HHMM⟧ en ⟦~H8HHMM⟧. Niet thuis? Wijzig de bezorging op ⟦H8URL⟧ of bel ⟦H8PH⟧.",
        "Geachte heer/mevrouw {last},\n\nUw declaratie ⟦~H8CASE⟧ van ⟦~H8DNL⟧ is goedgekeurd. Wij maken ⟦~H8AMTNL⟧ euro over naar ⟦H8IBAN⟧. Vragen? Mail ⟦H8EM⟧ of bel ⟦H8PHX⟧. Geboortedatum verzekerde: ⟦H8DOB⟧.",
        "personeelsnr,naam,geboortedatum,telefoon,iban\n⟦~H8EMPID⟧,{first} {last},⟦H8DOB⟧,⟦H8PH⟧,⟦H8IBAN⟧\n⟦~H8EMPID⟧,{first2} {last},⟦H8DOB⟧,⟦H8PH⟧,⟦H8IBAN⟧",
    ],
    "pt-BR": [
        "Oi {first}! Seu boleto ⟦~H8ORDER⟧ vence ⟦~H8DBR⟧. Pague com cartão ⟦H8CARD⟧ pelo app ou em ⟦H8URL⟧. Dúvidas: ⟦H8PH⟧ ou ⟦H8EM⟧.",
        "FICHA CADASTRAL\nNome: {first} {last}\nNascimento: ⟦H8DOB⟧\nCPF: ⟦~H8CPF⟧\nTelefone: ⟦H8PH⟧\nE-mail: ⟦H8EM⟧\nConta internacional: ⟦H8IBAN⟧\nCadastro em: ⟦~H8DBR⟧\nProtocolo: ⟦~H8CASE⟧",
        "⟦~H8CHATTS⟧ - {first}: manda o número do técnico\n⟦~H8CHATTS⟧ - {first2}: ⟦H8PH⟧, fala que é da parte de {last}\n⟦~H8CHATTS⟧ - {first}: e o email dele? ⟦H8EM⟧ né\n⟦~H8CHATTS⟧ - {first2}: isso. e o IMEI do celular roubado é ⟦~H8IMEI⟧",
    ],
    "tech": [
        '⟦H8IP⟧ - - [⟦~H8CLF⟧] "GET /account/reset?user=⟦H8EM⟧ HTTP/2.0" 302 0 "⟦H8URLS⟧" "curl/⟦~H8VER⟧"\n⟦H8IP6⟧ - - [⟦~H8CLF⟧] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/⟦~H8VER⟧"',
        "BEGIN:VCARD\nVERSION:4.0\nFN:{first} {last}\nUID:urn:uuid:⟦~H8UUID⟧\nTEL;TYPE=cell:⟦H8PHE⟧\nEMAIL:⟦H8EM⟧\nBDAY:⟦H8DOBB⟧\nURL:⟦H8URLS⟧\nREV:⟦~H8ISOTS⟧\nEND:VCARD",
        '{"resourceType": "Patient", "id": "⟦~H8UUID⟧", "name": [{"family": "{last}", "given": ["{first}"]}], "birthDate": "⟦H8DOBI⟧", "telecom": [{"system": "phone", "value": "⟦H8PHE⟧"}, {"system": "email", "value": "⟦H8EM⟧"}], "meta": {"lastUpdated": "⟦~H8ISOTS⟧"}}',
        "SMTP_FROM=⟦H8EM⟧\nSUPPORT_PHONE=⟦H8PHE⟧\nDB_HOST=⟦H8IP⟧\nDB_PORT=⟦~H8PORT⟧\nSENTRY_RELEASE=⟦~H8VER⟧\nPUBLIC_URL=⟦H8URLS⟧\nGIT_SHA=⟦~H8SHA7⟧\nSTORE_GEO=⟦~H8COORD⟧",
        "⟦~H8TS⟧ mail01 postfix/smtp[⟦~H8PID⟧]: ⟦~H8HEX32⟧: to=<⟦H8EM⟧>, relay=mx.example.net[⟦H8IP⟧]:25, status=bounced\n⟦~H8TS⟧ mail01 kernel: eth0: link up, peer ⟦H8MAC⟧",
        "INSERT INTO patients (mrn, dob, phone, nhs_no) VALUES ('⟦~H8MRN⟧', '⟦H8DOBI⟧', '⟦H8PHE⟧', '⟦H8NHSP⟧');\nINSERT INTO providers (npi, email) VALUES ('⟦H8NPIP⟧', '⟦H8EM⟧');",
        'curl -X POST ⟦H8URLS⟧ \\\n  -H "Content-Type: application/json" \\\n  -d \'{"email": "⟦H8EM⟧", "card": "⟦H8CARD⟧", "ssn": "⟦H8SSN⟧", "btc": "⟦H8BTC⟧"}\'',
        "address,network,label,added\n⟦H8BTC⟧,bitcoin,{first} savings,⟦~H8ISODATE⟧\n⟦H8ETH⟧,ethereum,⟦H8EM⟧,⟦~H8ISODATE⟧\n⟦H8BTC⟧,bitcoin,exchange deposit ⟦~H8ORDER⟧,⟦~H8ISODATE⟧",
        "dn: uid={first},ou=people,dc=example,dc=org\nmail: ⟦H8EM⟧\ntelephoneNumber: ⟦H8PHE⟧\nhomePostalAddress: {last} house\nipHostNumber: ⟦H8IP⟧\nmacAddress: ⟦H8MAC⟧\nethWallet: ⟦H8ETH⟧",
    ],
}


# -- new kinds: document kinds no earlier batch used --------------------------------------------------

NEW8: dict[str, list[str]] = {
    "en-US": [
        "RENTAL APPLICATION — {org} Property Management\nApplicant: {first} {last}    Date of birth: ⟦H8DOB⟧    SSN: ⟦H8SSN⟧\nCell: ⟦H8PH⟧    Email: ⟦H8EM⟧\nDesired move-in date: ⟦~H8DUS⟧    Lease term: ⟦~H8DUS⟧ to ⟦~H8DUS⟧\nCurrent landlord: {first2} {last}, ⟦H8PH⟧\nApplication fee charged to ⟦H8CARD⟧\nRent auto-pay: routing ⟦~H8ABA⟧, account ⟦~H8ACCT⟧",
        "APPLICATION FOR ENROLLMENT IN MEDICARE PART B\n1. Name: {first} {last}\n2. Medicare number: ⟦~H8MBI⟧\n3. Date of birth: ⟦H8DOB⟧\n4. Phone: ⟦H8PH⟧\n5. Social Security number: ⟦H8SSN⟧\nReferring physician: Dr. {first2} {last}, NPI ⟦H8NPI⟧, DEA ⟦~H8DEA⟧\nSigned ⟦~H8DUS⟧",
        "USPS PRIORITY MAIL\nSHIP TO: {first} {last}\n1450 Oak Ridge Dr, Austin TX ⟦~H8ZIP⟧\nPhone: ⟦H8PH⟧\nUSPS TRACKING # ⟦~H8USPS⟧\nNotify: ⟦H8EM⟧\nRef ⟦~H8ORDER⟧ · ship date ⟦~H8DUS⟧\nContents: mail-order Rx ⟦~H8CASE⟧, prescriber NPI ⟦H8NPI⟧",
        "FAFSA Submission Summary — ⟦~H8YEAR⟧\nStudent: {first} {last}    SSN: ⟦H8SSN⟧    Date of birth: ⟦H8DOB⟧\nParent: {first2} {last}    SSN: ⟦H8SSN⟧    Date of birth: ⟦H8DOB⟧\nStudent email: ⟦H8EM⟧    Phone: ⟦H8PH⟧\ntransaction ⟦~H8UUID⟧ · submitted ⟦~H8DUS⟧ · DRN ⟦~H8LAST4⟧",
        "{org} FITNESS — MEMBERSHIP AGREEMENT\nMember: {first} {last}    DOB: ⟦H8DOB⟧\nPhone: ⟦H8PHX⟧    Email: ⟦H8EM⟧\nEmergency contact: {first2} {last} ⟦H8PH⟧\nMembership start: ⟦~H8DUS⟧    Key tag: ⟦~H8CARDLIKE⟧\nMonthly dues billed to ⟦H8CARD⟧",
    ],
    "en-GB": [
        "DEPOSIT PROTECTION CERTIFICATE\nDeposit ID: ⟦~H8DEPOSIT⟧    Amount: £⟦~H8AMTGB⟧\nTenancy start: ⟦~H8DGB⟧    Tenancy end: ⟦~H8DGB⟧\nLead tenant: {first} {last}, born ⟦H8DOB⟧\nTenant contact: ⟦H8PH⟧ · ⟦H8EM⟧\nRepayment account: ⟦H8IBAN⟧\nLandlord: {first2} {last}, ⟦H8PH⟧",
        "Online consultation — {org} Surgery\nPatient: {first} {last}\nNHS number: ⟦H8NHS⟧\nDate of birth: ⟦H8DOB⟧\nSymptoms started: ⟦~H8DGB⟧\nBest number to call: ⟦H8PH⟧\nEmail for replies: ⟦H8EM⟧\nSubmitted ⟦~H8DGB⟧ ⟦~H8HHMM⟧ · request ⟦~H8NHSLIKE⟧",
        "NHS Blood and Transplant — your donation appointment\nDonor: {first} {last}    Donor no. ⟦~H8DEPOSIT⟧\nNHS number ⟦H8NHSP⟧    Date of birth ⟦H8DOB⟧\nSession: ⟦~H8DGB⟧ at ⟦~H8HHMM⟧, {org} Community Centre\nLast donation ⟦~H8DGB⟧\nChange it at ⟦H8URL⟧ or call ⟦H8PHN⟧; we text ⟦H8PH⟧",
        "Invitation to Register — Electoral Registration Office\nName: {first} {last}\nNational Insurance number: ⟦~H8NINO⟧\nDate of birth: ⟦H8DOB⟧\nTelephone: ⟦H8PHN⟧\nEmail: ⟦H8EM⟧\nRegister online at ⟦H8URL⟧ by ⟦~H8DGB⟧",
        "{org} Gym — Direct Debit Instruction\nMember: {first} {last} (no. ⟦~H8EMPID⟧)\nDate of birth: ⟦H8DOB⟧\nAccount: ⟦H8IBAN⟧    Sort code ⟦~H8SORT⟧\nJoining fee paid by card ⟦H8CARD⟧\nFirst collection ⟦~H8DGB⟧ · queries ⟦H8PHX⟧",
    ],
    "en-IN": [
        "TAX INVOICE — {org} Traders\nGSTIN: ⟦~H8GSTIN⟧\nInvoice No. ⟦~H8ORDER⟧    Date: ⟦~H8DIN⟧\nBill to: {first} {last}, GSTIN ⟦~H8GSTIN⟧\nMobile ⟦H8PH⟧ · ⟦H8EM⟧\nPaid by card ⟦H8CARD⟧ · verify at ⟦H8URL⟧",
        "WAYBILL — {org} Express\nAWB No: ⟦~H8AWB⟧\nConsignee: {first} {last}, Pune ⟦~H8PIN⟧\nPhone: ⟦H8PH⟧ · Alt ⟦H8PHI⟧\nCOD ₹⟦~H8AMTIN⟧ · Pickup ⟦~H8DIN⟧ · import container ⟦~H8CONTAINER⟧\nTrack: ⟦H8URL⟧",
    ],
    "fr-FR": [
        "ATTESTATION DE TIERS PAYANT — {org} Mutuelle\nAdhérent : {first} {last}\nN° de sécurité sociale : ⟦~H8NIR⟧\nDate de naissance : ⟦H8DOB⟧\nN° AMC : ⟦~H8POLICY⟧    Validité : du ⟦~H8PERIODFR⟧\nService adhérents : ⟦H8PH⟧ — ⟦H8URL⟧",
        "CONTRAT DE LOCATION — LOGEMENT NU\nLocataire : {first} {last}, né(e) le ⟦H8DOB⟧\nTéléphone : ⟦H8PH⟧ — Courriel : ⟦H8EM⟧\nPrise d'effet : ⟦~H8DFR⟧    Durée : 3 ans\nDépôt de garantie : ⟦~H8AMTFR⟧ € versé depuis ⟦H8IBAN⟧\nBailleur : {first2} {last}, ⟦H8PHI⟧",
        "INSCRIPTION — {org} Tennis Club, saison ⟦~H8YEAR⟧\nNom : {last}    Prénom : {first}\nDate de naissance : ⟦H8DOB⟧\nLicence n° ⟦~H8LICENCE⟧    Club affilié, TVA ⟦~H8TVA⟧    Certificat médical du ⟦~H8DFR⟧\nPortable : ⟦H8PH⟧    En cas d'urgence : ⟦H8PH⟧\nCourriel : ⟦H8EM⟧\nCotisation réglée par carte ⟦H8CARD⟧",
    ],
    "de-DE": [
        "MIETERSELBSTAUSKUNFT\nName, Vorname: {last}, {first}\nGeburtsdatum: ⟦H8DOB⟧\nTelefon: ⟦H8PH⟧    E-Mail: ⟦H8EM⟧\nArbeitgeber: {org} GmbH, Tel. ⟦H8PHX⟧\nGewünschter Einzug: ⟦~H8DDE⟧\nMietkaution von ⟦H8IBAN⟧",
        "Aufnahmeantrag {org} Sportverein e. V.\nMitglied: {first} {last}, geb. ⟦H8DOB⟧\nE-Mail: ⟦H8EM⟧ · Mobil: ⟦H8PH⟧\nEintritt: ⟦~H8DDE⟧\nSEPA-Lastschriftmandat — Gläubiger-ID ⟦~H8CI⟧, Mandatsreferenz ⟦~H8MANDATE⟧\nKontoinhaber: {first} {last}, IBAN ⟦H8IBAN⟧, BIC ⟦~H8BIC⟧",
        "Arbeitsunfähigkeitsbescheinigung – Ausfertigung für Versicherte\n{first} {last}, geb. am ⟦H8DOB⟧\nKrankenkasse IK ⟦~H8IK⟧ · Versicherten-Nr. ⟦~H8KVNR⟧\narbeitsunfähig seit ⟦~H8DDE⟧, voraussichtlich bis ⟦~H8DDE⟧\nDiagnose ⟦~H8ICD⟧\nArzt-Nr. ⟦~H8LANR⟧ · Betriebsstätten-Nr. ⟦~H8BSNR⟧ · Praxis Tel. ⟦H8PH⟧",
    ],
    "it-IT": [
        "CONTRATTO DI LOCAZIONE AD USO ABITATIVO\nConduttore: {first} {last}, nato il ⟦H8DOB⟧, C.F. ⟦~H8CF⟧\nRecapiti: ⟦H8PH⟧ — ⟦H8EM⟧\nDecorrenza: ⟦~H8DIT⟧\nDeposito cauzionale da ⟦H8IBAN⟧\nLocatore: {first2} {last}, cell. ⟦H8PH⟧",
        "ISCRIZIONE {org} Palestra\nNome: {first} {last}    Data di nascita: ⟦H8DOB⟧\nCellulare: ⟦H8PH⟧    Email: ⟦H8EM⟧\nCertificato medico rilasciato il ⟦~H8DIT⟧\nAbbonamento annuale addebitato su ⟦H8CARD⟧\nTessera n. ⟦~H8CARDLIKE⟧",
        "<FatturaElettronicaHeader>\n  <CedentePrestatore><IdFiscaleIVA><IdCodice>⟦~H8PIVA⟧</IdCodice></IdFiscaleIVA>\n    <Contatti><Telefono>⟦H8PH⟧</Telefono><Email>⟦H8EM⟧</Email></Contatti></CedentePrestatore>\n  <CessionarioCommittente><CodiceFiscale>⟦~H8CF⟧</CodiceFiscale></CessionarioCommittente>\n  <CodiceDestinatario>⟦~H8SDI⟧</CodiceDestinatario>\n</FatturaElettronicaHeader>\n<DatiPagamento><IBAN>⟦H8IBANC⟧</IBAN><DataScadenzaPagamento>⟦~H8ISODATE⟧</DataScadenzaPagamento></DatiPagamento>",
    ],
    "es-ES": [
        "CONTRATO DE ARRENDAMIENTO DE VIVIENDA\nArrendatario: {first} {last}, NIE ⟦~H8NIE⟧, nacido el ⟦H8DOB⟧\nTeléfono: ⟦H8PH⟧ — Correo: ⟦H8EM⟧\nFecha de inicio: ⟦~H8DES⟧\nFianza ingresada desde ⟦H8IBAN⟧\nArrendador: {first2} {last}, ⟦H8PH⟧",
        "ALTA DE SOCIO — {org} Gimnasio\nNombre: {first} {last}\nFecha de nacimiento: ⟦H8DOB⟧\nMóvil: ⟦H8PH⟧    Email: ⟦H8EM⟧\nCuota domiciliada en ⟦H8IBAN⟧ (mandato ⟦~H8MANDATE⟧, acreedor ⟦~H8CI⟧)\nMatrícula pagada con tarjeta ⟦H8CARD⟧ el ⟦~H8DES⟧",
        "SOLICITUD DE INSCRIPCIÓN EN EL PADRÓN MUNICIPAL\nNombre: {first} {last}\nDocumento: NIE ⟦~H8NIE⟧\nFecha de nacimiento: ⟦H8DOB⟧\nTeléfono de contacto: ⟦H8PHI⟧\nCorreo electrónico: ⟦H8EM⟧\nFecha de alta: ⟦~H8DES⟧\nSede electrónica: ⟦H8URL⟧",
    ],
    "nl-NL": [
        "HUUROVEREENKOMST WOONRUIMTE\nHuurder: {first} {last}, geboren ⟦H8DOB⟧\nTelefoon: ⟦H8PH⟧ · e-mail ⟦H8EM⟧\nIngangsdatum: ⟦~H8DNL⟧\nWaarborgsom over te maken naar ⟦H8IBAN⟧\nVerhuurder: {first2} {last}, ⟦H8PH⟧",
        "POLISBLAD ZORGVERZEKERING ⟦~H8YEAR⟧\nVerzekeringnemer: {first} {last}\nBSN: ⟦~H8BSN⟧    Geboortedatum: ⟦H8DOB⟧\nPolisnummer: ⟦~H8POLICY⟧    Ingangsdatum: ⟦~H8DNL⟧\nPremie wordt geïncasseerd van ⟦H8IBAN⟧\nKlantenservice ⟦H8PHN⟧ · ⟦H8URL⟧",
    ],
    "pt-BR": [
        "CONTRATO DE LOCAÇÃO RESIDENCIAL\nLocatário(a): {first} {last}, CPF ⟦~H8CPF⟧, nascido(a) em ⟦H8DOB⟧\nTelefone: ⟦H8PH⟧ · E-mail: ⟦H8EM⟧\nImóvel: Rua das Flores, 120 — CEP ⟦~H8CEP⟧\nInício da locação: ⟦~H8DBR⟧\nLocador(a): {first2} {last}, ⟦H8PH⟧",
        "MATRÍCULA — {org} Academia\nAluno(a): {first} {last}\nData de nascimento: ⟦H8DOB⟧\nWhatsApp: ⟦H8PH⟧\nE-mail: ⟦H8EM⟧\nCEP ⟦~H8CEP⟧\nPlano anual no cartão ⟦H8CARD⟧ · início ⟦~H8DBR⟧",
        "DANFE — Documento Auxiliar da Nota Fiscal Eletrônica\nChave de acesso: ⟦~H8NFE⟧\nEmitente: {org} Ltda. — CNPJ ⟦~H8CNPJ⟧\nDestinatário: {first} {last} — CPF ⟦~H8CPF⟧\nFone: ⟦H8PH⟧ · ⟦H8EM⟧\nData de emissão: ⟦~H8DBR⟧\nConsulte em ⟦H8URL⟧",
    ],
    "tech": [
        'components:\n  examples:\n    Customer:\n      value:\n        id: "⟦~H8UUID⟧"\n        email: ⟦H8EM⟧\n        phone: "⟦H8PHE⟧"\n        date_of_birth: "⟦H8DOBI⟧"\n        iban: ⟦H8IBANC⟧\n        created_at: "⟦~H8ISOTS⟧"\nservers:\n  - url: ⟦H8URLS⟧',
        '{"messages": [{"id": "⟦~H8EPOCHMS⟧", "createdDateTime": "⟦~H8ISOTS⟧", "from": {"user": {"displayName": "{first} {last}", "userPrincipalName": "⟦H8EM⟧"}}, "body": {"contentType": "text", "content": "my cell is ⟦H8PHI⟧, card for the booking is ⟦H8CARD⟧"}}, {"id": "⟦~H8EPOCHMS⟧", "createdDateTime": "⟦~H8ISOTS⟧", "body": {"contentType": "html", "content": "<p>form: <a href=\\"⟦H8URLS⟧\\">link</a></p>"}}]}',
        '{"data": {"customer": {"id": "⟦~H8GID⟧", "email": "⟦H8EM⟧", "phone": "⟦H8PHE⟧", "dateOfBirth": "⟦H8DOBI⟧", "lastOrder": {"id": "⟦~H8GID⟧", "processedAt": "⟦~H8ISOTS⟧"}, "clientIp": "⟦H8IP⟧"}}}',
        'services:\n  api:\n    image: registry.example.com/api@⟦~H8DIGEST⟧\n    ports:\n      - "⟦~H8PORTMAP⟧"\n    environment:\n      ADMIN_EMAIL: ⟦H8EM⟧\n      ALERT_SMS: "⟦H8PHE⟧"\n      UPSTREAM: ⟦H8URLS⟧\n      DNS_SERVER: ⟦H8IP⟧\n    mac_address: ⟦H8MAC⟧',
        "14\n⟦~H8SRT⟧\nSure, my date of birth is ⟦H8DOB⟧.\n\n15\n⟦~H8SRT⟧\nAnd the card number is ⟦H8CARDS⟧.\n\n16\n⟦~H8SRT⟧\nYou can call me back on ⟦H8PHS⟧.",
        "commit ⟦~H8SHA⟧\nAuthor: {first} {last} <⟦H8EM⟧>\nDate:   ⟦~H8GITDATE⟧\n\n    fix: stop logging customer IBAN (⟦H8IBANC⟧ leaked in ⟦~H8VER⟧)\n\n    Reported-by: {first2} <⟦H8EM⟧>\n    Signed-off-by: {first} {last} <⟦H8EM⟧>",
        "Starting Nmap ⟦~H8NMAPVER⟧ at ⟦~H8TS⟧\nNmap scan report for printer.lan (⟦H8IP⟧)\nHost is up (⟦~H8LATENCY⟧ latency).\nMAC Address: ⟦H8MAC⟧ (Hewlett Packard)\nNmap scan report for ⟦H8IP⟧\nMAC Address: ⟦H8MAC⟧ (Raspberry Pi Trading)\nNmap done: 256 IP addresses (2 hosts up) scanned in ⟦~H8LATENCY⟧",
        "⟦~H8LOGCAT⟧  ⟦~H8PID⟧  ⟦~H8PID⟧ I Telephony: device imei=⟦~H8IMEI⟧ msisdn=⟦H8PHE⟧\n⟦~H8LOGCAT⟧  ⟦~H8PID⟧  ⟦~H8PID⟧ D WifiService: connected bssid=⟦H8MAC⟧ ip=⟦H8IP⟧\n⟦~H8LOGCAT⟧  ⟦~H8PID⟧  ⟦~H8PID⟧ W AccountSync: sync failed for ⟦H8EM⟧",
        '{"ivms101": {"originator": {"originatorPersons": [{"naturalPerson": {"name": {"nameIdentifier": [{"primaryIdentifier": "{last}", "secondaryIdentifier": "{first}"}]}, "dateAndPlaceOfBirth": {"dateOfBirth": "⟦H8DOBI⟧", "placeOfBirth": "Lisboa"}, "nationalIdentification": {"nationalIdentifier": "⟦~H8NIE⟧", "nationalIdentifierType": "IDCD"}}}], "accountNumber": ["⟦H8BTC⟧"]}, "beneficiary": {"accountNumber": ["⟦H8ETH⟧"]}}, "transfer": {"asset": "BTC", "amount": "⟦~H8QTY⟧", "txid": "⟦~H8TXID⟧", "requested": "⟦~H8ISOTS⟧"}}',
        '{"id": "⟦~H8EVT⟧", "type": "payment_intent.succeeded", "created": ⟦~H8EPOCH⟧, "data": {"object": {"id": "⟦~H8STRIPE⟧", "customer": "⟦~H8STRIPE⟧", "receipt_email": "⟦H8EM⟧", "billing_details": {"email": "⟦H8EM⟧", "phone": "⟦H8PHE⟧"}, "payment_method_details": {"card": {"last4": "⟦~H8LAST4⟧", "exp_year": ⟦~H8YEAR⟧}}, "client_ip": "⟦H8IP6⟧", "crypto_refund_address": "⟦H8BTC⟧"}}}',
    ],
}


REPEATS8 = 5  # documents per template


def _half(templates: dict[str, list[str]], tag: str, rnd: random.Random) -> list[dict]:
    cases = []
    for group, group_templates in templates.items():
        for i, template in enumerate(group_templates):
            for n in range(REPEATS8):
                case = fill(template, rnd, group if group != "tech" else LOCALES[n % len(LOCALES)])
                case.update(split="heldout8", batch="heldout8", locale=group, template=f"{group}/{tag}/{i}")
                cases.append(case)
    return cases


def build_heldout8() -> list[dict]:
    """Every template of KNOWN8 then NEW8 (per locale, then tech), REPEATS8 documents each, seed SEED8."""
    rnd = random.Random(SEED8)
    return _half(KNOWN8, "h8k", rnd) + _half(NEW8, "h8n", rnd)


def main() -> None:
    """Counts only: bench/phantom_pii_multilingual_data.py writes the batch into the set (never print spans)."""
    print_batch_counts(build_heldout8(), f"heldout8 (seed {SEED8})", ("h8k", "h8n"))


if __name__ == "__main__":
    main()
