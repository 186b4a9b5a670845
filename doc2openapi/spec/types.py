"""Type words of the documents ("Array of Files objects", "Map<String,String>", "Long") to
JSON Schema. An unknown word is reported, never guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from doc2openapi.text_names import is_identifier

_PRIMITIVES: dict[str, tuple[str, str]] = {
    "string": ("string", ""),
    "str": ("string", ""),
    "char": ("string", ""),
    "text": ("string", ""),
    "uuid": ("string", "uuid"),
    "date": ("string", "date"),
    "datetime": ("string", "date-time"),
    "timestamp": ("string", ""),
    "integer": ("integer", "int32"),
    "int": ("integer", "int32"),
    "int32": ("integer", "int32"),
    "short": ("integer", "int32"),
    "long": ("integer", "int64"),
    "int64": ("integer", "int64"),
    "biginteger": ("integer", ""),
    "float": ("number", "float"),
    "double": ("number", "double"),
    "number": ("number", ""),
    "decimal": ("number", ""),
    "bigdecimal": ("number", ""),
    "numeric": ("number", ""),
    "boolean": ("boolean", ""),
    "bool": ("boolean", ""),
}
_OBJECT_WORDS = frozenset(
    {
        "object",
        "objects",
        "json",
        "dict",
        "dictionary",
        "dictionary data structure",
        "struct",
        "jsonobject",
        "json object",
        "map",
    }
)
_ARRAY_WORDS = frozenset(
    {
        "array",
        "list",
        "array of object",
        "array of objects",
        "list(dict)",
        "list of objects",
        "list<object>",
        "array<object>",
        "jsonarray",
    }
)
_ARRAY_OF = re.compile(
    r"^(?:array|list)\s*(?:of\s+(?P<of>.+?)|<\s*(?P<angle>.+)\s*>|\(\s*(?P<paren>.+)\s*\)"
    r"|\[\s*(?P<bracket>.+)\s*\])$",
    re.I,
)
_X_ARRAY = re.compile(r"^(?P<item>[a-z0-9_]+)\s*(?:array|list|\[\s*\])$")
_MAP = re.compile(
    r"^(?:map|dict|dictionary)\s*[<(\[]\s*(?P<key>[^,]+?)\s*,\s*(?P<value>.+?)\s*[>)\]]$"
)
_NAMED_OBJECT = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_.:]*)\s+objects?$")


@dataclass(frozen=True, slots=True)
class Primitive:
    type: str
    format: str = ""


@dataclass(frozen=True, slots=True)
class ObjectType:
    schema_name: str = ""
    """The document's own name for the object ("BackupFilesBody"), where it gives one."""


@dataclass(frozen=True, slots=True)
class MapType:
    values: TypeExpr


@dataclass(frozen=True, slots=True)
class ArrayType:
    items: TypeExpr | None
    """None for a plain "Array" that does not say of what."""


@dataclass(frozen=True, slots=True)
class NullType:
    pass


@dataclass(frozen=True, slots=True)
class AnyType:
    """The table has no Type column: the type is not stated."""


@dataclass(frozen=True, slots=True)
class UnknownType:
    word: str


TypeExpr = Primitive | ObjectType | MapType | ArrayType | NullType | AnyType | UnknownType


def _singular(word: str) -> str:
    for plural, singular in (("ies", "y"), ("ses", "s"), ("s", "")):
        if word.endswith(plural) and word[: -len(plural)] + singular in _PRIMITIVES:
            return word[: -len(plural)] + singular
    return word


def parse_type(text: str) -> TypeExpr:
    """Parse a Type cell. Case and spacing do not matter; meaning does."""
    original = " ".join(text.split()).strip().rstrip(".")
    word = original.lower()
    if not word:
        return AnyType()
    if word in _PRIMITIVES:
        return Primitive(*_PRIMITIVES[word])
    if word in ("null", "none"):
        return NullType()
    if word in ("any", "anytype", "any type", "object/any"):
        return AnyType()
    if word in _OBJECT_WORDS:
        return ObjectType()
    if word in _ARRAY_WORDS:
        item: TypeExpr | None = ObjectType() if "obj" in word or "dict" in word else None
        return ArrayType(item)
    map_match = _MAP.match(word)
    if map_match:
        return MapType(parse_type(map_match.group("value")))
    array_match = _ARRAY_OF.match(original)
    if array_match:
        group = next(g for g in ("of", "angle", "paren", "bracket") if array_match.group(g))
        inner = original[array_match.start(group) : array_match.end(group)]
        return ArrayType(_item_type(inner))
    x_array = _X_ARRAY.match(word)
    if x_array:
        return ArrayType(_item_type(x_array.group("item")))
    named = _NAMED_OBJECT.match(original)
    if named:
        return ObjectType(named.group("name"))
    return UnknownType(original)


def _item_type(text: str) -> TypeExpr:
    word = text.lower().strip()
    single = _singular(word)
    if single in _PRIMITIVES:
        return Primitive(*_PRIMITIVES[single])
    if word in ("object", "objects", "dict", "json", "dictionary"):
        return ObjectType()
    named = _NAMED_OBJECT.match(text.strip())
    if named:
        return ObjectType(named.group("name"))
    if is_identifier(text.strip()) and text.strip()[0].isupper():
        return ObjectType(text.strip())
    return parse_type(text)


def describe(expr: TypeExpr) -> str:
    """A short name for reports."""
    match expr:
        case Primitive(type=t, format=f):
            return f"{t}/{f}" if f else t
        case ObjectType(schema_name=name):
            return f"object {name}".strip()
        case MapType(values=values):
            return f"map of {describe(values)}"
        case ArrayType(items=items):
            return f"array of {describe(items)}" if items else "array"
        case NullType():
            return "null"
        case AnyType():
            return "any"
        case UnknownType(word=word):
            return f"unknown {word!r}"
