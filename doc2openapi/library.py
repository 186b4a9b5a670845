"""The library API: :func:`scrape`, :func:`validate`, :func:`generate`, :func:`build` and
:func:`diff`.

Each returns a result value: what was made (the document, the files written), the
diagnostics, the lines that tell a user what happened and a :class:`Status`. None of them
prints or exits: the ``doc2openapi`` command (:mod:`doc2openapi.cli`) does that.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from doc2openapi import pipeline
from doc2openapi.cache import Cache, content_key, default_cache_dir, open_cache
from doc2openapi.changelog import add_changes, next_version, remember, since_last
from doc2openapi.config import Config
from doc2openapi.diagnostics import Diagnostic, Level
from doc2openapi.diff import Change, compare
from doc2openapi.diff.operations import operations
from doc2openapi.files import (
    SPEC_SUFFIXES,
    OutputError,
    folder_name_problem,
    load_document,
    name_problem,
    same_bytes,
    serialise,
    write_text,
)
from doc2openapi.generator import GeneratedProject, GeneratorOptions
from doc2openapi.generator import generate as generate_project
from doc2openapi.generator.environment import override_problems
from doc2openapi.generator.output import check_files
from doc2openapi.inputs import InputError, InputFolder, fingerprint
from doc2openapi.manifest import (
    CLIENT_MANIFEST_NAME,
    MANIFEST_NAME,
    Manifest,
    OutputConflict,
    load_manifest,
    previous_files,
    write_outputs,
)
from doc2openapi.pipeline import ReadOptions, ScrapeOutcome
from doc2openapi.report import build_report, failures, summary_lines
from doc2openapi.sources import linking_home, resolve_inputs
from doc2openapi.spec.build import SpecOptions
from doc2openapi.spec.overlay import Overlay, OverlayError, load_overlays
from doc2openapi.spec.servers import per_service
from doc2openapi.spec.validate import validate_document
from doc2openapi.spec.versions import VERSIONS

Progress = Callable[[int, int], None]
"""Called with the pages read so far and the pages to read."""


class Status(enum.IntEnum):
    """How a call ended; the value is the command's exit code."""

    OK = 0
    FAILED = 1
    """Nothing usable was made, the document is invalid, or (strict) warnings were found."""
    USAGE = 2
    """An input that cannot be used at all (missing, not a folder)."""
    OUTPUT = 3
    """An output that cannot be written."""
    CONFLICT = 4
    """The output folder holds files this tool did not write (``force`` replaces them)."""


@dataclass
class Result:
    status: Status = Status.OK
    messages: list[str] = field(default_factory=list)
    """What a user is told, in order (the command prints these to stderr)."""
    files: list[Path] = field(default_factory=list)
    """The files written."""
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def fail(self, status: Status, message: str) -> None:
        self.status = max(self.status, status)
        self.messages.append(f"doc2openapi: {message}")


@dataclass
class ScrapeResult(Result):
    outcome: ScrapeOutcome | None = None
    report: dict[str, Any] = field(default_factory=dict)

    @property
    def document(self) -> dict[str, Any]:
        return self.outcome.spec.document if self.outcome else {}


@dataclass
class ValidateResult(Result):
    problems: list[Diagnostic] = field(default_factory=list)


@dataclass
class GenerateResult(Result):
    project: GeneratedProject | None = None
    differing: list[tuple[PurePosixPath, str]] = field(default_factory=list)
    """With ``check``: each file that is ``missing``, ``differs`` or is ``extra`` on disk."""


@dataclass
class BuildResult(ScrapeResult):
    """A build's result: its files are under the output folder."""


@dataclass
class DiffResult(Result):
    changes: list[Change] = field(default_factory=list)
    """Breaking first (see :func:`doc2openapi.diff.compare`)."""


def _cache(options: Config) -> Cache | None:
    """The cache of ``options`` (a cache that cannot be used is off: see :func:`_said`)."""
    folder = Path(options.cache_dir) if options.cache_dir else default_cache_dir()
    return open_cache(folder if options.cache else None)


def _said(cache: Cache | None, result: Result) -> None:
    """Why the cache was not used, if it was not: said once, at the end."""
    if cache is not None and cache.problem:
        result.messages.append(f"doc2openapi: {cache.problem}")


def _spec_options(options: Config) -> SpecOptions:
    every_service, by_service = per_service(options.server_url)
    return SpecOptions(
        title=options.title,
        version=options.version,
        openapi=VERSIONS[options.openapi],
        server_url=every_service,
        server_urls=by_service,
        region=options.region,
        docs_base_url=options.docs_base_url,
    )


def _collect(
    inputs: Sequence[Path | str], options: Config, result: Result, progress: Progress | None
) -> list[InputFolder] | None:
    try:
        return resolve_inputs(inputs, options, _cache(options), progress)
    except InputError as error:
        result.fail(Status.USAGE, str(error))
        return None


def _refused(result: Result, problems: Sequence[str | None]) -> bool:
    """True (and each problem said, :attr:`Status.USAGE`) when a request cannot be done."""
    found = [problem for problem in problems if problem]
    for problem in found:
        result.fail(Status.USAGE, problem)
    return bool(found)


def _overlays(options: Config, result: Result) -> list[Overlay] | None:
    """The overlays of ``options``, read; None (and said) when one is not an overlay."""
    overlays = load_overlays(options.overlays)
    if isinstance(overlays, OverlayError):
        result.fail(Status.USAGE, str(overlays))
        return None
    return overlays


def _scrape(
    collected: list[InputFolder],
    options: Config,
    result: ScrapeResult,
    progress: Progress | None,
    overlays: Sequence[Overlay],
) -> Cache | None:
    """Read, build, apply the overlays and validate into ``result`` (its outcome, report,
    verdict)."""
    cache = _cache(options)
    reading = ReadOptions(options.jobs, cache, progress)
    spec_options = linking_home(_spec_options(options), collected)
    outcome = pipeline.scrape([], spec_options, reading, collected, overlays)
    result.outcome, result.report = outcome, build_report(outcome)
    result.diagnostics = outcome.diagnostics
    reasons = failures(result.report, options.strict)
    result.messages += summary_lines(result.report, passed=not reasons)
    sources = {overlay.source for overlay in overlays}
    said = [d for d in outcome.spec.diagnostics if d.page in sources]  # in the actions' order
    result.messages += [f"overlay: {d.format()}" for d in said]
    result.messages += [f"invalid: {p.format()}" for p in outcome.problems[:50]]
    result.messages += reasons
    if reasons:
        result.status = Status.FAILED
    return cache


def _write(result: Result, path: Path, text: str) -> None:
    try:
        write_text(path, text)
    except OutputError as error:
        result.fail(Status.OUTPUT, str(error))
    else:
        result.files.append(path)


def _report_text(report: dict[str, Any]) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def scrape(
    inputs: Sequence[Path | str],
    options: Config | None = None,
    spec_path: Path | None = None,
    report_path: Path | None = None,
    progress: Progress | None = None,
) -> ScrapeResult:
    """Scrape pages (folders, sites, sources) into one validated OpenAPI document; write it
    to ``spec_path`` (YAML or JSON) when valid with operations, the report to ``report_path``."""
    options = options or Config()
    result = ScrapeResult()
    document_name = name_problem(
        spec_path, SPEC_SUFFIXES, "the document is written as JSON or YAML"
    )
    report_name = name_problem(report_path, (".json",), "the report is written as JSON")
    if _refused(result, [document_name, report_name]):
        return result
    overlays = _overlays(options, result)
    collected = _collect(inputs, options, result, progress) if overlays is not None else None
    if overlays is None or collected is None:
        return result
    cache = _scrape(collected, options, result, progress, overlays)
    valid = result.document.get("paths") and result.outcome and not result.outcome.problems
    if spec_path is not None and valid:
        _write(result, spec_path, serialise(result.document, spec_path))
    if report_path is not None:
        _write(result, report_path, _report_text(result.report))
    _said(cache, result)
    return result


def _load(spec: Path | Mapping[str, Any], result: Result) -> Any:
    if not isinstance(spec, Path):
        return spec
    try:
        return load_document(spec)
    except FileNotFoundError:
        result.fail(Status.USAGE, f"file not found: {spec}")
    except (OSError, ValueError) as error:
        result.status = Status.FAILED
        result.messages.append(f"{spec}: not readable as YAML or JSON: {error}".splitlines()[0])
    return None


def validate(spec: Path | Mapping[str, Any], options: Config | None = None) -> ValidateResult:
    """Validate an OpenAPI document (or the file that holds one)."""
    result = ValidateResult()
    document = _load(spec, result)
    if result.status is not Status.OK:
        return result
    cache = _cache(options) if options is not None else None
    result.problems = validate_document(document, cache)
    name = spec if isinstance(spec, Path) else "document"
    result.messages += [f"{name}: {problem.format()}" for problem in result.problems]
    result.status = Status.FAILED if result.problems else Status.OK
    if not result.problems:
        result.messages.append(f"{name}: valid")
    _said(cache, result)
    return result


def _generator_options(options: Config) -> GeneratorOptions:
    return GeneratorOptions(
        package_name=options.package or None,
        templates_dir=Path(options.templates) if options.templates else None,
    )


def _client(project: GeneratedProject, strict: bool) -> tuple[Status, list[str]]:
    """The verdict on a generated client and the lines that tell it."""
    lines = [f"client: {len(project.files)} files"]
    lines += [f"  {d.format()}" for d in project.diagnostics if d.level is not Level.INFO]
    failing = [
        d
        for d in project.diagnostics
        if d.level is Level.ERROR or (strict and d.level is Level.WARNING)
    ]
    if failing:
        lines.append(f"doc2openapi: the client generator reported {len(failing)} problem(s)")
        return Status.FAILED, lines
    return Status.OK, lines


def generate(
    spec: Path | Mapping[str, Any],
    out_dir: Path,
    options: Config | None = None,
    check: bool = False,
    force: bool = False,
) -> GenerateResult:
    """Generate a client project from a valid OpenAPI document into ``out_dir``; with
    ``check``, write nothing and find the files that differ from the disk instead. Files
    this tool did not write are not replaced (:attr:`Status.CONFLICT`) unless ``force``."""
    options = options or Config()
    result = GenerateResult()
    if _refused(result, [folder_name_problem(out_dir), *override_problems(options.templates)]):
        return result
    document = _load(spec, result)
    if result.status is not Status.OK:
        return result
    cache = _cache(options)
    problems = validate_document(document, cache)
    if problems:
        result.messages += [f"invalid: {problem.format()}" for problem in problems[:50]]
        result.fail(
            Status.FAILED,
            f"{spec if isinstance(spec, Path) else 'the document'} is not a valid OpenAPI document",
        )
        return result
    if out_dir.exists() and not out_dir.is_dir():
        result.fail(Status.OUTPUT, f"output folder is a file: {out_dir}")
        return result
    result.project = generate_project(document, _generator_options(options))
    result.status, lines = _client(result.project, options.strict)
    result.messages += lines
    if result.status is not Status.OK:
        return result
    if check:
        result.differing = check_files(result.project, out_dir)
        result.messages += [f"{state}: {path}" for path, state in result.differing]
        result.status = Status.FAILED if result.differing else Status.OK
        return result
    outputs = {str(path): text for path, text in result.project.files.items()}
    _manifest(out_dir, CLIENT_MANIFEST_NAME, result)  # says when it cannot be read
    _write_all(result, out_dir, outputs, "", lines, name=CLIENT_MANIFEST_NAME, force=force)
    _said(cache, result)
    return result


def _write_all(
    result: Result,
    out_dir: Path,
    outputs: dict[str, str],
    key: str,
    lines: list[str],
    client: tuple[str, int, list[str]] = ("", 0, []),
    name: str = MANIFEST_NAME,
    force: bool = False,
) -> None:
    """Write ``outputs`` under ``out_dir`` and their manifest (see :mod:`.manifest`)."""
    try:
        write_outputs(out_dir, outputs, key, result.status, lines, client, name=name, force=force)
    except OutputConflict as error:
        result.fail(Status.CONFLICT, str(error))
    except OutputError as error:
        result.fail(Status.OUTPUT, str(error))
    else:
        result.files = [out_dir / relative for relative in sorted(outputs)]


def _manifest(out_dir: Path, name: str, result: Result) -> Manifest | None:
    """The manifest in ``out_dir``; one that cannot be read is absent, and said."""
    manifest, problem = load_manifest(out_dir, name)
    if problem:
        result.messages.append(f"doc2openapi: warning: {problem}")
    return manifest


def _settings(options: Config) -> str:
    """The settings that shape the outputs (not where or how fast they are computed)."""
    unshaping = replace(options, jobs=0, cache=True, cache_dir="", source="")
    return repr(replace(unshaping, max_connections=0, timeout=0.0, retries=0))


def _status(code: int) -> Status:
    """The status of an exit code read from a manifest (any other code: failed)."""
    try:
        return Status(code)
    except ValueError:
        return Status.FAILED


def _replay(previous: Manifest, out_dir: Path) -> BuildResult:
    """The previous build's verdict, as nothing changed since."""
    result = BuildResult(_status(previous.exit_code), list(previous.summary))
    result.messages.append(f"doc2openapi: nothing changed since the last build of {out_dir}")
    return result


def build(
    inputs: Sequence[Path | str],
    out_dir: Path,
    options: Config | None = None,
    progress: Progress | None = None,
    force: bool = False,
) -> BuildResult:
    """Scrape, validate and generate: ``out_dir/openapi.yaml`` (when valid),
    ``out_dir/report.json`` and the client in ``out_dir/client/``. A manifest in
    ``out_dir`` records what was written: a rebuild with nothing changed does no work, and
    only files a build wrote are ever replaced or deleted (a folder holding others is
    refused, :attr:`Status.CONFLICT`, unless ``force``)."""
    options = options or Config()
    result = BuildResult()
    if out_dir.exists() and not out_dir.is_dir():
        result.fail(Status.OUTPUT, f"output folder is a file: {out_dir}")
        return result
    if _refused(result, [folder_name_problem(out_dir), *override_problems(options.templates)]):
        return result
    overlays = _overlays(options, result)
    if overlays is None:
        return result
    previous = _manifest(out_dir, MANIFEST_NAME, result)
    if previous is not None and not previous.intact(out_dir):
        previous = replace(previous, fingerprint="", document_key="")
    collected = _collect(inputs, options, result, progress)
    if collected is None:
        return result
    key = fingerprint(collected, _settings(options) + "".join(o.digest for o in overlays))
    if previous is not None and previous.fingerprint == key:
        return _replay(previous, out_dir)
    cache = _scrape(collected, options, result, progress, overlays)
    outputs = {"report.json": _report_text(result.report)}
    client = _build_client(result, options, previous, outputs, out_dir, cache)
    _write_all(result, out_dir, outputs, key, list(result.messages), client, force=force)
    _said(cache, result)
    return result


def _build_client(
    result: BuildResult,
    options: Config,
    previous: Manifest | None,
    outputs: dict[str, str],
    out_dir: Path,
    cache: Cache | None,
) -> tuple[str, int, list[str]]:
    """Add the spec and the client to ``outputs`` when the document is valid; the
    client's entry in the manifest. The client of the very same document is kept."""
    if not result.document.get("paths") or (result.outcome and result.outcome.problems):
        return ("", 0, [])
    spec_text = serialise(result.document, Path("openapi.yaml"))
    outputs["openapi.yaml"] = spec_text
    since = since_last(out_dir, previous, result.document, spec_text, cache)
    if since is None or since.document_changed:
        remember(cache, result.document, spec_text)
    version = next_version(since)
    result.messages += add_changes(since, version, outputs)
    document_key = content_key("document", _settings(options), spec_text)
    if previous is not None and previous.document_key == document_key:
        status, lines = _status(previous.client_code), list(previous.client_summary)
        outputs.update(previous_files(previous, out_dir, "client/"))
    else:
        generator_options = replace(_generator_options(options), version=version)
        project = generate_project(result.document, generator_options)
        status, lines = _client(project, options.strict)
        outputs.update({f"client/{path}": text for path, text in project.files.items()})
    result.messages += lines
    result.status = max(result.status, status)
    return (document_key, status, lines)


Side = Path | str | Mapping[str, Any]  # one side of a diff; a str is a site's URL


def _side(source: Side, options: Config, result: Result) -> Any:
    """The document of one side of a diff: given, read from a file, or built from a
    folder of pages, a site's URL or Sphinx sources (through the cache)."""
    if isinstance(source, Mapping) or (isinstance(source, Path) and not source.is_dir()):
        document = _load(source, result)
    else:
        built = scrape([source], options)
        document = built.document
        if built.status is Status.USAGE or not document.get("paths"):
            result.messages += built.messages
            result.fail(max(built.status, Status.FAILED), f"{source}: no API document was built")
            return None
        count = len(operations(document))
        result.messages.append(f"doc2openapi: {source}: built, {count} operations")
    if result.status is Status.OK and not isinstance(document, Mapping):
        result.fail(Status.FAILED, f"{source}: not an OpenAPI document (not a mapping)")
    return document


def diff(old: Side, new: Side, options: Config | None = None) -> DiffResult:
    """The changes from ``old`` to ``new``, each a document, a spec file (YAML or JSON), a
    folder of pages, a site's URL or Sphinx sources, classified breaking or not."""
    options = options or Config()
    result = DiffResult()
    before = _side(old, options, result)
    if result.status is not Status.OK:
        return result
    same = isinstance(old, Path) and isinstance(new, Path) and same_bytes(old, new)
    after = before if same else _side(new, options, result)
    if result.status is Status.OK and before is not None and after is not None:
        result.changes = compare(before, after)
    return result
