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
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import lxml.html
from lxml.html import HtmlElement

from tests.helpers.corpus_truth import html_pages, page_operations

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_STATUS_HEADER = re.compile(r"\b(status codes?|returned values?|return values?|return codes?)\b")
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


def _table_codes(table: HtmlElement) -> list[str]:
    rows = table.findall(".//tr")
    if not rows:
        return []
    header = [_clean(cell.text_content()).lower() for cell in rows[0] if cell.tag in ("th", "td")]
    columns = [i for i, cell in enumerate(header) if _STATUS_HEADER.search(cell)]
    if not columns:
        return []
    codes = []
    for row in rows[1:]:
        cells = [cell for cell in row if cell.tag in ("th", "td")]
        text = _clean(cells[columns[0]].text_content()) if columns[0] < len(cells) else ""
        match = _ROW_CODE.match(text)
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


def page_status_codes(html_file: Path) -> list[str]:
    """Status codes one page documents, in page order, without repeats."""
    document = lxml.html.parse(str(html_file)).getroot()
    if document is None:
        return []
    main = document.find(".//main")
    root = main if main is not None else document
    codes: list[str] = []
    in_status_section = False
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in _HEADINGS or "sectiontitle" in (element.get("class") or ""):
            in_status_section = bool(_STATUS_HEADING.match(_clean(element.text_content()).lower()))
        elif element.tag == "table":
            codes.extend(_table_codes(element))
        elif _is_block(element) and not _in_table(element):
            codes.extend(_line_codes(_own_text(element), in_status_section))
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
