"""Independent lister of the HTTP status codes a corpus page documents.

Like :mod:`corpus_truth`, this module knows nothing about doc2openapi: it reads the HTML
itself (lxml) so that the scraper's responses can be checked against it. A page documents
a status code when one of these holds (headings are read without their ``¶`` mark):

* a table has a header cell naming status codes or returned values ("Status Code",
  "HTTP Status Code", "Returned Value(s)", "Return Value", "Return Code"), in any column
  (error-code tables give the code in their last one): the code that starts that column's
  cell in each row ("200", "400 Bad Request");
* a paragraph or list item says exactly ``Status code: NNN`` (the generated layout's line
  before each response table and example);
* under a heading such as "Status Code(s)", "Returned Value(s)" or "Return Codes", a
  paragraph or list item is only codes, perhaps after "Normal"/"Abnormal"/"Error"
  ("200", "Normal 200", "201, 202"), or names a code with its phrase ("204 No Content").

Prose that merely mentions a code ("if status code 200 is returned, ...") is not counted.

A page also documents the error codes of a page it refers to. Under a heading such as
"Status Code(s)", "Returned Value(s)", "Error Codes" or "Error Responses", a paragraph or list
item that links another page ("See Returned Values for General Requests.", "For details about
error status codes, see Status Codes.", "see Table 2" on the error-code page) makes the linked
page's codes (read as above, one link deep, the whole page) the page's own, but only its error
codes, 4xx and 5xx: a general page lists every success code of the service (200, 201, 202,
204) of which each operation answers its own, and the 1xx and 3xx codes an HTTP reference page
lists are handled by HTTP itself, not by the operation. Navigation ("Parent topic", "Prev",
"Next") sits outside paragraphs and list items, or in a ``<nav>``, and is not read.

Status-code and error-code tables are read as a browser lays them out: a cell that spans rows
("rowspan") gives its code to each row it covers (an error-code table gives the status once
for a run of error codes).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import lxml.html
from lxml.html import HtmlElement

from tests.helpers.corpus_truth import html_pages, page_operations

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_STATUS_HEADER = re.compile(
    r"\b(status codes?|returned values?|return values?|return codes?|response codes?)\b"
)
_STATUS_HEADING = re.compile(
    r"^(?:http )?(?:status codes?|returned values?|return values?|return codes?)$"
)
_STATUS_LINE = re.compile(r"^status code\s*:?\s*([1-5]\d\d)$", re.I)
_CODES_ONLY = re.compile(
    r"^(?:(?:normal|abnormal|error|success)(?: values?)?\s*:?\s*)?"
    r"([1-5]\d\d(?:\s*(?:,|/|and|or)?\s*[1-5]\d\d)*)\.?$",
    re.I,
)
_CODE_PHRASE = re.compile(r"\b([1-5]\d\d) (?:OK|Created|Accepted|No Content)\b")
_ROW_CODE = re.compile(r"^\s*([1-5]\d\d)\b")
_REFERRING_HEADING = re.compile(
    r"^(?:http )?(?:status codes?|returned values?|return values?|return codes?|"
    r"error codes?|error responses?)$"
)
_ERROR_CODE = re.compile(r"^[45]\d\d$")


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00b6", "")).strip()


def _is_block(element: HtmlElement) -> bool:
    if element.tag in ("p", "li", "dt", "dd"):
        return True
    return element.tag == "div" and "p" in (element.get("class") or "").split()


def _own_text(element: HtmlElement) -> str:
    """The text of a block without the blocks and tables inside it."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and (_is_block(child) or child.tag in ("table", "ul", "ol")):
            parts.append(child.tail or "")
        else:
            parts.append(child.text_content() if isinstance(child.tag, str) else "")
            parts.append(child.tail or "")
    return _clean("".join(parts))


def _in_table(element: HtmlElement) -> bool:
    return any(parent.tag == "table" for parent in element.iterancestors())


def _grid(table: HtmlElement) -> list[list[str]]:
    """The text of a table's cells by row and column, a cell spanning rows repeated in each."""
    grid: list[list[str]] = []
    carried: dict[int, tuple[int, str]] = {}  # column -> (rows still covered, text)
    for row in table.findall(".//tr"):
        cells = [cell for cell in row if cell.tag in ("th", "td")]
        texts: list[str] = []
        while cells or any(column >= len(texts) for column in carried):
            column = len(texts)
            if column in carried:
                left, text = carried.pop(column)
                if left > 1:
                    carried[column] = (left - 1, text)
                texts.append(text)
                continue
            if not cells:
                texts.append("")
                continue
            cell = cells.pop(0)
            text = _clean(cell.text_content())
            span = cell.get("rowspan", "1")
            if span.isdigit() and int(span) > 1:
                carried[column] = (int(span) - 1, text)
            texts.append(text)
        grid.append(texts)
    return grid


def _table_codes(table: HtmlElement) -> list[str]:
    grid = _grid(table)
    if not grid:
        return []
    columns = [i for i, cell in enumerate(grid[0]) if _STATUS_HEADER.search(cell.lower())]
    if not columns:
        return []
    codes = []
    for row in grid[1:]:
        match = _ROW_CODE.match(row[columns[0]]) if columns[0] < len(row) else None
        if match:
            codes.append(match.group(1))
    return codes


def _line_codes(text: str, in_status_section: bool) -> list[str]:
    line = _STATUS_LINE.match(text)
    if line:
        return [line.group(1)]
    if not in_status_section:
        return []
    listed = _CODES_ONLY.match(text)
    if listed:
        return re.findall(r"\d{3}", listed.group(1))
    return _CODE_PHRASE.findall(text)


def _root(html_file: Path) -> HtmlElement | None:
    document = lxml.html.parse(str(html_file)).getroot()
    if document is None:
        return None
    main = document.find(".//main")
    return main if main is not None else document


def _is_heading(element: HtmlElement) -> bool:
    return element.tag in _HEADINGS or "sectiontitle" in (element.get("class") or "")


def own_status_codes(html_file: Path) -> list[str]:
    """Status codes one page itself documents, in page order, without repeats."""
    root = _root(html_file)
    if root is None:
        return []
    codes: list[str] = []
    in_status_section = False
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if _is_heading(element):
            in_status_section = bool(_STATUS_HEADING.match(_clean(element.text_content()).lower()))
        elif element.tag == "table":
            codes.extend(_table_codes(element))
        elif _is_block(element) and not _in_table(element):
            codes.extend(_line_codes(_own_text(element), in_status_section))
    return list(dict.fromkeys(codes))


def referred_pages(html_file: Path) -> list[Path]:
    """Other pages that the paragraphs and list items of a page's status-code, error-code
    and error-response sections link, in page order."""
    root = _root(html_file)
    if root is None:
        return []
    pages: list[Path] = []
    referring = False
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if _is_heading(element):
            referring = bool(_REFERRING_HEADING.match(_clean(element.text_content()).lower()))
        elif referring and element.tag == "a" and not _in_table(element):
            target = (element.get("href") or "").split("#")[0]
            ancestors = list(element.iterancestors())
            inside_block = any(_is_block(parent) for parent in ancestors)
            in_navigation = any(parent.tag == "nav" for parent in ancestors)
            if target and inside_block and not in_navigation and "://" not in target:
                linked = (html_file.parent / target).resolve()
                if linked.is_file() and linked != html_file.resolve():
                    pages.append(linked)
    return list(dict.fromkeys(pages))


def page_status_codes(html_file: Path) -> list[str]:
    """Status codes a page documents: its own, then the error codes of the pages its
    status sections refer to (see the module's docstring), without repeats."""
    codes = own_status_codes(html_file)
    for linked in referred_pages(html_file):
        codes.extend(c for c in own_status_codes(linked) if _ERROR_CODE.match(c))
    return list(dict.fromkeys(codes))


def folder_status_codes(folder: Path) -> dict[str, list[str]]:
    """Documented status codes of every API page (one with a URI) of a corpus folder."""
    found: dict[str, list[str]] = {}
    for html_file in html_pages(folder):
        if page_operations(html_file):
            found[html_file.relative_to(folder).as_posix()] = page_status_codes(html_file)
    return found


_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def spec_response_codes(document: dict[str, Any]) -> dict[str, set[str]]:
    """Response codes of an OpenAPI document per source page (its operations' ``x-source``;
    a merged operation counts for each of its pages)."""
    found: dict[str, set[str]] = {}
    for item in document.get("paths", {}).values():
        for method in _METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            for page in str(operation.get("x-source", "")).split():
                found.setdefault(page, set()).update(operation.get("responses", {}))
    return found


if __name__ == "__main__":  # pragma: no cover - manual inspection helper
    import sys

    for argument in sys.argv[1:]:
        for page, codes in folder_status_codes(Path(argument)).items():
            print(f"{page}\t{' '.join(codes)}")
