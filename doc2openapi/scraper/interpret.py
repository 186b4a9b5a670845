"""Page to :class:`ApiPage`: what the page documents, read by meaning.

Sections are recognised by their titles, table roles by the section they sit in together
with their caption, columns by their header names, and nested tables by the links that
reach them. Nothing here depends on a page's name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.scraper.bodies import raw_file_body, request_example_keys, request_tables
from doc2openapi.scraper.body_forms import SECOND_BODY
from doc2openapi.scraper.captions import place_unlinked
from doc2openapi.scraper.columns import NoFields, columns_of, exported_names, lists_no_fields
from doc2openapi.scraper.credentials import authenticates
from doc2openapi.scraper.endpoints import read_endpoints, titled_example_endpoints
from doc2openapi.scraper.error_rows import split_error_rows
from doc2openapi.scraper.field_rows import each_name, names_elements, read_field_row
from doc2openapi.scraper.key_value_maps import maps_by_example
from doc2openapi.scraper.model import (
    ApiPage,
    Block,
    Endpoint,
    Example,
    FieldRow,
    FieldTable,
    Link,
    Page,
    Paragraph,
    StatusCode,
    Table,
    TableRole,
    TableTally,
)
from doc2openapi.scraper.nesting import nest_by_example
from doc2openapi.scraper.page_examples import page_examples
from doc2openapi.scraper.request_syntax import apply_syntax, read_syntax
from doc2openapi.scraper.section_titles import SectionKind, section_kind
from doc2openapi.scraper.slips import redirect_misdirected
from doc2openapi.scraper.status import (
    ERROR_STATUS,
    is_status_table,
    listed_codes,
    mentions_code,
    stated_status,
    status_after,
    status_rows,
    unique_codes,
)
from doc2openapi.scraper.status_pages import status_links
from doc2openapi.scraper.table_roles import (
    BODY_OF,
    OtherReferences,
    caption_role,
    cycle_root,
    place_tables,
    references_of_table,
    table_role,
)
from doc2openapi.text_names import path_parameter_names

# ---------------------------------------------------------------------------- reading

_VALUE_ROLES = (TableRole.REQUEST_BODY, TableRole.RESPONSE_BODY, TableRole.SCHEMA)
"""Tables of a value, which a row without a name may give whole (not of parameters)."""


@dataclass
class _Reader:
    page: Page
    diagnostics: list[Diagnostic] = field(default_factory=list)
    unlinked_bodies: dict[str, str] = field(default_factory=dict)
    tally: TableTally = field(default_factory=TableTally)
    exported: frozenset[str] = frozenset()
    """Environment variables the page's shell lines set (``export NAME=...``)."""
    elements: set[str] = field(default_factory=set)
    """Keys of the tables that list XML elements (see ``names_elements``)."""

    def __post_init__(self) -> None:
        headers = sum(1 for table in self.page.tables() if table.header_from_cells)
        self.tally = TableTally(header_rows=headers)
        self.exported = exported_names(
            b.text for s in self.page.sections for b in s.blocks if not isinstance(b, Table)
        )

    def report(
        self, code: Code, detail: str, table: str = "", row: str = "", level: Level = Level.WARNING
    ) -> None:
        self.diagnostics.append(Diagnostic(level, code, self.page.key, detail, table, row))

    # -- tables

    def set_aside(
        self, table: Table, label: str, status_codes: list[StatusCode], text_before: str = ""
    ) -> bool:
        """Read a table of an API page that lists no fields: status codes (into
        ``status_codes``) or a table counted and said as one (see :meth:`not_fields`)."""
        if is_status_table(table.header):
            codes, unread = status_rows(table, self.page.key)
            status_codes.extend(codes)
            self.diagnostics.extend(unread)
            self.tally += TableTally(status_rows=len(table.rows))
            return True
        reason = lists_no_fields(table, label, text_before, self.exported)
        if reason is not None:
            self.not_fields(table, reason)
        return reason is not None

    def not_fields(self, table: Table, reason: NoFields) -> None:
        """A table that lists no fields: its rows are counted apart, and it is said (with
        its key: two tables of one caption are two diagnostics)."""
        rows = len(table.rows)
        self.tally += TableTally(rows_not_fields=rows, tables_not_fields=1)
        self.report(
            Code.TABLE_NOT_FIELDS,
            f"a table that lists no fields: {reason}; its {rows} rows are counted as "
            f"rows of tables that list no fields (table {table.key!r} of the page)",
            table.caption or table.key,
            level=Level.INFO,
        )

    def without_duplicates(self, tables: list[FieldTable]) -> list[FieldTable]:
        """Tables with a field named twice at one level kept once (the first), the other
        said and counted as failed. Checked once flat tables are nested by their example:
        "version" of the top level and "version" inside it are two fields, not one twice.
        A table of XML elements, where one name occurs under several parents, keeps all."""
        result: list[FieldTable] = []
        for table in tables:
            seen: set[str] = set()
            kept: list[FieldRow] = []
            for row in table.fields:
                if row.name not in seen or table.key in self.elements:
                    seen.add(row.name)
                    kept.append(row)
                    continue
                label = table.caption or table.key
                detail = "the field is documented twice; the first is kept"
                self.report(Code.DUPLICATE_FIELD, detail, label, row.name)
            failed = table.failed_rows + len(table.fields) - len(kept)
            result.append(replace(table, fields=tuple(kept), failed_rows=failed))
        return result

    def field_table(
        self, table: Table, section: str, role: TableRole, status: str, lead_text: str = ""
    ) -> FieldTable | None:
        columns = columns_of(table.header)
        label = table.caption or table.key
        if columns is None:
            return None
        fields: list[FieldRow] = []
        failed = 0
        if names_elements(table, columns):
            self.elements.add(table.key)
        alone = role in _VALUE_ROLES and sum(any(c.text for c in r.cells) for r in table.rows) == 1
        for row in table.rows:
            field_row = read_field_row(row, columns, label, self.report, alone)
            if field_row is None:
                if any(cell.text for cell in row.cells):
                    failed += 1
                else:
                    self.tally += TableTally(blank_rows=1)
                continue
            each = each_name(field_row, row.cells[columns.name])
            self.tally += TableTally(fields_not_rows=len(each) - 1)
            fields.extend(each)
        return FieldTable(
            self.page.key,
            table.key,
            table.anchors,
            table.number,
            table.caption,
            section,
            role,
            status,
            tuple(fields),
            failed,
            table.section_anchors,
            table.lead_anchors,
            lead_text,
        )


def read_api_page(page: Page) -> tuple[ApiPage | None, tuple[Diagnostic, ...]]:
    """The API a page documents, or None for a page that documents no operation and what
    is wrong with the URIs it gives (a malformed path template, say), as they are reported
    although the page is no API page."""
    reader = _Reader(page)
    endpoints = read_endpoints(page, reader.report)
    syntax = read_syntax(page) if not endpoints else None
    if syntax is not None:
        endpoints = syntax.endpoints
    endpoints = endpoints or _from_titled_example(page, reader)
    if not endpoints:
        return None, tuple(reader.diagnostics)
    tables, status_codes = _field_tables(page, reader)
    examples = page_examples(page)
    tables = _placed_by_examples(tables, endpoints, examples, reader)
    status_codes.extend(_status_paragraphs(page, reader))
    added = sum(1 for table in tables for row in table.fields if row.row == 0)
    reader.tally += TableTally(fields_not_rows=added)
    api = ApiPage(
        page=page.key,
        format=page.format,
        title=page.title,
        operation_anchor=page.topic_anchor,
        description=_function_text(page),
        breadcrumbs=page.breadcrumbs,
        endpoints=tuple(endpoints),
        tables=tuple(tables),
        status_codes=tuple(unique_codes(status_codes)),
        examples=tuple(examples),
        response_none=_response_none(page),
        diagnostics=tuple(reader.diagnostics),
        response_links=_response_links(page),
        tally=reader.tally,
        status_links=status_links(page),
    )
    if syntax is not None:
        api = apply_syntax(api, syntax)
    return _with_unlinked_notes(api, reader.unlinked_bodies), ()  # the page's own diagnostics


def _field_tables(page: Page, reader: _Reader) -> tuple[list[FieldTable], list[StatusCode]]:
    """The page's field tables, each in its role (one body per role and status; a second
    that no field links to is read as a nested table), and the codes of its status tables."""
    placed = place_tables(page)
    references_of = {id(item.table): references_of_table(item.table, page.key) for item in placed}
    reference_counts = Counter(ref for refs in references_of.values() for ref in refs)
    tables: list[FieldTable] = []
    status_codes: list[StatusCode] = []
    roots: dict[tuple[TableRole, str], str] = {}
    earlier: Counter[str] = Counter()
    for item in placed:
        table = item.table
        label = table.caption or table.key
        if reader.set_aside(table, item.label, status_codes, item.text_before):
            continue
        references = OtherReferences(reference_counts, references_of[id(table)])
        role = table_role(item, page.key, references)
        if role is TableRole.SCHEMA and cycle_root(item, page.key, earlier, roots):
            role = BODY_OF[item.kind]
        earlier.update(references_of[id(table)])
        field_table = _error_rows_apart(
            reader.field_table(table, item.section, role, item.status, item.label),
            tables,
            roots,
            reader,
        )
        if field_table is None:  # lists_no_fields said why above, or all rows are the error's
            continue
        if role in (TableRole.REQUEST_BODY, TableRole.RESPONSE_BODY):
            slot = (role, item.status)
            if slot in roots:
                field_table = replace(field_table, role=TableRole.SCHEMA)
                reader.unlinked_bodies[field_table.key] = (
                    f"{SECOND_BODY}{item.section!r} that no field links to; "
                    f"read as a nested table, not as the body (the body is {roots[slot]!r})"
                )
            else:
                roots[slot] = label
        tables.append(field_table)
    return tables, status_codes


def _placed_by_examples(
    tables: list[FieldTable],
    endpoints: list[Endpoint],
    examples: list[Example],
    reader: _Reader,
) -> list[FieldTable]:
    """The page's tables as its examples place them: an unlinked body table where an
    example holds its fields, nested and map tables, the request's tables and a file body."""
    tables, notes = place_unlinked(tables, examples, reader.unlinked_bodies)
    tables, nested_notes = nest_by_example(tables, examples)
    tables, map_notes = maps_by_example(tables, examples)
    reader.diagnostics.extend((*notes, *nested_notes, *map_notes))
    tables = request_tables(reader.without_duplicates(tables), endpoints, examples)
    tables, file_notes = raw_file_body(tables, examples)
    reader.diagnostics.extend(file_notes)
    return _body_from_uri_table(tables, endpoints, examples, reader)


def _error_rows_apart(
    table: FieldTable | None,
    tables: list[FieldTable],
    roots: dict[tuple[TableRole, str], str],
    reader: _Reader,
) -> FieldTable | None:
    """A success body table's error envelope row becomes the page's error body (where the
    page has none yet): see ``error_rows``. The rest of the table, if any, is returned."""
    slot = (TableRole.RESPONSE_BODY, ERROR_STATUS)
    if table is None or table.role is not TableRole.RESPONSE_BODY or table.status:
        return table
    if slot in roots:
        return table
    success, error = split_error_rows(table)
    if error is not None:
        roots[slot] = error.caption or error.key
        tables.append(error)
        names = ", ".join(row.name for row in error.fields)
        reader.report(
            Code.TABLE_INFERRED,
            f"{names}: returned if an error occurs, so the error body, not a member of the "
            "success body",
            table.caption or table.key,
            names,
            Level.INFO,
        )
    return success


def _from_titled_example(page: Page, reader: _Reader) -> list[Endpoint]:
    """A page without a URI section: its example request labelled with its title."""
    endpoints = titled_example_endpoints(page)
    for endpoint in endpoints:
        reader.report(
            Code.NO_URI,
            f"the page has no URI section; its operation {endpoint.method} {endpoint.path} "
            "is read from the example request labelled with the page's title",
            level=Level.INFO,
        )
    return endpoints


def _with_unlinked_notes(api: ApiPage, unlinked: dict[str, str]) -> ApiPage:
    """Second body tables read as nested tables that no field links to are said, unless
    the page's syntax makes them part of the body (an XML body's element tables)."""
    notes = tuple(
        Diagnostic(
            Level.WARNING, Code.TABLE_UNPLACED, api.page, unlinked[t.key], t.caption or t.key
        )
        for t in api.tables
        if t.key in unlinked and t.role is TableRole.SCHEMA
    )
    return replace(api, diagnostics=(*api.diagnostics, *notes)) if notes else api


_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def _body_from_uri_table(
    tables: list[FieldTable],
    endpoints: Sequence[Endpoint],
    examples: Sequence[Example],
    reader: _Reader,
) -> list[FieldTable]:
    """Older pages of a POST/PUT list the body fields in the URI section's one parameter
    table, beside the path parameters. Rows of such a table that are neither in the path
    nor in the query become the request body, when the page has no body table and its
    request example (if any) uses them."""
    if any(t.role is TableRole.REQUEST_BODY for t in tables):
        return tables
    if not endpoints or any(e.method not in _BODY_METHODS for e in endpoints):
        return tables
    in_uri = {n for e in endpoints for n in path_parameter_names(e.path)}
    in_uri |= {n for e in endpoints for n in e.query}
    example_keys = request_example_keys(examples)
    result: list[FieldTable] = []
    for table in tables:
        if table.role is not TableRole.PATH or caption_role(table.caption, SectionKind.URI):
            result.append(table)
            continue
        body = tuple(r for r in table.fields if r.name not in in_uri)
        if not body or (example_keys is not None and not example_keys & {r.name for r in body}):
            result.append(table)
            continue
        result.append(replace(table, fields=tuple(r for r in table.fields if r.name in in_uri)))
        result.append(
            replace(
                table,
                key=f"{table.key}-body",
                anchors=(),
                number="",
                role=TableRole.REQUEST_BODY,
                fields=body,
                failed_rows=0,
            )
        )
        reader.report(
            Code.TABLE_UNPLACED,
            f"{len(body)} fields of this URI table are neither in the path nor in "
            "the query: they are read as the request body",
            table.caption or table.key,
            level=Level.INFO,
        )
    return result


def _status_paragraphs(page: Page, reader: _Reader) -> list[StatusCode]:
    """Codes listed in status sections, and "Status code: NNN" lines anywhere."""
    codes: list[StatusCode] = []
    for section in page.sections:
        in_status = section_kind(section.title) is SectionKind.STATUS
        for block in section.blocks:
            if not isinstance(block, Paragraph):
                continue
            if not in_status:
                if stated := stated_status(block.text):
                    codes.append(StatusCode(stated, ""))
                continue
            found = listed_codes(block.text)
            codes.extend(found)
            if not found and mentions_code(block.text):
                reader.report(
                    Code.STATUS_CODE_UNREAD,
                    f"a line of {section.title!r} mentions a status code that is not read as "
                    f"one of the operation's: {block.text[:120]!r}",
                    level=Level.INFO,
                )
    return codes


def _function_text(page: Page) -> str:
    for section in page.sections:
        if section_kind(section.title) is SectionKind.FUNCTION:
            return "\n\n".join(b.text for b in section.blocks if isinstance(b, Paragraph))
    return ""


def _response_none(page: Page) -> bool:
    for section in page.sections:
        if section_kind(section.title) is not SectionKind.RESPONSE:
            continue
        blocks: Sequence[Block] = section.blocks
        if any(isinstance(b, Table) for b in blocks):
            return False
        if any(
            isinstance(b, Paragraph) and b.text.strip().rstrip(".").lower() == "none"
            for b in blocks
        ):
            return True
    return False


def _response_links(page: Page) -> tuple[Link, ...]:
    """Links to other pages from response sections: every link of a section without a
    table of its own; in a section with tables (the success body), the links under an
    error label ("Abnormal response: see Abnormal Request Results"), which mean the error
    body only."""
    found: list[Link] = []
    for section in page.sections:
        if section_kind(section.title) is not SectionKind.RESPONSE:
            continue
        tabled = any(isinstance(b, Table) for b in section.blocks)
        status = ""
        for block in section.blocks:
            if not isinstance(block, Paragraph):
                continue
            status = status_after(block.text, status)
            if not tabled or status == ERROR_STATUS:
                found.extend(k for k in block.links if k.page and k.page != page.key)
    return tuple(found)


def schema_tables(page: Page) -> tuple[list[FieldTable], TableTally, tuple[Diagnostic, ...]]:
    """Parameter tables of a page that documents no operation (for example a page of data
    structures): they are reachable from other pages' links. A status-code table ("Status
    Code | Name | Description" of an appendix) lists codes, not fields: like every table
    that lists no fields, its rows are counted in the tally and it is said. The notes say which
    links were read as slips (see :func:`redirect_misdirected`)."""
    reader = _Reader(page)
    found: list[FieldTable] = []
    for item in place_tables(page):
        reason = lists_no_fields(item.table, item.label, item.text_before, reader.exported)
        if reason is not None:
            reader.not_fields(item.table, reason)
            continue
        table = reader.field_table(
            item.table, item.section, TableRole.SCHEMA, item.status, item.label
        )
        if table is not None and authenticates(page, table, item.text_before):
            table = replace(table, role=TableRole.CREDENTIALS)
        if table is not None:
            found.append(table)
    tables, notes = redirect_misdirected(reader.without_duplicates(found))
    return tables, reader.tally, (*reader.diagnostics, *notes)
