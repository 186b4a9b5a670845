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

from doc2openapi import __version__

CACHE_FORMAT = "3"
ENV_CACHE_DIR = "DOC2OPENAPI_CACHE_DIR"


def default_cache_dir() -> Path:
    """``$DOC2OPENAPI_CACHE_DIR``, else ``$XDG_CACHE_HOME/doc2openapi``, else
    ``~/.cache/doc2openapi``."""
    explicit = os.environ.get(ENV_CACHE_DIR)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "doc2openapi"


def page_key(relative_path: str, raw: bytes) -> str:
    digest = hashlib.sha256()
    for part in (CACHE_FORMAT, __version__, relative_path):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    digest.update(raw)
    return digest.hexdigest()


class PageCache:
    """Scraped pages on disk. Every failure to read or write an entry is a miss, never an
    error: the cache can only make a run faster."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / f"pages-v{CACHE_FORMAT}"

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> tuple[object, str] | None:
        """The entry and the digest of its bytes (see :func:`result_digest`), or None."""
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
        return value, _digest(data)

    def put(self, key: str, value: object) -> str:
        """Store ``value``; the digest of its bytes (as :func:`result_digest` gives it)."""
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, RecursionError, TypeError):
            return result_digest(value)
        store_bytes(self._path(key), data)
        return _digest(data)


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
