"""Which operations page through a list, and how.

An operation pages when it has a ``limit`` query parameter and either an ``offset`` (start
index) or a ``marker`` (the id of the last item seen) query parameter, and its single success
response is an object with exactly one array property (not counting OpenStack-style
``*_links`` arrays, which hold next-page links): the items.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from .annotations import without_none
from .model import (
    ClassDecl,
    ClassRef,
    FieldDecl,
    ListOf,
    ModelDecl,
    OperationDecl,
    ParameterDecl,
    Primitive,
    TypeExpr,
)

PageStyle = Literal["offset", "marker"]


@dataclass(frozen=True)
class PagePlan:
    style: PageStyle
    page: ModelDecl
    limit: ParameterDecl
    cursor: ParameterDecl
    items: FieldDecl
    item_type: TypeExpr
    item_id: tuple[ModelDecl, FieldDecl] | None
    """For marker paging: the item model and its field that is the next marker."""


def _query(operation: OperationDecl, name: str) -> ParameterDecl | None:
    for parameter in operation.parameters:
        if parameter.location == "query" and parameter.wire_name == name:
            return parameter
    return None


def _is(expr: TypeExpr, name: Literal["int", "str"]) -> bool:
    return without_none(expr) == Primitive(name)


def _model(expr: TypeExpr | None, classes: Mapping[str, ClassDecl]) -> ModelDecl | None:
    if expr is None:
        return None
    bare = without_none(expr)
    decl = classes.get(bare.key) if isinstance(bare, ClassRef) else None
    return decl if isinstance(decl, ModelDecl) else None


def plan_pages(operation: OperationDecl, classes: Mapping[str, ClassDecl]) -> PagePlan | str | None:
    """The paging plan; a reason (str) when the operation looks paged but cannot be; else None."""
    limit = _query(operation, "limit")
    marker, offset = _query(operation, "marker"), _query(operation, "offset")
    if limit is None or (marker is None and offset is None):
        return None
    bodies = [response for response in operation.success if response.type is not None]
    page = _model(bodies[0].type, classes) if len(bodies) == 1 else None
    if page is None:
        return "the single success response is not an object"
    lists = [
        field
        for field in page.fields
        if isinstance(without_none(field.type), ListOf) and not field.wire_name.endswith("_links")
    ]
    if len(lists) != 1:
        return f"the response has {len(lists)} array properties, not one"
    items = lists[0]
    item_type = without_none(items.type)
    assert isinstance(item_type, ListOf)
    if marker is not None and _is(marker.type, "str"):
        item = _model(item_type.item, classes)
        ids = [field for field in item.fields if field.wire_name == "id"] if item else []
        if item is not None and ids:
            return PagePlan("marker", page, limit, marker, items, item_type.item, (item, ids[0]))
    if offset is not None and _is(offset.type, "int"):
        return PagePlan("offset", page, limit, offset, items, item_type.item, None)
    return "no integer offset, and no string marker with items that have an id"
