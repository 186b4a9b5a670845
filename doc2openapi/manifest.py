"""The build manifest: which files a build wrote, and from which inputs.

``OUT_DIR/.doc2openapi-manifest.json`` records the fingerprint of the inputs and settings,
the exit code and summary of that build, and every file the build generated with its hash.
It lets a rebuild with nothing changed finish without any work, and it is the only list of
files a build may ever delete: a user's own files in ``OUT_DIR`` are never touched.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from doc2openapi.files import (
    OutputError,
    open_folder,
    open_subfolder,
    remove_stale_temporaries,
    write_in,
)

MANIFEST_NAME = ".doc2openapi-manifest.json"
CLIENT_MANIFEST_NAME = ".doc2openapi-client-manifest.json"
"""``generate`` keeps its own manifest: generating into a build's folder must not delete
the build's files."""
MANIFEST_FORMAT = 1
LOCK_NAME = ".doc2openapi.lock"
"""Held (``flock``) by the build that writes in the folder; the kernel frees it when that
build ends, killed or not."""


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class Manifest:
    fingerprint: str
    exit_code: int
    summary: tuple[str, ...]
    files: dict[str, str] = field(default_factory=dict)
    """Relative path (``/`` separators) → sha256 of its content."""
    document_key: str = ""
    """Digest of the settings and of the valid document this build wrote (``""``: none):
    a rebuild that arrives at the same document needs neither validation nor generation."""
    client_code: int = 0
    client_summary: tuple[str, ...] = ()

    def intact(self, out_dir: Path) -> bool:
        """Every recorded file is still there with the recorded content."""
        for relative, digest in self.files.items():
            try:
                if _digest((out_dir / relative).read_bytes()) != digest:
                    return False
            except OSError:
                return False
        return True


def load_manifest(out_dir: Path, name: str = MANIFEST_NAME) -> tuple[Manifest | None, str]:
    """The manifest in ``out_dir``, or None with why it cannot be used (``""``: there is
    none). One that cannot be read (not JSON, not UTF-8, a symlink, fields of the wrong
    types) is treated as absent; entries naming no file inside OUT_DIR are left out."""
    path = out_dir / name
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except FileNotFoundError:
        return None, ""
    except OSError as error:
        return None, f"{path} cannot be read ({error.strerror}): treated as absent"
    try:
        with os.fdopen(handle, "rb") as stream:
            manifest = _parsed(json.loads(stream.read(MAX_MANIFEST_BYTES).decode("utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as error:
        why = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
        return None, f"{path} is not a manifest of this version ({why}): treated as absent"
    return manifest, ""


MAX_MANIFEST_BYTES = 64 * 1024 * 1024
_DIGEST = re.compile(r"[0-9a-f]{64}")


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{value!r:.50} is not text")
    return value


def _number(value: Any) -> int:
    if type(value) is not int:
        raise TypeError(f"{value!r:.50} is not a whole number")
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TypeError(f"{value!r:.50} is not a list")
    return tuple(_text(line) for line in value)


def _parsed(data: Any) -> Manifest:
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
        raise ValueError(f"format is not {MANIFEST_FORMAT}")
    listed = data["files"]
    if not isinstance(listed, dict):
        raise TypeError("files is not a mapping")
    files = {}
    for relative, digest in listed.items():
        if not isinstance(digest, str) or not _DIGEST.fullmatch(digest):
            raise ValueError(f"{relative!r:.50} has no sha256 digest")
        if _safe(relative):
            files[relative] = digest
    return Manifest(
        _text(data["fingerprint"]),
        _number(data["exit_code"]),
        _texts(data["summary"]),
        files,
        _text(data.get("document_key", "")),
        _number(data.get("client_code", 0)),
        _texts(data.get("client_summary", [])),
    )


def _safe(relative: str) -> bool:
    """A manifest entry names a file inside OUT_DIR: plain names joined by ``/`` (a tampered
    manifest must not make a build touch anything outside it)."""
    parts = relative.split("/")
    return all(part not in ("", ".", "..") and "\0" not in part for part in parts)


class OutputConflict(OutputError):
    """The output folder holds files this tool did not write (``--force`` replaces them)."""


def _owned(folder: int, relative: str, manifest: Manifest | None) -> bool | None:
    """Whether the file at ``relative`` is as this tool wrote it (None: nothing is there)."""
    parts = relative.split("/")
    try:
        inner = open_subfolder(folder, parts[:-1], create=False, where=Path())
    except FileNotFoundError:
        return None
    except OutputError:
        return False
    try:
        handle = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=inner)
    except FileNotFoundError:
        return None
    except OSError:
        return False
    finally:
        os.close(inner)
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            return False
        recorded = manifest.files.get(relative) if manifest is not None else None
        return recorded is not None and _digest(stream.read()) == recorded


_OURS = frozenset({MANIFEST_NAME, CLIENT_MANIFEST_NAME, LOCK_NAME})


def _check_owned(
    folder: int, out_dir: Path, outputs: dict[str, str], current: Manifest | None
) -> None:
    """Refuse (OutputConflict) a folder that holds files but no manifest of ours, or where
    an output would replace a file this tool did not write (or that was changed since)."""
    if current is None and not any(
        load_manifest(out_dir, other)[0] for other in (MANIFEST_NAME, CLIENT_MANIFEST_NAME)
    ):
        others = sorted(set(os.listdir(folder)) - _OURS)
        if others:
            raise OutputConflict(
                f"{out_dir} is not empty and holds no manifest of doc2openapi (it has "
                f"{', '.join(others[:3])}{', ...' if len(others) > 3 else ''}): refusing to "
                "write into it; choose an empty folder, or use --force"
            )
    foreign = [r for r in sorted(outputs) if _owned(folder, r, current) is False]
    if foreign:
        raise OutputConflict(
            f"{out_dir} holds files doc2openapi did not write, or that were changed since: "
            f"{', '.join(foreign[:5])}{', ...' if len(foreign) > 5 else ''}; refusing to "
            "replace them (move them away, or use --force)"
        )


def _remove_listed(folder: int, relative: str, digest: str) -> None:
    """Delete the file a previous build wrote at ``relative``: reached through folder
    descriptors (never through a symlink), only a regular file, only with the content the
    manifest recorded (a file changed since is the user's)."""
    parts = relative.split("/")
    try:
        inner = open_subfolder(folder, parts[:-1], create=False, where=Path())
    except (OutputError, FileNotFoundError):
        return
    try:
        handle = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=inner)
        with os.fdopen(handle, "rb") as stream:
            regular = stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
            if regular and _digest(stream.read()) == digest:
                os.unlink(parts[-1], dir_fd=inner)
    except OSError:
        pass
    finally:
        os.close(inner)


def write_outputs(
    out_dir: Path,
    outputs: dict[str, str],
    fingerprint: str,
    exit_code: int,
    summary: list[str],
    client: tuple[str, int, list[str]] = ("", 0, []),
    name: str = MANIFEST_NAME,
    force: bool = False,
) -> Manifest:
    """Write the outputs (unchanged files are not touched), delete the files the last
    build generated that this one did not, and record the new manifest. ``client`` is the
    document key, exit code and summary of the client generation.

    One build at a time writes in a folder (a lock; the next waits), and it reads the
    manifest again once it holds the lock, so that the folder ends as one build left it.
    Files this tool did not write are never replaced (OutputConflict; ``force`` replaces
    them) nor deleted; nothing is written or deleted through a symlink."""
    folder = open_folder(out_dir)
    try:
        if not force:  # before the lock file is made: a folder refused is left as it was
            _check_owned(folder, out_dir, outputs, load_manifest(out_dir, name)[0])
        lock = _lock(folder, out_dir)
    except BaseException:
        os.close(folder)
        raise
    try:
        remove_stale_temporaries(folder)
        current = load_manifest(out_dir, name)[0]
        if not force:
            _check_owned(folder, out_dir, outputs, current)
        files = _write_files(folder, out_dir, outputs)
        if current is not None:
            for relative in sorted(set(current.files) - set(files)):
                _remove_listed(folder, relative, current.files[relative])
        document_key, client_code, client_summary = client
        manifest = Manifest(
            fingerprint,
            exit_code,
            tuple(summary),
            files,
            document_key,
            client_code,
            tuple(client_summary),
        )
        write_in(folder, name, _manifest_text(manifest).encode("utf-8"), out_dir / name)
    finally:
        os.close(lock)  # releases the lock
        os.close(folder)
    return manifest


def _lock(folder: int, out_dir: Path) -> int:
    """The lock of the folder, held (waits while another build holds it)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        lock = os.open(LOCK_NAME, flags, 0o666, dir_fd=folder)
    except OSError as error:
        raise OutputError(f"cannot lock {out_dir / LOCK_NAME}: {error.strerror}") from error
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
    except BaseException:
        os.close(lock)
        raise
    return lock


def _write_files(folder: int, out_dir: Path, outputs: dict[str, str]) -> dict[str, str]:
    files: dict[str, str] = {}
    for relative in sorted(outputs):
        if not _safe(relative):
            raise OutputError(f"refusing to write outside {out_dir}: {relative}")
        data = outputs[relative].encode("utf-8")
        parts = relative.split("/")
        inner = open_subfolder(folder, parts[:-1], create=True, where=out_dir)
        try:
            write_in(inner, parts[-1], data, out_dir / relative)
        finally:
            os.close(inner)
        files[relative] = _digest(data)
    return files


def _manifest_text(manifest: Manifest) -> str:
    return (
        json.dumps(
            {
                "format": MANIFEST_FORMAT,
                "fingerprint": manifest.fingerprint,
                "exit_code": manifest.exit_code,
                "summary": list(manifest.summary),
                "files": manifest.files,
                "document_key": manifest.document_key,
                "client_code": manifest.client_code,
                "client_summary": list(manifest.client_summary),
            },
            indent=2,
        )
        + "\n"
    )


def previous_files(previous: Manifest, out_dir: Path, prefix: str = "") -> dict[str, str]:
    """The files of the previous build under ``prefix``, as they are on disk (the caller
    has checked them intact)."""
    return {
        relative: (out_dir / relative).read_text(encoding="utf-8")
        for relative in previous.files
        if relative.startswith(prefix)
    }


def read_recorded(out_dir: Path, manifest: Manifest, relative: str, limit: int) -> bytes | None:
    """The content of a file the build of ``manifest`` wrote, if it is still a regular file
    with the recorded content and at most ``limit`` bytes (None otherwise). Reached through
    folder descriptors, never through a symlink."""
    digest = manifest.files.get(relative)
    if digest is None:
        return None
    parts = relative.split("/")
    try:
        folder = os.open(out_dir, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        inner = open_subfolder(folder, parts[:-1], create=False, where=out_dir)
    except (OSError, OutputError):
        os.close(folder)
        return None
    os.close(folder)
    try:
        handle = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=inner)
        with os.fdopen(handle, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                return None
            data = stream.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(inner)
    return data if len(data) <= limit and _digest(data) == digest else None
