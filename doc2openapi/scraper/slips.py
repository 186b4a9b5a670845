"""Links that are slips: a field points at a table described for another field.

- against an unreached table: a field links a table whose caption names neither the field
  nor its type, while a table that nothing reaches is captioned for it ("tolerations"
  linking "Table 7 nodeMatchExpression node affinity" beside "Table 6 Taints and
  tolerations"; ``Array of V2Job objects`` linking the body beside "Table 5 V2Job");
- against the example: the same, where the table captioned for the field is already reached
  (from a namesake field elsewhere on the page) and the page's example gives the field an
  object whose keys are fields of the captioned table and none of the linked one
  (``node_groups.auto_scaling_policy`` "see Table 5 Node configuration parameters" beside
  "Table 9 auto_scaling_policy parameter description"; "see Table 4-7" read as Table 4).

Each redirection is reported (D108), as those of :mod:`doc2openapi.scraper.placement`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from doc2openapi.diagnostics import Diagnostic
from doc2openapi.scraper.links import label_subject, same_page_table_numbers
from doc2openapi.scraper.model import Example, FieldRow, FieldTable, TableRole
from doc2openapi.scraper.placement import (
    example_value,
    holders,
    inference_note,
    link_to,
    reached_names,
    table_names,
)

_TYPE_VOCABULARY = frozenset(
    "array arrays list of object objects table map string dict dictionary data structure see "
    "the and or a an type".split()
)
_CAPTION_VOCABULARY = _TYPE_VOCABULARY | frozenset(
    "field fields parameter parameters description descriptions request response body "
    "configuration information details in for".split()
)
_WORD = re.compile(r"[A-Za-z_][\w-]*")


def redirect_misdirected(
    tables: list[FieldTable], unlinked: dict[str, str] | None = None
) -> tuple[list[FieldTable], list[Diagnostic]]:
    """A field whose Type cell links a table of the page captioned for neither the field
    nor its type, while exactly one table that nothing reaches is captioned for one of
    them: the link is a slip, and the captioned table describes the field (a key of
    ``unlinked``, the tables no link reaches, is removed once placed)."""
    reached = reached_names(tables)
    named = {row.name.lower() for table in tables for row in table.fields}
    orphans = [
        t
        for t in tables
        if t.role is TableRole.SCHEMA
        and not table_names(t) & reached
        and (label_subject(t.caption) or label_subject(t.label)).lower() not in named
    ]
    if not orphans:
        return tables, []

    def choose(_owner: FieldTable, row: FieldRow) -> tuple[FieldTable, FieldTable] | None:
        target = _type_target(tables, row)
        words = _row_words(row)
        found = [t for t in orphans if _captiontable_names(t, words)]
        if target is None or _captiontable_names(target, words) or len(found) != 1:
            return None
        return target, found[0]

    reason = "this table, which nothing reaches, is captioned for it"
    return _redirect(tables, choose, unlinked, reason)


def redirect_by_example(
    tables: list[FieldTable], examples: Sequence[Example], unlinked: dict[str, str]
) -> tuple[list[FieldTable], list[Diagnostic]]:
    """A field whose Type cell (or description) links a table captioned for neither the
    field nor its type, while exactly one other table of its section, reached or not, is
    captioned for one of them and the page's example gives the field an object (or
    objects) whose keys are all fields of that table and none of the linked one: the link
    is a slip (the table describing the field may already be reached from a namesake field
    elsewhere on the page)."""

    def choose(owner: FieldTable, row: FieldRow) -> tuple[FieldTable, FieldTable] | None:
        return _captioned_instead(tables, owner, row, examples)

    reason = "this table is captioned for it, and the page's example gives the field its fields"
    return _redirect(tables, choose, unlinked, reason)


_Choice = Callable[[FieldTable, FieldRow], "tuple[FieldTable, FieldTable] | None"]


def _redirect(
    tables: list[FieldTable], choose: _Choice, unlinked: dict[str, str] | None, reason: str
) -> tuple[list[FieldTable], list[Diagnostic]]:
    """The tables with each row ``choose`` finds a slip in linking the table it chooses."""
    result: list[FieldTable] = []
    notes: list[Diagnostic] = []
    for table in tables:
        rows = []
        for row in table.fields:
            found = choose(table, row)
            if found is None:
                rows.append(row)
                continue
            target, captioned = found
            rows.append(replace(row, type_links=(link_to(captioned),)))
            if unlinked is not None:
                unlinked.pop(captioned.key, None)
            detail = (
                f"field {row.name!r} links {target.caption or target.key!r}, which is "
                f"captioned for another field; {reason}"
            )
            notes.append(inference_note(captioned, row.name, detail))
        result.append(replace(table, fields=tuple(rows)))
    return result, notes


def _captioned_instead(
    tables: Sequence[FieldTable], owner: FieldTable, row: FieldRow, examples: Sequence[Example]
) -> tuple[FieldTable, FieldTable] | None:
    """The table a row links and the one table captioned for it that the example agrees
    with, where the linked one is captioned for neither the field nor its type."""
    target = _linked_target(tables, row, owner.page)
    words = _row_words(row)
    if target is None or _captiontable_names(target, words):
        return None
    found = [t for t in tables if t not in (target, owner) and _captiontable_names(t, words)]
    if len(found) != 1 or found[0].role is not TableRole.SCHEMA:
        return None
    if found[0].section != owner.section or _path_ends(target, row.name):
        return None
    value = member_beside(examples, owner, row.name)
    items = value if isinstance(value, list) else [value]
    keys = {k for item in items if isinstance(item, dict) for k in item}
    if not keys or not all(isinstance(item, dict) for item in items):
        return None
    fields = {r.name for r in found[0].fields}
    if not keys <= fields or keys & {r.name for r in target.fields}:
        return None
    return target, found[0]


def _path_ends(table: FieldTable, name: str) -> bool:
    """Whether the caption names a field path that ends with the field ("spec-spec")."""
    text = " ".join((table.caption, table.label)).lower()
    return any(re.split(r"[-./]", w)[-1] == name.lower() for w in _WORD.findall(text))


def member_beside(examples: Sequence[Example], owner: FieldTable, name: str) -> Any:
    """The value the page's example gives field ``name`` in an object that also holds
    another field of ``owner``; None where no example shows it so."""
    names = {row.name for row in owner.fields} - {name}
    for example in examples:
        for parent in holders(example_value(example.text), name):
            if names & set(parent):
                return parent[name]
    return None


def _linked_target(tables: Sequence[FieldTable], row: FieldRow, page: str) -> FieldTable | None:
    """The one table of the page the field's Type cell, else its description, points at."""
    if row.type_links or re.search(r"\bTable\s*\d", row.type_text):
        return _type_target(tables, row)
    names = {f"#{k.fragment}" for k in row.description_links if k.fragment and k.page in ("", page)}
    text = " ".join(line.text for line in row.description)
    names.update(f"table {n}" for n in same_page_table_numbers(text, row.description_links, page))
    found = [t for t in tables if table_names(t) & names]
    return found[0] if len(found) == 1 else None


def _type_target(tables: Sequence[FieldTable], row: FieldRow) -> FieldTable | None:
    """The table of the page the Type cell links (or names as "Table N")."""
    names = {f"#{link.fragment}" for link in row.type_links if link.fragment}
    names.update(f"table {n}" for n in re.findall(r"\bTable\s*(\d+)\b", row.type_text))
    found = [t for t in tables if table_names(t) & names]
    return found[0] if len(found) == 1 else None


def _row_words(row: FieldRow) -> set[str]:
    """The field's name and the structure name its type gives (``V2Job``), lower case."""
    words = {row.name.lower()}
    words.update(
        w.lower() for w in _WORD.findall(row.type_text) if w.lower() not in _TYPE_VOCABULARY
    )
    return words


def _captiontable_names(table: FieldTable, words: set[str]) -> bool:
    text = " ".join((table.caption, table.label)).lower()
    found = set(_WORD.findall(text)) - _CAPTION_VOCABULARY
    found |= {w[:-1] for w in found if w.endswith("s")}
    return bool(found & words) or bool({f"{w}s" for w in found} & words)
