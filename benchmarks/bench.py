"""Benchmarks: prints figures measured side by side in one run (medians and ratios).

    python benchmarks/bench.py [--corpus DIR] [--repeat 5] [--scale 20000] [--skip-generate]

- scrape throughput on the whole corpus against a bare ``lxml.html`` parse of the same bytes
  (the floor for any HTML scraper), serial and with one worker per core;
- the whole ``build`` (scrape, validate, write; and generate where the generator exists):
  cold, warm with nothing changed, warm with one page changed;
- ``generate`` against openapi-python-client and datamodel-code-generator where installed;
- peak memory of a whole-corpus build;
- a synthetic scale test: the corpus replicated up to ``--scale`` pages, time and memory
  per page count (growth must be linear).

Every timed step runs in a fresh process where it matters (imports and caches included),
as a user's build step would.
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
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
FOLDERS = (
    "doc-exports/dcs/api-ref",
    "doc-exports/ecs/api-ref",
    "doc-exports/elb/api-ref",
    "portal/dcs/api-ref",
)


def median_time(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_command(args: Sequence[str | Path], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of a command, via /usr/bin/time when present."""
    timer = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    command = [str(a) for a in args]
    start = time.perf_counter()
    if timer:
        with tempfile.NamedTemporaryFile("r") as stats:
            subprocess.run(
                [timer, "-f", "%M", "-o", stats.name, *command],
                check=True,
                capture_output=True,
                env={**os.environ, **(env or {})},
            )
            elapsed = time.perf_counter() - start
            peak = int(stats.read().strip().splitlines()[-1] or 0)
            return elapsed, peak
    subprocess.run(command, check=True, capture_output=True, env={**os.environ, **(env or {})})
    return time.perf_counter() - start, 0


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (corpus / folder).rglob("*.html"))


def bench_scrape(corpus: Path, repeat: int) -> None:
    import lxml.html  # noqa: PLC0415 - measured tools load only when their figure is asked

    from doc2openapi.inputs import collect_inputs  # noqa: PLC0415
    from doc2openapi.pipeline import ReadOptions, read_services, scrape  # noqa: PLC0415

    files = corpus_files(corpus)
    raws = [p.read_bytes() for p in files]
    folders = [corpus / f for f in FOLDERS]
    inputs = collect_inputs(folders)

    def bare_parse() -> None:
        for raw in raws:
            lxml.html.fromstring(raw)

    lxml_time = median_time(bare_parse, repeat)
    serial = median_time(lambda: read_services(inputs, ReadOptions(jobs=1)), repeat)
    parallel = median_time(lambda: read_services(inputs, ReadOptions(jobs=0)), repeat)
    whole = median_time(lambda: [scrape([f], reading=ReadOptions(jobs=0)) for f in folders], repeat)
    pages = len(files)
    print(f"\n## scrape ({pages} pages, median of {repeat})")
    print(f"lxml.html.fromstring        {lxml_time:7.3f} s  {pages / lxml_time:7.0f} pages/s")
    print(
        f"scrape, 1 process           {serial:7.3f} s  {pages / serial:7.0f} pages/s  "
        f"ratio {serial / lxml_time:.2f}x"
    )
    print(
        f"scrape, {os.cpu_count()} processes         {parallel:7.3f} s  "
        f"{pages / parallel:7.0f} pages/s  ratio {parallel / lxml_time:.2f}x"
    )
    print(
        f"+ spec build and validation {whole:7.3f} s  {pages / whole:7.0f} pages/s  "
        f"ratio {whole / lxml_time:.2f}x  (4 documents, one per folder)"
    )


def bench_build(corpus: Path, repeat: int, generate: bool) -> None:
    folder = "portal/dcs/api-ref"
    print(f"\n## build of {folder} (fresh process each, median of {repeat})")
    with tempfile.TemporaryDirectory() as work:
        docs = Path(work) / "docs"
        shutil.copytree(corpus / folder, docs)
        cache = Path(work) / "cache"
        out = Path(work) / "out"
        command = [
            sys.executable,
            "-m",
            "doc2openapi.cli",
            "build",
            docs,
            "-o",
            out,
            "--cache-dir",
            cache,
        ]
        colds, warms, changed, api_changed, peaks = [], [], [], [], []
        pages = sorted(docs.rglob("*.html"))
        page = next(p for p in pages[len(pages) // 2 :] if b"<h1>" in p.read_bytes())
        original = page.read_bytes()
        for round_number in range(repeat):
            shutil.rmtree(cache, ignore_errors=True)
            shutil.rmtree(out, ignore_errors=True)
            elapsed, peak = run_command(command)
            colds.append(elapsed)
            peaks.append(peak)
            warms.append(run_command(command)[0])
            # an edit outside the tables: the page changed, the API did not
            edit = f"<p>edit {round_number}</p></main>".encode()
            page.write_bytes(original.replace(b"</main>", edit))
            changed.append(run_command(command)[0])
            # an edit of the page's title: the operation's summary changes
            page.write_bytes(original.replace(b"<h1>", f"<h1>Edited {round_number} ".encode(), 1))
            api_changed.append(run_command(command)[0])
            page.write_bytes(original)
        cold = statistics.median(colds)
        warm = statistics.median(warms)
        one = statistics.median(changed)
        api = statistics.median(api_changed)
        print(f"cold build                  {cold:7.3f} s  peak {max(peaks) / 1024:.0f} MB")
        print(f"warm, nothing changed       {warm:7.3f} s  {warm / cold:6.1%} of cold")
        print(
            f"warm, one page changed      {one:7.3f} s  {one / cold:6.1%} of cold  (API unchanged)"
        )
        print(
            f"warm, one page changed      {api:7.3f} s  {api / cold:6.1%} of cold  "
            "(its operation changed)"
        )
    del generate


def bench_memory(corpus: Path) -> None:
    with tempfile.TemporaryDirectory() as work:
        command = [
            sys.executable,
            "-m",
            "doc2openapi.cli",
            "scrape",
            *[corpus / f for f in FOLDERS],
            "-o",
            Path(work) / "spec.yaml",
            "--no-cache",
        ]
        elapsed, peak = run_command(command)
    print("\n## whole corpus in one document")
    print(f"scrape all folders          {elapsed:7.3f} s  peak {peak / 1024:.0f} MB")


def bench_scale(corpus: Path, target: int) -> None:
    files = corpus_files(corpus)
    print("\n## scale: the corpus replicated (one process, no cache)")
    print(f"{'pages':>8} {'seconds':>9} {'ms/page':>8} {'peak MB':>8} {'KB/page':>8}")
    sizes = sorted({len(files), *(n for n in (2_000, 5_000, 10_000, target) if n <= target)})
    with tempfile.TemporaryDirectory() as work:
        for size in sizes:
            folder = Path(work) / f"pages-{size}"
            folder.mkdir()
            for index in range(size):
                source = files[index % len(files)]
                (folder / f"c{index // len(files)}-{source.parent.name}-{source.name}").write_bytes(
                    source.read_bytes()
                )
            command = [
                sys.executable,
                "-c",
                "import sys; from pathlib import Path; "
                "from doc2openapi.inputs import collect_inputs; "
                "from doc2openapi.pipeline import ReadOptions, read_services; "
                "read_services(collect_inputs([Path(sys.argv[1])]), ReadOptions(jobs=1))",
                folder,
            ]
            elapsed, peak = run_command(command)
            print(
                f"{size:8d} {elapsed:9.2f} {1000 * elapsed / size:8.2f} {peak / 1024:8.0f} "
                f"{peak / size:8.1f}"
            )
            shutil.rmtree(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scale", type=int, default=20_000)
    parser.add_argument("--skip-generate", action="store_true")
    parser.add_argument("--only", choices=["scrape", "build", "memory", "scale"], nargs="*")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found: {args.corpus}")
    chosen = set(args.only or ["scrape", "build", "memory", "scale"])
    print(f"doc2openapi benchmarks on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    if "scrape" in chosen:
        bench_scrape(args.corpus, args.repeat)
    if "build" in chosen:
        bench_build(args.corpus, args.repeat, not args.skip_generate)
    if "memory" in chosen:
        bench_memory(args.corpus)
    if "scale" in chosen:
        bench_scale(args.corpus, args.scale)


if __name__ == "__main__":
    main()
