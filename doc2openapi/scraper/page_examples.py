"""A page's example blocks, each as a request or a response, with its status and label."""

from __future__ import annotations

from doc2openapi.scraper.endpoints import METHODS
from doc2openapi.scraper.model import CodeBlock, Example, Page, Paragraph
from doc2openapi.scraper.section_titles import SectionKind, section_kind
from doc2openapi.scraper.status import stated_status, status_after


def page_examples(page: Page) -> list[Example]:
    examples: list[Example] = []
    for section in page.sections:
        kind = section_kind(section.title)
        if kind not in (
            SectionKind.EXAMPLE_REQUEST,
            SectionKind.EXAMPLE_RESPONSE,
            SectionKind.EXAMPLE,
            SectionKind.REQUEST,
            SectionKind.RESPONSE,
        ):
            continue
        status = ""
        title = ""
        label = SectionKind.OTHER
        for block in section.blocks:
            if isinstance(block, Paragraph):
                title = title if stated_status(block.text) else block.text
                status = status_after(block.text, status)
                label = _example_label(block.text, label)
            elif isinstance(block, CodeBlock):
                example_kind = _example_kind(kind, block.text, label)
                examples.append(Example(example_kind, status, block.text, title))
    return examples


def _example_label(text: str, label: SectionKind) -> SectionKind:
    """The labelling paragraph in force: "Example request" holds for every example after
    it, those under a paragraph that only says what the next one shows ("Creating a
    cluster with HA enabled") included, until "Example response" or a line that names a
    status ("Status code: 200", "Abnormal response") says otherwise."""
    kind = section_kind(text)
    if kind in (SectionKind.EXAMPLE_REQUEST, SectionKind.EXAMPLE_RESPONSE):
        return kind
    if status_after(text, "?") != "?":
        return SectionKind.EXAMPLE_RESPONSE
    return label


def _example_kind(kind: SectionKind, text: str, label: SectionKind) -> str:
    """Request or response: by the section, else by the labelling paragraph in force
    ("Example request"), else by its first word (a method starts a request)."""
    stripped = text.lstrip()
    if kind in (SectionKind.EXAMPLE_REQUEST, SectionKind.REQUEST):
        return "request"
    if kind in (SectionKind.EXAMPLE_RESPONSE, SectionKind.RESPONSE):
        return "response"
    if label in (SectionKind.EXAMPLE_REQUEST, SectionKind.EXAMPLE_RESPONSE):
        return "request" if label is SectionKind.EXAMPLE_REQUEST else "response"
    return "request" if stripped.split(" ", 1)[0] in METHODS else "response"
