"""Client configuration: endpoint, credentials, timeouts and retries."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

import httpx

from . import _runtime
from .auth import AkSkAuth

SERVER_URL: str | None = "https://petstore.{region}.example.com"
"""The documented server URL; its ``{variables}`` come from the configuration."""
IDEMPOTENT_METHODS = frozenset({"DELETE", "GET", "HEAD", "OPTIONS", "PUT"})


class ConfigError(ValueError):
    """The configuration lacks a value that a request needs."""


@dataclass(frozen=True, kw_only=True)
class RetryPolicy:
    """When to send a request again, and how long to wait first.

    A response whose status is in ``statuses``, to a request whose method is in ``methods``, is
    retried up to ``max_retries`` times. The wait is the ``Retry-After`` header when the
    response has one, else ``backoff_factor * 2 ** attempt`` seconds; at most ``max_backoff``.
    """

    max_retries: int = 3
    backoff_factor: float = 0.5
    max_backoff: float = 30.0
    statuses: frozenset[int] = frozenset({429, 503})
    methods: frozenset[str] = IDEMPOTENT_METHODS

    def delay(self, method: str, response: httpx.Response, attempt: int) -> float | None:
        """Seconds to wait before retry ``attempt + 1``, or None when not to retry."""
        if (
            attempt >= self.max_retries
            or method.upper() not in self.methods
            or response.status_code not in self.statuses
        ):
            return None
        retry_after = _retry_after(response.headers.get("Retry-After"))
        wait = self.backoff_factor * 2**attempt if retry_after is None else retry_after
        return max(0.0, min(wait, self.max_backoff))


def _retry_after(value: str | None) -> float | None:
    """The ``Retry-After`` header in seconds (it may be a number or an HTTP date)."""
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return moment.timestamp() - time.time()


@dataclass(frozen=True, kw_only=True)
class ClientConfig:
    """Where the API is and how to talk to it."""

    region: str = "eu-de"
    """Region of the endpoint.

    Documented values: ``eu-de``, ``eu-nl``.
    """
    project_id: str | None = None
    """The project id that fills ``{project_id}`` in request paths; an ``AkSkAuth`` without a
    project id of its own sends it as ``X-Project-Id``."""
    base_url: str | None = None
    """A base URL to use instead of the documented server URL."""
    auth: httpx.Auth | None = None
    """``TokenAuth``, ``AkSkAuth`` or any other ``httpx.Auth``."""
    timeout: float | httpx.Timeout = 30.0
    """Seconds (or an ``httpx.Timeout``) to wait for the server."""
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    """When to retry; ``RetryPolicy(max_retries=0)`` never retries."""
    headers: Mapping[str, str] = field(default_factory=dict, repr=False)
    """Headers sent with every request (left out of ``repr``: they may hold secrets)."""

    def resolved_base_url(self) -> str:
        """``base_url`` if set, else the documented server URL with its variables filled in."""
        if self.base_url is not None:
            return self.base_url
        if SERVER_URL is None:
            raise ConfigError("the API documents no server URL: set ClientConfig.base_url")
        return self.server_url(SERVER_URL, {})

    def server_url(self, template: str, arguments: Mapping[str, str]) -> str:
        """A server URL with its ``{variables}`` filled in from ``arguments`` (what a call
        gave: each must be one host label) and from this configuration. ``base_url`` stands
        for the documented server URL only: operations with a server of their own use it."""
        variables: dict[str, object] = {
            "region": self.region,
        }
        for name, value in arguments.items():
            variables[name] = _runtime.host_label(name, value)
        return _runtime.expand_template(template, variables, escape=False)

    def request_auth(self) -> httpx.Auth | None:
        """``auth``, with ``project_id`` given to an ``AkSkAuth`` that has none of its own."""
        if isinstance(self.auth, AkSkAuth) and self.project_id is not None:
            return self.auth.for_project(self.project_id)
        return self.auth

    def require_project_id(self) -> str:
        """The project id, for paths containing ``{project_id}``."""
        if self.project_id is None:
            raise ConfigError("this operation needs ClientConfig.project_id")
        return self.project_id
