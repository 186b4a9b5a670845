"""What changed between two OpenAPI documents, and whether it breaks existing clients.

One hand-off: :func:`compare` takes two documents (dicts) and returns :class:`Change`
values, breaking ones first; :mod:`.render` writes them as text, Markdown or JSON. The
rules (:mod:`.rules`) follow oasdiff's breaking-change checks.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .model import Change, Level, Location
from .operations import DocumentComparer
from .rules import RULES, classify

__all__ = ["RULES", "Change", "Level", "Location", "compare"]

_LEVEL_ORDER = {Level.BREAKING: 0, Level.NON_BREAKING: 1}


def _order(change: Change) -> tuple[Any, ...]:
    location = change.location
    return (
        _LEVEL_ORDER[change.level],
        change.path,
        change.method,
        location.part,
        location.status,
        location.parameter_in,
        location.parameter,
        location.media_type,
        location.field,
        change.kind,
        json.dumps([change.old, change.new], sort_keys=True, default=str),
    )


def compare(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """The changes from ``old`` to ``new``: breaking first, then by path and method.
    Both documents are untrusted: what is not where OpenAPI puts it is not compared."""
    found = DocumentComparer(old, new).compare()
    return sorted((classify(method, path, finding) for method, path, finding in found), key=_order)
