"""The scraper's API pages to one OpenAPI 3 document."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from doc2openapi.cache import Cache
from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.scraper.model import (
    ApiPage,
    Endpoint,
    FieldRow,
    FieldTable,
    Requirement,
    TableRole,
)
from doc2openapi.scraper.toc import Toc
from doc2openapi.spec.examples import attach_examples
from doc2openapi.spec.folding import canonical, fold_duplicates, rename_refs
from doc2openapi.spec.media import request_media_type
from doc2openapi.spec.paths import (
    OPERATION_METHODS,
    number_repeats,
    unify_names,
)
from doc2openapi.spec.reach import PageTables
from doc2openapi.spec.request_lines import (
    host_server,
    mark_subresources,
    selecting_names,
    subresource_key,
)
from doc2openapi.spec.responses import ResponseBuilder, value_schema
from doc2openapi.spec.schemas import (
    FieldCounts,
    Schema,
    SchemaRegistry,
    TableIndex,
    identity,
)
from doc2openapi.spec.versions import OPENAPI_30, finalise
from doc2openapi.spec.xml_bodies import is_message_page, request_content
from doc2openapi.text_names import pascal_case, path_parameter_names

SECURITY_SCHEME = "token"
AUTH_HEADER = "x-auth-token"
TRANSPORT_HEADERS = frozenset({"content-type", "accept", "content-length", "host"})
_DEPRECATED = re.compile(r"\b(discarded|deprecated|outdated|out-of-date|obsolete)\b", re.I)
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_VERSION = re.compile(r"^v\d+(?:\.\d+)*$")
_GOOD_ANCHOR = re.compile(r"^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$")


@dataclass(frozen=True, slots=True)
class SpecOptions:
    title: str = ""
    version: str = ""
    openapi: str = OPENAPI_30
    server_url: str = "https://{service}.{region}.otc.t-systems.com"
    region: str = "eu-de"
    docs_base_url: str = ""
    """Where the pages are published (``https://docs.example.com/ecs/api-ref/``): each
    operation then links its page as ``externalDocs``. Empty: no links. (A relative
    link would be wrong: OpenAPI resolves relative URLs against the server, the API.)"""


@dataclass(frozen=True, slots=True)
class ServiceDocs:
    """What the scraper read from one folder of pages."""

    name: str
    api_pages: tuple[ApiPage, ...]
    schema_tables: tuple[FieldTable, ...]
    toc: Toc
    page_keys: tuple[str, ...] = ()
    """Every page read: a link to one of them that names no table is prose, not a type."""
    listed_pages: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Index pages and the pages each lists."""


@dataclass
class BuiltSpec:
    document: dict[str, Any]
    diagnostics: list[Diagnostic]
    counts: dict[str, dict[str, FieldCounts]]
    """Field outcomes per service, per page."""
    operations: dict[str, int]
    """Operations per service."""


@dataclass
class _Operation:
    path: str
    method: str
    page: str
    body: dict[str, Any]
    request_schema: Schema | None
    request_name: str
    media_type: str = "application/json"


@dataclass
class _Builder:
    options: SpecOptions
    components: dict[str, Schema] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    operation_ids: set[str] = field(default_factory=set)
    tags: dict[str, str] = field(default_factory=dict)
    uses_token: bool = False
    named_tables: list[tuple[SchemaRegistry, FieldTable]] = field(default_factory=list)
    """Nested tables a page names but no field had reached when the page was built."""

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

    def unique_operation_id(self, base: str, page: str, endpoint: Endpoint | None = None) -> str:
        name = base
        if name in self.operation_ids and endpoint is not None:
            name = base + _version_suffix(endpoint)
        number = 2
        while name in self.operation_ids:
            name = f"{base}{number}"
            number += 1
        if name != base:
            self.report(
                Code.DUPLICATE_OPERATION_ID,
                page,
                f"operationId {base!r} is taken; this operation is {name!r}",
                Level.INFO,
            )
        self.operation_ids.add(name)
        return name


def _operation_base_id(page: ApiPage) -> str:
    anchor = page.operation_anchor
    if _GOOD_ANCHOR.match(anchor) and not re.search(r"\d{4,}", anchor):
        return anchor
    return pascal_case(_PARENTHESES.sub("", page.title), drop_small_words=True)


def _version_suffix(endpoint: Endpoint) -> str:
    for segment in endpoint.path.strip("/").split("/"):
        if _VERSION.match(segment):
            return pascal_case(segment.replace(".", "_"))
    return _path_words(endpoint.path)


def _path_words(path: str) -> str:
    """``/v2/{project_id}/servers/{server_id}/action`` → ``ServersAction``; ``/`` → ``Root``."""
    literal = re.sub(r"\{[^}]*\}|/v\d+(?:\.\d+)*(?=/|$)", "", path)
    return pascal_case(literal) if re.search(r"[A-Za-z]", literal) else "Root"


def _groups(page: ApiPage, toc: Toc) -> tuple[str, ...]:
    entry = toc.entries.get(page.page.rsplit("/", 1)[-1]) or toc.entries.get(page.page)
    if entry is not None:
        return entry.groups
    return page.breadcrumbs


class _PageBuilder:
    """One page's operations."""

    def __init__(self, builder: _Builder, registry: SchemaRegistry, page: ApiPage, toc: Toc):
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

    def operations(self) -> list[_Operation]:
        base = _operation_base_id(self.page)
        groups = _groups(self.page, self.toc)
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
        found: list[_Operation] = []
        for position, endpoint in enumerate(self.page.endpoints):
            operation_id = base if position == 0 else base + _version_suffix(endpoint)
            operation_id = self.builder.unique_operation_id(operation_id, self.page.page, endpoint)
            body: dict[str, Any] = {"operationId": operation_id, "summary": self.page.title}
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
                endpoint.host,
                self.registry.service,
                document_server(self.builder.options, self.registry.service),
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
                _Operation(
                    subresource_key(endpoint.path, selecting_names(endpoint, parameters))
                    if is_message_page(self.page)
                    else endpoint.path,
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
                schema = self.registry.table_ref(table, base + "Request", base)
                media_type = request_media_type(self.page.tables)
                return media_type, schema, schema["$ref"].rsplit("/", 1)[-1]
        return "", None, ""

    def _responses(self, base: str) -> dict[str, Any]:
        def report(code: Code, detail: str, level: Level, table: str) -> None:
            self.report(code, detail, level, table)

        return ResponseBuilder(self.page, self.registry, self.counts, base, report).responses()

    def _report_unplaced(self) -> None:
        for table in self.page.tables:
            if table.role is TableRole.UNPLACED:
                self.counts.table_failed(len(table.fields) + table.failed_rows)
                self.report(
                    Code.TABLE_UNPLACED,
                    f"a parameter table in section {table.section!r} that is neither "
                    "a parameter, body nor linked table; its fields are not in the spec",
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


_BODY_ROLES = (TableRole.REQUEST_BODY, TableRole.RESPONSE_BODY)


def _external_docs(options: SpecOptions, page: str, title: str) -> dict[str, str] | None:
    if not options.docs_base_url:
        return None
    base = (
        options.docs_base_url
        if options.docs_base_url.endswith("/")
        else options.docs_base_url + "/"
    )
    return {"description": title, "url": base + quote(page, safe="/#")}


def _report_unreached(builder: _Builder) -> None:
    """Nested tables that no field of any page reached: not in the spec (a component that
    nothing uses is noise to every consumer), but reported with their field count."""
    for registry, table in builder.named_tables:
        if (table.page, table.key) in registry.component_of:
            continue
        rows = len(table.fields) + table.failed_rows
        registry.counts.setdefault(table.page, FieldCounts()).table_failed(rows)
        builder.report(
            Code.TABLE_UNPLACED,
            table.page,
            "no field's link reaches this table, so it reaches no operation; "
            f"its {rows} fields are not in the spec",
            Level.INFO,
            table=registry.index.label(table),
        )


def _merge(operations: list[_Operation], builder: _Builder) -> dict[str, Any]:
    """Several pages document one method and path: one operation, bodies as an anyOf
    (not a oneOf: the pages' bodies often overlap, and a body matching two of them must
    stay valid)."""
    first = operations[0]
    merged = dict(first.body)
    pages = [op.page for op in operations]
    builder.report(
        Code.OPERATION_MERGED,
        first.page,
        f"{first.method.upper()} {first.path} is documented on {len(pages)} pages "
        f"({', '.join(pages)}); their request bodies form an anyOf",
        Level.INFO,
    )
    merged["operationId"] = builder.unique_operation_id(
        pascal_case(first.method) + _path_words(first.path),
        first.page,
    )
    merged["summary"] = " / ".join(dict.fromkeys(str(op.body["summary"]) for op in operations))
    merged["description"] = "\n\n".join(
        dict.fromkeys(
            f"{op.body['summary']}: {op.body.get('description', '')}".strip() for op in operations
        )
    )
    tags = [tag for op in operations for tag in op.body.get("tags", [])]
    if tags:
        merged["tags"] = list(dict.fromkeys(tags))
    content: dict[str, Any] = {}
    for media in dict.fromkeys(op.media_type for op in operations if op.request_schema):
        bodies = [op.request_schema for op in operations if op.media_type == media]
        unique = list({str(b): b for b in bodies if b is not None}.values())
        schema: Schema = unique[0] if len(unique) == 1 else {"anyOf": unique}
        content[media] = {"schema": schema}
    if content:
        merged["requestBody"] = {"required": True, "content": content}
    parameters: dict[tuple[str, str], Any] = {}
    responses: dict[str, Any] = {}
    for op in operations:
        for parameter in op.body.get("parameters", []):
            parameters.setdefault((parameter["in"], parameter["name"]), parameter)
        for code, response in op.body["responses"].items():
            _merge_response(responses, code, response)
        if op.body.get("security"):
            merged["security"] = op.body["security"]
    if parameters:
        merged["parameters"] = list(parameters.values())
    merged["responses"] = dict(sorted(responses.items()))
    merged["deprecated"] = all(op.body.get("deprecated") for op in operations)
    if not merged["deprecated"]:
        del merged["deprecated"]
    merged["x-source"] = " ".join(pages)
    return merged


def _merge_response(responses: dict[str, Any], code: str, response: dict[str, Any]) -> None:
    if code not in responses:
        responses[code] = response
        return
    existing = responses[code]
    new_schema = response.get("content", {}).get("application/json", {}).get("schema")
    if new_schema is None:
        return
    old_schema = existing.get("content", {}).get("application/json", {}).get("schema")
    if old_schema is None:
        responses[code] = {**existing, "content": response["content"]}
    elif old_schema != new_schema:
        options = old_schema.get("anyOf", [old_schema])
        if new_schema not in options:
            options = [*options, new_schema]
        responses[code] = {
            **existing,
            "content": {"application/json": {"schema": {"anyOf": options}}},
        }


def build_spec(
    services: Sequence[ServiceDocs], options: SpecOptions, cache: Cache | None = None
) -> BuiltSpec:
    """The document of the services' pages. ``cache`` keeps the example checks made by
    earlier builds."""
    builder = _Builder(options)
    every_operation: list[_Operation] = []
    registries: list[SchemaRegistry] = []
    operation_counts: dict[str, int] = {}
    for service in services:
        index = TableIndex()
        index.pages.update(service.page_keys)
        for api_page in service.api_pages:
            for table in api_page.tables:
                index.add(table)
        for table in service.schema_tables:
            index.add(table)
        pages = PageTables.of(service.schema_tables, service.listed_pages)
        registry = SchemaRegistry(index, service.name, builder.components, pages)
        registries.append(registry)
        builder.named_tables.extend((registry, table) for table in service.schema_tables)
        count = 0
        for api_page in sorted(service.api_pages, key=lambda p: p.page):
            for operation in _PageBuilder(builder, registry, api_page, service.toc).operations():
                every_operation.append(operation)
                count += 1
        operation_counts[service.name] = count
    _report_unreached(builder)
    paths = _routes(every_operation, builder)
    document_paths: dict[str, Any] = {}
    for path in sorted(paths):
        item: dict[str, Any] = {}
        for method in OPERATION_METHODS:
            operations = paths[path].get(method)
            if not operations:
                continue
            item[method] = (
                operations[0].body if len(operations) == 1 else _merge(operations, builder)
            )
        document_paths[path] = item
    renames = fold_duplicates(builder.components)
    document_paths = _distinct_alternatives(rename_refs(document_paths, renames))
    document = _document(services, options, builder, document_paths)
    attach_examples(document, services, builder.diagnostics, options.openapi, cache)
    document = finalise(document, options.openapi)
    for registry in registries:
        builder.diagnostics.extend(registry.diagnostics)
    return BuiltSpec(
        document,
        sorted(builder.diagnostics, key=Diagnostic.sort_key),
        {r.service: r.counts for r in registries},
        operation_counts,
    )


def _routes(
    operations: list[_Operation], builder: _Builder
) -> dict[str, dict[str, list[_Operation]]]:
    """Operations by path and method, after the paths are made ones OpenAPI allows."""

    def report(page: str, detail: str) -> None:
        builder.report(Code.PATH_PARAM_RENAMED, page, detail, Level.INFO)

    for operation in operations:
        number_repeats(operation, report)
    unify_names(operations, report)
    paths: dict[str, dict[str, list[_Operation]]] = {}
    for operation in operations:
        paths.setdefault(operation.path, {}).setdefault(operation.method, []).append(operation)
    return paths


def _distinct_alternatives(value: Any) -> Any:
    """``anyOf``/``oneOf`` lists without repeats: folding identical components can turn two
    variants into one. A single variant left stands for itself."""
    if isinstance(value, list):
        return [_distinct_alternatives(item) for item in value]
    if not isinstance(value, dict):
        return value
    out = {key: _distinct_alternatives(item) for key, item in value.items()}
    for keyword in ("anyOf", "oneOf"):
        variants = out.get(keyword)
        if isinstance(variants, list):
            unique = list({canonical(v): v for v in variants}.values())
            if len(unique) == 1 and len(out) == 1:
                return unique[0]
            out[keyword] = unique
    return out


def document_server(options: SpecOptions, service: str) -> dict[str, Any]:
    """The document's server: the configured URL for the (first) service."""
    url = options.server_url.replace("{service}", service.lower())
    if "{region}" not in url:
        return {"url": url}
    return {"url": url, "variables": {"region": {"default": options.region}}}


def _info_description(services: Sequence[ServiceDocs], paths: dict[str, Any]) -> str:
    names = " + ".join(s.name.upper() for s in services) or "the service"
    operations = sum(len(item) for item in paths.values())
    pages = sum(len(s.api_pages) for s in services)
    return (
        f"The API of {names} as its published API reference documents it: {operations} "
        f"operations from {pages} pages, read by doc2openapi. Each operation's `x-source` "
        "names the page it comes from."
    )


def _document(
    services: Sequence[ServiceDocs],
    options: SpecOptions,
    builder: _Builder,
    paths: dict[str, Any],
) -> dict[str, Any]:
    names = [s.name for s in services]
    title = options.title or (" + ".join(n.upper() for n in names) + " API")
    service = names[0] if names else "api"
    document: dict[str, Any] = {
        "openapi": options.openapi,
        "info": {
            "title": title,
            "description": _info_description(services, paths),
            "version": options.version or "1.0.0",
        },
        "servers": [document_server(options, service)],
    }
    if builder.tags:
        document["tags"] = [
            {"name": name, "description": description}
            for name, description in sorted(builder.tags.items())
        ]
    document["paths"] = paths
    components: dict[str, Any] = {}
    if builder.components:
        components["schemas"] = dict(sorted(builder.components.items()))
    if builder.uses_token:
        components["securitySchemes"] = {
            SECURITY_SCHEME: {
                "type": "apiKey",
                "in": "header",
                "name": "X-Auth-Token",
                "description": "IAM token obtained from the Identity service.",
            }
        }
    if components:
        document["components"] = components
    return document
