"""Tables of pages without operations that speak for every operation: common headers, the
error body, the parts of a URL template (pages written here)."""

from __future__ import annotations

from doc2openapi.scraper.interpret import schema_tables
from doc2openapi.scraper.model import ServiceTable, ServiceTableKind, UrlPart
from doc2openapi.scraper.page import read_page
from doc2openapi.scraper.service_tables import split_service_tables, url_parts
from tests.helpers.page_builders import FIELDS, section, table

HEADERS = ("Header", "Type", "Mandatory", "Description")


def guide(title: str, *sections: str, crumbs: tuple[str, ...] = ("Calling APIs",)) -> str:
    items = "".join(f"<li>{c}</li>" for c in crumbs)
    return (
        f'<html><body><ul id="breadcrumbs">{items}</ul><main><section id="g">'
        f"<h1>{title}</h1>{''.join(sections)}</section></main></body></html>"
    )


def split(html: str) -> tuple[list[str], list[ServiceTable]]:
    page = read_page("guide.html", html.encode())
    kept, common, _, _ = split_service_tables(page, schema_tables(page)[0])
    return [t.caption or t.key for t in kept], list(common)


def test_common_request_and_response_headers() -> None:
    html = guide(
        "Constructing a Request",
        section(
            "Request Headers",
            table(
                HEADERS, ("X-Trace-Id", "String", "No", "Trace."), caption="Common request headers"
            ),
        ),
        section(
            "Response Headers",
            table(
                ("Header", "Description"),
                ("X-Request-Id", "ID."),
                caption="Common response headers",
            ),
        ),
    )
    kept, common = split(html)
    assert kept == []
    assert [(c.kind, c.table.caption, c.groups) for c in common] == [
        (ServiceTableKind.REQUEST_HEADERS, "Common request headers", ("Calling APIs",)),
        (ServiceTableKind.RESPONSE_HEADERS, "Common response headers", ("Calling APIs",)),
    ]


def test_a_header_table_not_called_common_is_no_service_table() -> None:
    html = guide(
        "Signing",
        section(
            "Request Headers",
            table(HEADERS, ("X-Sign", "String", "Yes", "Signature."), caption="Headers to sign"),
        ),
    )
    assert split(html) == (["Headers to sign"], [])


def test_the_error_body_with_its_xml_sample() -> None:
    html = guide(
        "Error Codes",
        section(
            "Error Response Syntax",
            '<pre>&lt;?xml version="1.0"?&gt;&lt;Error&gt;&lt;Code&gt;NoSuchKey&lt;/Code&gt;'
            "&lt;Message&gt;Gone&lt;/Message&gt;&lt;/Error&gt;</pre>",
            table(
                ("Element", "Description"),
                ("Error", "Root element."),
                ("Code", "Error code."),
                ("Message", "Error message."),
                caption="Error response elements",
            ),
        ),
        crumbs=(),
    )
    kept, (body,) = split(html)
    assert kept == []
    assert body.kind is ServiceTableKind.ERROR_BODY
    assert body.xml is not None
    assert (body.xml.name, [c.name for c in body.xml.children]) == ("Error", ["Code", "Message"])


def test_an_exception_response_page_and_its_nested_table() -> None:
    """The page's title names the error body; its first table is the body, a table after it
    (reached from the body's field) stays a nested table."""
    html = guide(
        "Exception Response",
        "<p>Parameter description</p>",
        table(FIELDS, ("error", "Object", "See Table 2."), ("request_id", "String", "ID.")),
        table(FIELDS, ("code", "String", "Code."), caption="Table 2 error field description"),
        crumbs=("Public Parameters",),
    )
    kept, (body,) = split(html)
    assert kept == ["error field description"]
    assert (body.kind, body.xml, [r.name for r in body.table.fields]) == (
        ServiceTableKind.ERROR_BODY,
        None,
        ["error", "request_id"],
    )


def test_abnormal_responses_of_a_task_response_page_stay_nested_tables() -> None:
    """A "Responses (Task)" page pairs a normal with an abnormal response: the operations
    that answer so link it; it is not every operation's error body."""
    html = guide(
        "Responses (Task)",
        section(
            "Normal Response",
            table(FIELDS, ("job_id", "String", "Task."), caption="Normal response"),
        ),
        section(
            "Abnormal Response",
            table(FIELDS, ("error", "Object", "Error."), caption="Abnormal response"),
        ),
    )
    assert split(html) == (["Normal response", "Abnormal response"], [])


def test_the_parts_of_a_url_template() -> None:
    html = guide(
        "Making an API Request",
        section(
            "Request URI",
            "<p>{URI-scheme} :// {Endpoint} / {resource-path} ? {query-string}</p>",
            table(
                ("Parameter", "Description"),
                ("URI-scheme", "HTTPS."),
                ("Endpoint", "The host."),
                ("resource-path", "The path."),
                ("Query string", "The query."),
            ),
        ),
    )
    page = read_page("guide.html", html.encode())
    kept, (parts,), tally, (said,) = split_service_tables(page, schema_tables(page)[0])
    assert kept == ()
    assert parts.kind is ServiceTableKind.URL_PARTS
    assert parts.template.startswith("{URI-scheme}")
    # the host's row stays to describe the servers; the others are no fields
    assert [row.name for row in parts.table.fields] == ["Endpoint"]
    assert parts.parts == (UrlPart("host", 0, 1),)
    assert (tally.rows_not_fields, tally.tables_not_fields) == (3, 1)
    assert said.code.value == "D109"
    assert "URI-scheme (scheme), resource-path (path), Query string (query)" in said.detail


def test_a_table_after_a_url_whose_rows_are_not_its_parts() -> None:
    html = guide(
        "Making an API Request",
        section(
            "Request URI",
            "<p>https://{endpoint}/v1/things</p>",
            table(FIELDS, ("name", "String", "Name."), ("size", "Integer", "Size.")),
        ),
    )
    kept, common = split(html)
    assert (len(kept), common) == (1, [])


def test_where_each_placeholder_sits_in_the_url() -> None:
    names = ["protocol", "bucket", "domain", "port", "object", "param"]
    parts = url_parts("protocol://[bucket.]domain[:port][/object][?param]", names)
    assert parts == (
        UrlPart("scheme"),
        UrlPart("host", 0, 2, optional=True),
        UrlPart("host", 1, 2),
        UrlPart("port", 1, 2, optional=True),
        UrlPart("path", optional=True),
        UrlPart("query", optional=True),
    )
    spaced = "{URI-scheme} :// {Manager IP address} :{Manager port}/ {resource-path} ? {query}"
    names = ["URI-scheme", "Manager IP address", "Manager port", "resource-path", "Query"]
    assert [p.kind for p in url_parts(spaced, names) or ()] == [
        "scheme",
        "host",
        "port",
        "path",
        "query",
    ]
    assert url_parts("https://{endpoint}/v1", ["endpoint", "name"]) is None
