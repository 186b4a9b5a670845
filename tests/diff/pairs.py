"""The base document of the rule cases, the edits the cases make to it, and the case type."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from doc2openapi.diff import Level, Location

P = "/v1/{project_id}/servers"
Q = "/v1/{project_id}/servers/{server_id}"
B, N = Level.BREAKING, Level.NON_BREAKING
JSON = "application/json"


def base() -> dict[str, Any]:
    """A small document that every case edits."""
    project = {"name": "project_id", "in": "path", "required": True, "schema": {"type": "string"}}
    server = {"name": "server_id", "in": "path", "required": True, "schema": {"type": "string"}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1.0.0"},
        "paths": {
            P: {
                "post": {
                    "operationId": "createServer",
                    "parameters": [
                        project,
                        {
                            "name": "limit",
                            "in": "query",
                            "schema": {"type": "integer", "minimum": 1, "maximum": 100},
                        },
                        {
                            "name": "name",
                            "in": "query",
                            "schema": {"type": "string", "maxLength": 64, "pattern": "^[a-z]+$"},
                        },
                        {
                            "name": "sort",
                            "in": "query",
                            "schema": {"type": "string", "enum": ["asc", "desc"]},
                        },
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {JSON: {"schema": {"$ref": "#/components/schemas/Create"}}},
                    },
                    "responses": {
                        "201": {
                            "description": "Created.",
                            "content": {JSON: {"schema": {"$ref": "#/components/schemas/Server"}}},
                            "headers": {"X-Request-Id": {"schema": {"type": "string"}}},
                        },
                        "400": {"description": "Bad request."},
                    },
                    "security": [{"token": []}],
                },
            },
            Q: {
                "parameters": [project, server],
                "get": {
                    "operationId": "showServer",
                    "responses": {
                        "200": {
                            "description": "OK.",
                            "content": {JSON: {"schema": {"$ref": "#/components/schemas/Server"}}},
                        }
                    },
                },
            },
        },
        "components": {
            "schemas": {
                "Create": {
                    "type": "object",
                    "required": ["server"],
                    "properties": {
                        "server": {
                            "type": "object",
                            "required": ["name"],
                            "properties": {
                                "name": {"type": "string", "maxLength": 64},
                                "size": {"type": "integer", "minimum": 1},
                                "tags": {"type": "array", "items": {"type": "string"}},
                                "kind": {"type": "string", "enum": ["a", "b"]},
                                "choice": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
                            },
                        }
                    },
                },
                "Server": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {
                        "id": {"type": "string"},
                        "status": {"type": "string", "enum": ["ACTIVE", "ERROR"]},
                        "volume": {
                            "type": "object",
                            "properties": {"size": {"type": "integer", "maximum": 10}},
                        },
                        "name": {"type": "string", "maxLength": 64},
                    },
                },
            },
            "securitySchemes": {
                "token": {"type": "apiKey", "in": "header", "name": "X-Auth-Token"},
                "basic": {"type": "http", "scheme": "basic"},
            },
        },
    }


Edit = Callable[[dict[str, Any]], None]


def _post(doc: dict[str, Any]) -> dict[str, Any]:
    operation: dict[str, Any] = doc["paths"][P]["post"]
    return operation


def _param(doc: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(p for p in _post(doc)["parameters"] if p.get("name") == name)
    return found


def _schema(doc: dict[str, Any], name: str) -> dict[str, Any]:
    schema: dict[str, Any] = doc["components"]["schemas"][name]
    return schema


def _server_in(doc: dict[str, Any]) -> dict[str, Any]:
    server: dict[str, Any] = _schema(doc, "Create")["properties"]["server"]
    return server


def _field(doc: dict[str, Any], name: str) -> dict[str, Any]:
    field: dict[str, Any] = _server_in(doc)["properties"][name]
    return field


def _out(doc: dict[str, Any], name: str) -> dict[str, Any]:
    field: dict[str, Any] = _schema(doc, "Server")["properties"][name]
    return field


def _add_param(doc: dict[str, Any], parameter: dict[str, Any]) -> None:
    _post(doc)["parameters"].append(parameter)


def _drop_param(doc: dict[str, Any], name: str) -> None:
    _post(doc)["parameters"] = [p for p in _post(doc)["parameters"] if p["name"] != name]


def _add_out(doc: dict[str, Any], name: str, schema: dict[str, Any], required: bool) -> None:
    _schema(doc, "Server")["properties"][name] = schema
    if required:
        _schema(doc, "Server")["required"].append(name)


@dataclass(frozen=True)
class Case:
    kind: str
    level: Level
    edit: Edit
    where: Location
    old: Any = None
    new: Any = None
    edit_old: Edit | None = None
    """An edit of the old side (the base document otherwise)."""
    on: tuple[tuple[str, str], ...] = (("post", P),)
    """The operations the change is found on (a response field: both return a Server)."""


PARAM = Location("parameter", "limit", "query")
NAME = Location("parameter", "name", "query")
SORT = Location("parameter", "sort", "query")
ZONE = Location("parameter", "zone", "query")
BODY = Location("request-body", media_type=JSON)
WHOLE_BODY = Location("request-body")
OPERATION = Location("operation")
SECURITY = Location("security")
HEADER = Location("response", "x-request-id", "header", "201")
BOTH = (("post", P), ("get", Q))


def body_at(field: str) -> Location:
    return Location("request-body", media_type=JSON, field=field)


def out_at(field: str) -> Location:
    """A field of the Server response (its status is set per operation by the test)."""
    return Location("response", media_type=JSON, field=field)


def _nothing(doc: dict[str, Any]) -> None:
    del doc


def _rename_path(doc: dict[str, Any]) -> None:
    item = doc["paths"].pop(Q)
    item["parameters"][1] = {**item["parameters"][1], "name": "id"}
    doc["paths"]["/v1/{project_id}/servers/{id}"] = item


def _deprecate_show(doc: dict[str, Any]) -> None:
    doc["paths"][Q]["get"]["deprecated"] = True
