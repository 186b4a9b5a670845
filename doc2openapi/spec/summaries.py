"""Tables of headers that repeat what operations document themselves.

A page that documents no operation may gather the headers of a feature in one table
("Headers used in SSE-KMS") and then list the operations they apply to, each a link to the
operation's page ("APIs where the newly added headers apply: Uploading an Object - PUT,
Copying an Object, ..."). Each of those operations lists the headers again in its own
request-header table. Such a table reaches no operation through a field's link, yet its
fields are in the document: as the header parameters of the operations the page links to.
A table is read so only when every one of its rows is a header of one of those operations;
otherwise it stays a table that reaches no operation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from doc2openapi.scraper.model import FieldTable


@dataclass
class OperationHeaders:
    """The header names of each page's operations, and the pages each page of tables
    links to."""

    by_page: dict[str, set[str]] = field(default_factory=dict)
    links: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def add_operation(self, page: str, parameters: Iterable[dict[str, object]]) -> None:
        names = self.by_page.setdefault(page, set())
        names.update(
            str(p["name"]).lower() for p in parameters if p.get("in") == "header" and "name" in p
        )

    def add_links(self, linked: Iterable[tuple[str, tuple[str, ...]]]) -> None:
        self.links.update(linked)

    def taking(self, table: FieldTable) -> Sequence[str]:
        """The operation pages, among those the table's page links to, that take a header
        of the table, when every row of the table is a header of one of them; else
        nothing."""
        if not table.fields or table.failed_rows:
            return ()
        pages = [p for p in self.links.get(table.page, ()) if self.by_page.get(p)]
        taking = [p for p in pages if any(r.name.lower() in self.by_page[p] for r in table.fields)]
        covered = set().union(*(self.by_page[p] for p in taking)) if taking else set()
        if all(row.name.lower() in covered for row in table.fields):
            return taking
        return ()
