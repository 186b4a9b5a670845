"""Operations with servers of their own (a second service, an S3-style bucket host) are sent
there; the rest go to the document's server or ``base_url`` (spec written here)."""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from doc2openapi.generator import GeneratorOptions, generate
from doc2openapi.generator.output import write_project

PACKAGE = "two_services_client"
ENDPOINT = {"default": "endpoint.invalid", "description": "The gadgets host."}
REGION = {"default": "eu-de", "description": "The region."}
GADGETS = {"url": "https://{gadgets_endpoint}/api", "variables": {"gadgets_endpoint": ENDPOINT}}
CCE = {"url": "https://cce.{region}.cloud.test", "variables": {"region": REGION}}
BUCKET = {
    "url": "https://{bucketname}.{gadgets_endpoint}",
    "variables": {
        "bucketname": {"default": "bucketname", "description": "The bucket."},
        "gadgets_endpoint": ENDPOINT,
    },
}
NO_CONTENT = {"204": {"description": "Done."}}
SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Two", "version": "1.0"},
    "servers": [GADGETS],
    "paths": {
        "/v1/gadgets": {
            "get": {"operationId": "ListGadgets", "servers": [GADGETS], "responses": NO_CONTENT}
        },
        "/v1/clusters": {
            "servers": [{"url": "https://path.level.test"}],
            "get": {"operationId": "ListClusters", "servers": [CCE], "responses": NO_CONTENT},
            "delete": {"operationId": "DeleteClusters", "responses": NO_CONTENT},
        },
        "/{key}": {
            "put": {
                "operationId": "PutObject",
                "servers": [BUCKET],
                "parameters": [
                    {"name": "key", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": NO_CONTENT,
            }
        },
    },
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, Path]]:
    project = generate(SPEC, GeneratorOptions(package_name=PACKAGE))
    directory = tmp_path_factory.mktemp("operation-servers")
    write_project(project, directory, check=False)
    sys.path.insert(0, str(directory))
    importlib.invalidate_caches()
    yield importlib.import_module(PACKAGE), directory
    for name in [m for m in sys.modules if m.split(".")[0] == PACKAGE]:
        del sys.modules[name]
    sys.path.remove(str(directory))


def _client(module: ModuleType, seen: list[str], **config: Any) -> Any:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(204)

    return module.Client(module.ClientConfig(**config), transport=httpx.MockTransport(answer))


def test_each_operation_goes_to_its_own_server(generated: tuple[ModuleType, Path]) -> None:
    seen: list[str] = []
    with _client(generated[0], seen, gadgets_endpoint="gadgets.test", region="eu-nl") as client:
        client.list_gadgets()
        client.list_clusters()
        client.delete_clusters()
        client.put_object(bucketname="my-bucket-1", key="a/b")
    assert seen == [
        "https://gadgets.test/api/v1/gadgets",
        "https://cce.eu-nl.cloud.test/v1/clusters",
        "https://path.level.test/v1/clusters",
        "https://my-bucket-1.gadgets.test/a%2Fb",
    ]


def test_base_url_stands_for_the_document_server_only(
    generated: tuple[ModuleType, Path],
) -> None:
    seen: list[str] = []
    with _client(generated[0], seen, base_url="http://mock.test/x") as client:
        client.list_gadgets()
        client.list_clusters()
        with pytest.raises(generated[0].ConfigError, match=r"ClientConfig\.gadgets_endpoint"):
            client.put_object(bucketname="b", key="k")
    assert seen == ["http://mock.test/x/v1/gadgets", "https://cce.eu-de.cloud.test/v1/clusters"]


@pytest.mark.parametrize(
    "hostile", ["evil.test", "a/b", "user@evil", "evil:80", "", "-a", "a" * 64, "a\n", "b%2Fc"]
)
def test_a_bucket_that_is_no_host_label_is_refused(
    generated: tuple[ModuleType, Path], hostile: str
) -> None:
    seen: list[str] = []
    with _client(generated[0], seen, gadgets_endpoint="gadgets.test") as client:
        with pytest.raises(ValueError, match="bucketname must be one host label"):
            client.put_object(bucketname=hostile, key="k")
    assert seen == []


def test_the_client_with_operation_servers_is_strictly_typed(
    generated: tuple[ModuleType, Path],
) -> None:
    directory = generated[1]
    for tool in (["mypy", "--strict", PACKAGE], ["ruff", "check", "--isolated", PACKAGE]):
        result = subprocess.run(
            [sys.executable, "-m", *tool],
            cwd=directory,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
