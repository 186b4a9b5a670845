"""The report counts honestly and says so: pages written here (export layout) with a link to
a prose page, an operation left out for an error, examples without a body, and a nested table
that no field reaches."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from doc2openapi.pipeline import scrape
from doc2openapi.report import build_report, failures, summary_lines
from tests.helpers.command import run_cli
from tests.helpers.corpus_truth import page_tables

_ROW = "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>"
_HEAD = "<tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr>"


def _table(number: int, caption: str, rows: list[tuple[str, str, str, str]], anchor: str) -> str:
    body = "".join(_ROW.format(*row) for row in rows)
    return (
        f'<table id="{anchor}"><caption><b>Table {number} </b>{caption}</caption>'
        f"<thead>{_HEAD}</thead><tbody>{body}</tbody></table>"
    )


def _section(title: str, content: str) -> str:
    return f'<div class="section"><h4 class="sectiontitle">{title}</h4>{content}</div>'


PROSE = '<a href="appendix.html#pid">Obtaining a Project ID</a>'
ELSEWHERE = '<a href="unread.html#pid">Obtaining a Project ID</a>'  # a page not read
THINGS = "".join(
    (
        '<h1 class="topictitle1">Creating a thing</h1>',
        _section(
            "URI",
            "<p>POST /v1/{project_id}/things</p>"
            # no Type column, as in bms and mrs: the link is no type either
            '<table id="t1"><caption><b>Table 1 </b>Path Parameters</caption><thead><tr>'
            "<th>Parameter</th><th>Mandatory</th><th>Description</th></tr></thead><tbody><tr>"
            f"<td>project_id</td><td>Yes</td><td>Project ID. See {ELSEWHERE}.</td></tr></tbody>"
            "</table>",
        ),
        _section(
            "Request Parameters",
            _table(
                2,
                "Request body parameters",
                [
                    ("name", "Yes", "String", "Name."),
                    ("config", "No", "Object", f"Configuration. See {ELSEWHERE}."),
                    ("labels", "No", "Object", f"Labels. See {PROSE}."),
                ],
                "t2",
            ),
        ),
        _section("Response Parameters", "<p>None</p>"),
        _section(
            "Example Responses",
            '<p>First</p><pre>{"a": 1}</pre><p>Second</p><pre>{"b": 2}</pre>',
        ),
    )
)
BROKEN_URI = "".join(
    (
        '<h1 class="topictitle1">Deleting a thing</h1>',
        _section("URI", "<p>DELETE /v1/{project_id/things</p>"),
        _section("Response Parameters", "<p>None</p>"),
    )
)
APPENDIX = (
    '<h1 class="topictitle1" id="pid">Obtaining a Project ID</h1>'
    "<p>Call IAM, or read it on the console.</p>"
)
DATA_TYPES = '<h1 class="topictitle1">Data types</h1>' + _table(
    1, "Parameters of a thing", [("colour", "No", "String", "Colour.")], "t9"
)


def _folder(tmp_path: Path, pages: dict[str, str]) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, body in pages.items():
        (folder / name).write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return folder


def _report(folder: Path) -> dict[str, Any]:
    return build_report(scrape([folder]))


def test_a_link_to_a_prose_page_is_no_unresolved_type(tmp_path: Path) -> None:
    pages = {"things.html": THINGS, "appendix.html": APPENDIX, "types.html": DATA_TYPES}
    report = _report(_folder(tmp_path, pages))
    (service,) = report["services"].values()
    # project_id (no Type column) links a page not read: no type is asked for, so
    # recognised; config (an Object) links there where its structure should be: unresolved;
    # labels (an Object) links the folder's prose page: no type, recognised; the table of
    # types.html reaches no operation: failed, and named.
    assert service["unresolved_link"] == 1
    assert service["failed"] == 1
    assert service["failed_tables"] == 1
    assert service["fields_total"] == 5
    unresolved = [d for d in report["diagnostics"] if d["code"] == "D202"]
    assert [d["row"] for d in unresolved] == ["config"]
    unplaced = [d for d in report["diagnostics"] if d["code"] == "D101"]
    assert [(d["page"], d["table"]) for d in unplaced] == [("types.html", "Parameters of a thing")]


def test_examples_are_named_and_no_diagnostic_comes_twice(tmp_path: Path) -> None:
    report = _report(_folder(tmp_path, {"things.html": THINGS}))
    unplaced = [d["detail"] for d in report["diagnostics"] if d["code"] == "D404"]
    assert len(unplaced) == 2
    assert unplaced[0].startswith("response example 1 ")
    assert unplaced[1].startswith("response example 2 ")
    keys = [tuple(sorted(d.items())) for d in report["diagnostics"]]
    assert len(keys) == len(set(keys))


def test_an_operation_left_out_shows_and_fails_strict(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"things.html": THINGS, "delete.html": BROKEN_URI})
    report = _report(folder)
    assert report["summary"]["errors"] == 1
    lines = summary_lines(report, passed=not failures(report, strict=True))
    assert "left out for errors: 1" in lines[0]
    assert "valid: yes" not in "\n".join(lines)
    assert failures(report, strict=True) == [
        "doc2openapi: errors found (something was left out) and --strict is set"
    ]
    assert any(line.startswith("  D301 NO_URI error: 1") for line in lines)
    assert run_cli("scrape", folder, "-o", tmp_path / "spec.yaml", "--strict").returncode == 1


def test_valid_yes_only_beside_success(tmp_path: Path) -> None:
    empty = _report(_folder(tmp_path, {"appendix.html": APPENDIX, "types.html": DATA_TYPES}))
    assert failures(empty, strict=False) == ["doc2openapi: no API operation was found in the input"]
    assert "valid: yes" not in summary_lines(empty, passed=False)[0]
    result = run_cli("scrape", tmp_path / "docs", "-o", tmp_path / "spec.yaml")
    assert result.returncode == 1
    assert "valid: yes" not in result.stderr
    assert "FAILED" in result.stderr


def test_tables_of_one_caption_are_told_apart(tmp_path: Path) -> None:
    """Seven kms tables of one page are captioned "ErrorDetail": each lost table is named
    by its number too, so none of their diagnostics reads as a repeat of another."""
    error = [("error_code", "No", "String", "Code."), ("error_msg", "No", "String", "Text.")]
    types = (
        '<h1 class="topictitle1">Errors</h1>'
        + _table(1, "ErrorDetail", error, "e1")
        + _table(2, "ErrorDetail", error, "e2")
    )
    report = _report(_folder(tmp_path, {"things.html": THINGS, "errors.html": types}))
    (service,) = report["services"].values()
    assert service["failed_tables"] == 2
    unplaced = [d["table"] for d in report["diagnostics"] if d["code"] == "D101"]
    assert unplaced == ["Table 1 ErrorDetail", "Table 2 ErrorDetail"]


def _plain_table(header: tuple[str, ...], rows: list[tuple[str, ...]], caption: str) -> str:
    head = "".join(f"<th>{text}</th>" for text in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    head_row = f"<thead><tr>{head}</tr></thead>" if header else ""
    return f"<table><caption>{caption}</caption>{head_row}<tbody>{body}</tbody></table>"


MONITORED = "".join(
    (
        '<h1 class="topictitle1">Creating a monitored thing</h1>',
        _section("URI", "<p>POST /v1/things</p>"),
        _section(
            "Request Parameters",
            _table(1, "Request body", [("name", "Yes", "String", "Name."), ("", "", "", "")], "b"),
        ),
        _section(
            "Returned Values",
            _plain_table(("Returned Value", "Description"), [("200", "OK"), ("400", "Bad")], "S"),
        ),
        _section(
            "Metrics",
            _plain_table(("Metric", "Name", "Description"), [("cpu", "CPU", "Load.")] * 2, "M")
            + _plain_table(("Key", "Value"), [("region", "eu-de")], "Settings")
            + _plain_table((), [("loose", "cells"), ("more", "cells")], "Layout"),
        ),
        _section(
            "Response Parameters",
            _plain_table((), [("Parameter", "Type", "Description"), ("id", "String", "ID.")], "R"),
        ),
    )
)
ACTIONS = '<h1 class="topictitle1">Actions</h1>' + _plain_table(
    ("Action", "Description"), [("things:create", "Create a thing.")], "Actions"
)


def test_every_row_of_every_table_is_counted(tmp_path: Path) -> None:
    """Rows of tables that list no fields (metrics, a Key | Value listing, a table without
    a header, a table of actions on a page without operation), status-code rows, blank
    rows and a header written as a row of <td> cells are counted beside the fields: the
    report's rows add up to the rows an independent reader of the HTML counts, page by
    page, and each table set aside is said once."""
    folder = _folder(tmp_path, {"monitored.html": MONITORED, "actions.html": ACTIONS})
    report = _report(folder)
    (service,) = report["services"].values()
    details = service["page_details"]
    for name in ("monitored.html", "actions.html"):
        assert details[name]["rows_total"] == sum(page_tables(folder / name))
    parts = ("fields_total", "status_rows", "rows_not_fields", "blank_rows", "header_rows")
    assert [service[part] for part in parts] == [2, 2, 6, 1, 1]
    assert service["rows_total"] == 12
    assert service["tables_not_fields"] == 4
    said = [(d["page"], d["table"]) for d in report["diagnostics"] if d["code"] == "D109"]
    assert sorted(said) == [
        ("actions.html", "Actions"),
        ("monitored.html", "Layout"),
        ("monitored.html", "M"),
        ("monitored.html", "Settings"),
    ]
    line = next(line for line in summary_lines(report) if "table rows" in line)
    assert "table rows 12 = 2 field rows + 2 status codes + 6 in 4 tables that list no" in line
