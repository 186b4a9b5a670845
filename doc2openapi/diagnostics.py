"""Diagnostics: problems found in the input, carried as values and collected by each stage.

One type for every stage: the scraper and the spec builder locate a problem by page, table
and row; the validator and the generator by a JSON pointer into the OpenAPI document.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass


class Level(enum.StrEnum):
    """How serious a diagnostic is. ``--strict`` turns warnings into failures."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class Code(enum.StrEnum):
    """Stable diagnostic codes. Their values appear in reports and must not change."""

    # reading pages
    ENCODING_GUESSED = "D001"
    EMPTY_PAGE = "D002"
    UNREADABLE_PAGE = "D003"
    PAGE_TOO_LARGE = "D004"
    NOT_HTML = "D005"
    TOO_DEEP = "D006"
    # tables and rows
    TABLE_UNPLACED = "D101"
    TABLE_NO_HEADER = "D102"
    ROW_NO_NAME = "D103"
    ROW_SHORT = "D104"
    DUPLICATE_FIELD = "D105"
    TABLE_TOO_LARGE = "D106"
    REQUIRED_UNCLEAR = "D107"
    TABLE_INFERRED = "D108"
    # types and links
    UNKNOWN_TYPE = "D201"
    UNRESOLVED_LINK = "D202"
    CONSTRAINT_DROPPED = "D203"
    CYCLIC_LINK = "D204"
    # operations
    NO_URI = "D301"
    STATUS_CODE_IMPLIED = "D302"
    DUPLICATE_OPERATION_ID = "D303"
    OPERATION_MERGED = "D304"
    PATH_PARAM_UNDOCUMENTED = "D305"
    PATH_PARAM_RENAMED = "D307"
    STATUS_CODE_UNREAD = "D308"
    ERROR_BODY_DEFAULT = "D309"
    # examples
    EXAMPLE_INVALID_JSON = "D401"
    EXAMPLE_UNDOCUMENTED_KEY = "D402"
    EXAMPLE_TYPE_MISMATCH = "D403"
    EXAMPLE_UNPLACED = "D404"
    EXAMPLE_LEFT_OUT = "D405"
    EXAMPLE_WIDENS_INTEGER = "D406"
    # reading pages (added later; kept at the end so no existing value moves)
    UNTERMINATED_MARKUP = "D007"
    ENTITIES_IGNORED = "D008"
    DUPLICATE_ANCHOR = "D009"
    # validation of the OpenAPI document (``V`` numbers)
    NOT_OPENAPI = "V001"
    SCHEMA_VIOLATION = "V002"
    VALIDATOR_FAILED = "V003"
    KEY_NOT_STRING = "V004"
    OPERATION_ID_INVALID = "V101"
    OPERATION_ID_REPEATED = "V102"
    PATH_PARAM_UNDECLARED = "V103"
    DANGLING_REF = "V104"
    # the generator (``G`` numbers): schemas
    INVALID_DOCUMENT = "G001"
    UNRESOLVED_REF = "G002"
    UNSUPPORTED_SCHEMA = "G003"
    RECURSIVE_ALIAS = "G004"
    ENUM_FALLBACK = "G005"
    # the generator: names
    NAME_CLASH = "G101"
    NAME_SANITISED = "G102"
    # the generator: operations
    MISSING_OPERATION_ID = "G201"
    PARAMETER_SKIPPED = "G202"
    UNSUPPORTED_CONTENT = "G203"
    NO_SUCCESS_RESPONSE = "G204"
    UNSUPPORTED_STATUS = "G205"
    PAGINATION_SKIPPED = "G206"
    SERVER_FALLBACK = "G207"
    UNSUPPORTED_STYLE = "G210"
    # the generator: output
    TEMPLATE_ERROR = "G301"
    FORMATTER_UNAVAILABLE = "G302"
    FORMATTER_FAILED = "G303"
    XML_ELEMENT_UNPLACED = "D120"
    TABLE_NOT_FIELDS = "D109"
    # reading input folders (added later)
    PAGES_DROPPED = "D010"
    # overlays applied to the document (``O`` numbers)
    OVERLAY_NO_MATCH = "O101"
    OVERLAY_NO_CHANGE = "O102"
    OVERLAY_MISFIT = "O103"
    # the server URL (added later)
    SERVER_FROM_PAGES = "D501"
    SERVER_DISAGREES = "D502"
    SERVER_NOT_DOCUMENTED = "D503"
    # reading a web site (``F`` numbers): each located by its URL
    FETCH_FAILED = "F001"
    HTTP_ERROR = "F002"
    REDIRECT_OFF_SITE = "F003"
    REDIRECT_LOOP = "F004"
    ROBOTS_DISALLOWED = "F005"
    PAGE_CAP = "F006"
    OFF_SITE_LINK = "F007"
    START_MOVED = "F008"
    # rendering documentation sources
    SPHINX_WARNINGS = "S001"
    # tables that repeat fields documented elsewhere (added later)
    TABLE_REPEATS_HEADERS = "D110"
    TABLE_REPEATS_QUERY = "D112"
    TABLE_REPEATS_FIELDS = "D111"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem, traced to its page, table and row, or to a JSON pointer into the
    OpenAPI document (``pointer``; "" with no page means the whole document)."""

    level: Level
    code: Code
    page: str
    detail: str
    table: str = ""
    row: str = ""
    pointer: str = ""

    def sort_key(self) -> tuple[str, str, str, str, str, str]:
        return (self.page, self.code.value, self.table, self.row, self.pointer, self.detail)

    def as_dict(self) -> dict[str, str]:
        """A report entry: page, table and row for a problem on a page; ``location`` (the
        JSON pointer) for a problem of the document."""
        where = (
            {"page": self.page, "table": self.table, "row": self.row}
            if self.page
            else {"location": self.pointer}
        )
        return {
            "level": self.level.value,
            "code": self.code.value,
            "name": self.code.name,
            **where,
            "detail": self.detail,
        }

    def format(self) -> str:
        table = f"[{self.table}]" if self.table else ""
        row = f"row {self.row!r}" if self.row else ""
        where = " ".join(part for part in (self.page, table, row, self.pointer) if part) or "/"
        return f"{self.level.value}: {self.code.value} {self.code.name}: {where}: {self.detail}"

    def __str__(self) -> str:
        return self.format()


def in_document(level: Level, code: Code, pointer: str, detail: str) -> Diagnostic:
    """A problem of the OpenAPI document, located by a JSON pointer ("" for the whole)."""
    return Diagnostic(level, code, "", detail, pointer=pointer)


Report = Callable[[Diagnostic], None]
"""Where builders send their diagnostics (usually ``list.append``)."""


def count_by_code(diagnostics: Iterable[Diagnostic]) -> dict[str, int]:
    """Counts by code and level (``"D101 TABLE_UNPLACED warning"``): a code can be reported
    at several levels, and the level says whether ``--strict`` fails on it."""
    counts = Counter(f"{d.code.value} {d.code.name} {d.level.value}" for d in diagnostics)
    return dict(sorted(counts.items()))
