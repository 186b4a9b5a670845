"""Pages read from a web site are named by their URLs in the document: each ``x-source``
(``page`` or ``page#table``, several separated by blanks) becomes ``URL`` or ``URL#table``.
The pages keep their folder-like keys while they are read, so that everything else is
exactly as for a folder of the same pages."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any, Protocol
from urllib.parse import quote

from doc2openapi.inputs import InputFolder
from doc2openapi.spec.build import SpecOptions


class _Located(Protocol):
    @property
    def url(self) -> str: ...

    def page_keys(self) -> Iterable[str]: ...


def site_page_url(base: str, key: str) -> str:
    """The URL of the page ``key`` of the site whose start folder is ``base``."""
    return base + quote(key, safe="/")


def linking_home(options: SpecOptions, inputs: Sequence[InputFolder]) -> SpecOptions:
    """``options`` where, read from one site and given no ``docs_base_url``, each
    operation links its page on that site (``externalDocs``)."""
    sites = {item.url for item in inputs}
    if options.docs_base_url or len(sites) != 1 or "" in sites:
        return options
    return replace(options, docs_base_url=sites.pop())


def page_urls(sources: Iterable[_Located]) -> dict[str, str]:
    """The URL of each page key read from a site. A key that several inputs share (two
    sites' ``index.html``, or a site's and a folder's) names no single page and is kept."""
    owners: Counter[str] = Counter()
    urls: dict[str, str] = {}
    for source in sources:
        for key in set(source.page_keys()):
            owners[key] += 1
            if source.url:
                urls[key] = site_page_url(source.url, key)
    return {key: url for key, url in urls.items() if owners[key] == 1}


def _located(value: str, urls: dict[str, str]) -> str:
    located = []
    for token in value.split(" "):
        page, mark, anchor = token.partition("#")
        located.append(urls[page] + mark + anchor if page in urls else token)
    return " ".join(located)


def link_sources(document: Any, urls: dict[str, str]) -> None:
    """Replace, in place, the page keys of every ``x-source`` in ``document`` by URLs."""
    if not urls:
        return
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            source = node.get("x-source")
            if isinstance(source, str):
                node["x-source"] = _located(source, urls)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
