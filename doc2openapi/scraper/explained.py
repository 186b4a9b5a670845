"""Tables that explain a text shown just before them: the parts of a formula or a record.

Pages show in a code block a string the client computes (``StringToSign = HTTP-Verb +
"\\n" + Content-MD5 + ...``) or one record the service writes (a line of an access log),
then a table whose rows name those parts or give them as examples ("HTTP-Verb", "Date";
"BucketOwner | 787f2f92... | ID of the bucket owner"). Such a table lists the parts of that
text, not fields of a request or a response. Only those two shapes of text count: a formula
(a name assigned a concatenation, ``X = a + b``) or a single line; an HTTP message, a
request URI, a command and a JSON, XML or YAML body (several lines of ``key: value``) are
not such a text, and a table after them documents the request.
"""

from __future__ import annotations

import re

from doc2openapi.scraper.model import Row, Table

_MESSAGE_START = re.compile(
    r"^(?:[A-Z]+\s+/|(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+(?:https?:|\{)|HTTP/|https?:|/"
    r"|curl\b|[{\[<])",
    re.I,
)
"""A request line (``GET /v1/x``, ``GET https://{Endpoint}/v1/x?limit={limit}``), a status
line, a URI, a command, a JSON or an XML body."""
_FORMULA = re.compile(r"^[\w-]+\s*=\s*\S.*?\+", re.S)
"""A name assigned a concatenation: ``StringToSign = HTTP-Verb + "\\n" + ...``."""
_LONGEST_PART = 80
"""Longer cells are descriptions, not a part of the text."""


def explains_text(table: Table, text: str) -> bool:
    """Whether most rows of ``table`` name or exemplify a part of ``text``, a formula or a
    single-line record shown just before it (see the module)."""
    shown = text.strip()
    if not shown or _MESSAGE_START.match(shown):
        return False
    if "\n" in shown and not _FORMULA.match(shown):
        return False
    rows = [row for row in table.rows if any(cell.text.strip() for cell in row.cells)]
    found = sum(1 for row in rows if _names_a_part(row, shown))
    return len(rows) >= 2 and 2 * found >= len(rows)


def _names_a_part(row: Row, text: str) -> bool:
    for cell in row.cells:
        part = cell.text.strip()
        if part and len(part) <= _LONGEST_PART:
            if re.search(rf"(?<![\w-]){re.escape(part)}(?![\w-])", text):
                return True
    return False
