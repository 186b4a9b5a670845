"""A fast check that says "valid" only where openapi-spec-validator would say so too.

openapi-spec-validator (OSV) checks an OpenAPI 3.0 document in two steps
(``openapi_spec_validator/validation/validators.py`` and ``keywords.py``):

1. the OpenAPI JSON Schema it ships, with jsonschema-rs where that is installed;
2. a walk in Python over ``jsonschema_path`` nodes, which resolve every ``$ref`` on the
   way: duplicate tag names and operationIds, duplicate ``(name, in)`` parameters, path
   parameters missing from the URL or from the parameters, and for every schema of
   ``components/schemas``, of a parameter and of a response's media type: a check against
   the draft-04 meta-schema (with the ``regex`` format checked), ``required`` names that no
   ``properties`` beside an ``allOf`` define, and ``default`` values checked against their
   schema; then the same for the schemas under ``allOf``, ``anyOf``, ``oneOf``, ``not``,
   ``items`` and ``properties``.

Step 2 takes seconds on a large document where step 1 takes a tenth of one. This module makes
the same checks over plain dicts, with jsonschema-rs for the two JSON Schema checks and
OSV's own classes for the ``default`` values. It answers only "surely valid": on any doubt
(a problem found, a reference it does not follow, an OpenAPI version other than 3.0, a value
jsonschema-rs cannot take) it answers no, and the caller runs OSV, whose verdict and
messages stand. :func:`doubts` says why.
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterator
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

OPERATIONS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
"""The operations OSV walks in a path item (``PathValidator.OPERATIONS``)."""
_MAX_HOPS = 32


class _Doubt(Exception):
    """Why the fast check cannot answer "valid"."""


@cache
def _document_validator() -> Any:
    """The OpenAPI 3.0 JSON Schema that OSV ships, compiled as OSV's jsonschema-rs backend
    compiles it (read from its file: importing OSV takes a fifth of a second)."""
    import jsonschema_rs  # noqa: PLC0415 - imported where a document is validated

    spec = find_spec("openapi_spec_validator")
    if spec is None or not spec.submodule_search_locations:
        raise _Doubt("openapi-spec-validator is not installed")
    folder = Path(next(iter(spec.submodule_search_locations)))
    schema = json.loads((folder / "resources/schemas/v3.0/schema.json").read_text("utf-8"))
    return jsonschema_rs.validator_cls_for(schema)(schema)


@cache
def _meta_validator() -> Any:
    """The draft-04 meta-schema that ``OAS30Validator.check_schema`` checks schemas with;
    its one ``format`` (``regex``, on ``pattern``) is checked apart (:func:`_bad_patterns`)."""
    import jsonschema_rs  # noqa: PLC0415
    from jsonschema_specifications import REGISTRY  # type: ignore[import-untyped]  # noqa: PLC0415

    meta = REGISTRY.contents("http://json-schema.org/draft-04/schema#")
    return jsonschema_rs.Draft4Validator(meta, validate_formats=False)


def surely_valid(document: dict[str, Any]) -> bool:
    """True only where OSV finds no problem in ``document`` (see the module's docstring)."""
    return next(doubts(document), None) is None


def doubts(document: dict[str, Any]) -> Iterator[str]:
    """Why the fast check cannot say ``document`` is valid; nothing when it is."""
    version = document.get("openapi")
    if not isinstance(version, str) or not version.startswith("3.0"):
        yield f"OpenAPI version {version!r}: only 3.0 has a fast check"
        return
    try:
        if not _document_validator().is_valid(document):
            yield "the OpenAPI JSON Schema finds a problem"
            return
        _Walk(document).run()
    except _Doubt as doubt:
        yield str(doubt)
    except RecursionError:
        yield "nested too deeply"
    except Exception as error:  # whatever the fast check cannot take, OSV judges
        yield f"{type(error).__name__}: {error}"[:200]


class _Walk:
    """OSV's keyword walk over plain dicts; raises :class:`_Doubt` at the first doubt."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.visited: set[int] = set()
        self.meta_checked: set[int] = set()
        self.default_validator: Any = None

    def run(self) -> None:
        document = self.document
        if _bad_patterns(document):
            raise _Doubt("a pattern is not a valid regular expression")
        if "tags" in document:
            names = [self.at(tag).get("name") for tag in self.at(document["tags"])]
            if len(set(names)) != len(names):
                raise _Doubt("duplicate tag names")
        operation_ids: set[Any] = set()
        for url, item in self.at(document.get("paths", {})).items():
            self.path_item(url, self.at(item), operation_ids)
        components = self.at(document.get("components", {}))
        for schema in self.at(components.get("schemas", {})).values():
            self.schema(schema, top=True)

    def at(self, node: Any, section: str = "") -> Any:
        """``node``, or what its ``$ref`` names when that is an entry of
        ``components/<section>`` (OSV follows references wherever it steps)."""
        for _ in range(_MAX_HOPS):
            if not isinstance(node, dict) or "$ref" not in node:
                return node
            node = self.target(node["$ref"], section)
        raise _Doubt("a chain of references too long or circular")

    def target(self, ref: Any, section: str) -> Any:
        prefix = f"#/components/{section}/"
        if not section or not isinstance(ref, str) or not ref.startswith(prefix):
            raise _Doubt(f"a reference not followed here: {ref!r}"[:200])
        name = ref[len(prefix) :]
        if "/" in name:
            raise _Doubt(f"a reference not followed here: {ref!r}"[:200])
        entries = self.document.get("components", {}).get(section, {})
        name = name.replace("~1", "/").replace("~0", "~")
        if not isinstance(entries, dict) or name not in entries:
            raise _Doubt(f"a reference to nothing: {ref!r}"[:200])
        return entries[name]

    def path_item(self, url: str, item: dict[str, Any], operation_ids: set[Any]) -> None:
        shared = self.parameters(item["parameters"]) if "parameters" in item else []
        try:
            in_url = {field for _, field, _, _ in string.Formatter().parse(url) if field}
        except ValueError as error:
            raise _Doubt(f"path {url!r}: {error}") from error
        for method in OPERATIONS:
            if method not in item:
                continue
            operation = self.at(item[method])
            operation_id = operation.get("operationId")
            if operation_id is not None and operation_id in operation_ids:
                raise _Doubt(f"operationId {operation_id!r} used twice")
            operation_ids.add(operation_id)
            for response in self.at(operation.get("responses", {})).values():
                content = self.at(self.at(response, "responses").get("content", {}))
                for entry in content.values():
                    media_type = self.at(entry)
                    if "schema" in media_type:
                        self.schema(media_type["schema"], top=True)
            own = self.parameters(operation["parameters"]) if "parameters" in operation else []
            if set(own + shared) != in_url:
                raise _Doubt(f"path parameters of {method} {url!r} differ from its URL")

    def parameters(self, parameters: Any) -> list[Any]:
        """The names of the path parameters; a doubt on a duplicate ``(name, in)``."""
        seen: set[tuple[Any, Any]] = set()
        names = []
        for entry in self.at(parameters):
            parameter = self.at(entry, "parameters")
            if "schema" in parameter:
                self.schema(parameter["schema"], top=True)
            key = (parameter["name"], parameter["in"])
            if key in seen:
                raise _Doubt(f"parameter {key!r} declared twice")
            seen.add(key)
            if parameter["in"] == "path":
                names.append(parameter["name"])
        return names

    def schema(self, node: Any, top: bool = False) -> None:
        value = self.at(node, "schemas")
        if not isinstance(value, dict):
            raise _Doubt("a schema that is not an object")
        if top and id(value) not in self.meta_checked:
            self.meta_checked.add(id(value))
            if not _meta_validator().is_valid(value):
                raise _Doubt("a schema the draft-04 meta-schema rejects")
        if id(value) in self.visited:
            return
        self.visited.add(id(value))
        for keyword in ("allOf", "anyOf", "oneOf"):
            for inner in self.at(value.get(keyword, [])):
                self.schema(inner)
        for keyword in ("not", "items"):
            if keyword in value:
                self.schema(value[keyword])
        for inner in self.at(value.get("properties", {})).values():
            self.schema(inner)
        if "allOf" in value and set(self.at(value.get("required", []))) - self.properties(value):
            raise _Doubt("required names that no properties define")
        if "default" in value and (
            value["default"] is not None or value.get("nullable") is not True
        ):
            self.check_default(value)

    def properties(self, value: dict[str, Any]) -> set[str]:
        """Every property name reachable from ``value`` (OSV's ``_collect_properties``)."""
        names = set(self.at(value.get("properties", {})))
        for keyword in ("allOf", "anyOf", "oneOf"):
            for inner in self.at(value.get(keyword, [])):
                names |= self.properties(self.at(inner, "schemas"))
        for keyword in ("items", "not"):
            if keyword in value:
                names |= self.properties(self.at(value[keyword], "schemas"))
        return names

    def check_default(self, value: dict[str, Any]) -> None:
        """The default checked as OSV checks it (``OpenAPIV30ValueValidator``), with its
        references resolved in this document."""
        from openapi_schema_validator import (  # noqa: PLC0415
            OAS30Validator,
            oas30_format_checker,
        )
        from referencing import Registry, Resource  # noqa: PLC0415
        from referencing.jsonschema import DRAFT4  # noqa: PLC0415

        if self.default_validator is None:
            resource = Resource.from_contents(self.document, default_specification=DRAFT4)
            self.default_validator = Registry().with_resource("", resource)
        checker = OAS30Validator(
            value, registry=self.default_validator, format_checker=oas30_format_checker
        )
        if next(checker.iter_errors(value["default"]), None) is not None:
            raise _Doubt("a default that its schema rejects")


def _bad_patterns(document: Any) -> bool:
    """Whether some ``pattern`` text anywhere is not a regular expression to OSV's ``regex``
    format check (draft-04's meta-schema has that one format)."""
    from openapi_schema_validator import oas30_format_checker  # noqa: PLC0415

    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            pattern = node.get("pattern")
            if isinstance(pattern, str) and not oas30_format_checker.conforms(pattern, "regex"):
                return True
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False
