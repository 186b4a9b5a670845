"""Keywords read from a description that would make the document invalid, left out.

A page may state a negative length, a minimum above its maximum, a pattern that is no
regular expression, or a default its own bounds refuse ("The value can be -1 or 1-99999"
beside "Minimum: 1" and "Default: -1"). One such value must not cost a service its whole
document: the keyword is left out of the field's schema and the caller reports why.

A default is a value the service itself applies, so a bound, length or pattern that refuses
it is the wrong statement and goes; a default outside an enumeration goes instead (the list
names the values one by one, a "Default:" line is often a sentence)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from doc2openapi.scraper.model import TextLine
from doc2openapi.spec.constraints import constraints_of

Schema = dict[str, Any]

_COUNTS = ("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties")
_PAIRS = (("minimum", "maximum"), ("minLength", "maxLength"), ("minItems", "maxItems"))
_NESTED = ("items", "additionalProperties")


def described(
    schema: Schema, lines: Sequence[TextLine], name: str = ""
) -> tuple[Schema, list[str]]:
    """A field's schema with its description and the keywords the description states
    (an enumeration under an array describes its items), less those that would make the
    document invalid; and why each of those was left out."""
    json_type = str(schema.get("type", ""))
    keywords = constraints_of(lines, json_type, name)
    out = dict(schema)
    items = out.get("items")
    if (
        json_type == "array"
        and isinstance(items, dict)
        and items.get("type")
        and "enum" in keywords
    ):
        out["items"] = {**items, **constraints_of(lines, str(items["type"]))}
        keywords.pop("enum", None)
    description = "\n".join(line.text for line in lines)
    if description and description != "-":  # "-": the document has nothing to say
        out["description"] = description
    if "$ref" in out:
        return out, []
    return coherent({**out, **keywords})


def coherent(schema: Schema) -> tuple[Schema, list[str]]:
    """``schema`` without the keywords that make it invalid (a copy where any is dropped),
    and one sentence per keyword dropped. Item and value schemas are checked too."""
    out = dict(schema)
    problems: list[str] = []
    for key in _NESTED:
        inner = out.get(key)
        if isinstance(inner, dict) and "$ref" not in inner:
            out[key], found = coherent(inner)
            problems.extend(f"{key}: {problem}" for problem in found)
    _drop_bad_counts(out, problems)
    _drop_crossed_pairs(out, problems)
    _drop_bad_pattern(out, problems)
    _drop_bad_enum(out, problems)
    _fit_default(out, problems)
    return out, problems


def _drop_bad_counts(schema: Schema, problems: list[str]) -> None:
    for key in _COUNTS:
        value = schema.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            del schema[key]
            problems.append(f"{key} {value!r} is not a count (0 or more); it is left out")


def _drop_crossed_pairs(schema: Schema, problems: list[str]) -> None:
    for low, high in _PAIRS:
        if low in schema and high in schema and schema[low] > schema[high]:
            problems.append(
                f"{low} {schema[low]!r} is above {high} {schema[high]!r}; both are left out"
            )
            del schema[low], schema[high]


def _drop_bad_pattern(schema: Schema, problems: list[str]) -> None:
    pattern = schema.get("pattern")
    if pattern is None:
        return
    if not isinstance(pattern, str) or schema.get("type") not in ("string", None):
        del schema["pattern"]
        problems.append(f"pattern {pattern!r} is given for a field that is not text; left out")
        return
    try:
        re.compile(pattern)
    except re.error as error:
        del schema["pattern"]
        problems.append(f"pattern {pattern!r} is not a regular expression ({error}); left out")


def _drop_bad_enum(schema: Schema, problems: list[str]) -> None:
    values = schema.get("enum")
    if values is None:
        return
    unique = [v for i, v in enumerate(values) if v not in values[:i]]
    if not unique:
        del schema["enum"]
        problems.append("an empty enumeration is left out")
    elif len(unique) != len(values):
        schema["enum"] = unique


def _fit_default(schema: Schema, problems: list[str]) -> None:
    if "default" not in schema:
        return
    value = schema["default"]
    if "enum" in schema and value not in schema["enum"]:
        del schema["default"]
        problems.append(f"default {value!r} is not one of the enumerated values; left out")
        return
    for keyword in refusing(schema, value):
        problems.append(f"{keyword} {schema[keyword]!r} refuses the default {value!r}; left out")
        del schema[keyword]


def refusing(schema: Schema, value: Any) -> list[str]:
    """The bound, length and pattern keywords of ``schema`` that ``value`` does not meet."""
    found: list[str] = []
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            found.append("minimum")
        if "maximum" in schema and value > schema["maximum"]:
            found.append("maximum")
    if isinstance(value, str):
        if "minLength" in schema and len(value) < schema["minLength"]:
            found.append("minLength")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            found.append("maxLength")
        if "pattern" in schema and re.search(schema["pattern"], value) is None:
            found.append("pattern")
    return found
