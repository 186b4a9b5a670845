"""The media type of a request body, read from what its table documents.

A body with a field of type ``File`` (binary) cannot be JSON: the page documents a form
upload (cce: "FormData parameters" with ``content | File``), sent as ``multipart/form-data``;
a body whose table's one row has no name and the type ``File`` is the file itself
(``application/octet-stream``).
"""

from __future__ import annotations

from collections.abc import Sequence

from doc2openapi.scraper.field_rows import WHOLE_VALUE
from doc2openapi.scraper.model import FieldTable, TableRole
from doc2openapi.spec.types import Primitive, parse_type

JSON = "application/json"
MULTIPART = "multipart/form-data"
OCTET_STREAM = "application/octet-stream"


def is_file(table: FieldTable) -> bool:
    """Whether the table's whole value is a file: its one row has no name and is binary."""
    if len(table.fields) != 1 or table.fields[0].name != WHOLE_VALUE:
        return False
    expr = parse_type(table.fields[0].type_text)
    return isinstance(expr, Primitive) and expr.format == "binary"


def request_media_type(tables: Sequence[FieldTable]) -> str:
    """``multipart/form-data`` where the request body holds a file, else JSON."""
    for table in tables:
        if table.role is not TableRole.REQUEST_BODY:
            continue
        if is_file(table):
            return OCTET_STREAM
        for row in table.fields:
            expr = parse_type(row.type_text)
            if isinstance(expr, Primitive) and expr.format == "binary":
                return MULTIPART
    return JSON
