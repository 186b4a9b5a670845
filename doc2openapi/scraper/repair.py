"""Damage the pages do to rows, names and URIs, put back by what the text says.

Rows: some pages swap a row's Type and Mandatory cells (``count | No | Integer`` under
``Parameter | Type | Mandatory``), or copy a row from a table that has a Mandatory column
into one that has none, so the requirement word sits in the Type column and the type word
opens the description (``containerBaseSize | No | Integer  Details: ...``). A requirement
word is never a type, so the row is read as the page meant it."""

from __future__ import annotations

import re

from doc2openapi.scraper.model import Cell

_REQUIREMENT_WORDS = frozenset({"yes", "no", "mandatory", "optional"})
_MAX_TYPE_WORDS = 6
_BROKEN_JOINT = re.compile(r"\s*([_.-])\s*")
_SCHEME = re.compile(r"^([a-z]+):\s*/\s*/", re.I)
_BLANK_IN_BRACES = re.compile(r"\{\?[^{}]*\}")
_QUERY_BLOCK = re.compile(r"\{\?([^{}=]+=\{.*)\}$")
"""``/detail{?minDisk={minDisk}&minRam={minRam}}``: a query string in a template block."""


def _is_requirement(cell: Cell) -> bool:
    return cell.text.strip().lower() in _REQUIREMENT_WORDS


def realigned(
    cells: tuple[Cell, ...], requirement: int | None, type_: int | None, description: int | None
) -> tuple[Cell, ...]:
    """``cells`` with a requirement word moved out of the Type column, where one is there."""
    if type_ is None or type_ >= len(cells) or not _is_requirement(cells[type_]):
        return cells
    out = list(cells)
    if requirement is not None and requirement < len(cells):
        if not _is_requirement(cells[requirement]) and cells[requirement].text.strip():
            out[type_], out[requirement] = cells[requirement], cells[type_]
        return tuple(out)
    if description is None or description >= len(cells) or len(cells[description].lines) < 2:
        return cells
    first, *rest = cells[description].lines
    words = first.text.split()
    if not words or len(words) > _MAX_TYPE_WORDS or first.text.rstrip().endswith("."):
        return cells
    links = cells[description].links
    out[type_] = Cell((first,), tuple(x for x in links if x.text and x.text in first.text))
    out[description] = Cell(tuple(rest), tuple(x for x in links if x not in out[type_].links))
    return tuple(out)


def repaired_name(text: str) -> str:
    """A parameter name with the blanks that a line break left beside ``_``, ``-`` or ``.``
    taken out (``scaling_ configuration _id`` → ``scaling_configuration_id``). A name with
    blanks elsewhere (a sentence, a placeholder) is kept as written."""
    name = text.strip()
    joined = _BROKEN_JOINT.sub(r"\1", name)
    return joined if " " in name and " " not in joined else name


def repaired_target(target: str) -> str:
    """A URI as meant: ``https: //host/...`` (a scheme the portal broke around a link) and
    query expansions (``{?a, b}``) have their blanks taken out, a query string in braces
    (``{?a={a}&b={b}}``) is opened, and one that starts with ``&`` instead of ``?``
    (``/servers&name={name}``) starts with ``?``."""
    text = _SCHEME.sub(r"\1://", target.strip())
    text = _QUERY_BLOCK.sub(r"?\1", _BLANK_IN_BRACES.sub(lambda m: "".join(m[0].split()), text))
    if "?" not in text and "&" in text:
        text = text.replace("&", "?", 1)
    return text
