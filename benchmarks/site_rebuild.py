"""Building from a documentation site's URL: a cold build against a warm rebuild with nothing
changed (and one with one page changed), measured side by side on a local site serving the
real portal pages with ETags. Prints medians, their ratios and the bytes of page bodies each
transferred.

    .venv/bin/python benchmarks/site_rebuild.py [--service dcs] [--repeat 5]
"""

from __future__ import annotations

import argparse
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
from tests.helpers.site import SiteState, serve_site  # noqa: E402


def _build(url: str, out: Path, cache: Path) -> float:
    command = [sys.executable, "-m", "doc2openapi.cli", "build", url, "-o", str(out)]
    started = time.perf_counter()
    subprocess.run([*command, "--cache-dir", str(cache)], capture_output=True, check=True)
    return time.perf_counter() - started


def _bodies(state: SiteState) -> int:
    return sum(s.body_bytes for s in state.take_log() if s.path != "/robots.txt")


def _round(
    url: str, state: SiteState, work: Path, page: Path, figures: dict[str, list[float]]
) -> None:
    """One cold build, then a rebuild with nothing changed, then one with one page changed."""
    shutil.rmtree(work, ignore_errors=True)
    out, cache = work / "out", work / "cache"
    state.take_log()
    figures["cold"].append(_build(url, out, cache))
    figures["cold bytes"].append(_bodies(state))
    figures["warm"].append(_build(url, out, cache))
    figures["warm bytes"].append(_bodies(state))
    path = "/" + page.relative_to(state.root).as_posix()
    state.pages[path] = page.read_bytes().replace(b"</main>", b"<p>changed</p></main>", 1)
    figures["one page"].append(_build(url, out, cache))
    figures["one page bytes"].append(_bodies(state))
    del state.pages[path]


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
    figures: dict[str, list[float]] = {
        name: [] for name in ("cold", "warm", "one page", "cold bytes", "warm bytes")
    }
    figures["one page bytes"] = []
    with serve_site(portal) as (origin, state), tempfile.TemporaryDirectory() as work:
        url = f"{origin}/{arguments.service}/api-ref/"
        for _ in range(arguments.repeat):
            _round(url, state, Path(work) / "round", page, figures)
    cold = statistics.median(figures["cold"])
    print(f"## build from {url} (command, median of {arguments.repeat})")
    for name in ("cold", "warm", "one page"):
        value = statistics.median(figures[name])
        body = statistics.median(figures[f"{name} bytes"])
        print(f"{name:10} {value:7.3f} s  {value / cold:6.1%} of cold  page bodies {body:,.0f} B")


if __name__ == "__main__":
    main()
