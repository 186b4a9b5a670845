"""The walk over a page's content: a heading opens a section, the blocks after it fill it."""

from __future__ import annotations

from collections.abc import Iterator

from lxml.etree import _Element

from doc2openapi.diagnostics import Code
from doc2openapi.scraper.elements import (
    HEADINGS,
    INLINE,
    SKIPPED,
    LineCollector,
    PageContext,
    clean_text,
    raw_text_of,
    text_of,
)
from doc2openapi.scraper.model import Block, CodeBlock, Paragraph, Section
from doc2openapi.scraper.tables import read_table

MAX_TABLES = 500
"""Tables read per page; the rest are reported and not read (the corpus has at most 17)."""


class SectionBuilder:
    def __init__(self, context: PageContext) -> None:
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
        text = text_of(element)
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
        collector = LineCollector(self.context)
        collector.walk(element)
        collector.flush()
        for line in collector.lines:
            self._blocks.append(Paragraph(line.text, tuple(collector.links), line.strong))

    def loose_text(self, text: str) -> None:
        """Text directly inside a container (``<li>Normal<p>200</p></li>``)."""
        self._blocks.append(Paragraph(clean_text(text)))

    def code(self, element: _Element) -> None:
        self._blocks.append(CodeBlock(raw_text_of(element)))

    def table(self, element: _Element) -> None:
        if self.context.table_count >= MAX_TABLES:
            if self.context.table_count == MAX_TABLES:
                self.context.table_count += 1
                self.context.report(
                    Code.PAGE_TOO_LARGE,
                    f"more than {MAX_TABLES} tables; only the first {MAX_TABLES} are read",
                )
            return
        self._blocks.append(read_table(element, self.context, tuple(self._anchors)))
        self._anchors = []


def walk_sections(root: _Element, builder: SectionBuilder) -> None:
    stack: list[Iterator[_Element]] = [iter(root)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
            continue
        tag = element.tag
        if not isinstance(tag, str) or tag in SKIPPED:
            continue
        if tag != "table":
            builder.anchor(element)
        if tag in HEADINGS:
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
            if loose and tag not in INLINE:
                builder.loose_text(loose)
            stack.append(iter(element))
