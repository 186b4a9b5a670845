"""The YAML writer: the same text PyYAML writes with our presenter, faster; text that
would need a ``|+`` block is quoted; repeated components are folded."""

from __future__ import annotations

import copy
import math
from pathlib import Path
from typing import Any

import yaml

from doc2openapi import files
from doc2openapi.files import serialise
from doc2openapi.spec.folding import fold_duplicates

REF = "#/components/schemas/"


def test_folding_repeats_until_no_two_components_are_alike() -> None:
    leaf = {"type": "object", "properties": {"n": {"type": "integer"}}}
    components = {
        "LeafA": copy.deepcopy(leaf),
        "LeafB": copy.deepcopy(leaf),
        "A": {"type": "object", "properties": {"leaf": {"$ref": REF + "LeafA"}}},
        "B": {"type": "object", "properties": {"leaf": {"$ref": REF + "LeafB"}}},
        "Other": {"type": "string"},
    }
    other = components["Other"]
    renamed = fold_duplicates(components)
    assert renamed == {"LeafB": "LeafA", "B": "A"}
    assert sorted(components) == ["A", "LeafA", "Other"]
    assert components["A"]["properties"]["leaf"] == {"$ref": REF + "LeafA"}
    assert components["Other"] is other  # untouched components are not copied


def test_fast_yaml_nodes_match_pyyaml() -> None:
    class Plain(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            return True

    Plain.add_representer(str, files._str_presenter)
    shared = {"k": "v"}
    document = {
        "text": ["plain", "08", "true", "multi\nline\n", " lead", "", "é ✓", "a: b", "- x"],
        "numbers": [0, -5, 10**20, 1.5, 1e17, -0.0, math.inf, -math.inf, math.nan],
        "flags": [True, False, None],
        "empty": [{}, []],
        "nested": {"a": [shared, shared, {"b": [[1, [2]]]}]},
        "tuple": (1, 2),
    }
    expected = yaml.dump(
        document,
        Dumper=Plain,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    assert serialise(document, Path("x.yaml")) == expected


def test_text_ending_in_blank_lines_is_quoted() -> None:
    """Such text would be a ``|+`` block; the real ECS pages have one (an error message
    ending in line breaks)."""
    document = {
        "openapi": "3.0.3",
        "paths": {"/a": {"get": {"description": "<br /><br />\n\n\n"}}},
        "components": {"schemas": {"A": {"example": "\n"}, "B": {"example": "one\ntwo\n"}}},
    }
    whole = serialise(document, Path("x.yaml"))
    assert '"<br /><br />\\n\\n\\n"' in whole
    assert "example: |\n" in whole  # one final line break: still a block
    assert "+\n" not in whole
    assert yaml.safe_load(whole) == document
