"""OpenAPI 3.0 and 3.1 output, and the project configuration file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from doc2openapi.config import Config, ConfigError, load_config
from doc2openapi.pipeline import scrape
from doc2openapi.spec.build import SpecOptions
from doc2openapi.spec.versions import finalise
from tests.helpers.inputs import EXAMPLES, corpus_dir


def walk(value: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found.append(item)
            stack.extend(v for k, v in item.items() if k not in ("examples", "default", "enum"))
        elif isinstance(item, list):
            stack.extend(item)
    return found


@pytest.mark.parametrize("folder", ["doc-exports/ecs/api-ref", "portal/dcs/api-ref"])
@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_corpus_valid_in_both_versions(folder: str, version: str) -> None:
    outcome = scrape([corpus_dir(folder)], SpecOptions(openapi=version))
    assert outcome.problems == []
    document = outcome.spec.document
    assert document["openapi"] == version
    nodes = walk(document)
    if version == "3.0.3":
        assert all(set(node) == {"$ref"} for node in nodes if "$ref" in node)
    else:
        assert not any("nullable" in node for node in nodes)


def test_31_idioms() -> None:
    neutral = {
        "openapi": "x",
        "components": {
            "schemas": {
                "A": {
                    "type": "object",
                    "properties": {
                        "lock": {"nullable": True, "description": "null in the docs"},
                        "name": {"type": "string", "nullable": True},
                        "child": {
                            "$ref": "#/components/schemas/A",
                            "description": "the child",
                            "x-source": "p.html#t",
                        },
                    },
                    "examples": {"x": {"nullable": True}},
                }
            }
        },
    }
    out = finalise(neutral, "3.1.0")
    properties = out["components"]["schemas"]["A"]["properties"]
    assert properties["lock"] == {"description": "null in the docs", "type": "null"}
    assert properties["name"] == {"type": ["string", "null"]}
    assert properties["child"] == {"$ref": "#/components/schemas/A", "description": "the child"}
    assert out["components"]["schemas"]["A"]["examples"] == {"x": {"nullable": True}}
    out30 = finalise(neutral, "3.0.3")
    assert out30["components"]["schemas"]["A"]["properties"]["child"] == {
        "$ref": "#/components/schemas/A"
    }
    assert out30["components"]["schemas"]["A"]["properties"]["name"]["nullable"] is True


def test_config_from_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.doc2openapi]\ntitle = "My API"\nopenapi = "3.1"\n'
        'strict = true\nregion = "eu-nl"\n'
    )
    config = load_config(folder=tmp_path)
    assert (config.title, config.openapi, config.strict, config.region) == (
        "My API",
        "3.1",
        True,
        "eu-nl",
    )
    assert config.merged(title="Other", openapi=None).title == "Other"


def test_config_file_preferred_and_checked(tmp_path: Path) -> None:
    (tmp_path / "doc2openapi.toml").write_text('title = "From file"\n')
    assert load_config(folder=tmp_path).title == "From file"
    (tmp_path / "doc2openapi.toml").write_text('colour = "blue"\n')
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        load_config(folder=tmp_path)
    (tmp_path / "doc2openapi.toml").write_text('openapi = "2.0"\n')
    with pytest.raises(ConfigError, match="openapi must be"):
        load_config(folder=tmp_path)
    assert load_config(folder=tmp_path / "nowhere") == Config()


def test_cli_reads_config(tmp_path: Path) -> None:
    (tmp_path / "doc2openapi.toml").write_text('title = "Configured"\nopenapi = "3.1"\n')
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "doc2openapi.cli",
            "scrape",
            str(EXAMPLES / "export"),
            "-o",
            "spec.json",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    document = json.loads((tmp_path / "spec.json").read_text())
    assert document["info"]["title"] == "Configured"
    assert document["openapi"] == "3.1.0"


@pytest.mark.parametrize("folder", ["doc-exports/elb/api-ref", "portal/dcs/api-ref"])
def test_every_schema_node_traces_to_its_page(folder: str) -> None:
    """x-source on every typed schema node: a reader can find the HTML it comes from."""
    document = scrape([corpus_dir(folder)]).spec.document
    untraced: list[str] = []

    def visit(node: Any, where: str) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("type"), str) and "x-source" not in node:
                untraced.append(where)
            for key, value in node.items():
                if key == "properties":
                    for name, child in value.items():
                        visit(child, f"{where}/properties/{name}")
                elif key not in ("examples", "example", "enum", "default"):
                    visit(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                visit(value, f"{where}/{index}")

    for path, item in document["paths"].items():
        for method, operation in item.items():
            for parameter in operation.get("parameters", []):
                visit(parameter["schema"], f"{method} {path} {parameter['name']}")
    for name, schema in document["components"]["schemas"].items():
        visit(schema, name)
    assert untraced == []


def test_properties_named_like_keywords_are_schemas() -> None:
    """A field called ``default`` or ``example`` is a schema like any other: its ``$ref``
    loses its siblings in 3.0 and its ``nullable`` becomes a type list in 3.1."""
    ref = {"$ref": "#/components/schemas/Settings", "description": "d", "x-source": "p#t"}
    holder = {
        "type": "object",
        "properties": {
            "default": dict(ref),
            "example": {"type": "string", "nullable": True},
        },
        "default": {"default": "data stays as it is", "nullable": True},
    }
    document = {"openapi": "3.0.3", "components": {"schemas": {"Holder": holder}}}
    v30 = finalise(document, "3.0.3")["components"]["schemas"]["Holder"]
    assert v30["properties"]["default"] == {"$ref": ref["$ref"]}
    assert v30["default"] == holder["default"]
    v31 = finalise(document, "3.1.0")["components"]["schemas"]["Holder"]
    assert v31["properties"]["default"] == {"$ref": ref["$ref"], "description": "d"}
    assert v31["properties"]["example"] == {"type": ["string", "null"]}
    assert v31["default"] == holder["default"]
