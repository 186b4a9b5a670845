"""Bodies whose examples wrap the table's fields in one key, or list them.

A page may list a body's fields ("name", "size", "volume_type") while every example of
that body holds them inside one key the table does not name (``{"volume": {"name": ...}}``,
the OpenStack style). The examples are messages as sent; the table lists what is inside.
Where every example is a list of such objects, the body is that list. The body is then
that key holding the table (or a list of it), or the list, said as D108."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from doc2openapi.diagnostics import Code, Level
from doc2openapi.scraper.model import ApiPage, Example, FieldTable
from doc2openapi.spec.examples import example_json
from doc2openapi.text_names import pascal_case

if TYPE_CHECKING:
    from doc2openapi.spec.schemas import Schema, SchemaRegistry


def wrapper_key(table: FieldTable, examples: Sequence[Example]) -> tuple[str, bool] | None:
    """The key every example of the body wraps the table's fields in (``""``: none, the
    body is a list of them), and whether it holds a list of them; None where the examples
    show the fields as the table does (or show no object at all)."""
    values = [v for v in (example_json(e.text)[0] for e in examples) if v is not None]
    names = {row.name for row in table.fields}
    if not values or not names:
        return None
    if all(isinstance(value, list) for value in values):
        return ("", True) if _holds_fields(values, names) else None
    if not all(isinstance(value, dict) and len(value) == 1 for value in values):
        return None
    keys = {next(iter(value)) for value in values}
    if len(keys) != 1 or keys & names:
        return None
    (key,) = keys
    inner = [value[key] for value in values]
    listed = all(isinstance(item, list) for item in inner)
    return (key, listed) if _holds_fields(inner if listed else [inner], names) else None


def _holds_fields(lists: list[Any], names: set[str]) -> bool:
    """Each of ``lists`` is a list of objects, and half their keys or more are ``names``
    (two at least, where the table has two)."""
    members = [m for items in lists for m in items]
    if not members or not all(isinstance(m, dict) for m in members):
        return False
    seen: set[str] = set().union(*members)
    shared = seen & names
    return len(shared) >= min(2, len(names)) and 2 * len(shared) >= len(seen)


def body_examples(page: ApiPage, kind: str, status: str) -> list[Example]:
    """The page's examples of one body: the request's, or a success response's (those
    that state its code or none)."""
    if kind == "request":
        return [e for e in page.examples if e.kind == "request"]
    return [e for e in page.examples if e.kind == "response" and e.status in ("", status)]


def body_ref(
    registry: SchemaRegistry,
    table: FieldTable,
    examples: Sequence[Example],
    names: tuple[str, str],
    report: Callable[[str, str], None],
) -> Schema:
    """The body schema of ``table`` named ``names`` (hint, owner): the table's component,
    or a component that holds it under the key its examples wrap it in."""
    hint, owner = names
    wrapped = wrapper_key(table, examples)
    if wrapped is None:
        return registry.table_ref(table, hint, owner)
    key, listed = wrapped
    inner = registry.table_ref(table, pascal_case(key or hint + "Item"), owner)
    where = f"{table.page}#{table.key}"
    value: Schema = {"type": "array", "items": inner, "x-source": where} if listed else inner
    if not key:
        report(
            table.caption or table.key,
            "the table lists the fields of the body, and every example is a list of them: "
            "the body is read as that list",
        )
        return registry.add_component((table,), hint, owner, value)
    schema: Schema = {
        "type": "object",
        "properties": {key: value},
        "required": [key],
        "x-source": where,
    }
    report(
        table.caption or table.key,
        f"the table lists the fields of the body, and every example has them inside "
        f"{key!r}{' (a list)' if listed else ''}: the body is read as that key holding them",
    )
    return registry.add_component((table,), hint, owner, schema)


def report_inferred(report: Callable[..., None]) -> Callable[[str, str], None]:
    """``report(table, detail)`` as a D108 (info) of a page builder's ``report``."""

    def told(table: str, detail: str) -> None:
        report(Code.TABLE_INFERRED, detail, Level.INFO, table)

    return told
