"""The built-in example (examples/export and examples/portal) against its golden contracts
(tests/goldens/examples/<format>/, written from the example's HTML), and the two formats
against each other."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from doc2openapi.pipeline import scrape_to_spec
from tests.helpers.inputs import EXAMPLES
from tests.scraper.test_goldens import compare_operation, load_golden

GOLDENS = Path(__file__).resolve().parents[1] / "goldens" / "examples"
FILES = sorted(GOLDENS.glob("*/*.yaml"))
_SPECS: dict[str, dict[str, Any]] = {}


def spec_of(page_format: str) -> dict[str, Any]:
    if page_format not in _SPECS:
        _SPECS[page_format] = scrape_to_spec([EXAMPLES / page_format])
    return _SPECS[page_format]


def test_there_are_goldens_for_every_example_api_page() -> None:
    assert len(FILES) == 16  # 8 API pages in each of the two formats (examples/README.md)


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FILES])
def test_example_contract(path: Path) -> None:
    golden = load_golden(path)
    assert (EXAMPLES / golden["page"]).is_file()
    spec = spec_of(path.parent.name)
    report: list[str] = []
    for operation in golden["operations"]:
        lines = compare_operation(spec, operation)
        if lines:
            report.append(f"{operation['method']} {operation['path']}:")
            report.extend(lines)
    assert not report, "\n".join(report)


def test_both_formats_give_the_same_operations() -> None:
    export, portal = spec_of("export"), spec_of("portal")
    assert {p: sorted(i) for p, i in export["paths"].items()} == {
        p: sorted(i) for p, i in portal["paths"].items()
    }
