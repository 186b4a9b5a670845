"""Writing outputs: deterministic serialisation, atomic replacement, unchanged files kept."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml


def _file_mode() -> int:
    """Permissions of a new file under the current umask (mkstemp would give 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_FILE_MODE = _file_mode()


class OutputError(Exception):
    """An output path that cannot be written."""


_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[valid-type,misc]
    """Block-style YAML that keeps the document's key order and never emits aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str_presenter(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Multi-line text as a block scalar (readable diffs), everything else as usual."""
    style = "|" if "\n" in value and not any(c in value for c in "\r\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_presenter)


def serialise(document: Any, path: Path) -> str:
    """YAML for ``.yaml``/``.yml``, JSON otherwise; the same input gives the same text."""
    if path.suffix.lower() in (".yaml", ".yml"):
        return yaml.dump(
            document,
            Dumper=_Dumper,
            sort_keys=False,
            allow_unicode=True,
            width=100,
            default_flow_style=False,
        )
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def load_document(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".json":
        return json.loads(text)
    return yaml.safe_load(text)


def write_text(path: Path, text: str) -> bool:
    """Write atomically (temporary file, then rename). A file whose content is unchanged is
    not touched, so its modification time stays. Returns True when the file was written."""
    data = text.encode("utf-8")
    try:
        if path.is_file() and path.read_bytes() == data:
            return False
    except OSError:
        pass
    parent = path.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError as error:
        raise OutputError(f"output folder is a file: {parent}") from error
    except OSError as error:
        raise OutputError(f"cannot create output folder {parent}: {error.strerror}") from error
    if path.is_dir():
        raise OutputError(f"output path is a folder: {path}")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as error:
        raise OutputError(f"cannot write in {parent}: {error.strerror}") from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, _FILE_MODE)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {error.strerror}") from error
    return True
