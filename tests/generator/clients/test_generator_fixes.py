"""Generator behaviour that the real clients needed, on a small embedded spec.

- ``extra_headers`` on every method: headers for one request (Prism's ``Prefer`` header),
  winning over documented header parameters and ``ClientConfig.headers``.
- A paged list whose operation also documents a body-less success (DCS: ``204`` when there
  are no records): the page may be None, and the iterator stops there instead of failing. A
  2xx it does not document raises ``UnexpectedStatus`` in the iterator.
"""

from __future__ import annotations

import asyncio
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

PACKAGE = "records_fix_client"
SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Records", "version": "1.0"},
    "servers": [{"url": "https://records.example.com"}],
    "paths": {
        "/v1/{project_id}/records": {
            "get": {
                "operationId": "ListRecords",
                "parameters": [
                    {
                        "name": "project_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    {"name": "offset", "in": "query", "schema": {"type": "integer"}},
                    {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                    {"name": "extra_headers", "in": "query", "schema": {"type": "string"}},
                    {"name": "X-Language", "in": "header", "schema": {"type": "string"}},
                ],
                "responses": {
                    "200": {
                        "description": "Records.",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "records": {
                                            "type": "array",
                                            "items": {
                                                "type": "object",
                                                "properties": {"id": {"type": "string"}},
                                            },
                                        }
                                    },
                                }
                            }
                        },
                    },
                    "204": {"description": "No records."},
                },
            }
        }
    },
}


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    project = generate(SPEC, GeneratorOptions(package_name=PACKAGE))
    directory = tmp_path_factory.mktemp("records")
    write_project(project, directory, check=False)
    sys.path.insert(0, str(directory))
    importlib.invalidate_caches()
    yield importlib.import_module(PACKAGE)
    for name in [m for m in sys.modules if m.split(".")[0] == PACKAGE]:
        del sys.modules[name]
    sys.path.remove(str(directory))


def pages(sizes: list[int], seen: list[httpx.Request]) -> httpx.MockTransport:
    """Pages of ``sizes`` records, then 204 No Content."""

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        number = len(seen) - 1
        if number >= len(sizes):
            return httpx.Response(204)
        first = sum(sizes[:number])
        items = [{"id": f"r{first + i}"} for i in range(sizes[number])]
        return httpx.Response(200, json={"records": items})

    return httpx.MockTransport(handler)


def config(records: ModuleType, **options: Any) -> Any:
    return records.ClientConfig(project_id="p", **options)


def test_extra_headers_are_sent_and_win(records: ModuleType) -> None:
    seen: list[httpx.Request] = []
    options = {"headers": {"X-Trace": "config", "X-Language": "de"}}
    with records.Client(config(records, **options), transport=pages([1], seen)) as client:
        client.list_records(
            x_language="en", extra_headers_2="q", extra_headers={"X-Trace": "call", "Prefer": "a"}
        )
        client.list_records(x_language="en")
    first, second = seen
    assert (first.headers["X-Trace"], first.headers["Prefer"]) == ("call", "a")
    assert first.headers["X-Language"] == "en"
    assert first.url.params["extra_headers"] == "q"
    assert second.headers["X-Trace"] == "config" and "Prefer" not in second.headers


def test_paging_stops_on_a_no_content_page(records: ModuleType) -> None:
    seen: list[httpx.Request] = []
    with records.Client(config(records), transport=pages([2, 2], seen)) as client:
        ids = [record.id_ for record in client.iter_list_records(extra_headers={"Prefer": "x"})]
    assert ids == ["r0", "r1", "r2", "r3"]
    assert [request.url.params.get("offset") for request in seen] == [None, "2", "4"]
    assert all(request.headers["Prefer"] == "x" for request in seen)


def test_async_paging_stops_on_a_no_content_page(records: ModuleType) -> None:
    seen: list[httpx.Request] = []

    async def scenario() -> list[str]:
        async with records.AsyncClient(config(records), transport=pages([3], seen)) as client:
            return [record.id_ async for record in client.iter_list_records(limit=5)]

    assert asyncio.run(scenario()) == ["r0", "r1", "r2"]
    assert len(seen) == 1


def test_paging_on_an_undocumented_2xx_raises_unexpected_status(records: ModuleType) -> None:
    """The method returns the response of a 2xx it does not document; the iterator cannot
    read a page from it and says so."""
    errors = importlib.import_module(f"{PACKAGE}.errors")
    transport = httpx.MockTransport(lambda request: httpx.Response(206, json={"records": []}))
    with records.Client(config(records), transport=transport) as client:
        assert isinstance(client.list_records(), httpx.Response)
        with pytest.raises(errors.UnexpectedStatus) as caught:
            list(client.iter_list_records())
    assert caught.value.status_code == 206


def test_generated_code_with_optional_pages_passes_mypy_strict(tmp_path: Path) -> None:
    project = generate(SPEC, GeneratorOptions(package_name=PACKAGE))
    write_project(project, tmp_path, check=False)
    arguments = ["mypy", "--strict", "--cache-dir", str(tmp_path / ".mypy-cache"), PACKAGE]
    result = subprocess.run(
        [sys.executable, "-m", *arguments],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
