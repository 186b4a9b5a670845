"""A success response table that also lists the error envelope.

Some pages give, in the one response table, the body's field (``snapshot``) and beside it
``error | Object | The error message returned if an error occurs. For details, see
Parameters in the error field.``: an object the service answers with instead of the body
when the call fails. That row is the error body (status ``default``: every error code the
page gives without a body of its own, those it gives by link included), not a member of
the success body. Only an object row of a table's top level is read so: a scalar
``message`` of a job record, or a ``fault`` inside a server, stays where it is."""

from __future__ import annotations

import re
from dataclasses import replace

from doc2openapi.scraper.model import FieldRow, FieldTable
from doc2openapi.scraper.status import ERROR_STATUS

_ON_ERROR = re.compile(
    r"^(?:the |specifies the )?(?:returned )?error\b[^.]*\b(?:if|when) an? error occurs\b", re.I
)
_OBJECT = re.compile(r"\b(?:object|dict|dictionary)\b", re.I)


def is_error_envelope(row: FieldRow) -> bool:
    """An object row whose description begins by saying it is returned on error."""
    first = row.description[0].text.strip() if row.description else ""
    return bool(_OBJECT.search(row.type_text)) and bool(_ON_ERROR.match(first))


def split_error_rows(table: FieldTable) -> tuple[FieldTable | None, FieldTable | None]:
    """The success body without its error rows (None where nothing else is left) and the
    error body they form (None where the table has none)."""
    errors = tuple(row for row in table.fields if is_error_envelope(row))
    if not errors:
        return table, None
    rest = tuple(row for row in table.fields if not is_error_envelope(row))
    error = replace(
        table,
        key=f"{table.key}-error",
        anchors=(),
        status=ERROR_STATUS,
        fields=errors,
        failed_rows=0,
        lead_anchors=(),
        label="",
    )
    success = replace(table, fields=rest) if rest or table.failed_rows else None
    return success, error
