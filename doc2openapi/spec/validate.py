"""Validation: openapi-spec-validator, then checks of our own that it does not make."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from doc2openapi.names import path_parameter_names
from doc2openapi.spec.chunks import ValidParts, digest, split
from doc2openapi.spec.paths import OPERATION_METHODS
from doc2openapi.spec.versions import SCHEMA_REF

_OPERATION_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


@dataclass(frozen=True, slots=True)
class ValidationProblem:
    pointer: str
    message: str

    def format(self) -> str:
        return f"{self.pointer or '/'}: {self.message}"


def _pointer(parts: Any) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def _schema_problems(document: dict[str, Any]) -> Iterator[ValidationProblem]:
    # imported here: the validator takes half a second to import, and a build whose inputs
    # did not change never validates
    from jsonschema.exceptions import ValidationError  # noqa: PLC0415
    from openapi_spec_validator import (  # noqa: PLC0415
        OpenAPIV30SpecValidator,
        OpenAPIV31SpecValidator,
    )

    version = str(document.get("openapi", ""))
    validator_class = (
        OpenAPIV31SpecValidator if version.startswith("3.1") else OpenAPIV30SpecValidator
    )
    errors = validator_class(document).iter_errors()
    found = 0
    while True:
        try:
            error = next(errors)
        except StopIteration:
            return
        except (RecursionError, ValueError, TypeError, KeyError, AttributeError) as crash:
            if not found:
                yield ValidationProblem(
                    "",
                    f"the validator could not read the document: {type(crash).__name__}: {crash}",
                )
            return
        found += 1
        if isinstance(error, ValidationError):
            yield ValidationProblem(_pointer(error.absolute_path), error.message)
        else:
            yield ValidationProblem("", str(error))


def _semantic_problems(document: dict[str, Any], targets: set[str]) -> Iterator[ValidationProblem]:
    seen: dict[str, str] = {}
    schemas = document.get("components", {}).get("schemas", {})
    for path, item in (document.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for method in OPERATION_METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            where = _pointer(["paths", path, method])
            operation_id = operation.get("operationId")
            if not isinstance(operation_id, str) or not _OPERATION_ID.match(operation_id):
                yield ValidationProblem(
                    where + "/operationId", f"operationId {operation_id!r} is not an identifier"
                )
            elif operation_id in seen:
                yield ValidationProblem(
                    where + "/operationId",
                    f"operationId {operation_id!r} is also used at {seen[operation_id]}",
                )
            else:
                seen[operation_id] = where
            yield from _path_parameter_problems(path, item, operation, where)
    yield from _dangling_refs(document, schemas, targets)


def _path_parameter_problems(
    path: str, item: dict[str, Any], operation: dict[str, Any], where: str
) -> Iterator[ValidationProblem]:
    declared = {
        p.get("name")
        for p in [*item.get("parameters", []), *operation.get("parameters", [])]
        if isinstance(p, dict) and p.get("in") == "path"
    }
    for name in path_parameter_names(path):
        if name not in declared:
            yield ValidationProblem(
                where + "/parameters", f"path parameter {name!r} is not declared"
            )


def _nodes(document: Any) -> Iterator[tuple[Any, tuple[Any, ...]]]:
    """Every node of a document with its path: walked only to place problems that
    :func:`_flaws` found, since a document has tens of thousands of nodes and few problems."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(document, ())]
    while stack:
        node, at = stack.pop()
        yield node, at
        if isinstance(node, dict):
            stack.extend((v, (*at, k)) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, (*at, i)) for i, v in enumerate(node))


def _flaws(document: Any) -> tuple[bool, set[str]]:
    """In one pass without paths: whether some key is not text, and every schema reference
    target named in the document."""
    odd_key = False
    targets: set[str] = set()
    stack: list[Any] = [document]
    pop, push = stack.pop, stack.extend
    while stack:
        node = pop()
        if isinstance(node, dict):
            target = node.get("$ref")
            if isinstance(target, str):
                targets.add(target)
            if not odd_key:
                odd_key = not all(isinstance(key, str) for key in node)
            push(node.values())
        elif isinstance(node, list):
            push(node)
    return odd_key, targets


def _dangling_refs(
    document: Any, schemas: dict[str, Any], targets: set[str]
) -> Iterator[ValidationProblem]:
    if all(not t.startswith(SCHEMA_REF) or t.rsplit("/", 1)[-1] in schemas for t in targets):
        return
    for node, at in _nodes(document):
        target = node.get("$ref") if isinstance(node, dict) else None
        if isinstance(target, str) and target.startswith(SCHEMA_REF):
            if target.rsplit("/", 1)[-1] not in schemas:
                yield ValidationProblem(_pointer(at) + "/$ref", f"{target} does not exist")


def _non_string_keys(document: dict[str, Any]) -> list[ValidationProblem]:
    """Keys that are not text (YAML reads ``200:`` as a number): OpenAPI keys are strings,
    and the validator cannot read a document with others."""
    found: list[ValidationProblem] = []
    for node, at in _nodes(document):
        if len(found) >= 50:
            break
        if isinstance(node, dict):
            found.extend(
                ValidationProblem(
                    _pointer((*at, key)), f"key {key!r} is not a string (quote it in YAML)"
                )
                for key in node
                if not isinstance(key, str)
            )
    return sorted(found, key=lambda p: p.pointer)


def validate_document(document: Any, known: ValidParts | None = None) -> list[ValidationProblem]:
    """Every problem of a document, each with its JSON pointer. Empty means valid.

    With ``known`` (the parts of earlier documents found valid), only the parts of this
    one that are new go through openapi-spec-validator (see :mod:`.chunks`)."""
    if not isinstance(document, dict) or "openapi" not in document:
        return [ValidationProblem("", "not an OpenAPI document (no 'openapi' field)")]
    odd_key, targets = _flaws(document)
    if odd_key:
        return _non_string_keys(document)
    problems = _validated_by_parts(document, known)
    if not problems:
        problems.extend(_semantic_problems(document, targets))
    return sorted(set(problems), key=lambda p: (p.pointer, p.message))


def _validated_by_parts(
    document: dict[str, Any], known: ValidParts | None
) -> list[ValidationProblem]:
    if known is None:
        return list(_schema_problems(document))
    parts = split(document)
    try:
        keys = {name: digest(part) for name, part in parts.items()}
    except RecursionError:  # nested deeper than a digest can follow: validate it whole
        return list(_schema_problems(document))
    new = [name for name, key in keys.items() if not known.known(key)]
    if len(new) * 2 > len(parts):
        problems = list(_schema_problems(document))
    else:
        problems = [p for name in new for p in _schema_problems(parts[name])]
    if not problems:
        known.remember([keys[name] for name in new])
    return problems
