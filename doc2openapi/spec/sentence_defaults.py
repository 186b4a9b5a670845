"""Defaults read from sentences ("The default value is 300."), kept only where a client
may send them without changing what the service does.

Such a sentence describes the field as the service applies it when a resource is created;
a table's "Default" column or a "Default:" line is not marked and keeps its default
everywhere. A marked default is left out of

- the request body of a PUT or PATCH operation: sending it would reset the field the
  update meant to leave alone;
- a response: a model would invent a value the server left out;
- a query parameter named like a property of the items the operation lists: the query
  table copies the resource's field table, and its default there is the resource's, not
  a filter's (a client sending ``type=server`` would list only some items).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from doc2openapi.spec.constraints import SENTENCE_DEFAULT

Schema = dict[str, Any]
_UPDATES = ("put", "patch")
_INNER = ("items", "additionalProperties", "not")
_ALTERNATIVES = ("allOf", "anyOf", "oneOf")


def drop_sentence_defaults(document: dict[str, Any]) -> None:
    """Takes marked defaults out of ``document`` where they do not hold, then every mark.
    A schema a creating request also sends (one component for a request and a response)
    keeps its default."""
    components = document.get("components", {}).get("schemas", {})
    operations = [
        (method, operation)
        for item in document.get("paths", {}).values()
        for method, operation in item.items()
        if isinstance(operation, dict) and "responses" in operation
    ]
    sent: set[int] = set()
    for method, operation in operations:
        if method not in _UPDATES:
            for schema in _media_schemas([operation.get("requestBody", {})]):
                _walk(schema, components, sent, lambda _: None)
    dropped: list[Schema] = []
    responses = document.get("components", {}).get("responses", {})
    for method, operation in operations:
        for schema in _media_schemas(operation["responses"].values()):
            _walk(schema, components, set(sent), dropped.append)
        if method in _UPDATES:
            page = _page(operation)
            for schema in _media_schemas([operation.get("requestBody", {})]):
                _walk(schema, components, set(sent), _on_page(page, dropped))
        _drop_filter_defaults(operation, document)
    for schema in _media_schemas(responses.values()):
        _walk(schema, components, set(sent), dropped.append)
    for schema in dropped:
        if schema.pop(SENTENCE_DEFAULT, False):
            schema.pop("default", None)
    _unmark(document)


def _page(schema: Schema) -> str:
    return str(schema.get("x-source", "")).split("#", 1)[0]


def _on_page(page: str, dropped: list[Schema]) -> Callable[[Schema], None]:
    """Collects the schemas of the update's own page: a table of another page (an add-on's
    settings) describes the resource's configuration, sent whole."""

    def visit(schema: Schema) -> None:
        if _page(schema) == page:
            dropped.append(schema)

    return visit


def _media_schemas(holders: Any) -> Iterator[Schema]:
    for holder in holders:
        if isinstance(holder, dict):
            for media in holder.get("content", {}).values():
                if isinstance(media.get("schema"), dict):
                    yield media["schema"]


def _resolve(schema: Schema, components: dict[str, Schema]) -> Schema | None:
    target = schema.get("$ref")
    if not isinstance(target, str):
        return schema
    return components.get(target.rsplit("/", 1)[-1])


def _walk(
    schema: Schema, components: dict[str, Schema], seen: set[int], visit: Callable[[Schema], None]
) -> None:
    """Visits each schema ``schema`` reaches (through references too) not ``seen`` yet."""
    found = _resolve(schema, components)
    if found is None or id(found) in seen:
        return
    seen.add(id(found))
    visit(found)
    inner = [*found.get("properties", {}).values()]
    inner += [found[k] for k in _INNER if isinstance(found.get(k), dict)]
    inner += [s for k in _ALTERNATIVES for s in found.get(k, [])]
    for each in inner:
        if isinstance(each, dict):
            _walk(each, components, seen, visit)


def _drop_filter_defaults(operation: dict[str, Any], document: dict[str, Any]) -> None:
    components = document.get("components", {})
    listed = _listed_properties(operation, components.get("schemas", {}))
    for parameter in operation.get("parameters", []):
        found = _resolve(parameter, components.get("parameters", {})) or {}
        schema = found.get("schema", {})
        if found.get("in") == "query" and found.get("name") in listed:
            if schema.pop(SENTENCE_DEFAULT, False):
                schema.pop("default", None)


def _listed_properties(operation: dict[str, Any], components: dict[str, Schema]) -> set[str]:
    """Names of the properties of the items a successful response lists (an array, or an
    array property of the response object)."""
    names: set[str] = set()
    for code, response in operation.get("responses", {}).items():
        if not str(code).startswith("2"):
            continue
        for schema in _media_schemas([response]):
            body = _resolve(schema, components) or {}
            arrays = [body, *body.get("properties", {}).values()]
            for array in arrays:
                items = array.get("items") if isinstance(array, dict) else None
                item = _resolve(items, components) if isinstance(items, dict) else None
                if item is not None:
                    names.update(item.get("properties", {}))
    return names


def _unmark(value: Any) -> None:
    if isinstance(value, dict):
        value.pop(SENTENCE_DEFAULT, None)
        for each in value.values():
            _unmark(each)
    elif isinstance(value, list):
        for each in value:
            _unmark(each)
