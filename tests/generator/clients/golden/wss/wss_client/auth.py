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
SECURITY_TOKEN_HEADER = "X-Security-Token"
CONTENT_HASH_HEADER = "X-Sdk-Content-Sha256"
UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD"
# Content types whose body is hashed; any other body is sent with an UNSIGNED-PAYLOAD hash.
_HASHED_CONTENT_TYPES = ("application/json", "application/bson")
# Not signed: the signature itself, and the headers the HTTP library adds on its own (the
# vendor's signer never sees them: its HTTP library, requests, adds them after signing).
_UNSIGNED_HEADERS = frozenset(
    {
        "authorization",
        "accept",
        "accept-encoding",
        "connection",
        "content-length",
        "transfer-encoding",
    }
)


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
    """Signs every request with an access key and a secret key (SDK-HMAC-SHA256), as the
    vendor's SDK (``huaweicloudsdkcore``) does.

    The signature covers the method, the path, the query, the SHA-256 of the body and every
    header the client sets (``Host``, ``User-Agent``, ``Content-Type``, header parameters,
    ``X-Sdk-Date`` added when missing), except names holding ``_`` and the ones the HTTP library
    adds by itself (``Accept``, ``Content-Length``, ...). Like the vendor's signer, it sends the
    query in its canonical form, and a body that is neither JSON nor BSON with the hash
    ``UNSIGNED-PAYLOAD``. ``project_id`` (else ``ClientConfig.project_id``) is sent as
    ``X-Project-Id``; ``security_token``, given with temporary credentials, as
    ``X-Security-Token``; both are signed. ``clock`` returns the current UTC time; tests
    replace it.
    """

    requires_request_body = True

    def __init__(
        self,
        access_key: str,
        secret_key: str,
        *,
        project_id: str | None = None,
        security_token: str | None = None,
        clock: Callable[[], datetime.datetime] | None = None,
    ) -> None:
        self._access_key = access_key
        self._secret_key = secret_key
        self._project_id = project_id
        self._security_token = security_token
        self._clock = clock or _utc_now

    @property
    def project_id(self) -> str | None:
        """The project id sent as ``X-Project-Id``."""
        return self._project_id

    def for_project(self, project_id: str) -> AkSkAuth:
        """This signer if it has a project id, else a copy that sends ``project_id``."""
        if self._project_id is not None:
            return self
        return AkSkAuth(
            self._access_key,
            self._secret_key,
            project_id=project_id,
            security_token=self._security_token,
            clock=self._clock,
        )

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        self.sign(request)
        yield request

    def sign(self, request: httpx.Request) -> None:
        """Add the credential headers, ``X-Sdk-Date`` (when missing) and ``Authorization``."""
        self._add_headers(request)
        signed = signed_headers(request.headers)
        text = string_to_sign(canonical_request(request, signed), request.headers[DATE_HEADER])
        signature = hmac.new(self._secret_key.encode(), text.encode(), hashlib.sha256).hexdigest()
        request.headers["Authorization"] = (
            f"{SIGNING_ALGORITHM} Access={self._access_key}, "
            f"SignedHeaders={';'.join(signed)}, Signature={signature}"
        )
        raw_query = request.url.query
        if raw_query:
            request.url = request.url.copy_with(
                query=canonical_query(raw_query.decode("ascii")).encode("ascii")
            )

    def _add_headers(self, request: httpx.Request) -> None:
        headers = request.headers
        if self._project_id is not None and PROJECT_HEADER not in headers:
            headers[PROJECT_HEADER] = self._project_id
        if self._security_token is not None:
            headers[SECURITY_TOKEN_HEADER] = self._security_token
        if DATE_HEADER not in headers:
            headers[DATE_HEADER] = self._clock().strftime(DATE_FORMAT)
        content_type = headers.get("Content-Type")
        if content_type and not content_type.startswith(_HASHED_CONTENT_TYPES):
            headers[CONTENT_HASH_HEADER] = UNSIGNED_PAYLOAD

    def __repr__(self) -> str:
        return (
            f"AkSkAuth(access_key={self._access_key!r}, secret_key='***', "
            f"project_id={self._project_id!r})"
        )


def _utc_now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def _sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _encode(text: str) -> str:
    return quote(text, safe="~")


def canonical_uri(raw_path: str) -> str:
    """Each decoded path segment percent-encoded again, always ending with ``/``.

    An escaped ``/`` in a value (``%2F``) is therefore signed as ``/``, as the vendor's signer
    does.
    """
    uri = "/".join(_encode(segment) for segment in unquote(raw_path).split("/"))
    return uri if uri.endswith("/") else uri + "/"


def canonical_query(raw_query: str) -> str:
    """The query parameters sorted by name, then value, each part percent-encoded."""
    pairs = sorted(parse_qsl(raw_query, keep_blank_values=True))
    return "&".join(f"{_encode(name)}={_encode(value)}" for name, value in pairs)


def signed_headers(headers: httpx.Headers) -> list[str]:
    """The lower-case names of the headers to sign, sorted."""
    names = {name.lower() for name in headers}
    return sorted(name for name in names if "_" not in name and name not in _UNSIGNED_HEADERS)


def payload_hash(request: httpx.Request) -> str:
    """The SHA-256 of the body, or the ``X-Sdk-Content-Sha256`` header when there is a body."""
    if not request.content:
        return _sha256_hex(b"")
    return request.headers.get(CONTENT_HASH_HEADER) or _sha256_hex(request.content)


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
            payload_hash(request),
        )
    )


def string_to_sign(canonical: str, date: str) -> str:
    """The algorithm, the ``X-Sdk-Date`` and the SHA-256 of the canonical request."""
    return f"{SIGNING_ALGORITHM}\n{date}\n{_sha256_hex(canonical.encode())}"
