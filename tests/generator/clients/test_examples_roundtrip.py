"""Every example body of the corpus specs round-trips through its generated model.

``validate`` then ``dump(by_alias=True, exclude_unset=True, mode="json")`` must give the
example back; keys the tables do not document survive through ``extra="allow"``. Where the
document contradicts itself (an example of another type than its table says), the round
trip may fail: each such failure must then be one the scraper reported, as D402/D403 on the
same page and for the same body. Nothing is hidden: the counts are printed after the run.
"""

from __future__ import annotations

import functools
import operator
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any, assert_never

import pydantic
import pytest

from doc2openapi.diagnostics import Code as ScraperCode
from doc2openapi.generator.build_models import Naming, name_everything
from doc2openapi.generator.model import (
    AnyValue,
    ClassRef,
    DictOf,
    ListOf,
    NoneValue,
    OperationDecl,
    Primitive,
    TypeExpr,
    UnionOf,
)
from doc2openapi.generator.operations import ApiCollector

from .support import SERVICES, GeneratedClient, GeneratedClients, figure, spec_operations

JSON_MEDIA = "application/json"
DOCUMENT_MISMATCH = (ScraperCode.EXAMPLE_UNDOCUMENTED_KEY, ScraperCode.EXAMPLE_TYPE_MISMATCH)
_PRIMITIVES: dict[str, type] = {
    "str": str,
    "int": int,
    "float": float,
    "bool": bool,
    "bytes": bytes,
}


@dataclass(frozen=True)
class BodyExample:
    """One example of the spec: the operation, which body, and the value."""

    operation: str
    pages: frozenset[str]
    label: str
    """``request`` or ``response 200``: as the scraper's diagnostics name the body."""
    name: str
    value: Any
    type: TypeExpr | None


def python_type(expr: TypeExpr, models: ModuleType, naming: Naming) -> Any:
    """The Python type of a type expression, with the generated model classes."""
    match expr:
        case Primitive(name=name):
            return _PRIMITIVES[name]
        case AnyValue():
            return Any
        case NoneValue():
            return type(None)
        case ClassRef(key=key):
            return getattr(models, naming.classes[key])
        case ListOf(item=item):
            return list[python_type(item, models, naming)]  # type: ignore[misc]
        case DictOf(value=value):
            return dict[str, python_type(value, models, naming)]  # type: ignore[misc]
        case UnionOf(options=options):
            return functools.reduce(operator.or_, (python_type(o, models, naming) for o in options))
        case _:
            assert_never(expr)


def _media_examples(content: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    media = content.get(JSON_MEDIA, {})
    for name, example in media.get("examples", {}).items():
        yield name, example.get("value")
    if "example" in media:
        yield "example", media["example"]


def body_examples(client: GeneratedClient) -> Iterator[BodyExample]:
    """The examples of the spec, each with the type the generator gave its body."""
    api = ApiCollector(client.document, lambda diagnostic: None).collect()
    declared: dict[tuple[str, str], OperationDecl] = {
        (op.method, op.path): op for op in api.operations
    }
    for op in spec_operations(client.document):
        decl = declared[(op.method, op.path)]
        request = op.node.get("requestBody", {}).get("content", {})
        for name, value in _media_examples(request):
            body_type = decl.body.type if decl.body else None
            yield BodyExample(op.operation_id, op.pages, "request", name, value, body_type)
        for status, response in op.node.get("responses", {}).items():
            found = [r for r in decl.responses if str(r.status or "default") == status]
            response_type = found[0].type if found else None
            for name, value in _media_examples(response.get("content", {})):
                label = f"response {status}"
                yield BodyExample(op.operation_id, op.pages, label, name, value, response_type)


def round_trip(value: Any, body_type: Any) -> Any:
    if isinstance(body_type, type) and issubclass(body_type, pydantic.BaseModel):
        return body_type.model_validate(value).model_dump(
            by_alias=True, exclude_unset=True, mode="json"
        )
    adapter: pydantic.TypeAdapter[Any] = pydantic.TypeAdapter(body_type)
    return adapter.dump_python(
        adapter.validate_python(value), by_alias=True, exclude_unset=True, mode="json"
    )


def reported(client: GeneratedClient, example: BodyExample) -> list[str]:
    """The D402/D403 diagnostics of the example's pages that name the example's body."""
    return [
        f"{diagnostic.code.value} {diagnostic.page}: {diagnostic.detail}"
        for diagnostic in client.outcome.diagnostics
        if diagnostic.code in DOCUMENT_MISMATCH
        and diagnostic.page in example.pages
        and diagnostic.detail.startswith(f"{example.label} example:")
    ]


@pytest.mark.parametrize("service", sorted(SERVICES))
def test_examples_round_trip_or_are_reported_mismatches(
    service: str, generated_clients: GeneratedClients
) -> None:
    client = generated_clients(service)
    models = client.module("models")
    naming = name_everything(
        ApiCollector(client.document, lambda diagnostic: None).collect().classes,
        lambda diagnostic: None,
    )
    examples = list(body_examples(client))
    untyped = [e for e in examples if e.type is None]
    assert not untyped, f"examples on bodies the generator gave no type: {untyped}"
    passed = 0
    explained: list[tuple[str, list[str]]] = []
    unexplained: list[tuple[str, list[str]]] = []
    for example in examples:
        assert example.type is not None
        where = f"{example.operation} {example.label} example {example.name!r}"
        try:
            dumped = round_trip(example.value, python_type(example.type, models, naming))
        except pydantic.ValidationError as error:
            problem = f"{where}: rejected: {str(error).splitlines()[0]}"
        else:
            if dumped == example.value:
                passed += 1
                continue
            problem = f"{where}: changed by the round trip"
        diagnostics = reported(client, example)
        (explained if diagnostics else unexplained).append((problem, diagnostics))
    codes = Counter(d.code.value for d in client.outcome.diagnostics if d.code.value[:3] == "D40")
    figure(
        f"{service}: {len(examples)} examples in the spec, {passed} round-tripped, "
        f"{len(explained)} mismatches with the tables (each reported as D402/D403 on its page); "
        f"scraper example diagnostics: {dict(sorted(codes.items()))}"
    )
    for problem, diagnostics in explained:
        figure(f"  {service} mismatch: {problem}  <- {diagnostics[0]}")
    assert not unexplained, "round-trip failures no diagnostic explains:\n" + "\n".join(
        problem for problem, _ in unexplained
    )
