"""What the ``*_raw`` methods return: the whole response, with its body parsed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

import httpx

T = TypeVar("T")


@dataclass(frozen=True)
class ApiResponse(Generic[T]):
    """A response: its status, headers and body, and the body parsed as documented.

    ``parsed`` is what the method without ``_raw`` returns: the model (or list, text, bytes)
    documented for the status, None for a documented status without a body, and the
    ``httpx.Response`` itself for a 2xx status that the operation does not document.
    """

    http_response: httpx.Response
    parsed: T

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def content(self) -> bytes:
        return self.http_response.content
