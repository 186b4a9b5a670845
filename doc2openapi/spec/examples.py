"""Example request and response JSON: attached to the matching body, and checked against
the tables (a lint of the document: disagreements are diagnostics, never failures)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.scraper.model import Example

if TYPE_CHECKING:
    from doc2openapi.spec.build import ServiceDocs

_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
}
MAX_LINT_DEPTH = 64


def example_json(text: str) -> tuple[Any, str]:
    """The JSON value of an example block, or why there is none (``""``: not JSON at all)."""
    lines = text.strip().splitlines()
    for position, line in enumerate(lines):
        if line.lstrip().startswith(("{", "[")):
            body = "\n".join(lines[position:]).strip()
            break
    else:
        return None, ""
    try:
        return json.loads(body), ""
    except json.JSONDecodeError as error:
        return None, f"not valid JSON ({error.msg} at line {error.lineno} column {error.colno})"


def _operations_of(document: dict[str, Any], page: str) -> Iterator[dict[str, Any]]:
    for item in document.get("paths", {}).values():
        for operation in item.values():
            if page in str(operation.get("x-source", "")).split(" "):
                yield operation


def attach_examples(
    document: dict[str, Any], services: Sequence[ServiceDocs], diagnostics: list[Diagnostic]
) -> None:
    schemas = document.get("components", {}).get("schemas", {})
    for service in services:
        for page in service.api_pages:
            operations = list(_operations_of(document, page.page))
            if not operations:
                continue
            numbers: dict[str, int] = {}
            for example in page.examples:
                _attach(example, page.page, operations[0], schemas, diagnostics, numbers)


def _attach(
    example: Example,
    page: str,
    operation: dict[str, Any],
    schemas: dict[str, Any],
    diagnostics: list[Diagnostic],
    numbers: dict[str, int],
) -> None:
    value, problem = example_json(example.text)
    if problem:
        diagnostics.append(
            Diagnostic(
                Level.INFO, Code.EXAMPLE_INVALID_JSON, page, f"{example.kind} example: {problem}"
            )
        )
        return
    if value is None:
        return
    target = _target(example, operation)
    if target is None:
        diagnostics.append(
            Diagnostic(
                Level.INFO,
                Code.EXAMPLE_UNPLACED,
                page,
                f"a {example.kind} example{' for ' + example.status if example.status else ''} "
                "has no documented body to belong to",
            )
        )
        return
    label, media = target
    number = numbers.get(label, 0) + 1
    numbers[label] = number
    name = f"{example.kind}{number}"
    entry: dict[str, Any] = {"value": value}
    if example.title:
        entry["summary"] = example.title[:200]
    media.setdefault("examples", {})[name] = entry
    for code, detail in lint_value(value, media.get("schema", {}), schemas, "$", 0):
        diagnostics.append(Diagnostic(Level.INFO, code, page, f"{label} example: {detail}"))


def _target(example: Example, operation: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    if example.kind == "request":
        media = operation.get("requestBody", {}).get("content", {}).get("application/json")
        return ("request", media) if media is not None else None
    responses = operation.get("responses", {})
    codes = (
        [example.status] if example.status else sorted(c for c in responses if c.startswith("2"))
    )
    for code in codes:
        media = responses.get(code, {}).get("content", {}).get("application/json")
        if media is not None:
            return (f"response {code}", media)
    return None


def _resolve(schema: Any, schemas: dict[str, Any]) -> Any:
    seen = 0
    while isinstance(schema, dict) and "$ref" in schema and seen < 32:
        schema = schemas.get(str(schema["$ref"]).rsplit("/", 1)[-1], {})
        seen += 1
    return schema


def lint_value(
    value: Any, schema: Any, schemas: dict[str, Any], where: str, depth: int
) -> Iterator[tuple[Code, str]]:
    """Where an example disagrees with its schema: undocumented keys and type mismatches."""
    schema = _resolve(schema, schemas)
    if not isinstance(schema, dict) or depth > MAX_LINT_DEPTH or "oneOf" in schema:
        return
    expected = schema.get("type")
    if value is None:
        return
    if isinstance(expected, str) and expected in _JSON_TYPES:
        ok = isinstance(value, _JSON_TYPES[expected]) and not (
            expected in ("integer", "number") and isinstance(value, bool)
        )
        if not ok:
            yield (
                Code.EXAMPLE_TYPE_MISMATCH,
                (f"{where} is {type(value).__name__} {_short(value)}, the tables say {expected}"),
            )
            return
    if isinstance(value, dict):
        properties = schema.get("properties")
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            if isinstance(properties, dict) and key in properties:
                yield from lint_value(item, properties[key], schemas, f"{where}.{key}", depth + 1)
            elif isinstance(extra, dict):
                yield from lint_value(item, extra, schemas, f"{where}.{key}", depth + 1)
            elif isinstance(properties, dict) and properties and extra is None:
                yield Code.EXAMPLE_UNDOCUMENTED_KEY, f"{where}.{key} is not in the tables"
    elif isinstance(value, list):
        for position, item in enumerate(value[:50]):
            yield from lint_value(
                item, schema.get("items", {}), schemas, f"{where}[{position}]", depth + 1
            )


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."
