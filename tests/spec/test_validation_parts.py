"""Validation by parts (spec/chunks.py): a rebuild validates only the parts that changed,
and finds the same problems, at the same pointers, as validating the whole document."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from doc2openapi.pipeline import scrape
from doc2openapi.spec import validate as validation
from doc2openapi.spec.chunks import ValidParts, digest, split
from doc2openapi.spec.validate import validate_document
from tests.helpers.inputs import EXAMPLES, corpus_dir


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
    known = ValidParts(tmp_path)
    assert validate_document(document, known) == []  # the first run validates the whole
    broken = copy.deepcopy(document)
    path = sorted(broken["paths"])[0]
    operation = next(iter(broken["paths"][path].values()))
    code = sorted(operation["responses"])[0]
    del operation["responses"][code]["description"]  # a required field
    seen: list[dict[str, Any]] = []
    checker = validation._schema_problems

    def spy(doc: dict[str, Any]) -> Any:
        seen.append(doc)
        return checker(doc)

    monkeypatch.setattr(validation, "_schema_problems", spy)
    by_parts = validate_document(broken, known)
    assert [list(doc["paths"]) for doc in seen] == [[path]]  # only the changed part
    monkeypatch.setattr(validation, "_schema_problems", checker)
    assert by_parts == validate_document(broken)  # the same problems as the whole
    assert by_parts and all(p.pointer.startswith("/paths/") for p in by_parts)


def test_unchanged_document_needs_no_validator(
    document: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    known = ValidParts(tmp_path)
    assert validate_document(document, known) == []
    assert all(known.known(digest(part)) for part in split(document).values())

    def fail(_: dict[str, Any]) -> Any:
        raise AssertionError("validated again")

    monkeypatch.setattr(validation, "_schema_problems", fail)
    assert validate_document(document, known) == []


def test_corpus_parts_agree_with_the_whole(tmp_path: Path) -> None:
    document = scrape([corpus_dir("portal/dcs/api-ref")], validate=False).spec.document
    known = ValidParts(tmp_path)
    assert validate_document(document, known) == validate_document(document) == []
