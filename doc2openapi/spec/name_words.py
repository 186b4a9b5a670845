"""Words of names: split, joined, cut to length, made singular or plural, and read as verbs.

The word rules that operationIds and schema names share; lemminflect knows the English forms.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any


@functools.cache
def lemmatizer() -> Any:
    """lemminflect, imported when the first name is made: importing it loads its word models
    (0.14 s), which a rebuild that reuses the previous document never needs."""
    import lemminflect  # noqa: PLC0415

    return lemminflect


MAX_LENGTH = 60
"""Longest operationId (and schema name): longer ones are cut at words."""

_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_PARTICLES = frozenset({"up", "down", "back", "over", "off", "out"})
_VERB_ENDINGS = ("ize", "ise", "ate", "ify")


def words_of(text: str) -> list[str]:
    """Lower-case words of a path segment or name (``maintain-windows``, ``storageClass``)."""
    return [w.lower() for w in _WORD.findall(text)]


def pascal(words: Iterable[str]) -> str:
    return "".join(w[:1].upper() + w[1:] for w in words)


def destutter(words: Sequence[str]) -> list[str]:
    """Words without a word or phrase repeated right after itself (``node pool pool`` and
    ``node pool node pool`` → ``node pool``), compared without case."""
    kept: list[str] = []
    for word in words:
        kept.append(word)
        for size in (1, 2, 3):
            if len(kept) >= 2 * size and [w.lower() for w in kept[-size:]] == [
                w.lower() for w in kept[-2 * size : -size]
            ]:
                del kept[-size:]
                break
    return kept


def fit(words: Sequence[str], limit: int = MAX_LENGTH, keep_last: int = 1) -> list[str]:
    """``words`` whose PascalCase form is at most ``limit`` long: the words after the first
    (the verb) are dropped from the front, the last ``keep_last`` always kept."""
    kept = list(words)
    while len(pascal(kept)) > limit and len(kept) > keep_last + 1:
        del kept[1]
    return kept


@functools.lru_cache(maxsize=4096)
def singular(word: str) -> str:
    """``volumes`` → ``volume``; short words (``dcs``, ``ips``) are left alone: acronyms."""
    if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is", "ias")):
        return word
    lemma = lemmatizer().getLemma(word, "NOUN")
    if lemma and lemma[0] != word:
        return str(lemma[0])
    return word[:-1]  # a compound the dictionary lacks (securitytokens)


def is_plural(words: Sequence[str]) -> bool:
    return bool(words) and singular(words[-1]) != words[-1]


@functools.lru_cache(maxsize=4096)
def verb_lemma(word: str) -> str:
    """The base form of a gerund (``stopping`` → ``stop``), or "" for another word."""
    if not word.endswith("ing") or len(word) < 5:
        return ""
    lemma = lemmatizer().getLemma(word, "VERB")
    return str(lemma[0]) if lemma and lemma[0] != word else ""


@functools.lru_cache(maxsize=4096)
def is_base_verb(word: str) -> bool:
    """A word that reads as a verb in its base form (``extend``, ``reset``, ``resize``)."""
    lemmas = lemmatizer().getAllLemmas(word)
    if lemmas:
        return word in lemmas.get("VERB", ())
    return word.endswith(_VERB_ENDINGS)


def title_verbs(title: str) -> tuple[bool, list[tuple[str, ...]]]:
    """Whether a title says "Batch", and the verbs it starts with (``Restarting X or
    Clearing Y`` → restart, clear; ``Backing Up`` → back up)."""
    tokens = re.findall(r"[A-Za-z]+", title)
    lowered = [t.lower() for t in tokens]
    batch = bool(lowered) and lowered[0] == "batch"
    verbs: list[tuple[str, ...]] = []
    for position, word in enumerate(lowered):
        at_start = position == (1 if batch else 0)
        if not at_start and (position == 0 or lowered[position - 1] not in ("or", "and")):
            continue
        lemma = verb_lemma(word)
        if not lemma:
            continue
        after = lowered[position + 1] if position + 1 < len(lowered) else ""
        verbs.append((lemma, after) if after in _PARTICLES else (lemma,))
    return batch, verbs


@functools.lru_cache(maxsize=4096)
def plural_of(word: str) -> str:
    forms = lemmatizer().getInflection(word, "NNS")
    return str(forms[0]) if forms else word + "s"
