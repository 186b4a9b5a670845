"""Tables of headers that repeat what operations document themselves.

A page that documents no operation may gather the headers of a feature in one table
("Headers used in SSE-KMS") and then list the operations they apply to, each a link to the
operation's page ("APIs where the newly added headers apply: Uploading an Object - PUT,
Copying an Object, ..."). Each of those operations lists the headers again in its own
request-header table. Such a table reaches no operation through a field's link, yet its
fields are in the document: as the header parameters of the operations the page links to.
A table is read so only when every one of its rows is a header of one of those operations;
otherwise it stays a table that reaches no operation.

Likewise a general page may list the query parameters that every list request of the
service accepts ("Querying Data in Pages": limit, marker, page_reverse, added to the URL of
the list request) in its Request section, while each list operation lists them again in
its own table. Its rows are in the document as those operations' query parameters when
every row is a query parameter of an operation of the service, of the type its Type cell
states (a ``String`` limit is not the ``integer`` one).
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field

from doc2openapi.scraper.model import FieldRow, FieldTable
from doc2openapi.scraper.section_titles import SectionKind, section_kind
from doc2openapi.spec.types import AnyType, Primitive, parse_type


@dataclass
class OperationHeaders:
    """The header names of each page's operations, and the pages each page of tables
    links to."""

    by_page: dict[str, set[str]] = field(default_factory=dict)
    links: dict[str, tuple[str, ...]] = field(default_factory=dict)
    queries: dict[str, dict[str, str]] = field(default_factory=dict)
    """The query parameters of each page's operations: their JSON types by name."""

    def add_operation(self, page: str, parameters: Iterable[dict[str, object]]) -> None:
        names = self.by_page.setdefault(page, set())
        queries = self.queries.setdefault(page, {})
        for parameter in parameters:
            if "name" not in parameter:
                continue
            if parameter.get("in") == "header":
                names.add(str(parameter["name"]).lower())
            elif parameter.get("in") == "query":
                schema = parameter.get("schema")
                kind = schema.get("type", "") if isinstance(schema, dict) else ""
                queries[str(parameter["name"])] = str(kind)

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

    def querying(self, table: FieldTable, within: Container[str]) -> Sequence[str]:
        """The operation pages, among ``within`` (the pages of the table's service), that
        take a row of a table of request parameters as a query parameter, when every row
        is a query parameter of one of them of the type its Type cell states; else
        nothing."""
        if (
            not table.fields
            or table.failed_rows
            or section_kind(table.section)
            not in (
                SectionKind.REQUEST,
                SectionKind.URI,
            )
        ):
            return ()
        taking = sorted(
            page
            for page, queries in self.queries.items()
            if page in within and any(_takes(queries, row) for row in table.fields)
        )
        if all(any(_takes(self.queries[p], row) for p in taking) for row in table.fields):
            return taking
        return ()


def _takes(queries: dict[str, str], row: FieldRow) -> bool:
    """Whether a query parameter of the row's name has the type its Type cell states
    (any type where the table has no Type column)."""
    if row.name not in queries:
        return False
    stated = parse_type(row.type_text)
    if isinstance(stated, AnyType):
        return True
    return isinstance(stated, Primitive) and stated.type == queries[row.name]
