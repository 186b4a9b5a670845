"""The generated clients of three real services: installed in a fresh virtualenv, imported
there, one method per operation (ruff and ``mypy --strict`` on the client of every corpus
folder: ``test_corpus_clients.py``).

The virtualenv gets pydantic and httpx once per session; each client is then installed with
``--no-deps``, so ``pip check`` proves that the client asks for nothing else, and ``pip list``
that nothing else came along.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .support import (
    SERVICES,
    GeneratedClient,
    GeneratedClients,
    figure,
    snake_case,
    spec_operations,
)

RUNTIME_REQUIREMENTS = ("pydantic>=2.6", "httpx>=0.27")
# What may be in the fresh virtualenv besides the clients: the installers, the two runtime
# dependencies, and theirs.
ALLOWED_DISTRIBUTIONS = frozenset(
    """
    pip setuptools pydantic pydantic-core httpx annotated-types typing-extensions
    typing-inspection anyio certifi httpcore h11 idna sniffio
    """.split()
)
LIFECYCLE = {"Client": {"close", "config"}, "AsyncClient": {"aclose", "config"}}

# Run inside the fresh virtualenv: imports every module of the package and describes the
# public attributes of both clients.
INTROSPECT = """
import importlib, importlib.metadata, inspect, json, sys
package, distribution = sys.argv[1], sys.argv[2]
root = importlib.import_module(package)
for name in ("_runtime", "auth", "client", "config", "errors", "models"):
    importlib.import_module(f"{package}.{name}")
client = importlib.import_module(f"{package}.client")

def kind(value):
    if isinstance(value, property):
        return "property"
    if inspect.iscoroutinefunction(value):
        return "coroutine"
    if inspect.isasyncgenfunction(value):
        return "async generator"
    if inspect.isgeneratorfunction(value):
        return "generator"
    return "function" if inspect.isfunction(value) else type(value).__name__

classes = {}
for cls in (root.Client, root.AsyncClient):
    classes[cls.__name__] = {
        name: {"kind": kind(inspect.getattr_static(cls, name)),
               "doc": inspect.getdoc(getattr(cls, name)) or ""}
        for name in dir(cls) if not name.startswith("_")
    }
print(json.dumps({
    "file": root.__file__,
    "requires": importlib.metadata.requires(distribution),
    "classes": classes,
}))
"""


def run(command: list[str | Path], cwd: Path | None = None) -> str:
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{' '.join(map(str, command))}:\n{result.stdout}{result.stderr}"
    return result.stdout


@dataclass
class FreshVenv:
    root: Path
    installed: dict[str, str]
    """Client distribution name by service."""

    @property
    def python(self) -> Path:
        return self.root / "bin" / "python"

    def pip(self, *arguments: str | Path) -> str:
        return run([self.python, "-m", "pip", "--disable-pip-version-check", *arguments])


@pytest.fixture(scope="session")
def fresh_venv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FreshVenv]:
    root = tmp_path_factory.mktemp("fresh-venv")
    run([sys.executable, "-m", "venv", root])
    venv = FreshVenv(root, {})
    venv.pip("install", "--quiet", *RUNTIME_REQUIREMENTS)
    yield venv


def distribution_of(client: GeneratedClient) -> str:
    with (client.directory / "pyproject.toml").open("rb") as handle:
        name: str = tomllib.load(handle)["project"]["name"]
    return name


@pytest.fixture
def installed(
    request: pytest.FixtureRequest, generated_clients: GeneratedClients
) -> tuple[GeneratedClient, FreshVenv]:
    """The client of the test's service, installed (once) in the fresh virtualenv."""
    service: str = request.param
    client = generated_clients(service)  # first: skips without the corpus, before any pip
    fresh_venv: FreshVenv = request.getfixturevalue("fresh_venv")
    if service not in fresh_venv.installed:
        fresh_venv.pip("install", "--quiet", "--no-deps", client.directory)
        fresh_venv.installed[service] = distribution_of(client)
    return client, fresh_venv


def normalised(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def introspect(client: GeneratedClient, venv: FreshVenv, cwd: Path) -> dict[str, Any]:
    output = run([venv.python, "-c", INTROSPECT, client.package, distribution_of(client)], cwd)
    described: dict[str, Any] = json.loads(output)
    return described


@pytest.mark.parametrize("installed", sorted(SERVICES), indirect=True)
def test_the_client_installs_alone_and_imports_in_a_fresh_venv(
    installed: tuple[GeneratedClient, FreshVenv], tmp_path: Path
) -> None:
    client, venv = installed
    described = introspect(client, venv, tmp_path)
    assert Path(described["file"]).is_relative_to(venv.root), "imported from the wrong place"
    assert sorted(described["requires"]) == sorted(RUNTIME_REQUIREMENTS)
    venv.pip("check")
    listed = json.loads(venv.pip("list", "--format", "json"))
    present = {normalised(entry["name"]) for entry in listed}
    clients = {normalised(name) for name in venv.installed.values()}
    assert present - clients <= ALLOWED_DISTRIBUTIONS, "unexpected packages in the venv"
    assert normalised(distribution_of(client)) in present


@pytest.mark.parametrize("installed", sorted(SERVICES), indirect=True)
def test_client_methods_are_exactly_the_operations(
    installed: tuple[GeneratedClient, FreshVenv], tmp_path: Path
) -> None:
    """Each operation of the spec is one method, named after its operationId, on both clients,
    with its ``_raw`` form; besides them there are only the lifecycle members and the
    ``iter_`` paginators."""
    client, venv = installed
    operations = list(spec_operations(client.document))
    expected = {snake_case(op.operation_id): op for op in operations}
    assert len(expected) == len(operations), "two operationIds give the same method name"
    described = introspect(client, venv, tmp_path)
    paginators = 0
    for class_name, members in described["classes"].items():
        methods = set(members) - LIFECYCLE[class_name]
        iterators = {name for name in methods if name.startswith("iter_")}
        raw = {f"{name}_raw" for name in expected}
        assert {name.removeprefix("iter_") for name in iterators} <= set(expected)
        assert methods - iterators == set(expected) | raw, f"{class_name} methods differ"
        wanted = "coroutine" if class_name == "AsyncClient" else "function"
        for name, op in expected.items():
            assert members[name]["kind"] == wanted, f"{class_name}.{name}"
            assert members[f"{name}_raw"]["kind"] == wanted, f"{class_name}.{name}_raw"
            doc = " ".join(members[name]["doc"].split())
            assert f"``{op.method} {op.path}``" in doc, f"{class_name}.{name} wraps another request"
        paginators = len(iterators)
    figure(
        f"{client.service}: {len(operations)} operations = {len(expected)} methods on Client and "
        f"on AsyncClient, each with its _raw form (+ {paginators} iter_ paginators)"
    )
