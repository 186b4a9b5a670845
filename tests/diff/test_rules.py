"""One hand-made pair of documents per rule: the base document (tests/diff/pairs.py) and a
copy with one edit; each case asserts the exact change found and its class, and that
swapping the two sides finds the opposite change."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from doc2openapi.diff import RULES, compare
from doc2openapi.diff.rules import BOUNDS, EITHER, NARROWING, WIDENING
from tests.diff.cases_request import REQUEST_CASES
from tests.diff.cases_response import RESPONSE_CASES
from tests.diff.pairs import BOTH, JSON, Case, base
from tests.helpers.diff_symmetry import mirrored

CASES = REQUEST_CASES + RESPONSE_CASES


def _expected(case: Case) -> list[tuple[Any, ...]]:
    rows = []
    for index, (method, path) in enumerate(case.on):
        where = case.where
        if where.part == "response" and where.field is not None and where.media_type == JSON:
            where = replace(where, status="201" if index == 0 and case.on == BOTH else "200")
        rows.append((case.kind, case.level, method, path, where, case.old, case.new))
    return rows


def _found(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (c.kind, c.level, c.method, c.path, c.location, c.old, c.new) for c in compare(old, new)
    ]


def _sides(case: Case) -> tuple[dict[str, Any], dict[str, Any]]:
    old, new = base(), base()
    if case.edit_old is not None:
        case.edit_old(old)
    case.edit(new)
    return old, new


@pytest.mark.parametrize("case", CASES, ids=[f"{i}-{c.kind}" for i, c in enumerate(CASES)])
def test_each_rule_finds_the_exact_change(case: Case) -> None:
    old, new = _sides(case)
    assert _found(old, new) == sorted(_expected(case), key=lambda row: (row[3], row[2]))
    assert RULES[case.kind].level is case.level


def test_base_against_itself_has_no_change() -> None:
    assert compare(base(), base()) == []


def test_every_rule_has_a_case() -> None:
    """Every operation-level rule, and every kind of schema change on some schema."""
    covered = {case.kind for case in CASES}
    schema_kinds = {k for k in RULES if any(k.endswith(s) for s in NARROWING | WIDENING | EITHER)}
    assert set(RULES) - schema_kinds <= covered
    suffixes = {s for s in NARROWING | WIDENING | EITHER if any(k.endswith(s) for k in covered)}
    untested = {s for s in NARROWING | WIDENING | EITHER} - suffixes
    bounds = {
        f"{name}-{way}"
        for _, name, _ in BOUNDS
        for way in ("set", "unset", "increased", "decreased")
    }
    assert not untested - bounds  # the bounds are one family: some of each way are tested
    assert {"set", "unset", "increased", "decreased"} == {
        s.rsplit("-", 1)[1] for s in suffixes & bounds
    }


@pytest.mark.parametrize("case", CASES, ids=[f"{i}-{c.kind}" for i, c in enumerate(CASES)])
def test_swapping_the_sides_finds_the_opposite_change(case: Case) -> None:
    old, new = _sides(case)
    forward, backward = compare(old, new), compare(new, old)
    assert len(backward) == len(forward)
    if case.kind != "request-path-parameter-renamed":  # named by its new name on each side
        assert mirrored(forward, backward)
    assert {c.kind for c in backward} != {case.kind} or case.kind.endswith(("changed", "renamed"))


def test_a_change_two_components_away_is_found() -> None:
    """Server refers to Volume, which changes: neither operation is skipped as unchanged."""
    old, new = base(), base()
    for document in (old, new):
        schemas = document["components"]["schemas"]
        schemas["Volume"] = schemas["Server"]["properties"]["volume"]
        schemas["Server"]["properties"]["volume"] = {"$ref": "#/components/schemas/Volume"}
    new["components"]["schemas"]["Volume"]["properties"]["size"]["type"] = "string"
    found = [(c.method, c.location.field, c.old, c.new) for c in compare(old, new)]
    assert found == [
        ("post", "volume.size", "integer", "string"),
        ("get", "volume.size", "integer", "string"),
    ]


def test_a_recursive_schema_is_followed_until_it_repeats() -> None:
    """A tree whose children are trees: a change is found once, where it first is."""
    old, new = base(), base()
    for document in (old, new):
        document["components"]["schemas"]["Tree"] = {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}},
            },
        }
        server = document["components"]["schemas"]["Server"]["properties"]
        server["tree"] = {"$ref": "#/components/schemas/Tree"}
    new["components"]["schemas"]["Tree"]["properties"]["name"]["maxLength"] = 10
    found = [(c.kind, c.method, c.location.field) for c in compare(old, new)]
    assert found == [
        ("response-property-max-length-set", "post", "tree.name"),
        ("response-property-max-length-set", "get", "tree.name"),
    ]


def test_a_document_that_contains_itself_is_compared_without_error() -> None:
    """A document handed to the library may hold a cycle of Python objects."""
    old, new = base(), base()
    loop: dict[str, Any] = {"type": "object"}
    loop["properties"] = {"again": loop}
    new["components"]["schemas"]["Server"]["properties"]["loop"] = loop
    found = [(c.kind, c.location.field) for c in compare(old, new) if c.method == "get"]
    assert found == [("response-optional-property-added", "loop")]
