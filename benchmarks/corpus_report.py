"""How well the scraper reads every folder of the real corpus: one row per folder.

    python benchmarks/corpus_report.py [--corpus DIR] [--jobs N] [FOLDER ...]

Every folder under the corpus that holds HTML pages (``doc-exports/*``, ``portal/*``,
``history/*``; their ``api-ref`` sub-folder where there is one) is scraped as a user
would: ``doc2openapi.library.scrape`` (no cache), and the row shows its report's own
counters. The "API pages" column does not come from the scraper: it is what the
independent reader ``tests/helpers/corpus_truth.py`` (lxml only, no doc2openapi import) finds.

Columns:
  pages       HTML pages read (report)
  api pages   pages documenting an operation, by the independent reader
  covered     of those, pages whose every operation is in the spec (method and path)
  operations  operations of the spec (report)
  fields      fields documented (report): recognised + unknown + unresolved + failed +
              repeated
  failed      fields not in the spec (report), and their share of the fields
  repeated    rows of tables no link reaches that repeat fields operations document
              (report; D110 headers, D111 structures): in the spec through those operations
  unresolved  fields whose link to their structure leads nowhere (report)
  unknown     fields whose type word is not understood (report)
  unplaced    tables of fields that reach no operation (report; each is a D101)
  rows        data rows of every table of every page (report): the fields' rows, status
              codes, rows of tables that list no fields, blank rows, header rows of cells;
              the corpus tests check it against the independent reader's count
  status      rows of status-code tables, read as responses (report)
  not fields  rows of tables that list no fields, "in" how many tables (report; each
              table is a D109: metrics, Key | Value listings, appendix code tables...)
  valid       the document passed validation (report); "empty" when it has no operation
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import astuple, dataclass, fields
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
GROUPS = ("doc-exports", "portal", "history")
sys.path.insert(0, str(REPO))

from doc2openapi.config import Config  # noqa: E402
from doc2openapi.library import scrape  # noqa: E402
from tests.helpers.corpus_truth import folder_operations  # noqa: E402
from tests.helpers.golden_contracts import documented_operations, path_template  # noqa: E402


@dataclass
class Row:
    pages: int = 0
    api_pages: int = 0
    covered: int = 0
    operations: int = 0
    fields: int = 0
    failed: int = 0
    repeated: int = 0
    unresolved: int = 0
    unknown: int = 0
    unplaced: int = 0
    rows: int = 0
    status: int = 0
    not_fields: int = 0
    not_fields_tables: int = 0

    def add(self, other: Row) -> None:
        for name in (f.name for f in fields(self)):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def corpus_folders(corpus: Path) -> list[str]:
    """Folders of HTML pages, relative to the corpus: ``<group>/<service>[/api-ref]``."""
    found: list[str] = []
    for group in GROUPS:
        if not (corpus / group).is_dir():
            continue
        for service in sorted(p for p in (corpus / group).iterdir() if p.is_dir()):
            folder = service / "api-ref" if (service / "api-ref").is_dir() else service
            if any(folder.rglob("*.html")):
                found.append(folder.relative_to(corpus).as_posix())
    return found


def measure(folder: Path, jobs: int) -> tuple[Row, bool]:
    result = scrape([folder], Config(jobs=jobs, cache=False))
    (service,) = result.report["services"].values()
    truth = folder_operations(folder)
    in_spec = documented_operations(result.document)
    pages = {op.page for op in truth}
    missing = {op.page for op in truth if (op.method, path_template(op.path)) not in in_spec}
    row = Row(
        pages=service["pages"],
        api_pages=len(pages),
        covered=len(pages - missing),
        operations=service["operations"],
        fields=service["fields_total"],
        failed=service["failed"],
        repeated=service["repeated"],
        unresolved=service["unresolved_link"],
        unknown=service["unknown_type"],
        unplaced=service["failed_tables"],
        rows=service["rows_total"],
        status=service["status_rows"],
        not_fields=service["rows_not_fields"],
        not_fields_tables=service["tables_not_fields"],
    )
    return row, bool(result.report["summary"]["valid"])


HEADER = (
    "folder",
    "pages",
    "api pages",
    "covered",
    "operations",
    "fields",
    "failed",
    "repeated",
    "unresolved",
    "unknown",
    "unplaced",
    "rows",
    "status",
    "not fields",
    "valid",
)


def _share(part: int, whole: int) -> str:
    return f"{part} ({100 * part / whole:.1f}%)" if whole else str(part)


def _verdict(row: Row, valid: bool) -> str:
    """A valid document that holds operations is "yes" (no document is no success)."""
    if not valid:
        return "NO"
    return "yes" if row.operations else "empty"


def format_row(name: str, row: Row, valid: str) -> list[str]:
    cells = [str(value) for value in astuple(row)]
    cells[5] = _share(row.failed, row.fields)
    cells[12] = f"{row.not_fields} in {cells.pop()}"
    return [name, *cells, valid]


def print_table(lines: Sequence[Sequence[str]]) -> None:
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADER))]
    for number, line in enumerate(lines):
        cells = [
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ]
        print("| " + " | ".join(cells) + " |")
        if number == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (0: one per core)")
    parser.add_argument("folders", nargs="*", help="folders relative to the corpus (default: all)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus} (use --corpus)", file=sys.stderr)
        return 2
    lines: list[list[str]] = [list(HEADER)]
    total, all_valid = Row(), True
    for name in args.folders or corpus_folders(args.corpus):
        row, valid = measure(args.corpus / name, args.jobs)
        total.add(row)
        all_valid = all_valid and valid
        lines.append(format_row(name, row, _verdict(row, valid)))
        print(f"measured {name}", file=sys.stderr, flush=True)
    lines.append(format_row("total", total, _verdict(total, all_valid)))
    print_table(lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
