"""Outputs are written atomically or not at all; unwritable outputs are one-line exit 3;
documents read back (``validate``, ``generate``) cannot hang or exhaust the process."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from doc2openapi.files import OutputError, load_document, write_text
from tests.helpers.inputs import EXAMPLES

COMMAND = [sys.executable, "-m", "doc2openapi.cli"]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, *map(str, args)], check=False, capture_output=True, text=True, timeout=300
    )


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# ---------------------------------------------------------------------------- write_text


def test_write_creates_folders_and_respects_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "spec.yaml"
    assert write_text(target, "openapi: 3.0.3\n")
    assert target.read_text() == "openapi: 3.0.3\n"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert leftovers(target.parent) == []


def test_unchanged_content_is_not_rewritten(tmp_path: Path) -> None:
    target = tmp_path / "spec.yaml"
    write_text(target, "same\n")
    os.utime(target, (1_000_000, 1_000_000))
    assert not write_text(target, "same\n")
    assert target.stat().st_mtime == 1_000_000
    assert write_text(target, "changed\n")
    assert target.read_text() == "changed\n"


@pytest.mark.parametrize(
    "failure", [OSError(28, "No space left on device"), KeyboardInterrupt()], ids=repr
)
def test_interrupted_replace_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    target = tmp_path / "spec.yaml"
    target.write_text("old\n")

    def interrupted(source: str, destination: str, **_: object) -> None:
        raise failure

    monkeypatch.setattr(os, "replace", interrupted)
    expected = OutputError if isinstance(failure, OSError) else KeyboardInterrupt
    with pytest.raises(expected) as raised:
        write_text(target, "new\n")
    if expected is OutputError:
        assert str(raised.value) == f"cannot write {target}: No space left on device"
    assert target.read_text() == "old\n"
    assert leftovers(tmp_path) == []


def test_failure_while_writing_the_data_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"
    target.write_text("{}\n")

    def disk_error(descriptor: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", disk_error)
    with pytest.raises(OutputError, match="Input/output error"):
        write_text(target, '{"a": 1}\n')
    assert target.read_text() == "{}\n"
    assert leftovers(tmp_path) == []


def test_output_folder_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("a file")
    with pytest.raises(OutputError, match="output folder is a file"):
        write_text(tmp_path / "out" / "spec.yaml", "x")
    with pytest.raises(OutputError, match="cannot create output folder"):
        write_text(tmp_path / "out" / "deeper" / "spec.yaml", "x")


def test_output_path_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").mkdir()
    with pytest.raises(OutputError, match="output path is a folder"):
        write_text(tmp_path / "spec.yaml", "x")


def test_read_only_places(tmp_path: Path) -> None:
    """/proc and /sys refuse new files even to root (chmod does not stop root)."""
    for place in (Path("/proc"), Path("/sys")):
        if not place.is_dir():
            continue
        with pytest.raises(OutputError, match="cannot"):
            write_text(place / "doc2openapi-test" / "spec.yaml", "x")
        with pytest.raises(OutputError, match="cannot"):
            write_text(place / "doc2openapi-test.yaml", "x")


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: a read-only mode does not stop root (see test_read_only_places)",
)
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "spec.yaml").write_text("old\n")
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="cannot write"):
            write_text(folder / "spec.yaml", "new\n")
        assert (folder / "spec.yaml").read_text() == "old\n"
    finally:
        folder.chmod(0o700)


# ---------------------------------------------------------------------------- command line


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["scrape", EXAMPLES / "export", "-o", "{file}/spec.yaml"], "output folder is a file"),
        (["scrape", EXAMPLES / "export", "-o", "{tmp}/folder.yaml"], "output path is a folder"),
        (["scrape", EXAMPLES / "export", "-o", "/proc/doc2openapi/spec.yaml"], "cannot"),
        (
            ["scrape", EXAMPLES / "export", "-o", "{tmp}/s.yaml", "--report", "/sys/r.json"],
            "cannot write in /sys",
        ),
        (["build", EXAMPLES / "export", "-o", "{file}"], "output folder is a file"),
        (["build", EXAMPLES / "export", "-o", "/proc/doc2openapi"], "cannot"),
    ],
)
def test_unwritable_output_is_exit_3_in_one_line(
    tmp_path: Path, args: list[str | Path], message: str
) -> None:
    (tmp_path / "file").write_text("a file")
    (tmp_path / "folder.yaml").mkdir()
    filled = [str(a).format(file=tmp_path / "file", tmp=tmp_path) for a in args]
    result = run(*filled)
    assert result.returncode == 3, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("doc2openapi:")]
    assert len(errors) == 1 and message in errors[0], result.stderr
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------------------- reading back


def billion_laughs_yaml() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 10)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("lol.yaml", billion_laughs_yaml(), "aliases expand the document beyond"),
        ("self.yaml", "a: &a [1, *a]\n", "refers to the node that contains it"),
        ("self-map.yaml", "a: &a {b: *a}\n", "refers to the node that contains it"),
        ("bad.yaml", "a: [1,\n", "not valid YAML"),
        ("tabs.yaml", "a:\n\t- b\n", "not valid YAML"),
        ("deep.json", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ("deep.yaml", "[" * 20_000 + "]" * 20_000, "nested too deeply|maximum nesting depth"),
        ("bad.json", '{"a": 1,}', "Expecting property name"),
    ],
)
def test_hostile_documents_are_refused(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(ValueError, match=message):
        load_document(path)


def test_aliases_within_the_limit_are_read(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text("base: &b {x: 1}\nc: *b\nd: {<<: *b, y: 2}\n")
    assert load_document(path) == {"base": {"x": 1}, "c": {"x": 1}, "d": {"x": 1, "y": 2}}


def test_special_files_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ValueError, match="not a regular file"):
        load_document(fifo)
    (tmp_path / "folder.yaml").mkdir()
    with pytest.raises(ValueError, match="not a regular file"):
        load_document(tmp_path / "folder.yaml")


def test_validate_reports_hostile_documents_in_one_line(tmp_path: Path) -> None:
    paths = []
    for name, content in (("lol.yaml", billion_laughs_yaml()), ("bad.yaml", "a: [\n")):
        (tmp_path / name).write_text(content)
        paths.append(tmp_path / name)
    os.mkfifo(tmp_path / "pipe.yaml")
    paths.append(tmp_path / "pipe.yaml")
    result = run("validate", *paths)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 3
    assert all("not readable as YAML or JSON" in line for line in lines)
