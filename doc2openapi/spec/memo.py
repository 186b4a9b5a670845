"""Remembered results of the slow checks (validation, example checks), for rebuilds.

A result is stored under a digest of everything it depends on, so an entry is never stale:
changed input is a different key. What a check cannot see is left out of the digest
(:func:`structure`): prose (``description``, ``summary``) is free text to
openapi-spec-validator and to JSON Schema alike, ``x-source`` is an annotation, and the
names of component schemas only tie references to their targets. A page's title names its
operation and the schemas of its tables, so a rebuild after an edit of a page's wording
finds every check already made. (``operationId`` is left out as well: that operationIds
are unique identifiers is checked by :mod:`.validate` on the whole document every time.)

Entries are small text files, written atomically; failing to read or write one is a miss,
never an error. The folder is safe to delete.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from doc2openapi import __version__
from doc2openapi.cache import store_bytes

MEMO_FORMAT = "1"
_PROSE = frozenset({"description", "summary", "x-source", "operationId"})
_VALUES = frozenset({"example", "examples", "default", "enum", "const", "mapping"})
"""Keys whose contents are data, not OpenAPI objects: text in them is never prose."""
_REF = "#/components/schemas/"
_COMPONENT_NAME = re.compile(r"[A-Za-z0-9._-]+")
"""The names OpenAPI allows for components: only these are replaced by numbers."""


class _Structure:
    """Builds :func:`structure`: component names numbered in order of first use."""

    def __init__(self, schemas: dict[str, Any]) -> None:
        self.schemas = schemas
        self.numbers: dict[str, int] = {}
        self.pending: list[str] = []

    def name(self, name: str) -> str:
        if name not in self.schemas or not _COMPONENT_NAME.fullmatch(name):
            return name  # a dangling or ill-formed name counts as itself
        if name not in self.numbers:
            self.numbers[name] = len(self.numbers)
            self.pending.append(name)
        return f"#{self.numbers[name]}"

    def copy(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self.copy(item) for item in value]
        if not isinstance(value, dict):
            return value
        out: dict[str, Any] = {}
        for key in sorted(value, key=str):
            item = value[key]
            if key == "$ref" and isinstance(item, str) and item.startswith(_REF):
                out[key] = _REF + self.name(item[len(_REF) :])
            elif key in _PROSE and isinstance(item, str):
                out[key] = ""
            elif key in _VALUES or str(key).startswith("x-"):
                out[str(key)] = item
            else:
                out[str(key)] = self.copy(item)
        return out

    def components(self, names: list[str]) -> list[Any]:
        """The bodies of the components reached so far and of those they reach, then of
        ``names`` not reached (in the order given) and of those they reach."""
        bodies: list[Any] = []
        for name in [*names, None]:
            while len(bodies) < len(self.pending):
                bodies.append(self.copy(self.schemas[self.pending[len(bodies)]]))
            if name is not None:
                self.name(name)
        return bodies


def structure(value: Any, schemas: dict[str, Any], listed: list[str] | None = None) -> Any:
    """What a check of ``value`` (and of the component ``schemas`` it reaches) depends on.

    Prose is emptied (only a string under a prose key: a property *named* ``description``
    is a schema and stays), and components are numbered in the order a walk in sorted key
    order first reaches them: two documents that differ only in wording or in the names of
    their schemas have one structure. Data (examples, defaults, enums, discriminator
    mappings) and extensions are kept as they are, whatever keys they hold. ``listed``:
    components that belong to the structure even where nothing refers to them."""
    builder = _Structure(schemas)
    root = builder.copy(value)
    return [root, builder.components(sorted(listed or []))]


def digest_of(*values: Any) -> str:
    """A digest of JSON values (in a canonical form: sorted keys)."""
    digest = hashlib.sha256(f"{MEMO_FORMAT}\0{__version__}\0".encode())
    for value in values:
        text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
        digest.update(text.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


class Memo:
    """Text results by key, one small file each under ``folder/<kind>-v<format>``."""

    def __init__(self, folder: Path, kind: str) -> None:
        self.folder = folder / f"{kind}-v{MEMO_FORMAT}"

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def get(self, key: str) -> str | None:
        try:
            return self._path(key).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def put(self, key: str, text: str) -> None:
        store_bytes(self._path(key), text.encode("utf-8", "surrogatepass"))
