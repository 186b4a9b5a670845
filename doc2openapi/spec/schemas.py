"""Field tables to component schemas: types, constraints, nested tables through links."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.scraper.links import same_page_table_numbers
from doc2openapi.scraper.model import FieldRow, FieldTable, Link, Requirement
from doc2openapi.spec.alternatives import alternative_forms
from doc2openapi.spec.carried import Carrier, carried_table
from doc2openapi.spec.coherence import described
from doc2openapi.spec.field_counts import FieldCounts
from doc2openapi.spec.name_words import MAX_LENGTH, destutter, fit
from doc2openapi.spec.placeholders import table_schema
from doc2openapi.spec.reach import PageTables
from doc2openapi.spec.table_index import TableIndex
from doc2openapi.spec.types import (
    AnyType,
    ArrayType,
    MapType,
    NullType,
    ObjectType,
    OneOfType,
    Primitive,
    TypeExpr,
    UnknownType,
    parse_type,
)
from doc2openapi.spec.versions import SCHEMA_REF
from doc2openapi.text_names import is_identifier, pascal_case

Schema = dict[str, Any]
Target = FieldTable | tuple[FieldTable, ...]
"""The table a field's type points at, or the alternatives an index page lists."""
_NAME_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+|_+")
MAX_NESTING = 64
"""Tables nested deeper than this through links are not followed (reported)."""
_ANCHOR_NAME = re.compile(r"__(?:request|response)_([A-Za-z][A-Za-z0-9]*?)(?:_\d+)?$")
_CAPTION_NOISE = re.compile(
    r"\b(field|fields|parameter|parameters|description|descriptions|information|objects?|"
    r"data structure|structure|of the|request|response|body)\b",
    re.I,
)


def identity(table: FieldTable) -> tuple[str, str]:
    return (table.page, table.key)


def ref(name: str) -> Schema:
    return {"$ref": SCHEMA_REF + name}


def source(table: FieldTable) -> str:
    return f"{table.page}#{table.key}"


@dataclass
class SchemaRegistry:
    """Builds component schemas from tables; one component per table, named from the
    document where it names the table."""

    index: TableIndex
    service: str
    components: dict[str, Schema] = field(default_factory=dict)
    pages: PageTables = field(default_factory=PageTables)
    component_of: dict[tuple[str, str], str] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)
    """The operation a component's name starts with (``ShowVolume`` of
    ``ShowVolumeError404``), shared by every service's registry, for folding."""
    counts: dict[str, FieldCounts] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    carriers: list[Carrier] = field(default_factory=list)
    xml_roots: frozenset[str] = frozenset()
    """The root elements of the service's XML bodies (syntax blocks and samples)."""
    _building: set[tuple[str, str]] = field(default_factory=set)
    _parents: list[str] = field(default_factory=list)
    """The components being built, outermost first: a nested table's name may need its
    parent's, or (``_fields``: the field of each) its whole path from the body."""
    _fields: list[str] = field(default_factory=list)
    _taken: set[str] = field(default_factory=set)
    _taken_seen: int = 0

    def report(
        self, code: Code, table: FieldTable, row: str, detail: str, level: Level = Level.WARNING
    ) -> None:
        self.diagnostics.append(
            Diagnostic(level, code, table.page, detail, self.index.label(table), row)
        )

    # -- naming

    def _candidate_names(self, table: FieldTable, hint: str, owner: str) -> Iterator[str]:
        for anchor in table.anchors:
            match = _ANCHOR_NAME.search(anchor)
            if match:
                yield match.group(1)
        caption = table.caption.strip()
        if is_identifier(caption) and caption[0].isupper():
            yield caption
        if hint and is_identifier(hint):
            yield hint
        stripped = _CAPTION_NOISE.sub(" ", caption)
        if stripped.strip() and not re.search(r"\d", stripped):
            yield owner + pascal_case(stripped)
        yield owner + pascal_case(hint or table.key)

    def _choose_name(self, table: FieldTable, hint: str, owner: str, first: str = "") -> str:
        """A class-shaped name no other component has, whatever the case: generators turn
        ``quotas`` and ``Quotas`` (or ``L7policy`` and ``L7Policy``) into one class. Where
        the document's names are all taken, the field's path: its parent's name and its
        own (``CreateNodePoolResponseSpec`` beside ``CreateNodePoolSpec`` of the request);
        a number only where even that is taken."""
        taken = self._taken_names()
        names = (first, *self._candidate_names(table, hint, owner)) if first else ()
        candidates = [tidy_name(n) for n in names or self._candidate_names(table, hint, owner)]
        for name in candidates:
            if _folded(name) not in taken:
                return name
        for name in candidates:
            joined = tidy_name(owner + name)
            if owner and not name.startswith(owner) and _folded(joined) not in taken:
                return joined
        parent = self._parents[-1] if self._parents else ""
        for name in (first, hint) if parent else ():
            joined = _path_name(parent, name)
            if name and not name.startswith(parent) and _folded(joined) not in taken:
                return joined
        path = [*self._fields[1:], hint]
        whole = tidy_name(self._parents[0] + "".join(map(pascal_case, path))) if parent else ""
        if whole and path[-2:-1] != path[-1:] and _folded(whole) not in taken:
            return whole  # response.token.domain beside request.auth.scope.domain
        base = candidates[-1]
        number = 2
        while _folded(f"{base}{number}") in taken:
            number += 1
        return f"{base}{number}"

    def _named(self, table: FieldTable, hint: str, owner: str, first: str = "") -> str:
        name = self._choose_name(table, hint, owner, first)
        if owner and name.startswith(owner) and name != owner:
            self.owners[name] = owner
        return name

    def _taken_names(self) -> set[str]:
        """The folded names of all components so far. Registries of other services share
        ``components`` and names are only ever added while building: only the new ones are
        folded."""
        if self._taken_seen != len(self.components):
            self._taken.update(
                _folded(name) for name in itertools.islice(self.components, self._taken_seen, None)
            )
            self._taken_seen = len(self.components)
        return self._taken

    # -- tables

    def add_component(
        self, tables: Sequence[FieldTable], hint: str, owner: str, schema: Schema
    ) -> Schema:
        """A schema built elsewhere from ``tables`` (one XML body's) as a component."""
        name = self._named(tables[0], hint, owner)
        self.components[name] = schema
        for table in tables:
            self.component_of.setdefault(identity(table), name)
        return ref(name)

    def table_ref(self, table: FieldTable, hint: str, owner: str, first: str = "") -> Schema:
        """The component of a table (built on first use), as a ``$ref``; ``first``: the
        name to try before the document's."""
        key = identity(table)
        name = self.component_of.get(key)
        if name is not None:
            if key in self._building:
                self.report(
                    Code.CYCLIC_LINK,
                    table,
                    "",
                    "the table refers back to itself "
                    "(directly or through other tables); the reference is kept as a "
                    "recursive $ref",
                    Level.INFO,
                )
            return ref(name)
        if len(self._building) >= MAX_NESTING:
            self.report(
                Code.CYCLIC_LINK,
                table,
                "",
                f"tables nested more than {MAX_NESTING} deep through links; this one is "
                "written as a free-form object",
            )
            return {"type": "object"}
        name = self._named(table, hint, owner, first)
        self.component_of[key] = name
        self.components[name] = {}
        self._building.add(key)
        self._parents.append(name)
        self._fields.append(hint)
        self.components[name] = table_schema(self, table, owner)
        self._parents.pop()
        self._fields.pop()
        self._building.discard(key)
        return ref(name)

    def target_ref(self, target: Target, hint: str, owner: str) -> Schema:
        """A table's ``$ref``, or an ``anyOf`` of the tables an index page lists."""
        if isinstance(target, FieldTable):
            return self.table_ref(target, hint, owner)
        if len(target) == 1:
            return self.table_ref(target[0], hint, owner)
        # Alternatives an index page lists (each named by its page) or a label's values.
        refs = [
            self.table_ref(table, hint, owner, self.pages.alternative_name(table, hint))
            for table in target
        ]
        return {"anyOf": refs}

    def object_schema(self, table: FieldTable, owner: str) -> Schema:
        counts = self.counts.setdefault(table.page, FieldCounts())
        counts.failed += table.failed_rows
        properties: dict[str, Schema] = {}
        required: list[str] = []
        for row in table.fields:
            properties[row.name] = self.field_schema(table, row, owner, counts)
            if row.requirement is Requirement.REQUIRED and row.name not in required:
                required.append(row.name)
        schema: Schema = {"type": "object", "properties": properties}
        if required:
            schema["required"] = required
        schema["x-source"] = source(table)
        return schema

    # -- fields

    def field_schema(
        self, table: FieldTable, row: FieldRow, owner: str, counts: FieldCounts
    ) -> Schema:
        expr = parse_type(row.type_text)
        target, unresolved = self._linked_table(table, row, expr)
        if isinstance(target, FieldTable) and self.index.alternatives(target):
            target = (target, *self.index.alternatives(target))
        schema = self._type_schema(expr, target, row, owner)
        schema, dropped = described(schema, row.description, row.name)
        for problem in dropped:
            self.report(Code.CONSTRAINT_DROPPED, table, row.name, problem)
        _trace(schema, source(table))
        carried = carried_table(table, row, expr, self._lookup) if target is None else None
        if carried is not None:
            self.carriers.append(Carrier(schema, carried, owner))
        if isinstance(expr, UnknownType) and target is None:
            counts.unknown_type += 1
            self.report(
                Code.UNKNOWN_TYPE,
                table,
                row.name,
                f"type {expr.word!r} is not a known type word; the field accepts any value",
            )
        elif unresolved:
            counts.unresolved_link += 1
            self.report(Code.UNRESOLVED_LINK, table, row.name, unresolved)
        else:
            counts.recognised += 1
        return schema

    def _type_schema(
        self, expr: TypeExpr, target: Target | None, row: FieldRow, owner: str
    ) -> Schema:
        hint = pascal_case(row.name)
        match expr:
            case Primitive(type=json_type, format=fmt, max_length=longest):
                schema: Schema = {"type": json_type}
                if fmt:
                    schema["format"] = fmt
                if longest is not None:
                    schema["maxLength"] = longest
                return schema
            case OneOfType(options=options):
                return {
                    "oneOf": [
                        self._type_schema(o, target if _needs_schema(o) else None, row, owner)
                        for o in options
                    ]
                }
            case NullType():
                return {"nullable": True}
            case MapType(values=values):
                if target is not None and not _needs_schema(values):
                    # The page gives a table of the map's keys: they are its members,
                    # and the map still takes other keys (metadata "key1": "value1").
                    keys = self.target_ref(target, hint, owner)
                    self._open(keys, self._type_schema(values, None, row, owner))
                    return keys
                return {
                    "type": "object",
                    "additionalProperties": self._type_schema(values, target, row, owner) or True,
                }
            case ArrayType(items=items, unique=unique):
                if items is None:
                    item_schema: Schema = self.target_ref(target, hint, owner) if target else {}
                else:
                    item_schema = self._type_schema(items, target, row, owner)
                array: Schema = {"type": "array", "items": item_schema}
                return {**array, "uniqueItems": True} if unique else array
            case ObjectType(schema_name=name):
                if target is not None:
                    return self.target_ref(target, name or hint, owner)
                return {"type": "object"}
            case AnyType() | UnknownType():
                if target is not None:
                    return self.target_ref(target, hint, owner)
                return {}
        return {}

    def _open(self, schema: Schema, values: Schema) -> None:
        """Let the component ``schema`` refers to take keys beyond its members."""
        name = str(schema.get("$ref", "")).rsplit("/", 1)[-1]
        component = self.components.get(name)
        if component is not None and component.get("type") == "object":
            component.setdefault("additionalProperties", values)

    def _linked_table(
        self, table: FieldTable, row: FieldRow, expr: TypeExpr
    ) -> tuple[Target | None, str]:
        """The table a field's type points at, and why a link that should resolve did not.
        Only a link where the field's structure should be is unresolved: beside a type that
        needs one (Object, a list of objects, an unknown word), never beside a String or a
        missing Type column ("see Obtaining a Project ID" links prose, not a type)."""
        unresolved = ""
        for link in row.type_links:
            found = self._prefer_local(table, row, self._lookup(link, table.page))
            if found is not None:
                return found, ""
            unresolved = f"the Type cell links {_show(link)}, which is not a parameter table"
        if not _needs_schema(expr):
            return None, ""
        stated = not isinstance(expr, AnyType)
        for link in (*row.name_links, *row.description_links):
            if not link.fragment:
                continue
            found = self._prefer_local(table, row, self._lookup(link, table.page))
            if found is not None and found is not table:
                return alternative_forms(self.index, table, row, found), ""
            if stated and link.page not in self.index.pages:
                unresolved = unresolved or f"the description links {_show(link)}, a page not read"
        text = " ".join(line.text for line in row.description)
        for number in same_page_table_numbers(text, row.description_links, table.page):
            found = self.index.by_number.get((table.page, number))
            if found is not None and found is not table:
                return alternative_forms(self.index, table, row, found), ""
            if stated:  # without a Type column, "see Table 2" refers to more detail
                unresolved = unresolved or f"the description refers to Table {number}, not found"
        name = _schema_name(expr)
        if name:
            found = self.index.by_caption.get(
                (table.page, name.lower())
            ) or self.index.subject_table(table, name)
            if found is not None and found is not table:
                return found, ""
        found = self.index.subject_table(table, row.name)
        if found is not None:
            return found, ""
        if stated:  # a field with no Type column does not say it has a structure
            links = (*row.type_links, *row.name_links, *row.description_links)
            reached = self.pages.for_field(links, row.name, table.page)
            if reached:
                return reached, ""
        return None, unresolved

    def _prefer_local(
        self, table: FieldTable, row: FieldRow, found: FieldTable | None
    ) -> FieldTable | None:
        """A link to another page's copy of a table that this page also gives ("rules
        parameter description" on both): the page's own table describes its field. So
        does a request field's table when the link leads to the response's copy. A table
        of another section (the request's ``tags`` for a response field) is no copy: the
        link, wherever it leads, says which table describes the field."""
        if found is None or (found.page, found.section) == (table.page, table.section):
            return found
        local = self.index.subject_table(table, row.name)
        if local is None or local is table or local is found:
            return found
        if local.section != table.section:
            return found
        return local

    def _lookup(self, link: Link, page: str) -> FieldTable | None:
        if not link.fragment:
            return None
        key = (link.page or page, link.fragment)
        index = self.index
        return (
            index.by_anchor.get(key)
            or index.by_section.get(key)
            or index.by_lead.get(key)
            or index.by_key.get(key)
        )


def _trace(schema: Schema, where: str) -> None:
    """Mark a field's schema, and the item, value and alternative schemas inside it, with
    the table they come from (a ``$ref`` is traced at its component)."""
    stack = [schema]
    while stack:
        node = stack.pop()
        if "$ref" in node and node is not schema:
            continue
        node["x-source"] = where
        for key in ("items", "additionalProperties"):
            inner = node.get(key)
            if isinstance(inner, dict) and "$ref" not in inner:
                stack.append(inner)
        stack.extend(o for o in node.get("oneOf", []) if "$ref" not in o)


def tidy_name(name: str) -> str:
    """A component name as a class name: capitalised, no word twice in a row
    (``NodePoolNodePool`` → ``NodePool``... ``SpecSpec`` → ``Spec``), at most 60 long."""
    words = destutter(_NAME_WORD.findall(name))
    words = fit(words) if len(name) > MAX_LENGTH else words
    tidy = "".join(words) or name
    return tidy[:1].upper() + tidy[1:]


def _path_name(parent: str, field_name: str) -> str:
    """A nested table's name by its path: its parent's name and its field's (a word
    twice in a row is said once, so ``spec.spec`` under ``...Spec`` finds it taken)."""
    return tidy_name(parent + pascal_case(field_name))


def _folded(name: str) -> str:
    """What a generator's class name keeps of a component name."""
    return name.replace("_", "").lower()


def _needs_schema(expr: TypeExpr) -> bool:
    match expr:
        case ObjectType() | UnknownType() | AnyType():
            return True
        case ArrayType(items=items):
            return items is None or isinstance(items, ArrayType) or _needs_schema(items)
        case MapType():
            return True  # a table may give its values' members, or its keys
    return False


def _schema_name(expr: TypeExpr) -> str:
    match expr:
        case ObjectType(schema_name=name):
            return name
        case ArrayType(items=items) if items is not None:
            return _schema_name(items)
        case UnknownType(word=word):
            return word
    return ""


def _show(link: Link) -> str:
    return f"{link.page}#{link.fragment}"
