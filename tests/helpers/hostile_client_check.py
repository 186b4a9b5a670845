"""Run generated clients in a fresh interpreter: the runtime half of ``hostile_specs``.

    python -I -S -W error tests/helpers/hostile_client_check.py SITE MARKER

reads requests from stdin, one JSON line each (``[[folder, package], ...]``), and answers each
with one JSON line: the value the environment variable ``MARKER`` got (no document text may
set it) and the problems found. Serving many requests spares each the import of pydantic and
httpx; between requests the packages are forgotten (``sys.modules``, ``sys.path``).

``-I -S`` leave ``sys.path`` to the standard library; this script adds ``SITE`` (the
site-packages holding pydantic and httpx) and, for one request, the packages' folders,
nothing else. For each package it
imports every module, checks that every model is complete (rebuilt where it refers to a class
defined after it) and has a JSON schema, creates ``Client`` and ``AsyncClient``, and calls
every operation (and ``iter_`` method) of both against an ``httpx.MockTransport`` that answers
with a success, an empty success, a documented-looking error and an undocumented status, and
checks that every request goes to the configured base URL, whatever the path and whatever the
path parameters (``..`` among them). Only the client's ``ApiError`` is expected (its
``ResponseValidationError`` for a mock body that does not fit); any other exception, a bare
``pydantic.ValidationError`` among them, is a problem.
"""

from __future__ import annotations

import asyncio
import enum
import importlib
import inspect
import json
import os
import sys
import traceback
import types
import typing
from collections.abc import Callable
from typing import Any

# -I -S leave sys.path to the standard library: SITE comes first.
SITE, MARKER = sys.argv[1], sys.argv[2]
sys.path.insert(0, SITE)

import httpx  # noqa: E402
from pydantic import BaseModel  # noqa: E402

# Each call answered alike, and the text of its string arguments (path segments among them).
CALLS = (
    (200, b"{}", "a b/c?d#e"),
    (204, b"", ".."),
    (404, b'{"error": {"code": "x"}}', "."),
    (599, b"x", "%2F%2E%2E"),
)
MAX_ITEMS = 3
HOST = "example.invalid"
MAX_DEPTH = 4


def sample(annotation: Any, text: str, depth: int = 0) -> Any:
    """A value of the annotated type (``text`` for strings); models get their required
    fields, to some depth."""
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        options = [option for option in arguments if option is not type(None)]
        return sample(options[0], text, depth) if options else None
    if origin is list:
        return [sample(arguments[0], text, depth + 1)] if depth < MAX_DEPTH else []
    if origin is dict:
        return {"key": sample(arguments[1], text, depth + 1)} if depth < MAX_DEPTH else {}
    samples: dict[Any, Any] = {str: text, int: 1, float: 1.5, bool: True, bytes: b"b"}
    if annotation in samples:
        return samples[annotation]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        required = {
            name: sample(field.annotation, text, depth + 1)
            for name, field in annotation.model_fields.items()
            if field.is_required()
        }
        return annotation.model_construct(**required)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return next(iter(annotation))
    return None


def arguments_of(method: Callable[..., Any], text: str) -> dict[str, Any]:
    """Values for the required keyword arguments of a client method."""
    hints = typing.get_type_hints(method)
    return {
        name: sample(hints[name], text)
        for name, parameter in inspect.signature(method).parameters.items()
        if parameter.default is inspect.Parameter.empty
    }


def operations(client: object) -> list[str]:
    """The operation methods (and their ``iter_`` methods) of a client."""
    return [
        name
        for name, _ in inspect.getmembers(type(client), inspect.isfunction)
        if not name.startswith("_") and name not in ("close", "aclose")
    ]


class Calls:
    """Calls every operation of one package's clients; unexpected exceptions are problems."""

    def __init__(self, name: str, problems: list[str]) -> None:
        self.name = name
        self.problems = problems
        self.package = importlib.import_module(name)
        errors = importlib.import_module(f"{name}.errors")
        self.expected = (errors.ApiError,)

    def config(self) -> Any:
        return self.package.ClientConfig(base_url=f"https://{HOST}/base", project_id="p")

    def transport(self, status: int, content: bytes) -> httpx.MockTransport:
        """Answers every request alike; a request for another host is a problem."""

        def answer(request: httpx.Request) -> httpx.Response:
            if request.url.host != HOST or not request.url.path.startswith("/base/"):
                self.problems.append(f"{self.name}: a request went to {request.url}")
            return httpx.Response(status, content=content)

        return httpx.MockTransport(answer)

    def failed(self, method: str, status: int) -> None:
        detail = traceback.format_exc(limit=-6)
        self.problems.append(f"{self.name}: {method} given a {status} response: {detail}")

    def sync(self, status: int, content: bytes, text: str) -> None:
        transport = self.transport(status, content)
        with self.package.Client(self.config(), transport=transport) as client:
            for name in operations(client):
                method = getattr(client, name)
                try:
                    result = method(**arguments_of(method, text))
                    if inspect.isgeneratorfunction(method):
                        for index, _ in enumerate(result):
                            if index + 1 >= MAX_ITEMS:
                                break
                except self.expected:
                    pass
                except Exception:
                    self.failed(name, status)

    async def asynchronous(self, status: int, content: bytes, text: str) -> None:
        transport = self.transport(status, content)
        async with self.package.AsyncClient(self.config(), transport=transport) as client:
            for name in operations(client):
                method = getattr(client, name)
                try:
                    if inspect.isasyncgenfunction(method):
                        count = 0
                        async for _ in method(**arguments_of(method, text)):
                            count += 1
                            if count >= MAX_ITEMS:
                                break
                    else:
                        await method(**arguments_of(method, text))
                except self.expected:
                    pass
                except Exception:
                    self.failed(f"async {name}", status)


def check_package(name: str, problems: list[str]) -> None:
    package = importlib.import_module(name)
    for module in ("models", "errors", "auth", "config", "client", "_runtime", "response"):
        importlib.import_module(f"{name}.{module}")
    models = sys.modules[f"{name}.models"]
    for attribute, value in vars(models).items():
        if isinstance(value, type) and issubclass(value, BaseModel) and value is not BaseModel:
            if not value.__pydantic_complete__:
                problems.append(f"{name}: model {attribute} is not complete")
            value.model_json_schema()
    try:
        package.ClientConfig().resolved_base_url()
    except package.ConfigError:
        pass
    calls = Calls(name, problems)
    for status, content, text in CALLS:
        calls.sync(status, content, text)
        asyncio.run(calls.asynchronous(status, content, text))
    missing = set(package.__all__) - set(dir(package))
    if missing:  # the lazy package must list what it exports
        problems.append(f"{name}: dir() lacks {sorted(missing)}")


def check(packages: list[list[str]]) -> dict[str, Any]:
    """Check the packages of one request, then forget them."""
    folders = [folder for folder, _ in packages]
    sys.path[:0] = folders
    problems: list[str] = []
    try:
        for _, name in packages:
            try:
                check_package(name, problems)
            except Exception:
                problems.append(f"{name}: {traceback.format_exc(limit=-8)}")
    finally:
        del sys.path[: len(folders)]
        names = {name for _, name in packages}
        for module in [m for m in sys.modules if m.split(".", 1)[0] in names]:
            del sys.modules[module]
        importlib.invalidate_caches()
    return {"marker": os.environ.pop(MARKER, None), "problems": list(dict.fromkeys(problems))}


def main() -> None:
    answers, sys.stdout = sys.stdout, sys.stderr  # nothing else may write an answer line
    for line in sys.stdin:
        print(json.dumps(check(json.loads(line))), file=answers, flush=True)


if __name__ == "__main__":
    main()
