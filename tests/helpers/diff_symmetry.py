"""Symmetry of a diff: swapping the two sides finds the same changes the other way
(added <-> removed, increased <-> decreased, set <-> unset...), at the same places."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence

from doc2openapi.diff import Change

_PAIRS = {
    r"^new-(required|optional)-request-parameter$": "request-parameter-~",
    r"^request-parameter-removed$": "request-parameter-~",
    r"^new-(required|optional)-request-property$": "request-property-~",
    r"^request-property-removed$": "request-property-~",
    r"^response-(required|optional)-property-(added|removed)$": "response-property-~",
    r"^request-body-added-(required|optional)$": "request-body-~",
    r"^request-body-removed$": "request-body-~",
    r"^(endpoint-added|api-removed-with(out)?-deprecation)$": "operation-~",
    r"^api-(deprecated|reactivated)$": "api-~",
    r"^api-security-(added|removed)$": "api-security-~",
}
_DIRECTIONS = re.compile(
    r"(?<=-)(added|removed|increased|decreased|set|unset|required|optional"
    r"|nullable|not-nullable)$"
)


def undirected(kind: str) -> str:
    """The kind with its direction left out: a change and its mirror have the same."""
    for pattern, replacement in _PAIRS.items():
        if re.match(pattern, kind):
            return replacement
    return _DIRECTIONS.sub("~", kind)


_PLACEHOLDER = re.compile(r"\{[^{}/]*\}")
_Renames = dict[tuple[str, str, str], str]
"""(method, path template, name on the new side) -> the path parameter's name on the old."""


def _renames(changes: Sequence[Change]) -> _Renames:
    return {
        (c.method, _PLACEHOLDER.sub("{}", c.path), str(c.new)): str(c.old)
        for c in changes
        if c.kind == "request-path-parameter-renamed"
    }


def _parameter(change: Change, renames: _Renames) -> str:
    """The parameter a change is located at. A path parameter is matched by its position,
    and a change to it is located by its name on the new side: when its name changed, the
    mirrored diff names it by the other name (``/{abc}`` against ``/{def}``). Both names
    then identify it, on either side."""
    name = change.location.parameter
    if change.location.parameter_in != "path":
        return name
    other = renames.get((change.method, _PLACEHOLDER.sub("{}", change.path), name))
    return " ".join(sorted({name, other})) if other is not None else name


def _key(change: Change, swapped: bool, renames: _Renames) -> tuple[str, ...]:
    values = (change.new, change.old) if swapped else (change.old, change.new)
    return (
        undirected(change.kind),
        change.method,
        change.location.part,
        change.location.status,
        change.location.media_type,
        _parameter(change, renames),
        change.location.field,
        json.dumps(values, sort_keys=True, default=str),
    )


def mirrored(forward: Sequence[Change], backward: Sequence[Change]) -> bool:
    """Whether ``backward`` (the diff with the sides swapped) mirrors ``forward``."""
    ahead, back = _renames(forward), _renames(backward)
    return Counter(_key(c, False, ahead) for c in forward) == Counter(
        _key(c, True, back) for c in backward
    )
