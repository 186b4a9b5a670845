"""Which request tables are a body.

A GET or HEAD request has no body: a parameter table in its request section lists query
parameters (or headers). A DELETE has a body only where the page's request example shows
one. A table whose every row is an HTTP header name (``X-Auth-Token``, ``Content-Type``)
lists headers, whatever the method. A body table whose one row is a file, where the page's
request example sends the body as ``application/octet-stream``, documents the whole body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from doc2openapi.diagnostics import Diagnostic
from doc2openapi.scraper.field_rows import WHOLE_VALUE
from doc2openapi.scraper.model import Endpoint, Example, FieldTable, TableRole
from doc2openapi.scraper.placement import inference_note

_NO_BODY_METHODS = frozenset({"GET", "HEAD"})
_HEADER_NAME = re.compile(r"^(?:X-[A-Za-z0-9-]+|[A-Z][a-z0-9]*(?:-[A-Z][A-Za-z0-9]*)+)$")
_PLAIN_HEADERS = frozenset({"Accept", "Authorization", "Host", "Cookie", "Range", "Origin"})
"""Header names written as headers are (a body field ``accept`` is no header)."""
_JSON_KEY = re.compile(r'"([^"\\]+)"\s*:')
_OCTET_STREAM = re.compile(r"\bcontent-type\s*:\s*application/octet-stream\b", re.I)
_FILE_TYPES = frozenset({"file", "binary"})


def request_example_keys(examples: Sequence[Example]) -> set[str] | None:
    """The keys the page's request examples name (at any depth, read from the text: an
    example that is not valid JSON still names its keys); None when none gives a body."""
    found: set[str] | None = None
    for example in examples:
        if example.kind == "request" and "{" in example.text:
            found = (found or set()) | set(_JSON_KEY.findall(example.text))
    return found


def is_header_name(name: str) -> bool:
    return bool(_HEADER_NAME.match(name)) or name in _PLAIN_HEADERS


def _has_body(endpoints: Sequence[Endpoint], table: FieldTable, keys: set[str] | None) -> bool:
    methods = {e.method for e in endpoints}
    if methods & _NO_BODY_METHODS or not methods:
        return False
    if methods == {"DELETE"}:
        return keys is not None and bool(keys & {row.name for row in table.fields})
    return True


def request_tables(
    tables: Sequence[FieldTable], endpoints: Sequence[Endpoint], examples: Sequence[Example]
) -> list[FieldTable]:
    """``tables`` with the request-body tables that cannot be a body read as header or
    query parameters."""
    keys = request_example_keys(examples)
    return [_read_role(table, endpoints, keys) for table in tables]


def _read_role(
    table: FieldTable, endpoints: Sequence[Endpoint], keys: set[str] | None
) -> FieldTable:
    if table.role is not TableRole.REQUEST_BODY or not table.fields:
        return table
    if all(is_header_name(row.name) for row in table.fields):
        return replace(table, role=TableRole.HEADER)
    if not _has_body(endpoints, table, keys):
        return replace(table, role=TableRole.QUERY)
    return table


def raw_file_body(
    tables: Sequence[FieldTable], examples: Sequence[Example]
) -> tuple[list[FieldTable], list[Diagnostic]]:
    """``tables`` with a body that is one file sent as it is: the request body table's one
    row is a file and a request example sends the body as ``application/octet-stream``
    (``curl ... -H "Content-Type:application/octet-stream" -T disk.qcow2``): the row names
    no form field, it is the whole body (:data:`WHOLE_VALUE`), reported (D108)."""
    if not any(e.kind == "request" and _OCTET_STREAM.search(e.text) for e in examples):
        return list(tables), []
    result: list[FieldTable] = []
    notes: list[Diagnostic] = []
    for table in tables:
        row = table.fields[0] if len(table.fields) == 1 else None
        if (
            table.role is not TableRole.REQUEST_BODY
            or row is None
            or row.type_text.strip().lower() not in _FILE_TYPES
        ):
            result.append(table)
            continue
        result.append(replace(table, fields=(replace(row, name=WHOLE_VALUE),)))
        notes.append(
            inference_note(
                table,
                row.name,
                f"the request example sends the body as application/octet-stream: the "
                f"table's one file field {row.name!r} is the whole body, not a form field",
            )
        )
    return result, notes
