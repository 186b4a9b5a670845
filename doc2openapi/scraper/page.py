"""HTML to :class:`Page`: one walk over the content, one small handler per element kind.

Both input formats go through here. What differs between them (where the content sits,
where the topic anchor and breadcrumbs are) is found by :func:`_content_root` and friends;
everything after that is shared.
"""

from __future__ import annotations

import re
from typing import cast

import lxml.etree
from lxml.etree import _Element

from doc2openapi.diagnostics import Code, Level
from doc2openapi.inputs import MAX_PAGE_BYTES
from doc2openapi.scraper.decode import decode_page, looks_binary
from doc2openapi.scraper.elements import PageContext, text_of
from doc2openapi.scraper.model import Page, PageFormat
from doc2openapi.scraper.sections import SectionBuilder, walk_sections

MAX_ATTRIBUTES = 256
_ATTRIBUTE_CHECK_BYTES = 128 * 1024
_NEVER_TEXT = ("script", "style", "noscript", "template")
"""Elements removed from the tree after parsing: their content is never documentation."""
_RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"}
)
"""Elements whose content runs to their end tag: unterminated, they swallow the page."""
_LONG_TAG = re.compile(r"<([A-Za-z][^\s/<>]*)[^<>]{1024}")
"""The start of a tag over 1 KiB long (the corpus's longest is 416 characters)."""
_ATTRIBUTE = re.compile(r"""[\s/]*[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")
_BREADCRUMBS = lxml.etree.XPath('id("breadcrumbs")/li')
"""The portal's breadcrumbs (``id()``: libxml2 indexes ids, no walk over the page)..."""
_BREADCRUMBS_SCAN = lxml.etree.XPath('//*[@id="breadcrumbs"]/li')
"""... unless ``id()`` finds none: libxml2 also indexes ``<a name>``, and keeps one element
per id."""


def _content_root(document: _Element) -> tuple[_Element, PageFormat]:
    main = next(document.iterdescendants("main"), None)
    if main is not None:
        return main, PageFormat.PORTAL
    body = next(document.iterdescendants("body"), None)
    return (body if body is not None else document), PageFormat.EXPORT


def _topic_anchor(root: _Element, page_format: PageFormat) -> str:
    """The anchor that names the topic: ``<a name>`` before the title (export) or the
    ``<span id>`` label Sphinx keeps before the first heading (portal)."""
    if page_format is PageFormat.EXPORT:
        for element in root.iter("a", "h1"):
            if element.tag == "h1":
                break
            if element.get("name"):
                return str(element.get("name"))
        return ""
    heading = next(root.iterdescendants("h1"), None)
    if heading is None:
        return ""
    sibling = heading.getprevious()
    while sibling is not None:
        if sibling.tag == "span" and sibling.get("id"):
            return str(sibling.get("id"))
        sibling = sibling.getprevious()
    return ""


def _breadcrumbs(document: _Element) -> tuple[str, ...]:
    crumbs = cast(list[_Element], _BREADCRUMBS(document) or _BREADCRUMBS_SCAN(document))
    names = [text_of(li) for li in crumbs if "breadcrumb-title" not in (li.get("class") or "")]
    return tuple(name for name in names if name)


def _parse_tree(text: str, context: PageContext) -> _Element | None:
    """Parse with libxml2's HTML parser: no network, no DTD, no entity expansion (the HTML
    parser never expands declared entities), libxml2's depth limit (256) kept."""
    parser = lxml.etree.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        recover=True,
        huge_tree=False,
    )
    text = _limit_attributes(text, context)
    try:
        document = lxml.etree.fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.LxmlError, ValueError) as error:
        context.report(Code.UNREADABLE_PAGE, f"HTML could not be parsed: {error}")
        return None
    if document is None:
        context.report(Code.EMPTY_PAGE, "the file holds no element (only comments or a DOCTYPE)")
        return None
    for entry in parser.error_log:
        if entry.type_name != "ERR_RESOURCE_LIMIT":
            continue
        if "depth" in entry.message.lower():
            context.report(
                Code.TOO_DEEP,
                f"elements nested deeper than 256 levels (line {entry.line}); the parser "
                "stops there and the rest of the page is not read",
            )
        else:
            context.report(
                Code.PAGE_TOO_LARGE,
                f"{entry.message.strip()} (line {entry.line}); the parser stops there and the "
                "rest of the page is not read",
            )
        break
    return document


def _limit_attributes(text: str, context: PageContext) -> str:
    """Keep the first :data:`MAX_ATTRIBUTES` attributes of an element that has more.

    libxml2 checks each attribute against all the others of its element, so one element
    with 100,000 attributes takes minutes to parse. A page under
    :data:`_ATTRIBUTE_CHECK_BYTES` cannot hold enough of them to matter and is not
    searched (a regular expression over every tag costs a few percent of the reading).
    """
    if len(text) < _ATTRIBUTE_CHECK_BYTES:
        return text
    pieces: list[str] = []
    done = 0
    for match in _LONG_TAG.finditer(text):
        start = match.start()
        if start < done:
            continue
        end = text.find(">", start)
        end = len(text) if end < 0 else end
        attributes = list(_ATTRIBUTE.finditer(text, match.end(1), end))
        if len(attributes) <= MAX_ATTRIBUTES:
            continue
        context.report(
            Code.PAGE_TOO_LARGE,
            f"an element with {len(attributes)} attributes (line "
            f"{text.count(chr(10), 0, start) + 1}); only the first {MAX_ATTRIBUTES} are read",
        )
        pieces.append(text[done : attributes[MAX_ATTRIBUTES - 1].end()])
        done = end
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _unterminated(text: str, tag: str) -> bool:
    """Whether the last ``<tag`` of the page has no ``</tag`` after it: first looked up in
    lower and upper case only (portal pages end in a script), then case-insensitively."""
    variants = (tag, tag.upper())
    opened = max(text.rfind("<" + name) for name in variants)
    closed = max(text.rfind("</" + name) for name in variants)
    if opened < closed:
        return False
    lowered = text.lower()
    return lowered.find("</" + tag, lowered.rfind("<" + tag)) < 0


def _check_markup(text: str, document: _Element, context: PageContext) -> None:
    """Report markup that hides the rest of the page or that is never read (cheap checks
    on the source: a few ``find`` calls, and only for a page that ends in a raw-text
    element a case-insensitive search)."""
    opened = text.rfind("<!--")
    if opened >= 0 and not text.startswith(("<!-->", "<!--->"), opened):
        closed = text.find("-->", opened + 4)
        if closed < 0 and text.find("--!>", opened + 4) < 0:
            context.report(
                Code.UNTERMINATED_MARKUP,
                f"a comment opened on line {text.count(chr(10), 0, opened) + 1} is never "
                f"closed; the {len(text) - opened} characters after it are not read",
            )
    last = document
    while len(last):
        last = last[-1]
    tag = last.tag
    if isinstance(tag, str) and tag in _RAW_TEXT and _unterminated(text, tag):
        opened = text.lower().rfind("<" + tag)
        if opened >= 0:
            context.report(
                Code.UNTERMINATED_MARKUP,
                f"a <{tag}> opened on line {text.count(chr(10), 0, opened) + 1} is never "
                f"closed; the {len(text) - opened} characters after it are not read",
            )
    entities = text.count("<!ENTITY")
    if entities:
        context.report(
            Code.ENTITIES_IGNORED,
            f"{entities} entity declaration(s) in the DOCTYPE; entities are never expanded "
            "or fetched, references to them stay as written",
        )


def read_page(key: str, raw: bytes) -> Page:
    """Read one page. Never raises: problems become diagnostics on the returned page."""
    context = PageContext(key)
    empty = Page(key, PageFormat.EXPORT, "", "", (), ())
    if len(raw) > MAX_PAGE_BYTES:
        context.report(
            Code.PAGE_TOO_LARGE,
            f"{len(raw)} bytes, over the limit of {MAX_PAGE_BYTES}",
            "",
            Level.ERROR,
        )
        return _with(empty, context)
    decoded = decode_page(raw)
    if decoded.binary or looks_binary(decoded.text):
        context.report(Code.NOT_HTML, "the file is not text (binary content)", level=Level.ERROR)
        return _with(empty, context)
    if decoded.guessed:
        context.report(
            Code.ENCODING_GUESSED,
            f"{decoded.note}; read as {decoded.encoding}",
            level=Level.INFO,
        )
    if not decoded.text or decoded.text.isspace():
        context.report(
            Code.EMPTY_PAGE,
            "the file holds only white space" if decoded.text else "the file is empty",
        )
        return _with(empty, context)
    document = _parse_tree(decoded.text, context)
    if document is None:
        return _with(empty, context)
    _check_markup(decoded.text, document, context)
    lxml.etree.strip_elements(document, *_NEVER_TEXT, with_tail=False)
    root, page_format = _content_root(document)
    builder = SectionBuilder(context)
    walk_sections(root, builder)
    builder.close()
    title = builder.title or _title_fallback(document)
    page = Page(
        key,
        page_format,
        title,
        _topic_anchor(root, page_format),
        _breadcrumbs(document) if page_format is PageFormat.PORTAL else (),
        tuple(builder.sections),
    )
    return _with(page, context)


def _title_fallback(document: _Element) -> str:
    title = next(document.iterdescendants("title"), None)
    return text_of(title) if title is not None else ""


def _with(page: Page, context: PageContext) -> Page:
    if not context.diagnostics:
        return page
    return Page(
        page.key,
        page.format,
        page.title,
        page.topic_anchor,
        page.breadcrumbs,
        page.sections,
        tuple(context.diagnostics),
    )
