"""Independent lister of the API operations documented by a corpus folder.

This module deliberately knows nothing about doc2openapi: it reads the HTML pages
itself (lxml) and answers "which (page, method, path) triples does this folder
document?", so that the scraper's output can be checked against it.

A page is an API page in one of two forms.

URI pages (every folder but ``portal/obs``): the page has a heading whose text is exactly
``URI`` (the doc-exports ``<h4 class="sectiontitle">URI</h4>``, the Sphinx portal
``<h2>URI<a class="headerlink">¶</a></h2>``; one bms page calls it ``URL``, one nat page
``API Format``) and the part of the
page under that heading (up to the next heading of the same or a higher level) holds a line of
the form ``METHOD path``: the method is one of GET, POST, PUT, DELETE, PATCH, HEAD and the path
starts with ``/`` or with ``http(s)://host`` (nat writes ``GET/{api_version}``, without the
space).  As a fallback, a ``Method: X`` line followed by a ``Path: /y`` (or ``URI: /y``) line in
that section is also accepted; this form does not occur in the current corpus.

Lines are read from paragraphs (``<p>`` and the export's ``<div class="p">``) and list
items of the section, never from tables
(permission pages list method + path in tables but are not API pages) nor from
preformatted blocks (those are examples: the portal page "Querying All DCS Instances
of a Tenant" shows ``GET https://{dcs_endpoint}/v1.0/bd6b78e2.../instances?...`` in a
``<pre>`` inside its URI section).  Lines starting with anything else
(``Usage: DELETE /v2/...``, ``URI format``, ``/v1.0``) are ignored.

HTTP-message pages (the S3-style ``portal/obs``): the page has a heading whose text starts
with ``Request Syntax`` and, under it, a preformatted block that is an HTTP request: its first
line is ``METHOD target HTTP/x.y`` (OPTIONS is a method here too) and one of its header lines
is ``Host:`` (the bucket is named in the host: ``Host: bucketname.obs.region.example.com``).
Sample requests elsewhere on the page, and requests on pages without such a heading (the
signature and encryption guides), are examples, not operations.  The bucket being in the host,
the path is the object key: ``/`` or one variable, written ``/{ObjectName}`` with the page's
word (``/ObjectName``, ``/objectname``, ``/destinationObjectName``).  The query names written
without a value are sub-resources that select the operation, S3's convention (``PUT /?acl``,
``POST /ObjectName?uploads``); they are kept after a ``?`` in page order; names with a value
(``uploadId=uploadID``) are parameters and dropped: ``PUT /ObjectName?partNumber=n&uploadId=u``
and ``PUT /ObjectName`` are one operation, as they are in HTTP.

Normalisation of a URI page's path (the only one applied):

* a leading scheme and host are removed (``https://{Endpoint}/v3/x`` -> ``/v3/x``);
* blanks inside braces are removed (iam: ``/v3/endpoints{?interface, service_id}``);
* an RFC 6570 query expansion is removed, nested braces included
  (``/a/{port_id}{?reserve_port}`` -> ``/a/{port_id}``;
  bms: ``/flavors/detail{?minDisk={minDisk}&minRam={minRam}}`` -> ``/flavors/detail``);
* the query string is removed (``/a?x={x}&y=1`` -> ``/a``).

Parameter names inside the path are kept exactly as the page writes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from lxml.html import HtmlElement

METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD")
_METHOD_LINE = re.compile(
    r"^(?P<method>GET|POST|PUT|DELETE|PATCH|HEAD)\s*(?P<target>(?:(?<=\s)https?://\S+|/\S*))$"
)
_REQUEST_LINE = re.compile(
    r"^(?P<method>GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+(?P<target>/\S*)\s+HTTP/\d(?:\.\d)?$"
)
_HOST_LINE = re.compile(r"^Host\s*:", re.I)
_URI_HEADINGS = ("URI", "URL", "API Format")
_SYNTAX_HEADING = "Request Syntax"
_METHOD_ONLY = re.compile(r"^Method\s*:\s*(?P<method>GET|POST|PUT|DELETE|PATCH|HEAD)$", re.I)
_PATH_ONLY = re.compile(r"^(?:Path|URI|URL)\s*:\s*(?P<target>(?:https?://\S+|/\S*))$", re.I)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCKS = ("p", "li", "dt", "dd")
_SKIP_FILES = ("public_sys-resources",)


@dataclass(frozen=True, order=True)
class Operation:
    """One documented operation: page path relative to the folder, method, path."""

    page: str
    method: str
    path: str


def normalise_target(target: str) -> str:
    """Strip scheme/host, RFC 6570 query expansion and query string from a URI."""
    target = target.strip()
    host = re.match(r"^https?://[^/]+", target)
    if host:
        target = target[host.end() :] or "/"
    expansion = target.find("{?")
    if expansion >= 0:
        target = target[:expansion] + target[_closing_brace(target, expansion) + 1 :]
    target = target.split("?", 1)[0]
    return target or "/"


def _closing_brace(text: str, start: int) -> int:
    """The position of the brace that closes the one at ``start`` (nested braces count)."""
    depth = 0
    for position in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[position], 0)
        if depth == 0:
            return position
    return len(text)


def _without_blanks_in_braces(line: str) -> str:
    return re.sub(r"\{[^{}]*\}", lambda match: re.sub(r"\s+", "", match.group(0)), line)


def request_target(target: str) -> str:
    """The operation an HTTP request line names: ``/`` or ``/{Word}`` for the object key,
    then the sub-resources (query names without a value), in page order."""
    path, _, query = target.partition("?")
    word = re.sub(r"[^A-Za-z0-9_]", "", path)
    result = "/{" + word + "}" if path.strip("/") else "/"
    subresources = [name for name in query.split("&") if name and "=" not in name]
    return result + ("?" + "&".join(subresources) if subresources else "")


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00b6", "")).strip()


def _heading_level(element: HtmlElement) -> int:
    return int(str(element.tag)[1])


def _is_block(element: HtmlElement) -> bool:
    """p, li, dt, dd, and the DITA export's ``<div class="p">`` paragraphs."""
    if element.tag in _BLOCKS:
        return True
    return element.tag == "div" and "p" in (element.get("class") or "").split()


def _in_table(element: HtmlElement) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag == "table":
            return True
        parent = parent.getparent()
    return False


def _section(root: HtmlElement, heading: HtmlElement) -> Iterator[HtmlElement]:
    """The elements between ``heading`` and the next heading of level <= it."""
    level = _heading_level(heading)
    started = False
    for element in root.iter():
        if element is heading:
            started = True
            continue
        if not started or not isinstance(element.tag, str):
            continue
        if element.tag in _HEADINGS and _heading_level(element) <= level:
            return
        yield element


def _section_lines(root: HtmlElement, heading: HtmlElement) -> list[str]:
    """Text lines of the blocks (outside tables) under ``heading``."""
    lines: list[str] = []
    for element in _section(root, heading):
        if not _is_block(element) or _in_table(element):
            continue
        if not any(_is_block(child) for child in element.iterdescendants()):
            lines.append(_clean(element.text_content()))
    return [line for line in lines if line]


def _syntax_requests(root: HtmlElement, heading: HtmlElement) -> list[tuple[str, str]]:
    """The HTTP requests written out under a "Request Syntax" heading (with a Host line)."""
    found: list[tuple[str, str]] = []
    for element in _section(root, heading):
        lines = [line.strip() for line in element.text_content().strip().splitlines()]
        if element.tag != "pre" or not lines:
            continue
        match = _REQUEST_LINE.match(lines[0])
        if match and any(_HOST_LINE.match(line) for line in lines[1:]):
            found.append((match["method"], request_target(match["target"])))
    return found


def _content_root(document: HtmlElement) -> HtmlElement:
    main = document.find(".//main")
    return main if main is not None else document


def page_operations(html_file: Path) -> list[tuple[str, str]]:
    """(method, path) pairs documented by one page, in page order, without repeats."""
    document = lxml.html.parse(str(html_file)).getroot()
    if document is None:
        return []
    root = _content_root(document)
    found: list[tuple[str, str]] = []
    headings = list(root.iter(*_HEADINGS))
    for heading in headings:
        title = _clean(heading.text_content())
        if title.startswith(_SYNTAX_HEADING):
            found.extend(_syntax_requests(root, heading))
        if title not in _URI_HEADINGS:
            continue
        pending_method: str | None = None
        for line in map(_without_blanks_in_braces, _section_lines(root, heading)):
            match = _METHOD_LINE.match(line)
            if match:
                found.append((match["method"], normalise_target(match["target"])))
                continue
            method_only = _METHOD_ONLY.match(line)
            if method_only:
                pending_method = method_only["method"].upper()
                continue
            path_only = _PATH_ONLY.match(line)
            if path_only and pending_method:
                found.append((pending_method, normalise_target(path_only["target"])))
                pending_method = None
    if not found and not any(_clean(h.text_content()) in _URI_HEADINGS for h in headings):
        found.extend(_titled_examples(root))
    return list(dict.fromkeys(found))


_EXAMPLE_LABEL = re.compile(r"^(?:example|sample) requests?(?: \d+)?\s*[:.]\s*", re.I)
_ID_SEGMENT = re.compile(r"/(?=[^/{}]*\d)[0-9a-f-]{16,}(?:/|$)", re.I)


def _titled_examples(root: HtmlElement) -> list[tuple[str, str]]:
    """A page without a URI heading whose example request is labelled with the page's
    title (elb "Querying Backend Server Groups": "Example request 2: Querying backend
    server groups whose ...", then ``GET https://{Endpoint}/v2.0/lbaas/pools`` in a
    ``<pre>``) documents that request's operation; a request to an identifier
    (``/pools/5a9a3e9e-...``) names no path template and is not counted."""
    heading = next(root.iter("h1"), None)
    title = _clean(heading.text_content()).lower() if heading is not None else ""
    found: list[tuple[str, str]] = []
    for pre in root.iter("pre") if title else ():
        lines = pre.text_content().strip().splitlines()
        match = _METHOD_LINE.match(lines[0].strip()) if lines else None
        label = _EXAMPLE_LABEL.sub("", _label_of(pre)).lower()
        if match is None or not re.match(re.escape(title) + r"(?![\w])", label):
            continue
        path = normalise_target(match["target"])
        if not _ID_SEGMENT.search(path):
            found.append((match["method"], path))
    return found


def _label_of(pre: HtmlElement) -> str:
    """The text just before a ``<pre>``: its list item's or paragraph's own words, else
    the paragraph right before it (a heading is no label)."""
    parent = pre.getparent()
    if parent is None or not _is_block(parent):
        previous = pre.getprevious()
        return (
            _clean(previous.text_content()) if previous is not None and _is_block(previous) else ""
        )
    words = [parent.text or ""]
    for child in parent:
        if child is pre:
            break
        words.append(child.text_content() + (child.tail or ""))
    return _clean("".join(words))


def html_pages(folder: Path) -> Iterator[Path]:
    """HTML files of a corpus folder (recursively), sorted, without export resources."""
    for html_file in sorted(folder.rglob("*.html")):
        if any(part in _SKIP_FILES for part in html_file.parts):
            continue
        yield html_file


def folder_operations(folder: Path) -> list[Operation]:
    """Every (page, method, path) triple documented in a corpus folder."""
    result: list[Operation] = []
    for html_file in html_pages(folder):
        page = html_file.relative_to(folder).as_posix()
        result.extend(Operation(page, method, path) for method, path in page_operations(html_file))
    return result


_OUTSIDE_CONTENT = frozenset({"nav", "aside", "script", "style", "template", "noscript", "head"})
"""Elements whose tables are not the page's content (site navigation, scripts)."""


def table_data_rows(table: HtmlElement) -> int:
    """The data rows of one table: its rows (``thead``, ``tbody``, ``tfoot`` or bare
    ``tr``) less its header, which is every ``thead`` row or, without a ``thead``, a first
    row made only of ``th`` cells."""
    rows = table.xpath("./thead/tr|./tbody/tr|./tr|./tfoot/tr")
    head = table.xpath("./thead/tr")
    if head:
        return len(rows) - len(head)
    if rows:
        cells = [cell for cell in rows[0] if cell.tag in ("td", "th")]
        if cells and all(cell.tag == "th" for cell in cells):
            return len(rows) - 1
    return len(rows)


def page_tables(html_file: Path) -> list[int]:
    """The data rows of each content table of a page, in page order. Content is the
    ``<main>`` element (the portal) or the whole page (the export); a table inside another
    table is part of a cell of it, not a table of the page (the corpus has none)."""
    document = lxml.html.parse(str(html_file)).getroot()
    if document is None:
        return []
    found: list[int] = []
    for table in _content_root(document).iter("table"):
        outer = {str(ancestor.tag) for ancestor in table.iterancestors()}
        if "table" in outer or outer & _OUTSIDE_CONTENT:
            continue
        found.append(table_data_rows(table))
    return found


def folder_table_rows(folder: Path) -> dict[str, int]:
    """The data rows of every table of every page of a folder, by page (pages without a
    table are left out)."""
    result: dict[str, int] = {}
    for html_file in html_pages(folder):
        rows = page_tables(html_file)
        if rows:
            result[html_file.relative_to(folder).as_posix()] = sum(rows)
    return result


if __name__ == "__main__":  # pragma: no cover - manual inspection helper
    import sys

    for argument in sys.argv[1:]:
        for operation in folder_operations(Path(argument)):
            print(f"{operation.page}\t{operation.method}\t{operation.path}")
