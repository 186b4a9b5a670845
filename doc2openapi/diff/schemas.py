"""Two schemas compared by structure: ``$ref`` resolved (a renamed component is no change),
recursive schemas cut where a pair of nodes is met again on the way down.

The walk yields :class:`SchemaFinding` values with a ``suffix`` (``type-changed``,
``max-length-decreased``, ``added-required``...) and a field path relative to the schema
compared; :mod:`.operations` turns them into rule ids. Both documents are untrusted: any
node that is not an object counts as an empty schema, a ``$ref`` that leads nowhere too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

MAX_REF_HOPS = 64
"""``$ref`` chains longer than this (or looping) resolve to an empty schema."""
EMPTY: Mapping[str, Any] = MappingProxyType({})
"""The one empty schema (results are kept by node identity: it must not be a new object)."""


@dataclass(frozen=True, slots=True)
class SchemaFinding:
    suffix: str
    field: str
    old: Any = None
    new: Any = None


class Resolver:
    """Local ``$ref`` pointers (``#/components/...``) of one document."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document

    def _pointer(self, ref: str) -> Any:
        if not ref.startswith("#/"):
            return None
        node: Any = self.document
        for raw in ref[2:].split("/"):
            part = raw.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, Mapping) or part not in node:
                return None
            node = node[part]
        return node

    def resolve(self, node: Any) -> Mapping[str, Any]:
        """The object ``node`` is or refers to (an empty one when there is none)."""
        for _ in range(MAX_REF_HOPS):
            if not isinstance(node, Mapping):
                return EMPTY
            ref = node.get("$ref")
            if not isinstance(ref, str):
                return node
            node = self._pointer(ref)
        return EMPTY


def join(name: str, inner: str) -> str:
    """The path of ``inner`` (relative to the field ``name``) from the parent."""
    if not inner:
        return name
    return f"{name}{inner}" if inner.startswith("[") else f"{name}.{inner}"


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _types(schema: Mapping[str, Any]) -> tuple[frozenset[str], bool]:
    """The types a schema allows (empty: any) and whether it allows null (3.0 ``nullable``
    or 3.1 ``"null"`` in ``type``)."""
    raw = schema.get("type")
    names = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    types = frozenset(name for name in names if isinstance(name, str))
    nullable = "null" in types or schema.get("nullable") is True
    return types - {"null"}, nullable


def _type_text(types: frozenset[str]) -> str:
    return "/".join(sorted(types)) or "any"


BOUNDS = (
    ("maxLength", "max-length", True),
    ("minLength", "min-length", False),
    ("maximum", "max", True),
    ("minimum", "min", False),
    ("maxItems", "max-items", True),
    ("minItems", "min-items", False),
    ("maxProperties", "max-properties", True),
    ("minProperties", "min-properties", False),
)
"""Constraint keyword, its name in rule ids, and whether it is an upper bound."""


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _bounds(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[SchemaFinding]:
    for keyword, name, _upper in BOUNDS:
        before, after = _number(old.get(keyword)), _number(new.get(keyword))
        if before == after:
            continue
        if before is None:
            yield SchemaFinding(f"{name}-set", "", None, new[keyword])
        elif after is None:
            yield SchemaFinding(f"{name}-unset", "", old[keyword], None)
        else:
            way = "increased" if after > before else "decreased"
            yield SchemaFinding(f"{name}-{way}", "", old[keyword], new[keyword])


def _pattern(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[SchemaFinding]:
    before, after = old.get("pattern"), new.get("pattern")
    before = before if isinstance(before, str) else None
    after = after if isinstance(after, str) else None
    if before == after:
        return
    suffix = "pattern-added" if before is None else "pattern-removed" if after is None else ""
    yield SchemaFinding(suffix or "pattern-changed", "", before, after)


def _enum(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[SchemaFinding]:
    before, after = old.get("enum"), new.get("enum")
    before = before if isinstance(before, list) else None
    after = after if isinstance(after, list) else None
    if before is None and after is None:
        return
    if before is None:
        yield SchemaFinding("enum-set", "", None, after)
        return
    if after is None:
        yield SchemaFinding("enum-unset", "", before, None)
        return
    old_keys, new_keys = {_key(v): v for v in before}, {_key(v): v for v in after}
    for key in sorted(old_keys.keys() - new_keys.keys()):
        yield SchemaFinding("enum-value-removed", "", old_keys[key], None)
    for key in sorted(new_keys.keys() - old_keys.keys()):
        yield SchemaFinding("enum-value-added", "", None, new_keys[key])


def _properties(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    properties = schema.get("properties")
    return properties if isinstance(properties, Mapping) else {}


def _required(schema: Mapping[str, Any]) -> frozenset[str]:
    required = schema.get("required")
    if not isinstance(required, list):
        return frozenset()
    return frozenset(name for name in required if isinstance(name, str))


def _merged(schema: Mapping[str, Any], resolver: Resolver) -> Mapping[str, Any]:
    """``schema`` with the parts of its ``allOf`` merged in (properties and required
    names joined; any other keyword from the first part that has it)."""
    parts = schema.get("allOf")
    if not isinstance(parts, list) or not parts:
        return schema
    merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    properties = dict(_properties(schema))
    required = set(_required(schema))
    for part in parts[:MAX_REF_HOPS]:
        resolved = resolver.resolve(part)
        for name, value in _properties(resolved).items():
            properties.setdefault(name, value)
        required |= _required(resolved)
        for keyword, value in resolved.items():
            if keyword not in ("properties", "required", "allOf"):
                merged.setdefault(keyword, value)
    if properties:
        merged["properties"] = properties
    if required:
        merged["required"] = sorted(required)
    return merged


class SchemaComparer:
    """Compares schemas of two documents; results are kept per pair of nodes, so a
    component used in a hundred places is compared once."""

    def __init__(self, old: Resolver, new: Resolver, unchanged: frozenset[str]) -> None:
        self.old, self.new = old, new
        self.unchanged = unchanged
        """Components the same on both sides (see :mod:`.unchanged`): not walked."""
        self._done: dict[tuple[int, int], tuple[SchemaFinding, ...]] = {}
        self._open: set[tuple[int, int]] = set()

    def compare(self, old: Any, new: Any) -> tuple[SchemaFinding, ...]:
        """The differences between the schemas ``old`` and ``new`` (either may be a
        ``$ref``); fields are named relative to them."""
        if isinstance(old, Mapping) and isinstance(new, Mapping):
            ref = old.get("$ref")
            if isinstance(ref, str) and ref == new.get("$ref") and ref in self.unchanged:
                return ()
        before, after = self.old.resolve(old), self.new.resolve(new)
        pair = (id(before), id(after))
        if pair in self._done:
            return self._done[pair]
        if pair in self._open:  # a recursive schema: this pair is being compared above
            return ()
        self._open.add(pair)
        try:
            found = tuple(self._walk(_merged(before, self.old), _merged(after, self.new)))
        finally:
            self._open.discard(pair)
        self._done[pair] = found
        return found

    def _walk(self, old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[SchemaFinding]:
        old_types, old_null = _types(old)
        new_types, new_null = _types(new)
        if old_types != new_types:
            yield SchemaFinding("type-changed", "", _type_text(old_types), _type_text(new_types))
            return
        if old_null != new_null:
            yield SchemaFinding("became-nullable" if new_null else "became-not-nullable", "")
        yield from _enum(old, new)
        yield from _bounds(old, new)
        yield from _pattern(old, new)
        yield from self._fields(old, new)
        yield from self._inner(old, new, "items", "[]")
        yield from self._inner(old, new, "additionalProperties", "*")
        yield from self._variants(old, new, "oneOf", "one-of")
        yield from self._variants(old, new, "anyOf", "any-of")

    def _fields(self, old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[SchemaFinding]:
        before, after = _properties(old), _properties(new)
        old_required, new_required = _required(old), _required(new)
        for name in sorted(before.keys() | after.keys()):
            if name not in after:
                state = "required" if name in old_required else "optional"
                yield SchemaFinding(f"removed-{state}", name)
            elif name not in before:
                state = "required" if name in new_required else "optional"
                yield SchemaFinding(f"added-{state}", name)
            else:
                if (name in old_required) != (name in new_required):
                    state = "required" if name in new_required else "optional"
                    yield SchemaFinding(f"became-{state}", name)
                for found in self.compare(before[name], after[name]):
                    yield SchemaFinding(found.suffix, join(name, found.field), found.old, found.new)

    def _inner(
        self, old: Mapping[str, Any], new: Mapping[str, Any], keyword: str, name: str
    ) -> Iterator[SchemaFinding]:
        before, after = old.get(keyword), new.get(keyword)
        if not isinstance(before, Mapping) and not isinstance(after, Mapping):
            return
        if before in (None, True) or after in (None, True):  # absent or true: any value
            before = before if isinstance(before, Mapping) else EMPTY
            after = after if isinstance(after, Mapping) else EMPTY
        if isinstance(before, Mapping) and isinstance(after, Mapping):
            for found in self.compare(before, after):
                yield SchemaFinding(found.suffix, join(name, found.field), found.old, found.new)

    def _variants(
        self, old: Mapping[str, Any], new: Mapping[str, Any], keyword: str, name: str
    ) -> Iterator[SchemaFinding]:
        before, after = old.get(keyword), new.get(keyword)
        before = before if isinstance(before, list) else []
        after = after if isinstance(after, list) else []
        for old_variant, new_variant in zip(before, after, strict=False):
            yield from self.compare(old_variant, new_variant)
        if len(before) > len(after):
            yield SchemaFinding(f"{name}-removed", "", len(before), len(after))
        elif len(after) > len(before):
            yield SchemaFinding(f"{name}-added", "", len(before), len(after))
