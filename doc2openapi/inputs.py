"""Input folders read from disk: the page files, their bytes, and a fingerprint of all of
it."""

from __future__ import annotations

import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from doc2openapi.cache import content_key
from doc2openapi.diagnostics import Code, Diagnostic, Level

PAGE_SUFFIXES = (".html", ".htm")
MAX_PAGES = 100_000
MAX_PAGE_BYTES = 32 * 1024 * 1024
"""Pages larger than this are not read (D004)."""
TOC_FILE = "CLASS.TXT.json"


class InputError(Exception):
    """An input folder that cannot be used at all (missing, not a folder, unreadable)."""


def page_files(folder: Path) -> list[Path]:
    """Every page file under ``folder``, sorted (all of them: :func:`collect_inputs` says
    when it reads only the first :data:`MAX_PAGES`)."""
    if not folder.exists():
        raise InputError(f"input folder not found: {folder}")
    if not folder.is_dir():
        raise InputError(f"input is not a folder: {folder}")
    try:
        files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES)
    except OSError as error:
        raise InputError(f"input folder cannot be read: {folder}: {error.strerror}") from error
    return files


@dataclass(frozen=True, slots=True)
class InputPage:
    """One page file as read from disk: its key (path in its folder), bytes and cache key."""

    key: str
    raw: bytes | None
    problem: str = ""
    """Why the file could not be read (``raw`` is None)."""
    digest: str = ""


@dataclass(frozen=True, slots=True)
class InputFolder:
    """The pages of one folder, or of one web site (``url``; ``folder`` is then unused)."""

    folder: Path
    pages: tuple[InputPage, ...]
    toc_digest: str
    diagnostics: tuple[Diagnostic, ...] = ()
    """What reading the folder or site left out (pages beyond a cap, pages not fetched)."""
    url: str = ""
    """For a site: the URL of its start folder, ending in ``/``; a page's URL is this
    followed by its key."""
    name: str = ""
    """The service's name where the folder's does not say it (pages Sphinx rendered)."""

    @property
    def location(self) -> str:
        """Where the pages were read: the site's URL or the folder."""
        return self.url or str(self.folder)


def _input_page(folder: Path, path: Path, inside: Path | None = None) -> InputPage:
    """The page file at ``path``; a symlink that leads out of the folder ``inside`` (the
    input folder, resolved) is not followed."""
    key = path.relative_to(folder).as_posix()
    try:
        if inside is not None and path.is_symlink() and not path.resolve().is_relative_to(inside):
            return InputPage(
                key, None, "a symlink to a file outside the input folder: not followed"
            )
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return InputPage(key, None, "not a regular file")
        raw = _read(path, info.st_size)
    except OSError as error:
        return InputPage(key, None, error.strerror or str(error))
    # links are resolved relative to the page's path: it is part of the content
    return InputPage(key, raw, digest=content_key("page", key, raw))


def _read(path: Path, size: int) -> bytes:
    """The bytes of a page, at most :data:`MAX_PAGE_BYTES` + 1 (more says it is too large).
    The buffer asked for is the file's size: asking ``read`` for the limit would allocate
    the limit for every page (a memory mapping each, until the process has no more)."""
    with path.open("rb") as stream:
        raw = stream.read(min(size, MAX_PAGE_BYTES) + 1)
        if MAX_PAGE_BYTES >= len(raw) > size:  # grew since its size was read
            raw += stream.read(MAX_PAGE_BYTES + 1 - len(raw))
    return raw


def collect_inputs(folders: Sequence[Path]) -> list[InputFolder]:
    """Read every page file of every folder once (raises :class:`InputError`)."""
    inputs = []
    for folder in folders:
        files = page_files(folder)
        inside = folder.resolve()
        pages = tuple(_input_page(folder, path, inside) for path in files[:MAX_PAGES])
        toc = folder / TOC_FILE
        try:
            toc_digest = content_key("toc", toc.read_bytes()) if toc.is_file() else ""
        except OSError:
            toc_digest = "unreadable"
        inputs.append(InputFolder(folder, pages, toc_digest, _dropped(folder, files)))
    return inputs


def _dropped(folder: Path, files: Sequence[Path]) -> tuple[Diagnostic, ...]:
    if len(files) <= MAX_PAGES:
        return ()
    detail = (
        f"{len(files)} pages, over the limit of {MAX_PAGES}: the last "
        f"{len(files) - MAX_PAGES} in name order are not read (from {files[MAX_PAGES].name})"
    )
    return (Diagnostic(Level.ERROR, Code.PAGES_DROPPED, str(folder), detail),)


def fingerprint(inputs: Sequence[InputFolder], settings: str) -> str:
    """A key that changes whenever any input byte, the tool or a setting does."""
    parts = [settings]
    for item in inputs:
        parts += [item.url or str(item.folder.resolve()), item.toc_digest]
        parts += [f"{page.key}\0{page.digest or page.problem}" for page in item.pages]
        parts += [problem.format() for problem in item.diagnostics]
    return content_key("inputs", *parts)
