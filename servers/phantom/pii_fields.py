"""What field a value sits in, for structured text: the label a format gives the position, so the
field's meaning can decide what a number is (a birth-date field makes a date a date of birth, a lot
or claim field makes phone-shaped digits no phone number).

Formats, each read by a strict split of its own syntax (no parser library: each needs only the
position of one value, and a library would parse the whole document on every candidate):
- HL7 v2 (segments of `|`-separated fields, `^` components): PID-7 date of birth, PID-13/14 and
  NK1-5/6 phones, PID-19 SSN, XCN fields (PV1-7/8/9/17, ORC-12, OBR-16 ...) whose first component is
  a provider id; every other field is named by its position (`PID-3`), which names no personal type;
- ASC X12 (segments ending `~`, `*` elements): NM1 identification code by its qualifier (XX NPI, 34
  SSN, MI member id, ...), DMG*D8 date of birth, PER communication numbers by qualifier (TE, CP, FX,
  ...), REF by qualifier, DTP dates (service dates, not births);
- JSON and FHIR: the quoted key, and for `"value"` the sibling `"system"` (FHIR ContactPoint and
  Identifier: `phone`, the official NPI, SSN and NHS number system URIs);
- XML elements, vCard properties (`TEL;TYPE=cell:`, `BDAY:`), `.env`/YAML/INI `key=value` and
  `key: value` lines, markdown and HTML tables (the header cell of the column), CSV/TSV headers and
  SQL INSERT column lists.

A `Label` is `strong` when the format itself names the field (a key, a header, a segment position):
then a name that says nothing of a type is evidence against it. A `Name: value` line in prose is weak:
a cue when it names the type, and no evidence against anything else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    name: str
    strong: bool


# Table headers found during one `detect` call, keyed by (table kind, row start): a long table's rows then
# find their header in one step from the row above instead of walking up the table each time.
_TABLE_MEMO: ContextVar[dict[tuple[str, int], str | None] | None] = ContextVar("pii_table_memo", default=None)


# Labels found during one `detect` call, by position: several recognisers ask about the same number.
_LABELS: ContextVar[dict[int, Label | None] | None] = ContextVar("pii_labels", default=None)


@contextmanager
def table_memo() -> Iterator[None]:
    """Remember table headers and labels for the duration of one detection over one text."""
    tables, labels = _TABLE_MEMO.set({}), _LABELS.set({})
    try:
        yield
    finally:
        _TABLE_MEMO.reset(tables)
        _LABELS.reset(labels)


def remembered_labels() -> dict[int, Label | None] | None:
    """The current detection's labels by position (None outside `table_memo`)."""
    return _LABELS.get()


# -- HL7 v2 --------------------------------------------------------------------------------------

_HL7_SEGMENT = re.compile(r"[A-Z][A-Z0-9]{2}\|")
# (segment, field) -> what the field holds, in words the recognisers' cue patterns know.
_HL7_FIELDS = {
    ("PID", 7): "date of birth",
    ("PID", 13): "phone home",
    ("PID", 14): "phone business",
    ("PID", 19): "ssn",
    ("NK1", 5): "phone",
    ("NK1", 6): "phone business",
    ("GT1", 6): "phone home",
    ("GT1", 7): "phone business",
    ("GT1", 8): "date of birth",
    ("GT1", 12): "ssn",
    ("IN1", 18): "insured date of birth",
    ("IN2", 2): "ssn",
}
# XCN (extended composite id for persons) fields: component 1 is the provider's id (the NPI in the US).
_HL7_XCN = {
    ("PV1", 7),
    ("PV1", 8),
    ("PV1", 9),
    ("PV1", 17),
    ("PV1", 52),
    ("ORC", 10),
    ("ORC", 11),
    ("ORC", 12),
    ("OBR", 16),
    ("OBR", 28),
    ("PD1", 4),
    ("RXE", 13),
    ("RXO", 14),
    ("TXA", 5),
    ("TXA", 9),
    ("ROL", 4),
    ("PRD", 7),
    ("FT1", 20),
    ("FT1", 21),
}


def _hl7_label(text: str, line_start: int, start: int) -> Label | None:
    if not _HL7_SEGMENT.match(text, line_start) or "|" not in text[line_start + 4 : start + 1]:
        return None
    segment = text[line_start : line_start + 3]
    prefix = text[line_start:start]
    field = prefix.count("|") + (1 if segment == "MSH" else 0)  # MSH-1 is the field separator itself
    component = prefix[prefix.rfind("|") + 1 :].count("^") + 1
    if (segment, field) in _HL7_XCN:
        return Label("provider id" if component == 1 else f"{segment}-{field}.{component}", True)
    return Label(_HL7_FIELDS.get((segment, field), f"{segment}-{field}"), True)


# -- ASC X12 -------------------------------------------------------------------------------------

_X12_SEGMENT = re.compile(r"[A-Z][A-Z0-9]{1,2}\*")
_NM1_QUALIFIERS = {
    "XX": "npi",
    "34": "ssn",
    "MI": "member id",
    "24": "employer identification number",
    "FI": "federal tax id",
    "PI": "payer id",
    "II": "health identifier",
}
_PER_QUALIFIERS = {
    "TE": "phone",
    "CP": "cell phone",
    "HP": "home phone",
    "WP": "work phone",
    "BN": "beeper phone",
    "FX": "fax",
    "EM": "email",
    "EX": "phone extension",
}
_REF_QUALIFIERS = {"SY": "ssn", "EI": "employer identification number", "HPI": "npi"}


def _x12_label(text: str, start: int) -> Label | None:
    seg_start = max(text.rfind("~", 0, start), text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    while seg_start < start and text[seg_start] in " \r\t":
        seg_start += 1
    if not _X12_SEGMENT.match(text, seg_start):
        return None
    elements = text[seg_start:start].split("*")
    segment, index = elements[0], len(elements) - 1
    if segment == "NM1" and index == 9:
        return Label(_NM1_QUALIFIERS.get(elements[8], "identification code"), True)
    if segment == "DMG" and index == 2:
        return Label("date of birth" if elements[1] == "D8" else "demographic date", True)
    if segment == "PER" and index in (4, 6, 8):
        return Label(_PER_QUALIFIERS.get(elements[index - 1], "communication number"), True)
    if segment == "REF" and index == 2:
        return Label(_REF_QUALIFIERS.get(elements[1], "reference identification"), True)
    if segment == "DTP":
        return Label("service date" if elements[1:2] != ["D8"] else "date", True)
    return Label(f"{segment}{index:02d}", True)


# -- JSON / FHIR, XML, vCard, key=value -------------------------------------------------------------

_JSON_KEY = re.compile(r"""["']([A-Za-z_][\w.-]{0,40})["']\s*:\s*["']?$""")
_FHIR_SYSTEM = re.compile(r""""system"\s*:\s*"([^"]{1,200})\"""")
_FHIR_SYSTEMS = {
    "http://hl7.org/fhir/sid/us-npi": "npi",
    "http://hl7.org/fhir/sid/us-ssn": "ssn",
    "https://fhir.nhs.uk/Id/nhs-number": "nhs number",
    "http://fhir.nhs.net/Id/nhs-number": "nhs number",
    # The same identifier systems by their HL7 OIDs (FHIR allows `urn:oid:` for any Identifier.system).
    "urn:oid:2.16.840.1.113883.4.6": "npi",
    "urn:oid:2.16.840.1.113883.4.1": "ssn",
    "urn:oid:2.16.840.1.113883.2.1.4.1": "nhs number",
}
# XFDF (ISO 19444-1) and similar form exports: `<field name="applicant_phone"><value>...</value>`, the field's
# name attribute names the value.
_NAMED_FIELD = re.compile(
    r"""<(?:[\w-]+:)?field\s+(?:[^<>]{0,100}\s)?name\s*=\s*["']([^"'<>]{1,60})["'][^<>]{0,100}>\s*\Z"""
)
_XML_TAG = re.compile(r"<([A-Za-z_][\w.:-]{0,40})(?:\s[^<>]{0,200})?>\s*$")
# Presentation tags name no field (a table cell's header is found by _html_label).
_HTML_TAGS = frozenset(
    "td th tr span div p b i u a li ul ol strong em font small br code pre body html".split()
)
_VCARD_PROPERTY = re.compile(
    r"(?:item\d+\.)?([A-Z][A-Z-]{1,20})((?:;[^:\n]{0,80})?):(?:tel:|TEL:)?$", re.IGNORECASE
)
# `KEY=value`, `key: value`, `- key: 'value'` at the start of a line (or after a table bar).
_LINE_KEY = re.compile(r"(?:^|[|·•;,]\s*)\s*-?\s*([A-Za-z][\w .#/()'-]{0,40}?)\s*[:=]\s*[\"']?$", re.M)
_CONFIG_KEY = re.compile(r"^\s*-?\s*[A-Za-z_][\w.-]{0,40}\s*[:=]\s*[\"']?$")


_KEY_OPENS = re.compile(r"""["']([A-Za-z_][\w.-]{0,40})["']\s*:\s*\[?\s*\Z""")


def _enclosing_keys(text: str, brace: int) -> str | None:
    """The keys of the (up to two) objects around a `{"value": ...}` with no system: a FHIR Reference's identifier
    (`"generalPractitioner": [{"identifier": {"value": ...}}]`) is named by the property that holds it."""
    names: list[str] = []
    while brace >= 0 and len(names) < 2:
        key = _KEY_OPENS.search(text, max(0, brace - 60), brace)
        if key is None:
            break
        names.insert(0, key.group(1))
        brace = text.rfind("{", max(0, key.start() - 3), key.start())
    return " ".join(names) or None


# A key/value pair list names its value by the pair's key: OpenTelemetry's attributes (`{"key": "provider.npi",
# "value": {"stringValue": "..."}}`, OTLP/JSON), AWS tags (`{"Key": ..., "Value": ...}`), `{"name": ..., "value": ...}`.
_PAIR_KEY = re.compile(
    r"""["'](?:key|Key|name|Name)["']\s*:\s*["']([^"'\n]{1,80})["']\s*,\s*["'](?:value|Value)["']\s*:\s*"""
    r"""(?:\{\s*["'](?:stringValue|intValue|string_value|int_value)["']\s*:\s*)?["']?\Z"""
)
_PAIR_VALUES = frozenset({"value", "stringvalue", "intvalue", "string_value", "int_value"})


def _json_label(text: str, start: int) -> Label | None:
    key = _JSON_KEY.search(text, max(0, start - 50), start)
    if key is None:
        return None
    name = key.group(1)
    if name.lower() not in _PAIR_VALUES:
        return Label(name, True)
    if pair := _PAIR_KEY.search(text, max(0, start - 200), start):
        return Label(pair.group(1), True)
    if name.lower() != "value":
        return Label(name, True)
    # FHIR ContactPoint / Identifier: {"system": ..., "value": ...} in either order.
    low, high = text.rfind("{", max(0, start - 300), start), text.find("}", start, start + 300)
    system = _FHIR_SYSTEM.search(text, low if low >= 0 else start, high if high >= 0 else start)
    if system is None:
        return Label(_enclosing_keys(text, low) or name, True)
    return Label(_FHIR_SYSTEMS.get(system.group(1), system.group(1)), True)


def _line_label(text: str, line_start: int, start: int) -> Label | None:
    prefix = text[line_start:start]
    if (xml := _XML_TAG.search(prefix)) and xml.group(1).lower() not in _HTML_TAGS:
        tag = line_start + xml.start()  # the field's tag may stand on the line above (a pretty-printed XFDF)
        named = _NAMED_FIELD.search(text, max(0, tag - 200), tag) if xml.group(1).lower() == "value" else None
        return Label(named.group(1) if named else xml.group(1), True)
    if (vcard := _VCARD_PROPERTY.fullmatch(prefix)) and text.rfind("BEGIN:VCARD", 0, line_start) >= 0:
        return Label(vcard.group(1) + vcard.group(2), True)
    if _CONFIG_KEY.match(prefix):
        name = re.match(r"\s*-?\s*([\w.-]+)", prefix)
        strong = "=" in prefix or _looks_like_yaml(text, line_start) or _in_a_record(text, line_start)
        return Label(name.group(1) if name else prefix, strong)
    key = _LINE_KEY.search(text, line_start, start)
    return Label(key.group(1), False) if key else None


_RECORD_LINE = re.compile(r"[A-Za-z_][\w.-]{0,40}:[ \t]*\S")


def _in_a_record(text: str, line_start: int) -> bool:
    """One-word `key: value` lines above and below (LDIF, e-mail headers, form dumps): the keys name fields."""
    above = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    below = text.find("\n", line_start) + 1
    return bool(
        line_start > 0
        and _RECORD_LINE.match(text, above)
        and (below == 0 or below >= len(text) or _RECORD_LINE.match(text, below))
    )


def _looks_like_yaml(text: str, line_start: int) -> bool:
    """Indented `key: value` lines under a `name:` line: a YAML mapping, where keys are field names."""
    above = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    return line_start > 0 and text[above : line_start - 1].rstrip().endswith(":")


# -- tables ----------------------------------------------------------------------------------------

_MD_SEPARATOR = re.compile(r"\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*")


# A row headed by a record of another kind than the table's people (`| batch | LOT 1644-987-84 | 2024-03-05 |`
# under `| Patient | NHS number | DOB |`, a `| Total | ... |` row): its cells are that record's, not the column's.
_OTHER_RECORD_ROW = re.compile(
    r"(?i)batch|lot[e]?|lotto|partij|charge|total[e]?|subtotal|sub-total|sum|summe|gesamt|totaal|somma|suma|soma"
)


def _markdown_label(text: str, line_start: int, start: int) -> Label | None:
    if text[line_start : line_start + 1] != "|" and not text[line_start:start].lstrip().startswith("|"):
        return None
    header = _markdown_header(text, line_start)
    if header is None:
        return None
    column = text[line_start:start].count("|")
    first_cell = text[line_start:start].strip().lstrip("|").split("|", 1)[0].strip()
    if column > 1 and _OTHER_RECORD_ROW.fullmatch(first_cell):
        return Label(first_cell, True)
    cells = header.split("|")
    return Label(cells[column].strip(), True) if column < len(cells) else None


def _markdown_header(text: str, line_start: int) -> str | None:
    """The header row of the markdown table whose row starts at `line_start`: the row above its rule row.
    Rows walked are remembered for the current `detect` call, so a long table is read once, not per cell."""
    memo = _TABLE_MEMO.get()
    visited: list[int] = []
    line, header = line_start, None
    for _ in range(200):
        if memo is not None and ("md", line) in memo:
            header = memo["md", line]
            break
        visited.append(line)
        above = text.rfind("\n", 0, max(0, line - 1)) + 1
        row = text[above : max(above, line - 1)]
        if line == 0 or not row.lstrip().startswith("|"):
            break
        if _MD_SEPARATOR.fullmatch(row):
            head_start = text.rfind("\n", 0, max(0, above - 1)) + 1
            header = text[head_start : max(head_start, above - 1)]
            break
        line = above
    if memo is not None:
        memo.update(dict.fromkeys((("md", v) for v in visited), header))
    return header


_HTML_CELL = re.compile(r"<t[dh]\b", re.IGNORECASE)
_HTML_HEADER = re.compile(r"<th\b[^>]*>(.*?)</th>", re.IGNORECASE | re.DOTALL)


def _html_label(text: str, start: int) -> Label | None:
    low = max(0, start - 4000)  # a table's header row is near its cells; a longer look would be quadratic
    window = text[low:start].lower()
    cell = window.rfind("<td", max(0, len(window) - 400))
    if cell < 0 or ">" not in window[cell:] or "</td" in window[cell:]:
        return None
    row = window.rfind("<tr", max(0, len(window) - 2000), cell)
    if row < 0:
        return None
    column = len(_HTML_CELL.findall(window, row, cell))
    head = window.rfind("<th", 0, row)
    if head < 0:
        return None
    head_row = window.rfind("<tr", 0, head)
    headers = _HTML_HEADER.findall(text, low + (head_row if head_row >= 0 else head), low + row)
    if column >= len(headers):
        return None
    return Label(re.sub(r"<[^>]*>", "", headers[column]).strip(), True)


_XML_ATTRIBUTE = re.compile(
    r"<([A-Za-z_][\w.:-]{0,40})\s(?:[^<>]{0,200}\s)?([A-Za-z_][\w.:-]{0,40})\s*=\s*[\"']$"
)
_XML_SYSTEM = re.compile(r"<system\s+value=[\"']([^\"']{1,200})[\"']")


def _xml_attribute_label(text: str, start: int) -> Label | None:
    """`<birthDate value="...">` (FHIR XML): the element names the field; `<value value="...">` takes the name of
    its sibling `<system value="...">`; any other attribute (`xmlns="..."`) names itself."""
    attribute = _XML_ATTRIBUTE.search(text, max(0, start - 250), start)
    if attribute is None:
        return None
    element, name = attribute.groups()
    if name != "value":
        return Label(name, True)
    if element != "value":
        return Label(element, True)
    systems = list(
        _XML_SYSTEM.finditer(text, max(0, start - 300), start)
    )  # the nearest, this element's sibling
    system = systems[-1].group(1) if systems else element
    return Label(_FHIR_SYSTEMS.get(system, system), True)


# -- DICOM attribute dumps, EDIFACT, IATA SSR DOCS ---------------------------------------------------

# DICOM attribute dumps: dcmdump's `(0010,0030) DA [19330316]   # PatientBirthDate` and pydicom's
# `(0010,0030) Patient's Birth Date   DA: '19330316'`. The tag names the attribute (PS3.6 data dictionary); the
# dump names it too, by its keyword in a comment or its name before the VR, for tags not listed here.
_DICOM_LINE = re.compile(
    r"\s*\(([0-9A-Fa-f]{4}),([0-9A-Fa-f]{4})\)\s+(?:[A-Z]{2}\s+\[|([A-Za-z][\w' ()/-]{0,64}?)\s+[A-Z]{2}: ['\"]?)"
)
_DICOM_KEYWORD = re.compile(r"\]?[^\n#]*#[^\n]*?([A-Za-z][A-Za-z0-9]{2,63})[ \t]*(?=\n|$)")
_DICOM_TAGS = {
    ("0010", "0030"): "PatientBirthDate",
    ("0010", "0020"): "PatientID",
    ("0010", "1000"): "OtherPatientIDs",
    ("0010", "2154"): "PatientTelephoneNumbers",
    ("0008", "0020"): "StudyDate",
    ("0008", "0030"): "StudyTime",
}


def _dicom_label(text: str, line_start: int, start: int) -> Label | None:
    tag = _DICOM_LINE.match(text, line_start)
    if tag is None or tag.end() != start:
        return None
    if (name := _DICOM_TAGS.get((tag.group(1), tag.group(2).upper()))) is not None:
        return Label(name, True)
    if tag.group(3):
        return Label(tag.group(3), True)
    keyword = _DICOM_KEYWORD.match(text, text.find("]", start) if "]" in text[start : start + 200] else start)
    return Label(keyword.group(1) if keyword else f"({tag.group(1)},{tag.group(2)})", True)


# UN/EDIFACT (PAXLST, ...): segments end with `'`, elements `+`, components `:`. DTM's date/time qualifier
# (code list 2005) says what a date is: 329 is the date of birth.
_EDIFACT_DTM = re.compile(r"DTM\+(\d{1,3}):$")
_EDIFACT_DATES = {"329": "date of birth", "36": "expiry date", "182": "issue date"}


def _edifact_label(text: str, start: int) -> Label | None:
    dtm = _EDIFACT_DTM.search(text, max(0, start - 8), start)
    return Label(_EDIFACT_DATES.get(dtm.group(1), f"DTM {dtm.group(1)}"), True) if dtm else None


# IATA SSR DOCS (APIS): HK1/doc type/issuing state/doc number/nationality/date of birth/gender/expiry/names.
_SSR_DOCS = re.compile(r"SSR DOCS [A-Z0-9]{2} [A-Z]{2}\d{0,3}/")
_DOCS_FIELDS = ("document type", "issuing state", "document number", "nationality", "date of birth", "gender")


def _ssr_docs_label(text: str, line_start: int, start: int) -> Label | None:
    docs = _SSR_DOCS.match(text, line_start)
    if docs is None:
        return None
    field = text.count("/", docs.end(), start)
    return Label(_DOCS_FIELDS[field] if field < len(_DOCS_FIELDS) else f"DOCS {field}", True)


# GEDCOM (FamilySearch GEDCOM 5.5.1 and 7): every line is `level [@xref@] TAG [value]`, and a `DATE` line's
# meaning is its parent's: `1 BIRT` / `2 DATE 12 MAR 1980` is a birth date, `1 MARR` / `2 DATE ...` is not.
_GEDCOM_DATE = re.compile(r"[ \t]*(\d{1,2}) DATE (?:(?:ABT|EST|CAL|BEF|AFT) )?")
_GEDCOM_LINE = re.compile(r"[ \t]*(\d{1,2}) (?:@[^@\n]{1,40}@ )?([A-Z_][A-Z0-9_]{0,30})\b")
_GEDCOM_TAGS = {
    "BIRT": "birth date",
    "CHR": "christening date",
    "DEAT": "death date",
    "MARR": "marriage date",
}


def _gedcom_label(text: str, line_start: int, start: int) -> Label | None:
    date = _GEDCOM_DATE.fullmatch(text, line_start, start)
    if date is None:
        return None
    level, line = int(date.group(1)), line_start
    for _ in range(30):  # a DATE sits a few lines under its event at most
        if line == 0:
            return None
        line = text.rfind("\n", 0, line - 1) + 1
        parent = _GEDCOM_LINE.match(text, line)
        if parent is None:
            return None
        if int(parent.group(1)) < level:
            return Label(_GEDCOM_TAGS.get(parent.group(2), parent.group(2)), True)
    return None


def _has_quote(window: str) -> bool:
    return '"' in window or "'" in window


def field_label(text: str, start: int) -> Label | None:
    """The label of the field the value starting at `start` sits in, or None outside structured text."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1  # HL7 ends segments with CR
    for label in (
        _hl7_label(text, line_start, start),
        _x12_label(text, start) if "*" in text[line_start:start] else None,
        _html_label(text, start) if "<t" in text[max(0, start - 400) : start].lower() else None,
        _json_label(text, start) if _has_quote(text[max(0, start - 50) : start]) else None,
        _xml_attribute_label(text, start) if start and text[start - 1] in "\"'" else None,
        _markdown_label(text, line_start, start) if "|" in text[line_start:start] else None,
        _dicom_label(text, line_start, start) if text.startswith("(", line_start) else None,
        _edifact_label(text, start) if "DTM+" in text[max(0, start - 8) : start] else None,
        _ssr_docs_label(text, line_start, start) if text.startswith("SSR DOCS", line_start) else None,
        _gedcom_label(text, line_start, start) if "DATE " in text[line_start:start] else None,
    ):
        if label is not None:
            return label
    return _line_label(text, line_start, start)


# -- HL7 XTN: a phone number split into components --------------------------------------------------

_HL7_PHONE_FIELDS = {key for key, name in _HL7_FIELDS.items() if "phone" in name}
_XTN_NUMBER = re.compile(r"\^(?:(\+?\d{1,3})\^)?(\d{2,5})\^(\d{4,10})(?=[\^|~\r\n]|$)")


@dataclass(frozen=True)
class SplitPhone:
    start: int
    end: int
    number: str  # the digits joined: "+<country><area><local>" or "<area><local>"


def hl7_split_phones(text: str) -> list[SplitPhone]:
    """Phone numbers HL7 v2.3+ writes as XTN components (`^PRN^PH^^1^512^5550143`: country code, area code,
    local number) in the phone fields (PID-13/14, NK1-5/6, GT1-6/7): the span from the first of them to the
    last, and the number they make."""
    found: list[SplitPhone] = []
    for segment in re.finditer(r"(?m)(?:^|(?<=\r))([A-Z][A-Z0-9]{2})\|[^\r\n]*", text):
        fields = segment.group().split("|")
        position = segment.start()
        for index, field in enumerate(fields):
            number = (segment.group(1), index + (1 if segment.group(1) == "MSH" else 0))
            if number in _HL7_PHONE_FIELDS:
                for m in _XTN_NUMBER.finditer(field):
                    country, area, local = m.groups()
                    begin = m.start(1) if country else m.start(2)
                    joined = f"+{country.lstrip('+')}{area}{local}" if country else area + local
                    found.append(SplitPhone(position + begin, position + m.end(3), joined))
            position += len(field) + 1
    return found
