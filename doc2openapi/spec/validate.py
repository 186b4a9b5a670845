"""Validation: openapi-spec-validator (after a fast check that can only say "valid", see
:mod:`.fast_validation`), and checks of our own that it does not make."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, partial
from typing import Any

from jsonschema.exceptions import UnknownType
from referencing.exceptions import PointerToNowhere, Unresolvable

from doc2openapi.cache import Cache
from doc2openapi.diagnostics import Code, Diagnostic, Level, in_document
from doc2openapi.spec.chunks import part_key, split
from doc2openapi.spec.fast_validation import surely_valid
from doc2openapi.spec.paths import OPERATION_METHODS
from doc2openapi.spec.versions import SCHEMA_REF
from doc2openapi.text_names import path_parameter_names

_OPERATION_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def _problem(code: Code, pointer: str, detail: str) -> Diagnostic:
    return in_document(Level.ERROR, code, pointer, detail)


def _pointer(parts: Any) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def _schema_problems(document: dict[str, Any]) -> Iterator[Diagnostic]:
    """openapi-spec-validator's problems, each placed at least at its path item or schema;
    nothing, without running it, where the fast check finds the document valid."""
    if surely_valid(document):
        return
    version = str(document.get("openapi", ""))
    validator = _validator_class(version.startswith("3.1"))(document)
    yield from _placed(validator.schema_validator.iter_errors(document), ())
    # OSV's RootValidator, one part at a time: a problem is placed in its part, and a part
    # the validator cannot read (a reference to nothing) does not hide the others.
    registry: Any = validator.keyword_validators_registry
    root = validator.schema_path
    if "tags" in registry.keyword_validators and _has(root, "tags"):
        yield from _placed(partial(registry["tags"], root / "tags"), ("tags",))
    if _has(root, "paths"):
        for url, item in _items(root / "paths"):
            yield from _placed(partial(registry["path"], url, item), ("paths", url))
    if _has(root, "components") and _has(root / "components", "schemas"):
        for name, schema in _items(root / "components" / "schemas"):
            at = ("components", "schemas", name)
            yield from _placed(partial(registry["schema"], schema), at)


@cache
def _validator_class(openapi_31: bool) -> Any:
    """openapi-spec-validator's class for the version, made to follow no reference out of
    the document: it would read any file or URL a ``$ref`` names (and quote it)."""
    # imported here: the validator takes a fifth of a second to import
    from openapi_spec_validator import (  # noqa: PLC0415
        OpenAPIV30SpecValidator,
        OpenAPIV31SpecValidator,
    )

    base = OpenAPIV31SpecValidator if openapi_31 else OpenAPIV30SpecValidator
    return type(f"Local{base.__name__}", (base,), {"resolver_handlers": _NoRetrieval()})


class _NoRetrieval(dict[str, Any]):
    """Handlers of every URL scheme (``jsonschema_path`` opens the URL itself for a scheme
    that has none), each refusing."""

    def __contains__(self, scheme: object) -> bool:
        return True

    def __getitem__(self, scheme: str) -> Any:
        return _refuse


def _refuse(uri: str) -> Any:
    raise ValueError(f"a reference out of the document is not followed: {uri}")


def _has(node: Any, key: str) -> bool:
    try:
        return key in node
    except _UNREADABLE:
        return False


def _items(node: Any) -> list[tuple[str, Any]]:
    try:
        return [(str(key), value) for key, value in node.items()]
    except _UNREADABLE:
        return []


def _placed(errors: Any, at: tuple[str, ...]) -> Iterator[Diagnostic]:
    """The problems of one part (``errors``: an iterator or a function that returns one),
    with their pointers under ``at``; a failure to read the part is one problem there."""
    from jsonschema.exceptions import ValidationError  # noqa: PLC0415

    try:
        for error in errors() if callable(errors) else errors:
            if isinstance(error, ValidationError):
                pointer = _pointer([*at, *error.absolute_path])
                yield _problem(Code.SCHEMA_VIOLATION, pointer, _line(error.message))
            else:
                yield _problem(Code.SCHEMA_VIOLATION, _pointer(at), _line(str(error)))
    except _UNREADABLE as crash:
        detail = f"the validator could not read this: {_why(crash)}"
        yield _problem(Code.VALIDATOR_FAILED, _pointer(at), detail)


# UnknownType: a schema whose type no OpenAPI 3.0 validator knows ('null') breaks the check of
# its own default value.
_UNREADABLE = (
    RecursionError,
    ValueError,
    TypeError,
    LookupError,
    AttributeError,
    Unresolvable,
    UnknownType,
)


def _why(crash: BaseException) -> str:
    """A line on why the validator failed (the exception may quote the whole document)."""
    if isinstance(crash, PointerToNowhere):
        return f"reference to nothing: #{crash.ref}"
    if isinstance(crash, Unresolvable):
        return f"reference that cannot be resolved: {crash.ref}"
    return _line(f"{type(crash).__name__}: {crash}")


def _line(text: str, limit: int = 240) -> str:
    """The first line of a message, its middle left out where it is long (a message may
    quote a whole part of the document)."""
    first = text.splitlines()[0] if text else ""
    if len(first) <= limit:
        return first
    return f"{first[: limit // 2]} … {first[-limit // 2 :]}"


def _semantic_problems(document: dict[str, Any], targets: set[str]) -> Iterator[Diagnostic]:
    seen: dict[str, str] = {}
    schemas = _mapping(_mapping(document.get("components")).get("schemas"))
    for path, item in _mapping(document.get("paths")).items():
        if not isinstance(item, dict):
            continue
        for method in OPERATION_METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            where = _pointer(["paths", path, method])
            operation_id = operation.get("operationId")
            if not isinstance(operation_id, str) or not _OPERATION_ID.match(operation_id):
                yield _problem(
                    Code.OPERATION_ID_INVALID,
                    where + "/operationId",
                    f"operationId {operation_id!r} is not an identifier",
                )
            elif operation_id in seen:
                yield _problem(
                    Code.OPERATION_ID_REPEATED,
                    where + "/operationId",
                    f"operationId {operation_id!r} is also used at {seen[operation_id]}",
                )
            else:
                seen[operation_id] = where
            yield from _path_parameter_problems(path, item, operation, where)
    yield from _dangling_refs(document, schemas, targets)


def _mapping(value: Any) -> dict[Any, Any]:
    """``value`` where it is a mapping, else an empty one: our checks run beside the
    validator's on documents of any shape."""
    return value if isinstance(value, dict) else {}


def _sequence(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _path_parameter_problems(
    path: str, item: dict[str, Any], operation: dict[str, Any], where: str
) -> Iterator[Diagnostic]:
    declared = {
        p.get("name")
        for p in [*_sequence(item.get("parameters")), *_sequence(operation.get("parameters"))]
        if isinstance(p, dict) and p.get("in") == "path" and isinstance(p.get("name"), str)
    }
    for name in path_parameter_names(str(path)):
        if name not in declared:
            yield _problem(
                Code.PATH_PARAM_UNDECLARED,
                where + "/parameters",
                f"path parameter {name!r} is not declared",
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
) -> Iterator[Diagnostic]:
    if all(not t.startswith(SCHEMA_REF) or t.rsplit("/", 1)[-1] in schemas for t in targets):
        return
    for node, at in _nodes(document):
        target = node.get("$ref") if isinstance(node, dict) else None
        if isinstance(target, str) and target.startswith(SCHEMA_REF):
            if target.rsplit("/", 1)[-1] not in schemas:
                yield _problem(
                    Code.DANGLING_REF, _pointer(at) + "/$ref", f"{target} does not exist"
                )


def _non_string_keys(document: dict[str, Any]) -> list[Diagnostic]:
    """Keys that are not text (YAML reads ``200:`` as a number): OpenAPI keys are strings,
    and the validator cannot read a document with others."""
    found: list[Diagnostic] = []
    for node, at in _nodes(document):
        if len(found) >= 50:
            break
        if isinstance(node, dict):
            found.extend(
                _problem(
                    Code.KEY_NOT_STRING,
                    _pointer((*at, key)),
                    f"key {key!r} is not a string (quote it in YAML)",
                )
                for key in node
                if not isinstance(key, str)
            )
    return sorted(found, key=lambda p: p.pointer)


def validate_document(document: Any, cache: Cache | None = None) -> list[Diagnostic]:
    """Every problem of a document, each with its JSON pointer. Empty means valid.

    With a ``cache`` (where the parts of earlier documents found valid are kept), only the
    parts of this one that are new go through openapi-spec-validator (see :mod:`.chunks`)."""
    if not isinstance(document, dict) or "openapi" not in document:
        return [_problem(Code.NOT_OPENAPI, "", "not an OpenAPI document (no 'openapi' field)")]
    odd_key, targets = _flaws(document)
    if odd_key:
        return _non_string_keys(document)
    problems = _validated_by_parts(document, cache)
    problems.extend(_semantic_problems(document, targets))
    return sorted(set(problems), key=lambda p: (p.pointer, p.detail))


def _validated_by_parts(document: dict[str, Any], cache: Cache | None) -> list[Diagnostic]:
    if cache is None:
        return list(_schema_problems(document))
    parts = split(document)
    try:
        keys = {name: part_key(part) for name, part in parts.items()}
    except (RecursionError, ValueError):  # beyond JSON (too deep, NaN): validate it whole
        return list(_schema_problems(document))
    new = [name for name, key in keys.items() if cache.get("valid-part", key) is not True]
    if len(new) * 2 > len(parts):
        problems = list(_schema_problems(document))
    else:
        problems = [p for name in new for p in _schema_problems(parts[name])]
    if not problems:
        for name in new:
            cache.put("valid-part", keys[name], True)
    return problems
