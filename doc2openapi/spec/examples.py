"""Example request and response JSON: attached to the matching body, and checked against
the tables (a lint of the document: disagreements are diagnostics, never failures).

Only examples that their body's schema accepts go into the spec: the documents' own
examples often disagree with their tables (a string where the table says integer, a
date that is no RFC 3339 date-time), and a spec whose examples fail its schemas misleads
every consumer (a mock server answers with them, a client then fails to read its own
example). The others are reported: D402/D403 say where they disagree with the tables,
D405 that they were left out and the first reason why."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from doc2openapi.cache import Cache, content_key, json_text
from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.scraper.model import Example
from doc2openapi.scraper.status import ERROR_STATUS
from doc2openapi.spec.chunks import reached_schemas
from doc2openapi.spec.reading_order import pages_in_reading_order
from doc2openapi.spec.versions import finalise

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

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
MAX_EXAMPLE_DEPTH = 64


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
        value = json.loads(body, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        return None, f"not valid JSON ({error.msg} at line {error.lineno} column {error.colno})"
    except RecursionError:
        return None, "nested too deeply to read"
    if _depth(value) > MAX_EXAMPLE_DEPTH:
        return None, f"nested more than {MAX_EXAMPLE_DEPTH} levels deep; left out"
    return value, ""


def _no_constant(name: str) -> Any:
    """NaN and Infinity are not JSON (Python's reader accepts them)."""
    raise json.JSONDecodeError(f"{name} is not a JSON value", name, 0)


def _depth(value: Any) -> int:
    """How deeply a JSON value nests (iteratively: the value may be hostile)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if level > MAX_EXAMPLE_DEPTH:
            break
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


def _operations_by_page(document: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The operations each page documents (by their ``x-source``), in document order."""
    found: dict[str, list[dict[str, Any]]] = {}
    for item in document.get("paths", {}).values():
        for operation in item.values():
            for page in str(operation.get("x-source", "")).split(" "):
                found.setdefault(page, []).append(operation)
    return found


@dataclass(frozen=True, slots=True)
class SchemaCheck:
    """Validates example values against schemas as the written dialect reads them.

    With a ``cache``, a check made before (the same value, the same schemas) is not made
    again."""

    version: str
    components: dict[str, Any]
    cache: Cache | None = None

    @classmethod
    def of(cls, document: dict[str, Any], version: str, cache: Cache | None = None) -> SchemaCheck:
        written = finalise({"components": document.get("components", {})}, version)
        return cls(version, written["components"], cache)

    def first_error(self, value: Any, schema: Any) -> str:
        """Why ``value`` fails ``schema`` (``""`` when it does not)."""
        if not isinstance(schema, dict):
            return ""
        written = finalise({"schema": schema}, self.version)["schema"]
        if self.cache is None:
            return self._check(value, written)
        try:
            key = self._key(value, written)
        except (RecursionError, ValueError):  # beyond JSON: checked, not kept
            return self._check(value, written)
        known = self.cache.get("example-check", key)
        if not isinstance(known, str):
            known = self._check(value, written)
            self.cache.put("example-check", key, known)
        return known

    def _key(self, value: Any, written: dict[str, Any]) -> str:
        """The exact value, schema and every component schema the schema reaches."""
        schemas = self.components.get("schemas", {})
        reached = {name: schemas[name] for name in sorted(reached_schemas(written, schemas))}
        return content_key("example-check", self.version, json_text([written, reached, value]))

    def _check(self, value: Any, written: dict[str, Any]) -> str:
        # The validators are imported where a check is made, not at start-up: they are a
        # third of the tool's import time, and a rebuild finds its checks in the cache.
        from jsonschema.exceptions import best_match  # noqa: PLC0415
        from openapi_schema_validator import (  # noqa: PLC0415
            OAS30Validator,
            OAS31Validator,
            oas30_format_checker,
            oas31_format_checker,
        )

        root = {"allOf": [written], "components": self.components}
        if self.version.startswith("3.1"):
            validator = OAS31Validator(root, format_checker=oas31_format_checker)
        else:
            validator = OAS30Validator(root, format_checker=oas30_format_checker)
        error = best_match(validator.iter_errors(value))
        return "" if error is None else _explain(error)


def _explain(error: ValidationError) -> str:
    where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
    return f"{where}: {error.message[:160]}"


def attach_examples(
    document: dict[str, Any],
    services: Sequence[ServiceDocs],
    diagnostics: list[Diagnostic],
    version: str,
    cache: Cache | None = None,
) -> None:
    schemas = document.get("components", {}).get("schemas", {})
    placed = list(_placed_examples(services, _operations_by_page(document), schemas))
    for item in placed:  # before any check: a widened field takes every example it fits
        widen_integers(item, schemas, diagnostics)
    check = SchemaCheck.of(document, version, cache)
    for item in placed:
        _attach(item, check, schemas, diagnostics)


@dataclass(frozen=True, slots=True)
class PlacedExample:
    """One example of a page: its name, its JSON value (or why it has none) and the body
    of its operation it belongs to (``(label, media)``; None: no documented body)."""

    example: Example
    name: str
    page: str
    value: Any
    problem: str
    target: tuple[str, dict[str, Any]] | None


def _placed_examples(
    services: Sequence[ServiceDocs],
    by_page: dict[str, list[dict[str, Any]]],
    schemas: dict[str, Any],
) -> Iterator[PlacedExample]:
    for service in services:
        for page in pages_in_reading_order(service):  # an operation's pages take turns
            operations = by_page.get(page.page, [])
            if not operations:
                continue
            seen: dict[str, int] = {}
            for example in page.examples:
                seen[example.kind] = seen.get(example.kind, 0) + 1
                name = _example_name(example, seen[example.kind])
                value, problem = example_json(example.text)
                target = _target(example, operations[0])
                if not problem and not example.status and example.kind == "response":
                    target = _sharing_keys(value, target, operations[0], schemas)
                yield PlacedExample(example, name, page.page, value, problem, target)


INT32 = (-(2**31), 2**31 - 1)


def widen_integers(
    placed: PlacedExample, schemas: dict[str, Any], diagnostics: list[Diagnostic]
) -> None:
    """A field the tables type ``Integer`` (read as int32) whose example value lies beyond
    32 bits (a time in milliseconds, 1571812144000) is an int64: the example shows what
    the field carries, so it is widened (D406) rather than the example left out."""
    if placed.problem or placed.target is None:
        return
    label, media = placed.target
    found = _int32_overflows(placed.value, media.get("schema"), schemas, "$", 0)
    for where, number, schema in found:
        if schema.get("format") != "int32":
            continue  # widened already, through another example or path
        schema["format"] = "int64"
        diagnostics.append(
            Diagnostic(
                Level.INFO,
                Code.EXAMPLE_WIDENS_INTEGER,
                placed.page,
                f"{placed.name}, {label}: {where} is {number}, beyond a 32-bit integer: "
                "the field is an int64",
            )
        )


def _int32_overflows(
    value: Any, schema: Any, schemas: dict[str, Any], where: str, depth: int
) -> list[tuple[str, int, dict[str, Any]]]:
    """The int32 fields (path, value, schema) an example gives a value beyond 32 bits."""
    schema = _resolve(schema, schemas)
    if not isinstance(schema, dict) or depth > MAX_LINT_DEPTH:
        return []
    if schema.get("type") == "integer" and schema.get("format") == "int32":
        wide = isinstance(value, int) and not isinstance(value, bool)
        if wide and not INT32[0] <= value <= INT32[1]:
            return [(where, value, schema)]
        return []
    found: list[tuple[str, int, dict[str, Any]]] = []
    properties = schema.get("properties")
    if isinstance(value, dict) and isinstance(properties, dict):
        for key, item in value.items():
            if key in properties:
                found += _int32_overflows(
                    item, properties[key], schemas, f"{where}.{key}", depth + 1
                )
    elif isinstance(value, list):
        for position, item in enumerate(value[:50]):
            path = f"{where}[{position}]"
            found += _int32_overflows(item, schema.get("items"), schemas, path, depth + 1)
    return found


def _example_name(example: Example, position: int) -> str:
    """``response example 2 ("Example response for 403")``: its kind, its place among the
    page's examples of that kind, and its title where the page gives one."""
    title = f" ({example.title[:80]!r})" if example.title else ""
    return f"{example.kind} example {position}{title}"


def _attach(
    placed: PlacedExample,
    check: SchemaCheck,
    schemas: dict[str, Any],
    diagnostics: list[Diagnostic],
) -> None:
    example, name, page, value = placed.example, placed.name, placed.page, placed.value
    if placed.problem:
        diagnostics.append(
            Diagnostic(Level.INFO, Code.EXAMPLE_INVALID_JSON, page, f"{name}: {placed.problem}")
        )
        return
    if value is None:
        return
    if placed.target is None:
        diagnostics.append(
            Diagnostic(
                Level.INFO,
                Code.EXAMPLE_UNPLACED,
                page,
                f"{name}{' for ' + example.status if example.status else ''} "
                f"has no documented body to belong to{_keys_note(value, example)}",
            )
        )
        return
    label, media = placed.target
    for code, detail in lint_value(value, media.get("schema", {}), schemas, "$", 0):
        diagnostics.append(Diagnostic(Level.INFO, code, page, f"{name}, {label}: {detail}"))
    rejected = check.first_error(value, media.get("schema"))
    if rejected:
        diagnostics.append(
            Diagnostic(
                Level.INFO,
                Code.EXAMPLE_LEFT_OUT,
                page,
                f"{name}, {label}, is left out of the spec: its schema rejects it ({rejected})",
            )
        )
        return
    entry: dict[str, Any] = {"value": value}
    if example.title:
        entry["summary"] = example.title[:200]
    examples = media.setdefault("examples", {})  # numbered per body, over all its pages
    examples[f"{example.kind}{len(examples) + 1}"] = entry


def _target(example: Example, operation: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    if example.kind == "request":
        media = operation.get("requestBody", {}).get("content", {}).get("application/json")
        return ("request", media) if media is not None else None
    responses = operation.get("responses", {})
    if example.status == ERROR_STATUS and ERROR_STATUS not in responses:
        codes = sorted(c for c in responses if c.startswith(("4", "5")))  # its error body
    elif example.status:
        codes = [example.status]
    else:
        codes = sorted(c for c in responses if c.startswith("2"))
    for code in codes:
        media = responses.get(code, {}).get("content", {}).get("application/json")
        if media is not None:
            return (f"response {code}", media)
    return None


def _sharing_keys(
    value: Any,
    target: tuple[str, dict[str, Any]] | None,
    operation: dict[str, Any],
    schemas: dict[str, Any],
) -> tuple[str, dict[str, Any]] | None:
    """The body a response example that states no status belongs to: the success body,
    unless there is none or the example names none of its members ("or", then
    ``{"error": {...}}``): then the first other documented body that has one of its keys,
    else none."""
    if not isinstance(value, dict) or not value:
        return target
    members = _members(target[1].get("schema"), schemas) if target else set()
    if target is not None and (members is None or members & set(value)):
        return target
    for code, response in sorted(operation.get("responses", {}).items()):
        media = response.get("content", {}).get("application/json")
        if media is not None and (_members(media.get("schema"), schemas) or set()) & set(value):
            return (f"response {code}", media)
    return None


def _members(schema: Any, schemas: dict[str, Any]) -> set[str] | None:
    """The member names of an object body that takes no other keys, else None."""
    schema = _resolve(schema, schemas)
    if not isinstance(schema, dict) or schema.get("additionalProperties") not in (None, False):
        return None
    properties = schema.get("properties")
    return set(properties) if isinstance(properties, dict) and properties else None


def _keys_note(value: Any, example: Example) -> str:
    """Why an example without a stated status found no body: the keys no body has."""
    if example.status or example.kind != "response" or not isinstance(value, dict) or not value:
        return ""
    return f" (no documented body has its key{'s' if len(value) > 1 else ''} " + (
        ", ".join(sorted(value)[:5]) + ")"
    )


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
