"""The ``doc2openapi`` command's entry point.

When a build server of this very code is running (``doc2openapi server start``, see
:mod:`doc2openapi.server`), the commands that read pages or specs are handed to it: it has
every module imported and every validator ready, so a rebuild costs only the work that
changed. Otherwise (no server, ``DOC2OPENAPI_SERVER=off``, a server of other code, a
platform without Unix sockets) the command runs in this process, as it always does.

This module imports only the cheapest parts of the standard library: with a server
running, it is all that a rebuild loads.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import socket
import sys
from collections.abc import Sequence

from doc2openapi import __version__

ENV_SERVER = "DOC2OPENAPI_SERVER"
"""``off`` (or ``0``, ``no``, ``false``): never hand a command to a server."""
ENV_SERVER_DIR = "DOC2OPENAPI_SERVER_DIR"
"""Where servers keep their sockets and log (default: ``server/`` in the cache folder)."""
ENV_CACHE_DIR = "DOC2OPENAPI_CACHE_DIR"
DELEGATED = frozenset({"build", "scrape", "generate", "validate"})
"""The commands a server runs; the others (help, ``server``) always run here."""
MAX_SOCKET_PATH = 100
"""A Unix socket's path must fit in 108 bytes on Linux (104 on macOS)."""
MAX_FRAME = 1 << 30
"""The largest request or answer accepted (1 GiB): a bound, not an expected size."""
IDLE_TIMEOUT = 3600.0
"""Seconds without a command after which a server ends (``server start --idle-timeout``)."""


def default_cache_dir() -> str:
    """``$DOC2OPENAPI_CACHE_DIR``, else ``$XDG_CACHE_HOME/doc2openapi``, else
    ``~/.cache/doc2openapi``."""
    explicit = os.environ.get(ENV_CACHE_DIR)
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "doc2openapi")


def server_dir() -> str:
    return os.environ.get(ENV_SERVER_DIR) or os.path.join(default_cache_dir(), "server")


def identity() -> str:
    """Which code a server runs: the interpreter, the tool's version, every file of the
    package (path, size and modification time) and the installed distributions. A server
    answers only clients of the same identity, so an edited or upgraded tool (or library)
    never talks to a server that still runs the old code."""
    digest = hashlib.sha256(f"{sys.executable}\0{__version__}\n".encode())
    package = os.path.dirname(os.path.abspath(__file__))
    for root, folders, files in os.walk(package):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(root, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            relative = os.path.relpath(path, package)
            digest.update(f"{relative}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    for entry in sorted(set(sys.path)):  # the server's path may list them in another order
        if entry.endswith("-packages") and os.path.isdir(entry):
            try:
                names = sorted(n for n in os.listdir(entry) if n.endswith(".dist-info"))
            except OSError:
                continue
            digest.update(("\0".join([entry, *names]) + "\n").encode())
    return digest.hexdigest()[:20]


def socket_name(code: str) -> str:
    """The socket's file name for the code of identity ``code``."""
    return f"s-{code}.sock"


def socket_path() -> str:
    return os.path.join(server_dir(), socket_name(identity()))


def supported() -> bool:
    """Whether this platform can run a build server (Unix sockets, POSIX locks)."""
    return os.name == "posix" and hasattr(socket, "AF_UNIX")


def send_frame(connection: socket.socket, header: dict[str, object], payload: bytes = b"") -> None:
    """One message: a JSON header on one line, then ``header["size"]`` bytes of payload."""
    line = json.dumps({**header, "size": len(payload)}).encode() + b"\n"
    connection.sendall(line + payload)


def read_frame(stream: io.BufferedIOBase) -> tuple[dict[str, object], bytes] | None:
    """The next message, or None when the peer closed the connection or sent garbage."""
    line = stream.readline(1 << 20)
    if not line.endswith(b"\n"):
        return None
    try:
        header = json.loads(line)
    except ValueError:
        return None
    if not isinstance(header, dict):
        return None
    size = header.get("size", 0)
    if not isinstance(size, int) or not 0 <= size <= MAX_FRAME:
        return None
    payload = stream.read(size) if size else b""
    if len(payload) != size:
        return None
    return header, payload


def _wants_server(argv: Sequence[str]) -> bool:
    if os.environ.get(ENV_SERVER, "").strip().lower() in {"off", "0", "no", "false"}:
        return False
    return bool(argv) and argv[0] in DELEGATED and supported()


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def private(folder: str) -> bool:
    """Whether ``folder`` belongs to this user and no one else may enter it: only then is a
    socket in it a server of this user (the request carries the whole environment)."""
    try:
        info = os.stat(folder)
    except OSError:
        return False
    return info.st_uid == os.getuid() and not info.st_mode & 0o077


def usable_path(path: str) -> bool:
    """Whether a Unix socket can be bound at ``path`` (its length counts in bytes)."""
    return len(os.fsencode(path)) <= MAX_SOCKET_PATH


def _peer_is_this_user(connection: socket.socket) -> bool:
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None or not sys.platform.startswith("linux"):
        return True  # the private folder is the check (the layout below is Linux's)
    credentials = connection.getsockopt(socket.SOL_SOCKET, option, 12)
    return int.from_bytes(credentials[4:8], sys.byteorder) == os.getuid()


def _stream_settings(stream: object) -> list[str]:
    return [
        str(getattr(stream, "encoding", None) or "utf-8"),
        str(getattr(stream, "errors", None) or "strict"),
    ]


def run_on_server(argv: Sequence[str]) -> int | None:
    """The exit code of ``argv`` run by a server, after its output is written here; None
    when no server of this code answered (the caller runs the command itself)."""
    if not _wants_server(argv):
        return None
    path = socket_path()
    if not usable_path(path) or not os.path.exists(path) or not private(os.path.dirname(path)):
        return None
    sent, answer = False, None
    try:
        request = {
            "op": "run",
            "argv": list(argv),
            "cwd": os.getcwd(),
            "env": dict(os.environ),
            "umask": _current_umask(),
            "streams": [_stream_settings(sys.stdout), _stream_settings(sys.stderr)],
        }
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.connect(path)
            if not _peer_is_this_user(connection):
                return None
            send_frame(connection, request)
            sent = True
            with connection.makefile("rb") as stream:
                answer = read_frame(stream)
    except OSError:  # no server (any more), or no working folder: run here
        if not sent:
            return None
    except KeyboardInterrupt:
        _say("doc2openapi: interrupted (the build server finishes the command)")
        return 130
    if answer is None:  # the server stopped before it answered: nothing was printed yet
        _say("doc2openapi: the build server stopped before it answered; running here")
        return None
    return _relay(*answer)


def _relay(header: dict[str, object], payload: bytes) -> int | None:
    """Print the command's output; its exit code (None: the server could not run it)."""
    code, out = header.get("exit"), header.get("out")
    if not isinstance(code, int) or not isinstance(out, int) or not 0 <= out <= len(payload):
        reason = header.get("error") or "an answer this client does not understand"
        _say(f"doc2openapi: the build server did not run the command ({reason}); running here")
        return None
    for target, data in ((sys.stdout, payload[:out]), (sys.stderr, payload[out:])):
        if data:
            try:
                target.flush()
                target.buffer.write(data)
                target.buffer.flush()
            except (OSError, ValueError):  # a closed pipe (``| head``) reads no more
                pass
    return code


def _say(message: str) -> None:
    try:
        print(message, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


def main() -> None:
    """The console command: on a server when one of this code runs, else here."""
    code = run_on_server(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from doc2openapi.cli import main as run_here  # noqa: PLC0415

    run_here()


if __name__ == "__main__":
    main()
