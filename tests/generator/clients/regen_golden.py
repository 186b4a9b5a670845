"""Regenerate the golden client tree under tests/generator/clients/golden/ deliberately.

Run ``python tests/generator/clients/regen_golden.py`` after a change to the generator's
output (or to what the scraper makes of ``examples/export``), then read the diff
(``git diff tests/generator/clients/golden``) before committing it.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from doc2openapi.generator import GeneratedProject, GeneratorOptions, generate
from doc2openapi.generator.output import write_project
from doc2openapi.pipeline import scrape

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
GOLDEN = HERE / "golden"
EXAMPLES = {"wss": REPO / "examples" / "export"}
"""Golden tree name and the folder of pages whose client it holds."""


def example_client(name: str) -> GeneratedProject:
    """The client of a built-in example, as ``doc2openapi build`` generates it."""
    return generate(scrape([EXAMPLES[name]]).spec.document, GeneratorOptions())


def main() -> int:
    for name in EXAMPLES:
        project = example_client(name)
        target = GOLDEN / name
        shutil.rmtree(target, ignore_errors=True)
        write_project(project, target, check=False)
        for diagnostic in project.diagnostics:
            print(f"{name}: {diagnostic}", file=sys.stderr)
        print(f"regenerated {target} ({len(project.files)} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
