"""A row without a name alone in a body table gives the body's whole value: a file
(``application/octet-stream``) or a string, not a failed row. Pages written here, and the
real cce pages."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.corpus_scrape import scraped_folder
from tests.helpers.page_builders import (
    FIELDS,
    portal_page,
    resolve,
    scrape_html,
    section,
    table,
)

PARAMS = ("Parameter", "Mandatory", "Type", "Description")


def test_a_nameless_file_row_alone_in_the_response_body_is_the_file(tmp_path: Path) -> None:
    page = portal_page(
        section(
            "Response",
            table(FIELDS, ("-", "File", "The archive."), caption="Table 2 Response body"),
        ),
    )
    outcome = scrape_html(tmp_path, page)
    document = outcome.spec.document
    content = document["paths"]["/v1/things/{id}"]["get"]["responses"]["200"]["content"]
    assert list(content) == ["application/octet-stream"]
    schema = resolve(document, content["application/octet-stream"]["schema"])
    assert (schema["type"], schema["format"], schema["description"]) == (
        "string",
        "binary",
        "The archive.",
    )
    assert "ROW_NO_NAME" not in {d.code.name for d in outcome.diagnostics}


def test_a_nameless_string_row_is_a_string_body_without_a_dash_description(tmp_path: Path) -> None:
    page = portal_page(
        section("Response", table(FIELDS, ("-", "String", "-"), caption="Table 2 Response body"))
    )
    document = scrape_html(tmp_path, page).spec.document
    content = document["paths"]["/v1/things/{id}"]["get"]["responses"]["200"]["content"]
    assert resolve(document, content["application/json"]["schema"]) == {
        "type": "string",
        "x-source": "page.html#table-1",
    }


def test_a_nameless_row_beside_others_or_among_parameters_stays_failed(tmp_path: Path) -> None:
    page = portal_page(
        section(
            "URI",
            table(PARAMS, ("-", "Yes", "String", "An ID."), caption="Table 1 Path parameters"),
        ),
        section(
            "Response",
            table(
                FIELDS,
                ("-", "String", "A."),
                ("name", "String", "B."),
                caption="Table 2 Response body",
            ),
        ),
    )
    outcome = scrape_html(tmp_path, page)
    codes = [d.code.name for d in outcome.diagnostics]
    assert codes.count("ROW_NO_NAME") == 2
    operation = outcome.spec.document["paths"]["/v1/things/{id}"]["get"]
    assert [p["name"] for p in operation["parameters"]] == ["id"]


def test_cce_chart_download_is_a_file_and_node_pool_sync_a_string() -> None:
    """cce "Downloading a Chart": Table 3 "Response body parameters" is one row
    ``- | File | File name of the downloaded chart.``; "Synchronizing Node Pool
    Configurations to Existing Nodes": ``- | String | -``."""
    document = scraped_folder("portal/cce/api-ref").document
    download = document["paths"]["/v2/charts/{chart_id}/archive"]["get"]["responses"]["200"]
    schema = resolve(document, download["content"]["application/octet-stream"]["schema"])
    assert (schema["type"], schema["format"]) == ("string", "binary")
    sync = "/api/v3.1/projects/{project_id}/clusters/{cluster_id}/nodepool/{nodepool_id}/sync"
    body = document["paths"][sync]["put"]["responses"]["200"]["content"]["application/json"]
    assert resolve(document, body["schema"])["type"] == "string"
