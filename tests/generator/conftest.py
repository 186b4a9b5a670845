"""Shared fixtures: fixture documents, generated projects, and importing them."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from doc2openapi.generator import GeneratedProject, GeneratorOptions, generate
from doc2openapi.generator.output import write_project
from tests.helpers.hostile_specs import package_of

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"


def load_fixture(name: str) -> dict[str, Any]:
    with (FIXTURES / f"{name}.yaml").open(encoding="utf-8") as handle:
        document: dict[str, Any] = yaml.safe_load(handle)
    return document


def import_project(project: GeneratedProject, directory: Path) -> ModuleType:
    """Write the project under ``directory`` and import its package from there."""
    write_project(project, directory, check=False)
    sys.path.insert(0, str(directory))
    importlib.invalidate_caches()
    return importlib.import_module(package_of(project))


def forget_package(name: str, directory: Path) -> None:
    for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
        del sys.modules[module]
    if str(directory) in sys.path:
        sys.path.remove(str(directory))


@pytest.fixture(scope="session")
def petstore_spec() -> dict[str, Any]:
    return load_fixture("petstore")


@pytest.fixture(scope="session")
def hostile_spec() -> dict[str, Any]:
    return load_fixture("hostile")


@pytest.fixture(scope="session")
def petstore_project(petstore_spec: dict[str, Any]) -> GeneratedProject:
    return generate(petstore_spec, GeneratorOptions())


@pytest.fixture(scope="session")
def hostile_project(hostile_spec: dict[str, Any]) -> GeneratedProject:
    return generate(hostile_spec, GeneratorOptions())


@pytest.fixture(scope="session")
def petstore_dir(
    petstore_project: GeneratedProject, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    directory = tmp_path_factory.mktemp("petstore")
    write_project(petstore_project, directory, check=False)
    return directory


@pytest.fixture(scope="session")
def hostile_dir(
    hostile_project: GeneratedProject, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    directory = tmp_path_factory.mktemp("hostile")
    write_project(hostile_project, directory, check=False)
    return directory


@pytest.fixture(scope="session")
def petstore(petstore_project: GeneratedProject, petstore_dir: Path) -> Iterator[ModuleType]:
    """The generated petstore package, imported."""
    package = import_project(petstore_project, petstore_dir)
    yield package
    forget_package(package.__name__, petstore_dir)


@pytest.fixture(scope="session")
def hostile(hostile_project: GeneratedProject, hostile_dir: Path) -> Iterator[ModuleType]:
    """The generated package of the hostile document, imported."""
    package = import_project(hostile_project, hostile_dir)
    yield package
    forget_package(package.__name__, hostile_dir)
