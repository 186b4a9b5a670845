"""Building from a documentation site's URL: a cold build against a warm rebuild with nothing
changed (and one with one page changed), measured side by side on a local site serving the
real portal pages with ETags, through the command (a new process each time: its start-up and
imports are the same for a folder) and through the library (``library.build`` in this
process). Prints medians, their ratios and the bytes of page bodies each transferred.

    .venv/bin/python benchmarks/site_rebuild.py [--service dcs] [--repeat 5]
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
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from doc2openapi import library  # noqa: E402
from doc2openapi.config import Config  # noqa: E402
from tests.helpers.inputs import corpus_root  # noqa: E402
from tests.helpers.site import SiteState, serve_site  # noqa: E402


def _command(url: str, out: Path, cache: Path) -> float:
    command = [sys.executable, "-m", "doc2openapi.cli", "build", url, "-o", str(out)]
    # with bytecode files, as an installed tool has them (PYTHONDONTWRITEBYTECODE would
    # make every process compile every module again)
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    started = time.perf_counter()
    subprocess.run(
        [*command, "--cache-dir", str(cache)], capture_output=True, check=True, env=environment
    )
    return time.perf_counter() - started


def _library(url: str, out: Path, cache: Path) -> float:
    started = time.perf_counter()
    result = library.build([url], out, Config(cache_dir=str(cache)))
    assert result.status is library.Status.OK, result.messages
    return time.perf_counter() - started


NAMES = ("cold", "warm", "one page", "folder warm")
Figures = dict[str, list[float]]
Build = Callable[[str, Path, Path], float]


def _bodies(state: SiteState) -> int:
    return sum(s.body_bytes for s in state.take_log() if s.path != "/robots.txt")


def _round(
    build: Build, url: str, state: SiteState, work: Path, page: Path, figures: Figures
) -> None:
    """One cold build, then a rebuild with nothing changed, then one with one page changed;
    and, for comparison, a rebuild with nothing changed of the same pages from their folder
    (the floor: what a rebuild costs without any request)."""
    shutil.rmtree(work, ignore_errors=True)
    out, cache = work / "out", work / "cache"
    state.take_log()
    for name in ("cold", "warm", "one page"):
        path = "/" + page.relative_to(state.root).as_posix()
        if name == "one page":
            state.pages[path] = page.read_bytes().replace(b"</main>", b"<p>x</p></main>", 1)
        figures[name].append(build(url, out, cache))
        figures[f"{name} bytes"].append(_bodies(state))
        state.pages.pop(path, None)
    folder = str(state.root / urlsplit(url).path.strip("/"))
    build(folder, work / "folder", cache)
    figures["folder warm"].append(build(folder, work / "folder", cache))
    figures["folder warm bytes"].append(_bodies(state))


def _print(title: str, figures: Figures) -> None:
    cold = statistics.median(figures["cold"])
    print(title)
    for name in NAMES:
        value = statistics.median(figures[name])
        body = statistics.median(figures[f"{name} bytes"])
        print(f"{name:11} {value:7.3f} s  {value / cold:6.1%} of cold  page bodies {body:,.0f} B")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--service", default="dcs", help="a folder of corpus/portal")
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args()
    portal = corpus_root() / "portal"
    folder = portal / arguments.service / "api-ref"
    if not folder.is_dir():
        sys.exit(f"corpus folder not found: {folder}")
    page = sorted(folder.rglob("*.html"))[len(list(folder.rglob("*.html"))) // 2]
    runs: dict[str, Figures] = {
        way: {key: [] for name in NAMES for key in (name, f"{name} bytes")}
        for way in ("command", "library")
    }
    with serve_site(portal) as (origin, state), tempfile.TemporaryDirectory() as work:
        url = f"{origin}/{arguments.service}/api-ref/"
        for _ in range(arguments.repeat):
            _round(_command, url, state, Path(work) / "round", page, runs["command"])
            _round(_library, url, state, Path(work) / "round", page, runs["library"])
    for way, figures in runs.items():
        _print(f"## build from {url} ({way}, median of {arguments.repeat})", figures)


if __name__ == "__main__":
    main()
