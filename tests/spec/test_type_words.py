"""Every type word the portal folders use, read as JSON Schema (the forms found by reading
each folder's Type columns)."""

from __future__ import annotations

import pytest

from doc2openapi.spec.types import (
    AnyType,
    ArrayType,
    MapType,
    ObjectType,
    OneOfType,
    Primitive,
    TypeExpr,
    UnknownType,
    parse_type,
)

STRING = Primitive("string")
OBJECTS = ArrayType(ObjectType())


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # nat: a string with its longest length
        ("String(255)", Primitive("string", max_length=255)),
        ("String(4096)", Primitive("string", max_length=4096)),
        # mrs, smn, bms: arrays written word by word
        ("Array String", ArrayType(STRING)),
        ("String list", ArrayType(STRING)),
        ("List data structure", ArrayType(None)),
        ("ARRAY_REFERENCE", ArrayType(None)),
        ("REFERENCE", ObjectType()),
        ("Tags structure array", ArrayType(ObjectType("Tags"))),
        ("Match condition structure array", ArrayType(ObjectType("MatchCondition"))),
        ("Versions structure", ObjectType("Versions")),
        ("Dictionary data structure [1]", ObjectType()),
        # cce: generics, Go-style maps, named structures, table references
        ("List<NodeGroup>", ArrayType(ObjectType("NodeGroup"))),
        ("List<resource_tag>", ArrayType(ObjectType("resource_tag"))),
        ("List <resource_tag>", ArrayType(ObjectType("resource_tag"))),
        ("Map<String>String", MapType(STRING)),
        ("Map<String>[]string", MapType(ArrayType(STRING))),
        ("Map<String,Array<PackageOptions>>", MapType(ArrayType(ObjectType("PackageOptions")))),
        ("Array of Map<String,String> objects", ArrayType(MapType(STRING))),
        ("Table 3 object", ObjectType()),
        ("List<Object> Table 6", OBJECTS),
        ("Array of Table 5", OBJECTS),
        ("Table6 Data structure of the nodeTemplate field object", ObjectType()),
        ("deleteOption Object", ObjectType("deleteOption")),
        ("List (NAT gateways)", OBJECTS),
        # a bare structure name, as mrs and functiongraph write it
        ("ChargeInfo", ObjectType("ChargeInfo")),
        ("mount_user", ObjectType("mount_user")),
        # files and alternatives
        ("File", Primitive("string", "binary")),
        ("Binary or text", STRING),
        ("String/Int", OneOfType((STRING, Primitive("integer")))),
        ("String or Int", OneOfType((STRING, Primitive("integer")))),
        ("ENUM <Enumeration>", STRING),
        # no type stated
        ("-", AnyType()),
        ("<T>", AnyType()),
        ("yaml", AnyType()),
        # obs: XML containers
        ("XML", ObjectType()),
        ("Container", ObjectType()),
        # obs: a sentence in the Type cell names its primitive first
        (
            "HTTP time string complying with the format specified at "
            "http://www.ietf.org/rfc/rfc2616.txt",
            STRING,
        ),
        # never guessed
        ("No", UnknownType("No")),
        ("IntegerInteger", UnknownType("IntegerInteger")),
        ("4 to 8 bytes", UnknownType("4 to 8 bytes")),
    ],
)
def test_portal_type_words(word: str, expected: TypeExpr) -> None:
    assert parse_type(word) == expected


def test_string_length_and_alternatives_in_the_schema() -> None:
    from doc2openapi.scraper.model import FieldRow, FieldTable, Requirement, TableRole  # noqa: PLC0415
    from doc2openapi.spec.field_counts import FieldCounts  # noqa: PLC0415
    from doc2openapi.spec.schemas import SchemaRegistry  # noqa: PLC0415
    from doc2openapi.spec.table_index import TableIndex  # noqa: PLC0415

    def row(name: str, type_text: str) -> FieldRow:
        return FieldRow(name, Requirement.OPTIONAL, type_text, (), (), (), 1)

    table = FieldTable("p.html", "t", (), "1", "", "Request", TableRole.REQUEST_BODY, "", ())
    registry = SchemaRegistry(TableIndex(), "svc")
    counts = FieldCounts()
    name = registry.field_schema(table, row("name", "String(64)"), "", counts)
    assert (name["type"], name["maxLength"]) == ("string", 64)
    either = registry.field_schema(table, row("x", "Integer/Boolean"), "", counts)
    assert [o["type"] for o in either["oneOf"]] == ["integer", "boolean"]
    upload = registry.field_schema(table, row("content", "File"), "", counts)
    assert (upload["type"], upload["format"]) == ("string", "binary")
    names = registry.field_schema(table, row("ignored", "Set<String>"), "", counts)
    assert (names["type"], names["items"]["type"]) == ("array", "string")
    assert names["uniqueItems"] is True
    assert counts.unknown_type == 0
    assert counts.recognised == 4
