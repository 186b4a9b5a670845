"""Regenerate the golden trees under tests/generator/golden/ deliberately.

Run ``python tests/generator/regen_golden.py`` after a change to the generator's output, then
read the diff (``git diff tests/generator/golden``) before committing it.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

from doc2openapi.generator import GeneratorOptions, generate
from doc2openapi.generator.output import write_project

HERE = Path(__file__).parent
GOLDEN_FIXTURES = ("petstore",)


def regenerate(name: str) -> int:
    """Replace the golden tree of fixture ``name``; return the number of diagnostics."""
    with (HERE / "fixtures" / f"{name}.yaml").open(encoding="utf-8") as handle:
        spec = yaml.safe_load(handle)
    project = generate(spec, GeneratorOptions())
    target = HERE / "golden" / name
    shutil.rmtree(target, ignore_errors=True)
    write_project(project, target, check=False)
    for diagnostic in project.diagnostics:
        print(f"{name}: {diagnostic}", file=sys.stderr)
    return len(project.diagnostics)


def main() -> int:
    for name in GOLDEN_FIXTURES:
        regenerate(name)
        print(f"regenerated {HERE / 'golden' / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
