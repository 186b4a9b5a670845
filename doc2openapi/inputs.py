"""Input folders read from disk: the page files, their bytes, and a fingerprint of all of
it. Light on purpose: a rebuild with nothing changed needs only this module."""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from doc2openapi import __version__
from doc2openapi.cache import page_key

PAGE_SUFFIXES = (".html", ".htm")
MAX_PAGES = 100_000
MAX_PAGE_BYTES = 32 * 1024 * 1024
"""Pages larger than this are not read (D004)."""
TOC_FILE = "CLASS.TXT.json"


class InputError(Exception):
    """An input folder that cannot be used at all (missing, not a folder, unreadable)."""


def page_files(folder: Path) -> list[Path]:
    if not folder.exists():
        raise InputError(f"input folder not found: {folder}")
    if not folder.is_dir():
        raise InputError(f"input is not a folder: {folder}")
    try:
        files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES)
    except OSError as error:
        raise InputError(f"input folder cannot be read: {folder}: {error.strerror}") from error
    return files[:MAX_PAGES]


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
    folder: Path
    pages: tuple[InputPage, ...]
    toc_digest: str


class ReadMemo:
    """Pages read before by this process, for a process that builds again (the build
    server): a file whose size, times and inode are those of the earlier read is not read
    again, as git and make trust a file's stat. Only files whose times were more than
    :data:`SETTLED` seconds older than the read are trusted, so that no edit made within a
    file system's time resolution of the read can go unseen; the change time (``ctime``)
    is in the comparison, and no program can set it. Bounded: emptied when full."""

    SETTLED = 2.0
    LIMIT = 256 * 1024 * 1024

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], tuple[tuple[int, ...], bytes, str]] = {}
        self.size = 0

    def get(self, path: Path, key: str, info: os.stat_result) -> tuple[bytes, str] | None:
        """The bytes and digest of the file at ``path`` read as ``key`` (its path in the
        folder given: the digest depends on it), when the file is as it was then."""
        entry = self.entries.get((os.path.abspath(path), key))
        if entry is None or entry[0] != _signature(info):
            return None
        return entry[1], entry[2]

    def put(self, path: Path, key: str, info: os.stat_result, raw: bytes, digest: str) -> None:
        settled = time.time_ns() - int(self.SETTLED * 1e9)
        if info.st_mtime_ns >= settled or info.st_ctime_ns >= settled:
            return
        if self.size + len(raw) > self.LIMIT:
            self.entries.clear()
            self.size = 0
        place = (os.path.abspath(path), key)
        replaced = self.entries.get(place)
        if replaced is not None:
            self.size -= len(replaced[1])
        self.entries[place] = (_signature(info), raw, digest)
        self.size += len(raw)


def _signature(info: os.stat_result) -> tuple[int, ...]:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def _input_page(folder: Path, path: Path, memo: ReadMemo | None = None) -> InputPage:
    key = path.relative_to(folder).as_posix()
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return InputPage(key, None, "not a regular file")
        known = memo.get(path, key, info) if memo is not None else None
        if known is not None:
            return InputPage(key, known[0], digest=known[1])
        with path.open("rb") as stream:
            raw = stream.read(MAX_PAGE_BYTES + 1)
    except OSError as error:
        return InputPage(key, None, error.strerror or str(error))
    digest = page_key(key, raw)
    if memo is not None:
        memo.put(path, key, info, raw, digest)
    return InputPage(key, raw, digest=digest)


_kept: ReadMemo | None = None


def keep_reads() -> None:
    """From now on, this process remembers the pages it reads (see :class:`ReadMemo`)."""
    global _kept  # noqa: PLW0603 - one memo per process, asked for by the build server
    _kept = _kept or ReadMemo()


def collect_inputs(folders: Sequence[Path]) -> list[InputFolder]:
    """Read every page file of every folder once (raises :class:`InputError`); after
    :func:`keep_reads`, not the files this process has read before and that are unchanged."""
    memo = _kept
    inputs = []
    for folder in folders:
        pages = tuple(_input_page(folder, path, memo) for path in page_files(folder))
        toc = folder / TOC_FILE
        try:
            toc_digest = hashlib.sha256(toc.read_bytes()).hexdigest() if toc.is_file() else ""
        except OSError:
            toc_digest = "unreadable"
        inputs.append(InputFolder(folder, pages, toc_digest))
    return inputs


def fingerprint(inputs: Sequence[InputFolder], *settings: str) -> str:
    """A key that changes whenever any input byte, the tool version or a setting does."""
    digest = hashlib.sha256()
    for part in (__version__, *settings):
        digest.update(part.encode("utf-8") + b"\0")
    for item in inputs:
        digest.update(f"{item.folder.resolve()}\0{item.toc_digest}\0".encode())
        for page in item.pages:
            digest.update(f"{page.key}\0{page.digest or page.problem}\0".encode())
    return digest.hexdigest()
