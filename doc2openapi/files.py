"""Writing outputs: deterministic serialisation, atomic replacement, unchanged files kept."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import secrets
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml


class OutputError(Exception):
    """An output path that cannot be written."""


_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[valid-type,misc]
    """Block-style YAML that keeps the document's key order and never emits aliases.

    The nodes of JSON values are made here directly (PyYAML's representer would look up
    each value's class and watch for aliases): the same nodes, three times faster."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def represent(self, data: Any) -> None:
        self.serialize(self._node(data))

    def _node(self, data: Any) -> yaml.Node:
        kind = type(data)
        if kind is str:
            return _str_presenter(self, data)
        if kind is dict:
            pairs = [(self._node(key), self._node(value)) for key, value in data.items()]
            return yaml.MappingNode(_MAP, pairs, flow_style=False)
        if kind is list:
            return yaml.SequenceNode(_SEQ, [self._node(item) for item in data], flow_style=False)
        if kind is bool:
            return yaml.ScalarNode(_BOOL, "true" if data else "false")
        if kind is int:
            return yaml.ScalarNode(_INT, str(data))
        if data is None:
            return yaml.ScalarNode(_NULL, "null")
        node: yaml.Node = self.represent_data(data)  # floats and the rest, as PyYAML does
        return node


_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_NULL = "tag:yaml.org,2002:null"


_YAML12_NOT_TEXT = re.compile(
    r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|null|Null|NULL|~|true|True|TRUE|false|False|FALSE"
)
"""Plain scalars that YAML 1.2 readers (JavaScript tools) take for numbers, booleans or
null, where PyYAML (YAML 1.1) would write them unquoted: ``"08"``, ``"1e5"``, ``"0o7"``."""


def _str_presenter(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Multi-line text as a block scalar (readable diffs); text that a YAML 1.2 reader
    would take for another type quoted; everything else as usual.

    Text ending in two line breaks (or only one) is double-quoted instead: as a block
    scalar it would need "keep" chomping (``|+``), which some readers get wrong."""
    style = None
    if "\n" in value and not any(c in value for c in "\r\x85\u2028\u2029"):
        style = '"' if value == "\n" or value.endswith("\n\n") else "|"
    elif _YAML12_NOT_TEXT.fullmatch(value):
        style = "'"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_presenter)


SPEC_SUFFIXES = (".json", ".yaml", ".yml")
"""The names an OpenAPI document is written under: JSON or YAML, by the suffix."""


def name_problem(path: Path | None, suffixes: Sequence[str], what: str) -> str | None:
    """Why the file ``path`` is misnamed for what it holds (``what``: "the report is written
    as JSON"); None when its suffix is one of ``suffixes`` (or there is no file)."""
    if path is None or path.suffix.lower() in suffixes:
        return None
    names = ", ".join(suffixes[:-1]) + " or " + suffixes[-1] if len(suffixes) > 1 else suffixes[0]
    return f"{path}: {what}, so its name must end in {names}"


def folder_name_problem(out_dir: Path) -> str | None:
    """Why an output folder is misnamed: named like a document (``-o spec.yaml`` where a
    folder is meant) and not a folder already; None otherwise."""
    if out_dir.suffix.lower() not in SPEC_SUFFIXES or out_dir.is_dir():
        return None
    return f"{out_dir}: the output is a folder, not a document: give a folder's name"


def serialise(document: Any, path: Path) -> str:
    """YAML for ``.yaml``/``.yml``, JSON otherwise; the same input gives the same text."""
    if path.suffix.lower() not in (".yaml", ".yml"):
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    text: str = yaml.dump(
        document,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return text


MAX_DOCUMENT_BYTES = 256 * 1024 * 1024
MAX_EXPANDED_NODES = 1_000_000
"""Nodes a YAML document may reach through its aliases ("billion laughs" stops here)."""


_FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML has it (five times faster). Aliases are checked after
loading, by counting the expanded size without expanding (:func:`_expanded_size`)."""


def _expanded_size(data: Any) -> int:
    """Nodes of the document with every alias expanded, counted without expanding (each
    shared node once, by identity); ValueError for an alias that contains itself."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        node, children_done = stack.pop()
        if not isinstance(node, (dict, list)) or (id(node) in sizes and not children_done):
            continue
        children = list(node.values()) if isinstance(node, dict) else node
        if children_done:
            open_nodes.discard(id(node))
            total = 1
            for child in children:
                total += sizes.get(id(child), 1) if isinstance(child, (dict, list)) else 1
            sizes[id(node)] = min(total, MAX_EXPANDED_NODES + 1)
            continue
        if id(node) in open_nodes:
            raise ValueError("a YAML alias refers to the node that contains it")
        open_nodes.add(id(node))
        stack.append((node, True))
        for child in children:
            if isinstance(child, (dict, list)) and id(child) in open_nodes:
                raise ValueError("a YAML alias refers to the node that contains it")
            stack.append((child, False))
    return sizes.get(id(data), 1)


def load_document(path: Path) -> Any:
    """Read a YAML or JSON document. Anything that makes it unreadable is a ValueError with
    a one-line message (or an OSError): not a regular file, over
    :data:`MAX_DOCUMENT_BYTES`, not UTF-8, bad syntax, nested beyond the parser's
    recursion, aliases that expand it beyond :data:`MAX_EXPANDED_NODES` nodes."""
    status = path.stat()
    if not stat.S_ISREG(status.st_mode):
        raise ValueError("not a regular file")
    if status.st_size > MAX_DOCUMENT_BYTES:
        raise ValueError(f"{status.st_size} bytes, over the limit of {MAX_DOCUMENT_BYTES}")
    return parse_document(path.read_text(encoding="utf-8"), path.suffix)


def parse_document(text: str, suffix: str) -> Any:
    """The document in ``text``: JSON for the suffix ``.json``, YAML otherwise (ValueError
    as :func:`load_document` says)."""
    try:
        if suffix.lower() == ".json":
            return json.loads(text)
        loader = _FAST_LOADER(text)
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
    except RecursionError as error:
        raise ValueError("nested too deeply to read") from error
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise ValueError(f"not valid YAML: {error.problem or error.context}{where}") from error
    except yaml.YAMLError as error:
        raise ValueError(f"not valid YAML: {str(error).splitlines()[0]}") from error
    if _expanded_size(data) > MAX_EXPANDED_NODES:
        raise ValueError(f"YAML aliases expand the document beyond {MAX_EXPANDED_NODES} nodes")
    return data


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


_FOLDER_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


def open_folder(path: Path) -> int:
    """A descriptor of the output folder ``path``, made if missing; an output folder that
    is a symlink, a file or a device is refused (OutputError). Close it with ``os.close``."""
    try:
        info: os.stat_result | None = path.lstat()
    except OSError:
        info = None  # missing, or a file on the way: making it says why
    if info is not None and stat.S_ISLNK(info.st_mode):
        raise OutputError(f"output folder is a symlink (refused): {path}")
    if info is not None and stat.S_ISREG(info.st_mode):
        raise OutputError(f"output folder is a file: {path}")
    if info is not None and not stat.S_ISDIR(info.st_mode):
        raise OutputError(f"output folder is a device or a special file (refused): {path}")
    try:
        path.mkdir(parents=True, exist_ok=True)
        return os.open(path, _FOLDER_FLAGS)
    except FileExistsError as error:
        raise OutputError(f"output folder is a file: {path}") from error
    except OSError as error:
        raise OutputError(f"cannot create output folder {path}: {_reason(error)}") from error


def open_subfolder(folder: int, parts: Sequence[str], create: bool, where: Path) -> int:
    """A descriptor of ``folder``'s subfolder ``parts``, reached one name at a time and never
    through a symlink (OutputError where one is on the way; FileNotFoundError where a folder
    is missing and not ``create``)."""
    current = os.dup(folder)
    try:
        for index, name in enumerate(parts):
            if create:
                with contextlib.suppress(FileExistsError):
                    os.mkdir(name, 0o777, dir_fd=current)
            try:
                inner = os.open(name, _FOLDER_FLAGS, dir_fd=current)
            except FileNotFoundError:
                raise
            except OSError as error:
                shown = where.joinpath(*parts[: index + 1])
                if error.errno in (errno.ELOOP, errno.ENOTDIR):
                    raise OutputError(f"not a folder (a symlink or a file): {shown}") from error
                raise OutputError(f"cannot open {shown}: {_reason(error)}") from error
            os.close(current)
            current = inner
    except BaseException:
        os.close(current)
        raise
    return current


def _unchanged(folder: int, name: str, data: bytes) -> bool:
    """Whether ``name`` in ``folder`` is a regular file holding ``data`` already."""
    try:
        handle = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=folder)
    except OSError:
        return False
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(stream.fileno())
        return stat.S_ISREG(info.st_mode) and info.st_size == len(data) and stream.read() == data


def write_in(folder: int, name: str, data: bytes, shown: Path) -> bool:
    """Write ``name`` in the folder of descriptor ``folder`` atomically (a temporary file
    beside it, flushed to disk, renamed over it): a reader sees the old file or the new one,
    and an interrupted write leaves the old file and no temporary file. Nothing is followed:
    a symlink at ``name`` is replaced, never written through; a folder there is refused. A
    file whose content is unchanged is not touched. True when the file was written."""
    if _unchanged(folder, name, data):
        return False
    with contextlib.suppress(OSError):
        if stat.S_ISDIR(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode):
            raise OutputError(f"output path is a folder: {shown}")
    temporary = f".{name[:100]}.{secrets.token_hex(6)}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        handle = os.open(temporary, flags, 0o666, dir_fd=folder)  # the umask applies
    except OSError as error:
        raise OutputError(f"cannot write in {shown.parent}: {_reason(error)}") from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=folder)
        if isinstance(error, OSError):
            raise OutputError(f"cannot write {shown}: {_reason(error)}") from error
        raise
    return True


def write_text(path: Path, text: str) -> bool:
    """Write one output file atomically (see :func:`write_in`); its folder is made if
    missing. ``path`` naming a symlink or anything but a regular file is refused."""
    with contextlib.suppress(OSError):
        info = path.lstat()
        if stat.S_ISDIR(info.st_mode):
            raise OutputError(f"output path is a folder: {path}")
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(f"output path is a symlink or a device (refused): {path}")
    folder = open_folder(path.parent)
    try:
        return write_in(folder, path.name, text.encode("utf-8"), path)
    finally:
        os.close(folder)


def remove_stale_temporaries(folder: int) -> None:
    """Remove the temporary files an interrupted write left in ``folder`` (regular files
    named as :func:`write_in` names them), in every subfolder too (never through a symlink)."""
    for entry in os.scandir(folder):
        if entry.is_dir(follow_symlinks=False):
            with contextlib.suppress(OSError):
                inner = os.open(entry.name, _FOLDER_FLAGS, dir_fd=folder)
                try:
                    remove_stale_temporaries(inner)
                finally:
                    os.close(inner)
        elif _TEMPORARY.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):
                os.unlink(entry.name, dir_fd=folder)


_TEMPORARY = re.compile(r"\..+\.[0-9a-f]{12}\.tmp")


def same_bytes(first: Path, second: Path) -> bool:
    """Whether two regular files hold the same bytes (False where either cannot be read)."""
    try:
        if not (first.is_file() and second.is_file()):
            return False
        if first.stat().st_size != second.stat().st_size:
            return False
        return first.read_bytes() == second.read_bytes()
    except OSError:
        return False
