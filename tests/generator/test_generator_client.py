"""Functional tests of the generated petstore client, against httpx.MockTransport."""

from __future__ import annotations

import asyncio
import importlib
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

Handler = Callable[[httpx.Request], httpx.Response]
BASE = "https://petstore.eu-de.example.com"
PET = {"id": "p1", "name": "Rex", "status": "available", "owner": {"id": "o1"}}


def submodule(package: ModuleType, name: str) -> Any:
    return importlib.import_module(f"{package.__name__}.{name}")


def make_client(package: ModuleType, handler: Handler, **config: Any) -> Any:
    config.setdefault("project_id", "proj-1")
    client_config = package.ClientConfig(**config)
    return package.Client(client_config, transport=httpx.MockTransport(handler))


def make_async_client(package: ModuleType, handler: Handler, **config: Any) -> Any:
    config.setdefault("project_id", "proj-1")
    client_config = package.ClientConfig(**config)
    return package.AsyncClient(client_config, transport=httpx.MockTransport(handler))


class Recorder:
    """A MockTransport handler that answers from a list and records the requests."""

    def __init__(self, *responses: httpx.Response) -> None:
        self.responses = list(responses)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.responses.pop(0)


def test_import_does_no_work(petstore_dir: Path, petstore: ModuleType) -> None:
    code = (
        f"import sys; import {petstore.__name__}; "
        f"loaded = sorted(m for m in sys.modules if m.startswith('{petstore.__name__}.')); "
        "print(loaded, 'httpx' in sys.modules, 'pydantic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=petstore_dir, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[] False False"
    assert petstore.Client is submodule(petstore, "client").Client


def test_success_is_parsed_into_the_model(petstore: ModuleType) -> None:
    models = submodule(petstore, "models")
    recorder = Recorder(httpx.Response(200, json=PET))
    with make_client(petstore, recorder) as client:
        pet = client.show_pet(pet_id="p1")
    assert isinstance(pet, models.Pet)
    assert (pet.id_, pet.name, pet.status) == ("p1", "Rex", models.PetStatus.AVAILABLE)
    assert isinstance(pet.owner, models.PetOwner)
    request = recorder.requests[0]
    assert (request.method, str(request.url)) == ("GET", f"{BASE}/v2/proj-1/pets/p1")


def test_path_parameters_are_percent_encoded(petstore: ModuleType) -> None:
    recorder = Recorder(httpx.Response(200, json=PET))
    with make_client(petstore, recorder) as client:
        client.show_pet(pet_id="a b/c?d")
    assert recorder.requests[0].url.raw_path == b"/v2/proj-1/pets/a%20b%2Fc%3Fd"


def test_query_header_and_body_are_sent_by_wire_name(petstore: ModuleType) -> None:
    models = submodule(petstore, "models")
    recorder = Recorder(httpx.Response(200, json={"count": 0, "pets": []}))
    with make_client(petstore, recorder) as client:
        client.list_pets(limit=5, status=models.ListPetsStatus.SOLD, x_language="de-de")
    request = recorder.requests[0]
    assert dict(request.url.params) == {"limit": "5", "status": "sold"}
    assert request.headers["X-Language"] == "de-de"

    recorder = Recorder(httpx.Response(200, json=PET))
    body = models.CreatePetRequest(pet=models.Pet(id_="p1", name="Rex"))
    with make_client(petstore, recorder) as client:
        created = client.create_pet(body=body)
    assert json.loads(recorder.requests[0].content) == {"pet": {"id": "p1", "name": "Rex"}}
    assert created.name == "Rex"


def test_no_body_response_returns_none(petstore: ModuleType) -> None:
    with make_client(petstore, Recorder(httpx.Response(204))) as client:
        assert client.delete_pet(pet_id="p1") is None


def test_documented_error_raises_its_class_with_parsed_body(petstore: ModuleType) -> None:
    errors, models = submodule(petstore, "errors"), submodule(petstore, "models")
    response = httpx.Response(
        404,
        json={"error_code": "PET.0404", "error_msg": "no such pet"},
        headers={"X-Request-Id": "req-42"},
    )
    with (
        make_client(petstore, Recorder(response)) as client,
        pytest.raises(errors.NotFoundError) as caught,
    ):
        client.show_pet(pet_id="nope")
    error = caught.value
    assert isinstance(error, errors.ApiError)
    assert isinstance(error.body, models.Error)
    assert (error.status_code, error.error_code, error.error_msg, error.request_id) == (
        404,
        "PET.0404",
        "no such pet",
        "req-42",
    )
    assert str(error) == "HTTP 404: PET.0404 no such pet (request id req-42)"


def test_error_body_not_matching_the_model_is_kept_raw(petstore: ModuleType) -> None:
    errors = submodule(petstore, "errors")
    with make_client(petstore, Recorder(httpx.Response(404, text="<html>"))) as client:
        with pytest.raises(errors.NotFoundError) as caught:
            client.show_pet(pet_id="nope")
    assert caught.value.body == "<html>"


def test_undocumented_status_raises_unexpected_status(petstore: ModuleType) -> None:
    errors = submodule(petstore, "errors")
    with make_client(petstore, Recorder(httpx.Response(500, json={"x": 1}))) as client:
        with pytest.raises(errors.UnexpectedStatus) as caught:
            client.show_pet(pet_id="p1")
    assert caught.value.status_code == 500
    assert caught.value.body == {"x": 1}
    # 404 is documented for show_pet but not for list_owners.
    with make_client(petstore, Recorder(httpx.Response(404))) as client:
        with pytest.raises(errors.UnexpectedStatus):
            client.list_owners()


def test_missing_project_id_is_a_config_error(petstore: ModuleType) -> None:
    client = make_client(petstore, Recorder(), project_id=None)
    with pytest.raises(petstore.ConfigError):
        client.show_pet(pet_id="p1")


def test_base_url_comes_from_server_variables_or_override(petstore: ModuleType) -> None:
    assert petstore.ClientConfig(region="eu-nl").resolved_base_url() == (
        "https://petstore.eu-nl.example.com"
    )
    override = petstore.ClientConfig(base_url="http://localhost:8080")
    assert override.resolved_base_url() == "http://localhost:8080"


def test_idempotent_requests_are_retried_on_429_and_503(petstore: ModuleType) -> None:
    recorder = Recorder(
        httpx.Response(503),
        httpx.Response(429, headers={"Retry-After": "0"}),
        httpx.Response(200, json=PET),
    )
    retry = petstore.RetryPolicy(backoff_factor=0.0)
    with make_client(petstore, recorder, retry=retry) as client:
        assert client.show_pet(pet_id="p1").id_ == "p1"
    assert len(recorder.requests) == 3


def test_retries_stop_after_max_retries(petstore: ModuleType) -> None:
    errors = submodule(petstore, "errors")
    recorder = Recorder(*[httpx.Response(503) for _ in range(3)])
    retry = petstore.RetryPolicy(max_retries=2, backoff_factor=0.0)
    with make_client(petstore, recorder, retry=retry) as client:
        with pytest.raises(errors.UnexpectedStatus) as caught:
            client.show_pet(pet_id="p1")
    assert caught.value.status_code == 503
    assert len(recorder.requests) == 3


def test_non_idempotent_requests_are_not_retried(petstore: ModuleType) -> None:
    errors, models = submodule(petstore, "errors"), submodule(petstore, "models")
    recorder = Recorder(httpx.Response(503), httpx.Response(200, json=PET))
    retry = petstore.RetryPolicy(backoff_factor=0.0)
    body = models.CreatePetRequest(pet=models.Pet(id_="p1", name="Rex"))
    with make_client(petstore, recorder, retry=retry) as client:
        with pytest.raises(errors.UnexpectedStatus):
            client.create_pet(body=body)
    assert len(recorder.requests) == 1


def test_retry_delay_uses_backoff_and_retry_after(petstore: ModuleType) -> None:
    policy = petstore.RetryPolicy(backoff_factor=0.5, max_backoff=3.0)
    busy = httpx.Response(503)
    assert [policy.delay("GET", busy, attempt) for attempt in range(4)] == [0.5, 1.0, 2.0, None]
    assert policy.delay("GET", httpx.Response(429, headers={"Retry-After": "60"}), 0) == 3.0
    assert policy.delay("POST", busy, 0) is None
    assert policy.delay("GET", httpx.Response(500), 0) is None


def pet_pages(total: int) -> Handler:
    """Answers ListPets from ``total`` pets by offset and limit (server page size 3)."""
    pets = [{"id": f"p{index}", "name": f"pet {index}"} for index in range(total)]

    def handler(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params.get("offset", "0"))
        limit = int(request.url.params.get("limit", "3"))
        return httpx.Response(200, json={"count": total, "pets": pets[offset : offset + limit]})

    return handler


def owner_pages(total: int) -> Handler:
    """Answers ListOwners from ``total`` owners by marker and limit (server page size 3)."""
    owners = [{"id": f"o{index}"} for index in range(total)]

    def handler(request: httpx.Request) -> httpx.Response:
        marker = request.url.params.get("marker")
        start = (
            next(i + 1 for i, owner in enumerate(owners) if owner["id"] == marker) if marker else 0
        )
        limit = int(request.url.params.get("limit", "3"))
        return httpx.Response(200, json={"owners": owners[start : start + limit]})

    return handler


def recording(handler: Handler, seen: list[httpx.Request]) -> Handler:
    def wrapper(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request)

    return wrapper


def test_offset_pagination_iterates_every_page(petstore: ModuleType) -> None:
    seen: list[httpx.Request] = []
    with make_client(petstore, recording(pet_pages(5), seen)) as client:
        names = [pet.id_ for pet in client.iter_list_pets(limit=2)]
    assert names == ["p0", "p1", "p2", "p3", "p4"]
    assert [request.url.params.get("offset") for request in seen] == [None, "2", "4"]


def test_offset_pagination_without_limit_stops_on_an_empty_page(petstore: ModuleType) -> None:
    seen: list[httpx.Request] = []
    with make_client(petstore, recording(pet_pages(4), seen)) as client:
        assert len(list(client.iter_list_pets())) == 4
    assert [request.url.params.get("offset") for request in seen] == [None, "3", "4"]


def test_marker_pagination_passes_the_last_id(petstore: ModuleType) -> None:
    seen: list[httpx.Request] = []
    with make_client(petstore, recording(owner_pages(5), seen)) as client:
        ids = [owner.id_ for owner in client.iter_list_owners(limit=2)]
    assert ids == ["o0", "o1", "o2", "o3", "o4"]
    assert [request.url.params.get("marker") for request in seen] == [None, "o1", "o3"]


def test_async_client_has_the_same_operations(petstore: ModuleType) -> None:
    errors = submodule(petstore, "errors")

    async def scenario() -> tuple[Any, list[str], list[str]]:
        recorder = Recorder(httpx.Response(503), httpx.Response(200, json=PET), httpx.Response(404))
        retry = petstore.RetryPolicy(backoff_factor=0.0)
        async with make_async_client(petstore, recorder, retry=retry) as client:
            pet = await client.show_pet(pet_id="p1")
            with pytest.raises(errors.NotFoundError):
                await client.show_pet(pet_id="p2")
        async with make_async_client(petstore, pet_pages(5)) as client:
            pets = [pet.id_ async for pet in client.iter_list_pets(limit=2)]
        async with make_async_client(petstore, owner_pages(4)) as client:
            owners = [owner.id_ async for owner in client.iter_list_owners()]
        return pet, pets, owners

    pet, pets, owners = asyncio.run(scenario())
    assert pet.name == "Rex"
    assert pets == ["p0", "p1", "p2", "p3", "p4"]
    assert owners == ["o0", "o1", "o2", "o3"]


def test_client_signatures_are_keyword_only_and_typed(petstore: ModuleType) -> None:
    client_module = submodule(petstore, "client")
    operations = {"list_pets", "create_pet", "show_pet", "update_pet", "delete_pet", "list_owners"}
    for cls in (client_module.Client, client_module.AsyncClient):
        public = {name for name in vars(cls) if not name.startswith("_")}
        paginators = {"iter_list_pets", "iter_list_owners"}
        raw = {f"{name}_raw" for name in operations}
        assert public == operations | raw | paginators | {
            "config",
            "close" if cls is client_module.Client else "aclose",
        }
    with pytest.raises(TypeError):
        client_module.Client(petstore.ClientConfig(project_id="p")).show_pet("p1")


def test_spec_examples_round_trip_through_the_models(
    petstore: ModuleType, petstore_spec: dict[str, Any]
) -> None:
    models = submodule(petstore, "models")
    pets = petstore_spec["paths"]["/v2/{project_id}/pets"]
    examples = [
        (models.ListPetsResponse, pets["get"]["responses"]["200"]["content"]["application/json"]),
        (models.CreatePetRequest, pets["post"]["requestBody"]["content"]["application/json"]),
    ]
    for model, content in examples:
        for example in content["examples"].values():
            parsed = model.model_validate(example["value"])
            dumped = parsed.model_dump(mode="json", by_alias=True, exclude_unset=True)
            assert dumped == example["value"]


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    slept: list[float] = []
    monkeypatch.setattr("time.sleep", slept.append)
    yield slept


def test_backoff_sleeps_between_attempts(petstore: ModuleType, no_sleep: list[float]) -> None:
    recorder = Recorder(httpx.Response(503), httpx.Response(503), httpx.Response(200, json=PET))
    with make_client(petstore, recorder) as client:
        client.show_pet(pet_id="p1")
    assert no_sleep == [0.5, 1.0]
