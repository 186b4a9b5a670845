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

import contextlib
import functools
import hashlib
import importlib.util
import json
import os
import re
from pathlib import Path
from typing import Any

from doc2openapi import __version__
from doc2openapi.cache import Kept, store_bytes
from doc2openapi.spec.versions import LITERAL_KEYS, NAME_MAPS, SCHEMA_REF

MEMO_FORMAT = "2"
_PROSE = frozenset({"description", "summary", "x-source", "operationId"})
_COMPONENT_NAME = re.compile(r"[A-Za-z0-9._-]+")
"""The names OpenAPI allows for components: only these are replaced by numbers."""


class _Structure:
    """Builds :func:`structure`. With ``rename``, components are labelled by the order in
    which the walk first reaches them (``#0``, ``#1``, ...); without, by their names
    (``=Name``). A reference to no component keeps its target (``!Name``)."""

    def __init__(self, schemas: dict[str, Any], rename: bool) -> None:
        self.schemas = schemas
        self.rename = rename
        self.labels: dict[str, str] = {}
        self.pending: list[str] = []
        self.irregular = False
        """A reference or keyword that ties the result to names (see :func:`structure`)."""

    def label(self, name: str) -> str:
        if name not in self.schemas:
            if "/" in name or "~" in name:
                self.irregular = True  # a pointer into a component, or escaped
            return "!" + name
        if name not in self.labels:
            well_formed = _COMPONENT_NAME.fullmatch(name) is not None
            numbered = self.rename and well_formed
            self.labels[name] = f"#{len(self.pending)}" if numbered else "=" + name
            self.pending.append(name)
        return self.labels[name]

    def copy(self, value: Any, names: bool = False) -> Any:
        """A copy of ``value`` for the key; ``names``: ``value`` maps names (properties,
        paths, status codes, media types) to objects, and its keys are never keywords."""
        if isinstance(value, list):
            return [self.copy(item) for item in value]
        if not isinstance(value, dict):
            return value
        if names:
            return {str(key): self.copy(value[key]) for key in sorted(value, key=str)}
        out: dict[str, Any] = {}
        for key in sorted(value, key=str):
            item = value[key]
            if key == "$ref" and isinstance(item, str) and item.startswith(SCHEMA_REF):
                out[key] = SCHEMA_REF + self.label(item[len(SCHEMA_REF) :])
            elif key == "discriminator":
                self.irregular = True  # the instance names a schema: names count
                out[key] = item
            elif key in _PROSE and isinstance(item, str):
                out[key] = ""
            elif key in LITERAL_KEYS or str(key).startswith("x-"):
                out[str(key)] = item
            else:
                out[str(key)] = self.copy(item, key in NAME_MAPS and isinstance(item, dict))
        return out

    def components(self, names: list[str]) -> list[Any]:
        """Each component reached so far and those it reaches, then each of ``names`` not
        reached (in the order given) and those it reaches: label and body."""
        bodies: list[Any] = []
        for name in [*names, None]:
            while len(bodies) < len(self.pending):
                reached = self.pending[len(bodies)]
                bodies.append([self.labels[reached], self.copy(self.schemas[reached])])
            if name is not None:
                self.label(name)
        return bodies


def structure(value: Any, schemas: dict[str, Any], listed: list[str] | None = None) -> Any:
    """What a check of ``value`` (and of the component ``schemas`` it reaches) depends on.

    Prose is emptied (only a string under a prose key of an OpenAPI object: a property
    *named* ``description`` is a schema and stays), and components are numbered in the order
    a walk in sorted key order first reaches them: two documents that differ only in wording
    or in the names of their schemas have one structure. Data (examples, defaults, enums)
    and extensions are kept as they are. ``listed``: components that belong to the
    structure even where nothing refers to them.

    Where names can matter — a discriminator (the instance names its schema), a reference
    into a component or with escapes — the structure keeps every name and holds every
    schema: such documents are remembered only as they are."""
    builder = _Structure(schemas, rename=True)
    root = builder.copy(value)
    bodies = builder.components(sorted(listed or []))
    if not builder.irregular:
        return [root, bodies]
    literal = _Structure(schemas, rename=False)
    return [literal.copy(value), literal.components(sorted(schemas))]


@functools.cache
def _checker_versions() -> str:
    """The installed versions of the validators whose verdicts are remembered (from their
    ``.dist-info`` folders: importing metadata tools would cost more than most rebuilds)."""
    found: list[str] = []
    for module in ("jsonschema", "openapi_schema_validator", "openapi_spec_validator"):
        spec = importlib.util.find_spec(module)
        entries: list[str] = []
        if spec is not None and spec.origin:
            folder = Path(spec.origin).parent.parent
            with contextlib.suppress(OSError):
                entries = sorted(
                    entry
                    for entry in os.listdir(folder)
                    if entry.startswith(module + "-") and entry.endswith(".dist-info")
                )
        found.append(",".join(entries) or module + "-?")
    return ";".join(found)


def _typed(value: Any) -> Any:
    """Values JSON has no type for (a YAML date, say) by their type and text: a date and
    the text of that date are told apart."""
    return ["\0" + type(value).__name__, str(value)]


def digest_of(*values: Any) -> str:
    """A digest of JSON values (in a canonical form: sorted keys), of this tool's version
    and of the validators' versions."""
    head = f"{MEMO_FORMAT}\0{__version__}\0{_checker_versions()}\0"
    digest = hashlib.sha256(head.encode())
    for value in values:
        text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=_typed)
        digest.update(text.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


_seen: Kept[str] = Kept(200_000)
"""Entries this process has read or written (small texts: always kept)."""


class Memo:
    """Text results by key, one small file each under ``folder/<kind>-v<format>``."""

    def __init__(self, folder: Path, kind: str) -> None:
        # absolute: the entries this process remembers are told apart by folder
        self.folder = folder.absolute() / f"{kind}-v{MEMO_FORMAT}"

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def get(self, key: str) -> str | None:
        seen = _seen.get(self.folder, key)
        if seen is not None:
            return seen
        try:  # bytes: a text read would turn "\r" into "\n"
            text = self._path(key).read_bytes().decode("utf-8", "surrogatepass")
        except (OSError, UnicodeDecodeError):
            return None
        _seen.put(self.folder, key, text)
        return text

    def put(self, key: str, text: str) -> None:
        if _seen.get(self.folder, key) == text:
            return
        if store_bytes(self._path(key), text.encode("utf-8", "surrogatepass")):
            _seen.put(self.folder, key, text)
