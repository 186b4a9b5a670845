"""The scraper's API pages to one OpenAPI 3 document."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from doc2openapi.cache import Cache
from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.scraper.hosts import HostMention
from doc2openapi.scraper.model import ApiPage, FieldTable, ServiceTable, StatusCode, TableRole
from doc2openapi.scraper.toc import Toc
from doc2openapi.spec.carried import attach_carried
from doc2openapi.spec.common import ServiceTables
from doc2openapi.spec.credentials import QueryCredentials
from doc2openapi.spec.examples import attach_examples
from doc2openapi.spec.field_counts import FieldCounts
from doc2openapi.spec.folding import canonical, fold_duplicates, rename_refs
from doc2openapi.spec.operation_names import name_operations
from doc2openapi.spec.page_names import merged_description, merged_summary
from doc2openapi.spec.page_operations import (
    SECURITY_SCHEME,
    DocumentBuilder,
    PageBuilder,
    route_key,
    route_page_names,
    routes_of,
)
from doc2openapi.spec.paths import OPERATION_METHODS, number_repeats, unify_names
from doc2openapi.spec.reach import PageTables
from doc2openapi.spec.reading_order import document_order, pages_in_reading_order
from doc2openapi.spec.repeats import Repeat, Structures, find_repeats
from doc2openapi.spec.schemas import Schema, SchemaRegistry
from doc2openapi.spec.sentence_defaults import drop_sentence_defaults
from doc2openapi.spec.servers import ServerSettings, document_servers
from doc2openapi.spec.shared_responses import SharedResponses, service_prefix
from doc2openapi.spec.summaries import OperationHeaders
from doc2openapi.spec.table_index import TableIndex
from doc2openapi.spec.versions import OPENAPI_30, finalise

if TYPE_CHECKING:
    from doc2openapi.spec.page_operations import Operation


@dataclass(frozen=True, slots=True)
class SpecOptions:
    title: str = ""
    version: str = ""
    openapi: str = OPENAPI_30
    server_url: str = ""
    """The configured server URL of every service (``""``: the pages' host, see
    :mod:`doc2openapi.spec.servers`)."""
    server_urls: tuple[tuple[str, str], ...] = ()
    """Configured server URLs by service: these win over ``server_url``."""
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
    hosts: tuple[tuple[str, tuple[HostMention, ...]], ...] = ()
    """Pages and the hosts each names."""
    linked_pages: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Pages of tables that document no operation, and the pages each links to."""
    status_pages: tuple[tuple[str, tuple[StatusCode, ...]], ...] = ()
    """Pages that document no operation and the status codes each lists."""
    common_tables: tuple[ServiceTable, ...] = ()
    """Tables that speak for every operation of (a part of) the service."""
    page_titles: tuple[tuple[str, str], ...] = ()
    """The pages of tables that document no operation, and their titles."""


@dataclass
class BuiltSpec:
    document: dict[str, Any]
    diagnostics: list[Diagnostic]
    counts: dict[str, dict[str, FieldCounts]]
    """Field outcomes per service, per page."""
    operations: dict[str, int]
    """Operations per service."""


def _report_unreached(
    builder: DocumentBuilder,
    headers: OperationHeaders,
    services: Sequence[ServiceDocs],
    roots: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    """Nested tables that no field of any page reached: not in the spec (a component that
    nothing uses is noise to every consumer), but reported with their field count. A table
    of headers that the operations its page links to take is in the spec through them; so
    is a table of a page of no operation that repeats a structure operations use (see
    :mod:`doc2openapi.spec.repeats`) in ``roots`` (the paths, the shared responses)."""
    unreached: list[tuple[SchemaRegistry, FieldTable]] = []
    for registry, table in builder.named_tables:
        if (table.page, table.key) in registry.component_of:
            continue
        rows = len(table.fields) + table.failed_rows
        taking = headers.taking(table)
        if taking:
            registry.counts.setdefault(table.page, FieldCounts()).repeated += rows
            builder.report(
                Code.TABLE_REPEATS_HEADERS,
                table.page,
                f"every row ({rows}) is a header parameter of an operation this page links "
                f"to, which documents it itself: {', '.join(taking)}",
                Level.INFO,
                table=registry.index.label(table),
            )
            continue
        querying = headers.querying(table, registry.counts)
        if querying:
            registry.counts.setdefault(table.page, FieldCounts()).repeated += rows
            detail = (
                f"every row ({rows}) is a query parameter of operations of the service, "
                f"which document it themselves ({len(querying)} pages: {', '.join(querying[:3])}"
                f"{' ...' if len(querying) > 3 else ''})"
            )
            label = registry.index.label(table)
            builder.report(Code.TABLE_REPEATS_QUERY, table.page, detail, Level.INFO, table=label)
            continue
        unreached.append((registry, table))
    api_pages = {page.page for service in services for page in service.api_pages}
    structures = Structures.of(builder.components, roots)
    repeats: dict[tuple[str, str], Repeat] = {}
    for registry in {id(r): r for r, _ in unreached}.values():
        own = [t for r, t in unreached if r is registry and t.page not in api_pages]
        repeats.update(find_repeats(structures, registry.index, own))
    for registry, table in unreached:
        counts = registry.counts.setdefault(table.page, FieldCounts())
        label = registry.index.label(table)
        repeat = repeats.get((table.page, table.key))
        if repeat is not None:
            counts.repeated += len(repeat.found)
            builder.report(
                Code.TABLE_REPEATS_FIELDS, table.page, repeat.detail(), Level.INFO, label
            )
        failed = repeat.missing if repeat else ()
        if repeat is None or failed:
            rows = len(failed) if repeat else len(table.fields) + table.failed_rows
            counts.table_failed(rows)
            detail = _unplaced(rows, failed)
            builder.report(Code.TABLE_UNPLACED, table.page, detail, Level.INFO, label)


def _unplaced(rows: int, missing: Sequence[str]) -> str:
    if missing:
        return (
            f"{rows} of its fields are not in the structure it repeats (D111): "
            f"{', '.join(missing)}; they are not in the spec"
        )
    return (
        "no field's link reaches this table, so it reaches no operation; "
        f"its {rows} fields are not in the spec"
    )


def _merge(
    operations: list[Operation], builder: DocumentBuilder, order: dict[str, int]
) -> dict[str, Any]:
    """Several pages document one method and path: one operation, bodies as an anyOf
    (not a oneOf: the pages' bodies often overlap, and a body matching two of them must
    stay valid). The pages are taken in the documentation's order (``order``, see
    :mod:`doc2openapi.spec.reading_order`), never in that of their files' names."""
    operations = sorted(operations, key=lambda op: (order.get(op.page, len(order)), op.page))
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
    merged["summary"] = merged_summary([str(op.body["summary"]) for op in operations])
    merged["description"] = merged_description(
        [(str(op.body["summary"]), str(op.body.get("description", ""))) for op in operations]
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
    parameters = _merged_parameters(operations)
    responses: dict[str, Any] = {}
    for op in operations:
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


def _merged_parameters(operations: Sequence[Operation]) -> dict[tuple[str, str], Any]:
    """The parameters of the pages of one operation, each as the first page gives it. A
    query or header parameter is required only where every page requires it: a page that
    leaves it optional, or names others in its place (``in``) but not it, documents a call
    without it ("type" is mandatory on the page that queries private zones, optional on the
    one for public). A page naming none in that place says nothing about them."""
    parameters: dict[tuple[str, str], Any] = {}
    optional: set[tuple[str, str]] = set()
    named: list[set[tuple[str, str]]] = []
    for op in operations:
        named.append(set())
        for parameter in op.body.get("parameters", []):
            key = (parameter.get("in", ""), parameter.get("name", parameter.get("$ref", "")))
            parameters.setdefault(key, parameter)
            named[-1].add(key)
            if not parameter.get("required"):
                optional.add(key)
    optional.update(
        key
        for key in parameters
        for keys in named
        if key not in keys and any(place == key[0] for place, _ in keys)
    )
    for key in optional:
        parameter = parameters[key]
        if parameter.get("required") and parameter.get("in") != "path":
            parameters[key] = {k: v for k, v in parameter.items() if k != "required"}
    return parameters


def _merge_response(responses: dict[str, Any], code: str, response: dict[str, Any]) -> None:
    if code not in responses:
        responses[code] = response
        return
    existing = responses[code]
    new_schema = response.get("content", {}).get("application/json", {}).get("schema")
    if new_schema is None:
        return
    if "$ref" in existing:  # a shared response without a body gives way to a page's own
        responses[code] = response
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
    builder = DocumentBuilder(options)
    _name_operations(services, builder)
    settings = ServerSettings(options.server_url, options.server_urls, options.region)
    builder.servers, found = document_servers(services, settings)
    builder.diagnostics.extend(found)
    several = len({canonical(s) for s in builder.servers.values()}) > 1
    every_operation: list[Operation] = []
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
        pages = PageTables.of(service.schema_tables, service.listed_pages, service.page_titles)
        registry = SchemaRegistry(
            index, service.name, builder.components, pages, owners=builder.component_owners
        )
        registry.xml_roots = frozenset(
            body.root.name for page in service.api_pages for body in page.xml_bodies
        )
        registries.append(registry)
        builder.named_tables.extend(
            (registry, table) for table in service.schema_tables if table.role is TableRole.SCHEMA
        )
        builder.shared[service.name] = SharedResponses.of(
            service.api_pages,
            service.status_pages,
            service_prefix(service.name, len(services) > 1),
            builder.responses,
        )
        own: list[Operation] = []
        credentials = QueryCredentials.of(service.schema_tables, registry.counts)
        builder.security_schemes.update(credentials.schemes)
        for api_page in sorted(service.api_pages, key=lambda p: p.page):
            for operation in PageBuilder(builder, registry, api_page, service.toc).operations():
                if several:  # each service's operations on the service's own server
                    operation.body.setdefault("servers", [builder.servers[service.name]])
                own.append(operation)
        ServiceTables(service, registry, builder).apply(own)
        credentials.accept(own)
        every_operation.extend(own)
        operation_counts[service.name] = len(own)
    for registry in registries:
        attach_carried(registry)
    headers = OperationHeaders()
    for operation in every_operation:
        headers.add_operation(operation.page, operation.body.get("parameters", []))
    for service in services:
        headers.add_links(service.linked_pages)
    document_paths = _paths(_routes(every_operation, builder), builder, document_order(services))
    _check_unique_ids(document_paths, builder)
    renames = fold_duplicates(builder.components, builder.component_owners)
    document_paths = _distinct_alternatives(rename_refs(document_paths, renames))
    builder.responses = rename_refs(builder.responses, renames)
    _report_unreached(builder, headers, services, (document_paths, builder.responses))
    document = _document(services, options, builder, document_paths)
    drop_sentence_defaults(document)
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


def _paths(
    routes: dict[str, dict[str, list[Operation]]], builder: DocumentBuilder, order: dict[str, int]
) -> dict[str, Any]:
    """The path items: one operation per method, several pages' operations merged."""
    document_paths: dict[str, Any] = {}
    for path in sorted(routes):
        item: dict[str, Any] = {}
        for method in OPERATION_METHODS:
            operations = routes[path].get(method)
            if operations:
                one = len(operations) == 1
                item[method] = operations[0].body if one else _merge(operations, builder, order)
        document_paths[path] = item
    return document_paths


def _name_operations(services: Sequence[ServiceDocs], builder: DocumentBuilder) -> None:
    """Every operation's id, chosen for the whole document at once: a name that two
    operations would share is made more specific for both (reported)."""
    pages = [(s.name, page) for s in services for page in pages_in_reading_order(s)]
    named = name_operations(routes_of(pages))
    builder.operation_names = {(r.method, r.path): name for r, name in named.names.items()}
    builder.page_names = route_page_names(
        [(s.name, page, s.toc) for s in services for page in s.api_pages]
    )
    sources = {
        (e.method.upper(), route_key(p, e, name)): p.page for name, p in pages for e in p.endpoints
    }
    for route, detail in named.notes:
        page = sources.get((route.method, route.path), "")
        builder.report(Code.DUPLICATE_OPERATION_ID, page, detail, Level.INFO)


def _check_unique_ids(paths: dict[str, Any], builder: DocumentBuilder) -> None:
    """A last guard: an id the naming could not foresee twice (a route only building its
    page revealed) gets a number, and a warning, rather than making the document invalid."""
    seen: set[str] = set()
    for path, item in paths.items():
        for method, operation in item.items():
            name = operation["operationId"]
            number = 2
            while name.lower() in seen:
                name = f"{operation['operationId']}{number}"
                number += 1
            if name != operation["operationId"]:
                builder.report(
                    Code.DUPLICATE_OPERATION_ID,
                    str(operation.get("x-source", "")),
                    f"{method.upper()} {path}: operationId {operation['operationId']!r} is "
                    f"taken; numbered {name!r}",
                )
                operation["operationId"] = name
            seen.add(name.lower())


def _routes(
    operations: list[Operation], builder: DocumentBuilder
) -> dict[str, dict[str, list[Operation]]]:
    """Operations by path and method, after the paths are made ones OpenAPI allows."""

    def report(page: str, detail: str) -> None:
        builder.report(Code.PATH_PARAM_RENAMED, page, detail, Level.INFO)

    for operation in operations:
        number_repeats(operation, report)
    unify_names(operations, report)
    paths: dict[str, dict[str, list[Operation]]] = {}
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
    builder: DocumentBuilder,
    paths: dict[str, Any],
) -> dict[str, Any]:
    names = [s.name for s in services]
    title = options.title or (" + ".join(n.upper() for n in names) + " API")
    document: dict[str, Any] = {
        "openapi": options.openapi,
        "info": {
            "title": title,
            "description": _info_description(services, paths),
            "version": options.version or "1.0.0",
            "x-service": "_".join(n.lower() for n in names) or "api",
        },
    }
    if names:  # the first service's server is the default; others are on their operations
        document["servers"] = [builder.servers[names[0]]]
    if builder.tags:
        document["tags"] = [
            {"name": name, "description": description}
            for name, description in sorted(builder.tags.items())
        ]
    document["paths"] = paths
    components: dict[str, Any] = {}
    if builder.components:
        components["schemas"] = dict(sorted(builder.components.items()))
    if builder.parameters:
        components["parameters"] = dict(sorted(builder.parameters.items()))
    if builder.headers:
        components["headers"] = dict(sorted(builder.headers.items()))
    schemes = dict(sorted(builder.security_schemes.items()))
    if builder.responses:
        components["responses"] = dict(sorted(builder.responses.items()))
    if builder.uses_token:
        schemes[SECURITY_SCHEME] = {
            "type": "apiKey",
            "in": "header",
            "name": "X-Auth-Token",
            "description": "IAM token obtained from the Identity service.",
        }
    if schemes:
        components["securitySchemes"] = schemes
    if components:
        document["components"] = components
    return document
