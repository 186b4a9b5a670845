"""Read a documentation site from its start page: the pages it links, on its origin and
under its start folder, become the same in-memory page inputs a local folder gives.

A page's key is its path below the start folder (``api-ref/`` → ``index.html``), exactly
as in a folder of the same pages, so the scraper reads both the same way (and the page
cache serves both). The crawl goes breadth-first, level by level, each level in key order:
which pages are read, and which are left out at the page cap, does not depend on timing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx
import lxml.html
from lxml import etree

from doc2openapi.cache import Cache, content_key
from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.inputs import PAGE_SUFFIXES, InputError, InputFolder, InputPage
from doc2openapi.sources.http import Fetched, Fetcher, FetchOptions, new_client, origin

Progress = Callable[[int, int], None]
ROBOTS_AGENT = "doc2openapi"
_EXAMPLES = 3


@dataclass(frozen=True, slots=True)
class Site:
    """The part of a web site that is read: one origin, one folder and what is below it."""

    base: str
    """URL of the start folder, ending in ``/``."""
    start: str
    """The start page's key."""

    @classmethod
    def of(cls, url: str) -> Site:
        """The site of a start URL (raises :class:`InputError` for one that cannot be)."""
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 (a port that is not a number raises here)
        except ValueError as error:
            raise InputError(f"not a usable URL: {url}: {error}") from error
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise InputError(f"not an http or https URL: {url}")
        path = parts.path or "/"
        folder, _, name = path.rpartition("/")
        if name and "." not in name:  # .../api-ref: the folder itself
            folder, name = path, ""
        base = origin(url) + quote(unquote(folder), safe="/") + "/"
        return cls(base, unquote(name) or "index.html")

    def key(self, url: str) -> str | None:
        """The key of the page at ``url``; None for a URL that is not a page of the site
        (another origin, outside the folder, not an HTML page)."""
        relative = self._relative(url)
        if relative is None:
            return None
        if relative == "" or relative.endswith("/"):
            relative += "index.html"
        if not relative.lower().endswith(PAGE_SUFFIXES):
            return None
        return relative

    def contains(self, url: str) -> bool:
        """Whether ``url`` is on the site's origin and under its folder."""
        return self._relative(url) is not None

    def _relative(self, url: str) -> str | None:
        return _relative(self.base, url)

    def url(self, key: str) -> str:
        return self.base + quote(key, safe="/")


@functools.lru_cache(maxsize=1 << 16)
def _relative(base: str, url: str) -> str | None:
    """``url``'s path below the folder ``base`` (None: elsewhere). Remembered: every page
    of a site repeats the same navigation links."""
    try:
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or origin(url) != origin(base):
            return None
    except ValueError:
        return None
    path = unquote(parts.path or "/")
    folder = unquote(urlsplit(base).path)
    if not path.startswith(folder):
        return None
    relative = path[len(folder) :]
    segments = relative.split("/")
    if any(s in (".", "..") or "\\" in s or "\0" in s for s in segments):
        return None
    if any(s == "" for s in segments[:-1]):
        return None
    return relative


def page_links(url: str, body: bytes) -> tuple[str, ...]:
    """The targets of the page's ``<a href>`` links, absolute, without fragment or query
    (a query string does not make another page), each once, sorted."""
    try:
        root = lxml.html.document_fromstring(body)
    except (etree.LxmlError, ValueError):
        return ()
    found = set()
    for anchor in root.iter("a"):
        href = anchor.get("href")
        if not href or not href.strip():
            continue
        try:
            target = urljoin(url, href.strip())
        except ValueError:
            continue
        found.add(target.partition("#")[0].partition("?")[0])
    return tuple(sorted(found))


def key_order(key: str) -> list[str]:
    """Keys in the order a folder lists its files (by path segments)."""
    return key.split("/")


@dataclass
class _Walk:
    """What a crawl has found so far."""

    site: Site
    robots: RobotFileParser | None
    options: FetchOptions
    pages: dict[str, InputPage] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)
    requested: int = 0
    off_site: set[str] = field(default_factory=set)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def admit(self, keys: Iterable[str]) -> list[str]:
        """The keys to fetch next: allowed by robots.txt and within the page cap."""
        batch: list[str] = []
        over: list[str] = []
        for key in sorted(keys, key=key_order):
            url = self.site.url(key)
            if self.robots is not None and not self.robots.can_fetch(ROBOTS_AGENT, url):
                detail = "robots.txt disallows this page: not read"
                self.diagnostics.append(
                    Diagnostic(Level.WARNING, Code.ROBOTS_DISALLOWED, url, detail)
                )
            elif self.requested + len(batch) >= self.options.max_pages:
                over.append(url)
            else:
                batch.append(key)
        if over:
            detail = (
                f"the page cap of {self.options.max_pages} is reached: {len(over)} more "
                f"linked page(s) and what they link are not read (from {over[0]})"
            )
            self.diagnostics.append(Diagnostic(Level.ERROR, Code.PAGE_CAP, self.site.base, detail))
        self.requested += len(batch)
        return batch

    def claimed(self) -> Callable[[str], bool]:
        """Whether a URL is of a page already read or about to be (fixed for one level, so
        that which redirects are followed does not depend on timing)."""
        known = frozenset(self.seen)
        return lambda url: self.site.key(url) in known

    def add(self, fetched: Fetched) -> list[str]:
        """Keep a fetched page; the keys of the pages it links that are new."""
        if fetched.problem is not None or fetched.body is None:
            if fetched.problem is not None:
                self.diagnostics.append(fetched.problem)
            return []
        key = self.site.key(fetched.url)
        if key is None or key in self.pages:
            return []  # a redirect to a page already read (or to no page)
        self.seen.add(key)
        self.pages[key] = InputPage(
            key, fetched.body, digest=content_key("page", key, fetched.body)
        )
        new = []
        for link in fetched.links:
            target = self.site.key(link)
            if target is None:
                if urlsplit(link).scheme.lower() in ("http", "https") and not self.site.contains(
                    link
                ):
                    self.off_site.add(link)
            elif target not in self.seen:
                self.seen.add(target)
                new.append(target)
        return new

    def notes(self) -> list[Diagnostic]:
        """The links that were not followed, said once."""
        if not self.off_site:
            return []
        examples = ", ".join(sorted(self.off_site)[:_EXAMPLES])
        detail = (
            f"{len(self.off_site)} linked URL(s) are on another host or outside "
            f"{self.site.base}: not followed (e.g. {examples})"
        )
        return [Diagnostic(Level.INFO, Code.OFF_SITE_LINK, self.site.base, detail)]


def _no_links(url: str, body: bytes) -> tuple[str, ...]:
    return ()


def _robots(fetcher: Fetcher, site: Site) -> tuple[RobotFileParser | None, list[Diagnostic]]:
    """The site's robots.txt (None: everything may be read). A robots.txt that is missing
    (4xx) allows everything; one that cannot be reached at all allows nothing (RFC 9309)."""
    url = origin(site.base) + "/robots.txt"
    fetched = fetcher.fetch(url, _no_links, html=False)
    if fetched.body is None:
        problem = fetched.problem
        if problem is not None and problem.code is Code.HTTP_ERROR:
            return None, []
        parser = RobotFileParser()
        parser.parse(["User-agent: *", "Disallow: /"])
        detail = f"robots.txt cannot be read, so no page is ({problem.detail if problem else ''})"
        return parser, [Diagnostic(Level.ERROR, Code.FETCH_FAILED, url, detail)]
    parser = RobotFileParser(url)
    parser.parse(fetched.body.decode("utf-8", "replace").splitlines())
    return parser, []


def crawl(
    start: str,
    options: FetchOptions | None = None,
    cache: Cache | None = None,
    progress: Progress | None = None,
) -> InputFolder:
    """The pages of the site at ``start`` (raises :class:`InputError` for a start URL that
    cannot be used). Each page that could not be read is a diagnostic with its URL. A start
    URL that redirects elsewhere (``http://`` to ``https://``, a moved folder) is read as
    the site where it leads, which the result says."""
    options = options or FetchOptions()
    site = Site.of(start)
    with new_client(options) as client:
        found = _crawl_site(site, client, options, cache, progress)
        moved = _moved_start(found, site, client, options)
        if moved is None:
            return found
        moved_site = Site.of(moved)
        found = _crawl_site(moved_site, client, options, cache, progress)
    detail = f"the start URL {start} redirects to {moved}: the site there is read"
    said = Diagnostic(Level.INFO, Code.START_MOVED, start, detail)
    return replace(found, diagnostics=(said, *found.diagnostics))


def _moved_start(
    found: InputFolder, site: Site, client: httpx.Client, options: FetchOptions
) -> str | None:
    """Where the start page leads when it redirected off the site and nothing was read."""
    start_url = site.url(site.start)
    redirected = any(
        d.code is Code.REDIRECT_OFF_SITE and d.page == start_url for d in found.diagnostics
    )
    if found.pages or not redirected:
        return None
    landed = Fetcher(client, None, options, _on_the_web).fetch(start_url, _no_links)
    return landed.url if landed.body is not None and landed.url != start_url else None


def _on_the_web(url: str) -> bool:
    return urlsplit(url).scheme.lower() in ("http", "https")


def _crawl_site(
    site: Site,
    client: httpx.Client,
    options: FetchOptions,
    cache: Cache | None,
    progress: Progress | None,
) -> InputFolder:
    with ThreadPoolExecutor(options.max_connections, thread_name_prefix="fetch") as pool:
        robots, problems = _robots(Fetcher(client, cache, options, lambda _: True), site)
        fetcher = Fetcher(client, cache, options, site.contains)
        walk = _Walk(site, robots, options, seen={site.start}, diagnostics=problems)
        frontier = [site.start]
        while frontier:
            batch = walk.admit(frontier)
            frontier = []
            fetch = functools.partial(fetcher.fetch, links_of=page_links, claimed=walk.claimed())
            for fetched in pool.map(fetch, [site.url(key) for key in batch]):
                frontier += walk.add(fetched)
                if progress is not None:
                    progress(len(walk.pages), walk.requested + len(frontier))
    pages = tuple(walk.pages[key] for key in sorted(walk.pages, key=key_order))
    return InputFolder(Path(), pages, "", (*walk.diagnostics, *walk.notes()), url=site.base)
