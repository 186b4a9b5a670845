"""What the spec builder does so that the ecosystem's tools read its documents
(tests/spec/test_consumers.py runs the tools themselves on the real corpus)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from doc2openapi.diagnostics import Code
from doc2openapi.files import serialise
from doc2openapi.pipeline import scrape
from doc2openapi.spec.build import SpecOptions, _distinct_alternatives
from doc2openapi.spec.examples import SchemaCheck
from doc2openapi.spec.paths import number_repeats, unify_names
from doc2openapi.spec.versions import finalise
from tests.helpers.inputs import EXAMPLES


@dataclass
class Routed:
    path: str
    page: str = "p.html"
    body: dict[str, Any] = field(default_factory=dict)


def path_parameters(names: list[str]) -> dict[str, Any]:
    return {
        "parameters": [
            {"name": n, "in": "path", "required": True, "description": f"The {n}."} for n in names
        ]
        + [{"name": "user_id", "in": "query", "schema": {"type": "string"}}]
    }


def test_a_repeated_path_parameter_is_numbered_and_declared() -> None:
    reports: list[tuple[str, str]] = []
    operation = Routed(
        "/v2/{project_id}/os-quota-sets/{project_id}", body=path_parameters(["project_id"])
    )
    number_repeats(operation, lambda page, detail: reports.append((page, detail)))
    assert operation.path == "/v2/{project_id}/os-quota-sets/{project_id_2}"
    assert [(p["name"], p["in"]) for p in operation.body["parameters"]] == [
        ("project_id", "path"),
        ("project_id_2", "path"),
        ("user_id", "query"),
    ]
    assert operation.body["parameters"][1]["description"].startswith(
        "The URI repeats {project_id} here: the same value as project_id."
    )
    assert len(reports) == 1 and "{project_id_2}" in reports[0][1]


def test_paths_that_differ_only_in_parameter_names_take_one_set_of_names() -> None:
    reports: list[str] = []
    get = Routed(
        "/v2/{project_id}/os-interface/{id}", "get.html", path_parameters(["project_id", "id"])
    )
    delete = Routed(
        "/v2/{project_id}/os-interface/{port_id}",
        "delete.html",
        path_parameters(["project_id", "port_id"]),
    )
    other = Routed(
        "/v2/{project_id}/other/{id}", "other.html", path_parameters(["project_id", "id"])
    )
    unify_names([get, delete, other], lambda page, detail: reports.append(page))
    # one operation each: the longer (more telling) name wins
    assert get.path == delete.path == "/v2/{project_id}/os-interface/{port_id}"
    assert [p["name"] for p in get.body["parameters"]] == ["project_id", "port_id", "user_id"]
    assert other.path == "/v2/{project_id}/other/{id}"
    assert reports == ["get.html"]


def test_30_drops_nullable_without_type_31_keeps_null_type() -> None:
    neutral = {
        "openapi": "x",
        "components": {
            "schemas": {
                "A": {
                    "type": "object",
                    "properties": {
                        "lock": {"nullable": True, "description": "Null in the docs"},
                        "name": {"type": "string", "nullable": True},
                    },
                }
            }
        },
    }
    out30 = finalise(neutral, "3.0.3")["components"]["schemas"]["A"]["properties"]
    assert out30 == {
        "lock": {"description": "Null in the docs"},
        "name": {"type": "string", "nullable": True},
    }
    out31 = finalise(neutral, "3.1.0")["components"]["schemas"]["A"]["properties"]
    assert out31["lock"]["type"] == "null"


def test_alternatives_that_folding_made_identical_collapse() -> None:
    ref = {"$ref": "#/components/schemas/A"}
    assert _distinct_alternatives({"schema": {"anyOf": [ref, dict(ref)]}}) == {"schema": ref}
    other = {"$ref": "#/components/schemas/B"}
    assert _distinct_alternatives({"anyOf": [ref, other, ref]}) == {"anyOf": [ref, other]}


def test_example_check_reads_the_written_dialect() -> None:
    document = {
        "components": {
            "schemas": {
                "A": {
                    "type": "object",
                    "properties": {
                        "count": {"type": "integer", "format": "int32"},
                        "at": {"type": "string", "format": "date-time"},
                        "gone": {"nullable": True},
                    },
                }
            }
        }
    }
    schema = {"$ref": "#/components/schemas/A"}
    for version in ("3.0.3", "3.1.0"):
        check = SchemaCheck.of(document, version)
        assert check.first_error({"count": 1, "at": "2020-01-01T00:00:00Z", "x": 1}, schema) == ""
        assert check.first_error({"count": "1"}, schema).startswith("$.count: ")
        assert "date-time" in check.first_error({"at": "2020-01-01 00:00"}, schema)
    # 3.0 has no null-only type (any value passes), 3.1 does
    assert SchemaCheck.of(document, "3.0.3").first_error({"gone": 1}, schema) == ""
    assert SchemaCheck.of(document, "3.1.0").first_error({"gone": 1}, schema) != ""


def test_yaml_quotes_what_yaml_12_readers_would_retype() -> None:
    text = serialise(
        {"values": ["08", "1e5", "0o7", "0x1F", "true", "null", "x08", "v1.0"]}, Path("spec.yaml")
    )
    assert "- '08'\n- '1e5'\n- '0o7'\n- '0x1F'\n" in text
    assert "- x08\n- v1.0\n" in text
    assert yaml.safe_load(text)["values"][0] == "08"


def test_examples_the_schema_rejects_are_left_out_and_reported(docs: Path) -> None:
    """ShowWidget's table types ``size_gb`` as Integer; its example, edited here to give
    ``"big"``, is left out of the spec and reported; the other pages' examples stay, and
    every example kept passes its schema."""
    page = docs / "ShowWidget.html"
    original = page.read_text(encoding="utf-8")
    assert '"size_gb" : 100,' in original
    page.write_text(original.replace('"size_gb" : 100,', '"size_gb" : "big",'), encoding="utf-8")
    fresh = scrape([EXAMPLES / "export"], SpecOptions())
    outcome = scrape([docs], SpecOptions())
    left_out = [d for d in outcome.diagnostics if d.code is Code.EXAMPLE_LEFT_OUT]
    before = [d for d in fresh.diagnostics if d.code is Code.EXAMPLE_LEFT_OUT]
    assert [(d.page, "size_gb" in d.detail) for d in left_out] == [
        *((d.page, False) for d in before),
        ("ShowWidget.html", True),
    ]
    examples = {
        page: [name for media in media_objects(doc) for name in media.get("examples", {})]
        for page, doc in (("fresh", fresh.spec.document), ("edited", outcome.spec.document))
    }
    assert len(examples["edited"]) == len(examples["fresh"]) - 1
    assert '"big"' not in json.dumps(outcome.spec.document)
    check = SchemaCheck.of(outcome.spec.document, "3.0.3")
    for media in media_objects(outcome.spec.document):
        for example in media.get("examples", {}).values():
            assert check.first_error(example["value"], media["schema"]) == ""


def media_objects(document: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for item in document["paths"].values():
        for operation in item.values():
            bodies = [operation.get("requestBody", {}), *operation["responses"].values()]
            found += [b["content"]["application/json"] for b in bodies if "content" in b]
    return found


def test_external_docs_only_with_a_docs_base_url() -> None:
    plain = scrape([EXAMPLES / "export"], SpecOptions()).spec.document
    assert not any("externalDocs" in op for item in plain["paths"].values() for op in item.values())
    linked = scrape(
        [EXAMPLES / "export"], SpecOptions(docs_base_url="https://docs.example.com/wss")
    ).spec.document
    operations = [op for item in linked["paths"].values() for op in item.values()]
    assert all(
        op["externalDocs"]["url"].startswith("https://docs.example.com/wss/") for op in operations
    )
    assert all(op["externalDocs"]["url"].endswith(".html") for op in operations)


def test_document_carries_what_linters_ask_for() -> None:
    document = scrape([EXAMPLES / "export"], SpecOptions()).spec.document
    assert document["info"]["description"]
    assert all(op.get("description") for item in document["paths"].values() for op in item.values())
    declared = {tag["name"] for tag in document.get("tags", [])}
    used = {
        t for item in document["paths"].values() for op in item.values() for t in op.get("tags", [])
    }
    assert used <= declared
    names = list(document.get("components", {}).get("schemas", {}))
    assert len({n.replace("_", "").lower() for n in names}) == len(names)
    assert all(n[0].isupper() for n in names)
