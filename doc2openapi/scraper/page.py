"""HTML to :class:`Page`: one walk over the content, one small handler per element kind.

Both input formats go through here. What differs between them (where the content sits,
where the topic anchor and breadcrumbs are) is found by :func:`_content_root` and friends;
everything after that is shared.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import cast
from urllib.parse import unquote

import lxml.etree
from lxml.etree import _Element

from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.inputs import MAX_PAGE_BYTES
from doc2openapi.scraper.decode import decode_page, looks_binary
from doc2openapi.scraper.model import (
    Block,
    Cell,
    CodeBlock,
    Link,
    Page,
    PageFormat,
    Paragraph,
    Row,
    Section,
    Table,
    TextLine,
)

MAX_TABLES = 500
"""Tables read per page; the rest are reported and not read (the corpus has at most 17)."""
MAX_PAGE_ROWS = 20_000
"""Table rows read per page, over all its tables (the corpus has at most 287)."""
MAX_TABLE_ROWS = 5_000
MAX_COLUMNS = 100
MAX_SPAN = 50
MAX_ATTRIBUTES = 256
_ATTRIBUTE_CHECK_BYTES = 128 * 1024

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SKIPPED = frozenset({"script", "style", "nav", "noscript", "template", "head", "aside"})
_NEVER_TEXT = ("script", "style", "noscript", "template")
"""Elements removed from the tree after parsing: their content is never documentation."""
_RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"}
)
"""Elements whose content runs to their end tag: unterminated, they swallow the page."""
_LONG_TAG = re.compile(r"<([A-Za-z][^\s/<>]*)[^<>]{1024}")
"""The start of a tag over 1 KiB long (the corpus's longest is 416 characters)."""
_ATTRIBUTE = re.compile(r"""[\s/]*[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")
_SPAN_DIGITS = re.compile(r"\s*\+?(\d{1,9})")
_ROWS = lxml.etree.XPath("./thead/tr|./tbody/tr|./tr|./tfoot/tr")
_ROW_COUNT = lxml.etree.XPath("count(./thead/tr|./tbody/tr|./tr|./tfoot/tr)")
_FIRST_ROWS = lxml.etree.XPath("(./thead/tr|./tbody/tr|./tr|./tfoot/tr)[position() <= $n]")
_HEAD_ROW_COUNT = lxml.etree.XPath("count(./thead/tr)")
_STRING = lxml.etree.XPath("string()")
_BREADCRUMBS = lxml.etree.XPath('id("breadcrumbs")/li')
"""The portal's breadcrumbs (``id()``: libxml2 indexes ids, no walk over the page)..."""
_BREADCRUMBS_SCAN = lxml.etree.XPath('//*[@id="breadcrumbs"]/li')
"""... unless ``id()`` finds none: libxml2 also indexes ``<a name>``, and keeps one element
per id."""
_INLINE = frozenset({"a", "span", "strong", "b", "em", "i", "code", "sup", "sub", "font", "u"})
_CELL_BLOCKS = frozenset(
    {"p", "li", "div", "pre", "ul", "ol", "br", "table", "tr", "dl", "dt", "dd", "blockquote"}
    | _HEADINGS
)
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


def _text_content(element: _Element) -> str:
    if len(element) == 0:  # most: text alone (the XPath call costs fifteen times more)
        return element.text or ""
    return str(_STRING(element))


def _text(element: _Element) -> str:
    return _clean(_text_content(element))


def _clean(text: str) -> str:
    """Whitespace runs folded to one space, the portal's ``¶`` heading marks removed."""
    if "\u00b6" in text:
        text = text.replace("\u00b6", "")
    return " ".join(text.split())


@dataclass
class _PageContext:
    key: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    table_count: int = 0
    rows_read: int = 0
    table_anchors: set[str] = field(default_factory=set)
    """Anchors already on a table of this page (the first table keeps them)."""
    table_keys: set[str] = field(default_factory=set)

    def report(
        self, code: Code, detail: str, table: str = "", level: Level = Level.WARNING
    ) -> None:
        self.diagnostics.append(Diagnostic(level, code, self.key, detail, table))

    def link(self, href: str, text: str) -> Link:
        return resolve_href(self.key, href, text)


def resolve_href(page_key: str, href: str, text: str = "") -> Link:
    """Resolve a link relative to the page it sits on, to a page key and a fragment."""
    href = href.strip()
    if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I):
        return Link("", "", text, external=True)
    target, _, fragment = href.partition("#")
    if target:
        base = posixpath.dirname(page_key)
        resolved = posixpath.normpath(posixpath.join(base, unquote(target)))
        if resolved.startswith("../") or resolved == "..":
            return Link("", fragment, text, external=True)
    else:
        resolved = page_key
    return Link(resolved, unquote(fragment), text)


# ---------------------------------------------------------------------------- cells


class _LineCollector:
    """Splits an element's text into lines at block elements, noting list items and bold text."""

    def __init__(self, context: _PageContext) -> None:
        self.context = context
        self.lines: list[TextLine] = []
        self.links: list[Link] = []
        self._parts: list[str] = []
        self._strong: list[str] = []
        self._in_list = 0
        self._in_strong = False

    def flush(self) -> None:
        text = _clean("".join(self._parts))
        if text:
            self.lines.append(TextLine(text, self._in_list > 0, tuple(self._strong)))
        self._parts = []
        self._strong = []

    def walk(self, element: _Element) -> None:
        tag = element.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            return
        block = tag in _CELL_BLOCKS
        if block:
            self.flush()
        if tag == "li":
            self._in_list += 1
        outer_strong = False
        if tag in ("strong", "b"):
            # Only the outermost: nested bold text is part of it (and reading each level
            # again would make deep nesting quadratic).
            if not self._in_strong:
                strong = _text(element)
                if strong:
                    self._strong.append(strong)
                self._in_strong = outer_strong = True
        elif tag == "a" and element.get("href"):
            self.links.append(self.context.link(element.get("href", ""), _text(element)))
        if element.text:
            self._parts.append(element.text)
        for child in element:
            self.walk(child)
            if child.tail:
                self._parts.append(child.tail)
        if outer_strong:
            self._in_strong = False
        if tag == "li":
            self.flush()
            self._in_list -= 1
        elif block:
            self.flush()


def _plain_text(element: _Element) -> str | None:
    """The text of a cell that holds only text, or one paragraph of text (most cells:
    names, Yes/No, type words), without walking it; None for anything richer."""
    if len(element) == 0:
        return element.text or ""
    if len(element) == 1:
        child = element[0]
        if child.tag == "p" and len(child) == 0 and not (element.text or "").strip():
            if not (child.tail or "").strip():
                return child.text or ""
    return None


_EMPTY_CELL = Cell(())


def _cell(element: _Element, context: _PageContext) -> Cell:
    plain = _plain_text(element)
    if plain is not None:
        text = _clean(plain)
        return Cell((TextLine(text),)) if text else _EMPTY_CELL
    collector = _LineCollector(context)
    collector.walk(element)
    collector.flush()
    return Cell(tuple(collector.lines), tuple(collector.links))


# ---------------------------------------------------------------------------- tables


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


def _grid(rows: list[_Element], context: _PageContext, limits: _SpanLimits) -> list[list[_Slot]]:
    """Expand rowspan and colspan so that every row has its cells at their column (the
    HTML table model: each cell takes the first column no span from above covers)."""
    grid: list[list[_Slot]] = []
    carried: dict[int, tuple[int, _Slot]] = {}
    for tr in rows:
        if not carried:
            plain = _plain_row(tr)
            if plain is not None:  # most rows: no spans, so every cell is at its own column
                grid.append([(element.tag, _cell(element, context)) for element in plain])
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
            slot = (tag, _cell(element, context))
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
    while sibling is not None and sibling.tag in ("a", "span") and not _text(sibling):
        for name in (sibling.get("id"), sibling.get("name")):
            if name and name not in anchors:
                anchors.append(name)
        sibling = sibling.getprevious()
    return tuple(anchors)


def _caption(table: _Element) -> tuple[str, str]:
    element = next(table.iterchildren("caption"), None)
    if element is None:
        return "", ""
    text = _text(element)
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


def _unique_anchors(anchors: tuple[str, ...], context: _PageContext, label: str) -> tuple[str, ...]:
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


def _table_rows(element: _Element, context: _PageContext, label: str) -> list[_Element]:
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


def _report_limits(limits: _SpanLimits, context: _PageContext, label: str) -> None:
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


def _table(element: _Element, context: _PageContext, lead_anchors: tuple[str, ...] = ()) -> Table:
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
        key, anchors, number, caption, header, rows, _section_anchors(element), lead_anchors
    )


# ---------------------------------------------------------------------------- page walk


class _SectionBuilder:
    def __init__(self, context: _PageContext) -> None:
        self.context = context
        self.title = ""
        self.sections: list[Section] = []
        self._heading = ""
        self._blocks: list[Block] = []
        self._anchors: list[str] = []
        """Anchors met since the last table or heading: the next table's lead anchors."""

    def anchor(self, element: _Element) -> None:
        for name in (element.get("id"), element.get("name") if element.tag == "a" else None):
            if name and name not in self._anchors:
                self._anchors.append(name)

    def close(self) -> None:
        if self._heading or self._blocks:
            self.sections.append(Section(self._heading, tuple(self._blocks)))
        self._blocks = []

    def heading(self, element: _Element) -> None:
        text = _text(element)
        if element.tag == "h1" and not self.title:
            self.title = text
            return
        self.close()
        self._heading = text
        self._anchors = []

    def paragraph(self, element: _Element) -> None:
        for part in element.iter():
            if isinstance(part.tag, str):
                self.anchor(part)
        collector = _LineCollector(self.context)
        collector.walk(element)
        collector.flush()
        for line in collector.lines:
            self._blocks.append(Paragraph(line.text, tuple(collector.links), line.strong))

    def loose_text(self, text: str) -> None:
        """Text directly inside a container (``<li>Normal<p>200</p></li>``)."""
        self._blocks.append(Paragraph(_clean(text)))

    def code(self, element: _Element) -> None:
        self._blocks.append(CodeBlock(_text_content(element)))

    def table(self, element: _Element) -> None:
        if self.context.table_count >= MAX_TABLES:
            if self.context.table_count == MAX_TABLES:
                self.context.table_count += 1
                self.context.report(
                    Code.PAGE_TOO_LARGE,
                    f"more than {MAX_TABLES} tables; only the first {MAX_TABLES} are read",
                )
            return
        self._blocks.append(_table(element, self.context, tuple(self._anchors)))
        self._anchors = []


def _walk(root: _Element, builder: _SectionBuilder) -> None:
    stack: list[Iterator[_Element]] = [iter(root)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
            continue
        tag = element.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag != "table":
            builder.anchor(element)
        if tag in _HEADINGS:
            builder.heading(element)
        elif tag == "table":
            builder.table(element)
        elif tag == "pre":
            builder.code(element)
        elif tag == "p" or (tag == "li" and len(element) == 0):
            builder.paragraph(element)
        elif tag == "caption":
            continue
        else:
            loose = (element.text or "").strip()
            if loose and tag not in _INLINE:
                builder.loose_text(loose)
            stack.append(iter(element))


def _content_root(document: _Element) -> tuple[_Element, PageFormat]:
    main = next(document.iterdescendants("main"), None)
    if main is not None:
        return main, PageFormat.PORTAL
    body = next(document.iterdescendants("body"), None)
    return (body if body is not None else document), PageFormat.EXPORT


def _topic_anchor(root: _Element, page_format: PageFormat) -> str:
    """The anchor that names the topic: ``<a name>`` before the title (export) or the
    ``<span id>`` label Sphinx keeps before the first heading (portal)."""
    if page_format is PageFormat.EXPORT:
        for element in root.iter("a", "h1"):
            if element.tag == "h1":
                break
            if element.get("name"):
                return str(element.get("name"))
        return ""
    heading = next(root.iterdescendants("h1"), None)
    if heading is None:
        return ""
    sibling = heading.getprevious()
    while sibling is not None:
        if sibling.tag == "span" and sibling.get("id"):
            return str(sibling.get("id"))
        sibling = sibling.getprevious()
    return ""


def _breadcrumbs(document: _Element) -> tuple[str, ...]:
    crumbs = cast(list[_Element], _BREADCRUMBS(document) or _BREADCRUMBS_SCAN(document))
    names = [_text(li) for li in crumbs if "breadcrumb-title" not in (li.get("class") or "")]
    return tuple(name for name in names if name)


def _parse_tree(text: str, context: _PageContext) -> _Element | None:
    """Parse with libxml2's HTML parser: no network, no DTD, no entity expansion (the HTML
    parser never expands declared entities), libxml2's depth limit (256) kept."""
    parser = lxml.etree.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        recover=True,
        huge_tree=False,
    )
    text = _limit_attributes(text, context)
    try:
        document = lxml.etree.fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.LxmlError, ValueError) as error:
        context.report(Code.UNREADABLE_PAGE, f"HTML could not be parsed: {error}")
        return None
    if document is None:
        context.report(Code.EMPTY_PAGE, "the file holds no element (only comments or a DOCTYPE)")
        return None
    for entry in parser.error_log:
        if entry.type_name != "ERR_RESOURCE_LIMIT":
            continue
        if "depth" in entry.message.lower():
            context.report(
                Code.TOO_DEEP,
                f"elements nested deeper than 256 levels (line {entry.line}); the parser "
                "stops there and the rest of the page is not read",
            )
        else:
            context.report(
                Code.PAGE_TOO_LARGE,
                f"{entry.message.strip()} (line {entry.line}); the parser stops there and the "
                "rest of the page is not read",
            )
        break
    return document


def _limit_attributes(text: str, context: _PageContext) -> str:
    """Keep the first :data:`MAX_ATTRIBUTES` attributes of an element that has more.

    libxml2 checks each attribute against all the others of its element, so one element
    with 100,000 attributes takes minutes to parse. A page under
    :data:`_ATTRIBUTE_CHECK_BYTES` cannot hold enough of them to matter and is not
    searched (a regular expression over every tag costs a few percent of the reading).
    """
    if len(text) < _ATTRIBUTE_CHECK_BYTES:
        return text
    pieces: list[str] = []
    done = 0
    for match in _LONG_TAG.finditer(text):
        start = match.start()
        if start < done:
            continue
        end = text.find(">", start)
        end = len(text) if end < 0 else end
        attributes = list(_ATTRIBUTE.finditer(text, match.end(1), end))
        if len(attributes) <= MAX_ATTRIBUTES:
            continue
        context.report(
            Code.PAGE_TOO_LARGE,
            f"an element with {len(attributes)} attributes (line "
            f"{text.count(chr(10), 0, start) + 1}); only the first {MAX_ATTRIBUTES} are read",
        )
        pieces.append(text[done : attributes[MAX_ATTRIBUTES - 1].end()])
        done = end
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _unterminated(text: str, tag: str) -> bool:
    """Whether the last ``<tag`` of the page has no ``</tag`` after it: first looked up in
    lower and upper case only (portal pages end in a script), then case-insensitively."""
    variants = (tag, tag.upper())
    opened = max(text.rfind("<" + name) for name in variants)
    closed = max(text.rfind("</" + name) for name in variants)
    if opened < closed:
        return False
    lowered = text.lower()
    return lowered.find("</" + tag, lowered.rfind("<" + tag)) < 0


def _check_markup(text: str, document: _Element, context: _PageContext) -> None:
    """Report markup that hides the rest of the page or that is never read (cheap checks
    on the source: a few ``find`` calls, and only for a page that ends in a raw-text
    element a case-insensitive search)."""
    opened = text.rfind("<!--")
    if opened >= 0 and not text.startswith(("<!-->", "<!--->"), opened):
        closed = text.find("-->", opened + 4)
        if closed < 0 and text.find("--!>", opened + 4) < 0:
            context.report(
                Code.UNTERMINATED_MARKUP,
                f"a comment opened on line {text.count(chr(10), 0, opened) + 1} is never "
                f"closed; the {len(text) - opened} characters after it are not read",
            )
    last = document
    while len(last):
        last = last[-1]
    tag = last.tag
    if isinstance(tag, str) and tag in _RAW_TEXT and _unterminated(text, tag):
        opened = text.lower().rfind("<" + tag)
        if opened >= 0:
            context.report(
                Code.UNTERMINATED_MARKUP,
                f"a <{tag}> opened on line {text.count(chr(10), 0, opened) + 1} is never "
                f"closed; the {len(text) - opened} characters after it are not read",
            )
    entities = text.count("<!ENTITY")
    if entities:
        context.report(
            Code.ENTITIES_IGNORED,
            f"{entities} entity declaration(s) in the DOCTYPE; entities are never expanded "
            "or fetched, references to them stay as written",
        )


def read_page(key: str, raw: bytes) -> Page:
    """Read one page. Never raises: problems become diagnostics on the returned page."""
    context = _PageContext(key)
    empty = Page(key, PageFormat.EXPORT, "", "", (), ())
    if len(raw) > MAX_PAGE_BYTES:
        context.report(
            Code.PAGE_TOO_LARGE,
            f"{len(raw)} bytes, over the limit of {MAX_PAGE_BYTES}",
            "",
            Level.ERROR,
        )
        return _with(empty, context)
    decoded = decode_page(raw)
    if decoded.binary or looks_binary(decoded.text):
        context.report(Code.NOT_HTML, "the file is not text (binary content)", level=Level.ERROR)
        return _with(empty, context)
    if decoded.guessed:
        context.report(
            Code.ENCODING_GUESSED,
            f"{decoded.note}; read as {decoded.encoding}",
            level=Level.INFO,
        )
    if not decoded.text or decoded.text.isspace():
        context.report(
            Code.EMPTY_PAGE,
            "the file holds only white space" if decoded.text else "the file is empty",
        )
        return _with(empty, context)
    document = _parse_tree(decoded.text, context)
    if document is None:
        return _with(empty, context)
    _check_markup(decoded.text, document, context)
    lxml.etree.strip_elements(document, *_NEVER_TEXT, with_tail=False)
    root, page_format = _content_root(document)
    builder = _SectionBuilder(context)
    _walk(root, builder)
    builder.close()
    title = builder.title or _title_fallback(document)
    page = Page(
        key,
        page_format,
        title,
        _topic_anchor(root, page_format),
        _breadcrumbs(document) if page_format is PageFormat.PORTAL else (),
        tuple(builder.sections),
    )
    return _with(page, context)


def _title_fallback(document: _Element) -> str:
    title = next(document.iterdescendants("title"), None)
    return _text(title) if title is not None else ""


def _with(page: Page, context: _PageContext) -> Page:
    if not context.diagnostics:
        return page
    return Page(
        page.key,
        page.format,
        page.title,
        page.topic_anchor,
        page.breadcrumbs,
        page.sections,
        tuple(context.diagnostics),
    )
