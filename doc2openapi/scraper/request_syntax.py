"""Operations written as HTTP messages: S3-style "Request Syntax" / "Response Syntax" blocks.

Such a page gives no URI section. Its request syntax block is the request itself::

    PUT /ObjectName?acl HTTP/1.1
    Host: bucketname.obs.region.example.com
    Content-Type: application/xml

    <AccessControlPolicy><Owner><ID>ID</ID></Owner>...</AccessControlPolicy>

What is read, by the structure of the messages only:

- the request line gives method, path and query; a query name without a value (``?acl``)
  is a sub-resource that selects the operation;
- a path segment that the page's sample requests write differently (``/ObjectName`` in the
  syntax, ``/object01`` in a sample) is a placeholder, and so is a CamelCase word where no
  sample shows the segment;
- the ``Host`` line is kept: the bucket-style labels in it become server variables;
- an XML body after the headers is the skeleton of the body: its element nesting is what
  the flat element tables of such pages do not say;
- status lines of the syntax and of the sample responses, and "returns 404 Not Found"
  sentences of error sections, are the documented status codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from lxml import etree

from doc2openapi.scraper.model import (
    ApiPage,
    CodeBlock,
    Endpoint,
    FieldTable,
    Page,
    Paragraph,
    StatusCode,
    TableRole,
    XmlBody,
    XmlElement,
)

_REQUEST_LINE = re.compile(
    r"^(GET|PUT|POST|DELETE|HEAD|OPTIONS|PATCH)\s+(/\S*)\s+HTTP/\d(?:\.\d)?\s*$"
)
_STATUS_LINE = re.compile(r"^(?:[A-Z]+\s+)?HTTP/\d(?:\.\d)?\s+(\S+)")
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9-]*)\s*:\s*(.*)$")
_PLACEHOLDER_LINE = re.compile(r"^<[^<>/]*\s[^<>/]*>$")
"""``<Optional Additional Header>``: a placeholder written in angle brackets with blanks."""
_PLACEHOLDER_WORD = re.compile(r"^(?:[a-z]*[A-Z][A-Za-z0-9]*\+?|[a-z]+(?:name|id))$")
"""``ObjectName``, ``Key+`` (CamelCase, as values are named) or ``objectname``, ``uploadid``."""
_ERROR_STATUS = re.compile(r"\b([45]\d\d)\s+(?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)*")
_XML_DECLARATION = re.compile(r"<\?xml[^>]*\?>")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_LENIENT = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True, slots=True)
class HttpMessage:
    start: str
    headers: tuple[tuple[str, str], ...]
    body: str


def parse_message(text: str) -> HttpMessage | None:
    """Start line, headers and body of a message written out; None for other text. Blank
    lines before the headers are skipped; the body starts at the first line that is no
    header (a blank line, ``<Root>`` or ``{``)."""
    lines = text.strip("\n").splitlines()
    if not lines:
        return None
    start = lines[0].strip()
    if not (_REQUEST_LINE.match(start) or _STATUS_LINE.match(start)):
        return None
    headers: list[tuple[str, str]] = []
    position = 1
    while position < len(lines) and not lines[position].strip() and not headers:
        position += 1
    while position < len(lines):
        line = lines[position].strip()
        header = _HEADER_LINE.match(line)
        if not line or not header or line.startswith("<"):
            break
        headers.append((header.group(1), header.group(2).strip()))
        position += 1
    body = "\n".join(lines[position:]).strip()
    return HttpMessage(start, tuple(headers), body)


# ---------------------------------------------------------------------------- XML skeleton


def xml_skeleton(body: str) -> XmlElement | None:
    """The element tree an XML body sketches, repeated siblings merged into one element
    marked ``repeated``; None when the body is no XML document."""
    text = _XML_DECLARATION.sub("", body).strip()
    if not text.startswith("<") or text.startswith("<!"):
        return None
    try:
        root = etree.fromstring(text.encode(), _PARSER)
    except etree.XMLSyntaxError:
        root = etree.fromstring(text.encode(), _LENIENT)
        if root is None or f"</{etree.QName(root).localname}>" not in text:
            return None
    return _element(root, repeated=False)


def _element(node: etree._Element, repeated: bool) -> XmlElement:
    groups: dict[str, list[etree._Element]] = {}
    for child in node:
        if isinstance(child.tag, str):
            groups.setdefault(etree.QName(child).localname, []).append(child)
    children = tuple(_merged(name, members) for name, members in groups.items())
    return XmlElement(etree.QName(node).localname, children, repeated)


def _merged(name: str, members: list[etree._Element]) -> XmlElement:
    merged = XmlElement(name, (), len(members) > 1)
    for member in members:
        merged = merge_elements(merged, _element(member, len(members) > 1))
    return merged


# ---------------------------------------------------------------------------- endpoints


def _split_target(target: str) -> tuple[list[str], list[tuple[str, bool, str]]]:
    path, _, query = target.partition("?")
    segments = [s for s in path.split("/") if s]
    pairs = []
    for pair in query.split("&"):
        name, has_value, value = pair.partition("=")
        if name.strip():
            pairs.append((name.strip(), bool(has_value), value.strip()))
    return segments, pairs


def _placeholders(segments: list[str], samples: list[list[str]]) -> str:
    """The path template: a segment is a placeholder where a sample request of as many
    segments writes something else there, or where it is written as a value's name
    (``ObjectName``, ``objectname``: samples often repeat the placeholder)."""
    alike = [s for s in samples if len(s) == len(segments)]
    out = []
    for position, segment in enumerate(segments):
        if segment.startswith("{"):
            out.append(segment)
            continue
        differs = any(s[position] != segment for s in alike)
        if differs or _PLACEHOLDER_WORD.match(segment):
            name = re.sub(r"[^A-Za-z0-9_]", "", segment) or "name"
            out.append("{" + name + "}")
        else:
            out.append(segment)
    return "/" + "/".join(out)


def _endpoint(message: HttpMessage, samples: dict[str, list[list[str]]]) -> Endpoint | None:
    match = _REQUEST_LINE.match(message.start)
    if match is None:
        return None
    method = match.group(1)
    segments, pairs = _split_target(match.group(2))
    path = _placeholders(segments, samples.get(method, []))
    host = next((value for name, value in message.headers if name.lower() == "host"), "")
    return Endpoint(
        method,
        path,
        tuple(name for name, _, _ in pairs),
        tuple(name for name, has_value, _ in pairs if not has_value),
        host,
        tuple(f"{name}={value}" for name, _, value in pairs[:1] if value.isdigit()),
    )


# ---------------------------------------------------------------------------- the page


@dataclass
class SyntaxReading:
    """What a page's syntax blocks and samples say."""

    endpoints: list[Endpoint] = field(default_factory=list)
    bodies: list[XmlBody] = field(default_factory=list)
    status_codes: list[StatusCode] = field(default_factory=list)
    request_media_type: str = ""
    sample_bodies: list[str] = field(default_factory=list)
    sample_skeletons: list[XmlBody] = field(default_factory=list)


def _syntax_kind(title: str) -> str:
    text = title.strip().lower()
    if text.startswith("request syntax"):
        return "request"
    if text.startswith("response syntax"):
        return "response"
    return ""


def read_syntax(page: Page) -> SyntaxReading:
    """The operations a page writes as HTTP messages in its syntax sections."""
    reading = SyntaxReading()
    syntax: list[tuple[str, HttpMessage]] = []
    samples: dict[str, list[list[str]]] = {}
    for section in page.sections:
        kind = _syntax_kind(section.title)
        for block in section.blocks:
            if isinstance(block, Paragraph) and "error" in section.title.lower():
                reading.status_codes.extend(_error_codes(block.text))
            if not isinstance(block, CodeBlock):
                continue
            message = parse_message(block.text)
            if kind and message is None and kind == "response":
                message = HttpMessage("", (), block.text)
            if message is None:
                continue
            if kind:
                syntax.append((kind, message))
            else:
                _read_sample(message, samples, reading)
    for kind, message in syntax:
        _read_syntax_message(kind, message, samples, reading)
    samples_by_root = [s.root for s in reading.sample_skeletons]
    reading.bodies = [
        replace(body, root=_with_samples(body.root, samples_by_root)) for body in reading.bodies
    ]
    reading.bodies.extend(_other_roots(reading.bodies, reading.sample_skeletons))
    return reading


def _with_samples(root: XmlElement, samples: list[XmlElement]) -> XmlElement:
    """A syntax skeleton completed by the sample bodies of the same root element: a
    syntax block often sketches one case (no ``CommonPrefixes``), the samples show others."""
    for sample in samples:
        if sample.name == root.name:
            root = merge_elements(root, sample)
    return root


def _other_roots(bodies: list[XmlBody], samples: list[XmlBody]) -> list[XmlBody]:
    """Sample bodies of another root element than the syntax body of their kind (a
    listing's ``ListVersionsResult`` beside its ``ListBucketResult``), after the syntax
    bodies: they may be another case of the body, which the element tables decide."""
    found: dict[tuple[str, str], XmlElement] = {}
    syntax = {(b.kind, b.root.name) for b in bodies}
    kinds = {kind for kind, _ in syntax}
    for sample in samples:
        key = (sample.kind, sample.root.name)
        if sample.kind in kinds and key not in syntax:
            known = found.get(key)
            found[key] = sample.root if known is None else merge_elements(known, sample.root)
    return [XmlBody(kind, root) for (kind, _), root in found.items()]


def merge_elements(first: XmlElement, second: XmlElement) -> XmlElement:
    """One element with the children of both, in first-seen order."""
    children = {child.name: child for child in first.children}
    for child in second.children:
        known = children.get(child.name)
        children[child.name] = child if known is None else merge_elements(known, child)
    return XmlElement(first.name, tuple(children.values()), first.repeated or second.repeated)


def _read_sample(
    message: HttpMessage, samples: dict[str, list[list[str]]], reading: SyntaxReading
) -> None:
    skeleton = xml_skeleton(message.body) if message.body.lstrip().startswith("<") else None
    request = _REQUEST_LINE.match(message.start)
    if skeleton is not None:
        reading.sample_skeletons.append(XmlBody(_sample_kind(message, request), skeleton))
    if request:
        samples.setdefault(request.group(1), []).append(_split_target(request.group(2))[0])
        reading.sample_bodies.append(message.body)
        return
    status = _STATUS_LINE.match(message.start)
    if status and re.fullmatch(r"[2-5]\d\d", status.group(1)):
        reading.status_codes.append(StatusCode(status.group(1), ""))


def _sample_kind(message: HttpMessage, request: re.Match[str] | None) -> str:
    """``request``, ``response`` (a success) or ``error``."""
    if request:
        return "request"
    status = _STATUS_LINE.match(message.start)
    return "response" if status and status.group(1).startswith("2") else "error"


def _read_syntax_message(
    kind: str, message: HttpMessage, samples: dict[str, list[list[str]]], reading: SyntaxReading
) -> None:
    skeleton = xml_skeleton(message.body) if message.body else None
    if kind == "request":
        endpoint = _endpoint(message, samples)
        if endpoint is not None and endpoint not in reading.endpoints:
            reading.endpoints.append(endpoint)
        if endpoint is not None and not reading.request_media_type:
            reading.request_media_type = _request_media_type(message, skeleton, reading)
    status = _STATUS_LINE.match(message.start) if kind == "response" else None
    if status and re.fullmatch(r"[2-5]\d\d", status.group(1)):
        reading.status_codes.append(StatusCode(status.group(1), ""))
    if skeleton is not None and not any(b.kind == kind for b in reading.bodies):
        reading.bodies.append(XmlBody(kind, skeleton))


def _request_media_type(
    message: HttpMessage, skeleton: XmlElement | None, reading: SyntaxReading
) -> str:
    """The media type of the request body: XML for an XML skeleton; for other content
    (``<object Content>``, "Policy written in JSON") JSON where the samples send JSON, else
    bytes; a form where the Content-Type header names one; else none."""
    declared = (
        next((v for n, v in message.headers if n.lower() == "content-type"), "")
        .split(";")[0]
        .strip()
        .lower()
    )
    if skeleton is not None:
        return "application/xml"
    if declared.startswith("multipart/"):
        return declared
    content = [
        line.strip()
        for line in message.body.splitlines()
        if line.strip() and not (_PLACEHOLDER_LINE.match(line.strip()) and "header" in line.lower())
    ]
    if content:
        json_samples = any(b.lstrip().startswith("{") for b in reading.sample_bodies)
        return "application/json" if json_samples else "application/octet-stream"
    return ""


def _error_codes(text: str) -> list[StatusCode]:
    return [StatusCode(m.group(1), m.group(0)) for m in _ERROR_STATUS.finditer(text)]


# ---------------------------------------------------------------------------- roles


_BODY_SECTION = re.compile(r"\b(?:elements?|form)\b")
"""Words of a section title that holds a message's body ("Request Elements"), as whole
words: "Response Information" or "Format" are no body."""


def _body_role(table: FieldTable) -> TableRole | None:
    """Element tables are the body of their section's message, however they are linked
    (the syntax's skeleton gives their nesting); other request-parameter tables are
    the query."""
    section = table.section.lower()
    if table.role in (TableRole.HEADER, TableRole.QUERY, TableRole.PATH):
        return None
    if _BODY_SECTION.search(section):
        if section.startswith("request"):
            return TableRole.REQUEST_BODY
        if section.startswith("response"):
            return TableRole.RESPONSE_BODY
    if table.role is TableRole.REQUEST_BODY:
        return TableRole.QUERY
    return None


def apply_syntax(api: ApiPage, reading: SyntaxReading) -> ApiPage:
    """An API page read from syntax blocks: request-parameter tables outside the
    "elements" sections are the query (the body is the elements), and the syntax's
    bodies and status codes are added."""
    tables = tuple(replace(t, role=_body_role(t) or t.role) for t in api.tables)
    codes = {c.code: c for c in (*api.status_codes, *reading.status_codes)}
    return replace(
        api,
        tables=tables,
        status_codes=tuple(codes[c] for c in sorted(codes)),
        xml_bodies=tuple(reading.bodies),
        request_media_type=reading.request_media_type,
    )
