"""Broken, hostile and unexpected pages: each one yields its diagnostics, never a crash.

Every page in ``tests/broken/`` and every page generated below (the large ones are built
here rather than committed) is scraped alone, through the whole pipeline, and the
diagnostics it gives (code, table, row) and whether an operation came out are compared
with ``tests/broken/snapshots.yaml``. The expectations there were written by reading each
page; the ``note`` of each entry says why. After a deliberate change, regenerate with
``python -m tests.scraper.test_broken_pages --update`` and review the diff (notes are kept).

Each run must also stay within a generous memory bound (tracemalloc peak).
"""

from __future__ import annotations

import http.server
import importlib.util
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import pytest
import yaml

from doc2openapi.pipeline import scrape
from doc2openapi.scraper.page import read_page
from doc2openapi.spec.build import SpecOptions
from tests.helpers.inputs import EXAMPLES

BROKEN = Path(__file__).resolve().parents[1] / "broken"
UPDATE = "python -m tests.scraper.test_broken_pages --update"
FUZZER = Path(__file__).resolve().parents[2] / "benchmarks" / "fuzz_pages.py"
SNAPSHOTS = BROKEN / "snapshots.yaml"
MEMORY_BOUND = 200 * 1024 * 1024
PAGE_PROBLEMS_ONLY = SpecOptions(server_url="https://api.example.test")
"""A configured server: a snapshot holds what is wrong with the page, not that a lone test
page names no host (D503)."""
COMMAND = [sys.executable, "-m", "doc2openapi.cli"]

HEAD = """<a name="ListThings"></a>
<h1 class="topictitle1">{title}</h1>
<div class="section"><h4 class="sectiontitle">URI</h4><p>POST /v1/{{project_id}}/things</p>
<table><caption><b>Table 1 </b>Path Parameters</caption>
<thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>project_id</td><td>Yes</td><td>String</td><td>Project ID.</td></tr></tbody>
</table></div>
"""
REQUEST_HEAD = """<div class="section"><h4 class="sectiontitle">Request Parameters</h4>
<table><caption><b>Table 2 </b>Request body parameters</caption>
<thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
<tbody>
"""
REQUEST_TAIL = "</tbody></table></div>\n"
TAIL = """<div class="section"><h4 class="sectiontitle">Response Parameters</h4><p>None</p></div>
<div class="section"><h4 class="sectiontitle">Status Codes</h4>
<table><thead><tr><th>Status Code</th><th>Description</th></tr></thead>
<tbody><tr><td>200</td><td>OK</td></tr></tbody></table></div>
"""


def _row(name: str, kind: str = "String", description: str = "A field.") -> str:
    return f"<tr><td>{name}</td><td>No</td><td>{kind}</td><td>{description}</td></tr>\n"


def api_page(title: str, rows: str, middle: str = "") -> str:
    """A small API page (URI, path table, request table, status codes) around ``rows``."""
    return HEAD.format(title=title) + middle + REQUEST_HEAD + rows + REQUEST_TAIL + TAIL


# ---------------------------------------------------------------------------- generated pages


def deep_nesting() -> bytes:
    """3,000 nested elements between the URI and the request table."""
    return (
        HEAD.format(title="Deep nesting")
        + "<div>" * 3000
        + "deep"
        + "</div>" * 3000
        + REQUEST_HEAD
        + _row("name")
        + REQUEST_TAIL
        + TAIL
    ).encode()


def many_rows() -> bytes:
    """A request table of 20,000 rows."""
    rows = "".join(_row(f"field_{index}") for index in range(20_000))
    return api_page("Many rows", rows).encode()


def billion_laughs() -> bytes:
    """The classic entity bomb: ten levels of ten references each."""
    declarations = ['<!ENTITY lol0 "lol">']
    declarations += [f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)]
    doctype = "<!DOCTYPE html [\n" + "\n".join(declarations) + "\n]>\n"
    return (doctype + api_page("Billion laughs", _row("name", description="&lol9;"))).encode()


def binary_garbage() -> bytes:
    return random.Random(1234).randbytes(64 * 1024)


def attribute_bomb() -> bytes:
    """One cell with 100,000 attributes (libxml2 checks each against all the others)."""
    attributes = " ".join(f"a{index}" for index in range(100_000))
    cell = f'<tr><td id="first" {attributes}>name</td><td>No</td><td>String</td><td>A.</td></tr>'
    return api_page("Attribute bomb", cell).encode()


def huge_text() -> bytes:
    """A single text of 11 MB, over libxml2's limit for one text node (10 MB)."""
    return api_page("Huge text", _row("name", description="x" * 11_000_000)).encode()


GENERATED: dict[str, Callable[[], bytes]] = {
    "generated/deep_nesting.html": deep_nesting,
    "generated/many_rows.html": many_rows,
    "generated/billion_laughs.html": billion_laughs,
    "generated/binary_garbage.html": binary_garbage,
    "generated/attribute_bomb.html": attribute_bomb,
    "generated/huge_text.html": huge_text,
}


def case_bytes(name: str) -> bytes:
    if name in GENERATED:
        return GENERATED[name]()
    return (BROKEN / name).read_bytes()


def case_names() -> list[str]:
    return sorted(p.name for p in BROKEN.glob("*.html")) + list(GENERATED)


# ---------------------------------------------------------------------------- running


def outcome_of(name: str, raw: bytes, folder: Path) -> tuple[dict[str, Any], int]:
    """Scrape one page alone: its snapshot entry (without the note) and the memory peak."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / Path(name).name).write_bytes(raw)
    tracemalloc.start()
    try:
        outcome = scrape([folder], PAGE_PROBLEMS_ONLY)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    diagnostics = [[d.code.value, d.table, d.row] for d in outcome.diagnostics]
    return {"operation": bool(outcome.spec.document.get("paths")), "diagnostics": diagnostics}, peak


def load_snapshots() -> dict[str, Any]:
    data = yaml.safe_load(SNAPSHOTS.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("name", case_names())
def test_broken_page_snapshot(name: str, tmp_path: Path) -> None:
    expected = load_snapshots().get(name)
    assert expected is not None, f"{name} has no snapshot: run {UPDATE}"
    actual, peak = outcome_of(name, case_bytes(name), tmp_path / "docs")
    assert actual["operation"] == expected["operation"]
    assert actual["diagnostics"] == expected["diagnostics"]
    assert peak < MEMORY_BOUND, f"tracemalloc peak {peak / 2**20:.0f} MiB"


def test_every_snapshot_has_a_page() -> None:
    assert sorted(load_snapshots()) == sorted(case_names())


# ---------------------------------------------------------------------------- contents


def test_script_and_style_never_reach_the_document(tmp_path: Path) -> None:
    shutil.copy(BROKEN / "script_style.html", tmp_path)
    page = read_page("script_style.html", (BROKEN / "script_style.html").read_bytes())
    outcome = scrape([tmp_path])
    for text in (repr(page), json.dumps(outcome.spec.document)):
        assert "leak" not in text.lower()
    body = outcome.spec.document["components"]["schemas"]
    assert any("Thing name. Bold text." in json.dumps(schema) for schema in body.values())


def test_entities_are_never_expanded(tmp_path: Path) -> None:
    (tmp_path / "lol.html").write_bytes(billion_laughs())
    shutil.copy(BROKEN / "xxe.html", tmp_path)
    text = json.dumps(scrape([tmp_path]).spec.document)
    assert "lol" + "lol" not in text  # not even one level expanded
    assert "&lol9;" in text and "&passwd;" in text  # left as written
    assert "root:" not in text


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'<!ENTITY remote "served-by-the-test-server">')

    def log_message(self, format: str, *args: object) -> None:
        return


def test_nothing_is_fetched_while_parsing(tmp_path: Path) -> None:
    server = http.server.HTTPServer(("127.0.0.1", 0), _CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        doctype = (
            f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{url}/strict.dtd" [\n'
            f'<!ENTITY remote SYSTEM "{url}/entity">\n<!ENTITY % dtd SYSTEM "{url}/dtd">\n'
            "%dtd;\n]>\n"
        )
        extras = (
            f'<link rel="stylesheet" href="{url}/style.css"><script src="{url}/s.js"></script>'
            f'<img src="{url}/i.png"><iframe src="{url}/frame"></iframe>'
            f'<?xml-stylesheet href="{url}/x.xsl"?><xi:include href="{url}/inc"/>'
        )
        row = _row("name", description="&remote;" + extras)
        (tmp_path / "remote.html").write_text(doctype + api_page("Remote", row))
        text = json.dumps(scrape([tmp_path]).spec.document)
    finally:
        server.shutdown()
        server.server_close()
    assert _CountingHandler.requests == []
    assert "served-by-the-test-server" not in text
    assert "&remote;" in text


def test_unterminated_markup_loses_only_what_follows() -> None:
    for name in ("unterminated_comment.html", "unterminated_script.html"):
        page = read_page(name, (BROKEN / name).read_bytes())
        (table,) = [t for t in page.tables() if t.caption == "Request body parameters"]
        assert [row.cells[0].text for row in table.rows] == ["name"]
        assert "injected" not in repr(page)


def test_spans_put_cells_in_their_columns() -> None:
    page = read_page("spans.html", (BROKEN / "spans.html").read_bytes())
    table = page.tables()[1]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["name", "Yes", "String", "Thing name."],
        ["label", "No", "String", "Thing label."],
        ["size", "No", "Integer", "Integer"],
    ]


def test_absurd_spans_are_clamped() -> None:
    page = read_page("absurd_spans.html", (BROKEN / "absurd_spans.html").read_bytes())
    rows = [[cell.text for cell in row.cells] for row in page.tables()[1].rows]
    assert rows[0] == ["name", "Yes", "String", "Described once for all rows."]
    assert rows[1][:4] == ["size", "No", "Integer", "Described once for all rows."]
    assert rows[2] == ["color", "No", "String", "Described once for all rows."]
    assert all(len(row) <= 100 for row in rows)


def test_duplicate_anchor_links_mean_the_first_table() -> None:
    page = read_page("duplicate_anchors.html", (BROKEN / "duplicate_anchors.html").read_bytes())
    keys = [table.key for table in page.tables()]
    assert len(keys) == len(set(keys))
    first, second = page.tables()[2:4]
    assert first.anchors == ("ListThings__request_Spec",)
    assert second.anchors == ()


# ---------------------------------------------------------------------------- files


def test_broken_symlink_is_reported(tmp_path: Path) -> None:
    (tmp_path / "good.html").write_text(api_page("Good", _row("name")))
    (tmp_path / "gone.html").symlink_to(tmp_path / "nowhere.html")
    outcome = scrape([tmp_path])
    assert ["D003", "gone.html"] in [[d.code.value, d.page] for d in outcome.diagnostics]
    assert outcome.spec.document["paths"]


def test_folder_named_like_a_page_is_reported(tmp_path: Path) -> None:
    (tmp_path / "good.html").write_text(api_page("Good", _row("name")))
    (tmp_path / "folder.html").mkdir()
    outcome = scrape([tmp_path])
    assert ["D003", "folder.html"] in [[d.code.value, d.page] for d in outcome.diagnostics]


def test_fifo_named_like_a_page_does_not_hang(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.html").write_text(api_page("Good", _row("name")))
    os.mkfifo(docs / "pipe.html")
    report = tmp_path / "report.json"
    # Opening a FIFO without a writer blocks for ever: a hang never ends, so a generous
    # timeout still catches it, while a slow start on a loaded machine (seconds) does not
    # fail the test (5 s once did).
    result = run_cli("scrape", docs, "-o", tmp_path / "spec.yaml", "--report", report, timeout=120)
    assert result.returncode == 0, result.stderr
    (unread,) = [d for d in json.loads(report.read_text())["diagnostics"] if d["code"] == "D003"]
    assert (unread["page"], unread["detail"]) == ("pipe.html", "cannot read: not a regular file")


def test_long_chain_of_linked_tables(tmp_path: Path) -> None:
    tables = []
    for index in range(400):
        link = f'<a href="#ListThings__t{index + 1}">T{index + 1}</a> object'
        tables.append(
            f'<table id="ListThings__t{index}"><caption><b>Table {index + 3} </b>T{index}'
            "</caption><thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th>"
            f"<th>Description</th></tr></thead><tbody>{_row(f'f{index}', link)}</tbody></table>"
        )
    rows = _row("root", '<a href="#ListThings__t0">T0</a> object')
    page = HEAD.format(title="Chain") + REQUEST_HEAD + rows + "</tbody></table>"
    (tmp_path / "chain.html").write_text(page + "".join(tables) + "</div>" + TAIL)
    assert scrape([tmp_path]).spec.document["paths"]


# ---------------------------------------------------------------------------- fuzzing


def test_bounded_fuzz_run_finds_no_crash(tmp_path: Path) -> None:
    """200 mutated pages (fixed seed) from the example service and the broken pages; the
    long run is ``python benchmarks/fuzz_pages.py --seconds 60`` over the real corpus."""
    spec = importlib.util.spec_from_file_location("fuzz_pages", FUZZER)
    assert spec is not None and spec.loader is not None
    fuzzer = importlib.util.module_from_spec(spec)
    sys.modules["fuzz_pages"] = fuzzer
    spec.loader.exec_module(fuzzer)
    seeds = fuzzer.seed_pages([EXAMPLES, BROKEN])
    result = fuzzer.fuzz(seeds, executions=200, seed=20240601, crashes=tmp_path / "crashes")
    assert result.executions == 200
    assert result.failures == {}, "\n\n".join(result.failures.values())


def test_deeply_nested_example(tmp_path: Path) -> None:
    example = '<h4 class="sectiontitle">Example Request</h4><pre>' + "[" * 5000 + "]" * 5000
    (tmp_path / "example.html").write_text(api_page("Deep example", _row("name")) + example)
    assert scrape([tmp_path]).spec.document["paths"]


def test_deeply_nested_table_of_contents(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(api_page("Page", _row("name")))
    (tmp_path / "CLASS.TXT.json").write_text("[" * 5000 + "]" * 5000)
    assert scrape([tmp_path]).spec.document["paths"]


# ---------------------------------------------------------------------------- command line


def run_cli(*args: str | Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, *map(str, args)], check=False, capture_output=True, text=True, timeout=timeout
    )


def test_cli_on_all_broken_pages_together(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in case_names():
        if name in ("generated/huge_text.html", "generated/many_rows.html"):
            continue  # slow under a subprocess and covered above
        (docs / Path(name).name).write_bytes(case_bytes(name))
    report = tmp_path / "report.json"
    result = run_cli("scrape", docs, "-o", tmp_path / "spec.yaml", "--report", report)
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1), result.stderr
    codes = {d["code"] for d in json.loads(report.read_text())["diagnostics"]}
    assert {"D002", "D005", "D006", "D007", "D008", "D009", "D102", "D106"} <= codes


def test_cli_binary_only_folder_is_a_one_line_failure(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "garbage.html").write_bytes(binary_garbage())
    (docs / "empty.html").write_bytes(b"")
    report = tmp_path / "report.json"
    result = run_cli("scrape", docs, "-o", tmp_path / "spec.yaml", "--report", report)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "doc2openapi: no API operation was found in the input" in result.stderr
    found = [(d["code"], d["page"]) for d in json.loads(report.read_text())["diagnostics"]]
    assert found == [("D002", "empty.html"), ("D005", "garbage.html")]


# ---------------------------------------------------------------------------- snapshots


def _dump_entry(name: str, entry: dict[str, Any]) -> str:
    """One page's entry, each diagnostic on one line as ``[code, table, row]``."""

    def dump(value: Any, **options: Any) -> str:
        text: str = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, **options)
        return text.strip().removesuffix("...").strip()

    note = dump({"note": entry["note"]}, width=86).replace("\n", "\n  ")
    lines = [f"{dump(name)}:", f"  {note}", f"  operation: {dump(entry['operation'])}"]
    if entry["diagnostics"]:
        lines.append("  diagnostics:")
        lines += [
            f"  - {dump(d, default_flow_style=True, width=1000)}" for d in entry["diagnostics"]
        ]
    else:
        lines.append("  diagnostics: []")
    return "\n".join(lines) + "\n"


def update_snapshots() -> None:
    """Rewrite ``snapshots.yaml`` from the current behaviour, keeping each entry's note."""
    old = load_snapshots() if SNAPSHOTS.exists() else {}
    new: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for index, name in enumerate(case_names()):
            actual, _ = outcome_of(name, case_bytes(name), Path(scratch) / str(index))
            note = old.get(name, {}).get("note", "TODO: say what this page should yield")
            new[name] = {"note": note, **actual}
    header = (
        "# Expected outcome of each broken page (tests/scraper/test_broken_pages.py): whether an\n"
        "# operation comes out, and the diagnostics as [code, table, row] in report order.\n"
        "# Written by reading the pages; regenerate deliberately with\n"
        "# `python -m tests.scraper.test_broken_pages --update` and review the diff.\n"
    )
    body = "".join(_dump_entry(name, entry) for name, entry in new.items())
    SNAPSHOTS.write_text(header + body, encoding="utf-8")
    print(f"wrote {SNAPSHOTS} ({len(new)} pages)")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(f"usage: {UPDATE}")
    update_snapshots()


def test_malformed_uri_template_is_reported_not_written(tmp_path: Path) -> None:
    good = api_page("Good", _row("name"))
    bad = good.replace("POST /v1/{project_id}/things", "GET /v1/{a}{b}/{/x}}/{")
    (tmp_path / "good.html").write_text(good)
    (tmp_path / "bad.html").write_text(bad)
    outcome = scrape([tmp_path])
    assert outcome.problems == []
    assert list(outcome.spec.document["paths"]) == ["/v1/{project_id}/things"]
    assert ["D301", "bad.html"] in [[d.code.value, d.page] for d in outcome.diagnostics]
