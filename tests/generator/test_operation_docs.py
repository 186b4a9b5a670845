"""The docstrings of generated operation methods state a parameter's default once."""

from __future__ import annotations

from typing import Any

from doc2openapi.generator import GeneratorOptions, generate


def _client(parameters: list[dict[str, Any]]) -> str:
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "Things", "version": "1.0.0", "x-service": "things"},
        "paths": {
            "/things": {
                "get": {
                    "operationId": "ListThings",
                    "parameters": parameters,
                    "responses": {"204": {"description": "Listed."}},
                }
            }
        },
    }
    project = generate(spec, GeneratorOptions())
    return "\n".join(t for p, t in project.files.items() if p.name == "client.py")


def _query(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "in": "query", "description": description, "schema": schema}


def test_a_default_the_description_states_is_not_repeated() -> None:
    client = _client(
        [
            _query(
                "limit", "Page size. The default value is 50.", {"type": "integer", "default": 50}
            ),
            _query("shared", "Shared. Default: false", {"type": "boolean", "default": False}),
            _query("offset", "First item.", {"type": "integer", "default": 0}),
            _query("size", "The default value is 500.", {"type": "integer", "default": 5}),
        ]
    )
    assert "The default value is 50.\n" in client
    assert "``50``" not in client and "``False``" not in client
    assert "First item. The API default is ``0``." in client
    assert "The default value is 500. The API default is ``5``." in client
