"""The URI section's request lines: a sample written beside the template it illustrates is
that template's operation, not one more."""

from __future__ import annotations

from pathlib import Path

from doc2openapi.diagnostics import Code, Level
from doc2openapi.scraper.endpoints import instance_of, parse_endpoint
from tests.helpers.page_builders import scrape_html


def _page(*uri_blocks: str) -> str:
    blocks = "".join(uri_blocks)
    return (
        '<html><body><main><section id="op"><h1>Deleting a Widget</h1>'
        f'<section id="uri"><h2>URI</h2>{blocks}</section>'
        '<section id="resp"><h2>Response</h2><p>The response has no message body.</p>'
        "</section></section></main></body></html>"
    )


def test_a_sample_that_keeps_the_project_placeholder_is_no_operation(tmp_path: Path) -> None:
    """``DELETE .../{project_id}/widgets/wd1441967036681Abc`` under "Example" shows the
    template ``.../{project_id}/widgets/{widget_id}`` with the widget ID filled in."""
    html = _page(
        "<p>DELETE /v1/{project_id}/widgets/{widget_id}</p>",
        "<ul><li><p>Example</p><div class='highlight-text'><pre>"
        "DELETE https://{Endpoint}/v1/{project_id}/widgets/wd1441967036681Abc</pre></div></li></ul>",
    )
    outcome = scrape_html(tmp_path, html)
    paths = outcome.spec.document["paths"]
    assert {p: sorted(item) for p, item in paths.items()} == {
        "/v1/{project_id}/widgets/{widget_id}": ["delete"]
    }
    merged = [d for d in outcome.diagnostics if d.code is Code.OPERATION_MERGED]
    assert [(d.level, "wd1441967036681Abc" in d.detail) for d in merged] == [(Level.INFO, True)]


def test_a_literal_path_beside_a_template_is_an_operation_of_its_own(tmp_path: Path) -> None:
    """``GET .../credentials/OS-EC2`` is written as a path, not as a sample URL: it is a
    second operation even though its segment holds a digit."""
    html = _page(
        "<p>GET /v3/users/{user_id}/credentials/{credential_id}</p>",
        "<p>GET /v3/users/{user_id}/credentials/OS-EC2</p>",
    )
    paths = scrape_html(tmp_path, html).spec.document["paths"]
    assert sorted(paths) == [
        "/v3/users/{user_id}/credentials/OS-EC2",
        "/v3/users/{user_id}/credentials/{credential_id}",
    ]


def test_a_word_in_place_of_a_placeholder_is_a_path_of_its_own() -> None:
    template = parse_endpoint("GET", "/v1/{project_id}/widgets/{widget_id}")
    assert not instance_of(parse_endpoint("GET", "/v1/{project_id}/widgets/detail"), template)
    assert instance_of(parse_endpoint("GET", "/v1/{project_id}/widgets/wd12"), template)
    assert instance_of(parse_endpoint("GET", "/v1/p1/widgets/detail"), template)
    assert not instance_of(parse_endpoint("GET", "/v1/{project_id}/widgets/{widget_id}"), template)
    assert not instance_of(parse_endpoint("PUT", "/v1/{project_id}/widgets/wd12"), template)
    assert not instance_of(parse_endpoint("GET", "/v1/{project_id}/gadgets/wd12"), template)


def test_a_sample_with_a_query_adds_its_names_to_the_one_operation(tmp_path: Path) -> None:
    """``GET .../widgets`` and, under "Example", ``GET .../widgets?start=w1&limit=10``: one
    operation of one page (no OPERATION_MERGED naming the page twice)."""
    html = _page(
        "<p>GET /v1/{project_id}/widgets</p>",
        "<ul><li><p>Example</p><div class='highlight-text'><pre>"
        "GET https://{Endpoint}/v1/{project_id}/widgets?start=w1&amp;limit=10</pre></div></li></ul>",
    )
    outcome = scrape_html(tmp_path, html)
    operation = outcome.spec.document["paths"]["/v1/{project_id}/widgets"]["get"]
    assert operation["x-source"] == "page.html"
    assert [p["name"] for p in operation["parameters"] if p["in"] == "query"] == [
        "start",
        "limit",
    ]
    assert "D304" not in {d.code.value for d in outcome.diagnostics}
