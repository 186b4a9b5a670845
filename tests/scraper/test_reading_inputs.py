"""Reading input folders: pages beyond the limit are said, symlinks out of the folder are not
followed, and a page is read with a buffer of its own size."""

from __future__ import annotations

from pathlib import Path

import pytest

from doc2openapi import inputs
from doc2openapi.diagnostics import Code
from doc2openapi.inputs import collect_inputs


def test_pages_beyond_the_limit_are_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in "abc":
        (tmp_path / f"{name}.html").write_text("<html><body><h1>x</h1></body></html>")
    monkeypatch.setattr(inputs, "MAX_PAGES", 2)
    [folder] = collect_inputs([tmp_path])
    assert [p.key for p in folder.pages] == ["a.html", "b.html"]
    [dropped] = folder.diagnostics
    assert dropped.code is Code.PAGES_DROPPED
    assert "3 pages" in dropped.detail and "c.html" in dropped.detail


def test_a_symlink_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    docs, secret = tmp_path / "docs", tmp_path / "secret.html"
    docs.mkdir()
    secret.write_text("<html><body>secret</body></html>")
    (docs / "page.html").write_text("<html><body>page</body></html>")
    (docs / "leak.html").symlink_to(secret)
    (docs / "alias.html").symlink_to(docs / "page.html")
    [folder] = collect_inputs([docs])
    pages = {p.key: p for p in folder.pages}
    assert pages["leak.html"].raw is None
    assert "outside the input folder" in pages["leak.html"].problem
    assert pages["alias.html"].raw == (docs / "page.html").read_bytes()


def test_pages_are_read_whole_up_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inputs, "MAX_PAGE_BYTES", 10)
    (tmp_path / "small.html").write_bytes(b"0123456789")
    (tmp_path / "large.html").write_bytes(b"x" * 100)
    [folder] = collect_inputs([tmp_path])
    pages = {p.key: p.raw for p in folder.pages}
    assert pages["small.html"] == b"0123456789"
    assert pages["large.html"] == b"x" * 11  # one over the limit: too large (D004)


def test_reading_pages_keeps_no_memory_mapping_per_page(tmp_path: Path) -> None:
    """Asking ``read`` for the size limit made a mapping per page read, and 100,000 pages
    ran out of them ("failed to map segment")."""
    maps = Path("/proc/self/maps")
    if not maps.exists():
        pytest.skip("no /proc/self/maps on this system")
    for number in range(3000):
        (tmp_path / f"p{number}.html").write_bytes(b"<html><body><h1>x</h1></body></html>")
    before = maps.read_text().count("\n")
    [folder] = collect_inputs([tmp_path])
    assert len(folder.pages) == 3000
    assert maps.read_text().count("\n") - before < 100
