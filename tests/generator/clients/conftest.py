"""Fixtures of the client tests: generated corpus clients, and the figures they report."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .support import FIGURES, GeneratedClients


@pytest.fixture(scope="session")
def generated_clients(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GeneratedClients]:
    clients = GeneratedClients(tmp_path_factory.mktemp("clients"))
    yield clients
    clients.forget_all()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        terminalreporter.section("generated clients: figures")
        for line in FIGURES:
            terminalreporter.write_line(line)
