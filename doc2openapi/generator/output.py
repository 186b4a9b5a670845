"""Writing a generated project to disk, or checking that the disk matches it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path, PurePosixPath

from . import GeneratedProject


def differing_files(project: GeneratedProject, out_dir: Path) -> list[PurePosixPath]:
    """The generated files that are missing under ``out_dir`` or differ from it (sorted)."""
    differing = []
    for path, text in project.files.items():
        target = out_dir / path
        try:
            same = target.read_bytes() == text.encode("utf-8")
        except FileNotFoundError:
            same = False
        if not same:
            differing.append(path)
    return sorted(differing)


def _write_atomically(target: Path, text: str) -> None:
    """Write through a temporary file in the same directory and rename it over the target."""
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(text.encode("utf-8"))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_project(project: GeneratedProject, out_dir: Path, check: bool) -> int:
    """Write the files that differ (or, with ``check``, only find them); return their count.

    Unchanged files are not rewritten, so their modification times stay. In check mode a
    non-zero result means the directory is out of date: ``differing_files`` lists the files.
    """
    differing = differing_files(project, out_dir)
    if not check:
        for path in differing:
            _write_atomically(out_dir / path, project.files[path])
    return len(differing)
