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
        ("metadata", None),
        ("User customization", None),
        ("domain_name or domain_id", None),
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
