"""Project configuration: ``[tool.doc2openapi]`` in ``pyproject.toml`` or a
``doc2openapi.toml``, so that a build step needs no long command line. Options given on the
command line win over the file."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

CONFIG_FILE = "doc2openapi.toml"
PYPROJECT = "pyproject.toml"


class ConfigError(Exception):
    """A configuration file that cannot be used."""


@dataclass(frozen=True, slots=True)
class Config:
    title: str = ""
    version: str = ""
    openapi: str = "3.0"
    server_url: str = "https://{service}.{region}.otc.t-systems.com"
    region: str = "eu-de"
    docs_base_url: str = ""
    """Where the pages are published; each operation then links its page (externalDocs)."""
    package: str = ""
    templates: str = ""
    strict: bool = False
    jobs: int = 0
    """Worker processes for reading pages (0: one per core)."""
    cache: bool = True
    cache_dir: str = ""
    """Where the page cache lives (default: see :func:`doc2openapi.cache.default_cache_dir`)."""
    source: str = ""
    """Where the configuration was read from (``""``: defaults only)."""

    def merged(self, **overrides: Any) -> Config:
        """This configuration with the options that were given (not None) replacing it."""
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **given)


_KNOWN = {f.name: f.type for f in fields(Config) if f.name != "source"}


def _table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: not readable as TOML: {error}") from error
    if path.name == PYPROJECT:
        section = data.get("tool", {}).get("doc2openapi")
        return section if isinstance(section, dict) else None
    return data


def _convert(path: Path, raw: dict[str, Any]) -> Config:
    values: dict[str, Any] = {}
    for key, value in raw.items():
        name = key.replace("-", "_")
        if name not in _KNOWN:
            raise ConfigError(
                f"{path}: unknown setting {key!r} (known: {', '.join(sorted(_KNOWN))})"
            )
        expected = {"bool": bool, "int": int}.get(str(_KNOWN[name]), str)
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ConfigError(f"{path}: {key} must be a {expected.__name__}")
        values[name] = value
    if values.get("openapi", "3.0") not in ("3.0", "3.1"):
        raise ConfigError(f'{path}: openapi must be "3.0" or "3.1"')
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
