"""Error responses a service documents once, on a page of status codes that operations link
("Returned Values: See Returned Values for General Requests.", "Error Codes: See Error
Codes."): shared ``components/responses`` entries, one per error code, that each linking
operation refers to with ``$ref``.

Only the error codes (4xx and 5xx) of such a page are given to an operation. The success
codes a general page lists (200, 201, 202, 204) are the service's, of which each operation
answers its own, documented on its page; the 1xx and 3xx codes of a page that copies the
HTTP reference are handled by HTTP itself. A code the operation's page documents itself
keeps the page's own response.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from doc2openapi.scraper.model import ApiPage, Link, StatusCode
from doc2openapi.spec.responses import http_phrase, is_error_code
from doc2openapi.text_names import pascal_case


@dataclass
class SharedResponses:
    """The general pages of one service's codes, and the document's response components."""

    pages: dict[str, tuple[StatusCode, ...]]
    """Pages the service's operations link from a status section, with the codes each lists."""
    prefix: str
    """Put before each component's name where several services share the document."""
    components: dict[str, Any] = field(default_factory=dict)
    """``components/responses`` of the whole document."""

    @classmethod
    def of(
        cls,
        api_pages: Iterable[ApiPage],
        status_pages: Iterable[tuple[str, tuple[StatusCode, ...]]],
        prefix: str,
        components: dict[str, Any],
    ) -> SharedResponses:
        listed = dict(status_pages)
        linked = {k.page for page in api_pages for k in page.status_links if k.page in listed}
        return cls({key: listed[key] for key in sorted(linked)}, prefix, components)

    def error_codes(self, links: Iterable[Link]) -> tuple[list[str], list[Link]]:
        """The error codes the pages of ``links`` list, in link and page order, and the
        links that lead to no page of codes."""
        codes: dict[str, None] = {}
        idle: list[Link] = []
        for link in links:
            listed = self.pages.get(link.page, ())
            errors = [c.code for c in listed if is_error_code(c.code)]
            if not errors:
                idle.append(link)
            codes.update((code, None) for code in errors)
        return list(codes), idle

    def ref(self, code: str) -> dict[str, str]:
        """A reference to the shared response of an error code (made on first use)."""
        name = f"{self.prefix}Error{code}"
        if name not in self.components:
            self.components[name] = {"description": self.description(code)}
        return {"$ref": f"#/components/responses/{name}"}

    def description(self, code: str) -> str:
        """The first description a linked page gives the code, by page key (the same for
        every operation, whichever page it links), else the HTTP phrase."""
        for codes in self.pages.values():
            for listed in codes:
                if listed.code == code and listed.description:
                    return listed.description
        return http_phrase(code)


def service_prefix(name: str, several: bool) -> str:
    """``Ecs`` before the shared responses' names where several services share a document."""
    return pascal_case(name) if several else ""
