"""A page of header tables that lists the operations the headers apply to (pages written
here), and the server-side encryption pages of the real OBS corpus."""

from __future__ import annotations

from pathlib import Path

from doc2openapi.diagnostics import Code, Diagnostic
from doc2openapi.pipeline import scrape
from tests.helpers.corpus_scrape import scraped_folder
from tests.helpers.s3_pages import PUT_ACL


def _feature_page(rows: str) -> str:
    return f"""<h1>Canned ACLs</h1>
<h2>Newly Added Headers</h2>
<p>The following table lists the headers of canned ACLs.</p>
<table><caption>Table 1 Headers of canned ACLs</caption>
<thead><tr><th>Header</th><th>Description</th></tr></thead>
<tbody>{rows}</tbody></table>
<h2>APIs Where the Headers Apply</h2>
<ul><li><p><a href="acl.html">Setting an Object ACL</a></p></li></ul>
"""


def _diagnostics(tmp_path: Path, rows: str) -> tuple[list[Diagnostic], dict[str, int]]:
    folder = tmp_path / "store"
    folder.mkdir()
    (folder / "acl.html").write_text(PUT_ACL)
    (folder / "canned.html").write_text(_feature_page(rows))
    outcome = scrape([folder])
    assert outcome.problems == []
    counts = outcome.spec.counts["store"]["canned.html"].as_dict()
    return [d for d in outcome.diagnostics if d.page == "canned.html"], counts


def test_headers_the_linked_operations_take_are_in_the_spec(tmp_path: Path) -> None:
    found, counts = _diagnostics(tmp_path, "<tr><td>x-store-acl</td><td>Canned ACL.</td></tr>")
    assert [(d.code, d.table) for d in found] == [
        (Code.TABLE_REPEATS_HEADERS, "Headers of canned ACLs")
    ]
    assert "acl.html" in found[0].detail
    assert counts["repeated"] == 1
    assert counts["failed"] == 0


def test_a_header_no_linked_operation_takes_leaves_the_table_unplaced(tmp_path: Path) -> None:
    rows = (
        "<tr><td>x-store-acl</td><td>Canned ACL.</td></tr>"
        "<tr><td>x-store-grant</td><td>Not a header of the ACL page.</td></tr>"
    )
    found, counts = _diagnostics(tmp_path, rows)
    assert [d.code for d in found] == [Code.TABLE_UNPLACED]
    assert counts["failed"] == 2
    assert counts["repeated"] == 0


def test_obs_encryption_header_tables_repeat_the_operations_headers() -> None:
    """Read from the pages: sse-c.html lists 3 + 3 headers, sse-kms.html 2, sse-obs.html 1,
    then links the object operations; each of those pages lists the headers itself (PUT
    object: all five SSE headers; copying an object and copying parts: the three
    x-obs-copy-source-server-side-encryption-customer-* headers as well)."""
    scraped = scraped_folder("portal/obs/api-ref")
    repeats = {
        (d["page"].rsplit("/", 1)[-1], d["table"])
        for d in scraped.report["diagnostics"]
        if d["code"] == Code.TABLE_REPEATS_HEADERS.value
    }
    assert repeats == {
        ("sse-c.html", "Header fields used for encrypting objects in SSE-C mode"),
        ("sse-c.html", "Header fields for source objects encrypted by the SSE-C"),
        ("sse-kms.html", "Headers used in SSE-KMS"),
        ("sse-obs.html", "Header used in SSE-OBS"),
    }
    details = scraped.report["services"]["obs"]["page_details"]
    for page in ("sse-c.html", "sse-kms.html", "sse-obs.html"):
        key = f"apis/server-side_encryption/{page}"
        assert details[key]["failed"] == 0, page
    copy = scraped.document["paths"]["/{ObjectName}"]["put"]["parameters"]
    names = {p.get("name") for p in copy}
    assert "x-obs-copy-source-server-side-encryption-customer-key-MD5" in names


_HEAD = (
    "<thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>"
)


def _query_table(caption: str, rows: list[tuple[str, str]]) -> str:
    body = "".join(
        f"<tr><td>{n}</td><td>No</td><td>{t}</td><td>The {n}.</td></tr>" for n, t in rows
    )
    return f"<table><caption>Table 1 {caption}</caption>{_HEAD}<tbody>{body}</tbody></table>"


def _list_page(title: str, path: str) -> str:
    rows = [("limit", "Integer"), ("marker", "String"), ("name", "String")]
    return (
        f"<html><body><h1>{title}</h1><h2>URI</h2><p>GET {path}</p>"
        f"<h2>Request</h2>{_query_table('Request parameters', rows)}</body></html>"
    )


def _paging(tmp_path: Path, rows: list[tuple[str, str]]) -> tuple[list[Diagnostic], dict[str, int]]:
    folder = tmp_path / "pets"
    folder.mkdir()
    (folder / "pets.html").write_text(_list_page("Querying Pets", "/v2/pets"))
    (folder / "owners.html").write_text(_list_page("Querying Owners", "/v2/owners"))
    (folder / "paging.html").write_text(
        "<html><body><h1>Querying Data in Pages</h1><p>List requests accept the limit and "
        "marker parameters in their URL.</p><h2>Request</h2>"
        f"{_query_table('Parameter description', rows)}</body></html>"
    )
    outcome = scrape([folder])
    assert outcome.problems == []
    counts = outcome.spec.counts["pets"]["paging.html"].as_dict()
    return [d for d in outcome.diagnostics if d.page == "paging.html"], counts


def test_query_parameters_the_operations_take_are_in_the_spec(tmp_path: Path) -> None:
    """A general page's Request table of paging parameters, each a query parameter (of
    the same type) of the list operations, which document them themselves."""
    found, counts = _paging(tmp_path, [("limit", "int"), ("marker", "String")])
    assert [(d.code, d.table) for d in found] == [
        (Code.TABLE_REPEATS_QUERY, "Parameter description")
    ]
    assert "owners.html" in found[0].detail
    assert "pets.html" in found[0].detail
    assert (counts["repeated"], counts["failed"]) == (2, 0)


def test_a_query_parameter_of_another_type_leaves_the_table_unplaced(tmp_path: Path) -> None:
    """``limit`` is an integer on the operations: a ``String`` limit is not it."""
    found, counts = _paging(tmp_path, [("limit", "String"), ("marker", "String")])
    assert [d.code for d in found] == [Code.TABLE_UNPLACED]
    assert (counts["repeated"], counts["failed"]) == (0, 2)


def test_a_row_no_operation_takes_leaves_the_table_unplaced(tmp_path: Path) -> None:
    found, counts = _paging(tmp_path, [("limit", "int"), ("page_size", "int")])
    assert [d.code for d in found] == [Code.TABLE_UNPLACED]
    assert counts["failed"] == 2


def test_elb_paging_parameters_repeat_the_list_operations_query() -> None:
    """elb "Querying Data in Pages" (elb_fl_0004.html, Appendix): Table 1 limit (int),
    marker (String), page_reverse (Bool), "added to the URL of the list request"; the v2.0
    list pages (Querying Backend Server Groups and others) document the three themselves
    as query parameters (integer, string, boolean)."""
    scraped = scraped_folder("doc-exports/elb/api-ref")
    found = [d for d in scraped.report["diagnostics"] if d.get("page") == "elb_fl_0004.html"]
    assert [(d["code"], d["table"]) for d in found] == [
        (Code.TABLE_REPEATS_QUERY.value, "Parameter description")
    ]
    page = scraped.report["services"]["elb"]["page_details"]["elb_fl_0004.html"]
    assert (page["repeated"], page["failed"]) == (3, 0)
    pools = scraped.document["paths"]["/v2.0/lbaas/pools"]["get"]["parameters"]
    query = {p["name"]: p["schema"]["type"] for p in pools if p.get("in") == "query"}
    assert (query["limit"], query["marker"], query["page_reverse"]) == (
        "integer",
        "string",
        "boolean",
    )
