"""A default stated as a sentence inside a longer line of a description ("Value range:
1-100. Default value: 3.", "Whether to log. Default: false."): one word of the field's type;
a text default only where the page sets it in bold (a plain word may be prose)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from doc2openapi.scraper.model import TextLine
from doc2openapi.spec.constraints import constraints_of
from tests.helpers import page_builders


@pytest.mark.parametrize(
    ("text", "strong", "json_type", "expected"),
    [
        ("Copies. Value range: 1-5. Default value: 2.", (), "integer", 2),
        ("Whether to log. Default: false. If true, a log is kept.", (), "boolean", False),
        ("Page size. Max.: 500. Default: 100", (), "integer", 100),
        ("Mode: fast or safe. Default value: safe.", ("safe",), "string", "safe"),
        # a plain word may be prose, a value of another type is none
        ("Mode: fast or safe. Default value: safe.", (), "string", None),
        ("Timeout. Value range: 1s to 600s. Default value: 30s", (), "integer", None),
        ("Copies. The default value: unknown here.", (), "integer", None),
    ],
)
def test_a_default_stated_inside_a_line(
    text: str, strong: tuple[str, ...], json_type: str, expected: Any
) -> None:
    assert constraints_of([TextLine(text, strong=strong)], json_type).get("default") == expected


def test_a_line_of_its_own_wins_over_a_sentence_default() -> None:
    lines = [TextLine("Copies. Default value: 2."), TextLine("Default: 4")]
    assert constraints_of(lines, "integer")["default"] == 4


def test_the_default_reaches_the_body_field(tmp_path: Path) -> None:
    fields = ("Parameter", "Mandatory", "Type", "Description")
    rows = (
        ("name", "Yes", "String", "Name."),
        (
            "copies",
            "No",
            "Integer",
            "Copies kept. Value range: 1-3. Default value: <strong>3</strong>.",
        ),
    )
    request = page_builders.section(
        "Request Parameters", page_builders.table(fields, *rows, caption="Table 2 Request body")
    )
    html = (
        '<html><body><main><section id="op"><h1>Creating a Thing</h1>'
        '<section id="uri"><h2>URI</h2><p>POST /v1/things</p></section>'
        f"{request}</section></main></body></html>"
    )
    document = page_builders.scrape_html(tmp_path, html).spec.document
    body = document["paths"]["/v1/things"]["post"]["requestBody"]
    schema = page_builders.resolve(document, body["content"]["application/json"]["schema"])
    copies = schema["properties"]["copies"]
    assert (copies["minimum"], copies["maximum"], copies["default"]) == (1, 3, 3)
