"""An object row of a success response table that is returned if an error occurs is the
error body, not a member of the success body (``scraper/error_rows.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.helpers.corpus_scrape import scraped_folder
from tests.helpers.golden_contracts import deref
from tests.helpers.page_builders import portal_page, resolve, scrape_html, section, table

FIELDS = ("Parameter", "Type", "Description")
ERROR = ("error", "Object", "The error message returned if an error occurs.")
STATUS = section(
    "Status Codes", table(("Status Code", "Description"), ("200", "OK"), ("404", "Not found"))
)


def _responses(tmp_path: Path, *rows: tuple[str, str, str]) -> tuple[dict[str, Any], Any]:
    outcome = scrape_html(tmp_path, portal_page(section("Response", table(FIELDS, *rows)), STATUS))
    document = outcome.spec.document
    (operation,) = document["paths"].values()
    return document, operation["get"]["responses"]


def _members(document: dict[str, Any], response: dict[str, Any]) -> set[str]:
    schema = resolve(document, response["content"]["application/json"]["schema"])
    return set(schema["properties"])


def test_the_error_envelope_is_the_error_body(tmp_path: Path) -> None:
    volume = ("volume", "Object", "The disk.")
    message = ("message", "String", "The error message returned when an error occurs.")
    document, responses = _responses(tmp_path, volume, ERROR, message)
    assert _members(document, responses["200"]) == {"volume", "message"}
    assert _members(document, responses["404"]) == {"error"}


def test_a_table_of_the_envelope_alone_leaves_the_success_without_a_body(tmp_path: Path) -> None:
    document, responses = _responses(tmp_path, ERROR)
    assert "content" not in responses["200"]
    assert _members(document, responses["404"]) == {"error"}


def test_evs_operations_answer_errors_with_the_error_envelope() -> None:
    """evs "Deleting an EVS Snapshot": the response table's one row is ``error`` (Object,
    "The error message returned if an error occurs"), Normal 202, error codes by link;
    "Updating an EVS Snapshot": ``snapshot`` and ``error``, Normal 200."""
    folder = "portal/evs/api-ref"
    document = scraped_folder(folder).document
    item = document["paths"]["/v2/{project_id}/cloudsnapshots/{snapshot_id}"]
    assert "content" not in item["delete"]["responses"]["202"]
    for method in ("delete", "put"):
        error = item[method]["responses"]["404"]["content"]["application/json"]["schema"]
        assert set(deref(document, error)[0]["properties"]) == {"error"}
    updated = item["put"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert set(deref(document, updated)[0]["properties"]) == {"snapshot"}
