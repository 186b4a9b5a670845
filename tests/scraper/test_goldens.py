"""Compare the scraper's OpenAPI document with the hand-written golden page contracts.

Every ``tests/goldens/<folder>/<page-stem>.yaml`` (format: tests/goldens/FORMAT.md) is
the contract of one real corpus page.  The spec of each corpus folder is scraped once
per test session (``tests.helpers.corpus_scrape``) and flattened with the
generic helpers of ``golden_contracts``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers.corpus_scrape import scraped_folder
from tests.helpers.corpus_truth import page_operations
from tests.helpers.golden_contracts import (
    FlatFields,
    FlatOperation,
    OpenAPIError,
    best_variant,
    flatten_operation,
    golden_fields,
    path_template,
)
from tests.helpers.inputs import corpus_dir, corpus_root

REPO = Path(__file__).resolve().parents[2]
GOLDEN_DIR = Path(__file__).resolve().parents[1] / "goldens"

#: golden sub-folder -> corpus folder (relative to the corpus root)
CORPUS_FOLDERS: dict[str, str] = {
    "doc-exports-dcs": "doc-exports/dcs/api-ref",
    "doc-exports-ecs": "doc-exports/ecs/api-ref",
    "doc-exports-elb": "doc-exports/elb/api-ref",
    "portal-as": "portal/as/api-ref",
    "portal-bms": "portal/bms/api-ref",
    "portal-cbr": "portal/cbr/api-ref",
    "portal-cce": "portal/cce/api-ref",
    "portal-dcs": "portal/dcs/api-ref",
    "portal-evs": "portal/evs/api-ref",
    "portal-functiongraph": "portal/functiongraph/api-ref",
    "portal-iam": "portal/iam/api-ref",
    "portal-kms": "portal/kms/api-ref",
    "portal-mrs": "portal/mrs/api-ref",
    "portal-nat": "portal/nat/api-ref",
    "portal-obs": "portal/obs/api-ref",
    "portal-smn": "portal/smn/api-ref",
    "history-cce-798aa69": "history/cce-798aa69/api-ref",
}

JSON_TYPES = frozenset({"string", "integer", "number", "boolean", "object", "array"})
LOCATIONS = frozenset({"path", "query", "header", "cookie"})
METHODS = frozenset({"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"})
FIELD_PATH = re.compile(r"^(\[\]|[^.\[\]]+(\[\])*)((\.[^.\[\]]+)(\[\])*)*$")
SUCCESS_WILDCARD = "2xx"


def scraped_spec(folder: str) -> dict[str, Any]:
    """The scraper's spec of one corpus folder, computed once per test session."""
    return scraped_folder(folder).document


def golden_files() -> list[Path]:
    """Contracts of corpus pages (tests/goldens/examples/ is not the corpus: not here)."""
    return sorted(
        path for folder in CORPUS_FOLDERS for path in (GOLDEN_DIR / folder).glob("*.yaml")
    )


def load_golden(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, dict), f"{path}: not a mapping"
    return data


def golden_folder(path: Path) -> str:
    return CORPUS_FOLDERS[path.parent.name]


GOLDENS = golden_files()
GOLDEN_IDS = [path.relative_to(GOLDEN_DIR).with_suffix("").as_posix() for path in GOLDENS]


# --------------------------------------------------------------------------- well-formedness


def _check_fields(where: str, fields: Any, problems: list[str]) -> None:
    if fields is None:
        return
    if not isinstance(fields, Mapping):
        problems.append(f"{where}: not a mapping")
        return
    for name, raw_spec in fields.items():
        if not isinstance(name, str) or not FIELD_PATH.match(name):
            problems.append(f"{where}: bad field path {name!r}")
        spec = raw_spec or {}
        unknown = set(spec) - {"required", "type"}
        if unknown:
            problems.append(f"{where}.{name}: unknown keys {sorted(unknown)}")
        if "type" in spec and spec["type"] not in JSON_TYPES:
            problems.append(f"{where}.{name}: bad type {spec['type']!r}")
        if str(name).endswith("[]") and "required" in spec:
            problems.append(f"{where}.{name}: array items take no 'required'")
        if "required" in spec and not isinstance(spec["required"], bool):
            problems.append(f"{where}.{name}: required must be a boolean")
        parent = re.sub(r"(\.[^.\[\]]+|\[\])$", "", name)
        if parent != name and parent and parent not in fields:
            problems.append(f"{where}.{name}: parent field {parent!r} not listed")


@pytest.mark.parametrize("golden_path", GOLDENS, ids=GOLDEN_IDS)
def test_golden_file_is_well_formed(golden_path: Path) -> None:
    problems: list[str] = []
    assert golden_path.parent.name in CORPUS_FOLDERS, f"unknown folder {golden_path.parent}"
    golden = load_golden(golden_path)
    unknown = set(golden) - {"page", "note", "operations"}
    assert not unknown, f"unknown top-level keys {sorted(unknown)}"
    page = str(golden["page"])
    assert page.startswith(golden_folder(golden_path) + "/"), (
        f"page {page} is not in {golden_folder(golden_path)}"
    )
    assert Path(page).stem == golden_path.stem or golden_path.stem.endswith(Path(page).stem), (
        f"file name {golden_path.name} does not name page {page}"
    )
    operations = golden["operations"]
    assert operations, "no operations"
    for index, operation in enumerate(operations):
        where = f"operations[{index}]"
        unknown = set(operation) - {
            "method",
            "path",
            "security",
            "parameters",
            "request_body",
            "responses",
            "subresources",
        }
        if unknown:
            problems.append(f"{where}: unknown keys {sorted(unknown)}")
        if operation.get("method") not in METHODS:
            problems.append(f"{where}: bad method {operation.get('method')!r}")
        path = str(operation.get("path", ""))
        if not path.startswith("/") or "?" in path:
            problems.append(f"{where}: bad path {path!r}")
        selecting = path.partition("#")[2].split("&") if "#" in path else []
        if not set(operation.get("subresources") or []) <= set(selecting):
            problems.append(f"{where}: subresources must be names of the path key's #...")
        if not isinstance(operation.get("security"), bool):
            problems.append(f"{where}: security must be true or false")
        names = set()
        for parameter in operation.get("parameters") or []:
            key = (parameter.get("name"), parameter.get("in"))
            if key in names:
                problems.append(f"{where}: parameter {key} twice")
            names.add(key)
            if parameter.get("in") not in LOCATIONS:
                problems.append(f"{where}: parameter {key} has bad 'in'")
            if not isinstance(parameter.get("required"), bool):
                problems.append(f"{where}: parameter {key} needs required true/false")
            if "type" in parameter and parameter["type"] not in JSON_TYPES:
                problems.append(f"{where}: parameter {key} has bad type")
            if str(parameter.get("name", "")).lower() in {"x-auth-token", "content-type"}:
                problems.append(f"{where}: {parameter.get('name')} must not be a parameter")
        for name in re.findall(r"\{([^}]+)\}", path):
            if (name, "path") not in names:
                problems.append(f"{where}: path parameter {name} not listed")
        _check_fields(f"{where}.request_body", operation.get("request_body"), problems)
        responses = operation.get("responses")
        if not isinstance(responses, Mapping) or not responses:
            problems.append(f"{where}: responses missing")
            continue
        for code, fields in responses.items():
            if not (isinstance(code, str) and re.fullmatch(r"[1-5]\d\d|2xx|default", code)):
                problems.append(f"{where}: response code {code!r} must be a quoted status")
            _check_fields(f"{where}.responses.{code}", fields, problems)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("golden_path", GOLDENS, ids=GOLDEN_IDS)
def test_golden_operations_are_the_page_uris(golden_path: Path) -> None:
    """The golden's method + path pairs are what the independent lister reads (paths as
    OpenAPI identifies them: by template, parameter names aside; FORMAT.md)."""
    golden = load_golden(golden_path)
    page = corpus_root() / golden["page"]
    corpus_dir(golden_folder(golden_path))
    assert page.is_file(), f"{page} does not exist"
    expected = {(op["method"], _as_written(op)) for op in golden["operations"]}
    assert expected == {(m, path_template(p)) for m, p in page_operations(page)}


def _as_written(operation: Mapping[str, Any]) -> str:
    """The page's form of a path key: ``/{ObjectName}#name&rename`` with sub-resource
    ``rename`` is written ``/ObjectName?name=Name&rename`` (the lister keeps ``?rename``)."""
    path = path_template(str(operation["path"]).partition("#")[0])
    names = operation.get("subresources") or []
    return path + ("?" + "&".join(names) if names else "")


# --------------------------------------------------------------------------- contract


def _golden_parameters(operation: Mapping[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (str(p["name"]), str(p["in"])): {"required": p["required"], "type": p.get("type")}
        for p in operation.get("parameters") or []
    }


def _diff_parameters(golden: Mapping[str, Any], flat: FlatOperation) -> list[str]:
    expected = _golden_parameters(golden)
    actual = {
        (p.name, p.location): {"required": p.required, "type": p.type} for p in flat.parameters
    }
    lines: list[str] = []
    for key in sorted(expected.keys() - actual.keys()):
        lines.append(f"  missing parameter {key[1]}:{key[0]} {expected[key]}")
    for key in sorted(actual.keys() - expected.keys()):
        lines.append(f"  extra   parameter {key[1]}:{key[0]} {actual[key]}")
    for key in sorted(expected.keys() & actual.keys()):
        want, got = expected[key], actual[key]
        if want["required"] != got["required"]:
            lines.append(
                f"  parameter {key[1]}:{key[0]} required: expected {want['required']}, "
                f"got {got['required']}"
            )
        if want["type"] is not None and want["type"] != got["type"]:
            lines.append(
                f"  parameter {key[1]}:{key[0]} type: expected {want['type']}, got {got['type']}"
            )
    return lines


def _diff_body(label: str, expected: FlatFields, variants: list[FlatFields]) -> list[str]:
    if not expected and len(variants) > 1:
        # a page without a body whose operation is shared with other pages (the spec
        # merges their bodies into a oneOf, which cannot hold an "empty" variant)
        return []
    index, lines = best_variant(expected, variants or [{}])
    if not lines:
        return []
    which = f" (closest of {len(variants)} oneOf variants: #{index})" if len(variants) > 1 else ""
    return [f" {label}{which}:", *lines]


def _diff_responses(golden: Mapping[str, Any], flat: FlatOperation) -> list[str]:
    expected: dict[str, FlatFields] = {
        str(code): golden_fields(fields) for code, fields in (golden.get("responses") or {}).items()
    }
    actual = dict(flat.responses)
    lines: list[str] = []
    pairs = [(code, code) for code in expected if code != SUCCESS_WILDCARD]
    reported = {code for code, _ in pairs}
    if SUCCESS_WILDCARD in expected:
        successes = sorted(code for code in actual if code.startswith("2") and code not in reported)
        reported.update(successes)
        if len(successes) == 1:
            pairs.insert(0, (SUCCESS_WILDCARD, successes[0]))
        else:
            lines.append(
                f"  golden '2xx' needs exactly one 2xx response in the spec, found {successes}"
            )
    for golden_code, spec_code in pairs:
        if spec_code not in actual:
            lines.append(f"  missing response {golden_code}")
            continue
        lines.extend(_diff_body(f"response {spec_code}", expected[golden_code], actual[spec_code]))
    lines.extend(f"  extra   response {code}" for code in sorted(actual.keys() - reported))
    return lines


def compare_operation(spec: Mapping[str, Any], golden: Mapping[str, Any]) -> list[str]:
    """Readable differences between one golden operation and the spec ([] when equal)."""
    method, path = str(golden["method"]), str(golden["path"])
    try:
        flat = flatten_operation(spec, method, path)
    except OpenAPIError as error:
        return [f"  {error}"]
    lines: list[str] = []
    subresources = _spec_subresources(spec, method, path)
    if subresources != list(golden.get("subresources") or []):
        lines.append(f"  subresources: expected {golden.get('subresources')}, got {subresources}")
    if flat.security != bool(golden.get("security", False)):
        lines.append(f"  security: expected {golden.get('security')}, got {flat.security}")
    lines.extend(_diff_parameters(golden, flat))
    lines.extend(
        _diff_body("request body", golden_fields(golden.get("request_body")), flat.request_bodies)
    )
    lines.extend(_diff_responses(golden, flat))
    return lines


def _spec_subresources(spec: Mapping[str, Any], method: str, path: str) -> list[str]:
    """Query parameters the operation sends without a value (``allowEmptyValue``)."""
    operation = (spec.get("paths") or {}).get(path, {}).get(method.lower(), {})
    return [
        str(p.get("name"))
        for p in operation.get("parameters") or []
        if isinstance(p, Mapping) and p.get("in") == "query" and p.get("allowEmptyValue")
    ]


@pytest.mark.parametrize("golden_path", GOLDENS, ids=GOLDEN_IDS)
def test_golden_contract(golden_path: Path) -> None:
    golden = load_golden(golden_path)
    spec = scraped_spec(golden_folder(golden_path))
    report: list[str] = []
    for operation in golden["operations"]:
        lines = compare_operation(spec, operation)
        if lines:
            report.append(f"{operation['method']} {operation['path']}:")
            report.extend(lines)
    if report:
        pytest.fail(f"{golden['page']} differs from its golden:\n" + "\n".join(report), False)
