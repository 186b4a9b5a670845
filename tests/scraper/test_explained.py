"""Tables that explain the text shown just before them (the parts of a formula or of a
record): pages written here, and the OBS pages of the real corpus."""

from __future__ import annotations

from doc2openapi.diagnostics import Code
from doc2openapi.pipeline import scrape_page
from doc2openapi.scraper.columns import NoFields
from tests.helpers.corpus_scrape import scraped_folder

_FORMULA = """<h1>Signing Requests</h1>
<p>The string to sign is built as follows. Table 1 describes its parts.</p>
<pre>StringToSign =
    HTTP-Verb + "\\n" +
    Content-MD5 + "\\n" +
    Date + "\\n" +
    CanonicalizedResource</pre>
<table><caption>Table 1 Parameters required for constructing a StringToSign</caption>
<thead><tr><th>Parameter</th><th>Description</th></tr></thead>
<tbody>
<tr><td>HTTP-Verb</td><td>The method of the request.</td></tr>
<tr><td>Content-MD5</td><td>MD5 digest of the body; may be empty.</td></tr>
<tr><td>Date</td><td>When the request is sent.</td></tr>
<tr><td>CanonicalizedResource</td><td>The bucket and object the request is for.</td></tr>
</tbody></table>
"""

_RECORD = """<h1>Access Logs</h1>
<pre>787f2f92 bucket 10.0.0.1 REST.GET.OBJECT "GET /bucket/key HTTP/1.1" 200 - 211</pre>
<p>Each access log contains the following information:</p>
<table><caption>Table 1 Format of access logs</caption>
<thead><tr><th>Parameter</th><th>Example</th><th>Description</th></tr></thead>
<tbody>
<tr><td>BucketOwner</td><td>787f2f92</td><td>ID of the bucket owner</td></tr>
<tr><td>Bucket</td><td>bucket</td><td>Bucket name</td></tr>
<tr><td>Remote IP</td><td>10.0.0.1</td><td>Request IP address</td></tr>
<tr><td>Operation</td><td>REST.GET.OBJECT</td><td>Operation</td></tr>
<tr><td>Request-URI</td><td>GET /bucket/key HTTP/1.1</td><td>Request URI</td></tr>
<tr><td>HTTPStatus</td><td>200</td><td>Return code</td></tr>
<tr><td>ErrorCode</td><td>-</td><td>Error code</td></tr>
<tr><td>StorageClass</td><td>STANDARD</td><td>Not in this record</td></tr>
</tbody></table>
"""


def _not_fields(html: str) -> list[str]:
    result = scrape_page("page.html", html.encode())
    return [d.detail for d in result.page.diagnostics if d.code is Code.TABLE_NOT_FIELDS]


def test_the_parts_of_a_formula_are_no_fields() -> None:
    result = scrape_page("page.html", _FORMULA.encode())
    assert result.tables == ()
    (detail,) = _not_fields(_FORMULA)
    assert NoFields.TEXT_PARTS.value in detail
    assert result.page.tally.rows_not_fields == 4


def test_the_parts_of_a_record_given_as_examples_are_no_fields() -> None:
    (detail,) = _not_fields(_RECORD)
    assert NoFields.TEXT_PARTS.value in detail


def test_a_table_after_a_request_line_lists_fields() -> None:
    page = _FORMULA.replace(
        "<pre>StringToSign =", "<pre>GET /object?HTTP-Verb=a&amp;Date=b HTTP/1.1\nStringToSign ="
    )
    result = scrape_page("page.html", page.encode())
    assert _not_fields(page) == []
    assert [row.name for row in result.tables[0].fields][:2] == ["HTTP-Verb", "Content-MD5"]


def test_a_table_whose_rows_the_text_does_not_show_lists_fields() -> None:
    page = _FORMULA.replace("HTTP-Verb +", "Method +").replace("Content-MD5 +", "Digest +")
    page = page.replace("Date +", "Time +")
    assert _not_fields(page) == []


def test_obs_string_to_sign_and_access_log_tables_are_no_fields() -> None:
    """Read from the pages: both signature pages show ``StringToSign = HTTP-Verb + ... +
    CanonicalizedResource`` and then a table of exactly those six parts; the logging page
    shows one access-log line and then "Format of bucket access logs" (22 rows, an Example
    column whose values are the line's). None is a field of a request or a response."""
    scraped = scraped_folder("portal/obs/api-ref")
    parts = {
        (d["page"].rsplit("/", 1)[-1], d["table"])
        for d in scraped.report["diagnostics"]
        if d["code"] == Code.TABLE_NOT_FIELDS.value and NoFields.TEXT_PARTS.value in d["detail"]
    }
    assert parts == {
        (
            "authentication_of_signature_in_a_header.html",
            "Parameters required for constructing a StringToSign",
        ),
        ("authentication_of_signature_in_a_url.html", "Parameters for StringToSign"),
        ("configuring_logging_for_a_bucket.html", "Format of bucket access logs"),
    }
    details = scraped.report["services"]["obs"]["page_details"]
    logging = details["apis/advanced_bucket_settings/configuring_logging_for_a_bucket.html"]
    assert logging["failed"] == 0


def test_a_body_or_uri_shown_before_a_table_is_no_text_to_explain() -> None:
    """A YAML body (lines of ``key: value``) or a bare URI before a table of its keys: the
    table documents the request, even where every row occurs in the text."""
    yaml_body = _FORMULA.replace(
        '<pre>StringToSign =\n    HTTP-Verb + "\\n" +\n    Content-MD5 + "\\n" +\n'
        '    Date + "\\n" +\n    CanonicalizedResource</pre>',
        "<pre>HTTP-Verb: GET\nContent-MD5: abc\nDate: today\nCanonicalizedResource: /b</pre>",
    )
    assert "<pre>HTTP-Verb: GET" in yaml_body
    assert _not_fields(yaml_body) == []
    uri = _FORMULA.replace("<pre>StringToSign =", "<pre>/v1/{HTTP-Verb}/{Date}?StringToSign =")
    assert _not_fields(uri) == []
