"""The order in which the documentation itself presents its pages.

Where several pages document one operation (an ``/action`` endpoint, one page per action),
the operation takes them in this order: its summary names the first ones, its bodies and
examples follow them. The order is the table of contents of an export (``CLASS.TXT.json``),
else the order in which index pages list their pages, from the outermost index down; pages
neither reaches come last, by key. The files' names never decide it where the documents
say the order: renaming the files changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from doc2openapi.scraper.model import ApiPage
    from doc2openapi.spec.build import ServiceDocs


def reading_order(
    toc: Iterable[str], listed: Sequence[tuple[str, tuple[str, ...]]], keys: Iterable[str]
) -> dict[str, int]:
    """Each page's place: first the table of contents' entries (``toc``), then the pages
    of the index pages (``listed``), each index followed by what it lists, depth first
    from the indexes no other index lists; then the other ``keys``, sorted."""
    order: dict[str, int] = {}
    for key in toc:
        order.setdefault(key, len(order))
    lists = dict(listed)
    inner = {page for _, pages in listed for page in pages}
    roots = sorted((i for i in lists if i not in inner), key=lambda k: (k.count("/"), k))
    seen: set[str] = set()
    for root in roots:
        stack = [root]
        while stack:
            page = stack.pop()
            if page not in seen:
                seen.add(page)
                order.setdefault(page, len(order))
                stack.extend(reversed(lists.get(page, ())))
    for key in sorted(keys):
        order.setdefault(key, len(order))
    return order


def service_reading_order(service: ServiceDocs) -> dict[str, int]:
    """The reading order of a service's pages (see :func:`reading_order`)."""
    return reading_order(service.toc.entries, service.listed_pages, service.page_keys)


def document_order(services: Sequence[ServiceDocs]) -> dict[str, int]:
    """The reading order of the pages of every service, one after the other."""
    order: dict[str, int] = {}
    for service in services:
        for page in service_reading_order(service):
            order.setdefault(page, len(order))
    return order


def pages_in_reading_order(service: ServiceDocs) -> list[ApiPage]:
    """The service's API pages in its reading order."""
    order = service_reading_order(service)
    return sorted(service.api_pages, key=lambda p: (order.get(p.page, len(order)), p.page))
