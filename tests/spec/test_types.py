"""Type words of the documents to JSON Schema (issue list: every form that occurs)."""

from __future__ import annotations

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
