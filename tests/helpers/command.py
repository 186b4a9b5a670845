"""The ``doc2openapi`` command in its own process, and the trees of files it writes."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Collection
from pathlib import Path

COMMAND = [sys.executable, "-m", "doc2openapi.cli"]
"""The command in its own process."""


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
