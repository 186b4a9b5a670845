"""Writing a generated project to disk, or checking that the disk matches it."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from doc2openapi.files import write_text

from . import GeneratedProject


def differing_files(project: GeneratedProject, out_dir: Path) -> list[PurePosixPath]:
    """The generated files that are missing under ``out_dir`` or differ from it (sorted)."""
    differing = []
    for path, text in project.files.items():
        target = out_dir / path
        try:
            same = target.read_bytes() == text.encode("utf-8")
        except OSError:  # missing, a folder, unreadable: not the generated file
            same = False
        if not same:
            differing.append(path)
    return sorted(differing)


def write_project(project: GeneratedProject, out_dir: Path, check: bool) -> int:
    """Write the files that differ (or, with ``check``, only find them); return their count.

    Unchanged files are not rewritten, so their modification times stay. In check mode a
    non-zero result means the directory is out of date: ``differing_files`` lists the files.
    """
    differing = differing_files(project, out_dir)
    if not check:
        for path in differing:
            write_text(out_dir / path, project.files[path])
    return len(differing)
