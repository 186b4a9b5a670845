"""The specs of the real corpus as input for the ecosystem's own tools.

Each corpus folder is scraped once per OpenAPI version (session cache) and written as YAML
(through ``doc2openapi.files.serialise``, as the CLI writes it); then each tool reads it:

- Spectral (``spectral:oas`` + ``tools/consumers/.spectral.yaml``): no error, no warning;
- Redocly CLI ``lint`` (recommended + ``tools/consumers/redocly.yaml``): no error;
- openapi-python-client: generates without a warning (a skipped endpoint or model is a
  warning), and every module of the client imports;
- datamodel-code-generator (pydantic v2 models): generates, and the module imports;
- OpenAPI Generator ``-g python`` with spec validation: generates, and the package imports;
- Prism: mocks the spec and answers a documented GET with a 2xx.

The tools are installed by ``bash tools/install-consumers.sh`` (npm tools into
tools/consumers/node_modules, Python tools into the venv, Java where missing). A tool that
is missing skips its tests with that instruction; ``DOC2OPENAPI_REQUIRE_CONSUMERS=1`` (CI)
turns those skips into failures.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from doc2openapi.files import load_document, serialise
from doc2openapi.pipeline import scrape
from doc2openapi.spec.build import SpecOptions
from doc2openapi.spec.versions import VERSIONS
from tests.helpers.inputs import REPO, corpus_dir

CONSUMERS = REPO / "tools" / "consumers"
NODE_BIN = CONSUMERS / "node_modules" / ".bin"
VENV_BIN = Path(sys.executable).parent
INSTALL = "bash tools/install-consumers.sh"
FOLDERS = ["portal/dcs/api-ref", "doc-exports/ecs/api-ref", "doc-exports/elb/api-ref"]
TOOLS = [
    "spectral",
    "redocly",
    "openapi-python-client",
    "datamodel-codegen",
    "openapi-generator",
    "prism",
]
DOCS_BASE_URL = "https://docs.example.com/{folder}/"
"""The specs carry ``externalDocs`` links, so that the tools read those too."""
TIMEOUT = 300
QUIET_NODE = {
    "REDOCLY_TELEMETRY": "off",
    "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
    "SCARF_ANALYTICS": "false",
    "NO_COLOR": "1",
    "FORCE_COLOR": "0",
}


# --------------------------------------------------------------------------- set-up


def require(tool: str, path: Path | None, what: str) -> Path:
    """The tool's executable, or a skip (a failure under DOC2OPENAPI_REQUIRE_CONSUMERS=1)
    that says how to install it."""
    if path is not None and path.exists():
        return path
    message = (
        f"CONSUMER TOOL MISSING: {tool} ({what}) is not installed, so the spec is not "
        f"checked with it. Run `{INSTALL}` (npm ci in tools/consumers, pip install into the "
        "venv, Java if missing), then run the tests again."
    )
    if os.environ.get("DOC2OPENAPI_REQUIRE_CONSUMERS") == "1":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def node_tool(name: str) -> Path:
    if shutil.which("node") is None:
        return require(name, None, "Node.js is not on PATH")
    return require(name, NODE_BIN / name, f"npm package in {CONSUMERS.relative_to(REPO)}")


def venv_tool(name: str) -> Path:
    return require(name, VENV_BIN / name, f"PyPI package in {VENV_BIN.parent}")


_SPECS: dict[tuple[str, str], Path] = {}


@pytest.fixture(scope="session")
def spec_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("consumer-specs")


def spec_path(spec_root: Path, folder: str, version: str) -> Path:
    """The folder's spec in ``version``, scraped and written once per session."""
    key = (folder, version)
    if key not in _SPECS:
        options = SpecOptions(
            openapi=VERSIONS[version], docs_base_url=DOCS_BASE_URL.format(folder=folder)
        )
        outcome = scrape([corpus_dir(folder)], options)
        assert outcome.problems == [], [p.format() for p in outcome.problems]
        path = spec_root / f"{folder.replace('/', '-')}-{version}.yaml"
        path.write_text(serialise(outcome.spec.document, path), encoding="utf-8")
        _SPECS[key] = path
    return _SPECS[key]


def run(command: list[str | Path], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        env={**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}", **env},
    )


def output_of(result: subprocess.CompletedProcess[str], limit: int = 6000) -> str:
    text = f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return text if len(text) <= limit else text[:limit] + "\n[...]"


def import_everything(folder: Path, package: str) -> subprocess.CompletedProcess[str]:
    """Import ``package`` (found in ``folder``) and each of its modules, in a fresh process."""
    script = (
        "import importlib, pkgutil, sys\n"
        f"sys.path.insert(0, {str(folder)!r})\n"
        f"root = importlib.import_module({package!r})\n"
        "names = [m.name for m in pkgutil.walk_packages(getattr(root, '__path__', []), "
        "root.__name__ + '.')]\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "print(len(names) + 1, 'modules imported')\n"
    )
    return run([sys.executable, "-c", script], folder)


# --------------------------------------------------------------------------- the tools


def check_spectral(spectral: Path, spec: Path, work: Path) -> None:
    ruleset = CONSUMERS / ".spectral.yaml"
    result = run(
        [spectral, "lint", "--ruleset", ruleset, "--format", "json", "--quiet", spec],
        work,
        **QUIET_NODE,
    )
    try:
        findings = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"spectral gave no JSON:\n{output_of(result)}", pytrace=False)
    shown = [
        f"{['error', 'warning', 'info', 'hint'][f['severity']]} {f['code']}: {f['message']} "
        f"at {'/'.join(map(str, f['path']))}"
        for f in findings
        if f["severity"] <= 1
    ]
    assert not shown, f"{len(shown)} Spectral errors/warnings:\n" + "\n".join(shown[:40])


def check_redocly(redocly: Path, spec: Path, work: Path) -> None:
    result = run(
        [
            redocly,
            "lint",
            "--config",
            CONSUMERS / "redocly.yaml",
            "--format",
            "json",
            "--max-problems",
            "100000",
            spec,
        ],
        work,
        **QUIET_NODE,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"redocly gave no JSON:\n{output_of(result)}", pytrace=False)
    errors = [
        f"{p['ruleId']}: {p['message']} at {p['location'][0]['pointer']}"
        for p in report["problems"]
        if p["severity"] == "error"
    ]
    assert not errors, f"{len(errors)} Redocly errors:\n" + "\n".join(errors[:40])
    assert result.returncode == 0, output_of(result)


def check_openapi_python_client(generator: Path, spec: Path, work: Path) -> None:
    config = work / "config.json"
    config.write_text(json.dumps({"post_hooks": []}), encoding="utf-8")
    package = "consumer_client"
    result = run(
        [
            generator,
            "generate",
            "--path",
            spec,
            "--output-path",
            work / package,
            "--meta",
            "none",
            "--config",
            config,
            "--overwrite",
        ],
        work,
    )
    assert result.returncode == 0, output_of(result)
    # skipped endpoints and models are reported as warnings, the exit code stays 0
    for sign in ("Warning", "WARNING", "will not be generated", "Unable to", "Error"):
        assert sign not in result.stdout + result.stderr, output_of(result)
    imported = import_everything(work, package)
    assert imported.returncode == 0, output_of(imported)


def check_datamodel_codegen(generator: Path, spec: Path, work: Path) -> None:
    module = work / "consumer_models.py"
    result = run(
        [
            generator,
            "--input",
            spec,
            "--input-file-type",
            "openapi",
            "--output-model-type",
            "pydantic_v2.BaseModel",
            "--target-python-version",
            "3.11",
            "--formatters",
            "builtin",
            "--output",
            module,
        ],
        work,
    )
    assert result.returncode == 0, output_of(result)
    assert module.is_file(), output_of(result)
    imported = import_everything(work, "consumer_models")
    assert imported.returncode == 0, output_of(imported)


NULL_TYPE_UNSUPPORTED = (
    "Codegen Property not yet supported in getPydanticType: CodegenProperty{openApiType='null'"
)


def openapi_generator() -> Path:
    if shutil.which("java") is None:
        require("openapi-generator", None, "it needs Java, and `java` is not on PATH")
    return venv_tool("openapi-generator-cli")


def check_openapi_generator(generator: Path, spec: Path, work: Path) -> None:
    package = "consumer_generated"
    result = run(
        [
            generator,
            "generate",
            "--input-spec",
            spec,
            "--generator-name",
            "python",
            "--output",
            work / "out",
            "--package-name",
            package,
            "--global-property",
            "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false",
        ],
        work,
    )
    if result.returncode != 0 and NULL_TYPE_UNSUPPORTED in result.stderr + result.stdout:
        pytest.xfail(
            "OpenAPI Generator's 3.1 support is in beta: its python generator stops at a "
            "property of `type: 'null'` (a field the pages type as Null), which 3.1 allows"
        )
    assert result.returncode == 0, output_of(result)
    imported = import_everything(work / "out", package)
    assert imported.returncode == 0, output_of(imported)


def documented_get(document: dict[str, Any]) -> str:
    """A GET with a documented 200 body and only path parameters, filled with dummies."""
    for path in sorted(document["paths"]):
        operation = document["paths"][path].get("get")
        if operation is None or "200" not in operation["responses"]:
            continue
        parameters = operation.get("parameters", [])
        if "content" in operation["responses"]["200"] and all(
            p["in"] == "path" for p in parameters
        ):
            filled = path
            for parameter in parameters:
                filled = filled.replace("{" + parameter["name"] + "}", f"dummy-{parameter['name']}")
            return filled
    pytest.fail("the spec has no GET with a 200 body and only path parameters", pytrace=False)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def prism_mock(prism: Path, spec: Path, work: Path, port: int) -> Iterator[subprocess.Popen[str]]:
    log = (work / "prism.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [str(prism), "mock", "--host", "127.0.0.1", "--port", str(port), str(spec)],
        cwd=work,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        env={**os.environ, **QUIET_NODE},
    )
    try:
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        log.close()


def check_prism(prism: Path, spec: Path, work: Path) -> None:
    path = documented_get(load_document(spec))
    port = free_port()
    url = f"http://127.0.0.1:{port}{path}"
    request = urllib.request.Request(url, headers={"X-Auth-Token": "dummy-token"})
    deadline = time.monotonic() + 90
    with prism_mock(prism, spec, work, port) as process:
        while True:
            if process.poll() is not None:
                pytest.fail(
                    f"prism exited ({process.returncode}):\n{(work / 'prism.log').read_text()}",
                    pytrace=False,
                )
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    status = response.status
                    break
            except urllib.error.HTTPError as error:
                status = error.code
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"prism did not answer within 90 s:\n{(work / 'prism.log').read_text()}",
                        pytrace=False,
                    )
                time.sleep(0.5)
    assert 200 <= status < 300, f"GET {path}: {status}\n{(work / 'prism.log').read_text()[-4000:]}"


Check = Callable[[Path, Path, Path], None]
CHECKS: dict[str, tuple[Callable[[], Path], Check]] = {
    "spectral": (lambda: node_tool("spectral"), check_spectral),
    "redocly": (lambda: node_tool("redocly"), check_redocly),
    "openapi-python-client": (
        lambda: venv_tool("openapi-python-client"),
        check_openapi_python_client,
    ),
    "datamodel-codegen": (lambda: venv_tool("datamodel-codegen"), check_datamodel_codegen),
    "openapi-generator": (openapi_generator, check_openapi_generator),
    "prism": (lambda: node_tool("prism"), check_prism),
}


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("version", sorted(VERSIONS))
@pytest.mark.parametrize("folder", FOLDERS)
def test_consumer_reads_the_spec(
    folder: str, version: str, tool: str, spec_root: Path, tmp_path: Path
) -> None:
    locate, check = CHECKS[tool]
    executable = locate()  # skips (with what to run) before any scraping when missing
    check(executable, spec_path(spec_root, folder, version), tmp_path)
