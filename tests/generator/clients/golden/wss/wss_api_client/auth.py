"""Authentication: an IAM token (``TokenAuth``) or AK/SK request signing (``AkSkAuth``).

Both are ``httpx.Auth`` objects: pass one as ``ClientConfig.auth``, or write your own.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
from collections.abc import Callable, Generator
from urllib.parse import parse_qsl, quote, unquote

import httpx

TOKEN_HEADER = "X-Auth-Token"
SIGNING_ALGORITHM = "SDK-HMAC-SHA256"
DATE_HEADER = "X-Sdk-Date"
DATE_FORMAT = "%Y%m%dT%H%M%SZ"
PROJECT_HEADER = "X-Project-Id"
_SIGNED_ALWAYS = frozenset({"content-type", "host"})


class TokenAuth(httpx.Auth):
    """Sends a token (such as an IAM user token) in a header of every request."""

    def __init__(self, token: str, *, header: str = TOKEN_HEADER) -> None:
        self._token = token
        self._header = header

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers[self._header] = self._token
        yield request

    def __repr__(self) -> str:
        return f"TokenAuth(token='***', header={self._header!r})"


class AkSkAuth(httpx.Auth):
    """Signs every request with an access key and a secret key (API Gateway SDK-HMAC-SHA256).

    The signature covers the method, the path, the query, the ``Host``, ``Content-Type`` and
    ``X-*`` headers (among them ``X-Sdk-Date``, added when missing) and the SHA-256 of the body.
    ``project_id``, when given, is sent (and signed) as ``X-Project-Id``. ``clock`` returns the
    current UTC time; tests replace it.
    """

    requires_request_body = True

    def __init__(
        self,
        access_key: str,
        secret_key: str,
        *,
        project_id: str | None = None,
        clock: Callable[[], datetime.datetime] | None = None,
    ) -> None:
        self._access_key = access_key
        self._secret_key = secret_key
        self._project_id = project_id
        self._clock = clock or _utc_now

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        self.sign(request)
        yield request

    def sign(self, request: httpx.Request) -> None:
        """Add the ``X-Sdk-Date`` (when missing) and ``Authorization`` headers to ``request``."""
        if DATE_HEADER not in request.headers:
            request.headers[DATE_HEADER] = self._clock().strftime(DATE_FORMAT)
        if self._project_id is not None and PROJECT_HEADER not in request.headers:
            request.headers[PROJECT_HEADER] = self._project_id
        signed = signed_headers(request.headers)
        digest = _sha256_hex(canonical_request(request, signed).encode())
        string_to_sign = f"{SIGNING_ALGORITHM}\n{request.headers[DATE_HEADER]}\n{digest}"
        signature = hmac.new(
            self._secret_key.encode(), string_to_sign.encode(), hashlib.sha256
        ).hexdigest()
        request.headers["Authorization"] = (
            f"{SIGNING_ALGORITHM} Access={self._access_key}, "
            f"SignedHeaders={';'.join(signed)}, Signature={signature}"
        )

    def __repr__(self) -> str:
        return f"AkSkAuth(access_key={self._access_key!r}, secret_key='***')"


def _utc_now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def _sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _encode(text: str) -> str:
    return quote(text, safe="~")


def canonical_uri(raw_path: str) -> str:
    """Each decoded path segment percent-encoded again, always ending with ``/``."""
    uri = "/".join(_encode(segment) for segment in unquote(raw_path).split("/"))
    return uri if uri.endswith("/") else uri + "/"


def canonical_query(raw_query: str) -> str:
    """The query parameters sorted by name, then value, each part percent-encoded."""
    pairs = sorted(parse_qsl(raw_query, keep_blank_values=True))
    return "&".join(f"{_encode(name)}={_encode(value)}" for name, value in pairs)


def signed_headers(headers: httpx.Headers) -> list[str]:
    """The lower-case names of the headers to sign, sorted."""
    names = {name.lower() for name in headers}
    return sorted(name for name in names if name in _SIGNED_ALWAYS or name.startswith("x-"))


def canonical_request(request: httpx.Request, signed: list[str]) -> str:
    """Method, URI, query, headers, signed header names and body hash, one per line."""
    raw_path, _, raw_query = request.url.raw_path.decode("ascii").partition("?")
    headers = "".join(f"{name}:{request.headers[name].strip()}\n" for name in signed)
    return "\n".join(
        (
            request.method.upper(),
            canonical_uri(raw_path),
            canonical_query(raw_query),
            headers,
            ";".join(signed),
            _sha256_hex(request.content),
        )
    )
