"""What the client tests share: the corpus specs (scraped once per session), the operations of
a spec computed from the document itself, and the figures printed after the run."""

from __future__ import annotations

import functools
import importlib
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from doc2openapi.generator import GeneratedProject, GeneratorOptions, generate
from doc2openapi.generator.output import write_project
from doc2openapi.pipeline import ScrapeOutcome, scrape
from tests.helpers.golden_contracts import HTTP_METHODS
from tests.helpers.hostile_specs import package_of
from tests.helpers.inputs import corpus_dir

SERVICES = {
    "dcs": "portal/dcs/api-ref",
    "ecs": "doc-exports/ecs/api-ref",
    "elb": "doc-exports/elb/api-ref",
}
"""The services every client test runs on."""
FOLDERS = {**SERVICES, "evs": "portal/evs/api-ref"}
"""Every service a client test may generate (the Prism test runs on EVS too)."""
FIGURES: list[str] = []
"""Lines printed in the terminal summary (see ``conftest.pytest_terminal_summary``)."""


def figure(line: str) -> None:
    FIGURES.append(line)


@functools.cache
def _scraped(folder: Path) -> ScrapeOutcome:
    return scrape([folder])


def scraped_folder(relative: str) -> ScrapeOutcome:
    """The scrape of a corpus folder, once per session; a skip when the corpus is absent."""
    return _scraped(corpus_dir(relative))


def scraped(service: str) -> ScrapeOutcome:
    """The scrape of a corpus service, once per session; a skip when the corpus is absent."""
    return scraped_folder(FOLDERS[service])


@dataclass(frozen=True)
class SpecOperation:
    method: str
    path: str
    operation_id: str
    node: Mapping[str, Any]

    @property
    def pages(self) -> frozenset[str]:
        """The pages the operation was scraped from (its ``x-source``)."""
        return frozenset(str(self.node.get("x-source", "")).split())


def spec_operations(document: Mapping[str, Any]) -> Iterator[SpecOperation]:
    for path, item in document["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                node = item[method]
                yield SpecOperation(method.upper(), path, node["operationId"], node)


_ACRONYM = re.compile(r"([A-Z]+)([A-Z][a-z])")
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_SEPARATORS = re.compile(r"[^0-9A-Za-z]+")


def snake_case(operation_id: str) -> str:
    """``ListELBPools`` gives ``list_elb_pools``; written here so the test does not ask the
    generator what it named things."""
    spaced = _CAMEL.sub(r"\1_\2", _ACRONYM.sub(r"\1_\2", operation_id))
    return _SEPARATORS.sub("_", spaced).strip("_").lower()


@dataclass(frozen=True)
class GeneratedClient:
    service: str
    outcome: ScrapeOutcome
    project: GeneratedProject
    directory: Path
    """The project folder: pyproject.toml, README.md and the package."""

    @property
    def document(self) -> dict[str, Any]:
        return self.outcome.spec.document

    @property
    def package(self) -> str:
        return package_of(self.project)

    def module(self, name: str = "") -> ModuleType:
        """A module of the package, imported in this process from ``directory``."""
        if str(self.directory) not in sys.path:
            sys.path.insert(0, str(self.directory))
            importlib.invalidate_caches()
        return importlib.import_module(f"{self.package}.{name}" if name else self.package)

    def forget(self) -> None:
        for loaded in [m for m in sys.modules if m.split(".")[0] == self.package]:
            del sys.modules[loaded]
        if str(self.directory) in sys.path:
            sys.path.remove(str(self.directory))


class GeneratedClients:
    """Generates the client of each corpus service once, under one folder.

    ``folders`` names the corpus folder of each service (``FOLDERS`` unless given).
    """

    def __init__(self, root: Path, folders: Mapping[str, str] = FOLDERS) -> None:
        self._root = root
        self._folders = folders
        self._clients: dict[str, GeneratedClient] = {}

    def __call__(self, service: str) -> GeneratedClient:
        if service not in self._clients:
            outcome = scraped_folder(self._folders[service])
            project = generate(outcome.spec.document, GeneratorOptions())
            directory = self._root / service
            write_project(project, directory, check=False)
            self._clients[service] = GeneratedClient(service, outcome, project, directory)
        return self._clients[service]

    def forget_all(self) -> None:
        for client in self._clients.values():
            client.forget()
