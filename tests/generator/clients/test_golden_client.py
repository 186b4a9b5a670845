"""The client of the built-in example against its committed golden tree, and the client
that ``doc2openapi build`` writes: byte-identical under different hash seeds.

After a deliberate change of the output: ``python tests/generator/clients/regen_golden.py``,
then read ``git diff tests/generator/clients/golden`` before committing it.
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest

from doc2openapi.generator import GeneratedProject
from tests.helpers.hostile_specs import package_of

from .regen_golden import EXAMPLES, GOLDEN, example_client

REGENERATE = "python tests/generator/clients/regen_golden.py"
HASH_SEEDS = ("0", "271828")


def tree(root: Path) -> dict[PurePosixPath, bytes]:
    """Every file under ``root`` by relative path, without caches tools leave behind."""
    files = {}
    for path in sorted(root.rglob("*")):
        relative = PurePosixPath(path.relative_to(root).as_posix())
        cache = any(part.startswith(".") or part == "__pycache__" for part in relative.parts)
        if path.is_file() and not cache:
            files[relative] = path.read_bytes()
    return files


def differences(expected: dict[PurePosixPath, bytes], actual: dict[PurePosixPath, bytes]) -> str:
    """A unified diff of the files that differ ("" when the trees are identical)."""
    if sorted(expected) != sorted(actual):
        missing, extra = sorted(set(expected) - set(actual)), sorted(set(actual) - set(expected))
        return f"file set differs: missing {missing}, unexpected {extra}"
    diffs: list[str] = []
    for path, content in expected.items():
        if actual[path] != content:
            diffs.extend(
                difflib.unified_diff(
                    content.decode().splitlines(keepends=True),
                    actual[path].decode().splitlines(keepends=True),
                    f"golden/{path}",
                    f"generated/{path}",
                )
            )
    return "".join(diffs)


@pytest.fixture(scope="module")
def wss_project() -> GeneratedProject:
    return example_client("wss")


def test_the_example_client_matches_the_golden_tree(wss_project: GeneratedProject) -> None:
    generated = {path: text.encode("utf-8") for path, text in wss_project.files.items()}
    problems = differences(tree(GOLDEN / "wss"), generated)
    assert not problems, f"the wss client differs from its golden tree ({REGENERATE}):\n{problems}"


def test_the_golden_tree_passes_ruff_and_mypy_strict(
    wss_project: GeneratedProject, tmp_path: Path
) -> None:
    """Checked on a copy, so that the tools leave no cache in the repository."""
    copy = tmp_path / "wss"
    shutil.copytree(GOLDEN / "wss", copy)
    package = package_of(wss_project)
    for arguments in (
        ["ruff", "check", "--no-cache", "."],
        ["ruff", "format", "--check", "--no-cache", "."],
        ["mypy", "--strict", "--cache-dir", str(tmp_path / "mypy-cache"), package],
    ):
        result = subprocess.run(
            [sys.executable, "-m", *arguments],
            cwd=copy,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def doc2openapi_command() -> list[str]:
    script = Path(sys.executable).parent / "doc2openapi"
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "from doc2openapi.cli import main; main()"]


def build(out_dir: Path, seed: str, cwd: Path) -> dict[PurePosixPath, bytes]:
    """``doc2openapi build examples/export -o OUT_DIR`` in a fresh process; the client tree."""
    command = [*doc2openapi_command(), "build", str(EXAMPLES["wss"]), "-o", str(out_dir)]
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run(
        [*command, "--no-cache"],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return tree(out_dir / "client")


def test_build_gives_identical_client_trees_under_different_hash_seeds(tmp_path: Path) -> None:
    trees = [build(tmp_path / f"out-{seed}", seed, tmp_path) for seed in HASH_SEEDS]
    assert trees[0], "build wrote no client"
    assert not differences(trees[0], trees[1]), differences(trees[0], trees[1])
    problems = differences(tree(GOLDEN / "wss"), trees[0])
    assert not problems, f"build's client differs from the golden tree ({REGENERATE}):\n{problems}"
