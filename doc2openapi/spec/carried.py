"""A string that carries a JSON document described by a table of its page.

SMN's topic policy is a string: ``value | String | ... For details, see Table 1``, and
Table 1 (Version, Id, Statement) with the Table 2 it links describe the JSON policy inside
that string, as the example request shows. OpenAPI 3.1 says so with ``contentMediaType``
and ``contentSchema``; 3.0 has no such keywords, so :mod:`doc2openapi.spec.versions`
keeps them there as ``x-`` extensions (the schema stays referenced and findable).

A string's link to a table is such a description only where the table is nobody's
structure: "set only when the flavor field in Table 5 is ..." points at the table of the
``spec`` field, a cross reference. So links are collected while the operations are built
and decided once every field has taken its table (:func:`attach_carried`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from doc2openapi.scraper.model import FieldRow, FieldTable, Link, TableRole
from doc2openapi.spec.types import Primitive, TypeExpr

if TYPE_CHECKING:
    from doc2openapi.spec.schemas import SchemaRegistry

MEDIA_TYPE = "application/json"


@dataclass(frozen=True, slots=True)
class Carrier:
    """A string field's schema (the dict in the document) and the table its page links."""

    schema: dict[str, Any]
    table: FieldTable
    owner: str


def carried_table(
    table: FieldTable,
    row: FieldRow,
    expr: TypeExpr,
    lookup: Callable[[Link, str], FieldTable | None],
) -> FieldTable | None:
    """The nested table of this page that a plain string field's description links (not
    a body or parameter table: those are the operation's own). Links to other pages from
    a string are prose ("see Obtaining a Project ID")."""
    if not isinstance(expr, Primitive) or (expr.type, expr.format) != ("string", ""):
        return None
    for link in row.description_links:
        if link.page in ("", table.page):
            found = lookup(link, table.page)
            if found is not None and found is not table and found.role is TableRole.SCHEMA:
                return found
    return None


def attach_carried(registry: SchemaRegistry) -> None:
    """Each linked table that no field's structure reached becomes the ``contentSchema``
    of the strings linking it (one component, built now, so it reaches the operation)."""

    def key(table: FieldTable) -> tuple[str, str]:
        return (table.page, table.key)

    unreached = {
        key(c.table) for c in registry.carriers if key(c.table) not in registry.component_of
    }
    for carrier in registry.carriers:
        if key(carrier.table) not in unreached:
            continue
        content = registry.table_ref(carrier.table, "", carrier.owner)
        rest = dict(carrier.schema)
        carrier.schema.clear()
        carrier.schema.update(type=rest.pop("type"), contentMediaType=MEDIA_TYPE)
        carrier.schema["contentSchema"] = content
        carrier.schema.update(rest)
