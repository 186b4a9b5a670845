"""Component names where the document's own names are taken: the field's path (its
parent's name and its own), and for the alternatives an index page lists, each page's
title; a number only where even those are taken. Small pages written for each rule, and
the real folders."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from doc2openapi.pipeline import scrape
from tests.helpers.corpus_scrape import scraped_folder
from tests.helpers.page_builders import section, table
from tests.scraper.test_goldens import CORPUS_FOLDERS

FIELDS = ("Parameter", "Mandatory", "Type", "Description")
_NUMBERED = re.compile(r"[A-Za-z]\d+$")
"""A name a collision numbered (``Spec2``); ``Ipv6``, ``V2`` or ``Error404`` are names
of the document and are told apart by :func:`_collision_numbered`."""


def _collision_numbered(schemas: dict[str, Any]) -> list[str]:
    """Names that are another name of the document with a number added."""
    return [n for n in schemas if _NUMBERED.search(n) and n.rstrip("0123456789") in schemas]


def _spec_table(caption: str, *rows: tuple[str, ...]) -> str:
    return table(FIELDS, *rows, caption=caption)


def _schemas(tmp_path: Path, *pages: str) -> dict[str, Any]:
    for number, html in enumerate(pages):
        (tmp_path / f"page{number}.html").write_text(html)
    return dict(scrape([tmp_path]).spec.document["components"]["schemas"])


Rows = tuple[tuple[str, ...], ...]


def _node_page(request_rows: Rows, response_rows: Rows, verb: str = "Creating") -> str:
    """A request ``spec`` and a response ``spec``, each with a table of its own."""
    request = section(
        "Request",
        _spec_table("Table 1 Request body", ("spec", "Yes", "Object", "See Table 2.")),
        _spec_table("Table 2 Data structure of the spec field", *request_rows),
    )
    response = section(
        "Response",
        _spec_table("Table 3 Response body", ("spec", "Yes", "Object", "See Table 4.")),
        _spec_table("Table 4 Data structure of the spec field", *response_rows),
    )
    method = "POST" if verb == "Creating" else "PUT"
    return (
        f'<html><body><main><section id="op"><h1>{verb} a Node</h1>'
        f'<section id="uri"><h2>URI</h2><p>{method} /v1/nodes</p></section>'
        f"{request}{response}</section></main></body></html>"
    )


def _member(schemas: dict[str, Any], parent: str, name: str) -> str:
    return str(schemas[parent]["properties"][name]["$ref"].rsplit("/", 1)[-1])


def _row(name: str, type_: str = "String", description: str = "") -> tuple[str, ...]:
    return (name, "Yes", type_, description)


def test_a_table_whose_names_are_taken_is_named_by_its_path(tmp_path: Path) -> None:
    """Two pages, each with a request ``spec`` and a response ``spec``: the first page's
    take ``Spec`` and ``CreateNodeSpec``; the second page's response spec is named by its
    path (it was ``UpdateNodesSpec2``)."""
    schemas = _schemas(
        tmp_path,
        _node_page((_row("flavor"),), (_row("flavor"), _row("status"))),
        _node_page((_row("size"),), (_row("size"), _row("status")), "Updating"),
    )
    request = _member(schemas, "UpdateNodesRequest", "spec")
    response = _member(schemas, "UpdateNodesResponse", "spec")
    assert (request, response) == ("UpdateNodesSpec", "UpdateNodesResponseSpec")
    assert set(schemas[response]["properties"]) == {"size", "status"}
    assert _collision_numbered(schemas) == []


NUMBERED = {
    "portal/cce/api-ref": ["ShowClusterOpenapiSpec2", "UpdateClusterMastereipSpec2"],
    "history/cce-798aa69/api-ref": ["ShowClusterOpenapiSpec2", "UpdateClusterMastereipSpec2"],
}
"""The only names a collision still numbers (62 before the pages of one operation were
named by their titles): "Data structure of the spec-spec field", a ``spec`` in a ``spec``,
whose path would say one word twice."""


@pytest.mark.parametrize("folder", sorted(CORPUS_FOLDERS.values()))
def test_collisions_numbered_in_each_folder(folder: str) -> None:
    schemas = scraped_folder(folder).document["components"]["schemas"]
    assert sorted(_collision_numbered(schemas)) == NUMBERED.get(folder, [])


def test_ecs_server_actions_are_named_by_their_pages() -> None:
    """ECS documents 15 actions of ``POST /v2.1/{project_id}/servers/{server_id}/action``
    on pages of their own ("Starting an ECS", "Rolling Back ECS Specifications
    Modification", "Creating an Image Using an ECS"...): each request body is named by
    its page; the two batch tag pages marked "(Discarded)" keep that word."""
    document = scraped_folder("doc-exports/ecs/api-ref").document
    operation = document["paths"]["/v2.1/{project_id}/servers/{server_id}/action"]["post"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    names = {ref["$ref"].rsplit("/", 1)[-1] for ref in schema["anyOf"]}
    assert {
        "StartEcsRequest",
        "StopEcsRequest",
        "RestartEcsRequest",
        "RollBackEcsSpecificationsModificationRequest",
        "CreateImageEcsRequest",
        "LockEcsRequest",
        "AddSecurityGroupRequest",
    } <= names
    assert not [n for n in names if n.startswith("RunServerAction")]
    schemas = document["components"]["schemas"]
    assert {"AddTagsEcsRequest", "AddTagsEcsDiscardedRequest"} <= set(schemas)


def test_cce_names_read_as_paths_and_add_on_titles() -> None:
    """cce "Creating a Node Pool": the request's ``spec`` (Table 3) and the response's
    (a table of its own); "Updating an Add-on" ``values``: one page
    per add-on under "Add-on Instance Parameters" (CoreDNS, CCE Cluster Autoscaler...)."""
    schemas = scraped_folder("portal/cce/api-ref").document["components"]["schemas"]
    for name in (
        "CreateClusterNodepoolSpec",
        "CreateClusterNodepoolResponseSpec",
        "CoreDns",
        "CceClusterAutoscaler",
        "CceClusterAutoscalerFlavor",
    ):
        assert name in schemas, name
    # "Data structure of the spec-spec field": spec.spec under ...Spec would stutter
    assert sorted(_collision_numbered(schemas)) == [
        "ShowClusterOpenapiSpec2",
        "UpdateClusterMastereipSpec2",
    ]


def _action_page(title: str, path: str, field: str) -> str:
    """A page documenting ``POST path`` with a request body of one field."""
    body = section(
        "Request",
        _spec_table("Table 1 Request body", (field, "Yes", "Object", "Action.")),
    )
    return (
        f'<html><body><main><section id="op"><h1>{title}</h1>'
        f'<section id="uri"><h2>URI</h2><p>POST {path}</p></section>'
        f"{body}</section></main></body></html>"
    )


def test_pages_of_one_operation_are_named_by_their_titles(tmp_path: Path) -> None:
    """Three pages document ``POST /v1/servers/{server_id}/action``: one operation whose
    request bodies form an anyOf. Each body is named by its page's title, not the
    operation's name and a number; "(Discarded)" tells apart two pages of one title on
    two paths."""
    action = "/v1/servers/{server_id}/action"
    tags = "/v1/servers/{server_id}/tags/action"
    old_tags = "/v1/cloud/{server_id}/tags/action"
    document = scrape_pages(
        tmp_path,
        _action_page("Starting a Server", action, "os-start"),
        _action_page("Stopping a Server", action, "os-stop"),
        _action_page("Rolling Back a Server Resize", action, "revertResize"),
        _action_page("Adding Tags to a Server", tags, "tags"),
        _action_page("Deleting Tags of a Server", tags, "tags_delete"),
        _action_page("Adding Tags to a Server (Discarded)", old_tags, "server_tags"),
        _action_page("Deleting Tags of a Server (Discarded)", old_tags, "server_tags_delete"),
    )
    body = document["paths"][action]["post"]["requestBody"]["content"]["application/json"]
    names = sorted(ref["$ref"].rsplit("/", 1)[-1] for ref in body["schema"]["anyOf"])
    assert names == ["RollBackServerResizeRequest", "StartServerRequest", "StopServerRequest"]
    schemas = document["components"]["schemas"]
    assert {"AddTagsServerRequest", "AddTagsServerDiscardedRequest"} <= set(schemas)
    assert _collision_numbered(schemas) == []


def scrape_pages(tmp_path: Path, *pages: str) -> dict[str, Any]:
    for number, html in enumerate(pages):
        (tmp_path / f"page{number}.html").write_text(html)
    return dict(scrape([tmp_path]).spec.document)


def test_merged_operations_read_well() -> None:
    """ECS's 15 server actions: a one-line summary naming the first pages and how many
    more; OBS "Copying an Object" and "Uploading an Object - PUT" (PUT /{ObjectName})
    have no description but their titles: each title once, not "Title: Title", in the order
    operations_on_objects/index.html lists them (uploading, then copying)."""
    ecs = scraped_folder("doc-exports/ecs/api-ref").document
    action = ecs["paths"]["/v2.1/{project_id}/servers/{server_id}/action"]["post"]
    assert action["summary"].startswith("Starting an ECS / Restarting an ECS / Stopping an ECS")
    assert action["summary"].endswith(" more") and len(action["summary"]) <= 120
    assert "Creating an Image Using an ECS: " in action["description"]
    obs = scraped_folder("portal/obs/api-ref").document
    put = obs["paths"]["/{ObjectName}"]["put"]
    assert put["description"] == "Uploading an Object - PUT\n\nCopying an Object"


def test_a_nested_table_whose_names_are_taken_is_named_by_its_whole_path() -> None:
    """iam "Obtaining an Agency Token": the request's ``auth.scope.project`` takes
    ``ObtainAgencyTokenProject``; the response's "Table 7 token.project" (name, id,
    domain) is named by its whole path from the response body."""
    schemas = scraped_folder("portal/iam/api-ref").document["components"]["schemas"]
    project = schemas["ObtainAgencyTokenResponseTokenProject"]
    assert set(project["properties"]) == {"name", "id", "domain"}
    assert project["x-source"].endswith("obtaining_an_agency_token.html#id7")


def _body_page(title: str, line: str, request: tuple[str, ...], response: tuple[str, ...]) -> str:
    """A page whose request and response sections hold the given tables."""
    parts = [
        section(name, *tables)
        for name, tables in (("Request", request), ("Response", response))
        if tables
    ]
    return (
        f'<html><body><main><section id="op"><h1>{title}</h1>'
        f'<section id="uri"><h2>URI</h2><p>{line}</p></section>'
        f"{''.join(parts)}</section></main></body></html>"
    )


def test_the_whole_path_names_a_table_where_shorter_names_are_taken(tmp_path: Path) -> None:
    """ "Querying Settings" takes ``Token`` and ``Domain``; on "Creating a Token" the
    request's ``scope.domain`` takes ``CreateTokenDomain`` and the response's
    ``token`` ``CreateToken``: the response's ``token.domain`` is named by its path from
    the response body, not numbered."""
    settings = _body_page(
        "Querying Settings",
        "GET /v1/settings",
        (),
        (
            _spec_table(
                "Table 1 Response body",
                _row("token", "Object", "See Table 2."),
                _row("domain", "Object", "See Table 3."),
            ),
            _spec_table("Table 2 token", _row("a")),
            _spec_table("Table 3 domain", _row("b")),
        ),
    )
    create = _body_page(
        "Creating a Token",
        "POST /v1/tokens",
        (
            _spec_table("Table 1 Request body", _row("scope", "Object", "See Table 2.")),
            _spec_table("Table 2 scope", _row("domain", "Object", "See Table 3.")),
            _spec_table("Table 3 domain", _row("c")),
        ),
        (
            _spec_table("Table 4 Response body", _row("token", "Object", "See Table 5.")),
            _spec_table("Table 5 token", _row("domain", "Object", "See Table 6.")),
            _spec_table("Table 6 token.domain", _row("d"), _row("e")),
        ),
    )
    schemas = _schemas(tmp_path, settings, create)
    assert set(schemas["CreateTokenResponseTokenDomain"]["properties"]) == {"d", "e"}
    assert set(schemas["CreateTokenDomain"]["properties"]) == {"c"}
    assert _collision_numbered(schemas) == []
