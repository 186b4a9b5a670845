"""Outputs cannot be turned against the user (issue 12): a folder that is not ours is not
written into, files we did not write are never replaced or deleted, nothing is written or
deleted through a symlink, a tampered or corrupt manifest is absent, two builds into one
folder do not mix, and what a killed build left is cleaned up."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from doc2openapi.files import OutputError, write_text
from doc2openapi.manifest import (
    LOCK_NAME,
    MANIFEST_NAME,
    OutputConflict,
    load_manifest,
    write_outputs,
)
from tests.helpers.command import COMMAND, run_cli
from tests.helpers.inputs import EXAMPLES, corpus_dir

EXIT_CONFLICT = 4


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def write(out: Path, outputs: dict[str, str], force: bool = False) -> None:
    write_outputs(out, outputs, "key", 0, [], force=force)


def tamper(out: Path, **files: str) -> None:
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    manifest["files"].update(files)
    (out / MANIFEST_NAME).write_text(json.dumps(manifest))


# --- never clobber -------------------------------------------------------------------------


def test_build_refuses_a_folder_of_someone_elses_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "openapi.yaml").write_text("the user's own document\n")
    refused = run_cli("build", EXAMPLES / "export", "-o", out)
    assert refused.returncode == EXIT_CONFLICT, refused.stderr
    assert "holds no manifest of doc2openapi" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert (out / "openapi.yaml").read_text() == "the user's own document\n"
    assert sorted(p.name for p in out.iterdir()) == ["openapi.yaml"]
    forced = run_cli("build", EXAMPLES / "export", "-o", out, "--force")
    assert forced.returncode == 0, forced.stderr
    assert (out / "openapi.yaml").read_text().startswith("openapi: 3.0.3")


def test_generate_does_not_replace_a_projects_files(tmp_path: Path) -> None:
    project = tmp_path / "proj"
    project.mkdir()
    (project / "pyproject.toml").write_text("[project]\nname = 'mine'\n")
    (project / "README.md").write_text("my project\n")
    spec = tmp_path / "spec.yaml"
    built = run_cli("build", EXAMPLES / "export", "-o", tmp_path / "built")
    assert built.returncode == 0, built.stderr
    spec.write_bytes((tmp_path / "built" / "openapi.yaml").read_bytes())
    refused = run_cli("generate", spec, "-o", project)
    assert refused.returncode == EXIT_CONFLICT, refused.stderr
    assert (project / "pyproject.toml").read_text() == "[project]\nname = 'mine'\n"
    assert (project / "README.md").read_text() == "my project\n"


def test_a_listed_file_the_user_changed_is_neither_replaced_nor_deleted(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, {"a.txt": "ours\n", "b.txt": "ours too\n"})
    (out / "a.txt").write_text("edited by the user\n")
    with pytest.raises(OutputConflict, match=r"a\.txt"):
        write(out, {"a.txt": "new\n"})
    (out / "b.txt").write_text("edited as well\n")
    (out / "a.txt").unlink()
    write(out, {"a.txt": "new\n"})  # b.txt is no output any more: it is not deleted
    assert (out / "b.txt").read_text() == "edited as well\n"


def test_a_manifest_cannot_claim_a_users_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, {"a.txt": "ours\n"})
    (out / "openapi.yaml").write_text("the user's\n")
    tamper(out, **{"openapi.yaml": sha("something else\n")})
    with pytest.raises(OutputConflict):
        write(out, {"a.txt": "ours\n", "openapi.yaml": "generated\n"})
    assert (out / "openapi.yaml").read_text() == "the user's\n"


# --- deleting ------------------------------------------------------------------------------


def test_a_flipped_symlink_never_leads_a_deletion_outside(tmp_path: Path) -> None:
    out, outside = tmp_path / "out", tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.txt").write_text("keep me\n")
    write(out, {"a.txt": "x\n", "sub/victim.txt": "keep me\n"})
    # the control: without the flip, the listed file is deleted when no longer written
    write(out, {"a.txt": "x\n"})
    assert not (out / "sub" / "victim.txt").exists()
    write(out, {"a.txt": "y\n", "sub/victim.txt": "keep me\n"})
    (out / "sub" / "victim.txt").unlink()
    (out / "sub").rmdir()
    (out / "sub").symlink_to(outside)
    write(out, {"a.txt": "z\n"})
    assert (outside / "victim.txt").read_text() == "keep me\n"


def test_only_regular_files_are_deleted(tmp_path: Path) -> None:
    out, outside = tmp_path / "out", tmp_path / "outside.txt"
    outside.write_text("keep me\n")
    write(out, {"a.txt": "x\n", "link.txt": "keep me\n"})
    (out / "link.txt").unlink()
    (out / "link.txt").symlink_to(outside)
    write(out, {"a.txt": "x\n"})
    assert outside.read_text() == "keep me\n"
    assert (out / "link.txt").is_symlink()


@pytest.mark.parametrize(
    "text",
    [
        "{not json",
        '{"format": 1, "files": {"a\\u0000b": "' + "0" * 64 + '"}, "fingerprint": 5}',
        "\0\0\0",
        '{"format": 1, "files": ["a.txt"], "fingerprint": "", "exit_code": 0, "summary": []}',
        '{"format": 1, "files": {"a.txt": 7}, "fingerprint": "", "exit_code": 0, "summary": []}',
        '{"format": 1, "files": {}, "fingerprint": "", "exit_code": true, "summary": []}',
        "[]",
    ],
    ids=[
        "bad-json",
        "nul-and-wrong-type",
        "nul-bytes",
        "files-list",
        "digest",
        "bool-code",
        "list",
    ],
)
def test_an_unreadable_manifest_is_absent_with_a_diagnostic(tmp_path: Path, text: str) -> None:
    out = tmp_path / "out"
    write(out, {"a.txt": "x\n"})
    (out / MANIFEST_NAME).write_text(text)
    manifest, problem = load_manifest(out)
    assert manifest is None
    assert "treated as absent" in problem
    with pytest.raises(OutputConflict):  # a folder of files, and no manifest of ours
        write(out, {"b.txt": "y\n"})
    assert (out / "a.txt").read_text() == "x\n"


def test_an_unreadable_manifest_is_said_by_the_build(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_cli("build", EXAMPLES / "export", "-o", out).returncode == 0
    (out / MANIFEST_NAME).write_text("{not json")
    result = run_cli("build", EXAMPLES / "export", "-o", out)
    assert "warning" in result.stderr and "treated as absent" in result.stderr
    assert result.returncode == EXIT_CONFLICT


# --- what is written -----------------------------------------------------------------------


def test_an_output_folder_that_is_a_symlink_or_a_device_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    with pytest.raises(OutputError, match="symlink"):
        write(tmp_path / "link", {"a.txt": "x\n"})
    with pytest.raises(OutputError, match="device"):
        write(Path("/dev/null"), {"a.txt": "x\n"})
    assert list(real.iterdir()) == []
    result = run_cli("build", EXAMPLES / "export", "-o", tmp_path / "link")
    assert result.returncode == 3 and "symlink" in result.stderr


def test_writes_never_follow_a_symlink(tmp_path: Path) -> None:
    out, outside = tmp_path / "out", tmp_path / "outside"
    outside.mkdir()
    write(out, {"a.txt": "x\n"})
    (out / "client").symlink_to(outside)
    with pytest.raises(OutputError, match="not a folder"):
        write(out, {"a.txt": "x\n", "client/b.txt": "y\n"}, force=True)
    assert list(outside.iterdir()) == []
    target = tmp_path / "victim.txt"
    target.write_text("keep me\n")
    (tmp_path / "spec.yaml").symlink_to(target)
    with pytest.raises(OutputError, match="symlink"):
        write_text(tmp_path / "spec.yaml", "x")
    assert target.read_text() == "keep me\n"


def test_a_killed_builds_temporary_files_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, {"a.txt": "x\n", "client/b.txt": "y\n"})
    left = [out / ".a.txt.0123456789ab.tmp", out / "client" / ".b.txt.ba9876543210.tmp"]
    for path in left:
        path.write_text("half")
    (out / "notes.tmp").write_text("the user's")
    write(out, {"a.txt": "x\n", "client/b.txt": "y\n"})
    assert not any(path.exists() for path in left)
    assert (out / "notes.tmp").read_text() == "the user's"


def test_a_second_build_waits_for_the_first(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, {"a.txt": "first\n"})
    handle = os.open(out / LOCK_NAME, os.O_RDWR)
    fcntl.flock(handle, fcntl.LOCK_EX)  # a build in progress
    second = threading.Thread(target=write, args=(out, {"a.txt": "second\n"}))
    second.start()
    second.join(timeout=1.0)
    assert second.is_alive(), "the second build did not wait"
    assert (out / "a.txt").read_text() == "first\n"
    os.close(handle)
    second.join(timeout=30)
    assert not second.is_alive()
    assert (out / "a.txt").read_text() == "second\n"
    manifest, _ = load_manifest(out)
    assert manifest is not None and manifest.files == {"a.txt": sha("second\n")}


def _children(pid: int) -> set[int]:
    found = set()
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines())
        except (OSError, ValueError):
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.add(int(status.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_killed_build_leaves_no_worker_behind(tmp_path: Path) -> None:
    if not Path("/proc/self/status").exists():
        pytest.skip("no /proc on this system")
    folder = corpus_dir("doc-exports/ecs/api-ref")
    command = [*COMMAND, "build", str(folder), "--no-cache", "-j", "2", "-o", str(tmp_path / "o")]
    build = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while not workers and build.poll() is None and time.monotonic() < deadline:
        workers = _children(build.pid)
        time.sleep(0.05)
    if not workers:
        build.wait()
        pytest.skip("the build ended before its workers could be seen")
    build.send_signal(signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 60
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)
