"""The generator's intermediate model: what the API declares, in Python terms, before naming.

Built from the OpenAPI document by :mod:`.schemas` and :mod:`.operations`; turned into the
render model (:mod:`.view`) by :mod:`.build_view`. Classes are identified by the JSON pointer
of the schema that declares them; their final names are chosen later, all at once, so that
names never depend on the order in which the document was walked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

PrimitiveName: TypeAlias = Literal["str", "int", "float", "bool", "bytes"]


@dataclass(frozen=True)
class Primitive:
    name: PrimitiveName


@dataclass(frozen=True)
class AnyValue:
    """A value of no documented type (``typing.Any``)."""


@dataclass(frozen=True)
class NoneValue:
    """The JSON ``null`` of a nullable schema."""


@dataclass(frozen=True)
class ClassRef:
    """A model or enum class, by the JSON pointer of the schema that declares it."""

    key: str


@dataclass(frozen=True)
class ListOf:
    item: TypeExpr


@dataclass(frozen=True)
class DictOf:
    value: TypeExpr


@dataclass(frozen=True)
class UnionOf:
    options: tuple[TypeExpr, ...]


TypeExpr: TypeAlias = Primitive | AnyValue | NoneValue | ClassRef | ListOf | DictOf | UnionOf


def union(options: tuple[TypeExpr, ...]) -> TypeExpr:
    """A flattened union without duplicates, ``None`` last; ``Any`` absorbs everything."""
    flat: list[TypeExpr] = []
    for option in options:
        for member in option.options if isinstance(option, UnionOf) else (option,):
            if member not in flat:
                flat.append(member)
    if AnyValue() in flat:
        return AnyValue()
    if NoneValue() in flat:
        flat.remove(NoneValue())
        flat.append(NoneValue())
    return flat[0] if len(flat) == 1 else UnionOf(tuple(flat))


def nullable(expr: TypeExpr) -> TypeExpr:
    return union((expr, NoneValue()))


@dataclass(frozen=True)
class Documentation:
    """Text copied from the document; escaped only when it is rendered."""

    description: str = ""
    source: str = ""
    deprecated: bool = False


@dataclass(frozen=True)
class FieldDecl:
    wire_name: str
    type: TypeExpr
    required: bool
    doc: Documentation
    location: str


@dataclass(frozen=True)
class ModelDecl:
    key: str
    name_hint: str
    is_component: bool
    fields: tuple[FieldDecl, ...]
    doc: Documentation


EnumValue: TypeAlias = str | int


@dataclass(frozen=True)
class EnumDecl:
    key: str
    name_hint: str
    is_component: bool
    kind: Literal["str", "int"]
    values: tuple[EnumValue, ...]
    doc: Documentation


ClassDecl: TypeAlias = ModelDecl | EnumDecl

ParameterLocation: TypeAlias = Literal["server", "path", "query", "header"]
"""``server``: a variable of the operation's own server URL given to each call."""


@dataclass(frozen=True)
class ParameterDecl:
    wire_name: str
    location: ParameterLocation
    type: TypeExpr
    required: bool
    doc: Documentation
    default: object
    pointer: str
    separator: str | None = None
    """What joins the values of a query array that is not exploded; None: the name repeats."""


@dataclass(frozen=True)
class BodyDecl:
    type: TypeExpr
    required: bool
    doc: Documentation


MediaKind: TypeAlias = Literal["json", "text", "binary", "none"]


@dataclass(frozen=True)
class ResponseDecl:
    """One documented response; ``status`` is None for the ``default`` response."""

    status: int | None
    type: TypeExpr | None
    media: MediaKind
    description: str


@dataclass(frozen=True)
class OperationDecl:
    operation_id: str
    method: str
    path: str
    summary: str
    doc: Documentation
    tags: tuple[str, ...]
    parameters: tuple[ParameterDecl, ...]
    body: BodyDecl | None
    responses: tuple[ResponseDecl, ...]
    pointer: str
    server: Server | None = None
    """The operation's own server (its ``servers``, else its path's), when it differs from
    the document's."""

    @property
    def success(self) -> tuple[ResponseDecl, ...]:
        """The documented answers that are no error: every 2xx, and a 3xx the operation documents
        (an API version list answers ``300 Multiple Choices`` with its body)."""
        return tuple(r for r in self.responses if r.status is not None and 200 <= r.status < 400)

    @property
    def errors(self) -> tuple[ResponseDecl, ...]:
        return tuple(r for r in self.responses if r.status is None or r.status >= 400)


@dataclass(frozen=True)
class ServerVariable:
    name: str
    default: str
    description: str
    enum: tuple[str, ...]


@dataclass(frozen=True)
class Server:
    url: str
    variables: tuple[ServerVariable, ...]

    def per_call(self, document: Server | None) -> tuple[ServerVariable, ...]:
        """The variables each call gives: those the document's server lacks whose default is
        no value (empty, or the variable's own name: ``{bucketname}`` defaulting to
        ``bucketname``). The others are settings of the client configuration."""
        known = {variable.name for variable in document.variables} if document else set()
        return tuple(
            variable
            for variable in self.variables
            if variable.name not in known and variable.default in ("", variable.name)
        )


@dataclass(frozen=True)
class ApiKeyScheme:
    """An ``apiKey`` security scheme sent in a header (the token of ``TokenAuth``)."""

    name: str
    header: str


@dataclass(frozen=True)
class ApiDecl:
    title: str
    service: str
    """``info.x-service``: the service the document describes (the generated package is
    named after it, not after a title that a user may change)."""
    version: str
    description: str
    server: Server | None
    api_keys: tuple[ApiKeyScheme, ...]
    classes: tuple[ClassDecl, ...]
    operations: tuple[OperationDecl, ...]
