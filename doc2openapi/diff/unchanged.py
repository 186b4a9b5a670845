"""What is the same on both sides, found by equality of the raw objects (a comparison done
in C, many times faster than walking them): such parts need no walk.

A part is unchanged when it is equal on both sides and every ``$ref`` inside it leads to an
unchanged component: a component equal on both sides whose references are all unchanged
too (found by removing, until none is left to remove, the equal components that refer to a
changed or missing one).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

_REF = re.compile(r'"\$ref": "((?:[^"\\]|\\.)*)"')


def references(node: Any) -> set[str]:
    """Every ``$ref`` value inside ``node`` (found in its JSON text); a node that has no
    JSON text (it contains itself) refers to ``""``, which is never unchanged."""
    try:
        text = json.dumps(node, ensure_ascii=False, default=str)
    except (ValueError, TypeError, RecursionError):
        return {""}
    return {json.loads(f'"{ref}"') for ref in _REF.findall(text)}


def _components(document: Mapping[str, Any]) -> dict[str, Any]:
    """Each component by the pointer that refers to it (``#/components/schemas/Name``)."""
    found: dict[str, Any] = {}
    components = document.get("components")
    if not isinstance(components, Mapping):
        return found
    for section, entries in components.items():
        if isinstance(entries, Mapping):
            for name, value in entries.items():
                escaped = str(name).replace("~", "~0").replace("/", "~1")
                found[f"#/components/{section}/{escaped}"] = value
    return found


def unchanged_references(old: Mapping[str, Any], new: Mapping[str, Any]) -> frozenset[str]:
    """The component pointers whose components are unchanged from ``old`` to ``new``."""
    before, after = _components(old), _components(new)
    equal = {ref for ref in before.keys() & after.keys() if _equal(before[ref], after[ref])}
    needs = {ref: references(after[ref]) for ref in equal}
    stable = set(equal)
    changed = True
    while changed:
        broken = {ref for ref in stable if not needs[ref] <= stable}
        stable -= broken
        changed = bool(broken)
    return frozenset(stable)


def _equal(old: Any, new: Any) -> bool:
    """``old == new``; False for objects that contain themselves."""
    try:
        return bool(old == new)
    except RecursionError:
        return False


def same(old: Any, new: Any, stable: frozenset[str]) -> bool:
    """Whether ``old`` and ``new`` are equal and refer only to unchanged components."""
    return _equal(old, new) and references(new) <= stable
