"""Request bodies in several forms: a lead-in and a body table for each way of calling the
API, no field linking the second or the third. A page written for the rule, its request
lines carrying braces (``https://{Endpoint}/``) before each example's JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from doc2openapi.pipeline import ScrapeOutcome
from doc2openapi.scraper.placement import example_value
from tests.helpers.page_builders import resolve as _resolve
from tests.helpers.page_builders import scrape_html as _scrape

HEAD = (
    "<thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>"
)


def _row(name: str, mandatory: str, type_: str, description: str = "A field.") -> str:
    cells = (name, mandatory, type_, description)
    return "<tr>" + "".join(f"<td><p>{c}</p></td>" for c in cells) + "</tr>"


def _form(lead: str, *rows: str) -> str:
    """A list item that introduces a body table of its own, without a caption."""
    return (
        f"<li><p>{lead}</p><div class='table-responsive'><table>{HEAD}"
        f"<tbody>{''.join(rows)}</tbody></table></div></li>"
    )


_FROM_SERVER = _form(
    "Parameters for making a snapshot from a server",
    _row("name", "Yes", "String"),
    _row("server_id", "Yes", "String"),
)
_FROM_FILE = _form(
    "Parameters for making a snapshot from an uploaded file",
    _row("name", "Yes", "String"),
    _row("file_url", "Yes", "String"),
    _row("size_gb", "Yes", "Integer"),
)
_FROM_DISK = _form(
    "Parameters for making a snapshot from a disk",
    _row("name", "Yes", "String"),
    _row("disk_id", "Yes", "String"),
)


def _page(*calls: dict[str, Any]) -> str:
    shown = "".join(
        f"<pre>POST https://{{Endpoint}}/v2/snapshots\n{json.dumps(c, indent=2)}</pre>"
        for c in calls
    )
    return f"""<html><body><main><section id="top"><h1>Making a Snapshot</h1>
<section id="uri"><h2>URI</h2><p>POST /v2/snapshots</p></section>
<section id="request"><h2>Request</h2><ul>{_FROM_SERVER}{_FROM_FILE}{_FROM_DISK}</ul></section>
<section id="example"><h2>Example Request</h2>{shown}</section>
<section id="response"><h2>Response</h2><p>None</p></section>
</section></main></body></html>"""


def _forms(outcome: ScrapeOutcome) -> list[dict[str, Any]]:
    document = outcome.spec.document
    operation = document["paths"]["/v2/snapshots"]["post"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    return [_resolve(document, s) for s in schema.get("anyOf", [schema])]


def _codes(outcome: ScrapeOutcome) -> list[str]:
    return [d.code.name for d in outcome.diagnostics]


_SERVER_CALL = {"name": "a", "server_id": "s-1"}
_FILE_CALL = {"name": "b", "file_url": "bucket:file.qcow2", "size_gb": 40}
_DISK_CALL = {"name": "c", "disk_id": "d-1"}


def test_each_body_table_an_example_calls_with_is_a_form_of_the_body(tmp_path: Path) -> None:
    """The examples are called with the file table's and the disk table's fields: the
    body is any of the three tables, each with its own required fields."""
    outcome = _scrape(tmp_path, _page(_SERVER_CALL, _FILE_CALL, _DISK_CALL))
    forms = _forms(outcome)
    assert [set(f["properties"]) for f in forms] == [
        {"name", "server_id"},
        {"name", "file_url", "size_gb"},
        {"name", "disk_id"},
    ]
    assert [f["required"] for f in forms] == [
        ["name", "server_id"],
        ["name", "file_url", "size_gb"],
        ["name", "disk_id"],
    ]
    assert "TABLE_UNPLACED" not in _codes(outcome)
    assert _codes(outcome).count("TABLE_INFERRED") == 2


def test_a_body_table_no_example_calls_with_stays_unplaced(tmp_path: Path) -> None:
    """No example gives the disk table's fields: nothing says it is a body; it stays a
    table that reaches no operation (D101), its fields failed."""
    outcome = _scrape(tmp_path, _page(_SERVER_CALL, _FILE_CALL))
    assert [set(f["properties"]) for f in _forms(outcome)] == [
        {"name", "server_id"},
        {"name", "file_url", "size_gb"},
    ]
    assert "TABLE_UNPLACED" in _codes(outcome)


def test_an_example_with_a_key_no_table_lists_makes_no_form(tmp_path: Path) -> None:
    """An example that holds a key the file table does not list is no call with it."""
    outcome = _scrape(tmp_path, _page(_SERVER_CALL, {**_FILE_CALL, "colour": "red"}))
    assert [set(f["properties"]) for f in _forms(outcome)] == [{"name", "server_id"}]


def test_an_example_value_after_a_request_line_with_braces_is_read() -> None:
    """The braces of ``{Endpoint}`` in the request line are no JSON value; the object that
    begins the next line is."""
    text = 'POST https://{Endpoint}/v2/snapshots\n{\n  "name": "a"\n}'
    assert example_value(text) == {"name": "a"}
    assert example_value("GET https://{Endpoint}/v2/snapshots") is None


def test_an_example_value_that_does_not_begin_a_line_is_read_whole() -> None:
    """An object opened on the request line is the value, not a piece of it that begins
    a later line (a list's first element, an inner object)."""
    text = (
        'POST https://{Endpoint}/v1/{project_id}/servers {"server": {\n'
        '  "tags": [\n    {"key": "a"}\n  ],\n  "uuid": {\n    "id": "b"\n  }\n}}'
    )
    assert example_value(text) == {"server": {"tags": [{"key": "a"}], "uuid": {"id": "b"}}}
    assert example_value('"userTags": [\n  {"key": "a"}\n]') == [{"key": "a"}]
