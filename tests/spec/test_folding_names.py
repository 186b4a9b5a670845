"""The name identical components keep when they are folded into one."""

from __future__ import annotations

from typing import Any

from doc2openapi.spec.folding import fold_duplicates

ERROR = {"type": "object", "properties": {"error_code": {"type": "string"}}}
JOB = {"type": "object", "properties": {"job_id": {"type": "string"}}}


def fold(components: dict[str, Any], owners: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    renamed = fold_duplicates(components, owners)
    return sorted(components), renamed


def test_an_error_body_of_unrelated_operations_is_named_for_what_they_share() -> None:
    components = {"ShowVolumeError404": dict(ERROR), "DeleteSnapshotError400": dict(ERROR)}
    owners = {"ShowVolumeError404": "ShowVolume", "DeleteSnapshotError400": "DeleteSnapshot"}
    names, renamed = fold(components, owners)
    assert names == ["Error"]
    assert renamed == {"ShowVolumeError404": "Error", "DeleteSnapshotError400": "Error"}


def test_bodies_of_one_operation_keep_its_name() -> None:
    components = {"ShowVolumeError404": dict(ERROR), "ShowVolumeError400": dict(ERROR)}
    owners = dict.fromkeys(components, "ShowVolume")
    assert fold(components, owners)[0] == ["ShowVolumeError400"]


def test_a_shared_response_is_named_after_what_it_holds() -> None:
    components = {"CreateVolumeResponse": dict(JOB), "DeleteVolumeResponse": dict(JOB)}
    owners = {"CreateVolumeResponse": "CreateVolume", "DeleteVolumeResponse": "DeleteVolume"}
    assert fold(components, owners)[0] == ["JobIdResponse"]


def test_a_neutral_name_another_component_has_is_not_taken() -> None:
    other = {"type": "object", "properties": {"code": {"type": "integer"}}}
    components = {"Error": other, "ShowVolumeError404": dict(ERROR), "ListTagsError": dict(ERROR)}
    owners = {"ShowVolumeError404": "ShowVolume", "ListTagsError": "ListTags"}
    assert fold(components, owners)[0] == ["Error", "ListTagsError"]
