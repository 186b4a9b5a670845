"""Work started ahead in a forked child: its result is the work's, a failure is no error,
and a build gives the same outputs with or without it."""

from __future__ import annotations

import os
import pickle
import pickletools
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from doc2openapi import ahead
from doc2openapi.ahead import Ahead
from doc2openapi.cli import cli
from doc2openapi.diagnostics import Code, Diagnostic, Level, in_document
from doc2openapi.inputs import collect_inputs
from doc2openapi.manifest import MANIFEST_NAME
from doc2openapi.pipeline import ReadOptions, read_services
from tests.helpers.command import tree
from tests.helpers.inputs import EXAMPLES

needs_fork = pytest.mark.skipif(
    sys.platform != "linux" or len(os.sched_getaffinity(0)) < 2,
    reason="work is started ahead only on Linux with more than one processor",
)


@needs_fork
def test_the_result_comes_from_the_child() -> None:
    parent = os.getpid()
    started = Ahead.start(lambda: (os.getpid(), {"files": ["a" * 100_000]}))
    assert started is not None
    pid, value = started.result()  # type: ignore[misc]
    assert pid != parent
    assert value == {"files": ["a" * 100_000]}  # more than a pipe holds at once
    assert started.result() is None  # given once


@needs_fork
def test_a_failing_child_is_no_error() -> None:
    def fails() -> int:
        raise ValueError("no")

    started = Ahead.start(fails)
    assert started is not None
    assert started.result() is None

    started = Ahead.start(lambda: lambda: 1)  # a result that cannot be pickled
    assert started is not None
    assert started.result() is None


@needs_fork
def test_cancel_stops_the_child() -> None:
    import time  # noqa: PLC0415

    started = Ahead.start(lambda: time.sleep(60))
    assert started is not None
    began = time.monotonic()
    started.cancel()
    assert time.monotonic() - began < 10
    assert started.result() is None


def test_nothing_is_started_where_forking_brings_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ahead.sys, "platform", "darwin")
    assert Ahead.start(lambda: 1) is None


@needs_fork
def test_nothing_is_started_beside_other_threads() -> None:
    import threading  # noqa: PLC0415

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert Ahead.start(lambda: 1) is None
    finally:
        release.set()
        other.join()
    started = Ahead.start(lambda: 1)
    assert started is not None
    assert started.result() == 1


@needs_fork
def test_a_build_is_the_same_with_the_document_validated_ahead_or_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = EXAMPLES / "export"
    made_ahead: list[object] = []
    real_start = Ahead.start

    def counted(work):  # type: ignore[no-untyped-def]
        started = real_start(work)
        made_ahead.append(started)
        return started

    monkeypatch.setattr(Ahead, "start", staticmethod(counted))
    runner = CliRunner()
    ahead_run = runner.invoke(cli, ["build", str(docs), "-o", str(tmp_path / "a"), "--no-cache"])
    assert ahead_run.exit_code == 0, ahead_run.output
    assert made_ahead and made_ahead[0] is not None
    monkeypatch.setattr(Ahead, "start", staticmethod(lambda work: None))
    here = runner.invoke(cli, ["build", str(docs), "-o", str(tmp_path / "b"), "--no-cache"])
    assert here.exit_code == 0, here.output
    assert ahead_run.output.replace(str(tmp_path / "a"), "OUT") == here.output.replace(
        str(tmp_path / "b"), "OUT"
    )
    files = tree(tmp_path / "a", leave_out={MANIFEST_NAME})
    assert files == tree(tmp_path / "b", leave_out={MANIFEST_NAME})
    assert "openapi.yaml" in files


def test_pages_pickle_as_calls_of_their_classes() -> None:
    services = read_services(collect_inputs([EXAMPLES / "export"]), ReadOptions(jobs=1))
    pages = [page for service in services for page in service.pages]
    assert pages
    again = pickle.loads(pickle.dumps(pages, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == pages
    diagnostic = Diagnostic(Level.WARNING, Code.UNKNOWN_TYPE, "p.html", "odd", "table 1")
    assert pickle.loads(pickle.dumps(diagnostic)) == diagnostic
    opcodes = {op.name for op, _, _ in pickletools.genops(pickle.dumps(diagnostic, protocol=5))}
    assert "REDUCE" in opcodes
    assert "BUILD" not in opcodes  # no state set field by field after the object is made


@needs_fork
def test_an_invalid_document_fails_with_its_problems_even_if_the_generator_breaks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The client is made while the document is validated: a generator that breaks on an
    invalid document must not hide the validator's verdict."""

    def invalid(*_: object) -> list[Diagnostic]:
        return [
            in_document(Level.ERROR, Code.SCHEMA_VIOLATION, "/paths", "made invalid by the test")
        ]

    def breaks(*_: object) -> None:
        raise RuntimeError("the generator broke")

    monkeypatch.setattr("doc2openapi.spec.validate.validate_document", invalid)
    monkeypatch.setattr("doc2openapi.cli._generate", breaks)
    out = tmp_path / "out"
    arguments = ["build", str(EXAMPLES / "export"), "-o", str(out)]
    result = CliRunner().invoke(cli, [*arguments, "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code == 1, result.output
    assert (
        "invalid: error: V002 SCHEMA_VIOLATION: /paths: made invalid by the test" in result.output
    )
    assert "internal error" not in result.output
    assert (out / "report.json").is_file()
    assert not (out / "client").exists()
