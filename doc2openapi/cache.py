"""The one content cache: scraped pages, validated parts of documents and example checks.

Every entry is keyed by :func:`content_key` on the exact content it was computed from, the
tool (its version and source) and the entry format, so an entry is never stale: changed
input simply misses. Entries are inert JSON with a digest of their own text on the first
line; an entry that is truncated, emptied or corrupt is a miss (and is written again),
never used. Entries are written atomically (temporary file, fsync, rename). Nothing is
ever unpickled or executed.

A cache folder that is not a folder owned by the user, or that others can write to, is
refused; a folder that cannot be created, read or written turns the cache off. Either is
said once (:attr:`Cache.problem`) and the build goes on without a cache. The folder is
safe to delete at any time.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import hashlib
import json
import os
import stat
import tempfile
import types
import typing
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

from doc2openapi import __version__

ENTRY_FORMAT = "4"
ENV_CACHE_DIR = "DOC2OPENAPI_CACHE_DIR"
DEPENDENCIES = ("jsonschema", "openapi-schema-validator", "openapi-spec-validator", "lxml")
"""Distributions whose version can change what an entry holds (a page read, a verdict)."""


def default_cache_dir() -> Path:
    """``$DOC2OPENAPI_CACHE_DIR``, else ``$XDG_CACHE_HOME/doc2openapi``, else
    ``~/.cache/doc2openapi``."""
    explicit = os.environ.get(ENV_CACHE_DIR)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "doc2openapi"


@functools.cache
def tool_identity() -> str:
    """This tool's version, a digest of its source files (an edited checkout is another
    tool) and the versions of :data:`DEPENDENCIES`."""
    digest = hashlib.sha256(f"{ENTRY_FORMAT}\0{__version__}\0".encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".jinja") and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    for name in DEPENDENCIES:
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=?\0".encode())
    return digest.hexdigest()


def content_key(kind: str, *parts: str | bytes) -> str:
    """The one key function: a digest of the tool (:func:`tool_identity`), the kind of
    entry and each part, exactly (each part's length is hashed too, so no two lists of
    parts give one key)."""
    digest = hashlib.sha256(f"{tool_identity()}\0{kind}\0".encode())
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(f"{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def json_text(value: Any) -> str:
    """``value`` as exact JSON text (key order kept); a value JSON has no type for (a YAML
    date) is written with its type, so that it differs from the text of that value."""
    return json.dumps(value, ensure_ascii=False, default=_typed, check_circular=False)


def _typed(value: Any) -> Any:
    return ["\0" + type(value).__name__, str(value)]


def _refusal(folder: Path) -> str:
    """Why ``folder`` may not hold a cache (``""``: it may)."""
    info = os.stat(folder)
    if not stat.S_ISDIR(info.st_mode):
        return "not a folder"
    if info.st_uid != os.getuid():
        return "owned by another user"
    if info.st_mode & 0o022:
        return "writable by others"
    return ""


class Cache:
    """JSON entries by kind and key under one folder. Made by :func:`open_cache`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / f"v{ENTRY_FORMAT}"
        self.problem = ""
        """Why the cache was turned off (said once; ``""``: it is on)."""

    def _off(self, why: str) -> None:
        if not self.problem:
            self.problem = f"cache folder {self.folder.parent}: {why}; building without a cache"

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / f"{key}.json"

    def get(self, kind: str, key: str) -> Any:
        """The entry's value, or None (missing, corrupt, or the cache is off)."""
        if self.problem:
            return None
        try:
            data = self._path(kind, key).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            self._off(f"cannot be read ({error.strerror})")
            return None
        digest, _, text = data.partition(b"\n")
        if digest != hashlib.sha256(text).hexdigest().encode():
            return None  # truncated, emptied or altered: a miss, written again
        try:
            return json.loads(text)
        except ValueError:
            return None

    def put(self, kind: str, key: str, value: Any) -> None:
        """Store ``value`` (JSON) atomically; failing to turns the cache off."""
        if self.problem:
            return
        text = json_text(value).encode("utf-8", "surrogatepass")
        path = self._path(kind, key)
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        except OSError as error:
            self._off(f"cannot be written ({error.strerror})")
            return
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(hashlib.sha256(text).hexdigest().encode() + b"\n" + text)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        except OSError as error:
            Path(temporary).unlink(missing_ok=True)
            self._off(f"cannot be written ({error.strerror})")


def open_cache(folder: Path | None) -> Cache | None:
    """The cache in ``folder`` (created, private, if missing); None for no folder. A folder
    that cannot be used gives a cache that is off, with its :attr:`~Cache.problem`."""
    if folder is None:
        return None
    cache = Cache(folder)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        why = _refusal(folder)
    except OSError as error:
        cache._off(f"cannot be used ({error.strerror})")
        return cache
    if why:
        cache._off(f"refused ({why})")
    return cache


# -- dataclasses as JSON ------------------------------------------------------------------


def to_json(value: Any) -> Any:
    """A frozen model (dataclasses, tuples, enums, text, numbers) as JSON: each dataclass
    as the list of its fields. :func:`decoder` reads it back, by the declared types."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [to_json(getattr(value, name)) for name in _field_names(type(value))]
    if isinstance(value, tuple | list):
        return [to_json(item) for item in value]
    if isinstance(value, enum.Enum):
        return value.value
    return value


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _exactly(kind: type) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if type(value) is not kind:
            raise ValueError(f"expected {kind.__name__}, found {type(value).__name__}")
        return value

    return check


def decoder(hint: Any) -> Callable[[Any], Any]:
    """A function that rebuilds a value of type ``hint`` from :func:`to_json`'s JSON (a
    ValueError or TypeError for JSON of another shape)."""
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass_decoder(hint)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint
    if hint in (str, int, bool, float):
        return _exactly(hint)
    arguments = typing.get_args(hint)
    if typing.get_origin(hint) is tuple and len(arguments) == 2 and arguments[1] is ...:
        item = decoder(arguments[0])
        return lambda value: tuple(item(v) for v in _exactly(list)(value))
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and len(arguments) == 2:
        inner = decoder(next(a for a in arguments if a is not type(None)))
        if type(None) in arguments:
            return lambda value: None if value is None else inner(value)
    raise TypeError(f"no JSON form for {hint!r}")


@functools.cache
def _dataclass_decoder(cls: type) -> Callable[[Any], Any]:
    fields: list[Callable[[Any], Any]] = []  # found at first use: a class may contain itself

    def rebuild(value: Any) -> Any:
        if not fields:
            hints = typing.get_type_hints(cls)
            fields.extend(decoder(hints[name]) for name in _field_names(cls))
        if type(value) is not list or len(value) != len(fields):
            raise ValueError(f"not the fields of {cls.__name__}")
        return cls(*[read(item) for read, item in zip(fields, value, strict=True)])

    return rebuild
