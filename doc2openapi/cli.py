"""The ``doc2openapi`` command: a thin layer over :mod:`doc2openapi.pipeline`.

Exit codes: 0 success; 1 nothing usable was produced or the document is invalid (or, with
``--strict``, warnings were found); 2 usage error (bad option, missing input); 3 an output
could not be written; 70 an internal error (a bug: please report it).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import ExitStack, suppress
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from doc2openapi import __version__
from doc2openapi.ahead import Ahead
from doc2openapi.cache import default_cache_dir
from doc2openapi.config import Config, ConfigError, load_config
from doc2openapi.diagnostics import Diagnostic, Level
from doc2openapi.files import OutputError, load_document, serialise, write_text
from doc2openapi.inputs import (
    InputError,
    InputFolder,
    collect_inputs,
    fingerprint,
)
from doc2openapi.launcher import IDLE_TIMEOUT, socket_path
from doc2openapi.manifest import (
    CLIENT_MANIFEST_NAME,
    Manifest,
    document_key,
    previous_files,
    read_manifest,
    write_outputs,
)
from doc2openapi.spec.versions import VERSIONS

if TYPE_CHECKING:
    from doc2openapi.generator import GeneratedProject, GeneratorOptions
    from doc2openapi.pipeline import ReadOptions, ScrapeOutcome, ServiceResult
    from doc2openapi.spec.build import SpecOptions
    from doc2openapi.spec.chunks import ValidParts
    from doc2openapi.spec.memo import Memo

# The scraper, the spec builder, the validator and the generator are imported where they
# are used: a rebuild with nothing changed needs none of them, and starts in a fraction of
# the time.

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_OUTPUT = 3
EXIT_INTERNAL = 70


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"doc2openapi: {message}", err=True)
    sys.exit(code)


def _config(config_path: Path | None, **overrides: Any) -> Config:
    try:
        return load_config(config_path).merged(**overrides)
    except ConfigError as error:
        _fail(str(error), EXIT_USAGE)


def _spec_options(config: Config) -> SpecOptions:
    from doc2openapi.spec.build import SpecOptions  # noqa: PLC0415

    return SpecOptions(
        title=config.title,
        version=config.version,
        openapi=VERSIONS[config.openapi],
        server_url=config.server_url,
        region=config.region,
        docs_base_url=config.docs_base_url,
    )


def _reading(config: Config, stack: ExitStack, pages: int = 0) -> ReadOptions:
    """How to read pages; with a progress bar of ``pages`` on a terminal."""
    from doc2openapi.pipeline import ReadOptions  # noqa: PLC0415

    progress = None
    if pages and sys.stderr.isatty():
        total = pages
        bar = stack.enter_context(
            click.progressbar(length=total, label="reading pages", file=sys.stderr)
        )
        progress = bar.update
    return ReadOptions(jobs=config.jobs, cache_dir=_cache_folder(config), progress=progress)


def _collect(folders: Sequence[Path]) -> list[InputFolder]:
    try:
        return collect_inputs(folders)
    except InputError as error:
        _fail(str(error), EXIT_USAGE)


def _read_services(config: Config, inputs: Sequence[InputFolder]) -> list[ServiceResult]:
    from doc2openapi.pipeline import read_services  # noqa: PLC0415

    with ExitStack() as stack:
        return read_services(inputs, _reading(config, stack, sum(len(i.pages) for i in inputs)))


def _run_scrape(
    folders: Sequence[Path],
    config: Config,
    inputs: Sequence[InputFolder] | None = None,
    validate: bool = True,
    services: list[ServiceResult] | None = None,
) -> ScrapeOutcome:
    from doc2openapi.pipeline import scrape  # noqa: PLC0415

    options = _spec_options(config)
    if inputs is None:
        inputs = _collect(folders)
    pages = 0 if services is not None else sum(len(i.pages) for i in inputs)
    with ExitStack() as stack:
        reading = _reading(config, stack, pages)
        return scrape(list(folders), options, reading, inputs, validate, services)


def _write(path: Path, text: str) -> None:
    try:
        write_text(path, text)
    except OutputError as error:
        _fail(str(error), EXIT_OUTPUT)


def _verdict(outcome: ScrapeOutcome, report: dict[str, Any], strict: bool) -> tuple[int, list[str]]:
    """The exit code of a scrape and the lines that tell the user why."""
    from doc2openapi.report import failures, summary_lines  # noqa: PLC0415

    reasons = failures(report, strict)
    lines = summary_lines(report, passed=not reasons)
    lines.extend(f"invalid: {problem.format()}" for problem in outcome.problems[:50])
    lines.extend(reasons)
    return (EXIT_FAILED if reasons else EXIT_OK), lines


def _finish(outcome: ScrapeOutcome, report: dict[str, Any], strict: bool) -> int:
    code, lines = _verdict(outcome, report, strict)
    for line in lines:
        click.echo(line, err=True)
    return code


def _generate(document: dict[str, Any], config: Config) -> GeneratedProject:
    # imported here: a rebuild with nothing changed never loads the generator
    from doc2openapi.generator import GeneratorOptions, generate  # noqa: PLC0415

    return generate(document, _generator_options(config, GeneratorOptions))


def _generator_options(config: Config, options: type[GeneratorOptions]) -> GeneratorOptions:
    return options(
        package_name=config.package or None,
        templates_dir=Path(config.templates) if config.templates else None,
        cache_dir=_cache_folder(config),
    )


def _generator_verdict(project: GeneratedProject, strict: bool) -> tuple[int, list[str]]:
    lines = [f"client: {len(project.files)} files"]
    lines.extend(f"  {d.format()}" for d in project.diagnostics if d.level is not Level.INFO)
    failing = [
        d
        for d in project.diagnostics
        if d.level is Level.ERROR or (strict and d.level is Level.WARNING)
    ]
    if failing:
        lines.append(f"doc2openapi: the client generator reported {len(failing)} problem(s)")
        return EXIT_FAILED, lines
    return EXIT_OK, lines


def _cache_folder(config: Config) -> Path | None:
    if not config.cache:
        return None
    return Path(config.cache_dir) if config.cache_dir else default_cache_dir()


def _yaml_store(config: Config) -> Memo | None:
    """Where the YAML of path items and schemas is kept for the next build."""
    from doc2openapi.spec.memo import Memo  # noqa: PLC0415

    folder = _cache_folder(config)
    return None if folder is None else Memo(folder, "yaml")


def _valid_parts(config: Config) -> ValidParts | None:
    """Where the parts of documents found valid are remembered (beside the page cache)."""
    from doc2openapi.spec.chunks import ValidParts  # noqa: PLC0415

    folder = _cache_folder(config)
    return None if folder is None else ValidParts(folder)


def _settings(config: Config) -> str:
    """The settings that shape the outputs (not where or how fast they are computed)."""
    return repr(replace(config, jobs=0, cache=True, cache_dir="", source=""))


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
    )


_folders = click.argument(
    "folders", nargs=-1, required=True, type=click.Path(path_type=Path, file_okay=False)
)
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
_docs_base_url = click.option(
    "--docs-base-url",
    help="URL of the published pages: each operation gets externalDocs linking its page",
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
    folders: tuple[Path, ...],
    spec_path: Path,
    report_path: Path | None,
    **options: Any,
) -> None:
    """Scrape FOLDERS of API reference pages into one OpenAPI document."""
    from doc2openapi.report import build_report  # noqa: PLC0415

    config = _scrape_config(options)
    outcome = _run_scrape(folders, config)
    report = build_report(outcome)
    if outcome.spec.document.get("paths") and not outcome.problems:
        _write(spec_path, serialise(outcome.spec.document, spec_path, _yaml_store(config)))
    if report_path is not None:
        _write(report_path, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    sys.exit(_finish(outcome, report, config.strict))


@cli.command("validate")
@click.argument("specs", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
def validate_command(specs: tuple[Path, ...]) -> None:
    """Validate OpenAPI documents; exit 0 only when all are valid."""
    from doc2openapi.spec.validate import validate_document  # noqa: PLC0415

    failed = False
    for path in specs:
        try:
            document = load_document(path)
        except FileNotFoundError:
            _fail(f"file not found: {path}", EXIT_USAGE)
        except (OSError, ValueError) as error:
            click.echo(f"{path}: not readable as YAML or JSON: {error}".splitlines()[0], err=True)
            failed = True
            continue
        problems = validate_document(document)
        for problem in problems:
            click.echo(f"{path}: {problem.format()}", err=True)
        if problems:
            failed = True
        else:
            click.echo(f"{path}: valid", err=True)
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


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
@_scrape_options
def build_command(
    folders: tuple[Path, ...],
    out_dir: Path,
    **options: Any,
) -> None:
    """Scrape and validate FOLDERS into OUT_DIR/openapi.yaml and OUT_DIR/report.json."""
    config = _scrape_config(options)
    if out_dir.exists() and not out_dir.is_dir():
        _fail(f"output folder is a file: {out_dir}", EXIT_OUTPUT)
    inputs = _collect(folders)
    previous = read_manifest(out_dir)
    key = fingerprint(inputs, _settings(config))
    intact = previous is not None and previous.intact(out_dir)
    if previous is not None and intact and previous.fingerprint == key:
        _replay(previous, f"nothing changed since the last build of {out_dir}")
    from doc2openapi.pipeline import content_key  # noqa: PLC0415

    services = _read_services(config, inputs)
    content = content_key(services, _settings(config))
    if previous is not None and intact and previous.content_key == content:
        _keep_outputs(out_dir, previous, key, content)
    outcome = _run_scrape(folders, config, inputs, validate=False, services=services)
    code, lines, outputs, client = _build_outputs(outcome, config, out_dir, previous, intact)
    try:
        write_outputs(out_dir, outputs, previous, key, code, lines, client, content)
    except OutputError as error:
        _fail(str(error), EXIT_OUTPUT)
    for line in lines:
        click.echo(line, err=True)
    sys.exit(code)


def _build_outputs(
    outcome: ScrapeOutcome,
    config: Config,
    out_dir: Path,
    previous: Manifest | None,
    intact: bool,
) -> tuple[int, list[str], dict[str, str], tuple[str, int, list[str]]]:
    """The exit code, the summary lines, the output files and the client's entry in the
    manifest of a build whose document is made."""
    from doc2openapi.report import build_report  # noqa: PLC0415

    document = outcome.spec.document
    spec_text = (
        serialise(document, Path("openapi.yaml"), _yaml_store(config))
        if document.get("paths")
        else ""
    )
    same_document = document_key(_settings(config), spec_text)
    reuse = (
        previous is not None
        and bool(spec_text)
        and previous.document_key == same_document
        and intact
    )
    project = None
    if not reuse:
        outcome.problems, project = _validated_and_generated(document, config, bool(spec_text))
    report = build_report(outcome)
    code, lines = _verdict(outcome, report, config.strict)
    outputs = {"report.json": json.dumps(report, indent=2, ensure_ascii=False) + "\n"}
    client: tuple[str, int, list[str]] = ("", 0, [])
    if spec_text and not outcome.problems:
        outputs["openapi.yaml"] = spec_text
        if reuse and previous is not None:
            client = (same_document, previous.client_code, list(previous.client_summary))
            outputs.update(previous_files(previous, out_dir, "client/"))
        else:
            project = project or _generate(document, config)
            client_code, client_lines = _generator_verdict(project, config.strict)
            client = (same_document, client_code, client_lines)
            outputs.update({f"client/{path}": text for path, text in project.files.items()})
        lines.extend(client[2])
        code = max(code, client[1])
    return code, lines, outputs, client


def _validated_and_generated(
    document: dict[str, Any], config: Config, generate: bool
) -> tuple[list[Diagnostic], GeneratedProject | None]:
    """The document's problems and, when ``generate``, its client. They need nothing from
    each other but the document: a forked child validates while this process generates
    (see doc2openapi.ahead). The client is made here, where a build server keeps what the
    generator remembers between builds; it is thrown away if the document is invalid.
    Without a child, the document is validated first and the client made only if valid."""
    from doc2openapi.spec.validate import validate_document  # noqa: PLC0415

    checking = (
        Ahead.start(lambda: validate_document(document, _valid_parts(config))) if generate else None
    )
    if checking is None:
        return validate_document(document, _valid_parts(config)), None
    project: GeneratedProject | None = None
    try:
        try:
            project = _generate(document, config)
        except Exception:  # the validation says why; a valid document is generated again
            project = None
        problems = checking.result()
    finally:
        checking.cancel()
    if problems is None:  # the child failed: check here
        problems = validate_document(document, _valid_parts(config))
    return problems, project


def _keep_outputs(out_dir: Path, previous: Manifest, key: str, content: str) -> NoReturn:
    """The pages changed, but not in anything the document or the report is made of: the
    outputs stand; only the manifest learns the new input fingerprint."""
    client = (previous.document_key, previous.client_code, list(previous.client_summary))
    try:
        write_outputs(
            out_dir,
            previous_files(previous, out_dir),
            previous,
            key,
            previous.exit_code,
            list(previous.summary),
            client,
            content,
        )
    except OutputError as error:
        _fail(str(error), EXIT_OUTPUT)
    _replay(
        previous,
        f"pages changed, but nothing the API document is made of; {out_dir} is up to date",
    )


def _replay(previous: Manifest, message: str) -> NoReturn:
    """The previous build's summary and exit code, with what this run found."""
    for line in previous.summary:
        click.echo(line, err=True)
    click.echo(f"doc2openapi: {message}", err=True)
    sys.exit(previous.exit_code)


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
@click.option("--package", help="import name of the generated package (default: from the title)")
@click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="folder of templates that replace built-in ones with the same file name",
)
@click.option("--check", is_flag=True, help="exit 1 if the files on disk differ from the output")
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
    strict: bool,
    config_path: Path | None,
    cache_dir: Path | None,
    no_cache: bool,
) -> None:
    """Generate a typed Python client project from the OpenAPI document SPEC_PATH."""
    from doc2openapi.spec.validate import validate_document  # noqa: PLC0415

    config = _config(
        config_path,
        package=package,
        templates=str(templates) if templates else None,
        strict=strict or None,
        cache=False if no_cache else None,
        cache_dir=str(cache_dir) if cache_dir else None,
    )
    try:
        document = load_document(spec_path)
    except FileNotFoundError:
        _fail(f"file not found: {spec_path}", EXIT_USAGE)
    except (OSError, ValueError) as error:
        _fail(
            f"{spec_path}: not readable as YAML or JSON: {str(error).splitlines()[0]}", EXIT_FAILED
        )
    problems = validate_document(document, _valid_parts(config))
    if problems:
        for problem in problems[:50]:
            click.echo(f"invalid: {problem.format()}", err=True)
        _fail(f"{spec_path} is not a valid OpenAPI document", EXIT_FAILED)
    if out_dir.exists() and not out_dir.is_dir():
        _fail(f"output folder is a file: {out_dir}", EXIT_OUTPUT)
    project = _generate(document, config)
    code, lines = _generator_verdict(project, config.strict)
    for line in lines:
        click.echo(line, err=True)
    if code != EXIT_OK:
        sys.exit(code)
    if check:
        from doc2openapi.generator.output import differing_files  # noqa: PLC0415

        stale = differing_files(project, out_dir)
        for path in stale:
            click.echo(f"differs: {path}", err=True)
        sys.exit(EXIT_FAILED if stale else EXIT_OK)
    outputs = {str(path): text for path, text in project.files.items()}
    previous = read_manifest(out_dir, CLIENT_MANIFEST_NAME)
    try:
        write_outputs(out_dir, outputs, previous, "", code, lines, name=CLIENT_MANIFEST_NAME)
    except OutputError as error:
        _fail(str(error), EXIT_OUTPUT)
    sys.exit(code)


@cli.group("server")
def server_group() -> None:
    """A resident build server: rebuilds without loading the tool again.

    While a server of this installation runs, ``build``, ``scrape``, ``generate`` and
    ``validate`` are run by it (in your folder and environment; the output is the same), so
    a rebuild after an edit takes a fraction of the time. Set DOC2OPENAPI_SERVER=off to run
    a command in its own process anyway. The server's socket and log are kept in
    $DOC2OPENAPI_SERVER_DIR (default: server/ in the cache folder)."""


@server_group.command("start")
@click.option(
    "--idle-timeout",
    type=click.FloatRange(min=1),
    default=IDLE_TIMEOUT,
    show_default=True,
    help="seconds without a command after which the server ends",
)
def server_start(idle_timeout: float) -> None:
    """Start a server in the background (or report the one running)."""
    from doc2openapi.server import ServerError, start  # noqa: PLC0415

    try:
        found = start(idle_timeout)
    except ServerError as error:
        _fail(str(error), EXIT_USAGE)
    state = "already running" if found.get("already") else "started"
    click.echo(f"doc2openapi: build server {state} ({_server_state(found)})", err=True)


def _server_state(found: dict[str, Any]) -> str:
    if found.get("busy"):
        return "busy with a command"
    return f"pid {found.get('pid')}, {found.get('served')} command(s) served"


@server_group.command("stop")
def server_stop() -> None:
    """Stop the server of this installation."""
    from doc2openapi.server import ServerError, stop  # noqa: PLC0415

    try:
        stopped = stop()
    except ServerError as error:
        _fail(str(error), EXIT_FAILED)
    click.echo(f"doc2openapi: build server {'stopped' if stopped else 'not running'}", err=True)


@server_group.command("status")
def server_status() -> None:
    """Say whether a server of this installation runs (exit 1 when none does)."""
    from doc2openapi.server import status  # noqa: PLC0415

    path = socket_path()
    found = status(path)
    if found is None:
        click.echo(f"doc2openapi: no build server running (socket: {path})", err=True)
        sys.exit(EXIT_FAILED)
    click.echo(
        f"doc2openapi: build server running ({_server_state(found)}, socket: {path})", err=True
    )


def run(args: Sequence[str]) -> int:
    """Run one command and return its exit code: never a traceback (the build server runs
    commands this way, see :mod:`doc2openapi.server`)."""
    try:
        cli.main(args=list(args), prog_name="doc2openapi", standalone_mode=True)
    except SystemExit as done:
        return _exit_code(done.code)
    except KeyboardInterrupt:
        click.echo("doc2openapi: interrupted", err=True)
        return 130
    except Exception as error:
        click.echo(f"doc2openapi: internal error: {type(error).__name__}: {error}", err=True)
        return EXIT_INTERNAL
    return EXIT_OK


def main() -> None:
    """Entry point: never a traceback, always an exit code.

    The process ends without tearing down its objects (the document, the pages read): the
    outputs are written and closed by then, and freeing tens of thousands of objects one by
    one only delays the build that waits for this command (mypy ends the same way)."""
    code = run(sys.argv[1:])
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a closed pipe has nothing to flush
            stream.flush()
    os._exit(code)


def _exit_code(code: object) -> int:
    """``sys.exit``'s argument as an exit code (a message is printed and counts as 1)."""
    if code is None or isinstance(code, int):
        return code or 0
    with suppress(OSError, ValueError):
        click.echo(str(code), err=True)
    return 1


if __name__ == "__main__":
    main()
