"""A client whose spec names no server host (``https://{endpoint}``, default
``endpoint.invalid``) asks for the endpoint instead of calling nowhere (spec written here)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from doc2openapi.generator import GeneratorOptions, generate
from doc2openapi.generator.output import write_project

PACKAGE = "endpointless_client"
SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Gadgets", "version": "1.0"},
    "servers": [
        {
            "url": "https://{endpoint}/api",
            "variables": {
                "endpoint": {"default": "endpoint.invalid", "description": "The host."},
                "unused": {"default": "kept"},
            },
        }
    ],
    "paths": {
        "/v1/gadgets": {
            "get": {"operationId": "ListGadgets", "responses": {"204": {"description": "No."}}}
        }
    },
}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    project = generate(SPEC, GeneratorOptions(package_name=PACKAGE))
    directory = tmp_path_factory.mktemp("endpointless")
    write_project(project, directory, check=False)
    sys.path.insert(0, str(directory))
    importlib.invalidate_caches()
    yield importlib.import_module(PACKAGE)
    for name in [m for m in sys.modules if m.split(".")[0] == PACKAGE]:
        del sys.modules[name]
    sys.path.remove(str(directory))


def test_an_unset_endpoint_is_a_config_error_naming_the_setting(client: ModuleType) -> None:
    with pytest.raises(client.ConfigError, match=r"set ClientConfig\.endpoint"):
        client.ClientConfig().resolved_base_url()


def test_the_endpoint_set_fills_the_server_url(client: ModuleType) -> None:
    config = client.ClientConfig(endpoint="gadgets.eu-de.provider.test")
    assert config.resolved_base_url() == "https://gadgets.eu-de.provider.test/api"
    base = client.ClientConfig(base_url="https://mine.test").resolved_base_url()
    assert base == "https://mine.test"
