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
from urllib.parse import unquote

import lxml.etree
import lxml.html

from doc2openapi.diagnostics import Code, Diagnostic, Level
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

MAX_PAGE_BYTES = 32 * 1024 * 1024
MAX_TABLE_ROWS = 5_000
MAX_SPAN = 50

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SKIPPED = frozenset({"script", "style", "nav", "noscript", "template", "head", "aside"})
_INLINE = frozenset({"a", "span", "strong", "b", "em", "i", "code", "sup", "sub", "font", "u"})
_CELL_BLOCKS = frozenset(
    {"p", "li", "div", "pre", "ul", "ol", "br", "table", "tr", "dl", "dt", "dd", "blockquote"}
    | _HEADINGS
)
_SPACES = re.compile(r"\s+")
_TABLE_NUMBER = re.compile(r"^\s*Table\s*(\d+)\s*[.:]?\s*", re.I)
_HEADER_WORDS = frozenset(
    {"parameter", "name", "attribute", "type", "mandatory", "description", "status code"}
)


def _text(element: lxml.html.HtmlElement) -> str:
    return _SPACES.sub(" ", element.text_content()).replace("\u00b6", "").strip()


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).replace("\u00b6", "").strip()


@dataclass
class _PageContext:
    key: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    table_count: int = 0

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

    def flush(self) -> None:
        text = _clean("".join(self._parts))
        if text:
            self.lines.append(TextLine(text, self._in_list > 0, tuple(self._strong)))
        self._parts = []
        self._strong = []

    def walk(self, element: lxml.html.HtmlElement) -> None:
        tag = element.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            return
        block = tag in _CELL_BLOCKS
        if block:
            self.flush()
        if tag == "li":
            self._in_list += 1
        if tag in ("strong", "b"):
            strong = _text(element)
            if strong:
                self._strong.append(strong)
        elif tag == "a" and element.get("href"):
            self.links.append(self.context.link(element.get("href", ""), _text(element)))
        if element.text:
            self._parts.append(element.text)
        for child in element:
            self.walk(child)
            if child.tail:
                self._parts.append(child.tail)
        if tag == "li":
            self.flush()
            self._in_list -= 1
        elif block:
            self.flush()


def _cell(element: lxml.html.HtmlElement, context: _PageContext) -> Cell:
    collector = _LineCollector(context)
    collector.walk(element)
    collector.flush()
    return Cell(tuple(collector.lines), tuple(collector.links))


# ---------------------------------------------------------------------------- tables


def _span(element: lxml.html.HtmlElement, name: str) -> int:
    try:
        return max(1, min(MAX_SPAN, int(element.get(name, "1"))))
    except ValueError:
        return 1


def _grid(
    rows: list[lxml.html.HtmlElement], context: _PageContext
) -> list[list[tuple[lxml.html.HtmlElement, Cell]]]:
    """Expand rowspan and colspan so that every row has its cells at their column."""
    grid: list[list[tuple[lxml.html.HtmlElement, Cell]]] = []
    pending: dict[int, tuple[int, tuple[lxml.html.HtmlElement, Cell]]] = {}
    for tr in rows:
        out: list[tuple[lxml.html.HtmlElement, Cell]] = []
        cells = [c for c in tr if c.tag in ("td", "th")]
        column = 0
        for element in cells:
            while column in pending:
                left, item = pending[column]
                out.append(item)
                if left <= 1:
                    del pending[column]
                else:
                    pending[column] = (left - 1, item)
                column += 1
            item = (element, _cell(element, context))
            rowspan = _span(element, "rowspan")
            for _ in range(_span(element, "colspan")):
                out.append(item)
                if rowspan > 1:
                    pending[column] = (rowspan - 1, item)
                column += 1
        while column in pending:
            left, item = pending[column]
            out.append(item)
            if left <= 1:
                del pending[column]
            else:
                pending[column] = (left - 1, item)
            column += 1
        grid.append(out)
    return grid


def _looks_like_header(cells: list[tuple[lxml.html.HtmlElement, Cell]]) -> bool:
    if cells and all(element.tag == "th" for element, _ in cells):
        return True
    words = {cell.text.strip().lower() for _, cell in cells}
    return len(words & _HEADER_WORDS) >= 2


def _table_anchors(table: lxml.html.HtmlElement) -> tuple[str, ...]:
    own = table.get("id")
    anchors: list[str] = [own] if own else []
    sibling = table.getprevious()
    while sibling is not None and sibling.tag in ("a", "span") and not _text(sibling):
        for name in (sibling.get("id"), sibling.get("name")):
            if name and name not in anchors:
                anchors.append(name)
        sibling = sibling.getprevious()
    return tuple(anchors)


def _caption(table: lxml.html.HtmlElement) -> tuple[str, str]:
    element = table.find("caption")
    if element is None:
        return "", ""
    text = _text(element)
    match = _TABLE_NUMBER.match(text)
    if match is None:
        return "", text
    return match.group(1), text[match.end() :].strip()


def _section_anchors(table: lxml.html.HtmlElement) -> tuple[str, ...]:
    """Ids of the enclosing sub-sections (``div.section``, ``<section>``) of a table; the
    page's own top section (the one holding the title) is not one of them."""
    anchors: list[str] = []
    for ancestor in table.iterancestors():
        tag = ancestor.tag
        if tag not in ("div", "section") or not ancestor.get("id"):
            continue
        if tag == "div" and "section" not in (ancestor.get("class") or "").split():
            continue
        if ancestor.find("h1") is not None:
            break
        anchors.append(str(ancestor.get("id")))
    return tuple(anchors)


def _table(element: lxml.html.HtmlElement, context: _PageContext) -> Table:
    context.table_count += 1
    anchors = _table_anchors(element)
    number, caption = _caption(element)
    key = anchors[0] if anchors else f"table-{context.table_count}"
    trs = element.xpath("./thead/tr|./tbody/tr|./tr|./tfoot/tr")
    if len(trs) > MAX_TABLE_ROWS:
        context.report(
            Code.TABLE_TOO_LARGE,
            f"{len(trs)} rows; only the first {MAX_TABLE_ROWS} are read",
            caption or key,
        )
        trs = trs[:MAX_TABLE_ROWS]
    grid = _grid(trs, context)
    header: tuple[str, ...] = ()
    body_start = 0
    head_rows = len(element.xpath("./thead/tr"))
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
    return Table(key, anchors, number, caption, header, rows, _section_anchors(element))


# ---------------------------------------------------------------------------- page walk


class _SectionBuilder:
    def __init__(self, context: _PageContext) -> None:
        self.context = context
        self.title = ""
        self.sections: list[Section] = []
        self._heading = ""
        self._blocks: list[Block] = []

    def close(self) -> None:
        if self._heading or self._blocks:
            self.sections.append(Section(self._heading, tuple(self._blocks)))
        self._blocks = []

    def heading(self, element: lxml.html.HtmlElement) -> None:
        text = _text(element)
        if element.tag == "h1" and not self.title:
            self.title = text
            return
        self.close()
        self._heading = text

    def paragraph(self, element: lxml.html.HtmlElement) -> None:
        collector = _LineCollector(self.context)
        collector.walk(element)
        collector.flush()
        for line in collector.lines:
            self._blocks.append(Paragraph(line.text, tuple(collector.links), line.strong))

    def loose_text(self, text: str) -> None:
        """Text directly inside a container (``<li>Normal<p>200</p></li>``)."""
        self._blocks.append(Paragraph(_clean(text)))

    def code(self, element: lxml.html.HtmlElement) -> None:
        self._blocks.append(CodeBlock(element.text_content()))

    def table(self, element: lxml.html.HtmlElement) -> None:
        self._blocks.append(_table(element, self.context))


def _walk(root: lxml.html.HtmlElement, builder: _SectionBuilder) -> None:
    stack: list[Iterator[lxml.html.HtmlElement]] = [iter(root)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
            continue
        tag = element.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag in _HEADINGS:
            builder.heading(element)
        elif tag == "table":
            builder.table(element)
        elif tag == "pre":
            builder.code(element)
        elif tag == "p" or (tag == "li" and element.find("p") is None and len(element) == 0):
            builder.paragraph(element)
        elif tag == "caption":
            continue
        else:
            loose = (element.text or "").strip()
            if loose and tag not in _INLINE:
                builder.loose_text(loose)
            stack.append(iter(element))


def _content_root(document: lxml.html.HtmlElement) -> tuple[lxml.html.HtmlElement, PageFormat]:
    main = document.find(".//main")
    if main is not None:
        return main, PageFormat.PORTAL
    body = document.find(".//body")
    return (body if body is not None else document), PageFormat.EXPORT


def _topic_anchor(root: lxml.html.HtmlElement, page_format: PageFormat) -> str:
    """The anchor that names the topic: ``<a name>`` before the title (export) or the
    ``<span id>`` label Sphinx keeps before the first heading (portal)."""
    if page_format is PageFormat.EXPORT:
        for element in root.iter("a", "h1"):
            if element.tag == "h1":
                break
            if element.get("name"):
                return str(element.get("name"))
        return ""
    heading = root.find(".//h1")
    if heading is None:
        return ""
    sibling = heading.getprevious()
    while sibling is not None:
        if sibling.tag == "span" and sibling.get("id"):
            return str(sibling.get("id"))
        sibling = sibling.getprevious()
    return ""


def _breadcrumbs(document: lxml.html.HtmlElement) -> tuple[str, ...]:
    crumbs = document.xpath('//*[@id="breadcrumbs"]/li')
    names = [_text(li) for li in crumbs if "breadcrumb-title" not in (li.get("class") or "")]
    return tuple(name for name in names if name)


def _parse_tree(text: str, context: _PageContext) -> lxml.html.HtmlElement | None:
    parser = lxml.html.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        recover=True,
        huge_tree=False,
    )
    try:
        document = lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.ParserError, ValueError) as error:
        context.report(Code.UNREADABLE_PAGE, f"HTML could not be parsed: {error}")
        return None
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        context.report(
            Code.TOO_DEEP, "elements nested too deeply; the content below the limit is ignored"
        )
    return document


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
    if decoded.guessed:
        context.report(
            Code.ENCODING_GUESSED,
            f"no BOM or charset declaration decided; read as {decoded.encoding}",
            level=Level.INFO,
        )
    if not decoded.text.strip():
        context.report(Code.EMPTY_PAGE, "the file is empty")
        return _with(empty, context)
    if looks_binary(decoded.text):
        context.report(Code.NOT_HTML, "the file is not text (binary content)", level=Level.ERROR)
        return _with(empty, context)
    document = _parse_tree(decoded.text, context)
    if document is None:
        return _with(empty, context)
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


def _title_fallback(document: lxml.html.HtmlElement) -> str:
    title = document.find(".//title")
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
