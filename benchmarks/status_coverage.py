"""Status codes: what the pages document against what the spec answers, per corpus folder.

    python benchmarks/status_coverage.py [--corpus DIR] [-v] [FOLDER ...]

The documented codes are read from the HTML by ``tests/helpers/status_truth.py`` (which knows
nothing about doc2openapi); the spec's are the response codes of the operations whose
``x-source`` names the page. ``-v`` lists every (page, code) the spec lacks.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from doc2openapi.pipeline import scrape_to_spec  # noqa: E402
from tests.helpers.status_truth import folder_status_codes, spec_response_codes  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


def missing_codes(folder: Path) -> tuple[int, int, list[tuple[str, str]]]:
    """(API pages, documented (page, code) pairs, the pairs the spec lacks)."""
    documented = folder_status_codes(folder)
    answered = spec_response_codes(scrape_to_spec([folder]))
    missing = [
        (page, code)
        for page, codes in sorted(documented.items())
        for code in codes
        if code not in answered.get(page, set())
    ]
    return len(documented), sum(len(codes) for codes in documented.values()), missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("folders", nargs="*", help="folders relative to the corpus")
    arguments = parser.parse_args(argv)
    chosen = [arguments.corpus / f for f in arguments.folders] or sorted(
        arguments.corpus.glob("*/*/api-ref")
    )
    print(f"{'folder':32} {'API pages':>9} {'codes':>6} {'present':>8} {'missing':>8}")
    total_missing = 0
    for folder in chosen:
        pages, codes, missing = missing_codes(folder)
        name = folder.relative_to(arguments.corpus).as_posix()
        print(f"{name:32} {pages:9} {codes:6} {codes - len(missing):8} {len(missing):8}")
        total_missing += len(missing)
        if arguments.verbose:
            for page, code in missing:
                print(f"    {page}: {code}")
    return 1 if total_missing else 0


if __name__ == "__main__":
    sys.exit(main())
