"""The media type of a request body, read from what its table documents.

A body with a field of type ``File`` (binary) cannot be JSON: the page documents a form
upload (cce: "FormData parameters" with ``content | File``), sent as ``multipart/form-data``.
"""

from __future__ import annotations

from collections.abc import Sequence

from doc2openapi.scraper.model import FieldTable, TableRole
from doc2openapi.spec.types import Primitive, parse_type

JSON = "application/json"
MULTIPART = "multipart/form-data"


def request_media_type(tables: Sequence[FieldTable]) -> str:
    """``multipart/form-data`` where the request body holds a file, else JSON."""
    for table in tables:
        if table.role is not TableRole.REQUEST_BODY:
            continue
        for row in table.fields:
            expr = parse_type(row.type_text)
            if isinstance(expr, Primitive) and expr.format == "binary":
                return MULTIPART
    return JSON
