"""Body tables that list nested fields flat, nested again by the page's example.

Some pages list the members of an array's items right under the array's row, in the same
table, without a table of their own ("versions | Array", then "id", "links", "href", ...).
Where the page's example has the array (or object) at the top and those names inside it,
and every row that the example's top level lacks follows such a row and is inside its
value, the rows are read as the members of that field: a nested table (reported, D108).
Otherwise the table is left as the page writes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.scraper.model import Example, FieldRow, FieldTable, Link, TableRole
from doc2openapi.scraper.placement import example_value, links_nowhere

_BODY_KIND = {TableRole.REQUEST_BODY: "request", TableRole.RESPONSE_BODY: "response"}
MAX_DEPTH = 16
"""Levels of members a flat table is read to hold; deeper rows stay where they are."""


@dataclass
class _Split:
    """A table's rows: those of its own level, and the members found for its fields."""

    kept: list[FieldRow] = field(default_factory=list)
    members: dict[str, tuple[list[FieldRow], dict[str, Any]]] = field(default_factory=dict)


def nest_by_example(
    tables: list[FieldTable], examples: Sequence[Example]
) -> tuple[list[FieldTable], list[Diagnostic]]:
    result: list[FieldTable] = []
    notes: list[Diagnostic] = []
    for table in tables:
        value = _example_object(table, examples)
        nested = _nested(table, list(table.fields), value, table.key) if value else None
        if nested is None:
            result.append(table)
            continue
        result.extend(nested)
        moved = nested[1:]
        notes.append(
            Diagnostic(
                Level.INFO,
                Code.TABLE_INFERRED,
                table.page,
                "the table lists the members of "
                + ", ".join(repr(t.label) for t in moved)
                + " flat; the example has them inside, so they are read as nested",
                table.caption or table.key,
            )
        )
    return result, notes


def _example_object(table: FieldTable, examples: Sequence[Example]) -> dict[str, Any] | None:
    kind = _BODY_KIND.get(table.role)
    for example in examples:
        same_status = not example.status or not table.status or example.status == table.status
        if example.kind == kind and same_status:
            value = example_value(example.text)
            if isinstance(value, dict):
                return value
    return None


def _nested(
    table: FieldTable, rows: list[FieldRow], value: dict[str, Any], key: str, depth: int = 0
) -> list[FieldTable] | None:
    """The table with its own rows and one nested table per field whose members it lists
    flat (and theirs, recursively, up to :data:`MAX_DEPTH` levels); None when the example
    does not account for every row or nothing is nested."""
    split = _split(rows, value, table.page) if depth < MAX_DEPTH else None
    if split is None or not split.members:
        return None
    found: list[FieldTable] = []
    kept: list[FieldRow] = []
    for row in split.kept:
        members = split.members.get(row.name)
        if members is None:
            kept.append(row)
            continue
        child_key = f"{key}-{row.name}"
        child = replace(
            table,
            key=child_key,
            anchors=(),
            number="",
            caption="",
            role=TableRole.SCHEMA,
            fields=tuple(members[0]),
            failed_rows=0,
            section_anchors=(),
            lead_anchors=(),
            label=row.name,
        )
        found.extend(_nested(child, members[0], members[1], child_key, depth + 1) or [child])
        kept.append(replace(row, type_links=(Link(table.page, child_key, row.name),)))
    return [replace(table, fields=tuple(kept)), *found]


def _split(rows: list[FieldRow], value: dict[str, Any], page: str) -> _Split | None:
    split = _Split()
    owner: FieldRow | None = None
    if not any(row.name in value for row in rows):
        return None
    for row in rows:
        member = owner is not None and _holds(split.members[owner.name][1], row.name)
        if row.name in value and not (member and _named(split.kept, row.name)):
            split.kept.append(row)
            inner = _inner(value[row.name])
            owner = row if inner is not None and links_nowhere(row, page) else None
            if owner is not None:
                split.members[row.name] = ([], inner or {})
            continue
        if owner is None or not member:
            return None
        split.members[owner.name][0].append(row)
    split.members = {name: found for name, found in split.members.items() if found[0]}
    return split


def _named(rows: list[FieldRow], name: str) -> bool:
    """Whether a row of ``rows`` names ``name``: a second row of one name under a field
    whose value holds the name ("version" inside "version") is that field's member."""
    return any(row.name == name for row in rows)


def _inner(value: Any) -> dict[str, Any] | None:
    """The object a field's value holds: itself, or its items merged."""
    if isinstance(value, dict):
        return value
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        merged: dict[str, Any] = {}
        for item in value:
            merged.update(item)
        return merged
    return None


def _holds(value: Any, name: str) -> bool:
    """Whether ``name`` is a key of ``value`` at any depth (read without recursion: an
    example may nest deeper than Python's stack)."""
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if name in node:
                return True
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False
