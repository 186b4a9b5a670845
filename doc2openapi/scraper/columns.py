"""The columns of a parameter table, found by their header names, and the tables that
list no fields at all (their rows are counted apart, never lost)."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from doc2openapi.scraper.explained import explains_text
from doc2openapi.scraper.model import Table
from doc2openapi.scraper.section_titles import PARENTHESES
from doc2openapi.scraper.status import is_status_table


@dataclass(frozen=True, slots=True)
class Columns:
    name: int
    requirement: int | None
    type: int | None
    description: int | None


_NAME_HEADERS = (
    "parameter",
    "name",
    "attribute",
    "field",
    "key",
    "element",
    "header",
    "response item",  # iam: "Response Item | Type | Description" of the response headers
)
_REQUIRED_HEADERS = (
    "mandatory",
    "required",
    "mandatory/optional",
    "optional/mandatory",
    "m/o",
    "mandatory or not",
    "mandatory (yes/no)",
)
_DESCRIPTION_HEADERS = ("description", "remarks", "meaning")
_METRIC_HEADERS = ("metric", "metric id", "metric name")
"""A column of metric names: the table lists what a service reports to monitoring, not
fields of a request or response."""


class NoFields(enum.StrEnum):
    """Why a table lists no fields of a request or response: what it lists instead."""

    STATUS_CODES = "status codes (a status-code table)"
    METRICS = "metrics a service reports to monitoring (a metric table)"
    LISTING = "names with nothing said of them as fields (a Key | Value listing)"
    NO_NAME_COLUMN = "no parameter column"
    NO_HEADER = "no header row: its columns cannot be named"
    TEXT_PARTS = (
        "the parts of the text shown just before it (a formula the client computes, a record "
        "the service writes), not an HTTP message"
    )
    ENVIRONMENT = (
        "environment variables that the page's shell lines export (a tool's settings, not "
        "fields of a request or response)"
    )


def _reading(header: Sequence[str]) -> Columns | NoFields:
    if not header:
        return NoFields.NO_HEADER
    lowered = [PARENTHESES.sub("", h).strip().lower() for h in header]  # "Mandatory (Yes/No)"

    def find(names: Iterable[str]) -> int | None:
        for index, text in enumerate(lowered):
            if text in names:
                return index
        return None

    if find(_METRIC_HEADERS) is not None:  # "Cluster Type | Metric | Value Type": metrics
        return NoFields.METRICS
    name = find(_NAME_HEADERS)
    if name is None:
        return NoFields.NO_NAME_COLUMN
    columns = Columns(name, find(_REQUIRED_HEADERS), find(("type",)), find(_DESCRIPTION_HEADERS))
    if columns.requirement is None and columns.type is None and columns.description is None:
        return NoFields.LISTING
    return columns


def columns_of(header: Sequence[str]) -> Columns | None:
    """Find the columns of a parameter table by their names; None when it is not one: no
    name column, a list of metrics ("Metric | Name | Description"), or names with nothing
    said of them as fields (no Type, Mandatory or Description column: "Key | Value")."""
    reading = _reading(header)
    return reading if isinstance(reading, Columns) else None


def lists_no_fields(
    table: Table, label: str = "", text_before: str = "", exported: frozenset[str] = frozenset()
) -> NoFields | None:
    """Why ``table`` lists no fields of an API, or None where it may list some. The one
    place that sets a table aside as no field table: a rule added here must follow the
    document's meaning (header names, caption, the labelling paragraph ``label``, the
    names the page's shell lines ``export``), never a page name. The rows of such a table
    are counted as ``rows_not_fields``, each table said once (D109); a table of fields
    that reaches no operation is "failed" instead. ``text_before`` is the code block shown
    just before the table (see :mod:`doc2openapi.scraper.explained`)."""
    if is_status_table(table.header):
        return NoFields.STATUS_CODES
    if explains_text(table, text_before):
        return NoFields.TEXT_PARTS
    reading = _reading(table.header)
    if isinstance(reading, NoFields):
        return reading
    names = {r.cells[reading.name].text.strip() for r in table.rows if len(r.cells) > reading.name}
    if exported and names and names <= exported:
        return NoFields.ENVIRONMENT
    return None


_EXPORT = re.compile(r"^\s*export\s+([A-Za-z_][A-Za-z0-9_]*)=", re.M)


def exported_names(texts: Iterable[str]) -> frozenset[str]:
    """The environment variables that shell lines among ``texts`` set
    (``export OS_AUTH_URL=https://...``)."""
    return frozenset(name for text in texts for name in _EXPORT.findall(text))
