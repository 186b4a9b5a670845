"""Building from Sphinx sources: a cold build against a rebuild with one ``.rst`` changed,
measured side by side on a copy of the corpus's ``rst/`` sources. Prints medians and their
ratio.

    .venv/bin/python benchmarks/sphinx_rebuild.py [--service smn] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.helpers.inputs import corpus_root  # noqa: E402


def _build(source: Path, out: Path, cache: Path) -> float:
    command = [sys.executable, "-m", "doc2openapi.cli", "build", str(source), "-o", str(out)]
    # with bytecode files, as installed tools have them (PYTHONDONTWRITEBYTECODE would make
    # every process, Sphinx's too, compile every module again)
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    started = time.perf_counter()
    subprocess.run(
        [*command, "--cache-dir", str(cache)], capture_output=True, check=True, env=environment
    )
    return time.perf_counter() - started


def _round(original: Path, work: Path, figures: dict[str, list[float]]) -> None:
    """A cold build of a fresh copy, then a rebuild after one source changed."""
    shutil.rmtree(work, ignore_errors=True)
    source = work / original.parent.parent.name / "api-ref" / "source"
    shutil.copytree(original, source)
    out, cache = work / "out", work / "cache"
    figures["cold"].append(_build(source, out, cache))
    changed = sorted(source.rglob("*.rst"))[len(list(source.rglob("*.rst"))) // 2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nChanged.\n", encoding="utf-8")
    figures["one .rst changed"].append(_build(source, out, cache))
    figures["nothing changed"].append(_build(source, out, cache))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--service", default="smn", help="a folder of corpus/rst")
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    original = corpus_root() / "rst" / arguments.service / "api-ref" / "source"
    if not original.is_dir():
        sys.exit(f"corpus folder not found: {original}")
    figures: dict[str, list[float]] = {
        "cold": [],
        "one .rst changed": [],
        "nothing changed": [],
    }
    with tempfile.TemporaryDirectory() as work:
        for _ in range(arguments.repeat):
            _round(original, Path(work) / "round", figures)
    cold = statistics.median(figures["cold"])
    print(f"## build from {original} (command, median of {arguments.repeat})")
    for name, times in figures.items():
        value = statistics.median(times)
        print(f"{name:17} {value:7.3f} s  {value / cold:6.1%} of cold")


if __name__ == "__main__":
    main()
