"""``doc2openapi generate`` against openapi-python-client and datamodel-code-generator.

    python benchmarks/generate_vs_others.py [--corpus DIR] [--folder portal/dcs/api-ref]
                                            [--repeat 5]

The spec is the one ``doc2openapi scrape`` makes of the folder (default: the DCS portal
pages). Timed, each the median of ``--repeat`` runs into a fresh folder:

- ``generate`` in this process (the document already loaded): ``generate()`` alone, and
  ``generate()`` plus writing the files;
- ``doc2openapi generate SPEC -o DIR`` as a command (start-up, loading, validating the spec,
  generating, formatting with ruff, writing);
- ``openapi-python-client generate --path SPEC --output-path DIR --overwrite`` (a whole
  client, formatted with ruff by its post hooks);
- ``datamodel-codegen ... --output-model-type pydantic_v2.BaseModel`` (models only, no
  client; formatted with its default formatters).

The tools are looked up beside this interpreter, then on the PATH; a missing one is named
(``pip install openapi-python-client datamodel-code-generator``) and left out.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import yaml

from doc2openapi.generator import GeneratorOptions, generate
from doc2openapi.generator.output import write_project

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
DEFAULT_FOLDER = "portal/dcs/api-ref"
BIN = Path(sys.executable).parent


def tool(name: str) -> str | None:
    beside = BIN / name
    return str(beside) if beside.is_file() else shutil.which(name)


def median_seconds(action: Callable[[int], object], repeat: int) -> float:
    """Median wall time of ``action(number)`` over ``repeat`` runs, after one warm-up."""
    action(-1)
    times = []
    for number in range(repeat):
        start = time.perf_counter()
        action(number)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_command(command: Sequence[str]) -> None:
    # The tools' own post-processing (ruff, black) is found on the PATH: put ours first.
    environment = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(
        list(command), capture_output=True, text=True, env=environment, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--folder", default=DEFAULT_FOLDER)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    folder = args.corpus / args.folder
    doc2openapi = tool("doc2openapi")
    if not folder.is_dir() or doc2openapi is None:
        print(f"needs {folder} and the doc2openapi command", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="generate-bench-") as scratch:
        work = Path(scratch)
        spec = work / "openapi.yaml"
        run_command([doc2openapi, "scrape", str(folder), "-o", str(spec), "--no-cache"])
        document = yaml.safe_load(spec.read_text(encoding="utf-8"))
        operations = sum(
            1 for item in document["paths"].values() for key in item if key != "parameters"
        )
        schemas = len(document.get("components", {}).get("schemas", {}))
        print(f"spec: {args.folder}: {operations} operations, {schemas} component schemas")
        print(f"median of {args.repeat} runs (after one warm-up), seconds:")
        options = GeneratorOptions()
        figures: dict[str, float] = {
            "doc2openapi generate(), in-process": median_seconds(
                lambda number: generate(document, options), args.repeat
            ),
            "doc2openapi generate() + write, in-process": median_seconds(
                lambda number: write_project(
                    generate(document, options), work / f"inproc-{number}", check=False
                ),
                args.repeat,
            ),
            "doc2openapi generate (command)": median_seconds(
                lambda number: run_command(
                    [doc2openapi, "generate", str(spec), "-o", str(work / f"cli-{number}")]
                ),
                args.repeat,
            ),
        }
        reference = figures["doc2openapi generate (command)"]
        others: dict[str, Callable[[int], object]] = {}
        opc = tool("openapi-python-client")
        if opc:
            others["openapi-python-client generate (command)"] = lambda number: run_command(
                [
                    opc,
                    "generate",
                    "--path",
                    str(spec),
                    "--output-path",
                    str(work / "opc"),
                    "--overwrite",
                ]
            )
        dmc = tool("datamodel-codegen")
        if dmc:
            others["datamodel-codegen, models only (command)"] = lambda number: run_command(
                [
                    dmc,
                    "--input",
                    str(spec),
                    "--input-file-type",
                    "openapi",
                    "--output-model-type",
                    "pydantic_v2.BaseModel",
                    "--output",
                    str(work / f"dmc-{number}" / "models.py"),
                ]
            )
        for name, action in others.items():
            figures[name] = median_seconds(action, args.repeat)
        for name, seconds in figures.items():
            ratio = seconds / reference
            print(f"  {name:<46} {seconds:7.3f}   {ratio:5.2f}x doc2openapi's command")
        for name in ("openapi-python-client", "datamodel-codegen"):
            if tool(name) is None:
                print(f"  {name}: not installed (pip install {name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
