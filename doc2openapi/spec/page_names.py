"""Names of the pages that document one operation together.

Several pages can document one method and path (an ``/action`` endpoint: "Starting an
ECS", "Stopping an ECS"; one token endpoint for several ways of signing in). The operation
is one, with one operationId, but each page's bodies are its own: an ``anyOf`` of them. Named
after the operation they would all be ``RunServerActionRequest`` and take numbers in the
order the pages happen to be read, which change whenever the documents do. Each page is
named instead by what its title says it does (``StartEcsRequest``, ``StopEcsRequest``).
Where two such pages of the document have one title, the words that set one apart are
added: its title's parenthesis ("(Discarded)"), its API version where their paths' differ,
the words of its page group ("... (OpenStack Nova APIs)"). Pages that nothing tells apart
(one page published twice) keep the operation's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from doc2openapi.spec.name_words import MAX_LENGTH, destutter, fit, pascal, verb_lemma

_ASIDE = re.compile(r"\(([^)]*)\)")
"""A parenthesis of a title ("(Deprecated)"): how the API stands, not what it does."""
_TOKEN = re.compile(r"[A-Za-z]+")
_NOISE = frozenset(
    {"a", "an", "the", "of", "in", "on", "for", "to", "by", "and", "or", "all", "with"}
    | {"from", "specified", "through", "via", "using", "batch", "as", "at", "into"}
)
_SUFFIX_ROOM = len("Response")
"""Room for the longest suffix a body's name takes (``...Request``, ``...Response``)."""


@dataclass(frozen=True)
class RoutePage:
    """One of the pages that document an operation: its key, title, page groups and the
    API version of the path (``V2``, "" for none)."""

    page: str
    title: str
    groups: tuple[str, ...] = ()
    version: str = ""


def _words(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def _title_name(title: str) -> list[str]:
    """The verbs a title starts with, in their base form, and the words of what it acts
    on (``Adding a Forwarding Policy`` → add forwarding policy; other -ing words stay)."""
    tokens = _words(_ASIDE.sub(" ", title))
    words: list[str] = []
    for position, token in enumerate(tokens):
        leading = position == 0 or tokens[position - 1] in ("or", "and", "batch")
        lemma = verb_lemma(token) if leading else ""
        if lemma:
            words.append(lemma)
        elif token not in _NOISE:
            words.append(token)
    return words


def _aside(page: RoutePage) -> list[str]:
    return [w for text in _ASIDE.findall(page.title) for w in _words(text)]


def _version(page: RoutePage) -> list[str]:
    return [page.version.lower()] if page.version else []


def _group(page: RoutePage) -> list[str]:
    return [w for w in _words(page.groups[-1]) if w not in _NOISE] if page.groups else []


_QUALIFIERS: tuple[Callable[[RoutePage], list[str]], ...] = (_aside, _version, _group)


def _qualify(
    pages: dict[str, RoutePage], words: dict[str, list[str]], qualifier: Callable[..., list[str]]
) -> None:
    """Pages whose names tie take the words of ``qualifier`` that the others lack."""
    ties: dict[tuple[str, ...], list[str]] = {}
    for page, chosen in words.items():
        ties.setdefault(tuple(chosen), []).append(page)
    for tied in ties.values():
        if len(tied) < 2:
            continue
        for page in tied:
            theirs = {w for other in tied if other != page for w in qualifier(pages[other])}
            own = [w for w in qualifier(pages[page]) if w not in theirs]
            words[page] = [*words[page], *dict.fromkeys(w for w in own if w not in words[page])]


def page_names(routes: Sequence[Sequence[RoutePage]]) -> dict[str, str]:
    """The name of each page that documents an operation together with other pages,
    where its words tell it apart from every other such page of the document."""
    pages: dict[str, RoutePage] = {}
    for route in routes:
        if len({p.page for p in route}) > 1:
            for page in route:
                pages.setdefault(page.page, page)
    words = {key: _title_name(page.title) for key, page in pages.items()}
    for qualifier in _QUALIFIERS:
        _qualify(pages, words, qualifier)
    chosen = [tuple(w) for w in words.values()]
    return {
        key: pascal(fit(destutter(w), MAX_LENGTH - _SUFFIX_ROOM))
        for key, w in words.items()
        if w and chosen.count(tuple(w)) == 1
    }


SUMMARY_LENGTH = 120
"""Longest summary of an operation several pages document: a summary is one line."""


def merged_summary(titles: Sequence[str]) -> str:
    """The pages' titles, each once, as one line: as many as fit, then how many more."""
    unique = list(dict.fromkeys(titles))
    shown: list[str] = []
    for position, title in enumerate(unique):
        rest = len(unique) - position - 1
        line = " / ".join([*shown, title]) + (f" and {rest} more" if rest else "")
        if shown and len(line) > SUMMARY_LENGTH:
            break
        shown.append(title)
    rest = len(unique) - len(shown)
    return " / ".join(shown) + (f" and {rest} more" if rest else "")


def merged_description(parts: Sequence[tuple[str, str]]) -> str:
    """The pages' (title, description) as one text: each description after its title,
    once; a description that only repeats its title is the title; where every page has
    one title, the descriptions alone."""
    one_title = len({title for title, _ in parts}) == 1
    texts: list[str] = []
    for title, description in parts:
        text = description.strip()
        if not text or text == title:
            text = title
        elif not one_title:
            text = f"{title}: {text}"
        texts.append(text)
    return "\n\n".join(dict.fromkeys(texts))
