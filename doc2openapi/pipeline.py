"""The stages wired together: pages → scraper model → OpenAPI document → validation.

The CLI calls these; tests and other tools can too."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.scraper.interpret import read_api_page, schema_tables
from doc2openapi.scraper.model import ApiPage, FieldTable, Page
from doc2openapi.scraper.page import read_page
from doc2openapi.scraper.toc import read_toc
from doc2openapi.spec.build import BuiltSpec, ServiceDocs, SpecOptions, build_spec
from doc2openapi.spec.validate import ValidationProblem, validate_document

PAGE_SUFFIXES = (".html", ".htm")
MAX_PAGES = 100_000


class InputError(Exception):
    """An input folder that cannot be used at all (missing, not a folder, unreadable)."""


@dataclass(frozen=True, slots=True)
class PageResult:
    """One page through the scraper: its model, the API it documents (if any), and the
    tables it offers to other pages' links."""

    page: Page
    api: ApiPage | None
    tables: tuple[FieldTable, ...]


def scrape_page(key: str, raw: bytes) -> PageResult:
    page = read_page(key, raw)
    api = read_api_page(page)
    tables = () if api is not None else tuple(schema_tables(page))
    return PageResult(page, api, tables)


def page_files(folder: Path) -> list[Path]:
    if not folder.exists():
        raise InputError(f"input folder not found: {folder}")
    if not folder.is_dir():
        raise InputError(f"input is not a folder: {folder}")
    try:
        files = sorted(
            p for p in folder.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES and p.is_file()
        )
    except OSError as error:
        raise InputError(f"input folder cannot be read: {folder}: {error.strerror}") from error
    return files[:MAX_PAGES]


@dataclass
class ServiceResult:
    name: str
    folder: Path
    pages: list[PageResult] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def docs(self) -> ServiceDocs:
        return ServiceDocs(
            self.name,
            tuple(r.api for r in self.pages if r.api is not None),
            tuple(t for r in self.pages for t in r.tables),
            read_toc(self.folder)[0],
        )


def service_name(folder: Path) -> str:
    """``.../ecs/api-ref`` → ``ecs``; otherwise the folder's own name."""
    resolved = folder.resolve()
    if (
        resolved.name.lower() in ("api-ref", "api", "apiref", "api_ref", "docs")
        and resolved.parent.name
    ):
        return resolved.parent.name
    return resolved.name


def read_service(folder: Path, pages: Iterable[PageResult] | None = None) -> ServiceResult:
    toc, problems = read_toc(folder)
    result = ServiceResult(toc.product_code or service_name(folder), folder)
    result.diagnostics.extend(problems)
    if pages is None:
        pages = (read_one(folder, path) for path in page_files(folder))
    result.pages.extend(pages)
    return result


def read_one(folder: Path, path: Path) -> PageResult:
    key = path.relative_to(folder).as_posix()
    try:
        raw = path.read_bytes()
    except OSError as error:
        empty = Page(
            key,
            read_page(key, b"").format,
            "",
            "",
            (),
            (),
            (Diagnostic(Level.ERROR, Code.UNREADABLE_PAGE, key, f"cannot read: {error.strerror}"),),
        )
        return PageResult(empty, None, ())
    return scrape_page(key, raw)


@dataclass
class ScrapeOutcome:
    services: list[ServiceResult]
    spec: BuiltSpec
    problems: list[ValidationProblem]

    @property
    def diagnostics(self) -> list[Diagnostic]:
        found = [d for s in self.services for d in s.diagnostics]
        found += [d for s in self.services for r in s.pages for d in r.page.diagnostics]
        found += [d for s in self.services for r in s.pages if r.api for d in r.api.diagnostics]
        found += self.spec.diagnostics
        return sorted(found, key=Diagnostic.sort_key)


def scrape(
    folders: Sequence[Path],
    options: SpecOptions | None = None,
    services: Sequence[ServiceResult] | None = None,
) -> ScrapeOutcome:
    """Read folders of pages into one validated OpenAPI document."""
    if services is None:
        services = [read_service(folder) for folder in folders]
    spec = build_spec([s.docs for s in services], options or SpecOptions())
    problems = validate_document(spec.document)
    return ScrapeOutcome(list(services), spec, problems)


def scrape_to_spec(dirs: list[Path]) -> dict[str, Any]:
    """The OpenAPI document of folders of pages (for tests and scripts)."""
    return scrape(dirs).spec.document
