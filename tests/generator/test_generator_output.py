"""Writing generated projects: atomic writes, unchanged files untouched, check mode."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from doc2openapi.generator import Code, GeneratedProject, GeneratorOptions, formatting, generate
from doc2openapi.generator.output import differing_files, write_project


def project(**files: str) -> GeneratedProject:
    return GeneratedProject(
        files={PurePosixPath(name.replace("__", "/")): text for name, text in files.items()},
        diagnostics=(),
    )


def test_write_creates_files_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    generated = project(pkg__a_py="a = 1\n", README_md="# hi\n")
    assert write_project(generated, tmp_path, check=False) == 2
    assert (tmp_path / "pkg" / "a_py").read_text() == "a = 1\n"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["README_md", "a_py", "pkg"]


def test_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    generated = project(a="1\n", b="2\n")
    write_project(generated, tmp_path, check=False)
    before = (tmp_path / "a").stat().st_mtime_ns
    assert write_project(project(a="1\n", b="3\n"), tmp_path, check=False) == 1
    assert (tmp_path / "a").stat().st_mtime_ns == before
    assert (tmp_path / "b").read_text() == "3\n"


def test_check_mode_reports_and_does_not_write(tmp_path: Path) -> None:
    write_project(project(a="1\n", b="2\n"), tmp_path, check=False)
    changed = project(a="1\n", b="changed\n", c="new\n")
    assert differing_files(changed, tmp_path) == [PurePosixPath("b"), PurePosixPath("c")]
    assert write_project(changed, tmp_path, check=True) == 2
    assert (tmp_path / "b").read_text() == "2\n"
    assert not (tmp_path / "c").exists()
    assert write_project(project(a="1\n", b="2\n"), tmp_path, check=True) == 0


def test_text_is_written_as_utf8_with_unix_newlines(tmp_path: Path) -> None:
    write_project(project(a="名前\n"), tmp_path, check=False)
    assert (tmp_path / "a").read_bytes() == "名前\n".encode()


def test_without_ruff_the_output_is_valid_python_and_reported(
    monkeypatch: pytest.MonkeyPatch, petstore_spec: dict[str, Any]
) -> None:
    monkeypatch.setattr(formatting, "ruff_command", lambda: None)
    project = generate(petstore_spec, GeneratorOptions())
    assert [d.code for d in project.diagnostics] == [Code.FORMATTER_UNAVAILABLE]
    for path, text in project.files.items():
        if path.suffix == ".py":
            compile(text, str(path), "exec")
