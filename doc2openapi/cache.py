"""Content-addressed cache of scraped pages.

A page's entry is keyed on its bytes, its path inside the folder (links are resolved
relative to it), the tool version and the cache format, so an entry is never stale: a
changed page, a new tool version or another option simply misses. The folder is safe to
delete at any time. Entries are pickles of the scraper's own frozen dataclasses; the cache
folder must be writable by its user only (the default is inside the user's cache home).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Generic, TypeVar

from doc2openapi import __version__, launcher

CACHE_FORMAT = "4"


def default_cache_dir() -> Path:
    """``$DOC2OPENAPI_CACHE_DIR``, else ``$XDG_CACHE_HOME/doc2openapi``, else
    ``~/.cache/doc2openapi``."""
    return Path(launcher.default_cache_dir())


def page_key(relative_path: str, raw: bytes) -> str:
    digest = hashlib.sha256()
    for part in (CACHE_FORMAT, __version__, relative_path):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    digest.update(raw)
    return digest.hexdigest()


V = TypeVar("V")


class Kept(Generic[V]):
    """Cache entries this process has read or written, by folder and key: a key is a
    digest of everything its entry is made of, so an entry never changes, and a process that
    builds again (the build server) needs no file for what it has seen. Bounded: emptied
    when full."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.entries: dict[tuple[Path, str], V] = {}

    def get(self, folder: Path, key: str) -> V | None:
        return self.entries.get((folder, key))

    def put(self, folder: Path, key: str, value: V) -> None:
        if len(self.entries) >= self.limit:
            self.entries.clear()
        self.entries[folder, key] = value


_loaded: Kept[tuple[object, str]] | None = None
"""Pages this process has loaded or stored, once :func:`keep_loaded` asked for it."""


def keep_loaded() -> None:
    """From now on, this process keeps the pages it loads from or stores in a cache, for
    the next build it makes (the build server). A page is frozen all through (tuples and
    frozen dataclasses), so a kept page is the very page the file holds."""
    global _loaded  # noqa: PLW0603 - one store per process, asked for by the build server
    if _loaded is None:
        _loaded = Kept(100_000)


class PageCache:
    """Scraped pages on disk. Every failure to read or write an entry is a miss, never an
    error: the cache can only make a run faster."""

    def __init__(self, folder: Path) -> None:
        # absolute: the pages this process keeps are told apart by folder
        self.folder = folder.absolute() / f"pages-v{CACHE_FORMAT}"

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> tuple[object, str] | None:
        """The entry and the digest of its bytes (see :func:`result_digest`), or None."""
        kept = _loaded.get(self.folder, key) if _loaded is not None else None
        if kept is not None:
            return kept
        try:
            data = self._path(key).read_bytes()
            value: object = pickle.loads(data)
        except (
            OSError,
            pickle.UnpicklingError,
            EOFError,
            AttributeError,
            ImportError,
            ValueError,
            TypeError,
        ):
            return None
        entry = (value, _digest(data))
        if _loaded is not None:
            _loaded.put(self.folder, key, entry)
        return entry

    def put(self, key: str, value: object) -> str:
        """Store ``value``; the digest of its bytes (as :func:`result_digest` gives it)."""
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, RecursionError, TypeError):
            return _repr_digest(value)
        digest = _digest(data)
        if store_bytes(self._path(key), data) and _loaded is not None:
            _loaded.put(self.folder, key, (value, digest))
        return digest


def result_digest(value: object) -> str:
    """A digest of a scraped result's content: of its pickle, the very bytes the cache keeps,
    so a result read from the cache has its digest without being pickled again."""
    try:
        return _digest(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except (pickle.PicklingError, RecursionError, TypeError):
        return _repr_digest(value)


def _repr_digest(value: object) -> str:
    return _digest(repr(value).encode("utf-8", "surrogatepass"))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def store_bytes(path: Path, data: bytes) -> bool:
    """Write a cache entry atomically (a reader sees the old entry or the new one, never
    half of one); failing to is not an error: the entry is simply missing next time.
    Whether it was written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        return False
    return True
