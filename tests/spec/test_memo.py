"""Remembered checks (spec/memo.py): a rebuild after an edit of wording or of names makes
no check again, a change of structure always does, and the results are the same as
checking afresh."""

from __future__ import annotations

import copy
import datetime
import math
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from doc2openapi import files
from doc2openapi.files import load_document, serialise
from doc2openapi.pipeline import ReadOptions, scrape
from doc2openapi.spec import validate as validation
from doc2openapi.spec.chunks import ValidParts, digest, split
from doc2openapi.spec.examples import SchemaCheck
from doc2openapi.spec.memo import Memo, structure
from doc2openapi.spec.schemas import fold_duplicates
from doc2openapi.spec.validate import validate_document
from tests.helpers.inputs import EXAMPLES

REF = "#/components/schemas/"


def _schemas() -> dict[str, Any]:
    return {
        "Outer": {
            "type": "object",
            "description": "the outer object",
            "x-source": "a.html#t1",
            "properties": {
                "inner": {"$ref": REF + "Inner"},
                "description": {"type": "string", "description": "a property named so"},
            },
        },
        "Inner": {"type": "object", "properties": {"n": {"type": "integer", "maximum": 5}}},
    }


def _renamed(schemas: dict[str, Any]) -> dict[str, Any]:
    """The same schemas under other names, with other wording."""
    text = yaml.safe_dump(schemas).replace("Inner", "Renamed").replace("Outer", "Top")
    renamed = yaml.safe_load(text.replace("the outer object", "new words"))
    renamed["Top"]["x-source"] = "b.html#t9"
    return dict(renamed)


def test_structure_ignores_wording_and_names_only() -> None:
    schemas = _schemas()
    root = {"$ref": REF + "Outer"}
    same = structure({"$ref": REF + "Top"}, _renamed(schemas))
    assert structure(root, schemas) == same
    # a property named "description" is a schema, not prose
    changed = copy.deepcopy(schemas)
    changed["Outer"]["properties"]["description"] = {"type": "integer"}
    assert structure(root, changed) != structure(root, schemas)
    # text inside data (enums, examples, extensions) counts
    for key in ("enum", "example", "x-rules"):
        with_data = copy.deepcopy(schemas)
        with_data["Inner"][key] = [{"description": "one"}]
        other = copy.deepcopy(with_data)
        other["Inner"][key] = [{"description": "two"}]
        assert structure(root, with_data) != structure(root, other), key
    # a constraint counts
    tighter = copy.deepcopy(schemas)
    tighter["Inner"]["properties"]["n"]["maximum"] = 4
    assert structure(root, tighter) != structure(root, schemas)
    # two references to one schema differ from references to two equal schemas
    twice = {"a": {"$ref": REF + "Inner"}, "b": {"$ref": REF + "Inner"}}
    apart = {"a": {"$ref": REF + "Inner"}, "b": {"$ref": REF + "Copy"}}
    with_copy = {**schemas, "Copy": copy.deepcopy(schemas["Inner"])}
    assert structure(twice, schemas) != structure(apart, with_copy)


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return scrape([EXAMPLES / "export"]).spec.document


def _renamed_refs(value: Any, old: str, new: str) -> Any:
    if isinstance(value, dict):
        return {
            k: (REF + new if k == "$ref" and v == REF + old else _renamed_refs(v, old, new))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_renamed_refs(v, old, new) for v in value]
    return value


def _reworded(document: dict[str, Any]) -> dict[str, Any]:
    """The document with new wording, new operationIds and its components renamed."""
    changed = copy.deepcopy(document)
    for old in sorted(changed["components"]["schemas"]):
        changed = _renamed_refs(changed, old, "Zz" + old)
        schemas = changed["components"]["schemas"]
        schemas["Zz" + old] = schemas.pop(old)
    for item in changed["paths"].values():
        for operation in item.values():
            operation["summary"] = "Reworded " + operation.get("summary", "")
            operation["operationId"] = "reworded" + operation["operationId"]
    for schema in changed["components"]["schemas"].values():
        for field in schema.get("properties", {}).values():
            if "description" in field:
                field["description"] = "reworded " + field["description"]
    return dict(changed)


def test_rewording_needs_no_validator(
    document: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    known = ValidParts(tmp_path)
    assert validate_document(document, known) == []
    reworded = _reworded(document)
    assert reworded != document
    assert {digest(p) for p in split(reworded).values()} == {
        digest(p) for p in split(document).values()
    }

    def fail(_: dict[str, Any]) -> Any:
        raise AssertionError("validated again")

    monkeypatch.setattr(validation, "_schema_problems", fail)
    assert validate_document(reworded, known) == []


def test_structural_change_is_validated(document: dict[str, Any], tmp_path: Path) -> None:
    known = ValidParts(tmp_path)
    assert validate_document(document, known) == []
    broken = _reworded(document)
    name = sorted(broken["components"]["schemas"])[-1]
    broken["components"]["schemas"][name]["type"] = "strin"
    problems = validate_document(broken, known)
    assert problems == validate_document(broken)
    assert any(name in p.pointer for p in problems)


def test_duplicate_operation_ids_are_found_whatever_the_memo_says(
    document: dict[str, Any], tmp_path: Path
) -> None:
    known = ValidParts(tmp_path)
    assert validate_document(document, known) == []
    clash = copy.deepcopy(document)
    operations = [op for item in clash["paths"].values() for op in item.values()]
    operations[1]["operationId"] = operations[0]["operationId"]
    problems = validate_document(clash, known)
    assert any("is also used at" in p.detail for p in problems)


def test_example_checks_are_remembered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = {"components": {"schemas": _schemas()}}
    memo = Memo(tmp_path, "example-checks")
    fresh = SchemaCheck.of(document, "3.0.3")
    remembered = SchemaCheck.of(document, "3.0.3", memo)
    cases = [{"inner": {"n": 9}}, {"inner": {"n": 1}}, {"description": 3}, {}]
    root = {"$ref": REF + "Outer"}
    expected = [fresh.first_error(value, root) for value in cases]
    assert expected[0].startswith("$.inner.n: ") and expected[1] == "" and expected[2]
    assert [remembered.first_error(value, root) for value in cases] == expected

    def fail(*_: Any) -> str:
        raise AssertionError("checked again")

    monkeypatch.setattr(SchemaCheck, "_check", fail)
    renamed = SchemaCheck.of({"components": {"schemas": _renamed(_schemas())}}, "3.0.3", memo)
    assert [renamed.first_error(value, {"$ref": REF + "Top"}) for value in cases] == expected
    with pytest.raises(AssertionError, match="checked again"):
        remembered.first_error({"inner": {"n": 10}}, root)  # a new value is checked


def test_rebuild_with_memo_gives_the_same_document_without_the_validators(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reading = ReadOptions(jobs=1, cache_dir=tmp_path)
    first = scrape([EXAMPLES / "export"], reading=reading)
    assert first.problems == []
    fresh = scrape([EXAMPLES / "export"], reading=ReadOptions(jobs=1))

    def fail(*_: Any) -> Any:
        raise AssertionError("checked again")

    monkeypatch.setattr(SchemaCheck, "_check", fail)
    monkeypatch.setattr(validation, "_schema_problems", fail)
    again = scrape([EXAMPLES / "export"], reading=reading)
    assert again.spec.document == first.spec.document == fresh.spec.document
    assert again.diagnostics == first.diagnostics == fresh.diagnostics


def test_unreadable_memo_is_a_miss(tmp_path: Path) -> None:
    memo = Memo(tmp_path / "file", "x")
    (tmp_path / "file").write_text("not a folder")
    memo.put("ab" * 32, "value")  # cannot be written: no error
    assert memo.get("ab" * 32) is None


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


_PIECES = ("a", "Z", " ", ":", "#", "'", '"', "-", "|", "+", ">", "\n", "\t", "\u2028", "\x85")
_TEXT = st.lists(
    st.sampled_from((*_PIECES, "é", "0", "word " * 30)),
    max_size=12,
).map("".join)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=60, derandomize=True, database=None, deadline=None)
@given(
    paths=st.dictionaries(_TEXT, _JSON, max_size=4),
    schemas=st.dictionaries(_TEXT, _JSON, max_size=4),
    extra=_JSON,
)
def test_yaml_written_by_parts_is_the_whole(
    paths: dict[str, Any], schemas: dict[str, Any], extra: Any
) -> None:
    document = {
        "openapi": "3.0.3",
        "paths": paths,
        "components": {"securitySchemes": extra, "schemas": schemas},
        "x-extra": extra,
    }
    with tempfile.TemporaryDirectory() as folder:
        store = Memo(Path(folder), "yaml")
        whole = serialise(document, Path("x.yaml"))
        assert serialise(document, Path("x.yaml"), store) == whole  # written and kept
        assert serialise(document, Path("x.yaml"), store) == whole  # read back
        assert yaml.safe_load(whole) == document


def test_yaml_by_parts_on_real_documents(tmp_path: Path) -> None:
    store = Memo(tmp_path, "yaml")
    hostile = load_document(Path(__file__).parents[1] / "generator" / "fixtures" / "hostile.yaml")
    for document in (scrape([EXAMPLES / "export"]).spec.document, hostile):
        whole = serialise(document, Path("x.yaml"))
        assert serialise(document, Path("x.yaml"), store) == whole
        assert serialise(document, Path("x.yaml"), store) == whole
    assert len(list(store.folder.rglob("*"))) > 10


def test_documents_too_deep_for_a_digest_are_checked_without_the_memo(
    document: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def too_deep(*_: Any) -> str:
        raise RecursionError

    monkeypatch.setattr(validation, "digest", too_deep)
    broken = copy.deepcopy(document)
    name = sorted(broken["components"]["schemas"])[0]
    broken["components"]["schemas"][name]["type"] = "strin"
    assert validate_document(broken, ValidParts(tmp_path)) == validate_document(broken) != []
    monkeypatch.setattr(SchemaCheck, "_key", too_deep)
    check = SchemaCheck.of({"components": {"schemas": _schemas()}}, "3.0.3", Memo(tmp_path, "x"))
    assert check.first_error({"inner": {"n": 9}}, {"$ref": REF + "Outer"}).startswith("$.inner")


def _differ(first: dict[str, Any], second: dict[str, Any], root: Any) -> bool:
    return structure(root, first) != structure(root, second)


def test_structure_follows_every_schema_a_check_can_reach() -> None:
    """Found in review: each of these once gave two inputs with different verdicts one
    key."""
    settings_int = {"type": "object", "properties": {"a": {"type": "integer"}}}
    settings_str = {"type": "object", "properties": {"a": {"type": "string"}}}
    # a reference under a property *named* like a keyword is followed
    holder = {"properties": {"default": {"$ref": REF + "Settings"}}}
    root = {"$ref": REF + "Holder"}
    assert _differ(
        {"Holder": holder, "Settings": settings_int},
        {"Holder": holder, "Settings": settings_str},
        root,
    )
    # an ill-formed name keeps its name, and its body counts
    bad_str, bad_int = {"Bad Name": {"type": "string"}}, {"Bad Name": {"type": "integer"}}
    assert structure({}, bad_str, list(bad_str)) != structure({}, bad_int, list(bad_int))
    assert structure({"$ref": REF + "Bad Name"}, {"Bad Name": {}}) != structure(
        {"$ref": REF + "Other Name"}, {"Other Name": {}}
    )
    # where names count (a discriminator, a pointer into a component), they are kept
    cat = {"type": "object", "properties": {"kind": {"type": "string"}}}
    pet = {"$ref": REF + "Pet"}

    def pick(name: str, discriminated: bool) -> dict[str, Any]:
        schema: dict[str, Any] = {"oneOf": [{"$ref": REF + name}]}
        if discriminated:
            schema["discriminator"] = {"propertyName": "kind"}
        return schema

    # renamed throughout: the same structure, unless a discriminator makes names count
    assert not _differ(
        {"Cat": cat, "Pet": pick("Cat", False)}, {"Kitten": cat, "Pet": pick("Kitten", False)}, pet
    )
    assert _differ(
        {"Cat": cat, "Pet": pick("Cat", True)}, {"Kitten": cat, "Pet": pick("Kitten", True)}, pet
    )
    into = {"$ref": REF + "Foo/properties/x"}
    foo_int = {"Foo": {"properties": {"x": {"type": "integer"}}}}
    foo_str = {"Foo": {"properties": {"x": {"type": "string"}}}}
    assert _differ(foo_int, foo_str, into)
    # a date (read from YAML) is not the text of that date
    assert digest(
        {
            "openapi": "3.0.3",
            "components": {"schemas": {"D": {"default": datetime.date(2020, 1, 1)}}},
        }
    ) != digest({"openapi": "3.0.3", "components": {"schemas": {"D": {"default": "2020-01-01"}}}})


def test_memo_keeps_text_exactly(tmp_path: Path) -> None:
    memo = Memo(tmp_path, "x")
    memo.put("ab" * 32, "a\rb\r\nc\u2028")
    assert memo.get("ab" * 32) == "a\rb\r\nc\u2028"


def test_text_ending_in_blank_lines_is_quoted_so_documents_stay_written_by_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Such text would be a ``|+`` block, which leaves the YAML document open; the real
    ECS pages have one (an error message ending in line breaks)."""
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
    store = Memo(tmp_path, "yaml")
    assert serialise(document, Path("x.yaml"), store) == whole
    wholes: list[Any] = []
    monkeypatch.setattr(files, "_yaml", lambda value: wholes.append(value) or "")
    serialise(document, Path("x.yaml"), store)
    assert document not in wholes  # every part came from the store, none from a whole dump
