"""Request encoding and response decoding shared by ``Client`` and ``AsyncClient``."""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel, TypeAdapter, ValidationError

from . import errors

ModelT = TypeVar("ModelT", bound=BaseModel)

_TEMPLATE_VARIABLE = re.compile(r"\{([^{}]+)\}")
# Path segments that a URL resolves away: as values they would leave the base URL's path.
_DOT_SEGMENTS = {".": "%2E", "..": "%2E%2E"}
_HOST_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}


def wire_string(value: object) -> str:
    """A parameter value as text: JSON booleans, enum values, ``str()`` otherwise."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return wire_string(value.value)
    return str(value)


def expand_template(template: str, values: Mapping[str, object], *, escape: bool) -> str:
    """Fill the ``{name}`` variables of a path or URL template."""

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            return match.group(0)
        text = wire_string(values[name])
        if not escape:
            return text
        return _DOT_SEGMENTS.get(text) or quote(text, safe="")

    return _TEMPLATE_VARIABLE.sub(substitute, template)


def host_label(name: str, value: str) -> str:
    """A value that fills a server variable of the host: one DNS label (RFC 1123), never a
    ``.``, ``/``, ``@`` or ``:`` that would send the request elsewhere."""
    if not _HOST_LABEL.fullmatch(value):
        raise ValueError(
            f"{name} must be one host label (letters, digits, inner hyphens): {value!r}"
        )
    return value


def on_server(server: str, path: str) -> str:
    """A path (starting with ``/``) appended to a server URL."""
    return server.rstrip("/") + path


def expand_path(template: str, values: Mapping[str, object]) -> str:
    """A request path with its parameters filled in, each percent-encoded."""
    return expand_template(template, values, escape=True)


def query_params(values: Mapping[str, object]) -> dict[str, str | list[str]]:
    """Query parameters without the unset ones; lists repeat the parameter."""
    params: dict[str, str | list[str]] = {}
    for name, value in values.items():
        if value is None:
            continue
        if isinstance(value, list | tuple):
            params[name] = [wire_string(item) for item in value]
        else:
            params[name] = wire_string(value)
    return params


def delimited(values: Sequence[object] | None, separator: str) -> str | None:
    """An array query parameter that is not exploded: its values joined by ``separator``."""
    if values is None:
        return None
    return separator.join(wire_string(value) for value in values)


def header_params(values: Mapping[str, object]) -> dict[str, str]:
    """Header parameters without the unset ones; lists are comma-separated."""
    headers: dict[str, str] = {}
    for name, value in values.items():
        if value is None:
            continue
        if isinstance(value, list | tuple):
            headers[name] = ",".join(wire_string(item) for item in value)
        else:
            headers[name] = wire_string(value)
    return headers


def _adapter(annotation: Any) -> TypeAdapter[Any]:
    adapter = _ADAPTERS.get(annotation)
    if adapter is None:
        adapter = _ADAPTERS[annotation] = TypeAdapter(annotation)
    return adapter


def encode_json(value: object, annotation: Any) -> Any:
    """A request body as JSON data with wire names.

    A model body may be given as a mapping too: it is sent as it is, so its keys are wire
    names (models inside it are dumped by their wire names as well).
    """
    return _adapter(annotation).dump_python(value, mode="json", by_alias=True, exclude_unset=True)


def decode_model(response: httpx.Response, model: type[ModelT]) -> ModelT:
    """A response body parsed into its model; ``errors.ResponseValidationError`` if it does
    not match."""
    parsed: ModelT = decode_json(response, model)
    return parsed


def decode_json(response: httpx.Response, annotation: Any) -> Any:
    """A response body that is no single model, validated against its annotation;
    ``errors.ResponseValidationError`` if it does not match."""
    try:
        return _adapter(annotation).validate_json(response.content)
    except ValidationError as error:
        raise errors.ResponseValidationError(response, error) from error
