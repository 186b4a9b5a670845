"""The generated clients of DCS and EVS against a real mock server: Prism, serving the spec.

Prism runs with ``--errors``: a request that breaks the spec (a missing or mistyped
parameter, a body its schema rejects) is answered with an error and an ``sl-violations``
header naming the violations. For each service (one Prism process each):

- every operation with a documented response is called through the synchronous client with
  arguments built from the spec (the request example where there is one, else the smallest
  body the schema accepts); Prism must accept each request, and the client must parse the
  answer as documented for its status;
- every documented 2xx of an operation with several (``Prefer: code=202``) is asked for through
  the ``_raw`` form, which must return that status, its headers and the body parsed for it;
- a transport in front of Prism turns each JSON answer into one of another shape (an object
  into a list of it): every operation whose answer has a schema must raise
  ``ResponseValidationError`` with the response attached;
- a forced 400 (``Prefer: code=400``) raises the typed error, and the asynchronous client runs
  a few operations with mapping bodies.
"""

from __future__ import annotations

import asyncio
import inspect
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import httpx
import pydantic
import pytest

from .prism import (
    AsyncRecordingTransport,
    Exchange,
    Prism,
    Recorder,
    RecordingTransport,
    running_prism,
)
from .support import GeneratedClient, GeneratedClients, SpecOperation, figure, snake_case
from .support import spec_operations as all_operations

SERVICES_UNDER_PRISM = ("dcs", "evs")
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
NO_CONTENT = frozenset({204, 205})


@pytest.fixture(scope="module", params=SERVICES_UNDER_PRISM)
def generated(
    request: pytest.FixtureRequest, generated_clients: GeneratedClients
) -> GeneratedClient:
    service: str = request.param
    return generated_clients(service)


@pytest.fixture(scope="module")
def prism(generated: GeneratedClient, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Prism]:
    folder = tmp_path_factory.mktemp(f"prism-{generated.service}")
    with running_prism(generated.document, folder) as server:
        yield server


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

    @property
    def where(self) -> str:
        return f"{self.operation.method} {self.operation.path} ({self.method_name})"


def _union_members(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return typing.get_args(annotation)
    return (annotation,)


def body_argument(annotation: Any, value: Any, *, as_mapping: bool) -> Any:
    """The body as its model (or as the mapping itself, which the client sends as given)."""
    members = _union_members(annotation)
    if as_mapping and any(typing.get_origin(m) is Mapping for m in members):
        return value
    models = [m for m in members if isinstance(m, type) and issubclass(m, pydantic.BaseModel)]
    if len(models) == 1:  # a model body: ``Model | Mapping[str, Any]``
        return models[0].model_validate(value)
    adapter: pydantic.TypeAdapter[Any] = pydantic.TypeAdapter(annotation)
    return adapter.validate_python(value)


def arguments_for(
    operation: SpecOperation, method: Any, values: SchemaValues, *, as_mapping: bool = False
) -> dict[str, Any]:
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
        arguments["body"] = body_argument(hints["body"], body, as_mapping=as_mapping)
    return arguments


def calls(client: GeneratedClient, client_class: type, *, as_mapping: bool = False) -> list[Call]:
    values = SchemaValues(client.document)
    found = []
    for operation in all_operations(client.document):
        if not operation.node.get("responses"):
            continue
        name = snake_case(operation.operation_id)
        method = getattr(client_class, name)
        arguments = arguments_for(operation, method, values, as_mapping=as_mapping)
        found.append(Call(operation, name, arguments))
    return found


def matches(value: Any, annotation: Any) -> bool:
    """``value`` is of the annotated type (outer types only: parsing checked the rest)."""
    if annotation is Any:
        return True
    if annotation is None or annotation is type(None):
        return value is None
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return any(matches(value, option) for option in typing.get_args(annotation))
    return isinstance(value, typing.get_origin(annotation) or annotation)


def json_schema(operation: SpecOperation, status: int) -> Mapping[str, Any] | None:
    """The JSON schema documented for a status (None: no JSON body is documented)."""
    response = operation.node["responses"].get(str(status), {})
    if status in NO_CONTENT:
        return None
    media = response.get("content", {}).get("application/json")
    return None if media is None else media.get("schema", {})


def check_parsed(call: Call, method: Any, parsed: Any, exchange: Exchange) -> str:
    """What is wrong with the parsed answer to one call ("" when nothing is)."""
    status = exchange.status
    if exchange.errors:
        return f"{call.where}: prism reports violations {exchange.errors}"
    if not 200 <= status < 400:  # a documented 3xx (a version list's 300) is an answer too
        return f"{call.where}: prism answered {status}"
    if str(status) not in call.operation.node["responses"]:
        return f"{call.where}: prism answered the undocumented {status}"
    if isinstance(parsed, httpx.Response):
        return f"{call.where}: the documented {status} was returned unparsed"
    declared = typing.get_type_hints(method)["return"]
    if not matches(parsed, declared):
        return f"{call.where}: {type(parsed).__name__} is not {declared}"
    schema = json_schema(call.operation, status)
    if schema is None:
        return "" if parsed is None else f"{call.where}: {type(parsed).__name__} for no body"
    if schema.get("$ref") and not isinstance(parsed, pydantic.BaseModel):
        return f"{call.where}: {type(parsed).__name__} for a {status} model"
    if schema.get("type") == "array" and not isinstance(parsed, list):
        return f"{call.where}: {type(parsed).__name__} for a {status} array"
    return ""


def sync_client(generated: GeneratedClient, prism: Prism, transport: Any) -> Any:
    package = generated.module()
    return package.Client(client_config(package, prism), transport=transport)


def test_every_operation_is_accepted_by_prism_and_parsed(
    generated: GeneratedClient, prism: Prism
) -> None:
    errors = generated.module("errors")
    recorder = Recorder()
    problems = []
    with sync_client(generated, prism, RecordingTransport(recorder)) as client:
        planned = calls(generated, type(client))
        for call in planned:
            method = getattr(client, call.method_name)
            try:
                result = method(**call.arguments)
            except errors.ApiError as error:
                problems.append(f"{call.where}: raised {error!r}: {recorder.last}")
                continue
            problems.append(check_parsed(call, method, result, recorder.last))
    problems = [problem for problem in problems if problem]
    passed = len(planned) - len(problems)
    with_body = sum(1 for call in planned if "body" in call.arguments)
    figure(
        f"prism ({generated.service}): {len(planned)} operations called through Client, "
        f"{passed} accepted by Prism and parsed ({with_body} with a request body); "
        f"{len(recorder.exchanges)} requests"
    )
    assert planned, "the spec has no operation with a documented response"
    assert not problems, "\n".join(problems)


def success_statuses(operation: SpecOperation) -> list[int]:
    return sorted(int(key) for key in operation.node["responses"] if key.startswith("2"))


def test_every_documented_2xx_is_parsed_by_the_raw_form(
    generated: GeneratedClient, prism: Prism
) -> None:
    recorder = Recorder()
    problems: list[str] = []
    variants = 0
    with sync_client(generated, prism, RecordingTransport(recorder)) as client:
        planned = [c for c in calls(generated, type(client)) if success_statuses(c.operation)]
        for call in planned:
            raw = getattr(client, f"{call.method_name}_raw")
            for status in success_statuses(call.operation):
                prefer = {"Prefer": f"code={status}"}
                answer = raw(**call.arguments, extra_headers=prefer)
                variants += 1
                if answer.status_code != status or answer.status_code != recorder.last.status:
                    problems.append(f"{call.where}: asked for {status}, got {answer.status_code}")
                elif answer.content and "content-type" not in answer.headers:
                    problems.append(f"{call.where}: the {status} answer lost its headers")
                method = getattr(client, call.method_name)
                problems.append(check_parsed(call, method, answer.parsed, recorder.last))
    problems = [problem for problem in problems if problem]
    several = sum(1 for call in planned if len(success_statuses(call.operation)) > 1)
    figure(
        f"prism ({generated.service}): {variants} documented 2xx answers of {len(planned)} "
        f"operations ({several} with several 2xx) parsed by the _raw form"
    )
    assert several, "no operation documents two 2xx statuses: the variants are not exercised"
    assert not problems, "\n".join(problems)


def another_shape(body: Any) -> Any:
    """A body of the wrong shape: an object becomes a list of it, anything else an object."""
    return [body] if isinstance(body, dict) else {"unexpected": body}


def test_a_body_of_another_shape_raises_response_validation_error(
    generated: GeneratedClient, prism: Prism
) -> None:
    errors = generated.module("errors")
    recorder = Recorder()
    problems: list[str] = []
    raised = 0
    with sync_client(generated, prism, RecordingTransport(recorder, another_shape)) as client:
        for call in calls(generated, type(client)):
            try:
                getattr(client, call.method_name)(**call.arguments)
            except errors.ResponseValidationError as error:
                raised += 1
                problems.append(check_validation_error(call, error, recorder.last))
                continue
            schema = json_schema(call.operation, recorder.last.status)
            if schema and (schema.get("$ref") or schema.get("type") in ("object", "array")):
                problems.append(f"{call.where}: a {recorder.last.status} body of another shape")
    problems = [problem for problem in problems if problem]
    figure(
        f"prism ({generated.service}): {raised} answers of another shape raised "
        "ResponseValidationError with the response attached"
    )
    assert raised, "no operation answers with a JSON body"
    assert not problems, "\n".join(problems)


def check_validation_error(call: Call, error: Any, exchange: Exchange) -> str:
    """The error carries the response Prism sent (as corrupted) and what did not match."""
    response = error.response
    if not isinstance(response, httpx.Response) or response.status_code != exchange.status:
        return f"{call.where}: the error carries {response!r}, not the {exchange.status} answer"
    if error.body != response.json() or not isinstance(error.body, list | dict):
        return f"{call.where}: error body {error.body!r} is not the answer's"
    if not isinstance(error.validation_error, pydantic.ValidationError):
        return f"{call.where}: no pydantic error attached"
    if error.headers.get("content-type", "").split(";")[0] != "application/json":
        return f"{call.where}: the answer's headers are not attached"
    return ""


def test_a_documented_error_raises_its_typed_exception(
    generated: GeneratedClient, prism: Prism
) -> None:
    errors = generated.module("errors")
    values = SchemaValues(generated.document)
    candidates = [
        op
        for op in all_operations(generated.document)
        if "application/json" in op.node["responses"].get("400", {}).get("content", {})
    ]
    assert candidates, "no operation documents a 400 body"
    # One whose 400 has an example, if any (Prism answers with it, so the body is known),
    # a GET where there is one.
    operation = max(
        candidates,
        key=lambda op: (
            bool(op.node["responses"]["400"]["content"]["application/json"].get("examples")),
            op.method == "GET",
        ),
    )
    media = operation.node["responses"]["400"]["content"]["application/json"]
    recorder = Recorder()
    with sync_client(generated, prism, RecordingTransport(recorder)) as client:
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
        f"prism ({generated.service}): forced 400 on {operation.operation_id} raised "
        f"{type(error).__name__} with body {type(error.body).__name__} ({error.error_code})"
    )


def test_the_async_client_works_against_prism(generated: GeneratedClient, prism: Prism) -> None:
    package = generated.module()
    planned = calls(generated, package.AsyncClient, as_mapping=True)
    chosen = [call for call in planned if call.operation.method == "GET"][:3]
    chosen += [call for call in planned if isinstance(call.arguments.get("body"), dict)][:3]
    recorder = Recorder()

    async def scenario() -> list[str]:
        problems = []
        config = client_config(package, prism)
        transport = AsyncRecordingTransport(recorder)
        async with package.AsyncClient(config, transport=transport) as client:
            for call in chosen:
                method = getattr(client, call.method_name)
                result = await method(**call.arguments)
                problems.append(check_parsed(call, method, result, recorder.last))
        return problems

    problems = [problem for problem in asyncio.run(scenario()) if problem]
    assert not problems, "\n".join(problems)
    with_mapping = sum(1 for call in chosen if "body" in call.arguments)
    figure(
        f"prism ({generated.service}): {len(chosen)} operations called through AsyncClient "
        f"({with_mapping} with a mapping body), all accepted"
    )
