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


def make_environment(templates_dir: Path | None) -> jinja2.Environment:
    """Templates from ``templates_dir`` (by file name) first, then the built-in ones."""
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
    )
    environment.filters.update(FILTERS)
    return environment
