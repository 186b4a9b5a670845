"""Mutation fuzzer for the page reader: real pages, broken on purpose, must never crash it.

    python benchmarks/fuzz_pages.py [--seconds 60 | --executions N] [--seed S]
                                    [--corpus DIR ...] [--crashes DIR] [--timeout 10]

Each execution takes one or two seed pages (the real corpus by default), applies one to
four mutations (bit flips, byte and token insertion, truncation, range deletion, tag
deletion and duplication, splicing two pages, extreme span values, re-encoding, repeated
slices) and runs :func:`doc2openapi.pipeline.scrape_page` on the result. Any exception is a
crash; an execution over ``--timeout`` seconds is a hang (interrupted by a timer signal
when it is in Python code). Each distinct failure (by exception type and place) is saved
once to ``--crashes``: the input as ``<id>.html`` and the traceback and mutations as
``<id>.txt``. Exits 1 when anything failed.

The run is reproducible: the same seed, seed pages and number of executions give the same
inputs.
"""

from __future__ import annotations

import argparse
import codecs
import hashlib
import random
import re
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from doc2openapi.pipeline import scrape_page  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
MAX_INPUT_BYTES = 2 * 1024 * 1024
_TAG = re.compile(rb"<[^<>]{0,300}>")
_SPAN = re.compile(rb"""((?:row|col)span\s*=\s*["']?)(\d+)""", re.I)
TOKENS = (
    b"<",
    b">",
    b"&",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\xe4\xb8",
    b"<!--",
    b"-->",
    b"<script>",
    b"</script>",
    b"<style>",
    b"<![CDATA[",
    b"]]>",
    b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>",
    b"&e;",
    b"<table>",
    b"</table>",
    b"<tr>",
    b"<td>",
    b"</td>",
    b"<th>",
    b"<thead>",
    b"<caption>",
    b'<td rowspan="100000">',
    b'<td colspan="-1">',
    b'<a href="#">',
    b'<a href="../../../../etc/passwd#x">',
    b'<a href="%zz%00#%ff">',
    b'<meta charset="utf-16">',
    b'<meta charset="gbk">',
    b'<meta charset="undefined">',
    b'<h4 class="sectiontitle">URI</h4><p>GET /v1/{x}/y?a={a}&b</p>',
    b'<h4 class="sectiontitle">Request Parameters</h4>',
    b'<h4 class="sectiontitle">Response Parameters</h4>',
    b"<p>Status code: 200</p>",
    b"Table 1",
    b"<div>" * 300,
    b"<b>" * 50,
)
ENCODINGS = ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "gb18030", "cp1252", "latin-1")


# ---------------------------------------------------------------------------- mutations

Mutation = Callable[[random.Random, bytes, bytes], bytes]
"""(random, page, another page) -> mutated page."""


def _position(rng: random.Random, data: bytes) -> int:
    return rng.randrange(len(data) + 1)


def flip_bits(rng: random.Random, data: bytes, other: bytes) -> bytes:
    if not data:
        return data
    mutable = bytearray(data)
    for _flip in range(rng.randint(1, 16)):
        mutable[rng.randrange(len(mutable))] ^= 1 << rng.randrange(8)
    return bytes(mutable)


def insert_bytes(rng: random.Random, data: bytes, _: bytes) -> bytes:
    at = _position(rng, data)
    return data[:at] + rng.randbytes(rng.randint(1, 64)) + data[at:]


def insert_token(rng: random.Random, data: bytes, _: bytes) -> bytes:
    at = _position(rng, data)
    return data[:at] + rng.choice(TOKENS) + data[at:]


def truncate(rng: random.Random, data: bytes, _: bytes) -> bytes:
    return data[: _position(rng, data)]


def delete_range(rng: random.Random, data: bytes, _: bytes) -> bytes:
    start = _position(rng, data)
    return data[:start] + data[start + rng.randint(1, 4096) :]


def _tags(data: bytes) -> list[re.Match[bytes]]:
    return list(_TAG.finditer(data, 0, 1_000_000))


def delete_tags(rng: random.Random, data: bytes, _: bytes) -> bytes:
    tags = _tags(data)
    chosen = rng.sample(tags, min(len(tags), rng.randint(1, 8)))
    for match in sorted(chosen, key=lambda m: m.start(), reverse=True):
        data = data[: match.start()] + data[match.end() :]
    return data


def duplicate_element(rng: random.Random, data: bytes, _: bytes) -> bytes:
    """Copy the text between two tags (a tag, an element, or a run of them) elsewhere."""
    tags = _tags(data)
    if len(tags) < 2:
        return data
    first = rng.randrange(len(tags))
    last = min(len(tags) - 1, first + rng.randint(0, 20))
    piece = data[tags[first].start() : tags[last].end()]
    at = rng.choice(tags).start()
    return data[:at] + piece * rng.randint(1, 3) + data[at:]


def splice(rng: random.Random, data: bytes, other: bytes) -> bytes:
    """The start of one page and the end of another, cut at tags where there are some."""
    tags, other_tags = _tags(data), _tags(other)
    cut = rng.choice(tags).start() if tags else _position(rng, data)
    other_cut = rng.choice(other_tags).start() if other_tags else _position(rng, other)
    return data[:cut] + other[other_cut:]


def extreme_spans(rng: random.Random, data: bytes, _: bytes) -> bytes:
    values = (b"0", b"-1", b"100000", b"99999999999999999999", b"1e9", b"", b"2")

    def replace(match: re.Match[bytes]) -> bytes:
        return match.group(1) + rng.choice(values) if rng.random() < 0.5 else match.group()

    return _SPAN.sub(replace, data)


def reencode(rng: random.Random, data: bytes, _: bytes) -> bytes:
    text = data.decode("utf-8", "replace")
    encoding = rng.choice(ENCODINGS)
    encoded = text.encode(encoding, "replace")
    if rng.random() < 0.3 and encoding.startswith("utf-16-"):
        bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        encoded = bom + encoded
    return encoded


def repeat_slice(rng: random.Random, data: bytes, _: bytes) -> bytes:
    start = _position(rng, data)
    piece = data[start : start + rng.randint(1, 200)]
    at = _position(rng, data)
    return data[:at] + piece * rng.randint(2, 2000) + data[at:]


MUTATIONS: tuple[Mutation, ...] = (
    flip_bits,
    insert_bytes,
    insert_token,
    insert_token,
    truncate,
    delete_range,
    delete_tags,
    delete_tags,
    duplicate_element,
    splice,
    extreme_spans,
    reencode,
    repeat_slice,
)


# ---------------------------------------------------------------------------- running


@dataclass(frozen=True, slots=True)
class Seed:
    key: str
    raw: bytes


@dataclass
class FuzzResult:
    executions: int = 0
    seconds: float = 0.0
    failures: dict[str, str] = field(default_factory=dict)
    """Signature of each distinct failure → the report saved for it."""
    failed_executions: int = 0
    slowest: float = 0.0


class Hang(Exception):
    """An execution over the time limit."""


def seed_pages(folders: Sequence[Path]) -> list[Seed]:
    seeds = []
    for folder in folders:
        for path in sorted(folder.rglob("*.htm*")):
            if path.is_file():
                seeds.append(Seed(path.relative_to(folder).as_posix(), path.read_bytes()))
    return seeds


def mutants(seeds: Sequence[Seed], rng: random.Random) -> Iterator[tuple[Seed, bytes, list[str]]]:
    while True:
        seed = rng.choice(seeds)
        data = seed.raw
        applied = []
        for _ in range(rng.randint(1, 4)):
            mutation = rng.choice(MUTATIONS)
            data = mutation(rng, data, rng.choice(seeds).raw)[:MAX_INPUT_BYTES]
            applied.append(mutation.__name__)
        yield seed, data, applied


def _signature(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    place = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    return f"{type(error).__name__} at {place}"


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang("execution over the time limit")


def fuzz(
    seeds: Sequence[Seed],
    *,
    seconds: float | None = None,
    executions: int | None = None,
    seed: int = 0,
    timeout: float = 10.0,
    crashes: Path | None = None,
) -> FuzzResult:
    """Run until ``seconds`` have passed or ``executions`` were made (whichever first)."""
    if not seeds:
        raise ValueError("no seed pages")
    rng = random.Random(seed)
    result = FuzzResult()
    start = time.perf_counter()
    alarm = hasattr(signal, "setitimer")
    previous = signal.signal(signal.SIGALRM, _on_alarm) if alarm else None
    try:
        for page, data, applied in mutants(seeds, rng):
            if executions is not None and result.executions >= executions:
                break
            if seconds is not None and time.perf_counter() - start >= seconds:
                break
            began = time.perf_counter()
            try:
                if alarm:
                    signal.setitimer(signal.ITIMER_REAL, timeout)
                scrape_page(page.key, data)
                if time.perf_counter() - began > timeout:
                    raise Hang("execution over the time limit (in C code)")
            except Exception as error:
                result.failed_executions += 1
                signature = _signature(error)
                if signature not in result.failures:
                    report = _save(crashes, signature, page, data, applied, error)
                    result.failures[signature] = report
            finally:
                if alarm:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            result.slowest = max(result.slowest, time.perf_counter() - began)
            result.executions += 1
    finally:
        if alarm:
            signal.signal(signal.SIGALRM, previous)
    result.seconds = time.perf_counter() - start
    return result


def _save(
    folder: Path | None,
    signature: str,
    page: Seed,
    data: bytes,
    applied: list[str],
    error: BaseException,
) -> str:
    report = (
        f"{signature}\nseed page: {page.key}\nmutations: {', '.join(applied)}\n"
        f"input: {len(data)} bytes\n\n"
        + "".join(traceback.format_exception(type(error), error, error.__traceback__))
    )
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        name = hashlib.sha256(signature.encode()).hexdigest()[:12]
        (folder / f"{name}.html").write_bytes(data)
        (folder / f"{name}.txt").write_text(report, encoding="utf-8")
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=None)
    parser.add_argument("--executions", type=int, default=None)
    parser.add_argument("--seed", type=int, default=None, help="default: from the clock")
    parser.add_argument("--corpus", type=Path, action="append", default=None)
    parser.add_argument("--crashes", type=Path, default=Path("fuzz-crashes"))
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args(argv)
    if args.seconds is None and args.executions is None:
        args.seconds = 60.0
    folders = args.corpus or [DEFAULT_CORPUS]
    seeds = seed_pages(folders)
    if not seeds:
        print(f"no pages under {', '.join(map(str, folders))}", file=sys.stderr)
        return 2
    seed = args.seed if args.seed is not None else int(time.time())
    print(f"{len(seeds)} seed pages, seed {seed}", file=sys.stderr)
    result = fuzz(
        seeds,
        seconds=args.seconds,
        executions=args.executions,
        seed=seed,
        timeout=args.timeout,
        crashes=args.crashes,
    )
    rate = result.executions / result.seconds if result.seconds else 0.0
    print(
        f"executions: {result.executions} in {result.seconds:.0f} s ({rate:.0f}/s), "
        f"slowest {result.slowest:.2f} s; failed executions: {result.failed_executions}, "
        f"distinct failures: {len(result.failures)}"
    )
    for signature in result.failures:
        print(f"  {signature} (saved in {args.crashes})")
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main())
