"""Overlays on real builds: the KMS "Creating a CMK" page corrected (its table says
``key_info`` is an array of objects, its example response shows one object) and an operation
renamed, through ``build --overlay``; the client rebuilt from it reflects both. Also the
built-in example's overlay, overlays named in the configuration, and overlays that are wrong."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from doc2openapi.pipeline import scrape
from tests.generator.clients.support import snake_case
from tests.helpers.command import run_cli
from tests.helpers.inputs import EXAMPLES, corpus_dir

CREATE_KEY = "/v1.0/{project_id}/kms/create-key"
NEW_NAME = "MakeMasterKey"


def _ref_name(node: dict[str, Any]) -> str:
    return str(node["$ref"]).rsplit("/", 1)[-1]


@pytest.fixture(scope="module")
def kms() -> tuple[Path, dict[str, Any]]:
    folder = corpus_dir("portal/kms/api-ref")
    return folder, scrape([folder]).spec.document


def _kms_overlay(document: dict[str, Any]) -> tuple[str, str, str]:
    """The overlay, and the names of the response schema and of key_info's item schema,
    found by following the operation's references (not by guessing the names)."""
    operation = document["paths"][CREATE_KEY]["post"]
    response = _ref_name(operation["responses"]["200"]["content"]["application/json"]["schema"])
    key_info = document["components"]["schemas"][response]["properties"]["key_info"]
    # what the table says (the page's Table 4: "Array of objects"), which the example denies
    assert key_info["type"] == "array", key_info
    item = _ref_name(key_info["items"])
    overlay = {
        "overlay": "1.0.0",
        "info": {"title": "KMS corrections", "version": "1.0.0"},
        "actions": [
            {
                "description": "key_info is one object (the example response), not an array",
                "target": f"$.components.schemas['{response}'].properties.key_info",
                "remove": True,
            },
            {
                "target": f"$.components.schemas['{response}'].properties",
                "update": {"key_info": {"$ref": f"#/components/schemas/{item}"}},
            },
            {
                "target": f"$.paths['{CREATE_KEY}'].post",
                "update": {"operationId": NEW_NAME},
            },
        ],
    }
    return yaml.safe_dump(overlay), response, operation["operationId"]


_CHECK_CLIENT = textwrap.dedent(
    """
    import json, sys, typing
    import httpx, pydantic
    from overlay_kms_client import ClientConfig, client

    answer = {"key_info": {"key_id": "bb6a3d22", "domain_id": "b168fe00"}}  # the page's example
    seen = []

    def respond(request):
        seen.append(f"{request.method} {request.url.path}")
        return httpx.Response(200, json=answer)

    method = client.Client.make_master_key
    hints = typing.get_type_hints(method)
    body_type = next(
        t for t in (hints["body"], *typing.get_args(hints["body"]))
        if isinstance(t, type) and issubclass(t, pydantic.BaseModel)
    )
    config = ClientConfig(base_url="https://kms.example", project_id="p1")
    with client.Client(config, transport=httpx.MockTransport(respond)) as api:
        result = api.make_master_key(body=body_type(key_alias="test"))  # from MakeMasterKey
    print(json.dumps({
        "old_method": hasattr(client.Client, sys.argv[1]),
        "seen": seen,
        "key_info_is_model": isinstance(result.key_info, pydantic.BaseModel),
        "key_id": result.key_info.key_id,
    }))
    """
)


def test_overlay_fixes_kms_key_info_and_renames_the_operation(
    kms: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    folder, document = kms
    text, response, old_id = _kms_overlay(document)
    (tmp_path / "kms-fixes.yaml").write_text(text)
    out = tmp_path / "out"
    result = run_cli(
        "build", folder, "-o", out, "--overlay", tmp_path / "kms-fixes.yaml",
        "--package", "overlay_kms_client",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "overlay:" not in result.stderr  # every action matched and fitted
    built = yaml.safe_load((out / "openapi.yaml").read_text())
    assert built["paths"][CREATE_KEY]["post"]["operationId"] == NEW_NAME
    key_info = built["components"]["schemas"][response]["properties"]["key_info"]
    assert set(key_info) == {"$ref"}
    old_method = snake_case(old_id)
    checked = subprocess.run(
        [sys.executable, "-c", _CHECK_CLIENT, old_method],
        cwd=out / "client",
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert checked.returncode == 0, checked.stderr
    facts = json.loads(checked.stdout)
    assert facts == {
        "old_method": False,
        "seen": ["POST /v1.0/p1/kms/create-key"],
        "key_info_is_model": True,
        "key_id": "bb6a3d22",
    }


def test_the_example_overlay_of_the_readme(tmp_path: Path) -> None:
    out = tmp_path / "out"
    overlay = EXAMPLES / "overlays" / "wss-fixes.yaml"
    command = ("build", EXAMPLES / "export", "--title", "Widget Storage Service API")
    result = run_cli(*command, "--overlay", overlay, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "overlay:" not in result.stderr
    built = yaml.safe_load((out / "openapi.yaml").read_text())
    assert "/v1/{project_id}/widgets/{widget_id}/tags" not in built["paths"]
    assert built["paths"]["/v1/{project_id}/widgets/detail"]["get"]["operationId"] == (
        "ListWidgetsInZone"
    )
    widgets = [
        schema
        for schema in built["components"]["schemas"].values()
        if schema.get("x-source") == "wss_api_0110.html#wss_api_0110__table_widgets"
    ]
    assert [w["properties"]["shelf_code"]["type"] for w in widgets] == ["string"]
    client = next((out / "client").glob("*/client.py")).read_text()
    assert "def list_widgets_in_zone(" in client
    assert "/tags" not in client
    assert (
        "--overlay examples/overlays/wss-fixes.yaml" in (EXAMPLES.parent / "README.md").read_text()
    )


def _overlay_file(path: Path, *actions: dict[str, Any]) -> Path:
    overlay = {"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "actions": actions}
    path.write_text(yaml.safe_dump(overlay))
    return path


def test_config_overlays_are_relative_to_the_file_and_rebuilds_follow_their_content(
    tmp_path: Path,
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    fix = _overlay_file(project / "fix.yaml", {"target": "$.info", "update": {"title": "One"}})
    (project / "doc2openapi.toml").write_text('[tool.doc2openapi]\noverlays = ["fix.yaml"]\n')
    out = tmp_path / "out"
    build = ("build", EXAMPLES / "export", "-o", out, "--config", project / "doc2openapi.toml")
    assert run_cli(*build).returncode == 0
    assert yaml.safe_load((out / "openapi.yaml").read_text())["info"]["title"] == "One"
    assert "nothing changed" in run_cli(*build).stderr
    _overlay_file(fix, {"target": "$.info", "update": {"title": "Two"}})
    result = run_cli(*build)
    assert "nothing changed" not in result.stderr
    assert yaml.safe_load((out / "openapi.yaml").read_text())["info"]["title"] == "Two"


def test_unmatched_target_is_reported_and_fails_under_strict(tmp_path: Path) -> None:
    fix = _overlay_file(tmp_path / "fix.yaml", {"target": "$.paths['/gone']", "remove": True})
    spec = tmp_path / "spec.yaml"
    result = run_cli("scrape", EXAMPLES / "export", "-o", spec, "--overlay", fix)
    assert result.returncode == 0, result.stderr
    assert f"O101 OVERLAY_NO_MATCH: {fix} [action 1]: target $.paths['/gone']" in result.stderr
    strict = run_cli("scrape", EXAMPLES / "export", "-o", spec, "--overlay", fix, "--strict")
    assert strict.returncode == 1


def test_overlay_that_breaks_the_document_is_caught_by_validation(tmp_path: Path) -> None:
    fix = _overlay_file(
        tmp_path / "fix.yaml",
        {"target": "$.paths.*[?@.operationId]", "update": {"responses": {"200": "OK"}}},
    )
    result = run_cli("scrape", EXAMPLES / "export", "-o", tmp_path / "spec.yaml", "--overlay", fix)
    assert result.returncode == 1
    assert "valid: NO" in result.stderr and "invalid:" in result.stderr
    assert not (tmp_path / "spec.yaml").exists()


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("overlay: 1.0.0\nactions: [\n", "not readable as YAML or JSON: not valid YAML"),
        ("openapi: 3.0.3\n", "'overlay' must be the version string"),
        (
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\n"
            "actions:\n  - target: $.paths./things\n    remove: true\n",
            "action 1: target '$.paths./things' is not a JSONPath query (RFC 9535)",
        ),
    ],
)
def test_malformed_overlay_is_one_clear_line(tmp_path: Path, content: str, said: str) -> None:
    (tmp_path / "fix.yaml").write_text(content)
    out = tmp_path / "out"
    result = run_cli("build", EXAMPLES / "export", "-o", out, "--overlay", tmp_path / "fix.yaml")
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"doc2openapi: overlay {tmp_path / 'fix.yaml'}: "), line
    assert said in line
    assert not out.exists()
    missing = run_cli(
        "scrape", EXAMPLES / "export", "-o", tmp_path / "s.yaml", "--overlay", tmp_path / "no.yaml"
    )
    assert missing.returncode == 2
    assert "no.yaml: file not found" in missing.stderr
