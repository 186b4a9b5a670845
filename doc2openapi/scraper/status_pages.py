"""Status codes documented on another page: an operation's status section that only links
a page of the service's codes, and the codes such a general page lists.

An operation page often gives its error codes by reference: a "Returned Values", "Status
Codes", "Error Codes" or "Error Responses" section says "See Returned Values for General
Requests." or "For details about error status codes, see Status Codes.", linking a page
whose status-code tables ("Returned Value | Description", "Error Response Code |
Description", an error-code table's "Status Code" column) list the codes. The links are
read here; the spec gives the operation the linked page's error codes.
"""

from __future__ import annotations

import re
from collections import Counter

from doc2openapi.scraper.model import Block, Link, Page, Paragraph, StatusCode, Table
from doc2openapi.scraper.section_titles import SectionKind, section_kind
from doc2openapi.scraper.status import description_column, is_status_table, status_rows

_ERROR_SECTION = re.compile(r"^(?:error codes?|error responses?)$")
"""Sections that give an operation's errors (besides the status sections)."""


def refers_to_codes(title: str) -> bool:
    """A section whose links can lead to the operation's status codes."""
    if section_kind(title) is SectionKind.STATUS:
        return True
    return bool(_ERROR_SECTION.match(title.strip().lower()))


def status_links(page: Page) -> tuple[Link, ...]:
    """Links to other pages from the paragraphs of a page's status and error sections and
    from the cells of their status-code tables ("201 | Normal response. For more status
    codes, see Status Codes." in its description column), in page order, without repeats."""
    found: dict[tuple[str, str], Link] = {}
    for section in page.sections:
        if not refers_to_codes(section.title):
            continue
        for block in section.blocks:
            for link in _block_links(block):
                if link.page and link.page != page.key and not link.external:
                    found.setdefault((link.page, link.fragment), link)
    return tuple(found.values())


def _block_links(block: Block) -> tuple[Link, ...]:
    if isinstance(block, Paragraph):
        return block.links
    if isinstance(block, Table) and is_status_table(block.header):
        column = description_column(block.header)
        return tuple(
            link
            for row in block.rows
            if column is not None and column < len(row.cells)
            for link in row.cells[column].links
        )
    return ()


def listed_status_codes(page: Page) -> tuple[StatusCode, ...]:
    """The codes a page's status-code tables list, each once, in page order.

    A row describes its code only where the code has that one row in its table: an
    error-code table gives a code on many rows, each describing an error code of the
    service, not the status; such a code keeps the first description a status-code table
    gives it elsewhere on the page, else none."""
    described: dict[str, str] = {}
    for table in page.tables():
        if not is_status_table(table.header):
            continue
        codes, _ = status_rows(table, page.key)  # rows without a code: said on API pages
        rows = Counter(code.code for code in codes)
        for code in codes:
            description = code.description if rows[code.code] == 1 else ""
            if not described.get(code.code):
                described[code.code] = description
    return tuple(StatusCode(code, text) for code, text in described.items())
