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


def _key(change: Change, swapped: bool) -> tuple[str, ...]:
    values = (change.new, change.old) if swapped else (change.old, change.new)
    return (
        undirected(change.kind),
        change.method,
        change.location.part,
        change.location.status,
        change.location.media_type,
        change.location.parameter,
        change.location.field,
        json.dumps(values, sort_keys=True, default=str),
    )


def mirrored(forward: Sequence[Change], backward: Sequence[Change]) -> bool:
    """Whether ``backward`` (the diff with the sides swapped) mirrors ``forward``."""
    return Counter(_key(c, False) for c in forward) == Counter(_key(c, True) for c in backward)
