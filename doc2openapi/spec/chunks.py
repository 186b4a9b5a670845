"""Validation by parts, for rebuilds: a document split into one part per path (the path
item with the component schemas it reaches) and one part for the rest.

Each part is itself a small OpenAPI document with the same JSON pointers as the whole, so
a part's problems are the whole's problems at the same places. A part that was valid once
(the cache keeps its exact content's key) is valid again: a rebuild after one page changed
validates the one or two parts that changed instead of the whole document. Checks that
span parts (unique operationIds, dangling references) are made on the whole document every
time.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from doc2openapi.cache import content_key, json_text
from doc2openapi.spec.versions import SCHEMA_REF


def _refs(value: Any) -> Iterator[str]:
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            target = node.get("$ref")
            if isinstance(target, str) and target.startswith(SCHEMA_REF):
                yield target[len(SCHEMA_REF) :]
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def reached_schemas(value: Any, schemas: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    pending = list(_refs(value))
    while pending:
        name = pending.pop()
        if name in found or name not in schemas:
            continue
        found.add(name)
        pending.extend(_refs(schemas[name]))
    return found


def split(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The parts of a document, by name (``path <path>``, ``rest``)."""
    components = document.get("components") or {}
    schemas = components.get("schemas") or {}
    head = {k: v for k, v in document.items() if k in ("openapi", "info", "jsonSchemaDialect")}
    shared = {k: v for k, v in components.items() if k != "schemas"}
    reached: set[str] = set()
    parts: dict[str, dict[str, Any]] = {}
    for path, item in (document.get("paths") or {}).items():
        names = reached_schemas(item, schemas)
        reached |= names
        parts[f"path {path}"] = {
            **head,
            "paths": {path: item},
            "components": {**shared, "schemas": {n: schemas[n] for n in sorted(names)}},
        }
    rest_names = set(schemas) - reached
    rest_names |= reached_schemas({n: schemas[n] for n in rest_names}, schemas)
    parts["rest"] = {
        **{k: v for k, v in document.items() if k not in ("paths", "components")},
        "paths": {},
        "components": {**shared, "schemas": {n: schemas[n] for n in sorted(rest_names)}},
    }
    return parts


def part_key(part: dict[str, Any]) -> str:
    """The cache key of a part's verdict: its exact content."""
    return content_key("valid-part", json_text(part))
