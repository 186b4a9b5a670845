"""The diff on hostile documents (the generator's Hypothesis strategies: recursive schemas,
maps, unions, odd names, wrong types) and on documents that are not OpenAPI at all: it never
raises, it is empty for a document against a copy of itself, mirrored when the sides swap,
and every output format renders."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doc2openapi.diff import compare
from doc2openapi.diff.render import FORMATS
from tests.helpers.diff_symmetry import mirrored
from tests.helpers.hostile_specs import documents

NOT_OPENAPI: list[Any] = [
    {},
    {"paths": []},
    {"paths": {"/a": None, "/b": {"get": "x"}, "/c": {"get": {"parameters": "x"}}}},
    {"paths": {"/a": {"get": {"responses": {"200": {"content": {"a/b": {"schema": 3}}}}}}}},
    {"paths": {"/a": {"get": {"requestBody": {"$ref": "#/nowhere"}, "security": [1, {}]}}}},
    {"paths": {"/a": {"post": {"requestBody": {"$ref": "#/paths/~1a/post/requestBody"}}}}},
    {
        "components": {"schemas": {"A": {"$ref": "#/components/schemas/A"}}},
        "paths": {
            "/a": {
                "get": {
                    "responses": {
                        "200": {"content": {"j": {"schema": {"$ref": "#/components/schemas/A"}}}}
                    }
                }
            }
        },
    },
    {"paths": {"/a/{x}": {"get": {"parameters": [{"name": 1, "in": "path"}, {"in": "query"}]}}}},
]


def _renders(old: Any, new: Any) -> None:
    changes = compare(old, new)
    for render in FORMATS.values():
        assert render(changes)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), documents())
def test_hostile_documents(first: dict[str, Any], second: dict[str, Any]) -> None:
    assert compare(first, copy.deepcopy(first)) == []
    assert mirrored(compare(first, second), compare(second, first))
    _renders(first, second)


@given(st.sampled_from(NOT_OPENAPI), st.sampled_from(NOT_OPENAPI))
def test_what_is_not_openapi_compares_without_error(first: Any, second: Any) -> None:
    _renders(first, second)
    assert compare(first, json.loads(json.dumps(first))) == []


def _one_path(name: str, json_type: str) -> dict[str, Any]:
    parameter = {"name": name, "in": "path", "required": True, "schema": {"type": json_type}}
    operation = {"parameters": [parameter], "responses": {"200": {"description": "OK"}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {"//{" + name + "}": {"get": operation}},
    }


def test_a_renamed_path_parameter_is_mirrored() -> None:
    """Hypothesis once found ``//{abc}`` against ``//{def}`` unmirrored: the parameter is
    matched by position and each side's diff names it by its new name (``def`` one way,
    ``abc`` the other). The mirror is the same change under either name; a different
    change (another type) is still no mirror."""
    old, new = _one_path("abc", "string"), _one_path("def", "integer")
    forward = compare(old, new)
    assert {c.kind for c in forward} == {
        "request-path-parameter-renamed",
        "request-parameter-type-changed",
    }
    assert mirrored(forward, compare(new, old))
    assert not mirrored(forward, compare(_one_path("abc", "integer"), old))
