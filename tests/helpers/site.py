"""A documentation site on 127.0.0.1 for the crawler's tests and benchmark: it serves a
folder of pages with ETags, answers ``If-None-Match`` with 304, counts every request, and
can be told to misbehave on chosen paths."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

Behaviour = Callable[["SiteHandler"], bool]
"""Answers a request itself (True) or lets the site serve the file (False)."""


@dataclass
class Served:
    """One request as the site saw it."""

    path: str
    status: int
    body_bytes: int
    user_agent: str


@dataclass
class SiteState:
    root: Path
    pages: dict[str, bytes] = field(default_factory=dict)
    """Pages served instead of (or besides) the files, by URL path."""
    behaviours: dict[str, Behaviour] = field(default_factory=dict)
    log: list[Served] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, path: str, status: int, size: int, agent: str) -> None:
        with self.lock:
            self.log.append(Served(path, status, size, agent))

    def take_log(self) -> list[Served]:
        with self.lock:
            taken, self.log = self.log, []
        return taken


class SiteHandler(BaseHTTPRequestHandler):
    state: SiteState
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the site's log is :attr:`SiteState.log`."""

    @property
    def url_path(self) -> str:
        return unquote(urlsplit(self.path).path)

    def send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        """Answer; the answer is in the log before the client can have it."""
        self.state.record(self.url_path, status, len(body), self.headers.get("User-Agent", ""))
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:
        behaviour = self.state.behaviours.get(self.url_path)
        if behaviour is not None and behaviour(self):
            return
        body = self._content()
        if body is None:
            self.send(404, b"not found", {"Content-Type": "text/plain"})
            return
        etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send(304, headers={"ETag": etag})
            return
        kind = "text/html; charset=utf-8" if self.url_path.endswith(".html") else "text/plain"
        self.send(200, body, {"ETag": etag, "Content-Type": kind})

    def _content(self) -> bytes | None:
        path = self.url_path
        if path.endswith("/"):
            path += "index.html"
        if path in self.state.pages:
            return self.state.pages[path]
        file = (self.state.root / path.lstrip("/")).resolve()
        if not file.is_relative_to(self.state.root.resolve()) or not file.is_file():
            return None
        return file.read_bytes()


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hung up (a timeout, a page over the size cap) is no error here."""


@contextmanager
def serve_site(root: Path) -> Iterator[tuple[str, SiteState]]:
    """A site serving ``root`` at its origin (``http://127.0.0.1:PORT``), and its state."""
    state = SiteState(root)
    handler = type("Handler", (SiteHandler,), {"state": state})
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
