"""The server URL of each service, never guessed.

In order: the configured ``server_url`` (for the service, then for every service); else the
host the pages name for the service, as a template with a ``{region}`` variable; else a
``https://{endpoint}`` variable for the user to fill in, with a warning naming the setting.

A host the pages name is an endpoint of the service when
- it names a region (a label such as ``eu-de``, ``ap-southeast-1`` or the configured one,
  after the label of the service): made-up hosts (``obs.region.example.com``,
  ``sample.domain.com``, ``Endpoint``) name none, and hosts in the domains reserved for
  examples (RFC 2606, RFC 6761) are never endpoints;
- it is reached by a path the service documents (``https://iam.../v3.0/OS-ROLE/roles/{id}``
  for ``/v3.0/OS-ROLE/roles/{role_id}``, a version link ``https://kms.../v1.0/`` for
  ``/v1.0/{project_id}/...``), or by no path at all: a token request to another service in
  a service's guide is no endpoint of the service.
Labels before the service's label (a bucket, a cluster id) address one resource, not the
service, and are dropped. The template most pages name wins; pages naming another are
reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.scraper.hosts import HostMention, MentionKind

if TYPE_CHECKING:
    from doc2openapi.spec.build import ServiceDocs

REGION_LABEL = re.compile(r"[a-z]{2}(?:-[a-z]+\d*)+(?:-\d+)?")
_RESERVED_SUFFIXES = ("example.com", "example.net", "example.org")
_RESERVED_TOP_LEVEL = frozenset({"example", "invalid", "test", "localhost", "local", "localdomain"})
_DEFAULT_PORTS = {"https": "443", "http": "80"}
VARIABLE = re.compile(r"\{([^{}]+)\}")
"""A ``{name}`` variable of a URL template."""
_SHOWN_PAGES = 5
ENDPOINT_DEFAULT = "endpoint.invalid"
"""The ``{endpoint}`` variable's default: a host that never resolves (RFC 6761), so a
client left unconfigured fails at once instead of calling someone's server."""


@dataclass(frozen=True, slots=True)
class ServerSettings:
    """What the configuration says about servers."""

    url: str = ""
    """For every service (``""``: none)."""
    per_service: tuple[tuple[str, str], ...] = ()
    """For named services: these win over ``url``."""
    region: str = "eu-de"

    def configured(self, service: str) -> str:
        named = {name.lower(): url for name, url in self.per_service}
        return named.get(service.lower(), self.url)


@dataclass
class ServerChoice:
    server: dict[str, Any]
    diagnostics: list[Diagnostic] = field(default_factory=list)


def server_template(mention: HostMention, region: str) -> str | None:
    """``a1b2.cce.eu-de.example-cloud.com`` → ``https://cce.{region}.example-cloud.com``;
    None for a host that names no region or is reserved for examples."""
    host, _, port = mention.host.partition(":")
    labels = host.lower().split(".")
    if labels[-1] in _RESERVED_TOP_LEVEL or ".".join(labels[-2:]) in _RESERVED_SUFFIXES:
        return None
    found = [
        i
        for i, label in enumerate(labels)
        if 0 < i < len(labels) - 1 and (label == region or REGION_LABEL.fullmatch(label))
    ]
    if not found:
        return None
    at = found[0]
    port_text = "" if port in ("", _DEFAULT_PORTS.get(mention.scheme)) else ":" + port
    rest = ".".join([labels[at - 1], "{region}", *labels[at + 1 :]])
    return f"{mention.scheme}://{rest}{port_text}"


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s and s != "..."]


def _reaches(path: str, documented: Iterable[Sequence[str]]) -> bool:
    """The URL path is a documented path, or its leading part (``/v1.0/`` of
    ``/v1.0/{project_id}/keys``); a segment in braces matches any value."""
    said = _segments(path)
    if not said:
        return True
    return any(
        len(said) <= len(known)
        and all(
            "{" in k or s.rstrip(".").lower() == k.lower()
            for s, k in zip(said, known[: len(said)], strict=True)
        )
        for known in documented
    )


def _votes(
    mentions: Sequence[tuple[str, tuple[HostMention, ...]]],
    paths: Iterable[str],
    region: str,
) -> dict[str, dict[str, set[str]]]:
    """Template → page → the hosts that page names for it."""
    documented = [_segments(p) for p in set(paths)]
    votes: dict[str, dict[str, set[str]]] = {}
    for page, found in mentions:
        for mention in found:
            template = server_template(mention, region)
            if template is None:
                continue
            if mention.kind != MentionKind.ENDPOINT and not _reaches(mention.path, documented):
                continue
            votes.setdefault(template, {}).setdefault(page, set()).add(mention.host)
    return votes


def _variables(url: str, region: str) -> dict[str, Any]:
    variables: dict[str, Any] = {}
    for name in dict.fromkeys(VARIABLE.findall(url)):
        if name == "region":
            variables[name] = {"default": region, "description": "The region of the endpoint."}
        else:
            variables[name] = {
                "default": name,
                "description": f"The {name!r} part of the configured server URL.",
            }
    return variables


def _server(url: str, region: str) -> dict[str, Any]:
    variables = _variables(url, region)
    return {"url": url, "variables": variables} if variables else {"url": url}


def _named(pages: Iterable[str]) -> str:
    shown = sorted(pages)
    more = f" and {len(shown) - _SHOWN_PAGES} more" if len(shown) > _SHOWN_PAGES else ""
    return ", ".join(shown[:_SHOWN_PAGES]) + more


def _from_pages(service: str, votes: dict[str, dict[str, set[str]]], region: str) -> ServerChoice:
    ranked = sorted(votes, key=lambda t: (-len(votes[t]), t))
    chosen = ranked[0]
    first_page = min(votes[chosen])
    choice = ServerChoice(_server(chosen, region))
    choice.diagnostics.append(
        Diagnostic(
            Level.INFO,
            Code.SERVER_FROM_PAGES,
            first_page,
            f"server URL of {service}: {chosen}, from the hosts named on "
            f"{len(votes[chosen])} page(s): {_named(votes[chosen])}",
        )
    )
    for other in ranked[1:]:
        for page, hosts in sorted(votes[other].items()):
            choice.diagnostics.append(
                Diagnostic(
                    Level.WARNING,
                    Code.SERVER_DISAGREES,
                    page,
                    f"names {', '.join(sorted(hosts))} ({other}) where {len(votes[chosen])} "
                    f"page(s) name {chosen}: the server URL of {service} is {chosen}",
                )
            )
    return choice


def _undocumented(service: str, variable: str) -> ServerChoice:
    description = (
        f"Host (and port) of the {service} API for your region, as the provider's list of "
        "endpoints gives it: the pages name none."
    )
    url = "https://{" + variable + "}"
    server = {
        "url": url,
        "description": f"The {service} endpoint: set it, the documentation names none.",
        "variables": {variable: {"default": ENDPOINT_DEFAULT, "description": description}},
    }
    detail = (
        f"the pages of {service} name no host of the service (example requests use "
        f"placeholders), so the server URL is {url}: set server_url in the configuration "
        f'(server_url = {{ {service} = "https://..." }} under [tool.doc2openapi]), or the '
        f"client's {variable}"
    )
    return ServerChoice(server, [Diagnostic(Level.WARNING, Code.SERVER_NOT_DOCUMENTED, "", detail)])


def choose_server(
    service: str,
    mentions: Sequence[tuple[str, tuple[HostMention, ...]]],
    paths: Iterable[str],
    settings: ServerSettings,
    endpoint_variable: str = "endpoint",
) -> ServerChoice:
    """The server of one service: configured, named by its pages, or a variable."""
    configured = settings.configured(service)
    if configured:
        url = configured.replace("{service}", service.lower())
        return ServerChoice(_server(url, settings.region))
    votes = _votes(mentions, paths, settings.region)
    if votes:
        return _from_pages(service, votes, settings.region)
    return _undocumented(service, endpoint_variable)


def endpoint_variable(service: str, services: int) -> str:
    """``endpoint``; ``evs_endpoint`` when one document holds several services."""
    if services <= 1:
        return "endpoint"
    return re.sub(r"\W", "_", service.lower()) + "_endpoint"


def document_servers(
    services: Sequence[ServiceDocs], settings: ServerSettings
) -> tuple[dict[str, dict[str, Any]], list[Diagnostic]]:
    """Each service's server, and what was found out choosing them."""
    servers: dict[str, dict[str, Any]] = {}
    diagnostics: list[Diagnostic] = []
    for service in services:
        paths = [e.path for page in service.api_pages for e in page.endpoints]
        variable = endpoint_variable(service.name, len(services))
        choice = choose_server(service.name, service.hosts, paths, settings, variable)
        servers[service.name] = choice.server
        if paths:  # a folder of no operation needs no server: nothing to say about it
            diagnostics.extend(choice.diagnostics)
    return servers, diagnostics


def per_service(value: str | Mapping[str, str]) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A configured ``server_url`` (a URL, or a table of URLs by service) as the URL for
    every service and the URLs by service."""
    if isinstance(value, str):
        return value, ()
    return "", tuple(sorted(value.items()))
