"""Path templates as OpenAPI identifies them.

OpenAPI forbids two things the documents do:

- one parameter name twice in a path (``/v2/{project_id}/os-quota-sets/{project_id}``):
  the repeat becomes ``{project_id_2}``, a path parameter described as the same value;
- two paths that differ only in their parameter names (``.../os-interface/{id}`` on one
  page, ``.../os-interface/{port_id}`` on another): OpenAPI holds them identical, so one
  set of names is kept for all of them.

Each renaming is reported (D307) on the page it changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from doc2openapi.text_names import PATH_PARAMETER, path_parameter_names


class RoutedOperation(Protocol):
    """An operation as the builder holds it before the paths are written."""

    path: str
    page: str
    body: dict[str, Any]


Report = Callable[[str, str], None]
"""``report(page, detail)``."""


def template(path: str) -> str:
    """The path with its parameter names erased: ``/a/{x}/b`` → ``/a/{}/b``."""
    return PATH_PARAMETER.sub("{}", path)


OPERATION_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
"""The operations of a path item, in the order OpenAPI lists them."""


def _path_parameters(operation: RoutedOperation) -> list[dict[str, Any]]:
    return [p for p in operation.body.get("parameters", []) if p.get("in") == "path"]


def number_repeats(operation: RoutedOperation, report: Report) -> None:
    """``{name}`` a second time becomes ``{name_2}`` (a third ``{name_3}``, …)."""
    names = path_parameter_names(operation.path)
    if len(names) == len(set(names)):
        return
    seen: dict[str, int] = {}
    taken = set(names)
    renamed: list[tuple[str, str]] = []

    def rename(match: re.Match[str]) -> str:
        name = match.group(1)
        seen[name] = seen.get(name, 0) + 1
        if seen[name] == 1:
            return match.group(0)
        number = seen[name]
        while f"{name}_{number}" in taken:
            number += 1
        new = f"{name}_{number}"
        taken.add(new)
        renamed.append((name, new))
        return "{" + new + "}"

    old_path = operation.path
    operation.path = PATH_PARAMETER.sub(rename, old_path)
    parameters: list[dict[str, Any]] = list(operation.body.get("parameters", []))
    for name, new in renamed:
        position = next(
            (i for i, p in enumerate(parameters) if p.get("in") == "path" and p["name"] == name),
            None,
        )
        original = parameters[position] if position is not None else {"schema": {"type": "string"}}
        described = str(original.get("description", "")).strip()
        copy = {
            **original,
            "name": new,
            "in": "path",
            "required": True,
            "description": f"The URI repeats {{{name}}} here: the same value as {name}."
            + (f" {described}" if described else ""),
        }
        parameters.insert(len(parameters) if position is None else position + 1, copy)
        report(
            operation.page,
            f"{old_path} names {{{name}}} twice, which OpenAPI does not allow; "
            f"the repeat is {{{new}}}",
        )
    operation.body["parameters"] = parameters


def unify_names(operations: Sequence[RoutedOperation], report: Report) -> None:
    """Paths that differ only in parameter names take one set of names: the set used by
    most operations, then the longer (more telling) names, then the first path."""
    groups: dict[str, list[RoutedOperation]] = {}
    for operation in operations:
        groups.setdefault(template(operation.path), []).append(operation)
    for members in groups.values():
        paths = sorted({op.path for op in members})
        if len(paths) < 2:
            continue
        users = {path: sum(op.path == path for op in members) for path in paths}
        chosen = min(
            paths,
            key=lambda p: (-users[p], -sum(len(n) for n in path_parameter_names(p)), p),
        )
        for operation in members:
            if operation.path != chosen:
                _rename_to(operation, chosen, report)


def _rename_to(operation: RoutedOperation, chosen: str, report: Report) -> None:
    mapping = dict(
        zip(path_parameter_names(operation.path), path_parameter_names(chosen), strict=True)
    )
    for parameter in _path_parameters(operation):
        parameter["name"] = mapping.get(parameter["name"], parameter["name"])
    changes = ", ".join(f"{{{old}}} is {{{new}}}" for old, new in mapping.items() if old != new)
    report(
        operation.page,
        f"{operation.path} and {chosen} differ only in parameter names, which OpenAPI holds "
        f"to be one path: {changes}",
    )
    operation.path = chosen
