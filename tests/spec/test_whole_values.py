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


def _upload_page(sent_as: str) -> str:
    request = table(PARAMS, ("<em>disk_file</em>", "Yes", "file", "The local file to upload."))
    curl = (
        "curl -X PUT 'https://host/v2/disks/42/file' -H \"X-Auth-Token: $token\" "
        f'-H "Content-Type:{sent_as}" -T /tmp/disk.qcow2'
    )
    return (
        '<html><body><main><section id="op"><h1>Uploading a Disk File</h1>'
        '<section id="uri"><h2>URI</h2><p>PUT /v2/disks/{disk_id}/file</p></section>'
        f"{section('Request', '<ul><li><p>Request parameters</p>', request, '</li></ul>')}"
        f"{section('Example Request', f'<pre>{curl}</pre>')}"
        f"{section('Response', '<p>None</p>')}</section></main></body></html>"
    )


def test_a_file_field_the_example_sends_as_an_octet_stream_is_the_whole_body(
    tmp_path: Path,
) -> None:
    """The request table's one row is a file and the example request sends the body as
    ``application/octet-stream`` (curl ``-T``): the file is the body, not a form field."""
    outcome = scrape_html(tmp_path, _upload_page("application/octet-stream"))
    document = outcome.spec.document
    content = document["paths"]["/v2/disks/{disk_id}/file"]["put"]["requestBody"]["content"]
    assert list(content) == ["application/octet-stream"]
    schema = resolve(document, content["application/octet-stream"]["schema"])
    assert (schema["type"], schema["format"]) == ("string", "binary")
    assert "TABLE_INFERRED" in {d.code.name for d in outcome.diagnostics}


def test_a_file_field_sent_as_a_form_stays_a_form_field(tmp_path: Path) -> None:
    outcome = scrape_html(tmp_path, _upload_page("multipart/form-data"))
    document = outcome.spec.document
    content = document["paths"]["/v2/disks/{disk_id}/file"]["put"]["requestBody"]["content"]
    assert list(content) == ["multipart/form-data"]
    schema = resolve(document, content["multipart/form-data"]["schema"])
    assert list(schema["properties"]) == ["disk_file"]
