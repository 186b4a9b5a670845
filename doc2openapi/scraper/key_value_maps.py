"""Tables of two rows, ``key`` and ``value``, that describe a map rather than an object.

Some pages document a map field (``"values": {"max_connections": "10"}``) with a table of
two rows named ``key`` and ``value`` ("Specifies the parameter name. For example, in
"max_connections": "10", the key is max_connections"). Where every example of the page
that holds the field gives it as an object of other keys (neither ``key`` nor ``value``),
the rows describe the map's keys and its values: they are read as placeholder rows
(``{key}``, ``{value}``: the ``additionalProperties`` of the field, see
:mod:`doc2openapi.spec.placeholders`), reported (D108). Elsewhere, tags written
``[{"key": "k1", "value": "v1"}]`` above all, the table is left as the page writes it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from doc2openapi.diagnostics import Diagnostic
from doc2openapi.scraper.links import label_subject
from doc2openapi.scraper.model import Example, FieldRow, FieldTable
from doc2openapi.scraper.placement import example_value, inference_note

_ROWS = ("key", "value")


def maps_by_example(
    tables: list[FieldTable], examples: Sequence[Example]
) -> tuple[list[FieldTable], list[Diagnostic]]:
    values = [v for v in (example_value(e.text) for e in examples) if v is not None]
    result: list[FieldTable] = []
    notes: list[Diagnostic] = []
    for table in tables:
        names = _holders(table, tables) if _is_key_value(table) else set()
        found = [held for name in sorted(names) for v in values for held in _values_of(v, name)]
        if not found or not all(_is_map(held) for held in found):
            result.append(table)
            continue
        result.append(replace(table, fields=_as_placeholders(table.fields)))
        notes.append(
            inference_note(
                table,
                "",
                f"the rows 'key' and 'value' describe the keys and values of a map: every "
                f"example gives {', '.join(repr(n) for n in sorted(names))} as an object of "
                "other keys",
            )
        )
    return result, notes


def _is_key_value(table: FieldTable) -> bool:
    return sorted(row.name.lower() for row in table.fields) == list(_ROWS)


def _holders(table: FieldTable, tables: Sequence[FieldTable]) -> set[str]:
    """The names of the fields that link the table, and the field its caption names."""
    anchors = {*table.anchors, *table.lead_anchors}
    names = {label_subject(table.caption) or label_subject(table.label)} - {""}
    for other in tables:
        if other is table:
            continue
        for row in other.fields:
            links = (*row.type_links, *row.description_links, *row.name_links)
            if any(k.fragment in anchors and k.page in ("", table.page) for k in links):
                names.add(row.name)
    return names


def _values_of(value: Any, name: str) -> Iterator[Any]:
    """The values ``name`` has in a JSON value, at any depth."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == name:
                yield item
            yield from _values_of(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _values_of(item, name)


def _is_map(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and not set(_ROWS) & set(value)


def _as_placeholders(rows: tuple[FieldRow, ...]) -> tuple[FieldRow, ...]:
    """The rows renamed ``{key}`` and ``{value}``, the value last: the map's values are
    what the last placeholder row says."""
    renamed = [replace(row, name="{" + row.name.lower() + "}") for row in rows]
    return tuple(sorted(renamed, key=lambda row: row.name == "{value}"))
