"""Reading elements of a page: their text, links and table cells."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

import lxml.etree
from lxml.etree import _Element

from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.scraper.model import Cell, Link, TextLine

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SKIPPED = frozenset({"script", "style", "nav", "noscript", "template", "head", "aside"})
_STRING = lxml.etree.XPath("string()")
INLINE = frozenset({"a", "span", "strong", "b", "em", "i", "code", "sup", "sub", "font", "u"})
_CELL_BLOCKS = frozenset(
    {"p", "li", "div", "pre", "ul", "ol", "br", "table", "tr", "dl", "dt", "dd", "blockquote"}
    | HEADINGS
)


def raw_text_of(element: _Element) -> str:
    if len(element) == 0:  # most: text alone (the XPath call costs fifteen times more)
        return element.text or ""
    return str(_STRING(element))


def text_of(element: _Element) -> str:
    return clean_text(raw_text_of(element))


def clean_text(text: str) -> str:
    """Whitespace runs folded to one space, the portal's ``¶`` heading marks removed."""
    if "\u00b6" in text:
        text = text.replace("\u00b6", "")
    return " ".join(text.split())


@dataclass
class PageContext:
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


class LineCollector:
    """Splits an element's text into lines at block elements, noting list items and bold text."""

    def __init__(self, context: PageContext) -> None:
        self.context = context
        self.lines: list[TextLine] = []
        self.links: list[Link] = []
        self._parts: list[str] = []
        self._strong: list[str] = []
        self._in_list = 0
        self._in_strong = False

    def flush(self) -> None:
        text = clean_text("".join(self._parts))
        if text:
            self.lines.append(TextLine(text, self._in_list > 0, tuple(self._strong)))
        self._parts = []
        self._strong = []

    def walk(self, element: _Element) -> None:
        tag = element.tag
        if not isinstance(tag, str) or tag in SKIPPED:
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
                strong = text_of(element)
                if strong:
                    self._strong.append(strong)
                self._in_strong = outer_strong = True
        elif tag == "a" and element.get("href"):
            self.links.append(self.context.link(element.get("href", ""), text_of(element)))
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


def read_cell(element: _Element, context: PageContext) -> Cell:
    plain = _plain_text(element)
    if plain is not None:
        text = clean_text(plain)
        return Cell((TextLine(text),)) if text else _EMPTY_CELL
    collector = LineCollector(context)
    collector.walk(element)
    collector.flush()
    return Cell(tuple(collector.lines), tuple(collector.links))
