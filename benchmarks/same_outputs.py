"""Check that this checkout builds every corpus folder byte for byte as another source tree
does (say, the commit before a refactoring):

    git archive 463d555 | tar -x -C /tmp/base
    python benchmarks/same_outputs.py /tmp/base [--corpus DIR]

Each folder is built by both trees with ``--no-cache`` in a fresh process; the spec YAML,
the report JSON and the client tree are compared (the manifest is left out: it records
keys whose form may change). Exit 1 when any file differs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
LEFT_OUT = (".doc2openapi-manifest.json",)


def folders(corpus: Path) -> list[Path]:
    return sorted(
        path
        for group in ("doc-exports", "portal")
        for path in (corpus / group).glob("*/api-ref")
        if path.is_dir()
    )


def build(source: Path, folder: Path, out: Path) -> int:
    environment = {**os.environ, "PYTHONPATH": str(source)}
    command = [sys.executable, "-m", "doc2openapi.cli", "build", str(folder), "-o", str(out)]
    done = subprocess.run(
        [*command, "--no-cache"], capture_output=True, env=environment, check=False
    )
    return done.returncode


def tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name not in LEFT_OUT
    }


def compare(base: Path, corpus: Path) -> list[str]:
    differences = []
    with tempfile.TemporaryDirectory() as scratch:
        for index, folder in enumerate(folders(corpus)):
            name = f"{index:02d}-{folder.parent.name}"
            before, after = Path(scratch, "base", name), Path(scratch, "this", name)
            codes = (build(base, folder, before), build(REPO, folder, after))
            old, new = tree(before), tree(after)
            changed = sorted(p for p in old.keys() | new.keys() if old.get(p) != new.get(p))
            same = not changed and codes[0] == codes[1]
            print(
                f"{folder.relative_to(corpus)}: {len(new)} files, exit {codes}, "
                f"{'same' if same else 'DIFFERENT'}"
            )
            differences.extend(f"{folder}: {path}" for path in changed)
            if codes[0] != codes[1]:
                differences.append(f"{folder}: exit codes {codes}")
    return differences


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path, help="source tree to compare with")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    options = parser.parse_args()
    if not folders(options.corpus):
        parser.error(f"no corpus folders under {options.corpus}")
    differences = compare(options.base.resolve(), options.corpus)
    for line in differences:
        print(f"differs: {line}")
    print("byte-identical" if not differences else f"{len(differences)} difference(s)")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
