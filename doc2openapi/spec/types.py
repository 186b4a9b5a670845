"""Type words of the documents ("Array of Files objects", "Map<String,String>", "Long") to
JSON Schema. An unknown word is reported, never guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from doc2openapi.text_names import is_identifier

_SCALARS: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
}
"""The Python types of a JSON value of each scalar kind (see ``agrees``)."""

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
    "file": ("string", "binary"),
    "binary": ("string", "binary"),
    "enum <enumeration>": ("string", ""),
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
        "xml",
        "container",
        "reference",
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
        "array_reference",
        "list data structure",
        "array data structure",
    }
)
_NOT_STATED = frozenset({"-", "--", "n/a", "<t>", "yaml"})
"""Type cells that state no type: a dash, a generic ``<T>``, "yaml" (any structure)."""
_REQUIREMENT_WORDS = frozenset({"yes", "no", "mandatory", "optional"})
_ARRAY_OF = re.compile(
    r"^(?:arrays?|lists?)\s*(?:of\s+(?P<of>.+?)|<\s*(?P<angle>.+)\s*>|\(\s*(?P<paren>.+)\s*\)"
    r"|\[\s*(?P<bracket>.+)\s*\])$",
    re.I,
)
_X_ARRAY = re.compile(r"^(?P<item>[a-z0-9_]+)\s*(?:array|list|\[\s*\])$")
_MAP = re.compile(
    r"^(?:map|dict|dictionary)\s*(?:[<(\[]\s*(?P<key>[^,]+?)\s*,\s*(?P<value>.+?)\s*[>)\]]"
    r"|<\s*(?P<key2>[^<>,]+?)\s*>\s*(?P<value2>\S.*))$",
    re.I,
)
"""``Map<String,String>``, and the ``Map<String>String`` some pages write."""
_NAMED_OBJECT = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_.:]*)\s+objects?$", re.I)
_SIZED = re.compile(r"^(?P<word>[a-z]+)\s*\(\s*(?P<size>\d+)\s*\)$", re.I)
"""``String(255)``: a string of at most 255 characters."""
_SET = re.compile(r"^set\s*(?:of\s+(?P<of>.+?)|<\s*(?P<angle>.+)\s*>)$", re.I)
"""``Set<String>``, ``Set of strings``: an array of different items."""
_WORD_ARRAY = re.compile(r"^(?:array|list)\s+(?P<item>[a-z]+)$", re.I)
"""``Array String``: an array of that primitive."""
_GO_ARRAY = re.compile(r"^\[\]\s*(?P<item>\S.*)$")
_STRUCTURE = re.compile(r"^(?P<name>.+?)\s+structure(?:\s+(?P<array>array|list))?$", re.I)
"""``Tags structure array``, ``Versions structure``: a named object (or an array of it)."""
_TABLE_REFERENCE = re.compile(r"\btable\s*\d+\b", re.I)
_ALTERNATIVES = re.compile(r"\s*(?:/|\bor\b)\s*", re.I)
_FOOTNOTE = re.compile(r"\s*\[\d+\]$")
_SENTENCE_WORDS = 4
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_DOUBLED = re.compile(r"^(string|integer|int|long|boolean|number|float|double)+$", re.I)


@dataclass(frozen=True, slots=True)
class Primitive:
    type: str
    format: str = ""
    max_length: int | None = None
    """``String(255)``: the longest value the type word allows."""


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
    unique: bool = False
    """``Set<String>``: an array whose items are all different."""


@dataclass(frozen=True, slots=True)
class NullType:
    pass


@dataclass(frozen=True, slots=True)
class AnyType:
    """The table has no Type column: the type is not stated."""


@dataclass(frozen=True, slots=True)
class UnknownType:
    word: str


@dataclass(frozen=True, slots=True)
class OneOfType:
    """``Integer/Boolean``, ``String or Int``: one of types of different JSON kinds."""

    options: tuple[TypeExpr, ...]


TypeExpr = (
    Primitive | ObjectType | MapType | ArrayType | NullType | AnyType | UnknownType | OneOfType
)


def _singular(word: str) -> str:
    for plural, singular in (("ies", "y"), ("ses", "s"), ("s", "")):
        if word.endswith(plural) and word[: -len(plural)] + singular in _PRIMITIVES:
            return word[: -len(plural)] + singular
    return word


def parse_type(text: str) -> TypeExpr:
    """Parse a Type cell. Case and spacing do not matter; meaning does."""
    original = _FOOTNOTE.sub("", " ".join(text.split()).strip().rstrip("."))
    word = original.lower()
    if not word or word in _NOT_STATED:
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
    for form in _FORMS:
        found = form(original)
        if found is not None:
            return found
    return UnknownType(original)


def _map_form(original: str) -> TypeExpr | None:
    match = _MAP.match(original)
    if match is None:
        return None
    return MapType(parse_type(match.group("value") or match.group("value2")))


def _array_form(original: str) -> TypeExpr | None:
    match = _ARRAY_OF.match(original)
    if match:
        group = next(g for g in ("of", "angle", "paren", "bracket") if match.group(g))
        return ArrayType(_item_type(original[match.start(group) : match.end(group)]))
    for pattern in (_X_ARRAY, _WORD_ARRAY, _GO_ARRAY):
        match = pattern.match(original.lower() if pattern is _X_ARRAY else original)
        if match and (pattern is not _WORD_ARRAY or match.group("item").lower() in _PRIMITIVES):
            return ArrayType(_item_type(match.group("item")))
    return None


def _set_form(original: str) -> TypeExpr | None:
    match = _SET.match(original)
    if match is None:
        return None
    return ArrayType(_item_type(match.group("of") or match.group("angle")), unique=True)


def _sized_form(original: str) -> TypeExpr | None:
    match = _SIZED.match(original)
    if match is None or _PRIMITIVES.get(match.group("word").lower(), ("",))[0] != "string":
        return None
    return Primitive("string", max_length=int(match.group("size")))


def _table_form(original: str) -> TypeExpr | None:
    """``Table 3 object``, ``List<Object> Table 6``, ``Array of Table 5``: the structure is
    the table the cell names (its link leads there)."""
    if not _TABLE_REFERENCE.search(original):
        return None
    if re.search(r"\b(?:array|list)\b", original, re.I):
        return ArrayType(ObjectType())
    return ObjectType()


def _structure_form(original: str) -> TypeExpr | None:
    match = _STRUCTURE.match(original)
    if match is None:
        return None
    named = ObjectType(pascal_name(match.group("name")))
    return ArrayType(named) if match.group("array") else named


def _alternatives_form(original: str) -> TypeExpr | None:
    """``Integer/Boolean``: every part a type word. Parts of one JSON kind are that kind;
    an object and an array of them are kept apart."""
    if re.search(r"[<>(){}\[\]]", original):
        return None
    parts = [p for p in _ALTERNATIVES.split(original) if p]
    if len(parts) < 2:
        return None
    options = [parse_type(part) for part in parts]
    if all(isinstance(o, ObjectType | ArrayType) for o in options):
        # "Object or Array of objects": one structure, or a list of it
        shapes = {isinstance(o, ArrayType) for o in options}
        return OneOfType(tuple(options)) if len(shapes) == 2 else None
    if not all(isinstance(o, Primitive) for o in options):
        return None
    kinds = list(dict.fromkeys(o.type for o in options if isinstance(o, Primitive)))
    if len(kinds) == 1:
        return Primitive(kinds[0])
    return OneOfType(tuple(Primitive(kind) for kind in kinds))


def _name_form(original: str) -> TypeExpr | None:
    """A bare structure name (``ChargeInfo``, ``mount_user``): an object of that name. Only
    names shaped like one (inner capitals or an underscore): a single word such as ``Integ``
    (a cut-off cell) stays unknown unless the row links its table."""
    if not _NAME.match(original) or not re.search(r".[A-Z_]", original):
        return None
    if _DOUBLED.match(original):
        return None  # "IntegerInteger": a type word written twice, not a name
    return ObjectType(original)


def _named_object_form(original: str) -> TypeExpr | None:
    named = _NAMED_OBJECT.match(original)
    return ObjectType(named.group("name")) if named else None


def pascal_name(text: str) -> str:
    """``Match condition`` → ``MatchCondition``; ``Resource_tag`` stays as written."""
    words: list[str] = re.findall(r"[A-Za-z0-9_]+", text)
    if len(words) == 1:
        return words[0]
    return "".join(w[:1].upper() + w[1:] for w in words)


def _sentence_form(original: str) -> TypeExpr | None:
    """A Type cell that is a sentence ("HTTP time string complying with the format of RFC
    2616"): the value is of the primitive its first words name."""
    words = original.lower().split()
    if len(words) <= _SENTENCE_WORDS:
        return None
    for word in words[:_SENTENCE_WORDS]:
        if word in _PRIMITIVES:
            return Primitive(_PRIMITIVES[word][0])
    return None


_FORMS = (
    _map_form,
    _array_form,
    _set_form,
    _named_object_form,
    _sized_form,
    _table_form,
    _structure_form,
    _alternatives_form,
    _name_form,
    _sentence_form,
)


def _item_type(text: str) -> TypeExpr:
    word = text.lower().strip()
    single = _singular(word)
    if single in _PRIMITIVES:
        return Primitive(*_PRIMITIVES[single])
    if word in ("object", "objects", "dict", "json", "dictionary"):
        return ObjectType()
    if re.match(r"(?:arrays?|lists?)\b", word):  # "Array of arrays of objects"
        inner = parse_type(text)
        return inner if isinstance(inner, ArrayType) else ArrayType(None)
    named = _NAMED_OBJECT.match(text.strip())
    if named:
        return ObjectType(named.group("name"))
    stripped = re.sub(r"\s+objects?$", "", text.strip(), flags=re.I)
    if is_identifier(stripped) and stripped.lower() not in _REQUIREMENT_WORDS:
        return ObjectType(stripped)
    inner = parse_type(stripped or text)
    if isinstance(inner, UnknownType) and re.fullmatch(r"[A-Za-z][A-Za-z _-]*", stripped):
        return ObjectType()  # "List (NAT gateways)": objects the words name
    return inner


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
        case OneOfType(options=options):
            return " or ".join(describe(o) for o in options)


def agrees(value: Any, expr: TypeExpr) -> bool:
    """``value`` is of the JSON kind ``expr`` says (an unstated or unknown type: any)."""
    match expr:
        case Primitive(type=kind) if kind in _SCALARS:
            numeric = kind in ("integer", "number")
            return isinstance(value, _SCALARS[kind]) and not (numeric and isinstance(value, bool))
        case ObjectType() | MapType():
            return isinstance(value, dict)
        case ArrayType():
            return isinstance(value, list)
        case NullType():
            return value is None
        case OneOfType(options=options):
            return any(agrees(value, option) for option in options)
    return True
