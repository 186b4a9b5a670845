"""Exceptions raised by the clients for error responses."""

from __future__ import annotations

from collections.abc import Mapping

import httpx
import pydantic

REQUEST_ID_HEADERS = ("X-Request-Id", "X-Openstack-Request-Id", "X-Compute-Request-Id")


class ApiError(Exception):
    """An error response: its status, parsed body, headers and request id.

    ``body`` is an instance of the documented error model when the body matches it, else the
    decoded JSON, else the text of the body.
    """

    def __init__(self, response: httpx.Response, body: object) -> None:
        self.response = response
        self.status_code = response.status_code
        self.headers = response.headers
        self.body = body
        self.request_id = next(
            (response.headers[name] for name in REQUEST_ID_HEADERS if name in response.headers),
            None,
        )
        super().__init__(self._describe())

    @property
    def error_code(self) -> str | None:
        """The API's error code (``error_code`` or ``code`` in the body), if any."""
        return _find_text(self.body, ("error_code", "code"))

    @property
    def error_msg(self) -> str | None:
        """The API's error message (``error_msg`` or ``message`` in the body), if any."""
        return _find_text(self.body, ("error_msg", "message"))

    def _describe(self) -> str:
        text = f"HTTP {self.status_code}"
        details = [item for item in (self.error_code, self.error_msg) if item]
        if details:
            text += ": " + " ".join(details)
        if self.request_id:
            text += f" (request id {self.request_id})"
        return text


class UnexpectedStatus(ApiError):
    """A status that the operation does not document."""


class ResponseValidationError(ApiError):
    """A response whose body does not match the model documented for its status.

    ``body`` is the decoded JSON of the body (else its text), ``response`` the whole response,
    and ``validation_error`` the ``pydantic.ValidationError`` saying what does not match.
    """

    def __init__(
        self, response: httpx.Response, validation_error: pydantic.ValidationError
    ) -> None:
        self.validation_error = validation_error
        super().__init__(response, _raw_body(response))

    def _describe(self) -> str:
        count = self.validation_error.error_count()
        text = (
            f"HTTP {self.status_code}: the body does not match {self.validation_error.title} "
            f"({count} validation error{'s' if count != 1 else ''})"
        )
        return text + (f" (request id {self.request_id})" if self.request_id else "")


class BadRequestError(ApiError):
    """HTTP 400 Bad Request."""


class NotFoundError(ApiError):
    """HTTP 404 Not Found."""


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    404: NotFoundError,
}


def error_from_response(
    response: httpx.Response,
    documented: Mapping[int | None, type[pydantic.BaseModel] | None],
) -> ApiError:
    """The exception for an error response, with its body parsed as documented.

    ``documented`` maps the operation's error statuses (None for ``default``) to the model of
    their body, or to None when the body is not an object.
    """
    status = response.status_code
    key = status if status in documented else None
    if status < 400 or key not in documented:
        return UnexpectedStatus(response, _raw_body(response))
    error_class = _BY_STATUS.get(status, ApiError)
    return error_class(response, _parse_body(response, documented[key]))


def _parse_body(response: httpx.Response, model: type[pydantic.BaseModel] | None) -> object:
    if model is not None:
        try:
            return model.model_validate_json(response.content)
        except pydantic.ValidationError:
            pass
    return _raw_body(response)


def _raw_body(response: httpx.Response) -> object:
    try:
        return response.json()
    except ValueError:
        return response.text


def _find_text(body: object, keys: tuple[str, ...]) -> str | None:
    """The first of ``keys`` in the body, looking one level down in ``{"error": {...}}``."""
    data = body.model_dump(by_alias=True) if isinstance(body, pydantic.BaseModel) else body
    if not isinstance(data, dict):
        return None
    for key in keys:
        value = data.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool):
            return str(value)
    if len(data) == 1:
        return _find_text(next(iter(data.values())), keys)
    return None
