"""The one Jinja environment of the generator."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2

from .text import docstring, markdown_inline, python_string, toml_string

TEMPLATE_PACKAGE = "doc2openapi.generator"

# For override templates: everything the built-in templates print is computed already.
FILTERS: dict[str, Callable[..., str]] = {
    "python_string": python_string,
    "docstring": lambda text, indent="": docstring([text], indent),
    "markdown": markdown_inline,
    "toml_string": toml_string,
}


def _bytecode_cache(cache_dir: Path | None) -> jinja2.BytecodeCache | None:
    """Compiled templates under ``cache_dir`` (Jinja checks each against its source)."""
    if cache_dir is None:
        return None
    folder = cache_dir / "templates-v1"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def make_environment(
    templates_dir: Path | None, cache_dir: Path | None = None
) -> jinja2.Environment:
    """Templates from ``templates_dir`` (by file name) first, then the built-in ones;
    compiled once and kept under ``cache_dir`` when there is one."""
    loaders: list[jinja2.BaseLoader] = []
    if templates_dir is not None:
        loaders.append(jinja2.FileSystemLoader(templates_dir))
    loaders.append(jinja2.PackageLoader(TEMPLATE_PACKAGE, "templates"))
    environment = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        bytecode_cache=_bytecode_cache(cache_dir),
    )
    environment.filters.update(FILTERS)
    return environment
