"""Tables of pages that document no operation which repeat structures operations document.

A service may describe its resources twice: once on the operation pages, in the request
and response tables each operation uses, and again on a page of its own ("Function Model",
"Data Structure for Querying Details About ECSs", a page of task responses) that no field
links to. Such a table reaches no operation, yet its fields are in the document: as the
properties of a structure an operation uses. A table is read so only on evidence that it
is the same structure:

- **linked**: a row of a table already read so links it (the model's ``dependencies`` row
  "See Table 5"): the structure is that row's value in the structure the linking table
  repeats, and at least half of the table's rows must be its properties.
- **named**: its caption or labelling paragraph names a field ("func_vpc parameters",
  "address parameters"): the structure is a value of that field in the document, at least
  half of the table's rows must be its properties, and the names found must single it
  out: no more than :data:`FEW` places of the document (a body, or the value of a field of
  one name) hold them all.
- **by its rows**: with no field named, at least two thirds of the rows must be
  properties of one structure, and the names found must single it out the same way.

Common names (``id``/``name``, ``key``/``value``, ``code``/``message``) are held in many
places, so a table of only those is never read so, even named after a field: an "image"
table of just ``id`` or an "error" table of ``message`` and ``code`` fit too many
structures to say which one they repeat.

A row is found when the structure has a property of that name whose type agrees with the
row's Type cell, where the table has one (a ``String`` disk size is not the ``integer``
one). Rows not found stay failed: the table is then partly a repeat and partly failed.
The structures the document holds are not changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from doc2openapi.scraper.links import same_page_table_numbers, subject_field_names
from doc2openapi.scraper.model import FieldRow, FieldTable
from doc2openapi.spec.reach import subject_of
from doc2openapi.spec.table_index import TableIndex
from doc2openapi.spec.types import ArrayType, MapType, ObjectType, Primitive, parse_type
from doc2openapi.spec.versions import SCHEMA_REF

Schema = dict[str, Any]
FEW = 3
"""At most this many places of the document may hold the names found together: more, and
the names do not say which structure the table repeats."""
_NUMBERS = frozenset({"integer", "number"})
_STRUCTURE = "structure"


@dataclass(frozen=True, slots=True)
class Structure:
    """An object schema of the document: a component, or an object inside one."""

    name: str
    properties: dict[str, Schema]


@dataclass(frozen=True, slots=True)
class Repeat:
    """What an unreached table repeats, and which of its rows were found there."""

    structures: tuple[str, ...]
    found: tuple[str, ...]
    missing: tuple[str, ...]
    evidence: str
    children: tuple[tuple[FieldRow, Structure], ...] = ()
    """Rows found, each with the structure it holds (for the tables the row links)."""

    def detail(self) -> str:
        shown = ", ".join(self.structures[:3])
        more = f" and {len(self.structures) - 3} more" if len(self.structures) > 3 else ""
        return (
            f"{len(self.found)} of its rows repeat the properties of {shown}{more}, which "
            f"operations use ({self.evidence}); they are in the spec there"
        )


@dataclass
class Structures:
    """Every object structure the document's operations use, and by field name the
    structures that are a field's value."""

    components: dict[str, Schema]
    all: list[Structure] = field(default_factory=list)
    by_field: dict[str, list[Structure]] = field(default_factory=dict)
    _seen: dict[int, Structure] = field(default_factory=dict)
    _visited: set[int] = field(default_factory=set)
    roles: dict[int, set[str]] = field(default_factory=dict)
    """The field names each structure is the value of ("" for a body or a parameter)."""

    @classmethod
    def of(cls, components: dict[str, Schema], roots: Iterable[Any]) -> Structures:
        """The structures reachable from ``roots`` (the paths, the shared responses)."""
        found = cls(components)
        for schema in _schemas_in(roots):
            for structure in found.objects(schema, "body"):
                found.roles.setdefault(id(structure), set()).add("")
                found._visit(structure)
        return found

    def objects(self, schema: Any, name: str) -> list[Structure]:
        """The object structures a schema is or holds as items, values or alternatives."""
        if not isinstance(schema, dict):
            return []
        reference = schema.get("$ref")
        if isinstance(reference, str) and reference.startswith(SCHEMA_REF):
            target = reference[len(SCHEMA_REF) :]
            return self.objects(self.components.get(target), target)
        found: list[Structure] = []
        if isinstance(schema.get("properties"), dict):
            key = id(schema)
            if key not in self._seen:
                self._seen[key] = Structure(name, schema["properties"])
            found.append(self._seen[key])
        for inner in ("items", "additionalProperties"):
            found.extend(self.objects(schema.get(inner), name))
        for keyword in ("anyOf", "oneOf", "allOf"):
            for option in schema.get(keyword) or ():
                found.extend(self.objects(option, name))
        return found

    def _visit(self, structure: Structure) -> None:
        if id(structure) in self._visited:
            return
        self._visited.add(id(structure))
        self.all.append(structure)
        for prop, schema in structure.properties.items():
            for inner in self.objects(schema, f"{structure.name}.{prop}"):
                self.roles.setdefault(id(inner), set()).add(prop)
                holders = self.by_field.setdefault(prop, [])
                if all(h is not inner for h in holders):
                    holders.append(inner)
                self._visit(inner)

    def places(self, rows: Iterable[FieldRow]) -> int:
        """In how many places (a structure as a body, or as the value of a field of one
        name) the document holds every one of the rows' names."""
        names = {row.name for row in rows}
        holding = (s for s in self.all if names <= s.properties.keys())
        return sum(len(self.roles.get(id(s), ())) for s in holding)

    def kind(self, schema: Any) -> str:
        """The JSON type of a property's schema ("" where it does not say one)."""
        if not isinstance(schema, dict):
            return ""
        reference = schema.get("$ref")
        if isinstance(reference, str) and reference.startswith(SCHEMA_REF):
            return self.kind(self.components.get(reference[len(SCHEMA_REF) :]))
        stated = schema.get("type")
        if isinstance(stated, str):
            return stated
        return "object" if "properties" in schema else ""


def _schemas_in(value: Any) -> Iterator[Any]:
    """Every ``schema`` of operations, parameters, bodies and responses."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "schema":
                yield inner
            else:
                yield from _schemas_in(inner)
    elif isinstance(value, list | tuple):
        for inner in value:
            yield from _schemas_in(inner)


def _row_kind(row: FieldRow) -> str:
    expr = parse_type(row.type_text)
    if isinstance(expr, Primitive):
        return expr.type
    if isinstance(expr, ObjectType) and expr.schema_name:
        return _STRUCTURE  # "func_mounts": the name of a structure, one or a list of them
    if isinstance(expr, ObjectType | MapType):
        return "object"
    if isinstance(expr, ArrayType):
        return "array"
    return ""


def _agrees(row_kind: str, schema_kind: str) -> bool:
    if not row_kind or not schema_kind or row_kind == schema_kind:
        return True
    if row_kind == _STRUCTURE:
        return schema_kind in ("object", "array")
    return {row_kind, schema_kind} <= _NUMBERS


@dataclass(frozen=True, slots=True)
class _Score:
    structure: Structure
    found: tuple[FieldRow, ...]


def _score(structures: Structures, table: FieldTable, structure: Structure) -> _Score:
    found = tuple(
        row
        for row in table.fields
        if row.name in structure.properties
        and _agrees(_row_kind(row), structures.kind(structure.properties[row.name]))
    )
    return _Score(structure, found)


def _best(scores: Sequence[_Score]) -> list[_Score]:
    """The structures that hold the most rows; among those, the closest (fewest
    properties the table does not list)."""
    most = max((len(s.found) for s in scores), default=0)
    top = [s for s in scores if len(s.found) == most and most]
    fewest = min((len(s.structure.properties) for s in top), default=0)
    return [s for s in top if len(s.structure.properties) == fewest]


def _rows(table: FieldTable) -> int:
    return len(table.fields) + table.failed_rows


def _repeat(table: FieldTable, best: list[_Score], evidence: str) -> Repeat:
    found = best[0].found
    names = {row.name for row in found}
    missing = [row.name for row in table.fields if row.name not in names]
    missing.extend(["(a row not read as a field)"] * table.failed_rows)
    children = tuple((row, best[0].structure) for row in found)
    return Repeat(
        tuple(dict.fromkeys(s.structure.name for s in best)),
        tuple(row.name for row in found),
        tuple(missing),
        evidence,
        children,
    )


def match_named(
    structures: Structures,
    table: FieldTable,
    candidates: Sequence[Structure],
    evidence: str,
    anchored: bool = False,
) -> Repeat | None:
    """The table as the value of a field: half its rows found. Named only by its caption,
    the names found must also be held together in few places of the document;
    ``anchored`` (linked by a row of a repeat) it is that row's value, whatever the names."""
    best = _best([_score(structures, table, s) for s in candidates])
    if not best or 2 * len(best[0].found) < _rows(table):
        return None
    if anchored:
        return _repeat(table, best, evidence)
    held = structures.places(best[0].found)
    if held > FEW:
        return None
    return _repeat(table, best, f"{evidence}, whose names {held} place(s) hold together")


def match_rows(structures: Structures, table: FieldTable) -> Repeat | None:
    """The table by its rows alone: two thirds found, by names few places hold."""
    best = _best([_score(structures, table, s) for s in structures.all])
    if not best or 3 * len(best[0].found) < 2 * _rows(table):
        return None
    held = structures.places(best[0].found)
    if held > FEW:
        return None
    evidence = f"its rows' names, held together in only {held} place(s)"
    return _repeat(table, best, evidence)


def linked_tables(index: TableIndex, table: FieldTable, row: FieldRow) -> list[FieldTable]:
    """The tables of the page a row links to, by anchor or by "Table N"."""
    found: list[FieldTable] = []
    for link in (*row.type_links, *row.name_links, *row.description_links):
        if link.fragment and link.page in ("", table.page):
            key = (table.page, link.fragment)
            linked = index.by_anchor.get(key) or index.by_lead.get(key)
            if linked is not None:
                found.append(linked)
    text = " ".join((row.type_text, *(line.text for line in row.description)))
    for number in same_page_table_numbers(text, row.description_links, table.page):
        linked = index.by_number.get((table.page, number))
        if linked is not None:
            found.append(linked)
    return [t for t in found if t is not table]


def find_repeats(
    structures: Structures, index: TableIndex, tables: Sequence[FieldTable]
) -> dict[tuple[str, str], Repeat]:
    """The tables among ``tables`` that repeat a structure of the document, by page and
    key. A table read so lends its found rows' values to the tables those rows link."""
    repeats: dict[tuple[str, str], Repeat] = {}
    hints: dict[tuple[str, str], list[tuple[str, list[Structure]]]] = {}
    waiting = {(t.page, t.key): t for t in tables}
    changed = True
    while changed:
        changed = False
        for key, table in list(waiting.items()):
            found = _match(structures, table, hints.get(key, []))
            if found is None:
                continue
            repeats[key] = found
            del waiting[key]
            changed = True
            for row, structure in found.children:
                name = f"{structure.name}.{row.name}"
                values = structures.objects(structure.properties[row.name], name)
                evidence = f"its row {row.name} is {name}"
                for child in linked_tables(index, table, row):
                    hint = (f"{index.label(table)}: {evidence}", values)
                    hints.setdefault((child.page, child.key), []).append(hint)
    return repeats


def _match(
    structures: Structures, table: FieldTable, hints: Sequence[tuple[str, list[Structure]]]
) -> Repeat | None:
    subject = subject_of(table)
    if subject:
        named = [s for n in subject_field_names(subject) for s in structures.by_field.get(n, [])]
        evidence = f"it is named after the field {subject}"
        found = match_named(structures, table, named, evidence)
        if found is not None:
            return found
    for linking, values in hints:
        found = match_named(structures, table, values, f"it is linked by {linking}", True)
        if found is not None:
            return found
    return match_rows(structures, table)
