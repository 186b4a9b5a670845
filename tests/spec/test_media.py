"""A request body that holds a file is a form upload, not JSON."""

from __future__ import annotations

from doc2openapi.pipeline import scrape
from doc2openapi.scraper.model import FieldRow, FieldTable, Requirement, TableRole
from doc2openapi.spec.media import JSON, MULTIPART, request_media_type
from tests.helpers.inputs import corpus_dir


def body(*types: str) -> FieldTable:
    rows = tuple(
        FieldRow(f"f{i}", Requirement.REQUIRED, t, (), (), (), i) for i, t in enumerate(types)
    )
    return FieldTable("p.html", "t", (), "", "", "Request", TableRole.REQUEST_BODY, "", rows)


def test_a_file_field_makes_the_body_a_form() -> None:
    assert request_media_type([body("String", "File")]) == MULTIPART
    assert request_media_type([body("String", "Array of strings")]) == JSON


def test_the_chart_upload_page_is_a_multipart_operation() -> None:
    # portal/cce "Uploading a Chart": FormData parameters content | Yes | File
    outcome = scrape([corpus_dir("portal/cce/api-ref")])
    assert outcome.problems == []
    uploads = [
        operation
        for item in outcome.spec.document["paths"].values()
        for operation in item.values()
        if "uploading_a_chart" in str(operation.get("x-source", ""))
    ]
    assert len(uploads) == 1
    content = uploads[0]["requestBody"]["content"]
    assert list(content) == [MULTIPART]
