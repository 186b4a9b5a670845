"""A table of further request-body fields, offered in place of one field of the body.

"node_groups | Array | List of nodes. See Table 4. Note: You can select either this
parameter or the parameter listed in Table 5", where "Table 5 Node configuration
parameters" lists ``master_node_num``, ``core_node_size``...: no field's structure is that
table, and the request example "without using the node_groups parameter" gives its fields
beside those of the body. They are fields of the body; as the body's field offers them as
an alternative to itself, none is required. The table's rows move to the body (D108).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from doc2openapi.diagnostics import Diagnostic
from doc2openapi.scraper.links import same_page_table_numbers
from doc2openapi.scraper.model import Example, FieldRow, FieldTable, Requirement, TableRole
from doc2openapi.scraper.placement import example_value, inference_note, reached_names, table_names


def extend_body(
    tables: list[FieldTable], examples: Sequence[Example], unlinked: dict[str, str]
) -> tuple[list[FieldTable], list[Diagnostic]]:
    """The page's tables with each table of further body fields (see above) merged into the
    request body; ``unlinked`` loses the keys of the tables merged."""
    bodies = [t for t in tables if t.role is TableRole.REQUEST_BODY]
    if len(bodies) != 1:
        return tables, []
    body = bodies[0]
    for table in tables:
        if table.role is not TableRole.SCHEMA or table.section != body.section:
            continue
        row = _offering(body, table)
        if row is None or table_names(table) & _reached_but(tables, row):
            continue
        if not _beside_body(body, table, examples):
            continue
        unlinked.pop(table.key, None)
        moved = tuple(replace(r, requirement=Requirement.OPTIONAL) for r in table.fields)
        merged = replace(body, fields=(*body.fields, *moved))
        note = inference_note(
            table,
            row.name,
            f"field {row.name!r} of the request body offers this table in its place, and the "
            "request example gives its fields beside those of the body: they are fields of "
            "the body, none required",
        )
        result = [merged if t is body else t for t in tables if t is not table]
        return result, [note]
    return tables, []


def _reached_but(tables: Sequence[FieldTable], offering: FieldRow) -> set[str]:
    """What the page's fields point at, but for the offering field: a field whose Type
    cell links its structure points at nothing more by its description."""
    kept = [
        replace(t, fields=tuple(_type_only(r) for r in t.fields if r is not offering))
        for t in tables
    ]
    return reached_names(kept)


def _type_only(row: FieldRow) -> FieldRow:
    if not row.type_links:
        return row
    return replace(row, name_links=(), description_links=(), description=())


def _offering(body: FieldTable, table: FieldTable) -> FieldRow | None:
    """The one field of the body whose description names the table after another one (the
    field's own structure, "see Table 4. ... or the parameter listed in Table 5")."""
    names = table_names(table)
    found = []
    for row in body.fields:
        said = [f"#{k.fragment}" for k in row.description_links if k.page == body.page]
        text = " ".join(line.text for line in row.description)
        numbers = same_page_table_numbers(text, row.description_links, body.page)
        said.extend(f"table {n}" for n in numbers)
        if said and said[0] not in names and names & set(said[1:]):
            found.append(row)
    return found[0] if len(found) == 1 else None


def _beside_body(body: FieldTable, table: FieldTable, examples: Sequence[Example]) -> bool:
    """Whether a request example's object holds fields of the table beside fields of the
    body, and nothing that neither lists."""
    own = {r.name for r in body.fields}
    extra = {r.name for r in table.fields}
    for example in examples:
        value = example_value(example.text) if example.kind == "request" else None
        if not isinstance(value, dict):
            continue
        keys = set(value)
        if keys & own and keys & extra and keys <= own | extra:
            return True
    return False
