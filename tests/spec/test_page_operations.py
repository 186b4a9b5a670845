"""What a page's unplaced tables are said to be (pages written here), and the two ELB
pages whose tables stay failed because the operation they document is not in the export."""

from __future__ import annotations

from pathlib import Path

from doc2openapi.diagnostics import Code
from tests.helpers.corpus_scrape import scraped_folder
from tests.helpers.page_builders import portal_page, scrape_html, section, table

_HEADER = ("Parameter", "Mandatory", "Type", "Description")
_ADDRESS = table(
    _HEADER,
    ("address", "Yes", "Object", "The address."),
    ("project", "No", "String", "The project."),
    caption="Table 2 Request parameter",
)


def _unplaced_detail(tmp_path: Path, request: str) -> str:
    html = portal_page(
        section(
            "Example Request",
            "<p>Example request 2 (assign an address first; for the parameters, see Table 2)</p>",
            _ADDRESS,
            f"<p>Step 1: Apply for an address.</p><pre>{request}</pre>",
        )
    )
    outcome = scrape_html(tmp_path, html)
    (found,) = [d for d in outcome.diagnostics if d.code is Code.TABLE_UNPLACED]
    counts = outcome.spec.counts[tmp_path.name]["page.html"]
    assert counts.failed == 2
    return found.detail


def test_a_table_of_an_example_call_to_another_api_names_that_call(tmp_path: Path) -> None:
    """The table lists the body the example's other request sends (to another service's
    endpoint): the diagnostic says so; the rows stay failed, no operation is made."""
    request = 'POST https://{OtherEndpoint}/v1/5e1f3a/addresses\n\n{"address": {"type": "x"}}'
    detail = _unplaced_detail(tmp_path, request)
    assert "POST https://{OtherEndpoint}/v1/5e1f3a/addresses" in detail
    assert "no operation of this page" in detail


def test_a_request_whose_body_has_other_keys_is_not_named(tmp_path: Path) -> None:
    request = 'POST https://{OtherEndpoint}/v1/5e1f3a/addresses\n\n{"port": {"id": "x"}}'
    assert "neither a parameter, body nor linked table" in _unplaced_detail(tmp_path, request)


ELB = "doc-exports/elb/api-ref"


def _elb_page(page: str) -> dict[str, object]:
    (service,) = scraped_folder(ELB).report["services"].values()
    return dict(service["page_details"][page])


def test_elb_eip_tables_document_a_vpc_call_not_in_the_export() -> None:
    """en-us_topic_0096561535.html "Creating a Load Balancer" (POST /v2.0/lbaas/loadbalancers):
    its Example Request section shows, as "Step 1: Apply for an EIP.", ``POST
    https://{VPCEndpoint}/v1/8b7e35ad379141fc9df3e178bd64f55c/publicips`` (another service,
    a sample URL with a project ID, no URI template anywhere in the export); Table 7
    "Request parameter" (publicip, bandwidth, enterprise_project_id), Table 8 publicip (3)
    and Table 9 bandwidth (5) document that call's body: 11 rows that stay failed."""
    page = _elb_page("en-us_topic_0096561535.html")
    assert page["failed"] == 11
    diagnostics = scraped_folder(ELB).report["diagnostics"]
    (told,) = [
        d
        for d in diagnostics
        if d.get("page") == "en-us_topic_0096561535.html" and d["table"] == "Request parameter"
    ]
    assert told["code"] == "D101"
    assert (
        "POST https://{VPCEndpoint}/v1/8b7e35ad379141fc9df3e178bd64f55c/publicips"
        in (told["detail"])
    )
    paths = scraped_folder(ELB).document["paths"]
    assert not [p for p in paths if "publicips" in p]
