"""Personal-data recognisers: a cheap pattern finds candidates, then the format's own check
confirms them (Luhn, IBAN mod-97, SSN structure, NHS mod-11, Base58Check, bech32, EIP-55,
libphonenumber validity, `ipaddress` parsing, calendar dates). No model download.

Each recogniser yields `Finding`s; `detect` merges them, preferring the higher score and the
longer span when two overlap. Presidio's pattern recognisers are the reference design.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

ENTITIES = ("EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS",
            "MAC_ADDRESS", "URL", "DATE_OF_BIRTH", "CRYPTO", "US_NPI", "UK_NHS")


@dataclass(frozen=True)
class Finding:
    entity: str
    start: int
    end: int
    score: float
    validation: str


def _context_near(text: str, start: int, end: int, words: re.Pattern[str], window: int = 40) -> bool:
    return bool(words.search(text[max(0, start - window):start])) or bool(words.search(text[end:end + 15]))


# -- email, URL ---------------------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])")


def _emails(text: str) -> Iterator[Finding]:
    for m in _EMAIL.finditer(text):
        local = m.group().split("@", 1)[0]
        if ".." in local or local.endswith("."):
            continue
        yield Finding("EMAIL_ADDRESS", m.start(), m.end(), 1.0, "RFC 5322 addr-spec with a domain and TLD")


_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'()\[\]{}]+", re.IGNORECASE)


def _urls(text: str) -> Iterator[Finding]:
    for m in _URL.finditer(text):
        url = m.group().rstrip(".,;:!?")
        host = re.sub(r"^(?:https?://)?", "", url, flags=re.IGNORECASE).split("/", 1)[0].split(":", 1)[0]
        host = host.rsplit("@", 1)[-1]
        if "." not in host or not re.fullmatch(r"[A-Za-z0-9.-]+", host):
            continue
        yield Finding("URL", m.start(), m.start() + len(url), 0.9, "scheme or www. with a dotted host")


# -- numbers with checksums ---------------------------------------------------------------------

def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


_CARD = re.compile(r"(?<![\d+-])(?:\d[ -]?){12,18}\d(?![\d-])")  # "+49 1512 ..." is a phone number
_CARD_PREFIX = re.compile(r"^(?:4|5[1-5]|2[2-7]|3[47]|3[068]|6(?:011|5|4[4-9]|22)|35|62|81)")


def _cards(text: str) -> Iterator[Finding]:
    for m in _CARD.finditer(text):
        raw = m.group()
        digits = re.sub(r"[ -]", "", raw)
        if re.search(r"[ -]{2}", raw) or len(set(digits)) == 1 or not _CARD_PREFIX.match(digits):
            continue
        if luhn_ok(digits):
            yield Finding("CREDIT_CARD", m.start(), m.end(), 1.0, "Luhn checksum and issuer prefix")


# ISO 13616 lengths per country (SWIFT IBAN registry).
_IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
    "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
    "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
    "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20,
    "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
    "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29,
    "RO": 24, "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8}\b")


def iban_ok(compact: str) -> bool:
    if _IBAN_LENGTHS.get(compact[:2]) != len(compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def _ibans(text: str) -> Iterator[Finding]:
    for m in _IBAN.finditer(text):
        raw = m.group()
        # the pattern may overrun into a following word: try the longest valid prefix
        for end in range(len(raw), 14, -1):
            candidate = raw[:end].rstrip()
            compact = candidate.replace(" ", "")
            if iban_ok(compact):
                yield Finding("IBAN_CODE", m.start(), m.start() + len(candidate), 1.0,
                              "ISO 13616 country length and mod-97 check digits")
                break


_SSN = re.compile(r"(?<![\d-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\d-])")
_SSN_WORDS = re.compile(r"(?i)\b(?:ssn|social security|ss#|ssa)\b")


def ssn_ok(area: str, group: str, serial: str) -> bool:
    """SSA rules: area not 000, 666 or 900-999; group not 00; serial not 0000; no advertised samples."""
    if area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000":
        return False
    return area + group + serial not in ("078051120", "219099999", "123456789")


def _ssns(text: str) -> Iterator[Finding]:
    for m in _SSN.finditer(text):
        area, sep, group, serial = m.groups()
        if not ssn_ok(area, group, serial):
            continue
        near = _context_near(text, m.start(), m.end(), _SSN_WORDS)
        if sep or near:
            yield Finding("US_SSN", m.start(), m.end(), 0.95 if near else 0.85,
                          "SSA structure (area, group, serial)" + (" with context" if near else ""))


_TEN_DIGITS = re.compile(r"(?<![\d-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d-])")
_NPI_WORDS = re.compile(r"(?i)\b(?:npi|national provider|provider id|prescriber)\b")
_NHS_WORDS = re.compile(r"(?i)\b(?:nhs|national health|patient (?:no|number|id))\b")


def npi_ok(digits: str) -> bool:
    return digits[0] in "12" and luhn_ok("80840" + digits)


def nhs_ok(digits: str) -> bool:
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9]) and len(set(digits)) > 1


def _health_ids(text: str) -> Iterator[Finding]:
    for m in _TEN_DIGITS.finditer(text):
        digits = "".join(m.group(1, 3, 4))
        if npi_ok(digits) and (_context_near(text, m.start(), m.end(), _NPI_WORDS) or not m.group(2)):
            near = _context_near(text, m.start(), m.end(), _NPI_WORDS)
            yield Finding("US_NPI", m.start(), m.end(), 0.95 if near else 0.6,
                          "NPI Luhn check (80840 prefix)" + (" with context" if near else ""))
        if nhs_ok(digits):
            near = _context_near(text, m.start(), m.end(), _NHS_WORDS)
            if near or m.group(2) == " ":
                yield Finding("UK_NHS", m.start(), m.end(), 0.95 if near else 0.7,
                              "NHS mod-11 check digit" + (" with context" if near else ""))


# -- phones (libphonenumber) -----------------------------------------------------------------------

_PHONE_CANDIDATE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d ().\-/]{5,20}\d(?![\w])")
# National (no country code) formats tried: NANP and the UK/IN/AU trunk-prefix plans. Others need "+".
_PHONE_REGIONS = ("US", "GB", "IN", "AU")
_OTHER_ID_WORDS = re.compile("|".join(p.pattern.removeprefix("(?i)") for p in (_SSN_WORDS, _NPI_WORDS, _NHS_WORDS)),
                             re.IGNORECASE)
_PHONE_WORDS = re.compile(r"(?i)\b(?:phone|tel|call|mobile|cell|fax|contact|ring|whatsapp)\b")


def _phones(text: str) -> Iterator[Finding]:
    import phonenumbers

    for m in _PHONE_CANDIDATE.finditer(text):
        raw = m.group()
        digits = re.sub(r"\D", "", raw)
        if not 7 <= len(digits) <= 15:
            continue
        if re.fullmatch(r"\d{3}-\d{2}-\d{4}", raw) or re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", raw) or re.fullmatch(r"[\d.]+", raw) and raw.count(".") == 3:
            continue  # ISO dates and dotted quads are not phone numbers
        regions = (None,) if raw.startswith(("+", "00")) else _PHONE_REGIONS
        candidate = "+" + raw[2:] if raw.startswith("00") else raw
        for region in regions:
            try:
                number = phonenumbers.parse(candidate, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                near = _context_near(text, m.start(), m.end(), _PHONE_WORDS)
                if not near and _context_near(text, m.start(), m.end(), _OTHER_ID_WORDS):
                    break  # "NHS number 996 472 0006" with a bad check digit is still no phone number
                separated = bool(re.search(r"[ ().\-]", raw)) or raw.startswith(("+", "00"))
                if not (separated or near):
                    break  # a bare run of digits is more often an id than a phone
                where = phonenumbers.region_code_for_number(number) or region
                yield Finding("PHONE_NUMBER", m.start(), m.end(), 0.9 if near else 0.75,
                              f"libphonenumber: valid {where} number")
                break


# -- network addresses ------------------------------------------------------------------------------

_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\d|\.\d)")  # a sentence may end after it
_IPV6 = re.compile(r"(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:%\w+)?(?![0-9A-Fa-f:])")
_MAC = re.compile(r"(?<![0-9A-Fa-f:-])(?:[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}"
                  r"|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![0-9A-Fa-f:-])")


def _ips(text: str) -> Iterator[Finding]:
    for m in _IPV4.finditer(text):
        try:
            ipaddress.IPv4Address(m.group())
        except ValueError:
            continue
        yield Finding("IP_ADDRESS", m.start(), m.end(), 0.95, "IPv4 address (ipaddress module)")
    for m in _IPV6.finditer(text):
        raw = m.group()
        if raw.count(":") < 2 or re.fullmatch(r"\d{1,2}:\d{2}(:\d{2})?", raw) or "::" not in raw and raw.count(":") != 7:
            continue
        if re.fullmatch(r"(?:[0-9A-Fa-f]{2}:){7}[0-9A-Fa-f]{2}", raw):
            continue  # eight two-digit groups: an EUI-64 hardware id, not an address anyone writes that way
        try:
            ipaddress.IPv6Address(raw.split("%", 1)[0])
        except ValueError:
            continue
        yield Finding("IP_ADDRESS", m.start(), m.end(), 0.95, "IPv6 address (ipaddress module)")


def _macs(text: str) -> Iterator[Finding]:
    for m in _MAC.finditer(text):
        yield Finding("MAC_ADDRESS", m.start(), m.end(), 0.9, "IEEE 802 MAC-48 notation")


# -- dates of birth ---------------------------------------------------------------------------------

_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_DATE = re.compile(
    r"\b(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[/.](\d{1,2})[/.](\d{4})"
    rf"|(\d{{1,2}})\s+({_MONTHS})[a-z]*\.?,?\s+(\d{{4}})|({_MONTHS})[a-z]*\.?\s+(\d{{1,2}}),?\s+(\d{{4}}))\b",
    re.IGNORECASE)
_DOB_WORDS = re.compile(r"(?i)\b(?:born|d\.?o\.?b|date of birth|birth ?date|birthday|geboren|né|née)\b")


def _date_ok(match: re.Match[str]) -> bool:
    g = match.groups()
    months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    try:
        if g[0]:
            day = dt.date(int(g[0]), int(g[1]), int(g[2]))
        elif g[3]:
            first, second, year = int(g[3]), int(g[4]), int(g[5])
            try:  # day/month (most of the world) or month/day (US): either valid calendar date counts
                day = dt.date(year, second, first)
            except ValueError:
                day = dt.date(year, first, second)
        elif g[6]:
            day = dt.date(int(g[8]), months.index(g[7].lower()[:3]) + 1, int(g[6]))
        else:
            day = dt.date(int(g[11]), months.index(g[9].lower()[:3]) + 1, int(g[10]))
    except (ValueError, IndexError):
        return False
    return 1900 <= day.year and day <= dt.date.today()


def _dobs(text: str) -> Iterator[Finding]:
    for m in _DATE.finditer(text):
        if _date_ok(m) and _context_near(text, m.start(), m.end(), _DOB_WORDS, window=30):
            yield Finding("DATE_OF_BIRTH", m.start(), m.end(), 0.9, "calendar date in the past with birth context")


# -- crypto wallets -------------------------------------------------------------------------------

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BTC_BASE58 = re.compile(r"\b[13][1-9A-HJ-NP-Za-km-z]{25,34}\b")
_BECH32 = re.compile(r"\b(?:bc|tb)1[02-9ac-hj-np-z]{8,87}\b", re.IGNORECASE)
_ETH = re.compile(r"\b0x[0-9a-fA-F]{40}\b")


def base58check_ok(address: str) -> bool:
    n = 0
    for ch in address:
        n = n * 58 + _B58.index(ch)
    raw = n.to_bytes(25, "big") if n.bit_length() <= 200 else b""
    if len(raw) != 25 or raw[0] not in (0x00, 0x05):
        return False
    return hashlib.sha256(hashlib.sha256(raw[:21]).digest()).digest()[:4] == raw[21:]


def bech32_ok(address: str) -> bool:
    """BIP-173 (bech32, witness v0) and BIP-350 (bech32m, v1+) checksums."""
    address = address.lower()
    charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    hrp, data = address.rsplit("1", 1)
    values = [charset.index(c) for c in data]
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp] + values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    version = values[0] if values else -1
    return (chk == 1 and version == 0) or (chk == 0x2BC830A3 and 1 <= version <= 16)


def eip55_ok(address: str) -> bool:
    body = address[2:]
    if body.islower() or body.isupper():
        return True  # no checksum encoded; the shape alone is the evidence
    from Crypto.Hash import keccak

    digest = keccak.new(digest_bits=256, data=body.lower().encode()).hexdigest()
    return all((c.upper() if int(h, 16) >= 8 else c.lower()) == c for c, h in zip(body, digest[:40], strict=True))


def _wallets(text: str) -> Iterator[Finding]:
    for m in _BTC_BASE58.finditer(text):
        if base58check_ok(m.group()):
            yield Finding("CRYPTO", m.start(), m.end(), 1.0, "Bitcoin Base58Check checksum")
    for m in _BECH32.finditer(text):
        if bech32_ok(m.group()):
            yield Finding("CRYPTO", m.start(), m.end(), 1.0, "Bitcoin bech32/bech32m checksum")
    for m in _ETH.finditer(text):
        body = m.group()[2:]
        if eip55_ok(m.group()):
            mixed = not (body.islower() or body.isupper())
            yield Finding("CRYPTO", m.start(), m.end(), 1.0 if mixed else 0.7,
                          "Ethereum EIP-55 checksum" if mixed else "Ethereum address shape (no checksum case)")


RECOGNISERS: dict[str, Callable[[str], Iterator[Finding]]] = {
    "EMAIL_ADDRESS": _emails, "URL": _urls, "CREDIT_CARD": _cards, "IBAN_CODE": _ibans, "US_SSN": _ssns,
    "PHONE_NUMBER": _phones, "IP_ADDRESS": _ips, "MAC_ADDRESS": _macs, "DATE_OF_BIRTH": _dobs,
    "CRYPTO": _wallets, "US_NPI": _health_ids, "UK_NHS": _health_ids,
}
# Stronger evidence wins an overlap: a checksum beats a shape, a specific type beats a generic one.
_PRIORITY = {"CREDIT_CARD": 9, "IBAN_CODE": 9, "CRYPTO": 9, "EMAIL_ADDRESS": 8, "US_SSN": 7, "UK_NHS": 6,
             "US_NPI": 6, "MAC_ADDRESS": 6, "IP_ADDRESS": 5, "DATE_OF_BIRTH": 5, "PHONE_NUMBER": 4, "URL": 3}


def detect(text: str, entities: list[str] | None = None) -> list[Finding]:
    """Non-overlapping findings in `text`, in order. `entities` limits the types (default all)."""
    wanted = set(entities or ENTITIES)
    found: list[Finding] = []
    for recogniser in dict.fromkeys(RECOGNISERS[e] for e in ENTITIES if e in wanted):
        found.extend(f for f in recogniser(text) if f.entity in wanted)
    found.sort(key=lambda f: (-_PRIORITY[f.entity], -f.score, -(f.end - f.start), f.start))
    kept: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for f in found:
        if all(f.end <= s or f.start >= e for s, e in taken):
            kept.append(f)
            taken.append((f.start, f.end))
    return sorted(kept, key=lambda f: f.start)
