"""Constraints a description states in so many words: "Enumeration values:" lists,
"Minimum: 1" / "Maximum: 64" / "Maximum length: 64 characters", "Default: false"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from doc2openapi.scraper.model import TextLine

_BOUND = re.compile(
    r"^(?P<side>minimum|maximum|min|max)(?:\s+(?P<what>value|length))?\s*:\s*"
    r"(?P<number>-?\d+(?:\.\d+)?)(?:\s*(?:characters?|bytes?|chars?))?\.?$",
    re.I,
)
_DEFAULT = re.compile(r"^default(?:\s+value)?\s*:\s*(?P<value>.+?)\.?$", re.I)
_ENUM_HEAD = re.compile(r"^enumeration values?\s*:?$", re.I)


def _number(text: str, json_type: str) -> int | float | None:
    if re.fullmatch(r"-?\d+", text.strip()):
        return int(text)  # exact, however large (float would round above 2**53)
    try:
        value = float(text)
    except ValueError:
        return None
    if json_type == "integer" or (json_type == "string" and value.is_integer()):
        return int(value)
    return int(value) if value.is_integer() and "." not in text else value


def typed_value(text: str, json_type: str) -> Any:
    """A document's literal as a value of the field's type, or None when it is not one."""
    text = text.strip().strip("\"'")
    if json_type == "integer":
        return int(text) if re.fullmatch(r"-?\d+", text) else None
    if json_type == "number":
        return _number(text, "number") if re.fullmatch(r"-?\d+(?:\.\d+)?", text) else None
    if json_type == "boolean":
        return {"true": True, "false": False}.get(text.lower())
    if json_type == "string":
        return text
    return None


def _enum_values(lines: Sequence[TextLine], start: int, json_type: str) -> list[Any]:
    values: list[Any] = []
    for line in lines[start:]:
        if not line.in_list:
            break
        word = line.strong[0] if line.strong else line.text
        value = typed_value(word, json_type)
        if value is not None and value not in values:
            values.append(value)
    return values


def constraints_of(lines: Sequence[TextLine], json_type: str) -> dict[str, Any]:
    """JSON Schema keywords stated by a description, for a field of ``json_type``."""
    found: dict[str, Any] = {}
    for index, line in enumerate(lines):
        text = line.text.strip()
        if _ENUM_HEAD.match(text):
            values = _enum_values(lines, index + 1, json_type)
            if values:
                found["enum"] = values
            continue
        if line.in_list:
            continue
        bound = _BOUND.match(text)
        if bound:
            _add_bound(found, bound, json_type)
            continue
        default = _DEFAULT.match(text)
        if default and "default" not in found:
            value = typed_value(default.group("value"), json_type)
            if value is not None:
                found["default"] = value
    return found


def _add_bound(found: dict[str, Any], bound: re.Match[str], json_type: str) -> None:
    side = "minimum" if bound.group("side").lower().startswith("min") else "maximum"
    number = _number(bound.group("number"), json_type)
    if number is None:
        return
    if json_type == "string" or (bound.group("what") or "").lower() == "length":
        if json_type == "array":
            found["minItems" if side == "minimum" else "maxItems"] = int(number)
        elif json_type == "string":
            found["minLength" if side == "minimum" else "maxLength"] = int(number)
    elif json_type in ("integer", "number"):
        found[side] = number
    elif json_type == "array":
        found["minItems" if side == "minimum" else "maxItems"] = int(number)
