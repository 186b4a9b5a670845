"""Where pages come from: a folder of HTML files, a documentation site read from its start
URL (:mod:`.crawl`), or a folder of Sphinx sources rendered into the cache
(:mod:`.sphinx`). Each gives the same :class:`~doc2openapi.inputs.InputFolder`, so
everything after reading is the same."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from doc2openapi.cache import Cache
from doc2openapi.config import Config
from doc2openapi.inputs import InputFolder, collect_inputs
from doc2openapi.sources.sphinx import is_sphinx_source, render
from doc2openapi.sources.urls import linking_home

if TYPE_CHECKING:  # httpx is imported only when a site is read (0.17 s of every start)
    from doc2openapi.sources.http import FetchOptions

__all__ = ["fetch_options", "is_url", "linking_home", "resolve_inputs"]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(argument: str | Path) -> bool:
    """Whether an input names a web site (``https://...``) rather than a folder."""
    return isinstance(argument, str) and bool(_SCHEME.match(argument))


def fetch_options(config: Config) -> FetchOptions:
    from doc2openapi.sources.http import FetchOptions  # noqa: PLC0415 (see the imports)

    return FetchOptions(
        max_connections=max(1, config.max_connections),
        max_pages=config.max_pages,
        timeout=config.timeout,
        retries=config.retries,
    )


def resolve_inputs(
    arguments: Sequence[str | Path],
    config: Config | None = None,
    cache: Cache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[InputFolder]:
    """The pages of each input, in order: a folder of pages, a site's URL, or a folder of
    Sphinx sources (raises :class:`~doc2openapi.inputs.InputError` for an input that cannot
    be used at all)."""
    config = config or Config()
    found: list[InputFolder] = []
    for argument in arguments:
        if is_url(argument):
            from doc2openapi.sources.crawl import crawl  # noqa: PLC0415 (see the imports)

            found.append(crawl(str(argument), fetch_options(config), cache, progress))
        elif is_sphinx_source(Path(argument)):
            found.append(render(Path(argument), cache, config.sphinx_conf))
        else:
            found += collect_inputs([Path(argument)])
    return found
