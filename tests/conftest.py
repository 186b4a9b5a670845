"""Shared fixtures: where the real corpus and the built-in example are."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Collection
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"

# A build server the developer left running must not answer the tests' commands (the
# server's own tests start their own, in a folder of their own).
os.environ["DOC2OPENAPI_SERVER"] = "off"


def corpus_root() -> Path:
    override = os.environ.get("DOC2OPENAPI_CORPUS")
    return Path(override) if override else REPO.parent / "shared" / "corpus"


def corpus_dir(relative: str) -> Path:
    """A corpus folder, or a skip with the reason when this checkout has no corpus beside it."""
    folder = corpus_root() / relative
    if not folder.is_dir():
        pytest.skip(f"real corpus not available at {folder} (set DOC2OPENAPI_CORPUS)")
    return folder


COMMAND = [sys.executable, "-m", "doc2openapi.cli"]
"""The command in its own process (never handed to a build server)."""


def run_cli(
    *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``doc2openapi ARGS`` in a fresh process, with ``env`` added to this environment."""
    return subprocess.run(
        [*COMMAND, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, **(env or {})},
    )


def tree(folder: Path, leave_out: Collection[str] = ()) -> dict[str, bytes]:
    """Every file under ``folder`` by its path there, with its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.relative_to(folder).as_posix() not in leave_out
    }


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A copy of the built-in export example, for a test to edit."""
    target = tmp_path / "docs"
    shutil.copytree(EXAMPLES / "export", target)
    return target
