"""The error classes of the generated ``errors.py``: one per documented error status."""

from __future__ import annotations

from .model import ApiDecl
from .text import docstring
from .view import ErrorClassView

# Stable across Python versions (unlike http.HTTPStatus phrases); names avoid builtins such
# as NotImplementedError.
_STATUS_NAMES = {
    400: ("BadRequestError", "Bad Request"),
    401: ("UnauthorizedError", "Unauthorized"),
    402: ("PaymentRequiredError", "Payment Required"),
    403: ("ForbiddenError", "Forbidden"),
    404: ("NotFoundError", "Not Found"),
    405: ("MethodNotAllowedError", "Method Not Allowed"),
    406: ("NotAcceptableError", "Not Acceptable"),
    408: ("RequestTimeoutError", "Request Timeout"),
    409: ("ConflictError", "Conflict"),
    410: ("GoneError", "Gone"),
    412: ("PreconditionFailedError", "Precondition Failed"),
    413: ("ContentTooLargeError", "Content Too Large"),
    415: ("UnsupportedMediaTypeError", "Unsupported Media Type"),
    422: ("UnprocessableContentError", "Unprocessable Content"),
    423: ("LockedError", "Locked"),
    429: ("TooManyRequestsError", "Too Many Requests"),
    500: ("InternalServerError", "Internal Server Error"),
    501: ("ServerNotImplementedError", "Not Implemented"),
    502: ("BadGatewayError", "Bad Gateway"),
    503: ("ServiceUnavailableError", "Service Unavailable"),
    504: ("GatewayTimeoutError", "Gateway Timeout"),
}


def error_class_name(status: int) -> str:
    return _STATUS_NAMES.get(status, (f"Status{status}Error", ""))[0]


def error_classes(api: ApiDecl) -> tuple[ErrorClassView, ...]:
    """One exception class per error status documented by any operation."""
    statuses = sorted(
        {
            response.status
            for operation in api.operations
            for response in operation.errors
            if response.status is not None
        }
    )
    return tuple(
        ErrorClassView(
            name=error_class_name(status),
            status=status,
            docstring=docstring(
                [f"HTTP {status} {_STATUS_NAMES.get(status, ('', ''))[1]}".rstrip() + "."],
                "    ",
            ),
        )
        for status in statuses
    )
