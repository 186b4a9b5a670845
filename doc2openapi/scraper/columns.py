"""The columns of a parameter table, found by their header names."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from doc2openapi.scraper.section_titles import PARENTHESES


@dataclass(frozen=True, slots=True)
class Columns:
    name: int
    requirement: int | None
    type: int | None
    description: int | None


_NAME_HEADERS = ("parameter", "name", "attribute", "field", "key", "element", "header")
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


def columns_of(header: Sequence[str]) -> Columns | None:
    """Find the columns of a parameter table by their names; None when it is not one: no
    name column, a list of metrics ("Metric | Name | Description"), or names with nothing
    said of them as fields (no Type, Mandatory or Description column: "Key | Value")."""
    lowered = [PARENTHESES.sub("", h).strip().lower() for h in header]  # "Mandatory (Yes/No)"

    def find(names: Iterable[str]) -> int | None:
        for index, text in enumerate(lowered):
            if text in names:
                return index
        return None

    name = find(_NAME_HEADERS)
    if name is None or find(_METRIC_HEADERS) is not None:
        return None
    columns = Columns(name, find(_REQUIRED_HEADERS), find(("type",)), find(_DESCRIPTION_HEADERS))
    if columns.requirement is None and columns.type is None and columns.description is None:
        return None  # "Key | Value": a listing that says nothing of its names as fields
    return columns
