"""A GET or HEAD has no body; a DELETE has one only where its example shows one; a table of
HTTP header names lists headers."""

from __future__ import annotations

from doc2openapi.scraper.interpret import read_api_page
from doc2openapi.scraper.model import TableRole
from doc2openapi.scraper.page import read_page

PAGE = """<a name="Op"></a><h1 class="topictitle1">An operation</h1>
<div class="section"><h4 class="sectiontitle">URI</h4><p>{method} /v1/things</p></div>
<div class="section"><h4 class="sectiontitle">Request</h4>
<table><caption><b>Table 1 </b>Request parameters</caption>
<thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
<tbody>{rows}</tbody></table></div>
<div class="section"><h4 class="sectiontitle">Example Request</h4><pre>{example}</pre></div>"""
FIELDS = (
    "<tr><td>limit</td><td>No</td><td>Integer</td><td>Page size.</td></tr>"
    "<tr><td>name</td><td>No</td><td>String</td><td>Name.</td></tr>"
)
HEADERS = (
    "<tr><td>X-Auth-Token</td><td>Yes</td><td>String</td><td>Token.</td></tr>"
    "<tr><td>Content-Type</td><td>Yes</td><td>String</td><td>Type.</td></tr>"
)


def roles(method: str, rows: str, example: str = "") -> list[TableRole]:
    html = PAGE.format(method=method, rows=rows, example=example or f"{method} /v1/things")
    api, _ = read_api_page(read_page("op.html", html.encode()))
    assert api is not None
    return [table.role for table in api.tables]


def test_a_request_table_on_a_get_or_head_page_holds_query_parameters() -> None:
    assert roles("GET", FIELDS) == [TableRole.QUERY]
    assert roles("HEAD", FIELDS) == [TableRole.QUERY]
    assert roles("POST", FIELDS) == [TableRole.REQUEST_BODY]


def test_a_delete_has_a_body_only_where_its_example_shows_one() -> None:
    assert roles("DELETE", FIELDS) == [TableRole.QUERY]
    with_body = 'DELETE /v1/things\n{\n  "name": "a",\n  "limit": 1\n}'
    assert roles("DELETE", FIELDS, with_body) == [TableRole.REQUEST_BODY]
    other_keys = 'DELETE /v1/things\n{"ids": ["a"]}'
    assert roles("DELETE", FIELDS, other_keys) == [TableRole.QUERY]


def test_a_table_of_header_names_lists_headers() -> None:
    assert roles("GET", HEADERS) == [TableRole.HEADER]
    assert roles("POST", HEADERS) == [TableRole.HEADER]


def test_a_body_field_named_like_a_header_word_stays_a_body() -> None:
    # evs "Accepting a Disk Transfer": the body's one field is "accept"
    accept = "<tr><td>accept</td><td>Yes</td><td>Object</td><td>Marker.</td></tr>"
    assert roles("POST", accept) == [TableRole.REQUEST_BODY]
