"""Validation by parts (spec/chunks.py): a rebuild validates only the parts that changed,
and finds the same problems, at the same pointers, as validating the whole document."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from doc2openapi.cache import Cache, open_cache
from doc2openapi.pipeline import scrape
from doc2openapi.spec import validate as validation
from doc2openapi.spec.chunks import part_key, split
from doc2openapi.spec.validate import validate_document
from tests.helpers.inputs import EXAMPLES, corpus_dir


def cache_in(folder: Path) -> Cache:
    cache = open_cache(folder)
    assert cache is not None and not cache.problem
    return cache


def spied(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The documents given to openapi-spec-validator from now on."""
    seen: list[dict[str, Any]] = []
    checker = validation._schema_problems

    def spy(doc: dict[str, Any]) -> Any:
        seen.append(doc)
        return checker(doc)

    monkeypatch.setattr(validation, "_schema_problems", spy)
    return seen


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return scrape([EXAMPLES / "export"]).spec.document


def test_parts_cover_the_document(document: dict[str, Any]) -> None:
    parts = split(document)
    assert set(parts) == {f"path {p}" for p in document["paths"]} | {"rest"}
    covered = set().union(*(part["components"]["schemas"] for part in parts.values()))
    assert covered == set(document["components"]["schemas"])
    for part in parts.values():
        assert validate_document(part) == []  # each part is a valid document on its own


def test_a_changed_part_is_validated_alone_with_the_same_pointers(
    document: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    known = cache_in(tmp_path)
    assert validate_document(document, known) == []  # the first run validates the whole
    broken = copy.deepcopy(document)
    path = sorted(broken["paths"])[0]
    operation = next(iter(broken["paths"][path].values()))
    code = sorted(operation["responses"])[0]
    del operation["responses"][code]["description"]  # a required field
    seen = spied(monkeypatch)
    by_parts = validate_document(broken, known)
    assert [list(doc["paths"]) for doc in seen] == [[path]]  # only the changed part
    monkeypatch.undo()
    assert by_parts == validate_document(broken)  # the same problems as the whole
    assert by_parts and all(p.pointer.startswith("/paths/") for p in by_parts)


def test_unchanged_document_needs_no_validator(
    document: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    known = cache_in(tmp_path)
    assert validate_document(document, known) == []
    assert all(known.get("valid-part", part_key(p)) for p in split(document).values())

    def fail(_: dict[str, Any]) -> Any:
        raise AssertionError("validated again")

    monkeypatch.setattr(validation, "_schema_problems", fail)
    assert validate_document(document, known) == []


def test_corpus_parts_agree_with_the_whole(tmp_path: Path) -> None:
    document = scrape([corpus_dir("portal/dcs/api-ref")]).spec.document
    known = cache_in(tmp_path)
    assert validate_document(document, known) == validate_document(document) == []


def test_a_part_with_other_names_or_wording_is_validated_again(
    document: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parts are kept by their exact content: nothing is assumed of a part that differs."""
    known = cache_in(tmp_path)
    assert validate_document(document, known) == []
    reworded = copy.deepcopy(document)
    path = sorted(reworded["paths"])[0]
    operation = next(iter(reworded["paths"][path].values()))
    operation["summary"] = "Reworded"
    seen = spied(monkeypatch)
    assert validate_document(reworded, known) == []
    assert [list(doc["paths"]) for doc in seen] == [[path]]
