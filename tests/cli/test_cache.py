"""The cache cannot be turned against its user: stored bytes are never executed, a damaged
entry is a miss that is written again, and a folder others can write to is refused."""

from __future__ import annotations

import errno
import hashlib
import os
import pickle
import types
from pathlib import Path

import pytest

import doc2openapi
from doc2openapi.cache import ENTRY_FORMAT, content_key, open_cache
from doc2openapi.inputs import collect_inputs
from doc2openapi.manifest import MANIFEST_NAME
from tests.helpers.command import tree


class _Planted:
    """A pickle that creates a file when it is loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (Path.touch, (self.marker,))


def _build(docs: Path, out: Path, cache: Path | None) -> doc2openapi.BuildResult:
    options = doc2openapi.Config(cache=cache is not None, cache_dir=str(cache or ""))
    # a build that does the work again (without its manifest, the folder's files are not
    # known as the build's own: force)
    (out / MANIFEST_NAME).unlink(missing_ok=True)
    return doc2openapi.build([docs], out, options, force=True)


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / f"v{ENTRY_FORMAT}").rglob("*.json"))


def _intact(entry: Path) -> bool:
    digest, _, text = entry.read_bytes().partition(b"\n")
    return digest == hashlib.sha256(text).hexdigest().encode() and bool(text)


def test_a_planted_pickle_is_never_loaded(docs: Path, tmp_path: Path) -> None:
    cache, marker = tmp_path / "cache", tmp_path / "code-ran"
    cache.mkdir(mode=0o700)
    planted = pickle.dumps(_Planted(marker))
    signed = hashlib.sha256(planted).hexdigest().encode() + b"\n" + planted
    for page in collect_inputs([docs])[0].pages:  # where each page's entry goes
        entry = cache / f"v{ENTRY_FORMAT}" / "page" / page.digest[:2] / f"{page.digest}.json"
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_bytes(signed if page.key < "M" else planted)
        entry.with_suffix(".pickle").write_bytes(planted)  # the old cache's name
    result = _build(docs, tmp_path / "out", cache)
    assert result.status is doc2openapi.Status.OK, result.messages
    assert not marker.exists()
    assert _build(docs, tmp_path / "cold", None).status is doc2openapi.Status.OK
    leave_out = {MANIFEST_NAME}
    assert tree(tmp_path / "out", leave_out) == tree(tmp_path / "cold", leave_out)
    assert all(_intact(entry) for entry in _entries(cache))  # every page's entry rewritten
    assert not marker.exists()


@pytest.mark.parametrize("damage", ["truncate", "empty", "flip", "valid digest, wrong shape"])
def test_damaged_entries_are_misses_and_are_rewritten(
    docs: Path, tmp_path: Path, damage: str
) -> None:
    cache = tmp_path / "cache"
    assert _build(docs, tmp_path / "cold", None).status is doc2openapi.Status.OK
    assert _build(docs, tmp_path / "out", cache).status is doc2openapi.Status.OK
    entries = _entries(cache)
    kinds = {entry.parent.parent.name for entry in entries}
    assert kinds == {"page", "valid-part", "example-check", "parsed-document"}
    for entry in entries:
        data = entry.read_bytes()
        if damage == "truncate":
            entry.write_bytes(data[: len(data) // 2])
        elif damage == "empty":
            entry.write_bytes(b"")
        elif damage == "flip":
            entry.write_bytes(data[:-3] + bytes([data[-3] ^ 1]) + data[-2:])
        else:
            text = b'[["x"], 1]'
            entry.write_bytes(hashlib.sha256(text).hexdigest().encode() + b"\n" + text)
    result = _build(docs, tmp_path / "out", cache)
    assert result.status is doc2openapi.Status.OK, result.messages
    leave_out = {MANIFEST_NAME}
    assert tree(tmp_path / "out", leave_out) == tree(tmp_path / "cold", leave_out)
    if damage != "valid digest, wrong shape":  # a well-formed entry of another shape
        assert all(_intact(entry) for entry in _entries(cache))  # written again
        assert [e.read_bytes() for e in _entries(cache)] != [b""] * len(entries)


def test_an_emptied_example_check_does_not_let_a_rejected_example_in(tmp_path: Path) -> None:
    cache = open_cache(tmp_path / "cache")
    assert cache is not None
    key = content_key("example-check", "x")
    cache.put("example-check", key, "$.size: 'big' is not of type 'integer'")
    assert cache.get("example-check", key) == "$.size: 'big' is not of type 'integer'"
    entry = _entries(tmp_path / "cache")[0]
    entry.write_bytes(entry.read_bytes().split(b"\n")[0] + b'\n""')  # "no error", unsigned
    assert cache.get("example-check", key) is None


def _said_once(result: doc2openapi.BuildResult, why: str) -> None:
    assert result.status is doc2openapi.Status.OK, result.messages
    said = [line for line in result.messages if "cache folder" in line]
    assert len(said) == 1 and why in said[0], said


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o702])
def test_cache_folder_others_can_write_is_refused(docs: Path, tmp_path: Path, mode: int) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(mode)
    _said_once(_build(docs, tmp_path / "out", cache), "refused (writable by others)")
    assert not any(cache.rglob("*"))


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a folder to another user")
def test_cache_folder_of_another_user_is_refused(docs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    os.chown(cache, 4321, -1)
    _said_once(_build(docs, tmp_path / "out", cache), "refused (owned by another user)")
    assert not any(cache.rglob("*"))


def test_full_or_read_only_cache_is_said_once(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_: object, **__: object) -> tuple[int, str]:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("doc2openapi.cache.tempfile", types.SimpleNamespace(mkstemp=full))
    result = _build(docs, tmp_path / "out", tmp_path / "cache")
    _said_once(result, "cannot be written (No space left on device)")
    monkeypatch.undo()
    assert _build(docs, tmp_path / "cold", None).status is doc2openapi.Status.OK
    leave_out = {MANIFEST_NAME}
    assert tree(tmp_path / "out", leave_out) == tree(tmp_path / "cold", leave_out)


def test_missing_cache_folder_that_cannot_be_made_is_said_once(docs: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    _said_once(_build(docs, tmp_path / "out", blocked / "cache"), "cannot be used")


def test_cache_keys_differ_for_any_change_of_content() -> None:
    keys = {
        content_key("page", "a.html", b"<h1>x</h1>"),
        content_key("page", "b.html", b"<h1>x</h1>"),
        content_key("page", "a.html", b"<h1>y</h1>"),
        content_key("page", "a.htm", b"l<h1>x</h1>"),  # the same bytes, split elsewhere
        content_key("valid-part", "a.html", b"<h1>x</h1>"),
    }
    assert len(keys) == 5
