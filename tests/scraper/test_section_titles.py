"""Sections recognised by their titles, and what a page's sections make of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from doc2openapi.pipeline import scrape
from doc2openapi.scraper.section_titles import SectionKind, section_kind
from tests.helpers.page_builders import FIELDS, portal_page, resolve, scrape_html, section, table


@pytest.mark.parametrize("title", ["URI", "Request URI", "URI Format", "API Format"])
def test_titles_of_the_section_that_gives_the_request_line(title: str) -> None:
    assert section_kind(title) is SectionKind.URI


@pytest.mark.parametrize("title", ["Format of bucket access logs", "Format of an Error Response"])
def test_a_format_of_something_else_is_no_uri(title: str) -> None:
    assert section_kind(title) is SectionKind.OTHER


def test_api_format_section_with_a_request_line_without_blank(tmp_path: Path) -> None:
    """nat "Querying All API Versions" writes its operation as "API Format" / "GET/"."""
    (tmp_path / "versions.html").write_text(
        "<html><body><main><section id='top'><h1>Querying All API Versions</h1>"
        "<section id='f'><h2>API Format</h2><p>GET/</p></section>"
        "<section id='r'><h2>Response</h2><div class='table-responsive'><table>"
        "<caption>Table 1 Response parameters</caption><thead><tr><th>Parameter</th>"
        "<th>Type</th><th>Description</th></tr></thead><tbody><tr><td>versions</td>"
        "<td>Array</td><td>All versions.</td></tr></tbody></table></div></section>"
        "</section></main></body></html>"
    )
    outcome = scrape([tmp_path])
    operation = outcome.spec.document["paths"]["/"]["get"]
    assert operation["summary"] == "Querying All API Versions"
    counts = outcome.spec.counts[tmp_path.name]["versions.html"]
    assert (counts.recognised, counts.failed) == (1, 0)


@pytest.mark.parametrize("title", ["Normal Response", "Successful Response"])
def test_a_section_titled_for_the_successful_request_gives_the_response(title: str) -> None:
    assert section_kind(title) is SectionKind.RESPONSE


def test_normal_response_section_gives_the_body_of_the_operation(tmp_path: Path) -> None:
    """Older pages title the response "Normal Response" (its tables are the success body,
    a nested one linked from a type cell) beside an "Abnormal Response" section."""
    html = portal_page(
        section(
            "Normal Response",
            table(
                FIELDS,
                ("labels", "List data structure. See <a href='#t3'>Table 3</a>.", "Labels."),
                caption="Table 2 Parameter description",
            ),
            "<span id='t3'></span>",
            table(
                FIELDS,
                ("text", "String", "The text of a label."),
                caption="Table 3 labels field data structure description",
            ),
        ),
        section("Abnormal Response", "<p>See the error codes.</p>"),
    )
    outcome = scrape_html(tmp_path, html)
    operation = outcome.spec.document["paths"]["/v1/things/{id}"]["get"]
    body = operation["responses"]["200"]["content"]["application/json"]["schema"]
    labels = resolve(outcome.spec.document, body)["properties"]["labels"]
    assert list(resolve(outcome.spec.document, labels["items"])["properties"]) == ["text"]
    counts = outcome.spec.counts[tmp_path.name]["page.html"]
    assert (counts.recognised, counts.failed) == (2, 0)
