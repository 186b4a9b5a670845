"""Flatten an OpenAPI 3.0 / 3.1 operation into the shape of the golden page contracts.

Generic OpenAPI only: nothing here knows how doc2openapi builds its document.

The golden shape (see tests/goldens/FORMAT.md):

* parameters: ``{(name, in): {"required": bool, "type": str | None}}``, without the
  ``X-Auth-Token`` header and without the transport headers that OpenAPI itself
  ignores as parameters (``Accept``, ``Content-Type``, ``Authorization``);
* security: True when the operation (or, when the operation has no ``security`` of
  its own, the document) requires an ``apiKey`` scheme sent in header ``X-Auth-Token``;
* request body and each response: a flat map ``field path -> {"required", "type"}``,
  where ``a.b`` is a member of object ``a``, ``a[]`` the items of array ``a`` and
  ``a[].c`` a member of those items; a body whose root is an array uses ``[]`` and
  ``[].c``.  Top-level ``oneOf`` / ``anyOf`` give one flat map per variant.

Schema handling: ``$ref`` (local, ``#/...``) is resolved; ``allOf`` is merged;
``nullable`` is ignored; a 3.1 type list loses ``"null"``; a nested ``oneOf`` /
``anyOf`` whose variants are all ``{"type": "null"}`` but one is replaced by that one,
otherwise its variants are merged; ``additionalProperties`` (map values) are not
listed, only the map field itself.  A ``$ref`` that repeats on the current path
(recursion) is listed as a field but not expanded.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

JsonObject = Mapping[str, Any]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
AUTH_HEADER = "x-auth-token"
IGNORED_HEADERS = frozenset({AUTH_HEADER, "accept", "content-type", "authorization"})


@dataclass(frozen=True)
class FieldInfo:
    """One flattened field: ``required`` is None for array items (``a[]``)."""

    required: bool | None
    type: str | None


FlatFields = dict[str, FieldInfo]


@dataclass(frozen=True)
class ParamInfo:
    """One path / query / header / cookie parameter."""

    name: str
    location: str
    required: bool
    type: str | None


@dataclass
class FlatOperation:
    """An operation in golden shape.

    ``request_bodies`` is empty when the operation has no JSON request body, else one
    flat map per top-level variant.  ``responses`` maps each status code (as written in
    the document, e.g. ``"200"``, ``"2XX"``, ``"default"``) to its variants; a response
    without a JSON body has the single variant ``{}``.
    """

    method: str
    path: str
    security: bool
    parameters: list[ParamInfo] = field(default_factory=list)
    request_bodies: list[FlatFields] = field(default_factory=list)
    responses: dict[str, list[FlatFields]] = field(default_factory=dict)


class OpenAPIError(ValueError):
    """The document cannot be read as OpenAPI (bad reference, missing operation...)."""


# --------------------------------------------------------------------------- references


def resolve_pointer(document: JsonObject, ref: str) -> Any:
    """Value at a local JSON reference ``#/a/b`` (with ``~0`` / ``~1`` escapes)."""
    if not ref.startswith("#"):
        raise OpenAPIError(f"only local references are supported: {ref!r}")
    node: Any = document
    for raw in ref[1:].split("/")[1:] if ref != "#" else []:
        key = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping) and key in node:
            node = node[key]
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            raise OpenAPIError(f"unresolvable reference {ref!r}")
    return node


def deref(
    document: JsonObject, node: Any, seen: tuple[str, ...] = ()
) -> tuple[Any, tuple[str, ...]]:
    """Follow a chain of ``$ref``; return the target and the refs followed (appended to seen)."""
    refs = seen
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in refs[len(seen) :]:
            raise OpenAPIError(f"reference loop through {ref!r}")
        refs = (*refs, ref)
        node = resolve_pointer(document, ref)
    return node, refs


# --------------------------------------------------------------------------- schemas


def _type_of(schema: JsonObject) -> str | None:
    raw = schema.get("type")
    if isinstance(raw, str):
        return None if raw == "null" else raw
    if isinstance(raw, list):
        kinds = sorted(str(kind) for kind in raw if kind != "null")
        return "|".join(kinds) if kinds else None
    if "properties" in schema or "additionalProperties" in schema:
        return "object"
    if "items" in schema:
        return "array"
    return None


def _is_null_schema(schema: Any) -> bool:
    if not isinstance(schema, Mapping):
        return False
    raw = schema.get("type")
    return raw == "null" or (isinstance(raw, list) and list(raw) == ["null"])


@dataclass
class _Shape:
    """A schema reduced to what flattening needs, after ref / allOf / oneOf handling."""

    type: str | None = None
    properties: dict[str, tuple[Any, tuple[str, ...]]] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    items: tuple[Any, tuple[str, ...]] | None = None


def _shape(document: JsonObject, node: Any, refs: tuple[str, ...]) -> tuple[_Shape, bool]:
    """Reduce ``node`` to a shape; the flag says whether a recursive ref was met at its root."""
    target, chain = deref(document, node, ())
    if any(ref in refs for ref in chain):
        stub = _Shape(type=_type_of(target) if isinstance(target, Mapping) else None)
        return stub, True
    refs = (*refs, *chain)
    shape = _Shape()
    if not isinstance(target, Mapping):
        return shape, False
    shape.type = _type_of(target)
    for name, sub in (target.get("properties") or {}).items():
        shape.properties[str(name)] = (sub, refs)
    shape.required.update(str(name) for name in target.get("required") or [])
    if isinstance(target.get("items"), Mapping):
        shape.items = (target["items"], refs)
    all_of = list(target.get("allOf") or [])
    alternatives = [
        alt
        for alt in list(target.get("oneOf") or []) + list(target.get("anyOf") or [])
        if not _is_null_schema(deref(document, alt)[0])
    ]
    recursive = False
    alternative_required: list[set[str]] = []
    for part in all_of + alternatives:
        sub_shape, sub_recursive = _shape(document, part, refs)
        recursive = recursive or sub_recursive
        if shape.type is None:
            shape.type = sub_shape.type
        for name, value in sub_shape.properties.items():
            shape.properties.setdefault(name, value)
        if shape.items is None:
            shape.items = sub_shape.items
        if any(part is item for item in all_of):
            shape.required.update(sub_shape.required)
        else:
            alternative_required.append(sub_shape.required)
    if alternative_required:
        # a member is required in a merged oneOf/anyOf only when every variant requires it
        shape.required.update(set.intersection(*alternative_required))
    if shape.type is None and shape.properties:
        shape.type = "object"
    if shape.type is None and shape.items is not None:
        shape.type = "array"
    return shape, recursive


def _flatten_into(
    document: JsonObject,
    node: Any,
    refs: tuple[str, ...],
    prefix: str,
    out: FlatFields,
) -> None:
    shape, recursive = _shape(document, node, refs)
    if recursive:
        return
    for name, (sub, sub_refs) in shape.properties.items():
        path = f"{prefix}.{name}" if prefix else name
        sub_shape, _ = _shape(document, sub, sub_refs)
        out[path] = FieldInfo(required=name in shape.required, type=sub_shape.type)
        _flatten_into(document, sub, sub_refs, path, out)
    if shape.items is not None:
        item_node, item_refs = shape.items
        path = f"{prefix}[]"
        item_shape, _ = _shape(document, item_node, item_refs)
        out[path] = FieldInfo(required=None, type=item_shape.type)
        _flatten_into(document, item_node, item_refs, path, out)


def flatten_schema(document: JsonObject, schema: Any) -> FlatFields:
    """Flat field map of one schema (nested oneOf/anyOf merged)."""
    out: FlatFields = {}
    _flatten_into(document, schema, (), "", out)
    return out


def schema_variants(document: JsonObject, schema: Any) -> list[FlatFields]:
    """Flat field maps of a body schema: one per top-level oneOf/anyOf variant."""
    target, refs = deref(document, schema)
    if isinstance(target, Mapping):
        alternatives = list(target.get("oneOf") or []) + list(target.get("anyOf") or [])
        alternatives = [alt for alt in alternatives if not _is_null_schema(deref(document, alt)[0])]
        if len(alternatives) > 1 and not target.get("properties") and not target.get("allOf"):
            variants: list[FlatFields] = []
            for alternative in alternatives:
                out: FlatFields = {}
                _flatten_into(document, alternative, refs, "", out)
                variants.append(out)
            return variants
    return [flatten_schema(document, schema)]


# --------------------------------------------------------------------------- operations


def find_operation(
    document: JsonObject, method: str, path: str
) -> tuple[JsonObject, JsonObject] | None:
    """(path item, operation) for ``method`` + ``path`` exactly as written, or None."""
    paths = document.get("paths") or {}
    item = paths.get(path)
    if item is None:
        return None
    item, _ = deref(document, item)
    operation = item.get(method.lower()) if isinstance(item, Mapping) else None
    if not isinstance(operation, Mapping):
        return None
    return item, operation


def path_template(path: str) -> str:
    """A path as OpenAPI identifies it: parameter names erased (``/pets/{petId}`` and
    ``/pets/{name}`` are the same path, OpenAPI 3.0.3 "Path Templating Matching")."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def list_operations(document: JsonObject) -> list[tuple[str, str]]:
    """Every (METHOD, path) of the document."""
    result: list[tuple[str, str]] = []
    for path, raw_item in (document.get("paths") or {}).items():
        item, _ = deref(document, raw_item)
        if not isinstance(item, Mapping):
            continue
        result.extend((method.upper(), str(path)) for method in HTTP_METHODS if method in item)
    return result


def documented_operations(document: JsonObject) -> set[tuple[str, str]]:
    """Every (METHOD, path template) of the document as the pages write it, to compare with
    ``corpus_truth``: an operation the spec keys by its query ``/{ObjectName}#acl``
    (README: S3-style services) is the pages' ``/ObjectName?acl``; of the key's names, the
    sub-resources (parameters sent without a value, ``allowEmptyValue``) are that query."""
    return {
        (method, _as_documented(document, method, key)) for method, key in list_operations(document)
    }


def _as_documented(document: JsonObject, method: str, key: str) -> str:
    path, _, fragment = key.partition("#")
    if not fragment:
        return path_template(path)
    parameters = document["paths"][key][method.lower()].get("parameters", [])
    empty = {p["name"] for p in parameters if p.get("allowEmptyValue")}
    names = [name for name in fragment.split("&") if name in empty]
    return path_template(path) + ("?" + "&".join(names) if names else "")


def _schema_type(document: JsonObject, schema: Any) -> str | None:
    if schema is None:
        return None
    return _shape(document, schema, ())[0].type


def flatten_parameters(
    document: JsonObject, path_item: JsonObject, operation: JsonObject
) -> list[ParamInfo]:
    """Parameters of the operation (path-level ones overridden by operation-level)."""
    merged: dict[tuple[str, str], JsonObject] = {}
    for raw in list(path_item.get("parameters") or []) + list(operation.get("parameters") or []):
        parameter, _ = deref(document, raw)
        if not isinstance(parameter, Mapping):
            raise OpenAPIError(f"parameter is not an object: {raw!r}")
        merged[(str(parameter.get("name")), str(parameter.get("in")))] = parameter
    result: list[ParamInfo] = []
    for (name, location), parameter in merged.items():
        if location == "header" and name.lower() in IGNORED_HEADERS:
            continue
        schema = parameter.get("schema")
        if schema is None and isinstance(parameter.get("content"), Mapping):
            media: Any = next(iter(parameter["content"].values()), {})
            schema = media.get("schema") if isinstance(media, Mapping) else None
        result.append(
            ParamInfo(
                name=name,
                location=location,
                required=bool(parameter.get("required", False)),
                type=_schema_type(document, schema),
            )
        )
    return result


def _body_schema(document: JsonObject, content: Any) -> tuple[bool, Any]:
    """(has a JSON media type, its schema) of a ``content`` map; without one, an XML media
    type's (S3-style bodies: element names are the field names, FORMAT.md). A form body
    (``multipart/form-data``: a page whose request holds a file) is read like JSON: its
    schema lists the form fields."""
    if not isinstance(content, Mapping) or not content:
        return False, None
    for media_type in ("application/json", "application/json;charset=utf-8"):
        if media_type in content:
            media, _ = deref(document, content[media_type])
            return True, media.get("schema") if isinstance(media, Mapping) else None
    for media_type, raw in content.items():
        base = str(media_type).split(";", 1)[0].strip().lower()
        if base.endswith(("/json", "+json")) or base == "multipart/form-data":
            media, _ = deref(document, raw)
            return True, media.get("schema") if isinstance(media, Mapping) else None
    for media_type, raw in content.items():
        if str(media_type).split(";", 1)[0].strip().lower() in ("application/xml", "text/xml"):
            media, _ = deref(document, raw)
            return True, media.get("schema") if isinstance(media, Mapping) else None
    return False, None


def has_auth_token_security(document: JsonObject, operation: JsonObject) -> bool:
    """True when the effective security names an apiKey scheme in header X-Auth-Token."""
    requirements = operation.get("security", document.get("security"))
    if not requirements:
        return False
    schemes = (document.get("components") or {}).get("securitySchemes") or {}
    for requirement in requirements:
        if not isinstance(requirement, Mapping):
            continue
        for scheme_name in requirement:
            raw = schemes.get(scheme_name)
            if raw is None:
                continue
            scheme, _ = deref(document, raw)
            if (
                isinstance(scheme, Mapping)
                and scheme.get("type") == "apiKey"
                and scheme.get("in") == "header"
                and str(scheme.get("name", "")).lower() == AUTH_HEADER
            ):
                return True
    return False


def flatten_operation(document: JsonObject, method: str, path: str) -> FlatOperation:
    """The operation ``method`` + ``path`` in golden shape; OpenAPIError when absent."""
    found = find_operation(document, method, path)
    if found is None:
        raise OpenAPIError(f"no operation {method.upper()} {path}")
    path_item, operation = found
    flat = FlatOperation(
        method=method.upper(),
        path=path,
        security=has_auth_token_security(document, operation),
        parameters=flatten_parameters(document, path_item, operation),
    )
    if "requestBody" in operation:
        body, _ = deref(document, operation["requestBody"])
        has_json, schema = _body_schema(document, body.get("content"))
        if has_json:
            flat.request_bodies = schema_variants(document, schema) if schema else [{}]
    for code, raw_response in (operation.get("responses") or {}).items():
        response, _ = deref(document, raw_response)
        has_json, schema = _body_schema(
            document, response.get("content") if isinstance(response, Mapping) else None
        )
        flat.responses[str(code)] = (
            schema_variants(document, schema) if has_json and schema is not None else [{}]
        )
    return flat


# --------------------------------------------------------------------------- goldens


def golden_fields(raw: Mapping[str, Any] | None) -> FlatFields:
    """A golden field map (YAML) as FieldInfo; missing ``required`` means False (None for [])."""
    result: FlatFields = {}
    for path, raw_spec in (raw or {}).items():
        spec: Mapping[str, Any] = raw_spec or {}
        is_items = str(path).endswith("[]")
        required = None if is_items else bool(spec.get("required", False))
        kind = spec.get("type")
        result[str(path)] = FieldInfo(required=required, type=None if kind is None else str(kind))
    return result


def diff_fields(expected: FlatFields, actual: FlatFields) -> list[str]:
    """Readable differences; an expected ``type`` of None is not compared."""
    lines: list[str] = []
    for path in sorted(expected.keys() - actual.keys()):
        lines.append(f"  missing {path}: {_show(expected[path])}")
    for path in sorted(actual.keys() - expected.keys()):
        lines.append(f"  extra   {path}: {_show(actual[path])}")
    for path in sorted(expected.keys() & actual.keys()):
        want, got = expected[path], actual[path]
        if want.type is not None and want.type != got.type:
            lines.append(f"  type    {path}: expected {want.type}, got {got.type}")
        if want.required is not None and want.required != bool(got.required):
            lines.append(f"  required {path}: expected {want.required}, got {got.required}")
    return lines


def best_variant(expected: FlatFields, variants: Sequence[FlatFields]) -> tuple[int, list[str]]:
    """Index of the variant closest to ``expected`` and its diff ([] when equal)."""
    if not variants:
        return -1, ["  (no variant)"]
    scored = [(len(diff_fields(expected, each)), index) for index, each in enumerate(variants)]
    _, index = min(scored)
    return index, diff_fields(expected, variants[index])


def _show(info: FieldInfo) -> str:
    parts = []
    if info.required is not None:
        parts.append(f"required={info.required}")
    parts.append(f"type={info.type}")
    return ", ".join(parts)
