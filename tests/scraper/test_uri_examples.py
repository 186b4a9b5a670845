"""A URI section that gives the URI, then an example of it with its query, then the table
of its parameters (pages written here): one operation, whose path and query parameters are
the table's rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from doc2openapi.diagnostics import Code
from tests.helpers.page_builders import scrape_html, table

_PARAMETERS = table(
    ("Name", "Mandatory", "Type", "Description"),
    ("project_id", "Yes", "String", "Specifies the project ID."),
    ("kind", "No", "String", "Specifies the kind of widget to list."),
    ("limit", "No", "Integer", "Specifies the number of records on each page."),
    caption="Table 1 Parameter description",
)


def _page(example: str) -> str:
    return (
        '<html><body><main><section id="op"><h1>Listing Widgets</h1>'
        "<section><h2>Function</h2><p>This API is used to list widgets.</p></section>"
        "<section><h2>URI</h2><p>GET /v1/{project_id}/widgets</p><p>Example:</p>"
        f"<pre>{example}</pre><p>Table 1 describes the parameters.</p>{_PARAMETERS}</section>"
        "<section><h2>Response Parameters</h2>"
        + table(
            ("Parameter", "Type", "Description"),
            ("widgets", "Array of strings", "The widgets."),
            caption="Table 2 Response parameter",
        )
        + "</section></section></main></body></html>"
    )


def _operation(tmp_path: Path, example: str) -> tuple[dict[str, Any], list[Code]]:
    outcome = scrape_html(tmp_path, _page(example))
    (path,) = outcome.spec.document["paths"].values()
    return path["get"], [d.code for d in outcome.diagnostics]


def test_the_table_after_an_example_request_line_lists_the_parameters(tmp_path: Path) -> None:
    """``GET https://{Endpoint}/...?kind={kind}`` is a request line, not a one-line record
    whose parts the table would name: the table's rows are the operation's parameters,
    typed and described as it says."""
    example = "GET https://{Endpoint}/v1/{project_id}/widgets?kind={kind}&amp;limit={limit}"
    operation, codes = _operation(tmp_path, example)
    parameters = {p["name"]: p for p in operation["parameters"]}
    assert [(p["in"], p["name"]) for p in operation["parameters"]] == [
        ("path", "project_id"),
        ("query", "kind"),
        ("query", "limit"),
    ]
    assert parameters["limit"]["schema"]["type"] == "integer"
    assert parameters["project_id"]["description"] == "Specifies the project ID."
    assert Code.TABLE_NOT_FIELDS not in codes
    assert Code.PATH_PARAM_UNDOCUMENTED not in codes


def test_the_uri_and_its_example_with_a_query_are_one_operation(tmp_path: Path) -> None:
    """The example's query names join the operation's; no page documents it twice."""
    example = "GET https://{Endpoint}/v1/{project_id}/widgets?kind={kind}"
    operation, codes = _operation(tmp_path, example)
    assert Code.OPERATION_MERGED not in codes
    assert {p["name"] for p in operation["parameters"]} == {"project_id", "kind", "limit"}
