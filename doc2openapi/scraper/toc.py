"""Table of contents: ``CLASS.TXT.json`` of the export format (code / p_code tree), or the
breadcrumbs of portal pages. Gives each page its chain of group titles."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.inputs import TOC_FILE

MAX_TOC_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class TocEntry:
    title: str
    groups: tuple[str, ...]
    """Titles of the groups above the page, outermost first."""
    description: str = ""


@dataclass(frozen=True, slots=True)
class Toc:
    entries: dict[str, TocEntry]
    product_code: str = ""
    """The service's short name as the export states it (``ecs``)."""


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def read_toc(folder: Path) -> tuple[Toc, list[Diagnostic]]:
    path = folder / TOC_FILE
    if not path.is_file():
        return Toc({}), []
    try:
        if path.stat().st_size > MAX_TOC_BYTES:
            raise ValueError(f"over {MAX_TOC_BYTES} bytes")
        raw = json.loads(path.read_bytes().decode("utf-8-sig"))
    except RecursionError:
        return Toc({}), [
            Diagnostic(Level.WARNING, Code.UNREADABLE_PAGE, TOC_FILE, "nested too deeply to read")
        ]
    except (OSError, ValueError) as error:
        return Toc({}), [
            Diagnostic(Level.WARNING, Code.UNREADABLE_PAGE, TOC_FILE, f"not readable: {error}")
        ]
    if not isinstance(raw, list):
        return Toc({}), [
            Diagnostic(Level.WARNING, Code.UNREADABLE_PAGE, TOC_FILE, "not a list of entries")
        ]
    by_code: dict[str, dict[str, object]] = {}
    for item in raw:
        if isinstance(item, dict) and _text(item.get("code")):
            by_code[_text(item.get("code"))] = item
    entries: dict[str, TocEntry] = {}
    for item in by_code.values():
        groups: list[str] = []
        parent = _text(item.get("p_code"))
        seen: set[str] = set()
        while parent and parent in by_code and parent not in seen:
            seen.add(parent)
            groups.insert(0, _text(by_code[parent].get("title")))
            parent = _text(by_code[parent].get("p_code"))
        uri = _text(item.get("uri"))
        if uri:
            entries[uri] = TocEntry(
                _text(item.get("title")), tuple(groups), _text(item.get("desc"))
            )
    codes = sorted({_text(item.get("product_code")) for item in by_code.values()} - {""})
    return Toc(entries, codes[0] if len(codes) == 1 else ""), []
