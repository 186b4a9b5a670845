"""Changes written out: readable text, Markdown (a changelog section or a pull-request
comment) and JSON (the schema below, ``"format": 1``; see the README).

All three list breaking changes first and are deterministic: the same changes give the
same text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from .model import Change, Level

JSON_FORMAT = 1


def _value(value: Any) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return " ".join(text.split())[:200]


def _values(change: Change) -> str:
    before, after = _value(change.old), _value(change.new)
    if before and after:
        return f": {before} -> {after}"
    if before or after:
        return f": {before or after}"
    return ""


def _counts(changes: Sequence[Change]) -> tuple[int, int]:
    breaking = sum(change.level is Level.BREAKING for change in changes)
    return breaking, len(changes) - breaking


def _by_operation(changes: Sequence[Change], level: Level) -> dict[str, list[Change]]:
    grouped: dict[str, list[Change]] = {}
    for change in changes:
        if change.level is level:
            grouped.setdefault(change.operation, []).append(change)
    return grouped


def text(changes: Sequence[Change]) -> str:
    """One block per level, one line per change under its operation, with its rule."""
    if not changes:
        return "no changes\n"
    breaking, other = _counts(changes)
    lines = [f"{len(changes)} changes: {breaking} breaking, {other} non-breaking"]
    for level in Level:
        grouped = _by_operation(changes, level)
        if grouped:
            lines += ["", f"{level.value}:"]
        for operation, listed in grouped.items():
            lines.append(f"  {operation}")
            for change in listed:
                where = change.location.describe()
                lines.append(f"    {change.kind} {where}".rstrip() + _values(change))
                lines.append(f"      ({change.rule})")
    return "\n".join(lines) + "\n"


def _cell(value: str) -> str:
    """Text for a Markdown table cell: in a code span when it holds anything."""
    if not value:
        return ""
    flat = " ".join(value.split()).replace("|", "\\|").replace("`", "'")
    return f"`{flat}`"


def markdown(changes: Sequence[Change], title: str = "API changes") -> str:
    """A Markdown section: a count, then a table per level (the rule of each change in its
    last column)."""
    if not changes:
        return f"## {title}\n\nNo API changes.\n"
    breaking, other = _counts(changes)
    lines = [f"## {title}", "", f"**{breaking} breaking**, {other} non-breaking."]
    for level, heading in ((Level.BREAKING, "Breaking"), (Level.NON_BREAKING, "Non-breaking")):
        listed = [change for change in changes if change.level is level]
        if not listed:
            continue
        lines += [
            "",
            f"### {heading} changes",
            "",
            "| Operation | Change | Where | Old | New | Why |",
        ]
        lines.append("|---|---|---|---|---|---|")
        for change in listed:
            cells = (
                _cell(change.operation),
                change.kind,
                _cell(change.location.describe()),
                _cell(_value(change.old)),
                _cell(_value(change.new)),
                change.rule,
            )
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def change_record(change: Change) -> dict[str, Any]:
    """One change in the JSON schema (every key always present)."""
    location = change.location
    return {
        "id": change.kind,
        "level": change.level.value,
        "method": change.method.upper(),
        "path": change.path,
        "location": {
            "part": location.part,
            "parameter": location.parameter,
            "in": location.parameter_in,
            "status": location.status,
            "media_type": location.media_type,
            "field": location.field,
        },
        "old": change.old,
        "new": change.new,
        "rule": change.rule,
    }


def as_json(changes: Sequence[Change]) -> str:
    breaking, other = _counts(changes)
    document = {
        "format": JSON_FORMAT,
        "summary": {"breaking": breaking, "non-breaking": other, "total": len(changes)},
        "changes": [change_record(change) for change in changes],
    }
    return json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n"


FORMATS: dict[str, Callable[[Sequence[Change]], str]] = {
    "text": text,
    "markdown": markdown,
    "json": as_json,
}
