"""Writing a generated project to disk, or checking that the disk matches it."""

from __future__ import annotations

import os
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


def check_files(project: GeneratedProject, out_dir: Path) -> list[tuple[PurePosixPath, str]]:
    """Where ``out_dir`` is not the project, sorted: each path with ``missing``,
    ``differs``, or ``extra`` (a file in a folder of the project, such as its package, that
    the project does not have; ``__pycache__`` folders aside). Symlinks are not followed."""
    found = []
    for path, text in project.files.items():
        target = out_dir / path
        if target.is_symlink() or not target.exists():
            found.append((path, "missing" if not target.is_symlink() else "differs"))
            continue
        try:
            same = target.is_file() and target.read_bytes() == text.encode("utf-8")
        except OSError:
            same = False
        if not same:
            found.append((path, "differs"))
    folders = {path.parents[-2] for path in project.files if len(path.parts) > 1}
    for folder in sorted(folders):
        found.extend((extra, "extra") for extra in _extra_files(project, out_dir, folder))
    return sorted(found)


def _extra_files(
    project: GeneratedProject, out_dir: Path, folder: PurePosixPath
) -> list[PurePosixPath]:
    extra = []
    for directory, folders, names in os.walk(out_dir / folder):  # symlinks not followed
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in names:
            path = PurePosixPath((Path(directory) / name).relative_to(out_dir).as_posix())
            if path not in project.files:
                extra.append(path)
    return extra


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
