"""Rows that stand for the keys of a map or the items of an array, not for a property.

A row named ``{User defined key}``, ``{Customized_key}``, ``<operator>`` or "User-defined
field key and value pair" describes the values of free keys: the table's
``additionalProperties``. So does a name that is a phrase of ordinary words ("Name of the
network where the ECS accesses", "User customization"): a JSON key the API uses literally is
an identifier, so a phrase says what the keys are (the network's name), not what one key is.
Names with an identifier's marks (``_``, digits, ``-``, dots, brackets), two names joined by
"or", and Title Case names (a header's ``Content Type``) are not phrases.

A row named ``[Array element]``, ``[items]`` or "Array elements" that is alone in its
table describes the table's whole value (a response body that is an array), and so does a
row without a name alone in its table (a body that is a file)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from doc2openapi.scraper.field_rows import WHOLE_VALUE
from doc2openapi.scraper.model import FieldTable

if TYPE_CHECKING:
    from doc2openapi.spec.schemas import Schema, SchemaRegistry

Placeholder = Literal["map", "items"]
_KEY_NAME = re.compile(r"^(?:\{[^{}]+\}|<[^<>]+>|.*\buser[- ]defined\b.*\bkey\b.*)$", re.I)
_ITEM_NAME = re.compile(r"^\[[^\[\]]+\]$|^(?:array|list) (?:elements?|items?)$", re.I)
_PHRASE = re.compile(r"^[A-Za-z]+(?: [A-Za-z]+)+$")


def _is_phrase(name: str) -> bool:
    """Words of letters only, at least one of them in lower case, not "a or b"."""
    words = name.split(" ")
    return bool(_PHRASE.match(name)) and "or" not in words and any(w.islower() for w in words)


def placeholder(name: str) -> Placeholder | None:
    if _ITEM_NAME.match(name) or name == WHOLE_VALUE:
        return "items"
    if _KEY_NAME.match(name) or _is_phrase(name):
        return "map"
    return None


def table_schema(registry: SchemaRegistry, table: FieldTable, owner: str) -> Schema:
    """The schema of a table whose rows may include placeholders."""
    kinds = {row.name: placeholder(row.name) for row in table.fields}
    if len(table.fields) > 1:
        kinds = {name: kind if kind == "map" else None for name, kind in kinds.items()}
    if not any(kinds.values()):
        return registry.object_schema(table, owner)
    named = replace(table, fields=tuple(r for r in table.fields if kinds[r.name] is None))
    schema = registry.object_schema(named, owner)
    counts = registry.counts[table.page]
    for row in table.fields:
        kind = kinds[row.name]
        if kind is None:
            continue
        value = registry.field_schema(table, row, owner, counts)
        if kind == "items":
            return value if "$ref" in value else {**value, "x-source": schema["x-source"]}
        schema["additionalProperties"] = value
    if not schema["properties"]:
        del schema["properties"]
    return schema
