"""Diagnostics: problems found in the input, carried as values and collected by each stage."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from doc2openapi.pickling import pickled_by_fields


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
    # examples
    EXAMPLE_INVALID_JSON = "D401"
    EXAMPLE_UNDOCUMENTED_KEY = "D402"
    EXAMPLE_TYPE_MISMATCH = "D403"
    EXAMPLE_UNPLACED = "D404"
    EXAMPLE_LEFT_OUT = "D405"
    # reading pages (added later; kept at the end so no existing value moves)
    UNTERMINATED_MARKUP = "D007"
    ENTITIES_IGNORED = "D008"
    DUPLICATE_ANCHOR = "D009"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem, traced to its page, table and row."""

    level: Level
    code: Code
    page: str
    detail: str
    table: str = ""
    row: str = ""

    def sort_key(self) -> tuple[str, str, str, str, str]:
        return (self.page, self.code.value, self.table, self.row, self.detail)

    def as_dict(self) -> dict[str, str]:
        return {
            "level": self.level.value,
            "code": self.code.value,
            "name": self.code.name,
            "page": self.page,
            "table": self.table,
            "row": self.row,
            "detail": self.detail,
        }

    def format(self) -> str:
        where = self.page
        if self.table:
            where += f" [{self.table}]"
        if self.row:
            where += f" row {self.row!r}"
        return f"{self.level.value}: {self.code.value} {self.code.name}: {where}: {self.detail}"


def count_by_code(diagnostics: Iterable[Diagnostic]) -> dict[str, int]:
    counts = Counter(f"{d.code.value} {d.code.name}" for d in diagnostics)
    return dict(sorted(counts.items()))
