"""OpenAPI Overlay 1.0: corrections to the scraped document, kept apart from the pages.

An overlay (https://spec.openapis.org/overlay/v1.0.0.html) is a list of actions, each a
JSONPath query (RFC 9535, evaluated by ``jsonpath-rfc9535``) selecting objects or arrays of
the document, and an ``update`` merged into each (an object merged recursively, an entry
appended to an array) or ``remove: true`` taking each out of its parent. Actions are
applied in order, each to the result of the one before.

A file that is not an overlay is an :class:`OverlayError` (nothing of it is applied); an
action that cannot do what it says is a diagnostic located by the file and the action's
number, and the others still apply.
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonpath_rfc9535 as jsonpath

from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.files import load_document
from doc2openapi.text_names import nearest

_OVERLAY_FIELDS = ("overlay", "info", "extends", "actions")
_ACTION_FIELDS = ("target", "description", "update", "remove")
_NO_UPDATE = object()
"""An action without ``update`` (``update: null`` is a value, if not a useful one)."""


@dataclass(frozen=True, slots=True)
class OverlayError:
    """An overlay file that cannot be used at all."""

    source: str
    detail: str

    def __str__(self) -> str:
        return f"overlay {self.source}: {self.detail}"


@dataclass(frozen=True, slots=True)
class Action:
    number: int
    """1 for the first action of its overlay."""
    target: str
    query: jsonpath.JSONPathQuery
    update: Any
    remove: bool


@dataclass(frozen=True, slots=True)
class Overlay:
    source: str
    title: str
    actions: tuple[Action, ...]
    digest: str
    """Of the overlay's content: a build whose overlay changed is not a rebuild of the same."""


def load_overlay(path: Path) -> Overlay | OverlayError:
    """The overlay in ``path`` (YAML or JSON), or why it cannot be used."""
    try:
        data = load_document(path)
    except FileNotFoundError:
        return OverlayError(str(path), "file not found")
    except (OSError, ValueError) as error:
        return OverlayError(str(path), f"not readable as YAML or JSON: {error}".splitlines()[0])
    return read_overlay(data, str(path))


def load_overlays(paths: Sequence[str]) -> list[Overlay] | OverlayError:
    """The overlays in ``paths``, in order, or why the first that cannot be used cannot."""
    overlays = []
    for path in paths:
        overlay = load_overlay(Path(path))
        if isinstance(overlay, OverlayError):
            return overlay
        overlays.append(overlay)
    return overlays


def _unknown(data: dict[str, Any], known: Sequence[str], where: str) -> str | None:
    for key in data:
        if not (isinstance(key, str) and (key in known or key.startswith("x-"))):
            close = nearest(str(key), known)
            hint = f" — did you mean {close!r}?" if close else ""
            return f"{where}unknown field {key!r}{hint}"
    return None


def _header_problem(data: Any) -> str | None:
    """What is wrong with the overlay's fields other than its actions."""
    if not isinstance(data, dict):
        return "not an overlay: the file holds no object (overlay, info, actions)"
    version = data.get("overlay")
    if not isinstance(version, str):
        return "'overlay' must be the version string of the Overlay Specification, '1.0.0'"
    if version.split(".")[:2] != ["1", "0"]:
        return f"overlay version {version!r} is not supported (1.0.x is)"
    info = data.get("info")
    if not isinstance(info, dict) or not all(
        isinstance(info.get(key), str) for key in ("title", "version")
    ):
        return "'info' must be an object with a 'title' and a 'version' (strings)"
    if "extends" in data and not isinstance(data["extends"], str):
        return "'extends' must be a string (a URI reference)"
    actions = data.get("actions")
    if not isinstance(actions, list) or not actions:
        return "'actions' must be a list of at least one action"
    return _unknown(data, _OVERLAY_FIELDS, "")


def _action(number: int, data: Any) -> Action | str:
    where = f"action {number}: "
    if not isinstance(data, dict):
        return f"{where}not an object (target, update or remove)"
    if problem := _unknown(data, _ACTION_FIELDS, where):
        return problem
    target = data.get("target")
    if not isinstance(target, str):
        return f"{where}'target' must be a JSONPath query (a string such as \"$.info\")"
    if not isinstance(data.get("description", ""), str):
        return f"{where}'description' must be a string"
    remove = data.get("remove", False)
    if not isinstance(remove, bool):
        return f"{where}'remove' must be true or false"
    try:
        query = jsonpath.compile(target)
    except jsonpath.JSONPathError as error:
        return f"{where}target {target!r} is not a JSONPath query (RFC 9535): {error}"
    if "update" in data and (problem := _not_json(data["update"], "update")):
        return f"{where}{problem}"
    return Action(number, target, query, data.get("update", _NO_UPDATE), remove)


def _not_json(value: Any, where: str) -> str | None:
    """Where ``value`` holds what JSON cannot (YAML reads ``2024-01-01`` as a date, ``.inf``
    as infinity); None when it holds only JSON values."""
    if isinstance(value, dict):
        inner = ((f"{where}.{key}", item) for key, item in value.items())
    elif isinstance(value, list):
        inner = ((f"{where}[{index}]", item) for index, item in enumerate(value))
    elif isinstance(value, float) and not math.isfinite(value):
        return f"{where} is {value}, which JSON cannot hold"
    elif value is None or isinstance(value, str | int | float):
        return None
    else:
        return f"{where} is a {type(value).__name__}, which JSON cannot hold (quote it in YAML)"
    return next((p for place, item in inner if (p := _not_json(item, place))), None)


def read_overlay(data: Any, source: str) -> Overlay | OverlayError:
    """The overlay ``data`` (read from ``source``), or why it is not one."""
    if problem := _header_problem(data):
        return OverlayError(source, problem)
    actions = []
    for number, item in enumerate(data["actions"], start=1):
        action = _action(number, item)
        if isinstance(action, str):
            return OverlayError(source, action)
        actions.append(action)
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    digest = hashlib.sha256(canonical.encode()).hexdigest()
    return Overlay(source, data["info"]["title"], tuple(actions), digest)


def _kind(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}.get(
        type(value), "null" if value is None else "a number"
    )


def _misfit(target: Any, update: Any, where: str) -> str | None:
    """Why ``update`` does not fit ``target`` (an object merges into an object, recursively;
    any entry is appended to an array); None when it fits."""
    if isinstance(target, list):
        return None
    if not isinstance(target, dict):
        return (
            f"{where} is {_kind(target)}, and an update merges into objects and appends to "
            "arrays only (to change a value, target the object that holds it)"
        )
    if not isinstance(update, dict):
        return f"{where} is an object, the update {_kind(update)}"
    for key, value in update.items():
        inner = f"{where}[{json.dumps(key)}]"
        if isinstance(target.get(key), dict | list) and not isinstance(value, type(target[key])):
            return f"{inner} is {_kind(target[key])}, the update {_kind(value)}"
        if isinstance(target.get(key), dict) and (problem := _misfit(target[key], value, inner)):
            return problem
    return None


def _merge(target: Any, update: Any) -> None:
    """Merge ``update`` into ``target`` (checked by :func:`_misfit`): objects recursively,
    arrays appended to, any other value replaced."""
    if isinstance(target, list):
        target.append(copy.deepcopy(update))
        return
    for key, value in update.items():
        if isinstance(target.get(key), dict):
            _merge(target[key], value)
        elif isinstance(target.get(key), list):
            target[key].extend(copy.deepcopy(value))
        else:
            target[key] = copy.deepcopy(value)


def _remove(nodes: Sequence[jsonpath.JSONPathNode]) -> None:
    """Take the nodes out of their parents; from an array, the last first, so that the
    indexes of the others still hold."""
    last_first = sorted(
        nodes, key=lambda node: -1 if isinstance(node.location[-1], str) else node.location[-1]
    )
    for node in reversed(last_first):
        container = node.parent.value if node.parent is not None else None
        key = node.location[-1]
        if isinstance(container, dict):
            container.pop(key, None)
        elif isinstance(container, list) and isinstance(key, int):
            del container[key]


def _apply(document: dict[str, Any], source: str, action: Action) -> list[Diagnostic]:
    """Apply one action; what it could not do, as diagnostics."""

    def problem(level: Level, code: Code, detail: str) -> Diagnostic:
        return Diagnostic(level, code, source, detail, table=f"action {action.number}")

    if not action.remove and action.update is _NO_UPDATE:
        detail = "neither 'update' nor 'remove: true': the action changes nothing"
        return [problem(Level.WARNING, Code.OVERLAY_NO_CHANGE, detail)]
    found = {node.location: node for node in action.query.find(document)}
    if not found:
        detail = f"target {action.target} matches nothing in the document"
        return [problem(Level.WARNING, Code.OVERLAY_NO_MATCH, detail)]
    if action.remove:
        if () in found:
            detail = "the target is the whole document, which cannot be removed"
            return [problem(Level.ERROR, Code.OVERLAY_MISFIT, detail)]
        _remove(list(found.values()))
        return []
    problems = []
    for node in found.values():
        if misfit := _misfit(node.value, action.update, node.path()):
            problems.append(problem(Level.ERROR, Code.OVERLAY_MISFIT, f"not applied: {misfit}"))
        else:
            _merge(node.value, action.update)
    return problems


def apply_overlays(document: dict[str, Any], overlays: Sequence[Overlay]) -> list[Diagnostic]:
    """Apply the overlays' actions to ``document`` (changed in place), in order; what
    could not be done, as diagnostics."""
    return [
        problem
        for overlay in overlays
        for action in overlay.actions
        for problem in _apply(document, overlay.source, action)
    ]
