"""The library's scrape of a real corpus folder, made once per test session and shared by
the golden, coverage and count tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.inputs import corpus_dir


@dataclass(frozen=True)
class FolderScrape:
    """What the tests read of the scrape of one corpus folder (the whole outcome is not
    kept: seventeen folders of page models would fill the memory)."""

    document: dict[str, Any]
    report: dict[str, Any]
    rows_by_page: dict[str, int]
    """Rows of the field tables the scraper read, by the page that holds the table."""


_SCRAPES: dict[str, FolderScrape | BaseException] = {}


def scraped_folder(relative: str) -> FolderScrape:
    """The scrape of a corpus folder (``scrape`` and ``build_report``, as a user calls
    them); a failure fails every test that needs it."""
    folder = corpus_dir(relative)
    if relative not in _SCRAPES:
        try:
            _SCRAPES[relative] = _scrape(folder)
        except Exception as error:  # reported by every test that needs this folder
            _SCRAPES[relative] = error
    result = _SCRAPES[relative]
    if isinstance(result, BaseException):
        pytest.fail(f"scraping {folder} failed: {result!r}", pytrace=False)
    return result


def _scrape(folder: Path) -> FolderScrape:
    from doc2openapi.pipeline import scrape  # noqa: PLC0415
    from doc2openapi.report import build_report  # noqa: PLC0415

    outcome = scrape([folder])
    rows: dict[str, int] = {}
    for service in outcome.services:
        for result in service.pages:
            common = (c.table for c in result.common)
            tables = (*(result.api.tables if result.api else ()), *result.tables, *common)
            for table in tables:
                rows[table.page] = rows.get(table.page, 0) + len(table.fields) + table.failed_rows
    return FolderScrape(outcome.spec.document, build_report(outcome), rows)
