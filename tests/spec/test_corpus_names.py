"""Names on every corpus folder: operationIds and model names without stutter, at most 60
characters, never numbered to be unique; one API named alike in the export and the portal."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest

from doc2openapi.spec.name_words import MAX_LENGTH
from doc2openapi.spec.operation_names import version_suffix
from tests.helpers.corpus_scrape import scraped_folder
from tests.scraper.test_goldens import CORPUS_FOLDERS

_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def _operations(document: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [
        (method, path, operation["operationId"])
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict) and "operationId" in operation
    ]


def _selects_version(document: dict[str, Any], method: str, path: str, op_id: str) -> bool:
    """A name ending in ``V<number>`` whose path key names a required query parameter."""
    names = set(path.partition("#")[2].split("&"))
    parameters = document["paths"][path][method].get("parameters", [])
    return bool(re.search(r"V\d+$", op_id)) and any(
        p.get("in") == "query" and p.get("required") and p.get("name") in names for p in parameters
    )


def _stutter(name: str) -> str:
    """The word a name repeats right after itself, or ""."""
    words = [w.lower() for w in _WORD.findall(name)]
    return next((a for a, b in itertools.pairwise(words) if a == b), "")


@pytest.mark.parametrize("folder", sorted(CORPUS_FOLDERS.values()))
def test_names_are_short_and_do_not_stutter(folder: str) -> None:
    document = scraped_folder(folder).document
    names = [op_id for _, _, op_id in _operations(document)]
    names += list(document.get("components", {}).get("schemas", {}))
    assert names
    assert [n for n in names if _stutter(n)] == []
    assert [n for n in names if len(n) > MAX_LENGTH] == []


@pytest.mark.parametrize("folder", sorted(CORPUS_FOLDERS.values()))
def test_operation_ids_are_never_numbered_to_be_unique(folder: str) -> None:
    """A name may end in a digit only where it is the API version of its path (``V2``),
    or the version a query name of its key selects (obs ``GET /?list-type=2``:
    ``ListObjectsV2``, its ``list-type`` parameter "can be set to 2 only")."""
    document = scraped_folder(folder).document
    numbered = [
        (method, path, op_id)
        for method, path, op_id in _operations(document)
        if op_id[-1].isdigit()
        and not (version_suffix(path) and op_id.endswith(version_suffix(path)))
        and not _selects_version(document, method, path, op_id)
    ]
    assert numbered == []
    if folder == "portal/obs/api-ref":
        assert (
            dict(((m, p), i) for m, p, i in _operations(document))[("get", "/#list-type")]
            == "ListObjectsV2"
        )
    ids = [op_id.lower() for _, _, op_id in _operations(document)]
    assert len(ids) == len(set(ids))


def test_one_api_has_one_name_in_the_export_and_the_portal() -> None:
    """doc-exports/dcs and portal/dcs describe the same DCS API in the two formats: each
    method and path they share has one operationId."""
    export = {
        (m, p): i for m, p, i in _operations(scraped_folder("doc-exports/dcs/api-ref").document)
    }
    portal = {(m, p): i for m, p, i in _operations(scraped_folder("portal/dcs/api-ref").document)}
    shared = sorted(set(export) & set(portal))
    assert shared, "the two formats share no operation"
    assert {k: export[k] for k in shared} == {k: portal[k] for k in shared}
    assert export[("post", "/v2/{project_id}/migration-task")] == "CreateMigrationTask"


def test_the_document_names_its_service() -> None:
    """``info.x-service`` (the generated package's name) is the service, not the title."""
    assert scraped_folder("portal/dcs/api-ref").document["info"]["x-service"] == "dcs"


def test_collisions_are_reported() -> None:
    """portal/dcs documents instances in API v1.0 and v2: the names say the version and
    each collision is a diagnostic."""
    scrape = scraped_folder("portal/dcs/api-ref")
    ids = {(m, p): i for m, p, i in _operations(scrape.document)}
    assert ids[("get", "/v1.0/{project_id}/instances")] == "ListInstancesV1"
    assert ids[("get", "/v2/{project_id}/instances")] == "ListInstancesV2"
    assert ids[("get", "/v2/{project_id}/instances/{instance_id}/backups")].startswith(
        "ListInstanceBackups"
    )
    text = repr(scrape.report)
    assert "'ListInstances' fits" in text
