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

from doc2openapi import __version__, launcher

CACHE_FORMAT = "3"


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


_LOADED_LIMIT = 100_000
_loaded: dict[tuple[Path, str], tuple[object, str]] | None = None
"""Entries this process has loaded or stored, once :func:`keep_loaded` asked for it."""


def keep_loaded() -> None:
    """From now on, this process keeps the pages it loads from or stores in a cache, for
    the next build it makes (the build server). An entry's key is a digest of everything
    the page is made of, and a page is frozen all through (tuples and frozen dataclasses),
    so a kept page is the very page the file holds. Bounded: emptied when full."""
    global _loaded  # noqa: PLW0603 - one store per process, asked for by the build server
    if _loaded is None:
        _loaded = {}


def _keep(folder: Path, key: str, entry: tuple[object, str]) -> None:
    if _loaded is None:
        return
    if len(_loaded) >= _LOADED_LIMIT:
        _loaded.clear()
    _loaded[folder, key] = entry


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
        kept = _loaded.get((self.folder, key)) if _loaded is not None else None
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
        _keep(self.folder, key, entry)
        return entry

    def put(self, key: str, value: object) -> str:
        """Store ``value``; the digest of its bytes (as :func:`result_digest` gives it)."""
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, RecursionError, TypeError):
            return result_digest(value)
        digest = _digest(data)
        if store_bytes(self._path(key), data):
            _keep(self.folder, key, (value, digest))
        return digest


def result_digest(value: object) -> str:
    """A digest of a scraped result's content: of its pickle, the very bytes the cache keeps,
    so a result read from the cache has its digest without being pickled again."""
    try:
        return _digest(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except (pickle.PicklingError, RecursionError, TypeError):
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
