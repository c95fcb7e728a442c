"""PostgreSQL's failing row: what a reader of a bare tuple of column values can know.

A constraint violation logs the offending row without its column names (`ERROR:  new row for relation
"patients" violates check constraint "patients_date_of_birth_check"` / `DETAIL:  Failing row contains (…,
7791732041, Oliveira, João, 1957-12-22, …)`). What names the values is the ERROR line above: the relation (a
table of people or not) and, for a check constraint, its name (PostgreSQL names one `<table>_<column>_check`
by default). A value counts as a cell only when it is a whole one: the `2019-04-17` of a timestamp is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPENING = "Failing row contains ("
# The ERROR line's relation and constraint (check, not-null, unique, foreign key), on the lines just above.
_RELATION = re.compile(r'relation "([^"\n]{1,63})"(?:[^\n]*?constraint "([^"\n]{1,63})")?')
_ERROR_REACH = 600
_ROW_REACH = 2000  # a failing row's values around a cell, each way
# A table whose rows are people: their values are a person's identifiers and dates.
_PEOPLE = re.compile(
    r"(?i)patient|person|people|member|employee|customer|client|student|user|contact|staff|resident|"
    r"citizen|subscriber|applicant|beneficiar|insured|donor|guest|passenger|traveller|voter"
)
_WORD_CELL = re.compile(r"[^\W\d_][^\W\d_ .'-]*(?:[ .'-][^\W\d_]+)*")


@dataclass(frozen=True)
class FailingRow:
    relation: str
    constraint: str  # "" when the ERROR line names none
    cells: tuple[str, ...]  # the values, unquoted

    @property
    def of_people(self) -> bool:
        """The relation is named for people and the row holds a name (a cell of words only)."""
        return bool(_PEOPLE.search(self.relation)) and any(_WORD_CELL.fullmatch(c) for c in self.cells)


def _whole_cell(text: str, inner: int, close: int, start: int, end: int) -> bool:
    before = text[inner:start].rstrip('"')
    after = text[end:close].lstrip('"')
    return (not before or before.endswith(",") or before.endswith(", ")) and (not after or after[0] == ",")


def failing_row(text: str, start: int, end: int) -> FailingRow | None:
    """The failing row that text[start:end] is a whole cell of, with the relation its ERROR line names."""
    low = max(0, start - _ROW_REACH)  # bounded both ways: HL7 ends its lines with CR, one-line text has none
    opening = text.rfind(_OPENING, text.rfind("\n", low, start) + 1, start)
    if opening < 0:
        return None
    inner = opening + len(_OPENING)
    high = min(len(text), end + _ROW_REACH)
    line_end = text.find("\n", end, high)
    close = text.rfind(")", end, line_end if line_end >= 0 else high)
    if close < 0 or not _whole_cell(text, inner, close, start, end):
        return None
    errors = list(_RELATION.finditer(text, max(0, opening - _ERROR_REACH), opening))
    if not errors:
        return None
    cells = tuple(c.strip().strip('"') for c in text[inner:close].split(","))
    return FailingRow(errors[-1].group(1), errors[-1].group(2) or "", cells)
