"""Rebuilds: the page cache, the build manifest, parallel reading, and what a build may
delete."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import doc2openapi
from doc2openapi.cache import ENTRY_FORMAT, open_cache
from doc2openapi.inputs import collect_inputs
from doc2openapi.manifest import MANIFEST_NAME
from doc2openapi.pipeline import ReadOptions, read_services, scrape
from tests.helpers.command import run_cli, tree
from tests.helpers.inputs import corpus_dir


def build(
    docs: Path, out: Path, *extra: str | Path, cache: Path | None = None
) -> subprocess.CompletedProcess[str]:
    caching = ["--cache-dir", cache] if cache else ["--no-cache"]
    return run_cli("build", docs, "-o", out, *caching, *extra)


def test_rebuild_with_nothing_changed_does_no_work(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(docs, out).returncode == 0
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    again = build(docs, out)
    assert again.returncode == 0
    assert "nothing changed since the last build" in again.stderr
    assert "pages read: 11" in again.stderr  # the summary of the build it stands for
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == stamps


def test_one_page_changed_rewrites_only_what_changed(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(docs, out).returncode == 0
    spec_before = (out / "openapi.yaml").read_bytes()
    page = docs / "ShowWidget.html"
    page.write_text(page.read_text().replace("Querying Widget Details", "Reading a Widget"))
    result = build(docs, out)
    assert result.returncode == 0
    assert "nothing changed" not in result.stderr
    assert (out / "openapi.yaml").read_bytes() != spec_before
    # a change that leaves the outputs as they were keeps their modification times
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.name != MANIFEST_NAME}
    (docs / "notes.txt").write_text("not a page")
    manifest = out / MANIFEST_NAME
    manifest.write_text(manifest.read_text().replace('"fingerprint": "', '"fingerprint": "x'))
    assert build(docs, out).returncode == 0
    assert {
        p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.name != MANIFEST_NAME
    } == stamps


def test_build_deletes_only_its_own_files(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(docs, out).returncode == 0
    (out / "mine.txt").write_text("the user's file")
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    manifest["files"]["../outside.txt"] = "0" * 64
    (out / MANIFEST_NAME).write_text(json.dumps(manifest))
    for page in docs.glob("*.html"):  # no API page left: the spec is no longer generated
        page.write_text("<html><body><h1>Guide</h1></body></html>")
    result = build(docs, out)
    assert result.returncode == 1
    assert not (out / "openapi.yaml").exists()
    assert (out / "report.json").exists()
    assert (out / "mine.txt").read_text() == "the user's file"
    assert outside.read_text() == "keep me"


def test_cache_hits_give_the_same_document(tmp_path: Path) -> None:
    folder = corpus_dir("portal/dcs/api-ref")
    cache = tmp_path / "cache"
    inputs = collect_inputs([folder])
    first = read_services(inputs, ReadOptions(jobs=1, cache=open_cache(cache)))
    second = read_services(inputs, ReadOptions(jobs=1, cache=open_cache(cache)))
    assert [r.api for r in first[0].pages] == [r.api for r in second[0].pages]
    assert [r.page for r in first[0].pages] == [r.page for r in second[0].pages]
    probe = open_cache(cache)
    assert probe is not None
    assert all(probe.get("page", page.digest) is not None for page in inputs[0].pages)


def test_parallel_reading_is_byte_identical_to_serial(tmp_path: Path) -> None:
    folder = corpus_dir("doc-exports/ecs/api-ref")
    serial = scrape([folder], reading=ReadOptions(jobs=1))
    parallel = scrape([folder], reading=ReadOptions(jobs=2))
    assert json.dumps(serial.spec.document) == json.dumps(parallel.spec.document)
    assert serial.diagnostics == parallel.diagnostics


def test_cache_folder_is_safe_to_delete(docs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    out = tmp_path / "out"
    assert build(docs, out, cache=cache).returncode == 0
    spec = (out / "openapi.yaml").read_bytes()
    shutil.rmtree(cache)
    manifest = out / MANIFEST_NAME  # another fingerprint: the pages are read again
    manifest.write_text(manifest.read_text().replace('"fingerprint": "', '"fingerprint": "x'))
    assert build(docs, out, cache=cache).returncode == 0
    assert (out / "openapi.yaml").read_bytes() == spec


def test_same_document_is_not_generated_again(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    options = doc2openapi.Config(cache=False)
    first = doc2openapi.build([docs], out, options)
    assert first.status is doc2openapi.Status.OK, first.messages
    client_before = {p: p.read_bytes() for p in (out / "client").rglob("*") if p.is_file()}
    page = docs / "ShowWidget.html"  # an edit outside every table: the document stays the same
    page.write_text(page.read_text() + "\n<p>Edited note.</p>\n")

    def no_work(*_: object) -> None:
        raise AssertionError("the same document was generated again")

    monkeypatch.setattr("doc2openapi.library.generate_project", no_work)
    second = doc2openapi.build([docs], out, options)
    assert second.status is doc2openapi.Status.OK, second.messages
    assert not any("nothing changed" in line for line in second.messages)  # inputs did change
    assert {p: p.read_bytes() for p in (out / "client").rglob("*") if p.is_file()} == client_before
    # a new guide page with a table no operation uses: the report changes (one more page),
    # the document does not, so its client is not generated again
    (docs / "glossary.html").write_text(
        "<h1>Glossary</h1><table><thead><tr><th>Parameter</th><th>Type</th>"
        "<th>Description</th></tr></thead><tbody><tr><td>widget</td><td>String</td>"
        "<td>A thing.</td></tr></tbody></table>"
    )
    third = doc2openapi.build([docs], out, options)
    assert third.status is doc2openapi.Status.OK, third.messages
    assert any("pages read: 12" in line for line in third.messages)
    assert json.loads((out / "report.json").read_text())["summary"]["pages"] == 12
    assert {p: p.read_bytes() for p in (out / "client").rglob("*") if p.is_file()} == client_before


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b'<h1 class="topictitle1">', b'<h1 class="topictitle1">Edited '),  # names change
        (b">String<", b">Integer<"),  # a type changes: structure, validation, client
        (b"Parent topic:", b"<!-- edited -->Parent topic:"),  # only the bytes change
    ],
)
def test_rebuild_after_an_edit_equals_a_cold_build(
    docs: Path, tmp_path: Path, old: bytes, new: bytes
) -> None:
    """Every cached result (pages, valid parts, example checks) gives the outputs a build
    without the cache gives (both after the same first build)."""
    cache, warm_out, cold_out = tmp_path / "cache", tmp_path / "warm", tmp_path / "cold"
    assert build(docs, warm_out, cache=cache).returncode == 0
    kept = {p.name for p in (cache / f"v{ENTRY_FORMAT}").iterdir()}
    assert kept == {"page", "valid-part", "example-check", "parsed-document"}
    shutil.copytree(warm_out, cold_out)  # the same last build: same CHANGES.md, same version
    page = docs / "CreateWidget.html"
    original = page.read_bytes()
    assert old in original
    page.write_bytes(original.replace(old, new, 1))
    warm = build(docs, warm_out, cache=cache)
    cold = build(docs, cold_out)

    def summary(text: str) -> list[str]:  # without the note on what a rebuild skipped
        return [line for line in text.splitlines() if not line.startswith("doc2openapi: ")]

    assert (warm.returncode, summary(warm.stderr)) == (cold.returncode, summary(cold.stderr))
    warm_files = tree(warm_out, leave_out={MANIFEST_NAME})
    cold_files = tree(cold_out, leave_out={MANIFEST_NAME})
    assert warm_files == cold_files
    assert warm_files["openapi.yaml"] != b""


def test_no_cache_writes_no_cache(docs: Path, tmp_path: Path) -> None:
    home = tmp_path / "cache-home"
    environment = {"DOC2OPENAPI_CACHE_DIR": str(home), "XDG_CACHE_HOME": str(home)}
    commands: list[list[str | Path]] = [
        ["build", docs, "-o", tmp_path / "out"],
        ["scrape", docs, "-o", tmp_path / "spec.yaml"],
        ["generate", tmp_path / "out" / "openapi.yaml", "-o", tmp_path / "c"],
    ]
    for command in commands:
        result = run_cli(*command, "--no-cache", env=environment)
        assert result.returncode == 0, result.stderr
    assert not home.exists() or not any(home.rglob("*"))
