"""Request bodies given in several forms: one body table for each way of calling the API.

"Parameters for creating an image from a server", "Parameters for creating an image from a
file in a bucket", "Parameters for creating an image from a disk": each lead-in stands
before its own table in "Request", and no field links the second or the third. Such a table
is no nested structure: the page's example requests are each called with the fields of one
of the tables (one gives ``file_url`` and ``min_disk``, another ``disk_id``), which the first
table does not list. Each such table is the body of one kind of call, an alternative body
(``REQUEST_VARIANT``: the operation's body is an ``anyOf`` of the forms), reported (D108).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from doc2openapi.diagnostics import Diagnostic
from doc2openapi.scraper.model import Example, FieldTable, TableRole
from doc2openapi.scraper.placement import (
    example_value,
    inference_note,
    reached_names,
    table_names,
)

SECOND_BODY = "a second body table in "
"""How the reason a table is set aside as a second body table begins (see
:func:`doc2openapi.scraper.interpret.read_api_page`)."""


def body_forms(
    tables: list[FieldTable], examples: Sequence[Example], unlinked: dict[str, str]
) -> tuple[list[FieldTable], list[Diagnostic]]:
    """The page's tables with each second body table that an example request is called
    with (see above) made an alternative body; ``unlinked`` loses their keys."""
    bodies = [t for t in tables if t.role is TableRole.REQUEST_BODY]
    if len(bodies) != 1:
        return tables, []
    body = bodies[0]
    reached = reached_names(tables)
    calls = [example_value(e.text) for e in examples if e.kind == "request"]
    objects = [value for value in calls if isinstance(value, dict)]
    result: list[FieldTable] = []
    notes: list[Diagnostic] = []
    for table in tables:
        call = _call_with(table, body, objects)
        if (
            table.role is not TableRole.SCHEMA
            or table.section != body.section
            or not unlinked.get(table.key, "").startswith(SECOND_BODY)
            or table_names(table) & reached
            or call is None
        ):
            result.append(table)
            continue
        unlinked.pop(table.key, None)
        result.append(replace(table, role=TableRole.REQUEST_VARIANT))
        notes.append(
            inference_note(
                table,
                "",
                f"no field links this second body table, and a request example is called "
                f"with its fields ({', '.join(call)}), which "
                f"{body.caption or body.label or body.key!r} does not list: it is the body of "
                "another form of the call, an alternative body",
            )
        )
    return result, notes


def _call_with(
    table: FieldTable, body: FieldTable, objects: Sequence[dict[str, Any]]
) -> list[str] | None:
    """The fields of ``table`` the body does not list, as the first example request whose
    every key is a field of ``table`` gives them; None when no example is such a call."""
    own = {row.name for row in table.fields}
    listed = {row.name for row in body.fields}
    for value in objects:
        extra = [key for key in value if key not in listed]
        if extra and set(value) <= own:
            return extra
    return None
