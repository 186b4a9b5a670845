"""HTTP for the crawler: polite requests (a User-Agent naming the tool, timeouts, retries
with backoff that honour ``Retry-After``), redirects followed only inside the site, bodies
read up to a size cap, and conditional requests whose validators (``ETag``,
``Last-Modified``) and bodies are remembered in the cache as inert JSON."""

from __future__ import annotations

import base64
import binascii
import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from doc2openapi import __version__
from doc2openapi.cache import Cache, content_key
from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.inputs import MAX_PAGE_BYTES

USER_AGENT = f"doc2openapi/{__version__} (API reference reader; python-httpx)"
_RETRIED = frozenset({429, 500, 502, 503, 504})
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How politely and how far a site is read."""

    max_connections: int = 4
    max_pages: int = 10_000
    """Requests for pages at most; a site with more is cut short (F006)."""
    max_page_bytes: int = MAX_PAGE_BYTES
    timeout: float = 30.0
    """Seconds to connect, and between two bytes of a response."""
    retries: int = 3
    """Further attempts after a connection error, a timeout, a 429 or a 5xx."""
    backoff: float = 0.5
    """Seconds before the first retry, doubled for each next one."""
    max_wait: float = 30.0
    """The longest wait a ``Retry-After`` gets."""
    max_redirects: int = 10


@dataclass(frozen=True, slots=True)
class Fetched:
    """A page as fetched: its final URL (after redirects), its bytes and the links found
    in it; or, with no bytes, the diagnostic that says why not."""

    url: str
    body: bytes | None
    links: tuple[str, ...] = ()
    problem: Diagnostic | None = None
    reused: bool = False
    """The body is the cached one (the server answered 304 Not Modified)."""


Scope = Callable[[str], bool]
"""Whether a URL is inside the site being read (or another set of URLs)."""
LinksOf = Callable[[str, bytes], tuple[str, ...]]


def _nothing(url: str) -> bool:
    return False


"""The links of a page (its URL and bytes), remembered with the page."""


@dataclass(frozen=True, slots=True)
class _Stored:
    url: str
    etag: str
    modified: str
    body: bytes
    links: tuple[str, ...]


def _stored(value: Any) -> _Stored | None:
    """A cache entry read back; anything of another shape is a miss."""
    if not isinstance(value, dict):
        return None
    texts = [value.get(name) for name in ("url", "etag", "modified", "body")]
    links = value.get("links")
    if not all(isinstance(text, str) for text in texts) or not isinstance(links, list):
        return None
    if not all(isinstance(link, str) for link in links):
        return None
    try:
        body = base64.b64decode(str(texts[3]), validate=True)
    except (binascii.Error, ValueError):
        return None
    return _Stored(str(texts[0]), str(texts[1]), str(texts[2]), body, tuple(links))


def _problem(code: Code, url: str, detail: str, level: Level = Level.ERROR) -> Diagnostic:
    return Diagnostic(level, code, url, detail)


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class _Retry(Exception):
    """An attempt that may succeed when tried again (after ``wait`` seconds, if given)."""

    def __init__(self, detail: str, wait: float | None = None) -> None:
        super().__init__(detail)
        self.wait = wait


class Fetcher:
    """Fetches the pages of one site through one client (safe to share between threads)."""

    def __init__(
        self, client: httpx.Client, cache: Cache | None, options: FetchOptions, scope: Scope
    ) -> None:
        self.client, self.cache, self.options, self.scope = client, cache, options, scope

    def fetch(
        self,
        url: str,
        links_of: LinksOf,
        html: bool = True,
        claimed: Scope = _nothing,
        conditional: bool = True,
    ) -> Fetched:
        """``url``'s page: fetched again only if it changed since it was cached. A redirect
        to a ``claimed`` URL (a page read by its own URL) is not followed: the result then
        has neither body nor problem."""
        key = content_key("http", url)
        stored = None
        if conditional and self.cache is not None:
            stored = _stored(self.cache.get("http", key))
        headers = {}
        if stored is not None and stored.etag:
            headers["If-None-Match"] = stored.etag
        if stored is not None and stored.modified:
            headers["If-Modified-Since"] = stored.modified
        outcome = self._follow(url, headers, claimed)
        if isinstance(outcome, Diagnostic):
            return Fetched(url, None, problem=outcome)
        if isinstance(outcome, str):
            return Fetched(outcome, None)
        final, response = outcome
        try:
            if response.status_code == 304 and stored is not None and stored.url == final:
                return Fetched(final, stored.body, stored.links, reused=True)
            if response.status_code == 304 and conditional:  # not the page in the cache
                response.close()
                return self.fetch(url, links_of, html, claimed, conditional=False)
            return self._read(final, response, links_of, html, key)
        finally:
            response.close()

    def _read(
        self,
        final: str,
        response: httpx.Response,
        links_of: LinksOf,
        html: bool,
        key: str,
    ) -> Fetched:
        status = response.status_code
        if status != 200:
            return Fetched(final, None, problem=_status_problem(final, status))
        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if html and kind and kind not in _HTML_TYPES:
            detail = f"not an HTML page (Content-Type {kind}): not read"
            return Fetched(final, None, problem=_problem(Code.NOT_HTML, final, detail))
        try:
            body = self._body(response)
        except httpx.HTTPError as error:
            detail = f"failed while reading the page: {_describe(error)}"
            return Fetched(final, None, problem=_problem(Code.FETCH_FAILED, final, detail))
        if body is None:
            detail = f"over {self.options.max_page_bytes} bytes: not read"
            return Fetched(final, None, problem=_problem(Code.PAGE_TOO_LARGE, final, detail))
        links = links_of(final, body)
        self._remember(key, final, response, body, links)
        return Fetched(final, body, links)

    def _remember(
        self, key: str, final: str, response: httpx.Response, body: bytes, links: tuple[str, ...]
    ) -> None:
        etag = response.headers.get("etag", "")
        modified = response.headers.get("last-modified", "")
        if self.cache is None or not (etag or modified):
            return
        entry = {
            "url": final,
            "etag": etag,
            "modified": modified,
            "body": base64.b64encode(body).decode("ascii"),
            "links": list(links),
        }
        self.cache.put("http", key, entry)

    def _body(self, response: httpx.Response) -> bytes | None:
        """The body, or None when it is over the size cap (read no further than that)."""
        limit = self.options.max_page_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            return None
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                return None
            chunks.append(chunk)
        return b"".join(chunks)

    def _follow(
        self, url: str, headers: dict[str, str], claimed: Scope
    ) -> tuple[str, httpx.Response] | Diagnostic | str:
        """The response at the end of ``url``'s redirects, each of them inside the site;
        or the claimed URL a redirect leads to."""
        seen = [url]
        for _ in range(self.options.max_redirects + 1):
            response = self._send(seen[-1], headers)
            if isinstance(response, Diagnostic):
                return response
            location = response.headers.get("location")
            if not response.is_redirect or location is None:
                return seen[-1], response
            response.close()
            target = urljoin(seen[-1], str(location)).partition("#")[0]
            if not self.scope(target):
                detail = f"redirected off the site to {target}: not followed"
                return _problem(Code.REDIRECT_OFF_SITE, url, detail, Level.WARNING)
            if target in seen:
                chain = " -> ".join([*seen, target])
                return _problem(Code.REDIRECT_LOOP, url, f"a redirect loop: {chain}")
            if claimed(target):
                return target
            seen.append(target)
        detail = f"more than {self.options.max_redirects} redirects: not followed"
        return _problem(Code.REDIRECT_LOOP, url, detail)

    def _send(self, url: str, headers: dict[str, str]) -> httpx.Response | Diagnostic:
        """One request, tried again after connection errors, timeouts, 429 and 5xx."""
        delay = self.options.backoff
        for attempt in range(self.options.retries + 1):
            try:
                return self._attempt(url, headers)
            except _Retry as retry:
                if attempt == self.options.retries:
                    tries = self.options.retries + 1
                    detail = f"{retry} (tried {tries} time{'s' if tries > 1 else ''})"
                    return _problem(Code.FETCH_FAILED, url, detail)
                wait = delay if retry.wait is None else retry.wait
                time.sleep(min(wait, self.options.max_wait))
                delay *= 2
        raise AssertionError("unreachable")  # the loop returns on its last attempt

    def _attempt(self, url: str, headers: dict[str, str]) -> httpx.Response:
        try:
            request = self.client.build_request("GET", url, headers=headers)
            response = self.client.send(request, stream=True)
        except httpx.TransportError as error:
            raise _Retry(_describe(error)) from error
        if response.status_code in _RETRIED:
            wait = retry_after(response.headers.get("retry-after"))
            response.close()
            raise _Retry(f"HTTP {response.status_code}", wait)
        return response


def _status_problem(url: str, status: int) -> Diagnostic:
    phrase = httpx.codes.get_reason_phrase(status)
    detail = f"HTTP {status} {phrase}".strip() + ": not read"
    return _problem(Code.HTTP_ERROR, url, detail, Level.WARNING)


def _describe(error: httpx.HTTPError) -> str:
    text = str(error)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def new_client(options: FetchOptions) -> httpx.Client:
    """The one client of a crawl: the tool's User-Agent, timeouts, a connection limit, no
    automatic redirects (each is checked against the site), no cookies kept."""
    limits = httpx.Limits(
        max_connections=options.max_connections,
        max_keepalive_connections=options.max_connections,
    )
    return httpx.Client(
        headers={"User-Agent": USER_AGENT},
        timeout=httpx.Timeout(options.timeout),
        limits=limits,
        follow_redirects=False,
    )


def origin(url: str) -> str:
    """``scheme://host[:port]`` of ``url``, lower-cased, without a default port."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    default = {"http": 80, "https": 443}.get(scheme)
    return f"{scheme}://{host}" + (f":{port}" if port and port != default else "")
