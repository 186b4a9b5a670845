"""One page's operations: ids, tags, parameters, bodies and responses."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.scraper.endpoints import METHODS, instance_of, parse_endpoint
from doc2openapi.scraper.model import (
    ApiPage,
    Endpoint,
    FieldRow,
    FieldTable,
    Requirement,
    TableRole,
)
from doc2openapi.scraper.placement import example_value
from doc2openapi.scraper.toc import Toc
from doc2openapi.spec.field_counts import FieldCounts
from doc2openapi.spec.media import request_media_type
from doc2openapi.spec.operation_names import (
    Route,
    operation_words,
    render,
    title_words,
    version_suffix,
)
from doc2openapi.spec.page_names import RoutePage, page_names
from doc2openapi.spec.request_lines import (
    host_key,
    host_server,
    mark_subresources,
    subresource_key,
)
from doc2openapi.spec.responses import ResponseBuilder, value_schema
from doc2openapi.spec.schemas import Schema, SchemaRegistry, identity
from doc2openapi.spec.shared_responses import SharedResponses
from doc2openapi.spec.wrappers import body_examples, body_ref, body_text, report_inferred
from doc2openapi.spec.xml_bodies import is_message_page, request_content
from doc2openapi.text_names import path_parameter_names

if TYPE_CHECKING:
    from doc2openapi.spec.build import SpecOptions


SECURITY_SCHEME = "token"
AUTH_HEADER = "x-auth-token"
TRANSPORT_HEADERS = frozenset({"content-type", "accept", "content-length", "host"})
_DEPRECATED = re.compile(r"\b(discarded|deprecated|outdated|out-of-date|obsolete)\b", re.I)


@dataclass
class Operation:
    path: str
    method: str
    page: str
    body: dict[str, Any]
    request_schema: Schema | None
    request_name: str
    media_type: str = "application/json"


@dataclass
class DocumentBuilder:
    options: SpecOptions
    components: dict[str, Schema] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    component_owners: dict[str, str] = field(default_factory=dict)
    operation_names: dict[tuple[str, str], str] = field(default_factory=dict)
    """operationIds by method and path key, chosen for the whole document at once."""
    page_names: dict[str, str] = field(default_factory=dict)
    """Names of the pages documenting one operation together, for their bodies (see
    :mod:`doc2openapi.spec.page_names`)."""
    tags: dict[str, str] = field(default_factory=dict)
    uses_token: bool = False
    security_schemes: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Schemes other than the token: credentials sent in the query."""
    servers: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Each service's server (see :mod:`doc2openapi.spec.servers`)."""
    named_tables: list[tuple[SchemaRegistry, FieldTable]] = field(default_factory=list)
    """Nested tables a page names but no field had reached when the page was built."""
    responses: dict[str, Any] = field(default_factory=dict)
    """``components/responses``: the error responses of pages of codes operations link."""
    shared: dict[str, SharedResponses] = field(default_factory=dict)
    """Each service's pages of status codes (see :mod:`doc2openapi.spec.shared_responses`)."""
    parameters: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, Any] = field(default_factory=dict)
    """Parameters and response headers every operation of a service shares (components)."""

    def report(
        self,
        code: Code,
        page: str,
        detail: str,
        level: Level = Level.WARNING,
        table: str = "",
        row: str = "",
    ) -> None:
        self.diagnostics.append(Diagnostic(level, code, page, detail, table, row))

    def operation_id(self, method: str, path: str, title: str) -> str:
        """The name chosen for an operation before the pages were built (see
        :func:`route_of`), or, for a route that only building the page revealed, its own."""
        name = self.operation_names.get((method.upper(), path))
        return name or render(operation_words(Route(method, path, (title,))))


def route_key(page: ApiPage, endpoint: Endpoint, service: str) -> str:
    """The path an operation is keyed by: an HTTP-message page's operations are told apart
    by the query names that select them (``/{ObjectName}#acl``) and by the host they are
    sent to (``/#`` on the service's own host, see :mod:`request_lines`)."""
    if not is_message_page(page):
        return endpoint.path
    path_names = set(path_parameter_names(endpoint.path))
    required = {
        row.name
        for table in page.tables
        if table.role in (TableRole.QUERY, TableRole.PATH)
        for row in table.fields
        if row.requirement is Requirement.REQUIRED and row.name not in path_names
    }
    names = [n for n in endpoint.query if n in endpoint.subresources or n in required]
    return host_key(subresource_key(endpoint.path, names), endpoint.host, service)


def routes_of(pages: Sequence[tuple[str, ApiPage]]) -> list[Route]:
    """Every operation of the pages (each with its service) as a route to name: the pages
    that document one method and path are one operation, named with all their titles, in
    the order of ``pages`` (the documentation's, never the files' names)."""
    titles: dict[tuple[str, str], list[str]] = {}
    selectors: dict[tuple[str, str], tuple[str, ...]] = {}
    for service, page in pages:
        for endpoint in page.endpoints:
            key = (endpoint.method.upper(), route_key(page, endpoint, service))
            titles.setdefault(key, []).append(page.title)
            names = set(key[1].partition("#")[2].split("&"))
            chosen = tuple(s for s in endpoint.selectors if s.partition("=")[0] in names)
            selectors.setdefault(key, chosen)
    return [
        Route(m, p, tuple(dict.fromkeys(t)), selectors[(m, p)])
        for (m, p), t in sorted(titles.items())
    ]


def route_page_names(pages: Sequence[tuple[str, ApiPage, Toc]]) -> dict[str, str]:
    """The names of the pages that document one method and path together (each service's
    pages with its table of contents), by page."""
    by_route: dict[tuple[str, str], list[RoutePage]] = {}
    for service, page, toc in sorted(pages, key=lambda p: p[1].page):
        groups = page_groups(page.page, page.breadcrumbs, toc)
        version = version_suffix(page.endpoints[0].path) if page.endpoints else ""
        for endpoint in page.endpoints:
            key = (endpoint.method.upper(), route_key(page, endpoint, service))
            by_route.setdefault(key, []).append(RoutePage(page.page, page.title, groups, version))
    return page_names([by_route[key] for key in sorted(by_route)])


def page_groups(key: str, breadcrumbs: tuple[str, ...], toc: Toc) -> tuple[str, ...]:
    """The groups above a page: the table of contents', else the page's breadcrumbs."""
    entry = toc.entries.get(key.rsplit("/", 1)[-1]) or toc.entries.get(key)
    if entry is not None:
        return entry.groups
    return breadcrumbs


class PageBuilder:
    """One page's operations."""

    def __init__(self, builder: DocumentBuilder, registry: SchemaRegistry, page: ApiPage, toc: Toc):
        self.builder = builder
        self.registry = registry
        self.page = page
        self.toc = toc
        self.counts = registry.counts.setdefault(page.page, FieldCounts())
        self.parameter_schemas: dict[tuple[str, str], Schema] = {}

    def report(
        self, code: Code, detail: str, level: Level = Level.WARNING, table: str = "", row: str = ""
    ) -> None:
        self.builder.report(code, self.page.page, detail, level, table, row)

    def operations(self) -> list[Operation]:
        keys = [route_key(self.page, e, self.registry.service) for e in self.page.endpoints]
        ids = [
            self.builder.operation_id(e.method, k, self.page.title)
            for e, k in zip(self.page.endpoints, keys, strict=True)
        ]
        base = ids[0] if ids else render(title_words(self.page.title))
        base = self.builder.page_names.get(self.page.page, base)
        groups = page_groups(self.page.page, self.page.breadcrumbs, self.toc)
        deprecated = bool(_DEPRECATED.search(" ".join((*groups, self.page.title))))
        tag = groups[-1] if groups else ""
        parameter_tables = [
            t
            for t in self.page.tables
            if t.role in (TableRole.PATH, TableRole.QUERY, TableRole.HEADER)
        ]
        security = any(AUTH_HEADER == r.name.lower() for t in parameter_tables for r in t.fields)
        media_type, request_schema, request_name = self._request_schema(base)
        responses = self._responses(base)
        self._report_unplaced()
        found: list[Operation] = []
        for position, endpoint in enumerate(self.page.endpoints):
            body: dict[str, Any] = {"operationId": ids[position], "summary": self.page.title}
            body["description"] = self.page.description or self.page.title
            docs = _external_docs(self.builder.options, self.page.page, self.page.title)
            if docs:
                body["externalDocs"] = docs
            if tag:
                body["tags"] = [tag]
                self.builder.tags.setdefault(tag, " / ".join(groups))
            parameters = self._parameters(endpoint, parameter_tables, position == 0)
            mark_subresources(parameters, endpoint)
            if parameters:
                body["parameters"] = parameters
            if request_schema is not None:
                body["requestBody"] = {
                    "required": True,
                    "content": {media_type: {"schema": request_schema}},
                }
            server = host_server(
                endpoint.host, self.registry.service, self.builder.servers[self.registry.service]
            )
            if server is not None:
                body["servers"] = [server]
            body["responses"] = responses
            if security:
                body["security"] = [{SECURITY_SCHEME: []}]
                self.builder.uses_token = True
            if deprecated:
                body["deprecated"] = True
            body["x-source"] = self.page.page
            found.append(
                Operation(
                    keys[position],
                    endpoint.method.lower(),
                    self.page.page,
                    body,
                    request_schema,
                    request_name,
                    media_type,
                )
            )
        return found

    # -- parameters

    def _parameters(
        self, endpoint: Endpoint, tables: Sequence[FieldTable], report: bool
    ) -> list[dict[str, Any]]:
        path_names = path_parameter_names(endpoint.path)
        found: dict[tuple[str, str], dict[str, Any]] = {}
        for table in tables:
            for row in table.fields:
                schema = dict(self._parameter_schema(table, row))  # counted once
                location = self._location(table, row, path_names, endpoint)
                if location is None:
                    continue
                if location == "path" and row.name not in path_names:
                    continue
                parameter: dict[str, Any] = {"name": row.name, "in": location}
                description = schema.pop("description", "")
                if description:
                    parameter["description"] = description
                if location == "path" or row.requirement is Requirement.REQUIRED:
                    parameter["required"] = True
                parameter["schema"] = schema
                found.setdefault((location, row.name), parameter)
        for name in path_names:
            if ("path", name) not in found:
                if report:
                    self.report(
                        Code.PATH_PARAM_UNDOCUMENTED,
                        f"path parameter {name!r} is in the URI but in no table; "
                        "it is added as a string",
                    )
                found[("path", name)] = {
                    "name": name,
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string", "x-source": self.page.page},
                }
        for name in endpoint.query:
            if ("query", name) not in found:
                found[("query", name)] = {
                    "name": name,
                    "in": "query",
                    "schema": {"type": "string", "x-source": self.page.page},
                }
        order = {"path": 0, "query": 1, "header": 2}
        return [found[k] for k in sorted(found, key=lambda k: (order.get(k[0], 3),))]

    def _parameter_schema(self, table: FieldTable, row: FieldRow) -> Schema:
        """A parameter's schema, built once however many URIs the page gives."""
        key = (table.key, row.name)
        if key not in self.parameter_schemas:
            self.parameter_schemas[key] = value_schema(self.registry, table, row, self.counts)
        return self.parameter_schemas[key]

    def _location(
        self, table: FieldTable, row: FieldRow, path_names: Sequence[str], endpoint: Endpoint
    ) -> str | None:
        name = row.name.lower()
        if table.role is TableRole.HEADER:
            if name == AUTH_HEADER or name in TRANSPORT_HEADERS:
                return None
            return "header"
        if table.role is TableRole.QUERY:
            return "query"
        if row.name in path_names:
            return "path"
        if row.name in endpoint.query or table.role is TableRole.PATH:
            return "query" if not table.caption.lower().startswith("path") else "path"
        return "query"

    # -- bodies

    def _request_schema(self, base: str) -> tuple[str, Schema | None, str]:
        if is_message_page(self.page):
            content = request_content(self.registry, self.page, base + "Request", base)
            if content is None:
                return "", None, ""
            return content[0], content[1], content[1].get("$ref", "").rsplit("/", 1)[-1]
        for table in self.page.tables:
            if table.role is TableRole.REQUEST_BODY:
                variant_tables = [
                    t for t in self.page.tables if t.role is TableRole.REQUEST_VARIANT
                ]
                if variant_tables:  # the body for some values of one of its fields
                    schema = self.registry.table_ref(table, base + "Request", base)
                    name = schema["$ref"].rsplit("/", 1)[-1]
                    variants = [
                        self.registry.table_ref(t, base + "Request", base) for t in variant_tables
                    ]
                    return (
                        request_media_type(self.page.tables),
                        {"anyOf": [schema, *variants]},
                        name,
                    )
                examples = body_examples(self.page, "request", "")
                told = report_inferred(self.report)
                names = (base + "Request", base)
                text = body_text(self.page, table)
                schema = body_ref(self.registry, table, examples, names, told, text)
                return (
                    request_media_type(self.page.tables),
                    schema,
                    schema["$ref"].rsplit("/", 1)[-1],
                )
        return "", None, ""

    def _responses(self, base: str) -> dict[str, Any]:
        def report(code: Code, detail: str, level: Level, table: str) -> None:
            self.report(code, detail, level, table)

        shared = self.builder.shared.get(self.registry.service)
        return ResponseBuilder(
            self.page, self.registry, self.counts, base, report, shared
        ).responses()

    def _report_unplaced(self) -> None:
        for table in self.page.tables:
            if table.role is TableRole.UNPLACED:
                self.counts.table_failed(len(table.fields) + table.failed_rows)
                request = other_request(self.page, table)
                what = (
                    f"lists the body of the example request {request!r}, which is no "
                    "operation of this page"
                    if request
                    else "is neither a parameter, body nor linked table"
                )
                self.report(
                    Code.TABLE_UNPLACED,
                    f"a parameter table in section {table.section!r} that {what}; "
                    "its fields are not in the spec",
                    table=self.registry.index.label(table),
                )
            elif table.role is TableRole.SCHEMA:
                self.builder.named_tables.append((self.registry, table))
            elif table.role in _BODY_ROLES and identity(table) not in self.registry.component_of:
                rows = len(table.fields) + table.failed_rows
                self.counts.table_failed(rows)
                self.report(
                    Code.TABLE_UNPLACED,
                    f"a second {table.role.value.replace('_', ' ')} table in section "
                    f"{table.section!r}; the operation has one, so its {rows} fields are "
                    "not in the spec",
                    table=self.registry.index.label(table),
                )


_BODY_ROLES = (TableRole.REQUEST_BODY, TableRole.REQUEST_VARIANT, TableRole.RESPONSE_BODY)


def _external_docs(options: SpecOptions, page: str, title: str) -> dict[str, str] | None:
    if not options.docs_base_url:
        return None
    base = (
        options.docs_base_url
        if options.docs_base_url.endswith("/")
        else options.docs_base_url + "/"
    )
    return {"description": title, "url": base + quote(page, safe="/#")}


def other_request(page: ApiPage, table: FieldTable) -> str:
    """The request line of an example request of the page whose body's every key is a
    field of ``table`` and which calls another method or path than the page's operations:
    the call an unplaced table of an example documents (a step that calls another
    service, "POST https://{VPCEndpoint}/v1/8b7e.../publicips", with the table of its
    body); ``""`` where no example is such a call."""
    names = {row.name for row in table.fields}
    for example in page.examples:
        line, _, body = example.text.strip().partition("\n")
        method, _, target = line.strip().partition(" ")
        value = example_value(body)
        if example.kind != "request" or method not in METHODS or not target.strip():
            continue
        if not isinstance(value, dict) or not value or not set(value) <= names:
            continue
        called = parse_endpoint(method, target.strip())
        if not any(called == e or instance_of(called, e) for e in page.endpoints):
            return line.strip()
    return ""
