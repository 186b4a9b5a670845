"""The render model of ``client.py`` (both clients) and of the error classes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from doc2openapi.diagnostics import Code, Level, Report, in_document

from .annotations import Annotator, class_keys, uses_any, without_none
from .build_models import Naming
from .model import (
    AnyValue,
    ApiDecl,
    BodyDecl,
    ClassDecl,
    ClassRef,
    Documentation,
    FieldDecl,
    ListOf,
    ModelDecl,
    NoneValue,
    OperationDecl,
    ParameterDecl,
    Primitive,
    ResponseDecl,
    TypeExpr,
    nullable,
    union,
)
from .names import (
    IDENTIFIERS,
    PythonIdentifier,
    identifier_suffix,
    unique_names,
)
from .operation_docs import operation_docstring, raw_docstring
from .pagination import PagePlan, plan_pages
from .text import docstring, python_string
from .url_paths import PATH_TEMPLATE, url_path_template
from .view import (
    ClientFlavour,
    ClientModule,
    OperationView,
    PaginationView,
    ParameterView,
    ResponseBranchView,
)

CLIENT_METHODS = IDENTIFIERS.extended("aclose", "close", "config")
# Path parameters filled from the client configuration rather than passed to each method.
CONFIG_PATH_PARAMETERS = {"project_id": "self._config.require_project_id()"}
_LOCATION_ORDER = {"server": 0, "path": 1, "query": 2, "header": 3}
# Arguments before the body: the URL's.
PLACED = frozenset({"server", "path"})
# Every operation method ends with this keyword argument: headers for one request only.
EXTRA_HEADERS = ParameterView("extra_headers", "Mapping[str, str] | None", " = None")

SYNC = ClientFlavour(
    class_name="Client",
    docstring="",
    http_class="httpx.Client",
    transport_class="httpx.BaseTransport",
    define="def",
    await_="",
    iterator="Iterator",
    sleep="time.sleep",
    close="close",
    enter="__enter__",
    exit="__exit__",
    is_async=False,
)
ASYNC = ClientFlavour(
    class_name="AsyncClient",
    docstring="",
    http_class="httpx.AsyncClient",
    transport_class="httpx.AsyncBaseTransport",
    define="async def",
    await_="await ",
    iterator="AsyncIterator",
    sleep="await asyncio.sleep",
    close="aclose",
    enter="__aenter__",
    exit="__aexit__",
    is_async=True,
)


@dataclass(frozen=True)
class _Argument:
    """A method argument and the parameter it carries."""

    name: str
    decl: ParameterDecl


class ClientBuilder:
    """Builds the operation views, recording which imports the generated code uses."""

    def __init__(self, api: ApiDecl, naming: Naming, report: Report) -> None:
        self._api = api
        self._classes: dict[str, ClassDecl] = {decl.key: decl for decl in api.classes}
        self._naming = naming
        self._annotate = Annotator(naming.classes, "models.")
        self._report = report
        self._uses: set[str] = {"Self"}
        self._plans = {op.pointer: plan_pages(op, self._classes) for op in api.operations}
        for pointer, plan in self._plans.items():
            if isinstance(plan, str):
                self._report_at(
                    Level.INFO, Code.PAGINATION_SKIPPED, pointer, f"not paginated: {plan}"
                )
        self.method_names = self._method_names()
        self._iterator_names = self._iterator_method_names()
        self._raw_names = self._unique_methods(
            {pointer: f"{name}_raw" for pointer, name in self.method_names.items()},
            frozenset([*self.method_names.values(), *self._iterator_names.values()]),
        )

    def build(self, title: str) -> ClientModule:
        operations = tuple(self._operation(operation) for operation in self._api.operations)
        flavours = tuple(
            replace(
                flavour,
                docstring=docstring(
                    [
                        f"{kind} client for {title}.",
                        f"Use it as a context manager, or call ``{flavour.close}()`` when done.",
                    ],
                    "    ",
                ),
            )
            for flavour, kind in ((SYNC, "Synchronous"), (ASYNC, "Asynchronous"))
        )
        return ClientModule(
            docstring=docstring([f"Clients for {title}: one method per operation."], ""),
            imports=self._imports(),
            flavours=flavours,
            operations=operations,
        )

    def _report_at(self, level: Level, code: Code, location: str, detail: str) -> None:
        self._report(in_document(level, code, location, detail))

    def _method_names(self) -> dict[str, str]:
        candidates = {
            operation.pointer: str(
                PythonIdentifier(operation.operation_id, prefix="call", namespace=CLIENT_METHODS)
            )
            for operation in self._api.operations
        }
        return self._unique_methods(candidates, frozenset())

    def _iterator_method_names(self) -> dict[str, str]:
        candidates = {
            pointer: f"iter_{self.method_names[pointer]}"
            for pointer, plan in self._plans.items()
            if isinstance(plan, PagePlan)
        }
        return self._unique_methods(candidates, frozenset(self.method_names.values()))

    def _unique_methods(self, candidates: dict[str, str], taken: frozenset[str]) -> dict[str, str]:
        """Unique method names by operation pointer; the smaller (name, pointer) keeps a name."""
        names = unique_names(
            candidates,
            rank=lambda pointer: (candidates[pointer], pointer),
            with_suffix=identifier_suffix,
            taken=taken,
        )
        for pointer, wanted in candidates.items():
            if names[pointer] != wanted:
                detail = f"method name {wanted!r} is taken; renamed to {names[pointer]!r}"
                self._report_at(Level.WARNING, Code.NAME_CLASH, pointer, detail)
        return names

    def _imports(self) -> tuple[str, ...]:
        uses = self._uses
        iterators = ["AsyncIterator", "Iterator"] if "Iterator" in uses else []
        typing = [name for name in ("Any", "Self", "cast") if name in uses]
        local = [name for name in ("_runtime", "errors", "models") if name in uses]
        return (
            "from __future__ import annotations",
            "",
            "import asyncio",
            "import time",
            f"from collections.abc import {', '.join([*iterators, 'Mapping'])}",
            f"from typing import {', '.join(typing)}",
            "",
            "import httpx",
            "",
            *([f"from . import {', '.join(local)}"] if local else []),
            "from .config import ClientConfig",
            *(["from .response import ApiResponse"] if self._api.operations else []),
        )

    def _annotation(self, expr: TypeExpr) -> str:
        if uses_any(expr):
            self._uses.add("Any")
        if class_keys(expr):
            self._uses.add("models")
        return self._annotate(expr)

    def _declared_parameters(self, operation: OperationDecl) -> list[ParameterDecl]:
        """The parameters that become arguments, checked against the path template.

        Path parameters filled from the configuration are left out; template variables that
        the document does not declare are added as strings; declared path parameters that the
        template lacks are dropped. The last two are reported.
        """
        in_path = list(dict.fromkeys(PATH_TEMPLATE.findall(operation.path)))
        declared: list[ParameterDecl] = []
        for parameter in operation.parameters:
            if parameter.location != "path":
                declared.append(parameter)
            elif parameter.wire_name not in in_path:
                detail = f"path parameter {parameter.wire_name!r} does not occur in the path"
                self._report_at(Level.WARNING, Code.PARAMETER_SKIPPED, parameter.pointer, detail)
            elif parameter.wire_name not in CONFIG_PATH_PARAMETERS:
                declared.append(parameter)
        declared.extend(self._server_parameters(operation))
        known = {p.wire_name for p in operation.parameters if p.location == "path"}
        for name in in_path:
            if name not in known and name not in CONFIG_PATH_PARAMETERS:
                detail = f"path parameter {name!r} is not declared; typed as str"
                self._report_at(Level.WARNING, Code.PARAMETER_SKIPPED, operation.pointer, detail)
                declared.append(
                    ParameterDecl(
                        name,
                        "path",
                        Primitive("str"),
                        True,
                        Documentation(),
                        None,
                        operation.pointer,
                    )
                )
        return declared

    def _server_parameters(self, operation: OperationDecl) -> list[ParameterDecl]:
        """The variables of the operation's own server that each call gives (a bucket)."""
        if operation.server is None:
            return []
        return [
            ParameterDecl(
                variable.name,
                "server",
                Primitive("str"),
                True,
                Documentation(
                    f"{variable.description or 'The server variable.'} One host label: "
                    "letters, digits and hyphens."
                ),
                None,
                operation.pointer,
            )
            for variable in operation.server.per_call(self._api.server)
        ]

    def _arguments(self, operation: OperationDecl) -> list[_Argument]:
        """Method arguments, path first; ``body`` and ``extra_headers`` are reserved."""
        parameters = {(p.location, p.wire_name): p for p in self._declared_parameters(operation)}
        candidates = {key: str(PythonIdentifier(key[1], prefix="param")) for key in parameters}
        names = unique_names(
            candidates,
            rank=lambda key: (_LOCATION_ORDER[key[0]], candidates[key] != key[1], key[1]),
            with_suffix=identifier_suffix,
            taken=frozenset({"body", EXTRA_HEADERS.name}),
        )
        for key, parameter in parameters.items():
            if names[key] != candidates[key]:
                detail = f"argument name {candidates[key]!r} is taken; renamed to {names[key]!r}"
                self._report_at(Level.WARNING, Code.NAME_CLASH, parameter.pointer, detail)
        return sorted(
            (_Argument(names[key], parameter) for key, parameter in parameters.items()),
            key=lambda argument: _LOCATION_ORDER[argument.decl.location],
        )

    def _parameter_views(
        self, operation: OperationDecl, arguments: Sequence[_Argument]
    ) -> tuple[ParameterView, ...]:
        """Path arguments, the body, query and header arguments, then ``extra_headers``."""
        views = [self._optional_view(a.name, a.decl.type, a.decl.required) for a in arguments]
        if operation.body is not None:
            body = self._optional_view("body", operation.body.type, operation.body.required)
            if self._is_model(operation.body.type):
                self._uses.add("Any")
                model = self._annotation(operation.body.type)
                optional = "" if operation.body.required else " | None"
                body = replace(body, annotation=f"{model} | Mapping[str, Any]{optional}")
            views.insert(sum(1 for a in arguments if a.decl.location in PLACED), body)
        return (*views, EXTRA_HEADERS)

    def _optional_view(self, name: str, expr: TypeExpr, required: bool) -> ParameterView:
        if required:
            return ParameterView(name, self._annotation(expr), "")
        return ParameterView(name, self._annotation(nullable(expr)), " = None")

    def _operation(self, operation: OperationDecl) -> OperationView:
        self._uses.add("errors")  # every operation ends by raising the error of its response
        arguments = self._arguments(operation)
        parameters = self._parameter_views(operation, arguments)
        plan = self._plans[operation.pointer]
        method_name = self.method_names[operation.pointer]
        documented = [(argument.name, argument.decl) for argument in arguments]
        body_model = operation.body is not None and self._is_model(operation.body.type)
        return OperationView(
            method_name=method_name,
            raw_method_name=self._raw_names[operation.pointer],
            parameters=parameters,
            forward_arguments=tuple(f"{p.name}={p.name}" for p in parameters),
            return_annotation=self._return_annotation(operation),
            docstring=operation_docstring(operation, documented, body_model),
            raw_docstring=raw_docstring(method_name),
            http_method=python_string(operation.method),
            url=self._url(operation, arguments),
            query=self._mapping("query_params", "query", arguments),
            headers=self._mapping("header_params", "header", arguments),
            json=self._json(operation.body),
            branches=self._branches(operation),
            error_bodies=self._error_bodies(operation),
            pagination=(
                self._pagination(operation, parameters, arguments, plan)
                if isinstance(plan, PagePlan)
                else None
            ),
        )

    def _url(self, operation: OperationDecl, arguments: Sequence[_Argument]) -> str:
        path = python_string(url_path_template(operation.path))
        names = {a.decl.wire_name: a.name for a in arguments if a.decl.location == "path"}
        values = [
            f"{python_string(name)}: {CONFIG_PATH_PARAMETERS.get(name) or names[name]}"
            for name in dict.fromkeys(PATH_TEMPLATE.findall(operation.path))
        ]
        if values:
            self._uses.add("_runtime")
            path = f"_runtime.expand_path({path}, {{{', '.join(values)}}})"
        if operation.server is None:
            return path
        self._uses.add("_runtime")
        given = [
            f"{python_string(a.decl.wire_name)}: {a.name}"
            for a in arguments
            if a.decl.location == "server"
        ]
        url = python_string(operation.server.url)
        server = f"self._config.server_url({url}, {{{', '.join(given)}}})"
        return f"_runtime.on_server({server}, {path})"

    def _mapping(self, function: str, location: str, arguments: Sequence[_Argument]) -> str:
        items = [
            f"{python_string(argument.decl.wire_name)}: {self._argument_value(argument)}"
            for argument in arguments
            if argument.decl.location == location
        ]
        if not items:
            return "None"
        self._uses.add("_runtime")
        return f"_runtime.{function}({{{', '.join(items)}}})"

    @staticmethod
    def _argument_value(argument: _Argument) -> str:
        """The argument, or its values joined when it is an array sent unexploded."""
        separator = argument.decl.separator
        if separator is None or not isinstance(without_none(argument.decl.type), ListOf):
            return argument.name
        return f"_runtime.delimited({argument.name}, {python_string(separator)})"

    def _is_model(self, expr: TypeExpr) -> bool:
        return isinstance(expr, ClassRef) and isinstance(self._classes.get(expr.key), ModelDecl)

    def _json(self, body: BodyDecl | None) -> str:
        if body is None:
            return "None"
        self._uses.add("_runtime")
        if self._is_model(body.type):
            return "_runtime.encode_json(body, Any)"
        expr = body.type if body.required else nullable(body.type)
        return f"_runtime.encode_json(body, {self._annotation(expr)})"

    def _decode(self, response: ResponseDecl) -> str:
        expr = response.type
        if expr is None or response.media == "none":
            return "None"
        if response.media == "text":
            return "_response.text"
        if response.media == "binary":
            return "_response.content"
        annotation = self._annotation(expr)
        self._uses.add("_runtime")
        if self._is_model(expr):
            return f"_runtime.decode_model(_response, {annotation})"
        if annotation == "Any":
            return "_runtime.decode_json(_response, Any)"
        self._uses.add("cast")
        return f"cast({annotation}, _runtime.decode_json(_response, {annotation}))"

    def _branches(self, operation: OperationDecl) -> tuple[ResponseBranchView, ...]:
        return tuple(
            ResponseBranchView(
                f"_response.status_code == {response.status}", self._decode(response)
            )
            for response in operation.success
        )

    def _return_annotation(self, operation: OperationDecl) -> str:
        """The documented 2xx bodies, ``httpx.Response`` (another 2xx), None (no body)."""
        types = [response.type for response in operation.success]
        if not types:
            return "httpx.Response"
        documented = union(tuple(NoneValue() if t is None else t for t in types))
        if documented == AnyValue():
            return self._annotation(documented)
        bare = without_none(documented)
        annotations = [] if bare == NoneValue() else [self._annotation(bare)]
        annotations.append("httpx.Response")
        if bare != documented or documented == NoneValue():
            annotations.append("None")
        return " | ".join(annotations)

    def _error_bodies(self, operation: OperationDecl) -> str:
        items = []
        for response in operation.errors:
            body = "None"
            if response.type is not None and self._is_model(response.type):
                body = self._annotation(response.type)
            items.append(f"{response.status}: {body}")
        return f"{{{', '.join(items)}}}"

    def _attribute(self, model: ModelDecl, field: FieldDecl) -> str:
        return self._naming.fields[model.key][field.wire_name]

    def _pagination(
        self,
        operation: OperationDecl,
        parameters: tuple[ParameterView, ...],
        arguments: Sequence[_Argument],
        plan: PagePlan,
    ) -> PaginationView:
        self._uses.add("Iterator")
        # By place and name: a header or path parameter may share the name of the query one.
        names = {(a.decl.location, a.decl.wire_name): a.name for a in arguments}
        limit = names[(plan.limit.location, plan.limit.wire_name)]
        cursor = names[(plan.cursor.location, plan.cursor.wire_name)]
        items = f"_page.{self._attribute(plan.page, plan.items)}"
        if not plan.items.required or without_none(plan.items.type) != plan.items.type:
            items += " or []"
        stop = "not _items"
        if without_none(plan.limit.type) == Primitive("int"):
            stop += f" or ({limit} is not None and len(_items) < {limit})"
        method_name = self.method_names[operation.pointer]
        return PaginationView(
            method_name=self._iterator_names[operation.pointer],
            docstring=docstring(
                [
                    f"Iterate over the items of ``{method_name}``, page after page.",
                    f"Pages by {plan.style}: each request passes the same arguments with "
                    f"``{cursor}`` moved past the items already returned; ``{limit}`` is the "
                    "page size.",
                ],
                "        ",
            ),
            parameters=parameters,
            item_annotation=self._annotation(plan.item_type),
            call_arguments=tuple(f"{p.name}={p.name}" for p in parameters),
            page_may_be_none=any(response.type is None for response in operation.success),
            items=items,
            stop_condition=stop,
            advance=self._advance(plan, cursor),
        )

    def _advance(self, plan: PagePlan, cursor: str) -> tuple[str, ...]:
        if plan.item_id is None:
            return (f"{cursor} = ({cursor} or 0) + len(_items)",)
        model, field = plan.item_id
        statements: tuple[str, ...] = (f"_last = _items[-1].{self._attribute(model, field)}",)
        if not field.required or without_none(field.type) != field.type:
            statements += ("if _last is None:", "    return")
        convert = "_last" if without_none(field.type) == Primitive("str") else "str(_last)"
        return (*statements, f"{cursor} = {convert}")
