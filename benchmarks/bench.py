"""Benchmarks: prints figures measured side by side in one run (medians and ratios).

    python benchmarks/bench.py [--corpus DIR] [--repeat 5] [--scale 20000]
                               [--only command build generate memory scale]

- the ``scrape --no-cache`` command (its own process: start-up, reading, spec building,
  validation and writing) against a bare ``lxml.html`` parse of the same files in this
  process (the floor for any HTML scraper), on ECS + ELB + portal/dcs; and the validation
  of that document in-process, by the fast check and by openapi-spec-validator;
- the whole ``build`` (scrape, validate, write the spec, the report and the client) of a
  portal service and an export service: cold, warm with nothing changed, and warm after
  one page changed in its API (a field's type; its title, which names the operation and
  its schemas), each command in its own process, with its peak memory;
- ``generate`` against openapi-python-client and datamodel-code-generator where installed;
- peak memory of a whole-corpus scrape;
- a synthetic scale test: the corpus replicated up to ``--scale`` pages, time and memory
  per page count (growth must be linear);
- a summary of the figures against the targets of issue 12.

Every command runs in a fresh process, as a user's build step would, with the package's
bytecode compiled as an installed tool has it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
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
BUILD_FOLDERS = ("portal/dcs/api-ref", "doc-exports/ecs/api-ref")
"""A service of each page format, of the usual size (100 to 200 pages)."""
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


def run_command(args: Sequence[str | Path], accept: Sequence[int] = (0,)) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of a command, via /usr/bin/time when present; the
    command must exit with one of the ``accept`` codes."""
    timer = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    command = [str(a) for a in args]
    start = time.perf_counter()
    if timer:
        with tempfile.NamedTemporaryFile("r") as stats:
            done = subprocess.run(
                [timer, "-f", "%M", "-o", stats.name, *command], capture_output=True, check=False
            )
            _accepted(done, accept)
            elapsed = time.perf_counter() - start
            peak = int(stats.read().strip().splitlines()[-1] or 0)
            return elapsed, peak
    _accepted(subprocess.run(command, capture_output=True, check=False), accept)
    return time.perf_counter() - start, 0


def _accepted(done: subprocess.CompletedProcess[bytes], accept: Sequence[int]) -> None:
    if done.returncode not in accept:
        sys.exit(f"{' '.join(map(str, done.args))}: exit {done.returncode}\n{done.stderr!r}")


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (corpus / folder).rglob("*.html"))


COMMAND_FOLDERS = ("doc-exports/ecs/api-ref", "doc-exports/elb/api-ref", "portal/dcs/api-ref")
"""The three services of issue 12's target for the ``scrape`` command."""


def bench_scrape_command(corpus: Path, repeat: int) -> float:
    """``doc2openapi scrape --no-cache`` in its own process (validation and writing
    included) against a bare ``lxml.html`` parse of the same files in this one; and the
    validation of that document in-process, by the fast check and by openapi-spec-validator."""
    import lxml.html  # noqa: PLC0415

    from doc2openapi.spec.fast_validation import surely_valid  # noqa: PLC0415

    folders = [corpus / f for f in COMMAND_FOLDERS]
    raws = [p.read_bytes() for f in folders for p in sorted(f.rglob("*.html"))]
    with tempfile.TemporaryDirectory() as scratch:
        spec = Path(scratch) / "openapi.json"
        command = [sys.executable, "-m", "doc2openapi.cli", "scrape", *folders]
        command += ["--no-cache", "-o", spec]
        ratios, commands, parses = [], [], []
        for _ in range(repeat):
            parse = median_time(lambda: [lxml.html.fromstring(raw) for raw in raws], 1)
            elapsed, _ = run_command(command)
            ratios.append(elapsed / parse)
            commands.append(elapsed)
            parses.append(parse)
        document = json.loads(spec.read_text(encoding="utf-8"))
    from openapi_spec_validator import OpenAPIV30SpecValidator  # noqa: PLC0415

    fast = median_time(lambda: surely_valid(document), repeat)
    slow = median_time(lambda: list(OpenAPIV30SpecValidator(document).iter_errors()), repeat)
    ratio = statistics.median(ratios)
    print(f"\n## scrape --no-cache as a command ({len(raws)} pages: ECS + ELB + portal/dcs)")
    print(f"lxml.html.fromstring        {statistics.median(parses):7.3f} s")
    print(f"scrape command              {statistics.median(commands):7.3f} s  ratio {ratio:.2f}x")
    print(f"validation, fast check      {fast:7.3f} s  (in-process, warm)")
    print(f"validation, spec-validator  {slow:7.3f} s  ({slow / fast:.0f}x the fast check)")
    return ratio


_H1 = re.compile(rb"<h1[^>]*>")
_STRING_TYPE = re.compile(rb">String<")


def _edits(original: bytes, number: int) -> dict[str, bytes]:
    """One page edited in its API two ways: one field's type (schemas, validation and
    client code change); its title (the operation's summary, operationId and the names of
    its schemas change)."""
    title = _H1.search(original)
    typed = list(_STRING_TYPE.finditer(original))
    assert title is not None and typed, "the benchmark page needs a title and a String field"
    last = typed[-1]
    return {
        "a field's type": original[: last.start()]
        + (b">Integer<" if number % 2 == 0 else b">Boolean<")
        + original[last.end() :],
        "its title": original[: title.end()]
        + f"Edited {number} ".encode()
        + original[title.end() :],
    }


def _edited_page(docs: Path) -> Path:
    pages = sorted(docs.rglob("*.html"))
    for page in pages[len(pages) // 2 :] + pages:
        raw = page.read_bytes()
        if _H1.search(raw) and _STRING_TYPE.search(raw) and b"<table" in raw:
            return page
    raise SystemExit(f"no page with a title and a String field under {docs}")


def bench_build(corpus: Path, repeat: int, folder: str) -> dict[str, float]:
    """Cold and warm builds of one folder (spec, report and client), each command in a
    fresh process; each figure's ratio to the cold build."""
    print(f"\n## build of {folder} (spec + report + client; median of {repeat})")
    figures: dict[str, list[float]] = {}
    peaks: list[int] = []
    with tempfile.TemporaryDirectory(prefix="d2o-") as work:
        docs, cache, out = Path(work) / "docs", Path(work) / "cache", Path(work) / "out"
        shutil.copytree(corpus / folder, docs)
        command: list[str | Path] = [sys.executable, "-m", "doc2openapi", "build", docs]
        command += ["-o", out, "--cache-dir", cache]
        page = _edited_page(docs)
        original = page.read_bytes()
        for round_number in range(repeat):
            shutil.rmtree(cache, ignore_errors=True)
            shutil.rmtree(out, ignore_errors=True)
            elapsed, peak = run_command(command, accept=(0, 1))
            figures.setdefault("cold", []).append(elapsed)
            peaks.append(peak)
            figures.setdefault("nothing changed", []).append(run_command(command, (0, 1))[0])
            for name, edited in _edits(original, round_number).items():
                page.write_bytes(edited)
                figures.setdefault(name, []).append(run_command(command, (0, 1))[0])
                page.write_bytes(original)
                run_command(command, (0, 1))  # back to the original, for the next edit
    cold = statistics.median(figures["cold"])
    print(f"edited page: {page.relative_to(docs)}; cold peak {max(peaks) / 1024:.0f} MB")
    ratios: dict[str, float] = {"peak MB": max(peaks) / 1024}
    for name, times in figures.items():
        value = statistics.median(times)
        label = {"cold": "cold build", "nothing changed": "warm, nothing changed"}.get(
            name, f"one page changed: {name}"
        )
        print(f"  {label:<36} {value:7.3f} s  {value / cold:6.1%} of cold")
        if name != "cold":
            ratios[name] = value / cold
    return ratios


def bench_generate(corpus: Path, repeat: int) -> float | None:
    """``doc2openapi generate`` against openapi-python-client and datamodel-code-generator
    on the DCS spec (see generate_vs_others.py); the ratio to openapi-python-client."""
    print("\n## generate, against other generators")
    result = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).with_name("generate_vs_others.py")),
            "--corpus",
            str(corpus),
            "--repeat",
            str(repeat),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    print(result.stdout.rstrip() or result.stderr.rstrip())
    match = re.search(
        r"openapi-python-client generate \(command\)\s+([0-9.]+)\s+([0-9.]+)x", result.stdout
    )
    return 1 / float(match.group(2)) if match else None


def bench_memory(corpus: Path) -> float:
    with tempfile.TemporaryDirectory() as work:
        command: list[str | Path] = [
            sys.executable,
            "-m",
            "doc2openapi",
            "scrape",
            *[corpus / f for f in FOLDERS],
            "-o",
            Path(work) / "spec.yaml",
            "--no-cache",
        ]
        elapsed, peak = run_command(command, accept=(0, 1))
    print("\n## whole corpus in one document")
    print(f"scrape all folders          {elapsed:7.3f} s  peak {peak / 1024:.0f} MB")
    return peak / 1024


def bench_scale(corpus: Path, target: int) -> list[tuple[int, float, float]]:
    files = corpus_files(corpus)
    print("\n## scale: the corpus replicated (one process, no cache)")
    print(f"{'pages':>8} {'seconds':>9} {'ms/page':>8} {'peak MB':>8} {'KB/page':>8}")
    sizes = sorted({len(files), *(n for n in (2_000, 5_000, 10_000, target) if n <= target)})
    rows: list[tuple[int, float, float]] = []
    with tempfile.TemporaryDirectory() as work:
        for size in sizes:
            folder = Path(work) / f"pages-{size}"
            folder.mkdir()
            for index in range(size):
                source = files[index % len(files)]
                (folder / f"c{index // len(files)}-{source.parent.name}-{source.name}").write_bytes(
                    source.read_bytes()
                )
            command: list[str | Path] = [
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
            rows.append((size, elapsed, peak / 1024))
            shutil.rmtree(folder)
    return rows


def _growth(rows: list[tuple[int, float, float]]) -> str:
    """The marginal cost of a page (time and memory added per page added) between the two
    smallest sizes and between the two largest: equal when growth is linear."""
    if len(rows) < 3:
        return "n/a"

    def slopes(a: tuple[int, float, float], b: tuple[int, float, float]) -> tuple[float, float]:
        pages = b[0] - a[0]
        return 1000 * (b[1] - a[1]) / pages, 1024 * (b[2] - a[2]) / pages

    first_time, first_memory = slopes(rows[0], rows[1])
    last_time, last_memory = slopes(rows[-2], rows[-1])
    return (
        f"each added page costs {first_time:.2f} ms and {first_memory:.0f} KB at "
        f"{rows[0][0]}-{rows[1][0]} pages, {last_time:.2f} ms and {last_memory:.0f} KB at "
        f"{rows[-2][0]}-{rows[-1][0]}"
    )


def _summary(results: dict[str, object]) -> None:
    print("\n## targets (issue 12)")
    command = results.get("command")
    if isinstance(command, float):
        print(f"scrape --no-cache <= 3x a bare lxml parse:   {command:.2f}x")
    generate = results.get("generate")
    if isinstance(generate, float):
        print(f"generate <= 1/3 openapi-python-client:       {generate:.2f} of its time")
    for folder, ratios in results.items():
        if folder.startswith("build ") and isinstance(ratios, dict):
            shown = ", ".join(
                f"{name} {value:.1%}" for name, value in ratios.items() if name != "peak MB"
            )
            print(
                f"{folder}: nothing changed <= 10%, one API page <= 50% of cold: {shown}; "
                f"peak {ratios['peak MB']:.0f} MB"
            )
    memory = results.get("memory")
    if isinstance(memory, float):
        print(f"whole corpus peak < 300 MB:                  {memory:.0f} MB")
    scale = results.get("scale")
    if isinstance(scale, list):
        print(f"linear growth:                               {_growth(scale)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scale", type=int, default=20_000)
    parser.add_argument(
        "--only", choices=["command", "build", "generate", "memory", "scale"], nargs="*"
    )
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found: {args.corpus}")
    chosen = set(args.only or ["command", "build", "generate", "memory", "scale"])
    # Commands run as an installed tool does: with its bytecode compiled (pip compiles it
    # at install). Some machines set PYTHONDONTWRITEBYTECODE, which makes every command
    # compile the whole package from source first.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(REPO / "doc2openapi")], check=True
    )
    print(f"doc2openapi benchmarks on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    results: dict[str, object] = {}
    if "command" in chosen:
        results["command"] = bench_scrape_command(args.corpus, args.repeat)
    if "build" in chosen:
        for folder in BUILD_FOLDERS:
            results[f"build {folder}"] = bench_build(args.corpus, args.repeat, folder)
    if "generate" in chosen:
        results["generate"] = bench_generate(args.corpus, args.repeat)
    if "memory" in chosen:
        results["memory"] = bench_memory(args.corpus)
    if "scale" in chosen:
        results["scale"] = bench_scale(args.corpus, args.scale)
    _summary(results)


if __name__ == "__main__":
    main()
