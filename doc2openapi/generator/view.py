"""The render model: everything a template prints, already computed and escaped.

Strings in these classes are Python source fragments (annotations, literals, docstrings) or
Markdown/TOML fragments, made safe for their destination by :mod:`.build_view`. Classes whose
instances are rendered by a template of their own name it in ``template``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, TypeAlias


@dataclass(frozen=True)
class FieldView:
    name: str
    annotation: str
    default: str
    """The text after the annotation: ``""``, `` = None`` or `` = Field(...)``."""


@dataclass(frozen=True)
class ModelView:
    template: ClassVar[str] = "partial_model.jinja"
    name: str
    docstring: str
    fields: tuple[FieldView, ...]


@dataclass(frozen=True)
class EnumMemberView:
    name: str
    literal: str


@dataclass(frozen=True)
class EnumView:
    template: ClassVar[str] = "partial_enum.jinja"
    name: str
    base: str
    docstring: str
    members: tuple[EnumMemberView, ...]


ClassView: TypeAlias = ModelView | EnumView


@dataclass(frozen=True)
class ModelsModule:
    docstring: str
    imports: tuple[str, ...]
    classes: tuple[ClassView, ...]
    rebuilds: tuple[str, ...]
    """Models to rebuild once the module is complete: they refer to classes defined later."""


@dataclass(frozen=True)
class ErrorClassView:
    name: str
    status: int
    docstring: str


@dataclass(frozen=True)
class ParameterView:
    name: str
    annotation: str
    default: str


@dataclass(frozen=True)
class ResponseBranchView:
    condition: str
    value: str


@dataclass(frozen=True)
class PaginationView:
    method_name: str
    docstring: str
    parameters: tuple[ParameterView, ...]
    item_annotation: str
    call_arguments: tuple[str, ...]
    page_may_be_none: bool
    """True when a success response has no body: ``_page`` is then None, the last page."""
    items: str
    """Expression for the items of ``_page``."""
    stop_condition: str
    """Expression, true when ``_items`` is the last page."""
    advance: tuple[str, ...]
    """Statements moving the cursor to the next page (may ``return``)."""


@dataclass(frozen=True)
class OperationView:
    method_name: str
    raw_method_name: str
    """The method returning the whole response (``ApiResponse``)."""
    parameters: tuple[ParameterView, ...]
    forward_arguments: tuple[str, ...]
    """``name=name`` for each parameter: the call of the raw method."""
    return_annotation: str
    """What the method returns: the parsed body (``parsed`` of the raw method's answer)."""
    docstring: str
    raw_docstring: str
    http_method: str
    url: str
    query: str
    headers: str
    json: str
    branches: tuple[ResponseBranchView, ...]
    error_bodies: str
    pagination: PaginationView | None


@dataclass(frozen=True)
class ClientFlavour:
    """What differs between the synchronous and the asynchronous client."""

    class_name: str
    docstring: str
    http_class: str
    transport_class: str
    define: str
    await_: str
    iterator: str
    sleep: str
    close: str
    enter: str
    exit: str
    is_async: bool


@dataclass(frozen=True)
class ClientModule:
    docstring: str
    imports: tuple[str, ...]
    flavours: tuple[ClientFlavour, ...]
    operations: tuple[OperationView, ...]


@dataclass(frozen=True)
class ServerVariableView:
    name: str
    wire_literal: str
    placeholder_literal: str
    """``"{name}"``: how the variable occurs in a server URL."""
    default_literal: str
    docstring: str
    unset_message_literal: str = ""
    """Set when the default is a host that never resolves (``endpoint.invalid``): the
    user must give a value, and the client says so instead of calling nowhere."""


@dataclass(frozen=True)
class OperationSummary:
    """One row of the README's operation table (Markdown-escaped)."""

    method_name: str
    http: str
    summary: str


@dataclass(frozen=True)
class ProjectView:
    package: str
    distribution: str
    version: str
    api_version_literal: str
    package_docstring: str
    description_toml: str
    title_markdown: str
    description_markdown: str
    server_url_literal: str
    server_variables: tuple[ServerVariableView, ...]
    token_header_literal: str
    models: ModelsModule
    errors: tuple[ErrorClassView, ...]
    client: ClientModule
    operation_summaries: tuple[OperationSummary, ...]
    example_call: str
