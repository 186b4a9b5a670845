"""The stages wired together: pages → scraper model → OpenAPI document → validation.

:mod:`doc2openapi.library` calls these; tests and other tools can too."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePath, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from doc2openapi.cache import Cache, decoder, to_json
from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.inputs import InputFolder, InputPage, collect_inputs
from doc2openapi.scraper.hosts import HostMention, host_mentions
from doc2openapi.scraper.interpret import read_api_page, schema_tables
from doc2openapi.scraper.links import linked_pages, listed_pages
from doc2openapi.scraper.model import (
    ApiPage,
    FieldTable,
    PageFormat,
    ServiceTable,
    StatusCode,
    TableTally,
)
from doc2openapi.scraper.page import read_page
from doc2openapi.scraper.service_tables import split_service_tables
from doc2openapi.scraper.status_pages import listed_status_codes
from doc2openapi.scraper.toc import Toc, read_toc
from doc2openapi.sources.urls import link_sources, page_urls, site_page_url
from doc2openapi.spec.build import BuiltSpec, ServiceDocs, SpecOptions, build_spec
from doc2openapi.spec.overlay import Overlay, apply_overlays
from doc2openapi.spec.validate import validate_document

_PARALLEL_THRESHOLD = 64
"""Fewer pages than this are read in this process: starting workers would cost more."""


@dataclass(frozen=True, slots=True)
class PageSummary:
    """What later stages need of a page model once the page has been interpreted."""

    key: str
    title: str
    format: PageFormat
    diagnostics: tuple[Diagnostic, ...]
    tally: TableTally = field(default_factory=TableTally)
    """The rows of the page's tables that are not fields (see :class:`TableTally`)."""


@dataclass(frozen=True, slots=True)
class PageResult:
    """One page through the scraper: a summary of the page, the API it documents (if any),
    and the tables it offers to other pages' links. The full page model is not kept: it is
    large, and nothing after interpretation reads it."""

    page: PageSummary
    api: ApiPage | None
    tables: tuple[FieldTable, ...]
    listed: tuple[str, ...] = ()
    """The pages an index page lists (see :func:`listed_pages`)."""
    hosts: tuple[HostMention, ...] = ()
    """The hosts the page names (see :func:`host_mentions`)."""
    linked: tuple[str, ...] = ()
    """The pages that a page of tables documenting no operation links to (see
    :func:`linked_pages`)."""
    status_codes: tuple[StatusCode, ...] = ()
    """The status codes a page that documents no operation lists (a page of the service's
    codes that operations link; see :func:`listed_status_codes`)."""
    common: tuple[ServiceTable, ...] = ()
    """Tables that speak for every operation (see :mod:`doc2openapi.scraper.service_tables`)."""


def scrape_page(key: str, raw: bytes) -> PageResult:
    page = read_page(key, raw)
    api, uri_problems = read_api_page(page)
    common: tuple[ServiceTable, ...] = ()
    if api is not None:
        tables: tuple[FieldTable, ...] = ()
        tally, found = api.tally, uri_problems
    else:
        schemas, tally, found = schema_tables(page)
        tables, common, set_aside, said = split_service_tables(page, schemas)
        tally, found = tally + set_aside, uri_problems + found + said
    listed = () if api is not None else listed_pages(page)
    linked = linked_pages(page) if tables else ()
    codes = () if api is not None else listed_status_codes(page)
    summary = PageSummary(page.key, page.title, page.format, page.diagnostics + found, tally)
    return PageResult(summary, api, tables, listed, host_mentions(page), linked, codes, common)


@dataclass
class ServiceResult:
    name: str
    folder: Path
    toc: Toc
    pages: list[PageResult] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    url: str = ""
    """For a web site: the URL its page keys are relative to."""

    @property
    def location(self) -> str:
        return self.url or str(self.folder)

    def page_keys(self) -> list[str]:
        return [result.page.key for result in self.pages]

    def page_location(self, key: str) -> str:
        """Where a page was read: its URL on a site, else its key."""
        return site_page_url(self.url, key) if self.url else key

    @property
    def docs(self) -> ServiceDocs:
        return ServiceDocs(
            self.name,
            tuple(r.api for r in self.pages if r.api is not None),
            tuple(t for r in self.pages for t in r.tables),
            self.toc,
            tuple(r.page.key for r in self.pages),
            tuple((r.page.key, r.listed) for r in self.pages if r.listed),
            tuple((r.page.key, r.hosts) for r in self.pages if r.hosts),
            tuple((r.page.key, r.linked) for r in self.pages if r.linked),
            tuple((r.page.key, r.status_codes) for r in self.pages if r.status_codes),
            tuple(t for r in self.pages for t in r.common),
            tuple((r.page.key, r.page.title) for r in self.pages if r.tables),
        )


def service_name(folder: Path) -> str:
    """``.../ecs/api-ref`` → ``ecs``; otherwise the folder's own name."""
    return _name_of(folder.resolve())


def _name_of(path: PurePath) -> str:
    generic = ("api-ref", "api", "apiref", "api_ref", "docs")
    if path.name.lower() in generic and path.parent.name:
        return path.parent.name
    return path.name


def _input_name(item: InputFolder) -> str:
    """The service name of a folder, or of a site by its URL's path (else its host)."""
    if item.name:
        return item.name
    if not item.url:
        return service_name(item.folder)
    parts = urlsplit(item.url)
    return _name_of(PurePosixPath(unquote(parts.path))) or parts.hostname or "api"


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How pages are read: parallel workers (0: one per core) and the cache."""

    jobs: int = 0
    cache: Cache | None = None
    progress: Callable[[int, int], None] | None = None
    """Called with the pages read so far and the pages to read (for a progress bar)."""


def _scrape(job: InputPage) -> PageResult:
    if job.raw is None:
        problem = Diagnostic(
            Level.ERROR, Code.UNREADABLE_PAGE, job.key, f"cannot read: {job.problem}"
        )
        return PageResult(PageSummary(job.key, "", PageFormat.EXPORT, (problem,)), None, ())
    return scrape_page(job.key, job.raw)


def _run_jobs(
    jobs: list[InputPage], options: ReadOptions, tell: Callable[[], None]
) -> list[PageResult]:
    """Scrape pages, in worker processes when there are enough of them (``tell`` after
    each). The results are in the order of the jobs, so the output does not depend on the
    workers."""
    workers = options.jobs or os.cpu_count() or 1
    results: list[PageResult] = []
    if workers <= 1 or len(jobs) < _PARALLEL_THRESHOLD:
        for job in jobs:
            results.append(_scrape(job))
            tell()
        return results
    chunk = max(4, len(jobs) // (workers * 8))
    with ProcessPoolExecutor(workers, initializer=_end_with, initargs=(os.getpid(),)) as pool:
        for result in pool.map(_scrape, jobs, chunksize=chunk):
            results.append(result)
            tell()
    return results


def _end_with(parent: int) -> None:
    """Started in each worker: the worker ends when the build that started it has ended,
    killed or not (a worker waiting for work would otherwise wait for ever)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _unique(name: str, services: Sequence[ServiceResult]) -> str:
    """Two folders of one service (its export and its portal pages) stay apart in the
    report: the second is ``name-2``."""
    taken = {s.name for s in services}
    candidate, number = name, 2
    while candidate in taken:
        candidate = f"{name}-{number}"
        number += 1
    return candidate


_read_result: Callable[[Any], PageResult] = decoder(PageResult)


def _cached(cache: Cache | None, page: InputPage) -> PageResult | None:
    """The page's result from the cache; None where there is none (or it does not read)."""
    if cache is None or not page.digest:
        return None
    stored = cache.get("page", page.digest)
    if stored is None:
        return None
    try:
        return _read_result(stored)
    except (ValueError, TypeError):
        return None


def read_services(
    inputs: Sequence[InputFolder], options: ReadOptions | None = None
) -> list[ServiceResult]:
    """Scrape every page: from the cache where a page is unchanged, the rest in parallel."""
    options = options or ReadOptions()
    services: list[ServiceResult] = []
    jobs: list[tuple[ServiceResult, InputPage]] = []
    for item in inputs:
        toc, problems = read_toc(item.folder) if not item.url else (Toc({}), [])
        name = _unique(toc.product_code or _input_name(item), services)
        service = ServiceResult(name, item.folder, toc, url=item.url)
        service.diagnostics.extend([*problems, *item.diagnostics])
        services.append(service)
        jobs.extend((service, page) for page in item.pages)
    found = [_cached(options.cache, page) for _, page in jobs]
    pending = [position for position, result in enumerate(found) if result is None]
    done = len(jobs) - len(pending)

    def tell() -> None:
        nonlocal done
        done += 1
        if options.progress:
            options.progress(done, len(jobs))

    fresh = _run_jobs([jobs[p][1] for p in pending], options, tell)
    for position, page_result in zip(pending, fresh, strict=True):
        found[position] = page_result
        if options.cache is not None and jobs[position][1].digest:
            options.cache.put("page", jobs[position][1].digest, to_json(page_result))
    for (service, _), result in zip(jobs, found, strict=True):
        assert result is not None  # every page not in the cache was scraped
        service.pages.append(result)
    return services


@dataclass
class ScrapeOutcome:
    services: list[ServiceResult]
    spec: BuiltSpec
    problems: list[Diagnostic]

    @property
    def diagnostics(self) -> list[Diagnostic]:
        found = [d for s in self.services for d in s.diagnostics]
        found += [d for s in self.services for r in s.pages for d in r.page.diagnostics]
        found += [d for s in self.services for r in s.pages if r.api for d in r.api.diagnostics]
        found += self.spec.diagnostics
        # one problem seen twice (a table two operations share) is reported once
        return sorted(dict.fromkeys(found), key=Diagnostic.sort_key)


def scrape(
    folders: Sequence[Path],
    options: SpecOptions | None = None,
    reading: ReadOptions | None = None,
    inputs: Sequence[InputFolder] | None = None,
    overlays: Sequence[Overlay] = (),
) -> ScrapeOutcome:
    """Read folders of pages (or their ``inputs``, already collected) into one OpenAPI
    document, apply the ``overlays`` to it, and validate it."""
    reading = reading or ReadOptions(jobs=1)
    services = read_services(collect_inputs(folders) if inputs is None else inputs, reading)
    spec = build_spec([s.docs for s in services], options or SpecOptions(), reading.cache)
    link_sources(spec.document, page_urls(services))
    spec.diagnostics.extend(apply_overlays(spec.document, overlays))
    return ScrapeOutcome(services, spec, validate_document(spec.document, reading.cache))


def scrape_to_spec(dirs: list[Path]) -> dict[str, Any]:
    """The OpenAPI document of folders of pages (for tests and scripts)."""
    return scrape(dirs).spec.document
