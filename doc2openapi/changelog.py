"""What a build says about the change since the last build into the same folder:
``OUT_DIR/CHANGES.md`` and the version of the generated client.

CHANGES.md describes the last change of the document: it is written when a build's
document differs from the previous build's (the API changes, breaking first, or a line
saying the documentation changed only), kept as it is while the document stays the same,
and absent until the document first changes.

The previous build's ``openapi.yaml`` and ``client/pyproject.toml`` are read only as that
build recorded them in its manifest (a file changed since, a symlink or an oversized file
counts as absent) and are untrusted: the document is parsed as data only, and a version
that is not ``MAJOR.MINOR.PATCH`` is ignored.

The version follows semver: a breaking change bumps the major version, any other API change
the minor version, a change to the document alone (descriptions, examples) the patch
version; the same document keeps the version. Without a previous build, the generator's own
default applies.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from doc2openapi.cache import Cache, content_key
from doc2openapi.diff import Change, Level, compare
from doc2openapi.diff.render import markdown
from doc2openapi.files import MAX_DOCUMENT_BYTES, parse_document
from doc2openapi.manifest import Manifest, read_recorded

CHANGES_NAME = "CHANGES.md"
DOCUMENT_NAME = "openapi.yaml"
CLIENT_PROJECT = "client/pyproject.toml"
MAX_PROJECT_BYTES = 64 * 1024
PARSED = "parsed-document"
"""The cache's kind for a document a build wrote, parsed: the next build compares with it
without parsing the YAML again (ten times slower)."""
SEMVER = re.compile(r"(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})")


@dataclass(frozen=True, slots=True)
class SinceLast:
    """The previous build's document compared with this one's."""

    changes: list[Change]
    document_changed: bool
    previous_version: str | None
    """The previous client's version, when it is a valid ``MAJOR.MINOR.PATCH``."""
    previous_changes: str | None = None
    """The previous build's CHANGES.md, kept while the document stays the same."""


def _previous_text(out_dir: Path, previous: Manifest) -> str | None:
    data = read_recorded(out_dir, previous, DOCUMENT_NAME, MAX_DOCUMENT_BYTES)
    try:
        return data.decode("utf-8") if data is not None else None
    except UnicodeDecodeError:
        return None


def _previous_version(out_dir: Path, previous: Manifest) -> str | None:
    data = read_recorded(out_dir, previous, CLIENT_PROJECT, MAX_PROJECT_BYTES)
    if data is None:
        return None
    try:
        project = tomllib.loads(data.decode("utf-8")).get("project")
    except (ValueError, tomllib.TOMLDecodeError):
        return None
    version = project.get("version") if isinstance(project, dict) else None
    return version if isinstance(version, str) and SEMVER.fullmatch(version) else None


def _parsed(text: str, cache: Cache | None) -> Any:
    """The document of ``text``: from the cache, else parsed (ValueError if it cannot be)."""
    if cache is not None:
        cached = cache.get(PARSED, content_key(PARSED, text))
        if isinstance(cached, dict):
            return cached
    return parse_document(text, ".yaml")


def remember(cache: Cache | None, document: dict[str, Any], text: str) -> None:
    """Keep ``document`` (serialised as ``text``) parsed for the next build's comparison."""
    if cache is not None:
        cache.put(PARSED, content_key(PARSED, text), document)


def since_last(
    out_dir: Path,
    previous: Manifest | None,
    document: dict[str, Any],
    text: str,
    cache: Cache | None = None,
) -> SinceLast | None:
    """The change from the previous build's document to ``document`` (serialised as
    ``text``); None when there is no previous document to compare with."""
    if previous is None:
        return None
    previous_text = _previous_text(out_dir, previous)
    if previous_text is None:
        return None
    version = _previous_version(out_dir, previous)
    if previous_text == text:
        kept = read_recorded(out_dir, previous, CHANGES_NAME, MAX_DOCUMENT_BYTES)
        return SinceLast([], False, version, kept.decode("utf-8", "replace") if kept else None)
    try:
        previous_document = _parsed(previous_text, cache)
    except ValueError:
        return None
    if not isinstance(previous_document, dict):
        return None
    return SinceLast(compare(previous_document, document), True, version)


def next_version(since: SinceLast | None) -> str | None:
    """The client's version after ``since`` (None: the generator's default)."""
    if since is None or since.previous_version is None:
        return None
    major, minor, patch = (int(part) for part in since.previous_version.split("."))
    if any(change.level is Level.BREAKING for change in since.changes):
        return f"{major + 1}.0.0"
    if since.changes:
        return f"{major}.{minor + 1}.0"
    if since.document_changed:
        return f"{major}.{minor}.{patch + 1}"
    return since.previous_version


def changes_file(since: SinceLast | None, version: str | None) -> str | None:
    """The text of CHANGES.md: the change that made this document, breaking changes first.
    None (no file) until the document first changes; while it stays the same, the file the
    previous build wrote is kept."""
    if since is None:
        return None
    if not since.document_changed:
        return since.previous_changes
    title = f"Changes in the API{f' (client {version})' if version else ''}"
    if not since.changes:
        return (
            f"## {title}\n\nNo change to operations, parameters, fields, status codes or "
            "security: the documentation changed only.\n"
        )
    return markdown(since.changes, title)


def add_changes(since: SinceLast | None, version: str | None, outputs: dict[str, str]) -> list[str]:
    """Add CHANGES.md to ``outputs`` when :func:`changes_file` gives one; the line that says what
    changed since the last build."""
    text = changes_file(since, version)
    if since is None or text is None:
        return []
    outputs[CHANGES_NAME] = text
    if not since.document_changed:
        return []
    breaking = sum(change.level is Level.BREAKING for change in since.changes)
    counts = f"{breaking} breaking, {len(since.changes) - breaking} other"
    bumped = f"; client version {version}" if version else ""
    return [f"changes since the last build: {counts} (see {CHANGES_NAME}){bumped}"]
