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
