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


FOLDERS = (
    "doc-exports/dcs/api-ref",
    "doc-exports/elb/api-ref",
    "portal/as/api-ref",
    "portal/functiongraph/api-ref",
    "portal/nat/api-ref",
    "portal/obs/api-ref",
)


@pytest.mark.parametrize("folder", FOLDERS)
def test_no_collision_is_numbered_in_these_folders(folder: str) -> None:
    schemas = scraped_folder(folder).document["components"]["schemas"]
    assert _collision_numbered(schemas) == []


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
