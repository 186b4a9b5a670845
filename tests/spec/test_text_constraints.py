"""Ranges and patterns stated in descriptions become JSON Schema keywords (the forms below
are the corpus's own wording)."""

from __future__ import annotations

from typing import Any

import pytest

from doc2openapi.scraper.model import TextLine
from doc2openapi.spec.constraints import constraints_of

KEY_ID = "^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$"


@pytest.mark.parametrize(
    ("text", "strong", "json_type", "expected"),
    [
        # kms: the pattern is the bold text after the phrase, full stop and quotes aside
        (
            f"36-byte key ID that matches the regular expression {KEY_ID}.",
            (KEY_ID,),
            "string",
            {"pattern": KEY_ID},
        ),
        (
            '1 to 64 bytes and meets the regular expression "^[a-zA-Z0-9]{1,64}$".',
            ('"^[a-zA-Z0-9]{1,64}$"',),
            "string",
            {"pattern": "^[a-zA-Z0-9]{1,64}$"},
        ),
        ("Array Length: 1 - 256", (), "array", {"minItems": 1, "maxItems": 256}),
        ("Length: 10 to 30,000 characters", (), "string", {"minLength": 10, "maxLength": 30000}),
        ("Value range: 0 to 2147483646.", (), "integer", {"minimum": 0, "maximum": 2147483646}),
        ("Value range: 100 GB to 32,000 GB", (), "integer", {"minimum": 100, "maximum": 32000}),
        (
            "The value ranges from 0 to 100. Default: 10",
            (),
            "integer",
            {"minimum": 0, "maximum": 100},
        ),
        (
            "The maximum value is 1,000, and the minimum value is 1.",
            (),
            "integer",
            {"maximum": 1000, "minimum": 1},
        ),
        ("minimum 1, maximum 64", (), "integer", {"minimum": 1, "maximum": 64}),
        (
            "The value ranges from 1 to 64 characters.",
            (),
            "string",
            {"minLength": 1, "maxLength": 64},
        ),
        # a range of numbers says nothing about a string's length, a pattern nothing about
        # a number
        ("Value range: 0 to 100", (), "string", {}),
        (f"matches the regular expression {KEY_ID}", (KEY_ID,), "integer", {}),
    ],
)
def test_sentence_constraints(
    text: str, strong: tuple[str, ...], json_type: str, expected: dict[str, Any]
) -> None:
    assert constraints_of([TextLine(text, strong=strong)], json_type) == expected


def test_a_line_of_its_own_wins_over_a_sentence() -> None:
    lines = [TextLine("The value ranges from 0 to 100."), TextLine("Minimum: 1")]
    assert constraints_of(lines, "integer") == {"minimum": 1, "maximum": 100}
