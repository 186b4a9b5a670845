"""A field whose description offers several tables in turn: each is one form of the field.

"If action is set to add or replace, see Table 3 ... If action is set to delete, see
Table 4" (elb "Batch Updating Backend Servers", ``members``): the items are either
form, an ``anyOf`` of the two tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from doc2openapi.scraper.links import same_page_table_numbers
from doc2openapi.scraper.model import FieldRow, FieldTable

if TYPE_CHECKING:
    from doc2openapi.spec.schemas import Target
    from doc2openapi.spec.table_index import TableIndex


def alternative_forms(
    index: TableIndex, table: FieldTable, row: FieldRow, found: FieldTable
) -> Target:
    """The tables a field's description names by number, when it names two or more of its
    page and the table its link or first mention reached is one of them; else ``found``.
    A named table that another named table links is a member of it, not another form."""
    numbers = dict.fromkeys(same_page_table_numbers(_text(row), row.description_links, table.page))
    tables: list[FieldTable] = []
    for number in numbers if len(numbers) > 1 else ():
        other = index.by_number.get((table.page, number))
        if other is not None and other is not table and all(other is not t for t in tables):
            tables.append(other)
    if all(found is not t for t in tables):
        return found  # one table named, or the link leads elsewhere than the numbers
    forms = tuple(t for t in tables if not any(_links(u, t) for u in tables if u is not t))
    return forms if len(forms) > 1 else found


def _links(table: FieldTable, other: FieldTable) -> bool:
    """Whether a field of ``table`` names ``other`` by its anchor or its number."""
    anchors = set(other.anchors)
    for row in table.fields:
        if any(k.fragment in anchors and k.page in ("", other.page) for k in row.description_links):
            return True
        numbers = same_page_table_numbers(_text(row), row.description_links, table.page)
        if other.number and other.number in numbers:
            return True
    return False


def _text(row: FieldRow) -> str:
    return " ".join(line.text for line in row.description)
