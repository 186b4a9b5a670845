"""Benchmark: ``diff`` of the largest corpus spec against itself, side by side with
``validate`` of that spec (issue 15: the diff must take no longer).

    python benchmarks/diff_vs_validate.py [--corpus DIR] [--repeat 7]

Every corpus folder is scraped once (through the cache) and written as YAML; the largest
document X is measured. Everything runs in this process through the library API, reading
its files from disk as the command does, the validation without a cache: ``validate X``;
``diff X X`` against a copy of the file (two files of the same bytes are parsed once, then
compared in full: equal parts are found equal in C, see doc2openapi/diff/unchanged.py); and
``diff X X'`` against a copy with one extension field added (two files parsed). Prints the
medians and the ratios.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from doc2openapi import library  # noqa: E402
from doc2openapi.diff import compare  # noqa: E402
from doc2openapi.files import load_document  # noqa: E402
from doc2openapi.spec.validate import validate_document  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


def median_time(action: Callable[[], object], repeat: int) -> float:
    """The median CPU time of ``action`` in this process (other processes on a shared
    machine do not count)."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return statistics.median(times)


def largest_spec(corpus: Path, folder: Path) -> Path:
    """Every corpus folder's document written as YAML; the path of the largest."""
    folders = sorted(p for p in corpus.glob("*/*/api-ref") if p.is_dir())
    written = []
    for index, pages in enumerate(folders):
        path = folder / f"{index}.yaml"
        result = library.scrape([pages], spec_path=path)
        if path.exists():
            written.append((path.stat().st_size, str(pages), path))
        del result
    size, name, path = max(written)
    print(f"largest document: {name} ({size / 1e6:.1f} MB of YAML)")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=7)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        spec = largest_spec(options.corpus, Path(folder))
        copy = Path(folder) / "copy.yaml"
        copy.write_bytes(spec.read_bytes())
        edited = Path(folder) / "edited.yaml"
        edited.write_text(spec.read_text(encoding="utf-8") + "x-edited: true\n", encoding="utf-8")
        diffed = library.diff(spec, copy)
        assert diffed.status is library.Status.OK and not diffed.changes, diffed.messages
        document, other = load_document(spec), load_document(edited)
        times = {
            "validate X": median_time(lambda: library.validate(spec), options.repeat),
            "diff X X": median_time(lambda: library.diff(spec, copy), options.repeat),
            "diff X X'": median_time(lambda: library.diff(spec, edited), options.repeat),
            "the check": median_time(lambda: validate_document(document), options.repeat),
            "the compare": median_time(lambda: compare(document, other), options.repeat),
        }
    for name, seconds in times.items():
        print(f"{name:11} median {seconds * 1000:8.1f} ms of CPU over {options.repeat} runs")
    ratio = times["diff X X"] / times["validate X"]
    print(f"ratio diff X X / validate X: {ratio:.2f} (must be at most 1)")
    both = times["diff X X'"] / times["validate X"]
    print(f"ratio diff X X' / validate X: {both:.2f} (X' has one field more: two files parsed)")
    steps = times["the compare"] / times["the check"]
    print(f"ratio of the steps after parsing, compare X X' / validate X: {steps:.2f}")


if __name__ == "__main__":
    main()
