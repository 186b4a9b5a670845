"""The ``doc2openapi`` command: parses options, calls :mod:`doc2openapi.library`, prints
what it says and exits with its status.

Exit codes: 0 success; 1 nothing usable was produced or the document is invalid (or, with
``--strict``, warnings were found); 2 usage error (bad option, missing input); 3 an output
could not be written; 70 an internal error (a bug: please report it).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click

from doc2openapi import __version__, library
from doc2openapi.config import Config, ConfigError, load_config, url_problem
from doc2openapi.diff import Level
from doc2openapi.diff.render import FORMATS
from doc2openapi.sources import is_url

EXIT_INTERNAL = 70


def _finish(result: library.Result) -> NoReturn:
    for line in result.messages:
        click.echo(line, err=True)
    sys.exit(int(result.status))


def _config(config_path: Path | None, **overrides: Any) -> Config:
    try:
        return load_config(config_path).merged(**overrides)
    except ConfigError as error:
        click.echo(f"doc2openapi: {error}", err=True)
        sys.exit(int(library.Status.USAGE))


def _scrape_config(options: dict[str, Any]) -> Config:
    """The configuration of a scrape or build: the file, then the options given."""
    cache_dir = options["cache_dir"]
    return _config(
        options["config_path"],
        title=options["title"],
        version=options["doc_version"],
        strict=options["strict"] or None,
        openapi=options["openapi"],
        docs_base_url=options["docs_base_url"],
        jobs=options["jobs"],
        cache=False if options["no_cache"] else None,
        cache_dir=str(cache_dir) if cache_dir else None,
        overlays=tuple(str(path) for path in options["overlays"]) or None,
        package=options.get("package"),
        templates=str(options["templates"]) if options.get("templates") else None,
        max_connections=options["max_connections"],
        max_pages=options["max_pages"],
        timeout=options["timeout"],
        retries=options["retries"],
        sphinx_conf=options["sphinx_conf"] or None,
    )


class _ProgressBar:
    """A progress bar of the pages read, on a terminal only."""

    def __init__(self) -> None:
        self.bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="reading pages", file=sys.stderr)
            self.bar.__enter__()
        self.bar.length = max(total, done)  # a site's pages are found as they are read
        self.bar.update(done - self.bar.pos)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def _with_progress(work: Callable[[library.Progress | None], library.Result]) -> library.Result:
    if not sys.stderr.isatty():
        return work(None)
    bar = _ProgressBar()
    try:
        return work(bar)
    finally:
        bar.close()


_folders = click.argument("folders", nargs=-1, required=True)
"""Folders of pages, folders of Sphinx sources, or the start URLs of documentation sites
(kept as text: a URL is no path)."""
_title = click.option(
    "--title", help="info.title of the document (default: from the service names)"
)
_version = click.option("--version", "doc_version", help="info.version of the document")
_strict = click.option("--strict", is_flag=True, help="treat warnings as failures (exit 1)")
_openapi = click.option(
    "--openapi",
    "openapi",
    type=click.Choice(["3.0", "3.1"]),
    help="OpenAPI version of the output: 3.0 (3.0.3, default) or 3.1 (3.1.0)",
)
_jobs = click.option(
    "-j", "--jobs", type=click.IntRange(min=0), help="worker processes (default: one per core)"
)
_no_cache = click.option(
    "--no-cache", is_flag=True, help="use no cache: read every page and make every check again"
)
_cache_dir = click.option(
    "--cache-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="cache folder (default: $DOC2OPENAPI_CACHE_DIR or ~/.cache/doc2openapi)",
)


def _checked_url(_context: click.Context, _parameter: click.Parameter, url: str | None) -> Any:
    problem = url_problem(url) if url is not None else None
    if problem:
        raise click.BadParameter(problem)
    return url


_docs_base_url = click.option(
    "--docs-base-url",
    callback=_checked_url,
    help="URL of the published pages: each operation gets externalDocs linking its page",
)
_overlay = click.option(
    "--overlay",
    "overlays",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="OpenAPI Overlay 1.0 file (YAML or JSON) applied to the scraped document before it "
    "is validated; repeat for several, applied in order (replaces the configuration's list)",
)
_max_connections = click.option(
    "--max-connections",
    type=click.IntRange(min=1),
    help="requests at a time when reading a site from its URL (default 4)",
)
_max_pages = click.option(
    "--max-pages",
    type=click.IntRange(min=1),
    help="pages a site is read to at most (default 10000)",
)
_timeout = click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    help="seconds a site may keep a request waiting (default 30)",
)
_retries = click.option(
    "--retries",
    type=click.IntRange(min=0),
    help="further tries of a request after a connection error, 429 or 5xx (default 3)",
)
_sphinx_conf = click.option(
    "--sphinx-conf",
    is_flag=True,
    help="render Sphinx sources with their own conf.py: this RUNS ITS CODE (default: its "
    "plain values are read, and the tool's own configuration is used)",
)
_config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="configuration file (default: ./doc2openapi.toml, or [tool.doc2openapi] in "
    "./pyproject.toml)",
)


def _scrape_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options that ``scrape`` and ``build`` share."""
    for option in (
        _overlay,
        _sphinx_conf,
        _retries,
        _timeout,
        _max_pages,
        _max_connections,
        _cache_dir,
        _no_cache,
        _jobs,
        _config_option,
        _docs_base_url,
        _openapi,
        _strict,
        _version,
        _title,
    ):
        command = option(command)
    return command


_force = click.option(
    "--force",
    is_flag=True,
    help="write into a folder that holds files doc2openapi did not write, replacing those "
    "among them that it writes (it never deletes them)",
)


_package = click.option(
    "--package",
    help="import name of the generated package (default: the service's, e.g. dcs_client)",
)
_templates = click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="folder of templates that replace built-in ones with the same file name",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="doc2openapi")
def cli() -> None:
    """Turn HTML API reference pages into a validated OpenAPI 3 document."""


@cli.command("scrape")
@_folders
@click.option(
    "-o",
    "--output",
    "spec_path",
    required=True,
    type=click.Path(path_type=Path),
    help="the OpenAPI document to write (.yaml/.yml for YAML, .json for JSON)",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(path_type=Path),
    help="write the JSON report (counts and diagnostics) here",
)
@_scrape_options
def scrape_command(
    folders: tuple[str, ...],
    spec_path: Path,
    report_path: Path | None,
    **options: Any,
) -> None:
    """Scrape FOLDERS of API reference pages (or sites, by their start URLs) into one
    OpenAPI document."""
    config = _scrape_config(options)
    _finish(
        _with_progress(
            lambda progress: library.scrape(folders, config, spec_path, report_path, progress)
        )
    )


@cli.command("validate")
@click.argument("specs", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
def validate_command(specs: tuple[Path, ...]) -> None:
    """Validate OpenAPI documents; exit 0 only when all are valid."""
    status = library.Status.OK
    for path in specs:
        result = library.validate(path)
        for line in result.messages:
            click.echo(line, err=True)
        if result.status is library.Status.USAGE:
            sys.exit(int(result.status))
        status = max(status, result.status)
    sys.exit(int(status))


@cli.command("build")
@_folders
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(path_type=Path, dir_okay=True),
    help="folder for openapi.yaml and report.json",
)
@_force
@_templates
@_package
@_scrape_options
def build_command(folders: tuple[str, ...], out_dir: Path, force: bool, **options: Any) -> None:
    """Scrape and validate FOLDERS (or sites, by their start URLs) into
    OUT_DIR/openapi.yaml and OUT_DIR/report.json."""
    config = _scrape_config(options)
    _finish(
        _with_progress(
            lambda progress: library.build(folders, out_dir, config, progress, force=force)
        )
    )


@cli.command("generate")
@click.argument("spec_path", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(path_type=Path),
    help="folder of the generated project (pyproject.toml, README.md, PACKAGE/)",
)
@_package
@_templates
@click.option("--check", is_flag=True, help="exit 1 if the files on disk differ from the output")
@_force
@_strict
@_config_option
@_cache_dir
@_no_cache
def generate_command(
    spec_path: Path,
    out_dir: Path,
    package: str | None,
    templates: Path | None,
    check: bool,
    force: bool,
    strict: bool,
    config_path: Path | None,
    cache_dir: Path | None,
    no_cache: bool,
) -> None:
    """Generate a typed Python client project from the OpenAPI document SPEC_PATH."""
    config = _config(
        config_path,
        package=package,
        templates=str(templates) if templates else None,
        strict=strict or None,
        cache=False if no_cache else None,
        cache_dir=str(cache_dir) if cache_dir else None,
    )
    _finish(library.generate(spec_path, out_dir, config, check, force=force))


@cli.command("diff")
@click.argument("old")
@click.argument("new")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    help="text (default), markdown (a changelog section) or json (see the README)",
)
@click.option(
    "--fail-on",
    type=click.Choice(["breaking", "any"]),
    help="exit 1 when a breaking change (or any change) is found",
)
@_config_option
@_cache_dir
@_no_cache
def diff_command(
    old: str,
    new: str,
    output_format: str,
    fail_on: str | None,
    config_path: Path | None,
    cache_dir: Path | None,
    no_cache: bool,
) -> None:
    """List what changed from OLD to NEW (each a spec file, a folder of pages, a site's URL
    or a folder of Sphinx sources), each change breaking or not for an existing client."""
    config = _config(
        config_path,
        cache=False if no_cache else None,
        cache_dir=str(cache_dir) if cache_dir else None,
    )
    sides = [side if is_url(side) else Path(side) for side in (old, new)]
    result = library.diff(sides[0], sides[1], config)
    if result.status is library.Status.OK:
        click.echo(FORMATS[output_format](result.changes), nl=False)
        failing = [c for c in result.changes if fail_on == "any" or c.level is Level.BREAKING]
        if fail_on and failing:
            result.status = library.Status.FAILED
    _finish(result)


def main() -> None:
    """Entry point: never a traceback, always an exit code."""
    try:
        cli.main(prog_name="doc2openapi")
    except Exception as error:  # a bug: said in one line, with the exit code for bugs
        click.echo(f"doc2openapi: internal error: {type(error).__name__}: {error}", err=True)
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":
    main()
