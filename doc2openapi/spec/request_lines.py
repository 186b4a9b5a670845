"""Request lines of operations written as HTTP messages (S3-style pages): sub-resources in
the path key and bucket-style hosts as servers.

``PUT /ObjectName?acl`` and ``PUT /ObjectName`` are two operations on one path: OpenAPI
keys paths without their query and holds one operation per method. Public descriptions of
S3 (the APIs.guru AWS S3 document) key such operations ``/{Bucket}/{Key}#acl``: the fragment
is never sent, so the key is a valid, distinct path item, and the sub-resource is also a
required query parameter that clients do send. The same is done here with the query names
that select the operation: those written without a value and the mandatory ones.

The Host line tells operations apart too: ``GET /`` on the service's own host
(``obs.region.example.com``, listing buckets) and ``GET /`` on a bucket's host
(``bucketname.obs...``, listing the bucket's objects) are two operations. The bucket's
operations keep the path (``/``, beside the bucket's other operations and its server); an
operation on the service's own host is keyed with an empty fragment (``/#``), the one
key the sub-resource convention leaves free: never sent, and naming no sub-resource.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from doc2openapi.scraper.model import Endpoint


def selecting_names(endpoint: Endpoint, parameters: Sequence[dict[str, Any]]) -> list[str]:
    """The query names that select the operation, in the request line's order."""
    required = {p["name"] for p in parameters if p.get("in") == "query" and p.get("required")}
    return [n for n in endpoint.query if n in endpoint.subresources or n in required]


def mark_subresources(parameters: list[dict[str, Any]], endpoint: Endpoint) -> None:
    """A sub-resource (``?acl``) is a required query parameter sent without a value."""
    for parameter in parameters:
        if parameter.get("in") == "query" and parameter["name"] in endpoint.subresources:
            parameter["required"] = True
            parameter["allowEmptyValue"] = True
            parameter["schema"] = {
                **parameter.get("schema", {}),
                "type": "string",
                "enum": [""],
                "default": "",
            }
            parameter.setdefault(
                "description", f"Sub-resource {parameter['name']!r}: sent without a value."
            )


def subresource_key(path: str, names: Sequence[str]) -> str:
    """``/{ObjectName}`` with sub-resources ``acl`` → ``/{ObjectName}#acl``: OpenAPI keys
    paths without their query, so operations told apart only by the query need a key of
    their own; the fragment (never sent) gives it, as public S3 descriptions do."""
    return f"{path}#{'&'.join(names)}" if names else path


def on_service_host(host: str, service: str) -> bool:
    """Whether a Host line names the service's own endpoint: the service's label comes
    first, with no bucket-style label in front of it (``obs.region.example.com``)."""
    labels = host.lower().split(".")
    return bool(service) and labels[0] == service.lower()


def host_key(key: str, host: str, service: str) -> str:
    """The key of an operation on the service's own host: ``/`` → ``/#`` (see the module
    docstring); a key that already has a fragment, or a bucket host, is kept."""
    if "#" in key or not on_service_host(host, service):
        return key
    return key + "#"


def host_server(host: str, service: str, document: dict[str, Any]) -> dict[str, Any] | None:
    """The server of a Host line that names a bucket-style virtual host: the labels
    before the service's label become variables in front of the document's server
    (``bucketname.obs.region.example.com`` → ``https://{bucketname}.obs.{region}...``)."""
    labels = host.lower().split(".")
    if service.lower() not in labels:
        return None
    prefix = labels[: labels.index(service.lower())]
    names = [re.sub(r"\W", "_", label) for label in prefix if label]
    if not names:
        return None
    scheme, separator, rest = str(document["url"]).partition("://")
    url = scheme + separator + "".join("{" + n + "}." for n in names) + rest
    variables: dict[str, Any] = {
        n: {"default": n, "description": f"The {n} label of the Host line."} for n in names
    }
    return {"url": url, "variables": {**variables, **document.get("variables", {})}}
