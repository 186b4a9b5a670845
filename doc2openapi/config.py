"""Project configuration: ``[tool.doc2openapi]`` in ``pyproject.toml`` or a
``doc2openapi.toml``, so that a build step needs no long command line. Options given on the
command line win over the file. Paths in a file are relative to that file."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from doc2openapi.text_names import nearest

CONFIG_FILE = "doc2openapi.toml"
PYPROJECT = "pyproject.toml"


class ConfigError(Exception):
    """A configuration file that cannot be used."""


@dataclass(frozen=True, slots=True)
class Config:
    title: str = ""
    version: str = ""
    openapi: str = "3.0"
    server_url: str | dict[str, str] = ""
    """The server URL (``""``: the host the pages name), or a table of URLs by service."""
    region: str = "eu-de"
    docs_base_url: str = ""
    """Where the pages are published; each operation then links its page (externalDocs)."""
    package: str = ""
    templates: str = ""
    overlays: tuple[str, ...] = ()
    """OpenAPI Overlay files applied, in order, to the scraped document."""
    strict: bool = False
    jobs: int = 0
    """Worker processes for reading pages (0: one per core)."""
    cache: bool = True
    cache_dir: str = ""
    """Where the page cache lives (default: see :func:`doc2openapi.cache.default_cache_dir`)."""
    max_connections: int = 4
    """Requests at a time when reading a web site."""
    max_pages: int = 10_000
    """Pages a web site is read to at most."""
    timeout: float = 30.0
    """Seconds a web site may keep a request waiting."""
    retries: int = 3
    """Further tries of a request after a connection error, a timeout, a 429 or a 5xx."""
    sphinx_conf: bool = False
    """Render Sphinx sources with the project's own ``conf.py`` (this runs its code)."""
    source: str = ""
    """Where the configuration was read from (``""``: defaults only)."""

    def merged(self, **overrides: Any) -> Config:
        """This configuration with the options that were given (not None) replacing it."""
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **given)


_KNOWN = {f.name: str(f.type) for f in fields(Config) if f.name != "source"}

_TYPES: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "str": ("a string", lambda v: isinstance(v, str)),
    "bool": ("true or false", lambda v: isinstance(v, bool)),
    "int": ("an integer", lambda v: isinstance(v, int) and not isinstance(v, bool)),
    "str | dict[str, str]": (
        "a string or a table of strings by service",
        lambda v: (
            isinstance(v, str)
            or (isinstance(v, dict) and all(isinstance(item, str) for item in v.values()))
        ),
    ),
    "float": ("a number", lambda v: isinstance(v, int | float) and not isinstance(v, bool)),
    "tuple[str, ...]": (
        "a list of strings",
        lambda v: isinstance(v, list) and all(isinstance(item, str) for item in v),
    ),
}
"""What each type of setting must be in the file, and how it is said."""

_PATHS = ("templates", "overlays", "cache_dir")
"""Settings that name files or folders: relative to the configuration file."""


def _did_you_mean(name: str, known: Iterable[str]) -> str:
    close = nearest(name, known)
    return f" — did you mean {close!r}?" if close else ""


def url_problem(url: str) -> str | None:
    """Why ``url`` is not an http(s) URL with a host; None when it is one."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"must be an http(s) URL with a host, such as https://docs.example.com (not {url!r})"
    return None


def _table(path: Path) -> dict[str, Any] | None:
    """The settings in ``path``: its ``[tool.doc2openapi]`` table (a ``pyproject.toml``
    without one has none), or the whole file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: not readable as TOML: {error}") from error
    tool = data.get("tool")
    tool = tool if isinstance(tool, dict) else {}
    section = tool.get("doc2openapi")
    if path.name == PYPROJECT:
        return section if isinstance(section, dict) else None
    if section is None:
        return data
    if not isinstance(section, dict) or len(data) > 1 or len(tool) > 1:
        raise ConfigError(
            f"{path}: put the settings either at the top of the file or in one "
            "[tool.doc2openapi] table, and nothing else"
        )
    return section


def _value(path: Path, key: str, value: Any) -> Any:
    name = key.replace("-", "_")
    if name not in _KNOWN:
        raise ConfigError(f"{path}: unknown setting {key!r}{_did_you_mean(name, _KNOWN)}")
    word, fits = _TYPES[_KNOWN[name]]
    if not fits(value):
        raise ConfigError(f"{path}: {key} must be {word}")
    if name in _PATHS:
        value = _beside(path.parent, value)
    if _KNOWN[name] == "float":
        return float(value)
    return tuple(value) if isinstance(value, list) else value


def _beside(folder: Path, value: str | list[str]) -> str | list[str]:
    """Paths read from a file in ``folder``, relative to it ("" stays unset)."""
    if isinstance(value, list):
        return [str(folder / item) for item in value]
    return str(folder / value) if value else value


def _convert(path: Path, raw: dict[str, Any]) -> Config:
    values = {key.replace("-", "_"): _value(path, key, value) for key, value in raw.items()}
    if values.get("openapi", "3.0") not in ("3.0", "3.1"):
        raise ConfigError(f'{path}: openapi must be "3.0" or "3.1"')
    if values.get("jobs", 0) < 0:
        raise ConfigError(f"{path}: jobs must be 0 (one worker per core) or more")
    if values.get("docs_base_url") and (problem := url_problem(values["docs_base_url"])):
        raise ConfigError(f"{path}: docs_base_url {problem}")
    return Config(**values, source=str(path))


def load_config(explicit: Path | None = None, folder: Path | None = None) -> Config:
    """The configuration: ``explicit`` if given, else ``doc2openapi.toml`` or a
    ``pyproject.toml`` with a ``[tool.doc2openapi]`` table in ``folder`` (default: cwd)."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"configuration file not found: {explicit}")
        table = _table(explicit)
        return _convert(explicit, table or {})
    base = folder or Path.cwd()
    for name in (CONFIG_FILE, PYPROJECT):
        candidate = base / name
        if candidate.is_file():
            table = _table(candidate)
            if table is not None:
                return _convert(candidate, table)
    return Config()
