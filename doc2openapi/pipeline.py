"""The stages wired together: pages → scraper model → OpenAPI document → validation.

The CLI calls these; tests and other tools can too."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from doc2openapi.cache import PageCache, result_digest
from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.inputs import (
    InputFolder,
    InputPage,
    collect_inputs,
)
from doc2openapi.pickling import pickled_by_fields
from doc2openapi.scraper.interpret import read_api_page, schema_tables
from doc2openapi.scraper.model import ApiPage, FieldTable, PageFormat
from doc2openapi.scraper.page import read_page
from doc2openapi.scraper.toc import Toc, read_toc

if TYPE_CHECKING:
    from doc2openapi.spec.build import BuiltSpec, ServiceDocs, SpecOptions

# The spec builder and the validator are imported where they are used: reading pages (and
# deciding that nothing an API needs changed) must not pay for loading them.

_PARALLEL_THRESHOLD = 64
"""Fewer pages than this are read in this process: starting workers would cost more."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class PageSummary:
    """What later stages need of a page model once the page has been interpreted."""

    key: str
    title: str
    format: PageFormat
    diagnostics: tuple[Diagnostic, ...]


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class PageResult:
    """One page through the scraper: a summary of the page, the API it documents (if any),
    and the tables it offers to other pages' links. The full page model is not kept: it is
    large, and nothing after interpretation reads it."""

    page: PageSummary
    api: ApiPage | None
    tables: tuple[FieldTable, ...]


def scrape_page(key: str, raw: bytes) -> PageResult:
    page = read_page(key, raw)
    api, uri_problems = read_api_page(page)
    tables = () if api is not None else tuple(schema_tables(page))
    diagnostics = page.diagnostics + uri_problems
    return PageResult(PageSummary(page.key, page.title, page.format, diagnostics), api, tables)


@dataclass
class ServiceResult:
    name: str
    folder: Path
    toc: Toc
    pages: list[PageResult] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    digests: list[str] = field(default_factory=list)
    """The :func:`~doc2openapi.cache.result_digest` of each page's result where the cache
    gave it (``""``: not known yet; only :func:`content_key` needs it)."""

    @property
    def docs(self) -> ServiceDocs:
        from doc2openapi.spec.build import ServiceDocs  # noqa: PLC0415

        return ServiceDocs(
            self.name,
            tuple(r.api for r in self.pages if r.api is not None),
            tuple(t for r in self.pages for t in r.tables),
            self.toc,
            tuple(r.page.key for r in self.pages),
        )


def service_name(folder: Path) -> str:
    """``.../ecs/api-ref`` → ``ecs``; otherwise the folder's own name."""
    resolved = folder.resolve()
    generic = ("api-ref", "api", "apiref", "api_ref", "docs")
    if resolved.name.lower() in generic and resolved.parent.name:
        return resolved.parent.name
    return resolved.name


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How pages are read: parallel workers (0: one per core) and the page cache."""

    jobs: int = 0
    cache_dir: Path | None = None
    progress: Callable[[int], None] | None = None
    """Called with the number of pages just finished (for a progress bar)."""


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cycle collector paused while pages are read: reading makes many small objects
    and no cycles (a whole-corpus read leaves none to collect), and each collection would
    walk every page already read. Reference counting frees everything as before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _scrape_job(job: InputPage) -> PageResult:
    with _collector_paused():
        return _scrape(job)


def _scrape(job: InputPage) -> PageResult:
    if job.raw is None:
        problem = Diagnostic(
            Level.ERROR, Code.UNREADABLE_PAGE, job.key, f"cannot read: {job.problem}"
        )
        return PageResult(PageSummary(job.key, "", PageFormat.EXPORT, (problem,)), None, ())
    return scrape_page(job.key, job.raw)


def _run_jobs(jobs: list[InputPage], options: ReadOptions) -> list[PageResult]:
    """Scrape pages, in worker processes when there are enough of them. The results are in
    the order of the jobs, so the output does not depend on the workers."""
    workers = options.jobs or os.cpu_count() or 1
    results: list[PageResult] = []
    if workers <= 1 or len(jobs) < _PARALLEL_THRESHOLD:
        for job in jobs:  # (the collector is paused by the caller)
            results.append(_scrape(job))
            if options.progress:
                options.progress(1)
        return results
    # imported here: a rebuild that reads a page or two never starts workers
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    chunk = max(4, len(jobs) // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for result in pool.map(_scrape_job, jobs, chunksize=chunk):
            results.append(result)
            if options.progress:
                options.progress(1)
    return results


def _unique(name: str, services: Sequence[ServiceResult]) -> str:
    """Two folders of one service (its export and its portal pages) stay apart in the
    report: the second is ``name-2``."""
    taken = {s.name for s in services}
    candidate, number = name, 2
    while candidate in taken:
        candidate = f"{name}-{number}"
        number += 1
    return candidate


def read_services(
    inputs: Sequence[InputFolder], options: ReadOptions | None = None
) -> list[ServiceResult]:
    """Scrape every page: from the cache where a page is unchanged, the rest in parallel."""
    with _collector_paused():
        return _read_services(inputs, options or ReadOptions())


def _read_services(inputs: Sequence[InputFolder], options: ReadOptions) -> list[ServiceResult]:
    cache = PageCache(options.cache_dir) if options.cache_dir else None
    services: list[ServiceResult] = []
    jobs: list[tuple[ServiceResult, InputPage, str]] = []
    for item in inputs:
        toc, problems = read_toc(item.folder)
        name = _unique(toc.product_code or service_name(item.folder), services)
        service = ServiceResult(name, item.folder, toc)
        service.diagnostics.extend(problems)
        services.append(service)
        jobs.extend((service, page, page.digest) for page in item.pages)
    found: dict[int, PageResult] = {}
    digests: dict[int, str] = {}
    pending: list[int] = []
    for position, (_, _, key) in enumerate(jobs):
        cached = cache.get(key) if cache is not None and key else None
        result = cached[0] if cached is not None else None
        if cached is not None and isinstance(result, PageResult):
            found[position], digests[position] = result, cached[1]
            if options.progress:
                options.progress(1)
        else:
            pending.append(position)
    fresh = _run_jobs([jobs[p][1] for p in pending], options)
    for position, result in zip(pending, fresh, strict=True):
        found[position] = result
        if cache is not None and jobs[position][2]:
            digests[position] = cache.put(jobs[position][2], result)
    for position, (service, _, _) in enumerate(jobs):
        service.pages.append(found[position])
        service.digests.append(digests.get(position, ""))
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
    validate: bool = True,
    services: list[ServiceResult] | None = None,
) -> ScrapeOutcome:
    """Read folders of pages (or their ``inputs``, already collected, or the ``services``
    already read) into one OpenAPI document, validated unless ``validate`` is False (the
    caller then validates)."""
    from doc2openapi.spec.build import SpecOptions, build_spec  # noqa: PLC0415
    from doc2openapi.spec.chunks import ValidParts  # noqa: PLC0415
    from doc2openapi.spec.memo import Memo  # noqa: PLC0415
    from doc2openapi.spec.validate import validate_document  # noqa: PLC0415

    reading = reading or ReadOptions(jobs=1)
    if services is None:
        services = read_services(inputs or collect_inputs(folders), reading)
    memo = Memo(reading.cache_dir, "example-checks") if reading.cache_dir else None
    spec = build_spec([s.docs for s in services], options or SpecOptions(), memo)
    known = ValidParts(reading.cache_dir) if reading.cache_dir else None
    problems = validate_document(spec.document, known) if validate else []
    return ScrapeOutcome(services, spec, problems)


def content_key(services: Sequence[ServiceResult], *settings: str) -> str:
    """A digest of everything the scraper read (API pages, tables, page diagnostics, the
    table of contents) and of the settings: pages can change without it changing (an edit
    outside every table), and then neither the document nor the report does."""
    digest = hashlib.sha256()
    for part in settings:
        digest.update(part.encode("utf-8") + b"\0")
    for service in services:
        digest.update(pickle.dumps((service.name, service.toc, service.diagnostics)))
        for result, known in zip(service.pages, service.digests, strict=True):
            digest.update((known or result_digest(result)).encode("ascii"))
    return digest.hexdigest()


def scrape_to_spec(dirs: list[Path]) -> dict[str, Any]:
    """The OpenAPI document of folders of pages (for tests and scripts)."""
    return scrape(dirs).spec.document
