"""Long runs of the hostile-document property test: many more documents than CI checks.

    python benchmarks/hostile_specs.py [--examples 500] [--seconds N] [--batch 100]
                                       [--seed S] [--failures DIR] [--keep DIR]

Hypothesis generates up to ``--examples`` documents with the strategies of
``tests/helpers/hostile_specs.py`` (in runs of 100, stopping after ``--seconds``). Each one is
generated and checked without running it (paths, package name, compilation, one binding per
name and scope, pyproject.toml, README); per batch of ``--batch`` packages, the clients are
imported, created and called in one request to a fresh interpreter
(``tests/helpers/hostile_client_check.py``), and checked by one ``mypy --strict`` run and one
``ruff check`` run. Failures do not stop the run: each is counted, printed with its document,
and saved to ``--failures`` as ``<n>.json`` (the document) and ``<n>.txt`` (the errors).
Prints the counts (examples, files, packages, batches, failures) and the time
spent in each stage; exits 1 when anything failed.

A failing document from here belongs in ``tests/generator/test_property_hostile_specs.py``, where
Hypothesis shrinks what the cheap checks catch.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from tests.helpers.hostile_specs import (  # noqa: E402
    ClientRunner,
    Collected,
    HostileCheckError,
    collect,
    describe,
    documents,
    run_mypy,
    run_ruff,
)

T = TypeVar("T")


@dataclass
class Run:
    """Counts, timings and failures of one run."""

    root: Path
    batch_size: int
    deadline: float
    failures_dir: Path | None
    runner: ClientRunner
    counts: Counter[str] = field(default_factory=Counter)
    seconds: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    failures: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    pending: list[Collected] = field(default_factory=list)
    taken: set[str] = field(default_factory=set)

    def timed(self, stage: str, action: Callable[[], T]) -> T:
        start = time.perf_counter()
        try:
            return action()
        finally:
            self.seconds[stage] += time.perf_counter() - start

    def fail(self, check: str, detail: str, document: dict[str, Any]) -> None:
        self.counts[f"failures: {check}"] += 1
        self.failures.append((check, detail, document))
        print(f"FAILED {check}: {detail[:2000]}\ndocument:\n{describe(document)}\n", flush=True)
        if self.failures_dir is not None:
            self.failures_dir.mkdir(parents=True, exist_ok=True)
            number = len(self.failures)
            (self.failures_dir / f"{number}.json").write_text(describe(document) + "\n")
            (self.failures_dir / f"{number}.txt").write_text(f"{check}\n{detail}\n")

    def check(self, document: dict[str, Any]) -> None:
        """The cheap checks of one document; the package joins the pending batch."""
        if time.monotonic() >= self.deadline:
            return  # out of time: the rest of this Hypothesis run passes by
        directory = self.root / f"batch{self.counts['batches']}" / f"ex{self.counts['examples']}"
        self.counts["examples"] += 1
        try:
            collected = self.timed(
                "generate and compile", lambda: collect(document, directory, self.taken, None)
            )
        except Exception as error:  # the generator raising is a failure like the others
            self.fail("generate and compile", f"{type(error).__name__}: {error}", document)
            return
        self.counts["files"] += sum(1 for path in directory.rglob("*") if path.is_file())
        self.counts["packages"] += 1
        self.pending.append(collected)
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """The clients run, mypy and ruff over the pending packages: one process each."""
        if not self.pending:
            return
        batch, self.pending, self.taken = self.pending, [], set()
        root = batch[0].directory.parent
        self.counts["batches"] += 1
        self.timed("import", lambda: self._import(batch))
        for tool, failures in (
            ("mypy --strict", self.timed("mypy", lambda: run_mypy(batch, root, root / ".mypy"))),
            ("ruff check", self.timed("ruff", lambda: run_ruff(batch, root))),
        ):
            for index, lines in sorted(failures.items()):
                document = batch[index].document if index >= 0 else {}
                self.fail(tool, "\n".join(lines[:30]), document)

    def _import(self, batch: Sequence[Collected]) -> None:
        try:
            self.runner.check([(example.directory, example.package) for example in batch])
            return
        except HostileCheckError:
            pass
        for example in batch:  # find the culprits one by one
            try:
                self.runner.check([(example.directory, example.package)])
            except HostileCheckError as error:
                self.fail("import and calls", str(error), example.document)


CHUNK = 100
"""Examples per Hypothesis run: the deadline is checked between runs."""


def explore(run: Run, seed_value: int, count: int) -> None:
    """One Hypothesis run of ``count`` documents with the given seed."""

    @seed(seed_value)
    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(documents())
    def check(document: dict[str, Any]) -> None:
        run.check(document)

    check()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=500, help="documents to generate")
    parser.add_argument("--seconds", type=float, default=None, help="stop generating after")
    parser.add_argument("--batch", type=int, default=100, help="packages per mypy run")
    parser.add_argument("--seed", type=int, default=0, help="Hypothesis seed")
    parser.add_argument("--failures", type=Path, default=None, help="save failures here")
    parser.add_argument("--keep", type=Path, default=None, help="write the packages here")
    arguments = parser.parse_args(argv)

    with (
        tempfile.TemporaryDirectory(prefix="hostile-specs-") as scratch,
        ClientRunner() as runner,
    ):
        root = arguments.keep or Path(scratch)
        root.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + (arguments.seconds or float("inf"))
        run = Run(root, arguments.batch, deadline, arguments.failures, runner)
        start = time.perf_counter()
        chunk = 0
        while run.counts["examples"] < arguments.examples and time.monotonic() < deadline:
            count = min(CHUNK, arguments.examples - run.counts["examples"])
            explore(run, arguments.seed * 1_000_003 + chunk, count)
            chunk += 1
        run.flush()
        elapsed = time.perf_counter() - start

    print(f"examples: {run.counts['examples']}")
    print(f"files: {run.counts['files']}")
    print(f"packages: {run.counts['packages']}")
    print(
        f"batches (clients run in one request, mypy --strict and ruff once each): "
        f"{run.counts['batches']}"
    )
    print(f"failures: {len(run.failures)}")
    for name, count in sorted(run.counts.items()):
        if name.startswith("failures: "):
            print(f"  {name.removeprefix('failures: ')}: {count}")
    stages = ", ".join(f"{stage} {seconds:.1f}s" for stage, seconds in run.seconds.items())
    print(f"time: {elapsed:.1f}s ({stages})")
    return 1 if run.failures else 0


if __name__ == "__main__":
    sys.exit(main())
