"""Read-only access to the OpenAPI document: JSON pointers, ``$ref`` resolution, typed getters.

The generator receives the document as plain JSON-like data. These helpers keep the
``isinstance`` checks in one place, so the builders read typed values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

JsonObject = Mapping[str, Any]
EMPTY: JsonObject = {}


def escape_token(token: str | int) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def child(location: str, *tokens: str | int) -> str:
    """The JSON pointer of a node below ``location`` (RFC 6901 escaping)."""
    return location + "".join(f"/{escape_token(token)}" for token in tokens)


def get_object(node: JsonObject, key: str) -> JsonObject:
    value = node.get(key)
    return value if isinstance(value, Mapping) else EMPTY


def get_list(node: JsonObject, key: str) -> Sequence[Any]:
    value = node.get(key)
    return value if isinstance(value, list | tuple) else ()


def get_str(node: JsonObject, key: str) -> str:
    value = node.get(key)
    return value if isinstance(value, str) else ""


def get_bool(node: JsonObject, key: str) -> bool:
    return node.get(key) is True


def resolve_pointer(document: JsonObject, pointer: str) -> JsonObject | None:
    """The object at a local JSON pointer, or None when it does not exist or is no object."""
    node: Any = document
    for token in pointer.split("/")[1:] if pointer else []:
        key = unescape_token(token)
        if isinstance(node, Mapping) and key in node:
            node = node[key]
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            return None
    return node if isinstance(node, Mapping) else None


def ref_pointer(node: JsonObject) -> str | None:
    """The JSON pointer named by a local ``$ref`` (``#/...``), or None for other nodes."""
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#"):
        return ref[1:]
    return None
