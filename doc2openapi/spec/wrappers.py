"""Bodies whose examples wrap the table's fields in one key, or list them.

A page may list a body's fields ("name", "size", "volume_type") while every example of
that body holds them inside one key the table does not name (``{"volume": {"name": ...}}``,
the OpenStack style). The examples are messages as sent; the table lists what is inside.
Where every example is a list of such objects, the body is that list. The body is then
that key holding the table (or a list of it), or the list, said as D108.

A table that is a map (its rows are placeholders for free keys: "User customization |
String") is wrapped the same way where every example is one key holding an object whose
every value agrees with the map's value type (``{"metadata": {"__os_type": "Suse"}}``).
Where the map's values may themselves be objects, that one key could as well be one of the
map's own keys holding one value: the key is then read as a wrapper only where the page's
text names it (the title, the table's caption or descriptions)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from doc2openapi.diagnostics import Code, Level
from doc2openapi.scraper.model import ApiPage, Example, FieldTable
from doc2openapi.spec.examples import example_json
from doc2openapi.spec.placeholders import placeholder
from doc2openapi.spec.types import agrees, parse_type
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


def map_wrapper_key(table: FieldTable, examples: Sequence[Example], text: str) -> str | None:
    """The key every example of a map body (every row a placeholder for free keys) holds
    the map in, where each value inside agrees with the map's value type; None where the
    examples show the map itself, or where the key is ambiguous (see the module's note)."""
    kinds = [placeholder(row.name) for row in table.fields]
    values = [v for v in (example_json(e.text)[0] for e in examples) if v is not None]
    if not kinds or any(kind != "map" for kind in kinds) or not values:
        return None
    if not all(isinstance(value, dict) and len(value) == 1 for value in values):
        return None
    keys: set[str] = {next(iter(value)) for value in values}
    if len(keys) != 1 or keys & {row.name for row in table.fields}:
        return None
    (key,) = keys
    inner = [value[key] for value in values]
    values_type = parse_type(table.fields[-1].type_text)  # the map's values (table_schema)
    if not all(isinstance(item, dict) for item in inner) or not all(
        agrees(member, values_type) for item in inner for member in item.values()
    ):
        return None
    if agrees({}, values_type) and not _names(text, key):
        return None
    return key


def _names(text: str, key: str) -> bool:
    """The text has ``key`` as a word (``server_group`` also as "server group")."""
    words = [re.escape(word) for word in re.split(r"[_\s]+", key) if word]
    return bool(words) and bool(re.search(r"\b" + r"[_\s]+".join(words) + r"\b", text, re.I))


def body_text(page: ApiPage, table: FieldTable) -> str:
    """The words of the page that say what a body table is: its title, the table's caption
    and label, and its rows' descriptions."""
    lines = [line.text for row in table.fields for line in row.description]
    return "\n".join([page.title, table.caption, table.label, *lines])


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
    text: str,
) -> Schema:
    """The body schema of ``table`` named ``names`` (hint, owner): the table's component,
    or a component that holds it under the key its examples wrap it in; ``text``: the
    page's words about the body (``body_text``)."""
    hint, owner = names
    wrapped = wrapper_key(table, examples)
    what = "lists the fields of the body, and every example has them"
    if wrapped is None:
        key = map_wrapper_key(table, examples, text)
        if key is None:
            return registry.table_ref(table, hint, owner)
        wrapped = (key, False)
        what = "gives the values of a map, and every example has such a map"
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
        f"the table {what} inside {key!r}{' (a list)' if listed else ''}: the body is read "
        "as that key holding them",
    )
    return registry.add_component((table,), hint, owner, schema)


def report_inferred(report: Callable[..., None]) -> Callable[[str, str], None]:
    """``report(table, detail)`` as a D108 (info) of a page builder's ``report``."""

    def told(table: str, detail: str) -> None:
        report(Code.TABLE_INFERRED, detail, Level.INFO, table)

    return told
