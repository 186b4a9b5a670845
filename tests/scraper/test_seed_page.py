"""The seed page doc-exports/dcs/api-ref/CreateMigrationTask.html yields exactly its contract.

Every expectation below was written by reading the page's HTML tables."""

from __future__ import annotations

from typing import Any

import pytest

from doc2openapi.pipeline import scrape_to_spec
from tests.helpers.inputs import corpus_dir

SCHEMAS = "#/components/schemas/"


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return scrape_to_spec([corpus_dir("doc-exports/dcs/api-ref")])


def resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].removeprefix(SCHEMAS)]
    return schema


def ref_name(schema: dict[str, Any]) -> str:
    return str(schema["$ref"]).removeprefix(SCHEMAS)


def test_operation_and_path(spec: dict[str, Any]) -> None:
    assert list(spec["paths"]) == ["/v2/{project_id}/migration-task"]
    item = spec["paths"]["/v2/{project_id}/migration-task"]
    assert list(item) == ["post"]
    operation = item["post"]
    assert operation["operationId"] == "CreateMigrationTask"
    assert operation["summary"] == "Creating a Backup Import Task"
    assert operation["description"] == "This API is used to create a backup import task."
    assert operation["parameters"] == [
        {
            "name": "project_id",
            "in": "path",
            "description": "Project ID. For details, see Obtaining a Project ID.",
            "required": True,
            # the Path Parameters table has no id: it is the page's first table
            "schema": {"type": "string", "x-source": "CreateMigrationTask.html#table-1"},
        }
    ]


def test_request_body(spec: dict[str, Any]) -> None:
    body = spec["paths"]["/v2/{project_id}/migration-task"]["post"]["requestBody"]
    schema = resolve(spec, body["content"]["application/json"]["schema"])
    properties = schema["properties"]
    assert list(properties) == [
        "task_name",
        "description",
        "migration_type",
        "migration_method",
        "backup_files",
        "network_type",
        "source_instance",
        "target_instance",
    ]
    assert schema["required"] == [
        "task_name",
        "migration_type",
        "migration_method",
        "target_instance",
    ]
    assert properties["migration_type"]["enum"] == ["backupfile_import"]
    assert properties["migration_method"]["enum"] == [
        "full_amount_migration",
        "incremental_migration",
    ]
    assert properties["network_type"]["enum"] == ["vpc", "vpn"]
    assert ref_name(properties["backup_files"]) == "BackupFilesBody"
    assert ref_name(properties["source_instance"]) == "SourceInstanceBody"
    assert ref_name(properties["target_instance"]) == "TargetInstanceBody"


def test_nested_backup_files(spec: dict[str, Any]) -> None:
    backup = spec["components"]["schemas"]["BackupFilesBody"]
    assert list(backup["properties"]) == ["file_source", "bucket_name", "files", "backup_id"]
    assert backup["required"] == ["bucket_name", "files"]
    assert backup["properties"]["file_source"]["enum"] == ["self_build_obs", "backup_record"]
    files = backup["properties"]["files"]
    assert files["type"] == "array"
    assert ref_name(files["items"]) == "Files"
    item = spec["components"]["schemas"]["Files"]
    assert list(item["properties"]) == ["file_name", "size", "update_at"]
    assert item["required"] == ["file_name"]


def test_target_instance_required_flags(spec: dict[str, Any]) -> None:
    target = spec["components"]["schemas"]["TargetInstanceBody"]
    assert target["required"] == ["id"]
    assert target["properties"]["proxy_multi_db"]["type"] == "boolean"
    source = spec["components"]["schemas"]["SourceInstanceBody"]
    assert source["required"] == ["addrs"]


def test_responses(spec: dict[str, Any]) -> None:
    responses = spec["paths"]["/v2/{project_id}/migration-task"]["post"]["responses"]
    assert sorted(responses) == ["200", "400", "401", "403", "404", "500"]
    ok = resolve(spec, responses["200"]["content"]["application/json"]["schema"])
    assert list(ok["properties"]) == ["id", "name", "status", "error"]
    assert ok["properties"]["status"]["enum"] == ["SUCCESS", "FAILED", "MIGRATING", "TERMINATED"]
    for code in ("400", "401", "403", "404", "500"):
        error = resolve(spec, responses[code]["content"]["application/json"]["schema"])
        assert list(error["properties"]) == ["error_msg", "error_code", "error_ext_msg"]
        assert error["properties"]["error_msg"]["maxLength"] == 1024
        assert error["properties"]["error_code"]["maxLength"] == 9
        assert "required" not in error


def test_response_example_attached(spec: dict[str, Any]) -> None:
    media = spec["paths"]["/v2/{project_id}/migration-task"]["post"]["responses"]["200"]
    examples = media["content"]["application/json"]["examples"]
    (example,) = examples.values()
    assert example["value"]["status"] == "MIGRATING"
