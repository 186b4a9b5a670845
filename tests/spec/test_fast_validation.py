"""The fast validation check never changes a verdict: every document gets the same problems
with it as with openapi-spec-validator alone (corpus documents, mutated copies of them, and
hostile documents drawn by Hypothesis), and it says "valid" only where that validator does."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_spec_validator import OpenAPIV30SpecValidator

from doc2openapi.diagnostics import Code, Diagnostic
from doc2openapi.pipeline import scrape_to_spec
from doc2openapi.spec import validate
from doc2openapi.spec.fast_validation import doubts, surely_valid
from doc2openapi.spec.validate import validate_document
from tests.helpers.hostile_specs import documents
from tests.helpers.inputs import EXAMPLES, corpus_root

Json = dict[str, Any]


def osv_clean(document: Json) -> bool:
    """openapi-spec-validator's own verdict, run as a user runs it."""
    try:
        return next(OpenAPIV30SpecValidator(document).iter_errors(), None) is None
    except Exception:  # it could not read the document: not a "valid"
        return False


def slow_problems(document: Json, monkeypatch: pytest.MonkeyPatch) -> list[Diagnostic]:
    with monkeypatch.context() as patched:
        patched.setattr(validate, "surely_valid", lambda document: False)
        return validate_document(document)


def same_verdict_both_ways(document: Json, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Asserts the fast check changes nothing; returns whether it said "valid"."""
    fast = surely_valid(document)
    if fast:
        assert osv_clean(document), list(doubts(document))
    assert validate_document(document) == slow_problems(document, monkeypatch)
    return fast


def _folders() -> list[str]:
    root = corpus_root()
    found = sorted(
        str(folder.relative_to(root))
        for kind in ("doc-exports", "portal")
        for folder in (root / kind).glob("*/api-ref")
    )
    return found or ["(no corpus)"]


_DOCUMENTS: dict[str, Json] = {}


def corpus_document(relative: str) -> Json:
    folder = corpus_root() / relative
    if not folder.is_dir():
        pytest.skip(f"real corpus not available at {folder} (set DOC2OPENAPI_CORPUS)")
    if relative not in _DOCUMENTS:
        _DOCUMENTS[relative] = scrape_to_spec([folder])
    return _DOCUMENTS[relative]


@pytest.mark.parametrize("relative", _folders())
def test_every_corpus_document_gets_the_validators_verdict_from_the_fast_check(
    relative: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Real documents never need the slow path to be found valid (and one that is invalid
    is found invalid both ways)."""
    document = corpus_document(relative)
    fast = same_verdict_both_ways(document, monkeypatch)
    assert fast == osv_clean(document), list(doubts(document))


def _example() -> Json:
    if "example" not in _DOCUMENTS:
        _DOCUMENTS["example"] = scrape_to_spec([EXAMPLES / "export"])
    return copy.deepcopy(_DOCUMENTS["example"])


def _first_operation(document: Json) -> tuple[str, str, Json]:
    url = next(u for u in document["paths"] if "{" in u)
    method = next(iter(document["paths"][url]))
    return url, method, document["paths"][url][method]


def _a_schema(document: Json) -> Json:
    schema: Json = next(iter(document["components"]["schemas"].values()))
    return schema


def _dangling_ref(document: Json) -> None:
    del document["components"]["schemas"][next(iter(document["components"]["schemas"]))]


def _twice_the_operation_id(document: Json) -> None:
    operations = [op for item in document["paths"].values() for op in item.values()]
    operations[1]["operationId"] = operations[0]["operationId"]


def _undeclared_path_parameter(document: Json) -> None:
    url, _, _ = _first_operation(document)
    document["paths"][url.replace("{", "{x").replace("}", "y}")] = document["paths"].pop(url)


def _unbalanced_brace(document: Json) -> None:
    url, _, _ = _first_operation(document)
    document["paths"][url + "}"] = document["paths"].pop(url)


def _duplicate_parameter(document: Json) -> None:
    _, _, operation = _first_operation(document)
    operation["parameters"].append(copy.deepcopy(operation["parameters"][0]))


def _a_request_schema(document: Json) -> Json:
    """The component of the first request body (the validator checks ``required`` beside
    ``allOf`` where a schema is used)."""
    for item in document["paths"].values():
        for operation in item.values():
            content = operation.get("requestBody", {}).get("content", {})
            for media in content.values():
                ref = media["schema"].get("$ref", "")
                if ref:
                    schema: Json = document["components"]["schemas"][ref.rsplit("/", 1)[-1]]
                    return schema
    raise AssertionError("the example has no request body")


def _required_beside_all_of(document: Json) -> None:
    schema = _a_request_schema(document)
    schema["allOf"] = [{"type": "object"}]
    schema["required"] = ["nowhere"]


def _default_of_another_type(document: Json) -> None:
    document["components"]["schemas"]["Defaulted"] = {"type": "integer", "default": "ten"}


def _default_out_of_int32(document: Json) -> None:
    schema = {"type": "integer", "format": "int32", "default": 2**40}
    document["components"]["schemas"]["Big"] = schema


def _bad_pattern(document: Json) -> None:
    document["components"]["schemas"]["Patterned"] = {"type": "string", "pattern": "(["}


def _meta_schema_violation(document: Json) -> None:
    _a_schema(document)["required"] = []


def _duplicate_tag(document: Json) -> None:
    document["tags"] = [{"name": "a"}, {"name": "a"}]


def _wrong_type(document: Json) -> None:
    document["info"]["version"] = 3


def _remote_ref(document: Json) -> None:
    _a_schema(document)["properties"] = {"x": {"$ref": "other.yaml#/X"}}


def _circular_ref(document: Json) -> None:
    document["components"]["schemas"]["Loop"] = {"$ref": "#/components/schemas/Loop"}


def _openapi_31(document: Json) -> None:
    document["openapi"] = "3.1.0"


def _nullable_null_default(document: Json) -> None:
    """Not a problem: OSV checks no null default of a nullable schema."""
    document["components"]["schemas"]["Nullable"] = {
        "type": "string",
        "nullable": True,
        "default": None,
    }


MUTATIONS: dict[str, tuple[Callable[[Json], None], bool]] = {
    f.__name__.strip("_"): (f, valid)
    for f, valid in [
        (_dangling_ref, False),
        (_twice_the_operation_id, False),
        (_undeclared_path_parameter, False),
        (_unbalanced_brace, False),
        (_duplicate_parameter, False),
        (_required_beside_all_of, False),
        (_default_of_another_type, False),
        (_default_out_of_int32, False),
        (_bad_pattern, False),
        (_meta_schema_violation, False),
        (_duplicate_tag, False),
        (_wrong_type, False),
        (_remote_ref, False),
        (_circular_ref, False),
        (_openapi_31, True),
        (_nullable_null_default, True),
    ]
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_mutated_documents_get_the_same_problems_both_ways(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    mutate, valid = MUTATIONS[name]
    document = _example()
    assert surely_valid(document)
    mutate(document)
    fast = same_verdict_both_ways(document, monkeypatch)
    problems = validate_document(document)
    assert all(len(p.detail) <= 250 and "\n" not in p.detail for p in problems)
    if not valid:
        assert problems, "the mutation should make a problem"
    elif name != "openapi_31":
        assert fast, list(doubts(document))


def test_a_dangling_ref_is_a_located_problem_not_an_internal_error() -> None:
    document = _example()
    name = next(iter(document["components"]["schemas"]))
    _dangling_ref(document)
    problems = validate_document(document)
    target = f"#/components/schemas/{name}"
    assert any(p.detail == f"{target} does not exist" for p in problems)
    assert all(p.pointer.startswith("/") for p in problems), problems
    assert all(len(p.detail) <= 200 for p in problems)


def test_a_schema_of_type_null_in_30_is_a_problem_not_a_crash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Found by the hostile-document test: checking the default of a 3.0 schema whose type
    # is 'null' raised jsonschema's UnknownType out of openapi-spec-validator.
    document = _example()
    document.setdefault("components", {}).setdefault("schemas", {})["Nothing"] = {
        "type": "null",
        "default": None,
    }
    problems = validate_document(document)
    assert {p.pointer for p in problems} == {"/components/schemas/Nothing"}
    assert any(p.code is Code.VALIDATOR_FAILED for p in problems)
    same_verdict_both_ways(document, monkeypatch)


def test_our_checks_run_beside_the_validators_problems() -> None:
    document = _example()
    _twice_the_operation_id(document)
    document["info"]["version"] = 3  # a problem of the JSON Schema step
    pointers = {p.pointer for p in validate_document(document)}
    assert "/info/version" in pointers
    assert any(p.endswith("/operationId") for p in pointers)


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(documents())
def test_hostile_documents_get_the_same_problems_both_ways(document: Json) -> None:
    document = json.loads(json.dumps(document))
    with pytest.MonkeyPatch.context() as monkeypatch:
        same_verdict_both_ways(document, monkeypatch)


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(st.data())
def test_randomly_mutated_documents_get_the_same_problems_both_ways(data: st.DataObject) -> None:
    document = _example()
    nodes: list[tuple[Any, Any]] = []
    stack: list[Any] = [document]
    while stack:
        node = stack.pop()
        keys = list(node) if isinstance(node, dict) else range(len(node))
        for key in keys:
            nodes.append((node, key))
            if isinstance(node[key], (dict, list)):
                stack.append(node[key])
    for _ in range(data.draw(st.integers(1, 3))):
        container, key = data.draw(st.sampled_from(nodes))
        values = st.sampled_from([None, 0, -1, 1.5, "", "x{", True, [], {}, {"$ref": "#/x"}])
        if isinstance(container, dict) and data.draw(st.booleans()):
            container.pop(key, None)
        else:
            container[key] = data.draw(values)
    with pytest.MonkeyPatch.context() as monkeypatch:
        same_verdict_both_ways(document, monkeypatch)
