"""Work started ahead, in a forked child, while this process goes on with other work.

A build validates the document while it generates the client from that same document: the
two need nothing from each other but the document, which a forked child has without any
copying. The child sends its result back pickled through a pipe. Where forking is not safe
or brings nothing (not Linux, one processor) nothing is started, and a failed child is no
error: the caller then does the work itself, so the outputs never depend on whether the
work was done ahead.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import sys
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


_resident = False


def stay_in_process() -> None:
    """This process builds again and again (the build server): it has every validator
    imported, and keeps between builds what the checks remember, which a forked child would
    forget; from now on no work is started ahead."""
    global _resident  # noqa: PLW0603 - one switch per process, set by the build server
    _resident = True


def _worth_forking() -> bool:
    if _resident or sys.platform != "linux" or not hasattr(os, "fork"):
        return False
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return False  # a lock another thread holds would stay locked in the child
    try:
        return len(os.sched_getaffinity(0)) > 1
    except OSError:
        return False


class Ahead(Generic[T]):
    """The result to come of work started in a child process."""

    def __init__(self, pid: int, reader: int) -> None:
        self._pid = pid
        self._reader = reader
        self._open = True

    @classmethod
    def start(cls, work: Callable[[], T]) -> Ahead[T] | None:
        """Start ``work`` in a forked child; None when no child was started."""
        if not _worth_forking():
            return None
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                stream.flush()  # else the child's copy of a buffer could be printed twice
        try:
            reader, writer = os.pipe()
        except OSError:
            return None
        # Frozen objects are left alone by the child's collector, so it does not touch (and
        # so copy) the pages of every object it inherits.
        gc.freeze()
        try:
            pid = os.fork()
        except OSError:
            gc.unfreeze()
            os.close(reader)
            os.close(writer)
            return None
        if pid == 0:  # pragma: no cover - the child (its coverage is not collected)
            try:
                os.close(reader)
                _child(work, writer)
            finally:
                os._exit(1)  # never back into the parent's code, whatever happened
        gc.unfreeze()
        os.close(writer)
        return cls(pid, reader)

    def result(self) -> T | None:
        """The child's result, or None when it failed (do the work here then)."""
        if not self._open:
            return None
        self._open = False
        try:
            with os.fdopen(self._reader, "rb") as stream:
                data = stream.read()
        except BaseException:
            self._kill()
            raise
        finally:
            self._reap()
        try:
            status, value = pickle.loads(data)
        except Exception:
            return None
        return value if status == "ok" else None

    def cancel(self) -> None:
        """Stop the child (its result is not wanted)."""
        if not self._open:
            return
        self._open = False
        self._kill()
        os.close(self._reader)
        self._reap()

    def _kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGKILL)

    def _reap(self) -> None:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self._pid, 0)


def _child(work: Callable[[], object], writer: int) -> None:  # pragma: no cover
    """Run ``work``, send its result, and end without any of the parent's clean-up."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends the child, quietly
    try:  # a failure is not raised: the parent does the work again, and sees it then
        outcome: tuple[str, object] = ("ok", work())
    except Exception:
        outcome = ("failed", None)
    try:
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a result that cannot be pickled: the same
        data = pickle.dumps(("failed", None))
    with contextlib.suppress(OSError), os.fdopen(writer, "wb") as stream:
        stream.write(data)
    os._exit(0)
