"""Two documents compared operation by operation.

Operations are matched by method and path, never by operationId (a renamed operationId is
no change); a path is matched with its parameter names left out (``/v1/{id}`` is
``/v1/{server_id}``), and its path parameters by position.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from .model import Finding, Location
from .schemas import EMPTY, Resolver, SchemaComparer, SchemaFinding
from .security import security_findings
from .unchanged import same, unchanged_references

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_PLACEHOLDER = re.compile(r"\{[^{}/]*\}")

Operation = tuple[str, Mapping[str, Any], Mapping[str, Any]]
"""The path as written, the operation, and its path item."""
Located = tuple[str, str, Finding]
"""Method, path and a finding."""


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else EMPTY


def operations(document: Mapping[str, Any]) -> dict[tuple[str, str], Operation]:
    """The operations of ``document`` by method and path template (placeholders emptied;
    a path whose template another path shares keeps its own names)."""
    paths = {p: item for p, item in _mapping(document.get("paths")).items() if isinstance(p, str)}
    templates: dict[str, int] = {}
    for path in paths:
        template = _PLACEHOLDER.sub("{}", path)
        templates[template] = templates.get(template, 0) + 1
    found: dict[tuple[str, str], Operation] = {}
    for path, raw_item in paths.items():
        item = _mapping(raw_item)
        template = _PLACEHOLDER.sub("{}", path)
        key_path = template if templates[template] == 1 else path
        for method in METHODS:
            if isinstance(item.get(method), Mapping):
                found[(method, key_path)] = (path, item[method], item)
    return found


def _required_property(side: str, suffix: str) -> str | None:
    """The rule id of a field added, removed or made (not) required; None for others."""
    state, _, how = suffix.partition("-")
    if state not in ("added", "removed", "became") or how not in ("required", "optional"):
        return None
    if side == "request":
        return {
            "added": f"new-{how}-request-property",
            "removed": "request-property-removed",
            "became": f"request-property-became-{how}",
        }[state]
    return {
        "added": f"response-{how}-property-added",
        "removed": f"response-{how}-property-removed",
        "became": f"response-property-became-{how}",
    }[state]


def schema_kind(side: str, root: str, found: SchemaFinding) -> str:
    """The rule id of a schema finding: ``root`` names the whole schema
    (``request-body``...), ``{side}-property`` a field of it."""
    if not found.field:
        return f"{root}-{found.suffix}"
    return _required_property(side, found.suffix) or f"{side}-property-{found.suffix}"


class DocumentComparer:
    def __init__(self, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        self.old, self.new = Resolver(old), Resolver(new)
        self.stable = unchanged_references(old, new)
        self.schemas = SchemaComparer(self.old, self.new, self.stable)
        self.same_security = old.get("security") == new.get("security") and (
            _security_schemes(old) == _security_schemes(new)
        )

    def compare(self) -> Iterator[Located]:
        before, after = operations(self.old.document), operations(self.new.document)
        for key in sorted(before.keys() | after.keys()):
            method = key[0]
            if key not in after:
                path, operation, _ = before[key]
                deprecated = operation.get("deprecated") is True
                kind = f"api-removed-{'with' if deprecated else 'without'}-deprecation"
                yield method, path, Finding(kind, Location("operation"))
            elif key not in before:
                yield method, after[key][0], Finding("endpoint-added", Location("operation"))
            else:
                path = after[key][0]
                for finding in self._operation(before[key], after[key]):
                    yield method, path, finding

    def _operation(self, old: Operation, new: Operation) -> Iterator[Finding]:
        if (
            self.same_security
            and old[0] == new[0]
            and same(old[1], new[1], self.stable)
            and same(old[2].get("parameters"), new[2].get("parameters"), self.stable)
        ):
            return  # the same operation, referring to the same components
        was, now = old[1].get("deprecated") is True, new[1].get("deprecated") is True
        if was != now:
            yield Finding("api-deprecated" if now else "api-reactivated", Location("operation"))
        yield from self._parameters(old, new)
        yield from self._request_body(old[1], new[1])
        yield from self._responses(old[1], new[1])
        yield from security_findings(self.old.document, old[1], self.new.document, new[1])

    def _schema(
        self, old: Any, new: Any, side: str, root: str, where: Location
    ) -> Iterator[Finding]:
        for found in self.schemas.compare(old, new):
            located = replace(where, field=found.field)
            yield Finding(schema_kind(side, root, found), located, found.old, found.new)

    def _parameters(self, old: Operation, new: Operation) -> Iterator[Finding]:
        before = _parameters_of(self.old, old)
        after = _parameters_of(self.new, new)
        for key in sorted(before.keys() | after.keys()):
            if key not in after:
                parameter = before[key]
                where = Location("parameter", parameter["name"], parameter["in"])
                yield Finding("request-parameter-removed", where)
                continue
            parameter = after[key]
            where = Location("parameter", parameter["name"], parameter["in"])
            required = parameter.get("required") is True or parameter["in"] == "path"
            if key not in before:
                how = "required" if required else "optional"
                yield Finding(f"new-{how}-request-parameter", where)
                continue
            previous = before[key]
            if previous["name"] != parameter["name"]:
                kind = "request-path-parameter-renamed"
                yield Finding(kind, where, previous["name"], parameter["name"])
            if required != (previous.get("required") is True or previous["in"] == "path"):
                how = "required" if required else "optional"
                yield Finding(f"request-parameter-became-{how}", where)
            schemas = previous.get("schema"), parameter.get("schema")
            yield from self._schema(*schemas, "request", "request-parameter", where)

    def _request_body(self, old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Finding]:
        where = Location("request-body")
        before = self.old.resolve(old["requestBody"]) if "requestBody" in old else None
        after = self.new.resolve(new["requestBody"]) if "requestBody" in new else None
        if before is None and after is None:
            return
        if after is None:
            yield Finding("request-body-removed", where)
            return
        required = after.get("required") is True
        if before is None:
            yield Finding(f"request-body-added-{'required' if required else 'optional'}", where)
            return
        if required != (before.get("required") is True):
            how = "required" if required else "optional"
            yield Finding(f"request-body-became-{how}", where)
        yield from self._content(before, after, "request", where)

    def _content(
        self, old: Mapping[str, Any], new: Mapping[str, Any], side: str, where: Location
    ) -> Iterator[Finding]:
        """Media types added and removed, and the schemas of each media type on both
        sides (of the only one on each side, when they differ)."""
        before, after = _mapping(old.get("content")), _mapping(new.get("content"))
        prefix = "request-body" if side == "request" else "response"
        for media in sorted(before.keys() - after.keys()):
            yield Finding(f"{prefix}-media-type-removed", _at(where, media_type=media), media)
        for media in sorted(after.keys() - before.keys()):
            yield Finding(f"{prefix}-media-type-added", _at(where, media_type=media), None, media)
        pairs = [(media, media) for media in sorted(before.keys() & after.keys())]
        if not pairs and len(before) == 1 and len(after) == 1:
            pairs = [(next(iter(before)), next(iter(after)))]
        for old_media, new_media in pairs:
            located = _at(where, media_type=new_media)
            old_schema = _mapping(before[old_media]).get("schema")
            new_schema = _mapping(after[new_media]).get("schema")
            root = f"{side}-body"
            yield from self._schema(old_schema, new_schema, side, root, located)

    def _responses(self, old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Finding]:
        before = {str(k): v for k, v in _mapping(old.get("responses")).items()}
        after = {str(k): v for k, v in _mapping(new.get("responses")).items()}
        for status in sorted(before.keys() | after.keys()):
            where = Location("response", status=status)
            success = "success" if status.startswith("2") else "non-success"
            if status not in after:
                yield Finding(f"response-{success}-status-removed", where, status)
            elif status not in before:
                yield Finding(f"response-{success}-status-added", where, None, status)
            else:
                old_response = self.old.resolve(before[status])
                new_response = self.new.resolve(after[status])
                yield from self._content(old_response, new_response, "response", where)
                yield from self._headers(old_response, new_response, where)

    def _headers(
        self, old: Mapping[str, Any], new: Mapping[str, Any], where: Location
    ) -> Iterator[Finding]:
        before = {str(k).lower(): v for k, v in _mapping(old.get("headers")).items()}
        after = {str(k).lower(): v for k, v in _mapping(new.get("headers")).items()}
        for name in sorted(before.keys() | after.keys()):
            located = _at(where, parameter=name, parameter_in="header")
            if name not in after:
                yield Finding("response-header-removed", located)
            elif name not in before:
                yield Finding("response-header-added", located)
            else:
                old_schema = self.old.resolve(before[name]).get("schema")
                new_schema = self.new.resolve(after[name]).get("schema")
                yield from self._schema(
                    old_schema, new_schema, "response", "response-header", located
                )


def _at(
    where: Location, media_type: str = "", parameter: str = "", parameter_in: str = ""
) -> Location:
    return replace(
        where,
        media_type=media_type or where.media_type,
        parameter=parameter or where.parameter,
        parameter_in=parameter_in or where.parameter_in,
    )


def _parameters_of(resolver: Resolver, operation: Operation) -> dict[tuple[str, str], Any]:
    """The parameters of an operation (its path item's, then its own) by location and
    name; a path parameter by its position in the path, a header by its name in lower case."""
    path, own, item = operation
    placeholders = [name[1:-1] for name in _PLACEHOLDER.findall(path)]
    raw = [*_list(item.get("parameters")), *_list(own.get("parameters"))]
    found: dict[tuple[str, str], Any] = {}
    for entry in raw:
        parameter = resolver.resolve(entry)
        name, place = parameter.get("name"), parameter.get("in")
        if not isinstance(name, str) or not isinstance(place, str):
            continue
        key = name.lower() if place == "header" else name
        if place == "path" and name in placeholders:
            key = f"#{placeholders.index(name)}"
        found[(place, key)] = parameter
    return found


def _security_schemes(document: Mapping[str, Any]) -> Any:
    return _mapping(document.get("components")).get("securitySchemes")


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
