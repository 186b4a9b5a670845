"""A Prism mock server for one spec, and httpx transports that record (and may corrupt) what
goes over the wire. Used by ``test_prism_e2e``.

Prism comes from ``tools/consumers`` (``tools/install-consumers.sh``), ``$PRISM_BIN`` or the
PATH; without it the tests skip and say so (fail under ``DOC2OPENAPI_REQUIRE_CONSUMERS=1``).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

REPO = Path(__file__).resolve().parents[3]
CONSUMERS_PRISM = REPO / "tools" / "consumers" / "node_modules" / ".bin" / "prism"
STARTUP_SECONDS = 90.0


def prism_binary() -> str:
    """Where Prism is, or a skip (a failure in CI) that says how to get it."""
    candidates = [os.environ.get("PRISM_BIN", ""), str(CONSUMERS_PRISM), shutil.which("prism")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    message = (
        "PRISM NOT FOUND: the end-to-end test of the generated client against a mock server "
        "did not run. Install it with tools/install-consumers.sh (tools/consumers), put "
        "`prism` on the PATH, or set PRISM_BIN (npm install --prefix DIR @stoplight/prism-cli)."
    )
    if os.environ.get("DOC2OPENAPI_REQUIRE_CONSUMERS") == "1":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Prism:
    base_url: str
    process: subprocess.Popen[bytes]
    log: Path

    def log_tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-4000:]


def wait_until_ready(prism: Prism) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if prism.process.poll() is not None:
            pytest.fail(f"prism exited with {prism.process.returncode}:\n{prism.log_tail()}")
        try:
            httpx.get(prism.base_url + "/", timeout=2.0)
        except httpx.TransportError:
            time.sleep(0.25)
        else:
            return
    pytest.fail(f"prism did not answer within {STARTUP_SECONDS:.0f} s:\n{prism.log_tail()}")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop Prism and whatever it started (its own process group)."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@contextmanager
def running_prism(document: Mapping[str, Any], folder: Path) -> Iterator[Prism]:
    """``prism mock --errors`` serving ``document`` on a free local port."""
    binary = prism_binary()
    spec = folder / "openapi.json"
    spec.write_text(json.dumps(document, indent=1), encoding="utf-8")
    port = free_port()
    log = folder / "prism.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [binary, "mock", str(spec), "-h", "127.0.0.1", "-p", str(port), "--errors"],
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    server = Prism(f"http://127.0.0.1:{port}", process, log)
    try:
        wait_until_ready(server)
        yield server
    finally:
        stop(process)


@dataclass(frozen=True)
class Exchange:
    method: str
    url: str
    status: int
    violations: str
    """Prism's ``sl-violations`` header: a JSON list of what the request got wrong."""

    @property
    def errors(self) -> list[Any]:
        """The violations of severity ``Error`` (warnings do not make Prism reject)."""
        found = json.loads(self.violations) if self.violations else []
        return [
            item for item in found if not isinstance(item, dict) or item.get("severity") == "Error"
        ]


@dataclass
class Recorder:
    """What went over the wire, as Prism saw it."""

    exchanges: list[Exchange] = field(default_factory=list)

    def record(self, request: httpx.Request, response: httpx.Response) -> None:
        violations = response.headers.get("sl-violations", "")
        self.exchanges.append(
            Exchange(request.method, str(request.url), response.status_code, violations)
        )

    @property
    def last(self) -> Exchange:
        return self.exchanges[-1]


Corruption = Callable[[Any], Any]
"""Turns the JSON body Prism sent into another one."""


def _corrupted(response: httpx.Response, corrupt: Corruption | None) -> httpx.Response:
    """The response with its JSON body replaced by ``corrupt(body)`` (others unchanged)."""
    if corrupt is None or "json" not in response.headers.get("content-type", ""):
        return response
    body = corrupt(json.loads(response.content))
    headers = [
        (name, value)
        for name, value in response.headers.multi_items()
        if name.lower() not in ("content-length", "content-encoding", "transfer-encoding")
    ]
    return httpx.Response(response.status_code, headers=headers, json=body)


class RecordingTransport(httpx.HTTPTransport):
    def __init__(self, recorder: Recorder, corrupt: Corruption | None = None) -> None:
        super().__init__()
        self._recorder = recorder
        self._corrupt = corrupt

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        response.read()
        self._recorder.record(request, response)
        return _corrupted(response, self._corrupt)


class AsyncRecordingTransport(httpx.AsyncHTTPTransport):
    def __init__(self, recorder: Recorder) -> None:
        super().__init__()
        self._recorder = recorder

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await super().handle_async_request(request)
        self._recorder.record(request, response)
        return response
