"""Placeholder rows describe map values or array items, not properties with their name."""

from __future__ import annotations

from typing import Any

import pytest

from doc2openapi.scraper.model import FieldRow, FieldTable, Requirement, TableRole
from doc2openapi.spec.placeholders import placeholder
from doc2openapi.spec.schemas import SchemaRegistry
from doc2openapi.spec.table_index import TableIndex


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("{User defined key}", "map"),
        ("{Customized_key}", "map"),
        ("<operator>", "map"),
        ("User-defined field key and value pair", "map"),
        ("[Array element]", "items"),
        ("[items]", "items"),
        ("Array elements", "items"),  # the items of a body that is an array, in words
        ("List items", "items"),
        ("Array element names", "map"),
        ("metadata", None),
        # a phrase of ordinary words names what the keys are (ecs "Querying the Metadata of
        # a Specified Image": the metadata's user keys; "addresses": network names)
        ("User customization", "map"),
        ("Name of the network where the ECS accesses", "map"),
        ("domain_name or domain_id", None),
        ("name or id", None),  # two names, not a phrase
        ("Content Type", None),  # Title Case: a header's name
        ("scaling_configuration_id", None),
        ("dataplane-v2 (supported by clusters using the VPC networks)", None),
        ("Cache-Control, Content-Type, Expires", None),
        ("ECS ID", None),
    ],
)
def test_placeholder_names(name: str, kind: str | None) -> None:
    assert placeholder(name) == kind


def row(name: str, type_text: str, required: bool = False) -> FieldRow:
    requirement = Requirement.REQUIRED if required else Requirement.OPTIONAL
    return FieldRow(name, requirement, type_text, (), (), (), 1)


def component(*rows: FieldRow) -> dict[str, Any]:
    table = FieldTable("p.html", "t", (), "1", "", "Request", TableRole.REQUEST_BODY, "", rows)
    registry = SchemaRegistry(TableIndex(), "svc")
    reference = registry.table_ref(table, "Body", "")
    schema = registry.components[reference["$ref"].rsplit("/", 1)[-1]]
    assert sum(c.total for c in registry.counts.values()) == len(rows)  # every row counted
    return schema


def test_a_key_placeholder_is_the_maps_values() -> None:
    # functiongraph "Executing a Function Synchronously": {Customized_key} | Yes | Object
    schema = component(row("{Customized_key}", "Object", required=True))
    assert schema["type"] == "object"
    assert "properties" not in schema
    assert "required" not in schema
    assert schema["additionalProperties"]["type"] == "object"


def test_named_rows_beside_a_key_placeholder_stay_properties() -> None:
    schema = component(row("name", "String", required=True), row("{key}", "String"))
    assert list(schema["properties"]) == ["name"]
    assert schema["required"] == ["name"]
    assert schema["additionalProperties"]["type"] == "string"


def test_an_item_placeholder_alone_is_the_tables_whole_value() -> None:
    # cce "Obtaining a Chart List": [items] | Array of strings
    schema = component(row("[items]", "Array of strings"))
    assert schema["type"] == "array"
    assert schema["items"] == {"type": "string", "x-source": "p.html#t"}


def test_array_elements_alone_is_the_tables_whole_value() -> None:
    # a request table of one row "Array elements | Array of objects": the body is the array
    schema = component(row("Array elements", "Array of strings", required=True))
    assert schema["type"] == "array"
    assert "additionalProperties" not in schema


def test_a_phrase_row_gives_the_values_of_the_maps_keys() -> None:
    # a table of one row "Name of the network where the ECS accesses | Array of objects":
    # the keys are network names, each holding a list
    schema = component(row("Name of the network the server uses", "Array of strings", True))
    assert "properties" not in schema
    assert "required" not in schema
    assert schema["additionalProperties"]["type"] == "array"
    assert schema["additionalProperties"]["items"]["type"] == "string"


def test_named_rows_beside_a_phrase_row_stay_properties() -> None:
    schema = component(row("ECS ID", "String", True), row("name or id", "String"))
    assert list(schema["properties"]) == ["ECS ID", "name or id"]
    assert "additionalProperties" not in schema
