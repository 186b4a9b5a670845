"""Tables that state something of every operation of a service, on pages that document
no operation ("Constructing a Request", "Returned Values", "Error Codes").

Three kinds are read, each by what the page says of the table:

- **common headers**: a caption or labelling line naming *common* request or response
  headers ("Common request header fields", "Common response headers"). They are sent with,
  or answer, every request.
- **the error body**: a table named, by its caption, its section or its page, as the body
  of an error or exception response ("Error response elements" under "Error Response
  Syntax"; the only table of an "Exception Response" page). Every error response carries it;
  an XML sample before the table gives its element tree.
- **the parts of a URL template**: a table whose rows are the placeholders of a URL line
  written just before it (``{URI-scheme}://{Endpoint}/{resource-path}?{query-string}``).

Each table carries the groups of its page (its breadcrumbs): the table speaks for the
operations of the part of the service the page belongs to (see :mod:`doc2openapi.spec.common`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.scraper.model import (
    CodeBlock,
    FieldTable,
    Page,
    Paragraph,
    ServiceTable,
    ServiceTableKind,
    Table,
    TableTally,
    UrlPart,
)
from doc2openapi.scraper.request_syntax import xml_skeleton

_COMMON_HEADERS = re.compile(r"\bcommon\b.*\b(?:message\s+)?headers?\b", re.I)
_RESPONSE_WORD = re.compile(r"\brespon(?:se|ses|d)\b", re.I)
_ERROR_RESPONSE = re.compile(r"\b(?:error|exception)\s+(?:response|responses|body)\b", re.I)
"""Not "abnormal response": pages of task responses pair it with a normal one, and the
operations that answer so link them."""
_URL_LINE = re.compile(r"\S+\s*:\s*/\s*/\s*\S")
"""A line that writes a URL (``scheme://...``), spaces around its parts allowed."""
_WORDS = re.compile(r"[a-z0-9]+")


def service_table(
    page: Page, table: FieldTable, section_blocks: Sequence[object]
) -> ServiceTable | None:
    """The kind of service-wide statement ``table`` of a page without operations makes, if
    it makes one. ``section_blocks`` are the blocks of the table's section."""
    naming = table.caption or table.label
    groups = page.breadcrumbs
    if _COMMON_HEADERS.search(naming):
        response = _RESPONSE_WORD.search(naming) or _RESPONSE_WORD.search(table.section)
        kind = ServiceTableKind.RESPONSE_HEADERS if response else ServiceTableKind.REQUEST_HEADERS
        return ServiceTable(kind, table, groups)
    if any(_ERROR_RESPONSE.search(text) for text in (naming, table.section, page.title)):
        before = _blocks_before(section_blocks, table.key)
        samples = [b for b in before if isinstance(b, CodeBlock)]
        root = xml_skeleton(samples[-1].text) if samples else None
        return ServiceTable(ServiceTableKind.ERROR_BODY, table, groups, root)
    template = _url_template(_blocks_before(section_blocks, table.key))
    parts = url_parts(template, [row.name for row in table.fields]) if template else None
    if parts is not None:
        return ServiceTable(ServiceTableKind.URL_PARTS, table, groups, None, template, parts)
    return None


def _blocks_before(blocks: Sequence[object], key: str) -> list[object]:
    """The blocks of a section before the table ``key`` and after the table before it."""
    found: list[object] = []
    for block in blocks:
        if isinstance(block, Table):
            if block.key == key:
                return found
            found = []
        else:
            found.append(block)
    return []


def _url_template(blocks: Sequence[object]) -> str:
    """The last line before a table that writes a URL."""
    for block in reversed(blocks):
        if isinstance(block, Paragraph | CodeBlock) and _URL_LINE.search(block.text):
            return block.text
    return ""


_SEPARATOR = re.compile(r"\s*:\s*/\s*/\s*")
_BRACES = re.compile(r"\{[^{}]*\}")


def url_parts(template: str, names: Sequence[str]) -> tuple[UrlPart, ...] | None:
    """Where each name sits in the URL line: before ``://`` the scheme; then the host
    (which dot-separated label, or the port after a colon) up to the first ``/``; the path
    up to ``?``; the query. A name in square brackets is optional. None unless every name
    (two or more) is a part of the line (``Query string`` names ``{query-string}``)."""
    separator = _SEPARATOR.search(template)
    if separator is None or len(names) < 2:
        return None
    labels = _host_labels(template[separator.end() :])
    parts: list[UrlPart] = []
    for name in names:
        words = _WORDS.findall(name.lower())
        if not words:
            return None
        pattern = re.compile(r"(?<![a-z0-9])" + r"[\W_]+".join(words) + r"(?![a-z0-9])", re.I)
        found = [m.start() for m in pattern.finditer(template)]
        after = [at for at in found if at >= separator.end()]
        if after:
            parts.append(_part(template[separator.end() : after[0]], labels))
        elif any(at < separator.start() for at in found):
            parts.append(UrlPart("scheme"))
        else:
            return None
    return tuple(parts)


def _part(before: str, labels: int) -> UrlPart:
    """The part of the URL that starts after the text ``before`` (from ``://`` on)."""
    plain = _BRACES.sub("x", before)
    optional = plain.count("[") > plain.count("]")
    if "?" in plain:
        return UrlPart("query", optional=optional)
    if "/" in plain:
        return UrlPart("path", optional=optional)
    kind = "port" if ":" in plain.rsplit(".", 1)[-1] else "host"
    return UrlPart(kind, plain.count("."), labels, optional)


def _host_labels(rest: str) -> int:
    """The number of dot-separated labels of the host the URL line writes (a port aside)."""
    plain = re.split(r"[/?\s]", _BRACES.sub("x", rest).strip(), maxsplit=1)[0]
    return plain.split(":", 1)[0].count(".") + 1


def split_service_tables(
    page: Page, tables: Sequence[FieldTable]
) -> tuple[tuple[FieldTable, ...], tuple[ServiceTable, ...], TableTally, tuple[Diagnostic, ...]]:
    """The tables of a page without operations that other pages' links may reach, those
    that speak for every operation, and the rows set aside as no fields (the scheme, path
    and query of a URL template, see :func:`_url_grammar`) with what says them."""
    sections = {
        block.key: section.blocks
        for section in page.sections
        for block in section.blocks
        if isinstance(block, Table)
    }
    kept: list[FieldTable] = []
    common: list[ServiceTable] = []
    tally = TableTally()
    said: list[Diagnostic] = []
    for table in tables:
        found = service_table(page, table, sections.get(table.key, ()))
        if found is not None and found.kind is ServiceTableKind.ERROR_BODY:
            # the first table is the body; the tables after it are nested in it
            found = None if any(c.kind is found.kind for c in common) else found
        if found is not None and found.kind is ServiceTableKind.URL_PARTS:
            found, rows, note = _url_grammar(found)
            tally += TableTally(rows_not_fields=rows, tables_not_fields=1)
            said.append(note)
            if found is None:  # no row of the host: the whole table is set aside
                continue
        if found is None:
            kept.append(table)
        else:
            common.append(found)
    return tuple(kept), tuple(common), tally, tuple(said)


_GRAMMAR = ("scheme", "path", "query")


def _url_grammar(found: ServiceTable) -> tuple[ServiceTable | None, int, Diagnostic]:
    """A URL template's rows for its scheme, path and query are no field: every
    operation's server URL, path and parameters say them. Its host's rows stay, to
    describe the servers; the others are counted as rows of a table that lists no fields."""
    table = found.table
    pairs = list(zip(table.fields, found.parts, strict=True))
    host = [(row, part) for row, part in pairs if part.kind not in _GRAMMAR]
    grammar = [(row, part) for row, part in pairs if part.kind in _GRAMMAR]
    named = ", ".join(f"{row.name} ({part.kind})" for row, part in grammar)
    note = Diagnostic(
        Level.INFO,
        Code.TABLE_NOT_FIELDS,
        table.page,
        f"the parts of a URL template that are no field: {named}; each operation's server "
        f"URL, path and parameters say them; these {len(grammar)} rows are counted as rows "
        f"of tables that list no fields (table {table.key!r} of the page)",
        table.caption or table.key,
    )
    if not host:
        return None, len(grammar), note
    kept = replace(table, fields=tuple(row for row, _ in host))
    return replace(found, table=kept, parts=tuple(part for _, part in host)), len(grammar), note
