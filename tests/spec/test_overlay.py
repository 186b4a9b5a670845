"""OpenAPI Overlay 1.0 applied to a document: merge, append, remove, order, and every way an
overlay or one of its actions can be wrong (a value or a diagnostic, never an exception)."""

from __future__ import annotations

import copy
import datetime
from pathlib import Path
from typing import Any

import pytest

from doc2openapi.diagnostics import Code, Level
from doc2openapi.spec.overlay import (
    Overlay,
    OverlayError,
    apply_overlays,
    load_overlay,
    read_overlay,
)


def _document() -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/things": {
                "get": {
                    "operationId": "ListThings",
                    "parameters": [
                        {"name": "a", "in": "query"},
                        {"name": "dummy", "in": "query"},
                        {"name": "b", "in": "query"},
                        {"name": "dummy", "in": "header"},
                    ],
                    "tags": ["old"],
                    "responses": {"200": {"description": "OK"}},
                }
            }
        },
    }


def _overlay(*actions: dict[str, Any]) -> Overlay:
    overlay = read_overlay(
        {"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "actions": list(actions)},
        "fix.yaml",
    )
    assert isinstance(overlay, Overlay), overlay
    return overlay


def test_update_merges_objects_recursively_and_appends_to_arrays() -> None:
    document = _document()
    problems = apply_overlays(
        document,
        [
            _overlay(
                {
                    "target": "$.paths['/things'].get",
                    "update": {
                        "operationId": "list_things",
                        "tags": ["new"],
                        "responses": {"200": {"x-note": "kept"}},
                    },
                },
                {"target": "$.paths['/things'].get.parameters", "update": {"name": "c"}},
            )
        ],
    )
    assert problems == []
    operation = document["paths"]["/things"]["get"]
    assert operation["operationId"] == "list_things"
    assert operation["tags"] == ["old", "new"]  # an array in an update is appended
    assert operation["responses"]["200"] == {"description": "OK", "x-note": "kept"}
    assert operation["parameters"][-1] == {"name": "c"}
    assert len(operation["parameters"]) == 5


def test_remove_takes_every_match_out_and_keeps_the_other_indexes_right() -> None:
    document = _document()
    apply_overlays(
        document,
        [_overlay({"target": "$.paths.*.get.parameters[?@.name == 'dummy']", "remove": True})],
    )
    names = [p["name"] for p in document["paths"]["/things"]["get"]["parameters"]]
    assert names == ["a", "b"]


def test_actions_apply_in_order_remove_then_recreate() -> None:
    document = _document()
    apply_overlays(
        document,
        [
            _overlay(
                {"target": "$.paths['/things'].get.responses", "remove": True},
                {
                    "target": "$.paths['/things'].get",
                    "update": {"responses": {"204": {"description": "No Content"}}},
                },
            )
        ],
    )
    assert document["paths"]["/things"]["get"]["responses"] == {
        "204": {"description": "No Content"}
    }


def test_one_update_on_several_targets_shares_nothing() -> None:
    document = {"a": {}, "b": {}}
    apply_overlays(
        document,
        [
            _overlay(
                {"target": "$['a','b']", "update": {"schema": {"type": "string"}}},
                {"target": "$.a.schema", "update": {"format": "uuid"}},
            )
        ],
    )
    assert document["b"] == {"schema": {"type": "string"}}
    assert document["a"] == {"schema": {"type": "string", "format": "uuid"}}


def test_target_matching_nothing_and_action_changing_nothing_are_reported() -> None:
    document = _document()
    before = copy.deepcopy(document)
    problems = apply_overlays(
        document,
        [
            _overlay(
                {"target": "$.paths['/nothing'].get", "update": {"x": 1}},
                {"target": "$.info", "description": "no modifier"},
                {"target": "$.info", "remove": False},
            )
        ],
    )
    assert document == before
    found = [(p.level, p.code, p.page, p.table) for p in problems]
    assert found == [
        (Level.WARNING, Code.OVERLAY_NO_MATCH, "fix.yaml", "action 1"),
        (Level.WARNING, Code.OVERLAY_NO_CHANGE, "fix.yaml", "action 2"),
        (Level.WARNING, Code.OVERLAY_NO_CHANGE, "fix.yaml", "action 3"),
    ]
    assert "$.paths['/nothing'].get" in problems[0].detail


@pytest.mark.parametrize(
    ("action", "said"),
    [
        ({"target": "$.info.title", "update": {"x": 1}}, "$['info']['title'] is a string"),
        ({"target": "$.info", "update": "New title"}, "the update a string"),
        ({"target": "$.paths['/things'].get", "update": {"tags": "x"}}, "is an array"),
        (
            {"target": "$.paths['/things']", "update": {"get": {"responses": []}}},
            "$['paths']['/things'][\"get\"][\"responses\"] is an object, the update an array",
        ),
        ({"target": "$", "remove": True}, "whole document"),
    ],
)
def test_an_update_that_does_not_fit_is_an_error_and_changes_nothing(
    action: dict[str, Any], said: str
) -> None:
    document = _document()
    before = copy.deepcopy(document)
    problems = apply_overlays(document, [_overlay(action)])
    assert document == before
    assert [(p.level, p.code) for p in problems] == [(Level.ERROR, Code.OVERLAY_MISFIT)]
    assert said in problems[0].detail


@pytest.mark.parametrize(
    ("data", "said"),
    [
        ([], "not an overlay"),
        ({"openapi": "3.0.3"}, "'overlay' must be the version string"),
        ({"overlay": 1.0}, "'overlay' must be the version string"),
        ({"overlay": "2.0.0"}, "overlay version '2.0.0' is not supported"),
        ({"overlay": "1.0.0", "info": {"title": "t"}}, "'info' must be an object with"),
        ({"overlay": "1.0.0", "info": {"title": "t", "version": "1"}}, "'actions' must be"),
        ({"actions": []}, "'actions' must be a list of at least one action"),
        ({"extends": 3}, "'extends' must be a string"),
        ({"action": []}, "unknown field 'action' — did you mean 'actions'?"),
        ({"actions": ["$.info"]}, "action 1: not an object"),
        ({"actions": [{"target": "$.info", "updat": {}}]}, "did you mean 'update'?"),
        ({"actions": [{"update": {}}]}, "action 1: 'target' must be a JSONPath query"),
        ({"actions": [{"target": "$.a[", "remove": True}]}, "is not a JSONPath query"),
        ({"actions": [{"target": "$[?length(@)]", "remove": True}]}, "must be compared"),
        ({"actions": [{"target": "$.x-y", "remove": True}]}, "found '-'"),
        ({"actions": [{"target": "$", "remove": "yes"}]}, "'remove' must be true or false"),
        ({"actions": [{"target": "$", "description": 5}]}, "'description' must be a string"),
        (
            {"actions": [{"target": "$", "update": {"a": [{"b": datetime.date(2024, 1, 1)}]}}]},
            "action 1: update.a[0].b is a date, which JSON cannot hold (quote it in YAML)",
        ),
        ({"actions": [{"target": "$", "update": {"x": float("inf")}}]}, "update.x is inf"),
    ],
)
def test_a_malformed_overlay_is_an_error_value(data: Any, said: str) -> None:
    if isinstance(data, dict) and "overlay" not in data and "openapi" not in data:
        valid = {"overlay": "1.0.0", "info": {"title": "t", "version": "1"}}
        valid["actions"] = [{"target": "$", "update": {}}]
        data = {**valid, **data}
    overlay = read_overlay(data, "bad.yaml")
    assert isinstance(overlay, OverlayError)
    assert said in str(overlay)
    assert str(overlay).startswith("overlay bad.yaml: ")


def test_extensions_are_allowed_everywhere() -> None:
    overlay = read_overlay(
        {
            "overlay": "1.0.1",
            "x-tool": 1,
            "info": {"title": "t", "version": "1", "x-owner": "me"},
            "actions": [{"target": "$.info", "update": {"x-y": 1}, "x-why": "because"}],
        },
        "ok.yaml",
    )
    assert isinstance(overlay, Overlay)


def test_files_that_are_not_overlays_are_error_values(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("overlay: 1.0.0\nactions: [\n")
    missing = load_overlay(tmp_path / "missing.yaml")
    assert isinstance(missing, OverlayError)
    assert "file not found" in str(missing)
    unreadable = load_overlay(broken)
    assert isinstance(unreadable, OverlayError)
    assert "not readable as YAML or JSON" in str(unreadable)
    folder = load_overlay(tmp_path)
    assert isinstance(folder, OverlayError)


def test_json_overlay_and_digest_follows_content(tmp_path: Path) -> None:
    path = tmp_path / "fix.json"
    path.write_text(
        '{"overlay": "1.0.0", "info": {"title": "t", "version": "1"},'
        ' "actions": [{"target": "$.info", "update": {"title": "A"}}]}'
    )
    first = load_overlay(path)
    path.write_text(path.read_text().replace('"A"', '"B"'))
    second = load_overlay(path)
    assert isinstance(first, Overlay) and isinstance(second, Overlay)
    assert first.digest != second.digest
    document = _document()
    apply_overlays(document, [first, second])
    assert document["info"]["title"] == "B"  # overlays apply in the order given
