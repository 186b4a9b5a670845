"""The role of each table of a page: by its section, caption or label, and the links to it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from doc2openapi.scraper.columns import columns_of
from doc2openapi.scraper.links import label_subject, same_page_table_numbers, subject_field_names
from doc2openapi.scraper.model import Block, CodeBlock, Page, Paragraph, Table, TableRole
from doc2openapi.scraper.section_titles import SectionKind, section_kind
from doc2openapi.scraper.status import ERROR_STATUS, is_error_label, status_after

_CAPTION_WORD = {
    word: re.compile(rf"(?:^|[\s(/-]){word}s?\b") for word in ("header", "query", "path")
}


def caption_role(caption: str, kind: SectionKind) -> TableRole | None:
    """The role a caption states in words ("Request header parameters", "Query
    Parameters"); a schema name that merely contains such a word (``InsertHeaders``) states
    none."""
    text = caption.lower()
    if _CAPTION_WORD["header"].search(text):
        return TableRole.HEADER if kind is not SectionKind.RESPONSE else TableRole.UNPLACED
    if _CAPTION_WORD["query"].search(text):
        return TableRole.QUERY
    if _CAPTION_WORD["path"].search(text) and "parameter" in text:
        return TableRole.PATH
    return None


_TYPE_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_.:]*")
"""A word of a Type cell that may name a structure (``PageInfo`` in "PageInfo object")."""


def references_of_table(table: Table, page_key: str) -> set[str]:
    """Anchors, ``Table N`` numbers, field names and the words of Type cells by which a
    table points at others."""
    targets: set[str] = set()
    columns = columns_of(table.header)
    for row in table.rows:
        for cell in row.cells:
            for link in cell.links:
                if link.fragment:
                    targets.add(f"#{link.page}#{link.fragment}")
            for number in same_page_table_numbers(cell.text, cell.links, page_key):
                targets.add(f"table {number}")
        if columns is not None and columns.name < len(row.cells):
            targets.add(f"field {row.cells[columns.name].text.strip()}")
        if columns is not None and columns.type is not None and columns.type < len(row.cells):
            words = _TYPE_WORD.findall(row.cells[columns.type].text)
            targets.update(f"type {word.lower()}" for word in words)
    return targets


@dataclass(frozen=True, slots=True)
class OtherReferences:
    """The references made by the other tables of a page (a table's links to itself do
    not make it nested), without building one set per table."""

    counts: Counter[str]
    own: set[str]

    def __contains__(self, reference: object) -> bool:
        return self.counts.get(str(reference), 0) > (1 if reference in self.own else 0)


def _is_referenced(table: Table, label: str, page_key: str, references: OtherReferences) -> bool:
    if table.number and f"table {table.number}" in references:
        return True
    subject = label_subject(table.caption) or label_subject(label)
    if any(f"field {name}" in references for name in subject_field_names(subject)):
        return True
    named = table.caption.strip()
    if _TYPE_WORD.fullmatch(named) and f"type {named.lower()}" in references:
        return True  # "Table 7 CronConfig", named by "Array of CronConfig objects"
    anchors = (*table.anchors, *table.lead_anchors)
    return any(f"#{page_key}#{anchor}" in references for anchor in anchors)


@dataclass(frozen=True, slots=True)
class PlacedTable:
    table: Table
    section: str
    kind: SectionKind
    status: str
    label: str
    """The paragraph just before a table without a caption (``""`` where none is)."""
    text_before: str = ""
    """The code block shown just before the table, with only paragraphs between (``""``
    where none is): a request line, a formula or a record the table explains."""


_LABEL_LENGTH = 120
"""Longer paragraphs before a table are prose, not its label."""


def place_tables(page: Page) -> list[PlacedTable]:
    """Each table with the section it sits in, the status code stated before it (an error
    body without a code: ``default``) and the paragraph that labels it."""
    placed: list[PlacedTable] = []
    for section in page.sections:
        kind = section_kind(section.title)
        status = ""
        previous: Block | None = None
        code = ""
        for block in section.blocks:
            if isinstance(block, Paragraph):
                status = status_after(block.text, status)
            elif isinstance(block, CodeBlock):
                code = block.text
            elif isinstance(block, Table):
                label = ""
                if isinstance(previous, Paragraph) and not block.caption:
                    label = previous.text if len(previous.text) <= _LABEL_LENGTH else ""
                table_status = status
                if is_error_label(block.caption) and not table_status.startswith(("4", "5")):
                    table_status = ERROR_STATUS
                placed.append(PlacedTable(block, section.title, kind, table_status, label, code))
                code = ""
            previous = block
    return placed


BODY_OF = {
    SectionKind.REQUEST: TableRole.REQUEST_BODY,
    SectionKind.RESPONSE: TableRole.RESPONSE_BODY,
}


def cycle_root(
    item: PlacedTable, page_key: str, earlier: Counter[str], roots: dict[tuple[TableRole, str], str]
) -> bool:
    """A request or response table that only tables after it refer to, in a section with
    no body yet, is the body of a recursive structure (a job whose ``subJobs`` are jobs)."""
    body = BODY_OF.get(item.kind)
    if body is None or (body, item.status) in roots:
        return False
    return not _is_referenced(item.table, item.label, page_key, OtherReferences(earlier, set()))


def table_role(item: PlacedTable, page_key: str, references: OtherReferences) -> TableRole:
    by_caption = caption_role(item.table.caption or item.label, item.kind)
    if by_caption is TableRole.UNPLACED and item.kind is SectionKind.RESPONSE:
        return TableRole.RESPONSE_HEADER
    if item.kind is SectionKind.URI:
        if by_caption is None and _is_referenced(item.table, item.label, page_key, references):
            return TableRole.SCHEMA  # "removeMember parameter description" under the URI
        return by_caption or TableRole.PATH
    if by_caption is not None and item.kind is SectionKind.REQUEST:
        return by_caption
    if _is_referenced(item.table, item.label, page_key, references):
        return TableRole.SCHEMA
    if item.kind is SectionKind.REQUEST:
        return TableRole.REQUEST_BODY
    if item.kind is SectionKind.RESPONSE:
        return by_caption or TableRole.RESPONSE_BODY
    return TableRole.UNPLACED
