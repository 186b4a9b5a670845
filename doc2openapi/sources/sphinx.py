"""Documentation sources: a folder holding Sphinx's ``conf.py`` and ``.rst`` files is
rendered to HTML with Sphinx into the cache, then read like any folder of pages.

A project's ``conf.py`` is code (the OTC ones import GitPython and read the repository), so
by default it is not run: its plain values (``project``, ``html_title``, some of the
theme's ``otcdocs_*`` settings, ...) are read with :mod:`ast`, and Sphinx runs with a
configuration of the tool's own that names the theme the published pages use.
``--sphinx-conf`` runs the project's own ``conf.py`` instead.

Sphinx runs in its own process, with its output and its environment (``doctrees``) kept in
the private cache folder, so a rebuild renders again only the sources that changed (and
does not start Sphinx when none did). The environment is Sphinx's pickle, which Sphinx
reads back: its digest is kept beside it and an environment whose digest differs is
deleted, never read.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path, PurePath
from typing import Any

from doc2openapi.cache import Cache, content_key
from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.inputs import InputError, InputFolder, collect_inputs

CONF_FILE = "conf.py"
EXTRA = "doc2openapi[sphinx]"
THEME = ("otcdocstheme", "otcdocs")
"""The extension and theme the published pages are built with."""
_VALUES = frozenset(
    {"project", "html_title", "language", "root_doc", "master_doc", "source_suffix"}
    | {"source_encoding", "smartquotes", "copyright"}
    | {"otcdocs_auto_name", "otcdocs_auto_version", "otcdocs_repo_name"}
)
"""The values of a ``conf.py`` that shape the pages' content. The theme's other settings
(search, links to the portal, the page title crumb the published pages do not show) do
not."""
_ENVIRONMENT = "environment.pickle"
_SUFFIXES = (".rst", ".md", ".txt")
_GENERIC = ("source", "api-ref", "api", "apiref", "api_ref", "docs", "doc")


def is_sphinx_source(path: Path) -> bool:
    """Whether a folder holds documentation sources (a ``conf.py``)."""
    return (path / CONF_FILE).is_file()


def source_name(source: Path) -> str:
    """``.../kms/api-ref/source`` → ``kms``: the first folder name that is not generic."""
    parts: PurePath = source.resolve()
    while parts.name.lower() in _GENERIC and parts.parent.name:
        parts = parts.parent
    return parts.name


def _literal(node: ast.expr) -> Any:
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None


def conf_values(conf: Path) -> dict[str, Any]:
    """The plain values of a ``conf.py``, read without running it: top-level assignments
    of literals to the names in :data:`_VALUES` (others are left out)."""
    try:
        tree = ast.parse(conf.read_bytes(), str(conf))
    except (OSError, SyntaxError, ValueError, RecursionError, MemoryError) as error:
        raise InputError(f"{conf}: not readable as Python: {error}") from error
    values: dict[str, Any] = {}
    for node in tree.body:
        if not isinstance(node, ast.Assign) or len(node.targets) != 1:
            continue
        target = node.targets[0]
        if not isinstance(target, ast.Name):
            continue
        name = target.id
        if name in _VALUES:
            value = _literal(node.value)
            if value is not None:
                values[name] = value
    return values


def tool_conf(values: dict[str, Any]) -> str:
    """The text of the tool's own ``conf.py``: the theme, and the values read (as
    literals: it runs nothing but assignments)."""
    lines = [f"extensions = [{THEME[0]!r}]", f"html_theme = {THEME[1]!r}"]
    lines += [f"{name} = {values[name]!r}" for name in sorted(values)]
    lines.append("html_copy_source = False")
    return "\n".join(lines) + "\n"


def _require(project_conf: bool) -> None:
    modules = ("sphinx",) if project_conf else ("sphinx", THEME[0])
    missing = [name for name in modules if importlib.util.find_spec(name) is None]
    if missing:
        raise InputError(
            f"reading Sphinx sources needs {' and '.join(missing)}: pip install '{EXTRA}'"
        )


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _run_sphinx(source: Path, work: Path, project_conf: bool) -> list[Diagnostic]:
    """Render ``source`` into ``work/html`` (raises :class:`InputError` when Sphinx fails)."""
    confdir = source
    if not project_conf:
        confdir = work / "conf"
        confdir.mkdir(mode=0o700, exist_ok=True)
        text = tool_conf(conf_values(source / CONF_FILE))
        conf = confdir / CONF_FILE
        if not conf.is_file() or conf.read_text(encoding="utf-8") != text:
            conf.write_text(text, encoding="utf-8")  # unchanged: Sphinx stays incremental
    warnings = work / "warnings.txt"
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-w", str(warnings)]
    command += ["-c", str(confdir), "-d", str(work / "doctrees"), str(source), str(work / "html")]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=work)
    except OSError as error:
        raise InputError(f"Sphinx could not be started: {error}") from error
    if done.returncode != 0:
        said = (done.stderr.strip().splitlines() or ["(nothing said)"])[-1]
        raise InputError(f"Sphinx could not render {source}: {said}")
    return _notes(source, warnings)


def _notes(source: Path, warnings: Path) -> list[Diagnostic]:
    """What Sphinx warned about (the images the sources lack, ...), said once."""
    count = sum(1 for line in _lines(warnings) if "WARNING" in line)
    if not count:
        return []
    detail = f"Sphinx reported {count} warning(s) while rendering (first: {_first(warnings)})"
    return [Diagnostic(Level.INFO, Code.SPHINX_WARNINGS, str(source), detail)]


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def _first(path: Path) -> str:
    return next((line for line in _lines(path) if "WARNING" in line), "").strip()


def sources_state(source: Path) -> str:
    """A digest of the sources as Sphinx judges them (each file's path, size and
    modification time) and of the Sphinx and theme versions that render them."""
    digest = hashlib.sha256()
    for name in ("sphinx", THEME[0]):
        try:
            digest.update(f"{name}={metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=?\n".encode())
    for path in sorted(source.rglob("*")):
        if path.is_file():
            info = path.stat()
            place = path.relative_to(source).as_posix()
            digest.update(f"{place}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _last_render(cache: Cache, key: str, work: Path) -> str:
    """The sources' state at the last render into ``work`` ("" for none that can be
    trusted). Sphinx's environment is deleted unless it is the very one that render left."""
    stored = cache.get("sphinx", key)
    environment = work / "doctrees" / _ENVIRONMENT
    if not isinstance(stored, list) or len(stored) != 2 or stored[0] != _digest(environment):
        shutil.rmtree(work / "doctrees", ignore_errors=True)
        return ""
    return str(stored[1])


def render(source: Path, cache: Cache | None, project_conf: bool = False) -> InputFolder:
    """The pages Sphinx renders from ``source``, read like a folder's. Sphinx does not run
    when no source changed since the last render into the cache."""
    _require(project_conf)
    if cache is None or cache.problem:
        with tempfile.TemporaryDirectory(prefix="doc2openapi-sphinx-") as temporary:
            return _render_in(source, Path(temporary), project_conf)
    key = content_key("sphinx", str(source.resolve()), str(project_conf))
    work = render_folder(cache, key)
    state = sources_state(source)
    unchanged = _last_render(cache, key, work) == state and (work / "html").is_dir()
    found = _render_in(source, work, project_conf, run=not unchanged)
    cache.put("sphinx", key, [_digest(work / "doctrees" / _ENVIRONMENT), state])
    return found


def render_folder(cache: Cache, key: str) -> Path:
    """The cache's folder Sphinx renders into for ``key``: made if missing, refused if it
    (or ``sphinx/`` above it) is a symlink; a symlinked ``doctrees`` or ``html`` inside is
    removed (the link only), so nothing Sphinx writes or the tool deletes lands elsewhere."""
    work = cache.folder / "sphinx" / key[:32]
    try:
        cache.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for folder in (work.parent, work):
            folder.mkdir(mode=0o700, exist_ok=True)
            if folder.is_symlink() or not folder.is_dir():
                raise InputError(f"cannot render into the cache: {folder} is not a folder")
        for inner in ("doctrees", "html"):
            if (work / inner).is_symlink():
                (work / inner).unlink()
    except OSError as error:
        raise InputError(f"cannot render into the cache: {work}: {error.strerror}") from error
    return work


def _has_source(source: Path, key: str) -> bool:
    """Whether a rendered page comes from a source file that is still there (Sphinx leaves
    the pages of deleted sources in place; its own pages, ``genindex``, ``search``, have
    none)."""
    stem = key.rpartition(".")[0]
    return any((source / f"{stem}{suffix}").is_file() for suffix in _SUFFIXES)


def _render_in(source: Path, work: Path, project_conf: bool, run: bool = True) -> InputFolder:
    notes = (
        _run_sphinx(source, work, project_conf) if run else _notes(source, work / "warnings.txt")
    )
    [rendered] = collect_inputs([work / "html"])
    pages = tuple(page for page in rendered.pages if _has_source(source, page.key))
    return InputFolder(
        rendered.folder,
        pages,
        rendered.toc_digest,
        (*rendered.diagnostics, *notes),
        name=source_name(source),
    )
