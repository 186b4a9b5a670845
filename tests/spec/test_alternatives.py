"""A field whose description names two tables of its page in turn takes either form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from doc2openapi.pipeline import ScrapeOutcome, scrape
from tests.helpers.golden_contracts import deref
from tests.helpers.page_builders import section, table

_FIELDS = ("Parameter", "Mandatory", "Type", "Description")


def _scrape(tmp_path: Path, items_text: str, *add_rows: tuple[str, ...]) -> ScrapeOutcome:
    tables = (
        table(
            _FIELDS,
            ("items", "Yes", "Array", items_text),
            ("action", "No", "String", "add or delete."),
            caption="Table 1 Request parameters",
        ),
        table(_FIELDS, *add_rows, caption="Table 2 items parameter description"),
        table(
            _FIELDS,
            ("id", "Yes", "String", "The item ID."),
            caption="Table 3 items parameter description",
        ),
    )
    page = (
        "<html><body><main><section id='op'><h1>Updating Items</h1>"
        "<section id='uri'><h2>URI</h2><p>PUT /v1/items</p></section>"
        f"{section('Request', *tables)}</section></main></body></html>"
    )
    (tmp_path / "items.html").write_text(page)
    return scrape([tmp_path])


def _items(outcome: ScrapeOutcome) -> tuple[dict[str, Any], dict[str, Any]]:
    document = outcome.spec.document
    operation = document["paths"]["/v1/items"]["put"]
    body = deref(document, operation["requestBody"]["content"]["application/json"]["schema"])[0]
    return document, body["properties"]["items"]["items"]


def _members(document: dict[str, Any], schema: dict[str, Any]) -> set[str]:
    return set(deref(document, schema)[0]["properties"])


_NAME = ("name", "Yes", "String", "The item name.")


def test_two_tables_named_in_turn_are_the_two_forms_of_the_items(tmp_path: Path) -> None:
    text = "If action is add, see Table 2. If action is delete, see Table 3."
    outcome = _scrape(tmp_path, text, _NAME, ("size", "No", "Integer", "The item size."))
    document, items = _items(outcome)
    assert [_members(document, form) for form in items["anyOf"]] == [{"name", "size"}, {"id"}]
    counts = outcome.spec.counts[tmp_path.name]["items.html"]
    assert (counts.recognised, counts.failed) == (5, 0)


def test_a_named_table_that_the_other_links_is_a_member_not_a_form(tmp_path: Path) -> None:
    """Table 3 is the structure of Table 2's ``parts``: naming both ("see Table 2; each
    part, Table 3") gives one form."""
    text = "For details, see Table 2. The parts are described in Table 3."
    parts = ("parts", "No", "Array", "The parts. For details, see Table 3.")
    document, items = _items(_scrape(tmp_path, text, _NAME, parts))
    assert "anyOf" not in items
    assert _members(document, items) == {"name", "parts"}
