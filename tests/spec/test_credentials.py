"""Query parameters that authenticate any request (a presigned URL's): pages written here,
and the "Authentication of Signature in a URL" page of the real OBS corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from doc2openapi.pipeline import scrape
from tests.helpers.corpus_scrape import scraped_folder
from tests.helpers.s3_pages import GET_OBJECT


def _auth_page(title: str, request_line: str) -> str:
    return f"""<h1>{title}</h1>
<p>A request with a presigned URL is formed as follows:</p>
<pre>{request_line}
Host: bucketname.store.region.example.com</pre>
<p>Table 1 describes the parameters.</p>
<table><caption>Table 1 Request parameters</caption>
<thead><tr><th>Parameter</th><th>Description</th><th>Mandatory</th></tr></thead>
<tbody>
<tr><td>AccessKeyId</td><td>The access key of the URL creator.</td><td>Yes</td></tr>
<tr><td>Signature</td><td>The signature.</td><td>Yes</td></tr>
<tr><td>token</td><td>Security token of temporary credentials.</td><td>No</td></tr>
</tbody></table>
"""


def _scrape(tmp_path: Path, title: str, request_line: str) -> tuple[dict[str, Any], Any]:
    folder = tmp_path / "store"
    folder.mkdir()
    (folder / "get.html").write_text(GET_OBJECT)
    (folder / "signed.html").write_text(_auth_page(title, request_line))
    outcome = scrape([folder])
    assert outcome.problems == []
    return outcome.spec.document, outcome.spec.counts["store"]["signed.html"]


def test_query_credentials_are_security_schemes_every_operation_accepts(tmp_path: Path) -> None:
    line = "GET /ObjectKey?AccessKeyId=ak&amp;Signature=sig&amp;token=t HTTP/1.1"
    document, counts = _scrape(tmp_path, "Authentication of Signature in a URL", line)
    schemes = document["components"]["securitySchemes"]
    assert schemes["AccessKeyId"] == {
        "type": "apiKey",
        "in": "query",
        "name": "AccessKeyId",
        "description": "The access key of the URL creator.",
    }
    assert set(schemes) == {"AccessKeyId", "Signature", "token"}
    (operation,) = document["paths"]["/{ObjectKey}"].values()
    assert operation["security"] == [
        {"AccessKeyId": [], "Signature": []},
        {"AccessKeyId": [], "Signature": [], "token": []},
        {},
    ]
    assert (counts.recognised, counts.failed) == (3, 0)


def test_a_page_not_about_authentication_gives_no_credentials(tmp_path: Path) -> None:
    line = "GET /ObjectKey?AccessKeyId=ak&amp;Signature=sig&amp;token=t HTTP/1.1"
    document, counts = _scrape(tmp_path, "Listing Things in Pages", line)
    assert "securitySchemes" not in document.get("components", {})
    (operation,) = document["paths"]["/{ObjectKey}"].values()
    assert "security" not in operation
    assert counts.failed == 3


def test_rows_the_request_line_does_not_carry_are_no_credentials(tmp_path: Path) -> None:
    line = "GET /ObjectKey?AccessKeyId=ak&amp;Signature=sig HTTP/1.1"
    document, counts = _scrape(tmp_path, "Authentication of Signature in a URL", line)
    assert "securitySchemes" not in document.get("components", {})
    assert counts.failed == 3


def test_obs_presigned_url_parameters_are_query_security_schemes() -> None:
    """Read from authentication_of_signature_in_a_url.html: the request line
    "GET /ObjectKey?AccessKeyId=AccessKeyID&Expires=ExpiresValue&Signature=signature
    &x-obs-security-token=securitytoken" and Table 1 (AccessKeyId, Expires, Signature
    mandatory; x-obs-security-token not)."""
    scraped = scraped_folder("portal/obs/api-ref")
    schemes = scraped.document["components"]["securitySchemes"]
    assert {n: (s["type"], s["in"], s["name"]) for n, s in schemes.items()} == {
        n: ("apiKey", "query", n)
        for n in ("AccessKeyId", "Expires", "Signature", "x-obs-security-token")
    }
    signed = {"AccessKeyId": [], "Expires": [], "Signature": []}
    for path, item in scraped.document["paths"].items():
        for method, operation in item.items():
            assert operation["security"] == [
                signed,
                {**signed, "x-obs-security-token": []},
                {},
            ], (method, path)
    page = "calling_apis/authentication/authentication_of_signature_in_a_url.html"
    details = scraped.report["services"]["obs"]["page_details"][page]
    assert details["recognised"] == 4
    assert not [
        d
        for d in scraped.report["diagnostics"]
        if d.get("page") == page and d["table"] == "Request parameters"
    ]
