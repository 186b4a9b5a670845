"""The operations a page documents: method and path template from its URI section."""

from __future__ import annotations

import re
from collections.abc import Callable

from doc2openapi.diagnostics import Code, Level
from doc2openapi.scraper.model import CodeBlock, Endpoint, Page, Paragraph, Section
from doc2openapi.scraper.repair import repaired_target
from doc2openapi.scraper.section_titles import SectionKind, section_kind

METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")
_URI_LINE = re.compile(
    r"^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)(?:\s+|(?=/))((?:[a-z]+:\s*/\s*)?"
    r"(?:\{(?:[^{}]|\{[^{}]*\})*\}|\S)+)\s*$"
)  # blanks inside braces, "GET/{x}" and "https: //" occur
_PATH_LINE = re.compile(r"^(?:PATH|URI)\s*:\s*(\S+)\s*$", re.I)
_METHOD_LINE = re.compile(r"^Method\s*:\s*([A-Z]+)\s*$", re.I)
_HOST = re.compile(r"^[a-z]+://[^/]*", re.I)
_PATH_TEMPLATE = re.compile(r"/|(?:/(?:[^{}/\s]|\{[^{}/\s]+\})+)+")
"""A path of literal segments and ``{name}`` placeholders: nothing unbalanced, no blanks."""
_SAMPLE_TARGET = re.compile(r"[a-z]+:|\{[^{}/]*\}/", re.I)
_TEMPLATE_QUERY = re.compile(r"\{\?([^}]*)\}")
_EXAMPLE_LABEL = re.compile(r"^(?:example|sample)\s+requests?(?:\s+\d+)?\s*[:.]\s*", re.I)
"""The "Example request 2:" in front of the words that say what the example does."""
_CONCRETE_SEGMENT = re.compile(r"/(?=[^/{}]*\d)[0-9a-f-]{16,}(?:/|$)", re.I)
"""A path segment that is an identifier (``/5a9a3e9e-d1aa-...``), not a template word."""


Report = Callable[..., None]
"""A reader's ``report``: code, detail, then table, row and level."""


def read_endpoints(page: Page, report: Report) -> list[Endpoint]:
    """The operations a page's URI sections give (method and path template); a
    path without a method or a malformed template is reported and left out, and a sample
    URL of a template on the same page is reported as that template's operation."""
    found: list[tuple[Endpoint, bool]] = []
    for section in page.sections:
        if section_kind(section.title) is SectionKind.URI:
            found.extend(_section_endpoints(section))
    unique: list[tuple[Endpoint, bool]] = []
    for endpoint, sample in found:
        if all(endpoint != e for e, _ in unique) and _well_formed(endpoint, report):
            unique.append((endpoint, sample))
    templates: list[Endpoint] = []
    for endpoint, sample in unique:
        template = next((t for t, _ in unique if _illustrates(endpoint, sample, t)), None)
        if template is None:
            templates.append(endpoint)
            continue
        report(
            Code.OPERATION_MERGED,
            f"{endpoint.method} {endpoint.path!r} is a sample of {template.method} "
            f"{template.path!r}, not an operation of its own",
            level=Level.INFO,
        )
    return _one_per_path(templates)


def _section_endpoints(section: Section) -> list[tuple[Endpoint, bool]]:
    """A URI section's request lines (``GET /v1/x``, or ``Method: GET`` and ``URI: /v1/x``),
    each with whether it is written as a sample URL."""
    found: list[tuple[Endpoint, bool]] = []
    method = ""
    for block in section.blocks:
        if not isinstance(block, (Paragraph, CodeBlock)):
            continue
        for raw_line in block.text.splitlines():
            line = raw_line.strip()
            uri = _URI_LINE.match(line)
            method_line = _METHOD_LINE.match(line)
            path_line = _PATH_LINE.match(line)
            if uri:
                target = uri.group(2)
                found.append((parse_endpoint(uri.group(1), target), _is_sample(target)))
            elif method_line and method_line.group(1).upper() in METHODS:
                method = method_line.group(1).upper()
            elif path_line:
                target = path_line.group(1)
                found.append((parse_endpoint(method or "?", target), _is_sample(target)))
    return [
        (parse_endpoint(method, e.path, e.query) if e.method == "?" and method else e, sample)
        for e, sample in found
    ]


def _is_sample(target: str) -> bool:
    """Whether a request line's target is a sample URL: with a scheme (``https://``) or an
    ``{Endpoint}`` host in front of its path."""
    return _SAMPLE_TARGET.match(target) is not None


def _well_formed(endpoint: Endpoint, report: Report) -> bool:
    """Whether an endpoint has a method and a well-formed path template (else reported)."""
    if endpoint.method not in METHODS:
        report(
            Code.NO_URI,
            f"path {endpoint.path!r} is given without a method; the operation is left out",
            level=Level.ERROR,
        )
        return False
    if not _PATH_TEMPLATE.fullmatch(endpoint.path):
        report(
            Code.NO_URI,
            f"URI {endpoint.method} {endpoint.path!r} is not a well-formed path "
            "template; the operation is left out",
            level=Level.ERROR,
        )
        return False
    return True


def _illustrates(endpoint: Endpoint, sample: bool, template: Endpoint) -> bool:
    """Whether a request line is a sample of another line's template: with every
    placeholder filled, or, written as a sample URL, with some of them."""
    return (
        endpoint != template
        and (sample or "{" not in endpoint.path)
        and instance_of(endpoint, template)
    )


def _one_per_path(endpoints: list[Endpoint]) -> list[Endpoint]:
    """One endpoint per method and path: a sample URI with a query (``GET .../alarms?start=
    al1&limit=10`` under ``GET .../alarms``) adds its query names to the template's."""
    merged: dict[tuple[str, str], Endpoint] = {}
    for endpoint in endpoints:
        key = (endpoint.method, endpoint.path)
        first = merged.setdefault(key, endpoint)
        if first is not endpoint:
            query = first.query + tuple(n for n in endpoint.query if n not in first.query)
            merged[key] = parse_endpoint(first.method, first.path, query)
    return list(merged.values())


def titled_example_endpoints(page: Page) -> list[Endpoint]:
    """The operation of a page that lost its URI section, read from its example request
    labelled with the page's own title: on "Querying Backend Server Groups", "Example
    request 2: Querying backend server groups whose ..." followed by ``GET https://{Endpoint}
    /v2.0/lbaas/pools`` performs the page's operation; the page's other examples (a copied
    "Adding a backend server group") do not. A request line with an identifier in its path
    is an instance, not a template, and is not read."""
    title = " ".join(page.title.split()).lower()
    if not title:
        return []
    found: list[Endpoint] = []
    for section in page.sections:
        if section_kind(section.title) not in (SectionKind.EXAMPLE_REQUEST, SectionKind.EXAMPLE):
            continue
        label = ""
        for block in section.blocks:
            if isinstance(block, Paragraph):
                label = " ".join(_EXAMPLE_LABEL.sub("", block.text.strip()).split()).lower()
                continue
            if not isinstance(block, CodeBlock) or not _names(label, title):
                continue
            first = block.text.strip().split("\n", 1)[0].strip()
            uri = _URI_LINE.match(first)
            if uri is None:
                continue
            endpoint = parse_endpoint(uri.group(1), uri.group(2))
            if not _CONCRETE_SEGMENT.search(endpoint.path) and endpoint not in found:
                found.append(endpoint)
    return found


def _names(label: str, title: str) -> bool:
    """Whether a label starts with the title as whole words."""
    return label == title or (label.startswith(title) and not label[len(title)].isalnum())


def instance_of(example: Endpoint, template: Endpoint) -> bool:
    """True when ``example`` is ``template`` with its placeholders filled in (a sample URI
    written next to the URI it illustrates). A sample that keeps some placeholders
    (``/v1/{project_id}/alarms/al1441967036681`` beside ``/v1/{project_id}/alarms/{alarm_id}``)
    is one when every segment it fills holds a digit, as identifiers do: a word
    (``/servers/detail``) is a path of its own."""
    if example.method != template.method or "{" not in template.path:
        return False
    if "{" not in example.path:
        return re.fullmatch(_filled(template.path), example.path) is not None
    given, wanted = example.path.split("/"), template.path.split("/")
    if len(given) != len(wanted) or given == wanted:
        return False
    return all(
        value == segment or ("{" in segment and "{" not in value and _fills(value, segment))
        for value, segment in zip(given, wanted, strict=True)
    )


def _fills(value: str, segment: str) -> bool:
    """Whether a concrete segment with a digit in it fills a template segment."""
    return any(c.isdigit() for c in value) and re.fullmatch(_filled(segment), value) is not None


def _filled(template: str) -> str:
    """A pattern matching ``template`` with each ``{name}`` filled by a segment's text."""
    return re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(template))


def parse_endpoint(method: str, target: str, query: tuple[str, ...] = ()) -> Endpoint:
    """Split ``https://{Endpoint}/v1/{p}/x?a={a}`` into method, path and query names."""
    path = _HOST.sub("", repaired_target(target))
    names = list(query)
    for template in _TEMPLATE_QUERY.findall(path):
        names.extend(n.strip() for n in template.split(",") if n.strip())
    path = _TEMPLATE_QUERY.sub("", path)
    path, _, query_text = path.partition("?")
    for pair in query_text.split("&"):
        key = pair.partition("=")[0].strip()
        if key and key not in names:
            names.append(key)
    if not path.startswith("/"):
        path = "/" + path
    if len(path) > 1:
        path = path.rstrip("/")
    return Endpoint(method.upper(), path, tuple(names))
