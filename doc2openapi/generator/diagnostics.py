"""Diagnostics of the generator: problems of the OpenAPI document, reported as values.

The level is the project's :class:`doc2openapi.diagnostics.Level`, so that ``--strict`` treats
generator findings like scraper findings; the location is a JSON pointer into the document
rather than a page, table and row.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from doc2openapi.diagnostics import Level

__all__ = ["Code", "Diagnostic", "Level", "Report"]


class Code(enum.StrEnum):
    """Stable generator codes (``G`` numbers); their values appear in reports."""

    # schemas
    INVALID_DOCUMENT = "G001"
    UNRESOLVED_REF = "G002"
    UNSUPPORTED_SCHEMA = "G003"
    RECURSIVE_ALIAS = "G004"
    ENUM_FALLBACK = "G005"
    # names
    NAME_CLASH = "G101"
    NAME_SANITISED = "G102"
    # operations
    MISSING_OPERATION_ID = "G201"
    PARAMETER_SKIPPED = "G202"
    UNSUPPORTED_CONTENT = "G203"
    NO_SUCCESS_RESPONSE = "G204"
    UNSUPPORTED_STATUS = "G205"
    PAGINATION_SKIPPED = "G206"
    SERVER_FALLBACK = "G207"
    # output
    TEMPLATE_ERROR = "G301"
    FORMATTER_UNAVAILABLE = "G302"
    FORMATTER_FAILED = "G303"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding, located by a JSON pointer into the OpenAPI document ("" for the whole)."""

    level: Level
    code: Code
    location: str
    detail: str

    def as_dict(self) -> dict[str, str]:
        return {
            "level": self.level.value,
            "code": self.code.value,
            "name": self.code.name,
            "location": self.location,
            "detail": self.detail,
        }

    def format(self) -> str:
        where = self.location or "/"
        return f"{self.level.value}: {self.code.value} {self.code.name}: {where}: {self.detail}"

    def __str__(self) -> str:
        return self.format()


Report = Callable[[Diagnostic], None]
"""Where builders send their diagnostics (usually ``list.append``)."""
