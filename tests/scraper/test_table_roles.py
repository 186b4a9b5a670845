"""Roles of tables in a URI section: parameters, unless another table names them."""

from __future__ import annotations

from pathlib import Path

from doc2openapi.pipeline import scrape
from tests.helpers.corpus_scrape import scraped_folder
from tests.helpers.golden_contracts import deref

_HEAD = (
    "<thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>"
)


def _row(name: str, kind: str, text: str) -> str:
    return f"<tr><td>{name}</td><td>Yes</td><td>{kind}</td><td>{text}</td></tr>"


def _page() -> str:
    """An older export page: the URI section's one table mixes the path parameter and
    the body field ``removeMember``, whose members the next table gives."""
    return (
        "<html><body><h1 class='topictitle1'>Removing Members</h1><div>"
        "<h4 class='sectiontitle'>URI</h4><p>POST /v1/{project_id}/members/action</p>"
        f"<table><caption>Table 1 Parameter description</caption>{_HEAD}<tbody>"
        f"{_row('project_id', 'String', 'The project ID.')}"
        f"{_row('removeMember', 'Array', 'The members to remove.')}</tbody></table>"
        f"<table><caption>Table 2 removeMember parameter description</caption>{_HEAD}"
        f"<tbody>{_row('id', 'String', 'The member ID.')}</tbody></table>"
        "<h4 class='sectiontitle'>Request</h4><p>None</p></div></body></html>"
    )


def test_a_uri_table_named_by_a_field_is_that_fields_structure(tmp_path: Path) -> None:
    (tmp_path / "members.html").write_text(_page())
    outcome = scrape([tmp_path])
    document = outcome.spec.document
    operation = document["paths"]["/v1/{project_id}/members/action"]["post"]
    assert [(p["name"], p["in"]) for p in operation["parameters"]] == [("project_id", "path")]
    body = deref(document, operation["requestBody"]["content"]["application/json"]["schema"])[0]
    assert list(body["properties"]) == ["removeMember"]
    item = deref(document, body["properties"]["removeMember"]["items"])[0]
    assert item["properties"]["id"]["type"] == "string"
    assert item["required"] == ["id"]
    counts = outcome.spec.counts[tmp_path.name]["members.html"]
    assert (counts.recognised, counts.failed) == (3, 0)


def test_elb_removing_backend_ecss_gives_the_members_id() -> None:
    """doc-exports/elb elb_jd_hd_0002.html "Removing Backend ECSs": under the URI, Table 1
    holds project_id, listener_id and the body field removeMember (Array); Table 2
    "removeMember parameter description" gives its one member, id (mandatory String)."""
    folder = scraped_folder("doc-exports/elb/api-ref")
    document = folder.document
    path = "/v1.0/{project_id}/elbaas/listeners/{listener_id}/members/action"
    request = document["paths"][path]["post"]["requestBody"]["content"]["application/json"]
    body = deref(document, request["schema"])[0]
    item = deref(document, body["properties"]["removeMember"]["items"])[0]
    assert list(item["properties"]) == ["id"]
    assert item["required"] == ["id"]
    unplaced = [
        d["table"]
        for d in folder.report["diagnostics"]
        if d["code"] == "D101" and d["page"] == "elb_jd_hd_0002.html"
    ]
    assert unplaced == ["Parameter description"]  # the info: body fields read from Table 1
