"""Query parameters that authenticate a request: the credentials of a presigned URL.

A page about authentication ("Authentication of Signature in a URL") shows a request whose
query carries the credentials (``GET /ObjectKey?AccessKeyId=AccessKeyID&Expires=...&
Signature=signature HTTP/1.1``) and then a table of those query parameters. The page
documents no operation of its own: any operation of the service can be sent so. Such a
table is read as credentials (OpenAPI ``apiKey`` security schemes sent in the query), not
as a nested table that a field would link to.
"""

from __future__ import annotations

import re

from doc2openapi.scraper.model import FieldTable, Page

_ABOUT_AUTHENTICATION = re.compile(r"\b(?:authenticat\w*|signatures?|presigned)\b", re.I)
_REQUEST_LINE = re.compile(r"^\s*[A-Z]+\s+(?P<target>\S+)")


def authenticates(page: Page, table: FieldTable, text_before: str) -> bool:
    """Whether ``table`` lists query parameters that authenticate a request: the page (its
    title or a group above it) is about authentication, and every row is a query name of
    the request line shown just before the table."""
    if not table.fields or not _ABOUT_AUTHENTICATION.search(
        " ".join((page.title, *page.breadcrumbs))
    ):
        return False
    match = _REQUEST_LINE.match(text_before)
    if match is None or "?" not in match["target"]:
        return False
    query = match["target"].split("?", 1)[1]
    names = {part.split("=", 1)[0] for part in query.split("&") if part}
    return all(row.name in names for row in table.fields)
