"""Type words of the documents to JSON Schema (issue list: every form that occurs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from doc2openapi.spec.types import (
    AnyType,
    ArrayType,
    MapType,
    NullType,
    ObjectType,
    OneOfType,
    Primitive,
    TypeExpr,
    UnknownType,
    agrees,
    parse_type,
)
from tests.helpers import page_builders

STRING = Primitive("string")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("String", STRING),
        ("string", STRING),
        ("Integer", Primitive("integer", "int32")),
        ("Int", Primitive("integer", "int32")),
        ("Long", Primitive("integer", "int64")),
        ("Float", Primitive("number", "float")),
        ("Double", Primitive("number", "double")),
        ("Number", Primitive("number")),
        ("Boolean", Primitive("boolean")),
        ("Bool", Primitive("boolean")),
        ("Object", ObjectType()),
        ("JSON", ObjectType()),
        ("Dictionary data structure", ObjectType()),
        ("BackupFilesBody object", ObjectType("BackupFilesBody")),
        ("Map<String,String>", MapType(STRING)),
        ("Array of strings", ArrayType(STRING)),
        ("Array of integers", ArrayType(Primitive("integer", "int32"))),
        ("Array of Files objects", ArrayType(ObjectType("Files"))),
        ("Array of objects", ArrayType(ObjectType())),
        ("Array of Objects", ArrayType(ObjectType())),
        ("List<String>", ArrayType(STRING)),
        ("String array", ArrayType(STRING)),
        ("List(Dict)", ArrayType(ObjectType())),
        ("Array", ArrayType(None)),
        ("List", ArrayType(None)),
        ("Array<Array<AvailabilityZone>>", ArrayType(ArrayType(ObjectType("AvailabilityZone")))),
        ("Array of arrays of Dimension objects", ArrayType(ArrayType(ObjectType("Dimension")))),
        ("Array of arrays of objects", ArrayType(ArrayType(ObjectType()))),
        ("Array of arrays of strings", ArrayType(ArrayType(STRING))),
        ("Array of arrays", ArrayType(ArrayType(None))),
        ("Null", NullType()),
        ("", AnyType()),
        ("Integer/Boolean", OneOfType((Primitive("integer"), Primitive("boolean")))),
        ("IntegerInteger", UnknownType("IntegerInteger")),
    ],
)
def test_type_words(word: str, expected: TypeExpr) -> None:
    assert parse_type(word) == expected


@pytest.mark.parametrize(
    ("value", "word", "expected"),
    [
        ("64", "String", True),
        (64, "String", False),
        (64, "Integer", True),
        (True, "Integer", False),  # JSON booleans are not numbers
        (1.5, "Float", True),
        ({}, "Object", True),
        ({}, "Map<String,String>", True),
        ([], "Object", False),
        ([], "Array of strings", True),
        ("x", "Integer/Boolean", False),
        (1, "Integer/Boolean", True),
        ({}, "", True),  # no type stated: any value
    ],
)
def test_a_value_agrees_with_the_kind_its_type_word_says(
    value: object, word: str, expected: bool
) -> None:
    assert agrees(value, parse_type(word)) is expected


def test_an_array_of_arrays_of_linked_objects_nests_the_linked_table(tmp_path: Path) -> None:
    """ "Array of arrays of Dimension objects" linking the Dimension table: each item of the
    body field is a list whose items are that table's objects."""
    fields = ("Parameter", "Mandatory", "Type", "Description")
    body = page_builders.table(
        fields,
        ("groups", "Yes", 'Array of arrays of <a href="#dim">Dimension</a> objects', "Groups."),
        caption="Table 1 Request body parameters",
    )
    dimension = page_builders.table(
        fields, ("name", "Yes", "String", "Dimension name."), caption="Table 2 Dimension"
    )
    html = (
        '<html><body><main><section id="op"><h1>Creating a Thing</h1>'
        '<section id="uri"><h2>URI</h2><p>POST /v1/things</p></section>'
        f'<section id="req"><h2>Request Parameters</h2>{body}<span id="dim"></span>{dimension}'
        "</section></section></main></body></html>"
    )
    document = page_builders.scrape_html(tmp_path, html).spec.document
    operation = document["paths"]["/v1/things"]["post"]
    schema = page_builders.resolve(
        document, operation["requestBody"]["content"]["application/json"]["schema"]
    )
    groups = schema["properties"]["groups"]
    assert groups["type"] == "array" and groups["items"]["type"] == "array"
    item = page_builders.resolve(document, groups["items"]["items"])
    assert set(item["properties"]) == {"name"}
