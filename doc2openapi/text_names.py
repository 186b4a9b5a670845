"""Names derived from document text: identifiers that are valid in common languages."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

_WORDS = re.compile(r"[A-Z]{2,}s\b|[A-Z]+(?![a-z])|[A-Za-z][a-z0-9]*|\d+")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "to", "for", "in", "on", "by", "and", "or", "from", "with", "about"}
)


PATH_PARAMETER = re.compile(r"\{([^}]+)\}")


def path_parameter_names(path: str) -> list[str]:
    """The ``{name}`` placeholders of a URI path template, in order."""
    return PATH_PARAMETER.findall(path)


def words(text: str) -> list[str]:
    return _WORDS.findall(text.replace("'", ""))


def pascal_case(text: str, drop_small_words: bool = False) -> str:
    """``"Creating an ECS (Discarded)"`` → ``"CreatingEcs"`` (with small words dropped)."""
    parts = words(text)
    if drop_small_words:
        kept = [w for w in parts if w.lower() not in _SMALL_WORDS]
        parts = kept or parts
    name = "".join(
        w.capitalize() if w.isupper() or _PLURAL_ACRONYM.fullmatch(w) else w[:1].upper() + w[1:]
        for w in parts
    )
    if not name:
        return "Unnamed"
    if name[0].isdigit():
        name = "N" + name
    return name


def is_identifier(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", text))


def nearest(name: str, known: Iterable[str]) -> str | None:
    """The known name most like ``name`` (a misspelling's correction), if one is close."""
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return close[0] if close else None
