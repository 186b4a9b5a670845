"""CHANGES.md and the client's version across rebuilds into one folder: a breaking change
bumps the major version, an addition the minor, a documentation-only change the patch."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from doc2openapi import changelog, library
from doc2openapi.config import Config

OPTIONS = Config(cache=False, jobs=1)


def _not_called(text: str, suffix: str) -> None:
    raise AssertionError("the previous document was parsed again")


def _build(docs: Path, out: Path, force: bool = False) -> library.BuildResult:
    result = library.build([docs], out, OPTIONS, force=force)
    assert result.status is library.Status.OK, result.messages
    return result


def _version(out: Path) -> str:
    lines = (out / "client" / "pyproject.toml").read_text().splitlines()
    return next(line for line in lines if line.startswith("version = ")).split('"')[1]


def test_each_kind_of_change_bumps_its_part_of_the_version(docs: Path, tmp_path: Path) -> None:
    out, aside = tmp_path / "out", tmp_path / "DeleteWidget.html"
    shutil.move(docs / "DeleteWidget.html", aside)
    _build(docs, out)
    assert _version(out) == "1.0.0"  # the document's info.version
    assert not (out / "CHANGES.md").exists()  # a first build: nothing to compare with

    shutil.copy(aside, docs / "DeleteWidget.html")
    result = _build(docs, out)
    assert _version(out) == "1.1.0"
    changes = (out / "CHANGES.md").read_text()
    assert "**0 breaking**, 1 non-breaking." in changes
    assert "| `DELETE /v2/{project_id}/widgets/{widget_id}` | endpoint-added |" in changes
    assert any(
        "0 breaking, 1 other (see CHANGES.md); client version 1.1.0" in m for m in result.messages
    )

    page = docs / "ShowWidget.html"
    page.write_text(page.read_text().replace("assigned by the service", "given by the service"))
    _build(docs, out)
    assert _version(out) == "1.1.1"
    assert "the documentation changed only" in (out / "CHANGES.md").read_text()

    (docs / "DeleteWidget.html").unlink()
    _build(docs, out)
    assert _version(out) == "2.0.0"
    changes = (out / "CHANGES.md").read_text()
    assert changes.startswith(
        "## Changes in the API (client 2.0.0)\n\n**1 breaking**, 0 non-breaking."
    )
    assert "| api-removed-without-deprecation |" in changes


def test_the_same_document_keeps_the_version_and_the_changes(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(docs, out)
    page = docs / "ShowWidget.html"
    page.write_text(page.read_text().replace("assigned by the service", "given by the service"))
    _build(docs, out)
    changes = (out / "CHANGES.md").read_bytes()
    page.write_text(page.read_text() + "<!-- the page changes, the document does not -->")
    result = _build(docs, out)
    assert "nothing changed" not in " ".join(result.messages)
    assert (out / "CHANGES.md").read_bytes() == changes
    assert _version(out) == "1.0.1"


def test_a_version_or_document_edited_by_hand_is_not_trusted(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(docs, out)
    project = out / "client" / "pyproject.toml"
    project.write_text(project.read_text().replace('version = "1.0.0"', 'version = "7.0.0"'))
    refused = library.build([docs], out, OPTIONS)
    assert refused.status is library.Status.CONFLICT
    (docs / "ShowWidget.html").write_text(
        (docs / "ShowWidget.html").read_text().replace("assigned by", "given by")
    )
    _build(docs, out, force=True)
    assert _version(out) == "1.0.0"  # not 7.0.1: the file is not the one the build wrote

    spec = out / "openapi.yaml"
    elsewhere = tmp_path / "other.yaml"
    elsewhere.write_text(spec.read_text())
    spec.unlink()
    spec.symlink_to(elsewhere)
    (docs / "DeleteWidget.html").unlink()
    _build(docs, out, force=True)
    assert not (out / "CHANGES.md").exists()  # no previous document to compare with
    assert not spec.is_symlink()


def test_the_cache_keeps_the_parsed_document_for_the_next_comparison(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the cache, the next build compares with the document kept parsed there (the
    YAML is not parsed again): the same CHANGES.md and version as a build without it."""
    cached = Config(cache=True, cache_dir=str(tmp_path / "cache"), jobs=1)
    warm, cold = tmp_path / "warm", tmp_path / "cold"
    assert library.build([docs], warm, cached).status is library.Status.OK
    shutil.copytree(warm, cold)
    (docs / "DeleteWidget.html").unlink()
    _build(docs, cold)
    with monkeypatch.context() as patched:
        patched.setattr(changelog, "parse_document", _not_called)
        assert library.build([docs], warm, cached).status is library.Status.OK
    assert (warm / "CHANGES.md").read_bytes() == (cold / "CHANGES.md").read_bytes()
    assert _version(warm) == _version(cold) == "2.0.0"
    assert list((tmp_path / "cache").rglob("parsed-document/*/*.json"))
