"""The generated DCS client against a real mock server: Prism, serving the scraped spec.

Prism runs with ``--errors``: a request that breaks the spec (a missing or mistyped
parameter, a body its schema rejects) is answered with an error and an ``sl-violations``
header naming the violations. Every operation with a documented response is called through
the synchronous client with arguments built from the spec (the request example where there
is one, else the smallest body the schema accepts); Prism must accept each request, and the
client must parse Prism's answer into the declared model. A forced 400 (``Prefer: code=400``)
must raise the typed error, and the asynchronous client runs a few operations too.

Prism comes from ``tools/consumers`` (``tools/install-consumers.sh``), ``$PRISM_BIN`` or the
PATH; without it the tests skip and say so.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pydantic
import pytest

from .support import GeneratedClient, GeneratedClients, SpecOperation, figure, snake_case
from .support import spec_operations as all_operations

REPO = Path(__file__).resolve().parents[3]
CONSUMERS_PRISM = REPO / "tools" / "consumers" / "node_modules" / ".bin" / "prism"
STARTUP_SECONDS = 90.0
PROJECT_ID = "0123456789abcdef0123456789abcdef"
DUMMY_STRING = "dummy-id"
_FORMATS = {
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "uuid": "00000000-0000-4000-8000-000000000000",
    "email": "user@example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "uri": "https://example.com/",
    "hostname": "example.com",
}


def prism_binary() -> str:
    """Where Prism is, or a skip that says how to get it."""
    candidates = [os.environ.get("PRISM_BIN", ""), str(CONSUMERS_PRISM), shutil.which("prism")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    pytest.skip(
        "PRISM NOT FOUND: the end-to-end test of the generated client against a mock server "
        "did not run. Install it with tools/install-consumers.sh (tools/consumers), put "
        "`prism` on the PATH, or set PRISM_BIN (npm install --prefix DIR @stoplight/prism-cli)."
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Prism:
    base_url: str
    process: subprocess.Popen[bytes]
    log: Path

    def log_tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-4000:]


def wait_until_ready(prism: Prism) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if prism.process.poll() is not None:
            pytest.fail(f"prism exited with {prism.process.returncode}:\n{prism.log_tail()}")
        try:
            httpx.get(prism.base_url + "/", timeout=2.0)
        except httpx.TransportError:
            time.sleep(0.25)
        else:
            return
    pytest.fail(f"prism did not answer within {STARTUP_SECONDS:.0f} s:\n{prism.log_tail()}")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop Prism and whatever it started (its own process group)."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def dcs(generated_clients: GeneratedClients) -> GeneratedClient:
    return generated_clients("dcs")


@pytest.fixture(scope="module")
def prism(dcs: GeneratedClient, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Prism]:
    binary = prism_binary()
    folder = tmp_path_factory.mktemp("prism")
    spec = folder / "openapi.json"
    spec.write_text(json.dumps(dcs.document, indent=1), encoding="utf-8")
    port = free_port()
    log = folder / "prism.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [binary, "mock", str(spec), "-h", "127.0.0.1", "-p", str(port), "--errors"],
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    server = Prism(f"http://127.0.0.1:{port}", process, log)
    try:
        wait_until_ready(server)
        yield server
    finally:
        stop(process)


@dataclass(frozen=True)
class Exchange:
    method: str
    url: str
    status: int
    violations: str
    """Prism's ``sl-violations`` header: a JSON list of what the request got wrong."""

    @property
    def errors(self) -> list[Any]:
        """The violations of severity ``Error`` (warnings do not make Prism reject)."""
        found = json.loads(self.violations) if self.violations else []
        return [
            item for item in found if not isinstance(item, dict) or item.get("severity") == "Error"
        ]


@dataclass
class Recorder:
    """What went over the wire, as Prism saw it."""

    exchanges: list[Exchange] = field(default_factory=list)

    def record(self, request: httpx.Request, response: httpx.Response) -> None:
        violations = response.headers.get("sl-violations", "")
        self.exchanges.append(
            Exchange(request.method, str(request.url), response.status_code, violations)
        )

    @property
    def last(self) -> Exchange:
        return self.exchanges[-1]


class RecordingTransport(httpx.HTTPTransport):
    def __init__(self, recorder: Recorder) -> None:
        super().__init__()
        self._recorder = recorder

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        self._recorder.record(request, response)
        return response


class AsyncRecordingTransport(httpx.AsyncHTTPTransport):
    def __init__(self, recorder: Recorder) -> None:
        super().__init__()
        self._recorder = recorder

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await super().handle_async_request(request)
        self._recorder.record(request, response)
        return response


def client_config(package: Any, prism: Prism) -> Any:
    return package.ClientConfig(
        base_url=prism.base_url,
        project_id=PROJECT_ID,
        auth=package.TokenAuth("dummy-token"),
        retry=package.RetryPolicy(max_retries=0),
    )


class SchemaValues:
    """Values that a schema accepts: the smallest object (required fields only), the first
    enum value, bounds respected."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self._document = document

    def resolve(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        seen = 0
        while "$ref" in schema and seen < 32:
            node: Any = self._document
            for token in str(schema["$ref"]).removeprefix("#/").split("/"):
                node = node[token.replace("~1", "/").replace("~0", "~")]
            schema, seen = node, seen + 1
        return schema

    def minimal(self, schema: Mapping[str, Any]) -> Any:
        schema = self.resolve(schema)
        if schema.get("enum"):
            return next(value for value in schema["enum"] if value is not None)
        if "allOf" in schema:
            merged: dict[str, Any] = {}
            for member in schema["allOf"]:
                merged.update(self.minimal(member))
            return merged
        for keyword in ("oneOf", "anyOf"):
            if schema.get(keyword):
                return self.minimal(schema[keyword][0])
        kind = schema.get("type")
        if kind == "object" or "properties" in schema:
            properties = schema.get("properties", {})
            return {
                name: self.minimal(properties.get(name, {})) for name in schema.get("required", [])
            }
        if kind == "array":
            return [self.minimal(schema.get("items", {})) for _ in range(schema.get("minItems", 0))]
        if kind in ("integer", "number"):
            return self.number(schema)
        if kind == "boolean":
            return False
        if kind == "string":
            return self.string(schema)
        return DUMMY_STRING

    @staticmethod
    def number(schema: Mapping[str, Any]) -> int | float:
        value = schema.get("minimum", 1)
        if schema.get("exclusiveMinimum") is True:
            value += 1
        if "maximum" in schema:
            value = min(value, schema["maximum"])
        return value if schema.get("type") == "number" else int(value)

    @staticmethod
    def string(schema: Mapping[str, Any]) -> str:
        if schema.get("format") in _FORMATS:
            return _FORMATS[schema["format"]]
        text = DUMMY_STRING.ljust(schema.get("minLength", 0), "x")
        return text[: schema["maxLength"]] if "maxLength" in schema else text


@dataclass(frozen=True)
class Call:
    """One operation, the generated method that sends it, and the arguments for it."""

    operation: SpecOperation
    method_name: str
    arguments: dict[str, Any]


def arguments_for(operation: SpecOperation, method: Any, values: SchemaValues) -> dict[str, Any]:
    """Required parameters (path, query, header) and the body, by argument name."""
    signature = inspect.signature(method)
    hints = typing.get_type_hints(method)
    arguments: dict[str, Any] = {}
    for raw in operation.node.get("parameters", []):
        parameter = values.resolve(raw)
        if not parameter.get("required") or parameter["name"] == "project_id":
            continue
        name = snake_case(parameter["name"])
        name = name if name in signature.parameters else name + "_"
        if parameter["in"] == "header" and name not in signature.parameters:
            continue  # set by the auth object or by httpx (X-Auth-Token, Content-Type)
        assert name in signature.parameters, f"{operation.operation_id}: no argument {name}"
        arguments[name] = values.minimal(parameter.get("schema", {"type": "string"}))
    if "requestBody" in operation.node:
        media = values.resolve(operation.node["requestBody"])["content"]["application/json"]
        examples = list(media.get("examples", {}).values())
        body = examples[0]["value"] if examples else values.minimal(media["schema"])
        adapter: pydantic.TypeAdapter[Any] = pydantic.TypeAdapter(hints["body"])
        arguments["body"] = adapter.validate_python(body)
    return arguments


def calls(client: GeneratedClient, client_class: type) -> list[Call]:
    values = SchemaValues(client.document)
    found = []
    for operation in all_operations(client.document):
        if not operation.node.get("responses"):
            continue
        name = snake_case(operation.operation_id)
        arguments = arguments_for(operation, getattr(client_class, name), values)
        found.append(Call(operation, name, arguments))
    return found


def matches(value: Any, annotation: Any) -> bool:
    """``value`` is of the annotated type (outer types only: parsing checked the rest)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return any(matches(value, option) for option in typing.get_args(annotation))
    if annotation is Any:
        return True
    if annotation is None or annotation is type(None):
        return value is None
    return isinstance(value, origin or annotation)


def check_result(call: Call, method: Any, result: Any, exchange: Exchange) -> str:
    """What is wrong with one call ("" when nothing is)."""
    where = f"{call.operation.method} {call.operation.path} ({call.method_name})"
    if exchange.errors:
        return f"{where}: prism reports violations {exchange.errors}"
    if not 200 <= exchange.status < 300:
        return f"{where}: prism answered {exchange.status}"
    response = call.operation.node["responses"].get(str(exchange.status), {})
    if result is None:
        return "" if not response.get("content") else f"{where}: None for a {exchange.status} body"
    declared = typing.get_type_hints(method)["return"]
    if not matches(result, declared):
        return f"{where}: {type(result).__name__} is not {declared}"
    if response.get("content", {}).get("application/json", {}).get("schema", {}).get("$ref"):
        if not isinstance(result, pydantic.BaseModel):
            return f"{where}: {type(result).__name__} is not a model"
    return ""


def test_every_operation_is_accepted_by_prism_and_parsed(
    dcs: GeneratedClient, prism: Prism
) -> None:
    package = dcs.module()
    recorder = Recorder()
    problems = []
    with package.Client(
        client_config(package, prism), transport=RecordingTransport(recorder)
    ) as client:
        planned = calls(dcs, type(client))
        for call in planned:
            method = getattr(client, call.method_name)
            try:
                result = method(**call.arguments)
            except package.ApiError as error:
                problems.append(f"{call.method_name}: raised {error!r}: {recorder.last}")
                continue
            except pydantic.ValidationError as error:
                problems.append(f"{call.method_name}: answer not parsed: {error}")
                continue
            problem = check_result(call, method, result, recorder.last)
            if problem:
                problems.append(problem)
    passed = len(planned) - len(problems)
    with_body = sum(1 for call in planned if "body" in call.arguments)
    figure(
        f"prism (dcs): {len(planned)} operations called through Client, {passed} accepted by "
        f"Prism and parsed ({with_body} with a request body); {len(recorder.exchanges)} requests"
    )
    assert planned, "the spec has no operation with a documented response"
    assert not problems, "\n".join(problems)


def test_a_documented_error_raises_its_typed_exception(dcs: GeneratedClient, prism: Prism) -> None:
    package = dcs.module()
    errors = dcs.module("errors")
    values = SchemaValues(dcs.document)
    candidates = [
        op
        for op in all_operations(dcs.document)
        if op.method == "GET"
        and "application/json" in op.node["responses"].get("400", {}).get("content", {})
    ]
    assert candidates, "no GET operation documents a 400 body"
    # One whose 400 has an example, if any: Prism answers with it, so the body is known.
    operation = max(
        candidates,
        key=lambda op: bool(
            op.node["responses"]["400"]["content"]["application/json"].get("examples")
        ),
    )
    media = operation.node["responses"]["400"]["content"]["application/json"]
    recorder = Recorder()
    with package.Client(
        client_config(package, prism), transport=RecordingTransport(recorder)
    ) as client:
        method = getattr(client, snake_case(operation.operation_id))
        arguments = arguments_for(operation, method, values)
        with pytest.raises(errors.BadRequestError) as caught:
            method(**arguments, extra_headers={"Prefer": "code=400"})
    error = caught.value
    assert error.status_code == 400
    assert recorder.last.status == 400
    assert not recorder.last.errors
    assert isinstance(error.body, pydantic.BaseModel), f"error body not parsed: {error.body!r}"
    examples = list(media.get("examples", {}).values())
    expected = examples[0]["value"] if examples else None
    if expected is not None:
        assert error.body.model_dump(by_alias=True, exclude_unset=True, mode="json") == expected
    figure(
        f"prism (dcs): forced 400 on {operation.operation_id} raised "
        f"{type(error).__name__} with body {type(error.body).__name__} ({error.error_code})"
    )


def test_the_async_client_works_against_prism(dcs: GeneratedClient, prism: Prism) -> None:
    package = dcs.module()
    planned = calls(dcs, package.AsyncClient)
    chosen = [call for call in planned if call.operation.method == "GET"][:3]
    chosen += [call for call in planned if "body" in call.arguments][:2]
    recorder = Recorder()

    async def scenario() -> list[tuple[Call, Any, Any, Exchange]]:
        results = []
        config = client_config(package, prism)
        async with package.AsyncClient(
            config, transport=AsyncRecordingTransport(recorder)
        ) as client:
            for call in chosen:
                method = getattr(client, call.method_name)
                result = await method(**call.arguments)
                results.append((call, method, result, recorder.last))
        return results

    problems = [check_result(*outcome) for outcome in asyncio.run(scenario())]
    assert not any(problems), "\n".join(problem for problem in problems if problem)
    figure(f"prism (dcs): {len(chosen)} operations called through AsyncClient, all accepted")
