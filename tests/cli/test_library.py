"""The library API: build, scrape, validate and generate return values (documents, files
written, diagnostics, messages, a status) and never print or exit; the outputs do not depend
on the cache or on the number of workers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import doc2openapi
from doc2openapi import Config, Status
from doc2openapi.manifest import MANIFEST_NAME
from tests.helpers.command import tree
from tests.helpers.inputs import EXAMPLES, corpus_dir


def test_build_returns_the_document_files_and_diagnostics(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    result = doc2openapi.build([EXAMPLES / "export"], out, Config(cache=False))
    assert result.status is Status.OK, result.messages
    assert sum(len(item) for item in result.document["paths"].values()) == 8
    assert out / "openapi.yaml" in result.files and out / "report.json" in result.files
    assert all(path.is_file() for path in result.files)
    assert any(path.name == "client.py" for path in result.files)
    assert [d.code.value for d in result.diagnostics] == ["D503", "D109", "D402"]
    assert result.messages[0].startswith("pages read: 11, API pages: 8, operations: 8")
    assert capsys.readouterr() == ("", "")  # the library prints nothing
    again = doc2openapi.build([EXAMPLES / "export"], out, Config(cache=False))
    assert again.status is Status.OK and again.files == []
    assert again.messages[-1].startswith("doc2openapi: nothing changed since the last build")


def test_scrape_writes_what_it_is_asked_to(tmp_path: Path) -> None:
    spec, report = tmp_path / "spec.yaml", tmp_path / "report.json"
    result = doc2openapi.scrape([EXAMPLES / "export"], Config(cache=False), spec, report)
    assert result.status is Status.OK
    assert result.files == [spec, report]
    assert yaml.safe_load(spec.read_text()) == result.document
    assert result.report["summary"]["operations"] == 8
    nothing = doc2openapi.scrape([EXAMPLES / "export"], Config(cache=False))
    assert nothing.files == [] and nothing.document == result.document


def test_errors_are_values(tmp_path: Path) -> None:
    missing = doc2openapi.build([tmp_path / "nowhere"], tmp_path / "out")
    assert missing.status is Status.USAGE
    assert missing.messages == [f"doc2openapi: input folder not found: {tmp_path / 'nowhere'}"]
    (tmp_path / "file").write_text("x")
    blocked = doc2openapi.build([EXAMPLES / "export"], tmp_path / "file")
    assert blocked.status is Status.OUTPUT
    broken = doc2openapi.validate({"openapi": "3.0.3", "info": {}, "paths": {}})
    assert broken.status is Status.FAILED
    assert broken.problems and broken.problems[0].pointer == "/info"
    assert doc2openapi.validate(tmp_path / "none.yaml").status is Status.USAGE


def test_generate_writes_and_checks_a_client(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    assert doc2openapi.scrape([EXAMPLES / "export"], Config(cache=False), spec).files
    out = tmp_path / "client"
    made = doc2openapi.generate(spec, out, Config(cache=False, package="wss"))
    assert made.status is Status.OK and made.project is not None
    assert sorted(made.files) == sorted(out / path for path in made.project.files)
    checked = doc2openapi.generate(spec, out, Config(cache=False, package="wss"), check=True)
    assert checked.status is Status.OK and checked.differing == []
    (out / "wss" / "client.py").write_text("# edited\n")
    stale = doc2openapi.generate(spec, out, Config(cache=False, package="wss"), check=True)
    assert stale.status is Status.FAILED
    assert [(str(path), state) for path, state in stale.differing] == [("wss/client.py", "differs")]


@pytest.mark.parametrize("folder", ["portal/dcs/api-ref", "doc-exports/elb/api-ref"])
def test_cache_and_workers_do_not_change_the_outputs(tmp_path: Path, folder: str) -> None:
    """A build from a warm cache, one without a cache, and one worker against one per core:
    byte for byte the same spec, report and client."""
    source, cache = corpus_dir(folder), str(tmp_path / "cache")
    runs = {
        "cold cache": Config(cache_dir=cache),
        "warm cache": Config(cache_dir=cache),
        "no cache, one worker": Config(cache=False, jobs=1),
        "no cache, two workers": Config(cache=False, jobs=2),
    }
    trees = {}
    for name, options in runs.items():
        out = tmp_path / name.replace(" ", "-").replace(",", "")
        result = doc2openapi.build([source], out, options)
        assert result.status is Status.OK, result.messages
        trees[name] = tree(out, leave_out={MANIFEST_NAME})
    first = trees["cold cache"]
    assert first["openapi.yaml"] and first["report.json"] and len(first) > 5
    for name, files in trees.items():
        assert files == first, name
