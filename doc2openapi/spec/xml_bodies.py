"""Bodies of operations written as HTTP messages (S3-style pages): XML, forms and bytes.

Such pages list a body's elements in flat tables ("Element | Type | Mandatory |
Description"), where one name may occur twice (``ID`` of the owner and of a grantee) and
the nesting is not stated. The syntax block's XML skeleton states it: the schema follows the
skeleton, and each element takes the type, requirement and description of its table row.
The rows are matched in document order, so the second ``ID`` of the skeleton takes the
second ``ID`` row. Every row is counted once: placed (as its type reads) or failed, with a
diagnostic naming the element the skeleton does not contain.

The schema carries OpenAPI ``xml`` names: the root element's name on the root, and the
element name on the items of repeated elements (OpenAPI writes the items of an array
unwrapped, each under that name).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from doc2openapi.diagnostics import Code, Level
from doc2openapi.scraper.model import ApiPage, FieldRow, FieldTable, Requirement, TableRole
from doc2openapi.scraper.model import XmlElement as Element
from doc2openapi.spec.field_counts import FieldCounts
from doc2openapi.spec.schemas import Schema, SchemaRegistry
from doc2openapi.spec.xml_parents import (
    Path,
    Placement,
    paths_of,
    placement,
    rooted_anew,
    with_stated_elements,
)

_CONTAINER_WORDS = frozenset({"xml", "container"})
_ARRAY_WORD = re.compile(r"^(?:array|list)\b", re.I)


def is_message_page(page: ApiPage) -> bool:
    """The page writes its operation as an HTTP message (a Host line, a body's media type
    or an XML skeleton): its body tables are read here, not as JSON."""
    return bool(page.xml_bodies or page.request_media_type) or any(e.host for e in page.endpoints)


@dataclass
class _Rows:
    """The element rows of a message's tables, by element name, in document order."""

    by_name: dict[str, list[tuple[FieldTable, FieldRow, Placement]]] = field(default_factory=dict)
    used: set[tuple[str, int]] = field(default_factory=set)

    def take(self, name: str, ancestors: Path) -> tuple[FieldTable, FieldRow, bool] | None:
        """The first row of that name not yet used whose stated parent fits ``ancestors``
        (else the last that fits serves again: ``ID`` once for ``Initiator`` and
        ``Owner``), and whether it is its first use."""
        rows = [r for r in self.by_name.get(name, ()) if r[2].fits(ancestors)]
        if not rows:
            return None
        fresh = [r for r in rows if (r[0].key, r[1].row) not in self.used]
        table, row, _ = fresh[0] if fresh else rows[-1]
        first = (table.key, row.row) not in self.used
        self.used.add((table.key, row.row))
        return table, row, first

    def names_root(self, root: str) -> bool:
        """Whether a row not yet used is element ``root`` at the top, or says it sits
        under ``root``."""
        return any(
            (table.key, row.row) not in self.used
            and where.parents
            and any(p[:1] == (root,) or (not p and where.name == root) for p in where.parents)
            for rows in self.by_name.values()
            for table, row, where in rows
        )

    def placed_again(self, paths: set[Path]) -> set[tuple[str, int]]:
        """Rows not used whose element the outline has where the row says it sits (a
        second table describing the same root): they describe a placed element."""
        return {
            (table.key, row.row)
            for rows in self.by_name.values()
            for table, row, where in rows
            if (table.key, row.row) not in self.used
            and any(path[-1] == where.name and where.fits(path[:-1]) for path in paths)
        }


@dataclass
class _XmlBuilder:
    registry: SchemaRegistry
    owner: str
    counts: FieldCounts
    rows: _Rows
    added: set[Path] = field(default_factory=set)
    """Elements of the outline that only a row's "Parent:" statement places."""

    def element(self, node: Element, ancestors: Path = ()) -> tuple[Schema, bool]:
        """The schema of an element and whether its row says it is mandatory (never for an
        element the syntax block does not show)."""
        found = self.rows.take(node.name, ancestors)
        counts = self.counts if found is not None and found[2] else FieldCounts()
        path = (*ancestors, node.name)
        if node.children:
            schema = self._object(node, path)
            if found is not None:
                self._describe(schema, found[1], counts)
        elif found is not None:
            schema = self.leaf(found[0], found[1], counts)
        else:
            schema = {"type": "string"}
        required = found is not None and found[1].requirement is Requirement.REQUIRED
        required = required and path not in self.added
        if node.repeated or (found is not None and _ARRAY_WORD.match(found[1].type_text)):
            item = {k: v for k, v in schema.items() if k != "description"}
            item["xml"] = {"name": node.name}
            schema = {"type": "array", "items": item, **_description(schema)}
        return schema, required

    def _object(self, node: Element, path: Path) -> Schema:
        properties: dict[str, Schema] = {}
        required: list[str] = []
        for child in node.children:
            properties[child.name], mandatory = self.element(child, path)
            if mandatory:
                required.append(child.name)
        schema: Schema = {"type": "object", "properties": properties}
        if required:
            schema["required"] = required
        return schema

    def leaf(self, table: FieldTable, row: FieldRow, counts: FieldCounts) -> Schema:
        """A row's schema, counted in ``counts`` (a scratch count for a row used again)."""
        word = row.type_text.strip().lower()
        if word in _CONTAINER_WORDS:
            schema: Schema = {"type": "object"}
            self._describe(schema, row, counts)
            return schema
        return self.registry.field_schema(table, row, self.owner, counts)

    def _describe(self, schema: Schema, row: FieldRow, counts: FieldCounts) -> None:
        """A container row: placed by the skeleton, whatever its type word says."""
        counts.recognised += 1
        text = "\n".join(line.text for line in row.description)
        if text:
            schema["description"] = text


def _description(schema: Schema) -> Schema:
    return {"description": schema["description"]} if "description" in schema else {}


def _rows(tables: Sequence[FieldTable]) -> _Rows:
    rows = _Rows()
    for table in tables:
        for row in table.fields:
            where = placement(row)
            rows.by_name.setdefault(where.name, []).append((table, row, where))
    return rows


def message_body(
    registry: SchemaRegistry,
    tables: Sequence[FieldTable],
    skeletons: Sequence[Element],
    hint: str,
    owner: str,
) -> Schema | None:
    """The component of a body (a ``$ref``): from the skeleton with the tables' rows, or
    from the tables alone (a form's fields) where no skeleton is written; None when there
    is neither. The samples' other roots (``skeletons[1:]``) are other cases of the body
    where rows the first leaves out are, or say they sit, under them: the body is then an
    ``anyOf`` of one component per case."""
    if not tables and not skeletons:
        return None
    first = tables[0] if tables else None
    counts = registry.counts.setdefault(first.page if first else "", FieldCounts())
    rows = _rows(tables)
    if len(skeletons) == 1:
        _root_copied_parents(registry, rows, skeletons[0])
    builder = _XmlBuilder(registry, owner, counts, rows)
    placed: set[tuple[str, int]] = set()
    cases: list[tuple[str, Schema]] = []
    for skeleton in skeletons:
        if cases and not rows.names_root(skeleton.name):
            continue
        schema, again = _case(builder, skeleton, tables)
        cases.append((skeleton.name, schema))
        placed |= again
    if not cases:
        cases.append((hint, _flat(builder, tables)))
    placed -= rows.used
    counts.recognised += len(placed)
    _report_unused(registry, tables, rows.used | placed, counts)
    if first is None:
        return cases[0][1]
    refs = [registry.add_component(tables, name, owner, schema) for name, schema in cases]
    return refs[0] if len(refs) == 1 else {"anyOf": refs}


def _case(
    builder: _XmlBuilder, skeleton: Element, tables: Sequence[FieldTable]
) -> tuple[Schema, set[tuple[str, int]]]:
    """The schema of one root's outline, completed by the rows' "Parent:" statements, and
    the rows that describe an element of it a second time."""
    where = {(t.key, r.row): w for rows in builder.rows.by_name.values() for t, r, w in rows}
    placements = [where[table.key, row.row] for table in tables for row in table.fields]
    outline, builder.added = with_stated_elements(replace(skeleton, repeated=False), placements)
    schema = builder.element(outline)[0]
    schema["xml"] = {"name": skeleton.name}
    return schema, builder.rows.placed_again(paths_of(outline))


def _root_copied_parents(registry: SchemaRegistry, rows: _Rows, skeleton: Element) -> None:
    """Rows whose stated parent is another operation's root go under this body's one root
    (see :func:`rooted_anew`), each reported (D108) so that a reader can check it."""
    names = {path[-1] for path in paths_of(skeleton)} | set(rows.by_name)
    for entries in rows.by_name.values():
        for position, (table, row, where) in enumerate(entries):
            moved = rooted_anew(where, skeleton.name, names, registry.xml_roots)
            if moved is None:
                continue
            entries[position] = (table, row, moved)
            stated = " or ".join(".".join(p) for p in where.parents or ())
            registry.report(
                Code.TABLE_INFERRED,
                table,
                row.name,
                f"the row's parent {stated} is the root of another operation's body, not an "
                f"element of this one; placed under this body's root {skeleton.name}",
                Level.INFO,
            )


def _report_unused(
    registry: SchemaRegistry,
    tables: Sequence[FieldTable],
    used: set[tuple[str, int]],
    counts: FieldCounts,
) -> None:
    for table in tables:
        counts.failed += table.failed_rows
        for row in table.fields:
            if (table.key, row.row) not in used:
                counts.failed += 1
                registry.report(
                    Code.XML_ELEMENT_UNPLACED,
                    table,
                    row.name,
                    f"the XML of the syntax block has no element {row.name!r}; "
                    "the row is not in the body",
                )


def _flat(builder: _XmlBuilder, tables: Sequence[FieldTable]) -> Schema:
    properties: dict[str, Schema] = {}
    required: list[str] = []
    for table in tables:
        for row in table.fields:
            if row.name in properties:
                continue
            taken = builder.rows.take(row.name, ())
            if taken is None:
                continue
            properties[row.name] = builder.leaf(taken[0], taken[1], builder.counts)
            if row.requirement is Requirement.REQUIRED:
                required.append(row.name)
    schema: Schema = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return schema


def body_tables(page: ApiPage, role: TableRole) -> list[FieldTable]:
    return [t for t in page.tables if t.role is role]


def skeletons_of(page: ApiPage, kind: str) -> list[Element]:
    """The syntax block's body of that kind first, then the samples' other roots."""
    return [b.root for b in page.xml_bodies if b.kind == kind]


def request_content(
    registry: SchemaRegistry, page: ApiPage, hint: str, owner: str
) -> tuple[str, Schema] | None:
    """Media type and schema of a message page's request body, or None for no body."""
    media = page.request_media_type
    tables = body_tables(page, TableRole.REQUEST_BODY)
    skeletons = skeletons_of(page, "request")
    if media == "application/octet-stream":
        return media, {"type": "string", "format": "binary"}
    if media == "application/json" and not tables:
        return media, {"type": "object", "description": "The document the page describes."}
    schema = message_body(registry, tables, skeletons, hint, owner)
    if schema is None:
        return None
    return media or "application/xml", schema


def response_content(
    registry: SchemaRegistry, page: ApiPage, hint: str, owner: str
) -> tuple[str, Schema] | None:
    """Media type and schema of a message page's success body, or None for no body."""
    tables = body_tables(page, TableRole.RESPONSE_BODY)
    schema = message_body(registry, tables, skeletons_of(page, "response"), hint, owner)
    return None if schema is None else ("application/xml", schema)
