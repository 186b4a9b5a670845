"""The build manifest: which files a build wrote, and from which inputs.

``OUT_DIR/.doc2openapi-manifest.json`` records the fingerprint of the inputs and settings,
the exit code and summary of that build, and every file the build generated with its hash.
It lets a rebuild with nothing changed finish without any work, and it is the only list of
files a build may ever delete: a user's own files in ``OUT_DIR`` are never touched.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from doc2openapi.files import OutputError, write_text

MANIFEST_NAME = ".doc2openapi-manifest.json"
CLIENT_MANIFEST_NAME = ".doc2openapi-client-manifest.json"
"""``generate`` keeps its own manifest: generating into a build's folder must not delete
the build's files."""
MANIFEST_FORMAT = 1


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


def read_manifest(out_dir: Path, name: str = MANIFEST_NAME) -> Manifest | None:
    try:
        data = json.loads((out_dir / name).read_text(encoding="utf-8"))
        if data.get("format") != MANIFEST_FORMAT:
            return None
        files = {str(k): str(v) for k, v in dict(data["files"]).items() if _safe(str(k))}
        return Manifest(
            str(data["fingerprint"]),
            int(data["exit_code"]),
            tuple(str(line) for line in data["summary"]),
            files,
            str(data.get("document_key", "")),
            int(data.get("client_code", 0)),
            tuple(str(line) for line in data.get("client_summary", [])),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _inside(out_dir: Path, relative: str) -> Path | None:
    """``out_dir / relative`` when it really is inside ``out_dir`` (no ``..``, and no
    symlinked folder on the way leads elsewhere); None otherwise."""
    if not _safe(relative):
        return None
    target = out_dir / relative
    try:
        target.parent.resolve().relative_to(out_dir.resolve())
    except (ValueError, OSError):
        return None
    return target


def _safe(relative: str) -> bool:
    """A manifest entry names a file inside OUT_DIR (a tampered manifest must not make a
    build delete anything outside it)."""
    path = PurePosixPath(relative)
    return bool(relative) and not path.is_absolute() and ".." not in path.parts


def write_outputs(
    out_dir: Path,
    outputs: dict[str, str],
    previous: Manifest | None,
    fingerprint: str,
    exit_code: int,
    summary: list[str],
    client: tuple[str, int, list[str]] = ("", 0, []),
    name: str = MANIFEST_NAME,
) -> Manifest:
    """Write the outputs (unchanged files are not touched), delete the files the previous
    build generated that this one did not, and record the new manifest. ``client`` is the
    document key, exit code and summary of the client generation."""
    files: dict[str, str] = {}
    for relative in sorted(outputs):
        text = outputs[relative]
        target = _inside(out_dir, relative)
        if target is None:
            raise OutputError(f"refusing to write outside {out_dir}: {relative}")
        write_text(target, text)
        files[relative] = _digest(text.encode("utf-8"))
    if previous is not None:
        for relative in sorted(set(previous.files) - set(files)):
            target = _inside(out_dir, relative)
            if target is not None and target.is_file() and not target.is_symlink():
                target.unlink()
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
    write_text(
        out_dir / name,
        json.dumps(
            {
                "format": MANIFEST_FORMAT,
                "fingerprint": fingerprint,
                "exit_code": exit_code,
                "summary": list(summary),
                "files": files,
                "document_key": document_key,
                "client_code": client_code,
                "client_summary": list(client_summary),
            },
            indent=2,
        )
        + "\n",
    )
    return manifest


def previous_files(previous: Manifest, out_dir: Path, prefix: str = "") -> dict[str, str]:
    """The files of the previous build under ``prefix``, as they are on disk (the caller
    has checked them intact)."""
    return {
        relative: (out_dir / relative).read_text(encoding="utf-8")
        for relative in previous.files
        if relative.startswith(prefix)
    }
