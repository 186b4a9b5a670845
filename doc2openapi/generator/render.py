"""The render model to file contents, one template per output file."""

from __future__ import annotations

from pathlib import PurePosixPath

import jinja2

from doc2openapi.diagnostics import Code, Level, Report, in_document

from .view import ProjectView

# Output path (``{package}`` is the package directory) and the template that writes it.
OUTPUT_FILES = (
    ("pyproject.toml", "pyproject.toml.jinja"),
    ("README.md", "README.md.jinja"),
    ("{package}/__init__.py", "__init__.py.jinja"),
    ("{package}/py.typed", "py.typed.jinja"),
    ("{package}/_runtime.py", "_runtime.py.jinja"),
    ("{package}/auth.py", "auth.py.jinja"),
    ("{package}/client.py", "client.py.jinja"),
    ("{package}/config.py", "config.py.jinja"),
    ("{package}/errors.py", "errors.py.jinja"),
    ("{package}/models.py", "models.py.jinja"),
    ("{package}/response.py", "response.py.jinja"),
)


def render_project(
    project: ProjectView, environment: jinja2.Environment, report: Report
) -> dict[PurePosixPath, str]:
    """Render every output file; a template that fails is reported and its file left out."""
    files: dict[PurePosixPath, str] = {}
    for path_template, template_name in OUTPUT_FILES:
        path = PurePosixPath(path_template.format(package=project.package))
        try:
            files[path] = environment.get_template(template_name).render(project=project)
        except jinja2.TemplateError as error:
            detail = f"template {template_name!r} failed: {type(error).__name__}: {error}"
            report(in_document(Level.ERROR, Code.TEMPLATE_ERROR, "", detail))
    return files
