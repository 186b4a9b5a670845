"""A documented 3xx is an answer, not an error: an API version list answers ``300 Multiple
Choices`` with the versions as its body (evs, iam and cbr document exactly that), and the client
returns the parsed model instead of raising ``UnexpectedStatus``."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from doc2openapi.generator import GeneratorOptions, generate
from doc2openapi.generator.output import write_project
from tests.helpers.imported_package import imported_package

PACKAGE = "version_answers_client"
VERSIONS = {
    "type": "object",
    "properties": {"versions": {"type": "array", "items": {"type": "string"}}},
}
SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Versions", "version": "1.0"},
    "servers": [{"url": "https://versions.example.com"}],
    "paths": {
        "/": {
            "get": {
                "operationId": "ListApiVersions",
                "responses": {
                    "300": {
                        "description": "Multiple choices.",
                        "content": {"application/json": {"schema": VERSIONS}},
                    },
                    "400": {"description": "Bad request."},
                },
            }
        }
    },
}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    folder: Path = tmp_path_factory.mktemp("versions")
    write_project(generate(SPEC, GeneratorOptions(package_name=PACKAGE)), folder, check=False)
    with imported_package(folder, PACKAGE) as module:
        yield module


def _client(package: ModuleType, status: int) -> Any:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json={"versions": ["v2", "v3"]})

    return package.Client(package.ClientConfig(), transport=httpx.MockTransport(answer))


def test_a_documented_300_parses_into_its_model(package: ModuleType) -> None:
    with _client(package, 300) as client:
        answer = client.list_api_versions()
    assert not isinstance(answer, httpx.Response)
    assert answer.versions == ["v2", "v3"]


def test_an_undocumented_3xx_still_raises(package: ModuleType) -> None:
    errors = importlib.import_module(f"{PACKAGE}.errors")
    with _client(package, 302) as client, pytest.raises(errors.UnexpectedStatus):
        client.list_api_versions()
