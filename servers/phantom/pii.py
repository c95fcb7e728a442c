"""Personal-data recognisers: a cheap pattern finds candidates, then the format's own check
confirms them (Luhn, IBAN mod-97, SSN structure, NHS mod-11, Base58Check, bech32, EIP-55,
libphonenumber validity, `ipaddress` parsing, calendar dates). No model download.

Each recogniser yields `Finding`s; `detect` merges them, preferring the higher score and the
longer span when two overlap. Presidio's pattern recognisers are the reference design.
"""

from __future__ import annotations

import bisect
import codecs
import datetime as dt
import hashlib
import ipaddress
import math
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass

from servers.phantom.pii_fields import Label, field_label, hl7_split_phones, remembered_labels, table_memo
from servers.phantom.pii_rows import FailingRow, failing_row

ENTITIES = (
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "CREDIT_CARD",
    "IBAN_CODE",
    "US_SSN",
    "IP_ADDRESS",
    "MAC_ADDRESS",
    "URL",
    "DATE_OF_BIRTH",
    "CRYPTO",
    "US_NPI",
    "UK_NHS",
)


@dataclass(frozen=True)
class Finding:
    entity: str
    start: int
    end: int
    score: float
    validation: str


# Key names are words too: "nhs_no:", "date-of-birth=" read as "nhs no", "date of birth" (same length, so
# positions stay put). camelCase keys (dateOfBirth, nhsNumber) are spelled out in the cue patterns.
_KEY_SEPARATORS = str.maketrans("_-", "  ")


def _words(text: str) -> str:
    return text.translate(_KEY_SEPARATORS)


_CAMEL_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _name_words(name: str) -> str:
    """A field name as words: key separators and camelCase humps (ISO 20022 `BirthDt`, DICOM `PatientBirthDate`,
    `DtAndPlcOfBirth`) become spaces."""
    return _CAMEL_HUMP.sub(" ", _words(name))


def _context_near(
    text: str, start: int, end: int, words: re.Pattern[str], window: int = 40, after: int = 15
) -> bool:
    """A cue word just before the value (a camelCase name in code is words too: `c.setNhsNumber("...")`,
    `Patient.builder().nhsNumber(...)`), just after it on its line (the next line's first word is the next
    field's name: SIP's `;tag=1928301774` above `Call-ID:`), or in the name of its field."""
    if words.search(_name_words(text[max(0, start - window) : start])) or (
        after and words.search(_words(text[end : end + after].split("\n", 1)[0]))
    ):
        return True
    label = _label(text, start)
    return bool(label and words.search(_name_words(label.name)))  # nhs_number, date-of-birth, BDAY, PID-7


_SQL_INSERT = re.compile(r"(?is)\binsert\s+into\s+[\w.\"`\[\]]+\s*\(([^()]*)\)\s*values\s*\(")
_SQL_VALUES = re.compile(r"(?i)\bvalues\s*\(")
_SQL_QUOTED = re.compile(r"'(?:[^']|'')*'")


def _sql_column(text: str, start: int) -> str | None:
    """The column name of an `INSERT INTO t (a, b) VALUES (..., <here>` value: the column list is a header."""
    if not _SQL_VALUES.search(text, max(0, start - 2000), start):
        return None
    head = text[max(0, start - 2000) : start]
    inserts = list(_SQL_INSERT.finditer(head))
    if not inserts:
        return None
    values = _SQL_QUOTED.sub("''", head[inserts[-1].end() :])
    if ")" in values:
        return None  # past the first row
    columns = inserts[-1].group(1).split(",")
    column = values.count(",")
    return columns[column].strip(' \t\n"`[]') if column < len(columns) else None


_SQL_COPY = re.compile(r"(?i)\bcopy\s+[\w.\"]+\s*\(([^()]*)\)\s+from\s+stdin\b[^\n]*\n")


def _copy_column(text: str, line_start: int, start: int) -> str | None:
    """The column of a PostgreSQL `COPY t (a, b) FROM stdin;` data row (pg_dump's text format: tab-separated
    rows up to a `\\.` line): the column list is the header."""
    copies = list(_SQL_COPY.finditer(text, max(0, line_start - 5000), line_start))
    if not copies or "\n\\.\n" in text[copies[-1].end() - 1 : line_start]:
        return None
    columns = copies[-1].group(1).split(",")
    column = text.count("\t", line_start, start)
    return columns[column].strip(' \t\n"') if column < len(columns) else None


def _lines_before(text: str, end: int, count: int) -> list[str]:
    """The last `count` lines of text[:end], found from the end: splitting the whole prefix made a long CSV
    quadratic (every candidate split everything above it)."""
    low = end
    for _ in range(count):
        low = text.rfind("\n", 0, low)
        if low < 0:
            break
    return text[low + 1 if low >= 0 else 0 : end].split("\n")


def _label(text: str, start: int) -> Label | None:
    """The name of the field the value at `start` sits in: a structured format's label (pii_fields), or
    its CSV/TSV column header or SQL INSERT column."""
    memo = remembered_labels()
    if memo is not None and start in memo:
        return memo[start]
    label = field_label(text, start)
    if label is None and (header := _column_header(text, start)) is not None:
        label = Label(header[0], header[1])
    if memo is not None:
        memo[start] = label
    return label


_MD_RULE = re.compile(r"[\s|:+-]*")  # a markdown/ASCII table's rule row: no header, however few digits


def _column_header(text: str, start: int) -> tuple[str, bool] | None:
    """The header cell of the delimited (CSV/TSV/;-separated) column `start` sits in, if the block above
    it begins with a header row: a line with the same number of delimiters and no digits; or the column
    named for it in an SQL INSERT. Delimiters inside double-quoted cells ("Doe, John") do not count."""
    line_start = text.rfind("\n", 0, start) + 1
    if text.find("(", line_start, start) >= 0 and (sql_column := _sql_column(text, start)):
        return sql_column, True
    if line_start == 0:
        return None
    if "\t" in text[line_start:start] and text.find("stdin", max(0, line_start - 5000), line_start) >= 0:
        if (copy_column := _copy_column(text, line_start, start)) is not None:
            return copy_column, True
    line_end = text.find("\n", start)
    raw_line = text[line_start : line_end if line_end >= 0 else len(text)]
    delimiter = max(",;\t|", key=raw_line.count)
    line = _unquoted(raw_line, delimiter)
    if _cell_breaks(line, delimiter) < 2:
        return None  # the commas of "Sep. 18, 2025 to Jul. 1, 2018" make no table row
    column = _cell_breaks(_unquoted(text[line_start:start], delimiter), delimiter)
    return _header_above(text, line_start, delimiter, column, _cell_breaks(line, delimiter) + 1)


def _header_above(
    text: str, line_start: int, delimiter: str, column: int, cells: int
) -> tuple[str, bool] | None:
    """The header cell of `column` in the rows above the line at `line_start`, walking up through data rows."""
    for raw_above in reversed(_lines_before(text, line_start - 1, 50)):
        if not raw_above.strip():
            return None  # a blank line ends a table: a prose line above it with commas is no header row
        if raw_above.startswith("#") and delimiter == "\t":
            if raw_above.startswith("#fields\t"):
                return _zeek_field(raw_above, column, cells)
            continue  # a Zeek (Bro) log's other directives: #separator, #path, #types ...
        above = _unquoted(raw_above, delimiter)
        above_cells = _cell_breaks(above, delimiter) + 1
        if _is_header_row(above, delimiter) and not _MD_RULE.fullmatch(above):
            if not column < above_cells <= cells:
                return None  # another table's header, or one with fewer cells than this row
            # the column is sure only when the row has the header's cells (an unquoted "18, 1963" shifts it)
            return above.split(delimiter)[column].strip(' "'), above_cells == cells
        if not column < above_cells <= cells + 2:
            return None  # another table above
    return None


def _zeek_field(directive: str, column: int, cells: int) -> tuple[str, bool] | None:
    """A Zeek (Bro) log names its tab-separated columns after the `#fields` directive: `#fields<TAB>ts<TAB>uid`."""
    names = directive.split("\t")[1:]
    return (names[column].strip(), len(names) == cells) if column < len(names) else None


# An unquoted comma inside an English date ("June 8th, 1947") in a CSV row splits no cell; nor does one before a
# phone's extension (`...,312 560 6150, ext 4218,8889274394,...`): a cell of an extension alone continues the
# phone before it, as every reader of the row sees, and the columns after it keep their headers.
_DATE_COMMA = re.compile(
    r"[A-Za-z]\.? \d{1,2}(?:st|nd|rd|th)?(,) ?(?:19|20)\d{2}\b"
    r"|\d(,) ?(?:ext\.?|extn\.?|x)[ ]?\d{1,6}(?=,|$)",
    re.IGNORECASE,
)
_HEADER_CELL = re.compile(r"\s*\"?(?:[^\W\d][^@/\n]*)?")


def _cell_breaks(row: str, delimiter: str) -> int:
    """How many cell breaks `row` has: its delimiters, less the commas inside unquoted dates."""
    count = row.count(delimiter)
    return count - len(_DATE_COMMA.findall(row)) if delimiter == "," and count else count


def _is_header_row(row: str, delimiter: str) -> bool:
    """A header row's cells are names: they start with a letter (or are empty), and hold no address or path.
    Digits inside a name are allowed (Google's and Outlook's `Phone 1 - Value`, `Address 2`, `Sales 2024`), but not
    more than four in one cell: `date of birth 2016-06-15` or `SSN 106 63 8965` is a value written after its name
    on a prose line with commas, no column's header."""
    if not re.search(r"\d", row):
        return True
    return all(
        _HEADER_CELL.fullmatch(cell) and sum(ch.isdigit() for ch in cell) <= 4
        for cell in row.split(delimiter)
    )


_QUOTED_CELL = re.compile(r'"(?:[^"\n]|"")*"')


def _unquoted(row: str, delimiter: str) -> str:
    """`row` with the delimiters inside quoted cells blanked out (same length, so positions hold)."""
    if '"' not in row:
        return row
    return _QUOTED_CELL.sub(lambda m: m.group().replace(delimiter, " "), row)


# -- email, URL ---------------------------------------------------------------------------------

# RFC 5322 addr-spec, with RFC 6531's internationalised local parts and domains (`jürgen@müller-reisen.de`).
_EMAIL = re.compile(
    r"(?<![\w.+-])[^\W_](?:[\w.%+-]{0,63})@(?:[^\W_](?:(?:[^\W_]|-){0,61}[^\W_])?\.)+"
    r"(?:[^\W\d_]{2,24}|xn--[A-Za-z0-9-]{2,59})(?![\w-])"
)


_URL_USERINFO = re.compile(r"://[^\s/@]*$")
_EDIFACT_TAG = re.compile(r"[A-Z][A-Z0-9]{2}\+")


def _email_matches(text: str) -> Iterator[re.Match[str]]:
    """_EMAIL's matches, looked for only around each "@" (prose has few; a scan of every word start costs)."""
    at, searched_to = text.find("@"), 0
    while at >= 0:
        m = _EMAIL.search(text, max(searched_to, at - 65), min(len(text), at + 257))
        while m is not None and m.end() <= at:  # an earlier address in the window
            m = _EMAIL.search(text, m.end(), min(len(text), at + 257))
        if m is not None and m.start() <= at:
            yield m
            searched_to = m.end()
        at = text.find("@", max(at + 1, searched_to))


# A header that names an identifier written `id@host`: SIP's Call-ID (RFC 3261, compact form `i`), iCalendar's UID
# (RFC 5545 recommends `<unique>@<domain>`), a message's Message-ID and the headers that cite it (RFC 5322),
# MIME's Content-ID (RFC 2045). What follows names a message or an event, not a mailbox.
_ID_HEADER = re.compile(
    r"(?im)^[ \t]*(?:call-id|i|uid|message-id|resent-message-id|content-id|in-reply-to|references|"
    r"x-[\w-]*-id)[ \t]*:[^\n@]*\Z"
)


# A log's key=value field naming a message's id: Exim writes the Message-ID as ` id=<unique>@<domain>` on its
# `<=` lines (Postfix as `message-id=<...>`); the value cites a message, not a mailbox.
_ID_FIELD_BEFORE = re.compile(r"(?i)(?:^|[ \t])(?:id|msgid|msg-id|message-id|message_id)=<?\Z", re.M)


def _names_an_identifier(text: str, start: int) -> bool:
    if _ID_FIELD_BEFORE.search(text, max(0, start - 13), start):
        return True
    newline = text.rfind("\n", max(0, start - 200), start)
    if newline < 0 and start > 200:
        return False  # a header's name opens its line, within a few words of the value
    return bool(_ID_HEADER.search(text, newline + 1, start))


def _emails(text: str) -> Iterator[Finding]:
    for m in _email_matches(text):
        _on_time()
        local = m.group().split("@", 1)[0]
        if (
            ".." in local
            or local.endswith(".")
            or _URL_USERINFO.search(text, max(0, m.start() - 70), m.start())
        ):
            continue  # https://guest@files.example.com/: a URL's userinfo, not a mailbox
        if _names_an_identifier(text, m.start()):
            continue  # Call-ID: a84b4c76e66710@pc33.atlanta.com, UID:19970610T172345Z-AF23B2@example.com
        start = m.start()
        if _EDIFACT_TAG.match(local) and (start == 0 or text[start - 1] in "'\r\n"):
            start += 4  # COM+nuria@example.es:EM': an EDIFACT segment's tag and separator, not the address
        yield Finding("EMAIL_ADDRESS", start, m.end(), 1.0, "RFC 5322 addr-spec with a domain and TLD")


# RFC 3986 URIs with an authority whose scheme a person follows (web, file transfer, websockets), with
# userinfo, a port, a Unicode (IDN) or punycode host or an IPv6 literal; or a host written with `www.`.
_URL = re.compile(
    r"(?=[hfswHFSW])\b(?:(?:https?|s?ftps?|wss?)://(?:[^\s/@<>\"'()\[\]{}]{1,64}@)?(?:\[[0-9A-Fa-f:.]{2,45}\])?"
    r"|www\.)[^\s<>\"'()\[\]{}]*",
    re.IGNORECASE,
)
_SCHEME = re.compile(r"^(?:[a-z]+://)?", re.IGNORECASE)
# A host name: labels of letters (any script), digits and inner hyphens, at least one dot.
_HOST = re.compile(r"(?:[^\W_](?:[^\W_]|-){0,62}\.)+(?:[^\W\d_]{2,63}|xn--[a-z0-9-]{2,59})")
# Common generic and country TLDs. Those that are also file extensions (.py, .md, .rs, .pl, .sh, .am ...)
# are left out, so "setup.py" is no web address; they are still found with a scheme or "www.".
_TLDS = (
    "com|net|org|edu|gov|int|info|biz|io|ai|app|dev|co|eu|us|uk|de|fr|it|es|nl|be|ch|at|pt|br|in|au|ca|"
    "ie|se|dk|no|fi|pl|cz|jp|cn|ru|mx|ar|nz|za|gr|tr|lu|hu|ro|sk|si|hr|bg|lt|lv|ee|cl"
)
_BARE_URL = re.compile(
    rf"(?<![\w@./-])(?:[^\W_](?:(?:[^\W_]|-){{0,61}}[^\W_])?\.)+(?:{_TLDS})"
    r"(?:/[^\s<>\"'()\[\]{}]*)?(?![\w@-])",
    re.IGNORECASE,
)


_TLD_HIT = re.compile(rf"\.(?:{_TLDS})(?![a-z0-9-])", re.IGNORECASE)


# XML namespace names and schema/context identifiers are not meant to be retrieved (Namespaces in XML 1.0
# section 2.3, JSON-LD @context, JSON Schema $schema): no web address. A FHIR `system` URL is one, and stays.
_NAMESPACE_KEYS = frozenset({"xmlns", "$schema", "@context", "profile", "schemalocation", "namespace"})


def _names_a_namespace(text: str, start: int) -> bool:
    label = _label(text, start) if start and text[start - 1] in "\"'" else None
    return bool(label and label.strong and label.name.lower().split(":")[0] in _NAMESPACE_KEYS)


def _url_host_ok(url: str) -> bool:
    """The authority's host is a dotted domain name (IDN or punycode labels allowed) or an IPv6 literal."""
    authority = _SCHEME.sub("", url, count=1).split("/", 1)[0].rsplit("@", 1)[-1]
    if authority.startswith("["):
        try:
            ipaddress.IPv6Address(authority[1 : authority.find("]")].split("%", 1)[0])
        except ValueError:
            return False
        return True
    host = authority.rsplit(":", 1)[0] if re.search(r":\d{0,5}$", authority) else authority
    return _HOST.fullmatch(host.rstrip(".")) is not None


# An OCI image reference (`registry.example.com/team/api:1.4@sha256:<hex>`, the distribution spec's
# `name@digest`) names an image in a registry, not a page; a mail log's `host[address]` field (postfix's
# `relay=mx.example.net[192.0.2.1]:25`, `client=...[...]`) names the peer a server talked to.
_IMAGE_DIGEST = re.compile(r"@[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-fA-F]{32,}")
_HOST_ADDRESS_AFTER = re.compile(  # Exim writes `H=host [address]` and `H=host (helo) [address]`
    r"(?:[ \t]\([^()\s]{1,255}\))?[ \t]?\[(?:\d{1,3}(?:\.\d{1,3}){3}|(?:IPv6:)?[0-9a-fA-F]*:[0-9a-fA-F:.]+|unknown)\]"
)


# A structured field that holds a web address is named for one; a bare host name (no scheme, no path) as the
# whole value of a field named otherwise names a machine or a service in data (CloudTrail's `"eventSource":
# "iam.amazonaws.com"`, an `smtp_host = mail.example.net`, a `"domain": ...`), not a page a person follows.
_WEB_FIELD = re.compile(
    r"(?i)ur[li]|link|href|web|site|homepage|home page|portal|page|internet|lien|enlace|collegamento|"
    r"p[aá]gina|sito|sitio|webseite|seite|redirect|callback|endpoint|issuer|\biss\b|"
    r"blog|shop|store|boutique|winkel|loja|tienda|negozio|online|social"  # a shop's or a blog's address
)
_VALUE_ENDS = re.compile(r"[\"']|[ \t]*(?:[,;}\]]|$)", re.M)


def _host_named_otherwise(text: str, start: int, end: int) -> bool:
    if start == 0 or text[start - 1] not in "\"'=: \t":
        return False
    label = _label(text, start)
    if label is None or not label.strong or not _value_starts_field(text, start):
        return False
    return bool(_VALUE_ENDS.match(text, end)) and not _WEB_FIELD.search(label.name)


# A bare host after a key or an option named for a host or a server (CEF's `dhost=`, a `REGISTRY_HOST:` variable,
# Kafka's `--bootstrap-server host:9092`, `smtp_relay = ...`) names a machine to connect to, not a page.
_HOST_KEY_BEFORE = re.compile(
    r"(?i)(?:(?<![^\W_])[\w.-]*?(?:host(?:name)?|server|broker|relay|fqdn)s?[\"']?[ \t]*[=:][ \t]*[\"']?"
    r"|(?<!\S)--?[\w-]*(?:host(?:name)?|server|broker)s?[ \t]+"
    # resolv.conf's `search`/`domain`, resolvectl's `DNS Domain:`, a DHCP option's domain name: a DNS suffix
    r"|(?<![^\W_])(?:dns[ _-]?(?:domain|search|suffix)s?|search[ _-]?domains?|domain[ _-]?name)[ \t]*[=:][ \t]*)\Z"
)
# A log record (a line that opens with its ISO 8601 time) names the peers its process talked to by host name
# (macOS `log show`'s `sending message ... via smtp.example.net`): a bare host in one is a machine, not a page.
# (Envoy's access log brackets its start time: `[2024-05-23T06:42:21.389Z] "POST /v1/signup HTTP/1.1" ...`.)
_LOG_RECORD_LINE = re.compile(r"\[?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")
# Ansible's play output names its inventory hosts: a task's result `ok: [db-2.example.corp]` (with `=> {...}` or
# `-> delegate` after it) and the recap's `host : ok=2 changed=0 ...`.
_ANSIBLE_RESULT_BEFORE = re.compile(
    r"(?m)^(?:ok|changed|fatal|failed|skipping|unreachable|included|rescued|ignored|FAILED - RETRYING):[ \t]*\[\Z"
)
_ANSIBLE_RECAP_AFTER = re.compile(r"[ \t]*:[ \t]*ok=\d+[ \t]+changed=\d+")


def _in_a_log_record(text: str, start: int) -> bool:
    low = max(0, start - 2000)  # bounded: one-line text has no line start to find
    line_start = text.rfind("\n", low, start) + 1
    return (line_start > 0 or low == 0) and bool(_LOG_RECORD_LINE.match(text, line_start))


# A Kubernetes object's `apiVersion` is GROUP/VERSION (the API conventions: `audit.k8s.io/v1`,
# `networking.k8s.io/v1`), in JSON or YAML: an API group named like a DNS domain, never a page.
_API_VERSION_KEY_BEFORE = re.compile(r"(?i)[\"']?\bapi_?version[\"']?[ \t]*[:=][ \t]*[\"']?\Z")
# `arp -n`'s Address column names a neighbour by host name when it resolves one: the row goes on with its HWtype
# and hardware address, or `(incomplete)`; BSD/macOS `arp -a` writes `host (address) at hwaddr`.
_ARP_ROW_AFTER = re.compile(
    r"[ \t]+(?:\(incomplete\)|(?:ether|infiniband|ieee802|loopback|fddi|ax25|netrom|arcnet)[ \t]+[0-9a-fA-F:]{11,}"
    r"|\(\d{1,3}(?:\.\d{1,3}){3}\)[ \t]+at\b)"
)


def _not_a_web_address(text: str, start: int, end: int, bare: str) -> bool:
    if _IMAGE_DIGEST.search(bare) or _API_VERSION_KEY_BEFORE.search(text, max(0, start - 20), start):
        return True
    return "/" not in bare and bool(
        _HOST_ADDRESS_AFTER.match(text, end)
        or _ARP_ROW_AFTER.match(text, end)
        or _in_a_log_record(text, start)
        or _ANSIBLE_RECAP_AFTER.match(text, end)
        or _ANSIBLE_RESULT_BEFORE.search(text, max(0, start - 40), start)
        or _HOST_KEY_BEFORE.search(text, max(0, start - 60), start)
        or _host_named_otherwise(text, start, start + len(bare))
    )


def _field_value(text: str, start: int, url: str) -> str:
    """A URL that opens a "|"-separated field ends at the next "|": HAProxy's captured headers (`%hr`, `%hs`) log
    as `{https://shop.example/|jane@example.com}`, HL7 v2 fields as `|https://...|`. (A "|" inside a URL is
    not allowed unencoded by RFC 3986, though browsers send it; one elsewhere stays part of the URL.)"""
    if start and text[start - 1] in "{|" and "|" in url:
        return url[: url.index("|")]
    return url


def _urls(text: str) -> Iterator[Finding]:
    seen: list[tuple[int, int]] = []
    for m in _URL.finditer(text):
        _on_time()
        seen.append((m.start(), m.end()))
        url = _field_value(text, m.start(), m.group()).rstrip(".,;:!?")
        if not _url_host_ok(url):
            continue
        if _names_a_namespace(text, m.start()):
            continue  # {"system": "http://hl7.org/fhir/sid/us-npi"}, xmlns="http://www.w3.org/...": identifiers
        yield Finding("URL", m.start(), m.start() + len(url), 0.9, "scheme or www. with a dotted host")
    starts: set[int] = set()
    for hit in _TLD_HIT.finditer(text):  # anchor on ".com" etc., then match the host from its first character
        _on_time()
        start = hit.start()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".-"):  # IDN labels too
            start -= 1
        if start in starts or any(s <= start < e for s, e in seen):
            continue
        starts.add(start)
        bare = _BARE_URL.match(text, start)
        if bare is None:
            continue
        url = _field_value(text, bare.start(), bare.group()).rstrip(".,;:!?")
        if _not_a_web_address(text, bare.start(), bare.end(), url):
            continue
        if "/" not in url and (
            text[bare.end() : bare.end() + 1] == "("
            or re.search(r"[A-Z]", url.split(".")[0])
            or url.rsplit(".", 1)[-1].lower() in ("pl", "in")
        ):
            continue  # "Foo.Bar(" or "Config.net" is code; "run.pl", "Makefile.in" are files: not web addresses
        yield Finding(
            "URL",
            bare.start(),
            bare.start() + len(url),
            0.7 if "/" in url else 0.6,
            "bare domain with a known top-level domain",
        )


# -- numbers with checksums ---------------------------------------------------------------------


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


# "+49 1512 ..." is a phone number; digits glued to letters ("JD0143...", "CUST4111...") are an identifier
# Any grouping: one space or dash, a typed form's aligned runs of spaces, a spaced dash, a comma (a number read
# out in groups: "4011, 7803, 1314, 4871") or a dot (4011.7803.1314.4871).
_CARD = re.compile(r"(?<![\w+.-])(?:\d(?:[ -]| {2,3}| - |, |\.)?){11,18}\d(?![\w-]|\.\d)")
_ANY = range(12, 20)
# ISO/IEC 7812 issuer ranges and the lengths their schemes issue: (prefix digits, low, high, lengths).
_IIN_RANGES: tuple[tuple[int, int, int, tuple[int, ...] | range], ...] = (
    (1, 1, 1, (15,)),  # UATP
    (4, 2200, 2204, range(16, 20)),  # Mir
    (4, 2221, 2720, (16,)),  # Mastercard 2-series
    (3, 300, 305, range(14, 20)),  # Diners Club International
    (4, 3095, 3095, range(14, 20)),
    (2, 36, 36, range(14, 20)),
    (2, 38, 39, range(16, 20)),
    (2, 34, 34, (15,)),  # American Express
    (2, 37, 37, (15,)),
    (4, 3528, 3589, range(16, 20)),  # JCB
    (1, 4, 4, (13, 16, 19)),  # Visa
    (2, 50, 50, _ANY),  # Maestro, Elo, Verve, RuPay 508
    (2, 51, 55, (16,)),  # Mastercard
    (2, 56, 59, _ANY),  # Maestro
    (1, 6, 6, _ANY),  # Discover, Maestro, UnionPay, RuPay, Elo, Troy
    (2, 81, 82, range(16, 20)),  # UnionPay, RuPay
    (4, 9792, 9792, (16,)),  # Troy (Turkey)
)


def iin_ok(digits: str) -> bool:
    """An issuer range of ISO/IEC 7812 that issues numbers of this length: a 15-digit number starting 35
    (an IMEI) or a 14-digit one starting 309 (a parcel number) is no card whatever its Luhn digit."""
    return any(
        low <= int(digits[:size]) <= high and len(digits) in lengths
        for size, low, high, lengths in _IIN_RANGES
    )


_CARD_WORDS = re.compile(
    r"(?i)(?:card|carte|karte|carta|tarjeta|cart[aã]o|kaart|maestro|visa|mastercard|amex|uatp|"
    r"pan\b|cc\b|payment|paid|\bpay\b|charged?\b|billed\b|checkout|paiement|zahlung|pagamento|pago|betaling|"
    # "paid (with)" in the suite's other languages: `Betaald met 6759  6303  9796`, `bezahlt mit`, `payé par`
    r"betaald|bezahlt|\bpay[ée]e?\b|r[ée]gl[ée]e?\b|r[èe]glement|pagat[oa]|pagad[oa]|pagou|abonad[oa]|"
    # "charged (to)": `cobrada en`, `addebitato su`, `débité sur`, `abgebucht von`, `cobrado no`, `afgeschreven`
    r"\bcobrad[oa]|addebitat[oa]|d[ée]bit[ée]e?\b|abgebucht|afgeschreven)"
)


# Luhn-valid numbers that are not payment cards: SIRET, ICCID (SIM), IMEI, GTIN/EAN, loyalty and customer
# accounts, parcels. Named just before the number or as its field, they are refused.
_NOT_CARD_WORDS = re.compile(
    r"(?i)\b(?:siret|siren|iccid|sim|imei|gtin|ean|upc|isbn|member(?:ship)?|loyalty|rewards|points|kunden\w*|"
    r"customer|client|account|acct|konto|compte|conto|cuenta|rekening|tracking|parcel|order|invoice|serial|"
    r"mitglied\w*|versicherten\w*|"
    r"s/?n|device|meter|batch|lot|iban|routing|block|id)\b"
)


# Cards that are not payment cards: their numbers may pass Luhn inside an issuer range all the same.
_NOT_PAYMENT_CARD = re.compile(
    r"(?i)\b(?:loyalty|member(?:ship)?|rewards?|points|bonus|sim|iccid|library|student|id|insurance|health|"
    r"kunden|fidelit[eé]|fedelt[aà]|fidelidad|klanten)\s*(?:card|karte|carte|carta|tarjeta|kaart|cart[aã]o)"
)


def _card_named_otherwise(text: str, start: int) -> bool:
    before = _words(text[max(0, start - 25) : start])
    other = list(_NOT_CARD_WORDS.finditer(before))
    if (other and not _CARD_WORDS.search(before[other[-1].end() :])) or _NOT_PAYMENT_CARD.search(before):
        return True
    label = _label(text, start)
    if label is None:
        return False
    name = _name_words(label.name)
    if (
        not label.strong
    ):  # a prose label on the line (`SIRET de l'établissement :`) counts if it names no card
        on_line = label.name in text[text.rfind("\n", 0, start) + 1 : start]
        return on_line and bool(_NOT_CARD_WORDS.search(name) and not _CARD_WORDS.search(name))
    return bool(
        _NOT_PAYMENT_CARD.search(name) or _NOT_CARD_WORDS.search(name) and not _CARD_WORDS.search(name)
    )


_CARD_GROUP = re.compile(r"\d{4,6}")
_CARD_SEPARATOR = re.compile(r"\D+")


def _card_groups_refused(raw: str) -> bool:
    """One separator between groups; a run of two or three spaces only between groups of four to six digits
    (a form's aligned `6510   5618 1964   3694`, the last group may be shorter), never a dash beside a space
    (two numbers in a row) unless every separator is the same spaced dash; a comma only between groups of
    three or more digits, the same separator throughout. Every brand prints its first group with four digits
    (4-4-4-4, Amex 4-6-5, Diners 4-6-4; up to six in a BIN-first layout): `732 829 320 00074`, a French SIRET
    that passes Luhn, is grouped as no card is."""
    head, *rest = _CARD_SEPARATOR.split(raw, maxsplit=1)
    if rest and not 4 <= len(head) <= 6:
        return True
    separators = set(_CARD_SEPARATOR.findall(raw))
    if separators & {" - ", ", ", "."}:
        groups = _CARD_SEPARATOR.split(raw)
        shortest = 4 if "." in separators else 3  # dotted: 4.4.4.4, never a decimal or a version's parts
        # read out with spaced dashes, a 13-digit Visa's last digit is a group of its own (`4044 - 4236 - 6434 - 5`)
        last = 1 if separators == {" - "} and len(groups) > 3 else 2
        return (
            len(separators) > 1
            or not all(len(group) >= shortest for group in groups[:-1])
            or len(groups[-1]) < last
            or ("." in separators and len(groups) < 4)
        )
    if not re.search(r"[ -]{2}", raw):
        return False
    groups = raw.split()
    return (
        "-" in raw
        or not all(_CARD_GROUP.fullmatch(group) for group in groups[:-1])
        or not 2 <= len(groups[-1]) <= 6
    )


# A separator other than the number's own ends it: `on card 2200-3128-7129-8827, 26/10/1982` and `5105 9148 1300
# 4301, 05/02/2026` run into the date after them, and the comma is the sentence's.
_OTHER_SEPARATOR = re.compile(r"(?<=\d)(?:, |,)(?=\d{1,3}\D*\Z)")


def _card_digits(raw: str) -> tuple[str, str] | None:
    """The card number's text and its digits, cut before a trailing group set off by a comma the rest does not use."""
    if _card_groups_refused(raw):
        cut = _OTHER_SEPARATOR.search(raw)
        if cut is None or "," in raw[: cut.start()] or _card_groups_refused(raw := raw[: cut.start()]):
            return None
    digits = re.sub(r"\D", "", raw)
    if len(digits) < 12 or len(set(digits)) == 1 or not iin_ok(digits):
        return None
    return raw, digits


# A chat's or a transcript's line (`[chat] Rahul: full number is 6759-6526-6553, expiry 06/30`) under another
# speaker's line that names a card (`Agent: please confirm the card ending you used.`): the reply gives the card.
_CHAT_LINE = re.compile(
    r"[ \t]*(?:\[[^\]\n]{1,24}\][ \t]*)?[^\W\d_][^\W\d_ .'-]*(?:[ .'-][^\W\d_]+){0,3}[ \t]*:[ \t]"
)


def _card_asked_in_dialogue(text: str, start: int) -> bool:
    line_start = text.rfind("\n", max(0, start - 300), start) + 1
    reply = _CHAT_LINE.match(text, line_start, start) if line_start else None
    if reply is None or _REFERENCE_WORDS.search(text, reply.end(), start):
        return False  # `Note: booking reference 6304-...` under it names another number
    above_start = text.rfind("\n", max(0, line_start - 300), line_start - 1) + 1
    above = text[above_start : line_start - 1]
    speaker = _CHAT_LINE.match(above)
    return speaker is not None and bool(_CARD_WORDS.search(_words(above[speaker.end() :])))


def _cards(text: str) -> Iterator[Finding]:
    for m in _CARD.finditer(text):
        _on_time()
        if (candidate := _card_digits(m.group())) is None:
            continue
        raw, digits = candidate
        if not luhn_ok(digits):
            continue
        # 12-digit Maestro, 13-digit Visa and UATP (prefix 1) are rare and share their shape with account and
        # barcode numbers: only with a payment word nearby.
        rare = (
            ", " in raw
            or len(digits) <= 13
            or digits[0] == "1"
            or (len(digits) == 12 and not re.match(r"5[06-9]|6", digits))
        )
        if (
            rare
            and not _context_near(text, m.start(), m.start() + len(raw), _CARD_WORDS, after=25)
            and not _card_asked_in_dialogue(text, m.start())
        ):
            continue
        if len(digits) == 12 and not re.match(r"5[06-9]|6", digits):
            continue
        if _card_named_otherwise(text, m.start()):
            continue
        yield Finding("CREDIT_CARD", m.start(), m.start() + len(raw), 1.0, "Luhn checksum and issuer prefix")


# ISO 13616 lengths per country (SWIFT IBAN registry).
_IBAN_LENGTHS = {
    "AD": 24,
    "AE": 23,
    "AL": 28,
    "AT": 20,
    "AZ": 28,
    "BA": 20,
    "BE": 16,
    "BG": 22,
    "BH": 22,
    "BR": 29,
    "BY": 28,
    "CH": 21,
    "CR": 22,
    "CY": 28,
    "CZ": 24,
    "DE": 22,
    "DK": 18,
    "DO": 28,
    "EE": 20,
    "EG": 29,
    "ES": 24,
    "FI": 18,
    "FO": 18,
    "FR": 27,
    "GB": 22,
    "GE": 22,
    "GI": 23,
    "GL": 18,
    "GR": 27,
    "GT": 28,
    "HR": 21,
    "HU": 28,
    "IE": 22,
    "IL": 23,
    "IQ": 23,
    "IS": 26,
    "IT": 27,
    "JO": 30,
    "KW": 30,
    "KZ": 20,
    "LB": 28,
    "LC": 32,
    "LI": 21,
    "LT": 20,
    "LU": 20,
    "LV": 21,
    "MC": 27,
    "MD": 24,
    "ME": 22,
    "MK": 19,
    "MR": 27,
    "MT": 31,
    "MU": 30,
    "NL": 18,
    "NO": 15,
    "PK": 24,
    "PL": 28,
    "PS": 29,
    "PT": 25,
    "QA": 29,
    "RO": 24,
    "RS": 22,
    "SA": 24,
    "SC": 31,
    "SE": 24,
    "SI": 19,
    "SK": 24,
    "SM": 27,
    "ST": 25,
    "SV": 28,
    "TL": 23,
    "TN": 24,
    "TR": 26,
    "UA": 29,
    "VA": 22,
    "VG": 24,
    "XK": 20,
}
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8}\b")


def iban_ok(compact: str) -> bool:
    if _IBAN_LENGTHS.get(compact[:2]) != len(compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def _ibans(text: str) -> Iterator[Finding]:
    for m in _IBAN.finditer(text):
        _on_time()
        raw = m.group()
        # the pattern may overrun into a following word: try the longest valid prefix
        for end in range(len(raw), 14, -1):
            candidate = raw[:end].rstrip()
            compact = candidate.replace(" ", "")
            if iban_ok(compact):
                yield Finding(
                    "IBAN_CODE",
                    m.start(),
                    m.start() + len(candidate),
                    1.0,
                    "ISO 13616 country length and mod-97 check digits",
                )
                break


# digits glued to letters ("CUST112554689") are an identifier, as for cards and phones
_SSN = re.compile(r"(?<![\w.-])(\d{3})([- .]?)(\d{2})\2(\d{4})(?![\w-]|\.\d|\2\d)")
# A US taxpayer identification number (IRS forms: `RECIPIENT'S TIN`, in capitals: "tin" is also a metal; a record's
# `taxId`) is an SSN or ITIN when it has the SSN's shape (an employer's EIN is written 12-3456789); `SS#`,
# `Soc. Sec.` are written before a non-word character
_SSN_WORDS = re.compile(
    r"(?i)\b(?:ssn|social sec(?:urity)?|soc\.? ?sec|ssa|ss no|(?-i:I?TIN)|taxpayer id(?:entification)?|tax ?id)\b|\bss ?#|"
    # spoken: "the last four of your social", "what's your social?"
    r"\b(?:your|my|his|her|the) social\b(?![ \t]+(?:media|network|worker|club|event|life|services?|care))"
)


def ssn_ok(area: str, group: str, serial: str) -> bool:
    """SSA rules: area not 000, 666 or 900-999; group not 00; serial not 0000; no advertised samples."""
    if area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000":
        return False
    return area + group + serial not in ("078051120", "219099999", "123456789")


# A parenthetical aside between the cue and the value: `Social Security number (for the death certificate) 5941...`.
_ASIDE_BEFORE = re.compile(r"\([^()\n]{1,60}\)[ \t:]*\Z")
# A reply's bare "social" before the number, under a question naming the SSN: `Caller: Born 2-Dec-75, social 7867...`.
_SPOKEN_SOCIAL = re.compile(r"(?i)\bsocial[ \t]*(?:is|:|-)?[ \t]*\Z")


def _ssn_cue(text: str, start: int, end: int, sep: str) -> bool:
    if _context_near(text, start, end, _SSN_WORDS):
        return True
    if (
        ")" in text[max(0, start - 3) : start]
        and (aside := _ASIDE_BEFORE.search(text, max(0, start - 70), start)) is not None
        and _SSN_WORDS.search(_name_words(text[max(0, aside.start() - 40) : aside.start()]))
    ):
        return True
    if _SPOKEN_SOCIAL.search(text, max(0, start - 12), start) and _asked_above(text, start, _SSN_WORDS):
        return True
    return not sep and _reply_names(text, start, end, _SSN_WORDS)  # "Agent: ... your social."


# An ABA routing transit number named just before the digits (`Routing 094074437`, `ABA #`, `RTN:`) on a direct
# deposit form is the bank's, whatever SSN word an earlier line holds: nine digits, SSN-shaped when ungrouped.
_ROUTING_BEFORE = re.compile(
    r"(?i)\b(?:routing|aba|rtn|(?:bank )?transit)(?:[ \t]+(?:transit|no\.?|number|num\.?|#))*[ \t]*[:#.]?[ \t]*\Z"
)


def _ssns(text: str) -> Iterator[Finding]:
    for m in _SSN.finditer(text):
        _on_time()
        area, sep, group, serial = m.groups()
        if not ssn_ok(area, group, serial) or _ROUTING_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        near = _ssn_cue(text, m.start(), m.end(), sep)
        if (sep and sep != ".") or near:
            yield Finding(
                "US_SSN",
                m.start(),
                m.end(),
                0.95 if near else 0.85,
                "SSA structure (area, group, serial)" + (" with context" if near else ""),
            )


_TEN_DIGITS = re.compile(r"(?<![\d-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d-])")
# 4-3-3 and 5-5 groupings (3-3-4 and ungrouped are _TEN_DIGITS)
_NPI_GROUPED = re.compile(
    r"(?<![\d-])(\d{4})([ -])(\d{3})\2(\d{3})(?![\d-])|(?<![\d-])(\d{5})([ -])(\d{5})(?![\d-])"
)
# \Z, not $: "$" also matches before a final newline, which made a number at the start of a line the tail of
# whatever "00.." ended the line above.
_AFTER_COUNTRY_CODE = re.compile(r"(?:\+|\b00)\d{1,3}[ .-]?(?:\(0\)\s?)?\Z")
# ... and a FHIR Reference to a practitioner by identifier (`generalPractitioner.identifier`)
_NPI_WORDS = re.compile(
    r"(?i)\b(?:npi|national provider|provider id|prescriber|practitioner (?:identifier|id))\b"
)
_NHS_WORDS = re.compile(r"(?i)\b(?:n ?h ?s(?:no|num(?:ber)?)?|national health|patient ?(?:no|number|id))\b")


def _cue_is_nearest(text: str, start: int) -> bool:
    """An NPI cue counts only if no phone word stands between it and the number ("NPI ..., fax 206 ...")."""
    before = _name_words(text[max(0, start - 30) : start])  # "prescriber_npi", "setNpi(": a key name is words
    cues = list(_NPI_WORDS.finditer(before))
    if cues and not _PHONE_WORDS.search(before[cues[-1].end() :]):
        return True
    label = _label(text, start)
    return bool(label and _NPI_WORDS.search(_name_words(label.name)))


def npi_ok(digits: str) -> bool:
    return digits[0] in "12" and luhn_ok("80840" + digits)


def nhs_ok(digits: str) -> bool:
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9]) and len(set(digits)) > 1


def _nhs_refused(text: str, start: int, end: int) -> bool:
    """A spaced 3-3-4 number with no NHS cue is an NHS number unless something else is named for it: a phone
    word, a reference word just before ("REF 442 938 5769"), or a structured field of another kind."""
    if (
        _context_near(text, start, end, _PHONE_WORDS)
        or _REFERENCE_WORDS.search(text[max(0, start - 30) : start])
        or _SPELLED_EXTENSION.match(text, end)
    ):
        return True
    label = _label(text, start)
    return bool(label and label.strong and _value_starts_field(text, start))


def _failing_row_ids(text: str) -> Iterator[Finding]:
    """Ten bare digits as a whole cell of PostgreSQL's failing row in a table of people, next to a name: the
    NPI's Luhn check (with its 1 or 2) or else the NHS number's mod-11 check names the identifier. Outside such a
    row ten bare check-digit-valid digits with no cue stay unreported."""
    for m in _TEN_DIGITS.finditer(text):
        _on_time()
        digits = m.group()
        if m.group(2) or not ((row := failing_row(text, m.start(), m.end())) and row.of_people):
            continue
        if npi_ok(digits):
            yield Finding(
                "US_NPI", m.start(), m.end(), 0.8, f"NPI Luhn check in a failing row of {row.relation}"
            )
        elif nhs_ok(digits):
            yield Finding(
                "UK_NHS", m.start(), m.end(), 0.8, f"NHS mod-11 check in a failing row of {row.relation}"
            )


def _health_ids(text: str) -> Iterator[Finding]:
    if "Failing row contains (" in text:
        yield from _failing_row_ids(text)
    for m in _NPI_GROUPED.finditer(text):
        _on_time()
        digits = re.sub(r"\D", "", m.group())
        if (
            npi_ok(digits)
            and _context_near(text, m.start(), m.end(), _NPI_WORDS, window=30, after=0)
            and _cue_is_nearest(text, m.start())
        ):
            yield Finding("US_NPI", m.start(), m.end(), 0.95, "NPI Luhn check (80840 prefix) with context")
    for m in _TEN_DIGITS.finditer(text):
        _on_time()
        if _AFTER_COUNTRY_CODE.search(text[max(0, m.start() - 8) : m.start()]):
            continue  # "+44 20 ..." / "+1 702 768 3121": the rest of a phone number
        digits = "".join(m.group(1, 3, 4))
        if (
            npi_ok(digits)
            and _context_near(text, m.start(), m.end(), _NPI_WORDS, window=30, after=0)
            and _cue_is_nearest(text, m.start())
        ):
            yield Finding("US_NPI", m.start(), m.end(), 0.95, "NPI Luhn check (80840 prefix) with context")
        if nhs_ok(digits):
            near = _context_near(text, m.start(), m.end(), _NHS_WORDS) or _asked_above(
                text, m.start(), _NHS_WORDS
            )
            if near or m.group(2) == " " and not _nhs_refused(text, m.start(), m.end()):
                yield Finding(
                    "UK_NHS",
                    m.start(),
                    m.end(),
                    0.95 if near else 0.7,
                    "NHS mod-11 check digit" + (" with context" if near else ""),
                )


# -- phones (libphonenumber) -----------------------------------------------------------------------

_PHONE_CANDIDATE = re.compile(
    # the lookahead first: most positions fail on one character class before any lookbehind runs
    r"(?=[(+\d])(?:(?<![\w+#/.-])(?<![\d:]:)|(?<=[/+])(?=\+\d))\(?(?:\+|00)?\(?\d[\d ().\-/]{5,20}\d"
    r"(?:,?\s?(?:x|ext\.?|extn\.?|extension|poste|durchwahl|app\.|int\.|toestel|ramal)\s?\d{1,6}|-\d{1,4}(?=\D|$))?(?!\w|\.\d)",
    re.IGNORECASE,
)
_EXTENSION = re.compile(
    r"(?i),?\s?(?:x|ext\.?|extn\.?|extension|poste|durchwahl|app\.|int\.|toestel|ramal)\s?\d{1,6}$"
)
# An extension spelled out after the number (`(404) 900-8140 ext 1157`, `832 741 1055, ext 8322`) is the phone's
# own cue: no reference, NHS or account number carries one ("landlord reference (404) ... ext 1157" is a person's
# line). The terse "x" and "app." / "int." are left out: they also write a count or an apartment.
_SPELLED_EXTENSION = re.compile(
    r"(?i),?[ \t]?(?:ext\.?|extn\.?|extension|poste|durchwahl|toestel|ramal)[ \t]?\d{1,6}"
)
# National (no country code) numbers are tried in these plans: North America, the UK and Ireland, India,
# Australia, and Europe's and Brazil's largest. International numbers ("+", "00") in every plan.
_PHONE_REGIONS = (
    "US",
    "GB",
    "IN",
    "AU",
    "FR",
    "DE",
    "IT",
    "ES",
    "NL",
    "BR",
    "BE",
    "CH",
    "AT",
    "PT",
    "IE",
    "CA",
)
_OTHER_ID_WORDS = re.compile(
    "|".join(p.pattern.removeprefix("(?i)") for p in (_SSN_WORDS, _NPI_WORDS, _NHS_WORDS)), re.IGNORECASE
)
_PHONE_WORDS = re.compile(
    r"(?i)(?=[^\W\d_])(?:phone|\btel\b|mobiel|msisdn|\bgsm\b|dudas|d[uú]vidas|domande|\btél|\btel\.|tel[eé]fo|téléphone|\btext me\b|\bsms\b|telefoon|telefone|\bcall\b|mobile|\bmobil|m[oó]vil|"
    r"\bcell|cellulare|celular|\bhandy\b|portable|\bfixe\b|\bfijo\b|\bfisso\b|\bfax\b|contact|contatt|"
    # an emergency contact's line in the suite's languages
    r"emergency|urgen(?:ce|cia)\b|emergenza|notfall|noodgeval|"
    # a census enumerator or a survey's interviewer: the person who calls or visits leaves a number
    r"recenseur|rilevator[ei]\b|enumerator|enqu[êe]teur|intervistator[ei]\b|entrevistador|encuestador|censista|"
    # German's separable "call": `ruf mich (kurz) an`, `rufen Sie uns an`
    r"\bruf(?:e|t|en)?[ \t]+(?:(?:sie|du)[ \t]+)?(?:mich|uns)\b|"
    r"\bring\b|call ?back|utenza|\bmob\b|whatsapp|telefax|r[uü]ckruf|r[uü]ckfragen|helpline|hotline|support line|\bbel\b|\bbellen|appel|chiam|ll[aá]m|me liga|ligue|\bligar\b|anruf|"
    r"erreichbar|erreich(?:t|en) sie|zu erreichen|joignable|recapit[oi]|reperibile|bereikbaar|al numero|rufnummer|atendimento|"
    r"klantenservice|service client|assistenza|atención|\boffice\b|questions\?|vragen\?|fragen\?|"
    r"\bsupport\b|soporte|suporte|supporto|dial ?in\b|einwahl|conference line|"
    # customer service lines, "questions about ...:", and "my number" in the suite's languages
    # (one alternative behind a first-letter gate: each top-level alternative costs a try at every position)
    r"(?=[cdfikmpqsv])(?:servi(?:zio clienti|cio al cliente)|customer (?:service|care)|kunden(?:service|dienst)|"
    # consumer lines printed on packaging and receipts (Brazil's SAC, Serviço de Atendimento ao Consumidor)
    r"service consommateurs?|consumer (?:service|care|line)|verbraucher(?:service|hotline)|servizio consumatori|"
    r"consumentenservice|\b(?-i:SAC)\b|"
    r"fragen (?:zu|an)|questions (?:about|sur|to)|domande su|vragen (?:over|aan)|preguntas sobre|d[uú]vidas sobre|"
    r"\b(?:my|mon|mi|meu|mijn|meine|il mio) (?:phone |(?:new|nieuwe|neue|nouveau|nuevo|novo|nuovo) )?"
    r"(?:number|num[eé]ro|nummer|numero)))|"
    # ... "your (new) number" asked in a chat; a UK booking line ("Book on 020 ..."), German's "unter <number>" (at
    # the number), Portuguese "contato", and a next of kin's column (the person to call)
    r"(?=[abcdijnrtuvsy])\b(?:(?:your|je|jouw|uw|deine?|ihre|ton|votre|tu|teu|seu|il tuo) "
    r"(?:(?:new|nieuwe|neue|nouveau|nuevo|novo|nuovo) )?(?:number|num[eé]ro|nummer|numero)\b|book on\b|unter\b|"
    r"contato\b|next of kin\b|angeh[öo]rige|"
    # a subscriber's other line and India's registered mobile number (RMN) on a SIM's or a connection's form
    r"alternat(?:e|ive)\b|new (?:number|no\b)|rmn\b)|"
    # the person a school or a clinic calls for a minor, in the suite's languages: a parent or guardian
    # (Erziehungsberechtigte, responsable légal, tutor, genitore, ouder/verzorger, responsável), an emergency
    # contact (emergência, "in geval van nood", "personne à prévenir")
    # ("parent", "padre", "mother" also name a node's parent in data: they count only as a line's label before a
    # person's name, _KIN_LABEL)
    r"(?=[aàcegmnoprstv])(?:\bparent ?(?:/|or|and|&) ?(?:guardian|carer)|\bparent(?:'|’)s\b|guardian|\bcarers?\b|"
    r"erziehungsberechtigt|sorgeberechtigt|\beltern\b|vormund|responsable l[ée]gal|repr[ée]sentant l[ée]gal|"
    r"tut(?:eur|rice|ore)\b|\btutora? legal\b|/ ?tutora?\b|[àa] pr[ée]venir|\b(?:genitor[ei]|ouders|verzorgers?|voogd|m[ãa]e|mum|dad|"
    r"p[èe]re|m[èe]re|mamma|pap[àa]|moeder)\b|respons[aá]vel(?! t[ée]cnic)|encarregad[oa] de educa|"
    r"emerg[eê]ncia|ansprechpartner|reperibilit|persona di riferimento|personne de confiance|"
    r"\bnood(?:nummer|contact|geval)?\b|"
    # a number port's list: the numbers a subscriber keeps when moving to a new provider
    r"(?:numbers?|num[eé]ros?|nummers?|numeri|n[uú]meros?) (?:to (?:port|keep|transfer)|[àa] (?:conserver|porter|"
    r"portar|conservar|manter)|da (?:portare|trasferire|mantenere)|om (?:te )?(?:porteren|behouden))\b|"
    r"number port|portabilit|portabilidad|portierung|nummerbehoud|porting|"
    r"\b(?:numbers?|num[eé]ros?|n[uú]meros?|nummers?|numeri)(?: being)? (?:ported|port[ée]s?|portados?|portat[oi]|"
    r"geporteerd)\b)"
)
# An order, invoice, customer or tracking reference named just before the digits.
_REFERENCE_WORDS = re.compile(
    # short names only as words of their own or a camelCase part (`Dean 0121 ...`, `David 020 ...`: a person's
    # name ends in "ean" or "id"; `orderId`, `order_id`, `SKU` name references)
    r"(?i)(?=[^\W\d_])(?:(?<![^\W\d_])(?:zip|plz|cep|po|sku|ean|id)|(?-i:Zip|ZIP|PLZ|CEP|Po|PO|Sku|SKU|Ean|EAN|Id|ID)|"
    r"order|invoice|receipt|\br[eé]f(?:[eé]rence)?\.?|ticket|tracking|account|customer|kunden|auftrag|"
    r"bestell|rechnung|commande|facture|pedido|factura|fattura|pratica|ordine|factuur|bestelling|"
    r"nota fiscal|nf-e|protocolo|dossier|postal|post ?code|gstin|isbn|trace|rastreio|env[ií]o|shipment|"
    r"sendung|spedizione|suivi|colis|seguimiento|codice|c[oó]digo|code|pnr|kenmerk|"
    r"\b(?:lot[e]?|batch|group|charge|chargen\w*|lotto|partij|serial|s/?n|claim|sinistr[eo]|siniestro|schaden\w*|"
    r"polic[yies]*|polizz?a|p[oó]liza|ap[oó]lice|polis\w*|proposal|expediente|aktenzeichen|vorgang|"
    r"ein|tax ?id|vat|tva|iva|p\.? ?iva|ust-?idnr\.?|btw(?:-nummer)?|nif|cif|siret|siren|kvk|"
    r"company (?:no|number)|registered|registration|reg\.?|routing|isbn|iccid|imei|gtin|fee|block|duns|"
    r"record|file|case|matter|hosp(?:ital)?\.?|sim|cpf|cnpj|rg|bsn|nir|insee|steuer\w*|aadhaar|abn|tfn|sin|nino|dni|nie|mrn|bill|cupom|cup[oó]n|coupon|recept|receta|ricetta|dispensaci[oó]n|"
    r"passport|licen[cs]e|medicare|member|mitglied\w*|versicherten\w*|build|release|rx|employee|staff|"
    r"personnel|personal\w*|matricul\w*|matricola|ndc|sr|inc|incident|req|contra[ct]\w*|contrat\w*|vertrag\w*|"
    r"versicherungs\w*|isbn(?:-1[03])?|"
    # a payment's purpose (Italian causale, Spanish concepto), a utility's consumer number, social insurance
    # numbers (Spain's afiliación a la S.S., Brazil's PIS/PASEP/NIT); a quotation's (an estimate's) number
    # (`orçamento 675-9764-720 de R$ 719,90`, `devis n° ...`)
    r"(?=[acdinopqrsv])(?:causale|concepto|verwendungszweck|payroll|consum\w*|"
    r"or[cç]amento|presupuesto|preventivo|devis|cotizaci[oó]n|cota[cç][aã]o|quotation|angebot|offerte|"
    r"afiliaci[oó]n(?:\s+(?:a\s+la\s+)?s\.\s?s\.)?|seguridad social|pis|pasep|nit|registre national|"
    r"rijksregister\w*|niss|insz))|"
    r"(?:bestell|kunden|rechnungs|auftrags|order|referen|confirm|booking|incass|mandat|factuur|polis)\w*|"
    # a company's register number (Belgium's KBO/BCE), the Nordic personal identity numbers, a DOI
    r"(?:unternehmens|onderneming|entreprise|enterprise|personnummer|f[øo]dselsnummer|henkil[öo]tunnus)\w*|"
    r"\b(?:cpr|hetu|doi)\b|"
    # a request's or a consignment's number (an air waybill, AWB)
    r"\b(?:request|anfrage|demande|richiesta|solicitud|aanvraag|solicita[cç][aã]o|awb|waybill|frachtbrief)\b|"
    # a pay-TV set-top box's viewing card (VC) number
    r"\b(?:vc|viewing[ -]card)\b|"
    # any German compound named "<Thing>-Nr." (Betriebsstätten-Nr., Arzt-Nr.) is that thing's number, unless
    # the thing is a telephone's (Ruf-Nr., Tel.-Nr., Handy-Nr. are phone words or ruled out here)
    r"\b(?!(?:not)?ruf-|tel\w*-|fon-|fax-|handy-|mobil\w*-|durchwahl-)[^\W\d_]{3,}(?=-nr\b))"
    # ... and what may follow the name: "number", "No.", and the card that carries it (`Medicare card 2123 45670 1`)
    r"(?:[\s-]*(?:n[o°º.]*|nr\.?|number|num[eé]ro|nummer|#|:|=|\(\w+\)|card|karte|carte|tarjeta|carta|kaart|cart[aã]o))*"
    r"\.?(?:\s+of\s+(?:the\s+)?[a-z]+)?\s*$"
)


# `5.13.0-576.40.1.el8` (a kernel release), `0612.v2`: digits glued to more of an identifier are no phone number.
_ID_CONTINUES = re.compile(r"[-_][0-9A-Za-z]|\.[A-Za-z]")
_ID_BEFORE = re.compile(r"[0-9A-Za-z]_$")


def _inside_identifier(text: str, start: int, end: int) -> bool:
    """Digits that continue, through "-" or "_", into letters or more digits belong to a longer token: a UUID
    (31175953-6737-46c0-...), a K8s pod name, a hex id. Phones do not continue that way."""
    return bool(_ID_CONTINUES.match(text, end) or _ID_BEFORE.search(text, max(0, start - 2), start))


_QP_ESCAPES = re.compile(r"(?:=[0-9A-F]{2})+")


def _qp_decoded(window: str) -> str:
    """A quoted-printable mail body (RFC 2045) writes `numéro` as `num=C3=A9ro`: its escapes decoded so that a cue
    word reads as a word (positions after an escape shift by a few characters, which no caller relies on)."""
    if "=" not in window:
        return window
    return _QP_ESCAPES.sub(
        lambda m: bytes.fromhex(m.group().replace("=", "")).decode("utf-8", "replace"), window
    )


_SENTENCE_BREAK = re.compile(r"[.;!?](?:\s|$)|\n")


# A line labelled with a kinship word that data also uses for a tree's parent node: a person's name must follow
# before the number (`Mother: Ana Ruiz, 612 345 678`, not `parent: 2025550187`).
_KIN_LABEL = re.compile(
    r"(?i)[ \t]*(?:parents?|padre|madre|ouders?|mother|father|vater|mutter|vader|pai)(?:[ \t]*/[ \t]*\w+)*[ \t]*"
)
_NAME_AFTER_LABEL = re.compile(r"[ \t]*[^\W\d_]{2,}")


def _line_label_cue(text: str, start: int) -> bool:
    """The line's label names a phone, however long the name written between it and the number (`Responsable
    légal : Théodore Devaux-Dumont, 0256597919`, `Erziehungsberechtigte: Prof. Jörgen Ehlert B.Eng., ...`)."""
    line_start = text.rfind("\n", max(0, start - 160), start) + 1
    if line_start == 0 and start > 160:
        return False
    colon = text.find(":", line_start, start)
    if colon < 0 or colon - line_start > 48:
        return False
    label = text[line_start:colon]
    if _PHONE_WORDS.search(_name_words(label)):
        return True
    return bool(_KIN_LABEL.fullmatch(label) and _NAME_AFTER_LABEL.match(text, colon + 1, start))


# Confirming or answering "at" a number (`Merci de confirmer votre présence au 04...`, `RSVP on 07...`): the
# number is the one to call.
_ANSWER_AT = re.compile(
    r"(?i)\b(?:confirm\w*|rsvp|r[ée]pond\w*|rappel\w*|joindre|contact\w*)\b[^\n.;]{0,30}?[ \t](?:au|on|at|al|unter|op)[ \t]*\Z"
)


# An e-mail address up to the end of its domain (a query string's `&phone=` after it is a field of its own).
_MAIL_TOKEN = re.compile(r"[^\s@&?=;,:<>\"']*@[^\s@&?=;,:<>\"'/]+")


_ANSWER_GATE = (
    "confirm",
    "rsvp",
    "pond",
    "rappel",
    "joindre",
    "contact",
)  # substrings every _ANSWER_AT holds


def _answered_at(text: str, start: int) -> bool:
    window = text[
        max(0, start - 60) : start
    ].lower()  # a cheap gate first: this runs for every uncued candidate
    return any(g in window for g in _ANSWER_GATE) and bool(_ANSWER_AT.search(window))


def _field_named_for_phones(text: str, start: int) -> bool:
    label = _label(text, start)
    return label is not None and bool(_PHONE_WORDS.search(_name_words(label.name)))


def _phone_cue(text: str, start: int, end: int, previous_end: int) -> bool:
    """A phone word near the candidate, unless it stood before an earlier phone number and a sentence or line
    ended since ("... telefonisch unter 040-8413-5669. Paket 9506 1397 8951": the word was that number's)."""
    # a table's cell: its column's header first (remembered for the table's later questions); only for a value
    # that opens its field, as a long line of prose has no header and finding that out is dear
    if _value_starts_field(text, start) and _field_named_for_phones(text, start):
        return True
    window_start = max(0, start - 40)
    window = text[window_start:start]
    if "@" in window:  # `...@telefonica.net S=5283370`: an e-mail address's domain is a name, no cue
        window = _MAIL_TOKEN.sub(lambda m: " " * len(m.group()), window)
    # camelCase is words (`c.setTel("...")`); a hump's space shifts a cue's end by a character or two at most
    cues = list(_PHONE_WORDS.finditer(_name_words(_qp_decoded(window))))
    if cues and (
        window_start + cues[-1].end() > previous_end or not _SENTENCE_BREAK.search(text, previous_end, start)
    ):
        return True
    if _SIGNATURE_CUE.search(text, max(0, start - 12), start) or _line_label_cue(text, start):
        return True
    if _answered_at(text, start):
        return True
    if _context_near(text, start, end, _PHONE_WORDS, window=0):
        return True  # a word just after it, or its column's header
    if _asked_above(text, start, _PHONE_WORDS):  # "Agent: a number to call you back on?" / "Caller: ..."
        return True
    return _listed_under_a_phone_heading(text, start) or _other_channel_after_address(text, start)


# A number offered as the other way to do a thing after a web or an e-mail address (`Pour annuler : https://... ou
# 0621476898.`, `Verzetten: https://... of 0348-744647.`): the channel that is no address is a phone line.
_OR_BEFORE = re.compile(r"(?i)[ \t](?:or|ou|of|oder|o|oppure|ó)[ \t]+\Z")
_ADDRESS_BEFORE_OR = re.compile(r"(?i)(?:[^\s@]@[^\s@]+\.[^\W\d_]{2,}|://\S+|\bwww\.\S+)\Z")


def _other_channel_after_address(text: str, start: int) -> bool:
    conjunction = _OR_BEFORE.search(text, max(0, start - 10), start)
    if conjunction is None:
        return False
    end = conjunction.start()
    return _ADDRESS_BEFORE_OR.search(text, max(0, end - 200), end) is not None


# A list's item: the number alone on its line after a bullet or an item number; the lines above it up to the
# heading are items too (a bullet, or a number first).
_ITEM_START = re.compile(r"[ \t]*(?:[-*•·][ \t]*|\d{1,2}[.)][ \t]+)?")
_ITEM_LINE = re.compile(r"[ \t]*(?:[-*•·][ \t]|\d{1,2}[.)][ \t]|\+?\(?\d)")


def _listed_under_a_phone_heading(text: str, start: int) -> bool:
    """A list under a heading that names phones (`Numbers to port:` above `- 5033370375` and `- 7029194190`):
    the heading names every item, not only the first within reach of a cue's window."""
    line_start = text.rfind("\n", max(0, start - 40), start) + 1
    if line_start == 0 or not _ITEM_START.fullmatch(text, line_start, start):
        return False
    end = line_start - 1  # the newline that ends the line above
    for _ in range(30):
        above = text.rfind("\n", max(0, end - 200), end) + 1
        line = text[above:end].rstrip()
        if line.endswith(":"):
            return bool(_PHONE_WORDS.search(_name_words(line)))
        if not _ITEM_LINE.match(line) or above == 0:
            return False
        end = above - 1
    return False


# Shapes that are something else whatever libphonenumber says of their digits.
_NOT_PHONE_SHAPES = (
    re.compile(r"\d{3}-\d{2}-\d{4}"),  # an SSN
    re.compile(r"\d{4}-\d{2}-\d{2}.*"),  # an ISO date and what follows it
    # four or more dotted numbers: a version, an address, an OID (but not France's 06.60.88.98.86)
    re.compile(r"(?!(?:\d{2}\.){4}\d{2}$)\d*\.\d*\.\d*\.\d*(?:\.\d*)*"),
    re.compile(r"\d{5}-\d{4}"),  # a US ZIP+4 code
    re.compile(r"(?:19|20)\d{2}[-/]\d{4,8}"),  # a year and a serial: 2022-446671
    re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4} \d{1,2}"),  # a date and the hour after it: 2024/08/17 16
    re.compile(r"\d+/\d+/\d+(?:/\d+)*"),  # slashes between three groups: a file or claim number, 70/5086/6421
    re.compile(r"\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}"),  # opening hours, 07.00 - 18.00
    re.compile(r"\d{1,2}([-/.])\d{1,2}\1(?:1[89]|20)\d{2}(?:\D.*)?"),  # a date (and what follows), 04.04.2021
    re.compile(r"\d{1,5}-\d{1,7}-\d{1,7}-[\dX]"),  # an ISBN-10, 0-306-40615-2
    re.compile(r"\d{5,}\.\d{1,3}"),  # a long number with a short fraction: build 20240518.3
    re.compile(r"10\.\d{4,9}/\S+"),  # a DOI (ISO 26324): the directory's 10., a registrant, a suffix
    re.compile(r"\d{3}\.\d{3}\.\d{3}-\d{2}"),  # a Brazilian CPF
    re.compile(r"\d{3}\.\d{5}\.\d{2}-\d"),  # a Brazilian PIS/PASEP/NIT
    re.compile(r"\d{2}\.\d{3}\.\d{3}/\d{4}-\d{2}"),  # a Brazilian CNPJ
    re.compile(r"\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}"),  # Belgium's national register number (NISS/INSZ)
    # a period of two dates, 25/01/18 - 23/02/18
    re.compile(r"\d{1,2}([/.])\d{1,2}\1\d{2}(?:\d{2})?\s*[-–]\s*\d{1,2}\1\d{1,2}\1\d{2}(?:\d{2})?"),
)
# Inside a candidate: an ISO date ("1 2021-07-09 20" out of a log line); slashes between three groups with more
# around them (HAProxy's connection counts and queues, `14/14/1/0/0 0/0`); an IPv4 address with what ran into it
# (a W3C/IIS log's `443 - 192.168.1.20`: the port, an empty user, the client)
_NOT_PHONE_INSIDE = re.compile(
    r"(?:19|20)\d{2}-[01]\d-[0-3]\d|\d/\d+/\d|(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])"
)
# Without a phone word or a country code these groupings are reference numbers, not a national format:
# 2-8, 4-6 and 3.3.3 digits, three groups of four (with spaces or dashes), and 3-3-4 with a 1-4 digit tail.
# Also: amounts (1.234.567), numbers in thousands groups (3 226 394 990), 4-6 accounts not starting 0 (a trunk
# prefix), 4-3-2 lot numbers and 5-4-2 drug codes (NDC), 2-7 (an EIN), 5-3/5-4 postcodes.
_REFERENCE_SHAPES = re.compile(
    r"(?!06-)\d{2}-\d{8}|\d{4}-\d{6}|\d{3}\.\d{3}\.\d{3}|\d{4}([ -])\d{4}\1\d{4}|\d{3,4}-\d{3,4}-\d{4}-\d{1,4}"
    r"|\d{1,3}(?:\.\d{3}){2,}|\d{1,2}(?: \d{3}){3,}|[1-9]\d{3} \d{6}|\d{4,5}-\d{3,4}-\d{1,2}|\d{2}-\d{7}"
    r"|\d{5}-\d{3,4}|\d{2}-\d{6}-\d{2}|\d{6,8}-\d{1,2}"
    r"|\d{2}[ -]\d{8}[ -]\d{2}|\d{4} \d{4} \d{2}"  # Spain's social security number (NAF); 4-4-2 references
    r"|\d{4}\.\d{2}\.\d{3}"  # a Dutch BSN as python-stdnum formats it
    r"|\d{1,3}\.\d{4,}"  # a decimal fraction, 0.127471632; with a phone word, Italy's 800.420678
    r"|\d{3}-\d{4}-\d{3}"  # 3-4-3 with dashes: an order or transfer number (Italy writes 011 8063 264 with blanks)
    # a birth date and a serial: Sweden's personnummer (YYMMDD-NNNN), Denmark's CPR (DDMMYY-SSSS)
    r"|(?:[0-3]\d[01]\d\d\d|\d\d[01]\d[0-3]\d)-\d{4}"
)
# A value under a quoted key ("rx": "...", arn = "..."): structured data names its fields, so a national
# number counts there only if the field's name is a phone word.
_QUOTED_KEY = re.compile(
    r"""(?<![^\W\d_])["']([A-Za-z][\w.-]{0,40})["']?\s*[:=]\s*["']?$|\b([A-Za-z]\w{0,40})\s*=\s*["']$"""
)


def _phone_shape_refused(core: str) -> bool:
    return any(shape.fullmatch(core) for shape in _NOT_PHONE_SHAPES) or bool(_NOT_PHONE_INSIDE.search(core))


_FIELD_START = re.compile(r"(?:^|[|\t,;>:=*^~\[{])[ \t]*[\"'(]?[ \t]*$", re.M)


def _value_starts_field(text: str, start: int) -> bool:
    """The value is the field's content, not a number inside free text in it ("| notes | please call ...")."""
    return bool(_FIELD_START.search(text, max(0, start - 4), start)) or start == 0


# Two words after the number: the line goes on as a sentence ("Luca: 320.163.8072 oppure scrivi a ..."), so the
# label before it is a speaker or a heading, not the name of a field whose value the number is.
_PROSE_AFTER = re.compile(r"[ \t]+[^\W\d_]{2,}[ \t]+[^\W\d_]")


def _field_refuses(text: str, start: int, end: int) -> bool:
    """A structured field named for something else (a JSON key, a header, an HL7/X12 position: "lot",
    "PID-3", "NM1 npi") holds no phone number; a prose label ("Claim reference: ...") only when it names a
    reference."""
    label = _label(text, start)
    if label is not None:
        name = _name_words(label.name)
        if _PHONE_WORDS.search(name) or _SIGNATURE_LABEL.fullmatch(name.strip()):
            return False
        if _speaker_answers_phone_question(text, start, name):
            return False
        return (
            label.strong and _value_starts_field(text, start) and not _PROSE_AFTER.match(text, end)
        ) or bool(_REFERENCE_WORDS.search(name + " "))
    key = _QUOTED_KEY.search(text, max(0, start - 50), start)
    key_name = (key.group(1) or key.group(2)) if key else None
    if key is None or key_name is None or _PHONE_WORDS.search(_words(key_name)):
        return False
    if key.group(1) and text[key.end(1) : key.end(1) + 1] not in ("'", '"'):
        # `"note": "Numéro: 06 12 34 56 78"`: no key but a string's own text, opening with a prose label
        return bool(_REFERENCE_WORDS.search(key_name + " "))
    return True


# A chat or transcript line's speaker: `Lucía: 727-207-372` under `Carmen: y el móvil de tu hermano?`.
_SPEAKER = re.compile(r"[ \t]*[^\W\d_][^\W\d_ .'-]*(?:[ .'-][^\W\d_]+){0,3}[ \t]*:[ \t]")


def _speaker_answers_phone_question(text: str, start: int, name: str) -> bool:
    """The label before the number is a speaker's, not a field's: the line above, a question that asks for a phone
    number, starts with a speaker's name too, and this one names no reference."""
    question = _question_above(text, start)
    if question is None or _REFERENCE_WORDS.search(name + " ") and not _dialogue_speaker(text, start):
        return False
    above = question[2]
    return bool(_SPEAKER.match(above) and _PHONE_WORDS.search(_words(above)))


_SPEAKER_REACH = 1000  # how far around a reply another line of the same speaker is sought


def _dialogue_speaker(text: str, start: int) -> bool:
    """A reply's label is a speaker's, even one named like a reference (`Customer: +91 85907 79531` under
    `Executive: And a mobile number for the OTP?`): the label alone stands before the number, the line above asks
    another speaker's question naming a phone and not a reference, and the same label opens another line of the
    dialogue (a form names each field once; a speaker speaks again)."""
    if ":" not in text[max(0, start - 4) : start]:
        return False  # no label's colon right before the number (a cheap gate: this runs for every reference)
    question = _question_above(text, start)
    if question is None:
        return False
    line_start, above_start, above = question
    speaker = _SPEAKER.match(text, line_start, start)
    asker = _SPEAKER.match(above)
    if speaker is None or asker is None or text[speaker.end() : start].strip():
        return False
    asked = _words(above[asker.end() :]).rstrip(" ?")
    if not _PHONE_WORDS.search(asked) or _REFERENCE_WORDS.search(asked):
        return False  # `Can I have your customer number?`: the reply is that reference
    name = text[line_start : speaker.end()].strip()
    if name == asker.group().strip():
        return False
    low, high = max(0, line_start - _SPEAKER_REACH), start + _SPEAKER_REACH
    return ("\n" + text[low:high]).count("\n" + name) > 1


# Labels of e-mail signatures and contact lists that name a line, not a kind of number: "T: ...", "Home: ...".
_SIGNATURE_LABEL = re.compile(
    r"(?i)[tmfph]|tel|mob|cel|cell|fon|tlf|ph|home|work|private?|privat|casa|domicile|trabajo|lavoro|werk|thuis|"
    r"pager|direct|direkt|main|switchboard|emergency|notfall|urgence|urgencia|emergenza|noodgeval|reception|"
    r"zentrale|standard|centralino|centralita|trabalho|residencial|comercial|recado|business|personal|"
    # "Questions:" in an invoice's or a letter's footer labels the line to call or write to
    r"questions|fragen|vragen|domande|preguntas|d[uú]vidas|kontakt"
)
_SIGNATURE_CUE = re.compile(r"(?im)(?:^|[|·•])[ \t]*(?:[TMFP]|Tel|Mob|Cel|Fon)\.?[ \t]*:?[ \t]*$")


@dataclass(frozen=True)
class _PhoneCandidate:
    start: int
    end: int
    core: str  # without an extension
    digits: str
    intl: bool  # written with "+" or "00"
    extension: bool


_CLOCK_AFTER = re.compile(r":[0-5]\d")
_ASIDE = re.compile(r"\s\((?!0\))")  # a parenthesis after the first digits, but not the "(0)" of "+44 (0) 20"


# Two numbers separated by blanks only, right after a log record's clock time (with seconds): the record's
# columns (Android logcat's `12-15 15:27:37.665  7359  32985 I Tag:` writes the process and thread ids so,
# right-aligned in five places), never one phone number.
_COLUMN_PAIR = re.compile(r"\d+[ \t]+\d+")
_CLOCK_BEFORE = re.compile(r"\d:[0-5]\d:[0-5]\d(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?[ \t]+$")


# An HTTP access log's status code and response size, two columns: after the quoted request line in the Common
# and Combined Log Formats (`"GET /static/app.js HTTP/1.1" 200 6120268`, `"-" 400 0`), after HAProxy's timers
# (`0/0/1/654/243 200 8323596`, `Tq/Tw/Tc/Tr/Tt`, the total `+`-prefixed when logged early). A status code and a
# byte count never join into one phone number, whatever a phone word nearby says.
_STATUS_AND_SIZE = re.compile(r"[1-5]\d\d(?:[ \t]+\d+)+")
_REQUEST_BEFORE = re.compile(r'(?:"[A-Z]{3,10} [^"\n]*"|"-"|(?:[+-]?\d+/){4}[+-]?\d+)[ \t]+\Z')


# Envoy's access log counts after the request and its flags: `... "-" 6072646 512 88 "192.168.9.107" ...` (bytes
# received, bytes sent, duration): blank-separated counts in a time-stamped record are columns, not a phone.
_BLANK_COLUMNS = re.compile(r"\d+(?:[ \t]+\d+)+")


def _log_columns(text: str, start: int, core: str) -> bool:
    status = _STATUS_AND_SIZE.fullmatch(core)
    if status or _BLANK_COLUMNS.fullmatch(core):
        low = max(0, start - 2000)  # a request line longer than that is read from its last 2,000 characters
        line_start = text.rfind("\n", low, start) + 1 or low
        # the record's stamp first (cheap, anchored): most blank-grouped numbers are in no log line at all
        if (status or _LOG_RECORD_LINE.match(text, line_start)) and _REQUEST_BEFORE.search(
            text, line_start, start
        ):
            return True
    return bool(_COLUMN_PAIR.fullmatch(core) and _CLOCK_BEFORE.search(text, max(0, start - 40), start))


# A dial string's post-dial digits (ITU-T E.123 / RFC 3966 pauses: `+16465588656,,84512345678#,,,,*482913#`, a
# conference line's "one tap" form): after a number and its pauses come the meeting id and the PIN, keyed in as
# tones, not another number. Two commas, or one before digits closed by `#` (one comma alone separates a CSV's
# cells). In a delimited row that has its header's cells, the commas are cell breaks: RFC 4180's empty field
# (`1980-10-18,,2122352805` under `dob,ssn,phone`) leaves a cell out, it is no pause.
_PAUSES_BEFORE = re.compile(r"\d(,{2,}|[,;])\Z")


def _post_dial(text: str, start: int, end: int) -> bool:
    pauses = _PAUSES_BEFORE.search(text, max(0, start - 6), start)
    if pauses is None or not (len(pauses.group(1)) > 1 or text.startswith("#", end)):
        return False
    column = _column_header(text, start)
    return not (column and column[1])


# Two numbers given as alternatives (`+44-7819-143131 / 020 7772 4260`, `0031 348 431022 / 0313 571006`,
# `0612345678 - 0687654321`): a blank slash or a dash between blanks after a complete number (seven digits or
# more) separates it from the next one; after an area code alone (`030 / 4141354`, as German numbers are
# written) it belongs to the number.
_ALTERNATIVE_SLASH = re.compile(r"[ \t]+/[ \t]*|[ \t]*/[ \t]+|[ \t]+-[ \t]+")


_ITEM_NUMBER = re.compile(r"\d{1,2}[.)][ \t]+(?=[+(\d])")


def _candidate_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """_PHONE_CANDIDATE's matches, each cut at a slash that follows a complete number; the search goes on after
    the slash, so the number after it is a candidate of its own."""
    pos = 0
    while (m := _PHONE_CANDIDATE.search(text, pos)) is not None:
        raw, pos = m.group(), m.end()
        if (m.start() == 0 or text[m.start() - 1] == "\n") and (item := _ITEM_NUMBER.match(raw)):
            pos = m.start() + item.end()  # `1. 015112345678`: a numbered list's item number, then the value
            continue
        if "/" not in raw and " -" not in raw:
            yield m.start(), pos, raw
            continue
        for slash in _ALTERNATIVE_SLASH.finditer(raw):
            if sum(ch.isdigit() for ch in raw[: slash.start()]) >= 7:
                raw, pos = raw[: slash.start()], m.start() + slash.end()
                break
        yield m.start(), m.start() + len(raw), raw


def _phone_candidates(text: str) -> Iterator[_PhoneCandidate]:
    for start, end, raw in _candidate_spans(text):
        _on_time()
        if raw.startswith("(") and ")" not in raw:
            start, raw = start + 1, raw[1:]  # "(9234-064984)": the parenthesis encloses, it is no area code
        if (aside := _ASIDE.search(raw)) and len(re.sub(r"\D", "", raw[: aside.start()])) >= 7:
            raw = raw[
                : aside.start()
            ]  # "call (011) 3271 4129 (07.00 - 20.00)": an area code opens a number only
            end = start + len(raw)
        ext = _EXTENSION.search(raw)
        core = raw[: ext.start()] if ext else raw
        digits = re.sub(r"\D", "", core)
        access = 2 if core.lstrip("(").startswith("00") else 0  # "0049 ...": the 00 is no part of E.164's 15
        if not 7 <= len(digits) - access <= 15 or _phone_shape_refused(core):
            continue
        if _inside_identifier(text, start, end) or _CLOCK_AFTER.match(text, end):
            continue  # "[09/03/2024 11:51]": the digits run into a clock time
        if _log_columns(text, start, core) or _post_dial(text, start, end):
            continue
        yield _PhoneCandidate(start, end, core, digits, core.lstrip("(").startswith(("+", "00")), bool(ext))


_COUNTRY_PREFIX = re.compile(r"\b[A-Z]{2} ?$")
_FREEPHONE8 = re.compile(r"0800[ -]?\d{4}")  # Dutch freephone, eight digits


# A direct-dial suffix after the subscriber number (`069 3856307-719`, `030 / 4141354-073`): the plans of
# Germany, Austria and Switzerland number extensions that way, so the suffix adds no digits to the national
# number's length (libphonenumber still checks the whole).
_DIRECT_DIAL = re.compile(r"(?<=\d)-\d{1,4}$")


def _national_length(c: _PhoneCandidate) -> int:
    if "-" in c.core and (" " in c.core or "/" in c.core) and (suffix := _DIRECT_DIAL.search(c.core)):
        return len(c.digits) - (suffix.end() - suffix.start() - 1)
    return len(c.digits)


_TRUNK_LONGEST = 14
_LONG_PLANS = ("DE", "AT")


# A number right after another one and a blank (`( 2024031201 7200 3600 1209600 3600 )`, a DNS SOA record's
# timers; a row of counts): a row of numbers, not one phone number, unless a phone word names it.
_NUMBER_BEFORE = re.compile(r"\d{2,}[ \t]\Z")
_BE_ENTERPRISE = re.compile(r"[01]\d{3}\.\d{3}\.\d{3}")


def _belgian_enterprise_number(core: str) -> bool:
    """Belgium's enterprise number as the KBO/BCE writes it (`0403.170.701`): its last two digits are 97 less the
    first eight modulo 97. A mobile number dotted 4.3.3 passes that one time in 97; with a phone word it stays."""
    if not _BE_ENTERPRISE.fullmatch(core):
        return False
    digits = core.replace(".", "")
    return 97 - int(digits[:8]) % 97 == int(digits[8:])


# A phone word, then a phrase that ties it to the thing named next (`Mobile linked to account:`, `Phone registered for
# order`): the label names the phone, the reference word only qualifies it.
_QUALIFIED_PHONE = re.compile(
    r"(?i)\b(?:phone|mobile|mobil|cell|tel[eé]fono|telefone|telefoon|t[ée]l[ée]phone|portable|handy)[ \t]+"
    r"(?:(?:linked|registered|associated|attached|tied|connected)[ \t]+)?(?:to|with|for|on|of)[ \t]+(?:the[ \t]+|your[ \t]+)?\Z"
)


def _named_a_reference(before: str) -> bool:
    """A reference's name ends just before the number, and no phone word ends inside it or after it (`Servizio
    consumatori :` is a consumer line though `consum...` names a utility's consumer number)."""
    reference = _REFERENCE_WORDS.search(before)
    if reference is not None and _QUALIFIED_PHONE.search(before, 0, reference.start()):
        return False  # "Mobile linked to account:": the account qualifies the phone word, it names no number
    if reference is None:
        return bool(_REFERENCE_WORDS.search(_COUNTRY_PREFIX.sub("", before))) and not _PHONE_WORDS.search(
            before[-12:]
        )
    return not _PHONE_WORDS.search(before[-12:]) and not any(
        word.end() > reference.start() for word in _PHONE_WORDS.finditer(before)
    )


# Digits grouped in thousands with blanks (`612 345 789`, as French, German, Dutch and Scandinavian texts write
# amounts; also Spain's 3-3-3 phone format) are an amount or a count when a quantity's word names them or a
# currency or a unit follows, whatever a phone-ish word nearby says (`porté à 1 234 567 €`, `Eltern zahlen ...`).
_THOUSANDS = re.compile(r"\d{1,3}(?: \d{3}){2,}")
_QUANTITY_BEFORE = re.compile(
    r"(?i)\b(?:total\w*|amounts?|sums?|balances?|betrag|summe|gesamt\w*|montant|solde|importe|importo|bedrag|totaal|"
    r"saldo|valor|quantit\w*|qty|counts?|sizes?|bytes|items|menge|anzahl|aantal|cantidad|quantidade)"
    r"\b[^\d\n]{0,12}\Z"
)
_UNIT_AFTER = re.compile(
    r"(?i)[ \t]?(?:€|\$|£|₹|eur\b|euros?\b|usd\b|gbp\b|chf\b|inr\b|brl\b|r\$|dollars?\b|pounds?\b|rupees?\b|"
    r"reais\b|francs?\b|bytes?\b|[kmg]i?b\b|items?\b|units?\b|pcs\b|st(?:ü|ue)ck\b|pieces?\b|"
    r"stuks\b|unidades\b|pezzi\b|km\b|kg\b|tonnes?\b|tons?\b|m²|m2\b|hits\b|views\b|rows\b|records\b|"
    r"lines?\b|copies\b|exemplaires?\b|exemplare\b|users?\b|visitors?\b|downloads?\b|people\b|personnes\b|"
    r"persone\b|personen\b|pessoas\b|personas\b|inhabitants\b|habitant(?:e?s)?\b|einwohner\b|abitanti\b|"
    r"inwoners\b)"
)


def _a_quantity(text: str, c: _PhoneCandidate, before: str) -> bool:
    return bool(
        _THOUSANDS.fullmatch(c.core) and (_QUANTITY_BEFORE.search(before) or _UNIT_AFTER.match(text, c.end))
    )


# Nine digits in threes with no trunk 0 (`123 456 789`): Spain and Portugal write their numbers so; France's and
# Australia's plans accept the same digits only as a number without the trunk 0 it is always written with. Without
# a phone word such a grouping counts only if it is a Spanish or Portuguese number.
_NINE_IN_THREES = re.compile(r"[1-9]\d{2}([ .-])\d{3}\1\d{3}")
_THREES_PLANS = ("ES", "PT")


def _nine_in_threes_elsewhere(c: _PhoneCandidate) -> bool:
    return bool(_NINE_IN_THREES.fullmatch(c.core)) and _valid_phone(c, _THREES_PLANS) is None


# A reference's number label qualified by a few words before its value (`consumer no. after energisation
# 349-391-3272`, `order number for your records 555-...`): the label names the number past the 30-character window.
_QUALIFIED_REFERENCE = re.compile(
    r"(?i)([^\W\d_]+)[ \t]+(?:no\.?|nr\.?|n°|number|num[eé]ro|nummer)[ \t]+(?:[^\W\d_]+[ \t]+){1,3}\Z"
)


_NUMBER_LABEL_GATE = ("no", "nr", "n°", "num")  # substrings every _QUALIFIED_REFERENCE label holds


def _qualified_reference(text: str, start: int) -> bool:
    window = text[max(0, start - 60) : start]
    lowered = window.lower()
    if not any(g in lowered for g in _NUMBER_LABEL_GATE):
        return False
    label = _QUALIFIED_REFERENCE.search(window)
    return bool(
        label
        and _REFERENCE_WORDS.fullmatch(label.group(1))
        and not _PHONE_WORDS.search(window, label.start())
    )


def _named_for_a_reference(text: str, c: _PhoneCandidate) -> bool:
    """A reference's name before the number (`Order 28-18090551`, `Kundennummer 4711 0815`, `VAT reg GB 106 3786
    09`) refuses it whatever cue is near: asked before the cue is sought, which cannot change the answer."""
    return _named_a_reference(text[max(0, c.start - 30) : c.start]) and not _dialogue_speaker(text, c.start)


def _phone_context_refused(text: str, c: _PhoneCandidate, near: bool) -> bool:
    before = text[max(0, c.start - 30) : c.start]
    if not near and _qualified_reference(text, c.start):
        return True  # "consumer no. after energisation 349-391-3272"
    if c.intl:
        return False
    # Germany's and Austria's plans run to 13 national digits, 14 with the trunk 0 (030 274691 9514, 0221
    # 4318633887; E.164's 15 less the country code 49 or 43); so long a number needs a phone word and its trunk
    # prefix, as reference numbers and millisecond timestamps are that long too. Over 13, _phones asks for DE/AT.
    longest = _TRUNK_LONGEST if near and c.core.lstrip("(").startswith("0") else 12
    if _national_length(c) > longest or len(c.digits) < 9 and not near and not _FREEPHONE8.fullmatch(c.core):
        return True  # longer than any national number in these plans; or shorter than one with its area code
    if re.search(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4})* ?$", text[max(0, c.start - 40) : c.start]):
        return True  # the tail of an IBAN (valid or not)
    if _a_quantity(text, c, before):
        return True
    if not near and (
        _REFERENCE_SHAPES.fullmatch(c.core)
        or _belgian_enterprise_number(c.core)
        or _NUMBER_BEFORE.search(before)
        or _nine_in_threes_elsewhere(c)
    ):
        return True
    return _field_refuses(text, c.start, c.end)


def _valid_phone(c: _PhoneCandidate, regions: tuple[str, ...] = _PHONE_REGIONS) -> str | None:
    """The region libphonenumber finds `c` valid in (international numbers in any plan), or None."""
    import phonenumbers

    bare = c.core.lstrip("(")
    candidate = "+" + bare[2:] if bare.startswith("00") else c.core
    for region in (None,) if c.intl else regions:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.region_code_for_number(number) or region or "?"
    return None


# An e-mail address or a web address in the words before a number is a name, not a cue (`questions to
# isla@nhs.net or on 0370 ...`: the NHS's mail domain names no NHS number).
_ADDRESS_TOKENS = re.compile(r"[^\s@]*@\S+|\b[a-z]+://\S+", re.IGNORECASE)


_LAST_NUMBER = re.compile(r"\d{4,}(?=\D*\Z)")


def _other_id_named(text: str, start: int) -> bool:
    """An SSN, NPI or NHS word just before the number (outside addresses) or in its field's name."""
    before = text[max(0, start - 40) : start]
    if "@" in before or "://" in before:
        before = _ADDRESS_TOKENS.sub(lambda m: " " * len(m.group()), before)
    if (number := _LAST_NUMBER.search(before)) is not None:
        before = before[
            number.end() :
        ]  # `NHS no. 7720396138\nSocial worker Harry 020 ...`: the word was its number's
    if _OTHER_ID_WORDS.search(_name_words(before)):
        return True
    label = _label(text, start)
    return bool(label and _OTHER_ID_WORDS.search(_name_words(label.name)))


def _phones(text: str) -> Iterator[Finding]:
    previous_end = -1
    for c in _phone_candidates(text):
        spelled = c.extension and _SPELLED_EXTENSION.match(text, c.start + len(c.core)) is not None
        if not spelled and _named_for_a_reference(text, c):
            continue
        near = spelled or _phone_cue(text, c.start, c.end, previous_end)
        if not spelled and _phone_context_refused(text, c, near):
            continue
        where = _valid_phone(c)
        if (
            where is None
            or not c.intl
            and _national_length(c) > _TRUNK_LONGEST - 1
            and where not in _LONG_PLANS
        ):
            continue
        if not near and _other_id_named(text, c.start):
            continue  # "NHS number 996 472 0006" with a bad check digit is still no phone number
        if not (c.intl or near or re.search(r"[ ().\-/]", c.core)):
            continue  # a bare run of digits is more often an id than a phone
        previous_end = c.end
        yield Finding(
            "PHONE_NUMBER",
            c.start,
            c.end,
            0.9 if near else 0.75,
            f"libphonenumber: valid {where} number" + (" with extension" if c.extension else ""),
        )
    if "|" in text and "^" in text:
        yield from _hl7_component_phones(text)


def _hl7_component_phones(text: str) -> Iterator[Finding]:
    for split in hl7_split_phones(text):
        _on_time()
        digits = split.number.lstrip("+")
        candidate = _PhoneCandidate(
            split.start, split.end, split.number, digits, split.number[0] == "+", False
        )
        if 7 <= len(digits) <= 15 and (where := _valid_phone(candidate)):
            yield Finding(
                "PHONE_NUMBER", split.start, split.end, 0.9, f"libphonenumber: valid {where} number (HL7 XTN)"
            )


# -- network addresses ------------------------------------------------------------------------------

_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\d|\.\d)")  # a sentence may end after it
# Not inside an identifier: "std::cout", "Foo::Bar" and "Cafe::Bad" are C++/Rust/Ruby scopes.
_IPV6 = re.compile(r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:%\w+)?(?![\w:])")
# Four dotted numbers after these words (or glued to ==, /, v, or followed by -rc1, +build) are versions.
_VERSION_BEFORE = re.compile(
    r"(?i)(?:(?:version|versi[oó]n[e]?|vers[aã]o|\bver\.?|build|built|release|update|firmware|kernel|"
    r"upgrade|patch)\b[^.\d]{0,12}|\bv|==|>=|<=|~=|/|@)$"
)
# Squid's native access.log writes `hierarchy code/peer host` (`HIER_DIRECT/192.0.2.7`, `FIRST_PARENT_MISS/...`,
# Squid 2's `DIRECT/...`, with an optional `TIMEOUT_`): the host after the code's "/" is the server it fetched from.
_SQUID_HIERARCHY_BEFORE = re.compile(r"(?<![\w/])(?:[A-Z]+(?:_[A-Z]+)+|DIRECT|CARP|PINNED)/\Z")
_IP_WORDS = re.compile(
    r"(?i)\b(?:ip|ipv4|host|src|dst|peer|from|server|addr|address|adres|adresse|"
    r"indirizzo|direcci[oó]n|endere[cç]o|gateway|dns|ssh|ping)\b"
)
# After the sixth group, no more hex digits or a dash; a colon only before something that is no hex group (RFC
# 3580's `Called-Station-Id = "02-71-79-87-13-04:eduroam"`: the access point's MAC, then `:SSID`, the name of the
# network; an EUI-64's seventh group or a port keeps the run from being read as a MAC).
_MAC = re.compile(
    r"(?<![0-9A-Fa-f:-])(?:[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}"
    r"|(?<!\.)[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?!\.[0-9A-Fa-f]))(?![0-9A-Fa-f-]|:[0-9A-Fa-f]+(?![^\W_]))"
)


_USERINFO = re.compile(
    r"://[^\s/@]{1,64}@$"
)  # postgres://app@10.0.0.1: the host of a URL, not a package@version
# RFC 3261 §19.1.1's SIP-URI (`sip:alice:secretword@192.0.2.4;transport=tcp`, FreeSWITCH's channel
# `sofia/external/sip:+34964761510@172.28.166.92`) and a channel's `extension@host` (`sofia/internal/1001@10.0.0.5`):
# a user part of the `sip:`/`sips:` scheme, or of digits alone (an extension, an E.164 number), names a host after
# its `@`; a package's name is no number.
_SIP_USER_BEFORE = re.compile(r"(?i)(?:\bsips?:[^\s@<>\"]{1,64}|(?<![\w.+-])\+?\d{2,15})@\Z")


def _uri_user_before(text: str, start: int) -> bool:
    return (
        text[start - 1 : start] == "@"
        and _SIP_USER_BEFORE.search(text, max(0, start - 72), start) is not None
    )


# A field or column named for a software version holds a version, however many parts it has (`firmware`
# `1.83.92.26` in an asset CSV).
_VERSION_FIELD = re.compile(r"(?i)version|release|build|firmware|\bfw\b|software|kernel|revision|\brev\b")


def _version_field(text: str, start: int) -> bool:
    label = (
        _label(text, start)
        if text[max(0, start - 40) : start].strip(" ").endswith(('"', "'", ":", "=", ",", ";", "\t", "|"))
        else None
    )
    if not (label and label.strong):
        return False
    name = _name_words(label.name)
    return bool(_VERSION_FIELD.search(name)) and not _IP_WORDS.search(name)  # `build_agent_ip` is an address


def _ips(text: str) -> Iterator[Finding]:
    for m in _IPV4.finditer(text):
        _on_time()
        try:
            ipaddress.IPv4Address(m.group())
        except ValueError:
            continue
        before, after = text[max(0, m.start() - 20) : m.start()], text[m.end() : m.end() + 2]
        if re.match(r"[-+~][A-Za-z0-9]", after) or (
            _VERSION_BEFORE.search(before)
            and not _IP_WORDS.search(text[max(0, m.start() - 12) : m.start()])
            and not _USERINFO.search(before)
            and not _uri_user_before(text, m.start())
            and not _SQUID_HIERARCHY_BEFORE.search(before)
        ):
            continue  # 10.0.19045.3570, 1.2.3.4-rc1, "version 1.2.3.4", Chrome/120.0.6099.109
        if _version_field(text, m.start()):
            continue  # {"versionId": "5.5.5.193"}
        yield Finding("IP_ADDRESS", m.start(), m.end(), 0.95, "IPv4 address (ipaddress module)")
    for m in _IPV6.finditer(text):
        _on_time()
        raw = m.group()
        if (
            raw.count(":") < 2
            or re.fullmatch(r"\d{1,2}:\d{2}(:\d{2})?", raw)
            or "::" not in raw
            and raw.count(":") != 7
        ):
            continue
        if re.fullmatch(r"(?:[0-9A-Fa-f]{2}:){7}[0-9A-Fa-f]{2}", raw):
            continue  # eight two-digit groups: an EUI-64 hardware id, not an address anyone writes that way
        if not re.search(r"\d", raw) or raw.strip(":") == "":
            continue  # "Cafe::Bad", "abc::def", "::": all-letter groups are identifiers in code
        if re.fullmatch(r"\d{1,2}(?::\d{2}){2,3}(?:[.:]\d+)?", raw):
            continue  # a duration or clock time, 12:34:56:78
        try:
            ipaddress.IPv6Address(raw.split("%", 1)[0])
        except ValueError:
            continue
        yield Finding("IP_ADDRESS", m.start(), m.end(), 0.95, "IPv6 address (ipaddress module)")


def _macs(text: str) -> Iterator[Finding]:
    for m in _MAC.finditer(text):
        _on_time()
        yield Finding("MAC_ADDRESS", m.start(), m.end(), 0.9, "IEEE 802 MAC-48 notation")


# -- dates of birth ---------------------------------------------------------------------------------

# Month names (and their usual abbreviations) in English, French, German, Italian, Spanish, Dutch and
# Portuguese; each maps to its month number.
_MONTH_NAMES = {
    1: "january jan janvier janv januar jänner jän gennaio genn gen enero ene januari janeiro",
    2: "february feb fév février févr fevrier februar febbraio febr febrero februari fevereiro fev",
    3: "march mar mars märz maerz marzo maart mrt março marco",
    4: "april apr avril avr aprile abril abr",
    5: "may mai maggio mag mayo mei maio",
    6: "june jun juin juni giugno giu junio junho",
    7: "july jul juillet juill juil juli luglio lug julio julho",
    8: "august aug août aout agosto ago augustus",
    9: "september sep sept septembre settembre sett set septiembre setembro",
    10: "october oct octobre oktober okt ottobre ott octubre outubro out",
    11: "november nov novembre noviembre novembro",
    12: "december dec déc décembre decembre dezember dez dicembre dic diciembre dezembro",
}
_MONTH_NUMBER = {name: number for number, names in _MONTH_NAMES.items() for name in names.split()}
_MONTHS = "|".join(sorted(map(re.escape, _MONTH_NUMBER), key=len, reverse=True))
_DATE = re.compile(
    r"(?<![\w.-])(?:(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{1,2})([/.-])(\d{1,2})\5 ?(\d{4}|\d{2})"
    rf"|(\d{{1,2}})(?:\.|er|º|°|st|nd|rd|th)?(?:\s+|-)(?:de\s+|of\s+)?({_MONTHS})\.?(?:,?\s+|-)(?:del?\s+)?(\d{{4}}|'?\d{{2}})"
    rf"|({_MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}))(?:(?![\w-]|\.\d)|(?=T\d{{2}}:\d{{2}}))",
    re.IGNORECASE,
)
_DOB_WORDS = re.compile(
    r"(?i)(?:\bborn\b|\bbirth\b(?!\s+of\b)|\bd[. ]?o[. ]?b\b|\bnasci\b|\bdata[ _]?(?:de[ _]?)?nasc\b|date ?of ?birth|birth ?date|birthday|\bgeboren|\bgeb\.|\bgeb ?datum|geburtsdatum|"
    r"geburtstag|\bn[ée]e?\s+le\b|\bn[ée]e?\b|naissance|\bnat[oa](?:/[ao])?\s+(?:il|a|ad|in)\b|nascita|\bnacid[oa]\b|nacimiento|"
    r"aniversário|cumplea[ñn]os|compleanno|verjaardag|\U0001f382|f\.\s?nac|fecha de nac|\bnac\.|\bnaiss\.|\bdt\.?\s?nasc|\bd\.\s?n\.|geboren op|geb\. am|geboortedatum|\bnascid[oa]\b|nascimento|\bnasc\.|\bbday\b|\bddn\b|\bdn\s*:)"
)


# Substrings of which every _DOB_WORDS match contains one (a cheap gate: `in` runs in C, the regex does not).
_DOB_CUES = (
    "born",
    "dob",
    "d.ob",
    "do.b",
    "d o b",
    "nasc",
    "d.o.b",
    "birt",  # birth, and GEDCOM's BIRT event
    "irth",  # an OCR'd "B irth"
    "geb",
    "naissance",
    "nascit",
    "nacimiento",
    "nascimento",
    "nato",
    "nata",
    "nacid",
    "f. nac",
    "f.nac",
    "geboorte",
    "nascid",
    "nasc.",
    "nac.",
    "naiss",
    "d.n.",
    "d. n.",
    "bday",
    "ddn",
    "aniversário",
    "cumplea",
    "compleanno",
    "verjaardag",
    "\U0001f382",
    "dn:",
    "dn :",
    "pid|",
    "ssr docs",
    "dtm+329",
    "(0010,0030)",
    "dmg*",
    "gt1|",
    "in1|",
)
_NE = re.compile(r"(?i)\bn[ée]e?\b")


def _full_year(year: str) -> int:
    """A two-digit year of a birth date ("DOB 04/12/85") is the latest such year not in the future."""
    value = int(year.lstrip("'"))
    if len(year.lstrip("'")) == 4:
        return value
    century = dt.date.today().year // 100 * 100
    return century + value if century + value <= dt.date.today().year else century - 100 + value


def _date_ok(match: re.Match[str]) -> bool:
    g = match.groups()
    try:
        if g[0]:
            day = dt.date(int(g[0]), int(g[1]), int(g[2]))
        elif g[3]:
            first, second, year = int(g[3]), int(g[5]), _full_year(g[6])
            try:  # day/month (most of the world) or month/day (US): either valid calendar date counts
                day = dt.date(year, second, first)
            except ValueError:
                day = dt.date(year, first, second)
        elif g[7]:
            day = dt.date(_full_year(g[9]), _MONTH_NUMBER[g[8].lower()], int(g[7]))
        else:
            day = dt.date(int(g[12]), _MONTH_NUMBER[g[10].lower()], int(g[11]))
    except (ValueError, KeyError):
        return False
    return 1900 <= day.year and day <= dt.date.today()


# ICAO Doc 9303 machine-readable zones: the second line of a passport (TD3, 44 characters) or TD2 document (36)
# holds the date of birth after the document number and nationality; a TD1 card's (30) starts with it. YYMMDD,
# each with its check digit (weights 7, 3, 1; `<` is 0, letters 10-35).
_MRZ_TD23 = re.compile(r"(?m)^[A-Z0-9<]{9}[0-9<][A-Z<]{3}(\d{6})(\d)[MFX<]\d{6}[0-9<][A-Z0-9<]{8,16}$")
_MRZ_TD1 = re.compile(r"(?m)^(\d{6})(\d)[MFX<]\d{6}\d[A-Z<]{3}[A-Z0-9<]{11}\d$")


def mrz_check_digit(field: str) -> int:
    values = (0 if c == "<" else int(c, 36) for c in field)
    return sum(v * (7, 3, 1)[i % 3] for i, v in enumerate(values)) % 10


def _mrz_dobs(text: str) -> Iterator[Finding]:
    for pattern, lengths in ((_MRZ_TD23, (36, 44)), (_MRZ_TD1, (30,))):
        for m in pattern.finditer(text):
            _on_time()
            if len(m.group()) not in lengths or mrz_check_digit(m.group(1)) != int(m.group(2)):
                continue
            born = m.group(1)
            try:
                dt.date(_full_year(born[:2]), int(born[2:4]), int(born[4:]))
            except ValueError:
                continue
            yield Finding(
                "DATE_OF_BIRTH", m.start(1), m.end(1), 0.95, "ICAO 9303 MRZ date of birth, check digit"
            )


def _dobs(text: str) -> Iterator[Finding]:
    if "<<" in text:
        yield from _mrz_dobs(text)  # a machine-readable zone names its fields by position: no cue word
    lowered = text.lower()
    if (
        not any(cue in lowered for cue in _DOB_CUES)
        and not _NE.search(text)
        and "\n*" not in text
        and "Failing row contains (" not in text
    ):
        return  # every date of birth needs a cue, near it or in its column's header: no cue, no scan
    dates = list(_DATE.finditer(text))
    rows = "Failing row contains (" in text  # once per text: PostgreSQL's failing rows (pii_rows)
    ocr = "irth" in lowered and _OCR_SPLIT.search(text) is not None  # once per text: `D ate of B irth`
    for i, m in enumerate(dates):
        _on_time()
        if (
            _date_ok(m)
            and not _timestamp(text, m)
            and _birth_cue(text, dates, i, rows, ocr)
            and not _animals(text, m.start())
        ):
            yield Finding(
                "DATE_OF_BIRTH", m.start(), m.end(), 0.9, "calendar date in the past with birth context"
            )
    yield from _compact_dobs(text)


# CCYYMMDD (HL7 DT/DTM, X12 D8, vCard and ISO 8601 basic format), with an HL7 time after it if any.
_COMPACT_DATE = re.compile(
    r"(?<![\w.-])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=\d{0,6}(?:[+-]\d{4})?(?![\w.]))"
    # vCard 4.0 (RFC 6350 4.3.1) writes a birthday without its year as --MMDD (--MM-DD in the extended form);
    # FHIR `date` and ISO 8601 allow a reduced precision YYYY-MM: both only in a field named for the birth date.
    r"|(?<![\w-])--()(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?![\w-])"
    r"|(?<![\w.-])((?:19|20)\d{2})-(0[1-9]|1[0-2])()(?=[\"'<\s]|$)"
)


# DDMMMYY / DDMMMYYYY with the English month abbreviation in capitals: IATA (SSR DOCS, APIS), military and SAS
# dates, `24DEC1954`.
_DDMMMYY = re.compile(
    r"(?<![\w.-])(0[1-9]|[12]\d|3[01])(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)((?:19|20)?\d{2})(?![\w-])"
)


def _ddmmmyy_dobs(text: str) -> Iterator[Finding]:
    """`24DEC1954` where the nearest birth cue or a field named for the birth date (SSR DOCS's fifth) names it."""
    dates = list(_DDMMMYY.finditer(text))
    for i, m in enumerate(dates):
        _on_time()
        if not _birth_cue(text, dates, i) or _animals(text, m.start()):
            continue
        try:
            day = dt.date(_full_year(m.group(3)), _MONTH_NUMBER[m.group(2).lower()], int(m.group(1)))
        except ValueError:
            continue
        if day <= dt.date.today():
            yield Finding("DATE_OF_BIRTH", m.start(), m.end(), 0.9, "DDMMMYY date with birth context")


def _compact_dobs(text: str) -> Iterator[Finding]:
    """Compact dates count only in a field a format names for the birth date: HL7 PID-7, X12 DMG*D8, vCard
    BDAY, a birthDate key. Eight bare digits anywhere else are far more often a number than a date."""
    yield from _ddmmmyy_dobs(text)
    for m in _COMPACT_DATE.finditer(text):
        _on_time()
        label = _label(text, m.start())
        if label is None or not label.strong or not _DOB_WORDS.search(_name_words(label.name)):
            continue
        year, month, day_of_month = (
            next((g for g in m.groups()[i::3] if g is not None), "") for i in range(3)
        )
        try:  # a missing year is checked against a leap year, a missing day as the month's first
            day = dt.date(int(year or 2000), int(month), int(day_of_month or 1))
        except ValueError:
            continue
        if day <= dt.date.today():
            yield Finding(
                "DATE_OF_BIRTH", m.start(), m.end(), 0.9, f"compact date in a birth-date field ({label.name})"
            )


# A date with a clock time right after it (`10/9/22, 8:24 AM - Ana:`, `09/10/2018 11:30`) stamps an event, a chat
# message or a log record; a birth date is written alone. Only a field named for the birth keeps one.
_CLOCK_RIGHT_AFTER = re.compile(r",?[ \t]\d{1,2}:[0-5]\d(?!\d)")


def _timestamp(text: str, m: re.Match[str]) -> bool:
    if not _CLOCK_RIGHT_AFTER.match(text, m.end()):
        return False
    label = _label(text, m.start())
    return not (label and _DOB_WORDS.search(_name_words(label.name)))


def _birth_cue(text: str, dates: list[re.Match[str]], i: int, rows: bool = False, ocr: bool = False) -> bool:
    """A birth cue names one date, the nearest: within 30 characters before it with no other date between
    ("geb. 25.04.2006) am 18.10.2024": the cue is the first date's), or within 15 after it unless another date
    follows the cue more closely ("admitted 2024-06-01, born 1980-01-02"); or the date's column header."""
    start, end = dates[i].start(), dates[i].end()
    anchor = _outside_call(text, start)
    if anchor < start and _DOB_WORDS.search(_name_words(text[anchor:start])):
        return (
            True  # the call is a setter or builder named for the field: `c.setDob("...")`, `withBirthDate(`
        )
    window = max(0, anchor - 30)
    while 0 < window < anchor and text[window - 1].isalnum() and text[window].isalnum():
        window += 1  # not from the middle of a word: "Tyro|ne" is no French "né"
    cues = list(
        _DOB_WORDS.finditer(_CAMEL_HUMP.sub(" ", _prose(text[window:anchor], ocr)))
    )  # setDob(parse(...))
    if cues and (i == 0 or dates[i - 1].start() < window + cues[-1].end()):
        return True
    if _asked_on_the_line_above(text, dates, i):
        return True
    # a cue after the date names it on its own line only: a table's `DOB` header under a title's date (`week of 04
    # MAY 2018` / `Client | DOB | ...`) names the column below
    after = _DOB_WORDS.search(_prose(text[end : end + 15].split("\n", 1)[0], ocr))
    if after and (i + 1 == len(dates) or dates[i + 1].start() - (end + after.end()) > 30):
        return True
    if _GENEALOGICAL_STAR.search(text, max(0, start - 8), start) and _BIRTHPLACE_AFTER.match(text, end):
        return True
    if rows and (row := failing_row(text, start, end)) is not None and _row_birth_date(row):
        return True
    label = _label(text, start)
    return bool(label and _DOB_WORDS.search(_name_words(label.name)))


def _row_birth_date(row: FailingRow) -> bool:
    """A date alone in its cell of a failing row is the birth date when the violated constraint is named for
    it (`patients_date_of_birth_check`), or when the row is a person's and it is the row's only such date."""
    if _DOB_WORDS.search(_name_words(row.constraint)):
        return True
    return row.of_people and sum(1 for c in row.cells if _DATE.fullmatch(c)) == 1


# The subject of a birth date: an animal's (a veterinary record's `Pet DOB:`, `Animal : Filou, chat, né le`, `Cane:
# Luna, nata il`, `Huisdier: Max, geboren`) is no person's. The words that name a pet, an animal or a species in
# the suite's languages; `PET`/`CAT` in capitals are scans, not animals. Not `race` (a person's on US forms),
# `Tier` (a membership tier) or `chat` (a chat transcript).
_ANIMAL_WORDS = re.compile(
    r"(?i)\b(?:pets?|animal[e]?|animaux|mascota|huisdier|haustier|tierart|bicho|"
    r"dogs?|puppy|kitten|cats?|canine|feline|equine|horse|chien(?:ne)?|chiot|chaton|hund|h[uü]ndin|katze|kater|"
    r"welpe|pferd|cane|cagna|gatt[oaie]|cucciol[oa]|cavallo|perr[oa]|gat[oa]|cachorr[oa]|caballo|hond|poes|"
    r"paard|c[aã]o|cadela|cavalo|filhote|species|esp[eè]ce|especie|esp[eé]cie|breed|rasse|razza|raza|ra[cç]a|"
    # a breed or a coat named for the animal (`Biscuit, terrier mix, born 02/07/2014`, `tabby, DOB ...`)
    r"(?=[bcdhlmprst])(?:terriers?|retrievers?|shepherds?|spaniels?|poodles?|labradors?|beagles?|collies?|"
    r"bulldogs?|dachshunds?|chihuahuas?|huskies|husky|tabby|calico|shorthair|longhair|mix(?:ed breed)?|mutt|pup))\b"
)
# ... unless a person is named after the animal: `Pet: Rex, Owner: Ana Ruiz, DOB ...`.
_OWNER_WORDS = re.compile(
    r"(?i)\b(?:owner|client|propri[eé]taire|propriet[aá]ri[oa]|propietari[oa]|due[ñn][oa]|halter(?:in)?|"
    r"besitzer(?:in)?|eigena(?:ar|res)|baasje|tutor[a]?|dono|dona|titular)\b"
)
_SCANS = frozenset({"PET", "CAT"})  # positron emission and computed axial tomography
# A line's fields: a run of blanks, a tab, a bar or a semicolon ends one (`Pet: Biscuit    Owner DOB: ...`).
_FIELD_BREAK = re.compile(r"[ \t]{3,}|\t|[|;]")


# An animal word is the subject when it labels the field (`Pet:`, `Cane:`, `Huisdier:`) or the birth cue follows it
# at once (`Pet DOB`, `pet's date of birth`, `Filou, chat, né le`, `Toby (perro), fecha de nacimiento`); a word
# that only qualifies something else (`Dog walker application, DOB ...`, `horse riding club`) is not.
_ANIMAL_TIE = re.compile(r"(?:'s|’s)?[\s,()]{0,4}")


def _is_subject(field: str, word: re.Match[str]) -> bool:
    after = _ANIMAL_TIE.match(field, word.end())
    at = after.end() if after else word.end()
    return field.startswith(":", at) or bool(_DOB_WORDS.match(field, at))


def _animals(text: str, start: int) -> bool:
    """The date at `start` is an animal's: in its field (from the last field break on its line, or the line's
    start) or the field's label an animal is the subject of the birth, and no owner is named after it."""
    line_start = text.rfind("\n", max(0, start - 200), start) + 1
    field = text[line_start:start]
    breaks = [brk.end() for brk in _FIELD_BREAK.finditer(field.rstrip())]
    field = _words(field[breaks[-1] :] if breaks else field)
    if not _ANIMAL_WORDS.search(field) and not _value_starts_field(text, start):
        return False  # no animal in the field's words, and no field name to ask (the common case: cheap)
    label = _label(text, start)
    if label is not None:
        field = _name_words(label.name) + " " + field
    animals = [w for w in _ANIMAL_WORDS.finditer(field) if w.group() not in _SCANS and _is_subject(field, w)]
    return bool(animals) and not _OWNER_WORDS.search(field, animals[-1].end())


# A literal wrapped in a call (`birth_date=date.fromisoformat("1985-04-15")`, `DOB: parse('12/03/1980')`): the
# function's name is no part of the distance from the field's name to its value.
_CALL_AROUND = re.compile(r"[A-Za-z_][\w.]{0,40}\(\s*[\"']?$")


def _outside_call(text: str, start: int) -> int:
    low = max(0, start - 45)
    call = _CALL_AROUND.search(text[low:start])
    return low + call.start() if call else start


# A word hyphenated at a line break (`vic-\ntim`, `da-\nte of birth` in PDF-to-text output) is joined, padded
# to keep its length; other line breaks read as spaces (`date of\nbirth`).
_HYPHENATED = re.compile(r"(\w)-[ \t]*\n[ \t]*(\w+)")


# OCR splits a word after its capital (`D ate of B irth :`, `M obile :`): a capital other than the words "A" and
# "I", a blank, then the word's lower-case rest is one word.
_OCR_SPLIT = re.compile(r"\b([B-HJ-Z]) ([a-z]{2,})\b")


def _prose(text: str, ocr: bool = False) -> str:
    """`text` as running words: key separators and line breaks as spaces, hyphenation (and with `ocr`, OCR's split
    capitals) undone (same length)."""
    if ocr:
        text = _OCR_SPLIT.sub(lambda m: m.group(1) + m.group(2) + " ", text)
    if "\n" not in text:
        return _words(text)
    joined = _HYPHENATED.sub(lambda m: (m.group(1) + m.group(2)).ljust(len(m.group())), text)
    return _words(joined).replace("\n", " ")


_QUESTION_REACH = (
    300  # a question and its answer are short lines; looking further would be quadratic on one-line text
)


def _question_above(text: str, start: int) -> tuple[int, int, str] | None:
    """(start of this line, start of the line above, the line above) when the line above `start`'s line is a
    question (ends with "?"), both lines within reach."""
    low = max(0, start - _QUESTION_REACH)
    line_start = text.rfind("\n", low, start) + 1
    if line_start <= low:
        return None
    above_start = text.rfind("\n", low, line_start - 1) + 1
    if above_start <= low and low > 0:
        return None
    above = text[above_start : line_start - 1]
    return (line_start, above_start, above) if above.rstrip().endswith("?") else None


def _asked_above(text: str, start: int, cue: re.Pattern[str]) -> bool:
    """The line above the one `start` is on is a question that names `cue` (`Agent: ... NHS number ...?`)."""
    question = _question_above(text, start)
    return question is not None and bool(cue.search(_words(question[2])))


# A chat or transcript line's prefix: an optional stamp in brackets (`[00:00:21]`, WhatsApp's `[4/2/18, 2:36 PM]`,
# `[17/07/2018, 06:30:36]`) and the speaker's name.
_TIMED_SPEAKER = re.compile(
    r"[ \t]*(?:\[[\d:./, -]{4,24}(?:[ \t]?[AaPp]\.?[Mm]\.?)?\][ \t]*)?"
    r"[^\W\d_][^\W\d_ .'-]*(?:[ .'-][^\W\d_]+){0,3}[ \t]*:[ \t]"
)


def _reply_names(text: str, start: int, end: int, cue: re.Pattern[str]) -> bool:
    """A transcript's reply (`[00:00:21] Caller: 149841482`) right under a line that names `cue` (`Agent: the
    last four of your social — actually I need the full one.`): the reply is what was asked for, asked or told."""
    line_start = text.rfind("\n", 0, start) + 1
    speaker = _TIMED_SPEAKER.match(text, line_start, start)
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end >= 0 else len(text)]
    if line_start == 0 or speaker is None or rest.strip(" \t.,;!"):
        return False  # the number ends the reply
    above_start = text.rfind("\n", max(0, line_start - 300), line_start - 1) + 1
    above = text[above_start : line_start - 1]
    if not (_TIMED_SPEAKER.match(above) and cue.search(_words(above))):
        return False
    # the number is the whole reply, or closes a reply to a question after a colon ("4324, or the whole thing: ...")
    lead = text[speaker.end() : start].rstrip()
    return not lead or lead.endswith(":") and above.rstrip().endswith("?")


def _asked_on_the_line_above(text: str, dates: list[re.Match[str]], i: int) -> bool:
    """A question and its answer (`Agent: Date of birth ...?` / `Caller: 22/2/94, ...`): the line above names the
    birth date and holds no date after its cue, and this is the first date of its own line."""
    question = _question_above(text, dates[i].start())
    if question is None:
        return False
    line_start, above_start, above = question
    speaker = _TIMED_SPEAKER.match(text, line_start, dates[i].start())
    reply_start = speaker.end() if speaker else line_start  # a chat line's stamp is no date of the reply
    if i and dates[i - 1].start() >= reply_start:
        return False
    cues = list(_DOB_WORDS.finditer(_words(above)))
    j = i - 1
    while j >= 0 and dates[j].start() >= line_start:
        j -= 1  # past the stamp's date on this line: the date before the line is the question's
    return bool(cues) and not (j >= 0 and dates[j].start() >= above_start + cues[-1].end())


# `* 14.04.54 in Köln`: the genealogical sign for "born" (DIN 5008 CVs, German and Dutch registers) at the start
# of a line, with the birthplace after the date; a bullet list's `* 2024-01-02 released` has no `in Place`.
_GENEALOGICAL_STAR = re.compile(r"(?:^|\n)[ \t]*\*[ \t]*$")
_BIRTHPLACE_AFTER = re.compile(r"[ \t]+(?:in|te)[ \t]+[A-ZÄÖÜ]")


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
    return all(
        (c.upper() if int(h, 16) >= 8 else c.lower()) == c for c, h in zip(body, digest[:40], strict=True)
    )


def _wallets(text: str) -> Iterator[Finding]:
    for m in _BTC_BASE58.finditer(text):
        _on_time()
        if base58check_ok(m.group()):
            yield Finding("CRYPTO", m.start(), m.end(), 1.0, "Bitcoin Base58Check checksum")
    for m in _BECH32.finditer(text):
        _on_time()
        if bech32_ok(m.group()):
            yield Finding("CRYPTO", m.start(), m.end(), 1.0, "Bitcoin bech32/bech32m checksum")
    for m in _ETH.finditer(text):
        _on_time()
        body = m.group()[2:]
        if eip55_ok(m.group()):
            mixed = not (body.islower() or body.isupper())
            yield Finding(
                "CRYPTO",
                m.start(),
                m.end(),
                1.0 if mixed else 0.7,
                "Ethereum EIP-55 checksum" if mixed else "Ethereum address shape (no checksum case)",
            )


RECOGNISERS: dict[str, Callable[[str], Iterator[Finding]]] = {
    "EMAIL_ADDRESS": _emails,
    "URL": _urls,
    "CREDIT_CARD": _cards,
    "IBAN_CODE": _ibans,
    "US_SSN": _ssns,
    "PHONE_NUMBER": _phones,
    "IP_ADDRESS": _ips,
    "MAC_ADDRESS": _macs,
    "DATE_OF_BIRTH": _dobs,
    "CRYPTO": _wallets,
    "US_NPI": _health_ids,
    "UK_NHS": _health_ids,
}
# Stronger evidence wins an overlap: a checksum beats a shape, a specific type beats a generic one.
_PRIORITY = {
    "CREDIT_CARD": 9,
    "IBAN_CODE": 9,
    "CRYPTO": 9,
    "EMAIL_ADDRESS": 8,
    "US_SSN": 7,
    "UK_NHS": 6,
    "US_NPI": 6,
    "MAC_ADDRESS": 6,
    "IP_ADDRESS": 5,
    "DATE_OF_BIRTH": 5,
    "PHONE_NUMBER": 4,
    "URL": 3,
}


class DetectionTimeout(Exception):
    """`detect` ran past its time limit; nothing was reported."""


# The monotonic time by which the current `detect` call must finish (a context variable, so concurrent calls
# in threads or tasks each keep their own). Every recogniser checks it once per candidate.
_DEADLINE: ContextVar[float] = ContextVar("pii_deadline", default=math.inf)


def _on_time() -> None:
    if time.monotonic() > _DEADLINE.get():
        raise DetectionTimeout


# RFC 2045 quoted-printable: a line ends in "=" where the encoder broke a longer line (76 characters at most), so a
# value may be split anywhere (`1931-0=\n8-23`). In a text that declares that encoding, the soft breaks are
# taken out before the scan and each finding's span is mapped back onto the text as given (it then holds the
# break, so redacting it removes the whole value).
# RFC 2045 quoted-printable: a soft line break (`=` at a line end, which an encoder puts anywhere: the email
# package broke `1931-08-23` as `1931-0=\n8-23`) or a run of escaped octets (`=C2=A0`, a no-break space between a
# phone number's groups; `=2E`, `=40`).
_QP_TOKEN = re.compile(r"=\r?\n|(?:=[0-9A-F]{2})+")
_QP_CHARSET = re.compile(r"(?i)charset\s*=\s*\"?([\w.:-]{1,40})")


@dataclass(frozen=True)
class _Joined:
    text: str
    starts: list[int]  # position in `text` -> where that character starts in the original
    ends: list[int]  # ... and where it ends (an escape `=C2=A0` is one character from six)

    def original(self, f: Finding) -> Finding:
        return Finding(f.entity, self.starts[f.start], self.ends[f.end - 1], f.score, f.validation)


def _qp_charset(text: str) -> str:
    declared = _QP_CHARSET.search(text)
    try:
        return codecs.lookup(declared.group(1)).name if declared else "utf-8"
    except LookupError:
        return "utf-8"


def _qp_octets(run: str, at: int, charset: str) -> tuple[str, list[int], list[int]] | None:
    """A run of escapes decoded one octet at a time, each character mapped to the escapes that wrote it; None
    when the octets are no text in the charset (the run is then left as written)."""
    decoder = codecs.getincrementaldecoder(charset)("strict")
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    char_start = at
    try:
        for i in range(0, len(run), 3):
            for ch in decoder.decode(bytes.fromhex(run[i + 1 : i + 3])):
                chars.append(ch)
                starts.append(char_start)
                ends.append(at + i + 3)
            if decoder.getstate()[0] == b"":
                char_start = at + i + 3
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None
    return "".join(chars), starts, ends


@dataclass(frozen=True)
class _Decoded:
    """What replaces text[start:end] in a decoded view: `chars`, each mapped to where it starts and ends."""

    start: int
    end: int
    chars: str
    starts: list[int]
    ends: list[int]


def _rewritten(text: str, replacements: Iterable[_Decoded]) -> _Joined:
    """`text` with each (ordered, disjoint) replacement made, every character mapped back onto `text`."""
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    kept_from = 0
    for r in replacements:
        pieces.append(text[kept_from : r.start])
        starts.extend(range(kept_from, r.start))
        ends.extend(range(kept_from + 1, r.start + 1))
        pieces.append(r.chars)
        starts.extend(r.starts)
        ends.extend(r.ends)
        kept_from = r.end
    pieces.append(text[kept_from:])
    starts.extend(range(kept_from, len(text)))
    ends.extend(range(kept_from + 1, len(text) + 1))
    return _Joined("".join(pieces), starts, ends)


def _qp_replacements(text: str, charset: str) -> Iterator[_Decoded]:
    for m in _QP_TOKEN.finditer(text):
        if m.group()[1] in "\r\n":
            yield _Decoded(m.start(), m.end(), "", [], [])  # a soft line break: nothing
        elif (decoded := _qp_octets(m.group(), m.start(), charset)) is not None:
            yield _Decoded(m.start(), m.end(), *decoded)
        # octets that are no text in the charset: left as written


def _quoted_printable_decoded(text: str) -> _Joined | None:
    """The text a quoted-printable mail body stands for, with each character mapped back onto the text as given
    (so that a redaction removes the whole value, escapes and all); None unless the text declares the encoding."""
    if "=" not in text or "quoted-printable" not in text.lower():
        return None
    return _rewritten(text, _qp_replacements(text, _qp_charset(text)))


# application/x-www-form-urlencoded (a form body, a query string, a webhook's payload: `From=%2B14155550132&To=...`,
# `email=ann.lee%40example.com`): percent-escaped UTF-8 octets and `+` for a blank, inside `key=value&key=value`
# runs (or one pair after `?`) only, so that a URL's own escapes and a phone's `+` elsewhere stay as written.
_FORM_RUN = re.compile(
    r"[\w.\[\]-]{1,60}=[^\s&]*(?:&[\w.\[\]-]{1,60}=[^\s&]*)+|(?<=\?)[\w.\[\]-]{1,60}=[^\s&#]*"
)
_FORM_TOKEN = re.compile(r"(?:%[0-9A-Fa-f]{2})+|\+")


_TOKEN_HEAD = re.compile(r"[^\s\"'<>()\[\]{}]*\Z")


def _inside_a_url(text: str, start: int) -> bool:
    """The run is a web address's query (`https://x.example/search?q=a+b`): decoding it would cut the address at the
    decoded blank; the URL recogniser takes it whole."""
    head = _TOKEN_HEAD.search(text, max(0, start - 2000), start)
    token = head.group() if head else ""
    return "://" in token or token.lower().startswith("www.")


def _form_replacements(text: str) -> Iterator[_Decoded]:
    for run in _FORM_RUN.finditer(text):
        if _inside_a_url(text, run.start()):
            continue
        for m in _FORM_TOKEN.finditer(text, run.start(), run.end()):
            if m.group() == "+":
                yield _Decoded(m.start(), m.end(), " ", [m.start()], [m.end()])
            elif (decoded := _qp_octets(m.group().replace("%", "="), m.start(), "utf-8")) is not None:
                yield _Decoded(m.start(), m.end(), *decoded)


def _form_decoded(text: str) -> _Joined | None:
    if "=" not in text or "%" not in text and "+" not in text or "&" not in text and "?" not in text:
        return None
    replacements = list(_form_replacements(text))
    return _rewritten(text, replacements) if replacements else None


# JSON's and JavaScript's string escapes (RFC 8259 section 7): an encoder that writes ASCII only (Python's
# json.dumps by default) turns `Née le` into `N\u00e9e le` and a no-break space between a phone's groups into
# `\u00a0`; PHP's json_encode writes `https:\/\/...`; a newline inside a logged string is `\n`, which glues the
# next line's label to the letter n. Escapes of a quote, a backslash or another control character stay as written.
# Case matters: JSON writes `\u` and `\n` in lower case; HL7's `\T\`, `\R\` and `\F\` escapes are no newline or tab.
_JSON_ESCAPE = re.compile(
    r"\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})|\\([/nrt])"
)
_JSON_SIMPLE = {"/": "/", "n": "\n", "r": "\r", "t": "\t"}


def _json_escape_char(m: re.Match[str]) -> str | None:
    if m.group(4):
        return _JSON_SIMPLE[m.group(4)]
    if m.group(1):
        return chr(0x10000 + (int(m.group(1), 16) - 0xD800) * 0x400 + int(m.group(2), 16) - 0xDC00)
    char = chr(int(m.group(3), 16))
    return (
        None
        if char in '"\\' or (char < " " and char not in "\n\r\t") or 0xD800 <= ord(char) < 0xE000
        else char
    )


def _json_escapes_decoded(text: str) -> _Joined | None:
    if "\\" not in text:
        return None
    replacements = [
        _Decoded(m.start(), m.end(), char, [m.start()], [m.end()])
        for m in _JSON_ESCAPE.finditer(text)
        if (char := _json_escape_char(m)) is not None and text[max(0, m.start() - 1) : m.start()] != "\\"
    ]
    return _rewritten(text, replacements) if replacements else None


def _decoded_view(text: str) -> _Joined | None:
    """The text as its encodings stand for it (quoted-printable, JSON string escapes, form encoding), mapped back."""
    joined = _quoted_printable_decoded(text)
    joined = _composed(joined, _json_escapes_decoded(joined.text if joined else text))
    return _composed(joined, _form_decoded(joined.text if joined else text))


def _composed(outer: _Joined | None, inner: _Joined | None) -> _Joined | None:
    """`inner` decodes `outer`'s text: one map from `inner`'s text back onto the original."""
    if outer is None or inner is None:
        return inner or outer
    starts = [outer.starts[i] for i in inner.starts]
    ends = [outer.ends[i - 1] for i in inner.ends]
    return _Joined(inner.text, starts, ends)


# No-break and other fixed-width spaces (French typography sets U+202F or U+00A0 between a number's groups; word
# processors do too) and the non-breaking hyphen are read as a space and a hyphen: one character for one, so
# every position stays put.
_TYPOGRAPHIC = str.maketrans(
    dict.fromkeys("\u00a0\u202f\u2007\u2009\u2002\u2003\u2004\u2005\u2006\u2008\u200a", " ")
    | {"\u2011": "-", "\u2010": "-"}
)
_TYPOGRAPHIC_CHARS = "\u00a0\u202f\u2007\u2009\u2002\u2003\u2004\u2005\u2006\u2008\u200a\u2011\u2010"


_TYPOGRAPHIC_ANY = re.compile(f"[{_TYPOGRAPHIC_CHARS}]")


def _plain_spaces(text: str) -> str:
    return text.translate(_TYPOGRAPHIC) if _TYPOGRAPHIC_ANY.search(text) else text


def detect(text: str, entities: list[str] | None = None, *, time_limit: float | None = None) -> list[Finding]:
    """Non-overlapping findings in `text`, in order. `entities` limits the types (default all).

    Raises DetectionTimeout when `time_limit` seconds pass before the scan ends (checked per candidate)."""
    token = _DEADLINE.set(time.monotonic() + time_limit) if time_limit is not None else None
    try:
        wanted = set(entities or ENTITIES)
        found: list[Finding] = []
        joined = _decoded_view(text)
        scanned = _plain_spaces(joined.text if joined else text)
        with table_memo():
            for recogniser in dict.fromkeys(RECOGNISERS[e] for e in ENTITIES if e in wanted):
                found.extend(f for f in recogniser(scanned) if f.entity in wanted)
        if joined:
            found = [joined.original(f) for f in found]
        return _without_overlaps(found)
    finally:
        if token is not None:
            _DEADLINE.reset(token)


def _without_overlaps(found: list[Finding]) -> list[Finding]:
    """The strongest findings that do not overlap, in text order. Kept spans stay sorted and disjoint, so
    only the neighbours of a new span can overlap it (comparing with every kept span was quadratic: a long
    CSV of phone numbers spent most of its time here)."""
    found.sort(key=lambda f: (-_PRIORITY[f.entity], -f.score, -(f.end - f.start), f.start))
    starts: list[int] = []
    kept: list[Finding] = []  # parallel to starts
    for f in found:
        i = bisect.bisect_right(starts, f.start)
        if (i and kept[i - 1].end > f.start) or (i < len(kept) and kept[i].start < f.end):
            continue
        starts.insert(i, f.start)
        kept.insert(i, f)
    return kept
