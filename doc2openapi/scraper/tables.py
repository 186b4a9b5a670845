"""HTML tables to :class:`Table`: spans as a grid, header, caption, anchors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import cast

import lxml.etree
from lxml.etree import _Element

from doc2openapi.diagnostics import Code
from doc2openapi.scraper.elements import PageContext, read_cell, text_of
from doc2openapi.scraper.model import Cell, Row, Table

MAX_PAGE_ROWS = 20_000
"""Table rows read per page, over all its tables (the corpus has at most 287)."""
MAX_TABLE_ROWS = 5_000
MAX_COLUMNS = 100
MAX_SPAN = 50
_SPAN_DIGITS = re.compile(r"\s*\+?(\d{1,9})")
_ROWS = lxml.etree.XPath("./thead/tr|./tbody/tr|./tr|./tfoot/tr")
_ROW_COUNT = lxml.etree.XPath("count(./thead/tr|./tbody/tr|./tr|./tfoot/tr)")
_FIRST_ROWS = lxml.etree.XPath("(./thead/tr|./tbody/tr|./tr|./tfoot/tr)[position() <= $n]")
_HEAD_ROW_COUNT = lxml.etree.XPath("count(./thead/tr)")
_TABLE_NUMBER = re.compile(r"^\s*Table\s*(\d+)\s*[.:]?\s*", re.I)
_HEADER_WORDS = frozenset(
    {
        "parameter",
        "parameter name",
        "name",
        "attribute",
        "field",
        "type",
        "mandatory",
        "required",
        "description",
        "remarks",
        "status code",
        "http status code",
        "error code",
        "error message",
    }
)
"""Column names that make a first row of ``<td>`` cells a header row (two of them)."""


_Slot = tuple[str, Cell]
"""A grid position: the tag of the cell that covers it (``td``/``th``) and its content."""
_GAP: _Slot = ("td", Cell(()))


@dataclass
class _SpanLimits:
    """Spans and widths beyond the limits met in one table (reported once per table)."""

    spans: list[str] = field(default_factory=list)
    wide_rows: int = 0


def _span(element: _Element, name: str, limits: _SpanLimits) -> int:
    """A rowspan/colspan read as a browser does (leading digits; nonsense is 1), clamped to
    :data:`MAX_SPAN`. ``rowspan="0"`` means "to the end of the table"."""
    value = element.get(name)
    if value is None:
        return 1
    match = _SPAN_DIGITS.match(value)
    if match is None:
        return 1
    span = int(match.group(1))
    if span == 0:
        return MAX_TABLE_ROWS if name == "rowspan" else 1
    if span > MAX_SPAN:
        limits.spans.append(f"{name} {value.strip()[:12]}")
        return MAX_SPAN
    return span


def _grid(rows: list[_Element], context: PageContext, limits: _SpanLimits) -> list[list[_Slot]]:
    """Expand rowspan and colspan so that every row has its cells at their column (the
    HTML table model: each cell takes the first column no span from above covers)."""
    grid: list[list[_Slot]] = []
    carried: dict[int, tuple[int, _Slot]] = {}
    for tr in rows:
        if not carried:
            plain = _plain_row(tr)
            if plain is not None:  # most rows: no spans, so every cell is at its own column
                grid.append([(element.tag, read_cell(element, context)) for element in plain])
                continue
        row: dict[int, _Slot] = {}
        carry: dict[int, tuple[int, _Slot]] = {}
        for column, (left, slot) in carried.items():
            row[column] = slot
            if left > 1:
                carry[column] = (left - 1, slot)
        column = 0
        for element in tr:
            tag = element.tag
            if tag not in ("td", "th"):
                continue
            while column in row:
                column += 1
            if column >= MAX_COLUMNS:
                limits.wide_rows += 1
                break
            slot = (tag, read_cell(element, context))
            rowspan = _span(element, "rowspan", limits)
            colspan = _span(element, "colspan", limits)
            for covered in range(column, min(column + colspan, MAX_COLUMNS)):
                row.setdefault(covered, slot)
                if rowspan > 1:
                    carry.setdefault(covered, (rowspan - 1, slot))
            column += colspan
        carried = carry
        width = max(row) + 1 if row else 0
        grid.append([row.get(position, _GAP) for position in range(width)])
    return grid


def _plain_row(tr: _Element) -> list[_Element] | None:
    """The cells of a row that spans nothing and fits the column limit, else None."""
    cells = [element for element in tr if element.tag in ("td", "th")]
    if len(cells) > MAX_COLUMNS:
        return None
    for element in cells:
        if element.get("rowspan") is not None or element.get("colspan") is not None:
            return None
    return cells


def _looks_like_header(cells: list[_Slot]) -> bool:
    if cells and all(tag == "th" for tag, _ in cells):
        return True
    words = {cell.text.strip().lower() for _, cell in cells}
    return len(words & _HEADER_WORDS) >= 2


def _table_anchors(table: _Element) -> tuple[str, ...]:
    own = table.get("id")
    anchors: list[str] = [own] if own else []
    sibling = table.getprevious()
    while sibling is not None and sibling.tag in ("a", "span") and not text_of(sibling):
        for name in (sibling.get("id"), sibling.get("name")):
            if name and name not in anchors:
                anchors.append(name)
        sibling = sibling.getprevious()
    return tuple(anchors)


def _caption(table: _Element) -> tuple[str, str]:
    element = next(table.iterchildren("caption"), None)
    if element is None:
        return "", ""
    text = text_of(element)
    match = _TABLE_NUMBER.match(text)
    if match is None:
        return "", text
    return match.group(1), text[match.end() :].strip()


def _section_anchors(table: _Element) -> tuple[str, ...]:
    """Ids of the enclosing sub-sections (``div.section``, ``<section>``) of a table; the
    page's own top section (the one holding the title) is not one of them."""
    anchors: list[str] = []
    for ancestor in table.iterancestors():
        tag = ancestor.tag
        if tag not in ("div", "section") or not ancestor.get("id"):
            continue
        if tag == "div" and "section" not in (ancestor.get("class") or "").split():
            continue
        if next(ancestor.iterchildren("h1"), None) is not None:
            break
        anchors.append(str(ancestor.get("id")))
    return tuple(anchors)


def _unique_anchors(anchors: tuple[str, ...], context: PageContext, label: str) -> tuple[str, ...]:
    """Anchors an earlier table of the page does not already carry: a link to an anchor
    that two tables carry means the first, as in a browser."""
    taken = tuple(anchor for anchor in anchors if anchor in context.table_anchors)
    if not taken:
        return anchors
    context.report(
        Code.DUPLICATE_ANCHOR,
        f"anchor {', '.join(map(repr, taken))} is also on an earlier table of the page; "
        "links to it mean that one",
        label,
    )
    return tuple(anchor for anchor in anchors if anchor not in taken)


def _table_rows(element: _Element, context: PageContext, label: str) -> list[_Element]:
    """The rows of a table, at most :data:`MAX_TABLE_ROWS` and what is left of the page's
    :data:`MAX_PAGE_ROWS` (counted without building the rest)."""
    budget = max(0, min(MAX_TABLE_ROWS, MAX_PAGE_ROWS - context.rows_read))
    count = int(cast(float, _ROW_COUNT(element)))
    if count <= budget:
        rows = cast(list[_Element], _ROWS(element))
    else:
        limit = "the table" if budget == MAX_TABLE_ROWS else "the page"
        context.report(
            Code.TABLE_TOO_LARGE,
            f"{count} rows; only the first {budget} are read (the limit of {limit})",
            label,
        )
        rows = cast(list[_Element], _FIRST_ROWS(element, n=budget))
    context.rows_read += len(rows)
    return rows


def _report_limits(limits: _SpanLimits, context: PageContext, label: str) -> None:
    if limits.spans:
        shown = ", ".join(dict.fromkeys(limits.spans[:5]))
        context.report(
            Code.TABLE_TOO_LARGE, f"spans over {MAX_SPAN} read as {MAX_SPAN}: {shown}", label
        )
    if limits.wide_rows:
        context.report(
            Code.TABLE_TOO_LARGE,
            f"{limits.wide_rows} row(s) wider than {MAX_COLUMNS} columns; the rest is not read",
            label,
        )


def read_table(
    element: _Element, context: PageContext, lead_anchors: tuple[str, ...] = ()
) -> Table:
    context.table_count += 1
    number, caption = _caption(element)
    fallback = f"table-{context.table_count}"
    anchors = _unique_anchors(_table_anchors(element), context, caption or fallback)
    key = anchors[0] if anchors else fallback
    while key in context.table_keys:
        key += "-"
    context.table_anchors.update(anchors)
    context.table_keys.add(key)
    label = caption or key
    limits = _SpanLimits()
    grid = _grid(_table_rows(element, context, label), context, limits)
    _report_limits(limits, context, label)
    header: tuple[str, ...] = ()
    body_start = 0
    head_rows = min(int(cast(float, _HEAD_ROW_COUNT(element))), len(grid))
    if head_rows:
        header = tuple(cell.text for _, cell in grid[head_rows - 1])
        body_start = head_rows
    elif grid and _looks_like_header(grid[0]):
        header = tuple(cell.text for _, cell in grid[0])
        body_start = 1
    from_cells = body_start == 1 and not head_rows and any(tag == "td" for tag, _ in grid[0])
    rows = tuple(
        Row(index + 1, tuple(cell for _, cell in cells))
        for index, cells in enumerate(grid[body_start:])
    )
    if not header and any(cell.text for row in rows for cell in row.cells):
        context.report(
            Code.TABLE_NO_HEADER,
            "no header row (no <thead>, <th> row or row of column names); "
            "its columns cannot be named",
            label,
        )
    return Table(
        key,
        anchors,
        number,
        caption,
        header,
        rows,
        _section_anchors(element),
        lead_anchors,
        from_cells,
    )
