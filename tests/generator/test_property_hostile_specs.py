"""Clients generated from hostile OpenAPI documents compile, import and make calls without
ever running document text, and pass ``mypy --strict`` and ``ruff check`` (property-based,
with Hypothesis).

``test_hostile_documents_give_safe_clients`` generates the documents (strategies in
``hostile_specs``) and runs the checks that need no type checker on each one (the runtime
ones in a fresh interpreter, ``hostile_client_check.py``), so that Hypothesis shrinks a
failure to a small document; it collects every package that passed.
``test_collected_clients_pass_mypy_strict_and_ruff`` then runs mypy once (and ruff once) over
all of them and names the failing documents. The tests after those pin the bugs the
property tests found.

Example counts come from the Hypothesis profile named by ``HYPOTHESIS_PROFILE``: ``ci`` (the
default: 25 examples, derandomized, so that CI is deterministic), ``dev`` (100, random) or
``long`` (500). ``benchmarks/hostile_specs.py`` makes longer runs with the same strategies.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, example, given, note, settings
from hypothesis.errors import InvalidArgument

from doc2openapi.generator import Code, Diagnostic, GeneratorOptions, generate
from doc2openapi.generator.build_view import MAX_PACKAGE_NAME
from doc2openapi.generator.formatting import format_python
from tests.helpers.hostile_specs import (
    PAYLOAD,
    ClientRunner,
    Collected,
    Json,
    check_import,
    collect,
    describe,
    documents,
    generate_checked,
    package_of,
    report,
    run_mypy,
    run_ruff,
)

settings.register_profile("ci", max_examples=25, derandomize=True, database=None)
settings.register_profile("dev", max_examples=100)
settings.register_profile("long", max_examples=500)


def _profile() -> settings:
    name = os.environ.get("HYPOTHESIS_PROFILE", "ci")
    try:
        chosen = settings.get_profile(name)
    except InvalidArgument as error:
        raise pytest.UsageError(f"HYPOTHESIS_PROFILE={name!r} is no known profile") from error
    # Each example runs the generator and the clients: no deadline, and slow is expected. The
    # explain phase would run a failing example many more times, for little.
    return settings(
        chosen,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        phases=[phase for phase in chosen.phases if phase is not Phase.explain],
    )


PROFILE = _profile()

ODD_PATH = "/odd path?x#y/\x03/../größe/{id}"
# Every trap the property tests found, in one document: a $ref cycle and a self-reference,
# models using a cycle defined after them, paging parameters shadowed by a header and a path
# parameter of the same names, a server variable named "field", ambiguous names (l, I, O), an
# operation named "assert", a 300-character title, a path with a space, "?", "#", "..", a
# control character and non-ASCII letters, a path that is a URL of another host, header names
# HTTP cannot carry, and a 204 response with JSON content.
REGRESSIONS: Json = {
    "openapi": "3.0.3",
    "info": {"title": "t" * 300 + PAYLOAD, "version": '"""'},
    "servers": [
        {
            "url": "https://api.example.com/{field}/{l}",
            "variables": {"field": {"default": "x"}, "l": {"default": "y"}},
        }
    ],
    "paths": {
        "/items/{limit}": {
            "get": {
                "operationId": "assert",
                "parameters": [
                    {"name": "limit", "in": "path", "required": True},
                    {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                    {"name": "marker", "in": "query", "schema": {"type": "string"}},
                    {"name": "limit", "in": "header", "schema": {"type": "object"}},
                    {"name": "marker", "in": "header", "schema": {"type": "boolean"}},
                    {"name": "l", "in": "query", "schema": {"$ref": "#/components/schemas/i"}},
                ],
                "responses": {
                    "200": {
                        "description": "A page.",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "items": {
                                            "type": "array",
                                            "items": {"$ref": "#/components/schemas/A"},
                                        }
                                    },
                                }
                            }
                        },
                    }
                },
            }
        },
        "http://evil.example/steal": {
            "get": {"operationId": "steal", "responses": {"200": {"description": "OK."}}}
        },
        ODD_PATH: {
            "get": {
                "operationId": "odd",
                "parameters": [
                    {"name": "id", "in": "path", "required": True},
                    {"name": "名前", "in": "header", "schema": {"type": "string"}},
                    {"name": "X Bad", "in": "header", "schema": {"type": "string"}},
                    {"name": "X-Good", "in": "header", "schema": {"type": "string"}},
                ],
                "responses": {
                    "200": {"description": "Any JSON.", "content": {"application/json": {}}},
                    "204": {"description": "None.", "content": {"application/json": {}}},
                },
            }
        },
    },
    "components": {
        "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "Bad\nHeader"}},
        "schemas": {
            "Loop": {"$ref": "#/components/schemas/Loop2"},
            "Loop2": {"$ref": "#/components/schemas/Loop"},
            "Self": {"$ref": "#/components/schemas/Self"},
            "A": {
                "type": "object",
                "properties": {"id": {"type": "string"}, "b": {"$ref": "#/components/schemas/B"}},
            },
            "B": {"type": "object", "properties": {"z": {"$ref": "#/components/schemas/Z"}}},
            "Z": {
                "type": "object",
                "properties": {"a": {"type": "array", "items": {"$ref": "#/components/schemas/A"}}},
            },
            "i": {"type": "string", "enum": ["i", "o", "I", "l"]},
        },
    },
}


class Batch:
    """The packages that passed the cheap checks, waiting for one mypy and one ruff run, and
    the interpreter that runs the clients. (No dataclass: Hypothesis would print every field
    with each falsifying example.)"""

    def __init__(self, root: Path, runner: ClientRunner) -> None:
        self.root = root
        self.runner = runner
        self.generated = 0
        self.examples: list[Collected] = []
        self.taken: set[str] = set()
        self.seen: set[str] = set()

    def __repr__(self) -> str:
        return f"Batch({len(self.examples)} packages under {self.root})"


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Batch]:
    with ClientRunner() as runner:
        yield Batch(tmp_path_factory.mktemp("hostile-specs"), runner)


@settings(PROFILE)
@given(document=documents())
@example(document=REGRESSIONS)
def test_hostile_documents_give_safe_clients(batch: Batch, document: Json) -> None:
    """Generation does not raise; paths stay in the output directory; the package name is an
    identifier; every file compiles; in a fresh interpreter, importing the package, creating
    its clients and calling their operations runs no document text and fails nowhere."""
    text = describe(document)
    note(f"document:\n{text}")
    batch.generated += 1
    directory = batch.root / f"ex{batch.generated}"
    collected = collect(document, directory, batch.taken, batch.runner)
    if text not in batch.seen:  # Hypothesis may run an example twice
        batch.seen.add(text)
        batch.examples.append(collected)


def test_collected_clients_pass_mypy_strict_and_ruff(batch: Batch) -> None:
    if not batch.examples:  # run on its own: generate the examples first
        test_hostile_documents_give_safe_clients(batch=batch)
    mypy = run_mypy(batch.examples, batch.root, batch.root / ".mypy-cache")
    ruff = run_ruff(batch.examples, batch.root)
    failures = [report("mypy --strict", mypy, batch.examples), report("ruff", ruff, batch.examples)]
    assert not mypy and not ruff, "\n\n".join(failures)


# --- the bugs the property tests found --------------------------------------------------------


def _generated(document: Json, tmp_path: Path) -> dict[str, str]:
    package = generate_checked(document, tmp_path)
    return {path.name: path.read_text() for path in (tmp_path / package).glob("*.py")}


def test_reference_cycles_are_any_and_reported() -> None:
    """A $ref chain back to itself made the generator recurse until RecursionError."""
    project = generate(REGRESSIONS, GeneratorOptions())
    recursive = {d.pointer for d in project.diagnostics if d.code is Code.RECURSIVE_ALIAS}
    assert {"/components/schemas/Loop", "/components/schemas/Self"} <= recursive


def test_paging_uses_the_query_parameters(tmp_path: Path) -> None:
    """A header named ``limit`` was taken for the page size (and failed mypy)."""
    client = _generated(REGRESSIONS, tmp_path)["client.py"]
    assert "len(_items) < limit_2)" in client  # limit (path), limit_2 (query), limit_3 (header)
    assert "marker = _last" in client


def test_models_using_a_cycle_are_rebuilt(tmp_path: Path) -> None:
    """Z (in the cycle A, B, Z) comes first and was the only one rebuilt: B, using Z, stayed
    incomplete until its first use."""
    models = _generated(REGRESSIONS, tmp_path)["models.py"]
    rebuilt = re.findall(r"^(\w+)\.model_rebuild\(\)$", models, re.MULTILINE)
    assert rebuilt == ["Z", "B", "A", "AssertResponse"]


def test_imported_clients_are_complete_and_inert(tmp_path: Path) -> None:
    """``field`` as a server variable hid ``dataclasses.field`` from ClientConfig's body (the
    import failed); the other traps fail at import or on a call."""
    package = generate_checked(REGRESSIONS, tmp_path)
    check_import([(tmp_path, package)])


def test_long_titles_give_short_package_names() -> None:
    """A 300-character title gave a package folder name too long for the file system."""
    project = generate(REGRESSIONS, GeneratorOptions())
    # the title's first word, cut so that the name with its suffix fits the limit
    assert package_of(project) == "t" * (MAX_PACKAGE_NAME - len("_client")) + "_client"


def test_no_operations_no_unused_imports_and_no_ambiguous_names(tmp_path: Path) -> None:
    """Without operations, client.py imported ``errors`` for nothing; ``l``, ``I`` and ``O``
    (E741) and a method named ``assert_`` (UP005) failed ruff."""
    empty: dict[str, Any] = {**REGRESSIONS, "paths": {}}
    taken: set[str] = set()
    examples = [
        collect(document, tmp_path / f"ex{index}", taken, runner=None)
        for index, document in enumerate((REGRESSIONS, empty))
    ]
    failures = run_ruff(examples, tmp_path)
    assert not failures, report("ruff check", failures, examples)
    client = (examples[1].directory / examples[1].package / "client.py").read_text()
    assert "from . import" not in client


def test_literal_path_text_is_percent_encoded(tmp_path: Path) -> None:
    """A space, "?", "#" or a control character in a documented path made httpx raise
    InvalidURL, or moved the rest of the path into the query or the fragment; ".." left the
    base URL's path (and so did a path parameter "..": see hostile_client_check.py)."""
    client = _generated(REGRESSIONS, tmp_path)["client.py"]
    assert '"/odd%20path%3Fx%23y/%03/%2E%2E/gr%C3%B6%C3%9Fe/{id}"' in client


def test_paths_stay_paths(tmp_path: Path) -> None:
    """A path that is a URL made httpx send the request, and the credentials, to that host."""
    client = _generated(REGRESSIONS, tmp_path)["client.py"]
    assert '"/http://evil.example/steal"' in client


def test_header_names_http_cannot_carry_are_skipped(tmp_path: Path) -> None:
    """httpx cannot encode a header named "名前" (UnicodeEncodeError on every call)."""
    project = generate(REGRESSIONS, GeneratorOptions())
    odd = "/paths/" + ODD_PATH.replace("/", "~1") + "/get/parameters"
    skipped = {d.pointer for d in project.diagnostics if d.code is Code.PARAMETER_SKIPPED}
    assert {f"{odd}/1", f"{odd}/2", "/components/securitySchemes/key"} <= skipped
    files = _generated(REGRESSIONS, tmp_path)
    assert '_runtime.header_params({"X-Good": x_good})' in files["client.py"]
    assert 'TOKEN_HEADER = "X-Auth-Token"' in files["auth.py"]  # the default one


def test_no_content_statuses_ignore_documented_content() -> None:
    """A 204 documented with JSON content parsed the empty body and raised JSONDecodeError."""
    project = generate(REGRESSIONS, GeneratorOptions())
    client = next(text for path, text in project.files.items() if path.name == "client.py")
    expected = "if _response.status_code == 204:\n            return ApiResponse(_response, None)"
    assert expected in client


def test_a_formatter_failure_names_the_file_and_the_place() -> None:
    """ruff's --quiet silenced its parse errors: the diagnostic of a broken output was empty."""
    found: list[Diagnostic] = []
    format_python({PurePosixPath("pkg/models.py"): "None = 1\n"}, found.append)
    assert [d.code for d in found] == [Code.FORMATTER_FAILED]
    assert "pkg/models.py:1:1" in found[0].detail
