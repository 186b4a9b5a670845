"""One row of a field table read as a field: its name cell, Mandatory cell, Type and
Description, and the rows whose name cell documents several fields."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from doc2openapi.diagnostics import Code, Level
from doc2openapi.scraper.model import Cell, FieldRow, Link, Requirement, Row, Table
from doc2openapi.scraper.repair import realigned, repaired_name

if TYPE_CHECKING:
    from doc2openapi.scraper.columns import Columns

Report = Callable[[Code, str, str, str, Level], None]
"""Says a diagnostic: code, detail, table, row, level."""


_ELEMENTS_CAPTION = re.compile(r"\belements?\b", re.I)


def names_elements(table: Table, columns: Columns) -> bool:
    """An "Element" column, or a caption that says the table lists elements ("Elements in
    the response message"): XML elements, where one name occurs under several parents."""
    if table.header[columns.name].strip().lower() == "element":
        return True
    return bool(_ELEMENTS_CAPTION.search(table.caption))


def _requirement(text: str) -> Requirement:
    word = text.strip().lower()
    leading = re.match(r"^(yes|no)\b", word)  # "No, but required when ... is present."
    if leading:
        word = leading.group(1)
    if word in ("yes", "mandatory", "required", "true", "y", "m"):
        return Requirement.REQUIRED
    if word in ("no", "optional", "false", "n", "o"):
        return Requirement.OPTIONAL
    return Requirement.UNSTATED


WHOLE_VALUE = "-"
"""The name of a row without a name that is alone in its table and gives a type: it
documents the table's whole value (cce "Downloading a Chart": a response body of one row
``- | File | File name of the downloaded chart``), like ``[Array element]``."""


def read_field_row(
    row: Row, columns: Columns, label: str, report: Report, alone: bool = False
) -> FieldRow | None:
    """One row of a field table as a :class:`FieldRow`, or None (said through ``report``)
    for a row without a name, unless it is ``alone`` in its table with a type: then it is
    the :data:`WHOLE_VALUE`."""
    cells = realigned(row.cells, columns.requirement, columns.type, columns.description)
    if columns.name >= len(cells):
        report(
            Code.ROW_SHORT,
            "the row has fewer cells than the header",
            label,
            str(row.number),
            Level.WARNING,
        )
        return None
    name = repaired_name(cells[columns.name].text)
    typed = columns.type is not None and columns.type < len(cells) and cells[columns.type].text
    if alone and typed and name in ("", "-"):
        name = WHOLE_VALUE
    elif not name or name in ("-", "N/A", "None"):
        if any(c.text for c in cells):
            report(
                Code.ROW_NO_NAME,
                "a row without a parameter name",
                label,
                str(row.number),
                Level.WARNING,
            )
        return None
    requirement = Requirement.UNSTATED
    if columns.requirement is not None and columns.requirement < len(cells):
        requirement = _requirement(cells[columns.requirement].text)
        if requirement is Requirement.UNSTATED:
            report(
                Code.REQUIRED_UNCLEAR,
                f"Mandatory cell {cells[columns.requirement].text!r} is neither yes nor no",
                label,
                name,
                Level.INFO,
            )
    type_cell = (
        cells[columns.type] if columns.type is not None and columns.type < len(cells) else None
    )
    description = (
        cells[columns.description]
        if columns.description is not None and columns.description < len(cells)
        else None
    )
    return FieldRow(
        name=name,
        requirement=requirement,
        type_text=type_cell.text if type_cell else _stated_type(description),
        type_links=tuple(x for x in type_cell.links if not x.external) if type_cell else (),
        description=description.lines if description else (),
        description_links=(
            tuple(x for x in description.links if not x.external) if description else ()
        ),
        row=row.number,
        name_links=_other_links(cells, columns),
    )


_ONE_NAME = re.compile(r"^[A-Za-z_][\w.-]*$")
_EITHER = re.compile(r"^([A-Za-z_][\w.-]*) or ([A-Za-z_][\w.-]*)$")


def each_name(field_row: FieldRow, name_cell: Cell) -> list[FieldRow]:
    """A row whose name cell gives several names, one a paragraph (``Principal`` /
    ``NotPrincipal``, the description telling each apart), documents each of those fields;
    one name broken over lines (``scaling_`` / ``configuration_id``) is one field. A name
    cell "domain_name or domain_id" documents two fields of which one is given: neither is
    mandatory on its own."""
    either = _EITHER.match(field_row.name)
    if either:
        optional = Requirement.OPTIONAL
        if field_row.requirement is not Requirement.REQUIRED:
            optional = field_row.requirement
        return [replace(field_row, name=name, requirement=optional) for name in either.groups()]
    names = [line.text.strip() for line in name_cell.lines]
    if len(names) < 2 or " " not in field_row.name or not all(map(_ONE_NAME.match, names)):
        return [field_row]
    return [replace(field_row, name=name) for name in dict.fromkeys(names)]


def _other_links(cells: Sequence[Cell], columns: Columns) -> tuple[Link, ...]:
    """The links of a row's cells other than its Type and Description cells."""
    skipped = (columns.type, columns.description)
    return tuple(
        link
        for index, cell in enumerate(cells)
        if index not in skipped
        for link in cell.links
        if not link.external
    )


_TYPE_LINE = re.compile(r"^Type\s*:\s*([^\s,.;(][^,.;(]*?)\s*(?:[,.;(]|$)", re.I)
"""``Type: string, which must be a UTC time``: the type word, not the sentence after it."""


def _stated_type(description: Cell | None) -> str:
    """The type a table without a Type column states in the description ("Type: integer")."""
    for line in description.lines if description else ():
        match = _TYPE_LINE.match(line.text.strip())
        if match:
            return match.group(1)
    return ""
