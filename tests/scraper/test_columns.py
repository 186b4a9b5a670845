"""Columns of a parameter table found by their header names."""

from __future__ import annotations

import pytest

from doc2openapi.pipeline import scrape_page
from doc2openapi.scraper.columns import NoFields, columns_of, lists_no_fields
from doc2openapi.scraper.model import Table


@pytest.mark.parametrize("mandatory", ["Mandatory", "Mandatory or Not", "Mandatory (Yes/No)"])
def test_the_mandatory_column_under_its_names(mandatory: str) -> None:
    columns = columns_of(("Parameter", mandatory, "Type", "Description"))
    assert columns is not None
    assert (columns.name, columns.requirement, columns.type, columns.description) == (0, 1, 2, 3)


@pytest.mark.parametrize(
    "header",
    [
        ("Metric", "Name", "Description", "Value Range", "Remarks"),
        ("Metric ID", "Metric Name", "Description"),
        ("Key", "Value"),
    ],
)
def test_tables_that_list_no_fields(header: tuple[str, ...]) -> None:
    """Metrics and key/value listings name things that are not fields."""
    assert columns_of(header) is None


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        (("Metric", "Name", "Description", "Value Range"), NoFields.METRICS),
        (("Cluster Type", "Metric", "Value Type", "Description"), NoFields.METRICS),
        (("Key", "Value"), NoFields.LISTING),
        (("Status Code", "Name", "Description"), NoFields.STATUS_CODES),
        (("Returned Value", "Description"), NoFields.STATUS_CODES),
        (("Action", "Description"), NoFields.NO_NAME_COLUMN),
        ((), NoFields.NO_HEADER),
        (("Parameter", "Type", "Description"), None),
        (("Element", "Description"), None),
        (("Response Item", "Type", "Description"), None),
    ],
)
def test_why_a_table_lists_no_fields(header: tuple[str, ...], reason: NoFields | None) -> None:
    """One function says which tables are set aside and why; a table of fields is not."""
    assert lists_no_fields(Table("t", (), "", "", header, ())) == reason


def _appendix(header: tuple[str, ...], *rows: tuple[str, ...]) -> bytes:
    head = "".join(f"<th>{text}</th>" for text in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        "<html><body><main><section id='top'><h1>Status Codes</h1><p>Table 1 describes the "
        "status codes.</p><div class='table-responsive'><table><caption>Table 1 Status codes"
        f"</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
        "</section></main></body></html>"
    ).encode()


def test_a_status_code_table_of_a_page_without_operation_lists_no_fields() -> None:
    """ "Status Code | Name | Description" has a Name column, but its rows are codes."""
    page = _appendix(
        ("Status Code", "Name", "Description"),
        ("100", "Continue", "The server has received the initial part."),
        ("204", "NoContent", "The server has processed the request."),
    )
    result = scrape_page("appendix/status_codes.html", page)
    assert result.api is None
    assert result.tables == ()
    assert (result.page.tally.rows_not_fields, result.page.tally.tables_not_fields) == (2, 1)
    (said,) = [d for d in result.page.diagnostics if d.code.value == "D109"]
    assert (said.page, said.table, said.level.value) == (
        "appendix/status_codes.html",
        "Status codes",
        "info",
    )
    assert "status codes" in said.detail


def test_a_parameter_table_of_a_page_without_operation_is_kept() -> None:
    page = _appendix(("Parameter", "Name", "Description"), ("id", "Identifier", "The ID."))
    (table,) = scrape_page("appendix/model.html", page).tables
    assert [row.name for row in table.fields] == ["id"]


def test_a_name_and_description_table_lists_fields() -> None:
    columns = columns_of(("Element", "Description"))
    assert columns is not None
    assert (columns.name, columns.description) == (0, 1)


def _client_setup(*exports: str) -> bytes:
    lines = "".join(f"<p>export {name}=value</p>" for name in exports)
    rows = "<tr><td>OS_AUTH_URL</td><td>Authentication URL.</td></tr>"
    rows += "<tr><td>OS_USERNAME</td><td>User name.</td></tr>"
    return (
        "<html><body><main><section id='top'><h1>Using the client</h1><p>For example:</p>"
        f"{lines}<table><caption>Table 1 Parameter description</caption><thead><tr>"
        f"<th>Parameter</th><th>Description</th></tr></thead><tbody>{rows}</tbody></table>"
        "</section></main></body></html>"
    ).encode()


def test_a_table_of_the_variables_the_page_exports_lists_no_fields() -> None:
    """Every name of the table is set by an ``export NAME=...`` line of the page: they
    configure a command-line tool, they are no fields of a request or response."""
    result = scrape_page("sso.html", _client_setup("OS_AUTH_URL", "OS_USERNAME"))
    assert result.tables == ()
    assert (result.page.tally.rows_not_fields, result.page.tally.tables_not_fields) == (2, 1)
    (said,) = [d for d in result.page.diagnostics if d.code.value == "D109"]
    assert "environment variables" in said.detail


def test_a_table_with_a_name_no_line_exports_is_kept() -> None:
    result = scrape_page("sso.html", _client_setup("OS_AUTH_URL"))
    (table,) = result.tables
    assert [row.name for row in table.fields] == ["OS_AUTH_URL", "OS_USERNAME"]
