"""The diagnostics of every corpus folder, as the report gives them (issue 11, "Counting
honestly"): none is reported twice, and each D404 names the example it means."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from tests.helpers.corpus_scrape import scraped_folder
from tests.spec.test_corpus_counts import FOLDERS

_NAMED_EXAMPLE = re.compile(r"^(?:request|response) example \d+ (?:\('[^']*'\) )?\w")


@pytest.mark.parametrize("folder", FOLDERS)
def test_no_diagnostic_is_reported_twice(folder: str) -> None:
    said = Counter(
        json.dumps(d, sort_keys=True) for d in scraped_folder(folder).report["diagnostics"]
    )
    assert not [text for text, times in said.items() if times > 1]


@pytest.mark.parametrize("folder", FOLDERS)
def test_each_unplaced_example_is_named(folder: str) -> None:
    """ "response example 3 ('In the preceding example, ...') has no documented body ...":
    its place among the page's examples and the text that labels it."""
    details = [d for d in scraped_folder(folder).report["diagnostics"] if d["code"] == "D404"]
    assert all(d["page"] for d in details)
    assert not [d["detail"] for d in details if not _NAMED_EXAMPLE.match(d["detail"])]


_FAILURES = {"D101", "D103", "D104", "D105", "D120"}
"""Codes that say why rows of a field table reach no operation: a table unplaced, a row
without a name, a short row, a field documented twice, an XML element with no parent."""


@pytest.mark.parametrize("folder", FOLDERS)
def test_each_page_with_failed_fields_names_the_table(folder: str) -> None:
    report = scraped_folder(folder).report
    (service,) = report["services"].values()
    failing = {page for page, counts in service["page_details"].items() if counts["failed"]}
    said = {d["page"] for d in report["diagnostics"] if d["code"] in _FAILURES and d["table"]}
    assert failing <= said, (
        f"failed fields without a diagnostic naming their table: {failing - said}"
    )
