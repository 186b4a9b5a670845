"""Tables that speak for every operation of a service (see
:mod:`doc2openapi.scraper.service_tables`), placed in each operation they speak for.

A table speaks for the operations of the part of the service its page belongs to: the
nearest group above the page that holds operations (a "Calling APIs" page speaks for the
whole service; an "MRS Manager API / API Usage Guide" page for the MRS Manager APIs). Where
several tables of one kind speak for an operation, the nearest part's win.

- Common request headers become ``components/parameters`` (``in: header``). Each operation
  that does not document the header itself references it, except the headers OpenAPI
  ignores as parameters (``Accept``, ``Content-Type``, ``Authorization``) and those the
  HTTP layer sets (``Content-Length``, ``Host``): those stay components that nothing
  references, so the document still says what the pages say of them. ``X-Auth-Token`` is
  the token security scheme, as on operation pages.
- Common response headers become ``components/headers``, referenced from each success
  response that does not give the header itself (``Content-Type`` is the media type, so it
  stays unreferenced).
- The error body is the schema of each error response without a body of its own, and of
  a ``default`` response added where the operation has none: XML where the page gives an
  XML sample, else JSON.
- The host of a URL template describes the servers (see :mod:`doc2openapi.spec.url_parts`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from doc2openapi.diagnostics import Code, Level
from doc2openapi.scraper.model import ServiceTable, ServiceTableKind
from doc2openapi.scraper.status import ERROR_STATUS
from doc2openapi.spec.field_counts import FieldCounts
from doc2openapi.spec.page_operations import (
    AUTH_HEADER,
    SECURITY_SCHEME,
    TRANSPORT_HEADERS,
    page_groups,
)
from doc2openapi.spec.responses import value_schema
from doc2openapi.spec.schemas import Schema, SchemaRegistry
from doc2openapi.spec.servers import ENDPOINT_DEFAULT
from doc2openapi.spec.url_parts import describe_servers, part_server
from doc2openapi.spec.xml_bodies import message_body

if TYPE_CHECKING:
    from doc2openapi.spec.build import ServiceDocs
    from doc2openapi.spec.page_operations import DocumentBuilder, Operation

_IGNORED_PARAMETERS = frozenset({"accept", "content-type", "authorization"})
"""Header parameters OpenAPI ignores (their meaning is the media types and security)."""
_IGNORED_RESPONSE_HEADERS = frozenset({"content-type"})
_PLACED_KINDS = (
    ServiceTableKind.REQUEST_HEADERS,
    ServiceTableKind.RESPONSE_HEADERS,
    ServiceTableKind.ERROR_BODY,
)
_COMPONENT_NAME = re.compile(r"[^A-Za-z0-9._-]+")
PARAMETER_REF = "#/components/parameters/"
HEADER_REF = "#/components/headers/"


@dataclass
class _Placed:
    """What one table became: component names by header name (lower case), or the error
    body's schema and media type."""

    refs: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Header name and component name, by header name in lower case."""
    body: Schema | None = None
    media: str = ""


@dataclass
class ServiceTables:
    """The service-wide tables of one service, placed in its operations."""

    service: ServiceDocs
    registry: SchemaRegistry
    builder: DocumentBuilder
    _placed: dict[int, _Placed] = field(default_factory=dict)

    def apply(self, operations: Sequence[Operation]) -> None:
        groups = {
            page.page: page_groups(page.page, page.breadcrumbs, self.service.toc)
            for page in self.service.api_pages
        }
        every = [groups.get(op.page, ()) for op in operations]
        scoped = [(self._scope(t, every), t) for t in self.service.common_tables]
        used: set[int] = set()
        url_operations: dict[int, list[Operation]] = {}
        for operation, where in zip(operations, every, strict=True):
            for kind in _PLACED_KINDS:
                tables = _nearest(scoped, kind, where)
                used.update(id(t) for t in tables)
                for table in tables:
                    self._place(operation, table)
            for table in _nearest(scoped, ServiceTableKind.URL_PARTS, where):
                url_operations.setdefault(id(table), []).append(operation)
        for scope, table in sorted(scoped, key=lambda found: -len(found[0])):  # parts first
            if id(table) in url_operations:
                self._url_parts(table, url_operations[id(table)], operations)
            elif id(table) not in used:
                self._unplaced(table, scope)

    def _scope(self, table: ServiceTable, every: Sequence[tuple[str, ...]]) -> tuple[str, ...]:
        """The nearest group above the table's page that holds an operation."""
        groups = page_groups(table.table.page, table.groups, self.service.toc)
        for length in range(len(groups), -1, -1):
            if any(where[:length] == groups[:length] for where in every):
                return groups[:length]
        return groups

    def _place(self, operation: Operation, table: ServiceTable) -> None:
        if table.kind is ServiceTableKind.REQUEST_HEADERS:
            self._request_headers(operation, table)
        elif table.kind is ServiceTableKind.RESPONSE_HEADERS:
            self._response_headers(operation, table)
        elif table.kind is ServiceTableKind.ERROR_BODY:
            self._error_body(operation, table)

    def _unplaced(self, table: ServiceTable, scope: tuple[str, ...]) -> None:
        rows = len(table.table.fields) + table.table.failed_rows
        self._counts(table).table_failed(rows)
        where = " / ".join(scope) or "the service"
        detail = (
            f"a table of {table.kind.value.replace('_', ' ')} for every operation of "
            f"{where}, which has none"
            if table.kind in _PLACED_KINDS
            else "the parts of a URL template, which are no operation's fields"
        )
        self.builder.report(
            Code.TABLE_UNPLACED,
            table.table.page,
            f"{detail}; its {rows} fields are not in the spec",
            Level.INFO,
            table=self.registry.index.label(table.table),
        )

    def _url_parts(
        self, table: ServiceTable, scoped: Sequence[Operation], every: Sequence[Operation]
    ) -> None:
        """The host rows describe the servers of the operations in scope (the service's
        own server only where no operation out of scope uses it). (The scheme, path and
        query rows were set aside by the scraper as no fields.)"""
        own = self.builder.servers[self.service.name]
        inside = {id(op) for op in scoped}
        shared = any(_server(op, own) is own and id(op) not in inside for op in every)
        servers = {id(_server(op, own)): _server(op, own) for op in scoped}
        server = None
        if shared and id(own) in servers:  # the part's operations use their own host
            servers.pop(id(own))
            server = part_server(table, own["url"].partition("://")[0], ENDPOINT_DEFAULT)
        for operation in scoped if server is not None else ():
            if _server(operation, own) is own:
                operation.body["servers"] = [server]
        placed = describe_servers(table, list(servers.values()))
        if server is not None:
            placed |= {i for i, part in enumerate(table.parts) if part.kind in ("host", "port")}
        counts = self._counts(table)
        counts.recognised += len(placed)
        fields = table.table.fields
        left = [
            (row, part)
            for i, (row, part) in enumerate(zip(fields, table.parts, strict=True))
            if i not in placed
        ]
        rows = len(left) + table.table.failed_rows
        if not rows:
            return
        counts.table_failed(rows)
        named = ", ".join(f"{row.name} ({part.kind})" for row, part in left)
        self.builder.report(
            Code.TABLE_UNPLACED,
            table.table.page,
            f"the host of a URL template that matches no server of the operations it "
            f"speaks for: {named}; these {rows} rows are not in the spec",
            Level.INFO,
            table=self.registry.index.label(table.table),
        )

    def _counts(self, table: ServiceTable) -> FieldCounts:
        return self.registry.counts.setdefault(table.table.page, FieldCounts())

    # -- headers

    def _components(self, table: ServiceTable, into: dict[str, Any]) -> _Placed:
        """The table's rows as components (once), by header name."""
        placed = self._placed.get(id(table))
        if placed is not None:
            return placed
        placed = self._placed[id(table)] = _Placed()
        counts = self._counts(table)
        counts.failed += table.table.failed_rows
        request = table.kind is ServiceTableKind.REQUEST_HEADERS
        for row in table.table.fields:
            schema = dict(value_schema(self.registry, table.table, row, counts))
            entry: dict[str, Any] = {"name": row.name, "in": "header"} if request else {}
            description = schema.pop("description", "")
            if description:
                entry["description"] = description
            if request and row.requirement.value == "required":
                entry["required"] = True
            entry["schema"] = schema
            if row.name.lower() == AUTH_HEADER:  # the security scheme says it
                placed.refs.setdefault(AUTH_HEADER, (row.name, ""))
                continue
            component = _component(into, row.name, entry)
            placed.refs.setdefault(row.name.lower(), (row.name, component))
        return placed

    def _request_headers(self, operation: Operation, table: ServiceTable) -> None:
        placed = self._components(table, self.builder.parameters)
        parameters: list[dict[str, Any]] = operation.body.setdefault("parameters", [])
        own = {str(p.get("name", "")).lower() for p in parameters if p.get("in") == "header"}
        for name, (_, component) in placed.refs.items():
            if name == AUTH_HEADER:
                if not operation.body.get("security"):
                    operation.body["security"] = [{SECURITY_SCHEME: []}]
                    self.builder.uses_token = True
                continue
            if name in own or name in _IGNORED_PARAMETERS or name in TRANSPORT_HEADERS:
                continue
            parameters.append({"$ref": PARAMETER_REF + component})
            own.add(name)
        if not parameters:
            del operation.body["parameters"]

    def _response_headers(self, operation: Operation, table: ServiceTable) -> None:
        placed = self._components(table, self.builder.headers)
        for code, response in operation.body["responses"].items():
            if not code.startswith("2") or "$ref" in response:
                continue
            headers: dict[str, Any] = response.get("headers", {})
            own = {name.lower() for name in headers}
            for name, (header, component) in placed.refs.items():
                if name not in own and name not in _IGNORED_RESPONSE_HEADERS:
                    headers[header] = {"$ref": HEADER_REF + component}
            if headers:
                response["headers"] = headers

    # -- the error body

    def _error_body(self, operation: Operation, table: ServiceTable) -> None:
        placed = self._placed.get(id(table))
        if placed is None:
            placed = self._placed[id(table)] = self._body(table)
        if placed.body is None:
            return
        responses: dict[str, Any] = operation.body["responses"]
        if ERROR_STATUS not in responses:
            responses[ERROR_STATUS] = {"description": "Error response"}
        for code, response in responses.items():
            if code.startswith(("4", "5")) or code == ERROR_STATUS:
                target = self._shared(response)
                target.setdefault("content", {placed.media: {"schema": placed.body}})

    def _shared(self, response: dict[str, Any]) -> dict[str, Any]:
        """The response itself, or the shared response (``components/responses``) it
        refers to: the service's error body is every error response's."""
        ref = str(response.get("$ref", ""))
        if not ref:
            return response
        shared = self.builder.responses.get(ref.rsplit("/", 1)[-1])
        return shared if isinstance(shared, dict) else {}

    def _body(self, table: ServiceTable) -> _Placed:
        hint = "ErrorResponse"
        if table.xml is not None:
            body = message_body(self.registry, [table.table], [table.xml], hint, "")
            return _Placed(body=body, media="application/xml")
        body = self.registry.table_ref(table.table, hint, "")
        return _Placed(body=body, media="application/json")


def _server(operation: Operation, default: dict[str, Any]) -> dict[str, Any]:
    servers = operation.body.get("servers")
    return servers[0] if servers else default


def _nearest(
    scoped: Sequence[tuple[tuple[str, ...], ServiceTable]],
    kind: ServiceTableKind,
    where: tuple[str, ...],
) -> list[ServiceTable]:
    """The tables of a kind that speak for an operation in ``where``: the nearest part's."""
    fitting = [(s, t) for s, t in scoped if t.kind is kind and where[: len(s)] == s]
    if not fitting:
        return []
    nearest = max(len(s) for s, _ in fitting)
    return [t for s, t in fitting if len(s) == nearest]


def _component(into: dict[str, Any], name: str, entry: dict[str, Any]) -> str:
    """The name of ``entry`` among the components: the header's name, numbered where
    another entry has it."""
    base = _COMPONENT_NAME.sub("_", name).strip("_") or "Header"
    key = base
    number = 2
    while key in into and into[key] != entry:
        key = f"{base}{number}"
        number += 1
    into[key] = entry
    return key
