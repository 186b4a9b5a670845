"""Nested tables placed by what their captions say, where no link reaches them.

- by the path: the caption names the field by its whole path ("token.roles", "Data
  structure of the spec/extendParam field") and a table of the page is captioned for the
  path's parent ("token", "Data structure of the spec field"), which does not list it;
- by the caption, against a link: see :mod:`doc2openapi.scraper.slips`;
- by a value: a field of the request body with a simple type names a second body table
  for one of its values ("job_type ... 5: DistCp ... For details, see Table 3"): that table
  is the request body for that value, an alternative body;
- by a map's values: a field typed only "Map" whose values, in the page's example, hold the
  fields of a table that nothing reaches ("metric_datas | MAP" and "metricDataBean
  parameter description"): the table describes the map's values (or their items);
- by a value of a nested field: a table labelled for one value of a field ("... (methods is
  set to assume_role)") describes, for that value, the object of the one other table of
  its section that lists the field (``auth.identity``): an alternative to it, which the
  spec offers wherever that table is used (:func:`value_variants`).

Each placement is reported (D108), as those of :mod:`doc2openapi.scraper.placement`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from doc2openapi.diagnostics import Diagnostic
from doc2openapi.scraper.body_extension import extend_body
from doc2openapi.scraper.body_forms import body_forms
from doc2openapi.scraper.links import label_path, same_page_table_numbers
from doc2openapi.scraper.model import Example, FieldRow, FieldTable, Requirement, TableRole
from doc2openapi.scraper.placement import (
    example_value,
    holders,
    inference_note,
    link_by_elimination,
    link_to,
    place_against_simple_type,
    place_by_example,
    reached_names,
    retype,
    table_names,
)
from doc2openapi.scraper.slips import member_beside, redirect_by_example, redirect_misdirected


def place_unlinked(
    tables: list[FieldTable], examples: Sequence[Example], unlinked: dict[str, str]
) -> tuple[list[FieldTable], list[Diagnostic]]:
    """The page's tables with the nested tables that no link reaches placed by each of the
    inferences above, in turn; ``unlinked`` loses the keys of the tables placed."""
    tables, redirected = redirect_misdirected(tables, unlinked)
    tables, by_caption = redirect_by_example(tables, examples, unlinked)
    tables, extended = extend_body(tables, examples, unlinked)
    tables, eliminated = link_by_elimination(tables, unlinked)
    tables, by_example = place_by_example(tables, examples, unlinked)
    tables, by_path = place_by_path(tables, examples, unlinked)
    tables, variants = body_variants(tables, unlinked)
    tables, forms = body_forms(tables, examples, unlinked)
    tables, map_values = place_map_values(tables, examples, unlinked)
    tables, against_type = place_against_simple_type(tables, examples, unlinked)
    alternatives = _alternatives_said(tables, unlinked)
    return tables, [
        *redirected,
        *by_caption,
        *extended,
        *eliminated,
        *by_example,
        *by_path,
        *variants,
        *forms,
        *map_values,
        *against_type,
        *alternatives,
    ]


_EITHER = "Object or Array of objects"
"""The type of a field a caption names without saying whether it holds one object or a
list of them."""


def place_by_path(
    tables: list[FieldTable], examples: Sequence[Example], unlinked: dict[str, str]
) -> tuple[list[FieldTable], list[Diagnostic]]:
    """Nested tables captioned with a field's whole path (``token.roles``) that nothing
    reaches, whose parent path captions another table of the section that does not list
    the field: the field is added there. Its type is the example's where the example shows
    it; otherwise one object or a list of them, as the caption does not say."""
    result = list(tables)
    notes: list[Diagnostic] = []
    reached = reached_names(tables)
    named = {row.name for table in tables for row in table.fields}
    for orphan in [t for t in tables if t.role is TableRole.SCHEMA]:
        path = label_path(orphan.caption) or label_path(orphan.label)
        if len(path) < 2 or path[-1] in named or table_names(orphan) & reached:
            continue
        position = _path_parent(result, orphan, path[:-1])
        if position is None:
            continue
        owner = result[position]
        value = member_beside(examples, owner, path[-1])
        type_text = "Array of objects" if isinstance(value, list) else "Object"
        row = FieldRow(
            name=path[-1],
            requirement=Requirement.UNSTATED,
            type_text=_EITHER if value is None else type_text,
            type_links=(link_to(orphan),),
            description=(),
            description_links=(),
            row=0,
        )
        result[position] = replace(owner, fields=(*owner.fields, row))
        named.add(path[-1])
        unlinked.pop(orphan.key, None)
        shown = (
            "the example shows its value"
            if value is not None
            else "one object or a list of them: the page does not say which"
        )
        notes.append(
            inference_note(
                orphan,
                path[-1],
                f"the caption names field {'.'.join(path)!r}, which "
                f"{owner.caption or owner.label or owner.key!r} does not list; it is added "
                f"there ({shown})",
            )
        )
    return result, notes


def _path_parent(
    tables: Sequence[FieldTable], orphan: FieldTable, parent: tuple[str, ...]
) -> int | None:
    """The position of the one table of the orphan's section captioned for ``parent``:
    by the whole path, else by its last field."""
    paths = [
        (label_path(t.caption) or label_path(t.label))
        if t is not orphan and t.section == orphan.section
        else ()
        for t in tables
    ]
    for matches in (
        [i for i, found in enumerate(paths) if found == parent],
        [i for i, found in enumerate(paths) if found and found[-1] == parent[-1]],
    ):
        if len(matches) == 1:
            return matches[0]
        if matches:
            return None
    return None


_SIMPLE_TYPE = re.compile(
    r"^(?:string|str|integer|int|long|short|number|float|double|boolean|bool|enum)\b", re.I
)


def body_variants(
    tables: list[FieldTable], unlinked: dict[str, str]
) -> tuple[list[FieldTable], list[Diagnostic]]:
    """Tables of the request section that nothing links as a structure and that a field of
    the body with a simple type names for one of its values ("5: DistCp, importing and
    exporting data. For details, see Table 3"): a string or a number has no structure, so
    the table is the body the request has when the field has that value, an alternative body
    (``REQUEST_VARIANT``)."""
    bodies = [t for t in tables if t.role is TableRole.REQUEST_BODY]
    if len(bodies) != 1:
        return tables, []
    body = bodies[0]
    naming = _value_mentions(body)
    if not naming:
        return tables, []
    simple = {id(row) for row, _ in naming.values()}
    others = reached_names(
        [replace(t, fields=tuple(r for r in t.fields if id(r) not in simple)) for t in tables]
    )
    result: list[FieldTable] = []
    notes: list[Diagnostic] = []
    for table in tables:
        # the line that names the table ("5: DistCp ... see Table 3") before a link's text
        found = sorted(table_names(table) & naming.keys(), key=lambda k: k.startswith("#"))
        if (
            not found
            or table.role is not TableRole.SCHEMA
            or table.section != body.section
            or table_names(table) & others
        ):
            result.append(table)
            continue
        row, line = naming[found[0]]
        result.append(replace(table, role=TableRole.REQUEST_VARIANT))
        unlinked.pop(table.key, None)
        notes.append(
            inference_note(
                table,
                row.name,
                f"field {row.name!r} of the request body names this table for one of its "
                f"values ({line!r}): it is the request body for that value, an "
                f"alternative to {body.caption or body.label or body.key!r}",
            )
        )
    return result, notes


_VALUE_LINE = re.compile(r"^\s*[\w.-]+\s*:\s*\S")
"""A line that documents one value of a field: "5: DistCp, importing and exporting data"."""


def _value_mentions(body: FieldTable) -> dict[str, tuple[FieldRow, str]]:
    """The tables (``#anchor``, ``table N``) that lines documenting one value of a
    simple-typed field of the body mention, with the field and the line. A field whose
    description names a table otherwise ("The policy as a string. See Table 1") carries
    that document; it names no body."""
    found: dict[str, tuple[FieldRow, str]] = {}
    for row in body.fields:
        if not _SIMPLE_TYPE.match(row.type_text.strip()):
            continue
        for line in row.description:
            if not _VALUE_LINE.match(line.text):
                continue
            for number in same_page_table_numbers(line.text, row.description_links, body.page):
                found.setdefault(f"table {number}", (row, line.text))
            for link in row.description_links:
                if link.fragment and link.page in ("", body.page) and link.text in line.text:
                    found.setdefault(f"#{link.fragment}", (row, line.text))
    return found


_MAP_WORD = re.compile(r"^(?:map|hashmap|dict|dictionary)$", re.I)


def place_map_values(
    tables: list[FieldTable], examples: Sequence[Example], unlinked: dict[str, str]
) -> tuple[list[FieldTable], list[Diagnostic]]:
    """A table that nothing reaches whose fields are, in the page's example, the members of
    the values of one field typed only "Map" (or of their items) of the same section: it
    describes those values. The field's type then says so (``Map<String,Object>`` or
    ``Map<String,Array of objects>``, as the example has them)."""
    result = list(tables)
    notes: list[Diagnostic] = []
    reached = reached_names(tables)
    for orphan in [t for t in tables if t.role is TableRole.SCHEMA]:
        if table_names(orphan) & reached:
            continue
        names = {row.name for row in orphan.fields}
        found = [
            (position, row, shape)
            for position, table in enumerate(result)
            if table.section == orphan.section and table is not orphan
            for row in table.fields
            if _MAP_WORD.match(row.type_text.strip()) and not row.type_links
            for shape in [_map_values(examples, row.name, names)]
            if shape
        ]
        if len(found) != 1:
            continue
        position, row, shape = found[0]
        owner = retype(result, position, row, shape, orphan, unlinked)
        notes.append(
            inference_note(
                orphan,
                row.name,
                f"no link names this table; the example has its fields in the values of map "
                f"{row.name!r} of {owner.caption or owner.label or owner.key!r}, so it "
                f"describes them ({shape})",
            )
        )
    return result, notes


def _map_values(examples: Sequence[Example], name: str, members: set[str]) -> str:
    """The type of map ``name`` whose values (or their items) the example shows with most
    of ``members`` as keys; ``""`` where no example does."""
    for example in examples:
        for holder in holders(example_value(example.text), name):
            value = holder[name]
            if not isinstance(value, dict) or not value:
                continue
            values = list(value.values())
            listed = all(isinstance(v, list) for v in values)
            items = [i for v in values for i in v] if listed else values
            if not items or not all(isinstance(i, dict) for i in items):
                continue
            keys = {k for item in items for k in item}
            if 2 * len(keys & members) > len(members):
                return "Map<String,Array of objects>" if listed else "Map<String,Object>"
    return ""


_VALUE_LABEL = re.compile(
    r"\(\s*(?:when\s+)?(?:the\s+)?(?P<field>[A-Za-z_][\w.-]*)\s+(?:parameter\s+|field\s+)?"
    r"is\s+(?:set\s+to\s+)?(?P<value>[\w.:/-]+)\s*\)",
    re.I,
)
"""A label naming one value of a field: "(methods is set to assume_role)"."""


def labelled_value(table: FieldTable) -> str:
    """The value of a field a table's label names ("... (methods is set to token)" →
    ``token``), or ""."""
    match = _VALUE_LABEL.search(table.caption or table.label)
    return match.group("value") if match else ""


def value_variants(tables: Sequence[FieldTable]) -> dict[str, str]:
    """Nested tables (by key) labelled for one value of a field, and the key of the table
    whose object they describe for that value: the one nested table of their section that
    lists the field and whose own label names no value."""
    labelled = {
        t.key: match
        for t in tables
        if (match := _VALUE_LABEL.search(t.caption or t.label)) is not None
    }
    found: dict[str, str] = {}
    for table in tables:
        match = labelled.get(table.key)
        if match is None or table.role is not TableRole.SCHEMA:
            continue
        field = match.group("field").rsplit(".", 1)[-1]
        parents = [
            t
            for t in tables
            if t.key not in labelled
            and t.role is TableRole.SCHEMA
            and t.section == table.section
            and any(row.name == field for row in t.fields)
        ]
        if len(parents) == 1:
            found[table.key] = parents[0].key
    return found


def _alternatives_said(tables: list[FieldTable], unlinked: dict[str, str]) -> list[Diagnostic]:
    parents = {t.key: t for t in tables}
    notes: list[Diagnostic] = []
    for key, parent in value_variants(tables).items():
        table = parents[key]
        unlinked.pop(key, None)
        owner = parents[parent]
        notes.append(
            inference_note(
                table,
                "",
                f"the label names a value of a field of {owner.caption or owner.label!r}: "
                "the table describes that object for that value, an alternative to it",
            )
        )
    return notes
