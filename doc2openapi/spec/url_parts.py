"""The rows of a URL template table (``{URI-scheme}://{Endpoint}/{resource-path}?...``)
placed where the document holds what they describe.

The host's placeholders describe the servers of the operations the table speaks for: each
is matched with the server URL's host label by label (``[bucket.]domain`` with
``{bucketname}.{endpoint}``; without its optional labels, ``domain`` with ``{endpoint}``),
or, when the template writes the host as one placeholder, with the whole host. A matched
variable, or the server for a whole host of fixed labels, takes the row's description (a
port's row goes with its host label). A part of the service whose template writes a host
of its own (the MRS Manager APIs: ``{MRS Manager floating IP address}:{MRS Manager port}``)
gets that host as its operations' server, one variable per placeholder. (The scheme, the
path and the query are no field of any operation: the scraper sets their rows aside, see
:mod:`doc2openapi.scraper.service_tables`.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from doc2openapi.scraper.model import FieldRow, ServiceTable, UrlPart
from doc2openapi.spec.servers import VARIABLE


def describe_servers(table: ServiceTable, servers: Sequence[dict[str, Any]]) -> set[int]:
    """Describe the servers' hosts with the table's host rows; the indexes of the rows
    placed so."""
    placed: set[int] = set()
    for server in servers:
        placed |= _describe(server, table.table.fields, table.parts)
    return placed


def _text(row: FieldRow) -> str:
    return "\n".join(line.text for line in row.description if line.text)


def _label_rows(parts: Sequence[UrlPart], optional: bool) -> list[list[int]]:
    """The rows of each label of the template's host (its port's after its own), the
    optional labels left out unless ``optional``."""
    hosts = [p for p in parts if p.kind in ("host", "port")]
    if not hosts:
        return []
    labels: list[list[int]] = [[] for _ in range(hosts[0].labels)]
    skipped: set[int] = set()
    for index, part in enumerate(parts):
        if part.kind == "host" and part.label < len(labels):
            labels[part.label].insert(0, index)
            if part.optional and not optional:
                skipped.add(part.label)
        elif part.kind == "port" and part.label < len(labels):
            labels[part.label].append(index)
    return [rows for number, rows in enumerate(labels) if rows and number not in skipped]


def _describe(
    server: dict[str, Any], rows: Sequence[FieldRow], parts: Sequence[UrlPart]
) -> set[int]:
    host = str(server.get("url", "")).partition("://")[2].split("/", 1)[0]
    server_labels = _split_host(host)
    variables: dict[str, Any] = server.get("variables", {})
    for optional in (True, False):
        labels = _label_rows(parts, optional)
        if labels and len(labels) == len(server_labels):
            placed: set[int] = set()
            for label, indexes in zip(server_labels, labels, strict=True):
                name = VARIABLE.fullmatch(label)
                if name and name.group(1) in variables:
                    variables[name.group(1)] = _with_text(variables[name.group(1)], rows, indexes)
                    placed.update(indexes)
            return placed
        if len(labels) == 1:  # one placeholder for the whole host of fixed labels
            server.update(_with_text(server, rows, labels[0]))
            return set(labels[0])
    return set()


def _split_host(host: str) -> list[str]:
    """A server host's dot-separated labels, its port left out."""
    return re.sub(r":[^{}.]*$", "", host).split(".")


def _with_text(
    entry: dict[str, Any], rows: Sequence[FieldRow], indexes: Sequence[int]
) -> dict[str, Any]:
    """``entry`` described by the rows first, its own description after."""
    said = [
        f"{rows[i].name}: {_text(rows[i])}" if len(indexes) > 1 else _text(rows[i]) for i in indexes
    ]
    own = str(entry.get("description", ""))
    if own and own not in said:
        said.append(own)
    return {**entry, "description": "\n\n".join(said)}


_STATED_DEFAULT = re.compile(r"\bdefault (?:value )?is ([\w.-]+?)\.?(?:\s|$)", re.I)


def part_server(table: ServiceTable, scheme: str, fallback: str) -> dict[str, Any] | None:
    """The server of a part of the service whose URL template writes its own host, one
    placeholder per label (``{MRS Manager floating IP address}:{MRS Manager port}``): each
    placeholder a variable, its row's description, its stated default (else ``fallback``,
    a host that never resolves)."""
    labels = _label_rows(table.parts, optional=True)
    rows = table.table.fields
    if not labels or any(table.parts[rows_[0]].kind != "host" for rows_ in labels):
        return None
    host: list[str] = []
    variables: dict[str, Any] = {}
    for indexes in labels:
        if sum(table.parts[i].kind == "host" for i in indexes) != 1:
            return None
        names = [_variable_name(rows[i].name) for i in indexes]
        host.append(":".join("{" + n + "}" for n in names))
        for index, name in zip(indexes, names, strict=True):
            text = _text(rows[index])
            stated = _STATED_DEFAULT.search(text)
            default = stated.group(1) if stated else fallback
            variables[name] = {"default": default, "description": text}
    return {"url": f"{scheme}://{'.'.join(host)}", "variables": variables}


def _variable_name(name: str) -> str:
    return re.sub(r"\W+", "_", name.lower()).strip("_") or "host"
