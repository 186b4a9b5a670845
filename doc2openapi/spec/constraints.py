"""Constraints a description states in so many words: "Enumeration values:" (or "The value
can be:" on a line of its own) lists,
"Minimum: 1" / "Maximum: 64" / "Maximum length: 64 characters", "Default: false" (also as a
sentence of a longer line: "Value range: 1-100. Default value: 3."), and the
ranges and patterns its sentences give ("Value range: 0 to 100", "Length: 1 to 64
characters", "Array Length: 1 - 10", "The value ranges from 1 to 500", "Range: 1 to 100",
"... Supported range: 1 to 5", "... messages.Value range: 1-200", "The maximum value is
1000", "minimum 1, maximum 64", "matches the regular expression ^[a-z]{1,64}$", "It can
contain 1 to 64 characters",
"cannot exceed 255 characters", "The default value is 300."), and patterns on a line of
their own ("Regular expression matching: ^[a-z]+$").
A keyword stated on a line of its own wins over one read from a sentence."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from doc2openapi.scraper.model import TextLine

_BOUND = re.compile(
    r"^(?P<side>minimum|maximum|min|max)(?:\s+(?P<what>value|length))?\s*:\s*"
    r"(?P<number>-?\d{1,19}(?:\.\d{1,19})?(?:e[+-]?\d{1,4})?)(?:\s*(?:characters?|bytes?|chars?))?\.?$",
    re.I,
)
_DEFAULT = re.compile(r"^default(?:\s+value)?\s*:\s*(?P<value>.+?)\.?$", re.I)
_DEFAULT_AFTER_SENTENCE = re.compile(
    r"(?:^|[.;]\s*)default(?:\s+value)?\s*:\s*(?P<value>[^\s,;]+?)\.?(?=\s|$)", re.I
)
"""A default stated as a sentence of its own in a line ("Value range: 1-100. Default
value: 3.", "... Max.: 500. Default: 100"): one word; a text one only where it is bold."""
_ENUM_HEAD = re.compile(r"^(?:(?P<plain>enumeration values?)|the value can be)\s*:?$", re.I)
_NUMBER = r"-?\d[\d,]{0,18}(?:\.\d{1,19})?"
"""A number of at most 19 digits: a longer one is no bound a page means (and Python refuses
to read one of thousands of digits)."""
_RANGE = (
    rf"(?P<low>{_NUMBER})\s*(?P<unit>[a-z]+)?\s*(?:-|\u2013|to|~)\s*(?P<high>{_NUMBER})"
    r"\s*(?P<unit2>[a-z]+)?"
)
_STATED_RANGES = (
    ("items", re.compile(rf"^array length\s*:\s*{_RANGE}\.?$", re.I)),
    ("length", re.compile(rf"^(?:length|value length)\s*:\s*{_RANGE}\.?$", re.I)),
    ("value", re.compile(rf"^value range\s*:\s*{_RANGE}\.?$", re.I)),
)
_END = (
    r"(?=\s*(?:$|\(|[.;]?\)?\s*$|[.;]\s+(?-i:[A-Z])"
    r"|,? and (?:the default value is|defaults to|is \S+ by default)|,\s*in [a-z]+\s*(?:[.;]|$)))"
)
"""A sentence's range ends it ("... is 1 to 10.", "... 1 to 100 (default)", "... 0 to 100.
Default: 10", "... 1 to 300, and the default value is 60", "... 0-1000, in rows."): one
that goes on ("0 to 2^31-1", "1 to 5 per request", "1-10 for small instances and ...")
bounds something else or less plainly."""
_MAGNITUDES = frozenset({"thousand", "million", "billion", "trillion", "times", "percent"})
"""Words after a range's second number that make it not the number it reads as."""
_SENTENCE_RANGES = (
    re.compile(rf"\bvalue ranges? (?:from|between) {_RANGE}{_END}", re.I),
    re.compile(rf"(?:^|\.\s+)(?:supported |value )?range\s*:\s*{_RANGE}{_END}", re.I),
    re.compile(rf"\bvalue range(?:\s+is|\s*:)\s*(?:from\s+)?{_RANGE}{_END}", re.I),
    re.compile(
        rf"\bminimum\s+(?P<low>{_NUMBER})\s*,\s*(?:and\s+)?maximum\s+(?P<high>{_NUMBER})", re.I
    ),
)
_DEFAULT_SENTENCE = re.compile(
    r"(?:^|[.!?]\s+)the default value is (?P<value>[^\s,;]+?)\.(?=\s|$)", re.I
)
"""A default stated in a sentence ("The default value is 300."): a value of the field's
type that ends the sentence ("The default value is 0, indicating ..." says more than a
value), and for a string only the value the page sets in bold."""
_SENTENCE_BOUND = re.compile(
    rf"\bthe (?P<side>minimum|maximum) value is (?P<number>{_NUMBER})(?![\d,])", re.I
)
_STATED_PATTERN = re.compile(r"^regular expression(?: matching)?\s*:\s*(?P<pattern>.*)$", re.I)
"""A pattern on a line of its own; an empty rest means the next line (a code block) holds it."""
_PATTERN = re.compile(
    r"\b(?:matches|meets|match|meet) the regular expression\s*:?\s*(?P<pattern>\S+)", re.I
)
_CHARACTERS = r"(?:unicode\s+)?characters?\b(?!\s+(?:or more|at least|or longer))"
_SENTENCE_LENGTHS = (
    re.compile(
        r"\b(?:contains?|can contain|consists? of) (?:from )?(?P<low>\d[\d,]{0,18}) to "
        r"(?P<high>\d[\d,]{0,18}) " + _CHARACTERS,
        re.I,
    ),
    re.compile(
        r"\b(?:(?:contains?|can contain|consists? of) (?:a maximum of|at most|up to|no more than)"
        r"|cannot exceed|(?:must|does|do|should) not exceed) (?P<high>\d[\d,]{0,18}) "
        + _CHARACTERS,
        re.I,
    ),
)
"""A string's length a sentence states with its bound: "The name contains 1 to 255
characters", "The value contains a maximum of 1024 characters", "Cannot exceed 64
characters". "The value must contain 32 characters" states a size, not a bound."""
_SUBJECT = re.compile(
    r"(?:the|this|an?) (?P<noun>[\w ]{1,40}?)(?: of (?:the |this )?(?P<of>\w+)(?: parameter)?)?"
    r"(?: (?:contains?|consists?|is|are|must|can|cannot|may)\b.*)?",
    re.I,
)
_OWN_NOUNS = frozenset({"value", "name", "key", "parameter", "field", "description"})
"""Whose length a sentence states: the value itself ("It ...", "The value ...", "The tag
key ...", "The subject ..." of a field named subject, "Description of X, which ..."), or no
subject ("Cannot exceed 64 characters"); not a part of it ("Each label can contain ...",
"The prefix cannot ..." of another field)."""
_CONDITION = re.compile(r"^\s*(?:if|when|for|unless|in case)\b|,\s*if\b|\bwhen\b", re.I)
"""A sentence about a case ("When type is A, ...", "For type A, the value range is ...",
"If the name is in Chinese, it ..."): its bounds are not the field's."""
_LENGTH_UNITS = frozenset({"character", "characters", "char", "chars", "byte", "bytes"})
_TIME_UNITS = frozenset(
    {"ms", "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days"}
)
"""Units of a range of durations ("from 5 minutes to 24 hours"): its bounds are in two
units, neither of them necessarily the field's (seconds), so they bound nothing."""
_NOT_VALUES = _LENGTH_UNITS | _TIME_UNITS


def _number(text: str, json_type: str) -> int | float | None:
    """The number ``text`` writes, None where it is none or not finite ("1e400")."""
    if re.fullmatch(r"-?\d{1,19}", text.strip()):
        return int(text)  # exact (float would round above 2**53)
    try:
        value = float(text)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    if json_type == "integer" or (json_type == "string" and value.is_integer()):
        return int(value)
    return int(value) if value.is_integer() and "." not in text else value


def typed_value(text: str, json_type: str) -> Any:
    """A document's literal as a value of the field's type, or None when it is not one."""
    text = text.strip().strip("\"'")
    if json_type == "integer":
        return int(text) if re.fullmatch(r"-?\d{1,19}", text) else None
    if json_type == "number":
        return _number(text, "number") if re.fullmatch(r"-?\d+(?:\.\d+)?", text) else None
    if json_type == "boolean":
        return {"true": True, "false": False}.get(text.lower())
    if json_type == "string":
        return text
    return None


def _enum_values(
    lines: Sequence[TextLine], start: int, json_type: str, bold: bool = False
) -> list[Any]:
    """The values the list items after an enumeration's head give. After "The value can
    be:" (``bold``) each item starts with its value in bold ("**port**: a single network
    interface."); the list ends at an item that does not, which is a range ("10.0.0.0/8-
    10.255.255.240/28"), a value with its explanation unmarked ("ingress: inbound
    direction.") or a sentence about the field, not a value."""
    values: list[Any] = []
    for line in lines[start:]:
        if not line.in_list:
            break
        if bold and not (line.strong and line.text.strip().startswith(line.strong[0])):
            break
        if bold and len(line.strong[0].split()) != 1:
            return []  # "**A single value**, such as 200": prose, not a list of values
        word = line.strong[0] if line.strong else line.text
        value = typed_value(word, json_type)
        if value is not None and value not in values:
            values.append(value)
    return values


def constraints_of(lines: Sequence[TextLine], json_type: str, name: str = "") -> dict[str, Any]:
    """JSON Schema keywords stated by a description, for a field of ``json_type`` called
    ``name``."""
    found: dict[str, Any] = {}
    for index, line in enumerate(lines):
        text = line.text.strip()
        head = _ENUM_HEAD.match(text)
        if head:
            values = _enum_values(lines, index + 1, json_type, bold=not head.group("plain"))
            if values:
                found["enum"] = values
            continue
        if _add_stated_keywords(found, text, json_type) or line.in_list:
            continue
        stated = _STATED_PATTERN.match(text)
        if stated:
            pattern = stated.group("pattern").strip() or _next_text(lines, index)
            if pattern and json_type == "string":
                found["pattern"] = pattern
            continue
        _add_sentence_keywords(found, line, json_type, name)
        default = _DEFAULT.match(text)
        if default and "default" not in found:
            value = typed_value(default.group("value"), json_type)
            if value is not None:
                found["default"] = value
    _sentence_default(found, lines)
    for key, value in list(found.items()):
        if key.startswith("~"):
            found.setdefault(key[1:], value)
            del found[key]
    return found


SENTENCE_DEFAULT = "x-default-from-sentence"
"""Marks a default read from a sentence, which holds only where the operation sends the
field to create something (see :mod:`doc2openapi.spec.sentence_defaults`); a "Default:"
line holds everywhere. The mark is taken out before the document is written."""
_RESTRICTED = re.compile(
    r"(?:^|[.:]\s+|\b(?:is|are|valid|available|used|supported|takes effect) )only (?:for|when|if)\b"
    r"|\b(?:valid only|available only|do not use|not supported)\b",
    re.I,
)
"""A cell that restricts its field to a case ("This parameter is available only for HTTPS
listeners."); not one that restricts a value ("It can be set to 0 only when ...")."""
_ABSENCE = frozenset({"none", "empty", "n/a", "null"})


def _sentence_default(found: dict[str, Any], lines: Sequence[TextLine]) -> None:
    """Marks the default a sentence states, or drops it where the cell restricts the
    field to a case ("Only for HTTPS listeners."), so the default is not the service's
    for every request, or where a bold absence word ("**None**") is no value of the
    field: not enumerated, nor set in bold elsewhere in the cell ("The value can be
    **none** or **static**")."""
    if not found.pop("~" + SENTENCE_DEFAULT, False) or "default" in found:
        return
    value = found["~default"]
    bold = [word for line in lines for word in line.strong].count(value)
    absent = isinstance(value, str) and value.lower() in _ABSENCE and bold < 2
    if any(_RESTRICTED.search(line.text) for line in lines) or (
        absent and value not in found.get("enum", ())
    ):
        del found["~default"]
    else:
        found[SENTENCE_DEFAULT] = True


def _next_text(lines: Sequence[TextLine], index: int) -> str:
    """The line after "Regular expression:" when it is one (it holds a regular
    expression's operators), not a sentence about the field."""
    following = lines[index + 1] if index + 1 < len(lines) else None
    if (
        following is None
        or following.in_list
        or not re.search(r"[\^$\[\]\\()*+?{}]", following.text)
    ):
        return ""
    return following.text.strip()


def _add_stated_keywords(found: dict[str, Any], text: str, json_type: str) -> bool:
    """Keywords a line states as a whole ("Value range: 0 to 2000.", "-  Maximum: 64"),
    and whether it is such a line. A description may be written as a list of them; a list
    item's other sentences are left alone: they may speak of a case, not of the field."""
    for kind, pattern in _STATED_RANGES:
        match = pattern.match(text)
        if match:
            _add_range(found, match, json_type, kind)
            return True
    bound = _BOUND.match(text)
    if bound:
        _add_bound(found, bound, json_type)
    return bound is not None


def _add_sentence_keywords(
    found: dict[str, Any], line: TextLine, json_type: str, name: str
) -> None:
    """Keywords read from ranges and sentences, kept under a ``~`` key until the lines
    that state a keyword on their own have been read."""
    text = line.text.strip()
    for pattern in _SENTENCE_RANGES:
        for match in pattern.finditer(text):
            if not _in_case(text, match.start()):
                _add_range(found, match, json_type, "value")
    for match in _SENTENCE_BOUND.finditer(text):
        number = _number(match.group("number").replace(",", ""), json_type)
        if json_type in ("integer", "number") and number is not None:
            if not _in_case(text, match.start()):
                found.setdefault("~" + match.group("side").lower(), number)
    lengths = [m for p in _SENTENCE_LENGTHS for m in p.finditer(text)]
    if json_type == "string" and len(lengths) == 1:  # two lengths: of two things
        start = lengths[0].start()
        if not _in_case(text, start) and _of_the_value(text, start, name):
            _add_length(found, lengths[0])
    for pattern in (_DEFAULT_SENTENCE, _DEFAULT_AFTER_SENTENCE):
        default = pattern.search(text)
        if default and (json_type != "string" or default.group("value") in line.strong):
            value = typed_value(default.group("value"), json_type)
            # "The default value is null.": none
            if value is not None and value != "null" and "~default" not in found:
                found["~default"] = value
                if pattern is _DEFAULT_SENTENCE:
                    found["~" + SENTENCE_DEFAULT] = True
    pattern_match = _PATTERN.search(text)
    if pattern_match and json_type == "string":
        found.setdefault("~pattern", _pattern_text(pattern_match, line))


def _sentence_before(text: str, start: int) -> str:
    """The words of the sentence holding ``start`` that come before it."""
    opening = max((m.end() for m in re.finditer(r"[.!?:]\s+", text[:start])), default=0)
    return text[opening:start]


def _in_case(text: str, start: int) -> bool:
    """Whether the sentence holding ``start``, or one before it on its line ("If X, this
    parameter is the ICMP type. The value ranges from 0 to 255."), speaks of a case."""
    if _CONDITION.search(_sentence_before(text, start)):
        return True
    return any(_CONDITION.match(s) for s in re.split(r"[.!?]\s+", text[:start]))


def _of_the_value(text: str, start: int, name: str) -> bool:
    before = _sentence_before(text, start).strip()
    before = re.sub(r"\s*\b(?:can|must|may|should|shall)$", "", before)
    if before.lower() in ("", "it") or re.search(r"(?:,? which|\bthat)$", before):
        return not re.match(r"(?:each|every)\b", before, re.I)
    subject = _SUBJECT.fullmatch(before)
    if subject is None:
        return False
    own = {*_OWN_NOUNS, *re.split(r"[^a-z0-9]+", _words(name))}
    if subject.group("of") and subject.group("of").lower() not in own | {"this", "the"}:
        return False  # "The value of each label ...", "The name of the bucket ..."
    return subject.group("noun").split()[-1].lower() in own


def _words(name: str) -> str:
    """``name`` in lower case, its camelCase humps apart ("NextMarker": "next marker")."""
    return re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name).lower()


def _add_range(found: dict[str, Any], match: re.Match[str], json_type: str, kind: str) -> None:
    low = _number(match.group("low").replace(",", ""), json_type)
    high = _number(match.group("high").replace(",", ""), json_type)
    if low is None or high is None:
        return
    given = match.groupdict()
    units = {str(given[u]).lower() for u in ("unit", "unit2") if given.get(u)}
    if len(units) > 1 or units & _MAGNITUDES or (given.get("unit") and not given.get("unit2")):
        return  # "1 GB to 32 TB", "1 to 10 million", "1 GB to 32": not two plain bounds
    if kind == "items" and json_type == "array":
        found.setdefault("~minItems", int(low))
        found.setdefault("~maxItems", int(high))
    elif json_type == "string" and (kind == "length" or units & _LENGTH_UNITS):
        found.setdefault("~minLength", int(low))
        found.setdefault("~maxLength", int(high))
    elif json_type in ("integer", "number") and kind == "value" and not units & _NOT_VALUES:
        found.setdefault("~minimum", low)
        found.setdefault("~maximum", high)


def _add_length(found: dict[str, Any], match: re.Match[str]) -> None:
    low = match.groupdict().get("low")
    if low is not None:
        found.setdefault("~minLength", int(low.replace(",", "")))
    found.setdefault("~maxLength", int(match.group("high").replace(",", "")))


def _pattern_text(match: re.Match[str], line: TextLine) -> str:
    """The regular expression after "matches the regular expression": the bold text the
    page gives there when it does (it may hold blanks), else the word that follows, without
    the quotes or the full stop around it."""
    rest = line.text[match.start("pattern") :]
    pattern = next((s for s in line.strong if rest.startswith(s)), match.group("pattern"))
    pattern = pattern.strip("\"'“”")
    if pattern.endswith(".") and not pattern.endswith("\\.") and pattern[:-1].endswith("$"):
        pattern = pattern[:-1]
    return pattern.strip("\"'“”")


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
