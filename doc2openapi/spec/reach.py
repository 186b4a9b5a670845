"""Tables on another page, reached through a link that names a page rather than a table.

Documents share structures between pages: a field says "For details, see Data Structure
for Query Details About Specifications" (a page of data structures), a response section
says only "See Responses (Task)" (the page that documents the response of many
operations), a field of varying shape says "see Add-on Instance Parameters" (an index page
listing one page per shape). The table meant is, on the linked page, the one whose caption
or label names the link's subject or the field; else the page's root table, the one no
other table of that page refers to. An index page means the root table of every page it
lists, as alternatives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from doc2openapi.scraper.captions import labelled_value
from doc2openapi.scraper.links import label_subject, same_page_table_numbers, subject_field_names
from doc2openapi.scraper.model import FieldTable, Link
from doc2openapi.text_names import pascal_case

_ERROR_LABEL = re.compile(r"\b(abnormal|error|errors|failure|failed)\b", re.I)
"""A root table labelled so documents the body of a failed request."""


def subject_of(table: FieldTable) -> str:
    """The field a table describes, as its caption or labelling paragraph names it."""
    return (label_subject(table.caption) or label_subject(table.label)).lower()


def _mentions(table: FieldTable) -> set[str]:
    """Anchors (``#anchor``), table numbers (``table N``) and field names (``field x``)
    by which a table's rows point at other tables of its page."""
    found: set[str] = set()
    for row in table.fields:
        found.add(f"field {row.name.lower()}")
        links = (*row.type_links, *row.name_links, *row.description_links)
        found.update(f"#{k.fragment}" for k in links if k.fragment and k.page in ("", table.page))
        text = " ".join((row.type_text, *(line.text for line in row.description)))
        found.update(f"table {n}" for n in same_page_table_numbers(text, links, table.page))
    return found


def root_tables(tables: Sequence[FieldTable]) -> list[FieldTable]:
    """The tables of one page that no other table of the page refers to, in page order."""
    mentions = [_mentions(t) for t in tables]
    roots: list[FieldTable] = []
    for position, table in enumerate(tables):
        others: set[str] = set()
        for index, found in enumerate(mentions):
            if index != position:
                others |= found
        names = {f"#{a}" for a in (*table.anchors, *table.lead_anchors)}
        if table.number:
            names.add(f"table {table.number}")
        subject = subject_of(table)
        # a list field "servers" is described by "Configuration of server"
        names.update(f"field {name}" for name in subject_field_names(subject))
        if not names & others:
            roots.append(table)
    return roots


@dataclass
class PageTables:
    """The tables of the pages that document no operation, by page, and the pages each
    index page lists."""

    by_page: dict[str, list[FieldTable]] = field(default_factory=dict)
    listed: dict[str, tuple[str, ...]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    """The title of each page (an alternative of an index page is named after it)."""
    _roots: dict[str, list[FieldTable]] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        tables: Iterable[FieldTable],
        listed: Iterable[tuple[str, tuple[str, ...]]],
        titles: Iterable[tuple[str, str]] = (),
    ) -> PageTables:
        found = cls(listed=dict(listed), titles=dict(titles))
        for table in tables:
            found.by_page.setdefault(table.page, []).append(table)
        return found

    def alternative_name(self, table: FieldTable, hint: str) -> str:
        """The name of one of a field's alternative tables: the field and the value its
        label names ("(methods is set to token)": ``IdentityToken``), else its page's title."""
        value = labelled_value(table)
        if value:
            return pascal_case(hint) + pascal_case(value)
        title = self.titles.get(table.page, "")
        return pascal_case(title) if title else ""

    def roots(self, page: str) -> list[FieldTable]:
        if page not in self._roots:
            self._roots[page] = root_tables(self.by_page.get(page, []))
        return self._roots[page]

    def for_field(self, links: Iterable[Link], name: str, here: str) -> tuple[FieldTable, ...]:
        """The tables a field's links to other pages mean (``()``: none)."""
        for link in links:
            if link.page and link.page != here and not link.external:
                found = self._on_page(link, name)
                if found:
                    return found
        return ()

    def _on_page(self, link: Link, name: str) -> tuple[FieldTable, ...]:
        tables = self.by_page.get(link.page)
        if not tables:
            listed = (self.roots(page) for page in self.listed.get(link.page, ()))
            return tuple(roots[0] for roots in listed if roots)
        for subject in (label_subject(link.text).lower(), name.lower()):
            named = [t for t in tables if subject and subject_of(t) == subject]
            if named:
                return (named[0],)
        roots = self.roots(link.page)
        return (roots[0],) if len(roots) == 1 else ()

    def responses(self, links: Iterable[Link]) -> tuple[FieldTable | None, FieldTable | None]:
        """The success and error body tables of the page a response section links."""
        for link in links:
            roots = self.roots(link.page)
            if roots:
                errors = [t for t in roots if _ERROR_LABEL.search(t.label or t.caption)]
                success = [t for t in roots if all(t is not e for e in errors)]
                return (success[0] if success else None), (errors[0] if errors else None)
        return None, None
