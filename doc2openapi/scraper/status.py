"""Status codes and the labels that say what a response table is.

Pages document their status codes in several ways, all read here:

- status-code tables, with a column headed "Status Code", "Returned Value(s)", "Return
  Value", "Return Code" or "(Normal / Error / HTTP) Response Code" (rows "200", "400 Bad
  Request", ...);
- lines of codes under a status heading ("Normal" / "200" / "Abnormal" / a table);
- "Status code: 400" paragraphs before the response table of that code.

A response table is an error body when its caption or the paragraph (or list item) just
before it says so ("Abnormal response", "Error response"); without a code of its own it
answers :data:`ERROR_STATUS`, OpenAPI's ``default`` (any code the page does not name).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.scraper.model import StatusCode, Table

ERROR_STATUS = "default"
"""The status of an error body the page gives without a code."""

_STATUS_HEADER = re.compile(
    r"^(?:http )?(?:(?:normal|error) )?"
    r"(?:status codes?|returned values?|return values?|return codes?|response codes?)$"
)
_ROW_CODE = re.compile(r"^\s*([1-5]\d\d)\b")
_ANY_CODE = re.compile(r"(?<![\d.,])\b[1-5]\d\d\b(?![\d.,]\d)")
_STATUS_LINE = re.compile(r"^status\s+code\s*:?\s*([1-5]\d\d)\b", re.I)
_CODE_LIST = re.compile(
    r"^(?:(?:normal|abnormal|success|successful|error|failure|http status code|status code)s?"
    r"(?:\s+values?)?\s*:?\s*)?(?P<codes>[1-5]\d\d(?:\s*(?:,|/|and|or)?\s*[1-5]\d\d)*)\s*\.?$",
    re.I,
)
_CODE_PHRASE = re.compile(r"\b([1-5]\d\d)\s+(?:OK|Created|Accepted|No Content)\b")
_ERROR_LABEL = re.compile(
    r"^(?:table\s+\d+\s+)?(?:abnormal|error|failure|failed)(?:\s+(?:response|responses|"
    r"return|returned values?|message|messages))?(?:\s+(?:parameters?|body|example))?\s*:?$",
    re.I,
)
_SUCCESS_LABEL = re.compile(
    r"^(?:table\s+\d+\s+)?(?:normal|success|successful)(?:\s+(?:response|responses|"
    r"return|returned values?|message|messages))?(?:\s+(?:parameters?|body|example))?\s*:?$",
    re.I,
)


def status_column(header: Sequence[str]) -> int | None:
    """The column of a table that lists status codes ("Status Code", "Returned Value",
    the "HTTP Status Code" column of an error-code table), if one does."""
    for index, text in enumerate(header):
        if _STATUS_HEADER.match(text.strip().lower()):
            return index
    return None


def is_status_table(header: Sequence[str]) -> bool:
    return status_column(header) is not None


def status_rows(table: Table, page: str) -> tuple[list[StatusCode], list[Diagnostic]]:
    """The codes of a status-code table; a row without a code is a diagnostic."""
    column = status_column(table.header) or 0
    described = _description_column(table.header, column)
    codes: list[StatusCode] = []
    diagnostics: list[Diagnostic] = []
    for row in table.rows:
        cells = [cell.text for cell in row.cells]
        text = cells[column] if column < len(cells) else ""
        match = _ROW_CODE.match(text)
        if match:
            others = [c for i, c in enumerate(cells) if i != column]
            if described is not None and described < len(cells):
                others = [cells[described]]
            codes.append(StatusCode(match.group(1), others[-1] if others else ""))
        elif any(cell.strip() for cell in cells):
            diagnostics.append(
                Diagnostic(
                    Level.WARNING,
                    Code.STATUS_CODE_UNREAD,
                    page,
                    f"a row of a status-code table without a status code ({text!r})",
                    table.caption or table.key,
                    str(row.number),
                )
            )
    return codes, diagnostics


def description_column(header: Sequence[str]) -> int | None:
    """The column of a status-code table that says what each code means."""
    status = status_column(header) or 0
    described = _description_column(header, status)
    others = [i for i in range(len(header)) if i != status]
    return described if described is not None else (others[-1] if others else None)


def _description_column(header: Sequence[str], status: int) -> int | None:
    """The column headed "Description" where a table has one: it says what a
    code means, which a later column ("SOAP Error Code Prefix", "Measure") would not; else
    one whose heading ends in "description" ("Error Code Description"). Without either, the
    last other column does."""
    headings = [(i, text.strip().lower()) for i, text in enumerate(header) if i != status]
    for index, text in headings:
        if text == "description":
            return index
    for index, text in headings:
        if text.endswith(" description"):
            return index
    return None


def stated_status(text: str) -> str:
    """The code of a "Status code: 400" line, else ``""``."""
    match = _STATUS_LINE.match(text)
    return match.group(1) if match else ""


def listed_codes(text: str) -> list[StatusCode]:
    """Codes a line of a status section gives: "200", "Normal 200", "204 No Content"."""
    stripped = text.strip()
    listed = _CODE_LIST.match(stripped)
    if listed:
        description = stripped if len(stripped) > 12 else ""
        return [StatusCode(code, description) for code in re.findall(r"\d{3}", listed["codes"])]
    return [StatusCode(code, stripped) for code in _CODE_PHRASE.findall(stripped)]


def status_after(text: str, status: str) -> str:
    """The status that holds after a paragraph: a stated code, or a label that announces
    the error body ("Abnormal response") or the success body ("Normal response")."""
    if stated := stated_status(text):
        return stated
    if is_error_label(text):
        return ERROR_STATUS
    if is_success_label(text):
        return ""
    return status


def mentions_code(text: str) -> bool:
    """A line that names something like a status code (prose a reader may have meant)."""
    return bool(_ANY_CODE.search(text))


def is_error_label(text: str) -> bool:
    """A caption or labelling line that announces an error body ("Abnormal response")."""
    return bool(_ERROR_LABEL.match(text.strip()))


def is_success_label(text: str) -> bool:
    """A caption or labelling line that announces the success body ("Normal response")."""
    return bool(_SUCCESS_LABEL.match(text.strip()))


def unique_codes(codes: Sequence[StatusCode]) -> list[StatusCode]:
    """The first mention of each code, in page order."""
    seen: dict[str, StatusCode] = {}
    for code in codes:
        seen.setdefault(code.code, code)
    return list(seen.values())
