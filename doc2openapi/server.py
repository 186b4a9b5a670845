"""The build server: one resident process that runs ``doc2openapi`` commands for the
launcher (:mod:`doc2openapi.launcher`), so that a rebuild does not import the tool, its
libraries and the validators again (most of a one-page rebuild's time), in the way of
``dmypy`` or the Gradle daemon.

A server listens on a Unix socket in a folder only its user can enter; the socket's name is
the identity of the code (:func:`doc2openapi.launcher.identity`), so a client talks only to
a server of exactly its own code. Each command runs as it would in the client's process:
in the client's working directory, environment and umask, with its output sent back and
printed by the client. Commands run one at a time. The server ends on ``doc2openapi server
stop`` or after an idle time (one hour by default).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from doc2openapi.launcher import (
    DELEGATED,
    ENV_SERVER_DIR,
    IDLE_TIMEOUT,
    MAX_SOCKET_PATH,
    identity,
    private,
    read_frame,
    send_frame,
    socket_name,
    socket_path,
    supported,
    usable_path,
)

REQUEST_TIMEOUT = 30.0
START_TIMEOUT = 60.0
LOG_NAME = "server.log"


class ServerError(Exception):
    """A server could not be started, reached or stopped (the message says why)."""


@dataclass
class _State:
    identity: str
    started: float
    served: int = 0


def _preload() -> None:
    """Everything a command may need, imported and warmed once: the pipeline, the
    generator, and both validators with their OpenAPI schemas compiled."""
    import doc2openapi.cli  # noqa: PLC0415
    import doc2openapi.generator  # noqa: PLC0415
    import doc2openapi.pipeline  # noqa: PLC0415
    import doc2openapi.report  # noqa: PLC0415
    import doc2openapi.scraper.interpret  # noqa: PLC0415
    import doc2openapi.spec.build  # noqa: F401, PLC0415
    from doc2openapi.ahead import stay_in_process  # noqa: PLC0415
    from doc2openapi.cache import keep_loaded  # noqa: PLC0415
    from doc2openapi.inputs import keep_reads  # noqa: PLC0415
    from doc2openapi.spec.examples import SchemaCheck  # noqa: PLC0415
    from doc2openapi.spec.validate import validate_document  # noqa: PLC0415

    keep_reads()
    keep_loaded()
    stay_in_process()
    for version in ("3.0.3", "3.1.0"):
        info = {"title": "warm-up", "version": "1"}
        validate_document({"openapi": version, "info": info, "paths": {}})
    for version in ("3.0.3", "3.1.0"):
        SchemaCheck(version, {}).first_error("warm-up", {"type": "string"})


def _private_folder(folder: str) -> None:
    """Create ``folder`` for the user alone, or refuse one that others may enter."""
    os.makedirs(folder, mode=0o700, exist_ok=True)
    if not private(folder):
        raise ServerError(
            f"{folder} must belong to this user and be closed to others (chmod 700 it)"
        )


def _checked_path(path: str) -> str:
    if not usable_path(path):
        raise ServerError(
            f"the socket path is too long for Unix sockets (over {MAX_SOCKET_PATH} bytes): "
            f"{path}; set {ENV_SERVER_DIR} to a shorter folder"
        )
    return path


def _lock_path(path: str) -> str:
    return path[: -len(".sock")] + ".lock"


def _running(path: str) -> bool:
    """Whether a server holds the lock of ``path`` (it does for as long as it lives, busy
    or not)."""
    import fcntl  # noqa: PLC0415 - POSIX only, as the server is

    try:
        descriptor = os.open(_lock_path(path), os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(descriptor)
    return False


def ask(path: str, request: Mapping[str, Any], timeout: float | None = 5.0) -> dict[str, Any]:
    """One request to the server at ``path`` and its answer's header."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(timeout)
            connection.connect(path)
            send_frame(connection, dict(request))
            with connection.makefile("rb") as stream:
                answer = read_frame(stream)
    except TimeoutError as error:
        raise ServerError(f"the server at {path} is busy (no answer within {timeout} s)") from error
    except OSError as error:
        raise ServerError(f"no server answers at {path}: {error.strerror or error}") from error
    if answer is None:
        raise ServerError(f"the server at {path} closed the connection without an answer")
    return answer[0]


def _about(path: str) -> dict[str, Any] | None:
    """The running server's status, ``{"busy": True}`` while it runs a command, or None
    when no server runs."""
    if not _running(path):
        return None
    try:
        return ask(path, {"op": "status"}, timeout=2.0)
    except ServerError:
        return {"busy": True} if _running(path) else None


def status(path: str) -> dict[str, Any] | None:
    """The server running at ``path`` (pid, identity, commands served), or None."""
    if not supported():
        return None
    return _about(path)


def start(idle_timeout: float = IDLE_TIMEOUT) -> dict[str, Any]:
    """Start a server of this code in the background (or find the one running)."""
    if not supported():
        raise ServerError("this platform has no Unix sockets: commands run in their process")
    path = _checked_path(socket_path())
    running = _about(path)
    if running is not None:
        return {**running, "already": True}
    folder = os.path.dirname(path)
    _private_folder(folder)
    # The server must import this very package (the one whose identity names the socket),
    # whatever the working folder or an installed copy would offer.
    package_parent = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [package_parent, *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    command = [sys.executable, "-m", "doc2openapi.server", path, str(idle_timeout)]
    with open(os.path.join(folder, LOG_NAME), "ab") as log:
        process = subprocess.Popen(
            command,
            cwd=folder,  # not the user's folder: nothing of it on the module path
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            start_new_session=True,
            close_fds=True,
        )
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerError(
                f"the server stopped at start (exit {process.returncode}); see "
                f"{os.path.join(folder, LOG_NAME)}"
            )
        with contextlib.suppress(ServerError):
            if os.path.exists(path):
                return ask(path, {"op": "status"}, timeout=2.0)
        time.sleep(0.05)
    process.kill()
    raise ServerError(f"the server did not answer within {START_TIMEOUT:.0f} s")


def stop(timeout: float = 600.0) -> bool:
    """Stop the server of this code (after the command it runs, if any); False when none
    was running."""
    path = socket_path()
    if not supported() or not _running(path):
        return False
    ask(path, {"op": "stop"}, timeout=timeout)
    deadline = time.monotonic() + 10.0
    while _running(path) and time.monotonic() < deadline:
        time.sleep(0.02)
    return True


def _stream(buffer: io.BytesIO, settings: Any) -> io.TextIOWrapper:
    """A text stream like the client's (its encoding and error handler)."""
    encoding, errors = "utf-8", "backslashreplace"
    if isinstance(settings, list) and len(settings) == 2:
        encoding, errors = str(settings[0]), str(settings[1])
    try:
        return io.TextIOWrapper(buffer, encoding=encoding, errors=errors)
    except LookupError:  # an encoding or handler this interpreter lacks
        return io.TextIOWrapper(buffer, encoding="utf-8", errors="backslashreplace")


@contextlib.contextmanager
def _as_client(request: Mapping[str, Any]) -> Iterator[tuple[io.BytesIO, io.BytesIO]]:
    """The client's working directory, environment, umask and output streams (encoded as
    the client's are), for the time of one command; the server's own are restored after.
    Raises OSError when the client's working directory cannot be entered."""
    saved_cwd, saved_env = os.getcwd(), dict(os.environ)
    saved_streams = sys.stdout, sys.stderr
    out, err = io.BytesIO(), io.BytesIO()
    settings = request.get("streams")
    pair = settings if isinstance(settings, list) and len(settings) == 2 else [None, None]
    texts = [_stream(out, pair[0]), _stream(err, pair[1])]
    os.chdir(str(request["cwd"]))
    saved_umask = os.umask(int(request["umask"]) & 0o777)
    try:
        os.environ.clear()
        os.environ.update({str(k): str(v) for k, v in dict(request["env"]).items()})
        sys.stdout, sys.stderr = texts
        yield out, err
    finally:
        sys.stdout, sys.stderr = saved_streams
        for text in texts:
            with contextlib.suppress(ValueError):
                text.flush()
                text.detach()  # the buffers stay open for the answer
        os.umask(saved_umask)
        os.environ.clear()
        os.environ.update(saved_env)
        os.chdir(saved_cwd)


def _well_formed(request: Mapping[str, Any]) -> bool:
    argv, env = request.get("argv"), request.get("env")
    return (
        isinstance(argv, list)
        and bool(argv)
        and all(isinstance(a, str) and "\0" not in a for a in argv)
        and argv[0] in DELEGATED
        and isinstance(request.get("cwd"), str)
        and isinstance(env, dict)
        and all(_environment_entry(k, v) for k, v in env.items())
        and isinstance(request.get("umask"), int)
    )


def _environment_entry(name: object, value: object) -> bool:
    """What ``os.environ`` accepts: text names without ``=``, no NUL anywhere."""
    return (
        isinstance(name, str)
        and isinstance(value, str)
        and bool(name)
        and "=" not in name
        and "\0" not in name
        and "\0" not in value
    )


def _run(request: Mapping[str, Any]) -> tuple[dict[str, Any], bytes]:
    """The answer to a command: its exit code and output, or an error (the client then
    runs the command itself)."""
    from doc2openapi.cli import run  # noqa: PLC0415

    try:
        with _as_client(request) as (out, err):
            code = run(list(request["argv"]))
    except Exception as error:
        return {"error": f"the command could not be run here: {error}"}, b""
    return {"exit": code, "out": len(out.getvalue())}, out.getvalue() + err.getvalue()


def _answer(connection: socket.socket, state: _State) -> bool:
    """Serve one connection; False when the server is to stop."""
    # a client that sends or reads nothing (stopped, say) blocks no one for long
    connection.settimeout(REQUEST_TIMEOUT)
    with connection.makefile("rb") as stream:
        frame = read_frame(stream)
    if frame is None:
        return True
    request = frame[0]
    operation = request.get("op")
    if operation == "status":
        send_frame(
            connection,
            {
                "pid": os.getpid(),
                "identity": state.identity,
                "served": state.served,
                "since": state.started,
            },
        )
        return True
    if operation == "stop":
        send_frame(connection, {"stopping": True})
        return False
    if operation != "run" or not _well_formed(request):
        send_frame(connection, {"error": "not a request this server understands"})
        return True
    header, payload = _run(request)
    state.served += 1
    send_frame(connection, header, payload)
    return True


def _locked(path: str) -> int:
    """Take the lock of ``path`` for the server's life (its file descriptor)."""
    import fcntl  # noqa: PLC0415 - POSIX only, as the server is

    descriptor = os.open(_lock_path(path), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        os.close(descriptor)
        raise ServerError(f"a server already runs for {path}") from error
    os.ftruncate(descriptor, 0)
    os.write(descriptor, f"{os.getpid()}\n".encode())
    return descriptor


def serve(path: str, idle_timeout: float = IDLE_TIMEOUT) -> None:
    """Listen at ``path`` until stopped or idle for ``idle_timeout`` seconds."""
    _checked_path(path)
    code = identity()
    if os.path.basename(path) != socket_name(code):
        raise ServerError(f"{path} is not the socket of this code ({code})")
    _private_folder(os.path.dirname(path))
    lock = _locked(path)
    _preload()
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)  # a socket left by a server that was killed
    state = _State(identity=code, started=time.time())
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    mask = os.umask(0o177)
    try:
        listener.bind(path)
    finally:
        os.umask(mask)
    listener.listen(16)
    listener.settimeout(idle_timeout)
    try:
        _loop(listener, state)
    finally:
        listener.close()
        with contextlib.suppress(OSError):
            os.unlink(path)
        os.close(lock)


def _loop(listener: socket.socket, state: _State) -> None:
    while True:
        try:
            connection, _ = listener.accept()
        except TimeoutError:
            return
        with connection:
            try:
                if not _answer(connection, state):
                    return
            except OSError:  # the client went away: serve the next one
                pass
            except Exception as error:
                print(f"request failed: {type(error).__name__}: {error}", file=sys.stderr)


def _main(arguments: list[str]) -> None:
    path, timeout = arguments[0], float(arguments[1])
    print(
        json.dumps({"pid": os.getpid(), "socket": path, "started": time.time()}),
        flush=True,
    )
    serve(path, timeout)


if __name__ == "__main__":
    _main(sys.argv[1:])
