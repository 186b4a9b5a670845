"""The formatter writes nothing into the current folder and fails as a diagnostic; ``generate
--check`` names missing, differing and extra files."""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePosixPath

import pytest

from doc2openapi.generator import Code, Diagnostic, formatting
from doc2openapi.generator.formatting import format_python
from tests.helpers.command import run_cli
from tests.helpers.inputs import EXAMPLES


def test_ruff_writes_no_cache_into_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    found: list[Diagnostic] = []
    formatted = format_python({PurePosixPath("a.py"): "x=1\n"}, found.append)
    assert formatted[PurePosixPath("a.py")] == "x = 1\n"
    assert found == []
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "command", [["/nonexistent/ruff"], [sys.executable, "-c", "panic"]], ids=["missing", "fails"]
)
def test_a_formatter_failure_is_a_diagnostic(
    monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setattr(formatting, "ruff_command", lambda: command)
    found: list[Diagnostic] = []
    files = {PurePosixPath("a.py"): "x=1\n"}
    assert format_python(files, found.append) == files
    assert [d.code for d in found] == [Code.FORMATTER_FAILED]


def test_check_names_missing_differing_and_extra_files(tmp_path: Path) -> None:
    built = run_cli("build", EXAMPLES / "export", "-o", tmp_path / "built")
    assert built.returncode == 0, built.stderr
    spec, project = tmp_path / "built" / "openapi.yaml", tmp_path / "proj"
    assert run_cli("generate", spec, "-o", project).returncode == 0
    assert run_cli("generate", spec, "-o", project, "--check").returncode == 0
    package = next(p for p in project.iterdir() if (p / "__init__.py").exists())
    (package / "stray.py").write_text("")
    (package / "models.py").unlink()
    (package / "client.py").write_text("# edited\n")
    (package / "__pycache__").mkdir(exist_ok=True)
    (package / "__pycache__" / "x.pyc").write_bytes(b"")
    result = run_cli("generate", spec, "-o", project, "--check")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if ": " in line and "/" in line]
    name = package.name
    assert f"extra: {name}/stray.py" in lines
    assert f"missing: {name}/models.py" in lines
    assert f"differs: {name}/client.py" in lines
    assert not any("__pycache__" in line for line in lines)
    assert os.path.exists(package / "stray.py")
