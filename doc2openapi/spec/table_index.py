"""The parameter tables of one service, indexed by the ways documents point at a table:
anchor, table number, caption, the field a caption names, section and lead paragraph."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from doc2openapi.scraper.captions import value_variants
from doc2openapi.scraper.links import label_subject
from doc2openapi.scraper.model import FieldTable


@dataclass
class TableIndex:
    """Every parameter table of one service, by the ways documents point at tables."""

    by_anchor: dict[tuple[str, str], FieldTable] = field(default_factory=dict)
    by_number: dict[tuple[str, str], FieldTable] = field(default_factory=dict)
    by_caption: dict[tuple[str, str], FieldTable] = field(default_factory=dict)
    by_subject: dict[tuple[str, str], list[FieldTable]] = field(default_factory=dict)
    by_section: dict[tuple[str, str], FieldTable] = field(default_factory=dict)
    by_lead: dict[tuple[str, str], FieldTable] = field(default_factory=dict)
    by_key: dict[tuple[str, str], FieldTable] = field(default_factory=dict)
    """Tables by their key, which is no anchor for a table without one (``table-7``)."""
    pages: set[str] = field(default_factory=set)
    """Every page read (a link elsewhere leads out of the folder)."""
    captions: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_page: dict[str, list[FieldTable]] = field(default_factory=dict)
    _variants: dict[str, dict[str, list[FieldTable]]] = field(default_factory=dict)

    def add(self, table: FieldTable) -> None:
        self.pages.add(table.page)
        self.by_page.setdefault(table.page, []).append(table)
        self.captions[(table.page, table.caption)] += 1
        for anchor in table.anchors:
            self.by_anchor.setdefault((table.page, anchor), table)
        for anchor in table.section_anchors:
            self.by_section.setdefault((table.page, anchor), table)
        for anchor in table.lead_anchors:
            self.by_lead.setdefault((table.page, anchor), table)
        self.by_key.setdefault((table.page, table.key), table)
        if table.number:
            self.by_number.setdefault((table.page, table.number), table)
        if table.caption:
            self.by_caption.setdefault((table.page, table.caption.lower()), table)
        subject = label_subject(table.caption) or label_subject(table.label)
        if subject:
            self.by_subject.setdefault((table.page, subject.lower()), []).append(table)

    def alternatives(self, table: FieldTable) -> list[FieldTable]:
        """The tables of the page labelled for one value of a field of ``table``: the
        object it describes, for that value (see :func:`value_variants`)."""
        if table.page not in self._variants:
            tables = self.by_page.get(table.page, [])
            keys = {t.key: t for t in tables}
            found: dict[str, list[FieldTable]] = {}
            for variant, parent in value_variants(tables).items():
                found.setdefault(parent, []).append(keys[variant])
            self._variants[table.page] = found
        return self._variants[table.page].get(table.key, [])

    def label(self, table: FieldTable) -> str:
        """How diagnostics name a table: its caption, with its number where another table
        of the page has the same caption (kms pages caption seven tables "ErrorDetail")."""
        if not table.caption:
            return table.key
        if table.number and self.captions[(table.page, table.caption)] > 1:
            return f"Table {table.number} {table.caption}"
        return table.caption

    def subject_table(self, referrer: FieldTable, name: str) -> FieldTable | None:
        """The table whose caption names field ``name`` ("nics field description"), for a
        field of ``referrer``. A page may caption two tables alike (the request's and the
        response's ``fpga_image``): the one in the referrer's section wins, and among those
        the nearest one after the referrer."""
        key = name.lower()
        named = self.by_subject.get((referrer.page, key))
        for plural in ("s", "es"):  # "servers": "server", "matches": "match"
            if named is None and key.endswith(plural):
                named = self.by_subject.get((referrer.page, key[: -len(plural)]))
        candidates = [t for t in named or [] if t is not referrer]
        same_section = [t for t in candidates if t.section == referrer.section] or candidates
        after = [t for t in same_section if _number(t) > _number(referrer)]
        if after:
            return min(after, key=_number)
        return same_section[0] if same_section else None


def _number(table: FieldTable) -> int:
    return int(table.number) if table.number.isdigit() else 0
