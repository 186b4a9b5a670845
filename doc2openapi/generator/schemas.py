"""Schemas to type expressions and class declarations.

Each schema node becomes a :data:`~.model.TypeExpr`. Objects with properties and enums also
declare a class, keyed by the node's JSON pointer, with a name hint derived from the node's
place in the document (``Server`` + property ``os:scheduler_hints`` gives
``ServerOsSchedulerHints``). Components are walked first, so a node reached again through a
``$ref`` keeps the hint of its own place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Literal

from doc2openapi.diagnostics import Code, Level, Report, in_document

from .document import (
    EMPTY,
    JsonObject,
    child,
    get_bool,
    get_list,
    get_object,
    get_str,
    ref_pointer,
    resolve_pointer,
    unescape_token,
)
from .model import (
    AnyValue,
    ClassDecl,
    ClassRef,
    DictOf,
    Documentation,
    EnumDecl,
    EnumValue,
    FieldDecl,
    ListOf,
    ModelDecl,
    NoneValue,
    Primitive,
    PrimitiveName,
    TypeExpr,
    nullable,
    union,
)
from .names import pascal_case

COMPONENTS = "/components/schemas"
_PRIMITIVES: dict[str, PrimitiveName] = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
}

_INTEGER = re.compile(r"-?[0-9]+")
"""An integer literal (``isdigit`` also takes "²" and would let "--5" through)."""


def documentation(node: JsonObject) -> Documentation:
    return Documentation(
        description=get_str(node, "description"),
        source=get_str(node, "x-source"),
        deprecated=get_bool(node, "deprecated"),
    )


def _is_component(pointer: str) -> bool:
    return pointer.startswith(COMPONENTS + "/") and pointer.count("/") == 3


def _hint_from_pointer(pointer: str) -> str:
    """A name hint for a node first reached through a ``$ref`` to somewhere unusual."""
    tokens = [unescape_token(token) for token in pointer.split("/")[1:]]
    if _is_component(pointer):
        return tokens[-1]
    return "".join(pascal_case(token) for token in tokens[-3:])


def _schema_types(node: JsonObject) -> list[str]:
    declared = node.get("type")
    if isinstance(declared, str):
        return [declared]
    if isinstance(declared, list):
        return [item for item in declared if isinstance(item, str)]
    return []


class SchemaCollector:
    """Walks schemas once each, memoising by JSON pointer, and collects class declarations."""

    def __init__(self, document: JsonObject, report: Report) -> None:
        self._document = document
        self._report = report
        self._memo: dict[str, TypeExpr] = {}
        self._classes: dict[str, ClassDecl] = {}
        self._aliases_in_progress: set[str] = set()

    @property
    def classes(self) -> tuple[ClassDecl, ...]:
        return tuple(self._classes.values())

    def collect_components(self) -> None:
        for name, schema in get_object(get_object(self._document, "components"), "schemas").items():
            self.type_of(schema, child(COMPONENTS, name), name)

    def type_of(self, schema: object, location: str, hint: str) -> TypeExpr:
        """The type of the schema at ``location``, declaring the classes it needs."""
        if not isinstance(schema, Mapping):
            if schema not in (True, None):
                self._warn(Code.UNSUPPORTED_SCHEMA, location, "schema is not an object")
            return AnyValue()
        if location in self._memo:
            return self._memo[location]
        # A node met again while its own type is being worked out is a recursive alias (an
        # array of itself, or a $ref chain back to itself): objects are memoised before
        # their fields are typed, so they never get here.
        if location in self._aliases_in_progress:
            self._warn(Code.RECURSIVE_ALIAS, location, "recursive non-object schema typed as Any")
            return AnyValue()
        self._aliases_in_progress.add(location)
        try:
            if "$ref" in schema:
                expr = self._type_of_ref(schema, location)
            else:
                expr = self._type_of_node(schema, location, hint)
        finally:
            self._aliases_in_progress.discard(location)
        if get_bool(schema, "nullable"):
            expr = nullable(expr)
        self._memo[location] = expr
        return expr

    def _type_of_ref(self, schema: JsonObject, location: str) -> TypeExpr:
        pointer = ref_pointer(schema)
        target = resolve_pointer(self._document, pointer) if pointer is not None else None
        if pointer is None or target is None:
            self._warn(Code.UNRESOLVED_REF, location, f"cannot resolve $ref {schema['$ref']!r}")
            return AnyValue()
        return self.type_of(target, pointer, _hint_from_pointer(pointer))

    def _type_of_node(self, schema: JsonObject, location: str, hint: str) -> TypeExpr:
        if "enum" in schema:
            return self._enum(schema, location, hint)
        if "allOf" in schema:
            return self._all_of(schema, location, hint)
        for keyword in ("oneOf", "anyOf"):
            if keyword in schema:
                return self._one_of(schema, keyword, location, hint)
        types = _schema_types(schema)
        if len(types) > 1:
            return union(tuple(self._typed(schema, kind, location, hint) for kind in types))
        if types:
            return self._typed(schema, types[0], location, hint)
        if "properties" in schema or "additionalProperties" in schema:
            return self._typed(schema, "object", location, hint)
        if "items" in schema:
            return self._typed(schema, "array", location, hint)
        return AnyValue()

    def _typed(self, schema: JsonObject, kind: str, location: str, hint: str) -> TypeExpr:
        if kind == "object":
            return self._object(schema, location, hint)
        if kind == "array":
            items = schema.get("items", EMPTY)
            return ListOf(self.type_of(items, child(location, "items"), hint + "Item"))
        if kind == "null":
            return NoneValue()
        if kind == "string" and get_str(schema, "format") == "binary":
            return Primitive("bytes")
        primitive = _PRIMITIVES.get(kind)
        if primitive is None:
            self._warn(Code.UNSUPPORTED_SCHEMA, location, f"unknown type {kind!r} typed as Any")
            return AnyValue()
        return Primitive(primitive)

    def _object(self, schema: JsonObject, location: str, hint: str) -> TypeExpr:
        if get_object(schema, "properties"):
            return self._declare_model(location, hint, [(schema, location)], schema)
        extra = schema.get("additionalProperties")
        if isinstance(extra, Mapping) and extra:
            value = self.type_of(extra, child(location, "additionalProperties"), hint + "Value")
            return DictOf(value)
        return DictOf(AnyValue())

    def _declare_model(
        self,
        location: str,
        hint: str,
        parts: Sequence[tuple[JsonObject, str]],
        own: JsonObject,
    ) -> ClassRef:
        """Declare the model at ``location`` from the properties of ``parts``.

        The class is registered before its fields are typed, so that a property referring back
        to this schema (directly or through arrays) becomes a forward reference.
        """
        ref = ClassRef(location)
        self._memo[location] = ref
        fields: dict[str, FieldDecl] = {}
        for part, part_location in parts:
            required = {name for name in get_list(part, "required") if isinstance(name, str)}
            for name, prop in get_object(part, "properties").items():
                prop_location = child(part_location, "properties", name)
                prop_schema = prop if isinstance(prop, Mapping) else EMPTY
                fields[name] = FieldDecl(
                    wire_name=name,
                    type=self.type_of(prop, prop_location, hint + pascal_case(name)),
                    required=name in required,
                    doc=documentation(prop_schema),
                    location=prop_location,
                )
        self._classes[location] = ModelDecl(
            key=location,
            name_hint=hint,
            is_component=_is_component(location),
            fields=tuple(fields.values()),
            doc=documentation(own),
        )
        return ref

    def _all_of(self, schema: JsonObject, location: str, hint: str) -> TypeExpr:
        members = get_list(schema, "allOf")
        if len(members) == 1 and not get_object(schema, "properties"):
            return self.type_of(members[0], child(location, "allOf", 0), hint)
        parts: list[tuple[JsonObject, str]] = []
        for index, member in enumerate(members):
            member_location = child(location, "allOf", index)
            resolved = self._resolve(member, member_location)
            if resolved is None or not (
                get_object(resolved[0], "properties") or "object" in _schema_types(resolved[0])
            ):
                self._warn(Code.UNSUPPORTED_SCHEMA, member_location, "allOf member is no object")
                continue
            parts.append(resolved)
        parts.append((schema, location))
        return self._declare_model(location, hint, parts, schema)

    def _resolve(self, schema: object, location: str) -> tuple[JsonObject, str] | None:
        """Follow ``$ref`` chains to a schema object and its pointer."""
        seen: set[str] = set()
        while isinstance(schema, Mapping) and "$ref" in schema:
            pointer = ref_pointer(schema)
            if pointer is None or pointer in seen:
                return None
            seen.add(pointer)
            schema, location = resolve_pointer(self._document, pointer), pointer
        return (schema, location) if isinstance(schema, Mapping) else None

    def _one_of(self, schema: JsonObject, keyword: str, location: str, hint: str) -> TypeExpr:
        options = get_list(schema, keyword)
        if not options:
            return AnyValue()
        return union(
            tuple(
                self.type_of(option, child(location, keyword, index), f"{hint}Option{index + 1}")
                for index, option in enumerate(options)
            )
        )

    def _enum(self, schema: JsonObject, location: str, hint: str) -> TypeExpr:
        raw = get_list(schema, "enum")
        values = _enum_values(raw, _schema_types(schema))
        if values is None:
            self._warn(
                Code.ENUM_FALLBACK,
                location,
                "enum values are neither all strings nor all integers; typed by 'type' instead",
            )
            without_enum = {key: value for key, value in schema.items() if key != "enum"}
            return self._type_of_node(without_enum, location, hint)
        kind: Literal["str", "int"] = "int" if isinstance(values[0], int) else "str"
        self._classes[location] = EnumDecl(
            key=location,
            name_hint=hint,
            is_component=_is_component(location),
            kind=kind,
            values=values,
            doc=documentation(schema),
        )
        expr: TypeExpr = ClassRef(location)
        return nullable(expr) if None in raw else expr

    def _warn(self, code: Code, location: str, detail: str) -> None:
        self._report(in_document(Level.WARNING, code, location, detail))


def _enum_values(raw: Sequence[object], types: list[str]) -> tuple[EnumValue, ...] | None:
    """Enum values as all-str or all-int, coerced to the declared type; None when mixed."""
    present = [value for value in raw if value is not None]
    values: list[EnumValue] = []
    for value in present:
        if "string" in types and isinstance(value, int | float) and not isinstance(value, bool):
            values.append(str(value))
        elif "integer" in types and isinstance(value, str) and _INTEGER.fullmatch(value):
            values.append(int(value))
        elif isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
            values.append(value)
        else:
            return None
    kinds = {type(value) for value in values}
    if not values or len(kinds) > 1:
        return None
    return tuple(dict.fromkeys(values))
