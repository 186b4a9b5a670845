"""Where a page says the service lives: the hosts its text names.

Three kinds of mention are read, each by what the text around the host says:

- a request line (``GET https://iam.example/v3/roles``) or a ``Host:`` header: the host a
  request of the page is sent to;
- a URL anywhere else in the text (a version link ``"href": "https://kms.../v1.0/"``, a
  ``self`` link, a shell variable): the host a resource of the service is reached at;
- a bare host labelled as an endpoint: in a line that says "endpoint" before it, or in a
  table column headed "Endpoint" (an endpoint table).

A host written with braces (``https://{Endpoint}/v3``) or as a word (``https://Endpoint``)
is a placeholder and no mention; a link to a file (``.../sdk.zip``, ``.../logo.svg``) is a
download, not where the API lives. Which hosts are endpoints of the service is decided by
:mod:`doc2openapi.spec.servers`, which sees every page.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass

from doc2openapi.scraper.model import CodeBlock, Page, Paragraph, Table


class MentionKind(enum.StrEnum):
    REQUEST = "request"
    """A request line or ``Host:`` header."""
    LINK = "link"
    """A URL in the text."""
    ENDPOINT = "endpoint"
    """A bare host labelled as an endpoint."""


@dataclass(frozen=True, slots=True)
class HostMention:
    host: str
    """Lower-case host, with its port if the text gives one."""
    path: str
    """The URL's path as written (no query); ``""`` for a bare host."""
    kind: MentionKind
    scheme: str = "https"


_HOST = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"
_URL = re.compile(
    rf"\b(?P<scheme>https?)://(?P<host>{_HOST}(?::\d{{1,5}})?)(?P<rest>[^\s\"'<>`\\]*)", re.I
)
_REQUEST_BEFORE = re.compile(r"\b(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+$")
_HOST_HEADER = re.compile(rf"^\s*Host\s*:\s*(?P<host>{_HOST}(?::\d{{1,5}})?)\s*$", re.I | re.M)
_BARE_HOST = re.compile(rf"(?<![\w@/.:-])(?P<host>{_HOST}(?::\d{{1,5}})?)(?![\w/@-])")
_ENDPOINT_WORD = re.compile(r"\bendpoints?\b", re.I)
_FILE = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}$")
_TOP_LEVEL = re.compile(r"\.[A-Za-z]{2,}$")


def _url_mentions(text: str) -> Iterator[HostMention]:
    for match in _URL.finditer(text):
        path = re.split(r"[?#]", match["rest"], maxsplit=1)[0]
        host = match["host"].lower()
        if _FILE.search(path.rstrip(".,;:)")) or not _TOP_LEVEL.search(host.split(":")[0]):
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        before = text[line_start : match.start()]
        kind = MentionKind.REQUEST if _REQUEST_BEFORE.search(before) else MentionKind.LINK
        yield HostMention(host, path.rstrip(".,;:)"), kind, match["scheme"].lower())


def _labelled_hosts(text: str, labelled: bool) -> Iterator[HostMention]:
    """Bare hosts of lines that call them endpoints (every host if ``labelled``)."""
    for line in text.splitlines():
        without_urls = _URL.sub(" ", line)
        for match in _BARE_HOST.finditer(without_urls):
            host = match["host"].lower()
            said = labelled or _ENDPOINT_WORD.search(without_urls[: match.start()])
            if said and _TOP_LEVEL.search(host.split(":")[0]):
                yield HostMention(host, "", MentionKind.ENDPOINT)


def text_mentions(text: str, labelled: bool = False) -> Iterator[HostMention]:
    """The hosts one block of text names."""
    yield from _url_mentions(text)
    for match in _HOST_HEADER.finditer(text):
        yield HostMention(match["host"].lower(), "", MentionKind.REQUEST)
    yield from _labelled_hosts(_HOST_HEADER.sub("", text), labelled)


def _table_mentions(table: Table) -> Iterator[HostMention]:
    endpoint_columns = {i for i, name in enumerate(table.header) if _ENDPOINT_WORD.search(name)}
    for row in table.rows:
        for position, cell in enumerate(row.cells):
            for line in cell.lines:
                yield from text_mentions(line.text, position in endpoint_columns)


def host_mentions(page: Page) -> tuple[HostMention, ...]:
    """Every host the page's text names, once each, in a stable order."""
    found: list[HostMention] = []
    for section in page.sections:
        for block in section.blocks:
            if isinstance(block, Table):
                found.extend(_table_mentions(block))
            elif isinstance(block, CodeBlock | Paragraph):
                found.extend(text_mentions(block.text))
    return tuple(sorted(set(found), key=lambda m: (m.host, m.path, m.kind, m.scheme)))
