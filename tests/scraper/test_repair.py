"""Damaged rows, names and URIs are read as the page meant them."""

from __future__ import annotations

from doc2openapi.scraper.model import Cell, Link, TextLine
from doc2openapi.scraper.repair import realigned, repaired_name, repaired_target


def cell(*lines: str, links: tuple[Link, ...] = ()) -> Cell:
    return Cell(tuple(TextLine(line) for line in lines), links)


def test_swapped_type_and_mandatory_cells_are_swapped_back() -> None:
    # evs "Creating EVS Disks": Parameter | Type | Mandatory | Description, row count | No | Integer
    cells = (cell("count"), cell("No"), cell("Integer"), cell("The number of disks."))
    fixed = realigned(cells, requirement=2, type_=1, description=3)
    assert [c.text for c in fixed] == ["count", "Integer", "No", "The number of disks."]


def test_a_row_copied_from_a_table_with_a_mandatory_column() -> None:
    # cce "Creating a Node": Parameter | Type | Description, row masters | No | MasterSpec ...
    link = Link("", "spec", "MasterSpec")
    cells = (
        cell("masters"),
        cell("No"),
        cell("MasterSpec objects", "Advanced configurations.", links=(link,)),
    )
    fixed = realigned(cells, requirement=None, type_=1, description=2)
    assert fixed[1].text == "MasterSpec objects"
    assert fixed[1].links == (link,)
    assert fixed[2].text == "Advanced configurations."
    assert fixed[2].links == ()


def test_rows_in_order_and_sentences_are_left_alone() -> None:
    ordinary = (cell("a"), cell("Yes"), cell("String"), cell("Text."))
    assert realigned(ordinary, requirement=1, type_=2, description=3) == ordinary
    sentence = (cell("a"), cell("No"), cell("It is not used.", "More."))
    assert realigned(sentence, requirement=None, type_=1, description=2) == sentence


def test_names_broken_around_joints_are_joined() -> None:
    assert repaired_name("scaling_ configuration _id") == "scaling_configuration_id"
    assert repaired_name("protocol _id") == "protocol_id"
    assert repaired_name("part-number -marker") == "part-number-marker"
    assert repaired_name(" server_id ") == "server_id"
    assert repaired_name("{User defined key}") == "{User defined key}"
    assert repaired_name("domain_name or domain_id") == "domain_name or domain_id"


def test_uris_with_a_broken_scheme_or_an_ampersand_for_the_query() -> None:
    assert repaired_target("https: //{Endpoint}/v1/x") == "https://{Endpoint}/v1/x"
    assert repaired_target("https:/ /{Endpoint}/v1/x") == "https://{Endpoint}/v1/x"
    assert repaired_target("/v2.1/{p}/servers&name={name}&limit={limit}") == (
        "/v2.1/{p}/servers?name={name}&limit={limit}"
    )
    assert repaired_target("/v1/x?a=1&b=2") == "/v1/x?a=1&b=2"
    # portal/bms "Querying BMS Flavors"
    assert repaired_target("/v2.1/{p}/flavors/detail{?minDisk={minDisk}&minRam={minRam}}") == (
        "/v2.1/{p}/flavors/detail?minDisk={minDisk}&minRam={minRam}"
    )
    assert repaired_target("/v1/x{?a,b}") == "/v1/x{?a,b}"
    assert repaired_target("/v3/endpoints{?interface, service_id}") == (
        "/v3/endpoints{?interface,service_id}"
    )


def test_damaged_uri_lines_become_endpoints() -> None:
    from doc2openapi.scraper.interpret import read_api_page  # noqa: PLC0415
    from doc2openapi.scraper.page import read_page  # noqa: PLC0415

    def endpoint(line: str) -> tuple[str, str, tuple[str, ...]]:
        html = f'<h1>Op</h1><div class="section"><h4>URI</h4><p>{line}</p></div>'
        api, _ = read_api_page(read_page("op.html", html.encode()))
        assert api is not None, line
        (found,) = api.endpoints
        return found.method, found.path, found.query

    # nat "Querying an API Version", iam "Querying Endpoints", as "Querying Resources by Tag"
    assert endpoint("GET/{api_version}") == ("GET", "/{api_version}", ())
    assert endpoint("GET /v3/endpoints{?interface, service_id}") == (
        "GET",
        "/v3/endpoints",
        ("interface", "service_id"),
    )
    assert endpoint("POST https: //{Endpoint}/v1/{project_id}/tags/action")[1] == (
        "/v1/{project_id}/tags/action"
    )
    assert endpoint("GET /v2.1/{p}/servers&name={name}&limit={limit}") == (
        "GET",
        "/v2.1/{p}/servers",
        ("name", "limit"),
    )
