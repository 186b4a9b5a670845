"""Golden tree, determinism, template overrides and the static checks of generated code."""

from __future__ import annotations

import difflib
import hashlib
import importlib.util
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from doc2openapi.generator import Code, GeneratedProject, GeneratorOptions, Level, generate

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = "python tests/generator/regen_golden.py"


def golden_files(name: str) -> dict[PurePosixPath, str]:
    """The golden tree, without caches that tools run over the repository leave in it."""
    root = GOLDEN / name
    files = {}
    for path in sorted(root.rglob("*")):
        relative = PurePosixPath(path.relative_to(root).as_posix())
        cache = any(part.startswith(".") or part == "__pycache__" for part in relative.parts)
        if path.is_file() and not cache:
            files[relative] = path.read_text(encoding="utf-8")
    return files


def test_petstore_matches_the_golden_tree(petstore_project: GeneratedProject) -> None:
    expected = golden_files("petstore")
    assert sorted(petstore_project.files) == sorted(expected), f"file set changed: {REGENERATE}"
    for path, text in petstore_project.files.items():
        if text != expected[path]:
            diff = "".join(
                difflib.unified_diff(
                    expected[path].splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    f"golden/{path}",
                    f"generated/{path}",
                )
            )
            pytest.fail(f"{path} differs from the golden tree ({REGENERATE}):\n{diff}")


def test_generated_files_are_sorted_and_relative(hostile_project: GeneratedProject) -> None:
    paths = list(hostile_project.files)
    assert paths == sorted(paths)
    assert all(not path.is_absolute() and ".." not in path.parts for path in paths)


DIGEST_SCRIPT = """
import hashlib, sys, yaml
from doc2openapi.generator import GeneratorOptions, generate
digest = hashlib.sha256()
for name in sys.argv[1:]:
    with open(f"tests/generator/fixtures/{name}.yaml", encoding="utf-8") as handle:
        project = generate(yaml.safe_load(handle), GeneratorOptions())
    for path, text in project.files.items():
        digest.update(f"{path}\\0{text}\\0".encode())
    digest.update(repr(project.diagnostics).encode())
print(digest.hexdigest())
"""


def digest_of(projects: list[GeneratedProject]) -> str:
    digest = hashlib.sha256()
    for project in projects:
        for path, text in project.files.items():
            digest.update(f"{path}\0{text}\0".encode())
        digest.update(repr(project.diagnostics).encode())
    return digest.hexdigest()


def test_output_is_identical_across_hash_seeds(
    petstore_project: GeneratedProject, hostile_project: GeneratedProject
) -> None:
    root = Path(__file__).parents[2]
    digests = set()
    for seed in ("0", "4242"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", DIGEST_SCRIPT, "petstore", "hostile"],
            cwd=root,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(result.stdout.strip())
    assert digests == {digest_of([petstore_project, hostile_project])}


def test_a_user_template_overrides_the_built_in_one_by_name(
    tmp_path: Path, petstore_spec: dict[str, Any]
) -> None:
    (tmp_path / "README.md.jinja").write_text("# {{ project.package }} (custom)\n")
    (tmp_path / "partial_enum.jinja").write_text(
        "class {{ cls.name }}({{ cls.base }}):\n"
        "{{ cls.docstring }}\n\n"
        "    # Overridden enum template.\n"
        "{% for member in cls.members %}\n"
        "    {{ member.name }} = {{ member.literal }}\n"
        "{% endfor %}\n"
    )
    spec = petstore_spec
    default = generate(spec, GeneratorOptions(package_name="custom_pets"))
    custom = generate(spec, GeneratorOptions(package_name="custom_pets", templates_dir=tmp_path))
    readme, models = PurePosixPath("README.md"), PurePosixPath("custom_pets/models.py")
    assert custom.files[readme] == "# custom_pets (custom)\n"
    assert custom.files[models].count("# Overridden enum template.") == 2
    changed = {path for path in default.files if default.files[path] != custom.files[path]}
    assert changed == {readme, models}
    assert custom.diagnostics == ()


def test_a_broken_template_is_reported_and_its_file_left_out(
    tmp_path: Path, petstore_spec: dict[str, Any]
) -> None:
    (tmp_path / "README.md.jinja").write_text("{{ project.no_such_field }}\n")
    project = generate(petstore_spec, GeneratorOptions(templates_dir=tmp_path))
    assert PurePosixPath("README.md") not in project.files
    assert [(d.level, d.code) for d in project.diagnostics] == [(Level.ERROR, Code.TEMPLATE_ERROR)]
    assert "no_such_field" in project.diagnostics[0].detail


def test_package_name_option_is_made_safe(petstore_spec: dict[str, Any]) -> None:
    project = generate(petstore_spec, GeneratorOptions(package_name="My-Pets"))
    assert PurePosixPath("my_pets/__init__.py") in project.files
    assert [(d.level, d.code) for d in project.diagnostics] == [
        (Level.WARNING, Code.NAME_SANITISED)
    ]


def files(spec: dict[str, Any]) -> Mapping[PurePosixPath, str]:
    return generate(spec, GeneratorOptions()).files


def test_the_package_is_named_after_the_service_not_the_title(
    petstore_spec: dict[str, Any],
) -> None:
    """doc2openapi writes the service into ``info.x-service``: the package keeps its name
    when ``--title`` changes; a requested name wins; without the service, the title."""
    for title in ("Pets API", "Another Title"):
        spec = {**petstore_spec, "info": {**petstore_spec["info"], "title": title}}
        spec["info"]["x-service"] = "dcs"
        assert PurePosixPath("dcs_client/client.py") in files(spec)
    spec["info"]["x-service"] = "elastic-volume-service"
    assert PurePosixPath("elastic_volume_service_client/client.py") in files(spec)
    named = generate(spec, GeneratorOptions(package_name="evs"))
    assert PurePosixPath("evs/client.py") in named.files
    del spec["info"]["x-service"]
    assert PurePosixPath("another_title_client/client.py") in files(spec)


def test_documents_that_are_not_openapi_give_errors_not_exceptions() -> None:
    project = generate({"paths": []}, GeneratorOptions(package_name="empty"))
    codes = [(d.level, d.code, d.pointer) for d in project.diagnostics]
    assert (Level.ERROR, Code.INVALID_DOCUMENT, "/openapi") in codes
    assert (Level.ERROR, Code.INVALID_DOCUMENT, "/paths") in codes
    assert PurePosixPath("empty/client.py") in project.files


def run_tool(arguments: list[str], directory: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *arguments],
        cwd=directory,
        capture_output=True,
        text=True,
        check=False,
    )


def require(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed in this environment (pip install {module})")


@pytest.mark.parametrize("fixture", ["hostile_dir", "petstore_dir"])
def test_generated_code_passes_ruff(fixture: str, request: pytest.FixtureRequest) -> None:
    require("ruff")
    directory: Path = request.getfixturevalue(fixture)
    for arguments in (["ruff", "check", "--no-cache", "."], ["ruff", "format", "--check", "."]):
        result = run_tool(arguments, directory)
        assert result.returncode == 0, result.stdout + result.stderr


def test_generated_code_passes_mypy_strict(
    hostile_dir: Path, hostile_project: GeneratedProject, tmp_path: Path
) -> None:
    require("mypy")
    package = next(path.parts[0] for path in hostile_project.files if path.name == "__init__.py")
    arguments = ["mypy", "--strict", "--cache-dir", str(tmp_path / "mypy-cache"), package]
    result = run_tool(arguments, hostile_dir)
    assert result.returncode == 0, result.stdout + result.stderr
