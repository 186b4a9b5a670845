"""The generated client of every folder of the corpus: clean under ruff and ``mypy --strict``,
and importable where only pydantic and httpx (and what they require) are installed.

The import runs in ``python -I -S`` that sees a folder of links to those distributions, the
client and the standard library, nothing else: the test's virtualenv (doc2openapi, jinja2, ...)
is out of reach, and a module loaded from anywhere else is reported. mypy runs once per folder
with one cache for the whole module, so the standard library, pydantic and httpx are analysed
once (the cache checks each client's files by path and hash: clients of one service under two
folders do not mix).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.inputs import corpus_dir
from tests.helpers.runtime_only import import_only, link_distributions

from .support import GeneratedClient, GeneratedClients

CORPUS_FOLDERS = (
    "doc-exports/dcs",
    "doc-exports/ecs",
    "doc-exports/elb",
    "history/cce-798aa69",
    "portal/as",
    "portal/bms",
    "portal/cbr",
    "portal/cce",
    "portal/dcs",
    "portal/evs",
    "portal/functiongraph",
    "portal/iam",
    "portal/kms",
    "portal/mrs",
    "portal/nat",
    "portal/obs",
    "portal/smn",
)
"""Every folder of the corpus's HTML formats (the tables of its README)."""
CHECKED_GROUPS = ("doc-exports", "history", "portal")
RUNTIME = ("pydantic", "httpx")


@pytest.fixture(scope="module")
def corpus_clients(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GeneratedClients]:
    folders = {folder: f"{folder}/api-ref" for folder in CORPUS_FOLDERS}
    clients = GeneratedClients(tmp_path_factory.mktemp("corpus-clients"), folders)
    yield clients
    clients.forget_all()


@pytest.fixture(scope="module")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mypy-cache")


@pytest.fixture(scope="module")
def runtime_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding only pydantic, httpx and what they require."""
    folder = tmp_path_factory.mktemp("runtime-only")
    linked = link_distributions(RUNTIME, folder)
    assert {"pydantic", "pydantic_core", "httpx", "httpcore"} <= linked
    return folder


def run(arguments: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *arguments], cwd=cwd, capture_output=True, text=True, check=False
    )


def modules_of(client: GeneratedClient) -> list[str]:
    """Every module of the client's package, by dotted name."""
    root = client.directory / client.package
    return sorted(
        ".".join((client.package, *path.relative_to(root).with_suffix("").parts)).removesuffix(
            ".__init__"
        )
        for path in root.rglob("*.py")
    )


def test_every_corpus_folder_is_checked() -> None:
    root = corpus_dir(".")
    present = {
        f"{group}/{entry.name}"
        for group in CHECKED_GROUPS
        for entry in (root / group).iterdir()
        if entry.is_dir()
    }
    assert present == set(CORPUS_FOLDERS)


@pytest.mark.parametrize("folder", CORPUS_FOLDERS)
def test_client_passes_ruff(folder: str, corpus_clients: GeneratedClients) -> None:
    client = corpus_clients(folder)
    for arguments in (["check", "--no-cache", "."], ["format", "--check", "--no-cache", "."]):
        result = run(["ruff", *arguments], client.directory)
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("folder", CORPUS_FOLDERS)
def test_client_passes_mypy_strict(
    folder: str, corpus_clients: GeneratedClients, mypy_cache: Path
) -> None:
    client = corpus_clients(folder)
    arguments = ["mypy", "--strict", "--cache-dir", str(mypy_cache), "-p", client.package]
    result = run(arguments, client.directory)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("folder", CORPUS_FOLDERS)
def test_client_imports_with_only_pydantic_and_httpx(
    folder: str, corpus_clients: GeneratedClients, runtime_only: Path, tmp_path: Path
) -> None:
    client = corpus_clients(folder)
    modules = modules_of(client)
    assert f"{client.package}.client" in modules
    result = import_only([client.directory, runtime_only], modules, tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["outside"] == [], "modules loaded from outside the runtime-only folders"
    assert {"pydantic", "httpx", client.package} <= set(report["roots"])


@pytest.mark.parametrize("dependency", ["doc2openapi", "jinja2"])
def test_the_runtime_only_python_sees_no_other_package(
    dependency: str, runtime_only: Path, tmp_path: Path
) -> None:
    """A client that needed the generator (or one of its dependencies) would fail to import."""
    package = tmp_path / "leaky_client"
    package.mkdir()
    (package / "__init__.py").write_text(f"import pydantic\nimport {dependency}\n")
    result = import_only([tmp_path, runtime_only], ["leaky_client"], tmp_path)
    assert result.returncode != 0
    assert f"No module named '{dependency}'" in result.stderr
