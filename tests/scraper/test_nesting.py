"""Body tables that list nested members flat, nested again by the page's example."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from doc2openapi.pipeline import ScrapeOutcome, scrape
from tests.helpers.corpus_scrape import scraped_folder
from tests.helpers.golden_contracts import deref

_HEAD = "<thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>"


def _page(rows: list[tuple[str, str]], example: str) -> str:
    body = "".join(f"<tr><td>{n}</td><td>{t}</td><td>The {n}.</td></tr>" for n, t in rows)
    return (
        "<html><body><main><section id='top'><h1>Querying All API Versions</h1>"
        "<section id='u'><h2>URI</h2><p>GET /</p></section>"
        "<section id='r'><h2>Response</h2><div class='table-responsive'><table>"
        f"<caption>Table 1 Response parameters</caption>{_HEAD}<tbody>{body}</tbody>"
        "</table></div></section><section id='e'><h2>Example Response</h2>"
        f"<pre>{example}</pre></section></section></main></body></html>"
    )


_ROWS = [
    ("versions", "Array"),
    ("id", "String"),
    ("links", "Array"),
    ("href", "String"),
    ("rel", "String"),
    ("status", "String"),
]


def _scrape(tmp_path: Path, html: str) -> ScrapeOutcome:
    (tmp_path / "versions.html").write_text(html)
    return scrape([tmp_path])


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    return dict(deref(document, schema)[0])


def _body(outcome: ScrapeOutcome) -> dict[str, Any]:
    document = outcome.spec.document
    response = document["paths"]["/"]["get"]["responses"]["200"]
    return _resolve(document, response["content"]["application/json"]["schema"])


def test_members_listed_flat_go_inside_the_field_the_example_puts_them_in(
    tmp_path: Path,
) -> None:
    example = '{"versions": [{"id": "v2", "links": [{"href": "h", "rel": "self"}], "status": "c"}]}'
    outcome = _scrape(tmp_path, _page(_ROWS, example))
    document, body = outcome.spec.document, _body(outcome)
    assert list(body["properties"]) == ["versions"]
    item = _resolve(document, body["properties"]["versions"]["items"])
    assert list(item["properties"]) == ["id", "links", "status"]
    link = _resolve(document, item["properties"]["links"]["items"])
    assert list(link["properties"]) == ["href", "rel"]
    counts = outcome.spec.counts[tmp_path.name]["versions.html"]
    assert (counts.recognised, counts.failed) == (6, 0)
    assert "TABLE_INFERRED" in [d.code.name for d in outcome.diagnostics]


def test_a_row_the_example_does_not_account_for_leaves_the_table_flat(tmp_path: Path) -> None:
    """``status`` is neither at the top of the example nor inside ``versions``: the page
    is not read as nesting anything."""
    example = '{"versions": [{"id": "v2", "links": [{"href": "h", "rel": "self"}]}]}'
    outcome = _scrape(tmp_path, _page(_ROWS, example))
    assert list(_body(outcome)["properties"]) == [name for name, _ in _ROWS]


def test_a_member_named_like_its_parent_is_a_member_not_a_duplicate(tmp_path: Path) -> None:
    """A row "version" (Object) and a later "version" (String): the example has a string
    "version" inside the object "version", so the second row is ``version.version``; the
    check for a field documented twice runs on the nested tables and finds none."""
    rows = [("version", "Object"), ("id", "String"), ("version", "String"), ("status", "String")]
    example = '{"version": {"id": "v1", "version": "", "status": "CURRENT"}}'
    outcome = _scrape(tmp_path, _page(rows, example))
    document, body = outcome.spec.document, _body(outcome)
    assert list(body["properties"]) == ["version"]
    inner = _resolve(document, body["properties"]["version"])
    assert list(inner["properties"]) == ["id", "version", "status"]
    assert inner["properties"]["version"]["type"] == "string"
    counts = outcome.spec.counts[tmp_path.name]["versions.html"]
    assert (counts.recognised, counts.failed) == (4, 0)
    assert "DUPLICATE_FIELD" not in [d.code.name for d in outcome.diagnostics]


def test_a_field_twice_at_one_level_is_still_a_duplicate(tmp_path: Path) -> None:
    """The example has "status" once at the top: the second "status" row is no member of
    anything; the first is kept, the second is said (D105) and counted as failed."""
    rows = [("status", "String"), ("id", "String"), ("status", "String")]
    outcome = _scrape(tmp_path, _page(rows, '{"status": "c", "id": "v1"}'))
    assert list(_body(outcome)["properties"]) == ["status", "id"]
    counts = outcome.spec.counts[tmp_path.name]["versions.html"]
    assert (counts.recognised, counts.failed) == (2, 1)
    assert [d.row for d in outcome.diagnostics if d.code.name == "DUPLICATE_FIELD"] == ["status"]


_BMS_VERSION = (
    "native_openstack_nova_v2.1_apis/api_version_query_openstack_nova_apis/"
    "querying_an_api_version.html"
)


def test_bms_api_version_reads_version_inside_version() -> None:
    """bms "Querying an API Version": the response table lists version (Object), id,
    links, href, rel, version (String), status, updated, min_version flat; the example
    has the string "version" inside the object "version". Read from the page: the second
    row is version.version, no field is documented twice, no row fails."""
    scraped = scraped_folder("portal/bms/api-ref")
    notes = [d for d in scraped.report["diagnostics"] if d.get("page") == _BMS_VERSION]
    assert "D105" not in [d["code"] for d in notes]
    page = scraped.report["services"]["bms"]["page_details"][_BMS_VERSION]
    assert page["failed"] == 0
    document = scraped.document
    response = document["paths"]["/{api_version}"]["get"]["responses"]["200"]
    schema = response["content"]["application/json"]["schema"]
    variants = [deref(document, v)[0] for v in schema.get("anyOf", [schema])]
    (body,) = [v for v in variants if _BMS_VERSION in str(v.get("x-source", ""))]
    inner = deref(document, body["properties"]["version"])[0]
    assert inner["properties"]["version"]["type"] == "string"
    assert {"id", "links", "status", "updated", "min_version"} <= set(inner["properties"])
