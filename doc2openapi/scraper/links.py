"""How a page names a nested table: by its caption, or by the paragraph just before it.

A nested table is reached through a link, a "Table N" mention or the name of the field it
describes. Captions say "nics field description"; tables without a caption follow a
labelling paragraph or list item instead: "Parameters in the **volume** field", "Data
structure of the metadata field", or just the field's path (``auth.identity``). The
subject found here is the field the table describes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from doc2openapi.scraper.model import Link, Page, Paragraph

_CAPTION_SUBJECT = re.compile(
    r"^(?P<subject>[A-Za-z_][\w:.-]*)(?:\s+\([^)]*\))?\s+(?:field|fields|parameter|parameters|"
    r"attribute|attributes|object|objects|information|structure)"
    r"(?:\s+(?:description|descriptions|information))?(?:\s+.*)?$",
    re.I,
)
_LABEL_SUBJECT = re.compile(
    r"^(?:(?:the\s+)?(?:(?:parameters?|fields?|attributes?|elements?|members?|data\s+structure|"
    r"structure|description|configuration)s?\s+)+(?:in|of|for|inside|within)\s+)(?:the\s+)?"
    r"(?:(?:field|parameter|object|attribute)\s+(?=\S+\s*[.:]?$))?"
    r"(?P<subject>[A-Za-z_][\w:./-]*)"
    r"(?:\s+(?:field|parameter|object|attribute|structure|array|list|element|format)s?)?"
    r"\s*[.:]?$",
    re.I,
)
_TABLE_REFERENCE = re.compile(r"\bTable\s+(\d+)\b")
_FIELD_PATH = re.compile(r"^[A-Za-z_@][\w:@-]*(?:\.[A-Za-z_@][\w:@-]*)*$")
"""A field name or a dotted path of them (``auth.identity.policy.Statement``)."""
_GENERIC = frozenset(
    {
        "parameter",
        "parameters",
        "field",
        "fields",
        "request",
        "response",
        "body",
        "header",
        "headers",
        "description",
        "descriptions",
        "normal",
        "abnormal",
        "example",
        "examples",
        "note",
        "notes",
        "uri",
        "url",
    }
)
"""Words that head a table without naming any field ("Parameters", "Response")."""
_PLACES = frozenset({"request", "response", "uri", "url", "path", "query", "header", "headers"})
"""Where parameters go: "Request parameters" names no field."""


def caption_subject(caption: str) -> str:
    """The field a caption such as "nics field description" or "ip_range objects" is about;
    a caption that is just a field's name or path ("credential") names it too."""
    text = caption.strip()
    match = _CAPTION_SUBJECT.match(text)
    if match:
        subject = match.group("subject")
        return "" if subject.lower() in _PLACES else subject
    return _bare_subject(text)


def label_subject(label: str) -> str:
    """The field a labelling paragraph or a caption names: "Parameters in the volume
    field", "Data structure of the metadata field", "server_tags field description",
    "auth.identity"."""
    text = label.strip()
    if not text or len(text) > 120:
        return ""
    match = _LABEL_SUBJECT.match(text)
    if match:
        subject = _last_segment(match.group("subject"))
        return "" if subject.lower() in _PLACES else subject
    return caption_subject(text)


def label_path(label: str) -> tuple[str, ...]:
    """The whole field path a caption or labelling paragraph names: ``token.catalog``,
    "Data structure of the spec/extendParam field" (``("spec", "extendParam")``); a single
    field is a path of one."""
    text = label.strip()
    if not text or len(text) > 120:
        return ()
    match = _LABEL_SUBJECT.match(text) or _CAPTION_SUBJECT.match(text)
    if match:
        path = match.group("subject")
    elif _FIELD_PATH.match(text):
        path = text
    else:
        return ()
    segments = tuple(s for s in re.split(r"[./]", path) if s)
    if not segments or segments[-1].lower() in _PLACES | _GENERIC:
        return ()
    return segments


def subject_field_names(subject: str) -> tuple[str, ...]:
    """The names of the field a table about ``subject`` describes: the subject itself, or a
    list of them ("tag" describes each of ``tags``, "match" each of ``matches``)."""
    return (subject, f"{subject}s", f"{subject}es") if subject else ()


def _bare_subject(text: str) -> str:
    if not _FIELD_PATH.match(text):
        return ""
    subject = _last_segment(text)
    return "" if subject.lower() in _GENERIC else subject


def _last_segment(path: str) -> str:
    """``auth.identity`` and ``spec/extendParam`` name their last member."""
    return re.split(r"[./]", path.rstrip("./"))[-1]


def same_page_table_numbers(text: str, links: Sequence[Link], page_key: str) -> list[str]:
    """Numbers of "Table N" mentions, except those that are links to another page."""
    if "Table" not in text:
        return []
    elsewhere = {
        match
        for link in links
        if link.page and link.page != page_key
        for match in _TABLE_REFERENCE.findall(link.text)
    }
    return [n for n in _TABLE_REFERENCE.findall(text) if n not in elsewhere]


def listed_pages(page: Page) -> tuple[str, ...]:
    """The pages an index page lists: a page with no table whose paragraphs link other
    pages of the folder ("Add-on Instance Parameters" listing one page per add-on). A link
    to such a page where a field's structure belongs means each listed page's table."""
    return () if page.tables() else linked_pages(page)


def linked_pages(page: Page) -> tuple[str, ...]:
    """The other pages of the folder that a page's paragraphs and list items link to, in
    page order."""
    found: dict[str, None] = {}
    for section in page.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                found.update((k.page, None) for k in block.links if k.page and k.page != page.key)
    return tuple(found)
