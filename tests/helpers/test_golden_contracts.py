"""Unit tests of ``tests.helpers.golden_contracts`` on hand-written mini OpenAPI documents."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.golden_contracts import (
    FieldInfo,
    OpenAPIError,
    ParamInfo,
    best_variant,
    diff_fields,
    flatten_operation,
    golden_fields,
    list_operations,
)

MINI_30: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "mini", "version": "1"},
    "security": [{"token": []}],
    "components": {
        "securitySchemes": {
            "token": {"type": "apiKey", "in": "header", "name": "X-Auth-Token"},
            "other": {"type": "apiKey", "in": "query", "name": "key"},
        },
        "parameters": {
            "ProjectId": {
                "name": "project_id",
                "in": "path",
                "required": True,
                "schema": {"type": "string"},
            },
        },
        "schemas": {
            "Node": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
                    "parent": {"$ref": "#/components/schemas/Node"},
                },
            },
            "Base": {
                "type": "object",
                "required": ["id"],
                "properties": {"id": {"type": "string"}},
            },
            "Error": {
                "type": "object",
                "properties": {"error_msg": {"type": "string"}, "error_code": {"type": "string"}},
            },
            "Start": {
                "type": "object",
                "required": ["os-start"],
                "properties": {"os-start": {"type": "object", "nullable": True}},
            },
            "Stop": {
                "type": "object",
                "required": ["os-stop"],
                "properties": {
                    "os-stop": {
                        "type": "object",
                        "properties": {"type": {"type": "string"}},
                    }
                },
            },
        },
        "requestBodies": {
            "Action": {
                "content": {
                    "application/json": {
                        "schema": {
                            "oneOf": [
                                {"$ref": "#/components/schemas/Start"},
                                {"$ref": "#/components/schemas/Stop"},
                            ]
                        }
                    }
                }
            }
        },
        "responses": {
            "Error": {
                "description": "error",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            }
        },
    },
    "paths": {
        "/v1/{project_id}/things": {
            "parameters": [{"$ref": "#/components/parameters/ProjectId"}],
            "get": {
                "parameters": [
                    {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                    {"name": "X-Auth-Token", "in": "header", "required": True},
                    {"name": "Content-Type", "in": "header", "schema": {"type": "string"}},
                    {"name": "X-Language", "in": "header", "schema": {"type": "string"}},
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "things": {
                                            "type": "array",
                                            "items": {
                                                "allOf": [
                                                    {"$ref": "#/components/schemas/Base"},
                                                    {
                                                        "type": "object",
                                                        "properties": {
                                                            "tags": {
                                                                "type": "array",
                                                                "items": {"type": "string"},
                                                            },
                                                            "metadata": {
                                                                "type": "object",
                                                                "additionalProperties": {
                                                                    "type": "string"
                                                                },
                                                            },
                                                        },
                                                    },
                                                ]
                                            },
                                        },
                                        "tree": {"$ref": "#/components/schemas/Node"},
                                    },
                                }
                            }
                        },
                    },
                    "400": {"$ref": "#/components/responses/Error"},
                    "404": {"description": "not found"},
                },
            },
            "post": {
                "security": [],
                "requestBody": {"$ref": "#/components/requestBodies/Action"},
                "responses": {"202": {"description": "accepted"}},
            },
        }
    },
}


def test_list_operations() -> None:
    assert sorted(list_operations(MINI_30)) == [
        ("GET", "/v1/{project_id}/things"),
        ("POST", "/v1/{project_id}/things"),
    ]


def test_parameters_security_and_headers() -> None:
    flat = flatten_operation(MINI_30, "get", "/v1/{project_id}/things")
    assert flat.security is True
    assert set(flat.parameters) == {
        ParamInfo("project_id", "path", True, "string"),
        ParamInfo("limit", "query", False, "integer"),
        ParamInfo("X-Language", "header", False, "string"),
    }
    assert flat.request_bodies == []


def test_responses_allof_arrays_maps_and_recursion() -> None:
    flat = flatten_operation(MINI_30, "GET", "/v1/{project_id}/things")
    assert set(flat.responses) == {"200", "400", "404"}
    assert flat.responses["404"] == [{}]
    assert flat.responses["400"] == [
        {
            "error_msg": FieldInfo(False, "string"),
            "error_code": FieldInfo(False, "string"),
        }
    ]
    assert flat.responses["200"] == [
        {
            "things": FieldInfo(False, "array"),
            "things[]": FieldInfo(None, "object"),
            "things[].id": FieldInfo(True, "string"),
            "things[].tags": FieldInfo(False, "array"),
            "things[].tags[]": FieldInfo(None, "string"),
            "things[].metadata": FieldInfo(False, "object"),
            "tree": FieldInfo(False, "object"),
            "tree.name": FieldInfo(True, "string"),
            # the cycle closes here: listed, not expanded
            "tree.children": FieldInfo(False, "array"),
            "tree.children[]": FieldInfo(None, "object"),
            "tree.parent": FieldInfo(False, "object"),
        }
    ]


def test_oneof_request_body_gives_variants() -> None:
    flat = flatten_operation(MINI_30, "post", "/v1/{project_id}/things")
    assert flat.security is False
    assert flat.responses == {"202": [{}]}
    assert flat.request_bodies == [
        {"os-start": FieldInfo(True, "object")},
        {"os-stop": FieldInfo(True, "object"), "os-stop.type": FieldInfo(False, "string")},
    ]
    golden = golden_fields({"os-stop": {"required": True, "type": "object"}, "os-stop.type": {}})
    assert best_variant(golden, flat.request_bodies) == (1, [])


def test_openapi_31_type_lists_and_nullable_refs() -> None:
    doc: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "mini", "version": "1"},
        "components": {
            "schemas": {
                "Page": {
                    "type": "object",
                    "required": ["count"],
                    "properties": {"count": {"type": "integer"}},
                }
            }
        },
        "paths": {
            "/x": {
                "put": {
                    "requestBody": {
                        "content": {
                            "application/json; charset=utf-8": {
                                "schema": {
                                    "type": "object",
                                    "required": ["name"],
                                    "properties": {
                                        "name": {"type": ["string", "null"]},
                                        "page": {
                                            "oneOf": [
                                                {"$ref": "#/components/schemas/Page"},
                                                {"type": "null"},
                                            ]
                                        },
                                    },
                                }
                            }
                        }
                    },
                    "responses": {"204": {"description": "no content"}},
                }
            }
        },
    }
    flat = flatten_operation(doc, "PUT", "/x")
    assert flat.request_bodies == [
        {
            "name": FieldInfo(True, "string"),
            "page": FieldInfo(False, "object"),
            "page.count": FieldInfo(True, "integer"),
        }
    ]
    assert flat.security is False


def test_top_level_array_body() -> None:
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "mini", "version": "1"},
        "paths": {
            "/x": {
                "get": {
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "properties": {"id": {"type": "string"}},
                                        },
                                    }
                                }
                            },
                        }
                    }
                }
            }
        },
    }
    flat = flatten_operation(doc, "GET", "/x")
    assert flat.responses["200"] == [
        {"[]": FieldInfo(None, "object"), "[].id": FieldInfo(False, "string")}
    ]


def test_missing_operation_and_bad_ref() -> None:
    with pytest.raises(OpenAPIError):
        flatten_operation(MINI_30, "DELETE", "/v1/{project_id}/things")
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "paths": {"/y": {"get": {"parameters": [{"$ref": "#/components/parameters/Nope"}]}}},
    }
    with pytest.raises(OpenAPIError):
        flatten_operation(doc, "GET", "/y")


def test_diff_fields_is_readable() -> None:
    expected = golden_fields(
        {
            "a": {"required": True, "type": "string"},
            "b": {"type": "integer"},
            "c[]": {"type": "object"},
            "d": {"required": True},
        }
    )
    actual = {
        "a": FieldInfo(False, "string"),
        "b": FieldInfo(False, "number"),
        "c[]": FieldInfo(None, "object"),
        "d": FieldInfo(True, "boolean"),
        "e": FieldInfo(False, "string"),
    }
    assert diff_fields(expected, actual) == [
        "  extra   e: required=False, type=string",
        "  required a: expected True, got False",
        "  type    b: expected integer, got number",
    ]
    assert diff_fields(expected, {k: v for k, v in actual.items() if k != "a"})[0].startswith(
        "  missing a:"
    )
