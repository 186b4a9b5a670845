"""Import a generated client package from the folder it was written to, and forget it after."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType


@contextmanager
def imported_package(folder: Path, name: str) -> Iterator[ModuleType]:
    """``name`` imported from ``folder``; its modules and the path entry are removed on exit."""
    sys.path.insert(0, str(folder))
    importlib.invalidate_caches()
    try:
        yield importlib.import_module(name)
    finally:
        for module in [m for m in sys.modules if m.split(".")[0] == name]:
            del sys.modules[module]
        sys.path.remove(str(folder))
