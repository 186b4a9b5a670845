"""Formatting of the generated Python files with ruff (``ruff format``)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from doc2openapi.diagnostics import Code, Level, Report, in_document

# The same settings as the [tool.ruff] table of the generated pyproject.toml.
RUFF_SETTINGS = ("--line-length", "100", "--target-version", "py311")


def ruff_command() -> list[str] | None:
    """How to run ruff: the binary of the ``ruff`` package of this interpreter (run
    directly: ``python -m ruff`` would start a second interpreter first), else a ``ruff``
    on the PATH."""
    if importlib.util.find_spec("ruff") is not None:
        try:
            from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]  # noqa: PLC0415

            return [os.fsdecode(find_ruff_bin())]
        except (ImportError, FileNotFoundError):
            return [sys.executable, "-m", "ruff"]
    found = shutil.which("ruff")
    return [found] if found else None


def format_python(files: Mapping[PurePosixPath, str], report: Report) -> dict[PurePosixPath, str]:
    """The files with every ``.py`` file formatted; unchanged (and reported) without ruff.

    The files are written under numbered names to one temporary directory, so that one ruff
    process formats them all and no package name can match ruff's default excludes.
    """
    command = ruff_command()
    if command is None:
        detail = "ruff is not installed: the Python files are left unformatted"
        report(in_document(Level.WARNING, Code.FORMATTER_UNAVAILABLE, "", detail))
        return dict(files)
    python_files = sorted(p for p in files if p.suffix == ".py")
    formatted = _run_ruff(command, files, python_files, report) if python_files else {}
    if formatted is None:
        return dict(files)
    return {path: formatted.get(path, text) for path, text in files.items()}


def _run_ruff(
    command: list[str],
    files: Mapping[PurePosixPath, str],
    python_files: list[PurePosixPath],
    report: Report,
) -> dict[PurePosixPath, str] | None:
    """``python_files`` formatted by one ruff process; None when ruff failed (reported)."""
    with tempfile.TemporaryDirectory(prefix="doc2openapi-format-") as directory:
        scratch = {
            path: Path(directory) / f"f{index}.py" for index, path in enumerate(python_files)
        }
        for path, target in scratch.items():
            target.write_text(files[path], encoding="utf-8")
        # Not --quiet: it silences the errors too (which file does not parse, and where).
        # No cache (ruff would write .ruff_cache/ into the current folder), and no Rust
        # backtrace in what it prints.
        environment = {k: v for k, v in os.environ.items() if k != "RUST_BACKTRACE"}
        try:
            result = subprocess.run(
                [*command, "format", "--isolated", "--no-cache", *RUFF_SETTINGS, directory],
                capture_output=True,
                text=True,
                check=False,
                env=environment,
            )
        except (OSError, subprocess.SubprocessError) as error:
            detail = f"ruff could not be run: {error}"
            report(in_document(Level.ERROR, Code.FORMATTER_FAILED, "", detail))
            return None
        if result.returncode != 0:
            output = result.stderr.strip() or result.stdout.strip()
            for path, target in scratch.items():
                output = output.replace(str(target), str(path))
            output = "\n".join(output.splitlines()[:20])
            report(
                in_document(Level.ERROR, Code.FORMATTER_FAILED, "", f"ruff format failed: {output}")
            )
            return None
        return {path: target.read_text(encoding="utf-8") for path, target in scratch.items()}
