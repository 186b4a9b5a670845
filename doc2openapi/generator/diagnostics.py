"""Diagnostics: the generator reports problems as values, never by raising."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Level(enum.StrEnum):
    """How serious a diagnostic is; ``--strict`` callers may treat warnings as errors."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Code(enum.StrEnum):
    """The closed set of things the generator can report."""

    INVALID_DOCUMENT = "invalid-document"
    UNRESOLVED_REF = "unresolved-ref"
    UNSUPPORTED_SCHEMA = "unsupported-schema"
    RECURSIVE_ALIAS = "recursive-alias"
    ENUM_FALLBACK = "enum-fallback"
    NAME_CLASH = "name-clash"
    NAME_SANITISED = "name-sanitised"
    MISSING_OPERATION_ID = "missing-operation-id"
    PARAMETER_SKIPPED = "parameter-skipped"
    UNSUPPORTED_CONTENT = "unsupported-content"
    NO_SUCCESS_RESPONSE = "no-success-response"
    UNSUPPORTED_STATUS = "unsupported-status"
    PAGINATION_SKIPPED = "pagination-skipped"
    SERVER_FALLBACK = "server-fallback"
    TEMPLATE_ERROR = "template-error"
    FORMATTER_UNAVAILABLE = "formatter-unavailable"
    FORMATTER_FAILED = "formatter-failed"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding about the input document, located by a JSON pointer into it."""

    level: Level
    code: Code
    location: str
    detail: str

    def __str__(self) -> str:
        return f"{self.level}: {self.code} at {self.location or '/'}: {self.detail}"
