"""Nested tables that no field links to, placed by what the page says otherwise.

Two inferences, each reported (D108) so that a reader can check it:

- by elimination: a section with one such table and one object field that links nowhere;
- by the example: the table names a field ("meta_data field description", "token.catalog")
  that no table lists, and the page's example shows where that field sits; it becomes a
  field of the table whose fields the example's enclosing object has.

More inferences from captions are in :mod:`doc2openapi.scraper.captions`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.scraper.links import label_subject, same_page_table_numbers
from doc2openapi.scraper.model import Example, FieldRow, FieldTable, Link, Requirement, TableRole

_NESTED_TYPE = re.compile(r"^(?:object|array|list|array of objects?|list<object>)$", re.I)
_BODY_KIND = {TableRole.REQUEST_BODY: "request", TableRole.RESPONSE_BODY: "response"}


def inference_note(table: FieldTable, row: str, detail: str) -> Diagnostic:
    return Diagnostic(
        Level.INFO, Code.TABLE_INFERRED, table.page, detail, table.caption or table.key, row
    )


def link_to(table: FieldTable) -> Link:
    anchor = table.anchors[0] if table.anchors else table.key
    return Link(table.page, anchor, table.caption or table.label)


def links_nowhere(row: FieldRow, page_key: str) -> bool:
    """An object field whose row points at no table at all."""
    return bool(_NESTED_TYPE.match(row.type_text.strip())) and _points_at_no_table(row, page_key)


def _points_at_no_table(row: FieldRow, page_key: str) -> bool:
    """A row with no Type link, no link to an anchor and no "Table N" of its page."""
    if row.type_links or any(link.fragment for link in (*row.description_links, *row.name_links)):
        return False
    text = " ".join(line.text for line in row.description)
    return not same_page_table_numbers(text, row.description_links, page_key)


def link_by_elimination(
    tables: list[FieldTable], unlinked: dict[str, str]
) -> tuple[list[FieldTable], list[Diagnostic]]:
    """A section (or the part of it under one status code) with exactly one nested table
    that nothing links to (a key of ``unlinked``, removed once placed) and exactly one
    object field that links nowhere: the table describes that field."""
    result = list(tables)
    notes: list[Diagnostic] = []
    for part in dict.fromkeys((t.section, t.status) for t in tables):
        orphans = [
            t
            for t in result
            if (t.section, t.status) == part and t.role is TableRole.SCHEMA and t.key in unlinked
        ]
        fields = [
            (position, row)
            for position, table in enumerate(result)
            if (table.section, table.status) == part and table.key not in unlinked
            for row in table.fields
            if links_nowhere(row, table.page)
        ]
        if len(orphans) != 1 or len(fields) != 1:
            continue
        orphan = orphans[0]
        position, row = fields[0]
        owner = result[position]
        linked = replace(row, type_links=(link_to(orphan),))
        result[position] = replace(
            owner, fields=tuple(linked if r is row else r for r in owner.fields)
        )
        del unlinked[orphan.key]
        notes.append(
            inference_note(
                orphan,
                row.name,
                f"no link names this table; it is the only candidate for field "
                f"{row.name!r} of {owner.caption or owner.key!r}, so it describes it",
            )
        )
    return result, notes


def place_by_example(
    tables: list[FieldTable], examples: Sequence[Example], unlinked: dict[str, str]
) -> tuple[list[FieldTable], list[Diagnostic]]:
    """Nested tables named for a field that no table lists and no link reaches: where the
    page's example holds that field, it is added to the table the example's enclosing
    object matches."""
    result = list(tables)
    notes: list[Diagnostic] = []
    named = {row.name for table in tables for row in table.fields}
    reached = reached_names(tables)
    for orphan in [t for t in tables if t.role is TableRole.SCHEMA]:
        subject = label_subject(orphan.caption) or label_subject(orphan.label)
        if not subject or subject in named or table_names(orphan) & reached:
            continue
        found = _place(result, orphan, subject, examples)
        if found is None:
            continue
        position, value = found
        owner = result[position]
        row = FieldRow(
            name=subject,
            requirement=Requirement.UNSTATED,
            type_text="Array of objects" if isinstance(value, list) else "Object",
            type_links=(link_to(orphan),),
            description=(),
            description_links=(),
            row=0,
        )
        result[position] = replace(owner, fields=(*owner.fields, row))
        named.add(subject)
        unlinked.pop(orphan.key, None)
        notes.append(
            inference_note(
                orphan,
                subject,
                f"no table lists field {subject!r}, which this table describes; the example "
                f"has it beside the fields of {owner.caption or owner.label or owner.key!r}, "
                "so it is added there",
            )
        )
    return result, notes


def table_names(table: FieldTable) -> set[str]:
    names = {f"#{a}" for a in (*table.anchors, *table.lead_anchors, table.key)}
    if table.number:
        names.add(f"table {table.number}")
    return names


def reached_names(tables: Sequence[FieldTable]) -> set[str]:
    """The anchors and "Table N" numbers the page's fields point at."""
    reached: set[str] = set()
    for table in tables:
        for row in table.fields:
            links = (*row.type_links, *row.name_links, *row.description_links)
            reached.update(f"#{link.fragment}" for link in links if link.page == table.page)
            text = " ".join(line.text for line in row.description) + " " + row.type_text
            numbers = same_page_table_numbers(text, row.description_links, table.page)
            reached.update(f"table {number}" for number in numbers)
    return reached


def _place(
    tables: Sequence[FieldTable], orphan: FieldTable, subject: str, examples: Sequence[Example]
) -> tuple[int, Any] | None:
    """The position of the table that holds ``subject`` by the example, and its value
    there; None when the example does not show it or no table matches."""
    kinds = {
        _BODY_KIND[t.role] for t in tables if t.section == orphan.section and t.role in _BODY_KIND
    }
    if len(kinds) != 1:
        return None
    kind = kinds.pop()
    for example in examples:
        if example.kind != kind:
            continue
        for parent in holders(example_value(example.text), subject):
            position = _best_match(tables, orphan, set(parent) - {subject})
            if position is not None:
                return position, parent[subject]
    return None


def _best_match(tables: Sequence[FieldTable], orphan: FieldTable, keys: set[str]) -> int | None:
    best, best_overlap = None, 0
    for position, table in enumerate(tables):
        if table is orphan or table.section != orphan.section:
            continue
        overlap = len(keys & {row.name for row in table.fields})
        if overlap > best_overlap:
            best, best_overlap = position, overlap
    return best


def example_value(text: str) -> Any:
    """The first JSON value of an example (after a request line, before any trailing
    text); None when there is none, or when it nests too deep to read. The brace of a
    ``{name}`` placeholder in the request line's URL (``https://{Endpoint}/``) opens none."""
    start = _VALUE_START.search(text)
    if start is None:
        return None
    try:
        value, _ = json.JSONDecoder(strict=False).raw_decode(text, start.start())
    except (ValueError, RecursionError):
        return None
    return value


_VALUE_START = re.compile(r"\[|\{(?![\w.-]*\})")


def holders(value: Any, key: str) -> Iterator[dict[str, Any]]:
    """The objects of ``value`` (at any depth) that hold ``key`` with an object or a list
    of objects."""
    if isinstance(value, dict):
        held = value.get(key)
        if isinstance(held, dict) or (
            isinstance(held, list) and any(isinstance(i, dict) for i in held)
        ):
            yield value
        for item in value.values():
            yield from holders(item, key)
    elif isinstance(value, list):
        for item in value:
            yield from holders(item, key)


def retype(
    tables: list[FieldTable],
    position: int,
    row: FieldRow,
    type_text: str,
    orphan: FieldTable,
    unlinked: dict[str, str],
) -> FieldTable:
    """Give ``row`` of ``tables[position]`` the type ``type_text`` and a link to
    ``orphan``, which is then placed; the table before the change (for the notes)."""
    owner = tables[position]
    linked = replace(row, type_text=type_text, type_links=(link_to(orphan),))
    tables[position] = replace(owner, fields=tuple(linked if r is row else r for r in owner.fields))
    unlinked.pop(orphan.key, None)
    return owner


_SIMPLE_TYPE = re.compile(r"^(?:string|integer|int|long|number|boolean)$", re.I)


def place_against_simple_type(
    tables: list[FieldTable], examples: Sequence[Example], unlinked: dict[str, str]
) -> tuple[list[FieldTable], list[Diagnostic]]:
    """A table captioned for a field ("loadbalancers parameter description") that nothing
    reaches, while the one row of its section naming the field says a simple type
    ("String") and links nowhere: where the page's example gives the field an object, or
    a list of objects, every key of which is a field of the table, the caption's table and
    the example agree against the Type cell. The page contradicts itself; a string has no
    members, so the field is read as holding the table's object (or a list of them, as
    the example has it), and the contradiction is said (D108)."""
    result = list(tables)
    notes: list[Diagnostic] = []
    reached = reached_names(tables)
    for orphan in [t for t in tables if t.role is TableRole.SCHEMA]:
        subject = label_subject(orphan.caption) or label_subject(orphan.label)
        if not subject or table_names(orphan) & reached:
            continue
        shape = _example_shape(examples, subject, {row.name for row in orphan.fields})
        found = [
            (position, row)
            for position, table in enumerate(result)
            if shape and table.section == orphan.section and table is not orphan
            for row in table.fields
            if row.name == subject and _simple_unlinked(row, table.page)
        ]
        if len(found) == 1:
            owner = retype(result, *found[0], shape, orphan, unlinked)
            notes.append(_contradiction(orphan, owner, found[0][1], shape))
    return result, notes


def _contradiction(orphan: FieldTable, owner: FieldTable, row: FieldRow, shape: str) -> Diagnostic:
    held = "a list of objects" if shape.startswith("Array") else "an object"
    return inference_note(
        orphan,
        row.name,
        f"the page contradicts itself: field {row.name!r} of "
        f"{owner.caption or owner.label or owner.key!r} is typed {row.type_text!r}, but this "
        f"table is captioned for it and the example gives it {held} of this table's fields; "
        "it is read as that",
    )


def _simple_unlinked(row: FieldRow, page_key: str) -> bool:
    """A field of a simple type ("String") whose row points at no table."""
    return bool(_SIMPLE_TYPE.match(row.type_text.strip())) and _points_at_no_table(row, page_key)


def _example_shape(examples: Sequence[Example], name: str, members: set[str]) -> str:
    """How the page's example gives field ``name`` ("Array of objects" or "Object"), when
    each object it gives has keys and every key is one of ``members``; ``""`` otherwise."""
    for example in examples:
        for holder in holders(example_value(example.text), name):
            value = holder[name]
            items = value if isinstance(value, list) else [value]
            if all(isinstance(i, dict) and i and set(i) <= members for i in items):
                return "Array of objects" if isinstance(value, list) else "Object"
    return ""
