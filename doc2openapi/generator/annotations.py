"""Type expressions to Python annotation source."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import assert_never

from .model import AnyValue, ClassRef, DictOf, ListOf, NoneValue, Primitive, TypeExpr, UnionOf


def walk(expr: TypeExpr) -> Iterator[TypeExpr]:
    """The expression and all expressions nested in it."""
    yield expr
    match expr:
        case ListOf(item=item):
            yield from walk(item)
        case DictOf(value=value):
            yield from walk(value)
        case UnionOf(options=options):
            for option in options:
                yield from walk(option)
        case Primitive() | AnyValue() | NoneValue() | ClassRef():
            pass
        case _:
            assert_never(expr)


def uses_any(expr: TypeExpr) -> bool:
    return any(isinstance(node, AnyValue) for node in walk(expr))


def class_keys(expr: TypeExpr) -> list[str]:
    return [node.key for node in walk(expr) if isinstance(node, ClassRef)]


def without_none(expr: TypeExpr) -> TypeExpr:
    if isinstance(expr, UnionOf) and NoneValue() in expr.options:
        rest = tuple(option for option in expr.options if option != NoneValue())
        return rest[0] if len(rest) == 1 else UnionOf(rest)
    return expr


@dataclass(frozen=True)
class Annotator:
    """Writes annotations; ``qualifier`` prefixes class names (``"models."`` outside models.py)."""

    class_names: Mapping[str, str]
    qualifier: str

    def __call__(self, expr: TypeExpr) -> str:
        match expr:
            case Primitive(name=name):
                return name
            case AnyValue():
                return "Any"
            case NoneValue():
                return "None"
            case ClassRef(key=key):
                return self.qualifier + self.class_names[key]
            case ListOf(item=item):
                return f"list[{self(item)}]"
            case DictOf(value=value):
                return f"dict[str, {self(value)}]"
            case UnionOf(options=options):
                return " | ".join(self(option) for option in options)
            case _:
                assert_never(expr)
