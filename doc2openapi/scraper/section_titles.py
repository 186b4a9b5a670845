"""Sections recognised by their titles ("Request Parameters", "Example Response")."""

from __future__ import annotations

import enum
import functools
import re

PARENTHESES = re.compile(r"\(.*?\)")


_SUCCESS_RESPONSE = frozenset(
    {"normal response", "normal responses", "successful response", "success response"}
)
"""Titles of a section that gives the body of a successful request (older pages title it
"Normal Response" beside an "Abnormal Response" section)."""


class SectionKind(enum.Enum):
    FUNCTION = "function"
    URI = "uri"
    REQUEST = "request"
    RESPONSE = "response"
    STATUS = "status"
    EXAMPLE_REQUEST = "example_request"
    EXAMPLE_RESPONSE = "example_response"
    EXAMPLE = "example"
    OTHER = "other"


@functools.lru_cache(maxsize=1024)
def section_kind(title: str) -> SectionKind:
    """Classify a section by its title ("Request Parameters", "Example Response (…)", …).
    (Remembered: a service repeats a few dozen titles on every page.)"""
    text = PARENTHESES.sub("", title).strip().lower()
    if text in ("function", "function description", "description"):
        return SectionKind.FUNCTION
    if text in ("uri", "url", "request uri", "uri format", "api format"):
        return SectionKind.URI
    if text.startswith(("example request", "request example", "sample request")):
        return SectionKind.EXAMPLE_REQUEST
    if text.startswith(("example response", "response example", "sample response")):
        return SectionKind.EXAMPLE_RESPONSE
    if text in ("example", "examples", "sample", "samples"):
        return SectionKind.EXAMPLE
    if text.startswith(("request", "request parameter")):
        return SectionKind.REQUEST
    if text.startswith(("response", "response parameter")) or text in _SUCCESS_RESPONSE:
        return SectionKind.RESPONSE
    if text in ("returned values", "returned value", "status code", "status codes", "return codes"):
        return SectionKind.STATUS
    return SectionKind.OTHER
