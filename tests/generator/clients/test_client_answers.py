"""A client that survives real answers, on a small embedded spec against httpx.MockTransport.

- Every documented 2xx is success and parses into its own model (None without a body); a
  2xx the operation does not document returns the ``httpx.Response`` itself.
- A body that does not match its model raises ``ResponseValidationError`` (an ``ApiError``)
  with the response attached, never a bare ``pydantic.ValidationError``.
- ``<operation>_raw`` returns an ``ApiResponse``: status, headers, content and ``parsed``.
- A mapping body is sent as it is; model fields carry ``Field(description=...)``.
- Array query parameters follow ``style``/``explode``.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import pydoc
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pydantic
import pytest

from doc2openapi.diagnostics import Code
from doc2openapi.generator import GeneratedProject, GeneratorOptions, generate
from doc2openapi.generator.output import write_project
from tests.helpers.imported_package import imported_package

PACKAGE = "volume_answers_client"
SIZE_TEXT = 'Size in GB.\nMust be "positive"; a backslash \\ stays.'
VOLUME = {"id": "v1", "name": "data", "size": 10}
REQUEST_ID = {"X-Request-Id": "req-7"}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str = "OK.") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _query(name: str, **style: Any) -> dict[str, Any]:
    schema = {"type": "array", "items": {"type": "string"}}
    return {"name": name, "in": "query", "schema": schema, **style}


PROJECT = {"name": "project_id", "in": "path", "required": True, "schema": {"type": "string"}}
VOLUME_ID = {"name": "volume_id", "in": "path", "required": True, "schema": {"type": "string"}}
SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Volumes", "version": "1.0"},
    "servers": [{"url": "https://volumes.example.com"}],
    "paths": {
        "/v1/{project_id}/volumes": {
            "get": {
                "operationId": "list_volumes",
                "parameters": [
                    PROJECT,
                    _query("ids", explode=False),
                    _query("tags"),
                    _query("names", style="pipeDelimited"),
                    _query("zones", style="spaceDelimited", explode=True),
                    {
                        "name": "filter",
                        "in": "query",
                        "style": "deepObject",
                        "schema": {"type": "object"},
                    },
                    _query("kinds", explode="false"),  # not a boolean: the default
                ],
                "responses": {"200": _json(_ref("VolumeList"))},
            },
            "post": {
                "operationId": "create_volume",
                "parameters": [PROJECT],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _ref("CreateVolumeRequest")}},
                },
                "responses": {
                    "200": _json(_ref("Volume"), "Created."),
                    "202": _json(_ref("Job"), "Accepted: a job creates it."),
                    "204": {"description": "Nothing to create."},
                    "400": _json(_ref("Error"), "Bad request."),
                },
            },
        },
        "/v1/{project_id}/volumes/{volume_id}": {
            "get": {
                "operationId": "show_volume",
                "parameters": [PROJECT, VOLUME_ID],
                "responses": {"200": _json(_ref("Volume"))},
            },
            "delete": {
                "operationId": "delete_volume",
                "parameters": [PROJECT, VOLUME_ID],
                "responses": {"400": _json(_ref("Error"), "Bad request.")},
            },
        },
        "/v1/{project_id}/volumes/{volume_id}/tags": {
            "get": {
                "operationId": "list_volume_tags",
                "parameters": [PROJECT, VOLUME_ID],
                "responses": {"200": _json({"type": "array", "items": {"type": "string"}})},
            }
        },
    },
    "components": {
        "schemas": {
            "Volume": {
                "type": "object",
                "required": ["id"],
                "properties": {
                    "id": {"type": "string", "description": "The volume ID."},
                    "name": {"type": "string"},
                    "size": {"type": "integer", "description": SIZE_TEXT},
                    "old": {"type": "string", "description": "Was used.", "deprecated": True},
                },
            },
            "VolumeList": {
                "type": "object",
                "properties": {"volumes": {"type": "array", "items": _ref("Volume")}},
            },
            "CreateVolumeRequest": {
                "type": "object",
                "required": ["volume"],
                "properties": {"volume": _ref("Volume")},
            },
            "Job": {"type": "object", "properties": {"job_id": {"type": "string"}}},
            "Error": {"type": "object", "properties": {"error_code": {"type": "string"}}},
        }
    },
}


@pytest.fixture(scope="module")
def project() -> GeneratedProject:
    return generate(SPEC, GeneratorOptions(package_name=PACKAGE))


@pytest.fixture(scope="module")
def folder(project: GeneratedProject, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("answers")
    write_project(project, directory, check=False)
    return directory


@pytest.fixture(scope="module")
def package(folder: Path) -> Iterator[ModuleType]:
    with imported_package(folder, PACKAGE) as module:
        yield module


def submodule(package: ModuleType, name: str) -> Any:
    return importlib.import_module(f"{package.__name__}.{name}")


Answer = Callable[[httpx.Request], httpx.Response]


def client(package: ModuleType, answer: Answer) -> Any:
    config = package.ClientConfig(project_id="p1")
    return package.Client(config, transport=httpx.MockTransport(answer))


def async_client(package: ModuleType, answer: Answer) -> Any:
    config = package.ClientConfig(project_id="p1")
    return package.AsyncClient(config, transport=httpx.MockTransport(answer))


def answering(status: int, **content: Any) -> Answer:
    return lambda request: httpx.Response(status, headers=REQUEST_ID, **content)


BODY = {"volume": {"id": "v1"}}


def test_each_documented_2xx_parses_into_its_own_model(package: ModuleType) -> None:
    models = submodule(package, "models")
    with client(package, answering(200, json=VOLUME)) as api:
        created = api.create_volume(body=BODY)
    with client(package, answering(202, json={"job_id": "j1"})) as api:
        accepted = api.create_volume(body=BODY)
    with client(package, answering(204)) as api:
        nothing = api.create_volume(body=BODY)
    assert isinstance(created, models.Volume) and created.size == 10
    assert isinstance(accepted, models.Job) and accepted.job_id == "j1"
    assert nothing is None


def test_an_undocumented_2xx_returns_the_response(package: ModuleType) -> None:
    with client(package, answering(206, json={"partial": True})) as api:
        partial = api.create_volume(body=BODY)
    with client(package, answering(200, text="deleted")) as api:
        deleted = api.delete_volume(volume_id="v1")  # documents no 2xx at all
    assert isinstance(partial, httpx.Response) and partial.status_code == 206
    assert partial.json() == {"partial": True}
    assert isinstance(deleted, httpx.Response) and deleted.text == "deleted"


@pytest.mark.parametrize(
    ("operation", "content", "body"),
    [
        ("show_volume", {"json": {"id": 5, "size": "big"}}, {"id": 5, "size": "big"}),
        ("show_volume", {"json": [VOLUME]}, [VOLUME]),
        ("show_volume", {"text": "<html>busy</html>"}, "<html>busy</html>"),
        ("list_volume_tags", {"json": ["a", 2]}, ["a", 2]),
    ],
)
def test_a_body_not_matching_its_model_raises_response_validation_error(
    package: ModuleType, operation: str, content: dict[str, Any], body: object
) -> None:
    errors = submodule(package, "errors")
    with client(package, answering(200, **content)) as api:
        with pytest.raises(errors.ResponseValidationError) as caught:
            getattr(api, operation)(volume_id="v1")
    error = caught.value
    assert isinstance(error, errors.ApiError) and package.ResponseValidationError is type(error)
    assert not isinstance(error, pydantic.ValidationError)
    assert isinstance(error.validation_error, pydantic.ValidationError)
    assert error.__cause__ is error.validation_error
    assert isinstance(error.response, httpx.Response) and error.response.status_code == 200
    assert (error.status_code, error.request_id, error.body) == (200, "req-7", body)
    assert error.headers["X-Request-Id"] == "req-7"
    assert str(error).startswith("HTTP 200: the body does not match")


def test_the_async_client_raises_response_validation_error_too(package: ModuleType) -> None:
    errors = submodule(package, "errors")

    async def scenario() -> None:
        async with async_client(package, answering(200, json={"size": 1})) as api:
            await api.show_volume(volume_id="v1")  # "id" is required

    with pytest.raises(errors.ResponseValidationError) as caught:
        asyncio.run(scenario())
    assert caught.value.body == {"size": 1}


def test_the_raw_form_returns_status_headers_and_the_parsed_body(package: ModuleType) -> None:
    models = submodule(package, "models")
    with client(package, answering(202, json={"job_id": "j1"})) as api:
        answer = api.create_volume_raw(body=BODY)
    assert isinstance(answer, package.ApiResponse)
    assert (answer.status_code, answer.headers["X-Request-Id"]) == (202, "req-7")
    assert json.loads(answer.content) == {"job_id": "j1"}
    assert isinstance(answer.parsed, models.Job)
    assert answer.http_response.request.method == "POST"
    with client(package, answering(206, text="part")) as api:
        undocumented = api.create_volume_raw(body=BODY)
    assert undocumented.parsed is undocumented.http_response

    async def scenario() -> Any:
        async with async_client(package, answering(200, json=VOLUME)) as api:
            return await api.show_volume_raw(volume_id="v1")

    shown = asyncio.run(scenario())
    assert (shown.status_code, shown.parsed.id_, shown.headers["X-Request-Id"]) == (
        200,
        "v1",
        "req-7",
    )


def test_a_mapping_body_is_sent_as_given(package: ModuleType) -> None:
    models = submodule(package, "models")
    sent: list[Any] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content))
        return httpx.Response(204)

    by_model = models.CreateVolumeRequest(volume=models.Volume(id_="v1", size=3))
    mixed = {"volume": models.Volume(id_="v2"), "dry_run": True}
    with client(package, answer) as api:
        api.create_volume(body={"volume": {"id": "v1", "size": 3, "unknown": [1]}})
        api.create_volume(body=by_model)
        api.create_volume(body=mixed)
    assert sent == [
        {"volume": {"id": "v1", "size": 3, "unknown": [1]}},
        {"volume": {"id": "v1", "size": 3}},
        {"volume": {"id": "v2"}, "dry_run": True},
    ]


def test_field_descriptions_reach_json_schema_and_help(package: ModuleType) -> None:
    models = submodule(package, "models")
    properties = models.Volume.model_json_schema()["properties"]
    assert properties["size"]["description"] == SIZE_TEXT
    assert properties["id"]["description"] == "The volume ID."
    assert properties["old"]["description"] == "Was used.\n\nDeprecated."
    assert "description" not in properties["name"]
    assert models.Volume.model_fields["size"].description == SIZE_TEXT
    shown = pydoc.render_doc(models.Volume, renderer=pydoc.plaintext)
    assert "size: Size in GB. Must be" in " ".join(shown.split()).replace(" | ", " ")


def test_query_arrays_follow_style_and_explode(
    package: ModuleType, project: GeneratedProject
) -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"volumes": []})

    with client(package, answer) as api:
        api.list_volumes(
            ids=["a", "b", "c"],
            tags=["x", "y"],
            names=["n1", "n2"],
            zones=["z1", "z2"],
            kinds=["k1", "k2"],
        )
        api.list_volumes(ids=["only"])
    params = seen[0].url.params
    assert params.get_list("ids") == ["a,b,c"]  # explode: false
    assert params.get_list("tags") == ["x", "y"]  # form, exploded by default
    assert params.get_list("names") == ["n1|n2"]  # pipeDelimited, not exploded by default
    assert params.get_list("zones") == ["z1", "z2"]  # spaceDelimited, explode: true
    assert params.get_list("kinds") == ["k1", "k2"]
    assert seen[0].url.query.count(b"ids=") == 1
    assert dict(seen[1].url.params) == {"ids": "only"}
    unsupported = [d for d in project.diagnostics if d.code == Code.UNSUPPORTED_STYLE]
    where = "/paths/~1v1~1{project_id}~1volumes/get/parameters/5"
    assert [d.pointer for d in unsupported] == [where]


USE = f"""
from __future__ import annotations

import httpx

from {PACKAGE} import ApiResponse, Client, ResponseValidationError
from {PACKAGE}.models import Job, Volume


def created(client: Client) -> str | None:
    try:
        answer: ApiResponse[Volume | Job | httpx.Response | None] = client.create_volume_raw(
            body={{"volume": {{"id": "v1"}}}}
        )
    except ResponseValidationError as error:
        return error.response.text
    if isinstance(answer.parsed, Volume):
        return answer.parsed.id_
    return str(answer.status_code)
"""


def test_the_package_and_code_using_it_pass_mypy_strict(folder: Path) -> None:
    (folder / "use.py").write_text(USE, encoding="utf-8")
    arguments = ["--strict", "--cache-dir", str(folder / ".mypy-cache"), PACKAGE, "use.py"]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", *arguments],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
