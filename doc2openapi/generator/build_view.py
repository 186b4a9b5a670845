"""The intermediate model to the render model of the whole generated project."""

from __future__ import annotations

import re

from doc2openapi.diagnostics import Code, Level, Report, in_document

from .build_client import ClientBuilder
from .build_errors import error_classes
from .build_models import ModelsBuilder, name_everything
from .model import ApiDecl, ServerVariable
from .names import RESERVED_IDENTIFIERS, PythonIdentifier, identifier_suffix, unique_names
from .text import docstring, markdown_code, markdown_inline, one_line, python_string, toml_string
from .view import OperationSummary, ProjectView, ServerVariableView

_PEP440 = re.compile(r"\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?")
# Attributes of the generated ClientConfig besides the server variables.
CONFIG_ATTRIBUTES = frozenset(
    {
        "auth",
        "base_url",
        "headers",
        "project_id",
        "require_project_id",
        "resolved_base_url",
        "server_url",
        "retry",
        "timeout",
    }
)
# Names the class body of ClientConfig uses (``dataclasses.field``): a server variable with
# one of these names would hide it from the attributes after it.
CONFIG_BODY_NAMES = frozenset({"field"})
DEFAULT_TOKEN_HEADER = "X-Auth-Token"
DEFAULT_VERSION = "0.1.0"
MAX_PACKAGE_NAME = 64
"""Package names are folder names: a 300-character API title must not make one too long."""


def _shortened(name: str, suffix: str) -> str:
    """``name`` (which ends with ``suffix``) at most MAX_PACKAGE_NAME long, cut at a word."""
    if len(name) <= MAX_PACKAGE_NAME:
        return name
    head = name[: MAX_PACKAGE_NAME - len(suffix)]
    if "_" in head:
        head = head.rsplit("_", 1)[0]
    return str(PythonIdentifier(f"{head}{suffix}", prefix="api"))


def package_name(requested: str | None, title: str, report: Report, service: str = "") -> str:
    """The import name of the generated package: the requested one, made safe, else the
    service's (``dcs_client``: the same whatever the title), else the title's."""
    if requested is None:
        named = service or title
        return _shortened(str(PythonIdentifier(f"{named} client", prefix="api")), "_client")
    name = _shortened(str(PythonIdentifier(requested, prefix="api")), "")
    if name != requested:
        detail = (
            f"package name {requested!r} is not a safe module name (an identifier of at most "
            f"{MAX_PACKAGE_NAME} characters); using {name!r}"
        )
        report(in_document(Level.WARNING, Code.NAME_SANITISED, "", detail))
    return name


def config_variables(api: ApiDecl) -> dict[str, ServerVariable]:
    """The server variables the client configuration sets, by name: the document's server's,
    then those of operations' own servers that no call gives (the first default wins)."""
    found: dict[str, ServerVariable] = {}
    servers = [api.server, *(operation.server for operation in api.operations)]
    for server in servers:
        if server is None:
            continue
        per_call = server.per_call(api.server)
        for variable in server.variables:
            if variable not in per_call:
                found.setdefault(variable.name, variable)
    return found


def _server_variables(api: ApiDecl) -> tuple[ServerVariableView, ...]:
    variables = config_variables(api)
    candidates = {name: str(PythonIdentifier(name, prefix="var")) for name in variables}
    names = unique_names(
        candidates,
        rank=lambda name: (candidates[name] != name, name),
        with_suffix=identifier_suffix,
        taken=CONFIG_ATTRIBUTES | CONFIG_BODY_NAMES | RESERVED_IDENTIFIERS,
    )
    views = []
    for name, variable in variables.items():
        choices = ", ".join(f"``{value}``" for value in variable.enum)
        views.append(
            ServerVariableView(
                name=names[name],
                wire_literal=python_string(name),
                placeholder_literal=python_string("{" + name + "}"),
                default_literal=python_string(variable.default),
                docstring=docstring(
                    [
                        variable.description or f"The ``{name}`` variable of the server URL.",
                        f"Documented values: {choices}." if choices else "",
                    ],
                    "    ",
                ),
                unset_message_literal=_unset_message(names[name], variable.default),
            )
        )
    return tuple(views)


def _unset_message(attribute: str, default: str) -> str:
    """A default in the ``.invalid`` domain (RFC 6761: it never resolves) stands for "not
    documented": the client then asks for the value."""
    if not default.lower().rstrip(".").endswith(".invalid"):
        return ""
    return python_string(f"set ClientConfig.{attribute}: the API documentation names no host")


def _version(requested: str | None, documented: str) -> str:
    """The package version: the one requested, else the document's, else the default (a
    version that is not PEP 440 is never printed into pyproject.toml)."""
    for version in (requested, documented):
        if version and _PEP440.fullmatch(version):
            return version
    return DEFAULT_VERSION


def build_project(
    api: ApiDecl, requested_package: str | None, report: Report, version: str | None = None
) -> ProjectView:
    package = package_name(requested_package, api.title, report, api.service)
    naming = name_everything(api.classes, report)
    models = ModelsBuilder(api.classes, naming, report).build(
        docstring([f"Data models of {api.title}."], "")
    )
    client_builder = ClientBuilder(api, naming, report)
    client = client_builder.build(api.title)
    summaries = tuple(
        OperationSummary(
            method_name=client_builder.method_names[operation.pointer],
            http=markdown_code(f"{operation.method} {operation.path}"),
            summary=markdown_inline(operation.summary or operation.doc.description),
        )
        for operation in api.operations
    )
    example = next(
        (
            operation
            for operation in client.operations
            if not any(parameter.default == "" for parameter in operation.parameters)
        ),
        None,
    )
    return ProjectView(
        package=package,
        distribution=package.replace("_", "-"),
        version=_version(version, api.version),
        api_version_literal=python_string(api.version),
        package_docstring=docstring(
            [f"Typed client for {api.title}.", "Generated by doc2openapi: do not edit."], ""
        ),
        description_toml=toml_string(one_line(f"Typed Python client for {api.title}.")),
        title_markdown=markdown_inline(api.title),
        description_markdown=markdown_inline(api.description),
        server_url_literal=python_string(api.server.url) if api.server else "None",
        server_variables=_server_variables(api),
        token_header_literal=python_string(
            api.api_keys[0].header if api.api_keys else DEFAULT_TOKEN_HEADER
        ),
        models=models,
        errors=error_classes(api),
        client=client,
        operation_summaries=summaries,
        example_call=f"client.{example.method_name}()" if example else "",
    )
