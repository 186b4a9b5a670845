"""Validation by parts, for rebuilds: a document split into one part per path (the path
item with the component schemas it reaches) and one part for the rest.

Each part is itself a small OpenAPI document with the same JSON pointers as the whole, so
a part's problems are the whole's problems at the same places. A part that was valid once
(its digest is remembered) is valid again; a rebuild after one page changed validates the
one or two parts that changed instead of the whole document. Checks that span parts
(unique operationIds, dangling references) are made on the whole document every time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_REF = "#/components/schemas/"
CHUNKS_FORMAT = "1"


def _refs(value: Any) -> Iterator[str]:
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            target = node.get("$ref")
            if isinstance(target, str) and target.startswith(_REF):
                yield target[len(_REF) :]
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _closure(value: Any, schemas: dict[str, Any]) -> set[str]:
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
        names = _closure(item, schemas)
        reached |= names
        parts[f"path {path}"] = {
            **head,
            "paths": {path: item},
            "components": {**shared, "schemas": {n: schemas[n] for n in sorted(names)}},
        }
    rest_names = set(schemas) - reached
    rest_names |= _closure({n: schemas[n] for n in rest_names}, schemas)
    parts["rest"] = {
        **{k: v for k, v in document.items() if k not in ("paths", "components")},
        "paths": {},
        "components": {**shared, "schemas": {n: schemas[n] for n in sorted(rest_names)}},
    }
    return parts


def digest(part: dict[str, Any]) -> str:
    text = json.dumps(part, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(f"{CHUNKS_FORMAT}\0{text}".encode()).hexdigest()


class ValidParts:
    """Digests of parts known to be valid, one empty file each under the cache folder.
    Failing to read or write is a miss: the cache can only make validation faster."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / f"valid-parts-v{CHUNKS_FORMAT}"

    def known(self, key: str) -> bool:
        return (self.folder / key[:2] / key).is_file()

    def remember(self, keys: list[str]) -> None:
        for key in keys:
            target = self.folder / key[:2] / key
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.touch()
            except OSError:
                return
