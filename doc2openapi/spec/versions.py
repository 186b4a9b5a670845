"""The two OpenAPI dialects we write. The builder produces one neutral form; these passes
turn it into idiomatic 3.0.3 or 3.1.0.

- 3.0: ``$ref`` siblings are ignored by 3.0 tools, so they are dropped; ``nullable``,
  which 3.0 defines only beside a ``type`` (a schema without one admits null already).
- 3.1: ``$ref`` may carry a description; ``nullable`` becomes ``type: [..., "null"]``.
"""

from __future__ import annotations

from typing import Any

OPENAPI_30 = "3.0.3"
OPENAPI_31 = "3.1.0"
VERSIONS = {"3.0": OPENAPI_30, "3.1": OPENAPI_31}
_REF_SIBLINGS_31 = frozenset({"$ref", "description", "summary"})
SCHEMA_REF = "#/components/schemas/"
"""What every reference to a component schema starts with."""
LITERAL_KEYS = frozenset({"examples", "example", "default", "enum", "const"})
"""Keys whose values are data from the document, never schema: copied untouched."""
NAME_MAPS = frozenset(
    {
        "properties",
        "patternProperties",
        "$defs",
        "definitions",
        "dependentSchemas",
        "schemas",
        "paths",
        "responses",
        "content",
        "headers",
        "parameters",
        "requestBodies",
        "securitySchemes",
        "links",
        "callbacks",
        "encoding",
        "variables",
        "pathItems",
        "webhooks",
    }
)
"""Keys whose value (where it is an object) maps names — of properties, paths, status
codes, media types, components — to objects: a property named ``default`` is a schema."""


_KEYS_30 = {"contentMediaType": "x-contentMediaType", "contentSchema": "x-contentSchema"}
"""3.1 keywords for a string that carries a document, which 3.0 does not define: kept as
extensions, so the carried schema stays referenced and a reader still finds it."""


def _to_30(value: Any, names: bool = False) -> Any:
    if isinstance(value, dict) and names:
        return {key: _to_30(item) for key, item in value.items()}
    if isinstance(value, dict):
        if "$ref" in value:
            return {"$ref": value["$ref"]}
        untyped_null = value.get("nullable") is True and "type" not in value
        return {
            _KEYS_30.get(key, key): item if key in LITERAL_KEYS else _to_30(item, key in NAME_MAPS)
            for key, item in value.items()
            if not (untyped_null and key == "nullable")
        }
    if isinstance(value, list):
        return [_to_30(item) for item in value]
    return value


def _nullable_31(schema: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in schema.items() if k != "nullable"}
    json_type = schema.get("type")
    if json_type is None:
        out["type"] = "null" if not any(k in schema for k in ("properties", "items")) else None
        if out["type"] is None:
            del out["type"]
    elif isinstance(json_type, str):
        out["type"] = [json_type, "null"]
    return out


def _to_31(value: Any, names: bool = False) -> Any:
    if isinstance(value, dict) and names:
        return {key: _to_31(item) for key, item in value.items()}
    if isinstance(value, dict):
        if "$ref" in value:
            return {k: v for k, v in value.items() if k in _REF_SIBLINGS_31}
        converted = {
            key: item if key in LITERAL_KEYS else _to_31(item, key in NAME_MAPS)
            for key, item in value.items()
        }
        if converted.get("nullable") is True:
            converted = _nullable_31(converted)
        return converted
    if isinstance(value, list):
        return [_to_31(item) for item in value]
    return value


def finalise(document: dict[str, Any], version: str) -> dict[str, Any]:
    """The document in the dialect of ``version`` (``3.0.3`` or ``3.1.0``)."""
    if version.startswith("3.1"):
        converted: dict[str, Any] = _to_31(document)
    else:
        converted = _to_30(document)
    converted["openapi"] = version
    return converted
