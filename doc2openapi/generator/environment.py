"""The one Jinja environment of the generator."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2

from doc2openapi.text_names import nearest

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


def builtin_template_names() -> list[str]:
    """The file names of the built-in templates (the names an override can replace)."""
    loader = jinja2.PackageLoader(TEMPLATE_PACKAGE, "templates")
    return sorted(name for name in loader.list_templates() if "/" not in name)


def override_problems(templates: str) -> list[str]:
    """What is wrong with the folder of template overrides ``templates`` ("": none): it is
    missing, or holds a file (or folder) that replaces no built-in template and would be
    ignored silently. Hidden files (``.gitkeep``) are left alone."""
    if not templates:
        return []
    templates_dir = Path(templates)
    if not templates_dir.is_dir():
        return [f"templates folder not found: {templates_dir}"]
    builtin = builtin_template_names()
    problems = []
    for entry in sorted(templates_dir.iterdir()):
        if entry.name.startswith(".") or (entry.name in builtin and entry.is_file()):
            continue
        close = nearest(entry.name, builtin)
        hint = f"did you mean {close!r}?" if close else f"built-in: {', '.join(builtin)}"
        problems.append(f"{entry}: replaces no built-in template ({hint})")
    return problems
