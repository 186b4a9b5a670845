"""OpenAPI document to typed Python client (pydantic v2 models, httpx clients).

``generate`` is pure: it reads the document (a dict) and returns the files of the client
project and the diagnostics, without touching the disk; :mod:`.output` writes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from doc2openapi.diagnostics import Code, Diagnostic, Level, in_document

from .build_view import build_project
from .environment import make_environment
from .formatting import format_python
from .operations import ApiCollector
from .render import render_project

__all__ = ["Code", "Diagnostic", "GeneratedProject", "GeneratorOptions", "Level", "generate"]


@dataclass(frozen=True)
class GeneratorOptions:
    """``package_name``: import name of the generated package (default: the service's, from
    ``info.x-service``, else the title's).
    ``templates_dir``: templates that replace built-in ones with the same file name.
    ``version``: the package's version (default: the document's ``info.version`` when it
    is a PEP 440 version, else 0.1.0; a build sets it by semver, see :mod:`..changelog`).
    """

    package_name: str | None = None
    templates_dir: Path | None = None
    version: str | None = None


@dataclass(frozen=True)
class GeneratedProject:
    """The generated files (sorted relative paths to text) and what was found on the way."""

    files: Mapping[PurePosixPath, str]
    diagnostics: tuple[Diagnostic, ...]


def _document_problems(spec: Mapping[str, Any]) -> list[Diagnostic]:
    problems = []
    if not isinstance(spec, Mapping):
        detail = f"the document is a {type(spec).__name__}, not an object"
        return [in_document(Level.ERROR, Code.INVALID_DOCUMENT, "", detail)]
    if not str(spec.get("openapi", "")).startswith("3."):
        detail = "not an OpenAPI 3 document (no 'openapi: 3.x' field)"
        problems.append(in_document(Level.ERROR, Code.INVALID_DOCUMENT, "/openapi", detail))
    if not isinstance(spec.get("paths"), Mapping):
        detail = "the document has no 'paths' object"
        problems.append(in_document(Level.ERROR, Code.INVALID_DOCUMENT, "/paths", detail))
    return problems


def generate(spec: Mapping[str, Any], options: GeneratorOptions) -> GeneratedProject:
    """Generate the client project for an OpenAPI 3.0 document.

    The result depends only on the document, the options and the templates: the same input
    gives byte-identical files.
    """
    diagnostics = _document_problems(spec)
    report = diagnostics.append
    api = ApiCollector(spec if isinstance(spec, Mapping) else {}, report).collect()
    project = build_project(api, options.package_name, report, options.version)
    rendered = render_project(project, make_environment(options.templates_dir), report)
    files = format_python(rendered, report)
    return GeneratedProject(files=dict(sorted(files.items())), diagnostics=tuple(diagnostics))
