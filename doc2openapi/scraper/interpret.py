"""Page to :class:`ApiPage`: what the page documents, read by meaning.

Sections are recognised by their titles, table roles by the section they sit in together
with their caption, columns by their header names, and nested tables by the links that
reach them. Nothing here depends on a page's name.
"""

from __future__ import annotations

import enum
import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.scraper.bodies import request_example_keys, request_tables
from doc2openapi.scraper.links import label_subject, same_page_table_numbers
from doc2openapi.scraper.model import (
    ApiPage,
    Block,
    Cell,
    CodeBlock,
    Endpoint,
    Example,
    FieldRow,
    FieldTable,
    Link,
    Page,
    Paragraph,
    Requirement,
    Row,
    StatusCode,
    Table,
    TableRole,
)
from doc2openapi.scraper.placement import link_by_elimination, place_by_example
from doc2openapi.scraper.repair import realigned, repaired_name, repaired_target
from doc2openapi.scraper.request_syntax import apply_syntax, read_syntax
from doc2openapi.scraper.status import (
    ERROR_STATUS,
    is_error_label,
    is_status_table,
    listed_codes,
    mentions_code,
    stated_status,
    status_after,
    status_rows,
    unique_codes,
)
from doc2openapi.text_names import path_parameter_names

METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")
_URI_LINE = re.compile(
    r"^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)(?:\s+|(?=/))((?:[a-z]+:\s*/\s*)?"
    r"(?:\{(?:[^{}]|\{[^{}]*\})*\}|\S)+)\s*$"
)  # blanks inside braces, "GET/{x}" and "https: //" occur
_PATH_LINE = re.compile(r"^(?:PATH|URI)\s*:\s*(\S+)\s*$", re.I)
_METHOD_LINE = re.compile(r"^Method\s*:\s*([A-Z]+)\s*$", re.I)
_PARENTHESES = re.compile(r"\(.*?\)")
_HOST = re.compile(r"^[a-z]+://[^/]*", re.I)
_PATH_TEMPLATE = re.compile(r"/|(?:/(?:[^{}/\s]|\{[^{}/\s]+\})+)+")
"""A path of literal segments and ``{name}`` placeholders: nothing unbalanced, no blanks."""
_TEMPLATE_QUERY = re.compile(r"\{\?([^}]*)\}")


class SectionKind(enum.Enum):
    FUNCTION = "function"
    URI = "uri"
    REQUEST = "request"
    RESPONSE = "response"
    STATUS = "status"
    EXAMPLE_REQUEST = "example_request"
    EXAMPLE_RESPONSE = "example_response"
    EXAMPLE = "example"
    OTHER = "other"


@functools.lru_cache(maxsize=1024)
def section_kind(title: str) -> SectionKind:
    """Classify a section by its title ("Request Parameters", "Example Response (…)", …).
    (Remembered: a service repeats a few dozen titles on every page.)"""
    text = _PARENTHESES.sub("", title).strip().lower()
    if text in ("function", "function description", "description"):
        return SectionKind.FUNCTION
    if text in ("uri", "url", "request uri", "uri format"):
        return SectionKind.URI
    if text.startswith(("example request", "request example", "sample request")):
        return SectionKind.EXAMPLE_REQUEST
    if text.startswith(("example response", "response example", "sample response")):
        return SectionKind.EXAMPLE_RESPONSE
    if text in ("example", "examples", "sample", "samples"):
        return SectionKind.EXAMPLE
    if text.startswith(("request", "request parameter")):
        return SectionKind.REQUEST
    if text.startswith(("response", "response parameter")):
        return SectionKind.RESPONSE
    if text in ("returned values", "returned value", "status code", "status codes", "return codes"):
        return SectionKind.STATUS
    return SectionKind.OTHER


# ---------------------------------------------------------------------------- columns


@dataclass(frozen=True, slots=True)
class Columns:
    name: int
    requirement: int | None
    type: int | None
    description: int | None


_NAME_HEADERS = ("parameter", "name", "attribute", "field", "key", "element", "header")
_REQUIRED_HEADERS = (
    "mandatory",
    "required",
    "mandatory/optional",
    "optional/mandatory",
    "m/o",
    "mandatory or not",
    "mandatory (yes/no)",
)
_DESCRIPTION_HEADERS = ("description", "remarks", "meaning")


def columns_of(header: Sequence[str]) -> Columns | None:
    """Find the columns of a parameter table by their names; None when it is not one."""
    lowered = [_PARENTHESES.sub("", h).strip().lower() for h in header]  # "Mandatory (Yes/No)"

    def find(names: Iterable[str]) -> int | None:
        for index, text in enumerate(lowered):
            if text in names:
                return index
        return None

    name = find(_NAME_HEADERS)
    if name is None:
        return None
    return Columns(name, find(_REQUIRED_HEADERS), find(("type",)), find(_DESCRIPTION_HEADERS))


def _names_elements(header: Sequence[str], columns: Columns) -> bool:
    """An "Element" column: XML elements, where one name occurs under several parents."""
    return header[columns.name].strip().lower() == "element"


def _requirement(text: str) -> Requirement:
    word = text.strip().lower()
    leading = re.match(r"^(yes|no)\b", word)  # "No, but required when ... is present."
    if leading:
        word = leading.group(1)
    if word in ("yes", "mandatory", "required", "true", "y", "m"):
        return Requirement.REQUIRED
    if word in ("no", "optional", "false", "n", "o"):
        return Requirement.OPTIONAL
    return Requirement.UNSTATED


# ---------------------------------------------------------------------------- reading


@dataclass
class _Reader:
    page: Page
    diagnostics: list[Diagnostic] = field(default_factory=list)
    unlinked_bodies: dict[str, str] = field(default_factory=dict)

    def report(
        self, code: Code, detail: str, table: str = "", row: str = "", level: Level = Level.WARNING
    ) -> None:
        self.diagnostics.append(Diagnostic(level, code, self.page.key, detail, table, row))

    # -- endpoints

    def endpoints(self) -> list[Endpoint]:
        found: list[Endpoint] = []
        for section in self.page.sections:
            if section_kind(section.title) is not SectionKind.URI:
                continue
            method = ""
            for block in section.blocks:
                if not isinstance(block, (Paragraph, CodeBlock)):
                    continue
                for raw_line in block.text.splitlines():
                    line = raw_line.strip()
                    uri = _URI_LINE.match(line)
                    if uri:
                        found.append(parse_endpoint(uri.group(1), uri.group(2)))
                        continue
                    method_line = _METHOD_LINE.match(line)
                    if method_line and method_line.group(1).upper() in METHODS:
                        method = method_line.group(1).upper()
                        continue
                    path_line = _PATH_LINE.match(line)
                    if path_line:
                        found.append(parse_endpoint(method or "?", path_line.group(1)))
            found = [
                parse_endpoint(method, e.path, e.query) if e.method == "?" and method else e
                for e in found
            ]
        unique: list[Endpoint] = []
        for endpoint in found:
            if endpoint in unique:
                continue
            if endpoint.method not in METHODS:
                self.report(
                    Code.NO_URI,
                    f"path {endpoint.path!r} is given without a method; the operation is left out",
                    level=Level.ERROR,
                )
                continue
            if not _PATH_TEMPLATE.fullmatch(endpoint.path):
                self.report(
                    Code.NO_URI,
                    f"URI {endpoint.method} {endpoint.path!r} is not a well-formed path "
                    "template; the operation is left out",
                    level=Level.ERROR,
                )
                continue
            unique.append(endpoint)
        return [e for e in unique if not any(_instance_of(e, t) for t in unique if t is not e)]

    # -- tables

    def field_table(
        self, table: Table, section: str, role: TableRole, status: str, lead_text: str = ""
    ) -> FieldTable | None:
        columns = columns_of(table.header)
        label = table.caption or table.key
        if columns is None:
            return None
        fields: list[FieldRow] = []
        seen: set[str] = set()
        failed = 0
        for row in table.rows:
            field_row = self._field_row(row, columns, label)
            if field_row is None:
                failed += 1 if any(cell.text for cell in row.cells) else 0
                continue
            if field_row.name in seen and not _names_elements(table.header, columns):
                self.report(
                    Code.DUPLICATE_FIELD,
                    "the field is documented twice; the first is kept",
                    label,
                    field_row.name,
                )
                failed += 1
                continue
            seen.add(field_row.name)
            fields.append(field_row)
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

    def _field_row(self, row: Row, columns: Columns, label: str) -> FieldRow | None:
        cells = realigned(row.cells, columns.requirement, columns.type, columns.description)
        if columns.name >= len(cells):
            self.report(
                Code.ROW_SHORT, "the row has fewer cells than the header", label, str(row.number)
            )
            return None
        name = repaired_name(cells[columns.name].text)
        if not name or name in ("-", "N/A", "None"):
            if any(c.text for c in cells):
                self.report(
                    Code.ROW_NO_NAME, "a row without a parameter name", label, str(row.number)
                )
            return None
        requirement = Requirement.UNSTATED
        if columns.requirement is not None and columns.requirement < len(cells):
            requirement = _requirement(cells[columns.requirement].text)
            if requirement is Requirement.UNSTATED:
                self.report(
                    Code.REQUIRED_UNCLEAR,
                    f"Mandatory cell {cells[columns.requirement].text!r} is neither yes nor no",
                    label,
                    name,
                    Level.INFO,
                )
        type_cell = (
            cells[columns.type] if columns.type is not None and columns.type < len(cells) else None
        )
        description = (
            cells[columns.description]
            if columns.description is not None and columns.description < len(cells)
            else None
        )
        return FieldRow(
            name=name,
            requirement=requirement,
            type_text=type_cell.text if type_cell else _stated_type(description),
            type_links=tuple(x for x in type_cell.links if not x.external) if type_cell else (),
            description=description.lines if description else (),
            description_links=(
                tuple(x for x in description.links if not x.external) if description else ()
            ),
            row=row.number,
            name_links=_other_links(cells, columns),
        )


def _other_links(cells: Sequence[Cell], columns: Columns) -> tuple[Link, ...]:
    """The links of a row's cells other than its Type and Description cells."""
    skipped = (columns.type, columns.description)
    return tuple(
        link
        for index, cell in enumerate(cells)
        if index not in skipped
        for link in cell.links
        if not link.external
    )


_TYPE_LINE = re.compile(r"^Type\s*:\s*([^\s,.;(][^,.;(]*?)\s*(?:[,.;(]|$)", re.I)
"""``Type: string, which must be a UTC time``: the type word, not the sentence after it."""


def _stated_type(description: Cell | None) -> str:
    """The type a table without a Type column states in the description ("Type: integer")."""
    for line in description.lines if description else ():
        match = _TYPE_LINE.match(line.text.strip())
        if match:
            return match.group(1)
    return ""


def _instance_of(example: Endpoint, template: Endpoint) -> bool:
    """True when ``example`` is ``template`` with its placeholders filled in (a sample URI
    written next to the URI it illustrates)."""
    if example.method != template.method or "{" not in template.path:
        return False
    if "{" in example.path:
        return False
    pattern = re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(template.path))
    return re.fullmatch(pattern, example.path) is not None


def parse_endpoint(method: str, target: str, query: tuple[str, ...] = ()) -> Endpoint:
    """Split ``https://{Endpoint}/v1/{p}/x?a={a}`` into method, path and query names."""
    path = _HOST.sub("", repaired_target(target))
    names = list(query)
    for template in _TEMPLATE_QUERY.findall(path):
        names.extend(n.strip() for n in template.split(",") if n.strip())
    path = _TEMPLATE_QUERY.sub("", path)
    path, _, query_text = path.partition("?")
    for pair in query_text.split("&"):
        key = pair.partition("=")[0].strip()
        if key and key not in names:
            names.append(key)
    if not path.startswith("/"):
        path = "/" + path
    if len(path) > 1:
        path = path.rstrip("/")
    return Endpoint(method.upper(), path, tuple(names))


# ---------------------------------------------------------------------------- roles


_CAPTION_WORD = {
    word: re.compile(rf"(?:^|[\s(/-]){word}s?\b") for word in ("header", "query", "path")
}


def _caption_role(caption: str, kind: SectionKind) -> TableRole | None:
    """The role a caption states in words ("Request header parameters", "Query
    Parameters"); a schema name that merely contains such a word (``InsertHeaders``) states
    none."""
    text = caption.lower()
    if _CAPTION_WORD["header"].search(text):
        return TableRole.HEADER if kind is not SectionKind.RESPONSE else TableRole.UNPLACED
    if _CAPTION_WORD["query"].search(text):
        return TableRole.QUERY
    if _CAPTION_WORD["path"].search(text) and "parameter" in text:
        return TableRole.PATH
    return None


def _references(table: Table, page_key: str) -> set[str]:
    """Anchors, ``Table N`` numbers and field names by which a table points at others."""
    targets: set[str] = set()
    columns = columns_of(table.header)
    for row in table.rows:
        for cell in row.cells:
            for link in cell.links:
                if link.fragment:
                    targets.add(f"#{link.page}#{link.fragment}")
            for number in same_page_table_numbers(cell.text, cell.links, page_key):
                targets.add(f"table {number}")
        if columns is not None and columns.name < len(row.cells):
            targets.add(f"field {row.cells[columns.name].text.strip()}")
    return targets


@dataclass(frozen=True, slots=True)
class _OtherReferences:
    """The references made by the other tables of a page (a table's links to itself do
    not make it nested), without building one set per table."""

    counts: Counter[str]
    own: set[str]

    def __contains__(self, reference: object) -> bool:
        return self.counts.get(str(reference), 0) > (1 if reference in self.own else 0)


def _is_referenced(table: Table, label: str, page_key: str, references: _OtherReferences) -> bool:
    if table.number and f"table {table.number}" in references:
        return True
    subject = label_subject(table.caption) or label_subject(label)
    if subject and f"field {subject}" in references:
        return True
    anchors = (*table.anchors, *table.lead_anchors)
    return any(f"#{page_key}#{anchor}" in references for anchor in anchors)


@dataclass(frozen=True, slots=True)
class _Placed:
    table: Table
    section: str
    kind: SectionKind
    status: str
    label: str
    """The paragraph just before a table without a caption (``""`` where none is)."""


_LABEL_LENGTH = 120
"""Longer paragraphs before a table are prose, not its label."""


def _place_tables(page: Page) -> list[_Placed]:
    """Each table with the section it sits in, the status code stated before it (an error
    body without a code: ``default``) and the paragraph that labels it."""
    placed: list[_Placed] = []
    for section in page.sections:
        kind = section_kind(section.title)
        status = ""
        previous: Block | None = None
        for block in section.blocks:
            if isinstance(block, Paragraph):
                status = status_after(block.text, status)
            elif isinstance(block, Table):
                label = ""
                if isinstance(previous, Paragraph) and not block.caption:
                    label = previous.text if len(previous.text) <= _LABEL_LENGTH else ""
                table_status = status
                if is_error_label(block.caption) and not table_status.startswith(("4", "5")):
                    table_status = ERROR_STATUS
                placed.append(_Placed(block, section.title, kind, table_status, label))
            previous = block
    return placed


def read_api_page(page: Page) -> tuple[ApiPage | None, tuple[Diagnostic, ...]]:
    """The API a page documents, or None for a page that documents no operation and what
    is wrong with the URIs it gives (a malformed path template, say), as they are reported
    although the page is no API page."""
    reader = _Reader(page)
    endpoints = reader.endpoints()
    syntax = read_syntax(page) if not endpoints else None
    if syntax is not None:
        endpoints = syntax.endpoints
    if not endpoints:
        return None, tuple(reader.diagnostics)
    placed = _place_tables(page)
    references_of = {id(item.table): _references(item.table, page.key) for item in placed}
    reference_counts = Counter(ref for refs in references_of.values() for ref in refs)
    tables: list[FieldTable] = []
    status_codes: list[StatusCode] = []
    roots: dict[tuple[TableRole, str], str] = {}
    earlier: Counter[str] = Counter()
    for item in placed:
        table = item.table
        label = table.caption or table.key
        if is_status_table(table.header):
            codes, unread = status_rows(table, page.key)
            status_codes.extend(codes)
            reader.diagnostics.extend(unread)
            continue
        references = _OtherReferences(reference_counts, references_of[id(table)])
        role = _role(item, page.key, references)
        if role is TableRole.SCHEMA and _cycle_root(item, page.key, earlier, roots):
            role = _BODY_OF[item.kind]
        earlier.update(references_of[id(table)])
        field_table = reader.field_table(table, item.section, role, item.status, item.label)
        if field_table is None:
            reader.report(
                Code.TABLE_UNPLACED, "a table without a parameter column", label, level=Level.INFO
            )
            continue
        if role in (TableRole.REQUEST_BODY, TableRole.RESPONSE_BODY):
            slot = (role, item.status)
            if slot in roots:
                field_table = replace(field_table, role=TableRole.SCHEMA)
                reader.unlinked_bodies[field_table.key] = (
                    f"a second body table in {item.section!r} that no field links to; "
                    f"read as a nested table, not as the body (the body is {roots[slot]!r})"
                )
            else:
                roots[slot] = label
        tables.append(field_table)
    tables, notes = link_by_elimination(tables, reader.unlinked_bodies)
    examples = _examples(page)
    tables, placed_notes = place_by_example(tables, examples, reader.unlinked_bodies)
    reader.diagnostics.extend((*notes, *placed_notes))
    tables = request_tables(tables, endpoints, examples)
    tables = _body_from_uri_table(tables, endpoints, examples, reader)
    for placed_table in tables:
        if placed_table.key in reader.unlinked_bodies:
            reader.report(
                Code.TABLE_UNPLACED,
                reader.unlinked_bodies[placed_table.key],
                placed_table.caption or placed_table.key,
            )
    status_codes.extend(_status_paragraphs(page, reader))
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
    )
    if syntax is not None:
        api = apply_syntax(api, syntax)
    return api, ()  # its diagnostics are the API page's own


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
        if table.role is not TableRole.PATH or _caption_role(table.caption, SectionKind.URI):
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


_BODY_OF = {
    SectionKind.REQUEST: TableRole.REQUEST_BODY,
    SectionKind.RESPONSE: TableRole.RESPONSE_BODY,
}


def _cycle_root(
    item: _Placed, page_key: str, earlier: Counter[str], roots: dict[tuple[TableRole, str], str]
) -> bool:
    """A request or response table that only tables after it refer to, in a section with
    no body yet, is the body of a recursive structure (a job whose ``subJobs`` are jobs)."""
    body = _BODY_OF.get(item.kind)
    if body is None or (body, item.status) in roots:
        return False
    return not _is_referenced(item.table, item.label, page_key, _OtherReferences(earlier, set()))


def _role(item: _Placed, page_key: str, references: _OtherReferences) -> TableRole:
    by_caption = _caption_role(item.table.caption or item.label, item.kind)
    if by_caption is TableRole.UNPLACED and item.kind is SectionKind.RESPONSE:
        return TableRole.RESPONSE_HEADER
    if item.kind is SectionKind.URI:
        return by_caption or TableRole.PATH
    if by_caption is not None and item.kind is SectionKind.REQUEST:
        return by_caption
    if _is_referenced(item.table, item.label, page_key, references):
        return TableRole.SCHEMA
    if item.kind is SectionKind.REQUEST:
        return TableRole.REQUEST_BODY
    if item.kind is SectionKind.RESPONSE:
        return by_caption or TableRole.RESPONSE_BODY
    return TableRole.UNPLACED


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
    """Links to other pages from response sections without a table of their own."""
    found: list[Link] = []
    for section in page.sections:
        if section_kind(section.title) is not SectionKind.RESPONSE:
            continue
        if any(isinstance(b, Table) for b in section.blocks):
            continue
        for block in section.blocks:
            if isinstance(block, Paragraph):
                found.extend(k for k in block.links if k.page and k.page != page.key)
    return tuple(found)


def _examples(page: Page) -> list[Example]:
    examples: list[Example] = []
    for section in page.sections:
        kind = section_kind(section.title)
        if kind not in (
            SectionKind.EXAMPLE_REQUEST,
            SectionKind.EXAMPLE_RESPONSE,
            SectionKind.EXAMPLE,
            SectionKind.REQUEST,
            SectionKind.RESPONSE,
        ):
            continue
        status = ""
        title = ""
        for block in section.blocks:
            if isinstance(block, Paragraph):
                title = title if stated_status(block.text) else block.text
                status = status_after(block.text, status)
            elif isinstance(block, CodeBlock):
                example_kind = _example_kind(kind, block.text, title)
                if example_kind:
                    examples.append(Example(example_kind, status, block.text, title))
    return examples


def _example_kind(kind: SectionKind, text: str, title: str = "") -> str:
    """Request or response: by the section, else by the title just before the example
    ("Example request"), else by its first word (a method starts a request)."""
    stripped = text.lstrip()
    if kind in (SectionKind.EXAMPLE_REQUEST, SectionKind.REQUEST):
        return "request"
    if kind in (SectionKind.EXAMPLE_RESPONSE, SectionKind.RESPONSE):
        return "response"
    by_title = section_kind(title)
    if by_title in (SectionKind.EXAMPLE_REQUEST, SectionKind.EXAMPLE_RESPONSE):
        return "request" if by_title is SectionKind.EXAMPLE_REQUEST else "response"
    return "request" if stripped.split(" ", 1)[0] in METHODS else "response"


def schema_tables(page: Page) -> list[FieldTable]:
    """Parameter tables of a page that documents no operation (for example a page of data
    structures): they are reachable from other pages' links."""
    reader = _Reader(page)
    found: list[FieldTable] = []
    for item in _place_tables(page):
        table = reader.field_table(
            item.table, item.section, TableRole.SCHEMA, item.status, item.label
        )
        if table is not None:
            found.append(table)
    return found
