"""The OpenAPI document to the intermediate :class:`~.model.ApiDecl`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

from doc2openapi.diagnostics import Code, Level, Report, in_document

from .document import (
    EMPTY,
    JsonObject,
    child,
    get_bool,
    get_list,
    get_object,
    get_str,
    ref_pointer,
    resolve_pointer,
)
from .model import (
    AnyValue,
    ApiDecl,
    ApiKeyScheme,
    BodyDecl,
    MediaKind,
    OperationDecl,
    ParameterDecl,
    ParameterLocation,
    Primitive,
    ResponseDecl,
    Server,
    ServerVariable,
    TypeExpr,
)
from .names import pascal_case
from .schemas import SchemaCollector, documentation

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_STATUS = re.compile(r"[1-5][0-9][0-9]")
_PARAMETER_LOCATIONS: tuple[ParameterLocation, ...] = ("path", "query", "header")
# Headers the HTTP layer sets itself; a documented parameter for them is dropped.
_TRANSPORT_HEADERS = frozenset({"content-type", "content-length", "accept", "host"})
# Statuses whose responses have no content by definition (RFC 9110): a documented body
# would make the client parse the empty one.
_NO_CONTENT_STATUSES = frozenset({204, 205, 304})
# The separators of array query parameters by ``style`` (OpenAPI 3.x "Style Values"); an
# exploded form, space- or pipe-delimited array repeats the parameter instead.
_QUERY_SEPARATORS = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|"}
# An HTTP field name (RFC 9110 token): httpx cannot send any other header.
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


def media_kind(media_type: str) -> MediaKind:
    base = media_type.split(";", maxsplit=1)[0].strip().lower()
    if base == "application/json" or base.endswith("+json"):
        return "json"
    if base.startswith("text/"):
        return "text"
    return "binary"


def _pick_content(content: JsonObject) -> tuple[str, JsonObject] | None:
    """The JSON media type if there is one, else the first one documented."""
    for media_type, entry in content.items():
        if media_kind(media_type) == "json":
            return media_type, entry if isinstance(entry, Mapping) else EMPTY
    for media_type, entry in content.items():
        return media_type, entry if isinstance(entry, Mapping) else EMPTY
    return None


class ApiCollector:
    """Reads servers, security schemes and operations; schemas go to a SchemaCollector."""

    def __init__(self, document: JsonObject, report: Report) -> None:
        self._document = document
        self._report = report
        self.schemas = SchemaCollector(document, report)
        self._document_server = self._server(document, "")

    def collect(self) -> ApiDecl:
        self.schemas.collect_components()
        api_keys = self._api_keys()
        header_names = frozenset(scheme.header.lower() for scheme in api_keys)
        operations = tuple(self._operations(header_names))
        info = get_object(self._document, "info")
        return ApiDecl(
            title=get_str(info, "title") or "API",
            service=get_str(info, "x-service"),
            version=get_str(info, "version"),
            description=get_str(info, "description"),
            server=self._document_server,
            api_keys=api_keys,
            classes=self.schemas.classes,
            operations=operations,
        )

    def _report_at(self, level: Level, code: Code, location: str, detail: str) -> None:
        self._report(in_document(level, code, location, detail))

    def _deref(self, node: object, location: str) -> tuple[JsonObject, str]:
        """A parameter, request body or response object, following one local ``$ref``."""
        if not isinstance(node, Mapping):
            return EMPTY, location
        pointer = ref_pointer(node)
        if pointer is None:
            if "$ref" in node:
                self._report_at(Level.WARNING, Code.UNRESOLVED_REF, location, "external $ref")
                return EMPTY, location
            return node, location
        target = resolve_pointer(self._document, pointer)
        if target is None:
            detail = f"cannot resolve $ref {node['$ref']!r}"
            self._report_at(Level.WARNING, Code.UNRESOLVED_REF, location, detail)
            return EMPTY, location
        return target, pointer

    def _server(self, owner: JsonObject, location: str) -> Server | None:
        """The first of the ``servers`` of the document (``location`` ""), a path or an
        operation; None when there are none."""
        servers = [s for s in get_list(owner, "servers") if isinstance(s, Mapping)]
        if not servers:
            if not location:
                detail = "no servers: the client needs base_url in its configuration"
                self._report_at(Level.INFO, Code.SERVER_FALLBACK, "/servers", detail)
            return None
        if len(servers) > 1:
            detail = "several servers: the first is the default base URL"
            self._report_at(Level.INFO, Code.SERVER_FALLBACK, child(location, "servers"), detail)
        first = servers[0]
        variables = tuple(
            ServerVariable(
                name=name,
                default=str(variable.get("default", "")),
                description=get_str(variable, "description"),
                enum=tuple(str(value) for value in get_list(variable, "enum")),
            )
            for name, variable in get_object(first, "variables").items()
            if isinstance(variable, Mapping)
        )
        return Server(url=get_str(first, "url"), variables=variables)

    def _own_server(self, item: JsonObject, operation: JsonObject, location: str) -> Server | None:
        """The operation's servers win over its path's; the document's server is no own one."""
        server = self._server(operation, location) or self._server(item, location.rsplit("/", 1)[0])
        return None if server == self._document_server else server

    def _api_keys(self) -> tuple[ApiKeyScheme, ...]:
        """The apiKey schemes sent in a header; one whose header name HTTP cannot carry is
        reported and left out (``TokenAuth`` then uses the default header)."""
        schemes = get_object(get_object(self._document, "components"), "securitySchemes")
        keys = []
        for name, scheme in schemes.items():
            if not (isinstance(scheme, Mapping) and _is_header_api_key(scheme)):
                continue
            header = get_str(scheme, "name")
            if _HEADER_NAME.fullmatch(header):
                keys.append(ApiKeyScheme(name=name, header=header))
            else:
                location = child("/components/securitySchemes", name)
                detail = f"apiKey header {header!r} is not a valid HTTP header name; ignored"
                self._report_at(Level.WARNING, Code.PARAMETER_SKIPPED, location, detail)
        return tuple(keys)

    def _operations(self, auth_headers: frozenset[str]) -> list[OperationDecl]:
        operations: list[OperationDecl] = []
        for path, item in get_object(self._document, "paths").items():
            if not isinstance(item, Mapping):
                continue
            path_location = child("/paths", path)
            for method in HTTP_METHODS:
                operation = item.get(method)
                if isinstance(operation, Mapping):
                    location = child(path_location, method)
                    operations.append(
                        self._operation(path, method, item, operation, location, auth_headers)
                    )
        return operations

    def _operation_id(self, operation: JsonObject, method: str, path: str, location: str) -> str:
        operation_id = get_str(operation, "operationId")
        if operation_id:
            return operation_id
        derived = pascal_case(f"{method} {path}")
        detail = f"no operationId; named {derived!r} after method and path"
        self._report_at(Level.WARNING, Code.MISSING_OPERATION_ID, location, detail)
        return derived

    def _operation(
        self,
        path: str,
        method: str,
        item: JsonObject,
        operation: JsonObject,
        location: str,
        auth_headers: frozenset[str],
    ) -> OperationDecl:
        operation_id = self._operation_id(operation, method, path, location)
        return OperationDecl(
            operation_id=operation_id,
            method=method.upper(),
            path=path,
            summary=get_str(operation, "summary"),
            doc=documentation(operation),
            tags=tuple(tag for tag in get_list(operation, "tags") if isinstance(tag, str)),
            parameters=self._parameters(item, operation, location, operation_id, auth_headers),
            body=self._body(operation, location, operation_id),
            responses=self._responses(operation, location, operation_id),
            pointer=location,
            server=self._own_server(item, operation, location),
        )

    def _parameters(
        self,
        item: JsonObject,
        operation: JsonObject,
        location: str,
        operation_id: str,
        auth_headers: frozenset[str],
    ) -> tuple[ParameterDecl, ...]:
        """Path-item parameters overridden by operation parameters with the same name and place."""
        found: dict[tuple[str, str], ParameterDecl] = {}
        path_location = location.rsplit("/", 1)[0]
        sources = ((item, path_location), (operation, location))
        for owner, owner_location in sources:
            for index, raw in enumerate(get_list(owner, "parameters")):
                node, pointer = self._deref(raw, child(owner_location, "parameters", index))
                parameter = self._parameter(node, pointer, operation_id, auth_headers)
                if parameter is not None:
                    found[(parameter.location, parameter.wire_name)] = parameter
        return tuple(found.values())

    def _parameter(
        self, node: JsonObject, pointer: str, operation_id: str, auth_headers: frozenset[str]
    ) -> ParameterDecl | None:
        name, place = get_str(node, "name"), get_str(node, "in")
        location = _parameter_location(place)
        if not name or location is None:
            detail = f"parameter {name!r} in {place!r} is not supported"
            self._report_at(Level.WARNING, Code.PARAMETER_SKIPPED, pointer, detail)
            return None
        if location == "header" and name.lower() in auth_headers | _TRANSPORT_HEADERS:
            detail = f"header {name!r} is set by the auth object or the HTTP layer"
            self._report_at(Level.INFO, Code.PARAMETER_SKIPPED, pointer, detail)
            return None
        if location == "header" and not _HEADER_NAME.fullmatch(name):
            detail = f"header {name!r} is not a valid HTTP header name"
            self._report_at(Level.WARNING, Code.PARAMETER_SKIPPED, pointer, detail)
            return None
        schema = node.get("schema")
        parameter_type: TypeExpr = Primitive("str")
        if schema is not None:
            hint = operation_id + pascal_case(name)
            parameter_type = self.schemas.type_of(schema, child(pointer, "schema"), hint)
        default = schema.get("default") if isinstance(schema, Mapping) else None
        return ParameterDecl(
            wire_name=name,
            location=location,
            type=parameter_type,
            required=location == "path" or get_bool(node, "required"),
            doc=documentation(node),
            default=default,
            pointer=pointer,
            separator=self._separator(node, location, pointer),
        )

    def _separator(self, node: JsonObject, location: str, pointer: str) -> str | None:
        """How an array query parameter is sent: joined by the separator this returns, or
        repeated (None). ``explode`` defaults to true for ``form`` only (OpenAPI 3.x). Path
        and header parameters are sent in the ``simple`` style."""
        default = "form" if location == "query" else "simple"
        style = get_str(node, "style") or default
        explode = node.get("explode")
        if not isinstance(explode, bool):
            explode = style == "form"
        supported = _QUERY_SEPARATORS if location == "query" else {"simple": ","}
        if style not in supported:
            detail = f"{location} style {style!r} is not supported; sent as style {default!r}"
            self._report_at(Level.WARNING, Code.UNSUPPORTED_STYLE, pointer, detail)
            return None
        return None if explode or location != "query" else _QUERY_SEPARATORS[style]

    def _body(self, operation: JsonObject, location: str, operation_id: str) -> BodyDecl | None:
        if "requestBody" not in operation:
            return None
        node, pointer = self._deref(operation["requestBody"], child(location, "requestBody"))
        picked = _pick_content(get_object(node, "content"))
        if picked is None:
            return None
        media_type, entry = picked
        if media_kind(media_type) != "json":
            detail = f"request body of type {media_type!r} is not supported; the body is omitted"
            self._report_at(Level.WARNING, Code.UNSUPPORTED_CONTENT, pointer, detail)
            return None
        schema_location = child(pointer, "content", media_type, "schema")
        body_type = self.schemas.type_of(
            entry.get("schema", EMPTY), schema_location, operation_id + "Request"
        )
        return BodyDecl(
            type=body_type, required=get_bool(node, "required"), doc=documentation(node)
        )

    def _responses(
        self, operation: JsonObject, location: str, operation_id: str
    ) -> tuple[ResponseDecl, ...]:
        responses_location = child(location, "responses")
        entries: list[tuple[int | None, str]] = []
        for key in get_object(operation, "responses"):
            status = _status(key)
            if status == "unsupported":
                detail = f"status {key!r} is neither a status code nor 'default'; ignored"
                where = child(responses_location, key)
                self._report_at(Level.WARNING, Code.UNSUPPORTED_STATUS, where, detail)
                continue
            entries.append((status, key))
        primary = _primary_success([status for status, _ in entries])
        responses = []
        for status, key in sorted(entries, key=lambda entry: (entry[0] is None, entry[0] or 0)):
            suffix = "" if status == primary else (str(status) if status else "Default")
            node, pointer = self._deref(
                get_object(operation, "responses")[key], child(responses_location, key)
            )
            responses.append(
                self._response(status, node, pointer, f"{operation_id}Response{suffix}")
            )
        if not any(response.status and 200 <= response.status < 300 for response in responses):
            detail = "no 2xx response documented: a 2xx status returns the raw response"
            self._report_at(Level.WARNING, Code.NO_SUCCESS_RESPONSE, responses_location, detail)
        return tuple(responses)

    def _response(
        self, status: int | None, node: JsonObject, pointer: str, hint: str
    ) -> ResponseDecl:
        description = get_str(node, "description")
        picked = _pick_content(get_object(node, "content"))
        if picked is not None and status in _NO_CONTENT_STATUSES:
            detail = f"a {status} response has no content; the documented content is ignored"
            self._report_at(Level.WARNING, Code.UNSUPPORTED_CONTENT, pointer, detail)
            picked = None
        if picked is None:
            return ResponseDecl(status=status, type=None, media="none", description=description)
        media_type, entry = picked
        media = media_kind(media_type)
        response_type: TypeExpr
        if media == "json":
            schema_location = child(pointer, "content", media_type, "schema")
            response_type = (
                self.schemas.type_of(entry["schema"], schema_location, hint)
                if "schema" in entry
                else AnyValue()
            )
        else:
            response_type = Primitive("str" if media == "text" else "bytes")
        return ResponseDecl(status=status, type=response_type, media=media, description=description)


def _is_header_api_key(scheme: JsonObject) -> bool:
    return (
        get_str(scheme, "type") == "apiKey"
        and get_str(scheme, "in") == "header"
        and bool(get_str(scheme, "name"))
    )


def _parameter_location(place: str) -> ParameterLocation | None:
    for location in _PARAMETER_LOCATIONS:
        if place == location:
            return location
    return None


def _status(key: str) -> int | Literal["unsupported"] | None:
    if key == "default":
        return None
    if _STATUS.fullmatch(key):
        return int(key)
    return "unsupported"


def _primary_success(statuses: list[int | None]) -> int | None:
    successes = sorted(status for status in statuses if status and 200 <= status < 300)
    return successes[0] if successes else None
