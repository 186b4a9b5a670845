"""Pages of the export format that lost their URI section: the operation is read from the
example request labelled with the page's own title, and from nothing else."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from doc2openapi.pipeline import ScrapeOutcome, scrape
from tests.helpers.corpus_scrape import scraped_folder
from tests.helpers.golden_contracts import deref

_HEAD = (
    "<thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>"
)
_RESPONSE_HEAD = "<thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>"


def _page(title: str, *examples: tuple[str, str]) -> str:
    """An export-style page (``<h4 class="sectiontitle">``, examples in list items) with a
    Request and a Response table but no URI section."""
    items = "".join(
        f"<ul><li>{label}<pre class='screen'>{request}</pre></li></ul>"
        for label, request in examples
    )
    return (
        f"<html><body><h1 class='topictitle1'>{title}</h1><div>"
        "<h4 class='sectiontitle'>Request</h4><table><caption>Table 1 Request parameters"
        f"</caption>{_HEAD}<tbody><tr><td>limit</td><td>No</td><td>Integer</td>"
        "<td>Records on each page.</td></tr><tr><td>name</td><td>No</td><td>String</td>"
        "<td>The widget name.</td></tr></tbody></table>"
        "<h4 class='sectiontitle'>Response</h4><table><caption>Table 2 Parameter description"
        f"</caption>{_RESPONSE_HEAD}<tbody><tr><td>widgets</td><td>Array</td>"
        "<td>The widgets. For details, see Table 3.</td></tr></tbody></table>"
        "<table><caption>Table 3 widgets parameter description</caption>"
        f"{_RESPONSE_HEAD}<tbody><tr><td>id</td><td>String</td><td>The widget ID.</td></tr>"
        "</tbody></table>"
        f"<h4 class='sectiontitle'>Example Request</h4>{items}</div></body></html>"
    )


def _scrape(tmp_path: Path, html: str) -> ScrapeOutcome:
    (tmp_path / "widgets.html").write_text(html)
    return scrape([tmp_path])


def _operations(outcome: ScrapeOutcome) -> dict[str, list[str]]:
    paths = outcome.spec.document.get("paths", {})
    return {path: sorted(item) for path, item in paths.items()}


def test_the_example_labelled_with_the_title_gives_the_operation(tmp_path: Path) -> None:
    """ "Querying Widgets" with a copied POST example first and, second, "Example request 2:
    Querying widgets whose name is w1": the GET is the page's operation; the request table
    of a GET holds query parameters and the response table its body."""
    html = _page(
        "Querying Widgets",
        ("Example request 1: Adding a widget", "POST https://{Endpoint}/v2/widgets\n{}"),
        (
            "Example request 2: Querying widgets whose name is w1",
            "GET https://{Endpoint}/v2/widgets?name=w1",
        ),
    )
    outcome = _scrape(tmp_path, html)
    assert _operations(outcome) == {"/v2/widgets": ["get"]}
    operation = outcome.spec.document["paths"]["/v2/widgets"]["get"]
    assert [(p["name"], p["in"]) for p in operation["parameters"]] == [
        ("limit", "query"),
        ("name", "query"),
    ]
    document = outcome.spec.document
    body = deref(document, operation["responses"]["200"]["content"]["application/json"]["schema"])
    widgets: dict[str, Any] = body[0]["properties"]["widgets"]
    assert set(deref(document, widgets["items"])[0]["properties"]) == {"id"}
    counts = outcome.spec.counts[tmp_path.name]["widgets.html"]
    assert (counts.recognised, counts.failed) == (4, 0)
    assert [d.code.value for d in outcome.diagnostics if d.code.value == "D301"] == ["D301"]


def test_an_example_labelled_otherwise_gives_no_operation(tmp_path: Path) -> None:
    """A general page ("Querying Data in Pages") whose example calls another API is no
    operation page: its label does not start with the page's title."""
    html = _page(
        "Querying Widgets",
        ("Example request", "GET /v2/networks?limit=2"),
        ("Example request 2: Querying widgetsets", "GET https://{Endpoint}/v2/widgetsets"),
    )
    outcome = _scrape(tmp_path, html)
    assert _operations(outcome) == {}
    counts = outcome.spec.counts[tmp_path.name]["widgets.html"]
    assert counts.failed == 4


def test_a_request_to_one_identifier_names_no_path_template(tmp_path: Path) -> None:
    html = _page(
        "Querying Widgets",
        (
            "Example request: Querying widgets of one group",
            "GET https://{Endpoint}/v2/groups/5a9a3e9e-d1aa-448e-af37-a70171f2a332/widgets",
        ),
    )
    assert _operations(_scrape(tmp_path, html)) == {}


def test_elb_querying_backend_server_groups_is_read_from_its_titled_example() -> None:
    """doc-exports/elb en-us_topic_0096561547.html "Querying Backend Server Groups" has no
    URI section; "Example request 2: Querying backend server groups whose load balancing
    algorithm is SOURCE_IP" sends ``GET https://{Endpoint}/v2.0/lbaas/pools``. Its 13
    request parameters are query parameters, its pools (Table 3) the response body; the
    copied "Example request 1" (POST) stays the POST page's."""
    scrape_ = scraped_folder("doc-exports/elb/api-ref")
    document = scrape_.document
    operation = document["paths"]["/v2.0/lbaas/pools"]["get"]
    names = [p["name"] for p in operation["parameters"] if p["in"] == "query"]
    assert names[:3] == ["marker", "limit", "page_reverse"]
    assert len(names) == 13
    assert operation["x-source"] == "en-us_topic_0096561547.html"
    body = deref(document, operation["responses"]["200"]["content"]["application/json"]["schema"])
    assert set(body[0]["properties"]) == {"pools", "pools_links"}
    assert document["paths"]["/v2.0/lbaas/pools"]["post"]["x-source"].endswith(
        "elb_zq_hz_0001.html"
    )
    notes = [
        d for d in scrape_.report["diagnostics"] if d.get("page") == "en-us_topic_0096561547.html"
    ]
    assert [d for d in notes if d["code"] == "D101"] == []
    # Type "String", yet Table 6 is captioned for it and the example lists its objects:
    # the page contradicts itself, said as D108; loadbalancers is read as that list
    (told,) = [d for d in notes if "contradicts itself" in d["detail"]]
    assert (told["code"], told["table"]) == ("D108", "loadbalancers parameter description")


def test_elb_querying_details_of_a_load_balancer_stays_without_operation() -> None:
    """en-us_topic_0141008271.html "Querying Details of a Load Balancer" lost its URI
    section and gives no example request: no operation is invented for it. Its load
    balancer table (16 fields) and the listeners and pools tables it links are the load
    balancer the create and update operations return (D111, repeated); its root table's
    one row stays counted as failed."""
    scrape_ = scraped_folder("doc-exports/elb/api-ref")
    (service,) = scrape_.report["services"].values()
    details = service["page_details"]["en-us_topic_0141008271.html"]
    assert (details["fields_total"], details["repeated"], details["failed"]) == (19, 18, 1)
