"""The build server: a command it runs gives exactly what it gives in its own process, in
the client's folder and environment; it answers only clients of its own code; bad requests
and failing commands never stop it."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from doc2openapi import launcher
from tests.helpers.command import tree
from tests.helpers.inputs import EXAMPLES

pytestmark = pytest.mark.skipif(
    not hasattr(socket, "AF_UNIX"), reason="this platform has no Unix sockets"
)


def command(
    env: dict[str, str], *args: str | Path, **options: Any
) -> subprocess.CompletedProcess[str]:
    """``doc2openapi ARGS`` through the launcher (so on a server when one runs)."""
    return subprocess.run(
        [sys.executable, "-m", "doc2openapi", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
        **options,
    )


def server_env(folder: Path) -> dict[str, str]:
    """This environment, with servers kept in ``folder`` and allowed to answer."""
    env = {k: v for k, v in os.environ.items() if k != "DOC2OPENAPI_SERVER"}
    env["DOC2OPENAPI_SERVER_DIR"] = str(folder)
    return env


def served(env: dict[str, str]) -> int:
    """How many commands the server has run (from ``server status``)."""
    status = command(env, "server", "status")
    assert status.returncode == 0, status.stderr
    return int(status.stderr.split(", ")[1].split()[0])


@pytest.fixture
def work() -> Iterator[Path]:
    # Short on purpose: a socket's path must fit in about 100 characters.
    folder = Path(tempfile.mkdtemp(prefix="d2o-", dir="/tmp" if os.path.isdir("/tmp") else None))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def server(work: Path) -> Iterator[dict[str, str]]:
    env = server_env(work / "srv")
    started = command(env, "server", "start", "--idle-timeout", "600")
    assert started.returncode == 0, started.stderr
    assert "build server started" in started.stderr
    yield env
    command(env, "server", "stop")


def test_builds_on_the_server_equal_builds_in_their_own_process(
    server: dict[str, str], work: Path
) -> None:
    alone = {**server, "DOC2OPENAPI_SERVER": "off"}
    docs = work / "docs"
    shutil.copytree(EXAMPLES / "export", docs)
    page = docs / "ShowWidget.html"
    results = {}
    for edit in ("as shipped", "title edited", "type edited"):
        if edit == "title edited":
            page.write_text(page.read_text().replace("Querying Widget Details", "Reading One"))
        if edit == "type edited":
            page.write_text(page.read_text().replace(">String<", ">Integer<", 1))
        for way, env in (("server", server), ("alone", alone)):
            out, cache = work / f"out-{way}", work / f"cache-{way}"
            done = command(env, "build", docs, "-o", out, "--cache-dir", cache)
            assert done.returncode == 0, done.stderr
            results[edit, way] = (tree(out), done.stderr.replace(str(out), "OUT"))
        assert results[edit, "server"] == results[edit, "alone"], edit
    assert (
        results["title edited", "server"][0]["openapi.yaml"]
        != (results["as shipped", "server"][0]["openapi.yaml"])
    )
    assert served(server) == 3


def test_the_server_works_in_the_clients_folder_and_environment(
    server: dict[str, str], work: Path
) -> None:
    shutil.copytree(EXAMPLES / "export", work / "docs")
    env = {**server, "DOC2OPENAPI_CACHE_DIR": str(work / "client-cache")}
    done = command(env, "build", "docs", "-o", "out", cwd=work)
    assert done.returncode == 0, done.stderr
    assert (work / "out" / "openapi.yaml").is_file()  # relative to the client's folder
    assert (work / "client-cache").is_dir()  # the client's environment chose the cache
    assert served(server) == 1


def test_failures_come_back_with_their_message_and_exit_code(
    server: dict[str, str], work: Path
) -> None:
    missing = command(server, "build", work / "nowhere", "-o", work / "out")
    assert missing.returncode == 2
    assert f"input folder not found: {work / 'nowhere'}" in missing.stderr
    usage = command(server, "build")
    assert usage.returncode == 2
    assert "Missing argument" in usage.stderr
    assert served(server) == 2  # and the server is still there


def test_bad_requests_do_not_stop_the_server(server: dict[str, str]) -> None:
    path = socket_of(server)
    odd_environment = {"op": "run", "argv": ["build"], "cwd": "/", "umask": 18, "size": 0}
    requests = (
        b"nonsense\n",
        b'{"op": "run", "argv": ["rm", "-rf"], "size": 0}\n',
        b"",
        json.dumps({**odd_environment, "env": {"A=B": "x"}}).encode() + b"\n",
        json.dumps({**odd_environment, "env": {"A": "x\u0000y"}}).encode() + b"\n",
    )
    for request in requests:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.connect(path)
            connection.sendall(request)
            connection.shutdown(socket.SHUT_WR)
            answer = connection.makefile("rb").read()
        if request.startswith(b"{"):
            assert json.loads(answer.splitlines()[0])["error"]
    assert served(server) == 0


def socket_of(env: dict[str, str]) -> str:
    status = command(env, "server", "status")
    return status.stderr.rsplit("socket: ", 1)[1].rstrip(")\n")


def test_off_and_stopped_servers_leave_commands_in_their_process(
    server: dict[str, str], work: Path
) -> None:
    shutil.copytree(EXAMPLES / "export", work / "docs")
    off = {**server, "DOC2OPENAPI_SERVER": "off"}
    assert command(off, "build", work / "docs", "-o", work / "a", "--no-cache").returncode == 0
    assert served(server) == 0
    stopped = command(server, "server", "stop")
    assert "build server stopped" in stopped.stderr
    assert command(server, "server", "status").returncode == 1
    assert not any(Path(server["DOC2OPENAPI_SERVER_DIR"]).glob("*.sock"))
    again = command(server, "build", work / "docs", "-o", work / "b", "--no-cache")
    assert again.returncode == 0, again.stderr
    assert tree(work / "a")["openapi.yaml"] == tree(work / "b")["openapi.yaml"]


def test_a_socket_path_too_long_is_refused_clearly(work: Path) -> None:
    started = command(server_env(work / ("long-" * 30)), "server", "start")
    assert started.returncode == 2
    assert "too long for Unix sockets" in started.stderr
    assert "Traceback" not in started.stderr


def test_the_identity_changes_with_the_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "package"
    (package / "sub").mkdir(parents=True)
    module = package / "sub" / "module.py"
    module.write_text("A = 1\n")
    (package / "launcher.py").write_text("")
    monkeypatch.setattr(launcher, "__file__", str(package / "launcher.py"))
    first = launcher.identity()
    assert launcher.identity() == first
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "x.pyc").write_bytes(b"compiled")
    assert launcher.identity() == first  # bytecode is not code
    module.write_text("A = 22\n")
    assert launcher.identity() != first


def test_help_and_file_modes_are_those_of_a_command_run_here(
    server: dict[str, str], work: Path
) -> None:
    alone = {**server, "DOC2OPENAPI_SERVER": "off"}
    helped = command(server, "build", "--help")
    assert helped.returncode == 0
    assert helped.stdout == command(alone, "build", "--help").stdout
    assert "Usage:" in helped.stdout
    shutil.copytree(EXAMPLES / "export", work / "docs")
    modes = {}
    for way, env in (("server", server), ("alone", alone)):
        done = command(
            {**env, "DOC2OPENAPI_CACHE_DIR": str(work / f"cache-{way}")},
            *("build", "docs", "-o", f"out-{way}"),
            cwd=work,
            preexec_fn=lambda: os.umask(0o027),
        )
        assert done.returncode == 0, done.stderr
        modes[way] = {
            p.relative_to(work / f"out-{way}").as_posix(): p.stat().st_mode & 0o777
            for p in (work / f"out-{way}").rglob("*")
        }
    assert modes["server"] == modes["alone"]
    assert modes["server"]["openapi.yaml"] & 0o007 == 0  # the client's umask was applied
    assert served(server) == 2


def test_one_server_per_socket_and_only_of_this_code(server: dict[str, str], work: Path) -> None:
    again = command(server, "server", "start")
    assert again.returncode == 0
    assert "already running" in again.stderr
    refusals = (
        (socket_of(server), "a server already runs"),
        (str(work / "srv" / "s-0000.sock"), "is not the socket of this code"),
    )
    for path, reason in refusals:
        refused = subprocess.run(
            [sys.executable, "-m", "doc2openapi.server", path, "5"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert refused.returncode != 0
        assert reason in refused.stderr
    assert served(server) == 0


def test_a_killed_server_leaves_commands_to_their_process(
    server: dict[str, str], work: Path
) -> None:
    pid = int(command(server, "server", "status").stderr.split("pid ")[1].split(",")[0])
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while command(server, "server", "status").returncode == 0 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert Path(socket_of(server)).exists()  # left behind by the killed server
    shutil.copytree(EXAMPLES / "export", work / "docs")
    done = command(server, "build", work / "docs", "-o", work / "out", "--no-cache")
    assert done.returncode == 0, done.stderr
    assert (work / "out" / "openapi.yaml").is_file()
    restarted = command(server, "server", "start")
    assert restarted.returncode == 0, restarted.stderr
    assert "build server started" in restarted.stderr


def test_a_folder_others_may_enter_is_refused(work: Path) -> None:
    folder = work / "open"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    started = command(server_env(folder), "server", "start")
    assert started.returncode == 2
    assert "closed to others" in started.stderr
