"""A folder holding only some distributions of this virtualenv (and what they require), and a
Python started with ``-I -S`` that sees nothing else: neither this virtualenv's site-packages,
nor the working folder, nor ``PYTHONPATH``. Generated clients are imported there to prove
they need nothing but their declared runtime dependencies.
"""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
from pathlib import Path

from packaging.requirements import Requirement


def requirement_closure(names: tuple[str, ...]) -> dict[str, importlib.metadata.Distribution]:
    """The installed distributions ``names`` and, recursively, the ones they require (without
    extras), by normalised name."""
    found: dict[str, importlib.metadata.Distribution] = {}
    pending = list(names)
    while pending:
        name = pending.pop().lower().replace("_", "-")
        if name in found:
            continue
        distribution = importlib.metadata.distribution(name)
        found[name] = distribution
        for text in distribution.requires or ():
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                pending.append(requirement.name)
    return found


def link_distributions(names: tuple[str, ...], target: Path) -> frozenset[str]:
    """Symlink the top-level modules, packages and metadata of the closure of ``names`` into
    ``target``; return the top-level names."""
    linked: set[str] = set()
    for distribution in requirement_closure(names).values():
        for file in distribution.files or ():
            top = file.parts[0]
            if top in linked or top in {"..", "__pycache__"} or top.endswith(".pth"):
                continue
            source = Path(str(distribution.locate_file(top)))
            (target / top).symlink_to(source, target_is_directory=source.is_dir())
            linked.add(top)
    return frozenset(linked)


# Run with -I -S: imports the modules named on the command line from the folders named on it,
# then reports every loaded module whose file lies outside those folders and the stdlib.
IMPORT_ONLY = """
import importlib, json, os, sys, sysconfig
folders, modules = sys.argv[1].split(os.pathsep), sys.argv[2:]
sys.path[:0] = folders
for module in modules:
    importlib.import_module(module)
allowed = [os.path.abspath(folder) + os.sep for folder in folders]
allowed += [sysconfig.get_path(key) + os.sep for key in ("stdlib", "platstdlib")]
files = {name: getattr(module, "__file__", None) for name, module in sys.modules.items()}
print(json.dumps({
    "outside": sorted(name for name, file in files.items()
                      if file and not os.path.abspath(file).startswith(tuple(allowed))),
    "roots": sorted({name.split(".")[0] for name, file in files.items() if file}),
}))
"""


def import_only(
    folders: list[Path], modules: list[str], cwd: Path
) -> subprocess.CompletedProcess[str]:
    """Import ``modules`` in a Python that sees only ``folders`` and the standard library, with
    warnings as errors."""
    search = os.pathsep.join(str(folder) for folder in folders)
    return subprocess.run(
        [sys.executable, "-I", "-S", "-W", "error", "-c", IMPORT_ONLY, search, *modules],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
